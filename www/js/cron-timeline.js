// www/js/cron-timeline.js — the CronJob view. A schedule explainer (pg.cronExplain in the page's language
// and the next five times from pg.cronNext in a chosen zone) and a timeline that runs the chosen
// CronJob three times — concurrencyPolicy Allow, Forbid and Replace — on one time axis: the scheduled
// ticks, each Job as a bar (running, Complete, Failed, deleted by Replace, later removed by the history
// limit), runs skipped (JobAlreadyActive) and late starts marked with their reason, details on hover.
// Zoomed out over long horizons (a year of `* * * * *`) it draws per-pixel buckets; zoomed in, every
// Job and tick exactly. Ctrl+wheel or the buttons zoom, dragging pans, a click moves the scrubber.
import { h, fill } from './format.js';
import { t, getLanguage } from './i18n/index.js';
import * as engine from './engine.js';
import { formatDuration } from './model.js';
import { s, timeScale, axisLabel, createTooltip, legendItems, redrawOnResize } from './svg.js';

export const POLICIES = ['Allow', 'Forbid', 'Replace'];
const LABEL_W = 132;
const AXIS_H = 26;
const TICK_H = 10;
const ROW_H = 12;
const BAR_H = 9;
const MARK_H = 12;
const LANE_GAP = 16;
const MAX_ROWS = 5;
const BUCKET_PX = 3;
const LATE_S = 1;
const MAX_EXACT_TICKS = 2000;
const ZONES = ['UTC', 'Asia/Seoul', 'Asia/Tokyo', 'Europe/London', 'Europe/Berlin', 'America/New_York', 'America/Los_Angeles', 'Australia/Sydney'];

/** What happened to a Job, for its colour: complete | failed | replaced | deleted | running. */
export function jobOutcome(j) {
  if (j.reason === 'Replaced') return 'replaced';
  if (j.status === 'Complete') return 'complete';
  if (j.status === 'Failed') return 'failed';
  if (Number.isFinite(j._t.deleted)) return 'deleted';
  return 'running';
}

/** When a Job stopped running: finished, else its last condition event, else deleted, else open. */
function jobEnd(j, tl) {
  if (Number.isFinite(j._t.finished)) return j._t.finished;
  if (j.status === 'Complete' || j.status === 'Failed') {
    const evs = tl.eventsByObject?.get(`Job/${j.name}`) ?? [];
    const last = [...evs].reverse().find((e) => /Completed|BackoffLimitExceeded|DeadlineExceeded|Failed|MaxFailedIndexes|PodFailurePolicy/.test(e.reason));
    if (last) return last._t;
  }
  if (Number.isFinite(j._t.deleted)) return j._t.deleted;
  return tl.duration;
}

const lowerBound = (arr, v, key) => {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(arr[mid]) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

/**
 * Builds the section in `container`. `simulateVariant(cronJob, policy)` returns a Promise of an indexed
 * timeline with the CronJob's concurrencyPolicy set to `policy`; `onSeek(seconds)` moves the scrubber.
 * Returns { update(ctx), setTime(s), rerender(), state() }.
 */
export function createCronTimeline(container, { simulateVariant = null, onSeek = () => {} } = {}) {
  let ctx = null; // {cronJobs, start, duration, key}
  let selected = ''; // "namespace/name"
  let lanes = []; // [{policy, status, error, tl, jobs, ends, maxDur, skipped, warnings}]
  let laneKey = '';
  let view = null; // [v0, v1]
  let time = 0;
  let generation = 0;
  let zone = '';
  let scheduleOverride = null;
  const tipData = new Map();

  const cjSelect = h('select', { id: 'cron-select' });
  const cjLabel = h('span', {});
  const zoomIn = h('button', { type: 'button', class: 'btn', id: 'cron-zoom-in' }, '+');
  const zoomOut = h('button', { type: 'button', class: 'btn', id: 'cron-zoom-out' }, '−');
  const zoomFit = h('button', { type: 'button', class: 'btn', id: 'cron-zoom-fit' });
  const modeNote = h('span', { class: 'muted small', id: 'cron-mode' });
  const intro = h('p', { class: 'hint' });
  const explainer = h('div', { class: 'cron-explainer', id: 'cron-explainer' });
  const chartHost = h('div', { class: 'chart-host', id: 'cron-chart' });
  const legend = h('ul', { class: 'legend', id: 'cron-legend' });
  const status = h('p', { class: 'muted', id: 'cron-status', 'aria-live': 'polite' });
  const controls = h(
    'div',
    { class: 'chart-controls' },
    h('label', { class: 'field' }, cjLabel, cjSelect),
    h('span', { class: 'zoom-buttons', role: 'group' }, zoomOut, zoomIn, zoomFit),
    modeNote,
  );
  container.replaceChildren(intro, explainer, controls, status, chartHost, legend);
  const tooltip = createTooltip(chartHost);

  cjSelect.addEventListener('change', () => {
    selected = cjSelect.value;
    scheduleOverride = null;
    zone = '';
    laneKey = '';
    view = null;
    refresh();
  });
  zoomIn.addEventListener('click', () => zoom(0.5));
  zoomOut.addEventListener('click', () => zoom(2));
  zoomFit.addEventListener('click', () => {
    view = null;
    draw();
  });

  function current() {
    return ctx?.cronJobs.find((c) => `${c.namespace}/${c.name}` === selected) ?? ctx?.cronJobs[0] ?? null;
  }

  function full() {
    return [0, Math.max(1, ctx?.duration ?? 1)];
  }

  function zoom(factor, center) {
    const [a, b] = view ?? full();
    const [f0, f1] = full();
    const c = center ?? (Number.isFinite(time) && time >= a && time <= b ? time : (a + b) / 2);
    const span = Math.min(f1 - f0, Math.max(10, (b - a) * factor));
    let v0 = c - (c - a) * (span / (b - a));
    v0 = Math.max(f0, Math.min(f1 - span, v0));
    view = [v0, v0 + span];
    draw();
  }

  // --- data ------------------------------------------------------------------------------------

  function refresh() {
    const cj = current();
    if (!cj) {
      lanes = [];
      draw();
      renderExplainer();
      return;
    }
    selected = `${cj.namespace}/${cj.name}`;
    const key = `${ctx.key}\u0000${selected}`;
    if (key === laneKey) {
      draw();
      renderExplainer();
      return;
    }
    laneKey = key;
    const gen = ++generation;
    lanes = POLICIES.map((policy) => ({ policy, status: 'loading', error: null, tl: null }));
    draw();
    renderExplainer();
    // One run after the other (a lane runs one simulation at a time); the first to arrive is drawn first.
    (async () => {
      for (const lane of lanes) {
        if (gen !== generation) return;
        try {
          const tl = await simulateVariant(cj, lane.policy);
          if (gen !== generation) return;
          Object.assign(lane, prepareLane(tl, cj), { status: 'ready' });
        } catch (e) {
          if (gen !== generation) return;
          if (e?.message === 'superseded') return;
          lane.status = 'error';
          lane.error = e?.message ?? String(e);
        }
        draw();
      }
    })();
  }

  function prepareLane(tl, cj) {
    const jobs = (tl.jobs ?? []).filter((j) => j.cronJob === cj.name && j.namespace === cj.namespace).sort((a, b) => a._t.created - b._t.created);
    const ends = jobs.map((j) => jobEnd(j, tl));
    let maxDur = 0;
    jobs.forEach((j, i) => {
      maxDur = Math.max(maxDur, Math.max(ends[i], Number.isFinite(j._t.deleted) ? j._t.deleted : 0) - j._t.created);
    });
    const evs = tl.eventsByObject?.get(`CronJob/${cj.name}`) ?? [];
    const skipped = evs.filter((e) => e.reason === 'JobAlreadyActive');
    const warnings = evs.filter((e) => e.reason !== 'JobAlreadyActive' && (e.type === 'Warning' || /Miss|TooMany/.test(e.reason)));
    return { tl, jobs, ends, maxDur, skipped, warnings };
  }

  // --- drawing ---------------------------------------------------------------------------------

  function ticksIn(cj, v0, v1, limit) {
    const startMs = Date.parse(ctx.start);
    const from = new Date(startMs + Math.max(0, Math.floor(v0 - 1)) * 1000).toISOString().replace('.000Z', 'Z');
    const tz = cj.timeZone || 'UTC';
    let list;
    try {
      list = engine.cronNext(cj.schedule, from, tz, limit) ?? [];
    } catch {
      return null;
    }
    const out = [];
    for (const r of list) {
      const v = (Date.parse(r) - startMs) / 1000;
      if (v >= v1) break;
      if (v >= v0) out.push(v);
    }
    return { values: out, complete: list.length < limit || (list.length && (Date.parse(list.at(-1)) - startMs) / 1000 >= v1) };
  }

  const countCache = new Map();
  function countTicks(cj, v0, v1) {
    const key = `${cj.schedule}|${cj.timeZone}|${ctx.start}|${v0}|${v1}`;
    if (countCache.has(key)) return countCache.get(key);
    if (countCache.size > 5000) countCache.clear();
    const n = countTicksNow(cj, v0, v1);
    countCache.set(key, n);
    return n;
  }

  function countTicksNow(cj, v0, v1) {
    const startMs = Date.parse(ctx.start);
    const iso = (v) => new Date(startMs + v * 1000).toISOString();
    try {
      const n = engine.cronCount(cj.schedule, iso(v0 - 0.001), iso(v1 - 0.001), cj.timeZone || 'UTC');
      if (n != null) return n;
    } catch {
      return 0;
    }
    return ticksIn(cj, v0, v1, MAX_EXACT_TICKS + 1)?.values.length ?? 0;
  }

  function visibleJobs(lane, v0, v1) {
    if (!lane.jobs?.length) return [];
    const from = lowerBound(lane.jobs, v0 - lane.maxDur - 1, (j) => j._t.created);
    const out = [];
    for (let i = from; i < lane.jobs.length; i++) {
      const j = lane.jobs[i];
      if (j._t.created >= v1) break;
      const end = Math.max(lane.ends[i], Number.isFinite(j._t.deleted) ? j._t.deleted : lane.ends[i]);
      if (end < v0) continue;
      out.push(i);
    }
    return out;
  }

  function draw() {
    tipData.clear();
    tooltip.hide();
    const cj = current();
    translateStatic();
    if (!cj) {
      chartHost.replaceChildren(tooltip.el);
      status.textContent = t('cron.none');
      return;
    }
    const width = Math.max(360, chartHost.clientWidth || container.clientWidth || 900);
    const [v0, v1] = view ?? full();
    const x = timeScale(v0, v1, LABEL_W, width - 8);
    const plotW = width - 8 - LABEL_W;
    const startMs = Date.parse(ctx.start);

    // Exact or aggregated: by how many ticks and Jobs fall into the window.
    const nTicks = countTicks(cj, v0, v1);
    const visible = lanes.map((l) => (l.status === 'ready' ? visibleJobs(l, v0, v1) : []));
    const densest = Math.max(nTicks, ...visible.map((v) => v.length));
    const mode = densest > plotW / 4 ? 'aggregate' : 'exact';

    const svgChildren = [];
    // Axis.
    const { step, values } = x.ticks(90);
    svgChildren.push(
      s(
        'g',
        { class: 'axis' },
        values.map((v) => [
          s('line', { x1: x(v), x2: x(v), y1: AXIS_H - 6, y2: 4000, class: 'grid-line' }),
          s('text', { x: x(v) + 3, y: AXIS_H - 10, class: 'axis-label' }, axisLabel(v, step, startMs)),
        ]),
      ),
    );

    let y = AXIS_H;
    let tickCache = null;
    if (mode === 'exact') tickCache = ticksIn(cj, v0, v1, MAX_EXACT_TICKS)?.values ?? [];
    else tickCache = bucketTicks(cj, v0, v1, plotW, x);

    lanes.forEach((lane, li) => {
      const rowsHeight = MAX_ROWS * ROW_H;
      const laneH = TICK_H + 4 + rowsHeight + MARK_H;
      const g = s('g', { class: `lane lane-${lane.policy.toLowerCase()}`, dataset: { policy: lane.policy, status: lane.status }, transform: `translate(0, ${y})` });
      g.append(s('rect', { class: 'lane-bg', x: LABEL_W, y: -2, width: plotW, height: laneH + 4 }));
      for (const [a, b] of cj.suspended ?? []) {
        if (b < v0 || a > v1) continue;
        const id = `s${li}-${a}`;
        tipData.set(id, [t('cron.tipSuspended'), `${clock(a, startMs)} – ${clock(b, startMs)}`]);
        const xa = x(Math.max(v0, a));
        g.append(s('rect', { class: 'suspended', x: xa, y: -2, width: Math.max(1, x(Math.min(v1, b)) - xa), height: laneH + 4, dataset: { tip: id } }));
        if (x(Math.min(v1, b)) - xa > 70) g.append(s('text', { class: 'suspended-label', x: xa + 4, y: laneH - 2 }, t('cron.suspended')));
      }
      const stats = lane.status === 'ready' ? laneStats(lane) : null;
      g.append(
        s('text', { class: 'lane-title', x: 6, y: 12 }, lane.policy),
        s('text', { class: 'lane-sub', x: 6, y: 26 }, lane.status === 'ready' ? t('cron.laneJobs', { n: lane.jobs.length }) : lane.status === 'loading' ? t('cron.simulating') : t('cron.failed')),
        stats ? s('text', { class: 'lane-sub', x: 6, y: 39 }, t('cron.laneSkipped', { n: lane.skipped.length })) : null,
        stats ? s('text', { class: 'lane-sub', x: 6, y: 52 }, t('cron.laneLate', { n: stats.late })) : null,
      );
      const tickRow = s('g', { class: 'ticks' });
      if (mode === 'exact') {
        for (const v of tickCache) {
          const id = `t${li}-${v}`;
          const missed = (cj.suspended ?? []).some(([a, b]) => v >= a && v < b);
          tipData.set(id, [t(missed ? 'cron.tipMissed' : 'cron.tipTick'), clock(v, startMs)]);
          tickRow.append(s('line', { class: missed ? 'tick tick-missed' : 'tick', x1: x(v), x2: x(v), y1: 0, y2: TICK_H, dataset: { tip: id } }));
        }
      } else {
        for (const b of tickCache.buckets) {
          if (!b.n) continue;
          const hgt = Math.max(1.5, (TICK_H * b.n) / tickCache.max);
          const id = `tb${li}-${b.x}`;
          tipData.set(id, [t('cron.tipTicks', { n: b.n }), `${clock(b.v0, startMs)} – ${clock(b.v1, startMs)}`]);
          tickRow.append(s('rect', { class: 'tick-bucket', x: b.x, y: TICK_H - hgt, width: BUCKET_PX - 0.5, height: hgt, dataset: { tip: id } }));
        }
      }
      g.append(tickRow);
      const rowsY = TICK_H + 4;
      const barsG = s('g', { class: 'bars', transform: `translate(0, ${rowsY})` });
      const marksG = s('g', { class: 'marks', transform: `translate(0, ${rowsY + rowsHeight})` });
      if (lane.status === 'ready') {
        if (mode === 'exact') drawExact(lane, li, visible[li], x, barsG, marksG, v0, v1, startMs);
        else drawAggregate(lane, li, x, barsG, marksG, v0, v1, plotW, rowsHeight, startMs);
      } else {
        barsG.append(
          s('text', { class: lane.status === 'error' ? 'lane-error' : 'lane-loading', x: LABEL_W + 8, y: rowsHeight / 2 }, lane.status === 'error' ? lane.error.split('\n')[0] : t('cron.simulating')),
        );
      }
      g.append(barsG, marksG);
      svgChildren.push(g);
      y += laneH + LANE_GAP;
    });

    const height = y;
    // The scrubber's time.
    const cursor = s('line', { class: 'cursor', id: 'cron-cursor', x1: x(time), x2: x(time), y1: AXIS_H - 6, y2: height - LANE_GAP / 2 });
    cursor.style.display = time >= v0 && time <= v1 ? '' : 'none';
    svgChildren.push(cursor);
    const svg = s(
      'svg',
      { class: 'chart cron-chart', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': t('cron.chartLabel', { name: cj.name }), dataset: { mode, v0: v0.toFixed(0), v1: v1.toFixed(0) } },
      s('defs', {}, s('pattern', { id: 'hatch', width: 4, height: 4, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' }, s('rect', { width: 4, height: 4, class: 'hatch-bg' }), s('line', { x1: 0, y1: 0, x2: 0, y2: 4, class: 'hatch-line' }))),
      svgChildren,
    );
    svg._scale = x;
    chartHost.replaceChildren(svg, tooltip.el);
    chartHost.dataset.mode = mode;
    modeNote.textContent = t(mode === 'exact' ? 'cron.modeExact' : 'cron.modeAggregate', { span: formatDuration(v1 - v0) });
    const loading = lanes.filter((l) => l.status === 'loading').length;
    status.textContent = loading ? t('cron.simulatingN', { n: loading }) : '';
    container.dataset.ready = String(lanes.length > 0 && loading === 0);
    wireChart(svg, x);
  }

  function laneStats(lane) {
    if (lane._stats) return lane._stats;
    let late = 0;
    for (const j of lane.jobs) if (j._t.created - j._t.scheduled > LATE_S) late += 1;
    lane._stats = { late };
    return lane._stats;
  }

  function clock(v, startMs) {
    const iso = new Date(startMs + v * 1000).toISOString().replace('.000Z', 'Z').replace('T', ' ');
    return `+${formatDuration(v)} (${iso})`;
  }

  /** Buckets of about BUCKET_PX pixels aligned to multiples of their span (stable while panning). */
  function bucketsOf(v0, v1, plotW) {
    const span = (v1 - v0) / Math.ceil(plotW / BUCKET_PX);
    const out = [];
    for (let k = Math.floor(v0 / span); k * span < v1; k++) out.push({ k, b0: k * span, b1: (k + 1) * span });
    return { span, list: out };
  }

  function bucketTicks(cj, v0, v1, plotW, x) {
    const { list } = bucketsOf(v0, v1, plotW);
    const buckets = [];
    let max = 1;
    for (const { b0, b1 } of list) {
      const c = countTicks(cj, b0, b1);
      max = Math.max(max, c);
      buckets.push({ x: Math.max(LABEL_W, x(b0)), v0: b0, v1: b1, n: c });
    }
    return { buckets, max };
  }

  function jobTip(lane, j, i, startMs) {
    const o = jobOutcome(j);
    const lines = [j.name, `${t('cron.tipScheduled')}: ${clock(j._t.scheduled, startMs)}`, `${t('cron.tipCreated')}: ${clock(j._t.created, startMs)}`];
    const late = j._t.created - j._t.scheduled;
    if (late > LATE_S) {
      const why = lane.skipped.some((e) => e._t >= j._t.scheduled && e._t <= j._t.created) ? t('cron.lateForbid') : t('cron.lateOther');
      lines.push(t('cron.tipLate', { d: formatDuration(late), why }));
    }
    if (Number.isFinite(lane.ends[i]) && o !== 'running' && o !== 'replaced') lines.push(`${t('cron.tipEnded')}: ${clock(lane.ends[i], startMs)}`);
    lines.push(`${t('cron.tipOutcome')}: ${t(`cron.outcome.${o}`)}${j.reason && j.reason !== 'Replaced' && j.reason !== 'HistoryLimit' ? ` (${j.reason})` : ''}`);
    if (Number.isFinite(j._t.deleted)) {
      const why = j.reason === 'Replaced' ? t('cron.deletedReplace') : j.reason === 'HistoryLimit' ? t('cron.deletedHistory') : j.reason ?? '';
      lines.push(`${t('cron.tipDeleted')}: ${clock(j._t.deleted, startMs)} — ${why}`);
    }
    return lines;
  }

  function drawExact(lane, li, idxs, x, barsG, marksG, v0, v1, startMs) {
    const rowEnds = [];
    for (const i of idxs) {
      const j = lane.jobs[i];
      const o = jobOutcome(j);
      const start = j._t.created;
      const end = lane.ends[i];
      const xs = x(Math.max(v0, start));
      const xe = Math.max(xs + 2, x(Math.min(v1, end)));
      let row = rowEnds.findIndex((e) => e <= x(start) + 0.5);
      if (row < 0) row = rowEnds.length < MAX_ROWS ? rowEnds.length : rowEnds.indexOf(Math.min(...rowEnds));
      const tail = Number.isFinite(j._t.deleted) && j._t.deleted > end ? x(Math.min(v1, j._t.deleted)) : xe;
      rowEnds[row] = Math.max(rowEnds[row] ?? -Infinity, tail);
      const y = row * ROW_H;
      const id = `j${li}-${i}`;
      tipData.set(id, jobTip(lane, j, i, startMs));
      const late = j._t.created - j._t.scheduled;
      if (late > LATE_S && j._t.scheduled >= v0) {
        barsG.append(s('line', { class: 'late-link', x1: x(j._t.scheduled), x2: xs, y1: y + BAR_H / 2, y2: y + BAR_H / 2, dataset: { tip: id } }));
        barsG.append(s('circle', { class: 'late-dot', cx: x(j._t.scheduled), cy: y + BAR_H / 2, r: 2.5, dataset: { tip: id } }));
        if (xs - x(j._t.scheduled) > 34) barsG.append(s('text', { class: 'late-label', x: x(j._t.scheduled) + 4, y: y + BAR_H - 1 }, `+${formatDuration(late)}`));
      }
      if (tail > xe + 0.5) {
        // Kept as history after it ended, until the history limit removed it.
        barsG.append(s('line', { class: 'history-tail', x1: xe, x2: tail, y1: y + BAR_H / 2, y2: y + BAR_H / 2, dataset: { tip: id } }));
        if (j._t.deleted <= v1) barsG.append(s('text', { class: 'gc-mark', x: tail - 3, y: y + BAR_H - 0.5, dataset: { tip: id } }, '×'));
      }
      barsG.append(
        s('rect', {
          class: `job job-${o}${late > LATE_S ? ' job-late' : ''}`,
          x: xs,
          y,
          width: xe - xs,
          height: BAR_H,
          rx: 2,
          dataset: { tip: id, job: j.name, outcome: o },
        }),
      );
    }
    const marks = [...lane.skipped.map((e) => ['skip', e]), ...lane.warnings.map((e) => ['warn', e])];
    marks.forEach(([kind, e], k) => {
      if (e._t < v0 || e._t > v1) return;
      const id = `m${li}-${k}`;
      tipData.set(id, [kind === 'skip' ? t('cron.tipSkipped') : e.reason, clock(e._t, startMs), e.message]);
      const cx = x(e._t);
      marksG.append(s('path', { class: `mark-${kind}`, d: `M${cx - 4},1 L${cx + 4},1 L${cx},${MARK_H - 3} Z`, dataset: { tip: id, reason: e.reason } }));
    });
  }

  function drawAggregate(lane, li, x, barsG, marksG, v0, v1, plotW, rowsHeight, startMs) {
    const { span, list } = bucketsOf(v0, v1, plotW);
    const k0 = list[0]?.k ?? 0;
    const n = list.length;
    const kinds = ['complete', 'failed', 'replaced', 'deleted', 'running'];
    const buckets = list.map((b) => ({ ...b, complete: 0, failed: 0, replaced: 0, deleted: 0, running: 0, total: 0, skipped: 0, late: 0 }));
    const at = (v) => buckets[Math.min(n - 1, Math.max(0, Math.floor(v / span) - k0))];
    const from = lowerBound(lane.jobs, list[0]?.b0 ?? v0, (j) => j._t.created);
    for (let i = from; i < lane.jobs.length; i++) {
      const j = lane.jobs[i];
      if (j._t.created >= v1) break;
      const b = at(j._t.created);
      b[jobOutcome(j)] += 1;
      b.total += 1;
      if (j._t.created - j._t.scheduled > LATE_S) b.late += 1;
    }
    const sFrom = lowerBound(lane.skipped, list[0]?.b0 ?? v0, (e) => e._t);
    for (let i = sFrom; i < lane.skipped.length; i++) {
      const e = lane.skipped[i];
      if (e._t >= v1) break;
      at(e._t).skipped += 1;
    }
    const max = Math.max(1, ...buckets.map((b) => b.total));
    const maxSkip = Math.max(1, ...buckets.map((b) => b.skipped));
    buckets.forEach((b, i) => {
      const bx = Math.max(LABEL_W, x(b.b0));
      const id = `b${li}-${i}`;
      if (b.total || b.skipped) {
        tipData.set(id, [
          `${clock(b.b0, startMs)} – ${clock(b.b1, startMs)}`,
          t('cron.tipBucket', { n: b.total }),
          ...kinds.filter((k) => b[k]).map((k) => `  ${t(`cron.outcome.${k}`)}: ${b[k]}`),
          b.late ? t('cron.tipBucketLate', { n: b.late }) : null,
          b.skipped ? t('cron.tipBucketSkipped', { n: b.skipped }) : null,
        ].filter(Boolean));
      }
      let yTop = rowsHeight;
      for (const k of kinds) {
        if (!b[k]) continue;
        const hgt = Math.max(1, (rowsHeight * b[k]) / max);
        yTop -= hgt;
        barsG.append(s('rect', { class: `job-bucket job-${k}`, x: bx, y: yTop, width: BUCKET_PX - 0.5, height: hgt, dataset: { tip: id, outcome: k } }));
      }
      if (b.skipped) {
        const hgt = Math.max(2, ((MARK_H - 2) * b.skipped) / maxSkip);
        marksG.append(s('rect', { class: 'mark-skip-bucket', x: bx, y: 1, width: BUCKET_PX - 0.5, height: hgt, dataset: { tip: id } }));
      }
    });
  }

  function wireChart(svg, x) {
    let down = null;
    svg.addEventListener('pointermove', (e) => {
      if (down) {
        const dx = e.clientX - down.x;
        if (Math.abs(dx) > 3) down.moved = true;
        if (down.moved && view) {
          const dv = -dx / x.k;
          const [f0, f1] = full();
          const span = down.view[1] - down.view[0];
          const v0 = Math.max(f0, Math.min(f1 - span, down.view[0] + dv));
          view = [v0, v0 + span];
          requestDraw();
        }
        return;
      }
      const id = e.target.closest?.('[data-tip]')?.dataset.tip;
      if (id && tipData.has(id)) tooltip.show(tipData.get(id), e.clientX, e.clientY);
      else tooltip.hide();
    });
    svg.addEventListener('pointerleave', () => tooltip.hide());
    svg.addEventListener('pointerdown', (e) => {
      down = { x: e.clientX, view: view ?? full(), moved: false };
      svg.setPointerCapture?.(e.pointerId);
    });
    svg.addEventListener('pointerup', (e) => {
      const d = down;
      down = null;
      if (d && !d.moved) {
        const box = svg.getBoundingClientRect();
        const px = e.clientX - box.left;
        if (px >= LABEL_W) onSeek(Math.max(0, Math.min(ctx.duration, x.invert(px))));
      }
    });
    svg.addEventListener(
      'wheel',
      (e) => {
        if (!e.ctrlKey && !e.metaKey) return;
        e.preventDefault();
        const box = svg.getBoundingClientRect();
        zoom(e.deltaY > 0 ? 1.5 : 1 / 1.5, x.invert(e.clientX - box.left));
      },
      { passive: false },
    );
  }

  let drawFrame = 0;
  function requestDraw() {
    if (drawFrame) return;
    drawFrame = requestAnimationFrame(() => {
      drawFrame = 0;
      draw();
    });
  }

  // --- the schedule explainer ------------------------------------------------------------------

  // The explainer's elements live as long as the view (typing in them is never interrupted).
  const exInput = h('input', { type: 'text', id: 'cron-schedule', spellcheck: 'false', autocomplete: 'off', size: '18' });
  const exZone = h('select', { id: 'cron-zone' });
  const exWords = h('p', { class: 'cron-words', id: 'cron-words' });
  const exList = h('ol', { class: 'cron-next', id: 'cron-next' });
  const exTitle = h('h3', {});
  const exScheduleLabel = h('span', {});
  const exZoneLabel = h('span', {});
  const exAfter = h('p', { class: 'muted small' });
  const exNote = h('p', { class: 'muted small' });
  explainer.append(
    exTitle,
    h('div', { class: 'cron-explainer-row' }, h('label', { class: 'field' }, exScheduleLabel, exInput), h('label', { class: 'field' }, exZoneLabel, exZone)),
    exWords,
    exAfter,
    exList,
    exNote,
  );
  explainer.hidden = true;
  let exFor = ''; // the CronJob the fields were filled for
  exInput.addEventListener('input', () => {
    scheduleOverride = exInput.value;
    fillNext();
  });
  exZone.addEventListener('change', () => {
    zone = exZone.value;
    fillNext();
  });

  function localZone() {
    try {
      return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    } catch {
      return 'UTC';
    }
  }

  function fillNext() {
    if (!ctx) return;
    const sched = exInput.value.trim();
    const startMs = Date.parse(ctx.start);
    const from = new Date(startMs + Math.floor(time) * 1000).toISOString().replace('.000Z', 'Z');
    exAfter.textContent = t('cron.nextAfter', { at: formatDuration(time) });
    try {
      exWords.textContent = engine.cronExplain(sched, getLanguage()) ?? '';
      exWords.classList.remove('error');
      const next = engine.cronNext(sched, from, zone, 5) ?? [];
      fill(
        exList,
        next.map((r) => h('li', {}, h('code', {}, r), ' ', h('span', { class: 'muted' }, `+${formatDuration((Date.parse(r) - startMs) / 1000)}`))),
        next.length ? null : h('li', { class: 'muted' }, t('cron.never')),
      );
    } catch (e) {
      exWords.textContent = e?.message ?? String(e);
      exWords.classList.add('error');
      exList.replaceChildren();
    }
  }

  function renderExplainer() {
    const cj = current();
    explainer.hidden = !cj;
    if (!cj) return;
    const key = `${cj.namespace}/${cj.name}|${cj.schedule}|${cj.timeZone}`;
    if (key !== exFor) {
      exFor = key;
      scheduleOverride = null;
      zone = cj.timeZone || 'UTC';
    }
    if (document.activeElement !== exInput) exInput.value = scheduleOverride ?? cj.schedule;
    const zones = [...new Set([cj.timeZone, ...ZONES, localZone()].filter(Boolean))];
    const zonesKey = `${getLanguage()}|${zones.join(',')}`;
    if (exZone.dataset.key !== zonesKey) {
      exZone.dataset.key = zonesKey;
      exZone.replaceChildren(...zones.map((z) => h('option', { value: z }, z === cj.timeZone ? `${z} (${t('cron.specZone')})` : z)));
    }
    exZone.value = zone;
    exTitle.textContent = t('cron.explainTitle');
    exScheduleLabel.textContent = t('cron.schedule');
    exZoneLabel.textContent = t('cron.zone');
    exNote.textContent = t('cron.zoneNote');
    fillNext();
  }

  function translateStatic() {
    intro.textContent = t('cron.intro');
    cjLabel.textContent = t('cron.cronJob');
    zoomIn.title = t('cron.zoomIn');
    zoomIn.setAttribute('aria-label', t('cron.zoomIn'));
    zoomOut.title = t('cron.zoomOut');
    zoomOut.setAttribute('aria-label', t('cron.zoomOut'));
    zoomFit.textContent = t('cron.zoomFit');
    legend.replaceChildren(
      ...legendItems(['running', 'complete', 'failed', 'replaced', 'history', 'skipped', 'late', 'tick', 'suspended'],
        'swatch-', (k) => t(`cron.legend.${k}`)),
    );
  }

  redrawOnResize(chartHost, () => Boolean(ctx), () => requestDraw());

  return {
    /**
     * New inputs: ctx = {cronJobs: [{name, namespace, schedule, timeZone, policy}], start (RFC 3339),
     * duration (s), key (changes when the simulation's inputs change), time}.
     */
    update(next) {
      const prevDuration = ctx?.duration;
      if (!next.cronJobs.length) {
        ctx = null;
        generation += 1;
        lanes = [];
        laneKey = '';
        return;
      }
      ctx = next;
      time = next.time ?? time;
      if (prevDuration !== next.duration) view = null;
      const names = next.cronJobs.map((c) => `${c.namespace}/${c.name}`);
      if (!names.includes(selected)) selected = names[0] ?? '';
      cjSelect.replaceChildren(...names.map((n) => h('option', { value: n }, n)));
      cjSelect.value = selected;
      cjSelect.disabled = names.length < 2;
      refresh();
    },
    setTime(sec) {
      time = sec;
      const svg = chartHost.querySelector('svg');
      const cursor = svg?.querySelector('#cron-cursor');
      if (cursor && svg._scale) {
        const x = svg._scale;
        cursor.setAttribute('x1', x(sec));
        cursor.setAttribute('x2', x(sec));
        cursor.style.display = sec >= x.domain[0] && sec <= x.domain[1] ? '' : 'none';
      }
    },
    /** Shows the next times after the scrubber's time (on release, not every frame). */
    refreshExplainer: () => {
      if (ctx) renderExplainer();
    },
    rerender() {
      if (!ctx) return translateStatic();
      draw();
      renderExplainer();
    },
    /** For tests: the window shown and the mode. */
    state: () => ({ view: view ?? full(), mode: chartHost.dataset.mode, lanes: lanes.map((l) => ({ policy: l.policy, status: l.status, jobs: l.jobs?.length ?? 0 })) }),
    zoomTo(v0, v1) {
      view = [v0, v1];
      draw();
    },
  };
}
