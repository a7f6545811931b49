//! `kubeplay check FILE... [--nodes FILE]`: validates manifests and nodes like `kubectl apply
//! --dry-run=server` would, printing `ok: N objects, M nodes` or every error as `FILE:LINE:COL: message`.

use crate::input;

/// Arguments of `kubeplay check`.
#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// Manifest files (multi-document YAML or kind: List); `-` reads stdin.
    #[arg(required = true, num_args = 1..)]
    files: Vec<String>,
    /// A node table or Node manifests.
    #[arg(long)]
    nodes: Option<String>,
}

pub fn run(args: CheckArgs) -> i32 {
    match input::load_inputs(&args.files, args.nodes.as_deref()) {
        Ok(i) => {
            let plural =
                |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
            println!(
                "ok: {}, {}",
                plural(i.objects.len(), "object"),
                plural(i.nodes.len(), "node")
            );
            0
        }
        Err(code) => code,
    }
}
