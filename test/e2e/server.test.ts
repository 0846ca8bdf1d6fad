// The school server in Chromium (src/main/server/, docs/SERVER.md): the built renderer over HTTPS
// with the server's self-signed certificate (accepted here with ignoreHTTPSErrors, for the test
// only), the login page with the certificate's fingerprint, the one-time password replaced, the
// authenticator app set up from the secret on screen, the app itself, and the lock as a logout.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Secret, TOTP } from 'otpauth';
import { artifactsDir } from './harness';
import { serverA11y, startSchoolServer } from './serverHarness';
import type { ServerE2E } from './serverHarness';
import type { SchoolServer } from '../../src/main/server/server';
import { createFirstAccount } from '../../src/main/server/accountsLink';

let s: ServerE2E;
let server: SchoolServer;
let page: Page;
let startwachtwoord: string;
let consoleErrors: string[];
const NEW_PASSWORD = 'een-lang-eigen-wachtwoord-2026';

beforeAll(async () => {
  s = await startSchoolServer('sp-e2e-server-', { width: 1280, height: 860 });
  ({ server, page, consoleErrors } = s);
  startwachtwoord = (await createFirstAccount(server.core, 'rector', 'schoolleider')).startwachtwoord;
});

afterAll(async () => {
  await s?.close();
});

const a11y = () => serverA11y(page);

describe('the school server in the browser', () => {
  it('logs in through the login page, replaces the one-time password, sets up the app and opens the app', async () => {
    await page.goto(`https://127.0.0.1:${server.port}/`);
    const login = page.getByTestId('login-screen');
    await expect.poll(() => login.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByTestId('fingerprint').textContent()).toBe(server.fingerprint);
    await page.screenshot({ path: path.join(artifactsDir, 'server-login.png'), fullPage: true });
    expect(await a11y()).toEqual([]);

    // A wrong password: the Dutch refusal, still on the login page.
    await page.getByLabel(/^Gebruikersnaam/).fill('rector');
    await page.getByLabel(/^Wachtwoord/).fill('niet-het-goede-wachtwoord');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect.poll(() => page.getByTestId('login-screen').textContent(), { timeout: 10_000 }).toContain('klopt niet');

    await page.getByLabel(/^Wachtwoord/).fill(startwachtwoord);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect.poll(() => page.getByTestId('password-screen').isVisible(), { timeout: 15_000 }).toBe(true);
    await page.getByLabel(/^Eenmalig wachtwoord/).fill(startwachtwoord);
    await page.getByLabel(/^Nieuw wachtwoord( \*)?$/).fill(NEW_PASSWORD);
    await page.getByLabel(/^Nieuw wachtwoord nogmaals/).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();

    await expect.poll(() => page.getByTestId('totp-screen').isVisible(), { timeout: 15_000 }).toBe(true);
    await expect
      .poll(async () => (await page.getByTestId('totp-secret').textContent()) ?? '', { timeout: 15_000 })
      .toMatch(/^[A-Z2-7]{16,}$/);
    expect(await page.getByRole('img', { name: 'QR-code voor de authenticator-app' }).getAttribute('src')).toMatch(
      /^data:image\/gif;base64,/,
    );
    await page.screenshot({ path: path.join(artifactsDir, 'server-totp.png'), fullPage: true });
    expect(await a11y()).toEqual([]);
    const secret = (await page.getByTestId('totp-secret').textContent())!;
    const code = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate();
    await page.getByLabel(/^Code uit de app/).fill(code);
    await page.getByRole('button', { name: 'Bevestigen' }).click();

    // The app itself: no school yet, so its first-run screen; the "who is working" question is not asked.
    await expect.poll(() => page.getByRole('button', { name: 'Demo-school laden' }).isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await page.getByText('Wie werkt er?').count()).toBe(0);
    await page.screenshot({ path: path.join(artifactsDir, 'server-app.png'), fullPage: true });
  });

  it('a lock (Ctrl+L) logs out: back to the login page, and the old session is gone', async () => {
    await page.keyboard.press('Control+l');
    await expect.poll(() => page.getByTestId('login-screen').isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => page.getByText('U bent uitgelogd').isVisible(), { timeout: 15_000 }).toBe(true);
    await page.reload();
    await expect.poll(() => page.getByTestId('login-screen').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(server.sessions.size).toBe(0);
    expect(consoleErrors.filter((e) => !/401|Failed to load resource/.test(e))).toEqual([]);
  });
});
