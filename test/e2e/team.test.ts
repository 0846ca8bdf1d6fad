// A school team on one school server, end to end in Chromium with two browser contexts (docs/SERVER.md):
// the mentor of 2A reports what they saw through the short form; the school leader (the registrar)
// finds it in the queue and accepts it, so it becomes an incident with the reporter kept; the
// mentor cannot open a pupil of another group; and when both save the same incident, the second
// gets the conflict dialog with both versions and nothing is lost.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { artifactsDir } from './harness';
import { firstLogin, serverA11y, startSchoolServer } from './serverHarness';
import type { ServerE2E } from './serverHarness';
import { createFirstAccount } from '../../src/main/server/accountsLink';
import type { Incident } from '../../src/shared/api/incidents';

const VIEWPORT = { width: 1366, height: 768 };
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000 });

let s: ServerE2E;
let leader: Page;
let mentorContext: BrowserContext;
let mentor: Page;
const mentorErrors: string[] = [];
let victim: { id: number; naam: string };
let otherGroupPupil: { id: number; naam: string };
let staff: { id: number; naam: string };
let incidentId = 0;
let rectorStart = '';
let mentorStart = '';

async function invoke<T>(method: string, input: unknown): Promise<T> {
  const r = await s.server.core.invoke(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as T;
}

async function choose(page: Page, label: string, option: string | RegExp, scope: Page | ReturnType<Page['locator']> = page) {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(artifactsDir, `${name}.png`) });

beforeAll(async () => {
  s = await startSchoolServer('sp-e2e-team-', VIEWPORT);
  leader = s.page;
  await invoke('school.loadDemo', {});
  type Row = { id: number; naam: string; groep: string | null; soort: string };
  const people = (await invoke<{ rows: Row[] }>('people.list', { limit: 500 })).rows;
  const pupils = people.filter((p) => p.soort === 'leerling');
  victim = pupils.find((p) => p.groep === '2A')!;
  otherGroupPupil = pupils.find((p) => p.groep && p.groep !== '2A')!;
  staff = people.find((p) => p.soort === 'medewerker')!;
  expect(victim && otherGroupPupil && staff).toBeTruthy();

  rectorStart = (await createFirstAccount(s.server.core, 'rector', 'schoolleider')).startwachtwoord;
  const made = await invoke<{ startwachtwoord: string }>('accounts.create', {
    personId: staff.id,
    gebruikersnaam: 'mentor2a',
    rol: 'mentor',
    groepen: ['2A'],
  });
  mentorStart = made.startwachtwoord;

  mentorContext = await s.browser.newContext({ ignoreHTTPSErrors: true, locale: 'nl-NL', viewport: VIEWPORT });
  mentor = await mentorContext.newPage();
  mentor.on('console', (m) => {
    if (m.type() === 'error') mentorErrors.push(m.text());
  });
  mentor.on('pageerror', (e) => mentorErrors.push(`pageerror: ${e.message}`));
}, 120_000);

afterAll(async () => {
  await mentorContext?.close().catch(() => {});
  await s?.close();
});

describe('a school team on one server', () => {
  it('the school leader and the mentor log in at the same time, each in their own browser', async () => {
    await Promise.all([leader.goto(s.url), mentor.goto(s.url)]);
    await firstLogin(leader, 'rector', rectorStart, 'de eigen zin van de rector 2026');
    await firstLogin(mentor, 'mentor2a', mentorStart, 'de eigen zin van de mentor 2026');
    await poll(() => leader.getByTestId('hoofdmenu').isVisible()).toBe(true);
    await poll(() => mentor.getByTestId('hoofdmenu').isVisible()).toBe(true);
    expect(s.server.sessions.size).toBe(2);
  });

  it('the mentor reports what they saw; the registrar accepts it and the incident keeps the reporter', async () => {
    await mentor.goto(`${s.url}#/melden`);
    await mentor.getByRole('heading', { name: 'Melding doen', level: 1 }).waitFor({ timeout: 20_000 });
    await mentor
      .getByRole('textbox', { name: 'Beschrijving' })
      .fill('In de klassenapp werd een nep-account gemaakt met foto’s van een leerling.');
    await choose(mentor, 'Waar', 'Buiten school, schoolgerelateerd');
    await choose(mentor, 'Platform', 'Instagram');
    await mentor.getByRole('combobox', { name: 'Zoek een leerling of medewerker' }).fill(victim.naam);
    await mentor.getByRole('option', { name: new RegExp(`^${victim.naam} \\(Leerling`) }).click();
    await choose(mentor, 'Rol', 'Slachtoffer');
    await mentor.getByTestId('melden-persoon-toevoegen').click();
    await mentor.getByTestId('melden-versturen').click();
    await mentor.getByText('Dank u wel').waitFor({ timeout: 20_000 });
    await shot(mentor, 'team-01-mentor-meldt');

    await leader.goto(`${s.url}#/melden/binnengekomen`);
    const grid = leader.getByTestId('binnengekomen-grid');
    await poll(() => grid.getByRole('row').nth(1).textContent()).toMatch(/nep-account/);
    await grid.getByRole('row').nth(1).locator('[col-id="wat"]').click();
    await leader
      .getByTestId('ingediende-melding')
      .getByText(/nep-account/)
      .waitFor();
    await leader.getByTestId('accepteren').click();
    const dialog = leader.getByRole('dialog', { name: 'Accepteren als melding' });
    await dialog.waitFor();
    await choose(leader, 'Categorie', '(Digitaal) pesten', dialog);
    await choose(leader, 'Ernst', 'Hoog', dialog);
    await dialog.getByTestId('accept-opslaan').click();
    await leader.waitForURL(/#\/meldingen\/\d+$/, { timeout: 20_000 });
    incidentId = Number(leader.url().split('/').pop());
    const incident = await invoke<Incident>('incidents.get', { id: incidentId });
    expect(incident.omschrijving).toContain('nep-account');
    // The reporter is kept: the staff member whose account reported it.
    expect(incident.melderId).toBe(staff.id);
    await shot(leader, 'team-02-geaccepteerd');

    // The mentor sees their report accepted.
    await mentor.reload();
    await poll(() => mentor.getByTestId('mijn-meldingen').textContent()).toMatch(/Geaccepteerd|Opgenomen/);
  });

  it('the mentor cannot open a pupil of another group', async () => {
    await mentor.goto(`${s.url}#/personen/${otherGroupPupil.id}`);
    await poll(() => mentor.getByRole('alert').first().isVisible()).toBe(true);
    await mentor.waitForTimeout(500);
    expect(await mentor.locator('main').textContent()).not.toContain(otherGroupPupil.naam);
    await mentor.goto(`${s.url}#/personen/${otherGroupPupil.id}/dossier`);
    await poll(() => mentor.getByRole('alert').first().isVisible()).toBe(true);
    await mentor.waitForTimeout(500);
    expect(await mentor.locator('main').textContent()).not.toContain(otherGroupPupil.naam);
    await shot(mentor, 'team-03-andere-groep');
    // Their own group's pupil does open.
    await mentor.goto(`${s.url}#/personen/${victim.id}`);
    await poll(async () => (await mentor.locator('main').textContent()) ?? '').toContain(victim.naam.split(' ')[0]);
  });

  it('when both save the same incident, the second sees both versions and keeps theirs', async () => {
    const description = (page: Page) => page.getByRole('textbox', { name: 'Feitelijke omschrijving' });
    await Promise.all([leader.goto(`${s.url}#/meldingen/${incidentId}`), mentor.goto(`${s.url}#/meldingen/${incidentId}`)]);
    await description(leader).waitFor({ state: 'visible', timeout: 30_000 });
    await description(mentor).waitFor({ state: 'visible', timeout: 30_000 });
    const before = await invoke<Incident>('incidents.get', { id: incidentId });

    await description(leader).fill('Schoolleider: het nep-account is gemeld bij Instagram en verwijderd.');
    await leader.getByTestId('melding-opslaan').click();
    await poll(async () => (await invoke<Incident>('incidents.get', { id: incidentId })).versie).toBe(before.versie + 1);

    await description(mentor).fill('Mentor: de ouders zijn gebeld; de leerling is opgevangen.');
    await mentor.getByTestId('melding-opslaan').click();
    const dialog = mentor.getByRole('dialog', { name: 'Kies welke versie u wilt bewaren' });
    await dialog.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await dialog.getByTestId('conflict-message').textContent()).toMatch(
      /Iemand anders heeft deze melding intussen gewijzigd \(om \d\d:\d\d door .*rector/,
    );
    expect(await dialog.getByTestId('conflict-theirs-omschrijving').textContent()).toBe(
      'Schoolleider: het nep-account is gemeld bij Instagram en verwijderd.',
    );
    expect(await dialog.getByTestId('conflict-yours-omschrijving').textContent()).toBe(
      'Mentor: de ouders zijn gebeld; de leerling is opgevangen.',
    );
    // Nothing of the second save is stored yet; the form still holds it.
    expect((await invoke<Incident>('incidents.get', { id: incidentId })).omschrijving).toBe(
      'Schoolleider: het nep-account is gemeld bij Instagram en verwijderd.',
    );
    await shot(mentor, 'team-04-conflict');
    expect(await serverA11y(mentor)).toEqual([]);

    await dialog.getByRole('button', { name: 'Mijn versie opslaan' }).click();
    await poll(async () => (await invoke<Incident>('incidents.get', { id: incidentId })).omschrijving).toBe(
      'Mentor: de ouders zijn gebeld; de leerling is opgevangen.',
    );
    expect(mentorErrors.filter((e) => !/401|403|404|Failed to load resource/.test(e))).toEqual([]);
  });
});
