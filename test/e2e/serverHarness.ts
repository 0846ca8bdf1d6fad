// The school server in Chromium for the end-to-end tests (docs/SERVER.md): a real server over HTTPS
// with its self-signed certificate (accepted here with ignoreHTTPSErrors, for the tests only) on a
// fresh database in a temp folder, the built renderer (harness.ts staticDir), accounts through the
// core's own login, and the helpers the server tests share: axe-core past the CSP and the first
// login of an account (start password, own password, authenticator app from the secret on screen).
//
//   const s = await startSchoolServer('sp-e2e-x-', { width: 1366, height: 768 });
//   const start = (await createFirstAccount(s.server.core, 'rector', 'schoolleider')).startwachtwoord;
//   await s.page.goto(s.url);
//   await firstLogin(s.page, 'rector', start, 'een-lange-eigen-zin');
//   await s.close();
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Secret, TOTP } from 'otpauth';
import { CHROMIUM, CHROMIUM_ARGS, artifactsDir, repoRoot, staticDir } from './harness';
import type { SchoolServer } from '../../src/main/server/server';
import { startTestServer, testCertificate } from '../support/schoolServer';

export interface ServerE2E {
  dir: string;
  server: SchoolServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** https://127.0.0.1:<port>/ */
  url: string;
  /** console.error messages and uncaught page errors seen so far. */
  consoleErrors: string[];
  close(): Promise<void>;
}

/** A school server on a fresh database, and Chromium with one page (not yet opened). */
export async function startSchoolServer(
  prefix: string,
  viewport: { width: number; height: number },
  opts: { clipboard?: boolean } = {},
): Promise<ServerE2E> {
  if (!fs.existsSync(path.join(staticDir, 'index.html')))
    throw new Error('The renderer build is missing: run `npx electron-vite build` first.');
  const certs = await testCertificate(`${prefix}cert-`);
  const { server, dir, close } = await startTestServer({ certificate: certs.certificate, staticDir, prefix });
  const url = `https://127.0.0.1:${server.port}/`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ ignoreHTTPSErrors: true, locale: 'nl-NL', viewport });
  if (opts.clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: `https://127.0.0.1:${server.port}` });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
  fs.mkdirSync(artifactsDir, { recursive: true });
  return {
    dir,
    server,
    browser,
    context,
    page,
    url,
    consoleErrors,
    async close() {
      await browser.close().catch(() => {});
      await close();
      certs.remove();
    },
  };
}

/** axe-core's serious and critical findings on the page (evaluated past the CSP, as the harness does). */
export async function serverA11y(page: Page): Promise<string[]> {
  await page.evaluate(fs.readFileSync(path.join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    type Violation = { id: string; impact: string | null; nodes: { target: unknown[] }[] };
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: Violation[] }> } }).axe;
    const r = await axe.run();
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => String(n.target[0])).join(', ')}`);
  });
}

/** Waits until the element with this test id shows. */
export const waitVisible = (page: Page, testId: string) =>
  expect.poll(() => page.getByTestId(testId).isVisible(), { timeout: 20_000 }).toBe(true);

/** Login with a start password, a password of one's own, and the authenticator app from the secret shown; returns the secret. */
export async function firstLogin(page: Page, gebruikersnaam: string, startwachtwoord: string, eigen: string): Promise<string> {
  await waitVisible(page, 'login-screen');
  await page.getByLabel(/^Gebruikersnaam/).fill(gebruikersnaam);
  await page.getByLabel(/^Wachtwoord/).fill(startwachtwoord);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await waitVisible(page, 'password-screen');
  await page.getByLabel(/^Eenmalig wachtwoord/).fill(startwachtwoord);
  await page.getByLabel(/^Nieuw wachtwoord( \*)?$/).fill(eigen);
  await page.getByLabel(/^Nieuw wachtwoord nogmaals/).fill(eigen);
  await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  await waitVisible(page, 'totp-screen');
  await expect
    .poll(async () => (await page.getByTestId('totp-secret').textContent()) ?? '', { timeout: 15_000 })
    .toMatch(/^[A-Z2-7]{16,}$/);
  const secret = (await page.getByTestId('totp-secret').textContent())!;
  await page.getByLabel(/^Code uit de app/).fill(new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate());
  await page.getByRole('button', { name: 'Bevestigen' }).click();
  return secret;
}
