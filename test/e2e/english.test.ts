// The English interface end to end: the task list (the Overzicht and an incident's legal steps) in
// English with its dates as "17 November 2026", an article's text in English, the yearly report's
// summary and analysis in English; the tasks' colour from the core's urgency; and the Meldingen grid
// without sideways scrolling at 1024×768, with Status, Ernst and Categorie whole at 1366×768.
// Screenshots test-artifacts/english-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import path from 'node:path';
import { artifactsDir, startApp } from './harness';
import type { E2EApp } from './harness';
import type { Obligation } from '../../src/shared/api/obligations';
import type { YearReport } from '../../src/shared/api/yearReports';
import { BRONNEN } from '../../src/main/obligations/sources';

/** A date as the English UI writes it in a text: "7 December 2026". */
const ENGLISH_DATE = /\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b/;
const DUTCH_SHORT_DATE = /\b\d{2}-\d{2}-\d{4}\b/;

const WIDE = { width: 1366, height: 768 };
const NARROW = { width: 1024, height: 768 };

describe('English mode and the Meldingen grid at 1024', () => {
  let app: E2EApp;
  let page: Page;
  let incidentId = 0;
  let nummer = '';
  let measureId = 0;
  const obligations = async () =>
    ((await app.call('obligations.list', { measureId, offset: 0, limit: 100 })) as { rows: Obligation[] }).rows;

  const go = async (route: string) => {
    await page.goto(`${app.preview.url}${route}`);
    await page.reload();
  };
  const a11y = async (what: string) => {
    const v = await app.checkA11y();
    expect(v, `${what}: ${JSON.stringify(v, null, 1)}`).toEqual([]);
  };

  beforeAll(async () => {
    // Monday 16 November 2026, the demo school De Linde (VO).
    app = await startApp({ demo: true, viewport: WIDE });
    page = app.page;
    const noor = (await app.call('people.create', { soort: 'leerling', voornaam: 'Noor', achternaam: 'Verhoeven', groep: '3B' })) as {
      id: number;
    };
    const inc = (await app.call('incidents.create', {
      datumVoorval: '2026-11-13',
      datumMelding: '2026-11-13',
      locatie: 'buiten_school',
      platform: 'tiktok',
      categorie: 'bedreiging',
      ernst: 'hoog',
      omschrijving: 'Dreigende video over een klasgenoot geplaatst.',
      betrokkenen: [{ personId: noor.id, rol: 'dader' }],
    })) as { id: number; nummer: string };
    incidentId = inc.id;
    nummer = inc.nummer;
    const m = (await app.call('measures.create', {
      incidentId,
      personId: noor.id,
      soort: 'schorsing',
      besluitDatum: '2026-11-16',
      startdatum: '2026-11-17',
      einddatum: '2026-11-18',
      vorm: 'extern',
      afsprakenSchoolwerk: 'Werkt thuis aan de opdrachten van de mentor.',
    })) as { id: number };
    measureId = m.id;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('Meldingen: no sideways scrolling in the grid at 1024×768; Status, Ernst and Categorie whole at 1366×768', async () => {
    await go('#/meldingen');
    const grid = page.getByTestId('meldingen-grid');
    await grid.locator('.ag-row').first().waitFor({ timeout: 20_000 });
    const overflow = () =>
      grid
        .locator('.ag-body-horizontal-scroll-viewport, .ag-center-cols-viewport')
        .evaluateAll((els) => els.map((e) => ({ cls: e.className.split(' ')[0], scroll: e.scrollWidth, client: e.clientWidth })));
    for (const size of [NARROW, WIDE]) {
      await page.setViewportSize(size);
      await page.waitForTimeout(500);
      const o = await overflow();
      expect(o.length, JSON.stringify(o)).toBeGreaterThan(0);
      for (const v of o) expect(v.scroll, `${size.width}: ${JSON.stringify(o)}`).toBeLessThanOrEqual(v.client);
      // Category, severity and status show their whole value (on up to two lines), nothing clipped.
      for (const col of ['categorie', 'ernst', 'status']) {
        const clipped = await grid
          .locator(`.ag-row [col-id="${col}"]`)
          .evaluateAll((els) =>
            els.filter((e) => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1).map((e) => e.textContent),
          );
        expect(clipped, `${size.width} ${col}`).toEqual([]);
      }
      await app.screenshot(`english-meldingen-${size.width}`);
    }
  });

  it("shows an incident's tasks in English, with English dates, who acts, an article's text, and the core's urgency", async () => {
    await go(`#/meldingen/${incidentId}`);
    await page.getByRole('heading', { level: 1, name: `Melding ${nummer}` }).waitFor({ timeout: 20_000 });
    await page.getByRole('banner').getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Incident ${nummer}` }).waitFor();
    await page
      .getByRole('button', { name: /^Legal steps and hearings/ })
      .first()
      .click();
    const rows = await obligations();
    const clause = rows.find((o) => o.regel === 'schorsing.bezwaarclausule')!;
    expect(clause.titelEn).toMatch(ENGLISH_DATE);
    expect(clause.titel).toMatch(DUTCH_SHORT_DATE);
    const task = page.locator('[data-testid="verplichting"][data-regel="schorsing.bezwaarclausule"]').first();
    await task.waitFor({ timeout: 20_000 });
    const title = task.getByTestId('verplichting-titel');
    expect(await title.textContent()).toBe(clause.titelEn);
    expect(await title.getAttribute('lang')).toBe('en');
    expect(await title.textContent()).not.toMatch(DUTCH_SHORT_DATE);
    expect(await task.textContent()).not.toContain(clause.titel);
    expect(await task.textContent()).toContain(`Who: ${clause.actorEn}`);
    // The plain-Dutch basis is still Dutch, and says so.
    expect(await task.getByTestId('dutch-note').count()).toBe(1);
    // An article's text in English.
    await task.getByTestId('grondslag').click();
    const kern = task.getByTestId('bron-kern').first();
    const bronId = clause.bronnen[0].id as keyof typeof BRONNEN;
    expect(await kern.textContent()).toBe(BRONNEN[bronId].kernEn);
    expect(await kern.getAttribute('lang')).toBe('en');
    // The colour comes from the core's urgency, the same for every task the core lists.
    for (const o of rows.filter((x) => x.status === 'open')) {
      const el = page.locator(`[data-testid="verplichting"][data-regel="${o.regel}"]`).first();
      if (!(await el.count())) continue;
      expect(await el.getAttribute('data-urgentie'), o.regel).toBe(o.urgentie);
    }
    expect(rows.some((o) => o.urgentie === 'deze_week')).toBe(true);
    await page.mouse.move(0, 0);
    await app.screenshot('english-incident-1366');
    // The tasks alone, to look at.
    await task.locator('xpath=..').screenshot({ path: path.join(artifactsDir, 'english-tasks-1366.png') });
    await a11y('incident, English');
  });

  it('shows the Overzicht task list in English', async () => {
    await go('#/');
    const first = page.getByTestId('taak').first();
    await first.waitFor({ timeout: 20_000 });
    const dash = (await app.call('obligations.dashboard', {})) as { urgent: Obligation[]; teLaat: Obligation[]; dezeWeek: Obligation[] };
    const english = new Set([...dash.urgent, ...dash.teLaat, ...dash.dezeWeek].map((o) => o.titelEn?.replace(/^Note:\s*/i, '')));
    const shown = await page
      .getByTestId('taak')
      .evaluateAll((els) => els.map((e) => e.querySelector('[title]')?.getAttribute('title') ?? ''));
    expect(shown.length).toBeGreaterThan(0);
    for (const s of shown) expect(english.has(s), s).toBe(true);
    expect(shown.join(' ')).not.toMatch(/horen over|Melden bij de Inspectie/);
    await app.screenshot('english-overzicht-1366');
    await a11y('Overzicht, English');
  });

  it("shows the yearly report's summary and analysis in English; the Word report stays Dutch", async () => {
    await go('#/rapportages');
    const summary = page.getByTestId('samenvatting');
    await summary.waitFor({ timeout: 20_000 });
    const { huidigSchooljaar: schooljaar } = (await app.call('app.status', {})) as { huidigSchooljaar: string };
    const en = (await app.call('reports.year', { schooljaar, extern: false, taal: 'en' })) as YearReport;
    const nl = (await app.call('reports.year', { schooljaar, extern: false })) as YearReport;
    expect(en.samenvatting.length).toBe(nl.samenvatting.length);
    expect(en.samenvatting[0]).toMatch(/^(In school year|No data)/);
    await expect.poll(() => summary.locator('li').allTextContents()).toEqual(en.samenvatting);
    expect(await summary.getAttribute('lang')).toBe('en');
    expect(await page.getByTestId('analyse').textContent()).toBe(en.analyse.join(' '));
    expect(await page.getByTestId('analyse').getAttribute('lang')).toBe('en');
    expect(await page.getByTestId('rapportage').textContent()).not.toContain('meldingen geregistreerd');
    await app.screenshot('english-rapportages-1366');
    await a11y('Rapportages, English');
    await page.getByRole('banner').getByText('NL', { exact: true }).click();
    await expect.poll(() => summary.locator('li').allTextContents()).toEqual(nl.samenvatting);
    expect(app.consoleErrors).toEqual([]);
  });
});
