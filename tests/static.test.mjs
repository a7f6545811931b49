// tests/static.test.mjs — checks of www/ that need no browser: the English and Korean dictionaries have
// the same keys, every key the page uses exists (also the ones built at run time), the examples and
// lessons are well-formed, every JS file starts with a header comment, and the service worker's offline
// list names every file of the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import en from '../www/js/i18n/en.js';
import ko from '../www/js/i18n/ko.js';
import { EXAMPLES } from '../www/js/examples.js';

const www = new URL('../www/', import.meta.url);

test('en and ko have the same keys and kinds of values', () => {
  assert.deepEqual(Object.keys(ko).sort(), Object.keys(en).sort());
  for (const k of Object.keys(en)) assert.equal(typeof ko[k], typeof en[k], k);
  for (const [k, v] of Object.entries(ko)) if (typeof v === 'string') assert.ok(v.trim().length > 0, `ko ${k} is empty`);
});

test('every key used by the page exists', () => {
  const sources = [readFileSync(new URL('index.html', www), 'utf8')];
  for (const f of readdirSync(new URL('js/', www))) if (f.endsWith('.js')) sources.push(readFileSync(new URL(`js/${f}`, www), 'utf8'));
  const used = new Set();
  for (const s of sources) {
    for (const m of s.matchAll(/data-i18n(?:-html)?="([^"]+)"/g)) used.add(m[1]);
    for (const m of s.matchAll(/data-i18n-attr="([^"]+)"/g)) for (const pair of m[1].split(';')) used.add(pair.split(':')[1]);
    for (const m of s.matchAll(/\bt\('([a-zA-Z][\w.-]+)'/g)) used.add(m[1]);
    for (const m of s.matchAll(/(?:showMessage|setBanner|setStatus)\('([a-zA-Z][\w.-]+)'/g)) used.add(m[1]);
    for (const m of s.matchAll(/key: '([a-zA-Z][\w.-]+)'/g)) used.add(m[1]);
    // Any other string that looks like a key of the page's sections.
    for (const m of s.matchAll(/['"`]((?:grid|pod|cron|jobs|scenario|kubectl|timeline|editor|errors|status|notice|toolbar|summary|node)\.[a-zA-Z][\w.-]*)['"`]/g)) used.add(m[1]);
  }
  // Keys put together at run time.
  const dynamic = {
    'pod.state': ['NotCreated', 'Pending', 'ContainerCreating', 'Running', 'Succeeded', 'Failed', 'Deleted'],
    'cron.outcome': ['complete', 'failed', 'replaced', 'deleted', 'running'],
    'cron.legend': ['running', 'complete', 'failed', 'replaced', 'history', 'skipped', 'late', 'tick', 'suspended'],
    'jobs.outcome': ['succeeded', 'failed', 'deleted', 'running', 'pending'],
    'jobs.legend': ['succeeded', 'failed', 'deleted', 'running', 'wait', 'backoff', 'deadline', 'counter'],
  };
  for (const [prefix, names] of Object.entries(dynamic)) for (const n of names) used.add(`${prefix}.${n}`);
  for (const kind of ['manifests', 'nodes', 'scenario']) used.add(`editor.${kind}.label`);
  for (const e of EXAMPLES) used.add(`example.${e.id}`);
  for (const c of ['kind', 'namespace', 'name', 'line', 'labels', 'taints', 'cpu', 'memory', 'pods', 'status']) used.add(`summary.col.${c}`);
  for (const c of ['cpu', 'memory', 'pods']) used.add(`grid.${c}`);
  const missing = [...used].filter((k) => !(k in en));
  assert.deepEqual(missing, []);
});

test('function values render for both languages', () => {
  for (const d of [en, ko]) {
    for (const [k, v] of Object.entries(d)) {
      if (typeof v === 'function') assert.equal(typeof v({ n: 2, shown: 1, total: 2, s: 3 }), 'string', k);
    }
  }
});

test('examples have unique ids and both inputs; lessons have a scenario or a duration', () => {
  const ids = EXAMPLES.map((e) => e.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const e of EXAMPLES) {
    assert.ok(e.manifests.trim() && e.nodes.trim(), e.id);
    assert.ok(!/\t/.test(e.manifests), `${e.id}: tabs in YAML`);
  }
  const lessons = EXAMPLES.filter((e) => e.lesson);
  assert.ok(lessons.length >= 11, `${lessons.length} lessons`);
  for (const e of lessons) {
    assert.match(e.duration, /^\d+[smhd]$/, e.id);
    assert.equal(typeof e.scenario, 'string', e.id);
    assert.match(e.manifests, /^# /, `${e.id} starts with its explanation`);
  }
  assert.equal(EXAMPLES.find((e) => e.id === 'lesson-5000-nodes').nodes.trim().split('\n').length, 5001);
});

test('every JS file starts with a header comment', () => {
  const files = [];
  const walk = (dir) => {
    for (const f of readdirSync(new URL(dir, www))) {
      const rel = dir + f;
      if (statSync(new URL(rel, www)).isDirectory()) walk(`${rel}/`);
      else if (f.endsWith('.js')) files.push(new URL(rel, www));
    }
  };
  walk('js/');
  files.push(new URL('sw.js', www));
  for (const f of readdirSync(new URL('.', import.meta.url))) if (f.endsWith('.mjs')) files.push(new URL(f, import.meta.url));
  for (const f of files) assert.match(readFileSync(f, 'utf8'), /^\/\/ \S/, f.pathname);
});

test('the service worker precaches every file of the page', () => {
  const sw = readFileSync(new URL('sw.js', www), 'utf8');
  const list = JSON.parse(sw.slice(sw.indexOf('[', sw.indexOf('const PRECACHE')), sw.indexOf('];', sw.indexOf('const PRECACHE')) + 1).replace(/'/g, '"').replace(/,\s*]/, ']'));
  const files = [];
  const walk = (dir) => {
    for (const f of readdirSync(new URL(dir, www))) {
      const rel = dir + f;
      if (statSync(new URL(rel, www)).isDirectory()) walk(`${rel}/`);
      else files.push(rel);
    }
  };
  walk('js/');
  walk('css/');
  const expected = ['./', 'index.html', ...files, 'vendor/codemirror.js', 'pkg/kubeplay_wasm.js', 'pkg/kubeplay_wasm_bg.wasm'];
  assert.deepEqual([...list].sort(), [...new Set(expected)].sort());
});
