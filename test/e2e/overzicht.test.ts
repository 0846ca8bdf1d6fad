// The start page (Overzicht) end to end: a new school sees the first-run checklist (not "nothing
// late"), each item flips when done and its button leads to where it is done; the demo's overdue
// tasks in compact rows grouped per incident, urgent ones pinned on top, settled right from the row.
// axe on every state; screenshots at 1366×768 and 1024×768 in test-artifacts/overzicht-*.png.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifactsDir, startApp } from './harness';
import type { E2EApp } from './harness';

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAEElEQVR4nGP4z8DAwMDAAAAHAgEA0rVJmgAAAABJRU5ErkJggg==';

interface Dash {
  urgent: { id: number }[];
  teLaat: { id: number; regel: string; titel: string }[];
  dezeWeek: { id: number; uiterlijk: string | null }[];
  spoedTot: string;
}

/** What one screen shows, not the whole page. */
const screen = (page: Page, name: string) => page.screenshot({ path: path.join(artifactsDir, `${name}.png`) });

async function expectA11y(app: E2EApp, what: string) {
  const v = await app.checkA11y();
  expect(v, `${what}: ${JSON.stringify(v, null, 1)}`).toEqual([]);
}

describe('a new school: the first-run checklist', () => {
  let app: E2EApp;
  let page: Page;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-e2e-backup-'));

  beforeAll(async () => {
    // Monday 7 December 2026.
    app = await startApp({ now: '2026-12-07T09:00:00Z', viewport: { width: 1366, height: 768 } });
    page = app.page;
    await app.call('school.save', { naam: 'De Linde', sector: 'PO', regio: 'midden' });
  });
  afterAll(async () => {
    await app?.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  const item = (id: string) => page.getByTestId(`start-${id}`);
  const open = async () => {
    await page.goto(`${app.preview.url}#/overzicht`);
    await page.getByRole('heading', { name: 'Overzicht', level: 1 }).waitFor({ timeout: 30_000 });
    await page.getByTestId('dashboard-meldingen').waitFor();
  };

  it('shows the checklist with every item open, and does not say that nothing is late', async () => {
    await open();
    const list = page.getByTestId('start-checklist');
    await list.waitFor();
    expect(await list.getByText('0 van 6 klaar').count()).toBe(1);
    for (const id of ['protocol', 'personen', 'reservekopie', 'briefpapier', 'antipest', 'evaluatie'])
      expect(await item(id).getAttribute('data-gedaan'), id).toBe('false');
    expect(await page.getByText(/Niets te laat/).count()).toBe(0);
    expect(await page.getByTestId('dashboard-nog-niets').count()).toBe(1);
    await screen(page, 'overzicht-01-nieuwe-school-1366');
    await expectA11y(app, 'checklist');
  });

  it('each button goes to where the item is done', async () => {
    await item('protocol').getByRole('link', { name: 'Naar protocollen' }).click();
    await expect.poll(() => page.url()).toContain('#/instellingen/protocollen');
    await open();
    await item('evaluatie').getByRole('link', { name: 'Evaluatie plannen' }).click();
    await expect.poll(() => page.url()).toContain('#/planning/evaluatie/nieuw');
  });

  it('an item flips when it is done; half of logo and signatory says what is missing', async () => {
    await app.call('protocols.createFromTemplate', { ingangsdatum: '2026-12-07' });
    await app.call('letters.settings.save', { logoBase64: PNG });
    await open();
    await expect.poll(() => item('protocol').getAttribute('data-gedaan')).toBe('true');
    expect(await page.getByText('1 van 6 klaar').count()).toBe(1);
    expect(await item('briefpapier').getByText('De ondertekenaar ontbreekt nog.').count()).toBe(1);
    expect(await item('briefpapier').getByRole('link', { name: 'Naar schoolgegevens' }).getAttribute('href')).toBe('#/instellingen/school');
  });

  it('only when everything is set up and nothing is due does it say that nothing is late', async () => {
    await app.call('people.create', { soort: 'leerling', voornaam: 'Noor', achternaam: 'Verhoeven' });
    await app.call('trust.settings.save', { backupMap: folder });
    await app.call('school.save', {
      naam: 'De Linde',
      sector: 'PO',
      regio: 'midden',
      ondertekenaarNaam: 'M. Hoekstra',
      antiPestNaam: 'Mw. Van Dijk',
    });
    await open();
    await expect.poll(() => page.getByText('5 van 6 klaar').count()).toBe(1);
    expect(await page.getByText(/Niets te laat/).count()).toBe(0);
    await app.call('evaluations.plan', {
      datum: '2027-03-11',
      tijdStart: '19:30',
      tijdEind: '21:00',
      deelnemers: [
        { naam: 'Mw. Van Dijk', rol: 'anti_pestcoordinator' },
        { naam: 'M. Hoekstra', rol: 'schoolleiding' },
      ],
    });
    await open();
    await page.getByTestId('dashboard-niets').waitFor();
    expect(await page.getByTestId('start-checklist').count()).toBe(0);
    expect(await page.getByTestId('dashboard-niets').textContent()).toContain('Goed bezig');
    await expectA11y(app, 'set up, nothing due');
    expect(app.consoleErrors).toEqual([]);
  });
});

describe('the demo school: working through the overdue tasks', () => {
  let app: E2EApp;
  let page: Page;
  let dash: Dash;

  beforeAll(async () => {
    app = await startApp({ demo: true, viewport: { width: 1366, height: 768 }, route: '#/overzicht' });
    page = app.page;
    dash = (await app.call('obligations.dashboard')) as Dash;
  });
  afterAll(async () => {
    await app?.close();
  });

  const pinned = () => page.getByTestId('dashboard-eerst');

  it('pins the overdue and urgent tasks on top, one compact row each, grouped per incident', async () => {
    await pinned().waitFor({ timeout: 30_000 });
    expect(dash.teLaat.length).toBeGreaterThan(0);
    const expected = [...dash.urgent, ...dash.teLaat, ...dash.dezeWeek.filter((o) => o.uiterlijk && o.uiterlijk <= dash.spoedTot)].length;
    const rows = pinned().getByTestId('taak');
    await expect.poll(() => rows.count()).toBe(expected);
    expect(await pinned().getByRole('heading', { name: 'Eerst doen' }).count()).toBe(1);
    // Every row is one line: about 36 px, not a card.
    const heights = await rows.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
    for (const h of heights) expect(h).toBeLessThanOrEqual(40);
    // The due date in words, with the date.
    expect(await rows.first().textContent()).toMatch(/\d+ dagen? te laat · sinds \d\d-\d\d-\d{4}/);
    // Each group has a header with the incident number, which opens the incident.
    const header = pinned()
      .getByRole('link', { name: /^Melding M\d{4}-/ })
      .first();
    expect(await header.getAttribute('href')).toMatch(/^#\/meldingen\/\d+$/);
    const fits = await rows.evaluateAll(
      (els) => els.filter((e) => e.getBoundingClientRect().bottom <= (globalThis as unknown as { innerHeight: number }).innerHeight).length,
    );
    console.log(`overzicht 1366×768: ${fits} of ${heights.length} pinned tasks on the first screen`);
    await screen(page, 'overzicht-02-demo-1366');
    await app.screenshot('overzicht-02-demo-volledig');
    await expectA11y(app, 'demo start page');
  });

  it('marks an overdue task done from its row; it leaves the list', async () => {
    const rows = pinned().getByTestId('taak');
    const before = await rows.count();
    const row = rows.filter({ hasText: 'te laat' }).first();
    const regel = await row.getAttribute('data-regel');
    const button = row.getByRole('button', { name: /^Gedaan… / });
    const titel = ((await button.getAttribute('aria-label')) ?? '').replace(/^Gedaan… /, '');
    await button.click();
    const form = row.getByRole('form', { name: `Vastleggen als gedaan: ${titel}` });
    await form.waitFor();
    await form.getByRole('textbox', { name: 'Gedaan door (naam)' }).fill('M. Hoekstra');
    await screen(page, 'overzicht-03-gedaan-in-rij');
    await expectA11y(app, 'done form in a row');
    await form.getByRole('button', { name: 'Vastleggen' }).click();
    await expect.poll(() => rows.count()).toBe(before - 1);
    // The done task is gone from the open tasks.
    const open = (await app.call('obligations.dashboard')) as Dash;
    const same = (d: Dash) => d.teLaat.filter((o) => o.regel === regel && o.titel === titel).length;
    expect(same(open)).toBe(same(dash) - 1);
  });

  it('the details of a row show the basis and the other actions', async () => {
    const row = pinned().getByTestId('taak').first();
    await row.getByRole('button', { name: /^Details: / }).click();
    const detail = row.getByTestId('verplichting');
    await detail.waitFor();
    expect(await detail.getByTestId('grondslag').count()).toBe(1);
    await expectA11y(app, 'row details');
  });

  it('a sexual-offence path stands first among the pinned tasks', async () => {
    const docent = (await app.call('people.create', {
      soort: 'medewerker',
      voornaam: 'Joost',
      achternaam: 'Brinkman',
      functie: 'docent',
    })) as { id: number };
    const pupil = (await app.call('people.create', { soort: 'leerling', voornaam: 'Noor', achternaam: 'Verhoeven' })) as { id: number };
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
        { personId: pupil.id, rol: 'slachtoffer' },
      ],
    });
    await page.goto(`${app.preview.url}#/overzicht`);
    const first = pinned().locator('[data-testid="dashboard-urgent"], [data-testid="taakgroep"]').first();
    await pinned().getByTestId('dashboard-urgent').waitFor({ timeout: 30_000 });
    expect(await first.getAttribute('data-testid')).toBe('dashboard-urgent');
    expect(await first.getByTestId('taak').first().getAttribute('data-regel')).toMatch(/^zeden\./);
    await screen(page, 'overzicht-04-zeden-1366');
    await expectA11y(app, 'sexual-offence path on top');
    expect(app.consoleErrors).toEqual([]);
  });
});

describe('the start page at 1024×768', () => {
  it('keeps each task on one line', async () => {
    const app = await startApp({ demo: true, viewport: { width: 1024, height: 768 }, route: '#/overzicht' });
    try {
      const rows = app.page.getByTestId('dashboard-eerst').getByTestId('taak');
      await rows.first().waitFor({ timeout: 30_000 });
      const heights = await rows.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
      for (const h of heights) expect(h).toBeLessThanOrEqual(40);
      const fits = await rows.evaluateAll(
        (els) =>
          els.filter((e) => e.getBoundingClientRect().bottom <= (globalThis as unknown as { innerHeight: number }).innerHeight).length,
      );
      console.log(`overzicht 1024×768: ${fits} of ${heights.length} pinned tasks on the first screen`);
      await screen(app.page, 'overzicht-05-demo-1024');
      expect(await app.checkA11y()).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
