// www/js/yaml-tree.js — reads the manifests text in the page with CodeMirror's YAML parser (lezer, from
// the bundled www/vendor/codemirror.js): plain values of each document (kind, names, resource requests,
// activeDeadlineSeconds, schedules …) with their positions, and small text edits that keep the user's
// formatting (set `spec.concurrencyPolicy`, set a pod template annotation). The wasm engine stays the
// judge of what the YAML means; this only reads what the views need to draw and writes what forms set.
import { yaml } from '../vendor/codemirror.js';

let parser = null;
function yamlParser() {
  if (!parser) parser = yaml().language.parser;
  return parser;
}

const SKIP = new Set(['Comment', 'Tag', 'Anchor', '⚠', ':', ',', '[', ']', '{', '}', '-', '?', 'DirectiveEnd', 'DocEnd', 'Directive']);

/** A YAML node: {type: 'map'|'seq'|'scalar'|'null', from, to, flow, entries?, items?, value?}. */
function convert(cursorNode, text) {
  if (!cursorNode) return null;
  const name = cursorNode.name;
  const from = cursorNode.from;
  const to = cursorNode.to;
  if (name === 'BlockMapping' || name === 'FlowMapping') {
    const entries = [];
    for (let c = cursorNode.firstChild; c; c = c.nextSibling) {
      if (c.name !== 'Pair') continue;
      const keyNode = c.getChild('Key');
      let valueNode = null;
      let colon = null;
      for (let d = c.firstChild; d; d = d.nextSibling) {
        if (d.name === ':') colon = d;
        else if (d.name !== 'Key' && !SKIP.has(d.name) && colon) valueNode = valueNode ?? d;
      }
      const keyInner = keyNode ? firstValueChild(keyNode) : null;
      const key = keyInner ? scalarValue(keyInner, text) : '';
      entries.push({
        key: key == null ? '' : String(key),
        keyFrom: keyNode?.from ?? c.from,
        keyTo: keyNode?.to ?? c.from,
        colonTo: colon?.to ?? c.to,
        pairFrom: c.from,
        pairTo: c.to,
        value: convert(valueNode, text),
      });
    }
    return { type: 'map', from, to, flow: name === 'FlowMapping', entries };
  }
  if (name === 'BlockSequence' || name === 'FlowSequence') {
    const items = [];
    for (let c = cursorNode.firstChild; c; c = c.nextSibling) {
      if (c.name !== 'Item') continue;
      items.push(convert(firstValueChild(c), text) ?? { type: 'null', from: c.to, to: c.to });
    }
    return { type: 'seq', from, to, flow: name === 'FlowSequence', items };
  }
  if (name === 'Literal' || name === 'QuotedLiteral' || name === 'BlockLiteral') {
    return { type: 'scalar', from, to, value: scalarValue(cursorNode, text) };
  }
  if (name === 'Alias') return { type: 'null', from, to };
  // A tagged or anchored value: the value is the first meaningful child.
  const inner = firstValueChild(cursorNode);
  return inner ? convert(inner, text) : { type: 'null', from, to };
}

function firstValueChild(node) {
  for (let c = node.firstChild; c; c = c.nextSibling) if (!SKIP.has(c.name)) return c;
  return null;
}

function scalarValue(node, text) {
  const raw = text.slice(node.from, node.to);
  if (node.name === 'QuotedLiteral') {
    if (raw.startsWith("'")) return raw.slice(1, -1).replace(/''/g, "'");
    try {
      return JSON.parse(raw.replace(/\n\s*/g, ' '));
    } catch {
      return raw.slice(1, -1);
    }
  }
  if (node.name === 'BlockLiteral') {
    const nl = raw.indexOf('\n');
    const header = nl < 0 ? raw : raw.slice(0, nl);
    const lines = nl < 0 ? [] : raw.slice(nl + 1).split('\n');
    const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length), 1e9);
    const body = lines.map((l) => l.slice(Math.min(indent, l.length)));
    let s = header.startsWith('>') ? body.join(' ').replace(/ {2,}/g, ' ') : body.join('\n');
    if (!header.includes('-')) s = s.replace(/\n*$/, '\n');
    return s;
  }
  const s = raw.trim();
  if (s === '' || s === '~' || s === 'null' || s === 'Null' || s === 'NULL') return null;
  if (/^(true|True|TRUE)$/.test(s)) return true;
  if (/^(false|False|FALSE)$/.test(s)) return false;
  if (/^[-+]?\d+$/.test(s)) return Number(s);
  if (/^[-+]?(\d+\.\d*|\.\d+|\d+)([eE][-+]?\d+)?$/.test(s)) return Number(s);
  return s;
}

/** Plain JS value of a YAML node. */
export function toJS(node) {
  if (!node) return null;
  if (node.type === 'map') {
    const out = {};
    for (const e of node.entries) out[e.key] = toJS(e.value);
    return out;
  }
  if (node.type === 'seq') return node.items.map(toJS);
  if (node.type === 'scalar') return node.value;
  return null;
}

/**
 * Parses a multi-document YAML text: `[{index, from, to, root, value, kind, name, namespace}]`, one per
 * document (empty documents left out).
 */
export function parseDocuments(text) {
  const tree = yamlParser().parse(text);
  const docs = [];
  let index = 0;
  for (let d = tree.topNode.firstChild; d; d = d.nextSibling) {
    if (d.name !== 'Document') continue;
    const rootNode = firstValueChild(d);
    const root = convert(rootNode, text);
    const value = toJS(root);
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      docs.push({
        index,
        from: d.from,
        to: d.to,
        root,
        value,
        kind: typeof value.kind === 'string' ? value.kind : '',
        name: typeof value.metadata?.name === 'string' ? value.metadata.name : '',
        namespace: typeof value.metadata?.namespace === 'string' ? value.metadata.namespace : 'default',
      });
    }
    index += 1;
  }
  return docs;
}

/** The objects of a `kind: List` are spread into separate entries (with the List's positions). */
export function objectsOf(docs) {
  const out = [];
  for (const d of docs) {
    if (/List$/.test(d.kind) && Array.isArray(d.value.items)) {
      d.value.items.forEach((v, i) => {
        if (!v || typeof v !== 'object') return;
        out.push({ ...d, root: d.root?.entries?.find((e) => e.key === 'items')?.value?.items?.[i] ?? null, value: v, kind: v.kind ?? '', name: v.metadata?.name ?? '', namespace: v.metadata?.namespace ?? 'default' });
      });
    } else out.push(d);
  }
  return out;
}

/** The YAML node at `path` (keys of nested mappings) under `node`, or null. */
export function nodeAt(node, path) {
  let cur = node;
  for (const key of path) {
    if (!cur || cur.type !== 'map') return null;
    cur = cur.entries.find((e) => e.key === key)?.value ?? null;
  }
  return cur;
}

function lineStart(text, pos) {
  return text.lastIndexOf('\n', pos - 1) + 1;
}

function columnOf(text, pos) {
  return pos - lineStart(text, pos);
}

/** Formats a scalar for YAML: strings that would read as something else are double-quoted. */
export function yamlScalar(v) {
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const s = String(v);
  const special = /^[\s]|[\s]$|^[-?:,[\]{}#&*!|>'"%@`]|: | #|:$|^(true|false|null|yes|no|on|off|~)$/i;
  const numeric = /^[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?$|^0[xo][\da-f]+$|^[-+]?\.(inf|nan)$/i;
  if (s === '' || special.test(s) || numeric.test(s) || /[\n\t",[\]{}]/.test(s)) {
    return JSON.stringify(s);
  }
  return s;
}

/**
 * Sets `key: value` in the mapping at `path` of document `doc` (from parseDocuments of the same
 * `text`), creating the missing mappings on the way, and returns the new text. `value` is written as
 * given when `raw` is true, else formatted with yamlScalar. Indentation follows the document's own.
 */
export function setMapValue(text, doc, path, key, value, { raw = false } = {}) {
  const scalar = raw ? String(value) : yamlScalar(value);
  let map = doc.root;
  if (!map || map.type !== 'map') throw new Error('the document is not a mapping');
  let depth = 0;
  // Walk down while the mappings exist.
  for (; depth < path.length; depth++) {
    const entry = map.entries.find((e) => e.key === path[depth]);
    if (!entry) break;
    if (!entry.value || entry.value.type === 'null') {
      // `key:` with nothing after it: the rest goes under it, indented two more than the key.
      const indent = ' '.repeat(columnOf(text, entry.keyFrom) + 2);
      return splice(text, entry.colonTo, entry.value ? entry.value.to : entry.colonTo, block(path.slice(depth + 1), key, scalar, indent));
    }
    if (entry.value.type !== 'map') throw new Error(`${path.slice(0, depth + 1).join('.')} is not a mapping`);
    map = entry.value;
  }
  const rest = path.slice(depth);
  if (rest.length === 0) {
    const existing = map.entries.find((e) => e.key === key);
    if (existing) {
      if (existing.value && existing.value.type !== 'null') return splice(text, existing.value.from, existing.value.to, scalar);
      return splice(text, existing.colonTo, existing.value?.to ?? existing.colonTo, ` ${scalar}`);
    }
  }
  if (map.flow) {
    const inner = rest.reduceRight((acc, k) => `${k}: {${acc}}`, `${key}: ${scalar}`);
    const close = map.to - 1; // the position of '}'
    const sep = map.entries.length ? ', ' : '';
    return splice(text, close, close, `${sep}${inner}`);
  }
  // A block mapping: a new line after its last entry, at its entries' indentation.
  const last = map.entries.at(-1);
  const indent = ' '.repeat(columnOf(text, map.entries[0]?.keyFrom ?? map.from));
  let at = last ? last.pairTo : map.to;
  // Keep a trailing comment of the last line where it is.
  const eol = text.indexOf('\n', at);
  const tail = text.slice(at, eol < 0 ? text.length : eol);
  if (/^\s*(#.*)?$/.test(tail)) at = eol < 0 ? text.length : eol;
  return splice(text, at, at, '\n' + block(rest, key, scalar, indent).replace(/^\n/, ''));
}

/** `\n<indent>a:\n<indent+2>b: …\n…key: scalar` for the missing path `rest`. */
function block(rest, key, scalar, indent) {
  let out = '';
  let ind = indent;
  for (const k of rest) {
    out += `\n${ind}${k}:`;
    ind += '  ';
  }
  return `${out}\n${ind}${key}: ${scalar}`;
}

function splice(text, from, to, insert) {
  return text.slice(0, from) + insert + text.slice(to);
}

/** Finds the document of `kind` named `name` (namespace optional). */
export function findDocument(docs, kind, name, namespace) {
  return docs.find((d) => d.kind === kind && d.name === name && (!namespace || d.namespace === namespace)) ?? null;
}

/** The path of the pod template inside an object of `kind`. */
export function templatePath(kind) {
  if (kind === 'CronJob') return ['spec', 'jobTemplate', 'spec', 'template'];
  if (kind === 'Pod') return [];
  return ['spec', 'template'];
}
