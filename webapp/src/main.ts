// The player web app: a router over a few views, the header, and the reality checks.
import './style.css';
import { ApiError, explain } from './api.js';
import { completeLogin, configure, isLoggedIn, login, logout, SESSION, userName } from './auth.js';
import { h, notice, render } from './dom.js';
import { resolveConfig } from './lib/config.js';
import { sessionVerdict, type SessionState } from './lib/reality.js';
import { formatCountdown, formatMinutes } from './lib/time.js';
import { cachedSafetySettings, safetySettings } from './state.js';
import { stopTimers } from './timers.js';

const main = document.getElementById('main') as HTMLElement;
const nav = document.getElementById('nav') as HTMLElement;
const sessionBox = document.getElementById('session') as HTMLElement;
let navigated = false;

async function route() {
  stopTimers();
  const path = location.pathname;
  renderNav(path);
  main.setAttribute('aria-busy', 'true');
  const refresh = () => void route();
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  try {
    const needsLogin = ['wallet', 'tickets', 'account'].includes(segments[0]);
    if (needsLogin && !isLoggedIn()) {
      render(main, h('section', { class: 'card' }, h('h1', {}, 'Please log in'),
        h('p', {}, 'Log in or create an account at our identity provider.'),
        h('button', { type: 'button', class: 'primary', onclick: () => login() }, 'Log in')));
      return;
    }
    switch (segments[0]) {
      case undefined: return await (await import('./views/home.js')).homeView(main);
      case 'play': return await (await import('./views/play.js')).playView(main, segments[1], refresh);
      case 'wallet': return await (await import('./views/wallet.js')).walletView(main, refresh);
      case 'tickets': return await (await import('./views/draws.js')).ticketsView(main, refresh);
      case 'draws': return await (await import('./views/draws.js')).drawView(main, segments[1], isLoggedIn());
      case 'verify': return await (await import('./views/draws.js')).verifyView(main, segments[1], isLoggedIn());
      case 'account': return await (await import('./views/account.js')).accountView(main, refresh);
      default: render(main, h('h1', {}, 'Not found'), h('p', {}, h('a', { href: '/' }, 'Back to the games')));
    }
  } catch (e) {
    if (e instanceof ApiError && e.status === 403 && e.reasonCode) {
      render(main, h('h1', {}, 'You cannot play right now'), notice(explain(e), 'error'));
    } else {
      render(main, h('h1', {}, 'Something went wrong'), notice(explain(e), 'error'), h('p', {}, h('a', { href: location.pathname }, 'Try again')));
    }
  } finally {
    main.setAttribute('aria-busy', 'false');
    const heading = main.querySelector('h1');
    if (heading && navigated) {
      heading.setAttribute('tabindex', '-1');
      heading.focus();
    }
  }
}

function renderNav(path: string) {
  const link = (href: string, text: string) => h('li', {}, h('a', {
    href, 'aria-current': (href === '/' ? path === '/' : path.startsWith(href)) ? 'page' : null,
  }, text));
  render(nav, h('ul', {},
    link('/', 'Games'), link('/tickets', 'My tickets'), link('/wallet', 'Wallet'), link('/account', 'Account'),
    h('li', {}, isLoggedIn()
      ? h('button', { type: 'button', class: 'link', onclick: () => logout() }, `Log out ${userName() ?? ''}`.trim())
      : h('button', { type: 'button', class: 'link', onclick: () => login() }, 'Log in'))));
}

function go(href: string) {
  history.pushState(null, '', href);
  navigated = true;
  void route();
}

// Links inside the app change the route without reloading the page.
document.addEventListener('click', (event) => {
  const a = (event.target as Element).closest?.('a');
  if (!a || a.target || a.hasAttribute('download') || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin) return;
  event.preventDefault();
  go(url.pathname + url.search);
});
window.addEventListener('popstate', () => { navigated = true; void route(); });

// Reality checks and the session time limit, from the player's own settings.
function sessionState(): SessionState | null {
  const raw = sessionStorage.getItem(SESSION);
  return raw ? JSON.parse(raw) : null;
}

let dialogOpen = false;
function watchSession() {
  const state = sessionState();
  if (!state || !isLoggedIn()) {
    sessionBox.textContent = '';
    return;
  }
  const settings = cachedSafetySettings() ?? {};
  const verdict = sessionVerdict(state, settings, Date.now());
  const played = formatMinutes((Date.now() - state.startedAt) / 60_000);
  sessionBox.textContent = verdict.kind === 'ok' && verdict.limitInMs !== null
    ? `Session ${played} · ends in ${formatCountdown(verdict.limitInMs)}` : `Session ${played}`;
  if (dialogOpen) return;
  if (verdict.kind === 'limitReached') {
    dialogOpen = true;
    showDialog('Your session time is up',
      `You set a session limit of ${settings.sessionTimeLimitMinutes} minutes. You will be logged out now.`,
      [['Log out', () => logout()]]);
  } else if (verdict.kind === 'realityCheck') {
    dialogOpen = true;
    showDialog('Reality check', `You have been playing for ${formatMinutes(verdict.playedMinutes)}. Is this still fun?`, [
      ['Keep playing', () => {
        sessionStorage.setItem(SESSION, JSON.stringify({ ...state, lastRealityCheckAt: Date.now() }));
        dialogOpen = false;
      }],
      ['See my statement', () => {
        sessionStorage.setItem(SESSION, JSON.stringify({ ...state, lastRealityCheckAt: Date.now() }));
        dialogOpen = false;
        go('/wallet');
      }],
      ['Log out', () => logout()],
    ]);
  }
}

function showDialog(title: string, text: string, actions: [string, () => unknown][]) {
  const dialog = h('dialog', { 'aria-labelledby': 'dialog-title' },
    h('h2', { id: 'dialog-title' }, title), h('p', {}, text),
    h('div', { class: 'row' }, actions.map(([label, act], i) =>
      h('button', { type: 'button', class: i === 0 ? 'primary' : null, onclick: () => { dialog.close(); dialog.remove(); act(); } }, label))));
  dialog.addEventListener('cancel', (e) => e.preventDefault());
  document.body.append(dialog);
  dialog.showModal();
}

async function start() {
  let raw: unknown = null;
  try {
    const response = await fetch('/config.json', { cache: 'no-cache' });
    if (response.ok && (response.headers.get('content-type') ?? '').includes('json')) raw = await response.json();
  } catch {
    /* no config.json: the local-cloud defaults */
  }
  configure(resolveConfig(raw, location));
  if (location.pathname === '/callback') {
    try {
      const to = await completeLogin(new URLSearchParams(location.search));
      history.replaceState(null, '', to);
    } catch (e) {
      history.replaceState(null, '', '/');
      render(main, notice(explain(e), 'error'));
    }
  }
  await route();
  if (isLoggedIn()) safetySettings().catch(() => {});
  watchSession();
  window.setInterval(watchSession, 1000);
}

void start();
