//! pkg/controller/deployment/rolling.go: `rolloutRolling` — scale the new ReplicaSet up within
//! maxSurge, else scale the old ones down within maxUnavailable (unhealthy replicas first).

use super::sync::{cleanup_deployment, get_all, scale_and_record, sync_rollout_status};
use super::util::{max_unavailable, new_rs_new_replicas, replicas};
use super::{Ctx, State};

/// `rolloutRolling`.
pub fn rollout_rolling(cx: &mut Ctx<'_>, state: &mut State) {
    get_all(cx, state, true);
    if reconcile_new_replica_set(cx, state) || reconcile_old_replica_sets(cx, state) {
        sync_rollout_status(cx, state);
        return;
    }
    // DeploymentComplete on the stored status: the rollout finished, prune the history.
    let want = replicas(cx.d);
    if state.updated == want && state.replicas == want && state.available == want {
        cleanup_deployment(cx, state);
    }
    sync_rollout_status(cx, state);
}

/// `reconcileNewReplicaSet`: shrink a too-large new ReplicaSet, or grow it as far as
/// `NewRSNewReplicas` allows.
fn reconcile_new_replica_set(cx: &mut Ctx<'_>, state: &mut State) -> bool {
    let Some(n) = cx.new else { return false };
    let want = replicas(cx.d);
    let cur = cx.rss[n].replicas;
    if cur == want {
        return false;
    }
    if cur > want {
        return scale_and_record(cx, state, n, want);
    }
    let all: i32 = cx.rss.iter().map(|r| r.replicas).sum();
    let count = new_rs_new_replicas(cx.d, all, cur);
    scale_and_record(cx, state, n, count)
}

/// `reconcileOldReplicaSets`: how many old replicas may go now
/// (`allPods − minAvailable − newRSUnavailable`), unhealthy ones first.
fn reconcile_old_replica_sets(cx: &mut Ctx<'_>, state: &mut State) -> bool {
    let old = cx.active_old();
    let old_pods: i32 = old.iter().map(|i| cx.rss[*i].replicas).sum();
    if old_pods == 0 {
        return false;
    }
    let all_pods: i32 = cx.rss.iter().map(|r| r.replicas).sum();
    let min_available = replicas(cx.d) - max_unavailable(cx.d);
    let new_unavailable = cx
        .new
        .map_or(0, |n| cx.rss[n].replicas - cx.rss[n].available);
    let max_scaled_down = all_pods - min_available - new_unavailable;
    if max_scaled_down <= 0 {
        return false;
    }
    let cleaned = cleanup_unhealthy_replicas(cx, state, &old, max_scaled_down);
    let scaled = scale_down_old_replica_sets_for_rolling_update(cx, state, &old);
    cleaned + scaled > 0
}

/// `cleanupUnhealthyReplicas`: scale old ReplicaSets down by their unavailable replicas (the
/// ReplicaSet controller deletes not-ready pods first), oldest ReplicaSet first.
fn cleanup_unhealthy_replicas(
    cx: &mut Ctx<'_>,
    state: &mut State,
    old: &[usize],
    max_cleanup: i32,
) -> i32 {
    let mut total = 0;
    for &i in old {
        if total >= max_cleanup {
            break;
        }
        let rs = &cx.rss[i];
        if rs.replicas == 0 || rs.replicas == rs.available {
            continue;
        }
        let down = (max_cleanup - total).min(rs.replicas - rs.available);
        let target = rs.replicas - down;
        scale_and_record(cx, state, i, target);
        total += down;
    }
    total
}

/// `scaleDownOldReplicaSetsForRollingUpdate`: remove old replicas while more than
/// `replicas − maxUnavailable` pods are available, oldest ReplicaSet first.
fn scale_down_old_replica_sets_for_rolling_update(
    cx: &mut Ctx<'_>,
    state: &mut State,
    old: &[usize],
) -> i32 {
    let min_available = replicas(cx.d) - max_unavailable(cx.d);
    let available: i32 = cx.rss.iter().map(|r| r.available).sum();
    if available <= min_available {
        return 0;
    }
    let to_remove = available - min_available;
    let mut total = 0;
    for &i in old {
        if total >= to_remove {
            break;
        }
        let cur = cx.rss[i].replicas;
        if cur == 0 {
            continue;
        }
        let down = cur.min(to_remove - total);
        scale_and_record(cx, state, i, cur - down);
        total += down;
    }
    total
}
