// www/js/svg.js — small helpers shared by the SVG charts (CronJob timeline, Job Gantt): an SVG element
// builder, a time scale with "nice" axis ticks, a hover tooltip, the legend and redraw-on-resize.
import { formatDuration } from './model.js';
import { h } from './format.js';

const NS = 'http://www.w3.org/2000/svg';

/** Builds an SVG element: s('rect', {x: 1, class: 'bar'}, child…). */
export function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k === 'dataset') for (const [dk, dv] of Object.entries(v)) el.dataset[dk] = dv;
    else if (k === 'text') el.textContent = v;
    else el.setAttribute(k, String(v));
  }
  for (const c of children.flat(Infinity)) if (c != null && c !== false) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

const STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800, 1209600, 2592000, 7776000];

/** A linear scale from seconds [v0, v1] to pixels [x0, x1], with `ticks(minGapPx)`. */
export function timeScale(v0, v1, x0, x1) {
  const k = (x1 - x0) / Math.max(1e-9, v1 - v0);
  const scale = (v) => x0 + (v - v0) * k;
  scale.invert = (x) => v0 + (x - x0) / k;
  scale.k = k;
  scale.domain = [v0, v1];
  scale.range = [x0, x1];
  scale.ticks = (minGap = 80) => {
    const step = STEPS.find((st) => st * k >= minGap) ?? STEPS.at(-1);
    const out = [];
    for (let v = Math.ceil(v0 / step) * step; v <= v1 + 1e-9; v += step) out.push(v);
    return { step, values: out };
  };
  return scale;
}

/** An axis label for `v` seconds from the start: `+1m30s`, or the wall time when `startMs` is given. */
export function axisLabel(v, step, startMs) {
  if (startMs == null) return `+${formatDuration(v)}`;
  const d = new Date(startMs + v * 1000);
  const iso = d.toISOString();
  if (step >= 86400) return iso.slice(5, 10);
  if (step >= 60) return iso.slice(11, 16) + (iso.slice(11, 16) === '00:00' ? ` ${iso.slice(5, 10)}` : '');
  return iso.slice(11, 19);
}

/** Legend items: one `<li>` per key with a `swatch ${swatchPrefix}${key}` and the text `label(key)`. */
export function legendItems(keys, swatchPrefix, label) {
  return keys.map((k) => h('li', {}, h('span', { class: `swatch ${swatchPrefix}${k}`, 'aria-hidden': 'true' }), label(k)));
}

/** Calls `draw` when `el` gets more than 4 px wider or narrower while `active()` holds. */
export function redrawOnResize(el, active, draw) {
  if (typeof ResizeObserver !== 'function') return;
  let lastWidth = 0;
  new ResizeObserver(() => {
    const w = el.clientWidth;
    if (active() && Math.abs(w - lastWidth) > 4) {
      lastWidth = w;
      draw();
    }
  }).observe(el);
}

/** A tooltip element inside `host` (position: relative): show(html-free lines, x, y), hide(). */
export function createTooltip(host) {
  const tip = document.createElement('div');
  tip.className = 'chart-tip';
  tip.setAttribute('role', 'tooltip');
  tip.hidden = true;
  host.append(tip);
  return {
    el: tip,
    show(lines, clientX, clientY) {
      tip.replaceChildren(
        ...lines.map((l, i) => {
          const p = document.createElement(i === 0 ? 'strong' : 'div');
          p.textContent = l;
          return p;
        }),
      );
      tip.hidden = false;
      const box = host.getBoundingClientRect();
      const w = tip.offsetWidth;
      let x = clientX - box.left + 12;
      if (x + w > box.width) x = Math.max(0, clientX - box.left - w - 12);
      tip.style.left = `${x}px`;
      tip.style.top = `${clientY - box.top + 14}px`;
    },
    hide() {
      tip.hidden = true;
    },
  };
}
