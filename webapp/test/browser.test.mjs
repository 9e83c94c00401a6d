// Runs the browser journey against an already running local-cloud that serves the built app:
//
//   FAIRDRAW_WEBAPP=$PWD/webapp/dist local-cloud/start          (in another terminal)
//   cd webapp && npm run build && FAIRDRAW_API_PORT=8080 node --test test/browser.test.mjs
//
// Screenshots go to docs/webapp/ (FAIRDRAW_SCREENSHOTS moves them).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { browserJourney } from './browser.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

test('a player logs in, deposits, buys, sees the result and the payout, and verifies the draw', { timeout: 12 * 60_000 }, async () => {
  const result = await browserJourney({
    apiUrl: `http://localhost:${process.env.FAIRDRAW_API_PORT ?? 8080}`,
    screenshotsDir: process.env.FAIRDRAW_SCREENSHOTS ?? join(ROOT, 'docs', 'webapp'),
    user: process.env.FAIRDRAW_USER ?? 'alice',
    log: (line) => console.log(line),
  });
  assert.match(result.payoutText, /You won/);
  // local-cloud draws on the local test beacon: the heading says what that does not prove.
  assert.match(result.verdict, /Verifies except the beacon/);
  assert.ok(result.after > result.funded - 7_134_000, 'the winnings came back into the wallet');
});
