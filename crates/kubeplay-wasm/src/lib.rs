//! kubeplay-wasm: the thin wasm-bindgen layer the page talks to. One opaque [`Playground`] handle;
//! results cross as plain JSON-compatible objects (JSON text, or serde-wasm-bindgen's
//! `json_compatible` objects when very large), and every error, including a panic's message,
//! reaches JavaScript as an `Error`. No logic lives here.

use serde::Serialize;
use wasm_bindgen::prelude::*;

mod columns;

use kubeplay_core::{manifest, nodes, Diagnostic, NodeInfo};

/// Turns any serializable value into a plain JS value (objects, not `Map`s).
///
/// Through JSON text and the engine's `JSON.parse`: for a large timeline (160,000 events) this is
/// about 1.5x faster than building each JS object and string across the boundary with
/// serde-wasm-bindgen ([`to_js_objects`]), and gives the same plain objects. A JS string cannot hold
/// more than 2^29 characters, so results that may come near [`JSON_LIMIT`] bytes take
/// [`to_js_objects`] instead.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let text = serde_json::to_string(value)
        .map_err(|e| JsError::new(&format!("cannot convert result: {e}")))?;
    js_sys::JSON::parse(&text).map_err(|_| JsError::new("cannot convert result: invalid JSON"))
}

/// [`to_js`] object by object, for results too large for one JSON string.
fn to_js_objects<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("cannot convert result: {e}")))
}

/// The largest result [`to_js`] is asked to carry as one JSON string.
const JSON_LIMIT: usize = 256 << 20;

/// An error found in one of the inputs, for the editors' markers.
#[derive(Serialize)]
struct InputError<'a> {
    source: &'static str,
    line: u32,
    column: u32,
    message: &'a str,
}

#[derive(Serialize)]
struct ObjectSummary<'a> {
    kind: &'static str,
    namespace: &'a str,
    name: &'a str,
    line: u32,
}

#[derive(Serialize)]
struct CheckResult<'a> {
    objects: Vec<ObjectSummary<'a>>,
    nodes: &'a [NodeInfo],
    errors: Vec<InputError<'a>>,
}

fn input_errors<'a>(
    source: &'static str,
    errs: &'a [Diagnostic],
) -> impl Iterator<Item = InputError<'a>> {
    errs.iter().map(move |d| InputError {
        source,
        line: d.line,
        column: d.column,
        message: &d.message,
    })
}

/// The playground engine, as the page sees it.
#[wasm_bindgen]
pub struct Playground {
    /// Engines of the last inputs `get` saw, at a few moments, so that scrubbing does not re-run the
    /// simulation from time 0 at every step: one set recording everything (pods, nodes, workloads)
    /// and one recording only Jobs (`get jobs|cronjobs`, whose tables read neither pods nor events,
    /// so a year of CronJob runs is not cut short by the event limit).
    snapshots: std::cell::RefCell<[Option<Snapshots>; 2]>,
    /// Runs `simulate` is done with, kept to be freed by `release` once the result has been handed
    /// over (freeing a big run takes a while).
    retired: std::cell::RefCell<Vec<kubeplay_core::sim::Engine>>,
    /// The last `events: "lazy"` run and its number, which `routineEventsOf` reads from.
    current: std::cell::RefCell<Option<(u32, LazyRun)>>,
    /// How many runs `simulate` has numbered.
    runs: std::cell::Cell<u32>,
}

/// What `routineEventsOf` reads a lazy run's routine events from: the engine until `release`, then
/// only those events, packed ([`kubeplay_core::sim::timeline::pack_lazy_routine`]), so that no more
/// than one run is ever alive (two runs of a long CronJob did not fit in wasm's 4 GB).
enum LazyRun {
    Engine(Box<kubeplay_core::sim::Engine>),
    Packed(String),
}

/// Engines of one set of inputs, sorted by time; the first is at time 0.
struct Snapshots {
    inputs: (String, String, String),
    steps: Vec<kubeplay_core::sim::scenario::Step>,
    engines: Vec<kubeplay_core::sim::Engine>,
}

/// The start engine plus this many later moments are kept.
const MAX_SNAPSHOTS: usize = 3;

fn browser_resolve(file: &str) -> Result<String, String> {
    Err(format!(
        "the browser has no file \"{file}\": write `kubectl apply -f - <<EOF` with the manifest inline"
    ))
}

#[wasm_bindgen]
impl Playground {
    #[wasm_bindgen(constructor)]
    pub fn new() -> Playground {
        console_error_panic_hook::set_once();
        Playground {
            snapshots: std::cell::RefCell::new([None, None]),
            retired: std::cell::RefCell::new(Vec::new()),
            current: std::cell::RefCell::new(None),
            runs: std::cell::Cell::new(0),
        }
    }

    /// Parses and validates both inputs: `{objects, nodes, errors}` (see www/js/engine.js).
    pub fn check(&self, manifests: &str, nodes_text: &str) -> Result<JsValue, JsError> {
        let loaded = manifest::load_all(manifests);
        let (node_list, node_errs) = match nodes::parse_nodes(nodes_text) {
            Ok(n) => (n, Vec::new()),
            Err(e) => (Vec::new(), e),
        };
        let mut all_nodes = node_list;
        for o in &loaded.objects {
            if let kubeplay_core::Object::Node(n) = &o.object {
                all_nodes.push(NodeInfo::from_node(n, o.line));
            }
        }
        let result = CheckResult {
            objects: loaded
                .objects
                .iter()
                .map(|o| ObjectSummary {
                    kind: o.object.kind(),
                    namespace: o.object.namespace(),
                    name: o.object.name(),
                    line: o.line,
                })
                .collect(),
            nodes: &all_nodes,
            errors: input_errors("manifests", &loaded.errors)
                .chain(input_errors("nodes", &node_errs))
                .collect(),
        };
        to_js(&result)
    }
}

/// Options of [`Playground::simulate`], from JS `{seed, forSeconds, start, maxEvents, record, events,
/// pods}` (all optional).
#[derive(serde::Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct SimulateOptions {
    seed: Option<u64>,
    for_seconds: Option<f64>,
    start: Option<String>,
    /// Stop after this many events (default `DEFAULT_MAX_EVENTS`), so a huge run cannot freeze the tab.
    max_events: Option<usize>,
    /// `"all"` (default) or `"jobs"`: only what a CronJob's timeline draws, for long horizons
    /// ([`kubeplay_core::sim::Record::Jobs`]).
    record: Option<String>,
    /// `"all"` (default): every event as an object, as `kubeplay simulate -o json`. `"split"`: the
    /// routine ones packed into `routineEvents` ([`kubeplay_core::sim::Timeline::from_engine_split`]).
    /// `"lazy"`: the routine ones left in the engine, which stays alive for `routineEventsOf` until
    /// the next `simulate`; the result's `run` names it
    /// ([`kubeplay_core::sim::Timeline::from_engine_lazy`]).
    events: Option<String>,
    /// `"objects"` (default): `pods` as objects. `"columns"`: `pods` empty and `podColumns` instead
    /// (see `columns.rs`; `model.js` `hydrateColumns` makes the objects from them).
    pods: Option<String>,
    /// The same for `nodes` (`nodeColumns`).
    nodes: Option<String>,
}

/// Everything a simulation needs, parsed; errors as the editors show them.
struct Prepared {
    objects: Vec<manifest::Loaded>,
    nodes: Vec<NodeInfo>,
    steps: Vec<kubeplay_core::sim::scenario::Step>,
}

fn prepare(manifests: &str, nodes_text: &str, scenario: &str) -> Result<Prepared, JsError> {
    let loaded = manifest::load_all(manifests);
    let node_result = nodes::parse_nodes(nodes_text);
    let steps = kubeplay_core::sim::scenario::parse(scenario);
    let mut problems: Vec<String> = Vec::new();
    for d in &loaded.errors {
        problems.push(format!("manifests:{d}"));
    }
    if let Err(errs) = &node_result {
        problems.extend(errs.iter().map(|d| format!("nodes:{d}")));
    }
    if let Err(errs) = &steps {
        problems.extend(errs.iter().map(|d| format!("scenario:{d}")));
    }
    if !problems.is_empty() {
        return Err(JsError::new(&problems.join("\n")));
    }
    let mut node_list = node_result.unwrap_or_default();
    let mut objects = Vec::new();
    for o in loaded.objects {
        if let kubeplay_core::Object::Node(n) = &o.object {
            node_list.push(NodeInfo::from_node(n, o.line));
        } else {
            objects.push(o);
        }
    }
    Ok(Prepared {
        objects,
        nodes: node_list,
        steps: steps.unwrap_or_default(),
    })
}

fn run(
    p: Prepared,
    duration_ms: i64,
    opts: &SimulateOptions,
) -> Result<kubeplay_core::sim::Engine, JsError> {
    let start = match &opts.start {
        Some(s) => chrono_start(s)?,
        None => kubeplay_core::sim::DEFAULT_START_UNIX_MS,
    };
    let record = match opts.record.as_deref() {
        None => kubeplay_core::sim::Record::All,
        Some(r) => r
            .parse()
            .map_err(|e| JsError::new(&format!("invalid options: {e}")))?,
    };
    let options = kubeplay_core::sim::Options {
        record,
        start_unix_ms: start,
        duration: duration_ms,
        seed: opts.seed.unwrap_or(1),
        max_events: opts
            .max_events
            .unwrap_or(kubeplay_core::sim::DEFAULT_MAX_EVENTS),
    };
    let mut engine = kubeplay_core::sim::start_owned(&p.objects, p.nodes, &p.steps, &options);
    kubeplay_core::sim::resume(&mut engine, &p.steps, options.duration, &browser_resolve);
    Ok(engine)
}

fn parse_time(s: &str) -> Result<i64, JsError> {
    chrono::DateTime::parse_from_rfc3339(s)
        .map(|d| d.timestamp())
        .map_err(|e| JsError::new(&format!("invalid time {s:?}: {e} (write RFC3339)")))
}

fn cron_setup(
    schedule: &str,
    from: &str,
    tz: &str,
) -> Result<(kubeplay_core::cron::Schedule, chrono_tz::Tz, i64), JsError> {
    let zone: chrono_tz::Tz = if tz.is_empty() {
        chrono_tz::Tz::UTC
    } else {
        tz.parse()
            .map_err(|_| JsError::new(&format!("unknown time zone {tz:?}")))?
    };
    let sched =
        kubeplay_core::cron::parse_standard(schedule).map_err(|e| JsError::new(&e.to_string()))?;
    Ok((sched, zone, parse_time(from)?))
}

fn chrono_start(s: &str) -> Result<i64, JsError> {
    kubeplay_core::sim::parse_rfc3339(s).ok_or_else(|| {
        JsError::new(&format!(
            "invalid start time {s:?}: write RFC3339 like 2026-01-01T00:00:00Z"
        ))
    })
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PlaceNode<'a> {
    node: &'a str,
    should_run: bool,
    should_continue_running: bool,
    /// The upstream strings, as `kubeplay place -o json` prints them.
    reasons: Vec<&'a str>,
    /// The same reasons with their English and Korean explanations.
    explain: &'a [kubeplay_core::controllers::daemon_set::placement::Reason],
}

#[derive(Serialize)]
struct PlaceSet<'a> {
    name: &'a str,
    namespace: &'a str,
    desired: usize,
    nodes: Vec<PlaceNode<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PlaceResult<'a> {
    daemon_sets: Vec<PlaceSet<'a>>,
}

#[wasm_bindgen]
impl Playground {
    /// DaemonSet placement at time 0: `kubeplay place -o json` plus the reasons explained in en/ko.
    pub fn place(&self, manifests: &str, nodes_text: &str) -> Result<JsValue, JsError> {
        let p = prepare(manifests, nodes_text, "")?;
        let placements: Vec<_> = p
            .objects
            .iter()
            .filter_map(|l| match &l.object {
                kubeplay_core::Object::DaemonSet(ds) => Some(
                    kubeplay_core::controllers::daemon_set::placement::place(ds, &p.nodes),
                ),
                _ => None,
            })
            .collect();
        let out = PlaceResult {
            daemon_sets: placements
                .iter()
                .map(|d| PlaceSet {
                    name: &d.name,
                    namespace: &d.namespace,
                    desired: d.desired,
                    nodes: d
                        .nodes
                        .iter()
                        .map(|n| PlaceNode {
                            node: &n.node,
                            should_run: n.should_run,
                            should_continue_running: n.should_continue_running,
                            reasons: n.reasons.iter().map(|r| r.upstream).collect(),
                            explain: &n.reasons,
                        })
                        .collect(),
                })
                .collect(),
        };
        to_js(&out)
    }

    /// Runs the simulation: the same JSON as `kubeplay simulate -o json` (with `events: "split"`,
    /// the routine events packed into one string).
    pub fn simulate(
        &self,
        manifests: &str,
        nodes_text: &str,
        scenario: &str,
        options: JsValue,
    ) -> Result<JsValue, JsError> {
        let opts: SimulateOptions = if options.is_undefined() || options.is_null() {
            SimulateOptions::default()
        } else {
            serde_wasm_bindgen::from_value(options)
                .map_err(|e| JsError::new(&format!("invalid options: {e}")))?
        };
        let p = prepare(manifests, nodes_text, scenario)?;
        let ms = (opts.for_seconds.unwrap_or(3600.0).max(0.0) * 1000.0) as i64;
        // Runs kept from the calls before are freed now (`release` normally did it already, and
        // left of the last lazy run only its packed routine events).
        self.retired.borrow_mut().clear();
        self.current.borrow_mut().take();
        let engine = run(p, ms, &opts)?;
        let out = Self::timeline_to_js(&engine, &opts)?;
        if opts.events.as_deref() == Some("lazy") {
            let n = self.runs.get().wrapping_add(1);
            self.runs.set(n);
            js_sys::Reflect::set(&out, &"run".into(), &JsValue::from(n))
                .map_err(|_| JsError::new("cannot convert result: run"))?;
            *self.current.borrow_mut() = Some((n, LazyRun::Engine(Box::new(engine))));
        } else {
            // Freed after the result has been handed over (see `release`).
            self.retired.borrow_mut().push(engine);
        }
        Ok(out)
    }

    /// The routine events of `object` (`Kind/name`) that lazy run `run` left out of its result
    /// (`{seq, time, type, reason, object, message}` in the order they were recorded). An error once
    /// a later `simulate` has replaced the run.
    #[wasm_bindgen(js_name = routineEventsOf)]
    pub fn routine_events_of(&self, run: u32, object: &str) -> Result<JsValue, JsError> {
        let current = self.current.borrow();
        match current.as_ref() {
            Some((n, LazyRun::Engine(engine))) if *n == run => {
                to_js(&kubeplay_core::sim::Timeline::routine_of(engine, object))
            }
            Some((n, LazyRun::Packed(text))) if *n == run => to_js(
                &kubeplay_core::sim::timeline::routine_of_packed(text, object),
            ),
            _ => Err(JsError::new(&format!(
                "run {run} is gone: a later simulation replaced it"
            ))),
        }
    }

    /// Frees the runs `simulate` is done with; of the current lazy run it keeps only the routine
    /// events `routineEventsOf` reads, packed. Freeing a big run takes a while (8 ms for 11,000
    /// pods, about 20 ms for 32,696 in Chromium, plus packing its 160,000 routine events); the
    /// page's worker calls this after it has posted the result, so the page does not wait for it.
    /// (Not calling it only keeps the run alive until the next `simulate`, which frees it first.)
    pub fn release(&self) {
        self.retired.borrow_mut().clear();
        let mut current = self.current.borrow_mut();
        if let Some((n, LazyRun::Engine(engine))) = current.take() {
            let packed = kubeplay_core::sim::timeline::pack_lazy_routine(&engine);
            drop(engine);
            *current = Some((n, LazyRun::Packed(packed)));
        }
    }
}

impl Playground {
    /// The JS value of a run's timeline, as `simulate` returns it.
    fn timeline_to_js(
        engine: &kubeplay_core::sim::Engine,
        opts: &SimulateOptions,
    ) -> Result<JsValue, JsError> {
        // A year of CronJob runs is gigabytes of JSON: from an estimate of its size (about 200 bytes
        // an event, 400 a pod, 300 a Job), a large timeline is built object by object.
        let w = &engine.world;
        let columns_wanted = |option: &Option<String>, what: &str| match option.as_deref() {
            None | Some("objects") => Ok(false),
            Some("columns") => Ok(true),
            Some(other) => Err(JsError::new(&format!(
                "invalid options: {what} {other:?} is not one of \"objects\", \"columns\""
            ))),
        };
        // Pod columns are written from the engine's pods (PodColumns::from_engine), not from rows.
        let column_pods = columns_wanted(&opts.pods, "pods")?;
        let mut timeline = match opts.events.as_deref() {
            None | Some("all") => kubeplay_core::sim::Timeline::from_engine(engine),
            Some("split") => kubeplay_core::sim::Timeline::from_engine_split(engine),
            Some("lazy") => {
                kubeplay_core::sim::Timeline::from_engine_lazy_with(engine, !column_pods)
            }
            Some(other) => {
                return Err(JsError::new(&format!(
                    "invalid options: events {other:?} is not one of \"all\", \"split\", \"lazy\""
                )))
            }
        };
        // The packed routine events cross as one JS string of their own: inside the JSON text they
        // would be escaped, then scanned again by JSON.parse.
        let routine = timeline.routine_events.take();
        let kept_events = if timeline.event_count.is_some() {
            timeline.events.len()
        } else {
            w.events.len()
        };
        if column_pods {
            timeline.pods.clear();
        }
        let column_nodes = if columns_wanted(&opts.nodes, "nodes")? {
            Some(std::mem::take(&mut timeline.nodes))
        } else {
            None
        };
        let out = if 200 * kept_events + 400 * timeline.pods.len() + 300 * timeline.jobs.len()
            > JSON_LIMIT
        {
            to_js_objects(&timeline)?
        } else {
            to_js(&timeline)?
        };
        let set = |obj: &JsValue, key: &str, value: &JsValue| {
            js_sys::Reflect::set(obj, &key.into(), value)
                .map(drop)
                .map_err(|_| JsError::new(&format!("cannot convert result: {key}")))
        };
        let table = |cols: &JsValue, t: &columns::StringTable<'_>| -> Result<(), JsError> {
            set(cols, "strings", &JsValue::from_str(&t.strings))?;
            set(
                cols,
                "offsets",
                &js_sys::Uint32Array::from(&t.offsets[..]).into(),
            )
        };
        if column_pods {
            let c = columns::PodColumns::from_engine(engine);
            let cols = JsValue::from(js_sys::Object::new());
            set(&cols, "stride", &JsValue::from(columns::STRIDE as u32))?;
            table(&cols, &c.table)?;
            set(
                &cols,
                "fields",
                &js_sys::Int32Array::from(&c.fields[..]).into(),
            )?;
            set(
                &cols,
                "requests",
                &js_sys::Float64Array::from(&c.requests[..]).into(),
            )?;
            set(&cols, "owners", &to_js(&c.owners)?)?;
            set(&out, "podColumns", &cols)?;
        }
        if let Some(nodes) = &column_nodes {
            let c = columns::NodeColumns::new(nodes);
            let cols = JsValue::from(js_sys::Object::new());
            set(&cols, "stride", &JsValue::from(columns::NODE_STRIDE as u32))?;
            table(&cols, &c.table)?;
            set(
                &cols,
                "fields",
                &js_sys::Float64Array::from(&c.fields[..]).into(),
            )?;
            set(
                &cols,
                "lists",
                &js_sys::Float64Array::from(&c.lists[..]).into(),
            )?;
            set(&out, "nodeColumns", &cols)?;
        }
        if let Some(text) = routine {
            js_sys::Reflect::set(&out, &"routineEvents".into(), &JsValue::from_str(&text))
                .map_err(|_| JsError::new("cannot convert result: routineEvents"))?;
        }
        Ok(out)
    }
}

#[wasm_bindgen]
impl Playground {
    /// `kubectl get KIND [-o wide]` (all namespaces) at `at_seconds` into the simulation.
    pub fn get(
        &self,
        kind: &str,
        manifests: &str,
        nodes_text: &str,
        scenario: &str,
        at_seconds: f64,
        wide: bool,
    ) -> Result<String, JsError> {
        let at = (at_seconds.max(0.0) * 1000.0) as i64;
        let inputs = (
            manifests.to_string(),
            nodes_text.to_string(),
            scenario.to_string(),
        );
        let record = kubeplay_core::printers::resolve_kind(kind).map_or(
            kubeplay_core::sim::Record::All,
            kubeplay_core::sim::Record::for_table,
        );
        let mut caches = self.snapshots.borrow_mut();
        let cache = &mut caches[usize::from(record == kubeplay_core::sim::Record::Jobs)];
        if cache.as_ref().is_none_or(|c| c.inputs != inputs) {
            let p = prepare(manifests, nodes_text, scenario)?;
            let opts = kubeplay_core::sim::Options {
                record,
                ..Default::default()
            };
            let start = kubeplay_core::sim::start(&p.objects, &p.nodes, &p.steps, &opts);
            *cache = Some(Snapshots {
                inputs,
                steps: p.steps,
                engines: vec![start],
            });
        }
        let Some(c) = cache.as_mut() else {
            return Err(JsError::new("no simulation"));
        };
        // Resume from the latest kept moment not after `at` (running on from a moment gives the
        // same world as running from 0: kubeplay_core::sim::resume).
        let base = c
            .engines
            .iter()
            .rposition(|e| e.world.now <= at)
            .unwrap_or(0);
        let mut engine = c.engines[base].clone();
        kubeplay_core::sim::resume(&mut engine, &c.steps, at, &browser_resolve);
        let out = kubeplay_core::printers::get(kind, &engine.world, None, wide)
            .map_err(|e| JsError::new(&e));
        if engine.world.now != c.engines[base].world.now {
            let pos = c
                .engines
                .partition_point(|e| e.world.now <= engine.world.now);
            c.engines.insert(pos, engine);
            if c.engines.len() > MAX_SNAPSHOTS + 1 {
                // Keep time 0 and the newest moments around the scrubber: drop the oldest other one.
                let drop = if pos == 1 { 2 } else { 1 };
                c.engines.remove(drop);
            }
        }
        out
    }

    /// The next `n` run times of a schedule after `from` (RFC3339) in zone `tz` (IANA name, "" = UTC).
    #[wasm_bindgen(js_name = cronNext)]
    pub fn cron_next(
        &self,
        schedule: &str,
        from: &str,
        tz: &str,
        n: u32,
    ) -> Result<JsValue, JsError> {
        let (sched, zone, mut t) = cron_setup(schedule, from, tz)?;
        let mut out = Vec::new();
        for _ in 0..n.min(10_000) {
            match sched.next_unix(t, zone) {
                Some(next) => {
                    t = next;
                    let dt = chrono::DateTime::from_timestamp(next, 0)
                        .unwrap_or_default()
                        .with_timezone(&zone);
                    out.push(dt.to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
                }
                None => break,
            }
        }
        to_js(&out)
    }

    /// How many times a schedule fires in `[from, to)`: the `cron next` throughput benchmark.
    #[wasm_bindgen(js_name = cronCount)]
    pub fn cron_count(
        &self,
        schedule: &str,
        from: &str,
        to: &str,
        tz: &str,
    ) -> Result<u32, JsError> {
        let (sched, zone, mut t) = cron_setup(schedule, from, tz)?;
        let end = parse_time(to)?;
        let mut n = 0;
        while let Some(next) = sched.next_unix(t, zone) {
            if next >= end {
                break;
            }
            n += 1;
            t = next;
        }
        Ok(n)
    }

    /// A plain-language explanation of a schedule (`lang` "en" or "ko").
    #[wasm_bindgen(js_name = cronExplain)]
    pub fn cron_explain(&self, schedule: &str, lang: &str) -> Result<String, JsError> {
        let lang = if lang == "ko" {
            kubeplay_core::cron::Lang::Ko
        } else {
            kubeplay_core::cron::Lang::En
        };
        kubeplay_core::cron::explain(schedule, lang).map_err(|e| JsError::new(&e.to_string()))
    }
}

impl Default for Playground {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use super::*;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn both_routes_give_the_same_plain_objects() {
        let v = serde_json::json!({"a": [1, null, "x\u{e9}\"y"], "b": {"c": true, "d": 2.5}});
        let text = |x: &JsValue| js_sys::JSON::stringify(x).unwrap().as_string().unwrap();
        let via_json = to_js(&v).map_err(JsValue::from).unwrap();
        let via_objects = to_js_objects(&v).map_err(JsValue::from).unwrap();
        assert_eq!(text(&via_json), v.to_string());
        assert_eq!(text(&via_objects), v.to_string());
    }
}
