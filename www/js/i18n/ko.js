// www/js/i18n/ko.js — every piece of Korean UI text (한국어). Keys must match en.js (tests/static.test.mjs checks).
// A value is a string with {placeholders} or a function of the parameters.

export default {
  'lang.en': '영어',
  'lang.ko': '한국어',

  'app.tagline': '브라우저에서 실행되는 쿠버네티스 컨트롤러 놀이터',
  'skip.editors': '편집기로 건너뛰기',
  'toolbar.label': '페이지 도구',
  'toolbar.examples': '예제',
  'toolbar.examplesPlaceholder': '예제 불러오기…',
  'toolbar.copyLink': '링크 복사',
  'toolbar.help': '도움말',
  'toolbar.language': '언어',
  'share.label': '이 놀이터의 링크',

  'editors.label': '편집기',
  'editor.manifests.title': '매니페스트',
  'editor.manifests.hint': '쿠버네티스 YAML — DaemonSet, Job, CronJob, Deployment, Pod… 문서는 ---로 구분합니다.',
  'editor.manifests.label': '매니페스트 편집기 (YAML)',
  'editor.nodes.title': '노드',
  'editor.nodes.hint': '노드 표(NAME LABELS TAINTS CPU MEMORY PODS READY UNSCHEDULABLE) 또는 kubectl get nodes -o yaml 같은 Node YAML.',
  'editor.nodes.label': '노드 편집기 (노드 표 또는 Node YAML)',
  'editor.keyboardHint': 'Tab은 들여쓰기입니다. 키보드로 편집기를 벗어나려면 Esc를 누른 뒤 Tab을 누르세요.',

  'errors.none': '오류 없음',
  'errors.count': ({ n }) => `오류 ${n}개`,
  'errors.more': ({ n }) => `…외 ${n}개`,
  'errors.jump': '{line}행 {column}열로 이동',

  'status.engineLoading': '엔진을 불러오는 중…',
  'status.engineFailed': '엔진을 불러오지 못했습니다({message}). 입력한 내용은 그대로 있습니다. 페이지를 새로 고쳐 다시 시도하세요.',
  'status.engineCrashed': '이 입력에서 엔진이 멈췄습니다({message}). 입력한 내용은 그대로 있고 엔진을 다시 시작했습니다. 내용을 고치면 다시 검사합니다.',
  'status.checkFailed': '검사하지 못했습니다: {message}. 입력한 내용은 그대로 있습니다.',
  'status.badLink': '링크를 읽을 수 없습니다(잘렸을 수 있습니다). 저장된 내용을 대신 보여 줍니다.',
  'status.linkCopied': '링크를 클립보드에 복사했습니다.',
  'status.linkCopiedLong': '링크를 클립보드에 복사했습니다. 길이가 {size}라서 일부 앱에서는 잘릴 수 있습니다.',
  'status.linkCopyFailed': '자동으로 복사하지 못했습니다. 아래에 선택된 링크를 Ctrl+C로 복사하세요.',
  'status.exampleLoaded': '예제 “{name}”을(를) 불러왔습니다. 편집기에서 Ctrl+Z를 누르면 되돌립니다.',
  'status.restored': '이전 내용을 되살렸습니다.',

  'notice.sharedLoaded': '공유 링크의 내용을 열었습니다. 이전에 입력한 내용도 보관되어 있습니다.',
  'notice.restore': '이전 내용 되살리기',
  'notice.dismiss': '닫기',

  'results.title': '결과',
  'summary.title': 'kubeplay가 읽은 내용',
  'summary.waiting': '엔진을 기다리는 중…',
  'summary.partial': ({ n }) => `읽을 수 있는 부분만 보여 줍니다. 나머지를 보려면 위의 오류 ${n}개를 고치세요.`,
  'summary.objects': '오브젝트',
  'summary.objectsCount': ({ n }) => `오브젝트 ${n}개`,
  'summary.nodes': '노드',
  'summary.nodesCount': ({ n }) => `노드 ${n}개`,
  'summary.noObjects': '아직 오브젝트가 없습니다. 매니페스트를 입력하거나 예제를 고르세요.',
  'summary.noNodes': '아직 노드가 없습니다. 노드 표를 입력하거나 예제를 고르세요.',
  'summary.noObjectsRead': '아직 읽을 수 있는 오브젝트가 없습니다. 매니페스트 아래의 오류를 확인하세요.',
  'summary.noNodesRead': '아직 읽을 수 있는 노드가 없습니다. 노드 아래의 오류를 확인하세요.',
  'summary.more': ({ n }) => `…외 노드 ${n}개.`,
  'summary.clusterScoped': '(클러스터 전체)',
  'summary.standardLabels': ({ n }) => `+기본 ${n}개`,
  'summary.jumpToLine': '{line}행으로 이동',
  'summary.col.kind': '종류',
  'summary.col.namespace': '네임스페이스',
  'summary.col.name': '이름',
  'summary.col.line': '행',
  'summary.col.labels': '레이블',
  'summary.col.taints': '테인트',
  'summary.col.cpu': 'CPU',
  'summary.col.memory': '메모리',
  'summary.col.pods': '파드',
  'summary.col.status': '상태',

  'node.ready': 'Ready',
  'node.notReady': 'NotReady',
  'node.cordoned': '코든됨',

  'grid.title': 'DaemonSet 배치',
  'grid.intro': '노드마다 카드 한 장입니다. DaemonSet 파드가 없는 노드는 그 이유를 DaemonSet 컨트롤러의 판단대로 보여 줍니다.',
  'grid.daemonSet': 'DaemonSet',
  'grid.all': '모든 DaemonSet',
  'grid.filter': '찾기',
  'grid.filterPlaceholder': '이름, 레이블, 테인트',
  'grid.onlyMissing': '파드가 없는 노드만',
  'grid.count': ({ shown, total }) => `노드 ${total}개 중 ${shown}개`,
  'grid.desired': ({ n }) => `원하는 파드 ${n}개`,
  'grid.runs': '이 노드에서 파드 실행',
  'grid.noPod': '이 노드에는 파드 없음',
  'grid.keepsRunning': '새 파드는 없지만 실행 중인 파드는 남을 수 있음',
  'grid.unknown': '평가되지 않음',
  'grid.upstream': '쿠버네티스 원문 메시지',
  'grid.noDaemonSets': '매니페스트에 DaemonSet이 없습니다. 하나를 추가하면 파드가 어디에 놓이는지 보입니다.',
  'grid.fixErrors': '배치를 보려면 위의 오류를 고치세요.',
  'grid.failed': '배치를 계산하지 못했습니다: {message}',
  'grid.cpu': 'CPU',
  'grid.memory': '메모리',
  'grid.pods': '파드',

  'scenario.title': '시나리오',
  'timeline.title': '타임라인',
  'timeline.play': '재생',
  'timeline.pause': '일시 정지',
  'timeline.time': '시나리오 안의 시각',
  'timeline.at': ({ s }) => `+${s}초`,
  'cron.title': 'CronJob 일정',
  'jobs.title': '시간에 따른 Job 파드',
  'coming.scenario': '시나리오 편집기는 곧 나옵니다.',
  'coming.cron': 'CronJob 타임라인은 곧 나옵니다.',
  'coming.jobs': 'Job 차트는 곧 나옵니다.',

  'example.ds-nodeselector': 'nodeSelector가 있는 DaemonSet',
  'example.log-collector': 'kube-system의 로그 수집 DaemonSet',
  'example.job': 'Job: completions 6, parallelism 2',
  'example.cronjob': '5분마다 실행되는 CronJob',
  'example.node-list': 'kubectl get nodes -o yaml로 얻은 노드',

  'footer.text': '모든 것이 브라우저 안에서 실행되며 입력한 내용은 어디로도 전송되지 않습니다. 내용은 이 브라우저에 저장되고, 공유할 때는 링크 자체에 담깁니다.',

  'help.title': '도움말',
  'help.close': '도움말 닫기',
  'help.html': `
<h3>동작 방식</h3>
<p>왼쪽에는 쿠버네티스 매니페스트를, 오른쪽에는 클러스터의 노드를 입력하세요. kubeplay는
<code>kubectl apply</code>처럼 이를 읽고 컨트롤러와 스케줄러가 무엇을 할지 보여 줍니다. 모든 것이 이 페이지 안에서
실행되며 서버로 아무것도 보내지 않습니다.</p>

<h3>노드 표</h3>
<p>첫 줄은 머리글 행이고, 그 아래로 노드마다 한 줄씩 씁니다. 열은 탭 하나 또는 공백 두 개 이상으로 구분합니다.
꼭 필요한 열은 <code>NAME</code>뿐이고, 열의 순서는 자유입니다.</p>
<dl class="help-dl">
  <dt><code>NAME</code></dt><dd>노드 이름.</dd>
  <dt><code>LABELS</code></dt><dd><code>key=value,key2=value2</code>. kubelet처럼 <code>kubernetes.io/hostname</code>,
    <code>kubernetes.io/os=linux</code>, <code>kubernetes.io/arch=amd64</code>가 없으면 붙여 줍니다.</dd>
  <dt><code>TAINTS</code></dt><dd><code>key=value:Effect,…</code> 또는 <code>key:Effect</code>. Effect는
    <code>NoSchedule</code>, <code>PreferNoSchedule</code>, <code>NoExecute</code> 중 하나입니다.</dd>
  <dt><code>CPU</code></dt><dd>할당 가능한 CPU: <code>4</code>, <code>3500m</code> (기본값 4).</dd>
  <dt><code>MEMORY</code></dt><dd>할당 가능한 메모리: <code>16Gi</code>, <code>512Mi</code> (기본값 8Gi).</dd>
  <dt><code>PODS</code></dt><dd>최대 파드 수 (기본값 110).</dd>
  <dt><code>READY</code></dt><dd><code>true</code> 또는 <code>false</code> (기본값 true). NotReady 노드에는
    <code>node.kubernetes.io/not-ready</code> 테인트가 붙습니다.</dd>
  <dt><code>UNSCHEDULABLE</code></dt><dd>코든된 노드는 <code>true</code> (기본값 false).
    <code>node.kubernetes.io/unschedulable:NoSchedule</code> 테인트가 붙습니다.</dd>
</dl>
<p>값이 없으면 <code>&lt;none&gt;</code>이라고 쓰거나 칸을 비워 두세요. <code>#</code>으로 시작하는 줄은 주석입니다.
<code>kubectl get nodes</code>의 출력(STATUS, ROLES 열 포함)과 <code>kubectl get nodes -o yaml</code>의 출력
(Node들의 <code>kind: List</code>)도 그대로 붙여 넣을 수 있습니다.</p>
<pre>NAME      LABELS           TAINTS                CPU  MEMORY  PODS  READY  UNSCHEDULABLE
worker-1  disk=ssd,zone=a  &lt;none&gt;                8    32Gi    110   true   false
gpu-1     zone=b           gpu=true:NoSchedule   32   128Gi   110   true   false</pre>

<h3>kubeplay.io 어노테이션</h3>
<p>여기서는 컨테이너가 실제로 실행되지 않습니다. 파드 템플릿의 어노테이션
(<code>spec.template.metadata.annotations</code>, CronJob이면
<code>spec.jobTemplate.spec.template.metadata.annotations</code>)으로 시뮬레이션할 파드의 동작을 정합니다.</p>
<dl class="help-dl">
  <dt><code>kubeplay.io/startup</code></dt><dd>Go duration(<code>500ms</code>, <code>5s</code>, <code>1m30s</code>):
    스케줄된 때부터 Running이 될 때까지 걸리는 시간. 기본값 <code>0s</code>.</dd>
  <dt><code>kubeplay.io/duration</code></dt><dd>Go duration: 컨테이너가 종료하기까지 실행되는 시간.
    기본값: DaemonSet, ReplicaSet, Deployment와 <code>restartPolicy: Always</code>인 단독 Pod는 삭제될 때까지 실행,
    Job 파드는 <code>30s</code>.</dd>
  <dt><code>kubeplay.io/exit-codes</code></dt><dd>시도마다의 종료 코드를 쉼표로 나열합니다. 마지막 값이 반복됩니다.
    기본값 <code>0</code>. <code>"1,1,0"</code>은 두 번 실패한 뒤 성공합니다.</dd>
</dl>
<pre>spec:
  template:
    metadata:
      annotations:
        kubeplay.io/startup: 2s
        kubeplay.io/duration: 20s
        kubeplay.io/exit-codes: "1,0"</pre>

<h3>오류</h3>
<p>오류는 각 편집기 아래에 <code>행:열 메시지</code> 형식으로 나열되고 해당 줄에 표시됩니다. 오류를 누르면 그 위치로
이동합니다.</p>

<h3>저장과 공유</h3>
<p>입력한 내용은 입력하는 대로 이 브라우저에 저장됩니다. <strong>링크 복사</strong>를 누르면 내용이 담긴 링크를 얻습니다.
내용은 <code>#</code> 뒤에 압축되어 들어가며 서버로 전송되지 않습니다. 다른 사람의 링크를 열어도 내 내용은 보관되어
되살릴 수 있습니다.</p>

<h3>키보드</h3>
<p><kbd>Tab</kbd>은 들여쓰기입니다. 편집기에서 벗어나려면 <kbd>Esc</kbd>를 누른 뒤 <kbd>Tab</kbd>을 누르세요.
<kbd>Ctrl</kbd>+<kbd>Z</kbd>는 되돌리기(예제 불러오기도 되돌립니다), <kbd>Ctrl</kbd>+<kbd>F</kbd>는 찾기입니다.</p>
`,
};
