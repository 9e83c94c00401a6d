// What several views share: the catalogue, the player and their safety settings.
import { api, ApiError } from './api.js';
import type { Game } from './lib/games.js';

let games: Promise<Game[]> | null = null;

export function catalogue(): Promise<Game[]> {
  games ??= api<{ items: Game[] }>('GET', '/v1/games', { auth: false }).then((list) => list.items);
  games.catch(() => (games = null));
  return games;
}

export async function game(id: string): Promise<Game | undefined> {
  return (await catalogue()).find((g) => g.id === id);
}

export interface Draw {
  drawId: string;
  gameId: string;
  status: string;
  drawTime: string;
  cutOff: string;
  numbers?: number[];
  game?: { type: string };
  localBeacon?: boolean;
  [key: string]: unknown;
}

/** The next draw of a game still on sale with at least `marginMs` before its cut-off. */
export async function nextDraw(gameId: string, marginMs = 15_000): Promise<Draw | null> {
  const page = await api<{ items: Draw[] }>('GET', `/v1/draws?game=${encodeURIComponent(gameId)}&status=OPEN`, { auth: false });
  const open = page.items.filter((d) => Date.parse(d.cutOff) - Date.now() > marginMs);
  open.sort((a, b) => Date.parse(a.drawTime) - Date.parse(b.drawTime));
  return open[0] ?? null;
}

export interface Player {
  playerId: string;
  displayName: string;
  dateOfBirth?: string;
  status: string;
  identityCheck: string;
}

/** The caller's player, or null when they have not registered yet. */
export async function me(): Promise<Player | null> {
  try {
    return await api<Player>('GET', '/v1/players/me');
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.reasonCode === 'PLAYER_NOT_REGISTERED')) return null;
    throw e;
  }
}

export interface SafetySettings {
  limits?: { kind: string; window: string; currency?: string; ownMinor?: number; inForceMinor?: number; pendingMinor?: number; pendingFrom?: string }[];
  realityCheckMinutes?: number | null;
  sessionTimeLimitMinutes?: number | null;
}

let settings: SafetySettings | null = null;

export async function safetySettings(refresh = false): Promise<SafetySettings> {
  if (!settings || refresh) settings = await api<SafetySettings>('GET', '/v1/players/me/limits');
  return settings;
}

export function cachedSafetySettings(): SafetySettings | null {
  return settings;
}

export function rememberSafetySettings(s: SafetySettings) {
  settings = s;
}
