// www/js/model.js — plain helpers over the simulation's timeline (pg.simulate) and the inputs: Go
// durations, Kubernetes quantities, which pods are where at a time t, pod states, resource requests of
// pod templates (read from the YAML), the scenario's steps (offsets, heredocs), and a node snapshot
// written back as a node table (to ask pg.place about the nodes as they are at t). No DOM here.
import { parseDocuments, objectsOf, nodeAt } from './yaml-tree.js';

// --- durations ---------------------------------------------------------------------------------

const UNITS = { ns: 1e-9, us: 1e-6, 'µs': 1e-6, 'μs': 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600, d: 86400 };

/** A Go duration (`1h30m`, `90s`, `500ms`; also `d` for days) in seconds, or null when invalid. */
export function parseDuration(text) {
  const s = String(text ?? '').trim();
  if (!s) return null;
  if (s === '0') return 0;
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h|d)/gy;
  let total = 0;
  let pos = 0;
  let sign = 1;
  let body = s;
  if (body[0] === '-' || body[0] === '+') {
    sign = body[0] === '-' ? -1 : 1;
    body = body.slice(1);
  }
  re.lastIndex = 0;
  let m;
  while (pos < body.length && (m = re.exec(body)) && m.index === pos) {
    total += Number(m[1]) * UNITS[m[2]];
    pos = re.lastIndex;
  }
  if (pos !== body.length || pos === 0) return null;
  return sign * total;
}

/** Seconds as a short duration: `45s`, `1m30s`, `2h5m`, `3d4h`, `250ms`. */
export function formatDuration(seconds) {
  if (!Number.isFinite(seconds)) return '∞';
  const neg = seconds < 0;
  let s = Math.abs(seconds);
  if (s > 0 && s < 1) return `${neg ? '-' : ''}${Math.round(s * 1000)}ms`;
  s = Math.round(s * 10) / 10;
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = Math.round((s % 60) * 10) / 10;
  let out = '';
  if (d) out += `${d}d`;
  if (h) out += `${h}h`;
  if (m && d < 10) out += `${m}m`;
  if ((sec || !out) && !d && h < 10) out += `${sec}s`;
  return (neg ? '-' : '') + (out || '0s');
}

// --- quantities --------------------------------------------------------------------------------

const SUFFIX = {
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
  n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
};

/** A Kubernetes quantity (`100m`, `1.5`, `64Mi`, `1e3`) as a number, or null. */
export function parseQuantity(q) {
  if (typeof q === 'number') return q;
  if (typeof q !== 'string') return null;
  const m = /^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?)\s*$/.exec(q);
  if (!m) return null;
  const n = Number(m[1] + (m[2] ?? ''));
  return n * (SUFFIX[m[3] ?? ''] ?? 1);
}

/** CPU request in milli-cores. */
export function cpuMilli(q) {
  const v = parseQuantity(q);
  return v == null ? 0 : Math.ceil(v * 1000 - 1e-9);
}

/** Memory in bytes. */
export function memoryBytes(q) {
  const v = parseQuantity(q);
  return v == null ? 0 : Math.ceil(v - 1e-9);
}

// --- the timeline ------------------------------------------------------------------------------

/** Unix milliseconds of an RFC 3339 time, or null. */
export function ms(rfc) {
  if (!rfc) return null;
  const v = Date.parse(rfc);
  return Number.isNaN(v) ? null : v;
}

/**
 * Adds second offsets from the start to a pg.simulate timeline (in place) and indexes it:
 * pod._t = {created, scheduled, started, finished, deleted, end} (Infinity when absent), job._t,
 * event._t, node._t = {added, removed}; tl.duration; tl.eventsByObject; tl.podsByOwner; tl.jobsByName.
 */
export function indexTimeline(tl) {
  if (tl._indexed) return tl;
  const base = ms(tl.start);
  // Times repeat in runs (the events and pods of one instant): parse each distinct one once in a row.
  let lastRfc = null;
  let lastSec = Infinity;
  const sec = (rfc) => {
    if (rfc === lastRfc) return lastSec;
    const v = ms(rfc);
    lastRfc = rfc;
    lastSec = v == null ? Infinity : (v - base) / 1000;
    return lastSec;
  };
  tl.startMs = base;
  tl.duration = Math.max(0, (ms(tl.end) - base) / 1000);
  for (const n of tl.nodes ?? []) n._t = { added: sec(n.added) === Infinity ? 0 : sec(n.added), removed: sec(n.removed) };
  tl.podsByOwner = new Map();
  tl.podsByName = new Map();
  for (const p of tl.pods ?? []) {
    const t = { created: sec(p.created), scheduled: sec(p.scheduled), started: sec(p.started), finished: sec(p.finished), deleted: sec(p.deleted) };
    t.end = Math.min(t.deleted, t.finished);
    p._t = t;
    const key = p.owner ? `${p.owner.kind}/${p.namespace}/${p.owner.name}` : '';
    if (!tl.podsByOwner.has(key)) tl.podsByOwner.set(key, []);
    tl.podsByOwner.get(key).push(p);
    tl.podsByName.set(`${p.namespace}/${p.name}`, p);
  }
  tl.jobsByName = new Map();
  for (const j of tl.jobs ?? []) {
    j._t = { created: sec(j.created), finished: sec(j.finished), deleted: sec(j.deleted), scheduled: sec(j.scheduledTime) };
    tl.jobsByName.set(`${j.namespace}/${j.name}`, j);
  }
  tl.eventsByObject = new Map();
  for (const e of tl.events ?? []) {
    e._t = sec(e.time);
    if (!tl.eventsByObject.has(e.object)) tl.eventsByObject.set(e.object, []);
    tl.eventsByObject.get(e.object).push(e);
  }
  tl.eventCount ??= tl.events?.length ?? 0;
  tl._sec = sec;
  tl._indexed = true;
  return tl;
}

const unescapeField = (f) => (f.includes('\\') ? f.replace(/\\(.)/g, (_, c) => (c === 't' ? '\t' : c === 'n' ? '\n' : c)) : f);
const escapeField = (f) => f.replace(/[\\\t\n]/g, (c) => (c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\\\'));

/** One line of `routineEvents` (`SEQ\tTIME\tREASON\tOBJECT\tMESSAGE`) as an event. */
function routineEvent(tl, line) {
  const [seq, time, reason, object, message] = line.split('\t');
  const e = { seq: Number(seq), time, type: 'Normal', reason: unescapeField(reason), object: unescapeField(object), message: unescapeField(message ?? '') };
  e._t = tl._sec(time);
  return e;
}

/** The routine events of a split timeline (`routineEvents`, see timeline.rs `from_engine_split`) by object. */
function unpackRoutine(tl) {
  const byObject = new Map();
  const text = tl.routineEvents;
  let at = 0;
  while (at < text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const e = routineEvent(tl, text.slice(at, end));
    at = end + 1;
    let list = byObject.get(e.object);
    if (!list) byObject.set(e.object, (list = []));
    list.push(e);
  }
  return byObject;
}

/** One object's routine events, found by searching the packed text for its OBJECT field. */
function findRoutine(tl, object) {
  const text = tl.routineEvents;
  const needle = `\t${escapeField(object)}\t`;
  const out = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) {
    // Fields never hold a raw tab, so the needle can only be the OBJECT field (after SEQ, TIME, REASON).
    const start = text.lastIndexOf('\n', at) + 1;
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    out.push(routineEvent(tl, text.slice(start, end)));
  }
  return out;
}

/** Objects whose routine events are searched for one by one before all of them are unpacked at once. */
const SEARCH_FIRST = 4;

/**
 * Every event of one object (`Kind/name`, e.g. `Pod/web-abcde`) in the order the run recorded them.
 * `tl.eventsByObject` holds only what the page draws from; the page asks the engine for the routine
 * events (a pod's Scheduled, Pulled, Created, Started, Killing and its controller's
 * SuccessfulCreate/SuccessfulDelete) packed into one string, unpacked here the first time any
 * object's full list is asked for.
 */
export function eventsOf(tl, object) {
  const kept = tl.eventsByObject?.get(object) ?? [];
  if (typeof tl.routineEventsOf === 'function') {
    // A lazy run: what loadEventsOf fetched so far.
    const more = tl._fetched?.get(object);
    return more?.length ? [...kept, ...more].sort((a, b) => a.seq - b.seq) : kept;
  }
  if (typeof tl.routineEvents !== 'string') return kept;
  // A pod or two opened: search the text (milliseconds); many (a Job chart's restarted pods): unpack
  // everything once (a big run's 164,000 routine events take about 130 ms).
  tl._searched ??= new Map();
  let more = tl._routine ? tl._routine.get(object) ?? [] : tl._searched.get(object);
  if (!more) {
    if (tl._searched.size < SEARCH_FIRST) tl._searched.set(object, (more = findRoutine(tl, object)));
    else more = (tl._routine = unpackRoutine(tl)).get(object);
  }
  return more?.length ? [...kept, ...more].sort((a, b) => a.seq - b.seq) : kept;
}

/** Whether `eventsOf(tl, object)` still lacks routine events that `loadEventsOf` would fetch. */
export function eventsPending(tl, object) {
  return typeof tl?.routineEventsOf === 'function' && !tl._fetched?.has(object);
}

/**
 * Every event of one object, as `eventsOf` gives them, once the routine ones of a lazy run
 * (`events: 'lazy'`, see engine.js) have been fetched from the engine that ran it. Resolves at once
 * for other timelines; if the run is gone (a newer simulation replaced it) the kept events only.
 */
export async function loadEventsOf(tl, object) {
  if (eventsPending(tl, object)) {
    let more = [];
    try {
      more = (await tl.routineEventsOf(object)) ?? [];
    } catch {
      more = null; // the run is gone: ask again next time
    }
    if (more) {
      for (const e of more) e._t = tl._sec(e.time);
      (tl._fetched ??= new Map()).set(object, more);
    }
  }
  return eventsOf(tl, object);
}

/** A columns string table (`strings`, `offsets`) as an array of strings. */
function stringTable({ strings, offsets }) {
  const table = new Array(offsets.length - 1);
  for (let i = 0; i < table.length; i++) table[i] = strings.substring(offsets[i], offsets[i + 1]);
  return table;
}

/**
 * Turns a timeline simulated with `pods: 'columns'` and/or `nodes: 'columns'` back into the one
 * `'objects'` gives: builds `tl.pods` from `tl.podColumns` and `tl.nodes` from `tl.nodeColumns`
 * (layout in crates/kubeplay-wasm/src/columns.rs: a string table, its UTF-16 offsets, and `stride`
 * numbers per row, string fields as table indexes or -1) and drops the columns. A timeline without columns is returned as it is.
 */
export function hydrateColumns(tl) {
  if (tl?.podColumns) hydratePods(tl);
  if (tl?.nodeColumns) hydrateNodes(tl);
  return tl;
}

function hydratePods(tl) {
  const { fields, owners, requests, stride } = tl.podColumns;
  const table = stringTable(tl.podColumns);
  const str = (i) => (i < 0 ? null : table[i]);
  const NULL = -2147483648; // columns.rs NULL
  const num = (x) => (x === NULL ? null : x);
  const n = fields.length / stride;
  const pods = new Array(n);
  // Pods of one owner share its object, and pods asking the same the requests': 32,000 pods made
  // 64,000 small objects the collector then walked at the next run (nothing writes to them).
  const ownerOf = owners.map((o) => ({ kind: o.kind, name: o.name }));
  const requestsOf = [];
  for (let i = 0, f = 0; i < n; i++, f += stride) {
    const o = fields[f + 2];
    const r = fields[f + 15];
    pods[i] = {
      name: table[fields[f]],
      namespace: table[fields[f + 1]],
      owner: o < 0 ? null : ownerOf[o],
      node: str(fields[f + 3]),
      index: num(fields[f + 4]),
      created: table[fields[f + 5]],
      scheduled: str(fields[f + 6]),
      started: str(fields[f + 7]),
      finished: str(fields[f + 8]),
      deleted: str(fields[f + 9]),
      phase: table[fields[f + 10]],
      exitCode: num(fields[f + 11]),
      restarts: fields[f + 12],
      reason: str(fields[f + 13]),
      message: str(fields[f + 14]),
      requests: (requestsOf[r] ??= { cpuMilli: requests[2 * r], memory: requests[2 * r + 1] }),
    };
  }
  tl.pods = pods;
  delete tl.podColumns;
}

function hydrateNodes(tl) {
  const { fields, lists, stride } = tl.nodeColumns;
  const table = stringTable(tl.nodeColumns);
  const n = fields.length / stride;
  const nodes = new Array(n);
  for (let i = 0, f = 0; i < n; i++, f += stride) {
    const labels = {};
    for (let j = fields[f + 8], end = j + 2 * fields[f + 9]; j < end; j += 2) labels[table[lists[j]]] = table[lists[j + 1]];
    const taints = [];
    for (let j = fields[f + 10], end = j + 3 * fields[f + 11]; j < end; j += 3) {
      taints.push({ key: table[lists[j]], value: lists[j + 1] < 0 ? null : table[lists[j + 1]], effect: table[lists[j + 2]] });
    }
    const removed = fields[f + 2];
    nodes[i] = {
      name: table[fields[f]],
      labels,
      taints,
      unschedulable: fields[f + 3] === 1,
      ready: fields[f + 4] === 1,
      added: table[fields[f + 1]],
      removed: removed < 0 ? null : table[removed],
      cpuMilli: fields[f + 5],
      memory: fields[f + 6],
      pods: fields[f + 7],
    };
  }
  tl.nodes = nodes;
  delete tl.nodeColumns;
}

/** The arrays a timeline's columns can hand to another thread without copying (postMessage). */
export function transferablesOf(tl) {
  const out = [];
  for (const c of [tl?.podColumns, tl?.nodeColumns]) {
    if (c) out.push(c.offsets.buffer, c.fields.buffer, (c.lists ?? c.requests).buffer);
  }
  return out;
}

/** Pods of an owner (`kind`, namespace, name), in creation order. */
export function podsOf(tl, kind, namespace, name) {
  return tl.podsByOwner?.get(`${kind}/${namespace}/${name}`) ?? [];
}

/**
 * Where the pods are at time `t` (seconds): `{byNode: Map(node → pods), pending: pods}`. A pod is on
 * node N at t when scheduled <= t < (deleted || finished || ∞); Pending when created but not yet
 * scheduled at t (and not gone).
 */
export function podsAt(tl, t) {
  const byNode = new Map();
  const pending = [];
  for (const p of tl.pods ?? []) {
    const x = p._t;
    if (x.created > t || t >= x.end) continue;
    if (p.node && x.scheduled <= t) {
      let list = byNode.get(p.node);
      if (!list) byNode.set(p.node, (list = []));
      list.push(p);
    } else pending.push(p);
  }
  return { byNode, pending };
}

/**
 * What a pod is doing at `t`: 'NotCreated' | 'Pending' | 'ContainerCreating' | 'Running' |
 * 'Succeeded' | 'Failed' | 'Deleted'.
 */
export function podStateAt(p, t) {
  const x = p._t;
  if (t < x.created) return 'NotCreated';
  if (t >= x.deleted) return 'Deleted';
  if (t >= x.finished) return p.phase === 'Failed' ? 'Failed' : p.phase === 'Succeeded' ? 'Succeeded' : 'Failed';
  if (!(x.scheduled <= t)) return 'Pending';
  if (!(x.started <= t)) return 'ContainerCreating';
  return 'Running';
}

/** Nodes present at t from a node list with `_t` (snapshot or timeline). */
export function nodesPresentAt(nodes, t) {
  return nodes.filter((n) => !n._t || (n._t.added <= t && t < n._t.removed));
}

// --- requests of pod templates ---------------------------------------------------------------

/** Sum of container requests (limits when only limits are set), max'ed with each init container. */
export function podSpecRequests(spec) {
  const one = (c) => {
    const r = c?.resources ?? {};
    const req = { ...(r.limits ?? {}), ...(r.requests ?? {}) };
    return { cpu: cpuMilli(req.cpu ?? 0), memory: memoryBytes(req.memory ?? 0) };
  };
  let cpu = 0;
  let memory = 0;
  for (const c of Array.isArray(spec?.containers) ? spec.containers : []) {
    const r = one(c);
    cpu += r.cpu;
    memory += r.memory;
  }
  for (const c of Array.isArray(spec?.initContainers) ? spec.initContainers : []) {
    const r = one(c);
    cpu = Math.max(cpu, r.cpu);
    memory = Math.max(memory, r.memory);
  }
  return { cpu, memory };
}

/**
 * Reads every object of the manifests (and of `kubectl apply` heredocs of the scenario) once:
 * `{objects: [{kind, name, namespace, value}], requestsOf(pod, tl)}` where requestsOf gives the
 * {cpu (milli), memory (bytes)} a simulated pod asks for (from its owner's template).
 */
export function readObjects(manifests, scenarioText = '') {
  const texts = [manifests, ...scenarioSteps(scenarioText).filter((s) => s.heredoc).map((s) => s.heredoc)];
  const objects = [];
  for (const text of texts) {
    try {
      for (const d of objectsOf(parseDocuments(text))) objects.push({ kind: d.kind, name: d.name, namespace: d.namespace, value: d.value });
    } catch {
      /* unreadable text: the engine reports it */
    }
  }
  const byKey = new Map();
  for (const o of objects) byKey.set(`${o.kind}/${o.namespace}/${o.name}`, o);
  const templateReq = new Map();
  const reqOfObject = (o) => {
    const key = `${o.kind}/${o.namespace}/${o.name}`;
    if (!templateReq.has(key)) {
      const spec = o.kind === 'Pod' ? o.value.spec : o.kind === 'CronJob' ? o.value.spec?.jobTemplate?.spec?.template?.spec : o.value.spec?.template?.spec;
      templateReq.set(key, podSpecRequests(spec));
    }
    return templateReq.get(key);
  };
  const none = { cpu: 0, memory: 0 };
  function requestsOf(pod, tl) {
    if (pod.requests) return { cpu: pod.requests.cpuMilli ?? pod.requests.cpu ?? 0, memory: pod.requests.memory ?? 0 };
    const ns = pod.namespace;
    const owner = pod.owner;
    if (!owner) {
      const o = byKey.get(`Pod/${ns}/${pod.name}`);
      return o ? reqOfObject(o) : none;
    }
    let o = byKey.get(`${owner.kind}/${ns}/${owner.name}`);
    if (!o && owner.kind === 'ReplicaSet') {
      // A Deployment's ReplicaSet is `<deployment>-<hash>`.
      const dep = owner.name.replace(/-[a-z0-9]+$/, '');
      o = byKey.get(`Deployment/${ns}/${dep}`);
    }
    if (!o && owner.kind === 'Job') {
      const job = tl?.jobsByName?.get(`${ns}/${owner.name}`);
      if (job?.cronJob) o = byKey.get(`CronJob/${ns}/${job.cronJob}`);
    }
    return o ? reqOfObject(o) : none;
  }
  return { objects, byKey, requestsOf };
}

/** The value at `path` of an object's YAML, e.g. valueAt(o, ['spec', 'activeDeadlineSeconds']). */
export function valueAt(obj, path) {
  let cur = obj?.value ?? obj;
  for (const k of path) {
    if (cur == null || typeof cur !== 'object') return undefined;
    cur = cur[k];
  }
  return cur;
}

export { nodeAt };

// --- the scenario ------------------------------------------------------------------------------

/**
 * The scenario's lines as steps `{line, at (seconds), command, heredoc}` — a light reading for the
 * page (markers on the time axis, heredoc manifests); the engine's parser is the one that decides.
 */
export function scenarioSteps(text) {
  const steps = [];
  const lines = String(text ?? '').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].replace(/\r$/, '');
    const trimmed = raw.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    const sp = trimmed.search(/\s/);
    const offset = sp < 0 ? trimmed : trimmed.slice(0, sp);
    const command = sp < 0 ? '' : trimmed.slice(sp).trim();
    const at = parseDuration(offset);
    const step = { line: i + 1, at, command, heredoc: null };
    const hd = /<<-?\s*['"]?(\w+)['"]?/.exec(command);
    if (hd) {
      const body = [];
      let j = i + 1;
      for (; j < lines.length; j++) {
        if (lines[j].trim() === hd[1]) break;
        body.push(lines[j]);
      }
      step.heredoc = body.join('\n');
      step.command = command.slice(0, hd.index).trim();
      i = j;
    }
    if (at != null) steps.push(step);
  }
  return steps;
}

/** Whether a scenario command can change nodes (labels, taints, readiness, cordon, membership). */
export function changesNodes(step) {
  const c = step.command;
  return /^node\s/.test(c) ||
    /^kubectl\s+(label|taint|cordon|uncordon|drain)\b/.test(c) ||
    /^kubectl\s+(delete|patch)\s+(node|nodes|no)\b/.test(c) ||
    (/^kubectl\s+(apply|create)\b/.test(c) && /\bkind:\s*Node\b/.test(step.heredoc ?? ''));
}

// --- node tables -------------------------------------------------------------------------------

const CONDITION_TAINTS = new Set(['node.kubernetes.io/not-ready', 'node.kubernetes.io/unschedulable']);

/** Writes nodes (as pg.check / pg.simulate give them) as a node table that pg.place reads back. */
export function nodeTable(nodes) {
  const rows = ['NAME\tLABELS\tTAINTS\tCPU\tMEMORY\tPODS\tREADY\tUNSCHEDULABLE'];
  for (const n of nodes) {
    const labels = Object.entries(n.labels ?? {}).map(([k, v]) => `${k}=${v ?? ''}`).join(',') || '<none>';
    const taints = (n.taints ?? [])
      .filter((x) => !CONDITION_TAINTS.has(x.key))
      .map((x) => `${x.key}${x.value ? `=${x.value}` : ''}:${x.effect}`)
      .join(',') || '<none>';
    rows.push([n.name, labels, taints, `${n.cpuMilli ?? 4000}m`, String(n.memory ?? 8 * 2 ** 30), String(n.pods ?? 110), String(n.ready !== false), String(!!n.unschedulable)].join('\t'));
  }
  return rows.join('\n') + '\n';
}

/** The error lines of a pg.simulate Error: `[{source, line, column, message}]` (others as line 0). */
export function parseEngineError(message) {
  const out = [];
  for (const l of String(message ?? '').split('\n')) {
    if (!l.trim()) continue;
    const m = /^(manifests|nodes|scenario):(\d+):(\d+):\s?(.*)$/.exec(l);
    if (m) out.push({ source: m[1], line: Number(m[2]), column: Number(m[3]), message: m[4] });
    else out.push({ source: '', line: 0, column: 0, message: l });
  }
  return out;
}
