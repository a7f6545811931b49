//! `kubectl describe pod` at a moment of the simulation: a port of `describePod` and its helpers from
//! staging/src/k8s.io/kubectl/pkg/describe/describe.go (`describeContainers`, `describeStatus`,
//! `describeVolumes`, `printLabelsMultiline`, `printAnnotationsMultiline`,
//! `printPodTolerationsMultiline`, `DescribeEvents`), laid out by `tabbedString`'s tab writer
//! (minwidth 0, tabwidth 8, padding 2), which is flushed before the Events table as upstream does.
//!
//! What the simulation does not model is filled in the way the API server and kubelet would, made up
//! deterministically: priority 0 and service account `default` (admission), container and image ids
//! (hashes), pod and node IPs ([`super::Addresses`]). Events are aggregated like the event recorder's
//! correlator does (same type, reason, source and message: one line with `(xN over AGE)`).
//! Not shown: the projected service-account token volume and its mount that admission adds.

use std::collections::BTreeMap;

use k8s_openapi::api::core::v1::{Container, Probe, ResourceRequirements, Toleration, Volume};
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;

use super::{containers_ready, fake_hex, human_duration, print_bool, Addresses};
use crate::duration::Millis;
use crate::sim::world::{Phase, SimEvent, SimPod, World};

/// describe.go `maxAnnotationLen`.
const MAX_ANNOTATION_LEN: usize = 140;

/// Annotations `describe` hides (describe.go `skipAnnotations`).
const SKIP_ANNOTATIONS: [&str; 1] = ["kubectl.kubernetes.io/last-applied-configuration"];

/// describe.go `PrefixWriter`: every write is indented two spaces per level.
#[derive(Default)]
struct PrefixWriter {
    buf: String,
    /// Text already aligned by a flush.
    done: String,
}

impl PrefixWriter {
    fn write(&mut self, level: usize, text: &str) {
        for _ in 0..level {
            self.buf.push_str("  ");
        }
        self.buf.push_str(text);
    }
    /// `WriteLine`: the text and a newline, no indent.
    fn write_line(&mut self, text: &str) {
        self.buf.push_str(text);
        self.buf.push('\n');
    }
    /// `Flush`: aligns what was written so far on its own.
    fn flush(&mut self) {
        let text = std::mem::take(&mut self.buf);
        self.done.push_str(&super::tabwriter::format(
            &text,
            super::tabwriter::KUBECTL_DESCRIBE,
        ));
    }
    fn finish(mut self) -> String {
        self.flush();
        self.done
    }
}

/// Go's `time.RFC1123Z` in UTC (`Thu, 01 Jan 2026 00:00:05 +0000`).
pub fn rfc1123z(world: &World, t: Millis) -> String {
    let dt = chrono::DateTime::from_timestamp_millis(world.start_unix_ms + t).unwrap_or_default();
    dt.format("%a, %d %b %Y %H:%M:%S %z").to_string()
}

/// `kubectl describe pod NAME -n NS` at `world.now`; kubectl's NotFound error for a pod that does not
/// exist (or was deleted).
pub fn describe_pod(world: &World, namespace: &str, name: &str) -> Result<String, String> {
    let pod = world
        .pods
        .get(&(namespace.to_string(), name.to_string()))
        .filter(|p| p.alive() && p.created <= world.now)
        .ok_or_else(|| super::not_found_message("Pod", name))?;
    let addresses = Addresses::new(world);
    let spec = &pod.full_spec();
    let mut w = PrefixWriter::default();
    w.write(0, &format!("Name:\t{}\n", pod.name()));
    w.write(0, &format!("Namespace:\t{}\n", pod.namespace()));
    w.write(0, &format!("Priority:\t{}\n", priority(pod)));
    if let Some(pc) = spec
        .priority_class_name
        .as_deref()
        .filter(|s| !s.is_empty())
    {
        w.write(0, &format!("Priority Class Name:\t{pc}\n"));
    }
    if let Some(rc) = spec.runtime_class_name.as_deref().filter(|s| !s.is_empty()) {
        w.write(0, &format!("Runtime Class Name:\t{rc}\n"));
    }
    let sa = spec
        .service_account_name
        .as_deref()
        .filter(|s| !s.is_empty())
        .unwrap_or("default");
    w.write(0, &format!("Service Account:\t{sa}\n"));
    match &pod.node {
        None => w.write(0, "Node:\t<none>\n"),
        Some(n) => w.write(
            0,
            &format!("Node:\t{n}/{}\n", addresses.node_ip(n).unwrap_or_default()),
        ),
    }
    if let Some(t) = pod.scheduled {
        w.write(0, &format!("Start Time:\t{}\n", rfc1123z(world, t)));
    }
    print_labels_multiline(&mut w, "Labels", &pod.labels.to_map());
    print_annotations_multiline(&mut w, "Annotations", &pod.annotations.to_map());
    w.write(0, &format!("Status:\t{}\n", phase_name(pod.phase)));
    if let Some(r) = pod
        .reason
        .as_deref()
        .filter(|r| !matches!(*r, "Completed" | "Error"))
    {
        w.write(0, &format!("Reason:\t{r}\n"));
    }
    if let Some(m) = pod.message.as_deref().filter(|m| !m.is_empty()) {
        w.write(0, &format!("Message:\t{m}\n"));
    }
    let ip = addresses.pod_ip(pod);
    w.write(0, &format!("IP:\t{}\n", ip.as_deref().unwrap_or_default()));
    match &ip {
        None => w.write(0, "IPs:\t<none>\n"),
        Some(ip) => {
            w.write(0, "IPs:\n");
            w.write(1, &format!("IP:\t{ip}\n"));
        }
    }
    if let Some(o) = &pod.owner {
        w.write(0, &format!("Controlled By:\t{}/{}\n", o.kind, o.name));
    }
    if let Some(ics) = spec.init_containers.as_deref().filter(|c| !c.is_empty()) {
        describe_containers(
            &mut w,
            world,
            pod,
            "Init Containers",
            ics,
            &addresses,
            false,
        );
    }
    describe_containers(
        &mut w,
        world,
        pod,
        "Containers",
        &spec.containers,
        &addresses,
        true,
    );
    let conditions = pod_conditions(world, pod);
    w.write(0, "Conditions:\n  Type\tStatus\n");
    for (t, s) in &conditions {
        w.write(1, &format!("{t} \t{s} \n"));
    }
    describe_volumes(&mut w, spec.volumes.as_deref().unwrap_or_default());
    w.write(0, &format!("QoS Class:\t{}\n", qos_class(spec)));
    print_labels_multiline(
        &mut w,
        "Node-Selectors",
        spec.node_selector.as_ref().unwrap_or(&BTreeMap::new()),
    );
    print_tolerations_multiline(
        &mut w,
        "Tolerations",
        spec.tolerations.as_deref().unwrap_or_default(),
    );
    describe_topology_spread_constraints(&mut w, spec);
    describe_events(&mut w, world, &pod_events(world, pod));
    Ok(w.finish())
}

fn phase_name(p: Phase) -> &'static str {
    match p {
        Phase::Pending => "Pending",
        Phase::Running => "Running",
        Phase::Succeeded => "Succeeded",
        Phase::Failed => "Failed",
    }
}

/// `spec.priority` as the Priority admission plugin resolves it (the two built-in classes, else 0).
fn priority(pod: &SimPod) -> i32 {
    if let Some(p) = pod.spec.priority {
        return p;
    }
    match pod.spec.priority_class_name.as_deref() {
        Some("system-node-critical") => 2_000_001_000,
        Some("system-cluster-critical") => 2_000_000_000,
        _ => 0,
    }
}

/// The pod conditions in the order the kubelet writes them.
fn pod_conditions(world: &World, pod: &SimPod) -> Vec<(String, &'static str)> {
    let b = |v: bool| if v { "True" } else { "False" };
    let mut out: Vec<(String, &'static str)> = Vec::new();
    if pod.node.is_none() {
        out.push(("PodScheduled".into(), "False"));
    } else {
        let sandbox = pod.started.is_some() && matches!(pod.phase, Phase::Running);
        out.push(("PodReadyToStartContainers".into(), b(sandbox)));
        out.push(("Initialized".into(), "True"));
        out.push(("Ready".into(), b(pod.ready)));
        out.push(("ContainersReady".into(), b(containers_ready(world, pod))));
        out.push(("PodScheduled".into(), "True"));
    }
    for (t, _) in &pod.conditions {
        if !out.iter().any(|(o, _)| o == t) {
            out.push((t.clone(), "True"));
        }
    }
    out
}

/// describe.go `printLabelsMultiline`.
fn print_labels_multiline(w: &mut PrefixWriter, title: &str, labels: &BTreeMap<String, String>) {
    w.write(0, &format!("{title}:\t"));
    if labels.is_empty() {
        w.write_line("<none>");
        return;
    }
    for (i, (k, v)) in labels.iter().enumerate() {
        if i != 0 {
            w.write(0, "\t");
        }
        w.write(0, &format!("{k}={v}\n"));
    }
}

/// describe.go `printAnnotationsMultiline`: `key: value`, long or multi-line values on their own
/// indented lines, cut at 140 characters.
fn print_annotations_multiline(
    w: &mut PrefixWriter,
    title: &str,
    annotations: &BTreeMap<String, String>,
) {
    w.write(0, &format!("{title}:\t"));
    let keys: Vec<&String> = annotations
        .keys()
        .filter(|k| !SKIP_ANNOTATIONS.contains(&k.as_str()))
        .collect();
    if keys.is_empty() {
        w.write_line("<none>");
        return;
    }
    for (i, key) in keys.iter().enumerate() {
        if i != 0 {
            w.write(0, "\t");
        }
        let value = annotations[*key]
            .strip_suffix('\n')
            .unwrap_or(&annotations[*key]);
        if value.len() + key.len() + 2 > MAX_ANNOTATION_LEN || value.contains('\n') {
            w.write(0, &format!("{key}:\n"));
            for s in value.split('\n') {
                w.write(0, &format!("\t  {}\n", shorten(s, MAX_ANNOTATION_LEN - 2)));
            }
        } else {
            w.write(0, &format!("{key}: {value}\n"));
        }
    }
}

/// describe.go `shorten` (byte length, as Go's `len`).
fn shorten(s: &str, max: usize) -> String {
    if s.len() > max {
        let mut end = max;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        format!("{}...", &s[..end])
    } else {
        s.to_string()
    }
}

/// describe.go `printPodTolerationsMultiline`: sorted by key (stably, as Go's insertion sort does for
/// short lists), `key=value:Effect`, ` op=Exists`, ` for Ns`.
fn print_tolerations_multiline(w: &mut PrefixWriter, title: &str, tolerations: &[Toleration]) {
    w.write(0, &format!("{title}:\t"));
    if tolerations.is_empty() {
        w.write_line("<none>");
        return;
    }
    let mut sorted: Vec<&Toleration> = tolerations.iter().collect();
    sorted.sort_by(|a, b| {
        a.key
            .as_deref()
            .unwrap_or_default()
            .cmp(b.key.as_deref().unwrap_or_default())
    });
    for (i, t) in sorted.iter().enumerate() {
        if i != 0 {
            w.write(0, "\t");
        }
        let key = t.key.as_deref().unwrap_or_default();
        let value = t.value.as_deref().unwrap_or_default();
        let effect = t.effect.as_deref().unwrap_or_default();
        let mut line = key.to_string();
        if !value.is_empty() {
            line.push('=');
            line.push_str(value);
        }
        if !effect.is_empty() {
            line.push(':');
            line.push_str(effect);
        }
        if t.operator.as_deref() == Some("Exists") && value.is_empty() {
            if !key.is_empty() || !effect.is_empty() {
                line.push_str(" op=Exists");
            } else {
                line.push_str("op=Exists");
            }
        }
        if let Some(s) = t.toleration_seconds {
            line.push_str(&format!(" for {s}s"));
        }
        line.push('\n');
        w.write(0, &line);
    }
}

/// describe.go `describeTopologySpreadConstraints`.
fn describe_topology_spread_constraints(
    w: &mut PrefixWriter,
    spec: &k8s_openapi::api::core::v1::PodSpec,
) {
    let Some(tscs) = spec
        .topology_spread_constraints
        .as_deref()
        .filter(|t| !t.is_empty())
    else {
        return;
    };
    let mut tscs: Vec<_> = tscs.iter().collect();
    tscs.sort_by(|a, b| a.topology_key.cmp(&b.topology_key));
    w.write(0, "Topology Spread Constraints:\t");
    for (i, t) in tscs.iter().enumerate() {
        if i != 0 {
            w.write(0, "\t");
        }
        let mut line = format!(
            "{}:{} when max skew {} is exceeded",
            t.topology_key, t.when_unsatisfiable, t.max_skew
        );
        if let Some(sel) = &t.label_selector {
            line.push_str(&format!(" for selector {}", crate::labels::format(sel)));
        }
        line.push('\n');
        w.write(0, &line);
    }
}

/// The container's image reference fully qualified, without tag (`docker.io/library/nginx`).
fn image_repository(image: &str) -> String {
    let without_digest = image.split('@').next().unwrap_or(image);
    let last_slash = without_digest.rfind('/').map_or(0, |i| i + 1);
    let repo = match without_digest[last_slash..].rfind(':') {
        Some(i) => &without_digest[..last_slash + i],
        None => without_digest,
    };
    let first = repo.split('/').next().unwrap_or_default();
    if !repo.contains('/') {
        format!("docker.io/library/{repo}")
    } else if first.contains('.') || first.contains(':') || first == "localhost" {
        repo.to_string()
    } else {
        format!("docker.io/{repo}")
    }
}

/// describe.go `describeContainers` (the parts kubeplay knows: ports, command, state, resources, probes,
/// environment, mounts).
fn describe_containers(
    w: &mut PrefixWriter,
    world: &World,
    pod: &SimPod,
    label: &str,
    containers: &[Container],
    addresses: &Addresses,
    main: bool,
) {
    let none = if containers.is_empty() { " <none>" } else { "" };
    w.write(0, &format!("{label}:{none}\n"));
    // The kubelet reports container statuses once the pod is bound to its node.
    let has_status = pod.node.is_some();
    for c in containers {
        let image = c.image.as_deref().unwrap_or_default();
        w.write(1, &format!("{}:\n", c.name));
        let started = pod.started.is_some();
        if has_status {
            let id = if started {
                format!(
                    "containerd://{}",
                    fake_hex(
                        &format!(
                            "{}/{}/{}#{}",
                            pod.namespace(),
                            pod.uid,
                            c.name,
                            pod.restarts
                        ),
                        64
                    )
                )
            } else {
                String::new()
            };
            w.write(2, &format!("Container ID:\t{id}\n"));
        }
        w.write(2, &format!("Image:\t{image}\n"));
        if has_status {
            let id = if started {
                let digest = image
                    .split_once("@sha256:")
                    .map(|(_, d)| d.to_string())
                    .unwrap_or_else(|| fake_hex(image, 64));
                format!("{}@sha256:{digest}", image_repository(image))
            } else {
                String::new()
            };
            w.write(2, &format!("Image ID:\t{id}\n"));
        }
        let ports = c.ports.as_deref().unwrap_or_default();
        let proto = |p: &k8s_openapi::api::core::v1::ContainerPort| {
            p.protocol.clone().unwrap_or_else(|| "TCP".into())
        };
        let port_string = ports
            .iter()
            .map(|p| format!("{}/{}", p.container_port, proto(p)))
            .collect::<Vec<_>>()
            .join(", ");
        let host_string = ports
            .iter()
            .map(|p| format!("{}/{}", p.host_port.unwrap_or(0), proto(p)))
            .collect::<Vec<_>>()
            .join(", ");
        if port_string.contains(',') {
            w.write(2, &format!("Ports:\t{port_string}\n"));
        } else {
            w.write(2, &format!("Port:\t{}\n", or_none(&port_string)));
        }
        if host_string.contains(',') {
            w.write(2, &format!("Host Ports:\t{host_string}\n"));
        } else {
            w.write(2, &format!("Host Port:\t{}\n", or_none(&host_string)));
        }
        for (title, lines) in [("Command", &c.command), ("Args", &c.args)] {
            if let Some(lines) = lines.as_deref().filter(|l| !l.is_empty()) {
                w.write(2, &format!("{title}:\n"));
                for l in lines {
                    for s in l.split('\n') {
                        w.write(3, &format!("{s}\n"));
                    }
                }
            }
        }
        if has_status {
            describe_container_state(w, world, pod, main);
        }
        describe_resources(w, c.resources.as_ref());
        for (title, probe) in [
            ("Liveness", &c.liveness_probe),
            ("Readiness", &c.readiness_probe),
            ("Startup", &c.startup_probe),
        ] {
            if let Some(p) = probe {
                w.write(2, &format!("{title}:\t{}\n", describe_probe(p)));
            }
        }
        if let Some(env_from) = c.env_from.as_deref().filter(|e| !e.is_empty()) {
            w.write(2, "Environment Variables from:\n");
            for e in env_from {
                let (name, from, optional) = if let Some(r) = &e.config_map_ref {
                    (r.name.as_str(), "ConfigMap", r.optional.unwrap_or(false))
                } else if let Some(r) = &e.secret_ref {
                    (r.name.as_str(), "Secret", r.optional.unwrap_or(false))
                } else {
                    ("", "", false)
                };
                match e.prefix.as_deref().filter(|p| !p.is_empty()) {
                    None => w.write(3, &format!("{name}\t{from}\tOptional: {optional}\n")),
                    Some(p) => w.write(
                        3,
                        &format!("{name}\t{from} with prefix '{p}'\tOptional: {optional}\n"),
                    ),
                }
            }
        }
        describe_env(w, pod, c, addresses);
        let mounts = c.volume_mounts.as_deref().unwrap_or_default();
        w.write(
            2,
            &format!(
                "Mounts:{}\n",
                if mounts.is_empty() { "\t<none>" } else { "" }
            ),
        );
        let mut mounts: Vec<_> = mounts.iter().collect();
        mounts.sort_by(|a, b| a.mount_path.cmp(&b.mount_path));
        for m in mounts {
            let mut flags = vec![if m.read_only == Some(true) {
                "ro".to_string()
            } else {
                "rw".to_string()
            }];
            if let Some(sp) = m.sub_path.as_deref().filter(|s| !s.is_empty()) {
                flags.push(format!("path={sp:?}"));
            }
            w.write(
                3,
                &format!("{} from {} ({})\n", m.mount_path, m.name, flags.join(",")),
            );
        }
    }
}

fn or_none(s: &str) -> &str {
    if s.is_empty() {
        "<none>"
    } else {
        s
    }
}

/// describe.go `describeContainerState` and `describeStatus`, from the simulated pod's history.
/// Init containers are reported as completed once the pod's main container has started.
fn describe_container_state(w: &mut PrefixWriter, world: &World, pod: &SimPod, main: bool) {
    let last_exit = super::last_restart_times(world)
        .get(&pod.key())
        .copied()
        .filter(|t| *t >= pod.created);
    let run_length = pod.behaviour.duration.unwrap_or(0);
    let reason_of = |code: i32| if code == 0 { "Completed" } else { "Error" };
    let terminated =
        |w: &mut PrefixWriter, state: &str, code: i32, started: Millis, finished: Millis| {
            w.write(2, &format!("{state}:\tTerminated\n"));
            w.write(3, &format!("Reason:\t{}\n", reason_of(code)));
            w.write(3, &format!("Exit Code:\t{code}\n"));
            w.write(3, &format!("Started:\t{}\n", rfc1123z(world, started)));
            w.write(3, &format!("Finished:\t{}\n", rfc1123z(world, finished)));
        };
    if !main {
        match pod.started {
            Some(t) => terminated(w, "State", 0, t, t),
            None => {
                w.write(2, "State:\tWaiting\n");
                w.write(3, "Reason:\tPodInitializing\n");
            }
        }
        w.write(
            2,
            &format!("Ready:\t{}\n", print_bool(pod.started.is_some())),
        );
        w.write(2, "Restart Count:\t0\n");
        return;
    }
    match pod.phase {
        Phase::Pending => {
            w.write(2, "State:\tWaiting\n");
            w.write(3, "Reason:\tContainerCreating\n");
        }
        Phase::Running => match &pod.waiting_reason {
            Some(r) => {
                w.write(2, "State:\tWaiting\n");
                w.write(3, &format!("Reason:\t{r}\n"));
            }
            None => {
                w.write(2, "State:\tRunning\n");
                let since = pod.ready_since.or(pod.started).unwrap_or(pod.created);
                w.write(3, &format!("Started:\t{}\n", rfc1123z(world, since)));
            }
        },
        Phase::Succeeded | Phase::Failed => {
            let code = pod
                .exit_code
                .unwrap_or(if pod.phase == Phase::Succeeded { 0 } else { 1 });
            let finished = pod.finished.unwrap_or(world.now);
            let started = pod.ready_since.or(pod.started).unwrap_or(finished);
            terminated(w, "State", code, started, finished);
        }
    }
    if pod.restarts > 0 {
        if let Some(finished) = last_exit {
            let code = pod.behaviour.exit_code(pod.attempt.saturating_sub(1));
            terminated(
                w,
                "Last State",
                code,
                (finished - run_length).max(pod.created),
                finished,
            );
        }
    }
    w.write(
        2,
        &format!("Ready:\t{}\n", print_bool(containers_ready(world, pod))),
    );
    w.write(2, &format!("Restart Count:\t{}\n", pod.restarts));
}

/// describe.go `describeResources` (quantities as written in the manifest). Requests default to the
/// limits, as the API server's defaulting (`SetDefaults_Pod`) writes them.
fn describe_resources(w: &mut PrefixWriter, r: Option<&ResourceRequirements>) {
    let Some(r) = r else { return };
    let limits: BTreeMap<&String, &str> = r
        .limits
        .iter()
        .flatten()
        .map(|(k, q)| (k, q.0.as_str()))
        .collect();
    let mut requests: BTreeMap<&String, &str> = r
        .requests
        .iter()
        .flatten()
        .map(|(k, q)| (k, q.0.as_str()))
        .collect();
    for (k, q) in &limits {
        requests.entry(k).or_insert(q);
    }
    for (title, list) in [("Limits", &limits), ("Requests", &requests)] {
        if !list.is_empty() {
            w.write(2, &format!("{title}:\n"));
            for (name, q) in list {
                w.write(3, &format!("{name}:\t{q}\n"));
            }
        }
    }
}

/// describe.go `DescribeProbe`, with the API defaults filled in.
fn describe_probe(p: &Probe) -> String {
    let attrs = format!(
        "delay={}s timeout={}s period={}s #success={} #failure={}",
        p.initial_delay_seconds.unwrap_or(0),
        p.timeout_seconds.unwrap_or(1),
        p.period_seconds.unwrap_or(10),
        p.success_threshold.unwrap_or(1),
        p.failure_threshold.unwrap_or(3)
    );
    let port = |p: &IntOrString| match p {
        IntOrString::Int(i) => i.to_string(),
        IntOrString::String(s) => s.clone(),
    };
    if let Some(e) = &p.exec {
        return format!(
            "exec [{}] {attrs}",
            e.command.as_deref().unwrap_or_default().join(" ")
        );
    }
    if let Some(h) = &p.http_get {
        let scheme = h.scheme.as_deref().unwrap_or("HTTP").to_ascii_lowercase();
        let host = h.host.as_deref().unwrap_or_default();
        let path = h.path.as_deref().unwrap_or_default();
        return format!("http-get {scheme}://{host}:{}{path} {attrs}", port(&h.port));
    }
    if let Some(t) = &p.tcp_socket {
        return format!(
            "tcp-socket {}:{} {attrs}",
            t.host.as_deref().unwrap_or_default(),
            port(&t.port)
        );
    }
    if let Some(g) = &p.grpc {
        return format!(
            "grpc <pod>:{} {} {attrs}",
            g.port,
            g.service.as_deref().unwrap_or_default()
        );
    }
    format!("unknown {attrs}")
}

/// describe.go `describeContainerEnvVars`, resolving the common field references.
fn describe_env(w: &mut PrefixWriter, pod: &SimPod, c: &Container, addresses: &Addresses) {
    let env = c.env.as_deref().unwrap_or_default();
    w.write(
        2,
        &format!(
            "Environment:{}\n",
            if env.is_empty() { "\t<none>" } else { "" }
        ),
    );
    for e in env {
        let Some(from) = &e.value_from else {
            for (i, s) in e
                .value
                .as_deref()
                .unwrap_or_default()
                .split('\n')
                .enumerate()
            {
                if i == 0 {
                    w.write(3, &format!("{}:\t{s}\n", e.name));
                } else {
                    w.write(3, &format!("\t{s}\n"));
                }
            }
            continue;
        };
        if let Some(f) = &from.field_ref {
            let value = match f.field_path.as_str() {
                "metadata.name" => pod.name().to_string(),
                "metadata.namespace" => pod.namespace().to_string(),
                "spec.nodeName" => pod.node.as_deref().unwrap_or_default().to_string(),
                "spec.serviceAccountName" => pod
                    .spec
                    .service_account_name
                    .clone()
                    .unwrap_or_else(|| "default".into()),
                "status.podIP" => addresses.pod_ip(pod).unwrap_or_default(),
                "status.hostIP" => pod
                    .node
                    .as_deref()
                    .and_then(|n| addresses.node_ip(n))
                    .unwrap_or_default(),
                path => path
                    .strip_prefix("metadata.labels['")
                    .and_then(|k| k.strip_suffix("']"))
                    .and_then(|k| pod.labels.get(k).map(str::to_string))
                    .unwrap_or_default(),
            };
            let api = f.api_version.as_deref().unwrap_or("v1");
            w.write(
                3,
                &format!("{}:\t{value} ({api}:{})\n", e.name, f.field_path),
            );
        } else if let Some(r) = &from.resource_field_ref {
            let res = c.resources.as_ref();
            let value = match r.resource.split_once('.') {
                Some(("limits", name)) => res
                    .and_then(|x| x.limits.as_ref())
                    .and_then(|l| l.get(name))
                    .map_or("node allocatable".to_string(), |q| q.0.clone()),
                Some(("requests", name)) => res
                    .and_then(|x| x.requests.as_ref())
                    .and_then(|l| l.get(name))
                    .map_or("0".to_string(), |q| q.0.clone()),
                _ => String::new(),
            };
            w.write(3, &format!("{}:\t{value} ({})\n", e.name, r.resource));
        } else if let Some(s) = &from.secret_key_ref {
            w.write(
                3,
                &format!(
                    "{}:\t<set to the key '{}' in secret '{}'>\tOptional: {}\n",
                    e.name,
                    s.key,
                    s.name,
                    s.optional.unwrap_or(false)
                ),
            );
        } else if let Some(s) = &from.config_map_key_ref {
            w.write(
                3,
                &format!(
                    "{}:\t<set to the key '{}' of config map '{}'>\tOptional: {}\n",
                    e.name,
                    s.key,
                    s.name,
                    s.optional.unwrap_or(false)
                ),
            );
        }
    }
}

/// describe.go `describeVolumes` for the volume types learners use; others print `<unknown>`.
fn describe_volumes(w: &mut PrefixWriter, volumes: &[Volume]) {
    if volumes.is_empty() {
        w.write(0, "Volumes:\t<none>\n");
        return;
    }
    w.write(0, "Volumes:\n");
    for v in volumes {
        w.write(1, &format!("{}:\n", v.name));
        if let Some(h) = &v.host_path {
            w.write(
                2,
                &format!(
                    "Type:\tHostPath (bare host directory volume)\n    Path:\t{}\n    HostPathType:\t{}\n",
                    h.path,
                    h.type_.as_deref().unwrap_or_default()
                ),
            );
        } else if let Some(e) = &v.empty_dir {
            let size = e
                .size_limit
                .as_ref()
                .map_or("<unset>".to_string(), |q| q.0.clone());
            w.write(
                2,
                &format!(
                    "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t{}\n    SizeLimit:\t{size}\n",
                    e.medium.as_deref().unwrap_or_default()
                ),
            );
        } else if let Some(c) = &v.config_map {
            w.write(
                2,
                &format!(
                    "Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t{}\n    Optional:\t{}\n",
                    c.name,
                    c.optional.unwrap_or(false)
                ),
            );
        } else if let Some(s) = &v.secret {
            w.write(
                2,
                &format!(
                    "Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t{}\n    Optional:\t{}\n",
                    s.secret_name.as_deref().unwrap_or_default(),
                    s.optional.unwrap_or(false)
                ),
            );
        } else if let Some(c) = &v.persistent_volume_claim {
            w.write(
                2,
                &format!(
                    "Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t{}\n    ReadOnly:\t{}\n",
                    c.claim_name,
                    c.read_only.unwrap_or(false)
                ),
            );
        } else {
            w.write(1, "<unknown>\n");
        }
    }
}

/// The QoS class (pkg/apis/core/helper/qos `GetPodQOS`): BestEffort without any cpu/memory request or
/// limit, Guaranteed when every container limits both and requests equal limits, else Burstable.
/// Requests default to limits, as API defaulting does.
pub fn qos_class(spec: &k8s_openapi::api::core::v1::PodSpec) -> &'static str {
    let mut requests: BTreeMap<&str, i128> = BTreeMap::new();
    let mut limits: BTreeMap<&str, i128> = BTreeMap::new();
    let mut guaranteed = true;
    let all = spec
        .containers
        .iter()
        .chain(spec.init_containers.iter().flatten());
    for c in all {
        let r = c.resources.as_ref();
        let lim = r.and_then(|r| r.limits.as_ref());
        let req = r.and_then(|r| r.requests.as_ref());
        let mut found = 0;
        for name in ["cpu", "memory"] {
            let l = lim
                .and_then(|l| l.get(name))
                .and_then(|q| crate::quantity::parse_milli(&q.0).ok());
            let q = req
                .and_then(|l| l.get(name))
                .and_then(|q| crate::quantity::parse_milli(&q.0).ok())
                .or(l);
            if let Some(v) = q.filter(|v| *v != 0) {
                *requests.entry(name).or_default() += v;
            }
            if let Some(v) = l.filter(|v| *v != 0) {
                *limits.entry(name).or_default() += v;
                found += 1;
            }
        }
        if found < 2 {
            guaranteed = false;
        }
    }
    if requests.is_empty() && limits.is_empty() {
        return "BestEffort";
    }
    if guaranteed
        && requests.iter().all(|(k, v)| limits.get(k) == Some(v))
        && requests.len() == limits.len()
    {
        return "Guaranteed";
    }
    "Burstable"
}

/// Which component reports an event (`source.component`): the scheduler, the kubelet, or the
/// controller of the object's kind.
pub fn event_source(ev: &SimEvent) -> &'static str {
    let kind = ev.kind();
    match (kind, &*ev.reason) {
        (_, "Scheduled" | "FailedScheduling" | "Preempted") => "default-scheduler",
        (_, "TaintManagerEviction") => "taint-eviction-controller",
        ("Pod", "NodeNotReady") | ("Node", "NodeNotReady" | "RemovingNode" | "RegisteredNode") => {
            "node-controller"
        }
        ("Pod", _) | ("Node", _) => "kubelet",
        ("DaemonSet", _) => "daemonset-controller",
        ("ReplicaSet", _) => "replicaset-controller",
        ("Deployment", _) => "deployment-controller",
        ("Job", _) => "job-controller",
        ("CronJob", _) => "cronjob-controller",
        ("StatefulSet", _) => "statefulset-controller",
        _ => "kubeplay",
    }
}

/// One line of the Events table: identical events folded together like the event correlator does.
#[derive(Debug, Clone, PartialEq)]
pub struct AggregatedEvent {
    pub type_: &'static str,
    pub reason: String,
    pub source: &'static str,
    pub message: String,
    pub first: Millis,
    pub last: Millis,
    pub count: u32,
}

/// The pod's events up to `world.now` (those of this incarnation of the name), aggregated.
fn pod_events(world: &World, pod: &SimPod) -> Vec<AggregatedEvent> {
    let object = format!("Pod/{}", pod.name());
    aggregate_events(world.events.iter().filter(|e| {
        e.object_is(&object)
            && e.namespace() == pod.namespace()
            && e.time >= pod.created
            && e.time <= world.now
    }))
}

/// Folds identical (type, reason, source, message) events into one with a count, sorted by the time
/// each last happened (describe.go `SortableEvents`).
pub fn aggregate_events<'a>(
    events: impl IntoIterator<Item = &'a SimEvent>,
) -> Vec<AggregatedEvent> {
    let mut out: Vec<AggregatedEvent> = Vec::new();
    for e in events {
        let source = event_source(e);
        let message = e.message.text().trim().to_string();
        match out.iter_mut().find(|a| {
            a.type_ == e.type_ && a.reason == e.reason && a.source == source && a.message == message
        }) {
            Some(a) => {
                a.last = e.time;
                a.count += 1;
            }
            None => out.push(AggregatedEvent {
                type_: e.type_,
                reason: e.reason.to_string(),
                source,
                message,
                first: e.time,
                last: e.time,
                count: 1,
            }),
        }
    }
    out.sort_by_key(|a| a.last);
    out
}

/// describe.go `DescribeEvents`.
fn describe_events(w: &mut PrefixWriter, world: &World, events: &[AggregatedEvent]) {
    if events.is_empty() {
        w.write(0, "Events:\t<none>\n");
        return;
    }
    w.flush();
    w.write(0, "Events:\n  Type\tReason\tAge\tFrom\tMessage\n");
    w.write(1, "----\t------\t----\t----\t-------\n");
    for e in events {
        let first = human_duration(world.now - e.first);
        let interval = if e.count > 1 {
            format!(
                "{} (x{} over {first})",
                human_duration(world.now - e.last),
                e.count
            )
        } else {
            first
        };
        w.write(
            1,
            &format!(
                "{}\t{}\t{interval}\t{}\t{}\n",
                e.type_, e.reason, e.source, e.message
            ),
        );
    }
}
