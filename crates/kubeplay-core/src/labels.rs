//! Label selectors (staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go
//! `LabelSelectorAsSelector`): matchLabels AND matchExpressions (In, NotIn, Exists, DoesNotExist).

use std::collections::BTreeMap;

use k8s_openapi::apimachinery::pkg::apis::meta::v1::LabelSelector;

/// Whether `labels` satisfy `selector`. An empty selector matches everything (as for a Service or a
/// Job's manual selector); callers that must reject empty selectors check that separately.
pub fn matches(selector: &LabelSelector, labels: &BTreeMap<String, String>) -> bool {
    if let Some(ml) = &selector.match_labels {
        if !ml.iter().all(|(k, v)| labels.get(k) == Some(v)) {
            return false;
        }
    }
    if let Some(exprs) = &selector.match_expressions {
        for e in exprs {
            let values = e.values.as_deref().unwrap_or_default();
            let have = labels.get(&e.key);
            let ok = match e.operator.as_str() {
                "In" => have.is_some_and(|v| values.contains(v)),
                "NotIn" => have.is_none_or(|v| !values.contains(v)),
                "Exists" => have.is_some(),
                "DoesNotExist" => have.is_none(),
                _ => false,
            };
            if !ok {
                return false;
            }
        }
    }
    true
}

/// Whether the selector has neither matchLabels nor matchExpressions.
pub fn is_empty(selector: &LabelSelector) -> bool {
    selector.match_labels.as_ref().is_none_or(|m| m.is_empty())
        && selector
            .match_expressions
            .as_ref()
            .is_none_or(|m| m.is_empty())
}

/// Formats a selector the way kubectl prints it (`app=web,tier in (a,b)`), `<none>` when empty.
pub fn format(selector: &LabelSelector) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(ml) = &selector.match_labels {
        parts.extend(ml.iter().map(|(k, v)| format!("{k}={v}")));
    }
    if let Some(exprs) = &selector.match_expressions {
        for e in exprs {
            let vals = e.values.as_deref().unwrap_or_default().join(",");
            parts.push(match e.operator.as_str() {
                "In" => format!("{} in ({vals})", e.key),
                "NotIn" => format!("{} notin ({vals})", e.key),
                "Exists" => e.key.clone(),
                "DoesNotExist" => format!("!{}", e.key),
                op => format!("{} {op} ({vals})", e.key),
            });
        }
    }
    if parts.is_empty() {
        "<none>".into()
    } else {
        parts.join(",")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use k8s_openapi::apimachinery::pkg::apis::meta::v1::LabelSelectorRequirement;

    fn labels(kv: &[(&str, &str)]) -> BTreeMap<String, String> {
        kv.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn selector_table() {
        let req = |k: &str, op: &str, vals: &[&str]| LabelSelector {
            match_expressions: Some(vec![LabelSelectorRequirement {
                key: k.into(),
                operator: op.into(),
                values: Some(vals.iter().map(|s| s.to_string()).collect()),
            }]),
            ..Default::default()
        };
        let l = labels(&[("app", "web"), ("tier", "fe")]);
        let cases = [
            (req("app", "In", &["web", "db"]), true),
            (req("app", "In", &["db"]), false),
            (req("app", "NotIn", &["db"]), true),
            (req("zone", "NotIn", &["a"]), true),
            (req("tier", "Exists", &[]), true),
            (req("tier", "DoesNotExist", &[]), false),
            (LabelSelector::default(), true),
            (
                LabelSelector {
                    match_labels: Some([("app".into(), "web".into())].into()),
                    ..Default::default()
                },
                true,
            ),
        ];
        for (i, (sel, want)) in cases.iter().enumerate() {
            assert_eq!(matches(sel, &l), *want, "case {i}");
        }
    }
}
