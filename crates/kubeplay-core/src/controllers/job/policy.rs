//! `spec.podFailurePolicy` (pkg/controller/job/pod_failure_policy.go) and `spec.successPolicy`
//! (pkg/controller/job/success_policy.go).
//!
//! kubeplay pods have one exit code, that of their first container: an `onExitCodes` rule with a
//! `containerName` matches only that container's name, and other containers count as exited with 0
//! (which no rule matches). The exit code is only considered once the pod is `Failed`. A pod deleted
//! while it was still running (drain, eviction, node removal, a Job's deadline) has no terminated
//! container in kubeplay, so only `onPodConditions` rules can match it.

use std::collections::BTreeSet;

use k8s_openapi::api::batch::v1::{
    PodFailurePolicy, PodFailurePolicyOnExitCodesRequirement, SuccessPolicy,
};

use super::indexes::{count_in, parse_indexes, total};
use crate::sim::world::{Phase, SimPod};

/// A rule's action (`PodFailurePolicyAction`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolicyAction {
    FailJob,
    FailIndex,
    Ignore,
    Count,
}

impl PolicyAction {
    fn parse(s: &str) -> Option<Self> {
        match s {
            "FailJob" => Some(Self::FailJob),
            "FailIndex" => Some(Self::FailIndex),
            "Ignore" => Some(Self::Ignore),
            "Count" => Some(Self::Count),
            _ => None,
        }
    }
}

/// The outcome of matching a failed pod against the rules (`matchPodFailurePolicy`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyMatch {
    /// The Job failure message of a matching `FailJob` rule.
    pub fail_job_message: Option<String>,
    /// Whether the failure counts towards backoffLimit / backoffLimitPerIndex (false for `Ignore`).
    pub count: bool,
    /// The action of the rule that matched, if any.
    pub action: Option<PolicyAction>,
}

impl PolicyMatch {
    /// No policy, or no rule matched: the failure counts.
    pub const COUNTED: PolicyMatch = PolicyMatch {
        fail_job_message: None,
        count: true,
        action: None,
    };
}

/// The status of a pod condition as the API would show it: the control-plane conditions kubeplay
/// records (`DisruptionTarget`) are True; `PodScheduled`, `Initialized`, `ContainersReady` and `Ready`
/// are derived from the pod's state.
pub fn pod_condition_status(pod: &SimPod, type_: &str) -> Option<&'static str> {
    if pod.conditions.iter().any(|(t, _)| t == type_) {
        return Some("True");
    }
    let tf = |b: bool| Some(if b { "True" } else { "False" });
    match type_ {
        "PodScheduled" => tf(pod.node.is_some()),
        "Initialized" => pod.node.as_ref().and(Some("True")),
        "ContainersReady" | "Ready" => tf(pod.ready),
        _ => None,
    }
}

/// The exit code of the pod's terminated (first) container, if it failed with one that is not 0.
fn terminated_exit_code(pod: &SimPod) -> Option<i32> {
    if pod.phase != Phase::Failed {
        return None;
    }
    pod.exit_code.filter(|c| *c != 0)
}

/// `isOnExitCodesOperatorMatching`: `In` / `NotIn` the listed values; other operators never match.
fn exit_code_matches(code: i32, req: &PodFailurePolicyOnExitCodesRequirement) -> bool {
    match req.operator.as_str() {
        "In" => req.values.contains(&code),
        "NotIn" => !req.values.contains(&code),
        _ => false,
    }
}

/// Matches a failed pod against the policy's rules in order; the first rule that matches decides
/// (`matchPodFailurePolicy`, `matchOnExitCodes`, `matchOnPodConditions`).
pub fn match_pod_failure_policy(policy: Option<&PodFailurePolicy>, pod: &SimPod) -> PolicyMatch {
    let Some(policy) = policy else {
        return PolicyMatch::COUNTED;
    };
    let container = pod
        .spec
        .containers
        .first()
        .map(|c| c.name.as_str())
        .unwrap_or_default();
    for (i, rule) in policy.rules.iter().enumerate() {
        let Some(action) = PolicyAction::parse(&rule.action) else {
            continue;
        };
        let fail_message: String;
        if let Some(req) = &rule.on_exit_codes {
            let Some(code) = terminated_exit_code(pod) else {
                continue;
            };
            if req
                .container_name
                .as_deref()
                .is_some_and(|n| n != container)
                || !exit_code_matches(code, req)
            {
                continue;
            }
            fail_message = format!(
                "Container {container} for pod {}/{} failed with exit code {code} matching {} rule at index {i}",
                pod.namespace(), pod.name(), rule.action
            );
        } else if let Some(patterns) = &rule.on_pod_conditions {
            let matched = patterns.iter().find(|pat| {
                let want = pat.status.as_deref().unwrap_or("True");
                pod_condition_status(pod, &pat.type_) == Some(want)
            });
            let Some(pat) = matched else { continue };
            fail_message = format!(
                "Pod {}/{} has condition {} matching {} rule at index {i}",
                pod.namespace(),
                pod.name(),
                pat.type_,
                rule.action
            );
        } else {
            continue;
        }
        return match action {
            PolicyAction::Ignore => PolicyMatch {
                fail_job_message: None,
                count: false,
                action: Some(action),
            },
            PolicyAction::FailIndex | PolicyAction::Count => PolicyMatch {
                fail_job_message: None,
                count: true,
                action: Some(action),
            },
            PolicyAction::FailJob => PolicyMatch {
                fail_job_message: Some(fail_message),
                count: true,
                action: Some(action),
            },
        };
    }
    PolicyMatch::COUNTED
}

/// Whether the succeeded indexes meet a rule of the success policy, and the condition message
/// `Matched rules at index N` (`matchSuccessPolicy`, `matchSucceededIndexesRule`).
pub fn match_success_policy(
    policy: Option<&SuccessPolicy>,
    completions: i32,
    succeeded: &BTreeSet<i32>,
) -> Option<String> {
    let policy = policy?;
    let in_range = succeeded.range(..completions.max(0)).count() as i64;
    if in_range == 0 {
        return None;
    }
    for (i, rule) in policy.rules.iter().enumerate() {
        let matched = if let Some(s) = &rule.succeeded_indexes {
            let required = parse_indexes(s, completions);
            if required.is_empty() {
                continue;
            }
            let contains = count_in(succeeded, &required);
            contains == total(&required)
                || rule
                    .succeeded_count
                    .is_some_and(|c| contains >= i64::from(c))
        } else if let Some(c) = rule.succeeded_count {
            in_range >= i64::from(c)
        } else {
            false
        };
        if matched {
            return Some(format!("Matched rules at index {i}"));
        }
    }
    None
}
