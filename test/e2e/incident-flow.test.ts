// The school leader's main flow, end to end in Chromium through the browser preview against the real
// core: load the demo school; create a pupil and a guardian; record an incident with two pupils
// (dader and slachtoffer), a protocol rule, a platform and an evidence file; add a schorsing of 3
// days; find the incident in the grid by quick search; open the dader's dossier and see the
// incident and the measure. Every page is screenshotted (test-artifacts/) and checked with axe-core.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startApp } from './harness';
import type { E2EApp } from './harness';

/** Picks an option in a Mantine Select (a combobox) found by its label. */
async function choose(page: Page, label: string | RegExp, option: string | RegExp, scope: Page | ReturnType<Page['locator']> = page) {
  await scope.getByRole('combobox', { name: label, exact: typeof label === 'string' }).click();
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
}

/** expect.poll with time for the core and the grid to answer (the default is one second). */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

/** Types a date (dd-mm-jjjj) into a Mantine DateInput and leaves the field. */
async function typeDate(scope: Page | ReturnType<Page['locator']>, label: string, ddmmyyyy: string) {
  const input = scope.getByRole('textbox', { name: label, exact: true });
  await input.fill(ddmmyyyy);
  await input.press('Tab');
}

describe('incident flow (Meldingen, Personen, Dossier)', () => {
  let app: E2EApp;
  let page: Page;
  let pupilId = 0;
  let incidentId = 0;
  let incidentNummer = '';

  /** Clicks an entry of the left navigation. */
  const nav = (name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true }).click();

  /** A full-page screenshot from the top (the header and navigation are fixed to the window). */
  const shot = async (name: string) => {
    await page.evaluate('window.scrollTo(0, 0)');
    await app.screenshot(name);
  };

  const expectA11y = async (what: string) => {
    const v = await app.checkA11y();
    expect(v, `${what}: ${JSON.stringify(v, null, 1)}`).toEqual([]);
  };

  beforeAll(async () => {
    app = await startApp();
    page = app.page;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('loads the demo school from the first-run screen', async () => {
    const demo = page.getByRole('button', { name: 'Demo-school laden' });
    await demo.waitFor({ state: 'visible', timeout: 30_000 });
    await poll(() => page.getByRole('button', { name: 'Eigen school aanmaken' }).count()).toBe(1);
    await shot('flow-01-eerste-start');
    await expectA11y('first run');
    await demo.click();
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
    await poll(() => page.getByTestId('school-naam').textContent()).toContain('De Linde');
    expect(await page.getByTestId('schooljaar').textContent()).toBe('Schooljaar 2026-2027');
  });

  it('shows the incidents grid with the demo incidents', async () => {
    await nav('Meldingen');
    await page.getByRole('heading', { name: 'Meldingen', level: 1 }).waitFor();
    const grid = page.getByTestId('meldingen-grid');
    await grid.getByRole('row').nth(1).waitFor();
    // Newest first: the demo's latest incident is dated 12-11-2026.
    await poll(() => grid.getByRole('row').nth(1).locator('[col-id="datumVoorval"]').textContent()).toBe('12-11-2026');
    await shot('flow-02-meldingen');
    await expectA11y('meldingen grid');
  });

  it('creates a pupil', async () => {
    await nav('Personen');
    await page.getByTestId('personen-grid').getByRole('row').nth(1).waitFor();
    await shot('flow-03-personen');
    await expectA11y('personen grid');

    await page.getByRole('link', { name: 'Nieuwe persoon' }).click();
    await page.getByRole('heading', { name: 'Nieuwe persoon' }).waitFor();
    // A save without names shows the core's Dutch message next to the field, and keeps the input.
    await page.getByRole('textbox', { name: 'Tussenvoegsel' }).fill('van');
    await page.getByTestId('persoon-opslaan').click();
    await poll(() => page.getByText('Vul dit veld in.').count()).toBeGreaterThanOrEqual(1);
    expect(await page.getByRole('textbox', { name: 'Tussenvoegsel' }).inputValue()).toBe('van');
    await shot('flow-04-persoon-fouten');
    await expectA11y('person form with errors');

    await page.getByRole('textbox', { name: 'Voornaam' }).fill('Ilse');
    await page.getByRole('textbox', { name: 'Tussenvoegsel' }).fill('');
    await page.getByRole('textbox', { name: 'Achternaam' }).fill('Zandbergen');
    await typeDate(page, 'Geboortedatum', '12-03-2012');
    await page.getByRole('textbox', { name: 'Leerlingnummer' }).fill('990001');
    // De Linde is a VO school: the sector's word for the group is "klas".
    await page.getByRole('textbox', { name: 'Klas' }).fill('2B');
    await page.getByTestId('persoon-opslaan').click();
    await page.waitForURL(/#\/personen\/\d+$/);
    pupilId = Number(/#\/personen\/(\d+)$/.exec(page.url())![1]);
    expect(pupilId).toBeGreaterThan(0);
    await page.getByRole('heading', { name: 'Ilse Zandbergen', level: 1 }).waitFor();
  });

  it('adds a guardian to the pupil', async () => {
    await page.getByRole('button', { name: 'Nieuwe ouder/verzorger…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nieuwe persoon toevoegen' });
    await dialog.getByRole('textbox', { name: 'Voornaam' }).fill('Marieke');
    await dialog.getByRole('textbox', { name: 'Achternaam' }).fill('Zandbergen');
    await dialog.getByRole('button', { name: 'Toevoegen' }).click();
    await page.getByTestId('koppelingen').getByRole('link', { name: 'Marieke Zandbergen' }).waitFor();
    const person = (await app.call('people.get', { id: pupilId })) as {
      koppelingen: { persoon: { naam: string; soort: string }; ontvangtPost: boolean }[];
    };
    expect(person.koppelingen.map((k) => [k.persoon.naam, k.persoon.soort, k.ontvangtPost])).toEqual([
      ['Marieke Zandbergen', 'ouder', true],
    ]);
    await shot('flow-05-leerling-met-ouder');
    await expectA11y('person form with guardian');
  });

  it('records an incident with dader, slachtoffer, rule, platform and an evidence file', async () => {
    await nav('Meldingen');
    await page.getByRole('link', { name: 'Nieuwe melding' }).click();
    await page.getByRole('heading', { name: 'Nieuwe melding' }).waitFor();
    await expectA11y('new incident form');

    await choose(page, 'Waar', 'Buiten school, schoolgerelateerd');
    await choose(page, 'Platform', 'Instagram');
    await choose(page, 'Categorie', '(Digitaal) pesten');
    await choose(page, 'Ernst', 'Hoog');
    await page
      .getByRole('textbox', { name: 'Feitelijke omschrijving' })
      .fill('Ilse plaatste een bewerkte foto van Daan in een Instagram-story met een kwetsende tekst.');

    // The rule picker shows the version in force on the incident date (16-11-2026).
    await page.getByText(/Geldend op de datum van het voorval: .*versie/).waitFor();
    await page.getByRole('checkbox', { name: /^3\.5 Je pest/ }).check();

    // Dader: the new pupil; slachtoffer: a demo pupil.
    await page.getByRole('combobox', { name: 'Persoon zoeken' }).fill('Zandbergen');
    await page.getByRole('option', { name: /^Ilse Zandbergen \(Leerling/ }).click();
    await page.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    await page.getByRole('combobox', { name: 'Persoon zoeken' }).fill('Daan Mulder');
    await page.getByRole('option', { name: /^Daan Mulder \(Leerling/ }).click();
    await choose(page, 'Rol', 'Slachtoffer');
    await page.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    const involved = page.getByTestId('betrokkenen');
    await involved.getByRole('link', { name: 'Daan Mulder' }).waitFor();
    expect(await involved.getByRole('combobox', { name: 'Rol van Ilse Zandbergen' }).inputValue()).toBe('Dader');
    expect(await involved.getByRole('combobox', { name: 'Rol van Daan Mulder' }).inputValue()).toBe('Slachtoffer');

    // Evidence chosen before the first save is uploaded right after it.
    await page.locator('input[type="file"]').setInputFiles({ name: 'story-screenshot.png', mimeType: 'image/png', buffer: PNG_1x1 });
    await page.getByRole('textbox', { name: 'Omschrijving', exact: true }).fill('Schermafbeelding van de story');
    await page.getByRole('button', { name: 'Bewijs toevoegen' }).click();
    await page.getByTestId('bewijs').getByText('story-screenshot.png').waitFor();
    await shot('flow-06-nieuwe-melding-ingevuld');

    await page.getByTestId('melding-opslaan').click();
    await page.waitForURL(/#\/meldingen\/\d+$/);
    incidentId = Number(/#\/meldingen\/(\d+)$/.exec(page.url())![1]);
    const heading = page.getByRole('heading', { level: 1, name: /^Melding M2026-\d{4}$/ });
    await heading.waitFor();
    incidentNummer = (await heading.textContent())!.replace('Melding ', '');

    // The evidence is stored with its SHA-256 and the date it was secured.
    const evidence = page.getByTestId('bewijs');
    await evidence.getByText('story-screenshot.png').waitFor();
    await poll(() => evidence.getByText(/^[0-9a-f]{12}…$/).count()).toBe(1);
    const incident = (await app.call('incidents.get', { id: incidentId })) as {
      platform: string;
      regels: { volledigNummer: string }[];
      betrokkenen: { persoon: { naam: string }; rol: string }[];
      bewijs: { bestandsnaam: string; sha256: string; beveiligdOp: string; grootte: number }[];
    };
    expect(incident.platform).toBe('instagram');
    expect(incident.regels.map((r) => r.volledigNummer)).toEqual(['3.5']);
    expect(incident.betrokkenen.map((b) => [b.persoon.naam, b.rol]).sort()).toEqual([
      ['Daan Mulder', 'slachtoffer'],
      ['Ilse Zandbergen', 'dader'],
    ]);
    expect(incident.bewijs).toHaveLength(1);
    expect(incident.bewijs[0]).toMatchObject({ bestandsnaam: 'story-screenshot.png', beveiligdOp: '2026-11-16', grootte: PNG_1x1.length });
    expect(incident.bewijs[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    await expectA11y('saved incident');

    // The stored file can be viewed again (reading it is audited by the core).
    await evidence.getByRole('button', { name: 'Bekijken' }).click();
    const viewer = page.getByRole('dialog', { name: 'story-screenshot.png' });
    await viewer.getByRole('img', { name: 'story-screenshot.png' }).waitFor();
    await viewer.getByRole('button', { name: 'Sluiten' }).click();
    await viewer.waitFor({ state: 'detached' });
  });

  it('adds a schorsing of 3 days from the incident', async () => {
    await page.getByRole('button', { name: 'Maatregel toevoegen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Maatregel toevoegen' });
    await dialog.waitFor();
    await choose(page, 'Voor wie', /^Ilse Zandbergen/, dialog);
    await choose(page, 'Maatregel', 'Schorsing', dialog);
    await typeDate(dialog, 'Van', '17-11-2026');
    await typeDate(dialog, 'Tot en met', '19-11-2026');
    await dialog.getByRole('textbox', { name: 'Schooldagen' }).fill('3');
    await choose(page, 'Vorm', 'Extern (thuis)', dialog);
    await dialog.getByRole('textbox', { name: 'Afspraken over schoolwerk' }).fill('Ilse maakt thuis het werk uit de studiewijzer.');
    await shot('flow-07-maatregel');
    await expectA11y('measure dialog');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByTestId('maatregelen').getByRole('row', { name: /Ilse Zandbergen/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Schorsing');
    expect(await row.textContent()).toContain('17-11-2026 – 19-11-2026');
    // The measure moved the incident on; the open form shows the new status (and would not undo it on save).
    await poll(() => page.getByRole('combobox', { name: 'Status', exact: true }).inputValue()).toBe('Maatregel genomen');
    const measures = (await app.call('measures.list', { incidentId })) as {
      soort: string;
      duurDagen: number;
      startdatum: string;
      einddatum: string;
      persoon: { naam: string };
    }[];
    expect(measures.map((m) => [m.persoon.naam, m.soort, m.startdatum, m.einddatum, m.duurDagen])).toEqual([
      ['Ilse Zandbergen', 'schorsing', '2026-11-17', '2026-11-19', 3],
    ]);
    await shot('flow-08-melding-met-maatregel');
  });

  it('records the hearing of the schorsing, and cancelling the form keeps nothing', async () => {
    const steps = page.getByTestId('maatregel-stappen');
    await steps.getByRole('button', { name: /Wettelijke stappen en hoorgesprekken: Schorsing – Ilse Zandbergen/ }).click();
    const hearings = steps.getByTestId('hoorgesprekken');
    await hearings.getByText('Nog geen hoorgesprek vastgelegd.').waitFor();
    await hearings.getByRole('button', { name: 'Hoorgesprek vastleggen' }).click();
    const form = hearings.getByRole('form', { name: 'Hoorgesprek vastleggen' });
    await form.getByRole('button', { name: 'Annuleren' }).click();
    await form.waitFor({ state: 'detached' });
    await hearings.getByRole('button', { name: 'Hoorgesprek vastleggen' }).click();
    await choose(page, 'Wie is gehoord', 'Ouders/verzorgers', form);
    await form.getByRole('textbox', { name: 'Gehoord door' }).fill('M. de Vries');
    await form.getByRole('textbox', { name: 'Notities' }).fill('Ouders gehoord over de schorsing; zij begrijpen de maatregel.');
    await expectA11y('hearing form');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.waitFor({ state: 'detached' });
    const row = hearings.getByRole('row', { name: /Ouders\/verzorgers/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('M. de Vries');
    expect(await row.textContent()).toContain('16-11-2026');
  });

  it('finds the incident in the grid by quick search and opens it', async () => {
    await nav('Meldingen');
    const grid = page.getByTestId('meldingen-grid');
    await grid.getByRole('row').nth(1).waitFor();
    await page.getByTestId('meldingen-zoek').fill('Zandbergen');
    // The new incident is also the newest, so wait for the list to shrink to it: one header row
    // and one incident.
    await poll(() => grid.getByRole('row').count()).toBe(2);
    const row = grid.getByRole('row').nth(1);
    await poll(() => row.locator('[col-id="nummer"]').textContent()).toBe(incidentNummer);
    expect(await row.locator('[col-id="daders"]').textContent()).toBe('Ilse Zandbergen');
    expect(await row.locator('[col-id="slachtoffers"]').textContent()).toBe('Daan Mulder');
    expect(await row.locator('[col-id="platform"]').textContent()).toBe('Instagram');
    expect(await row.locator('[col-id="aantalMaatregelen"]').textContent()).toBe('1');
    await shot('flow-09-snel-zoeken');
    await expectA11y('grid with quick search');
    await row.locator('[col-id="nummer"]').click();
    await page.waitForURL(new RegExp(`#/meldingen/${incidentId}$`));
    // Leave the search empty for the rest of the session.
    await nav('Meldingen');
    await page.getByTestId('meldingen-zoek').fill('');
  });

  it("shows the incident and the measure in the dader's dossier", async () => {
    await page.goto(`${app.preview.url}#/personen/${pupilId}/dossier`);
    await page.getByRole('heading', { name: 'Dossier van Ilse Zandbergen' }).waitFor();
    const timeline = page.getByTestId('dossier-tijdlijn');
    await timeline.getByRole('link', { name: `Melding ${incidentNummer} – (Digitaal) pesten` }).waitFor();
    await timeline.getByRole('link', { name: 'Schorsing', exact: true }).waitFor();
    expect(await timeline.textContent()).toContain('Rol: Dader');
    expect(await timeline.textContent()).toContain('17-11-2026 t/m 19-11-2026');
    await page.getByRole('button', { name: 'Tonen' }).click();
    await page.getByRole('cell', { name: 'Aangemaakt' }).first().waitFor();
    await page.getByRole('cell', { name: '+ Marieke Zandbergen' }).waitFor();
    // Let the section finish unfolding before the screenshot.
    await page.waitForTimeout(500);
    await shot('flow-10-dossier');
    await expectA11y('dossier');
    await timeline.getByRole('link', { name: 'Schorsing', exact: true }).click();
    await page.waitForURL(new RegExp(`#/meldingen/${incidentId}$`));
  });

  it('keeps unsaved changes until the user chooses to leave', async () => {
    await page.getByRole('heading', { level: 1, name: `Melding ${incidentNummer}` }).waitFor();
    await page.getByRole('textbox', { name: 'Vervolg' }).fill('Gesprek met ouders op 18-11.');
    await nav('Personen');
    const dialog = page.getByRole('dialog', { name: 'Wijzigingen niet opgeslagen' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Blijven en opslaan' }).click();
    expect(page.url()).toMatch(new RegExp(`#/meldingen/${incidentId}$`));
    expect(await page.getByRole('textbox', { name: 'Vervolg' }).inputValue()).toBe('Gesprek met ouders op 18-11.');
    await page.getByTestId('melding-opslaan').click();
    await page.getByText(`Melding ${incidentNummer} is opgeslagen.`).waitFor();
    await nav('Personen');
    await page.getByRole('heading', { name: 'Personen', level: 1 }).waitFor();
  });

  it('switches to English and back', async () => {
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { name: 'People', level: 1 }).waitFor();
    await nav('Incidents');
    await page.getByRole('heading', { name: 'Incidents', level: 1 }).waitFor();
    await page.getByTestId('meldingen-grid').getByRole('row').nth(1).waitFor();
    await shot('flow-11-engels');
    await expectA11y('English incidents grid');
    await page.getByText('NL', { exact: true }).click();
    await page.getByRole('heading', { name: 'Meldingen', level: 1 }).waitFor();
  });

  it('shows the settings tabs', async () => {
    await nav('Instellingen');
    await page.getByRole('textbox', { name: 'Naam van de school' }).waitFor();
    await shot('flow-12-instellingen-school');
    await expectA11y('settings school');
    await page.getByRole('tab', { name: 'Protocollen' }).click();
    await page.getByTestId('protocolversies').waitFor();
    await page.getByRole('button', { name: /^Protocol sociale media versie .* wijzigen$/ }).click();
    await page.getByRole('textbox', { name: 'Tekst van regel 3.5' }).waitFor();
    await shot('flow-13-instellingen-protocollen');
    await expectA11y('settings protocols');
    expect(app.consoleErrors).toEqual([]);
  });
});

// A 1×1 transparent PNG.
const PNG_1x1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

describe('first run: creating the own school', () => {
  let app: E2EApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows the core’s Dutch messages next to the fields, keeps the input, then creates the school', async () => {
    const page = app.page;
    await page.getByRole('button', { name: 'Eigen school aanmaken' }).click();
    await page.getByRole('textbox', { name: 'Naam van de school' }).fill('Basisschool De Klimop');
    await page.getByRole('textbox', { name: 'BRIN-nummer' }).fill('XYZ');
    await page.getByRole('textbox', { name: 'Postcode' }).fill('4001ab');
    await page.getByRole('button', { name: 'School aanmaken' }).click();
    // Sector and region are missing and the BRIN number is malformed: each message by its field.
    await page.getByText('Een BRIN-nummer is als 12AB (of 12AB00).').waitFor();
    await page.getByText('Kies een sector.').waitFor();
    await page.getByText('Kies de vakantieregio.').waitFor();
    expect(await page.getByRole('textbox', { name: 'Naam van de school' }).inputValue()).toBe('Basisschool De Klimop');
    await page.evaluate('window.scrollTo(0, 0)');
    await app.screenshot('flow-20-eigen-school-fouten');
    expect(await app.checkA11y()).toEqual([]);

    await choose(page, 'Sector', 'Primair onderwijs (basisschool, sbo)');
    await choose(page, 'Vakantieregio', 'Midden');
    await page.getByRole('textbox', { name: 'BRIN-nummer' }).fill('12ab');
    await page.getByRole('button', { name: 'School aanmaken' }).click();
    await page.getByRole('navigation').waitFor();
    await poll(() => page.getByTestId('school-naam').textContent()).toBe('Basisschool De Klimop');
    const school = (await app.call('school.get', {})) as { sector: string; regio: string; brin: string; postcode: string };
    expect([school.sector, school.regio, school.brin, school.postcode]).toEqual(['PO', 'midden', '12AB', '4001 AB']);
    // A PO school says "groep", not "klas".
    await page.getByRole('navigation').getByRole('link', { name: 'Personen', exact: true }).click();
    await page.getByRole('columnheader', { name: 'Groep' }).waitFor();
    expect(app.consoleErrors).toEqual([]);
  });
});

describe('reports to authorities, the schorsing limit, protocol editing and categories', () => {
  let app: E2EApp;
  let page: Page;
  beforeAll(async () => {
    app = await startApp({ demo: true, route: '#/meldingen' });
    page = app.page;
  });
  afterAll(async () => {
    await app?.close();
  });

  const openIncident = async (nummer: string) => {
    await page.goto(`${app.preview.url}#/meldingen`);
    await page.getByTestId('meldingen-zoek').fill(nummer);
    const grid = page.getByTestId('meldingen-grid');
    await poll(() => grid.getByRole('row').count()).toBe(2);
    // The infinite grid first shows a loading row without data (a click on it opens nothing); on
    // a busy machine that row can stay a while, so wait for the number itself.
    const cell = grid.getByRole('row').nth(1).locator('[col-id="nummer"]');
    await poll(() => cell.textContent()).toBe(nummer);
    await cell.click();
    await page.getByRole('heading', { level: 1, name: `Melding ${nummer}` }).waitFor();
  };

  it('records an aangifte at the police from an incident', async () => {
    await openIncident('M2026-0015');
    await page.getByRole('button', { name: 'Melding aan instantie toevoegen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Melding aan instantie toevoegen' });
    await choose(page, 'Instantie', 'Politie', dialog);
    await choose(page, 'Soort', 'Aangifte', dialog);
    await dialog.getByRole('textbox', { name: 'Registratie- of proces-verbaalnummer' }).fill('PL0900-2026123456');
    await dialog.getByRole('textbox', { name: 'Politie-eenheid of bureau' }).fill('Eenheid Oost-Nederland, bureau Tiel');
    await choose(page, 'Schooladres gebruikt?', 'Ja', dialog);
    await expectNoA11yViolations(app, 'report dialog');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByTestId('externe-meldingen').getByRole('row', { name: /PL0900-2026123456/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('16-11-2026');
  });

  it('refuses a pupil schorsing beyond a week, says why, and keeps what was typed', async () => {
    await page.getByRole('button', { name: 'Maatregel toevoegen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Maatregel toevoegen' });
    await choose(page, 'Voor wie', /^Jayden Martina/, dialog);
    await choose(page, 'Maatregel', 'Schorsing', dialog);
    // Monday 23 November to Tuesday 1 December 2026: 7 school days.
    await typeDate(dialog, 'Van', '23-11-2026');
    await typeDate(dialog, 'Tot en met', '01-12-2026');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    const fout = dialog.getByTestId('maatregel-fout');
    await fout.waitFor();
    // VO: longer only while an intended expulsion runs and the Inspectie is consulted; a free-text reason is not enough.
    expect(await fout.textContent()).toContain('Nog niet vastgelegd: een lopend voornemen tot verwijdering en het overleg met de Inspectie.');
    expect(await dialog.getByRole('textbox', { name: 'Reden om van de grens af te wijken' }).count()).toBe(0);
    // What was typed is still there.
    expect(await dialog.getByRole('textbox', { name: 'Van', exact: true }).inputValue()).toBe('23-11-2026');
    await page.evaluate('window.scrollTo(0, 0)');
    await app.screenshot('flow-30-schorsing-grens');
    await expectNoA11yViolations(app, 'measure dialog with the limit');
    // Five school days: Monday 23 to Friday 27 November.
    await typeDate(dialog, 'Tot en met', '27-11-2026');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page
      .getByTestId('maatregelen')
      .getByRole('row', { name: /23-11-2026 – 27-11-2026/ })
      .waitFor();
  });

  it('edits a rule of the protocol and adds a category', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Instellingen', exact: true }).click();
    await page.getByRole('tab', { name: 'Protocollen' }).click();
    await page.getByRole('button', { name: /^Protocol sociale media versie .* wijzigen$/ }).click();
    const rule = page.getByRole('textbox', { name: 'Tekst van regel 8.3' });
    await rule.fill('Dit protocol treedt in werking op de ingangsdatum van deze versie.');
    await page.getByRole('button', { name: 'Regel 8.1 omlaag' }).click();
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByText(/versie .* is opgeslagen\./).waitFor();
    const versions = (await app.call('protocols.list', {})) as { id: number }[];
    const v = (await app.call('protocols.get', { id: versions[0].id })) as {
      secties: { nummer: string; regels: { nummer: string; tekst: string }[] }[];
    };
    const slot = v.secties.find((s) => s.nummer === '8')!;
    expect(slot.regels.map((r) => r.nummer)).toEqual(['2', '1', '3']);
    expect(slot.regels[2].tekst).toBe('Dit protocol treedt in werking op de ingangsdatum van deze versie.');

    await page.getByRole('textbox', { name: 'Nieuwe categorie' }).fill('Online gokken');
    await page.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    await page.getByRole('textbox', { name: 'Naam van categorie Online gokken' }).waitFor();
    await expectNoA11yViolations(app, 'protocol editor and categories');
    expect(app.consoleErrors).toEqual([]);
  });
});

async function expectNoA11yViolations(app: E2EApp, what: string) {
  const v = await app.checkA11y();
  expect(v, `${what}: ${JSON.stringify(v, null, 1)}`).toEqual([]);
}
