use kubeplay_core::{
    manifest, nodes,
    sim::{self, scenario, Options},
};
#[test]
fn show() {
    let objects = manifest::load(include_str!("fixtures/daemonset/centos-proxy.yaml")).unwrap();
    let nodes =
        nodes::parse_table(include_str!("fixtures/daemonset/centos-ubuntu-nodes.txt")).unwrap();
    let (e, _) = sim::run(
        &objects,
        &nodes,
        &[],
        &Options {
            duration: 10_000,
            ..Default::default()
        },
        &|_| Err("x".into()),
    );
    for ev in &e.world.events {
        eprintln!(
            "{} {} {} {} {}",
            ev.time, ev.type_, ev.reason, ev.object, ev.message
        );
    }
    let objects = manifest::load(include_str!("fixtures/daemonset/log-agent.yaml")).unwrap();
    let nodes = nodes::parse_table(include_str!("fixtures/daemonset/three-nodes.txt")).unwrap();
    let steps =
        scenario::parse("1m kubectl set image ds/log-agent agent=fluentd:v2 -n kube-system\n")
            .unwrap();
    let (e, _) = sim::run(
        &objects,
        &nodes,
        &steps,
        &Options {
            duration: 80_000,
            ..Default::default()
        },
        &|_| Err("x".into()),
    );
    for ev in e
        .world
        .events
        .iter()
        .filter(|e| e.object.starts_with("DaemonSet"))
    {
        eprintln!(
            "{} {} {} {} {}",
            ev.time, ev.type_, ev.reason, ev.object, ev.message
        );
    }
    eprintln!("{:?}", e.world.daemon_sets.values().next().unwrap().state);
}
