// tests/model.test.mjs — checks of the page's plain helpers that need no browser: Go durations and
// quantities, pods at a time t, the scenario's steps, YAML reading and the text edits the forms make
// (setting concurrencyPolicy, annotations in a pod template, keeping the user's layout), exit codes per
// attempt, and that a node snapshot written as a node table reads back the same through the real wasm
// engine (www/pkg, loaded in node; the test fails when it is missing).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import {
  parseDuration, formatDuration, parseQuantity, cpuMilli, memoryBytes, indexTimeline, podsAt, podStateAt, scenarioSteps,
  changesNodes, nodeTable, readObjects, parseEngineError, eventsOf, eventsPending, loadEventsOf, hydrateColumns, transferablesOf,
} from '../www/js/model.js';
import { parseDocuments, setMapValue, findDocument, templatePath, yamlScalar } from '../www/js/yaml-tree.js';
import { exitCodesFor, readExitCodes, parseAttempts } from '../www/js/job-gantt.js';
import { readDuration, splitSimulateError } from '../www/js/scenario.js';

const PKG = new URL('../www/pkg/', import.meta.url);

test('Go durations, with days', () => {
  assert.equal(parseDuration('90s'), 90);
  assert.equal(parseDuration('1h30m'), 5400);
  assert.equal(parseDuration('500ms'), 0.5);
  assert.equal(parseDuration('30d'), 30 * 86400);
  assert.equal(parseDuration('1.5m'), 90);
  assert.equal(parseDuration('0'), 0);
  for (const bad of ['', '10', 'ten minutes', '1x', 'm5', '5m 3s']) assert.equal(parseDuration(bad), null, bad);
  assert.equal(formatDuration(90), '1m30s');
  assert.equal(formatDuration(45), '45s');
  assert.equal(formatDuration(3600), '1h');
  assert.equal(formatDuration(86400 * 3 + 3600 * 4), '3d4h');
  assert.equal(formatDuration(0.25), '250ms');
  assert.deepEqual(readDuration(''), { seconds: 600 });
  assert.equal(readDuration('400d').error, 'scenario.durationTooLong');
  assert.equal(readDuration('nope').error, 'scenario.badDuration');
});

test('Kubernetes quantities', () => {
  assert.equal(cpuMilli('100m'), 100);
  assert.equal(cpuMilli('1.5'), 1500);
  assert.equal(cpuMilli(2), 2000);
  assert.equal(memoryBytes('64Mi'), 64 * 2 ** 20);
  assert.equal(memoryBytes('1G'), 1e9);
  assert.equal(memoryBytes('1e3'), 1000);
  assert.equal(parseQuantity('12x'), null);
});

test('where pods are at a time t, and what they are doing', () => {
  const at = (s) => (s == null ? null : new Date(Date.UTC(2026, 0, 1) + s * 1000).toISOString());
  const pod = (name, node, created, scheduled, started, finished, deleted, phase) => ({
    name, namespace: 'default', owner: null, node, created: at(created), scheduled: at(scheduled), started: at(started), finished: at(finished), deleted: at(deleted), phase,
  });
  const tl = indexTimeline({
    start: at(0),
    end: at(100),
    nodes: [],
    jobs: [],
    events: [],
    pods: [
      pod('a', 'n1', 0, 0, 5, null, null, 'Running'),
      pod('b', 'n1', 10, 20, 25, 40, null, 'Succeeded'),
      pod('c', null, 30, null, null, null, 60, 'Pending'),
    ],
  });
  assert.equal(tl.duration, 100);
  const names = (r) => ({ n1: (r.byNode.get('n1') ?? []).map((p) => p.name), pending: r.pending.map((p) => p.name) });
  assert.deepEqual(names(podsAt(tl, 15)), { n1: ['a'], pending: ['b'] });
  assert.deepEqual(names(podsAt(tl, 30)), { n1: ['a', 'b'], pending: ['c'] });
  assert.deepEqual(names(podsAt(tl, 40)), { n1: ['a'], pending: ['c'] }, 'finished: off the node');
  assert.deepEqual(names(podsAt(tl, 60)), { n1: ['a'], pending: [] }, 'deleted: gone');
  const b = tl.pods[1];
  assert.deepEqual([5, 15, 22, 30, 50].map((s) => podStateAt(b, s)), ['NotCreated', 'Pending', 'ContainerCreating', 'Running', 'Succeeded']);
  assert.equal(podStateAt(tl.pods[2], 70), 'Deleted');
});

test('scenario steps, heredocs, and which steps change nodes', () => {
  const steps = scenarioSteps(`# comment
30s kubectl label node w1 disk=ssd
1m kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: late
EOF
2m node n2 down
2m30s kubectl scale deploy web --replicas=3
`);
  assert.deepEqual(steps.map((s) => [s.line, s.at, s.command]), [
    [2, 30, 'kubectl label node w1 disk=ssd'],
    [3, 60, 'kubectl apply -f -'],
    [9, 120, 'node n2 down'],
    [10, 150, 'kubectl scale deploy web --replicas=3'],
  ]);
  assert.match(steps[1].heredoc, /^apiVersion: v1\nkind: Pod/);
  assert.deepEqual(steps.map(changesNodes), [true, false, true, false]);
  const err = splitSimulateError('scenario:2:1: each line starts with an offset\nmanifests:4:3: unknown field "x"\nsomething else');
  assert.deepEqual(err.scenario, [{ source: 'scenario', line: 2, column: 1, message: 'each line starts with an offset' }]);
  assert.equal(err.inputs.length, 1);
  assert.equal(err.other[0].message, 'something else');
  assert.equal(parseEngineError('').length, 0);
});

const MANIFESTS = `apiVersion: batch/v1
kind: Job
metadata:
  name: work   # keep this comment
spec:
  completions: 6
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: c
        image: busybox
        resources: {requests: {cpu: 100m, memory: "64Mi"}}
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: cj
  namespace: batch
spec:
  schedule: "*/5 * * * *"
  concurrencyPolicy: Forbid # was Allow
  jobTemplate:
    spec:
      template:
        metadata:
          annotations:
            kubeplay.io/duration: 45s
        spec:
          containers: []
---
kind: CronJob
metadata: {name: flow}
spec: {schedule: '@hourly', jobTemplate: {spec: {template: {metadata: {annotations: {}}}}}}
`;

test('YAML documents are read with their values', () => {
  const docs = parseDocuments(MANIFESTS);
  assert.deepEqual(docs.map((d) => [d.kind, d.namespace, d.name]), [['Job', 'default', 'work'], ['CronJob', 'batch', 'cj'], ['CronJob', 'default', 'flow']]);
  assert.equal(docs[0].value.spec.completions, 6);
  assert.equal(docs[0].value.spec.template.spec.containers[0].resources.requests.memory, '64Mi');
  assert.equal(docs[1].value.spec.schedule, '*/5 * * * *');
  const objects = readObjects(MANIFESTS);
  const req = objects.requestsOf({ name: 'work-abc', namespace: 'default', owner: { kind: 'Job', name: 'work' } }, null);
  assert.deepEqual(req, { cpu: 100, memory: 64 * 2 ** 20 });
});

test('setting values keeps the rest of the text', () => {
  let text = MANIFESTS;
  const find = (kind, name) => findDocument(parseDocuments(text), kind, name);
  // Replace an existing value (the comment after it stays).
  text = setMapValue(text, find('CronJob', 'cj'), ['spec'], 'concurrencyPolicy', 'Replace');
  assert.match(text, /^ {2}concurrencyPolicy: Replace # was Allow$/m);
  // Add to a block mapping, creating the missing mappings at the document's indentation.
  text = setMapValue(text, find('Job', 'work'), [...templatePath('Job'), 'metadata', 'annotations'], 'kubeplay.io/exit-codes', '"0,1,0"', { raw: true });
  text = setMapValue(text, find('Job', 'work'), [...templatePath('Job'), 'metadata', 'annotations'], 'kubeplay.io/duration', '20s');
  // Into an existing annotations mapping, and into a flow mapping.
  text = setMapValue(text, find('CronJob', 'cj'), [...templatePath('CronJob'), 'metadata', 'annotations'], 'kubeplay.io/duration', '90s');
  text = setMapValue(text, find('CronJob', 'flow'), ['spec'], 'concurrencyPolicy', 'Forbid');
  text = setMapValue(text, find('CronJob', 'flow'), [...templatePath('CronJob'), 'metadata', 'annotations'], 'kubeplay.io/exit-codes', '1,0');
  const docs = parseDocuments(text);
  assert.deepEqual(docs[0].value.spec.template.metadata.annotations, { 'kubeplay.io/exit-codes': '0,1,0', 'kubeplay.io/duration': '20s' });
  assert.equal(docs[0].value.spec.template.spec.restartPolicy, 'Never');
  assert.deepEqual(docs[1].value.spec.jobTemplate.spec.template.metadata.annotations, { 'kubeplay.io/duration': '90s' });
  assert.equal(docs[1].value.spec.concurrencyPolicy, 'Replace');
  assert.equal(docs[2].value.spec.concurrencyPolicy, 'Forbid');
  assert.deepEqual(docs[2].value.spec.jobTemplate.spec.template.metadata.annotations, { 'kubeplay.io/exit-codes': '1,0' });
  assert.match(text, /name: work {3}# keep this comment/);
  assert.match(text, /\n {4}metadata:\n {6}annotations:\n {8}kubeplay\.io\/exit-codes: "0,1,0"\n {8}kubeplay\.io\/duration: 20s\n/);
  // Strings that would read as something else are quoted.
  assert.equal(yamlScalar('20s'), '20s');
  assert.equal(yamlScalar('30'), '"30"');
  assert.equal(yamlScalar('true'), '"true"');
  assert.equal(yamlScalar('a: b'), '"a: b"');
});

test('exit codes per attempt from the Job form', () => {
  assert.equal(exitCodesFor([2, 5], 1), '0,1,0,0,1,0');
  assert.equal(exitCodesFor([], 1), '0');
  assert.equal(exitCodesFor([1], 137), '137,0');
  assert.equal(exitCodesFor([3], 2, true), '2');
  assert.deepEqual(parseAttempts('attempts 2 and 5'), [2, 5]);
  assert.deepEqual(readExitCodes('0,1,0,0,1,0'), { failing: [2, 5], code: 1, always: false });
  assert.deepEqual(readExitCodes('1'), { failing: [], code: 1, always: true });
});

/** The real wasm engine, loaded in node. */
async function playground() {
  for (const f of ['kubeplay_wasm.js', 'kubeplay_wasm_bg.wasm']) {
    if (!existsSync(new URL(f, PKG))) throw new Error(`the wasm package is missing (www/pkg/${f}): build it with scripts/build.sh`);
  }
  const kp = await import(new URL('kubeplay_wasm.js', PKG).href);
  await kp.default({ module_or_path: readFileSync(new URL('kubeplay_wasm_bg.wasm', PKG)) });
  return new kp.Playground();
}

test('a split timeline gives every object the same events as a full one (through the wasm engine)', async () => {
  const pg = await playground();
  // A Job whose first attempts fail and restart in place (BackOff), a ReplicaSet scaled down
  // (SuccessfulDelete), a pod too big for any node (FailedScheduling), and a message with a tab.
  const manifests = `apiVersion: batch/v1
kind: Job
metadata: {name: j}
spec:
  completions: 2
  template:
    metadata:
      annotations: {kubeplay.io/duration: 5s, kubeplay.io/exit-codes: "1,1,0"}
    spec:
      restartPolicy: OnFailure
      containers: [{name: c, image: "busybox"}]
---
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: "w", image: "nginx\tlatest"}]
---
apiVersion: v1
kind: Pod
metadata: {name: huge}
spec:
  containers: [{name: c, image: busybox, resources: {requests: {cpu: "64"}}}]
`;
  const nodes = 'NAME  CPU\nn1  4\n';
  const scenario = '30s kubectl scale rs web --replicas=1\n';
  const full = indexTimeline(pg.simulate(manifests, nodes, scenario, { forSeconds: 120 }));
  const split = indexTimeline(pg.simulate(manifests, nodes, scenario, { forSeconds: 120, events: 'split' }));
  assert.equal(typeof split.routineEvents, 'string');
  assert.equal(split.eventCount, full.events.length);
  assert.ok(split.events.length < full.events.length / 2, `${split.events.length} of ${full.events.length} kept as objects`);
  assert.deepEqual(split.pods, full.pods);
  const plain = (list) => list.map(({ time, type, reason, object, message, _t }) => ({ time, type, reason, object, message, _t }));
  const objects = new Set(full.events.map((e) => e.object));
  for (const o of ['Job/j', 'ReplicaSet/web', 'Pod/huge']) assert.ok(objects.has(o), o);
  for (const o of objects) assert.deepEqual(plain(eventsOf(split, o)), plain(full.eventsByObject.get(o)), o);
  assert.ok(objects.size > 6 && split._searched.size === 4 && split._routine, 'the first objects searched for, the rest unpacked');
  for (const o of objects) assert.deepEqual(plain(eventsOf(split, o)), plain(full.eventsByObject.get(o)), `${o}, again`);
  const reasons = new Set(full.events.map((e) => e.reason));
  for (const r of ['SuccessfulDelete', 'BackOff', 'FailedScheduling', 'Started']) assert.ok(reasons.has(r), r);
  assert.ok(full.events.some((e) => e.message.includes('\t')), 'a message with a tab');
  assert.throws(() => pg.simulate(manifests, nodes, scenario, { events: 'some' }), /events "some" is not one of/);

  // Lazy: the routine events stay in the engine until asked for, object by object (engine.js gives
  // the timeline its routineEventsOf; here it calls the Playground directly).
  const lazy = indexTimeline(pg.simulate(manifests, nodes, scenario, { forSeconds: 120, events: 'lazy' }));
  assert.ok(Number.isInteger(lazy.run) && lazy.routineEvents === undefined, 'a numbered run, nothing packed');
  assert.equal(lazy.eventCount, full.events.length);
  assert.deepEqual(lazy.pods, full.pods);
  Object.defineProperty(lazy, 'routineEventsOf', { value: async (o) => pg.routineEventsOf(lazy.run, o) });
  // The Job's pods restart in place: theirs stay inline (the Job chart draws runs from Started).
  const restarted = full.pods.filter((p) => p.restarts > 0).map((p) => `Pod/${p.name}`);
  assert.ok(restarted.length > 0, 'a pod restarted');
  for (const o of restarted) assert.deepEqual(plain(eventsOf(lazy, o)), plain(full.eventsByObject.get(o)), `${o} inline`);
  const web = full.pods.find((p) => p.name.startsWith('web-'));
  assert.ok(eventsPending(lazy, `Pod/${web.name}`));
  assert.ok(eventsOf(lazy, `Pod/${web.name}`).length < full.eventsByObject.get(`Pod/${web.name}`).length, 'routine events not there before asked for');
  for (const o of objects) assert.deepEqual(plain(await loadEventsOf(lazy, o)), plain(full.eventsByObject.get(o)), `${o}, lazy`);
  assert.ok(!eventsPending(lazy, `Pod/${web.name}`));
  // A later run replaces it: asking the old one is an error, and the page keeps what it has.
  const newer = pg.simulate(manifests, nodes, scenario, { forSeconds: 60, events: 'lazy' });
  assert.equal(newer.run, lazy.run + 1);
  assert.throws(() => pg.routineEventsOf(lazy.run, `Pod/${web.name}`), /is gone/);
  const before = [...objects].map((o) => pg.routineEventsOf(newer.run, o));
  assert.ok(before.some((list) => list.length > 0), 'routine events before release');
  pg.release(); // frees the engine, keeps the routine events packed
  assert.deepEqual([...objects].map((o) => pg.routineEventsOf(newer.run, o)), before, 'the same events after release');
});

test('a node snapshot written as a node table reads back the same (through the wasm engine)', async () => {
  const pg = await playground();
  const typed = `NAME  LABELS  TAINTS  CPU  MEMORY  PODS  READY  UNSCHEDULABLE
w1  disk=ssd,empty=  dedicated=gpu:NoSchedule,x:NoExecute  3500m  12Gi  50  false  true
w2  zone=b  <none>  8  32Gi  110  true  false
`;
  const first = pg.check('', typed);
  assert.deepEqual(first.errors, []);
  const again = pg.check('', nodeTable(first.nodes));
  assert.deepEqual(again.errors, []);
  const strip = (nodes) => nodes.map(({ line, ...n }) => ({ ...n, taints: [...n.taints].sort((a, b) => `${a.key}${a.effect}`.localeCompare(`${b.key}${b.effect}`)) }));
  assert.deepEqual(strip(again.nodes), strip(first.nodes));
});

test('pods and nodes handed over as columns become the same objects (through the wasm engine)', async () => {
  const pg = await playground();
  // Indexed Job pods (index), failed attempts (exitCode, reason), a pod that never fits (message),
  // DaemonSet pods removed with their node (deleted). (Strings outside ASCII: columns.rs's tests.)
  const manifests = `apiVersion: batch/v1
kind: Job
metadata: {name: idx}
spec:
  completions: 3
  parallelism: 3
  completionMode: Indexed
  backoffLimit: 4
  template:
    metadata:
      annotations: {kubeplay.io/duration: 5s, kubeplay.io/exit-codes: "2,0"}
    spec:
      restartPolicy: Never
      containers: [{name: c, image: busybox}]
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent, namespace: kube-system}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      containers: [{name: a, image: agent, resources: {requests: {memory: 3Gi}}}]
---
apiVersion: v1
kind: Pod
metadata: {name: huge}
spec:
  containers: [{name: c, image: busybox, resources: {requests: {cpu: "64"}}}]
`;
  const nodes = 'NAME  CPU  MEMORY  LABELS  TAINTS\nn1  4  8Gi  zone=a,ü=ö  gpu:PreferNoSchedule\nn2  4  8Gi  <none>  <none>\n';
  const scenario = '40s kubectl delete node n2\n100s kubectl cordon n1\n';
  const want = pg.simulate(manifests, nodes, scenario, { forSeconds: 120, events: 'split' });
  const cols = pg.simulate(manifests, nodes, scenario, { forSeconds: 120, events: 'split', pods: 'columns', nodes: 'columns' });
  assert.deepEqual([cols.pods, cols.nodes], [[], []]);
  assert.ok(cols.podColumns.fields instanceof Int32Array);
  assert.ok(cols.nodeColumns.lists instanceof Float64Array);
  assert.equal(transferablesOf(cols).length, 6);
  const got = hydrateColumns(cols);
  assert.equal(got.podColumns, undefined);
  assert.equal(got.nodeColumns, undefined);
  const [n1, n2] = want.nodes;
  assert.deepEqual([n1.labels.zone, n1.unschedulable, n1.taints.length, n2.removed !== null], ['a', true, 2, true]);
  assert.ok(n1.taints.some((t) => t.value === null));
  assert.ok(want.pods.length >= 7, `${want.pods.length} pods`);
  for (const [field, some] of [['index', (v) => v === 2], ['exitCode', (v) => v === 2], ['deleted', (v) => v !== null], ['message', (v) => v?.includes('nodes are available')], ['reason', (v) => v !== null]]) {
    assert.ok(want.pods.some((p) => some(p[field])), `a pod with ${field}`);
  }
  assert.deepEqual(got, want);
  assert.equal(hydrateColumns(want), want, 'a timeline without columns stays as it is');
  assert.throws(() => pg.simulate(manifests, nodes, scenario, { pods: 'rows' }), /pods "rows" is not one of/);
  assert.throws(() => pg.simulate(manifests, nodes, scenario, { nodes: 'rows' }), /nodes "rows" is not one of/);
});
