// The wallet: balance, a deposit through the payment provider's page, the statement. Before the
// first deposit the player is asked to set a deposit limit (responsible gambling).
import { api, explain } from '../api.js';
import { h, field, notice, render } from '../dom.js';
import { formatMoney, parseMoney } from '../lib/money.js';
import { rememberSafetySettings, safetySettings } from '../state.js';
import { requireVerifiedPlayer } from './onboarding.js';

interface Money { amount: number; currency: string }
interface Wallet { currency: string; available: Money; pendingWithdrawal?: Money }
interface Transaction { transferId: string; kind: string; amount: Money; counterparty?: string; at: string }

const KIND_LABELS: Record<string, string> = {
  DEPOSIT: 'Deposit', STAKE: 'Tickets', WINNINGS: 'Winnings', REFUND: 'Refund', WITHDRAWAL: 'Withdrawal',
};

export async function walletView(main: HTMLElement, refresh: () => void) {
  if (!(await requireVerifiedPlayer(main, refresh))) return;
  const [wallet, statement] = await Promise.all([
    api<Wallet>('GET', '/v1/wallet'),
    api<{ items: Transaction[] }>('GET', '/v1/wallet/transactions?limit=20'),
  ]);
  const currency = wallet.currency ?? wallet.available.currency;
  const amount = h('input', { name: 'amount', inputmode: 'decimal', required: true, value: '200,000', autocomplete: 'off' });
  const status = h('div');
  const depositForm = h('form', { class: 'card', 'aria-labelledby': 'deposit-title' },
    h('h2', { id: 'deposit-title' }, 'Deposit'),
    field(`Amount (${currency})`, amount, 'You pay on the payment provider\'s page and come back here.'),
    h('button', { type: 'submit', class: 'primary' }, 'Deposit'),
    status);
  depositForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const minor = parseMoney(amount.value, currency);
    if (minor === null || minor <= 0) {
      render(status, notice('Enter an amount, for example 200,000', 'error'));
      return;
    }
    const settings = await safetySettings(true);
    const hasDepositLimit = (settings.limits ?? []).some((l) => l.kind === 'DEPOSIT' && (l.ownMinor ?? l.pendingMinor) != null);
    const deposited = statement.items.some((t) => t.kind === 'DEPOSIT');
    if (!hasDepositLimit && !deposited && !sessionStorage.getItem('fairdraw.limitDeclined')) {
      askForDepositLimit(status, currency, minor, () => deposit(minor, currency, status));
      return;
    }
    await deposit(minor, currency, status);
  });

  const rows = statement.items.map((t) =>
    h('tr', {},
      h('td', {}, new Date(t.at).toLocaleString()),
      h('td', {}, KIND_LABELS[t.kind] ?? t.kind),
      h('td', { class: `num ${t.amount.amount < 0 ? 'out' : 'in'}` }, formatMoney(t.amount.amount, t.amount.currency))));
  render(main,
    h('h1', {}, 'Wallet'),
    h('section', { class: 'card balance', 'aria-labelledby': 'balance-title' },
      h('h2', { id: 'balance-title' }, 'Available'),
      h('p', { class: 'big', 'data-testid': 'balance' }, formatMoney(wallet.available.amount, wallet.available.currency)),
      wallet.pendingWithdrawal && wallet.pendingWithdrawal.amount > 0
        ? h('p', {}, `Pending withdrawal: ${formatMoney(wallet.pendingWithdrawal.amount, wallet.pendingWithdrawal.currency)}`) : null),
    depositForm,
    h('section', { class: 'card', 'aria-labelledby': 'statement-title' },
      h('h2', { id: 'statement-title' }, 'Statement'),
      rows.length === 0 ? h('p', {}, 'Nothing yet.') :
        h('table', {}, h('caption', { class: 'sr-only' }, 'Your latest transactions, newest first'),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'When'), h('th', { scope: 'col' }, 'What'), h('th', { scope: 'col', class: 'num' }, 'Amount'))),
          h('tbody', {}, rows))));
}

async function deposit(minor: number, currency: string, status: HTMLElement) {
  try {
    render(status, notice('Starting the payment…'));
    const answer = await api<{ redirectUrl?: string; status: string }>('POST', '/v1/wallet/deposits', {
      body: { amount: { amount: minor, currency }, provider: 'sandbox' }, idempotencyKey: crypto.randomUUID(),
    });
    if (answer.redirectUrl) location.assign(answer.redirectUrl);
    else render(status, notice(`Deposit ${answer.status.toLowerCase()}`, 'ok'));
  } catch (e) {
    render(status, notice(explain(e), 'error'));
  }
}

/** The responsible-gambling prompt at the first deposit: a daily, weekly and monthly limit. */
function askForDepositLimit(status: HTMLElement, currency: string, firstDeposit: number, then: () => void) {
  const suggested = Math.max(firstDeposit, 100_000_000);
  const inputs = (['DAY', 'WEEK', 'MONTH'] as const).map((window, i) =>
    h('input', { name: `limit-${window}`, inputmode: 'decimal', value: (suggested * [1, 3, 6][i] / 100).toLocaleString('en-US') }));
  const message = h('div');
  const dialog = h('form', { class: 'card prompt', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'limit-title' },
    h('h2', { id: 'limit-title' }, 'Set a deposit limit first'),
    h('p', {}, 'Decide now how much you are willing to deposit. Lowering a limit works at once; raising it takes effect only after a cooling-off period.'),
    field(`Per day (${currency})`, inputs[0]), field(`Per week (${currency})`, inputs[1]), field(`Per month (${currency})`, inputs[2]),
    h('div', { class: 'row' },
      h('button', { type: 'submit', class: 'primary' }, 'Set limit and continue'),
      h('button', { type: 'button', onclick: () => { sessionStorage.setItem('fairdraw.limitDeclined', '1'); then(); } }, 'Continue without a limit')),
    message);
  dialog.addEventListener('submit', async (event) => {
    event.preventDefault();
    const amounts = inputs.map((i) => parseMoney(i.value, currency));
    if (amounts.some((a) => a === null || a <= 0)) {
      render(message, notice('Each limit is an amount, for example 1,000,000', 'error'));
      return;
    }
    try {
      const saved = await api('PUT', '/v1/players/me/limits', {
        body: { limits: (['DAY', 'WEEK', 'MONTH'] as const).map((window, i) => ({ kind: 'DEPOSIT', window, amountMinor: amounts[i] })) },
      });
      rememberSafetySettings(saved);
      then();
    } catch (e) {
      render(message, notice(explain(e), 'error'));
    }
  });
  render(status, dialog);
  inputs[0].focus();
}
