// tests/browser.mjs — shared helpers of the browser tests (not a test file itself): makes sure the page
// can be served (building www/vendor and www/pkg when missing; throwing — never skipping — when Chromium
// or the wasm package is absent), starts the static server and headless Chromium through playwright-core,
// and drives the page (open, replace an editor's text, load an example, wait for checks and simulations).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer, WWW_DIR } from './server.mjs';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const PKG_DIR = process.env.KUBEPLAY_PKG_DIR ?? join(WWW_DIR, 'pkg');
const CHROMIUM_ARGS = [
  '--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status})`);
}

/** Makes sure everything the page needs is there, building what can be built; throws otherwise. */
export function ensureBuilt() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}: apt-get install -y chromium chromium-driver`);
  }
  if (!existsSync(join(WWW_DIR, 'vendor', 'codemirror.js'))) run(process.execPath, ['scripts/build-www.mjs']);
  if (!existsSync(join(PKG_DIR, 'kubeplay_wasm_bg.wasm')) && !process.env.KUBEPLAY_PKG_DIR) {
    const script = join(ROOT, 'scripts', 'build.sh');
    if (existsSync(script)) run('bash', [script]);
  }
  for (const f of ['kubeplay_wasm.js', 'kubeplay_wasm_bg.wasm']) {
    if (!existsSync(join(PKG_DIR, f))) {
      throw new Error(`the wasm package is missing (${join(PKG_DIR, f)}): build it with scripts/build.sh`);
    }
  }
}

/** Starts the server and the browser: `{server, browser, close()}`. */
export async function launch() {
  ensureBuilt();
  const mounts = process.env.KUBEPLAY_PKG_DIR ? { '/pkg/': PKG_DIR } : {};
  const server = await startServer({ mounts });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** A fresh context (empty storage) and a page on the playground with the engine loaded. */
export async function openPage(env, { hash = '', locale = 'en-US', viewport = { width: 1280, height: 900 } } = {}) {
  const ctx = await env.browser.newContext({ locale, viewport });
  const page = await ctx.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.problems = problems;
  await page.goto(env.server.url + hash);
  await waitReady(page);
  return { ctx, page };
}

export async function waitReady(page) {
  await page.waitForFunction(() => document.body.dataset.engine === 'ready' && Number(document.body.dataset.checks) > 0, null, {
    timeout: 20000,
  });
}

export async function checks(page) {
  return page.evaluate(() => Number(document.body.dataset.checks ?? 0));
}

export async function sims(page) {
  return page.evaluate(() => Number(document.body.dataset.sims ?? 0));
}

/** Waits until more than `n` simulations have been shown. */
export async function waitSimulatedAfter(page, n, timeout = 30000) {
  await page.waitForFunction((n) => Number(document.body.dataset.sims ?? 0) > n, n, { timeout });
}

/** Loads an example or lesson from the menu and waits for its simulation. */
export async function loadExample(page, id, timeout = 30000) {
  const n = await sims(page);
  await page.selectOption('#examples', id);
  await waitSimulatedAfter(page, n, timeout);
}

/**
 * Replaces an editor's whole text: select all, then type it in (as an input method does) or, for long
 * text, paste it (a real clipboard paste event).
 */
export async function replaceText(page, kind, text, { paste = text.length > 2000 } = {}) {
  await page.click(`[data-editor=${kind}] .cm-content`);
  await page.keyboard.press('ControlOrMeta+A');
  if (paste) {
    await page.evaluate(
      ({ kind, text }) => {
        const dt = new DataTransfer();
        dt.setData('text/plain', text);
        const target = document.querySelector(`[data-editor=${kind}] .cm-content`);
        target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
      },
      { kind, text },
    );
  } else {
    await page.keyboard.press('Delete');
    if (text) await page.keyboard.insertText(text);
  }
}

export async function editorText(page, kind) {
  return page.evaluate((kind) => globalThis.kubeplay.state()[kind], kind);
}

/** Drags the time scrubber's thumb to `fraction` (0…1) of its track with the mouse. */
export async function dragScrubber(page, from, to, steps = 12) {
  const box = await page.locator('#timeline-range').boundingBox();
  const y = box.y + box.height / 2;
  // The thumb is about 16px wide: its centre runs from 8px to width-8px.
  const xAt = (f) => box.x + 8 + (box.width - 16) * f;
  await page.mouse.move(xAt(from), y);
  await page.mouse.down();
  await page.mouse.move(xAt(to), y, { steps });
  await page.mouse.up();
}
