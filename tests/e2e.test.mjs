// tests/e2e.test.mjs — end-to-end tests of the page in headless Chromium (node:test + playwright-core)
// against the real wasm package in www/pkg: errors at line:column and marked in the editor, the summary,
// Node Lists from kubectl, Korean, saving across reloads, share links, examples, offline use, a
// 5,000-node table and grid, and that an engine crash or a missing engine never loses the text.
// Fails (never skips) when Chromium or the wasm package is missing (it runs scripts/build.sh first
// when www/pkg is absent).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer, WWW_DIR } from './server.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
// For developing the page before www/pkg exists: serve /pkg/ from another folder.
const PKG_DIR = process.env.KUBEPLAY_PKG_DIR ?? join(WWW_DIR, 'pkg');
const CHROMIUM_ARGS = [
  '--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];

let server;
let browser;

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status})`);
}

/** Makes sure everything the page needs is there, building what can be built; throws otherwise. */
function ensureBuilt() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}: apt-get install -y chromium chromium-driver`);
  }
  if (!existsSync(join(WWW_DIR, 'vendor', 'codemirror.js'))) run(process.execPath, ['scripts/build-www.mjs']);
  if (!existsSync(join(PKG_DIR, 'kubeplay_wasm_bg.wasm')) && !process.env.KUBEPLAY_PKG_DIR) {
    // The build script of the repository (builds www/pkg and www/vendor when missing or stale).
    const script = ['build.sh', 'build-wasm.sh'].map((f) => join(ROOT, 'scripts', f)).find((f) => existsSync(f));
    if (script) run('bash', [script]);
  }
  for (const f of ['kubeplay_wasm.js', 'kubeplay_wasm_bg.wasm']) {
    if (!existsSync(join(PKG_DIR, f))) {
      throw new Error(`the wasm package is missing (${join(PKG_DIR, f)}): build it with scripts/build.sh`);
    }
  }
}

before(async () => {
  ensureBuilt();
  const mounts = process.env.KUBEPLAY_PKG_DIR ? { '/pkg/': PKG_DIR } : {};
  server = await startServer({ mounts });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh browser context (empty storage) and a page on the playground, engine loaded. */
async function openPage({ context, hash = '', locale = 'en-US' } = {}) {
  const ctx = context ?? (await browser.newContext({ locale, viewport: { width: 1280, height: 900 } }));
  const page = await ctx.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.problems = problems;
  await page.goto(server.url + hash);
  await waitReady(page);
  return { ctx, page };
}

async function waitReady(page) {
  await page.waitForFunction(() => document.body.dataset.engine === 'ready' && Number(document.body.dataset.checks) > 0, null, {
    timeout: 20000,
  });
}

/**
 * Replaces an editor's whole text: select all, then type it in (as an input method does) or, for long
 * text, paste it (a real clipboard paste event; the browser's own typing of 300 kB is very slow).
 */
async function replaceText(page, kind, text, { paste = text.length > 2000 } = {}) {
  const before = await checks(page);
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
    await page.keyboard.insertText(text);
  }
  await waitCheckedAfter(page, before);
}

async function checks(page) {
  return page.evaluate(() => Number(document.body.dataset.checks ?? 0));
}

async function waitCheckedAfter(page, n) {
  await page.waitForFunction((n) => Number(document.body.dataset.checks) > n, n, { timeout: 10000 });
}

async function editorText(page, kind) {
  return page.evaluate((kind) => globalThis.kubeplay.state()[kind], kind);
}

async function errorItems(page, kind) {
  return page.$$eval(`#${kind}-errors li.error`, (els) => els.map((e) => e.textContent.trim()));
}

const DAEMONSET_TYPO = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: e2e-agent
  namespace: default
spec:
  selector:
    matchLabels:
      app: e2e-agent
  template:
    metadata:
      labels:
        app: e2e-agent
    spec:
      nodeselector:
        disk: ssd
      containers:
      - name: agent
        image: busybox:1.36
`;

const NODES_TABLE = `NAME      LABELS           TAINTS                CPU  MEMORY  PODS  READY  UNSCHEDULABLE
worker-1  disk=ssd,zone=a  <none>                8    32Gi    110   true   false
worker-2  disk=hdd         gpu=true:NoSchedule   4    16Gi    110   true   false
`;

// What `kubectl get nodes -o yaml` prints (trimmed to two nodes, fields as a real cluster has them).
const NODE_LIST = `apiVersion: v1
items:
- apiVersion: v1
  kind: Node
  metadata:
    annotations:
      node.alpha.kubernetes.io/ttl: "0"
      volumes.kubernetes.io/controller-managed-attach-detach: "true"
    creationTimestamp: "2025-01-10T09:00:00Z"
    labels:
      beta.kubernetes.io/arch: amd64
      beta.kubernetes.io/os: linux
      kubernetes.io/arch: amd64
      kubernetes.io/hostname: kind-control-plane
      kubernetes.io/os: linux
      node-role.kubernetes.io/control-plane: ""
    name: kind-control-plane
    resourceVersion: "4321"
    uid: 6f1d3c59-6a2b-4c1e-9d7e-1a2b3c4d5e6f
  spec:
    podCIDR: 10.244.0.0/24
    podCIDRs:
    - 10.244.0.0/24
    providerID: kind://docker/kind/kind-control-plane
    taints:
    - effect: NoSchedule
      key: node-role.kubernetes.io/control-plane
  status:
    addresses:
    - address: 172.18.0.2
      type: InternalIP
    - address: kind-control-plane
      type: Hostname
    allocatable:
      cpu: "8"
      ephemeral-storage: 100Gi
      hugepages-2Mi: "0"
      memory: 16Gi
      pods: "110"
    capacity:
      cpu: "8"
      ephemeral-storage: 100Gi
      hugepages-2Mi: "0"
      memory: 16Gi
      pods: "110"
    conditions:
    - lastHeartbeatTime: "2025-01-10T10:00:00Z"
      lastTransitionTime: "2025-01-10T09:00:00Z"
      message: kubelet is posting ready status
      reason: KubeletReady
      status: "True"
      type: Ready
    daemonEndpoints:
      kubeletEndpoint:
        Port: 10250
    nodeInfo:
      architecture: amd64
      bootID: 2b1f0c3e-1111-2222-3333-444455556666
      containerRuntimeVersion: containerd://1.7.18
      kernelVersion: 6.1.0-18-amd64
      kubeProxyVersion: v1.31.0
      kubeletVersion: v1.31.0
      machineID: 0123456789abcdef0123456789abcdef
      operatingSystem: linux
      osImage: Debian GNU/Linux 12 (bookworm)
      systemUUID: 01234567-89ab-cdef-0123-456789abcdef
- apiVersion: v1
  kind: Node
  metadata:
    creationTimestamp: "2025-01-10T09:01:00Z"
    labels:
      kubernetes.io/arch: arm64
      kubernetes.io/hostname: kind-worker
      kubernetes.io/os: linux
    name: kind-worker
  spec:
    unschedulable: true
  status:
    allocatable:
      cpu: 3500m
      memory: 8Gi
      pods: "110"
    conditions:
    - status: "False"
      type: Ready
kind: List
metadata:
  resourceVersion: ""
`;

test('an unknown field is listed at its line:column, marked in the editor, and clears when fixed', async () => {
  const { ctx, page } = await openPage();
  try {
    await replaceText(page, 'nodes', NODES_TABLE);
    await replaceText(page, 'manifests', DAEMONSET_TYPO);

    const lines = DAEMONSET_TYPO.split('\n');
    const line = lines.findIndex((l) => l.includes('nodeselector:')) + 1;
    const column = lines[line - 1].indexOf('nodeselector') + 1;
    const expected = `${line}:${column} unknown field "spec.template.spec.nodeselector"`;
    await page.waitForFunction(
      (expected) => [...document.querySelectorAll('#manifests-errors li.error')].some((li) => li.textContent.replace(/\s+/g, ' ').includes(expected)),
      expected,
      { timeout: 10000 },
    ).catch(async (e) => {
      throw new Error(`expected error "${expected}", got ${JSON.stringify(await errorItems(page, 'manifests'))}: ${e.message}`);
    });

    // The line is marked: an error-line class, a lint underline on the key and a gutter marker.
    const marked = await page.evaluate((line) => {
      const el = document.querySelectorAll('[data-editor=manifests] .cm-content .cm-line')[line - 1];
      return {
        text: el?.textContent,
        errorLine: el?.classList.contains('cm-kp-errorLine'),
        underline: el?.querySelector('.cm-lintRange-error')?.textContent,
        markedLines: document.querySelectorAll('[data-editor=manifests] .cm-kp-errorLine').length,
        gutterMarkers: document.querySelectorAll('[data-editor=manifests] .cm-lint-marker-error').length,
      };
    }, line);
    assert.equal(marked.text.trim(), 'nodeselector:');
    assert.equal(marked.errorLine, true, 'the error line has the error-line class');
    assert.equal(marked.underline, 'nodeselector', 'the misspelled key is underlined');
    assert.equal(marked.markedLines, 1);
    assert.equal(marked.gutterMarkers, 1);

    // Clicking the position in the list moves the cursor there.
    await page.click('#manifests-errors li.error .err-pos');
    const cursor = await page.evaluate(() => {
      const sel = document.getSelection();
      return sel?.toString();
    });
    assert.equal(cursor, 'nodeselector');

    // Fix the typo by typing over the selected key.
    const n = await checks(page);
    await page.keyboard.type('nodeSelector');
    await waitCheckedAfter(page, n);
    await page.waitForFunction(() => document.querySelectorAll('#manifests-errors li.error').length === 0);
    assert.match(await editorText(page, 'manifests'), /^ {6}nodeSelector:$/m);
    assert.equal(await page.textContent('#manifests-errors .errors-title'), 'No errors');
    assert.equal(await page.locator('[data-editor=manifests] .cm-kp-errorLine').count(), 0);
    const row = page.locator('#summary-objects tr[data-kind="DaemonSet"][data-name="e2e-agent"]');
    assert.equal(await row.count(), 1, 'the summary lists the DaemonSet');
    assert.match(await row.textContent(), /DaemonSet\s*default\s*e2e-agent/);
    assert.deepEqual(page.problems, []);
  } finally {
    await ctx.close();
  }
});

test('a kind: List of Nodes from kubectl get nodes -o yaml is accepted', async () => {
  const { ctx, page } = await openPage();
  try {
    await replaceText(page, 'nodes', NODE_LIST);
    assert.deepEqual(await errorItems(page, 'nodes'), []);
    assert.equal(await page.textContent('#nodes-errors .errors-title'), 'No errors');
    const cp = page.locator('#summary-nodes tr[data-node="kind-control-plane"]');
    const worker = page.locator('#summary-nodes tr[data-node="kind-worker"]');
    assert.equal(await cp.count(), 1);
    assert.equal(await worker.count(), 1);
    assert.match(await cp.textContent(), /node-role\.kubernetes\.io\/control-plane:NoSchedule/);
    assert.match(await cp.textContent(), /16Gi/);
    assert.match(await worker.textContent(), /3500m/);
    assert.match(await worker.textContent(), /NotReady/);
    assert.match(await worker.textContent(), /Cordoned/);
    // The nodes editor switched to YAML highlighting, and a typo there is reported in the nodes list.
    const n = await checks(page);
    const typo = NODE_LIST.replace('    podCIDR: 10.244.0.0/24', '    podCIRD: 10.244.0.0/24');
    await replaceText(page, 'nodes', typo);
    assert.ok((await checks(page)) > n);
    const errs = await errorItems(page, 'nodes');
    assert.equal(errs.length, 1, JSON.stringify(errs));
    const line = typo.split('\n').findIndex((l) => l.includes('podCIRD')) + 1;
    assert.ok(errs[0].replace(/\s+/g, ' ').startsWith(`${line}:5 unknown field "`), errs[0]);
    assert.match(errs[0], /podCIRD"/);
    assert.equal(await page.locator('[data-editor=nodes] .cm-kp-errorLine').count(), 1);
    assert.deepEqual(page.problems, []);
  } finally {
    await ctx.close();
  }
});

test('the language switch changes the text to Korean and is remembered after a reload', async () => {
  const { ctx, page } = await openPage({ locale: 'en-US' });
  try {
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.textContent('#manifests-title'), 'Manifests');
    await page.selectOption('#lang', 'ko');
    assert.equal(await page.getAttribute('html', 'lang'), 'ko');
    assert.equal(await page.textContent('#manifests-title'), '매니페스트');
    assert.equal(await page.textContent('#copy-link'), '링크 복사');
    assert.equal(await page.textContent('#manifests-errors .errors-title'), '오류 없음');
    assert.match(await page.textContent('#summary-body'), /오브젝트 \d+개/);
    await page.click('#help-toggle');
    assert.match(await page.textContent('#help-body'), /kubeplay\.io\/exit-codes/);
    assert.match(await page.textContent('#help-body'), /노드 표/);

    await page.reload();
    await waitReady(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'ko');
    assert.equal(await page.textContent('#manifests-title'), '매니페스트');
    assert.equal(await page.inputValue('#lang'), 'ko');

    await page.selectOption('#lang', 'en');
    assert.equal(await page.textContent('#manifests-title'), 'Manifests');
    assert.deepEqual(page.problems, []);
  } finally {
    await ctx.close();
  }
  // A browser set to Korean starts in Korean.
  const { ctx: ko, page: kpage } = await openPage({ locale: 'ko-KR' });
  try {
    assert.equal(await kpage.getAttribute('html', 'lang'), 'ko');
  } finally {
    await ko.close();
  }
});

test('the text survives a reload and the share link round-trips', async () => {
  const { ctx, page } = await openPage();
  const marker = `# e2e ${Date.now()} — 한글도 됩니다\n`;
  let url;
  let expected;
  try {
    await page.click('[data-editor=manifests] .cm-content');
    await page.keyboard.press('ControlOrMeta+Home');
    await page.keyboard.insertText(marker);
    await replaceText(page, 'nodes', NODES_TABLE);
    expected = await page.evaluate(() => globalThis.kubeplay.state());
    assert.ok(expected.manifests.startsWith(marker));

    // Reload right away: nothing typed is lost.
    await page.reload();
    await waitReady(page);
    assert.deepEqual(await page.evaluate(() => globalThis.kubeplay.state()), expected);

    // The location hash holds the compressed state; Copy link copies exactly that URL.
    await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await page.click('#copy-link');
    await page.waitForFunction(() => document.querySelector('#status').textContent.length > 0);
    url = page.url();
    assert.match(url, /#z=[A-Za-z0-9_-]+$/);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), url);
    assert.equal(await page.inputValue('#share-url'), url);
    assert.deepEqual(page.problems, []);
  } finally {
    await ctx.close();
  }

  // A different browser (no saved text) opening the link gets the same text.
  const { ctx: other, page: opened } = await openPage({ hash: new URL(url).hash });
  try {
    assert.deepEqual(await opened.evaluate(() => globalThis.kubeplay.state()), expected);
    assert.equal(await opened.locator('#notice').isHidden(), true, 'nothing to restore in a fresh browser');

    // In a browser with its own text, the link wins and the own text can be restored.
    await opened.goto(server.url); // no hash: the saved (linked) text
    await waitReady(opened);
    await replaceText(opened, 'manifests', '# my own text\n');
    await opened.goto('about:blank');
    await opened.goto(url);
    await waitReady(opened);
    assert.equal(await editorText(opened, 'manifests'), expected.manifests);
    assert.equal(await opened.locator('#notice').isVisible(), true);
    await opened.click('#notice-actions button');
    await opened.waitForFunction(() => globalThis.kubeplay.state().manifests === '# my own text\n');
  } finally {
    await other.close();
  }
});

test('every example loads without errors and is undoable', async () => {
  const { ctx, page } = await openPage();
  try {
    const ids = await page.$$eval('#examples option', (os) => os.map((o) => o.value).filter(Boolean));
    assert.ok(ids.length >= 4, `examples: ${ids}`);
    for (const id of ids) {
      const n = await checks(page);
      await page.selectOption('#examples', id);
      await waitCheckedAfter(page, n);
      await page.waitForTimeout(200); // both editors changed: let the last check run
      const errs = [...(await errorItems(page, 'manifests')), ...(await errorItems(page, 'nodes'))];
      assert.deepEqual(errs, [], `example ${id}`);
      const result = await page.evaluate(() => globalThis.kubeplay.result());
      assert.ok(result.objects.length > 0 && result.nodes.length > 0, `example ${id} has objects and nodes`);
    }
    // Loading an example is one undoable change in each editor.
    const beforeLast = await editorText(page, 'manifests');
    await page.selectOption('#examples', ids[0]);
    await page.waitForFunction((t) => globalThis.kubeplay.state().manifests !== t, beforeLast);
    await page.click('[data-editor=manifests] .cm-content');
    await page.keyboard.press('ControlOrMeta+Z');
    await page.waitForFunction((t) => globalThis.kubeplay.state().manifests === t, beforeLast);
    assert.deepEqual(page.problems, []);
  } finally {
    await ctx.close();
  }
});

test('a 5,000-node table is checked and summarised quickly', async () => {
  const { ctx, page } = await openPage();
  try {
    const rows = ['NAME  LABELS  TAINTS  CPU  MEMORY  PODS  READY  UNSCHEDULABLE'];
    for (let i = 0; i < 5000; i++) {
      rows.push(`node-${i}  zone=z${i % 3},disk=${i % 2 ? 'ssd' : 'hdd'}  ${i % 10 === 0 ? 'gpu=true:NoSchedule' : '<none>'}  8  32Gi  110  ${i % 50 === 7 ? 'false' : 'true'}  false`);
    }
    const started = Date.now();
    await replaceText(page, 'nodes', rows.join('\n') + '\n');
    const elapsed = Date.now() - started;
    assert.deepEqual(await errorItems(page, 'nodes'), []);
    assert.match(await page.textContent('#summary-nodes h3'), /5000 nodes/);
    assert.ok(elapsed < 8000, `took ${elapsed} ms`);
    // Typing stays responsive: one more keystroke is checked within a second.
    const n = await checks(page);
    const t0 = Date.now();
    await page.keyboard.type('#');
    await waitCheckedAfter(page, n);
    assert.ok(Date.now() - t0 < 2000, `re-check took ${Date.now() - t0} ms`);
  } finally {
    await ctx.close();
  }
});

test('the node grid renders only the visible cards of 5,000 nodes', async () => {
  const { ctx, page } = await openPage();
  try {
    const r = await page.evaluate(async () => {
      const { createNodeGrid } = await import('/js/node-grid.js');
      const box = document.createElement('div');
      box.style.width = '1200px';
      document.body.append(box);
      const nodes = [];
      const entries = [];
      for (let i = 0; i < 5000; i++) {
        const name = `node-${i}`;
        const tainted = i % 7 === 0;
        nodes.push({
          name, labels: { 'kubernetes.io/hostname': name, zone: `z${i % 3}` },
          taints: tainted ? [{ key: 'gpu', value: 'true', effect: 'NoSchedule' }] : [],
          cpuMilli: 4000 + (i % 4) * 1000, memory: 16 * 2 ** 30, pods: 110, ready: true, unschedulable: false, line: i + 2,
        });
        entries.push({
          node: name, shouldRun: !tainted, shouldContinueRunning: !tainted, reasons: tainted ? ['taint'] : [],
          explain: tainted ? [{ upstream: "node(s) had untolerated taint {gpu: true}", en: 'The node has a taint the pod does not tolerate.', ko: '파드가 용인하지 않는 테인트가 노드에 있습니다.' }] : [],
        });
      }
      const placement = { daemonSets: [{ name: 'agent', namespace: 'default', desired: 5000 - 715, nodes: entries }] };
      const grid = createNodeGrid(box);
      const t0 = performance.now();
      grid.update(placement, nodes);
      await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
      const firstRender = performance.now() - t0;
      const first = grid.renderedCards();
      const viewport = box.querySelector('.grid-viewport');
      viewport.scrollTop = viewport.scrollHeight;
      await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
      const names = [...box.querySelectorAll('.node-card')].map((c) => c.dataset.node);
      const missingText = box.querySelector('.node-card.missing')?.textContent ?? '';
      box.querySelector('#grid-missing').click();
      await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
      const count = box.querySelector('#grid-count').textContent;
      box.remove();
      return { firstRender, first, last: names.at(-1), afterScroll: names.length, missingText, count };
    });
    assert.ok(r.first > 0 && r.first < 150, `rendered ${r.first} cards at first`);
    assert.ok(r.afterScroll < 150, `rendered ${r.afterScroll} cards after scrolling`);
    assert.equal(r.last, 'node-4999');
    assert.ok(r.firstRender < 1000, `first render took ${r.firstRender} ms`);
    assert.match(r.missingText, /untolerated taint/);
    assert.match(r.missingText, /does not tolerate/);
    assert.match(r.count, /^715 of 5000 nodes$/);
  } finally {
    await ctx.close();
  }
});

test('works offline once loaded', async () => {
  const { ctx, page } = await openPage();
  try {
    // The service worker is ready once it has stored the whole page, the wasm included.
    const cached = await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      const cache = await caches.open('kubeplay-v1');
      return (await cache.keys()).map((r) => new URL(r.url).pathname);
    });
    for (const p of ['/', '/js/main.js', '/vendor/codemirror.js', '/pkg/kubeplay_wasm.js', '/pkg/kubeplay_wasm_bg.wasm']) {
      assert.ok(cached.includes(p), `${p} cached: ${cached}`);
    }
    const before = await page.evaluate(() => globalThis.kubeplay.state());
    await ctx.setOffline(true);
    await page.reload();
    await waitReady(page);
    assert.deepEqual(await page.evaluate(() => globalThis.kubeplay.state()), before);
    assert.equal(await page.locator('[data-editor=manifests] .cm-content').count(), 1);
    assert.equal(await page.locator('#banner').isHidden(), true);
  } finally {
    await ctx.setOffline(false);
    await ctx.close();
  }
});

test('an engine crash (a Rust panic) shows a message, keeps the text and recovers', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  // The real package, wrapped so that check() traps like a panicking wasm when the text says PANIC.
  await ctx.route(/\/pkg\/kubeplay_wasm\.js$/, (route) =>
    route.fulfill({
      contentType: 'text/javascript',
      body: `import init, * as real from './kubeplay_wasm.js?real';
        export default init;
        export class Playground extends real.Playground {
          check(m, n) {
            if (m.includes('PANIC')) throw new WebAssembly.RuntimeError('unreachable');
            return super.check(m, n);
          }
        }`,
    }),
  );
  const { page } = await openPage({ context: ctx });
  try {
    await page.click('[data-editor=manifests] .cm-content');
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.insertText('# PANIC\n');
    await page.waitForFunction(() => !document.querySelector('#banner').hidden);
    assert.match(await page.textContent('#banner'), /engine crashed/i);
    assert.match(await editorText(page, 'manifests'), /# PANIC\n$/);
    // The engine restarts by itself (a fresh wasm instance); the next edit is checked again.
    await page.waitForFunction(() => globalThis.kubeplay.engine() === 'ready');
    const n = await checks(page);
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('\n');
    await waitCheckedAfter(page, n);
    await page.waitForFunction(() => document.querySelector('#banner').hidden);
    await page.reload();
    await waitReady(page);
    assert.match(await editorText(page, 'manifests'), /# PANI\n$/);
  } finally {
    await ctx.close();
  }
});

test('a page whose engine cannot load says so and keeps the editors', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  await ctx.route(/\/pkg\/kubeplay_wasm_bg\.wasm$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
  const page = await ctx.newPage();
  try {
    await page.goto(server.url);
    await page.waitForFunction(() => document.body.dataset.engine === 'failed');
    assert.equal(await page.locator('#banner').isVisible(), true);
    assert.match(await page.textContent('#banner'), /engine could not be loaded/);
    assert.match(await editorText(page, 'manifests'), /kind: DaemonSet/);
    await page.click('[data-editor=manifests] .cm-content');
    await page.keyboard.press('ControlOrMeta+Home');
    await page.keyboard.insertText('# still saved\n');
    await page.reload();
    await page.waitForFunction(() => document.body.dataset.engine === 'failed');
    assert.match(await editorText(page, 'manifests'), /^# still saved\n/);
  } finally {
    await ctx.close();
  }
});
