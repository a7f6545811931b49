//! Which of a Job's pods the controller has not accounted for yet: kubeplay's stand-in for upstream's
//! tracking finalizer and `status.uncountedTerminatedPods` (job_controller.go
//! `trackJobStatusAndRemoveFinalizers`). The controller names the pods it creates (see
//! `pod_name` in the parent module), so it knows them without listing the Job's pods; a finished pod is counted
//! once and never looked at again, and a sync costs O(active pods) however many pods have finished.

use std::collections::BTreeMap;

use crate::sim::world::{NsName, OwnerRef, SimPod, World};

/// The bookkeeping.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Tracker {
    /// Pods not yet accounted for (active when last looked at), with their uid once seen.
    pending: BTreeMap<NsName, Option<u64>>,
    /// The Job's pods were listed once (pods that existed before this state, e.g. a re-created Job).
    adopted: bool,
}

/// What changed since the last sync.
#[derive(Debug, Default)]
pub(crate) struct Observed<'w> {
    /// Pods that are alive and Pending or Running.
    pub active: Vec<&'w SimPod>,
    /// Pods that finished or were deleted since the last sync and are not counted yet, in name order.
    pub finished: Vec<&'w SimPod>,
}

impl Tracker {
    /// Brings the bookkeeping up to date: pods that finished or went away are handed out once in
    /// [`Observed::finished`].
    pub fn observe<'w>(&mut self, world: &'w World, owner: &OwnerRef) -> Observed<'w> {
        if !self.adopted {
            self.adopted = true;
            for p in world.pods_of_by_creation(owner) {
                self.pending.entry(p.key.clone()).or_insert(None);
            }
        }
        let mut out = Observed {
            active: Vec::with_capacity(self.pending.len()),
            finished: Vec::new(),
        };
        self.pending.retain(|key, uid| match world.pods.get(key) {
            Some(p) if uid.is_none_or(|u| u == p.uid) => {
                *uid = Some(p.uid);
                if p.active() {
                    out.active.push(p);
                    true
                } else {
                    out.finished.push(p);
                    false
                }
            }
            _ => false,
        });
        out
    }

    /// A pod the controller is creating under this name.
    pub fn created(&mut self, key: NsName) {
        self.pending.insert(key, None);
    }

    /// Whether a name is taken by a pod being created.
    pub fn has(&self, key: &(String, String)) -> bool {
        self.pending.contains_key(key)
    }

    /// The controller deleted this pod itself and accounted for it.
    pub fn forget(&mut self, key: &(String, String)) {
        self.pending.remove(key);
    }
}
