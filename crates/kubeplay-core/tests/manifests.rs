//! Manifest loading as a learner meets it: strict decoding, API-server validation wording and
//! `line:column` of every error.

use kubeplay_core::manifest::{load, load_all};
use kubeplay_core::nodes::parse_nodes;

const DS: &str = "apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: log-agent
  namespace: kube-system
spec:
  selector:
    matchLabels: {app: log-agent}
  template:
    metadata:
      labels: {app: log-agent}
    spec:
      nodeSelector: {disk: ssd}
      containers:
      - name: agent
        image: fluentd:v1.16
";

fn errors(text: &str) -> Vec<String> {
    load_all(text)
        .errors
        .iter()
        .map(|d| d.to_string())
        .collect()
}

#[test]
fn valid_daemonset_loads() {
    let objs = load(DS).unwrap();
    assert_eq!(objs.len(), 1);
    assert_eq!(objs[0].object.key().to_string(), "DaemonSet/log-agent");
    assert_eq!(objs[0].object.namespace(), "kube-system");
}

#[test]
fn error_table() {
    let cases: Vec<(String, &str)> = vec![
        (DS.replace("nodeSelector:", "nodeselector:"), "13:7: unknown field \"spec.template.spec.nodeselector\""),
        (DS.replace("image: fluentd", "imagee: fluentd"), "16:9: unknown field \"spec.template.spec.containers[0].imagee\""),
        (DS.replace("name: log-agent\n  namespace", "name: Log_Agent\n  namespace"), "4:9: The DaemonSet \"Log_Agent\" is invalid: metadata.name: Invalid value: \"Log_Agent\": a lowercase RFC 1123 subdomain"),
        (DS.replace("labels: {app: log-agent}", "labels: {app: other}"), "11:7: The DaemonSet \"log-agent\" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"other\"}: `selector` does not match template `labels`"),
        (DS.replace("      containers:", "      restartPolicy: Never\n      containers:"), "14:22: The DaemonSet \"log-agent\" is invalid: spec.template.spec.restartPolicy: Unsupported value: \"Never\": supported values: \"Always\""),
        (DS.replace("kind: DaemonSet", "kind: Daemonset"), "2:7: no matches for kind \"Daemonset\" in version \"apps/v1\" (did you mean apiVersion: apps/v1, kind: DaemonSet?)"),
        ("a: [1, 2\n".to_string(), "yaml: "),
        ("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: x\n    ports:\n    - containerPort: eighty\n".to_string(), "10:22: spec.containers[0].ports[0].containerPort: invalid type: string \"eighty\", expected i32"),
        ("apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  template:\n    spec:\n      containers:\n      - name: c\n        image: x\n".to_string(), "The Job \"j\" is invalid: spec.template.spec.restartPolicy: Unsupported value: \"Always\": supported values: \"OnFailure\", \"Never\""),
        ("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  replicas: -1\n  selector: {matchLabels: {a: b}}\n  strategy:\n    rollingUpdate: {maxSurge: 0, maxUnavailable: 0}\n  template:\n    metadata: {labels: {a: b}}\n    spec:\n      containers: [{name: c, image: x}]\n".to_string(), "6:13: The Deployment \"d\" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0"),
    ];
    for (text, want) in cases {
        let got = errors(&text);
        assert!(
            got.iter().any(|e| e.starts_with(want)
                || (want.starts_with("yaml") && e.contains(want))
                || e.contains(want)),
            "want {want:?}\n got {got:#?}"
        );
    }
}

#[test]
fn several_errors_all_reported() {
    let text = format!(
        "{}---\n{}",
        DS.replace("nodeSelector:", "nodeselector:"),
        DS.replace("image: fluentd", "imagee: fluentd")
    );
    let errs = load_all(&text).errors;
    assert_eq!(errs.len(), 2, "{errs:#?}");
    assert_eq!(errs[1].line, 16 + 17);
}

#[test]
fn duplicates_and_lists() {
    let text = format!("{DS}---\n{DS}");
    let errs = errors(&text);
    assert!(errs[0].contains("DaemonSet \"log-agent\" in namespace \"kube-system\" is defined twice (first at line 1)"), "{errs:?}");
    let list = "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: a}\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: b}\n  dta: {}\n";
    let errs = errors(list);
    assert_eq!(errs, vec!["10:3: unknown field \"dta\"".to_string()]);
}

#[test]
fn kubectl_get_nodes_yaml_is_accepted() {
    let text = "apiVersion: v1
items:
- apiVersion: v1
  kind: Node
  metadata:
    annotations:
      node.alpha.kubernetes.io/ttl: \"0\"
    creationTimestamp: \"2025-01-10T08:00:00Z\"
    labels:
      kubernetes.io/hostname: worker-1
      disk: ssd
    name: worker-1
    resourceVersion: \"1234\"
    uid: 5f0c4c2e-0000-0000-0000-000000000000
  spec:
    podCIDR: 10.244.1.0/24
    podCIDRs: [10.244.1.0/24]
    taints:
    - effect: NoSchedule
      key: gpu
      value: \"true\"
  status:
    addresses:
    - address: 172.18.0.3
      type: InternalIP
    allocatable: {cpu: \"2\", memory: 4Gi, pods: \"110\", ephemeral-storage: 100Gi}
    capacity: {cpu: \"2\", memory: 4Gi, pods: \"110\"}
    conditions:
    - type: Ready
      status: \"False\"
      reason: KubeletNotReady
      message: container runtime not ready
      lastHeartbeatTime: \"2025-01-10T08:00:00Z\"
      lastTransitionTime: \"2025-01-10T08:00:00Z\"
    nodeInfo:
      architecture: arm64
      kubeletVersion: v1.34.1
      operatingSystem: linux
      osImage: Debian
      kernelVersion: 6.1.0
      containerRuntimeVersion: containerd://1.7
      bootID: x
      machineID: y
      systemUUID: z
      kubeProxyVersion: v1.34.1
kind: List
metadata:
  resourceVersion: \"\"
";
    let nodes = parse_nodes(text).unwrap();
    assert_eq!(nodes.len(), 1);
    assert_eq!(nodes[0].cpu_milli, 2000);
    assert!(!nodes[0].ready);
    assert_eq!(nodes[0].labels["kubernetes.io/os"], "linux");
    assert_eq!(nodes[0].taints.len(), 3);
}
