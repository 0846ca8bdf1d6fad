// Letters end to end in Chromium through the browser preview: from a pupil's schorsing on the
// incident page, open "Brief maken", see the preview (one letter per guardian address), make it
// final, receive the .docx as a download, and find the letter with its kenmerk in the dossier.
// Also Instellingen → Brieven refuses an unknown placeholder with the Dutch message, and a letter's
// own feiten: other pupils replaced by their role, edited, marked, kept when the dialog closes.
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifactsDir, startApp } from './harness';
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
    expect(file.suggestedFilename()).toBe('2026-0001 Schorsing.docx');
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

  it("shows the letter's own feiten without the other pupil, marks a name typed back in, and finalises it only after confirming", async () => {
    const call = app.call as (m: string, i?: unknown) => Promise<Record<string, unknown>>;
    const lotte = await call('people.create', {
      soort: 'leerling',
      voornaam: 'Lotte',
      tussenvoegsel: 'de',
      achternaam: 'Graaf',
      geslacht: 'v',
      groep: '2C',
    });
    const incident = await call('incidents.create', {
      datumVoorval: '2026-11-12',
      datumMelding: '2026-11-12',
      locatie: 'in_school',
      platform: 'whatsapp',
      categorie: 'pesten',
      ernst: 'middel',
      omschrijving: 'Bram en Lotte de Graaf hebben in de klassengroep spottende berichten over een klasgenoot gezet.',
      betrokkenen: [
        { personId: pupilId, rol: 'dader' },
        { personId: lotte.id, rol: 'dader' },
      ],
    });
    await call('measures.create', { incidentId: incident.id, personId: pupilId, soort: 'waarschuwing', status: 'besloten', besluitDatum: '2026-11-16' });

    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${app.preview.url}#/meldingen/${incident.id as number}`);
    const table = page.getByTestId('maatregelen');
    await table.waitFor({ timeout: 30_000 });
    await table.getByTestId('brief-maken').first().click();
    const dialog = page.getByRole('dialog', { name: 'Brief maken' });
    await dialog.waitFor();
    const kind = dialog.getByRole('combobox', { name: 'Soort brief', exact: true });
    if ((await kind.inputValue()) !== 'Waarschuwing') {
      await kind.click();
      await page.getByRole('option', { name: 'Waarschuwing', exact: true }).click();
    }
    const feiten = dialog.getByRole('textbox', { name: 'Feiten in deze brief' });
    await poll(() => feiten.inputValue()).toBe(
      'Bram en een medeleerling hebben in de klassengroep spottende berichten over een klasgenoot gezet.',
    );
    const letters = dialog.getByTestId('brief-voorbeeld');
    await poll(() => letters.first().textContent()).toContain('Bram en een medeleerling hebben in de klassengroep');
    expect(await letters.first().textContent()).not.toContain('Lotte');

    // Typed back in by hand: saved on leaving the field, marked, and in the letter.
    await feiten.fill('Bram en Lotte hebben in de klassengroep spottende berichten over een klasgenoot gezet.');
    await dialog.getByRole('combobox', { name: 'Soort brief', exact: true }).focus();
    await poll(() => dialog.getByTestId('brief-feiten-namen').textContent()).toContain('Lotte · leerling');
    await poll(() => letters.first().textContent()).toContain('Bram en Lotte hebben in de klassengroep');
    await page.screenshot({ path: path.join(artifactsDir, 'letters-05-feiten-1366.png') });
    await expectA11y('letter dialog with feiten');

    // Typed and the dialog closed at once: the text is there when it opens again.
    const last = 'Bram en Lotte hebben in de klassengroep spottende berichten over een klasgenoot gezet. Lotte begon.';
    await feiten.fill(last);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await table.getByTestId('brief-maken').first().click();
    await dialog.waitFor();
    if ((await kind.inputValue()) !== 'Waarschuwing') {
      await kind.click();
      await page.getByRole('option', { name: 'Waarschuwing', exact: true }).click();
    }
    await poll(() => feiten.inputValue()).toBe(last);
    await poll(() => letters.first().textContent()).toContain('Lotte begon.');

    await dialog.getByTestId('brief-definitief').click();
    const confirm = page.getByRole('dialog', { name: 'Brief definitief maken?' });
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('De feiten noemen nog “Lotte”.');
    expect(await page.getByTestId('brief-bevestig').isDisabled()).toBe(true);
    await confirm.getByRole('checkbox', { name: /deze namen mogen in de brief blijven staan/ }).check();
    await page.screenshot({ path: path.join(artifactsDir, 'letters-06-namen-bevestigen-1366.png') });
    const downloads: Promise<import('playwright-core').Download>[] = [];
    page.on('download', (d) => downloads.push(Promise.resolve(d)));
    await page.getByTestId('brief-bevestig').click();
    await poll(() => downloads.length).toBeGreaterThan(0);
    const saved = await (await downloads[0]).path();
    const xml = await (await JSZip.loadAsync(fs.readFileSync(saved!))).file('word/document.xml')!.async('string');
    expect(xml).toContain('Bram en Lotte hebben in de klassengroep spottende berichten over een klasgenoot gezet. Lotte begon.');
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(app.consoleErrors).toEqual([]);
  });
});
