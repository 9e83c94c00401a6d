// A player's whole journey through a running local cloud, step by step, as a newcomer would
// walk it with curl: log in at Keycloak, register, pass the identity check, deposit through the
// sandbox provider, buy tickets for the next 4D draw, wait for the draw, see the result and the
// payout, and verify the draw with the independent verifier (docs/fairness/verify.mjs).
//
//   node local-cloud/journey.mjs [user]      (default alice; the platform must be running)
//
// The tickets cover every two-digit ending (TWO_D_BACK 00-99), so the player always wins
// something and the payout shows up in the wallet. Exits non-zero when a step fails.
import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const API = `http://localhost:${process.env.FAIRDRAW_API_PORT ?? 8080}`;
const KEYCLOAK = `http://localhost:${process.env.FAIRDRAW_KEYCLOAK_PORT ?? 8180}`;
// Two realms, as two user pools are deployed: players sign in at one, operators and auditors at the other.
const ISSUER = `${KEYCLOAK}/realms/fairdraw`;
const STAFF_ISSUER = `${KEYCLOAK}/realms/fairdraw-staff`;
const GAME = '4d-jakarta';

export class StepFailed extends Error {}

function say(text) {
  if (process.env.FAIRDRAW_QUIET !== '1') console.log(text);
}

/** A player's access token from the players' realm. */
export async function token(user, password = user) {
  return signIn(ISSUER, 'fairdraw-cli', user, password);
}

/** An operator's or auditor's access token from the staff realm, through the back-office client. */
export async function staffToken(user, password = user) {
  return signIn(STAFF_ISSUER, 'fairdraw-back-office', user, password);
}

async function signIn(issuer, client, user, password) {
  const response = await fetch(`${issuer}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: client, grant_type: 'password', scope: 'openid', username: user, password }),
  });
  const body = await response.json();
  if (!response.ok) throw new StepFailed(`login as ${user}: ${response.status} ${JSON.stringify(body)}`);
  return body.access_token;
}

/** One API call; answers {status, body, headers}. Refuses an unexpected status. */
export async function call(method, path, { bearer, body, headers = {}, expect } = {}) {
  const response = await fetch(`${API}${path}`, {
    method,
    headers: {
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed = text;
  try { parsed = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
  if (expect && !expect.includes(response.status)) {
    throw new StepFailed(`${method} ${path}: expected ${expect.join(' or ')}, got ${response.status} ${text}`);
  }
  return { status: response.status, body: parsed, headers: response.headers };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what, timeoutMs, probe) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new StepFailed(`gave up waiting for ${what} after ${timeoutMs / 1000}s`);
    await sleep(2000);
  }
}

export async function journey(user = 'alice', { waitMs = 8 * 60_000 } = {}) {
  const bearer = await token(user);
  say(`1. logged in as ${user} at ${ISSUER}`);

  const registered = await call('POST', '/v1/players', {
    bearer, expect: [200, 201],
    body: { dateOfBirth: '1990-05-17', country: 'ID', subdivision: 'ID-JK', displayName: user,
      contactPreferences: { marketingEmail: false, marketingSms: false } },
  });
  say(`2. registered (${registered.status}): player ${registered.body.playerId ?? ''}`);

  await call('POST', '/v1/players/me/verification', {
    bearer, expect: [200, 201],
    body: { documentType: 'PASSPORT', documentNumber: `X${user.toUpperCase()}1234`, fullName: `${user} Example`,
      dateOfBirth: '1990-05-17' },
  });
  const eligibility = await call('GET', '/v1/players/me/eligibility', { bearer, expect: [200] });
  say(`3. identity checked; eligibility ${JSON.stringify(eligibility.body.decision ?? eligibility.body)}`);

  const before = (await call('GET', '/v1/wallet', { bearer, expect: [200] })).body;
  const depositAmount = 20_000_000;
  const deposit = await call('POST', '/v1/wallet/deposits', {
    bearer, expect: [201], headers: { 'idempotency-key': randomUUID() },
    body: { amount: { amount: depositAmount, currency: 'IDR' }, provider: 'sandbox' },
  });
  // Pay on the sandbox provider's page (local-cloud serves it at redirectUrl): it sends the
  // provider's signed notification to POST /v1/payments/sandbox/webhook, as a provider would.
  const page = await fetch(deposit.body.redirectUrl, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ outcome: 'pay', answer: 'json' }),
  });
  if (!page.ok) throw new StepFailed(`the sandbox page refused to pay: ${page.status} ${await page.text()}`);
  const funded = await until('the deposit to be credited', 30_000, async () => {
    const wallet = (await call('GET', '/v1/wallet', { bearer, expect: [200] })).body;
    return balanceOf(wallet) >= balanceOf(before) + depositAmount ? wallet : null;
  });
  say(`4. deposited ${depositAmount} IDR minor units; balance ${balanceOf(funded)}`);

  const draw = await until('a 4D draw on sale', 4 * 60_000, async () => {
    const draws = (await call('GET', `/v1/draws?game=${GAME}&status=OPEN`, { expect: [200] })).body;
    const items = (draws.items ?? draws).filter((d) => Date.parse(d.cutOff) - Date.now() > 15_000);
    items.sort((a, b) => Date.parse(a.drawTime) - Date.parse(b.drawTime));
    return items[0] ?? null;
  });
  say(`5. next draw on sale: ${draw.drawId} at ${draw.drawTime} (sales close ${draw.cutOff})`);

  const endings = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));
  const tickets = [];
  for (let i = 0; i < endings.length; i += 40) {
    const lines = endings.slice(i, i + 40).map((selection) => ({ betType: 'TWO_D_BACK', selection, stake: 100_000 }));
    if (i === 0) lines[0] = { betType: 'FOUR_D', quickPick: true, stake: 100_000 };
    const bought = await call('POST', `/v1/draws/${draw.drawId}/tickets`, {
      bearer, expect: [201], headers: { 'idempotency-key': randomUUID() }, body: { lines },
    });
    tickets.push(bought.body);
  }
  const paid = tickets.reduce((sum, ticket) => sum + amountOf(ticket.pricePaid), 0);
  say(`6. bought ${tickets.length} tickets (${tickets.map((ticket) => ticket.ticketId).join(', ')}), paid ${paid}`);

  say(`7. waiting for the draw at ${draw.drawTime} and its settlement ...`);
  const settled = await until('the tickets to be settled', waitMs, async () => {
    const views = await Promise.all(tickets.map((ticket) => call('GET', `/v1/tickets/${encodeURIComponent(ticket.ticketId)}`, { bearer, expect: [200] })));
    return views.every((view) => view.body.outcome) ? views.map((view) => view.body) : null;
  });
  const won = settled.reduce((sum, ticket) => sum + (ticket.outcome.amount ?? 0), 0);
  const published = (await call('GET', `/v1/draws/${draw.drawId}`, { expect: [200] })).body;
  say(`8. drawn: ${JSON.stringify(published.numbers)}; tickets won ${won}`);

  const after = (await call('GET', '/v1/wallet', { bearer, expect: [200] })).body;
  const statement = (await call('GET', '/v1/wallet/transactions?limit=20', { bearer, expect: [200] })).body;
  say(`9. wallet ${balanceOf(funded)} - ${paid} + ${won} = ${balanceOf(after)}`);

  const folder = mkdtempSync(join(tmpdir(), 'fairdraw-verify-'));
  const file = join(folder, `${draw.drawId}.json`);
  writeFileSync(file, JSON.stringify(published, null, 2));
  const verifier = spawnSync(process.execPath, [join(ROOT, 'docs/fairness/verify.mjs'), '--allow-local-beacon', file], { encoding: 'utf8' });
  if (verifier.status !== 0) throw new StepFailed(`the verifier refused ${draw.drawId}:\n${verifier.stdout}${verifier.stderr}`);
  say(`10. verified independently (node docs/fairness/verify.mjs --allow-local-beacon ${file}):\n${verifier.stdout.trim()}`);

  return { draw, published, tickets: settled, paid, won, funded, after, statement, verifier: verifier.stdout };
}

function amountOf(money) {
  return typeof money === 'number' ? money : money?.amount ?? 0;
}

function balanceOf(wallet) {
  return amountOf(wallet.balance ?? wallet.available ?? wallet);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  journey(process.argv[2] ?? 'alice').then(
    () => say('journey complete'),
    (error) => { console.error(`journey failed: ${error.message}`); process.exit(1); },
  );
}
