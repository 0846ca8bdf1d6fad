// What a role is offered on the school server (src/renderer/src/server/can.ts): each button shows
// only when the contract lets the logged-in role call its method (docs/SERVER.md, "Wat de rollen
// mogen"). The school leader sees "Nieuwe persoon", the exports, the dossier export, the letters and
// the audit trail; a mentor of 2A, on the same pages and the same pupil of 2A, sees none of them, and
// the person's details without a save button. In Chromium over HTTPS, as accounts.test.ts does.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifactsDir } from './harness';
import { firstLogin, serverA11y, startSchoolServer, waitVisible } from './serverHarness';
import type { ServerE2E } from './serverHarness';
import { createFirstAccount } from '../../src/main/server/accountsLink';
import type { Input, MethodName, Output } from '../../src/shared/api';

let s: ServerE2E;
let page: Page;
let rectorStart: string;
let mentorStart: string;
/** A pupil of 2A with a measure, and that incident. */
let pupilId: number;
let incidentId: number;
const WIDE = { width: 1366, height: 768 };

/** The core itself, as the single-PC school leader (to prepare data). */
async function core<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
  const r = await s.server.core.invoke(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
}

beforeAll(async () => {
  s = await startSchoolServer('sp-e2e-buttons-', WIDE);
  page = s.page;
  await core('school.loadDemo', {});
  rectorStart = (await createFirstAccount(s.server.core, 'rector', 'schoolleider')).startwachtwoord;
  const bas = (await core('people.list', { search: 'Bas Kuijpers', soort: ['medewerker'], limit: 5 })).rows[0];
  mentorStart = (await core('accounts.create', { personId: bas.id, rol: 'mentor', groepen: ['2A'] })).startwachtwoord;

  // A pupil of 2A with a measure (the letter button for the school leader) and a parent linked.
  const of2A = new Set(
    (await core('people.list', { soort: ['leerling'], limit: 500 })).rows.filter((p) => p.groep === '2A').map((p) => p.id),
  );
  for (const row of (await core('incidents.list', { limit: 500 })).rows) {
    const full = await core('incidents.get', { id: row.id });
    const m = full.maatregelen.find((x) => of2A.has(x.personId) && x.status !== 'ingetrokken');
    if (m && (await core('people.get', { id: m.personId })).koppelingen.length > 0) {
      pupilId = m.personId;
      incidentId = full.id;
      break;
    }
  }
  expect(pupilId).toBeGreaterThan(0);
});

afterAll(async () => {
  await s?.close();
});

const go = async (route: string) => {
  await page.goto(`${s.url}#${route}`);
};
const count = (testId: string) => page.getByTestId(testId).count();
const buttons = (name: string | RegExp) => page.getByRole('button', { name }).count();
const links = (name: string | RegExp) => page.getByRole('link', { name }).count();

/** Personen with its grid loaded. */
async function personen() {
  await go('/personen');
  await page.locator('.ag-row').first().waitFor({ timeout: 20_000 });
}

/** A pupil's dossier, loaded. */
async function dossier() {
  await go(`/personen/${pupilId}/dossier`);
  await waitVisible(page, 'dossier-tijdlijn');
}

/** A pupil's details, loaded. */
async function person() {
  await go(`/personen/${pupilId}`);
  await expect.poll(() => page.getByLabel(/^Voornaam/).count(), { timeout: 20_000 }).toBe(1);
}

/** The incident, loaded. */
async function incident() {
  await go(`/meldingen/${incidentId}`);
  await waitVisible(page, 'maatregelen');
}

describe('buttons by role on the school server', () => {
  it('the school leader sees every action: new person, exports, dossier export, letters, audit trail, save', async () => {
    await page.goto(s.url);
    await firstLogin(page, 'rector', rectorStart, 'de-rector-kiest-een-lange-zin');
    await waitVisible(page, 'hoofdmenu');

    await personen();
    expect(await count('persoon-nieuw')).toBe(1);
    expect(await count('export-knop')).toBe(1);

    await dossier();
    expect(await count('dossier-export')).toBe(1);
    expect(await links('Gegevens wijzigen')).toBe(1);
    expect(await page.getByRole('region', { name: 'Wijzigingsgeschiedenis' }).count()).toBe(1);

    await person();
    expect(await count('persoon-opslaan')).toBe(1);
    expect(await count('audit-trail')).toBe(1);
    expect(await page.getByLabel(/^Voornaam/).isDisabled()).toBe(false);
    expect(await buttons(/ontkoppelen$/)).toBeGreaterThan(0);

    await incident();
    expect(await count('brief-maken')).toBeGreaterThan(0);
    expect(await buttons('Maatregel toevoegen')).toBe(1);
    expect(await buttons('Melding aan instantie toevoegen')).toBe(1);
    expect(await count('melding-opslaan')).toBe(1);

    await go('/meldingen');
    await page.locator('.ag-row').first().waitFor({ timeout: 20_000 });
    expect(await count('export-knop')).toBe(1);
    expect(await links('Nieuwe melding')).toBe(1);
  });

  it('a mentor of 2A sees the same pages without what the contract keeps from a mentor', async () => {
    await page.keyboard.press('Control+l');
    await waitVisible(page, 'login-screen');
    await firstLogin(page, 'bkuijpers', mentorStart, 'mentor-van-twee-a-met-een-zin');
    await waitVisible(page, 'hoofdmenu');

    await personen();
    expect(await count('persoon-nieuw')).toBe(0);
    expect(await links('Nieuwe persoon')).toBe(0);
    expect(await count('export-knop')).toBe(0);
    expect(await buttons('Exporteren')).toBe(0);
    // The grid itself stays: the pupils of 2A.
    expect(await page.locator('.ag-row').count()).toBeGreaterThan(0);
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(artifactsDir, 'buttons-mentor-personen-1366.png') });
    expect(await serverA11y(page)).toEqual([]);

    // A pupil of 2A: the dossier reads, but nothing leaves the school and nothing is changed.
    await dossier();
    expect(await count('dossier-export')).toBe(0);
    expect(await links('Gegevens wijzigen')).toBe(0);
    expect(await page.getByRole('region', { name: 'Wijzigingsgeschiedenis' }).count()).toBe(0);
    expect(await page.getByTestId('dossier-tijdlijn').isVisible()).toBe(true);
    await page.screenshot({ path: path.join(artifactsDir, 'buttons-mentor-dossier-1366.png') });

    await person();
    expect(await count('persoon-opslaan')).toBe(0);
    expect(await count('audit-trail')).toBe(0);
    expect(await buttons(/ontkoppelen$/)).toBe(0);
    expect(await page.getByLabel(/^Voornaam/).isDisabled()).toBe(true);
    // The parent still shows, unchangeable.
    expect(await page.getByTestId('koppelingen').count()).toBe(1);
    await page.screenshot({ path: path.join(artifactsDir, 'buttons-mentor-persoon-1366.png'), fullPage: true });

    // The incident: the mentor may change it (save stays) but makes no measure, report or letter.
    await incident();
    expect(await count('brief-maken')).toBe(0);
    expect(await buttons('Maatregel toevoegen')).toBe(0);
    expect(await buttons('Melding aan instantie toevoegen')).toBe(0);
    expect(await count('audit-trail')).toBe(0);
    expect(await count('melding-opslaan')).toBe(1);
    expect(await page.getByRole('button', { name: /^Bewerken/ }).count()).toBe(0);

    await go('/meldingen');
    await page.locator('.ag-row').first().waitFor({ timeout: 20_000 });
    expect(await count('export-knop')).toBe(0);
    expect(await links('Nieuwe melding')).toBe(1);

    // Protocols: the mentor reads a version's rules (read-only), never changes one.
    await go('/instellingen/protocollen');
    const view = page.getByRole('button', { name: /bekijken$/ }).first();
    await view.waitFor({ timeout: 20_000 });
    expect(await buttons(/wijzigen$/)).toBe(0);
    expect(await buttons('Lege versie')).toBe(0);
    await view.click();
    const editor = page.getByRole('region', { name: 'Protocolversie bewerken' });
    await editor.getByRole('textbox').first().waitFor({ timeout: 20_000 });
    expect(await editor.getByRole('textbox').first().isDisabled()).toBe(true);
    expect(await editor.getByRole('button', { name: 'Opslaan' }).count()).toBe(0);
    expect(await editor.getByRole('button', { name: 'Sluiten' }).isEnabled()).toBe(true);
    await page.screenshot({ path: path.join(artifactsDir, 'buttons-mentor-protocol-1366.png') });

    // Nothing the mentor was shown was refused by the core.
    expect(s.consoleErrors.filter((e) => !/401|Failed to load resource/.test(e))).toEqual([]);
  });
});
