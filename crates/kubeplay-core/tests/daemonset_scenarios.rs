//! DaemonSet lessons as whole simulations: manifests and a node table from tests/fixtures/daemonset,
//! a scenario of kubectl steps, then what the cluster looks like (pods with their times, events, the
//! `kubectl get ds` numbers).

use kubeplay_core::controllers::daemon_set::{self, State};
use kubeplay_core::manifest;
use kubeplay_core::nodes;
use kubeplay_core::sim::world::{Phase, SimPod};
use kubeplay_core::sim::{self, scenario, Engine, Options, Timeline};

const LOG_AGENT: &str = include_str!("fixtures/daemonset/log-agent.yaml");
const LOG_AGENT_SURGE: &str = include_str!("fixtures/daemonset/log-agent-surge.yaml");
const LOG_AGENT_ON_DELETE: &str = include_str!("fixtures/daemonset/log-agent-ondelete.yaml");
const THREE_NODES: &str = include_str!("fixtures/daemonset/three-nodes.txt");
const SSD_MONITOR: &str = include_str!("fixtures/daemonset/ssd-monitor.yaml");
const CENTOS_PROXY: &str = include_str!("fixtures/daemonset/centos-proxy.yaml");
const CENTOS_UBUNTU: &str = include_str!("fixtures/daemonset/centos-ubuntu-nodes.txt");
const DEDICATED_NODES: &str = include_str!("fixtures/daemonset/dedicated-nodes.txt");
const UNEQUAL: &str = include_str!("fixtures/daemonset/unequal.yaml");
const UNEQUAL_NODES: &str = include_str!("fixtures/daemonset/unequal-nodes.txt");
const NODE_DOWN: &str = include_str!("fixtures/daemonset/node-down.yaml");

/// Runs `manifests` on `node_table` with `scenario_text` for `secs` seconds; every step must work.
fn simulate(manifests: &str, node_table: &str, scenario_text: &str, secs: i64) -> Engine {
    let objects = manifest::load(manifests).expect("manifests load");
    let nodes = nodes::parse_table(node_table).expect("node table parses");
    let steps = scenario::parse(scenario_text).expect("scenario parses");
    let opts = Options {
        duration: secs * 1000,
        ..Default::default()
    };
    let (engine, errors) = sim::run(&objects, &nodes, &steps, &opts, &|_| Err("no files".into()));
    assert!(errors.is_empty(), "scenario errors: {errors:?}");
    engine
}

fn ds_state<'e>(e: &'e Engine, ns: &str, name: &str) -> &'e State {
    &e.world
        .daemon_sets
        .get(&(ns.to_string(), name.to_string()))
        .expect("daemon set exists")
        .state
}

/// `kubectl get ds` numbers: DESIRED CURRENT READY UP-TO-DATE AVAILABLE (and misscheduled).
fn columns(s: &State) -> [i32; 6] {
    [
        s.desired,
        s.current,
        s.ready,
        s.updated,
        s.available,
        s.misscheduled,
    ]
}

/// Every pod ever owned by `kind/name`, in creation order.
fn pods_of<'e>(e: &'e Engine, kind: &str, name: &str) -> Vec<&'e SimPod> {
    let mut v: Vec<&SimPod> = e
        .world
        .pods
        .sorted()
        .filter(|p| {
            p.owner
                .as_ref()
                .is_some_and(|o| o.kind == kind && o.name == name)
        })
        .collect();
    v.sort_by_key(|p| p.uid);
    v
}

fn image(p: &SimPod) -> &str {
    p.spec.containers[0].image.as_deref().unwrap_or_default()
}

/// Node names of the live pods, sorted.
fn live_nodes(pods: &[&SimPod]) -> Vec<String> {
    let mut v: Vec<String> = pods
        .iter()
        .filter(|p| p.alive())
        .filter_map(|p| p.node.as_deref().map(str::to_string))
        .collect();
    v.sort();
    v
}

fn events<'e>(e: &'e Engine, reason: &str) -> Vec<&'e kubeplay_core::sim::world::SimEvent> {
    e.world
        .events
        .iter()
        .filter(|ev| ev.reason == reason)
        .collect()
}

#[test]
fn node_selector_matching_no_node_waits_for_a_label() {
    let before = simulate(SSD_MONITOR, THREE_NODES, "", 29);
    let ds = &before.world.daemon_sets[&("default".to_string(), "ssd-monitor".to_string())].object;
    assert_eq!(daemon_set::controller::node_selector_column(ds), "disk=ssd");
    assert_eq!(
        columns(ds_state(&before, "default", "ssd-monitor")),
        [0, 0, 0, 0, 0, 0],
        "DESIRED 0: no node has disk=ssd"
    );
    assert!(pods_of(&before, "DaemonSet", "ssd-monitor").is_empty());

    let e = simulate(
        SSD_MONITOR,
        THREE_NODES,
        "30s kubectl label node n1 disk=ssd\n",
        60,
    );
    let pods = pods_of(&e, "DaemonSet", "ssd-monitor");
    assert_eq!(pods.len(), 1);
    assert_eq!(
        (pods[0].created, pods[0].node.as_deref(), pods[0].phase),
        (30_000, Some("n1"), Phase::Running)
    );
    assert_eq!(
        columns(ds_state(&e, "default", "ssd-monitor")),
        [1, 1, 1, 1, 1, 0]
    );

    // Taking the label away takes the pod away (the node no longer matches the selector).
    let e = simulate(
        SSD_MONITOR,
        THREE_NODES,
        "30s kubectl label node n1 disk=ssd\n45s kubectl label node n1 disk-\n",
        60,
    );
    let pods = pods_of(&e, "DaemonSet", "ssd-monitor");
    assert_eq!(pods.len(), 1);
    assert_eq!(pods[0].deleted, Some(45_000));
    assert_eq!(
        columns(ds_state(&e, "default", "ssd-monitor")),
        [0, 0, 0, 0, 0, 0]
    );
    let deleted = events(&e, "SuccessfulDelete");
    assert_eq!(deleted.len(), 1);
    assert_eq!(&*deleted[0].object(), "DaemonSet/ssd-monitor");
    assert_eq!(
        deleted[0].message,
        format!("Deleted pod: {}", pods[0].name())
    );
}

/// Old pods per node (image v1) and their replacements (v2), in node order.
fn old_and_new<'e>(pods: &[&'e SimPod]) -> Vec<(&'e SimPod, &'e SimPod)> {
    ["n1", "n2", "n3"]
        .iter()
        .map(|n| {
            let on = |img: &str| {
                *pods
                    .iter()
                    .find(|p| p.node.as_deref() == Some(*n) && image(p) == img)
                    .expect("a pod per node and image")
            };
            (on("fluentd:v1"), on("fluentd:v2"))
        })
        .collect()
}

#[test]
fn rolling_update_with_max_unavailable_replaces_one_node_at_a_time() {
    let e = simulate(
        LOG_AGENT,
        THREE_NODES,
        "1m kubectl set image ds/log-agent agent=fluentd:v2 -n kube-system\n",
        120,
    );
    let pods = pods_of(&e, "DaemonSet", "log-agent");
    assert_eq!(pods.len(), 6, "three old pods, three new ones");
    let pairs = old_and_new(&pods);
    // Old pod on n1 goes at 1m, its replacement is created at once and starts 5s later; only then
    // does n2's old pod go: never more than one node without an available agent (maxUnavailable 1).
    let times: Vec<(i64, i64, i64)> = pairs
        .iter()
        .map(|(old, new)| (old.deleted.unwrap(), new.created, new.started.unwrap()))
        .collect();
    assert_eq!(
        times,
        vec![
            (60_000, 60_000, 65_000),
            (65_000, 65_000, 70_000),
            (70_000, 70_000, 75_000)
        ]
    );
    for (old, new) in &pairs {
        assert_eq!(
            old.phase,
            Phase::Running,
            "the old pod was running when deleted"
        );
        assert_eq!((new.phase, new.ready), (Phase::Running, true));
        assert!(new.alive());
        assert_eq!(new.namespace(), "kube-system");
        assert_ne!(
            old.labels["controller-revision-hash"],
            new.labels["controller-revision-hash"]
        );
        assert_eq!(
            (
                &old.labels["pod-template-generation"],
                &new.labels["pod-template-generation"]
            ),
            ("1", "2")
        );
    }
    let s = ds_state(&e, "kube-system", "log-agent");
    assert_eq!(columns(s), [3, 3, 3, 3, 3, 0]);
    assert_eq!((s.revision, s.template_generation), (2, 2));
    assert_eq!(s.hash, pairs[0].1.labels["controller-revision-hash"]);
    let deletes: Vec<String> = events(&e, "SuccessfulDelete")
        .iter()
        .map(|ev| ev.message.to_string())
        .collect();
    let expect: Vec<String> = pairs
        .iter()
        .map(|(old, _)| format!("Deleted pod: {}", old.name()))
        .collect();
    assert_eq!(deletes, expect);

    // Halfway through, `kubectl get ds` shows the rollout in progress.
    let mid = simulate(
        LOG_AGENT,
        THREE_NODES,
        "1m kubectl set image ds/log-agent agent=fluentd:v2 -n kube-system\n",
        67,
    );
    assert_eq!(
        columns(ds_state(&mid, "kube-system", "log-agent")),
        [3, 3, 2, 2, 2, 0]
    );
}

#[test]
fn rolling_update_with_max_surge_starts_the_new_pod_first() {
    let e = simulate(
        LOG_AGENT_SURGE,
        THREE_NODES,
        "1m kubectl set image ds/log-agent agent=fluentd:v2 -n kube-system\n",
        120,
    );
    let pods = pods_of(&e, "DaemonSet", "log-agent");
    assert_eq!(pods.len(), 6);
    let pairs = old_and_new(&pods);
    // The new pod is created next to the old one; the old one goes when the new one is available,
    // and only then does the next node surge (maxSurge 1).
    let times: Vec<(i64, i64, i64)> = pairs
        .iter()
        .map(|(old, new)| (new.created, new.started.unwrap(), old.deleted.unwrap()))
        .collect();
    assert_eq!(
        times,
        vec![
            (60_000, 65_000, 65_000),
            (65_000, 70_000, 70_000),
            (70_000, 75_000, 75_000)
        ]
    );
    // Every node always had a Ready agent: availability never dropped.
    for (old, new) in &pairs {
        assert!(new.created < old.deleted.unwrap());
        assert!(new.alive() && new.ready);
    }
    assert_eq!(
        columns(ds_state(&e, "kube-system", "log-agent")),
        [3, 3, 3, 3, 3, 0]
    );
    // In the middle, n1 briefly runs both pods: CURRENT counts nodes, not pods.
    let mid = simulate(
        LOG_AGENT_SURGE,
        THREE_NODES,
        "1m kubectl set image ds/log-agent agent=fluentd:v2 -n kube-system\n",
        62,
    );
    let live = pods_of(&mid, "DaemonSet", "log-agent")
        .into_iter()
        .filter(|p| p.alive())
        .count();
    assert_eq!(live, 4);
    assert_eq!(
        columns(ds_state(&mid, "kube-system", "log-agent")),
        [3, 3, 3, 0, 3, 0]
    );
}

#[test]
fn rolling_update_waits_for_min_ready_seconds() {
    let steps =
        "30s kubectl patch ds log-agent -n kube-system -p '{\"spec\":{\"minReadySeconds\":10}}'\n\
                 1m kubectl set image ds/log-agent agent=fluentd:v2 -n kube-system\n";
    let e = simulate(LOG_AGENT, THREE_NODES, steps, 150);
    let pairs = old_and_new(&pods_of(&e, "DaemonSet", "log-agent"));
    // Started after 5s, available 10s later: the next node goes 15s after the previous one.
    let deleted: Vec<i64> = pairs.iter().map(|(old, _)| old.deleted.unwrap()).collect();
    assert_eq!(deleted, vec![60_000, 75_000, 90_000]);
    assert_eq!(
        columns(ds_state(&e, "kube-system", "log-agent")),
        [3, 3, 3, 3, 3, 0]
    );
    let mid = simulate(LOG_AGENT, THREE_NODES, steps, 70);
    assert_eq!(
        columns(ds_state(&mid, "kube-system", "log-agent")),
        [3, 3, 3, 1, 2, 0],
        "the new pod on n1 is ready but not yet available"
    );
}

#[test]
fn on_delete_replaces_a_pod_only_when_it_is_deleted() {
    let set_image = "1m kubectl set image ds/log-agent agent=fluentd:v2 -n kube-system\n";
    let e = simulate(LOG_AGENT_ON_DELETE, THREE_NODES, set_image, 120);
    let pods = pods_of(&e, "DaemonSet", "log-agent");
    assert_eq!(pods.len(), 3, "nothing is replaced");
    assert!(pods.iter().all(|p| p.alive() && image(p) == "fluentd:v1"));
    assert_eq!(
        columns(ds_state(&e, "kube-system", "log-agent")),
        [3, 3, 3, 0, 3, 0],
        "UP-TO-DATE 0"
    );

    let n2 = pods
        .iter()
        .find(|p| p.node.as_deref() == Some("n2"))
        .unwrap()
        .name()
        .to_string();
    let steps = format!("{set_image}90s kubectl delete pod {n2} -n kube-system\n");
    let e = simulate(LOG_AGENT_ON_DELETE, THREE_NODES, &steps, 120);
    let pods = pods_of(&e, "DaemonSet", "log-agent");
    assert_eq!(pods.len(), 4);
    let new = pods[3];
    assert_eq!(
        (new.node.as_deref(), new.created, image(new)),
        (Some("n2"), 90_000, "fluentd:v2")
    );
    assert_eq!(
        columns(ds_state(&e, "kube-system", "log-agent")),
        [3, 3, 3, 1, 3, 0]
    );
}

#[test]
fn host_port_conflict_leaves_the_second_pod_pending() {
    let e = simulate(CENTOS_PROXY, CENTOS_UBUNTU, "", 30);
    let proxy = pods_of(&e, "DaemonSet", "centos-proxy");
    assert_eq!(
        live_nodes(&proxy),
        ["centos-1", "centos-2"],
        "only the CentOS nodes, never ubuntu-1"
    );
    assert!(proxy.iter().all(|p| p.phase == Phase::Running));
    assert_eq!(
        columns(ds_state(&e, "default", "centos-proxy")),
        [2, 2, 2, 2, 2, 0]
    );

    // The canary wants hostPort 8080 too: its pods exist (CURRENT 2) but stay Pending.
    let canary = pods_of(&e, "DaemonSet", "centos-proxy-canary");
    assert_eq!(canary.len(), 2);
    for p in &canary {
        assert_eq!((p.phase, p.node.as_deref()), (Phase::Pending, None));
        let msg = p.scheduling_message.as_deref().unwrap();
        assert!(msg.starts_with("0/3 nodes are available: "), "{msg}");
        assert!(
            msg.contains("1 node(s) didn't have free ports for the requested pod ports"),
            "{msg}"
        );
        assert!(
            msg.contains("2 node(s) didn't satisfy plugin(s) [NodeAffinity]"),
            "{msg}"
        );
    }
    assert_eq!(
        columns(ds_state(&e, "default", "centos-proxy-canary")),
        [2, 2, 0, 2, 0, 0]
    );
    let failed = events(&e, "FailedScheduling");
    assert_eq!(failed.len(), 2, "one FailedScheduling per pending pod");
    assert!(failed
        .iter()
        .all(|ev| ev.type_ == "Warning" && ev.object().starts_with("Pod/centos-proxy-canary-")));
}

/// One DaemonSet per cell of the dedicated-nodes table.
fn dedicated_daemon_sets() -> String {
    let cases = [
        ("plain", false, false),
        ("selector-only", true, false),
        ("toleration-only", false, true),
        ("selector-and-toleration", true, true),
    ];
    let mut out = String::new();
    for (name, selector, toleration) in cases {
        out.push_str(&format!(
            "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: {name}\nspec:\n  selector:\n    matchLabels: {{app: {name}}}\n  template:\n    metadata:\n      labels: {{app: {name}}}\n    spec:\n"
        ));
        if selector {
            out.push_str("      nodeSelector: {dedicated: gpu}\n");
        }
        if toleration {
            out.push_str("      tolerations:\n      - {key: dedicated, operator: Equal, value: gpu, effect: NoSchedule}\n");
        }
        out.push_str("      containers:\n      - name: main\n        image: agent:1\n---\n");
    }
    out
}

#[test]
fn dedicated_nodes_need_both_label_and_taint() {
    let manifests = dedicated_daemon_sets();
    let e = simulate(&manifests, DEDICATED_NODES, "", 10);
    let placed = |name: &str| live_nodes(&pods_of(&e, "DaemonSet", name));
    // The 2x2 table: the nodeSelector keeps a DaemonSet ON the dedicated node, the taint keeps the
    // others OFF it; only both together make the node dedicated.
    assert_eq!(placed("plain"), ["general"]);
    assert!(
        placed("selector-only").is_empty(),
        "selected the tainted node but does not tolerate it"
    );
    assert_eq!(
        placed("toleration-only"),
        ["general", "gpu-1"],
        "tolerating is not a preference"
    );
    assert_eq!(placed("selector-and-toleration"), ["gpu-1"]);
    assert_eq!(ds_state(&e, "default", "selector-only").desired, 0);

    // Without the taint, the label alone does not keep other pods off.
    let e = simulate(
        &manifests,
        DEDICATED_NODES,
        "30s kubectl taint node gpu-1 dedicated=gpu:NoSchedule-\n",
        60,
    );
    let placed = |name: &str| live_nodes(&pods_of(&e, "DaemonSet", name));
    assert_eq!(placed("plain"), ["general", "gpu-1"]);
    assert_eq!(placed("selector-only"), ["gpu-1"]);
    assert_eq!(placed("toleration-only"), ["general", "gpu-1"]);
    assert_eq!(placed("selector-and-toleration"), ["gpu-1"]);
}

#[test]
fn taints_added_later_evict_only_with_no_execute() {
    let manifests = dedicated_daemon_sets();
    let steps = "20s kubectl taint node general maintenance=true:NoSchedule\n40s kubectl taint node general drain=now:NoExecute\n";
    let at_30 = simulate(&manifests, DEDICATED_NODES, steps, 30);
    // NoSchedule added later: the running pod stays, but the node is no longer desired (misscheduled).
    assert_eq!(
        live_nodes(&pods_of(&at_30, "DaemonSet", "plain")),
        ["general"]
    );
    assert_eq!(
        columns(ds_state(&at_30, "default", "plain")),
        [0, 0, 0, 0, 0, 1]
    );
    let at_60 = simulate(&manifests, DEDICATED_NODES, steps, 60);
    let pods = pods_of(&at_60, "DaemonSet", "plain");
    assert_eq!(pods.len(), 1);
    assert_eq!(
        pods[0].deleted,
        Some(40_000),
        "NoExecute: the DaemonSet pod goes too"
    );
    assert_eq!(
        columns(ds_state(&at_60, "default", "plain")),
        [0, 0, 0, 0, 0, 0]
    );
}

#[test]
fn daemon_set_pod_stays_pending_where_replica_set_pods_move_elsewhere() {
    let e = simulate(UNEQUAL, UNEQUAL_NODES, "", 30);
    let ds = pods_of(&e, "DaemonSet", "node-exporter");
    assert_eq!(ds.len(), 2, "a pod for each node, the full one included");
    let small = ds
        .iter()
        .find(|p| p.node.is_none())
        .expect("the pod for the small node is unbound");
    assert_eq!(small.phase, Phase::Pending);
    let msg = small.scheduling_message.as_deref().unwrap();
    assert!(msg.starts_with("0/2 nodes are available: 1 Insufficient cpu, 1 node(s) didn't satisfy plugin(s) [NodeAffinity]."), "{msg}");
    assert_eq!(live_nodes(&ds), ["big"]);
    assert_eq!(
        columns(ds_state(&e, "default", "node-exporter")),
        [2, 2, 1, 2, 1, 0],
        "DESIRED counts the full node"
    );
    // The ReplicaSet's pods are not tied to a node: the scheduler puts both on the node with room.
    assert_eq!(
        live_nodes(&pods_of(&e, "ReplicaSet", "web")),
        ["big", "big"]
    );
}

#[test]
fn node_down_evicts_replica_set_and_bare_pods_but_not_daemon_set_pods() {
    let steps = "10s node n2 down\n";
    let e = simulate(NODE_DOWN, THREE_NODES, steps, 400);
    let rs = pods_of(&e, "ReplicaSet", "web");
    let on_n2: Vec<&&SimPod> = rs
        .iter()
        .filter(|p| p.node.as_deref() == Some("n2"))
        .collect();
    assert_eq!(
        on_n2.len(),
        1,
        "the requests spread the ReplicaSet over the nodes"
    );
    // 10s + 50s node-monitor grace period + 300s default toleration of the unreachable taint.
    assert_eq!(on_n2[0].deleted, Some(360_000));
    assert_eq!(on_n2[0].reason.as_deref(), Some("DeletionByTaintManager"));
    let replacement = rs.last().unwrap();
    assert_eq!(replacement.created, 360_000);
    assert!(replacement.alive() && replacement.node.as_deref() != Some("n2"));
    let bare = &e.world.pods[&("default".to_string(), "debug".to_string())];
    assert_eq!(bare.deleted, Some(360_000), "a bare pod is gone for good");
    assert_eq!(
        e.world.pods.sorted().filter(|p| p.owner.is_none()).count(),
        1,
        "nobody recreates it"
    );
    // The DaemonSet pod tolerates unreachable forever: it stays bound to n2, not Ready.
    let ds = pods_of(&e, "DaemonSet", "node-agent");
    assert_eq!(ds.len(), 3);
    let n2 = ds.iter().find(|p| p.node.as_deref() == Some("n2")).unwrap();
    assert!(n2.alive() && !n2.ready);
    // n2 (tainted unreachable:NoSchedule) is no longer desired; its pod counts as misscheduled.
    assert_eq!(
        columns(ds_state(&e, "default", "node-agent")),
        [2, 2, 2, 2, 2, 1]
    );

    let before = simulate(NODE_DOWN, THREE_NODES, steps, 359);
    assert!(before
        .world
        .pods
        .sorted()
        .filter(|p| p.node.as_deref() == Some("n2"))
        .all(|p| p.alive()));
    // When n2 comes back, it is desired again.
    let back = simulate(
        NODE_DOWN,
        THREE_NODES,
        "10s node n2 down\n380s node n2 up\n",
        400,
    );
    assert_eq!(
        columns(ds_state(&back, "default", "node-agent")),
        [3, 3, 3, 3, 3, 0]
    );
}

#[test]
fn deleted_node_takes_its_daemon_pod_with_it() {
    let e = simulate(NODE_DOWN, THREE_NODES, "30s kubectl delete node n2\n", 60);
    let ds = pods_of(&e, "DaemonSet", "node-agent");
    assert_eq!(ds.len(), 3, "no replacement: the pod belonged to that node");
    let gone = ds.iter().find(|p| p.node.as_deref() == Some("n2")).unwrap();
    assert_eq!(
        (gone.deleted, gone.reason.as_deref()),
        (Some(30_000), Some("DeletionByPodGC"))
    );
    assert_eq!(live_nodes(&ds), ["n1", "n3"]);
    assert_eq!(
        columns(ds_state(&e, "default", "node-agent")),
        [2, 2, 2, 2, 2, 0]
    );
    // The ReplicaSet's pod on n2 is recreated elsewhere at once.
    let rs = pods_of(&e, "ReplicaSet", "web");
    assert_eq!(rs.len(), 4);
    assert_eq!(rs[3].created, 30_000);
    assert!(rs[3].alive() && rs[3].node.as_deref() != Some("n2"));
    // The timeline shows the node's removal.
    let t = Timeline::from_engine(&e);
    let n2 = t.nodes.iter().find(|n| n.name == "n2").unwrap();
    assert_eq!(n2.removed.as_deref(), Some("2026-01-01T00:00:30Z"));
}

/// Node churn under several DaemonSets (the benchmark's scenario, small): after every sync scoped to
/// the changed nodes, debug builds re-run the full sync and assert the same actions and status (see
/// `daemon_set::sync_scoped`); here the end state must also equal what a full sync computes.
#[test]
fn scoped_syncs_under_node_churn_match_full_syncs() {
    let mut table = String::from("NAME\tLABELS\tTAINTS\tCPU\n");
    for i in 0..40 {
        let disk = if i % 2 == 0 { "ssd" } else { "hdd" };
        let taint = if i % 7 == 0 {
            "dedicated=infra:NoSchedule"
        } else {
            "<none>"
        };
        table.push_str(&format!(
            "node-{i:02}\tdisk={disk},zone=z{}\t{taint}\t1\n",
            i % 3
        ));
    }
    let mut manifests = String::new();
    for (d, selector) in [
        "",
        "      nodeSelector: {disk: ssd}\n",
        "      nodeSelector: {zone: z1}\n",
    ]
    .iter()
    .enumerate()
    {
        manifests.push_str(&format!(
            "apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {{name: agent-{d}}}\nspec:\n  selector: {{matchLabels: {{app: a{d}}}}}\n  template:\n    metadata: {{labels: {{app: a{d}}}}}\n    spec:\n{selector}      containers:\n      - name: c\n        image: agent:1\n        resources: {{requests: {{cpu: 400m}}}}\n---\n"
        ));
    }
    let scenario_text = "\
1m node node-03 down
2m kubectl label node node-05 disk=ssd --overwrite
3m kubectl taint node node-08 dedicated=infra:NoExecute
4m kubectl delete node node-11
5m node add extra-1 disk=ssd,zone=z1
6m node node-03 up
7m kubectl label node node-02 disk-
8m kubectl taint node node-08 dedicated:NoExecute-
9m kubectl cordon node-04
10m node add extra-2 disk=ssd,zone=z1
";
    let e = simulate(&manifests, &table, scenario_text, 20 * 60);
    for d in 0..3 {
        let name = format!("agent-{d}");
        let t = &e.world.daemon_sets[&("default".to_string(), name.clone())];
        assert!(t.state.per_node.is_some(), "{name} can be synced by node");
        let mut full = t.state.clone();
        let _ = daemon_set::sync(&t.object, &mut full, &e.world);
        assert_eq!(columns(&t.state), columns(&full), "{name}");
        assert!(t.state.desired > 0, "{name} runs somewhere");
    }
    // Three DaemonSets of 400m on 1-CPU nodes: the third pod on a node does not fit.
    assert!(e.world.events.iter().any(
        |ev| ev.reason == "FailedScheduling" && ev.message.text().contains("Insufficient cpu")
    ));
}

#[test]
fn a_recreated_pod_is_not_ended_by_the_timer_of_the_pod_it_replaces() {
    // The first `solo` would exit at 60s; it is deleted at 10s and applied again at 20s. The new
    // one runs its own 60s (to 80s): the first one's exit timer must not end it at 60s.
    let pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: solo\n  annotations: {kubeplay.io/duration: 60s}\nspec:\n  restartPolicy: Never\n  containers:\n  - name: main\n    image: busybox\n";
    let objects = manifest::load(pod).expect("manifests load");
    let nodes = nodes::parse_table("NAME\nn1\n").expect("node table parses");
    let steps = scenario::parse("10s kubectl delete pod solo\n20s kubectl apply -f pod.yaml\n")
        .expect("scenario parses");
    let opts = Options {
        duration: 120_000,
        ..Default::default()
    };
    let resolve = |f: &str| {
        if f == "pod.yaml" {
            Ok(pod.to_string())
        } else {
            Err(format!("no file {f}"))
        }
    };
    let (e, errors) = sim::run(&objects, &nodes, &steps, &opts, &resolve);
    assert!(errors.is_empty(), "scenario errors: {errors:?}");
    let p = e.world.pods.sorted().find(|p| p.name() == "solo").unwrap();
    assert_eq!(
        (p.created, p.started, p.finished, p.phase),
        (20_000, Some(20_000), Some(80_000), Phase::Succeeded)
    );
}
