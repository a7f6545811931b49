//! What Kubernetes does with a cron schedule: the API server's validation of `spec.schedule` and
//! `spec.timeZone` (kubernetes `pkg/apis/batch/validation/validation.go`) and the CronJob
//! controller's time arithmetic (kubernetes `pkg/controller/cronjob/utils.go`).
//!
//! Times are `DateTime<Utc>` (sub-second parts allowed, as in Go); the zone the schedule's wall
//! clock runs in (`spec.timeZone`, or UTC for the controller's local zone) is a separate `Tz`.

use chrono::{DateTime, TimeDelta, Utc};
use chrono_tz::Tz;
use thiserror::Error;

use super::golang;
use super::parser::{load_location, parse_standard};
use super::Schedule;

/// The kind of a Kubernetes `field.Error` that these checks produce.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldErrorKind {
    /// `field.Required` (`Required value`).
    Required,
    /// `field.Invalid` (`Invalid value: "<value>": <detail>`).
    Invalid,
}

/// One validation error, like apimachinery's `field.Error`. `Display` is `Error()`'s text, e.g.
/// `spec.schedule: Invalid value: "0 0 * * 7": end of range (7) above maximum (6): 7`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// `spec.schedule` or `spec.timeZone`.
    pub field: &'static str,
    pub kind: FieldErrorKind,
    /// The rejected value (empty for `Required`).
    pub value: String,
    /// The upstream detail message (robfig's parse error, or validation.go's own wording).
    pub detail: String,
}

impl FieldError {
    fn invalid(field: &'static str, value: &str, detail: impl Into<String>) -> Self {
        Self {
            field,
            kind: FieldErrorKind::Invalid,
            value: value.to_string(),
            detail: detail.into(),
        }
    }
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.kind {
            FieldErrorKind::Required => write!(f, "{}: Required value", self.field)?,
            FieldErrorKind::Invalid => write!(
                f,
                "{}: Invalid value: {}",
                self.field,
                golang::quote(&self.value)
            )?,
        }
        if !self.detail.is_empty() {
            write!(f, ": {}", self.detail)?;
        }
        Ok(())
    }
}

/// The API server's checks of a CronJob's `spec.schedule` and `spec.timeZone` on create, as
/// one line per error in `field.Error` form (`spec.schedule: Invalid value: "...": ...`). See
/// [`validate_cronjob_schedule`] for the structured form and for updates.
pub fn validate_for_cronjob(schedule: &str, time_zone: Option<&str>) -> Vec<String> {
    validate_cronjob_schedule(schedule, time_zone, None)
        .iter()
        .map(ToString::to_string)
        .collect()
}

/// The schedule and time zone of the CronJob being replaced, for update validation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PreviousSpec<'a> {
    pub schedule: &'a str,
    pub time_zone: Option<&'a str>,
}

/// The schedule and time-zone part of kubernetes `validation.go` `validateCronJobSpec`: an empty
/// schedule is `Required`; otherwise `validateScheduleFormat` (robfig's parse error, and
/// "cannot use TZ or CRON_TZ in schedule, use timeZone field instead" for any schedule containing
/// `TZ` unless the previous schedule already had one, in which case only the combination with
/// `timeZone` is rejected); then `validateTimeZone` on create or when the zone changed.
pub fn validate_cronjob_schedule(
    schedule: &str,
    time_zone: Option<&str>,
    previous: Option<PreviousSpec<'_>>,
) -> Vec<FieldError> {
    let mut errs = Vec::new();
    if schedule.is_empty() {
        errs.push(FieldError {
            field: "spec.schedule",
            kind: FieldErrorKind::Required,
            value: String::new(),
            detail: String::new(),
        });
    } else {
        let allow_tz_in_schedule = previous.is_some_and(|p| p.schedule.contains("TZ"));
        errs.extend(validate_schedule_format(
            schedule,
            allow_tz_in_schedule,
            time_zone,
        ));
    }
    if previous.is_none_or(|p| p.time_zone != time_zone) {
        errs.extend(validate_time_zone(time_zone));
    }
    errs
}

/// kubernetes `validation.go` `validateScheduleFormat`.
fn validate_schedule_format(
    schedule: &str,
    allow_tz_in_schedule: bool,
    time_zone: Option<&str>,
) -> Vec<FieldError> {
    const FIELD: &str = "spec.schedule";
    let mut errs = Vec::new();
    if let Err(e) = parse_standard(schedule) {
        errs.push(FieldError::invalid(FIELD, schedule, e.to_string()));
    }
    let has_tz = schedule.contains("TZ");
    if allow_tz_in_schedule && has_tz && time_zone.is_some() {
        errs.push(FieldError::invalid(
            FIELD,
            schedule,
            "cannot use both timeZone field and TZ or CRON_TZ in schedule",
        ));
    } else if !allow_tz_in_schedule && has_tz {
        errs.push(FieldError::invalid(
            FIELD,
            schedule,
            "cannot use TZ or CRON_TZ in schedule, use timeZone field instead",
        ));
    }
    errs
}

/// kubernetes `validation.go` `validTimeZoneCharacters`: `^[A-Za-z\.\-_0-9+]{1,14}$`.
fn valid_time_zone_part(part: &str) -> bool {
    (1..=14).contains(&part.len())
        && part
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_' | b'+'))
}

/// kubernetes `validation.go` `validateTimeZone`: non-empty, IANA-style name parts, not `Local`,
/// and known to `time.LoadLocation` (here: the chrono-tz database).
fn validate_time_zone(time_zone: Option<&str>) -> Vec<FieldError> {
    const FIELD: &str = "spec.timeZone";
    let mut errs = Vec::new();
    let Some(tz) = time_zone else {
        return errs;
    };
    if tz.is_empty() {
        errs.push(FieldError::invalid(
            FIELD,
            tz,
            "timeZone must be nil or non-empty string",
        ));
        return errs;
    }
    for part in tz.split('/') {
        if part == "." || part == ".." || part.starts_with('-') || !valid_time_zone_part(part) {
            errs.push(FieldError::invalid(
                FIELD,
                tz,
                format!("unknown time zone {tz}"),
            ));
            return errs;
        }
    }
    if tz.eq_ignore_ascii_case("Local") {
        errs.push(FieldError::invalid(
            FIELD,
            tz,
            "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones",
        ));
    }
    if let Err(reason) = load_location(tz) {
        errs.push(FieldError::invalid(FIELD, tz, reason));
    }
    errs
}

/// The controller's requeue padding, kubernetes `cronjob_controllerv2.go` `nextScheduleDelta`
/// (100ms).
pub const NEXT_SCHEDULE_DELTA_MS: i64 = 100;

/// The CronJob fields the controller's time arithmetic reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CronJobTimes {
    /// `metadata.creationTimestamp`.
    pub creation_timestamp: DateTime<Utc>,
    /// `status.lastScheduleTime`.
    pub last_schedule_time: Option<DateTime<Utc>>,
    /// `spec.startingDeadlineSeconds`.
    pub starting_deadline_seconds: Option<i64>,
}

/// How many scheduled times were missed (kubernetes `utils.go` `missedSchedulesType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MissedSchedules {
    /// `noneMissed`.
    None,
    /// `fewMissed`: at least one, at most 100.
    Few,
    /// `manyMissed`: more than 100 (the controller emits a `TooManyMissedTimes` warning).
    Many,
}

/// The result of [`most_recent_schedule_time`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MostRecentSchedule {
    /// The last schedule time or creation time (or `now - startingDeadlineSeconds`, if later and
    /// asked for).
    pub earliest: DateTime<Utc>,
    /// The most recent time a Job should have been created, if any is due.
    pub most_recent: Option<DateTime<Utc>>,
    /// The (approximate) number of missed times, bucketed.
    pub missed: MissedSchedules,
}

/// The error of kubernetes `utils.go` `mostRecentScheduleTime`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum ScheduleTimeError {
    /// Two consecutive activations are less than a second apart, or there is no second
    /// activation at all (a schedule like `59 23 31 2 *` that never fires).
    #[error("time difference between two schedules is less than 1 second")]
    TooClose,
}

/// `schedule.Next(t)` on `DateTime<Utc>`, the wall clock running in `zone`.
fn next_utc(schedule: &Schedule, zone: Tz, t: DateTime<Utc>) -> Option<DateTime<Utc>> {
    schedule
        .next_unix(t.timestamp(), zone)
        .and_then(|s| DateTime::from_timestamp(s, 0))
}

/// kubernetes `pkg/controller/cronjob/utils.go` `mostRecentScheduleTime`: the earliest time
/// considered, the most recent activation in `(earliest, now]` if there is one, and a rough count
/// of missed activations (computed, like upstream, from the gap between the first two activations
/// after `earliest`, so irregular schedules may report a due time as missing; see upstream's
/// "another complex schedule" case).
///
/// `zone` is the zone the schedule's wall clock runs in (`spec.timeZone`, else the controller's
/// local zone, UTC in kubeplay); a `TZ=` prefix in the schedule overrides it, as in robfig.
/// `include_starting_deadline_seconds` moves `earliest` to `now - startingDeadlineSeconds` when
/// that is later (the controller passes `true` when deciding what to run, `false` when computing
/// the requeue delay).
pub fn most_recent_schedule_time(
    schedule: &Schedule,
    zone: Tz,
    cj: &CronJobTimes,
    now: DateTime<Utc>,
    include_starting_deadline_seconds: bool,
) -> Result<MostRecentSchedule, ScheduleTimeError> {
    let mut earliest = cj.last_schedule_time.unwrap_or(cj.creation_timestamp);
    let mut missed = MissedSchedules::None;
    if include_starting_deadline_seconds {
        if let Some(sds) = cj.starting_deadline_seconds {
            // Controller is not going to schedule anything below this point.
            let deadline = TimeDelta::try_seconds(sds).and_then(|d| now.checked_sub_signed(d));
            if let Some(deadline) = deadline {
                if deadline > earliest {
                    earliest = deadline;
                }
            }
        }
    }

    let none = |missed| {
        Ok(MostRecentSchedule {
            earliest,
            most_recent: None,
            missed,
        })
    };
    let Some(t1) = next_utc(schedule, zone, earliest) else {
        // Go: t1 and t2 are the zero time; their difference is 0.
        return Err(ScheduleTimeError::TooClose);
    };
    if now < t1 {
        return none(missed);
    }
    let Some(t2) = next_utc(schedule, zone, t1) else {
        return Err(ScheduleTimeError::TooClose);
    };
    if now < t2 {
        return Ok(MostRecentSchedule {
            earliest,
            most_recent: Some(t1),
            missed,
        });
    }

    let between = t2.timestamp() - t1.timestamp();
    if between < 1 {
        return Err(ScheduleTimeError::TooClose);
    }
    // Rough count of missed activations: how many gaps of (t2 - t1) fit between t1 and now.
    let elapsed = (now - t1).num_seconds();
    let number_missed = elapsed / between + 1;

    // Start two gaps early and let the schedule find the real times (upstream: critical for
    // @every and for irregular schedules such as `30 6-16/4 * * 1-5`).
    let back = (number_missed - 2).saturating_mul(between);
    let potential_earliest = t1.timestamp().saturating_add(back);
    let mut most_recent = None;
    let mut t = schedule.next_unix(potential_earliest, zone);
    while let Some(s) = t {
        let Some(at) = DateTime::from_timestamp(s, 0) else {
            break;
        };
        if at > now {
            break;
        }
        most_recent = Some(at);
        t = schedule.next_unix(s, zone);
    }

    if number_missed > 100 {
        missed = MissedSchedules::Many;
    } else if number_missed > 0 {
        missed = MissedSchedules::Few;
    }
    Ok(MostRecentSchedule {
        earliest,
        most_recent,
        missed,
    })
}

/// A scheduled time the controller should start a Job for (see [`next_schedule_time`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DueSchedule {
    /// The scheduled time (the Job is named `<cronjob>-<this in minutes since the epoch>`).
    pub scheduled: DateTime<Utc>,
    /// More than 100 times were missed: upstream records a Warning event `TooManyMissedTimes`,
    /// "too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock
    /// skew", and still starts this one.
    pub too_many_missed: bool,
}

/// kubernetes `utils.go` `nextScheduleTime`: the time to start a Job for now, if any (the most
/// recent unmet activation since the last schedule time, creation time, or
/// `now - startingDeadlineSeconds`).
pub fn next_schedule_time(
    schedule: &Schedule,
    zone: Tz,
    cj: &CronJobTimes,
    now: DateTime<Utc>,
) -> Result<Option<DueSchedule>, ScheduleTimeError> {
    let r = most_recent_schedule_time(schedule, zone, cj, now, true)?;
    Ok(match r.most_recent {
        Some(t) if t <= now => Some(DueSchedule {
            scheduled: t,
            too_many_missed: r.missed == MissedSchedules::Many,
        }),
        _ => None,
    })
}

/// kubernetes `utils.go` `nextScheduleTimeDuration`: how long until the controller should look
/// at this CronJob again (the next activation after the most recent one, plus
/// [`NEXT_SCHEDULE_DELTA_MS`], minus `now`). `None` if the schedule never fires again.
pub fn next_schedule_time_duration(
    schedule: &Schedule,
    zone: Tz,
    cj: &CronJobTimes,
    now: DateTime<Utc>,
) -> Option<TimeDelta> {
    let base = match most_recent_schedule_time(schedule, zone, cj, now, false) {
        // We still have to requeue at some point, so aim for the next slot from now.
        Err(_) => now,
        Ok(MostRecentSchedule {
            most_recent: Some(t),
            ..
        }) => t,
        Ok(MostRecentSchedule {
            earliest,
            missed: MissedSchedules::None,
            ..
        }) => earliest,
        Ok(_) => now,
    };
    let next = next_utc(schedule, zone, base)?;
    Some(next.checked_add_signed(TimeDelta::milliseconds(NEXT_SCHEDULE_DELTA_MS))? - now)
}
