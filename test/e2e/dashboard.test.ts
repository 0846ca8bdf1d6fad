// The compliance engine end to end: record a schorsing of 2 school days in the incident
// screen → the dashboard (Overzicht, the start page) shows "Melden bij de Inspectie (Internet Schooldossier)" due today,
// with its basis; mark it done right there with a name and date → it leaves the dashboard, and the
// pupil's dossier shows who did it and when. Also the overdue list, the Compliance settings tab, and
// axe-core on every screen; screenshots in test-artifacts/dashboard-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startApp } from './harness';
import type { E2EApp } from './harness';

async function choose(page: Page, label: string | RegExp, option: string | RegExp, scope: Page | ReturnType<Page['locator']> = page) {
  await scope.getByRole('textbox', { name: label, exact: typeof label === 'string' }).or(scope.getByRole('combobox', { name: label, exact: typeof label === 'string' })).first().click();
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
}

async function typeDate(scope: Page | ReturnType<Page['locator']>, label: string, ddmmyyyy: string) {
  const input = scope.getByRole('textbox', { name: label, exact: true });
  await input.fill(ddmmyyyy);
  await input.press('Tab');
}

interface Ob {
  id: number;
  regel: string;
  status: string;
  measureId: number | null;
  uiterlijk: string | null;
  gedaanDoor: string | null;
}

describe('dashboard (Overzicht) and the ISD notice', () => {
  let app: E2EApp;
  let page: Page;
  let pupilId = 0;
  let incidentId = 0;

  const expectA11y = async (what: string) => {
    const v = await app.checkA11y();
    expect(v, `${what}: ${JSON.stringify(v, null, 1)}`).toEqual([]);
  };
  const nav = (name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true }).click();

  beforeAll(async () => {
    // Monday 16 November 2026, the demo school De Linde (VO, regio midden).
    app = await startApp({ demo: true });
    page = app.page;
    const pupil = (await app.call('people.create', { soort: 'leerling', voornaam: 'Noor', achternaam: 'Verhoeven', groep: '2C' })) as { id: number };
    pupilId = pupil.id;
    const inc = (await app.call('incidents.create', {
      datumVoorval: '2026-11-13',
      datumMelding: '2026-11-13',
      locatie: 'buiten_school',
      platform: 'tiktok',
      categorie: 'bedreiging',
      ernst: 'hoog',
      omschrijving: 'Dreigende video over een klasgenoot geplaatst.',
      betrokkenen: [{ personId: pupilId, rol: 'dader' }],
    })) as { id: number };
    incidentId = inc.id;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('opens on the dashboard: overdue first, then this week, open incidents and upcoming moments', async () => {
    await page.getByRole('heading', { name: 'Overzicht', level: 1 }).waitFor({ timeout: 30_000 });
    await page.getByTestId('dashboard-meldingen').waitFor();
    expect(await page.getByText('Wat moet er vandaag gebeuren? 16 november 2026').count()).toBe(1);
    await page.getByTestId('dashboard-meldingen').getByRole('link', { name: /^M2026-/ }).first().waitFor();
    await app.screenshot('dashboard-01-start');
    await expectA11y('dashboard');
  });

  it('records a schorsing of 2 school days in the incident screen', async () => {
    await page.goto(`${app.preview.url}#/meldingen/${incidentId}`);
    await page.getByRole('button', { name: 'Maatregel toevoegen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Maatregel toevoegen' });
    await dialog.waitFor();
    // The only person involved is chosen already.
    expect(await dialog.getByText('Noor Verhoeven (Leerling, 2C)').count() + (await dialog.locator('input[value^="Noor Verhoeven"]').count())).toBeGreaterThan(0);
    await choose(page, 'Maatregel', 'Schorsing', dialog);
    await typeDate(dialog, 'Van', '17-11-2026');
    await typeDate(dialog, 'Tot en met', '18-11-2026');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.waitFor({ state: 'detached' });
    const measures = (await app.call('measures.list', { incidentId })) as { id: number; soort: string; besluitDatum: string; duurDagen: number }[];
    expect(measures.map((m) => [m.soort, m.besluitDatum, m.duurDagen])).toEqual([['schorsing', '2026-11-16', 2]]);
  });

  it('shows "Melden bij de Inspectie (Internet Schooldossier)" due today on the dashboard, with its basis', async () => {
    await nav('Overzicht');
    // Due today: pinned on top in one row under the pupil's header; the row's details show the rest.
    const row = page
      .getByTestId('dashboard-eerst')
      .getByTestId('taakgroep')
      .filter({ hasText: 'Noor Verhoeven' })
      .getByTestId('taak')
      .and(page.locator('[data-regel="schorsing.isd"]'));
    await row.getByRole('button', { name: 'Details: Melden bij de Inspectie (Internet Schooldossier)' }).click();
    const isd = row.getByTestId('verplichting');
    await isd.waitFor();
    expect(await isd.getByText('Melden bij de Inspectie (Internet Schooldossier)', { exact: true }).count()).toBe(1);
    expect(await isd.getByText('Vandaag', { exact: true }).count()).toBe(1);
    expect(await isd.textContent()).toContain('te laat vanaf 19-11-2026');
    // The link to the incident and to the pupil's dossier.
    expect(await isd.getByRole('link', { name: 'Dossier van Noor Verhoeven' }).getAttribute('href')).toBe(`#/personen/${pupilId}/dossier`);
    expect(await isd.getByRole('link', { name: /^Melding M2026-/ }).getAttribute('href')).toBe(`#/meldingen/${incidentId}`);
    await isd.getByRole('button', { name: /^Grondslag/ }).click();
    // The basis opens with the articles it rests on.
    expect(await isd.textContent()).toContain('via het Internet Schooldossier');
    expect(await isd.textContent()).toContain('WVO 2020 (schorsing; voorheen Inrichtingsbesluit WVO art. 13): Schorsing met opgave van redenen');
    await app.screenshot('dashboard-02-isd-vandaag');
    await expectA11y('dashboard with the ISD task');
  });

  it('marks it done right there with a name and date; it leaves the dashboard', async () => {
    const isd = page
      .getByTestId('dashboard-eerst')
      .getByTestId('taakgroep')
      .filter({ hasText: 'Noor Verhoeven' })
      .getByTestId('taak')
      .and(page.locator('[data-regel="schorsing.isd"]'));
    // The row's own button (its open details have one too).
    await isd.getByRole('button', { name: 'Gedaan… Melden bij de Inspectie (Internet Schooldossier)' }).first().click();
    const form = isd.getByRole('form', { name: 'Vastleggen als gedaan: Melden bij de Inspectie (Internet Schooldossier)' });
    await form.waitFor();
    // A name is required: the core's Dutch message appears next to the field.
    await form.getByRole('textbox', { name: 'Gedaan door (naam)' }).fill('');
    await form.getByRole('button', { name: 'Vastleggen' }).click();
    await form.getByText('Vul dit veld in.').waitFor();
    await form.getByRole('textbox', { name: 'Gedaan door (naam)' }).fill('M. Hoekstra');
    expect(await form.getByRole('textbox', { name: 'Datum' }).inputValue()).toBe('16-11-2026');
    await form.getByRole('textbox', { name: /Toelichting/ }).fill('ISD-formulier verstuurd.');
    await app.screenshot('dashboard-03-gedaan-formulier');
    await expectA11y('done form');
    await form.getByRole('button', { name: 'Vastleggen' }).click();
    await expect.poll(() => isd.count()).toBe(0);
    const list = (await app.call('obligations.list', { personId: pupilId })) as { rows: Ob[] };
    expect(list.rows.find((o) => o.regel === 'schorsing.isd')).toMatchObject({ status: 'gedaan', gedaanDoor: 'M. Hoekstra' });
    await app.screenshot('dashboard-04-na-gedaan');
  });

  it('an overdue task leaves the overdue list once done', async () => {
    // Two school days later the leerplicht notice of the same schorsing is overdue (from Thursday 19 November).
    await app.context.close().catch(() => {});
    const later = await startApp({ now: '2026-11-19T09:00:00Z' });
    try {
      // The same scenario on a fresh database, seen on Thursday: everything of Monday is late.
      const p = (await later.call('school.save', { naam: 'De Linde', sector: 'VO', regio: 'midden' }), await later.call('people.create', { soort: 'leerling', voornaam: 'Noor', achternaam: 'Verhoeven' })) as { id: number };
      const i = (await later.call('incidents.create', {
        datumVoorval: '2026-11-13',
        datumMelding: '2026-11-13',
        locatie: 'buiten_school',
        platform: 'tiktok',
        categorie: 'bedreiging',
        ernst: 'hoog',
        omschrijving: 'Dreigende video.',
        betrokkenen: [{ personId: p.id, rol: 'dader' }],
      })) as { id: number };
      await later.call('measures.create', { incidentId: i.id, personId: p.id, soort: 'schorsing', besluitDatum: '2026-11-16', startdatum: '2026-11-17', einddatum: '2026-11-18' });
      await later.page.goto(`${later.preview.url}#/overzicht`);
      const late = later.page.getByTestId('dashboard-eerst');
      const isd = late.locator('[data-regel="schorsing.isd"]');
      await isd.waitFor({ timeout: 30_000 });
      expect(await isd.textContent()).toContain('1 dag te laat · sinds 19-11-2026');
      await later.screenshot('dashboard-05-te-laat');
      expect(await later.checkA11y()).toEqual([]);
      await isd.getByRole('button', { name: 'Gedaan… Melden bij de Inspectie (Internet Schooldossier)' }).click();
      const form = isd.getByRole('form');
      await form.getByRole('textbox', { name: 'Gedaan door (naam)' }).fill('M. Hoekstra');
      await form.getByRole('button', { name: 'Vastleggen' }).click();
      await expect.poll(() => late.locator('[data-regel="schorsing.isd"]').count()).toBe(0);
      // The other late tasks of that schorsing are still there.
      expect(await late.locator('[data-regel="schorsing.leerplicht"]').count()).toBe(1);
      expect(later.consoleErrors).toEqual([]);
    } finally {
      await later.close();
    }
  });
});

describe('dossier and settings', () => {
  let app: E2EApp;
  let page: Page;
  let pupilId = 0;

  beforeAll(async () => {
    app = await startApp({ demo: true });
    page = app.page;
    const p = (await app.call('people.create', { soort: 'leerling', voornaam: 'Noor', achternaam: 'Verhoeven' })) as { id: number };
    pupilId = p.id;
    const i = (await app.call('incidents.create', {
      datumVoorval: '2026-11-13',
      datumMelding: '2026-11-13',
      locatie: 'buiten_school',
      platform: 'tiktok',
      categorie: 'bedreiging',
      ernst: 'hoog',
      omschrijving: 'Dreigende video.',
      betrokkenen: [{ personId: p.id, rol: 'dader' }],
    })) as { id: number };
    await app.call('measures.create', { incidentId: i.id, personId: p.id, soort: 'schorsing', besluitDatum: '2026-11-16', startdatum: '2026-11-17', einddatum: '2026-11-18' });
    const list = (await app.call('obligations.list', { personId: p.id })) as { rows: Ob[] };
    const isd = list.rows.find((o) => o.regel === 'schorsing.isd')!;
    await app.call('obligations.markDone', { id: isd.id, door: 'M. Hoekstra', datum: '2026-11-16' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('the dossier shows who did it and when', async () => {
    await page.goto(`${app.preview.url}#/personen/${pupilId}/dossier`);
    const tl = page.getByTestId('dossier-tijdlijn');
    await tl.waitFor({ timeout: 30_000 });
    const item = tl.locator('.mantine-Timeline-item').filter({ hasText: 'Melden bij de Inspectie (Internet Schooldossier)' });
    await item.waitFor();
    const text = await item.textContent();
    expect(text).toContain('16-11-2026');
    expect(text).toContain('M. Hoekstra');
    await app.screenshot('dashboard-06-dossier');
    expect(await app.checkA11y()).toEqual([]);
  });

  it('the sexual-offence path stands on top of the dashboard; each step needs date and time', async () => {
    const docent = (await app.call('people.create', { soort: 'medewerker', voornaam: 'Joost', achternaam: 'Brinkman', functie: 'docent' })) as { id: number };
    await app.call('incidents.create', {
      datumVoorval: '2026-11-14',
      datumMelding: '2026-11-16',
      locatie: 'buiten_school',
      platform: 'whatsapp',
      categorie: 'seksueel',
      ernst: 'zeer_hoog',
      omschrijving: 'Berichten van een docent aan een leerling.',
      betrokkenen: [
        { personId: docent.id, rol: 'dader' },
        { personId: pupilId, rol: 'slachtoffer' },
      ],
    });
    await page.goto(`${app.preview.url}#/overzicht`);
    const urgent = page.getByTestId('dashboard-urgent');
    await urgent.waitFor({ timeout: 30_000 });
    const steps = urgent.locator('[data-regel^="zeden."]');
    await expect.poll(() => steps.count()).toBe(5);
    const first = urgent.locator('[data-regel="zeden.bestuur"]');
    // The first three steps are never "not applicable".
    expect(await first.getByRole('button', { name: /^Niet van toepassing/ }).count()).toBe(0);
    await first.getByRole('button', { name: /^Gedaan… Bestuur/ }).click();
    const form = first.getByRole('form');
    await form.getByRole('textbox', { name: 'Gedaan door (naam)' }).fill('A. de Vries, teamleider');
    await form.getByRole('button', { name: 'Vastleggen' }).click();
    await form.getByText('Vul ook de tijd in: bij deze stap tellen datum én tijd.').waitFor();
    await form.getByRole('textbox', { name: 'Tijd: uren' }).or(form.getByLabel('Tijd: uren')).first().fill('08');
    await form.getByRole('textbox', { name: 'Tijd: minuten' }).or(form.getByLabel('Tijd: minuten')).first().fill('45');
    await app.screenshot('dashboard-08-zeden-stap');
    expect(await app.checkA11y()).toEqual([]);
    await form.getByRole('button', { name: 'Vastleggen' }).click();
    await expect.poll(() => steps.count()).toBe(4);
    const list = (await app.call('obligations.list', { personId: docent.id })) as { rows: (Ob & { gedaanTijd: string | null })[] };
    expect(list.rows.find((o) => o.regel === 'zeden.bestuur')).toMatchObject({ status: 'gedaan', gedaanDoor: 'A. de Vries, teamleider', gedaanTijd: '08:45' });
    await app.screenshot('dashboard-09-zeden-na-stap');
  });

  it('the Compliance settings tab: terms, ladder and school holidays', async () => {
    await page.goto(`${app.preview.url}#/instellingen/compliance`);
    await page.getByRole('heading', { name: 'Escalatieladder' }).waitFor({ timeout: 30_000 });
    const holidays = page.getByTestId('schoolvakanties');
    await holidays.getByText('Rijksoverheid', { exact: true }).waitFor();
    expect(await holidays.getByText('Voorlopig: controleer deze data').count()).toBe(1);
    await app.screenshot('dashboard-07-instellingen-compliance');
    expect(await app.checkA11y()).toEqual([]);
    await page.getByRole('textbox', { name: 'Stap' }).first().fill('Brief naar huis');
    await page.getByTestId('compliance-opslaan').click();
    await expect.poll(async () => ((await app.call('obligations.settings.get')) as { escalatieladder: { stap: string }[] }).escalatieladder[0].stap).toBe('Brief naar huis');
    expect(app.consoleErrors).toEqual([]);
  });
});
