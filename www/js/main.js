// www/js/main.js — the page's entry point: sets up the language, restores the text (share link or
// localStorage), creates the editors, loads the engine, runs check() on every edit (debounced) and
// renders errors, the summary and the feature sections. The user's text is saved before anything
// else runs, so an engine failure can never lose it.
import { detectLanguage, setLanguage, getLanguage, onLanguageChange, t, LANGUAGES } from './i18n/index.js';
import * as engine from './engine.js';
import * as store from './state.js';
import { EXAMPLES, DEFAULT_EXAMPLE, findExample } from './examples.js';
import { renderSummary } from './summary.js';
import { createNodeGrid } from './node-grid.js';
import { createTimeline } from './timeline.js';
import { createScenarioView } from './scenario.js';
import { createCronTimeline } from './cron-timeline.js';
import { createJobGantt } from './job-gantt.js';
import { initHelp } from './help.js';
import { debounce, h, formatBytes } from './format.js';

const $ = (id) => document.getElementById(id);

/** Delay between the last keystroke and check(). */
export const CHECK_DELAY_MS = 150;
const SAVE_DELAY_MS = 100;
const HASH_DELAY_MS = 400;
const MAX_ERRORS_LISTED = 200;
const LONG_LINK = 8000;

const app = {
  editors: {}, // manifests, nodes: {getText, setText, setErrors, focusAt, …}
  scenario: '', // kept in the state; its editor comes with the simulation
  result: null, // last check() result
  lastHash: '', // the last hash this page wrote into the URL
  hashSeq: 0,
  crashedOn: null, // input that made the engine crash; not retried automatically
  banner: null, // {key, params}
  status: null, // {key, params}
  notice: null, // {key, params, actions}
  sections: {},
  checks: 0, // number of completed checks (the tests wait on it)
};

// --- state -------------------------------------------------------------------------------------

function currentState() {
  return {
    manifests: app.editors.manifests?.getText() ?? '',
    nodes: app.editors.nodes?.getText() ?? '',
    scenario: app.scenario,
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
  app.scenario = state.scenario ?? '';
  app.editors.manifests.setText(state.manifests ?? '');
  app.editors.nodes.setText(state.nodes ?? '');
  onEdit();
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
      if (local && !store.sameState(local, shared) && (local.manifests || local.nodes)) {
        store.saveBackup(local);
        app.notice = { key: 'notice.sharedLoaded', actions: [restoreAction()] };
      }
      return shared;
    }
    app.banner = { key: 'status.badLink' };
  }
  if (local) return local;
  return { manifests: DEFAULT_EXAMPLE.manifests, nodes: DEFAULT_EXAMPLE.nodes, scenario: '' };
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
  renderErrors();
  renderResults(manifests, nodes);
  app.checks += 1;
  document.body.dataset.checks = String(app.checks);
}

function normaliseResult(r) {
  return {
    objects: Array.isArray(r?.objects) ? r.objects : [],
    nodes: Array.isArray(r?.nodes) ? r.nodes : [],
    errors: Array.isArray(r?.errors) ? r.errors : [],
  };
}

function renderErrors() {
  const errors = app.result?.errors ?? [];
  for (const source of ['manifests', 'nodes']) {
    const mine = errors.filter((e) => (e.source ?? 'manifests') === source);
    app.editors[source].setErrors(mine);
    const box = $(`${source}-errors`);
    box.classList.toggle('has-errors', mine.length > 0);
    box.querySelector('.errors-title').textContent = app.result
      ? mine.length
        ? t('errors.count', { n: mine.length })
        : t('errors.none')
      : '';
    box.querySelector('ul').replaceChildren(
      ...mine.slice(0, MAX_ERRORS_LISTED).map((e) =>
        h(
          'li',
          { class: 'error', dataset: { line: e.line, column: e.column } },
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
}

function jump(source, line, column) {
  app.editors[source]?.focusAt(line, column);
}

function renderResults(manifests, nodes) {
  renderSummary($('summary-body'), { result: app.result, onJump: jump });
  renderPlacement(manifests, nodes);
  const sim = engine.hasApi('simulate');
  $('scenario').hidden = !sim;
  $('timeline').hidden = !sim;
  $('jobs').hidden = !sim;
  $('cron').hidden = !engine.hasApi('cronNext');
}

function renderPlacement(manifests, nodes) {
  const section = $('placement');
  if (!engine.hasApi('place') || !app.result) {
    section.hidden = true;
    return;
  }
  if (app.result.errors.length) {
    section.hidden = false;
    app.sections.grid.showMessage('grid.fixErrors', {}, { hideGrid: true });
    return;
  }
  try {
    const placement = engine.place(manifests, nodes);
    section.hidden = placement === null;
    if (placement) app.sections.grid.update(placement, app.result.nodes);
  } catch (e) {
    section.hidden = false;
    if (e instanceof engine.EngineCrashed) setBanner('status.engineCrashed', { message: e.message });
    app.sections.grid.showMessage('grid.failed', { message: e?.message ?? String(e) }, { hideGrid: true });
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

// --- page --------------------------------------------------------------------------------------

function fillExamples() {
  const select = $('examples');
  select.replaceChildren(
    h('option', { value: '' }, t('toolbar.examplesPlaceholder')),
    ...EXAMPLES.map((e) => h('option', { value: e.id }, t(`example.${e.id}`))),
  );
  select.value = '';
}

function translateDynamic() {
  fillExamples();
  $('lang').value = getLanguage();
  app.editors.manifests?.setLabel(t('editor.manifests.label'));
  app.editors.nodes?.setLabel(t('editor.nodes.label'));
  renderBanner();
  renderStatus();
  renderNotice();
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
  for (const kind of ['manifests', 'nodes']) {
    const parent = $(`${kind}-editor`);
    parent.replaceChildren();
    app.editors[kind] = factory({
      parent,
      doc: initial[kind] ?? '',
      kind,
      label: t(`editor.${kind}.label`),
      onChange: onEdit,
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
  app.scenario = initial.scenario ?? '';

  await createEditors(initial);
  store.saveLocal(currentState(), app.lastHash);

  app.sections.grid = createNodeGrid($('placement-body'));
  app.sections.timeline = createTimeline($('timeline-body'));
  app.sections.scenario = createScenarioView($('scenario-body'));
  app.sections.cron = createCronTimeline($('cron-body'));
  app.sections.jobs = createJobGantt($('jobs-body'));
  initHelp({ toggle: $('help-toggle'), panel: $('help'), body: $('help-body'), close: $('help-close') });

  $('lang').replaceChildren(...LANGUAGES.map((code) => h('option', { value: code, lang: code }, t(`lang.${code}`, {}, code))));
  $('lang').addEventListener('change', (e) => setLanguage(e.target.value));
  $('examples').addEventListener('change', (e) => {
    const ex = findExample(e.target.value);
    e.target.value = '';
    if (!ex) return;
    store.saveBackup(currentState());
    setAll({ manifests: ex.manifests, nodes: ex.nodes, scenario: '' });
    setStatus('status.exampleLoaded', { name: t(`example.${ex.id}`) });
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
  globalThis.kubeplay = Object.freeze({ state: currentState, result: () => app.result, engine: () => engine.engineState().state });
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
