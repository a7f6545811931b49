// www/js/node-grid.js — the DaemonSet placement grid: one card per node (labels, taints, capacity bars,
// the DaemonSet pods it gets, and for each DaemonSet without a pod there the reason in en/ko plus the
// upstream Kubernetes message). Virtualised: only the cards in view exist in the DOM, so 5,000 nodes
// scroll smoothly.
import { h, formatCpu, formatMemory, formatTaint, splitLabels } from './format.js';
import { t, getLanguage } from './i18n/index.js';

export const CARD_HEIGHT = 272;
const GAP = 12;
const MIN_CARD_WIDTH = 250;
const OVERSCAN_ROWS = 2;

/** Builds the grid inside `container`. Returns { update, rerender, clear }. */
export function createNodeGrid(container) {
  let placement = null; // {daemonSets:[…]}
  let nodes = []; // check().nodes
  let items = []; // [{node, entries:[{ds, entry}]}] after filtering
  let maxima = { cpu: 1, memory: 1, pods: 1 };
  let selected = ''; // '' = all DaemonSets, else "namespace/name"
  let filterText = '';
  let onlyMissing = false;
  let lastRange = '';
  let frame = 0;

  const dsSelect = h('select', { id: 'grid-ds' });
  const filterInput = h('input', { type: 'search', id: 'grid-filter', autocomplete: 'off' });
  const missingBox = h('input', { type: 'checkbox', id: 'grid-missing' });
  const count = h('span', { class: 'grid-count', id: 'grid-count', 'aria-live': 'polite' });
  const desired = h('ul', { class: 'grid-desired', id: 'grid-desired' });
  const message = h('p', { class: 'muted', id: 'grid-message', hidden: true });
  const spacer = h('div', { class: 'grid-spacer', role: 'list' });
  const viewport = h('div', { class: 'grid-viewport', tabindex: '0' }, spacer);
  const dsLabel = h('span', {});
  const filterLabel = h('span', {});
  const missingLabel = h('span', {});
  const controls = h(
    'div',
    { class: 'grid-controls' },
    h('label', { class: 'field' }, dsLabel, dsSelect),
    h('label', { class: 'field' }, filterLabel, filterInput),
    h('label', { class: 'check' }, missingBox, missingLabel),
    count,
  );
  const intro = h('p', { class: 'hint' });
  container.replaceChildren(intro, controls, desired, message, viewport);

  dsSelect.addEventListener('change', () => {
    selected = dsSelect.value;
    refilter();
  });
  filterInput.addEventListener('input', () => {
    filterText = filterInput.value.trim().toLowerCase();
    refilter();
  });
  missingBox.addEventListener('change', () => {
    onlyMissing = missingBox.checked;
    refilter();
  });
  viewport.addEventListener('scroll', schedule, { passive: true });
  if (typeof ResizeObserver === 'function') new ResizeObserver(() => schedule(true)).observe(viewport);

  function dsKey(ds) {
    return `${ds.namespace}/${ds.name}`;
  }

  function translateStatic() {
    intro.textContent = t('grid.intro');
    dsLabel.textContent = t('grid.daemonSet');
    filterLabel.textContent = t('grid.filter');
    filterInput.placeholder = t('grid.filterPlaceholder');
    missingLabel.textContent = t('grid.onlyMissing');
    viewport.setAttribute('aria-label', t('grid.title'));
  }

  function fillSelect() {
    const dss = placement?.daemonSets ?? [];
    const keys = new Set(dss.map(dsKey));
    if (selected && !keys.has(selected)) selected = '';
    dsSelect.replaceChildren(
      h('option', { value: '' }, t('grid.all')),
      ...dss.map((ds) => h('option', { value: dsKey(ds) }, `${ds.namespace}/${ds.name}`)),
    );
    dsSelect.value = selected;
    desired.replaceChildren(
      ...dss.map((ds) => h('li', {}, h('code', {}, `${ds.namespace}/${ds.name}`), ' ', t('grid.desired', { n: ds.desired }))),
    );
  }

  /** Recomputes the list of node items after the data or a filter changed. */
  function refilter() {
    const dss = (placement?.daemonSets ?? []).filter((ds) => !selected || dsKey(ds) === selected);
    const lookups = dss.map((ds) => [ds, new Map((ds.nodes ?? []).map((e) => [e.node, e]))]);
    // Every node of the cluster, in the order typed; a node place() knows but check() did not is kept too.
    const byName = new Map(nodes.map((n) => [n.name, n]));
    const order = nodes.map((n) => n.name);
    for (const ds of placement?.daemonSets ?? []) for (const e of ds.nodes ?? []) if (!byName.has(e.node)) {
      byName.set(e.node, { name: e.node, labels: {}, taints: [] });
      order.push(e.node);
    }
    maxima = { cpu: 1, memory: 1, pods: 1 };
    for (const n of byName.values()) {
      maxima.cpu = Math.max(maxima.cpu, n.cpuMilli ?? 0);
      maxima.memory = Math.max(maxima.memory, n.memory ?? 0);
      maxima.pods = Math.max(maxima.pods, n.pods ?? 0);
    }
    items = [];
    for (const name of order) {
      const node = byName.get(name);
      const entries = lookups.map(([ds, map]) => ({ ds, entry: map.get(name) ?? null }));
      const missing = entries.some((x) => !x.entry?.shouldRun);
      if (onlyMissing && !missing) continue;
      if (filterText && !searchText(node).includes(filterText)) continue;
      items.push({ node, entries, missing });
    }
    count.textContent = t('grid.count', { shown: items.length, total: byName.size });
    viewport.scrollTop = Math.min(viewport.scrollTop, Math.max(0, layout().total - viewport.clientHeight));
    schedule(true);
  }

  function searchText(n) {
    if (!n._search) {
      n._search = [n.name, ...Object.entries(n.labels ?? {}).map(([k, v]) => `${k}=${v}`), ...(n.taints ?? []).map(formatTaint)]
        .join(' ')
        .toLowerCase();
    }
    return n._search;
  }

  function layout() {
    const width = Math.max(1, spacer.clientWidth || viewport.clientWidth);
    const cols = Math.max(1, Math.floor((width + GAP) / (MIN_CARD_WIDTH + GAP)));
    const cardWidth = (width - GAP * (cols - 1)) / cols;
    const rows = Math.ceil(items.length / cols);
    const rowHeight = CARD_HEIGHT + GAP;
    return { cols, cardWidth, rows, rowHeight, total: rows ? rows * rowHeight - GAP : 0 };
  }

  function schedule(force = false) {
    if (force === true) lastRange = '';
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      render();
    });
  }

  function render() {
    const L = layout();
    spacer.style.height = `${L.total}px`;
    const maxHeight = Math.min(window.innerHeight * 0.7, 760);
    viewport.style.height = `${Math.max(CARD_HEIGHT / 2, Math.min(L.total + 2, maxHeight))}px`;
    const top = viewport.scrollTop;
    const height = viewport.clientHeight || 600;
    const firstRow = Math.max(0, Math.floor(top / L.rowHeight) - OVERSCAN_ROWS);
    const lastRow = Math.min(L.rows - 1, Math.ceil((top + height) / L.rowHeight) + OVERSCAN_ROWS);
    const range = `${firstRow}:${lastRow}:${L.cols}:${Math.round(L.cardWidth)}`;
    if (range === lastRange) return;
    lastRange = range;
    const cards = [];
    for (let r = firstRow; r <= lastRow; r++) {
      for (let c = 0; c < L.cols; c++) {
        const i = r * L.cols + c;
        if (i >= items.length) break;
        const card = renderCard(items[i], i);
        card.style.transform = `translate(${c * (L.cardWidth + GAP)}px, ${r * L.rowHeight}px)`;
        card.style.width = `${L.cardWidth}px`;
        card.style.height = `${CARD_HEIGHT}px`;
        cards.push(card);
      }
    }
    spacer.replaceChildren(...cards);
  }

  function bar(kind, value, max, text) {
    const pct = Math.max(2, Math.round((100 * (value ?? 0)) / (max || 1)));
    return h(
      'div',
      { class: 'bar-row' },
      h('span', { class: 'bar-label' }, t(`grid.${kind}`)),
      h('span', { class: 'bar', role: 'presentation' }, h('span', { class: `bar-fill bar-${kind}`, style: { width: `${pct}%` } })),
      h('span', { class: 'bar-value' }, text),
    );
  }

  function reasonItem({ ds, entry }) {
    const lang = getLanguage();
    const name = h('code', { class: 'ds-name' }, ds.name);
    if (!entry) return h('li', { class: 'ds-no' }, h('span', { class: 'mark', 'aria-hidden': 'true' }, '✗'), name, ' ', t('grid.unknown'));
    if (entry.shouldRun) {
      return h('li', { class: 'ds-ok' }, h('span', { class: 'mark', 'aria-hidden': 'true' }, '✓'), name, ' ', t('grid.runs'));
    }
    const explains = entry.explain?.length ? entry.explain : (entry.reasons ?? []).map((r) => ({ upstream: r, en: r, ko: r }));
    return h(
      'li',
      { class: 'ds-no' },
      h('span', { class: 'mark', 'aria-hidden': 'true' }, '✗'),
      name,
      ' ',
      entry.shouldContinueRunning ? t('grid.keepsRunning') : t('grid.noPod'),
      explains.map((x) =>
        h(
          'div',
          { class: 'reason' },
          h('span', { class: 'reason-text', lang }, x[lang] ?? x.en ?? x.upstream),
          x.upstream ? h('code', { class: 'upstream', title: t('grid.upstream'), lang: 'en' }, x.upstream) : null,
        ),
      ),
    );
  }

  function renderCard(item, index) {
    const n = item.node;
    const [own, standard] = splitLabels(n.labels);
    return h(
      'article',
      {
        class: `node-card${item.missing ? ' missing' : ''}`,
        role: 'listitem',
        'aria-posinset': index + 1,
        'aria-setsize': items.length,
        dataset: { node: n.name },
      },
      h(
        'header',
        { class: 'node-head' },
        h('code', { class: 'node-name', title: n.name }, n.name),
        n.ready === false ? h('span', { class: 'badge bad' }, t('node.notReady')) : h('span', { class: 'badge ok' }, t('node.ready')),
        n.unschedulable ? h('span', { class: 'badge warn' }, t('node.cordoned')) : null,
      ),
      h(
        'div',
        { class: 'node-body' },
        // What the DaemonSets do here comes first: it is what the card is for.
        h('ul', { class: 'ds-list' }, item.entries.map(reasonItem)),
        n.cpuMilli != null
          ? h(
              'div',
              { class: 'bars' },
              bar('cpu', n.cpuMilli, maxima.cpu, formatCpu(n.cpuMilli)),
              bar('memory', n.memory, maxima.memory, formatMemory(n.memory)),
              bar('pods', n.pods, maxima.pods, String(n.pods)),
            )
          : null,
        h(
          'div',
          { class: 'chips' },
          own.map((l) => h('code', { class: 'chip' }, l)),
          standard.length ? h('span', { class: 'chip chip-quiet', title: standard.join('\n') }, t('summary.standardLabels', { n: standard.length })) : null,
        ),
        n.taints?.length ? h('div', { class: 'chips' }, n.taints.map((x) => h('code', { class: 'chip chip-taint' }, formatTaint(x)))) : null,
      ),
    );
  }

  let messageKey = null;
  let messageParams = {};

  /** Shows the message `key` above the grid; `hideGrid` hides the cards (errors to fix, a failure). */
  function showMessage(key, params = {}, { hideGrid = false } = {}) {
    messageKey = key;
    messageParams = params;
    message.textContent = t(key, params);
    message.hidden = false;
    viewport.hidden = hideGrid;
    controls.hidden = hideGrid;
  }

  function hideMessage() {
    messageKey = null;
    message.hidden = true;
    viewport.hidden = false;
    controls.hidden = false;
  }

  translateStatic();

  return {
    /** New data: `newPlacement` from place(), `nodeList` from check().nodes. */
    update(newPlacement, nodeList) {
      placement = newPlacement;
      nodes = nodeList ?? [];
      hideMessage();
      if (!placement?.daemonSets?.length) showMessage('grid.noDaemonSets');
      fillSelect();
      refilter();
    },
    showMessage,
    /** Re-renders the texts after a language change. */
    rerender() {
      translateStatic();
      fillSelect();
      refilter();
      if (messageKey) message.textContent = t(messageKey, messageParams);
    },
    /** Number of card elements in the DOM (for tests). */
    renderedCards: () => spacer.childElementCount,
  };
}
