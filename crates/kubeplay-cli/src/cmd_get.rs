//! `kubeplay get`: runs the simulation to a moment and prints what `kubectl get KIND [NAME]`
//! (or `kubectl describe pod NAME`) would print then, columns and alignment as kubectl's.

use kubeplay_core::printers;

use crate::cmd_simulate::{parse_duration_flag, run_sim, SimArgs};
use crate::input::{EXIT_INVALID, EXIT_USAGE};

/// Arguments of `kubeplay get`.
#[derive(clap::Args, Debug)]
#[command(after_help = "Examples:
  kubeplay get pods -f app.yaml --nodes nodes.txt --at 2m
  kubeplay get ds -A -o wide -f ds.yaml --nodes nodes.txt --scenario drain.txt --at 10m
  kubeplay get pods -f app.yaml --nodes nodes.txt --at 30s --describe web-7d4b9c-x2k9p

Kinds: pods (po), daemonsets (ds), replicasets (rs), deployments (deploy), jobs, cronjobs (cj), nodes (no).
An empty list prints kubectl's \"No resources found ...\" on stderr and exits 0.
Exit codes: 0 printed, 1 invalid input or object not found, 2 usage error.")]
pub struct GetArgs {
    /// What to list, in kubectl's spellings (pods, po, ds, deploy, cronjobs, nodes, ...).
    pub kind: String,
    /// Only this object (`kubectl get KIND NAME`).
    pub name: Option<String>,
    #[command(flatten)]
    pub sim: SimArgs,
    /// The moment to look at, as a Go duration from the start of the simulation (`90s`, `1h30m`).
    #[arg(long)]
    pub at: String,
    /// `wide` adds kubectl's wide columns (IP, NODE, ... for pods).
    #[arg(short = 'o', long, value_parser = ["wide"])]
    pub output: Option<String>,
    /// The namespace to list (kubectl's default: `default`).
    #[arg(short = 'n', long)]
    pub namespace: Option<String>,
    /// List every namespace, with a NAMESPACE column.
    #[arg(short = 'A', long)]
    pub all_namespaces: bool,
    /// Print `kubectl describe pod NAME` instead of a table (KIND must be pods).
    #[arg(long, value_name = "POD")]
    pub describe: Option<String>,
}

pub fn run(args: GetArgs) -> i32 {
    let kind = match printers::resolve_kind(&args.kind) {
        Ok(k) => k,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_USAGE;
        }
    };
    if args.describe.is_some() && kind != "Pod" {
        eprintln!("error: --describe works with pods only (kubeplay get pods --describe NAME)");
        return EXIT_USAGE;
    }
    if args.all_namespaces && args.name.is_some() {
        eprintln!("error: a resource cannot be retrieved by name across all namespaces");
        return EXIT_USAGE;
    }
    let at = match parse_duration_flag("--at", &args.at) {
        Ok(ms) => ms,
        Err(c) => return c,
    };
    // --describe is for pods only (checked above), and describe reads events.
    let record = kubeplay_core::sim::Record::for_table(kind);
    let engine = match run_sim(&args.sim, at, record) {
        Ok(e) => e,
        Err(c) => return c,
    };
    let world = &engine.world;
    let namespace = args.namespace.clone().unwrap_or_else(|| "default".into());

    if let Some(pod) = &args.describe {
        return match printers::describe_pod(world, &namespace, pod) {
            Ok(text) => {
                print!("{text}");
                0
            }
            Err(e) => {
                eprintln!("{e}");
                EXIT_INVALID
            }
        };
    }

    let ns = if args.all_namespaces {
        None
    } else {
        Some(namespace.as_str())
    };
    let mut table = match printers::table(kind, world, ns, args.output.as_deref() == Some("wide")) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_USAGE;
        }
    };
    if let Some(name) = &args.name {
        table.retain_name(name);
        if table.rows.is_empty() {
            eprintln!("{}", printers::not_found_message(kind, name));
            return EXIT_INVALID;
        }
    }
    if table.rows.is_empty() {
        eprintln!("{}", printers::no_resources_message(kind, ns));
        return 0;
    }
    print!("{}", table.render());
    0
}
