//! The NodeName filter (pkg/scheduler/framework/plugins/nodename/node_name.go): a pod that names a node
//! in `spec.nodeName` fits only that node.

use k8s_openapi::api::core::v1::PodSpec;

use super::FilterFailure;
use crate::nodes::NodeInfo;

/// The plugin's registry name.
pub const NAME: &str = "NodeName";
/// `ErrReason`.
pub const ERR_REASON: &str = "node(s) didn't match the requested node name";

/// `Fits`: no `nodeName`, or the node's own name.
pub fn fits(pod: &PodSpec, node: &NodeInfo) -> bool {
    match pod.node_name.as_deref() {
        None | Some("") => true,
        Some(n) => n == node.name,
    }
}

/// `NodeName.Filter`: UnschedulableAndUnresolvable on any other node.
pub fn filter(pod: &PodSpec, node: &NodeInfo) -> Result<(), FilterFailure> {
    if fits(pod, node) {
        Ok(())
    } else {
        Err(FilterFailure::new(NAME, ERR_REASON, true))
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_util::*;
    use super::*;

    /// node_name_test.go TestNodeName.
    #[test]
    fn node_name_table() {
        let cases = [
            ("no host specified", None, "foo", true),
            ("host matches", Some("foo"), "foo", true),
            ("host doesn't match", Some("bar"), "foo", false),
            ("empty nodeName is no nodeName", Some(""), "foo", true),
        ];
        for (name, pod_node, node_name, want) in cases {
            let pod = PodSpec {
                node_name: pod_node.map(Into::into),
                ..Default::default()
            };
            let got = filter(&pod, &node(node_name));
            assert_eq!(got.is_ok(), want, "{name}");
            if let Err(f) = got {
                assert_eq!(f.reasons, [ERR_REASON]);
                assert!(f.unresolvable);
            }
        }
    }
}
