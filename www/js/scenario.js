// www/js/scenario.js — placeholder for the scenario editor (what happens over time: nodes added, cordoned,
// going NotReady …), the third input of pg.simulate. The text is already kept in the page state
// (`scenario`), saved locally and in the share link; the editor UI comes with the simulation feature.
import { h } from './format.js';
import { t } from './i18n/index.js';

/** Builds the scenario section in `container`. Returns { update(state), rerender() }. */
export function createScenarioView(container) {
  const p = h('p', { class: 'muted' });
  container.replaceChildren(p);
  const rerender = () => {
    p.textContent = t('coming.scenario');
  };
  rerender();
  return { update() {}, rerender };
}
