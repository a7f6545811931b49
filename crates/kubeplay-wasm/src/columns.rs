//! A timeline's pods as columns (`simulate(..., {pods: 'columns'})`): one string table, its UTF-16
//! offsets and one `Int32Array` of numbers, [`STRIDE`] per pod, instead of 30,000 pod objects of
//! JSON text. The page's `model.js` `hydrateColumns` turns them back into the objects `pods: 'objects'`
//! gives (a test in tests/model.test.mjs compares the two through the built wasm), and the worker
//! hands the arrays to the page without copying them.
//!
//! Field order, per pod (string fields are indexes into the table, -1 for null; numbers are
//! [`NULL`] for null): name, namespace, owner (index into `owners`), node, index, created,
//! scheduled, started, finished, deleted, phase, exitCode, restarts, reason, message, requests
//! (index of a (cpuMilli, memory) pair in the `Float64Array` `requests`: the pods of one template
//! share one).
//!
//! The nodes likewise (`nodes: 'columns'`, [`NodeColumns`]): a 5,000-node timeline was 1.5 MB of
//! JSON, written here and parsed again by the page. Per node, [`NODE_STRIDE`] numbers: name, added,
//! removed, unschedulable (0/1), ready (0/1), cpuMilli, memory, pods, then where its labels and
//! taints start in `lists` and how many there are. `lists` holds each label as (key, value) and
//! each taint as (key, value or -1, effect), all string indexes.

use kubeplay_core::duration::Millis;
use kubeplay_core::sim::timeline::{rfc3339, NodeOut, Timeline};
use kubeplay_core::sim::world::{OwnerRef, Phase};
use kubeplay_core::sim::Engine;
use rustc_hash::FxHashMap;

/// Numbers per pod (the field order above; `model.js` reads the same layout).
pub const STRIDE: usize = 16;

/// A null number in the pod columns (`index`, `exitCode`).
pub const NULL: i32 = i32::MIN;

/// Numbers per node (the field order above).
pub const NODE_STRIDE: usize = 12;

/// A table of distinct strings: concatenated, with where each one starts.
pub struct StringTable<'a> {
    /// Every distinct string, concatenated.
    pub strings: String,
    /// Where each string starts in `strings`, in UTF-16 units (as JS `substring` counts); one more
    /// entry than strings, the last being the end.
    pub offsets: Vec<u32>,
    utf16_len: u32,
    index: FxHashMap<&'a str, i32>,
    last_time: Option<(*const u8, i32)>,
    /// Times written by [`Self::intern_ms`], by their offset from the run's start.
    times: FxHashMap<Millis, i32>,
    last_ms: Option<(Millis, i32)>,
}

impl Default for StringTable<'_> {
    fn default() -> Self {
        Self {
            strings: String::new(),
            offsets: vec![0],
            utf16_len: 0,
            index: FxHashMap::default(),
            last_time: None,
            times: FxHashMap::default(),
            last_ms: None,
        }
    }
}

/// The pod columns, before they become JS values.
#[derive(Default)]
pub struct PodColumns<'a> {
    pub table: StringTable<'a>,
    /// [`STRIDE`] numbers per pod.
    pub fields: Vec<i32>,
    /// The distinct owners, in first-seen order.
    pub owners: Vec<&'a OwnerRef>,
    /// The distinct (cpuMilli, memory) requests, in first-seen order.
    pub requests: Vec<f64>,
    owner_index: FxHashMap<*const OwnerRef, i32>,
    requests_index: FxHashMap<(i64, i64), i32>,
    /// Node names by address: a node's pods share its name's `Arc`.
    node_index: FxHashMap<*const u8, i32>,
}

/// The node columns, before they become JS values.
#[derive(Default)]
pub struct NodeColumns<'a> {
    pub table: StringTable<'a>,
    /// [`NODE_STRIDE`] numbers per node.
    pub fields: Vec<f64>,
    /// The labels and taints the fields point into.
    pub lists: Vec<f64>,
}

impl<'a> StringTable<'a> {
    /// Appends `s` to the table: its index.
    fn push(&mut self, s: &str) -> i32 {
        let i = i32::try_from(self.offsets.len() - 1).expect("fewer than 2^31 strings");
        self.strings.push_str(s);
        let units = if s.is_ascii() {
            s.len()
        } else {
            s.encode_utf16().count()
        };
        self.utf16_len += units as u32;
        self.offsets.push(self.utf16_len);
        i
    }

    /// The index of `s`, appended the first time it is seen.
    fn intern(&mut self, s: &'a str) -> i32 {
        if let Some(&i) = self.index.get(s) {
            return i;
        }
        let i = self.push(s);
        self.index.insert(s, i);
        i
    }

    /// [`Self::intern`] of a string that repeats from row to row (a namespace, a phase): compared
    /// with the one before first.
    fn intern_repeated(&mut self, s: &'a str, last: &mut Option<(&'a str, i32)>) -> i32 {
        match *last {
            Some((l, i)) if l == s => i,
            _ => {
                let i = self.intern(s);
                *last = Some((s, i));
                i
            }
        }
    }

    /// The index of the time `ms` after the run's start (`base`, Unix ms), written out the first
    /// time it is seen: the pods of one instant share one string, so the last one is checked first.
    fn intern_ms(&mut self, ms: Millis, base: i64) -> i32 {
        match self.last_ms {
            Some((m, i)) if m == ms => i,
            _ => {
                let i = match self.times.get(&ms) {
                    Some(&i) => i,
                    None => {
                        let i = self.push(&rfc3339(base + ms));
                        self.times.insert(ms, i);
                        i
                    }
                };
                self.last_ms = Some((ms, i));
                i
            }
        }
    }

    /// [`Self::intern`] for a time: the pods of one instant share one string, so the last one is
    /// checked by pointer first.
    fn intern_time(&mut self, t: &'a std::sync::Arc<str>) -> i32 {
        match self.last_time {
            Some((ptr, i)) if ptr == t.as_ptr() => i,
            _ => {
                let i = self.intern(t);
                self.last_time = Some((t.as_ptr(), i));
                i
            }
        }
    }
}

impl<'a> NodeColumns<'a> {
    /// The columns of `nodes`, in their order.
    pub fn new(nodes: &'a [NodeOut<'a>]) -> Self {
        let mut c = Self {
            fields: Vec::with_capacity(nodes.len() * NODE_STRIDE),
            ..Self::default()
        };
        let t = &mut c.table;
        // Most nodes carry the same label keys in the same order: each position remembers the
        // last key it saw, so that only a new one is looked up.
        let mut last_keys: Vec<Option<(&'a str, i32)>> = Vec::new();
        for n in nodes {
            // Node names are unique: appended, not looked up (and their hostname label reuses it).
            let name_at = t.push(n.name);
            let name = f64::from(name_at);
            let labels_at = c.lists.len() as f64;
            for (j, (k, v)) in n.labels.iter().enumerate() {
                if last_keys.len() <= j {
                    last_keys.push(None);
                }
                let key = t.intern_repeated(k, &mut last_keys[j]);
                let value = if v == n.name { name_at } else { t.intern(v) };
                c.lists
                    .extend_from_slice(&[f64::from(key), f64::from(value)]);
            }
            let taints_at = c.lists.len() as f64;
            for x in &n.taints {
                let value = x.value.map_or(-1, |v| t.intern(v));
                c.lists.extend_from_slice(
                    &[t.intern(x.key), value, t.intern(x.effect)].map(f64::from),
                );
            }
            let added = f64::from(t.intern_time(&n.added));
            let removed = n
                .removed
                .as_ref()
                .map_or(-1.0, |r| f64::from(t.intern_time(r)));
            c.fields.extend_from_slice(&[
                name,
                added,
                removed,
                f64::from(u8::from(n.unschedulable)),
                f64::from(u8::from(n.ready)),
                n.cpu_milli as f64,
                n.memory as f64,
                n.pods as f64,
                labels_at,
                n.labels.len() as f64,
                taints_at,
                n.taints.len() as f64,
            ]);
        }
        c
    }
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
    /// The columns of a run's pods, in timeline order ([`Timeline::pods_in_order`]), read from the
    /// pods themselves: the [`kubeplay_core::sim::timeline::PodOut`] rows `pods: 'objects'` gives,
    /// and their time strings, are never made. Times are written to the table once per distinct
    /// instant, as [`rfc3339`] writes the timeline's.
    pub fn from_engine(e: &'a Engine) -> Self {
        let pods = Timeline::pods_in_order(e);
        let base = e.start_unix_ms();
        let mut c = Self {
            fields: Vec::with_capacity(pods.len() * STRIDE),
            ..Self::default()
        };
        let (mut last_ns, mut last_phase) = (None, None);
        for p in pods {
            let owner = p.owner.as_deref().map_or(-1, |o| c.owner(o));
            let requests = c.requests_of(p.requests.0, p.requests.1);
            let node = p.node.as_deref().map_or(-1, |n| c.node(n));
            let t = &mut c.table;
            // A pod's name is its own: no need to look it up.
            let name = t.push(p.name());
            let namespace = t.intern_repeated(p.namespace(), &mut last_ns);
            let created = t.intern_ms(p.created, base);
            let [scheduled, started, finished, deleted] =
                [p.scheduled, p.started, p.finished, p.deleted]
                    .map(|x| x.map_or(-1, |x| t.intern_ms(x, base)));
            let phase = t.intern_repeated(phase(p.phase), &mut last_phase);
            let reason = p.reason.as_deref().map_or(-1, |r| t.intern(r));
            // As `PodOut::message`: a failure message, else the last FailedScheduling one.
            let message = p
                .message
                .as_deref()
                .or(p.scheduling_message.as_deref())
                .map_or(-1, |m| t.intern(m));
            c.fields.extend_from_slice(&[
                name,
                namespace,
                owner,
                node,
                p.index.unwrap_or(NULL),
                created,
                scheduled,
                started,
                finished,
                deleted,
                phase,
                p.exit_code.unwrap_or(NULL),
                p.restarts,
                reason,
                message,
                requests,
            ]);
        }
        c
    }

    fn owner(&mut self, o: &'a OwnerRef) -> i32 {
        let next = self.owners.len() as i32;
        let i = *self.owner_index.entry(o as *const OwnerRef).or_insert(next);
        if i == next {
            self.owners.push(o);
        }
        i
    }

    fn requests_of(&mut self, cpu_milli: i64, memory: i64) -> i32 {
        let next = (self.requests.len() / 2) as i32;
        let i = *self
            .requests_index
            .entry((cpu_milli, memory))
            .or_insert(next);
        if i == next {
            self.requests
                .extend_from_slice(&[cpu_milli as f64, memory as f64]);
        }
        i
    }

    fn node(&mut self, name: &'a str) -> i32 {
        match self.node_index.get(&name.as_ptr()) {
            Some(&i) => i,
            None => {
                let i = self.table.intern(name);
                self.node_index.insert(name.as_ptr(), i);
                i
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn string(t: &StringTable<'_>, i: f64) -> String {
        let units: Vec<u16> = t.strings.encode_utf16().collect();
        let (a, b) = (t.offsets[i as usize], t.offsets[i as usize + 1]);
        String::from_utf16(&units[a as usize..b as usize]).expect("utf-16")
    }

    #[test]
    fn offsets_count_utf16_units() {
        let mut t = StringTable::default();
        let a = t.push("ds-ä😀x");
        let b = t.intern("ds-b");
        assert_eq!((a, b), (0, 1));
        assert_eq!(t.offsets, [0, 7, 11]);
        assert_eq!(string(&t, 0.0), "ds-ä😀x");
        assert_eq!(t.intern("ds-b"), 1, "interned once");
    }

    /// A DaemonSet on a node its pod fits and one it does not, and a bare pod that fails.
    fn engine() -> Engine {
        use kubeplay_core::{manifest, nodes, sim};
        let manifests = "apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: ds}\nspec:\n  selector: {matchLabels: {app: ds}}\n  template:\n    metadata: {labels: {app: ds}}\n    spec:\n      containers:\n      - {name: c, image: agent:1, resources: {requests: {cpu: '2', memory: 1Gi}}}\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: once\n  annotations: {kubeplay.io/duration: 10s, kubeplay.io/exit-codes: '3'}\nspec:\n  restartPolicy: Never\n  containers: [{name: c, image: busybox}]\n";
        let objects = manifest::load(manifests).expect("valid manifests");
        let nodes = nodes::parse_nodes("NAME\tCPU\tMEMORY\nbig\t4\t16Gi\nsmall\t1\t16Gi\n")
            .expect("valid nodes");
        let opts = sim::Options {
            duration: 60_000,
            ..Default::default()
        };
        sim::run(&objects, &nodes, &[], &opts, &|_| Err("no files".into())).0
    }

    #[test]
    fn pod_columns_say_what_the_timeline_rows_say() {
        let e = engine();
        let rows = Timeline::from_engine(&e).pods;
        let c = PodColumns::from_engine(&e);
        assert_eq!(rows.len(), 3);
        assert_eq!(c.fields.len(), rows.len() * STRIDE);
        let s = |i: i32| (i >= 0).then(|| string(&c.table, i.into()));
        let n = |x: i32| (x != NULL).then_some(x);
        for (i, p) in rows.iter().enumerate() {
            let f = &c.fields[i * STRIDE..(i + 1) * STRIDE];
            let time =
                |t: &Option<kubeplay_core::sim::timeline::Time>| t.as_deref().map(str::to_string);
            assert_eq!(s(f[0]).as_deref(), Some(p.name));
            assert_eq!(s(f[1]).as_deref(), Some(p.namespace));
            assert_eq!(
                (f[2] >= 0).then(|| c.owners[f[2] as usize]),
                p.owner,
                "{}",
                p.name
            );
            assert_eq!(s(f[3]).as_deref(), p.node);
            assert_eq!(n(f[4]), p.index);
            assert_eq!(s(f[5]).as_deref(), Some(&*p.created));
            assert_eq!(s(f[6]), time(&p.scheduled), "{}", p.name);
            assert_eq!(s(f[7]), time(&p.started));
            assert_eq!(s(f[8]), time(&p.finished));
            assert_eq!(s(f[9]), time(&p.deleted));
            assert_eq!(s(f[10]).as_deref(), Some(phase(p.phase)));
            assert_eq!((n(f[11]), f[12]), (p.exit_code, p.restarts));
            assert_eq!(s(f[13]).as_deref(), p.reason);
            assert_eq!(s(f[14]).as_deref(), p.message, "{}", p.name);
            let r = 2 * f[15] as usize;
            assert_eq!(
                (c.requests[r], c.requests[r + 1]),
                (p.requests.cpu_milli as f64, p.requests.memory as f64)
            );
        }
        // What the rows hold: a pending DaemonSet pod with its FailedScheduling message, a
        // finished pod, and the strings the pods share written once.
        let message = rows.iter().find_map(|p| p.message).expect("a message");
        assert!(message.starts_with("0/2 nodes are available"), "{message}");
        assert!(rows
            .iter()
            .any(|p| p.finished.is_some() && p.exit_code == Some(3)));
        let ds: Vec<&[i32]> = c.fields.chunks(STRIDE).filter(|f| f[2] == 0).collect();
        assert_eq!(ds.len(), 2);
        assert_eq!(
            (ds[0][1], ds[0][5], ds[0][15]),
            (ds[1][1], ds[1][5], ds[1][15])
        );
        assert_eq!(c.owners.len(), 1);
        assert_eq!(
            *c.table.offsets.last().expect("end"),
            c.table.strings.encode_utf16().count() as u32
        );
    }

    #[test]
    fn node_columns_point_into_their_labels_and_taints() {
        use kubeplay_core::sim::timeline::TaintOut;
        use std::collections::BTreeMap;
        let t: Arc<str> = "2026-01-01T00:00:00Z".into();
        let gone: Arc<str> = "2026-01-01T00:05:00Z".into();
        let labels = BTreeMap::from([
            ("kubernetes.io/hostname".to_string(), "n1".to_string()),
            ("zone".to_string(), "b".to_string()),
        ]);
        let none = BTreeMap::new();
        let node = |name, labels, taints, removed: Option<Arc<str>>| NodeOut {
            name,
            labels,
            taints,
            unschedulable: removed.is_some(),
            ready: true,
            added: t.clone(),
            removed,
            cpu_milli: 4000,
            memory: 1 << 34,
            pods: 110,
        };
        let taints = vec![
            TaintOut {
                key: "dedicated",
                value: Some("infra"),
                effect: "NoSchedule",
            },
            TaintOut {
                key: "gpu",
                value: None,
                effect: "NoExecute",
            },
        ];
        let nodes = [
            node("n1", &labels, taints, None),
            node("n2", &none, Vec::new(), Some(gone)),
        ];
        let c = NodeColumns::new(&nodes);
        let s = |i: f64| string(&c.table, i);
        let row = |i: usize| &c.fields[i * NODE_STRIDE..(i + 1) * NODE_STRIDE];
        let (n1, n2) = (row(0), row(1));
        assert_eq!(
            (s(n1[0]), s(n1[1]), n1[2]),
            ("n1".into(), t.to_string(), -1.0)
        );
        assert_eq!(&n1[3..8], &[0.0, 1.0, 4000.0, (1u64 << 34) as f64, 110.0]);
        // The hostname label's value is the node's name: one string.
        assert_eq!(c.lists[n1[8] as usize + 1], n1[0]);
        let pairs: Vec<String> = c.lists[n1[8] as usize..][..2 * n1[9] as usize]
            .iter()
            .map(|&i| s(i))
            .collect();
        assert_eq!(pairs, ["kubernetes.io/hostname", "n1", "zone", "b"]);
        let taint = &c.lists[n1[10] as usize..][..3 * n1[11] as usize];
        assert_eq!(
            (s(taint[0]), s(taint[1]), s(taint[2])),
            ("dedicated".into(), "infra".into(), "NoSchedule".into())
        );
        assert_eq!(
            (s(taint[3]), taint[4], s(taint[5])),
            ("gpu".into(), -1.0, "NoExecute".into())
        );
        assert_eq!(
            (s(n2[2]), n2[3], n2[9], n2[11]),
            ("2026-01-01T00:05:00Z".into(), 1.0, 0.0, 0.0)
        );
        assert_eq!(n2[1], n1[1], "one string for the shared time");
    }
}
