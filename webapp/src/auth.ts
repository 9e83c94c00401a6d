// OIDC login: authorization code flow with PKCE (S256), by hand with fetch and WebCrypto.
// Tokens stay in sessionStorage (this tab only, gone when it closes); the access token is
// refreshed shortly before it expires.
import type { AppConfig } from './lib/config.js';
import { authorizeUrl, codeChallenge, codeVerifier, jwtClaims, randomToken } from './lib/pkce.js';

interface Discovery {
  authorization_endpoint: string;
  token_endpoint: string;
  end_session_endpoint?: string;
}

interface Tokens {
  accessToken: string;
  refreshToken?: string;
  idToken?: string;
  expiresAt: number;
}

const TOKENS = 'fairdraw.tokens';
const PENDING = 'fairdraw.login';
export const SESSION = 'fairdraw.session';

let config: AppConfig;
let discovery: Promise<Discovery> | null = null;

export function configure(c: AppConfig) {
  config = c;
}

export function appConfig(): AppConfig {
  return config;
}

function discover(): Promise<Discovery> {
  discovery ??= fetch(`${config.authority}/.well-known/openid-configuration`).then((r) => {
    if (!r.ok) throw new Error(`the identity provider answered ${r.status}`);
    return r.json();
  });
  return discovery;
}

const redirectUri = () => `${location.origin}/callback`;

function stored(): Tokens | null {
  const raw = sessionStorage.getItem(TOKENS);
  return raw ? (JSON.parse(raw) as Tokens) : null;
}

export function isLoggedIn(): boolean {
  return stored() !== null;
}

/** The name to greet the player with, from the ID token. */
export function userName(): string | null {
  const t = stored();
  if (!t?.idToken) return null;
  const claims = jwtClaims(t.idToken);
  return (claims['cognito:username'] as string) ?? (claims.preferred_username as string) ?? null;
}

/** Sends the browser to the identity provider; `extra` adds parameters (kc_action for OTP setup). */
export async function login(returnTo = location.pathname + location.search, extra?: Record<string, string>): Promise<never> {
  const d = await discover();
  const verifier = codeVerifier();
  const state = randomToken(16);
  const nonce = randomToken(16);
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, nonce, returnTo }));
  location.assign(authorizeUrl({
    authorizationEndpoint: d.authorization_endpoint, clientId: config.clientId, redirectUri: redirectUri(),
    scope: config.scope, state, nonce, challenge: await codeChallenge(verifier), extra,
  }));
  return new Promise<never>(() => {});
}

function keep(body: any) {
  const tokens: Tokens = {
    accessToken: body.access_token,
    refreshToken: body.refresh_token ?? stored()?.refreshToken,
    idToken: body.id_token ?? stored()?.idToken,
    expiresAt: Date.now() + (Number(body.expires_in) || 300) * 1000,
  };
  sessionStorage.setItem(TOKENS, JSON.stringify(tokens));
}

/** Completes a login on /callback; answers where the player was going. */
export async function completeLogin(params: URLSearchParams): Promise<string> {
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null');
  sessionStorage.removeItem(PENDING);
  if (params.get('error')) throw new Error(`login refused: ${params.get('error_description') ?? params.get('error')}`);
  if (!pending || params.get('state') !== pending.state) throw new Error('this login was not started here (state does not match); please log in again');
  const d = await discover();
  const response = await fetch(d.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', code: params.get('code') ?? '', redirect_uri: redirectUri(),
      client_id: config.clientId, code_verifier: pending.verifier,
    }),
  });
  const body = await response.json();
  if (!response.ok) throw new Error(`the identity provider refused the code: ${body.error_description ?? body.error}`);
  if (body.id_token && jwtClaims(body.id_token).nonce !== pending.nonce) throw new Error('the ID token does not carry this login\'s nonce');
  keep(body);
  if (!sessionStorage.getItem(SESSION)) {
    const now = Date.now();
    sessionStorage.setItem(SESSION, JSON.stringify({ startedAt: now, lastRealityCheckAt: now }));
  }
  return pending.returnTo && pending.returnTo !== '/callback' ? pending.returnTo : '/';
}

/** A valid access token, refreshed when it expires within 30 s (or when `force`); null when logged out. */
export async function accessToken(force = false): Promise<string | null> {
  const t = stored();
  if (!t) return null;
  if (!force && t.expiresAt - Date.now() > 30_000) return t.accessToken;
  if (!t.refreshToken) return null;
  const d = await discover();
  const response = await fetch(d.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: t.refreshToken, client_id: config.clientId }),
  });
  if (!response.ok) {
    sessionStorage.removeItem(TOKENS);
    return null;
  }
  keep(await response.json());
  return stored()!.accessToken;
}

/** Ends the session here and at the identity provider. */
export async function logout(): Promise<never> {
  const t = stored();
  sessionStorage.removeItem(TOKENS);
  sessionStorage.removeItem(SESSION);
  const d = await discover().catch(() => null);
  if (d?.end_session_endpoint) {
    const url = new URL(d.end_session_endpoint);
    url.searchParams.set('client_id', config.clientId);
    url.searchParams.set('post_logout_redirect_uri', `${location.origin}/`);
    if (t?.idToken) url.searchParams.set('id_token_hint', t.idToken);
    location.assign(url.toString());
  } else {
    location.assign(config.logoutUrl ?? '/');
  }
  return new Promise<never>(() => {});
}
