// Everyday polish end to end: the grids' result count, "Filters wissen", tooltips on cut-off cells,
// no "…" in Status/Ernst/Categorie at 1366 pixels, the export in the grid's own order; people found
// by class; tasks in the Planning on their deadline with pupil and incident, gone once done; incident
// numbers on one line; plain Dutch words; Dutch-only texts marked in the English UI. axe on every
// screen; screenshots test-artifacts/polish-*.png at 1366×768 and 1024×768.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startApp } from './harness';
import type { E2EApp } from './harness';

const WIDE = { width: 1366, height: 768 };
const NARROW = { width: 1024, height: 768 };

interface Page_<R> {
  rows: R[];
  total: number;
}

describe('everyday polish: grids, planning, words', () => {
  let app: E2EApp;
  let page: Page;
  let incidentId = 0;
  let nummer = '';
  let isdId = 0;
  const longEmail = 'anne-marije.vandenheuvel-oosterbroek@de-linde-voorbeeldschool.nl';

  const expectA11y = async (what: string) => {
    const v = await app.checkA11y();
    expect(v, `${what}: ${JSON.stringify(v, null, 1)}`).toEqual([]);
  };
  const shoot = async (name: string) => {
    await page.setViewportSize(NARROW);
    await page.waitForTimeout(300);
    await app.screenshot(`polish-${name}-1024`);
    await page.setViewportSize(WIDE);
    await page.waitForTimeout(300);
    await app.screenshot(`polish-${name}-1366`);
  };
  const go = async (route: string) => {
    await page.goto(`${app.preview.url}${route}`);
    await page.reload();
  };
  /** Cells (or header texts) of a column whose text does not fit. */
  const cutOff = (selector: string) =>
    page
      .locator(selector)
      .evaluateAll((els) =>
        els.filter((e) => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1).map((e) => e.textContent),
      );

  beforeAll(async () => {
    // Monday 16 November 2026, the demo school De Linde (VO).
    app = await startApp({ demo: true, viewport: WIDE });
    page = app.page;
    const noor = (await app.call('people.create', { soort: 'leerling', voornaam: 'Noor', achternaam: 'Verhoeven', groep: '3B' })) as {
      id: number;
    };
    await app.call('people.create', { soort: 'medewerker', voornaam: 'Anne-Marije', achternaam: 'Oosterbroek', email: longEmail });
    const inc = (await app.call('incidents.create', {
      datumVoorval: '2026-11-13',
      datumMelding: '2026-11-13',
      locatie: 'buiten_school',
      platform: 'tiktok',
      categorie: 'seksueel',
      ernst: 'hoog',
      omschrijving: 'Ongewenste foto van een klasgenoot gedeeld.',
      betrokkenen: [{ personId: noor.id, rol: 'dader' }],
    })) as { id: number; nummer: string };
    incidentId = inc.id;
    nummer = inc.nummer;
    // A suspension decided on Monday 16 November: the Inspectie notice is overdue after 2 working days.
    await app.call('measures.create', {
      incidentId,
      personId: noor.id,
      soort: 'schorsing',
      besluitDatum: '2026-11-16',
      startdatum: '2026-11-17',
      einddatum: '2026-11-18',
      vorm: 'extern',
    });
    const obs = (await app.call('obligations.list', { offset: 0, limit: 50, incidentId })) as Page_<{
      id: number;
      regel: string;
      uiterlijk: string;
      teLaatVanaf: string;
    }>;
    const isd = obs.rows.find((o) => o.regel === 'schorsing.isd')!;
    isdId = isd.id;
    // Target date the day of the decision; overdue from Thursday 19 November (Tuesday and Wednesday count).
    expect([isd.uiterlijk, isd.teLaatVanaf]).toEqual(['2026-11-16', '2026-11-19']);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('Meldingen: the count, "Filters wissen", and no "…" in Status, Ernst and Categorie at 1366 pixels', async () => {
    await go('#/meldingen');
    const grid = page.getByTestId('meldingen-grid');
    const total = ((await app.call('incidents.list', { offset: 0, limit: 1 })) as Page_<unknown>).total;
    const count = page.getByTestId('meldingen-grid-aantal');
    await expect.poll(() => count.textContent(), { timeout: 20_000 }).toBe(`${total} meldingen`);
    expect(await page.getByTestId('filters-wissen').count()).toBe(0);
    // Categorie twice: Z to A, so the longest category ("Seksuele intimidatie/…") is near the top.
    await grid.locator('.ag-header-cell[col-id="categorie"] .ag-header-cell-label').click();
    await grid.locator('.ag-header-cell[col-id="categorie"] .ag-header-cell-label').click();
    await expect.poll(() => grid.locator('.ag-header-cell[col-id="categorie"]').getAttribute('aria-sort')).toBe('descending');
    await expect
      // The label may break after a slash (a zero-width space there).
      .poll(async () => (await grid.locator('.ag-row [col-id="categorie"]').allTextContents()).map((x) => x.replaceAll('\u200B', '')))
      .toContain('Seksuele intimidatie/sexting/ongewenst beeldmateriaal');
    // The other columns with a fixed width fit their values too; names may wrap onto two lines.
    for (const col of ['nummer', 'datumVoorval', 'categorie', 'platform', 'ernst', 'status', 'aantalMaatregelen']) {
      const widths = await grid.locator(`.ag-row [col-id="${col}"]`).evaluateAll((els) => els.map((e) => [e.scrollWidth, e.clientWidth]));
      expect(
        await cutOff(`[data-testid="meldingen-grid"] .ag-row [col-id="${col}"]`),
        `${col} ${JSON.stringify(widths.slice(0, 3))}`,
      ).toEqual([]);
      expect(await cutOff(`[data-testid="meldingen-grid"] .ag-header-cell[col-id="${col}"] .ag-header-cell-text`), col).toEqual([]);
    }
    // A header cut off at this width ("Slachto…") shows its full name on hover.
    const victims = '[data-testid="meldingen-grid"] .ag-header-cell[col-id="slachtoffers"] .ag-header-cell-text';
    expect(await cutOff(victims)).toEqual(['Slachtoffers']);
    await page.locator(victims).hover();
    await expect.poll(() => page.locator('.ag-tooltip').textContent(), { timeout: 5000 }).toBe('Slachtoffers');
    await page.mouse.move(0, 0);
    await shoot('01-meldingen');
    await expectA11y('meldingen');

    await page.getByTestId('meldingen-zoek').fill(nummer);
    await expect.poll(() => count.textContent()).toBe('1 melding');
    await page.getByTestId('filters-wissen').click();
    await expect.poll(() => count.textContent()).toBe(`${total} meldingen`);
    expect(await page.getByTestId('meldingen-zoek').inputValue()).toBe('');
    expect(await page.getByTestId('filters-wissen').count()).toBe(0);
  });

  it('exports the incidents in the grid’s own sort order', async () => {
    const grid = page.getByTestId('meldingen-grid');
    await expect.poll(() => grid.locator('.ag-header-cell[col-id="categorie"]').getAttribute('aria-sort')).toBe('descending');
    await page.getByTestId('export-knop').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /CSV/ }).click()]);
    const csv = fs.readFileSync((await download.path()) as string, 'utf8');
    const exported = csv
      .split(/\r?\n/)
      .map((l) => /M\d{4}-\d{4}/.exec(l)?.[0])
      .filter(Boolean);
    const expected = (
      (await app.call('incidents.list', { offset: 0, limit: 500, sort: { field: 'categorie', dir: 'desc' } })) as Page_<{ nummer: string }>
    ).rows.map((r) => r.nummer);
    const byDate = ((await app.call('incidents.list', { offset: 0, limit: 500 })) as Page_<{ nummer: string }>).rows.map((r) => r.nummer);
    expect(expected).not.toEqual(byDate);
    expect(exported).toEqual(expected);
  });

  it('Personen: finds the pupils of a class, with the count, and shows a cut-off e-mail address in a tooltip', async () => {
    const all = ((await app.call('people.list', { offset: 0, limit: 500 })) as Page_<{ naam: string; groep: string | null }>).rows;
    const in3B = all.filter((p) => p.groep === '3B').map((p) => p.naam);
    expect(in3B).toContain('Noor Verhoeven');
    await go('#/personen');
    const count = page.getByTestId('personen-grid-aantal');
    await expect.poll(() => count.textContent(), { timeout: 20_000 }).toBe(`${all.length} personen`);
    expect(await page.getByTestId('personen-zoek').getAttribute('placeholder')).toBe('Naam, nummer of klas');
    await page.getByTestId('personen-zoek').fill('3B');
    await expect.poll(() => count.textContent()).toBe(`${in3B.length} personen`);
    const shown = await page.locator('[data-testid="personen-grid"] .ag-row [col-id="naam"]').allTextContents();
    expect(shown.sort()).toEqual([...in3B].sort());
    await shoot('02-personen-klas');
    await expectA11y('personen, class 3B');

    await page.setViewportSize(NARROW);
    await page.getByTestId('personen-zoek').fill('Oosterbroek');
    await expect.poll(() => count.textContent()).toBe('1 persoon');
    const mail = page.locator('[data-testid="personen-grid"] .ag-row [col-id="email"]').first();
    expect(await cutOff('[data-testid="personen-grid"] .ag-row [col-id="email"]')).toEqual([longEmail]);
    await mail.hover();
    await expect.poll(() => page.locator('.ag-tooltip').textContent(), { timeout: 5000 }).toBe(longEmail);
    await app.screenshot('polish-03-tooltip-1024');
    await page.getByTestId('filters-wissen').click();
    await expect.poll(() => count.textContent()).toBe(`${all.length} personen`);
    await page.setViewportSize(WIDE);
  });

  it('Planning: a task on its deadline with pupil and incident, in the .ics without the name, gone once done', async () => {
    await go('#/planning');
    const row = page.getByTestId(`item-verplichting-${isdId}`);
    await row.waitFor({ timeout: 20_000 });
    // Overdue from Thursday 19 November, so due on Wednesday 18 November (not on the 16th).
    expect(await row.locator('td').first().textContent()).toBe('18-11-2026');
    expect(await row.getByTestId('hoort-bij').textContent()).toBe(`Noor Verhoeven · melding ${nummer}`);
    await shoot('04-planning');
    await expectA11y('planning');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`ics-verplichting-${isdId}`).click()]);
    const ics = fs.readFileSync((await download.path()) as string, 'utf8');
    expect(ics).toContain('DTSTART;VALUE=DATE:20261118');
    expect(ics).toContain(nummer);
    expect(ics).not.toContain('Verhoeven');

    await app.call('obligations.markDone', { id: isdId, door: 'Mw. De Vries', datum: '2026-11-16' });
    await page.reload();
    await page.getByTestId('planning-lijst').waitFor();
    expect(await page.getByTestId(`item-verplichting-${isdId}`).count()).toBe(0);
    const [year] = await Promise.all([page.waitForEvent('download'), page.getByTestId('planning-ics').click()]);
    const yearIcs = fs.readFileSync((await year.path()) as string, 'utf8');
    expect(yearIcs).toContain('BEGIN:VEVENT');
    expect(yearIcs).not.toContain(`verplichting-${isdId}@`);
  });

  it('keeps incident numbers on one line', async () => {
    await page.setViewportSize(NARROW);
    await go(`#/meldingen/${incidentId}`);
    await page.getByRole('heading', { level: 1, name: `Melding ${nummer}` }).waitFor({ timeout: 20_000 });
    const spans = page.locator('.sp-nummer');
    expect(await spans.count()).toBeGreaterThan(0);
    const lines = await spans.evaluateAll((els) =>
      els
        .filter((e) => e.getClientRects().length > 0)
        .map((e) => [e.ownerDocument.defaultView!.getComputedStyle(e).whiteSpace, e.getClientRects().length]),
    );
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).toEqual(['nowrap', 1]);
    await page.setViewportSize(WIDE);
    await shoot('05-melding');
    await expectA11y('incident');
  });

  it('uses the words of a school leader', async () => {
    await go(`#/meldingen/${incidentId}`);
    await page.getByRole('heading', { level: 1, name: `Melding ${nummer}` }).waitFor({ timeout: 20_000 });
    expect(await page.getByRole('combobox', { name: 'Rol van Noor Verhoeven' }).inputValue()).toBe('Dader');
    await go('#/instellingen');
    await page.getByRole('tab', { name: 'Wettelijke termijnen' }).waitFor({ timeout: 20_000 });
    expect(await page.getByRole('tab', { name: 'Compliance' }).count()).toBe(0);
    await go('#/instellingen/brieven');
    await page.getByText('Velden die de app invult', { exact: true }).waitFor({ timeout: 20_000 });
    expect(await page.getByText('Invoegcodes', { exact: true }).count()).toBe(0);
    await go('#/instellingen/school');
    await page.getByText(/De code van uw school bij DUO en de Inspectie/).waitFor({ timeout: 20_000 });
    await shoot('06-instellingen-school');
    await expectA11y('settings, school');
  });

  it('marks the Dutch-only legal texts in the English interface', async () => {
    await go(`#/meldingen/${incidentId}`);
    await page.getByRole('heading', { level: 1, name: `Melding ${nummer}` }).waitFor({ timeout: 20_000 });
    await page.getByRole('banner').getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Incident ${nummer}` }).waitFor();
    await page
      .getByRole('button', { name: /^Legal steps and hearings/ })
      .first()
      .click();
    const task = page.getByTestId('verplichting').first();
    await task.waitFor();
    expect(await task.getByTestId('dutch-note').first().textContent()).toBe('(Dutch legal text)');
    expect(await task.locator('[lang="nl"]').count()).toBeGreaterThanOrEqual(2);
    expect(await task.textContent()).toContain('Who:');
    await shoot('07-english');
    await expectA11y('incident, English');
    await go('#/planning');
    await page.getByTestId('planning-lijst').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('planning-lijst').getByTestId('dutch-note').count()).toBeGreaterThan(0);
    await page.getByRole('banner').getByText('NL', { exact: true }).click();
    expect(app.consoleErrors).toEqual([]);
  });
});
