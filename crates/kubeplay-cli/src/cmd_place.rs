//! `kubeplay place -f FILE... [--nodes FILE] [-o text|json]`: for each DaemonSet, which nodes should run
//! its pod and why the others should not, as the DaemonSet controller decides it
//! (`NodeShouldRunDaemonPod`, see `kubeplay_core::controllers::daemon_set::placement`).
//!
//! `-o json` prints `{"daemonSets":[{"name","namespace","desired","nodes":[{"node","shouldRun",
//! "shouldContinueRunning","reasons":[...]}]}]}` with nodes in name order and the upstream reason texts.
//! Exit codes: 0 ok, 1 invalid input, 2 usage (unreadable file, unknown output format).

use kubeplay_core::controllers::daemon_set::placement::{self, DaemonSetPlacement};
use kubeplay_core::Object;
use serde::Serialize;

use crate::input;

/// Arguments of `kubeplay place`.
#[derive(clap::Args, Debug)]
pub struct PlaceArgs {
    /// Manifest files with DaemonSets (multi-document YAML or kind: List); `-` reads stdin.
    #[arg(short = 'f', long = "filename", required = true, num_args = 1..)]
    files: Vec<String>,
    /// A node table or Node manifests (without it the cluster has no nodes).
    #[arg(long)]
    nodes: Option<String>,
    /// Output format: text or json.
    #[arg(short = 'o', long, default_value = "text")]
    output: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsonOut<'a> {
    daemon_sets: Vec<JsonDaemonSet<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsonDaemonSet<'a> {
    name: &'a str,
    namespace: &'a str,
    desired: usize,
    nodes: Vec<JsonNode<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsonNode<'a> {
    node: &'a str,
    should_run: bool,
    should_continue_running: bool,
    reasons: Vec<&'a str>,
}

fn to_json(placements: &[DaemonSetPlacement]) -> String {
    let out = JsonOut {
        daemon_sets: placements
            .iter()
            .map(|p| JsonDaemonSet {
                name: &p.name,
                namespace: &p.namespace,
                desired: p.desired,
                nodes: p
                    .nodes
                    .iter()
                    .map(|n| JsonNode {
                        node: &n.node,
                        should_run: n.should_run,
                        should_continue_running: n.should_continue_running,
                        reasons: n.reasons.iter().map(|r| r.upstream).collect(),
                    })
                    .collect(),
            })
            .collect(),
    };
    serde_json::to_string_pretty(&out).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

fn yes_no(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}

/// One table per DaemonSet: NODE, SHOULD RUN, KEEP RUNNING, REASON (the upstream reason, then the
/// explanation on the next line), columns padded by 3 like kubectl.
fn to_text(placements: &[DaemonSetPlacement]) -> String {
    let mut out = String::new();
    if placements.is_empty() {
        out.push_str("no DaemonSets in the input\n");
        return out;
    }
    for (i, p) in placements.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&format!(
            "DaemonSet {}/{}: desired {} of {} node{}\n",
            p.namespace,
            p.name,
            p.desired,
            p.nodes.len(),
            if p.nodes.len() == 1 { "" } else { "s" }
        ));
        if p.nodes.is_empty() {
            out.push_str("  (the cluster has no nodes: pass --nodes FILE)\n");
            continue;
        }
        let headers = ["NODE", "SHOULD RUN", "KEEP RUNNING"];
        let w0 = p
            .nodes
            .iter()
            .map(|n| n.node.len())
            .chain([headers[0].len()])
            .max()
            .unwrap_or(4)
            + 3;
        let (w1, w2) = (headers[1].len() + 3, headers[2].len() + 3);
        out.push_str(&format!(
            "{:w0$}{:w1$}{:w2$}REASON\n",
            headers[0], headers[1], headers[2]
        ));
        let indent = " ".repeat(w0 + w1 + w2 + 2);
        for n in &p.nodes {
            let row = format!(
                "{:w0$}{:w1$}{:w2$}",
                n.node,
                yes_no(n.should_run),
                yes_no(n.should_continue_running)
            );
            if n.reasons.is_empty() {
                out.push_str(&format!("{row}<none>\n"));
            }
            for (j, r) in n.reasons.iter().enumerate() {
                let lead = if j == 0 {
                    row.clone()
                } else {
                    " ".repeat(w0 + w1 + w2)
                };
                out.push_str(&format!("{lead}{}\n{indent}{}\n", r.upstream, r.en));
            }
        }
    }
    out
}

pub fn run(args: PlaceArgs) -> i32 {
    let json = match args.output.as_str() {
        "text" => false,
        "json" => true,
        other => {
            eprintln!("error: unknown output format \"{other}\" (use text or json)");
            return input::EXIT_USAGE;
        }
    };
    let inputs = match input::load_inputs(&args.files, args.nodes.as_deref()) {
        Ok(i) => i,
        Err(code) => return code,
    };
    let placements: Vec<DaemonSetPlacement> = inputs
        .objects
        .iter()
        .filter_map(|l| match &l.object {
            Object::DaemonSet(ds) => Some(placement::place(ds, &inputs.nodes)),
            _ => None,
        })
        .collect();
    if json {
        println!("{}", to_json(&placements));
    } else {
        print!("{}", to_text(&placements));
    }
    0
}

#[cfg(test)]
mod tests {
    use kubeplay_core::controllers::daemon_set::placement::{NodePlacement, Reason};

    use super::*;

    fn sample() -> Vec<DaemonSetPlacement> {
        vec![DaemonSetPlacement {
            name: "agent".into(),
            namespace: "kube-system".into(),
            desired: 1,
            nodes: vec![
                NodePlacement {
                    node: "node-a".into(),
                    should_run: true,
                    should_continue_running: true,
                    reasons: vec![],
                },
                NodePlacement {
                    node: "node-b".into(),
                    should_run: false,
                    should_continue_running: true,
                    reasons: vec![Reason {
                        upstream: "node(s) had untolerated taint(s)",
                        en: "node-b has taint gpu=true:NoSchedule".into(),
                        ko: "".into(),
                    }],
                },
            ],
        }]
    }

    #[test]
    fn json_contract() {
        let v: serde_json::Value = serde_json::from_str(&to_json(&sample())).unwrap();
        let ds = &v["daemonSets"][0];
        assert_eq!(ds["name"], "agent");
        assert_eq!(ds["namespace"], "kube-system");
        assert_eq!(ds["desired"], 1);
        assert_eq!(ds["nodes"][0]["node"], "node-a");
        assert_eq!(ds["nodes"][0]["reasons"], serde_json::json!([]));
        assert_eq!(ds["nodes"][1]["shouldRun"], false);
        assert_eq!(ds["nodes"][1]["shouldContinueRunning"], true);
        assert_eq!(
            ds["nodes"][1]["reasons"][0],
            "node(s) had untolerated taint(s)"
        );
    }

    #[test]
    fn text_table() {
        let t = to_text(&sample());
        let indent = " ".repeat(39);
        let want = format!(
            "DaemonSet kube-system/agent: desired 1 of 2 nodes\n\
             NODE     SHOULD RUN   KEEP RUNNING   REASON\n\
             node-a   yes          yes            <none>\n\
             node-b   no           yes            node(s) had untolerated taint(s)\n\
             {indent}node-b has taint gpu=true:NoSchedule\n"
        );
        assert_eq!(t, want);
        assert_eq!(to_text(&[]), "no DaemonSets in the input\n");
    }
}
