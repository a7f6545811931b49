//! Reading the CLI's inputs: manifest files (`-` is stdin) and the nodes file, with every error printed
//! as `FILE:LINE:COL: message` on stderr.

use std::io::Read;

use kubeplay_core::manifest::{self, Loaded};
use kubeplay_core::nodes::{self, NodeInfo};
use kubeplay_core::Diagnostic;

/// Exit code for invalid input.
pub const EXIT_INVALID: i32 = 1;
/// Exit code for usage errors (unreadable files, bad flag values), as clap uses.
pub const EXIT_USAGE: i32 = 2;

/// Reads a file, or stdin for `-`. An unreadable file is a usage error.
pub fn read(path: &str) -> Result<String, i32> {
    let r = if path == "-" {
        let mut s = String::new();
        std::io::stdin().read_to_string(&mut s).map(|_| s)
    } else {
        std::fs::read_to_string(path)
    };
    r.map_err(|e| {
        eprintln!("error: cannot read {path}: {e}");
        EXIT_USAGE
    })
}

/// Prints diagnostics as `FILE:LINE:COL: message`.
pub fn print_errors(path: &str, errors: &[Diagnostic]) {
    let name = if path == "-" { "<stdin>" } else { path };
    for d in errors {
        eprintln!("{name}:{}:{}: {}", d.line, d.column, d.message);
    }
}

/// Everything the CLI read: objects from all manifest files, nodes from the nodes file and from Node
/// objects among the manifests.
#[derive(Debug, Default)]
pub struct Inputs {
    pub objects: Vec<Loaded>,
    pub nodes: Vec<NodeInfo>,
}

/// Loads manifests and nodes. On invalid input prints every error and returns exit code 1; on an
/// unreadable file returns 2.
pub fn load_inputs(files: &[String], nodes_file: Option<&str>) -> Result<Inputs, i32> {
    let mut inputs = Inputs::default();
    let mut failed = false;
    for f in files {
        let text = read(f)?;
        let r = manifest::load_all(&text);
        if !r.errors.is_empty() {
            print_errors(f, &r.errors);
            failed = true;
        }
        for o in r.objects {
            if let kubeplay_core::Object::Node(n) = &o.object {
                inputs.nodes.push(NodeInfo::from_node(n, o.line));
            } else {
                inputs.objects.push(o);
            }
        }
    }
    if let Some(f) = nodes_file {
        let text = read(f)?;
        match nodes::parse_nodes(&text) {
            Ok(ns) => inputs.nodes.extend(ns),
            Err(errs) => {
                print_errors(f, &errs);
                failed = true;
            }
        }
    }
    if failed {
        Err(EXIT_INVALID)
    } else {
        Ok(inputs)
    }
}
