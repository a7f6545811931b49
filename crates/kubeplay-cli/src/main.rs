//! `kubeplay`: the playground's engine on the command line, for docs, scripts and tests.
//! Exit codes: 0 success, 1 invalid input (errors as `FILE:LINE:COL: message`), 2 usage errors.

mod cmd_check;
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
}

fn main() {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Check(a) => cmd_check::run(a),
    };
    std::process::exit(code);
}
