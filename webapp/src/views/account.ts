// The account: safety settings (deposit and net-loss limits, reality checks, session time),
// two-factor sign-in at the identity provider, and logging out.
import { api, explain } from '../api.js';
import { appConfig, login, logout } from '../auth.js';
import { h, field, notice, render } from '../dom.js';
import { formatMoney, parseMoney } from '../lib/money.js';
import { rememberSafetySettings, safetySettings } from '../state.js';
import { requireVerifiedPlayer } from './onboarding.js';

const WINDOWS = ['DAY', 'WEEK', 'MONTH'] as const;
const WINDOW_LABEL = { DAY: 'per day', WEEK: 'per week', MONTH: 'per month' };

export async function accountView(main: HTMLElement, refresh: () => void) {
  const player = await requireVerifiedPlayer(main, refresh);
  if (!player) return;
  const settings = await safetySettings(true);
  const currency = settings.limits?.find((l) => l.currency)?.currency ?? 'IDR';
  const limitOf = (kind: string, window: string) => settings.limits?.find((l) => l.kind === kind && l.window === window);
  const inputs: { kind: string; window: string; input: HTMLInputElement }[] = [];
  const limitFields = (kind: string, title: string) => h('fieldset', {}, h('legend', {}, title),
    WINDOWS.map((window) => {
      const l = limitOf(kind, window);
      const input = h('input', { name: `${kind}-${window}`, inputmode: 'decimal', value: l?.ownMinor != null ? (l.ownMinor / 100).toLocaleString('en-US') : '' });
      inputs.push({ kind, window, input });
      const hint = [l?.inForceMinor != null ? `in force: ${formatMoney(l.inForceMinor, currency)}` : 'no limit of yours',
        l?.pendingMinor != null && l.pendingFrom ? `${formatMoney(l.pendingMinor, currency)} from ${new Date(l.pendingFrom).toLocaleString()}` : null].filter(Boolean).join('; ');
      return field(`${title} ${WINDOW_LABEL[window]} (${currency})`, input, hint);
    }));
  const reality = h('input', { name: 'realityCheckMinutes', type: 'number', min: 0, max: 1440, value: settings.realityCheckMinutes ?? '' });
  const session = h('input', { name: 'sessionTimeLimitMinutes', type: 'number', min: 0, max: 1440, value: settings.sessionTimeLimitMinutes ?? '' });
  const status = h('div');
  const form = h('form', { class: 'card', 'aria-labelledby': 'safety-title' },
    h('h2', { id: 'safety-title' }, 'Safer play'),
    h('p', {}, 'A lower limit applies at once; a higher one, or removing one, only after a cooling-off period. Leave a field empty for no limit.'),
    limitFields('DEPOSIT', 'Deposits'),
    limitFields('NET_LOSS', 'Net losses'),
    field('Remind me how long I have played every (minutes)', reality, 'A reality check; empty or 0 for none'),
    field('End my session after (minutes)', session, 'Empty or 0 for no limit'),
    h('button', { type: 'submit', class: 'primary' }, 'Save'),
    status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const limits = [];
    for (const { kind, window, input } of inputs) {
      const before = limitOf(kind, window)?.ownMinor ?? null;
      const amount = input.value.trim() === '' ? null : parseMoney(input.value, currency);
      if (input.value.trim() !== '' && amount === null) return render(status, notice(`Not an amount: ${input.value}`, 'error'));
      if (amount !== before) limits.push({ kind, window, amountMinor: amount });
    }
    const minutes = (i: HTMLInputElement) => (i.value === '' || Number(i.value) === 0 ? null : Number(i.value));
    try {
      const saved = await api('PUT', '/v1/players/me/limits', {
        body: { limits, realityCheckMinutes: minutes(reality), sessionTimeLimitMinutes: minutes(session) },
      });
      rememberSafetySettings(saved);
      render(status, notice('Saved', 'ok'));
    } catch (e) {
      render(status, notice(explain(e), 'error'));
    }
  });

  const config = appConfig();
  const security = h('section', { class: 'card', 'aria-labelledby': 'security-title' },
    h('h2', { id: 'security-title' }, 'Sign-in security'),
    h('p', {}, 'Protect your account with a second step at sign-in: a code from an authenticator app. It is set up at the identity provider, not here.'),
    h('div', { class: 'row' },
      config.otpSetupAction ? h('button', { type: 'button', class: 'primary', onclick: () => login('/account', { kc_action: config.otpSetupAction! }) }, 'Set up two-factor sign-in') : null,
      config.accountUrl ? h('a', { class: 'button', href: config.accountUrl, rel: 'noopener' }, 'Manage sign-in and two-factor') : null));

  render(main,
    h('h1', {}, 'Account'),
    h('p', {}, `${player.displayName} · ${player.status.toLowerCase().replace(/_/g, ' ')}`),
    form, security,
    h('section', { class: 'card', 'aria-labelledby': 'break-title' },
      h('h2', { id: 'break-title' }, 'Take a break'),
      h('p', {}, 'A time-out (24 hours to 30 days) or a self-exclusion (6 months or longer) cannot be ended early.'),
      h('div', { class: 'row' }, ...(['HOURS_24', 'DAYS_7', 'DAYS_30'] as const).map((period) =>
        h('button', { type: 'button', onclick: async () => {
          if (!confirm(`Take a time-out of ${period.toLowerCase().replace('_', ' ')}? It cannot be ended early.`)) return;
          try { await api('POST', '/v1/players/me/time-out', { body: { period } }); refresh(); } catch (e) { alert(explain(e)); }
        } }, `Time-out ${period.toLowerCase().replace('hours_', '').replace('days_', '')}${period.startsWith('HOURS') ? ' h' : ' days'}`)))),
    h('p', {}, h('button', { type: 'button', onclick: () => logout() }, 'Log out')));
}
