// Instellingen → Accounts on the school server (docs/SERVER.md, "Accounts en inloggen"), in Chromium
// over HTTPS as server.test.ts does: the first school leader logs in and adds a mentor for group 2A
// from the staff roster; the one-time start password is shown once; the mentor logs in with it,
// chooses a password, sets up the authenticator app (the code computed here from the secret on
// screen) and then sees only the pupils of 2A in Personen. Screenshots at 1366×768 and 1024×768.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Secret, TOTP } from 'otpauth';
import { artifactsDir } from './harness';
import { firstLogin as firstLoginOn, serverA11y, startSchoolServer, waitVisible } from './serverHarness';
import type { ServerE2E } from './serverHarness';
import type { SchoolServer } from '../../src/main/server/server';
import { createFirstAccount } from '../../src/main/server/accountsLink';
import type { Page as RowsPage } from '../../src/shared/api';
import type { PersonRow } from '../../src/shared/api/people';

let s: ServerE2E;
let server: SchoolServer;
let page: Page;
let rectorStart: string;
let mentorStart: string;
let rectorSecret: string;
let consoleErrors: string[];
const WIDE = { width: 1366, height: 768 };
const NARROW = { width: 1024, height: 768 };
const RECTOR_PASSWORD = 'de-rector-kiest-een-lange-zin';
const MENTOR_PASSWORD = 'mentor-van-twee-a-met-een-zin';

beforeAll(async () => {
  s = await startSchoolServer('sp-e2e-accounts-', WIDE, { clipboard: true });
  ({ server, page, consoleErrors } = s);
  rectorStart = (await createFirstAccount(server.core, 'rector', 'schoolleider')).startwachtwoord;
});

afterAll(async () => {
  await s?.close();
});

const a11y = () => serverA11y(page);
const shot = (name: string) => page.screenshot({ path: path.join(artifactsDir, `${name}.png`), fullPage: true });
const visible = (testId: string) => waitVisible(page, testId);
const firstLogin = (gebruikersnaam: string, startwachtwoord: string, eigen: string) =>
  firstLoginOn(page, gebruikersnaam, startwachtwoord, eigen);

describe('accounts on the school server', () => {
  it('the first school leader logs in, loads the school and adds a mentor for 2A; the start password shows once', async () => {
    await page.goto(`https://127.0.0.1:${server.port}/`);
    rectorSecret = await firstLogin('rector', rectorStart, RECTOR_PASSWORD);
    await expect.poll(() => page.getByRole('button', { name: 'Demo-school laden' }).isVisible(), { timeout: 20_000 }).toBe(true);
    await page.getByRole('button', { name: 'Demo-school laden' }).click();
    await expect.poll(() => page.getByTestId('hoofdmenu').isVisible(), { timeout: 30_000 }).toBe(true);

    await page.goto(`https://127.0.0.1:${server.port}/#/instellingen/accounts`);
    await visible('accounts-table');
    expect(await page.getByRole('tab', { name: 'Accounts' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.getByRole('tab', { name: 'Mijn account' }).count()).toBe(1);
    const rector = page.getByTestId('account-rector');
    expect(await rector.textContent()).toContain('Schoolleider');
    expect(await rector.textContent()).toContain('Ingesteld');

    await page.getByRole('button', { name: 'Account toevoegen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Account toevoegen' });
    await dialog.waitFor();
    // The roster's staff; a mentor's role without a group is refused by the core, at the groups.
    await dialog.getByLabel(/^Medewerker/).fill('Bas');
    await page.getByRole('option', { name: /Bas Kuijpers/ }).click();
    await dialog.getByLabel(/^Rol/).click();
    await page.getByRole('option', { name: 'Mentor' }).click();
    await dialog.getByRole('button', { name: 'Account maken' }).click();
    await expect.poll(() => dialog.textContent(), { timeout: 10_000 }).toContain('Kies minstens één groep');
    await dialog.getByLabel(/^Groepen/).fill('2A');
    await dialog.getByLabel(/^Groepen/).press('Enter');
    await page.setViewportSize(NARROW);
    await shot('accounts-toevoegen-1024');
    expect(await a11y()).toEqual([]);
    await page.setViewportSize(WIDE);
    await dialog.getByRole('button', { name: 'Account maken' }).click();

    const shown = page.getByTestId('startwachtwoord');
    await shown.waitFor({ timeout: 20_000 });
    mentorStart = ((await shown.textContent()) ?? '').trim();
    expect(mentorStart).toMatch(/^[a-z0-9]{4}(-[a-z0-9]{4}){3}$/);
    const startDialog = page.getByTestId('start-password');
    expect(await startDialog.textContent()).toContain('maar één keer');
    expect(await startDialog.textContent()).toContain('bkuijpers');
    await startDialog.getByRole('button', { name: 'Wachtwoord kopiëren' }).click();
    await expect.poll(() => startDialog.getByRole('button', { name: 'Gekopieerd' }).count()).toBe(1);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(mentorStart);
    await shot('accounts-startwachtwoord-1366');
    expect(await a11y()).toEqual([]);
    await page.getByRole('button', { name: 'Ik heb het wachtwoord genoteerd' }).click();
    await expect.poll(() => page.getByTestId('start-password').count()).toBe(0);

    // Once: the list (and its dialog) never show it again.
    const row = page.getByTestId('account-bkuijpers');
    await row.waitFor();
    expect(await row.textContent()).toContain('Mentor');
    expect(await row.textContent()).toContain('2A');
    expect(await row.textContent()).toContain('Nog instellen');
    expect(await row.textContent()).toContain('Nog niet ingelogd');
    expect(await page.content()).not.toContain(mentorStart);
    await row.getByRole('button', { name: /beheren/ }).click();
    await page.getByRole('dialog', { name: /Account van Bas Kuijpers/ }).waitFor();
    expect(await page.content()).not.toContain(mentorStart);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    for (const size of [WIDE, NARROW]) {
      await page.setViewportSize(size);
      await page.waitForTimeout(300);
      await shot(`accounts-lijst-${size.width}`);
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
      expect(sideways, `${size.width}`).toBe(false);
    }
    await page.setViewportSize(WIDE);
    expect(await a11y()).toEqual([]);
  });

  it('the mentor logs in with the start password, sets up the app, and sees only the pupils of 2A', async () => {
    await page.keyboard.press('Control+l');
    await visible('login-screen');
    await firstLogin('bkuijpers', mentorStart, MENTOR_PASSWORD);
    await expect.poll(() => page.getByTestId('hoofdmenu').isVisible(), { timeout: 20_000 }).toBe(true);

    // What 2A holds, from the core itself (as the single-PC school leader).
    const r = await server.core.invoke('people.list', { soort: ['leerling'], limit: 500 } as never);
    if (!r.ok) throw new Error(r.error.message);
    const all = (r.value as RowsPage<PersonRow>).rows;
    const of2A = all.filter((p) => p.groep === '2A').map((p) => p.naam);
    expect(of2A.length).toBeGreaterThan(0);
    expect(all.length).toBeGreaterThan(of2A.length);

    await page.goto(`https://127.0.0.1:${server.port}/#/personen`);
    const rows = page.locator('.ag-row');
    await rows
      .first()
      .waitFor({ timeout: 20_000 })
      .catch(async (e: unknown) => {
        await shot('accounts-mentor-personen-fout');
        throw e;
      });
    const pupils = async () =>
      page.locator('.ag-row').evaluateAll((els) =>
        els
          .map((e) => ({
            naam: e.querySelector('[col-id="naam"]')?.textContent ?? '',
            soort: e.querySelector('[col-id="soort"]')?.textContent ?? '',
            groep: e.querySelector('[col-id="groep"]')?.textContent ?? '',
          }))
          .filter((p) => p.soort === 'Leerling'),
      );
    await expect.poll(async () => (await pupils()).length, { timeout: 15_000 }).toBe(of2A.length);
    const seen = await pupils();
    expect(seen.map((p) => p.groep).every((g) => g === '2A')).toBe(true);
    expect(seen.map((p) => p.naam).sort()).toEqual([...of2A].sort());
    await shot('accounts-mentor-personen-1366');

    // The mentor has no Accounts tab, only Mijn account (the core would refuse accounts.list).
    await page.goto(`https://127.0.0.1:${server.port}/#/instellingen/mijn-account`);
    await visible('mijn-account');
    expect(await page.getByRole('tab', { name: 'Accounts' }).count()).toBe(0);
    expect(await page.getByTestId('mijn-account').textContent()).toContain('bkuijpers');
    expect(await page.getByTestId('mijn-account').textContent()).toContain('2A');
    // A wrong current password: said at that field, in Dutch.
    await page.getByLabel(/^Huidig wachtwoord/).fill('niet-het-goede-wachtwoord');
    await page.getByLabel(/^Nieuw wachtwoord( \*)?$/).fill('een-heel-ander-lang-wachtwoord');
    await page.getByLabel(/^Nieuw wachtwoord nogmaals/).fill('een-heel-ander-lang-wachtwoord');
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await expect
      .poll(() => page.getByTestId('mijn-account').textContent(), { timeout: 10_000 })
      .toContain('Het huidige wachtwoord klopt niet.');
    for (const size of [WIDE, NARROW]) {
      await page.setViewportSize(size);
      await page.waitForTimeout(300);
      await shot(`accounts-mijn-account-${size.width}`);
    }
    await page.setViewportSize(WIDE);
    expect(await a11y()).toEqual([]);
    expect(consoleErrors.filter((e) => !/401|Failed to load resource/.test(e))).toEqual([]);
  });

  it("the school leader clears the mentor's lost phone and gives a new start password, shown once", async () => {
    await page.keyboard.press('Control+l');
    await visible('login-screen');
    await page.getByLabel(/^Gebruikersnaam/).fill('rector');
    await page.getByLabel(/^Wachtwoord/).fill(RECTOR_PASSWORD);
    // The code of the next 30 seconds: the one of the set-up's step may not be used twice.
    const next = new TOTP({ secret: Secret.fromBase32(rectorSecret), digits: 6, period: 30 }).generate({ timestamp: Date.now() + 30_000 });
    await page.getByLabel(/^Code uit de authenticator-app/).fill(next);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect.poll(() => page.getByTestId('hoofdmenu').isVisible(), { timeout: 20_000 }).toBe(true);
    await page.goto(`https://127.0.0.1:${server.port}/#/instellingen/accounts`);
    const row = page.getByTestId('account-bkuijpers');
    await row.waitFor({ timeout: 20_000 });
    expect(await row.textContent()).toContain('Ingesteld');

    await row.getByRole('button', { name: /beheren/ }).click();
    const dialog = page.getByRole('dialog', { name: /Account van Bas Kuijpers/ });
    await dialog.waitFor();
    await shot('accounts-beheren-1366');
    await dialog.getByRole('button', { name: 'Tweestapsverificatie wissen' }).click();
    expect(await dialog.textContent()).toContain('Weet u het zeker?');
    await dialog.getByRole('button', { name: 'Tweestapsverificatie wissen' }).click();
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain('Nog instellen');
    await expect.poll(() => dialog.textContent()).toContain('niets te wissen');

    await dialog.getByRole('button', { name: 'Nieuw startwachtwoord geven' }).click();
    await dialog.getByRole('button', { name: 'Nieuw startwachtwoord geven' }).click();
    const shown = page.getByTestId('startwachtwoord');
    await shown.waitFor({ timeout: 20_000 });
    const again = ((await shown.textContent()) ?? '').trim();
    expect(again).toMatch(/^[a-z0-9]{4}(-[a-z0-9]{4}){3}$/);
    expect(again).not.toBe(mentorStart);
    await page.getByRole('button', { name: 'Ik heb het wachtwoord genoteerd' }).click();
    await expect.poll(() => page.getByTestId('start-password').count()).toBe(0);
    expect(await page.content()).not.toContain(again);
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain('Nog niet ingelogd');
    expect(await a11y()).toEqual([]);
    expect(consoleErrors.filter((e) => !/401|Failed to load resource/.test(e))).toEqual([]);
  });
});
