//! Kubernetes tests: `pkg/controller/cronjob/utils_test.go` (TestMostRecentScheduleTime,
//! TestNextScheduleTime, TestNextScheduleTimeDuration) and the schedule / time-zone cases of
//! `pkg/apis/batch/validation/validation_test.go` (TestValidateCronJob).

use chrono::{DateTime, TimeDelta, Utc};
use chrono_tz::Tz;

use super::k8s::PreviousSpec;
use super::{
    most_recent_schedule_time, next_schedule_time, next_schedule_time_duration, parse_standard,
    validate_cronjob_schedule, validate_for_cronjob, CronJobTimes, MissedSchedules,
    NEXT_SCHEDULE_DELTA_MS,
};

/// upstream `topOfTheHour()`: 2016-05-19T10:00:00Z.
fn top_of_the_hour() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2016-05-19T10:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

/// upstream `deltaTimeAfterTopOfTheHour(d)`.
fn after_top(d: TimeDelta) -> DateTime<Utc> {
    top_of_the_hour() + d
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

struct Case {
    name: &'static str,
    schedule: &'static str,
    creation: DateTime<Utc>,
    last: Option<DateTime<Utc>>,
    sds: Option<i64>,
    include_sds: bool,
    now: DateTime<Utc>,
    earliest: DateTime<Utc>,
    recent: Option<DateTime<Utc>>,
    missed: MissedSchedules,
    want_err: bool,
}

fn case(name: &'static str, schedule: &'static str) -> Case {
    Case {
        name,
        schedule,
        creation: top_of_the_hour(),
        last: None,
        sds: None,
        include_sds: false,
        now: top_of_the_hour(),
        earliest: top_of_the_hour(),
        recent: None,
        missed: MissedSchedules::None,
        want_err: false,
    }
}

/// utils_test.go TestMostRecentScheduleTime (all 13 cases).
#[test]
fn test_most_recent_schedule_time() {
    let top = top_of_the_hour();
    let half_past = after_top(m(30));
    let minute_after = after_top(m(1));
    let cases = vec![
        Case {
            now: top + s(30),
            ..case("now before next schedule", "0 * * * *")
        },
        Case {
            now: top + m(61),
            recent: Some(after_top(m(60))),
            ..case("now just after next schedule", "0 * * * *")
        },
        Case {
            creation: after_top(s(10)),
            now: after_top(m(301)),
            recent: Some(after_top(m(300))),
            earliest: after_top(s(10)),
            missed: MissedSchedules::Few,
            ..case("missed 5 schedules", "0 * * * *")
        },
        Case {
            last: Some(half_past),
            now: after_top(h(24) + m(31)),
            recent: Some(after_top(h(24) + m(30))),
            earliest: half_past,
            missed: MissedSchedules::Few,
            ..case("complex schedule", "30 6-16/4 * * 1-5")
        },
        Case {
            last: Some(half_past),
            now: after_top(h(30) + m(30)),
            recent: None,
            earliest: half_past,
            missed: MissedSchedules::Few,
            ..case("another complex schedule", "30 10,11,12 * * 1-5")
        },
        Case {
            last: Some(half_past),
            now: after_top(h(96) + m(31)),
            recent: Some(after_top(h(96) + m(30))),
            earliest: half_past,
            missed: MissedSchedules::Few,
            ..case(
                "complex schedule with longer diff between executions",
                "30 6-16/4 * * 1-5",
            )
        },
        Case {
            now: after_top(h(24) + m(31)),
            recent: Some(after_top(h(24) + m(30))),
            earliest: top,
            missed: MissedSchedules::Few,
            ..case(
                "complex schedule with shorter diff between executions",
                "30 6-16/4 * * 1-5",
            )
        },
        Case {
            creation: after_top(m(-59)),
            sds: Some(10),
            last: Some(minute_after),
            now: after_top(h(7 * 24)),
            recent: Some(after_top(h(6 * 24) + h(23) + m(1))),
            earliest: minute_after,
            missed: MissedSchedules::Many,
            ..case("@every schedule", "@every 1h")
        },
        Case {
            creation: after_top(s(10)),
            now: after_top(h(1)),
            want_err: true,
            ..case("rogue cronjob", "59 23 31 2 *")
        },
        Case {
            last: Some(top),
            now: after_top(s(30)),
            earliest: top,
            ..case(
                "earliestTime being CreationTimestamp and LastScheduleTime",
                "0 * * * *",
            )
        },
        Case {
            last: Some(half_past),
            now: after_top(m(31)),
            earliest: half_past,
            ..case("earliestTime being LastScheduleTime", "*/5 * * * *")
        },
        Case {
            last: Some(half_past),
            sds: Some(60),
            now: after_top(m(31)),
            earliest: half_past,
            ..case(
                "earliestTime being LastScheduleTime (within StartingDeadlineSeconds)",
                "*/5 * * * *",
            )
        },
        Case {
            last: Some(half_past),
            sds: Some(60),
            include_sds: true,
            now: after_top(m(32)),
            earliest: after_top(m(31)),
            ..case(
                "earliestTime being LastScheduleTime (outside StartingDeadlineSeconds)",
                "*/5 * * * *",
            )
        },
    ];
    for c in cases {
        let sched = parse_standard(c.schedule).unwrap();
        let cj = CronJobTimes {
            creation_timestamp: c.creation,
            last_schedule_time: c.last,
            starting_deadline_seconds: c.sds,
        };
        let got = most_recent_schedule_time(&sched, Tz::UTC, &cj, c.now, c.include_sds);
        if c.want_err {
            assert!(got.is_err(), "{}: {got:?}", c.name);
            assert_eq!(
                got.unwrap_err().to_string(),
                "time difference between two schedules is less than 1 second"
            );
            continue;
        }
        let got = got.unwrap_or_else(|e| panic!("{}: {e}", c.name));
        assert_eq!(got.earliest, c.earliest, "{}: earliest", c.name);
        assert_eq!(got.most_recent, c.recent, "{}: most recent", c.name);
        assert_eq!(got.missed, c.missed, "{}: missed", c.name);
    }
}

/// utils_test.go TestNextScheduleTime (cases 1-8), hourly `0 * * * ?`.
#[test]
fn test_next_schedule_time() {
    let sched = parse_standard("0 * * * ?").unwrap();
    let t1 = top_of_the_hour();
    let t2 = after_top(h(1));
    let run = |creation, last, sds, now| {
        let cj = CronJobTimes {
            creation_timestamp: creation,
            last_schedule_time: last,
            starting_deadline_seconds: sds,
        };
        next_schedule_time(&sched, Tz::UTC, &cj, now)
    };
    // Case 1: no known start times, and none needed yet.
    assert_eq!(run(t1 - m(10), None, None, t1 - m(7)), Ok(None));
    // Case 2: no known start times, and one needed.
    let got = run(t1 - m(10), None, None, t1 + s(2)).unwrap().unwrap();
    assert_eq!(got.scheduled, t1);
    // Case 3: known LastScheduleTime, no start needed.
    assert_eq!(run(t1 - m(10), Some(t1), None, t1 + m(2)), Ok(None));
    // Case 4: known LastScheduleTime, a start needed.
    assert_eq!(
        run(t1 - m(10), Some(t1), None, t2 + m(5))
            .unwrap()
            .unwrap()
            .scheduled,
        t2
    );
    // Case 5: known LastScheduleTime, two starts needed.
    assert_eq!(
        run(t1 - h(2), Some(t1 - h(1)), None, t2 + m(5))
            .unwrap()
            .unwrap()
            .scheduled,
        t2
    );
    // Case 6: now is way way ahead of last start time, and there is no deadline.
    let got = run(t1 - h(2), Some(t1 - h(1)), None, t2 + h(10 * 24))
        .unwrap()
        .unwrap();
    assert!(got.too_many_missed);
    assert_eq!(got.scheduled, t2 + h(10 * 24));
    // Case 7: now is way way ahead of last start time, but there is a short deadline.
    let got = run(
        t1 - h(2),
        Some(t1 - h(1)),
        Some(2 * 60 * 60),
        t2 + h(10 * 24),
    )
    .unwrap()
    .unwrap();
    assert!(!got.too_many_missed);
    // Case 8: the error from mostRecentScheduleTime gets populated up.
    let rogue = parse_standard("59 23 31 2 *").unwrap();
    let cj = CronJobTimes {
        creation_timestamp: t1 + s(10),
        last_schedule_time: None,
        starting_deadline_seconds: None,
    };
    assert!(next_schedule_time(&rogue, Tz::UTC, &cj, after_top(h(1))).is_err());
}

/// utils_test.go TestNextScheduleTimeDuration.
#[test]
fn test_next_schedule_time_duration() {
    let delta = TimeDelta::milliseconds(NEXT_SCHEDULE_DELTA_MS);
    let top = top_of_the_hour();
    // (name, schedule, lastScheduleTime, now, expected duration)
    type DurationCase = (
        &'static str,
        &'static str,
        Option<DateTime<Utc>>,
        DateTime<Utc>,
        TimeDelta,
    );
    let cases: Vec<DurationCase> = vec![
        (
            "complex schedule skipping weekend",
            "30 6-16/4 * * 1-5",
            Some(after_top(m(30))),
            after_top(h(24) + m(31)),
            h(3) + m(59) + delta,
        ),
        (
            "another complex schedule skipping weekend",
            "30 10,11,12 * * 1-5",
            Some(after_top(m(30))),
            after_top(h(30) + m(30)),
            h(66) + delta,
        ),
        (
            "once a week cronjob, missed two runs",
            "0 12 * * 4",
            Some(after_top(h(2))),
            after_top(h(19 * 24) + h(1) + m(30)),
            h(48) + m(30) + delta,
        ),
        (
            "no previous run of a cronjob",
            "0 12 * * 5",
            None,
            after_top(h(6)),
            h(20) + delta,
        ),
    ];
    for (name, spec, last, now, want) in cases {
        let sched = parse_standard(spec).unwrap();
        let cj = CronJobTimes {
            creation_timestamp: top,
            last_schedule_time: last,
            starting_deadline_seconds: None,
        };
        let got = next_schedule_time_duration(&sched, Tz::UTC, &cj, now).unwrap();
        assert!(got >= TimeDelta::zero(), "{name}");
        assert_eq!(got, want, "{name}");
    }
}

/// The controller with `spec.timeZone`: a daily 09:00 Seoul schedule is due at 00:00 UTC.
#[test]
fn test_most_recent_in_time_zone() {
    let seoul: Tz = "Asia/Seoul".parse().unwrap();
    let sched = parse_standard("0 9 * * *").unwrap();
    let creation = DateTime::parse_from_rfc3339("2026-01-01T12:00:00Z")
        .unwrap()
        .to_utc();
    let now = DateTime::parse_from_rfc3339("2026-01-02T00:00:05Z")
        .unwrap()
        .to_utc();
    let cj = CronJobTimes {
        creation_timestamp: creation,
        last_schedule_time: None,
        starting_deadline_seconds: None,
    };
    let due = next_schedule_time(&sched, seoul, &cj, now)
        .unwrap()
        .unwrap();
    assert_eq!(due.scheduled.to_rfc3339(), "2026-01-02T00:00:00+00:00");
}

/// validation_test.go TestValidateCronJob: the schedule and time-zone cases, with full messages.
#[test]
fn test_validate_cronjob() {
    // Success cases.
    for (schedule, tz) in [
        ("* * * * ?", None),
        ("@hourly", None),
        ("0 * * * *", Some("America/New_York")),
    ] {
        assert_eq!(
            validate_for_cronjob(schedule, tz),
            Vec::<String>::new(),
            "{schedule}"
        );
        let prev = PreviousSpec {
            schedule,
            time_zone: tz,
        };
        assert!(validate_cronjob_schedule(schedule, tz, Some(prev)).is_empty());
    }
    let cases: &[(&str, Option<&str>, &[&str])] = &[
        (
            "error",
            None,
            &[
                r#"spec.schedule: Invalid value: "error": expected exactly 5 fields, found 1: [error]"#,
            ],
        ),
        ("", None, &["spec.schedule: Required value"]),
        (
            "TZ=UTC 0 * * * *",
            Some("UTC"),
            &[
                r#"spec.schedule: Invalid value: "TZ=UTC 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead"#,
            ],
        ),
        (
            "0 * * * *",
            Some(""),
            &[r#"spec.timeZone: Invalid value: "": timeZone must be nil or non-empty string"#],
        ),
        (
            "0 * * * *",
            Some("Local"),
            &[
                r#"spec.timeZone: Invalid value: "Local": timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones"#,
            ],
        ),
        (
            "0 * * * *",
            Some(" Continent/Zone"),
            &[
                r#"spec.timeZone: Invalid value: " Continent/Zone": unknown time zone  Continent/Zone"#,
            ],
        ),
        (
            "0 * * * *",
            Some("Continent/InvalidZone"),
            &[
                r#"spec.timeZone: Invalid value: "Continent/InvalidZone": unknown time zone Continent/InvalidZone"#,
            ],
        ),
        (
            "0 * * * *",
            Some(" "),
            &[r#"spec.timeZone: Invalid value: " ": unknown time zone  "#],
        ),
        (
            "0 * * * *",
            Some("Continent/Zone "),
            &[
                r#"spec.timeZone: Invalid value: "Continent/Zone ": unknown time zone Continent/Zone "#,
            ],
        ),
        (
            "0 0 * * 7",
            None,
            &[
                r#"spec.schedule: Invalid value: "0 0 * * 7": end of range (7) above maximum (6): 7"#,
            ],
        ),
        (
            "CRON_TZ=Mars/Base 0 * * * *",
            None,
            &[
                r#"spec.schedule: Invalid value: "CRON_TZ=Mars/Base 0 * * * *": provided bad location Mars/Base: unknown time zone Mars/Base"#,
                r#"spec.schedule: Invalid value: "CRON_TZ=Mars/Base 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead"#,
            ],
        ),
        (
            "0 * * * *",
            Some("local"),
            &[
                r#"spec.timeZone: Invalid value: "local": timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones"#,
                r#"spec.timeZone: Invalid value: "local": unknown time zone local"#,
            ],
        ),
    ];
    for &(schedule, tz, want) in cases {
        assert_eq!(
            validate_for_cronjob(schedule, tz),
            want,
            "{schedule:?} {tz:?}"
        );
    }
}

/// validateScheduleFormat on update: a schedule that already had TZ may keep it, but not together
/// with timeZone; validateTimeZone only runs when the zone changed.
#[test]
fn test_validate_cronjob_update() {
    let prev = PreviousSpec {
        schedule: "TZ=UTC 0 * * * *",
        time_zone: None,
    };
    assert!(validate_cronjob_schedule("TZ=UTC 0 * * * *", None, Some(prev)).is_empty());
    let errs = validate_cronjob_schedule("TZ=UTC 0 * * * *", Some("UTC"), Some(prev));
    assert_eq!(
        errs.iter().map(ToString::to_string).collect::<Vec<_>>(),
        vec![
            r#"spec.schedule: Invalid value: "TZ=UTC 0 * * * *": cannot use both timeZone field and TZ or CRON_TZ in schedule"#
        ]
    );
    let prev = PreviousSpec {
        schedule: "0 * * * *",
        time_zone: Some("Bad/Zone"),
    };
    assert!(validate_cronjob_schedule("0 * * * *", Some("Bad/Zone"), Some(prev)).is_empty());
}
