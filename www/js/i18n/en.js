// www/js/i18n/en.js — every piece of English UI text. Keys must match ko.js (tests/static.test.mjs checks).
// A value is a string with {placeholders} or a function of the parameters.

const plural = (n, one, many) => (n === 1 ? one : many);

export default {
  'lang.en': 'English',
  'lang.ko': 'Korean',

  'app.tagline': 'A Kubernetes controller playground that runs in your browser',
  'skip.editors': 'Skip to the editors',
  'toolbar.label': 'Page tools',
  'toolbar.examples': 'Examples',
  'toolbar.examplesPlaceholder': 'Load an example…',
  'toolbar.copyLink': 'Copy link',
  'toolbar.help': 'Help',
  'toolbar.language': 'Language',
  'share.label': 'Link to this playground',

  'editors.label': 'Editors',
  'editor.manifests.title': 'Manifests',
  'editor.manifests.hint': 'Kubernetes YAML — DaemonSets, Jobs, CronJobs, Deployments, Pods… Separate documents with ---.',
  'editor.manifests.label': 'Manifests editor (YAML)',
  'editor.nodes.title': 'Nodes',
  'editor.nodes.hint': 'A node table (NAME LABELS TAINTS CPU MEMORY PODS READY UNSCHEDULABLE) or Node YAML, e.g. from kubectl get nodes -o yaml.',
  'editor.nodes.label': 'Nodes editor (node table or Node YAML)',
  'editor.keyboardHint': 'Tab indents. To leave an editor with the keyboard, press Esc and then Tab.',

  'errors.none': 'No errors',
  'errors.count': ({ n }) => `${n} ${plural(n, 'error', 'errors')}`,
  'errors.more': ({ n }) => `…and ${n} more`,
  'errors.jump': 'Go to line {line}, column {column}',

  'status.engineLoading': 'Loading the engine…',
  'status.engineFailed': 'The engine could not be loaded ({message}). Your text is kept; reload the page to try again.',
  'status.engineCrashed': 'The engine crashed on this input ({message}). Your text is kept and the engine was restarted; edit the text to check again.',
  'status.checkFailed': 'Checking failed: {message}. Your text is kept.',
  'status.badLink': 'The link could not be read (it may have been cut short). Showing your saved text instead.',
  'status.linkCopied': 'Link copied to the clipboard.',
  'status.linkCopiedLong': 'Link copied to the clipboard. It is {size} long; some apps may cut long links.',
  'status.linkCopyFailed': 'Could not copy automatically: the link is selected below, copy it with Ctrl+C.',
  'status.exampleLoaded': 'Loaded the example “{name}”. Ctrl+Z in an editor undoes it.',
  'status.restored': 'Your previous text is back.',

  'notice.sharedLoaded': 'Opened the text from a shared link. Your previous text is kept.',
  'notice.restore': 'Restore my previous text',
  'notice.dismiss': 'Dismiss',

  'results.title': 'Results',
  'summary.title': 'What kubeplay understood',
  'summary.waiting': 'Waiting for the engine…',
  'summary.partial': ({ n }) => `Showing what could be read; fix the ${plural(n, 'error', `${n} errors`)} above for the rest.`,
  'summary.objects': 'Objects',
  'summary.objectsCount': ({ n }) => `${n} ${plural(n, 'object', 'objects')}`,
  'summary.nodes': 'Nodes',
  'summary.nodesCount': ({ n }) => `${n} ${plural(n, 'node', 'nodes')}`,
  'summary.noObjects': 'No objects yet: type a manifest or pick an example.',
  'summary.noNodes': 'No nodes yet: type a node table or pick an example.',
  'summary.noObjectsRead': 'No object could be read yet: see the errors under the manifests.',
  'summary.noNodesRead': 'No node could be read yet: see the errors under the nodes.',
  'summary.more': ({ n }) => `…and ${n} more ${plural(n, 'node', 'nodes')}.`,
  'summary.clusterScoped': '(cluster-wide)',
  'summary.standardLabels': ({ n }) => `+${n} standard`,
  'summary.jumpToLine': 'Go to line {line}',
  'summary.col.kind': 'Kind',
  'summary.col.namespace': 'Namespace',
  'summary.col.name': 'Name',
  'summary.col.line': 'Line',
  'summary.col.labels': 'Labels',
  'summary.col.taints': 'Taints',
  'summary.col.cpu': 'CPU',
  'summary.col.memory': 'Memory',
  'summary.col.pods': 'Pods',
  'summary.col.status': 'Status',

  'node.ready': 'Ready',
  'node.notReady': 'NotReady',
  'node.cordoned': 'Cordoned',

  'grid.title': 'DaemonSet placement',
  'grid.intro': 'One card per node. Where a DaemonSet has no pod, the card says why, in the words of the DaemonSet controller.',
  'grid.daemonSet': 'DaemonSet',
  'grid.all': 'All DaemonSets',
  'grid.filter': 'Filter',
  'grid.filterPlaceholder': 'name, label or taint',
  'grid.onlyMissing': 'Only nodes without a pod',
  'grid.count': ({ shown, total }) => `${shown} of ${total} ${plural(total, 'node', 'nodes')}`,
  'grid.desired': ({ n }) => `${n} ${plural(n, 'pod', 'pods')} desired`,
  'grid.runs': 'runs a pod here',
  'grid.noPod': 'no pod here',
  'grid.keepsRunning': 'no new pod, but a running one may stay',
  'grid.unknown': 'not evaluated',
  'grid.upstream': 'Message from Kubernetes',
  'grid.noDaemonSets': 'No DaemonSet in the manifests: add one to see where its pods go.',
  'grid.fixErrors': 'Fix the errors above to see the placement.',
  'grid.failed': 'Placement failed: {message}',
  'grid.cpu': 'CPU',
  'grid.memory': 'Memory',
  'grid.pods': 'Pods',

  'scenario.title': 'Scenario',
  'timeline.title': 'Timeline',
  'timeline.play': 'Play',
  'timeline.pause': 'Pause',
  'timeline.time': 'Time in the scenario',
  'timeline.at': ({ s }) => `+${s}s`,
  'cron.title': 'CronJob schedule',
  'jobs.title': 'Job pods over time',
  'coming.scenario': 'The scenario editor is coming soon.',
  'coming.cron': 'The CronJob timeline is coming soon.',
  'coming.jobs': 'The Job chart is coming soon.',

  'example.ds-nodeselector': 'DaemonSet with a nodeSelector',
  'example.log-collector': 'Log collector DaemonSet in kube-system',
  'example.job': 'Job: 6 completions, parallelism 2',
  'example.cronjob': 'CronJob every 5 minutes',
  'example.node-list': 'Nodes from kubectl get nodes -o yaml',

  'footer.text': 'Everything runs in your browser: nothing you type is sent anywhere. Your text is saved in this browser and, when you share, in the link itself.',

  'help.title': 'Help',
  'help.close': 'Close help',
  'help.html': `
<h3>How it works</h3>
<p>Type Kubernetes manifests on the left and the nodes of your cluster on the right. kubeplay reads them as
<code>kubectl apply</code> would and shows what the controllers and the scheduler would do. Everything runs
in this page; nothing is sent to a server.</p>

<h3>The node table</h3>
<p>A header row, then one row per node. Separate columns with a tab or with two or more spaces. Only
<code>NAME</code> is required; the columns can come in any order.</p>
<dl class="help-dl">
  <dt><code>NAME</code></dt><dd>The node name.</dd>
  <dt><code>LABELS</code></dt><dd><code>key=value,key2=value2</code>. <code>kubernetes.io/hostname</code>,
    <code>kubernetes.io/os=linux</code> and <code>kubernetes.io/arch=amd64</code> are added when missing, as the kubelet does.</dd>
  <dt><code>TAINTS</code></dt><dd><code>key=value:Effect,…</code> or <code>key:Effect</code>; the effect is
    <code>NoSchedule</code>, <code>PreferNoSchedule</code> or <code>NoExecute</code>.</dd>
  <dt><code>CPU</code></dt><dd>Allocatable CPU: <code>4</code>, <code>3500m</code> (default 4).</dd>
  <dt><code>MEMORY</code></dt><dd>Allocatable memory: <code>16Gi</code>, <code>512Mi</code> (default 8Gi).</dd>
  <dt><code>PODS</code></dt><dd>Maximum number of pods (default 110).</dd>
  <dt><code>READY</code></dt><dd><code>true</code> or <code>false</code> (default true). A NotReady node gets the
    <code>node.kubernetes.io/not-ready</code> taints.</dd>
  <dt><code>UNSCHEDULABLE</code></dt><dd><code>true</code> for a cordoned node (default false); it gets the
    <code>node.kubernetes.io/unschedulable:NoSchedule</code> taint.</dd>
</dl>
<p>Write <code>&lt;none&gt;</code> (or leave the cell empty) for nothing. Lines starting with <code>#</code> are comments.
The output of <code>kubectl get nodes</code> (with its STATUS and ROLES columns) and of
<code>kubectl get nodes -o yaml</code> (a <code>kind: List</code> of Nodes) can be pasted as they are.</p>
<pre>NAME      LABELS           TAINTS                CPU  MEMORY  PODS  READY  UNSCHEDULABLE
worker-1  disk=ssd,zone=a  &lt;none&gt;                8    32Gi    110   true   false
gpu-1     zone=b           gpu=true:NoSchedule   32   128Gi   110   true   false</pre>

<h3>kubeplay.io annotations</h3>
<p>Containers do not really run here. These annotations on the pod template
(<code>spec.template.metadata.annotations</code>; in a CronJob
<code>spec.jobTemplate.spec.template.metadata.annotations</code>) say how the simulated pods behave:</p>
<dl class="help-dl">
  <dt><code>kubeplay.io/startup</code></dt><dd>A Go duration (<code>500ms</code>, <code>5s</code>, <code>1m30s</code>):
    the time from being scheduled to Running. Default <code>0s</code>.</dd>
  <dt><code>kubeplay.io/duration</code></dt><dd>A Go duration: how long the container runs before it exits.
    Default: it runs until deleted for DaemonSets, ReplicaSets, Deployments and bare Pods with
    <code>restartPolicy: Always</code>; <code>30s</code> for Job pods.</dd>
  <dt><code>kubeplay.io/exit-codes</code></dt><dd>A comma-separated exit code per attempt; the last one repeats.
    Default <code>0</code>. <code>"1,1,0"</code> fails twice, then succeeds.</dd>
</dl>
<pre>spec:
  template:
    metadata:
      annotations:
        kubeplay.io/startup: 2s
        kubeplay.io/duration: 20s
        kubeplay.io/exit-codes: "1,0"</pre>

<h3>Errors</h3>
<p>Errors are listed under each editor as <code>line:column message</code> and marked on their line. Select one
to jump to it.</p>

<h3>Saving and sharing</h3>
<p>Your text is saved in this browser as you type. <strong>Copy link</strong> gives a link that contains the text,
compressed after the <code>#</code>: it is never sent to a server. When you open someone else's link, your own
text is kept and can be restored.</p>

<h3>Keyboard</h3>
<p><kbd>Tab</kbd> indents; press <kbd>Esc</kbd> then <kbd>Tab</kbd> to move on from an editor.
<kbd>Ctrl</kbd>+<kbd>Z</kbd> undoes (also the loading of an example), <kbd>Ctrl</kbd>+<kbd>F</kbd> searches.</p>
`,
};
