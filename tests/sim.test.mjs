// tests/sim.test.mjs — end-to-end tests of the simulation views in headless Chromium against the real
// wasm package: the scenario editor (errors marked at their line, failed steps as warnings, saved in
// the share link), the DaemonSet lesson's node cards and reasons over time, Pending pods with their
// scheduler message and capacity bars, the time scrubber driving the kubectl get panel, pod details
// with events, the CronJob comparison (three lanes with bars, the
// schedule explainer, 120 days of lanes where the full run stops at its event limit, a year of
// `* * * * *` aggregated then exact when zoomed), the Job Gantt chart
// (bars, back-off gaps, deadline line, the behaviour form), and the 5,000-node lesson staying responsive.
// Fails (never skips) when Chromium or the wasm package is missing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, openPage, loadExample, replaceText, editorText, sims, waitSimulatedAfter, dragScrubber, checks,
} from './browser.mjs';

let env;

before(async () => {
  env = await launch();
});

after(async () => {
  await env?.close();
});

/** The text of `sel` as shown (innerText; textContent for SVG), whitespace collapsed. */
const text = (page, sel) =>
  page.locator(sel).first().evaluate((el) => (el instanceof HTMLElement ? el.innerText : el.textContent) ?? '').then((s) => s.replace(/\s+/g, ' ').trim());

/** Moves the scrubber to `s` seconds and waits until the grid shows that moment. */
async function seek(page, s) {
  await page.evaluate((s) => globalThis.kubeplay.setTime(s), s);
  await page.waitForFunction((s) => Number(document.body.dataset.time) === s, s);
}

test('the DaemonSet lesson shows node cards with reasons, and follows the scrubber', async () => {
  const { ctx, page } = await openPage(env);
  try {
    await loadExample(page, 'lesson-ds-no-match');
    assert.equal(await page.locator('#timeline').isVisible(), true);
    await seek(page, 0);
    // At the start: no node matches disk=ssd, DESIRED 0, every card says why in words and upstream.
    await page.waitForFunction(() => document.querySelectorAll('#placement .node-card').length === 4);
    assert.match(await text(page, '#grid-desired'), /ssd-monitor 0 pods desired/);
    const worker1 = page.locator('.node-card[data-node="worker-1"]');
    assert.match(await worker1.textContent(), /ssd-monitor\s*no pod here/);
    assert.match(await worker1.locator('.reason-text').first().textContent(), /disk=hdd/);
    assert.match(await worker1.locator('.upstream').first().textContent(), /node\(s\) didn't match Pod's node affinity\/selector/);
    const cp = page.locator('.node-card[data-node="cp-1"]');
    assert.equal(await cp.locator('.reason').count(), 2, 'cp-1: the missing label and the untolerated taint');
    assert.match(await cp.textContent(), /untolerated taint/);
    // Capacity bars show requests against allocatable.
    assert.match(await worker1.locator('.bars').textContent(), /0\/8/);

    // After the label at 30s, worker-2 runs the pod; the placement there is recomputed for that moment.
    await seek(page, 45);
    const worker2 = page.locator('.node-card[data-node="worker-2"]');
    await page.waitForFunction(() => /runs a pod here/.test(document.querySelector('.node-card[data-node="worker-2"]')?.textContent ?? ''));
    assert.equal(await worker2.locator('[data-pod^="default/ssd-monitor-"]').count(), 1);
    assert.match(await worker2.locator('.bars').textContent(), /50m\/8/);
    await page.waitForFunction(() => /ssd-monitor 1 pod desired/.test(document.querySelector('#grid-desired').textContent));
    assert.match(await text(page, '#grid-when'), /At \+45s/);

    // In Korean the reasons are Korean, the upstream message stays as Kubernetes prints it.
    await page.selectOption('#lang', 'ko');
    const reason = await page.locator('.node-card[data-node="worker-1"] .reason-text').first().textContent();
    assert.match(reason, /[가-힣]/);
    assert.match(await page.locator('.node-card[data-node="worker-1"] .upstream').first().textContent(), /didn't match/);
    await page.selectOption('#lang', 'en');

    // Clicking a pod opens its details and events.
    await worker2.locator('[data-pod^="default/ssd-monitor-"]').click();
    await page.waitForSelector('#pod-details:not([hidden])');
    assert.match(await text(page, '#pod-details'), /Owner DaemonSet\/ssd-monitor/);
    assert.match(await text(page, '#pod-details'), /Node worker-2/);
    // The routine ones (Scheduled, Started) come from the worker's engine a moment later.
    await page.waitForSelector('#pod-events tbody tr[data-reason="Started"]');
    assert.equal(await page.locator('#pod-events-loading').count(), 0);
    const reasons = await page.$$eval('#pod-events tbody tr', (rows) => rows.map((r) => r.dataset.reason));
    assert.ok(reasons.includes('Scheduled') && reasons.includes('Started'), reasons.join());
    await page.keyboard.press('Escape');
    await page.waitForSelector('#pod-details', { state: 'hidden' });
    assert.deepEqual(page.problems, []);
  } finally {
    await ctx.close();
  }
});

test('Pending pods are listed with the scheduler message, and capacity bars count requests', async () => {
  const { ctx, page } = await openPage(env);
  try {
    await loadExample(page, 'lesson-os-hostport'); // the old pod holds hostPort 9100 on centos-2 until 1m
    await seek(page, 30);
    await page.waitForSelector('#grid-pending:not([hidden])');
    assert.match(await text(page, '#grid-pending h3'), /^1 pod without a node at \+30s$/);
    assert.match(await text(page, '#grid-pending li'), /node-exporter-\S+ 0\/4 nodes are available: .*1 node\(s\) didn't have free ports for the requested pod ports/);
    // The DaemonSet still wants that node: its card says so instead of giving a reason.
    assert.match(await text(page, '.node-card[data-node="centos-2"]'), /should run here, but has no pod on it at this time/);
    assert.match(await text(page, '.node-card[data-node="ubuntu-1"]'), /os=ubuntu|os=centos/);
    await seek(page, 90);
    await page.waitForSelector('#grid-pending', { state: 'hidden' });
    assert.equal(await page.locator('.node-card[data-node="centos-2"] [data-pod^="default/node-exporter-"]').count(), 1);

    await loadExample(page, 'lesson-ds-vs-rs');
    await seek(page, 30);
    await page.waitForSelector('#grid-pending:not([hidden])');
    const pending = await page.$$eval('#grid-pending li', (lis) => lis.map((li) => li.innerText.replace(/\s+/g, ' ')));
    assert.equal(pending.length, 2, pending.join('\n'));
    assert.ok(pending.some((l) => /^web-\S+ 0\/3 nodes are available: 3 Insufficient cpu\./.test(l)), pending.join('\n'));
    assert.ok(pending.some((l) => /^node-agent-\S+ .*1 Insufficient cpu/.test(l)), pending.join('\n'));
    // big: the agent (300m) and three web pods (1 CPU each) of 4 CPUs.
    assert.match(await text(page, '.node-card[data-node="big"] .bars'), /CPU 3300m\/4 Memory 1600Mi\/16Gi Pods 4\/110/);
    assert.deepEqual(page.problems, []);
  } finally {
    await ctx.close();
  }
});

test('dragging the scrubber changes the kubectl get panel and the grid', async () => {
  const { ctx, page } = await openPage(env);
  try {
    await loadExample(page, 'lesson-ds-no-match'); // 2 minutes; labels at 30s and 1m
    await seek(page, 0);
    await page.waitForFunction(() => document.querySelector('#kubectl-out').dataset.at === '0');
    const before = await page.textContent('#kubectl-out');
    assert.match(before, /No resources found/);

    // Drag with the mouse to the end: during the drag the grid follows, then the panel shows the end.
    await dragScrubber(page, 0, 1);
    await page.waitForFunction(() => document.querySelector('#kubectl-out').dataset.at === '120');
    const after = await page.textContent('#kubectl-out');
    assert.notEqual(after, before);
    assert.match(after, /^NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE/);
    assert.equal((after.match(/ssd-monitor-\S+\s+1\/1\s+Running/g) ?? []).length, 2, after);
    assert.match(await text(page, '#grid-when'), /At \+2m/);
    await page.waitForFunction(() => document.querySelectorAll('.node-card [data-pod^="default/ssd-monitor-"]').length === 2);

    // Back to between the two labels (30s and 1m): one pod.
    await dragScrubber(page, 1, 0.38);
    const at = await page.evaluate(() => Number(document.body.dataset.time));
    assert.ok(at > 30 && at < 60, `dragged to ${at}`);
    await page.waitForFunction((at) => document.querySelector('#kubectl-out').dataset.at === String(at), at);
    assert.equal(((await page.textContent('#kubectl-out')).match(/ssd-monitor-/g) ?? []).length, 1);

    // Another kind, -o wide.
    await page.selectOption('#kubectl-kind', 'ds');
    await page.check('#kubectl-wide');
    await page.waitForFunction(() => /CONTAINERS/.test(document.querySelector('#kubectl-out').textContent));
    const ds = await page.textContent('#kubectl-out');
    assert.match(ds, /NAMESPACE\s+NAME\s+DESIRED\s+CURRENT\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+NODE SELECTOR\s+AGE\s+CONTAINERS\s+IMAGES\s+SELECTOR/);
    assert.match(ds, /ssd-monitor\s+1\s+1\s+1\s+1\s+1\s+disk=ssd/);

    // Play runs the clock forward.
    await seek(page, 0);
    await page.click('#timeline-play');
    await page.waitForFunction(() => Number(document.body.dataset.time) > 5);
    await page.click('#timeline-play');
    assert.deepEqual(page.problems, []);
  } finally {
    await ctx.close();
  }
});

test('the scenario editor marks errors at their line, failed steps as warnings, and is shared', async () => {
  const { ctx, page } = await openPage(env);
  try {
    await loadExample(page, 'lesson-ds-no-match');
    // A line that is not `<offset> <command>`.
    const n = await sims(page);
    await replaceText(page, 'scenario', '30s kubectl label node worker-2 disk=ssd --overwrite\nsoon kubectl cordon worker-1\n');
    await page.waitForFunction(() => document.querySelectorAll('#scenario-errors li.error').length > 0);
    const err = await text(page, '#scenario-errors li.error');
    assert.match(err, /^2:1 /, err);
    assert.equal(await page.locator('[data-editor=scenario] .cm-kp-errorLine').count(), 1);
    assert.match(await text(page, '#sim-message'), /Fix the errors in the scenario/);
    assert.equal(await sims(page), n, 'an invalid scenario is not simulated');

    // A valid line whose command fails when it runs: a warning on that line.
    await replaceText(page, 'scenario', '30s kubectl label node worker-2 disk=ssd --overwrite\n45s kubectl cordon no-such-node\n');
    await waitSimulatedAfter(page, n);
    await page.waitForFunction(() => document.querySelectorAll('#scenario-errors li.warning').length === 1);
    assert.match(await text(page, '#scenario-errors li.warning'), /^2:1 at \+45s this step failed: .*no-such-node/);
    assert.equal(await page.locator('#sim-message').isHidden(), true);

    // The duration field: invalid text is refused, a valid one re-simulates that long.
    await page.fill('#sim-for', 'ten minutes');
    await page.waitForFunction(() => document.querySelector('#sim-for').getAttribute('aria-invalid') === 'true');
    const m = await sims(page);
    await page.fill('#sim-for', '90s');
    await waitSimulatedAfter(page, m);
    assert.equal(await page.evaluate(() => globalThis.kubeplay.sim().duration), 90);

    // The scenario and the duration are saved and travel in the share link.
    const state = await page.evaluate(() => globalThis.kubeplay.state());
    assert.equal(state.duration, '90s');
    assert.match(state.scenario, /no-such-node/);
    await page.reload();
    await page.waitForFunction(() => Number(document.body.dataset.sims ?? 0) > 0, null, { timeout: 20000 });
    assert.deepEqual(await page.evaluate(() => globalThis.kubeplay.state()), state);
    assert.equal(await page.inputValue('#sim-for'), '90s');
    const hash = await page.evaluate(() => location.hash);
    const { ctx: other, page: opened } = await openPage(env, { hash });
    try {
      assert.deepEqual(await opened.evaluate(() => globalThis.kubeplay.state()), state);
    } finally {
      await other.close();
    }
    assert.deepEqual(page.problems, []);
  } finally {
    await ctx.close();
  }
});

test('the CronJob comparison shows three lanes with bars, skips, late starts and replaced Jobs', async () => {
  const { ctx, page } = await openPage(env, { viewport: { width: 1400, height: 900 } });
  try {
    await loadExample(page, 'lesson-cron-policies');
    await page.waitForSelector('#cron-body[data-ready="true"]', { timeout: 30000 });
    const lanes = await page.$$eval('#cron-chart g.lane', (gs) =>
      gs.map((g) => ({
        policy: g.dataset.policy,
        jobs: g.querySelectorAll('rect.job').length,
        complete: g.querySelectorAll('rect.job-complete').length,
        replaced: g.querySelectorAll('rect.job-replaced').length,
        running: g.querySelectorAll('rect.job-running').length,
        skips: g.querySelectorAll('.mark-skip').length,
        late: g.querySelectorAll('.late-link').length,
        ticks: g.querySelectorAll('.tick').length,
      })),
    );
    assert.deepEqual(lanes.map((l) => l.policy), ['Allow', 'Forbid', 'Replace']);
    const [allow, forbid, replace] = lanes;
    assert.equal(await page.getAttribute('#cron-chart svg', 'data-mode'), 'exact');
    for (const l of lanes) assert.equal(l.ticks, 9, `${l.policy}: a tick per minute after the start`);
    assert.equal(allow.jobs, 9);
    assert.ok(allow.complete >= 7 && allow.skips === 0, JSON.stringify(allow));
    assert.ok(forbid.jobs < allow.jobs && forbid.skips > 0 && forbid.late > 0, JSON.stringify(forbid));
    assert.equal(replace.complete, 0, 'under Replace no Job completes');
    assert.ok(replace.replaced >= 7, JSON.stringify(replace));

    // Hovering a late Forbid Job explains why.
    const late = page.locator('#cron-chart g.lane[data-policy=Forbid] rect.job-late').first();
    await late.hover();
    await page.waitForSelector('#cron-chart .chart-tip:not([hidden])');
    assert.match(await text(page, '#cron-chart .chart-tip'), /late: the previous Job was still running \(Forbid\)/);
    const replaced = page.locator('#cron-chart g.lane[data-policy=Replace] rect.job-replaced').first();
    await replaced.hover();
    assert.match(await text(page, '#cron-chart .chart-tip'), /deleted by Replace when the next run started/);

    // The explainer: words in the page's language and the next five times in a chosen zone.
    assert.match(await text(page, '#cron-words'), /minute/i);
    assert.equal(await page.locator('#cron-next li').count(), 5);
    await page.selectOption('#cron-zone', 'Asia/Seoul');
    await page.waitForFunction(() => /\+09:00/.test(document.querySelector('#cron-next').textContent));
    await page.selectOption('#lang', 'ko');
    assert.match(await text(page, '#cron-words'), /[가-힣]/);
    await page.selectOption('#lang', 'en');
    // Any schedule can be tried in the explainer; a wrong one says what is wrong.
    await page.fill('#cron-schedule', '30 9 * * MON-FRI');
    await page.waitForFunction(() => /09:30/.test(document.querySelector('#cron-next').textContent));
    assert.doesNotMatch(await text(page, '#cron-words'), /every minute/i);
    await page.fill('#cron-schedule', '61 * * * *');
    await page.waitForFunction(() => document.querySelector('#cron-words').classList.contains('error'));
    assert.equal(await page.locator('#cron-next li').count(), 0);

    // Zoom in and back out.
    await page.click('#cron-zoom-in');
    const zoomed = await page.getAttribute('#cron-chart svg', 'data-v1');
    assert.ok(Number(zoomed) < 600, zoomed);
    await page.click('#cron-zoom-fit');
    assert.equal(await page.getAttribute('#cron-chart svg', 'data-v1'), '600');
    assert.deepEqual(page.problems, []);
  } finally {
    await ctx.close();
  }
});

test('the CronJob lanes run the whole horizon where the full run stops at its event limit', async () => {
  const { ctx, page } = await openPage(env, { viewport: { width: 1400, height: 900 } });
  try {
    await loadExample(page, 'lesson-cron-policies');
    await page.waitForSelector('#cron-body[data-ready="true"]', { timeout: 30000 });
    // 120 days of a 90s Job every minute: the full run (9 events a minute) stops after about 77 days.
    const n = await sims(page);
    const t0 = Date.now();
    await page.fill('#sim-for', '120d');
    await waitSimulatedAfter(page, n, 120000);
    const tl = await page.evaluate(() => {
      const t = globalThis.kubeplay.timeline();
      return { truncated: t.events.some((e) => e.reason === 'SimulationTruncated'), duration: t.duration };
    });
    assert.ok(tl.truncated && tl.duration < 80 * 86400, JSON.stringify(tl));
    // The page says where and why the run stopped.
    assert.match(await text(page, '#sim-message'), /^The run stopped at \+7\dd.* of 120d: the page keeps at most 1,000,000 events \(SimulationTruncated\)/);
    // The lanes record only Jobs and skipped runs, so each covers all 120 days.
    await page.waitForFunction(() => document.querySelector('#cron-body')?.dataset.ready === 'true' &&
      document.querySelectorAll('#cron-chart g.lane').length === 3, null, { timeout: 180000 });
    const ms = Date.now() - t0;
    const lanes = await page.$$eval('#cron-chart g.lane', (gs) => gs.map((g) => [g.dataset.policy, g.querySelector('.lane-sub')?.textContent]));
    const minutes = 120 * 1440 - 1; // a run at every minute after the start
    assert.deepEqual(lanes.map((l) => l[0]), ['Allow', 'Forbid', 'Replace']);
    const count = (label) => Number(String(label).replace(/[^0-9]/g, ''));
    assert.equal(count(lanes[0][1]), minutes, `Allow: ${lanes[0][1]}`);
    assert.ok(count(lanes[1][1]) > minutes / 3 && count(lanes[1][1]) < minutes, `Forbid: ${lanes[1][1]}`);
    assert.equal(count(lanes[2][1]), minutes, `Replace: ${lanes[2][1]}`);
    assert.equal(await page.getAttribute('#cron-chart svg', 'data-mode'), 'aggregate');
    assert.equal(Number(await page.getAttribute('#cron-chart svg', 'data-v1')), 120 * 86400, 'the axis spans all 120 days');
    // `kubectl get cronjobs` at the scrubber (it runs recording only Jobs).
    await page.selectOption('#kubectl-kind', 'cronjobs');
    await page.evaluate(() => globalThis.kubeplay.setTime(70 * 86400));
    await page.waitForFunction(() => document.querySelector('#kubectl-out').dataset.at === String(70 * 86400) &&
      document.querySelector('#kubectl-out').dataset.kind === 'cronjobs', null, { timeout: 120000 });
    assert.match(await text(page, '#kubectl-out'), /every-minute \* \* \* \* \* <none> False 1 60s 70d/);
    assert.deepEqual(page.problems, []);
    console.log(`# measured: 120 days of * * * * * (full run truncated, 3 lanes of ${minutes} runs) ready in ${ms} ms`);
  } finally {
    await ctx.close();
  }
});

test('a year of * * * * * is drawn in buckets when zoomed out and exactly when zoomed in', async () => {
  const { ctx, page } = await openPage(env, { viewport: { width: 1400, height: 900 } });
  try {
    const r = await page.evaluate(async () => {
      const { createCronTimeline } = await import('/js/cron-timeline.js');
      const { indexTimeline } = await import('/js/model.js');
      const box = document.createElement('div');
      box.style.width = '1200px';
      document.body.append(box);
      // A made-up timeline: one 90s Job a minute for a year (525,600 Jobs), every tenth one skipped.
      const start = Date.parse('2026-01-01T00:00:00Z');
      const iso = (s) => new Date(start + s * 1000).toISOString();
      const year = 365 * 86400;
      const jobs = [];
      const events = [];
      for (let m = 1; m * 60 < year; m++) {
        const s = m * 60;
        if (m % 10 === 0) {
          events.push({ time: iso(s), type: 'Normal', reason: 'JobAlreadyActive', object: 'CronJob/tick', message: 'skipped' });
          continue;
        }
        jobs.push({ name: `tick-${m}`, namespace: 'default', cronJob: 'tick', scheduledTime: iso(s), created: iso(s + 0.1), finished: iso(s + 90), deleted: null, status: 'Complete', reason: null, succeeded: 1, failed: 0 });
      }
      const tl = indexTimeline({ start: iso(0), end: iso(year), nodes: [], pods: [], jobs, events });
      const view = createCronTimeline(box, { simulateVariant: async () => tl });
      const t0 = performance.now();
      view.update({ cronJobs: [{ name: 'tick', namespace: 'default', schedule: '* * * * *', timeZone: '', policy: 'Allow' }], start: iso(0), duration: year, key: 'year', time: 0 });
      await new Promise((ok) => {
        const wait = () => (box.dataset.ready === 'true' ? ok() : setTimeout(wait, 20));
        wait();
      });
      const drawAll = performance.now() - t0;
      const svg = () => box.querySelector('svg');
      const out = { jobs: jobs.length, drawAll, mode: svg().dataset.mode, buckets: svg().querySelectorAll('rect.job-bucket').length, rects: svg().querySelectorAll('rect.job').length };
      const t1 = performance.now();
      view.zoomTo(86400 * 100, 86400 * 100 + 3600);
      out.drawHour = performance.now() - t1;
      out.hourMode = svg().dataset.mode;
      out.hourJobs = svg().querySelectorAll('g.lane[data-policy=Allow] rect.job').length;
      out.hourTicks = svg().querySelectorAll('g.lane[data-policy=Allow] .tick').length;
      out.hourSkips = svg().querySelectorAll('g.lane[data-policy=Allow] .mark-skip').length;
      box.remove();
      return out;
    });
    assert.equal(r.mode, 'aggregate');
    assert.equal(r.rects, 0, 'no single Job bars a year wide');
    assert.ok(r.buckets > 300, `buckets: ${r.buckets}`);
    assert.equal(r.hourMode, 'exact');
    assert.ok(r.hourJobs >= 54 && r.hourJobs <= 56, `Jobs in an hour: ${r.hourJobs}`);
    assert.ok(r.hourTicks >= 59 && r.hourTicks <= 61, `ticks in an hour: ${r.hourTicks}`);
    assert.ok(r.hourSkips >= 6 && r.hourSkips <= 7, `skips in an hour: ${r.hourSkips}`);
    assert.ok(r.drawAll < 5000, `drawing three lanes of a year took ${r.drawAll} ms`);
    assert.ok(r.drawHour < 1000, `drawing an hour took ${r.drawHour} ms`);
    test.diagnostic?.(`a year of * * * * * (${r.jobs} Jobs × 3 lanes): ${r.drawAll.toFixed(0)} ms aggregated; one hour exact: ${r.drawHour.toFixed(0)} ms`);
    console.log(`# measured: a year of * * * * * (${r.jobs} Jobs x 3 lanes) drawn aggregated in ${r.drawAll.toFixed(0)} ms; one hour exact in ${r.drawHour.toFixed(0)} ms`);
  } finally {
    await ctx.close();
  }
});

test('the Job Gantt shows bars, the completions counter, the deadline line and the final condition', async () => {
  const { ctx, page } = await openPage(env, { viewport: { width: 1400, height: 900 } });
  try {
    await loadExample(page, 'lesson-job-deadline');
    await page.selectOption('#jobs-select', 'default/slow');
    const svg = page.locator('#jobs-chart svg');
    assert.equal(await svg.getAttribute('data-lanes'), '2');
    assert.equal(await page.locator('#jobs-chart rect.pod-bar.pod-succeeded').count(), 2);
    assert.equal(await page.locator('#jobs-chart rect.pod-bar.pod-failed').count(), 2, 'the second round is cut by the deadline');
    assert.equal(await page.locator('#jobs-deadline').count(), 1);
    assert.equal(await page.getAttribute('#jobs-deadline', 'data-at'), '30');
    assert.match(await text(page, '#jobs-deadline'), /activeDeadlineSeconds 30s/);
    assert.equal(await text(page, '#jobs-status'), 'Failed');
    assert.equal(await text(page, '#jobs-reason'), 'DeadlineExceeded');
    assert.equal(await page.getAttribute('#jobs-counter', 'data-steps'), '2');
    // The deadline line sits at +30s on the axis.
    const x = await page.evaluate(() => {
      const line = document.querySelector('#jobs-deadline line');
      return { line: Number(line.getAttribute('x1')), at30: document.querySelector('#jobs-chart svg')._scale(30) };
    });
    assert.ok(Math.abs(x.line - x.at30) < 0.5, JSON.stringify(x));

    // The form: "fast" with 9s pods completes in time.
    await page.selectOption('#jobs-select', 'default/fast');
    assert.equal(await text(page, '#jobs-reason'), 'DeadlineExceeded');
    await page.fill('#jobs-duration', '9s');
    const n = await sims(page);
    await page.click('#jobs-apply');
    await waitSimulatedAfter(page, n);
    assert.match(await editorText(page, 'manifests'), /name: fast[\s\S]*kubeplay\.io\/duration: 9s[\s\S]*name: slow/);
    await page.waitForFunction(() => document.querySelector('#jobs-status')?.textContent === 'Complete');
    assert.equal(await page.getAttribute('#jobs-counter', 'data-steps'), '6');

    // Attempts 2 and 5 fail with exit code 1.
    await page.fill('#jobs-attempts', '2 and 5');
    assert.match(await text(page, '#jobs-preview'), /kubeplay\.io\/exit-codes: "0,1,0,0,1,0"/);
    const m = await sims(page);
    await page.click('#jobs-apply');
    await waitSimulatedAfter(page, m);
    assert.match(await editorText(page, 'manifests'), /kubeplay\.io\/exit-codes: "0,1,0,0,1,0"/);
    await page.selectOption('#jobs-select', 'default/fast');
    // Attempts 2 and 5 exit with 1 (the bars say so), then the deadline cuts the last round.
    assert.equal(await page.locator('#jobs-chart text.bar-label').count(), 2);
    assert.match(await text(page, '#jobs-chart text.bar-label'), /^exit 1$/);
    assert.equal(await page.locator('#jobs-chart rect.pod-bar.pod-failed').count(), 4);
    // One undo in the manifests editor takes the change back.
    await page.click('[data-editor=manifests] .cm-content');
    await page.keyboard.press('ControlOrMeta+Z');
    await page.waitForFunction(() => !/exit-codes: "0,1,0,0,1,0"/.test(globalThis.kubeplay.state().manifests));
    assert.deepEqual(page.problems, []);
  } finally {
    await ctx.close();
  }
});

test('the backoff and Indexed lessons draw restarts in place and one lane per index', async () => {
  const { ctx, page } = await openPage(env, { viewport: { width: 1400, height: 900 } });
  try {
    await loadExample(page, 'lesson-backoff');
    await page.selectOption('#jobs-select', 'default/never');
    assert.equal(await page.locator('#jobs-chart rect.pod-bar.pod-failed').count(), 4, 'backoffLimit 3: four pods');
    const gaps = await page.$$eval('#jobs-chart .backoff-label', (els) => els.map((e) => e.textContent));
    assert.deepEqual(gaps, ['10s', '20s', '40s']);
    await page.selectOption('#jobs-select', 'default/on-failure');
    assert.equal(await page.getAttribute('#jobs-chart svg', 'data-pods'), '1');
    assert.ok((await page.locator('#jobs-chart rect.pod-bar[data-outcome=restarted]').count()) >= 2);
    assert.match(await text(page, '#jobs-chart .restart-label'), /↻3/);

    await loadExample(page, 'lesson-indexed');
    await page.selectOption('#jobs-select', 'default/per-index');
    assert.equal(await page.getAttribute('#jobs-chart svg', 'data-lanes'), '4');
    assert.match(await text(page, '#jobs-chart'), /index 0.*index 1.*index 2.*index 3/);
    assert.equal(await text(page, '#jobs-reason'), 'FailedIndexes');
    await page.selectOption('#jobs-select', 'default/shared-limit');
    assert.equal(await text(page, '#jobs-reason'), 'BackoffLimitExceeded');
    assert.deepEqual(page.problems, []);
  } finally {
    await ctx.close();
  }
});

test('every lesson simulates without errors', async () => {
  const { ctx, page } = await openPage(env);
  try {
    const ids = await page.$$eval('#examples optgroup:first-of-type option', (os) => os.map((o) => o.value));
    assert.ok(ids.length >= 12, ids.join());
    for (const id of ids) {
      await loadExample(page, id, 60000);
      await page.waitForTimeout(100);
      const problems = await page.evaluate(() => ({
        manifests: document.querySelectorAll('#manifests-errors li.error').length,
        nodes: document.querySelectorAll('#nodes-errors li.error').length,
        scenario: document.querySelectorAll('#scenario-errors li').length,
        message: document.querySelector('#sim-message').hidden ? '' : document.querySelector('#sim-message').textContent,
      }));
      assert.deepEqual(problems, { manifests: 0, nodes: 0, scenario: 0, message: '' }, id);
    }
    assert.deepEqual(page.problems, []);
  } finally {
    await ctx.close();
  }
});

test('the 5,000-node lesson simulates in the background and the grid stays responsive', async () => {
  const { ctx, page } = await openPage(env);
  try {
    const t0 = Date.now();
    await loadExample(page, 'lesson-5000-nodes', 120000);
    const loaded = Date.now() - t0;
    const sim = await page.evaluate(() => globalThis.kubeplay.sim());
    assert.equal(await page.textContent('#grid-count'), '5000 of 5000 nodes');

    // Typing while a simulation runs in the background: the editor and check() keep up.
    const n = await checks(page);
    const k0 = Date.now();
    await page.click('[data-editor=manifests] .cm-content');
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type('#');
    await page.waitForFunction((n) => Number(document.body.dataset.checks) > n, n);
    const typed = Date.now() - k0;
    await page.waitForFunction(() => !document.body.dataset.simulating, null, { timeout: 120000 });

    // Scrubbing: each moment is drawn within a frame budget, with only the visible cards in the DOM.
    const r = await page.evaluate(async () => {
      const range = document.querySelector('#timeline-range');
      const times = [];
      for (const s of [10, 40, 70, 100, 130, 160, 190, 220, 250, 280]) {
        const t0 = performance.now();
        range.value = String(s);
        range.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      const viewport = document.querySelector('.grid-viewport');
      const t1 = performance.now();
      viewport.scrollTop = viewport.scrollHeight / 2;
      await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
      return {
        median: times[Math.floor(times.length / 2)],
        worst: times.at(-1),
        cards: document.querySelectorAll('.node-card').length,
        scroll: performance.now() - t1,
      };
    });
    await page.waitForFunction(() => document.querySelector('#kubectl-out').dataset.at === '280', null, { timeout: 60000 });
    const down = page.locator('.node-card[data-node="node-0003"]');
    await page.fill('#grid-filter', 'node-0003');
    await page.waitForFunction(() => document.querySelectorAll('.node-card').length === 1);
    assert.match(await down.textContent(), /NotReady/);
    console.log(`# measured (5,000 nodes): simulate ${sim.simulateMs.toFixed(0)} ms in the worker, draw ${sim.drawMs.toFixed(0)} ms, lesson loaded in ${loaded} ms; keystroke checked in ${typed} ms during a simulation; scrub step median ${r.median.toFixed(0)} ms, worst ${r.worst.toFixed(0)} ms; scroll ${r.scroll.toFixed(0)} ms; ${r.cards} cards in the DOM`);
    assert.ok(r.cards > 0 && r.cards < 150, `cards in the DOM: ${r.cards}`);
    assert.ok(r.median < 300, `scrub step median ${r.median} ms`);
    assert.ok(typed < 3000, `keystroke took ${typed} ms`);
    assert.deepEqual(page.problems, []);
  } finally {
    await ctx.close();
  }
});
