//! `kubectl get` and `kubectl describe pod` as they would read at a moment of the simulation.
//!
//! The columns and cell values mirror kubernetes/kubernetes pkg/printers/internalversion/printers.go
//! (`printPod`, `printDaemonSet`, `printReplicaSet`, `printDeployment`, `printJob`, `printCronJob`,
//! `printNode`); the layout mirrors the HumanReadablePrinter of
//! staging/src/k8s.io/cli-runtime/pkg/printers/tableprinter.go (`printTable`, `decorateTable`: upper-case
//! headers, a NAMESPACE column first with `--all-namespaces`, wide-only columns with `-o wide`, no
//! output at all for an empty list) aligned by a port of Go's text/tabwriter ([`tabwriter`]); ages use
//! a port of apimachinery's `HumanDuration` ([`human_duration()`]).
//!
//! What the simulation does not model is made up deterministically, the same way every time: pod IPs
//! are `10.244.<node index>.<n>` (node index in order of joining the cluster, `n` counting the pods
//! bound to that node from 2), node internal IPs `172.18.0.<node index + 2>`, every node runs kubelet
//! [`KUBELET_VERSION`]. Deleted objects are not listed (kubeplay deletes without a grace period, so
//! `Terminating` never shows).

pub mod describe;
pub mod human_duration;
pub mod tabwriter;

use std::collections::BTreeMap;

use k8s_openapi::api::core::v1::{Container, PodSpec};

pub use describe::describe_pod;
pub use human_duration::{human_duration, short_human_duration};

use crate::controllers::job::printers as job_printers;
use crate::duration::Millis;
use crate::sim::scenario::kind_of;
use crate::sim::world::{NsName, Phase, SimPod, World};

/// The kubelet version every simulated node reports in `kubectl get nodes` (VERSION): the release
/// line of the k8s-openapi types kubeplay decodes into (`latest` = 1.37).
pub const KUBELET_VERSION: &str = "v1.37.0";
/// `kubectl get nodes -o wide` OS-IMAGE of every simulated node.
pub const OS_IMAGE: &str = "Debian GNU/Linux 12 (bookworm)";
/// `kubectl get nodes -o wide` KERNEL-VERSION of every simulated node.
pub const KERNEL_VERSION: &str = "6.8.0-kubeplay";
/// `kubectl get nodes -o wide` CONTAINER-RUNTIME of every simulated node.
pub const CONTAINER_RUNTIME: &str = "containerd://2.1.4";

/// One printed object: its namespace and name (for filtering) and its cells in column order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub namespace: String,
    pub name: String,
    pub cells: Vec<String>,
}

/// A table as kubectl's HumanReadablePrinter lays it out: upper-case headers, then one row per object.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    pub columns: Vec<String>,
    pub rows: Vec<Row>,
}

impl Table {
    /// Keeps only the object called `name` (`kubectl get KIND NAME`).
    pub fn retain_name(&mut self, name: &str) {
        self.rows.retain(|r| r.name == name);
    }

    /// The aligned text kubectl writes to stdout; empty when there are no rows (`printTable` prints no
    /// headers then, and kubectl says "No resources found" on stderr instead: see
    /// [`no_resources_message`]).
    pub fn render(&self) -> String {
        if self.rows.is_empty() {
            return String::new();
        }
        let mut text = self.columns.join("\t");
        text.push('\n');
        for r in &self.rows {
            let cells: Vec<String> = r.cells.iter().map(|c| cell_value(c)).collect();
            text.push_str(&cells.join("\t"));
            text.push('\n');
        }
        tabwriter::format(&text, tabwriter::KUBECTL_GET)
    }
}

/// tableprinter.go `appendCellValue`: a cell is cut at its first line break, marked with `...`.
fn cell_value(c: &str) -> String {
    match c.find(['\n', '\r', '\u{c}']) {
        Some(i) => format!("{}...", &c[..i]),
        None => c.to_string(),
    }
}

/// The kinds `kubeplay get` prints, as Kinds.
pub const SUPPORTED_KINDS: [&str; 7] = [
    "Pod",
    "DaemonSet",
    "ReplicaSet",
    "Deployment",
    "Job",
    "CronJob",
    "Node",
];

/// Resolves a kubectl resource word (`po`, `ds`, `deploy`, `cronjobs`, ...) to a supported Kind.
pub fn resolve_kind(word: &str) -> Result<&'static str, String> {
    match kind_of(word) {
        Some(k) if SUPPORTED_KINDS.contains(&k) => Ok(k),
        Some(k) => Err(format!(
            "kubeplay does not print {} tables; it prints pods, daemonsets, replicasets, deployments, jobs, cronjobs and nodes",
            resource_name(k)
        )),
        None => Err(format!("the server doesn't have a resource type \"{word}\"")),
    }
}

/// Whether a Kind is namespaced (kubectl adds the NAMESPACE column only for those).
pub fn is_namespaced(kind: &str) -> bool {
    !matches!(
        kind,
        "Node" | "Namespace" | "PersistentVolume" | "StorageClass"
    )
}

/// The resource name kubectl uses in messages (`pods`, `daemonsets.apps`, `jobs.batch`).
pub fn resource_name(kind: &str) -> String {
    match kind {
        "Pod" => "pods".into(),
        "Node" => "nodes".into(),
        "DaemonSet" | "ReplicaSet" | "Deployment" | "StatefulSet" => {
            format!("{}s.apps", kind.to_ascii_lowercase())
        }
        "Job" | "CronJob" => format!("{}s.batch", kind.to_ascii_lowercase()),
        other => format!("{}s", other.to_ascii_lowercase()),
    }
}

/// What kubectl writes to stderr when a list is empty (kubectl/pkg/cmd/get/get.go): `No resources found
/// in NS namespace.` for a namespaced kind in one namespace, else `No resources found`.
pub fn no_resources_message(kind_word: &str, namespace: Option<&str>) -> String {
    let namespaced = resolve_kind(kind_word).map(is_namespaced).unwrap_or(true);
    match namespace {
        Some(ns) if namespaced => format!("No resources found in {ns} namespace."),
        _ => "No resources found".into(),
    }
}

/// kubectl's error for `get KIND NAME` when the object does not exist.
pub fn not_found_message(kind: &str, name: &str) -> String {
    format!(
        "Error from server (NotFound): {} \"{name}\" not found",
        resource_name(kind)
    )
}

/// `kubectl get KIND [-n NS | -A] [-o wide]` at `world.now`: the aligned table, or an empty string
/// when nothing matches (print [`no_resources_message`] to stderr then). `namespace` None lists all
/// namespaces with a NAMESPACE column, like `-A`.
pub fn get(
    kind: &str,
    world: &World,
    namespace: Option<&str>,
    wide: bool,
) -> Result<String, String> {
    table(kind, world, namespace, wide).map(|t| t.render())
}

/// The rows of `kubectl get` before alignment (see [`get`]).
pub fn table(
    kind_word: &str,
    world: &World,
    namespace: Option<&str>,
    wide: bool,
) -> Result<Table, String> {
    let kind = resolve_kind(kind_word)?;
    let printed = match kind {
        "Pod" => print_pods(world),
        "DaemonSet" => print_daemon_sets(world),
        "ReplicaSet" => print_replica_sets(world),
        "Deployment" => print_deployments(world),
        "Job" => print_jobs(world),
        "CronJob" => print_cron_jobs(world),
        _ => print_nodes(world),
    };
    let namespaced = is_namespaced(kind);
    let with_namespace = namespaced && namespace.is_none();
    let mut columns: Vec<String> = Vec::new();
    if with_namespace {
        columns.push("NAMESPACE".into());
    }
    columns.extend(printed.columns.iter().map(|c| c.to_string()));
    if wide {
        columns.extend(printed.wide_columns.iter().map(|c| c.to_string()));
    }
    let rows = printed
        .rows
        .into_iter()
        .filter(|r| !namespaced || namespace.is_none_or(|ns| r.namespace == ns))
        .map(|r| {
            let mut cells = Vec::with_capacity(columns.len());
            if with_namespace {
                cells.push(r.namespace.clone());
            }
            cells.extend(r.cells);
            if wide {
                cells.extend(r.wide);
            }
            Row {
                namespace: r.namespace,
                name: r.name,
                cells,
            }
        })
        .collect();
    Ok(Table { columns, rows })
}

/// A printer's output: its column definitions (priority 0 and wide-only) and rows.
struct Printed {
    columns: &'static [&'static str],
    wide_columns: &'static [&'static str],
    rows: Vec<PrintedRow>,
}

struct PrintedRow {
    namespace: String,
    name: String,
    cells: Vec<String>,
    wide: Vec<String>,
}

/// printers.go `translateTimestampSince`: the age of something that happened at `t`.
pub fn age(world: &World, t: Millis) -> String {
    human_duration(world.now - t)
}

/// apimachinery `labels.FormatLabels`: sorted `k=v` joined by commas, `<none>` when empty.
pub fn format_labels<'a>(labels: impl IntoIterator<Item = (&'a String, &'a String)>) -> String {
    let mut pairs: Vec<(&String, &String)> = labels.into_iter().collect();
    pairs.sort();
    if pairs.is_empty() {
        return "<none>".into();
    }
    pairs
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(",")
}

/// printers.go `layoutContainerCells`: container names and images, comma separated.
fn layout_container_cells(containers: &[Container]) -> (String, String) {
    let names: Vec<&str> = containers.iter().map(|c| c.name.as_str()).collect();
    let images: Vec<&str> = containers
        .iter()
        .map(|c| c.image.as_deref().unwrap_or_default())
        .collect();
    (names.join(","), images.join(","))
}

fn template_containers(spec: Option<&PodSpec>) -> &[Container] {
    spec.map(|s| s.containers.as_slice()).unwrap_or_default()
}

fn live<T, S>(t: &crate::sim::world::Tracked<T, S>) -> bool {
    t.deleted.is_none()
}

// ---------------------------------------------------------------------------------------------
// Addresses

/// Deterministic stand-ins for the addresses the simulation does not model: node internal IPs and pod
/// IPs (kind's layout: nodes on 172.18.0.0/16, pod CIDR `10.244.<node>.0/24` per node).
#[derive(Debug, Clone, Default)]
pub struct Addresses {
    node_index: BTreeMap<String, usize>,
    pod_ips: BTreeMap<u64, String>,
}

impl Addresses {
    /// Numbers the nodes in the order they joined (then by name) and the pods bound to each node in the
    /// order they were bound.
    pub fn new(world: &World) -> Self {
        let mut nodes: Vec<(&Millis, &String)> = world
            .nodes
            .values()
            .map(|n| (&n.added, &n.info.name))
            .collect();
        nodes.sort();
        let node_index: BTreeMap<String, usize> = nodes
            .into_iter()
            .enumerate()
            .map(|(i, (_, name))| (name.clone(), i))
            .collect();
        let mut bound: Vec<(&str, Millis, u64)> = world
            .pods
            .values_unordered()
            .filter_map(|p| Some((p.node.as_deref()?, p.scheduled.unwrap_or(p.created), p.uid)))
            .collect();
        bound.sort();
        let mut pod_ips = BTreeMap::new();
        let mut counters: BTreeMap<&str, usize> = BTreeMap::new();
        for (node, _, uid) in bound {
            let n = counters.entry(node).or_default();
            let idx = node_index.get(node).copied().unwrap_or_default();
            pod_ips.insert(uid, format!("10.244.{idx}.{}", *n % 253 + 2));
            *n += 1;
        }
        Self {
            node_index,
            pod_ips,
        }
    }

    /// The node's InternalIP.
    pub fn node_ip(&self, node: &str) -> Option<String> {
        self.node_index
            .get(node)
            .map(|i| format!("172.18.0.{}", i + 2))
    }

    /// `status.podIP`: set once the sandbox is up (the container started); the node's IP for
    /// hostNetwork pods.
    pub fn pod_ip(&self, pod: &SimPod) -> Option<String> {
        let node = pod.node.as_deref()?;
        pod.started?;
        if pod.spec.host_network == Some(true) {
            return self.node_ip(node);
        }
        self.pod_ips.get(&pod.uid).cloned()
    }
}

// ---------------------------------------------------------------------------------------------
// Pods

/// When each restarted pod's container last exited (kubectl reads
/// `lastState.terminated.finishedAt` for the RESTARTS column's "(15s ago)").
pub fn last_restart_times(world: &World) -> BTreeMap<NsName, Millis> {
    world
        .pods
        .values_unordered()
        .filter(|p| p.alive() && p.restarts > 0)
        .filter_map(|p| p.last_exit.map(|t| (p.key(), t)))
        .collect()
}

/// Whether the node a pod is bound to stopped reporting (NotReady): its containers keep the last
/// status the kubelet reported.
fn node_down(world: &World, pod: &SimPod) -> bool {
    pod.node
        .as_ref()
        .and_then(|n| world.nodes.get(n))
        .is_some_and(|n| !n.info.ready)
}

/// Whether the pod's containers report Ready (`containerStatuses[].ready`): up and running, or last
/// reported so before their node stopped responding.
pub fn containers_ready(world: &World, pod: &SimPod) -> bool {
    pod.ready
        || (pod.phase == Phase::Running
            && pod.waiting_reason.is_none()
            && pod.started.is_some()
            && node_down(world, pod))
}

/// READY: ready containers / containers (restartable init containers count as containers).
pub fn pod_ready_column(world: &World, pod: &SimPod) -> String {
    let sidecars = pod
        .spec
        .init_containers
        .iter()
        .flatten()
        .filter(|c| c.restart_policy.as_deref() == Some("Always"))
        .count();
    let total = pod.spec.containers.len().max(1) + sidecars;
    let ready = if containers_ready(world, pod) {
        total
    } else {
        0
    };
    format!("{ready}/{total}")
}

/// STATUS as `printPod` derives it from the phase and the container states: `Pending` (no node yet),
/// `ContainerCreating` (bound, container not started), `Running`, the waiting reason while a container
/// restarts (`CrashLoopBackOff`), `Completed`, `Error`, or the pod's failure reason.
pub fn pod_status(pod: &SimPod) -> String {
    match pod.phase {
        Phase::Pending if pod.node.is_none() => "Pending".into(),
        Phase::Pending => pod
            .waiting_reason
            .clone()
            .unwrap_or_else(|| "ContainerCreating".into()),
        Phase::Running => pod
            .waiting_reason
            .clone()
            .unwrap_or_else(|| "Running".into()),
        Phase::Succeeded => "Completed".into(),
        Phase::Failed => pod.reason.clone().unwrap_or_else(|| "Error".into()),
    }
}

/// RESTARTS: the count, with `(AGE ago)` of the last restart when there was one (`2 (15s ago)`).
pub fn pod_restarts_column(world: &World, pod: &SimPod, last_restart: Option<Millis>) -> String {
    match last_restart {
        Some(t) if pod.restarts != 0 && t >= pod.created => {
            format!("{} ({} ago)", pod.restarts, age(world, t))
        }
        _ => pod.restarts.to_string(),
    }
}

/// printers.go `printPod`.
fn print_pods(world: &World) -> Printed {
    let addresses = Addresses::new(world);
    let restarts = last_restart_times(world);
    let rows = world
        .pods
        .sorted()
        .filter(|p| p.alive())
        .map(|p| {
            let last = restarts.get(&p.key()).copied();
            let readiness_gates = match p.spec.readiness_gates.as_deref() {
                Some(g) if !g.is_empty() => {
                    let ok = g
                        .iter()
                        .filter(|g| p.conditions.iter().any(|(t, _)| *t == g.condition_type))
                        .count();
                    format!("{ok}/{}", g.len())
                }
                _ => "<none>".into(),
            };
            PrintedRow {
                namespace: p.namespace().to_string(),
                name: p.name().to_string(),
                cells: vec![
                    p.name().to_string(),
                    pod_ready_column(world, p),
                    pod_status(p),
                    pod_restarts_column(world, p, last),
                    age(world, p.created),
                ],
                wide: vec![
                    addresses.pod_ip(p).unwrap_or_else(|| "<none>".into()),
                    p.node.as_deref().unwrap_or("<none>").to_string(),
                    "<none>".into(),
                    readiness_gates,
                ],
            }
        })
        .collect();
    Printed {
        columns: &["NAME", "READY", "STATUS", "RESTARTS", "AGE"],
        wide_columns: &["IP", "NODE", "NOMINATED NODE", "READINESS GATES"],
        rows,
    }
}

// ---------------------------------------------------------------------------------------------
// Workloads

/// printers.go `printDaemonSet`.
fn print_daemon_sets(world: &World) -> Printed {
    let rows = world
        .daemon_sets
        .iter()
        .filter(|(_, t)| live(t))
        .map(|(key, t)| {
            let (ns, name) = &**key;
            let c = &t.state;
            let spec = &t.object.spec;
            let (names, images) =
                layout_container_cells(template_containers(spec.template.spec.as_ref()));
            PrintedRow {
                namespace: ns.clone(),
                name: name.clone(),
                cells: vec![
                    name.clone(),
                    c.desired.to_string(),
                    c.current.to_string(),
                    c.ready.to_string(),
                    c.updated.to_string(),
                    c.available.to_string(),
                    crate::controllers::daemon_set::controller::node_selector_column(&t.object),
                    age(world, t.created),
                ],
                wide: vec![names, images, crate::labels::format(&spec.selector)],
            }
        })
        .collect();
    Printed {
        columns: &[
            "NAME",
            "DESIRED",
            "CURRENT",
            "READY",
            "UP-TO-DATE",
            "AVAILABLE",
            "NODE SELECTOR",
            "AGE",
        ],
        wide_columns: &["CONTAINERS", "IMAGES", "SELECTOR"],
        rows,
    }
}

/// printers.go `printReplicaSet`.
fn print_replica_sets(world: &World) -> Printed {
    let rows = world
        .replica_sets
        .iter()
        .filter(|(_, t)| live(t))
        .map(|(key, t)| {
            let (ns, name) = &**key;
            let spec = &t.object.spec;
            let (names, images) = layout_container_cells(template_containers(
                spec.template.as_ref().and_then(|t| t.spec.as_ref()),
            ));
            PrintedRow {
                namespace: ns.clone(),
                name: name.clone(),
                cells: vec![
                    name.clone(),
                    spec.replicas.unwrap_or(1).to_string(),
                    t.state.replicas.to_string(),
                    t.state.ready.to_string(),
                    age(world, t.created),
                ],
                wide: vec![names, images, crate::labels::format(&spec.selector)],
            }
        })
        .collect();
    Printed {
        columns: &["NAME", "DESIRED", "CURRENT", "READY", "AGE"],
        wide_columns: &["CONTAINERS", "IMAGES", "SELECTOR"],
        rows,
    }
}

/// `status.readyReplicas`, `updatedReplicas` and `availableReplicas` of a Deployment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DeploymentCounts {
    pub ready: i32,
    pub updated: i32,
    pub available: i32,
}

/// The Deployment status kubectl reads, as the deployment controller's `calculateStatus` derives it
/// from the ReplicaSets it owns: ready and available summed over them, updated = the new ReplicaSet's
/// `status.replicas`. Computed from the ReplicaSets' current status, which the ReplicaSet controller
/// keeps fresh, so it does not lag behind when the Deployment was last synced.
pub fn deployment_counts(
    t: &crate::sim::world::Tracked<
        k8s_openapi::api::apps::v1::Deployment,
        crate::controllers::deployment::State,
    >,
    ns: &str,
    name: &str,
    world: &World,
) -> DeploymentCounts {
    let mut c = DeploymentCounts::default();
    for (key, rs) in &world.replica_sets {
        let (rs_ns, rs_name) = &**key;
        if !live(rs)
            || rs_ns != ns
            || crate::sim::apply::owner_of(&rs.object.metadata) != Some(("Deployment", name))
        {
            continue;
        }
        c.ready += rs.state.ready;
        c.available += rs.state.available;
        if t.state.new_replica_set.as_deref() == Some(rs_name.as_str()) {
            c.updated += rs.state.replicas;
        }
    }
    c
}

/// printers.go `printDeployment`.
fn print_deployments(world: &World) -> Printed {
    let rows = world
        .deployments
        .iter()
        .filter(|(_, t)| live(t))
        .map(|(key, t)| {
            let (ns, name) = &**key;
            let spec = &t.object.spec;
            let c = deployment_counts(t, ns, name, world);
            let (names, images) =
                layout_container_cells(template_containers(spec.template.spec.as_ref()));
            let selector = match crate::labels::format(&spec.selector).as_str() {
                "<none>" => String::new(),
                s => s.to_string(),
            };
            PrintedRow {
                namespace: ns.clone(),
                name: name.clone(),
                cells: vec![
                    name.clone(),
                    format!("{}/{}", c.ready, spec.replicas.unwrap_or(1)),
                    c.updated.to_string(),
                    c.available.to_string(),
                    age(world, t.created),
                ],
                wide: vec![names, images, selector],
            }
        })
        .collect();
    Printed {
        columns: &["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"],
        wide_columns: &["CONTAINERS", "IMAGES", "SELECTOR"],
        rows,
    }
}

/// printers.go `printJob`.
fn print_jobs(world: &World) -> Printed {
    let rows = world
        .jobs
        .iter()
        .filter(|(_, t)| live(t))
        .map(|(key, t)| {
            let (ns, name) = &**key;
            let st = &t.state;
            let spec = t.object.spec.as_ref();
            let (names, images) = layout_container_cells(template_containers(
                spec.and_then(|s| s.template.spec.as_ref()),
            ));
            let selector = match spec.and_then(|s| s.selector.as_ref()) {
                Some(sel) => crate::labels::format(sel),
                None => format!(
                    "batch.kubernetes.io/controller-uid={}",
                    fake_uid("Job", ns, name, t.created)
                ),
            };
            PrintedRow {
                namespace: ns.clone(),
                name: name.clone(),
                cells: vec![
                    name.clone(),
                    job_printers::kubectl_status(st).to_string(),
                    job_printers::completions_column(&t.object, st),
                    job_printers::duration_column(st, world.now),
                    age(world, t.created),
                ],
                wide: vec![names, images, selector],
            }
        })
        .collect();
    Printed {
        columns: &["NAME", "STATUS", "COMPLETIONS", "DURATION", "AGE"],
        wide_columns: &["CONTAINERS", "IMAGES", "SELECTOR"],
        rows,
    }
}

/// printers.go `printCronJob`.
fn print_cron_jobs(world: &World) -> Printed {
    let rows = world
        .cron_jobs
        .iter()
        .filter(|(_, t)| live(t))
        .map(|(key, t)| {
            let (ns, name) = &**key;
            let spec = &t.object.spec;
            let cols =
                crate::controllers::cron_job::kubectl_columns(&t.object, &t.state, world.now);
            let job_spec = spec.job_template.spec.as_ref();
            let (names, images) = layout_container_cells(template_containers(
                job_spec.and_then(|s| s.template.spec.as_ref()),
            ));
            let selector = job_spec
                .and_then(|s| s.selector.as_ref())
                .map_or("<none>".into(), crate::labels::format);
            PrintedRow {
                namespace: ns.clone(),
                name: name.clone(),
                cells: vec![
                    name.clone(),
                    cols.schedule,
                    cols.time_zone,
                    cols.suspend,
                    cols.active.to_string(),
                    cols.last_schedule_age
                        .map_or("<none>".into(), human_duration),
                    age(world, t.created),
                ],
                wide: vec![names, images, selector],
            }
        })
        .collect();
    Printed {
        columns: &[
            "NAME",
            "SCHEDULE",
            "TIMEZONE",
            "SUSPEND",
            "ACTIVE",
            "LAST SCHEDULE",
            "AGE",
        ],
        wide_columns: &["CONTAINERS", "IMAGES", "SELECTOR"],
        rows,
    }
}

/// printers.go `printBool`.
pub fn print_bool(v: bool) -> String {
    if v { "True" } else { "False" }.into()
}

// ---------------------------------------------------------------------------------------------
// Nodes

/// printers.go `findNodeRoles`: `node-role.kubernetes.io/<role>` keys and `kubernetes.io/role` values,
/// sorted, comma separated; `<none>` when there are none.
pub fn node_roles(labels: &BTreeMap<String, String>) -> String {
    let mut roles: Vec<&str> = Vec::new();
    for (k, v) in labels {
        if let Some(role) = k.strip_prefix("node-role.kubernetes.io/") {
            if !role.is_empty() {
                roles.push(role);
            }
        } else if k == "kubernetes.io/role" && !v.is_empty() {
            roles.push(v);
        }
    }
    roles.sort_unstable();
    roles.dedup();
    if roles.is_empty() {
        "<none>".into()
    } else {
        roles.join(",")
    }
}

/// STATUS of `printNode`: `Ready`/`NotReady`, plus `,SchedulingDisabled` when cordoned.
pub fn node_status(info: &crate::nodes::NodeInfo) -> String {
    let mut s = if info.ready { "Ready" } else { "NotReady" }.to_string();
    if info.unschedulable {
        s.push_str(",SchedulingDisabled");
    }
    s
}

/// printers.go `printNode`.
fn print_nodes(world: &World) -> Printed {
    let addresses = Addresses::new(world);
    let rows = world
        .nodes
        .values()
        .filter(|n| n.removed.is_none())
        .map(|n| PrintedRow {
            namespace: String::new(),
            name: n.info.name.clone(),
            cells: vec![
                n.info.name.clone(),
                node_status(&n.info),
                node_roles(&n.info.labels),
                age(world, n.added),
                KUBELET_VERSION.into(),
            ],
            wide: vec![
                addresses
                    .node_ip(&n.info.name)
                    .unwrap_or_else(|| "<none>".into()),
                "<none>".into(),
                OS_IMAGE.into(),
                KERNEL_VERSION.into(),
                CONTAINER_RUNTIME.into(),
            ],
        })
        .collect();
    Printed {
        columns: &["NAME", "STATUS", "ROLES", "AGE", "VERSION"],
        wide_columns: &[
            "INTERNAL-IP",
            "EXTERNAL-IP",
            "OS-IMAGE",
            "KERNEL-VERSION",
            "CONTAINER-RUNTIME",
        ],
        rows,
    }
}

// ---------------------------------------------------------------------------------------------
// Made-up identifiers

/// 64-bit FNV-1a.
pub(crate) fn fnv64(data: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in data {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// splitmix64's finaliser: spreads every input bit over the output.
fn mix64(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// `n` hex digits derived from `seed` (deterministic stand-in for ids and digests).
pub(crate) fn fake_hex(seed: &str, n: usize) -> String {
    let mut out = String::with_capacity(n + 16);
    let mut i = 0u32;
    while out.len() < n {
        out.push_str(&format!(
            "{:016x}",
            mix64(fnv64(seed.as_bytes()) ^ u64::from(i).wrapping_mul(0x9e37_79b9_7f4a_7c15))
        ));
        i += 1;
    }
    out.truncate(n);
    out
}

/// A UUID-shaped `metadata.uid` for an object (deterministic).
pub fn fake_uid(kind: &str, ns: &str, name: &str, created: Millis) -> String {
    let h = fake_hex(&format!("{kind}/{ns}/{name}@{created}"), 32);
    format!(
        "{}-{}-{}-{}-{}",
        &h[..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..]
    )
}

#[cfg(test)]
mod tests;
