// scripts/bench-browser.mjs — times kubeplay's benchmark workloads through the built wasm (www/pkg) in
// headless Debian Chromium, and `cron next` throughput against the JS libraries cron-parser and croner
// in node. Inputs come from `cargo bench --bench engine -- --write-inputs DIR`. Prints each figure with
// its budget. Usage: node scripts/bench-browser.mjs DIR
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { startServer } from '../tests/server.mjs';

const dir = process.argv[2];
if (!dir || !existsSync(join(dir, 'index.json'))) {
  console.error('usage: node scripts/bench-browser.mjs DIR (made by cargo bench --bench engine -- --write-inputs DIR)');
  process.exit(2);
}
writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>kubeplay bench</title>\n');
const only = process.env.BENCH_ONLY; // a substring: run only matching workloads (`cron`: only cron next)
const cronToo = !only || only === 'cron';
const workloads = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')).filter((w) => !only || (only !== 'cron' && w.name.includes(only)));
const server = await startServer({ mounts: { '/bench/': dir } });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
try {
  const page = await browser.newPage();
  await page.goto(`${server.url}bench/index.html`);
  console.log(`${'browser benchmark (wasm, Chromium)'.padEnd(36)} ${'best ms'.padStart(9)} ${'median ms'.padStart(10)}  budget`);
  for (const w of workloads) {
    const result = await page.evaluate(async ({ name, seconds, record }) => {
      const mod = await import('/pkg/kubeplay_wasm.js');
      const { hydrateColumns } = await import('/js/model.js');
      await mod.default();
      const pg = new mod.Playground();
      const get = async (ext) => (await fetch(`/bench/${name}.${ext}`)).text();
      const [m, n, s] = await Promise.all([get('yaml'), get('nodes'), get('scenario')]);
      // A re-simulation is what the budgets are about: the first run in a fresh instance (wasm
      // memory growing, V8 still compiling the hot functions) is timed apart and not counted.
      const runs = seconds > 86400 * 30 ? 3 : 9;
      const times = [];
      const freeMs = [];
      let first = null;
      for (let i = seconds > 86400 * 30 ? 0 : -1; i < runs; i++) {
        const t0 = performance.now();
        // As the page asks for its main run: routine pod events left in the engine (model.js
        // loadEventsOf fetches a pod's when it is opened), pods as columns made into objects again
        // (model.js hydrateColumns, included in the time).
        hydrateColumns(pg.simulate(m, n, s, { forSeconds: seconds, maxEvents: 1e9, record, events: 'lazy', pods: 'columns', nodes: 'columns' }));
        if (i < 0) first = performance.now() - t0;
        else times.push(performance.now() - t0);
        // The page's worker frees the run after posting the result (engine.js); timed apart.
        const t1 = performance.now();
        pg.release?.();
        if (i >= 0) freeMs.push(performance.now() - t1);
      }
      times.sort((a, b) => a - b);
      freeMs.sort((a, b) => a - b);
      return { best: times[0], median: times[Math.floor(times.length / 2)], free: freeMs[Math.floor(freeMs.length / 2)], first };
    }, w);
    const budget = w.budgetMs == null ? '-' : `< ${w.budgetMs} ms ${result.median < w.budgetMs ? 'OK' : 'OVER'}`;
    console.log(`${w.name.padEnd(36)} ${result.best.toFixed(1).padStart(9)} ${result.median.toFixed(1).padStart(10)}  ${budget}  (then freed in ${result.free.toFixed(1)} ms${result.first == null ? '' : `; first run ${result.first.toFixed(0)} ms`})`);
  }
  // cron next throughput: a year of `* * * * *` (525,600 next times) in the browser's wasm.
  const cron = cronToo && await page.evaluate(async () => {
    const mod = await import('/pkg/kubeplay_wasm.js');
    await mod.default();
    const pg = new mod.Playground();
    const t0 = performance.now();
    const n = pg.cronCount('* * * * *', '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z', 'UTC');
    return { n, ms: performance.now() - t0 };
  });
  if (cron) console.log(`cron next, kubeplay wasm (Chromium): ${cron.n} times in ${cron.ms.toFixed(1)} ms = ${(cron.n / cron.ms * 1000).toFixed(0)}/s`);
} finally {
  await browser.close();
  await server.close();
}
if (!cronToo) process.exit(0);

// The same count in node with the kubeplay wasm, cron-parser and croner, in one process.
const require = createRequire(import.meta.url);
const from = new Date('2026-01-01T00:00:00Z');
const to = new Date('2027-01-01T00:00:00Z');
function timeIt(label, fn) {
  const t0 = performance.now();
  const n = fn();
  const ms = performance.now() - t0;
  console.log(`cron next, ${label.padEnd(26)} ${String(n).padStart(7)} times in ${ms.toFixed(1).padStart(8)} ms = ${(n / ms * 1000).toFixed(0)}/s`);
}
const wasmBytes = readFileSync(new URL('../www/pkg/kubeplay_wasm_bg.wasm', import.meta.url));
const kp = await import('../www/pkg/kubeplay_wasm.js');
await kp.default({ module_or_path: wasmBytes });
const pg = new kp.Playground();
timeIt('kubeplay wasm (node)', () => pg.cronCount('* * * * *', from.toISOString(), to.toISOString(), 'UTC'));
try {
  const { CronExpressionParser } = require('cron-parser');
  timeIt('cron-parser', () => {
    const it = CronExpressionParser.parse('* * * * *', { currentDate: from, endDate: to, tz: 'UTC' });
    let n = 0;
    while (it.hasNext()) { it.next(); n++; }
    return n;
  });
} catch (e) { console.log(`cron-parser: not measured (${e.message})`); }
try {
  const { Cron } = require('croner');
  timeIt('croner', () => {
    const c = new Cron('* * * * *', { timezone: 'UTC', paused: true });
    let n = 0;
    let t = from;
    for (;;) { t = c.nextRun(t); if (!t || t >= to) break; n++; }
    return n;
  });
} catch (e) { console.log(`croner: not measured (${e.message})`); }
