//! The NodeUnschedulable filter (pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable.go):
//! a cordoned node (`spec.unschedulable: true`) takes only pods that tolerate the
//! `node.kubernetes.io/unschedulable:NoSchedule` taint.

use k8s_openapi::api::core::v1::{PodSpec, Taint};

use super::taint_toleration::tolerations_tolerate_taint;
use super::FilterFailure;
use crate::nodes::{NodeInfo, TAINT_UNSCHEDULABLE};

/// The plugin's registry name.
pub const NAME: &str = "NodeUnschedulable";
/// `ErrReasonUnschedulable`.
pub const ERR_REASON_UNSCHEDULABLE: &str = "node(s) were unschedulable";

/// `NodeUnschedulable.Filter`: UnschedulableAndUnresolvable when the node is cordoned and the pod does
/// not tolerate the unschedulable taint.
pub fn filter(pod: &PodSpec, node: &NodeInfo) -> Result<(), FilterFailure> {
    if !node.unschedulable {
        return Ok(());
    }
    let taint = Taint {
        key: TAINT_UNSCHEDULABLE.into(),
        effect: "NoSchedule".into(),
        value: None,
        time_added: None,
    };
    if tolerations_tolerate_taint(pod.tolerations.as_deref().unwrap_or_default(), &taint) {
        return Ok(());
    }
    Err(FilterFailure::new(NAME, ERR_REASON_UNSCHEDULABLE, true))
}

#[cfg(test)]
mod tests {
    use super::super::test_util::*;
    use super::*;

    /// node_unschedulable_test.go TestNodeUnschedulable.
    #[test]
    fn node_unschedulable_table() {
        let cases: &[(&str, bool, Vec<k8s_openapi::api::core::v1::Toleration>, bool)] = &[
            ("Does not schedule pod to unschedulable node (node.Spec.Unschedulable==true)", true, vec![], false),
            ("Schedule pod to normal node", false, vec![], true),
            (
                "Schedule pod with toleration to unschedulable node (node.Spec.Unschedulable==true)",
                true,
                vec![toleration(TAINT_UNSCHEDULABLE, "", "", "NoSchedule")],
                true,
            ),
            ("Toleration for every taint", true, vec![toleration("", "Exists", "", "")], true),
            ("Toleration with a different effect", true, vec![toleration(TAINT_UNSCHEDULABLE, "Exists", "", "NoExecute")], false),
        ];
        for (name, unschedulable, tolerations, fits) in cases {
            let mut n = node("n");
            n.unschedulable = *unschedulable;
            let pod = PodSpec {
                tolerations: Some(tolerations.clone()),
                ..Default::default()
            };
            let got = filter(&pod, &n);
            assert_eq!(got.is_ok(), *fits, "{name}");
            if let Err(f) = got {
                assert_eq!(f.reasons, [ERR_REASON_UNSCHEDULABLE]);
                assert!(f.unresolvable);
            }
        }
    }
}
