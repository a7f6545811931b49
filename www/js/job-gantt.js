// www/js/job-gantt.js — placeholder for the Job Gantt chart: one bar per Job pod from pg.simulate's pods
// (scheduled → started → finished, coloured by phase and exit code), following the timeline's time.
import { h } from './format.js';
import { t } from './i18n/index.js';

/** Builds the Job section in `container`. Returns { update(ctx), rerender() }. */
export function createJobGantt(container) {
  const p = h('p', { class: 'muted' });
  container.replaceChildren(p);
  const rerender = () => {
    p.textContent = t('coming.jobs');
  };
  rerender();
  return { update() {}, rerender };
}
