//! robfig/cron v3 compatible schedules, as the Kubernetes CronJob controller uses them.
//!
//! - [`parse_standard`]: robfig/cron v3.0.1 `ParseStandard` (five fields, names, `?`, steps,
//!   descriptors, `@every`, `TZ=` prefix) with robfig's exact error strings ([`CronError`]).
//! - [`Schedule::next`] / [`Schedule::next_unix`]: robfig `SpecSchedule.Next` in a
//!   `chrono_tz::Tz`, including its daylight-saving behaviour and its five-year search limit.
//! - [`validate_for_cronjob`] / [`validate_cronjob_schedule`]: the API server's checks of
//!   `spec.schedule` and `spec.timeZone` (kubernetes `pkg/apis/batch/validation/validation.go`).
//! - [`most_recent_schedule_time`], [`next_schedule_time`], [`next_schedule_time_duration`]: the
//!   CronJob controller's time arithmetic (kubernetes `pkg/controller/cronjob/utils.go`).
//! - [`explain`]: one plain-language line in English or Korean.
//!
//! Nothing here reads the wall clock: every "now" is a parameter.
//!
//! Known limits: chrono-tz's tables stop listing daylight-saving changes after 2037, where Go
//! extends the last rule; names Go finds in the host's zoneinfo but chrono-tz lacks are rejected.

mod explain;
mod golang;
mod k8s;
mod parser;
mod spec;

#[cfg(test)]
mod k8s_tests;
#[cfg(test)]
mod parser_tests;
#[cfg(test)]
mod spec_tests;

pub use explain::{explain, Lang};
pub use k8s::{
    most_recent_schedule_time, next_schedule_time, next_schedule_time_duration,
    validate_cronjob_schedule, validate_for_cronjob, CronJobTimes, DueSchedule, FieldError,
    FieldErrorKind, MissedSchedules, MostRecentSchedule, PreviousSpec, ScheduleTimeError,
    NEXT_SCHEDULE_DELTA_MS,
};
pub use parser::{load_location, parse_standard};
pub use spec::Schedule;

use thiserror::Error;

/// Why a schedule was rejected. `Display` is robfig/cron v3's error text, word for word (this is
/// what `kubectl` shows after `spec.schedule: Invalid value: "...": `).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CronError {
    /// robfig `Parse`: the spec is the empty string.
    #[error("empty spec string")]
    Empty,
    /// robfig `Parse`: a `TZ=`/`CRON_TZ=` prefix whose zone Go's `time.LoadLocation` rejects.
    #[error("provided bad location {name}: {reason}")]
    BadLocation { name: String, reason: String },
    /// A `TZ=`/`CRON_TZ=` prefix with no space after it. robfig/cron v3.0.1 panics on this
    /// (a slice out of range); kubeplay reports it instead.
    #[error("provided bad location: no space after the time zone in {0}")]
    TzWithoutSpace(String),
    /// robfig `normalizeFields` (standard parser): not five fields.
    #[error("expected exactly {expected} fields, found {found}: {fields}")]
    FieldCount {
        expected: usize,
        found: usize,
        fields: String,
    },
    /// robfig `normalizeFields` (parsers with an optional field; only robfig's test parser here).
    #[error("expected {min} to {max} fields, found {found}: {fields}")]
    FieldCountRange {
        min: usize,
        max: usize,
        found: usize,
        fields: String,
    },
    /// robfig `getRange`: more than one `-`.
    #[error("too many hyphens: {0}")]
    TooManyHyphens(String),
    /// robfig `getRange`: more than one `/`.
    #[error("too many slashes: {0}")]
    TooManySlashes(String),
    /// robfig `mustParseInt`: not a number (the reason is Go's `strconv.Atoi` error).
    #[error("failed to parse int from {expr}: {reason}")]
    ParseInt { expr: String, reason: String },
    /// robfig `mustParseInt`: a negative number (only reachable in a step, `*/-1`).
    #[error("negative number ({num}) not allowed: {expr}")]
    Negative { num: i64, expr: String },
    /// robfig `getRange`: the start is below the field's minimum.
    #[error("beginning of range ({start}) below minimum ({min}): {expr}")]
    BelowMinimum { start: u64, min: u64, expr: String },
    /// robfig `getRange`: the end is above the field's maximum.
    #[error("end of range ({end}) above maximum ({max}): {expr}")]
    AboveMaximum { end: u64, max: u64, expr: String },
    /// robfig `getRange`: start after end.
    #[error("beginning of range ({start}) beyond end of range ({end}): {expr}")]
    BeyondEnd { start: u64, end: u64, expr: String },
    /// robfig `getRange`: a step of 0.
    #[error("step of range should be a positive number: {0}")]
    ZeroStep(String),
    /// robfig `parseDescriptor`: `@every` with a bad Go duration (reason: `time.ParseDuration`).
    #[error("failed to parse duration {descriptor}: {reason}")]
    Duration { descriptor: String, reason: String },
    /// robfig `parseDescriptor`: an unknown `@name`.
    #[error("unrecognized descriptor: {0}")]
    UnrecognizedDescriptor(String),
}
