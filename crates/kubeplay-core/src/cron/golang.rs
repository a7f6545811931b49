//! The few pieces of Go's standard library whose exact behaviour (and error wording) leaks into
//! robfig/cron's and Kubernetes' messages: `strconv.Atoi`, `strconv.Quote`, `time.ParseDuration`
//! and `time.Duration.String`, plus `fmt`'s `%s` of a `[]string`.

use std::fmt::Write as _;

/// Go's `strconv.Atoi` on a 64-bit platform (Go's `strconv/atoi.go`): an optional `+`/`-` and ASCII
/// decimal digits, nothing else. The error text is the `*NumError` message,
/// `strconv.Atoi: parsing "x": invalid syntax` or `...: value out of range`.
pub(crate) fn atoi(s: &str) -> Result<i64, String> {
    let syntax = || format!("strconv.Atoi: parsing {}: invalid syntax", quote(s));
    let range = || format!("strconv.Atoi: parsing {}: value out of range", quote(s));
    let bytes = s.as_bytes();
    let (neg, digits) = match bytes.first() {
        Some(b'-') => (true, &bytes[1..]),
        Some(b'+') => (false, &bytes[1..]),
        _ => (false, bytes),
    };
    if digits.is_empty() {
        return Err(syntax());
    }
    // Go's ParseUint reports a range error as soon as the value overflows, even if a non-digit
    // follows later; it reports a syntax error for a non-digit met before any overflow.
    let mut n: u64 = 0;
    let mut overflow = false;
    for &c in digits {
        if !c.is_ascii_digit() {
            if overflow {
                break;
            }
            return Err(syntax());
        }
        if overflow {
            continue;
        }
        match n
            .checked_mul(10)
            .and_then(|v| v.checked_add(u64::from(c - b'0')))
        {
            Some(v) => n = v,
            None => overflow = true,
        }
    }
    if overflow {
        return Err(range());
    }
    let cutoff = 1u64 << 63;
    if !neg && n >= cutoff {
        return Err(range());
    }
    if neg && n > cutoff {
        return Err(range());
    }
    Ok(if neg {
        (n as i64).wrapping_neg()
    } else {
        n as i64
    })
}

/// Go's `strconv.Quote` (also what `%q` prints): double quotes, `\"` and `\\`, the C escapes,
/// `\xNN` for other ASCII controls, and `\uNNNN` / `\UNNNNNNNN` for runes Go does not consider
/// printable (approximated here: controls, format characters, private use, unassigned specials).
pub(crate) fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{b}' => out.push_str("\\v"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if !go_is_print(c) => {
                if (c as u32) < 0x10000 {
                    let _ = write!(out, "\\u{:04x}", c as u32);
                } else {
                    let _ = write!(out, "\\U{:08x}", c as u32);
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// An approximation of Go's `strconv.IsPrint` without Unicode category tables: everything but
/// C1 controls, spaces other than U+0020, the common format characters, surrogates, private use
/// and noncharacters.
fn go_is_print(c: char) -> bool {
    let u = c as u32;
    if c == ' ' {
        return true;
    }
    if c.is_whitespace() || c.is_control() {
        return false;
    }
    !matches!(u,
        0xAD | 0x600..=0x605 | 0x61C | 0x6DD | 0x70F | 0x180E | 0x200B..=0x200F | 0x2028..=0x202E
        | 0x2060..=0x206F | 0xFEFF | 0xFFF9..=0xFFFB | 0xE000..=0xF8FF | 0xFFFE | 0xFFFF
        | 0xF0000..=0x10FFFF)
}

/// The `quote` helper of Go's `time` package (used by `time.ParseDuration` errors): ASCII is kept
/// (with `"` and `\` escaped), every byte of a non-ASCII or control character becomes `\xNN`.
pub(crate) fn time_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        if (c as u32) >= 0x80 || (c as u32) < 0x20 {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                let _ = write!(out, "\\x{b:02x}");
            }
        } else {
            if c == '"' || c == '\\' {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out.push('"');
    out
}

/// Go's `time.ParseDuration`, to the nanosecond, with Go's error messages
/// (`time: invalid duration "x"`, `time: missing unit in duration "1"`,
/// `time: unknown unit "d" in duration "1d"`).
pub(crate) fn parse_duration(s: &str) -> Result<i64, String> {
    let orig = s;
    let invalid = || format!("time: invalid duration {}", time_quote(orig));
    let mut rest = s.as_bytes();
    let mut neg = false;
    if let Some(&c) = rest.first() {
        if c == b'-' || c == b'+' {
            neg = c == b'-';
            rest = &rest[1..];
        }
    }
    if rest == b"0" {
        return Ok(0);
    }
    if rest.is_empty() {
        return Err(invalid());
    }
    const LIMIT: u64 = 1 << 63;
    let mut d: u64 = 0;
    while !rest.is_empty() {
        if !(rest[0] == b'.' || rest[0].is_ascii_digit()) {
            return Err(invalid());
        }
        // leadingInt
        let mut v: u64 = 0;
        let mut i = 0;
        while i < rest.len() && rest[i].is_ascii_digit() {
            if v > LIMIT / 10 {
                return Err(invalid());
            }
            v = v * 10 + u64::from(rest[i] - b'0');
            if v > LIMIT {
                return Err(invalid());
            }
            i += 1;
        }
        let pre = i > 0;
        rest = &rest[i..];
        // leadingFraction
        let mut f: u64 = 0;
        let mut scale: f64 = 1.0;
        let mut post = false;
        if rest.first() == Some(&b'.') {
            rest = &rest[1..];
            let mut j = 0;
            let mut overflow = false;
            while j < rest.len() && rest[j].is_ascii_digit() {
                let c = rest[j];
                j += 1;
                if overflow {
                    continue;
                }
                if f > (LIMIT - 1) / 10 {
                    overflow = true;
                    continue;
                }
                let y = f * 10 + u64::from(c - b'0');
                if y > LIMIT {
                    overflow = true;
                    continue;
                }
                f = y;
                scale *= 10.0;
            }
            post = j > 0;
            rest = &rest[j..];
        }
        if !pre && !post {
            return Err(invalid());
        }
        let mut k = 0;
        while k < rest.len() && !(rest[k] == b'.' || rest[k].is_ascii_digit()) {
            k += 1;
        }
        if k == 0 {
            return Err(format!(
                "time: missing unit in duration {}",
                time_quote(orig)
            ));
        }
        // The unit ends at an ASCII digit or '.', so it is a char boundary of the original str.
        let unit_bytes = &rest[..k];
        rest = &rest[k..];
        let unit_str = std::str::from_utf8(unit_bytes).unwrap_or("");
        let unit: u64 = match unit_str {
            "ns" => 1,
            "us" | "\u{b5}s" | "\u{3bc}s" => 1_000,
            "ms" => 1_000_000,
            "s" => 1_000_000_000,
            "m" => 60_000_000_000,
            "h" => 3_600_000_000_000,
            u => {
                return Err(format!(
                    "time: unknown unit {} in duration {}",
                    time_quote(u),
                    time_quote(orig)
                ))
            }
        };
        if v > LIMIT / unit {
            return Err(invalid());
        }
        v *= unit;
        if f > 0 {
            v += (f as f64 * (unit as f64 / scale)) as u64;
            if v > LIMIT {
                return Err(invalid());
            }
        }
        d += v;
        if d > LIMIT {
            return Err(invalid());
        }
    }
    if neg {
        return Ok((d as i64).wrapping_neg());
    }
    if d > LIMIT - 1 {
        return Err(invalid());
    }
    Ok(d as i64)
}

/// Go's `time.Duration.String` for a whole number of seconds (`30s`, `5m0s`, `1h30m0s`).
pub(crate) fn duration_string(secs: i64) -> String {
    if secs == 0 {
        return "0s".to_string();
    }
    let neg = secs < 0;
    let s = secs.unsigned_abs();
    let (h, m, sec) = (s / 3600, (s / 60) % 60, s % 60);
    let body = if h > 0 {
        format!("{h}h{m}m{sec}s")
    } else if m > 0 {
        format!("{m}m{sec}s")
    } else {
        format!("{sec}s")
    };
    if neg {
        format!("-{body}")
    } else {
        body
    }
}

/// `fmt.Sprintf("%s", fields)` for a `[]string`: `[a b c]`.
pub(crate) fn fmt_string_slice(fields: &[&str]) -> String {
    format!("[{}]", fields.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atoi_matches_go() {
        assert_eq!(atoi("5"), Ok(5));
        assert_eq!(atoi("+5"), Ok(5));
        assert_eq!(atoi("-12"), Ok(-12));
        assert_eq!(atoi("007"), Ok(7));
        assert_eq!(
            atoi(""),
            Err(r#"strconv.Atoi: parsing "": invalid syntax"#.into())
        );
        assert_eq!(
            atoi("-"),
            Err(r#"strconv.Atoi: parsing "-": invalid syntax"#.into())
        );
        assert_eq!(
            atoi("j"),
            Err(r#"strconv.Atoi: parsing "j": invalid syntax"#.into())
        );
        assert_eq!(
            atoi(" 1"),
            Err(r#"strconv.Atoi: parsing " 1": invalid syntax"#.into())
        );
        assert_eq!(atoi("9223372036854775807"), Ok(i64::MAX));
        assert_eq!(atoi("-9223372036854775808"), Ok(i64::MIN));
        assert_eq!(
            atoi("9223372036854775808"),
            Err(r#"strconv.Atoi: parsing "9223372036854775808": value out of range"#.into())
        );
        assert_eq!(
            atoi("99999999999999999999x"),
            Err(r#"strconv.Atoi: parsing "99999999999999999999x": value out of range"#.into())
        );
        assert_eq!(
            atoi("1x"),
            Err(r#"strconv.Atoi: parsing "1x": invalid syntax"#.into())
        );
    }

    #[test]
    fn quote_matches_go() {
        assert_eq!(quote("a\"b\\"), r#""a\"b\\""#);
        assert_eq!(quote("\u{1}"), r#""\x01""#);
        assert_eq!(quote("\t"), r#""\t""#);
        assert_eq!(quote("é"), "\"é\"");
        assert_eq!(quote("\u{200b}"), r#""\u200b""#);
        assert_eq!(time_quote("1é"), r#""1\xc3\xa9""#);
    }

    #[test]
    fn parse_duration_matches_go() {
        assert_eq!(parse_duration("1h30m"), Ok(5_400_000_000_000));
        assert_eq!(parse_duration("1.5h"), Ok(5_400_000_000_000));
        assert_eq!(parse_duration("300ms"), Ok(300_000_000));
        assert_eq!(parse_duration("-5s"), Ok(-5_000_000_000));
        assert_eq!(parse_duration("0"), Ok(0));
        assert_eq!(parse_duration(".5s"), Ok(500_000_000));
        assert_eq!(parse_duration("1µs"), Ok(1_000));
        assert_eq!(
            parse_duration("Xm"),
            Err(r#"time: invalid duration "Xm""#.into())
        );
        assert_eq!(
            parse_duration(""),
            Err(r#"time: invalid duration """#.into())
        );
        assert_eq!(
            parse_duration("1"),
            Err(r#"time: missing unit in duration "1""#.into())
        );
        assert_eq!(
            parse_duration("1d"),
            Err(r#"time: unknown unit "d" in duration "1d""#.into())
        );
        assert_eq!(
            parse_duration(".s"),
            Err(r#"time: invalid duration ".s""#.into())
        );
        assert_eq!(
            parse_duration("9223372036854775807ns"),
            Ok(9_223_372_036_854_775_807)
        );
        assert_eq!(
            parse_duration("9223372036854775808ns"),
            Err(r#"time: invalid duration "9223372036854775808ns""#.into())
        );
        assert_eq!(parse_duration("-9223372036854775808ns"), Ok(i64::MIN));
        assert_eq!(
            parse_duration("3000000h"),
            Err(r#"time: invalid duration "3000000h""#.into())
        );
    }

    #[test]
    fn duration_string_matches_go() {
        assert_eq!(duration_string(30), "30s");
        assert_eq!(duration_string(300), "5m0s");
        assert_eq!(duration_string(5400), "1h30m0s");
        assert_eq!(duration_string(90061), "25h1m1s");
    }
}
