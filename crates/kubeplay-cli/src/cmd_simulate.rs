//! `kubeplay simulate`: runs the cluster simulation and prints its timeline as JSON (the contract other
//! tools read), as text (one line per event), or as an SVG picture of the pods over time.

use std::path::{Path, PathBuf};

use kubeplay_core::duration;
use kubeplay_core::sim::{self, scenario, Options, Timeline};

use crate::input::{self, EXIT_INVALID, EXIT_USAGE};

/// Arguments shared by `simulate` and `get`: inputs, scenario and clock.
#[derive(clap::Args, Debug, Clone)]
pub struct SimArgs {
    /// Manifest files (multi-document YAML or kind: List); `-` reads stdin.
    #[arg(short = 'f', long = "filename", required = true, num_args = 1..)]
    pub files: Vec<String>,
    /// A node table or Node manifests.
    #[arg(long)]
    pub nodes: Option<String>,
    /// Timed actions, one per line: `<offset> <command>` (kubectl syntax, `node NAME down|up`, `node add`).
    #[arg(long)]
    pub scenario: Option<String>,
    /// Wall-clock start of the simulation (RFC3339).
    #[arg(long, default_value = "2026-01-01T00:00:00Z")]
    pub start: String,
    /// Seed of the simulation's random numbers (pod name suffixes).
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Stop the run (with a SimulationTruncated warning event) after this many events; 0 = no limit.
    #[arg(long, default_value_t = kubeplay_core::sim::DEFAULT_MAX_EVENTS)]
    pub max_events: usize,
}

/// Arguments of `kubeplay simulate`.
#[derive(clap::Args, Debug)]
pub struct SimulateArgs {
    #[command(flatten)]
    pub sim: SimArgs,
    /// How long to simulate (Go duration).
    #[arg(long = "for", default_value = "1h")]
    pub for_: String,
    /// Output format.
    #[arg(short = 'o', long, default_value = "json", value_parser = ["json", "text", "svg"])]
    pub output: String,
    /// What the timeline keeps: `all`, or `jobs` for long CronJob horizons (the Jobs, Warning events
    /// and the CronJob events other than SuccessfulCreate/SawCompletedJob/SuccessfulDelete; no pods).
    #[arg(long, default_value = "all", value_parser = ["all", "jobs"])]
    pub record: String,
}

/// Loads inputs and runs the simulation for `duration_ms`.
pub fn run_sim(args: &SimArgs, duration_ms: i64, record: sim::Record) -> Result<sim::Engine, i32> {
    let start = chrono::DateTime::parse_from_rfc3339(&args.start).map_err(|e| {
        eprintln!(
            "error: invalid --start {:?}: {e} (write RFC3339 like 2026-01-01T00:00:00Z)",
            args.start
        );
        EXIT_USAGE
    })?;
    let inputs = input::load_inputs(&args.files, args.nodes.as_deref())?;
    let (steps, base): (Vec<scenario::Step>, PathBuf) = match &args.scenario {
        Some(path) => {
            let text = input::read(path)?;
            let steps = scenario::parse(&text).map_err(|errs| {
                input::print_errors(path, &errs);
                EXIT_INVALID
            })?;
            (
                steps,
                Path::new(path)
                    .parent()
                    .map(Path::to_path_buf)
                    .unwrap_or_default(),
            )
        }
        None => (Vec::new(), PathBuf::new()),
    };
    let opts = Options {
        start_unix_ms: start.timestamp_millis(),
        duration: duration_ms,
        seed: args.seed,
        max_events: if args.max_events == 0 {
            usize::MAX
        } else {
            args.max_events
        },
        record,
    };
    let resolve = |file: &str| -> Result<String, String> {
        let p = if Path::new(file).is_absolute() {
            PathBuf::from(file)
        } else {
            base.join(file)
        };
        std::fs::read_to_string(&p)
            .map_err(|e| format!("error: the path \"{}\" cannot be read: {e}", p.display()))
    };
    let (engine, errors) = sim::run(&inputs.objects, &inputs.nodes, &steps, &opts, &resolve);
    let name = args.scenario.as_deref().unwrap_or("scenario");
    for e in &errors {
        eprintln!("{name}:{}:1: {}", e.line, e.message);
    }
    Ok(engine)
}

/// Parses a Go duration flag, exiting 2 on a bad value.
pub fn parse_duration_flag(flag: &str, v: &str) -> Result<i64, i32> {
    match duration::parse(v) {
        Ok(ms) if ms >= 0 => Ok(ms),
        Ok(_) => {
            eprintln!("error: {flag} must not be negative");
            Err(EXIT_USAGE)
        }
        Err(e) => {
            eprintln!("error: invalid {flag} {v:?}: {e}");
            Err(EXIT_USAGE)
        }
    }
}

pub fn run(args: SimulateArgs) -> i32 {
    let ms = match parse_duration_flag("--for", &args.for_) {
        Ok(ms) => ms,
        Err(c) => return c,
    };
    let record = args.record.parse().unwrap_or_default(); // clap allowed only all|jobs
    let engine = match run_sim(&args.sim, ms, record) {
        Ok(e) => e,
        Err(c) => return c,
    };
    let timeline = Timeline::from_engine(&engine);
    match args.output.as_str() {
        "json" => match serde_json::to_string_pretty(&timeline) {
            Ok(s) => println!("{s}"),
            Err(e) => {
                eprintln!("error: {e}");
                return EXIT_INVALID;
            }
        },
        "svg" => print!("{}", kubeplay_core::render::svg(&timeline)),
        _ => {
            for ev in &timeline.events {
                println!(
                    "{}  {:<7}  {:<20}  {:<40}  {}",
                    ev.time, ev.type_, ev.reason, ev.object, ev.message
                );
            }
        }
    }
    0
}
