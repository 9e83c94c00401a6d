// My tickets, one ticket, a draw's result as it is drawn, and the verification in the browser.
// The API sends no ETag, so results are polled plainly (every few seconds while a draw is
// pending, not at all once it is settled).
import { api, explain } from '../api.js';
import { appConfig } from '../auth.js';
import { h, notice, render } from '../dom.js';
import { betLabel } from '../lib/games.js';
import { formatMoney } from '../lib/money.js';
import { describeCountdown } from '../lib/time.js';
import type { Draw } from '../state.js';
import { requireVerifiedPlayer } from './onboarding.js';
import { every } from '../timers.js';
import { verdictOf } from '../lib/verdict';

interface TicketSummary { ticketId: string; drawId: string; gameId: string; purchasedAt: string; currency: string; lines: number; pricePaid: number; potentialWinUpTo: number }
interface Ticket {
  ticketId: string; gameId: string; currency: string; purchasedAt: string; pricePaid: number; potentialWinUpTo: number;
  lines: { betType: string; selection: string; stake: number; price: number; potentialWin?: number }[];
  draw: { drawId: string; status: string; drawTime: string; cutOff: string };
  outcome?: { result: string; amount?: number };
}

const SETTLED = new Set(['SETTLED', 'VOIDED', 'VOID']);

function outcomeText(t: Ticket): string {
  if (!t.outcome) return t.draw.status === 'OPEN' ? 'On sale' : `Waiting for the result (${t.draw.status.toLowerCase()})`;
  if (t.outcome.result === 'WON') return `Won ${formatMoney(t.outcome.amount ?? 0, t.currency)}`;
  if (t.outcome.result === 'REFUNDED') return `Refunded ${formatMoney(t.outcome.amount ?? t.pricePaid, t.currency)}`;
  return 'No win';
}

function countdownOf(t: Ticket): string {
  const now = Date.now();
  if (Date.parse(t.draw.cutOff) > now) return describeCountdown(Date.parse(t.draw.cutOff) - now, 'Sales close');
  if (Date.parse(t.draw.drawTime) > now) return describeCountdown(Date.parse(t.draw.drawTime) - now, 'Drawn');
  return t.outcome ? '' : 'Being drawn';
}

export async function ticketsView(main: HTMLElement, refresh: () => void) {
  if (!(await requireVerifiedPlayer(main, refresh))) return;
  const page = await api<{ items: TicketSummary[] }>('GET', '/v1/players/me/tickets?limit=20');
  const tickets = await Promise.all(page.items.map((s) => api<Ticket>('GET', `/v1/tickets/${encodeURIComponent(s.ticketId)}`)));
  const list = h('ul', { class: 'tickets' });
  const paint = () => render(list, tickets.map((t) =>
    h('li', { class: 'card ticket' },
      h('h2', {}, h('a', { href: `/draws/${encodeURIComponent(t.draw.drawId)}` }, t.draw.drawId)),
      h('p', {}, `${t.lines.length} line${t.lines.length === 1 ? '' : 's'} · paid ${formatMoney(t.pricePaid, t.currency)} · potential win up to ${formatMoney(t.potentialWinUpTo, t.currency)}`),
      h('p', { class: 'countdown' }, countdownOf(t)),
      h('p', { class: `outcome ${t.outcome?.result?.toLowerCase() ?? 'pending'}`, 'data-testid': 'outcome' }, outcomeText(t)))));
  paint();
  every(1000, paint);
  // Poll the tickets whose draw is not settled yet.
  every(5000, async () => {
    for (let i = 0; i < tickets.length; i++) {
      if (tickets[i].outcome || Date.parse(tickets[i].draw.drawTime) > Date.now()) continue;
      tickets[i] = await api<Ticket>('GET', `/v1/tickets/${encodeURIComponent(tickets[i].ticketId)}`);
    }
    paint();
  });
  render(main, h('h1', {}, 'My tickets'), tickets.length ? list : h('p', {}, 'No tickets yet. ', h('a', { href: '/' }, 'Pick a game')));
}

export async function drawView(main: HTMLElement, drawId: string, loggedIn: boolean) {
  const numbersBox = h('div', { class: 'card result', 'aria-live': 'polite' });
  const mine = h('div');
  const countdown = h('p', { class: 'countdown' });
  let draw = await api<Draw>('GET', `/v1/draws/${encodeURIComponent(drawId)}`, { auth: false });
  let myTickets: Ticket[] = [];
  const loadMine = async () => {
    if (!loggedIn) return;
    const page = await api<{ items: TicketSummary[] }>('GET', '/v1/players/me/tickets?limit=50');
    myTickets = await Promise.all(page.items.filter((s) => s.drawId === drawId)
      .map((s) => api<Ticket>('GET', `/v1/tickets/${encodeURIComponent(s.ticketId)}`)));
  };
  await loadMine().catch(() => {});
  const paint = () => {
    const now = Date.now();
    countdown.textContent = Date.parse(draw.cutOff) > now ? describeCountdown(Date.parse(draw.cutOff) - now, 'Sales close')
      : Date.parse(draw.drawTime) > now ? describeCountdown(Date.parse(draw.drawTime) - now, 'Drawn') : '';
    render(numbersBox,
      h('h2', {}, 'Result'),
      draw.numbers?.length
        ? h('p', { class: 'numbers', 'data-testid': 'numbers', 'aria-label': `Drawn numbers ${draw.numbers.join(' ')}` },
          draw.numbers.map((n) => h('span', { class: 'ball' }, String(n))))
        : h('p', {}, `Not drawn yet (${draw.status.toLowerCase()}).`),
      h('p', { 'data-testid': 'draw-status' }, `Status: ${draw.status}`),
      draw.numbers?.length ? h('p', {}, h('a', { href: `/verify/${encodeURIComponent(drawId)}`, class: 'button' }, 'Verify this draw')) : null);
    const won = myTickets.reduce((s, t) => s + (t.outcome?.result === 'WON' ? t.outcome.amount ?? 0 : 0), 0);
    const currency = myTickets[0]?.currency ?? 'IDR';
    render(mine, myTickets.length === 0 ? null : h('section', { class: 'card', 'aria-labelledby': 'mine-title' },
      h('h2', { id: 'mine-title' }, 'Your tickets in this draw'),
      myTickets.every((t) => t.outcome)
        ? h('p', { class: 'big', 'data-testid': 'payout' }, won > 0 ? `You won ${formatMoney(won, currency)}` : 'No win this time')
        : h('p', {}, 'Waiting for the settlement…'),
      h('ul', {}, myTickets.map((t) => h('li', {}, `${t.lines.length} lines: ${outcomeText(t)}`,
        t.outcome?.result === 'WON' ? ` (${t.lines.filter((l) => winsOn(l, draw.numbers)).map((l) => `${betLabel(l.betType)} ${l.selection}`).join(', ')})` : '')))));
  };
  paint();
  every(1000, paint);
  every(4000, async () => {
    const settled = SETTLED.has(draw.status) && (myTickets.length === 0 || myTickets.every((t) => t.outcome));
    if (settled) return;
    if (Date.parse(draw.drawTime) - Date.now() > 5000) return;
    try {
      draw = await api<Draw>('GET', `/v1/draws/${encodeURIComponent(drawId)}`, { auth: false });
      if (draw.numbers?.length) await loadMine();
      paint();
    } catch {
      /* try again on the next tick */
    }
  });
  render(main, h('h1', {}, `Draw ${drawId}`), countdown, numbersBox, mine);
}

/** A hint of which line won, for the positional 4D-family bets (the API's outcome is the truth). */
function winsOn(line: { betType: string; selection: string }, numbers?: number[]): boolean {
  if (!numbers || numbers.length !== 4) return false;
  const abcd = numbers.join('');
  const at: Record<string, string> = { FOUR_D: abcd, THREE_D: abcd.slice(1), THREE_D_FRONT: abcd.slice(0, 3), TWO_D_BACK: abcd.slice(2), TWO_D_FRONT: abcd.slice(0, 2), TWO_D_MIDDLE: abcd.slice(1, 3) };
  return at[line.betType] === line.selection;
}

export async function verifyView(main: HTMLElement, drawId: string, loggedIn: boolean) {
  const out = h('section', { class: 'card', 'aria-live': 'polite', 'aria-busy': 'true' }, h('p', {}, 'Verifying in your browser…'));
  render(main, h('h1', {}, `Verify draw ${drawId}`),
    h('p', {}, 'Your browser recomputes the draw from what was published: the commitment made before sales, the sealed ticket tree, the public randomness beacon and the numbers. Nothing here trusts the operator; the same checks run from the command line with docs/fairness/verify.mjs.'),
    out);
  try {
    const [draw, verifier] = await Promise.all([
      api<Draw>('GET', `/v1/draws/${encodeURIComponent(drawId)}`, { auth: false }),
      import('../../../docs/fairness/verify-core.mjs'),
    ]);
    // The player's own tickets, with their inclusion proofs, are checked against the sealed root.
    const tickets: any[] = [];
    if (loggedIn) {
      const page = await api<{ items: TicketSummary[] }>('GET', '/v1/players/me/tickets?limit=50');
      for (const s of page.items.filter((t) => t.drawId === drawId)) {
        const p = await api<any>('GET', `/v1/draws/${encodeURIComponent(drawId)}/proof/${encodeURIComponent(s.ticketId)}`);
        tickets.push({ ticketId: p.ticketId, index: p.index, currency: p.currency, pricePaidMinor: p.pricePaidMinor, lines: p.lines, proof: p.proof });
      }
    }
    const started = performance.now();
    const result = verifier.verifyDraw({ ...draw, tickets }, { allowLocalBeacon: appConfig().allowLocalBeacon });
    const ms = Math.round(performance.now() - started);
    out.setAttribute('aria-busy', 'false');
    const verdict = verdictOf(result.ok, (draw.beacon as { chainHash?: string } | undefined)?.chainHash);
    render(out,
      h('h2', { 'data-testid': 'verdict', class: verdict.kind === 'partial' ? 'warn' : verdict.kind }, verdict.text),
      h('ul', { class: 'checks' },
        ['commitment', 'beacon', 'seal', 'numbers', 'ticket'].map((check) => {
          const failed = result.failures.filter((f: any) => f.check.startsWith(check));
          return h('li', { class: failed.length ? 'fail' : 'pass' }, `${failed.length ? '✗' : '✓'} ${CHECK_NAMES[check]}`,
            check === 'ticket' ? ` (${tickets.length} of yours)` : '', failed.map((f: any) => h('div', {}, f.detail)));
        }),
        result.failures.filter((f: any) => !Object.keys(CHECK_NAMES).some((c) => f.check.startsWith(c))).map((f: any) => h('li', { class: 'fail' }, `✗ ${f.check}: ${f.detail}`))),
      result.warnings.map((w: string) => h('p', { class: 'notice warn', role: 'note' }, w)),
      h('p', { class: 'small' }, `${result.ok ? 1 : 0} passed, ${result.ok ? 0 : 1} failed · ${ms} ms · numbers ${draw.numbers?.join(' ') ?? '-'}`),
      h('details', {}, h('summary', {}, 'The published draw'), h('pre', {}, JSON.stringify(draw, null, 2))));
  } catch (e) {
    out.setAttribute('aria-busy', 'false');
    render(out, notice(explain(e), 'error'));
  }
}

const CHECK_NAMES: Record<string, string> = {
  commitment: 'The commitment published before sales matches the seed',
  beacon: 'The randomness comes from the beacon round named in advance',
  seal: 'The sealed ticket set is the one published',
  numbers: 'The numbers follow from seed, ticket set and beacon',
  ticket: 'Your tickets are in the sealed set',
};
