//! pkg/controller/deployment/recreate.go: `rolloutRecreate` — scale every old ReplicaSet to zero,
//! wait until none of their pods is left running, then create (or scale up) the new one.

use super::sync::{cleanup_deployment, get_all, scale_and_record, sync_rollout_status};
use super::util::replicas;
use super::{Ctx, State};
use crate::sim::world::OwnerRef;

/// `rolloutRecreate`.
pub fn rollout_recreate(cx: &mut Ctx<'_>, state: &mut State) {
    // Don't create the new ReplicaSet yet: scale down before scaling up.
    get_all(cx, state, false);
    let mut scaled_down = false;
    for i in cx.active_old() {
        scaled_down |= scale_and_record(cx, state, i, 0);
    }
    if scaled_down || old_pods_running(cx) {
        sync_rollout_status(cx, state);
        return;
    }
    if cx.new.is_none() {
        get_all(cx, state, true);
    }
    if let Some(n) = cx.new {
        let want = replicas(cx.d);
        scale_and_record(cx, state, n, want);
    }
    let want = replicas(cx.d);
    if state.updated == want && state.replicas == want && state.available == want {
        cleanup_deployment(cx, state);
    }
    sync_rollout_status(cx, state);
}

/// `oldPodsRunning`: an old ReplicaSet still reports pods, or still has a pod that has not
/// terminated (Pending or Running).
fn old_pods_running(cx: &Ctx<'_>) -> bool {
    let old = cx.old();
    if old.iter().any(|i| cx.rss[*i].status_replicas > 0) {
        return true;
    }
    old.iter().any(|i| {
        let (ns, name) = &*cx.rss[*i].key;
        cx.world
            .pods_of(&OwnerRef::new("ReplicaSet", ns, name))
            .any(|p| p.active())
    })
}
