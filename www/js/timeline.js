// www/js/timeline.js — the time scrubber over a simulated scenario: a range from the simulation's start
// to its end with a marker per scenario step, a clock (+offset and the UTC time), step buttons and a
// play button that animates the whole run in about 30 seconds. The other views follow its time through
// `onTime(seconds, {dragging})`.
import { h } from './format.js';
import { t } from './i18n/index.js';
import { formatDuration } from './model.js';

/** Seconds between two RFC 3339 times. */
export function secondsBetween(a, b) {
  return Math.max(0, Math.round((Date.parse(b) - Date.parse(a)) / 1000));
}

/** A step of the range input that keeps about a thousand positions. */
function stepFor(duration) {
  if (duration <= 1200) return 1;
  if (duration <= 6 * 3600) return 10;
  if (duration <= 3 * 86400) return 60;
  return 600;
}

const PLAY_SECONDS = 30; // a whole run plays in about this many real seconds
const FRAME_MS = 50;

/**
 * Builds the scrubber in `container`. `onTime(seconds, {dragging})` runs when the time changes.
 * Returns { setRange(startRfc3339, endRfc3339, markers), setTime(s), time(), rerender(), stop() }.
 */
export function createTimeline(container, { onTime = () => {} } = {}) {
  let start = null;
  let duration = 0;
  let timer = 0;
  let markers = []; // [{at, line, command}]

  const play = h('button', { type: 'button', class: 'btn btn-play', id: 'timeline-play', 'aria-pressed': 'false' });
  const back = h('button', { type: 'button', class: 'btn btn-quiet btn-step', id: 'timeline-prev' }, '|◀');
  const fwd = h('button', { type: 'button', class: 'btn btn-quiet btn-step', id: 'timeline-next' }, '▶|');
  const range = h('input', { type: 'range', id: 'timeline-range', min: '0', max: '0', step: '1', value: '0' });
  const rangeLabel = h('label', { for: 'timeline-range', class: 'visually-hidden' });
  const marks = h('div', { class: 'timeline-marks', 'aria-hidden': 'true' });
  const track = h('div', { class: 'timeline-track' }, range, marks);
  const clock = h('output', { for: 'timeline-range', class: 'clock', id: 'timeline-clock' });
  const title = h('span', { class: 'timeline-title' });
  container.replaceChildren(h('div', { class: 'timeline' }, title, play, back, rangeLabel, track, fwd, clock));

  const now = () => Number(range.value);
  const label = () => {
    const s = now();
    const at = start ? new Date(Date.parse(start) + s * 1000).toISOString().replace('.000Z', 'Z').replace('T', ' ') : '';
    clock.textContent = `${t('timeline.at', { s: formatDuration(s) })}  ${at}`;
    container.dataset.time = String(s);
    range.setAttribute('aria-valuetext', `${formatDuration(s)} (${at})`);
  };
  const translate = () => {
    play.textContent = timer ? `❚❚ ${t('timeline.pause')}` : `▶ ${t('timeline.play')}`;
    play.setAttribute('aria-label', timer ? t('timeline.pause') : t('timeline.play'));
    back.title = t('timeline.prevStep');
    back.setAttribute('aria-label', t('timeline.prevStep'));
    fwd.title = t('timeline.nextStep');
    fwd.setAttribute('aria-label', t('timeline.nextStep'));
    rangeLabel.textContent = t('timeline.time');
    title.textContent = t('timeline.title');
    renderMarks();
    label();
  };
  const stop = () => {
    clearInterval(timer);
    timer = 0;
    play.setAttribute('aria-pressed', 'false');
    translate();
  };
  const set = (s, dragging = false) => {
    range.value = String(Math.max(0, Math.min(duration, s)));
    label();
    onTime(now(), { dragging });
  };
  let dragging = false;
  range.addEventListener('pointerdown', () => {
    dragging = true;
  });
  const endDrag = () => {
    if (!dragging) return;
    dragging = false;
    onTime(now(), { dragging: false });
  };
  range.addEventListener('pointerup', endDrag);
  range.addEventListener('change', endDrag);
  range.addEventListener('input', () => {
    if (timer) stop();
    label();
    onTime(now(), { dragging });
  });
  play.addEventListener('click', () => {
    if (timer) return stop();
    if (now() >= duration) range.value = '0';
    play.setAttribute('aria-pressed', 'true');
    const perFrame = Math.max(1, duration / ((PLAY_SECONDS * 1000) / FRAME_MS));
    timer = setInterval(() => {
      const next = Math.min(duration, now() + perFrame);
      set(next, next < duration);
      if (next >= duration) stop();
    }, FRAME_MS);
    translate();
  });
  back.addEventListener('click', () => {
    const prev = [0, ...markers.map((m) => m.at)].filter((a) => a < now() - 0.5).at(-1) ?? 0;
    set(prev);
  });
  fwd.addEventListener('click', () => {
    const next = [...markers.map((m) => m.at), duration].find((a) => a > now() + 0.5) ?? duration;
    set(next);
  });

  function renderMarks() {
    marks.replaceChildren(
      ...markers
        .filter((m) => m.at <= duration)
        .map((m) =>
          h('span', {
            class: 'timeline-mark',
            style: { left: `${duration ? (100 * m.at) / duration : 0}%` },
            title: `${formatDuration(m.at)} ${m.command}`,
            dataset: { line: m.line },
          }),
        ),
    );
  }
  translate();

  return {
    /** A new simulated run from `startTime` to `endTime` (RFC 3339), scenario steps as markers. */
    setRange(startTime, endTime, stepMarkers = []) {
      start = startTime;
      duration = secondsBetween(startTime, endTime);
      markers = stepMarkers;
      range.max = String(duration);
      range.step = String(stepFor(duration));
      if (now() > duration) range.value = String(duration);
      renderMarks();
      label();
    },
    /** Moves to `s` seconds (and tells onTime). */
    setTime: (s) => set(s),
    time: now,
    duration: () => duration,
    rerender: translate,
    stop,
  };
}
