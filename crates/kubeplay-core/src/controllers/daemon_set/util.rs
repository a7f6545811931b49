//! DaemonSet pod helpers, mirroring pkg/controller/daemon/util/daemonset_util.go: the tolerations every
//! DaemonSet pod gets (`AddOrUpdateDaemonPodTolerations`) and the node-name pin
//! (`ReplaceDaemonSetPodNodeNameNodeAffinity`) that sends each pod through the scheduler to one node.

use k8s_openapi::api::core::v1::{
    Affinity, NodeAffinity, NodeSelector, NodeSelectorRequirement, NodeSelectorTerm, PodSpec,
    Toleration,
};

use crate::nodes::{
    TAINT_DISK_PRESSURE, TAINT_MEMORY_PRESSURE, TAINT_NETWORK_UNAVAILABLE, TAINT_NOT_READY,
    TAINT_PID_PRESSURE, TAINT_UNREACHABLE, TAINT_UNSCHEDULABLE,
};
use crate::scheduler::node_affinity::OBJECT_NAME_FIELD;

fn exists(key: &str, effect: &str) -> Toleration {
    Toleration {
        key: Some(key.into()),
        operator: Some("Exists".into()),
        effect: Some(effect.into()),
        value: None,
        toleration_seconds: None,
    }
}

/// The tolerations `AddOrUpdateDaemonPodTolerations` adds, in its order: not-ready and unreachable
/// NoExecute without a time limit (so node problems never evict DaemonSet pods), the disk-pressure,
/// memory-pressure, pid-pressure and unschedulable NoSchedule taints (so cordoned and pressured nodes
/// still get them), and network-unavailable NoSchedule for `hostNetwork` pods.
pub fn daemon_pod_tolerations(host_network: bool) -> Vec<Toleration> {
    let mut t = vec![
        exists(TAINT_NOT_READY, "NoExecute"),
        exists(TAINT_UNREACHABLE, "NoExecute"),
        exists(TAINT_DISK_PRESSURE, "NoSchedule"),
        exists(TAINT_MEMORY_PRESSURE, "NoSchedule"),
        exists(TAINT_PID_PRESSURE, "NoSchedule"),
        exists(TAINT_UNSCHEDULABLE, "NoSchedule"),
    ];
    if host_network {
        t.push(exists(TAINT_NETWORK_UNAVAILABLE, "NoSchedule"));
    }
    t
}

fn s(v: &Option<String>) -> &str {
    v.as_deref().unwrap_or("")
}

/// `Toleration.MatchToleration`: same key, effect, operator and value.
pub fn match_toleration(a: &Toleration, b: &Toleration) -> bool {
    s(&a.key) == s(&b.key)
        && s(&a.effect) == s(&b.effect)
        && s(&a.operator) == s(&b.operator)
        && s(&a.value) == s(&b.value)
}

/// `v1helper.AddOrUpdateTolerationInPodSpec`: replaces a matching toleration (one with a different
/// `tolerationSeconds`) or appends; false when an identical one is already there.
pub fn add_or_update_toleration_in_pod_spec(spec: &mut PodSpec, toleration: &Toleration) -> bool {
    let old = spec.tolerations.as_deref().unwrap_or_default();
    if !old.iter().any(|t| match_toleration(toleration, t)) {
        // The common case: append without rebuilding the list.
        spec.tolerations
            .get_or_insert_with(Vec::new)
            .push(toleration.clone());
        return true;
    }
    let mut list = Vec::with_capacity(old.len() + 1);
    let mut updated = false;
    for t in old {
        if match_toleration(toleration, t) {
            if t.toleration_seconds == toleration.toleration_seconds {
                return false;
            }
            list.push(toleration.clone());
            updated = true;
        } else {
            list.push(t.clone());
        }
    }
    if !updated {
        list.push(toleration.clone());
    }
    spec.tolerations = Some(list);
    true
}

/// `AddOrUpdateDaemonPodTolerations`.
pub fn add_or_update_daemon_pod_tolerations(spec: &mut PodSpec) {
    for t in daemon_pod_tolerations(spec.host_network.unwrap_or(false)) {
        add_or_update_toleration_in_pod_spec(spec, &t);
    }
}

/// `ReplaceDaemonSetPodNodeNameNodeAffinity`, in place on the pod spec: the required node affinity
/// becomes the single term `matchFields metadata.name In [node_name]`, replacing the template's
/// required terms; preferred terms and pod (anti-)affinity are kept.
pub fn replace_daemon_set_pod_node_name_node_affinity(spec: &mut PodSpec, node_name: &str) {
    pin_affinity(&mut spec.affinity, node_name);
}

/// The affinity part of [`replace_daemon_set_pod_node_name_node_affinity`]: the required node
/// selector becomes the single `metadata.name` term; preferred terms and pod (anti-)affinity stay.
pub fn pin_affinity(affinity: &mut Option<Affinity>, node_name: &str) {
    let term = NodeSelectorTerm {
        match_expressions: None,
        match_fields: Some(vec![NodeSelectorRequirement {
            key: OBJECT_NAME_FIELD.into(),
            operator: "In".into(),
            values: Some(vec![node_name.into()]),
        }]),
    };
    let affinity = affinity.get_or_insert_with(Affinity::default);
    let node_affinity = affinity
        .node_affinity
        .get_or_insert_with(NodeAffinity::default);
    node_affinity.required_during_scheduling_ignored_during_execution = Some(NodeSelector {
        node_selector_terms: vec![term],
    });
}

/// `GetTargetNodeName`: `spec.nodeName`, else the node a pending DaemonSet pod is pinned to.
pub fn get_target_node_name(spec: &PodSpec) -> Result<String, String> {
    if let Some(n) = spec.node_name.as_deref().filter(|n| !n.is_empty()) {
        return Ok(n.to_string());
    }
    let terms = spec
        .affinity
        .as_ref()
        .and_then(|a| a.node_affinity.as_ref())
        .and_then(|na| {
            na.required_during_scheduling_ignored_during_execution
                .as_ref()
        })
        .map(|sel| &sel.node_selector_terms)
        .ok_or(
            "no spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution for pod",
        )?;
    if terms.is_empty() {
        return Err(
            "no nodeSelectorTerms in requiredDuringSchedulingIgnoredDuringExecution of pod".into(),
        );
    }
    for r in terms.iter().flat_map(|t| t.match_fields.iter().flatten()) {
        if r.key == OBJECT_NAME_FIELD && r.operator == "In" {
            return match r.values.as_deref() {
                Some([one]) => Ok(one.clone()),
                _ => Err(format!(
                    "the matchFields value of '{OBJECT_NAME_FIELD}' is not unique for pod"
                )),
            };
        }
    }
    Err("no node name found for pod".into())
}

/// `NewPod`'s spec, what `NodeShouldRunDaemonPod` checks: the template with `nodeName` set and the
/// DaemonSet tolerations added.
pub fn new_pod_spec(template: &PodSpec, node_name: &str) -> PodSpec {
    let mut spec = template.clone();
    spec.node_name = Some(node_name.into());
    add_or_update_daemon_pod_tolerations(&mut spec);
    spec
}

/// The spec of the pod the controller creates for `node_name` (`CreatePodTemplate` plus the pin in
/// `syncNodes`): the DaemonSet tolerations added and the required node affinity replaced by the pin.
/// It has no `nodeName`: the scheduler binds it.
pub fn daemon_pod_spec(template: &PodSpec, node_name: &str) -> PodSpec {
    let mut spec = template.clone();
    add_or_update_daemon_pod_tolerations(&mut spec);
    replace_daemon_set_pod_node_name_node_affinity(&mut spec, node_name);
    spec
}

#[cfg(test)]
mod tests {
    use k8s_openapi::api::core::v1::{PodAffinity, PreferredSchedulingTerm};

    use super::*;

    fn pin(name: &str) -> NodeSelector {
        NodeSelector {
            node_selector_terms: vec![NodeSelectorTerm {
                match_expressions: None,
                match_fields: Some(vec![NodeSelectorRequirement {
                    key: "metadata.name".into(),
                    operator: "In".into(),
                    values: Some(vec![name.into()]),
                }]),
            }],
        }
    }

    fn label_term(key: &str) -> NodeSelectorTerm {
        NodeSelectorTerm {
            match_expressions: Some(vec![NodeSelectorRequirement {
                key: key.into(),
                operator: "In".into(),
                values: Some(vec!["v".into()]),
            }]),
            match_fields: None,
        }
    }

    /// daemonset_util_test.go TestReplaceDaemonSetPodNodeNameNodeAffinity.
    #[test]
    fn replace_node_name_node_affinity_table() {
        let preferred = Some(vec![PreferredSchedulingTerm {
            weight: 1,
            preference: label_term("zone"),
        }]);
        let cases: Vec<(&str, Option<Affinity>, Affinity)> = vec![
            (
                "nil affinity",
                None,
                Affinity {
                    node_affinity: Some(NodeAffinity {
                        required_during_scheduling_ignored_during_execution: Some(pin("host_1")),
                        ..Default::default()
                    }),
                    ..Default::default()
                },
            ),
            (
                "affinity without node affinity keeps pod affinity",
                Some(Affinity {
                    pod_affinity: Some(PodAffinity::default()),
                    ..Default::default()
                }),
                Affinity {
                    node_affinity: Some(NodeAffinity {
                        required_during_scheduling_ignored_during_execution: Some(pin("host_1")),
                        ..Default::default()
                    }),
                    pod_affinity: Some(PodAffinity::default()),
                    ..Default::default()
                },
            ),
            (
                "only preferred terms: required added, preferred kept",
                Some(Affinity {
                    node_affinity: Some(NodeAffinity {
                        preferred_during_scheduling_ignored_during_execution: preferred.clone(),
                        ..Default::default()
                    }),
                    ..Default::default()
                }),
                Affinity {
                    node_affinity: Some(NodeAffinity {
                        required_during_scheduling_ignored_during_execution: Some(pin("host_1")),
                        preferred_during_scheduling_ignored_during_execution: preferred.clone(),
                    }),
                    ..Default::default()
                },
            ),
            (
                "required label terms are replaced by the pin",
                Some(Affinity {
                    node_affinity: Some(NodeAffinity {
                        required_during_scheduling_ignored_during_execution: Some(NodeSelector {
                            node_selector_terms: vec![label_term("disk"), label_term("zone")],
                        }),
                        ..Default::default()
                    }),
                    ..Default::default()
                }),
                Affinity {
                    node_affinity: Some(NodeAffinity {
                        required_during_scheduling_ignored_during_execution: Some(pin("host_1")),
                        ..Default::default()
                    }),
                    ..Default::default()
                },
            ),
            (
                "an existing pin to another node is replaced",
                Some(Affinity {
                    node_affinity: Some(NodeAffinity {
                        required_during_scheduling_ignored_during_execution: Some(pin("host_2")),
                        ..Default::default()
                    }),
                    ..Default::default()
                }),
                Affinity {
                    node_affinity: Some(NodeAffinity {
                        required_during_scheduling_ignored_during_execution: Some(pin("host_1")),
                        ..Default::default()
                    }),
                    ..Default::default()
                },
            ),
        ];
        for (name, input, want) in cases {
            let mut spec = PodSpec {
                affinity: input,
                ..Default::default()
            };
            replace_daemon_set_pod_node_name_node_affinity(&mut spec, "host_1");
            assert_eq!(spec.affinity, Some(want), "{name}");
        }
    }

    #[test]
    fn automatic_tolerations() {
        let mut spec = PodSpec::default();
        add_or_update_daemon_pod_tolerations(&mut spec);
        let keys: Vec<(&str, &str)> = spec
            .tolerations
            .iter()
            .flatten()
            .map(|t| (s(&t.key), s(&t.effect)))
            .collect();
        assert_eq!(
            keys,
            [
                (TAINT_NOT_READY, "NoExecute"),
                (TAINT_UNREACHABLE, "NoExecute"),
                (TAINT_DISK_PRESSURE, "NoSchedule"),
                (TAINT_MEMORY_PRESSURE, "NoSchedule"),
                (TAINT_PID_PRESSURE, "NoSchedule"),
                (TAINT_UNSCHEDULABLE, "NoSchedule"),
            ]
        );
        // hostNetwork adds network-unavailable.
        let mut host = PodSpec {
            host_network: Some(true),
            ..Default::default()
        };
        add_or_update_daemon_pod_tolerations(&mut host);
        assert_eq!(host.tolerations.as_ref().unwrap().len(), 7);
        assert_eq!(
            s(&host.tolerations.as_ref().unwrap()[6].key),
            TAINT_NETWORK_UNAVAILABLE
        );
        // Idempotent.
        add_or_update_daemon_pod_tolerations(&mut host);
        assert_eq!(host.tolerations.as_ref().unwrap().len(), 7);
        // A template toleration with a time limit becomes unlimited; others are kept in place.
        let mut limited = exists(TAINT_NOT_READY, "NoExecute");
        limited.toleration_seconds = Some(300);
        let mut spec = PodSpec {
            tolerations: Some(vec![exists("gpu", "NoSchedule"), limited]),
            ..Default::default()
        };
        add_or_update_daemon_pod_tolerations(&mut spec);
        let t = spec.tolerations.unwrap();
        assert_eq!(t.len(), 7);
        assert_eq!(s(&t[0].key), "gpu");
        assert_eq!(
            (s(&t[1].key), t[1].toleration_seconds),
            (TAINT_NOT_READY, None)
        );
    }

    #[test]
    fn pod_specs_and_target_node() {
        let template = PodSpec {
            affinity: Some(Affinity {
                node_affinity: Some(NodeAffinity {
                    required_during_scheduling_ignored_during_execution: Some(NodeSelector {
                        node_selector_terms: vec![label_term("disk")],
                    }),
                    ..Default::default()
                }),
                ..Default::default()
            }),
            ..Default::default()
        };
        let created = daemon_pod_spec(&template, "node-a");
        assert_eq!(created.node_name, None);
        assert_eq!(get_target_node_name(&created), Ok("node-a".to_string()));
        assert_eq!(created.tolerations.as_ref().map(Vec::len), Some(6));
        let checked = new_pod_spec(&template, "node-b");
        assert_eq!(get_target_node_name(&checked), Ok("node-b".to_string()));
        assert!(get_target_node_name(&template).is_err());
        assert!(get_target_node_name(&PodSpec::default()).is_err());
    }
}
