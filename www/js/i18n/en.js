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
  'toolbar.examplesPlaceholder': 'Load a lesson or example…',
  'toolbar.lessons': 'Lessons',
  'toolbar.moreExamples': 'More examples',
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
  'editor.scenario.title': 'Scenario',
  'editor.scenario.hint': 'What happens over time, one line each: an offset then a command — 30s kubectl label node worker-2 disk=ssd, 1m node n2 down. See Help.',
  'editor.scenario.label': 'Scenario editor (timed kubectl commands)',
  'editor.keyboardHint': 'Tab indents. To leave an editor with the keyboard, press Esc and then Tab.',

  'errors.none': 'No errors',
  'errors.count': ({ n }) => `${n} ${plural(n, 'error', 'errors')}`,
  'errors.warnings': ({ n }) => `${n} ${plural(n, 'step', 'steps')} did not work`,
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
  'node.removed': 'Removed',

  'grid.title': 'Nodes and DaemonSet placement',
  'grid.intro': 'One card per node. Where a DaemonSet has no pod, the card says why, in the words of the DaemonSet controller.',
  'grid.introSim': 'One card per node at the scrubber’s time: its pods, how much of its CPU and memory they request, and for each DaemonSet without a pod there, why. Click a pod for its details and events.',
  'grid.when': 'At +{at}',
  'grid.whenStart': 'At the start (the nodes as typed)',
  'grid.daemonSet': 'DaemonSet',
  'grid.all': 'All DaemonSets',
  'grid.filter': 'Filter',
  'grid.filterPlaceholder': 'name, label or taint',
  'grid.onlyMissing': 'Only nodes without a DaemonSet pod',
  'grid.count': ({ shown, total }) => `${shown} of ${total} ${plural(total, 'node', 'nodes')}`,
  'grid.desired': ({ n }) => `${n} ${plural(n, 'pod', 'pods')} desired`,
  'grid.current': ({ n }) => `${n} on a node now`,
  'grid.runs': 'runs a pod here',
  'grid.noPod': 'no pod here',
  'grid.shouldRunNoPod': 'should run here, but has no pod on it at this time (not created yet, or Pending: see the strip above)',
  'grid.keepsRunning': 'no new pod, but a running one may stay',
  'grid.unknown': 'not evaluated',
  'grid.upstream': 'Message from Kubernetes',
  'grid.noDaemonSets': 'No DaemonSet in the manifests: add one to see where its pods go.',
  'grid.fixErrors': 'Fix the errors above to see the placement.',
  'grid.failed': 'Placement failed: {message}',
  'grid.cpu': 'CPU',
  'grid.memory': 'Memory',
  'grid.pods': 'Pods',
  'grid.requestsOf': 'Requests of the pods on this node / allocatable {what}',
  'grid.podsOn': 'Pods on this node / the most it takes',
  'grid.allocatable': 'Allocatable (bar relative to the largest node)',
  'grid.morePods': ({ n }) => `+${n} more`,
  'grid.pending': ({ n, at }) => `${n} ${plural(n, 'pod', 'pods')} without a node at +${at}`,
  'grid.morePending': ({ n }) => `…and ${n} more`,
  'grid.notScheduledYet': 'not scheduled yet',
  'grid.noMessage': 'no scheduler message',

  'pod.state.NotCreated': 'not created yet',
  'pod.state.Pending': 'Pending',
  'pod.state.ContainerCreating': 'ContainerCreating',
  'pod.state.Running': 'Running',
  'pod.state.Succeeded': 'Succeeded',
  'pod.state.Failed': 'Failed',
  'pod.state.Deleted': 'deleted',
  'pod.close': 'Close',
  'pod.at': 'At +{at}:',
  'pod.namespace': 'Namespace',
  'pod.owner': 'Owner',
  'pod.noOwner': 'none (a bare pod)',
  'pod.node': 'Node',
  'pod.noNode': 'none (never scheduled)',
  'pod.index': 'Completion index',
  'pod.created': 'Created',
  'pod.scheduled': 'Scheduled',
  'pod.started': 'Started',
  'pod.finished': 'Finished',
  'pod.deleted': 'Deleted',
  'pod.phase': 'Last phase',
  'pod.exitCode': 'Exit code',
  'pod.restarts': 'Restarts',
  'pod.reason': 'Reason',
  'pod.message': 'Message',
  'pod.events': ({ n }) => `${n} ${plural(n, 'event', 'events')}`,
  'pod.col.time': 'Time',
  'pod.col.type': 'Type',
  'pod.col.reason': 'Reason',
  'pod.col.message': 'Message',
  'pod.eventsLoading': 'Fetching the rest of this pod\'s events from the engine…',
  'pod.noEvents': 'No events for this pod.',
  'pod.futureHint': 'Greyed events happen after the scrubber’s time.',

  'timeline.title': 'Time',
  'timeline.play': 'Play',
  'timeline.pause': 'Pause',
  'timeline.prevStep': 'Back to the previous scenario step',
  'timeline.nextStep': 'On to the next scenario step',
  'timeline.time': 'Time in the scenario',
  'timeline.at': ({ s }) => `+${s}`,

  'scenario.for': 'Simulate for',
  'scenario.forHint': 'e.g. 10m, 2h, 30d',
  'scenario.badDuration': 'Write a duration like 10m, 1h30m or 30d.',
  'scenario.durationPositive': 'The duration must be more than 0.',
  'scenario.durationTooLong': 'At most a year (366d).',
  'scenario.running': 'Simulating…',
  'scenario.done': ({ pods, events, ms }) => `Simulated: ${pods} ${plural(pods, 'pod', 'pods')}, ${events} ${plural(events, 'event', 'events')} in ${ms} ms.`,
  'scenario.truncated': ({ at, requested, events }) => `The run stopped at +${at} of ${requested}: the page keeps at most ${Number(events).toLocaleString('en')} events (SimulationTruncated), so the scrubber, the node grid and the pods end there. The CronJob view still runs the whole ${requested}, recording only its Jobs. Simulate a shorter time to see every pod.`,
  'scenario.notRun': 'Not simulated: see the errors.',
  'scenario.fixInputs': 'Fix the errors in the manifests or nodes to run the simulation.',
  'scenario.fixInputsStale': 'Fix the errors in the manifests or nodes to run the simulation again; the results below are from your last valid input.',
  'scenario.fixScenario': 'Fix the errors in the scenario to run the simulation.',
  'scenario.fixScenarioStale': 'Fix the errors in the scenario to run the simulation again; the results below are from your last valid input.',
  'scenario.failed': 'The simulation failed: {message}',
  'scenario.stepFailed': ({ at, message }) => `at +${at} this step failed: ${message}`,

  'kubectl.title': 'kubectl get',
  'kubectl.kind': 'Kind',
  'kubectl.wide': '-o wide',
  'kubectl.output': 'Output of kubectl get at the scrubber’s time',
  'kubectl.updating': 'updating…',
  'kubectl.noSimulation': 'Nothing simulated yet.',

  'cron.title': 'CronJob schedule',
  'cron.intro': 'The same CronJob simulated three times, with concurrencyPolicy Allow, Forbid and Replace, on one time axis. Ticks are the scheduled times; each bar is a Job. Hover for details, click to move the time, Ctrl+wheel or the buttons to zoom, drag to pan.',
  'cron.cronJob': 'CronJob',
  'cron.none': 'No CronJob in the manifests.',
  'cron.zoomIn': 'Zoom in',
  'cron.zoomOut': 'Zoom out',
  'cron.zoomFit': 'Whole run',
  'cron.modeExact': ({ span }) => `Showing ${span}: every Job and tick.`,
  'cron.modeAggregate': ({ span }) => `Showing ${span}: too many to draw one by one, so each column sums a few pixels’ worth. Zoom in for single Jobs.`,
  'cron.simulating': 'simulating…',
  'cron.simulatingN': ({ n }) => `Simulating ${n} more ${plural(n, 'policy', 'policies')}…`,
  'cron.failed': 'failed',
  'cron.laneJobs': ({ n }) => `${n} ${plural(n, 'Job', 'Jobs')}`,
  'cron.laneSkipped': ({ n }) => `${n} skipped`,
  'cron.laneLate': ({ n }) => `${n} late`,
  'cron.chartLabel': 'Jobs of the CronJob {name} under Allow, Forbid and Replace',
  'cron.tipTick': 'Scheduled time',
  'cron.tipTicks': ({ n }) => `${n} scheduled ${plural(n, 'time', 'times')}`,
  'cron.tipScheduled': 'Scheduled',
  'cron.tipCreated': 'Created',
  'cron.tipEnded': 'Ended',
  'cron.tipOutcome': 'Outcome',
  'cron.tipDeleted': 'Deleted',
  'cron.tipLate': ({ d, why }) => `Started ${d} late: ${why}`,
  'cron.lateForbid': 'the previous Job was still running (Forbid); the run waited for it',
  'cron.lateOther': 'the controller started the missed run when it could',
  'cron.deletedReplace': 'deleted by Replace when the next run started',
  'cron.deletedHistory': 'removed by the history limit (successfulJobsHistoryLimit / failedJobsHistoryLimit)',
  'cron.tipSkipped': 'Skipped: JobAlreadyActive (Forbid: the previous Job is still running)',
  'cron.tipBucket': ({ n }) => `${n} ${plural(n, 'Job', 'Jobs')} started`,
  'cron.tipBucketLate': ({ n }) => `${n} started late`,
  'cron.tipBucketSkipped': ({ n }) => `${n} skipped (JobAlreadyActive)`,
  'cron.outcome.complete': 'Complete',
  'cron.outcome.failed': 'Failed',
  'cron.outcome.replaced': 'deleted by Replace',
  'cron.outcome.deleted': 'deleted',
  'cron.outcome.running': 'running',
  'cron.legend.running': 'running',
  'cron.legend.complete': 'Complete',
  'cron.legend.failed': 'Failed',
  'cron.legend.replaced': 'deleted by Replace',
  'cron.legend.history': 'kept, then removed by the history limit (×)',
  'cron.legend.skipped': 'skipped (JobAlreadyActive)',
  'cron.legend.late': 'late start (from its scheduled time)',
  'cron.legend.tick': 'scheduled time',
  'cron.legend.suspended': 'suspended (runs due then are missed)',
  'cron.suspended': 'suspended',
  'cron.tipSuspended': 'Suspended: scheduled times in here are missed; on resume only the latest missed run starts',
  'cron.tipMissed': 'Scheduled time, missed (the CronJob is suspended)',
  'cron.notInManifests': 'this CronJob is not in the manifests (only in the scenario), so it cannot be compared',
  'cron.explainTitle': 'The schedule in words',
  'cron.schedule': 'Schedule',
  'cron.zone': 'Time zone',
  'cron.specZone': 'spec.timeZone',
  'cron.nextAfter': 'The next 5 times after +{at} (the scrubber’s time):',
  'cron.never': 'Never: no date matches.',
  'cron.zoneNote': 'Without spec.timeZone the controller uses its own zone (UTC here). TZ= or CRON_TZ= in the schedule is rejected: use spec.timeZone.',

  'jobs.title': 'Job pods over time',
  'jobs.intro': 'One lane per parallel slot (per index for Indexed Jobs); each pod is a bar. Dashed red gaps are back-off delays. The green step line counts completions. Hover for details, click to move the time.',
  'jobs.job': 'Job',
  'jobs.none': 'No Job ran in this simulation.',
  'jobs.fromCronJobs': 'Jobs started by CronJobs',
  'jobs.index': ({ i }) => `index ${i}`,
  'jobs.slot': ({ i }) => `slot ${i}`,
  'jobs.unset': 'unset (work queue)',
  'jobs.final': 'Final condition:',
  'jobs.counts': ({ s, f }) => `(${s} succeeded, ${f} failed)`,
  'jobs.completions': 'completions',
  'jobs.chartLabel': 'Pods of the Job {name} over time',
  'jobs.tipCompletion': ({ n, c }) => `Completion ${n} of ${c}`,
  'jobs.tipBackoff': ({ d }) => `Back-off before the next pod: ${d}`,
  'jobs.tipRestartBackoff': ({ d }) => `Crash-loop back-off before the restart: ${d}`,
  'jobs.backoffNote': 'The Job controller waits 10s × 2^(failures−1), at most 10 minutes in the current code (the documentation still says 6 minutes).',
  'jobs.deadlineNote': 'activeDeadlineSeconds counts from the Job’s start; past it the Job fails with DeadlineExceeded and its running pods are deleted.',
  'jobs.tipOutcome': 'Outcome',
  'jobs.outcome.succeeded': 'Succeeded',
  'jobs.outcome.failed': 'Failed',
  'jobs.outcome.deleted': 'deleted',
  'jobs.outcome.running': 'running',
  'jobs.outcome.pending': 'Pending',
  'jobs.legend.succeeded': 'Succeeded',
  'jobs.legend.failed': 'Failed (or a run that was restarted)',
  'jobs.legend.deleted': 'deleted while running',
  'jobs.legend.running': 'running',
  'jobs.legend.wait': 'waiting to start',
  'jobs.legend.backoff': 'back-off (its length on the line)',
  'jobs.legend.deadline': 'activeDeadlineSeconds',
  'jobs.legend.counter': 'completions so far',
  'jobs.formTitle': 'Change how these pods behave',
  'jobs.formHint': 'Writes kubeplay.io/duration and kubeplay.io/exit-codes into the pod template of {owner} in the manifests (Ctrl+Z in the editor undoes it).',
  'jobs.formNoSource': 'This Job is not in the manifests (it was created by the scenario), so there is nothing to change.',
  'jobs.duration': 'Each attempt runs',
  'jobs.failingAttempts': 'Attempts that fail',
  'jobs.exitCode': 'with exit code',
  'jobs.always': 'every attempt fails',
  'jobs.apply': 'Write into the manifests',
  'jobs.preview': 'Will write:',
  'jobs.applied': 'Written into {owner}.',
  'jobs.applyFailed': 'Could not change the text: {message}',

  'example.lesson-ds-no-match': 'a. DaemonSet whose nodeSelector matches no node',
  'example.lesson-log-agent-rollout': 'b. Log collector DaemonSet rolling to a new image',
  'example.lesson-os-hostport': 'c. nodeSelector os=centos and a hostPort',
  'example.lesson-dedicated-nodes': 'd. Dedicated nodes: label + nodeSelector, taint + toleration',
  'example.lesson-ds-vs-rs': 'e. DaemonSet vs ReplicaSet on nodes with unequal room',
  'example.lesson-node-down': 'f. A node goes down',
  'example.lesson-cron-policies': 'g. CronJob every minute: Allow, Forbid, Replace',
  'example.lesson-cron-suspend': 'h. CronJob suspended for 3 hours, then resumed',
  'example.lesson-job-deadline': 'i. Job with activeDeadlineSeconds: 10s vs 20s pods',
  'example.lesson-backoff': 'j. backoffLimit: restartPolicy Never vs OnFailure',
  'example.lesson-indexed': 'k. Indexed Job: a failing index, with and without backoffLimitPerIndex',
  'example.lesson-5000-nodes': '5,000 nodes: DaemonSet, Deployment and node changes',
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
<p>Type Kubernetes manifests on the left, the nodes of your cluster on the right, and below them a scenario:
what happens over time. kubeplay reads them as <code>kubectl apply</code> would, simulates the controllers and
the scheduler, and shows the cluster at any moment of the run. Everything runs in this page; nothing is sent
to a server. New here? Pick a lesson from the menu at the top.</p>

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

<p><code>kubeplay.io/exit-codes-by-index</code> gives indexes of an Indexed Job their own list:
<code>"2=1; 4-5=1,1,0"</code> makes index 2 always fail and indexes 4 and 5 fail twice. The form under the Job
chart writes <code>kubeplay.io/duration</code> and <code>kubeplay.io/exit-codes</code> for you.</p>

<h3>The scenario</h3>
<p>What happens over time, one line each: an offset from the start (a Go duration: <code>30s</code>,
<code>1m30s</code>, <code>2h</code>), then a command. Lines starting with <code>#</code> are comments. The
commands are real <code>kubectl</code> syntax plus a few of kubeplay's own:</p>
<pre>30s kubectl label node worker-2 disk=ssd [--overwrite]     # k- removes label k
45s kubectl taint node worker-1 dedicated=gpu:NoSchedule    # key:Effect- removes it
1m  kubectl cordon worker-3                                 # also: uncordon
1m  kubectl drain worker-3 --ignore-daemonsets [--force]
2m  kubectl delete pod old-exporter                         # any kind: ds, rs, deploy, job, cronjob, node…
2m  kubectl scale deploy web --replicas=5
3m  kubectl set image ds/log-agent agent=fluentd:v2 -n kube-system
3m  kubectl rollout restart deploy/web
4m  kubectl patch cronjob report -p '{"spec":{"suspend":false}}'
4m  kubectl create job manual-run --from=cronjob/report
5m  node n2 down                                            # stops answering; also: node n2 up
6m  node add worker-9 zone=b,disk=ssd
7m  kubectl apply -f - &lt;&lt;EOF
apiVersion: v1
kind: Pod
metadata:
  name: late-pod
spec:
  containers:
  - name: app
    image: busybox
EOF</pre>
<p>Objects live in the <code>default</code> namespace unless you add <code>-n NAMESPACE</code>, as with kubectl.
In the browser there are no files: write the manifest inline with <code>kubectl apply -f - &lt;&lt;EOF</code> … <code>EOF</code>.
A command that fails (for example a node that does not exist) is marked in the scenario editor with the
error kubectl would print. <strong>Simulate for</strong> sets how long the run lasts (<code>10m</code>,
<code>2h</code>, <code>30d</code>; at most a year).</p>

<h3>The views</h3>
<dl class="help-dl">
  <dt>Time</dt><dd>Drag the scrubber (it stays at the top of the window) or press Play. Everything below shows
    that moment; the marks on the track are the scenario's steps, |◀ and ▶| jump between them.</dd>
  <dt>Nodes</dt><dd>One card per node: its labels, taints, readiness, the pods on it, and how much of its CPU and
    memory their requests take. For each DaemonSet without a pod there, the reason in plain words and the
    message from Kubernetes. Pods without a node are listed above the cards with the scheduler's message.
    Click a pod for its details and events.</dd>
  <dt>kubectl get</dt><dd>Exactly what <code>kubectl get &lt;kind&gt; -A</code> (or <code>-o wide</code>) prints at that moment.</dd>
  <dt>CronJob</dt><dd>The schedule in words and its next times in a zone you choose, and the CronJob run three
    times — Allow, Forbid, Replace — side by side: scheduled ticks, Jobs as bars, skipped runs (▼) and late
    starts (dashed). Over long spans the columns sum several Jobs; zoom in to see each one. These three runs
    record only Jobs and skipped runs, so they cover the whole time even when the main run stops at the
    page's limit of 1,000,000 events (a 90s Job every minute reaches it after about 77 days).</dd>
  <dt>Job</dt><dd>A Gantt chart of a Job's pods: lanes per parallel slot or index, back-off gaps with their
    length, the completions counter, the <code>activeDeadlineSeconds</code> line and the final condition.</dd>
</dl>

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
