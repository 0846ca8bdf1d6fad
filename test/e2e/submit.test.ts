// The one write path of the screens (src/renderer/src/api/useSubmit.ts), in the browser against the
// real core: a refused write puts the core's Dutch message next to the field it names and changes
// nothing; a successful one says so and the list on the page reads itself again (the data
// version), without a reload. And a rule the core knows, served by it: which reports to an
// authority have a letter (letters.kinds).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startApp } from './harness';
import type { E2EApp } from './harness';

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

describe('writing from a screen: refused next to the field, saved with fresh lists', () => {
  let app: E2EApp;
  let page: Page;
  let incidentId = 0;
  let measureId = 0;

  const hearings = async () => ((await app.call('obligations.hearings.list', { measureId })) as unknown[]).length;
  const incidents = async () => ((await app.call('incidents.list', {})) as { total: number }).total;
  const markPage = () => page.evaluate('window.__spMarker = "nog dezelfde pagina"');
  const samePage = async () => expect(await page.evaluate('window.__spMarker')).toBe('nog dezelfde pagina');

  beforeAll(async () => {
    app = await startApp({ demo: true, viewport: { width: 1366, height: 900 } });
    page = app.page;
    const call = app.call as (m: string, i?: unknown) => Promise<{ id: number }>;
    const pupil = await call('people.create', {
      soort: 'leerling',
      voornaam: 'Fenna',
      achternaam: 'Dijkstra',
      geboortedatum: '2012-05-04',
      groep: '2B',
    });
    incidentId = (
      await call('incidents.create', {
        datumVoorval: '2026-11-13',
        datumMelding: '2026-11-13',
        locatie: 'buiten_school',
        platform: 'whatsapp',
        ernst: 'hoog',
        categorie: 'pesten',
        omschrijving: 'Fenna zette een spotvideo over een klasgenoot in de klassengroep.',
        betrokkenen: [{ personId: pupil.id, rol: 'dader' }],
      })
    ).id;
    measureId = (
      await call('measures.create', {
        incidentId,
        personId: pupil.id,
        soort: 'schorsing',
        status: 'besloten',
        besluitDatum: '2026-11-16',
        startdatum: '2026-11-17',
        einddatum: '2026-11-17',
        vorm: 'intern',
      })
    ).id;
    const report = { incidentId, soort: 'melding', datum: '2026-11-16' };
    await call('externalReports.create', { ...report, instantie: 'politie' });
    await call('externalReports.create', { ...report, instantie: 'leerplicht' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('a new incident without its facts: the Dutch messages stand at their fields, nothing is saved', async () => {
    const before = await incidents();
    await page.goto(`${app.preview.url}#/meldingen/nieuw`);
    await page.getByTestId('melding-opslaan').click();
    await poll(() => page.getByTestId('melding-fout').textContent()).toContain('Controleer de velden die rood zijn gemarkeerd.');
    const omschrijving = page.getByRole('textbox', { name: /^Feitelijke omschrijving/ });
    await poll(() => omschrijving.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText('Beschrijf feitelijk wat er gebeurde.').count()).toBe(1);
    expect(await incidents()).toBe(before);
  });

  it('a hearing without who held it is refused at that field; with it, the list shows it without a reload', async () => {
    await page.goto(`${app.preview.url}#/meldingen/${incidentId}`);
    const fold = page.getByTestId('maatregel-stappen');
    await fold
      .getByRole('button', { name: /^Wettelijke stappen en hoorgesprekken: Schorsing – Fenna Dijkstra/ })
      .click({ timeout: 30_000 });
    await markPage();
    const list = fold.getByTestId('hoorgesprekken');
    await list.getByRole('button', { name: 'Hoorgesprek vastleggen' }).click();
    const form = list.getByRole('form', { name: 'Hoorgesprek vastleggen' });
    const door = form.getByRole('textbox', { name: 'Gehoord door' });
    await door.fill('');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await poll(() => door.getAttribute('aria-invalid')).toBe('true');
    // Beside the field only, not again in a notification; the core stored nothing.
    expect(await page.getByText('Vul dit veld in.').count()).toBe(1);
    expect(await hearings()).toBe(0);

    await door.fill('M. de Vries');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.waitFor({ state: 'detached' });
    await poll(() => list.getByRole('cell', { name: 'M. de Vries' }).count()).toBe(1);
    await page.getByText('Hoorgesprek vastgelegd.').waitFor();
    expect(await hearings()).toBe(1);
    await samePage();
  });

  it('a letter is offered for the reports the core has a letter kind for (the police), not for others', async () => {
    const table = page.getByTestId('externe-meldingen');
    const row = (instantie: string) => table.getByRole('row').filter({ has: page.getByRole('cell', { name: instantie, exact: true }) });
    await poll(() => row('Politie').getByTestId('brief-maken').count()).toBe(1);
    expect(await row('Leerplichtambtenaar').count()).toBe(1);
    expect(await row('Leerplichtambtenaar').getByTestId('brief-maken').count()).toBe(0);
    expect(app.consoleErrors).toEqual([]);
  });
});
