// Letters end to end in Chromium through the browser preview: from a pupil's schorsing on the
// incident page, open "Brief maken", see the preview (one letter per guardian address), make it
// final, receive the .docx as a download, and find the letter with its kenmerk in the dossier.
// Also Instellingen → Brieven refuses an unknown placeholder with the Dutch message.
import fs from 'node:fs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startApp } from './harness';
import type { E2EApp } from './harness';

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000 });

describe('letters (Brief maken, Definitief maken, dossier)', () => {
  let app: E2EApp;
  let page: Page;
  let pupilId = 0;
  let incidentId = 0;

  const expectA11y = async (what: string) => {
    const v = await app.checkA11y();
    expect(v, `${what}: ${JSON.stringify(v, null, 1)}`).toEqual([]);
  };

  beforeAll(async () => {
    app = await startApp({ demo: true });
    page = app.page;
    const call = app.call as (m: string, i?: unknown) => Promise<Record<string, unknown>>;
    const pupil = await call('people.create', { soort: 'leerling', voornaam: 'Bram', achternaam: 'Verhoeven', geslacht: 'm', geboortedatum: '2012-04-02', groep: '2C' });
    pupilId = pupil.id as number;
    const vader = await call('people.create', { soort: 'ouder', voornaam: 'Erik', achternaam: 'Verhoeven', geslacht: 'm', straat: 'Waalkade 3', postcode: '4001 LM', plaats: 'Tiel' });
    const moeder = await call('people.create', { soort: 'ouder', voornaam: 'Ilse', tussenvoegsel: 'van', achternaam: 'Dijk', geslacht: 'v', straat: 'Molenstraat 9', postcode: '4011 NP', plaats: 'Zoelen' });
    await call('people.linkGuardian', { leerlingId: pupilId, ouderId: vader.id });
    await call('people.linkGuardian', { leerlingId: pupilId, ouderId: moeder.id });
    const protocol = (await call('protocols.inForce', { datum: '2026-11-10' })) as { secties: { regels: { id: number }[] }[] };
    const incident = await call('incidents.create', {
      datumVoorval: '2026-11-10',
      datumMelding: '2026-11-10',
      locatie: 'buiten_school',
      platform: 'tiktok',
      categorie: 'pesten',
      ernst: 'hoog',
      omschrijving: 'Bram heeft een filmpje van een klasgenoot met spottend commentaar op TikTok gezet.',
      regelIds: [protocol.secties[2].regels[0].id],
      betrokkenen: [{ personId: pupilId, rol: 'dader' }],
    });
    incidentId = incident.id as number;
    const m = await call('measures.create', {
      incidentId,
      personId: pupilId,
      soort: 'schorsing',
      status: 'besloten',
      besluitDatum: '2026-11-16',
      startdatum: '2026-11-17',
      einddatum: '2026-11-18',
      vorm: 'extern',
      afsprakenSchoolwerk: 'Bram maakt thuis de opdrachten uit de studiewijzer.',
    });
    await call('obligations.hearings.add', { measureId: m.id, gehoord: 'leerling', personId: pupilId, datum: '2026-11-13', tijd: '10:00', door: 'Marianne Hoekstra' });
    await call('obligations.hearings.add', { measureId: m.id, gehoord: 'ouders', personId: vader.id, datum: '2026-11-13', tijd: '16:00', door: 'Marianne Hoekstra' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('previews the schorsing letter from the incident page', async () => {
    await page.goto(`${app.preview.url}#/meldingen/${incidentId}`);
    const table = page.getByTestId('maatregelen');
    await table.waitFor({ timeout: 30_000 });
    await table.getByTestId('brief-maken').first().click();
    const dialog = page.getByRole('dialog', { name: 'Brief maken' });
    await dialog.waitFor();
    await dialog.getByRole('combobox', { name: 'Soort brief', exact: true }).click();
    await page.getByRole('option', { name: 'Schorsing', exact: true }).click();
    const letters = dialog.getByTestId('brief-voorbeeld');
    await poll(() => letters.count()).toBe(1); // one tab panel shown at a time
    await poll(() => dialog.getByRole('tab').count()).toBe(3); // the VO pupil and two guardian addresses
    // Bram has no address of his own: his letter goes to his father's address.
    const text = await letters.first().textContent();
    expect(text).toContain('Bram Verhoeven');
    expect(text).toContain('4001 LM  TIEL');
    expect(text).toContain('Besluit tot schorsing');
    expect(text).toContain('Beste Bram,');
    expect(text).toContain('(volgt bij definitief maken)');
    expect(text).toContain('van dinsdag 17 november 2026 tot en met woensdag 18 november 2026');
    await app.screenshot('letters-01-voorbeeld');
    await expectA11y('letter dialog');
  });

  it('makes it final, downloads the .docx and shows the letter with its kenmerk in the dossier', async () => {
    const dialog = page.getByRole('dialog', { name: 'Brief maken' });
    await dialog.getByTestId('brief-definitief').click();
    await page.getByRole('dialog', { name: 'Brief definitief maken?' }).waitFor();
    await app.screenshot('letters-02-bevestigen');
    const download = page.waitForEvent('download');
    await page.getByTestId('brief-bevestig').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('2026-0001 Schorsing Bram Verhoeven.docx');
    const saved = await file.path();
    const xml = await (await JSZip.loadAsync(fs.readFileSync(saved!))).file('word/document.xml')!.async('string');
    expect(xml).toContain('2026-0001');
    expect(xml).toContain('Beste Bram,');

    await page.goto(`${app.preview.url}#/personen/${pupilId}/dossier`);
    const timeline = page.getByTestId('dossier-tijdlijn');
    await timeline.waitFor({ timeout: 30_000 });
    await poll(() => timeline.textContent()).toContain('(2026-0001)');
    expect(await timeline.textContent()).toContain('(2026-0002)');
    await app.screenshot('letters-03-dossier');
    await expectA11y('dossier with letters');
  });

  it('refuses an unknown placeholder in Instellingen → Brieven with the Dutch message', async () => {
    await page.goto(`${app.preview.url}#/instellingen/brieven`);
    await page.getByRole('heading', { name: 'Vaste teksten' }).waitFor({ timeout: 30_000 });
    const betreft = page.getByRole('textbox', { name: 'Betreft — Aan ouders/verzorgers' });
    await betreft.fill('Schorsing van {leerling.bijnaam}');
    await page.getByTestId('brieven-opslaan').click();
    await poll(() => page.getByTestId('brieven-fout').textContent()).toContain('Onbekende invoegcode {leerling.bijnaam}');
    await app.screenshot('letters-04-instellingen');
    await expectA11y('settings letters');
    expect(app.consoleErrors).toEqual([]);
  });
});
