// www/js/examples.js — the ready-made examples of the examples menu: manifests plus a matching node table.
// Titles live in the i18n files under `example.<id>`.

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

export const EXAMPLES = [
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
export const DEFAULT_EXAMPLE = EXAMPLES[0];

export function findExample(id) {
  return EXAMPLES.find((e) => e.id === id) ?? null;
}
