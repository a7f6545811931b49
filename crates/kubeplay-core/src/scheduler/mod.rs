//! The kube-scheduler's scheduling cycle for one pod (pkg/scheduler/schedule_one.go), reduced to the
//! plugins that decide placement in kubeplay: the filter plugins in upstream's default order
//! (pkg/scheduler/apis/config/v1/default_plugins.go) — [`node_unschedulable`], [`node_name`],
//! [`taint_toleration`], [`node_affinity`], [`node_ports`], [`node_resources_fit`] — then
//! [`scoring`], and the FailedScheduling message ([`fit_error`]).
//!
//! As upstream, a node reports only the reasons of the FIRST filter that rejects it
//! (`frameworkImpl.RunFilterPlugins` returns at the first non-success status), and the NodeAffinity
//! PreFilter narrows the candidates to the nodes named by `matchFields metadata.name In [...]`: the
//! other nodes are not filtered at all and read `node(s) didn't satisfy plugin(s) [NodeAffinity]`
//! (`findNodesThatFitPod`), which is what a pinned DaemonSet pod's FailedScheduling event shows.
//!
//! Not modelled: volume, topology-spread and inter-pod-affinity plugins, extended resources, pod
//! priorities (preemption never finds a victim, see [`fit_error`]), nominated nodes, and the
//! `percentageOfNodesToScore` sampling (every feasible node is scored).
//!
//! For speed (10 DaemonSets × 5,000 nodes), build a [`PreparedPod`] once per pod: it holds the pod's
//! requests, host ports, parsed node affinity and PreFilter result, so filtering a node allocates
//! nothing unless the node is rejected.

pub mod fit_error;
pub mod node_affinity;
pub mod node_name;
pub mod node_ports;
pub mod node_resources_fit;
pub mod node_unschedulable;
pub mod scoring;
pub mod taint_toleration;

use std::borrow::Cow;
use std::collections::BTreeMap;

use k8s_openapi::api::core::v1::{Affinity, PodSpec};
use serde::Serialize;

use crate::nodes::NodeInfo;

pub use fit_error::NO_NODES_AVAILABLE;
pub use node_ports::HostPort;
pub use node_resources_fit::{pod_requests, PodRequests};

/// What the pods already bound to a node use (the scheduler cache's `NodeInfo.Requested`,
/// `NonZeroRequested`, `Pods` and `UsedPorts`, pkg/scheduler/framework/types.go).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NodeUsage {
    /// Sum of the pods' CPU requests (milli-cores), what NodeResourcesFit checks.
    pub cpu_milli: i64,
    /// Sum of the pods' memory requests (bytes).
    pub memory: i64,
    /// Number of pods bound to the node.
    pub pods: i64,
    /// Host ports in use, sanitized (empty IP is `0.0.0.0`, empty protocol `TCP`).
    pub host_ports: Vec<HostPort>,
    /// CPU requests with 100m for every container that sets none (scoring only).
    pub nonzero_cpu_milli: i64,
    /// Memory requests with 200Mi for every container that sets none (scoring only).
    pub nonzero_memory: i64,
}

impl NodeUsage {
    /// Accounts for a pod bound to the node (`NodeInfo.AddPod`).
    pub fn add(&mut self, requests: &PodRequests) {
        self.cpu_milli = self.cpu_milli.saturating_add(requests.cpu_milli);
        self.memory = self.memory.saturating_add(requests.memory);
        self.nonzero_cpu_milli = self
            .nonzero_cpu_milli
            .saturating_add(requests.nonzero_cpu_milli);
        self.nonzero_memory = self.nonzero_memory.saturating_add(requests.nonzero_memory);
        self.pods += 1;
        self.host_ports.extend(requests.host_ports.iter().cloned());
    }

    /// Accounts for a pod leaving the node (`NodeInfo.RemovePod`).
    pub fn remove(&mut self, requests: &PodRequests) {
        self.cpu_milli = self.cpu_milli.saturating_sub(requests.cpu_milli);
        self.memory = self.memory.saturating_sub(requests.memory);
        self.nonzero_cpu_milli = self
            .nonzero_cpu_milli
            .saturating_sub(requests.nonzero_cpu_milli);
        self.nonzero_memory = self.nonzero_memory.saturating_sub(requests.nonzero_memory);
        self.pods = (self.pods - 1).max(0);
        for p in &requests.host_ports {
            if let Some(i) = self.host_ports.iter().position(|u| u == p) {
                self.host_ports.swap_remove(i);
            }
        }
    }

    /// Accounts for a pod spec bound to the node.
    pub fn add_pod(&mut self, spec: &PodSpec) {
        self.add(&pod_requests(spec));
    }

    /// Accounts for a pod spec leaving the node.
    pub fn remove_pod(&mut self, spec: &PodSpec) {
        self.remove(&pod_requests(spec));
    }
}

/// Why one filter plugin rejected a node (a non-success `fwk.Status`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FilterFailure {
    /// The plugin's registry name (`NodeAffinity`, `NodeResourcesFit`, ...).
    pub plugin: &'static str,
    /// The status reasons, each counted separately in the FailedScheduling message.
    pub reasons: Vec<Cow<'static, str>>,
    /// `UnschedulableAndUnresolvable`: preemption cannot help on this node.
    pub unresolvable: bool,
}

impl FilterFailure {
    /// A status with one static reason.
    pub fn new(plugin: &'static str, reason: &'static str, unresolvable: bool) -> Self {
        Self {
            plugin,
            reasons: vec![Cow::Borrowed(reason)],
            unresolvable,
        }
    }
}

/// The result of the PreFilter extension point that matters here (NodeAffinity's).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PreFilter {
    /// Every node is a candidate.
    AllNodes,
    /// Only these nodes (sorted, deduplicated) are filtered; the rest are
    /// `node(s) didn't satisfy plugin(s) [NodeAffinity]`.
    NodeNames(Vec<String>),
    /// The pod cannot go anywhere (`pod affinity terms conflict`).
    Rejected(FilterFailure),
}

/// A pod prepared for scheduling: what the PreFilter plugins compute once per cycle.
#[derive(Debug, Clone)]
pub struct PreparedPod<'a> {
    pub spec: &'a PodSpec,
    pub requests: PodRequests,
    pub affinity: node_affinity::RequiredNodeAffinity<'a>,
    pub prefilter: PreFilter,
}

impl<'a> PreparedPod<'a> {
    /// Runs the PreFilter work for `spec`.
    pub fn new(spec: &'a PodSpec) -> Self {
        Self::with_affinity(spec, spec.affinity.as_ref(), pod_requests(spec))
    }

    /// Runs the PreFilter work for `spec` with `affinity` in place of its own (a DaemonSet pod's
    /// pinned affinity, see [`crate::sim::world::SimPod::pin`]) and its requests already computed.
    pub fn with_affinity(
        spec: &'a PodSpec,
        affinity: Option<&'a Affinity>,
        requests: PodRequests,
    ) -> Self {
        Self {
            spec,
            requests,
            affinity: node_affinity::RequiredNodeAffinity::new(
                spec.node_selector.as_ref(),
                affinity,
            ),
            prefilter: node_affinity::pre_filter(affinity),
        }
    }

    /// The node names the PreFilter result restricts the pod to, if any: callers holding nodes in a
    /// map can pass only these to [`PreparedPod::schedule`].
    pub fn candidate_names(&self) -> Option<&[String]> {
        match &self.prefilter {
            PreFilter::NodeNames(n) => Some(n),
            PreFilter::Rejected(_) => Some(&[]),
            PreFilter::AllNodes => None,
        }
    }

    /// Runs the filter plugins in upstream order; the first rejection wins.
    pub fn filter(&self, node: &NodeInfo, usage: &NodeUsage) -> Result<(), FilterFailure> {
        self.filter_node_only(node)?;
        self.filter_usage(node, usage)
    }

    /// The filters that read only the pod's spec and the node, not what runs there
    /// (NodeUnschedulable, NodeName, TaintToleration, NodeAffinity), in upstream order: the same
    /// answer for every pod of one spec while the nodes do not change.
    pub fn filter_node_only(&self, node: &NodeInfo) -> Result<(), FilterFailure> {
        node_unschedulable::filter(self.spec, node)?;
        node_name::filter(self.spec, node)?;
        taint_toleration::filter(self.spec, node)?;
        node_affinity::filter(&self.affinity, node)
    }

    /// The filters that run after [`Self::filter_node_only`] and read the node's pods (NodePorts,
    /// NodeResourcesFit).
    pub fn filter_usage(&self, node: &NodeInfo, usage: &NodeUsage) -> Result<(), FilterFailure> {
        node_ports::filter(&self.requests.host_ports, usage)?;
        node_resources_fit::filter(&self.requests, node, usage)
    }

    /// [`Self::filter_node_only`] of each node, for [`Self::schedule_with`].
    pub fn node_verdicts<'n>(
        &self,
        nodes: impl IntoIterator<Item = &'n NodeInfo>,
    ) -> Vec<Result<(), FilterFailure>> {
        nodes
            .into_iter()
            .map(|n| self.filter_node_only(n))
            .collect()
    }

    /// One scheduling cycle (`schedulePod`): PreFilter, Filter, Score, and on failure the
    /// FailedScheduling message with the preemption verdict.
    ///
    /// `total_nodes` is the number of nodes in the cluster; `nodes` may be all of them or only the
    /// [`candidate_names`](Self::candidate_names): nodes outside the PreFilter result are skipped
    /// either way and counted as `node(s) didn't satisfy plugin(s) [NodeAffinity]`.
    pub fn schedule<'n>(
        &self,
        total_nodes: usize,
        nodes: impl IntoIterator<Item = (&'n NodeInfo, &'n NodeUsage)>,
    ) -> Result<String, ScheduleFailure> {
        self.schedule_with(total_nodes, nodes, None)
    }

    /// [`Self::schedule`], with the node-only filters' answers for `nodes` (in the same order) already
    /// known: [`Self::node_verdicts`] of an earlier pod with the same spec, on the same nodes.
    pub fn schedule_with<'n>(
        &self,
        total_nodes: usize,
        nodes: impl IntoIterator<Item = (&'n NodeInfo, &'n NodeUsage)>,
        verdicts: Option<&[Result<(), FilterFailure>]>,
    ) -> Result<String, ScheduleFailure> {
        if total_nodes == 0 {
            return Err(ScheduleFailure {
                message: NO_NODES_AVAILABLE.to_string(),
                per_node: BTreeMap::new(),
                others: None,
            });
        }
        let names = match &self.prefilter {
            PreFilter::Rejected(f) => {
                let diagnosis = fit_error::Diagnosis {
                    num_all_nodes: total_nodes,
                    pre_filter_msg: Some(f.reasons.join(", ")),
                    statuses: Vec::new(),
                    absent: Some(f),
                };
                return Err(ScheduleFailure {
                    message: fit_error::failed_scheduling_message(self.spec, &diagnosis),
                    per_node: BTreeMap::new(),
                    others: Some(f.clone()),
                });
            }
            PreFilter::NodeNames(n) => Some(n),
            PreFilter::AllNodes => None,
        };
        let mut feasible: Vec<(&NodeInfo, &NodeUsage)> = Vec::new();
        let mut per_node: BTreeMap<String, FilterFailure> = BTreeMap::new();
        for (i, (node, usage)) in nodes.into_iter().enumerate() {
            if let Some(names) = names {
                if names
                    .binary_search_by(|n| n.as_str().cmp(&node.name))
                    .is_err()
                {
                    continue;
                }
            }
            let verdict = match verdicts.and_then(|v| v.get(i)) {
                Some(v) => v.clone().and_then(|()| self.filter_usage(node, usage)),
                None => self.filter(node, usage),
            };
            match verdict {
                Ok(()) => feasible.push((node, usage)),
                Err(f) => {
                    per_node.insert(node.name.clone(), f);
                }
            }
        }
        if feasible.is_empty() {
            let others = names.map(|_| node_affinity::not_in_prefilter_result());
            let diagnosis = fit_error::Diagnosis {
                num_all_nodes: total_nodes,
                pre_filter_msg: None,
                statuses: per_node.values().collect(),
                absent: others.as_ref(),
            };
            let message = fit_error::failed_scheduling_message(self.spec, &diagnosis);
            return Err(ScheduleFailure {
                message,
                per_node,
                others,
            });
        }
        Ok(scoring::select_host(self, &feasible).to_string())
    }
}

/// Why a pod could not be scheduled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ScheduleFailure {
    /// The FailedScheduling event message (`0/3 nodes are available: ... preemption: ...`, or
    /// `no nodes available to schedule pods`).
    pub message: String,
    /// The first failing filter of every node the filters ran on, by node name.
    pub per_node: BTreeMap<String, FilterFailure>,
    /// The status of every node not in `per_node`: left out by the PreFilter result
    /// (`node(s) didn't satisfy plugin(s) [NodeAffinity]`) or rejected at PreFilter.
    pub others: Option<FilterFailure>,
}

impl ScheduleFailure {
    /// Why `node` was not chosen.
    pub fn failure_for(&self, node: &str) -> Option<&FilterFailure> {
        self.per_node.get(node).or(self.others.as_ref())
    }
}

/// Runs the filters for one pod on one node (builds a [`PreparedPod`]; prefer that in loops).
pub fn run_filters(pod: &PodSpec, node: &NodeInfo, usage: &NodeUsage) -> Result<(), FilterFailure> {
    PreparedPod::new(pod).filter(node, usage)
}

/// Schedules one pod onto one of `nodes` (every node of the cluster): the chosen node's name, or the
/// FailedScheduling message and each node's reasons.
pub fn schedule<'n>(
    pod: &PodSpec,
    nodes: impl IntoIterator<Item = (&'n NodeInfo, &'n NodeUsage)>,
) -> Result<String, ScheduleFailure> {
    let nodes: Vec<(&NodeInfo, &NodeUsage)> = nodes.into_iter().collect();
    PreparedPod::new(pod).schedule(nodes.len(), nodes)
}

#[cfg(test)]
pub(crate) mod test_util {
    use k8s_openapi::api::core::v1::{Container, ResourceRequirements, Taint, Toleration};
    use k8s_openapi::apimachinery::pkg::api::resource::Quantity;

    use super::*;

    pub fn node(name: &str) -> NodeInfo {
        NodeInfo::new(name)
    }

    pub fn taint(key: &str, value: &str, effect: &str) -> Taint {
        Taint {
            key: key.into(),
            value: if value.is_empty() {
                None
            } else {
                Some(value.into())
            },
            effect: effect.into(),
            time_added: None,
        }
    }

    pub fn toleration(key: &str, op: &str, value: &str, effect: &str) -> Toleration {
        let s = |v: &str| {
            if v.is_empty() {
                None
            } else {
                Some(v.to_string())
            }
        };
        Toleration {
            key: s(key),
            operator: s(op),
            value: s(value),
            effect: s(effect),
            toleration_seconds: None,
        }
    }

    pub fn resources(cpu: &str, memory: &str) -> ResourceRequirements {
        let mut m = BTreeMap::new();
        if !cpu.is_empty() {
            m.insert("cpu".to_string(), Quantity(cpu.into()));
        }
        if !memory.is_empty() {
            m.insert("memory".to_string(), Quantity(memory.into()));
        }
        ResourceRequirements {
            requests: Some(m),
            ..Default::default()
        }
    }

    pub fn pod_with(cpu: &str, memory: &str) -> PodSpec {
        PodSpec {
            containers: vec![Container {
                name: "c".into(),
                resources: Some(resources(cpu, memory)),
                ..Default::default()
            }],
            ..Default::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use k8s_openapi::api::core::v1::{
        Affinity, NodeAffinity, NodeSelector, NodeSelectorRequirement, NodeSelectorTerm,
    };

    use super::test_util::*;
    use super::*;

    fn pinned(spec: &mut PodSpec, name: &str) {
        spec.affinity = Some(Affinity {
            node_affinity: Some(NodeAffinity {
                required_during_scheduling_ignored_during_execution: Some(NodeSelector {
                    node_selector_terms: vec![NodeSelectorTerm {
                        match_fields: Some(vec![NodeSelectorRequirement {
                            key: "metadata.name".into(),
                            operator: "In".into(),
                            values: Some(vec![name.into()]),
                        }]),
                        ..Default::default()
                    }],
                }),
                ..Default::default()
            }),
            ..Default::default()
        });
    }

    #[test]
    fn zero_nodes() {
        let err = schedule(&PodSpec::default(), std::iter::empty()).unwrap_err();
        assert_eq!(err.message, "no nodes available to schedule pods");
    }

    #[test]
    fn known_node_verdicts_give_the_same_answers() {
        // Cordoned, tainted, too small, busy and free nodes; pods that fit one, some or none.
        let mut cordoned = node("a");
        cordoned.unschedulable = true;
        let mut tainted = node("b");
        tainted.taints.push(taint("gpu", "", "NoSchedule"));
        let mut small = node("c");
        small.cpu_milli = 100;
        let (d, e) = (node("d"), node("e"));
        let free = NodeUsage::default();
        let busy = NodeUsage {
            cpu_milli: 3800,
            ..Default::default()
        };
        let nodes = [
            (&cordoned, &free),
            (&tainted, &free),
            (&small, &free),
            (&d, &busy),
            (&e, &free),
        ];
        for (cpu, on_e) in [("500m", true), ("100m", true), ("8", false)] {
            for usage_of_e in [&free, &busy] {
                let spec = pod_with(cpu, "");
                let p = PreparedPod::new(&spec);
                let mut list = nodes;
                list[4].1 = usage_of_e;
                let verdicts = p.node_verdicts(list.iter().map(|(n, _)| *n));
                assert_eq!(verdicts.iter().filter(|v| v.is_ok()).count(), 3);
                let want = p.schedule(list.len(), list);
                assert_eq!(p.schedule_with(list.len(), list, Some(&verdicts)), want);
                if on_e && std::ptr::eq(usage_of_e, &free) {
                    assert_eq!(want, Ok("e".to_string()), "{cpu}");
                }
            }
        }
    }

    #[test]
    fn first_failing_filter_only() {
        // A cordoned node short of CPU says only that it is unschedulable.
        let mut a = node("a");
        a.unschedulable = true;
        a.cpu_milli = 100;
        let b = node("b");
        let u = NodeUsage::default();
        let busy = NodeUsage {
            cpu_milli: 3800,
            ..Default::default()
        };
        let pod = pod_with("500m", "");
        let err = schedule(&pod, [(&a, &u), (&b, &busy)]).unwrap_err();
        assert_eq!(err.per_node["a"].plugin, "NodeUnschedulable");
        assert_eq!(err.per_node["b"].plugin, "NodeResourcesFit");
        assert_eq!(
            err.message,
            "0/2 nodes are available: 1 Insufficient cpu, 1 node(s) were unschedulable. preemption: 0/2 nodes \
             are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for \
             scheduling."
        );
    }

    #[test]
    fn pinned_daemon_pod() {
        let nodes: Vec<NodeInfo> = ["a", "b", "c"].iter().map(|n| node(n)).collect();
        let mut usage = vec![NodeUsage::default(); 3];
        usage[1].cpu_milli = 3900;
        let mut pod = pod_with("500m", "");
        pinned(&mut pod, "b");
        let err = schedule(&pod, nodes.iter().zip(usage.iter())).unwrap_err();
        assert_eq!(
            err.message,
            "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. \
             preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption \
             is not helpful for scheduling."
        );
        assert_eq!(err.per_node.len(), 1);
        assert_eq!(
            err.failure_for("a").unwrap().reasons,
            ["node(s) didn't satisfy plugin(s) [NodeAffinity]"]
        );
        // Passing only the candidate gives the same answer.
        let prepared = PreparedPod::new(&pod);
        assert_eq!(prepared.candidate_names(), Some(&["b".to_string()][..]));
        let err2 = prepared.schedule(3, [(&nodes[1], &usage[1])]).unwrap_err();
        assert_eq!(err2.message, err.message);
        usage[1].cpu_milli = 0;
        assert_eq!(schedule(&pod, nodes.iter().zip(usage.iter())).unwrap(), "b");
    }

    #[test]
    fn pinned_to_missing_node() {
        let nodes: Vec<NodeInfo> = ["a", "b"].iter().map(|n| node(n)).collect();
        let usage = NodeUsage::default();
        let mut pod = PodSpec::default();
        pinned(&mut pod, "gone");
        let err = schedule(&pod, nodes.iter().map(|n| (n, &usage))).unwrap_err();
        assert_eq!(
            err.message,
            "0/2 nodes are available: 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. preemption: 0/2 nodes \
             are available: 2 Preemption is not helpful for scheduling."
        );
    }

    #[test]
    fn affinity_terms_conflict() {
        let n = node("a");
        let usage = NodeUsage::default();
        let mut pod = PodSpec::default();
        pinned(&mut pod, "a");
        let terms = &mut pod
            .affinity
            .as_mut()
            .unwrap()
            .node_affinity
            .as_mut()
            .unwrap()
            .required_during_scheduling_ignored_during_execution
            .as_mut()
            .unwrap()
            .node_selector_terms[0];
        terms
            .match_fields
            .as_mut()
            .unwrap()
            .push(NodeSelectorRequirement {
                key: "metadata.name".into(),
                operator: "In".into(),
                values: Some(vec!["b".into()]),
            });
        let err = schedule(&pod, [(&n, &usage)]).unwrap_err();
        assert_eq!(
            err.message,
            "0/1 nodes are available: pod affinity terms conflict. preemption: 0/1 nodes are available: 1 \
             Preemption is not helpful for scheduling."
        );
    }

    #[test]
    fn usage_add_remove() {
        let mut u = NodeUsage::default();
        let mut pod = pod_with("250m", "64Mi");
        pod.containers[0].ports = Some(vec![k8s_openapi::api::core::v1::ContainerPort {
            container_port: 80,
            host_port: Some(8080),
            ..Default::default()
        }]);
        u.add_pod(&pod);
        u.add_pod(&pod);
        assert_eq!(
            (u.cpu_milli, u.memory, u.pods, u.host_ports.len()),
            (500, 128 << 20, 2, 2)
        );
        u.remove_pod(&pod);
        assert_eq!(
            (u.cpu_milli, u.memory, u.pods, u.host_ports.len()),
            (250, 64 << 20, 1, 1)
        );
    }
}
