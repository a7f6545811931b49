use kubeplay_core::{
    manifest, nodes,
    sim::{self, scenario, Options},
};
use std::fmt::Write as _;
fn daemon_set(name: &str, selector: Option<(&str, &str)>, cpu: &str) -> String {
    let sel = selector.map_or(String::new(), |(k, v)| {
        format!("      nodeSelector: {{{k}: {v}}}\n")
    });
    format!(
        "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: {name}\n  namespace: kube-system\nspec:\n  selector:\n    matchLabels: {{app: {name}}}\n  template:\n    metadata:\n      labels: {{app: {name}}}\n    spec:\n{sel}      tolerations: [{{key: dedicated, operator: Exists}}]\n      containers:\n      - name: main\n        image: agent:1\n        resources: {{requests: {{cpu: {cpu}, memory: 64Mi}}}}\n---\n"
    )
}
#[test]
fn count() {
    let n_nodes: usize = std::env::var("NODES")
        .map(|v| v.parse().unwrap())
        .unwrap_or(500);
    let mut nodes = String::from("NAME\tLABELS\tTAINTS\tCPU\tMEMORY\n");
    for i in 0..n_nodes {
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
    let mut sc = String::new();
    for m in 0..60 {
        let n = (m * 83) % n_nodes;
        match m % 4 {
            0 => {
                let _ = writeln!(sc, "{m}m node node-{n:04} down");
            }
            1 => {
                let _ = writeln!(
                    sc,
                    "{m}m kubectl label node node-{n:04} disk=ssd --overwrite"
                );
            }
            2 => {
                let _ = writeln!(sc, "{m}m30s kubectl delete node node-{n:04}");
            }
            _ => {
                let _ = writeln!(sc, "{m}m node add extra-{m} disk=ssd,zone=b");
            }
        }
    }
    let objects = manifest::load(&manifests).unwrap();
    let node_list = nodes::parse_nodes(&nodes).unwrap();
    let steps = scenario::parse(&sc).unwrap();
    let t = std::time::Instant::now();
    let (e, _) = sim::run(
        &objects,
        &node_list,
        &steps,
        &Options {
            duration: 3600_000,
            ..Default::default()
        },
        &|_| Err("x".into()),
    );
    eprintln!(
        "{:?}",
        kubeplay_core::controllers::daemon_set::controller::T
            .iter()
            .map(|t| t.load(std::sync::atomic::Ordering::Relaxed) / 1_000_000)
            .collect::<Vec<_>>()
    );
    eprintln!(
        "syncs {} pods {} events {} in {:?}",
        kubeplay_core::controllers::daemon_set::controller::SYNCS
            .load(std::sync::atomic::Ordering::Relaxed),
        e.world.pods.len(),
        e.world.events.len(),
        t.elapsed()
    );
}
