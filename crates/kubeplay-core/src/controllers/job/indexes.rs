//! Completion indexes of Indexed Jobs (pkg/controller/job/indexed_job_utils.go): the compressed
//! `1,3-5,7` form of `status.completedIndexes` / `status.failedIndexes`, and the success policy's
//! `succeededIndexes`.

use std::collections::BTreeSet;

/// A closed interval of indexes (`interval`).
pub type Interval = (i32, i32);

/// Parses an indexes string such as `0,2-4,7`, dropping what is not below `completions` and skipping
/// malformed pieces (`parseIndexesFromString`; it never fails).
pub fn parse_indexes(s: &str, completions: i32) -> Vec<Interval> {
    let mut out: Vec<Interval> = Vec::new();
    if s.is_empty() {
        return out;
    }
    for piece in s.split(',') {
        let mut limits = piece.split('-');
        let Some(first) = limits.next().and_then(|f| f.parse::<i32>().ok()) else {
            continue;
        };
        if first >= completions {
            break;
        }
        let last = match limits.next() {
            Some(l) => match l.parse::<i32>() {
                Ok(l) => l.min(completions - 1),
                Err(_) => continue,
            },
            None => first,
        };
        match out.last_mut() {
            Some(prev) if prev.1 == first - 1 => prev.1 = last,
            _ => out.push((first, last)),
        }
    }
    out
}

/// How many indexes the intervals hold (`orderedIntervals.total`).
pub fn total(intervals: &[Interval]) -> i64 {
    intervals
        .iter()
        .map(|(f, l)| i64::from(*l) - i64::from(*f) + 1)
        .filter(|n| *n > 0)
        .sum()
}

/// Formats a set of indexes the way the API shows them: runs of three or more as `a-b`, two neighbours
/// as `a,b` (`orderedIntervals.String`).
pub fn format_indexes(set: &BTreeSet<i32>) -> String {
    let mut out = String::new();
    let mut run: Option<Interval> = None;
    let push = |out: &mut String, (f, l): Interval| {
        if !out.is_empty() {
            out.push(',');
        }
        out.push_str(&f.to_string());
        if l > f {
            out.push(if l == f + 1 { ',' } else { '-' });
            out.push_str(&l.to_string());
        }
    };
    for &i in set {
        run = match run {
            Some((f, l)) if i64::from(i) == i64::from(l) + 1 => Some((f, i)),
            Some(r) => {
                push(&mut out, r);
                Some((i, i))
            }
            None => Some((i, i)),
        };
    }
    if let Some(r) = run {
        push(&mut out, r);
    }
    out
}

/// How many of `set` fall in the intervals (the overlap count of `matchSucceededIndexesRule`).
pub fn count_in(set: &BTreeSet<i32>, intervals: &[Interval]) -> i64 {
    intervals
        .iter()
        .filter(|(f, l)| f <= l)
        .map(|(f, l)| set.range(*f..=*l).count() as i64)
        .sum()
}

/// The generate name of a pod of index `index` (`podGenerateNameWithIndex`): `<job>-<index>-`, the job
/// name shortened so the whole stays within 58 characters (63 minus the 5 random ones).
pub fn generate_name_with_index(job: &str, index: i32) -> String {
    let index = index.to_string();
    let keep = MAX_GENERATED_NAME_LENGTH.saturating_sub(index.len() + 2);
    crate::sim::concat(&[truncate(job, keep), "-", &index, "-"])
}

/// `names.MaxGeneratedNameLength`: 63 characters minus the 5 random ones.
pub const MAX_GENERATED_NAME_LENGTH: usize = 58;

/// The first `n` bytes of `s`, backing off to a character boundary.
pub fn truncate(s: &str, n: usize) -> &str {
    if s.len() <= n {
        return s;
    }
    let mut end = n;
    while end > 0 && !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}
