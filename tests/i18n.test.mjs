// tests/i18n.test.mjs — the English and Korean dictionaries have the same keys, and every key the page
// uses (data-i18n attributes and t('…') calls) exists; plus the share-link encoding's base64url helpers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
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
  }
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

test('examples have unique ids and both inputs', () => {
  const ids = EXAMPLES.map((e) => e.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const e of EXAMPLES) {
    assert.ok(e.manifests.trim() && e.nodes.trim(), e.id);
    assert.ok(!/\t/.test(e.manifests), `${e.id}: tabs in YAML`);
  }
});
