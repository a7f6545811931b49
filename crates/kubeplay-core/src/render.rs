//! A self-contained SVG picture of a simulation [`Timeline`]: one lane per pod, grouped by the node it
//! ran on, each pod a horizontal bar coloured by its state over time (Pending, ContainerCreating,
//! Running, restart back-offs read from its BackOff → Started events, Succeeded/Failed, hatched when
//! deleted), each node's lifetime with its NotReady stretches, a time axis, and events as ticks (on the
//! pod's or node's lane, the others on a shared lane at the top). No scripts, no external fonts or
//! styles (`<title>` elements give native tooltips), and no randomness: the same timeline always gives
//! the same bytes.

use std::fmt::Write as _;

use crate::duration::Millis;
use crate::sim::timeline::{EventOut, PodOut};
use crate::sim::{parse_rfc3339, Timeline};

const WIDTH: f64 = 1100.0;
const LABEL_W: f64 = 290.0;
const RIGHT_PAD: f64 = 24.0;
const LANE_H: f64 = 18.0;
const GROUP_H: f64 = 22.0;
const BAR_H: f64 = 10.0;
const FONT: &str = "font-family=\"ui-monospace,Menlo,Consolas,monospace\"";

const C_PENDING: &str = "#bdbdbd";
const C_CREATING: &str = "#9ecae1";
const C_RUNNING: &str = "#3182bd";
const C_SUCCEEDED: &str = "#31a354";
const C_FAILED: &str = "#de2d26";
const C_BACKOFF: &str = "#fdae6b";
const C_NODE: &str = "#d9d9d9";
const C_NODE_DOWN: &str = "#fc9272";
const C_WARNING: &str = "#e6550d";
const C_NORMAL: &str = "#636363";

/// Escapes text for XML content and attribute values.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// An offset from the start as a short duration: `0s`, `45s`, `1m30s`, `2h`, `1h5m`, `1d2h`.
pub fn offset_label(ms: Millis) -> String {
    if ms < 0 {
        return format!("-{}", offset_label(-ms));
    }
    if ms < 1000 && ms != 0 {
        return format!("{ms}ms");
    }
    let s = ms / 1000;
    let (d, h, m, sec) = (s / 86_400, s / 3600 % 24, s / 60 % 60, s % 60);
    let mut out = String::new();
    for (v, unit) in [(d, "d"), (h, "h"), (m, "m"), (sec, "s")] {
        if v != 0 {
            let _ = write!(out, "{v}{unit}");
        }
    }
    if out.is_empty() {
        out.push_str("0s");
    }
    out
}

/// A tick spacing giving at most about ten ticks over `span`.
fn tick_step(span: Millis) -> Millis {
    const STEPS: [Millis; 21] = [
        1_000,
        2_000,
        5_000,
        10_000,
        15_000,
        30_000,
        60_000,
        120_000,
        300_000,
        600_000,
        900_000,
        1_800_000,
        3_600_000,
        7_200_000,
        10_800_000,
        21_600_000,
        43_200_000,
        86_400_000,
        172_800_000,
        604_800_000,
        2_592_000_000,
    ];
    STEPS
        .iter()
        .copied()
        .find(|s| span / s <= 10)
        .unwrap_or(31_536_000_000)
}

struct Scale {
    t0: Millis,
    span: Millis,
}

impl Scale {
    fn x(&self, t: Millis) -> f64 {
        let plot = WIDTH - LABEL_W - RIGHT_PAD;
        LABEL_W + (t - self.t0).clamp(0, self.span) as f64 * plot / self.span as f64
    }
}

fn time(s: &str) -> Option<Millis> {
    parse_rfc3339(s)
}

/// One coloured stretch of a pod's bar.
struct Segment {
    from: Millis,
    to: Millis,
    colour: &'static str,
    label: &'static str,
}

/// The stretches of a pod's life: Pending (no node) → ContainerCreating → Running → Succeeded/Failed,
/// each until the next began, the pod was deleted, or the timeline ended.
fn segments(p: &PodOut, end: Millis) -> (Vec<Segment>, Millis) {
    let created = time(&p.created).unwrap_or(end);
    let life_end = p
        .deleted
        .as_deref()
        .and_then(time)
        .unwrap_or(end)
        .max(created);
    let scheduled = p.scheduled.as_deref().and_then(time);
    let started = p.started.as_deref().and_then(time);
    let finished = p.finished.as_deref().and_then(time);
    let mut out = Vec::new();
    let mut push = |from: Millis, to: Millis, colour, label| {
        if to > from {
            out.push(Segment {
                from,
                to,
                colour,
                label,
            });
        }
    };
    let pending_end = scheduled.or(finished).unwrap_or(life_end).min(life_end);
    push(created, pending_end, C_PENDING, "Pending");
    if let Some(s) = scheduled {
        let creating_end = started.or(finished).unwrap_or(life_end).min(life_end);
        push(s, creating_end, C_CREATING, "ContainerCreating");
    }
    if let Some(s) = started {
        push(
            s,
            finished.unwrap_or(life_end).min(life_end),
            C_RUNNING,
            "Running",
        );
    }
    if let Some(f) = finished {
        let (colour, label) = match p.phase {
            crate::sim::world::Phase::Succeeded => (C_SUCCEEDED, "Succeeded"),
            _ => (C_FAILED, "Failed"),
        };
        push(f, life_end, colour, label);
    }
    (out, life_end)
}

/// Stretches between an event with reason `open` and the next with reason `close` among `events` of
/// `object` (in time order), the last one closed at `end`: a container's restart back-offs (BackOff →
/// Started), a node's outages (NodeNotReady → NodeReady).
fn intervals(
    events: &[EventOut],
    object: &str,
    open: &str,
    close: &str,
    from: Millis,
    end: Millis,
) -> Vec<(Millis, Millis)> {
    let mut out = Vec::new();
    let mut start: Option<Millis> = None;
    for e in events.iter().filter(|e| e.object == object) {
        let Some(t) = time(&e.time).filter(|t| *t >= from && *t <= end) else {
            continue;
        };
        if e.reason == open && start.is_none() {
            start = Some(t);
        } else if e.reason == close {
            if let Some(s) = start.take() {
                out.push((s, t));
            }
        }
    }
    if let Some(s) = start {
        out.push((s, end));
    }
    out.retain(|(a, b)| b > a);
    out
}

/// The lane label of a pod: `name`, or `namespace/name` outside `default`, cut to fit.
fn pod_label(p: &PodOut) -> String {
    let full = if p.namespace == "default" {
        p.name.to_string()
    } else {
        format!("{}/{}", p.namespace, p.name)
    };
    if full.chars().count() > 38 {
        let cut: String = full.chars().take(37).collect();
        format!("{cut}…")
    } else {
        full
    }
}

fn tick(out: &mut String, scale: &Scale, ev: &EventOut, t: Millis, y: f64) {
    let colour = if ev.type_ == "Warning" {
        C_WARNING
    } else {
        C_NORMAL
    };
    let x = scale.x(t);
    let _ = writeln!(
        out,
        "<line x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\" stroke=\"{colour}\" stroke-width=\"1.5\"><title>{} {} {} {}: {}</title></line>",
        y - 7.0,
        y + 7.0,
        esc(&offset_label(t - scale.t0)),
        esc(ev.type_),
        esc(ev.reason),
        esc(&ev.object),
        esc(&ev.message)
    );
}

/// Draws the timeline as SVG.
pub fn svg(t: &Timeline) -> String {
    let t0 = time(&t.start).unwrap_or(0);
    let t1 = time(&t.end).unwrap_or(t0).max(t0);
    let scale = Scale {
        t0,
        span: (t1 - t0).max(1),
    };

    // Lanes: pods grouped by node (in node order), never-scheduled pods last.
    let mut groups: Vec<(String, Option<&crate::sim::timeline::NodeOut>, Vec<&PodOut>)> = t
        .nodes
        .iter()
        .map(|n| (n.name.to_string(), Some(n), Vec::new()))
        .collect();
    let mut unscheduled = Vec::new();
    for p in &t.pods {
        match p
            .node
            .as_ref()
            .and_then(|n| groups.iter_mut().find(|g| &g.0 == n))
        {
            Some(g) => g.2.push(p),
            None if p.node.is_some() => {
                groups.push((p.node.unwrap_or_default().to_string(), None, vec![p]));
            }
            None => unscheduled.push(p),
        }
    }
    if !unscheduled.is_empty() {
        groups.push(("(not scheduled)".into(), None, unscheduled));
    }

    let axis_y = 78.0;
    let lanes: usize = groups.iter().map(|g| g.2.len()).sum();
    let body_top = axis_y + 10.0;
    let body_h = groups.len() as f64 * GROUP_H + lanes as f64 * LANE_H;
    let legend_y = body_top + body_h + 24.0;
    let height = legend_y + 24.0;

    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH:.0}\" height=\"{height:.0}\" viewBox=\"0 0 {WIDTH:.0} {height:.0}\" {FONT} font-size=\"11\">"
    );
    out.push_str(
        "<defs><pattern id=\"deleted\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"none\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#000\" stroke-opacity=\"0.45\" stroke-width=\"2\"/></pattern></defs>\n",
    );
    out.push_str("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    let _ = writeln!(
        out,
        "<text x=\"12\" y=\"20\" font-size=\"13\" font-weight=\"bold\">kubeplay timeline {} → {}</text>",
        esc(&t.start),
        esc(&t.end)
    );

    // Shared event lane: events of objects other than pods.
    let ev_y = 46.0;
    let _ = writeln!(
        out,
        "<text x=\"12\" y=\"{:.1}\" fill=\"#444\">events</text>",
        ev_y + 4.0
    );
    let _ = writeln!(
        out,
        "<line x1=\"{LABEL_W:.1}\" y1=\"{ev_y:.1}\" x2=\"{:.1}\" y2=\"{ev_y:.1}\" stroke=\"#e0e0e0\"/>",
        WIDTH - RIGHT_PAD
    );
    for ev in t
        .events
        .iter()
        .filter(|e| !e.object.starts_with("Pod/") && !e.object.starts_with("Node/"))
    {
        if let Some(tm) = time(&ev.time) {
            tick(&mut out, &scale, ev, tm, ev_y);
        }
    }

    // Time axis with grid lines through the lanes.
    let step = tick_step(scale.span);
    let mut tk = 0;
    while tk <= scale.span {
        let x = scale.x(t0 + tk);
        let _ = writeln!(
            out,
            "<line x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\" stroke=\"#eeeeee\"/>\n<text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#444\">{}</text>",
            axis_y,
            body_top + body_h,
            axis_y - 6.0,
            esc(&offset_label(tk))
        );
        tk += step;
    }
    let _ = writeln!(
        out,
        "<line x1=\"{LABEL_W:.1}\" y1=\"{axis_y:.1}\" x2=\"{:.1}\" y2=\"{axis_y:.1}\" stroke=\"#888\"/>",
        WIDTH - RIGHT_PAD
    );

    // Groups and lanes.
    let mut y = body_top;
    for (name, node, pods) in &groups {
        let _ = writeln!(
            out,
            "<text x=\"8\" y=\"{:.1}\" font-weight=\"bold\">{}</text>",
            y + 15.0,
            esc(name)
        );
        if let Some(n) = node {
            let from = time(&n.added).unwrap_or(t0);
            let to = n.removed.as_deref().and_then(time).unwrap_or(t1);
            let mut title = format!("node {}: added {}", n.name, offset_label(from - t0));
            if let Some(r) = n.removed.as_deref().and_then(time) {
                let _ = write!(title, ", removed {}", offset_label(r - t0));
            }
            let _ = writeln!(
                out,
                "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"4\" fill=\"{C_NODE}\"><title>{}</title></rect>",
                scale.x(from),
                y + 9.0,
                (scale.x(to) - scale.x(from)).max(0.0),
                esc(&title)
            );
            let object = format!("Node/{}", n.name);
            for (a, b) in intervals(&t.events, &object, "NodeNotReady", "NodeReady", from, to) {
                let _ = writeln!(
                    out,
                    "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"4\" fill=\"{C_NODE_DOWN}\"><title>NotReady {} → {}</title></rect>",
                    scale.x(a),
                    y + 9.0,
                    (scale.x(b) - scale.x(a)).max(0.5),
                    esc(&offset_label(a - t0)),
                    esc(&offset_label(b - t0))
                );
            }
            for ev in t.events.iter().filter(|e| e.object == object) {
                if let Some(tm) = time(&ev.time) {
                    tick(&mut out, &scale, ev, tm, y + 11.0);
                }
            }
        }
        y += GROUP_H;
        for p in pods {
            let mid = y + LANE_H / 2.0;
            let mut title = format!("{}/{}: {:?}", p.namespace, p.name, p.phase);
            if p.restarts > 0 {
                let _ = write!(title, ", {} restarts", p.restarts);
            }
            if let Some(r) = &p.reason {
                let _ = write!(title, ", {r}");
            }
            if let Some(m) = &p.message {
                let _ = write!(title, ": {m}");
            }
            let _ = writeln!(
                out,
                "<text x=\"20\" y=\"{:.1}\"><title>{}</title>{}</text>",
                mid + 4.0,
                esc(&title),
                esc(&pod_label(p))
            );
            let (segs, life_end) = segments(p, t1);
            let deleted = p.deleted.is_some();
            for (i, s) in segs.iter().enumerate() {
                let x = scale.x(s.from);
                let w = (scale.x(s.to) - x).max(0.5);
                let _ = writeln!(
                    out,
                    "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"{BAR_H:.0}\" fill=\"{}\"><title>{} {} → {}</title></rect>",
                    mid - BAR_H / 2.0,
                    s.colour,
                    s.label,
                    esc(&offset_label(s.from - t0)),
                    esc(&offset_label(s.to - t0))
                );
                if deleted && i + 1 == segs.len() {
                    let _ = writeln!(
                        out,
                        "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"{BAR_H:.0}\" fill=\"url(#deleted)\"/>",
                        mid - BAR_H / 2.0
                    );
                }
            }
            let created = time(&p.created).unwrap_or(t0);
            let object = format!("Pod/{}", p.name);
            let run_end = p
                .finished
                .as_deref()
                .and_then(time)
                .unwrap_or(life_end)
                .min(life_end);
            for (a, b) in intervals(&t.events, &object, "BackOff", "Started", created, run_end) {
                let _ = writeln!(
                    out,
                    "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{BAR_H:.0}\" fill=\"{C_BACKOFF}\"><title>CrashLoopBackOff {} → {}</title></rect>",
                    scale.x(a),
                    mid - BAR_H / 2.0,
                    (scale.x(b) - scale.x(a)).max(0.5),
                    esc(&offset_label(a - t0)),
                    esc(&offset_label(b - t0))
                );
            }
            if deleted {
                let x = scale.x(life_end);
                let reason = p.reason.unwrap_or("deleted");
                let _ = writeln!(
                    out,
                    "<line x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\" stroke=\"#000\" stroke-width=\"2\"><title>deleted {} ({})</title></line>",
                    mid - BAR_H / 2.0 - 2.0,
                    mid + BAR_H / 2.0 + 2.0,
                    esc(&offset_label(life_end - t0)),
                    esc(reason)
                );
            }
            for ev in t.events.iter().filter(|e| e.object == object) {
                if let Some(tm) = time(&ev.time).filter(|tm| *tm >= created && *tm <= life_end) {
                    tick(&mut out, &scale, ev, tm, mid);
                }
            }
            y += LANE_H;
        }
    }

    // Legend.
    let mut x = 12.0;
    let items: [(&str, &str); 9] = [
        (C_PENDING, "Pending"),
        (C_CREATING, "ContainerCreating"),
        (C_RUNNING, "Running"),
        (C_BACKOFF, "CrashLoopBackOff"),
        (C_SUCCEEDED, "Succeeded"),
        (C_FAILED, "Failed"),
        ("url(#deleted)", "deleted"),
        (C_NODE_DOWN, "node NotReady"),
        (C_WARNING, "Warning event"),
    ];
    for (colour, label) in items {
        let _ = writeln!(
            out,
            "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"14\" height=\"{BAR_H:.0}\" fill=\"{colour}\" stroke=\"#999\" stroke-width=\"0.5\"/><text x=\"{:.1}\" y=\"{:.1}\">{label}</text>",
            legend_y - BAR_H + 1.0,
            x + 18.0,
            legend_y
        );
        x += 26.0 + label.len() as f64 * 6.7;
    }
    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offset_labels() {
        let cases = [
            (0, "0s"),
            (500, "500ms"),
            (45_000, "45s"),
            (90_000, "1m30s"),
            (3_600_000, "1h"),
            (3_900_000, "1h5m"),
            (93_600_000, "1d2h"),
        ];
        for (ms, want) in cases {
            assert_eq!(offset_label(ms), want);
        }
    }

    #[test]
    fn tick_steps() {
        let cases = [
            (10_000, 1_000),
            (60_000, 10_000),
            (3_600_000, 600_000),
            (86_400_000, 10_800_000),
        ];
        for (span, want) in cases {
            assert_eq!(tick_step(span), want, "span {span}");
        }
    }

    #[test]
    fn svg_of_a_simulation() {
        let yaml = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: crash\n  annotations:\n    kubeplay.io/duration: 5s\n    kubeplay.io/exit-codes: \"1\"\nspec:\n  containers:\n  - name: app\n    image: busybox\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: pending\nspec:\n  nodeSelector: {zone: nowhere}\n  containers:\n  - name: app\n    image: busybox\n";
        let loaded = crate::manifest::load_all(yaml);
        assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
        let nodes = [crate::nodes::NodeInfo::new("n1")];
        let steps = crate::sim::scenario::parse("2m node n1 down\n").unwrap();
        let opts = crate::sim::Options {
            duration: 240_000,
            ..Default::default()
        };
        let draw = || {
            let (e, _) = crate::sim::run(&loaded.objects, &nodes, &steps, &opts, &|_| {
                Err(String::new())
            });
            svg(&Timeline::from_engine(&e))
        };
        let a = draw();
        assert_eq!(a, draw(), "same input, same bytes");
        assert!(
            a.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\"") && a.ends_with("</svg>\n")
        );
        assert_eq!(a.matches("<svg").count(), 1);
        for want in [
            ">crash</text>",
            ">pending</text>",
            ">(not scheduled)</text>",
            ">n1</text>",
            "CrashLoopBackOff 10s → 20s",
            "NotReady 2m50s → 4m",
        ] {
            assert!(a.contains(want), "missing {want:?}");
        }
        assert!(!a.contains("<script"));
    }

    #[test]
    fn escapes() {
        assert_eq!(esc("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
    }
}
