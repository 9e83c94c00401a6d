// The API, same origin: every route is under /v1/ (local-cloud's gateway, CloudFront in AWS).
import { accessToken, login } from './auth.js';
import { tokenRefused } from './lib/refusals.js';

export class ApiError extends Error {
  constructor(readonly status: number, readonly reasonCode: string | undefined, readonly problem: any) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
  }
}

interface Options {
  body?: unknown;
  auth?: boolean;
  idempotencyKey?: string;
}

export async function api<T = any>(method: string, path: string, { body, auth = true, idempotencyKey }: Options = {}): Promise<T> {
  const send = async (force: boolean) => {
    const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
    if (auth) {
      const token = await accessToken(force);
      if (!token) {
        await login();
        throw new ApiError(401, 'UNAUTHENTICATED', { title: 'Please log in' });
      }
      headers.authorization = `Bearer ${token}`;
    }
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
    return fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  };
  let response = await send(false);
  if (auth && tokenRefused(response.status, await response.clone().text())) response = await send(true);
  const text = await response.text();
  let parsed: any = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = { detail: text };
  }
  if (!response.ok) throw new ApiError(response.status, parsed?.reasonCode, parsed);
  return parsed as T;
}

/** The message a player should read for a refusal. */
export function explain(error: unknown): string {
  if (error instanceof ApiError) {
    const details = Array.isArray(error.problem?.errors) ? error.problem.errors.map((e: any) => `${e.field} ${e.message}`).join('; ') : '';
    return [error.problem?.title, error.problem?.detail, details].filter(Boolean).join(': ') || error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
