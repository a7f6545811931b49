//! CronJob scenarios through the whole simulation (manifest, node table, scenario, `sim::run`,
//! timeline): each concurrency policy with overlapping runs, suspend and resume, a starting deadline
//! shorter than the period, history limits, manual Jobs, time zones. Each test asserts the upstream
//! behaviour it is about and pins the whole CronJob story (its Jobs and events) in a snapshot under
//! `tests/fixtures/cronjob/`; run with `UPDATE_SNAPSHOTS=1` to rewrite the snapshots after a
//! deliberate change.

mod common;

use kubeplay_core::duration::{self, Millis};
use kubeplay_core::manifest;
use kubeplay_core::nodes;
use kubeplay_core::sim::timeline::{EventOut, JobOut};
use kubeplay_core::sim::{self, scenario, Engine, Options, Timeline};

const MINUTE: Millis = 60_000;
const TEMPLATE: &str = include_str!("fixtures/cronjob/tick.yaml");
const NODES: &str = include_str!("fixtures/cronjob/nodes.tsv");

/// The `tick` CronJob of `fixtures/cronjob/tick.yaml` with its blanks filled in.
struct Tick<'a> {
    schedule: &'a str,
    policy: &'a str,
    duration: &'a str,
    exit: &'a str,
    /// More `spec` lines (two-space indented, newline-terminated).
    extra: &'a str,
    name: &'a str,
}

impl Default for Tick<'_> {
    fn default() -> Self {
        Tick {
            schedule: "* * * * *",
            policy: "Allow",
            duration: "90s",
            exit: "0",
            extra: "",
            name: "tick",
        }
    }
}

impl Tick<'_> {
    fn yaml(&self) -> String {
        TEMPLATE
            .replace("SCHEDULE", self.schedule)
            .replace("POLICY", self.policy)
            .replace("DURATION", self.duration)
            .replace("EXIT", self.exit)
            .replace("EXTRA", self.extra)
            .replace("name: tick\n", &format!("name: {}\n", self.name))
    }
}

/// Runs a simulation of `manifests` and `scenario_text` for `length` (a Go duration).
fn run_at(manifests: &str, scenario_text: &str, length: &str, start_unix_ms: i64) -> Engine {
    run_recording(
        manifests,
        scenario_text,
        length,
        start_unix_ms,
        sim::Record::All,
    )
}

fn run_recording(
    manifests: &str,
    scenario_text: &str,
    length: &str,
    start_unix_ms: i64,
    record: sim::Record,
) -> Engine {
    let objects = manifest::load(manifests).unwrap_or_else(|e| panic!("manifest: {e:?}"));
    let node_list = nodes::parse_table(NODES).unwrap_or_else(|e| panic!("nodes: {e:?}"));
    let steps = scenario::parse(scenario_text).unwrap_or_else(|e| panic!("scenario: {e:?}"));
    let opts = Options {
        start_unix_ms,
        duration: duration::parse(length).expect("length"),
        seed: 1,
        record,
        ..Options::default()
    };
    let (engine, errors) = sim::run(&objects, &node_list, &steps, &opts, &|f| {
        Err(format!("no file {f}"))
    });
    assert!(errors.is_empty(), "scenario errors: {errors:?}");
    engine
}

fn run(manifests: &str, scenario_text: &str, length: &str) -> Engine {
    run_at(manifests, scenario_text, length, sim::DEFAULT_START_UNIX_MS)
}

/// Milliseconds from the start of the timeline to an RFC3339 time in it.
fn off(tl: &Timeline, at: &str) -> Millis {
    let t = |s: &str| {
        chrono::DateTime::parse_from_rfc3339(s)
            .unwrap_or_else(|e| panic!("{s}: {e}"))
            .timestamp_millis()
    };
    t(at) - t(&tl.start)
}

/// A Job of the timeline with its times as offsets.
#[derive(Debug, Clone)]
struct J {
    name: String,
    scheduled: Option<Millis>,
    created: Millis,
    finished: Option<Millis>,
    deleted: Option<Millis>,
    status: String,
    reason: Option<String>,
}

fn jobs_of(tl: &Timeline, cron_job: &str) -> Vec<J> {
    tl.jobs
        .iter()
        .filter(|j: &&JobOut| j.cron_job == Some(cron_job))
        .map(|j| J {
            name: j.name.to_string(),
            scheduled: j.scheduled_time.as_deref().map(|s| off(tl, s)),
            created: off(tl, &j.created),
            finished: j.finished.as_deref().map(|s| off(tl, s)),
            deleted: j.deleted.as_deref().map(|s| off(tl, s)),
            status: j.status.to_string(),
            reason: j.reason.map(str::to_string),
        })
        .collect()
}

fn events_of<'a>(tl: &'a Timeline<'a>, cron_job: &str) -> Vec<&'a EventOut<'a>> {
    let object = format!("CronJob/{cron_job}");
    tl.events.iter().filter(|e| e.object == object).collect()
}

fn count(tl: &Timeline, cron_job: &str, reason: &str) -> usize {
    events_of(tl, cron_job)
        .iter()
        .filter(|e| e.reason == reason)
        .count()
}

/// The name upstream `getJobName` gives the run scheduled `offset` after the default start.
fn name_at(cron_job: &str, offset: Millis) -> String {
    format!(
        "{cron_job}-{}",
        (sim::DEFAULT_START_UNIX_MS + offset) / MINUTE
    )
}

fn fmt_off(ms: Option<Millis>) -> String {
    ms.map_or_else(|| "-".to_string(), duration::format)
}

/// The story of the CronJobs `names`: their Jobs and events, one line each, times as offsets.
fn story(tl: &Timeline, names: &[&str]) -> String {
    let mut out = String::new();
    for n in names {
        out.push_str(&format!("# jobs of {n}\n"));
        for j in jobs_of(tl, n) {
            out.push_str(&format!(
                "{} scheduled={} created={} finished={} deleted={} {} {}\n",
                j.name,
                fmt_off(j.scheduled),
                fmt_off(Some(j.created)),
                fmt_off(j.finished),
                fmt_off(j.deleted),
                j.status,
                j.reason.as_deref().unwrap_or("-"),
            ));
        }
        out.push_str(&format!("# events of CronJob/{n}\n"));
        for e in events_of(tl, n) {
            out.push_str(&format!(
                "{} {} {} {}\n",
                fmt_off(Some(off(tl, &e.time))),
                e.type_,
                e.reason,
                e.message
            ));
        }
    }
    out
}

/// Compares `text` with `fixtures/cronjob/<name>.snap` (see `common::snapshot`).
fn snapshot(name: &str, text: &str) {
    common::snapshot("cronjob", name, text);
}

/// Whether two Jobs ran at the same time.
fn overlap(a: &J, b: &J) -> bool {
    let end = |j: &J| j.finished.or(j.deleted).unwrap_or(Millis::MAX);
    a.created < end(b) && b.created < end(a)
}

/// Allow: a Job every minute at hh:mm:00.100 (the next scheduled time plus `nextScheduleDelta`),
/// 90s runs overlapping, and the three newest successful Jobs kept.
/// `Record::Jobs` (the page's CronJob lanes over long horizons) gives the same Jobs and exactly the
/// events it promises to keep, and no pods: recording less changes nothing in the run.
#[test]
fn recording_only_jobs_keeps_the_same_story() {
    let scenario_text = "90s kubectl patch cronjob tick -p '{\"spec\":{\"suspend\":true}}'\n\
                         1h1m30s kubectl patch cronjob tick -p '{\"spec\":{\"suspend\":false}}'\n";
    for policy in ["Allow", "Forbid", "Replace"] {
        let yaml = Tick {
            policy,
            exit: "0,1",
            extra: "  startingDeadlineSeconds: 30\n",
            ..Tick::default()
        }
        .yaml();
        let at = sim::DEFAULT_START_UNIX_MS;
        let all_e = run_recording(&yaml, scenario_text, "2h", at, sim::Record::All);
        let jobs_e = run_recording(&yaml, scenario_text, "2h", at, sim::Record::Jobs);
        let (all, jobs) = (
            Timeline::from_engine(&all_e),
            Timeline::from_engine(&jobs_e),
        );
        assert!(!all.pods.is_empty() && jobs.pods.is_empty(), "{policy}");
        assert!(all.jobs.len() > 10, "{policy}: {}", all.jobs.len());
        assert_eq!(json(&all.jobs), json(&jobs.jobs), "{policy}: the same Jobs");
        let kept: Vec<&EventOut> = all
            .events
            .iter()
            .filter(|e| {
                let kind = e.object.split('/').next().unwrap_or("");
                sim::Record::Jobs.keeps(e.type_, e.reason, kind)
            })
            .collect();
        assert!(
            kept.len() < all.events.len() / 4,
            "{policy}: most events are left out"
        );
        assert!(
            policy != "Forbid" || kept.iter().any(|e| e.reason == "JobAlreadyActive"),
            "{policy}: skipped runs are kept"
        );
        assert_eq!(json(&kept), json(&jobs.events), "{policy}: the kept events");
        // `get jobs|cronjobs` run recording only Jobs too: the same tables.
        for kind in ["jobs", "cronjobs"] {
            for wide in [false, true] {
                let table =
                    |e: &Engine| kubeplay_core::printers::get(kind, &e.world, None, wide).unwrap();
                assert_eq!(table(&all_e), table(&jobs_e), "{policy}: get {kind}");
            }
        }
    }
}

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).expect("serialize")
}

#[test]
fn allow_overlaps() {
    let engine = run(&Tick::default().yaml(), "", "10m");
    let tl = Timeline::from_engine(&engine);
    let jobs = jobs_of(&tl, "tick");
    assert_eq!(jobs.len(), 9, "{}", story(&tl, &["tick"]));
    for (i, j) in jobs.iter().enumerate() {
        let at = (i as Millis + 1) * MINUTE;
        assert_eq!(j.name, name_at("tick", at));
        assert_eq!(j.scheduled, Some(at));
        assert_eq!(j.created, at + 100);
    }
    assert!(
        jobs.windows(2).any(|w| overlap(&w[0], &w[1])),
        "90s runs every minute overlap"
    );
    let kept = jobs
        .iter()
        .filter(|j| j.status == "Complete" && j.deleted.is_none())
        .count();
    assert_eq!(kept, 3, "successfulJobsHistoryLimit defaults to 3");
    for j in jobs.iter().filter(|j| j.deleted.is_some()) {
        assert_eq!(j.reason.as_deref(), Some("HistoryLimit"), "{}", j.name);
    }
    assert_eq!(count(&tl, "tick", "SuccessfulCreate"), 9);
    assert_eq!(count(&tl, "tick", "JobAlreadyActive"), 0);
    snapshot("allow", &story(&tl, &["tick"]));
}

/// Forbid: never two runs at once; a run due while another is active is skipped with
/// JobAlreadyActive and starts late, when the active one ends (lastScheduleTime is not advanced).
#[test]
fn forbid_starts_late() {
    let engine = run(
        &Tick {
            policy: "Forbid",
            ..Default::default()
        }
        .yaml(),
        "",
        "10m",
    );
    let tl = Timeline::from_engine(&engine);
    let jobs = jobs_of(&tl, "tick");
    let s = story(&tl, &["tick"]);
    assert!(jobs.len() >= 4, "{s}");
    for w in jobs.windows(2) {
        assert!(
            !overlap(&w[0], &w[1]),
            "{} and {} overlap\n{s}",
            w[0].name,
            w[1].name
        );
        assert!(w[0].scheduled < w[1].scheduled);
    }
    let late: Vec<&J> = jobs
        .iter()
        .filter(|j| j.created - j.scheduled.unwrap_or(0) >= 1_000)
        .collect();
    assert!(!late.is_empty(), "some run starts late\n{s}");
    for j in &late {
        // A late run starts the instant the previous one finishes.
        assert!(
            jobs.iter().any(|p| p.finished == Some(j.created)),
            "{}\n{s}",
            j.name
        );
    }
    for j in &jobs {
        let at = j.scheduled.unwrap_or(-1);
        assert_eq!(at % MINUTE, 0);
        assert_eq!(j.name, name_at("tick", at));
    }
    assert!(count(&tl, "tick", "JobAlreadyActive") >= 3, "{s}");
    let e = events_of(&tl, "tick")
        .into_iter()
        .find(|e| e.reason == "JobAlreadyActive")
        .cloned();
    assert_eq!(
        e.map(|e| e.message.to_string()).as_deref(),
        Some(
            "Not starting job because prior execution is running and concurrency policy is Forbid"
        )
    );
    snapshot("forbid", &s);
}

/// Replace: at each scheduled time the running Job is deleted (with its pod) and a new one starts.
#[test]
fn replace_deletes_the_running_job() {
    let e = run(
        &Tick {
            policy: "Replace",
            ..Default::default()
        }
        .yaml(),
        "",
        "10m",
    );
    let tl = Timeline::from_engine(&e);
    let jobs = jobs_of(&tl, "tick");
    let s = story(&tl, &["tick"]);
    assert_eq!(jobs.len(), 9, "{s}");
    for w in jobs.windows(2) {
        assert_eq!(
            w[0].deleted,
            Some(w[1].created),
            "{} is replaced by {}\n{s}",
            w[0].name,
            w[1].name
        );
        assert_eq!(w[0].reason.as_deref(), Some("Replaced"));
        assert_ne!(
            w[0].status, "Complete",
            "a 90s run never completes within a minute"
        );
        assert!(!overlap(&w[0], &w[1]));
    }
    let last = jobs.last().expect("jobs");
    assert_eq!(last.deleted, None);
    assert_eq!(count(&tl, "tick", "SuccessfulDelete"), 8);
    let deleted: Vec<String> = events_of(&tl, "tick")
        .iter()
        .filter(|e| e.reason == "SuccessfulDelete")
        .map(|e| e.message.to_string())
        .collect();
    assert_eq!(deleted[0], format!("Deleted job {}", jobs[0].name));
    // The replaced Jobs' pods went with them.
    let live_pods = e.world.pods.sorted().filter(|p| p.alive()).count();
    assert_eq!(live_pods, 1);
    snapshot("replace", &s);
}

/// Suspended for three hours, then resumed: the times that fell while suspended are missed; on
/// resume the most recent one starts at once (with TooManyMissedTimes: 180 > 100 missed).
#[test]
fn suspend_three_hours_then_resume() {
    let scenario_text = "90s kubectl patch cronjob tick -p '{\"spec\":{\"suspend\":true}}'\n\
                         3h1m30s kubectl patch cronjob tick -p '{\"spec\":{\"suspend\":false}}'\n";
    let yaml = Tick {
        duration: "10s",
        ..Default::default()
    }
    .yaml();
    let engine = run(&yaml, scenario_text, "3h5m");
    let tl = Timeline::from_engine(&engine);
    let jobs = jobs_of(&tl, "tick");
    let s = story(&tl, &["tick"]);
    let resume = 181 * MINUTE + 30_000;
    let during: Vec<&J> = jobs
        .iter()
        .filter(|j| j.created > 90_000 && j.created < resume)
        .collect();
    assert!(during.is_empty(), "no run while suspended\n{s}");
    let first = jobs
        .iter()
        .find(|j| j.created >= resume)
        .expect("a run on resume");
    assert_eq!(
        first.created, resume,
        "the missed run starts on resume\n{s}"
    );
    assert_eq!(
        first.scheduled,
        Some(181 * MINUTE),
        "only the most recent missed time"
    );
    let after: Vec<Millis> = jobs
        .iter()
        .filter(|j| j.created > resume)
        .map(|j| j.created)
        .collect();
    // 3h5m ends just before the 03:05 run's 00.100 requeue.
    assert_eq!(
        after,
        vec![182 * MINUTE + 100, 183 * MINUTE + 100, 184 * MINUTE + 100]
    );
    let warn: Vec<&EventOut> = events_of(&tl, "tick")
        .into_iter()
        .filter(|e| e.reason == "TooManyMissedTimes")
        .collect();
    assert_eq!(warn.len(), 1, "{s}");
    assert_eq!(off(&tl, &warn[0].time), resume);
    assert_eq!(warn[0].type_, "Warning");
    assert_eq!(
        warn[0].message,
        "too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew"
    );
    snapshot("suspend-resume", &s);

    // With startingDeadlineSeconds 20 the missed 03:01 run (30s ago) is not started on resume.
    let yaml = Tick {
        duration: "10s",
        extra: "  startingDeadlineSeconds: 20\n",
        ..Default::default()
    }
    .yaml();
    let engine = run(&yaml, scenario_text, "3h5m");
    let tl = Timeline::from_engine(&engine);
    let jobs = jobs_of(&tl, "tick");
    let first = jobs
        .iter()
        .find(|j| j.created >= resume)
        .expect("a run after resume");
    assert_eq!(
        first.created,
        182 * MINUTE + 100,
        "{}",
        story(&tl, &["tick"])
    );
    assert_eq!(count(&tl, "tick", "TooManyMissedTimes"), 0);
}

/// Forbid with startingDeadlineSeconds 10 and 90s runs every minute: the run skipped because one is
/// active is dropped (its deadline has passed when the active one ends), so runs start only on
/// time, every other minute. Upstream records no MissSchedule event for it.
#[test]
fn deadline_shorter_than_the_period() {
    let yaml = Tick {
        policy: "Forbid",
        extra: "  startingDeadlineSeconds: 10\n",
        ..Default::default()
    }
    .yaml();
    let engine = run(&yaml, "", "10m");
    let tl = Timeline::from_engine(&engine);
    let jobs = jobs_of(&tl, "tick");
    let s = story(&tl, &["tick"]);
    let scheduled: Vec<Millis> = jobs
        .iter()
        .map(|j| j.scheduled.unwrap_or(-1) / MINUTE)
        .collect();
    assert_eq!(scheduled, vec![1, 3, 5, 7, 9], "{s}");
    for j in &jobs {
        assert_eq!(j.created, j.scheduled.unwrap_or(0) + 100, "{s}");
    }
    assert_eq!(count(&tl, "tick", "JobAlreadyActive"), 4, "{s}");
    assert_eq!(count(&tl, "tick", "MissSchedule"), 0);
    snapshot("forbid-deadline", &s);
}

/// successfulJobsHistoryLimit 2 and the default failedJobsHistoryLimit 1: the oldest finished Jobs
/// are deleted first, with their pods, as newer ones finish.
#[test]
fn history_limits() {
    let ok = Tick {
        name: "ok",
        duration: "10s",
        extra: "  successfulJobsHistoryLimit: 2\n",
        ..Default::default()
    };
    let bad = Tick {
        name: "bad",
        duration: "10s",
        exit: "1",
        ..Default::default()
    };
    let yaml = format!("{}---\n{}", ok.yaml(), bad.yaml());
    let e = run(&yaml, "", "10m");
    let tl = Timeline::from_engine(&e);
    let s = story(&tl, &["ok", "bad"]);
    let ok_jobs = jobs_of(&tl, "ok");
    let bad_jobs = jobs_of(&tl, "bad");
    assert_eq!(ok_jobs.len(), 9, "{s}");
    assert_eq!(bad_jobs.len(), 9, "{s}");
    let kept: Vec<&str> = ok_jobs
        .iter()
        .filter(|j| j.deleted.is_none())
        .map(|j| j.name.as_str())
        .collect();
    assert_eq!(
        kept,
        vec![ok_jobs[7].name.as_str(), ok_jobs[8].name.as_str()],
        "{s}"
    );
    for (i, j) in ok_jobs.iter().enumerate().take(7) {
        assert_eq!(j.status, "Complete");
        assert_eq!(j.reason.as_deref(), Some("HistoryLimit"));
        // Deleted when the Job two runs later finished.
        assert_eq!(j.deleted, ok_jobs[i + 2].finished, "{s}");
    }
    let bad_kept: Vec<&J> = bad_jobs.iter().filter(|j| j.deleted.is_none()).collect();
    assert_eq!(bad_kept.len(), 1, "{s}");
    assert_eq!(bad_kept[0].status, "Failed");
    for (i, j) in bad_jobs.iter().enumerate().take(8) {
        // The timeline keeps the Job's own failure reason; the deletion is the next failure's doing.
        assert_eq!(j.status, "Failed");
        assert_eq!(j.reason.as_deref(), Some("BackoffLimitExceeded"));
        assert_eq!(
            j.deleted,
            bad_jobs[i + 1]
                .finished
                .or(Some(bad_jobs[i + 1].created + 10_000)),
            "{s}"
        );
    }
    // The deleted Jobs' pods are gone too.
    for j in ok_jobs
        .iter()
        .chain(&bad_jobs)
        .filter(|j| j.deleted.is_some())
    {
        let owner = format!("Job/{}", j.name);
        for p in e.world.pods.sorted().filter(|p| {
            p.owner
                .as_ref()
                .is_some_and(|o| format!("{}/{}", o.kind, o.name) == owner)
        }) {
            assert!(!p.alive(), "pod {} of {} survived", p.name(), j.name);
        }
    }
    assert_eq!(count(&tl, "ok", "SuccessfulDelete"), 7);
    assert_eq!(count(&tl, "bad", "SuccessfulDelete"), 8);
    snapshot("history-limits", &s);
}

/// `kubectl create job --from=cronjob/tick`: the Job carries the instantiate annotation and the
/// CronJob as controller; the controller never lists it as active and warns UnexpectedJob.
#[test]
fn manual_job_from_cronjob() {
    let yaml = Tick {
        schedule: "0 * * * *",
        duration: "30s",
        ..Default::default()
    }
    .yaml();
    let e = run(
        &yaml,
        "20s kubectl create job manual --from=cronjob/tick\n",
        "5m",
    );
    let tl = Timeline::from_engine(&e);
    let jobs = jobs_of(&tl, "tick");
    assert_eq!(jobs.len(), 1);
    assert_eq!(
        (jobs[0].name.as_str(), jobs[0].created, jobs[0].scheduled),
        ("manual", 20_000, None)
    );
    let job = &e.world.jobs[&("default".to_string(), "manual".to_string())].object;
    let ann = job.metadata.annotations.clone().unwrap_or_default();
    assert_eq!(
        ann.get("cronjob.kubernetes.io/instantiate")
            .map(String::as_str),
        Some("manual")
    );
    let ev = events_of(&tl, "tick");
    let unexpected: Vec<&&EventOut> = ev.iter().filter(|e| e.reason == "UnexpectedJob").collect();
    assert!(!unexpected.is_empty(), "{}", story(&tl, &["tick"]));
    assert_eq!(unexpected[0].type_, "Warning");
    assert_eq!(
        unexpected[0].message,
        "Saw a job that the controller did not create or forgot: manual"
    );
    let t = &e.world.cron_jobs[&("default".to_string(), "tick".to_string())];
    assert!(t.state.active.is_empty());
    assert_eq!(
        t.state.last_successful_time,
        jobs[0].finished,
        "{}",
        story(&tl, &["tick"])
    );
}

/// spec.timeZone: `0 9 * * *` in Asia/Seoul fires at 00:00 UTC; the scheduled-timestamp annotation
/// is in the zone, and kubectl shows the zone.
#[test]
fn time_zone() {
    let yaml = Tick {
        schedule: "0 9 * * *",
        duration: "10s",
        extra: "  timeZone: Asia/Seoul\n",
        ..Default::default()
    }
    .yaml();
    // Start one minute before 2026-01-01T00:00:00Z.
    let start = sim::DEFAULT_START_UNIX_MS - MINUTE;
    let e = run_at(&yaml, "", "3m", start);
    let tl = Timeline::from_engine(&e);
    let jobs = jobs_of(&tl, "tick");
    assert_eq!(jobs.len(), 1, "{}", story(&tl, &["tick"]));
    assert_eq!(jobs[0].scheduled, Some(MINUTE));
    assert_eq!(
        jobs[0].name,
        format!("tick-{}", sim::DEFAULT_START_UNIX_MS / MINUTE)
    );
    let job = &e.world.jobs[&("default".to_string(), jobs[0].name.clone())].object;
    let ann = job.metadata.annotations.clone().unwrap_or_default();
    assert_eq!(
        ann.get("batch.kubernetes.io/cronjob-scheduled-timestamp")
            .map(String::as_str),
        Some("2026-01-01T09:00:00+09:00")
    );
    let refs = job.metadata.owner_references.clone().unwrap_or_default();
    assert_eq!(refs.len(), 1);
    assert_eq!(
        (
            refs[0].kind.as_str(),
            refs[0].name.as_str(),
            refs[0].controller
        ),
        ("CronJob", "tick", Some(true))
    );
    let t = &e.world.cron_jobs[&("default".to_string(), "tick".to_string())];
    let cols =
        kubeplay_core::controllers::cron_job::kubectl_columns(&t.object, &t.state, e.world.now);
    assert_eq!(cols.time_zone, "Asia/Seoul");
    assert_eq!(cols.suspend, "False");
    assert_eq!(cols.last_schedule_age, Some(2 * MINUTE));
}

/// A day of `* * * * *` with 90s runs: 1,439 runs (the 24:00 one falls 100ms after the end), and the history limit keeps at most three
/// finished Jobs alive (the year-long benchmark is this, 365 times longer).
#[test]
fn a_day_every_minute() {
    let e = run(&Tick::default().yaml(), "", "24h");
    let tl = Timeline::from_engine(&e);
    let jobs = jobs_of(&tl, "tick");
    assert_eq!(jobs.len(), 1439);
    let live = e
        .world
        .jobs
        .values()
        .filter(|t| t.deleted.is_none())
        .count();
    assert!(live <= 5, "{live} live Jobs");
    let t = &e.world.cron_jobs[&("default".to_string(), "tick".to_string())];
    assert!(t.state.jobs.len() <= 5);
    assert!(t.state.active.len() <= 2);
}
