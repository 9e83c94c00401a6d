// The player's journey through the web app in a real browser: Debian's Chromium
// (/usr/bin/chromium) driven by playwright-core, against a running local-cloud that serves the
// built app (FAIRDRAW_WEBAPP=webapp/dist). Logs in on Keycloak's own login form, registers and
// passes the identity check when needed, sets a deposit limit when asked, deposits on the sandbox
// provider's payment page, buys every two-digit ending (TWO_D_BACK by BBFS, 100 lines over three
// tickets) and a 4D quick pick on the next 4D draw, waits for the result, sees the payout in the
// wallet, verifies the draw in the browser and saves screenshots.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.FAIRDRAW_CHROMIUM ?? '/usr/bin/chromium';

export async function browserJourney({ apiUrl, screenshotsDir, user = 'alice', log = () => {}, waitMs = 7 * 60_000 }) {
  mkdirSync(screenshotsDir, { recursive: true });
  const args = typeof process.getuid === 'function' && process.getuid() === 0 ? ['--no-sandbox'] : [];
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args });
  const shot = (page, name) => page.screenshot({ path: join(screenshotsDir, `${name}.png`), fullPage: name !== 'phone' });
  const result = {};
  try {
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    page.on('pageerror', (e) => log(`page error: ${e.message}`));

    // 1. Log in on Keycloak's form (authorization code + PKCE).
    await page.goto(`${apiUrl}/`);
    await page.getByRole('heading', { name: 'Games' }).waitFor();
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.locator('#username').waitFor();
    await page.locator('#username').fill(user);
    await page.locator('#password').fill(user);
    await shot(page, 'login');
    await page.locator('#kc-login').click();
    await page.getByRole('button', { name: /^Log out/ }).waitFor();
    log('logged in');

    // 2. Register and pass the identity check if this player is new; the wallet asks for them.
    await page.getByRole('link', { name: 'Wallet' }).click();
    // The wallet is there when its balance is: a heading alone may stand over an error or a page still loading.
    const registered = page.getByTestId('balance');
    const register = page.getByRole('heading', { name: 'Create your player account' });
    const identity = page.getByRole('heading', { name: 'Confirm your identity' });
    await settles(page, registered.or(register).or(identity), log);
    if (await register.isVisible()) {
      await page.getByLabel('Display name').fill(user);
      await page.getByLabel('Date of birth').fill('1990-05-17');
      await page.getByRole('button', { name: 'Register' }).click();
      await settles(page, registered.or(identity), log);
      log('registered');
    }
    if (await identity.isVisible()) {
      await page.getByLabel('Document', { exact: true }).selectOption('PASSPORT');
      await page.getByLabel('Document number').fill(`X${user.toUpperCase()}1234`);
      await page.getByLabel('Full name as on the document').fill(`${user} Example`);
      await page.getByLabel('Date of birth as on the document').fill('1990-05-17');
      await page.getByRole('button', { name: 'Check my identity' }).click();
      await registered.waitFor();
      log('identity checked');
    }

    // 3. Deposit: the deposit limit prompt at the first deposit, then the provider's page.
    await settles(page, page.getByTestId('balance'), log);
    const balanceBefore = await money(page.getByTestId('balance'));
    await page.getByLabel(/^Amount/).fill('200,000');
    await page.getByRole('button', { name: 'Deposit', exact: true }).click();
    const prompt = page.getByRole('heading', { name: 'Set a deposit limit first' });
    await prompt.or(page.getByRole('button', { name: /pay/i }).first()).waitFor();
    if (await prompt.isVisible()) {
      await page.getByLabel(/^Per day/).fill('5,000,000');
      await page.getByLabel(/^Per week/).fill('10,000,000');
      await page.getByLabel(/^Per month/).fill('20,000,000');
      await page.getByRole('button', { name: 'Set limit and continue' }).click();
      log('deposit limit set');
    }
    await page.waitForURL(/\/sandbox\/pay\//);
    await page.getByRole('button', { name: /^pay/i }).click();
    await page.waitForURL(`${apiUrl}/wallet`);
    result.funded = await until(page, 30_000, async () => {
      await page.reload();
      const b = await money(page.getByTestId('balance'));
      return b >= balanceBefore + 20_000_000 ? b : null;
    });
    log(`deposited; balance ${result.funded}`);

    // 4. Pick numbers: every 2D ending by BBFS, and a 4D quick pick.
    await page.getByRole('link', { name: 'Games' }).click();
    await page.getByRole('link', { name: 'Play 4D Jakarta' }).click();
    await page.getByRole('heading', { name: 'Pick your numbers' }).waitFor();
    await page.getByRole('button', { name: /^Empty the cart/ }).click().catch(() => {});
    await page.getByLabel('Bet type').selectOption('TWO_D_BACK');
    await page.getByLabel('Play as').selectOption('bbfs');
    await page.getByLabel('BBFS digits').fill('00112233445566778899');
    await page.getByText('100 lines').waitFor();
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.getByLabel('Bet type').selectOption('FOUR_D');
    await page.getByRole('button', { name: 'Quick pick' }).click();
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.getByTestId('cart-totals').filter({ hasText: '101 lines on 3 tickets' }).waitFor();
    // Buy with enough time before the cut-off; otherwise the next draw.
    await until(page, 4 * 60_000, async () => {
      const text = await page.locator('.countdown').first().textContent();
      const m = /Sales close in (?:(\d+):)?(\d+):(\d+)/.exec(text ?? '');
      if (!m) return null;
      const seconds = Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]);
      return seconds > 20 ? true : null;
    }, 1000);
    await shot(page, 'picker-cart');
    await page.getByRole('button', { name: /^Buy 3 tickets/ }).click();
    await page.getByText(/Bought 3 tickets for draw/).waitFor();
    const drawId = /for draw (\S+), paid/.exec(await page.getByText(/Bought 3 tickets for draw/).textContent())[1];
    result.drawId = drawId;
    log(`bought 3 tickets for ${drawId}`);

    // 5. My tickets, with the countdown to the draw.
    await page.getByRole('link', { name: 'See my tickets' }).click();
    await page.getByRole('heading', { name: 'My tickets' }).waitFor();
    await page.locator('.ticket').first().waitFor();
    await shot(page, 'my-tickets');

    // 6. The result as it is drawn (polling), and the payout.
    await page.getByRole('link', { name: drawId }).first().click();
    await page.getByRole('heading', { name: `Draw ${drawId}` }).waitFor();
    await page.getByTestId('payout').waitFor({ timeout: waitMs });
    result.numbers = (await page.getByTestId('numbers').getAttribute('aria-label')).replace('Drawn numbers ', '');
    result.payoutText = await page.getByTestId('payout').textContent();
    log(`drawn ${result.numbers}: ${result.payoutText}`);
    await shot(page, 'result');

    // 7. The wallet shows the winnings.
    await page.getByRole('link', { name: 'Wallet' }).click();
    await page.getByRole('cell', { name: 'Winnings' }).first().waitFor();
    result.after = await money(page.getByTestId('balance'));
    await shot(page, 'wallet');

    // 8. Verify the draw in the browser.
    await page.goto(`${apiUrl}/draws/${encodeURIComponent(drawId)}`);
    await page.getByRole('link', { name: 'Verify this draw' }).click();
    await page.getByTestId('verdict').waitFor({ timeout: 60_000 });
    result.verdict = await page.getByTestId('verdict').textContent();
    result.verifyText = await page.locator('main').textContent();
    await shot(page, 'verify');

    // 9. A phone-sized screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${apiUrl}/draws/${encodeURIComponent(drawId)}`);
    await page.getByTestId('payout').waitFor();
    await shot(page, 'phone');
    return result;
  } finally {
    await browser.close();
  }
}

/**
 * Waits for the page to show what a step leads to. If it does not within 30 s, the page's text
 * is logged (what a player would have seen) and the page is loaded again once, as a player would
 * reload it; a second miss fails the test.
 */
async function settles(page, expected, log) {
  try {
    await expected.waitFor({ timeout: 30_000 });
  } catch (missed) {
    log(`the page did not settle; it showed: ${(await page.locator('main').innerText().catch(() => '?')).slice(0, 400)}`);
    await page.reload();
    await expected.waitFor({ timeout: 30_000 });
  }
}

async function money(locator) {
  const text = await locator.textContent();
  const m = /([−-]?)[A-Z]{3} ([\d,]+)(?:\.(\d+))?/.exec(text ?? '');
  if (!m) throw new Error(`no amount in "${text}"`);
  return (m[1] ? -1 : 1) * Number(m[2].replace(/,/g, '') + (m[3] ?? ''));
}

async function until(page, timeoutMs, probe, pauseMs = 2000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`gave up after ${timeoutMs / 1000}s`);
    await page.waitForTimeout(pauseMs);
  }
}
