//! The simulated cluster's state: nodes, pods and the workload objects the controllers reconcile,
//! like the API server's store. BTreeMaps, so every walk over it is in a stable order; the pods and Job
//! records sit in hash maps ([`Store`]) that only walk them in key order too.

use std::borrow::{Borrow, Cow};
use std::collections::{BTreeMap, BTreeSet};
use std::hash::Hash;
use std::sync::Arc;

use rustc_hash::FxHashMap;

use k8s_openapi::api::apps::v1::{DaemonSet, Deployment, ReplicaSet};
use k8s_openapi::api::batch::v1::{CronJob, Job};
use k8s_openapi::api::core::v1::{Pod, PodSpec};
use serde::Serialize;

use crate::duration::Millis;
use crate::nodes::NodeInfo;
use crate::objects::Object;
use crate::scheduler::{NodeUsage, PodRequests};

/// (namespace, name) of a namespaced object, shared: a pod's key sits in the pod store, the
/// scheduling queue, its owner's and its node's indexes and every timer of its life, and cloning it
/// is a reference count, not two string copies (most of a 10,000-pod Job's allocations were these).
/// Maps keyed by it are looked up with a borrowed `&(String, String)` as well.
pub type NsName = Arc<(String, String)>;

/// A [`NsName`] made of its two parts.
pub fn ns_name(namespace: impl Into<String>, name: impl Into<String>) -> NsName {
    Arc::new((namespace.into(), name.into()))
}

/// Objects by (namespace, name) in a hash map: the pods (a pod is looked up by key about ten times in
/// its life: create, schedule, bind, start, exit, its owner's syncs) and the Job records (every
/// CronJob sync reads its Jobs' records, and a year of `* * * * *` leaves 525,600 of them). In a
/// BTreeMap of string pairs that size, each lookup was two dozen string comparisons; a hash map does
/// it in one hash. Its hash order never leaks out: [`Store::sorted`] walks in key order (the API
/// server's list order), and [`Store::values_unordered`] is only for results that do not depend on
/// order.
///
/// Values are boxed in slots: a pod is some 450 bytes, and growing the table moved every one of them
/// (a tenth of the DaemonSet benchmark, 32,696 pods); now it moves pointers. Each value has a slot
/// ([`Store::insert`] returns it) where [`Store::at`] finds it without hashing its key: the indexes
/// that list pods (an owner's, the scheduling queue) hold slots. A slot is never reused: inserting
/// takes the next one (replacing a key's value moves it to a new slot), so slots count up in insertion
/// order, and a removed value leaves its slot empty.
/// Each index entry keeps its key's hash, so growing the table never hashes a (namespace, name) pair
/// again or reads its strings.
#[derive(Debug, Clone)]
pub struct Store<V> {
    index: hashbrown::HashTable<StoreEntry>,
    slots: Vec<Option<Box<V>>>,
}

/// One [`Store`] index entry.
#[derive(Debug, Clone)]
struct StoreEntry {
    hash: u64,
    key: NsName,
    slot: u32,
}

/// The pods, live and deleted.
pub type PodStore = Store<SimPod>;

impl<V> Default for Store<V> {
    fn default() -> Self {
        Self {
            index: hashbrown::HashTable::new(),
            slots: Vec::new(),
        }
    }
}

/// The hash of a [`Store`] key, whether given as a [`NsName`] or a borrowed `(namespace, name)`
/// (the two hash alike: `Arc` hashes what it points to).
fn store_hash<Q: Hash + ?Sized>(key: &Q) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(key)
}

impl<V> Store<V> {
    /// The slot of a key or of a borrowed `(namespace, name)` pair.
    pub fn slot_of<Q: Hash + Eq + ?Sized>(&self, key: &Q) -> Option<u32>
    where
        NsName: Borrow<Q>,
    {
        self.slot_hashed(store_hash(key), key)
    }
    fn slot_hashed<Q: Eq + ?Sized>(&self, hash: u64, key: &Q) -> Option<u32>
    where
        NsName: Borrow<Q>,
    {
        self.index
            .find(hash, |e| e.key.borrow() == key)
            .map(|e| e.slot)
    }
    /// Looked up by a key or by a borrowed `(namespace, name)` pair.
    pub fn get<Q: Hash + Eq + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        NsName: Borrow<Q>,
    {
        self.slot_of(key).and_then(|s| self.at(s))
    }
    pub fn get_mut<Q: Hash + Eq + ?Sized>(&mut self, key: &Q) -> Option<&mut V>
    where
        NsName: Borrow<Q>,
    {
        self.slot_of(key).and_then(|s| self.at_mut(s))
    }
    /// The value in `slot`, unless it was removed or replaced.
    pub fn at(&self, slot: u32) -> Option<&V> {
        self.slots.get(slot as usize)?.as_deref()
    }
    pub fn at_mut(&mut self, slot: u32) -> Option<&mut V> {
        self.slots.get_mut(slot as usize)?.as_deref_mut()
    }
    pub fn contains_key<Q: Hash + Eq + ?Sized>(&self, key: &Q) -> bool
    where
        NsName: Borrow<Q>,
    {
        self.slot_of(key).is_some()
    }
    /// The hash `key` is stored under when no value has it yet, for [`Store::insert_vacant`].
    pub fn vacant<Q: Hash + Eq + ?Sized>(&self, key: &Q) -> Option<u64>
    where
        NsName: Borrow<Q>,
    {
        let h = store_hash(key);
        self.slot_hashed(h, key).is_none().then_some(h)
    }
    /// [`Store::insert`] of a key [`Store::vacant`] found free (`hash` is what it returned),
    /// without looking the key up again: the slot.
    pub fn insert_vacant(&mut self, hash: u64, key: NsName, value: V) -> u32 {
        debug_assert!(self.vacant(&key) == Some(hash), "{key:?} is not vacant");
        let slot = u32::try_from(self.slots.len()).expect("fewer than 2^32 objects");
        self.slots.push(Some(Box::new(value)));
        let entry = StoreEntry { hash, key, slot };
        self.index.insert_unique(hash, entry, |e| e.hash);
        slot
    }
    /// Puts `value` in the next slot (the one returned), and returns the value `key` had, whose slot
    /// is left empty.
    pub fn insert(&mut self, key: NsName, value: V) -> (u32, Option<V>) {
        let slot = u32::try_from(self.slots.len()).expect("fewer than 2^32 objects");
        self.slots.push(Some(Box::new(value)));
        let h = store_hash(&key);
        if let Some(e) = self.index.find_mut(h, |e| e.key == key) {
            let old = std::mem::replace(&mut e.slot, slot);
            return (slot, self.slots[old as usize].take().map(|b| *b));
        }
        let entry = StoreEntry { hash: h, key, slot };
        self.index.insert_unique(h, entry, |e| e.hash);
        (slot, None)
    }
    pub fn remove<Q: Hash + Eq + ?Sized>(&mut self, key: &Q) -> Option<V>
    where
        NsName: Borrow<Q>,
    {
        let h = store_hash(key);
        let found = self.index.find_entry(h, |e| e.key.borrow() == key).ok()?;
        let slot = found.remove().0.slot;
        self.slots[slot as usize].take().map(|b| *b)
    }
    pub fn len(&self) -> usize {
        self.index.len()
    }
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }
    /// Every entry, in (namespace, name) order.
    pub fn sorted(&self) -> impl Iterator<Item = &V> {
        self.sorted_entries().map(|(_, v)| v)
    }
    /// Every (key, value), in key order.
    pub fn sorted_entries(&self) -> impl Iterator<Item = (&NsName, &V)> {
        let mut v: Vec<(&NsName, &V)> = self.entries_unordered().collect();
        v.sort_unstable_by(|a, b| a.0.cmp(b.0));
        v.into_iter()
    }
    /// Every (key, value) in no particular order: only for counting, filtering into ordered
    /// collections, or sorting afterwards.
    pub fn entries_unordered(&self) -> impl Iterator<Item = (&NsName, &V)> {
        self.index
            .iter()
            .filter_map(|e| Some((&e.key, self.at(e.slot)?)))
    }
    /// Every value in no particular order (see [`Store::entries_unordered`]).
    pub fn values_unordered(&self) -> impl Iterator<Item = &V> {
        self.slots.iter().filter_map(|v| v.as_deref())
    }
    /// Every value, mutably, in no particular order: only for changes that do not depend on order.
    pub fn values_mut_unordered(&mut self) -> impl Iterator<Item = &mut V> {
        self.slots.iter_mut().filter_map(|v| v.as_deref_mut())
    }
}

impl<V, Q: Hash + Eq + ?Sized> std::ops::Index<&Q> for Store<V>
where
    NsName: Borrow<Q>,
{
    type Output = V;
    fn index(&self, key: &Q) -> &V {
        self.get(key)
            .unwrap_or_else(|| panic!("no entry in the store for this key"))
    }
}

/// The nodes by name. Walked in name order (kubectl's, the DaemonSet controller's, the scheduler's
/// tie-break), and looked up by name several times per pod (schedule, bind, start, taint checks): a
/// name-ordered map of slots for the walks and a hash index for the lookups, which in a BTreeMap of
/// 5,000 names were a dozen string comparisons each. Nodes are never taken out (a deleted node is
/// marked `removed`), so slots stay put.
#[derive(Debug, Clone, Default)]
pub struct NodeMap {
    /// The slots in name order (a list: walked by every DaemonSet sync, and nodes mostly come in
    /// name order, so adding one is a push).
    order: Vec<u32>,
    /// Keyed by the node's own shared name ([`SimNode::name`]).
    index: FxHashMap<Arc<str>, u32>,
    slots: Vec<SimNode>,
    /// The last [`SimNode::version`] handed out.
    version: u64,
}

impl NodeMap {
    pub fn get(&self, name: &str) -> Option<&SimNode> {
        self.index.get(name).map(|&i| &self.slots[i as usize])
    }
    /// The slot of node `name`: it never changes, so a pod keeps the slot of the node it is pinned
    /// or bound to and reaches the node without hashing its name again.
    pub fn slot_of(&self, name: &str) -> Option<u32> {
        self.index.get(name).copied()
    }
    /// The node in `slot` (from [`NodeMap::slot_of`]).
    pub fn at(&self, slot: u32) -> &SimNode {
        &self.slots[slot as usize]
    }
    /// The node in `slot`, for what runs on it ([`SimNode::pods`], `pinned`, `usage`) only: its
    /// version stays, so nothing may change its `info` or `removed` through this (see
    /// [`NodeMap::get_mut`]).
    pub fn at_mut(&mut self, slot: u32) -> &mut SimNode {
        &mut self.slots[slot as usize]
    }
    /// The node `name`, to change it: it gets a new [`SimNode::version`].
    pub fn get_mut(&mut self, name: &str) -> Option<&mut SimNode> {
        let &i = self.index.get(name)?;
        self.version += 1;
        let node = &mut self.slots[i as usize];
        node.version = self.version;
        Some(node)
    }
    pub fn contains_key(&self, name: &str) -> bool {
        self.index.contains_key(name)
    }
    /// Adds or replaces the node named `node.name` (keeping the pods on it); the one it replaced.
    pub fn insert(&mut self, mut node: SimNode) -> Option<SimNode> {
        self.version += 1;
        node.version = self.version;
        match self.index.get(&*node.name) {
            Some(&i) => {
                let old = &mut self.slots[i as usize];
                node.slot = i;
                node.name = old.name.clone();
                node.pods = std::mem::take(&mut old.pods);
                node.pinned = std::mem::take(&mut old.pinned);
                Some(std::mem::replace(old, node))
            }
            None => {
                let i = u32::try_from(self.slots.len()).expect("fewer than 2^32 nodes");
                node.slot = i;
                let at = match self.order.last() {
                    Some(&last) if *self.slots[last as usize].name > *node.name => self
                        .order
                        .partition_point(|&s| *self.slots[s as usize].name < *node.name),
                    _ => self.order.len(),
                };
                self.order.insert(at, i);
                self.index.insert(node.name.clone(), i);
                self.slots.push(node);
                None
            }
        }
    }
    pub fn len(&self) -> usize {
        self.slots.len()
    }
    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }
    /// Every (name, node), in name order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &SimNode)> {
        self.values().map(|n| (&*n.name, n))
    }
    /// Every node, in name order.
    pub fn values(&self) -> impl Iterator<Item = &SimNode> {
        self.order.iter().map(|&i| &self.slots[i as usize])
    }
}

/// The pods bound or pinned to one node ([`SimNode::pods`], [`SimNode::pinned`]): a handful (the
/// node's pod capacity), so a plain list.
/// Adding pushes and removing swaps the last one in; readers that need an order ask for
/// [`PodList::sorted`]. (A B-tree of string keys was a tenth of a 32,000-pod run in the browser.)
#[derive(Debug, Clone, Default)]
pub struct PodList(Vec<NsName>);

impl PodList {
    /// Adds a pod that is not in the list.
    pub fn insert(&mut self, key: NsName) {
        debug_assert!(!self.0.contains(&key), "{key:?} listed twice");
        if self.0.capacity() == 0 {
            // Room for a node's usual few pods at once, not grown 1, 4, 8, 16 pod by pod.
            self.0.reserve_exact(16);
        }
        self.0.push(key);
    }
    /// Removes `key` if it is there.
    pub fn remove(&mut self, key: &NsName) -> bool {
        // Mostly the very key that was inserted: look for it by address before comparing strings.
        let at = (self.0.iter().position(|k| Arc::ptr_eq(k, key)))
            .or_else(|| self.0.iter().position(|k| k == key));
        at.map(|i| self.0.swap_remove(i)).is_some()
    }
    pub fn len(&self) -> usize {
        self.0.len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// The pods in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = &NsName> {
        self.0.iter()
    }
    /// The pods in key (namespace, name) order.
    pub fn sorted(&self) -> Vec<&NsName> {
        let mut v: Vec<&NsName> = self.0.iter().collect();
        v.sort_unstable();
        v
    }
}

/// A set of [`Store`] slots, walked in slot order: the pods of one owner, or the scheduling queue,
/// in creation order (slots count up as pods are created). A new pod goes at the end, where a B-tree
/// had to search and rebalance; removing marks the entry and the list is compacted once half of it
/// is marked, so taking 10,000 pods out one by one never shifts the rest each time.
#[derive(Debug, Clone, Default)]
pub struct SlotSet {
    /// Ascending by slot ([`SLOT_BITS`]); [`REMOVED`] marks a removed entry.
    slots: Vec<u32>,
    removed: usize,
}

/// The bits of a [`SlotSet`] entry that hold the slot.
const SLOT_BITS: u32 = u32::MAX >> 1;
/// The bit that marks a removed [`SlotSet`] entry.
const REMOVED: u32 = !SLOT_BITS;

impl SlotSet {
    pub fn insert(&mut self, slot: u32) {
        debug_assert!(slot <= SLOT_BITS);
        match self.slots.last() {
            Some(&last) if last & SLOT_BITS >= slot => {
                match self.slots.binary_search_by_key(&slot, |s| s & SLOT_BITS) {
                    Ok(i) if self.slots[i] & REMOVED != 0 => {
                        self.slots[i] = slot;
                        self.removed -= 1;
                    }
                    Ok(_) => {}
                    Err(i) => self.slots.insert(i, slot),
                }
            }
            _ => self.slots.push(slot),
        }
    }
    /// Removes `slot`; whether it was there.
    pub fn remove(&mut self, slot: u32) -> bool {
        let Ok(i) = self.slots.binary_search_by_key(&slot, |s| s & SLOT_BITS) else {
            return false;
        };
        if self.slots[i] & REMOVED != 0 {
            return false;
        }
        self.slots[i] |= REMOVED;
        self.removed += 1;
        if self.removed * 2 > self.slots.len() {
            self.slots.retain(|s| s & REMOVED == 0);
            self.removed = 0;
        }
        true
    }
    pub fn len(&self) -> usize {
        self.slots.len() - self.removed
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The slots in ascending order.
    pub fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        self.slots.iter().copied().filter(|s| s & REMOVED == 0)
    }
}

/// Who owns a pod or a Job (`metadata.ownerReferences` with `controller: true`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct OwnerRef {
    pub kind: String,
    #[serde(skip)]
    pub namespace: String,
    pub name: String,
}

impl OwnerRef {
    pub fn new(kind: &str, namespace: &str, name: &str) -> Self {
        Self {
            kind: kind.into(),
            namespace: namespace.into(),
            name: name.into(),
        }
    }
}

/// A pod's phase (`status.phase`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum Phase {
    Pending,
    Running,
    Succeeded,
    Failed,
}

/// How a pod's containers behave, from the `kubeplay.io/*` annotations of its template.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Behaviour {
    /// `kubeplay.io/startup`: from scheduled to Running (and Ready).
    pub startup: Millis,
    /// `kubeplay.io/duration`: how long each run lasts; None runs until deleted.
    pub duration: Option<Millis>,
    /// `kubeplay.io/exit-codes`: exit code per attempt, the last one repeating.
    pub exit_codes: Vec<i32>,
}

impl Behaviour {
    /// The exit code of attempt `n` (0-based).
    pub fn exit_code(&self, n: u32) -> i32 {
        match self.exit_codes.get(n as usize) {
            Some(c) => *c,
            None => self.exit_codes.last().copied().unwrap_or(0),
        }
    }
}

/// An empty pod spec, shared: what is left of the pods of a deleted Job (see `apply::delete_job`).
pub fn empty_spec() -> Arc<PodSpec> {
    static EMPTY: std::sync::LazyLock<Arc<PodSpec>> = std::sync::LazyLock::new(Default::default);
    EMPTY.clone()
}

/// One pod, alive or gone (the timeline keeps every pod ever created).
#[derive(Debug, Clone)]
pub struct SimPod {
    /// (namespace, name): the same shared key the store and the indexes hold.
    pub key: NsName,
    pub uid: u64,
    /// Shared with every pod of the same owner.
    pub owner: Option<Arc<OwnerRef>>,
    /// Labels and annotations: the ones shared by the pods of one template that get the same ones
    /// (all of a DaemonSet's or a Job's pods of one sync), plus the pod's own (an Indexed Job pod's
    /// completion index). Nothing changes a pod's metadata.
    pub labels: PodMeta,
    pub annotations: PodMeta,
    /// The spec as admitted, shared by every pod made from the same template (the pod's own fields,
    /// `hostname` and the DaemonSet `pin`, are kept beside it; [`SimPod::full_spec`] merges them):
    /// a 5,000-node cluster has tens of thousands of pods and a PodSpec is a few kilobytes.
    pub spec: Arc<PodSpec>,
    /// `spec.hostname` (Indexed Job pods: `<job>-<index>`).
    pub hostname: Option<String>,
    /// A DaemonSet pod's node: its required node affinity is `matchFields metadata.name In [pin]`
    /// in place of the template's required terms (daemonset_util.go
    /// `ReplaceDaemonSetPodNodeNameNodeAffinity`).
    pub pin: Option<Arc<str>>,
    /// The [`NodeMap`] slot of `pin`.
    pub pin_slot: Option<u32>,
    /// What the scheduler counts for this pod (requests, host ports), computed once per template.
    pub resources: Arc<PodRequests>,
    /// `pod-template-hash` / `controller-revision-hash` of the template it came from.
    pub template_hash: Arc<str>,
    /// The node it is bound to (its name shared with the node: [`SimNode::name`]).
    pub node: Option<Arc<str>>,
    /// The [`NodeMap`] slot of `node`.
    pub node_slot: Option<u32>,
    pub created: Millis,
    pub scheduled: Option<Millis>,
    pub started: Option<Millis>,
    pub finished: Option<Millis>,
    pub deleted: Option<Millis>,
    pub phase: Phase,
    /// The Ready condition: Running with its container up (and the node Ready).
    pub ready: bool,
    /// Since when the pod is Ready (for minReadySeconds / AVAILABLE).
    pub ready_since: Option<Millis>,
    pub exit_code: Option<i32>,
    /// The pod's resource requests as the scheduler counts them (CPU milli-cores, memory bytes),
    /// kept for the timeline after the spec of a deleted pod is dropped.
    pub requests: (i64, i64),
    /// When the container last exited and was restarted (`lastState.terminated.finishedAt`).
    pub last_exit: Option<Millis>,
    pub restarts: i32,
    /// Why the pod ended or was removed (`Evicted`, `DeadlineExceeded`, `NodeLost`, ...).
    pub reason: Option<String>,
    pub message: Option<String>,
    /// Completion index of an Indexed Job's pod.
    pub index: Option<i32>,
    pub behaviour: Behaviour,
    /// Which attempt the current run is (selects the exit code).
    pub attempt: u32,
    /// Bumped at every container (re)start: stale timer events carry an older value and are dropped.
    pub run_gen: u32,
    /// The waiting reason shown by kubectl while the container is not running (`CrashLoopBackOff`).
    pub waiting_reason: Option<String>,
    /// The last FailedScheduling message, to report each distinct one once.
    pub scheduling_message: Option<String>,
    /// Pod conditions set by the control plane (`DisruptionTarget` on eviction/drain).
    pub conditions: Vec<(String, String)>,
}

impl SimPod {
    pub fn key(&self) -> NsName {
        self.key.clone()
    }
    pub fn namespace(&self) -> &str {
        &self.key.0
    }
    pub fn name(&self) -> &str {
        &self.key.1
    }
    /// The pod's spec as the API server holds it: the shared template spec with `hostname` and the
    /// DaemonSet node pin applied.
    pub fn full_spec(&self) -> PodSpec {
        let mut spec = PodSpec::clone(&self.spec);
        if let Some(h) = &self.hostname {
            spec.hostname = Some(h.clone());
        }
        if let Some(node) = &self.pin {
            crate::controllers::daemon_set::util::replace_daemon_set_pod_node_name_node_affinity(
                &mut spec, node,
            );
        }
        spec
    }
    /// The node a pod is bound to, or else the node a DaemonSet pod is pinned to.
    pub fn target_node(&self) -> Option<&str> {
        self.node.as_deref().or(self.pin.as_deref())
    }
    /// Not deleted yet.
    pub fn alive(&self) -> bool {
        self.deleted.is_none()
    }
    /// Alive and not finished: counts for its owner and uses node resources.
    pub fn active(&self) -> bool {
        self.deleted.is_none() && matches!(self.phase, Phase::Pending | Phase::Running)
    }
    /// Ready for at least `min_ready` at `now` (AVAILABLE).
    pub fn available(&self, now: Millis, min_ready: Millis) -> bool {
        self.ready && self.ready_since.is_some_and(|t| now - t >= min_ready)
    }
}

/// A pod's labels or annotations: a map shared with the other pods of its template, and the few
/// entries of its own that take precedence (an Indexed Job's pods differ only by their index: ten
/// thousand of them kept ten thousand copies of the same half-dozen labels).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PodMeta {
    shared: Arc<BTreeMap<String, String>>,
    own: Box<[(String, String)]>,
}

impl PodMeta {
    /// `own` entries win over `shared` ones with the same key.
    pub fn new(shared: Arc<BTreeMap<String, String>>, own: Vec<(String, String)>) -> Self {
        Self {
            shared,
            own: own.into_boxed_slice(),
        }
    }
    pub fn get(&self, key: &str) -> Option<&str> {
        match self.own.iter().rev().find(|(k, _)| k == key) {
            Some((_, v)) => Some(v),
            None => self.shared.get(key).map(String::as_str),
        }
    }
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }
    /// The whole map, as the API server would show it.
    pub fn to_map(&self) -> Cow<'_, BTreeMap<String, String>> {
        if self.own.is_empty() {
            return Cow::Borrowed(&self.shared);
        }
        let mut m = BTreeMap::clone(&self.shared);
        m.extend(self.own.iter().cloned());
        Cow::Owned(m)
    }
}

impl std::ops::Index<&str> for PodMeta {
    type Output = str;
    /// Panics when `key` is missing, like a map's index.
    fn index(&self, key: &str) -> &str {
        self.get(key)
            .unwrap_or_else(|| panic!("no metadata entry {key:?}"))
    }
}

/// A node of the cluster and its history.
#[derive(Debug, Clone)]
pub struct SimNode {
    /// The node's name, shared with the events that name it (`Scheduled`).
    pub name: Arc<str>,
    /// Its place in the [`NodeMap`] (set there).
    pub slot: u32,
    /// Changes whenever the node may have changed (its `info`, `removed`): a cache of answers about
    /// the node (a DaemonSet's should-run) is good while the version is the same. Set by the
    /// [`NodeMap`], counting up from 1.
    pub version: u64,
    pub info: NodeInfo,
    pub added: Millis,
    pub removed: Option<Millis>,
    /// What the active pods bound to it request (the scheduler's view of the node's load), kept
    /// beside the node so a scheduling cycle walks one map.
    pub usage: NodeUsage,
    /// Live pods bound to it.
    pub pods: PodList,
    /// Live DaemonSet pods pinned to it and not bound yet.
    pub pinned: PodList,
}

impl SimNode {
    /// A node added at `now`, with nothing on it.
    pub fn new(info: NodeInfo, now: Millis) -> Self {
        SimNode {
            name: info.name.as_str().into(),
            slot: 0,
            version: 0,
            info,
            added: now,
            removed: None,
            usage: NodeUsage::default(),
            pods: PodList::default(),
            pinned: PodList::default(),
        }
    }
}

/// The run's events in recording order, in fixed-size chunks: a big run records 160,000 of them
/// (some 19 MB), and a growing Vec copied them all again at every doubling.
#[derive(Debug, Clone, Default)]
pub struct EventLog {
    chunks: Vec<Vec<SimEvent>>,
    len: usize,
}

/// Events per [`EventLog`] chunk.
const EVENT_CHUNK: usize = 4096;

impl EventLog {
    pub fn push(&mut self, ev: SimEvent) {
        match self.chunks.last_mut() {
            Some(c) if c.len() < EVENT_CHUNK => c.push(ev),
            _ => {
                let mut c = Vec::with_capacity(EVENT_CHUNK);
                c.push(ev);
                self.chunks.push(c);
            }
        }
        self.len += 1;
    }
    pub fn len(&self) -> usize {
        self.len
    }
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
    pub fn last(&self) -> Option<&SimEvent> {
        self.chunks.last().and_then(|c| c.last())
    }
    pub fn get(&self, i: usize) -> Option<&SimEvent> {
        self.chunks.get(i / EVENT_CHUNK)?.get(i % EVENT_CHUNK)
    }
    /// The events in recording order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &SimEvent> + Clone {
        self.chunks.iter().flatten()
    }
}

impl std::ops::Index<usize> for EventLog {
    type Output = SimEvent;
    fn index(&self, i: usize) -> &SimEvent {
        self.get(i).expect("an event index within the log")
    }
}

/// [`World::last_created`]: an owner, the `Kind/name` and namespace of its `SuccessfulCreate`
/// events, and where the last one is in `events`.
pub type LastCreated = (Arc<OwnerRef>, Arc<str>, Arc<str>, usize);

/// What an event is about ([`SimEvent::object`], [`SimEvent::namespace`]).
#[derive(Debug, Clone, PartialEq)]
pub enum Subject {
    /// `Kind/name` and the namespace, shared with the events next to it on the same object and
    /// namespace (see [`World::event`]).
    Named {
        object: Arc<str>,
        namespace: Arc<str>,
    },
    /// A pod's own routine event ([`World::pod_event`]): the pod's key, `Pod/NAME` written out
    /// when read. Four in five of a big run's events are these; making each pod's `Pod/NAME`
    /// when it was scheduled was an allocation per pod that hardly anyone reads.
    Pod(NsName),
}

/// A Kubernetes event (`kubectl get events`, `describe`).
#[derive(Debug, Clone, PartialEq)]
pub struct SimEvent {
    pub time: Millis,
    /// `Normal` or `Warning`.
    pub type_: &'static str,
    /// Upstream reasons are constants: borrowed, except the few a controller computes.
    pub reason: Cow<'static, str>,
    /// The object (`Kind/name`) and namespace: [`SimEvent::object`], [`SimEvent::namespace`].
    pub subject: Subject,
    pub message: Message,
    /// Whether it is one of the routine events every pod brings
    /// ([`crate::sim::timeline::is_routine`]), decided when it is recorded: the page's timeline
    /// sorts 160,000 of them out, and reading each one's object again cost a cache miss apiece.
    pub routine: bool,
}

impl SimEvent {
    /// `Kind/name`, as `kubectl get events` shows it in OBJECT.
    pub fn object(&self) -> Cow<'_, str> {
        match &self.subject {
            Subject::Named { object, .. } => Cow::Borrowed(object),
            Subject::Pod(key) => Cow::Owned(format!("Pod/{}", key.1)),
        }
    }
    pub fn namespace(&self) -> &str {
        match &self.subject {
            Subject::Named { namespace, .. } => namespace,
            Subject::Pod(key) => &key.0,
        }
    }
    /// Whether [`SimEvent::object`] is `object` (without writing it out).
    pub fn object_is(&self, object: &str) -> bool {
        match &self.subject {
            Subject::Named { object: o, .. } => **o == *object,
            Subject::Pod(key) => is_object(object, "Pod", &key.1),
        }
    }
    /// The `name` of an event on `Pod/name`.
    pub fn pod_name(&self) -> Option<&str> {
        match &self.subject {
            Subject::Named { object, .. } => object.strip_prefix("Pod/"),
            Subject::Pod(key) => Some(&key.1),
        }
    }
    /// The object's kind (`Pod` in `Pod/name`).
    pub fn kind(&self) -> &str {
        match &self.subject {
            Subject::Named { object, .. } => object.split('/').next().unwrap_or_default(),
            Subject::Pod(_) => "Pod",
        }
    }
}

/// An event's message. Most are written out when the event is recorded; the four a pod brings on
/// every run (its controller's `SuccessfulCreate`, the scheduler's `Scheduled`, the kubelet's
/// `Pulled`, `Created` and `Started`) keep what they are made of, shared with the pod, and are
/// written out when read (`Display`): a big run records 160,000 of them, most never read.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    Text(String),
    /// `Created pod: NAME` (controller_utils.go `CreatePods`).
    CreatedPod(NsName),
    /// `Successfully assigned NAMESPACE/NAME to NODE` (schedule_one.go).
    Assigned(NsName, Arc<str>),
    /// `Container image "IMAGE" already present on machine`, for the spec's first container
    /// (kubelet images/image_manager.go).
    ImagePresent(Arc<PodSpec>),
    /// `Created container: NAME`, the spec's first container (kubelet kuberuntime_container.go).
    CreatedContainer(Arc<PodSpec>),
    /// `Started container NAME`, the spec's first container.
    StartedContainer(Arc<PodSpec>),
}

impl Message {
    /// The message as text, borrowed when it is text already.
    pub fn text(&self) -> Cow<'_, str> {
        match self {
            Message::Text(s) => Cow::Borrowed(s),
            other => Cow::Owned(other.to_string()),
        }
    }
}

impl Message {
    /// The message's text in pieces (empty ones at the end): one place says how each reads, and
    /// both `Display` and [`Message::push_to`] write the pieces as they are (`write!` with
    /// arguments was a tenth of packing a big run's events in wasm).
    fn pieces(&self) -> [&str; 6] {
        fn container(spec: &PodSpec) -> Option<&k8s_openapi::api::core::v1::Container> {
            spec.containers.first()
        }
        match self {
            Message::Text(s) => [s, "", "", "", "", ""],
            Message::CreatedPod(key) => ["Created pod: ", &key.1, "", "", "", ""],
            Message::Assigned(key, node) => {
                ["Successfully assigned ", &key.0, "/", &key.1, " to ", node]
            }
            Message::ImagePresent(spec) => match container(spec) {
                Some(c) => [
                    "Container image \"",
                    c.image.as_deref().unwrap_or_default(),
                    "\" already present on machine",
                    "",
                    "",
                    "",
                ],
                None => [""; 6],
            },
            Message::CreatedContainer(spec) => match container(spec) {
                Some(c) => ["Created container: ", &c.name, "", "", "", ""],
                None => [""; 6],
            },
            Message::StartedContainer(spec) => match container(spec) {
                Some(c) => ["Started container ", &c.name, "", "", "", ""],
                None => [""; 6],
            },
        }
    }

    /// Appends the message's text to `out`.
    pub fn push_to(&self, out: &mut String) {
        for p in self.pieces() {
            out.push_str(p);
        }
    }
}

impl std::fmt::Display for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.pieces().iter().try_for_each(|p| f.write_str(p))
    }
}

impl From<String> for Message {
    fn from(s: String) -> Self {
        Message::Text(s)
    }
}

impl PartialEq<String> for Message {
    fn eq(&self, other: &String) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<&str> for Message {
    fn eq(&self, other: &&str) -> bool {
        match self {
            Message::Text(s) => s == other,
            m => m.text() == *other,
        }
    }
}

/// A workload object with the time it was created (for AGE) and its controller's private state.
#[derive(Debug, Clone)]
pub struct Tracked<T, S> {
    pub object: T,
    pub created: Millis,
    pub deleted: Option<Millis>,
    pub state: S,
}

/// What a run keeps for its timeline. The simulation itself is the same either way: no controller
/// reads events back.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Record {
    /// Every pod and every event.
    #[default]
    All,
    /// Only what a CronJob's timeline draws, for horizons of months: the Jobs, every Warning event,
    /// and the CronJob events other than the three every run gives (`SuccessfulCreate`,
    /// `SawCompletedJob`, `SuccessfulDelete`): skipped runs (`JobAlreadyActive`), missed schedules.
    /// No pods. A year of `* * * * *` is 4.7 million events under [`Record::All`] and none here.
    Jobs,
}

impl Record {
    /// The name the CLI (`--record`) and the wasm options (`record`) use.
    pub fn as_str(self) -> &'static str {
        match self {
            Record::All => "all",
            Record::Jobs => "jobs",
        }
    }

    /// What `kubectl get KIND` needs: the jobs and cronjobs tables read neither pods nor events, so
    /// they run recording only Jobs and a long CronJob horizon is not cut short by the event limit.
    pub fn for_table(kind: &str) -> Self {
        match kind {
            "Job" | "CronJob" => Record::Jobs,
            _ => Record::All,
        }
    }

    /// Whether an event is kept.
    pub fn keeps(self, type_: &str, reason: &str, kind: &str) -> bool {
        match self {
            Record::All => true,
            Record::Jobs => {
                type_ == "Warning"
                    || (kind == "CronJob"
                        && !matches!(
                            reason,
                            "SuccessfulCreate" | "SawCompletedJob" | "SuccessfulDelete"
                        ))
            }
        }
    }
}

impl<T, S: Default> Tracked<T, S> {
    /// An object created at `now`, boxed: the engine takes it out of its map for every sync and puts
    /// it back, and a k8s-openapi object is kilobytes (moving it, and the B-tree node's other values
    /// on each insert, was a fifth of a long CronJob run).
    pub fn new(object: T, now: Millis) -> Box<Self> {
        Box::new(Tracked {
            object,
            created: now,
            deleted: None,
            state: S::default(),
        })
    }
}

impl std::str::FromStr for Record {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "all" => Ok(Record::All),
            "jobs" => Ok(Record::Jobs),
            _ => Err(format!("record {s:?} is not one of \"all\", \"jobs\"")),
        }
    }
}

/// The whole cluster.
#[derive(Debug, Clone, Default)]
pub struct World {
    pub now: Millis,
    /// The wall-clock time (Unix milliseconds) that virtual time 0 stands for.
    pub start_unix_ms: i64,
    pub nodes: NodeMap,
    pub pods: PodStore,
    /// Live pods by owner (by node: [`SimNode::pods`], [`SimNode::pinned`]). Only ever looked up by
    /// owner: a hash map (in a B-tree every pod's creation compared kind, namespace and name with
    /// several owners', byte by byte in wasm).
    pub pods_by_owner: FxHashMap<OwnerRef, SlotSet>,
    pub daemon_sets:
        BTreeMap<NsName, Box<Tracked<DaemonSet, crate::controllers::daemon_set::State>>>,
    pub replica_sets:
        BTreeMap<NsName, Box<Tracked<ReplicaSet, crate::controllers::replica_set::State>>>,
    pub deployments:
        BTreeMap<NsName, Box<Tracked<Deployment, crate::controllers::deployment::State>>>,
    pub jobs: BTreeMap<NsName, Box<Tracked<Job, crate::controllers::job::State>>>,
    pub cron_jobs: BTreeMap<NsName, Box<Tracked<CronJob, crate::controllers::cron_job::State>>>,
    /// Bare pods as applied (their SimPod lives in `pods`).
    pub bare_pods: BTreeMap<NsName, Pod>,
    /// Objects kubeplay stores but does not reconcile (ConfigMap, Service, PV/PVC, ...).
    pub others: BTreeMap<crate::objects::ObjectKey, Object>,
    pub events: EventLog,
    /// The places in `events` of the events that are not [routine](SimEvent::routine), in order:
    /// the page's timeline hands over only these and finds them without walking every event.
    pub kept_events: Vec<usize>,
    /// Pods whose container restarted in place, in the order they first did.
    pub restarted: Vec<NsName>,
    /// The namespaces events were recorded in (each event shares one of these).
    pub event_namespaces: BTreeSet<Arc<str>>,
    /// Where [`World::event`] writes a new `Kind/name` before it is shared: one buffer, not one
    /// allocation per object.
    pub object_scratch: String,
    /// The owner of the last `SuccessfulCreate` recorded through [`World::created_pod_event`], with
    /// the `Kind/name` and namespace its events share, and where that event is in `events` (the
    /// shortcut holds only while it is the last one).
    pub last_created: Option<LastCreated>,
    /// Every Job ever created, for the timeline (name, namespace) -> record.
    pub job_records: Store<JobRecord>,
    /// What the timeline keeps ([`World::event`] drops the events it does not).
    pub record: Record,
}

/// What the timeline says about a Job.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct JobRecord {
    pub cron_job: Option<String>,
    pub scheduled_time: Option<Millis>,
    pub created: Millis,
    pub finished: Option<Millis>,
    pub deleted: Option<Millis>,
    /// Running, Complete, Failed, Suspended.
    pub status: String,
    pub reason: Option<String>,
    pub succeeded: i32,
    pub failed: i32,
}

impl World {
    /// Live pods owned by `owner`, in key order.
    pub fn pods_of<'a>(&'a self, owner: &OwnerRef) -> impl Iterator<Item = &'a SimPod> + 'a {
        let mut pods: Vec<&SimPod> = self.pods_of_by_creation(owner).collect();
        pods.sort_unstable_by(|a, b| a.key.cmp(&b.key));
        pods.into_iter()
    }
    /// Live pods owned by `owner`, in creation order (cheaper than [`World::pods_of`]'s key order).
    pub fn pods_of_by_creation<'a>(
        &'a self,
        owner: &OwnerRef,
    ) -> impl Iterator<Item = &'a SimPod> + 'a {
        self.pods_by_owner
            .get(owner)
            .into_iter()
            .flat_map(SlotSet::iter)
            .filter_map(|s| self.pods.at(s))
    }
    /// The keys of the live pods owned by `owner`, in key order: to delete them one by one.
    pub fn owned_keys(&self, owner: &OwnerRef) -> Vec<NsName> {
        self.pods_of(owner).map(|p| p.key.clone()).collect()
    }
    /// Live pods bound to `node`, in key order.
    pub fn pods_on<'a>(&'a self, node: &str) -> impl Iterator<Item = &'a SimPod> + 'a {
        self.nodes
            .get(node)
            .map(|n| n.pods.sorted())
            .unwrap_or_default()
            .into_iter()
            .filter_map(|k| self.pods.get(k))
    }
    /// Nodes that exist now.
    pub fn live_nodes(&self) -> impl Iterator<Item = &NodeInfo> {
        self.nodes
            .values()
            .filter(|n| n.removed.is_none())
            .map(|n| &n.info)
    }
    /// Records one of the routine `Normal` events of a pod (Scheduled, Pulled, Created, Started):
    /// what [`World::event`] records, with the pod's key as its subject ([`Subject::Pod`]) and
    /// nothing compared or written out.
    pub fn pod_event(&mut self, reason: &'static str, key: &NsName, message: Message) {
        if !self.record.keeps("Normal", reason, "Pod") {
            return;
        }
        self.events.push(SimEvent {
            time: self.now,
            type_: "Normal",
            reason: Cow::Borrowed(reason),
            subject: Subject::Pod(key.clone()),
            message,
            routine: true,
        });
    }

    /// Records a controller's `SuccessfulCreate` of a pod (`Created pod: NAME`) as
    /// [`World::event`] does: a sync creates its pods in a row, and their events share the owner's
    /// `Kind/name` and namespace, taken from the previous event when that one was this owner's
    /// `SuccessfulCreate` and is still the last one.
    pub fn created_pod_event(&mut self, owner: &Arc<OwnerRef>, key: &NsName) {
        let message = Message::CreatedPod(key.clone());
        let same = self
            .last_created
            .as_ref()
            .filter(|(o, .., at)| Arc::ptr_eq(o, owner) && self.events.len() == at + 1);
        let Some((_, object, namespace, _)) = same else {
            let before = self.events.len();
            let o = &**owner;
            self.event(
                "Normal",
                "SuccessfulCreate",
                &o.kind,
                &o.namespace,
                &o.name,
                message,
            );
            self.last_created = match self.events.last().map(|e| &e.subject) {
                Some(Subject::Named { object, namespace }) if self.events.len() > before => {
                    Some((owner.clone(), object.clone(), namespace.clone(), before))
                }
                _ => None,
            };
            return;
        };
        // Kept by every record that kept this owner's SuccessfulCreate before it (Record::keeps
        // depends on the type, reason and kind only).
        let subject = Subject::Named {
            object: object.clone(),
            namespace: namespace.clone(),
        };
        self.events.push(SimEvent {
            time: self.now,
            type_: "Normal",
            reason: Cow::Borrowed("SuccessfulCreate"),
            subject,
            message,
            routine: true,
        });
        if let Some(last) = &mut self.last_created {
            last.3 = self.events.len() - 1;
        }
    }

    /// Records an event.
    pub fn event(
        &mut self,
        type_: &'static str,
        reason: impl Into<Cow<'static, str>>,
        kind: &str,
        ns: &str,
        name: &str,
        message: impl Into<Message>,
    ) {
        let reason = reason.into();
        if !self.record.keeps(type_, &reason, kind) {
            return;
        }
        // Events outnumber everything else (five per pod): their namespace is one shared string.
        let last = match self.events.last().map(|e| &e.subject) {
            Some(Subject::Named { object, namespace }) => Some((object, namespace)),
            _ => None,
        };
        let namespace = match last.map(|l| l.1).filter(|n| ***n == *ns) {
            Some(n) => n.clone(),
            None => match self.event_namespaces.get(ns) {
                Some(n) => n.clone(),
                None => {
                    let n: Arc<str> = ns.into();
                    self.event_namespaces.insert(n.clone());
                    n
                }
            },
        };
        let object = match last.map(|l| l.0) {
            Some(o) if is_object(o, kind, name) => o.clone(),
            // One allocation, no formatting machinery: a new object per pod in a big run.
            _ => {
                let text = &mut self.object_scratch;
                text.clear();
                text.push_str(kind);
                text.push('/');
                text.push_str(name);
                Arc::from(text.as_str())
            }
        };
        let mut ev = SimEvent {
            time: self.now,
            type_,
            reason,
            subject: Subject::Named { object, namespace },
            message: message.into(),
            routine: false,
        };
        ev.routine = crate::sim::timeline::is_routine(&ev);
        if !ev.routine {
            self.kept_events.push(self.events.len());
        }
        self.events.push(ev);
    }
}

/// Whether `object` is `{kind}/{name}`.
fn is_object(object: &str, kind: &str, name: &str) -> bool {
    object
        .strip_prefix(kind)
        .and_then(|rest| rest.strip_prefix('/'))
        .is_some_and(|rest| rest == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pod_indexes_hand_out_key_order_whatever_the_insertion_order() {
        let keys: Vec<NsName> = [("b", "x"), ("a", "z"), ("a", "b"), ("b", "a"), ("a", "y")]
            .iter()
            .map(|(ns, n)| ns_name(*ns, *n))
            .collect();
        let mut list = PodList::default();
        for k in &keys {
            list.insert(k.clone());
        }
        // Removed by an equal key that is not the same Arc.
        assert!(list.remove(&ns_name("a", "b")));
        assert!(!list.remove(&ns_name("a", "b")));
        let want = [("a", "y"), ("a", "z"), ("b", "a"), ("b", "x")];
        let names = |v: Vec<&NsName>| -> Vec<(String, String)> {
            v.into_iter().map(|k| (**k).clone()).collect()
        };
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(names(list.sorted()), want);
        assert_eq!(list.len(), 4);
    }

    #[test]
    fn the_node_map_walks_in_name_order_and_keeps_slots() {
        let mut m = NodeMap::default();
        for name in ["b", "d", "a", "c", "e"] {
            m.insert(SimNode::new(NodeInfo::new(name), 0));
        }
        let names: Vec<&str> = m.values().map(|n| &*n.name).collect();
        assert_eq!(names, ["a", "b", "c", "d", "e"]);
        assert_eq!(m.slot_of("d"), Some(1));
        assert_eq!(m.at(3).info.name, "c");
        // Replaced: same slot, same place in the walk.
        let mut again = SimNode::new(NodeInfo::new("d"), 5);
        again.info.cpu_milli = 1;
        assert!(m.insert(again).is_some());
        assert_eq!(
            (m.len(), m.get("d").map(|n| (n.slot, n.added))),
            (5, Some((1, 5)))
        );
        let walk: Vec<(&str, u32)> = m.iter().map(|(k, n)| (k, n.slot)).collect();
        assert_eq!(walk, [("a", 2), ("b", 0), ("c", 3), ("d", 1), ("e", 4)]);
    }

    #[test]
    fn a_slot_set_walks_in_slot_order_through_removals_and_compaction() {
        let mut set = SlotSet::default();
        for s in [0, 2, 3, 5, 8, 9] {
            set.insert(s);
        }
        // Out of order, and again after a removal: the order holds, nothing is listed twice.
        set.insert(4);
        set.insert(2);
        assert!(set.remove(3));
        assert!(!set.remove(3));
        assert!(!set.remove(7));
        set.insert(3);
        assert_eq!(set.iter().collect::<Vec<_>>(), [0, 2, 3, 4, 5, 8, 9]);
        // Past half removed, the list is compacted; what is left keeps its order.
        for s in [0, 2, 4, 5] {
            assert!(set.remove(s));
        }
        assert_eq!((set.len(), set.slots.len()), (3, 3));
        assert_eq!(set.iter().collect::<Vec<_>>(), [3, 8, 9]);
        set.insert(10);
        set.insert(1);
        assert_eq!(set.iter().collect::<Vec<_>>(), [1, 3, 8, 9, 10]);
        for s in [1, 3, 8, 9, 10] {
            assert!(set.remove(s));
        }
        assert!(set.is_empty());
    }

    #[test]
    fn a_replaced_store_value_moves_to_a_new_slot() {
        let mut store: Store<u32> = Store::default();
        let (a, _) = store.insert(ns_name("ns", "a"), 1);
        let (b, _) = store.insert(ns_name("ns", "b"), 2);
        let (a2, old) = store.insert(ns_name("ns", "a"), 3);
        assert_eq!((a, b, a2, old), (0, 1, 2, Some(1)));
        assert_eq!(store.at(a), None);
        assert_eq!(store.get(&("ns".to_string(), "a".to_string())), Some(&3));
        assert_eq!(store.slot_of(&ns_name("ns", "b")), Some(b));
        assert_eq!(store.remove(&ns_name("ns", "b")), Some(2));
        assert_eq!((store.at(b), store.len()), (None, 1));
        assert_eq!(store.values_unordered().collect::<Vec<_>>(), [&3]);
    }

    #[test]
    fn a_vacant_key_is_stored_under_the_hash_that_found_it_free() {
        let mut store: Store<u32> = Store::default();
        store.insert(ns_name("ns", "a"), 1);
        assert_eq!(store.vacant(&("ns".to_string(), "a".to_string())), None);
        let h = store
            .vacant(&("ns".to_string(), "b".to_string()))
            .expect("b is free");
        let slot = store.insert_vacant(h, ns_name("ns", "b"), 2);
        assert_eq!(slot, 1);
        assert_eq!(store.get(&ns_name("ns", "b")), Some(&2));
        assert_eq!(store.vacant(&ns_name("ns", "b")), None);
        assert_eq!(store.len(), 2);
    }

    #[test]
    fn is_object_matches_kind_slash_name_exactly() {
        for (object, kind, name, want) in [
            ("Pod/a", "Pod", "a", true),
            ("Pod/ab", "Pod", "a", false),
            ("Pod/a", "Pod", "ab", false),
            ("Pods/a", "Pod", "a", false),
            ("Job/a", "Pod", "a", false),
            ("Pod-a", "Pod", "a", false),
        ] {
            assert_eq!(
                is_object(object, kind, name),
                want,
                "{object} {kind} {name}"
            );
        }
    }

    #[test]
    fn a_pods_own_metadata_wins_over_the_shared_map() {
        let shared = Arc::new(BTreeMap::from([
            ("app".to_string(), "web".to_string()),
            ("index".to_string(), "template".to_string()),
        ]));
        let own = PodMeta::new(
            shared.clone(),
            vec![("index".into(), "3".into()), ("extra".into(), "x".into())],
        );
        assert_eq!(own.get("app"), Some("web"));
        assert_eq!(own.get("index"), Some("3"));
        assert_eq!(&own["extra"], "x");
        assert_eq!(own.get("missing"), None);
        assert!(own.contains_key("extra") && !own.contains_key("missing"));
        let merged = own.to_map();
        assert_eq!(
            merged
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>(),
            ["app=web", "extra=x", "index=3"]
        );
        let plain = PodMeta::new(shared.clone(), Vec::new());
        assert!(matches!(plain.to_map(), Cow::Borrowed(m) if std::ptr::eq(m, &*shared)));
    }

    #[test]
    fn pod_events_read_as_the_events_they_stand_for() {
        let mut w = World::default();
        let p = ns_name("default", "p");
        let q = ns_name("other", "q");
        w.pod_event("Scheduled", &p, Message::Text("a".into()));
        w.pod_event("Pulled", &p, Message::Text("b".into()));
        // Another object in between: the next one of p is recorded the long way.
        w.event("Normal", "Started", "Pod", "other", "q", "c".to_string());
        w.pod_event("Created", &p, Message::Text("d".into()));
        w.pod_event("Started", &q, Message::Text("e".into()));
        let owner = Arc::new(OwnerRef::new("DaemonSet", "default", "ds"));
        w.created_pod_event(&owner, &p);
        w.created_pod_event(&owner, &q);
        let objects: Vec<Cow<'_, str>> = w.events.iter().map(SimEvent::object).collect();
        let got: Vec<(&str, &str, &str, bool)> = w
            .events
            .iter()
            .zip(&objects)
            .map(|(e, o)| (&*e.reason, &**o, e.namespace(), e.routine))
            .collect();
        assert_eq!(
            got,
            [
                ("Scheduled", "Pod/p", "default", true),
                ("Pulled", "Pod/p", "default", true),
                ("Started", "Pod/q", "other", true),
                ("Created", "Pod/p", "default", true),
                ("Started", "Pod/q", "other", true),
                ("SuccessfulCreate", "DaemonSet/ds", "default", true),
                ("SuccessfulCreate", "DaemonSet/ds", "default", true),
            ]
        );
        assert_eq!(w.events[6].message.to_string(), "Created pod: q");
        let named = |i: usize| match &w.events[i].subject {
            Subject::Named { object, namespace } => (object.clone(), namespace.clone()),
            Subject::Pod(_) => panic!("event {i} is a pod's own"),
        };
        assert!(Arc::ptr_eq(&named(5).0, &named(6).0));
        // A pod's own events hold its key.
        assert!(matches!(&w.events[0].subject, Subject::Pod(k) if Arc::ptr_eq(k, &p)));
        assert!(w.events.iter().all(|e| e.type_ == "Normal"));
        assert!(w.kept_events.is_empty());
        // A record that keeps no pod events keeps none of these.
        let mut jobs = World {
            record: crate::sim::Record::Jobs,
            ..World::default()
        };
        jobs.pod_event("Scheduled", &p, Message::Text("a".into()));
        jobs.pod_event("Pulled", &p, Message::Text("b".into()));
        assert!(jobs.events.is_empty());
    }

    #[test]
    fn consecutive_events_on_one_object_share_its_name() {
        let mut w = World::default();
        w.event(
            "Normal",
            "Scheduled",
            "Pod",
            "default",
            "p",
            "m".to_string(),
        );
        w.event("Normal", "Started", "Pod", "default", "p", "m".to_string());
        w.event("Normal", "Started", "Pod", "default", "q", "m".to_string());
        let named = |i: usize| match &w.events[i].subject {
            Subject::Named { object, namespace } => (object.clone(), namespace.clone()),
            Subject::Pod(_) => panic!("event {i} is a pod's own"),
        };
        assert!(Arc::ptr_eq(&named(0).0, &named(1).0));
        assert_eq!(&*w.events[2].object(), "Pod/q");
        assert!(Arc::ptr_eq(&named(0).1, &named(2).1));
    }
}
