// The end-to-end test: starts the platform the way the README says (local-cloud/start, Keycloak
// included), in its own data folder and from empty, then walks a player's journey through the
// gateway and the compliance authorizer to the packaged functions, lets the scheduler fire a draw,
// checks the winnings and the statement, verifies the draw independently; meanwhile another
// player does the same in the web app in a real browser (Debian's Chromium). Then it kills a
// function process to see it restarted, runs two minutes of chaos (DynamoDB faults, duplicate
// deliveries, killed processes) under many players, and ends with the audit of every invariant.
// Runs in bin/test; about ten minutes, mostly waiting for draws.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { call, journey, token } from '../journey.mjs';
import { browserJourney } from '../../webapp/test/browser.mjs';
import { runChaos } from '../chaos.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DATA = join(ROOT, '.local', 'e2e');
const CONTROL = `http://localhost:${process.env.FAIRDRAW_CONTROL_PORT ?? 8081}`;
let platform;
let readySeconds;
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
  assert.match(web.verdict, /This draw verifies/);
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
  const operator = await token('operator');
  const auditor = await token('auditor');
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

function balance(wallet) {
  const value = wallet.balance ?? wallet.available ?? wallet;
  return typeof value === 'number' ? value : value.amount;
}
