//! The timeline contract: deterministic for a seed, pods carry their requests, the seed changes only
//! the generated names.

use kubeplay_core::manifest::load;
use kubeplay_core::nodes::parse_table;
use kubeplay_core::sim::{self, scenario, Options, Timeline};

const RS: &str = "apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: nginx
        resources: {requests: {cpu: 250m, memory: 64Mi}}
";

fn timeline(seed: u64) -> String {
    let objects = load(RS).unwrap();
    let nodes = parse_table("NAME  CPU\nn1    1\nn2    1\n").unwrap();
    let steps =
        scenario::parse("30s node n2 down\n2m kubectl scale rs web --replicas=4\n").unwrap();
    let opts = Options {
        duration: 600_000,
        seed,
        ..Options::default()
    };
    let (e, errors) = sim::run(&objects, &nodes, &steps, &opts, &|_| Err("no files".into()));
    assert!(errors.is_empty(), "{errors:?}");
    serde_json::to_string(&Timeline::from_engine(&e)).unwrap()
}

#[test]
fn same_input_and_seed_same_bytes() {
    assert_eq!(timeline(7), timeline(7));
    let (a, b) = (timeline(7), timeline(8));
    assert_ne!(a, b, "the seed picks the name suffixes");
    let strip = |s: &str| s.replace(char::is_alphanumeric, "");
    assert_eq!(strip(&a).len(), strip(&b).len(), "only names differ");
}

#[test]
fn pods_carry_their_requests() {
    let t: serde_json::Value = serde_json::from_str(&timeline(1)).unwrap();
    let pods = t["pods"].as_array().unwrap();
    assert!(pods.len() >= 4);
    for p in pods {
        assert_eq!(p["requests"]["cpuMilli"], 250);
        assert_eq!(p["requests"]["memory"], 64 << 20);
    }
}

#[test]
fn resuming_a_run_equals_running_at_once() {
    let objects = load(RS).unwrap();
    let nodes = parse_table("NAME  CPU\nn1    1\nn2    1\n").unwrap();
    let steps =
        scenario::parse("30s node n2 down\n2m kubectl scale rs web --replicas=4\n").unwrap();
    let opts = Options {
        duration: 600_000,
        ..Options::default()
    };
    let none = |_: &str| Err("no files".to_string());
    let (whole, _) = sim::run(&objects, &nodes, &steps, &opts, &none);
    let mut part = sim::start(&objects, &nodes, &steps, &opts);
    for t in [10_000, 30_000, 95_000, 95_000, 400_000, 600_000] {
        sim::resume(&mut part, &steps, t, &none);
    }
    let a = serde_json::to_string(&Timeline::from_engine(&whole)).unwrap();
    let b = serde_json::to_string(&Timeline::from_engine(&part)).unwrap();
    assert_eq!(a, b);
}
