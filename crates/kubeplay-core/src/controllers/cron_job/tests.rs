//! Tests of the CronJob controller: kubernetes `pkg/controller/cronjob/cronjob_controllerv2_test.go`
//! (TestControllerV2SyncCronJob, TestControllerV2CleanupFinishedJobs,
//! TestControllerV2JobAlreadyExistsButNotInActiveStatus, ...AndDifferentOwner) and `utils_test.go`
//! (TestGetJobFromTemplate2, TestByJobStartTime), plus kubeplay cases (manual Jobs, missing Jobs,
//! event order of the history cleanup, requeue bookkeeping). The world runs with
//! `start_unix_ms = 0`, so virtual milliseconds are Unix milliseconds.

use std::collections::BTreeMap;

use chrono::{DateTime, TimeDelta, Utc};
use k8s_openapi::api::batch::v1::{CronJob, CronJobSpec, Job, JobSpec, JobTemplateSpec};
use k8s_openapi::api::core::v1::{Container, PodSpec, PodTemplateSpec};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;

use super::*;
use crate::controllers::Action;
use crate::sim::world::{JobRecord, Tracked, World};

const NS: &str = "snazzycats";
const CJ: &str = "mycronjob";
const ERROR_SCHEDULE: &str = "obvious error schedule";
const ON_THE_HOUR: &str = "0 * * * ?";
const EVERY_HOUR: &str = "@every 1h";
const SHORT_DEAD: i64 = 10;
const MEDIUM_DEAD: i64 = 2 * 60 * 60;
const LONG_DEAD: i64 = 1_000_000;
const NEXT_SCHEDULE_DELTA: TimeDelta = TimeDelta::milliseconds(100);

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .expect("test time")
        .with_timezone(&Utc)
}
fn just_after_the_prior_hour() -> DateTime<Utc> {
    t("2016-05-19T09:01:00Z")
}
fn just_before_the_prior_hour() -> DateTime<Utc> {
    t("2016-05-19T08:59:00Z")
}
fn just_after_the_hour() -> DateTime<Utc> {
    t("2016-05-19T10:01:00Z")
}
fn just_before_the_hour() -> DateTime<Utc> {
    t("2016-05-19T09:59:00Z")
}
fn just_before_the_next_hour() -> DateTime<Utc> {
    t("2016-05-19T10:59:00Z")
}
fn week_after_the_hour() -> DateTime<Utc> {
    t("2016-05-26T10:00:00Z")
}
fn top_of_the_hour() -> DateTime<Utc> {
    t("2016-05-19T10:00:00Z")
}
fn ms(t: DateTime<Utc>) -> Millis {
    t.timestamp_millis()
}
fn h(n: i64) -> TimeDelta {
    TimeDelta::hours(n)
}
fn m(n: i64) -> TimeDelta {
    TimeDelta::minutes(n)
}
fn s(n: i64) -> TimeDelta {
    TimeDelta::seconds(n)
}

/// upstream `jobSpec()`.
fn job_spec() -> JobSpec {
    JobSpec {
        parallelism: Some(1),
        completions: Some(1),
        template: PodTemplateSpec {
            metadata: Some(ObjectMeta {
                labels: Some(BTreeMap::from([("foo".into(), "bar".into())])),
                ..Default::default()
            }),
            spec: Some(PodSpec {
                containers: vec![Container {
                    name: "c".into(),
                    image: Some("foo/bar".into()),
                    ..Default::default()
                }],
                ..Default::default()
            }),
        },
        ..Default::default()
    }
}

/// upstream `cronJob()`.
fn cron_job() -> CronJob {
    CronJob {
        metadata: ObjectMeta {
            name: Some(CJ.into()),
            namespace: Some(NS.into()),
            ..Default::default()
        },
        spec: CronJobSpec {
            schedule: "* * * * ?".into(),
            concurrency_policy: Some("Allow".into()),
            job_template: JobTemplateSpec {
                metadata: Some(ObjectMeta {
                    labels: Some(BTreeMap::from([("a".into(), "b".into())])),
                    annotations: Some(BTreeMap::from([("x".into(), "y".into())])),
                    ..Default::default()
                }),
                spec: Some(job_spec()),
            },
            ..Default::default()
        },
        status: None,
    }
}

fn world_at(now: DateTime<Utc>) -> World {
    World {
        now: ms(now),
        start_unix_ms: 0,
        ..Default::default()
    }
}

/// Puts a Job into the world: `finished` is `Some((status, completion))` for a finished one.
fn put_job(
    w: &mut World,
    job: Job,
    created: DateTime<Utc>,
    finished: Option<(&str, DateTime<Utc>)>,
) {
    let name = job.metadata.name.clone().unwrap_or_default();
    let key = crate::sim::world::ns_name(NS, name);
    let (status, done) = match finished {
        Some((st, at)) => (st.to_string(), Some(ms(at))),
        None => ("Running".to_string(), None),
    };
    w.job_records.insert(
        key.clone(),
        JobRecord {
            cron_job: Some(CJ.into()),
            created: ms(created),
            finished: done,
            status,
            ..Default::default()
        },
    );
    w.jobs.insert(key, Tracked::new(job, ms(created)));
}

/// A Job as `getJobFromTemplate2(cj, at)` makes it, in namespace NS.
fn job_for(cj: &CronJob, at: DateTime<Utc>) -> Job {
    job_from_template(cj, at, chrono_tz::Tz::UTC)
}

fn job_name_at(at: DateTime<Utc>) -> String {
    job_name(CJ, ms(at))
}

/// What one sync asked for.
#[derive(Debug, Default)]
struct Summary {
    creates: Vec<NewJob>,
    deletes: Vec<(String, Option<String>)>,
    /// (type, reason, message)
    events: Vec<(&'static str, String, String)>,
    requeues: Vec<Millis>,
}

fn summarize(actions: Vec<Action>) -> Summary {
    let mut out = Summary::default();
    for a in actions {
        match a {
            Action::CreateJob(j) => out.creates.push(*j),
            Action::DeleteJob { key, reason } => out.deletes.push((key.1.clone(), reason)),
            Action::Event {
                type_,
                reason,
                message,
                kind,
                namespace,
                name,
            } => {
                assert_eq!(
                    (kind.as_str(), namespace.as_str(), name.as_str()),
                    ("CronJob", NS, CJ)
                );
                out.events.push((type_, reason.into_owned(), message));
            }
            Action::Requeue { owner, at } => {
                assert_eq!(owner, OwnerRef::new("CronJob", NS, CJ));
                out.requeues.push(at);
            }
            other => panic!("unexpected action {other:?}"),
        }
    }
    out
}

/// One row of TestControllerV2SyncCronJob.
#[derive(Clone)]
struct Row {
    name: &'static str,
    concurrency_policy: &'static str,
    suspend: bool,
    schedule: &'static str,
    time_zone: Option<&'static str>,
    deadline: Option<i64>,
    ran_previously: bool,
    still_active: bool,
    cronjob_creation_time: Option<DateTime<Utc>>,
    job_creation_time: DateTime<Utc>,
    last_schedule_time: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    expect_create: bool,
    expect_delete: bool,
    expect_active: usize,
    expected_warnings: usize,
    /// `Some(d)`: expectRequeueAfter with that duration; `None`: no requeue at all.
    expected_requeue: Option<TimeDelta>,
}

fn row(name: &'static str, policy: &'static str) -> Row {
    Row {
        name,
        concurrency_policy: policy,
        suspend: false,
        schedule: ON_THE_HOUR,
        time_zone: None,
        deadline: None,
        ran_previously: false,
        still_active: false,
        cronjob_creation_time: None,
        job_creation_time: just_after_the_prior_hour(),
        last_schedule_time: None,
        now: just_before_the_hour(),
        expect_create: false,
        expect_delete: false,
        expect_active: 0,
        expected_warnings: 0,
        expected_requeue: None,
    }
}

/// The rows of upstream TestControllerV2SyncCronJob that kubeplay can express: all but the ones
/// about API errors (create/get failures, a terminating namespace) and stale informer caches
/// ("went missing" / "not present in cronjob active list").
fn sync_rows() -> Vec<Row> {
    let mut rows = Vec::new();
    let not_time = Some(m(1) + NEXT_SCHEDULE_DELTA);
    let is_time = Some(h(1) - m(1) + NEXT_SCHEDULE_DELTA);
    let overdue = Some(h(1) + NEXT_SCHEDULE_DELTA);

    for (n, p) in [
        ("never ran, not valid schedule, A", "Allow"),
        ("never ran, not valid schedule, F", "Forbid"),
        ("never ran, not valid schedule, R", "Forbid"),
    ] {
        rows.push(Row {
            schedule: ERROR_SCHEDULE,
            expected_warnings: 1,
            ..row(n, p)
        });
    }
    rows.push(Row {
        time_zone: Some("bad timezone"),
        expected_warnings: 1,
        ..row("never ran, not valid time zone", "Allow")
    });
    for (n, p) in [
        ("never ran, not time, A", "Allow"),
        ("never ran, not time, F", "Forbid"),
        ("never ran, not time, R", "Replace"),
    ] {
        rows.push(Row {
            expected_requeue: not_time,
            ..row(n, p)
        });
    }
    rows.push(Row {
        time_zone: Some("America/New_York"),
        expected_requeue: not_time,
        ..row("never ran, not time in zone", "Allow")
    });
    for (n, p) in [
        ("never ran, is time, A", "Allow"),
        ("never ran, is time, F", "Forbid"),
        ("never ran, is time, R", "Replace"),
    ] {
        rows.push(Row {
            now: just_after_the_hour(),
            expect_create: true,
            expect_active: 1,
            expected_requeue: is_time,
            ..row(n, p)
        });
    }
    for n in [
        "never ran, is time in zone, but time zone disabled",
        "never ran, is time in zone",
    ] {
        rows.push(Row {
            time_zone: Some("America/New_York"),
            now: just_after_the_hour(),
            expect_create: true,
            expect_active: 1,
            expected_requeue: is_time,
            ..row(n, "Allow")
        });
    }
    rows.push(Row {
        schedule: "TZ=UTC 0 * * * ?",
        time_zone: Some("America/New_York"),
        now: just_after_the_hour(),
        expect_create: true,
        expect_active: 1,
        expected_warnings: 1,
        expected_requeue: is_time,
        ..row(
            "never ran, is time in zone, but TZ is also set in schedule",
            "Allow",
        )
    });
    rows.push(Row {
        suspend: true,
        now: just_after_the_hour(),
        ..row("never ran, is time, suspended", "Allow")
    });
    rows.push(Row {
        deadline: Some(SHORT_DEAD),
        now: just_after_the_hour() + m(SHORT_DEAD + 1),
        expected_requeue: Some(h(1) - m(1) - m(SHORT_DEAD + 1) + NEXT_SCHEDULE_DELTA),
        ..row("never ran, is time, past deadline", "Allow")
    });
    rows.push(Row {
        deadline: Some(LONG_DEAD),
        now: just_after_the_hour(),
        expect_create: true,
        expect_active: 1,
        expected_requeue: is_time,
        ..row("never ran, is time, not past deadline", "Allow")
    });

    let prev = |n, p| Row {
        ran_previously: true,
        ..row(n, p)
    };
    for (n, p) in [
        ("prev ran but done, not time, A", "Allow"),
        ("prev ran but done, not time, F", "Forbid"),
        ("prev ran but done, not time, R", "Replace"),
    ] {
        rows.push(Row {
            expected_requeue: not_time,
            ..prev(n, p)
        });
    }
    for (n, p) in [
        ("prev ran but done, is time, A", "Allow"),
        ("prev ran but done, is time, F", "Forbid"),
        ("prev ran but done, is time, R", "Replace"),
    ] {
        rows.push(Row {
            now: just_after_the_hour(),
            expect_create: true,
            expect_active: 1,
            expected_requeue: is_time,
            ..prev(n, p)
        });
    }
    rows.push(Row {
        suspend: true,
        now: just_after_the_hour(),
        ..prev("prev ran but done, is time, suspended", "Allow")
    });
    rows.push(Row {
        deadline: Some(SHORT_DEAD),
        now: just_after_the_hour(),
        expected_requeue: is_time,
        ..prev("prev ran but done, is time, past deadline", "Allow")
    });
    rows.push(Row {
        deadline: Some(LONG_DEAD),
        now: just_after_the_hour(),
        expect_create: true,
        expect_active: 1,
        expected_requeue: is_time,
        ..prev("prev ran but done, is time, not past deadline", "Allow")
    });

    let active = |n, p| Row {
        ran_previously: true,
        still_active: true,
        expect_active: 1,
        ..row(n, p)
    };
    for (n, p) in [
        ("still active, not time, A", "Allow"),
        ("still active, not time, F", "Forbid"),
        ("still active, not time, R", "Replace"),
    ] {
        rows.push(Row {
            expected_requeue: not_time,
            ..active(n, p)
        });
    }
    rows.push(Row {
        now: just_after_the_hour(),
        expect_create: true,
        expect_active: 2,
        expected_requeue: is_time,
        ..active("still active, is time, A", "Allow")
    });
    rows.push(Row {
        now: just_after_the_hour(),
        expected_requeue: is_time,
        ..active("still active, is time, F", "Forbid")
    });
    rows.push(Row {
        now: just_after_the_hour(),
        expect_create: true,
        expect_delete: true,
        expected_requeue: is_time,
        ..active("still active, is time, R", "Replace")
    });
    rows.push(Row {
        suspend: true,
        now: just_after_the_hour(),
        ..active("still active, is time, suspended", "Allow")
    });
    rows.push(Row {
        deadline: Some(SHORT_DEAD),
        now: just_after_the_hour(),
        expected_requeue: is_time,
        ..active("still active, is time, past deadline", "Allow")
    });
    rows.push(Row {
        deadline: Some(LONG_DEAD),
        now: just_after_the_hour(),
        expect_create: true,
        expect_active: 2,
        expected_requeue: is_time,
        ..active("still active, is time, not past deadline", "Allow")
    });

    // Too many missed start times: a warning, and the latest one still starts.
    for (n, p, dead) in [
        (
            "prev ran but done, long overdue, not past deadline, A",
            "Allow",
            Some(LONG_DEAD),
        ),
        (
            "prev ran but done, long overdue, not past deadline, R",
            "Replace",
            Some(LONG_DEAD),
        ),
        (
            "prev ran but done, long overdue, not past deadline, F",
            "Forbid",
            Some(LONG_DEAD),
        ),
        (
            "prev ran but done, long overdue, no deadline, A",
            "Allow",
            None,
        ),
        (
            "prev ran but done, long overdue, no deadline, R",
            "Replace",
            None,
        ),
        (
            "prev ran but done, long overdue, no deadline, F",
            "Forbid",
            None,
        ),
    ] {
        rows.push(Row {
            deadline: dead,
            now: week_after_the_hour(),
            expect_create: true,
            expect_active: 1,
            expected_warnings: 1,
            expected_requeue: overdue,
            ..prev(n, p)
        });
    }
    for (n, p, dead) in [
        (
            "prev ran but done, long overdue, past medium deadline, A",
            "Allow",
            MEDIUM_DEAD,
        ),
        (
            "prev ran but done, long overdue, past short deadline, A",
            "Allow",
            SHORT_DEAD,
        ),
        (
            "prev ran but done, long overdue, past medium deadline, R",
            "Replace",
            MEDIUM_DEAD,
        ),
        (
            "prev ran but done, long overdue, past short deadline, R",
            "Replace",
            SHORT_DEAD,
        ),
        (
            "prev ran but done, long overdue, past medium deadline, F",
            "Forbid",
            MEDIUM_DEAD,
        ),
        (
            "prev ran but done, long overdue, past short deadline, F",
            "Forbid",
            SHORT_DEAD,
        ),
    ] {
        rows.push(Row {
            deadline: Some(dead),
            now: week_after_the_hour(),
            expect_create: true,
            expect_active: 1,
            expected_requeue: overdue,
            ..prev(n, p)
        });
    }
    rows.push(Row {
        job_creation_time: just_after_the_hour(),
        now: just_before_the_hour(),
        expected_requeue: not_time,
        ..prev("this ran but done, time drifted back, F", "Forbid")
    });

    // @every schedules.
    let every = |n| Row {
        schedule: EVERY_HOUR,
        ..row(n, "Allow")
    };
    rows.push(Row {
        cronjob_creation_time: Some(just_before_the_hour()),
        job_creation_time: just_before_the_hour(),
        now: top_of_the_hour(),
        expected_requeue: Some(h(1) - m(1) + NEXT_SCHEDULE_DELTA),
        ..every("with @every schedule, never ran, not time")
    });
    rows.push(Row {
        cronjob_creation_time: Some(just_before_the_prior_hour()),
        job_creation_time: just_before_the_prior_hour(),
        now: just_before_the_hour(),
        expect_create: true,
        expect_active: 1,
        expected_requeue: Some(h(1) + NEXT_SCHEDULE_DELTA),
        ..every("with @every schedule, never ran, is time")
    });
    rows.push(Row {
        deadline: Some(SHORT_DEAD),
        cronjob_creation_time: Some(just_before_the_prior_hour()),
        job_creation_time: just_before_the_prior_hour(),
        now: just_before_the_hour() + s(SHORT_DEAD + 1),
        expected_requeue: Some(h(1) - s(SHORT_DEAD + 1) + NEXT_SCHEDULE_DELTA),
        ..every("with @every schedule, never ran, is time, past deadline")
    });
    rows.push(Row {
        deadline: Some(LONG_DEAD),
        cronjob_creation_time: Some(just_before_the_prior_hour()),
        job_creation_time: just_before_the_prior_hour(),
        now: just_before_the_hour() + s(SHORT_DEAD - 1),
        expect_create: true,
        expect_active: 1,
        expected_requeue: Some(h(1) - s(SHORT_DEAD - 1) + NEXT_SCHEDULE_DELTA),
        ..every("with @every schedule, never ran, is time, not past deadline")
    });
    let every_prev = |n| Row {
        ran_previously: true,
        cronjob_creation_time: Some(just_before_the_prior_hour()),
        job_creation_time: just_before_the_prior_hour(),
        last_schedule_time: Some(just_before_the_hour()),
        ..every(n)
    };
    rows.push(Row {
        now: top_of_the_hour(),
        expected_requeue: Some(h(1) - m(1) + NEXT_SCHEDULE_DELTA),
        ..every_prev("with @every schedule, prev ran but done, not time")
    });
    rows.push(Row {
        now: top_of_the_hour() + h(1),
        expect_create: true,
        expect_active: 1,
        expected_requeue: Some(h(1) - m(1) + NEXT_SCHEDULE_DELTA),
        ..every_prev("with @every schedule, prev ran but done, is time")
    });
    rows.push(Row {
        deadline: Some(SHORT_DEAD),
        now: just_before_the_next_hour() + s(SHORT_DEAD + 1),
        expected_requeue: Some(h(1) - s(SHORT_DEAD + 1) + NEXT_SCHEDULE_DELTA),
        ..every_prev("with @every schedule, prev ran but done, is time, past deadline")
    });
    let every_active = |n| Row {
        still_active: true,
        expect_active: 1,
        job_creation_time: just_before_the_hour(),
        ..every_prev(n)
    };
    rows.push(Row {
        now: top_of_the_hour(),
        expected_requeue: Some(h(1) - m(1) + NEXT_SCHEDULE_DELTA),
        ..every_active("with @every schedule, still active, not time")
    });
    rows.push(Row {
        job_creation_time: just_before_the_prior_hour(),
        last_schedule_time: Some(just_before_the_prior_hour()),
        now: just_after_the_hour(),
        expect_create: true,
        expect_active: 2,
        expected_requeue: Some(h(1) - m(2) + NEXT_SCHEDULE_DELTA),
        ..every_active("with @every schedule, still active, is time")
    });
    rows.push(Row {
        deadline: Some(SHORT_DEAD),
        now: just_before_the_next_hour() + s(SHORT_DEAD + 1),
        expected_requeue: Some(h(1) - s(SHORT_DEAD + 1) + NEXT_SCHEDULE_DELTA),
        ..every_active("with @every schedule, still active, is time, past deadline")
    });
    rows.push(Row {
        deadline: Some(LONG_DEAD),
        now: just_before_the_next_hour() + s(SHORT_DEAD - 1),
        expect_create: true,
        expect_active: 2,
        expected_requeue: Some(h(1) - s(SHORT_DEAD - 1) + NEXT_SCHEDULE_DELTA),
        ..every_active("with @every schedule, still active, is time, not past deadline")
    });
    let overdue_every = |n| Row {
        cronjob_creation_time: Some(just_after_the_prior_hour()),
        last_schedule_time: Some(just_after_the_hour()),
        job_creation_time: just_after_the_prior_hour(),
        ..every_prev(n)
    };
    rows.push(Row {
        now: week_after_the_hour(),
        expect_create: true,
        expect_active: 1,
        expected_warnings: 1,
        expected_requeue: Some(m(1) + NEXT_SCHEDULE_DELTA),
        ..overdue_every("with @every schedule, prev ran but done, long overdue, no deadline")
    });
    // Upstream lists expectActive 1 here, but its test never checks it (no status update is
    // recorded when syncCronJob is called directly); the finished Job leaves the list empty.
    rows.push(Row {
        deadline: Some(SHORT_DEAD),
        now: week_after_the_hour() + m(1) + s(SHORT_DEAD + 1),
        expected_requeue: Some(h(1) - s(SHORT_DEAD + 1) + NEXT_SCHEDULE_DELTA),
        ..overdue_every("with @every schedule, prev ran but done, long overdue, past deadline")
    });
    rows
}

/// Builds the CronJob, its state and the world of a row as upstream's test body does.
fn setup(tc: &Row) -> (CronJob, State, World) {
    let mut cj = cron_job();
    cj.spec.concurrency_policy = Some(tc.concurrency_policy.into());
    cj.spec.suspend = Some(tc.suspend);
    cj.spec.schedule = tc.schedule.into();
    cj.spec.time_zone = tc.time_zone.map(str::to_string);
    cj.spec.starting_deadline_seconds = tc.deadline;
    let mut state = State::default();
    let mut w = world_at(tc.now);
    if tc.ran_previously {
        state.created = Some(ms(tc
            .cronjob_creation_time
            .unwrap_or_else(just_before_the_prior_hour)));
        state.last_schedule_time = Some(ms(tc
            .last_schedule_time
            .unwrap_or_else(just_after_the_prior_hour)));
        let job = job_for(&cj, tc.job_creation_time);
        let name = job.metadata.name.clone().unwrap_or_default();
        if tc.still_active {
            state.active.push(name.clone());
            put_job(&mut w, job, tc.job_creation_time, None);
        } else {
            let done = tc.job_creation_time + s(10);
            put_job(&mut w, job, tc.job_creation_time, Some(("Complete", done)));
        }
        state.jobs.insert(name);
    } else {
        state.created = Some(ms(tc
            .cronjob_creation_time
            .unwrap_or_else(just_before_the_hour)));
        assert!(
            !tc.still_active,
            "{}: test setup error: this case makes no sense",
            tc.name
        );
    }
    (cj, state, w)
}

/// kubernetes cronjob_controllerv2_test.go TestControllerV2SyncCronJob.
#[test]
fn test_controller_v2_sync_cron_job() {
    let rows = sync_rows();
    assert_eq!(rows.len(), 61);
    for tc in rows {
        let name = tc.name;
        let (cj, mut state, w) = setup(&tc);
        let got = summarize(sync(&cj, &mut state, &w));

        assert_eq!(
            got.creates.len(),
            usize::from(tc.expect_create),
            "{name}: creates"
        );
        for nj in &got.creates {
            let r = nj
                .job
                .metadata
                .owner_references
                .as_ref()
                .and_then(|r| r.first());
            let r = r.unwrap_or_else(|| panic!("{name}: expected job to have ControllerRef"));
            assert_eq!(
                (
                    r.api_version.as_str(),
                    r.kind.as_str(),
                    r.name.as_str(),
                    r.controller
                ),
                ("batch/v1", "CronJob", CJ, Some(true)),
                "{name}"
            );
            assert_eq!(nj.cron_job.as_deref(), Some(CJ), "{name}");
            assert_eq!(nj.scheduled_time, state.last_schedule_time, "{name}");
        }
        assert_eq!(
            got.deletes.len(),
            usize::from(tc.expect_delete),
            "{name}: deletes"
        );

        let mut expected_events = usize::from(tc.expect_create) + usize::from(tc.expect_delete);
        if name == "still active, is time, F" {
            // The only case that raises an event for not scheduling.
            expected_events += 1;
        }
        expected_events += tc.expected_warnings;
        assert_eq!(
            got.events.len(),
            expected_events,
            "{name}: events {:?}",
            got.events
        );
        let warnings = got.events.iter().filter(|e| e.0 == "Warning").count();
        assert_eq!(
            warnings, tc.expected_warnings,
            "{name}: warnings {:?}",
            got.events
        );

        assert_eq!(state.active.len(), tc.expect_active, "{name}: active");
        match tc.expected_requeue {
            Some(d) => assert_eq!(
                got.requeues,
                vec![ms(tc.now) + d.num_milliseconds()],
                "{name}: requeue"
            ),
            None => assert!(
                got.requeues.is_empty(),
                "{name}: requeue {:?}",
                got.requeues
            ),
        }
        if tc.ran_previously && !tc.still_active {
            let completion = ms(tc.job_creation_time + s(10));
            assert_eq!(
                state.last_successful_time,
                Some(completion),
                "{name}: lastSuccessfulTime"
            );
        }
    }
}

/// The exact texts of the warnings in the table above.
#[test]
fn warning_messages() {
    let (cj, mut state, w) = setup(&Row {
        schedule: ERROR_SCHEDULE,
        ..row("never ran, not valid schedule, A", "Allow")
    });
    let got = summarize(sync(&cj, &mut state, &w));
    assert_eq!(
        got.events,
        vec![(
            "Warning",
            "UnparseableSchedule".to_string(),
            "unparseable schedule: \"obvious error schedule\" : expected exactly 5 fields, found 3: [obvious error schedule]".to_string()
        )]
    );

    let (cj, mut state, w) = setup(&Row {
        time_zone: Some("bad timezone"),
        ..row("never ran, not valid time zone", "Allow")
    });
    let got = summarize(sync(&cj, &mut state, &w));
    assert_eq!(
        got.events,
        vec![(
            "Warning",
            "UnknownTimeZone".to_string(),
            "invalid timeZone: \"bad timezone\": unknown time zone bad timezone".to_string()
        )]
    );

    let (cj, mut state, w) = setup(&Row {
        ran_previously: true,
        now: week_after_the_hour(),
        ..row("prev ran but done, long overdue, no deadline, A", "Allow")
    });
    let got = summarize(sync(&cj, &mut state, &w));
    let reasons: Vec<&str> = got.events.iter().map(|e| e.1.as_str()).collect();
    assert_eq!(reasons, ["TooManyMissedTimes", "SuccessfulCreate"]);
    assert_eq!(got.events[0].2, TOO_MANY_MISSED_MESSAGE);
    let expected = job_name_at(week_after_the_hour());
    assert_eq!(got.events[1].2, format!("Created job {expected}"));

    let (cj, mut state, w) = setup(&Row {
        schedule: "TZ=UTC 0 * * * ?",
        now: just_after_the_hour(),
        ..row("TZ in schedule", "Allow")
    });
    let got = summarize(sync(&cj, &mut state, &w));
    assert_eq!(got.events[0].1, "UnsupportedSchedule");
    assert_eq!(
        got.events[0].2,
        "CRON_TZ or TZ used in schedule \"TZ=UTC 0 * * * ?\" is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details"
    );

    // A schedule that never fires: mostRecentScheduleTime's error, and no requeue.
    let (cj, mut state, w) = setup(&Row {
        schedule: "59 23 31 2 *",
        ..row("rogue", "Allow")
    });
    let got = summarize(sync(&cj, &mut state, &w));
    assert_eq!(
        got.events,
        vec![(
            "Warning",
            "InvalidSchedule".to_string(),
            "invalid schedule: 59 23 31 2 * : time difference between two schedules is less than 1 second".to_string()
        )]
    );
    assert!(got.requeues.is_empty());
}

/// Forbid with an active Job: the JobAlreadyActive text, and lastScheduleTime stays put.
#[test]
fn forbid_keeps_last_schedule_time() {
    let tc = Row {
        ran_previously: true,
        still_active: true,
        now: just_after_the_hour(),
        ..row("still active, is time, F", "Forbid")
    };
    let (cj, mut state, mut w) = setup(&tc);
    let before = state.last_schedule_time;
    let got = summarize(sync(&cj, &mut state, &w));
    assert_eq!(
        got.events,
        vec![(
            "Normal",
            "JobAlreadyActive".to_string(),
            JOB_ALREADY_ACTIVE_MESSAGE.to_string()
        )]
    );
    assert_eq!(state.last_schedule_time, before);

    // The active Job finishes 20 minutes later: the skipped 10:00 run starts late.
    let old = state.active[0].clone();
    let key = (NS.to_string(), old.clone());
    let r = w.job_records.get_mut(&key).expect("record");
    r.status = "Complete".into();
    r.finished = Some(ms(top_of_the_hour() + m(20)));
    w.now = ms(top_of_the_hour() + m(20));
    let got = summarize(sync(&cj, &mut state, &w));
    let reasons: Vec<&str> = got.events.iter().map(|e| e.1.as_str()).collect();
    assert_eq!(reasons, ["SawCompletedJob", "SuccessfulCreate"]);
    assert_eq!(
        got.events[0].2,
        format!("Saw completed job: {old}, condition: Complete")
    );
    assert_eq!(got.creates.len(), 1);
    assert_eq!(got.creates[0].scheduled_time, Some(ms(top_of_the_hour())));
    assert_eq!(state.last_schedule_time, Some(ms(top_of_the_hour())));
    assert_eq!(
        state.last_successful_time,
        Some(ms(top_of_the_hour() + m(20)))
    );

    // With startingDeadlineSeconds 10 the late start is skipped silently (no MissSchedule).
    let mut cj2 = cj.clone();
    cj2.spec.starting_deadline_seconds = Some(SHORT_DEAD);
    let (_, mut state, mut w) = setup(&tc);
    let _ = sync(&cj2, &mut state, &w);
    let r = w.job_records.get_mut(&key).expect("record");
    r.status = "Complete".into();
    r.finished = Some(ms(top_of_the_hour() + m(20)));
    w.now = ms(top_of_the_hour() + m(20));
    let got = summarize(sync(&cj2, &mut state, &w));
    let reasons: Vec<&str> = got.events.iter().map(|e| e.1.as_str()).collect();
    assert_eq!(reasons, ["SawCompletedJob"]);
    assert!(got.creates.is_empty());
    // The 11:00:00.100 wake-up queued by the first sync still stands.
    assert!(got.requeues.is_empty());
    assert_eq!(state.requeue_at, Some(ms(top_of_the_hour() + h(1)) + 100));
}

/// kubernetes cronjob_controllerv2_test.go TestControllerV2CleanupFinishedJobs (the deletions;
/// kubeplay has no job quota to make the creation fail).
#[test]
fn test_controller_v2_cleanup_finished_jobs() {
    for (name, now, limit, expected) in [
        (
            "jobs are still deleted when a cronjob can't create jobs due to jobs quota being reached (avoiding a deadlock)",
            just_after_the_hour(),
            1,
            vec!["finished-job-started-hour-ago"],
        ),
        ("jobs are not deleted if history limit not reached", just_before_the_hour(), 2, vec![]),
    ] {
        let mut cj = cron_job();
        cj.spec.schedule = ON_THE_HOUR.into();
        cj.spec.successful_jobs_history_limit = Some(limit);
        let mut state = State {
            created: Some(ms(just_before_the_prior_hour())),
            last_schedule_time: Some(ms(just_after_the_prior_hour())),
            ..Default::default()
        };
        let mut w = world_at(now);
        let mut jobs = vec![("finished-job-started-hour-ago", just_before_the_prior_hour())];
        if limit == 1 {
            jobs.push(("finished-job-started-minute-ago", just_before_the_hour()));
        }
        for (job, start) in jobs {
            let mut j = job_for(&cj, start);
            j.metadata.name = Some(job.into());
            put_job(&mut w, j, start, Some(("Complete", start)));
            state.jobs.insert(job.into());
        }
        let got = summarize(sync(&cj, &mut state, &w));
        let deleted: Vec<&str> = got.deletes.iter().map(|d| d.0.as_str()).collect();
        assert_eq!(deleted, expected, "{name}");
        for d in &got.deletes {
            assert_eq!(d.1.as_deref(), Some(REASON_HISTORY_LIMIT));
        }
    }
}

/// utils_test.go TestByJobStartTime, as the cleanup sees it: oldest start first, names breaking
/// ties.
#[test]
fn test_by_job_start_time() {
    let mut cj = cron_job();
    cj.spec.schedule = ON_THE_HOUR.into();
    cj.spec.successful_jobs_history_limit = Some(0);
    let now = t("2018-01-01T02:03:04Z");
    let later = t("2019-01-01T02:03:04Z");
    let mut state = State {
        created: Some(ms(now)),
        ..Default::default()
    };
    let mut w = world_at(later);
    for (job, start) in [("b", now), ("a", later), ("c", now)] {
        let mut j = job_for(&cj, start);
        j.metadata.name = Some(job.into());
        put_job(&mut w, j, start, Some(("Complete", start)));
        state.jobs.insert(job.into());
    }
    let got = summarize(sync(&cj, &mut state, &w));
    let deleted: Vec<&str> = got.deletes.iter().map(|d| d.0.as_str()).collect();
    assert_eq!(deleted, ["b", "c", "a"]);
}

/// TestControllerV2JobAlreadyExistsButNotInActiveStatus: a Job for the scheduled time exists (the
/// controller created it but did not record it): it goes back into the active list.
#[test]
fn test_job_already_exists_but_not_in_active_status() {
    let mut cj = cron_job();
    cj.spec.concurrency_policy = Some("Forbid".into());
    cj.spec.schedule = EVERY_HOUR.into();
    let mut state = State {
        created: Some(ms(just_before_the_prior_hour())),
        last_schedule_time: Some(ms(just_before_the_prior_hour())),
        ..Default::default()
    };
    let mut w = world_at(just_before_the_hour());
    let job = job_for(&cj, just_before_the_hour());
    let name = job.metadata.name.clone().unwrap_or_default();
    put_job(&mut w, job, just_before_the_hour(), None);
    // Not in the controller's Job list yet (upstream: not in the informer cache).
    state.foreign_seen = w.jobs.len();
    let got = summarize(sync(&cj, &mut state, &w));
    assert!(got.creates.is_empty());
    assert!(got.events.is_empty(), "{:?}", got.events);
    assert_eq!(state.active, vec![name]);
    assert_eq!(state.last_schedule_time, Some(ms(just_before_the_hour())));
}

/// TestControllerV2JobAlreadyExistsButDifferentOwner: a Job with the scheduled name that another
/// owner controls is left alone and the CronJob does not change.
#[test]
fn test_job_already_exists_but_different_owner() {
    let mut cj = cron_job();
    cj.spec.concurrency_policy = Some("Forbid".into());
    cj.spec.schedule = EVERY_HOUR.into();
    let mut state = State {
        created: Some(ms(just_before_the_prior_hour())),
        last_schedule_time: Some(ms(just_before_the_prior_hour())),
        ..Default::default()
    };
    let mut w = world_at(just_before_the_hour());
    let mut job = job_for(&cj, just_before_the_hour());
    job.metadata.owner_references = Some(vec![]);
    put_job(&mut w, job, just_before_the_hour(), None);
    w.job_records
        .values_mut_unordered()
        .for_each(|r| r.cron_job = None);
    let before = state.clone();
    let got = summarize(sync(&cj, &mut state, &w));
    assert!(got.creates.is_empty() && got.events.is_empty() && got.requeues.is_empty());
    assert_eq!(state.active, before.active);
    assert_eq!(state.last_schedule_time, before.last_schedule_time);
}

/// utils_test.go TestGetJobFromTemplate2.
#[test]
fn test_get_job_from_template2() {
    let scheduled = top_of_the_hour();
    let mut cj = cron_job();
    cj.spec.job_template.spec = Some(JobSpec {
        active_deadline_seconds: Some(1),
        manual_selector: Some(false),
        ..job_spec()
    });
    for (name, tz, annotations, expected_stamp, expected_count) in [
        (
            "UTC timezone and one annotation",
            Some("UTC"),
            vec![("x", "y")],
            "2016-05-19T10:00:00Z",
            2,
        ),
        (
            "nil timezone and one annotation",
            None,
            vec![("x", "y")],
            "2016-05-19T10:00:00Z",
            2,
        ),
        (
            "correct timezone and multiple annotation",
            Some("Europe/Rome"),
            vec![("x", "y"), ("z", "x")],
            "2016-05-19T12:00:00+02:00",
            3,
        ),
    ] {
        let meta = cj
            .spec
            .job_template
            .metadata
            .get_or_insert_with(Default::default);
        meta.annotations = Some(
            annotations
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        );
        cj.spec.time_zone = tz.map(str::to_string);
        let zone = crate::cron::load_location(tz.unwrap_or(""))
            .ok()
            .flatten()
            .unwrap_or(chrono_tz::Tz::UTC);
        let job = job_from_template(&cj, scheduled, zone);
        let jname = job.metadata.name.clone().unwrap_or_default();
        assert!(jname.starts_with("mycronjob-"), "{name}: wrong name");
        assert_eq!(jname, "mycronjob-24394200", "{name}");
        assert_eq!(
            job.metadata.labels.as_ref().map(BTreeMap::len),
            Some(1),
            "{name}"
        );
        let ann = job.metadata.annotations.clone().unwrap_or_default();
        assert_eq!(ann.len(), expected_count, "{name}");
        assert_eq!(
            ann.get(ANN_SCHEDULED_TIMESTAMP).map(String::as_str),
            Some(expected_stamp),
            "{name}"
        );
        assert_eq!(job.metadata.namespace.as_deref(), Some(NS));
        assert_eq!(
            job.spec.as_ref().and_then(|s| s.active_deadline_seconds),
            Some(1)
        );
    }
}

#[test]
fn formats() {
    assert_eq!(
        job_name("hello", ms(t("2026-01-01T00:01:00Z"))),
        "hello-29453761"
    );
    assert_eq!(job_name("x", -60_001), "x--2");
    assert_eq!(
        rfc1123z(top_of_the_hour()),
        "Thu, 19 May 2016 10:00:00 +0000"
    );
    let seoul: chrono_tz::Tz = "Asia/Seoul".parse().expect("zone");
    assert_eq!(
        rfc3339_in(top_of_the_hour(), seoul),
        "2016-05-19T19:00:00+09:00"
    );
    // A zero offset prints Z, as Go's RFC3339 does.
    let london: chrono_tz::Tz = "Europe/London".parse().expect("zone");
    assert_eq!(
        rfc3339_in(t("2016-01-19T10:00:00Z"), london),
        "2016-01-19T10:00:00Z"
    );
}

/// A Job made by `kubectl create job --from=cronjob/X`: UnexpectedJob while it runs, never in the
/// active list, counted for lastSuccessfulTime and the history limit once it finishes.
#[test]
fn manual_job() {
    let mut cj = cron_job();
    cj.spec.schedule = ON_THE_HOUR.into();
    let mut state = State::default();
    let mut w = world_at(just_after_the_prior_hour());
    let _ = sync(&cj, &mut state, &w);
    let mut job = job_for(&cj, just_after_the_prior_hour());
    job.metadata.name = Some("manual".into());
    job.metadata.annotations = Some(BTreeMap::from([(ANN_INSTANTIATE.into(), "manual".into())]));
    w.now += 5_000;
    put_job(&mut w, job, just_after_the_prior_hour() + s(5), None);
    let got = summarize(sync(&cj, &mut state, &w));
    assert_eq!(
        got.events,
        vec![(
            "Warning",
            "UnexpectedJob".to_string(),
            "Saw a job that the controller did not create or forgot: manual".to_string()
        )]
    );
    assert!(state.active.is_empty());
    let key = (NS.to_string(), "manual".to_string());
    let r = w.job_records.get_mut(&key).expect("record");
    r.status = "Complete".into();
    r.finished = Some(w.now + 30_000);
    w.now += 30_000;
    let got = summarize(sync(&cj, &mut state, &w));
    assert!(got.events.is_empty(), "{:?}", got.events);
    assert_eq!(state.last_successful_time, Some(w.now));
}

/// An active Job deleted by someone else: MissingJob, and it leaves the active list.
#[test]
fn missing_job() {
    let tc = Row {
        ran_previously: true,
        still_active: true,
        ..row("still active, not time, A", "Allow")
    };
    let (cj, mut state, mut w) = setup(&tc);
    let name = state.active[0].clone();
    // As `kubectl delete job` does: the Job and its timeline record are marked deleted.
    let key = (NS.to_string(), name.clone());
    if let Some(j) = w.jobs.get_mut(&key) {
        j.deleted = Some(w.now);
    }
    if let Some(r) = w.job_records.get_mut(&key) {
        r.deleted = Some(w.now);
    }
    let got = summarize(sync(&cj, &mut state, &w));
    assert_eq!(
        got.events,
        vec![(
            "Normal",
            "MissingJob".to_string(),
            format!("Active job went missing: {name}")
        )]
    );
    assert!(state.active.is_empty() && state.jobs.is_empty());
}

/// The history cleanup runs before the active list is reconciled: the fourth successful Job makes
/// the oldest go first, then SawCompletedJob; a Job the cleanup deletes is not "seen completed".
#[test]
fn cleanup_before_sync_event_order() {
    let mut cj = cron_job();
    cj.spec.schedule = ON_THE_HOUR.into();
    let base = t("2016-05-19T06:00:00Z");
    let mut state = State {
        created: Some(ms(base - m(1))),
        ..Default::default()
    };
    let mut w = world_at(base + h(3) + m(5));
    for i in 0..4 {
        let at = base + h(i);
        let job = job_for(&cj, at);
        let name = job.metadata.name.clone().unwrap_or_default();
        put_job(&mut w, job, at, Some(("Complete", at + m(2))));
        state.jobs.insert(name.clone());
        if i == 3 {
            state.active.push(name);
        }
    }
    state.last_schedule_time = Some(ms(base + h(3)));
    let got = summarize(sync(&cj, &mut state, &w));
    let reasons: Vec<&str> = got.events.iter().map(|e| e.1.as_str()).collect();
    assert_eq!(reasons, ["SuccessfulDelete", "SawCompletedJob"]);
    assert_eq!(
        got.events[0].2,
        format!("Deleted job {}", job_name_at(base))
    );
    assert_eq!(
        got.deletes,
        vec![(job_name_at(base), Some(REASON_HISTORY_LIMIT.to_string()))]
    );
    assert_eq!(state.last_successful_time, Some(ms(base + h(3) + m(2))));
    assert_eq!(state.jobs.len(), 3);

    // successfulJobsHistoryLimit 0: the finished active Job is deleted without SawCompletedJob.
    cj.spec.successful_jobs_history_limit = Some(0);
    let mut state2 = State {
        created: Some(ms(base - m(1))),
        ..Default::default()
    };
    let name = job_name_at(base + h(3));
    state2.jobs.insert(name.clone());
    state2.active.push(name);
    state2.last_schedule_time = Some(ms(base + h(3)));
    let got = summarize(sync(&cj, &mut state2, &w));
    let reasons: Vec<&str> = got.events.iter().map(|e| e.1.as_str()).collect();
    // The other three finished Jobs are found in the namespace and go too.
    assert_eq!(reasons, ["SuccessfulDelete"; 4]);
    assert!(!got.events.iter().any(|e| e.2.contains("Saw completed")));
    assert!(state2.active.is_empty() && state2.jobs.is_empty());
}

/// Failed Jobs: failedJobsHistoryLimit defaults to 1; they never set lastSuccessfulTime.
#[test]
fn failed_history_limit() {
    let mut cj = cron_job();
    cj.spec.schedule = ON_THE_HOUR.into();
    let base = t("2016-05-19T06:00:00Z");
    let mut state = State {
        created: Some(ms(base - m(1))),
        ..Default::default()
    };
    let mut w = world_at(base + h(2) + m(5));
    for i in 0..3 {
        let at = base + h(i);
        let job = job_for(&cj, at);
        state
            .jobs
            .insert(job.metadata.name.clone().unwrap_or_default());
        put_job(&mut w, job, at, Some(("Failed", at + m(2))));
    }
    state.last_schedule_time = Some(ms(base + h(2)));
    let got = summarize(sync(&cj, &mut state, &w));
    let deleted: Vec<String> = got.deletes.iter().map(|d| d.0.clone()).collect();
    assert_eq!(deleted, vec![job_name_at(base), job_name_at(base + h(1))]);
    assert_eq!(state.last_successful_time, None);
}

/// A second sync at the same instant does not queue the same wake-up again.
#[test]
fn requeue_once() {
    let (cj, mut state, w) = setup(&row("never ran, not time, A", "Allow"));
    assert_eq!(summarize(sync(&cj, &mut state, &w)).requeues.len(), 1);
    assert!(summarize(sync(&cj, &mut state, &w)).requeues.is_empty());
}

/// The first sync records the creation time; missing fields never panic.
#[test]
fn odd_inputs() {
    let mut w = world_at(top_of_the_hour());
    let mut state = State::default();
    let cj = CronJob::default();
    let got = summarize_any(sync(&cj, &mut state, &w));
    assert_eq!(state.created, Some(w.now));
    assert_eq!(got, vec!["Warning/UnparseableSchedule".to_string()]);

    // No jobTemplate.spec: FailedCreate instead of an invalid Job.
    let mut cj = cron_job();
    cj.spec.job_template.spec = None;
    let mut state = State {
        created: Some(ms(just_before_the_hour())),
        ..Default::default()
    };
    w.now = ms(just_after_the_hour());
    let got = summarize(sync(&cj, &mut state, &w));
    assert!(got.creates.is_empty());
    assert_eq!(got.events[0].1, "FailedCreate");
    assert_eq!(got.requeues.len(), 1);

    // Huge deadlines and far-away times.
    let mut cj = cron_job();
    cj.spec.starting_deadline_seconds = Some(i64::MAX);
    let mut state = State::default();
    w.now = i64::MAX / 2;
    let _ = sync(&cj, &mut state, &w);
    cj.spec.starting_deadline_seconds = Some(i64::MIN);
    w.now = i64::MIN / 2;
    let _ = sync(&cj, &mut state, &w);
}

fn summarize_any(actions: Vec<Action>) -> Vec<String> {
    actions
        .into_iter()
        .filter_map(|a| match a {
            Action::Event { type_, reason, .. } => Some(format!("{type_}/{reason}")),
            _ => None,
        })
        .collect()
}

#[test]
fn kubectl_columns_of_a_cron_job() {
    let mut cj = cron_job();
    let state = State {
        active: vec!["a".into(), "b".into()],
        last_schedule_time: Some(60_000),
        ..Default::default()
    };
    let c = kubectl_columns(&cj, &state, 150_000);
    assert_eq!(
        c,
        KubectlColumns {
            schedule: "* * * * ?".into(),
            time_zone: "<none>".into(),
            suspend: "False".into(),
            active: 2,
            last_schedule_age: Some(90_000),
        }
    );
    cj.spec.suspend = Some(true);
    cj.spec.time_zone = Some("Asia/Seoul".into());
    let c = kubectl_columns(&cj, &State::default(), 0);
    assert_eq!(
        (
            c.time_zone.as_str(),
            c.suspend.as_str(),
            c.last_schedule_age
        ),
        ("Asia/Seoul", "True", None)
    );
}

/// `@every 30s`: two scheduled times in one minute share a Job name; the second finds the first in
/// the active list ("the scheduled time is already processed") and starts nothing; with the first
/// finished, creating it meets "AlreadyExists" and the finished Job goes back into the active list.
#[test]
fn two_runs_in_one_minute_share_a_name() {
    let mut cj = cron_job();
    cj.spec.schedule = "@every 30s".into();
    let base = top_of_the_hour();
    let mut state = State {
        created: Some(ms(base)),
        ..Default::default()
    };
    let mut w = world_at(base);
    let mut names = Vec::new();
    for step in 1..=3 {
        w.now = ms(base + s(30 * step)) + 100;
        let got = summarize(sync(&cj, &mut state, &w));
        for nj in got.creates.iter() {
            let at = DateTime::from_timestamp_millis(w.now).expect("time");
            put_job(&mut w, nj.job.clone(), at, None);
        }
        names.push((
            got.creates.len(),
            got.requeues.len(),
            state.active.len(),
            got.events.len(),
        ));
    }
    // 10:00:30 and 10:01:00 start Jobs; 10:01:30 maps to the 10:01 name, which is active.
    assert_eq!(names, vec![(1, 1, 1, 1), (1, 1, 2, 1), (0, 1, 2, 0)]);
    assert_eq!(state.last_schedule_time, Some(ms(base + s(60))));

    // The 10:01 Job has finished by 10:01:40 and a controller whose status does not list it syncs:
    // creating the 10:01:30 run meets AlreadyExists and the finished Job is adopted as active.
    let first = state.active[1].clone();
    let key = (NS.to_string(), first.clone());
    let r = w.job_records.get_mut(&key).expect("record");
    r.status = "Complete".into();
    r.finished = Some(ms(base + s(100)));
    let mut fresh = State {
        created: Some(ms(base)),
        last_schedule_time: Some(ms(base + s(60))),
        jobs: state.jobs.clone(),
        ..Default::default()
    };
    fresh.foreign_seen = w.jobs.len();
    w.now = ms(base + s(100));
    let got = summarize(sync(&cj, &mut fresh, &w));
    assert!(got.creates.is_empty());
    assert_eq!(fresh.active, vec![first]);
    assert_eq!(fresh.last_schedule_time, Some(ms(base + s(90))));
}
