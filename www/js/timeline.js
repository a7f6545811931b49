// www/js/timeline.js — the time scrubber and play button over a simulated scenario (pg.simulate's
// {start, end}). Shown once the wasm package has `simulate`; other views follow the chosen time.
import { h } from './format.js';
import { t } from './i18n/index.js';

/** Seconds between two RFC 3339 times. */
export function secondsBetween(a, b) {
  return Math.max(0, Math.round((Date.parse(b) - Date.parse(a)) / 1000));
}

/**
 * Builds the scrubber in `container`. `onTime(seconds)` runs when the time changes.
 * Returns { setRange(startRfc3339, endRfc3339), time(), rerender() }.
 */
export function createTimeline(container, { onTime = () => {} } = {}) {
  let start = null;
  let duration = 0;
  let timer = 0;
  const SPEED = 10; // simulated seconds per real second while playing

  const play = h('button', { type: 'button', class: 'btn', id: 'timeline-play', 'aria-pressed': 'false' });
  const range = h('input', { type: 'range', id: 'timeline-range', min: '0', max: '0', step: '1', value: '0' });
  const rangeLabel = h('label', { for: 'timeline-range', class: 'visually-hidden' });
  const clock = h('output', { for: 'timeline-range', class: 'clock' });
  container.replaceChildren(h('div', { class: 'timeline' }, play, rangeLabel, range, clock));

  const label = () => {
    const s = Number(range.value);
    const at = start ? new Date(Date.parse(start) + s * 1000).toISOString().replace('.000Z', 'Z') : '';
    clock.textContent = `${t('timeline.at', { s })} ${at}`;
  };
  const translate = () => {
    play.textContent = timer ? t('timeline.pause') : t('timeline.play');
    rangeLabel.textContent = t('timeline.time');
    label();
  };
  const stop = () => {
    clearInterval(timer);
    timer = 0;
    play.setAttribute('aria-pressed', 'false');
    translate();
  };
  range.addEventListener('input', () => {
    label();
    onTime(Number(range.value));
  });
  play.addEventListener('click', () => {
    if (timer) return stop();
    if (Number(range.value) >= duration) range.value = '0';
    play.setAttribute('aria-pressed', 'true');
    timer = setInterval(() => {
      const next = Math.min(duration, Number(range.value) + SPEED / 10);
      range.value = String(next);
      label();
      onTime(next);
      if (next >= duration) stop();
    }, 100);
    translate();
  });
  translate();

  return {
    setRange(startTime, endTime) {
      start = startTime;
      duration = secondsBetween(startTime, endTime);
      range.max = String(duration);
      if (Number(range.value) > duration) range.value = String(duration);
      label();
    },
    time: () => Number(range.value),
    rerender: translate,
  };
}
