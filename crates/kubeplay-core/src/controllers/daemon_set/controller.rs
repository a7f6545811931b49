//! The DaemonSet controller, mirroring pkg/controller/daemon/daemon_controller.go (`syncDaemonSet`,
//! `manage`, `podsShouldBeOnNode`, `syncNodes`, `updateDaemonSetStatus`) and update.go
//! (`rollingUpdate`, `constructHistory`, `cleanupHistory`, `updatedDesiredNodeCounts`).
//!
//! One sync: group the DaemonSet's pods by target node once (`getNodesToDaemonPods`), decide each live
//! node once with [`super::placement::Evaluator`] (`NodeShouldRunDaemonPod`), create pods on nodes
//! that should run one and have none, delete pods where the DaemonSet should not continue, delete
//! failed pods (with the upstream back-off), prune extras (keep the oldest), then — only when that
//! step asked for nothing, as upstream's expectations gate it — run the rolling update; finally the
//! status. When only a few nodes changed since the last sync and nothing depends on time or old pods,
//! [`sync_scoped`] decides just those nodes again (same result, checked in debug builds). Cost of a
//! full sync: O(nodes + pods of this DaemonSet), kept small: pods are found by a merge
//! over the pod map, grouped with a fast hash, the template hash is recomputed only when the template
//! changes, and pods are compared with the current revision only while old ones may exist
//! ([`State::saw_old`]).
//!
//! Deliberate differences: kubeplay creates all missing pods in one sync instead of upstream's batches
//! of `BurstReplicas` (250) with slow start — at one virtual instant the result is the same, only the
//! order of events differs; there are no ControllerRevision objects, the revision history lives in
//! [`State::history`]; a pod that becomes available after `minReadySeconds` requeues the DaemonSet at
//! that exact time (upstream requeues after a whole `minReadySeconds`).

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use k8s_openapi::api::apps::v1::DaemonSet;
use k8s_openapi::api::core::v1::{PodSpec, PodTemplateSpec};
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;

use super::placement::{Evaluator, PlacementKey};
use super::util::get_target_node_name;
use crate::controllers::deployment::util::{compute_hash, scaled_value};
use crate::controllers::{Action, NewPod};
use crate::duration::Millis;
use crate::sim::world::{OwnerRef, Phase, SimNode, SimPod, World};

/// `apps.ControllerRevisionHashLabelKey` / `DefaultDaemonSetUniqueLabelKey`.
pub const CONTROLLER_REVISION_HASH: &str = "controller-revision-hash";
/// `extensions.DaemonSetTemplateGenerationKey`.
pub const POD_TEMPLATE_GENERATION: &str = "pod-template-generation";
/// `apps.DeprecatedTemplateGeneration`: the template generation the API server keeps on the DaemonSet.
pub const DEPRECATED_TEMPLATE_GENERATION: &str = "deprecated.daemonset.template.generation";
/// Event reasons (daemon_controller.go).
pub const FAILED_DAEMON_POD_REASON: &str = "FailedDaemonPod";
pub const SUCCEEDED_DAEMON_POD_REASON: &str = "SucceededDaemonPod";
pub const SELECTING_ALL_REASON: &str = "SelectingAll";
/// `failedPodsBackoff = flowcontrol.NewBackOff(1*time.Second, 15*time.Minute)`
/// (cmd/kube-controller-manager/app/apps.go).
pub const FAILED_POD_BACKOFF_INITIAL: Millis = 1_000;
pub const FAILED_POD_BACKOFF_MAX: Millis = 15 * 60_000;
/// `revisionHistoryLimit` default (`SetDefaults_DaemonSet`).
pub const DEFAULT_REVISION_HISTORY_LIMIT: i32 = 10;

/// One entry of the revision history (a ControllerRevision upstream: `<ds>-<hash>`, `revision`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revision {
    pub revision: i64,
    pub hash: String,
}

/// One `flowcontrol.Backoff` entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    pub delay: Millis,
    pub last_update: Millis,
}

/// Status (`kubectl get ds` columns) and the controller's private memory.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct State {
    /// DESIRED: nodes that should run the pod (`desiredNumberScheduled`).
    pub desired: i32,
    /// CURRENT: of those, nodes that have a pod (`currentNumberScheduled`).
    pub current: i32,
    /// READY: nodes whose oldest pod is Ready (`numberReady`).
    pub ready: i32,
    /// UP-TO-DATE: nodes whose oldest pod has the current template (`updatedNumberScheduled`).
    pub updated: i32,
    /// AVAILABLE: nodes whose oldest pod is Ready for `minReadySeconds` (`numberAvailable`).
    pub available: i32,
    /// `numberUnavailable`: desired − available.
    pub unavailable: i32,
    /// Nodes running a pod that should not (`numberMisscheduled`).
    pub misscheduled: i32,
    /// The current template's `controller-revision-hash`.
    pub hash: String,
    /// The template generation (`pod-template-generation` label): 1, bumped at every template change,
    /// as the API server bumps `spec.templateGeneration`.
    pub template_generation: i64,
    /// The revision of the current template (`kubectl rollout history`).
    pub revision: i64,
    /// Revisions kept, oldest first (the ControllerRevisions).
    pub history: Vec<Revision>,
    /// `failedPodsBackoff`, keyed by (template generation, node) like upstream's `<uid>/<generation>/<node>`.
    pub failed_pods_backoff: BTreeMap<(i64, String), Backoff>,
    /// The SelectingAll warning was recorded (once, not at every sync).
    pub warned_selecting_all: bool,
    /// The hash the last sync compared the pods with, and whether it found a pod of an older
    /// template. Pods never change their labels in kubeplay and this controller labels every pod it
    /// creates with the current hash, so while the hash stays the same and no old pod was seen, every
    /// pod is up to date without comparing each one at every sync.
    pub checked_hash: String,
    pub saw_old: bool,
    /// The template (and collision count) `hash` was computed from: hashing serializes the whole
    /// template, comparing is cheaper, and the template rarely changes.
    pub hashed: Option<(PodTemplateSpec, Option<i32>)>,
    /// Per node, what it adds to the status counters (bits of `Counts`), kept while a sync may look
    /// at a few nodes only (see [`sync_scoped`]); None otherwise. Indexed by the node's slot
    /// ([`crate::sim::world::SimNode::slot`]); nodes past its end add nothing.
    pub per_node: Option<Vec<u8>>,
    /// The nodes' should-run answers for the template of the last sync that asked (the engine may
    /// swap in answers another DaemonSet with the same [`PlacementKey`] left: [`ShouldRunMemo::key`]).
    pub should_run: ShouldRunMemo,
}

/// `NodeShouldRunDaemonPod` answers for one [`PlacementKey`], by node slot, each with the
/// [`crate::sim::world::SimNode::version`] it was given for: a sync asks again only about nodes that
/// changed since. (Every full sync asked all 5,000 nodes, reading their labels and taints; at the
/// start two full syncs in a row ask the same questions.)
#[derive(Debug, Clone, Default)]
pub struct ShouldRunMemo {
    key: Option<PlacementKey>,
    answers: Vec<(u64, (bool, bool))>,
}

impl ShouldRunMemo {
    /// What the answers are for: None before any sync asked.
    pub fn key(&self) -> Option<&PlacementKey> {
        self.key.as_ref()
    }
}

/// The memos kept between syncs, one per [`PlacementKey`]: DaemonSets whose templates place pods
/// alike share one. The engine lends a DaemonSet's state the matching memo for its sync
/// ([`ShouldRunPool::lend`]) and takes it back after ([`ShouldRunPool::take_back`]); the sync itself
/// stays a function of its own state.
#[derive(Debug, Clone, Default)]
pub struct ShouldRunPool(Vec<ShouldRunMemo>);

impl ShouldRunPool {
    /// Moves the memo for `ds`'s placement into `state`, if there is one.
    pub fn lend(&mut self, ds: &DaemonSet, state: &mut State) {
        let empty = PodSpec::default();
        let spec = ds.spec.template.spec.as_ref().unwrap_or(&empty);
        let found = self
            .0
            .iter()
            .position(|m| m.key.as_ref().is_some_and(|k| k.matches(spec)));
        if let Some(i) = found {
            state.should_run = self.0.swap_remove(i);
        }
    }
    /// Takes `state`'s memo back after its sync, keeping at most `keep` memos (the oldest go: keys
    /// no DaemonSet has any more).
    pub fn take_back(&mut self, state: &mut State, keep: usize) {
        let memo = std::mem::take(&mut state.should_run);
        if memo.key.is_none() {
            return;
        }
        self.0.retain(|m| m.key != memo.key);
        self.0.push(memo);
        if self.0.len() > keep.max(1) {
            self.0.remove(0);
        }
    }
    /// The memos, oldest first.
    pub fn memos(&self) -> &[ShouldRunMemo] {
        &self.0
    }
}

/// A cache says nothing about the DaemonSet: two states that differ only in it are equal (the
/// tests compare scoped syncs with full ones).
impl PartialEq for ShouldRunMemo {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// Should-run answers during one sync: from the memo, else from an [`Evaluator`] of the template,
/// made when first needed.
struct Answers<'e> {
    template: &'e PodSpec,
    eval: Option<Evaluator<'e>>,
    memo: ShouldRunMemo,
}

impl<'e> Answers<'e> {
    /// Takes the memo out of `state` (given back by [`Answers::keep`]), emptied if it was for
    /// a template that places pods differently.
    fn new(template: &'e PodSpec, state: &mut State) -> Self {
        let mut memo = std::mem::take(&mut state.should_run);
        if !memo.key.as_ref().is_some_and(|k| k.matches(template)) {
            memo.key = Some(PlacementKey::of(template));
            memo.answers.clear();
        }
        Answers {
            template,
            eval: None,
            memo,
        }
    }
    /// `NodeShouldRunDaemonPod(node)`: (shouldRun, shouldContinueRunning).
    fn should_run(&mut self, node: &SimNode) -> (bool, bool) {
        let slot = node.slot as usize;
        if let Some(&(v, answer)) = self.memo.answers.get(slot) {
            if v == node.version {
                return answer;
            }
        }
        let template = self.template;
        let answer = self
            .eval
            .get_or_insert_with(|| Evaluator::new(template))
            .should_run(&node.info);
        if self.memo.answers.len() <= slot {
            self.memo.answers.resize(slot + 1, (0, (false, false)));
        }
        self.memo.answers[slot] = (node.version, answer);
        answer
    }
    fn keep(self, state: &mut State) {
        state.should_run = self.memo;
    }
}

/// The update strategy after API defaulting (`SetDefaults_DaemonSet`).
#[derive(Debug, Clone, PartialEq)]
pub enum Strategy {
    OnDelete,
    RollingUpdate {
        max_unavailable: IntOrString,
        max_surge: IntOrString,
    },
}

/// The defaulted update strategy: RollingUpdate, maxUnavailable 1, maxSurge 0.
pub fn strategy(ds: &DaemonSet) -> Strategy {
    let s = ds.spec.update_strategy.as_ref();
    if s.and_then(|s| s.type_.as_deref()) == Some("OnDelete") {
        return Strategy::OnDelete;
    }
    let ru = s.and_then(|s| s.rolling_update.as_ref());
    Strategy::RollingUpdate {
        max_unavailable: ru
            .and_then(|r| r.max_unavailable.clone())
            .unwrap_or(IntOrString::Int(1)),
        max_surge: ru
            .and_then(|r| r.max_surge.clone())
            .unwrap_or(IntOrString::Int(0)),
    }
}

/// `util.SurgeCount`: 0 unless RollingUpdate; a percentage of `number_to_schedule`, rounded up.
pub fn surge_count(ds: &DaemonSet, number_to_schedule: i32) -> Result<i32, String> {
    match strategy(ds) {
        Strategy::OnDelete => Ok(0),
        Strategy::RollingUpdate { max_surge, .. } => {
            scaled_value(&max_surge, number_to_schedule, true)
        }
    }
}

/// `util.UnavailableCount`: 0 unless RollingUpdate; a percentage of `number_to_schedule`, rounded up.
pub fn unavailable_count(ds: &DaemonSet, number_to_schedule: i32) -> Result<i32, String> {
    match strategy(ds) {
        Strategy::OnDelete => Ok(0),
        Strategy::RollingUpdate {
            max_unavailable, ..
        } => scaled_value(&max_unavailable, number_to_schedule, true),
    }
}

/// `util.AllowsSurge`: more than one pod per node may exist during an update.
pub fn allows_surge(ds: &DaemonSet) -> bool {
    surge_count(ds, 1).is_ok_and(|s| s > 0)
}

/// The NODE SELECTOR column of `kubectl get ds` (printers.go `printDaemonSet`:
/// `labels.FormatLabels(spec.template.spec.nodeSelector)`): `k=v,k2=v2` sorted by key, or `<none>`.
pub fn node_selector_column(ds: &DaemonSet) -> String {
    let sel = ds
        .spec
        .template
        .spec
        .as_ref()
        .and_then(|s| s.node_selector.as_ref());
    match sel {
        Some(m) if !m.is_empty() => m
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join(","),
        _ => "<none>".into(),
    }
}

/// The `controller-revision-hash` of a DaemonSet's current template (`controller.ComputeHash` of
/// `spec.template` and `status.collisionCount`; see [`compute_hash`] on how it differs from Go's).
pub fn template_hash(ds: &DaemonSet) -> String {
    compute_hash(
        &ds.spec.template,
        ds.status.as_ref().and_then(|s| s.collision_count),
    )
}

/// `util.IsPodUpdated`: the pod carries the current hash, or the current template generation.
pub fn is_pod_updated(pod: &SimPod, hash: &str, generation: i64) -> bool {
    let hash_matches = !hash.is_empty() && pod.labels.get(CONTROLLER_REVISION_HASH) == Some(hash);
    hash_matches
        || pod
            .labels
            .get(POD_TEMPLATE_GENERATION)
            .is_some_and(|g| g.parse::<i64>().ok() == Some(generation))
}

/// `podByCreationTimestampAndPhase`: scheduled pods first, then the oldest, then by name.
fn by_creation_and_phase(a: &&SimPod, b: &&SimPod) -> std::cmp::Ordering {
    b.node
        .is_some()
        .cmp(&a.node.is_some())
        .then(a.created.cmp(&b.created))
        .then_with(|| a.name().cmp(b.name()))
}

impl State {
    /// `constructHistory` (and the API server's templateGeneration bump): make `hash` the current
    /// revision — an old revision coming back gets the next number — and drop the oldest revisions
    /// beyond `revisionHistoryLimit` no live pod uses (`cleanupHistory`).
    fn observe_template(
        &mut self,
        ds: &DaemonSet,
        hash: &str,
        live_hashes: impl FnOnce() -> BTreeSet<String>,
    ) {
        if self.hash == hash {
            return;
        }
        if self.hash.is_empty() {
            self.template_generation = ds
                .metadata
                .annotations
                .as_ref()
                .and_then(|a| a.get(DEPRECATED_TEMPLATE_GENERATION))
                .and_then(|g| g.parse().ok())
                .unwrap_or(1);
        } else {
            self.template_generation += 1;
        }
        self.hash = hash.to_string();
        let next = self
            .history
            .iter()
            .filter(|r| r.hash != hash)
            .map(|r| r.revision)
            .max()
            .unwrap_or(0)
            + 1;
        self.history.retain(|r| r.hash != hash);
        self.history.push(Revision {
            revision: next,
            hash: hash.to_string(),
        });
        self.revision = next;
        let limit = ds
            .spec
            .revision_history_limit
            .unwrap_or(DEFAULT_REVISION_HISTORY_LIMIT)
            .max(0) as usize;
        let old = self.history.len() - 1;
        if old > limit {
            let live = live_hashes();
            let mut to_kill = old - limit;
            self.history.retain(|r| {
                if to_kill == 0 || r.hash == hash || live.contains(&r.hash) {
                    return true;
                }
                to_kill -= 1;
                false
            });
        }
    }
}

/// The daemon pods of one node (`nodeToDaemonPods[node]`); nearly always exactly one.
#[derive(Default)]
struct Group<'w> {
    first: Option<&'w SimPod>,
    rest: Vec<&'w SimPod>,
}

impl<'w> Group<'w> {
    fn push(&mut self, p: &'w SimPod) {
        if self.first.is_none() {
            self.first = Some(p);
        } else {
            self.rest.push(p);
        }
    }
    fn len(&self) -> usize {
        usize::from(self.first.is_some()) + self.rest.len()
    }
    /// Puts the pods in key (namespace, name) order.
    fn sort_by_key(&mut self) {
        if self.rest.is_empty() {
            return;
        }
        let mut all: Vec<&'w SimPod> = self.iter().collect();
        all.sort_by(|a, b| (a.namespace(), a.name()).cmp(&(b.namespace(), b.name())));
        self.first = Some(all.remove(0));
        self.rest = all;
    }
    fn iter(&self) -> impl Iterator<Item = &'w SimPod> + '_ {
        self.first.into_iter().chain(self.rest.iter().copied())
    }
    /// The pod status is read from: the oldest (`podByCreationTimestampAndPhase`).
    fn oldest(&self) -> Option<&'w SimPod> {
        self.iter().min_by(by_creation_and_phase)
    }
}

/// What one sync decided.
#[derive(Default)]
struct Plan<'w> {
    /// The nodes to create a pod on (the node itself: its shared name and slot go to the pod).
    create_on: Vec<&'w SimNode>,
    delete: Vec<&'w SimPod>,
    events: Vec<Action>,
    requeue_at: Option<Millis>,
}

impl Plan<'_> {
    fn requeue(&mut self, at: Millis) {
        self.requeue_at = Some(self.requeue_at.map_or(at, |t| t.min(at)));
    }
}

/// The sync's fixed inputs.
struct Ctx<'a> {
    ds: &'a DaemonSet,
    hash: &'a str,
    generation: i64,
    min_ready: Millis,
    now: Millis,
    surge: bool,
    /// Every pod is known to be up to date (see [`State::saw_old`]).
    all_new: bool,
}

impl Ctx<'_> {
    /// `IsPodUpdated`, with fast paths: nothing to compare when every pod is known to be new, else
    /// the hash kubeplay records on the pods it creates before the labels.
    fn updated(&self, p: &SimPod) -> bool {
        self.all_new
            || *p.template_hash == *self.hash
            || is_pod_updated(p, self.hash, self.generation)
    }
    fn available(&self, p: &SimPod) -> bool {
        p.available(self.now, self.min_ready)
    }
}

/// A scoped sync is used for up to this many nodes or 1/`SCOPED_SYNC_MAX_SHARE` of them, whichever
/// is more (see [`sync_scoped`]; measured on the 5,000-node benchmark).
const SCOPED_SYNC_MAX_NODES: usize = 64;
const SCOPED_SYNC_MAX_SHARE: usize = 128;

/// The most nodes a scoped sync looks at in a cluster of `nodes` nodes; the engine stops listing
/// nodes for a DaemonSet past it (a wave of pods would list them all, for a full sync anyway).
pub fn scoped_sync_limit(nodes: usize) -> usize {
    SCOPED_SYNC_MAX_NODES.max(nodes / SCOPED_SYNC_MAX_SHARE)
}

/// One sync of a DaemonSet (`syncDaemonSet`).
pub fn sync(ds: &DaemonSet, state: &mut State, world: &World) -> Vec<Action> {
    sync_scoped(ds, state, world, None)
}

/// One sync of a DaemonSet that may look only at `nodes`: the nodes whose node object or daemon pods
/// changed since the previous sync (the engine keeps the list; None means look at everything).
///
/// Upstream's sync always walks every node; the answer for a node nothing touched cannot have changed,
/// so when the previous sync left a per-node record ([`State::per_node`]) — every pod up to date and
/// no `minReadySeconds` clock running — only the listed nodes are decided again and the status
/// counters are updated by their difference. Same actions and status as a full sync (checked against
/// one in debug builds), in O(listed nodes) instead of O(all nodes + pods).
pub fn sync_scoped(
    ds: &DaemonSet,
    state: &mut State,
    world: &World,
    nodes: Option<&BTreeSet<String>>,
) -> Vec<Action> {
    #[cfg(debug_assertions)]
    let before = nodes.map(|_| state.clone());
    let out = sync_inner(ds, state, world, nodes);
    #[cfg(debug_assertions)]
    if let Some(mut full_state) = before {
        let full = sync_inner(ds, &mut full_state, world, None);
        assert_eq!(
            format!("{out:?}"),
            format!("{full:?}"),
            "a scoped DaemonSet sync must act as a full one"
        );
        assert_eq!(
            *state, full_state,
            "a scoped DaemonSet sync must count as a full one"
        );
    }
    out
}

fn sync_inner(
    ds: &DaemonSet,
    state: &mut State,
    world: &World,
    scope: Option<&BTreeSet<String>>,
) -> Vec<Action> {
    let ns = ds.metadata.namespace.as_deref().unwrap_or("default");
    let name = ds.metadata.name.as_deref().unwrap_or_default();
    let owner = OwnerRef::new("DaemonSet", ns, name);
    let now = world.now;
    if crate::labels::is_empty(&ds.spec.selector) {
        let mut out = Vec::new();
        if !state.warned_selecting_all {
            state.warned_selecting_all = true;
            out.push(Action::warning(
                SELECTING_ALL_REASON,
                "DaemonSet",
                ns,
                name,
                "This daemon set is selecting all pods. A non-empty selector is required.".into(),
            ));
        }
        return out;
    }
    let collision_count = ds.status.as_ref().and_then(|s| s.collision_count);
    let hash = match &state.hashed {
        Some((t, c)) if *c == collision_count && *t == ds.spec.template => state.hash.clone(),
        _ => {
            state.hashed = Some((ds.spec.template.clone(), collision_count));
            template_hash(ds)
        }
    };
    state.observe_template(ds, &hash, || {
        world
            .pods_of_by_creation(&owner)
            .filter_map(|p| p.labels.get(CONTROLLER_REVISION_HASH).map(str::to_string))
            .collect()
    });
    let cx = Ctx {
        ds,
        hash: &hash,
        generation: state.template_generation,
        min_ready: Millis::from(ds.spec.min_ready_seconds.unwrap_or(0).max(0)) * 1000,
        now,
        surge: allows_surge(ds),
        all_new: !state.saw_old && state.checked_hash == hash,
    };
    let empty = PodSpec::default();
    let mut eval = Answers::new(ds.spec.template.spec.as_ref().unwrap_or(&empty), state);

    let mut plan = Plan::default();
    state
        .failed_pods_backoff
        .retain(|_, b| now - b.last_update <= 2 * FAILED_POD_BACKOFF_MAX);
    // A scoped sync looks up each listed node's pods one by one; past a few percent of the nodes a
    // full sync, which walks the DaemonSet's pods in one sweep, is cheaper.
    let few = |s: &&BTreeSet<String>| s.len() <= scoped_sync_limit(world.nodes.len());
    if let Some(scope) = scope
        .filter(few)
        .filter(|_| state.per_node.is_some() && cx.all_new && cx.min_ready == 0)
    {
        sync_nodes(&cx, &mut eval, &owner, world, scope, state, &mut plan);
        eval.keep(state);
        return finish(&cx, &owner, plan);
    }

    // getNodesToDaemonPods: group by the node the pod is bound or pinned to. Pods on a node (or
    // pinned to one that exists) are grouped by its slot, the few others by node name.
    let mut by_slot: Vec<Group<'_>> = Vec::new();
    by_slot.resize_with(world.nodes.len(), Group::default);
    let mut elsewhere: BTreeMap<Cow<'_, str>, Group<'_>> = BTreeMap::new();
    let mut several = false;
    for p in world.pods_of_by_creation(&owner) {
        // GetTargetNodeName: the bound node, else the pin the pod was created with.
        let (target, slot) = match (&p.node, &p.pin) {
            (Some(_), _) => (None, p.node_slot),
            (None, Some(pin)) => (None, p.pin_slot.or_else(|| world.nodes.slot_of(pin))),
            (None, None) => match get_target_node_name(&p.spec) {
                Ok(n) => {
                    let slot = world.nodes.slot_of(&n);
                    (Some(n), slot)
                }
                Err(_) => continue,
            },
        };
        let g = match slot {
            Some(s) => &mut by_slot[s as usize],
            None => {
                let name = target.map_or_else(
                    || Cow::Borrowed(p.target_node().unwrap_or_default()),
                    Cow::Owned,
                );
                elsewhere.entry(name).or_default()
            }
        };
        g.push(p);
        several |= g.len() > 1;
    }
    if several {
        // Each node's pods in key order, as a walk of the pods in key order finds them.
        for g in by_slot.iter_mut().chain(elsewhere.values_mut()) {
            g.sort_by_key();
        }
    }

    let mut st = Counts::default();
    let mut per_node = vec![0; world.nodes.len()];
    let mut any_old = false;
    // One pass over the nodes: manage (podsShouldBeOnNode) and the status (updateDaemonSetStatus,
    // from what was observed before this sync's writes).
    for sn in world.nodes.values().filter(|n| n.removed.is_none()) {
        let (should_run, should_continue) = eval.should_run(sn);
        let group = Some(&by_slot[sn.slot as usize]).filter(|g| g.len() > 0);
        if let Some(g) = group {
            any_old |= scan_pods(&cx, g, &mut plan);
        }
        pods_should_be_on_node(
            &cx,
            sn,
            should_run,
            should_continue,
            group,
            state,
            &mut plan,
        );
        let bits = contribution(&cx, should_run, group);
        st.add(bits, 1);
        per_node[sn.slot as usize] = bits;
    }
    // Pods bound or pinned to nodes that were removed or never existed, in node name order.
    let mut gone: Vec<(&str, &Group<'_>)> = world
        .nodes
        .values()
        .filter(|n| n.removed.is_some() && by_slot[n.slot as usize].len() > 0)
        .map(|n| (n.info.name.as_str(), &by_slot[n.slot as usize]))
        .collect();
    if !elsewhere.is_empty() {
        gone.extend(elsewhere.iter().map(|(k, g)| (k.as_ref(), g)));
        gone.sort_by(|a, b| a.0.cmp(b.0));
    }
    for (_, g) in &gone {
        any_old |= scan_pods(&cx, g, &mut plan);
        // getUnscheduledPodsWithoutNode: pod GC cannot remove pods that never got a node.
        plan.delete.extend(g.iter().filter(|p| p.node.is_none()));
    }

    // The rolling update runs only once the manage step's creations and deletions are observed
    // (upstream's expectations), and has nothing to do without old pods.
    let manage_idle = plan.create_on.is_empty() && plan.delete.is_empty();
    if manage_idle && any_old && matches!(strategy(ds), Strategy::RollingUpdate { .. }) {
        let mut entries: Vec<Entry<'_, '_>> = Vec::new();
        for sn in world.nodes.values().filter(|n| n.removed.is_none()) {
            let n = &sn.info;
            let (should_run, _) = eval.should_run(sn);
            let group = Some(&by_slot[sn.slot as usize]).filter(|g| g.len() > 0);
            if should_run || group.is_some() {
                entries.push(Entry {
                    name: n.name.as_str(),
                    node: Some(sn),
                    should_run: Some(should_run),
                    pods: group,
                });
            }
        }
        if !gone.is_empty() {
            entries.extend(gone.iter().map(|(k, g)| Entry {
                name: k,
                node: None,
                should_run: None,
                pods: Some(*g),
            }));
            entries.sort_by(|a, b| a.name.cmp(b.name));
        }
        rolling_update(&cx, &entries, &mut plan);
    }

    state.checked_hash.clone_from(&hash);
    state.saw_old = any_old;
    st.store(state);
    // A later sync may look at a few nodes only while nothing depends on time or old pods.
    state.per_node = (!any_old && cx.min_ready == 0).then_some(per_node);
    eval.keep(state);
    finish(&cx, &owner, plan)
}

/// The scoped part of [`sync_scoped`]: decide again only the nodes in `scope` and move the status
/// counters by the difference of what each of those nodes adds to them ([`State::per_node`]).
fn sync_nodes<'w>(
    cx: &Ctx<'_>,
    eval: &mut Answers<'_>,
    owner: &OwnerRef,
    world: &'w World,
    scope: &BTreeSet<String>,
    state: &mut State,
    plan: &mut Plan<'w>,
) {
    let mut per_node = state.per_node.take().unwrap_or_default();
    let mut st = Counts::load(state);
    let mut gone: Vec<Group<'w>> = Vec::new();
    for name in scope {
        let slot = world.nodes.slot_of(name).map(|s| s as usize);
        let old = slot.map_or(0, |s| per_node.get(s).copied().unwrap_or(0));
        st.add(old, -1);
        let group = own_pods_on(world, owner, name);
        let group = (group.len() > 0).then_some(group);
        let Some(node) = world.nodes.get(name).filter(|n| n.removed.is_none()) else {
            if let Some(b) = slot.and_then(|s| per_node.get_mut(s)) {
                *b = 0;
            }
            gone.extend(group);
            continue;
        };
        let (should_run, should_continue) = eval.should_run(node);
        pods_should_be_on_node(
            cx,
            node,
            should_run,
            should_continue,
            group.as_ref(),
            state,
            plan,
        );
        let bits = contribution(cx, should_run, group.as_ref());
        st.add(bits, 1);
        let slot = node.slot as usize;
        if per_node.len() <= slot {
            per_node.resize(slot + 1, 0);
        }
        per_node[slot] = bits;
    }
    for g in &gone {
        // getUnscheduledPodsWithoutNode, as in the full sync.
        plan.delete.extend(g.iter().filter(|p| p.node.is_none()));
    }
    st.store(state);
    state.per_node = Some(per_node);
}

/// The DaemonSet's live pods bound or pinned to `node`, in key order (as the full sync finds them).
fn own_pods_on<'w>(world: &'w World, owner: &OwnerRef, node: &str) -> Group<'w> {
    let mut pods: Vec<&SimPod> = world
        .nodes
        .get(node)
        .into_iter()
        .flat_map(|n| n.pods.iter().chain(n.pinned.iter()))
        .filter_map(|k| world.pods.get(k))
        .filter(|p| p.owner.as_deref() == Some(owner))
        .collect();
    pods.sort_by(|a, b| (a.namespace(), a.name()).cmp(&(b.namespace(), b.name())));
    let mut g = Group::default();
    for p in pods {
        g.push(p);
    }
    g
}

/// What one node adds to the status counters (bits of [`Counts`]), read from its oldest pod as
/// `updateDaemonSetStatus` does.
fn contribution(cx: &Ctx<'_>, should_run: bool, group: Option<&Group<'_>>) -> u8 {
    if !should_run {
        return if group.is_some() { MISSCHEDULED } else { 0 };
    }
    let mut bits = DESIRED;
    if let Some(pod) = group.and_then(Group::oldest) {
        bits |= CURRENT;
        if pod.ready {
            bits |= READY;
            if cx.available(pod) {
                bits |= AVAILABLE;
            }
        }
        if cx.updated(pod) {
            bits |= UPDATED;
        }
    }
    bits
}

/// `syncNodes` and the requeue: the actions a sync's plan stands for.
fn finish<'w>(cx: &Ctx<'_>, owner: &OwnerRef, mut plan: Plan<'w>) -> Vec<Action> {
    let (ds, hash) = (cx.ds, cx.hash);
    let ns = owner.namespace.as_str();
    let name = owner.name.as_str();
    // syncNodes: creations first, then deletions.
    let mut out =
        Vec::with_capacity(plan.create_on.len() + 2 * plan.delete.len() + plan.events.len() + 1);
    out.append(&mut plan.events);
    if !plan.create_on.is_empty() {
        let mut labels = BTreeMap::new();
        labels.insert(CONTROLLER_REVISION_HASH.to_string(), hash.to_string());
        labels.insert(
            POD_TEMPLATE_GENERATION.to_string(),
            cx.generation.to_string(),
        );
        // What the pods of one sync share, described once; each is pinned to its node.
        let pod = NewPod {
            owner: Some(std::sync::Arc::new(owner.clone())),
            namespace: ns.into(),
            template: std::sync::Arc::new(ds.spec.template.clone()),
            generate_name: format!("{name}-").into(),
            labels: std::sync::Arc::new(labels),
            template_hash: hash.into(),
            ..Default::default()
        };
        let nodes = plan
            .create_on
            .iter()
            .map(|n| (n.name.clone(), n.slot))
            .collect();
        out.push(Action::CreatePinnedPods {
            pod: Box::new(pod),
            nodes,
        });
    }
    let mut deleted = BTreeSet::new();
    for p in plan.delete {
        if !deleted.insert(p.uid) {
            continue;
        }
        out.push(Action::DeletePod {
            key: p.key(),
            reason: None,
            fail: false,
        });
        out.push(Action::normal(
            "SuccessfulDelete",
            "DaemonSet",
            ns,
            name,
            format!("Deleted pod: {}", p.name()),
        ));
    }
    if let Some(at) = plan.requeue_at {
        out.push(Action::Requeue {
            owner: owner.clone(),
            at,
        });
    }
    out
}

/// Looks at a node's pods once: whether any is old (not the current template), and when a Ready pod
/// becomes available (requeue then, for `minReadySeconds`).
fn scan_pods(cx: &Ctx<'_>, g: &Group<'_>, plan: &mut Plan<'_>) -> bool {
    if cx.all_new && cx.min_ready == 0 {
        return false;
    }
    let mut old = false;
    for p in g.iter() {
        old |= !cx.updated(p);
        if cx.min_ready > 0 && p.ready && !cx.available(p) {
            if let Some(since) = p.ready_since {
                plan.requeue(since + cx.min_ready);
            }
        }
    }
    old
}

/// The status counters; a node adds one to those its bits say ([`contribution`]).
#[derive(Default)]
struct Counts {
    desired: i32,
    current: i32,
    ready: i32,
    updated: i32,
    available: i32,
    misscheduled: i32,
}

const DESIRED: u8 = 1;
const CURRENT: u8 = 2;
const READY: u8 = 4;
const AVAILABLE: u8 = 8;
const UPDATED: u8 = 16;
const MISSCHEDULED: u8 = 32;

impl Counts {
    fn load(s: &State) -> Self {
        Self {
            desired: s.desired,
            current: s.current,
            ready: s.ready,
            updated: s.updated,
            available: s.available,
            misscheduled: s.misscheduled,
        }
    }
    fn store(&self, s: &mut State) {
        s.desired = self.desired;
        s.current = self.current;
        s.ready = self.ready;
        s.updated = self.updated;
        s.available = self.available;
        s.unavailable = self.desired - self.available;
        s.misscheduled = self.misscheduled;
    }
    /// Adds (`sign` 1) or takes away (-1) one node's bits.
    fn add(&mut self, bits: u8, sign: i32) {
        let on = |b: u8| i32::from(bits & b != 0) * sign;
        self.desired += on(DESIRED);
        self.current += on(CURRENT);
        self.ready += on(READY);
        self.available += on(AVAILABLE);
        self.updated += on(UPDATED);
        self.misscheduled += on(MISSCHEDULED);
    }
}

/// `podsShouldBeOnNode`: what to create or delete on one node.
fn pods_should_be_on_node<'w>(
    cx: &Ctx<'_>,
    sim_node: &'w SimNode,
    should_run: bool,
    should_continue: bool,
    group: Option<&Group<'w>>,
    state: &mut State,
    plan: &mut Plan<'w>,
) {
    let node = sim_node.info.name.as_str();
    let Some(group) = group else {
        if should_run {
            plan.create_on.push(sim_node);
        }
        return;
    };
    if !should_continue {
        // Should not run here any more: delete every pod.
        plan.delete.extend(group.iter());
        return;
    }
    // The common case: one pod, neither failed nor finished.
    if group.len() == 1
        && group
            .first
            .is_some_and(|p| matches!(p.phase, Phase::Pending | Phase::Running))
    {
        return;
    }
    let ns = cx.ds.metadata.namespace.as_deref().unwrap_or("default");
    let name = cx.ds.metadata.name.as_deref().unwrap_or_default();
    let now = cx.now;
    let mut running: Vec<&SimPod> = Vec::with_capacity(group.len());
    for pod in group.iter() {
        match pod.phase {
            Phase::Failed => {
                // Avoid hot-looping with a kubelet that rejects the pod: back off per node.
                let key = (cx.generation, node.to_string());
                let entry = state.failed_pods_backoff.get(&key).copied();
                let expired = |b: &Backoff| now - b.last_update > 2 * FAILED_POD_BACKOFF_MAX;
                if let Some(b) = entry.filter(|b| !expired(b) && now - b.last_update < b.delay) {
                    plan.requeue(now + b.delay);
                    continue;
                }
                let delay = match entry {
                    Some(b) if !expired(&b) => (b.delay * 2).min(FAILED_POD_BACKOFF_MAX),
                    _ => FAILED_POD_BACKOFF_INITIAL,
                };
                state.failed_pods_backoff.insert(
                    key,
                    Backoff {
                        delay,
                        last_update: now,
                    },
                );
                plan.events.push(Action::warning(
                    FAILED_DAEMON_POD_REASON,
                    "DaemonSet",
                    ns,
                    name,
                    format!(
                        "Found failed daemon pod {}/{} on node {node}, will try to kill it",
                        pod.namespace(),
                        pod.name()
                    ),
                ));
                plan.delete.push(pod);
            }
            Phase::Succeeded => {
                plan.events.push(Action::normal(
                    SUCCEEDED_DAEMON_POD_REASON,
                    "DaemonSet",
                    ns,
                    name,
                    format!(
                        "Found succeeded daemon pod {}/{} on node {node}, will try to delete it",
                        pod.namespace(),
                        pod.name()
                    ),
                ));
                plan.delete.push(pod);
            }
            _ => running.push(pod),
        }
    }
    if !cx.surge {
        // More than one pod on the node: keep the oldest.
        if running.len() > 1 {
            running.sort_by(by_creation_and_phase);
            plan.delete.extend(running.into_iter().skip(1));
        }
        return;
    }
    if running.len() <= 1 {
        if running.is_empty() && should_run {
            plan.create_on.push(sim_node);
        }
        return;
    }
    // Surging: keep the oldest new pod and the oldest old pod; the old one goes once the new one is
    // available (or at once if the old one is not Ready).
    running.sort_by(by_creation_and_phase);
    let mut oldest_new: Option<&SimPod> = None;
    let mut oldest_old: Option<&SimPod> = None;
    for pod in running {
        let slot = if cx.updated(pod) {
            &mut oldest_new
        } else {
            &mut oldest_old
        };
        if slot.is_none() {
            *slot = Some(pod);
        } else {
            plan.delete.push(pod);
        }
    }
    if let (Some(new), Some(old)) = (oldest_new, oldest_old) {
        if !old.ready || cx.available(new) {
            plan.delete.push(old);
        }
    }
}

/// One entry of `nodeToDaemonPods` for the rolling update: `should_run` is None for a node that is
/// gone (the node lister would not find it).
struct Entry<'g, 'w> {
    name: &'w str,
    /// The node, when it exists.
    node: Option<&'w SimNode>,
    should_run: Option<bool>,
    pods: Option<&'g Group<'w>>,
}

/// `findUpdatedPodsOnNode`: at most one new and one old pod, or None when there are more.
fn find_updated_pods_on_node<'w>(
    cx: &Ctx<'_>,
    pods: Option<&Group<'w>>,
) -> Option<(Option<&'w SimPod>, Option<&'w SimPod>)> {
    let (mut new, mut old) = (None, None);
    for p in pods.into_iter().flat_map(Group::iter) {
        let slot = if cx.updated(p) { &mut new } else { &mut old };
        if slot.is_some() {
            return None;
        }
        *slot = Some(p);
    }
    Some((new, old))
}

/// `rollingUpdate` (update.go): delete old pods within maxUnavailable (the manage step then creates
/// the new ones), or with maxSurge create new pods next to old ones and delete each old pod once its
/// replacement is available. `entries` are in node-name order (Go walks a map).
fn rolling_update<'w>(cx: &Ctx<'_>, entries: &[Entry<'_, 'w>], plan: &mut Plan<'w>) {
    // updatedDesiredNodeCounts.
    let desired = entries
        .iter()
        .filter(|e| e.should_run == Some(true))
        .count() as i32;
    let (Ok(mut max_unavailable), Ok(max_surge)) = (
        unavailable_count(cx.ds, desired),
        surge_count(cx.ds, desired),
    ) else {
        return;
    };
    if desired > 0 && max_unavailable == 0 && max_surge == 0 {
        max_unavailable = 1;
    }

    if max_surge == 0 {
        let mut num_unavailable = 0;
        let mut allowed_replacement: Vec<&'w SimPod> = Vec::new();
        let mut candidates: Vec<&'w SimPod> = Vec::new();
        for e in entries {
            let Some((new, old)) = find_updated_pods_on_node(cx, e.pods) else {
                // Excess pods: the manage loop cleans up; count the node as unavailable.
                num_unavailable += 1;
                continue;
            };
            match (new, old) {
                (None, None) | (Some(_), Some(_)) => num_unavailable += 1,
                (Some(new), None) => {
                    if !cx.available(new) {
                        num_unavailable += 1;
                    }
                }
                (None, Some(old)) => {
                    if !cx.available(old) {
                        allowed_replacement.push(old);
                        num_unavailable += 1;
                    } else if num_unavailable < max_unavailable {
                        candidates.push(old);
                    }
                }
            }
        }
        let remaining =
            (max_unavailable - num_unavailable).clamp(0, candidates.len() as i32) as usize;
        plan.delete.extend(allowed_replacement);
        plan.delete.extend(candidates.into_iter().take(remaining));
        return;
    }

    let mut old_to_delete: Vec<&'w SimPod> = Vec::new();
    let mut should_not_run_to_delete: Vec<&'w SimPod> = Vec::new();
    let mut candidate_new_nodes: Vec<&'w SimNode> = Vec::new();
    let mut allowed_new_nodes: Vec<&'w SimNode> = Vec::new();
    let mut num_surge = 0;
    let mut num_available = 0;
    for e in entries {
        let Some((new, old)) = find_updated_pods_on_node(cx, e.pods) else {
            num_surge += 1;
            continue;
        };
        if let Some(old) = old {
            if cx.available(old) {
                num_available += 1;
            }
        } else if let Some(new) = new {
            if cx.available(new) {
                num_available += 1;
            }
        }
        match (new, old) {
            (_, None) => {}
            (None, Some(old)) => {
                // nodeLister.Get fails for a node that is gone: upstream returns an error, ending
                // this rolling update pass.
                let Some(should_run) = e.should_run else {
                    return;
                };
                if !cx.available(old) {
                    if !should_run {
                        old_to_delete.push(old);
                        continue;
                    }
                    allowed_new_nodes.extend(e.node);
                } else {
                    if !should_run {
                        should_not_run_to_delete.push(old);
                        continue;
                    }
                    if num_surge >= max_surge {
                        continue;
                    }
                    candidate_new_nodes.extend(e.node);
                }
            }
            (Some(new), Some(old)) => {
                if !cx.available(new) {
                    num_surge += 1;
                    continue;
                }
                old_to_delete.push(old);
            }
        }
    }
    let remaining_surge =
        (max_surge - num_surge).clamp(0, candidate_new_nodes.len() as i32) as usize;
    // With maxSurge the owner expects full availability: a pod on a node that no longer qualifies
    // goes only when enough pods elsewhere are available.
    let deletable =
        (num_available - desired).clamp(0, should_not_run_to_delete.len() as i32) as usize;
    old_to_delete.extend(should_not_run_to_delete.into_iter().take(deletable));
    plan.delete.extend(old_to_delete);
    plan.create_on.extend(allowed_new_nodes);
    plan.create_on
        .extend(candidate_new_nodes.into_iter().take(remaining_surge));
}

#[cfg(test)]
mod tests {
    use super::*;
    use k8s_openapi::api::apps::v1::{
        DaemonSetSpec, DaemonSetUpdateStrategy, RollingUpdateDaemonSet,
    };
    use k8s_openapi::api::core::v1::{Container, PodTemplateSpec};
    use k8s_openapi::apimachinery::pkg::apis::meta::v1::{LabelSelector, ObjectMeta};

    fn ds(update: Option<DaemonSetUpdateStrategy>) -> DaemonSet {
        let labels: BTreeMap<String, String> = [("app".to_string(), "agent".to_string())].into();
        DaemonSet {
            metadata: ObjectMeta {
                name: Some("agent".into()),
                namespace: Some("kube-system".into()),
                ..Default::default()
            },
            spec: DaemonSetSpec {
                selector: LabelSelector {
                    match_labels: Some(labels.clone()),
                    ..Default::default()
                },
                template: PodTemplateSpec {
                    metadata: Some(ObjectMeta {
                        labels: Some(labels),
                        ..Default::default()
                    }),
                    spec: Some(PodSpec {
                        containers: vec![Container {
                            name: "agent".into(),
                            image: Some("fluentd:v1".into()),
                            ..Default::default()
                        }],
                        ..Default::default()
                    }),
                },
                update_strategy: update,
                ..Default::default()
            },
            ..Default::default()
        }
    }

    fn rolling(
        unavailable: Option<IntOrString>,
        surge: Option<IntOrString>,
    ) -> Option<DaemonSetUpdateStrategy> {
        Some(DaemonSetUpdateStrategy {
            type_: Some("RollingUpdate".into()),
            rolling_update: Some(RollingUpdateDaemonSet {
                max_unavailable: unavailable,
                max_surge: surge,
            }),
        })
    }

    use crate::nodes::NodeInfo;
    use crate::objects::Object;
    use crate::sim::apply;
    use crate::sim::engine::Engine;
    use crate::sim::world::NsName;

    /// An engine with `nodes` and `d` applied and settled at time 0.
    fn engine(nodes: &[&str], d: &DaemonSet) -> Engine {
        let mut e = Engine::new(1);
        for n in nodes {
            apply::add_or_update_node(&mut e, NodeInfo::new(*n));
        }
        apply::apply_object(&mut e, Object::DaemonSet(d.clone()));
        e.run_until(0, |_, _| {});
        e
    }

    /// One sync of the DaemonSet outside the engine, with its state taken from and put back into
    /// the world.
    fn sync_once(e: &mut Engine) -> Vec<Action> {
        let key = crate::sim::world::ns_name("kube-system", "agent");
        let mut t = e.world.daemon_sets.remove(&key).unwrap();
        let actions = sync(&t.object, &mut t.state, &e.world);
        e.world.daemon_sets.insert(key, t);
        actions
    }

    fn state(e: &Engine) -> &State {
        &e.world.daemon_sets[&("kube-system".to_string(), "agent".to_string())].state
    }

    fn live_on<'e>(e: &'e Engine, node: &str) -> Vec<&'e SimPod> {
        e.world.pods_on(node).filter(|p| p.alive()).collect()
    }

    fn summary(actions: &[Action]) -> Vec<String> {
        actions
            .iter()
            .flat_map(|a| match a {
                Action::CreatePinnedPods { nodes, .. } => nodes
                    .iter()
                    .map(|(n, _)| format!("create on {n}"))
                    .collect(),
                Action::CreatePod(p) => {
                    vec![format!(
                        "create on {}",
                        p.pin_node.as_deref().unwrap_or("?")
                    )]
                }
                Action::DeletePod { key, .. } => vec![format!("delete {}", key.1)],
                Action::Event {
                    type_,
                    reason,
                    message,
                    ..
                } => vec![format!("{type_} {reason}: {message}")],
                Action::Requeue { at, .. } => vec![format!("requeue at {at}")],
                other => vec![format!("{other:?}")],
            })
            .collect()
    }

    fn key_on(e: &Engine, node: &str) -> NsName {
        live_on(e, node)[0].key()
    }

    #[test]
    fn creates_one_pinned_pod_per_node_with_revision_labels() {
        let d = ds(None);
        let mut e = Engine::new(1);
        for n in ["n1", "n2"] {
            apply::add_or_update_node(&mut e, NodeInfo::new(n));
        }
        let mut st = State::default();
        let actions = sync(&d, &mut st, &e.world);
        assert_eq!(summary(&actions), ["create on n1", "create on n2"]);
        let Action::CreatePinnedPods { pod: p, nodes } = &actions[0] else {
            unreachable!()
        };
        assert_eq!(nodes.len(), 2);
        assert!(p.pin_node.is_none(), "each pod's pin comes from nodes");
        assert_eq!(&*p.generate_name, "agent-");
        assert_eq!(p.namespace, "kube-system");
        assert_eq!(
            p.owner.as_deref(),
            Some(&OwnerRef::new("DaemonSet", "kube-system", "agent"))
        );
        assert_eq!(p.labels[CONTROLLER_REVISION_HASH], st.hash);
        assert_eq!(p.labels[POD_TEMPLATE_GENERATION], "1");
        assert_eq!(*p.template_hash, *st.hash);
        assert_eq!(
            [st.desired, st.current, st.ready, st.updated, st.available],
            [2, 0, 0, 0, 0]
        );
        // Through the engine, the pods get the DaemonSet tolerations and the node pin.
        let e = engine(&["n1", "n2"], &d);
        let pod = live_on(&e, "n1")[0];
        assert_eq!(get_target_node_name(&pod.full_spec()).as_deref(), Ok("n1"));
        assert!(pod
            .spec
            .tolerations
            .as_ref()
            .unwrap()
            .iter()
            .any(|t| t.key.as_deref() == Some("node.kubernetes.io/unschedulable")));
        assert_eq!(
            [state(&e).desired, state(&e).current, state(&e).ready],
            [2, 2, 2]
        );
    }

    #[test]
    fn extra_pods_on_a_node_keep_the_oldest() {
        let d = ds(None);
        let mut e = engine(&["n1", "n2"], &d);
        let oldest = key_on(&e, "n1");
        e.world.now = 5_000;
        // Someone creates two more pods for n1 (an older controller, a manual copy).
        for _ in 0..2 {
            let mut p = NewPod {
                owner: Some(std::sync::Arc::new(OwnerRef::new(
                    "DaemonSet",
                    "kube-system",
                    "agent",
                ))),
                namespace: "kube-system".into(),
                template: d.spec.template.clone().into(),
                generate_name: "agent-".into(),
                pin_node: Some("n1".into()),
                ..Default::default()
            };
            std::sync::Arc::make_mut(&mut p.labels)
                .insert(CONTROLLER_REVISION_HASH.into(), state(&e).hash.clone());
            e.create_pod(p);
        }
        e.settle();
        assert_eq!(
            live_on(&e, "n1").len(),
            1,
            "the controller deleted the extras at once"
        );
        assert_eq!(live_on(&e, "n1")[0].key(), oldest);
        let deletes = e
            .world
            .events
            .iter()
            .filter(|ev| ev.reason == "SuccessfulDelete")
            .count();
        assert_eq!(deletes, 2);
    }

    #[test]
    fn should_run_answers_are_asked_again_when_the_node_changes() {
        let d = ds(None);
        let mut e = engine(&["n1", "n2"], &d);
        assert_eq!(live_on(&e, "n1").len(), 1);
        let v1 = e.world.nodes.get("n1").unwrap().version;
        // Binding and starting pods leaves the version alone; the memo (kept by the engine between
        // syncs) holds both nodes.
        let [memo] = e.should_run_memos() else {
            panic!("one memo: {:?}", e.should_run_memos())
        };
        assert_eq!(memo.answers.len(), 2);
        assert!(memo.answers.iter().all(|(_, a)| *a == (true, true)));
        let memo = memo.clone();
        e.world
            .daemon_sets
            .get_mut(&crate::sim::world::ns_name("kube-system", "agent"))
            .unwrap()
            .state
            .should_run = memo;
        // A taint the DaemonSet does not tolerate, set without going through the engine: the
        // next full sync must see it (a stale answer would keep the pod).
        let n1 = e.world.nodes.get_mut("n1").unwrap();
        n1.info.taints.push(k8s_openapi::api::core::v1::Taint {
            key: "dedicated".into(),
            value: None,
            effect: "NoExecute".into(),
            time_added: None,
        });
        assert!(e.world.nodes.get("n1").unwrap().version > v1);
        let actions = summary(&sync_once(&mut e));
        let k = key_on(&e, "n1");
        assert_eq!(actions[0], format!("delete {}", k.1), "{actions:?}");
        assert_eq!(state(&e).should_run.answers[0].1, (false, false));
        // Another template: the memo starts over.
        let mut d2 = d.clone();
        d2.spec.template.spec.as_mut().unwrap().node_selector =
            Some([("zone".to_string(), "b".to_string())].into());
        let mut t = e
            .world
            .daemon_sets
            .remove(&crate::sim::world::ns_name("kube-system", "agent"))
            .unwrap();
        t.object = d2;
        sync(&t.object, &mut t.state, &e.world);
        assert!(t
            .state
            .should_run
            .answers
            .iter()
            .all(|(_, a)| *a == (false, false)));
    }

    #[test]
    fn daemon_sets_that_place_alike_share_their_should_run_answers() {
        let d = ds(None);
        let mut e = engine(&["n1", "n2"], &d);
        // Another DaemonSet with the same tolerations and no selector: the same answers. A third
        // with a selector: answers of its own.
        let mut same = d.clone();
        same.metadata.name = Some("same".into());
        let mut other = d.clone();
        other.metadata.name = Some("other".into());
        other.spec.template.spec.as_mut().unwrap().node_selector =
            Some([("zone".to_string(), "b".to_string())].into());
        apply::apply_object(&mut e, Object::DaemonSet(same));
        apply::apply_object(&mut e, Object::DaemonSet(other));
        e.run_until(1000, |_, _| {});
        let memos = e.should_run_memos();
        assert_eq!(memos.len(), 2, "{memos:?}");
        let answers: BTreeSet<Vec<(bool, bool)>> = memos
            .iter()
            .map(|m| m.answers.iter().map(|(_, a)| *a).collect())
            .collect();
        let expected = [vec![(true, true); 2], vec![(false, false); 2]];
        assert_eq!(answers, expected.into_iter().collect());
        // Each DaemonSet still has its own pods: two on each node, none for `other`.
        assert_eq!(live_on(&e, "n1").len(), 2);
        assert_eq!(live_on(&e, "n2").len(), 2);
    }

    #[test]
    fn failed_pods_are_deleted_with_back_off() {
        let d = ds(None);
        let mut e = engine(&["n1", "n2"], &d);
        let fail = |e: &mut Engine| {
            let k = key_on(e, "n1");
            let p = e.world.pods.get_mut(&k).unwrap();
            p.phase = Phase::Failed;
            p.ready = false;
            k
        };
        e.world.now = 10_000;
        let k = fail(&mut e);
        let actions = sync_once(&mut e);
        assert_eq!(
            summary(&actions),
            [
                format!("Warning FailedDaemonPod: Found failed daemon pod kube-system/{} on node n1, will try to kill it", k.1),
                format!("delete {}", k.1),
                format!("Normal SuccessfulDelete: Deleted pod: {}", k.1),
            ]
        );
        for a in actions {
            e.apply_action(a);
        }
        e.settle();
        assert_eq!(live_on(&e, "n1").len(), 1, "recreated");
        // It fails again within the 1s back-off: left alone, look again after the delay.
        let k2 = fail(&mut e);
        assert_eq!(summary(&sync_once(&mut e)), ["requeue at 11000"]);
        e.world.now = 11_000;
        let actions = summary(&sync_once(&mut e));
        assert_eq!(actions[1], format!("delete {}", k2.1));
        assert_eq!(
            state(&e).failed_pods_backoff[&(1, "n1".to_string())],
            Backoff {
                delay: 2_000,
                last_update: 11_000
            }
        );
        // After twice the maximum without failures the back-off starts again at 1s.
        e.world.now = 11_000 + 2 * FAILED_POD_BACKOFF_MAX + 1;
        let now = e.world.now;
        sync_once(&mut e);
        assert_eq!(
            state(&e).failed_pods_backoff[&(1, "n1".to_string())],
            Backoff {
                delay: 1_000,
                last_update: now
            }
        );
    }

    #[test]
    fn succeeded_pods_are_replaced() {
        let d = ds(None);
        let mut e = engine(&["n1"], &d);
        let k = key_on(&e, "n1");
        e.world.pods.get_mut(&k).unwrap().phase = Phase::Succeeded;
        let actions = summary(&sync_once(&mut e));
        assert_eq!(actions[0], format!("Normal SucceededDaemonPod: Found succeeded daemon pod kube-system/{} on node n1, will try to delete it", k.1));
        assert_eq!(actions[1], format!("delete {}", k.1));
    }

    #[test]
    fn unscheduled_pod_for_a_missing_node_is_deleted() {
        // A node the pod was pinned to vanished before the pod was bound: pod GC cannot see it.
        let mut d = ds(None);
        d.spec.template.spec.as_mut().unwrap().containers[0].resources =
            Some(k8s_openapi::api::core::v1::ResourceRequirements {
                requests: Some(
                    [(
                        "cpu".to_string(),
                        k8s_openapi::apimachinery::pkg::api::resource::Quantity("64".into()),
                    )]
                    .into(),
                ),
                ..Default::default()
            });
        let mut e = engine(&["n1", "n2"], &d);
        let pending: Vec<NsName> = e
            .world
            .pods
            .sorted()
            .filter(|p| p.node.is_none())
            .map(|p| p.key())
            .collect();
        assert_eq!(pending.len(), 2, "64 CPUs fit nowhere");
        e.world.nodes.get_mut("n2").unwrap().removed = Some(0);
        let actions = summary(&sync_once(&mut e));
        let n2_pod = pending
            .iter()
            .find(|k| get_target_node_name(&e.world.pods[*k].full_spec()).as_deref() == Ok("n2"))
            .unwrap();
        assert_eq!(
            actions,
            [
                format!("delete {}", n2_pod.1),
                format!("Normal SuccessfulDelete: Deleted pod: {}", n2_pod.1)
            ]
        );
    }

    #[test]
    fn rolling_update_waits_for_the_manage_step() {
        let mut d = ds(None);
        let mut e = engine(&["n1", "n2", "n3"], &d);
        d.spec.template.spec.as_mut().unwrap().containers[0].image = Some("fluentd:v2".into());
        let key = ("kube-system".to_string(), "agent".to_string());
        e.world.daemon_sets.get_mut(&key).unwrap().object = d.clone();
        // n3's pod is gone: manage recreates it (with the new template), and the rolling update
        // waits until that creation is observed, although maxUnavailable 1 would allow a deletion.
        let k3 = key_on(&e, "n3");
        e.delete_pod(&k3, None, false);
        let actions = sync_once(&mut e);
        assert_eq!(summary(&actions), ["create on n3"]);
        for a in actions {
            e.apply_action(a);
        }
        // The new pod on n3 is not available yet (not even bound): it uses the whole budget.
        assert_eq!(summary(&sync_once(&mut e)), Vec::<String>::new());
        let now = e.world.now;
        e.run_until(now, |_, _| {});
        assert!(e
            .world
            .pods
            .sorted()
            .filter(|p| p.alive())
            .all(|p| image(p) == "fluentd:v2"));
        assert_eq!((state(&e).updated, state(&e).revision), (3, 2));
    }

    fn image(p: &SimPod) -> &str {
        p.spec.containers[0].image.as_deref().unwrap_or_default()
    }

    #[test]
    fn percentages_of_desired_nodes_round_up() {
        let d = ds(rolling(Some(IntOrString::String("30%".into())), None));
        let nodes = ["n1", "n2", "n3", "n4", "n5"];
        let mut e = engine(&nodes, &d);
        let mut d2 = d.clone();
        d2.spec.template.spec.as_mut().unwrap().containers[0].image = Some("fluentd:v2".into());
        e.world
            .daemon_sets
            .get_mut(&("kube-system".to_string(), "agent".to_string()))
            .unwrap()
            .object = d2;
        // 30% of 5 desired nodes = 1.5, rounded up: two nodes at a time.
        let deletes = summary(&sync_once(&mut e))
            .iter()
            .filter(|a| a.starts_with("delete"))
            .count();
        assert_eq!(deletes, 2);
    }

    #[test]
    fn surge_and_unavailable_counts() {
        // daemonset_util_test.go / update_test.go TestGetUnavailableNumbers: percentages round up.
        let pct = |s: &str| Some(IntOrString::String(s.into()));
        let cases = [
            (None, 0, (1, 0)),
            (rolling(None, None), 10, (1, 0)),
            (rolling(pct("50%"), None), 5, (3, 0)),
            (rolling(pct("10%"), None), 5, (1, 0)),
            (rolling(Some(IntOrString::Int(0)), pct("50%")), 5, (0, 3)),
            (
                rolling(Some(IntOrString::Int(0)), Some(IntOrString::Int(1))),
                5,
                (0, 1),
            ),
            (
                Some(DaemonSetUpdateStrategy {
                    type_: Some("OnDelete".into()),
                    rolling_update: None,
                }),
                5,
                (0, 0),
            ),
        ];
        for (i, (strategy, n, want)) in cases.into_iter().enumerate() {
            let d = ds(strategy);
            assert_eq!(
                (
                    unavailable_count(&d, n).unwrap(),
                    surge_count(&d, n).unwrap()
                ),
                want,
                "case {i}"
            );
        }
        assert!(allows_surge(&ds(rolling(
            Some(IntOrString::Int(0)),
            Some(IntOrString::String("1%".into()))
        ))));
        assert!(!allows_surge(&ds(None)));
    }

    #[test]
    fn node_selector_column_formats_labels() {
        let mut d = ds(None);
        assert_eq!(node_selector_column(&d), "<none>");
        d.spec.template.spec.as_mut().unwrap().node_selector = Some(
            [
                ("os".to_string(), "centos".to_string()),
                ("disk".to_string(), "ssd".to_string()),
            ]
            .into(),
        );
        assert_eq!(node_selector_column(&d), "disk=ssd,os=centos");
    }

    #[test]
    fn history_bumps_generation_and_revisions() {
        let mut d = ds(None);
        d.spec.revision_history_limit = Some(1);
        let mut st = State::default();
        let h1 = template_hash(&d);
        st.observe_template(&d, &h1, BTreeSet::new);
        assert_eq!((st.template_generation, st.revision), (1, 1));
        d.spec.template.spec.as_mut().unwrap().containers[0].image = Some("fluentd:v2".into());
        let h2 = template_hash(&d);
        assert_ne!(h1, h2);
        st.observe_template(&d, &h2, BTreeSet::new);
        assert_eq!((st.template_generation, st.revision), (2, 2));
        // Rolling back to v1 makes it revision 3; the limit of 1 old revision keeps v2 only.
        st.observe_template(&d, &h1, BTreeSet::new);
        assert_eq!((st.template_generation, st.revision), (3, 3));
        assert_eq!(
            st.history,
            vec![
                Revision {
                    revision: 2,
                    hash: h2.clone()
                },
                Revision {
                    revision: 3,
                    hash: h1.clone()
                }
            ]
        );
        let h3 = "zzz".to_string();
        st.observe_template(&d, &h3, || [h2.clone()].into());
        assert_eq!(
            st.history.iter().map(|r| r.revision).collect::<Vec<_>>(),
            vec![2, 4],
            "v2 is live, v1 is dropped"
        );
    }
}
