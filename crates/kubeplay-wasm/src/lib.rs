//! kubeplay-wasm: the thin wasm-bindgen layer the page talks to. One opaque [`Playground`] handle;
//! results cross as plain JSON-compatible objects (serde-wasm-bindgen, `json_compatible`), and every
//! error, including a panic's message, reaches JavaScript as an `Error`. No logic lives here.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use kubeplay_core::{manifest, nodes, Diagnostic, NodeInfo};

/// Turns any serializable value into a plain JS value (objects, not `Map`s).
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("cannot convert result: {e}")))
}

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

fn input_errors<'a>(source: &'static str, errs: &'a [Diagnostic]) -> impl Iterator<Item = InputError<'a>> {
    errs.iter().map(move |d| InputError { source, line: d.line, column: d.column, message: &d.message })
}

/// The playground engine, as the page sees it.
#[wasm_bindgen]
pub struct Playground {}

#[wasm_bindgen]
impl Playground {
    #[wasm_bindgen(constructor)]
    pub fn new() -> Playground {
        console_error_panic_hook::set_once();
        Playground {}
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
            errors: input_errors("manifests", &loaded.errors).chain(input_errors("nodes", &node_errs)).collect(),
        };
        to_js(&result)
    }
}

impl Default for Playground {
    fn default() -> Self {
        Self::new()
    }
}
