//! Job scenarios through the whole simulation (manifest, node table, scenario, engine), pinned as
//! small snapshots in `tests/fixtures/job/`: the Job's record, every pod it made (name without the
//! random suffix, node, times, phase, exit code) and the events on the Job. Run with
//! `UPDATE_SNAPSHOTS=1` to rewrite the snapshots after a deliberate change, then review the diff.

mod common;

use std::fmt::Write as _;

use kubeplay_core::duration::Millis;
use kubeplay_core::sim::world::{OwnerRef, Phase, SimPod};
use kubeplay_core::sim::{self, Engine, Options};
use kubeplay_core::{manifest, nodes};

const NODES: &str = "NAME\tCPU\tMEMORY\nnode-a\t4\t8Gi\nnode-b\t4\t8Gi\nnode-c\t4\t8Gi\n";

/// A Job: `spec` lines under `spec:`, `annotations` under the pod template's annotations.
fn job(name: &str, spec: &str, annotations: &str, restart_policy: &str) -> String {
    let indent = |s: &str, n: usize| {
        s.lines()
            .map(|l| format!("{}{l}\n", " ".repeat(n)))
            .collect::<String>()
    };
    format!(
        "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: {name}\nspec:\n{}  template:\n    metadata:\n      annotations:\n{}    spec:\n      restartPolicy: {restart_policy}\n      containers:\n      - name: work\n        image: busybox:1.36\n",
        indent(spec, 2),
        indent(annotations, 8)
    )
}

fn simulate(yaml: &str, scenario: &str, seconds: i64) -> Engine {
    simulate_recording(yaml, scenario, seconds, sim::Record::All)
}

fn simulate_recording(yaml: &str, scenario: &str, seconds: i64, record: sim::Record) -> Engine {
    let objects = manifest::load(yaml).unwrap_or_else(|e| panic!("manifest: {e:?}"));
    let node_list = nodes::parse_table(NODES).unwrap_or_else(|e| panic!("nodes: {e:?}"));
    let steps = sim::scenario::parse(scenario).unwrap_or_else(|e| panic!("scenario: {e:?}"));
    let opts = Options {
        duration: seconds * 1000,
        record,
        ..Default::default()
    };
    let (engine, errors) = sim::run(&objects, &node_list, &steps, &opts, &|_| {
        Err("no files".into())
    });
    assert!(errors.is_empty(), "{errors:?}");
    engine
}

fn pods_of<'a>(e: &'a Engine, job: &str) -> Vec<&'a SimPod> {
    let mut v: Vec<&SimPod> = e
        .world
        .pods
        .sorted()
        .filter(|p| {
            p.owner
                .as_ref()
                .is_some_and(|o| o.kind == "Job" && o.name == job)
        })
        .collect();
    v.sort_by_key(|p| p.uid);
    v
}

fn secs(ms: Millis) -> String {
    if ms % 1000 == 0 {
        format!("{}s", ms / 1000)
    } else {
        format!("{}.{:03}s", ms / 1000, ms % 1000)
    }
}

fn opt(ms: Option<Millis>) -> String {
    ms.map_or("-".into(), secs)
}

/// A pod name without its 5 random characters.
fn stem(name: &str) -> String {
    format!("{}*", &name[..name.len().saturating_sub(5)])
}

/// The record, pods and Job events of one Job as reviewable text.
fn render(e: &Engine, job: &str) -> String {
    let mut out = String::new();
    let r = &e.world.job_records[&("default".to_string(), job.to_string())];
    let _ = writeln!(
        out,
        "job {job}: {} reason={} succeeded={} failed={} finished={} deleted={}",
        r.status,
        r.reason.as_deref().unwrap_or("-"),
        r.succeeded,
        r.failed,
        opt(r.finished),
        opt(r.deleted)
    );
    for p in pods_of(e, job) {
        let _ = writeln!(
            out,
            "pod {} index={} attempt={} node={} created={} started={} finished={} deleted={} {:?} exit={} restarts={} reason={}",
            stem(p.name()),
            p.index.map_or("-".into(), |i| i.to_string()),
            p.attempt,
            p.node.as_deref().unwrap_or("-"),
            secs(p.created),
            opt(p.started),
            opt(p.finished),
            opt(p.deleted),
            p.phase,
            p.exit_code.map_or("-".into(), |c| c.to_string()),
            p.restarts,
            p.reason.as_deref().unwrap_or("-"),
        );
    }
    let object = format!("Job/{job}");
    for ev in e.world.events.iter().filter(|ev| ev.object_is(&object)) {
        let text = ev.message.to_string();
        let message = match text.rsplit_once(": ") {
            Some((head, pod)) if ev.reason.starts_with("Successful") => {
                format!("{head}: {}", stem(pod))
            }
            _ => text.clone(),
        };
        let _ = writeln!(
            out,
            "event {} {} {} {message}",
            secs(ev.time),
            ev.type_,
            ev.reason
        );
    }
    out
}

/// Compares `text` with `fixtures/job/<name>.snap` (see `common::snapshot`).
fn snapshot(name: &str, text: &str) {
    common::snapshot("job", name, text);
}

fn record(e: &Engine, job: &str) -> (String, Option<String>, i32, i32) {
    let r = &e.world.job_records[&("default".to_string(), job.to_string())];
    (r.status.clone(), r.reason.clone(), r.succeeded, r.failed)
}

/// The contract: `pi`, completions 2, parallelism 1, 10s pods, Never, 5 minutes on 3 nodes.
/// `kubeplay get jobs` runs with `Record::Jobs` (no pods or events kept, so long CronJob horizons are
/// not cut short): the table must be the one a full run prints, at every moment of every outcome.
#[test]
fn get_jobs_is_the_same_when_recording_only_jobs() {
    let jobs = [
        job(
            "ok",
            "completions: 3\nparallelism: 2",
            "kubeplay.io/duration: 20s",
            "Never",
        ),
        job(
            "crash",
            "backoffLimit: 2",
            "kubeplay.io/exit-codes: \"1\"",
            "OnFailure",
        ),
        job(
            "idx",
            "completions: 4\nparallelism: 2\ncompletionMode: Indexed\nbackoffLimitPerIndex: 1",
            "kubeplay.io/duration: 10s\nkubeplay.io/exit-codes-by-index: \"2=1\"",
            "Never",
        ),
        job(
            "late",
            "activeDeadlineSeconds: 30\nttlSecondsAfterFinished: 60",
            "kubeplay.io/duration: 50s",
            "Never",
        ),
    ];
    let yaml = jobs.join("---\n");
    for at in [0, 5, 15, 31, 45, 95, 400, 1800] {
        let all = simulate_recording(&yaml, "", at, sim::Record::All);
        let only = simulate_recording(&yaml, "", at, sim::Record::Jobs);
        for wide in [false, true] {
            let table = |e: &Engine| kubeplay_core::printers::get("jobs", &e.world, None, wide);
            assert_eq!(table(&all), table(&only), "at {at}s, wide {wide}");
        }
        assert!(only.world.events.len() < all.world.events.len(), "at {at}s");
    }
}

#[test]
fn pi_completes_with_two_succeeded_pods() {
    let yaml = job(
        "pi",
        "completions: 2\nparallelism: 1",
        "kubeplay.io/duration: 10s",
        "Never",
    );
    let e = simulate(&yaml, "", 300);
    let pods = pods_of(&e, "pi");
    assert_eq!(pods.len(), 2);
    for p in &pods {
        assert_eq!(p.phase, Phase::Succeeded);
        assert_eq!(
            p.owner.as_deref(),
            Some(&OwnerRef::new("Job", "default", "pi"))
        );
        assert!(p.name().starts_with("pi-"));
    }
    assert_eq!(record(&e, "pi"), ("Complete".into(), None, 2, 0));
    snapshot("pi", &render(&e, "pi"));
}

/// Lesson 1: completions 6, parallelism 2, activeDeadlineSeconds 30. With 10s pods the third pair ends
/// exactly at the deadline, and the controller checks the deadline before it counts completions, so the
/// Job fails with all 6 succeeded; with 20s pods the second pair is killed at 30s and pods 5 and 6 are
/// never created.
#[test]
fn deadline_decides_which_pods_never_run() {
    let spec = "completions: 6\nparallelism: 2\nactiveDeadlineSeconds: 30";
    let e = simulate(
        &job("deadline", spec, "kubeplay.io/duration: 10s", "Never"),
        "",
        120,
    );
    assert_eq!(
        record(&e, "deadline"),
        ("Failed".into(), Some("DeadlineExceeded".into()), 6, 0)
    );
    assert_eq!(pods_of(&e, "deadline").len(), 6);
    snapshot("deadline-10s", &render(&e, "deadline"));

    let e = simulate(
        &job("deadline", spec, "kubeplay.io/duration: 20s", "Never"),
        "",
        120,
    );
    assert_eq!(
        record(&e, "deadline"),
        ("Failed".into(), Some("DeadlineExceeded".into()), 2, 2)
    );
    let pods = pods_of(&e, "deadline");
    assert_eq!(pods.len(), 4, "pods 5 and 6 are never created");
    assert!(pods[2..].iter().all(|p| p.phase == Phase::Failed
        && p.deleted == Some(30_000)
        && p.reason.as_deref() == Some("DeadlineExceeded")));
    snapshot("deadline-20s", &render(&e, "deadline"));

    // A second more and the 10s pods make it.
    let e = simulate(
        &job(
            "deadline",
            "completions: 6\nparallelism: 2\nactiveDeadlineSeconds: 31",
            "kubeplay.io/duration: 10s",
            "Never",
        ),
        "",
        120,
    );
    assert_eq!(record(&e, "deadline"), ("Complete".into(), None, 6, 0));
}

/// Lesson 2: a pod that always fails, backoffLimit 3. Never: each failure is a new pod, replaced after
/// 10s, 20s, 40s; the 4th failure exceeds the limit. OnFailure: one pod restarts in place (crash-loop
/// back-off 10s, 20s, 40s) and the Job fails when its restarts reach 3; the pod is killed and is the
/// Job's only failed pod.
#[test]
fn backoff_limit_never_and_on_failure() {
    let ann = "kubeplay.io/duration: 10s\nkubeplay.io/exit-codes: \"1\"";
    let e = simulate(&job("flaky", "backoffLimit: 3", ann, "Never"), "", 600);
    assert_eq!(
        record(&e, "flaky"),
        ("Failed".into(), Some("BackoffLimitExceeded".into()), 0, 4)
    );
    let created: Vec<Millis> = pods_of(&e, "flaky").iter().map(|p| p.created).collect();
    assert_eq!(created, vec![0, 20_000, 50_000, 100_000]);
    snapshot("backoff-never", &render(&e, "flaky"));

    let e = simulate(&job("flaky", "backoffLimit: 3", ann, "OnFailure"), "", 600);
    assert_eq!(
        record(&e, "flaky"),
        ("Failed".into(), Some("BackoffLimitExceeded".into()), 0, 1)
    );
    let pods = pods_of(&e, "flaky");
    assert_eq!(pods.len(), 1);
    assert_eq!(pods[0].restarts, 3);
    snapshot("backoff-onfailure", &render(&e, "flaky"));
}

/// Lesson 3: an Indexed Job (completions 4, parallelism 2) whose index 2 always fails. Without
/// backoffLimitPerIndex its failures use up the Job's backoffLimit (6) and the back-off holds back
/// every index; with backoffLimitPerIndex 1 index 2 fails alone after one retry, the others complete,
/// and the Job ends Failed with FailedIndexes.
#[test]
fn indexed_job_with_one_failing_index() {
    let ann = "kubeplay.io/duration: 10s\nkubeplay.io/exit-codes-by-index: \"2=1\"";
    let spec = "completions: 4\nparallelism: 2\ncompletionMode: Indexed";
    let e = simulate(&job("idx", spec, ann, "Never"), "", 1800);
    assert_eq!(
        record(&e, "idx"),
        ("Failed".into(), Some("BackoffLimitExceeded".into()), 3, 7)
    );
    let st = &e.world.jobs[&("default".to_string(), "idx".to_string())].state;
    assert_eq!(st.completed_indexes_string(), "0,1,3");
    snapshot("indexed-backofflimit", &render(&e, "idx"));

    let e = simulate(
        &job(
            "idx",
            &format!("{spec}\nbackoffLimitPerIndex: 1"),
            ann,
            "Never",
        ),
        "",
        1800,
    );
    assert_eq!(
        record(&e, "idx"),
        ("Failed".into(), Some("FailedIndexes".into()), 3, 2)
    );
    let st = &e.world.jobs[&("default".to_string(), "idx".to_string())].state;
    assert_eq!(
        (
            st.completed_indexes_string().as_str(),
            st.failed_indexes_string().as_str()
        ),
        ("0,1,3", "2")
    );
    snapshot("indexed-per-index", &render(&e, "idx"));
}
