// The app shell: language, header, and the router that mounts one page module in <main>.
//
// Page modules (the contract in docs/api.md "The web app"): ES modules exporting
//   export async function mount(root, ctx)   // may return a function called on unmount
// root: the <main id="view"> element, empty; ctx = {api, t, params, navigate, lang, dir, meta}:
//   api.get(path) / api.post(path, body) (src/api.js), t(key, params) (src/i18n.js), params the
//   route's parameters ({id} for /incident/ID), navigate(path) a client-side route change
//   (history.pushState), lang/dir the current language and direction, meta GET /v1/app/meta's
//   answer or null when it failed, current() false once the user has left the page (a page whose
//   mount awaits must check it before writing into root: root is then the next page's).
// A module that cannot be loaded or whose mount throws leaves a visible error in <main> (and
// on the console): never a blank page.
import { api } from './api.js';
import * as i18n from './i18n.js';

const ROUTES = [
  { name: 'map', pattern: /^\/$/, module: '/assets/src/map.js' },
  { name: 'incident', pattern: /^\/incident\/([^/]+)$/, module: '/assets/src/incident.js', params: (m) => ({ id: decodeURIComponent(m[1]) }) },
  { name: 'review', pattern: /^\/review$/, module: '/assets/src/review.js' },
];

const view = document.getElementById('view');
let meta = null;
let unmount = null;
let generation = 0; // a newer route change wins over a slower, older one

export function match(pathname) {
  for (const r of ROUTES) {
    const m = r.pattern.exec(pathname);
    if (m) return { route: r, params: r.params ? r.params(m) : {} };
  }
  return null;
}

function showError(title, message) {
  view.replaceChildren();
  const box = document.createElement('div');
  box.className = 'page-error';
  box.setAttribute('role', 'alert');
  box.dataset.testid = 'page-error';
  const h = document.createElement('h1');
  h.textContent = title;
  const p = document.createElement('p');
  p.textContent = message;
  box.append(h, p);
  view.append(box);
}

function runUnmount() {
  if (typeof unmount === 'function') {
    try {
      unmount();
    } catch (e) {
      console.error('unmount failed:', e);
    }
  }
  unmount = null;
}

function markNav(name) {
  for (const a of document.querySelectorAll('#app-nav a')) {
    if (a.dataset.nav === name) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

async function render() {
  const my = ++generation;
  runUnmount();
  view.replaceChildren();
  const found = match(window.location.pathname);
  markNav(found ? found.route.name : null);
  if (!found) {
    showError(i18n.t('app.error.title'), i18n.t('app.error.notFound', { path: window.location.pathname }));
    return;
  }
  view.setAttribute('aria-busy', 'true');
  let mod;
  try {
    mod = await import(found.route.module);
  } catch (e) {
    if (my !== generation) return;
    view.removeAttribute('aria-busy');
    console.error(`page module ${found.route.module}:`, e);
    showError(i18n.t('app.error.title'), i18n.t('app.error.module', { module: found.route.module, message: e.message }));
    return;
  }
  if (my !== generation) return;
  if (typeof mod.mount !== 'function') {
    view.removeAttribute('aria-busy');
    console.error(`page module ${found.route.module} exports no mount()`);
    showError(i18n.t('app.error.title'), i18n.t('app.error.module', { module: found.route.module, message: 'no mount()' }));
    return;
  }
  const current = () => my === generation;
  const ctx = { api, t: i18n.t, params: found.params, navigate, lang: i18n.lang(), dir: i18n.dir(), meta, current };
  try {
    const result = await mod.mount(view, ctx);
    if (my !== generation) {
      if (typeof result === 'function') result();
      return;
    }
    unmount = result;
  } catch (e) {
    if (my !== generation) return;
    console.error(`page ${found.route.name}:`, e);
    showError(i18n.t('app.error.title'), e && e.message ? e.message : String(e));
  } finally {
    if (my === generation) view.removeAttribute('aria-busy');
  }
}

// A client-side route change: the path (with its query) goes into the history, the page is mounted.
export function navigate(path) {
  const url = new URL(path, window.location.origin);
  if (url.origin !== window.location.origin || !match(url.pathname)) {
    window.location.assign(url.href); // a server page (e.g. /report/DATE): a real navigation
    return;
  }
  window.history.pushState({}, '', url.pathname + url.search + url.hash);
  render();
  view.focus({ preventScroll: true });
}

// Same-origin links to an app route are routed in the page (others load normally).
function onClick(event) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const a = event.target.closest && event.target.closest('a[href]');
  if (!a || (a.target && a.target !== '_self') || a.hasAttribute('download')) return;
  const url = new URL(a.href, window.location.href);
  if (url.origin !== window.location.origin || !match(url.pathname)) return;
  event.preventDefault();
  if (url.pathname + url.search === window.location.pathname + window.location.search) return;
  navigate(url.pathname + url.search + url.hash);
}

function fillHeader() {
  i18n.translateTree(document);
  const title = document.getElementById('agreement-title');
  const report = document.getElementById('nav-report');
  if (meta && meta.agreement) {
    title.textContent = meta.agreement.title || meta.agreement.id || '';
    document.title = `${i18n.t('app.name')} — ${title.textContent}`;
  } else {
    title.textContent = '';
    document.title = i18n.t('app.name');
  }
  if (meta && meta.span && meta.span.last) {
    report.href = `/report/${meta.span.last}`;
    report.title = i18n.t('app.nav.reportFor', { date: meta.span.last });
    report.hidden = false;
  } else {
    report.hidden = true;
  }
}

function fillLanguages() {
  const select = document.getElementById('lang-select');
  select.replaceChildren();
  for (const l of i18n.languageList()) {
    const o = document.createElement('option');
    o.value = l.code;
    o.lang = l.code;
    o.textContent = l.name;
    select.append(o);
  }
  select.value = i18n.lang();
}

async function changeLanguage(code) {
  await i18n.setLanguage(code);
  // The URL's ?lang= would otherwise win on the next reload.
  const url = new URL(window.location.href);
  if (url.searchParams.has('lang')) {
    url.searchParams.set('lang', code);
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  }
  fillHeader();
  fillLanguages();
  await render();
}

async function start() {
  try {
    await i18n.loadLanguages();
    await i18n.setLanguage(i18n.preferredLanguage());
  } catch (e) {
    console.error('i18n:', e);
    showError('truceline', `The string catalogue could not be loaded: ${e.message}`);
    return;
  }
  fillLanguages();
  document.getElementById('lang-select').addEventListener('change', (e) => {
    changeLanguage(e.target.value).catch((err) => {
      console.error('language change:', err);
      showError(i18n.t('app.error.title'), err.message);
    });
  });
  try {
    meta = await api.get('/v1/app/meta');
  } catch (e) {
    // The pages still work (each reads its own data); the header lacks the title and report link.
    console.warn(`GET /v1/app/meta: ${e.message}`);
    meta = null;
  }
  fillHeader();
  document.addEventListener('click', onClick);
  window.addEventListener('popstate', () => render());
  await render();
  document.documentElement.dataset.ready = 'true'; // for tests: the shell and first page are up
}

start();
