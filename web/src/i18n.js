// The string catalogue: every visible string of the app is t('page.key', {params}), looked up
// in /assets/i18n/<lang>.json. The languages offered are those of /assets/i18n/languages.json
// ({"en": {"name": "English", "dir": "ltr"}, ...}): a translation is one catalogue file and one
// line there.
//
// The language: ?lang=xx in the URL, else the last one chosen (localStorage), else English.
// A key missing from the language's catalogue falls back to English; missing there too, the
// key itself is shown. Either way a console.warn names it (a warning, not an error: a missing
// translation must not break the page).

const STORAGE_KEY = 'truceline.lang';
export const DEFAULT_LANG = 'en';

let languages = { en: { name: 'English', dir: 'ltr' } };
let current = DEFAULT_LANG;
let catalogue = {};
let fallback = {};
const warned = new Set();

async function fetchJson(path) {
  const res = await fetch(path);
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return res.json();
}

export function languageList() {
  return Object.entries(languages).map(([code, l]) => ({ code, name: l.name, dir: l.dir || 'ltr' }));
}

export function lang() {
  return current;
}

export function dir() {
  return (languages[current] && languages[current].dir) || 'ltr';
}

// The language asked for by the URL or remembered, if offered.
export function preferredLanguage() {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (fromUrl && languages[fromUrl]) return fromUrl;
  let stored = null;
  try {
    stored = window.localStorage.getItem(STORAGE_KEY);
  } catch {
    stored = null; // storage refused (private mode): the default
  }
  return stored && languages[stored] ? stored : DEFAULT_LANG;
}

export async function loadLanguages() {
  languages = await fetchJson('/assets/i18n/languages.json');
}

// Loads `code`'s catalogue (and English as the fallback), sets <html lang dir>, remembers it.
export async function setLanguage(code) {
  if (!languages[code]) throw new Error(`language '${code}' is not offered (see /assets/i18n/languages.json)`);
  if (Object.keys(fallback).length === 0) fallback = await fetchJson(`/assets/i18n/${DEFAULT_LANG}.json`);
  catalogue = code === DEFAULT_LANG ? fallback : await fetchJson(`/assets/i18n/${code}.json`);
  current = code;
  warned.clear();
  document.documentElement.lang = code;
  document.documentElement.dir = dir();
  try {
    window.localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // not remembered: the URL's ?lang= still works
  }
}

// The string of `key` with {name} placeholders filled from `params` (a placeholder without a
// value stays as written, so the gap is visible).
export function t(key, params) {
  let text = catalogue[key];
  if (text === undefined) {
    if (!warned.has(key)) {
      warned.add(key);
      console.warn(`i18n: no '${key}' in the ${current} catalogue (/assets/i18n/${current}.json)`);
    }
    text = fallback[key] !== undefined ? fallback[key] : key;
  }
  if (!params) return text;
  return text.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name) =>
    Object.prototype.hasOwnProperty.call(params, name) && params[name] !== undefined && params[name] !== null
      ? String(params[name])
      : whole,
  );
}

// Fills the static markup: data-i18n="key" (text), data-i18n-aria-label="key" (aria-label).
export function translateTree(root) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-aria-label]')) el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel));
}
