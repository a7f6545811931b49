//! Scoring the feasible nodes (`prioritizeNodes`, pkg/scheduler/schedule_one.go).
//!
//! Upstream's default profile (pkg/scheduler/apis/config/v1/default_plugins.go) scores with
//! TaintToleration (weight 3), NodeAffinity (2), NodeResourcesFit with the LeastAllocated strategy on
//! cpu and memory (1), PodTopologySpread (2), InterPodAffinity (2), NodeResourcesBalancedAllocation (1)
//! and ImageLocality (1), then picks a node with the highest total, at random among ties.
//!
//! kubeplay keeps the four that depend on what it models, with upstream's formulas and weights:
//! - LeastAllocated (noderesources/least_allocated.go): per resource `(allocatable - requested) * 100 /
//!   allocatable` on the non-zero requests (100m / 200Mi for containers without requests), averaged;
//! - BalancedAllocation (noderesources/balanced_allocation.go): `(1 - |cpu fraction - memory fraction| / 2)
//!   * 100` on the actual requests, skipped for pods that request nothing;
//! - TaintToleration: intolerable PreferNoSchedule taints, normalized and reversed;
//! - NodeAffinity: the sum of matching preferred terms' weights, normalized.
//!
//! Together they spread pods over the least-loaded nodes, which is what a learner sees upstream.
//! Topology spreading, pod affinity and image locality are not modelled (their scores would be equal
//! for every node in kubeplay's clusters, except the default topology spreading of a workload's pods,
//! which LeastAllocated approximates). Ties go to the first node in the order given (name order),
//! not to a random one, so runs are reproducible.

use super::node_affinity::preferred_score;
use super::taint_toleration::count_intolerable_prefer_no_schedule;
use super::{NodeUsage, PodRequests, PreparedPod};
use crate::nodes::NodeInfo;

/// `framework.MaxNodeScore`.
pub const MAX_NODE_SCORE: i64 = 100;
/// Default weights of the score plugins kubeplay runs.
pub const WEIGHT_TAINT_TOLERATION: i64 = 3;
pub const WEIGHT_NODE_AFFINITY: i64 = 2;
pub const WEIGHT_NODE_RESOURCES_FIT: i64 = 1;
pub const WEIGHT_BALANCED_ALLOCATION: i64 = 1;

/// `leastRequestedScore`.
fn least_requested_score(requested: i64, capacity: i64) -> i64 {
    if capacity <= 0 || requested > capacity {
        return 0;
    }
    (capacity - requested) * MAX_NODE_SCORE / capacity
}

/// NodeResourcesFit's LeastAllocated score of a node for a pod (cpu and memory, weight 1 each).
pub fn least_allocated(req: &PodRequests, node: &NodeInfo, usage: &NodeUsage) -> i64 {
    let cpu = least_requested_score(
        usage
            .nonzero_cpu_milli
            .saturating_add(req.nonzero_cpu_milli),
        node.cpu_milli,
    );
    let mem = least_requested_score(
        usage.nonzero_memory.saturating_add(req.nonzero_memory),
        node.memory,
    );
    (cpu + mem) / 2
}

/// NodeResourcesBalancedAllocation's score; None when the plugin skips the pod (best effort).
pub fn balanced_allocation(req: &PodRequests, node: &NodeInfo, usage: &NodeUsage) -> Option<i64> {
    if req.cpu_milli == 0 && req.memory == 0 {
        return None;
    }
    let fraction = |requested: i64, allocatable: i64| {
        (allocatable > 0).then(|| (requested as f64 / allocatable as f64).min(1.0))
    };
    // No Vec: this runs for every feasible node of every pod scheduled.
    let cpu = fraction(
        usage.cpu_milli.saturating_add(req.cpu_milli),
        node.cpu_milli,
    );
    let mem = fraction(usage.memory.saturating_add(req.memory), node.memory);
    let std = match (cpu, mem) {
        (Some(c), Some(m)) => ((c - m) / 2.0).abs(),
        _ => 0.0,
    };
    Some(((1.0 - std) * MAX_NODE_SCORE as f64) as i64)
}

/// `helper.DefaultNormalizeScore`: scales to 0..=100 by the maximum, optionally reversed.
pub fn default_normalize(scores: &mut [i64], reverse: bool) {
    let max = scores.iter().copied().max().unwrap_or(0).max(0);
    if max == 0 {
        if reverse {
            scores.iter_mut().for_each(|s| *s = MAX_NODE_SCORE);
        }
        return;
    }
    for s in scores.iter_mut() {
        let v = MAX_NODE_SCORE * *s / max;
        *s = if reverse { MAX_NODE_SCORE - v } else { v };
    }
}

/// The weighted total score of each feasible node, in the order given.
pub fn score_nodes(pod: &PreparedPod<'_>, feasible: &[(&NodeInfo, &NodeUsage)]) -> Vec<i64> {
    let tolerations = pod.spec.tolerations.as_deref().unwrap_or_default();
    let mut taints: Vec<i64> = feasible
        .iter()
        .map(|(n, _)| count_intolerable_prefer_no_schedule(&n.taints, tolerations))
        .collect();
    default_normalize(&mut taints, true);
    let mut affinity: Vec<i64> = feasible
        .iter()
        .map(|(n, _)| preferred_score(pod.spec, n))
        .collect();
    default_normalize(&mut affinity, false);
    feasible
        .iter()
        .enumerate()
        .map(|(i, (n, u))| {
            WEIGHT_TAINT_TOLERATION * taints[i]
                + WEIGHT_NODE_AFFINITY * affinity[i]
                + WEIGHT_NODE_RESOURCES_FIT * least_allocated(&pod.requests, n, u)
                + WEIGHT_BALANCED_ALLOCATION * balanced_allocation(&pod.requests, n, u).unwrap_or(0)
        })
        .collect()
}

/// `selectHost`: the feasible node with the highest score (the only one, without scoring, when a
/// single node is feasible); the first of the best on ties. `feasible` must not be empty.
pub fn select_host<'n>(
    pod: &PreparedPod<'_>,
    feasible: &[(&'n NodeInfo, &'n NodeUsage)],
) -> &'n str {
    if feasible.len() == 1 {
        return &feasible[0].0.name;
    }
    let scores = score_nodes(pod, feasible);
    let mut best = 0;
    for (i, s) in scores.iter().enumerate() {
        if *s > scores[best] {
            best = i;
        }
    }
    feasible.get(best).map_or("", |(n, _)| n.name.as_str())
}

#[cfg(test)]
mod tests {
    use super::super::test_util::*;
    use super::super::{pod_requests, schedule};
    use super::*;

    #[test]
    fn normalize() {
        // taint_toleration_test.go: counts 0, 1, 2 become 100, 50, 0.
        let mut s = vec![0, 1, 2];
        default_normalize(&mut s, true);
        assert_eq!(s, [100, 50, 0]);
        let mut s = vec![0, 0];
        default_normalize(&mut s, true);
        assert_eq!(s, [100, 100]);
        // node_affinity_test.go: weights 2, 11, 4 become 18, 100, 36.
        let mut s = vec![2, 11, 4];
        default_normalize(&mut s, false);
        assert_eq!(s, [18, 100, 36]);
    }

    /// least_allocated_test.go: "nothing scheduled, resources requested, differently sized nodes".
    #[test]
    fn least_allocated_scores() {
        let mut n1 = node("node1");
        n1.cpu_milli = 4000;
        n1.memory = 10000;
        let mut n2 = node("node2");
        n2.cpu_milli = 6000;
        n2.memory = 10000;
        let req = PodRequests {
            nonzero_cpu_milli: 3000,
            nonzero_memory: 5000,
            ..Default::default()
        };
        let u = NodeUsage::default();
        // cpu (4000-3000)*100/4000 = 25, memory 50 -> 37; cpu 50, memory 50 -> 50.
        assert_eq!(least_allocated(&req, &n1, &u), 37);
        assert_eq!(least_allocated(&req, &n2, &u), 50);
    }

    /// balanced_allocation_test.go: cpu fraction 3000/4000, memory 5000/10000 -> 87.
    #[test]
    fn balanced_scores() {
        let mut n = node("n");
        n.cpu_milli = 4000;
        n.memory = 10000;
        let req = PodRequests {
            cpu_milli: 3000,
            memory: 5000,
            ..Default::default()
        };
        assert_eq!(
            balanced_allocation(&req, &n, &NodeUsage::default()),
            Some(87)
        );
        assert_eq!(
            balanced_allocation(&PodRequests::default(), &n, &NodeUsage::default()),
            None
        );
    }

    #[test]
    fn spreads_over_the_least_loaded_node() {
        let nodes: Vec<_> = ["a", "b", "c"].iter().map(|n| node(n)).collect();
        let pod = pod_with("500m", "256Mi");
        let mut usage = vec![NodeUsage::default(); 3];
        usage[0].add_pod(&pod);
        usage[2].add_pod(&pod);
        assert_eq!(schedule(&pod, nodes.iter().zip(usage.iter())).unwrap(), "b");
        usage[1].add(&pod_requests(&pod));
        usage[1].add(&pod_requests(&pod));
        assert_eq!(schedule(&pod, nodes.iter().zip(usage.iter())).unwrap(), "a");
    }

    #[test]
    fn prefer_no_schedule_taints_lower_the_score() {
        let mut a = node("a");
        a.taints.push(taint("spot", "true", "PreferNoSchedule"));
        let b = node("b");
        let u = NodeUsage::default();
        assert_eq!(
            schedule(&pod_with("100m", ""), [(&a, &u), (&b, &u)]).unwrap(),
            "b"
        );
    }
}
