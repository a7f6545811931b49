//! One plain-language line for a schedule, in English or Korean, in the spirit of crontab.guru but
//! with robfig/Kubernetes semantics: `N/step` is `N-max/step`, and when both day-of-month and
//! day-of-week are restricted (`*/N` with N > 1 counts as restricted) a day matching EITHER fires,
//! which the text says with an explicit "OR" / "또는".
//!
//! The analysis is shared; every English word lives in `mod en` and every Korean word in
//! `mod ko` below.

use super::golang;
use super::parser::{self, Bounds, RangeExpr, DESCRIPTORS, STAR_BIT};
use super::{parse_standard, CronError};

/// The language of [`explain`]'s text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Ko,
}

/// Explains a schedule in one line (`At every 5th minute.` / `5분마다`, `At 02:30 on Monday.` /
/// `월요일 02:30에`). The schedule is checked with [`parse_standard`] first, so invalid input gives
/// robfig's error.
pub fn explain(schedule: &str, lang: Lang) -> Result<String, CronError> {
    let parsed = parse_standard(schedule)?;
    let mut spec = schedule;
    let mut tz = None;
    if spec.starts_with("TZ=") || spec.starts_with("CRON_TZ=") {
        // parse_standard succeeded, so there is a space and a valid zone.
        let eq = spec.find('=').unwrap_or(0);
        let i = spec.find(' ').unwrap_or(spec.len());
        tz = Some(&spec[eq + 1..i]);
        spec = spec[i..].trim();
    }
    if let Some(secs) = parsed.every_seconds() {
        let d = golang::duration_string(secs);
        return Ok(match lang {
            Lang::En => en::every(&d, tz),
            Lang::Ko => ko::every(&d, tz),
        });
    }
    let five = DESCRIPTORS
        .iter()
        .find(|(name, _)| *name == spec)
        .map_or(spec, |(_, five)| five);
    let model = Model::build(five)?;
    Ok(match lang {
        Lang::En => en::sentence(&model, tz),
        Lang::Ko => ko::sentence(&model, tz),
    })
}

/// One list item of a field, normalised for wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Item {
    /// Every value (`*`, `*/1`).
    Any,
    /// `*/n`, n > 1.
    AnyStep(u64),
    Single(u64),
    /// `a-b` (or `a/1`).
    Range(u64, u64),
    /// `a-b/n` or `a/n`, n > 1.
    RangeStep(u64, u64, u64),
}

#[derive(Debug, Clone)]
struct Field {
    items: Vec<Item>,
    bounds: Bounds,
    /// Every value of the field matches.
    full: bool,
    /// The field has robfig's star bit (decides the day-of-month/day-of-week rule).
    star: bool,
    /// No value matches at all (a field like `,`).
    empty: bool,
    /// The matching values (robfig's bits without the star bit).
    bits: u64,
}

impl Field {
    fn build(text: &str, bounds: Bounds) -> Result<Self, CronError> {
        let ranges = parser::field_ranges(text, bounds)?;
        let bits = parser::get_field(text, bounds)?;
        let values = parser::get_bits(bounds.min, bounds.max, 1);
        let mut items: Vec<Item> = ranges.iter().map(item_of).collect();
        items.dedup();
        Ok(Self {
            items,
            bounds,
            full: bits & values == values,
            star: bits & STAR_BIT != 0,
            empty: bits & values == 0,
            bits: bits & values,
        })
    }

    fn singles(&self) -> Option<Vec<u64>> {
        self.items
            .iter()
            .map(|i| match i {
                Item::Single(v) => Some(*v),
                _ => None,
            })
            .collect()
    }
}

fn item_of(r: &RangeExpr) -> Item {
    if r.star {
        return if r.step == 1 {
            Item::Any
        } else {
            Item::AnyStep(r.step)
        };
    }
    if r.single || r.start == r.end || (r.step > 1 && r.start + r.step > r.end) {
        return Item::Single(r.start);
    }
    if r.step == 1 {
        Item::Range(r.start, r.end)
    } else {
        Item::RangeStep(r.start, r.end, r.step)
    }
}

#[derive(Debug, Clone)]
struct Model {
    minute: Field,
    hour: Field,
    dom: Field,
    month: Field,
    dow: Field,
}

/// Which day fields restrict the day, and how (robfig `dayMatches`).
enum Days<'a> {
    Every,
    Dom(&'a Field),
    Dow(&'a Field),
    /// Both restricted: a day matching either fires.
    Either(&'a Field, &'a Field),
}

impl Model {
    fn build(five: &str) -> Result<Self, CronError> {
        let f: Vec<&str> = five.split_whitespace().collect();
        let get = |i: usize| f.get(i).copied().unwrap_or("*");
        Ok(Self {
            minute: Field::build(get(0), parser::MINUTES)?,
            hour: Field::build(get(1), parser::HOURS)?,
            dom: Field::build(get(2), parser::DOM)?,
            month: Field::build(get(3), parser::MONTHS)?,
            dow: Field::build(get(4), parser::DOW)?,
        })
    }

    fn days(&self) -> Days<'_> {
        match (self.dom.star, self.dow.star) {
            (false, false) => Days::Either(&self.dom, &self.dow),
            (false, true) => Days::Dom(&self.dom),
            (true, false) => Days::Dow(&self.dow),
            (true, true) if !self.dom.full => Days::Dom(&self.dom),
            (true, true) if !self.dow.full => Days::Dow(&self.dow),
            (true, true) => Days::Every,
        }
    }

    /// The first field that selects no value at all, if any (such a schedule never fires).
    fn empty_field(&self) -> Option<usize> {
        [&self.minute, &self.hour, &self.dom, &self.month, &self.dow]
            .iter()
            .position(|f| f.empty)
    }

    /// Day-of-month and month only (weekday unrestricted) and no month has such a day
    /// (`0 0 30 2 *`): parses, never fires.
    fn impossible_date(&self) -> bool {
        if !self.dow.star {
            return false;
        }
        const DAYS: [u64; 13] = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        let (month_bits, dom_bits) = (self.month.bits, self.dom.bits);
        !(1..=12u64).any(|m| {
            month_bits & (1 << m) != 0 && (1..=DAYS[m as usize]).any(|d| dom_bits & (1 << d) != 0)
        })
    }
}

impl Field {
    fn is_month(&self) -> bool {
        self.bounds.max == parser::MONTHS.max
    }
    fn is_dow(&self) -> bool {
        self.bounds.max == parser::DOW.max
    }
}

// ------------------------------------------------------------------------------------------------
// English
// ------------------------------------------------------------------------------------------------
mod en {
    use super::{Days, Field, Item, Model};

    const MONTHS: [&str; 13] = [
        "",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const WEEKDAYS: [&str; 7] = [
        "Sunday",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
    ];
    const NEVER_EMPTY: [&str; 5] = ["minute", "hour", "day-of-month", "month", "day-of-week"];

    pub(super) fn every(duration: &str, tz: Option<&str>) -> String {
        format!(
            "Every {duration}, counted from the previous run{}.",
            tz_suffix(tz)
        )
    }

    fn tz_suffix(tz: Option<&str>) -> String {
        tz.map(|z| format!(" (time zone {z})")).unwrap_or_default()
    }

    pub(super) fn sentence(m: &Model, tz: Option<&str>) -> String {
        if let Some(i) = m.empty_field() {
            return format!("Never: the {} field selects no value.", NEVER_EMPTY[i]);
        }
        let mut s = format!("At {}", time(m));
        match m.days() {
            Days::Every => {}
            Days::Dom(f) | Days::Dow(f) => {
                s.push_str(" on ");
                s.push_str(&field(f, false));
            }
            Days::Either(dom, dow) => {
                s.push_str(" on ");
                s.push_str(&field(dom, true));
                s.push_str(" OR on ");
                s.push_str(&field(dow, true));
            }
        }
        if !m.month.full {
            s.push_str(" in ");
            s.push_str(&field(&m.month, false));
        }
        s.push_str(&tz_suffix(tz));
        if m.impossible_date() {
            s.push_str(" (never fires: no such date)");
        }
        s.push('.');
        s
    }

    fn time(m: &Model) -> String {
        if let (Some(mins), Some(hours)) = (m.minute.singles(), m.hour.singles()) {
            if mins.len() * hours.len() <= 6 {
                let times: Vec<String> = hours
                    .iter()
                    .flat_map(|h| mins.iter().map(move |mi| format!("{h:02}:{mi:02}")))
                    .collect();
                return join(&times);
            }
        }
        let minute = if m.minute.full {
            "every minute".to_string()
        } else {
            field(&m.minute, false)
        };
        if m.hour.full {
            minute
        } else {
            format!("{minute} past {}", field(&m.hour, false))
        }
    }

    fn unit(f: &Field) -> &'static str {
        match f.bounds.max {
            59 => "minute",
            23 => "hour",
            31 => "day-of-month",
            12 => "month",
            _ => "day-of-week",
        }
    }

    fn value(f: &Field, v: u64) -> String {
        if f.is_month() {
            MONTHS
                .get(v as usize)
                .copied()
                .unwrap_or_default()
                .to_string()
        } else if f.is_dow() {
            WEEKDAYS
                .get(v as usize)
                .copied()
                .unwrap_or_default()
                .to_string()
        } else {
            v.to_string()
        }
    }

    /// The words for a field. `spell_range`: say "from min through max" for `*/n` too (used for
    /// the day fields under the OR rule, where `*/2` is a restriction, not "any").
    fn field(f: &Field, spell_range: bool) -> String {
        let u = unit(f);
        let named = f.is_month() || f.is_dow();
        if let Some(vals) = f.singles() {
            let words: Vec<String> = vals.iter().map(|v| value(f, *v)).collect();
            return if named {
                join(&words)
            } else {
                format!("{u} {}", join(&words))
            };
        }
        let (lo, hi) = (value(f, f.bounds.min), value(f, f.bounds.max));
        let parts: Vec<String> = f
            .items
            .iter()
            .map(|item| match *item {
                Item::Any => format!("every {u}"),
                Item::AnyStep(n) if spell_range => {
                    format!("every {} {u} from {lo} through {hi}", ordinal(n))
                }
                Item::AnyStep(n) => format!("every {} {u}", ordinal(n)),
                Item::Single(v) if named => value(f, v),
                Item::Single(v) => format!("{u} {v}"),
                Item::Range(a, b) => {
                    format!("every {u} from {} through {}", value(f, a), value(f, b))
                }
                Item::RangeStep(a, b, n) => format!(
                    "every {} {u} from {} through {}",
                    ordinal(n),
                    value(f, a),
                    value(f, b)
                ),
            })
            .collect();
        join(&parts)
    }

    fn ordinal(n: u64) -> String {
        let suffix = match (n % 10, n % 100) {
            (_, 11..=13) => "th",
            (1, _) => "st",
            (2, _) => "nd",
            (3, _) => "rd",
            _ => "th",
        };
        format!("{n}{suffix}")
    }

    fn join(parts: &[String]) -> String {
        match parts {
            [] => String::new(),
            [one] => one.clone(),
            [a, b] => format!("{a} and {b}"),
            [init @ .., last] => format!("{}, and {last}", init.join(", ")),
        }
    }
}

// ------------------------------------------------------------------------------------------------
// Korean
// ------------------------------------------------------------------------------------------------
mod ko {
    use super::{Days, Field, Item, Model};

    const WEEKDAYS: [&str; 7] = [
        "일요일",
        "월요일",
        "화요일",
        "수요일",
        "목요일",
        "금요일",
        "토요일",
    ];
    const NEVER_EMPTY: [&str; 5] = ["분", "시", "일", "월", "요일"];

    pub(super) fn every(duration: &str, tz: Option<&str>) -> String {
        format!("{}이전 실행부터 {duration}마다", tz_prefix(tz))
    }

    fn tz_prefix(tz: Option<&str>) -> String {
        tz.map(|z| format!("{z} 기준 ")).unwrap_or_default()
    }

    pub(super) fn sentence(m: &Model, tz: Option<&str>) -> String {
        if let Some(i) = m.empty_field() {
            return format!(
                "실행되지 않음: {} 필드가 아무 값도 고르지 않습니다",
                NEVER_EMPTY[i]
            );
        }
        let mut parts: Vec<String> = Vec::new();
        if let Some(z) = tz {
            parts.push(format!("{z} 기준"));
        }
        if !m.month.full {
            parts.push(field(&m.month, false));
        }
        match m.days() {
            Days::Every => {}
            Days::Dom(f) => {
                if m.month.full && f.singles().is_some() {
                    parts.push("매월".to_string());
                }
                parts.push(field(f, false));
            }
            Days::Dow(f) => parts.push(field(f, false)),
            Days::Either(dom, dow) => {
                parts.push(format!("{} 또는 {}", field(dom, true), field(dow, true)));
            }
        }
        parts.push(time(m));
        let mut s = parts.join(" ");
        if m.impossible_date() {
            s.push_str(" (존재하지 않는 날짜라 실행되지 않음)");
        }
        s
    }

    fn time(m: &Model) -> String {
        if let (Some(mins), Some(hours)) = (m.minute.singles(), m.hour.singles()) {
            if mins.len() * hours.len() <= 6 {
                let mut times = Vec::new();
                for h in &hours {
                    for mi in &mins {
                        times.push(format!("{h:02}:{mi:02}"));
                    }
                }
                return format!("{}에", times.join(", "));
            }
        }
        let minute_singles = m.minute.singles().is_some();
        let minute = if m.minute.full {
            "매분".to_string()
        } else {
            field(&m.minute, false)
        };
        if m.hour.full {
            return if minute_singles {
                format!("매시 {minute}에")
            } else {
                minute
            };
        }
        let hour = field(&m.hour, false);
        let hour_has_range = m.hour.items.iter().any(|i| matches!(i, Item::Range(..)));
        match (minute_singles, m.hour.singles().is_some()) {
            (true, _) if hour_has_range => format!("{hour} 매시 {minute}에"),
            (true, _) => format!("{hour} {minute}에"),
            (false, true) => format!("{hour} 동안 {minute}"),
            (false, false) => format!("{hour} {minute}"),
        }
    }

    fn value(f: &Field, v: u64) -> String {
        match f.bounds.max {
            59 => format!("{v}분"),
            23 => format!("{v}시"),
            31 => format!("{v}일"),
            12 => format!("{v}월"),
            _ => WEEKDAYS
                .get(v as usize)
                .copied()
                .unwrap_or_default()
                .to_string(),
        }
    }

    fn every_unit(f: &Field) -> &'static str {
        match f.bounds.max {
            59 => "매분",
            23 => "매시",
            31 => "매일",
            12 => "매월",
            _ => "매일",
        }
    }

    fn step_unit(f: &Field, n: u64) -> String {
        match f.bounds.max {
            59 => format!("{n}분마다"),
            23 => format!("{n}시간마다"),
            31 => format!("{n}일마다"),
            12 => format!("{n}개월마다"),
            _ => format!("{n}일 간격 요일마다"),
        }
    }

    /// The words for a field; `spell_range` as in English (`*/2` days under the OR rule).
    fn field(f: &Field, spell_range: bool) -> String {
        // Weekday steps read best as the days themselves (`*/2` = 일요일, 화요일, 목요일, 토요일).
        if f.is_dow()
            && f.items
                .iter()
                .any(|i| matches!(i, Item::AnyStep(_) | Item::RangeStep(..)))
        {
            let days: Vec<String> = (0..7u64)
                .filter(|d| f.bits & (1 << d) != 0)
                .map(|d| value(f, d))
                .collect();
            return days.join(", ");
        }
        let (lo, hi) = (value(f, f.bounds.min), value(f, f.bounds.max));
        let parts: Vec<String> = f
            .items
            .iter()
            .map(|item| match *item {
                Item::Any => every_unit(f).to_string(),
                Item::AnyStep(n) if spell_range => {
                    format!("{lo}부터 {hi}까지 {}", step_unit(f, n))
                }
                Item::AnyStep(n) => step_unit(f, n),
                Item::Single(v) => value(f, v),
                Item::Range(a, b) => {
                    let r = format!("{}부터 {}까지", value(f, a), value(f, b));
                    if f.bounds.max == 59 {
                        format!("{r} 매분")
                    } else {
                        r
                    }
                }
                Item::RangeStep(a, b, n) => {
                    format!(
                        "{}부터 {}까지 {}",
                        value(f, a),
                        value(f, b),
                        step_unit(f, n)
                    )
                }
            })
            .collect();
        parts.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::{explain, Lang};

    #[test]
    fn explains_in_english_and_korean() {
        let cases: &[(&str, &str, &str)] = &[
            ("*/5 * * * *", "At every 5th minute.", "5분마다"),
            ("30 2 * * 1", "At 02:30 on Monday.", "월요일 02:30에"),
            (
                "0 0 */2 * 1",
                "At 00:00 on every 2nd day-of-month from 1 through 31 OR on Monday.",
                "1일부터 31일까지 2일마다 또는 월요일 00:00에",
            ),
            (
                "0 0 */2 * *",
                "At 00:00 on every 2nd day-of-month.",
                "2일마다 00:00에",
            ),
            (
                "0 0 1 * 1",
                "At 00:00 on day-of-month 1 OR on Monday.",
                "1일 또는 월요일 00:00에",
            ),
            ("* * * * *", "At every minute.", "매분"),
            ("* * * * ?", "At every minute.", "매분"),
            ("0 * * * *", "At minute 0.", "매시 0분에"),
            ("0 9,17 * * *", "At 09:00 and 17:00.", "09:00, 17:00에"),
            ("0,30 9 * * *", "At 09:00 and 09:30.", "09:00, 09:30에"),
            (
                "0 9-17 * * 1-5",
                "At minute 0 past every hour from 9 through 17 on every day-of-week from Monday \
                 through Friday.",
                "월요일부터 금요일까지 9시부터 17시까지 매시 0분에",
            ),
            (
                "5/15 * * * *",
                "At every 15th minute from 5 through 59.",
                "5분부터 59분까지 15분마다",
            ),
            (
                "0 0 1 1 *",
                "At 00:00 on day-of-month 1 in January.",
                "1월 1일 00:00에",
            ),
            (
                "@yearly",
                "At 00:00 on day-of-month 1 in January.",
                "1월 1일 00:00에",
            ),
            ("@weekly", "At 00:00 on Sunday.", "일요일 00:00에"),
            ("@hourly", "At minute 0.", "매시 0분에"),
            (
                "@every 1h30m",
                "Every 1h30m0s, counted from the previous run.",
                "이전 실행부터 1h30m0s마다",
            ),
            (
                "0 0 * JAN-mar *",
                "At 00:00 in every month from January through March.",
                "1월부터 3월까지 00:00에",
            ),
            (
                "0 0 30 2 *",
                "At 00:00 on day-of-month 30 in February (never fires: no such date).",
                "2월 30일 00:00에 (존재하지 않는 날짜라 실행되지 않음)",
            ),
            (
                ", * * * *",
                "Never: the minute field selects no value.",
                "실행되지 않음: 분 필드가 아무 값도 고르지 않습니다",
            ),
            ("* 9 * * *", "At every minute past hour 9.", "9시 동안 매분"),
            (
                "TZ=Asia/Seoul 0 9 * * *",
                "At 09:00 (time zone Asia/Seoul).",
                "Asia/Seoul 기준 09:00에",
            ),
        ];
        for &(spec, en, ko) in cases {
            assert_eq!(explain(spec, Lang::En).unwrap(), en, "{spec}");
            assert_eq!(explain(spec, Lang::Ko).unwrap(), ko, "{spec}");
        }
    }

    #[test]
    fn explain_reports_parse_errors() {
        assert_eq!(
            explain("0 0 * * 7", Lang::En).unwrap_err().to_string(),
            "end of range (7) above maximum (6): 7"
        );
        assert!(explain("", Lang::Ko).is_err());
    }
}
