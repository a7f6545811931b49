//! Kubernetes resource quantities (`4`, `3500m`, `8Gi`, `1e3`), mirroring
//! staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go closely enough for scheduling:
//! values are kept in milli-units and rounded up, as `Quantity.MilliValue()` does.

use thiserror::Error;

/// Why a quantity string was rejected (wording of apimachinery's `ErrFormatWrong`/`ErrSuffix`).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum QuantityError {
    #[error("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'")]
    Format,
    #[error("unable to parse quantity's suffix")]
    Suffix,
}

/// Parses a quantity into milli-units (`"1"` is 1000, `"250m"` is 250, `"1Ki"` is 1_024_000).
pub fn parse_milli(s: &str) -> Result<i128, QuantityError> {
    let s = s.trim();
    match parse_whole(s) {
        Some(v) => Ok(v),
        None => parse_any(s),
    }
}

/// [`parse_milli`] of a whole number with no suffix or a common one (`4`, `3500m`, `16Gi`), the
/// way node tables and pod requests are written, in 64-bit arithmetic (wasm has no 128-bit
/// multiply: 5,000 node rows spent most of their CPU and MEMORY parsing in it). None for anything
/// else, or on overflow: [`parse_any`] then decides.
fn parse_whole(s: &str) -> Option<i128> {
    let end = s
        .bytes()
        .position(|b| !b.is_ascii_digit())
        .unwrap_or(s.len());
    if end == 0 || end > 18 {
        return None;
    }
    let (digits, suffix) = s.split_at(end);
    let n: i64 = digits.parse().ok()?;
    let milli_per_unit: i64 = match suffix {
        "" => 1000,
        "m" => 1,
        "k" => 1_000_000,
        "M" => 1_000_000_000,
        "G" => 1_000_000_000_000,
        "Ki" => 1000 << 10,
        "Mi" => 1000 << 20,
        "Gi" => 1000 << 30,
        "Ti" => 1000 << 40,
        _ => return None,
    };
    n.checked_mul(milli_per_unit).map(i128::from)
}

/// [`parse_milli`] of any quantity (decimal fractions, signs, exponents), in 10^-9 units.
fn parse_any(s: &str) -> Result<i128, QuantityError> {
    let split = s
        .char_indices()
        .find(|&(i, c)| !(c.is_ascii_digit() || c == '.' || ((c == '+' || c == '-') && i == 0)))
        .map_or(s.len(), |(i, _)| i);
    let (num, suffix) = s.split_at(split);
    let digits = num.trim_start_matches(['+', '-']);
    if digits.is_empty() || digits == "." || digits.matches('.').count() > 1 {
        return Err(QuantityError::Format);
    }
    let negative = num.starts_with('-');
    let (int_part, frac_part) = digits.split_once('.').unwrap_or((digits, ""));
    // Work in units of 10^-9 (nano) to keep n/u suffixes exact, then scale.
    let mut value: i128 = 0;
    for c in int_part.chars() {
        value = value.checked_mul(10).ok_or(QuantityError::Format)? + (c as i128 - '0' as i128);
    }
    let mut frac_scale: i32 = 0;
    for c in frac_part.chars() {
        if frac_scale >= 18 {
            break;
        }
        value = value.checked_mul(10).ok_or(QuantityError::Format)? + (c as i128 - '0' as i128);
        frac_scale += 1;
    }
    // value * 10^-frac_scale is the number; the result is number * multiplier * 1000.
    let (mul_num, exp10): (i128, i32) = match suffix {
        "" => (1, 0),
        "n" => (1, -9),
        "u" => (1, -6),
        "m" => (1, -3),
        "k" => (1, 3),
        "M" => (1, 6),
        "G" => (1, 9),
        "T" => (1, 12),
        "P" => (1, 15),
        "E" => (1, 18),
        "Ki" => (1 << 10, 0),
        "Mi" => (1 << 20, 0),
        "Gi" => (1 << 30, 0),
        "Ti" => (1 << 40, 0),
        "Pi" => (1 << 50, 0),
        "Ei" => (1 << 60, 0),
        s if s.starts_with(['e', 'E']) => {
            let e: i32 = s[1..].parse().map_err(|_| QuantityError::Suffix)?;
            if !(-30..=30).contains(&e) {
                return Err(QuantityError::Suffix);
            }
            (1, e)
        }
        _ => return Err(QuantityError::Suffix),
    };
    let total_exp = exp10 + 3 - frac_scale;
    let mut v = value.checked_mul(mul_num).ok_or(QuantityError::Format)?;
    if total_exp >= 0 {
        for _ in 0..total_exp {
            v = v.checked_mul(10).ok_or(QuantityError::Format)?;
        }
    } else {
        let div = 10i128
            .checked_pow((-total_exp) as u32)
            .ok_or(QuantityError::Format)?;
        v = (v + div - 1) / div; // round up, like MilliValue()
    }
    Ok(if negative { -v } else { v })
}

/// Parses a quantity into whole units, rounding up (`Quantity.Value()`).
pub fn parse_units(s: &str) -> Result<i128, QuantityError> {
    parse_milli(s).map(|m| (m + 999).div_euclid(1000))
}

/// Formats CPU milli-cores the way `kubectl describe node` does (`3500m`, `4`).
pub fn format_cpu(milli: i128) -> String {
    if milli % 1000 == 0 {
        format!("{}", milli / 1000)
    } else {
        format!("{milli}m")
    }
}

/// Formats bytes with the largest exact binary suffix (`8Gi`, `512Mi`, `1500`).
pub fn format_bytes(bytes: i128) -> String {
    for (suffix, shift) in [
        ("Ei", 60),
        ("Pi", 50),
        ("Ti", 40),
        ("Gi", 30),
        ("Mi", 20),
        ("Ki", 10),
    ] {
        let unit = 1i128 << shift;
        if bytes != 0 && bytes % unit == 0 {
            return format!("{}{suffix}", bytes / unit);
        }
    }
    bytes.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_take_the_short_way_to_the_same_answer() {
        let mut n = 0;
        for digits in [
            "0",
            "1",
            "4",
            "16",
            "3500",
            "999999999",
            "123456789012345678",
        ] {
            for suffix in [
                "", "m", "k", "M", "G", "Ki", "Mi", "Gi", "Ti", "u", "e3", "Ei",
            ] {
                let s = format!("{digits}{suffix}");
                let general = parse_any(&s);
                match parse_whole(&s) {
                    Some(v) => {
                        assert_eq!(Ok(v), general, "{s}");
                        n += 1;
                    }
                    // Not taken: another suffix, or too large for 64 bits.
                    None => assert!(
                        ["u", "e3", "Ei"].contains(&suffix)
                            || general.clone().is_ok_and(|v| i64::try_from(v).is_err()),
                        "{s}"
                    ),
                }
                assert_eq!(parse_milli(&s), general, "{s}");
            }
        }
        assert!(n > 50, "{n}");
        for s in ["", "m", "1.5", "-1", "+2", "1mi", "0x10", "1 Gi"] {
            assert_eq!(parse_whole(s), None, "{s:?}");
        }
    }

    #[test]
    fn parses_the_forms_kubectl_accepts() {
        let table: &[(&str, i128)] = &[
            ("4", 4000),
            ("3500m", 3500),
            ("0.5", 500),
            ("1.5", 1500),
            ("100m", 100),
            ("1Ki", 1_024_000),
            ("8Gi", 8 * (1 << 30) * 1000),
            ("1G", 1_000_000_000_000),
            ("1e3", 1_000_000),
            ("1E3", 1_000_000),
            ("1n", 1),
            ("1500u", 2),
            ("+2", 2000),
            ("-1", -1000),
        ];
        for &(s, want) in table {
            assert_eq!(parse_milli(s), Ok(want), "{s}");
        }
    }

    #[test]
    fn rejects_malformed() {
        for s in ["", "abc", "1.2.3", "4x", "Gi", "1Gb", "."] {
            assert!(parse_milli(s).is_err(), "{s}");
        }
    }

    #[test]
    fn formats() {
        assert_eq!(format_cpu(3500), "3500m");
        assert_eq!(format_cpu(4000), "4");
        assert_eq!(format_bytes(8 << 30), "8Gi");
        assert_eq!(format_bytes(1500), "1500");
        assert_eq!(parse_units("8Gi"), Ok(8 << 30));
    }
}
