//! Unit tests of the Job controller: back-off delays, index strings, the failure and success
//! policies, the kubectl columns, and every way a Job ends, run through the simulation.

use std::collections::BTreeSet;

use k8s_openapi::api::batch::v1::{PodFailurePolicy, SuccessPolicy};
use serde_json::json;

use super::*;
use crate::sim::world::{Phase, SimPod};
use crate::sim::{Engine, Options};

const NODES: &str = "NAME\tCPU\nnode-a\t8\nnode-b\t8\nnode-c\t8\n";

/// A Job manifest: `spec` lines go under `spec:`, `annotations` under the template's annotations.
fn job(name: &str, spec: &str, annotations: &str, restart: &str) -> String {
    let indent = |s: &str, n: usize| {
        s.lines()
            .map(|l| format!("{}{l}\n", " ".repeat(n)))
            .collect::<String>()
    };
    let ann = if annotations.is_empty() {
        "      annotations: {}\n".to_string()
    } else {
        format!("      annotations:\n{}", indent(annotations, 8))
    };
    format!(
        "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: {name}\nspec:\n{}  template:\n    metadata:\n{ann}    spec:\n      restartPolicy: {restart}\n      containers:\n      - name: main\n        image: busybox\n",
        indent(spec, 2)
    )
}

fn run(yaml: &str, scenario: &str, seconds: i64) -> Engine {
    let objects = crate::manifest::load(yaml).unwrap_or_else(|e| panic!("manifest: {e:?}\n{yaml}"));
    let nodes = crate::nodes::parse_table(NODES).expect("nodes");
    let steps = crate::sim::scenario::parse(scenario).expect("scenario");
    let opts = Options {
        duration: seconds * 1000,
        ..Default::default()
    };
    let (e, errors) = crate::sim::run(&objects, &nodes, &steps, &opts, &|_| Err("no files".into()));
    assert!(errors.is_empty(), "{errors:?}");
    e
}

fn state<'a>(e: &'a Engine, name: &str) -> &'a State {
    &e.world
        .jobs
        .get(&("default".to_string(), name.to_string()))
        .expect("job")
        .state
}

/// The Job's pods in creation order.
fn pods<'a>(e: &'a Engine, name: &str) -> Vec<&'a SimPod> {
    let mut v: Vec<&SimPod> = e
        .world
        .pods
        .sorted()
        .filter(|p| {
            p.owner
                .as_ref()
                .is_some_and(|o| o.kind == "Job" && o.name == name)
        })
        .collect();
    v.sort_by_key(|p| p.uid);
    v
}

fn condition_types(s: &State) -> String {
    s.conditions
        .iter()
        .map(|c| format!("{}={}", c.type_, c.status))
        .collect::<Vec<_>>()
        .join(",")
}

#[test]
fn backoff_durations() {
    let cases = [
        (-1, 0),
        (0, 0),
        (1, 10_000),
        (2, 20_000),
        (3, 40_000),
        (4, 80_000),
        (5, 160_000),
        (6, 320_000),
        (7, 600_000),
        (8, 600_000),
        (1_000, 600_000),
        (i32::MAX, 600_000),
    ];
    for (failures, want) in cases {
        assert_eq!(backoff_duration(failures), want, "failures {failures}");
    }
}

#[test]
fn remaining_times() {
    // (now, failures, last failure, remaining)
    let cases = [
        (100_000, 0, Some(100_000), 0),
        (100_000, 1, None, 0),
        (100_000, 1, Some(100_000), 10_000),
        (105_000, 1, Some(100_000), 5_000),
        (110_000, 1, Some(100_000), 0),
        (200_000, 1, Some(100_000), 0),
        (100_000, 3, Some(90_000), 30_000),
        (100_000, 9, Some(100_000), 600_000),
    ];
    for (now, failures, last, want) in cases {
        assert_eq!(
            remaining_time(now, failures, last),
            want,
            "{now} {failures} {last:?}"
        );
    }
}

#[test]
fn backoff_record_updates() {
    // (before, succeeded finish times, failed finish times, after) — backoff_utils_test.go's cases.
    let rec = |n, t: Option<Millis>| BackoffRecord {
        failures_after_last_success: n,
        last_failure_time: t,
    };
    let cases = [
        ("nothing new", rec(0, None), vec![], vec![], rec(0, None)),
        (
            "a failure",
            rec(0, None),
            vec![],
            vec![10],
            rec(1, Some(10)),
        ),
        (
            "failures add up",
            rec(2, Some(5)),
            vec![],
            vec![20, 10],
            rec(4, Some(20)),
        ),
        (
            "a success resets",
            rec(3, Some(5)),
            vec![10],
            vec![],
            rec(0, None),
        ),
        (
            "failures before the success are forgotten",
            rec(3, Some(5)),
            vec![10],
            vec![7, 9],
            rec(0, None),
        ),
        (
            "failures after the success count",
            rec(3, Some(5)),
            vec![10],
            vec![7, 11, 12],
            rec(2, Some(12)),
        ),
        (
            "a failure at the success's instant is not after it",
            rec(0, None),
            vec![10],
            vec![10],
            rec(0, None),
        ),
    ];
    for (name, before, succ, fail, want) in cases {
        let mut r = before;
        r.update(succ, fail);
        assert_eq!(r, want, "{name}");
    }
}

#[test]
fn index_strings() {
    let cases: [(&str, i32, Vec<Interval>); 8] = [
        ("", 10, vec![]),
        ("0", 10, vec![(0, 0)]),
        ("0,1,2", 10, vec![(0, 2)]),
        ("1,3-5,7", 10, vec![(1, 1), (3, 5), (7, 7)]),
        ("3-20", 10, vec![(3, 9)]),
        ("2,12,4", 10, vec![(2, 2)]),
        ("x,2,-1,4-y,5", 10, vec![(2, 2), (5, 5)]),
        ("0-4", 3, vec![(0, 2)]),
    ];
    for (s, completions, want) in cases {
        assert_eq!(parse_indexes(s, completions), want, "{s:?}");
    }
    let fmt = |v: &[i32]| format_indexes(&v.iter().copied().collect::<BTreeSet<i32>>());
    assert_eq!(fmt(&[]), "");
    assert_eq!(fmt(&[0]), "0");
    assert_eq!(fmt(&[0, 1]), "0,1");
    assert_eq!(fmt(&[0, 1, 2, 5, 7, 8, 9, 11, 12]), "0-2,5,7-9,11,12");
}

#[test]
fn success_policies() {
    let set = |v: &[i32]| v.iter().copied().collect::<BTreeSet<i32>>();
    let policy = |rules: serde_json::Value| {
        serde_json::from_value::<SuccessPolicy>(json!({ "rules": rules })).expect("policy")
    };
    let cases = [
        ("no policy", None, set(&[0, 1, 2]), None),
        (
            "nothing succeeded",
            Some(policy(json!([{"succeededCount": 0}]))),
            set(&[]),
            None,
        ),
        (
            "count met",
            Some(policy(json!([{"succeededCount": 2}]))),
            set(&[3, 7]),
            Some("Matched rules at index 0"),
        ),
        (
            "count not met",
            Some(policy(json!([{"succeededCount": 3}]))),
            set(&[3, 7]),
            None,
        ),
        (
            "indexes all succeeded",
            Some(policy(json!([{"succeededIndexes": "0,2-3"}]))),
            set(&[0, 2, 3, 9]),
            Some("Matched rules at index 0"),
        ),
        (
            "indexes missing one",
            Some(policy(json!([{"succeededIndexes": "0,2-3"}]))),
            set(&[0, 3, 9]),
            None,
        ),
        (
            "indexes with a count",
            Some(policy(
                json!([{"succeededIndexes": "0-4", "succeededCount": 2}]),
            )),
            set(&[1, 4]),
            Some("Matched rules at index 0"),
        ),
        (
            "second rule",
            Some(policy(
                json!([{"succeededIndexes": "9"}, {"succeededCount": 1}]),
            )),
            set(&[1]),
            Some("Matched rules at index 1"),
        ),
        (
            "unparsable indexes are skipped",
            Some(policy(json!([{"succeededIndexes": "x"}]))),
            set(&[1]),
            None,
        ),
        (
            "out of range succeeded do not count",
            Some(policy(json!([{"succeededCount": 1}]))),
            set(&[10]),
            None,
        ),
    ];
    for (name, p, succeeded, want) in cases {
        assert_eq!(
            match_success_policy(p.as_ref(), 10, &succeeded).as_deref(),
            want,
            "{name}"
        );
    }
}

/// A real pod of a finished Job, to edit for the policy cases.
fn sample_pod() -> SimPod {
    let e = run(&job("j", "", "kubeplay.io/duration: 1s", "Never"), "", 5);
    let mut p = pods(&e, "j")[0].clone();
    p.key = crate::sim::world::ns_name(p.namespace(), "j-abcde");
    p
}

#[test]
fn pod_failure_policies() {
    let base = sample_pod();
    let failed = |code: i32| {
        let mut p = base.clone();
        p.phase = Phase::Failed;
        p.exit_code = Some(code);
        p
    };
    let disrupted = {
        let mut p = base.clone();
        p.phase = Phase::Running;
        p.exit_code = None;
        p.deleted = Some(3_000);
        p.conditions
            .push(("DisruptionTarget".into(), "EvictionByEvictionAPI".into()));
        p
    };
    let policy = |rules: serde_json::Value| {
        serde_json::from_value::<PodFailurePolicy>(json!({ "rules": rules })).expect("policy")
    };
    let fail_job_42 =
        policy(json!([{"action": "FailJob", "onExitCodes": {"operator": "In", "values": [42]}}]));
    /// (case, policy, pod, FailJob message, counted, action)
    type Case = (
        &'static str,
        Option<PodFailurePolicy>,
        SimPod,
        Option<&'static str>,
        bool,
        Option<PolicyAction>,
    );
    let cases: Vec<Case> = vec![
        ("no policy counts", None, failed(1), None, true, None),
        ("FailJob In matches", Some(fail_job_42.clone()), failed(42), Some("Container main for pod default/j-abcde failed with exit code 42 matching FailJob rule at index 0"), true, Some(PolicyAction::FailJob)),
        ("FailJob In does not match", Some(fail_job_42.clone()), failed(1), None, true, None),
        ("exit code 0 never matches NotIn", Some(policy(json!([{"action": "Ignore", "onExitCodes": {"operator": "NotIn", "values": [1]}}]))), failed(0), None, true, None),
        ("NotIn matches", Some(policy(json!([{"action": "Ignore", "onExitCodes": {"operator": "NotIn", "values": [1]}}]))), failed(2), None, false, Some(PolicyAction::Ignore)),
        ("containerName must match", Some(policy(json!([{"action": "Ignore", "onExitCodes": {"containerName": "other", "operator": "In", "values": [2]}}]))), failed(2), None, true, None),
        ("containerName of the first container", Some(policy(json!([{"action": "Count", "onExitCodes": {"containerName": "main", "operator": "In", "values": [2]}}]))), failed(2), None, true, Some(PolicyAction::Count)),
        ("FailIndex", Some(policy(json!([{"action": "FailIndex", "onExitCodes": {"operator": "In", "values": [3]}}]))), failed(3), None, true, Some(PolicyAction::FailIndex)),
        ("first matching rule wins", Some(policy(json!([{"action": "Count", "onExitCodes": {"operator": "In", "values": [5]}}, {"action": "Ignore", "onExitCodes": {"operator": "In", "values": [5]}}]))), failed(5), None, true, Some(PolicyAction::Count)),
        ("Ignore a disruption", Some(policy(json!([{"action": "Ignore", "onPodConditions": [{"type": "DisruptionTarget"}]}]))), disrupted.clone(), None, false, Some(PolicyAction::Ignore)),
        ("FailJob on a disruption", Some(policy(json!([{"action": "FailJob", "onPodConditions": [{"type": "DisruptionTarget", "status": "True"}]}]))), disrupted.clone(), Some("Pod default/j-abcde has condition DisruptionTarget matching FailJob rule at index 0"), true, Some(PolicyAction::FailJob)),
        ("condition status must match", Some(policy(json!([{"action": "Ignore", "onPodConditions": [{"type": "DisruptionTarget", "status": "False"}]}]))), disrupted.clone(), None, true, None),
        ("no terminated container on a deleted running pod", Some(policy(json!([{"action": "Ignore", "onExitCodes": {"operator": "NotIn", "values": [0]}}]))), disrupted, None, true, None),
    ];
    for (name, p, pod, msg, count, action) in cases {
        let m = match_pod_failure_policy(p.as_ref(), &pod);
        assert_eq!(m.fail_job_message.as_deref(), msg, "{name}");
        assert_eq!(m.count, count, "{name}");
        assert_eq!(m.action, action, "{name}");
    }
}

#[test]
fn exit_codes_by_index() {
    assert_eq!(
        parse_exit_codes_by_index("2=1; 4-5 = 1,1,0;bad;x=3;7"),
        vec![((2, 2), "1".to_string()), ((4, 5), "1,1,0".to_string())]
    );
    assert!(parse_exit_codes_by_index("").is_empty());
}

#[test]
fn generate_names() {
    assert_eq!(generate_name_with_index("pi", 3), "pi-3-");
    let long = "a".repeat(63);
    let g = generate_name_with_index(&long, 12);
    assert_eq!(g.len(), 58);
    assert!(g.ends_with("a-12-"));
}

#[test]
fn human_durations() {
    let cases = [
        (-3_000, "<invalid>"),
        (-1_500, "0s"),
        (0, "0s"),
        (45_000, "45s"),
        (119_999, "119s"),
        (120_000, "2m"),
        (302_000, "5m2s"),
        (600_000, "10m"),
        (3 * 3_600_000 - 1, "179m"),
        (3 * 3_600_000, "3h"),
        (7 * 3_600_000 + 59 * 60_000, "7h59m"),
        (47 * 3_600_000, "47h"),
        (4 * 86_400_000 + 22 * 3_600_000, "4d22h"),
        (8 * 86_400_000, "8d"),
        (2 * 365 * 86_400_000, "2y"),
        (3 * 365 * 86_400_000 + 20 * 86_400_000, "3y20d"),
        (9 * 365 * 86_400_000, "9y"),
    ];
    for (ms, want) in cases {
        assert_eq!(human_duration(ms), want, "{ms}");
    }
}

#[test]
fn kubectl_columns() {
    let spec = |v: serde_json::Value| -> k8s_openapi::api::batch::v1::Job {
        serde_json::from_value(json!({"metadata": {"name": "j"}, "spec": {"template": {}}}))
            .map(|mut j: k8s_openapi::api::batch::v1::Job| {
                let extra: k8s_openapi::api::batch::v1::JobSpec =
                    serde_json::from_value(json!({"template": {}})).expect("spec");
                let mut s = extra;
                if let Some(c) = v.get("completions").and_then(|c| c.as_i64()) {
                    s.completions = Some(c as i32);
                }
                if let Some(p) = v.get("parallelism").and_then(|c| c.as_i64()) {
                    s.parallelism = Some(p as i32);
                }
                j.spec = Some(s);
                j
            })
            .expect("job")
    };
    let st = State {
        succeeded: 2,
        ..Default::default()
    };
    let cases = [
        (json!({}), "2/1"),
        (json!({"completions": 5}), "2/5"),
        (json!({"completions": 5, "parallelism": 3}), "2/5"),
        (json!({"parallelism": 1}), "2/1"),
        (json!({"parallelism": 4}), "2/1 of 4"),
        (json!({"parallelism": 0}), "2/1"),
    ];
    for (v, want) in cases {
        assert_eq!(completions_column(&spec(v.clone()), &st), want, "{v}");
    }
    let cond = |t: &str, s: &str| Condition {
        type_: t.into(),
        status: s.into(),
        ..Default::default()
    };
    let status = |conds: Vec<Condition>| {
        kubectl_status(&State {
            conditions: conds,
            ..Default::default()
        })
    };
    assert_eq!(status(vec![]), "Running");
    assert_eq!(status(vec![cond("Suspended", "True")]), "Suspended");
    assert_eq!(status(vec![cond("Suspended", "False")]), "Running");
    assert_eq!(status(vec![cond("FailureTarget", "True")]), "FailureTarget");
    assert_eq!(
        status(vec![cond("FailureTarget", "True"), cond("Failed", "True")]),
        "Failed"
    );
    assert_eq!(status(vec![cond("SuccessCriteriaMet", "True")]), "Running");
    assert_eq!(
        status(vec![
            cond("SuccessCriteriaMet", "True"),
            cond("Complete", "True")
        ]),
        "Complete"
    );
    let d = |start, end| {
        duration_column(
            &State {
                start_time: start,
                completion_time: end,
                ..Default::default()
            },
            200_000,
        )
    };
    assert_eq!(d(None, None), "");
    assert_eq!(d(Some(20_000), None), "3m");
    assert_eq!(d(Some(20_000), Some(65_000)), "45s");
}

/// Every way a Job ends: (case, manifest, scenario, seconds, status, reason, conditions, message,
/// succeeded, failed).
#[test]
fn condition_paths() {
    type Case = (
        &'static str,
        String,
        &'static str,
        i64,
        &'static str,
        Option<&'static str>,
        &'static str,
        &'static str,
        i32,
        i32,
    );
    let pfp = "podFailurePolicy:\n  rules:\n  - action: FailJob\n    onExitCodes: {operator: In, values: [42]}\n";
    let cases: Vec<Case> = vec![
        ("completions reached", job("j", "completions: 2", "kubeplay.io/duration: 10s", "Never"), "", 60, "Complete", None,
         "SuccessCriteriaMet=True,Complete=True", "Reached expected number of succeeded pods", 2, 0),
        ("backoffLimit, Never", job("j", "backoffLimit: 2", "kubeplay.io/duration: 10s\nkubeplay.io/exit-codes: \"1\"", "Never"), "", 600, "Failed", Some("BackoffLimitExceeded"),
         "FailureTarget=True,Failed=True", "Job has reached the specified backoff limit", 0, 3),
        ("backoffLimit, OnFailure", job("j", "backoffLimit: 2", "kubeplay.io/duration: 10s\nkubeplay.io/exit-codes: \"1\"", "OnFailure"), "", 600, "Failed", Some("BackoffLimitExceeded"),
         "FailureTarget=True,Failed=True", "Job has reached the specified backoff limit", 0, 1),
        ("backoffLimit 0, OnFailure", job("j", "backoffLimit: 0", "kubeplay.io/duration: 10s\nkubeplay.io/exit-codes: \"1\"", "OnFailure"), "", 600, "Failed", Some("BackoffLimitExceeded"),
         "FailureTarget=True,Failed=True", "Job has reached the specified backoff limit", 0, 1),
        ("activeDeadlineSeconds", job("j", "activeDeadlineSeconds: 15", "kubeplay.io/duration: 30s", "Never"), "", 60, "Failed", Some("DeadlineExceeded"),
         "FailureTarget=True,Failed=True", "Job was active longer than specified deadline", 0, 1),
        ("podFailurePolicy FailJob", job("j", &format!("completions: 3\n{pfp}"), "kubeplay.io/duration: 10s\nkubeplay.io/exit-codes: \"0,42\"", "Never"), "", 60, "Failed", Some("PodFailurePolicy"),
         "FailureTarget=True,Failed=True", "Container main for pod default/j-", 1, 1),
        ("failed indexes", job("j", "completions: 3\nparallelism: 3\ncompletionMode: Indexed\nbackoffLimitPerIndex: 1", "kubeplay.io/duration: 10s\nkubeplay.io/exit-codes-by-index: \"1=1\"", "Never"), "", 120, "Failed", Some("FailedIndexes"),
         "FailureTarget=True,Failed=True", "Job has failed indexes", 2, 2),
        ("FailIndex", job("j", "completions: 3\nparallelism: 3\ncompletionMode: Indexed\nbackoffLimitPerIndex: 5\npodFailurePolicy:\n  rules:\n  - action: FailIndex\n    onExitCodes: {operator: In, values: [3]}", "kubeplay.io/duration: 10s\nkubeplay.io/exit-codes-by-index: \"1=3\"", "Never"), "", 120, "Failed", Some("FailedIndexes"),
         "FailureTarget=True,Failed=True", "Job has failed indexes", 2, 1),
        ("maxFailedIndexes", job("j", "completions: 4\nparallelism: 4\ncompletionMode: Indexed\nbackoffLimitPerIndex: 0\nmaxFailedIndexes: 1", "kubeplay.io/duration: 10s\nkubeplay.io/exit-codes-by-index: \"1=1;2=1\"", "Never"), "", 120, "Failed", Some("MaxFailedIndexesExceeded"),
         "FailureTarget=True,Failed=True", "Job has exceeded the specified maximal number of failed indexes", 2, 2),
        ("successPolicy", job("j", "completions: 5\nparallelism: 2\ncompletionMode: Indexed\nsuccessPolicy:\n  rules:\n  - succeededIndexes: \"3\"\n  - succeededCount: 2", "kubeplay.io/duration: 10s", "Never"), "", 120, "Complete", Some("SuccessPolicy"),
         "SuccessCriteriaMet=True,Complete=True", "Matched rules at index 1", 2, 0),
        ("work queue", job("j", "parallelism: 3", "kubeplay.io/duration: 10s", "Never"), "", 60, "Complete", None,
         "SuccessCriteriaMet=True,Complete=True", "Reached expected number of succeeded pods", 3, 0),
        ("suspended", job("j", "suspend: true", "", "Never"), "", 60, "Suspended", None, "Suspended=True", "", 0, 0),
        ("resumed", job("j", "suspend: true", "kubeplay.io/duration: 10s", "Never"), "20s kubectl patch job j -p '{\"spec\":{\"suspend\":false}}'", 60, "Complete", None,
         "Suspended=False,SuccessCriteriaMet=True,Complete=True", "Reached expected number of succeeded pods", 1, 0),
        ("paused by parallelism 0", job("j", "completions: 2\nparallelism: 0", "", "Never"), "", 60, "Running", None, "", "", 0, 0),
    ];
    for (name, yaml, scenario, secs, status, reason, conds, message, succeeded, failed) in cases {
        let e = run(&yaml, scenario, secs);
        let s = state(&e, "j");
        assert_eq!(s.status, status, "{name}");
        assert_eq!(s.reason.as_deref(), reason, "{name}");
        assert_eq!(condition_types(s), conds, "{name}");
        let last = s
            .conditions
            .last()
            .map(|c| c.message.as_str())
            .unwrap_or_default();
        assert!(last.starts_with(message), "{name}: {last:?}");
        assert_eq!((s.succeeded, s.failed), (succeeded, failed), "{name}");
        if let Some(r) = reason {
            let warning = e
                .world
                .events
                .iter()
                .any(|ev| ev.type_ == "Warning" && ev.reason == r && ev.object_is("Job/j"));
            let normal = e
                .world
                .events
                .iter()
                .any(|ev| ev.reason == "Completed" && ev.message == "Job completed");
            assert!(
                warning || (status == "Complete" && normal),
                "{name}: no event"
            );
        }
        if status == "Complete" {
            assert_eq!(s.completion_time, s.finish_time, "{name}");
            assert!(
                e.world
                    .events
                    .iter()
                    .any(|ev| ev.reason == "Completed" && ev.message == "Job completed"),
                "{name}"
            );
        }
    }
}

#[test]
fn backoff_delays_replacements() {
    // 10s pods that always fail: replaced 10s, 20s, 40s after each failure; the 4th failure exceeds 3.
    let e = run(
        &job(
            "j",
            "backoffLimit: 3",
            "kubeplay.io/duration: 10s\nkubeplay.io/exit-codes: \"1\"",
            "Never",
        ),
        "",
        600,
    );
    let created: Vec<Millis> = pods(&e, "j").iter().map(|p| p.created / 1000).collect();
    assert_eq!(created, vec![0, 20, 50, 100]);
    let s = state(&e, "j");
    assert_eq!(
        (s.status.as_str(), s.failed, s.finish_time),
        ("Failed", 4, Some(110_000))
    );
    // A success resets the count: "1,0,1,1" fails, succeeds, then fails twice.
    let e = run(
        &job(
            "j",
            "completions: 4\nbackoffLimit: 6",
            "kubeplay.io/duration: 10s\nkubeplay.io/exit-codes: \"1,0,1,1,0\"",
            "Never",
        ),
        "",
        600,
    );
    let created: Vec<Millis> = pods(&e, "j").iter().map(|p| p.created / 1000).collect();
    assert_eq!(created, vec![0, 20, 30, 50, 80, 90, 100]);
    assert_eq!(state(&e, "j").status, "Complete");
}

#[test]
fn attempts_and_exit_codes() {
    // NonIndexed, Never: the Job's pods take attempts 0, 1, 2 in creation order.
    let e = run(
        &job(
            "j",
            "completions: 2",
            "kubeplay.io/duration: 10s\nkubeplay.io/exit-codes: \"1,0\"",
            "Never",
        ),
        "",
        120,
    );
    let seen: Vec<(u32, Option<i32>)> = pods(&e, "j")
        .iter()
        .map(|p| (p.attempt, p.exit_code))
        .collect();
    assert_eq!(seen, vec![(0, Some(1)), (1, Some(0)), (2, Some(0))]);
    // OnFailure: restarts in place are the pod's next attempts.
    let e = run(
        &job(
            "j",
            "",
            "kubeplay.io/duration: 10s\nkubeplay.io/exit-codes: \"1,1,0\"",
            "OnFailure",
        ),
        "",
        120,
    );
    let p = pods(&e, "j");
    assert_eq!(p.len(), 1);
    assert_eq!(
        (p[0].restarts, p[0].attempt, p[0].phase),
        (2, 2, Phase::Succeeded)
    );
    // Indexed: attempts count per index, and exit-codes-by-index overrides one index.
    let e = run(&job("j", "completions: 3\nparallelism: 3\ncompletionMode: Indexed", "kubeplay.io/duration: 10s\nkubeplay.io/exit-codes: \"1,0\"\nkubeplay.io/exit-codes-by-index: \"2=1,1,0\"", "Never"), "", 300);
    let seen: Vec<(Option<i32>, u32, Option<i32>)> = pods(&e, "j")
        .iter()
        .map(|p| (p.index, p.attempt, p.exit_code))
        .collect();
    assert_eq!(
        seen,
        vec![
            (Some(0), 0, Some(1)),
            (Some(1), 0, Some(1)),
            (Some(2), 0, Some(1)),
            (Some(0), 1, Some(0)),
            (Some(1), 1, Some(0)),
            (Some(2), 1, Some(1)),
            (Some(2), 2, Some(0))
        ]
    );
    let s = state(&e, "j");
    assert_eq!(
        (
            s.status.as_str(),
            s.completed_indexes_string().as_str(),
            s.failed
        ),
        ("Complete", "0-2", 4)
    );
}

#[test]
fn indexed_pods_are_named_and_labelled() {
    let e = run(
        &job(
            "pi",
            "completions: 2\nparallelism: 2\ncompletionMode: Indexed",
            "kubeplay.io/duration: 5s",
            "Never",
        ),
        "",
        60,
    );
    for p in pods(&e, "pi") {
        let i = p.index.expect("index");
        assert!(
            p.name().starts_with(&format!("pi-{i}-"))
                && p.name().len() == format!("pi-{i}-").len() + 5,
            "{}",
            p.name()
        );
        assert_eq!(
            p.full_spec().hostname.as_deref(),
            Some(format!("pi-{i}").as_str())
        );
        assert_eq!(
            p.annotations.get(COMPLETION_INDEX),
            Some(i.to_string().as_str())
        );
        assert_eq!(p.labels.get(COMPLETION_INDEX), Some(i.to_string().as_str()));
        assert_eq!(p.labels.get(LABEL_JOB_NAME), Some("pi"));
        assert_eq!(p.labels.get(LABEL_LEGACY_JOB_NAME), Some("pi"));
        assert!(
            p.labels.contains_key(LABEL_CONTROLLER_UID)
                && p.labels.contains_key(LABEL_LEGACY_CONTROLLER_UID)
        );
        let env = p.spec.containers[0].env.as_ref().expect("env");
        assert!(env.iter().any(|v| v.name == "JOB_COMPLETION_INDEX"));
    }
    let e = run(&job("pi", "", "kubeplay.io/duration: 5s", "Never"), "", 60);
    let p = pods(&e, "pi");
    assert!(
        p[0].name().starts_with("pi-") && p[0].name().len() == 8,
        "{}",
        p[0].name()
    );
    assert_eq!(p[0].index, None);
}

#[test]
fn per_index_backoff() {
    // Index 1 fails each time; with backoffLimitPerIndex 2 it is retried after 10s, then 20s, then gives up.
    let e = run(
        &job(
            "j",
            "completions: 2\nparallelism: 2\ncompletionMode: Indexed\nbackoffLimitPerIndex: 2",
            "kubeplay.io/duration: 10s\nkubeplay.io/exit-codes-by-index: \"1=1\"",
            "Never",
        ),
        "",
        300,
    );
    let index1: Vec<(Millis, Option<&str>)> = pods(&e, "j")
        .iter()
        .filter(|p| p.index == Some(1))
        .map(|p| (p.created / 1000, p.annotations.get(ANN_INDEX_FAILURE_COUNT)))
        .collect();
    assert_eq!(
        index1,
        vec![(0, Some("0")), (20, Some("1")), (50, Some("2"))]
    );
    let s = state(&e, "j");
    assert_eq!(
        (
            s.status.as_str(),
            s.reason.as_deref(),
            s.failed_indexes_string().as_str(),
            s.completed_indexes_string().as_str()
        ),
        ("Failed", Some("FailedIndexes"), "1", "0")
    );
    assert_eq!(s.finish_time, Some(60_000));
}

#[test]
fn ignored_disruptions_do_not_count() {
    let with = |policy: &str| {
        let yaml = job(
            "j",
            &format!("backoffLimit: 0\n{policy}"),
            "kubeplay.io/duration: 30s",
            "Never",
        );
        let e = run(&yaml, "5s kubectl drain node-a --ignore-daemonsets\n5s kubectl drain node-b --ignore-daemonsets\n5s kubectl drain node-c --ignore-daemonsets\n6s kubectl uncordon node-a", 120);
        let s = state(&e, "j").clone();
        (s.status, s.failed, pods(&e, "j").len())
    };
    assert_eq!(with(""), ("Failed".to_string(), 1, 1));
    let ignore = "podFailurePolicy:\n  rules:\n  - action: Ignore\n    onPodConditions: [{type: DisruptionTarget}]";
    assert_eq!(with(ignore), ("Complete".to_string(), 0, 2));
}

#[test]
fn suspend_deletes_pods_without_counting_them() {
    let yaml = job(
        "j",
        "completions: 4\nparallelism: 2",
        "kubeplay.io/duration: 10s",
        "Never",
    );
    let e = run(&yaml, "5s kubectl patch job j -p '{\"spec\":{\"suspend\":true}}'\n30s kubectl patch job j -p '{\"spec\":{\"suspend\":false}}'", 120);
    let s = state(&e, "j");
    assert_eq!(
        (s.status.as_str(), s.failed, s.succeeded, s.start_time),
        ("Complete", 0, 4, Some(30_000))
    );
    let ps = pods(&e, "j");
    assert_eq!(ps.iter().filter(|p| p.deleted == Some(5_000)).count(), 2);
    let reasons: Vec<&str> = e
        .world
        .events
        .iter()
        .filter(|ev| ev.object_is("Job/j"))
        .map(|ev| &*ev.reason)
        .collect();
    assert!(
        reasons.contains(&"Suspended")
            && reasons.contains(&"Resumed")
            && reasons.contains(&"SuccessfulDelete"),
        "{reasons:?}"
    );
    assert_eq!(
        condition_types(s),
        "Suspended=False,SuccessCriteriaMet=True,Complete=True"
    );
    assert_eq!(
        s.condition("Suspended")
            .map(|c| (c.reason.as_str(), c.time)),
        Some(("JobResumed", 30_000))
    );
}

#[test]
fn deadline_counts_from_resume() {
    let yaml = job(
        "j",
        "suspend: true\nactiveDeadlineSeconds: 20",
        "kubeplay.io/duration: 10s",
        "Never",
    );
    let e = run(
        &yaml,
        "60s kubectl patch job j -p '{\"spec\":{\"suspend\":false}}'",
        120,
    );
    assert_eq!(state(&e, "j").status, "Complete");
}

#[test]
fn parallelism_patches() {
    let yaml = job(
        "j",
        "completions: 6\nparallelism: 1",
        "kubeplay.io/duration: 10s",
        "Never",
    );
    let e = run(&yaml, "5s kubectl patch job j -p '{\"spec\":{\"parallelism\":3}}'\n22s kubectl patch job j -p '{\"spec\":{\"parallelism\":0}}'", 120);
    let created: Vec<Millis> = pods(&e, "j").iter().map(|p| p.created / 1000).collect();
    assert_eq!(created, vec![0, 5, 5, 10, 15, 15]);
    let s = state(&e, "j");
    // Parallelism 0 at 22s deletes the two pods started at 15s: the Job is paused with 4 of 6 done.
    assert_eq!(
        (s.status.as_str(), s.active, s.succeeded, s.failed),
        ("Running", 0, 4, 0)
    );
    assert_eq!(
        pods(&e, "j")
            .iter()
            .filter(|p| p.deleted == Some(22_000))
            .count(),
        2
    );
}

#[test]
fn ttl_after_finished_deletes_the_job() {
    let yaml = job(
        "j",
        "ttlSecondsAfterFinished: 20",
        "kubeplay.io/duration: 10s",
        "Never",
    );
    let e = run(&yaml, "", 120);
    // The deleted Job leaves the store; its timeline record says when and why it went.
    assert!(!e
        .world
        .jobs
        .contains_key(&("default".to_string(), "j".to_string())));
    let r = e
        .world
        .job_records
        .get(&("default".to_string(), "j".to_string()))
        .expect("record");
    assert_eq!(
        (r.status.as_str(), r.deleted, r.reason.as_deref()),
        ("Complete", Some(30_000), Some("TTLAfterFinished"))
    );
    assert!(pods(&e, "j").iter().all(|p| p.deleted == Some(30_000)));
}

#[test]
fn ready_and_active_counts() {
    let yaml = job(
        "j",
        "completions: 5\nparallelism: 3",
        "kubeplay.io/startup: 2s\nkubeplay.io/duration: 10s",
        "Never",
    );
    let e = run(&yaml, "", 1);
    let s = state(&e, "j");
    assert_eq!((s.active, s.ready, s.start_time), (3, 0, Some(0)));
    let e = run(&yaml, "", 5);
    assert_eq!((state(&e, "j").active, state(&e, "j").ready), (3, 3));
}
