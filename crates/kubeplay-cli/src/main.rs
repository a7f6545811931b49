//! `kubeplay`: the playground's engine on the command line, for docs, scripts and tests.
//! Exit codes: 0 success, 1 invalid input (errors as `FILE:LINE:COL: message`), 2 usage errors.

mod cmd_check;
mod cmd_cron;
mod cmd_get;
mod cmd_place;
mod cmd_simulate;
mod input;

use clap::{Parser, Subcommand};

/// See what the Kubernetes control plane would do with your manifests and nodes.
#[derive(Parser, Debug)]
#[command(name = "kubeplay", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Validate manifests (and nodes) like `kubectl apply --dry-run=server`.
    Check(cmd_check::CheckArgs),
    /// Which nodes get each DaemonSet's pod at time 0, and why the others don't.
    Place(cmd_place::PlaceArgs),
    /// CronJob schedules: next run times and plain-language explanations.
    Cron {
        #[command(subcommand)]
        cmd: cmd_cron::CronCommand,
    },
    /// Run the cluster simulation and print its timeline.
    Simulate(cmd_simulate::SimulateArgs),
    /// Print `kubectl get KIND` as it would read at a moment of the simulation.
    Get(cmd_get::GetArgs),
}

fn main() {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Check(a) => cmd_check::run(a),
        Command::Place(a) => cmd_place::run(a),
        Command::Cron { cmd } => cmd_cron::run(cmd),
        Command::Simulate(a) => cmd_simulate::run(a),
        Command::Get(a) => cmd_get::run(a),
    };
    std::process::exit(code);
}
