// The incident page stays current and puts the urgent thing first, in Chromium on the demo school
// (De Linde, VO) at 1366×768 and 1024×768. After recording a hearing, making a letter final or adding
// a report to the Inspectie, the measure's steps and the open count on its fold change without a
// reload (the page is never reloaded: a marker on window must survive). Each step stands once on the
// page. When a teacher becomes dader against a pupil, the question "Is dit mogelijk een
// zedendelict?" stands at the top right after saving; "Nee" is recorded (audited) and leaves a quiet
// line; "Ja" brings the five steps of the path, with no "none" line under them. axe on each screen;
// screenshots in test-artifacts/current-*.png.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { artifactsDir, startApp } from './harness';
import type { E2EApp } from './harness';

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

async function choose(page: Page, label: string, option: string | RegExp, scope: Locator) {
  await scope
    .getByRole('textbox', { name: label, exact: true })
    .or(scope.getByRole('combobox', { name: label, exact: true }))
    .first()
    .click();
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
}

interface Ob {
  regel: string;
  sleutel: string;
  status: string;
  measureId: number | null;
}

describe('the incident page: always current, the urgent thing first', () => {
  let app: E2EApp;
  let page: Page;
  let pupilId = 0;
  let docentId = 0;
  let measureId = 0;
  let schorsingIncident = 0;
  let zedenIncident = 0;

  const expectA11y = async (what: string) => {
    const v = await app.checkA11y();
    expect(v, `${what}: ${JSON.stringify(v, null, 1)}`).toEqual([]);
  };
  const openMeasureTasks = async () =>
    ((await app.call('obligations.list', { measureId, status: ['open'], limit: 500 })) as { rows: Ob[] }).rows;
  // The page must not have been reloaded: this marker lives only as long as the document.
  const markPage = () => page.evaluate('window.__spMarker = "nog dezelfde pagina"');
  const samePage = async () => expect(await page.evaluate('window.__spMarker')).toBe('nog dezelfde pagina');
  const viewportShot = (name: string) => page.screenshot({ path: path.join(artifactsDir, `${name}.png`) });

  beforeAll(async () => {
    // Monday 16 November 2026.
    app = await startApp({ demo: true, viewport: { width: 1366, height: 768 } });
    page = app.page;
    const call = app.call as (m: string, i?: unknown) => Promise<{ id: number }>;
    pupilId = (
      await call('people.create', {
        soort: 'leerling',
        voornaam: 'Noor',
        achternaam: 'Verhoeven',
        geslacht: 'v',
        geboortedatum: '2012-03-01',
        groep: '2C',
      })
    ).id;
    const moeder = await call('people.create', {
      soort: 'ouder',
      voornaam: 'Ilse',
      achternaam: 'Verhoeven',
      geslacht: 'v',
      straat: 'Waalkade 3',
      postcode: '4001 LM',
      plaats: 'Tiel',
    });
    await call('people.linkGuardian', { leerlingId: pupilId, ouderId: moeder.id });
    docentId = (await call('people.create', { soort: 'medewerker', voornaam: 'Joost', achternaam: 'Brinkman', functie: 'docent' })).id;
    const protocol = (await app.call('protocols.inForce', { datum: '2026-11-13' })) as { secties: { regels: { id: number }[] }[] };
    const base = {
      regelIds: [protocol.secties[2].regels[0].id],
      datumVoorval: '2026-11-13',
      datumMelding: '2026-11-13',
      locatie: 'buiten_school',
      platform: 'whatsapp',
      ernst: 'hoog',
    };
    schorsingIncident = (
      await call('incidents.create', {
        ...base,
        categorie: 'pesten',
        omschrijving: 'Noor zette een spotvideo over een klasgenoot in de klassengroep.',
        betrokkenen: [{ personId: pupilId, rol: 'dader' }],
      })
    ).id;
    // A teacher recorded as a witness first; the school leader makes him dader on the page.
    zedenIncident = (
      await call('incidents.create', {
        ...base,
        categorie: 'bedreiging',
        omschrijving: 'Een docent stuurde Noor laat op de avond berichten via WhatsApp.',
        betrokkenen: [
          { personId: docentId, rol: 'getuige' },
          { personId: pupilId, rol: 'slachtoffer' },
        ],
      })
    ).id;
    measureId = (
      await call('measures.create', {
        incidentId: schorsingIncident,
        personId: pupilId,
        soort: 'schorsing',
        status: 'besloten',
        besluitDatum: '2026-11-16',
        startdatum: '2026-11-17',
        einddatum: '2026-11-18',
        vorm: 'extern',
        afsprakenSchoolwerk: 'Noor maakt thuis de opdrachten uit de studiewijzer.',
      })
    ).id;
  });
  afterAll(async () => {
    await app?.close();
  });

  const fold = () => page.getByTestId('maatregel-stappen');
  const foldButton = () => fold().getByRole('button', { name: /^Wettelijke stappen en hoorgesprekken: Schorsing – Noor Verhoeven/ });
  const openStep = (regel: string, text?: string) => {
    const l = fold().locator(`[data-regel="${regel}"][data-status="open"]`);
    return text ? l.filter({ hasText: text }) : l;
  };
  // The count on the fold is read apart from the list inside it: a stale count stays as it was.
  const expectOpenCount = async (fewerThan?: number) => {
    const n = (await openMeasureTasks()).length;
    if (fewerThan !== undefined) expect(n).toBeLessThan(fewerThan);
    await poll(() => foldButton().textContent()).toContain(n === 1 ? '1 stap open' : `${n} stappen open`);
  };

  it('shows each step of the schorsing once, under its measure, with the open count on the fold', async () => {
    await page.goto(`${app.preview.url}#/meldingen/${schorsingIncident}`);
    await foldButton().waitFor({ timeout: 30_000 });
    const open = await openMeasureTasks();
    expect(open.length).toBeGreaterThan(3);
    await expectOpenCount();
    await foldButton().evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await viewportShot('current-01-maatregel-vouw-1366');
    await page.setViewportSize({ width: 1024, height: 768 });
    await foldButton().evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await viewportShot('current-01-maatregel-vouw-1024');
    await expectA11y('the fold with its open count at 1024×768');
    await page.setViewportSize({ width: 1366, height: 768 });
    await foldButton().click();
    await openStep('schorsing.horen', 'De ouders horen').waitFor();
    // Once on the page: not again in a list of the incident's own steps.
    expect(await page.locator('[data-regel="schorsing.horen"]').filter({ hasText: 'De ouders horen' }).count()).toBe(1);
    expect(await page.locator('[data-regel="schorsing.isd"]').count()).toBe(1);
    expect(await page.getByRole('region', { name: 'Wettelijke stappen en termijnen' }).count()).toBe(0);
    expect(await page.getByText('Geen verplichtingen bij dit onderdeel.').count()).toBe(0);
    await markPage();
    await fold().scrollIntoViewIfNeeded();
    await viewportShot('current-02-maatregel-stappen');
    await expectA11y('incident page with the steps of a schorsing');
  });

  it('a hearing recorded: its step and the count change without a reload', async () => {
    const before = (await openMeasureTasks()).length;
    const hearings = fold().getByTestId('hoorgesprekken');
    await hearings.getByRole('button', { name: 'Hoorgesprek vastleggen' }).click();
    const form = hearings.getByRole('form', { name: 'Hoorgesprek vastleggen' });
    await choose(page, 'Wie is gehoord', 'Ouders/verzorgers', form);
    await form.getByRole('textbox', { name: 'Gehoord door' }).fill('M. de Vries');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.waitFor({ state: 'detached' });
    await poll(() => openStep('schorsing.horen', 'De ouders horen').count()).toBe(0);
    await expectOpenCount(before);
    await samePage();
  });

  it('a letter made final: the written decision is done, without a reload', async () => {
    const before = (await openMeasureTasks()).length;
    expect(await openStep('schorsing.besluit').count()).toBe(1);
    await page.getByTestId('maatregelen').getByTestId('brief-maken').first().click();
    const dialog = page.getByRole('dialog', { name: 'Brief maken' });
    await choose(page, 'Soort brief', 'Schorsing', dialog);
    await poll(() => dialog.getByTestId('brief-voorbeeld').count()).toBe(1);
    await dialog.getByTestId('brief-definitief').click();
    await page.getByRole('dialog', { name: 'Brief definitief maken?' }).waitFor();
    const download = page.waitForEvent('download');
    await page.getByTestId('brief-bevestig').click();
    await download;
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await poll(() => openStep('schorsing.besluit').count()).toBe(0);
    await expectOpenCount(before);
    await samePage();
  });

  it('a report to the Inspectie: the ISD step is done, without a reload', async () => {
    const before = (await openMeasureTasks()).length;
    expect(await openStep('schorsing.isd').count()).toBe(1);
    await page.getByRole('button', { name: 'Melding aan instantie toevoegen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Melding aan instantie toevoegen' });
    await choose(page, 'Instantie', 'Inspectie van het Onderwijs (ISD)', dialog);
    await choose(page, 'Soort', 'Melding', dialog);
    await dialog.getByRole('textbox', { name: 'Gemeld door' }).fill('M. Hoekstra');
    await choose(page, 'Bij maatregel', /^Schorsing/, dialog);
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.waitFor({ state: 'detached' });
    await poll(() => openStep('schorsing.isd').count()).toBe(0);
    await expectOpenCount(before);
    await samePage();
    await fold().scrollIntoViewIfNeeded();
    await foldButton().evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await viewportShot('current-02-na-hoorgesprek-brief-melding');
    await expectA11y('incident page after a hearing, a letter and a report');
  });

  const checklist = async () =>
    (await app.call('obligations.checklist.get', { incidentId: zedenIncident })) as { zedenVermoeden: boolean | null; stappen: Ob[] };

  it('a teacher made dader against a pupil: right after saving, the question stands at the top, in view', async () => {
    await page.goto(`${app.preview.url}#/meldingen/${zedenIncident}`);
    await page.getByRole('heading', { level: 1, name: /^Melding M2026-/ }).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('zeden-vraag').count()).toBe(0);
    await markPage();
    await choose(page, 'Rol van Joost Brinkman', 'Dader', page.locator('body'));
    // The save button at the bottom of the long page.
    const save = page.getByRole('button', { name: 'Opslaan', exact: true }).last();
    await save.scrollIntoViewIfNeeded();
    await save.click();
    const vraag = page.getByTestId('zeden-vraag');
    await vraag.waitFor();
    await samePage();
    // Above the incident's own fields, and scrolled into view.
    const box = (await vraag.boundingBox())!;
    const firstSection = (await page.getByRole('region', { name: 'Wanneer en waar' }).boundingBox())!;
    expect(box.y).toBeLessThan(firstSection.y);
    await poll(async () => (await vraag.boundingBox())!.y).toBeGreaterThanOrEqual(0);
    expect((await vraag.boundingBox())!.y + box.height).toBeLessThanOrEqual(768);
    expect(await vraag.getByRole('button', { name: 'Ja, mogelijk zedendelict' }).count()).toBe(1);
    expect(await vraag.getByRole('button', { name: 'Nee', exact: true }).count()).toBe(1);
    // Asked once: the advice does not ask it again further down.
    await page.getByTestId('advies').waitFor();
    expect(await page.getByTestId('advies').getByText('Is dit een mogelijk zedendelict?').count()).toBe(0);
    await page.evaluate('window.scrollTo(0, 0)');
    await viewportShot('current-03-zedenvraag-1366');
    await expectA11y('the sexual-offence question at the top');
    await page.setViewportSize({ width: 1024, height: 768 });
    await vraag.evaluate((el) => el.scrollIntoView({ block: 'nearest' }));
    expect((await vraag.boundingBox())!.y).toBeLessThan(768);
    await viewportShot('current-04-zedenvraag-1024');
    await expectA11y('the sexual-offence question at 1024×768');
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  it('"Nee" needs a name, is recorded and audited, and leaves a quiet line', async () => {
    const vraag = page.getByTestId('zeden-vraag');
    const naam = vraag.getByRole('textbox', { name: 'Uw naam' });
    await naam.fill('');
    await vraag.getByRole('button', { name: 'Nee', exact: true }).click();
    await vraag.getByText('Vul uw naam in: die komt met het antwoord in het dossier.').waitFor();
    expect((await checklist()).zedenVermoeden).toBeNull();
    await naam.fill('A. de Vries, teamleider');
    await vraag.getByRole('button', { name: 'Nee', exact: true }).click();
    await vraag.waitFor({ state: 'detached' });
    const line = page.getByTestId('zeden-antwoord');
    await poll(() => line.textContent()).toContain('Vastgelegd: geen mogelijk zedendelict.');
    expect((await checklist()).zedenVermoeden).toBe(false);
    const audit = (await app.call('audit.forRecord', { entity: 'melding_zeden', entityId: String(zedenIncident) })) as {
      action: string;
      after: unknown;
    }[];
    expect(audit.map((a) => [a.action, a.after])).toEqual([['vastgesteld', { vermoeden: false, door: 'A. de Vries, teamleider' }]]);
    await samePage();
    await page.evaluate('window.scrollTo(0, 0)');
    await viewportShot('current-05-zeden-nee');
    await expectA11y('after "Nee"');
  });

  it('"Ja" after all: the five steps stand at the top, each once, with no "none" line under them', async () => {
    await page.getByTestId('zeden-antwoord').getByRole('button', { name: 'Antwoord wijzigen' }).click();
    const vraag = page.getByTestId('zeden-vraag');
    await vraag.getByRole('button', { name: 'Ja, mogelijk zedendelict' }).click();
    await vraag.waitFor({ state: 'detached' });
    const steps = page.getByTestId('zeden-checklist').locator('[data-regel^="zeden."]');
    await poll(() => steps.count()).toBe(5);
    expect((await checklist()).stappen.length).toBe(5);
    expect(await page.locator('[data-regel^="zeden."]').count()).toBe(5);
    await poll(() => page.getByRole('region', { name: 'Wettelijke stappen en termijnen' }).count()).toBe(0);
    expect(await page.getByText('Geen verplichtingen bij dit onderdeel.').count()).toBe(0);
    expect(await page.getByTestId('advies').getByText('Meldplicht bij een mogelijk zedendelict').count()).toBe(0);
    expect(await page.getByTestId('zeden-antwoord').textContent()).toContain('Vastgelegd: mogelijk zedendelict.');
    await samePage();
    await page.evaluate('window.scrollTo(0, 0)');
    await viewportShot('current-06-zeden-ja-1366');
    await app.screenshot('current-07-zeden-ja-hele-pagina');
    await expectA11y('the five steps at the top');
    await page.setViewportSize({ width: 1024, height: 768 });
    await viewportShot('current-08-zeden-ja-1024');
    await expectA11y('the five steps at 1024×768');
    await page.setViewportSize({ width: 1366, height: 768 });
    expect(app.consoleErrors).toEqual([]);
  });
});
