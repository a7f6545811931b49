//! The discrete-event engine: integer virtual time, an event queue ordered by (time, sequence), and a
//! settle loop that runs dirty controllers and the scheduler until nothing changes, after every batch of
//! events at one instant. Controllers react with zero latency; kubelet timings come from the pods'
//! `kubeplay.io/*` annotations.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, BinaryHeap};
use std::sync::Arc;

use k8s_openapi::api::core::v1::{PodSpec, PodTemplateSpec, Taint, Toleration};

use super::rng::Rng;
use super::world::{ns_name, Behaviour, Message, NsName, OwnerRef, Phase, PodMeta, SimPod, World};
use crate::controllers::{self, Action, NewPod};
use crate::duration::{self, Millis};
use crate::nodes;
use crate::scheduler::{self, NodeUsage};

/// Annotation names kubeplay reads on pod templates.
pub const ANN_STARTUP: &str = "kubeplay.io/startup";
pub const ANN_DURATION: &str = "kubeplay.io/duration";
pub const ANN_EXIT_CODES: &str = "kubeplay.io/exit-codes";

/// The kubelet's container restart back-off: 10s doubling, capped at 5 minutes
/// (pkg/kubelet/kubelet.go `backOffPeriod`, `MaxContainerBackOff`).
pub fn crash_loop_backoff(restarts: i32) -> Millis {
    // restarts = how many times the container was restarted already (>= 1 here).

    let n = restarts.clamp(1, 16) as u32;
    (10_000i64 << (n - 1)).min(300_000)
}

/// `node-monitor-grace-period`: how long after a node stops responding the node lifecycle controller
/// marks it NotReady/Unknown and taints it (pkg/controller/nodelifecycle; 50s since v1.32).
pub const NODE_MONITOR_GRACE: Millis = 50_000;

/// `DefaultTolerationSeconds` admission plugin: every pod without them tolerates not-ready and
/// unreachable NoExecute taints for 300s (plugin/pkg/admission/defaulttolerationseconds).
pub const DEFAULT_TOLERATION_SECONDS: i64 = 300;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Ev {
    /// Scenario step (index into the scenario).
    Step(usize),
    /// The container of the pod in a [`super::world::Store`] slot starts (after
    /// `kubeplay.io/startup`, or after a restart back-off), if it is still on that run.
    Start(u32, u32),
    /// The container of the pod in a slot exits (after `kubeplay.io/duration`).
    Exit(u32, u32),
    /// Call a controller again.
    Requeue(OwnerRef),
    /// NoExecute taint eviction timer of a pod on a node.
    Evict(NsName, String),
    /// The node lifecycle controller notices a node that stopped responding.
    NodeUnreachable(String, u32),
}

type Labels = BTreeMap<String, String>;

/// What `Engine::pod_metadata` made for the last pod, and from what.
#[derive(Debug, Clone)]
struct MetaCache {
    template: Arc<PodTemplateSpec>,
    default_duration: Option<Millis>,
    added_labels: Arc<Labels>,
    added_annotations: Arc<Labels>,
    labels: Arc<Labels>,
    annotations: Arc<Labels>,
    behaviour: Behaviour,
}

/// The node-only filters' answers on the live nodes for one admitted spec (one scheduling pass).
type NodeVerdicts = (Arc<PodSpec>, Vec<Result<(), scheduler::FilterFailure>>);

/// The engine: world, clock, queue, randomness, and the bookkeeping of what must be reconciled.
#[derive(Debug, Clone)]
pub struct Engine {
    pub world: World,
    queue: BinaryHeap<Reverse<(Millis, u64, Ev)>>,
    seq: u64,
    pub(crate) rng: Rng,
    uid: u64,
    dirty: BTreeSet<OwnerRef>,
    /// Unbound pods waiting for the scheduler, in creation order.
    pending: super::world::SlotSet,
    /// Set when nodes or node usage changed: unschedulable pods are retried.
    cluster_changed: bool,
    /// Per node: bumped when it goes down/up so a stale unreachable timer is dropped.
    node_gen: BTreeMap<String, u32>,
    start_unix_ms: i64,
    /// Stop once this many events were recorded (see [`super::Options::max_events`]).
    pub max_events: usize,
    /// Where the run stopped early because of `max_events`.
    pub truncated_at: Option<Millis>,
    /// What each dirty DaemonSet's next sync must look at: the nodes whose node object or daemon
    /// pods changed, or None for a full sync.
    ds_scope: BTreeMap<OwnerRef, Option<BTreeSet<String>>>,
    /// DaemonSets' should-run answers between their syncs, one memo per placement key: DaemonSets
    /// whose templates place pods alike (same selector, affinity, tolerations) share them. Lent to a
    /// DaemonSet's state for its sync and taken back after.
    should_run_pool: controllers::daemon_set::ShouldRunPool,
    /// An owner [`Engine::pod_changed`] queued with nothing left to add: in `dirty`, and for a
    /// DaemonSet with a full scope. Until `settle` takes an owner out of `dirty` again, another
    /// change to one of its pods has nothing to do (a wave of 5,000 binds asked 5,000 times).
    queued_in_full: Option<Arc<OwnerRef>>,
    /// The last pod's metadata (see `pod_metadata`).
    meta_cache: Option<Box<MetaCache>>,
    /// The last template a pod was created from and its admitted spec (see `admitted_spec`).
    #[allow(clippy::type_complexity)]
    spec_cache: Option<(
        Arc<PodTemplateSpec>,
        bool,
        Arc<PodSpec>,
        Arc<scheduler::PodRequests>,
    )>,
}

impl Engine {
    pub fn new(seed: u64) -> Self {
        Self {
            world: World::default(),
            queue: BinaryHeap::new(),
            seq: 0,
            rng: Rng::new(seed),
            uid: 0,
            dirty: BTreeSet::new(),
            pending: Default::default(),
            cluster_changed: false,
            node_gen: BTreeMap::new(),
            start_unix_ms: 0,
            max_events: usize::MAX,
            truncated_at: None,
            spec_cache: None,
            meta_cache: None,
            ds_scope: BTreeMap::new(),
            should_run_pool: Default::default(),
            queued_in_full: None,
        }
    }

    /// The wall-clock time (Unix milliseconds) virtual time 0 stands for.
    pub fn start_unix_ms(&self) -> i64 {
        self.start_unix_ms
    }

    pub fn set_start(&mut self, unix_ms: i64) {
        self.start_unix_ms = unix_ms;
        self.world.start_unix_ms = unix_ms;
    }

    pub(crate) fn push(&mut self, at: Millis, ev: Ev) {
        self.seq += 1;
        self.queue.push(Reverse((at, self.seq, ev)));
    }

    /// The owner must be synced in full (its object changed, a requeue, ...).
    pub(crate) fn mark_dirty(&mut self, owner: OwnerRef) {
        if owner.kind == "DaemonSet" {
            self.ds_scope.insert(owner.clone(), None);
        }
        self.dirty.insert(owner);
    }

    /// A pod changed (created, bound, started, ready, exited, deleted): its owner is synced, a
    /// DaemonSet only for the pod's node (see [`controllers::daemon_set::sync_scoped`]).
    pub(crate) fn pod_changed(&mut self, key: &NsName) {
        if let Some(slot) = self.world.pods.slot_of(key) {
            self.pod_changed_at(slot);
        }
    }

    /// [`Engine::pod_changed`] for the pod in a store slot.
    fn pod_changed_at(&mut self, slot: u32) {
        // Called for every pod change: nothing is cloned when the owner is already queued.
        let Some(p) = self.world.pods.at(slot) else {
            return;
        };
        let Some(owner) = &p.owner else {
            return;
        };
        if self
            .queued_in_full
            .as_ref()
            .is_some_and(|q| Arc::ptr_eq(q, owner))
        {
            return;
        }
        let full = if owner.kind == "DaemonSet" {
            scope_node(
                &mut self.ds_scope,
                owner,
                p.target_node(),
                self.world.nodes.len(),
            );
            matches!(self.ds_scope.get(&**owner), Some(None))
        } else {
            true
        };
        if !self.dirty.contains(&**owner) {
            self.dirty.insert(OwnerRef::clone(owner));
        }
        if full {
            self.queued_in_full = Some(owner.clone());
        }
    }

    /// A node was added, changed or removed (`before` is how it was): pending pods are retried, and
    /// the DaemonSets whose answer for this node changed are synced, as the DaemonSet controller's
    /// `addNode`/`updateNode` enqueue only those (daemon_controller.go `shouldIgnoreNodeUpdate`).
    pub(crate) fn nodes_changed(&mut self, node: &str, before: Option<&crate::nodes::NodeInfo>) {
        self.cluster_changed = true;
        let after = self
            .world
            .nodes
            .get(node)
            .filter(|n| n.removed.is_none())
            .map(|n| &n.info);
        use controllers::daemon_set::placement::{same_placement, Evaluator};
        let empty = PodSpec::default();
        let mut wake = Vec::new();
        // Whether the answer changed, per template placing pods differently: DaemonSets that place
        // alike get the same answers (see `should_run_pool`).
        let mut changed: Vec<(&PodSpec, bool)> = Vec::new();
        for (key, t) in &self.world.daemon_sets {
            let (ns, name) = &**key;
            if t.deleted.is_some() {
                continue;
            }
            let spec = t.object.spec.template.spec.as_ref().unwrap_or(&empty);
            let known = changed.iter().find(|(s, _)| same_placement(s, spec));
            let differs = match known {
                Some(&(_, differs)) => differs,
                None => {
                    let ev = Evaluator::new(spec);
                    let answer = |n: Option<&crate::nodes::NodeInfo>| {
                        n.map_or((false, false), |n| ev.should_run(n))
                    };
                    let differs = answer(before) != answer(after);
                    changed.push((spec, differs));
                    differs
                }
            };
            if differs {
                wake.push(OwnerRef::new("DaemonSet", ns, name));
            }
        }
        let nodes = self.world.nodes.len();
        for owner in wake {
            scope_node(&mut self.ds_scope, &owner, Some(node), nodes);
            self.dirty.insert(owner);
        }
    }

    /// Runs until `end` (inclusive): events in (time, sequence) order, settling after each instant.
    pub fn run_until(&mut self, end: Millis, mut on_step: impl FnMut(&mut Engine, usize)) {
        loop {
            self.settle();
            if self.world.events.len() > self.max_events {
                // A guard for the page: a run this large would freeze the tab and exhaust memory.
                let now = self.world.now;
                let msg = format!(
                    "kubeplay stopped the simulation at {} after {} events (the limit is {}): simulate a shorter time or fewer objects",
                    duration::format(now),
                    self.world.events.len(),
                    self.max_events
                );
                self.world.event(
                    "Warning",
                    "SimulationTruncated",
                    "Simulation",
                    "",
                    "kubeplay",
                    msg,
                );
                self.truncated_at = Some(now);
                return;
            }
            let Some(Reverse((t, _, _))) = self.queue.peek() else {
                break;
            };
            let t = *t;
            if t > end {
                break;
            }
            self.world.now = t;
            while let Some(Reverse((t2, _, _))) = self.queue.peek() {
                if *t2 != t {
                    break;
                }
                let Some(Reverse((_, _, ev))) = self.queue.pop() else {
                    break;
                };
                match ev {
                    Ev::Step(i) => on_step(self, i),
                    other => self.handle(other),
                }
            }
        }
        self.world.now = self.world.now.max(end);
    }

    fn handle(&mut self, ev: Ev) {
        match ev {
            Ev::Step(_) => {}
            Ev::Start(slot, gen) => self.container_start(slot, gen),
            Ev::Exit(slot, gen) => self.container_exit(slot, gen),
            Ev::Requeue(owner) => self.mark_dirty(owner),
            Ev::Evict(key, node) => {
                let still = self
                    .world
                    .pods
                    .get(&key)
                    .is_some_and(|p| p.alive() && p.node.as_deref() == Some(&node));
                if still && self.untolerated_noexecute(&key, &node).is_some() {
                    if let Some(p) = self.world.pods.get_mut(&key) {
                        p.conditions
                            .push(("DisruptionTarget".into(), "DeletionByTaintManager".into()));
                    }
                    self.world.event(
                        "Normal",
                        "TaintManagerEviction",
                        "Pod",
                        &key.0,
                        &key.1,
                        format!("Marking for deletion Pod {}/{}", key.0, key.1),
                    );
                    self.delete_pod(&key, Some("DeletionByTaintManager"), false);
                }
            }
            Ev::NodeUnreachable(node, gen) => {
                if self.node_gen.get(&node) == Some(&gen) {
                    self.node_unreachable(&node);
                }
            }
        }
    }

    /// Reconciles until quiet: dirty controllers, then the scheduler.
    pub fn settle(&mut self) {
        for _ in 0..10_000 {
            if let Some(owner) = self.dirty.pop_first() {
                self.queued_in_full = None;
                let actions = self.sync(&owner);
                for a in actions {
                    self.apply_action(a);
                }
                continue;
            }
            if !self.schedule_pending() {
                break;
            }
        }
    }

    fn sync(&mut self, owner: &OwnerRef) -> Vec<Action> {
        let key = ns_name(owner.namespace.clone(), owner.name.clone());
        let w = &mut self.world;
        macro_rules! run {
            ($map:ident, $module:path) => {{
                let Some(mut t) = w.$map.remove(&key) else {
                    return Vec::new();
                };
                if t.deleted.is_some() {
                    w.$map.insert(key.clone(), t);
                    return Vec::new();
                }
                use $module as m;
                let actions = m::sync(&t.object, &mut t.state, w);
                w.$map.insert(key.clone(), t);
                actions
            }};
        }
        match owner.kind.as_str() {
            "ReplicaSet" => {
                let before = w.replica_sets.get(&key).map(|t| t.state.clone());
                let actions = run!(replica_sets, controllers::replica_set);
                let after = w.replica_sets.get(&key).map(|t| t.state.clone());
                if before == after {
                    return actions;
                }
                // The owning Deployment reads its ReplicaSets' status (deployment_controller.go
                // `updateReplicaSet` enqueues the owner).
                let owner = w.replica_sets.get(&key).and_then(|rs| {
                    super::apply::owner_of(&rs.object.metadata)
                        .filter(|(kind, _)| *kind == "Deployment")
                        .map(|(_, name)| OwnerRef::new("Deployment", &key.0, name))
                });
                if let Some(o) = owner {
                    self.dirty.insert(o);
                }
                actions
            }
            "Deployment" => run!(deployments, controllers::deployment),
            "DaemonSet" => {
                let scope = self.ds_scope.remove(owner).flatten();
                let w = &mut self.world;
                let Some(mut t) = w.daemon_sets.remove(&key) else {
                    return Vec::new();
                };
                let actions = if t.deleted.is_some() {
                    Vec::new()
                } else {
                    self.should_run_pool.lend(&t.object, &mut t.state);
                    let actions = controllers::daemon_set::sync_scoped(
                        &t.object,
                        &mut t.state,
                        w,
                        scope.as_ref(),
                    );
                    let keep = w.daemon_sets.len() + 1;
                    self.should_run_pool.take_back(&mut t.state, keep);
                    actions
                };
                w.daemon_sets.insert(key, t);
                actions
            }
            "Job" => {
                let actions = run!(jobs, controllers::job);
                self.record_job(&key);
                actions
            }
            "CronJob" => run!(cron_jobs, controllers::cron_job),
            _ => Vec::new(),
        }
    }

    /// Copies a Job's status into its timeline record; a change wakes the owning CronJob.
    fn record_job(&mut self, key: &NsName) {
        let Some(t) = self.world.jobs.get(key) else {
            return;
        };
        let st = &t.state;
        let Some(r) = self.world.job_records.get_mut(key) else {
            return;
        };
        let before = (r.status.clone(), r.finished);
        r.status = st.status.clone();
        if r.status.is_empty() {
            r.status = "Running".into();
        }
        r.reason = st.reason.clone().or(r.reason.take());
        r.succeeded = st.succeeded;
        r.failed = st.failed;
        r.finished = st.finish_time.or(r.finished);
        if (r.status.clone(), r.finished) != before {
            if let Some(cj) = r.cron_job.clone() {
                self.dirty.insert(OwnerRef::new("CronJob", &key.0, &cj));
            }
        }
    }

    pub(crate) fn apply_action(&mut self, a: Action) {
        match a {
            Action::CreatePod(p) => {
                self.create_pod(*p);
            }
            Action::CreatePinnedPods { pod, nodes } => {
                for (node, slot) in nodes {
                    self.create_pod(NewPod {
                        pin_node: Some(node),
                        pin_slot: Some(slot),
                        ..NewPod::clone(&pod)
                    });
                }
            }
            Action::DeletePod { key, reason, fail } => {
                self.delete_pod(&key, reason.as_deref(), fail);
            }
            Action::Event {
                type_,
                reason,
                kind,
                namespace,
                name,
                message,
            } => {
                self.world
                    .event(type_, reason, &kind, &namespace, &name, message);
            }
            Action::Requeue { owner, at } => {
                let at = at.max(self.world.now);
                self.push(at, Ev::Requeue(owner));
            }
            Action::CreateJob(j) => super::apply::create_job(self, *j),
            Action::DeleteJob { key, reason } => {
                super::apply::delete_job(self, &key, reason.as_deref())
            }
            Action::ScaleReplicaSet { key, replicas } => {
                if let Some(rs) = self.world.replica_sets.get_mut(&key) {
                    rs.object.spec.replicas = Some(replicas);
                    self.dirty
                        .insert(OwnerRef::new("ReplicaSet", &key.0, &key.1));
                }
            }
            Action::CreateReplicaSet(rs) => super::apply::create_replica_set(self, *rs),
            Action::DeleteReplicaSet { key } => {
                let now = self.world.now;
                if let Some(rs) = self.world.replica_sets.get_mut(&key) {
                    rs.deleted.get_or_insert(now);
                }
                let owner = OwnerRef::new("ReplicaSet", &key.0, &key.1);
                for p in self.world.owned_keys(&owner) {
                    self.delete_pod(&p, None, false);
                }
            }
        }
    }

    /// Creates a pod as the API server would after admission: generated name, DaemonSet tolerations
    /// and node pin, the DefaultTolerationSeconds tolerations, and the kubeplay behaviour.
    pub fn create_pod(&mut self, mut p: NewPod) -> NsName {
        // A generated name is looked up once: the hash that found it free stores it.
        let (key, vacant) = match p.name.take() {
            Some(k) => (k, None),
            None => {
                // Sized for the suffix: growing the name by it was a reallocation per pod.
                let name = String::with_capacity(p.generate_name.len() + 5);
                let mut key = (std::mem::take(&mut p.namespace), name);
                loop {
                    key.1.clear();
                    key.1.push_str(&p.generate_name);
                    self.rng.push_suffix(&mut key.1, 5);
                    if let Some(h) = self.world.pods.vacant(&key) {
                        break (Arc::new(key), Some(h));
                    }
                }
            }
        };
        let (labels, annotations, behaviour) = self.pod_metadata(
            &p.template,
            p.default_duration,
            p.labels.clone(),
            p.annotations.clone(),
        );
        // The pod's own annotations may ask for a behaviour of their own (exit codes by index).
        let own_behaviour = p
            .own_annotations
            .iter()
            .any(|(k, _)| k.starts_with("kubeplay.io/"));
        let labels = PodMeta::new(labels, std::mem::take(&mut p.own_labels));
        let annotations = PodMeta::new(annotations, std::mem::take(&mut p.own_annotations));
        let behaviour = if own_behaviour {
            behaviour_of(&annotations.to_map(), p.default_duration)
        } else {
            behaviour
        };
        let (spec, resources) = self.admitted_spec(&p.template, p.pin_node.is_some());
        let requests = (resources.cpu_milli, resources.memory);
        self.uid += 1;
        let pod = SimPod {
            key: key.clone(),
            uid: self.uid,
            owner: p.owner.clone(),
            labels,
            annotations,
            spec,
            hostname: p.hostname,
            pin_slot: p.pin_slot.or_else(|| {
                p.pin_node
                    .as_deref()
                    .and_then(|n| self.world.nodes.slot_of(n))
            }),
            pin: p.pin_node,
            resources,
            template_hash: p.template_hash,
            node: None,
            node_slot: None,
            created: self.world.now,
            scheduled: None,
            started: None,
            finished: None,
            deleted: None,
            phase: Phase::Pending,
            ready: false,
            ready_since: None,
            exit_code: None,
            restarts: 0,
            reason: None,
            message: None,
            index: p.index,
            behaviour,
            attempt: p.attempt,
            run_gen: 0,
            last_exit: None,
            requests,
            waiting_reason: None,
            scheduling_message: None,
            conditions: Vec::new(),
        };
        let pin_slot = pod.pin_slot;
        let slot = match vacant {
            Some(h) => self.world.pods.insert_vacant(h, key.clone(), pod),
            None => self.world.pods.insert(key.clone(), pod).0,
        };
        if let Some(o) = &p.owner {
            self.world.created_pod_event(o, &key);
            match self.world.pods_by_owner.get_mut(o) {
                Some(set) => set.insert(slot),
                None => {
                    let mut set = super::world::SlotSet::default();
                    set.insert(slot);
                    self.world.pods_by_owner.insert(OwnerRef::clone(o), set);
                }
            }
            // No re-sync for the controller's own creations (upstream's expectations): the bind and
            // start of the pod wake it.
        }
        self.pending.insert(slot);
        if let Some(pin) = pin_slot {
            self.world.nodes.at_mut(pin).pinned.insert(key.clone());
        }
        key
    }

    /// A new pod's labels and annotations (the template's plus the controller's) and the kubeplay
    /// behaviour they ask for. Consecutive pods of one template with the same additions share them.
    fn pod_metadata(
        &mut self,
        template: &Arc<PodTemplateSpec>,
        default_duration: Option<Millis>,
        added_labels: Arc<Labels>,
        added_annotations: Arc<Labels>,
    ) -> (Arc<Labels>, Arc<Labels>, Behaviour) {
        let same = |a: &Arc<Labels>, b: &Arc<Labels>| Arc::ptr_eq(a, b) || a == b;
        if let Some(c) = &self.meta_cache {
            if Arc::ptr_eq(&c.template, template)
                && c.default_duration == default_duration
                && same(&c.added_labels, &added_labels)
                && same(&c.added_annotations, &added_annotations)
            {
                return (c.labels.clone(), c.annotations.clone(), c.behaviour.clone());
            }
        }
        let meta = template.metadata.as_ref();
        let mut labels: Labels = meta.and_then(|m| m.labels.clone()).unwrap_or_default();
        labels.extend(added_labels.iter().map(|(k, v)| (k.clone(), v.clone())));
        let mut annotations: Labels = meta.and_then(|m| m.annotations.clone()).unwrap_or_default();
        annotations.extend(
            added_annotations
                .iter()
                .map(|(k, v)| (k.clone(), v.clone())),
        );
        let behaviour = behaviour_of(&annotations, default_duration);
        let c = MetaCache {
            template: template.clone(),
            default_duration,
            added_labels,
            added_annotations,
            labels: Arc::new(labels),
            annotations: Arc::new(annotations),
            behaviour,
        };
        let out = (c.labels.clone(), c.annotations.clone(), c.behaviour.clone());
        self.meta_cache = Some(Box::new(c));
        out
    }

    /// The spec the API server admits for a pod of `template`: plus the DaemonSet tolerations for a
    /// DaemonSet pod (`AddOrUpdateDaemonPodTolerations`) and the `DefaultTolerationSeconds` ones,
    /// with its scheduler requests. Consecutive pods of one template share the result, and so do
    /// consecutive owners with equal templates (every Job a CronJob creates carries its own copy of
    /// the same template: comparing is far cheaper than admitting a new spec and dropping the old).
    fn admitted_spec(
        &mut self,
        template: &Arc<PodTemplateSpec>,
        daemon: bool,
    ) -> (Arc<PodSpec>, Arc<scheduler::PodRequests>) {
        if let Some((t, d, spec, req)) = &self.spec_cache {
            if *d == daemon && (Arc::ptr_eq(t, template) || t.spec == template.spec) {
                return (spec.clone(), req.clone());
            }
        }
        let mut spec: PodSpec = template.spec.clone().unwrap_or_default();
        if daemon {
            controllers::daemon_set::util::add_or_update_daemon_pod_tolerations(&mut spec);
        }
        add_default_toleration_seconds(&mut spec);
        let req = Arc::new(scheduler::pod_requests(&spec));
        let spec = Arc::new(spec);
        self.spec_cache = Some((template.clone(), daemon, spec.clone(), req.clone()));
        (spec, req)
    }

    /// Deletes a pod (kubeplay treats graceful termination as immediate).
    pub fn delete_pod(&mut self, key: &NsName, reason: Option<&str>, fail: bool) {
        let now = self.world.now;
        let Some(pod) = self.world.pods.get_mut(key) else {
            return;
        };
        if pod.deleted.is_some() {
            return;
        }
        let was_active = pod.active();
        if fail && was_active {
            pod.phase = Phase::Failed;
            pod.finished = Some(now);
        }
        if let Some(r) = reason {
            pod.reason = Some(r.to_string());
        }
        pod.deleted = Some(now);
        pod.ready = false;
        let owner = pod.owner.clone();
        let node = pod.node_slot;
        let pin = pod.pin_slot;
        let spec_requests = pod.resources.clone();
        if was_active && pod.phase == Phase::Running {
            if let Some(c) = pod.spec.containers.first() {
                let msg = format!("Stopping container {}", c.name);
                self.world
                    .event("Normal", "Killing", "Pod", &key.0, &key.1, msg);
            }
        }
        if let Some(slot) = pin {
            self.world.nodes.at_mut(slot).pinned.remove(key);
        }
        if let Some(slot) = node {
            let sn = self.world.nodes.at_mut(slot);
            sn.pods.remove(key);
            if was_active {
                sn.usage.remove(&spec_requests);
                self.cluster_changed = true;
            }
        }
        let slot = self.world.pods.slot_of(key);
        if let Some(o) = owner {
            if let (Some(set), Some(s)) = (self.world.pods_by_owner.get_mut(&o), slot) {
                set.remove(s);
            }
            self.pod_changed(key);
        }
        if let Some(s) = slot {
            self.pending.remove(s);
        }
        // A deleted pod stays in the timeline with its spec: pods of one template share it
        // (`admitted_spec`), so keeping it costs little. A timeline without pods forgets it (a
        // year of CronJob runs would otherwise keep half a million).
        if self.world.record == super::Record::Jobs {
            self.world.pods.remove(key);
        }
    }

    /// Tries to bind pending pods. Returns whether anything changed.
    fn schedule_pending(&mut self) -> bool {
        if self.pending.is_empty() {
            return false;
        }
        let retry_all = std::mem::take(&mut self.cluster_changed);
        let mut changed = false;
        // Binding never adds or removes pending pods, so the set is taken and the unbound put back.
        let candidates = std::mem::take(&mut self.pending);
        let total = self.live_node_count();
        // Nodes do not change during a pass (binding changes only what runs on them): the pods of
        // one spec share the node-only filters' answers.
        let mut verdicts = None;
        for slot in candidates.iter() {
            let Some(pod) = self.world.pods.at(slot) else {
                continue;
            };
            if !retry_all && pod.scheduling_message.is_some() {
                self.pending.insert(slot);
                continue;
            }
            let result = self.try_schedule(pod, total, &mut verdicts);
            match result {
                Ok(node) => {
                    self.bind(slot, node);
                    changed = true;
                }
                Err(f) => {
                    self.pending.insert(slot);
                    let pod = self.world.pods.at_mut(slot).expect("pod exists");
                    let key = pod.key.clone();
                    if pod.scheduling_message.as_deref() != Some(f.message.as_str()) {
                        pod.scheduling_message = Some(f.message.clone());
                        // The owner sees its new pod (the informer's add event) even if it stays
                        // Pending; bound pods wake it through bind().
                        self.pod_changed_at(slot);
                        self.world.event(
                            "Warning",
                            "FailedScheduling",
                            "Pod",
                            &key.0,
                            &key.1,
                            f.message,
                        );
                        changed = true;
                    }
                }
            }
        }
        changed
    }

    /// One scheduling cycle for a pod. With a NodeAffinity PreFilter result (a DaemonSet pod's
    /// `metadata.name` pin) only the named nodes are filtered, as upstream's `findNodesThatFitPod`.
    /// The answer is the chosen node's [`super::world::NodeMap`] slot.
    fn try_schedule(
        &self,
        pod: &SimPod,
        total: usize,
        verdicts: &mut Option<NodeVerdicts>,
    ) -> Result<u32, scheduler::ScheduleFailure> {
        match self.pinned_fit(pod) {
            Some(slot) => Ok(slot),
            None => self.scheduling_cycle(pod, total, verdicts).map(|node| {
                self.world
                    .nodes
                    .slot_of(&node)
                    .expect("the scheduler picks an existing node")
            }),
        }
    }

    /// [`Self::try_schedule`] without the [`Self::pinned_fit`] shortcut.
    fn scheduling_cycle(
        &self,
        pod: &SimPod,
        total: usize,
        verdicts: &mut Option<NodeVerdicts>,
    ) -> Result<String, scheduler::ScheduleFailure> {
        let pinned;
        let affinity = match &pod.pin {
            Some(node) => {
                let mut a = pod.spec.affinity.clone();
                controllers::daemon_set::util::pin_affinity(&mut a, node);
                pinned = a;
                pinned.as_ref()
            }
            None => pod.spec.affinity.as_ref(),
        };
        let prepared = scheduler::PreparedPod::with_affinity(
            &pod.spec,
            affinity,
            scheduler::PodRequests::clone(&pod.resources),
        );
        fn live(n: &&super::world::SimNode) -> bool {
            n.removed.is_none()
        }
        fn view(n: &super::world::SimNode) -> (&crate::nodes::NodeInfo, &NodeUsage) {
            (&n.info, &n.usage)
        }
        match &prepared.prefilter {
            scheduler::PreFilter::NodeNames(names) => {
                let nodes: Vec<_> = names
                    .iter()
                    .filter_map(|name| self.world.nodes.get(name))
                    .filter(live)
                    .map(view)
                    .collect();
                prepared.schedule(total, nodes)
            }
            _ => {
                let nodes: Vec<_> = self.world.nodes.values().filter(live).map(view).collect();
                if pod.pin.is_some() {
                    return prepared.schedule(total, nodes);
                }
                let known = verdicts
                    .as_ref()
                    .is_some_and(|(s, v)| Arc::ptr_eq(s, &pod.spec) && v.len() == nodes.len());
                if !known {
                    let v = prepared.node_verdicts(nodes.iter().map(|(n, _)| *n));
                    *verdicts = Some((pod.spec.clone(), v));
                }
                let v = verdicts.as_ref().map(|(_, v)| v.as_slice());
                prepared.schedule_with(total, nodes, v)
            }
        }
    }

    /// The common case of a DaemonSet pod, answered without building its pinned affinity: its node
    /// exists and passes every filter. Pinned, the pod's required node affinity is the single
    /// `metadata.name` term, which that node matches; so the node passes the pinned pod's filters
    /// exactly when it passes them for the pod without required node affinity terms (nodeSelector
    /// still applies), and with one candidate there is nothing to score. Anything else (no such
    /// node, a filter failing: the FailedScheduling message names every node) takes the full cycle.
    fn pinned_fit(&self, pod: &SimPod) -> Option<u32> {
        let slot = pod.pin_slot?;
        let node_affinity = pod
            .spec
            .affinity
            .as_ref()
            .and_then(|a| a.node_affinity.as_ref());
        let required = node_affinity.and_then(|na| {
            na.required_during_scheduling_ignored_during_execution
                .as_ref()
        });
        if required.is_some() || pod.spec.node_name.is_some() {
            return None;
        }
        let node = Some(self.world.nodes.at(slot)).filter(|n| n.removed.is_none())?;
        let prepared = scheduler::PreparedPod::with_affinity(
            &pod.spec,
            pod.spec.affinity.as_ref(),
            scheduler::PodRequests::clone(&pod.resources),
        );
        prepared.filter_node_only(&node.info).ok()?;
        prepared.filter_usage(&node.info, &node.usage).ok()?;
        Some(slot)
    }

    fn live_node_count(&self) -> usize {
        self.world
            .nodes
            .values()
            .filter(|n| n.removed.is_none())
            .count()
    }

    /// Binds the pod in store slot `pod_slot` to the node in `slot`.
    fn bind(&mut self, pod_slot: u32, slot: u32) {
        let now = self.world.now;
        let pod = self.world.pods.at_mut(pod_slot).expect("pod exists");
        let key = &pod.key.clone();
        let sn = self.world.nodes.at_mut(slot);
        pod.node = Some(sn.name.clone());
        pod.node_slot = Some(slot);
        pod.scheduled = Some(now);
        let pin = pod.pin_slot;
        pod.scheduling_message = None;
        let req = pod.resources.clone();
        let startup = pod.behaviour.startup;
        let gen = pod.run_gen;
        let owner = pod.owner.is_some();
        sn.usage.add(&req);
        sn.pods.insert(key.clone());
        let node_name = sn.name.clone();
        let no_execute = sn.info.taints.iter().any(|t| t.effect == "NoExecute");
        if let Some(p) = pin {
            self.world.nodes.at_mut(p).pinned.remove(key);
        }
        self.world.pod_event(
            "Scheduled",
            key,
            Message::Assigned(key.clone(), node_name.clone()),
        );
        if owner {
            self.pod_changed_at(pod_slot);
        }
        if startup == 0 {
            // No startup delay: the kubelet starts it in the same instant (saves a queue round trip
            // and a controller sync per pod wave).
            self.container_start(pod_slot, gen);
        } else {
            self.push(now + startup, Ev::Start(pod_slot, gen));
        }
        // A pod bound to a node with an untolerated NoExecute taint is evicted as the taint manager would.
        if no_execute {
            self.check_noexecute(key, &node_name);
        }
    }

    /// The container of the pod in store slot `pod_slot` starts, if it is still on run `gen`.
    fn container_start(&mut self, pod_slot: u32, gen: u32) {
        let now = self.world.now;
        let Some(pod) = self.world.pods.at_mut(pod_slot) else {
            return;
        };
        let Some(slot) = pod.node_slot else {
            return;
        };
        let node = self.world.nodes.at(slot);
        if node.removed.is_some() || !node.info.ready {
            // The kubelet is down: the container starts when the node comes back.
            return;
        }
        if pod.deleted.is_some()
            || pod.run_gen != gen
            || !matches!(pod.phase, Phase::Pending | Phase::Running)
        {
            return;
        }
        let key = &pod.key.clone();
        let first = pod.started.is_none();
        if !first {
            // The kubelet counts a restart when it starts the container again (after the back-off).
            pod.restarts += 1;
            if pod.restarts == 1 {
                self.world.restarted.push(key.clone());
            }
        }
        pod.phase = Phase::Running;
        pod.started.get_or_insert(now);
        pod.ready = true;
        pod.ready_since = Some(now);
        pod.waiting_reason = None;
        let duration = pod.behaviour.duration;
        let spec = pod.spec.clone();
        let owner = pod.owner.is_some();
        if !spec.containers.is_empty() {
            if first {
                self.world
                    .pod_event("Pulled", key, Message::ImagePresent(spec.clone()));
            }
            self.world
                .pod_event("Created", key, Message::CreatedContainer(spec.clone()));
            self.world
                .pod_event("Started", key, Message::StartedContainer(spec));
        }
        if let Some(d) = duration {
            self.push(now + d, Ev::Exit(pod_slot, gen));
        }
        if owner {
            self.pod_changed_at(pod_slot);
        }
    }

    /// The container of the pod in store slot `pod_slot` exits, if it is still on run `gen`.
    fn container_exit(&mut self, pod_slot: u32, gen: u32) {
        let now = self.world.now;
        let Some(pod) = self.world.pods.at_mut(pod_slot) else {
            return;
        };
        let key = &pod.key.clone();
        if pod.deleted.is_some() || pod.run_gen != gen || pod.phase != Phase::Running {
            return;
        }
        let code = pod.behaviour.exit_code(pod.attempt);
        pod.exit_code = Some(code);
        pod.ready = false;
        let policy = pod
            .spec
            .restart_policy
            .clone()
            .unwrap_or_else(|| "Always".into());
        let restart = policy == "Always" || (policy == "OnFailure" && code != 0);
        let owner = pod.owner.is_some();
        if restart {
            pod.last_exit = Some(now);
            pod.attempt += 1;
            pod.run_gen += 1;
            let delay = if pod.restarts == 0 {
                0
            } else {
                crash_loop_backoff(pod.restarts)
            };
            let gen = pod.run_gen;
            if delay > 0 {
                pod.waiting_reason = Some("CrashLoopBackOff".into());
                let c = pod
                    .spec
                    .containers
                    .first()
                    .map(|c| c.name.clone())
                    .unwrap_or_default();
                self.world.event(
                    "Warning",
                    "BackOff",
                    "Pod",
                    &key.0,
                    &key.1,
                    format!(
                        "Back-off restarting failed container {c} in pod {}_{}",
                        key.1, key.0
                    ),
                );
            }
            self.push(now + delay, Ev::Start(pod_slot, gen));
        } else {
            pod.phase = if code == 0 {
                Phase::Succeeded
            } else {
                Phase::Failed
            };
            pod.reason = Some(if code == 0 {
                "Completed".into()
            } else {
                "Error".into()
            });
            pod.finished = Some(now);
            if let Some(slot) = pod.node_slot {
                self.world.nodes.at_mut(slot).usage.remove(&pod.resources);
            }
            self.cluster_changed = true;
        }
        if owner {
            self.pod_changed_at(pod_slot);
        }
    }

    /// The first NoExecute taint of `node` the pod does not tolerate, with the toleration time limit
    /// of a matching toleration, if any: Some(None) means evict now.
    fn untolerated_noexecute(&self, key: &NsName, node: &str) -> Option<Option<i64>> {
        let pod = self.world.pods.get(key)?;
        let info = &self.world.nodes.get(node)?.info;
        let tolerations = pod.spec.tolerations.as_deref().unwrap_or_default();
        let mut min_secs: Option<i64> = None;
        let mut any = false;
        for t in info.taints.iter().filter(|t| t.effect == "NoExecute") {
            let matching: Vec<&Toleration> = tolerations
                .iter()
                .filter(|tol| scheduler::taint_toleration::tolerates_taint(tol, t, false))
                .collect();
            if matching.is_empty() {
                return Some(None);
            }
            // A toleration with tolerationSeconds bounds how long the pod stays.
            if let Some(s) = matching
                .iter()
                .filter_map(|tol| tol.toleration_seconds)
                .min()
            {
                if matching.iter().all(|tol| tol.toleration_seconds.is_some()) {
                    any = true;
                    min_secs = Some(min_secs.map_or(s, |m: i64| m.min(s)));
                }
            }
        }
        if any {
            Some(min_secs)
        } else {
            None
        }
    }

    /// Schedules NoExecute evictions for a pod on `node` (pkg/controller/tainteviction).
    pub(crate) fn check_noexecute(&mut self, key: &NsName, node: &str) {
        match self.untolerated_noexecute(key, node) {
            None => {}
            Some(None) => {
                let now = self.world.now;
                self.push(now, Ev::Evict(key.clone(), node.to_string()));
            }
            Some(Some(secs)) => {
                let now = self.world.now;
                self.push(
                    now + secs.max(0) * 1000,
                    Ev::Evict(key.clone(), node.to_string()),
                );
            }
        }
    }

    /// After a node's taints changed: evict what no longer tolerates them.
    pub(crate) fn node_taints_changed(
        &mut self,
        node: &str,
        before: Option<&crate::nodes::NodeInfo>,
    ) {
        let keys = self.pod_keys_on(node);
        for k in keys {
            self.check_noexecute(&k, node);
        }
        self.nodes_changed(node, before);
    }

    /// `node NAME down`: the kubelet stops; after the grace period the node is Unknown and tainted.
    pub(crate) fn node_down(&mut self, node: &str) {
        let now = self.world.now;
        let gen = {
            let g = self.node_gen.entry(node.to_string()).or_default();
            *g += 1;
            *g
        };
        self.push(
            now + NODE_MONITOR_GRACE,
            Ev::NodeUnreachable(node.to_string(), gen),
        );
    }

    fn node_unreachable(&mut self, node: &str) {
        let Some(n) = self.world.nodes.get_mut(node) else {
            return;
        };
        let before = n.info.clone();
        n.info.ready = false;
        for effect in ["NoSchedule", "NoExecute"] {
            if !n
                .info
                .taints
                .iter()
                .any(|t| t.key == nodes::TAINT_UNREACHABLE && t.effect == effect)
            {
                n.info.taints.push(Taint {
                    key: nodes::TAINT_UNREACHABLE.into(),
                    effect: effect.into(),
                    value: None,
                    time_added: None,
                });
            }
        }
        self.world.event(
            "Normal",
            "NodeNotReady",
            "Node",
            "",
            node,
            format!("Node {node} status is now: NodeNotReady"),
        );
        let keys = self.pod_keys_on(node);
        for k in &keys {
            if let Some(p) = self.world.pods.get_mut(k) {
                p.ready = false;
                self.pod_changed(k);
            }
        }
        self.node_taints_changed(node, Some(&before));
    }

    /// `node NAME up`: Ready again, the unreachable/not-ready taints go, containers (re)start.
    pub(crate) fn node_up(&mut self, node: &str) {
        *self.node_gen.entry(node.to_string()).or_default() += 1;
        let now = self.world.now;
        let Some(n) = self.world.nodes.get_mut(node) else {
            return;
        };
        let before = n.info.clone();
        let was_ready = n.info.ready;
        n.info.ready = true;
        n.info
            .taints
            .retain(|t| t.key != nodes::TAINT_UNREACHABLE && t.key != nodes::TAINT_NOT_READY);
        if !was_ready {
            self.world.event(
                "Normal",
                "NodeReady",
                "Node",
                "",
                node,
                format!("Node {node} status is now: NodeReady"),
            );
        }
        let keys = self.pod_keys_on(node);
        for k in keys {
            let Some(slot) = self.world.pods.slot_of(&k) else {
                continue;
            };
            let p = self.world.pods.at_mut(slot).expect("a slot just looked up");
            match p.phase {
                Phase::Running => {
                    p.ready = true;
                    p.ready_since = Some(now);
                }
                Phase::Pending => {
                    let (startup, gen) = (p.behaviour.startup, p.run_gen);
                    self.push(now + startup, Ev::Start(slot, gen));
                }
                _ => {}
            }
            self.pod_changed_at(slot);
        }
        self.nodes_changed(node, Some(&before));
    }

    /// A node leaves the cluster: pod GC deletes its pods (pkg/controller/podgc `gcOrphaned`).
    pub(crate) fn remove_node(&mut self, node: &str) {
        let now = self.world.now;
        let Some(n) = self.world.nodes.get_mut(node) else {
            return;
        };
        if n.removed.is_some() {
            return;
        }
        n.removed = Some(now);
        let before = n.info.clone();
        let keys = self.pod_keys_on(node);
        for k in keys {
            if let Some(p) = self.world.pods.get_mut(&k) {
                p.conditions
                    .push(("DisruptionTarget".into(), "DeletionByPodGC".into()));
            }
            self.delete_pod(&k, Some("DeletionByPodGC"), false);
        }
        if let Some(n) = self.world.nodes.get_mut(node) {
            n.usage = NodeUsage::default();
        }
        self.world.event(
            "Normal",
            "RemovingNode",
            "Node",
            "",
            node,
            format!("Node {node} event: Removing Node {node} from Controller"),
        );
        self.nodes_changed(node, Some(&before));
    }

    /// The keys of the live pods bound to `node` (a copy, so the caller may change the world).
    fn pod_keys_on(&self, node: &str) -> Vec<NsName> {
        self.world
            .nodes
            .get(node)
            .map(|n| n.pods.sorted())
            .unwrap_or_default()
            .into_iter()
            .cloned()
            .collect()
    }

    /// The DaemonSets' should-run answers kept between syncs, one memo per placement key.
    pub fn should_run_memos(&self) -> &[controllers::daemon_set::ShouldRunMemo] {
        self.should_run_pool.memos()
    }

    /// All events so far.
    pub fn events(&self) -> &super::world::EventLog {
        &self.world.events
    }
}

/// Adds `node` to what a DaemonSet's next sync must look at (None: everything, which it becomes
/// past [`controllers::daemon_set::controller::scoped_sync_limit`] of the cluster's `nodes`).
fn scope_node(
    scopes: &mut BTreeMap<OwnerRef, Option<BTreeSet<String>>>,
    owner: &OwnerRef,
    node: Option<&str>,
    nodes: usize,
) {
    let limit = controllers::daemon_set::controller::scoped_sync_limit(nodes);
    match (scopes.get_mut(owner), node) {
        (Some(None), _) => {}
        (Some(Some(set)), Some(n)) if set.len() >= limit => {
            if !set.contains(n) {
                scopes.insert(owner.clone(), None);
            }
        }
        (Some(Some(set)), Some(n)) => {
            if !set.contains(n) {
                set.insert(n.to_string());
            }
        }
        (Some(entry), None) => *entry = None,
        (None, n) => {
            let set = n.map(|n| BTreeSet::from([n.to_string()]));
            scopes.insert(owner.clone(), set);
        }
    }
}

/// The `DefaultTolerationSeconds` admission plugin.
fn add_default_toleration_seconds(spec: &mut PodSpec) {
    let tols = spec.tolerations.get_or_insert_with(Vec::new);
    for key in [nodes::TAINT_NOT_READY, nodes::TAINT_UNREACHABLE] {
        let has = tols.iter().any(|t| {
            (t.key.as_deref() == Some(key)
                || (t.key.is_none() && t.operator.as_deref() == Some("Exists")))
                && (t.effect.is_none() || t.effect.as_deref() == Some("NoExecute"))
        });
        if !has {
            tols.push(Toleration {
                key: Some(key.into()),
                operator: Some("Exists".into()),
                effect: Some("NoExecute".into()),
                toleration_seconds: Some(DEFAULT_TOLERATION_SECONDS),
                value: None,
            });
        }
    }
}

/// Reads the `kubeplay.io/*` annotations. Malformed values fall back to defaults (the manifest
/// validator reports them with their position before a simulation runs).
pub fn behaviour_of(
    annotations: &BTreeMap<String, String>,
    default_duration: Option<Millis>,
) -> Behaviour {
    let startup = annotations
        .get(ANN_STARTUP)
        .and_then(|s| duration::parse(s).ok())
        .unwrap_or(0)
        .max(0);
    let duration = match annotations.get(ANN_DURATION) {
        Some(s) => duration::parse(s)
            .ok()
            .map(|d| d.max(0))
            .or(default_duration),
        None => default_duration,
    };
    let exit_codes = annotations
        .get(ANN_EXIT_CODES)
        .map(|s| s.split(',').filter_map(|c| c.trim().parse().ok()).collect())
        .unwrap_or_default();
    Behaviour {
        startup,
        duration,
        exit_codes,
    }
}

#[cfg(test)]
mod tests {

    /// [`Engine::pinned_fit`] answers as the full scheduling cycle does whenever it answers: pinned
    /// pods on nodes that are tainted, cordoned, full, missing a label, holding the host port, down
    /// or deleted, with and without tolerations, selectors and required affinity terms.
    #[test]
    fn pinned_fit_agrees_with_the_full_cycle() {
        let ds = |name: &str, spec: &str, container: &str| {
            format!("apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: {name}\nspec:\n  selector:\n    matchLabels: {{app: {name}}}\n  template:\n    metadata:\n      labels: {{app: {name}}}\n    spec:\n{spec}      containers:\n      - name: c\n        image: busybox\n{container}        resources: {{requests: {{cpu: 500m}}}}\n---\n")
        };
        let manifests = [
            ds("plain", "", ""),
            ds("ssd", "      nodeSelector: {disk: ssd}\n", ""),
            ds("tolerant", "      tolerations: [{operator: Exists}]\n", ""),
            ds("port", "", "        ports: [{containerPort: 80, hostPort: 80}]\n"),
            ds("port-too", "", "        ports: [{containerPort: 80, hostPort: 80}]\n"),
            ds("affine", "      affinity:\n        nodeAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n            nodeSelectorTerms:\n            - matchExpressions: [{key: disk, operator: In, values: [ssd, hdd]}]\n", ""),
        ]
        .concat();
        let objects = crate::manifest::load(&manifests).expect("valid manifests");
        let nodes = crate::nodes::parse_nodes(
            "NAME\tLABELS\tTAINTS\tCPU\tUNSCHEDULABLE\n\
             a\tdisk=ssd\t<none>\t4\tfalse\n\
             b\tdisk=hdd\tdedicated=x:NoSchedule\t4\tfalse\n\
             c\t<none>\t<none>\t1\ttrue\n\
             d\tdisk=ssd\t<none>\t1\tfalse\n",
        )
        .expect("valid nodes");
        let steps = super::super::scenario::parse("10s node d down\n20s kubectl delete node c\n")
            .expect("valid scenario");
        let opts = super::super::Options {
            duration: 30_000,
            ..Default::default()
        };
        let (e, _) = super::super::run(&objects, &nodes, &steps, &opts, &|_| Err("none".into()));
        let total = e.live_node_count();
        let (mut fast, mut slow_only) = (0, 0);
        for pod in e.world.pods.values_unordered().filter(|p| p.pin.is_some()) {
            let full = e.scheduling_cycle(pod, total, &mut None);
            match e.pinned_fit(pod) {
                Some(slot) => {
                    fast += 1;
                    let node = e.world.nodes.at(slot).info.name.clone();
                    assert_eq!(pod.pin.as_deref(), Some(node.as_str()), "{}", pod.name());
                    assert_eq!(full.as_ref().ok(), Some(&node), "{}", pod.name());
                }
                None => slow_only += 1,
            }
        }
        assert!(
            fast > 3 && slow_only > 3,
            "{fast} answered, {slow_only} left to the full cycle"
        );
    }
}
