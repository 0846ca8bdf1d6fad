// The school server in Chromium (src/main/server/, docs/SERVER.md): the built renderer over HTTPS
// with the server's self-signed certificate (accepted here with ignoreHTTPSErrors, for the test
// only), the login page with the certificate's fingerprint, the one-time password replaced, the
// authenticator app set up from the secret on screen, the app itself, and the lock as a logout.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { Secret, TOTP } from 'otpauth';
import { CHROMIUM, CHROMIUM_ARGS, artifactsDir, repoRoot, staticDir } from './harness';
import { startServer } from '../../src/main/server/server';
import type { SchoolServer } from '../../src/main/server/server';
import { selfSignedCertificate } from '../../src/main/server/tls';
import { accountsAuthenticator, createFirstAccount, sessionStillValid } from '../../src/main/server/accountsLink';

let dir: string;
let server: SchoolServer;
let browser: Browser;
let page: Page;
let startwachtwoord: string;
const consoleErrors: string[] = [];
const NEW_PASSWORD = 'een-lang-eigen-wachtwoord-2026';

beforeAll(async () => {
  if (!fs.existsSync(path.join(staticDir, 'index.html')))
    throw new Error('The renderer build is missing: run `npx electron-vite build` first.');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-e2e-server-'));
  const certificate = await selfSignedCertificate(dir, ['127.0.0.1', 'localhost']);
  server = await startServer({
    dbPath: path.join(dir, 'schoolprotocol.db'),
    key: randomBytes(32).toString('hex'),
    create: true,
    port: 0,
    listen: '127.0.0.1',
    hostNames: ['127.0.0.1', 'localhost'],
    certificate,
    staticDir,
    authenticate: accountsAuthenticator,
    stillValid: sessionStillValid,
    log: () => {},
    automaticBackups: false,
  });
  startwachtwoord = (await createFirstAccount(server.core, 'rector', 'schoolleider')).startwachtwoord;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ ignoreHTTPSErrors: true, locale: 'nl-NL', viewport: { width: 1280, height: 860 } });
  page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
  fs.mkdirSync(artifactsDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close().catch(() => {});
  await server?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** axe-core's serious and critical findings on the page (evaluated past the CSP, as the harness does). */
async function a11y(): Promise<string[]> {
  await page.evaluate(fs.readFileSync(path.join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string | null }[] }> } }).axe;
    const r = await axe.run();
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
  });
}

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
