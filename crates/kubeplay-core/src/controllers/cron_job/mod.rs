//! The CronJob controller: kubernetes `pkg/controller/cronjob/cronjob_controllerv2.go` (`sync`,
//! `cleanupFinishedJobs`, `syncCronJob`, `getJobName`, `formatSchedule`) with the time arithmetic of
//! `utils.go` (`mostRecentScheduleTime`, `nextScheduleTime`, `nextScheduleTimeDuration`, taken from
//! [`crate::cron`]) and `getJobFromTemplate2`.
//!
//! One [`sync`] is one pass of upstream `sync`: delete finished Jobs beyond the history limits, then
//! reconcile the active list with the Jobs this CronJob controls, then start at most one Job for the
//! most recent unmet scheduled time, then requeue at the next scheduled time plus 100ms
//! (`nextScheduleDelta`). Times are virtual milliseconds ([`Millis`]); the wall clock is
//! `world.start_unix_ms + virtual`.
//!
//! Upstream behaviours kept on purpose (learners meet them on real clusters):
//! - Forbid does not advance `lastScheduleTime` when it skips, so the skipped run starts late, when the
//!   active Job ends, unless `startingDeadlineSeconds` has passed by then.
//! - The `MissSchedule` check (`tooLate`) cannot fire: `mostRecentScheduleTime` already looks back no
//!   further than `now - startingDeadlineSeconds`, so a time past its deadline is skipped silently.
//! - Job names use minutes: two scheduled times in one minute (`@every 30s`) map to one name, so the
//!   second run does not start: its name is in the active list, or, if that Job already finished,
//!   creating it meets "AlreadyExists" and the finished Job is put back in the active list.
//! - A Job created by `kubectl create job --from=cronjob/X` is controlled by X but never in its active
//!   list: every sync while it runs records `UnexpectedJob`.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, SecondsFormat, TimeDelta, Utc};
use chrono_tz::Tz;
use k8s_openapi::api::batch::v1::{CronJob, Job};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;

use super::{Action, NewJob};
use crate::cron::{self, CronJobTimes, Schedule};
use crate::duration::Millis;
use crate::sim::world::{OwnerRef, World};

#[cfg(test)]
mod tests;

/// `batchv1.CronJobScheduledTimestampAnnotation`: the scheduled time of a Job, RFC3339 in the
/// CronJob's time zone (set by `getJobFromTemplate2`).
pub const ANN_SCHEDULED_TIMESTAMP: &str = "batch.kubernetes.io/cronjob-scheduled-timestamp";
/// Set by `kubectl create job --from=cronjob/X` (kubectl `create_job.go`) to `manual`.
pub const ANN_INSTANTIATE: &str = "cronjob.kubernetes.io/instantiate";
/// API default of `spec.successfulJobsHistoryLimit` (`SetDefaults_CronJob`).
pub const DEFAULT_SUCCESSFUL_JOBS_HISTORY_LIMIT: i32 = 3;
/// API default of `spec.failedJobsHistoryLimit` (`SetDefaults_CronJob`).
pub const DEFAULT_FAILED_JOBS_HISTORY_LIMIT: i32 = 1;
/// The `TooManyMissedTimes` warning (`utils.go` `nextScheduleTime`).
pub const TOO_MANY_MISSED_MESSAGE: &str =
    "too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew";
/// The `JobAlreadyActive` event (`syncCronJob`, concurrencyPolicy Forbid).
pub const JOB_ALREADY_ACTIVE_MESSAGE: &str =
    "Not starting job because prior execution is running and concurrency policy is Forbid";
/// Timeline reason of a Job deleted by concurrencyPolicy Replace.
pub const REASON_REPLACED: &str = "Replaced";
/// Timeline reason of a Job deleted by the history limits (`cleanupFinishedJobs`).
pub const REASON_HISTORY_LIMIT: &str = "HistoryLimit";

const KIND: &str = "CronJob";

/// The CronJob's status (`status.lastScheduleTime`, `status.lastSuccessfulTime`, `status.active`)
/// and the controller's bookkeeping.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct State {
    /// `status.lastScheduleTime` (virtual ms): the scheduled time of the last Job started.
    pub last_schedule_time: Option<Millis>,
    /// `status.lastSuccessfulTime` (virtual ms): the latest completion time of a Complete Job.
    pub last_successful_time: Option<Millis>,
    /// `status.active`: names of the Jobs this controller started that have not finished, oldest first.
    pub active: Vec<String>,
    /// `metadata.creationTimestamp` (virtual ms): the time of the first sync, which the engine runs
    /// at the instant the CronJob is created.
    pub created: Option<Millis>,
    /// Live Jobs this CronJob controls (`getJobsToBeReconciled`), by name, in its namespace: the
    /// ones it created plus any others found with it as controller (`kubectl create job --from`).
    pub jobs: BTreeSet<String>,
    /// How many entries this controller added to `world.jobs` (Jobs it created under new names).
    creations: usize,
    /// `world.jobs.len()` minus the creations of every CronJob at the last scan: the Jobs no
    /// CronJob controller created (manifests, `kubectl create job --from`). When it changes, the
    /// namespace is scanned for Jobs this CronJob controls (see [`State::jobs`]).
    foreign_seen: usize,
    /// The pending requeue, so that each sync does not queue the same wake-up again
    /// (upstream's `AddAfter` keeps one entry per key).
    requeue_at: Option<Millis>,
    /// The last parsed `spec.schedule`.
    parsed: Option<(String, Schedule)>,
}

/// What `kubectl get cronjobs` shows of one CronJob besides NAME and AGE (printers.go
/// `printCronJob`): SCHEDULE, TIMEZONE, SUSPEND, ACTIVE and LAST SCHEDULE.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KubectlColumns {
    /// `spec.schedule` as written.
    pub schedule: String,
    /// `spec.timeZone`, or `<none>`.
    pub time_zone: String,
    /// `True`/`False` (`printBoolPtr`; the API server defaults an unset `suspend` to false).
    pub suspend: String,
    /// `len(status.active)`.
    pub active: usize,
    /// How long ago `status.lastScheduleTime` was (format with the printers' `HumanDuration`);
    /// `None` prints `<none>`.
    pub last_schedule_age: Option<Millis>,
}

/// The columns of `kubectl get cronjobs` for `cj` at virtual time `now`.
pub fn kubectl_columns(cj: &CronJob, state: &State, now: Millis) -> KubectlColumns {
    let suspend = if cj.spec.suspend.unwrap_or(false) {
        "True"
    } else {
        "False"
    };
    KubectlColumns {
        schedule: cj.spec.schedule.clone(),
        time_zone: cj.spec.time_zone.clone().unwrap_or_else(|| "<none>".into()),
        suspend: suspend.into(),
        active: state.active.len(),
        last_schedule_age: state.last_schedule_time.map(|t| now.saturating_sub(t)),
    }
}

/// kubernetes `cronjob_controllerv2.go` `getJobName`: `<cronjob>-<scheduled time in minutes since
/// the Unix epoch>` (`getTimeHashInMinutes`). `scheduled_unix_ms` is wall-clock milliseconds.
pub fn job_name(cron_job: &str, scheduled_unix_ms: i64) -> String {
    format!(
        "{cron_job}-{}",
        scheduled_unix_ms.div_euclid(1000).div_euclid(60)
    )
}

/// Go's `time.RFC1123Z` in UTC (`Mon, 02 Jan 2006 15:04:05 -0700`), as in the `MissSchedule` event.
pub fn rfc1123z(t: DateTime<Utc>) -> String {
    t.format("%a, %d %b %Y %H:%M:%S %z").to_string()
}

/// Go's `time.RFC3339` of `t` in `zone` (`Z` for a zero offset), as in the scheduled-timestamp
/// annotation.
pub fn rfc3339_in(t: DateTime<Utc>, zone: Tz) -> String {
    t.with_timezone(&zone)
        .to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// The job-template part of `getJobFromTemplate2`: the Job a CronJob starts for `scheduled`
/// (labels and annotations copied from `spec.jobTemplate.metadata`, the scheduled-timestamp
/// annotation in `annotation_zone`, the CronJob as controller, `spec.jobTemplate.spec`).
pub fn job_from_template(cj: &CronJob, scheduled: DateTime<Utc>, annotation_zone: Tz) -> Job {
    let tpl = cj.spec.job_template.metadata.as_ref();
    let labels: BTreeMap<String, String> = tpl.and_then(|m| m.labels.clone()).unwrap_or_default();
    let mut annotations: BTreeMap<String, String> =
        tpl.and_then(|m| m.annotations.clone()).unwrap_or_default();
    annotations.insert(
        ANN_SCHEDULED_TIMESTAMP.into(),
        rfc3339_in(scheduled, annotation_zone),
    );
    let name = cj.metadata.name.as_deref().unwrap_or_default();
    Job {
        metadata: ObjectMeta {
            name: Some(job_name(name, scheduled.timestamp_millis())),
            namespace: Some(namespace_of(cj).to_string()),
            labels: (!labels.is_empty()).then_some(labels),
            annotations: Some(annotations),
            owner_references: Some(vec![crate::sim::apply::controller_ref(
                KIND, "batch/v1", name,
            )]),
            ..Default::default()
        },
        spec: cj.spec.job_template.spec.clone(),
        status: None,
    }
}

fn namespace_of(cj: &CronJob) -> &str {
    cj.metadata.namespace.as_deref().unwrap_or("default")
}

/// Whether `job`'s controller reference names the CronJob `name` (`getJobsToBeReconciled`).
fn controlled_by(job: &Job, name: &str) -> bool {
    crate::sim::apply::owner_of(&job.metadata) == Some((KIND, name))
}

/// How a Job finished (`getFinishedStatus`: its Complete or Failed condition).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Finished {
    Complete,
    Failed,
}

impl Finished {
    fn as_str(self) -> &'static str {
        match self {
            Finished::Complete => "Complete",
            Finished::Failed => "Failed",
        }
    }
}

/// One Job this CronJob controls, as the controller reads it from the Job lister.
#[derive(Debug, Clone)]
struct Child {
    name: String,
    /// `status.startTime` (kubeplay: creation; Jobs start the instant they are created).
    start: Millis,
    finished: Option<Finished>,
    /// `status.completionTime`.
    completion: Option<Millis>,
}

/// Accumulates the actions of one sync.
struct Out<'a> {
    ns: &'a str,
    name: &'a str,
    actions: Vec<Action>,
}

impl Out<'_> {
    fn normal(&mut self, reason: &'static str, message: String) {
        self.actions
            .push(Action::normal(reason, KIND, self.ns, self.name, message));
    }
    fn warning(&mut self, reason: &'static str, message: String) {
        self.actions
            .push(Action::warning(reason, KIND, self.ns, self.name, message));
    }
}

/// Virtual milliseconds to wall-clock time.
fn wall(world: &World, ms: Millis) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(world.start_unix_ms.saturating_add(ms)).unwrap_or_default()
}

/// Wall-clock time to virtual milliseconds.
fn virt(world: &World, t: DateTime<Utc>) -> Millis {
    t.timestamp_millis().saturating_sub(world.start_unix_ms)
}

/// One sync of a CronJob (upstream `ControllerV2.sync`): history cleanup, then `syncCronJob`.
pub fn sync(cj: &CronJob, state: &mut State, world: &World) -> Vec<Action> {
    let ns = namespace_of(cj);
    let name = cj.metadata.name.as_deref().unwrap_or_default();
    state.created.get_or_insert(world.now);
    discover_jobs(state, world, ns, name);
    let children = children(state, world, ns);
    let mut out = Out {
        ns,
        name,
        actions: Vec::new(),
    };
    cleanup_finished_jobs(cj, state, &children, &mut out);
    let created = sync_cron_job(cj, state, &children, world, &mut out);
    state.creations += usize::from(created);
    out.actions
}

/// Adds to `state.jobs` the live Jobs of the namespace that this CronJob controls but did not
/// create (`kubectl create job --from=cronjob/X`, applied Jobs with an ownerReference). The scan
/// runs only when the number of Jobs that no CronJob controller created has changed since the last
/// one (`world.jobs` never shrinks in kubeplay), so long simulations with any number of CronJobs
/// do not walk every Job ever created at each sync. (The CronJob being synced is out of
/// `world.cron_jobs` during its sync, hence `state` is counted apart.)
fn discover_jobs(state: &mut State, world: &World, ns: &str, name: &str) {
    let by_cron_jobs: usize = world
        .cron_jobs
        .values()
        .map(|t| t.state.creations)
        .fold(state.creations, usize::wrapping_add);
    let foreign = world.jobs.len().wrapping_sub(by_cron_jobs);
    if foreign == state.foreign_seen {
        return;
    }
    state.foreign_seen = foreign;
    let from = (ns.to_string(), String::new());
    for (key, t) in world.jobs.range(from..) {
        let (job_ns, job_name) = &**key;
        if job_ns != ns {
            break;
        }
        if t.deleted.is_some() || state.jobs.contains(job_name) {
            continue;
        }
        let key = (job_ns.clone(), job_name.clone());
        let recorded = world
            .job_records
            .get(&key)
            .and_then(|r| r.cron_job.as_deref())
            == Some(name);
        if recorded || controlled_by(&t.object, name) {
            state.jobs.insert(job_name.clone());
        }
    }
}

/// The live Jobs of `state.jobs` with their finished status, read from their timeline records
/// (`world.job_records`: status, completion and deletion times); drops the ones that were deleted.
fn children(state: &mut State, world: &World, ns: &str) -> Vec<Child> {
    let mut out = Vec::with_capacity(state.jobs.len());
    let mut key = (ns.to_string(), String::new());
    state.jobs.retain(|name| {
        key.1.clear();
        key.1.push_str(name);
        let Some(r) = world.job_records.get(&key).filter(|r| r.deleted.is_none()) else {
            return false;
        };
        let finished = match r.status.as_str() {
            "Complete" => Some(Finished::Complete),
            "Failed" => Some(Finished::Failed),
            _ => None,
        };
        out.push(Child {
            name: name.clone(),
            start: r.created,
            finished,
            completion: r.finished,
        });
        true
    });
    out
}

/// kubernetes `cronjob_controllerv2.go` `cleanupFinishedJobs` / `removeOldestJobs`: deletes the
/// oldest finished Jobs beyond `successfulJobsHistoryLimit` (default 3) and
/// `failedJobsHistoryLimit` (default 1), oldest start time first, names breaking ties
/// (`byJobStartTime`), each with a `SuccessfulDelete` event; a deleted Job also leaves the active
/// list (`deleteJob`).
fn cleanup_finished_jobs(cj: &CronJob, state: &mut State, children: &[Child], out: &mut Out<'_>) {
    let limits = [
        (
            Finished::Complete,
            cj.spec
                .successful_jobs_history_limit
                .unwrap_or(DEFAULT_SUCCESSFUL_JOBS_HISTORY_LIMIT),
        ),
        (
            Finished::Failed,
            cj.spec
                .failed_jobs_history_limit
                .unwrap_or(DEFAULT_FAILED_JOBS_HISTORY_LIMIT),
        ),
    ];
    for (kind, limit) in limits {
        let mut finished: Vec<&Child> = children
            .iter()
            .filter(|c| c.finished == Some(kind))
            .collect();
        let limit = usize::try_from(limit.max(0)).unwrap_or(0);
        if finished.len() <= limit {
            continue;
        }
        finished.sort_by(|a, b| (a.start, &a.name).cmp(&(b.start, &b.name)));
        let n = finished.len() - limit;
        for c in finished.into_iter().take(n) {
            delete_job(state, &c.name, REASON_HISTORY_LIMIT, out);
        }
    }
}

/// kubernetes `cronjob_controllerv2.go` `deleteJob`: deletes the Job (and, in the background, its
/// pods), drops it from the active list, and records `SuccessfulDelete`.
fn delete_job(state: &mut State, job: &str, reason: &str, out: &mut Out<'_>) {
    out.actions.push(Action::DeleteJob {
        key: crate::sim::world::ns_name(out.ns, job),
        reason: Some(reason.to_string()),
    });
    state.active.retain(|a| a != job);
    state.jobs.remove(job);
    out.normal("SuccessfulDelete", format!("Deleted job {job}"));
}

/// The zone the controller computes in when the schedule and `spec.timeZone` do not say: the
/// kube-controller-manager's local zone, UTC in kubeplay.
const CONTROLLER_ZONE: Tz = Tz::UTC;

/// kubernetes `cronjob_controllerv2.go` `syncCronJob`. Returns whether it asked for a new Job (for
/// the bookkeeping of [`discover_jobs`]).
fn sync_cron_job(
    cj: &CronJob,
    state: &mut State,
    children: &[Child],
    world: &World,
    out: &mut Out<'_>,
) -> bool {
    let now = wall(world, world.now);

    for c in children {
        let found = state.active.contains(&c.name);
        match c.finished {
            None if !found => out.warning(
                "UnexpectedJob",
                format!(
                    "Saw a job that the controller did not create or forgot: {}",
                    c.name
                ),
            ),
            None => {}
            Some(cond) => {
                if found {
                    state.active.retain(|a| a != &c.name);
                    out.normal(
                        "SawCompletedJob",
                        format!(
                            "Saw completed job: {}, condition: {}",
                            c.name,
                            cond.as_str()
                        ),
                    );
                }
                if cond == Finished::Complete {
                    if state.last_successful_time.is_none() {
                        state.last_successful_time = c.completion;
                    }
                    if let (Some(done), Some(last)) = (c.completion, state.last_successful_time) {
                        if done > last {
                            state.last_successful_time = Some(done);
                        }
                    }
                }
            }
        }
    }

    // Active Jobs that no longer exist (deleted by someone else).
    let missing: Vec<String> = state
        .active
        .iter()
        .filter(|a| !children.iter().any(|c| &c.name == *a))
        .cloned()
        .collect();
    for m in missing {
        out.normal("MissingJob", format!("Active job went missing: {m}"));
        state.active.retain(|a| a != &m);
    }

    // spec.timeZone: the zone of the schedule and of the scheduled-timestamp annotation.
    let mut zone = CONTROLLER_ZONE;
    if let Some(tz) = &cj.spec.time_zone {
        match cron::load_location(tz) {
            Ok(z) => zone = z.unwrap_or(CONTROLLER_ZONE),
            Err(e) => {
                out.warning("UnknownTimeZone", format!("invalid timeZone: {tz:?}: {e}"));
                return false;
            }
        }
    }

    if cj.spec.suspend.unwrap_or(false) {
        return false;
    }

    // formatSchedule: a TZ= prefix wins over spec.timeZone (and draws a warning).
    let schedule_text = &cj.spec.schedule;
    let mut schedule_zone = zone;
    if schedule_text.contains("TZ") {
        out.warning(
            "UnsupportedSchedule",
            format!(
                "CRON_TZ or TZ used in schedule {schedule_text:?} is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details"
            ),
        );
        schedule_zone = CONTROLLER_ZONE;
    }
    let schedule = match parse_cached(state, schedule_text) {
        Ok(s) => s,
        Err(e) => {
            out.warning(
                "UnparseableSchedule",
                format!("unparseable schedule: {schedule_text:?} : {e}"),
            );
            return false;
        }
    };

    let times = times(cj, state, world);
    let due = match cron::next_schedule_time(&schedule, schedule_zone, &times, now) {
        Ok(d) => d,
        Err(e) => {
            out.warning(
                "InvalidSchedule",
                format!("invalid schedule: {schedule_text} : {e}"),
            );
            return false;
        }
    };
    let Some(due) = due else {
        requeue(cj, state, world, &schedule, schedule_zone, out);
        return false;
    };
    if due.too_many_missed {
        out.warning("TooManyMissedTimes", TOO_MANY_MISSED_MESSAGE.to_string());
    }
    let scheduled = due.scheduled;
    let scheduled_ms = virt(world, scheduled);

    let too_late = cj.spec.starting_deadline_seconds.is_some_and(|sds| {
        TimeDelta::try_seconds(sds)
            .and_then(|d| scheduled.checked_add_signed(d))
            .is_some_and(|deadline| deadline < now)
    });
    if too_late {
        out.warning(
            "MissSchedule",
            format!(
                "Missed scheduled time to start a job: {}",
                rfc1123z(scheduled)
            ),
        );
        requeue(cj, state, world, &schedule, schedule_zone, out);
        return false;
    }

    let name = out.name;
    let job_name = job_name(name, scheduled.timestamp_millis());
    if state.active.contains(&job_name) || state.last_schedule_time == Some(scheduled_ms) {
        requeue(cj, state, world, &schedule, schedule_zone, out);
        return false;
    }
    let policy = cj.spec.concurrency_policy.as_deref().unwrap_or("Allow");
    if policy == "Forbid" && !state.active.is_empty() {
        out.normal("JobAlreadyActive", JOB_ALREADY_ACTIVE_MESSAGE.to_string());
        requeue(cj, state, world, &schedule, schedule_zone, out);
        return false;
    }
    if policy == "Replace" {
        for a in state.active.clone() {
            delete_job(state, &a, REASON_REPLACED, out);
        }
    }

    let key = (out.ns.to_string(), job_name.clone());
    let existing = world.jobs.get(&key);
    // Whether the Job map grows (a deleted Job of the same name is replaced in place).
    let created = existing.is_none();
    if let Some(existing) = existing.filter(|t| t.deleted.is_none()) {
        // errors.IsAlreadyExists: adopt it into the active list if it is ours, else leave it be.
        // Upstream returns without a requeue on both paths.
        if !controlled_by(&existing.object, name) || state.active.contains(&job_name) {
            return false;
        }
        state.jobs.insert(job_name.clone());
    } else {
        if cj.spec.job_template.spec.is_none() {
            out.warning(
                "FailedCreate",
                format!(
                    "Error creating job: Job.batch {job_name:?} is invalid: spec.template.spec.containers: Required value"
                ),
            );
            requeue(cj, state, world, &schedule, schedule_zone, out);
            return false;
        }
        let job = job_from_template(cj, scheduled, zone);
        out.actions.push(Action::CreateJob(Box::new(NewJob {
            job,
            cron_job: Some(name.to_string()),
            scheduled_time: Some(scheduled_ms),
        })));
        out.normal("SuccessfulCreate", format!("Created job {job_name}"));
        state.jobs.insert(job_name.clone());
    }
    state.active.push(job_name);
    state.last_schedule_time = Some(scheduled_ms);
    requeue(cj, state, world, &schedule, schedule_zone, out);
    created
}

/// Parses `spec.schedule`, reusing the last result when it did not change.
fn parse_cached(state: &mut State, text: &str) -> Result<Schedule, cron::CronError> {
    if let Some((t, s)) = &state.parsed {
        if t == text {
            return Ok(*s);
        }
    }
    let s = cron::parse_standard(text)?;
    state.parsed = Some((text.to_string(), s));
    Ok(s)
}

/// The CronJob fields `mostRecentScheduleTime` reads, in wall-clock time.
fn times(cj: &CronJob, state: &State, world: &World) -> CronJobTimes {
    CronJobTimes {
        creation_timestamp: wall(world, state.created.unwrap_or(world.now)),
        last_schedule_time: state.last_schedule_time.map(|t| wall(world, t)),
        starting_deadline_seconds: cj.spec.starting_deadline_seconds,
    }
}

/// Queues the next sync at `nextScheduleTimeDuration` from now (the next scheduled time + 100ms),
/// unless that wake-up is already queued. A schedule that never fires again queues nothing.
fn requeue(
    cj: &CronJob,
    state: &mut State,
    world: &World,
    schedule: &Schedule,
    zone: Tz,
    out: &mut Out<'_>,
) {
    let now = wall(world, world.now);
    let times = times(cj, state, world);
    let Some(after) = cron::next_schedule_time_duration(schedule, zone, &times, now) else {
        return;
    };
    let at = world.now.saturating_add(after.num_milliseconds().max(1));
    if state.requeue_at == Some(at) {
        return;
    }
    state.requeue_at = Some(at);
    out.actions.push(Action::Requeue {
        owner: OwnerRef::new(KIND, out.ns, out.name),
        at,
    });
}
