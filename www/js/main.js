// www/js/main.js — the page's entry point: sets up the language, restores the text (share link or
// localStorage), creates the three editors (manifests, nodes, scenario), loads the engine, runs check()
// on every edit (debounced) and renders errors and the summary; then simulates the scenario in a
// background lane and drives the views that follow the scrubber's time: the node grid (pods, capacity,
// DaemonSet reasons, Pending pods), the kubectl get panel, the CronJob comparison and the Job Gantt
// chart. The user's text is saved before anything else runs, so an engine failure can never lose it.
import { detectLanguage, setLanguage, getLanguage, onLanguageChange, t, LANGUAGES } from './i18n/index.js';
import * as engine from './engine.js';
import * as store from './state.js';
import { EXAMPLES, DEFAULT_EXAMPLE, findExample } from './examples.js';
import { renderSummary } from './summary.js';
import { createNodeGrid } from './node-grid.js';
import { createTimeline } from './timeline.js';
import { readDuration, splitSimulateError, runtimeProblems, stepMarkers, DEFAULT_DURATION } from './scenario.js';
import { createCronTimeline } from './cron-timeline.js';
import { createJobGantt } from './job-gantt.js';
import { createKubectlPanel } from './kubectl-panel.js';
import { createPodDetails } from './pod-details.js';
import { initHelp } from './help.js';
import { debounce, h, formatBytes, fill } from './format.js';
import { indexTimeline, podsAt, podStateAt, nodesPresentAt, readObjects, scenarioSteps, changesNodes, nodeTable, ms, formatDuration } from './model.js';
import { parseDocuments, findDocument, setMapValue } from './yaml-tree.js';

const $ = (id) => document.getElementById(id);

/** Delay between the last keystroke and check(). */
export const CHECK_DELAY_MS = 150;
/** Delay between the last change and a new simulation. */
export const SIMULATE_DELAY_MS = 300;
const SAVE_DELAY_MS = 100;
const HASH_DELAY_MS = 400;
const MAX_ERRORS_LISTED = 200;
const LONG_LINK = 8000;
const EDITORS = ['manifests', 'nodes', 'scenario'];

const app = {
  editors: {}, // manifests, nodes, scenario: {getText, setText, setErrors, focusAt, …}
  duration: '', // the "simulate for" text
  result: null, // last check() result
  resultInput: '', // manifests + nodes that result belongs to
  placement0: null, // place() of the checked input (the nodes as typed)
  lastHash: '', // the last hash this page wrote into the URL
  hashSeq: 0,
  crashedOn: null, // input that made the engine crash; not retried automatically
  banner: null, // {key, params}
  status: null, // {key, params}
  notice: null, // {key, params, actions}
  sections: {},
  checks: 0, // number of completed checks (the tests wait on it)
  scenarioErrors: [], // problems marked in the scenario editor
  sim: {
    requested: '', // key of the newest simulation asked for
    key: '', // key of the simulation shown
    inputs: null, // {manifests, nodes, scenario, seconds}
    tl: null, // the indexed timeline
    truncated: null, // its SimulationTruncated event when it stopped at the event limit
    objects: null, // model.readObjects of its inputs
    time: 0,
    nodeSteps: [], // offsets (s) of the scenario steps that change nodes
    initialNodes: [],
    snapshots: new Map(), // k (node steps passed) → {nodes} | {pending} | {error}
    placements: new Map(), // key → placement | {pending} | {error}
    count: 0, // simulations shown (the tests wait on it)
    lastMs: 0,
    status: null, // {key, params}
    message: null, // {key, params}
    stale: false,
  },
};

// --- state -------------------------------------------------------------------------------------

function currentState() {
  return {
    manifests: app.editors.manifests?.getText() ?? '',
    nodes: app.editors.nodes?.getText() ?? '',
    scenario: app.editors.scenario?.getText() ?? '',
    duration: app.duration,
  };
}

const saveSoon = debounce(() => store.saveLocal(currentState(), app.lastHash), SAVE_DELAY_MS);

async function updateHash() {
  const seq = ++app.hashSeq;
  const hash = await store.encodeState(currentState());
  if (seq !== app.hashSeq) return; // a newer edit is being encoded
  app.lastHash = hash;
  if (store.currentHash() !== hash) store.writeHash(hash);
  store.saveLocal(currentState(), hash);
}
const hashSoon = debounce(() => updateHash().catch(() => {}), HASH_DELAY_MS);

/** Replaces all inputs (each change undoable in its editor). */
function setAll(state) {
  setDuration(state.duration ?? '');
  for (const kind of EDITORS) app.editors[kind].setText(state[kind] ?? '');
  onEdit();
  simulateSoon();
}

function setDuration(text) {
  app.duration = text || '';
  const input = $('sim-for');
  if (input.value !== (app.duration || DEFAULT_DURATION)) input.value = app.duration || DEFAULT_DURATION;
}

/** Picks the text to start with: a shared link, else what was saved, else the default example. */
async function initialState() {
  const local = store.loadLocal();
  const hash = store.currentHash();
  if (hash) {
    // On a reload (or back/forward) of a link this page wrote itself, the saved text is at least as new
    // as the link: typing updates the link a moment later than the saved copy.
    const nav = performance.getEntriesByType?.('navigation')?.[0]?.type;
    if (local && local.hash === hash && nav !== 'navigate') {
      app.lastHash = hash;
      return local;
    }
    const shared = await store.decodeState(hash);
    if (shared) {
      app.lastHash = hash;
      if (local && !store.sameState(local, shared) && (local.manifests || local.nodes || local.scenario)) {
        store.saveBackup(local);
        app.notice = { key: 'notice.sharedLoaded', actions: [restoreAction()] };
      }
      return shared;
    }
    app.banner = { key: 'status.badLink' };
  }
  if (local) return local;
  return { manifests: DEFAULT_EXAMPLE.manifests, nodes: DEFAULT_EXAMPLE.nodes, scenario: DEFAULT_EXAMPLE.scenario ?? '', duration: DEFAULT_EXAMPLE.duration ?? '' };
}

function restoreAction() {
  return {
    key: 'notice.restore',
    run: () => {
      const backup = store.loadBackup();
      if (backup) {
        store.saveBackup(currentState()); // restoring is itself reversible
        setAll(backup);
        setStatus('status.restored');
      }
      setNotice(null);
    },
  };
}

async function onHashChange() {
  const hash = store.currentHash();
  if (!hash || hash === app.lastHash) return;
  const shared = await store.decodeState(hash);
  if (!shared) {
    setBanner('status.badLink');
    return;
  }
  app.lastHash = hash;
  if (store.sameState(shared, currentState())) return;
  store.saveBackup(currentState());
  setAll(shared);
  setNotice({ key: 'notice.sharedLoaded', actions: [restoreAction()] });
}

async function copyLink() {
  hashSoon.cancel();
  try {
    await updateHash();
  } catch {
    /* the URL keeps its previous hash */
  }
  const url = location.href;
  const box = $('share-box');
  const input = $('share-url');
  input.value = url;
  box.hidden = false;
  let copied = false;
  try {
    await navigator.clipboard.writeText(url);
    copied = true;
  } catch {
    input.focus();
    input.select();
    try {
      copied = document.execCommand('copy');
    } catch {
      copied = false;
    }
  }
  if (!copied) {
    input.focus();
    input.select();
  }
  const long = url.length > LONG_LINK ? { size: formatBytes(url.length) } : null;
  setStatus(copied ? (long ? 'status.linkCopiedLong' : 'status.linkCopied') : 'status.linkCopyFailed', long ?? {});
}

// --- messages ----------------------------------------------------------------------------------

function setBanner(key, params = {}) {
  app.banner = key ? { key, params } : null;
  renderBanner();
}

function renderBanner() {
  const el = $('banner');
  el.hidden = !app.banner;
  el.textContent = app.banner ? t(app.banner.key, app.banner.params) : '';
}

let statusTimer = 0;
function setStatus(key, params = {}) {
  app.status = key ? { key, params } : null;
  renderStatus();
  clearTimeout(statusTimer);
  if (key) statusTimer = setTimeout(() => setStatus(null), 8000);
}

function renderStatus() {
  $('status').textContent = app.status ? t(app.status.key, app.status.params) : '';
}

function setNotice(notice) {
  app.notice = notice;
  renderNotice();
}

function renderNotice() {
  const el = $('notice');
  el.hidden = !app.notice;
  if (!app.notice) return;
  $('notice-text').textContent = t(app.notice.key, app.notice.params ?? {});
  $('notice-actions').replaceChildren(
    ...(app.notice.actions ?? []).map((a) => h('button', { type: 'button', class: 'btn', onclick: a.run }, t(a.key))),
    h('button', { type: 'button', class: 'btn btn-quiet', onclick: () => setNotice(null) }, t('notice.dismiss')),
  );
}

// --- checking ----------------------------------------------------------------------------------

function onEdit() {
  if (app.banner?.key === 'status.badLink') setBanner(null); // the user has moved on
  saveSoon();
  hashSoon();
  checkSoon();
}

function onScenarioEdit() {
  saveSoon();
  hashSoon();
  simulateSoon();
}

const checkSoon = debounce(runCheck, CHECK_DELAY_MS);

function runCheck() {
  const { state } = engine.engineState();
  if (state !== 'ready') return; // runs again once the engine is ready
  const manifests = app.editors.manifests.getText();
  const nodes = app.editors.nodes.getText();
  const input = `${manifests}\u0000${nodes}`;
  if (app.crashedOn === input) return;
  let result;
  try {
    result = engine.check(manifests, nodes);
  } catch (e) {
    if (e instanceof engine.EngineCrashed) {
      app.crashedOn = input;
      setBanner('status.engineCrashed', { message: e.message });
    } else {
      setBanner('status.checkFailed', { message: e?.message ?? String(e) });
    }
    return; // keep the previous results on screen
  }
  app.crashedOn = null;
  if (app.banner?.key !== 'status.badLink') setBanner(null);
  app.result = normaliseResult(result);
  app.resultInput = input;
  renderErrors();
  renderResults(manifests, nodes);
  app.checks += 1;
  document.body.dataset.checks = String(app.checks);
  simulateSoon();
}

function normaliseResult(r) {
  return {
    objects: Array.isArray(r?.objects) ? r.objects : [],
    nodes: Array.isArray(r?.nodes) ? r.nodes : [],
    errors: Array.isArray(r?.errors) ? r.errors : [],
  };
}

function renderErrorList(source, mine, shown) {
  app.editors[source]?.setErrors(mine);
  const box = $(`${source}-errors`);
  const errors = mine.filter((e) => e.severity !== 'warning');
  box.classList.toggle('has-errors', errors.length > 0);
  box.classList.toggle('has-warnings', errors.length === 0 && mine.length > 0);
  box.querySelector('.errors-title').textContent = shown
    ? errors.length
      ? t('errors.count', { n: errors.length })
      : mine.length
        ? t('errors.warnings', { n: mine.length })
        : t('errors.none')
    : '';
  box.querySelector('ul').replaceChildren(
    ...mine.slice(0, MAX_ERRORS_LISTED).map((e) =>
      h(
        'li',
        { class: e.severity === 'warning' ? 'error warning' : 'error', dataset: { line: e.line, column: e.column } },
        h(
          'button',
          {
            type: 'button',
            class: 'err-pos',
            'aria-label': t('errors.jump', { line: e.line, column: e.column }),
            onclick: () => app.editors[source].focusAt(e.line, e.column),
          },
          `${e.line}:${e.column}`,
        ),
        ' ',
        h('span', { class: 'err-msg' }, e.message),
      ),
    ),
    ...(mine.length > MAX_ERRORS_LISTED ? [h('li', { class: 'muted' }, t('errors.more', { n: mine.length - MAX_ERRORS_LISTED }))] : []),
  );
}

function renderErrors() {
  const errors = app.result?.errors ?? [];
  for (const source of ['manifests', 'nodes']) {
    renderErrorList(source, errors.filter((e) => (e.source ?? 'manifests') === source), !!app.result);
  }
  renderErrorList('scenario', app.scenarioErrors, app.sim.count > 0 || app.scenarioErrors.length > 0);
}

function jump(source, line, column) {
  app.editors[source]?.focusAt(line, column);
}

function renderResults(manifests, nodes) {
  renderSummary($('summary-body'), { result: app.result, onJump: jump });
  renderPlacement(manifests, nodes);
}

/** DaemonSet placement of the nodes as typed; shown alone until a simulation exists. */
function renderPlacement(manifests, nodes) {
  const section = $('placement');
  app.placement0 = null;
  if (!engine.hasApi('place') || !app.result) {
    section.hidden = !app.sim.tl;
    return;
  }
  if (app.result.errors.length) {
    section.hidden = false;
    if (!app.sim.tl) app.sections.grid.showMessage('grid.fixErrors', {}, { hideGrid: true });
    return;
  }
  try {
    app.placement0 = engine.place(manifests, nodes);
    section.hidden = app.placement0 === null && !app.sim.tl;
    if (app.placement0 && !app.sim.tl) app.sections.grid.update(app.placement0, app.result.nodes);
  } catch (e) {
    section.hidden = false;
    if (e instanceof engine.EngineCrashed) setBanner('status.engineCrashed', { message: e.message });
    app.sections.grid.showMessage('grid.failed', { message: e?.message ?? String(e) }, { hideGrid: !app.sim.tl });
  }
}

function renderEngineState(state, error) {
  const el = $('engine-state');
  el.textContent = state === 'loading' ? t('status.engineLoading') : '';
  el.dataset.state = state;
  document.body.dataset.engine = state;
  if (state === 'failed') setBanner('status.engineFailed', { message: error?.message ?? '' });
  if (state === 'ready') runCheck();
}

// --- simulation --------------------------------------------------------------------------------

const simulateSoon = debounce(runSimulate, SIMULATE_DELAY_MS);

function setSimStatus(key, params = {}) {
  app.sim.status = key ? { key, params } : null;
  renderSimStatus();
}

function renderSimStatus() {
  const el = $('sim-status');
  el.textContent = app.sim.status ? t(app.sim.status.key, app.sim.status.params) : '';
  el.dataset.state = app.sim.status?.key ?? '';
  const msg = $('sim-message');
  msg.hidden = !app.sim.message;
  msg.textContent = app.sim.message ? t(app.sim.message.key, app.sim.message.params) : '';
}

function simulationInputs() {
  return {
    manifests: app.editors.manifests.getText(),
    nodes: app.editors.nodes.getText(),
    scenario: app.editors.scenario.getText(),
  };
}

function runSimulate() {
  if (engine.engineState().state !== 'ready' || !engine.hasApi('simulate')) return;
  const d = readDuration(app.duration);
  const input = $('sim-for');
  input.setAttribute('aria-invalid', String(!!d.error));
  if (d.error) {
    setSimStatus(d.error);
    return;
  }
  const inputs = { ...simulationInputs(), seconds: d.seconds };
  const key = JSON.stringify(inputs);
  if (key === app.sim.requested) return;
  app.sim.requested = key;
  setSimStatus('scenario.running');
  document.body.dataset.simulating = 'true';
  const t0 = performance.now();
  engine
    .lane('sim')
    // Routine pod events stay in the worker's engine (model.js loadEventsOf fetches a pod's when it
    // is opened), and the pods come as columns (the lane makes them objects: model.js hydrateColumns).
    .run('simulate', [inputs.manifests, inputs.nodes, inputs.scenario, { forSeconds: inputs.seconds, events: 'lazy', pods: 'columns', nodes: 'columns' }])
    .then((tl) => {
      if (key !== app.sim.requested) return;
      app.sim.lastMs = performance.now() - t0;
      onSimulated(key, inputs, tl);
    })
    .catch((e) => {
      if (e instanceof engine.Superseded || key !== app.sim.requested) return;
      onSimulateError(e);
    })
    .finally(() => {
      if (key === app.sim.requested) delete document.body.dataset.simulating;
    });
}

function onSimulateError(e) {
  if (e instanceof engine.EngineCrashed) setBanner('status.engineCrashed', { message: e.message });
  const parts = splitSimulateError(e?.message ?? String(e));
  app.scenarioErrors = parts.scenario;
  app.scenarioErrorsFromRun = false;
  renderErrors();
  app.sim.stale = !!app.sim.tl;
  if (parts.inputs.length) app.sim.message = { key: app.sim.tl ? 'scenario.fixInputsStale' : 'scenario.fixInputs' };
  else if (parts.scenario.length) app.sim.message = { key: app.sim.tl ? 'scenario.fixScenarioStale' : 'scenario.fixScenario' };
  else app.sim.message = { key: 'scenario.failed', params: { message: parts.other.map((x) => x.message).join(' ') } };
  setSimStatus('scenario.notRun');
}

function onSimulated(key, inputs, tl) {
  const t0 = performance.now();
  const sim = app.sim;
  indexTimeline(tl);
  sim.key = key;
  sim.inputs = inputs;
  sim.tl = tl;
  // Where the run stopped at the page's event limit, or null. The engine stops right after recording
  // this event, so it is the last one (engine.rs run_until).
  sim.truncated = tl.events.at(-1)?.reason === 'SimulationTruncated' ? tl.events.at(-1) : null;
  sim.stale = false;
  sim.message = null;
  sim.objects = readObjects(inputs.manifests, inputs.scenario);
  const steps = scenarioSteps(inputs.scenario);
  sim.nodeSteps = [...new Set(steps.filter((s) => changesNodes(s) && s.at <= tl.duration).map((s) => s.at))].sort((a, b) => a - b);
  sim.heredocSteps = steps.filter((s) => s.heredoc && s.at <= tl.duration);
  sim.snapshots = new Map();
  sim.placements = new Map();
  const typed = `${inputs.manifests}\u0000${inputs.nodes}`;
  sim.initialNodes = (app.resultInput === typed && app.result ? app.result.nodes : tl.nodes.filter((n) => n._t.added <= 0)).map((n) => ({
    ...n,
    _t: { added: 0, removed: Infinity },
  }));
  sim.placement0 = app.resultInput === typed ? app.placement0 : null;
  app.scenarioErrors = runtimeProblems(tl);
  app.scenarioErrorsFromRun = true;
  renderErrors();

  const timeline = app.sections.timeline;
  timeline.setRange(tl.start, tl.end, stepMarkers(inputs.scenario));
  sim.time = Math.min(timeline.time(), tl.duration);
  $('timeline').hidden = false;
  $('placement').hidden = false;
  $('kubectl').hidden = !engine.hasApi('get');

  renderAtTime(sim.time);
  app.sections.kubectl.refresh();
  const cronJobs = sim.objects.objects
    .filter((o) => o.kind === 'CronJob')
    .map((o) => ({
      name: o.name,
      namespace: o.namespace,
      schedule: String(o.value.spec?.schedule ?? ''),
      timeZone: o.value.spec?.timeZone ?? '',
      policy: o.value.spec?.concurrencyPolicy ?? 'Allow',
      suspend: !!o.value.spec?.suspend,
      suspended: suspendedSpans(o, steps, tl.duration),
    }));
  $('cron').hidden = cronJobs.length === 0;
  // The axis spans the whole requested horizon: the lanes run it all even when the full run stopped
  // at its event limit (simulateVariant).
  app.sections.cron.update({ cronJobs, start: tl.start, duration: inputs.seconds, key, time: sim.time });
  const hasJobs = (tl.jobs ?? []).length > 0;
  $('jobs').hidden = !hasJobs;
  if (hasJobs) app.sections.jobs.update({ timeline: tl, objects: sim.objects, time: sim.time });
  app.sections.pod.setTimeline(tl, sim.time);
  sim.count += 1;
  sim.drawMs = performance.now() - t0;
  // The run stopped at the page's event limit: say where, and that the CronJob view still has it all.
  const cut = sim.truncated;
  if (cut) sim.message = { key: 'scenario.truncated', params: { at: formatDuration(cut._t), requested: formatDuration(inputs.seconds), events: Number(/the limit is (\d+)/.exec(cut.message)?.[1] ?? tl.eventCount - 1) } };
  setSimStatus('scenario.done', { pods: tl.pods.length, events: tl.eventCount, ms: Math.round(sim.lastMs) });
  document.body.dataset.sims = String(sim.count);
}

/**
 * When a CronJob is suspended: `[[from, to], …]` in seconds, from spec.suspend and the scenario's
 * `kubectl patch cronjob NAME -p '{"spec":{"suspend":…}}'` steps.
 */
function suspendedSpans(cj, steps, duration) {
  const spans = [];
  let since = cj.value.spec?.suspend ? 0 : null;
  for (const st of steps) {
    const m = /^kubectl\s+patch\s+(?:cronjob|cronjobs|cj)(?:\/|\s+)(\S+)\b(.*)$/.exec(st.command);
    if (!m || m[1] !== cj.name || st.at > duration) continue;
    const json = /-p\s*=?\s*(?:'([^']*)'|"((?:[^"\\]|\\.)*)"|(\S+))/.exec(m[2]);
    let patch;
    try {
      patch = JSON.parse(json?.[1] ?? json?.[2]?.replace(/\\"/g, '"') ?? json?.[3] ?? '');
    } catch {
      continue;
    }
    const suspend = patch?.spec?.suspend;
    if (suspend === true && since == null) since = st.at;
    if (suspend === false && since != null) {
      spans.push([since, st.at]);
      since = null;
    }
  }
  if (since != null) spans.push([since, duration]);
  return spans;
}

/**
 * A CronJob comparison run: the same inputs with the CronJob's concurrencyPolicy set to `policy`. The
 * lanes draw only Jobs and the CronJob's skipped/missed runs, so these runs record only that
 * (`record: 'jobs'`: no pods, no routine events), which lets a year of `* * * * *` finish where the
 * full run stops at its event limit. The CronJob's own policy reuses the full run when it is complete.
 */
function simulateVariant(cj, policy) {
  const sim = app.sim;
  if (!sim.inputs) return Promise.reject(new Error('no simulation'));
  if (policy === cj.policy && !sim.truncated) return Promise.resolve(sim.tl);
  const { manifests, nodes, scenario, seconds } = sim.inputs;
  let text = manifests;
  if (policy !== cj.policy) {
    const doc = findDocument(parseDocuments(manifests), 'CronJob', cj.name, cj.namespace);
    if (!doc) return Promise.reject(new Error(t('cron.notInManifests')));
    text = setMapValue(manifests, doc, ['spec'], 'concurrencyPolicy', policy);
  }
  return engine
    .lane('cron')
    .run('simulate', [text, nodes, scenario, { forSeconds: seconds, record: 'jobs' }])
    .then(indexTimeline);
}

/** Nodes as they are after `k` node-changing steps (snapshots computed in the background). */
function nodesAfter(k) {
  const sim = app.sim;
  if (k === 0) return sim.initialNodes;
  if (k >= sim.nodeSteps.length) return sim.tl.nodes;
  const snap = sim.snapshots.get(k);
  if (snap?.nodes) return snap.nodes;
  if (!snap) {
    const key = sim.key;
    sim.snapshots.set(k, { pending: true });
    const { manifests, nodes, scenario } = sim.inputs;
    engine
      .lane('aux')
      .run('simulate', [manifests, nodes, scenario, { forSeconds: sim.nodeSteps[k - 1] }], { strip: ['pods', 'events', 'jobs'] })
      .then((tl) => {
        if (key !== sim.key) return;
        const base = ms(tl.start);
        const sec = (r) => (r ? (ms(r) - base) / 1000 : Infinity);
        sim.snapshots.set(k, { nodes: tl.nodes.map((n) => ({ ...n, _t: { added: sec(n.added) === Infinity ? 0 : sec(n.added), removed: sec(n.removed) } })) });
        renderAtTime(sim.time);
      })
      .catch((e) => {
        if (key !== sim.key) return;
        sim.snapshots.set(k, e instanceof engine.Superseded ? undefined : { error: e });
        if (e instanceof engine.Superseded) sim.snapshots.delete(k);
      });
  }
  // Meanwhile: the closest snapshot before it.
  for (let j = k - 1; j > 0; j--) if (sim.snapshots.get(j)?.nodes) return sim.snapshots.get(j).nodes;
  return sim.initialNodes;
}

/** place() for the nodes after `k` steps and the manifests applied by the scenario up to `t`. */
function placementAt(k, t, nodes) {
  const sim = app.sim;
  const applied = sim.heredocSteps.filter((s) => s.at <= t);
  if (k === 0 && applied.length === 0 && sim.placement0) return sim.placement0;
  const exact = k === 0 || k >= sim.nodeSteps.length || sim.snapshots.get(k)?.nodes;
  const key = `${k}:${applied.length}`;
  const got = sim.placements.get(key);
  if (got?.daemonSets) return got;
  if (!got && exact) {
    sim.placements.set(key, { pending: true });
    const simKey = sim.key;
    const manifests = [sim.inputs.manifests, ...applied.map((s) => s.heredoc)].join('\n---\n');
    const table = nodeTable(nodes.filter((n) => !(n._t && n._t.removed <= t)));
    const ask = (text) => engine.lane('aux').run('place', [text, table]);
    ask(manifests)
      .catch((e) => (applied.length && !(e instanceof engine.Superseded) ? ask(sim.inputs.manifests) : Promise.reject(e)))
      .then((p) => {
        if (simKey !== sim.key) return;
        sim.placements.set(key, p);
        renderAtTime(sim.time);
      })
      .catch((e) => {
        if (simKey !== sim.key) return;
        if (e instanceof engine.Superseded) sim.placements.delete(key);
        else sim.placements.set(key, { error: e });
      });
  }
  // Meanwhile: the newest placement known.
  for (const p of [...sim.placements.values()].reverse()) if (p?.daemonSets) return p;
  return sim.placement0 ?? { daemonSets: [] };
}

let renderFrame = 0;
let pendingTime = null;

/** Shows the moment `t` (seconds) in every view; during a drag at most once per frame. */
function renderAtTime(t, { dragging = false } = {}) {
  const sim = app.sim;
  sim.time = t;
  if (!sim.tl) return;
  if (dragging) {
    pendingTime = t;
    if (!renderFrame) {
      renderFrame = requestAnimationFrame(() => {
        renderFrame = 0;
        if (pendingTime != null) drawAt(pendingTime, true);
        pendingTime = null;
      });
    }
    return;
  }
  pendingTime = null;
  drawAt(t, false);
}

function drawAt(t, dragging) {
  const sim = app.sim;
  const tl = sim.tl;
  let k = 0;
  while (k < sim.nodeSteps.length && sim.nodeSteps[k] <= t) k += 1;
  const nodes = nodesAfter(k);
  const placement = placementAt(k, t, nodes);
  const { byNode, pending } = podsAt(tl, t);
  // The same list object while the nodes present do not change (the grid keeps its cards then).
  const present = nodesPresentAt(nodes, t);
  const memo = sim.presentMemo;
  const list = memo && memo.source === nodes && memo.list.length === present.length && memo.list.every((n, i) => n === present[i]) ? memo.list : present;
  sim.presentMemo = { source: nodes, list };
  app.sections.grid.update(placement, list, {
    time: t,
    byNode,
    pending,
    requestsOf: (p) => sim.objects.requestsOf(p, tl),
    stateAt: (p) => podStateAt(p, t),
    // Why a pod has no node at t: its last FailedScheduling event so far, else the run's last message.
    // (FailedScheduling is a Warning: always in tl.eventsByObject, never among the packed routine events.)
    whyPending: (p) => {
      const evs = tl.eventsByObject.get(`Pod/${p.name}`) ?? [];
      for (let i = evs.length - 1; i >= 0; i--) if (evs[i]._t <= t && evs[i].reason === 'FailedScheduling') return evs[i].message;
      return p.message;
    },
  });
  app.sections.kubectl.setTime(t);
  app.sections.cron.setTime(t);
  app.sections.jobs.setTime(t);
  app.sections.pod.setTime(t);
  if (!dragging) app.sections.cron.refreshExplainer?.();
  document.body.dataset.time = String(t);
}

function onPod(pod) {
  app.sections.pod.show(pod, app.sim.tl, app.sim.time);
  app.sections.grid.setSelectedPod(`${pod.namespace}/${pod.name}`);
}

// --- page --------------------------------------------------------------------------------------

function fillExamples() {
  const select = $('examples');
  const group = (key, list) => (list.length ? h('optgroup', { label: t(key) }, list.map((e) => h('option', { value: e.id }, t(`example.${e.id}`)))) : null);
  fill(select, 
    h('option', { value: '' }, t('toolbar.examplesPlaceholder')),
    group('toolbar.lessons', EXAMPLES.filter((e) => e.lesson)),
    group('toolbar.moreExamples', EXAMPLES.filter((e) => !e.lesson)),
  );
  select.value = '';
}

function translateDynamic() {
  fillExamples();
  $('lang').value = getLanguage();
  for (const kind of EDITORS) app.editors[kind]?.setLabel(t(`editor.${kind}.label`));
  renderBanner();
  renderStatus();
  renderNotice();
  renderSimStatus();
  if (app.scenarioErrorsFromRun && app.sim.tl) app.scenarioErrors = runtimeProblems(app.sim.tl);
  renderEngineState(engine.engineState().state, engine.engineState().error);
  if (app.result) {
    renderErrors();
    renderSummary($('summary-body'), { result: app.result, onJump: jump });
  } else {
    renderSummary($('summary-body'), { result: null, onJump: jump });
  }
  for (const s of Object.values(app.sections)) s.rerender?.();
}

async function createEditors(initial) {
  let factory;
  try {
    ({ createEditor: factory } = await import('./editors.js'));
  } catch (e) {
    // The CodeMirror bundle is missing or broken: plain text areas keep the page usable.
    console.error('kubeplay: code editor unavailable, using plain text areas', e);
    ({ createEditor: factory } = await import('./plain-editor.js'));
    document.body.dataset.editors = 'plain';
  }
  for (const kind of EDITORS) {
    const parent = $(`${kind}-editor`);
    parent.replaceChildren();
    app.editors[kind] = factory({
      parent,
      doc: initial[kind] ?? '',
      kind,
      label: t(`editor.${kind}.label`),
      onChange: kind === 'scenario' ? onScenarioEdit : onEdit,
    });
  }
}

function registerServiceWorker() {
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  // Offline use is a bonus: the page works the same without it.
  navigator.serviceWorker.register('sw.js').catch(() => {});
}

async function main() {
  setLanguage(detectLanguage(), { persist: false });
  const initial = await initialState();

  await createEditors(initial);
  setDuration(initial.duration ?? '');
  store.saveLocal(currentState(), app.lastHash);

  app.sections.grid = createNodeGrid($('placement-body'), { onPod });
  app.sections.timeline = createTimeline($('timeline-body'), { onTime: (s, o) => renderAtTime(s, o) });
  app.sections.kubectl = createKubectlPanel($('kubectl-body'), {
    fetch: (kind, wide, at) => {
      const i = app.sim.inputs;
      if (!i) return Promise.reject(new Error(t('kubectl.noSimulation')));
      return engine.lane('get').run('get', [kind, i.manifests, i.nodes, i.scenario, at, wide]);
    },
  });
  const seek = (s) => app.sections.timeline.setTime(s);
  app.sections.cron = createCronTimeline($('cron-body'), { simulateVariant, onSeek: seek });
  app.sections.jobs = createJobGantt($('jobs-body'), {
    getManifests: () => app.editors.manifests.getText(),
    setManifests: (text) => app.editors.manifests.setText(text),
    onSeek: seek,
  });
  app.sections.pod = createPodDetails($('pod-details'), { onClose: () => app.sections.grid.setSelectedPod('') });
  initHelp({ toggle: $('help-toggle'), panel: $('help'), body: $('help-body'), close: $('help-close') });

  $('lang').replaceChildren(...LANGUAGES.map((code) => h('option', { value: code, lang: code }, t(`lang.${code}`, {}, code))));
  $('lang').addEventListener('change', (e) => setLanguage(e.target.value));
  $('examples').addEventListener('change', (e) => {
    const ex = findExample(e.target.value);
    e.target.value = '';
    if (!ex) return;
    store.saveBackup(currentState());
    app.sections.timeline.stop();
    setAll({ manifests: ex.manifests, nodes: ex.nodes, scenario: ex.scenario ?? '', duration: ex.duration ?? '' });
    setStatus('status.exampleLoaded', { name: t(`example.${ex.id}`) });
  });
  $('sim-for').addEventListener('input', (e) => {
    app.duration = e.target.value.trim() === DEFAULT_DURATION ? '' : e.target.value.trim();
    saveSoon();
    hashSoon();
    simulateSoon();
  });
  $('copy-link').addEventListener('click', copyLink);
  window.addEventListener('hashchange', onHashChange);
  // Keystrokes of the last 100 ms are saved when the page goes away.
  window.addEventListener('pagehide', () => saveSoon.flush());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') saveSoon.flush();
  });

  onLanguageChange(translateDynamic);
  engine.onEngineState(renderEngineState);
  translateDynamic();
  hashSoon();
  // A read-only handle for the browser console and the end-to-end tests.
  globalThis.kubeplay = Object.freeze({
    state: currentState,
    result: () => app.result,
    engine: () => engine.engineState().state,
    timeline: () => app.sim.tl,
    sim: () => ({ count: app.sim.count, time: app.sim.time, duration: app.sim.tl?.duration ?? 0, simulateMs: app.sim.lastMs, drawMs: app.sim.drawMs, key: app.sim.key }),
    setTime: (s) => app.sections.timeline.setTime(s),
  });
  document.body.dataset.ready = 'true';

  await engine.loadEngine();
  registerServiceWorker();
}

main().catch((e) => {
  console.error('kubeplay: start-up failed', e);
  const el = document.getElementById('banner');
  el.hidden = false;
  el.textContent = `kubeplay: ${e?.message ?? e}`;
});
