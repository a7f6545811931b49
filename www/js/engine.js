// www/js/engine.js — the only module that imports the wasm package (www/pkg/kubeplay_wasm.js). It loads
// it, owns the Playground instance, and gives the rest of the page plain functions that return plain
// objects. A wasm trap (a Rust panic) poisons the instance; it is then thrown away and a fresh module
// instance is loaded, so one bad input never leaves the page stuck.

const PKG_URL = new URL('../pkg/kubeplay_wasm.js', import.meta.url).href;

let pg = null;
let state = 'idle'; // idle | loading | ready | failed
let loadError = null;
let loading = null;
let generation = 0;
const listeners = new Set();

function setState(s) {
  state = s;
  for (const fn of listeners) fn(s, loadError);
}

/** Calls `fn(state, error)` whenever the engine's state changes. */
export function onEngineState(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function engineState() {
  return { state, error: loadError };
}

/** Loads the wasm package (once; again after a crash). Resolves when ready; never rejects. */
export function loadEngine() {
  if (state === 'ready') return Promise.resolve(true);
  if (loading) return loading;
  setState('loading');
  // After a crash, import a fresh copy of the JS glue (a new module record), which instantiates a new
  // wasm instance with fresh memory.
  const url = generation === 0 ? PKG_URL : `${PKG_URL}?instance=${generation}`;
  loading = (async () => {
    try {
      const mod = await import(url);
      await mod.default();
      pg = new mod.Playground();
      loadError = null;
      setState('ready');
      return true;
    } catch (e) {
      pg = null;
      loadError = e instanceof Error ? e : new Error(String(e));
      setState('failed');
      return false;
    } finally {
      loading = null;
    }
  })();
  return loading;
}

/** Whether the loaded package has API function `name` (place, simulate, get, cronNext, …). */
export function hasApi(name) {
  return !!pg && typeof pg[name] === 'function';
}

/** A wasm trap: the instance may be corrupt and must not be used again. */
function isTrap(e) {
  return (typeof WebAssembly !== 'undefined' && e instanceof WebAssembly.RuntimeError) ||
    /unreachable|recursive use of an object|null pointer passed to rust|memory access out of bounds/i.test(String(e?.message ?? e));
}

/** Error thrown when the engine is not loaded or lacks a function. */
export class EngineUnavailable extends Error {}

/** An error from a wasm panic; the engine restarts itself. */
export class EngineCrashed extends Error {}

function call(name, ...args) {
  if (!pg) throw new EngineUnavailable(loadError ? loadError.message : 'engine not loaded');
  if (typeof pg[name] !== 'function') throw new EngineUnavailable(`${name} is not a function`);
  try {
    return pg[name](...args);
  } catch (e) {
    if (isTrap(e)) {
      try {
        pg.free?.();
      } catch {
        /* the instance is already broken */
      }
      pg = null;
      generation += 1;
      setState('idle');
      const crash = new EngineCrashed(e?.message ?? String(e));
      crash.cause = e;
      loadEngine();
      throw crash;
    }
    throw e instanceof Error ? e : new Error(String(e));
  }
}

/** Parses manifests and nodes: `{objects, nodes, errors}`. */
export function check(manifests, nodes) {
  return call('check', manifests, nodes);
}

/** Throws when the call failed because the function does not exist yet; null is returned instead. */
function optional(name, ...args) {
  if (!hasApi(name)) return null;
  try {
    return call(name, ...args);
  } catch (e) {
    if (/is not a function|not implemented/i.test(String(e?.message))) return null;
    throw e;
  }
}

/** DaemonSet placement `{daemonSets:[…]}`, or null when the package has no `place` yet. */
export function place(manifests, nodes) {
  return optional('place', manifests, nodes);
}

/** Runs a scenario: `{start, end, nodes, pods, jobs, events}`, or null when not available. */
export function simulate(manifests, nodes, scenario, options) {
  return optional('simulate', manifests, nodes, scenario, options);
}

/** A `kubectl get` table at a point of the simulation, or null when not available. */
export function get(kind, manifests, nodes, scenario, atSeconds, wide) {
  return optional('get', kind, manifests, nodes, scenario, atSeconds, wide);
}

/** The next `n` times of a cron schedule (RFC 3339), or null when not available. */
export function cronNext(schedule, fromRfc3339, tz, n) {
  return optional('cronNext', schedule, fromRfc3339, tz, n);
}

/** A cron schedule in words (`lang` en|ko), or null when not available. */
export function cronExplain(schedule, lang) {
  return optional('cronExplain', schedule, lang);
}
