//! Next-time tests: robfig/cron v3.0.1 `spec_test.go` (TestActivation, TestNext with its
//! daylight-saving cases, TestNextWithTz) and `constantdelay_test.go` (TestConstantDelayNext),
//! plus cross-checks of the fast path against a literal port and a brute-force matcher.
//!
//! robfig's tests run in `time.Local`; here "local" is UTC.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use chrono_tz::Tz;

use super::parser::{parse_with, Fields};
use super::spec::{spec_next, spec_next_literal, Kind, SpecBits};
use super::{parse_standard, Schedule};

/// robfig's `getTime`: `Mon Jul 9 15:04[:05[.frac]] 2012` (local, here UTC), or
/// `[TZ=Zone ]2006-01-02T15:04:05-0700`. Returns Unix seconds (nanos separately) and the zone of
/// the time (robfig's `t.Location()`).
fn get_time(value: &str) -> Option<(i64, u32, Tz)> {
    if value.is_empty() {
        return None;
    }
    let (zone, value) = match value.strip_prefix("TZ=") {
        Some(rest) => {
            let (z, v) = rest.split_once(' ').unwrap();
            (z.parse::<Tz>().unwrap(), v)
        }
        None => (Tz::UTC, value),
    };
    if let Ok(dt) = DateTime::parse_from_str(value, "%Y-%m-%dT%H:%M:%S%z") {
        return Some((dt.timestamp(), 0, zone));
    }
    let parts: Vec<&str> = value.split_whitespace().collect();
    let month = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
    .iter()
    .position(|m| *m == parts[1])
    .unwrap() as u32
        + 1;
    let day: u32 = parts[2].parse().unwrap();
    let year: i32 = parts[4].parse().unwrap();
    let clock: Vec<&str> = parts[3].split(':').collect();
    let (sec, nanos) = match clock.get(2) {
        Some(s) => match s.split_once('.') {
            Some((w, f)) => (w.parse().unwrap(), format!("{f:0<9}").parse().unwrap()),
            None => (s.parse().unwrap(), 0),
        },
        None => (0, 0),
    };
    let naive = NaiveDateTime::new(
        NaiveDate::from_ymd_opt(year, month, day).unwrap(),
        NaiveTime::from_hms_opt(clock[0].parse().unwrap(), clock[1].parse().unwrap(), sec).unwrap(),
    );
    let dt = zone.from_local_datetime(&naive).earliest().unwrap();
    Some((dt.timestamp(), nanos, zone))
}

/// robfig spec_test.go TestActivation.
#[test]
fn test_activation() {
    let cases: &[(&str, &str, bool)] = &[
        // Every fifteen minutes.
        ("Mon Jul 9 15:00 2012", "0/15 * * * *", true),
        ("Mon Jul 9 15:45 2012", "0/15 * * * *", true),
        ("Mon Jul 9 15:40 2012", "0/15 * * * *", false),
        // Every fifteen minutes, starting at 5 minutes.
        ("Mon Jul 9 15:05 2012", "5/15 * * * *", true),
        ("Mon Jul 9 15:20 2012", "5/15 * * * *", true),
        ("Mon Jul 9 15:50 2012", "5/15 * * * *", true),
        // Named months
        ("Sun Jul 15 15:00 2012", "0/15 * * Jul *", true),
        ("Sun Jul 15 15:00 2012", "0/15 * * Jun *", false),
        // Everything set.
        ("Sun Jul 15 08:30 2012", "30 08 ? Jul Sun", true),
        ("Sun Jul 15 08:30 2012", "30 08 15 Jul ?", true),
        ("Mon Jul 16 08:30 2012", "30 08 ? Jul Sun", false),
        ("Mon Jul 16 08:30 2012", "30 08 15 Jul ?", false),
        // Predefined schedules
        ("Mon Jul 9 15:00 2012", "@hourly", true),
        ("Mon Jul 9 15:04 2012", "@hourly", false),
        ("Mon Jul 9 15:00 2012", "@daily", false),
        ("Mon Jul 9 00:00 2012", "@daily", true),
        ("Mon Jul 9 00:00 2012", "@weekly", false),
        ("Sun Jul 8 00:00 2012", "@weekly", true),
        ("Sun Jul 8 01:00 2012", "@weekly", false),
        ("Sun Jul 8 00:00 2012", "@monthly", false),
        ("Sun Jul 1 00:00 2012", "@monthly", true),
        // Test interaction of DOW and DOM.
        // If both are restricted, then only one needs to match.
        ("Sun Jul 15 00:00 2012", "* * 1,15 * Sun", true),
        ("Fri Jun 15 00:00 2012", "* * 1,15 * Sun", true),
        ("Wed Aug 1 00:00 2012", "* * 1,15 * Sun", true),
        ("Sun Jul 15 00:00 2012", "* * */10 * Sun", true), // verifies #70
        // However, if one has a star, then both need to match.
        ("Sun Jul 15 00:00 2012", "* * * * Mon", false),
        ("Mon Jul 9 00:00 2012", "* * 1,15 * *", false),
        ("Sun Jul 15 00:00 2012", "* * 1,15 * *", true),
        ("Sun Jul 15 00:00 2012", "* * */2 * Sun", true),
    ];
    for &(time, spec, expected) in cases {
        let sched = parse_standard(spec).unwrap();
        let (t, _, zone) = get_time(time).unwrap();
        let actual = sched.next_unix(t - 1, zone);
        assert_eq!(actual == Some(t), expected, "{spec} on {time}");
        let at = DateTime::from_timestamp(t, 0).unwrap().with_timezone(&zone);
        assert_eq!(sched.fires_at(at), expected, "fires_at {spec} on {time}");
    }
}

/// robfig spec_test.go TestNext (robfig's `secondParser`: six fields, seconds first).
#[test]
fn test_next() {
    let cases: &[(&str, &str, &str)] = &[
        // Simple cases
        (
            "Mon Jul 9 14:45 2012",
            "0 0/15 * * * *",
            "Mon Jul 9 15:00 2012",
        ),
        (
            "Mon Jul 9 14:59 2012",
            "0 0/15 * * * *",
            "Mon Jul 9 15:00 2012",
        ),
        (
            "Mon Jul 9 14:59:59 2012",
            "0 0/15 * * * *",
            "Mon Jul 9 15:00 2012",
        ),
        // Wrap around hours
        (
            "Mon Jul 9 15:45 2012",
            "0 20-35/15 * * * *",
            "Mon Jul 9 16:20 2012",
        ),
        // Wrap around days
        (
            "Mon Jul 9 23:46 2012",
            "0 */15 * * * *",
            "Tue Jul 10 00:00 2012",
        ),
        (
            "Mon Jul 9 23:45 2012",
            "0 20-35/15 * * * *",
            "Tue Jul 10 00:20 2012",
        ),
        (
            "Mon Jul 9 23:35:51 2012",
            "15/35 20-35/15 * * * *",
            "Tue Jul 10 00:20:15 2012",
        ),
        (
            "Mon Jul 9 23:35:51 2012",
            "15/35 20-35/15 1/2 * * *",
            "Tue Jul 10 01:20:15 2012",
        ),
        (
            "Mon Jul 9 23:35:51 2012",
            "15/35 20-35/15 10-12 * * *",
            "Tue Jul 10 10:20:15 2012",
        ),
        (
            "Mon Jul 9 23:35:51 2012",
            "15/35 20-35/15 1/2 */2 * *",
            "Thu Jul 11 01:20:15 2012",
        ),
        (
            "Mon Jul 9 23:35:51 2012",
            "15/35 20-35/15 * 9-20 * *",
            "Wed Jul 10 00:20:15 2012",
        ),
        (
            "Mon Jul 9 23:35:51 2012",
            "15/35 20-35/15 * 9-20 Jul *",
            "Wed Jul 10 00:20:15 2012",
        ),
        // Wrap around months
        (
            "Mon Jul 9 23:35 2012",
            "0 0 0 9 Apr-Oct ?",
            "Thu Aug 9 00:00 2012",
        ),
        (
            "Mon Jul 9 23:35 2012",
            "0 0 0 */5 Apr,Aug,Oct Mon",
            "Tue Aug 1 00:00 2012",
        ),
        (
            "Mon Jul 9 23:35 2012",
            "0 0 0 */5 Oct Mon",
            "Mon Oct 1 00:00 2012",
        ),
        // Wrap around years
        (
            "Mon Jul 9 23:35 2012",
            "0 0 0 * Feb Mon",
            "Mon Feb 4 00:00 2013",
        ),
        (
            "Mon Jul 9 23:35 2012",
            "0 0 0 * Feb Mon/2",
            "Fri Feb 1 00:00 2013",
        ),
        // Wrap around minute, hour, day, month, and year
        (
            "Mon Dec 31 23:59:45 2012",
            "0 * * * * *",
            "Tue Jan 1 00:00:00 2013",
        ),
        // Leap year
        (
            "Mon Jul 9 23:35 2012",
            "0 0 0 29 Feb ?",
            "Mon Feb 29 00:00 2016",
        ),
        // Daylight savings time 2am EST (-5) -> 3am EDT (-4)
        (
            "2012-03-11T00:00:00-0500",
            "TZ=America/New_York 0 30 2 11 Mar ?",
            "2013-03-11T02:30:00-0400",
        ),
        // hourly job
        (
            "2012-03-11T00:00:00-0500",
            "TZ=America/New_York 0 0 * * * ?",
            "2012-03-11T01:00:00-0500",
        ),
        (
            "2012-03-11T01:00:00-0500",
            "TZ=America/New_York 0 0 * * * ?",
            "2012-03-11T03:00:00-0400",
        ),
        (
            "2012-03-11T03:00:00-0400",
            "TZ=America/New_York 0 0 * * * ?",
            "2012-03-11T04:00:00-0400",
        ),
        (
            "2012-03-11T04:00:00-0400",
            "TZ=America/New_York 0 0 * * * ?",
            "2012-03-11T05:00:00-0400",
        ),
        // hourly job using CRON_TZ
        (
            "2012-03-11T00:00:00-0500",
            "CRON_TZ=America/New_York 0 0 * * * ?",
            "2012-03-11T01:00:00-0500",
        ),
        (
            "2012-03-11T01:00:00-0500",
            "CRON_TZ=America/New_York 0 0 * * * ?",
            "2012-03-11T03:00:00-0400",
        ),
        (
            "2012-03-11T03:00:00-0400",
            "CRON_TZ=America/New_York 0 0 * * * ?",
            "2012-03-11T04:00:00-0400",
        ),
        (
            "2012-03-11T04:00:00-0400",
            "CRON_TZ=America/New_York 0 0 * * * ?",
            "2012-03-11T05:00:00-0400",
        ),
        // 1am nightly job
        (
            "2012-03-11T00:00:00-0500",
            "TZ=America/New_York 0 0 1 * * ?",
            "2012-03-11T01:00:00-0500",
        ),
        (
            "2012-03-11T01:00:00-0500",
            "TZ=America/New_York 0 0 1 * * ?",
            "2012-03-12T01:00:00-0400",
        ),
        // 2am nightly job (skipped)
        (
            "2012-03-11T00:00:00-0500",
            "TZ=America/New_York 0 0 2 * * ?",
            "2012-03-12T02:00:00-0400",
        ),
        // Daylight savings time 2am EDT (-4) => 1am EST (-5)
        (
            "2012-11-04T00:00:00-0400",
            "TZ=America/New_York 0 30 2 04 Nov ?",
            "2012-11-04T02:30:00-0500",
        ),
        (
            "2012-11-04T01:45:00-0400",
            "TZ=America/New_York 0 30 1 04 Nov ?",
            "2012-11-04T01:30:00-0500",
        ),
        // hourly job
        (
            "2012-11-04T00:00:00-0400",
            "TZ=America/New_York 0 0 * * * ?",
            "2012-11-04T01:00:00-0400",
        ),
        (
            "2012-11-04T01:00:00-0400",
            "TZ=America/New_York 0 0 * * * ?",
            "2012-11-04T01:00:00-0500",
        ),
        (
            "2012-11-04T01:00:00-0500",
            "TZ=America/New_York 0 0 * * * ?",
            "2012-11-04T02:00:00-0500",
        ),
        // 1am nightly job (runs twice)
        (
            "2012-11-04T00:00:00-0400",
            "TZ=America/New_York 0 0 1 * * ?",
            "2012-11-04T01:00:00-0400",
        ),
        (
            "2012-11-04T01:00:00-0400",
            "TZ=America/New_York 0 0 1 * * ?",
            "2012-11-04T01:00:00-0500",
        ),
        (
            "2012-11-04T01:00:00-0500",
            "TZ=America/New_York 0 0 1 * * ?",
            "2012-11-05T01:00:00-0500",
        ),
        // 2am nightly job
        (
            "2012-11-04T00:00:00-0400",
            "TZ=America/New_York 0 0 2 * * ?",
            "2012-11-04T02:00:00-0500",
        ),
        (
            "2012-11-04T02:00:00-0500",
            "TZ=America/New_York 0 0 2 * * ?",
            "2012-11-05T02:00:00-0500",
        ),
        // 3am nightly job
        (
            "2012-11-04T00:00:00-0400",
            "TZ=America/New_York 0 0 3 * * ?",
            "2012-11-04T03:00:00-0500",
        ),
        (
            "2012-11-04T03:00:00-0500",
            "TZ=America/New_York 0 0 3 * * ?",
            "2012-11-05T03:00:00-0500",
        ),
        // hourly job
        (
            "TZ=America/New_York 2012-11-04T00:00:00-0400",
            "0 0 * * * ?",
            "2012-11-04T01:00:00-0400",
        ),
        (
            "TZ=America/New_York 2012-11-04T01:00:00-0400",
            "0 0 * * * ?",
            "2012-11-04T01:00:00-0500",
        ),
        (
            "TZ=America/New_York 2012-11-04T01:00:00-0500",
            "0 0 * * * ?",
            "2012-11-04T02:00:00-0500",
        ),
        // 1am nightly job (runs twice)
        (
            "TZ=America/New_York 2012-11-04T00:00:00-0400",
            "0 0 1 * * ?",
            "2012-11-04T01:00:00-0400",
        ),
        (
            "TZ=America/New_York 2012-11-04T01:00:00-0400",
            "0 0 1 * * ?",
            "2012-11-04T01:00:00-0500",
        ),
        (
            "TZ=America/New_York 2012-11-04T01:00:00-0500",
            "0 0 1 * * ?",
            "2012-11-05T01:00:00-0500",
        ),
        // 2am nightly job
        (
            "TZ=America/New_York 2012-11-04T00:00:00-0400",
            "0 0 2 * * ?",
            "2012-11-04T02:00:00-0500",
        ),
        (
            "TZ=America/New_York 2012-11-04T02:00:00-0500",
            "0 0 2 * * ?",
            "2012-11-05T02:00:00-0500",
        ),
        // 3am nightly job
        (
            "TZ=America/New_York 2012-11-04T00:00:00-0400",
            "0 0 3 * * ?",
            "2012-11-04T03:00:00-0500",
        ),
        (
            "TZ=America/New_York 2012-11-04T03:00:00-0500",
            "0 0 3 * * ?",
            "2012-11-05T03:00:00-0500",
        ),
        // Unsatisfiable
        ("Mon Jul 9 23:35 2012", "0 0 0 30 Feb ?", ""),
        ("Mon Jul 9 23:35 2012", "0 0 0 31 Apr ?", ""),
        // Monthly job
        (
            "TZ=America/New_York 2012-11-04T00:00:00-0400",
            "0 0 3 3 * ?",
            "2012-12-03T03:00:00-0500",
        ),
        // Test the scenario of DST resulting in midnight not being a valid time.
        // https://github.com/robfig/cron/issues/157
        (
            "2018-10-17T05:00:00-0400",
            "TZ=America/Sao_Paulo 0 0 9 10 * ?",
            "2018-11-10T06:00:00-0500",
        ),
        (
            "2018-02-14T05:00:00-0500",
            "TZ=America/Sao_Paulo 0 0 9 22 * ?",
            "2018-02-22T07:00:00-0500",
        ),
    ];
    for &(time, spec, expected) in cases {
        let sched = parse_with(spec, Fields::SecondsDowOptional).unwrap();
        let (t, _, zone) = get_time(time).unwrap();
        let actual = sched.next_unix(t, zone);
        let expected = get_time(expected).map(|(e, _, _)| e);
        assert_eq!(actual, expected, "{time}, {spec:?}");
        // The literal port agrees.
        if let (Kind::Spec(bits), None) = (sched.kind, expected) {
            assert_eq!(spec_next_literal(&bits, zone, t), None);
        }
    }
}

/// robfig spec_test.go TestNextWithTz (a +05:30 time; Asia/Kolkata has kept +05:30 since 1945).
#[test]
fn test_next_with_tz() {
    let kolkata: Tz = "Asia/Kolkata".parse().unwrap();
    let cases: &[(&str, &str, &str)] = &[
        (
            "2016-01-03T13:09:03+0530",
            "14 14 * * *",
            "2016-01-03T14:14:00+0530",
        ),
        (
            "2016-01-03T04:09:03+0530",
            "14 14 * * ?",
            "2016-01-03T14:14:00+0530",
        ),
        (
            "2016-01-03T14:09:03+0530",
            "14 14 * * *",
            "2016-01-03T14:14:00+0530",
        ),
        (
            "2016-01-03T14:00:00+0530",
            "14 14 * * ?",
            "2016-01-03T14:14:00+0530",
        ),
    ];
    for &(time, spec, expected) in cases {
        let sched = parse_standard(spec).unwrap();
        let t = DateTime::parse_from_str(time, "%Y-%m-%dT%H:%M:%S%z").unwrap();
        let e = DateTime::parse_from_str(expected, "%Y-%m-%dT%H:%M:%S%z").unwrap();
        let got = sched.next(t.with_timezone(&kolkata)).unwrap();
        assert_eq!(got, e, "{time} {spec}");
        assert_eq!(got.to_rfc3339(), "2016-01-03T14:14:00+05:30");
    }
}

/// robfig constantdelay_test.go TestConstantDelayNext (delays in nanoseconds, via `Every`).
#[test]
fn test_constant_delay_next() {
    const S: i64 = 1_000_000_000;
    const M: i64 = 60 * S;
    const H: i64 = 60 * M;
    let cases: &[(&str, i64, &str)] = &[
        ("Mon Jul 9 14:45 2012", 15 * M + 50, "Mon Jul 9 15:00 2012"),
        ("Mon Jul 9 14:59 2012", 15 * M, "Mon Jul 9 15:14 2012"),
        ("Mon Jul 9 14:59:59 2012", 15 * M, "Mon Jul 9 15:14:59 2012"),
        ("Mon Jul 9 15:45 2012", 35 * M, "Mon Jul 9 16:20 2012"),
        ("Mon Jul 9 23:46 2012", 14 * M, "Tue Jul 10 00:00 2012"),
        ("Mon Jul 9 23:45 2012", 35 * M, "Tue Jul 10 00:20 2012"),
        (
            "Mon Jul 9 23:35:51 2012",
            44 * M + 24 * S,
            "Tue Jul 10 00:20:15 2012",
        ),
        (
            "Mon Jul 9 23:35:51 2012",
            25 * H + 44 * M + 24 * S,
            "Thu Jul 11 01:20:15 2012",
        ),
        (
            "Mon Jul 9 23:35 2012",
            91 * 24 * H + 25 * M,
            "Thu Oct 9 00:00 2012",
        ),
        (
            "Mon Dec 31 23:59:45 2012",
            15 * S,
            "Tue Jan 1 00:00:00 2013",
        ),
        ("Mon Jul 9 14:45 2012", 15 * M + 50, "Mon Jul 9 15:00 2012"),
        (
            "Mon Jul 9 14:45:00 2012",
            15_000_000,
            "Mon Jul 9 14:45:01 2012",
        ),
        (
            "Mon Jul 9 14:45:00.005 2012",
            15 * M,
            "Mon Jul 9 15:00 2012",
        ),
        (
            "Mon Jul 9 14:45:00.005 2012",
            15 * M + 50,
            "Mon Jul 9 15:00 2012",
        ),
    ];
    for &(time, delay, expected) in cases {
        let sched = Schedule::new(Kind::Every(super::parser::every_seconds(delay)), None);
        let (t, nanos, zone) = get_time(time).unwrap();
        let after = DateTime::from_timestamp(t, nanos)
            .unwrap()
            .with_timezone(&zone);
        let (e, _, _) = get_time(expected).unwrap();
        assert_eq!(
            sched.next(after).map(|d| d.timestamp()),
            Some(e),
            "{time} + {delay}ns"
        );
    }
}

fn ts(s: &str) -> i64 {
    DateTime::parse_from_rfc3339(s).unwrap().timestamp()
}

/// Standard five-field schedules around daylight-saving changes (what Kubernetes does with
/// `spec.timeZone`): skipped on spring-forward, twice on fall-back.
#[test]
fn test_dst_standard_fields() {
    let ny: Tz = "America/New_York".parse().unwrap();
    let s = parse_standard("30 2 * * *").unwrap();
    let from = ts("2012-03-10T02:30:00-05:00");
    let next = s.next_unix(from, ny).unwrap();
    assert_eq!(
        next,
        ts("2012-03-12T02:30:00-04:00"),
        "02:30 does not exist on Mar 11"
    );
    let s = parse_standard("30 1 * * *").unwrap();
    let first = s.next_unix(ts("2012-11-04T00:00:00-04:00"), ny).unwrap();
    assert_eq!(first, ts("2012-11-04T01:30:00-04:00"));
    let second = s.next_unix(first, ny).unwrap();
    assert_eq!(
        second,
        ts("2012-11-04T01:30:00-05:00"),
        "01:30 happens twice on Nov 4"
    );
    let third = s.next_unix(second, ny).unwrap();
    assert_eq!(third, ts("2012-11-05T01:30:00-05:00"));
    // Seoul has no DST: 09:00 KST is 00:00 UTC.
    let seoul: Tz = "Asia/Seoul".parse().unwrap();
    let s = parse_standard("0 9 * * *").unwrap();
    let t = DateTime::parse_from_rfc3339("2026-01-01T00:00:00+09:00")
        .unwrap()
        .with_timezone(&seoul);
    assert_eq!(s.next(t).unwrap().to_rfc3339(), "2026-01-01T09:00:00+09:00");
    // A TZ= prefix overrides the zone of the time passed in.
    let s = parse_standard("TZ=Asia/Seoul 0 9 * * *").unwrap();
    let t = DateTime::parse_from_rfc3339("2026-01-01T00:00:00Z")
        .unwrap()
        .with_timezone(&Tz::UTC);
    assert_eq!(s.next(t).unwrap().to_rfc3339(), "2026-01-02T00:00:00+00:00");
}

#[test]
fn test_impossible_and_never() {
    let t = ts("2026-01-01T00:00:00Z");
    for spec in [
        "0 0 30 2 *",
        "0 0 31 4,6,9,11 *",
        "59 23 31 2 *",
        ", * * * *",
        "0 0 * * ,",
    ] {
        assert_eq!(
            parse_standard(spec).unwrap().next_unix(t, Tz::UTC),
            None,
            "{spec}"
        );
    }
    // Feb 29 when the weekday is unrestricted: leap years only.
    let s = parse_standard("0 0 29 2 *").unwrap();
    assert_eq!(s.next_unix(t, Tz::UTC), Some(ts("2028-02-29T00:00:00Z")));
    // ... but with a weekday too, the OR rule makes it every Monday in February.
    let s = parse_standard("0 0 30 2 Mon").unwrap();
    assert_eq!(s.next_unix(t, Tz::UTC), Some(ts("2026-02-02T00:00:00Z")));
}

/// A year of `* * * * *`: 525,600 activations in 2026, one minute apart.
#[test]
fn test_every_minute_for_a_year() {
    let s = parse_standard("* * * * *").unwrap();
    let start = ts("2026-01-01T00:00:00Z");
    let end = ts("2027-01-01T00:00:00Z");
    let mut t = start - 1;
    let mut n = 0;
    while let Some(next) = s.next_unix(t, Tz::UTC) {
        if next >= end {
            break;
        }
        assert_eq!(next, start + n * 60);
        t = next;
        n += 1;
    }
    assert_eq!(n, 525_600);
}

/// A small deterministic generator for the cross-checks below.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() as usize) % xs.len()]
    }
}

fn random_spec(r: &mut Lcg) -> String {
    let minute = r.pick(&[
        "*", "0", "30", "*/5", "*/7", "5/15", "10-20", "0,15,45", "59", "13-17/2",
    ]);
    let hour = r.pick(&[
        "*", "0", "1", "2", "3", "*/2", "9-17", "1,2,3", "23", "0/5", "2-4",
    ]);
    let dom = r.pick(&[
        "*", "?", "1", "15", "*/2", "1-7", "31", "29", "10,20", "*/1",
    ]);
    let month = r.pick(&["*", "*", "*", "2", "3,11", "*/3", "10-12", "Mar-Apr"]);
    let dow = r.pick(&["*", "*", "?", "0", "1-5", "sat,sun", "*/2", "3", "*/1"]);
    format!("{minute} {hour} {dom} {month} {dow}")
}

/// The jumping hour/minute/second loops give exactly what the literal one-unit-at-a-time port
/// gives, in zones with DST changes of one hour, half an hour, and at midnight.
#[test]
fn test_fast_path_matches_literal_port() {
    let zones = [
        "UTC",
        "America/New_York",
        "America/Sao_Paulo",
        "Australia/Lord_Howe",
        "Europe/London",
        "Asia/Kathmandu",
        "Pacific/Chatham",
        "America/Havana",
    ];
    let mut r = Lcg(42);
    for i in 0..600 {
        let spec = random_spec(&mut r);
        let Kind::Spec(bits) = parse_standard(&spec).unwrap().kind else {
            unreachable!()
        };
        let zone: Tz = zones[i % zones.len()].parse().unwrap();
        // Start near a DST change (March/April, October/November) in some year 2010-2025.
        let year = 2010 + (r.next() % 16) as i32;
        let month = [3u32, 4, 10, 11][(r.next() % 4) as usize];
        let day = 1 + (r.next() % 28) as u32;
        let start = Tz::UTC
            .with_ymd_and_hms(year, month, day, (r.next() % 24) as u32, 0, 0)
            .unwrap();
        let mut t = start.timestamp() + (r.next() % 3600) as i64;
        for _ in 0..20 {
            let fast = spec_next(&bits, zone, t);
            let slow = spec_next_literal(&bits, zone, t);
            assert_eq!(fast, slow, "{spec} in {zone} after {t}");
            match fast {
                Some(n) => t = n,
                None => break,
            }
        }
    }
}

fn brute_force_next(bits: &SpecBits, after: i64) -> Option<i64> {
    // UTC, minute resolution, seconds field = 0: the first whole minute after `after` whose fields
    // match, within robfig's 5-year horizon; days are scanned first.
    use chrono::Datelike;
    let star = super::parser::STAR_BIT;
    let first = DateTime::from_timestamp(after + 1, 0).unwrap().date_naive();
    let limit_year = first.year() + 5;
    let mut day = first;
    while day.year() <= limit_year {
        let dom = bits.dom & (1 << day.day()) != 0;
        let dow = bits.dow & (1 << day.weekday().num_days_from_sunday()) != 0;
        let ok_day = if bits.dom & star != 0 || bits.dow & star != 0 {
            dom && dow
        } else {
            dom || dow
        };
        if ok_day && bits.month & (1 << day.month()) != 0 {
            let midnight = day.and_hms_opt(0, 0, 0).unwrap().and_utc().timestamp();
            for h in 0..24i64 {
                for m in 0..60i64 {
                    let t = midnight + h * 3600 + m * 60;
                    if t > after && bits.hour & (1 << h) != 0 && bits.minute & (1 << m) != 0 {
                        return Some(t);
                    }
                }
            }
        }
        day = day.succ_opt().unwrap();
    }
    None
}

/// In UTC, `next` is "the first matching minute": compare with brute force.
#[test]
fn test_next_matches_brute_force_in_utc() {
    let mut r = Lcg(7);
    for _ in 0..120 {
        let spec = random_spec(&mut r);
        let sched = parse_standard(&spec).unwrap();
        let Kind::Spec(bits) = sched.kind else {
            unreachable!()
        };
        let mut t = ts("2023-01-01T00:00:00Z") + (r.next() % (3 * 365 * 86_400)) as i64;
        for _ in 0..3 {
            let want = brute_force_next(&bits, t);
            assert_eq!(sched.next_unix(t, Tz::UTC), want, "{spec} after {t}");
            match want {
                Some(n) => t = n,
                None => break,
            }
        }
    }
}

/// Deliberate deviation: robfig/cron v3 loops forever when its day search crosses a calendar day
/// that does not exist (Samoa skipped 2011-12-30); here the missing day is stepped over.
#[test]
fn test_skipped_calendar_day_terminates() {
    let apia: Tz = "Pacific/Apia".parse().unwrap();
    let s = parse_standard("0 12 * * *").unwrap();
    let from = ts("2011-12-29T12:00:00-10:00");
    assert_eq!(
        s.next_unix(from, apia),
        Some(ts("2011-12-31T12:00:00+14:00"))
    );
    let s = parse_standard("0 0 30 12 *").unwrap();
    assert_eq!(
        s.next_unix(from, apia),
        Some(ts("2012-12-30T00:00:00+14:00"))
    );
    // Go hangs on this one (found by differential testing against robfig/cron v3.0.1).
    let s = parse_standard(", 23 10,20 ? */1").unwrap();
    assert_eq!(s.next_unix(1_251_440_099, apia), None);
}
