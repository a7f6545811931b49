// www/js/state.js — keeps what the user typed (manifests, nodes, scenario and the "simulate for"
// duration): in localStorage (survives reloads) and in the location hash as
// `#z=<base64url(deflate-raw(JSON))>` (a link that can be shared; no server involved).

const STORAGE_KEY = 'kubeplay.state.v1';
const BACKUP_KEY = 'kubeplay.state.previous';
const VERSION = 1;

/** The fields that make up the playground's state. */
export const FIELDS = ['manifests', 'nodes', 'scenario', 'duration'];

function normalise(s) {
  const out = {};
  for (const f of FIELDS) out[f] = typeof s?.[f] === 'string' ? s[f] : '';
  return out;
}

export function sameState(a, b) {
  return !!a && !!b && FIELDS.every((f) => (a[f] ?? '') === (b[f] ?? ''));
}

function readJson(key) {
  try {
    const raw = localStorage.getItem(key);
    return raw ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}

function writeJson(key, value) {
  try {
    localStorage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false; // storage full or blocked: the hash still holds the text
  }
}

/** The saved state `{manifests, nodes, scenario, duration, hash}` or null. `hash` is the last `#…` we wrote. */
export function loadLocal() {
  const s = readJson(STORAGE_KEY);
  if (!s || typeof s !== 'object') return null;
  return { ...normalise(s), hash: typeof s.hash === 'string' ? s.hash : '' };
}

export function saveLocal(state, hash) {
  return writeJson(STORAGE_KEY, { ...normalise(state), hash: hash ?? '' });
}

/** Keeps a copy of text that is about to be replaced by a shared link, so it can be restored. */
export function saveBackup(state) {
  return writeJson(BACKUP_KEY, normalise(state));
}

export function loadBackup() {
  const s = readJson(BACKUP_KEY);
  return s ? normalise(s) : null;
}

export function clearBackup() {
  try {
    localStorage.removeItem(BACKUP_KEY);
  } catch {
    /* ignore */
  }
}

// --- base64url ---------------------------------------------------------------------------------

export function toBase64Url(bytes) {
  let bin = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) bin += String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(s) {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function pipe(bytes, stream) {
  const out = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

const canCompress = typeof CompressionStream === 'function' && typeof DecompressionStream === 'function';

/**
 * Encodes a state as a hash (without '#'): `z=…` (deflate-raw) or, where the browser lacks
 * CompressionStream, `u=…` (plain UTF-8).
 */
export async function encodeState(state) {
  const s = normalise(state);
  const payload = { v: VERSION, m: s.manifests, n: s.nodes };
  if (s.scenario) payload.s = s.scenario;
  if (s.duration) payload.d = s.duration;
  const bytes = new TextEncoder().encode(JSON.stringify(payload));
  if (canCompress) return `z=${toBase64Url(await pipe(bytes, new CompressionStream('deflate-raw')))}`;
  return `u=${toBase64Url(bytes)}`;
}

/** Decodes a hash (with or without '#') made by encodeState; null when it is not ours or is broken. */
export async function decodeState(hash) {
  const m = /^#?([zu])=([A-Za-z0-9_-]*)$/.exec(hash ?? '');
  if (!m) return null;
  try {
    let bytes = fromBase64Url(m[2]);
    if (m[1] === 'z') {
      if (!canCompress) return null;
      bytes = await pipe(bytes, new DecompressionStream('deflate-raw'));
    }
    const p = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    if (!p || typeof p !== 'object' || typeof p.m !== 'string' || typeof p.n !== 'string') return null;
    return normalise({ manifests: p.m, nodes: p.n, scenario: typeof p.s === 'string' ? p.s : '', duration: typeof p.d === 'string' ? p.d : '' });
  } catch {
    return null;
  }
}

/** The current location's hash without '#'. */
export function currentHash() {
  return location.hash.replace(/^#/, '');
}

/** Replaces the location hash without adding a history entry or firing hashchange. */
export function writeHash(hash) {
  const url = new URL(location.href);
  url.hash = hash;
  history.replaceState(history.state, '', url);
}

/** A full link for a hash. */
export function linkFor(hash) {
  const url = new URL(location.href);
  url.hash = hash;
  return url.href;
}
