// www/js/i18n/ko.js — every piece of Korean UI text (한국어). Keys must match en.js (tests/static.test.mjs checks).
// A value is a string with {placeholders} or a function of the parameters.

export default {
  'lang.en': '영어',
  'lang.ko': '한국어',

  'app.tagline': '브라우저에서 실행되는 쿠버네티스 컨트롤러 놀이터',
  'skip.editors': '편집기로 건너뛰기',
  'toolbar.label': '페이지 도구',
  'toolbar.examples': '예제',
  'toolbar.examplesPlaceholder': '학습 예제나 예제 불러오기…',
  'toolbar.lessons': '학습 예제',
  'toolbar.moreExamples': '그 밖의 예제',
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
  'editor.scenario.title': '시나리오',
  'editor.scenario.hint': '시간에 따라 일어나는 일을 한 줄에 하나씩: 시각 다음에 명령 — 30s kubectl label node worker-2 disk=ssd, 1m node n2 down. 도움말을 보세요.',
  'editor.scenario.label': '시나리오 편집기 (시각별 kubectl 명령)',
  'editor.keyboardHint': 'Tab은 들여쓰기입니다. 키보드로 편집기를 벗어나려면 Esc를 누른 뒤 Tab을 누르세요.',

  'errors.none': '오류 없음',
  'errors.count': ({ n }) => `오류 ${n}개`,
  'errors.warnings': ({ n }) => `실행되지 않은 단계 ${n}개`,
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
  'node.removed': '제거됨',

  'grid.title': '노드와 DaemonSet 배치',
  'grid.intro': '노드마다 카드 한 장입니다. DaemonSet 파드가 없는 노드는 그 이유를 DaemonSet 컨트롤러의 판단대로 보여 줍니다.',
  'grid.introSim': '시간 막대가 가리키는 시각의 노드마다 카드 한 장: 그 노드의 파드, 파드들이 요청한 CPU와 메모리의 양, 그리고 파드가 없는 DaemonSet은 그 이유를 보여 줍니다. 파드를 누르면 자세한 정보와 이벤트가 나옵니다.',
  'grid.when': '+{at} 시점',
  'grid.whenStart': '시작 시점 (입력한 그대로의 노드)',
  'grid.daemonSet': 'DaemonSet',
  'grid.all': '모든 DaemonSet',
  'grid.filter': '찾기',
  'grid.filterPlaceholder': '이름, 레이블, 테인트',
  'grid.onlyMissing': 'DaemonSet 파드가 없는 노드만',
  'grid.count': ({ shown, total }) => `노드 ${total}개 중 ${shown}개`,
  'grid.desired': ({ n }) => `원하는 파드 ${n}개`,
  'grid.current': ({ n }) => `지금 노드에 있는 파드 ${n}개`,
  'grid.runs': '이 노드에서 파드 실행',
  'grid.noPod': '이 노드에는 파드 없음',
  'grid.shouldRunNoPod': '이 노드에서 실행되어야 하지만 이 시각에는 파드가 없습니다 (아직 만들어지지 않았거나 Pending: 위의 목록을 보세요)',
  'grid.keepsRunning': '새 파드는 없지만 실행 중인 파드는 남을 수 있음',
  'grid.unknown': '평가되지 않음',
  'grid.upstream': '쿠버네티스 원문 메시지',
  'grid.noDaemonSets': '매니페스트에 DaemonSet이 없습니다. 하나를 추가하면 파드가 어디에 놓이는지 보입니다.',
  'grid.fixErrors': '배치를 보려면 위의 오류를 고치세요.',
  'grid.failed': '배치를 계산하지 못했습니다: {message}',
  'grid.cpu': 'CPU',
  'grid.memory': '메모리',
  'grid.pods': '파드',
  'grid.requestsOf': '이 노드에 있는 파드들의 요청량 / 할당 가능한 {what}',
  'grid.podsOn': '이 노드의 파드 수 / 최대 파드 수',
  'grid.allocatable': '할당 가능한 양 (가장 큰 노드를 기준으로 한 막대)',
  'grid.morePods': ({ n }) => `+${n}개 더`,
  'grid.pending': ({ n, at }) => `+${at}에 노드가 없는 파드 ${n}개`,
  'grid.morePending': ({ n }) => `…외 ${n}개`,
  'grid.notScheduledYet': '아직 스케줄되지 않음',
  'grid.noMessage': '스케줄러 메시지 없음',

  'pod.state.NotCreated': '아직 만들어지지 않음',
  'pod.state.Pending': 'Pending',
  'pod.state.ContainerCreating': 'ContainerCreating',
  'pod.state.Running': 'Running',
  'pod.state.Succeeded': 'Succeeded',
  'pod.state.Failed': 'Failed',
  'pod.state.Deleted': '삭제됨',
  'pod.close': '닫기',
  'pod.at': '+{at} 시점:',
  'pod.namespace': '네임스페이스',
  'pod.owner': '소유자',
  'pod.noOwner': '없음 (단독 파드)',
  'pod.node': '노드',
  'pod.noNode': '없음 (스케줄된 적 없음)',
  'pod.index': '완료 인덱스',
  'pod.created': '생성',
  'pod.scheduled': '스케줄',
  'pod.started': '시작',
  'pod.finished': '종료',
  'pod.deleted': '삭제',
  'pod.phase': '마지막 단계(phase)',
  'pod.exitCode': '종료 코드',
  'pod.restarts': '재시작',
  'pod.reason': '이유',
  'pod.message': '메시지',
  'pod.events': ({ n }) => `이벤트 ${n}개`,
  'pod.col.time': '시각',
  'pod.col.type': '유형',
  'pod.col.reason': '이유',
  'pod.col.message': '메시지',
  'pod.eventsLoading': '엔진에서 이 파드의 나머지 이벤트를 가져오는 중…',
  'pod.noEvents': '이 파드의 이벤트가 없습니다.',
  'pod.futureHint': '흐리게 보이는 이벤트는 시간 막대의 시각보다 뒤에 일어납니다.',

  'timeline.title': '시각',
  'timeline.play': '재생',
  'timeline.pause': '일시 정지',
  'timeline.prevStep': '이전 시나리오 단계로',
  'timeline.nextStep': '다음 시나리오 단계로',
  'timeline.time': '시나리오 안의 시각',
  'timeline.at': ({ s }) => `+${s}`,

  'scenario.for': '시뮬레이션 길이',
  'scenario.forHint': '예: 10m, 2h, 30d',
  'scenario.badDuration': '10m, 1h30m, 30d 같은 길이를 쓰세요.',
  'scenario.durationPositive': '길이는 0보다 커야 합니다.',
  'scenario.durationTooLong': '최대 1년(366d)입니다.',
  'scenario.running': '시뮬레이션 중…',
  'scenario.done': ({ pods, events, ms }) => `시뮬레이션 완료: 파드 ${pods}개, 이벤트 ${events}개, ${ms}ms.`,
  'scenario.truncated': ({ at, requested, events }) => `시뮬레이션이 ${requested} 중 +${at}에서 멈췄습니다: 페이지는 이벤트를 최대 ${Number(events).toLocaleString('ko')}개까지만 기록하므로(SimulationTruncated) 스크러버, 노드 그리드, 파드는 거기서 끝납니다. CronJob 보기는 Job만 기록하며 ${requested} 전체를 실행합니다. 모든 파드를 보려면 더 짧은 시간을 시뮬레이션하세요.`,
  'scenario.notRun': '시뮬레이션하지 않음: 오류를 확인하세요.',
  'scenario.fixInputs': '시뮬레이션하려면 매니페스트나 노드의 오류를 고치세요.',
  'scenario.fixInputsStale': '다시 시뮬레이션하려면 매니페스트나 노드의 오류를 고치세요. 아래 결과는 마지막으로 올바르던 입력의 것입니다.',
  'scenario.fixScenario': '시뮬레이션하려면 시나리오의 오류를 고치세요.',
  'scenario.fixScenarioStale': '다시 시뮬레이션하려면 시나리오의 오류를 고치세요. 아래 결과는 마지막으로 올바르던 입력의 것입니다.',
  'scenario.failed': '시뮬레이션이 실패했습니다: {message}',
  'scenario.stepFailed': ({ at, message }) => `+${at}에 이 단계가 실패했습니다: ${message}`,

  'kubectl.title': 'kubectl get',
  'kubectl.kind': '종류',
  'kubectl.wide': '-o wide',
  'kubectl.output': '시간 막대가 가리키는 시각의 kubectl get 출력',
  'kubectl.updating': '갱신 중…',
  'kubectl.noSimulation': '아직 시뮬레이션한 것이 없습니다.',

  'cron.title': 'CronJob 일정',
  'cron.intro': '같은 CronJob을 concurrencyPolicy Allow, Forbid, Replace로 세 번 시뮬레이션해 한 시간축에 나란히 놓았습니다. 눈금은 예정 시각이고 막대 하나가 Job 하나입니다. 마우스를 올리면 자세히 보이고, 누르면 그 시각으로 이동하며, Ctrl+휠이나 버튼으로 확대하고 끌어서 옮깁니다.',
  'cron.cronJob': 'CronJob',
  'cron.none': '매니페스트에 CronJob이 없습니다.',
  'cron.zoomIn': '확대',
  'cron.zoomOut': '축소',
  'cron.zoomFit': '전체 보기',
  'cron.modeExact': ({ span }) => `${span} 구간: Job과 눈금을 하나하나 그립니다.`,
  'cron.modeAggregate': ({ span }) => `${span} 구간: 하나씩 그리기에는 너무 많아 몇 픽셀씩 묶어 합계를 그립니다. 확대하면 Job 하나하나가 보입니다.`,
  'cron.simulating': '시뮬레이션 중…',
  'cron.simulatingN': ({ n }) => `정책 ${n}개를 더 시뮬레이션하는 중…`,
  'cron.failed': '실패',
  'cron.laneJobs': ({ n }) => `Job ${n}개`,
  'cron.laneSkipped': ({ n }) => `건너뜀 ${n}`,
  'cron.laneLate': ({ n }) => `늦게 시작 ${n}`,
  'cron.chartLabel': 'CronJob {name}의 Job들 (Allow, Forbid, Replace)',
  'cron.tipTick': '예정 시각',
  'cron.tipTicks': ({ n }) => `예정 시각 ${n}개`,
  'cron.tipScheduled': '예정',
  'cron.tipCreated': '생성',
  'cron.tipEnded': '끝남',
  'cron.tipOutcome': '결과',
  'cron.tipDeleted': '삭제',
  'cron.tipLate': ({ d, why }) => `${d} 늦게 시작: ${why}`,
  'cron.lateForbid': '이전 Job이 아직 실행 중이라(Forbid) 끝날 때까지 기다렸습니다',
  'cron.lateOther': '컨트롤러가 놓친 실행을 할 수 있을 때 시작했습니다',
  'cron.deletedReplace': '다음 실행이 시작될 때 Replace 정책으로 삭제됨',
  'cron.deletedHistory': '기록 개수 제한(successfulJobsHistoryLimit / failedJobsHistoryLimit)으로 삭제됨',
  'cron.tipSkipped': '건너뜀: JobAlreadyActive (Forbid: 이전 Job이 아직 실행 중)',
  'cron.tipBucket': ({ n }) => `시작한 Job ${n}개`,
  'cron.tipBucketLate': ({ n }) => `늦게 시작 ${n}개`,
  'cron.tipBucketSkipped': ({ n }) => `건너뜀 ${n}개 (JobAlreadyActive)`,
  'cron.outcome.complete': 'Complete',
  'cron.outcome.failed': 'Failed',
  'cron.outcome.replaced': 'Replace로 삭제됨',
  'cron.outcome.deleted': '삭제됨',
  'cron.outcome.running': '실행 중',
  'cron.legend.running': '실행 중',
  'cron.legend.complete': 'Complete',
  'cron.legend.failed': 'Failed',
  'cron.legend.replaced': 'Replace로 삭제됨',
  'cron.legend.history': '남아 있다가 기록 개수 제한으로 삭제됨 (×)',
  'cron.legend.skipped': '건너뜀 (JobAlreadyActive)',
  'cron.legend.late': '늦은 시작 (예정 시각부터)',
  'cron.legend.tick': '예정 시각',
  'cron.legend.suspended': '중지됨 (그동안의 예정 실행은 놓침)',
  'cron.suspended': '중지됨',
  'cron.tipSuspended': '중지됨: 이 구간의 예정 시각은 놓칩니다. 재개하면 놓친 실행 중 가장 최근 것 하나만 시작합니다',
  'cron.tipMissed': '놓친 예정 시각 (CronJob이 중지됨)',
  'cron.notInManifests': '이 CronJob은 매니페스트에 없고 시나리오에만 있어서 비교할 수 없습니다',
  'cron.explainTitle': '일정을 말로 풀면',
  'cron.schedule': '일정',
  'cron.zone': '시간대',
  'cron.specZone': 'spec.timeZone',
  'cron.nextAfter': '+{at}(시간 막대의 시각) 뒤의 다음 다섯 번:',
  'cron.never': '실행되지 않음: 맞는 날짜가 없습니다.',
  'cron.zoneNote': 'spec.timeZone이 없으면 컨트롤러 자신의 시간대(여기서는 UTC)를 씁니다. 일정 안의 TZ=나 CRON_TZ=는 거부됩니다. spec.timeZone을 쓰세요.',

  'jobs.title': '시간에 따른 Job 파드',
  'jobs.intro': '병렬 슬롯마다(Indexed Job이면 인덱스마다) 한 줄이고, 파드 하나가 막대 하나입니다. 빨간 점선 틈은 백오프 대기입니다. 초록 계단선은 완료 수를 셉니다. 마우스를 올리면 자세히 보이고, 누르면 그 시각으로 이동합니다.',
  'jobs.job': 'Job',
  'jobs.none': '이 시뮬레이션에서는 Job이 실행되지 않았습니다.',
  'jobs.fromCronJobs': 'CronJob이 만든 Job',
  'jobs.index': ({ i }) => `인덱스 ${i}`,
  'jobs.slot': ({ i }) => `슬롯 ${i}`,
  'jobs.unset': '설정 안 됨 (작업 큐)',
  'jobs.final': '최종 상태:',
  'jobs.counts': ({ s, f }) => `(성공 ${s}, 실패 ${f})`,
  'jobs.completions': '완료 수',
  'jobs.chartLabel': 'Job {name}의 파드들의 시간표',
  'jobs.tipCompletion': ({ n, c }) => `${c}개 중 ${n}번째 완료`,
  'jobs.tipBackoff': ({ d }) => `다음 파드까지의 백오프: ${d}`,
  'jobs.tipRestartBackoff': ({ d }) => `재시작 전 크래시 루프 백오프: ${d}`,
  'jobs.backoffNote': 'Job 컨트롤러는 10초 × 2^(실패 횟수−1)만큼 기다립니다. 현재 코드의 상한은 10분입니다(문서에는 아직 6분이라고 되어 있습니다).',
  'jobs.deadlineNote': 'activeDeadlineSeconds는 Job이 시작한 때부터 셉니다. 이를 넘기면 Job은 DeadlineExceeded로 실패하고 실행 중인 파드는 삭제됩니다.',
  'jobs.tipOutcome': '결과',
  'jobs.outcome.succeeded': 'Succeeded',
  'jobs.outcome.failed': 'Failed',
  'jobs.outcome.deleted': '삭제됨',
  'jobs.outcome.running': '실행 중',
  'jobs.outcome.pending': 'Pending',
  'jobs.legend.succeeded': 'Succeeded',
  'jobs.legend.failed': 'Failed (또는 재시작된 실행)',
  'jobs.legend.deleted': '실행 중에 삭제됨',
  'jobs.legend.running': '실행 중',
  'jobs.legend.wait': '시작 대기',
  'jobs.legend.backoff': '백오프 (선 위에 길이 표시)',
  'jobs.legend.deadline': 'activeDeadlineSeconds',
  'jobs.legend.counter': '지금까지의 완료 수',
  'jobs.formTitle': '이 파드들의 동작 바꾸기',
  'jobs.formHint': '매니페스트에서 {owner}의 파드 템플릿에 kubeplay.io/duration과 kubeplay.io/exit-codes를 써 넣습니다 (편집기에서 Ctrl+Z로 되돌릴 수 있습니다).',
  'jobs.formNoSource': '이 Job은 매니페스트에 없고 시나리오가 만든 것이라 바꿀 것이 없습니다.',
  'jobs.duration': '시도마다 실행 시간',
  'jobs.failingAttempts': '실패하는 시도',
  'jobs.exitCode': '종료 코드',
  'jobs.always': '모든 시도가 실패',
  'jobs.apply': '매니페스트에 쓰기',
  'jobs.preview': '쓸 내용:',
  'jobs.applied': '{owner}에 썼습니다.',
  'jobs.applyFailed': '텍스트를 바꾸지 못했습니다: {message}',

  'example.lesson-ds-no-match': 'a. nodeSelector에 맞는 노드가 없는 DaemonSet',
  'example.lesson-log-agent-rollout': 'b. 새 이미지로 롤링 업데이트하는 로그 수집 DaemonSet',
  'example.lesson-os-hostport': 'c. nodeSelector os=centos와 hostPort',
  'example.lesson-dedicated-nodes': 'd. 전용 노드: 레이블 + nodeSelector, 테인트 + 톨러레이션',
  'example.lesson-ds-vs-rs': 'e. 여유 자원이 다른 노드에서 DaemonSet과 ReplicaSet 비교',
  'example.lesson-node-down': 'f. 노드 하나가 멈출 때',
  'example.lesson-cron-policies': 'g. 매분 실행되는 CronJob: Allow, Forbid, Replace',
  'example.lesson-cron-suspend': 'h. 세 시간 동안 중지했다가 재개한 CronJob',
  'example.lesson-job-deadline': 'i. activeDeadlineSeconds가 있는 Job: 10초 대 20초 파드',
  'example.lesson-backoff': 'j. backoffLimit: restartPolicy Never 대 OnFailure',
  'example.lesson-indexed': 'k. 인덱스 하나가 실패하는 Indexed Job: backoffLimitPerIndex 있을 때와 없을 때',
  'example.lesson-5000-nodes': '노드 5,000개: DaemonSet, Deployment와 노드 변화',
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
<p>왼쪽에는 쿠버네티스 매니페스트를, 오른쪽에는 클러스터의 노드를, 그 아래에는 시나리오(시간에 따라 일어나는 일)를
입력하세요. kubeplay는 <code>kubectl apply</code>처럼 이를 읽고 컨트롤러와 스케줄러를 시뮬레이션해, 실행 중 어느 시각의
클러스터든 보여 줍니다. 모든 것이 이 페이지 안에서 실행되며 서버로 아무것도 보내지 않습니다. 처음이라면 위쪽 메뉴에서
학습 예제를 골라 보세요.</p>

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

<p><code>kubeplay.io/exit-codes-by-index</code>는 Indexed Job의 인덱스별 목록을 정합니다.
<code>"2=1; 4-5=1,1,0"</code>이면 인덱스 2는 항상 실패하고 인덱스 4와 5는 두 번 실패합니다. Job 차트 아래의 양식이
<code>kubeplay.io/duration</code>과 <code>kubeplay.io/exit-codes</code>를 대신 써 줍니다.</p>

<h3>시나리오</h3>
<p>시간에 따라 일어나는 일을 한 줄에 하나씩 씁니다. 시작부터의 시각(Go duration: <code>30s</code>, <code>1m30s</code>,
<code>2h</code>) 다음에 명령을 씁니다. <code>#</code>으로 시작하는 줄은 주석입니다. 명령은 실제 <code>kubectl</code> 문법에
kubeplay 고유의 명령 몇 가지를 더한 것입니다.</p>
<pre>30s kubectl label node worker-2 disk=ssd [--overwrite]     # k- 는 레이블 k를 지움
45s kubectl taint node worker-1 dedicated=gpu:NoSchedule    # key:Effect- 는 테인트를 지움
1m  kubectl cordon worker-3                                 # uncordon도 있음
1m  kubectl drain worker-3 --ignore-daemonsets [--force]
2m  kubectl delete pod old-exporter                         # ds, rs, deploy, job, cronjob, node 등 모든 종류
2m  kubectl scale deploy web --replicas=5
3m  kubectl set image ds/log-agent agent=fluentd:v2 -n kube-system
3m  kubectl rollout restart deploy/web
4m  kubectl patch cronjob report -p '{"spec":{"suspend":false}}'
4m  kubectl create job manual-run --from=cronjob/report
5m  node n2 down                                            # 응답하지 않게 됨; node n2 up 도 있음
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
<p>kubectl처럼 <code>-n NAMESPACE</code>를 붙이지 않으면 오브젝트는 <code>default</code> 네임스페이스에서 찾습니다.
브라우저에는 파일이 없으니 매니페스트는 <code>kubectl apply -f - &lt;&lt;EOF</code> … <code>EOF</code>로 그 자리에 쓰세요.
실패한 명령(예: 없는 노드)은 kubectl이 출력할 오류와 함께 시나리오 편집기에 표시됩니다. <strong>시뮬레이션 길이</strong>는
실행 시간을 정합니다(<code>10m</code>, <code>2h</code>, <code>30d</code>; 최대 1년).</p>

<h3>화면 구성</h3>
<dl class="help-dl">
  <dt>시각</dt><dd>시간 막대를 끌거나(창 위쪽에 붙어 있습니다) 재생을 누르세요. 아래의 모든 것이 그 시각을 보여 줍니다.
    막대 위의 표시는 시나리오 단계이고, |◀와 ▶|로 단계 사이를 오갑니다.</dd>
  <dt>노드</dt><dd>노드마다 카드 한 장: 레이블, 테인트, 준비 상태, 그 노드의 파드, 파드들의 요청이 차지하는 CPU와 메모리.
    파드가 없는 DaemonSet은 그 이유를 쉬운 말과 쿠버네티스 원문 메시지로 보여 줍니다. 노드가 없는 파드는 카드 위에
    스케줄러 메시지와 함께 나열됩니다. 파드를 누르면 자세한 정보와 이벤트가 나옵니다.</dd>
  <dt>kubectl get</dt><dd>그 시각에 <code>kubectl get &lt;kind&gt; -A</code>(또는 <code>-o wide</code>)가 출력하는 내용 그대로.</dd>
  <dt>CronJob</dt><dd>일정을 말로 풀이하고 고른 시간대에서의 다음 실행 시각을 보여 주며, 같은 CronJob을 Allow, Forbid,
    Replace로 세 번 실행해 나란히 놓습니다: 예정 시각 눈금, 막대로 그린 Job, 건너뛴 실행(▼)과 늦은 시작(점선).
    긴 구간에서는 여러 Job을 묶어 합계를 그리고, 확대하면 하나하나 보입니다. 이 세 실행은 Job과 건너뛴 실행만
    기록하므로, 메인 실행이 페이지의 이벤트 한도(1,000,000개)에서 멈춰도 전체 시간을 보여 줍니다(매분 90초짜리
    Job이면 약 77일에 한도에 닿습니다).</dd>
  <dt>Job</dt><dd>Job 파드들의 간트 차트: 병렬 슬롯이나 인덱스별 줄, 길이가 표시된 백오프 틈, 완료 수 계단선,
    <code>activeDeadlineSeconds</code> 선, 최종 상태.</dd>
</dl>

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
