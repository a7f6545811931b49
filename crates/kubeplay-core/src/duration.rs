//! Go durations (`90s`, `1h30m`, `1.5h`, `300ms`), as `time.ParseDuration` reads them, held as integer
//! milliseconds: kubeplay's virtual clock ticks in milliseconds.

use thiserror::Error;

/// Milliseconds of virtual time.
pub type Millis = i64;

/// Why a duration string was rejected; the wording follows Go's `time.ParseDuration`.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DurationError {
    #[error("time: invalid duration \"{0}\"")]
    Invalid(String),
    #[error("time: missing unit in duration \"{0}\"")]
    MissingUnit(String),
    #[error("time: unknown unit \"{1}\" in duration \"{0}\"")]
    UnknownUnit(String, String),
}

/// Parses a Go duration into milliseconds (sub-millisecond parts are truncated).
pub fn parse(s: &str) -> Result<Millis, DurationError> {
    let orig = s;
    let invalid = || DurationError::Invalid(orig.to_string());
    let (neg, mut rest) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    if rest == "0" {
        return Ok(0);
    }
    if rest.is_empty() {
        return Err(invalid());
    }
    let mut total_ns: i128 = 0;
    while !rest.is_empty() {
        let num_end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        let num = &rest[..num_end];
        if num.is_empty() || num == "." || num.matches('.').count() > 1 {
            return Err(invalid());
        }
        rest = &rest[num_end..];
        let unit_end = rest
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(rest.len());
        let unit = &rest[..unit_end];
        rest = &rest[unit_end..];
        let ns_per: i128 = match unit {
            "" => return Err(DurationError::MissingUnit(orig.to_string())),
            "ns" => 1,
            "us" | "µs" | "μs" => 1_000,
            "ms" => 1_000_000,
            "s" => 1_000_000_000,
            "m" => 60_000_000_000,
            "h" => 3_600_000_000_000,
            u => return Err(DurationError::UnknownUnit(orig.to_string(), u.to_string())),
        };
        let (i, f) = num.split_once('.').unwrap_or((num, ""));
        let whole: i128 = if i.is_empty() {
            0
        } else {
            i.parse().map_err(|_| invalid())?
        };
        let mut frac_ns: i128 = 0;
        let mut scale: i128 = 1;
        for c in f.chars().take(18) {
            frac_ns = frac_ns * 10 + (c as i128 - '0' as i128);
            scale *= 10;
        }
        total_ns = total_ns
            .checked_add(whole.checked_mul(ns_per).ok_or_else(invalid)? + frac_ns * ns_per / scale)
            .ok_or_else(invalid)?;
        if total_ns > i64::MAX as i128 {
            return Err(invalid());
        }
    }
    let ms = (total_ns / 1_000_000) as i64;
    Ok(if neg { -ms } else { ms })
}

/// Formats milliseconds like Go's `Duration.String()` (`1m30s`, `2h0m0s`, `500ms`, `0s`).
pub fn format(ms: Millis) -> String {
    if ms == 0 {
        return "0s".into();
    }
    let sign = if ms < 0 { "-" } else { "" };
    let ms = ms.unsigned_abs();
    if ms < 1000 {
        return format!("{sign}{ms}ms");
    }
    let h = ms / 3_600_000;
    let m = ms / 60_000 % 60;
    let s = ms / 1000 % 60;
    let frac = ms % 1000;
    let secs = if frac == 0 {
        format!("{s}s")
    } else {
        format!("{s}.{}s", format!("{frac:03}").trim_end_matches('0'))
    };
    if h > 0 {
        format!("{sign}{h}h{m}m{secs}")
    } else if m > 0 {
        format!("{sign}{m}m{secs}")
    } else {
        format!("{sign}{secs}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_like_go() {
        let table: &[(&str, Millis)] = &[
            ("0", 0),
            ("10s", 10_000),
            ("90s", 90_000),
            ("1h30m", 5_400_000),
            ("1.5h", 5_400_000),
            ("300ms", 300),
            ("-1s", -1000),
            ("2m3.5s", 123_500),
            ("1us", 0),
        ];
        for &(s, want) in table {
            assert_eq!(parse(s), Ok(want), "{s}");
        }
        for s in ["", "10", "1x", "s", "1.2.3s", "-"] {
            assert!(parse(s).is_err(), "{s}");
        }
    }

    #[test]
    fn formats_like_go() {
        assert_eq!(format(0), "0s");
        assert_eq!(format(90_000), "1m30s");
        assert_eq!(format(7_200_000), "2h0m0s");
        assert_eq!(format(500), "500ms");
        assert_eq!(format(1_500), "1.5s");
    }
}
