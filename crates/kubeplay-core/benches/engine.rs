//! kubeplay's benchmarks (run by `scripts/bench.sh`, not by the tests): each workload from the issues,
//! timed natively here; `scripts/bench-browser.mjs` times the same inputs through the built wasm in
//! headless Chromium. `cargo bench -p kubeplay-core --bench engine -- --write-inputs DIR` writes the
//! inputs for the browser run.

use std::fmt::Write as _;
use std::time::Instant;

use kubeplay_core::manifest;
use kubeplay_core::nodes;
use kubeplay_core::sim::{self, scenario, Options, Record};

/// One benchmark input: manifests, nodes, scenario, how long to simulate, and the budget.
struct Workload {
    name: &'static str,
    manifests: String,
    nodes: String,
    scenario: String,
    seconds: i64,
    /// Budget in the browser (ms), from the issues.
    budget_ms: f64,
    /// What the run records: everything, or only the Jobs (the page's CronJob lanes).
    record: Record,
}

fn daemon_set(name: &str, selector: Option<(&str, &str)>, cpu: &str) -> String {
    let sel = selector.map_or(String::new(), |(k, v)| {
        format!("      nodeSelector: {{{k}: {v}}}\n")
    });
    format!(
        "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: {name}\n  namespace: kube-system\nspec:\n  selector:\n    matchLabels: {{app: {name}}}\n  template:\n    metadata:\n      labels: {{app: {name}}}\n    spec:\n{sel}      tolerations: [{{key: dedicated, operator: Exists}}]\n      containers:\n      - name: main\n        image: agent:1\n        resources: {{requests: {{cpu: {cpu}, memory: 64Mi}}}}\n---\n"
    )
}

/// 10 DaemonSets on 5,000 nodes and an hour of node churn (issue 3).
fn daemonsets_5000() -> Workload {
    let mut nodes = String::from("NAME\tLABELS\tTAINTS\tCPU\tMEMORY\n");
    for i in 0..5000 {
        let zone = ["a", "b", "c"][i % 3];
        let disk = if i % 2 == 0 { "ssd" } else { "hdd" };
        let taint = if i % 50 == 0 {
            "dedicated=infra:NoSchedule"
        } else {
            "<none>"
        };
        let _ = writeln!(
            nodes,
            "node-{i:04}\tzone={zone},disk={disk}\t{taint}\t4\t16Gi"
        );
    }
    let mut manifests = String::new();
    for d in 0..10 {
        let sel = match d % 3 {
            0 => None,
            1 => Some(("disk", "ssd")),
            _ => Some(("zone", "b")),
        };
        manifests.push_str(&daemon_set(&format!("agent-{d}"), sel, "100m"));
    }
    let mut scenario = String::new();
    for m in 0..60 {
        let n = (m * 83) % 5000;
        match m % 4 {
            0 => {
                let _ = writeln!(scenario, "{m}m node node-{n:04} down");
            }
            1 => {
                let _ = writeln!(
                    scenario,
                    "{m}m kubectl label node node-{n:04} disk=ssd --overwrite"
                );
            }
            2 => {
                let _ = writeln!(scenario, "{m}m30s kubectl delete node node-{n:04}");
            }
            _ => {
                let _ = writeln!(scenario, "{m}m node add extra-{m} disk=ssd,zone=b");
            }
        }
    }
    Workload {
        name: "daemonsets-10x5000-churn-1h",
        manifests,
        nodes,
        scenario,
        seconds: 3600,
        budget_ms: 50.0,
        record: Record::All,
    }
}

/// A Job with completions 10,000, parallelism 500 and 10% failing pods (issue 5): an Indexed Job
/// whose indexes 0-999 fail their first attempt (`kubeplay.io/exit-codes-by-index`) and are retried.
fn job_10000() -> Workload {
    let manifests = "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: big\nspec:\n  completions: 10000\n  parallelism: 500\n  completionMode: Indexed\n  backoffLimit: 100000\n  template:\n    metadata:\n      annotations:\n        kubeplay.io/duration: 20s\n        kubeplay.io/exit-codes-by-index: \"0-999=1,0\"\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: work\n        image: busybox\n".to_string();
    let mut nodes = String::from("NAME\tCPU\tPODS\n");
    for i in 0..50 {
        let _ = writeln!(nodes, "node-{i:02}\t64\t110");
    }
    Workload {
        name: "job-10000x500-10pct-failing",
        manifests,
        nodes,
        scenario: String::new(),
        seconds: 4 * 3600,
        budget_ms: 100.0,
        record: Record::All,
    }
}

/// `* * * * *` with 90s jobs for a year (issue 4).
fn cronjob_year() -> Workload {
    let manifests = "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: every-minute\nspec:\n  schedule: \"* * * * *\"\n  jobTemplate:\n    spec:\n      template:\n        metadata:\n          annotations:\n            kubeplay.io/duration: 90s\n        spec:\n          restartPolicy: Never\n          containers:\n          - name: tick\n            image: busybox\n".to_string();
    let nodes = "NAME\tCPU\nnode-a\t8\nnode-b\t8\n".to_string();
    Workload {
        name: "cronjob-every-minute-90s-1y",
        manifests,
        nodes,
        scenario: String::new(),
        seconds: 365 * 86400,
        budget_ms: f64::NAN,
        record: Record::All,
    }
}

/// The same year as the CronJob view's lanes run it (`record: 'jobs'`: Jobs and skipped runs only).
fn cronjob_year_lanes() -> Workload {
    Workload {
        name: "cronjob-every-minute-90s-1y-lanes",
        record: Record::Jobs,
        ..cronjob_year()
    }
}

fn run_once(w: &Workload) -> (f64, usize, usize) {
    let t0 = Instant::now();
    let objects = manifest::load(&w.manifests).expect("bench manifests are valid");
    let node_list = nodes::parse_nodes(&w.nodes).expect("bench nodes are valid");
    let steps = scenario::parse(&w.scenario).expect("bench scenario is valid");
    // The whole run, as the browser benchmark asks for (`maxEvents: 1e9`): no SimulationTruncated.
    let opts = Options {
        duration: w.seconds * 1000,
        max_events: usize::MAX,
        record: w.record,
        ..Default::default()
    };
    // As the page runs it (kubeplay-wasm `simulate`): the parsed nodes move into the engine.
    let mut engine = sim::start_owned(&objects, node_list, &steps, &opts);
    sim::resume(&mut engine, &steps, opts.duration, &|_| {
        Err("no files".into())
    });
    let ms = t0.elapsed().as_secs_f64() * 1000.0;
    (ms, engine.world.pods.len(), engine.world.events.len())
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let workloads = [
        daemonsets_5000(),
        job_10000(),
        cronjob_year(),
        cronjob_year_lanes(),
    ];
    if let Some(i) = args.iter().position(|a| a == "--write-inputs") {
        let dir = std::path::PathBuf::from(args.get(i + 1).expect("--write-inputs DIR"));
        std::fs::create_dir_all(&dir).expect("create dir");
        let mut index = Vec::new();
        for w in &workloads {
            for (ext, text) in [
                ("yaml", &w.manifests),
                ("nodes", &w.nodes),
                ("scenario", &w.scenario),
            ] {
                std::fs::write(dir.join(format!("{}.{ext}", w.name)), text).expect("write input");
            }
            let budget = if w.budget_ms.is_nan() {
                "null".to_string()
            } else {
                w.budget_ms.to_string()
            };
            let record = w.record.as_str();
            index.push(format!(
                "{{\"name\":\"{}\",\"seconds\":{},\"budgetMs\":{budget},\"record\":\"{record}\"}}",
                w.name, w.seconds
            ));
        }
        std::fs::write(dir.join("index.json"), format!("[{}]\n", index.join(",")))
            .expect("write index");
        return;
    }
    let filter = args.iter().skip(1).find(|a| !a.starts_with('-')).cloned();
    println!(
        "{:<34} {:>10} {:>10} {:>9} {:>9}  budget (browser)",
        "native benchmark", "best ms", "median ms", "pods", "events"
    );
    for w in &workloads {
        if filter
            .as_ref()
            .is_some_and(|f| !w.name.contains(f.as_str()))
        {
            continue;
        }
        let runs = if w.seconds > 86400 * 30 { 3 } else { 7 };
        let mut times = Vec::new();
        let mut counts = (0, 0);
        for _ in 0..runs {
            let (ms, pods, events) = run_once(w);
            times.push(ms);
            counts = (pods, events);
        }
        times.sort_by(f64::total_cmp);
        let budget = if w.budget_ms.is_nan() {
            "-".to_string()
        } else {
            format!("< {} ms", w.budget_ms)
        };
        println!(
            "{:<34} {:>10.1} {:>10.1} {:>9} {:>9}  {budget}",
            w.name,
            times[0],
            times[times.len() / 2],
            counts.0,
            counts.1
        );
    }
}
