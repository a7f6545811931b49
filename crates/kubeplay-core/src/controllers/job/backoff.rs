//! The delay before a failed Job pod is replaced (pkg/controller/job/backoff_utils.go): 10s after the
//! first failure since the last success, doubling with every further one, capped at 10 minutes.
//!
//! The Kubernetes documentation still says the cap is 6 minutes; the code says
//! `MaxJobPodFailureBackOff = 10 * time.Minute` (job_controller.go), and kubeplay follows the code.

use crate::duration::Millis;

/// `DefaultJobPodFailureBackOff` (job_controller.go).
pub const DEFAULT_POD_FAILURE_BACKOFF: Millis = 10_000;
/// `MaxJobPodFailureBackOff` (job_controller.go).
pub const MAX_POD_FAILURE_BACKOFF: Millis = 600_000;

/// What the controller remembers about recent failures of a Job (backoff_utils.go `backoffRecord`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BackoffRecord {
    /// Pods that failed after the last pod that succeeded (`failuresAfterLastSuccess`).
    pub failures_after_last_success: i32,
    /// When the latest of them finished (`lastFailureTime`).
    pub last_failure_time: Option<Millis>,
}

impl BackoffRecord {
    /// Folds in the pods that finished since the last sync, given their finish times
    /// (`backoffStore.newBackoffRecord`). A failure at the same instant as the last success does not
    /// count ("After" is strict): it is not after the success.
    pub fn update(&mut self, mut succeeded: Vec<Millis>, mut failed: Vec<Millis>) {
        succeeded.sort_unstable();
        failed.sort_unstable();
        let Some(&last_success) = succeeded.last() else {
            if let Some(&last) = failed.last() {
                self.failures_after_last_success = self
                    .failures_after_last_success
                    .saturating_add(failed.len() as i32);
                self.last_failure_time = Some(last);
            }
            return;
        };
        self.failures_after_last_success = 0;
        self.last_failure_time = None;
        for &t in failed.iter().rev() {
            if t <= last_success {
                break;
            }
            if self.last_failure_time.is_none() {
                self.last_failure_time = Some(t);
            }
            self.failures_after_last_success += 1;
        }
    }

    /// How long pod creation must still wait at `now` (`backoffRecord.getRemainingTime`).
    pub fn remaining(&self, now: Millis) -> Millis {
        remaining_time(
            now,
            self.failures_after_last_success,
            self.last_failure_time,
        )
    }
}

/// The back-off after `failures` consecutive failures: 10s·2^(failures−1), at most 10 minutes; 0 for
/// no failure (the loop of `getRemainingTimeForFailuresCount`).
pub fn backoff_duration(failures: i32) -> Millis {
    if failures <= 0 {
        return 0;
    }
    let mut d = DEFAULT_POD_FAILURE_BACKOFF;
    for _ in 1..failures {
        d = d.saturating_mul(2);
        if d >= MAX_POD_FAILURE_BACKOFF {
            return MAX_POD_FAILURE_BACKOFF;
        }
    }
    d
}

/// What is left of the back-off at `now` after `failures` failures, the last at `last_failure`
/// (`getRemainingTimeForFailuresCount`).
pub fn remaining_time(now: Millis, failures: i32, last_failure: Option<Millis>) -> Millis {
    let Some(last) = last_failure else { return 0 };
    if failures <= 0 {
        return 0;
    }
    let backoff = backoff_duration(failures);
    let elapsed = now.saturating_sub(last);
    if backoff < elapsed {
        0
    } else {
        backoff - elapsed
    }
}
