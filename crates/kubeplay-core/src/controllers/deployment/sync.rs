//! pkg/controller/deployment/sync.go and progress.go: finding the new and old ReplicaSets and syncing
//! revisions (`getAllReplicaSetsAndSyncRevision`, `getNewReplicaSet`), scaling events and paused
//! Deployments (`isScalingEvent`, `sync`, `scale`), `scaleReplicaSet`, `cleanupDeployment`, and the
//! status with its conditions (`calculateStatus`, `syncDeploymentStatus`, `syncRolloutStatus`,
//! `requeueStuckDeployment`, `checkPausedConditions`).

use std::collections::BTreeMap;

use k8s_openapi::api::apps::v1::{ReplicaSet, ReplicaSetSpec};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{LabelSelector, ObjectMeta};

use super::util::{
    self, clone_and_add_label, compute_hash, equal_ignore_hash, max_surge, max_unavailable,
    new_rs_new_replicas, replicas, DESIRED_REPLICAS_ANNOTATION, MAX_REPLICAS_ANNOTATION,
    POD_TEMPLATE_HASH, REVISION_ANNOTATION,
};
use super::{Condition, Ctx, Rs, RsMeta, State};
use crate::controllers::Action;
use crate::duration::Millis;
use crate::sim::apply::{controller_ref, owner_of};
use crate::sim::world::{OwnerRef, World};

/// `revisionHistoryLimit` default (`SetDefaults_Deployment`).
pub const DEFAULT_REVISION_HISTORY_LIMIT: i32 = 10;
/// `progressDeadlineSeconds` default (`SetDefaults_Deployment`).
pub const DEFAULT_PROGRESS_DEADLINE_SECONDS: i32 = 600;

/// Condition reasons (deployment_util.go).
pub const NEW_RS_CREATED: &str = "NewReplicaSetCreated";
pub const FOUND_NEW_RS: &str = "FoundNewReplicaSet";
pub const RS_UPDATED: &str = "ReplicaSetUpdated";
pub const NEW_RS_AVAILABLE: &str = "NewReplicaSetAvailable";
pub const TIMED_OUT: &str = "ProgressDeadlineExceeded";
pub const PAUSED: &str = "DeploymentPaused";
pub const RESUMED: &str = "DeploymentResumed";
pub const MIN_AVAILABLE: &str = "MinimumReplicasAvailable";
pub const MIN_UNAVAILABLE: &str = "MinimumReplicasUnavailable";

/// Annotations `SetNewReplicaSetAnnotations` does not copy from the Deployment (`annotationsToSkip`).
const ANNOTATIONS_TO_SKIP: &[&str] = &[
    "kubectl.kubernetes.io/last-applied-configuration",
    REVISION_ANNOTATION,
    "deployment.kubernetes.io/revision-history",
    DESIRED_REPLICAS_ANNOTATION,
    MAX_REPLICAS_ANNOTATION,
    "deprecated.deployment.rollback.to",
];

fn ann_int<T: std::str::FromStr>(meta: &ObjectMeta, key: &str) -> Option<T> {
    meta.annotations.as_ref()?.get(key)?.parse().ok()
}

/// Lists the ReplicaSets the Deployment controls (`getReplicaSetsForDeployment`) with their status
/// counted from their pods, oldest first, and starts a sync.
pub fn load<'w>(
    d: &'w k8s_openapi::api::apps::v1::Deployment,
    ns: &'w str,
    name: &'w str,
    world: &'w World,
    state: &mut State,
) -> Ctx<'w> {
    let now = world.now;
    let min_ready = Millis::from(d.spec.min_ready_seconds.unwrap_or(0).max(0)) * 1000;
    let mut cx = Ctx {
        d,
        ns,
        name,
        world,
        now,
        rss: Vec::new(),
        new: None,
        actions: Vec::new(),
        requeue_at: None,
    };
    for (key, t) in &world.replica_sets {
        let (rns, rname) = &**key;
        if rns != ns
            || t.deleted.is_some()
            || owner_of(&t.object.metadata) != Some(("Deployment", name))
        {
            continue;
        }
        let (mut n, mut ready, mut available) = (0, 0, 0);
        for p in world
            .pods_of(&OwnerRef::new("ReplicaSet", rns, rname))
            .filter(|p| p.active())
        {
            n += 1;
            if p.ready {
                ready += 1;
                if p.available(now, min_ready) {
                    available += 1;
                } else if let Some(since) = p.ready_since {
                    cx.requeue(since + min_ready);
                }
            }
        }
        let meta = state.rs_meta.get(rname).cloned().unwrap_or_else(|| RsMeta {
            revision: ann_int(&t.object.metadata, REVISION_ANNOTATION).unwrap_or(0),
            desired: ann_int(&t.object.metadata, DESIRED_REPLICAS_ANNOTATION),
            max: ann_int(&t.object.metadata, MAX_REPLICAS_ANNOTATION),
        });
        cx.rss.push(Rs {
            key: key.clone(),
            created: t.created,
            replicas: t.object.spec.replicas.unwrap_or(1),
            status_replicas: n,
            ready,
            available,
            meta,
        });
    }
    cx.rss.sort_by(|a, b| {
        a.created
            .cmp(&b.created)
            .then_with(|| a.key.1.cmp(&b.key.1))
    });
    state
        .rs_meta
        .retain(|k, _| cx.rss.iter().any(|r| r.name() == k));
    cx
}

fn has_progress_deadline(cx: &Ctx<'_>) -> bool {
    cx.d.spec
        .progress_deadline_seconds
        .unwrap_or(DEFAULT_PROGRESS_DEADLINE_SECONDS)
        != i32::MAX
}

fn progress_deadline(cx: &Ctx<'_>) -> Millis {
    Millis::from(
        cx.d.spec
            .progress_deadline_seconds
            .unwrap_or(DEFAULT_PROGRESS_DEADLINE_SECONDS),
    ) * 1000
}

/// `SetDeploymentCondition`: replace the condition of that type unless status and reason are the
/// same; keep `lastTransitionTime` while the status does not change.
pub fn set_condition(conditions: &mut Vec<Condition>, mut c: Condition) {
    if let Some(cur) = conditions.iter().find(|x| x.type_ == c.type_) {
        if cur.status == c.status && cur.reason == c.reason {
            return;
        }
        if cur.status == c.status {
            c.last_transition = cur.last_transition;
        }
    }
    conditions.retain(|x| x.type_ != c.type_);
    conditions.push(c);
}

fn condition(
    now: Millis,
    type_: &'static str,
    status: &'static str,
    reason: &'static str,
    message: String,
) -> Condition {
    Condition {
        type_,
        status,
        reason,
        message,
        last_update: now,
        last_transition: now,
    }
}

/// `getAllReplicaSetsAndSyncRevision` / `getNewReplicaSet`: find the ReplicaSet whose template is the
/// Deployment's (ignoring `pod-template-hash`), bring its revision to max(old) + 1, or create it when
/// `create` is set.
pub fn get_all(cx: &mut Ctx<'_>, state: &mut State, create: bool) {
    let d = cx.d;
    if cx.new.is_none() {
        cx.new = cx.rss.iter().position(|rs| {
            cx.world
                .replica_sets
                .get(&rs.key)
                .and_then(|t| t.object.spec.template.as_ref())
                .is_some_and(|t| equal_ignore_hash(t, &d.spec.template))
        });
    }
    let max_old = cx
        .old()
        .iter()
        .map(|i| cx.rss[*i].meta.revision)
        .max()
        .unwrap_or(0);
    let new_revision = max_old + 1;
    if let Some(i) = cx.new {
        let rs = &mut cx.rss[i];
        if rs.meta.revision < new_revision {
            rs.meta.revision = new_revision;
        }
        state.rs_meta.insert(rs.key.1.clone(), rs.meta.clone());
        state.revision = rs.meta.revision;
        state.new_replica_set = Some(rs.key.1.clone());
        if has_progress_deadline(cx) && state.condition("Progressing").is_none() {
            let msg = format!("Found new replica set \"{}\"", cx.rss[i].name());
            set_condition(
                &mut state.conditions,
                condition(cx.now, "Progressing", "True", FOUND_NEW_RS, msg),
            );
        }
        return;
    }
    if !create {
        return;
    }
    // Name the new ReplicaSet by the template hash; a name taken by another template bumps
    // status.collisionCount (upstream: on the next sync) until the name is free.
    let (hash, rs_name) = loop {
        let hash = compute_hash(&d.spec.template, state.collision_count);
        let rs_name = format!("{}-{hash}", cx.name);
        let taken = cx
            .world
            .replica_sets
            .get(&(cx.ns.to_string(), rs_name.clone()))
            .is_some_and(|t| t.deleted.is_none());
        if !taken || state.collision_count.unwrap_or(0) >= 100 {
            break (hash, rs_name);
        }
        state.collision_count = Some(state.collision_count.unwrap_or(0) + 1);
    };
    let d_rep = replicas(d);
    let all: i32 = cx.rss.iter().map(|r| r.replicas).sum();
    let count = new_rs_new_replicas(d, all, 0);
    let meta = RsMeta {
        revision: new_revision,
        desired: Some(d_rep),
        max: Some(d_rep + max_surge(d)),
    };
    let mut template = d.spec.template.clone();
    let labels = clone_and_add_label(
        template.metadata.as_ref().and_then(|m| m.labels.as_ref()),
        POD_TEMPLATE_HASH,
        &hash,
    );
    template
        .metadata
        .get_or_insert_with(Default::default)
        .labels = Some(labels.clone());
    let mut selector: LabelSelector = d.spec.selector.clone();
    selector
        .match_labels
        .get_or_insert_with(BTreeMap::new)
        .insert(POD_TEMPLATE_HASH.into(), hash.clone());
    let mut annotations: BTreeMap<String, String> = d
        .metadata
        .annotations
        .iter()
        .flatten()
        .filter(|(k, _)| !ANNOTATIONS_TO_SKIP.contains(&k.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    annotations.insert(REVISION_ANNOTATION.into(), new_revision.to_string());
    annotations.insert(DESIRED_REPLICAS_ANNOTATION.into(), d_rep.to_string());
    annotations.insert(
        MAX_REPLICAS_ANNOTATION.into(),
        (d_rep + max_surge(d)).to_string(),
    );
    let rs = ReplicaSet {
        metadata: ObjectMeta {
            name: Some(rs_name.clone()),
            namespace: Some(cx.ns.to_string()),
            labels: Some(labels),
            annotations: Some(annotations),
            owner_references: Some(vec![controller_ref("Deployment", "apps/v1", cx.name)]),
            ..Default::default()
        },
        spec: ReplicaSetSpec {
            replicas: Some(count),
            min_ready_seconds: d.spec.min_ready_seconds,
            selector,
            template: Some(template),
        },
        status: None,
    };
    cx.actions.push(Action::CreateReplicaSet(Box::new(rs)));
    if count > 0 {
        cx.actions.push(Action::normal(
            "ScalingReplicaSet",
            "Deployment",
            cx.ns,
            cx.name,
            format!("Scaled up replica set {rs_name} from 0 to {count}"),
        ));
    }
    if has_progress_deadline(cx) {
        let msg = format!("Created new replica set \"{rs_name}\"");
        set_condition(
            &mut state.conditions,
            condition(cx.now, "Progressing", "True", NEW_RS_CREATED, msg),
        );
    }
    state.rs_meta.insert(rs_name.clone(), meta.clone());
    state.revision = new_revision;
    state.new_replica_set = Some(rs_name.clone());
    cx.rss.push(Rs {
        key: crate::sim::world::ns_name(cx.ns, rs_name),
        created: cx.now,
        replicas: count,
        status_replicas: 0,
        ready: 0,
        available: 0,
        meta,
    });
    cx.new = Some(cx.rss.len() - 1);
}

/// `scaleReplicaSet`: set the replicas and the desired/max-replicas annotations; the event says
/// `Scaled up|down replica set NAME from A to B`.
pub fn scale_rs(cx: &mut Ctx<'_>, state: &mut State, i: usize, new_scale: i32, op: &str) -> bool {
    let d_rep = replicas(cx.d);
    let max = d_rep + max_surge(cx.d);
    let rs = &mut cx.rss[i];
    let size = rs.replicas != new_scale;
    let annotations = rs.meta.desired != Some(d_rep) || rs.meta.max != Some(max);
    if !size && !annotations {
        return false;
    }
    let old = rs.replicas;
    rs.replicas = new_scale;
    rs.meta.desired = Some(d_rep);
    rs.meta.max = Some(max);
    state.rs_meta.insert(rs.key.1.clone(), rs.meta.clone());
    if size {
        let key = rs.key.clone();
        let msg = format!(
            "Scaled {op} replica set {} from {old} to {new_scale}",
            key.1
        );
        cx.actions.push(Action::ScaleReplicaSet {
            key,
            replicas: new_scale,
        });
        cx.actions.push(Action::normal(
            "ScalingReplicaSet",
            "Deployment",
            cx.ns,
            cx.name,
            msg,
        ));
    }
    size
}

/// `scaleReplicaSetAndRecordEvent`: nothing when the size is right, else [`scale_rs`] up or down.
pub fn scale_and_record(cx: &mut Ctx<'_>, state: &mut State, i: usize, new_scale: i32) -> bool {
    let cur = cx.rss[i].replicas;
    if cur == new_scale {
        return false;
    }
    let op = if cur < new_scale { "up" } else { "down" };
    scale_rs(cx, state, i, new_scale, op)
}

/// `isScalingEvent`: an active ReplicaSet was last scaled for a different Deployment size.
pub fn is_scaling_event(cx: &mut Ctx<'_>, state: &mut State) -> bool {
    get_all(cx, state, false);
    let want = replicas(cx.d);
    cx.rss
        .iter()
        .filter(|r| r.replicas > 0)
        .any(|r| r.meta.desired.is_some_and(|d| d != want))
}

/// `sync`: scaling events and paused Deployments — resize without rolling out.
pub fn sync_scale(cx: &mut Ctx<'_>, state: &mut State) {
    get_all(cx, state, false);
    scale(cx, state);
    if cx.d.spec.paused == Some(true) {
        cleanup_deployment(cx, state);
    }
    sync_deployment_status(cx, state);
}

/// `FindActiveOrLatest`: the only active ReplicaSet, or the newest when none is active.
fn find_active_or_latest(cx: &Ctx<'_>) -> Option<usize> {
    let old = cx.old();
    if cx.new.is_none() && old.is_empty() {
        return None;
    }
    let mut active: Vec<usize> = old
        .iter()
        .rev()
        .copied()
        .filter(|i| cx.rss[*i].replicas > 0)
        .collect();
    if let Some(n) = cx.new.filter(|n| cx.rss[*n].replicas > 0) {
        active.push(n);
    }
    match active.len() {
        0 => cx.new.or(old.last().copied()),
        1 => Some(active[0]),
        _ => None,
    }
}

/// `scale`: one active ReplicaSet takes the whole size; a saturated new ReplicaSet empties the old
/// ones; otherwise (RollingUpdate) the change is shared in proportion to each ReplicaSet's size,
/// leftovers to the largest.
pub fn scale(cx: &mut Ctx<'_>, state: &mut State) {
    let d = cx.d;
    let want = replicas(d);
    if let Some(i) = find_active_or_latest(cx) {
        if cx.rss[i].replicas != want {
            scale_and_record(cx, state, i, want);
        }
        return;
    }
    if let Some(n) = cx.new {
        let rs = &cx.rss[n];
        if rs.replicas == want && rs.meta.desired == Some(want) && rs.available == want {
            for i in cx.active_old() {
                scale_and_record(cx, state, i, 0);
            }
            return;
        }
    }
    if !matches!(util::strategy(d), util::Strategy::RollingUpdate { .. }) {
        return;
    }
    let mut all: Vec<usize> = cx.old().into_iter().rev().collect();
    all.extend(cx.new);
    all.retain(|i| cx.rss[*i].replicas > 0);
    let total: i32 = all.iter().map(|i| cx.rss[*i].replicas).sum();
    let allowed = if want > 0 { want + max_surge(d) } else { 0 };
    let to_add = allowed - total;
    let by_age = |a: &Rs, b: &Rs| {
        a.created
            .cmp(&b.created)
            .then_with(|| a.key.1.cmp(&b.key.1))
    };
    let op = match to_add.signum() {
        1 => {
            all.sort_by(|a, b| {
                let (a, b) = (&cx.rss[*a], &cx.rss[*b]);
                b.replicas.cmp(&a.replicas).then_with(|| by_age(b, a))
            });
            "up"
        }
        -1 => {
            all.sort_by(|a, b| {
                let (a, b) = (&cx.rss[*a], &cx.rss[*b]);
                b.replicas.cmp(&a.replicas).then_with(|| by_age(a, b))
            });
            "down"
        }
        _ => "",
    };
    let mut added = 0;
    let mut sizes = Vec::with_capacity(all.len());
    for &i in &all {
        let rs = &cx.rss[i];
        if to_add != 0 {
            let fraction = util::replica_set_fraction(rs.replicas, d, rs.meta.max, state.replicas);
            let p = util::proportion(rs.replicas, fraction, to_add, added);
            sizes.push(rs.replicas + p);
            added += p;
        } else {
            sizes.push(rs.replicas);
        }
    }
    for (k, &i) in all.iter().enumerate() {
        if k == 0 && to_add != 0 {
            sizes[0] = (sizes[0] + to_add - added).max(0);
        }
        scale_rs(cx, state, i, sizes[k], op);
    }
}

/// `cleanupDeployment`: old ReplicaSets beyond `revisionHistoryLimit`, lowest revision first, that
/// have no replicas and no pods.
pub fn cleanup_deployment(cx: &mut Ctx<'_>, state: &mut State) {
    let limit =
        cx.d.spec
            .revision_history_limit
            .unwrap_or(DEFAULT_REVISION_HISTORY_LIMIT)
            .max(0) as usize;
    let mut old = cx.old();
    state.cleanup.clear();
    if old.len() <= limit {
        return;
    }
    let diff = old.len() - limit;
    old.sort_by(|a, b| {
        let (a, b) = (&cx.rss[*a], &cx.rss[*b]);
        a.meta
            .revision
            .cmp(&b.meta.revision)
            .then(a.created.cmp(&b.created))
            .then_with(|| a.key.1.cmp(&b.key.1))
    });
    for &i in old.iter().take(diff) {
        let rs = &cx.rss[i];
        if rs.status_replicas != 0 || rs.replicas != 0 {
            continue;
        }
        state.cleanup.push(rs.key.clone());
        cx.actions.push(Action::DeleteReplicaSet {
            key: rs.key.clone(),
        });
    }
}

/// The numbers of `calculateStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Numbers {
    pub replicas: i32,
    pub updated: i32,
    pub ready: i32,
    pub available: i32,
    pub unavailable: i32,
}

/// `calculateStatus`: counts from the ReplicaSets, and the Available condition.
pub fn calculate_status(cx: &Ctx<'_>, conditions: &mut Vec<Condition>) -> Numbers {
    let available: i32 = cx.rss.iter().map(|r| r.available).sum();
    let total: i32 = cx.rss.iter().map(|r| r.replicas).sum();
    let n = Numbers {
        replicas: cx.rss.iter().map(|r| r.status_replicas).sum(),
        updated: cx.new.map_or(0, |i| cx.rss[i].status_replicas),
        ready: cx.rss.iter().map(|r| r.ready).sum(),
        available,
        unavailable: (total - available).max(0),
    };
    let c = if available >= replicas(cx.d) - max_unavailable(cx.d) {
        condition(
            cx.now,
            "Available",
            "True",
            MIN_AVAILABLE,
            "Deployment has minimum availability.".into(),
        )
    } else {
        condition(
            cx.now,
            "Available",
            "False",
            MIN_UNAVAILABLE,
            "Deployment does not have minimum availability.".into(),
        )
    };
    set_condition(conditions, c);
    n
}

fn store(state: &mut State, n: Numbers, conditions: Vec<Condition>) {
    state.replicas = n.replicas;
    state.updated = n.updated;
    state.ready = n.ready;
    state.available = n.available;
    state.unavailable = n.unavailable;
    state.conditions = conditions;
}

/// `syncDeploymentStatus`.
pub fn sync_deployment_status(cx: &mut Ctx<'_>, state: &mut State) {
    let mut conditions = state.conditions.clone();
    let n = calculate_status(cx, &mut conditions);
    store(state, n, conditions);
}

/// `DeploymentComplete`.
fn complete(cx: &Ctx<'_>, n: &Numbers) -> bool {
    let want = replicas(cx.d);
    n.updated == want && n.replicas == want && n.available == want
}

/// `syncRolloutStatus`: the status plus the Progressing condition (complete, progressing, or past
/// `progressDeadlineSeconds`), and a requeue to check the deadline (`requeueStuckDeployment`).
pub fn sync_rollout_status(cx: &mut Ctx<'_>, state: &mut State) {
    let mut conditions = state.conditions.clone();
    let n = calculate_status(cx, &mut conditions);
    let deadline = has_progress_deadline(cx);
    if !deadline {
        conditions.retain(|c| c.type_ != "Progressing");
    }
    let current = state.condition("Progressing").cloned();
    let is_complete = n.replicas == n.updated
        && current
            .as_ref()
            .is_some_and(|c| c.reason == NEW_RS_AVAILABLE);
    let new_name = cx.new.map(|i| cx.rss[i].key.1.clone());
    if deadline && !is_complete {
        let old_old = state.replicas - state.updated;
        let new_old = n.replicas - n.updated;
        let progressing = n.updated > state.updated
            || new_old < old_old
            || n.ready > state.ready
            || n.available > state.available;
        if complete(cx, &n) {
            let msg = match &new_name {
                Some(rs) => format!("ReplicaSet \"{rs}\" has successfully progressed."),
                None => format!("Deployment \"{}\" has successfully progressed.", cx.name),
            };
            set_condition(
                &mut conditions,
                condition(cx.now, "Progressing", "True", NEW_RS_AVAILABLE, msg),
            );
        } else if progressing {
            let msg = match &new_name {
                Some(rs) => format!("ReplicaSet \"{rs}\" is progressing."),
                None => format!("Deployment \"{}\" is progressing.", cx.name),
            };
            let mut c = condition(cx.now, "Progressing", "True", RS_UPDATED, msg);
            if let Some(cur) = &current {
                if cur.status == "True" {
                    c.last_transition = cur.last_transition;
                }
                conditions.retain(|x| x.type_ != "Progressing");
            }
            conditions.push(c);
        } else if let Some(c) = conditions.iter().find(|c| c.type_ == "Progressing") {
            let timed_out = c.reason == TIMED_OUT
                || (c.reason != NEW_RS_AVAILABLE && c.last_update + progress_deadline(cx) < cx.now);
            if timed_out {
                let msg = format!(
                    "ReplicaSet \"{}\" has timed out progressing.",
                    new_name.clone().unwrap_or_default()
                );
                set_condition(
                    &mut conditions,
                    condition(cx.now, "Progressing", "False", TIMED_OUT, msg),
                );
            }
        }
    }
    // requeueStuckDeployment: look again when the deadline passes.
    if deadline && !complete(cx, &n) {
        if let Some(c) = conditions.iter().find(|c| c.type_ == "Progressing") {
            if c.reason != TIMED_OUT && c.reason != NEW_RS_AVAILABLE {
                let at = c.last_update + progress_deadline(cx) + 1000;
                if at > cx.now {
                    cx.requeue(at);
                }
            }
        }
    }
    store(state, n, conditions);
}

/// `checkPausedConditions`: Progressing Unknown while paused (`DeploymentPaused`), and
/// `DeploymentResumed` after, unless the deadline already passed.
pub fn check_paused_conditions(cx: &mut Ctx<'_>, state: &mut State) {
    if !has_progress_deadline(cx) {
        return;
    }
    let cur = state.condition("Progressing");
    if cur.is_some_and(|c| c.reason == TIMED_OUT) {
        return;
    }
    let paused_exists = cur.is_some_and(|c| c.reason == PAUSED);
    let paused = cx.d.spec.paused == Some(true);
    if paused && !paused_exists {
        set_condition(
            &mut state.conditions,
            condition(
                cx.now,
                "Progressing",
                "Unknown",
                PAUSED,
                "Deployment is paused".into(),
            ),
        );
    } else if !paused && paused_exists {
        set_condition(
            &mut state.conditions,
            condition(
                cx.now,
                "Progressing",
                "Unknown",
                RESUMED,
                "Deployment is resumed".into(),
            ),
        );
    }
}
