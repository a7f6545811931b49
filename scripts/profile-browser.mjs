// scripts/profile-browser.mjs — where the browser's time goes: runs one benchmark workload through
// Playground.simulate in headless Chromium under the V8 CPU profiler and prints the functions with the
// most self and inclusive time. Uses a wasm build that keeps its function names (target/pkg-names,
// built here; www/pkg strips them). Inputs come from `cargo bench --bench engine -- --write-inputs DIR`
// (scripts/bench.sh writes target/bench-inputs).
// Usage: node scripts/profile-browser.mjs [WORKLOAD] [SECONDS]   (default: the DaemonSet workload, 1h)
// PROFILE_UNDER=NAME counts only the samples with NAME on their stack (a substring of a function's
// name, e.g. `Playground::simulate` to leave out freeing the run); percentages are of those samples.
// PROFILE_CALLERS=NAME also prints who calls the functions whose name contains NAME, and
// PROFILE_CHILDREN=NAME what they call.
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { startServer } from '../tests/server.mjs';

const root = new URL('..', import.meta.url).pathname;
const inputs = `${root}target/bench-inputs`;
const names = `${root}target/pkg-names`;
const name = process.argv[2] ?? 'daemonsets-10x5000-churn-1h';
const seconds = Number(process.argv[3] ?? 3600);
if (!existsSync(`${inputs}/${name}.yaml`)) {
  console.error(`no ${inputs}/${name}.yaml: run cargo bench -p kubeplay-core --bench engine -- --write-inputs ${inputs}`);
  process.exit(2);
}
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });
run('cargo', ['build', '-q', '--release', '--target', 'wasm32-unknown-unknown', '-p', 'kubeplay-wasm']);
run('wasm-bindgen', ['--target', 'web', '--out-dir', names, 'target/wasm32-unknown-unknown/release/kubeplay_wasm.wasm']);

writeFileSync(`${inputs}/index.html`, '<!doctype html><meta charset="utf-8"><title>kubeplay profile</title>\n');
const server = await startServer({ mounts: { '/bench/': inputs, '/pkg-names/': names } });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless', '--disable-gpu'],
});
try {
  const page = await browser.newPage();
  await page.goto(`${server.url}bench/index.html`);
  await page.evaluate(async (name) => {
    const mod = await import('/pkg-names/kubeplay_wasm.js');
    await mod.default();
    window.pg = new mod.Playground();
    window.hydrateColumns = (await import('/js/model.js')).hydrateColumns;
    const get = async (ext) => (await fetch(`/bench/${name}.${ext}`)).text();
    window.inputs = await Promise.all([get('yaml'), get('nodes'), get('scenario')]);
  }, name);
  const simulate = (runs) => page.evaluate(({ seconds, runs }) => {
    const [m, n, s] = window.inputs;
    const t0 = performance.now();
    for (let i = 0; i < runs; i++) {
      window.hydrateColumns(window.pg.simulate(m, n, s, { forSeconds: seconds, maxEvents: 1e9, events: 'lazy', pods: 'columns', nodes: 'columns' }));
      window.pg.release(); // as the page's worker does after posting the result
    }
    return (performance.now() - t0) / runs;
  }, { seconds, runs });
  await simulate(1); // warm up
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const ms = await simulate(3);
  const { profile } = await cdp.send('Profiler.stop');
  console.log(`${name}: ${ms.toFixed(0)} ms per simulate (under the profiler)`);
  const label = (n) => (n.callFrame.functionName || '(anonymous)').replace(/::h[0-9a-f]{16}$/, '');
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  const inclusive = new Map();
  let total = 0;
  const under = process.env.PROFILE_UNDER;
  const onStack = (n) => {
    for (let id = n.id; id != null; id = parent.get(id)) if (label(byId.get(id)).includes(under)) return true;
    return false;
  };
  for (const n of profile.nodes) {
    if (!n.hitCount || (under && !onStack(n))) continue;
    total += n.hitCount;
    self.set(label(n), (self.get(label(n)) ?? 0) + n.hitCount);
    const seen = new Set(); // a function counts once per sample, however deep it recurses
    for (let id = n.id; id != null; id = parent.get(id)) {
      const f = label(byId.get(id));
      if (!seen.has(f)) {
        seen.add(f);
        inclusive.set(f, (inclusive.get(f) ?? 0) + n.hitCount);
      }
    }
  }
  const top = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k)
    .map(([f, h]) => `${((100 * h) / total).toFixed(1).padStart(6)} %  ${f.slice(0, 140)}`).join('\n');
  console.log('\nself time\n' + top(self, 30));
  console.log('\ninclusive time\n' + top(inclusive, 50));
  const callee = process.env.PROFILE_CALLERS;
  if (callee) {
    const callers = new Map();
    for (const n of profile.nodes) {
      if (!n.hitCount || (under && !onStack(n))) continue;
      // Self and inclusive time below the nearest frame named like `callee`, by its caller.
      for (let id = n.id; id != null; id = parent.get(id)) {
        if (!label(byId.get(id)).includes(callee)) continue;
        const up = parent.get(id);
        const f = up == null ? '(none)' : label(byId.get(up));
        callers.set(f, (callers.get(f) ?? 0) + n.hitCount);
        break;
      }
    }
    console.log(`\ncallers of ${callee}\n` + top(callers, 15));
  }
  const parentName = process.env.PROFILE_CHILDREN;
  if (parentName) {
    const children = new Map();
    for (const n of profile.nodes) {
      if (!n.hitCount || (under && !onStack(n))) continue;
      // Time below the outermost frame named like `parentName`, by the function it called.
      let child = null;
      let found = false;
      for (let id = n.id; id != null; id = parent.get(id)) {
        if (label(byId.get(id)).includes(parentName)) { found = true; break; }
        child = label(byId.get(id));
      }
      if (found) children.set(child ?? '(self)', (children.get(child ?? '(self)') ?? 0) + n.hitCount);
    }
    console.log(`\nchildren of ${parentName}\n` + top(children, 20));
  }
} finally {
  await browser.close();
  await server.close();
}
