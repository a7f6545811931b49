// www/js/i18n/index.js — the translation layer: picks the language (localStorage, else navigator.language),
// looks strings up in en.js / ko.js, fills [data-i18n] elements and keeps <html lang> in step.
import en from './en.js';
import ko from './ko.js';

export const DICTIONARIES = { en, ko };
export const LANGUAGES = Object.keys(DICTIONARIES);
const STORAGE_KEY = 'kubeplay.lang';

let current = 'en';
const listeners = new Set();

/** The language to start with: the remembered one, else the browser's, else English. */
export function detectLanguage() {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved && DICTIONARIES[saved]) return saved;
  } catch {
    /* storage blocked: fall through */
  }
  const prefs = navigator.languages?.length ? navigator.languages : [navigator.language || 'en'];
  for (const p of prefs) {
    const base = String(p).toLowerCase().split('-')[0];
    if (DICTIONARIES[base]) return base;
  }
  return 'en';
}

export function getLanguage() {
  return current;
}

/** Switches the language, updates <html lang> and every translated element, and tells listeners. */
export function setLanguage(lang, { persist = true } = {}) {
  if (!DICTIONARIES[lang]) lang = 'en';
  current = lang;
  document.documentElement.lang = lang;
  if (persist) {
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      /* storage blocked: the choice lasts for this page only */
    }
  }
  applyTranslations(document);
  for (const fn of listeners) fn(lang);
}

/** Calls `fn(lang)` after every language change. */
export function onLanguageChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/**
 * The string for `key` in the current language (English when missing). Values may be functions of
 * `params`; `{name}` placeholders in plain strings are filled from `params`.
 */
export function t(key, params = {}, lang = current) {
  const dict = DICTIONARIES[lang] ?? en;
  let value = key in dict ? dict[key] : en[key];
  if (value === undefined) return key;
  if (typeof value === 'function') return value(params);
  return value.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

/**
 * Fills `root`'s translated elements: `data-i18n="key"` sets the text, `data-i18n-html="key"` the
 * markup (only for our own strings), `data-i18n-attr="attr:key;attr2:key2"` attributes.
 */
export function applyTranslations(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-html]')) el.innerHTML = t(el.dataset.i18nHtml);
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of el.dataset.i18nAttr.split(';')) {
      const [attr, key] = pair.split(':').map((s) => s.trim());
      if (attr && key) el.setAttribute(attr, t(key));
    }
  }
}
