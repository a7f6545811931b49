//! The simulation's result as the CLI's `simulate -o json` contract and the page see it: every node,
//! pod, Job and event with RFC3339 UTC times (`Z`), absent values `null`.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;

use super::engine::Engine;
use super::world::{Message, OwnerRef, Phase, SimEvent, SimPod, Subject};
use crate::duration::Millis;

/// Formats Unix milliseconds as RFC3339 UTC (`2026-01-01T00:00:00Z`, milliseconds only when present).
pub fn rfc3339(unix_ms: i64) -> String {
    let dt = chrono::DateTime::from_timestamp_millis(unix_ms).unwrap_or_default();
    let fmt = if unix_ms % 1000 == 0 {
        chrono::SecondsFormat::Secs
    } else {
        chrono::SecondsFormat::Millis
    };
    dt.to_rfc3339_opts(fmt, true)
}

/// An RFC3339 time as the timeline prints it. Shared: the events and pods of one instant hold the same
/// string (a wave of 30,000 pods starts in one instant).
pub type Time = Arc<str>;

#[derive(Debug, Clone, Serialize)]
pub struct TaintOut<'a> {
    pub key: &'a str,
    pub value: Option<&'a str>,
    pub effect: &'a str,
}

/// A node as the run left it, borrowed from the engine (a 5,000-node run copied 50,000 label
/// strings into the timeline only to serialize them).
#[derive(Debug, Clone, Serialize)]
pub struct NodeOut<'a> {
    pub name: &'a str,
    pub labels: &'a BTreeMap<String, String>,
    pub taints: Vec<TaintOut<'a>>,
    pub unschedulable: bool,
    pub ready: bool,
    pub added: Time,
    pub removed: Option<Time>,
    #[serde(rename = "cpuMilli")]
    pub cpu_milli: i64,
    pub memory: i64,
    pub pods: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct PodOut<'a> {
    pub name: &'a str,
    pub namespace: &'a str,
    pub owner: Option<&'a OwnerRef>,
    pub node: Option<&'a str>,
    pub index: Option<i32>,
    pub created: Time,
    pub scheduled: Option<Time>,
    pub started: Option<Time>,
    pub finished: Option<Time>,
    pub deleted: Option<Time>,
    pub phase: Phase,
    #[serde(rename = "exitCode")]
    pub exit_code: Option<i32>,
    pub restarts: i32,
    pub reason: Option<&'a str>,
    /// The last FailedScheduling message of a pod that never got a node, or a failure message.
    pub message: Option<&'a str>,
    /// What the scheduler counts against the node (the page's capacity bars).
    pub requests: RequestsOut,
}

#[derive(Debug, Clone, Serialize)]
pub struct RequestsOut {
    #[serde(rename = "cpuMilli")]
    pub cpu_milli: i64,
    pub memory: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct JobOut<'a> {
    pub name: &'a str,
    pub namespace: &'a str,
    #[serde(rename = "cronJob")]
    pub cron_job: Option<&'a str>,
    #[serde(rename = "scheduledTime")]
    pub scheduled_time: Option<Time>,
    pub created: Time,
    pub finished: Option<Time>,
    pub deleted: Option<Time>,
    pub status: &'a str,
    pub reason: Option<&'a str>,
    pub succeeded: i32,
    pub failed: i32,
}

#[derive(Debug, Clone, Serialize)]
pub struct EventOut<'a> {
    /// The event's place in the whole run ([`Timeline::from_engine_split`] only; the CLI prints none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seq: Option<usize>,
    pub time: Time,
    #[serde(rename = "type")]
    pub type_: &'static str,
    pub reason: &'a str,
    pub object: Cow<'a, str>,
    pub message: Cow<'a, str>,
}

/// The whole timeline.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Timeline<'a> {
    pub start: Time,
    pub end: Time,
    pub nodes: Vec<NodeOut<'a>>,
    pub pods: Vec<PodOut<'a>>,
    pub jobs: Vec<JobOut<'a>>,
    pub events: Vec<EventOut<'a>>,
    /// [`Timeline::from_engine_split`] only: the routine events, packed (see there).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub routine_events: Option<String>,
    /// [`Timeline::from_engine_split`] only: how many events the run recorded in all.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event_count: Option<usize>,
}

/// Whether an event is one of the routine ones every pod brings: the kubelet's and scheduler's
/// Normal events on a pod (`Scheduled`, `Pulled`, `Created`, `Started`, `Killing`) and its
/// controller's `SuccessfulCreate` / `SuccessfulDelete` of it (`Created pod: NAME`,
/// controller_utils.go). They are five in six of a big run's events, and the page reads them only
/// for one pod at a time.
pub fn is_routine(ev: &SimEvent) -> bool {
    ev.type_ == "Normal"
        && (ev.pod_name().is_some()
            || match (&*ev.reason, &ev.message) {
                ("SuccessfulCreate", Message::CreatedPod(_)) => true,
                ("SuccessfulCreate" | "SuccessfulDelete", Message::Text(m)) => {
                    m.starts_with("Created pod: ") || m.starts_with("Deleted pod: ")
                }
                _ => false,
            })
}

/// Appends `s` to a routine-events line: backslash, tab and newline escaped as `\\`, `\t`, `\n`.
fn push_field(out: &mut String, s: &str) {
    if !s.bytes().any(|b| matches!(b, b'\\' | b'\t' | b'\n')) {
        out.push_str(s);
        return;
    }
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
}

/// Appends `n` in decimal (what `write!` does, without the formatting machinery: once per event).
fn push_decimal(out: &mut String, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend(digits[i..].iter().map(|&d| char::from(d)));
}

impl<'a> Timeline<'a> {
    /// Builds the timeline of an engine run from `start_unix_ms` to its current time.
    pub fn from_engine(e: &'a Engine) -> Self {
        Self::build(e, true, true)
    }

    /// The run's pods in timeline order (by uid, the order they were created in); none when the
    /// run recorded Jobs only.
    pub fn pods_in_order(e: &'a Engine) -> Vec<&'a SimPod> {
        let w = &e.world;
        let mut pods: Vec<_> = match w.record {
            super::Record::All => w.pods.values_unordered().collect(),
            super::Record::Jobs => Vec::new(),
        };
        pods.sort_by_key(|p| p.uid);
        pods
    }

    /// [`Timeline::from_engine`], with `events` left empty when `events` is false and `pods` when
    /// `pods` is (for a caller that writes them its own way from [`Timeline::pods_in_order`]).
    fn build(e: &'a Engine, events: bool, pods: bool) -> Self {
        let base = e.start_unix_ms();
        // Most times repeat (a wave of pods, the events of one instant): format each distinct time
        // once in a row instead of every time (chrono's formatter is most of this function's cost).
        let last = std::cell::RefCell::new((i64::MIN, Time::from("")));
        let t = |ms: Millis| {
            let mut last = last.borrow_mut();
            if last.0 != ms {
                *last = (ms, rfc3339(base + ms).into());
            }
            last.1.clone()
        };
        let opt = |ms: Option<Millis>| ms.map(t);
        let w = &e.world;
        let nodes = w
            .nodes
            .values()
            .map(|n| NodeOut {
                name: &n.info.name,
                labels: &n.info.labels,
                taints: n
                    .info
                    .taints
                    .iter()
                    .map(|x| TaintOut {
                        key: &x.key,
                        value: x.value.as_deref(),
                        effect: &x.effect,
                    })
                    .collect(),
                unschedulable: n.info.unschedulable,
                ready: n.info.ready,
                added: t(n.added),
                removed: opt(n.removed),
                cpu_milli: n.info.cpu_milli,
                memory: n.info.memory,
                pods: n.info.pods,
            })
            .collect();
        let pods = if pods {
            Self::pods_in_order(e)
        } else {
            Vec::new()
        };
        let pods = pods
            .into_iter()
            .map(|p| PodOut {
                name: p.name(),
                namespace: p.namespace(),
                owner: p.owner.as_deref(),
                node: p.node.as_deref(),
                index: p.index,
                created: t(p.created),
                scheduled: opt(p.scheduled),
                started: opt(p.started),
                finished: opt(p.finished),
                deleted: opt(p.deleted),
                phase: p.phase,
                exit_code: p.exit_code,
                restarts: p.restarts,
                reason: p.reason.as_deref(),
                message: p.message.as_deref().or(p.scheduling_message.as_deref()),
                requests: RequestsOut {
                    cpu_milli: p.requests.0,
                    memory: p.requests.1,
                },
            })
            .collect();
        let mut jobs: Vec<_> = w.job_records.entries_unordered().collect();
        jobs.sort_unstable_by(|(ka, a), (kb, b)| (a.created, ka).cmp(&(b.created, kb)));
        let jobs = jobs
            .into_iter()
            .map(|(key, r)| JobOut {
                name: &key.1,
                namespace: &key.0,
                cron_job: r.cron_job.as_deref(),
                scheduled_time: opt(r.scheduled_time),
                created: t(r.created),
                finished: opt(r.finished),
                deleted: opt(r.deleted),
                status: &r.status,
                reason: r.reason.as_deref(),
                succeeded: r.succeeded,
                failed: r.failed,
            })
            .collect();
        // Without events (from_engine_split writes its own): none to walk.
        let events = w
            .events
            .iter()
            .take(if events { usize::MAX } else { 0 })
            .map(|ev| EventOut {
                seq: None,
                time: t(ev.time),
                type_: ev.type_,
                reason: &ev.reason,
                object: ev.object(),
                message: ev.message.text(),
            })
            .collect();
        Timeline {
            start: t(0),
            end: t(w.now),
            nodes,
            pods,
            jobs,
            events,
            routine_events: None,
            event_count: None,
        }
    }

    /// The timeline as the page loads it: the [routine](is_routine) events leave `events` for
    /// `routineEvents`, one line each, `SEQ\tTIME\tREASON\tOBJECT\tMESSAGE\n` (all `Normal`;
    /// fields escaped by `push_field`), and every event left in `events` carries its `seq`, its place
    /// in the whole run, so that one object's events can be put back in order. A pod's five routine
    /// events as five JS objects were most of what a big run cost to hand to the page.
    pub fn from_engine_split(e: &'a Engine) -> Self {
        let mut tl = Self::build(e, false, true);
        let w = &e.world;
        let mut routine = String::new();
        let mut last = (i64::MIN, Time::from(""));
        let base = e.start_unix_ms();
        let mut kept = Vec::new();
        let mut scratch = String::new();
        for (seq, ev) in w.events.iter().enumerate() {
            if last.0 != ev.time {
                last = (ev.time, rfc3339(base + ev.time).into());
            }
            if !ev.routine {
                kept.push(EventOut {
                    seq: Some(seq),
                    time: last.1.clone(),
                    type_: ev.type_,
                    reason: &ev.reason,
                    object: ev.object(),
                    message: ev.message.text(),
                });
                continue;
            }
            push_routine_line(&mut routine, &mut scratch, seq, &last.1, ev);
        }
        tl.event_count = Some(w.events.len());
        tl.events = kept;
        tl.routine_events = Some(routine);
        tl
    }

    /// The timeline as the page loads it for its main run: like [`Timeline::from_engine_split`],
    /// but the routine events are not handed over at all; the page asks for one object's when it
    /// shows them ([`Timeline::routine_of`], on the engine the run left behind). Packing 160,000
    /// routine events into text and decoding it was a quarter of what a big run cost the page.
    /// A pod that restarted keeps all its events here: the Job chart draws its container runs from
    /// its `Started` events.
    pub fn from_engine_lazy(e: &'a Engine) -> Self {
        Self::from_engine_lazy_with(e, true)
    }

    /// [`Timeline::from_engine_lazy`], with `pods` left empty when `pods` is false.
    pub fn from_engine_lazy_with(e: &'a Engine, pods: bool) -> Self {
        let mut tl = Self::build(e, false, pods);
        let w = &e.world;
        let routine = LazyRoutine::new(e);
        let mut last = (i64::MIN, Time::from(""));
        let base = e.start_unix_ms();
        let mut kept = Vec::new();
        let mut keep = |seq: usize, ev: &'a SimEvent| {
            if last.0 != ev.time {
                last = (ev.time, rfc3339(base + ev.time).into());
            }
            kept.push(EventOut::of(seq, last.1.clone(), ev));
        };
        if routine.restarted.is_empty() {
            // Only the events recorded as not routine (World::kept_events): no walk over the rest.
            for &seq in &w.kept_events {
                keep(seq, &w.events[seq]);
            }
        } else {
            for (seq, ev) in w.events.iter().enumerate() {
                if !routine.is(ev) {
                    keep(seq, ev);
                }
            }
        }
        tl.event_count = Some(w.events.len());
        tl.events = kept;
        tl
    }

    /// The routine events of `object` (`Kind/name`) that [`Timeline::from_engine_lazy`] left out,
    /// with their `seq`, in the order they were recorded.
    pub fn routine_of(e: &'a Engine, object: &str) -> Vec<EventOut<'a>> {
        let routine = LazyRoutine::new(e);
        let base = e.start_unix_ms();
        e.world
            .events
            .iter()
            .enumerate()
            .filter(|(_, ev)| ev.object_is(object) && routine.is(ev))
            .map(|(seq, ev)| EventOut::of(seq, rfc3339(base + ev.time).into(), ev))
            .collect()
    }
}

/// The routine events [`Timeline::from_engine_lazy`] leaves out, packed one per line as
/// [`Timeline::from_engine_split`] packs its `routineEvents` (`SEQ\tTIME\tREASON\tOBJECT\tMESSAGE`):
/// what is left of a lazy run once the engine itself is freed ([`routine_of_packed`] reads it).
pub fn pack_lazy_routine(e: &Engine) -> String {
    let routine = LazyRoutine::new(e);
    let base = e.start_unix_ms();
    let mut out = String::new();
    let mut scratch = String::new();
    let mut last = (i64::MIN, Time::from(""));
    for (seq, ev) in e.world.events.iter().enumerate() {
        if !routine.is(ev) {
            continue;
        }
        if last.0 != ev.time {
            last = (ev.time, rfc3339(base + ev.time).into());
        }
        push_routine_line(&mut out, &mut scratch, seq, &last.1, ev);
    }
    out
}

/// One packed routine line (see [`Timeline::from_engine_split`]).
fn push_routine_line(
    out: &mut String,
    scratch: &mut String,
    seq: usize,
    time: &str,
    ev: &SimEvent,
) {
    push_decimal(out, seq);
    out.push('\t');
    out.push_str(time);
    out.push('\t');
    push_field(out, &ev.reason);
    out.push('\t');
    match &ev.subject {
        Subject::Pod(key) => {
            out.push_str("Pod/");
            push_field(out, &key.1);
        }
        Subject::Named { object, .. } => push_field(out, object),
    }
    out.push('\t');
    match &ev.message {
        Message::Text(m) => push_field(out, m),
        m => {
            scratch.clear();
            m.push_to(scratch);
            push_field(out, scratch);
        }
    }
    out.push('\n');
}

/// A routine event read back from packed text ([`pack_lazy_routine`]): the fields of an
/// [`EventOut`], owned.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PackedEvent {
    pub seq: usize,
    pub time: String,
    #[serde(rename = "type")]
    pub type_: &'static str,
    pub reason: String,
    pub object: String,
    pub message: String,
}

/// The events of `object` in packed routine text, in order: the lines whose OBJECT field is it
/// (fields never hold a raw tab, so `\tOBJECT\t` can only be that field).
pub fn routine_of_packed(text: &str, object: &str) -> Vec<PackedEvent> {
    let mut needle = String::from("\t");
    push_field(&mut needle, object);
    needle.push('\t');
    let mut out = Vec::new();
    for (at, _) in text.match_indices(&needle) {
        let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
        let f: Vec<&str> = text[start..end].splitn(5, '\t').collect();
        if let [seq, time, reason, object, message] = f[..] {
            out.push(PackedEvent {
                seq: seq.parse().unwrap_or_default(),
                time: time.to_string(),
                type_: "Normal",
                reason: unescape_field(reason),
                object: unescape_field(object),
                message: unescape_field(message),
            });
        }
    }
    out
}

/// Undoes [`push_field`].
fn unescape_field(s: &str) -> String {
    if !s.contains('\\') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match it.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some(o) => out.push(o),
            None => {}
        }
    }
    out
}

impl<'a> EventOut<'a> {
    /// Event `seq` of a run, at `time`.
    fn of(seq: usize, time: Time, ev: &'a SimEvent) -> Self {
        EventOut {
            seq: Some(seq),
            time,
            type_: ev.type_,
            reason: &ev.reason,
            object: ev.object(),
            message: ev.message.text(),
        }
    }
}

/// Which events [`Timeline::from_engine_lazy`] leaves out: the [routine](is_routine) ones, except
/// those of pods that restarted.
struct LazyRoutine<'a> {
    /// (namespace, name) of every pod that restarted.
    restarted: rustc_hash::FxHashSet<(&'a str, &'a str)>,
}

impl<'a> LazyRoutine<'a> {
    fn new(e: &'a Engine) -> Self {
        let restarted = e
            .world
            .restarted
            .iter()
            .map(|k| (k.0.as_str(), k.1.as_str()))
            .collect();
        Self { restarted }
    }
    fn is(&self, ev: &SimEvent) -> bool {
        if !ev.routine {
            return false;
        }
        if self.restarted.is_empty() {
            return true;
        }
        match ev.pod_name() {
            Some(name) => !self.restarted.contains(&(ev.namespace(), name)),
            None => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A two-minute run of `manifests` on one node with 2 CPUs.
    fn run_on_one_node(manifests: &str) -> Engine {
        let objects = crate::manifest::load(manifests).expect("valid");
        let nodes = crate::nodes::parse_nodes("NAME\tCPU\nn1\t2\n").expect("valid");
        let opts = crate::sim::Options {
            duration: 120_000,
            ..Default::default()
        };
        crate::sim::run(&objects, &nodes, &[], &opts, &|_| Err("none".into())).0
    }

    #[test]
    fn decimals_as_write_prints_them() {
        for n in [0, 7, 10, 99, 100, 55_001, usize::MAX] {
            let mut out = String::from("x");
            push_decimal(&mut out, n);
            assert_eq!(out, format!("x{n}"));
        }
    }

    #[test]
    fn fields_escape_backslash_tab_and_newline() {
        for s in ["plain", "a\tb", "line\nnext", "back\\slash\\t", ""] {
            let mut out = String::new();
            push_field(&mut out, s);
            assert!(!out.contains(['\t', '\n']), "{out:?}");
            assert_eq!(unescape_field(&out), s);
        }
    }

    #[test]
    fn split_events_keep_every_event_in_order() {
        // A Job whose first pod fails and is replaced (routine pod events, SuccessfulCreate, a
        // Completed condition) and a pod that cannot be scheduled (a Warning).
        let manifests = "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  completions: 3\n  parallelism: 2\n  template:\n    metadata:\n      annotations:\n        kubeplay.io/duration: 5s\n        kubeplay.io/exit-codes: \"1,0\"\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: c\n        image: busybox\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: big\nspec:\n  containers:\n  - name: c\n    image: busybox\n    resources:\n      requests:\n        cpu: \"64\"\n";
        let e = run_on_one_node(manifests);
        let full = Timeline::from_engine(&e);
        let split = Timeline::from_engine_split(&e);
        assert_eq!(split.event_count, Some(full.events.len()));
        let routine = split.routine_events.as_deref().unwrap_or_default();
        let row = |seq: usize, ev: &EventOut| {
            let (time, reason) = (ev.time.to_string(), ev.reason.to_string());
            let (object, message) = (ev.object.to_string(), ev.message.to_string());
            (seq, time, ev.type_, reason, object, message)
        };
        let mut merged: Vec<(usize, String, &str, String, String, String)> = split
            .events
            .iter()
            .map(|ev| row(ev.seq.expect("split events carry seq"), ev))
            .collect();
        for line in routine.lines() {
            let f: Vec<&str> = line.split('\t').collect();
            assert_eq!(f.len(), 5, "{line:?}");
            merged.push((
                f[0].parse().expect("seq"),
                f[1].to_string(),
                "Normal",
                unescape_field(f[2]),
                unescape_field(f[3]),
                unescape_field(f[4]),
            ));
        }
        merged.sort_by_key(|m| m.0);
        let want: Vec<_> = full
            .events
            .iter()
            .enumerate()
            .map(|(i, ev)| row(i, ev))
            .collect();
        assert_eq!(merged, want);
        // What stays as objects: the Job's own story and the warnings, no pod lifecycle.
        let kept: Vec<&str> = split.events.iter().map(|ev| ev.reason).collect();
        assert!(kept.contains(&"Completed"), "{kept:?}");
        assert!(kept.contains(&"FailedScheduling"), "{kept:?}");
        assert!(!kept.contains(&"Started") && !kept.contains(&"SuccessfulCreate"));
        assert!(routine.lines().count() > kept.len());
        // No pod restarted in place: the lazy timeline keeps exactly what the split one does
        // (found through World::kept_events without a walk over every event).
        assert!(e.world.restarted.is_empty());
        let lazy = Timeline::from_engine_lazy(&e);
        let rows = |tl: &Timeline| -> Vec<_> {
            tl.events
                .iter()
                .map(|ev| (ev.seq, row(ev.seq.unwrap_or_default(), ev)))
                .collect()
        };
        assert_eq!(rows(&lazy), rows(&split));
    }

    #[test]
    fn lazy_events_and_routine_of_give_back_every_event_in_order() {
        // A Job that fails once and is replaced (Never), one restarted in place (OnFailure), and a
        // pod that cannot be scheduled.
        let job = |name: &str, policy: &str| {
            format!("apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: {name}\nspec:\n  completions: 2\n  template:\n    metadata:\n      annotations:\n        kubeplay.io/duration: 5s\n        kubeplay.io/exit-codes: \"1,0\"\n    spec:\n      restartPolicy: {policy}\n      containers:\n      - name: c\n        image: busybox\n---\n")
        };
        let manifests = format!("{}{}apiVersion: v1\nkind: Pod\nmetadata:\n  name: big\nspec:\n  containers:\n  - name: c\n    image: busybox\n    resources:\n      requests:\n        cpu: \"64\"\n", job("never", "Never"), job("again", "OnFailure"));
        let e = run_on_one_node(&manifests);
        let full = Timeline::from_engine(&e);
        let lazy = Timeline::from_engine_lazy(&e);
        assert_eq!(lazy.event_count, Some(full.events.len()));
        assert!(lazy.routine_events.is_none());
        let row = |ev: &EventOut| {
            let (time, reason) = (ev.time.to_string(), ev.reason.to_string());
            let (object, message) = (ev.object.to_string(), ev.message.to_string());
            (ev.type_, time, reason, object, message)
        };
        let mut merged: Vec<_> = lazy
            .events
            .iter()
            .map(|ev| (ev.seq.expect("lazy events carry seq"), row(ev)))
            .collect();
        let objects: std::collections::BTreeSet<&str> =
            full.events.iter().map(|ev| &*ev.object).collect();
        for o in &objects {
            let more = Timeline::routine_of(&e, o);
            assert!(more
                .iter()
                .all(|ev| ev.object == *o && ev.type_ == "Normal"));
            merged.extend(more.iter().map(|ev| (ev.seq.expect("seq"), row(ev))));
        }
        merged.sort_by_key(|m| m.0);
        let want: Vec<_> = full
            .events
            .iter()
            .enumerate()
            .map(|(i, ev)| (i, row(ev)))
            .collect();
        assert_eq!(merged, want);
        // Packed once the engine is gone: the same events, object by object.
        let packed = pack_lazy_routine(&e);
        for o in &objects {
            let a: Vec<_> = Timeline::routine_of(&e, o)
                .iter()
                .map(|ev| (ev.seq.expect("seq"), row(ev)))
                .collect();
            let b: Vec<_> = routine_of_packed(&packed, o)
                .into_iter()
                .map(|p| (p.seq, (p.type_, p.time, p.reason, p.object, p.message)))
                .collect();
            assert_eq!(a, b, "{o}");
        }
        // The restarted pod keeps its Started events inline; the others' wait to be asked for.
        let restarted: Vec<&str> = e
            .world
            .pods
            .values_unordered()
            .filter(|p| p.restarts > 0)
            .map(|p| p.name())
            .collect();
        assert_eq!(restarted.len(), 1, "one pod of `again` restarts in place");
        let started = |o: &str| {
            lazy.events
                .iter()
                .filter(|ev| ev.object == o && ev.reason == "Started")
                .count()
        };
        assert_eq!(started(&format!("Pod/{}", restarted[0])), 2);
        assert_eq!(
            lazy.events
                .iter()
                .filter(|ev| ev.reason == "Started")
                .count(),
            2
        );
        assert!(lazy.events.iter().any(|ev| ev.reason == "FailedScheduling"));
    }
}
