//! Manifests in: multi-document YAML and `kind: List`, decoded strictly into k8s-openapi types the way
//! `kubectl apply` with server-side field validation `Strict` does, then validated like the API server.
//! Every error carries the `line:column` of the field it is about.

pub mod spans;
pub mod validate;

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_yaml::Value;

use crate::diag::Diagnostic;
use crate::objects::{Object, SUPPORTED};
use spans::{format_path, Seg, SpanNode};

/// One decoded object and where its document (or `List` item) starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub object: Object,
    pub line: u32,
    pub column: u32,
}

/// Everything found in a manifest text: the objects that decoded and validated, and every error.
#[derive(Debug, Clone, Default)]
pub struct LoadResult {
    pub objects: Vec<Loaded>,
    pub errors: Vec<Diagnostic>,
}

/// Loads every object of `text`, or all errors found in it (not just the first).
pub fn load(text: &str) -> Result<Vec<Loaded>, Vec<Diagnostic>> {
    let r = load_all(text);
    if r.errors.is_empty() {
        Ok(r.objects)
    } else {
        Err(r.errors)
    }
}

/// Strips serde_yaml's " at line L column C" suffix: the position is reported separately.
fn bare_message(e: &impl std::fmt::Display) -> String {
    let s = e.to_string();
    match s.find(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// Loads what it can from `text` and collects every error.
pub fn load_all(text: &str) -> LoadResult {
    let mut out = LoadResult::default();
    let docs = spans::index(text);
    for (i, de) in serde_yaml::Deserializer::from_str(text).enumerate() {
        let value = match Value::deserialize(de) {
            Ok(v) => v,
            Err(e) => {
                let (line, col) = e
                    .location()
                    .map_or((1, 1), |l| (l.line() as u32, l.column() as u32));
                out.errors.push(Diagnostic::new(
                    line,
                    col,
                    format!("yaml: {}", bare_message(&e)),
                ));
                break;
            }
        };
        let empty = SpanNode::default();
        let span = docs.get(i).unwrap_or(&empty);
        load_document(value, span, &mut out);
    }
    validate::check_duplicates(&mut out);
    out.errors.sort();
    out.errors.dedup();
    out
}

fn load_document(value: Value, span: &SpanNode, out: &mut LoadResult) {
    match value {
        Value::Null => {}
        Value::Mapping(map) => {
            let kind = map.get("kind").and_then(Value::as_str).unwrap_or_default();
            let api_version = map
                .get("apiVersion")
                .and_then(Value::as_str)
                .unwrap_or_default();
            if kind == "List" && api_version == "v1" {
                let items = map.get("items").cloned().unwrap_or(Value::Null);
                let items_span = span.get("items");
                match items {
                    Value::Sequence(items) => {
                        for (i, item) in items.into_iter().enumerate() {
                            let empty = SpanNode {
                                pos: span.pos,
                                ..Default::default()
                            };
                            let s = items_span.and_then(|s| s.items.get(i)).unwrap_or(&empty);
                            load_object(Value::Mapping(Default::default()), item, s, out);
                        }
                    }
                    Value::Null => {}
                    _ => {
                        let (l, c) = span.locate(&[Seg::Key("items".into())], false);
                        out.errors.push(Diagnostic::new(
                            l,
                            c,
                            "items: Invalid value: a List's items must be a sequence",
                        ));
                    }
                }
            } else {
                load_object(Value::Null, Value::Mapping(map), span, out);
            }
        }
        _ => {
            let (l, c) = span.pos;
            out.errors.push(Diagnostic::new(
                l.max(1),
                c.max(1),
                "a manifest document must be a mapping with apiVersion, kind and metadata",
            ));
        }
    }
}

fn load_object(_parent: Value, value: Value, span: &SpanNode, out: &mut LoadResult) {
    let (line, column) = (span.pos.0.max(1), span.pos.1.max(1));
    let Value::Mapping(map) = &value else {
        out.errors.push(Diagnostic::new(
            line,
            column,
            "a List item must be a mapping with apiVersion and kind",
        ));
        return;
    };
    let kind = map.get("kind").and_then(Value::as_str);
    let api_version = map.get("apiVersion").and_then(Value::as_str);
    let (api_version, kind) = match (api_version, kind) {
        (Some(a), Some(k)) => (a.to_string(), k.to_string()),
        (a, k) => {
            let mut missing = Vec::new();
            if a.is_none() {
                missing.push("apiVersion not set");
            }
            if k.is_none() {
                missing.push("kind not set");
            }
            out.errors.push(Diagnostic::new(
                line,
                column,
                format!("error validating data: [{}]", missing.join(", ")),
            ));
            return;
        }
    };
    if !SUPPORTED.contains(&(api_version.as_str(), kind.as_str())) {
        let list: Vec<String> = SUPPORTED.iter().map(|(a, k)| format!("{a} {k}")).collect();
        let hint = SUPPORTED
            .iter()
            .find(|(_, k)| k.eq_ignore_ascii_case(&kind))
            .map(|(a, k)| format!(" (did you mean apiVersion: {a}, kind: {k}?)"))
            .unwrap_or_default();
        let (l, c) = span.locate(&[Seg::Key("kind".into())], false);
        out.errors.push(Diagnostic::new(
            l.max(1),
            c.max(1),
            format!(
                "no matches for kind \"{kind}\" in version \"{api_version}\"{hint}; kubeplay supports: {}",
                list.join(", ")
            ),
        ));
        return;
    }
    let object = match kind.as_str() {
        "Pod" => decode(value, span, out).map(Object::Pod),
        "ReplicaSet" => decode(value, span, out).map(Object::ReplicaSet),
        "Deployment" => decode(value, span, out).map(Object::Deployment),
        "DaemonSet" => decode(value, span, out).map(Object::DaemonSet),
        "StatefulSet" => decode(value, span, out).map(Object::StatefulSet),
        "Job" => decode(value, span, out).map(Object::Job),
        "CronJob" => decode(value, span, out).map(Object::CronJob),
        "ConfigMap" => decode(value, span, out).map(Object::ConfigMap),
        "PersistentVolume" => decode(value, span, out).map(Object::PersistentVolume),
        "PersistentVolumeClaim" => decode(value, span, out).map(Object::PersistentVolumeClaim),
        "StorageClass" => decode(value, span, out).map(Object::StorageClass),
        "Service" => decode(value, span, out).map(Object::Service),
        "Node" => decode(value, span, out).map(Object::Node),
        "Namespace" => decode(value, span, out).map(Object::Namespace),
        _ => None,
    };
    let Some(object) = object else { return };
    let errors = validate::validate(&object, span);
    if errors.is_empty() {
        out.objects.push(Loaded {
            object,
            line,
            column,
        });
    } else {
        out.errors.extend(errors);
    }
}

fn ignored_path(path: &serde_ignored::Path<'_>, out: &mut Vec<Seg>) {
    use serde_ignored::Path;
    match path {
        Path::Root => {}
        Path::Seq { parent, index } => {
            ignored_path(parent, out);
            out.push(Seg::Index(*index));
        }
        Path::Map { parent, key } => {
            ignored_path(parent, out);
            out.push(Seg::Key(key.clone()));
        }
        Path::Some { parent }
        | Path::NewtypeStruct { parent }
        | Path::NewtypeVariant { parent } => ignored_path(parent, out),
    }
}

/// Decodes one object strictly: unknown fields and type errors become diagnostics at their field.
fn decode<T: DeserializeOwned>(value: Value, span: &SpanNode, out: &mut LoadResult) -> Option<T> {
    let mut unknown: Vec<Vec<Seg>> = Vec::new();
    let result: Result<T, _> = {
        let mut record = |path: serde_ignored::Path<'_>| {
            let mut segs = Vec::new();
            ignored_path(&path, &mut segs);
            unknown.push(segs);
        };
        // One callback type for every kind, so each k8s-openapi type's Deserialize is instantiated once
        // (a closure type per `T` multiplied the wasm size by ~10).
        let mut record: &mut dyn FnMut(serde_ignored::Path<'_>) = &mut record;
        let de = serde_ignored::Deserializer::new(value, &mut record);
        serde_path_to_error::deserialize(de)
    };
    let mut ok = true;
    for segs in &unknown {
        // apiVersion/kind are read by kubeplay itself, not by the type.
        if matches!(segs.as_slice(), [Seg::Key(k)] if k == "apiVersion" || k == "kind") {
            continue;
        }
        let (l, c) = span.locate(segs, true);
        out.errors.push(Diagnostic::new(
            l,
            c,
            format!("unknown field \"{}\"", format_path(segs)),
        ));
        ok = false;
    }
    match result {
        Ok(v) if ok => Some(v),
        Ok(_) => None,
        Err(e) => {
            let segs: Vec<Seg> = e
                .path()
                .iter()
                .filter_map(|s| match s {
                    serde_path_to_error::Segment::Seq { index } => Some(Seg::Index(*index)),
                    serde_path_to_error::Segment::Map { key } => Some(Seg::Key(key.clone())),
                    _ => None,
                })
                .collect();
            let (l, c) = span.locate(&segs, false);
            let inner = bare_message(e.inner());
            let msg = if segs.is_empty() {
                inner
            } else {
                format!("{}: {inner}", format_path(&segs))
            };
            out.errors.push(Diagnostic::new(l.max(1), c.max(1), msg));
            None
        }
    }
}

/// Objects grouped by kind, for summaries.
pub fn count_by_kind(objects: &[Loaded]) -> BTreeMap<&'static str, usize> {
    let mut m = BTreeMap::new();
    for o in objects {
        *m.entry(o.object.kind()).or_insert(0) += 1;
    }
    m
}
