//! The NodeAffinity plugin (pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go) and the
//! matching it relies on (staging/src/k8s.io/component-helpers/scheduling/corev1/nodeaffinity/
//! nodeaffinity.go, and `labels.Requirement` / `fields.Selector` of apimachinery):
//!
//! - `spec.nodeSelector` AND `requiredDuringSchedulingIgnoredDuringExecution`;
//! - terms are ORed, the requirements inside a term ANDed; a term with neither `matchExpressions` nor
//!   `matchFields` matches nothing, so does an empty (or nil) term list;
//! - `matchExpressions` operators In, NotIn, Exists, DoesNotExist, Gt, Lt (Gt/Lt compare int64s);
//! - `matchFields` supports In and NotIn with exactly one value; the only node field is `metadata.name`;
//! - a requirement that does not parse (bad key, wrong number of values, unknown operator) makes its
//!   term match nothing, and other terms still count (`LazyErrorNodeSelector`).
//!
//! The PreFilter turns `matchFields metadata.name In [...]` into the set of candidate nodes.

use std::collections::BTreeMap;

use k8s_openapi::api::core::v1::{Affinity, NodeSelectorRequirement, NodeSelectorTerm, PodSpec};

use super::{FilterFailure, PreFilter};
use crate::nodes::NodeInfo;

/// The plugin's registry name.
pub const NAME: &str = "NodeAffinity";
/// `ErrReasonPod`.
pub const ERR_REASON_POD: &str = "node(s) didn't match Pod's node affinity/selector";
/// `errReasonEnforced` (scheduler-configured `addedAffinity`, not modelled).
pub const ERR_REASON_ENFORCED: &str = "node(s) didn't match scheduler-enforced node affinity";
/// `errReasonConflict`: every term pins the pod to a set of node names and the sets are empty.
pub const ERR_REASON_CONFLICT: &str = "pod affinity terms conflict";
/// The status of nodes left out by the PreFilter result (schedule_one.go `findNodesThatFitPod`:
/// `fmt.Sprintf("node(s) didn't satisfy plugin(s) %v", sets.List(unscheduledPlugins))`).
pub const ERR_REASON_NOT_IN_PRE_FILTER_RESULT: &str =
    "node(s) didn't satisfy plugin(s) [NodeAffinity]";
/// `metav1.ObjectNameField`.
pub const OBJECT_NAME_FIELD: &str = "metadata.name";

/// A `matchExpressions` operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operator {
    In,
    NotIn,
    Exists,
    DoesNotExist,
    Gt,
    Lt,
}

/// One parsed `matchExpressions` requirement (`labels.Requirement`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelRequirement<'a> {
    pub key: &'a str,
    pub op: Operator,
    pub values: &'a [String],
    /// The value of Gt/Lt.
    pub bound: i64,
}

impl LabelRequirement<'_> {
    /// `Requirement.Matches`.
    pub fn matches(&self, labels: &BTreeMap<String, String>) -> bool {
        let have = labels.get(self.key);
        match self.op {
            Operator::In => have.is_some_and(|v| self.values.contains(v)),
            Operator::NotIn => have.is_none_or(|v| !self.values.contains(v)),
            Operator::Exists => have.is_some(),
            Operator::DoesNotExist => have.is_none(),
            Operator::Gt | Operator::Lt => match have.and_then(|v| v.parse::<i64>().ok()) {
                Some(v) if self.op == Operator::Gt => v > self.bound,
                Some(v) => v < self.bound,
                None => false,
            },
        }
    }
}

/// One parsed `matchFields` requirement: `key == value` (In) or `key != value` (NotIn).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldRequirement<'a> {
    pub key: &'a str,
    pub equal: bool,
    pub value: &'a str,
}

impl FieldRequirement<'_> {
    /// `hasTerm`/`notHasTerm.Matches` on the node's fields (`metadata.name` only).
    pub fn matches(&self, node_name: &str) -> bool {
        let have = if self.key == OBJECT_NAME_FIELD {
            node_name
        } else {
            ""
        };
        (have == self.value) == self.equal
    }
}

/// One non-empty `NodeSelectorTerm`, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term<'a> {
    /// Index of the term in `nodeSelectorTerms`.
    pub index: usize,
    pub labels: Vec<LabelRequirement<'a>>,
    pub fields: Vec<FieldRequirement<'a>>,
    /// Parse errors, worded like apimachinery's field errors; a term with errors matches nothing.
    pub errors: Vec<String>,
}

/// The first thing about a node that a term does not accept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unmet<'t, 'a> {
    Label(&'t LabelRequirement<'a>),
    Field(&'t FieldRequirement<'a>),
    Invalid(&'t str),
}

impl<'a> Term<'a> {
    /// `nodeSelectorTerm.match`.
    pub fn matches(&self, node: &NodeInfo) -> bool {
        self.first_unmet(node).is_none()
    }

    /// Why the term rejects the node, or None when it matches.
    pub fn first_unmet<'t>(&'t self, node: &NodeInfo) -> Option<Unmet<'t, 'a>> {
        if let Some(e) = self.errors.first() {
            return Some(Unmet::Invalid(e));
        }
        if let Some(r) = self.labels.iter().find(|r| !r.matches(&node.labels)) {
            return Some(Unmet::Label(r));
        }
        // A node without a name has no fields, and then matchFields is not checked.
        if node.name.is_empty() {
            return None;
        }
        self.fields
            .iter()
            .find(|r| !r.matches(&node.name))
            .map(Unmet::Field)
    }
}

/// `IsQualifiedName` for label keys: optional DNS-subdomain prefix and `/`, then a name of at most 63
/// characters of `[A-Za-z0-9-_.]` starting and ending alphanumeric.
pub fn validate_label_key(key: &str) -> Result<(), String> {
    let (prefix, name) = match key.split_once('/') {
        Some((p, n)) => (Some(p), n),
        None => (None, key),
    };
    if let Some(p) = prefix {
        if p.is_empty() {
            return Err("prefix part must be non-empty".into());
        }
        crate::manifest::validate::dns1123_subdomain(p).map_err(|m| format!("prefix part {m}"))?;
    }
    if name.is_empty() {
        return Err("name part must be non-empty".into());
    }
    if name.len() > 63 {
        return Err("name part must be no more than 63 bytes".into());
    }
    if !is_label_name(name) {
        return Err("name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end \
             with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for \
             validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
            .into());
    }
    Ok(())
}

/// `IsValidLabelValue`: empty, or at most 63 characters of `[A-Za-z0-9-_.]` starting and ending alphanumeric.
pub fn validate_label_value(value: &str) -> Result<(), String> {
    if value.is_empty() {
        return Ok(());
    }
    if value.len() > 63 {
        return Err("must be no more than 63 bytes".into());
    }
    if !is_label_name(value) {
        return Err("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or \
             '.', and must start and end with an alphanumeric character"
            .into());
    }
    Ok(())
}

fn is_label_name(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b[0].is_ascii_alphanumeric()
        && b[b.len() - 1].is_ascii_alphanumeric()
        && b.iter()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.'))
}

fn parse_label_requirement<'a>(
    r: &'a NodeSelectorRequirement,
    path: &str,
    errors: &mut Vec<String>,
) -> Option<LabelRequirement<'a>> {
    let values: &[String] = r.values.as_deref().unwrap_or_default();
    let op = match r.operator.as_str() {
        "In" => Operator::In,
        "NotIn" => Operator::NotIn,
        "Exists" => Operator::Exists,
        "DoesNotExist" => Operator::DoesNotExist,
        "Gt" => Operator::Gt,
        "Lt" => Operator::Lt,
        other => {
            errors.push(format!(
                "{path}.operator: Unsupported value: \"{other}\": supported values: \"In\", \"NotIn\", \"Exists\", \
                 \"DoesNotExist\", \"Gt\", \"Lt\""
            ));
            return None;
        }
    };
    if let Err(m) = validate_label_key(&r.key) {
        errors.push(format!("{path}.key: Invalid value: \"{}\": {m}", r.key));
        return None;
    }
    let mut bound = 0;
    match op {
        Operator::In | Operator::NotIn if values.is_empty() => {
            errors.push(format!("{path}.values: Invalid value: []: for 'in', 'notin' operators, values set can't be empty"));
            return None;
        }
        Operator::Exists | Operator::DoesNotExist if !values.is_empty() => {
            errors.push(format!(
                "{path}.values: Invalid value: {values:?}: values set must be empty for exists and does not exist"
            ));
            return None;
        }
        Operator::Gt | Operator::Lt => {
            if values.len() != 1 {
                errors.push(format!("{path}.values: Invalid value: {values:?}: for 'Gt', 'Lt' operators, exactly one value is required"));
                return None;
            }
            match values[0].parse::<i64>() {
                Ok(v) => bound = v,
                Err(_) => {
                    errors.push(format!(
                        "{path}.values[0]: Invalid value: \"{}\": for 'Gt', 'Lt' operators, the value must be an integer",
                        values[0]
                    ));
                    return None;
                }
            }
        }
        _ => {}
    }
    for (i, v) in values.iter().enumerate() {
        if let Err(m) = validate_label_value(v) {
            errors.push(format!("{path}.values[{i}]: Invalid value: \"{v}\": {m}"));
            return None;
        }
    }
    Some(LabelRequirement {
        key: &r.key,
        op,
        values,
        bound,
    })
}

fn parse_field_requirement<'a>(
    r: &'a NodeSelectorRequirement,
    path: &str,
    errors: &mut Vec<String>,
) -> Option<FieldRequirement<'a>> {
    let values: &[String] = r.values.as_deref().unwrap_or_default();
    let equal = match r.operator.as_str() {
        "In" => true,
        "NotIn" => false,
        other => {
            errors.push(format!("{path}.operator: Unsupported value: \"{other}\": supported values: \"In\", \"NotIn\""));
            return None;
        }
    };
    if values.len() != 1 {
        errors.push(format!(
            "{path}.values: Invalid value: {values:?}: must have one element"
        ));
        return None;
    }
    Some(FieldRequirement {
        key: &r.key,
        equal,
        value: &values[0],
    })
}

/// Parses a term; None for an empty term (which selects nothing).
pub fn parse_term(term: &NodeSelectorTerm, index: usize) -> Option<Term<'_>> {
    let exprs = term.match_expressions.as_deref().unwrap_or_default();
    let fields = term.match_fields.as_deref().unwrap_or_default();
    if exprs.is_empty() && fields.is_empty() {
        return None;
    }
    let mut t = Term {
        index,
        labels: Vec::new(),
        fields: Vec::new(),
        errors: Vec::new(),
    };
    for (i, r) in exprs.iter().enumerate() {
        let path = format!("nodeSelectorTerms[{index}].matchExpressions[{i}]");
        if let Some(r) = parse_label_requirement(r, &path, &mut t.errors) {
            t.labels.push(r);
        }
    }
    for (i, r) in fields.iter().enumerate() {
        let path = format!("nodeSelectorTerms[{index}].matchFields[{i}]");
        if let Some(r) = parse_field_requirement(r, &path, &mut t.errors) {
            t.fields.push(r);
        }
    }
    Some(t)
}

/// `RequiredNodeAffinity`: the pod's `nodeSelector` and required node affinity, parsed once.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RequiredNodeAffinity<'a> {
    /// `spec.nodeSelector` when non-empty.
    pub node_selector: Option<&'a BTreeMap<String, String>>,
    /// The non-empty terms of `requiredDuringSchedulingIgnoredDuringExecution`, when it is set
    /// (`Some(vec![])` matches no node).
    pub terms: Option<Vec<Term<'a>>>,
}

impl<'a> RequiredNodeAffinity<'a> {
    /// `GetRequiredNodeAffinity(pod)`.
    pub fn from_spec(spec: &'a PodSpec) -> Self {
        Self::new(spec.node_selector.as_ref(), spec.affinity.as_ref())
    }

    /// `NewRequiredNodeAffinity(nodeSelector, affinity)`.
    pub fn new(
        node_selector: Option<&'a BTreeMap<String, String>>,
        affinity: Option<&'a Affinity>,
    ) -> Self {
        let node_selector = node_selector.filter(|m| !m.is_empty());
        let terms = affinity
            .and_then(|a| a.node_affinity.as_ref())
            .and_then(|na| {
                na.required_during_scheduling_ignored_during_execution
                    .as_ref()
            })
            .map(|sel| {
                sel.node_selector_terms
                    .iter()
                    .enumerate()
                    .filter_map(|(i, t)| parse_term(t, i))
                    .collect()
            });
        Self {
            node_selector,
            terms,
        }
    }

    /// Whether the node's labels carry every `nodeSelector` entry.
    pub fn node_selector_matches(&self, node: &NodeInfo) -> bool {
        self.node_selector
            .is_none_or(|sel| sel.iter().all(|(k, v)| node.labels.get(k) == Some(v)))
    }

    /// Whether some required term matches (true when no required affinity is set).
    pub fn terms_match(&self, node: &NodeInfo) -> bool {
        self.terms
            .as_ref()
            .is_none_or(|terms| terms.iter().any(|t| t.matches(node)))
    }

    /// `RequiredNodeAffinity.Match`.
    pub fn matches(&self, node: &NodeInfo) -> bool {
        self.node_selector_matches(node) && self.terms_match(node)
    }
}

/// `NodeAffinity.PreFilter`: the node names every term pins the pod to (`matchFields metadata.name In`,
/// intersected within a term, united across terms), `AllNodes` as soon as one term does not pin, or
/// `pod affinity terms conflict` when the union is empty.
pub fn pre_filter(affinity: Option<&Affinity>) -> PreFilter {
    let terms = match affinity
        .and_then(|a| a.node_affinity.as_ref())
        .and_then(|na| {
            na.required_during_scheduling_ignored_during_execution
                .as_ref()
        }) {
        Some(sel) if !sel.node_selector_terms.is_empty() => &sel.node_selector_terms,
        _ => return PreFilter::AllNodes,
    };
    let mut union: Vec<String> = Vec::new();
    for t in terms {
        let mut names: Option<Vec<&String>> = None;
        for r in t.match_fields.iter().flatten() {
            if r.key == OBJECT_NAME_FIELD && r.operator == "In" {
                let values: Vec<&String> = r.values.iter().flatten().collect();
                names = Some(match names {
                    None => values,
                    Some(prev) => prev.into_iter().filter(|n| values.contains(n)).collect(),
                });
            }
        }
        match names {
            None => return PreFilter::AllNodes,
            Some(n) => union.extend(n.into_iter().cloned()),
        }
    }
    union.sort();
    union.dedup();
    if union.is_empty() {
        PreFilter::Rejected(FilterFailure::new(NAME, ERR_REASON_CONFLICT, true))
    } else {
        PreFilter::NodeNames(union)
    }
}

/// The status of a node the PreFilter result leaves out.
pub fn not_in_prefilter_result() -> FilterFailure {
    FilterFailure::new(NAME, ERR_REASON_NOT_IN_PRE_FILTER_RESULT, true)
}

/// `NodeAffinity.Filter`: UnschedulableAndUnresolvable when nodeSelector or required affinity does not match.
pub fn filter(affinity: &RequiredNodeAffinity<'_>, node: &NodeInfo) -> Result<(), FilterFailure> {
    if affinity.matches(node) {
        Ok(())
    } else {
        Err(FilterFailure::new(NAME, ERR_REASON_POD, true))
    }
}

/// `PreferredSchedulingTerms.Score`: the sum of the weights of the preferred terms the node matches
/// (terms with weight 0, empty terms and terms that do not parse count for nothing).
pub fn preferred_score(spec: &PodSpec, node: &NodeInfo) -> i64 {
    let Some(prefs) = spec
        .affinity
        .as_ref()
        .and_then(|a| a.node_affinity.as_ref())
        .and_then(|na| {
            na.preferred_during_scheduling_ignored_during_execution
                .as_ref()
        })
    else {
        return 0;
    };
    prefs
        .iter()
        .enumerate()
        .filter(|(_, p)| p.weight != 0)
        .filter_map(|(i, p)| parse_term(&p.preference, i).map(|t| (t, p.weight)))
        .filter(|(t, _)| t.matches(node))
        .map(|(_, w)| i64::from(w))
        .sum()
}

#[cfg(test)]
mod tests {
    use k8s_openapi::api::core::v1::{NodeAffinity, NodeSelector, PreferredSchedulingTerm};

    use super::super::test_util::node;
    use super::*;

    fn req(key: &str, op: &str, values: &[&str]) -> NodeSelectorRequirement {
        NodeSelectorRequirement {
            key: key.into(),
            operator: op.into(),
            values: if values.is_empty() {
                None
            } else {
                Some(values.iter().map(|v| v.to_string()).collect())
            },
        }
    }

    fn exprs(rs: Vec<NodeSelectorRequirement>) -> NodeSelectorTerm {
        NodeSelectorTerm {
            match_expressions: Some(rs),
            match_fields: None,
        }
    }

    fn fields(rs: Vec<NodeSelectorRequirement>) -> NodeSelectorTerm {
        NodeSelectorTerm {
            match_expressions: None,
            match_fields: Some(rs),
        }
    }

    fn both(e: Vec<NodeSelectorRequirement>, f: Vec<NodeSelectorRequirement>) -> NodeSelectorTerm {
        NodeSelectorTerm {
            match_expressions: Some(e),
            match_fields: Some(f),
        }
    }

    fn required(terms: Vec<NodeSelectorTerm>) -> Affinity {
        Affinity {
            node_affinity: Some(NodeAffinity {
                required_during_scheduling_ignored_during_execution: Some(NodeSelector {
                    node_selector_terms: terms,
                }),
                ..Default::default()
            }),
            ..Default::default()
        }
    }

    fn labelled(name: &str, labels: &[(&str, &str)]) -> NodeInfo {
        let mut n = node(name);
        n.labels = labels
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        n
    }

    fn sel(kv: &[(&str, &str)]) -> Option<BTreeMap<String, String>> {
        Some(
            kv.iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    /// nodeaffinity_test.go TestPodMatchesNodeSelectorAndAffinityTerms and node_affinity_test.go TestNodeAffinity.
    #[test]
    fn node_selector_and_affinity_table() {
        struct Case {
            name: &'static str,
            node_selector: Option<BTreeMap<String, String>>,
            affinity: Option<Affinity>,
            labels: &'static [(&'static str, &'static str)],
            node_name: &'static str,
            want: bool,
        }
        let c = |name, node_selector, affinity, labels, want| Case {
            name,
            node_selector,
            affinity,
            labels,
            node_name: "node_1",
            want,
        };
        let named = |name, affinity, labels, node_name, want| Case {
            name,
            node_selector: None,
            affinity: Some(affinity),
            labels,
            node_name,
            want,
        };
        let name_in = |n: &str| req(OBJECT_NAME_FIELD, "In", &[n]);
        #[rustfmt::skip]
        let cases = vec![
            c("no selector", None, None, &[], true),
            c("missing labels", sel(&[("foo", "bar")]), None, &[], false),
            c("same labels", sel(&[("foo", "bar")]), None, &[("foo", "bar")], true),
            c("node labels are superset", sel(&[("foo", "bar")]), None, &[("foo", "bar"), ("baz", "blah")], true),
            c("node labels are subset", sel(&[("foo", "bar"), ("baz", "blah")]), None, &[("foo", "bar")], false),
            c("empty nodeSelector map selects everything", sel(&[]), None, &[], true),
            c("In matches", None, Some(required(vec![exprs(vec![req("foo", "In", &["bar", "value2"])])])), &[("foo", "bar")], true),
            c("Gt matches (leading zeros parse)", None, Some(required(vec![exprs(vec![req("kernel-version", "Gt", &["0204"])])])), &[("kernel-version", "0206")], true),
            c("Gt does not match", None, Some(required(vec![exprs(vec![req("kernel-version", "Gt", &["0206"])])])), &[("kernel-version", "0204")], false),
            c("Gt on a missing label", None, Some(required(vec![exprs(vec![req("kernel-version", "Gt", &["1"])])])), &[], false),
            c("Gt on a non-numeric label", None, Some(required(vec![exprs(vec![req("kernel-version", "Gt", &["1"])])])), &[("kernel-version", "v5")], false),
            c("Gt with two values is invalid", None, Some(required(vec![exprs(vec![req("kernel-version", "Gt", &["1", "2"])])])), &[("kernel-version", "5")], false),
            c("Lt matches", None, Some(required(vec![exprs(vec![req("cores", "Lt", &["8"])])])), &[("cores", "4")], true),
            c("Lt with a non-integer bound is invalid", None, Some(required(vec![exprs(vec![req("cores", "Lt", &["eight"])])])), &[("cores", "4")], false),
            c("NotIn matches", None, Some(required(vec![exprs(vec![req("mem-type", "NotIn", &["DDR", "DDR2"])])])), &[("mem-type", "DDR3")], true),
            c("NotIn matches a missing label", None, Some(required(vec![exprs(vec![req("mem-type", "NotIn", &["DDR"])])])), &[], true),
            c("NotIn does not match", None, Some(required(vec![exprs(vec![req("mem-type", "NotIn", &["DDR", "DDR2"])])])), &[("mem-type", "DDR")], false),
            c("Exists matches", None, Some(required(vec![exprs(vec![req("GPU", "Exists", &[])])])), &[("GPU", "NVIDIA-GRID-K1")], true),
            c("Exists does not match", None, Some(required(vec![exprs(vec![req("GPU", "Exists", &[])])])), &[], false),
            c("Exists with values is invalid", None, Some(required(vec![exprs(vec![req("GPU", "Exists", &["a"])])])), &[("GPU", "a")], false),
            c("DoesNotExist matches", None, Some(required(vec![exprs(vec![req("GPU", "DoesNotExist", &[])])])), &[], true),
            c("DoesNotExist does not match", None, Some(required(vec![exprs(vec![req("GPU", "DoesNotExist", &[])])])), &[("GPU", "x")], false),
            c("In with no values is invalid", None, Some(required(vec![exprs(vec![req("foo", "In", &[])])])), &[("foo", "bar")], false),
            c("unknown operator is invalid", None, Some(required(vec![exprs(vec![req("foo", "Like", &["bar"])])])), &[("foo", "bar")], false),
            c("affinity that doesn't match the node's labels", None, Some(required(vec![exprs(vec![req("foo", "In", &["value1", "value2"])])])), &[("foo", "bar")], false),
            c("an empty []NodeSelectorTerm matches nothing", None, Some(required(vec![])), &[("foo", "bar")], false),
            c("empty MatchExpressions matches nothing", None, Some(required(vec![exprs(vec![])])), &[("foo", "bar")], false),
            c("a term with neither expressions nor fields matches nothing", None, Some(required(vec![NodeSelectorTerm::default()])), &[("foo", "bar")], false),
            c("no Affinity", None, None, &[("foo", "bar")], true),
            c("Affinity but nil NodeSelector", None, Some(Affinity { node_affinity: Some(NodeAffinity::default()), ..Default::default() }), &[("foo", "bar")], true),
            c("multiple matchExpressions ANDed, matching", None, Some(required(vec![exprs(vec![req("GPU", "Exists", &[]), req("GPU", "NotIn", &["AMD", "INTER"])])])), &[("GPU", "NVIDIA-GRID-K1")], true),
            c("multiple matchExpressions ANDed, not matching", None, Some(required(vec![exprs(vec![req("GPU", "Exists", &[]), req("GPU", "In", &["AMD", "INTER"])])])), &[("GPU", "NVIDIA-GRID-K1")], false),
            c("multiple NodeSelectorTerms ORed", None, Some(required(vec![exprs(vec![req("foo", "In", &["bar", "value2"])]), exprs(vec![req("diffkey", "In", &["wrong", "value2"])])])), &[("foo", "bar")], true),
            c("Affinity and nodeSelector both match", sel(&[("foo", "bar")]), Some(required(vec![exprs(vec![req("foo", "Exists", &[])])])), &[("foo", "bar")], true),
            c("Affinity matches but nodeSelector doesn't", sel(&[("foo", "bar")]), Some(required(vec![exprs(vec![req("foo", "Exists", &[])])])), &[("foo", "barrrrrr")], false),
            c("invalid value in a term", None, Some(required(vec![exprs(vec![req("foo", "NotIn", &["invalid value: ___@#$%^"])])])), &[("foo", "bar")], false),
            c("invalid key in one term, another term matches", None, Some(required(vec![exprs(vec![req("invalid key", "In", &["v"])]), exprs(vec![req("foo", "In", &["bar"])])])), &[("foo", "bar")], true),
            named("matchFields In matches", required(vec![fields(vec![name_in("node_1")])]), &[], "node_1", true),
            named("matchFields In does not match", required(vec![fields(vec![name_in("node_1")])]), &[], "node_2", false),
            named("matchFields NotIn", required(vec![fields(vec![req(OBJECT_NAME_FIELD, "NotIn", &["node_1"])])]), &[], "node_2", true),
            named("matchFields with two values is invalid", required(vec![fields(vec![req(OBJECT_NAME_FIELD, "In", &["node_1", "node_2"])])]), &[], "node_1", false),
            named("matchFields Exists is invalid", required(vec![fields(vec![req(OBJECT_NAME_FIELD, "Exists", &[])])]), &[], "node_1", false),
            named("matchFields on another field never equals", required(vec![fields(vec![req("metadata.uid", "In", &["node_1"])])]), &[], "node_1", false),
            named("two terms: matchFields does not match, but matchExpressions matches",
                required(vec![fields(vec![name_in("node_1")]), exprs(vec![req("foo", "In", &["bar"])])]), &[("foo", "bar")], "node_2", true),
            named("one term: matchFields does not match, but matchExpressions matches",
                required(vec![both(vec![req("foo", "In", &["bar"])], vec![name_in("node_1")])]), &[("foo", "bar")], "node_2", false),
            named("one term: both matchFields and matchExpressions match",
                required(vec![both(vec![req("foo", "In", &["bar"])], vec![name_in("node_1")])]), &[("foo", "bar")], "node_1", true),
            named("two terms: both matchFields and matchExpressions do not match",
                required(vec![fields(vec![name_in("node_1")]), exprs(vec![req("foo", "In", &["not-match-to-bar"])])]), &[("foo", "bar")], "node_2", false),
        ];
        for case in cases {
            let spec = PodSpec {
                node_selector: case.node_selector.clone(),
                affinity: case.affinity.clone(),
                ..Default::default()
            };
            let n = labelled(case.node_name, case.labels);
            let a = RequiredNodeAffinity::from_spec(&spec);
            assert_eq!(a.matches(&n), case.want, "{}", case.name);
            let f = filter(&a, &n);
            assert_eq!(f.is_ok(), case.want, "{}", case.name);
            if let Err(f) = f {
                assert_eq!(f, FilterFailure::new(NAME, ERR_REASON_POD, true));
            }
        }
    }

    /// node_affinity_test.go TestNodeAffinity: the PreFilter results.
    #[test]
    fn pre_filter_table() {
        let spec = |a: Option<Affinity>| PodSpec {
            affinity: a,
            ..Default::default()
        };
        let name_in = |ns: &[&str]| req(OBJECT_NAME_FIELD, "In", ns);
        let names = |ns: &[&str]| PreFilter::NodeNames(ns.iter().map(|s| s.to_string()).collect());
        #[rustfmt::skip]
        let cases = vec![
            ("no affinity", spec(None), PreFilter::AllNodes),
            ("no terms", spec(Some(required(vec![]))), PreFilter::AllNodes),
            ("one term pinned", spec(Some(required(vec![fields(vec![name_in(&["node1"])])]))), names(&["node1"])),
            ("two terms pinned: union", spec(Some(required(vec![fields(vec![name_in(&["node2"])]), fields(vec![name_in(&["node1"])])]))), names(&["node1", "node2"])),
            ("one term not pinned", spec(Some(required(vec![fields(vec![name_in(&["node1"])]), exprs(vec![req("foo", "In", &["bar"])])]))), PreFilter::AllNodes),
            ("intersection within a term", spec(Some(required(vec![fields(vec![name_in(&["node1", "node2"]), name_in(&["node2", "node3"])])]))), names(&["node2"])),
            ("NotIn does not pin", spec(Some(required(vec![fields(vec![req(OBJECT_NAME_FIELD, "NotIn", &["node1"])])]))), PreFilter::AllNodes),
            ("conflict", spec(Some(required(vec![fields(vec![name_in(&["node1"]), name_in(&["node2"])])]))), PreFilter::Rejected(FilterFailure::new(NAME, ERR_REASON_CONFLICT, true))),
        ];
        for (name, s, want) in cases {
            assert_eq!(pre_filter(s.affinity.as_ref()), want, "{name}");
        }
    }

    /// node_affinity_test.go TestNodeAffinityPriority: raw weights (normalized in scoring.rs).
    #[test]
    fn preferred_terms_score() {
        let pref = |w: i32, rs: Vec<NodeSelectorRequirement>| PreferredSchedulingTerm {
            weight: w,
            preference: exprs(rs),
        };
        let spec = PodSpec {
            affinity: Some(Affinity {
                node_affinity: Some(NodeAffinity {
                    preferred_during_scheduling_ignored_during_execution: Some(vec![
                        pref(2, vec![req("foo", "In", &["bar"])]),
                        pref(4, vec![req("key", "In", &["value"])]),
                        pref(
                            5,
                            vec![
                                req("foo", "In", &["bar"]),
                                req("key", "In", &["value"]),
                                req("az", "In", &["az1"]),
                            ],
                        ),
                        pref(0, vec![req("foo", "In", &["bar"])]),
                    ]),
                    ..Default::default()
                }),
                ..Default::default()
            }),
            ..Default::default()
        };
        assert_eq!(
            preferred_score(&spec, &labelled("node1", &[("foo", "bar")])),
            2
        );
        assert_eq!(
            preferred_score(&spec, &labelled("node2", &[("key", "value")])),
            4
        );
        assert_eq!(
            preferred_score(
                &spec,
                &labelled("node5", &[("foo", "bar"), ("key", "value"), ("az", "az1")])
            ),
            11
        );
        assert_eq!(preferred_score(&PodSpec::default(), &labelled("n", &[])), 0);
    }

    #[test]
    fn label_key_validation() {
        assert!(validate_label_key("kubernetes.io/hostname").is_ok());
        assert!(validate_label_key("GPU").is_ok());
        assert!(validate_label_key("invalid key").is_err());
        assert!(validate_label_key("/name").is_err());
        assert!(validate_label_key("a/b/c").is_err());
        assert!(validate_label_key("Example.COM/x").is_err());
        assert!(validate_label_value("").is_ok());
        assert!(validate_label_value("-x").is_err());
    }
}
