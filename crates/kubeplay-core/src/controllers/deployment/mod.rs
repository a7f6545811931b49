//! The Deployment controller, mirroring pkg/controller/deployment: `syncDeployment`
//! (deployment_controller.go) picks one of `sync` (scaling or paused, [`mod@sync`]), `rolloutRecreate`
//! ([`recreate`]) and `rolloutRolling` ([`rolling`]); ReplicaSets are named `<deployment>-<hash>`
//! with the `pod-template-hash` label ([`util`]).
//!
//! kubeplay's writes are [`Action`]s, applied after the sync returns, so one sync works on a local
//! view of the owned ReplicaSets ([`Rs`]) whose `replicas` follow the scalings it asks for, as the
//! upstream code works on the objects its API calls return. The ReplicaSet status (replicas, ready,
//! available) is counted from the ReplicaSets' pods at the start of the sync, as the informer cache
//! has it. The ReplicaSet annotations upstream rewrites (`deployment.kubernetes.io/revision`,
//! `desired-replicas`, `max-replicas`) live in [`State::rs_meta`], since actions cannot edit them.

pub mod recreate;
pub mod rolling;
pub mod sync;
pub mod util;

use std::collections::BTreeMap;

use k8s_openapi::api::apps::v1::Deployment;

use crate::controllers::Action;
use crate::duration::Millis;
use crate::sim::world::{NsName, World};

/// One Deployment condition (`Available`, `Progressing`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Condition {
    pub type_: &'static str,
    /// `True`, `False` or `Unknown`.
    pub status: &'static str,
    pub reason: &'static str,
    pub message: String,
    pub last_update: Millis,
    pub last_transition: Millis,
}

/// What the Deployment controller writes on a ReplicaSet it owns, by ReplicaSet name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RsMeta {
    /// `deployment.kubernetes.io/revision`.
    pub revision: i64,
    /// `deployment.kubernetes.io/desired-replicas`.
    pub desired: Option<i32>,
    /// `deployment.kubernetes.io/max-replicas`.
    pub max: Option<i32>,
}

/// Status (`kubectl get deploy`: READY ready/replicas, UP-TO-DATE, AVAILABLE) and private memory.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct State {
    /// `status.replicas`: pods of all ReplicaSets (not terminated).
    pub replicas: i32,
    /// `status.updatedReplicas`: pods of the new ReplicaSet.
    pub updated: i32,
    /// `status.readyReplicas`.
    pub ready: i32,
    /// `status.availableReplicas`: Ready for `minReadySeconds`.
    pub available: i32,
    /// `status.unavailableReplicas`.
    pub unavailable: i32,
    /// `deployment.kubernetes.io/revision` of the Deployment (the new ReplicaSet's).
    pub revision: i64,
    /// `status.collisionCount`.
    pub collision_count: Option<i32>,
    /// `status.conditions`, Available then Progressing.
    pub conditions: Vec<Condition>,
    /// The current ReplicaSet (new RS) name, when there is one.
    pub new_replica_set: Option<String>,
    /// Annotations of the owned ReplicaSets as the controller last wrote them.
    pub rs_meta: BTreeMap<String, RsMeta>,
    /// Old ReplicaSets beyond `revisionHistoryLimit` that `cleanupDeployment` deletes upstream.
    /// kubeplay has no action to delete a ReplicaSet yet, so they are listed here for the engine.
    pub cleanup: Vec<NsName>,
    /// The SelectingAll warning was recorded (once, not at every sync).
    pub warned_selecting_all: bool,
}

/// What `status` holds, to notice a status write.
type Status = (i32, i32, i32, i32, i32, i64, Option<i32>, Vec<Condition>);

impl State {
    fn status(&self) -> Status {
        let s = self;
        (
            s.replicas,
            s.updated,
            s.ready,
            s.available,
            s.unavailable,
            s.revision,
            s.collision_count,
            s.conditions.clone(),
        )
    }
    /// A condition by type.
    pub fn condition(&self, type_: &str) -> Option<&Condition> {
        self.conditions.iter().find(|c| c.type_ == type_)
    }
}

/// The controller's view of one owned ReplicaSet during a sync.
#[derive(Debug, Clone, PartialEq)]
pub struct Rs {
    pub key: NsName,
    pub created: Millis,
    /// `spec.replicas`, updated by this sync's scalings.
    pub replicas: i32,
    /// `status.replicas`: active pods.
    pub status_replicas: i32,
    /// `status.readyReplicas`.
    pub ready: i32,
    /// `status.availableReplicas` (Ready for the Deployment's `minReadySeconds`).
    pub available: i32,
    pub meta: RsMeta,
}

impl Rs {
    pub fn name(&self) -> &str {
        &self.key.1
    }
}

/// One sync in progress: the Deployment, the ReplicaSets it owns (oldest first) and what it asks for.
pub struct Ctx<'w> {
    pub d: &'w Deployment,
    pub ns: &'w str,
    pub name: &'w str,
    pub world: &'w World,
    pub now: Millis,
    /// Owned ReplicaSets sorted by creation (`ReplicaSetsByCreationTimestamp`).
    pub rss: Vec<Rs>,
    /// Index of the new ReplicaSet in `rss`.
    pub new: Option<usize>,
    pub actions: Vec<Action>,
    pub requeue_at: Option<Millis>,
}

impl Ctx<'_> {
    pub fn requeue(&mut self, at: Millis) {
        self.requeue_at = Some(self.requeue_at.map_or(at, |t| t.min(at)));
    }
    /// Indices of the old ReplicaSets (everything but the new one), oldest first.
    pub fn old(&self) -> Vec<usize> {
        (0..self.rss.len())
            .filter(|i| Some(*i) != self.new)
            .collect()
    }
    /// Indices of the old ReplicaSets with replicas (`FilterActiveReplicaSets`), oldest first.
    pub fn active_old(&self) -> Vec<usize> {
        self.old()
            .into_iter()
            .filter(|i| self.rss[*i].replicas > 0)
            .collect()
    }
}

/// One sync of a Deployment (`syncDeployment`).
pub fn sync(d: &Deployment, state: &mut State, world: &World) -> Vec<Action> {
    let ns = d.metadata.namespace.as_deref().unwrap_or("default");
    let name = d.metadata.name.as_deref().unwrap_or_default();
    if crate::labels::is_empty(&d.spec.selector) {
        let mut out = Vec::new();
        if !state.warned_selecting_all {
            state.warned_selecting_all = true;
            out.push(Action::warning(
                "SelectingAll",
                "Deployment",
                ns,
                name,
                "This deployment is selecting all pods. A non-empty selector is required.".into(),
            ));
        }
        return out;
    }
    let before = state.status();
    let mut cx = sync::load(d, ns, name, world, state);
    sync::check_paused_conditions(&mut cx, state);
    // Paused Deployments and scaling events only resize (`sync`); otherwise roll out.
    if d.spec.paused == Some(true) || sync::is_scaling_event(&mut cx, state) {
        sync::sync_scale(&mut cx, state);
    } else {
        match util::strategy(d) {
            util::Strategy::Recreate => recreate::rollout_recreate(&mut cx, state),
            util::Strategy::RollingUpdate { .. } => rolling::rollout_rolling(&mut cx, state),
        }
    }
    // A status write is an update event for the Deployment's own informer: upstream syncs again
    // (that second look is where a finished rollout prunes its history).
    if state.status() != before {
        cx.requeue(world.now);
    }
    let owner = crate::sim::world::OwnerRef::new("Deployment", ns, name);
    let mut out = std::mem::take(&mut cx.actions);
    if let Some(at) = cx.requeue_at {
        out.push(Action::Requeue { owner, at });
    }
    out
}

#[cfg(test)]
mod tests;
