//! A timeline's pods as columns (`simulate(..., {pods: 'columns'})`): one string table, its UTF-16
//! offsets and one `Float64Array` of numbers, [`STRIDE`] per pod, instead of 30,000 pod objects of
//! JSON text. The page's `model.js` `hydratePods` turns them back into the objects `pods: 'objects'`
//! gives (a test in tests/model.test.mjs compares the two through the built wasm), and the worker
//! hands the arrays to the page without copying them.
//!
//! Field order, per pod (string fields are indexes into the table, -1 for null; numbers are NaN for
//! null): name, namespace, owner (index into `owners`), node, index, created, scheduled, started,
//! finished, deleted, phase, exitCode, restarts, reason, message, requests.cpuMilli,
//! requests.memory.

use kubeplay_core::sim::timeline::PodOut;
use kubeplay_core::sim::world::{OwnerRef, Phase};
use rustc_hash::FxHashMap;

/// Numbers per pod (the field order above; `model.js` reads the same layout).
pub const STRIDE: usize = 17;

/// The columns, before they become JS values.
#[derive(Default)]
pub struct PodColumns<'a> {
    /// Every distinct string, concatenated.
    pub strings: String,
    /// Where each string starts in `strings`, in UTF-16 units (as JS `substring` counts); one more
    /// entry than strings, the last being the end.
    pub offsets: Vec<u32>,
    /// [`STRIDE`] numbers per pod.
    pub fields: Vec<f64>,
    /// The distinct owners, in first-seen order.
    pub owners: Vec<&'a OwnerRef>,
    utf16_len: u32,
    index: FxHashMap<&'a str, u32>,
    owner_index: FxHashMap<*const OwnerRef, u32>,
    last_time: Option<(*const u8, f64)>,
}

fn phase(p: Phase) -> &'static str {
    match p {
        Phase::Pending => "Pending",
        Phase::Running => "Running",
        Phase::Succeeded => "Succeeded",
        Phase::Failed => "Failed",
    }
}

impl<'a> PodColumns<'a> {
    /// The columns of `pods`, in their order.
    pub fn new(pods: &'a [PodOut<'a>]) -> Self {
        let mut c = Self {
            fields: Vec::with_capacity(pods.len() * STRIDE),
            offsets: vec![0],
            ..Self::default()
        };
        for p in pods {
            // A pod's name is its own: no need to look it up.
            let name = c.push(p.name);
            let namespace = c.intern(p.namespace);
            let owner = p.owner.map_or(-1.0, |o| c.owner(o));
            let node = p.node.map_or(-1.0, |n| c.intern(n));
            let created = c.intern_time(&p.created);
            let [scheduled, started, finished, deleted] =
                [&p.scheduled, &p.started, &p.finished, &p.deleted]
                    .map(|t| t.as_ref().map_or(-1.0, |t| c.intern_time(t)));
            let phase = c.intern(phase(p.phase));
            let reason = p.reason.map_or(-1.0, |r| c.intern(r));
            let message = p.message.map_or(-1.0, |m| c.intern(m));
            c.fields.extend_from_slice(&[
                name,
                namespace,
                owner,
                node,
                p.index.map_or(f64::NAN, f64::from),
                created,
                scheduled,
                started,
                finished,
                deleted,
                phase,
                p.exit_code.map_or(f64::NAN, f64::from),
                f64::from(p.restarts),
                reason,
                message,
                p.requests.cpu_milli as f64,
                p.requests.memory as f64,
            ]);
        }
        c
    }

    /// Appends `s` to the table: its index.
    fn push(&mut self, s: &str) -> f64 {
        let i = self.offsets.len() - 1;
        self.strings.push_str(s);
        let units = if s.is_ascii() {
            s.len()
        } else {
            s.encode_utf16().count()
        };
        self.utf16_len += units as u32;
        self.offsets.push(self.utf16_len);
        i as f64
    }

    /// The index of `s`, appended the first time it is seen.
    fn intern(&mut self, s: &'a str) -> f64 {
        if let Some(&i) = self.index.get(s) {
            return f64::from(i);
        }
        let i = self.push(s);
        self.index.insert(s, i as u32);
        i
    }

    /// [`Self::intern`] for a time: the pods of one instant share one string, so the last one is
    /// checked by pointer first.
    fn intern_time(&mut self, t: &'a std::sync::Arc<str>) -> f64 {
        match self.last_time {
            Some((ptr, i)) if ptr == t.as_ptr() => i,
            _ => {
                let i = self.intern(t);
                self.last_time = Some((t.as_ptr(), i));
                i
            }
        }
    }

    fn owner(&mut self, o: &'a OwnerRef) -> f64 {
        let next = self.owners.len() as u32;
        let i = *self.owner_index.entry(o as *const OwnerRef).or_insert(next);
        if i == next {
            self.owners.push(o);
        }
        f64::from(i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kubeplay_core::sim::timeline::RequestsOut;
    use std::sync::Arc;

    fn pod<'a>(name: &'a str, owner: Option<&'a OwnerRef>, t: &Arc<str>) -> PodOut<'a> {
        PodOut {
            name,
            namespace: "default",
            owner,
            node: Some("n1"),
            index: None,
            created: t.clone(),
            scheduled: Some(t.clone()),
            started: None,
            finished: None,
            deleted: None,
            phase: Phase::Running,
            exit_code: Some(3),
            restarts: 2,
            reason: None,
            message: Some("0/1 nodes are available: 1 Insufficient cpu."),
            requests: RequestsOut {
                cpu_milli: 100,
                memory: 1 << 34,
            },
        }
    }

    fn string(c: &PodColumns<'_>, i: f64) -> String {
        let units: Vec<u16> = c.strings.encode_utf16().collect();
        let (a, b) = (c.offsets[i as usize], c.offsets[i as usize + 1]);
        String::from_utf16(&units[a as usize..b as usize]).expect("utf-16")
    }

    #[test]
    fn strings_are_shared_and_offsets_count_utf16_units() {
        let owner = OwnerRef {
            kind: "DaemonSet".into(),
            namespace: "default".into(),
            name: "ds".into(),
        };
        let t: Arc<str> = "2026-01-01T00:00:00Z".into();
        let pods = [
            pod("ds-ä😀x", Some(&owner), &t),
            pod("ds-b", Some(&owner), &t),
        ];
        let c = PodColumns::new(&pods);
        assert_eq!(c.fields.len(), 2 * STRIDE);
        assert_eq!(c.owners.len(), 1);
        let row = |i: usize| &c.fields[i * STRIDE..(i + 1) * STRIDE];
        assert_eq!(string(&c, row(0)[0]), "ds-ä😀x");
        assert_eq!(string(&c, row(1)[0]), "ds-b");
        for f in [1, 3, 5, 6, 10, 14] {
            // namespace, node, created, scheduled, phase, message: one string for both pods
            assert_eq!(row(0)[f], row(1)[f], "field {f}");
        }
        assert_eq!(string(&c, row(1)[10]), "Running");
        assert_eq!(string(&c, row(1)[5]), "2026-01-01T00:00:00Z");
        assert_eq!((row(0)[2], row(0)[7], row(0)[13]), (0.0, -1.0, -1.0));
        assert!(row(0)[4].is_nan());
        assert_eq!((row(0)[11], row(0)[12]), (3.0, 2.0));
        assert_eq!((row(0)[15], row(0)[16]), (100.0, (1u64 << 34) as f64));
        assert_eq!(
            *c.offsets.last().expect("end"),
            c.strings.encode_utf16().count() as u32
        );
    }
}
