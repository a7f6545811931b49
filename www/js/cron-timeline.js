// www/js/cron-timeline.js — placeholder for the CronJob timeline: each CronJob's next run times
// (pg.cronNext) on a time axis, with the schedule in words (pg.cronExplain, en/ko).
import { h } from './format.js';
import { t } from './i18n/index.js';

/** Builds the CronJob section in `container`. Returns { update(ctx), rerender() }. */
export function createCronTimeline(container) {
  const p = h('p', { class: 'muted' });
  container.replaceChildren(p);
  const rerender = () => {
    p.textContent = t('coming.cron');
  };
  rerender();
  return { update() {}, rerender };
}
