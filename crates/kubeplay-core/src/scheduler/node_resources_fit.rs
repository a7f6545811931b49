//! The NodeResourcesFit filter (pkg/scheduler/framework/plugins/noderesources/fit.go) and the pod's
//! requests it compares (`resource.PodRequests`, staging/src/k8s.io/component-helpers/resource/helpers.go).
//!
//! A pod fits when the node's pod count stays within `pods` and every requested resource fits in
//! allocatable minus what the node's pods already request. Limits do not count, except that a
//! container's request defaults to its limit (API defaulting, which kubeplay applies here because
//! manifests are not defaulted). Only cpu and memory are modelled.

use k8s_openapi::api::core::v1::{Container, PodSpec, ResourceRequirements};
use k8s_openapi::apimachinery::pkg::api::resource::Quantity;
use serde::Serialize;

use super::node_ports::{pod_host_ports, HostPort};
use super::{FilterFailure, NodeUsage};
use crate::nodes::NodeInfo;
use crate::quantity;

/// The plugin's registry name.
pub const NAME: &str = "NodeResourcesFit";
/// Reason when the node already has its maximum number of pods.
pub const ERR_REASON_TOO_MANY_PODS: &str = "Too many pods";
/// Reason when the node's free CPU is less than the pod requests.
pub const ERR_REASON_INSUFFICIENT_CPU: &str = "Insufficient cpu";
/// Reason when the node's free memory is less than the pod requests.
pub const ERR_REASON_INSUFFICIENT_MEMORY: &str = "Insufficient memory";

/// `schedutil.DefaultMilliCPURequest`: what scoring assumes for a container without a CPU request.
pub const DEFAULT_MILLI_CPU_REQUEST: i64 = 100;
/// `schedutil.DefaultMemoryRequest`: 200Mi, what scoring assumes for a container without a memory request.
pub const DEFAULT_MEMORY_REQUEST: i64 = 200 * 1024 * 1024;

/// What one pod asks of a node.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PodRequests {
    /// Effective CPU request in milli-cores (`PodRequests`).
    pub cpu_milli: i64,
    /// Effective memory request in bytes.
    pub memory: i64,
    /// The same with 100m for each container without a CPU request (scoring).
    pub nonzero_cpu_milli: i64,
    /// The same with 200Mi for each container without a memory request (scoring).
    pub nonzero_memory: i64,
    /// Host ports (`util.GetHostPorts`).
    pub host_ports: Vec<HostPort>,
}

fn milli(q: &Quantity) -> i64 {
    quantity::parse_milli(&q.0).map_or(0, |v| v.clamp(0, i64::MAX as i128) as i64)
}

fn units(q: &Quantity) -> i64 {
    quantity::parse_units(&q.0).map_or(0, |v| v.clamp(0, i64::MAX as i128) as i64)
}

/// A resource value read from `requests`, or from `limits` when only the limit is set.
fn effective(
    r: Option<&ResourceRequirements>,
    name: &str,
    parse: fn(&Quantity) -> i64,
) -> Option<i64> {
    let r = r?;
    let request = r.requests.as_ref().and_then(|m| m.get(name));
    request
        .or_else(|| r.limits.as_ref().and_then(|m| m.get(name)))
        .map(parse)
}

#[derive(Clone, Copy)]
struct Resource {
    name: &'static str,
    parse: fn(&Quantity) -> i64,
}

const CPU: Resource = Resource {
    name: "cpu",
    parse: milli,
};
const MEMORY: Resource = Resource {
    name: "memory",
    parse: units,
};

/// `aggregateContainerResourcesByFn` for one resource: the sum over containers, or the largest need
/// while init containers run (each init container plus the sidecars started before it), whichever is
/// larger. `default` replaces a missing container request (`NonMissingContainerRequests`).
fn aggregate(spec: &PodSpec, res: Resource, default: Option<i64>) -> i64 {
    let get = |c: &Container| {
        effective(c.resources.as_ref(), res.name, res.parse)
            .or(default)
            .unwrap_or(0)
    };
    let mut total: i64 = spec.containers.iter().map(get).fold(0, i64::saturating_add);
    let mut sidecars: i64 = 0;
    let mut init_max: i64 = 0;
    for c in spec.init_containers.iter().flatten() {
        let r = get(c);
        let need = if c.restart_policy.as_deref() == Some("Always") {
            total = total.saturating_add(r);
            sidecars = sidecars.saturating_add(r);
            sidecars
        } else {
            r.saturating_add(sidecars)
        };
        init_max = init_max.max(need);
    }
    total.max(init_max)
}

/// The pod-level request of a resource (`spec.resources`), with API defaulting: an unset pod-level
/// request takes the pod-level limit when no container requests that resource.
fn pod_level(spec: &PodSpec, res: Resource) -> Option<i64> {
    let r = spec.resources.as_ref()?;
    if let Some(q) = r.requests.as_ref().and_then(|m| m.get(res.name)) {
        return Some((res.parse)(q));
    }
    let limit = r.limits.as_ref().and_then(|m| m.get(res.name))?;
    let any_container = spec
        .containers
        .iter()
        .chain(spec.init_containers.iter().flatten())
        .any(|c| effective(c.resources.as_ref(), res.name, res.parse).is_some());
    if any_container {
        None
    } else {
        Some((res.parse)(limit))
    }
}

fn overhead(spec: &PodSpec, res: Resource) -> i64 {
    spec.overhead
        .as_ref()
        .and_then(|m| m.get(res.name))
        .map_or(0, res.parse)
}

/// `resource.PodRequests` for cpu and memory (containers, restartable and regular init containers,
/// pod-level resources, overhead), plus the non-zero variant used for scoring and the host ports.
pub fn pod_requests(spec: &PodSpec) -> PodRequests {
    let one = |res: Resource, default: i64| {
        let (real, nonzero) = match pod_level(spec, res) {
            Some(v) => (v, v),
            None => (
                aggregate(spec, res, None),
                aggregate(spec, res, Some(default)),
            ),
        };
        let o = overhead(spec, res);
        (real.saturating_add(o), nonzero.saturating_add(o))
    };
    let (cpu_milli, nonzero_cpu_milli) = one(CPU, DEFAULT_MILLI_CPU_REQUEST);
    let (memory, nonzero_memory) = one(MEMORY, DEFAULT_MEMORY_REQUEST);
    PodRequests {
        cpu_milli,
        memory,
        nonzero_cpu_milli,
        nonzero_memory,
        host_ports: pod_host_ports(spec),
    }
}

/// `fitsRequest`: the insufficient resources in upstream order (pods, cpu, memory), and whether any is
/// unresolvable (the pod asks for more than the node's whole allocatable).
pub fn insufficient(
    req: &PodRequests,
    node: &NodeInfo,
    usage: &NodeUsage,
) -> (Vec<&'static str>, bool) {
    let mut reasons = Vec::new();
    let mut unresolvable = false;
    if usage.pods.saturating_add(1) > node.pods {
        reasons.push(ERR_REASON_TOO_MANY_PODS);
    }
    if req.cpu_milli == 0 && req.memory == 0 {
        return (reasons, unresolvable);
    }
    if req.cpu_milli > 0 && req.cpu_milli > node.cpu_milli.saturating_sub(usage.cpu_milli) {
        reasons.push(ERR_REASON_INSUFFICIENT_CPU);
        unresolvable |= req.cpu_milli > node.cpu_milli;
    }
    if req.memory > 0 && req.memory > node.memory.saturating_sub(usage.memory) {
        reasons.push(ERR_REASON_INSUFFICIENT_MEMORY);
        unresolvable |= req.memory > node.memory;
    }
    (reasons, unresolvable)
}

/// `Fit.Filter`: Unschedulable with every insufficient resource as a reason; UnschedulableAndUnresolvable
/// when the request exceeds the node's allocatable (preemption cannot help).
pub fn filter(req: &PodRequests, node: &NodeInfo, usage: &NodeUsage) -> Result<(), FilterFailure> {
    let (reasons, unresolvable) = insufficient(req, node, usage);
    if reasons.is_empty() {
        Ok(())
    } else {
        Err(FilterFailure {
            plugin: NAME,
            reasons: reasons.into_iter().map(Into::into).collect(),
            unresolvable,
        })
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::super::test_util::*;
    use super::*;

    fn container(cpu: &str, memory: &str) -> Container {
        Container {
            name: "c".into(),
            resources: Some(resources(cpu, memory)),
            ..Default::default()
        }
    }

    fn spec(containers: &[(&str, &str)], inits: &[(&str, &str)]) -> PodSpec {
        PodSpec {
            containers: containers.iter().map(|(c, m)| container(c, m)).collect(),
            init_containers: if inits.is_empty() {
                None
            } else {
                Some(inits.iter().map(|(c, m)| container(c, m)).collect())
            },
            ..Default::default()
        }
    }

    /// fit_test.go TestEnoughRequests: node allocatable cpu 10m, memory 20 bytes, 32 pods.
    #[test]
    fn enough_requests_table() {
        let mut n = node("machine1");
        n.cpu_milli = 10;
        n.memory = 20;
        n.pods = 32;
        let used = |cpu, mem| NodeUsage {
            cpu_milli: cpu,
            memory: mem,
            pods: 1,
            ..Default::default()
        };
        #[rustfmt::skip]
        let cases: Vec<(&str, PodSpec, NodeUsage, Vec<&str>, bool)> = vec![
            ("no resources requested always fits", spec(&[("", "")], &[]), used(10, 20), vec![], false),
            ("too many resources fails", spec(&[("1m", "1")], &[]), used(10, 20), vec!["Insufficient cpu", "Insufficient memory"], false),
            ("too many resources fails due to init container cpu", spec(&[("1m", "1")], &[("3m", "1")]), used(8, 19), vec!["Insufficient cpu"], false),
            ("too many resources fails due to highest init container cpu", spec(&[("1m", "1")], &[("3m", "1"), ("2m", "1")]), used(8, 19), vec!["Insufficient cpu"], false),
            ("too many resources fails due to init container memory", spec(&[("1m", "1")], &[("1m", "3")]), used(9, 19), vec!["Insufficient memory"], false),
            ("init container fits because it's the max, not sum, of containers and init containers", spec(&[("1m", "1")], &[("1m", "1")]), used(9, 19), vec![], false),
            ("multiple init containers fit because it's the max", spec(&[("1m", "1")], &[("1m", "1"), ("1m", "1")]), used(9, 19), vec![], false),
            ("both resources fit", spec(&[("1m", "1")], &[]), used(5, 5), vec![], false),
            ("one resource memory fits", spec(&[("2m", "1")], &[]), used(9, 5), vec!["Insufficient cpu"], false),
            ("one resource cpu fits", spec(&[("1m", "2")], &[]), used(5, 19), vec!["Insufficient memory"], false),
            ("equal edge case", spec(&[("5m", "1")], &[]), used(5, 19), vec![], false),
            ("equal edge case for init container", spec(&[("4m", "1")], &[("5m", "1")]), used(5, 19), vec![], false),
            ("request exceeds allocatable is unresolvable", spec(&[("11m", "1")], &[]), used(0, 0), vec!["Insufficient cpu"], true),
            ("memory exceeds allocatable is unresolvable", spec(&[("1m", "21")], &[]), used(0, 0), vec!["Insufficient memory"], true),
            ("too many pods", spec(&[("1m", "1")], &[]), NodeUsage { pods: 32, ..Default::default() }, vec!["Too many pods"], false),
            ("too many pods with zero requests", spec(&[("", "")], &[]), NodeUsage { pods: 32, cpu_milli: 10, ..Default::default() }, vec!["Too many pods"], false),
            ("too many pods and insufficient cpu keep upstream order", spec(&[("2m", "1")], &[]), NodeUsage { pods: 32, cpu_milli: 9, ..Default::default() }, vec!["Too many pods", "Insufficient cpu"], false),
        ];
        for (name, pod, usage, want, want_unresolvable) in cases {
            let got = filter(&pod_requests(&pod), &n, &usage);
            match got {
                Ok(()) => assert!(want.is_empty(), "{name}: fits, want {want:?}"),
                Err(f) => {
                    assert_eq!(f.reasons, want, "{name}");
                    assert_eq!(f.unresolvable, want_unresolvable, "{name}");
                    assert_eq!(f.plugin, NAME);
                }
            }
        }
    }

    #[test]
    fn requests_default_to_limits_and_limits_do_not_count() {
        let mut pod = spec(&[("", "")], &[]);
        let limits: BTreeMap<String, Quantity> = [
            ("cpu".to_string(), Quantity("2".into())),
            ("memory".to_string(), Quantity("1Gi".into())),
        ]
        .into();
        pod.containers[0].resources = Some(ResourceRequirements {
            limits: Some(limits.clone()),
            ..Default::default()
        });
        let r = pod_requests(&pod);
        assert_eq!((r.cpu_milli, r.memory), (2000, 1 << 30));
        // With a request set, the (larger) limit does not count.
        pod.containers[0].resources = Some(ResourceRequirements {
            limits: Some(limits),
            requests: Some([("cpu".to_string(), Quantity("250m".into()))].into()),
            ..Default::default()
        });
        let r = pod_requests(&pod);
        assert_eq!((r.cpu_milli, r.memory), (250, 1 << 30));
    }

    #[test]
    fn sidecars_overhead_nonzero_and_pod_level() {
        // Sidecar (restartable init) containers add to the pod's total and to later init containers.
        let mut pod = spec(&[("1", "")], &[("500m", ""), ("2", "")]);
        pod.init_containers.as_mut().unwrap()[0].restart_policy = Some("Always".into());
        assert_eq!(pod_requests(&pod).cpu_milli, 2500);
        pod.overhead = Some([("cpu".to_string(), Quantity("100m".into()))].into());
        assert_eq!(pod_requests(&pod).cpu_milli, 2600);
        // Non-zero defaults for scoring.
        let r = pod_requests(&spec(&[("", ""), ("200m", "")], &[]));
        assert_eq!((r.cpu_milli, r.memory), (200, 0));
        assert_eq!(
            (r.nonzero_cpu_milli, r.nonzero_memory),
            (300, 2 * DEFAULT_MEMORY_REQUEST)
        );
        // Pod-level requests replace the containers' sum; pod-level limits default them when no
        // container asks for that resource.
        let mut pod = spec(&[("100m", ""), ("100m", "")], &[]);
        pod.resources = Some(ResourceRequirements {
            limits: Some(
                [
                    ("cpu".to_string(), Quantity("1".into())),
                    ("memory".to_string(), Quantity("1Gi".into())),
                ]
                .into(),
            ),
            ..Default::default()
        });
        let r = pod_requests(&pod);
        assert_eq!((r.cpu_milli, r.memory), (200, 1 << 30));
        pod.resources.as_mut().unwrap().requests =
            Some([("cpu".to_string(), Quantity("500m".into()))].into());
        assert_eq!(pod_requests(&pod).cpu_milli, 500);
        // Garbage never panics.
        let r = pod_requests(&spec(&[("lots", "-5")], &[]));
        assert_eq!((r.cpu_milli, r.memory), (0, 0));
    }
}
