//! The ReplicaSet controller (pkg/controller/replicaset/replica_set.go `manageReplicas`): keeps
//! `spec.replicas` active pods matching the template; deletes the least valuable extras first
//! (`controller.ActivePods` ordering: unscheduled, pending, not ready, then the newest).

use k8s_openapi::api::apps::v1::ReplicaSet;

use super::{Action, NewPod};
use crate::duration::Millis;
use crate::sim::world::{OwnerRef, Phase, SimPod, World};

/// Status the controller keeps (`status.replicas/readyReplicas/availableReplicas`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct State {
    pub replicas: i32,
    pub ready: i32,
    pub available: i32,
}

/// Rank for deletion: lower goes first (mirrors `ActivePodsWithRanks.Less`, simplified to the keys
/// that differ in kubeplay: unscheduled < scheduled, Pending < Running, not ready < ready, newer first).
fn deletion_rank(
    p: &SimPod,
) -> (
    bool,
    bool,
    bool,
    std::cmp::Reverse<Millis>,
    std::cmp::Reverse<u64>,
) {
    (
        p.node.is_some(),
        p.phase == Phase::Running,
        p.ready,
        std::cmp::Reverse(p.ready_since.unwrap_or(p.created)),
        std::cmp::Reverse(p.uid),
    )
}

/// One sync of a ReplicaSet.
pub fn sync(rs: &ReplicaSet, state: &mut State, world: &World) -> Vec<Action> {
    let ns = rs.metadata.namespace.as_deref().unwrap_or("default");
    let name = rs.metadata.name.as_deref().unwrap_or_default();
    let owner = OwnerRef::new("ReplicaSet", ns, name);
    let spec = &rs.spec;
    let want = spec.replicas.unwrap_or(1).max(0);
    let min_ready = Millis::from(spec.min_ready_seconds.unwrap_or(0)) * 1000;
    let mut active: Vec<&SimPod> = world.pods_of(&owner).filter(|p| p.active()).collect();
    let mut actions = Vec::new();
    let have = active.len() as i32;
    let template_hash: std::sync::Arc<str> = rs
        .metadata
        .labels
        .as_ref()
        .and_then(|l| l.get("pod-template-hash"))
        .map_or_else(Default::default, |h| std::sync::Arc::from(h.as_str()));
    if have < want {
        if let Some(template) = &spec.template {
            let template = std::sync::Arc::new(template.clone());
            let pod_owner = std::sync::Arc::new(owner.clone());
            let generate_name: std::sync::Arc<str> = format!("{name}-").into();
            for _ in have..want {
                actions.push(Action::CreatePod(Box::new(NewPod {
                    owner: Some(pod_owner.clone()),
                    namespace: ns.into(),
                    template: template.clone(),
                    generate_name: generate_name.clone(),
                    template_hash: template_hash.clone(),
                    ..Default::default()
                })));
            }
        }
    } else if have > want {
        active.sort_by_key(|p| deletion_rank(p));
        for p in active.iter().take((have - want) as usize) {
            actions.push(Action::DeletePod {
                key: p.key(),
                reason: None,
                fail: false,
            });
            actions.push(Action::normal(
                "SuccessfulDelete",
                "ReplicaSet",
                ns,
                name,
                format!("Deleted pod: {}", p.name()),
            ));
        }
    }
    let ready = active.iter().filter(|p| p.ready).count() as i32;
    let available = active
        .iter()
        .filter(|p| p.available(world.now, min_ready))
        .count() as i32;
    if let Some(t) = active
        .iter()
        .filter(|p| p.ready && !p.available(world.now, min_ready))
        .filter_map(|p| p.ready_since)
        .map(|t| t + min_ready)
        .min()
    {
        actions.push(Action::Requeue { owner, at: t });
    }
    *state = State {
        replicas: have.min(want.max(have)),
        ready,
        available,
    };
    actions
}
