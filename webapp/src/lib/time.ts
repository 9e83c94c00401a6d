// Countdowns and durations for people.

/** "m:ss" under an hour, "h:mm:ss" from an hour, "0:00" once passed. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** "Sales close in 1:05" for a screen reader as much as an eye: words, not only digits. */
export function describeCountdown(ms: number, what: string): string {
  if (ms <= 0) return `${what}: now`;
  return `${what} in ${formatCountdown(ms)}`;
}

/** Whole minutes, "1 h 5 min" or "12 min". */
export function formatMinutes(totalMinutes: number): string {
  const m = Math.max(0, Math.floor(totalMinutes));
  if (m < 60) return `${m} min`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}
