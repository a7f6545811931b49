// www/js/job-gantt.js — the Job Gantt chart: for a chosen Job of the simulation, one lane per parallel
// slot (per completion index for Indexed Jobs), each pod a bar coloured by its outcome (Succeeded,
// Failed, deleted, running), container restarts and back-off gaps with their length (between a failed
// pod and the next one in its lane, and between restarts in place with restartPolicy OnFailure), the
// completions counter stepping up, the activeDeadlineSeconds line, and the Job's final condition with
// its reason. A small form sets kubeplay.io/duration and the exit code of each attempt
// (kubeplay.io/exit-codes) in the Job's pod template, in the manifests text, without editing YAML.
import { h, fill } from './format.js';
import { t } from './i18n/index.js';
import { eventsOf, formatDuration, parseDuration, podsOf } from './model.js';
import { parseDocuments, findDocument, setMapValue, templatePath } from './yaml-tree.js';
import { s, timeScale, createTooltip, legendItems, redrawOnResize } from './svg.js';

const LABEL_W = 96;
const AXIS_H = 24;
const COUNTER_H = 40;
const LANE_H = 22;
const BAR_H = 14;
const MAX_LANES = 60;
const MAX_JOBS_LISTED = 300;

/** Pod outcome for its colour: succeeded | failed | deleted | running | pending. */
export function podOutcome(p) {
  if (p.phase === 'Succeeded') return 'succeeded';
  if (p.phase === 'Failed') return 'failed';
  if (Number.isFinite(p._t.deleted)) return 'deleted';
  if (Number.isFinite(p._t.started)) return 'running';
  return 'pending';
}

/** Exit codes per attempt: attempts `failing` (1-based) fail with `code`: [2,5] → "0,1,0,0,1,0". */
export function exitCodesFor(failing, code, always = false) {
  const c = Number.isInteger(code) && code !== 0 ? code : 1;
  if (always) return String(c);
  const list = [...new Set(failing.filter((n) => Number.isInteger(n) && n > 0))].sort((a, b) => a - b);
  if (!list.length) return '0';
  const out = new Array(list.at(-1) + 1).fill(0);
  for (const n of list) out[n - 1] = c;
  return out.join(',');
}

/** Reads an exit-codes annotation back into {failing, code, always}. */
export function readExitCodes(text) {
  const codes = String(text ?? '')
    .split(',')
    .map((x) => Number(x.trim()))
    .filter((x) => Number.isInteger(x));
  if (!codes.length) return { failing: [], code: 1, always: false };
  if (codes.length === 1) return { failing: [], code: codes[0] || 1, always: codes[0] !== 0 };
  const failing = [];
  let code = 1;
  codes.forEach((c, i) => {
    if (c !== 0) {
      failing.push(i + 1);
      code = c;
    }
  });
  return { failing, code, always: false };
}

/** Parses "2, 5" / "2 and 5" / "2 5" into [2, 5]. */
export function parseAttempts(text) {
  return (String(text ?? '').match(/\d+/g) ?? []).map(Number).filter((n) => n > 0 && n <= 1000);
}

/**
 * Builds the section in `container`. `getManifests()` returns the manifests text and
 * `setManifests(text)` replaces it (one undoable change); `onSeek(s)` moves the scrubber.
 * Returns { update(ctx), setTime(s), rerender(), selected() }.
 */
export function createJobGantt(container, { getManifests = () => '', setManifests = () => {}, onSeek = () => {} } = {}) {
  let ctx = null; // {timeline, objects, start, duration, time}
  let selected = ''; // "namespace/name"
  let time = 0;
  const tipData = new Map();

  const jobSelect = h('select', { id: 'jobs-select' });
  const jobLabel = h('span', {});
  const intro = h('p', { class: 'hint' });
  const facts = h('p', { class: 'job-facts', id: 'jobs-facts' });
  const final = h('p', { class: 'job-final', id: 'jobs-final' });
  const chartHost = h('div', { class: 'chart-host', id: 'jobs-chart' });
  const legend = h('ul', { class: 'legend', id: 'jobs-legend' });
  const form = h('form', { class: 'job-form', id: 'jobs-form' });
  const empty = h('p', { class: 'muted', id: 'jobs-empty', hidden: true });
  container.replaceChildren(intro, h('div', { class: 'chart-controls' }, h('label', { class: 'field' }, jobLabel, jobSelect)), empty, facts, final, chartHost, legend, form);
  const tooltip = createTooltip(chartHost);

  jobSelect.addEventListener('change', () => {
    selected = jobSelect.value;
    draw();
    renderForm();
  });

  function job() {
    return ctx?.timeline?.jobsByName?.get(selected) ?? null;
  }

  /** The Job's spec from the YAML: the Job itself, or its CronJob's jobTemplate. */
  function specOf(j) {
    const byKey = ctx.objects?.byKey;
    const own = byKey?.get(`Job/${j.namespace}/${j.name}`);
    if (own) return { spec: own.value.spec ?? {}, source: own, kind: 'Job' };
    if (j.cronJob) {
      const cj = byKey?.get(`CronJob/${j.namespace}/${j.cronJob}`);
      if (cj) return { spec: cj.value.spec?.jobTemplate?.spec ?? {}, source: cj, kind: 'CronJob' };
    }
    return { spec: {}, source: null, kind: null };
  }

  function fillSelect() {
    const jobs = ctx?.timeline?.jobs ?? [];
    const own = jobs.filter((j) => !j.cronJob);
    const fromCron = jobs.filter((j) => j.cronJob).slice(0, MAX_JOBS_LISTED);
    const keys = new Set(jobs.map((j) => `${j.namespace}/${j.name}`));
    if (!keys.has(selected)) selected = own[0] ? `${own[0].namespace}/${own[0].name}` : fromCron[0] ? `${fromCron[0].namespace}/${fromCron[0].name}` : '';
    const opt = (j) => h('option', { value: `${j.namespace}/${j.name}` }, `${j.name} — ${j.status}${j.reason ? ` (${j.reason})` : ''}`);
    fill(jobSelect, 
      ...own.map(opt),
      fromCron.length ? h('optgroup', { label: t('jobs.fromCronJobs') }, fromCron.map(opt)) : null,
    );
    jobSelect.value = selected;
    jobSelect.disabled = jobs.length < 2;
  }

  /** Lanes: per index (Indexed) or greedy parallel slots. Returns {lanes: [{label, pods}], indexed}. */
  function lanesOf(pods, spec) {
    const indexed = spec.completionMode === 'Indexed' || pods.some((p) => p.index != null);
    if (indexed) {
      const n = Math.max(Number(spec.completions) || 0, ...pods.map((p) => (p.index ?? -1) + 1));
      const lanes = Array.from({ length: Math.min(MAX_LANES, n) }, (_, i) => ({ label: t('jobs.index', { i }), pods: [] }));
      for (const p of pods) lanes[Math.min(lanes.length - 1, p.index ?? 0)]?.pods.push(p);
      return { lanes, indexed };
    }
    const lanes = [];
    for (const p of pods) {
      // A free lane; the replacement of a failed pod goes where that pod was, so the back-off shows.
      const free = lanes.filter((l) => endOf(l.pods.at(-1)) <= p._t.created + 1e-6);
      let lane = free.find((l) => l.pods.at(-1).phase === 'Failed') ?? free[0];
      if (!lane) {
        if (lanes.length >= MAX_LANES) lane = lanes.at(-1);
        else lanes.push((lane = { label: t('jobs.slot', { i: lanes.length + 1 }), pods: [] }));
      }
      lane.pods.push(p);
    }
    return { lanes, indexed };
  }

  function endOf(p) {
    if (!p) return -Infinity;
    return Math.min(p._t.end, ctx.timeline.duration);
  }

  function finalEvent(j) {
    const evs = ctx.timeline.eventsByObject?.get(`Job/${j.name}`) ?? [];
    return [...evs].reverse().find((e) => /^(Completed|BackoffLimitExceeded|DeadlineExceeded|MaxFailedIndexesExceeded|FailedIndexes|PodFailurePolicy|SuccessPolicy|JobSuspended)$/.test(e.reason) || (e.type === 'Warning' && e.reason !== 'FailedScheduling')) ?? null;
  }

  function clock(v) {
    return `+${formatDuration(v)}`;
  }

  function draw() {
    tipData.clear();
    tooltip.hide();
    translateStatic();
    const j = job();
    empty.hidden = !!j;
    if (!j) {
      empty.textContent = t('jobs.none');
      facts.textContent = '';
      final.textContent = '';
      chartHost.replaceChildren(tooltip.el);
      delete container.dataset.job;
      return;
    }
    container.dataset.job = j.name;
    const tl = ctx.timeline;
    const { spec } = specOf(j);
    const pods = podsOf(tl, 'Job', j.namespace, j.name).slice().sort((a, b) => a._t.created - b._t.created);
    const { lanes, indexed } = lanesOf(pods, spec);
    const fin = finalEvent(j);
    const ads = Number(spec.activeDeadlineSeconds);
    const deadlineEvent = (tl.eventsByObject?.get(`Job/${j.name}`) ?? []).find((e) => e.reason === 'DeadlineExceeded');
    const deadline = Number.isFinite(ads) && ads > 0 ? j._t.created + ads : deadlineEvent ? deadlineEvent._t : null;
    const completions = Number(spec.completions) || null;
    const restartPolicy = spec.template?.spec?.restartPolicy ?? '';

    fill(facts, 
      ...[
        ['completions', spec.completions ?? (indexed ? null : t('jobs.unset'))],
        ['parallelism', spec.parallelism ?? 1],
        ['completionMode', spec.completionMode ?? 'NonIndexed'],
        ['backoffLimit', spec.backoffLimit ?? (spec.backoffLimitPerIndex != null ? null : 6)],
        ['backoffLimitPerIndex', spec.backoffLimitPerIndex],
        ['activeDeadlineSeconds', spec.activeDeadlineSeconds],
        ['restartPolicy', restartPolicy],
      ]
        .filter(([, v]) => v != null && v !== '')
        .map(([k, v]) => h('span', { class: 'fact' }, h('code', {}, k), ` ${v}`)),
    );
    fill(final, 
      h('strong', {}, t('jobs.final')),
      ' ',
      h('span', { class: `badge ${j.status === 'Complete' ? 'ok' : j.status === 'Failed' ? 'bad' : 'warn'}`, id: 'jobs-status' }, j.status),
      j.reason ? h('code', { id: 'jobs-reason' }, j.reason) : null,
      fin ? h('span', { class: 'muted' }, ` ${clock(fin._t)} — `, h('span', { lang: 'en' }, fin.message)) : null,
      ' ',
      h('span', { class: 'muted' }, t('jobs.counts', { s: j.succeeded, f: j.failed })),
    );

    // The time window: the Job's life with a little room on both sides.
    let v0 = j._t.created;
    let v1 = Math.max(v0 + 10, ...pods.map((p) => (Number.isFinite(p._t.end) ? p._t.end : tl.duration)), fin ? fin._t : 0, deadline ?? 0);
    v1 = Math.min(tl.duration, v1);
    if (v1 <= v0) v1 = v0 + 10;
    const pad = (v1 - v0) * 0.03;
    v0 = Math.max(0, v0 - pad);
    v1 += pad * 4; // room for the labels at the end
    const width = Math.max(420, chartHost.clientWidth || container.clientWidth || 900);
    const x = timeScale(v0, v1, LABEL_W, width - 12);
    const height = AXIS_H + COUNTER_H + lanes.length * LANE_H + 22;
    const children = [];
    const { values } = x.ticks(80);
    children.push(
      s(
        'g',
        { class: 'axis' },
        values.map((v) => [
          s('line', { x1: x(v), x2: x(v), y1: AXIS_H - 6, y2: height - 4, class: 'grid-line' }),
          s('text', { x: x(v) + 3, y: AXIS_H - 10, class: 'axis-label' }, clock(v)),
        ]),
      ),
    );

    // The completions counter, stepping up as pods succeed (distinct indexes for Indexed Jobs).
    const steps = [];
    const seen = new Set();
    for (const p of [...pods].sort((a, b) => a._t.finished - b._t.finished)) {
      if (p.phase !== 'Succeeded' || !Number.isFinite(p._t.finished)) continue;
      if (indexed) {
        if (seen.has(p.index)) continue;
        seen.add(p.index);
      }
      steps.push(p._t.finished);
    }
    const target = completions ?? Math.max(1, steps.length);
    const cy = (n) => AXIS_H + COUNTER_H - 8 - ((COUNTER_H - 16) * Math.min(n, target)) / target;
    let d = `M${x(j._t.created)},${cy(0)}`;
    steps.forEach((v, i) => {
      d += ` H${x(v)} V${cy(i + 1)}`;
    });
    d += ` H${x(v1)}`;
    const counter = s('g', { class: 'counter', id: 'jobs-counter', dataset: { steps: steps.length } });
    counter.append(s('text', { class: 'lane-label', x: 6, y: AXIS_H + 14 }, t('jobs.completions')));
    counter.append(s('path', { class: 'counter-line', d }));
    steps.forEach((v, i) => {
      // Completions at the same moment share one dot and one label (the last count).
      if (i + 1 < steps.length && steps[i + 1] - v < 1e-6) return;
      const id = `c${i}`;
      tipData.set(id, [t('jobs.tipCompletion', { n: i + 1, c: completions ?? '?' }), clock(v)]);
      counter.append(s('circle', { class: 'counter-dot', cx: x(v), cy: cy(i + 1), r: 3, dataset: { tip: id } }));
      counter.append(s('text', { class: 'counter-label', x: x(v) + 4, y: cy(i + 1) - 3 }, completions ? `${i + 1}/${completions}` : String(i + 1)));
    });
    children.push(counter);

    // Lanes of pods.
    const lanesG = s('g', { class: 'lanes' });
    lanes.forEach((lane, li) => {
      const y = AXIS_H + COUNTER_H + li * LANE_H;
      const g = s('g', { class: 'job-lane', transform: `translate(0, ${y})`, dataset: { lane: li } });
      g.append(s('text', { class: 'lane-label', x: 6, y: BAR_H - 2 }, lane.label));
      let prev = null;
      for (const p of lane.pods) {
        const o = podOutcome(p);
        const start = p._t.created;
        const end = Number.isFinite(p._t.end) ? p._t.end : tl.duration;
        const id = `p${p.namespace}/${p.name}`;
        tipData.set(id, podTip(p, o));
        // A back-off gap after a failed pod in the same lane.
        if (prev && prev.phase === 'Failed' && start - endOf(prev) > 0.5) {
          const gap = start - endOf(prev);
          const gx0 = x(endOf(prev));
          const gx1 = x(start);
          const gid = `g${p.name}`;
          tipData.set(gid, [t('jobs.tipBackoff', { d: formatDuration(gap) }), `${clock(endOf(prev))} → ${clock(start)}`, t('jobs.backoffNote')]);
          g.append(s('line', { class: 'backoff', x1: gx0, x2: gx1, y1: BAR_H / 2, y2: BAR_H / 2, dataset: { tip: gid } }));
          g.append(s('line', { class: 'backoff-end', x1: gx0, x2: gx0, y1: 2, y2: BAR_H - 2 }));
          g.append(s('line', { class: 'backoff-end', x1: gx1, x2: gx1, y1: 2, y2: BAR_H - 2 }));
          if (gx1 - gx0 > 26) g.append(s('text', { class: 'backoff-label', x: (gx0 + gx1) / 2, y: BAR_H + 6, 'text-anchor': 'middle', dataset: { tip: gid } }, formatDuration(gap)));
        }
        // Waiting for a node or for the container to start.
        const started = Number.isFinite(p._t.started) ? Math.min(p._t.started, end) : end;
        if (started > start) {
          g.append(s('rect', { class: 'pod-wait', x: x(start), y: 2, width: Math.max(1, x(started) - x(start)), height: BAR_H - 4, dataset: { tip: id } }));
        }
        const runs = containerRuns(p, started, end);
        runs.forEach((r, ri) => {
          const last = ri === runs.length - 1;
          g.append(
            s('rect', {
              class: `pod-bar pod-${last ? o : 'failed'}`,
              x: x(r[0]),
              y: 0,
              width: Math.max(2, x(r[1]) - x(r[0])),
              height: BAR_H,
              rx: 2,
              dataset: { tip: id, pod: p.name, outcome: last ? o : 'restarted' },
            }),
          );
          if (!last) {
            const nx = runs[ri + 1][0];
            const gid = `r${p.name}-${ri}`;
            tipData.set(gid, [t('jobs.tipRestartBackoff', { d: formatDuration(nx - r[1]) }), `${clock(r[1])} → ${clock(nx)}`]);
            g.append(s('line', { class: 'backoff', x1: x(r[1]), x2: x(nx), y1: BAR_H / 2, y2: BAR_H / 2, dataset: { tip: gid } }));
            if (x(nx) - x(r[1]) > 26) g.append(s('text', { class: 'backoff-label', x: (x(r[1]) + x(nx)) / 2, y: BAR_H + 6, 'text-anchor': 'middle', dataset: { tip: gid } }, formatDuration(nx - r[1])));
          }
        });
        if (p.restarts > 0) g.append(s('text', { class: 'restart-label', x: x(end) + 3, y: BAR_H - 3 }, `↻${p.restarts}`));
        else if (o === 'failed' && p.exitCode != null && x(end) - x(started) > 30) {
          g.append(s('text', { class: 'bar-label', x: x(started) + 3, y: BAR_H - 3, dataset: { tip: id } }, `exit ${p.exitCode}`));
        }
        prev = p;
      }
      lanesG.append(g);
    });
    children.push(lanesG);

    // The deadline.
    if (deadline != null) {
      const dx = x(deadline);
      const label = Number.isFinite(ads) && ads > 0 ? `activeDeadlineSeconds ${ads}s` : 'DeadlineExceeded';
      tipData.set('deadline', [label, clock(deadline), t('jobs.deadlineNote')]);
      children.push(
        s('g', { class: 'deadline', id: 'jobs-deadline', dataset: { at: String(deadline) } },
          s('line', { class: 'deadline-line', x1: dx, x2: dx, y1: AXIS_H - 4, y2: height - 6, dataset: { tip: 'deadline' } }),
          s('text', { class: 'deadline-label', x: dx - 4, y: AXIS_H + 4, 'text-anchor': 'end', dataset: { tip: 'deadline' } }, label),
        ),
      );
    }
    // The final condition.
    if (fin && (j.status === 'Complete' || j.status === 'Failed')) {
      const fx = x(fin._t);
      tipData.set('final', [`${j.status}${j.reason ? `: ${j.reason}` : ''}`, clock(fin._t), fin.message]);
      children.push(
        s('g', { class: `final final-${j.status.toLowerCase()}`, id: 'jobs-final-mark' },
          s('line', { class: 'final-line', x1: fx, x2: fx, y1: AXIS_H + COUNTER_H - 4, y2: height - 6, dataset: { tip: 'final' } }),
          s('text', { class: 'final-label', x: fx > width - 190 ? fx - 4 : fx + 4, 'text-anchor': fx > width - 190 ? 'end' : 'start', y: height - 2, dataset: { tip: 'final' } }, `${j.status}${j.reason ? ` (${j.reason})` : ''}`),
        ),
      );
    }
    const cursor = s('line', { class: 'cursor', id: 'jobs-cursor', x1: x(time), x2: x(time), y1: AXIS_H - 6, y2: height - 4 });
    cursor.style.display = time >= v0 && time <= v1 ? '' : 'none';
    children.push(cursor);
    const svg = s('svg', { class: 'chart job-chart', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': t('jobs.chartLabel', { name: j.name }), dataset: { lanes: lanes.length, pods: pods.length } }, children);
    svg._scale = x;
    chartHost.replaceChildren(svg, tooltip.el);
    wire(svg, x);
  }

  /** Container runs of a pod: one, or for restarts in place the runs between BackOff events. */
  function containerRuns(p, started, end) {
    if (!(p.restarts > 0)) return [[started, end]];
    const evs = eventsOf(ctx.timeline, `Pod/${p.name}`);
    const starts = evs.filter((e) => e.reason === 'Started').map((e) => e._t);
    const backs = evs.filter((e) => e.reason === 'BackOff').map((e) => e._t);
    if (!starts.length) return [[started, end]];
    const runs = [];
    starts.forEach((s0, i) => {
      const next = starts[i + 1] ?? Infinity;
      const stop = backs.find((b) => b >= s0 && b < next) ?? (i === starts.length - 1 ? end : next);
      runs.push([s0, Math.min(stop, end)]);
    });
    return runs;
  }

  function podTip(p, o) {
    const lines = [p.name, `${t('jobs.tipOutcome')}: ${t(`jobs.outcome.${o}`)}${p.exitCode != null ? ` (exit ${p.exitCode})` : ''}`];
    lines.push(`${t('pod.created')} ${clock(p._t.created)} · ${t('pod.started')} ${Number.isFinite(p._t.started) ? clock(p._t.started) : '—'}`);
    if (Number.isFinite(p._t.finished)) lines.push(`${t('pod.finished')} ${clock(p._t.finished)}`);
    if (Number.isFinite(p._t.deleted)) lines.push(`${t('pod.deleted')} ${clock(p._t.deleted)}`);
    if (p.index != null) lines.push(`${t('pod.index')} ${p.index}`);
    if (p.restarts) lines.push(`${t('pod.restarts')} ${p.restarts}`);
    if (p.reason) lines.push(`${t('pod.reason')} ${p.reason}`);
    if (p.node) lines.push(`${t('pod.node')} ${p.node}`);
    return lines;
  }

  function wire(svg, x) {
    svg.addEventListener('pointermove', (e) => {
      const id = e.target.closest?.('[data-tip]')?.dataset.tip;
      if (id && tipData.has(id)) tooltip.show(tipData.get(id), e.clientX, e.clientY);
      else tooltip.hide();
    });
    svg.addEventListener('pointerleave', () => tooltip.hide());
    svg.addEventListener('click', (e) => {
      const box = svg.getBoundingClientRect();
      const px = e.clientX - box.left;
      if (px >= LABEL_W) onSeek(Math.max(0, Math.min(ctx.timeline.duration, x.invert(px))));
    });
  }

  // --- the behaviour form ------------------------------------------------------------------------

  function renderForm() {
    const j = job();
    form.hidden = !j;
    if (!j) return;
    const { spec, source, kind } = specOf(j);
    const ann = spec.template?.metadata?.annotations ?? {};
    const parsed = readExitCodes(ann['kubeplay.io/exit-codes']);
    const owner = kind === 'CronJob' ? `CronJob/${source.name}` : `Job/${j.name}`;
    const duration = h('input', { type: 'text', id: 'jobs-duration', value: ann['kubeplay.io/duration'] ?? '', placeholder: '30s', size: '7', spellcheck: 'false' });
    const attempts = h('input', { type: 'text', id: 'jobs-attempts', value: parsed.failing.join(', '), placeholder: '2, 5', size: '10', spellcheck: 'false' });
    const code = h('input', { type: 'number', id: 'jobs-code', value: String(parsed.code || 1), min: '1', max: '255', step: '1', class: 'num-input' });
    const always = h('input', { type: 'checkbox', id: 'jobs-always' });
    always.checked = parsed.always;
    const preview = h('code', { id: 'jobs-preview' });
    const note = h('p', { class: 'muted small', id: 'jobs-form-note', 'aria-live': 'polite' });
    const apply = h('button', { type: 'submit', class: 'btn', id: 'jobs-apply' }, t('jobs.apply'));
    const update = () => {
      attempts.disabled = always.checked;
      const codes = exitCodesFor(parseAttempts(attempts.value), Number(code.value), always.checked);
      const d = duration.value.trim();
      preview.textContent = `kubeplay.io/duration: ${d || '30s'}   kubeplay.io/exit-codes: "${codes}"`;
      const bad = d && parseDuration(d) == null;
      duration.setAttribute('aria-invalid', String(!!bad));
      apply.disabled = !source || !!bad;
      return codes;
    };
    for (const el of [duration, attempts, code, always]) el.addEventListener('input', update);
    form.onsubmit = (e) => {
      e.preventDefault();
      const codes = update();
      if (!source) return;
      try {
        let text = getManifests();
        const path = [...templatePath(kind), 'metadata', 'annotations'];
        const find = () => findDocument(parseDocuments(text), kind, source.name, source.namespace);
        const d = duration.value.trim();
        if (d) text = setMapValue(text, find(), path, 'kubeplay.io/duration', d);
        text = setMapValue(text, find(), path, 'kubeplay.io/exit-codes', JSON.stringify(codes), { raw: true });
        setManifests(text);
        note.textContent = t('jobs.applied', { owner });
      } catch (err) {
        note.textContent = t('jobs.applyFailed', { message: err?.message ?? String(err) });
      }
    };
    fill(form, 
      h('h3', {}, t('jobs.formTitle')),
      h('p', { class: 'hint' }, source ? t('jobs.formHint', { owner }) : t('jobs.formNoSource')),
      h(
        'div',
        { class: 'job-form-row' },
        h('label', { class: 'field' }, h('span', {}, t('jobs.duration')), duration),
        h('label', { class: 'field' }, h('span', {}, t('jobs.failingAttempts')), attempts),
        h('label', { class: 'field' }, h('span', {}, t('jobs.exitCode')), code),
        h('label', { class: 'check' }, always, h('span', {}, t('jobs.always'))),
        apply,
      ),
      h('p', { class: 'small' }, t('jobs.preview'), ' ', preview),
      note,
    );
    update();
  }

  function translateStatic() {
    intro.textContent = t('jobs.intro');
    jobLabel.textContent = t('jobs.job');
    legend.replaceChildren(
      ...legendItems(['succeeded', 'failed', 'deleted', 'running', 'wait', 'backoff', 'deadline', 'counter'],
        'swatch-job-', (k) => t(`jobs.legend.${k}`)),
    );
  }

  redrawOnResize(chartHost, () => Boolean(ctx), () => draw());

  return {
    /** New data: ctx = {timeline (indexed), objects (model.readObjects), time}. */
    update(next) {
      ctx = next;
      time = next.time ?? time;
      fillSelect();
      draw();
      renderForm();
    },
    setTime(sec) {
      time = sec;
      const svg = chartHost.querySelector('svg');
      const cursor = svg?.querySelector('#jobs-cursor');
      if (cursor && svg._scale) {
        const x = svg._scale;
        cursor.setAttribute('x1', x(sec));
        cursor.setAttribute('x2', x(sec));
        cursor.style.display = sec >= x.domain[0] && sec <= x.domain[1] ? '' : 'none';
      }
    },
    rerender() {
      if (!ctx) return translateStatic();
      fillSelect();
      draw();
      renderForm();
    },
    selected: () => selected,
    /** For tests and the lessons: shows the Job `namespace/name`. */
    select(key) {
      selected = key;
      jobSelect.value = key;
      draw();
      renderForm();
    },
  };
}

