//! The node table: what a learner types or pastes (a header row and columns separated by tabs or by two
//! or more spaces, like `kubectl get nodes` prints) and Node manifests (including the `kind: List` that
//! `kubectl get nodes -o yaml` prints), both turned into [`NodeInfo`].
//!
//! Like the kubelet, a node gets the standard labels (`kubernetes.io/hostname`, `kubernetes.io/os`,
//! `kubernetes.io/arch`) when they are absent; like the node lifecycle controller, a NotReady node gets
//! the `node.kubernetes.io/not-ready` taints and a cordoned node the `node.kubernetes.io/unschedulable`
//! taint (pkg/controller/nodelifecycle, pkg/util/taints).

use std::collections::BTreeMap;

use k8s_openapi::api::core::v1::{Node, Taint};
use serde::Serialize;

use crate::diag::Diagnostic;
use crate::quantity;

/// Allocatable CPU of a node whose table row has no CPU column (milli-cores).
pub const DEFAULT_CPU_MILLI: i64 = 4000;
/// Allocatable memory of a node whose table row has no MEMORY column (bytes).
pub const DEFAULT_MEMORY: i64 = 8 << 30;
/// The kubelet's default `--max-pods`.
pub const DEFAULT_PODS: i64 = 110;

/// Taint keys the control plane manages (k8s.io/api/core/v1 well_known_taints.go).
pub const TAINT_NOT_READY: &str = "node.kubernetes.io/not-ready";
pub const TAINT_UNREACHABLE: &str = "node.kubernetes.io/unreachable";
pub const TAINT_UNSCHEDULABLE: &str = "node.kubernetes.io/unschedulable";
pub const TAINT_DISK_PRESSURE: &str = "node.kubernetes.io/disk-pressure";
pub const TAINT_MEMORY_PRESSURE: &str = "node.kubernetes.io/memory-pressure";
pub const TAINT_PID_PRESSURE: &str = "node.kubernetes.io/pid-pressure";
pub const TAINT_NETWORK_UNAVAILABLE: &str = "node.kubernetes.io/network-unavailable";

/// One node of the simulated cluster.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NodeInfo {
    pub name: String,
    pub labels: BTreeMap<String, String>,
    pub taints: Vec<Taint>,
    /// Allocatable CPU in milli-cores.
    pub cpu_milli: i64,
    /// Allocatable memory in bytes.
    pub memory: i64,
    /// Allocatable pod count.
    pub pods: i64,
    pub ready: bool,
    pub unschedulable: bool,
    /// 1-based line where the node was defined (table row or manifest), for error messages.
    pub line: u32,
}

impl NodeInfo {
    /// A Ready, schedulable node with default capacity and the standard labels.
    pub fn new(name: impl Into<String>) -> Self {
        let mut n = Self::bare(name);
        n.fill_standard_labels();
        n
    }

    /// [`NodeInfo::new`] without the standard labels yet.
    fn bare(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            labels: BTreeMap::new(),
            taints: Vec::new(),
            cpu_milli: DEFAULT_CPU_MILLI,
            memory: DEFAULT_MEMORY,
            pods: DEFAULT_PODS,
            ready: true,
            unschedulable: false,
            line: 0,
        }
    }

    /// Adds `kubernetes.io/hostname`, `kubernetes.io/os=linux` and `kubernetes.io/arch=amd64` when absent,
    /// as the kubelet does when it registers (pkg/kubelet/kubelet_node_status.go).
    pub fn fill_standard_labels(&mut self) {
        for (key, value) in [
            ("kubernetes.io/hostname", self.name.as_str()),
            ("kubernetes.io/os", "linux"),
            ("kubernetes.io/arch", "amd64"),
        ] {
            // Looked up before a key is made: a node whose labels are filled already costs nothing.
            if !self.labels.contains_key(key) {
                self.labels.insert(key.into(), value.into());
            }
        }
    }

    /// Brings the condition taints in line with `ready` and `unschedulable`, as the node lifecycle
    /// controller does: NotReady adds `not-ready` NoSchedule and NoExecute; cordoning adds
    /// `unschedulable:NoSchedule`. Ready/uncordoned removes them again.
    pub fn sync_condition_taints(&mut self) {
        let want_not_ready = !self.ready;
        self.set_taint(TAINT_NOT_READY, "NoSchedule", want_not_ready);
        self.set_taint(TAINT_NOT_READY, "NoExecute", want_not_ready);
        self.set_taint(TAINT_UNSCHEDULABLE, "NoSchedule", self.unschedulable);
    }

    fn set_taint(&mut self, key: &str, effect: &str, present: bool) {
        let pos = self
            .taints
            .iter()
            .position(|t| t.key == key && t.effect == effect);
        match (pos, present) {
            (None, true) => self.taints.push(Taint {
                key: key.into(),
                effect: effect.into(),
                value: None,
                time_added: None,
            }),
            (Some(i), false) => {
                self.taints.remove(i);
            }
            _ => {}
        }
    }

    /// Converts a Node object (as `kubectl get node -o yaml` prints it).
    pub fn from_node(node: &Node, line: u32) -> Self {
        let name = node.metadata.name.clone().unwrap_or_default();
        let mut n = Self::new(name);
        n.line = line;
        if let Some(labels) = &node.metadata.labels {
            n.labels
                .extend(labels.iter().map(|(k, v)| (k.clone(), v.clone())));
        }
        if let Some(spec) = &node.spec {
            n.taints = spec.taints.clone().unwrap_or_default();
            n.unschedulable = spec.unschedulable.unwrap_or(false);
        }
        if let Some(status) = &node.status {
            let res = status.allocatable.as_ref().or(status.capacity.as_ref());
            if let Some(res) = res {
                if let Some(Ok(v)) = res.get("cpu").map(|q| quantity::parse_milli(&q.0)) {
                    n.cpu_milli = v as i64;
                }
                if let Some(Ok(v)) = res.get("memory").map(|q| quantity::parse_units(&q.0)) {
                    n.memory = v as i64;
                }
                if let Some(Ok(v)) = res.get("pods").map(|q| quantity::parse_units(&q.0)) {
                    n.pods = v as i64;
                }
            }
            if let Some(conds) = &status.conditions {
                if let Some(c) = conds.iter().find(|c| c.type_ == "Ready") {
                    n.ready = c.status == "True";
                }
            }
        }
        n.fill_standard_labels();
        n.sync_condition_taints();
        n
    }
}

/// Parses `key=value:Effect`, `key:Effect` (the `kubectl taint` syntax) into a Taint.
pub fn parse_taint(s: &str) -> Result<Taint, String> {
    let (kv, effect) = s
        .rsplit_once(':')
        .ok_or_else(|| format!("invalid taint spec: {s}, a taint must be key[=value]:effect"))?;
    if !matches!(effect, "NoSchedule" | "PreferNoSchedule" | "NoExecute") {
        return Err(format!(
            "invalid taint effect: {effect}, unsupported taint effect (supported values: \"NoSchedule\", \"PreferNoSchedule\", \"NoExecute\")"
        ));
    }
    let (key, value) = match kv.split_once('=') {
        Some((k, v)) => (k, Some(v.to_string()).filter(|v| !v.is_empty())),
        None => (kv, None),
    };
    if key.is_empty() {
        return Err(format!(
            "invalid taint spec: {s}, the taint key must not be empty"
        ));
    }
    Ok(Taint {
        key: key.into(),
        value,
        effect: effect.into(),
        time_added: None,
    })
}

/// Formats a taint as `key=value:Effect` (kubectl's form).
pub fn format_taint(t: &Taint) -> String {
    match &t.value {
        Some(v) if !v.is_empty() => format!("{}={}:{}", t.key, v, t.effect),
        _ => format!("{}:{}", t.key, t.effect),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Column {
    Name,
    Labels,
    Taints,
    Cpu,
    Memory,
    Pods,
    Ready,
    Unschedulable,
    /// `kubectl get nodes` STATUS: `Ready`, `NotReady`, `Ready,SchedulingDisabled`.
    Status,
    /// `kubectl get nodes` ROLES: `control-plane` becomes the `node-role.kubernetes.io/...` label.
    Roles,
    /// Columns `kubectl get nodes -o wide` prints that do not affect scheduling.
    Ignored,
}

fn column_of(header: &str) -> Option<Column> {
    Some(match header.to_ascii_uppercase().as_str() {
        "NAME" => Column::Name,
        "LABELS" => Column::Labels,
        "TAINTS" => Column::Taints,
        "CPU" => Column::Cpu,
        "MEMORY" => Column::Memory,
        "PODS" => Column::Pods,
        "READY" => Column::Ready,
        "UNSCHEDULABLE" => Column::Unschedulable,
        "STATUS" => Column::Status,
        "ROLES" => Column::Roles,
        "AGE" | "VERSION" | "INTERNAL-IP" | "EXTERNAL-IP" | "OS-IMAGE" | "KERNEL-VERSION"
        | "CONTAINER-RUNTIME" => Column::Ignored,
        _ => return None,
    })
}

/// Splits a table line into cells with their 0-based char columns: by tabs when the line has one,
/// else by runs of two or more spaces. Written into `out` (cleared first): one list for all rows.
fn cells<'t>(line: &'t str, out: &mut Vec<(usize, &'t str)>) {
    out.clear();
    if line.contains('\t') {
        // Columns count characters; in an ASCII line (most) that is the byte offset.
        let ascii = line.is_ascii();
        let mut start = 0;
        for part in line.split('\t') {
            let lead = part.len() - part.trim_start().len();
            let at = if ascii {
                start + lead
            } else {
                line[..start + lead].chars().count()
            };
            out.push((at, part.trim()));
            start += part.len() + 1;
        }
        return;
    }
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        while i < bytes.len() && bytes[i] == b' ' {
            i += 1;
        }
        if i >= bytes.len() {
            break;
        }
        let start = i;
        let mut end = i;
        while end < bytes.len() {
            if bytes[end] == b' ' && end + 1 < bytes.len() && bytes[end + 1] == b' ' {
                break;
            }
            if bytes[end] == b' ' && end + 1 == bytes.len() {
                break;
            }
            end += 1;
        }
        out.push((line[..start].chars().count(), line[start..end].trim_end()));
        i = end;
    }
}

fn is_empty_cell(s: &str) -> bool {
    s.is_empty() || s == "<none>" || s == "-"
}

fn parse_bool(s: &str) -> Option<bool> {
    match s.to_ascii_lowercase().as_str() {
        "true" | "yes" => Some(true),
        "false" | "no" => Some(false),
        _ => None,
    }
}

/// Whether `text` looks like YAML (Node manifests) rather than a table.
pub fn looks_like_yaml(text: &str) -> bool {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .is_some_and(|l| {
            l.starts_with("apiVersion:")
                || l.starts_with("kind:")
                || l == "---"
                || l.starts_with("items:")
        })
}

/// Parses a node table. Every malformed cell, unknown column and duplicate name is reported.
pub fn parse_table(text: &str) -> Result<Vec<NodeInfo>, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let mut nodes: Vec<NodeInfo> = Vec::new();
    let mut header: Option<Vec<(usize, Column)>> = None;
    // Names as written in `text`, with their line.
    let mut seen: rustc_hash::FxHashMap<&str, u32> = Default::default();
    let mut row = Vec::new();
    for (idx, raw) in text.lines().enumerate() {
        let line_no = idx as u32 + 1;
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        cells(line, &mut row);
        let Some(cols) = &header else {
            let mut cols = Vec::new();
            for (col, cell) in &row {
                match column_of(cell) {
                    Some(c) => cols.push((*col, c)),
                    None => errors.push(Diagnostic::new(
                        line_no,
                        *col as u32 + 1,
                        format!(
                            "unknown column \"{cell}\" (known: NAME, LABELS, TAINTS, CPU, MEMORY, PODS, READY, UNSCHEDULABLE, STATUS, ROLES)"
                        ),
                    )),
                }
            }
            if !cols.iter().any(|(_, c)| *c == Column::Name) {
                errors.push(Diagnostic::new(
                    line_no,
                    1,
                    "the header row needs a NAME column",
                ));
            }
            header = Some(cols);
            continue;
        };
        if row.len() > cols.len() {
            let (col, _) = row[cols.len()];
            errors.push(Diagnostic::new(
                line_no,
                col as u32 + 1,
                format!(
                    "this row has {} cells but the header has {} columns",
                    row.len(),
                    cols.len()
                ),
            ));
            continue;
        }
        let mut node = NodeInfo {
            line: line_no,
            ..NodeInfo::bare(String::new())
        };
        let mut ok = true;
        let mut name_cell = "";
        for (i, (_, column)) in cols.iter().enumerate() {
            let Some(&(col, cell)) = row.get(i) else {
                continue;
            };
            let at = |m: String| Diagnostic::new(line_no, col as u32 + 1, m);
            match column {
                Column::Name => {
                    if let Err(m) = crate::manifest::validate::dns1123_subdomain(cell) {
                        errors.push(at(format!("invalid node name \"{cell}\": {m}")));
                        ok = false;
                    }
                    node.name = cell.to_string();
                    name_cell = cell;
                }
                Column::Labels if !is_empty_cell(cell) => {
                    for kv in cell.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                        match kv.split_once('=') {
                            Some((k, v)) if !k.is_empty() => {
                                node.labels.insert(k.to_string(), v.to_string());
                            }
                            _ => {
                                errors.push(at(format!(
                                    "invalid label \"{kv}\": labels are written key=value"
                                )));
                                ok = false;
                            }
                        }
                    }
                }
                Column::Taints if !is_empty_cell(cell) => {
                    for t in cell.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                        match parse_taint(t) {
                            Ok(t) => node.taints.push(t),
                            Err(m) => {
                                errors.push(at(m));
                                ok = false;
                            }
                        }
                    }
                }
                Column::Cpu if !is_empty_cell(cell) => {
                    match quantity::parse_milli(cell) {
                        Ok(v) if v >= 0 => node.cpu_milli = v as i64,
                        _ => {
                            errors.push(at(format!("invalid CPU \"{cell}\": write cores like 4 or millicores like 3500m")));
                            ok = false;
                        }
                    }
                }
                Column::Memory if !is_empty_cell(cell) => match quantity::parse_units(cell) {
                    Ok(v) if v >= 0 => node.memory = v as i64,
                    _ => {
                        errors.push(at(format!(
                            "invalid MEMORY \"{cell}\": write a quantity like 8Gi or 512Mi"
                        )));
                        ok = false;
                    }
                },
                Column::Pods if !is_empty_cell(cell) => match cell.parse::<i64>() {
                    Ok(v) if v >= 0 => node.pods = v,
                    _ => {
                        errors.push(at(format!(
                            "invalid PODS \"{cell}\": write a whole number like 110"
                        )));
                        ok = false;
                    }
                },
                Column::Ready | Column::Unschedulable if !is_empty_cell(cell) => {
                    match parse_bool(cell) {
                        Some(b) if *column == Column::Ready => node.ready = b,
                        Some(b) => node.unschedulable = b,
                        None => {
                            errors
                                .push(at(format!("invalid value \"{cell}\": write True or False")));
                            ok = false;
                        }
                    }
                }
                Column::Status if !is_empty_cell(cell) => {
                    for part in cell.split(',') {
                        match part {
                            "Ready" => node.ready = true,
                            "NotReady" | "Unknown" => node.ready = false,
                            "SchedulingDisabled" => node.unschedulable = true,
                            _ => {
                                errors.push(at(format!(
                                    "invalid STATUS \"{cell}\": write Ready, NotReady or Ready,SchedulingDisabled"
                                )));
                                ok = false;
                            }
                        }
                    }
                }
                Column::Roles if !is_empty_cell(cell) => {
                    for role in cell.split(',') {
                        node.labels
                            .insert(format!("node-role.kubernetes.io/{role}"), String::new());
                    }
                }
                _ => {}
            }
        }
        if node.name.is_empty() {
            errors.push(Diagnostic::new(line_no, 1, "this row has no NAME"));
            continue;
        }
        if let Some(first) = seen.get(name_cell) {
            errors.push(Diagnostic::new(
                line_no,
                1,
                format!(
                    "node \"{}\" is defined twice (first on line {first})",
                    node.name
                ),
            ));
            continue;
        }
        seen.insert(name_cell, line_no);
        if ok {
            node.fill_standard_labels();
            node.sync_condition_taints();
            nodes.push(node);
        }
    }
    if errors.is_empty() {
        Ok(nodes)
    } else {
        errors.sort();
        Err(errors)
    }
}

/// Parses the nodes input: a node table, or Node manifests (also the `kind: List` that
/// `kubectl get nodes -o yaml` prints). Other kinds in the nodes input are errors.
pub fn parse_nodes(text: &str) -> Result<Vec<NodeInfo>, Vec<Diagnostic>> {
    if !looks_like_yaml(text) {
        return parse_table(text);
    }
    let loaded = crate::manifest::load(text)?;
    let mut errors = Vec::new();
    let mut nodes = Vec::new();
    for l in loaded {
        match &l.object {
            crate::objects::Object::Node(n) => nodes.push(NodeInfo::from_node(n, l.line)),
            other => errors.push(Diagnostic::new(
                l.line,
                l.column,
                format!(
                    "the nodes input takes Node objects or a node table, not a {}",
                    other.kind()
                ),
            )),
        }
    }
    if errors.is_empty() {
        Ok(nodes)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_spaces_and_tabs() {
        let t = "NAME     LABELS     TAINTS                 CPU  MEMORY\nnode-b   disk=ssd   <none>                 4    8Gi\nnode-c   disk=ssd   gpu=true:NoSchedule    2    4Gi\n";
        let nodes = parse_table(t).unwrap();
        assert_eq!(nodes.len(), 2);
        assert_eq!(nodes[1].taints[0].key, "gpu");
        assert_eq!(nodes[1].cpu_milli, 2000);
        assert_eq!(nodes[1].memory, 4 << 30);
        assert_eq!(nodes[0].labels["kubernetes.io/hostname"], "node-b");
        let tsv = "name\tcpu\tready\tunschedulable\nn1\t3500m\tFalse\t\n";
        let nodes = parse_table(tsv).unwrap();
        assert_eq!(nodes[0].cpu_milli, 3500);
        assert!(!nodes[0].ready);
        assert!(nodes[0]
            .taints
            .iter()
            .any(|t| t.key == TAINT_NOT_READY && t.effect == "NoExecute"));
    }

    #[test]
    fn errors_have_positions() {
        let t = "NAME  CPU  COLOUR\nn1  x  red\n";
        let errs = parse_table(t).unwrap_err();
        assert_eq!(errs[0].line, 1);
        assert_eq!(errs[0].column, 12);
        let t = "NAME  CPU\nn1    lots\nn1    2\n";
        let errs = parse_table(t).unwrap_err();
        assert_eq!((errs[0].line, errs[0].column), (2, 7));
        assert!(errs[1].message.contains("defined twice"));
    }

    #[test]
    fn kubectl_get_nodes_output() {
        let t = "NAME           STATUS                     ROLES           AGE   VERSION\ncp             Ready                      control-plane   10d   v1.34.1\nw1             Ready,SchedulingDisabled   <none>          10d   v1.34.1\n";
        let nodes = parse_table(t).unwrap();
        assert!(nodes[0]
            .labels
            .contains_key("node-role.kubernetes.io/control-plane"));
        assert!(nodes[1].unschedulable);
        assert!(nodes[1].taints.iter().any(|t| t.key == TAINT_UNSCHEDULABLE));
    }
}
