// Reality checks and the session time limit, from the player's safety settings
// (GET /v1/players/me/limits: realityCheckMinutes, sessionTimeLimitMinutes).

export interface SessionState {
  startedAt: number; // ms since the epoch, when the player logged in
  lastRealityCheckAt: number; // when the last reminder was acknowledged (startedAt at first)
}

export interface SessionSettings {
  realityCheckMinutes?: number | null;
  sessionTimeLimitMinutes?: number | null;
}

export type SessionVerdict =
  | { kind: 'ok'; nextCheckInMs: number | null; limitInMs: number | null }
  | { kind: 'realityCheck'; playedMinutes: number }
  | { kind: 'limitReached'; playedMinutes: number };

const MINUTE = 60_000;

/** What the app must do now: nothing, remind the player how long they have played, or end the session. */
export function sessionVerdict(state: SessionState, settings: SessionSettings, now: number): SessionVerdict {
  const played = now - state.startedAt;
  const playedMinutes = Math.floor(played / MINUTE);
  const limit = settings.sessionTimeLimitMinutes;
  if (limit && limit > 0 && played >= limit * MINUTE) return { kind: 'limitReached', playedMinutes };
  const every = settings.realityCheckMinutes;
  if (every && every > 0 && now - state.lastRealityCheckAt >= every * MINUTE) return { kind: 'realityCheck', playedMinutes };
  return {
    kind: 'ok',
    nextCheckInMs: every && every > 0 ? state.lastRealityCheckAt + every * MINUTE - now : null,
    limitInMs: limit && limit > 0 ? state.startedAt + limit * MINUTE - now : null,
  };
}
