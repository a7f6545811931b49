//! Which of a Job's pods the controller has already accounted for: kubeplay's stand-in for upstream's
//! tracking finalizer and `status.uncountedTerminatedPods` (job_controller.go
//! `trackJobStatusAndRemoveFinalizers`). A finished pod is counted once and never looked at again, so
//! a sync costs O(active pods), plus one ordered walk over the Job's pods after it created some.

use std::collections::{BTreeMap, BTreeSet};

use crate::sim::world::{NsName, OwnerRef, SimPod, World};

/// The bookkeeping.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Tracker {
    /// Every live pod of the Job the controller knows of (a mirror of `World::pods_by_owner`).
    seen: BTreeSet<NsName>,
    /// Pods not yet accounted for (still active when last looked at), with their uid.
    pending: BTreeMap<NsName, u64>,
    /// Set after creating pods: the next sync looks for them.
    rescan: bool,
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
    /// Brings the bookkeeping up to date with the world: new pods join, pods that finished or went away
    /// are handed out once in [`Observed::finished`].
    pub fn observe<'w>(&mut self, world: &'w World, owner: &OwnerRef) -> Observed<'w> {
        let live = world.pods_by_owner.get(owner);
        let live_len = live.map_or(0, |s| s.len());
        if self.rescan || live_len != self.seen.len() {
            self.rescan = false;
            self.merge(world, live);
        }
        let mut out = Observed {
            active: Vec::with_capacity(self.pending.len()),
            finished: Vec::new(),
        };
        let seen = &mut self.seen;
        self.pending.retain(|key, uid| match world.pods.get(key) {
            Some(p) if p.uid == *uid => {
                if p.active() {
                    out.active.push(p);
                    true
                } else {
                    if p.deleted.is_some() {
                        seen.remove(key);
                    }
                    out.finished.push(p);
                    false
                }
            }
            _ => {
                seen.remove(key);
                false
            }
        });
        out
    }

    /// One ordered walk over the live pods and `seen`: new keys join, vanished ones leave.
    fn merge(&mut self, world: &World, live: Option<&BTreeSet<NsName>>) {
        let empty = BTreeSet::new();
        let live = live.unwrap_or(&empty);
        let mut added: Vec<NsName> = Vec::new();
        let mut gone: Vec<NsName> = Vec::new();
        let mut a = live.iter().peekable();
        let mut b = self.seen.iter().peekable();
        loop {
            match (a.peek(), b.peek()) {
                (Some(x), Some(y)) => match x.cmp(y) {
                    std::cmp::Ordering::Less => {
                        added.push((*x).clone());
                        a.next();
                    }
                    std::cmp::Ordering::Greater => {
                        gone.push((*y).clone());
                        b.next();
                    }
                    std::cmp::Ordering::Equal => {
                        a.next();
                        b.next();
                    }
                },
                (Some(x), None) => {
                    added.push((*x).clone());
                    a.next();
                }
                (None, Some(y)) => {
                    gone.push((*y).clone());
                    b.next();
                }
                (None, None) => break,
            }
        }
        for k in gone {
            self.seen.remove(&k);
        }
        for k in added {
            if let Some(p) = world.pods.get(&k) {
                self.pending.insert(k.clone(), p.uid);
            }
            self.seen.insert(k);
        }
    }

    /// The controller deleted this pod itself and accounted for it.
    pub fn forget(&mut self, key: &NsName) {
        self.pending.remove(key);
        self.seen.remove(key);
    }

    /// The controller created pods: look for them at the next sync.
    pub fn expect_new(&mut self) {
        self.rescan = true;
    }
}
