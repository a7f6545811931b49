//! One deterministic discrete-event simulation of a cluster's control plane. Same input and seed, same
//! timeline, byte for byte: integer virtual time (milliseconds), an event queue ordered by
//! (time, sequence), a seeded RNG, BTreeMaps, no wall clock.

pub mod apply;
pub mod engine;
pub mod rng;
pub mod scenario;
pub mod timeline;
pub mod world;

use crate::duration::Millis;
use crate::manifest::Loaded;
use crate::nodes::NodeInfo;
pub use engine::Engine;
use scenario::Step;
pub use timeline::Timeline;
pub use world::Record;

/// 2026-01-01T00:00:00Z, the default start of a simulation.
pub const DEFAULT_START_UNIX_MS: i64 = 1_767_225_600_000;

/// How to run a simulation.
#[derive(Debug, Clone)]
pub struct Options {
    /// Wall-clock time the simulation starts at (Unix milliseconds); CronJob schedules use it.
    pub start_unix_ms: i64,
    /// How long to simulate.
    pub duration: Millis,
    pub seed: u64,
    /// The run stops (with a `SimulationTruncated` warning event) once it has recorded this many
    /// events, so a huge run cannot freeze a browser tab.
    pub max_events: usize,
    /// What the timeline keeps: everything, or only the Jobs (long CronJob horizons).
    pub record: Record,
}

/// The default [`Options::max_events`]: about 200,000 pods' worth of events.
pub const DEFAULT_MAX_EVENTS: usize = 1_000_000;

impl Default for Options {
    fn default() -> Self {
        Self {
            start_unix_ms: DEFAULT_START_UNIX_MS,
            duration: 3_600_000,
            seed: 1,
            max_events: DEFAULT_MAX_EVENTS,
            record: Record::All,
        }
    }
}

/// A scenario step that could not be carried out (kubectl would have printed this error).
#[derive(Debug, Clone, PartialEq)]
pub struct StepError {
    pub line: u32,
    pub at: Millis,
    pub message: String,
}

/// Runs the simulation: nodes and objects exist at time 0, then the scenario's steps at their offsets.
/// `resolve` reads the files named by `kubectl apply -f FILE`.
pub fn run(
    objects: &[Loaded],
    nodes: &[NodeInfo],
    steps: &[Step],
    opts: &Options,
    resolve: &dyn Fn(&str) -> Result<String, String>,
) -> (Engine, Vec<StepError>) {
    let mut e = start(objects, nodes, steps, opts);
    let errors = resume(&mut e, steps, opts.duration, resolve);
    (e, errors)
}

/// The engine at time 0: nodes and objects applied, the scenario's steps queued. [`resume`] runs it.
pub fn start(objects: &[Loaded], nodes: &[NodeInfo], steps: &[Step], opts: &Options) -> Engine {
    start_owned(objects, nodes.to_vec(), steps, opts)
}

/// [`start`] with nodes the caller no longer needs: they move into the engine instead of being
/// copied (5,000 nodes' labels were a few percent of a big run in the browser).
pub fn start_owned(
    objects: &[Loaded],
    nodes: Vec<NodeInfo>,
    steps: &[Step],
    opts: &Options,
) -> Engine {
    let mut e = Engine::new(opts.seed);
    e.max_events = opts.max_events;
    e.world.record = opts.record;
    e.set_start(opts.start_unix_ms);
    for n in nodes {
        apply::add_or_update_node(&mut e, n);
    }
    for o in objects {
        apply::apply_object(&mut e, o.object.clone());
    }
    for (i, s) in steps.iter().enumerate() {
        e.push(s.at, engine::Ev::Step(i));
    }
    e
}

/// Runs an engine made by [`start`] (or a clone of one run part of the way) on to `until`. Running
/// to t1 and then resuming to t2 gives the same world as running to t2 at once: every instant is
/// settled the same way. Returns the steps that failed on the way.
pub fn resume(
    e: &mut Engine,
    steps: &[Step],
    until: Millis,
    resolve: &dyn Fn(&str) -> Result<String, String>,
) -> Vec<StepError> {
    let mut errors = Vec::new();
    e.run_until(until, |e, i| {
        let step = &steps[i];
        if let Err(message) = apply::run_command(e, &step.command, resolve) {
            let now = e.world.now;
            e.world.event(
                "Warning",
                "ScenarioError",
                "Scenario",
                "",
                &format!("line-{}", step.line),
                message.clone(),
            );
            errors.push(StepError {
                line: step.line,
                at: now,
                message,
            });
        }
    });
    errors
}

/// Parses an RFC3339 time into Unix milliseconds.
pub fn parse_rfc3339(s: &str) -> Option<i64> {
    chrono::DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|d| d.timestamp_millis())
}

/// The parts joined, in one allocation of the exact size: the events every pod brings are built
/// with this rather than `format!` (its formatting machinery was a few percent of a big run).
pub(crate) fn concat(parts: &[&str]) -> String {
    let mut s = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        s.push_str(p);
    }
    s
}
