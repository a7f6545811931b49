//! `kubeplay cron`: next activation times and plain-language explanations of CronJob schedules,
//! with robfig/cron v3 (Kubernetes) semantics from `kubeplay_core::cron`.
//!
//! - `kubeplay cron next "SCHEDULE" [--from RFC3339] [--tz ZONE] [-n N]`: the next N (default 5)
//!   times strictly after `--from` (default: now), one RFC 3339 timestamp per line in the zone's
//!   offset (`Z` for UTC).
//! - `kubeplay cron explain "SCHEDULE" [--lang en|ko]`: one line.
//!
//! Exit codes: 0 success, 1 invalid schedule (robfig's error on stderr), 2 bad flag values.

use chrono::{DateTime, SecondsFormat, Utc};
use chrono_tz::Tz;
use kubeplay_core::cron::{explain, parse_standard, Lang};

/// `kubeplay cron` subcommands.
#[derive(clap::Subcommand, Debug)]
pub enum CronCommand {
    /// Print the next times a schedule fires (robfig/cron v3 semantics, as the CronJob controller).
    Next {
        /// The schedule: five fields, or @hourly/@daily/... or "@every 1h30m".
        #[arg(allow_hyphen_values = true)]
        schedule: String,
        /// Start strictly after this RFC 3339 time (default: now).
        #[arg(long, value_name = "RFC3339")]
        from: Option<String>,
        /// The IANA time zone the schedule runs in, like spec.timeZone (default: UTC).
        #[arg(long, value_name = "ZONE")]
        tz: Option<String>,
        /// How many times to print.
        #[arg(short = 'n', value_name = "N", default_value_t = 5)]
        n: usize,
    },
    /// Explain a schedule in one line.
    Explain {
        /// The schedule to explain.
        #[arg(allow_hyphen_values = true)]
        schedule: String,
        /// Language of the explanation.
        #[arg(long, value_enum, default_value_t = LangArg::En)]
        lang: LangArg,
    },
}

/// `--lang` values.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum LangArg {
    En,
    Ko,
}

/// Runs a `kubeplay cron` subcommand; returns the process exit code.
pub fn run(cmd: CronCommand) -> i32 {
    match cmd {
        CronCommand::Next {
            schedule,
            from,
            tz,
            n,
        } => {
            // The workspace's chrono has no `clock` feature: read the wall clock through std.
            let now = DateTime::<Utc>::from(std::time::SystemTime::now());
            let (code, out, err) = next_lines(&schedule, from.as_deref(), tz.as_deref(), n, now);
            emit(code, &out, &err)
        }
        CronCommand::Explain { schedule, lang } => {
            let lang = match lang {
                LangArg::En => Lang::En,
                LangArg::Ko => Lang::Ko,
            };
            match explain(&schedule, lang) {
                Ok(line) => emit(0, &[line], &[]),
                Err(e) => emit(1, &[], &[e.to_string()]),
            }
        }
    }
}

fn emit(code: i32, out: &[String], err: &[String]) -> i32 {
    for line in out {
        println!("{line}");
    }
    for line in err {
        eprintln!("{line}");
    }
    code
}

/// `cron next` without I/O: (exit code, stdout lines, stderr lines). `now` is the default for
/// `--from`.
fn next_lines(
    schedule: &str,
    from: Option<&str>,
    tz: Option<&str>,
    n: usize,
    now: DateTime<Utc>,
) -> (i32, Vec<String>, Vec<String>) {
    let zone: Tz = match tz {
        None => Tz::UTC,
        Some(name) => match name.parse() {
            Ok(z) => z,
            Err(_) => {
                return (
                    2,
                    vec![],
                    vec![format!("invalid --tz value {name:?}: unknown time zone")],
                )
            }
        },
    };
    let from = match from {
        None => now,
        Some(text) => match DateTime::parse_from_rfc3339(text) {
            Ok(t) => t.with_timezone(&Utc),
            Err(e) => {
                return (
                    2,
                    vec![],
                    vec![format!(
                        "invalid --from value {text:?}: {e} (want RFC 3339)"
                    )],
                )
            }
        },
    };
    let sched = match parse_standard(schedule) {
        Ok(s) => s,
        Err(e) => return (1, vec![], vec![e.to_string()]),
    };
    let mut out = Vec::with_capacity(n.min(10_000));
    let mut t = from.with_timezone(&zone);
    for _ in 0..n {
        match sched.next(t) {
            Some(next) => {
                out.push(next.to_rfc3339_opts(SecondsFormat::Secs, true));
                t = next;
            }
            None => {
                let note = if out.is_empty() {
                    "the schedule does not fire within five years (robfig/cron's search limit)"
                } else {
                    "no further times within five years (robfig/cron's search limit)"
                };
                return (0, out, vec![note.to_string()]);
            }
        }
    }
    (0, out, vec![])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-01-01T00:00:00Z")
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn next_contract_examples() {
        let (code, out, err) =
            next_lines("*/15 * * * *", Some("2026-01-01T00:00:00Z"), None, 3, now());
        assert_eq!(code, 0);
        assert_eq!(
            out,
            [
                "2026-01-01T00:15:00Z",
                "2026-01-01T00:30:00Z",
                "2026-01-01T00:45:00Z"
            ]
        );
        assert!(err.is_empty());

        let (code, out, _) = next_lines(
            "0 9 * * *",
            Some("2026-01-01T00:00:00+09:00"),
            Some("Asia/Seoul"),
            1,
            now(),
        );
        assert_eq!(code, 0);
        assert_eq!(out, ["2026-01-01T09:00:00+09:00"]);
    }

    #[test]
    fn next_defaults_and_errors() {
        let (code, out, _) = next_lines("@hourly", None, None, 5, now());
        assert_eq!(code, 0);
        assert_eq!(out.len(), 5);
        assert_eq!(out[0], "2026-01-01T01:00:00Z");

        let (code, out, err) = next_lines("0 0 * * 7", None, None, 5, now());
        assert_eq!((code, out.len()), (1, 0));
        assert_eq!(err, ["end of range (7) above maximum (6): 7"]);

        let (code, _, err) = next_lines("* * * * *", Some("yesterday"), None, 5, now());
        assert_eq!(code, 2);
        assert!(err[0].contains("--from"));

        let (code, _, err) = next_lines("* * * * *", None, Some("Mars/Olympus"), 5, now());
        assert_eq!(code, 2);
        assert!(err[0].contains("--tz"));

        let (code, out, err) = next_lines("0 0 30 2 *", None, None, 5, now());
        assert_eq!((code, out.len(), err.len()), (0, 0, 1));
    }

    #[test]
    fn next_across_dst() {
        let (_, out, _) = next_lines(
            "30 1 * * *",
            Some("2012-11-04T00:00:00-04:00"),
            Some("America/New_York"),
            3,
            now(),
        );
        assert_eq!(
            out,
            [
                "2012-11-04T01:30:00-04:00",
                "2012-11-04T01:30:00-05:00",
                "2012-11-05T01:30:00-05:00"
            ]
        );
    }
}
