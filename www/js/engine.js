// www/js/engine.js — the only module that imports the wasm package (www/pkg/kubeplay_wasm.js). It loads
// it, owns the Playground instance, and gives the rest of the page plain functions that return plain
// objects. A wasm trap (a Rust panic) poisons the instance; it is then thrown away and a fresh module
// instance is loaded, so one bad input never leaves the page stuck.
// Long calls (simulate, get) run in background workers ("lanes") so typing and dragging stay smooth:
// this same file is the worker's script (it answers messages when it finds itself in a worker), each
// lane has its own wasm instance, and a lane keeps only the newest waiting request (older ones are
// dropped with a Superseded error).

import { hydrateColumns, transferablesOf } from './model.js';

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

/**
 * Frees the run the last simulate kept (Playground.release): called once its result has been handed
 * over, so the page does not wait for a big run to be freed.
 */
function release() {
  try {
    if (hasApi('release')) pg.release();
  } catch {
    /* nothing to free, or an instance that is being replaced */
  }
}

/**
 * Runs a scenario: `{start, end, nodes, pods, jobs, events}`, or null when not available. With
 * `options.events === 'split'` the routine pod events come packed in `routineEvents` (read them with
 * model.js `eventsOf`), and `eventCount` counts them all. With `options.events === 'lazy'` they stay
 * in the engine: the result's `routineEventsOf(object)` fetches one object's (a Promise; model.js
 * `loadEventsOf` uses it). With `options.pods === 'columns'` the pods come as columns; lanes and this
 * function make them objects again (model.js `hydrateColumns`).
 */
export function simulate(manifests, nodes, scenario, options) {
  return withRoutine(hydrateColumns(optional('simulate', manifests, nodes, scenario, options)), (run, object) =>
    Promise.resolve().then(() => call('routineEventsOf', run, object)));
}

/**
 * Gives a lazy run's timeline (one with a `run` number) its `routineEventsOf(object)`, which asks
 * `fetch(run, object)` for the events the run left in the engine.
 */
function withRoutine(tl, fetch) {
  if (tl && typeof tl === 'object' && Number.isInteger(tl.run)) {
    Object.defineProperty(tl, 'routineEventsOf', { value: (object) => fetch(tl.run, object), enumerable: false });
  }
  return tl;
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

/** How many times a schedule fires in [from, to) (RFC 3339), or null when not available. */
export function cronCount(schedule, from, to, tz) {
  return optional('cronCount', schedule, from, to, tz);
}

// --- background lanes --------------------------------------------------------------------------

const IN_WORKER = typeof WorkerGlobalScope !== 'undefined' && typeof self !== 'undefined' && self instanceof WorkerGlobalScope;

/** A request was replaced by a newer one before it ran. */
export class Superseded extends Error {}

if (IN_WORKER) {
  // The worker side: one request at a time, answered with {id, ok, value | error, crashed}.
  self.addEventListener('message', async (event) => {
    const { id, fn, args, strip } = event.data ?? {};
    const ready = await loadEngine();
    if (!ready) {
      self.postMessage({ id, ok: false, error: loadError?.message ?? 'engine not loaded', unavailable: true });
      return;
    }
    try {
      let value = call(fn, ...args);
      if (strip && value && typeof value === 'object') for (const k of strip) delete value[k];
      // Pods and nodes asked for as columns (`pods: 'columns'`, `nodes: 'columns'`) cross without a copy
      // and become objects there.
      self.postMessage({ id, ok: true, value }, transferablesOf(value));
      release();
    } catch (e) {
      self.postMessage({
        id,
        ok: false,
        error: e?.message ?? String(e),
        crashed: e instanceof EngineCrashed,
        unavailable: e instanceof EngineUnavailable,
      });
    }
  });
}

const lanes = new Map();

/** A running request older than this is cut short (its worker replaced) when a newer one arrives. */
const CANCEL_AFTER_MS = 2000;

/**
 * A background lane `name` (created on first use): `lane.run(fn, args, {strip})` resolves with the
 * result of Playground[fn](...args) computed in a worker. While a request runs, a newer one waits; a
 * waiting request that is replaced rejects with Superseded, and a request that has run for a while is
 * cancelled by replacing the worker (a wasm call cannot be interrupted otherwise). Without worker
 * support the call runs here, synchronously.
 */
export function lane(name) {
  if (lanes.has(name)) return lanes.get(name);
  let worker = null;
  let usable = !IN_WORKER && typeof Worker === 'function';
  let seq = 0;
  let running = null; // {id, fn, args, strip, resolve, reject, at}
  let waiting = null; // {fn, args, strip, resolve, reject}
  const queries = new Map(); // id -> {resolve, reject}: small reads of the worker's last run
  /** A lazy run's routine events of one object, read where the run was made (see withRoutine). */
  const fetchRoutine = (run, object) => api.query('routineEventsOf', [run, object]);

  /** Rejects the queries a replaced worker will never answer. */
  function dropQueries() {
    for (const q of queries.values()) q.reject(new Superseded('the worker was replaced'));
    queries.clear();
  }

  function spawn() {
    let w;
    try {
      w = new Worker(import.meta.url, { type: 'module', name: `kubeplay-${name}` });
    } catch {
      usable = false;
      return null;
    }
    w.addEventListener('message', (event) => {
      if (w !== worker) return; // a replaced worker
      const { id, ok, value, error, crashed, unavailable } = event.data ?? {};
      const query = queries.get(id);
      if (query) {
        queries.delete(id);
        if (ok) query.resolve(value);
        else query.reject(new (crashed ? EngineCrashed : Error)(error));
        return;
      }
      const job = running?.id === id ? running : null;
      if (!job) return;
      running = null;
      if (ok) job.resolve(withRoutine(hydrateColumns(value), fetchRoutine));
      else {
        const Cls = crashed ? EngineCrashed : unavailable ? EngineUnavailable : Error;
        job.reject(new Cls(error));
      }
      next();
    });
    w.addEventListener('error', (event) => {
      // The worker could not start (e.g. module workers unsupported): run here from now on.
      event.preventDefault?.();
      if (w !== worker) return;
      usable = false;
      worker = null;
      dropQueries();
      const jobs = [running, waiting].filter(Boolean);
      running = null;
      waiting = null;
      for (const job of jobs) runHere(job);
    });
    return w;
  }

  function next() {
    if (running || !waiting) return;
    if (!worker) worker = spawn();
    if (!worker) {
      const job = waiting;
      waiting = null;
      runHere(job);
      return;
    }
    const job = waiting;
    waiting = null;
    running = { id: ++seq, ...job, at: performance.now() };
    worker.postMessage({ id: running.id, fn: job.fn, args: job.args, strip: job.strip });
  }

  function runHere(job) {
    try {
      const value = call(job.fn, ...job.args);
      if (job.strip && value && typeof value === 'object') for (const k of job.strip) delete value[k];
      job.resolve(withRoutine(hydrateColumns(value), fetchRoutine));
      setTimeout(release, 0);
    } catch (e) {
      job.reject(e);
    }
  }

  const api = {
    name,
    /** Runs Playground[fn](...args) in the background; `strip` drops fields of the result first. */
    run(fn, args, { strip = null } = {}) {
      return new Promise((resolve, reject) => {
        const job = { fn, args, strip, resolve, reject };
        if (!usable) {
          // Let the caller's code finish first, as with a worker.
          setTimeout(() => runHere(job), 0);
          return;
        }
        if (waiting) waiting.reject(new Superseded('superseded'));
        waiting = job;
        if (running && performance.now() - running.at > CANCEL_AFTER_MS) {
          // Cut the long call short: a fresh worker (and wasm instance) takes over.
          worker.terminate();
          worker = null;
          dropQueries();
          const old = running;
          running = null;
          old.reject(new Superseded('superseded'));
        }
        next();
      });
    },
    /**
     * A small read of what the worker's last call left (e.g. `routineEventsOf` of a lazy run): sent
     * straight to the worker, answered after whatever it is running, never superseded; rejected if
     * the worker is replaced.
     */
    query(fn, args) {
      return new Promise((resolve, reject) => {
        if (!usable || !worker) {
          // The calls run here (or the worker that ran them is gone: then the run is too).
          setTimeout(() => {
            try {
              resolve(call(fn, ...args));
            } catch (e) {
              reject(e);
            }
          }, 0);
          return;
        }
        const id = ++seq;
        queries.set(id, { resolve, reject });
        worker.postMessage({ id, fn, args });
      });
    },
    /** Whether a request is running or waiting. */
    busy: () => !!running || !!waiting,
    inWorker: () => usable,
  };
  lanes.set(name, api);
  return api;
}
