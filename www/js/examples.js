// www/js/examples.js — the examples menu: lessons (manifests + nodes + a scenario + how long to simulate,
// each showing one behaviour of the DaemonSet, scheduler, CronJob or Job controllers) and a few more
// examples. Titles live in the i18n files under `example.<id>`.

/** Formats rows as a node table with columns aligned by two or more spaces. */
function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] + 2))).join('')).join('\n') + '\n';
}

const HEADER = ['NAME', 'LABELS', 'TAINTS', 'CPU', 'MEMORY', 'PODS', 'READY', 'UNSCHEDULABLE'];
const CONTROL_PLANE_TAINT = 'node-role.kubernetes.io/control-plane:NoSchedule';

const NODES_BASIC = table([
  HEADER,
  ['cp-1', 'node-role.kubernetes.io/control-plane=', CONTROL_PLANE_TAINT, '4', '8Gi', '110', 'true', 'false'],
  ['worker-1', 'disk=ssd,zone=a', '<none>', '8', '32Gi', '110', 'true', 'false'],
  ['worker-2', 'disk=hdd,zone=a', '<none>', '8', '32Gi', '110', 'true', 'false'],
  ['worker-3', 'disk=ssd,zone=b', '<none>', '16', '64Gi', '110', 'true', 'false'],
  ['worker-4', 'disk=ssd,zone=b', '<none>', '16', '64Gi', '110', 'true', 'true'],
]);

const NODES_MIXED = table([
  HEADER,
  ['cp-1', 'node-role.kubernetes.io/control-plane=', CONTROL_PLANE_TAINT, '4', '8Gi', '110', 'true', 'false'],
  ['worker-1', 'zone=a', '<none>', '8', '32Gi', '110', 'true', 'false'],
  ['worker-2', 'zone=a', '<none>', '8', '32Gi', '110', 'false', 'false'],
  ['worker-3', 'zone=b', '<none>', '8', '32Gi', '110', 'true', 'true'],
  ['gpu-1', 'zone=b,accelerator=a100', 'nvidia.com/gpu=present:NoSchedule', '32', '128Gi', '110', 'true', 'false'],
  ['edge-1', 'zone=edge', 'dedicated=edge:NoExecute', '2', '4Gi', '30', 'true', 'false'],
]);

const NODES_SMALL = table([
  HEADER,
  ['worker-1', 'zone=a', '<none>', '4', '16Gi', '110', 'true', 'false'],
  ['worker-2', 'zone=b', '<none>', '4', '16Gi', '110', 'true', 'false'],
]);

const NODES_LIST_YAML = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Node
  metadata:
    name: worker-1
    labels:
      kubernetes.io/hostname: worker-1
      kubernetes.io/os: linux
      kubernetes.io/arch: amd64
      disk: ssd
  spec: {}
  status:
    allocatable:
      cpu: "4"
      memory: 16Gi
      pods: "110"
    conditions:
    - type: Ready
      status: "True"
- apiVersion: v1
  kind: Node
  metadata:
    name: worker-2
    labels:
      kubernetes.io/hostname: worker-2
      kubernetes.io/os: linux
      kubernetes.io/arch: arm64
  spec:
    taints:
    - key: dedicated
      value: batch
      effect: NoSchedule
  status:
    allocatable:
      cpu: "8"
      memory: 32Gi
      pods: "110"
    conditions:
    - type: Ready
      status: "True"
`;


const NODES_NO_SSD = table([
  HEADER,
  ['cp-1', 'node-role.kubernetes.io/control-plane=', CONTROL_PLANE_TAINT, '4', '8Gi', '110', 'true', 'false'],
  ['worker-1', 'disk=hdd,zone=a', '<none>', '8', '32Gi', '110', 'true', 'false'],
  ['worker-2', 'disk=hdd,zone=a', '<none>', '8', '32Gi', '110', 'true', 'false'],
  ['worker-3', 'disk=hdd,zone=b', '<none>', '8', '32Gi', '110', 'true', 'false'],
]);

const NODES_FIVE = table([
  HEADER,
  ['cp-1', 'node-role.kubernetes.io/control-plane=', CONTROL_PLANE_TAINT, '4', '8Gi', '110', 'true', 'false'],
  ['worker-1', 'zone=a', '<none>', '8', '32Gi', '110', 'true', 'false'],
  ['worker-2', 'zone=a', '<none>', '8', '32Gi', '110', 'true', 'false'],
  ['worker-3', 'zone=b', '<none>', '8', '32Gi', '110', 'true', 'false'],
  ['worker-4', 'zone=b', '<none>', '8', '32Gi', '110', 'true', 'false'],
]);

const NODES_OS = table([
  HEADER,
  ['centos-1', 'os=centos', '<none>', '4', '16Gi', '110', 'true', 'false'],
  ['centos-2', 'os=centos', '<none>', '4', '16Gi', '110', 'true', 'false'],
  ['ubuntu-1', 'os=ubuntu', '<none>', '4', '16Gi', '110', 'true', 'false'],
  ['ubuntu-2', 'os=ubuntu', '<none>', '4', '16Gi', '110', 'true', 'false'],
]);

const NODES_GPU = table([
  HEADER,
  ['worker-1', 'zone=a', '<none>', '8', '32Gi', '110', 'true', 'false'],
  ['worker-2', 'zone=a', '<none>', '8', '32Gi', '110', 'true', 'false'],
  ['gpu-1', 'zone=b,dedicated=gpu', 'dedicated=gpu:NoSchedule', '32', '128Gi', '110', 'true', 'false'],
  ['gpu-2', 'zone=b,dedicated=gpu', 'dedicated=gpu:NoSchedule', '32', '128Gi', '110', 'true', 'false'],
]);

const NODES_UNEQUAL = table([
  HEADER,
  ['big', 'size=big', '<none>', '4', '16Gi', '110', 'true', 'false'],
  ['medium', 'size=medium', '<none>', '2', '8Gi', '110', 'true', 'false'],
  ['small', 'size=small', '<none>', '1', '4Gi', '110', 'true', 'false'],
]);

const NODES_THREE = table([
  HEADER,
  ['n1', 'zone=a', '<none>', '4', '16Gi', '110', 'true', 'false'],
  ['n2', 'zone=a', '<none>', '4', '16Gi', '110', 'true', 'false'],
  ['n3', 'zone=b', '<none>', '4', '16Gi', '110', 'true', 'false'],
]);

const NODES_BATCH = table([
  HEADER,
  ['worker-1', 'zone=a', '<none>', '8', '32Gi', '110', 'true', 'false'],
  ['worker-2', 'zone=b', '<none>', '8', '32Gi', '110', 'true', 'false'],
]);

let bigNodes = '';
/** 5,000 nodes in three zones: every tenth has a GPU taint, every 50th is NotReady. */
function nodes5000() {
  if (!bigNodes) {
    const rows = ['NAME  LABELS  TAINTS  CPU  MEMORY  PODS  READY  UNSCHEDULABLE'];
    for (let i = 0; i < 5000; i++) {
      const name = `node-${String(i).padStart(4, '0')}`;
      const labels = `zone=z${i % 3},disk=${i % 2 ? 'ssd' : 'hdd'}${i % 10 === 0 ? ',gpu=a100' : ''}`;
      const taints = i % 10 === 0 ? 'gpu=true:NoSchedule' : '<none>';
      rows.push(`${name}  ${labels}  ${taints}  ${i % 4 === 0 ? 16 : 8}  ${i % 4 === 0 ? '64Gi' : '32Gi'}  110  ${i % 50 === 7 ? 'false' : 'true'}  false`);
    }
    bigNodes = rows.join('\n') + '\n';
  }
  return bigNodes;
}

/** A Job (or CronJob job template) pod template's containers, shared by the batch lessons. */
const BUSYBOX = `      containers:
      - name: work
        image: busybox:1.36
        command: ["sh", "-c", "echo working"]`;

export const LESSONS = [
  {
    id: 'lesson-ds-no-match',
    duration: '2m',
    manifests: `# Lesson: a DaemonSet whose nodeSelector matches no node has DESIRED 0 —
# no pod anywhere, and no error either. At 30s the scenario labels worker-2 disk=ssd:
# the DaemonSet controller notices and starts a pod there. Drag the time scrubber.
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: ssd-monitor
  namespace: default
spec:
  selector:
    matchLabels:
      app: ssd-monitor
  template:
    metadata:
      labels:
        app: ssd-monitor
    spec:
      nodeSelector:
        disk: ssd
      containers:
      - name: monitor
        image: busybox:1.36
        resources:
          requests:
            cpu: 50m
            memory: 32Mi
`,
    nodes: NODES_NO_SSD,
    scenario: `# Time offset, then a command. Try changing the label or the time.
30s kubectl label node worker-2 disk=ssd --overwrite
1m kubectl label node worker-3 disk=ssd --overwrite
`,
  },
  {
    id: 'lesson-log-agent-rollout',
    duration: '4m',
    manifests: `# Lesson: a log collector in kube-system runs on every node, the control plane
# included (it tolerates the control-plane taint). At 1m its image changes: the
# RollingUpdate replaces one node's pod at a time (maxUnavailable: 1); each new pod
# needs 5s to start. Watch kubectl get ds (UP-TO-DATE, AVAILABLE) while scrubbing.
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: log-agent
  namespace: kube-system
spec:
  selector:
    matchLabels:
      app: log-agent
  updateStrategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 1
  template:
    metadata:
      labels:
        app: log-agent
      annotations:
        kubeplay.io/startup: 5s
    spec:
      tolerations:
      - key: node-role.kubernetes.io/control-plane
        operator: Exists
        effect: NoSchedule
      containers:
      - name: agent
        image: fluentd:v1
        resources:
          requests:
            cpu: 100m
            memory: 128Mi
`,
    nodes: NODES_FIVE,
    scenario: `# The DaemonSet lives in kube-system: without -n, kubectl looks in default.
1m kubectl set image ds/log-agent agent=fluentd:v2 -n kube-system
`,
  },
  {
    id: 'lesson-os-hostport',
    duration: '2m',
    manifests: `# Lesson: nodeSelector os=centos picks the two CentOS nodes. The DaemonSet's pod
# asks for hostPort 9100, which an old pod already holds on centos-2: the DaemonSet
# still wants a pod there (placement ignores ports), but the scheduler cannot bind
# it — it stays Pending with "didn't have free ports". At 1m the old pod is deleted.
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: node-exporter
  namespace: default
spec:
  selector:
    matchLabels:
      app: node-exporter
  template:
    metadata:
      labels:
        app: node-exporter
    spec:
      nodeSelector:
        os: centos
      containers:
      - name: exporter
        image: prom/node-exporter:v1.8.2
        ports:
        - containerPort: 9100
          hostPort: 9100
---
apiVersion: v1
kind: Pod
metadata:
  name: old-exporter
  namespace: default
spec:
  nodeName: centos-2
  containers:
  - name: exporter
    image: prom/node-exporter:v1.0.0
    ports:
    - containerPort: 9100
      hostPort: 9100
`,
    nodes: NODES_OS,
    scenario: `1m kubectl delete pod old-exporter
`,
  },
  {
    id: 'lesson-dedicated-nodes',
    duration: '2m',
    manifests: `# Lesson: dedicated nodes need both halves. The label + nodeSelector pulls the GPU
# driver onto the GPU nodes; the taint + toleration keeps everything else off them.
# The web Deployment has no toleration, so it stays on the workers. At 30s worker-1
# becomes a GPU node too: labelled and tainted (NoSchedule does not evict web).
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: gpu-driver
  namespace: kube-system
spec:
  selector:
    matchLabels:
      app: gpu-driver
  template:
    metadata:
      labels:
        app: gpu-driver
    spec:
      nodeSelector:
        dedicated: gpu
      tolerations:
      - key: dedicated
        operator: Equal
        value: gpu
        effect: NoSchedule
      containers:
      - name: driver
        image: nvidia/driver:550
        resources:
          requests:
            cpu: 200m
            memory: 256Mi
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: default
spec:
  replicas: 4
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
        resources:
          requests:
            cpu: 500m
            memory: 256Mi
`,
    nodes: NODES_GPU,
    scenario: `30s kubectl label node worker-1 dedicated=gpu
30s kubectl taint node worker-1 dedicated=gpu:NoSchedule
`,
  },
  {
    id: 'lesson-ds-vs-rs',
    duration: '2m',
    manifests: `# Lesson: a DaemonSet wants one pod per node whatever room is left; a ReplicaSet
# wants N pods wherever they fit. "small" has 1 CPU, 800m taken by a batch pod: the
# agent's pod for it stays Pending (Insufficient cpu) though DESIRED counts the node.
# The ReplicaSet's 1-CPU pods fill big and medium; the last one finds no room.
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: node-agent
  namespace: default
spec:
  selector:
    matchLabels:
      app: node-agent
  template:
    metadata:
      labels:
        app: node-agent
    spec:
      containers:
      - name: agent
        image: busybox:1.36
        resources:
          requests:
            cpu: 300m
            memory: 64Mi
---
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web
  namespace: default
spec:
  replicas: 5
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
        resources:
          requests:
            cpu: "1"
            memory: 512Mi
---
apiVersion: v1
kind: Pod
metadata:
  name: batch-hog
  namespace: default
spec:
  nodeName: small
  containers:
  - name: hog
    image: busybox:1.36
    resources:
      requests:
        cpu: 800m
        memory: 1Gi
`,
    nodes: NODES_UNEQUAL,
    scenario: `# At 1m the hog goes away: the agent's pod on "small" can start.
1m kubectl delete pod batch-hog
`,
  },
  {
    id: 'lesson-node-down',
    duration: '10m',
    manifests: `# Lesson: node n2 stops answering at 1m. Its pods get the not-ready/unreachable
# NoExecute taints. The ReplicaSet's pod tolerates them for 300s (the default
# tolerationSeconds), is evicted and replaced on another node. The DaemonSet's pod
# tolerates them forever and is never moved. The bare pod has no controller: once
# evicted it is gone.
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
  namespace: default
spec:
  selector:
    matchLabels:
      app: agent
  template:
    metadata:
      labels:
        app: agent
    spec:
      containers:
      - name: agent
        image: busybox:1.36
        resources:
          requests:
            cpu: 100m
            memory: 64Mi
---
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web
  namespace: default
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
        resources:
          requests:
            cpu: 500m
            memory: 256Mi
---
apiVersion: v1
kind: Pod
metadata:
  name: debug
  namespace: default
spec:
  nodeName: n2
  containers:
  - name: shell
    image: busybox:1.36
`,
    nodes: NODES_THREE,
    scenario: `1m node n2 down
`,
  },
  {
    id: 'lesson-cron-policies',
    duration: '10m',
    manifests: `# Lesson: a CronJob every minute whose Jobs take 90s. The CronJob view runs it three
# times, with concurrencyPolicy Allow (runs overlap), Forbid (a run is skipped while
# one is active — JobAlreadyActive — and starts late) and Replace (the running Job is
# deleted for the new one, so none ever completes). Hover the bars.
apiVersion: batch/v1
kind: CronJob
metadata:
  name: every-minute
  namespace: default
spec:
  schedule: "* * * * *"
  concurrencyPolicy: Allow
  jobTemplate:
    spec:
      template:
        metadata:
          annotations:
            kubeplay.io/duration: 90s
        spec:
          restartPolicy: Never
${BUSYBOX.replace(/^/gm, '    ')}
`,
    nodes: NODES_BATCH,
    scenario: '',
  },
  {
    id: 'lesson-cron-suspend',
    duration: '5h',
    manifests: `# Lesson: a CronJob created suspended. Every run due while it is suspended is missed.
# At 3h5m the scenario resumes it: the controller starts only the most recent missed run
# (right away, late), not the eighteen it missed, then keeps the schedule again.
apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
  namespace: default
spec:
  schedule: "*/10 * * * *"
  suspend: true
  jobTemplate:
    spec:
      template:
        metadata:
          annotations:
            kubeplay.io/duration: 2m
        spec:
          restartPolicy: OnFailure
${BUSYBOX.replace(/^/gm, '    ')}
`,
    nodes: NODES_BATCH,
    scenario: `3h5m kubectl patch cronjob report -p '{"spec":{"suspend":false}}'
`,
  },
  {
    id: 'lesson-job-deadline',
    duration: '2m',
    manifests: `# Lesson: two Jobs need 6 completions, 2 at a time, within activeDeadlineSeconds 30.
# With 20s pods the deadline stops the second round: its pods are deleted and the Job
# fails with DeadlineExceeded. With 10s pods the third round ends exactly at the
# deadline — and the Job controller checks the deadline before counting completions,
# so it fails too. In the Gantt chart pick "fast" and, with the form below the chart,
# set its duration to 9s: now it completes.
apiVersion: batch/v1
kind: Job
metadata:
  name: fast
  namespace: default
spec:
  completions: 6
  parallelism: 2
  activeDeadlineSeconds: 30
  template:
    metadata:
      annotations:
        kubeplay.io/duration: 10s
    spec:
      restartPolicy: Never
${BUSYBOX}
---
apiVersion: batch/v1
kind: Job
metadata:
  name: slow
  namespace: default
spec:
  completions: 6
  parallelism: 2
  activeDeadlineSeconds: 30
  template:
    metadata:
      annotations:
        kubeplay.io/duration: 20s
    spec:
      restartPolicy: Never
${BUSYBOX}
`,
    nodes: NODES_BATCH,
    scenario: '',
  },
  {
    id: 'lesson-backoff',
    duration: '10m',
    manifests: `# Lesson: a pod that always fails, backoffLimit 3. With restartPolicy Never each
# failure is a new pod, started after a back-off of 10s, 20s, 40s … (capped at 10
# minutes in the code; the docs say 6). With OnFailure the container restarts in
# place (crash-loop back-off) and the restarts count toward the same limit.
apiVersion: batch/v1
kind: Job
metadata:
  name: never
  namespace: default
spec:
  backoffLimit: 3
  template:
    metadata:
      annotations:
        kubeplay.io/duration: 5s
        kubeplay.io/exit-codes: "1"
    spec:
      restartPolicy: Never
${BUSYBOX}
---
apiVersion: batch/v1
kind: Job
metadata:
  name: on-failure
  namespace: default
spec:
  backoffLimit: 3
  template:
    metadata:
      annotations:
        kubeplay.io/duration: 5s
        kubeplay.io/exit-codes: "1"
    spec:
      restartPolicy: OnFailure
${BUSYBOX}
`,
    nodes: NODES_BATCH,
    scenario: '',
  },
  {
    id: 'lesson-indexed',
    duration: '5m',
    manifests: `# Lesson: Indexed Jobs with 4 indexes; index 2 always fails
# (kubeplay.io/exit-codes-by-index). Without backoffLimitPerIndex one shared
# backoffLimit counts every failure and the whole Job fails. With
# backoffLimitPerIndex: 1 only index 2 gives up; the others complete and the Job
# ends Failed with reason FailedIndexes once every index is done.
apiVersion: batch/v1
kind: Job
metadata:
  name: shared-limit
  namespace: default
spec:
  completions: 4
  parallelism: 4
  completionMode: Indexed
  backoffLimit: 2
  template:
    metadata:
      annotations:
        kubeplay.io/duration: 20s
        kubeplay.io/exit-codes-by-index: "2=1"
    spec:
      restartPolicy: Never
${BUSYBOX}
---
apiVersion: batch/v1
kind: Job
metadata:
  name: per-index
  namespace: default
spec:
  completions: 4
  parallelism: 4
  completionMode: Indexed
  backoffLimitPerIndex: 1
  template:
    metadata:
      annotations:
        kubeplay.io/duration: 20s
        kubeplay.io/exit-codes-by-index: "2=1"
    spec:
      restartPolicy: Never
${BUSYBOX}
`,
    nodes: NODES_BATCH,
    scenario: '',
  },
  {
    id: 'lesson-5000-nodes',
    duration: '5m',
    manifests: `# A 5,000-node cluster: a log agent on every node but the GPU ones (they are tainted),
# and a web Deployment. At 30s a GPU node is untainted, at 1m a node goes down, at
# 2m a node is cordoned. The node grid shows only the cards in view.
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: log-agent
  namespace: kube-system
spec:
  selector:
    matchLabels:
      app: log-agent
  template:
    metadata:
      labels:
        app: log-agent
    spec:
      containers:
      - name: agent
        image: fluent/fluent-bit:3.1
        resources:
          requests:
            cpu: 100m
            memory: 64Mi
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: default
spec:
  replicas: 200
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
        resources:
          requests:
            cpu: 500m
            memory: 256Mi
`,
    get nodes() {
      return nodes5000();
    },
    scenario: `30s kubectl taint node node-0010 gpu=true:NoSchedule-
1m node node-0003 down
2m kubectl cordon node-0004
`,
  },
].map((l) => ({ ...Object.getOwnPropertyDescriptors(l), lesson: { value: true, enumerable: true } }))
  .map((d) => Object.defineProperties({}, d));

/** Every entry of the examples menu: the lessons first. */
export const EXAMPLES = [
  ...LESSONS,
  {
    id: 'ds-nodeselector',
    manifests: `# A DaemonSet runs one pod on every node that matches its nodeSelector.
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: ssd-monitor
  namespace: default
spec:
  selector:
    matchLabels:
      app: ssd-monitor
  template:
    metadata:
      labels:
        app: ssd-monitor
    spec:
      nodeSelector:
        disk: ssd
      containers:
      - name: monitor
        image: busybox:1.36
        command: ["sh", "-c", "while true; do df -h; sleep 60; done"]
        resources:
          requests:
            cpu: 50m
            memory: 32Mi
`,
    nodes: NODES_BASIC,
  },
  {
    id: 'log-collector',
    manifests: `# A log collector must run on every node, the control plane included:
# it tolerates the control-plane taint but not the GPU or edge taints.
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: log-collector
  namespace: kube-system
  labels:
    app: log-collector
spec:
  selector:
    matchLabels:
      app: log-collector
  updateStrategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 1
  template:
    metadata:
      labels:
        app: log-collector
      annotations:
        kubeplay.io/startup: 5s
    spec:
      priorityClassName: system-node-critical
      tolerations:
      - key: node-role.kubernetes.io/control-plane
        operator: Exists
        effect: NoSchedule
      containers:
      - name: collector
        image: fluent/fluent-bit:3.1
        resources:
          requests:
            cpu: 100m
            memory: 64Mi
          limits:
            memory: 128Mi
`,
    nodes: NODES_MIXED,
  },
  {
    id: 'job',
    manifests: `# A Job that needs 6 successful pods, at most 2 at a time.
# Each pod takes 20s; the first attempt of each pod fails with exit code 1.
apiVersion: batch/v1
kind: Job
metadata:
  name: batch-work
  namespace: default
spec:
  completions: 6
  parallelism: 2
  backoffLimit: 6
  template:
    metadata:
      annotations:
        kubeplay.io/startup: 2s
        kubeplay.io/duration: 20s
        kubeplay.io/exit-codes: "1,0"
    spec:
      restartPolicy: Never
      containers:
      - name: work
        image: busybox:1.36
        command: ["sh", "-c", "echo working; sleep 20"]
`,
    nodes: NODES_SMALL,
  },
  {
    id: 'cronjob',
    manifests: `# A CronJob that starts a Job every 5 minutes; a run takes 45s.
apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
  namespace: default
spec:
  schedule: "*/5 * * * *"
  timeZone: Etc/UTC
  concurrencyPolicy: Forbid
  successfulJobsHistoryLimit: 3
  failedJobsHistoryLimit: 1
  jobTemplate:
    spec:
      template:
        metadata:
          annotations:
            kubeplay.io/duration: 45s
        spec:
          restartPolicy: OnFailure
          containers:
          - name: report
            image: busybox:1.36
            command: ["sh", "-c", "date; echo report done"]
`,
    nodes: NODES_SMALL,
  },
  {
    id: 'node-list',
    manifests: `# Nodes pasted from \`kubectl get nodes -o yaml\` (a kind: List) work as well as a table.
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: node-exporter
  namespace: monitoring
spec:
  selector:
    matchLabels:
      app: node-exporter
  template:
    metadata:
      labels:
        app: node-exporter
    spec:
      containers:
      - name: exporter
        image: prom/node-exporter:v1.8.2
`,
    nodes: NODES_LIST_YAML,
  },
];

/** The example shown on a first visit. */
export const DEFAULT_EXAMPLE = LESSONS[0];

export function findExample(id) {
  return EXAMPLES.find((e) => e.id === id) ?? null;
}
