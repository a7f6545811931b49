// www/js/kubectl-panel.js — the `kubectl get` panel: exactly what `kubectl get <kind> -A [-o wide]` prints
// at the scrubber's time (pg.get, computed in a background lane). A kind selector and an -o wide
// toggle; while the scrubber is dragged or playing, requests are throttled (one at most every
// THROTTLE_MS, the last one always sent) and the lane runs only the newest waiting one.
import { h } from './format.js';
import { t } from './i18n/index.js';
import { formatDuration } from './model.js';

export const KINDS = ['pods', 'ds', 'rs', 'deploy', 'jobs', 'cronjobs', 'nodes'];
const THROTTLE_MS = 150;

/**
 * Builds the panel in `container`. `fetch(kind, wide, seconds)` returns a Promise of the table text
 * (rejecting with an Error; a rejection named Superseded is ignored).
 * Returns { setTime(s), refresh(), clear(), rerender() }.
 */
export function createKubectlPanel(container, { fetch }) {
  let kind = 'pods';
  let wide = false;
  let time = 0;
  let shown = null; // {kind, wide, time}
  let seq = 0;

  const kindSelect = h('select', { id: 'kubectl-kind' }, KINDS.map((k) => h('option', { value: k }, k)));
  const wideBox = h('input', { type: 'checkbox', id: 'kubectl-wide' });
  const command = h('code', { class: 'kubectl-command', id: 'kubectl-command' });
  const state = h('span', { class: 'kubectl-state muted', id: 'kubectl-state', 'aria-live': 'polite' });
  const out = h('pre', { class: 'kubectl-out', id: 'kubectl-out', tabindex: '0' });
  const kindLabel = h('span', {});
  const wideLabel = h('span', {});
  container.replaceChildren(
    h(
      'div',
      { class: 'kubectl-controls' },
      h('label', { class: 'field' }, kindLabel, kindSelect),
      h('label', { class: 'check' }, wideBox, wideLabel),
      command,
      state,
    ),
    out,
  );

  const translate = () => {
    kindLabel.textContent = t('kubectl.kind');
    wideLabel.textContent = t('kubectl.wide');
    out.setAttribute('aria-label', t('kubectl.output'));
    renderCommand();
  };
  const renderCommand = () => {
    command.textContent = `$ kubectl get ${kind} -A${wide ? ' -o wide' : ''}   # ${t('timeline.at', { s: formatDuration(time) })}`;
  };

  const request = async () => {
    const my = ++seq;
    const want = { kind, wide, time };
    state.textContent = t('kubectl.updating');
    out.setAttribute('aria-busy', 'true');
    try {
      const text = await fetch(want.kind, want.wide, want.time);
      if (my !== seq) return;
      // kubectl prints this (on stderr) when the list is empty.
      out.textContent = text || 'No resources found\n';
      out.classList.remove('error');
      shown = want;
      out.dataset.at = String(want.time);
      out.dataset.kind = want.kind;
      state.textContent = '';
    } catch (e) {
      if (e?.name === 'Superseded' || e?.constructor?.name === 'Superseded' || e?.message === 'superseded') return;
      if (my !== seq) return;
      out.textContent = e?.message ?? String(e);
      out.classList.add('error');
      state.textContent = '';
    } finally {
      if (my === seq) out.removeAttribute('aria-busy');
    }
  };
  // Throttled: the first call runs at once, later ones at most every THROTTLE_MS, the last one always.
  let last = 0;
  let timer = 0;
  const requestSoon = () => {
    const wait = last + THROTTLE_MS - performance.now();
    clearTimeout(timer);
    if (wait <= 0) {
      last = performance.now();
      request();
    } else {
      timer = setTimeout(() => {
        last = performance.now();
        request();
      }, wait);
    }
  };
  requestSoon.cancel = () => clearTimeout(timer);

  kindSelect.addEventListener('change', () => {
    kind = kindSelect.value;
    renderCommand();
    requestSoon.cancel();
    request();
  });
  wideBox.addEventListener('change', () => {
    wide = wideBox.checked;
    renderCommand();
    requestSoon.cancel();
    request();
  });
  translate();

  return {
    /** Shows the moment `s` (throttled). */
    setTime(s) {
      time = s;
      renderCommand();
      if (shown && shown.time === s && shown.kind === kind && shown.wide === wide) return;
      requestSoon();
    },
    /** Asks again now (the inputs changed). */
    refresh() {
      shown = null;
      requestSoon.cancel();
      request();
    },
    clear() {
      shown = null;
      seq += 1;
      out.textContent = '';
      delete out.dataset.at;
      state.textContent = '';
    },
    rerender: translate,
  };
}
