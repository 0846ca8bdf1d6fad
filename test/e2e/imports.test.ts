// Imports end to end in Chromium against the real core: a hand-made list whose headers are not
// recognised is mapped by hand, the dry run shows what will happen, it is applied, and the pupil is
// found in Personen. Then a protocol document is reviewed, compared and saved as a new version.
// Screenshots in test-artifacts/imports-*.png; every step is checked with axe-core.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startApp } from './harness';
import type { E2EApp } from './harness';

const FIX = path.join(import.meta.dirname, '../fixtures/imports');
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

/** Picks an option in a Mantine Select found by its accessible name. */
async function choose(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('imports (Instellingen → Importeren)', () => {
  let app: E2EApp;
  let page: Page;
  const expectA11y = async (what: string) => {
    const v = await app.checkA11y();
    expect(v, `${what}: ${JSON.stringify(v, null, 1)}`).toEqual([]);
  };

  beforeAll(async () => {
    app = await startApp({ demo: true, route: '#/instellingen/importeren' });
    page = app.page;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('maps the columns of a hand-made list by hand and shows the first rows', async () => {
    await page.getByRole('tab', { name: 'Importeren' }).waitFor();
    await page.getByRole('button', { name: 'Bestand kiezen' }).waitFor();
    await app.screenshot('imports-01-start');
    await expectA11y('start');
    await page.locator('input[type=file]').first().setInputFiles(path.join(FIX, 'rosters/handmatig-onbekende-koppen.csv'));
    const mapping = page.getByTestId('kolomkoppeling');
    await mapping.waitFor();
    await poll(() => page.getByText('Geen enkele kolom is herkend. Koppel de kolommen hieronder zelf aan de juiste velden.').count()).toBe(
      1,
    );
    await choose(page, 'Veld voor kolom Nr', 'Leerlingnummer');
    await choose(page, 'Veld voor kolom Naam kind', 'Roepnaam');
    await choose(page, 'Veld voor kolom Achter', 'Achternaam');
    await choose(page, 'Veld voor kolom Lokaal', 'Groep / klas');
    await choose(page, 'Veld voor kolom Verjaardag', 'Geboortedatum');
    await page.getByRole('textbox', { name: 'Naam van de bron' }).fill('Lijst juf Anja');
    // The preview of the first rows shows each column's field.
    await poll(() => page.getByTestId('voorbeeldregels').locator('th').nth(3).textContent()).toBe('AchterAchternaam');
    await app.screenshot('imports-02-koppelen');
    await expectA11y('mapping');
  });

  it('shows the dry run: three new pupils, nothing written yet', async () => {
    await page.getByRole('button', { name: 'Proefimport' }).click();
    await page.getByText('Dit is een proefimport: er is nog niets gewijzigd.').waitFor();
    expect(await page.getByTestId('plan-aanmaken').textContent()).toBe('3');
    expect(await page.getByTestId('plan-ongewijzigd').textContent()).toBe('0');
    await page.getByRole('button', { name: 'Nieuw (3)' }).click();
    await poll(() => page.getByTestId('plan-lijst-aanmaken').locator('tbody tr').allTextContents()).toEqual([
      '21Lieke HendriksGroep 5',
      '32Finn de WitGroep 5',
      '43Noor ÇelikGroep 6',
    ]);
    const people = (await app.call('people.list', { search: 'Çelik' })) as { total: number };
    expect(people.total).toBe(0);
    await app.screenshot('imports-03-proefimport');
    await expectA11y('dry run');
  });

  it('applies it and finds the pupil in Personen', async () => {
    await page.getByRole('button', { name: 'Toepassen' }).click();
    await page.getByTestId('import-klaar').waitFor();
    expect(await page.getByTestId('import-klaar').textContent()).toContain(
      'Ingelezen: 3 nieuw, 0 bijgewerkt, 0 ongewijzigd, 0 uitgeschreven.',
    );
    await app.screenshot('imports-04-toegepast');
    await page.getByRole('button', { name: 'Naar Personen' }).click();
    await page.getByRole('heading', { name: 'Personen', level: 1 }).waitFor();
    await page.getByRole('searchbox', { name: 'Zoeken' }).fill('celik');
    const grid = page.getByTestId('personen-grid');
    await poll(() => grid.getByRole('row').nth(1).locator('[col-id="naam"]').textContent()).toBe('Noor Çelik');
    expect(await grid.getByRole('row').nth(1).locator('[col-id="geboortedatum"]').textContent()).toBe('29-02-2016');
    await app.screenshot('imports-05-personen');
    expect(app.consoleErrors).toEqual([]);
  });

  it('reviews a protocol document, compares it with the previous version and saves it', async () => {
    await page.goto(`${app.preview.url}#/instellingen/importeren`);
    await page.getByRole('tab', { name: 'Protocol', exact: true }).click();
    await page.locator('input[type=file]').nth(1).setInputFiles(path.join(FIX, 'protocols/protocol-de-regenboog.docx'));
    await page.getByText('Gevonden: 4 onderdelen met 14 regels.').waitFor();
    // What was left out is listed with the reason: context apart from headings, dates and footnotes.
    await page.getByRole('button', { name: 'Achtergrond bij de regels (3)' }).click();
    await page.getByText('Doel, uitgangspunt of reikwijdte van het protocol').first().waitFor();
    await page.getByText('De school ziet sociale media als een waardevol middel om te communiceren en te leren.').waitFor();
    await page.getByRole('button', { name: 'Ook niet als regel overgenomen (8)' }).waitFor();
    for (const width of [1024, 1366]) {
      await page.setViewportSize({ width, height: 768 });
      await page.getByRole('button', { name: 'Achtergrond bij de regels (3)' }).scrollIntoViewIfNeeded();
      await app.screenshot(`imports-06-protocol-achtergrond-${width}`);
    }
    await expectA11y('protocol background');
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(await page.getByRole('textbox', { name: 'Versie' }).inputValue()).toBe('2.1');
    // In force after the demo school's protocol (2025-08-01), so it is compared with that version.
    const ingang = page.getByRole('textbox', { name: 'Geldt vanaf (ingangsdatum)' });
    await ingang.fill('01-08-2027');
    await ingang.press('Tab');
    // Merge rule III.3 back into III.2 and number the rules again.
    await page.getByRole('button', { name: 'Acties voor regel III.3' }).click();
    await page.getByRole('menuitem', { name: 'Samenvoegen met de regel erboven' }).click();
    await poll(() => page.getByRole('textbox', { name: 'Tekst van regel III.2' }).inputValue()).toBe(
      'Medewerkers gaan online niet in discussie met leerlingen of ouders. Wie namens de school spreekt, noemt zijn naam en functie.\nEen privémening wordt duidelijk als privémening aangegeven.',
    );
    await page.getByRole('button', { name: 'Acties voor onderdeel III' }).click();
    await page.getByRole('menuitem', { name: 'Regels nummeren 1, 2, 3 …' }).click();
    await poll(() => page.getByRole('textbox', { name: 'Nummer van regel III.3' }).inputValue()).toBe('3');
    await app.screenshot('imports-06-protocol-controleren');
    await expectA11y('protocol review');
    await page.getByRole('button', { name: 'Vergelijken met de vorige versie' }).click();
    await page.getByTestId('protocol-vergelijking').waitFor();
    await page.getByText('Vergeleken met versie', { exact: false }).waitFor();
    await app.screenshot('imports-07-protocol-vergelijken');
    await expectA11y('protocol compare');
    await page.getByRole('button', { name: 'Opslaan als nieuwe versie' }).click();
    await page.getByTestId('protocol-klaar').waitFor();
    expect(await page.getByTestId('protocol-klaar').textContent()).toMatch(
      /^“Protocol sociale media De Regenboog”, versie 2\.1, is opgeslagen met 13 regels; \d+ daarvan zetten een regel van de vorige versie voort\.$/,
    );
    const versions = (await app.call('protocols.list', {})) as { versie: string; ingangsdatum: string }[];
    expect(versions.map((v) => [v.versie, v.ingangsdatum])[0]).toEqual(['2.1', '2027-08-01']);
    await app.screenshot('imports-08-protocol-opgeslagen');
    expect(app.consoleErrors).toEqual([]);
  });
});
