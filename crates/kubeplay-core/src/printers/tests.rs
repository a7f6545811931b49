//! Printer tests over small simulated worlds built with [`crate::sim::run`]: each kind's header and
//! rows, pod STATUS/READY/RESTARTS over a pod's life, namespaces, wide columns, `describe pod`.

use super::*;
use crate::manifest;
use crate::nodes::NodeInfo;
use crate::sim::{self, scenario, Options};

/// A test node: name, labels, cordoned.
type TestNode<'a> = (&'a str, &'a [(&'a str, &'a str)], bool);

/// Runs `yaml` on `nodes` with a scenario until `at`.
fn run_world(yaml: &str, nodes: &[TestNode<'_>], scenario_text: &str, at: Millis) -> World {
    let loaded = manifest::load_all(yaml);
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    let nodes: Vec<NodeInfo> = nodes
        .iter()
        .map(|(name, labels, cordoned)| {
            let mut n = NodeInfo::new(*name);
            n.labels
                .extend(labels.iter().map(|(k, v)| (k.to_string(), v.to_string())));
            n.unschedulable = *cordoned;
            n.sync_condition_taints();
            n
        })
        .collect();
    let steps = scenario::parse(scenario_text).expect("scenario parses");
    let opts = Options {
        duration: at,
        ..Default::default()
    };
    let (e, errors) = sim::run(&loaded.objects, &nodes, &steps, &opts, &|f| {
        Err(format!("no file {f}"))
    });
    assert!(errors.is_empty(), "{errors:?}");
    e.world
}

fn one_node(yaml: &str, at: Millis) -> World {
    run_world(yaml, &[("n1", &[], false)], "", at)
}

fn pod(name: &str, annotations: &[(&str, &str)], restart_policy: &str) -> String {
    let ann: String = annotations
        .iter()
        .map(|(k, v)| format!("\n    {k}: \"{v}\""))
        .collect();
    format!(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: {name}\n  annotations: {{}}{ann}\nspec:\n  restartPolicy: {restart_policy}\n  containers:\n  - name: app\n    image: busybox\n"
    )
    .replace("annotations: {}\n    ", "annotations:\n    ")
}

/// The cells of the row called `name`.
fn row(t: &Table, name: &str) -> Vec<String> {
    t.rows
        .iter()
        .find(|r| r.name == name)
        .unwrap_or_else(|| panic!("no row {name} in {t:?}"))
        .cells
        .clone()
}

#[test]
fn pod_columns_over_a_pods_life() {
    // (pod, at, READY, STATUS, RESTARTS)
    let crash = pod(
        "p",
        &[
            ("kubeplay.io/duration", "5s"),
            ("kubeplay.io/exit-codes", "1"),
        ],
        "Always",
    );
    let cases: Vec<(String, Millis, &str, &str, &str)> = vec![
        (pod("p", &[], "Always"), 5_000, "1/1", "Running", "0"),
        (
            pod("p", &[("kubeplay.io/startup", "10s")], "Always"),
            5_000,
            "0/1",
            "ContainerCreating",
            "0",
        ),
        (
            pod("p", &[("kubeplay.io/startup", "10s")], "Always"),
            10_000,
            "1/1",
            "Running",
            "0",
        ),
        // Exits at 5s and restarts at once (the kubelet's first restart has no back-off), runs
        // 5s–10s, back-off 10s, runs 20s–25s, back-off 20s, runs 45s–50s, back-off 40s.
        (crash.clone(), 7_000, "1/1", "Running", "1 (2s ago)"),
        (
            crash.clone(),
            42_000,
            "0/1",
            "CrashLoopBackOff",
            "2 (17s ago)",
        ),
        (crash, 60_000, "0/1", "CrashLoopBackOff", "3 (10s ago)"),
        (
            pod("p", &[("kubeplay.io/duration", "3s")], "Never"),
            10_000,
            "0/1",
            "Completed",
            "0",
        ),
        (
            pod(
                "p",
                &[
                    ("kubeplay.io/duration", "3s"),
                    ("kubeplay.io/exit-codes", "2"),
                ],
                "Never",
            ),
            10_000,
            "0/1",
            "Error",
            "0",
        ),
        (
            pod(
                "p",
                &[
                    ("kubeplay.io/duration", "3s"),
                    ("kubeplay.io/exit-codes", "1,0"),
                ],
                "OnFailure",
            ),
            20_000,
            "0/1",
            "Completed",
            "1 (17s ago)",
        ),
    ];
    for (i, (yaml, at, ready, status, restarts)) in cases.iter().enumerate() {
        let w = one_node(yaml, *at);
        let t = table("pods", &w, Some("default"), false).expect("pods table");
        let cells = row(&t, "p");
        assert_eq!(
            (cells[1].as_str(), cells[2].as_str(), cells[3].as_str()),
            (*ready, *status, *restarts),
            "case {i} at {at}ms"
        );
    }
}

#[test]
fn get_pods_exact_text() {
    let yaml = format!(
        "{}---\n{}",
        pod("web", &[], "Always"),
        pod("batch-runner", &[("kubeplay.io/duration", "3s")], "Never")
    );
    let w = one_node(&yaml, 150_000);
    assert_eq!(
        get("pods", &w, Some("default"), false).unwrap(),
        "NAME           READY   STATUS      RESTARTS   AGE\n\
         batch-runner   0/1     Completed   0          2m30s\n\
         web            1/1     Running     0          2m30s\n"
    );
    assert_eq!(
        get("po", &w, None, true).unwrap(),
        "NAMESPACE   NAME           READY   STATUS      RESTARTS   AGE     IP           NODE   NOMINATED NODE   READINESS GATES\n\
         default     batch-runner   0/1     Completed   0          2m30s   10.244.0.3   n1     <none>           <none>\n\
         default     web            1/1     Running     0          2m30s   10.244.0.2   n1     <none>           <none>\n"
    );
}

#[test]
fn unscheduled_pod_is_pending_without_ip_or_node() {
    let w = run_world(&pod("p", &[], "Always"), &[], "", 30_000);
    let t = table("pods", &w, Some("default"), true).unwrap();
    assert_eq!(
        row(&t, "p"),
        ["p", "0/1", "Pending", "0", "30s", "<none>", "<none>", "<none>", "<none>"]
    );
}

#[test]
fn namespaces() {
    let yaml = format!(
        "{}---\n{}",
        pod("a", &[], "Always"),
        pod("b", &[], "Always").replace("name: b", "name: b\n  namespace: kube-system")
    );
    let w = one_node(&yaml, 1_000);
    let names = |ns: Option<&str>| -> Vec<(String, String)> {
        table("pods", &w, ns, false)
            .unwrap()
            .rows
            .into_iter()
            .map(|r| (r.namespace, r.name))
            .collect()
    };
    assert_eq!(
        names(Some("default")),
        [("default".to_string(), "a".to_string())]
    );
    assert_eq!(
        names(Some("kube-system")),
        [("kube-system".to_string(), "b".to_string())]
    );
    assert_eq!(names(None).len(), 2);
    assert_eq!(
        table("pods", &w, None, false).unwrap().columns[0],
        "NAMESPACE"
    );
    // Nodes are cluster scoped: no NAMESPACE column even for -A.
    assert_eq!(table("nodes", &w, None, false).unwrap().columns[0], "NAME");
    assert!(get("pods", &w, Some("other"), false).unwrap().is_empty());
    let messages = [
        (
            "pods",
            Some("other"),
            "No resources found in other namespace.",
        ),
        ("pods", None, "No resources found"),
        ("nodes", Some("default"), "No resources found"),
    ];
    for (kind, ns, want) in messages {
        assert_eq!(no_resources_message(kind, ns), want);
    }
}

#[test]
fn kinds_and_headers() {
    let w = World::default();
    // (kubectl spelling, header, wide header)
    let cases: [(&str, &str, &str); 7] = [
        (
            "po",
            "NAME READY STATUS RESTARTS AGE",
            "IP NODE NOMINATED NODE READINESS GATES",
        ),
        (
            "ds",
            "NAME DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE",
            "CONTAINERS IMAGES SELECTOR",
        ),
        (
            "replicasets",
            "NAME DESIRED CURRENT READY AGE",
            "CONTAINERS IMAGES SELECTOR",
        ),
        (
            "deploy",
            "NAME READY UP-TO-DATE AVAILABLE AGE",
            "CONTAINERS IMAGES SELECTOR",
        ),
        (
            "jobs",
            "NAME STATUS COMPLETIONS DURATION AGE",
            "CONTAINERS IMAGES SELECTOR",
        ),
        (
            "cj",
            "NAME SCHEDULE TIMEZONE SUSPEND ACTIVE LAST SCHEDULE AGE",
            "CONTAINERS IMAGES SELECTOR",
        ),
        (
            "no",
            "NAME STATUS ROLES AGE VERSION",
            "INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME",
        ),
    ];
    for (kind, header, wide) in cases {
        assert_eq!(
            table(kind, &w, Some("default"), false)
                .unwrap()
                .columns
                .join(" "),
            header,
            "{kind}"
        );
        assert_eq!(
            table(kind, &w, Some("default"), true)
                .unwrap()
                .columns
                .join(" "),
            format!("{header} {wide}"),
            "{kind}"
        );
    }
    assert!(resolve_kind("configmaps")
        .unwrap_err()
        .contains("does not print configmaps"));
    assert_eq!(
        resolve_kind("foo").unwrap_err(),
        "the server doesn't have a resource type \"foo\""
    );
    assert_eq!(
        not_found_message("DaemonSet", "x"),
        "Error from server (NotFound): daemonsets.apps \"x\" not found"
    );
}

#[test]
fn nodes_table() {
    let w = run_world(
        "",
        &[
            (
                "cp",
                &[("node-role.kubernetes.io/control-plane", "")],
                false,
            ),
            ("w1", &[], false),
            ("w2", &[("kubernetes.io/role", "edge")], true),
        ],
        "30s node w1 down\n1m node add w3\n",
        3_600_000,
    );
    assert_eq!(
        get("nodes", &w, None, false).unwrap(),
        "NAME   STATUS                     ROLES           AGE   VERSION\n\
         cp     Ready                      control-plane   60m   v1.37.0\n\
         w1     NotReady                   <none>          60m   v1.37.0\n\
         w2     Ready,SchedulingDisabled   edge            60m   v1.37.0\n\
         w3     Ready                      <none>          59m   v1.37.0\n"
    );
    let t = table("nodes", &w, None, true).unwrap();
    assert_eq!(row(&t, "w3")[5..7], ["172.18.0.5", "<none>"]);
}

#[test]
fn replica_sets_table() {
    let yaml = "apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: front\nspec:\n  replicas: 2\n  selector:\n    matchLabels: {app: front}\n  template:\n    metadata:\n      labels: {app: front}\n      annotations: {kubeplay.io/startup: 20s}\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.27\n";
    let cases = [
        (10_000, ["front", "2", "2", "0", "10s"]),
        (30_000, ["front", "2", "2", "2", "30s"]),
    ];
    for (at, want) in cases {
        let w = one_node(yaml, at);
        assert_eq!(
            row(&table("rs", &w, Some("default"), false).unwrap(), "front"),
            want,
            "at {at}"
        );
    }
    let w = one_node(yaml, 30_000);
    assert_eq!(
        row(&table("rs", &w, Some("default"), true).unwrap(), "front")[5..],
        ["nginx", "nginx:1.27", "app=front"]
    );
}

#[test]
fn daemon_sets_table() {
    let yaml = "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\n  namespace: kube-system\nspec:\n  selector:\n    matchLabels: {app: agent}\n  template:\n    metadata:\n      labels: {app: agent}\n    spec:\n      nodeSelector: {zone: a}\n      containers:\n      - name: agent\n        image: fluent-bit:3\n";
    let w = run_world(
        yaml,
        &[
            ("n1", &[("zone", "a")], false),
            ("n2", &[("zone", "a")], false),
            ("n3", &[("zone", "b")], false),
        ],
        "",
        45_000,
    );
    assert_eq!(
        get("ds", &w, None, false).unwrap(),
        "NAMESPACE     NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE\n\
         kube-system   agent   2         2         2       2            2           zone=a          45s\n"
    );
    let t = table("daemonsets", &w, Some("kube-system"), true).unwrap();
    assert_eq!(
        row(&t, "agent")[8..],
        ["agent", "fluent-bit:3", "app=agent"]
    );
}

#[test]
fn describe_pod_text() {
    let yaml = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels: {app: web, tier: front}\nspec:\n  containers:\n  - name: nginx\n    image: nginx:1.27\n    ports:\n    - containerPort: 80\n    resources:\n      limits: {cpu: 500m, memory: 128Mi}\n";
    let w = one_node(yaml, 90_000);
    let text = describe_pod(&w, "default", "web").unwrap();
    let want = "\
Name:             web
Namespace:        default
Priority:         0
Service Account:  default
Node:             n1/172.18.0.2
Start Time:       Thu, 01 Jan 2026 00:00:00 +0000
Labels:           app=web
                  tier=front
Annotations:      <none>
Status:           Running
IP:               10.244.0.2
IPs:
  IP:  10.244.0.2
Containers:
  nginx:
    Container ID:   containerd://CID
    Image:          nginx:1.27
    Image ID:       docker.io/library/nginx@sha256:DIGEST
    Port:           80/TCP
    Host Port:      0/TCP
    State:          Running
      Started:      Thu, 01 Jan 2026 00:00:00 +0000
    Ready:          True
    Restart Count:  0
    Limits:
      cpu:     500m
      memory:  128Mi
    Requests:
      cpu:        500m
      memory:     128Mi
    Environment:  <none>
    Mounts:       <none>
Conditions:
  Type                        Status
  PodReadyToStartContainers   True 
  Initialized                 True 
  Ready                       True 
  ContainersReady             True 
  PodScheduled                True 
Volumes:                      <none>
QoS Class:                    Guaranteed
Node-Selectors:               <none>
Tolerations:                  node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                              node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:
  Type    Reason     Age   From               Message
  ----    ------     ----  ----               -------
  Normal  Scheduled  90s   default-scheduler  Successfully assigned default/web to n1
";
    // Ids are made-up hashes: check their shape, then compare the rest exactly.
    let cid = text
        .split("containerd://")
        .nth(1)
        .unwrap()
        .split('\n')
        .next()
        .unwrap();
    let digest = text
        .split("@sha256:")
        .nth(1)
        .unwrap()
        .split('\n')
        .next()
        .unwrap();
    assert!(cid.len() == 64 && digest.len() == 64 && cid.chars().all(|c| c.is_ascii_hexdigit()));
    let text = text.replace(cid, "CID").replace(digest, "DIGEST");
    // The kubelet's events follow Scheduled; only the first line is pinned here.
    assert!(text.starts_with(want), "got:\n{text}");
    assert_eq!(
        describe_pod(&w, "default", "nope").unwrap_err(),
        "Error from server (NotFound): pods \"nope\" not found"
    );
}

#[test]
fn describe_pending_pod_and_requests_defaulted_from_limits() {
    let w = run_world(&pod("p", &[], "Always"), &[], "", 5_000);
    let text = describe_pod(&w, "default", "p").unwrap();
    for want in [
        "Node:             <none>\n",
        "IPs:              <none>\n",
        "Conditions:\n  Type           Status\n  PodScheduled   False \n",
        "QoS Class:       BestEffort\n",
    ] {
        assert!(text.contains(want), "missing {want:?} in:\n{text}");
    }
    assert!(
        !text.contains("Container ID"),
        "no container statuses before binding:\n{text}"
    );
    assert!(text.contains("FailedScheduling"), "{text}");
}

#[test]
fn events_aggregate_like_the_correlator() {
    let ev = |time: Millis, reason: &'static str, message: &str| crate::sim::world::SimEvent {
        time,
        type_: "Normal",
        reason: reason.into(),
        subject: crate::sim::world::Subject::Named {
            object: "Pod/p".into(),
            namespace: "default".into(),
        },
        message: message.to_string().into(),
        routine: false,
    };
    let events = [
        ev(0, "Pulled", "x"),
        ev(1, "Created", "c"),
        ev(10, "Created", "c"),
        ev(20, "Started", "s"),
    ];
    let agg = describe::aggregate_events(&events);
    let got: Vec<(&str, Millis, Millis, u32)> = agg
        .iter()
        .map(|a| (a.reason.as_str(), a.first, a.last, a.count))
        .collect();
    assert_eq!(
        got,
        [
            ("Pulled", 0, 0, 1),
            ("Created", 1, 10, 2),
            ("Started", 20, 20, 1)
        ]
    );
    assert_eq!(agg[0].source, "kubelet");
}

#[test]
fn cell_values_are_cut_at_line_breaks() {
    let t = Table {
        columns: vec!["NAME".into(), "NOTE".into()],
        rows: vec![Row {
            namespace: String::new(),
            name: "a".into(),
            cells: vec!["a".into(), "one\ntwo".into()],
        }],
    };
    assert_eq!(t.render(), "NAME   NOTE\na      one...\n");
}

#[test]
fn fake_ids_are_stable_and_spread() {
    assert_eq!(fake_hex("x", 64), fake_hex("x", 64));
    assert_ne!(fake_hex("x", 64)[..16], fake_hex("x", 64)[16..32]);
    let uid = fake_uid("Job", "default", "pi", 0);
    assert_eq!(uid.len(), 36);
    assert_eq!(uid.matches('-').count(), 4);
}

const WORKLOADS: &str = "\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
      annotations: {kubeplay.io/startup: 5s}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
---
apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  completions: 3
  parallelism: 2
  template:
    metadata:
      annotations: {kubeplay.io/duration: 20s}
    spec:
      restartPolicy: Never
      containers:
      - name: pi
        image: perl:5
---
apiVersion: batch/v1
kind: Job
metadata:
  name: queue
spec:
  parallelism: 2
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: w
        image: busybox
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: hello
spec:
  schedule: \"*/5 * * * *\"
  timeZone: Europe/Paris
  jobTemplate:
    spec:
      template:
        metadata:
          annotations: {kubeplay.io/duration: 30s}
        spec:
          restartPolicy: OnFailure
          containers:
          - name: hello
            image: busybox
";

#[test]
fn workload_rows() {
    // (kind, at, name, cells)
    let cases: [(&str, Millis, &str, &[&str]); 8] = [
        ("deploy", 30_000, "web", &["web", "3/3", "3", "3", "30s"]),
        (
            "jobs",
            10_000,
            "pi",
            &["pi", "Running", "0/3", "10s", "10s"],
        ),
        (
            "jobs",
            10_000,
            "queue",
            &["queue", "Running", "0/1 of 2", "10s", "10s"],
        ),
        (
            "jobs",
            60_000,
            "pi",
            &["pi", "Complete", "3/3", "40s", "60s"],
        ),
        (
            "jobs",
            60_000,
            "queue",
            &["queue", "Complete", "2/1 of 2", "30s", "60s"],
        ),
        (
            "cronjobs",
            60_000,
            "hello",
            &[
                "hello",
                "*/5 * * * *",
                "Europe/Paris",
                "False",
                "0",
                "<none>",
                "60s",
            ],
        ),
        (
            "cj",
            310_000,
            "hello",
            &[
                "hello",
                "*/5 * * * *",
                "Europe/Paris",
                "False",
                "1",
                "10s",
                "5m10s",
            ],
        ),
        (
            "cj",
            720_000,
            "hello",
            &[
                "hello",
                "*/5 * * * *",
                "Europe/Paris",
                "False",
                "0",
                "2m",
                "12m",
            ],
        ),
    ];
    for (kind, at, name, want) in cases {
        let w = one_node(WORKLOADS, at);
        let t = table(kind, &w, Some("default"), false).unwrap();
        assert_eq!(row(&t, name), want, "{kind} {name} at {at}ms");
    }
    let w = one_node(WORKLOADS, 60_000);
    let t = table("deployments", &w, Some("default"), true).unwrap();
    assert_eq!(row(&t, "web")[5..], ["nginx", "nginx:1.27", "app=web"]);
    let t = table("jobs", &w, Some("default"), true).unwrap();
    let selector = &row(&t, "pi")[7];
    assert!(
        selector.starts_with("batch.kubernetes.io/controller-uid="),
        "{selector}"
    );
}
