use kubeplay_core::{
    manifest, nodes,
    sim::{self, scenario, Options},
};
use std::fmt::Write as _;
struct Workload {
    manifests: String,
    nodes: String,
    scenario: String,
    seconds: i64,
    #[allow(dead_code)]
    name: &'static str,
    #[allow(dead_code)]
    budget_ms: f64,
}
fn daemon_set(name: &str, selector: Option<(&str, &str)>, cpu: &str) -> String {
    let sel = selector.map_or(String::new(), |(k, v)| {
        format!("      nodeSelector: {{{k}: {v}}}\n")
    });
    format!(
        "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: {name}\n  namespace: kube-system\nspec:\n  selector:\n    matchLabels: {{app: {name}}}\n  template:\n    metadata:\n      labels: {{app: {name}}}\n    spec:\n{sel}      tolerations: [{{key: dedicated, operator: Exists}}]\n      containers:\n      - name: main\n        image: agent:1\n        resources: {{requests: {{cpu: {cpu}, memory: 64Mi}}}}\n---\n"
    )
}

/// 10 DaemonSets on 5,000 nodes and an hour of node churn (issue 3).
fn daemonsets_5000() -> Workload {
    let mut nodes = String::from("NAME\tLABELS\tTAINTS\tCPU\tMEMORY\n");
    for i in 0..5000 {
        let zone = ["a", "b", "c"][i % 3];
        let disk = if i % 2 == 0 { "ssd" } else { "hdd" };
        let taint = if i % 50 == 0 {
            "dedicated=infra:NoSchedule"
        } else {
            "<none>"
        };
        let _ = writeln!(
            nodes,
            "node-{i:04}\tzone={zone},disk={disk}\t{taint}\t4\t16Gi"
        );
    }
    let mut manifests = String::new();
    for d in 0..10 {
        let sel = match d % 3 {
            0 => None,
            1 => Some(("disk", "ssd")),
            _ => Some(("zone", "b")),
        };
        manifests.push_str(&daemon_set(&format!("agent-{d}"), sel, "100m"));
    }
    let mut scenario = String::new();
    for m in 0..60 {
        let n = (m * 83) % 5000;
        match m % 4 {
            0 => {
                let _ = writeln!(scenario, "{m}m node node-{n:04} down");
            }
            1 => {
                let _ = writeln!(
                    scenario,
                    "{m}m kubectl label node node-{n:04} disk=ssd --overwrite"
                );
            }
            2 => {
                let _ = writeln!(scenario, "{m}m30s kubectl delete node node-{n:04}");
            }
            _ => {
                let _ = writeln!(scenario, "{m}m node add extra-{m} disk=ssd,zone=b");
            }
        }
    }
    Workload {
        name: "daemonsets-10x5000-churn-1h",
        manifests,
        nodes,
        scenario,
        seconds: 3600,
        budget_ms: 50.0,
    }
}

/// A Job with completions 10,000, parallelism 500 and 10% failing pods (issue 5).
#[test]
fn count() {
    let w = daemonsets_5000();
    let objects = manifest::load(&w.manifests).unwrap();
    let node_list = nodes::parse_nodes(&w.nodes).unwrap();
    let steps = scenario::parse(&w.scenario).unwrap();
    let t = std::time::Instant::now();
    let (e, _) = sim::run(
        &objects,
        &node_list,
        &steps,
        &Options {
            duration: w.seconds * 1000,
            ..Default::default()
        },
        &|_| Err("x".into()),
    );
    eprintln!(
        "syncs {} pods {} in {:?}",
        kubeplay_core::controllers::daemon_set::controller::SYNCS
            .load(std::sync::atomic::Ordering::Relaxed),
        e.world.pods.len(),
        t.elapsed()
    );
}
