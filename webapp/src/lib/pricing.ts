// The price and potential win of a cart, mirroring the betting API's rules (docs/betting.md,
// docs/games.md): the player pays stake − floor(stake × discount); a line pays
// floor(stake × multiplier) per win, and colok bebas wins once per occurrence of its digit, so a
// line's potential win is its most in one draw (maxWinsPerDraw wins), as the receipt says; a lotto line costs the game's line price and pays a share of
// a pool (no fixed potential win). At most 40 lines go on one ticket.
import type { BetTerms, Game } from './games.js';
import { isLotto } from './games.js';

export const MAX_LINES_PER_TICKET = 40;

export interface CartLine {
  betType: string;
  selection: string;
  stake: number;
}

export interface PricedCartLine extends CartLine {
  price: number;
  potentialWin: number | null;
}

/** stake − floor(stake × discountBasisPoints / 10000), in minor units. */
export function priceOf(stake: number, terms: Pick<BetTerms, 'discountBasisPoints'>): number {
  return stake - Math.floor((stake * terms.discountBasisPoints) / 10_000);
}

/** floor(stake × multiplierMilli / 1000) × maxWinsPerDraw, in minor units: the most one line pays in a draw. */
export function potentialWinOf(stake: number, terms: Pick<BetTerms, 'multiplierMilli' | 'maxWinsPerDraw'>): number {
  // stake ≤ 10^8 and multiplier ≤ 10^7 stay well inside 2^53; BigInt keeps it exact regardless.
  const oneWin = (BigInt(stake) * BigInt(terms.multiplierMilli)) / 1000n;
  return Number(oneWin * BigInt(terms.maxWinsPerDraw ?? 1));
}

/** Why a stake is refused (STAKE_OUT_OF_RANGE), or null when the API would take it. */
export function stakeProblem(stake: number, terms: Pick<BetTerms, 'minStake' | 'maxStake'>): string | null {
  if (!Number.isSafeInteger(stake) || stake <= 0) return 'must be a positive whole amount';
  if (stake < terms.minStake) return 'is below the minimum stake';
  if (stake > terms.maxStake) return 'is above the maximum stake';
  if (stake % terms.minStake !== 0) return 'must be a whole number of minimum stakes';
  return null;
}

export function priceLine(game: Game, line: CartLine): PricedCartLine {
  if (isLotto(game)) {
    const price = game.linePrice ?? 0;
    return { ...line, stake: price, price, potentialWin: null };
  }
  const terms = game.betTypes?.[line.betType];
  if (!terms) throw new Error(`${game.id} does not offer ${line.betType}`);
  return { ...line, price: priceOf(line.stake, terms), potentialWin: potentialWinOf(line.stake, terms) };
}

export interface CartTotals {
  lines: number;
  tickets: number;
  price: number;
  potentialWinUpTo: number;
}

/** The cart's total price and the sum of its lines' wins (an upper bound, as potentialWinUpTo). */
export function cartTotals(game: Game, lines: CartLine[]): CartTotals {
  let price = 0;
  let potentialWinUpTo = 0;
  for (const line of lines) {
    const priced = priceLine(game, line);
    price += priced.price;
    potentialWinUpTo += priced.potentialWin ?? 0;
  }
  return { lines: lines.length, tickets: Math.ceil(lines.length / MAX_LINES_PER_TICKET), price, potentialWinUpTo };
}

/** The cart split into tickets of at most 40 lines, in order. */
export function splitIntoTickets<T>(lines: T[], max = MAX_LINES_PER_TICKET): T[][] {
  const tickets: T[][] = [];
  for (let i = 0; i < lines.length; i += max) tickets.push(lines.slice(i, i + max));
  return tickets;
}

/**
 * Adds lines to a cart. A (bet type, selection) may appear once per ticket, so a line already in
 * the cart has its stake replaced rather than being added twice.
 */
export function addLines(cart: CartLine[], added: CartLine[]): CartLine[] {
  const out = cart.map((l) => ({ ...l }));
  for (const line of added) {
    const same = out.find((l) => l.betType === line.betType && l.selection === line.selection);
    if (same) same.stake = line.stake;
    else out.push({ ...line });
  }
  return out;
}
