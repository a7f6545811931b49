use std::fmt::Write as _;
use kubeplay_core::{manifest, nodes, sim::{self, Options}};
use kubeplay_core::controllers::daemon_set;
#[test]
fn micro() {
    let mut nodes = String::from("NAME\tLABELS\tTAINTS\tCPU\tMEMORY\n");
    for i in 0..5000 {
        let zone = ["a", "b", "c"][i % 3];
        let disk = if i % 2 == 0 { "ssd" } else { "hdd" };
        let taint = if i % 50 == 0 { "dedicated=infra:NoSchedule" } else { "<none>" };
        let _ = writeln!(nodes, "node-{i:04}\tzone={zone},disk={disk}\t{taint}\t4\t16Gi");
    }
    let m = "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: a\n  namespace: kube-system\nspec:\n  selector:\n    matchLabels: {app: a}\n  template:\n    metadata:\n      labels: {app: a}\n    spec:\n      nodeSelector: {disk: ssd}\n      containers:\n      - name: main\n        image: agent:1\n";
    let objects = manifest::load(m).unwrap();
    let node_list = nodes::parse_nodes(&nodes).unwrap();
    let (e, _) = sim::run(&objects, &node_list, &[], &Options { duration: 1000, ..Default::default() }, &|_| Err("x".into()));
    let t = &e.world.daemon_sets[&("kube-system".to_string(), "a".to_string())];
    let mut st = t.state.clone();
    let mut w = e.world.clone();
    w.daemon_sets.clear();
    let t0 = std::time::Instant::now();
    for _ in 0..100 { let a = daemon_set::sync(&t.object, &mut st, &w); assert!(a.is_empty()); }
    eprintln!("per sync {:?} (pods {})", t0.elapsed() / 100, w.pods.len());
    let owner = kubeplay_core::sim::world::OwnerRef::new("DaemonSet", "kube-system", "a");
    let t0 = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..100 { n += w.pods_of(&owner).filter(|p| p.ready).count(); }
    eprintln!("pods_of {:?} {n}", t0.elapsed() / 100);
    let t0 = std::time::Instant::now();
    for _ in 0..100 { n += w.live_nodes().filter(|x| x.labels.get("disk").is_some_and(|v| v == "ssd")).count(); }
    eprintln!("nodes {:?} {n}", t0.elapsed() / 100);
}
