// The number picker and the cart: a picker for each bet type, quick pick and BBFS, the cart's
// live price and potential win, and the purchase (tickets of at most 40 lines) on the next draw.
import { api, explain } from '../api.js';
import { h, field, notice, render } from '../dom.js';
import { isLoggedIn, login } from '../auth.js';
import { expandBbfs } from '../lib/bbfs.js';
import { betLabel, betTypesOf, isLotto, normaliseSelection, quickPick, selectionKind, type Game } from '../lib/games.js';
import { formatMoney, parseMoney } from '../lib/money.js';
import { addLines, cartTotals, priceLine, splitIntoTickets, stakeProblem, type CartLine } from '../lib/pricing.js';
import { describeCountdown } from '../lib/time.js';
import { game as findGame, nextDraw, type Draw } from '../state.js';
import { requireVerifiedPlayer } from './onboarding.js';
import { every } from '../timers.js';

const carts = new Map<string, CartLine[]>();

export async function playView(main: HTMLElement, gameId: string, refresh: () => void) {
  const game = await findGame(gameId);
  if (!game) {
    render(main, notice(`No game ${gameId}`, 'error'));
    return;
  }
  if (isLoggedIn() && !(await requireVerifiedPlayer(main, refresh))) return;
  let draw = await nextDraw(game.id);
  let cart = carts.get(game.id) ?? [];
  const save = () => carts.set(game.id, cart);

  const drawInfo = h('p', { class: 'countdown', 'aria-live': 'off' });
  const tick = () => {
    if (!draw) {
      drawInfo.textContent = 'No draw is on sale right now; the next opens shortly.';
      return;
    }
    const left = Date.parse(draw.cutOff) - Date.now();
    drawInfo.textContent = `Draw ${draw.drawId} at ${new Date(draw.drawTime).toLocaleTimeString()} · ${describeCountdown(left, 'Sales close')}`;
    if (left < 5_000) nextDraw(game.id).then((d) => { draw = d; });
  };
  tick();
  every(1000, tick);
  every(20_000, async () => { if (!draw) draw = await nextDraw(game.id); });

  // The picker.
  const betTypes = betTypesOf(game);
  const betType = h('select', { name: 'betType' }, betTypes.map((t) => h('option', { value: t }, betLabel(t))));
  const pickerArea = h('div');
  const pickerStatus = h('div');
  const cartArea = h('section', { class: 'card', 'aria-labelledby': 'cart-title' });

  const renderPicker = () => {
    const type = betType.value;
    const kind = selectionKind(game, type);
    const terms = game.betTypes?.[type];
    const stake = h('input', { name: 'stake', inputmode: 'decimal', value: terms ? (terms.minStake / 100).toLocaleString('en-US') : '', disabled: isLotto(game) });
    const selection = h('input', { name: 'selection', autocomplete: 'off', inputmode: kind.kind === 'choice' || kind.kind === 'jitu' ? 'text' : 'numeric' });
    const mode = h('select', { name: 'mode' }, h('option', { value: 'single' }, 'Single number'),
      kind.kind === 'digits' && kind.bbfs ? h('option', { value: 'bbfs' }, 'BBFS (every arrangement of digits)') : null);
    const bbfs = h('input', { name: 'bbfs', inputmode: 'numeric', autocomplete: 'off' });
    const bbfsInfo = h('small', { class: 'hint', 'aria-live': 'polite' });
    const hint = kind.kind === 'digits' ? `${kind.length} digits, 0-9`
      : kind.kind === 'digitSet' ? `${kind.length} digit${kind.length > 1 ? 's' : ''}, in any order`
      : kind.kind === 'jitu' ? 'a position A-D and a digit, e.g. C7'
      : kind.kind === 'lotto' ? `${kind.pick} different numbers from 1 to ${kind.of}, e.g. 5 12 23 31 40 49` : '';
    const choices = kind.kind === 'choice'
      ? h('div', { class: 'choices', role: 'group', 'aria-label': 'Choose' }, kind.options.map((o) =>
        h('button', { type: 'button', class: 'chip', onclick: () => { selection.value = o; } }, o.charAt(0) + o.slice(1).toLowerCase())))
      : null;
    const singleBox = h('div', {}, field('Your selection', selection, hint), choices);
    const bbfsBox = h('div', { hidden: true }, field('BBFS digits', bbfs, 'Give a digit twice to allow it twice, e.g. 00112233445566778899 covers every 2D number'), bbfsInfo);
    mode.addEventListener('change', () => {
      singleBox.hidden = mode.value !== 'single';
      bbfsBox.hidden = mode.value !== 'bbfs';
    });
    bbfs.addEventListener('input', () => {
      try {
        const n = expandBbfs(bbfs.value, kind.kind === 'digits' ? kind.length : 0).length;
        bbfsInfo.textContent = `${n} line${n === 1 ? '' : 's'}`;
      } catch {
        bbfsInfo.textContent = 'digits 0-9 only';
      }
    });
    const add = (event: Event) => {
      event.preventDefault();
      const stakeMinor = isLotto(game) ? game.linePrice ?? 0 : parseMoney(stake.value, game.currency);
      if (stakeMinor === null) return render(pickerStatus, notice('The stake is an amount, for example 1,000', 'error'));
      if (terms) {
        const problem = stakeProblem(stakeMinor, terms);
        if (problem) return render(pickerStatus, notice(`The stake ${problem} (${formatMoney(terms.minStake, game.currency)} steps up to ${formatMoney(terms.maxStake, game.currency)})`, 'error'));
      }
      let selections: string[];
      if (mode.value === 'bbfs' && kind.kind === 'digits') {
        try {
          selections = expandBbfs(bbfs.value, kind.length);
        } catch (e) {
          return render(pickerStatus, notice('BBFS takes digits 0-9 only', 'error'));
        }
        if (selections.length === 0) return render(pickerStatus, notice(`Give at least ${kind.length} digits`, 'error'));
      } else {
        const normal = normaliseSelection(game, type, selection.value);
        if (!normal) return render(pickerStatus, notice(`Not a ${betLabel(type)} selection: ${hint}`, 'error'));
        selections = [normal];
      }
      cart = addLines(cart, selections.map((s) => ({ betType: type, selection: s, stake: stakeMinor })));
      save();
      render(pickerStatus, notice(`Added ${selections.length} line${selections.length === 1 ? '' : 's'} to the cart`, 'ok'));
      selection.value = '';
      renderCart();
    };
    const form = h('form', { class: 'picker' },
      field('Play as', mode),
      singleBox, bbfsBox,
      field(`Stake (${game.currency})`, stake, terms ? `From ${formatMoney(terms.minStake, game.currency)}, in steps of it` : `Each line costs ${formatMoney(game.linePrice ?? 0, game.currency)}`),
      h('div', { class: 'row' },
        h('button', { type: 'button', onclick: () => { mode.value = 'single'; mode.dispatchEvent(new Event('change')); selection.value = quickPick(game, type); selection.focus(); } }, 'Quick pick'),
        h('button', { type: 'submit', class: 'primary' }, 'Add to cart')));
    form.addEventListener('submit', add);
    render(pickerArea, form);
  };
  betType.addEventListener('change', renderPicker);

  const buyStatus = h('div');
  const renderCart = () => {
    const totals = cartTotals(game, cart);
    const lineRows = cart.map((line, i) => {
      const priced = priceLine(game, line);
      return h('tr', {},
        h('td', {}, betLabel(line.betType)), h('td', {}, line.selection),
        h('td', { class: 'num' }, formatMoney(priced.price, game.currency)),
        h('td', { class: 'num' }, priced.potentialWin === null ? 'pool share' : formatMoney(priced.potentialWin, game.currency)),
        h('td', {}, h('button', { type: 'button', class: 'link', 'aria-label': `Remove ${betLabel(line.betType)} ${line.selection}`,
          onclick: () => { cart = cart.filter((_, j) => j !== i); save(); renderCart(); } }, 'Remove')));
    });
    render(cartArea,
      h('h2', { id: 'cart-title' }, 'Cart'),
      cart.length === 0 ? h('p', {}, 'Empty: pick numbers above.') : [
        h('p', { class: 'totals', 'aria-live': 'polite', 'data-testid': 'cart-totals' },
          `${totals.lines} line${totals.lines === 1 ? '' : 's'} on ${totals.tickets} ticket${totals.tickets === 1 ? '' : 's'} · Price ${formatMoney(totals.price, game.currency)}`
          + (isLotto(game) ? '' : ` · Potential win up to ${formatMoney(totals.potentialWinUpTo, game.currency)}`)),
        h('div', { class: 'scroll' }, h('table', {},
          h('caption', { class: 'sr-only' }, 'Lines in the cart'),
          h('thead', {}, h('tr', {}, ['Bet', 'Selection', 'Price', 'Potential win', ''].map((t, i) => h('th', { scope: 'col', class: i === 2 || i === 3 ? 'num' : null }, t)))),
          h('tbody', {}, lineRows))),
        h('div', { class: 'row' },
          h('button', { type: 'button', class: 'primary', onclick: buy }, `Buy ${totals.tickets} ticket${totals.tickets === 1 ? '' : 's'} for ${formatMoney(totals.price, game.currency)}`),
          h('button', { type: 'button', onclick: () => { cart = []; save(); renderCart(); } }, 'Empty the cart')),
      ],
      buyStatus);
  };

  const buy = async () => {
    if (!isLoggedIn()) return login();
    if (!draw || Date.parse(draw.cutOff) - Date.now() < 3_000) {
      draw = await nextDraw(game.id);
      if (!draw) return render(buyStatus, notice('No draw is on sale right now', 'error'));
    }
    const target: Draw = draw;
    const tickets = splitIntoTickets(cart);
    const bought: any[] = [];
    render(buyStatus, notice(`Buying ${tickets.length} ticket${tickets.length === 1 ? '' : 's'} for ${target.drawId}…`));
    try {
      for (const lines of tickets) {
        bought.push(await api('POST', `/v1/draws/${encodeURIComponent(target.drawId)}/tickets`, {
          body: { lines: lines.map((l) => (isLotto(game) ? { betType: 'LOTTO', selection: l.selection, stake: l.stake } : l)) },
          idempotencyKey: crypto.randomUUID(),
        }));
        cart = cart.slice(lines.length);
        save();
      }
    } catch (e) {
      renderCart();
      render(buyStatus, notice(`${bought.length ? `Bought ${bought.length}; then: ` : ''}${explain(e)}`, 'error'));
      return;
    }
    renderCart();
    const paid = bought.reduce((s, t) => s + (t.pricePaid ?? 0), 0);
    render(buyStatus,
      notice(`Bought ${bought.length} ticket${bought.length === 1 ? '' : 's'} for draw ${target.drawId}, paid ${formatMoney(paid, game.currency)}. Good luck!`, 'ok'),
      h('p', {}, h('a', { href: '/tickets' }, 'See my tickets'), ' · ', h('a', { href: `/draws/${encodeURIComponent(target.drawId)}` }, 'Follow the draw')));
  };

  render(main,
    h('h1', {}, game.name),
    drawInfo,
    h('section', { class: 'card', 'aria-labelledby': 'pick-title' },
      h('h2', { id: 'pick-title' }, 'Pick your numbers'),
      field('Bet type', betType, describeTerms(game, betType.value)),
      pickerArea, pickerStatus),
    cartArea,
    h('p', { class: 'small' }, 'Stakes are in ', game.currency, '. You pay the stake less the bet type\'s discount; a win pays the stake times the multiplier.'));
  betType.addEventListener('change', () => {
    const hint = document.getElementById(`${betType.id}-hint`);
    if (hint) hint.textContent = describeTerms(game, betType.value);
  });
  renderPicker();
  renderCart();
}

function describeTerms(game: Game, betType: string): string {
  const t = game.betTypes?.[betType];
  if (!t) return `Each line ${formatMoney(game.linePrice ?? 0, game.currency)}; winners share the prize pools`;
  const x = t.multiplierMilli / 1000;
  return `Pays ${x.toLocaleString('en-US')}× the stake` + (t.discountBasisPoints ? `, ${t.discountBasisPoints / 100}% off the stake` : '');
}
