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

/// Why a value did not decode into its type.
#[derive(Debug, Clone, PartialEq)]
pub enum DecodeError {
    /// Fields the type does not have (`kubectl apply`'s strict field validation).
    Unknown(Vec<Vec<Seg>>),
    /// A type error at a field path.
    Type(Vec<Seg>, String),
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Unknown(paths) => {
                let list: Vec<String> = paths
                    .iter()
                    .map(|p| format!("unknown field \"{}\"", format_path(p)))
                    .collect();
                write!(f, "strict decoding error: {}", list.join(", "))
            }
            DecodeError::Type(path, msg) if path.is_empty() => f.write_str(msg),
            DecodeError::Type(path, msg) => write!(f, "{}: {msg}", format_path(path)),
        }
    }
}

/// Collects the paths of `input` keys that `decoded` (the typed value serialized back) lacks: the
/// fields the type ignored. Null inputs are skipped (they decode to an absent field).
fn unknown_fields(input: &Value, decoded: &Value, path: &mut Vec<Seg>, out: &mut Vec<Vec<Seg>>) {
    match (input, decoded) {
        (Value::Mapping(a), Value::Mapping(b)) => {
            for (k, v) in a {
                let Some(key) = k.as_str() else { continue };
                if v.is_null() {
                    continue;
                }
                path.push(Seg::Key(key.to_string()));
                match b.get(k) {
                    Some(dv) => unknown_fields(v, dv, path, out),
                    None => out.push(path.clone()),
                }
                path.pop();
            }
        }
        (Value::Sequence(a), Value::Sequence(b)) => {
            for (i, (v, dv)) in a.iter().zip(b).enumerate() {
                path.push(Seg::Index(i));
                unknown_fields(v, dv, path, out);
                path.pop();
            }
        }
        (Value::Tagged(t), other) => unknown_fields(&t.value, other, path, out),
        _ => {}
    }
}

/// Decodes a value strictly. One generic instantiation per type serves manifests and patches alike:
/// serde_path_to_error gives type errors their path; unknown fields are the input keys missing when
/// the typed value is serialized back (k8s-openapi ignores unknown fields while decoding). This costs
/// far less wasm than wrapping the deserializer a second time to watch for ignored keys.
pub fn decode_value<T: DeserializeOwned + serde::Serialize>(
    value: Value,
) -> Result<T, DecodeError> {
    let typed: T = match serde_path_to_error::deserialize(&value) {
        Ok(t) => t,
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
            return Err(DecodeError::Type(segs, bare_message(e.inner())));
        }
    };
    let back =
        serde_yaml::to_value(&typed).map_err(|e| DecodeError::Type(Vec::new(), e.to_string()))?;
    let mut unknown = Vec::new();
    unknown_fields(&value, &back, &mut Vec::new(), &mut unknown);
    if unknown.is_empty() {
        Ok(typed)
    } else {
        Err(DecodeError::Unknown(unknown))
    }
}

/// Decodes one object strictly: unknown fields and type errors become diagnostics at their field.
fn decode<T: DeserializeOwned + serde::Serialize>(
    value: Value,
    span: &SpanNode,
    out: &mut LoadResult,
) -> Option<T> {
    match decode_value(value) {
        Ok(v) => Some(v),
        Err(DecodeError::Unknown(paths)) => {
            for segs in paths {
                let (l, c) = span.locate(&segs, true);
                out.errors.push(Diagnostic::new(
                    l.max(1),
                    c.max(1),
                    format!("unknown field \"{}\"", format_path(&segs)),
                ));
            }
            None
        }
        Err(DecodeError::Type(segs, inner)) => {
            let (l, c) = span.locate(&segs, false);
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

/// A canonical byte form of a value (maps in order, as serialized): what kubeplay hashes for
/// `pod-template-hash` and `controller-revision-hash`.
pub fn canonical_bytes<T: serde::Serialize>(value: &T) -> Vec<u8> {
    fn write(v: &Value, out: &mut Vec<u8>) {
        match v {
            Value::Null => out.extend_from_slice(b"~"),
            Value::Bool(b) => out.extend_from_slice(if *b { b"T" } else { b"F" }),
            Value::Number(n) => out.extend_from_slice(n.to_string().as_bytes()),
            Value::String(s) => {
                out.extend_from_slice(format!("{}:", s.len()).as_bytes());
                out.extend_from_slice(s.as_bytes());
            }
            Value::Sequence(items) => {
                out.push(b'[');
                for i in items {
                    write(i, out);
                    out.push(b',');
                }
                out.push(b']');
            }
            Value::Mapping(m) => {
                out.push(b'{');
                for (k, v) in m {
                    write(k, out);
                    out.push(b'=');
                    write(v, out);
                    out.push(b',');
                }
                out.push(b'}');
            }
            Value::Tagged(t) => write(&t.value, out),
        }
    }
    let mut out = Vec::new();
    if let Ok(v) = serde_yaml::to_value(value) {
        write(&v, &mut out);
    }
    out
}

/// Objects grouped by kind, for summaries.
pub fn count_by_kind(objects: &[Loaded]) -> BTreeMap<&'static str, usize> {
    let mut m = BTreeMap::new();
    for o in objects {
        *m.entry(o.object.kind()).or_insert(0) += 1;
    }
    m
}
