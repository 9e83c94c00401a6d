// The end-to-end test: starts the platform the way the README says (local-cloud/start, Keycloak
// included), in its own data folder and from empty, then walks a player's journey through the
// gateway and the compliance authorizer to the packaged functions, lets the scheduler fire a draw,
// checks the winnings and the statement, verifies the draw independently; meanwhile another
// player does the same in the web app in a real browser (Debian's Chromium). Then it kills a
// function process to see it restarted, runs two minutes of chaos (DynamoDB faults, duplicate
// deliveries, killed processes) under many players, and ends with the audit of every invariant
// and the IAM report: no function made a DynamoDB call its role would refuse in AWS.
// Runs in bin/test; about ten minutes, mostly waiting for draws.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { call, journey, staffToken, token } from '../journey.mjs';
import { browserJourney } from '../../webapp/test/browser.mjs';
import { createUsers, runChaos } from '../chaos.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DATA = join(ROOT, '.local', 'e2e');
const CONTROL = `http://localhost:${process.env.FAIRDRAW_CONTROL_PORT ?? 8081}`;
const API = `http://localhost:${process.env.FAIRDRAW_API_PORT ?? 8080}`;
// How much of each function log earlier runs wrote (local-cloud appends): this run's lines come after.
const LOGS = join(DATA, 'logs');
const EARLIER = new Map(existsSync(LOGS)
  ? readdirSync(LOGS).filter((name) => name.startsWith('fn-')).map((name) => [name, statSync(join(LOGS, name)).size]) : []);
let platform;
let readySeconds;
/** What local-cloud/start printed: its banner holds commands a newcomer copies. */
let startOutput = '';
let alice;

before(async () => {
  mkdirSync(DATA, { recursive: true });
  const log = createWriteStream(join(DATA, 'start.log'));
  process.env.FAIRDRAW_QUIET = '1';
  platform = spawn(join(ROOT, 'local-cloud', 'start'), ['--reset'], {
    cwd: ROOT, env: { ...process.env, FAIRDRAW_LOCAL_DIR: DATA, FAIRDRAW_WEBAPP: join(ROOT, 'webapp', 'dist') }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise((resolve, reject) => {
    const collect = (chunk) => {
      output += chunk;
      startOutput += chunk;
      log.write(chunk);
      const match = /ready in (\d+)s/.exec(output);
      if (match) resolve(Number(match[1]));
    };
    platform.stdout.on('data', collect);
    platform.stderr.on('data', collect);
    platform.on('exit', (code) => reject(new Error(`local-cloud/start ended with ${code} before it was ready:\n${output.slice(-3000)}`)));
  });
  readySeconds = await ready;
  console.log(`# local-cloud/start: ready in ${readySeconds}s`);
}, { timeout: 15 * 60_000 });

after(async () => {
  if (!platform || platform.exitCode !== null) return;
  const ended = new Promise((resolve) => platform.on('exit', resolve));
  platform.kill('SIGINT');
  const code = await ended;
  // Everything it started is gone: nothing answers on the API or the control port any more.
  await assert.rejects(fetch(`${CONTROL}/health`));
  console.log(`# local-cloud/start stopped on SIGINT with exit code ${code}`);
}, { timeout: 120_000 });

test('a player by script and another in the browser register, deposit, buy, are drawn, paid, and verify', { timeout: 20 * 60_000 }, async () => {
  // One after the other: in two CI runs the browser, started beside the script in the first
  // minute after start-up, saw a page that never settled (see the note in docs/webapp.md).
  alice = await journey('alice');
  const web = await browserJourney({
    apiUrl: `http://localhost:${process.env.FAIRDRAW_API_PORT ?? 8080}`, screenshotsDir: join(DATA, 'screenshots'), user: 'bob',
    log: (line) => console.log(`# browser: ${line}`),
  });
  // The web app: Keycloak's login form, the identity check, a deposit limit, the sandbox payment
  // page, the picker, the result, the payout and the verification in the browser.
  assert.match(web.payoutText, /You won/);
  // local-cloud draws on the local test beacon: the heading says what that does not prove.
  assert.match(web.verdict, /Verifies except the beacon/);
  assert.ok(web.after > web.funded - 7_134_000, 'the winnings came back into the wallet');

  assert.equal(alice.tickets.length, 3);
  assert.ok(alice.tickets.every((ticket) => ticket.outcome), 'every ticket has its outcome');
  // Every two-digit ending was bought, so exactly one TWO_D_BACK line won.
  assert.ok(alice.won > 0, 'the covered endings always win');
  assert.equal(alice.published.status, 'SETTLED');
  assert.equal(balance(alice.after), balance(alice.funded) - alice.paid + alice.won);
  const kinds = JSON.stringify(alice.statement);
  assert.match(kinds, /WINNINGS/);
  assert.match(alice.verifier, /1 passed, 0 failed/);

  const events = await (await fetch(`${CONTROL}/events`)).json();
  const types = new Set(events.map((event) => event['detail-type']));
  for (const type of ['DrawOpened', 'DrawClosed', 'DrawSealed', 'DrawCompleted', 'DrawSettled', 'WinningsCredited']) {
    assert.ok(types.has(type), `the bus carried ${type}`);
  }
});

test('the back office sees the journey: the draw report, balanced books, the audit trail; an auditor only reads', { timeout: 180_000 }, async () => {
  const operator = await staffToken('operator');
  const auditor = await staffToken('auditor');
  const drawId = alice.draw.drawId;
  // The projector follows the table streams, so the report catches up within a few polls.
  let report;
  for (const deadline = Date.now() + 120_000; Date.now() < deadline;) {
    const answer = await call('GET', `/v1/backoffice/reports/draws/${drawId}`, { bearer: operator });
    if (answer.status === 200 && answer.body.winningsMinor >= alice.won && answer.body.salesMinor >= alice.paid) {
      report = answer.body;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  assert.ok(report, `the draw report of ${drawId} caught up with the journey`);
  assert.equal(report.ggrMinor, report.salesMinor - report.refundsMinor - report.winningsMinor);
  const books = await call('GET', '/v1/backoffice/reconciliation', { bearer: auditor, expect: [200] });
  assert.equal(books.body.balanced, true, JSON.stringify(books.body));
  const from = new Date(Date.now() - 3_600_000).toISOString();
  const to = new Date(Date.now() + 60_000).toISOString();
  const trail = await call('GET', `/v1/backoffice/audit?from=${from}&to=${to}&draw=${drawId}&limit=50`, { bearer: auditor, expect: [200] });
  assert.ok(trail.body.items.length > 0, 'the audit trail holds the draw\'s changes');
  const refused = await call('POST', '/v1/backoffice/corrections', {
    bearer: auditor,
    body: { debit: 'house:4d-jakarta:IDR', credit: 'operator-capital:operator:IDR', amount: 1, currency: 'IDR', reason: 'an auditor tries' },
  });
  assert.equal(refused.status, 403);
});

test('another player can read neither the ticket nor its proof', async () => {
  const bob = await token('bob');
  await call('POST', '/v1/players', {
    bearer: bob, expect: [200, 201],
    body: { dateOfBirth: '1988-01-02', country: 'ID', subdivision: 'ID-JK', displayName: 'bob',
      contactPreferences: { marketingEmail: false, marketingSms: false } },
  });
  const ticket = alice.tickets[0];
  const read = await call('GET', `/v1/tickets/${encodeURIComponent(ticket.ticketId)}`, { bearer: bob });
  assert.ok([403, 404].includes(read.status), `bob reading alice's ticket got ${read.status}`);
  const proof = await call('GET', `/v1/draws/${alice.draw.drawId}/proof/${encodeURIComponent(ticket.ticketId)}`, { bearer: bob });
  assert.ok([403, 404].includes(proof.status), `bob reading alice's proof got ${proof.status}`);
  const mine = await call('GET', `/v1/draws/${alice.draw.drawId}/proof/${encodeURIComponent(ticket.ticketId)}`,
    { bearer: await token('alice'), expect: [200] });
  assert.ok(mine.body, 'the owner gets the inclusion proof');
});

test('roles come from the pool: a player who just signed up plays with no group; a players\' realm "operator" gets nothing more', async () => {
  const claims = (jwt) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
  // The tokens are shaped as Cognito's access tokens: token_use, client_id and no aud, the pool's scope, cognito:groups.
  const [newcomer] = await createUsers([`e2e-signup-${randomUUID().slice(0, 8)}`]);
  const fresh = await token(newcomer);
  const shape = claims(fresh);
  assert.equal(shape.token_use, 'access');
  assert.equal(shape.client_id, 'fairdraw-cli');
  assert.equal(shape.aud, undefined);
  assert.ok(shape.scope.split(' ').includes('fairdraw/play'), shape.scope);
  assert.equal(shape['cognito:groups'], undefined, 'a player who signed up is in no group');
  await call('POST', '/v1/players', {
    bearer: fresh, expect: [201],
    body: { dateOfBirth: '1991-03-04', country: 'ID', subdivision: 'ID-JK', displayName: 'newcomer',
      contactPreferences: { marketingEmail: false, marketingSms: false } },
  });
  await call('GET', '/v1/players/me', { bearer: fresh, expect: [200] });

  const mallory = await token('mallory');
  assert.deepEqual(claims(mallory)['cognito:groups'], ['operator']);
  const backOffice = await call('GET', '/v1/backoffice/reconciliation', { bearer: mallory });
  assert.equal(backOffice.status, 401, 'the back office trusts the staff pool only');
  const suspend = await call('POST', `/v1/players/${shape.sub}/suspension`, { bearer: mallory, headers: { 'idempotency-key': randomUUID() },
    body: { reason: 'a player tries an operator route' } });
  assert.equal(suspend.status, 403, 'a players\' pool token is a player, whatever its groups');

  const operator = claims(await staffToken('operator'));
  assert.equal(operator.iss.endsWith('/realms/fairdraw-staff'), true);
  assert.deepEqual(operator['cognito:groups'], ['operator']);
  assert.equal(operator.client_id, 'fairdraw-back-office');
});

test('every command the start banner and local-cloud/README print for curl works as printed', () => {
  const banner = startOutput.split('Or by hand:\n')[1]?.split('\n\n')[0];
  const readme = readFileSync(join(ROOT, 'local-cloud', 'README.md'), 'utf8')
    .split('By hand, the same calls with `curl`:')[1]?.split('```bash\n')[1]?.split('```')[0];
  assert.ok(banner && readme, 'the banner and the README still show the commands by hand');
  for (const [where, script] of [['the banner', banner], ['local-cloud/README.md', readme]]) {
    // As printed, except that a refusal (4xx, 5xx) fails the command instead of printing quietly.
    const run = spawnSync('bash', ['-c', `set -e\ncurl() { command curl --fail-with-body "$@"; }\n${script}`],
      { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    assert.equal(run.status, 0, `${where}: a command failed:\n${run.stderr}\n${run.stdout.slice(-1000)}`);
  }
});

test('money safety through the gateway: age where the player is, crossed notifications, a paid withdrawal, reconciled books', { timeout: 300_000 }, async () => {
  const [user] = await createUsers(['e2e-nineteen']);
  const bearer = await token(user);
  // Nineteen: of age at home in Indonesia (18), not in Malaysia (21).
  const jakartaToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
  const born = `${Number(jakartaToday.slice(0, 4)) - 19}${jakartaToday.slice(4)}`.replace('-02-29', '-02-28');
  await call('POST', '/v1/players', { bearer, expect: [201], body: { dateOfBirth: born, country: 'ID', subdivision: 'ID-JK',
    displayName: 'Nineteen', contactPreferences: { marketingEmail: false, marketingSms: false } } });
  await call('POST', '/v1/players/me/verification', { bearer, expect: [200],
    body: { documentType: 'PASSPORT', documentNumber: 'N19E2E001', fullName: 'Nineteen Example', dateOfBirth: born } });
  const inMalaysia = { 'x-fairdraw-local-viewer': 'MY-14' };
  const deposit = (amount, headers = {}) => call('POST', '/v1/wallet/deposits', { bearer, headers: { 'idempotency-key': randomUUID(), ...headers },
    body: { amount: { amount, currency: 'IDR' }, provider: 'sandbox' } });

  // Age is enforced inside the money transaction, with the stricter rule of where the player is.
  const refused = await deposit(1_000_000, inMalaysia);
  assert.equal(refused.status, 403, JSON.stringify(refused.body));
  assert.equal(refused.body.reasonCode, 'UNDERAGE');

  // A notification naming deposit A but carrying B's payment credits nothing; each pays its own once.
  const a = (await deposit(3_000_000)).body;
  const b = (await deposit(4_000_000)).body;
  const crossed = JSON.stringify({ kind: 'DEPOSIT', paymentId: b.providerPaymentId, merchantReference: a.depositId,
    amount: { amount: 3_000_000, currency: 'IDR' }, success: true });
  const signature = await (await fetch(`${CONTROL}/sandbox/sign`, { method: 'POST', body: crossed })).json();
  const forged = await fetch(`${API}/v1/payments/sandbox/webhook`, { method: 'POST',
    headers: { 'content-type': 'application/json', [signature.header]: signature.value }, body: crossed });
  assert.equal(forged.status, 422);
  assert.equal(balance((await call('GET', '/v1/wallet', { bearer, expect: [200] })).body), 0);
  for (const started of [a, b]) {
    const paid = await fetch(started.redirectUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ outcome: 'pay', answer: 'json' }) });
    assert.equal(paid.status, 200, await paid.text());
  }
  const again = await fetch(a.redirectUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ outcome: 'pay', answer: 'json' }) });
  assert.equal(again.status, 409, 'a sandbox payment is paid once');
  await until(async () => balance((await call('GET', '/v1/wallet', { bearer, expect: [200] })).body) === 7_000_000, 'both deposits credited');

  // With money in the wallet, a ticket bought from Malaysia is refused for age; from home it is sold.
  const draws = (await call('GET', '/v1/draws?game=4d-jakarta&status=OPEN', { expect: [200] })).body.items;
  const draw = draws.filter((d) => Date.parse(d.cutOff) - Date.now() > 10_000).sort((x, y) => Date.parse(x.drawTime) - Date.parse(y.drawTime))[0];
  assert.ok(draw, 'a 4D draw is on sale');
  const ticket = { lines: [{ betType: 'FOUR_D', selection: '1234', stake: 100_000 }] };
  const minorTicket = await call('POST', `/v1/draws/${draw.drawId}/tickets`, { bearer, headers: { 'idempotency-key': randomUUID(), ...inMalaysia }, body: ticket });
  assert.equal(minorTicket.status, 403, JSON.stringify(minorTicket.body));
  assert.equal(minorTicket.body.reasonCode, 'UNDERAGE');

  // A withdrawal is paid: the sandbox confirms the payout and pending withdrawals empty.
  await call('POST', '/v1/wallet/withdrawals', { bearer, expect: [201], headers: { 'idempotency-key': randomUUID() },
    body: { amount: { amount: 2_000_000, currency: 'IDR' } } });
  await until(async () => {
    const wallet = (await call('GET', '/v1/wallet', { bearer, expect: [200] })).body;
    return balance(wallet) === 5_000_000 && pending(wallet) === 0;
  }, 'the withdrawal to be paid');

  // The provider's books and the ledger agree: every credited deposit is one settled payment.
  const report = await (await fetch(`${CONTROL}/sandbox/settlement-report`)).text();
  const operator = await staffToken('operator');
  let books;
  await until(async () => {
    const answer = await fetch(`${API}/v1/backoffice/reconciliation/payments/sandbox`, { method: 'POST',
      headers: { authorization: `Bearer ${operator}`, 'content-type': 'text/csv' }, body: report });
    books = (await answer.json()).books;
    return answer.status === 200 && books.balanced;
  }, 'the back office to reconcile the sandbox\'s settlement report', 120_000).catch((error) => {
    // Say what did not match, not only that something did not.
    assert.fail(`${error.message}: ${JSON.stringify({ ...books, discrepancies: books?.discrepancies?.slice(0, 5) })}`);
  });
  // This player's two deposits and at least the scripted journey's.
  assert.ok(books.matched >= 3, JSON.stringify(books));

  // The hourly reconciliation the alarm watches, run as its schedule would: nothing to report.
  await until(async () => {
    const answer = await fetch(`${CONTROL}/2015-03-31/functions/backoffice-projector/invocations`, { method: 'POST',
      body: JSON.stringify({ task: 'reconcile' }) });
    return answer.status === 200 && (await answer.json()).differences === 0;
  }, 'the scheduled reconciliation to find no difference');
});

test('a draw whose seal the scheduler missed is voided by rule at the next firing, and its ticket refunded once', { timeout: 12 * 60_000 }, async () => {
  const bearer = await token('e2e-nineteen');
  const before = balance((await call('GET', '/v1/wallet', { bearer, expect: [200] })).body);
  // A 4D draw still on sale whose firings are planned already (the scheduler plans a draw when the one before it is drawn).
  const planned = await (await fetch(`${CONTROL}/schedule`)).json();
  const draws = (await call('GET', '/v1/draws?game=4d-jakarta&status=OPEN', { expect: [200] })).body.items;
  const draw = draws.filter((d) => Date.parse(d.cutOff) - Date.now() > 15_000)
    .find((d) => planned.some((f) => f.gameId === '4d-jakarta' && f.step === 'SEAL' && Date.parse(f.drawTime) === Date.parse(d.drawTime)));
  assert.ok(draw, `a planned 4D draw on sale: ${JSON.stringify(planned.slice(0, 6))}`);
  const bought = await call('POST', `/v1/draws/${draw.drawId}/tickets`, { bearer, expect: [201], headers: { 'idempotency-key': randomUUID() },
    body: { lines: [{ betType: 'FOUR_D', selection: '4321', stake: 100_000 }] } });
  const paid = bought.body.pricePaid;
  assert.equal(balance((await call('GET', '/v1/wallet', { bearer, expect: [200] })).body), before - paid);

  // The scheduler is down for this draw's seal: CLOSE fires, SEAL never does.
  const missed = await (await fetch(`${CONTROL}/schedule/miss`, { method: 'POST',
    body: JSON.stringify({ gameId: '4d-jakarta', step: 'SEAL', drawTime: new Date(Date.parse(draw.drawTime)).toISOString() }) })).json();
  assert.ok(missed.missed >= 1, JSON.stringify(missed));

  // Past its beacon deadline the game's next firing catches it up: no seal before its round, so voided, and refunded.
  await until(async () => (await call('GET', `/v1/draws/${draw.drawId}`, { expect: [200] })).body.status === 'VOIDED',
    `${draw.drawId} to be voided`, 8 * 60_000);
  await until(async () => balance((await call('GET', '/v1/wallet', { bearer, expect: [200] })).body) === before,
    'the ticket to be refunded', 3 * 60_000);
  const ticket = await call('GET', `/v1/tickets/${encodeURIComponent(bought.body.ticketId)}`, { bearer, expect: [200] });
  assert.match(JSON.stringify(ticket.body.outcome), /REFUNDED/);
  // Once: a while later the balance has not moved again.
  await new Promise((resolve) => setTimeout(resolve, 5000));
  assert.equal(balance((await call('GET', '/v1/wallet', { bearer, expect: [200] })).body), before);
});

test('no route answers a request that went around the edge: every function refuses one without the origin secret', async () => {
  const topology = JSON.parse(readFileSync(join(ROOT, 'infra-terraform', 'topology.json'), 'utf8'));
  const operator = await staffToken('operator');
  const player = await token('alice');
  const refusals = [];
  for (const route of topology.routes) {
    const path = route.path.replace(/\{[^}]+\}/g, 'x');
    // The event API Gateway would send for a call on its custom domain that skipped CloudFront.
    const event = { version: '2.0', routeKey: `${route.method} ${route.path}`, rawPath: path, rawQueryString: '',
      headers: { host: 'api.fairdraw.local', 'content-type': 'application/json',
        authorization: `Bearer ${(route.roles ?? []).includes('player') ? player : operator}` },
      requestContext: { http: { method: route.method, path, protocol: 'HTTP/1.1', sourceIp: '192.0.2.1' }, requestId: randomUUID(),
        routeKey: `${route.method} ${route.path}`, stage: '$default' },
      body: route.method === 'GET' ? undefined : '{}', isBase64Encoded: false };
    const answer = await (await fetch(`${CONTROL}/2015-03-31/functions/${route.function}/invocations`, { method: 'POST',
      body: JSON.stringify(event) })).json();
    const body = typeof answer.body === 'string' ? JSON.parse(answer.body || '{}') : {};
    if (answer.statusCode !== 403 || body.reasonCode !== 'EDGE_REQUIRED') refusals.push(`${route.method} ${route.path}: ${answer.statusCode} ${body.reasonCode}`);
  }
  assert.deepEqual(refusals, []);
});

test('a killed function process is started again and serves the next request', { timeout: 120_000 }, async () => {
  const betting = async () => (await (await fetch(`${CONTROL}/functions`)).json()).find((fn) => fn.name === 'betting');
  const before = await betting();
  assert.equal(before.pids.length, 1);
  process.kill(before.pids[0], 'SIGKILL');
  // As in Lambda, an environment that dies takes its in-flight request with it; the next
  // request goes to the new environment. (Retrying an asynchronous event on the new environment
  // is proved deterministically in FunctionHostTest.)
  let now = await betting();
  while (!(now.ready && now.pids.length === 1 && now.pids[0] !== before.pids[0])) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    now = await betting();
  }
  assert.equal(now.restarts, before.restarts + 1);
  const games = await call('GET', '/v1/games', { expect: [200] });
  assert.ok((games.body.items ?? games.body).length > 0);
});

test('two minutes of chaos under many players leave every invariant whole', { timeout: 15 * 60_000 }, async () => {
  const seed = Number(process.env.FAIRDRAW_CHAOS_SEED ?? 20261123);
  const seconds = Number(process.env.FAIRDRAW_CHAOS_SECONDS ?? 120);
  const result = await runChaos({ seed, seconds, players: 8, log: (line) => console.log(`# ${line}`) });
  console.log(`# chaos seed ${seed}: ${JSON.stringify(result.stats)}; draws ${JSON.stringify(result.draws)}`);
  assert.deepEqual(result.problems, []);
  assert.ok(result.stats.tickets > 50, 'the workload bought tickets');
  const dealt = result.dealt;
  assert.ok(dealt.failedAfterApplying > 0 && dealt.failedBeforeApplying > 0 && dealt.duplicated > 0 && dealt.killed > 0,
    `every kind of fault was dealt: ${JSON.stringify(dealt)}`);
});

test('every invariant holds over everything stored', async () => {
  const response = await fetch(`${CONTROL}/audit`);
  const report = await response.json();
  assert.deepEqual(report.breaches, []);
  assert.equal(response.status, 200);
  assert.ok(report.sealedTickets >= 6 && report.winsPaid >= 2, JSON.stringify(report));
});

async function until(check, what, limitMs = 60_000) {
  for (const deadline = Date.now() + limitMs; Date.now() < deadline;) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  assert.fail(`timed out waiting for ${what}`);
}

function pending(wallet) {
  const value = wallet.pendingWithdrawal ?? 0;
  return typeof value === 'number' ? value : value.amount;
}

function balance(wallet) {
  const value = wallet.balance ?? wallet.available ?? wallet;
  return typeof value === 'number' ? value : value.amount;
}

test('every function stayed within its IAM policy: no DynamoDB, Secrets Manager or SQS call was refused', async () => {
  const report = await (await fetch(`${CONTROL}/iam`)).json();
  assert.ok(Object.keys(report).length >= 8, `every function is held to its policy: ${Object.keys(report)}`);
  const denied = Object.entries(report).flatMap(([fn, r]) => r.denied.map((d) => `${fn}: ${d.action} on ${d.table ?? d.resource}`));
  assert.deepEqual(denied, []);
  // Grants wider than this run used: candidates for removal, unless a path the run did not take needs them.
  for (const [fn, r] of Object.entries(report)) {
    for (const w of r.widerThanUsed) console.log(`# iam: ${fn} has ${w.granted} on ${w.table}; this run needed ${w.needed} (${w.used.join(', ') || 'no call'})`);
    for (const u of r.unused ?? []) console.log(`# iam: ${fn} may ${u}; this run did not`);
  }
});

test('the function logs of the whole run hold no error, no stack trace and no ignored setting', () => {
  // Every line a function wrote in this run: JSON as in AWS, or the few plain lines a JVM prints itself.
  // A setting a function does not know is ignored with a warning: a typo, or a setting given to the wrong function.
  const problems = [];
  for (const file of readdirSync(LOGS).filter((name) => name.startsWith('fn-'))) {
    const text = readFileSync(join(LOGS, file)).subarray(EARLIER.get(file) ?? 0).toString('utf8');
    for (const line of text.split('\n')) {
      let entry = null;
      try { entry = JSON.parse(line); } catch { /* a plain line */ }
      if (entry && typeof entry === 'object') {
        if (entry.level === 'ERROR' || entry.level === 'FATAL' || entry.exception) {
          problems.push(`${file}: ${entry.level} ${entry.message} ${entry.exception?.exceptionType ?? ''}`);
        } else if (/^Unrecognized configuration key/.test(entry.message ?? '')) {
          problems.push(`${file}: ${entry.level} ${entry.message.slice(0, 120)}`);
        }
      } else if (/\bERROR\b|^Exception in thread|^Caused by: |^\s+at [\w.$]+\(|Unrecognized configuration key/.test(line)) {
        problems.push(`${file}: ${line.slice(0, 200)}`);
      }
    }
  }
  assert.deepEqual(problems.slice(0, 20), [], `${problems.length} error lines, stack frames or ignored settings in the function logs`);
});
