//! Which nodes a DaemonSet wants, mirroring `NodeShouldRunDaemonPod` and `predicates` in
//! pkg/controller/daemon/daemon_controller.go, with the reasons explained for people.
//!
//! Only three things count: the template's `nodeName`, its `nodeSelector` + required node affinity,
//! and the node's NoSchedule/NoExecute taints against the template's tolerations plus the automatic
//! DaemonSet tolerations ([`super::util::daemon_pod_tolerations`]). Resources, host ports, cordoning
//! and readiness do not: a node short of CPU is still desired, and its pod stays Pending with a
//! FailedScheduling event; a cordoned node still runs the pod (the unschedulable taint is tolerated).
//!
//! Two answers come back, as upstream: `should_run` (create a pod if the node has none) and
//! `should_continue_running` (keep a pod that is already there): an untolerated NoSchedule taint added
//! later does not evict, an untolerated NoExecute taint does.

use k8s_openapi::api::apps::v1::DaemonSet;
use k8s_openapi::api::core::v1::{
    Affinity, NodeAffinity, NodeSelector, PodSpec, Taint, Toleration,
};
use serde::Serialize;

use crate::nodes::{format_taint, NodeInfo};
use crate::scheduler::node_affinity::{
    self, Operator, RequiredNodeAffinity, Unmet, OBJECT_NAME_FIELD,
};
use crate::scheduler::node_name;
use crate::scheduler::taint_toleration::ENABLE_COMPARISON_OPERATORS;
use crate::scheduler::taint_toleration::{self, is_do_not_schedule, tolerates_taint};

/// Why a node does not run (or keeps) a DaemonSet pod: the scheduler's wording of the failing check,
/// and what it means for this node and DaemonSet in plain English and Korean.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    /// The upstream reason text (the filter plugin's reason the scheduler would give).
    pub upstream: &'static str,
    pub en: String,
    pub ko: String,
}

/// The verdict for one node.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NodePlacement {
    pub node: String,
    /// Create a daemon pod on this node if it has none.
    pub should_run: bool,
    /// Keep a daemon pod already running on this node.
    pub should_continue_running: bool,
    /// Empty when `should_run`; otherwise every failing check, in upstream order (nodeName, node
    /// affinity/selector, taints).
    pub reasons: Vec<Reason>,
}

/// The verdict for every node.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DaemonSetPlacement {
    pub name: String,
    pub namespace: String,
    /// DESIRED: the nodes that should run the pod.
    pub desired: usize,
    /// One entry per node, in node-name order.
    pub nodes: Vec<NodePlacement>,
}

/// What of a pod template [`Evaluator::should_run`] reads: `nodeName`, `nodeSelector`, the required
/// node affinity, the tolerations and `hostNetwork` (which adds the network-unavailable toleration).
/// Two DaemonSets whose templates agree on these get the same answer on every node, so they can share
/// remembered answers (the engine pools them: ten DaemonSets with three selectors ask three questions
/// per node, not ten).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlacementKey(PodSpec);

fn required_of(spec: &PodSpec) -> Option<&NodeSelector> {
    spec.affinity
        .as_ref()?
        .node_affinity
        .as_ref()?
        .required_during_scheduling_ignored_during_execution
        .as_ref()
}

/// Whether two pod templates have the same [`PlacementKey`] (compared in place).
pub fn same_placement(a: &PodSpec, b: &PodSpec) -> bool {
    a.node_name == b.node_name
        && a.host_network == b.host_network
        && a.node_selector == b.node_selector
        && a.tolerations == b.tolerations
        && required_of(a) == required_of(b)
}

impl PlacementKey {
    /// The key of `spec`: a spec with only what [`same_placement`] compares copied from it.
    pub fn of(spec: &PodSpec) -> Self {
        let affinity = required_of(spec).map(|r| Affinity {
            node_affinity: Some(NodeAffinity {
                required_during_scheduling_ignored_during_execution: Some(r.clone()),
                ..Default::default()
            }),
            ..Default::default()
        });
        Self(PodSpec {
            node_name: spec.node_name.clone(),
            node_selector: spec.node_selector.clone(),
            affinity,
            tolerations: spec.tolerations.clone(),
            host_network: spec.host_network,
            ..Default::default()
        })
    }

    /// Whether `spec` has this key (compared in place, nothing copied).
    pub fn matches(&self, spec: &PodSpec) -> bool {
        same_placement(&self.0, spec)
    }
}

/// The DaemonSet's template, prepared once for checking many nodes.
#[derive(Debug, Clone)]
pub struct Evaluator<'a> {
    template: &'a PodSpec,
    /// Template tolerations plus the automatic ones (`NewPod` → `AddOrUpdateDaemonPodTolerations`).
    tolerations: Vec<Toleration>,
    affinity: RequiredNodeAffinity<'a>,
}

fn tolerated(tolerations: &[Toleration], taint: &Taint) -> bool {
    tolerations
        .iter()
        .any(|t| tolerates_taint(t, taint, ENABLE_COMPARISON_OPERATORS))
}

impl<'a> Evaluator<'a> {
    /// Prepares a DaemonSet pod template.
    pub fn new(template: &'a PodSpec) -> Self {
        let mut spec = PodSpec {
            tolerations: template.tolerations.clone(),
            ..Default::default()
        };
        spec.host_network = template.host_network;
        super::util::add_or_update_daemon_pod_tolerations(&mut spec);
        Self {
            template,
            tolerations: spec.tolerations.unwrap_or_default(),
            affinity: RequiredNodeAffinity::from_spec(template),
        }
    }

    /// The tolerations a DaemonSet pod carries (template plus automatic, see
    /// [`super::util::daemon_pod_tolerations`]).
    pub fn tolerations(&self) -> &[Toleration] {
        &self.tolerations
    }

    fn fits_node_name(&self, node: &NodeInfo) -> bool {
        node_name::fits(self.template, node)
    }

    /// `NodeShouldRunDaemonPod`: (shouldRun, shouldContinueRunning), without explanations.
    pub fn should_run(&self, node: &NodeInfo) -> (bool, bool) {
        if !self.fits_node_name(node) || !self.affinity.matches(node) {
            return (false, false);
        }
        let untolerated = |include: fn(&Taint) -> bool| {
            node.taints
                .iter()
                .any(|t| include(t) && !tolerated(&self.tolerations, t))
        };
        if untolerated(is_do_not_schedule) {
            return (false, !untolerated(|t| t.effect == "NoExecute"));
        }
        (true, true)
    }

    /// The verdict with every reason explained.
    pub fn evaluate(&self, node: &NodeInfo) -> NodePlacement {
        let (should_run, should_continue_running) = self.should_run(node);
        let mut reasons = Vec::new();
        if !should_run {
            if !self.fits_node_name(node) {
                reasons.push(self.node_name_reason(node));
            }
            if !self.affinity.matches(node) {
                reasons.push(self.affinity_reason(node));
            }
            let untolerated: Vec<&Taint> = node
                .taints
                .iter()
                .filter(|t| is_do_not_schedule(t) && !tolerated(&self.tolerations, t))
                .collect();
            if !untolerated.is_empty() {
                reasons.push(taint_reason(node, &untolerated));
            }
        }
        NodePlacement {
            node: node.name.clone(),
            should_run,
            should_continue_running,
            reasons,
        }
    }

    fn node_name_reason(&self, node: &NodeInfo) -> Reason {
        let want = self.template.node_name.as_deref().unwrap_or("");
        Reason {
            upstream: node_name::ERR_REASON,
            en: format!(
                "the DaemonSet's pod template sets nodeName: {want}, so only node {want} runs it, not {}",
                node.name
            ),
            ko: format!(
                "DaemonSet의 파드 템플릿에 nodeName: {want} 이(가) 지정되어 있어 {want} 노드에서만 실행되며 {}에서는 실행되지 않습니다",
                node.name
            ),
        }
    }

    fn affinity_reason(&self, node: &NodeInfo) -> Reason {
        let mut en = Vec::new();
        let mut ko = Vec::new();
        if let Some(sel) = self.affinity.node_selector {
            for (k, v) in sel {
                match node.labels.get(k) {
                    Some(have) if have == v => {}
                    Some(have) => {
                        en.push(format!(
                            "{} has label {k}={have}, but the DaemonSet's nodeSelector asks for {k}={v}",
                            node.name
                        ));
                        ko.push(format!(
                            "{}의 레이블은 {k}={have} 이지만 DaemonSet의 nodeSelector는 {k}={v} 를 요구합니다",
                            node.name
                        ));
                    }
                    None => {
                        en.push(format!(
                            "{} has no label {k}={v} that the DaemonSet's nodeSelector asks for",
                            node.name
                        ));
                        ko.push(format!(
                            "{}에는 DaemonSet의 nodeSelector가 요구하는 {k}={v} 레이블이 없습니다",
                            node.name
                        ));
                    }
                }
            }
        }
        if let Some(terms) = &self.affinity.terms {
            if !self.affinity.terms_match(node) {
                let (e, k) = describe_terms(node, terms);
                en.push(e);
                ko.push(k);
            }
        }
        Reason {
            upstream: node_affinity::ERR_REASON_POD,
            en: en.join("; "),
            ko: ko.join("; "),
        }
    }
}

fn taint_reason(node: &NodeInfo, untolerated: &[&Taint]) -> Reason {
    let list = untolerated
        .iter()
        .map(|t| format_taint(t))
        .collect::<Vec<_>>()
        .join(", ");
    let plural = untolerated.len() > 1;
    let evicts = untolerated.iter().any(|t| t.effect == "NoExecute");
    let (en_tail, ko_tail) = if evicts {
        (
            "NoExecute, so a pod already running there is evicted too",
            "NoExecute 이므로 이미 실행 중인 파드도 축출됩니다",
        )
    } else {
        (
            "NoSchedule only, so a pod already running there keeps running",
            "NoSchedule 뿐이므로 이미 실행 중인 파드는 계속 실행됩니다",
        )
    };
    Reason {
        upstream: taint_toleration::ERR_REASON_NOT_MATCH,
        en: format!(
            "{} has {} {list} that the DaemonSet's pods don't tolerate ({en_tail})",
            node.name,
            if plural { "taints" } else { "taint" }
        ),
        ko: format!("{}에는 DaemonSet 파드가 용인(toleration)하지 않는 테인트 {list} 이(가) 있습니다 ({ko_tail})", node.name),
    }
}

fn values_list(values: &[String]) -> String {
    format!("[{}]", values.join(", "))
}

/// Explains why one term rejects the node: (English, Korean), without the node name.
fn describe_unmet(node: &NodeInfo, unmet: &Unmet<'_, '_>) -> (String, String) {
    match unmet {
        Unmet::Invalid(e) => (
            format!("the term is invalid ({e}) and matches no node"),
            format!("이 조건은 잘못되어({e}) 어떤 노드와도 일치하지 않습니다"),
        ),
        Unmet::Field(f) if f.key != OBJECT_NAME_FIELD => (
            format!(
                "nodes have no field {} (only metadata.name can be matched)",
                f.key
            ),
            format!(
                "노드에는 {} 필드가 없습니다 (metadata.name 만 사용할 수 있습니다)",
                f.key
            ),
        ),
        Unmet::Field(f) if f.equal => (
            format!(
                "it is not the node named {} (matchFields metadata.name In [{}])",
                f.value, f.value
            ),
            format!(
                "{} 이(가) 아닌 노드입니다 (matchFields metadata.name In [{}])",
                f.value, f.value
            ),
        ),
        Unmet::Field(f) => (
            format!(
                "it is excluded by name (matchFields metadata.name NotIn [{}])",
                f.value
            ),
            format!(
                "이름으로 제외되었습니다 (matchFields metadata.name NotIn [{}])",
                f.value
            ),
        ),
        Unmet::Label(r) => {
            let key = r.key;
            let have = node.labels.get(key);
            let vals = values_list(r.values);
            match (r.op, have) {
                (Operator::In, None) => (
                    format!("it has no label {key} (needs {key} In {vals})"),
                    format!("{key} 레이블이 없습니다 ({key} In {vals} 필요)"),
                ),
                (Operator::In, Some(v)) => (
                    format!("its label {key}={v} is not one of {vals}"),
                    format!("레이블 {key}={v} 의 값이 {vals} 중 하나가 아닙니다"),
                ),
                (Operator::NotIn, v) => (
                    format!(
                        "its label {key}={} is excluded (NotIn {vals})",
                        v.map_or("", String::as_str)
                    ),
                    format!(
                        "레이블 {key}={} 은(는) 제외 대상입니다 (NotIn {vals})",
                        v.map_or("", String::as_str)
                    ),
                ),
                (Operator::Exists, _) => (
                    format!("it has no label {key} (needs {key} to exist)"),
                    format!("{key} 레이블이 없습니다 ({key} Exists 필요)"),
                ),
                (Operator::DoesNotExist, v) => (
                    format!(
                        "it has label {key}={}, but the term asks for no {key} label",
                        v.map_or("", String::as_str)
                    ),
                    format!(
                        "{key}={} 레이블이 있지만 이 조건은 {key} 레이블이 없기를 요구합니다",
                        v.map_or("", String::as_str)
                    ),
                ),
                (op, have) => {
                    let sym = if op == Operator::Gt { ">" } else { "<" };
                    let bound = r.bound;
                    match have {
                        None => (
                            format!("it has no label {key} (needs {key} {sym} {bound})"),
                            format!("{key} 레이블이 없습니다 ({key} {sym} {bound} 필요)"),
                        ),
                        Some(v) if v.parse::<i64>().is_err() => (
                            format!("its label {key}={v} is not an integer (needs {key} {sym} {bound})"),
                            format!("레이블 {key}={v} 은(는) 정수가 아닙니다 ({key} {sym} {bound} 필요)"),
                        ),
                        Some(v) => (
                            format!("its label {key}={v} is not {sym} {bound}"),
                            format!("레이블 {key}={v} 은(는) {sym} {bound} 조건을 만족하지 않습니다"),
                        ),
                    }
                }
            }
        }
    }
}

fn describe_terms(node: &NodeInfo, terms: &[node_affinity::Term<'_>]) -> (String, String) {
    match terms {
        [] => (
            format!(
                "the DaemonSet's required node affinity has no usable nodeSelectorTerms, so it matches no node, {} included",
                node.name
            ),
            format!(
                "DaemonSet의 필수 노드 어피니티에 유효한 nodeSelectorTerms가 없어 {}를 포함한 어떤 노드와도 일치하지 않습니다",
                node.name
            ),
        ),
        [t] => {
            let (e, k) = t.first_unmet(node).map(|u| describe_unmet(node, &u)).unwrap_or_default();
            (
                format!("{} does not satisfy the DaemonSet's required node affinity: {e}", node.name),
                format!("{}는 DaemonSet의 필수 노드 어피니티를 만족하지 않습니다: {k}", node.name),
            )
        }
        many => {
            let mut en = Vec::new();
            let mut ko = Vec::new();
            for t in many {
                if let Some(u) = t.first_unmet(node) {
                    let (e, k) = describe_unmet(node, &u);
                    en.push(format!("term {}: {e}", t.index + 1));
                    ko.push(format!("조건 {}: {k}", t.index + 1));
                }
            }
            (
                format!(
                    "{} matches none of the {} required node affinity terms ({})",
                    node.name,
                    many.len(),
                    en.join("; ")
                ),
                format!(
                    "{}는 DaemonSet의 필수 노드 어피니티 조건 {}개 중 어느 것도 만족하지 않습니다 ({})",
                    node.name,
                    many.len(),
                    ko.join("; ")
                ),
            )
        }
    }
}

/// `NodeShouldRunDaemonPod` for one node, explained.
pub fn node_should_run_daemon_pod(ds: &DaemonSet, node: &NodeInfo) -> NodePlacement {
    let empty = PodSpec::default();
    let template = ds.spec.template.spec.as_ref().unwrap_or(&empty);
    Evaluator::new(template).evaluate(node)
}

/// The verdict of every node (in name order) for a DaemonSet, and DESIRED.
pub fn place(ds: &DaemonSet, nodes: &[NodeInfo]) -> DaemonSetPlacement {
    let empty = PodSpec::default();
    let template = ds.spec.template.spec.as_ref().unwrap_or(&empty);
    let eval = Evaluator::new(template);
    let mut sorted: Vec<&NodeInfo> = nodes.iter().collect();
    sorted.sort_by(|a, b| a.name.cmp(&b.name));
    let placements: Vec<NodePlacement> = sorted.into_iter().map(|n| eval.evaluate(n)).collect();
    DaemonSetPlacement {
        name: ds.metadata.name.clone().unwrap_or_default(),
        namespace: ds
            .metadata
            .namespace
            .clone()
            .unwrap_or_else(|| "default".into()),
        desired: placements.iter().filter(|p| p.should_run).count(),
        nodes: placements,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use k8s_openapi::api::apps::v1::DaemonSetSpec;
    use k8s_openapi::api::core::v1::{
        Affinity, Container, NodeAffinity, NodeSelector, NodeSelectorRequirement, NodeSelectorTerm,
        PodTemplateSpec, ResourceRequirements,
    };
    use k8s_openapi::apimachinery::pkg::api::resource::Quantity;
    use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;

    use super::*;
    use crate::nodes::{TAINT_NETWORK_UNAVAILABLE, TAINT_NOT_READY, TAINT_UNREACHABLE};

    #[test]
    fn placement_keys_differ_in_what_should_run_reads_only() {
        let base = PodSpec {
            containers: vec![Container {
                name: "main".into(),
                image: Some("agent:1".into()),
                ..Default::default()
            }],
            ..Default::default()
        };
        let with = |f: fn(&mut PodSpec)| {
            let mut s = base.clone();
            f(&mut s);
            s
        };
        let cases: [(&str, PodSpec, bool); 7] = [
            (
                "another image",
                with(|s| s.containers[0].image = Some("agent:2".into())),
                true,
            ),
            (
                "a priority class",
                with(|s| s.priority_class_name = Some("high".into())),
                true,
            ),
            (
                "a node selector",
                with(|s| s.node_selector = Some([("disk".into(), "ssd".into())].into())),
                false,
            ),
            (
                "a toleration",
                with(|s| {
                    s.tolerations = Some(vec![Toleration {
                        operator: Some("Exists".into()),
                        ..Default::default()
                    }])
                }),
                false,
            ),
            ("hostNetwork", with(|s| s.host_network = Some(true)), false),
            (
                "a node name",
                with(|s| s.node_name = Some("n1".into())),
                false,
            ),
            (
                "required node affinity",
                with(|s| {
                    s.affinity = Some(Affinity {
                        node_affinity: Some(NodeAffinity {
                            required_during_scheduling_ignored_during_execution: Some(
                                NodeSelector::default(),
                            ),
                            ..Default::default()
                        }),
                        ..Default::default()
                    })
                }),
                false,
            ),
        ];
        let key = PlacementKey::of(&base);
        for (what, spec, same) in cases {
            assert_eq!(same_placement(&base, &spec), same, "{what}");
            assert_eq!(key.matches(&spec), same, "{what}");
            assert!(PlacementKey::of(&spec).matches(&spec), "{what}");
        }
    }

    fn ds(spec: PodSpec) -> DaemonSet {
        DaemonSet {
            metadata: ObjectMeta {
                name: Some("ds".into()),
                ..Default::default()
            },
            spec: DaemonSetSpec {
                template: PodTemplateSpec {
                    spec: Some(spec),
                    ..Default::default()
                },
                ..Default::default()
            },
            ..Default::default()
        }
    }

    fn taint(key: &str, value: &str, effect: &str) -> Taint {
        Taint {
            key: key.into(),
            value: Some(value.into()).filter(|v: &String| !v.is_empty()),
            effect: effect.into(),
            time_added: None,
        }
    }

    fn toleration(key: &str, op: &str, effect: &str) -> Toleration {
        Toleration {
            key: Some(key.into()),
            operator: Some(op.into()),
            effect: Some(effect.into()),
            ..Default::default()
        }
    }

    /// `newNode("test-node", simpleDaemonSetLabel)` with allocatable 100M memory and 1 CPU.
    fn test_node() -> NodeInfo {
        let mut n = NodeInfo::new("test-node");
        n.labels.insert("name".into(), "simple-daemon".into());
        n.labels.insert("type".into(), "production".into());
        n.memory = 100_000_000;
        n.cpu_milli = 1000;
        n
    }

    fn resource_pod_spec(node_name: &str, memory: &str, cpu: &str) -> PodSpec {
        let req: BTreeMap<String, Quantity> = [
            ("memory".to_string(), Quantity(memory.into())),
            ("cpu".to_string(), Quantity(cpu.into())),
        ]
        .into();
        PodSpec {
            node_name: Some(node_name.into()).filter(|n: &String| !n.is_empty()),
            containers: vec![Container {
                name: "c".into(),
                resources: Some(ResourceRequirements {
                    requests: Some(req),
                    ..Default::default()
                }),
                ..Default::default()
            }],
            ..Default::default()
        }
    }

    fn affinity_in(key: &str, values: &[&str]) -> Affinity {
        Affinity {
            node_affinity: Some(NodeAffinity {
                required_during_scheduling_ignored_during_execution: Some(NodeSelector {
                    node_selector_terms: vec![NodeSelectorTerm {
                        match_expressions: Some(vec![NodeSelectorRequirement {
                            key: key.into(),
                            operator: "In".into(),
                            values: Some(values.iter().map(|v| v.to_string()).collect()),
                        }]),
                        match_fields: None,
                    }],
                }),
                ..Default::default()
            }),
            ..Default::default()
        }
    }

    /// daemon_controller_test.go TestNodeShouldRunDaemonPod (resources and host ports no longer count).
    #[test]
    fn node_should_run_daemon_pod_table() {
        let label = |k: &str, v: &str| Some(BTreeMap::from([(k.to_string(), v.to_string())]));
        let cases: Vec<(&str, PodSpec, bool, bool, bool)> = vec![
            (
                "ShouldRunDaemonPod",
                resource_pod_spec("", "50M", "0.5"),
                false,
                true,
                true,
            ),
            (
                "InsufficientResourceError",
                resource_pod_spec("", "200M", "0.5"),
                false,
                true,
                true,
            ),
            (
                "ErrPodNotMatchHostName",
                resource_pod_spec("other-node", "50M", "0.5"),
                false,
                false,
                false,
            ),
            (
                "nodeName matches",
                resource_pod_spec("test-node", "50M", "0.5"),
                false,
                true,
                true,
            ),
            (
                "ErrNodeSelectorNotMatch",
                PodSpec {
                    node_selector: label("name", "simple-daemon-2"),
                    ..Default::default()
                },
                false,
                false,
                false,
            ),
            (
                "ShouldRunDaemonPod (nodeSelector)",
                PodSpec {
                    node_selector: label("name", "simple-daemon"),
                    ..Default::default()
                },
                false,
                true,
                true,
            ),
            (
                "ErrPodAffinityNotMatch",
                PodSpec {
                    affinity: Some(affinity_in("type", &["test"])),
                    ..Default::default()
                },
                false,
                false,
                false,
            ),
            (
                "ShouldRunDaemonPod (affinity)",
                PodSpec {
                    affinity: Some(affinity_in("type", &["production"])),
                    ..Default::default()
                },
                false,
                true,
                true,
            ),
            (
                "ShouldRunDaemonPodOnUnschedulableNode",
                resource_pod_spec("", "50M", "0.5"),
                true,
                true,
                true,
            ),
        ];
        for (name, spec, unschedulable, should_run, should_continue) in cases {
            let mut node = test_node();
            node.unschedulable = unschedulable;
            node.sync_condition_taints();
            let p = node_should_run_daemon_pod(&ds(spec), &node);
            assert_eq!(
                (p.should_run, p.should_continue_running),
                (should_run, should_continue),
                "{name}"
            );
            assert_eq!(p.reasons.is_empty(), should_run, "{name}");
        }
    }

    /// daemon_controller_test.go taint tests (TestTaintedNodeDaemonPods, TestNotReadyNodeDaemonDoesLaunchPod,
    /// TestNodeDaemonLaunchesToleration, TestTaintPressureNodeDaemonLaunchesPod, network-unavailable).
    #[test]
    fn taints_and_tolerations_table() {
        let host_network = PodSpec {
            host_network: Some(true),
            ..Default::default()
        };
        let tolerating = |t: Toleration| PodSpec {
            tolerations: Some(vec![t]),
            ..Default::default()
        };
        let cases: Vec<(&str, PodSpec, Vec<Taint>, bool, bool)> = vec![
            ("NoSchedule taint: not started, existing pod stays", PodSpec::default(), vec![taint("dedicated", "gpu", "NoSchedule")], false, true),
            ("NoExecute taint: not started, existing pod evicted", PodSpec::default(), vec![taint("dedicated", "gpu", "NoExecute")], false, false),
            ("PreferNoSchedule taint is ignored", PodSpec::default(), vec![taint("dedicated", "gpu", "PreferNoSchedule")], true, true),
            ("tolerated NoSchedule taint", tolerating(toleration("dedicated", "Exists", "NoSchedule")), vec![taint("dedicated", "gpu", "NoSchedule")], true, true),
            ("not-ready NoExecute is tolerated automatically", PodSpec::default(), vec![taint(TAINT_NOT_READY, "", "NoExecute")], true, true),
            ("unreachable NoExecute is tolerated automatically", PodSpec::default(), vec![taint(TAINT_UNREACHABLE, "", "NoExecute")], true, true),
            (
                "NotReady node: the not-ready NoSchedule taint is not tolerated, the NoExecute one is",
                PodSpec::default(),
                vec![taint(TAINT_NOT_READY, "", "NoSchedule"), taint(TAINT_NOT_READY, "", "NoExecute")],
                false,
                true,
            ),
            ("disk-pressure is tolerated", PodSpec::default(), vec![taint("node.kubernetes.io/disk-pressure", "", "NoSchedule")], true, true),
            ("memory-pressure is tolerated", PodSpec::default(), vec![taint("node.kubernetes.io/memory-pressure", "", "NoSchedule")], true, true),
            ("pid-pressure is tolerated", PodSpec::default(), vec![taint("node.kubernetes.io/pid-pressure", "", "NoSchedule")], true, true),
            ("network-unavailable blocks a pod network pod", PodSpec::default(), vec![taint(TAINT_NETWORK_UNAVAILABLE, "", "NoSchedule")], false, true),
            ("network-unavailable is tolerated with hostNetwork", host_network, vec![taint(TAINT_NETWORK_UNAVAILABLE, "", "NoSchedule")], true, true),
            (
                "control-plane taint tolerated with operator Exists and empty key",
                tolerating(toleration("", "Exists", "")),
                vec![taint("node-role.kubernetes.io/control-plane", "", "NoSchedule")],
                true,
                true,
            ),
        ];
        for (name, spec, taints, should_run, should_continue) in cases {
            let mut node = test_node();
            node.taints = taints;
            let p = node_should_run_daemon_pod(&ds(spec), &node);
            assert_eq!(
                (p.should_run, p.should_continue_running),
                (should_run, should_continue),
                "{name}"
            );
            if !should_run {
                assert_eq!(
                    p.reasons[0].upstream, "node(s) had untolerated taint(s)",
                    "{name}"
                );
            }
        }
    }

    #[test]
    fn explanations_name_labels_and_taints() {
        let mut node = NodeInfo::new("node-a");
        node.taints = vec![taint("gpu", "true", "NoSchedule")];
        let spec = PodSpec {
            node_selector: Some(BTreeMap::from([("disk".to_string(), "ssd".to_string())])),
            ..Default::default()
        };
        let p = node_should_run_daemon_pod(&ds(spec), &node);
        assert_eq!(p.reasons.len(), 2);
        assert_eq!(
            p.reasons[0].upstream,
            "node(s) didn't match Pod's node affinity/selector"
        );
        assert_eq!(
            p.reasons[0].en,
            "node-a has no label disk=ssd that the DaemonSet's nodeSelector asks for"
        );
        assert_eq!(
            p.reasons[0].ko,
            "node-a에는 DaemonSet의 nodeSelector가 요구하는 disk=ssd 레이블이 없습니다"
        );
        assert!(
            p.reasons[1].en.contains("gpu=true:NoSchedule"),
            "{}",
            p.reasons[1].en
        );
        assert!(p.reasons[1].en.contains("keeps running"));
        node.labels.insert("disk".into(), "hdd".into());
        node.taints.clear();
        let spec = PodSpec {
            node_selector: Some(BTreeMap::from([("disk".to_string(), "ssd".to_string())])),
            affinity: Some(affinity_in("zone", &["a", "b"])),
            ..Default::default()
        };
        let p = node_should_run_daemon_pod(&ds(spec), &node);
        assert_eq!(p.reasons.len(), 1);
        assert_eq!(
            p.reasons[0].en,
            "node-a has label disk=hdd, but the DaemonSet's nodeSelector asks for disk=ssd; node-a does not satisfy \
             the DaemonSet's required node affinity: it has no label zone (needs zone In [a, b])"
        );
        let p = node_should_run_daemon_pod(&ds(resource_pod_spec("node-b", "1", "1")), &node);
        assert_eq!(
            p.reasons[0].upstream,
            "node(s) didn't match the requested node name"
        );
        assert!(p.reasons[0].en.contains("nodeName: node-b"));
    }

    #[test]
    fn place_sorts_nodes_and_counts_desired() {
        let mut nodes: Vec<NodeInfo> = ["c", "a", "b"].iter().map(|n| NodeInfo::new(*n)).collect();
        nodes[0].taints.push(taint("x", "", "NoExecute"));
        let d = ds(PodSpec::default());
        let p = place(&d, &nodes);
        assert_eq!(
            p.nodes.iter().map(|n| n.node.as_str()).collect::<Vec<_>>(),
            ["a", "b", "c"]
        );
        assert_eq!(p.desired, 2);
        assert_eq!((p.name.as_str(), p.namespace.as_str()), ("ds", "default"));
        assert!(!p.nodes[2].should_continue_running);
        assert!(p.nodes[2].reasons[0].en.contains("evicted"));
        // A DaemonSet without a template does not panic.
        let empty = DaemonSet::default();
        assert_eq!(place(&empty, &nodes).desired, 2);
    }
}
