//! The NodePorts filter (pkg/scheduler/framework/plugins/nodeports/node_ports.go) with the conflict rule
//! of `HostPortInfo.CheckConflict` (pkg/scheduler/framework/types.go): a wanted `hostIP:port/protocol`
//! conflicts with the same port and protocol in use on `0.0.0.0` or on the same IP, and a wanted
//! `0.0.0.0` port conflicts with that port and protocol on any IP.

use k8s_openapi::api::core::v1::{ContainerPort, PodSpec};
use serde::Serialize;

use super::{FilterFailure, NodeUsage};

/// The plugin's registry name.
pub const NAME: &str = "NodePorts";
/// `ErrReason`.
pub const ERR_REASON: &str = "node(s) didn't have free ports for the requested pod ports";
/// `DefaultBindAllHostIP`.
pub const DEFAULT_BIND_ALL_HOST_IP: &str = "0.0.0.0";

/// A host port a pod uses, sanitized like `HostPortInfo.sanitize`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HostPort {
    /// `TCP` when unset.
    pub protocol: String,
    /// `0.0.0.0` when unset.
    pub host_ip: String,
    pub port: i32,
}

impl HostPort {
    /// Sanitizes `(ip, protocol, port)`.
    pub fn new(host_ip: &str, protocol: &str, port: i32) -> Self {
        Self {
            protocol: if protocol.is_empty() {
                "TCP".into()
            } else {
                protocol.into()
            },
            host_ip: if host_ip.is_empty() {
                DEFAULT_BIND_ALL_HOST_IP.into()
            } else {
                host_ip.into()
            },
            port,
        }
    }

    fn from_container_port(p: &ContainerPort, host_network: bool) -> Option<Self> {
        // API defaulting (SetDefaults_Pod): with hostNetwork, hostPort defaults to containerPort.
        let port = match p.host_port {
            Some(h) if h > 0 => h,
            None | Some(0) if host_network => p.container_port,
            _ => return None,
        };
        if port <= 0 {
            return None;
        }
        Some(Self::new(
            p.host_ip.as_deref().unwrap_or(""),
            p.protocol.as_deref().unwrap_or(""),
            port,
        ))
    }
}

/// `util.GetHostPorts`: the host ports of the containers and of the restartable (sidecar) init
/// containers, i.e. those that run for the pod's whole life.
pub fn pod_host_ports(spec: &PodSpec) -> Vec<HostPort> {
    let host_network = spec.host_network.unwrap_or(false);
    let sidecars = spec
        .init_containers
        .iter()
        .flatten()
        .filter(|c| c.restart_policy.as_deref() == Some("Always"));
    sidecars
        .chain(spec.containers.iter())
        .flat_map(|c| c.ports.iter().flatten())
        .filter_map(|p| HostPort::from_container_port(p, host_network))
        .collect()
}

/// `HostPortInfo.CheckConflict`: whether `want` conflicts with a port in `used`.
pub fn check_conflict(used: &[HostPort], want: &HostPort) -> bool {
    if want.port <= 0 {
        return false;
    }
    let same = |u: &&HostPort| u.port == want.port && u.protocol == want.protocol;
    if want.host_ip == DEFAULT_BIND_ALL_HOST_IP {
        used.iter().any(|u| same(&u))
    } else {
        used.iter()
            .filter(same)
            .any(|u| u.host_ip == DEFAULT_BIND_ALL_HOST_IP || u.host_ip == want.host_ip)
    }
}

/// `NodePorts.Filter`: Unschedulable (preemption could free the port) when a wanted port is in use.
pub fn filter(wanted: &[HostPort], usage: &NodeUsage) -> Result<(), FilterFailure> {
    if wanted.iter().any(|w| check_conflict(&usage.host_ports, w)) {
        Err(FilterFailure::new(NAME, ERR_REASON, false))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use k8s_openapi::api::core::v1::Container;

    use super::*;

    fn pod(ports: &[(&str, &str, i32)]) -> PodSpec {
        PodSpec {
            containers: vec![Container {
                name: "c".into(),
                ports: Some(
                    ports
                        .iter()
                        .map(|(proto, ip, port)| ContainerPort {
                            container_port: 1,
                            host_port: Some(*port),
                            host_ip: Some(ip.to_string()),
                            protocol: Some(proto.to_string()),
                            ..Default::default()
                        })
                        .collect(),
                ),
                ..Default::default()
            }],
            ..Default::default()
        }
    }

    /// node_ports_test.go TestNodePorts (newPod("m1", "UDP/127.0.0.1/8080") style).
    #[test]
    fn node_ports_table() {
        type Ports<'a> = &'a [(&'a str, &'a str, i32)];
        let cases: &[(&str, Ports, Ports, bool)] = &[
            ("nothing running", &[], &[], true),
            (
                "other port",
                &[("UDP", "127.0.0.1", 8080)],
                &[("UDP", "127.0.0.1", 9090)],
                true,
            ),
            (
                "same udp port",
                &[("UDP", "127.0.0.1", 8080)],
                &[("UDP", "127.0.0.1", 8080)],
                false,
            ),
            (
                "same tcp port",
                &[("TCP", "127.0.0.1", 8080)],
                &[("TCP", "127.0.0.1", 8080)],
                false,
            ),
            (
                "different host ip",
                &[("TCP", "127.0.0.1", 8080)],
                &[("TCP", "127.0.0.2", 8080)],
                true,
            ),
            (
                "different protocol",
                &[("UDP", "127.0.0.1", 8080)],
                &[("TCP", "127.0.0.1", 8080)],
                true,
            ),
            (
                "second udp port conflict",
                &[("UDP", "127.0.0.1", 8000), ("UDP", "127.0.0.1", 8080)],
                &[("UDP", "127.0.0.1", 8080)],
                false,
            ),
            (
                "first tcp port conflict",
                &[("TCP", "127.0.0.1", 8001), ("UDP", "127.0.0.1", 8080)],
                &[("TCP", "127.0.0.1", 8001), ("UDP", "127.0.0.1", 8081)],
                false,
            ),
            (
                "first tcp port conflict due to 0.0.0.0 hostIP",
                &[("TCP", "0.0.0.0", 8001)],
                &[("TCP", "127.0.0.1", 8001)],
                false,
            ),
            (
                "TCP hostPort conflict due to 0.0.0.0 hostIP",
                &[("TCP", "10.0.10.10", 8001), ("TCP", "0.0.0.0", 8001)],
                &[("TCP", "127.0.0.1", 8001)],
                false,
            ),
            (
                "second tcp port conflict to 0.0.0.0 hostIP",
                &[("TCP", "127.0.0.1", 8001)],
                &[("TCP", "0.0.0.0", 8001)],
                false,
            ),
            (
                "second different protocol",
                &[("UDP", "127.0.0.1", 8001)],
                &[("TCP", "0.0.0.0", 8001)],
                true,
            ),
            (
                "UDP hostPort conflict due to 0.0.0.0 hostIP",
                &[("UDP", "127.0.0.1", 8001)],
                &[("TCP", "0.0.0.0", 8001), ("UDP", "0.0.0.0", 8001)],
                false,
            ),
            (
                "empty ip and protocol default to 0.0.0.0/TCP",
                &[("", "", 8001)],
                &[("TCP", "127.0.0.1", 8001)],
                false,
            ),
        ];
        for (name, wanted, existing, fits) in cases {
            let mut usage = NodeUsage::default();
            usage.add_pod(&pod(existing));
            let got = filter(&pod_host_ports(&pod(wanted)), &usage);
            assert_eq!(got.is_ok(), *fits, "{name}");
            if let Err(f) = got {
                assert_eq!(f, FilterFailure::new(NAME, ERR_REASON, false));
            }
        }
    }

    #[test]
    fn host_ports_of_pod() {
        let mut spec = pod(&[("", "", 80)]);
        spec.containers[0]
            .ports
            .as_mut()
            .unwrap()
            .push(ContainerPort {
                container_port: 9000,
                ..Default::default()
            });
        assert_eq!(pod_host_ports(&spec), [HostPort::new("", "", 80)]);
        spec.host_network = Some(true);
        assert_eq!(
            pod_host_ports(&spec).len(),
            2,
            "hostNetwork defaults hostPort to containerPort"
        );
        let mut sidecar = pod(&[("UDP", "", 53)]).containers.remove(0);
        sidecar.restart_policy = Some("Always".into());
        let plain_init = pod(&[("UDP", "", 54)]).containers.remove(0);
        spec.init_containers = Some(vec![sidecar, plain_init]);
        let ports = pod_host_ports(&spec);
        assert!(ports.contains(&HostPort::new("", "UDP", 53)));
        assert!(!ports.contains(&HostPort::new("", "UDP", 54)));
    }
}
