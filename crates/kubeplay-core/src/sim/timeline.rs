//! The simulation's result as the CLI's `simulate -o json` contract and the page see it: every node,
//! pod, Job and event with RFC3339 UTC times (`Z`), absent values `null`.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;

use super::engine::Engine;
use super::world::{OwnerRef, Phase};
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
pub struct TaintOut {
    pub key: String,
    pub value: Option<String>,
    pub effect: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct NodeOut {
    pub name: String,
    pub labels: BTreeMap<String, String>,
    pub taints: Vec<TaintOut>,
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
    pub time: Time,
    #[serde(rename = "type")]
    pub type_: &'static str,
    pub reason: &'a str,
    pub object: &'a str,
    pub message: &'a str,
}

/// The whole timeline.
#[derive(Debug, Clone, Serialize)]
pub struct Timeline<'a> {
    pub start: Time,
    pub end: Time,
    pub nodes: Vec<NodeOut>,
    pub pods: Vec<PodOut<'a>>,
    pub jobs: Vec<JobOut<'a>>,
    pub events: Vec<EventOut<'a>>,
}

impl<'a> Timeline<'a> {
    /// Builds the timeline of an engine run from `start_unix_ms` to its current time.
    pub fn from_engine(e: &'a Engine) -> Self {
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
                name: n.info.name.clone(),
                labels: n.info.labels.clone(),
                taints: n
                    .info
                    .taints
                    .iter()
                    .map(|x| TaintOut {
                        key: x.key.clone(),
                        value: x.value.clone(),
                        effect: x.effect.clone(),
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
        let mut pods: Vec<_> = match w.record {
            super::Record::All => w.pods.values_unordered().collect(),
            super::Record::Jobs => Vec::new(),
        };
        pods.sort_by_key(|p| p.uid);
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
        let events = w
            .events
            .iter()
            .map(|ev| EventOut {
                time: t(ev.time),
                type_: ev.type_,
                reason: &ev.reason,
                object: &ev.object,
                message: &ev.message,
            })
            .collect();
        Timeline {
            start: t(0),
            end: t(w.now),
            nodes,
            pods,
            jobs,
            events,
        }
    }
}
