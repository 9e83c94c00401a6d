// Money is an integer count of minor units with its ISO 4217 currency (docs/api/README.md).

const FRACTION_DIGITS: Record<string, number> = { JPY: 0, KRW: 0, VND: 0, BHD: 3, KWD: 3 };

/** ISO 4217 minor digits (2 unless listed), as java.util.Currency gives them to the platform. */
export function minorDigits(currency: string): number {
  return FRACTION_DIGITS[currency] ?? 2;
}

/** "IDR 1,000.00" from 100000 minor units. */
export function formatMoney(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  const negative = minor < 0;
  const abs = Math.abs(minor);
  const unit = 10 ** digits;
  const whole = Math.floor(abs / unit).toLocaleString('en-US');
  const fraction = digits > 0 ? `.${String(abs % unit).padStart(digits, '0')}` : '';
  return `${negative ? '−' : ''}${currency} ${whole}${fraction}`;
}

/** Minor units from what a person typed ("1,000" or "1000.50"); null when it is no amount. */
export function parseMoney(text: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const cleaned = text.replace(/[,\s_]/g, '');
  const match = /^(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  const minor = Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return Number.isSafeInteger(minor) ? minor : null;
}
