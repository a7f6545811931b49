//! The `kubectl get jobs` columns STATUS, COMPLETIONS and DURATION (pkg/printers/internalversion/
//! printers.go `printJob`), and apimachinery's `duration.HumanDuration` they are written with.

use k8s_openapi::api::batch::v1::Job;

use super::State;
use crate::duration::Millis;

/// The STATUS column: the first of Complete, Failed, Suspended, FailureTarget whose condition is True,
/// else Running (`printJob`; `Terminating` needs a deletion timestamp, and kubeplay deletes at once).
/// `printJob` has no `SuccessCriteriaMet` case: such a Job reads Running until it is Complete (and in
/// kubeplay both conditions are added at the same instant).
pub fn kubectl_status(state: &State) -> &'static str {
    for (cond, shown) in [
        ("Complete", "Complete"),
        ("Failed", "Failed"),
        ("Suspended", "Suspended"),
        ("FailureTarget", "FailureTarget"),
    ] {
        if state.condition_true(cond) {
            return shown;
        }
    }
    "Running"
}

/// The COMPLETIONS column: `succeeded/completions`, or for a work-queue Job (no completions)
/// `succeeded/1`, or `succeeded/1 of parallelism` when parallelism is above 1 (`printJob`). The API
/// defaults a Job that sets neither field to completions 1, parallelism 1.
pub fn completions_column(job: &Job, state: &State) -> String {
    let spec = job.spec.as_ref();
    let completions = spec.and_then(|s| s.completions);
    let parallelism = spec.and_then(|s| s.parallelism);
    match (completions, parallelism) {
        (Some(c), _) => format!("{}/{c}", state.succeeded),
        (None, None) => format!("{}/1", state.succeeded),
        (None, Some(p)) if p > 1 => format!("{}/1 of {p}", state.succeeded),
        (None, Some(_)) => format!("{}/1", state.succeeded),
    }
}

/// The DURATION column at `now`: empty before the Job started, else from startTime to completionTime
/// or, while there is none (running, or Failed: only Complete sets it), to now (`printJob`).
pub fn duration_column(state: &State, now: Millis) -> String {
    match (state.start_time, state.completion_time) {
        (None, _) => String::new(),
        (Some(s), None) => human_duration(now - s),
        (Some(s), Some(c)) => human_duration(c - s),
    }
}

/// `duration.HumanDuration` (k8s.io/apimachinery/pkg/util/duration): `45s`, `119s`, `2m`, `5m2s`,
/// `10m`, `3h`, `7h59m`, `47h`, `4d22h`, `8d`, `2y`, `3y20d`.
pub fn human_duration(ms: Millis) -> String {
    let seconds = ms / 1000;
    if seconds < -1 {
        return "<invalid>".into();
    } else if seconds < 0 {
        return "0s".into();
    } else if seconds < 60 * 2 {
        return format!("{seconds}s");
    }
    let minutes = seconds / 60;
    if minutes < 10 {
        let s = seconds % 60;
        return if s == 0 {
            format!("{minutes}m")
        } else {
            format!("{minutes}m{s}s")
        };
    } else if minutes < 60 * 3 {
        return format!("{minutes}m");
    }
    let hours = minutes / 60;
    if hours < 8 {
        let m = minutes % 60;
        return if m == 0 {
            format!("{hours}h")
        } else {
            format!("{hours}h{m}m")
        };
    } else if hours < 48 {
        return format!("{hours}h");
    } else if hours < 24 * 8 {
        let h = hours % 24;
        return if h == 0 {
            format!("{}d", hours / 24)
        } else {
            format!("{}d{h}h", hours / 24)
        };
    } else if hours < 24 * 365 * 2 {
        return format!("{}d", hours / 24);
    } else if hours < 24 * 365 * 8 {
        let dy = (hours / 24) % 365;
        return if dy == 0 {
            format!("{}y", hours / 24 / 365)
        } else {
            format!("{}y{dy}d", hours / 24 / 365)
        };
    }
    format!("{}y", hours / 24 / 365)
}
