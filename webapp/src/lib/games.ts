// The game catalogue as GET /v1/games serves it, and what the number picker needs to know about
// each bet type (docs/games.md).

export interface BetTerms {
  multiplierMilli: number;
  discountBasisPoints: number;
  minStake: number;
  maxStake: number;
  liabilityLimit?: number;
  /** How many times one line can win in a draw: colok bebas once per occurrence of its digit (4), others 1. */
  maxWinsPerDraw?: number;
}

export interface Game {
  id: string;
  version: number;
  name: string;
  kind: string; // FIXED_ODDS or LOTTO
  currency: string;
  schedule?: { zone: string; days: string[]; drawTime: string; cutOffMinutes: number };
  betTypes?: Record<string, BetTerms>;
  pick?: number;
  of?: number;
  linePrice?: number;
  tierShareBasisPoints?: Record<string, number>;
}

export function isLotto(game: Game): boolean {
  return game.kind?.toUpperCase().includes('LOTTO') || (game.pick !== undefined && game.of !== undefined && !game.betTypes);
}

/** How a bet type's selection is entered. */
export type SelectionKind =
  | { kind: 'digits'; length: number; bbfs: boolean } // 4D, 3D, 2D: positions matter
  | { kind: 'digitSet'; length: number } // colok: digits anywhere
  | { kind: 'jitu' } // a position A-D and a digit: "C7"
  | { kind: 'choice'; options: string[] }
  | { kind: 'lotto'; pick: number; of: number };

export const SHIO_SIGNS = ['RAT', 'OX', 'TIGER', 'RABBIT', 'DRAGON', 'SNAKE', 'HORSE', 'GOAT', 'MONKEY', 'ROOSTER', 'DOG', 'PIG'];

const KINDS: Record<string, SelectionKind> = {
  FOUR_D: { kind: 'digits', length: 4, bbfs: true },
  THREE_D: { kind: 'digits', length: 3, bbfs: true },
  THREE_D_FRONT: { kind: 'digits', length: 3, bbfs: true },
  TWO_D_BACK: { kind: 'digits', length: 2, bbfs: true },
  TWO_D_FRONT: { kind: 'digits', length: 2, bbfs: true },
  TWO_D_MIDDLE: { kind: 'digits', length: 2, bbfs: true },
  COLOK_BEBAS: { kind: 'digitSet', length: 1 },
  COLOK_MACAU: { kind: 'digitSet', length: 2 },
  COLOK_NAGA: { kind: 'digitSet', length: 3 },
  COLOK_JITU: { kind: 'jitu' },
  SHIO: { kind: 'choice', options: SHIO_SIGNS },
  FIFTY_FIFTY_BIG_SMALL: { kind: 'choice', options: ['BIG', 'SMALL'] },
  FIFTY_FIFTY_ODD_EVEN: { kind: 'choice', options: ['ODD', 'EVEN'] },
  FIFTY_FIFTY_MIDDLE_EDGE: { kind: 'choice', options: ['MIDDLE', 'EDGE'] },
  DASAR_ODD_EVEN: { kind: 'choice', options: ['ODD', 'EVEN'] },
  DASAR_BIG_SMALL: { kind: 'choice', options: ['BIG', 'SMALL'] },
};

const LABELS: Record<string, string> = {
  FOUR_D: '4D', THREE_D: '3D (back)', THREE_D_FRONT: '3D front', TWO_D_BACK: '2D back', TWO_D_FRONT: '2D front',
  TWO_D_MIDDLE: '2D middle', COLOK_BEBAS: 'Colok bebas', COLOK_MACAU: 'Colok macau', COLOK_NAGA: 'Colok naga',
  COLOK_JITU: 'Colok jitu', SHIO: 'Shio', FIFTY_FIFTY_BIG_SMALL: '50-50 big/small', FIFTY_FIFTY_ODD_EVEN: '50-50 odd/even',
  FIFTY_FIFTY_MIDDLE_EDGE: '50-50 middle/edge', DASAR_ODD_EVEN: 'Dasar odd/even', DASAR_BIG_SMALL: 'Dasar big/small', LOTTO: 'Lotto',
};

export function betLabel(betType: string): string {
  return LABELS[betType] ?? betType;
}

export function selectionKind(game: Game, betType: string): SelectionKind {
  if (betType === 'LOTTO') return { kind: 'lotto', pick: game.pick ?? 6, of: game.of ?? 49 };
  const k = KINDS[betType];
  if (!k) throw new Error(`unknown bet type ${betType}`);
  return k;
}

/** The bet types a game offers, in the order of the table in docs/games.md. */
export function betTypesOf(game: Game): string[] {
  if (isLotto(game)) return ['LOTTO'];
  const offered = Object.keys(game.betTypes ?? {});
  const order = Object.keys(KINDS);
  return offered.sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));
}

/**
 * The selection as the API stores it (colok digits sorted, lotto numbers sorted and two digits
 * each), or null when it is not a valid selection of the bet type.
 */
export function normaliseSelection(game: Game, betType: string, raw: string): string | null {
  const k = selectionKind(game, betType);
  const text = raw.trim().toUpperCase();
  switch (k.kind) {
    case 'digits':
      return new RegExp(`^[0-9]{${k.length}}$`).test(text) ? text : null;
    case 'digitSet':
      return new RegExp(`^[0-9]{${k.length}}$`).test(text) ? [...text].sort().join('') : null;
    case 'jitu':
      return /^[A-D][0-9]$/.test(text) ? text : null;
    case 'choice':
      return k.options.includes(text) ? text : null;
    case 'lotto': {
      const parts = text.split(/[\s,\-]+/).filter(Boolean);
      if (parts.length !== k.pick || !parts.every((p) => /^[0-9]{1,2}$/.test(p))) return null;
      const numbers = parts.map(Number);
      if (numbers.some((n) => n < 1 || n > k.of) || new Set(numbers).size !== numbers.length) return null;
      return numbers.sort((a, b) => a - b).map((n) => String(n).padStart(2, '0')).join('-');
    }
  }
}

/** A random valid selection; `random(n)` answers a uniform whole number in [0, n). */
export function quickPick(game: Game, betType: string, random: (n: number) => number = secureRandom): string {
  const k = selectionKind(game, betType);
  const digits = (n: number) => Array.from({ length: n }, () => String(random(10))).join('');
  switch (k.kind) {
    case 'digits':
      return digits(k.length);
    case 'digitSet':
      return [...digits(k.length)].sort().join('');
    case 'jitu':
      return 'ABCD'[random(4)] + String(random(10));
    case 'choice':
      return k.options[random(k.options.length)];
    case 'lotto': {
      const pool = Array.from({ length: k.of }, (_, i) => i + 1);
      const chosen: number[] = [];
      for (let i = 0; i < k.pick; i++) chosen.push(pool.splice(random(pool.length), 1)[0]);
      return chosen.sort((a, b) => a - b).map((n) => String(n).padStart(2, '0')).join('-');
    }
  }
}

/** A uniform whole number in [0, n) from WebCrypto, by rejection sampling (no modulo bias). */
export function secureRandom(n: number): number {
  const limit = Math.floor(0x100000000 / n) * n;
  const word = new Uint32Array(1);
  for (;;) {
    crypto.getRandomValues(word);
    if (word[0] < limit) return word[0] % n;
  }
}
