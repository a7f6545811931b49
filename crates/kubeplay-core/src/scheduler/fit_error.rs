//! The FailedScheduling event message: `FitError.Error()` (pkg/scheduler/framework/types.go) followed by
//! the DefaultPreemption PostFilter's verdict (pkg/scheduler/framework/plugins/defaultpreemption and
//! pkg/scheduler/framework/preemption/preemption.go `Evaluator.Preempt`).
//!
//! `0/<N> nodes are available: ` + one `<count> <reason>` per distinct reason, sorted as plain strings
//! (so `10 ...` sorts before `2 ...`), joined by `, `, ending in `.`; or the PreFilter message alone when
//! PreFilter rejected the pod. Then ` preemption: ` + the same kind of summary from preemption's dry run:
//! nodes whose status was UnschedulableAndUnresolvable (and those outside a PreFilter result) are
//! `Preemption is not helpful for scheduling`; the others are candidates, and since kubeplay models no pod
//! priorities no candidate has a lower-priority pod to evict: `No preemption victims found for incoming pod`.
//! With zero nodes the whole message is `no nodes available to schedule pods`.
//!
//! Releases v1.33 to v1.36 print `no new claims to deallocate, ` (from the DynamicResources PostFilter)
//! before `preemption:`; kubernetes/kubernetes#140222 removed it, and kubeplay follows current code.
//! Releases before v1.30 doubled the final period.

use std::collections::BTreeMap;

use k8s_openapi::api::core::v1::PodSpec;

use super::FilterFailure;

/// `ErrNoNodesAvailable`.
pub const NO_NODES_AVAILABLE: &str = "no nodes available to schedule pods";
/// Preemption's status for nodes where evicting pods cannot help.
pub const PREEMPTION_NOT_HELPFUL: &str = "Preemption is not helpful for scheduling";
/// `SelectVictimsOnNode` when the node has no pod of lower priority than the incoming one.
pub const NO_PREEMPTION_VICTIMS: &str = "No preemption victims found for incoming pod";
/// `PodEligibleToPreemptOthers` for `preemptionPolicy: Never`.
pub const NOT_ELIGIBLE_PREEMPT_NEVER: &str = "not eligible due to preemptionPolicy=Never.";

/// What scheduling found out about each node (`framework.Diagnosis`).
#[derive(Debug, Clone, Default)]
pub struct Diagnosis<'a> {
    /// Nodes in the cluster.
    pub num_all_nodes: usize,
    /// The message of a PreFilter rejection.
    pub pre_filter_msg: Option<String>,
    /// The status of each node the filters ran on.
    pub statuses: Vec<&'a FilterFailure>,
    /// The status of every other node (`NodeToStatus.AbsentNodesStatus`).
    pub absent: Option<&'a FilterFailure>,
}

impl Diagnosis<'_> {
    fn absent_count(&self) -> usize {
        self.num_all_nodes.saturating_sub(self.statuses.len())
    }
}

/// `sortReasonsHistogram`: `"<count> <reason>"` for each distinct reason, sorted as strings.
pub fn reasons_histogram<'r>(reasons: impl IntoIterator<Item = (&'r str, usize)>) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (r, n) in reasons {
        *counts.entry(r).or_default() += n;
    }
    let mut lines: Vec<String> = counts
        .into_iter()
        .map(|(r, n)| format!("{n} {r}"))
        .collect();
    lines.sort();
    lines.join(", ")
}

/// `FitError.Error()` without the PostFilter message: `0/N nodes are available: ... .`
pub fn fit_error(d: &Diagnosis<'_>) -> String {
    let mut msg = format!("0/{} nodes are available:", d.num_all_nodes);
    if let Some(p) = d.pre_filter_msg.as_deref().filter(|p| !p.is_empty()) {
        msg.push_str(&format!(" {p}."));
        return msg;
    }
    let explicit = d
        .statuses
        .iter()
        .flat_map(|s| s.reasons.iter().map(|r| (r.as_ref(), 1)));
    let absent = d
        .absent
        .into_iter()
        .flat_map(|s| s.reasons.iter().map(|r| (r.as_ref(), d.absent_count())));
    let histogram = reasons_histogram(explicit.chain(absent.filter(|(_, n)| *n > 0)));
    if !histogram.is_empty() {
        msg.push_str(&format!(" {histogram}."));
    }
    msg
}

/// The DefaultPreemption PostFilter message, `preemption: ...`.
pub fn preemption(pod: &PodSpec, d: &Diagnosis<'_>) -> String {
    if pod.preemption_policy.as_deref() == Some("Never") {
        return format!("preemption: {NOT_ELIGIBLE_PREEMPT_NEVER}");
    }
    // Candidates: nodes whose status is Unschedulable (resolvable), `NodesForStatusCode`.
    let mut candidates = d.statuses.iter().filter(|s| !s.unresolvable).count();
    if d.absent.is_some_and(|s| !s.unresolvable) {
        candidates += d.absent_count();
    }
    let histogram = reasons_histogram(
        [
            (NO_PREEMPTION_VICTIMS, candidates),
            (
                PREEMPTION_NOT_HELPFUL,
                d.num_all_nodes.saturating_sub(candidates),
            ),
        ]
        .into_iter()
        .filter(|(_, n)| *n > 0),
    );
    format!(
        "preemption: 0/{} nodes are available: {histogram}.",
        d.num_all_nodes
    )
}

/// The whole FailedScheduling message (`no nodes available to schedule pods` without nodes).
pub fn failed_scheduling_message(pod: &PodSpec, d: &Diagnosis<'_>) -> String {
    if d.num_all_nodes == 0 {
        return NO_NODES_AVAILABLE.to_string();
    }
    format!("{} {}", fit_error(d), preemption(pod, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(reasons: &[&'static str], unresolvable: bool) -> FilterFailure {
        FilterFailure {
            plugin: "P",
            reasons: reasons.iter().map(|r| (*r).into()).collect(),
            unresolvable,
        }
    }

    /// types_test.go TestFitError_Error and the preemption summaries seen in clusters.
    #[test]
    fn messages() {
        let taint = f(&["node(s) had untolerated taint(s)"], true);
        let affinity = f(&["node(s) didn't match Pod's node affinity/selector"], true);
        let d = Diagnosis {
            num_all_nodes: 3,
            statuses: vec![&taint, &affinity, &affinity],
            ..Default::default()
        };
        assert_eq!(
            failed_scheduling_message(&PodSpec::default(), &d),
            "0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 node(s) didn't match Pod's node \
             affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling."
        );
        // Multiple reasons of one node each count; sorting is by string, so 10 comes before 2.
        let both = f(&["Insufficient cpu", "Insufficient memory"], false);
        let mut statuses = vec![&both; 10];
        let ports = f(
            &["node(s) didn't have free ports for the requested pod ports"],
            false,
        );
        statuses.push(&ports);
        statuses.push(&ports);
        let d = Diagnosis {
            num_all_nodes: 12,
            statuses,
            ..Default::default()
        };
        assert_eq!(
            failed_scheduling_message(&PodSpec::default(), &d),
            "0/12 nodes are available: 10 Insufficient cpu, 10 Insufficient memory, 2 node(s) didn't have free \
             ports for the requested pod ports. preemption: 0/12 nodes are available: 12 No preemption victims \
             found for incoming pod."
        );
        let never = PodSpec {
            preemption_policy: Some("Never".into()),
            ..Default::default()
        };
        let d = Diagnosis {
            num_all_nodes: 1,
            statuses: vec![&ports],
            ..Default::default()
        };
        assert_eq!(
            failed_scheduling_message(&never, &d),
            "0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports. preemption: \
             not eligible due to preemptionPolicy=Never."
        );
        let d = Diagnosis {
            num_all_nodes: 0,
            ..Default::default()
        };
        assert_eq!(
            failed_scheduling_message(&PodSpec::default(), &d),
            NO_NODES_AVAILABLE
        );
        let conflict = f(&["pod affinity terms conflict"], true);
        let d = Diagnosis {
            num_all_nodes: 2,
            pre_filter_msg: Some("pod affinity terms conflict".into()),
            absent: Some(&conflict),
            ..Default::default()
        };
        assert_eq!(
            failed_scheduling_message(&PodSpec::default(), &d),
            "0/2 nodes are available: pod affinity terms conflict. preemption: 0/2 nodes are available: 2 \
             Preemption is not helpful for scheduling."
        );
    }
}
