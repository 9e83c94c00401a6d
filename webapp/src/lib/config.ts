// The app's runtime configuration: /config.json beside index.html when present, otherwise the
// local-cloud defaults derived from the page's own address. See docs/webapp.md.

export interface AppConfig {
  /** The OIDC issuer; its /.well-known/openid-configuration names the endpoints. */
  authority: string;
  clientId: string;
  scope: string;
  /** Where a player manages sign-in and two-factor (Keycloak's account console); null hides it. */
  accountUrl: string | null;
  /** Keycloak's application-initiated action to set up an authenticator app (kc_action). */
  otpSetupAction: string | null;
  /** Where logout sends the browser when discovery names no end_session_endpoint (Cognito). */
  logoutUrl: string | null;
  /** Accept draws of local-cloud's local beacon in the verify view (with a warning). */
  allowLocalBeacon: boolean;
}

export interface PageLocation {
  protocol: string;
  hostname: string;
  port: string;
}

/**
 * local-cloud puts Keycloak 100 ports above the API (8080 and 8180, 9080 and 9180); the Vite dev
 * server (5173) proxies the API of a default local-cloud, so Keycloak is on 8180.
 */
export function defaultAuthority(location: PageLocation): string {
  const port = Number(location.port || (location.protocol === 'https:' ? 443 : 80));
  const keycloak = port === 5173 ? 8180 : port + 100;
  return `${location.protocol}//${location.hostname}:${keycloak}/realms/fairdraw`;
}

export function resolveConfig(raw: unknown, location: PageLocation): AppConfig {
  const given = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const text = (key: string): string | undefined => (typeof given[key] === 'string' && given[key] !== '' ? (given[key] as string) : undefined);
  const authority = (text('authority') ?? defaultAuthority(location)).replace(/\/+$/, '');
  const keycloak = /\/realms\/[^/]+$/.test(authority);
  return {
    authority,
    clientId: text('clientId') ?? 'fairdraw-web',
    scope: text('scope') ?? 'openid fairdraw/play',
    accountUrl: given.accountUrl === null ? null : text('accountUrl') ?? (keycloak ? `${authority}/account/#/account-security/signing-in` : null),
    otpSetupAction: given.otpSetupAction === null ? null : text('otpSetupAction') ?? (keycloak ? 'CONFIGURE_TOTP' : null),
    logoutUrl: text('logoutUrl') ?? null,
    allowLocalBeacon: typeof given.allowLocalBeacon === 'boolean' ? given.allowLocalBeacon : location.hostname === 'localhost' || location.hostname === '127.0.0.1',
  };
}
