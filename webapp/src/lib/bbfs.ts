// BBFS ("bolak-balik full set"): every distinct arrangement of a bet type's length from a set
// of digits, as the betting API expands it (docs/betting.md): "123" for 2D gives 12, 13, 21, 23,
// 31, 32; a digit given twice may appear twice ("112" gives 11, 12, 21).

/** The arrangements, sorted. Throws on anything but ASCII digits. */
export function expandBbfs(digits: string, length: number): string[] {
  if (!/^[0-9]+$/.test(digits)) throw new Error('BBFS takes digits 0-9 only');
  if (!Number.isInteger(length) || length < 1) throw new Error('length must be a positive whole number');
  const counts = new Array<number>(10).fill(0);
  for (const c of digits) counts[c.charCodeAt(0) - 48]++;
  const out: string[] = [];
  const walk = (prefix: string) => {
    if (prefix.length === length) {
      out.push(prefix);
      return;
    }
    for (let d = 0; d < 10; d++) {
      if (counts[d] === 0) continue;
      counts[d]--;
      walk(prefix + d);
      counts[d]++;
    }
  };
  walk('');
  return out;
}

/** How many arrangements expandBbfs would give, without listing them. */
export function bbfsCount(digits: string, length: number): number {
  return expandBbfs(digits, length).length;
}
