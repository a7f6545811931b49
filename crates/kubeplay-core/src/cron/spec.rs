//! Next activation time: a port of robfig/cron v3.0.1 `spec.go` (`SpecSchedule.Next`,
//! `dayMatches`) and `constantdelay.go` (`ConstantDelaySchedule.Next`), including the way Go's
//! `time.Date`, `Time.AddDate`, `Time.Add` and `Time.Truncate` behave around daylight-saving
//! changes, so that a wall time skipped by a spring-forward change does not fire and a wall time
//! repeated by a fall-back change fires twice, exactly as in the Kubernetes CronJob controller.
//!
//! Times are handled as Unix seconds; the zone is a `chrono_tz::Tz`. Nothing here reads the clock
//! or allocates.

use chrono::{DateTime, Offset, TimeZone};
use chrono_tz::Tz;

use super::parser::STAR_BIT;

/// The six bit sets of a crontab schedule (robfig `SpecSchedule` without its location): bit `n`
/// set means value `n` matches; bit 63 is the star bit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SpecBits {
    pub(crate) second: u64,
    pub(crate) minute: u64,
    pub(crate) hour: u64,
    pub(crate) dom: u64,
    pub(crate) month: u64,
    pub(crate) dow: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A crontab spec or a named descriptor (robfig `SpecSchedule`).
    Spec(SpecBits),
    /// `@every`: the delay in whole seconds, at least 1 (robfig `ConstantDelaySchedule`).
    Every(i64),
}

/// A parsed schedule (what robfig/cron v3 `ParseStandard` returns: a `*SpecSchedule` or a
/// `ConstantDelaySchedule`). Build one with [`parse_standard`](super::parse_standard).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
    pub(crate) kind: Kind,
    /// The zone of a `TZ=`/`CRON_TZ=` prefix; `None` means robfig's `time.Local`: "the zone of the
    /// time passed to `next`".
    pub(crate) location: Option<Tz>,
}

impl Schedule {
    pub(crate) fn new(kind: Kind, location: Option<Tz>) -> Self {
        Self { kind, location }
    }

    /// Whether this is an `@every <duration>` schedule (robfig `ConstantDelaySchedule`).
    pub fn is_every(&self) -> bool {
        matches!(self.kind, Kind::Every(_))
    }

    /// The delay of an `@every` schedule in whole seconds (at least 1), else `None`.
    pub fn every_seconds(&self) -> Option<i64> {
        match self.kind {
            Kind::Every(s) => Some(s),
            Kind::Spec(_) => None,
        }
    }

    /// The zone named by a `TZ=`/`CRON_TZ=` prefix, if the spec had one (other than `Local`).
    /// Kubernetes validation rejects such prefixes on new CronJobs; see
    /// [`validate_for_cronjob`](super::validate_for_cronjob).
    pub fn location(&self) -> Option<Tz> {
        self.location
    }

    /// The first activation strictly after `after` (sub-second parts of `after` are dropped
    /// first), or `None` if there is none within robfig's search limit of five years (impossible
    /// dates such as `0 0 30 2 *`).
    ///
    /// Mirrors robfig/cron v3 `spec.go` `SpecSchedule.Next` (and `constantdelay.go`
    /// `ConstantDelaySchedule.Next` for `@every`): the wall-clock fields are walked in the zone of
    /// `after` (or in the schedule's `TZ=` zone, if it has one), with Go's daylight-saving
    /// behaviour: a wall time that does not exist on a spring-forward day is skipped, one that
    /// occurs twice on a fall-back day fires twice. The result is in `after`'s zone.
    pub fn next(&self, after: DateTime<Tz>) -> Option<DateTime<Tz>> {
        let zone = after.timezone();
        let t = self.next_unix(after.timestamp(), zone)?;
        DateTime::from_timestamp(t, 0).map(|d| d.with_timezone(&zone))
    }

    /// [`next`](Self::next) on Unix seconds: the first activation strictly after `after`
    /// (seconds since the epoch) when the schedule's wall clock runs in `zone` (ignored if the
    /// schedule has a `TZ=` prefix, and for `@every`). This is the allocation-free hot path.
    pub fn next_unix(&self, after: i64, zone: Tz) -> Option<i64> {
        if !in_range(after) {
            return None;
        }
        match self.kind {
            Kind::Every(delay) => after.checked_add(delay).filter(|t| in_range(*t)),
            Kind::Spec(bits) => {
                let zone = self.location.unwrap_or(zone);
                spec_next(&bits, zone, after).filter(|t| in_range(*t))
            }
        }
    }

    /// Whether the schedule fires at exactly `at` (whole second): `next(at - 1s) == at`, which is
    /// how robfig's `TestActivation` checks it.
    pub fn fires_at(&self, at: DateTime<Tz>) -> bool {
        let zone = at.timezone();
        at.timestamp_subsec_nanos() == 0
            && self.next_unix(at.timestamp() - 1, zone) == Some(at.timestamp())
    }
}

/// chrono's representable range of Unix seconds (about ±262,000 years).
fn in_range(t: i64) -> bool {
    DateTime::from_timestamp(t, 0).is_some()
}

/// The UTC offset (seconds east) in effect at Unix time `unix` (Go `Location.lookup`).
#[inline]
fn offset_at(zone: Tz, unix: i64) -> i64 {
    if zone == Tz::UTC {
        return 0;
    }
    match DateTime::from_timestamp(unix, 0) {
        Some(dt) => i64::from(
            zone.offset_from_utc_datetime(&dt.naive_utc())
                .fix()
                .local_minus_utc(),
        ),
        None => 0,
    }
}

/// The wall-clock fields of an instant in a zone (Go `Time.Date`, `Time.Clock`, `Time.Weekday`).
#[derive(Debug, Clone, Copy)]
struct Civil {
    year: i64,
    month: i64,
    day: i64,
    hour: i64,
    minute: i64,
    second: i64,
    weekday: i64,
    offset: i64,
}

#[inline]
fn civil(zone: Tz, unix: i64) -> Civil {
    let offset = offset_at(zone, unix);
    let local = unix + offset;
    let days = local.div_euclid(86_400);
    let secs = local.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    Civil {
        year,
        month,
        day,
        hour: secs / 3600,
        minute: (secs / 60) % 60,
        second: secs % 60,
        weekday: (days + 4).rem_euclid(7),
        offset,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
#[inline]
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day number (H. Hinnant's `civil_from_days`).
#[inline]
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// Go's `time.Date(year, month, day, hour, min, sec, 0, loc)`, with Go's normalisation of
/// out-of-range months and days and Go's choice for wall times that do not exist or exist twice:
/// the offset in effect at (wall time read as UTC) is tried first and kept if it is consistent,
/// otherwise the offset in effect at the corrected instant is used.
fn go_date(zone: Tz, year: i64, month: i64, day: i64, hour: i64, min: i64, sec: i64) -> i64 {
    let m0 = month - 1;
    let y = year + m0.div_euclid(12);
    let m = m0.rem_euclid(12) + 1;
    let local = (days_from_civil(y, m, 1) + day - 1) * 86_400 + hour * 3600 + min * 60 + sec;
    local - offset_at(zone, local - offset_at(zone, local))
}

/// robfig/cron v3 `spec.go` `dayMatches`: if either day field has the star bit, a day must match
/// both; otherwise matching either is enough.
#[inline]
fn day_matches(s: &SpecBits, c: &Civil) -> bool {
    let dom_match = (1u64 << c.day) & s.dom != 0;
    let dow_match = (1u64 << c.weekday) & s.dow != 0;
    if s.dom & STAR_BIT != 0 || s.dow & STAR_BIT != 0 {
        dom_match && dow_match
    } else {
        dom_match || dow_match
    }
}

/// How many unit steps from `cur` until the value is in `bits` or wraps to 0 (modulo `modulus`):
/// the number of iterations robfig's increment loops make when the UTC offset stays the same.
#[inline]
fn steps_to_next(bits: u64, cur: i64, modulus: i64) -> i64 {
    let mask = (1u64 << modulus) - 1;
    let above = bits & mask & !((2u64 << cur) - 1);
    if above == 0 {
        modulus - cur
    } else {
        i64::from(above.trailing_zeros()) - cur
    }
}

/// robfig/cron v3 `spec.go` `SpecSchedule.Next`, on Unix seconds in `zone`.
///
/// The month and day loops are literal ports (each step is a Go `AddDate`). The hour, minute and
/// second loops add one unit at a time in robfig; here they jump straight to the unit where
/// robfig's loop would stop, and fall back to robfig's single step whenever the UTC offset at
/// the landing point differs from the offset at the start (a daylight-saving change in between).
pub(crate) fn spec_next(s: &SpecBits, zone: Tz, after: i64) -> Option<i64> {
    spec_next_impl::<true>(s, zone, after)
}

/// robfig's `Next` without the jumps: one unit per loop iteration, as in Go. Tests compare it
/// with [`spec_next`].
#[cfg(test)]
pub(crate) fn spec_next_literal(s: &SpecBits, zone: Tz, after: i64) -> Option<i64> {
    spec_next_impl::<false>(s, zone, after)
}

fn spec_next_impl<const JUMP: bool>(s: &SpecBits, zone: Tz, after: i64) -> Option<i64> {
    // Start at the earliest possible time (the upcoming second).
    let mut t = after.checked_add(1)?;
    let mut added = false;
    // If no time is found within five years, give up.
    let year_limit = civil(zone, t).year + 5;

    // A backstop against any other endless loop in zone data (robfig has no such limit): far
    // above the iterations a five-year search needs.
    let mut budget: u32 = 5_000_000;

    'wrap: loop {
        let mut c = civil(zone, t);
        if c.year > year_limit {
            return None;
        }
        budget = budget.checked_sub(1)?;

        // Find the first applicable month.
        while (1u64 << c.month) & s.month == 0 {
            budget = budget.checked_sub(1)?;
            if !added {
                added = true;
                t = go_date(zone, c.year, c.month, 1, 0, 0, 0);
                c = civil(zone, t);
            }
            t = go_date(zone, c.year, c.month + 1, c.day, c.hour, c.minute, c.second);
            c = civil(zone, t);
            if c.month == 1 {
                continue 'wrap;
            }
        }

        // Now get a day in that month (robfig: midnight may not exist on DST days; notice when
        // the hour ends up != 0 and correct it).
        while !day_matches(s, &c) {
            budget = budget.checked_sub(1)?;
            if !added {
                added = true;
                t = go_date(zone, c.year, c.month, c.day, 0, 0, 0);
                c = civil(zone, t);
            }
            let before = t;
            t = go_date(zone, c.year, c.month, c.day + 1, c.hour, c.minute, c.second);
            // Deliberate deviation: where a whole calendar day was skipped (Pacific/Apia and
            // Pacific/Fakaofo, 2011-12-30), Go's `AddDate(0, 0, 1)` lands back on the same day and
            // robfig loops forever. Step over the missing day instead.
            let mut skip = 2;
            while t <= before && skip <= 3 {
                t = go_date(
                    zone,
                    c.year,
                    c.month,
                    c.day + skip,
                    c.hour,
                    c.minute,
                    c.second,
                );
                skip += 1;
            }
            c = civil(zone, t);
            if c.hour != 0 {
                if c.hour > 12 {
                    t += (24 - c.hour) * 3600;
                } else {
                    t -= c.hour * 3600;
                }
                c = civil(zone, t);
            }
            if c.day == 1 {
                continue 'wrap;
            }
        }

        while (1u64 << c.hour) & s.hour == 0 {
            budget = budget.checked_sub(1)?;
            if !added {
                added = true;
                t = go_date(zone, c.year, c.month, c.day, c.hour, 0, 0);
                c = civil(zone, t);
            }
            (t, c) = advance::<JUMP>(zone, t, c, steps_to_next(s.hour, c.hour, 24), 3600);
            if c.hour == 0 {
                continue 'wrap;
            }
        }

        while (1u64 << c.minute) & s.minute == 0 {
            budget = budget.checked_sub(1)?;
            if !added {
                added = true;
                t -= t.rem_euclid(60);
                c = civil(zone, t);
            }
            (t, c) = advance::<JUMP>(zone, t, c, steps_to_next(s.minute, c.minute, 60), 60);
            if c.minute == 0 {
                continue 'wrap;
            }
        }

        while (1u64 << c.second) & s.second == 0 {
            budget = budget.checked_sub(1)?;
            // robfig truncates to the second here; times are whole seconds already.
            added = true;
            (t, c) = advance::<JUMP>(zone, t, c, steps_to_next(s.second, c.second, 60), 1);
            if c.second == 0 {
                continue 'wrap;
            }
        }

        return Some(t);
    }
}

/// Moves `steps` units forward if the UTC offset is the same there (so robfig's one-unit loop
/// would have visited exactly those wall-clock values), else one unit (robfig's own step).
#[inline]
fn advance<const JUMP: bool>(zone: Tz, t: i64, c: Civil, steps: i64, unit: i64) -> (i64, Civil) {
    if JUMP && steps > 1 {
        let jump = t + steps * unit;
        let cj = civil(zone, jump);
        if cj.offset == c.offset {
            return (jump, cj);
        }
    }
    let next = t + unit;
    (next, civil(zone, next))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip() {
        for days in [-719_468i64, -1, 0, 1, 10_957, 11_016, 19_000, 2_932_896] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
    }

    #[test]
    fn go_date_in_gaps_and_overlaps() {
        let ny: Tz = "America/New_York".parse().unwrap();
        // 2012-03-11 02:30 does not exist in New York; Go's time.Date yields 01:30 EST.
        let t = go_date(ny, 2012, 3, 11, 2, 30, 0);
        assert_eq!(t, 1_331_447_400); // 2012-03-11T06:30:00Z
                                      // 2012-11-04 01:30 exists twice; Go's time.Date picks the first (EDT).
        let t = go_date(ny, 2012, 11, 4, 1, 30, 0);
        assert_eq!(t, 1_352_007_000); // 2012-11-04T05:30:00Z
    }

    #[test]
    fn steps() {
        assert_eq!(steps_to_next(1, 1, 60), 59);
        assert_eq!(steps_to_next(1 << 30 | 1, 1, 60), 29);
        assert_eq!(steps_to_next(1 << 59, 58, 60), 1);
        assert_eq!(steps_to_next(0, 23, 24), 1);
    }
}
