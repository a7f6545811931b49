//! The TaintToleration filter and score (pkg/scheduler/framework/plugins/tainttoleration), with the
//! matching rules of `Toleration.ToleratesTaint` (staging/src/k8s.io/api/core/v1/toleration.go) and
//! `FindMatchingUntoleratedTaint` (staging/src/k8s.io/component-helpers/scheduling/corev1/helpers.go).
//!
//! Only NoSchedule and NoExecute taints block scheduling; PreferNoSchedule only lowers the score.

use k8s_openapi::api::core::v1::{PodSpec, Taint, Toleration};

use super::FilterFailure;
use crate::nodes::NodeInfo;

/// The plugin's registry name.
pub const NAME: &str = "TaintToleration";
/// The filter's reason. Releases before v1.33 named the taint: `node(s) had untolerated taint {key: value}`.
pub const ERR_REASON_NOT_MATCH: &str = "node(s) had untolerated taint(s)";

/// The `TaintTolerationComparisonOperators` feature gate (alpha since v1.35, off by default): with it
/// off, a toleration with operator `Gt` or `Lt` tolerates nothing.
pub const ENABLE_COMPARISON_OPERATORS: bool = false;

/// `Toleration.ToleratesTaint`:
/// 1. an empty effect matches every effect, otherwise the effects must be equal;
/// 2. an empty key matches every key (API validation then requires operator Exists);
/// 3. `Exists` matches any value, `Equal` (or no operator) compares values;
/// 4. `Gt`/`Lt` compare canonical decimal integers (taint value > or < the toleration's), only when
///    `enable_comparison_operators`.
pub fn tolerates_taint(t: &Toleration, taint: &Taint, enable_comparison_operators: bool) -> bool {
    let effect = t.effect.as_deref().unwrap_or("");
    if !effect.is_empty() && effect != taint.effect {
        return false;
    }
    let key = t.key.as_deref().unwrap_or("");
    if !key.is_empty() && key != taint.key {
        return false;
    }
    let t_value = t.value.as_deref().unwrap_or("");
    let taint_value = taint.value.as_deref().unwrap_or("");
    match t.operator.as_deref().unwrap_or("") {
        "" | "Equal" => t_value == taint_value,
        "Exists" => true,
        op @ ("Lt" | "Gt") => {
            enable_comparison_operators && compare_numeric_values(t_value, taint_value, op == "Gt")
        }
        _ => false,
    }
}

/// `content.IsDecimalInteger`: `0`, or an optional `-` and digits without a leading zero.
fn is_decimal_integer(s: &str) -> bool {
    let digits = s.strip_prefix('-').unwrap_or(s);
    match digits.as_bytes() {
        [] => false,
        [b'0'] => digits.len() == s.len(),
        [first, rest @ ..] => (b'1'..=b'9').contains(first) && rest.iter().all(u8::is_ascii_digit),
    }
}

/// `compareNumericValues`: both values must be canonical int64s; `Gt` asks taint > toleration.
fn compare_numeric_values(toleration_val: &str, taint_val: &str, gt: bool) -> bool {
    if !is_decimal_integer(toleration_val) || !is_decimal_integer(taint_val) {
        return false;
    }
    let (Ok(t), Ok(n)) = (toleration_val.parse::<i64>(), taint_val.parse::<i64>()) else {
        return false;
    };
    if gt {
        n > t
    } else {
        n < t
    }
}

/// `TolerationsTolerateTaint` with the feature gate at its default.
pub fn tolerations_tolerate_taint(tolerations: &[Toleration], taint: &Taint) -> bool {
    tolerations
        .iter()
        .any(|t| tolerates_taint(t, taint, ENABLE_COMPARISON_OPERATORS))
}

/// `helper.DoNotScheduleTaintsFilterFunc`: NoSchedule and NoExecute taints.
pub fn is_do_not_schedule(taint: &Taint) -> bool {
    taint.effect == "NoSchedule" || taint.effect == "NoExecute"
}

/// `FindMatchingUntoleratedTaint`: the first taint passing `include` that no toleration tolerates.
pub fn find_matching_untolerated_taint<'t>(
    taints: &'t [Taint],
    tolerations: &[Toleration],
    include: impl Fn(&Taint) -> bool,
) -> Option<&'t Taint> {
    taints
        .iter()
        .find(|taint| include(taint) && !tolerations_tolerate_taint(tolerations, taint))
}

/// `TaintToleration.Filter`: UnschedulableAndUnresolvable when a NoSchedule/NoExecute taint is not tolerated.
pub fn filter(pod: &PodSpec, node: &NodeInfo) -> Result<(), FilterFailure> {
    let tolerations = pod.tolerations.as_deref().unwrap_or_default();
    match find_matching_untolerated_taint(&node.taints, tolerations, is_do_not_schedule) {
        None => Ok(()),
        Some(_) => Err(FilterFailure::new(NAME, ERR_REASON_NOT_MATCH, true)),
    }
}

/// `countIntolerableTaintsPreferNoSchedule` (the raw score, lower is better): PreferNoSchedule taints
/// not tolerated by the pod's tolerations with effect PreferNoSchedule or empty.
pub fn count_intolerable_prefer_no_schedule(taints: &[Taint], tolerations: &[Toleration]) -> i64 {
    let prefer = |t: &&Toleration| {
        matches!(
            t.effect.as_deref(),
            None | Some("") | Some("PreferNoSchedule")
        )
    };
    taints
        .iter()
        .filter(|taint| taint.effect == "PreferNoSchedule")
        .filter(|taint| {
            !tolerations
                .iter()
                .filter(prefer)
                .any(|t| tolerates_taint(t, taint, ENABLE_COMPARISON_OPERATORS))
        })
        .count() as i64
}

#[cfg(test)]
mod tests {
    use super::super::test_util::*;
    use super::*;

    /// toleration_test.go TestTolerationToleratesTaint (plus the empty-effect and Exists-with-empty-key rules).
    #[test]
    fn toleration_tolerates_taint_table() {
        let sla = "node.kubernetes.io/sla";
        #[rustfmt::skip]
        let cases: &[(&str, Toleration, Taint, bool, bool)] = &[
            ("same key and effect, Exists, taint has no value", toleration("foo", "Exists", "", "NoSchedule"), taint("foo", "", "NoSchedule"), true, false),
            ("same key and effect, Exists, taint has some value", toleration("foo", "Exists", "", "NoSchedule"), taint("foo", "bar", "NoSchedule"), true, false),
            ("same effect, empty key and Exists matches all taints", toleration("", "Exists", "", "NoSchedule"), taint("foo", "bar", "NoSchedule"), true, false),
            ("same key, effect and value, Equal", toleration("foo", "Equal", "bar", "NoSchedule"), taint("foo", "bar", "NoSchedule"), true, false),
            ("same key and effect, different values, Equal", toleration("foo", "Equal", "value1", "NoSchedule"), taint("foo", "value2", "NoSchedule"), false, false),
            ("same key and value, different effects, Equal", toleration("foo", "Equal", "bar", "NoSchedule"), taint("foo", "bar", "NoExecute"), false, false),
            ("empty operator means Equal", toleration("foo", "", "bar", "NoSchedule"), taint("foo", "bar", "NoSchedule"), true, false),
            ("empty effect matches NoExecute", toleration("foo", "Equal", "bar", ""), taint("foo", "bar", "NoExecute"), true, false),
            ("empty effect matches PreferNoSchedule", toleration("foo", "Exists", "", ""), taint("foo", "x", "PreferNoSchedule"), true, false),
            ("empty key, empty effect, Exists tolerates everything", toleration("", "Exists", "", ""), taint("anything", "v", "NoExecute"), true, false),
            ("different key", toleration("foo", "Exists", "", "NoSchedule"), taint("bar", "", "NoSchedule"), false, false),
            ("Equal with empty value matches a taint without value", toleration("foo", "Equal", "", "NoSchedule"), taint("foo", "", "NoSchedule"), true, false),
            ("unknown operator", toleration("foo", "Like", "bar", "NoSchedule"), taint("foo", "bar", "NoSchedule"), false, false),
            ("Gt, taint value less than toleration value", toleration(sla, "Gt", "950", "NoSchedule"), taint(sla, "800", "NoSchedule"), false, true),
            ("Gt, taint value greater than toleration value", toleration(sla, "Gt", "750", "NoSchedule"), taint(sla, "950", "NoSchedule"), true, true),
            ("Gt with the feature gate off", toleration(sla, "Gt", "750", "NoSchedule"), taint(sla, "950", "NoSchedule"), false, false),
            ("Lt, taint value greater than toleration value", toleration(sla, "Lt", "800", "NoSchedule"), taint(sla, "950", "NoSchedule"), false, true),
            ("Lt, taint value less than toleration value", toleration(sla, "Lt", "950", "NoSchedule"), taint(sla, "800", "NoSchedule"), true, true),
            ("Gt with equal numeric values", toleration(sla, "Gt", "950", "NoSchedule"), taint(sla, "950", "NoSchedule"), false, true),
            ("Gt with non-numeric taint value", toleration(sla, "Gt", "950", "NoSchedule"), taint(sla, "high", "NoSchedule"), false, true),
            ("Gt with negative values, taint below threshold", toleration("test-key", "Gt", "-100", "NoSchedule"), taint("test-key", "-200", "NoSchedule"), false, true),
            ("Gt with large int64 values, taint below threshold", toleration("test-key", "Gt", "9223372036854775806", "NoSchedule"), taint("test-key", "100", "NoSchedule"), false, true),
        ];
        for (name, t, taint, want, gate) in cases {
            assert_eq!(tolerates_taint(t, taint, *gate), *want, "{name}");
        }
    }

    /// toleration_test.go TestCompareNumericValues.
    #[test]
    fn compare_numeric_values_table() {
        #[rustfmt::skip]
        let cases: &[(&str, &str, bool, bool)] = &[
            ("100", "200", true, true), ("200", "100", true, false), ("100", "100", true, false),
            ("-100", "-50", true, true), ("-50", "-100", true, false), ("0", "1", true, true),
            ("9223372036854775806", "9223372036854775807", true, true),
            ("200", "100", false, true), ("100", "200", false, false), ("100", "100", false, false),
            ("-50", "-100", false, true), ("-100", "-50", false, false), ("0", "-1", false, true),
            ("abc", "100", true, false), ("", "100", true, false), ("0100", "200", true, false),
            ("+100", "200", true, false), ("100.5", "200", true, false), ("-", "100", true, false),
            ("100", "xyz", true, false), ("100", "", true, false), ("100", "0200", true, false),
            ("100", "+200", false, false), ("100", " 200 ", false, false), ("0", "0", true, false),
            ("0", "0", false, false), ("0", "9223372036854775807", true, true),
            ("0", "-9223372036854775808", false, true), ("-0", "5", true, false),
        ];
        for (tol, taint, gt, want) in cases {
            assert_eq!(
                compare_numeric_values(tol, taint, *gt),
                *want,
                "{tol} {} {taint}",
                if *gt { "Gt" } else { "Lt" }
            );
        }
    }

    /// taint_toleration_test.go TestTaintTolerationFilter (current wording of the reason).
    #[test]
    fn taint_toleration_filter_table() {
        #[rustfmt::skip]
        let cases: Vec<(&str, Vec<Toleration>, Vec<Taint>, bool)> = vec![
            ("A pod having no tolerations can't be scheduled onto a node with nonempty taints",
                vec![], vec![taint("dedicated", "user1", "NoSchedule")], false),
            ("A pod which can be scheduled on a dedicated node assigned to user1 with effect NoSchedule",
                vec![toleration("dedicated", "", "user1", "NoSchedule")], vec![taint("dedicated", "user1", "NoSchedule")], true),
            ("A pod which can't be scheduled on a dedicated node assigned to user2 with effect NoSchedule",
                vec![toleration("dedicated", "Equal", "user2", "NoSchedule")], vec![taint("dedicated", "user1", "NoSchedule")], false),
            ("A pod can be scheduled onto the node, with a toleration uses operator Exists that tolerates the taints on the node",
                vec![toleration("foo", "Exists", "", "NoSchedule")], vec![taint("foo", "bar", "NoSchedule")], true),
            ("A pod has multiple tolerations, node has multiple taints, all the taints are tolerated",
                vec![toleration("dedicated", "Equal", "user2", "NoSchedule"), toleration("foo", "Exists", "", "NoSchedule")],
                vec![taint("dedicated", "user2", "NoSchedule"), taint("foo", "bar", "NoSchedule")], true),
            ("A pod has a toleration that keys and values match the taint on the node, but (non-empty) effect doesn't match",
                vec![toleration("foo", "Equal", "bar", "PreferNoSchedule")], vec![taint("foo", "bar", "NoSchedule")], false),
            ("The pod has a toleration that keys and values match the taint on the node, the effect of toleration is empty",
                vec![toleration("foo", "Equal", "bar", "")], vec![taint("foo", "bar", "NoSchedule")], true),
            ("The pod has a toleration that key and value don't match the taint on the node, but the taint is PreferNoSchedule",
                vec![toleration("dedicated", "Equal", "user2", "NoSchedule")], vec![taint("dedicated", "user1", "PreferNoSchedule")], true),
            ("The pod has no toleration, but the effect of taint on node is PreferNoSchedule",
                vec![], vec![taint("dedicated", "user1", "PreferNoSchedule")], true),
            ("NoExecute taints block scheduling too",
                vec![], vec![taint("node.kubernetes.io/not-ready", "", "NoExecute")], false),
        ];
        for (name, tolerations, taints, fits) in cases {
            let mut n = node("nodeA");
            n.taints = taints;
            let pod = PodSpec {
                tolerations: Some(tolerations),
                ..Default::default()
            };
            let got = filter(&pod, &n);
            assert_eq!(got.is_ok(), fits, "{name}");
            if let Err(f) = got {
                assert_eq!(
                    f,
                    FilterFailure::new(NAME, ERR_REASON_NOT_MATCH, true),
                    "{name}"
                );
            }
        }
    }

    /// taint_toleration_test.go TestTaintTolerationScore: raw counts (normalized in scoring.rs).
    #[test]
    fn intolerable_prefer_no_schedule_count() {
        let tolerations = [toleration("foo", "Equal", "bar", "PreferNoSchedule")];
        assert_eq!(
            count_intolerable_prefer_no_schedule(
                &[taint("foo", "bar", "PreferNoSchedule")],
                &tolerations
            ),
            0
        );
        assert_eq!(
            count_intolerable_prefer_no_schedule(
                &[taint("foo", "blah", "PreferNoSchedule")],
                &tolerations
            ),
            1
        );
        let two = [
            taint("cpu-type", "arm64", "PreferNoSchedule"),
            taint("disk-type", "ssd", "PreferNoSchedule"),
        ];
        assert_eq!(count_intolerable_prefer_no_schedule(&two, &tolerations), 2);
        // Tolerations with effect NoSchedule are ignored by the score.
        let no_schedule = [toleration("cpu-type", "Equal", "arm64", "NoSchedule")];
        assert_eq!(
            count_intolerable_prefer_no_schedule(&two[..1], &no_schedule),
            1
        );
        assert_eq!(
            count_intolerable_prefer_no_schedule(&[taint("cpu-type", "arm64", "NoSchedule")], &[]),
            0
        );
    }
}
