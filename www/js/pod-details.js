// www/js/pod-details.js — the pod details panel: what a simulated pod is doing at the scrubber's time,
// its whole life (created, scheduled, started, finished, deleted), exit code, restarts, reason and
// message, and its events (`Pod/<name>` in the timeline), the ones after the shown time dimmed.
// A non-modal panel fixed at the side of the window; Escape or the close button hides it.
import { h, fill } from './format.js';
import { t } from './i18n/index.js';
import { eventsOf, eventsPending, formatDuration, loadEventsOf, podStateAt } from './model.js';

/** Builds the panel in `aside`. Returns { show(pod, timeline, time), setTime(t), hide(), current(), rerender() }. */
export function createPodDetails(aside, { onClose = () => {} } = {}) {
  let pod = null;
  let tl = null;
  let time = 0;

  const title = h('h2', { id: 'pod-details-title', tabindex: '-1' });
  const close = h('button', { type: 'button', class: 'btn btn-quiet', id: 'pod-details-close' });
  const body = h('div', { class: 'pod-details-body' });
  aside.replaceChildren(h('div', { class: 'pod-details-head' }, title, close), body);
  aside.setAttribute('aria-labelledby', 'pod-details-title');

  const hide = () => {
    aside.hidden = true;
    pod = null;
    onClose();
  };
  close.addEventListener('click', hide);
  aside.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') hide();
  });

  const at = (s) => (Number.isFinite(s) ? `+${formatDuration(s)}` : '—');

  function row(key, value) {
    return h('tr', {}, h('th', { scope: 'row' }, t(key)), h('td', {}, value ?? '—'));
  }

  function render() {
    if (!pod) return;
    const x = pod._t;
    const state = podStateAt(pod, time);
    title.textContent = pod.name;
    close.textContent = t('pod.close');
    const object = `Pod/${pod.name}`;
    const events = tl ? eventsOf(tl, object) : [];
    // A lazy run keeps a pod's routine events in the engine: fetch them, then draw again.
    const pending = tl ? eventsPending(tl, object) : false;
    if (pending) {
      const [p0, tl0] = [pod, tl];
      loadEventsOf(tl, object).then(() => {
        if (pod === p0 && tl === tl0 && !eventsPending(tl, object)) render();
      });
    }
    fill(body, 
      h('p', { class: 'pod-now' }, t('pod.at', { at: formatDuration(time) }), ' ', h('span', { class: `pod-chip pod-${state}`, dataset: { state } }, t(`pod.state.${state}`))),
      h(
        'table',
        { class: 'data kv' },
        h(
          'tbody',
          {},
          row('pod.namespace', pod.namespace),
          row('pod.owner', pod.owner ? h('code', {}, `${pod.owner.kind}/${pod.owner.name}`) : t('pod.noOwner')),
          row('pod.node', pod.node ? h('code', {}, pod.node) : t('pod.noNode')),
          pod.index != null ? row('pod.index', String(pod.index)) : null,
          row('pod.created', at(x.created)),
          row('pod.scheduled', at(x.scheduled)),
          row('pod.started', at(x.started)),
          row('pod.finished', at(x.finished)),
          row('pod.deleted', at(x.deleted)),
          row('pod.phase', pod.phase),
          pod.exitCode != null ? row('pod.exitCode', String(pod.exitCode)) : null,
          row('pod.restarts', String(pod.restarts ?? 0)),
          pod.reason ? row('pod.reason', h('code', {}, pod.reason)) : null,
          pod.message ? row('pod.message', h('code', { class: 'upstream', lang: 'en' }, pod.message)) : null,
        ),
      ),
      h('h3', {}, t('pod.events', { n: events.length })),
      events.length
        ? h(
            'table',
            { class: 'data events', id: 'pod-events' },
            h('thead', {}, h('tr', {}, ['time', 'type', 'reason', 'message'].map((c) => h('th', { scope: 'col' }, t(`pod.col.${c}`))))),
            h(
              'tbody',
              {},
              events.map((e) =>
                h(
                  'tr',
                  { class: `${e._t > time ? 'future' : ''}${e.type === 'Warning' ? ' warning' : ''}`, dataset: { reason: e.reason } },
                  h('td', { class: 'num' }, at(e._t)),
                  h('td', {}, e.type),
                  h('td', {}, e.reason),
                  h('td', { lang: 'en' }, e.message),
                ),
              ),
            ),
          )
        : pending
          ? null
          : h('p', { class: 'muted' }, t('pod.noEvents')),
      pending ? h('p', { class: 'muted small', id: 'pod-events-loading' }, t('pod.eventsLoading')) : null,
      events.some((e) => e._t > time) ? h('p', { class: 'muted small' }, t('pod.futureHint')) : null,
    );
  }

  return {
    show(p, timeline, at0) {
      pod = p;
      tl = timeline;
      time = at0;
      aside.hidden = false;
      render();
      title.focus({ preventScroll: true });
    },
    setTime(s) {
      time = s;
      if (pod && !aside.hidden) render();
    },
    /** A new run: the pod of the same name in it (or the panel closes). */
    setTimeline(timeline, s) {
      tl = timeline;
      time = s;
      if (!pod) return;
      const again = timeline?.podsByName?.get(`${pod.namespace}/${pod.name}`);
      if (again) {
        pod = again;
        render();
      } else hide();
    },
    hide,
    current: () => (pod ? `${pod.namespace}/${pod.name}` : ''),
    rerender: render,
  };
}
