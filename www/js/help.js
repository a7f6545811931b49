// www/js/help.js — the help panel: toggled from the toolbar, its text (node table format, kubeplay.io/*
// annotations, keyboard) comes from the language files under `help.html`.
import { t, onLanguageChange } from './i18n/index.js';

/** Wires the help toggle button, the close button and Escape; fills the text in the current language. */
export function initHelp({ toggle, panel, body, close }) {
  const fill = () => {
    body.innerHTML = t('help.html'); // our own markup from en.js / ko.js, never user text
  };
  const setOpen = (open, { focus = true } = {}) => {
    panel.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    if (open && focus) panel.querySelector('h2')?.setAttribute('tabindex', '-1');
    if (open && focus) panel.querySelector('h2')?.focus();
    if (!open && focus) toggle.focus();
  };
  toggle.addEventListener('click', () => setOpen(panel.hidden));
  close.addEventListener('click', () => setOpen(false));
  panel.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') setOpen(false);
  });
  onLanguageChange(fill);
  fill();
  return { open: () => setOpen(true), close: () => setOpen(false) };
}
