// The desktop app as a client of the school server, end to end in Chromium (docs/SERVER.md, "De app
// op een werkplek"): the window talks to the Electron door's school-server part
// (electron/schoolServerDoor.ts, given to the browser preview as its relay, as the passphrase test
// does with the start gate), which talks over a pinned HTTPS line to a real school server. On the
// first-run screen "Verbinden met de schoolserver": the address, the fingerprint to compare, the
// connection kept; then the same renderer logged in as a person (one-time password, own password,
// authenticator app), a report handed in that the server records under that person; another
// certificate refused and explained; and the way back to the single-PC app.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from './harness';
import type { E2EApp } from './harness';
import { firstLogin, serverA11y, startSchoolServer, waitVisible } from './serverHarness';
import type { ServerE2E } from './serverHarness';
import { createFirstAccount } from '../../src/main/server/accountsLink';
import { CLIENT_CONFIG_FILE, SchoolServerDoor } from '../../src/main/electron/schoolServerDoor';
import { APP_VERSION } from '../../src/main/school/status';
import { AUDIT_SUBMISSION } from '../../src/main/submissions/submissions';

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000 });

let s: ServerE2E;
let app: E2EApp;
let door: SchoolServerDoor;
let openDoor: () => void;
let configFile: string;
const localCalls: string[] = [];
const OWN_PASSWORD = 'de eigen zin van de rector 2026';

beforeAll(async () => {
  s = await startSchoolServer('sp-e2e-client-', { width: 1366, height: 768 });
  await s.server.core.invoke('school.loadDemo', {});
  configFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sp-e2e-client-app-')), CLIENT_CONFIG_FILE);
  app = await startApp({
    viewport: { width: 1366, height: 768 },
    relay: (core) => {
      const local = (method: string, input: unknown) => {
        localCalls.push(method);
        return core.invoke(method, input);
      };
      // As the Electron door reads schoolserver.json at start: openDoor() again is a restart of the app.
      openDoor = () => {
        door?.close();
        door = new SchoolServerDoor({
          configFile,
          appVersion: APP_VERSION,
          localHasSchool: async () => {
            const r = await core.invoke('app.status', {});
            return !r.ok || (r.value as { hasSchool: boolean }).hasSchool;
          },
        });
      };
      openDoor();
      return (method, input) => door.relay(local)(method, input);
    },
  });
});

afterAll(async () => {
  door?.close();
  await app?.close();
  await s?.close();
  if (configFile) fs.rmSync(path.dirname(configFile), { recursive: true, force: true });
});

describe('the desktop app connected to the school server', () => {
  it('connects from the first-run screen after the fingerprint is compared, and keeps only what was confirmed', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Verbinden', exact: true }).waitFor({ timeout: 20_000 });
    for (const width of [1024, 1366]) {
      await page.setViewportSize({ width, height: 768 });
      await app.screenshot(`client-eerste-scherm-${width}`);
    }
    expect(await app.checkA11y()).toEqual([]);
    await page.getByRole('button', { name: 'Verbinden', exact: true }).click();
    await page.getByLabel(/^Adres van de schoolserver/).fill('http://127.0.0.1:1');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await expect.poll(() => page.getByText('beveiligde verbinding').isVisible()).toBe(true);

    await page.getByLabel(/^Adres van de schoolserver/).fill(`127.0.0.1:${s.server.port}`);
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await waitVisible(page, 'server-found');
    expect(await page.getByTestId('probe-fingerprint').textContent()).toBe(s.server.fingerprint);
    expect(await page.getByTestId('server-found').textContent()).toContain(`https://127.0.0.1:${s.server.port}`);
    expect(fs.existsSync(configFile)).toBe(false); // nothing kept before the user confirms
    await app.screenshot('client-fingerprint');
    expect(await app.checkA11y()).toEqual([]);

    await page.getByRole('button', { name: 'Gelijk: verbinden' }).click();
    await waitVisible(page, 'login-screen');
    expect(page.url()).toContain('door=schoolserver');
    expect(await page.getByTestId('client-server').textContent()).toContain(`Schoolserver: https://127.0.0.1:${s.server.port}`);
    expect(JSON.parse(fs.readFileSync(configFile, 'utf8'))).toMatchObject({ vingerafdruk: s.server.fingerprint, vertrouwd: false });
    await app.screenshot('client-login');
    expect(await serverA11y(page)).toEqual([]);
  });

  it("works logged in as a person: the first login, the app with the server's school, a report recorded under that person", async () => {
    const { page } = app;
    const start = (await createFirstAccount(s.server.core, 'rector', 'schoolleider')).startwachtwoord;
    const callsBefore = localCalls.length;
    await firstLogin(page, 'rector', start, OWN_PASSWORD);
    // The server's demo school, not this computer's empty database.
    await expect.poll(() => page.getByRole('navigation').first().isVisible(), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => page.locator('body').textContent(), { timeout: 20_000 }).toContain('Overzicht');
    await app.screenshot('client-overzicht');

    // A report handed in through the short form: the server keeps it under the person logged in.
    await page.evaluate(() => ((globalThis as unknown as { location: { hash: string } }).location.hash = '#/melden'));
    await page.getByRole('heading', { name: 'Melding doen', level: 1 }).waitFor({ timeout: 20_000 });
    await page
      .getByRole('textbox', { name: 'Beschrijving' })
      .fill('Een filmpje van de gymles staat op TikTok, gemaakt zonder toestemming.');
    await page.getByRole('combobox', { name: 'Waar', exact: true }).click();
    await page.getByRole('option', { name: 'In school', exact: true }).click();
    await page.getByRole('combobox', { name: 'Platform', exact: true }).click();
    await page.getByRole('option', { name: 'WhatsApp', exact: true }).click();
    await page.getByTestId('melden-versturen').click();
    await page.getByText('Dank u wel').waitFor({ timeout: 20_000 });
    await app.screenshot('client-melding-verstuurd');

    // Nothing of it went to this computer's own core: every call went to the server.
    expect(localCalls.slice(callsBefore)).toEqual([]);

    // Mijn account names the server this computer works with.
    await page.evaluate(() => ((globalThis as unknown as { location: { hash: string } }).location.hash = '#/instellingen/mijn-account'));
    await poll(() => page.getByTestId('client-server').textContent()).toContain(`Schoolserver: https://127.0.0.1:${s.server.port}`);
    expect(localCalls.slice(callsBefore)).toEqual([]);
    const list = await s.server.core.invoke('submissions.list', {});
    if (!list.ok) throw new Error(list.error.message);
    expect(list.value.rows).toHaveLength(1);
    expect(list.value.rows[0].melder).toContain('rector');
    const audit = s.server.core.db.prepare('SELECT actor FROM audit_log WHERE entity = ? ORDER BY id').all(AUDIT_SUBMISSION) as {
      actor: string;
    }[];
    expect(audit.length).toBeGreaterThan(0);
    for (const a of audit) expect(a.actor).toContain('rector');
    expect(app.consoleErrors).toEqual([]);
  });

  it('refuses a server that shows another certificate, says so on the login screen, and sends nothing', async () => {
    const { page } = app;
    await page.keyboard.press('Control+l');
    await waitVisible(page, 'login-screen');
    // The certificate pinned at the first connection is no longer the one the server shows (as when
    // another computer answers at the address): the app restarts with that pin.
    const kept = JSON.parse(fs.readFileSync(configFile, 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(configFile, JSON.stringify({ ...kept, vingerafdruk: Array(32).fill('AB').join(':') }));
    openDoor();
    const sessionsBefore = s.server.sessions.size;
    await page.reload();
    await waitVisible(page, 'login-screen');
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Het certificaat van de schoolserver is veranderd');
    await page.getByLabel(/^Gebruikersnaam/).fill('rector');
    await page.getByLabel(/^Wachtwoord/).fill(OWN_PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Er is niets verstuurd');
    expect(s.server.sessions.size).toBe(sessionsBefore);
    await app.screenshot('client-certificaat-veranderd');
    expect(await serverA11y(page)).toEqual([]);
  });

  it('disconnects from the login screen and is the single-PC app again', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Verbinding verbreken' }).click();
    await page.getByTestId('client-server').getByRole('button', { name: 'Verbinding verbreken' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Demo-school laden' }).isVisible(), { timeout: 20_000 }).toBe(true);
    expect(page.url()).not.toContain('door=schoolserver');
    expect(fs.existsSync(configFile)).toBe(false);
    // The app asks its own core again.
    const before = localCalls.length;
    await page.getByRole('button', { name: 'Demo-school laden' }).click();
    await expect.poll(() => localCalls.slice(before)).toContain('school.loadDemo');
  });
});
