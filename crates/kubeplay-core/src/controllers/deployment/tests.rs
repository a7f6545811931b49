//! Deployment controller tests: sync_test.go's proportional scaling table on the controller's own
//! view, and whole simulations of creation, rolling update, Recreate and scaling.

use k8s_openapi::api::apps::v1::{
    Deployment, DeploymentSpec, DeploymentStrategy, RollingUpdateDeployment,
};
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;

use super::sync::{scale, NEW_RS_AVAILABLE};
use super::util::POD_TEMPLATE_HASH;
use super::*;
use crate::sim::engine::Engine;
use crate::sim::world::{Phase, SimPod};
use crate::sim::{self as simulation, scenario, Options};

fn deployment(replicas: i32, surge: i32, unavailable: i32) -> Deployment {
    Deployment {
        metadata: k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta {
            name: Some("foo".into()),
            namespace: Some("default".into()),
            ..Default::default()
        },
        spec: DeploymentSpec {
            replicas: Some(replicas),
            strategy: Some(DeploymentStrategy {
                type_: Some("RollingUpdate".into()),
                rolling_update: Some(RollingUpdateDeployment {
                    max_surge: Some(IntOrString::Int(surge)),
                    max_unavailable: Some(IntOrString::Int(unavailable)),
                }),
            }),
            ..Default::default()
        },
        status: None,
    }
}

/// A ReplicaSet last scaled for a Deployment of `old` replicas (surge 0), created at `created`.
fn rs(name: &str, replicas: i32, created: Millis, old: i32) -> Rs {
    Rs {
        key: crate::sim::world::ns_name("default", name),
        created,
        replicas,
        status_replicas: replicas,
        ready: replicas,
        available: replicas,
        meta: RsMeta {
            revision: created,
            desired: Some(old),
            max: Some(old),
        },
    }
}

/// sync_test.go `TestScale` (the cases that do not depend on a failing API call).
#[test]
fn proportional_scaling_table() {
    type Case = (
        &'static str,
        i32,
        i32,
        Option<(&'static str, i32)>,
        Vec<(&'static str, i32)>,
        Option<i32>,
        Vec<i32>,
    );
    let cases: Vec<Case> = vec![
        (
            "normal scaling event: 10 -> 12",
            10,
            12,
            Some(("foo-v1", 10)),
            vec![],
            Some(12),
            vec![],
        ),
        (
            "normal scaling event: 10 -> 5",
            10,
            5,
            Some(("foo-v1", 10)),
            vec![],
            Some(5),
            vec![],
        ),
        (
            "proportional scaling: 5 -> 10",
            5,
            10,
            Some(("foo-v2", 2)),
            vec![("foo-v1", 3)],
            Some(4),
            vec![6],
        ),
        (
            "proportional scaling: 5 -> 3",
            5,
            3,
            Some(("foo-v2", 2)),
            vec![("foo-v1", 3)],
            Some(1),
            vec![2],
        ),
        (
            "proportional scaling: 9 -> 4",
            9,
            4,
            Some(("foo-v2", 8)),
            vec![("foo-v1", 1)],
            Some(4),
            vec![0],
        ),
        (
            "proportional scaling: 7 -> 10",
            7,
            10,
            Some(("foo-v3", 2)),
            vec![("foo-v2", 3), ("foo-v1", 2)],
            Some(3),
            vec![4, 3],
        ),
        (
            "proportional scaling: 13 -> 8",
            13,
            8,
            Some(("foo-v3", 2)),
            vec![("foo-v2", 8), ("foo-v1", 3)],
            Some(1),
            vec![5, 2],
        ),
        (
            "leftover distribution: 3 -> 4",
            3,
            4,
            Some(("foo-v3", 1)),
            vec![("foo-v2", 1), ("foo-v1", 1)],
            Some(2),
            vec![1, 1],
        ),
        (
            "leftover distribution: 3 -> 2",
            3,
            2,
            Some(("foo-v3", 1)),
            vec![("foo-v2", 1), ("foo-v1", 1)],
            Some(1),
            vec![1, 0],
        ),
        (
            "proportional scaling (no new rs): 4 -> 5",
            4,
            5,
            None,
            vec![("foo-v2", 2), ("foo-v1", 2)],
            None,
            vec![3, 2],
        ),
        (
            "proportional scaling: 6 -> 0",
            6,
            0,
            Some(("foo-v3", 3)),
            vec![("foo-v2", 2), ("foo-v1", 1)],
            Some(0),
            vec![0, 0],
        ),
        (
            "proportional scaling: 0 -> 6",
            6,
            6,
            Some(("foo-v3", 0)),
            vec![("foo-v2", 0), ("foo-v1", 0)],
            Some(6),
            vec![0, 0],
        ),
    ];
    let world = World::default();
    for (name, old, new, new_rs, old_rss, want_new, want_old) in cases {
        let d = deployment(new, 0, 0);
        // Oldest first: the old ReplicaSets are listed newest first in the table.
        let mut rss: Vec<Rs> = old_rss
            .iter()
            .rev()
            .enumerate()
            .map(|(i, (n, r))| rs(n, *r, i as Millis, old))
            .collect();
        let new_idx = new_rs.map(|(n, r)| {
            rss.push(rs(n, r, 100, old));
            rss.len() - 1
        });
        let mut cx = Ctx {
            d: &d,
            ns: "default",
            name: "foo",
            world: &world,
            now: 0,
            rss,
            new: new_idx,
            actions: Vec::new(),
            requeue_at: None,
        };
        let mut state = State {
            replicas: old,
            ..Default::default()
        };
        scale(&mut cx, &mut state);
        assert_eq!(new_idx.map(|i| cx.rss[i].replicas), want_new, "{name}: new");
        let got_old: Vec<i32> = old_rss
            .iter()
            .map(|(n, _)| cx.rss.iter().find(|r| r.name() == *n).unwrap().replicas)
            .collect();
        assert_eq!(got_old, want_old, "{name}: old");
    }
}

const WEB: &str = "apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 4
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
      annotations:
        kubeplay.io/startup: 5s
    spec:
      containers:
      - name: web
        image: nginx:1.26
        resources:
          requests: {cpu: 100m}
";

const NODES: &str = "NAME\tCPU\tMEMORY\nn1\t4\t8Gi\nn2\t4\t8Gi\n";

fn simulate(manifests: &str, steps: &str, secs: i64) -> Engine {
    let objects = crate::manifest::load(manifests).expect("manifest");
    let nodes = crate::nodes::parse_table(NODES).expect("nodes");
    let steps = scenario::parse(steps).expect("scenario");
    let (e, errors) = simulation::run(
        &objects,
        &nodes,
        &steps,
        &Options {
            duration: secs * 1000,
            ..Default::default()
        },
        &|_| Err("no files".into()),
    );
    assert!(errors.is_empty(), "{errors:?}");
    e
}

fn state(e: &Engine) -> &State {
    &e.world.deployments[&("default".to_string(), "web".to_string())].state
}

fn scaling_events(e: &Engine) -> Vec<String> {
    e.world
        .events
        .iter()
        .filter(|ev| ev.reason == "ScalingReplicaSet")
        .map(|ev| format!("{} {}", ev.time / 1000, ev.message))
        .collect()
}

/// Owned ReplicaSets, oldest first: (name, spec.replicas).
fn replica_sets(e: &Engine) -> Vec<(String, i32)> {
    let mut v: Vec<_> = e
        .world
        .replica_sets
        .iter()
        .filter(|(_, t)| t.deleted.is_none())
        .map(|(k, t)| (t.created, k.1.clone(), t.object.spec.replicas.unwrap_or(1)))
        .collect();
    v.sort();
    v.into_iter().map(|(_, n, r)| (n, r)).collect()
}

fn image(p: &SimPod) -> &str {
    p.spec.containers[0].image.as_deref().unwrap_or_default()
}

#[test]
fn creates_a_replica_set_named_by_the_template_hash() {
    let e = simulate(WEB, "", 30);
    let rss = replica_sets(&e);
    assert_eq!(rss.len(), 1);
    let (name, replicas) = &rss[0];
    let hash = name.strip_prefix("web-").unwrap();
    assert_eq!(replicas, &4);
    assert_eq!(
        scaling_events(&e),
        [format!("0 Scaled up replica set {name} from 0 to 4")]
    );
    let rs = &e.world.replica_sets[&("default".to_string(), name.clone())].object;
    assert_eq!(
        rs.metadata.labels.as_ref().unwrap()[POD_TEMPLATE_HASH],
        hash
    );
    assert_eq!(
        rs.spec.selector.match_labels.as_ref().unwrap()[POD_TEMPLATE_HASH],
        hash
    );
    assert_eq!(
        crate::sim::apply::owner_of(&rs.metadata),
        Some(("Deployment", "web"))
    );
    let ann = rs.metadata.annotations.as_ref().unwrap();
    assert_eq!(
        (
            ann["deployment.kubernetes.io/revision"].as_str(),
            ann["deployment.kubernetes.io/desired-replicas"].as_str(),
            ann["deployment.kubernetes.io/max-replicas"].as_str()
        ),
        ("1", "4", "5")
    );
    let pods: Vec<&SimPod> = e.world.pods.sorted().filter(|p| p.alive()).collect();
    assert_eq!(pods.len(), 4);
    assert!(pods
        .iter()
        .all(|p| p.name().starts_with(&format!("{name}-"))
            && p.labels[POD_TEMPLATE_HASH] == *hash
            && p.phase == Phase::Running));
    let s = state(&e);
    assert_eq!(
        (s.replicas, s.updated, s.ready, s.available, s.revision),
        (4, 4, 4, 4, 1)
    );
    assert_eq!(
        s.condition("Available").map(|c| (c.status, c.reason)),
        Some(("True", "MinimumReplicasAvailable"))
    );
    let progressing = s.condition("Progressing").unwrap();
    assert_eq!(
        (progressing.status, progressing.reason),
        ("True", NEW_RS_AVAILABLE)
    );
    assert_eq!(
        progressing.message,
        format!("ReplicaSet \"{name}\" has successfully progressed.")
    );
    // Before the pods start, the Deployment is not yet available.
    let early = simulate(WEB, "", 3);
    let s = state(&early);
    assert_eq!((s.replicas, s.updated, s.ready, s.available), (4, 4, 0, 0));
    assert_eq!(
        s.condition("Available").map(|c| c.reason),
        Some("MinimumReplicasUnavailable")
    );
}

/// Pods alive and Ready at time `t` (from the timeline of every pod).
fn at(e: &Engine, t: Millis) -> (usize, usize) {
    let alive = |p: &&SimPod| p.created <= t && p.deleted.is_none_or(|d| d > t);
    let live = e.world.pods.sorted().filter(alive).count();
    let ready = e
        .world
        .pods
        .sorted()
        .filter(alive)
        .filter(|p| p.started.is_some_and(|s| s <= t))
        .count();
    (live, ready)
}

#[test]
fn rolling_update_stays_within_surge_and_unavailability() {
    let e = simulate(
        WEB,
        "30s kubectl set image deployment/web web=nginx:1.27\n",
        120,
    );
    let rss = replica_sets(&e);
    assert_eq!(
        rss.len(),
        2,
        "the old ReplicaSet is kept at 0 for rollbacks"
    );
    let (old, new) = (&rss[0], &rss[1]);
    assert_eq!((old.1, new.1), (0, 4));
    // 4 replicas, 25% each way: maxSurge 1 (rounded up), maxUnavailable 1 (rounded down).
    let ev = scaling_events(&e);
    assert_eq!(
        ev[..4],
        [
            format!("0 Scaled up replica set {} from 0 to 4", old.0),
            format!("30 Scaled up replica set {} from 0 to 1", new.0),
            format!("30 Scaled down replica set {} from 4 to 3", old.0),
            format!("30 Scaled up replica set {} from 1 to 2", new.0),
        ]
    );
    assert_eq!(
        ev.last().unwrap(),
        &format!(
            "{} Scaled down replica set {} from 1 to 0",
            ev.last().unwrap().split(' ').next().unwrap(),
            old.0
        )
    );
    for t in (30_000..120_000).step_by(500) {
        let (live, ready) = at(&e, t);
        assert!(live <= 5, "at most replicas + maxSurge pods at {t}: {live}");
        assert!(
            ready >= 3,
            "at least replicas - maxUnavailable ready at {t}: {ready}"
        );
    }
    let live: Vec<&SimPod> = e.world.pods.sorted().filter(|p| p.alive()).collect();
    assert_eq!(live.len(), 4);
    assert!(live.iter().all(|p| image(p) == "nginx:1.27" && p.ready));
    let s = state(&e);
    assert_eq!(
        (s.replicas, s.updated, s.ready, s.available, s.revision),
        (4, 4, 4, 4, 2)
    );
    assert_eq!(s.new_replica_set.as_deref(), Some(new.0.as_str()));

    // Setting the old image back reuses the old ReplicaSet (same template, same hash) as revision 3.
    let back = simulate(WEB, "30s kubectl set image deployment/web web=nginx:1.27\n2m kubectl set image deployment/web web=nginx:1.26\n", 240);
    let rss2 = replica_sets(&back);
    assert_eq!(rss2, [(old.0.clone(), 4), (new.0.clone(), 0)]);
    assert_eq!(state(&back).revision, 3);
    assert_eq!(state(&back).rs_meta[&old.0].revision, 3);
}

#[test]
fn recreate_removes_every_old_pod_first() {
    let manifests = WEB.replace(
        "  replicas: 4\n",
        "  replicas: 3\n  strategy: {type: Recreate}\n",
    );
    let e = simulate(
        &manifests,
        "30s kubectl set image deployment/web web=nginx:1.27\n",
        90,
    );
    let (old, new): (Vec<&SimPod>, Vec<&SimPod>) = e
        .world
        .pods
        .sorted()
        .partition(|p| image(p) == "nginx:1.26");
    assert_eq!((old.len(), new.len()), (3, 3));
    let last_old = old.iter().map(|p| p.deleted.unwrap()).max().unwrap();
    let first_new = new.iter().map(|p| p.created).min().unwrap();
    assert!(last_old <= first_new);
    let rss = replica_sets(&e);
    assert_eq!(
        scaling_events(&e)[1..],
        [
            format!("30 Scaled down replica set {} from 3 to 0", rss[0].0),
            format!("30 Scaled up replica set {} from 0 to 3", rss[1].0)
        ]
    );
}

#[test]
fn kubectl_scale_resizes_the_replica_set() {
    let e = simulate(WEB, "20s kubectl scale deployment web --replicas=6\n40s kubectl scale deployment web --replicas=2\n", 60);
    let rs = &replica_sets(&e)[0];
    assert_eq!(
        scaling_events(&e),
        [
            format!("0 Scaled up replica set {} from 0 to 4", rs.0),
            format!("20 Scaled up replica set {} from 4 to 6", rs.0),
            format!("40 Scaled down replica set {} from 6 to 2", rs.0),
        ]
    );
    let s = state(&e);
    assert_eq!((s.replicas, s.updated, s.ready, s.available), (2, 2, 2, 2));
    assert_eq!(
        s.rs_meta[&rs.0],
        RsMeta {
            revision: 1,
            desired: Some(2),
            max: Some(3)
        }
    );
}

#[test]
fn stuck_rollout_times_out_after_the_progress_deadline() {
    // The new pods never start (a bad image, say): the rollout stops within its limits and the
    // Progressing condition turns False after progressDeadlineSeconds.
    let manifests = WEB.replace(
        "  replicas: 4\n",
        "  replicas: 4\n  progressDeadlineSeconds: 60\n",
    );
    let e = simulate(&manifests, "30s kubectl patch deployment web -p '{\"spec\":{\"template\":{\"metadata\":{\"annotations\":{\"kubeplay.io/startup\":\"1h\"}}}}}'\n", 200);
    let rss = replica_sets(&e);
    assert_eq!(
        (rss[0].1, rss[1].1),
        (3, 2),
        "old 3 (4 - maxUnavailable), new 2 (up to replicas + maxSurge)"
    );
    let s = state(&e);
    let c = s.condition("Progressing").unwrap();
    assert_eq!((c.status, c.reason), ("False", "ProgressDeadlineExceeded"));
    assert_eq!(
        c.message,
        format!("ReplicaSet \"{}\" has timed out progressing.", rss[1].0)
    );
    assert_eq!(
        c.last_update, 91_000,
        "checked one second after the 60s deadline (requeueStuckDeployment)"
    );
    assert_eq!((s.replicas, s.updated, s.ready, s.available), (5, 2, 3, 3));
}

#[test]
fn old_replica_sets_beyond_the_history_limit_are_cleaned_up() {
    let manifests = WEB.replace(
        "  replicas: 4\n",
        "  replicas: 4\n  revisionHistoryLimit: 1\n",
    );
    let steps = "30s kubectl set image deployment/web web=nginx:1.27\n60s kubectl set image deployment/web web=nginx:1.28\n";
    let e = simulate(&manifests, steps, 100);
    let rss = replica_sets(&e);
    // Revision 1 is deleted (cleanupDeployment); revision 2 stays as the one kept in history.
    assert_eq!(rss.iter().map(|r| r.1).collect::<Vec<_>>(), [0, 4]);
    let deleted: Vec<crate::sim::world::NsName> = e
        .world
        .replica_sets
        .iter()
        .filter(|(_, t)| t.deleted.is_some())
        .map(|(k, _)| k.clone())
        .collect();
    assert_eq!(deleted.len(), 1);
    assert_eq!(state(&e).cleanup, deleted);
    assert_eq!(state(&e).revision, 3);
}
