//! The schedule parser: a line-by-line port of robfig/cron v3.0.1 `parser.go` (`Parse`,
//! `normalizeFields`, `getField`, `getRange`, `getBits`, `all`, `parseDescriptor`) configured as
//! `ParseStandard` (what the Kubernetes CronJob controller and API validation call), with the same
//! error strings.

use chrono_tz::Tz;

use super::golang;
use super::spec::{Kind, Schedule, SpecBits};
use super::CronError;

/// Set in a field's bits when the field was written `*` or `?` (robfig `starBit`); `*/N` with
/// N > 1 clears it again. It decides the day-of-month / day-of-week rule.
pub(crate) const STAR_BIT: u64 = 1 << 63;

/// The range of one field and its names (robfig `bounds`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Bounds {
    pub(crate) min: u64,
    pub(crate) max: u64,
    names: &'static [(&'static str, u64)],
}

pub(crate) const SECONDS: Bounds = Bounds {
    min: 0,
    max: 59,
    names: &[],
};
pub(crate) const MINUTES: Bounds = Bounds {
    min: 0,
    max: 59,
    names: &[],
};
pub(crate) const HOURS: Bounds = Bounds {
    min: 0,
    max: 23,
    names: &[],
};
pub(crate) const DOM: Bounds = Bounds {
    min: 1,
    max: 31,
    names: &[],
};
pub(crate) const MONTHS: Bounds = Bounds {
    min: 1,
    max: 12,
    names: &[
        ("jan", 1),
        ("feb", 2),
        ("mar", 3),
        ("apr", 4),
        ("may", 5),
        ("jun", 6),
        ("jul", 7),
        ("aug", 8),
        ("sep", 9),
        ("oct", 10),
        ("nov", 11),
        ("dec", 12),
    ],
};
pub(crate) const DOW: Bounds = Bounds {
    min: 0,
    max: 6,
    names: &[
        ("sun", 0),
        ("mon", 1),
        ("tue", 2),
        ("wed", 3),
        ("thu", 4),
        ("fri", 5),
        ("sat", 6),
    ],
};

/// Which fields a parser reads. Only two configurations exist here: robfig's `standardParser`
/// (`Minute | Hour | Dom | Month | Dow | Descriptor`, the public one) and, for porting robfig's
/// tests, its test `secondParser` (`Second | Minute | Hour | Dom | Month | DowOptional |
/// Descriptor`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fields {
    Standard,
    #[cfg_attr(not(test), allow(dead_code))]
    SecondsDowOptional,
}

/// Parses a standard five-field crontab spec or a descriptor into a [`Schedule`].
///
/// Mirrors robfig/cron v3 `parser.go` `ParseStandard` (= `standardParser.Parse`): five fields
/// (minute, hour, day of month, month, day of week), `*`/`?`, ranges, steps (`N/step` means
/// `N-max/step`), lists, case-insensitive month and weekday names, `@yearly`, `@annually`,
/// `@monthly`, `@weekly`, `@daily`, `@midnight`, `@hourly`, `@every <Go duration>` and a
/// `TZ=`/`CRON_TZ=` prefix. Errors display exactly as robfig's (`end of range (61) above maximum
/// (59): 61`, ...). Never panics: where robfig would panic (`TZ=UTC` with no space after it),
/// this returns [`CronError::TzWithoutSpace`].
pub fn parse_standard(spec: &str) -> Result<Schedule, CronError> {
    parse_with(spec, Fields::Standard)
}

/// robfig/cron v3 `parser.go` `Parser.Parse` for the two supported configurations.
pub(crate) fn parse_with(spec: &str, which: Fields) -> Result<Schedule, CronError> {
    if spec.is_empty() {
        return Err(CronError::Empty);
    }
    let mut spec = spec;
    let mut location: Option<Tz> = None;
    if spec.starts_with("TZ=") || spec.starts_with("CRON_TZ=") {
        let eq = spec.find('=').unwrap_or(0);
        let Some(i) = spec.find(' ') else {
            return Err(CronError::TzWithoutSpace(spec.to_string()));
        };
        let name = &spec[eq + 1..i];
        location = load_location(name).map_err(|reason| CronError::BadLocation {
            name: name.to_string(),
            reason,
        })?;
        spec = spec[i..].trim();
    }

    if spec.starts_with('@') {
        return parse_descriptor(spec, location);
    }

    let fields: Vec<&str> = spec.split_whitespace().collect();
    let expanded = normalize_fields(&fields, which)?;
    let bits = SpecBits {
        second: get_field(expanded[0], SECONDS)?,
        minute: get_field(expanded[1], MINUTES)?,
        hour: get_field(expanded[2], HOURS)?,
        dom: get_field(expanded[3], DOM)?,
        month: get_field(expanded[4], MONTHS)?,
        dow: get_field(expanded[5], DOW)?,
    };
    Ok(Schedule::new(Kind::Spec(bits), location))
}

/// Go's `time.LoadLocation` as far as robfig's `TZ=` prefix and Kubernetes' `validateTimeZone`
/// see it: `""` and `"UTC"` are UTC, `"Local"` is the local zone (`Ok(None)`: "the zone of the
/// time given to `next`", which is what robfig does with `time.Local`), names with `..` or a
/// leading slash are `time: invalid location name`, other names are looked up in the IANA
/// database (chrono-tz) or fail with `unknown time zone NAME`.
pub fn load_location(name: &str) -> Result<Option<Tz>, String> {
    if name.is_empty() || name == "UTC" {
        return Ok(Some(Tz::UTC));
    }
    if name == "Local" {
        return Ok(None);
    }
    if name.contains("..") || name.starts_with('/') || name.starts_with('\\') {
        return Err("time: invalid location name".to_string());
    }
    name.parse::<Tz>()
        .map(Some)
        .map_err(|_| format!("unknown time zone {name}"))
}

/// robfig/cron v3 `parser.go` `normalizeFields`: checks the field count and fills the fields the
/// parser does not read with their defaults (`0` seconds; `*` for an omitted optional weekday).
fn normalize_fields<'a>(fields: &[&'a str], which: Fields) -> Result<[&'a str; 6], CronError> {
    let shown = || golang::fmt_string_slice(fields);
    match which {
        Fields::Standard => {
            if fields.len() != 5 {
                return Err(CronError::FieldCount {
                    expected: 5,
                    found: fields.len(),
                    fields: shown(),
                });
            }
            Ok(["0", fields[0], fields[1], fields[2], fields[3], fields[4]])
        }
        Fields::SecondsDowOptional => match fields.len() {
            5 => Ok([fields[0], fields[1], fields[2], fields[3], fields[4], "*"]),
            6 => Ok([
                fields[0], fields[1], fields[2], fields[3], fields[4], fields[5],
            ]),
            n => Err(CronError::FieldCountRange {
                min: 5,
                max: 6,
                found: n,
                fields: shown(),
            }),
        },
    }
}

/// One comma-separated part of a field as robfig's `getRange` understands it, before it is turned
/// into bits. `explain` renders these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RangeExpr {
    pub(crate) start: u64,
    pub(crate) end: u64,
    pub(crate) step: u64,
    /// Written `*` or `?` (possibly with a step).
    pub(crate) star: bool,
    /// Written as a single value without hyphen or slash (`5`, `MON`).
    pub(crate) single: bool,
    /// Written `N/step` (a single start with a step; robfig reads it as `N-max/step`).
    pub(crate) open_end: bool,
}

/// robfig/cron v3 `parser.go` `getField`: the bits of a comma-separated list of ranges. Empty list
/// items are skipped, as Go's `strings.FieldsFunc` does (`1,,2` is `1,2`; `,` sets no bit).
pub(crate) fn get_field(field: &str, r: Bounds) -> Result<u64, CronError> {
    let mut bits = 0u64;
    for expr in field.split(',').filter(|s| !s.is_empty()) {
        let (b, _) = get_range(expr, r)?;
        bits |= b;
    }
    Ok(bits)
}

/// The parts of a field, for `explain` (same checks and errors as [`get_field`]).
pub(crate) fn field_ranges(field: &str, r: Bounds) -> Result<Vec<RangeExpr>, CronError> {
    field
        .split(',')
        .filter(|s| !s.is_empty())
        .map(|e| get_range(e, r).map(|(_, x)| x))
        .collect()
}

/// robfig/cron v3 `parser.go` `getRange`: `number | number "-" number [ "/" number ]`, with `*`
/// and `?` for the whole range and `N/step` meaning `N-max/step`.
pub(crate) fn get_range(expr: &str, r: Bounds) -> Result<(u64, RangeExpr), CronError> {
    let range_and_step: Vec<&str> = expr.split('/').collect();
    let low_and_high: Vec<&str> = range_and_step[0].split('-').collect();
    let single_digit = low_and_high.len() == 1;

    let (start, mut end, mut extra, star);
    if low_and_high[0] == "*" || low_and_high[0] == "?" {
        start = r.min;
        end = r.max;
        extra = STAR_BIT;
        star = true;
    } else {
        star = false;
        extra = 0;
        start = parse_int_or_name(low_and_high[0], r.names)?;
        end = match low_and_high.len() {
            1 => start,
            2 => parse_int_or_name(low_and_high[1], r.names)?,
            _ => return Err(CronError::TooManyHyphens(expr.to_string())),
        };
    }

    let step = match range_and_step.len() {
        1 => 1,
        2 => {
            let step = must_parse_int(range_and_step[1])?;
            // Special handling: "N/step" means "N-max/step".
            if single_digit {
                end = r.max;
            }
            if step > 1 {
                extra = 0;
            }
            step
        }
        _ => return Err(CronError::TooManySlashes(expr.to_string())),
    };

    if start < r.min {
        return Err(CronError::BelowMinimum {
            start,
            min: r.min,
            expr: expr.to_string(),
        });
    }
    if end > r.max {
        return Err(CronError::AboveMaximum {
            end,
            max: r.max,
            expr: expr.to_string(),
        });
    }
    if start > end {
        return Err(CronError::BeyondEnd {
            start,
            end,
            expr: expr.to_string(),
        });
    }
    if step == 0 {
        return Err(CronError::ZeroStep(expr.to_string()));
    }
    let parsed = RangeExpr {
        start,
        end,
        step,
        star,
        single: single_digit && range_and_step.len() == 1 && !star,
        open_end: single_digit && range_and_step.len() == 2 && !star,
    };
    Ok((get_bits(start, end, step) | extra, parsed))
}

/// robfig/cron v3 `parser.go` `parseIntOrName`: a (lower-cased) name from the field's table, else
/// a number.
fn parse_int_or_name(expr: &str, names: &[(&str, u64)]) -> Result<u64, CronError> {
    if !names.is_empty() {
        let lower = expr.to_lowercase();
        if let Some(&(_, v)) = names.iter().find(|(n, _)| *n == lower) {
            return Ok(v);
        }
    }
    must_parse_int(expr)
}

/// robfig/cron v3 `parser.go` `mustParseInt`: `strconv.Atoi`, then no negatives.
fn must_parse_int(expr: &str) -> Result<u64, CronError> {
    let num = golang::atoi(expr).map_err(|reason| CronError::ParseInt {
        expr: expr.to_string(),
        reason,
    })?;
    if num < 0 {
        return Err(CronError::Negative {
            num,
            expr: expr.to_string(),
        });
    }
    Ok(num as u64)
}

/// robfig/cron v3 `parser.go` `getBits`: bits `min..=max` every `step` (callers keep
/// `max <= 59`).
pub(crate) fn get_bits(min: u64, max: u64, step: u64) -> u64 {
    if step == 1 {
        let high = if max + 1 >= 64 {
            0
        } else {
            u64::MAX << (max + 1)
        };
        let low = if min >= 64 { 0 } else { u64::MAX << min };
        return !high & low;
    }
    let mut bits = 0u64;
    let mut i = min;
    while i <= max && i < 64 {
        bits |= 1 << i;
        match i.checked_add(step) {
            Some(n) => i = n,
            None => break,
        }
    }
    bits
}

/// robfig/cron v3 `parser.go` `all`: every value of the field plus the star bit.
pub(crate) fn all(r: Bounds) -> u64 {
    get_bits(r.min, r.max, 1) | STAR_BIT
}

/// The descriptor table of robfig/cron v3 `parser.go` `parseDescriptor` as (name, five-field
/// equivalent); `explain` uses the equivalents.
pub(crate) const DESCRIPTORS: &[(&str, &str)] = &[
    ("@yearly", "0 0 1 1 *"),
    ("@annually", "0 0 1 1 *"),
    ("@monthly", "0 0 1 * *"),
    ("@weekly", "0 0 * * 0"),
    ("@daily", "0 0 * * *"),
    ("@midnight", "0 0 * * *"),
    ("@hourly", "0 * * * *"),
];

/// robfig/cron v3 `parser.go` `parseDescriptor` plus `constantdelay.go` `Every`: the named
/// schedules and `@every <duration>` (less than 1s becomes 1s, sub-second parts are dropped).
fn parse_descriptor(descriptor: &str, location: Option<Tz>) -> Result<Schedule, CronError> {
    let one = |r: Bounds| 1u64 << r.min;
    let bits = match descriptor {
        "@yearly" | "@annually" => Some(SpecBits {
            second: one(SECONDS),
            minute: one(MINUTES),
            hour: one(HOURS),
            dom: one(DOM),
            month: one(MONTHS),
            dow: all(DOW),
        }),
        "@monthly" => Some(SpecBits {
            second: one(SECONDS),
            minute: one(MINUTES),
            hour: one(HOURS),
            dom: one(DOM),
            month: all(MONTHS),
            dow: all(DOW),
        }),
        "@weekly" => Some(SpecBits {
            second: one(SECONDS),
            minute: one(MINUTES),
            hour: one(HOURS),
            dom: all(DOM),
            month: all(MONTHS),
            dow: one(DOW),
        }),
        "@daily" | "@midnight" => Some(SpecBits {
            second: one(SECONDS),
            minute: one(MINUTES),
            hour: one(HOURS),
            dom: all(DOM),
            month: all(MONTHS),
            dow: all(DOW),
        }),
        "@hourly" => Some(SpecBits {
            second: one(SECONDS),
            minute: one(MINUTES),
            hour: all(HOURS),
            dom: all(DOM),
            month: all(MONTHS),
            dow: all(DOW),
        }),
        _ => None,
    };
    if let Some(bits) = bits {
        return Ok(Schedule::new(Kind::Spec(bits), location));
    }

    if let Some(text) = descriptor.strip_prefix("@every ") {
        let nanos = golang::parse_duration(text).map_err(|reason| CronError::Duration {
            descriptor: descriptor.to_string(),
            reason,
        })?;
        return Ok(Schedule::new(Kind::Every(every_seconds(nanos)), location));
    }

    Err(CronError::UnrecognizedDescriptor(descriptor.to_string()))
}

/// robfig/cron v3 `constantdelay.go` `Every`: the delay in whole seconds, at least one.
pub(crate) fn every_seconds(nanos: i64) -> i64 {
    const SECOND: i64 = 1_000_000_000;
    if nanos < SECOND {
        1
    } else {
        nanos / SECOND
    }
}
