// Unit tests of the app's pure logic, compiled by `npm test` (tsc -p tsconfig.test.json) into
// .test-build/ and run with node --test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { authorizeUrl, base64Url, codeChallenge, codeVerifier, jwtClaims } from '../../.test-build/pkce.js';
import { bbfsCount, expandBbfs } from '../../.test-build/bbfs.js';
import { addLines, cartTotals, potentialWinOf, priceLine, priceOf, splitIntoTickets, stakeProblem } from '../../.test-build/pricing.js';
import { betTypesOf, normaliseSelection, quickPick } from '../../.test-build/games.js';
import { describeCountdown, formatCountdown, formatMinutes } from '../../.test-build/time.js';
import { formatMoney, parseMoney } from '../../.test-build/money.js';
import { defaultAuthority, resolveConfig } from '../../.test-build/config.js';
import { tokenRefused } from '../../.test-build/refusals.js';
import { sessionVerdict } from '../../.test-build/reality.js';
import { LOCAL_CHAIN_HASH, verdictOf } from '../../.test-build/verdict.js';

const FOUR_D = {
  id: '4d-jakarta', version: 1, name: '4D Jakarta', kind: 'FIXED_ODDS', currency: 'IDR',
  betTypes: {
    FOUR_D: { multiplierMilli: 3000000, discountBasisPoints: 6600, minStake: 100000, maxStake: 100000000 },
    TWO_D_BACK: { multiplierMilli: 70000, discountBasisPoints: 2900, minStake: 100000, maxStake: 100000000 },
    COLOK_BEBAS: { multiplierMilli: 1500, discountBasisPoints: 600, minStake: 100000, maxStake: 100000000 },
    COLOK_MACAU: { multiplierMilli: 7500, discountBasisPoints: 1500, minStake: 100000, maxStake: 100000000 },
    SHIO: { multiplierMilli: 9500, discountBasisPoints: 800, minStake: 100000, maxStake: 100000000 },
  },
};
const LOTTO = { id: 'lotto-6-49', version: 1, name: 'Lotto 6/49', kind: 'LOTTO', currency: 'IDR', pick: 6, of: 49, linePrice: 1000000 };

test('PKCE: the S256 challenge of RFC 7636 appendix B', async () => {
  assert.equal(await codeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'), 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
});

test('PKCE: verifiers are fresh, 43 unreserved characters, and their challenge is SHA-256 base64url', async () => {
  const a = codeVerifier();
  const b = codeVerifier();
  assert.notEqual(a, b);
  assert.match(a, /^[A-Za-z0-9\-_]{43}$/);
  const expected = createHash('sha256').update(a).digest('base64url');
  assert.equal(await codeChallenge(a), expected);
  await assert.rejects(codeChallenge('short'));
  assert.equal(base64Url(Uint8Array.of(0xfb, 0xff)), '-_8');
});

test('PKCE: the authorization URL names the code flow, S256 and every parameter', () => {
  const url = new URL(authorizeUrl({
    authorizationEndpoint: 'http://localhost:8180/realms/fairdraw/protocol/openid-connect/auth',
    clientId: 'fairdraw-web', redirectUri: 'http://localhost:8080/callback', scope: 'openid', state: 's', nonce: 'n', challenge: 'c',
    extra: { kc_action: 'CONFIGURE_TOTP' },
  }));
  assert.equal(url.searchParams.get('response_type'), 'code');
  assert.equal(url.searchParams.get('code_challenge_method'), 'S256');
  assert.equal(url.searchParams.get('code_challenge'), 'c');
  assert.equal(url.searchParams.get('redirect_uri'), 'http://localhost:8080/callback');
  assert.equal(url.searchParams.get('kc_action'), 'CONFIGURE_TOTP');
});

test('a JWT\'s claims are read, UTF-8 included', () => {
  const payload = Buffer.from(JSON.stringify({ exp: 5, name: 'Ådne' })).toString('base64url');
  assert.deepEqual(jwtClaims(`h.${payload}.s`), { exp: 5, name: 'Ådne' });
  assert.throws(() => jwtClaims('nodots'));
});

test('BBFS expands as docs/betting.md says', () => {
  assert.deepEqual(expandBbfs('123', 2), ['12', '13', '21', '23', '31', '32']);
  assert.deepEqual(expandBbfs('112', 2), ['11', '12', '21']);
  assert.equal(bbfsCount('1234', 4), 24);
  assert.equal(bbfsCount('0123456789', 2), 90);
  const all = expandBbfs('00112233445566778899', 2);
  assert.equal(all.length, 100);
  assert.deepEqual(all, Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0')));
  assert.equal(bbfsCount('1234567', 4), 840);
  assert.deepEqual(expandBbfs('12', 3), []);
  assert.throws(() => expandBbfs('12a', 2));
  assert.throws(() => expandBbfs('١٢', 2), 'only ASCII digits');
});

test('prices and wins mirror the receipt of docs/betting.md', () => {
  const terms = FOUR_D.betTypes.FOUR_D;
  assert.equal(priceOf(100000, terms), 34000);
  assert.equal(potentialWinOf(100000, terms), 300000000);
  // The discount is rounded down, so the player never pays a fraction more.
  assert.equal(priceOf(100001, { discountBasisPoints: 6600 }), 34001);
  assert.equal(potentialWinOf(100001, { multiplierMilli: 1500 }), 150001);
  // Colok bebas pays once per occurrence of its digit: a 7 on 7777 wins four times.
  assert.equal(potentialWinOf(1000, { multiplierMilli: 1500, maxWinsPerDraw: 4 }), 6000);
  assert.equal(priceLine(FOUR_D, { betType: 'TWO_D_BACK', selection: '07', stake: 100000 }).price, 71000);
  assert.equal(priceLine(FOUR_D, { betType: 'TWO_D_BACK', selection: '07', stake: 100000 }).potentialWin, 7000000);
  assert.deepEqual(priceLine(LOTTO, { betType: 'LOTTO', selection: '01-02-03-04-05-06', stake: 0 }),
    { betType: 'LOTTO', selection: '01-02-03-04-05-06', stake: 1000000, price: 1000000, potentialWin: null });
  assert.throws(() => priceLine(FOUR_D, { betType: 'THREE_D', selection: '123', stake: 100000 }));
});

test('the journey\'s cart: every 2D ending over three tickets', () => {
  const lines = expandBbfs('00112233445566778899', 2).map((selection) => ({ betType: 'TWO_D_BACK', selection, stake: 100000 }));
  const totals = cartTotals(FOUR_D, lines);
  assert.deepEqual(totals, { lines: 100, tickets: 3, price: 7100000, potentialWinUpTo: 700000000 });
  assert.deepEqual(splitIntoTickets(lines).map((t) => t.length), [40, 40, 20]);
});

test('stakes: whole multiples of the minimum, within the bounds', () => {
  const terms = FOUR_D.betTypes.FOUR_D;
  assert.equal(stakeProblem(100000, terms), null);
  assert.equal(stakeProblem(300000, terms), null);
  assert.match(stakeProblem(99999, terms), /below/);
  assert.match(stakeProblem(150000, terms), /whole number/);
  assert.match(stakeProblem(100000100, terms), /above/);
  assert.match(stakeProblem(0, terms), /positive/);
});

test('a line already in the cart has its stake replaced, not repeated', () => {
  const cart = addLines([{ betType: 'FOUR_D', selection: '1234', stake: 100000 }], [
    { betType: 'FOUR_D', selection: '1234', stake: 200000 }, { betType: 'FOUR_D', selection: '4321', stake: 100000 }]);
  assert.deepEqual(cart.map((l) => `${l.selection}:${l.stake}`), ['1234:200000', '4321:100000']);
});

test('selections are normalised as the API stores them, and quick picks are valid', () => {
  assert.equal(normaliseSelection(FOUR_D, 'FOUR_D', ' 0123 '), '0123');
  assert.equal(normaliseSelection(FOUR_D, 'FOUR_D', '123'), null);
  assert.equal(normaliseSelection(FOUR_D, 'COLOK_MACAU', '73'), '37');
  assert.equal(normaliseSelection(FOUR_D, 'SHIO', 'dragon'), 'DRAGON');
  assert.equal(normaliseSelection(FOUR_D, 'SHIO', 'UNICORN'), null);
  assert.equal(normaliseSelection(LOTTO, 'LOTTO', '5 1 49 23 7 12'), '01-05-07-12-23-49');
  assert.equal(normaliseSelection(LOTTO, 'LOTTO', '5 5 49 23 7 12'), null);
  assert.equal(normaliseSelection(LOTTO, 'LOTTO', '0 1 49 23 7 12'), null);
  for (const betType of [...betTypesOf(FOUR_D), 'LOTTO']) {
    const game = betType === 'LOTTO' ? LOTTO : FOUR_D;
    for (let i = 0; i < 50; i++) {
      const pick = quickPick(game, betType);
      assert.equal(normaliseSelection(game, betType, pick), pick, `${betType} ${pick}`);
    }
  }
  assert.deepEqual(betTypesOf(FOUR_D), ['FOUR_D', 'TWO_D_BACK', 'COLOK_BEBAS', 'COLOK_MACAU', 'SHIO']);
});

test('countdowns and durations', () => {
  assert.equal(formatCountdown(65_000), '1:05');
  assert.equal(formatCountdown(64_001), '1:05');
  assert.equal(formatCountdown(3_723_000), '1:02:03');
  assert.equal(formatCountdown(-5), '0:00');
  assert.equal(describeCountdown(90_000, 'Sales close'), 'Sales close in 1:30');
  assert.equal(describeCountdown(0, 'Sales close'), 'Sales close: now');
  assert.equal(formatMinutes(59), '59 min');
  assert.equal(formatMinutes(125), '2 h 5 min');
});

test('money in minor units', () => {
  assert.equal(formatMoney(20_000_000, 'IDR'), 'IDR 200,000.00');
  assert.equal(formatMoney(-71_000, 'IDR'), '−IDR 710.00');
  assert.equal(formatMoney(500, 'JPY'), 'JPY 500');
  assert.equal(parseMoney('200,000', 'IDR'), 20_000_000);
  assert.equal(parseMoney('1000.5', 'IDR'), 100_050);
  assert.equal(parseMoney('1.234', 'IDR'), null);
  assert.equal(parseMoney('-5', 'IDR'), null);
  assert.equal(parseMoney('abc', 'IDR'), null);
});

test('configuration: local-cloud defaults and a Cognito override', () => {
  assert.equal(defaultAuthority({ protocol: 'http:', hostname: 'localhost', port: '8080' }), 'http://localhost:8180/realms/fairdraw');
  assert.equal(defaultAuthority({ protocol: 'http:', hostname: 'localhost', port: '9080' }), 'http://localhost:9180/realms/fairdraw');
  assert.equal(defaultAuthority({ protocol: 'http:', hostname: 'localhost', port: '5173' }), 'http://localhost:8180/realms/fairdraw');
  const local = resolveConfig(null, { protocol: 'http:', hostname: 'localhost', port: '8080' });
  assert.equal(local.clientId, 'fairdraw-web');
  assert.equal(local.otpSetupAction, 'CONFIGURE_TOTP');
  assert.equal(local.accountUrl, 'http://localhost:8180/realms/fairdraw/account/#/account-security/signing-in');
  assert.equal(local.allowLocalBeacon, true);
  const cognito = resolveConfig({
    authority: 'https://cognito-idp.ap-southeast-3.amazonaws.com/ap-southeast-3_AbC/', clientId: 'abc123',
    logoutUrl: 'https://play-fairdraw.auth.ap-southeast-3.amazoncognito.com/logout?client_id=abc123&logout_uri=https%3A%2F%2Fplay.example',
  }, { protocol: 'https:', hostname: 'play.example', port: '' });
  assert.equal(cognito.authority, 'https://cognito-idp.ap-southeast-3.amazonaws.com/ap-southeast-3_AbC');
  assert.equal(cognito.accountUrl, null);
  assert.equal(cognito.otpSetupAction, null);
  assert.equal(cognito.allowLocalBeacon, false);
  assert.match(cognito.logoutUrl, /\/logout\?client_id=abc123/);
});

test('reality checks and the session time limit', () => {
  const start = 1_000_000;
  const state = { startedAt: start, lastRealityCheckAt: start };
  assert.deepEqual(sessionVerdict(state, {}, start + 3_600_000), { kind: 'ok', nextCheckInMs: null, limitInMs: null });
  assert.deepEqual(sessionVerdict(state, { realityCheckMinutes: 30 }, start + 29 * 60_000),
    { kind: 'ok', nextCheckInMs: 60_000, limitInMs: null });
  assert.deepEqual(sessionVerdict(state, { realityCheckMinutes: 30 }, start + 30 * 60_000), { kind: 'realityCheck', playedMinutes: 30 });
  const acknowledged = { startedAt: start, lastRealityCheckAt: start + 30 * 60_000 };
  assert.equal(sessionVerdict(acknowledged, { realityCheckMinutes: 30 }, start + 31 * 60_000).kind, 'ok');
  assert.deepEqual(sessionVerdict(acknowledged, { realityCheckMinutes: 30, sessionTimeLimitMinutes: 60 }, start + 60 * 60_000),
    { kind: 'limitReached', playedMinutes: 60 });
});

test('a refused token is retried with a fresh one; a refused player is not', () => {
  assert.equal(tokenRefused(401, '{"reasonCode":"UNAUTHENTICATED"}'), true);
  // API Gateway's answer when the Lambda authorizer refuses: 403, no reasonCode.
  assert.equal(tokenRefused(403, '{"message":"Forbidden"}'), true);
  assert.equal(tokenRefused(403, ''), true);
  assert.equal(tokenRefused(403, '{"reasonCode":"UNDERAGE","status":403}'), false);
  assert.equal(tokenRefused(422, '{"reasonCode":"WEBHOOK_MISMATCH"}'), false);
  assert.equal(tokenRefused(200, '{}'), false);
});

test('the verify heading never says a draw on the local test beacon verifies without saying what that proves', () => {
  const quicknet = '52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971';
  assert.deepEqual(verdictOf(true, quicknet), { kind: 'pass', text: '✓ This draw verifies' });
  const local = verdictOf(true, LOCAL_CHAIN_HASH);
  assert.equal(local.kind, 'partial');
  assert.match(local.text, /Verifies except the beacon/);
  assert.match(local.text, /proves nothing about fairness/);
  assert.doesNotMatch(local.text, /^✓/);
  assert.equal(verdictOf(false, quicknet).kind, 'fail');
  assert.equal(verdictOf(false, LOCAL_CHAIN_HASH).kind, 'fail');
});
