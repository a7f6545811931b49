//! Parser tests: robfig/cron v3.0.1 `parser_test.go` (TestRange, TestField, TestAll, TestBits,
//! TestParseScheduleErrors, TestParseSchedule, TestStandardSpecSchedule, TestNoDescriptorParser
//! where it applies to `ParseStandard`) and `spec_test.go` TestErrors / TestSlash0NoHang, plus
//! the exact error strings of every robfig error path.

use chrono_tz::Tz;

use super::parser::{self, all, get_bits, get_field, get_range, parse_with, Bounds, Fields};
use super::parser::{DOM, DOW, HOURS, MINUTES, MONTHS, SECONDS, STAR_BIT};
use super::spec::{Kind, SpecBits};
use super::{parse_standard, CronError, Schedule};

fn b(min: u64, max: u64) -> Bounds {
    // Bounds without names, as robfig's tests build them.
    let mut r = MINUTES;
    r.min = min;
    r.max = max;
    r
}

/// robfig parser_test.go TestRange.
#[test]
fn test_range() {
    let cases: &[(&str, u64, u64, u64, &str)] = &[
        ("5", 0, 7, 1 << 5, ""),
        ("0", 0, 7, 1 << 0, ""),
        ("7", 0, 7, 1 << 7, ""),
        ("5-5", 0, 7, 1 << 5, ""),
        ("5-6", 0, 7, 1 << 5 | 1 << 6, ""),
        ("5-7", 0, 7, 1 << 5 | 1 << 6 | 1 << 7, ""),
        ("5-6/2", 0, 7, 1 << 5, ""),
        ("5-7/2", 0, 7, 1 << 5 | 1 << 7, ""),
        ("5-7/1", 0, 7, 1 << 5 | 1 << 6 | 1 << 7, ""),
        ("*", 1, 3, 1 << 1 | 1 << 2 | 1 << 3 | STAR_BIT, ""),
        ("*/2", 1, 3, 1 << 1 | 1 << 3, ""),
        ("5--5", 0, 0, 0, "too many hyphens"),
        ("jan-x", 0, 0, 0, "failed to parse int from"),
        ("2-x", 1, 5, 0, "failed to parse int from"),
        ("*/-12", 0, 0, 0, "negative number"),
        ("*//2", 0, 0, 0, "too many slashes"),
        ("1", 3, 5, 0, "below minimum"),
        ("6", 3, 5, 0, "above maximum"),
        ("5-3", 3, 5, 0, "beyond end of range"),
        ("*/0", 0, 0, 0, "should be a positive number"),
    ];
    for &(expr, min, max, expected, err) in cases {
        let got = get_range(expr, b(min, max));
        if err.is_empty() {
            assert_eq!(got.map(|(bits, _)| bits), Ok(expected), "{expr}");
        } else {
            let e = got.expect_err(expr).to_string();
            assert!(e.contains(err), "{expr}: {e}");
        }
    }
}

/// The full text of each getRange / mustParseInt error, as Go prints it.
#[test]
fn test_range_error_strings() {
    let cases: &[(&str, u64, u64, &str)] = &[
        ("5--5", 0, 7, "too many hyphens: 5--5"),
        (
            "jan-x",
            0,
            7,
            r#"failed to parse int from jan: strconv.Atoi: parsing "jan": invalid syntax"#,
        ),
        (
            "2-x",
            1,
            5,
            r#"failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax"#,
        ),
        ("*/-12", 0, 7, "negative number (-12) not allowed: -12"),
        ("*//2", 0, 7, "too many slashes: *//2"),
        ("1", 3, 5, "beginning of range (1) below minimum (3): 1"),
        ("6", 3, 5, "end of range (6) above maximum (5): 6"),
        (
            "5-3",
            3,
            5,
            "beginning of range (5) beyond end of range (3): 5-3",
        ),
        (
            "*/0",
            0,
            7,
            "step of range should be a positive number: */0",
        ),
        (
            "*/",
            0,
            7,
            r#"failed to parse int from : strconv.Atoi: parsing "": invalid syntax"#,
        ),
        (
            "-1",
            0,
            7,
            r#"failed to parse int from : strconv.Atoi: parsing "": invalid syntax"#,
        ),
        (
            "99999999999999999999",
            0,
            7,
            r#"failed to parse int from 99999999999999999999: strconv.Atoi: parsing "99999999999999999999": value out of range"#,
        ),
    ];
    for &(expr, min, max, want) in cases {
        assert_eq!(
            get_range(expr, b(min, max)).unwrap_err().to_string(),
            want,
            "{expr}"
        );
    }
}

/// robfig parser_test.go TestField.
#[test]
fn test_field() {
    let cases: &[(&str, u64, u64, u64)] = &[
        ("5", 1, 7, 1 << 5),
        ("5,6", 1, 7, 1 << 5 | 1 << 6),
        ("5,6,7", 1, 7, 1 << 5 | 1 << 6 | 1 << 7),
        ("1,5-7/2,3", 1, 7, 1 << 1 | 1 << 5 | 1 << 7 | 1 << 3),
    ];
    for &(expr, min, max, expected) in cases {
        assert_eq!(get_field(expr, b(min, max)), Ok(expected), "{expr}");
    }
    // Go's strings.FieldsFunc drops empty list items.
    assert_eq!(get_field("1,,2", b(0, 7)), Ok(0b110));
    assert_eq!(get_field(",", b(0, 7)), Ok(0));
}

/// robfig parser_test.go TestAll.
#[test]
fn test_all() {
    let cases: &[(Bounds, u64)] = &[
        (MINUTES, 0xfffffffffffffff),
        (HOURS, 0xffffff),
        (DOM, 0xfffffffe),
        (MONTHS, 0x1ffe),
        (DOW, 0x7f),
    ];
    for &(r, expected) in cases {
        assert_eq!(all(r), expected | STAR_BIT, "{}-{}", r.min, r.max);
    }
}

/// robfig parser_test.go TestBits.
#[test]
fn test_bits() {
    let cases: &[(u64, u64, u64, u64)] = &[
        (0, 0, 1, 0x1),
        (1, 1, 1, 0x2),
        (1, 5, 2, 0x2a),
        (1, 4, 2, 0xa),
    ];
    for &(min, max, step, expected) in cases {
        assert_eq!(get_bits(min, max, step), expected, "{min}-{max}/{step}");
    }
}

fn second_parser(s: &str) -> Result<Schedule, CronError> {
    parse_with(s, Fields::SecondsDowOptional)
}

/// robfig parser_test.go TestParseScheduleErrors (robfig's test uses its `secondParser`).
#[test]
fn test_parse_schedule_errors() {
    let cases: &[(&str, &str)] = &[
        ("* 5 j * * *", "failed to parse int from"),
        ("@every Xm", "failed to parse duration"),
        ("@unrecognized", "unrecognized descriptor"),
        ("* * * *", "expected 5 to 6 fields"),
        ("", "empty spec string"),
    ];
    for &(expr, err) in cases {
        let e = second_parser(expr).expect_err(expr).to_string();
        assert!(e.contains(err), "{expr}: {e}");
    }
    assert_eq!(
        second_parser("* * * *").unwrap_err().to_string(),
        "expected 5 to 6 fields, found 4: [* * * *]"
    );
}

fn spec(second: u64, minute: u64, hour: u64, dom: u64, month: u64, dow: u64) -> Kind {
    Kind::Spec(SpecBits {
        second,
        minute,
        hour,
        dom,
        month,
        dow,
    })
}

fn every5min() -> Kind {
    spec(1, 1 << 5, all(HOURS), all(DOM), all(MONTHS), all(DOW))
}

fn midnight() -> Kind {
    spec(1, 1, 1, all(DOM), all(MONTHS), all(DOW))
}

fn annual() -> Kind {
    spec(
        1 << SECONDS.min,
        1 << MINUTES.min,
        1 << HOURS.min,
        1 << DOM.min,
        1 << MONTHS.min,
        all(DOW),
    )
}

/// robfig parser_test.go TestParseSchedule (both parsers).
#[test]
fn test_parse_schedule() {
    let tokyo: Tz = "Asia/Tokyo".parse().unwrap();
    let utc = Some(Tz::UTC);
    let cases: Vec<(bool, &str, Kind, Option<Tz>)> = vec![
        (true, "0 5 * * * *", every5min(), None),
        (false, "5 * * * *", every5min(), None),
        (true, "CRON_TZ=UTC  0 5 * * * *", every5min(), utc),
        (false, "CRON_TZ=UTC  5 * * * *", every5min(), utc),
        (
            true,
            "CRON_TZ=Asia/Tokyo 0 5 * * * *",
            every5min(),
            Some(tokyo),
        ),
        (true, "@every 5m", Kind::Every(300), None),
        (true, "@midnight", midnight(), None),
        (true, "TZ=UTC  @midnight", midnight(), utc),
        (true, "TZ=Asia/Tokyo @midnight", midnight(), Some(tokyo)),
        (true, "@yearly", annual(), None),
        (true, "@annually", annual(), None),
        (
            true,
            "* 5 * * * *",
            spec(
                all(SECONDS),
                1 << 5,
                all(HOURS),
                all(DOM),
                all(MONTHS),
                all(DOW),
            ),
            None,
        ),
    ];
    for (seconds, expr, kind, loc) in cases {
        let got = if seconds {
            second_parser(expr)
        } else {
            parse_standard(expr)
        };
        assert_eq!(got, Ok(Schedule::new(kind, loc)), "{expr}");
    }
}

/// robfig parser_test.go TestStandardSpecSchedule and TestNoDescriptorParser's counterpart (the
/// standard parser does accept descriptors).
#[test]
fn test_standard_spec_schedule() {
    assert_eq!(
        parse_standard("5 * * * *"),
        Ok(Schedule::new(
            spec(
                1 << SECONDS.min,
                1 << 5,
                all(HOURS),
                all(DOM),
                all(MONTHS),
                all(DOW)
            ),
            None
        ))
    );
    assert_eq!(
        parse_standard("@every 5m"),
        Ok(Schedule::new(Kind::Every(300), None))
    );
    assert_eq!(
        parse_standard("5 j * * *").unwrap_err().to_string(),
        r#"failed to parse int from j: strconv.Atoi: parsing "j": invalid syntax"#
    );
    assert_eq!(
        parse_standard("* * * *").unwrap_err().to_string(),
        "expected exactly 5 fields, found 4: [* * * *]"
    );
    assert!(parse_standard("@every 1m").is_ok());
}

/// robfig spec_test.go TestErrors and TestSlash0NoHang.
#[test]
fn test_errors() {
    for s in ["xyz", "60 0 * * *", "0 60 * * *", "0 0 * * XYZ"] {
        assert!(parse_standard(s).is_err(), "{s}");
    }
    assert!(parse_standard("TZ=America/New_York 15/0 * * * *").is_err());
}

/// Every ParseStandard error path with its exact message.
#[test]
fn test_standard_error_strings() {
    let cases: &[(&str, &str)] = &[
        ("", "empty spec string"),
        ("   ", "expected exactly 5 fields, found 0: []"),
        ("xyz", "expected exactly 5 fields, found 1: [xyz]"),
        (
            "0 0 0 * * *",
            "expected exactly 5 fields, found 6: [0 0 0 * * *]",
        ),
        ("61 * * * *", "end of range (61) above maximum (59): 61"),
        ("60 0 * * *", "end of range (60) above maximum (59): 60"),
        ("0 60 * * *", "end of range (60) above maximum (23): 60"),
        ("0 24 * * *", "end of range (24) above maximum (23): 24"),
        ("0 0 0 * *", "beginning of range (0) below minimum (1): 0"),
        ("0 0 32 * *", "end of range (32) above maximum (31): 32"),
        ("0 0 * 13 *", "end of range (13) above maximum (12): 13"),
        ("0 0 * 0 *", "beginning of range (0) below minimum (1): 0"),
        ("0 0 * * 7", "end of range (7) above maximum (6): 7"),
        ("0 0 * * 5-7", "end of range (7) above maximum (6): 5-7"),
        (
            "0 0 * * XYZ",
            r#"failed to parse int from XYZ: strconv.Atoi: parsing "XYZ": invalid syntax"#,
        ),
        (
            "0 0 * * L",
            r#"failed to parse int from L: strconv.Atoi: parsing "L": invalid syntax"#,
        ),
        (
            "0 0 L * *",
            r#"failed to parse int from L: strconv.Atoi: parsing "L": invalid syntax"#,
        ),
        (
            "0 0 1W * *",
            r#"failed to parse int from 1W: strconv.Atoi: parsing "1W": invalid syntax"#,
        ),
        (
            "0 0 * * 1#2",
            r#"failed to parse int from 1#2: strconv.Atoi: parsing "1#2": invalid syntax"#,
        ),
        (
            "*/0 * * * *",
            "step of range should be a positive number: */0",
        ),
        (
            "5/0 * * * *",
            "step of range should be a positive number: 5/0",
        ),
        ("1-2-3 * * * *", "too many hyphens: 1-2-3"),
        ("1/2/3 * * * *", "too many slashes: 1/2/3"),
        (
            "30-10 * * * *",
            "beginning of range (30) beyond end of range (10): 30-10",
        ),
        ("*/-1 * * * *", "negative number (-1) not allowed: -1"),
        ("@reboot", "unrecognized descriptor: @reboot"),
        ("@DAILY", "unrecognized descriptor: @DAILY"),
        ("@daily ", "unrecognized descriptor: @daily "),
        ("@every", "unrecognized descriptor: @every"),
        (
            "@every Xm",
            r#"failed to parse duration @every Xm: time: invalid duration "Xm""#,
        ),
        (
            "@every 1d",
            r#"failed to parse duration @every 1d: time: unknown unit "d" in duration "1d""#,
        ),
        (
            "@every 10",
            r#"failed to parse duration @every 10: time: missing unit in duration "10""#,
        ),
        (
            "TZ=Mars/Olympus 0 * * * *",
            "provided bad location Mars/Olympus: unknown time zone Mars/Olympus",
        ),
        (
            "CRON_TZ=../etc 0 * * * *",
            "provided bad location ../etc: time: invalid location name",
        ),
        (
            "TZ=UTC",
            "provided bad location: no space after the time zone in TZ=UTC",
        ),
        (
            "TZ=UTC 0 * * *",
            "expected exactly 5 fields, found 4: [0 * * *]",
        ),
    ];
    for &(expr, want) in cases {
        assert_eq!(
            parse_standard(expr).unwrap_err().to_string(),
            want,
            "{expr:?}"
        );
    }
}

/// Accepted forms: names in any case, `?`, `N/step`, lists, `*/1`, odd but legal robfig forms.
#[test]
fn test_standard_accepts() {
    let ok = [
        "* * * * *",
        "* * * * ?",
        "? ? ? ? ?",
        "0 0 * JAN-mar Mon-FRI",
        "0 0 * jan,Dec sun,sat",
        "5/15 * * * *",
        "*/1 * * * *",
        "0 0 30 2 *",
        "0 0 31 4 *",
        "0 0 1,,15 * *",
        "+5 * * * *",
        "*-5 * * * *",
        "0\t0  *\n* *",
        "TZ=Asia/Seoul 0 9 * * *",
        "CRON_TZ=Local 0 9 * * *",
        "TZ= 0 9 * * *",
        "@every 1h30m",
        "@every -5s",
        "@yearly",
        "@annually",
        "@monthly",
        "@weekly",
        "@daily",
        "@midnight",
        "@hourly",
    ];
    for s in ok {
        assert!(parse_standard(s).is_ok(), "{s:?}: {:?}", parse_standard(s));
    }
    let five_fifteen = parse_standard("5/15 * * * *").unwrap();
    let Kind::Spec(bits) = five_fifteen.kind else {
        panic!()
    };
    assert_eq!(bits.minute, 1 << 5 | 1 << 20 | 1 << 35 | 1 << 50);
    // `*/1` keeps the star bit, `*/2` drops it.
    assert_eq!(parser::get_field("*/1", DOM).unwrap() & STAR_BIT, STAR_BIT);
    assert_eq!(parser::get_field("*/2", DOM).unwrap() & STAR_BIT, 0);
    assert_eq!(
        parse_standard("CRON_TZ=Local 0 9 * * *")
            .unwrap()
            .location(),
        None
    );
    assert_eq!(
        parse_standard("TZ= 0 9 * * *").unwrap().location(),
        Some(Tz::UTC)
    );
}

/// robfig constantdelay.go `Every`: at least a second, sub-second parts dropped.
#[test]
fn test_every_rounding() {
    let secs = |s: &str| parse_standard(s).unwrap().every_seconds();
    assert_eq!(secs("@every 5m"), Some(300));
    assert_eq!(secs("@every 15ms"), Some(1));
    assert_eq!(secs("@every 0s"), Some(1));
    assert_eq!(secs("@every -1h"), Some(1));
    assert_eq!(secs("@every 1.9s"), Some(1));
    assert_eq!(secs("@every 1h0m0.5s"), Some(3600));
    assert!(parse_standard("@every 1h").unwrap().is_every());
    assert!(!parse_standard("@hourly").unwrap().is_every());
}

/// Garbage in: errors or schedules, never a panic (parse, explain, next).
#[test]
fn test_no_panic_on_garbage() {
    let alphabet: Vec<char> =
        "0123456789*?/-,@ \tTZ=CRON_abcdefghijklmnopqrstuvwxyzJANMONé５\u{200b}.µ"
            .chars()
            .collect();
    let mut x: u64 = 12345;
    let mut rnd = || {
        x = x
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (x >> 33) as usize
    };
    for _ in 0..20_000 {
        let len = rnd() % 24;
        let s: String = (0..len).map(|_| alphabet[rnd() % alphabet.len()]).collect();
        if let Ok(sched) = parse_standard(&s) {
            let _ = sched.next_unix(1_767_225_600, Tz::UTC);
            let _ = sched.next_unix(i64::MAX, Tz::UTC);
            let _ = sched.next_unix(i64::MIN, Tz::UTC);
        }
        let _ = super::explain(&s, super::Lang::En);
        let _ = super::explain(&s, super::Lang::Ko);
    }
}
