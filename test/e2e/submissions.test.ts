// Reports by staff, end to end in Chromium through the browser preview against the real core: from
// Overzicht to "Melding doen", fill the short form (what, where, who via the person search, a
// screenshot) and send it; the reporter sees it as new; the registrar finds it in "Binnengekomen
// meldingen", opens it, accepts it with a category and lands on the incident it became, with the
// screenshot as evidence. A merge picks the incident by search; a decline asks for a reason, which
// the reporter then sees. Screenshots at 1366×768 and 1024×768; axe-core on every screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startApp } from './harness';
import type { E2EApp } from './harness';

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

/** A 1×1 PNG. */
const PNG_1x1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

async function choose(page: Page, label: string | RegExp, option: string | RegExp, scope: Page | ReturnType<Page['locator']> = page) {
  await scope.getByRole('combobox', { name: label, exact: typeof label === 'string' }).click();
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
}

describe('reports by staff: Melding doen and Binnengekomen meldingen', () => {
  let app: E2EApp;
  let page: Page;

  const shot = async (name: string) => {
    await page.evaluate('window.scrollTo(0, 0)');
    await app.screenshot(name);
  };
  /** Screenshots at the two laptop sizes, and no sideways scrolling at either. */
  const shots = async (name: string) => {
    for (const [w, h] of [
      [1366, 768],
      [1024, 768],
    ]) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForTimeout(150);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${name} at ${w}px fits`).toBe(true);
      await shot(`${name}-${w}`);
    }
    await page.setViewportSize({ width: 1366, height: 768 });
  };
  const expectA11y = async (what: string) => {
    const v = await app.checkA11y();
    expect(v, `${what}: ${JSON.stringify(v, null, 1)}`).toEqual([]);
  };

  beforeAll(async () => {
    app = await startApp({ demo: true, viewport: { width: 1366, height: 768 } });
    page = app.page;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('fills and sends the form from Overzicht; the reporter sees it as new', async () => {
    await page.getByTestId('melding-doen').click();
    await page.waitForURL(/#\/melden$/);
    await page.getByRole('heading', { name: 'Melding doen', level: 1 }).waitFor();
    await expectA11y('empty form');

    // Sending it empty: the Dutch messages stand at their fields, nothing is stored.
    await page.getByTestId('melden-versturen').click();
    await poll(() => page.getByText('Beschrijf wat er gebeurde.').count()).toBe(1);
    expect(((await app.call('submissions.list', {})) as { total: number }).total).toBe(0);

    await page
      .getByRole('textbox', { name: 'Beschrijving' })
      .fill('In de klassengroep werd een bewerkte foto van Daan gedeeld met een gemene tekst.');
    await choose(page, 'Waar', 'In school');
    await choose(page, 'Platform', 'WhatsApp');
    await page.getByRole('combobox', { name: 'Zoek een leerling of medewerker' }).fill('Daan Mulder');
    await page.getByRole('option', { name: /^Daan Mulder \(Leerling/ }).click();
    await choose(page, 'Rol', 'Slachtoffer');
    await page.getByTestId('melden-persoon-toevoegen').click();
    await page.getByTestId('melden-personen').getByText('Daan Mulder').waitFor();
    await page.getByRole('textbox', { name: 'Iemand die niet in de lijst staat' }).fill('Een jongen uit groep 8, naam onbekend');
    await page.locator('input[type="file"]').setInputFiles({ name: 'klassengroep.png', mimeType: 'image/png', buffer: PNG_1x1 });
    await page
      .getByTestId('melden-bestanden')
      .getByText(/klassengroep\.png/)
      .waitFor();
    await expectA11y('filled form');
    await shots('melden-01-formulier');

    await page.getByTestId('melden-versturen').click();
    await page.getByText('Dank u wel').waitFor();
    const mine = page.getByTestId('mijn-meldingen');
    await mine.getByText('Nieuw', { exact: true }).waitFor();
    await poll(() => page.getByRole('textbox', { name: 'Beschrijving' }).inputValue()).toBe('');
    await expectA11y('sent');
    await shots('melden-02-verstuurd');
  });

  it('the registrar opens it from the queue, accepts it and sees the incident with the screenshot', async () => {
    await page.getByRole('link', { name: 'Binnengekomen meldingen' }).click();
    await page.waitForURL(/#\/melden\/binnengekomen$/);
    const grid = page.getByTestId('binnengekomen-grid');
    await grid.getByRole('row').nth(1).waitFor();
    await poll(() => grid.getByRole('row').nth(1).textContent()).toMatch(/bewerkte foto van Daan/);
    expect(await grid.getByRole('row').nth(1).textContent()).toMatch(/e2e.*Nieuw/);
    await expectA11y('queue');
    await shots('melden-03-binnengekomen');

    await grid.getByRole('row').nth(1).locator('[col-id="wat"]').click();
    await page.waitForURL(/#\/melden\/binnengekomen\/\d+$/);
    const review = page.getByTestId('ingediende-melding');
    await review.getByText(/bewerkte foto van Daan/).waitFor();
    await review.getByText(/Daan Mulder .*Slachtoffer/).waitFor();
    await review.getByRole('button', { name: 'klassengroep.png bekijken' }).waitFor();
    await expectA11y('one report');
    await shots('melden-04-ingediend');

    await page.getByTestId('accepteren').click();
    const dialog = page.getByRole('dialog', { name: 'Accepteren als melding' });
    await dialog.waitFor();
    await choose(page, 'Categorie', '(Digitaal) pesten', dialog);
    await choose(page, 'Ernst', 'Hoog', dialog);
    await expectA11y('accept dialog');
    await shot('melden-05-accepteren');
    await dialog.getByTestId('accept-opslaan').click();

    await page.waitForURL(/#\/meldingen\/\d+$/);
    const incidentId = Number(page.url().split('/').pop());
    await poll(() => page.getByRole('textbox', { name: 'Feitelijke omschrijving' }).inputValue()).toContain('bewerkte foto van Daan');
    await page.getByTestId('bewijs').getByText('klassengroep.png').waitFor();
    await page.getByTestId('betrokkenen').getByRole('link', { name: 'Daan Mulder' }).waitFor();
    const incident = (await app.call('incidents.get', { id: incidentId })) as {
      melderOmschrijving: string;
      ernst: string;
      bewijs: { sha256: string }[];
    };
    expect(incident).toMatchObject({ melderOmschrijving: 'e2e', ernst: 'hoog' });
    expect(incident.bewijs).toHaveLength(1);
    await shot('melden-06-melding');

    // The reporter's list says what became of it.
    await page.goto(`${app.preview.url}#/melden`);
    await page.getByTestId('mijn-meldingen').getByText('Geaccepteerd', { exact: true }).waitFor();
    await page
      .getByTestId('mijn-meldingen')
      .getByText(/Opgenomen als M\d{4}-\d{4}/)
      .waitFor();
    await expectA11y('my reports with an accepted one');
  });

  it('a merge picks an incident by search and adds the report to it', async () => {
    const target = (await app.call('incidents.list', { limit: 1 })) as { rows: { id: number; nummer: string }[] };
    const { id: incidentId, nummer } = target.rows[0];
    const s = (await app.call('submissions.create', {
      wat: 'Ook in de gymzaal werd erover gepraat.',
      datum: '2026-11-13',
      locatie: 'in_school',
      platform: 'whatsapp',
    })) as { id: number };
    await page.goto(`${app.preview.url}#/melden/binnengekomen/${s.id}`);
    await page.getByTestId('samenvoegen').click();
    const dialog = page.getByRole('dialog', { name: 'Samenvoegen met een melding' });
    await dialog.getByRole('combobox', { name: 'Melding' }).fill(nummer);
    await page.getByRole('option', { name: new RegExp(`^${nummer} `) }).click();
    await expectA11y('merge dialog');
    await shot('melden-08-samenvoegen');
    await dialog.getByTestId('merge-opslaan').click();
    await page.waitForURL(new RegExp(`#/meldingen/${incidentId}$`));
    await poll(() => page.getByRole('textbox', { name: 'Feitelijke omschrijving' }).inputValue()).toContain(
      'Ook in de gymzaal werd erover gepraat.',
    );
  });

  it('a decline asks for a reason at its field, and the reporter sees it', async () => {
    const s = (await app.call('submissions.create', {
      wat: 'Bij het fietsenhok werd iemand uitgescholden.',
      datum: '2026-11-13',
      locatie: 'in_school',
      platform: 'overig',
    })) as { id: number };
    await page.goto(`${app.preview.url}#/melden/binnengekomen/${s.id}`);
    await page.getByTestId('afwijzen').click();
    const dialog = page.getByRole('dialog', { name: 'Melding afwijzen' });
    await dialog.getByTestId('afwijs-reden').fill('nee');
    await dialog.getByTestId('afwijzen-opslaan').click();
    await poll(() => dialog.getByText(/minstens 10 tekens/).count()).toBeGreaterThan(0);
    await expectA11y('decline dialog with its message');
    const reden = 'Dit is buiten school gebeurd; de ouders zijn al gebeld.';
    await dialog.getByTestId('afwijs-reden').fill(reden);
    await dialog.getByTestId('afwijzen-opslaan').click();
    await page.getByTestId('status').getByText('Afgewezen').waitFor();
    await page.goto(`${app.preview.url}#/melden`);
    await page.getByTestId('mijn-meldingen').getByText(`Reden: ${reden}`).waitFor();
    await expectA11y('my reports with a declined one');
    await shots('melden-07-afgewezen');
    expect(app.consoleErrors).toEqual([]);
  });
});
