// www/js/summary.js — the "what kubeplay understood" section: the objects and nodes that check() parsed.
import { h, formatCpu, formatMemory, formatTaint, splitLabels } from './format.js';
import { t } from './i18n/index.js';

/** Rows shown in the nodes table; the node grid shows every node. */
export const MAX_NODE_ROWS = 100;

function countByKind(objects) {
  const counts = new Map();
  for (const o of objects) counts.set(o.kind, (counts.get(o.kind) ?? 0) + 1);
  return [...counts].map(([kind, n]) => `${n} ${kind}`).join(' · ');
}

function lineButton(source, line, onJump) {
  return h(
    'button',
    { type: 'button', class: 'link-btn', 'aria-label': t('summary.jumpToLine', { line }), onclick: () => onJump(source, line, 1) },
    String(line),
  );
}

function labelCell(labels) {
  const [own, standard] = splitLabels(labels);
  return h(
    'td',
    {},
    h(
      'div',
      { class: 'chips' },
      own.length ? own.map((l) => h('code', { class: 'chip' }, l)) : h('span', { class: 'muted' }, '<none>'),
    standard.length
        ? h('span', { class: 'chip chip-quiet', title: standard.join('\n') }, t('summary.standardLabels', { n: standard.length }))
        : null,
    ),
  );
}

function statusCell(n) {
  return h(
    'td',
    {},
    n.ready ? h('span', { class: 'badge ok' }, t('node.ready')) : h('span', { class: 'badge bad' }, t('node.notReady')),
    n.unschedulable ? h('span', { class: 'badge warn' }, t('node.cordoned')) : null,
  );
}

function objectsTable(objects, onJump) {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'data' },
      h('caption', { class: 'visually-hidden' }, t('summary.objects')),
      h('thead', {}, h('tr', {}, ['kind', 'namespace', 'name', 'line'].map((c) => h('th', { scope: 'col' }, t(`summary.col.${c}`))))),
      h(
        'tbody',
        {},
        objects.map((o) =>
          h(
            'tr',
            { dataset: { kind: o.kind, name: o.name } },
            h('td', {}, o.kind),
            h('td', {}, o.namespace || h('span', { class: 'muted' }, t('summary.clusterScoped'))),
            h('td', {}, h('code', {}, o.name)),
            h('td', {}, lineButton('manifests', o.line, onJump)),
          ),
        ),
      ),
    ),
  );
}

function nodesTable(nodes, onJump) {
  const shown = nodes.slice(0, MAX_NODE_ROWS);
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'data' },
      h('caption', { class: 'visually-hidden' }, t('summary.nodes')),
      h(
        'thead',
        {},
        h('tr', {}, ['name', 'labels', 'taints', 'cpu', 'memory', 'pods', 'status', 'line'].map((c) => h('th', { scope: 'col' }, t(`summary.col.${c}`)))),
      ),
      h(
        'tbody',
        {},
        shown.map((n) =>
          h(
            'tr',
            { dataset: { node: n.name } },
            h('td', {}, h('code', {}, n.name)),
            labelCell(n.labels),
            h(
              'td',
              {},
              h(
                'div',
                { class: 'chips' },
                n.taints?.length ? n.taints.map((x) => h('code', { class: 'chip chip-taint' }, formatTaint(x))) : h('span', { class: 'muted' }, '<none>'),
              ),
            ),
            h('td', { class: 'num' }, formatCpu(n.cpuMilli)),
            h('td', { class: 'num' }, formatMemory(n.memory)),
            h('td', { class: 'num' }, String(n.pods)),
            statusCell(n),
            h('td', {}, n.line ? lineButton('nodes', n.line, onJump) : ''),
          ),
        ),
      ),
    ),
    nodes.length > shown.length ? h('p', { class: 'muted' }, t('summary.more', { n: nodes.length - shown.length })) : null,
  );
}

/**
 * Renders the summary of a check() result into `container`.
 * `onJump(source, line, column)` moves the cursor of the editor `source` ('manifests' | 'nodes').
 */
export function renderSummary(container, { result, onJump }) {
  container.replaceChildren();
  if (!result) {
    container.append(h('p', { class: 'muted' }, t('summary.waiting')));
    return;
  }
  const { objects = [], nodes = [], errors = [] } = result;
  if (errors.length) container.append(h('p', { class: 'note' }, t('summary.partial', { n: errors.length })));

  container.append(
    h(
      'div',
      { class: 'summary-block', id: 'summary-objects' },
      h('h3', {}, t('summary.objectsCount', { n: objects.length }), objects.length ? h('span', { class: 'muted small' }, ` — ${countByKind(objects)}`) : null),
      objects.length
        ? objectsTable(objects, onJump)
        : h('p', { class: 'muted' }, t(errors.some((e) => e.source !== 'nodes') ? 'summary.noObjectsRead' : 'summary.noObjects')),
    ),
    h(
      'div',
      { class: 'summary-block', id: 'summary-nodes' },
      h('h3', {}, t('summary.nodesCount', { n: nodes.length })),
      nodes.length
        ? nodesTable(nodes, onJump)
        : h('p', { class: 'muted' }, t(errors.some((e) => e.source === 'nodes') ? 'summary.noNodesRead' : 'summary.noNodes')),
    ),
  );
}
