// www/js/node-grid.js — the node grid: one card per node with its labels, taints and capacity bars, the
// pods on it at the scrubber's time (from the simulation's timeline), and for each DaemonSet without a
// pod there the reason in en/ko plus the upstream Kubernetes message (pg.place). Pending pods (no node
// at that time) are listed in a strip above the cards with their FailedScheduling message; clicking a
// pod asks for its details. Virtualised: only the cards in view exist in the DOM, so 5,000 nodes scroll
// and follow the scrubber smoothly.
import { h, formatCpu, formatMemory, formatTaint, splitLabels, fill } from './format.js';
import { t, getLanguage } from './i18n/index.js';
import { formatDuration } from './model.js';

export const CARD_HEIGHT = 300;
const GAP = 12;
const MIN_CARD_WIDTH = 250;
const OVERSCAN_ROWS = 2;
const MAX_POD_CHIPS = 12;
const MAX_PENDING = 40;

/**
 * Builds the grid inside `container`. `onPod(pod)` runs when a pod is clicked.
 * Returns { update, showMessage, rerender, renderedCards, setSelectedPod }.
 */
export function createNodeGrid(container, { onPod = () => {} } = {}) {
  let placement = null; // {daemonSets:[…]}
  let nodes = []; // nodes as they are at the time shown
  let sim = null; // {time, byNode, pending, requestsOf, stateAt} or null before a simulation
  let items = []; // [{node, entries, pods, used, missing}] after filtering
  let maxima = { cpu: 1, memory: 1, pods: 1 };
  let selected = ''; // '' = all DaemonSets, else "namespace/name"
  let selectedPod = '';
  let filterText = '';
  let onlyMissing = false;
  let lastRange = '';
  let lastCount = 0;
  let frame = 0;
  let version = 0;

  const dsSelect = h('select', { id: 'grid-ds' });
  const filterInput = h('input', { type: 'search', id: 'grid-filter', autocomplete: 'off' });
  const missingBox = h('input', { type: 'checkbox', id: 'grid-missing' });
  const count = h('span', { class: 'grid-count', id: 'grid-count', 'aria-live': 'polite' });
  const desired = h('ul', { class: 'grid-desired', id: 'grid-desired' });
  const message = h('p', { class: 'muted', id: 'grid-message', hidden: true });
  const pendingBox = h('div', { class: 'pending-strip', id: 'grid-pending', hidden: true });
  const spacer = h('div', { class: 'grid-spacer', role: 'list' });
  const viewport = h('div', { class: 'grid-viewport', tabindex: '0' }, spacer);
  const dsLabel = h('span', {});
  const filterLabel = h('span', {});
  const missingLabel = h('span', {});
  const when = h('p', { class: 'grid-when', id: 'grid-when' });
  const controls = h(
    'div',
    { class: 'grid-controls' },
    h('label', { class: 'field' }, dsLabel, dsSelect),
    h('label', { class: 'field' }, filterLabel, filterInput),
    h('label', { class: 'check' }, missingBox, missingLabel),
    count,
  );
  const intro = h('p', { class: 'hint' });
  container.replaceChildren(intro, when, controls, desired, pendingBox, message, viewport);

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
  // One listener for every pod button of the cards and the pending strip.
  container.addEventListener('click', (e) => {
    const btn = e.target.closest?.('[data-pod]');
    if (!btn || !container.contains(btn)) return;
    const pod = podIndex.get(btn.dataset.pod);
    if (pod) onPod(pod);
  });
  let podIndex = new Map();

  function dsKey(ds) {
    return `${ds.namespace}/${ds.name}`;
  }

  /** Sets an element's text only when it changes (each change costs a layout of the page). */
  const setText = (el, text) => {
    if (el.textContent !== text) el.textContent = text;
  };

  function translateStatic() {
    setText(intro, t(sim ? 'grid.introSim' : 'grid.intro'));
    setText(dsLabel, t('grid.daemonSet'));
    setText(filterLabel, t('grid.filter'));
    filterInput.placeholder = t('grid.filterPlaceholder');
    setText(missingLabel, t('grid.onlyMissing'));
    viewport.setAttribute('aria-label', t('grid.title'));
    setText(when, sim ? t('grid.when', { at: formatDuration(sim.time) }) : t('grid.whenStart'));
  }

  let selectKey = '';
  let desiredKey = '';
  function fillSelect() {
    const dss = placement?.daemonSets ?? [];
    const keys = new Set(dss.map(dsKey));
    if (selected && !keys.has(selected)) selected = '';
    const sk = `${getLanguage()}|${[...keys].join(',')}`;
    if (sk !== selectKey) {
      selectKey = sk;
      dsSelect.replaceChildren(
        h('option', { value: '' }, t('grid.all')),
        ...dss.map((ds) => h('option', { value: dsKey(ds) }, `${ds.namespace}/${ds.name}`)),
      );
      dsSelect.disabled = dss.length === 0;
    }
    if (dsSelect.value !== selected) dsSelect.value = selected;
    const counts = dss.map((ds) => [ds.desired, sim ? countCurrent(ds) : null]);
    const dk = `${sk}|${JSON.stringify(counts)}`;
    if (dk === desiredKey) return;
    desiredKey = dk;
    fill(desired, 
      ...dss.map((ds, i) => {
        const current = counts[i][1];
        return h(
          'li',
          { dataset: { ds: dsKey(ds) } },
          h('code', {}, `${ds.namespace}/${ds.name}`),
          ' ',
          t('grid.desired', { n: ds.desired }),
          current != null ? h('span', { class: 'muted' }, ` · ${t('grid.current', { n: current })}`) : null,
        );
      }),
    );
  }

  function countCurrent(ds) {
    let n = 0;
    for (const pods of sim.byNode.values()) if (pods.some((p) => isPodOf(p, ds))) n += 1;
    return n;
  }

  function isPodOf(p, ds) {
    return p.owner?.kind === 'DaemonSet' && p.owner.name === ds.name && p.namespace === ds.namespace;
  }

  /** Recomputes the list of node items after the data or a filter changed. */
  function refilter() {
    const dss = (placement?.daemonSets ?? []).filter((ds) => !selected || dsKey(ds) === selected);
    const lookups = dss.map((ds) => [ds, new Map((ds.nodes ?? []).map((e) => [e.node, e]))]);
    // Every node of the cluster, in the order typed; a node place() knows but the list does not is kept too.
    const byName = new Map(nodes.map((n) => [n.name, n]));
    const order = nodes.map((n) => n.name);
    if (!sim) {
      for (const ds of placement?.daemonSets ?? []) for (const e of ds.nodes ?? []) if (!byName.has(e.node)) {
        byName.set(e.node, { name: e.node, labels: {}, taints: [] });
        order.push(e.node);
      }
    }
    maxima = { cpu: 1, memory: 1, pods: 1 };
    for (const n of byName.values()) {
      maxima.cpu = Math.max(maxima.cpu, n.cpuMilli ?? 0);
      maxima.memory = Math.max(maxima.memory, n.memory ?? 0);
      maxima.pods = Math.max(maxima.pods, n.pods ?? 0);
    }
    podIndex = new Map();
    items = [];
    for (const name of order) {
      const node = byName.get(name);
      const pods = sim?.byNode.get(name) ?? [];
      const entries = lookups.map(([ds, map]) => ({ ds, entry: map.get(name) ?? null, pods: sim ? pods.filter((p) => isPodOf(p, ds)) : null }));
      const missing = entries.some((x) => (sim ? x.pods.length === 0 : !x.entry?.shouldRun));
      if (onlyMissing && !missing) continue;
      if (filterText && !searchText(node).includes(filterText)) continue;
      let used = null;
      if (sim) {
        used = { cpu: 0, memory: 0, pods: pods.length };
        for (const p of pods) {
          const r = sim.requestsOf(p);
          used.cpu += r.cpu;
          used.memory += r.memory;
        }
      }
      items.push({ node, entries, pods, used, missing });
    }
    for (const p of sim?.pending ?? []) podIndex.set(`${p.namespace}/${p.name}`, p);
    setText(count, t('grid.count', { shown: items.length, total: byName.size }));
    renderPending();
    // Keep the scroll position inside the list when it got shorter (reading the layout only then).
    if (items.length < lastCount) viewport.scrollTop = Math.min(viewport.scrollTop, Math.max(0, layout().total - viewport.clientHeight));
    lastCount = items.length;
    version += 1;
    schedule(true);
  }

  function renderPending() {
    const pending = sim?.pending ?? [];
    pendingBox.hidden = !sim || pending.length === 0;
    if (pendingBox.hidden) {
      pendingBox.replaceChildren();
      return;
    }
    const shown = pending.slice(0, MAX_PENDING);
    fill(pendingBox, 
      h('h3', {}, t('grid.pending', { n: pending.length, at: formatDuration(sim.time) })),
      h(
        'ul',
        {},
        shown.map((p) => {
          const why = sim.whyPending ? sim.whyPending(p) : p.message;
          return h(
            'li',
            { class: 'pending-pod' },
            podButton(p),
            ' ',
            why ? h('code', { class: 'upstream', lang: 'en' }, why) : h('span', { class: 'muted' }, t(sim.stateAt(p) === 'Pending' ? 'grid.notScheduledYet' : 'grid.noMessage')),
          );
        }),
      ),
      pending.length > shown.length ? h('p', { class: 'muted' }, t('grid.morePending', { n: pending.length - shown.length })) : null,
    );
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
    const range = `${firstRow}:${lastRow}:${L.cols}:${Math.round(L.cardWidth)}:${version}`;
    if (range === lastRange) return;
    lastRange = range;
    const cards = [];
    const next = new Map();
    for (let r = firstRow; r <= lastRow; r++) {
      for (let c = 0; c < L.cols; c++) {
        const i = r * L.cols + c;
        if (i >= items.length) break;
        // A card whose content did not change is kept as it is (scrubbing changes few nodes at a time).
        const sig = cardSignature(items[i], i);
        const old = cardCache.get(items[i].node.name);
        const card = old?.sig === sig ? old.el : renderCard(items[i], i);
        next.set(items[i].node.name, { sig, el: card });
        const transform = `translate(${c * (L.cardWidth + GAP)}px, ${r * L.rowHeight}px)`;
        if (card.style.transform !== transform) card.style.transform = transform;
        card.style.width = `${L.cardWidth}px`;
        card.style.height = `${CARD_HEIGHT}px`;
        cards.push(card);
      }
    }
    cardCache = next;
    // Move only what changed: unchanged cards stay in the DOM untouched.
    cards.forEach((card, i) => {
      if (spacer.children[i] !== card) spacer.insertBefore(card, spacer.children[i] ?? null);
    });
    while (spacer.children.length > cards.length) spacer.lastChild.remove();
  }

  let cardCache = new Map(); // node name → {sig, el}
  let placementId = 0;
  let lastPlacement = null;
  let nodesId = 0;
  let lastNodes = null;

  /** Everything a card shows, as a string: equal strings, equal cards. */
  function cardSignature(item, index) {
    const n = item.node;
    const pods = item.pods.map((p) => `${p.name}:${sim ? sim.stateAt(p) : ''}`).join(',');
    const entries = item.entries.map((x) => `${x.ds.namespace}/${x.ds.name}:${x.pods?.length ?? '-'}`).join(',');
    const gone = sim && n._t && sim.time >= n._t.removed;
    return [
      getLanguage(), placementId, nodesId, n.name, index, items.length, pods, entries, gone, selectedPod,
      item.used ? `${item.used.cpu}/${item.used.memory}/${item.used.pods}` : `${maxima.cpu}/${maxima.memory}/${maxima.pods}`,
      item.missing,
    ].join('|');
  }

  function bar(kind, value, max, text, title) {
    const ratio = (value ?? 0) / (max || 1);
    const pct = Math.min(100, Math.max(value ? 2 : 0, Math.round(100 * ratio)));
    return h(
      'div',
      { class: 'bar-row', title },
      h('span', { class: 'bar-label' }, t(`grid.${kind}`)),
      h(
        'span',
        { class: 'bar', role: 'meter', 'aria-valuemin': '0', 'aria-valuemax': String(max ?? 0), 'aria-valuenow': String(value ?? 0), 'aria-label': t(`grid.${kind}`) },
        h('span', { class: `bar-fill bar-${kind}${ratio > 0.9 ? ' bar-full' : ''}`, style: { width: `${pct}%` } }),
      ),
      h('span', { class: 'bar-value' }, text),
    );
  }

  function podButton(p) {
    const key = `${p.namespace}/${p.name}`;
    podIndex.set(key, p);
    const state = sim.stateAt(p);
    return h(
      'button',
      {
        type: 'button',
        class: `pod-chip pod-${state}${key === selectedPod ? ' selected' : ''}`,
        dataset: { pod: key, state },
        title: `${p.name} — ${t(`pod.state.${state}`)}`,
      },
      p.name,
    );
  }

  function explanations(entry) {
    const lang = getLanguage();
    const explains = entry.explain?.length ? entry.explain : (entry.reasons ?? []).map((r) => ({ upstream: r, en: r, ko: r }));
    return explains.map((x) =>
      h(
        'div',
        { class: 'reason' },
        h('span', { class: 'reason-text', lang }, x[lang] ?? x.en ?? x.upstream),
        x.upstream ? h('code', { class: 'upstream', title: t('grid.upstream'), lang: 'en' }, x.upstream) : null,
      ),
    );
  }

  function reasonItem({ ds, entry, pods }) {
    const name = h('code', { class: 'ds-name' }, ds.name);
    if (sim && pods.length) {
      return h('li', { class: 'ds-ok' }, h('span', { class: 'mark', 'aria-hidden': 'true' }, '✓'), name, ' ', t('grid.runs'), ' ', pods.map(podButton));
    }
    if (!entry) return h('li', { class: 'ds-no' }, h('span', { class: 'mark', 'aria-hidden': 'true' }, '✗'), name, ' ', t('grid.unknown'));
    if (entry.shouldRun) {
      if (!sim) return h('li', { class: 'ds-ok' }, h('span', { class: 'mark', 'aria-hidden': 'true' }, '✓'), name, ' ', t('grid.runs'));
      return h('li', { class: 'ds-wait' }, h('span', { class: 'mark', 'aria-hidden': 'true' }, '…'), name, ' ', t('grid.shouldRunNoPod'));
    }
    return h(
      'li',
      { class: 'ds-no' },
      h('span', { class: 'mark', 'aria-hidden': 'true' }, '✗'),
      name,
      ' ',
      entry.shouldContinueRunning ? t('grid.keepsRunning') : t('grid.noPod'),
      explanations(entry),
    );
  }

  function renderCard(item, index) {
    const n = item.node;
    const [own, standard] = splitLabels(n.labels);
    const gone = sim && n._t && sim.time >= n._t.removed;
    const others = item.pods.filter((p) => p.owner?.kind !== 'DaemonSet' || !item.entries.some((x) => isPodOf(p, x.ds)));
    return h(
      'article',
      {
        class: `node-card${item.missing ? ' missing' : ''}${n.ready === false ? ' not-ready' : ''}`,
        role: 'listitem',
        'aria-posinset': index + 1,
        'aria-setsize': items.length,
        dataset: { node: n.name, pods: item.pods.length },
      },
      h(
        'header',
        { class: 'node-head' },
        h('code', { class: 'node-name', title: n.name }, n.name),
        n.ready === false ? h('span', { class: 'badge bad' }, t('node.notReady')) : h('span', { class: 'badge ok' }, t('node.ready')),
        n.unschedulable ? h('span', { class: 'badge warn' }, t('node.cordoned')) : null,
        gone ? h('span', { class: 'badge bad' }, t('node.removed')) : null,
      ),
      h(
        'div',
        { class: 'node-body' },
        // What the DaemonSets do here comes first: it is what the card is for.
        item.entries.length ? h('ul', { class: 'ds-list' }, item.entries.map(reasonItem)) : null,
        n.cpuMilli != null
          ? h(
              'div',
              { class: 'bars' },
              item.used
                ? [
                    bar('cpu', item.used.cpu, n.cpuMilli, `${formatCpu(item.used.cpu)}/${formatCpu(n.cpuMilli)}`, t('grid.requestsOf', { what: t('grid.cpu') })),
                    bar('memory', item.used.memory, n.memory, `${formatMemory(item.used.memory)}/${formatMemory(n.memory)}`, t('grid.requestsOf', { what: t('grid.memory') })),
                    bar('pods', item.used.pods, n.pods, `${item.used.pods}/${n.pods}`, t('grid.podsOn')),
                  ]
                : [
                    bar('cpu', n.cpuMilli, maxima.cpu, formatCpu(n.cpuMilli), t('grid.allocatable')),
                    bar('memory', n.memory, maxima.memory, formatMemory(n.memory), t('grid.allocatable')),
                    bar('pods', n.pods, maxima.pods, String(n.pods), t('grid.allocatable')),
                  ],
            )
          : null,
        sim && others.length
          ? h(
              'div',
              { class: 'pod-chips' },
              others.slice(0, MAX_POD_CHIPS).map(podButton),
              others.length > MAX_POD_CHIPS ? h('span', { class: 'muted small' }, t('grid.morePods', { n: others.length - MAX_POD_CHIPS })) : null,
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
    pendingBox.hidden = hideGrid || pendingBox.hidden;
    desired.hidden = hideGrid;
  }

  function hideMessage() {
    messageKey = null;
    message.hidden = true;
    viewport.hidden = false;
    controls.hidden = false;
    desired.hidden = false;
  }

  translateStatic();

  return {
    /**
     * New data: `newPlacement` from place(), `nodeList` the nodes as they are at the time shown, and
     * `simulation` = {time, byNode, pending, requestsOf(pod), stateAt(pod)} once a run exists (null
     * shows the placement alone); `simulation.whyPending(pod)` may give a Pending pod's message.
     */
    update(newPlacement, nodeList, simulation = null) {
      if (newPlacement !== lastPlacement) {
        lastPlacement = newPlacement;
        placementId += 1;
      }
      if (nodeList !== lastNodes) {
        lastNodes = nodeList;
        nodesId += 1;
      }
      placement = newPlacement;
      nodes = nodeList ?? [];
      sim = simulation;
      hideMessage();
      if (!placement?.daemonSets?.length && !sim) showMessage('grid.noDaemonSets');
      translateStatic();
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
    /** Highlights the pod whose details are open ('' for none). */
    setSelectedPod(key) {
      selectedPod = key ?? '';
      version += 1;
      renderPending();
      schedule(true);
    },
    /** Number of card elements in the DOM (for tests). */
    renderedCards: () => spacer.childElementCount,
  };
}
