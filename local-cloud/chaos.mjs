// A seeded chaos run against a running local cloud: many players registering, depositing,
// buying tickets and withdrawing through the gateway while local-cloud fails DynamoDB writes
// (before applying, and after applying with the answer lost), throttles them, delivers events
// twice and kills function processes. Clients behave as real ones do: they retry a failed call
// with the same Idempotency-Key. Then the faults stop, every draw that sold a ticket is waited
// for until settled or voided, and the platform's audit must hold.
//
//   node local-cloud/chaos.mjs [seed] [seconds] [players]    (the platform must be running)
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { call, token } from './journey.mjs';

const KEYCLOAK = `http://localhost:${process.env.FAIRDRAW_KEYCLOAK_PORT ?? 8180}`;
const CONTROL = `http://localhost:${process.env.FAIRDRAW_CONTROL_PORT ?? 8081}`;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** mulberry32: a small seeded generator, so a run's workload is reproducible from its seed. */
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A call as a client makes it under faults: retried on 5xx and network errors, same body and key. */
async function retried(method, path, options, stats) {
  for (let attempt = 1; ; attempt++) {
    try {
      const answer = await call(method, path, options);
      // An attempt still holding the key (or one that died holding it, until its lease ends) answers 409: wait and ask again.
      const inProgress = answer.status === 409 && String(answer.body?.type).endsWith('/idempotent-request-in-progress');
      if (answer.status < 500 && !inProgress) return answer;
      stats.retries++;
    } catch (error) {
      if (attempt >= 30) throw error;
      stats.retries++;
    }
    // Long enough to outlast the 30-second lease of a claim whose process was killed holding it.
    if (attempt >= 30) throw new Error(`${method} ${path} kept failing`);
    await sleep(Math.min(250 * attempt, 2000));
  }
}

/**
 * Players who sign up, as at the players' pool: Keycloak users with no group (the pool makes them
 * players), each with its name as password; an existing one is kept.
 */
export async function createUsers(usernames) {
  const admin = await fetch(`${KEYCLOAK}/realms/master/protocol/openid-connect/token`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: 'admin-cli', grant_type: 'password', username: 'admin', password: 'admin' }),
  }).then((r) => r.json());
  for (const [i, username] of usernames.entries()) {
    const created = await fetch(`${KEYCLOAK}/admin/realms/fairdraw/users`, {
      method: 'POST', headers: { authorization: `Bearer ${admin.access_token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ username, enabled: true, email: `${username}@example.test`, emailVerified: true,
        firstName: 'Chaos', lastName: `Player ${i}`,
        credentials: [{ type: 'password', value: username, temporary: false }] }),
    });
    if (![201, 409].includes(created.status)) throw new Error(`creating ${username}: ${created.status} ${await created.text()}`);
  }
  return usernames;
}

const BET_TYPES = [['FOUR_D', 4], ['THREE_D', 3], ['TWO_D_BACK', 2], ['TWO_D_FRONT', 2]];

function lines(random) {
  const count = 1 + Math.floor(random() * 4);
  const chosen = new Map();
  for (let i = 0; i < count; i++) {
    const [betType, digits] = BET_TYPES[Math.floor(random() * BET_TYPES.length)];
    const selection = String(Math.floor(random() * 10 ** digits)).padStart(digits, '0');
    chosen.set(`${betType}:${selection}`, { betType, selection, stake: 100_000 });
  }
  return [...chosen.values()];
}

async function player(username, random, deadline, stats, bought) {
  const bearer = await token(username);
  await retried('POST', '/v1/players', { bearer, body: { dateOfBirth: '1991-03-04', country: 'ID', subdivision: 'ID-JK',
    displayName: username, contactPreferences: { marketingEmail: false, marketingSms: false } } }, stats);
  await retried('POST', '/v1/players/me/verification', { bearer, body: { documentType: 'NATIONAL_ID',
    documentNumber: `N${username}`.slice(0, 40), fullName: username, dateOfBirth: '1991-03-04' } }, stats);
  while (Date.now() < deadline) {
    const roll = random();
    const key = randomUUID();
    if (roll < 0.15) {
      const deposit = await retried('POST', '/v1/wallet/deposits', { bearer, headers: { 'idempotency-key': key },
        body: { amount: { amount: 2_000_000, currency: 'IDR' }, provider: 'sandbox' } }, stats);
      if (deposit.status === 201 || deposit.status === 200) {
        for (let attempt = 0; attempt < 8; attempt++) {
          const paid = await fetch(deposit.body.redirectUrl, { method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ outcome: 'pay', answer: 'json' }) }).catch(() => ({ ok: false }));
          if (paid.ok) { stats.deposits++; break; }
          stats.retries++;
          await sleep(300);
        }
      }
    } else if (roll < 0.85) {
      const draws = (await retried('GET', '/v1/draws?game=4d-jakarta&status=OPEN', {}, stats)).body;
      // The next draw on sale (and sometimes the one after), so the run's draws are all over soon after it.
      const open = (draws.items ?? []).filter((d) => Date.parse(d.cutOff) - Date.now() > 5_000)
        .sort((a, b) => Date.parse(a.drawTime) - Date.parse(b.drawTime)).slice(0, 2);
      if (open.length === 0) { await sleep(500); continue; }
      const draw = open[random() < 0.8 ? 0 : open.length - 1];
      const ticket = await retried('POST', `/v1/draws/${draw.drawId}/tickets`, { bearer, headers: { 'idempotency-key': key },
        body: { lines: lines(random) } }, stats);
      if (ticket.status === 201 || ticket.status === 200) {
        bought.push({ username, ticketId: ticket.body.ticketId, drawId: draw.drawId, cutOff: draw.cutOff });
        stats.tickets++;
      } else {
        stats.refusals[ticket.body?.type ?? ticket.status] = (stats.refusals[ticket.body?.type ?? ticket.status] ?? 0) + 1;
      }
    } else if (roll < 0.92) {
      const withdrawal = await retried('POST', '/v1/wallet/withdrawals', { bearer, headers: { 'idempotency-key': key },
        body: { amount: { amount: 300_000, currency: 'IDR' } } }, stats);
      if (withdrawal.status < 300) stats.withdrawals++;
    } else {
      await retried('GET', '/v1/wallet', { bearer }, stats);
      await retried('GET', '/v1/players/me/tickets?limit=5', { bearer }, stats);
    }
    await sleep(100 + random() * 400);
  }
}

export async function runChaos({ seed = 1, seconds = 120, players = 8, settleMs = 8 * 60_000, log = () => {} } = {}) {
  const random = generator(seed);
  const stats = { tickets: 0, deposits: 0, withdrawals: 0, retries: 0, refusals: {} };
  const bought = [];
  const users = await createUsers(Array.from({ length: players }, (_, i) => `chaos-${seed}-${i}`));
  const started = await fetch(`${CONTROL}/chaos`, { method: 'POST', body: JSON.stringify({
    seed, writeFaultRate: 0.05, duplicateRate: 0.1, killEverySeconds: 15 }) }).then((r) => r.json());
  log(`chaos on: ${JSON.stringify(started.settings)}`);
  const deadline = Date.now() + seconds * 1000;
  const seeds = users.map(() => Math.floor(random() * 2 ** 31));
  await Promise.all(users.map((username, i) => player(username, generator(seeds[i]), deadline, stats, bought)));
  const dealt = await fetch(`${CONTROL}/chaos`, { method: 'DELETE' }).then((r) => r.json());
  log(`chaos off after ${seconds}s: dealt ${JSON.stringify(dealt.dealt)}; clients ${JSON.stringify(stats)}`);

  // Every draw that sold a ticket runs to its end: settled, or voided and refunded.
  const draws = [...new Set(bought.map((ticket) => ticket.drawId))];
  const end = Date.now() + settleMs;
  const final = {};
  for (const drawId of draws) {
    for (;;) {
      const draw = (await call('GET', `/v1/draws/${drawId}`, {})).body;
      if (draw.status === 'SETTLED' || draw.status === 'VOIDED') { final[drawId] = draw; break; }
      if (Date.now() > end) throw new Error(`${drawId} is still ${draw.status} after the run`);
      await sleep(2000);
    }
  }
  // Every accepted ticket exists, was bought before its cut-off, and has its outcome (read per player, side by side).
  const problems = [];
  const byPlayer = new Map();
  for (const ticket of bought) byPlayer.set(ticket.username, [...(byPlayer.get(ticket.username) ?? []), ticket]);
  await Promise.all([...byPlayer].map(async ([username, tickets]) => {
    const bearer = await token(username);
    for (const ticket of tickets) {
      let view;
      for (let i = 0; i < 60; i++) {
        view = await call('GET', `/v1/tickets/${encodeURIComponent(ticket.ticketId)}`, { bearer });
        if (view.status !== 200 || view.body.outcome || final[ticket.drawId].status === 'VOIDED') break;
        await sleep(1000);
      }
      if (view.status !== 200) { problems.push(`${ticket.ticketId}: ${view.status}`); continue; }
      if (Date.parse(view.body.purchasedAt) > Date.parse(ticket.cutOff)) problems.push(`${ticket.ticketId} bought after the cut-off`);
      if (final[ticket.drawId].status === 'SETTLED' && !view.body.outcome) problems.push(`${ticket.ticketId} has no outcome`);
    }
  }));
  const queues = await fetch(`${CONTROL}/queues`).then((r) => r.json());
  for (const queue of queues) {
    for (const dead of queue.deadLetters) problems.push(`dead letter in ${queue.name}: ${dead.body}`);
  }
  const audit = await fetch(`${CONTROL}/audit`).then((r) => r.json());
  return { stats, dealt: dealt.dealt, draws: Object.fromEntries(Object.entries(final).map(([id, d]) => [id, d.status])), problems, audit };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [seed = '1', seconds = '120', players = '8'] = process.argv.slice(2);
  runChaos({ seed: Number(seed), seconds: Number(seconds), players: Number(players), log: console.log }).then((result) => {
    console.log(JSON.stringify(result, null, 2));
    process.exit(result.problems.length === 0 && result.audit.holds ? 0 : 1);
  }, (error) => { console.error(`chaos run failed: ${error.stack}`); process.exit(1); });
}
