// www/js/format.js — small shared helpers: a DOM builder and formatters for CPU, memory, taints, labels.

/**
 * Builds an element: h('li', {class: 'x', onclick: fn, 'aria-label': '…'}, child, 'text', …).
 * Attributes with value null/undefined/false are skipped; `true` sets an empty attribute.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v == null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'style' && typeof v === 'object') Object.assign(el.style, v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c == null || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Replaces `el`'s children like replaceChildren, skipping null/false and flattening arrays. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** Escapes text for use inside HTML markup. */
export function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** CPU in milli-cores as kubectl would print it: `4`, `3500m`. */
export function formatCpu(milli) {
  if (typeof milli !== 'number' || !Number.isFinite(milli)) return '?';
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}

const BINARY = [
  ['Ei', 2 ** 60],
  ['Pi', 2 ** 50],
  ['Ti', 2 ** 40],
  ['Gi', 2 ** 30],
  ['Mi', 2 ** 20],
  ['Ki', 2 ** 10],
];

/** Memory in bytes as a quantity: exact binary suffix when it divides, else one decimal (`7.5Gi`). */
export function formatMemory(bytes) {
  if (typeof bytes !== 'number' || !Number.isFinite(bytes)) return '?';
  for (const [suffix, size] of BINARY) {
    if (bytes >= size && bytes % size === 0) return `${bytes / size}${suffix}`;
  }
  for (const [suffix, size] of BINARY) {
    if (bytes >= size) return `${(bytes / size).toFixed(1)}${suffix}`;
  }
  return String(bytes);
}

/** A taint as `kubectl taint` writes it: `key=value:Effect` or `key:Effect`. */
export function formatTaint(t) {
  return `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`;
}

/** Labels the kubelet adds by itself; shown quietly. */
export const STANDARD_LABELS = new Set(['kubernetes.io/hostname', 'kubernetes.io/os', 'kubernetes.io/arch']);

/** Splits labels into [own, standard] arrays of `k=v` strings. */
export function splitLabels(labels = {}) {
  const own = [];
  const standard = [];
  for (const [k, v] of Object.entries(labels)) (STANDARD_LABELS.has(k) ? standard : own).push(`${k}=${v}`);
  return [own, standard];
}

/** A human-readable byte count for status messages (`12.3 kB`). */
export function formatBytes(n) {
  if (n < 1000) return `${n} B`;
  if (n < 1e6) return `${(n / 1000).toFixed(1)} kB`;
  return `${(n / 1e6).toFixed(1)} MB`;
}

/** Returns a function that runs `fn` once `ms` after the last call; `.flush()` runs a pending call now. */
export function debounce(fn, ms) {
  let timer = null;
  let pending = null;
  const run = () => {
    timer = null;
    const args = pending;
    pending = null;
    if (args) fn(...args);
  };
  const d = (...args) => {
    pending = args;
    clearTimeout(timer);
    timer = setTimeout(run, ms);
  };
  d.flush = () => {
    clearTimeout(timer);
    run();
  };
  d.cancel = () => {
    clearTimeout(timer);
    timer = null;
    pending = null;
  };
  return d;
}
