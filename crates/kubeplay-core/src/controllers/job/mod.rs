//! The Job controller (pkg/controller/job/job_controller.go `syncJob`, `manageJob`,
//! `trackJobStatusAndRemoveFinalizers`): runs pods until `completions` of them succeeded (or, for a
//! work-queue Job without `completions`, until one succeeded and none is left running), replaces failed
//! pods after a back-off, and fails the Job on `backoffLimit`, `activeDeadlineSeconds`,
//! `backoffLimitPerIndex`/`maxFailedIndexes` or a `podFailurePolicy` rule.
//!
//! # Attempts and exit codes
//!
//! `kubeplay.io/exit-codes` lists an exit code per attempt; the last one repeats (`"1,1,0"` fails
//! twice, then succeeds). Attempts are numbered per Job, or per completion index in an Indexed Job:
//! the first pod runs attempt 0, a container restarted in place (`restartPolicy: OnFailure`) runs its
//! pod's next attempt, and every new pod takes the next number the Job (or the index) has not used
//! yet. So with `restartPolicy: Never`, `"1,0"` makes the Job's first pod fail and every later one
//! succeed; in an Indexed Job every index fails once. `kubeplay.io/exit-codes-by-index` gives some
//! indexes their own list: `"2=1; 4-5=1,1,0"` makes index 2 always fail and indexes 4 and 5 fail
//! twice, while the other indexes use `kubeplay.io/exit-codes`. Job pods run 30s unless
//! `kubeplay.io/duration` says otherwise.
//!
//! # Order of the checks
//!
//! As in `syncJob`: a FailJob rule, then backoffLimit (failed pods > backoffLimit; with `OnFailure`
//! also the restarts of the running pods reaching it), then activeDeadlineSeconds (from startTime),
//! then for Indexed Jobs maxFailedIndexes, failed indexes and the success policy, and only then the
//! completions. So pods that succeed at the very instant of the deadline still leave the Job Failed
//! with DeadlineExceeded.
//!
//! # What kubeplay simplifies
//!
//! - Deletion is immediate (no graceful termination), so `status.terminating` is always 0, the
//!   interim conditions FailureTarget / SuccessCriteriaMet are followed by Failed / Complete at the same
//!   instant, and `podReplacementPolicy: Failed` (or a `podFailurePolicy`, which implies it) replaces a
//!   pod exactly when `TerminatingOrFailed` would: once it is gone. A pod deleted while running (drain,
//!   eviction, node removal) counts as failed under both policies, as upstream does once the kubelet
//!   has marked it Failed.
//! - Controllers react without latency: upstream batches pod events for 1s (`syncJobBatchPeriod`);
//!   kubeplay only keeps the 1s minimum for back-off requeues (`enqueueSyncJobWithDelay`).
//! - When a suspended Job is resumed, `startTime` is reset before `activeDeadlineSeconds` is checked,
//!   so the deadline counts from the resume (what upstream intends; its `syncJob` checks the old
//!   startTime first).
//! - While a back-off delays replacements, `status.active` is the real number of active pods (upstream
//!   `manageJob` returns 0 for that sync).
//! - The controller picks the 5-character suffix of its pods' names itself (deterministic per Job and
//!   independent of the simulation seed) instead of the API server's `generateName`, so it knows its
//!   pods without listing them.
//! - `ttlSecondsAfterFinished` (the ttlafterfinished controller) is handled here: at finish + ttl the
//!   Job and its pods are deleted with reason `TTLAfterFinished` (upstream records no event for it).

mod backoff;
mod indexes;
mod policy;
pub mod printers;
mod tracker;

#[cfg(test)]
mod tests;

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use k8s_openapi::api::batch::v1::{Job, JobSpec, PodFailurePolicy, SuccessPolicy};
use k8s_openapi::api::core::v1::{EnvVar, EnvVarSource, ObjectFieldSelector, PodTemplateSpec};

pub use backoff::{
    backoff_duration, remaining_time, BackoffRecord, DEFAULT_POD_FAILURE_BACKOFF,
    MAX_POD_FAILURE_BACKOFF,
};
pub use indexes::{format_indexes, generate_name_with_index, parse_indexes, Interval};
pub use policy::{
    match_pod_failure_policy, match_success_policy, pod_condition_status, PolicyAction, PolicyMatch,
};
pub use printers::{completions_column, duration_column, human_duration, kubectl_status};

use super::{Action, NewPod};
use crate::duration::Millis;
use crate::sim::engine::ANN_EXIT_CODES;
use crate::sim::world::{ns_name, NsName, OwnerRef, Phase, SimPod, World};
use tracker::Tracker;

/// `batch.kubernetes.io/job-name` and its legacy twin `job-name`, labels of every Job pod.
pub const LABEL_JOB_NAME: &str = "batch.kubernetes.io/job-name";
pub const LABEL_LEGACY_JOB_NAME: &str = "job-name";
/// `batch.kubernetes.io/controller-uid` and its legacy twin `controller-uid`.
pub const LABEL_CONTROLLER_UID: &str = "batch.kubernetes.io/controller-uid";
pub const LABEL_LEGACY_CONTROLLER_UID: &str = "controller-uid";
/// The completion index annotation and label of an Indexed Job's pods (`JobCompletionIndexAnnotation`).
pub const COMPLETION_INDEX: &str = "batch.kubernetes.io/job-completion-index";
/// Failures of the index before this pod, with backoffLimitPerIndex (`JobIndexFailureCountAnnotation`).
pub const ANN_INDEX_FAILURE_COUNT: &str = "batch.kubernetes.io/job-index-failure-count";
/// Ignored failures of the index before this pod (`JobIndexIgnoredFailureCountAnnotation`).
pub const ANN_INDEX_IGNORED_FAILURE_COUNT: &str =
    "batch.kubernetes.io/job-index-ignored-failure-count";
/// The finalizer the controller puts on its pods (`JobTrackingFinalizer`).
pub const TRACKING_FINALIZER: &str = "batch.kubernetes.io/job-tracking";
/// `spec.managedBy` of Jobs this controller syncs (`JobControllerName`).
pub const JOB_CONTROLLER_NAME: &str = "kubernetes.io/job-controller";
/// kubeplay's per-index exit codes (see the module documentation).
pub const ANN_EXIT_CODES_BY_INDEX: &str = "kubeplay.io/exit-codes-by-index";
/// How long a Job pod runs when the template has no `kubeplay.io/duration`.
pub const DEFAULT_POD_DURATION: Millis = 30_000;
/// `syncJobBatchPeriod`: the shortest requeue delay.
pub const SYNC_JOB_BATCH_PERIOD: Millis = 1_000;
/// `MaxPodCreateDeletePerSync`.
pub const MAX_POD_CREATE_DELETE_PER_SYNC: usize = 500;
/// The API default of `spec.backoffLimit` (without backoffLimitPerIndex, where it is MaxInt32).
pub const DEFAULT_BACKOFF_LIMIT: i32 = 6;

/// A Job condition (`JobCondition`; the time is lastTransitionTime and lastProbeTime).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Condition {
    pub type_: String,
    pub status: String,
    pub reason: String,
    pub message: String,
    pub time: Millis,
}

/// The failures of one completion index (what upstream keeps in the index-failure-count annotations
/// of the index's last failed pod).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IndexFailures {
    /// Failures that counted towards backoffLimitPerIndex.
    pub failed: i32,
    /// Failures a podFailurePolicy `Ignore` rule matched.
    pub ignored: i32,
    /// When the last one finished.
    pub last_failure: Millis,
    /// The index failed and was not replaced yet: its back-off applies (`podsWithDelayedDeletionPerIndex`).
    pub awaiting_replacement: bool,
}

/// The Job's status (`JobStatus`) and the controller's bookkeeping.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct State {
    /// What the timeline shows: Running, Complete, Failed or Suspended.
    pub status: String,
    /// Why a Job failed (the Failed condition's reason), or `SuccessPolicy` for a Job completed by its
    /// success policy; None for an ordinary completion.
    pub reason: Option<String>,
    /// The message of the terminal condition.
    pub message: Option<String>,
    pub succeeded: i32,
    pub failed: i32,
    pub active: i32,
    pub ready: i32,
    pub start_time: Option<Millis>,
    /// Set when the Job completes (never for a failed Job, as upstream).
    pub completion_time: Option<Millis>,
    /// When the Complete or Failed condition was added (what ttlSecondsAfterFinished counts from).
    pub finish_time: Option<Millis>,
    /// In the order they were added: FailureTarget before Failed, SuccessCriteriaMet before Complete.
    pub conditions: Vec<Condition>,
    /// `status.completedIndexes` of an Indexed Job (see [`State::completed_indexes_string`]).
    pub completed_indexes: BTreeSet<i32>,
    /// `status.failedIndexes` (with backoffLimitPerIndex).
    pub failed_indexes: BTreeSet<i32>,
    /// Failures since the last success and when the latest happened (backoff_utils.go).
    pub backoff: BackoffRecord,
    /// Failures per index (with backoffLimitPerIndex).
    pub index_failures: BTreeMap<i32, IndexFailures>,
    tracker: Tracker,
    /// Succeeded pods of a NonIndexed Job.
    succeeded_pods: i32,
    /// The next unused attempt number of the Job (NonIndexed) or of each index.
    next_attempt: u32,
    index_attempts: BTreeMap<i32, u32>,
    /// Indexes below `next_fresh_index` whose pod went away without the index succeeding or failing.
    retry_indexes: BTreeSet<i32>,
    /// The lowest index no pod was ever created for.
    next_fresh_index: i32,
    /// The message of the first failed pod that matched a FailJob rule.
    fail_job_message: Option<String>,
    /// Requeues already asked for (to ask once per instant).
    requeues: BTreeSet<Millis>,
    warned_unknown_mode: bool,
    ttl_deleted: bool,
    /// Counter behind the generated pod names.
    name_seq: u64,
}

impl State {
    /// The condition of that type, if any.
    pub fn condition(&self, type_: &str) -> Option<&Condition> {
        self.conditions.iter().find(|c| c.type_ == type_)
    }
    /// Whether the condition of that type is True (`hasJobCondition` of printers.go).
    pub fn condition_true(&self, type_: &str) -> bool {
        self.condition(type_).is_some_and(|c| c.status == "True")
    }
    /// Complete or Failed (`util.IsJobFinished`).
    pub fn is_finished(&self) -> bool {
        self.condition_true("Complete") || self.condition_true("Failed")
    }
    /// `status.completedIndexes` as the API writes it (`1,3-5`).
    pub fn completed_indexes_string(&self) -> String {
        format_indexes(&self.completed_indexes)
    }
    /// `status.failedIndexes` as the API writes it.
    pub fn failed_indexes_string(&self) -> String {
        format_indexes(&self.failed_indexes)
    }
}

/// The Job's spec with the API server's defaults applied (pkg/apis/batch/v1/defaults.go `SetDefaults_Job`).
struct Spec<'a> {
    /// None: a work-queue Job. Neither completions nor parallelism set: both default to 1.
    completions: Option<i32>,
    parallelism: i32,
    backoff_limit: i32,
    /// Indexed completion mode (with completions, which validation requires).
    indexed: bool,
    /// backoffLimitPerIndex (Indexed Jobs only).
    per_index: Option<i32>,
    max_failed_indexes: Option<i32>,
    suspend: bool,
    active_deadline: Option<Millis>,
    on_failure: bool,
    pod_failure_policy: Option<&'a PodFailurePolicy>,
    success_policy: Option<&'a SuccessPolicy>,
    template: &'a PodTemplateSpec,
}

impl<'a> Spec<'a> {
    /// Err: an unknown completion mode.
    fn of(s: &'a JobSpec) -> Result<Self, ()> {
        let indexed = match s.completion_mode.as_deref() {
            None | Some("NonIndexed") => false,
            Some("Indexed") => s.completions.is_some(),
            Some(_) => return Err(()),
        };
        let completions = match (s.completions, s.parallelism) {
            (None, None) => Some(1),
            (c, _) => c.map(|c| c.max(0)),
        };
        let per_index = s
            .backoff_limit_per_index
            .filter(|_| indexed)
            .map(|b| b.max(0));
        let backoff_limit = s
            .backoff_limit
            .map(|b| b.max(0))
            .unwrap_or(if per_index.is_some() {
                i32::MAX
            } else {
                DEFAULT_BACKOFF_LIMIT
            });
        Ok(Spec {
            completions,
            parallelism: s.parallelism.unwrap_or(1).max(0),
            backoff_limit,
            indexed,
            per_index,
            max_failed_indexes: s.max_failed_indexes,
            suspend: s.suspend.unwrap_or(false),
            active_deadline: s
                .active_deadline_seconds
                .map(|d| d.max(0).saturating_mul(1000)),
            on_failure: s
                .template
                .spec
                .as_ref()
                .and_then(|p| p.restart_policy.as_deref())
                == Some("OnFailure"),
            pod_failure_policy: s.pod_failure_policy.as_ref(),
            success_policy: s.success_policy.as_ref(),
            template: &s.template,
        })
    }

    /// The pod's completion index if this is an Indexed Job and it is in range (`getCompletionIndex`
    /// and the validity checks of `getValidPodsWithFilter`).
    fn valid_index(&self, p: &SimPod) -> Option<i32> {
        if !self.indexed {
            return None;
        }
        pod_index(p).filter(|i| *i < self.completions.unwrap_or(0))
    }
}

/// A pod's completion index: the engine's field, else the annotation (`getCompletionIndex`).
fn pod_index(p: &SimPod) -> Option<i32> {
    p.index
        .or_else(|| {
            p.annotations
                .get(COMPLETION_INDEX)
                .and_then(|v| v.parse().ok())
        })
        .filter(|i| *i >= 0)
}

/// The terminal condition a sync decided on (`syncJobCtx.finishedCondition`).
enum Finish {
    Failure { reason: String, message: String },
    Success { reason: String, message: String },
}

/// One sync's context: who, when, and the actions so far.
struct Ctx<'a> {
    ns: &'a str,
    name: &'a str,
    owner: OwnerRef,
    now: Millis,
    actions: Vec<Action>,
}

impl Ctx<'_> {
    fn event(&mut self, warning: bool, reason: impl Into<Cow<'static, str>>, message: String) {
        self.actions.push(if warning {
            Action::warning(reason, "Job", self.ns, self.name, message)
        } else {
            Action::normal(reason, "Job", self.ns, self.name, message)
        });
    }

    /// Asks to be synced again at `at` (once per instant; never for now or the past).
    fn requeue(&mut self, state: &mut State, at: Millis) {
        if at > self.now && state.requeues.insert(at) {
            self.actions.push(Action::Requeue {
                owner: self.owner.clone(),
                at,
            });
        }
    }

    /// Deletes a pod and records `SuccessfulDelete` as `RealPodControl.DeletePod` does.
    fn delete_pod(&mut self, p: &SimPod, reason: Option<&str>, fail: bool) {
        self.actions.push(Action::DeletePod {
            key: p.key(),
            reason: reason.map(str::to_string),
            fail,
        });
        self.event(
            false,
            "SuccessfulDelete",
            format!("Deleted pod: {}", p.name()),
        );
    }
}

/// Adds or updates a condition; a False condition is never added, only updated
/// (`ensureJobConditionStatus`). Returns whether anything changed.
fn ensure_condition(
    conds: &mut Vec<Condition>,
    type_: &str,
    status: &str,
    reason: &str,
    message: &str,
    now: Millis,
) -> bool {
    let new = || Condition {
        type_: type_.into(),
        status: status.into(),
        reason: reason.into(),
        message: message.into(),
        time: now,
    };
    if let Some(c) = conds.iter_mut().find(|c| c.type_ == type_) {
        if c.status != status || c.reason != reason || c.message != message {
            *c = new();
            return true;
        }
        return false;
    }
    if status != "False" {
        conds.push(new());
        return true;
    }
    false
}

/// One sync of a Job (`syncJob`).
pub fn sync(job: &Job, state: &mut State, world: &World) -> Vec<Action> {
    let ns = job.metadata.namespace.as_deref().unwrap_or("default");
    let name = job.metadata.name.as_deref().unwrap_or_default();
    let now = world.now;
    let mut cx = Ctx {
        ns,
        name,
        owner: OwnerRef::new("Job", ns, name),
        now,
        actions: Vec::new(),
    };
    state.requeues.retain(|t| *t > now);
    if state.status.is_empty() {
        state.status = "Running".into();
    }
    let Some(job_spec) = job.spec.as_ref() else {
        return cx.actions;
    };
    if state.is_finished() {
        ttl_after_finished(&mut cx, job_spec, state);
        return cx.actions;
    }
    if job_spec
        .managed_by
        .as_deref()
        .is_some_and(|m| m != JOB_CONTROLLER_NAME)
    {
        return cx.actions;
    }
    let Ok(spec) = Spec::of(job_spec) else {
        if !state.warned_unknown_mode {
            state.warned_unknown_mode = true;
            cx.event(
                true,
                "UnknownCompletionMode",
                "Skipped Job sync because completion mode is unknown".into(),
            );
        }
        return cx.actions;
    };

    let observed = state.tracker.observe(world, &cx.owner);
    account_finished(&spec, state, &observed.active, &observed.finished);
    let mut active = observed.active;

    // Job first start, or resumed: startTime (see the module documentation on resuming).
    let resuming = !spec.suspend && state.condition_true("Suspended");
    if !spec.suspend && (state.start_time.is_none() || resuming) {
        state.start_time = Some(now);
    }

    let succeeded = if spec.indexed {
        let c = spec.completions.unwrap_or(0);
        match state.completed_indexes.last() {
            Some(&last) if last >= c => state.completed_indexes.range(..c.max(0)).count() as i32,
            _ => state.completed_indexes.len() as i32,
        }
    } else {
        state.succeeded_pods
    };

    let mut finish = finished_condition(&mut cx, &spec, state, &active, succeeded);

    let mut ready = active.iter().filter(|p| p.ready).count() as i32;
    let active_count;
    if let Some(f) = &finish {
        // deleteActivePods: on failure every pod still running counts as failed.
        let failure = match f {
            Finish::Failure { reason, .. } => Some(reason.clone()),
            Finish::Success { .. } => None,
        };
        for p in active.drain(..) {
            cx.delete_pod(p, failure.as_deref(), failure.is_some());
            state.tracker.forget(&p.key());
            if failure.is_some()
                && (!spec.indexed || spec.valid_index(p).is_some())
                && match_pod_failure_policy(spec.pod_failure_policy, p).count
            {
                state.failed += 1;
            }
        }
        active_count = 0;
        ready = 0;
    } else {
        let (n, removed_ready) =
            manage_job(&mut cx, &spec, state, job, name, world, &active, succeeded);
        active_count = n;
        ready -= removed_ready;
        let complete = match spec.completions {
            None => succeeded > 0 && active_count == 0,
            Some(c) => succeeded >= c && active_count == 0,
        };
        if complete {
            finish = Some(Finish::Success {
                reason: "CompletionsReached".into(),
                message: "Reached expected number of succeeded pods".into(),
            });
        } else if spec.suspend {
            if ensure_condition(
                &mut state.conditions,
                "Suspended",
                "True",
                "JobSuspended",
                "Job suspended",
                now,
            ) {
                cx.event(false, "Suspended", "Job suspended".into());
            }
        } else if ensure_condition(
            &mut state.conditions,
            "Suspended",
            "False",
            "JobResumed",
            "Job resumed",
            now,
        ) {
            cx.event(false, "Resumed", "Job resumed".into());
            state.start_time = Some(now);
        }
    }

    state.active = active_count;
    state.ready = ready.max(0);
    state.succeeded = succeeded;
    match finish {
        Some(Finish::Failure { reason, message }) => {
            if !state.condition_true("FailureTarget") {
                ensure_condition(
                    &mut state.conditions,
                    "FailureTarget",
                    "True",
                    &reason,
                    &message,
                    now,
                );
            }
            ensure_condition(
                &mut state.conditions,
                "Failed",
                "True",
                &reason,
                &message,
                now,
            );
            cx.event(true, reason.clone(), message.clone());
            state.status = "Failed".into();
            state.reason = Some(reason);
            state.message = Some(message);
            state.finish_time = Some(now);
        }
        Some(Finish::Success { reason, message }) => {
            if !state.condition_true("SuccessCriteriaMet") {
                ensure_condition(
                    &mut state.conditions,
                    "SuccessCriteriaMet",
                    "True",
                    &reason,
                    &message,
                    now,
                );
            }
            ensure_condition(
                &mut state.conditions,
                "Complete",
                "True",
                &reason,
                &message,
                now,
            );
            if spec.completions.is_some_and(|c| succeeded > c) {
                cx.event(
                    true,
                    "TooManySucceededPods",
                    "Too many succeeded pods running after completion count reached".into(),
                );
            }
            cx.event(false, "Completed", "Job completed".into());
            state.status = "Complete".into();
            state.reason = (reason == "SuccessPolicy").then_some(reason);
            state.message = Some(message);
            state.completion_time = Some(now);
            state.finish_time = Some(now);
        }
        None => {
            state.status = if state.condition_true("Suspended") {
                "Suspended"
            } else {
                "Running"
            }
            .into();
        }
    }
    if state.is_finished() {
        ttl_after_finished(&mut cx, job_spec, state);
    }
    cx.actions
}

/// Counts the pods that finished since the last sync (`getNewFinishedPods`,
/// `nonIgnoredFailedPodsCount`, `calculateSucceededIndexes`, `calculateFailedIndexes`,
/// `isIndexFailed`, `newBackoffRecord`) and notes the attempts the pods used.
fn account_finished(spec: &Spec, state: &mut State, active: &[&SimPod], finished: &[&SimPod]) {
    for p in active.iter().chain(finished) {
        note_attempt(spec, state, p);
    }
    let mut succeeded_times = Vec::new();
    let mut failed_times = Vec::new();
    for p in finished {
        let finish = p.finished.or(p.deleted).unwrap_or(p.created);
        let index = spec.valid_index(p);
        if spec.indexed && index.is_none() {
            continue; // a pod without a valid index is not counted
        }
        if p.phase == Phase::Succeeded {
            succeeded_times.push(finish);
            match index {
                Some(i) => {
                    state.completed_indexes.insert(i);
                }
                None => state.succeeded_pods += 1,
            }
        } else {
            failed_times.push(finish);
            let m = match_pod_failure_policy(spec.pod_failure_policy, p);
            if m.count {
                state.failed += 1;
            }
            if state.fail_job_message.is_none() {
                state.fail_job_message = m.fail_job_message;
            }
            if let (Some(i), Some(limit)) = (index, spec.per_index) {
                let f = state.index_failures.entry(i).or_default();
                let before = f.failed;
                if m.count {
                    f.failed += 1;
                } else {
                    f.ignored += 1;
                }
                f.last_failure = f.last_failure.max(finish);
                f.awaiting_replacement = true;
                if m.action == Some(PolicyAction::FailIndex) || (m.count && before >= limit) {
                    state.failed_indexes.insert(i);
                }
            }
        }
        if let Some(i) = index {
            if !state.completed_indexes.contains(&i) && !state.failed_indexes.contains(&i) {
                state.retry_indexes.insert(i);
            }
        }
    }
    state.backoff.update(succeeded_times, failed_times);
}

/// Raises the Job's (or the index's) next attempt number past the pod's current attempt.
fn note_attempt(spec: &Spec, state: &mut State, p: &SimPod) {
    let next = p.attempt.saturating_add(1);
    match spec.valid_index(p) {
        Some(i) => {
            let e = state.index_attempts.entry(i).or_default();
            *e = (*e).max(next);
        }
        None => state.next_attempt = state.next_attempt.max(next),
    }
}

/// Whether the restarts of the active pods reached backoffLimit under `restartPolicy: OnFailure`
/// (`pastBackoffLimitOnFailure`: `>=`, or any restart at all with backoffLimit 0).
fn past_backoff_limit_on_failure(spec: &Spec, active: &[&SimPod]) -> bool {
    if !spec.on_failure {
        return false;
    }
    let restarts: i64 = active.iter().map(|p| i64::from(p.restarts)).sum();
    if spec.backoff_limit == 0 {
        restarts > 0
    } else {
        restarts >= i64::from(spec.backoff_limit)
    }
}

/// Decides whether the Job ends now, in upstream's order: an earlier interim condition, a FailJob
/// rule, backoffLimit, activeDeadlineSeconds, then (Indexed) maxFailedIndexes, failed indexes and the
/// success policy. Requeues for the deadline.
fn finished_condition(
    cx: &mut Ctx,
    spec: &Spec,
    state: &mut State,
    active: &[&SimPod],
    succeeded: i32,
) -> Option<Finish> {
    let now = cx.now;
    let mut finish = None;
    if let Some(c) = state
        .condition("SuccessCriteriaMet")
        .filter(|c| c.status == "True")
    {
        finish = Some(Finish::Success {
            reason: c.reason.clone(),
            message: c.message.clone(),
        });
    } else if let Some(c) = state
        .condition("FailureTarget")
        .filter(|c| c.status == "True")
    {
        finish = Some(Finish::Failure {
            reason: c.reason.clone(),
            message: c.message.clone(),
        });
    } else if let Some(msg) = state.fail_job_message.clone() {
        finish = Some(Finish::Failure {
            reason: "PodFailurePolicy".into(),
            message: msg,
        });
    }
    if finish.is_none() {
        if state.failed > spec.backoff_limit || past_backoff_limit_on_failure(spec, active) {
            finish = Some(Finish::Failure {
                reason: "BackoffLimitExceeded".into(),
                message: "Job has reached the specified backoff limit".into(),
            });
        } else if let (Some(ads), Some(start), false) =
            (spec.active_deadline, state.start_time, spec.suspend)
        {
            // pastActiveDeadline, else requeue at the deadline.
            if now.saturating_sub(start) >= ads {
                finish = Some(Finish::Failure {
                    reason: "DeadlineExceeded".into(),
                    message: "Job was active longer than specified deadline".into(),
                });
            } else {
                cx.requeue(state, start.saturating_add(ads));
            }
        }
    }
    if spec.indexed {
        let completions = spec.completions.unwrap_or(0);
        if spec.per_index.is_some() && finish.is_none() {
            let failed = state.failed_indexes.range(..completions.max(0)).count() as i64;
            if spec
                .max_failed_indexes
                .is_some_and(|m| failed > i64::from(m))
            {
                finish = Some(Finish::Failure {
                    reason: "MaxFailedIndexesExceeded".into(),
                    message: "Job has exceeded the specified maximal number of failed indexes"
                        .into(),
                });
            } else if failed > 0 && failed + i64::from(succeeded) >= i64::from(completions) {
                finish = Some(Finish::Failure {
                    reason: "FailedIndexes".into(),
                    message: "Job has failed indexes".into(),
                });
            }
        }
        if finish.is_none() {
            if let Some(msg) =
                match_success_policy(spec.success_policy, completions, &state.completed_indexes)
            {
                finish = Some(Finish::Success {
                    reason: "SuccessPolicy".into(),
                    message: msg,
                });
            }
        }
    }
    finish
}

/// Creates or deletes pods to have the wanted number active (`manageJob`). Returns the number active
/// afterwards and how many Ready pods it deleted.
#[allow(clippy::too_many_arguments)]
fn manage_job(
    cx: &mut Ctx,
    spec: &Spec,
    state: &mut State,
    job: &Job,
    name: &str,
    world: &World,
    active: &[&SimPod],
    succeeded: i32,
) -> (i32, i32) {
    let n = active.len() as i32;
    if spec.suspend {
        let rm = pods_for_removal(spec, active, active.len());
        let removed_ready = remove_pods(cx, spec, state, &rm);
        return (n - rm.len() as i32, removed_ready);
    }
    let want = match spec.completions {
        None if succeeded > 0 => n,
        None => spec.parallelism,
        Some(c) => (c - succeeded).min(spec.parallelism).max(0),
    };
    let mut rm = pods_for_removal(spec, active, (n - want).max(0) as usize);
    rm.truncate(MAX_POD_CREATE_DELETE_PER_SYNC);
    if !rm.is_empty() {
        let removed_ready = remove_pods(cx, spec, state, &rm);
        return (n - rm.len() as i32, removed_ready);
    }
    let diff = want - n;
    if diff <= 0 {
        return (n, 0);
    }
    if spec.per_index.is_none() {
        let remaining = state.backoff.remaining(cx.now);
        if remaining > 0 {
            cx.requeue(state, cx.now + remaining.max(SYNC_JOB_BATCH_PERIOD));
            return (n, 0);
        }
    }
    let diff = (diff as usize).min(MAX_POD_CREATE_DELETE_PER_SYNC);
    let indexes = if spec.indexed {
        let completions = spec.completions.unwrap_or(0);
        let active_indexes: BTreeSet<i32> = active.iter().filter_map(|p| pod_index(p)).collect();
        let mut list = first_pending_indexes(state, &active_indexes, diff, completions);
        if spec.per_index.is_some() {
            // getPodCreationInfoForIndependentIndexes
            let mut ready_now = Vec::new();
            let mut min_wait: Option<Millis> = None;
            for i in list {
                let wait = state
                    .index_failures
                    .get(&i)
                    .filter(|f| f.awaiting_replacement)
                    .map_or(0, |f| {
                        remaining_time(
                            cx.now,
                            f.failed.saturating_add(f.ignored),
                            Some(f.last_failure),
                        )
                    });
                if wait == 0 {
                    ready_now.push(i);
                } else {
                    min_wait = Some(min_wait.map_or(wait, |m| m.min(wait)));
                }
            }
            if ready_now.is_empty() {
                if let Some(w) = min_wait {
                    cx.requeue(state, cx.now + w.max(SYNC_JOB_BATCH_PERIOD));
                }
                return (n, 0);
            }
            list = ready_now;
        }
        Some(list)
    } else {
        None
    };
    let created = create_pods(cx, spec, state, job, name, world, indexes, diff);
    (n + created, 0)
}

/// The lowest `count` indexes below `completions` that have no active pod and did not succeed or fail
/// (`firstPendingIndexes`).
fn first_pending_indexes(
    state: &mut State,
    active: &BTreeSet<i32>,
    count: usize,
    completions: i32,
) -> Vec<i32> {
    let mut out = Vec::with_capacity(count.min(1024));
    let mut stale = Vec::new();
    for &i in &state.retry_indexes {
        if out.len() >= count || i >= completions {
            break;
        }
        if state.completed_indexes.contains(&i) || state.failed_indexes.contains(&i) {
            stale.push(i);
        } else if !active.contains(&i) {
            out.push(i);
        }
    }
    for i in stale {
        state.retry_indexes.remove(&i);
    }
    let mut i = state.next_fresh_index.max(0);
    while out.len() < count && i < completions {
        if !state.completed_indexes.contains(&i)
            && !state.failed_indexes.contains(&i)
            && !active.contains(&i)
        {
            out.push(i);
        }
        i += 1;
    }
    out
}

/// Ranks active pods for deletion, least valuable first (`controller.ActivePods`): unscheduled,
/// Pending, not Ready, Ready for the shortest time, most restarts, newest.
type Rank = (
    bool,
    bool,
    bool,
    std::cmp::Reverse<Millis>,
    std::cmp::Reverse<i32>,
    std::cmp::Reverse<Millis>,
    std::cmp::Reverse<u64>,
);
fn deletion_rank(p: &SimPod) -> Rank {
    use std::cmp::Reverse;
    (
        p.node.is_some(),
        p.phase == Phase::Running,
        p.ready,
        Reverse(if p.ready {
            p.ready_since.unwrap_or(p.created)
        } else {
            0
        }),
        Reverse(p.restarts),
        Reverse(p.created),
        Reverse(p.uid),
    )
}

/// The pods to delete (`activePodsForRemoval`): for an Indexed Job first those without a valid index
/// and all but the most valuable pod of a repeated index (`appendDuplicatedIndexPodsForRemoval`), then
/// the least valuable until `at_least`.
fn pods_for_removal<'w>(spec: &Spec, active: &[&'w SimPod], at_least: usize) -> Vec<&'w SimPod> {
    let mut rm: Vec<&SimPod> = Vec::new();
    let mut left: Vec<&SimPod> = Vec::new();
    if spec.indexed {
        let mut by_index: BTreeMap<i32, Vec<&SimPod>> = BTreeMap::new();
        for p in active {
            match spec.valid_index(p) {
                Some(i) => by_index.entry(i).or_default().push(p),
                None => rm.push(p),
            }
        }
        for (_, mut pods) in by_index {
            pods.sort_by_key(|p| deletion_rank(p));
            if let Some(keep) = pods.pop() {
                rm.extend(pods);
                left.push(keep);
            }
        }
    } else {
        left.extend_from_slice(active);
    }
    if rm.len() < at_least {
        left.sort_by_key(|p| deletion_rank(p));
        let need = at_least - rm.len();
        rm.extend(left.into_iter().take(need));
    }
    rm
}

/// Deletes pods the Job no longer wants (`deleteJobPods`): their tracking ends without counting them.
/// Returns how many were Ready.
fn remove_pods(cx: &mut Ctx, spec: &Spec, state: &mut State, pods: &[&SimPod]) -> i32 {
    let mut ready = 0;
    for p in pods {
        cx.delete_pod(p, None, false);
        state.tracker.forget(&p.key());
        ready += i32::from(p.ready);
        if let Some(i) = spec.valid_index(p) {
            if !state.completed_indexes.contains(&i) && !state.failed_indexes.contains(&i) {
                state.retry_indexes.insert(i);
            }
        }
    }
    ready
}

/// The pod template as the controller sends it: the Job labels the API server added to the template,
/// the tracking finalizer and, for an Indexed Job, the `JOB_COMPLETION_INDEX` variable
/// (`addCompletionIndexEnvVariables`).
/// The uid is `metadata.uid`, else the one `kubectl get jobs -o wide` shows in its selector
/// ([`crate::printers::fake_uid`]).
fn pod_template(job: &Job, spec: &Spec, ns: &str, name: &str, world: &World) -> PodTemplateSpec {
    let mut tpl = spec.template.clone();
    let meta = tpl.metadata.get_or_insert_with(Default::default);
    let uid = job.metadata.uid.clone().unwrap_or_else(|| {
        let created = world
            .job_records
            .get(&(ns.to_string(), name.to_string()))
            .map_or(0, |r| r.created);
        crate::printers::fake_uid("Job", ns, name, created)
    });
    let labels = meta.labels.get_or_insert_with(BTreeMap::new);
    for (k, v) in [
        (LABEL_CONTROLLER_UID, &uid),
        (LABEL_LEGACY_CONTROLLER_UID, &uid),
    ] {
        labels.entry(k.to_string()).or_insert_with(|| v.clone());
    }
    for k in [LABEL_JOB_NAME, LABEL_LEGACY_JOB_NAME] {
        labels
            .entry(k.to_string())
            .or_insert_with(|| name.to_string());
    }
    let finalizers = meta.finalizers.get_or_insert_with(Vec::new);
    if !finalizers.iter().any(|f| f == TRACKING_FINALIZER) {
        finalizers.push(TRACKING_FINALIZER.into());
    }
    if spec.indexed {
        if let Some(pod_spec) = tpl.spec.as_mut() {
            let containers = pod_spec
                .containers
                .iter_mut()
                .chain(pod_spec.init_containers.iter_mut().flatten());
            for c in containers {
                let env = c.env.get_or_insert_with(Vec::new);
                if !env.iter().any(|e| e.name == "JOB_COMPLETION_INDEX") {
                    env.push(EnvVar {
                        name: "JOB_COMPLETION_INDEX".into(),
                        value: None,
                        value_from: Some(EnvVarSource {
                            field_ref: Some(ObjectFieldSelector {
                                api_version: None,
                                field_path: format!("metadata.labels['{COMPLETION_INDEX}']"),
                            }),
                            ..Default::default()
                        }),
                    });
                }
            }
        }
    }
    tpl
}

/// Parses `kubeplay.io/exit-codes-by-index`: `;`-separated `INDEX=CODES` or `FIRST-LAST=CODES`
/// entries; malformed entries are skipped.
pub fn parse_exit_codes_by_index(s: &str) -> Vec<(Interval, String)> {
    let mut out = Vec::new();
    for entry in s.split(';') {
        let Some((range, codes)) = entry.split_once('=') else {
            continue;
        };
        let range = range.trim();
        let parsed = match range.split_once('-') {
            Some((a, b)) => a.trim().parse().ok().zip(b.trim().parse().ok()),
            None => range.parse().ok().map(|a| (a, a)),
        };
        if let Some(r) = parsed {
            out.push((r, codes.trim().to_string()));
        }
    }
    out
}

/// Creates pods (`manageJob`'s creation loop): `count` NonIndexed pods, or one per index.
#[allow(clippy::too_many_arguments)]
fn create_pods(
    cx: &mut Ctx,
    spec: &Spec,
    state: &mut State,
    job: &Job,
    name: &str,
    world: &World,
    indexes: Option<Vec<i32>>,
    count: usize,
) -> i32 {
    let tpl = std::sync::Arc::new(pod_template(job, spec, cx.ns, name, world));
    let by_index = tpl
        .metadata
        .as_ref()
        .and_then(|m| m.annotations.as_ref())
        .and_then(|a| a.get(ANN_EXIT_CODES_BY_INDEX))
        .map(|s| parse_exit_codes_by_index(s))
        .unwrap_or_default();
    let base = NewPod {
        owner: Some(std::sync::Arc::new(cx.owner.clone())),
        namespace: cx.ns.to_string(),
        generate_name: indexes::truncate(&format!("{name}-"), indexes::MAX_GENERATED_NAME_LENGTH)
            .into(),
        default_duration: Some(DEFAULT_POD_DURATION),
        ..Default::default()
    };
    let mut created = 0;
    match indexes {
        None => {
            for _ in 0..count {
                let attempt = state.next_attempt;
                state.next_attempt = state.next_attempt.saturating_add(1);
                let pod_name = pod_name(state, world, cx.ns, &base.generate_name);
                state.tracker.created(pod_name.clone());
                let pod = NewPod {
                    template: tpl.clone(),
                    name: Some(pod_name),
                    attempt,
                    ..base.clone()
                };
                cx.actions.push(Action::CreatePod(Box::new(pod)));
                created += 1;
            }
        }
        Some(list) => {
            for i in list {
                let e = state.index_attempts.entry(i).or_default();
                let attempt = *e;
                *e = e.saturating_add(1);
                let idx = i.to_string();
                let mut annotations = vec![(COMPLETION_INDEX.to_string(), idx.clone())];
                if spec.per_index.is_some() {
                    let f = state.index_failures.get(&i).copied().unwrap_or_default();
                    annotations.push((ANN_INDEX_FAILURE_COUNT.into(), f.failed.to_string()));
                    if f.ignored > 0 {
                        annotations.push((
                            ANN_INDEX_IGNORED_FAILURE_COUNT.into(),
                            f.ignored.to_string(),
                        ));
                    }
                }
                if let Some((_, codes)) = by_index.iter().find(|((a, b), _)| (*a..=*b).contains(&i))
                {
                    annotations.push((ANN_EXIT_CODES.into(), codes.clone()));
                }
                let generate_name = generate_name_with_index(name, i);
                let pod_name = pod_name(state, world, cx.ns, &generate_name);
                state.tracker.created(pod_name.clone());
                let pod = NewPod {
                    owner: base.owner.clone(),
                    namespace: base.namespace.clone(),
                    default_duration: base.default_duration,
                    template: tpl.clone(),
                    name: Some(pod_name),
                    generate_name: generate_name.into(),
                    hostname: Some(crate::sim::concat(&[name, "-", &idx])),
                    // Each index's metadata is its own; the rest is shared with the other pods.
                    own_labels: vec![(COMPLETION_INDEX.to_string(), idx)],
                    own_annotations: annotations,
                    index: Some(i),
                    attempt,
                    ..Default::default()
                };
                cx.actions.push(Action::CreatePod(Box::new(pod)));
                state.retry_indexes.remove(&i);
                state.next_fresh_index = state.next_fresh_index.max(i.saturating_add(1));
                if let Some(f) = state.index_failures.get_mut(&i) {
                    f.awaiting_replacement = false;
                }
                created += 1;
            }
        }
    }
    created
}

/// The name the API server would give a pod with this `generateName`: the prefix and 5 characters of
/// `rand.String` (names.SimpleNameGenerator). kubeplay's Job controller picks the suffix itself,
/// deterministically from the Job and a counter and avoiding every name in use, so that it knows its
/// pods without listing them.
fn pod_name(state: &mut State, world: &World, ns: &str, generate_name: &str) -> NsName {
    let base = u64::from(crate::sim::rng::fnv32a_parts(&[
        ns.as_bytes(),
        b"/",
        generate_name.as_bytes(),
    ])) << 32;
    let mut key = (
        ns.to_string(),
        String::with_capacity(generate_name.len() + 5),
    );
    loop {
        state.name_seq = state.name_seq.wrapping_add(1);
        let mut rng = crate::sim::rng::Rng::new(base ^ state.name_seq);
        key.1.clear();
        key.1.push_str(generate_name);
        rng.push_suffix(&mut key.1, 5);
        if !world.pods.contains_key(&key) && !state.tracker.has(&key) {
            return Arc::new(key);
        }
    }
}

/// ttlSecondsAfterFinished (pkg/controller/ttlafterfinished `processJob`): the Job and its pods are
/// deleted once the TTL after the Complete/Failed condition has passed.
fn ttl_after_finished(cx: &mut Ctx, job_spec: &JobSpec, state: &mut State) {
    let (Some(ttl), Some(finished)) = (job_spec.ttl_seconds_after_finished, state.finish_time)
    else {
        return;
    };
    let expire = finished.saturating_add(i64::from(ttl.max(0)) * 1000);
    if cx.now >= expire {
        if !state.ttl_deleted {
            state.ttl_deleted = true;
            cx.actions.push(Action::DeleteJob {
                key: ns_name(cx.ns, cx.name),
                reason: Some("TTLAfterFinished".into()),
            });
        }
    } else {
        cx.requeue(state, expire);
    }
}
