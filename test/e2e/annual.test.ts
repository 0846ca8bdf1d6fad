// The annual cycle end to end in Chromium through the browser preview against the real core (demo
// school, clock on Monday 16 November 2026): plan the evaluation with the anti-pestcoördinator,
// export it to .ics (read back with ical.js: the local time is kept), record the meeting with a
// decision that starts a new protocol version, close it, and see next school year's evaluation in
// the planning. Then the month view and the Rapportages page. Screenshots in test-artifacts/,
// axe-core on every page.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import ICAL from 'ical.js';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { startApp } from './harness';
import type { E2EApp } from './harness';

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

async function typeDate(scope: Page | ReturnType<Page['locator']>, label: string, ddmmyyyy: string) {
  const input = scope.getByRole('textbox', { name: label, exact: true });
  await input.fill(ddmmyyyy);
  await input.press('Tab');
}

describe('annual cycle (Planning, evaluation, Rapportages)', () => {
  let app: E2EApp;
  let page: Page;
  let evaluationUrl = '';

  const expectA11y = async (what: string) => {
    const v = await app.checkA11y();
    expect(v, `${what}: ${JSON.stringify(v, null, 1)}`).toEqual([]);
  };

  beforeAll(async () => {
    app = await startApp({ demo: true, route: '#/planning' });
    page = app.page;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows the planning of this school year with the recurring moments', async () => {
    await page.getByRole('heading', { name: 'Planning', level: 1 }).waitFor();
    const list = page.getByTestId('planning-lijst');
    await list.waitFor();
    await poll(() => list.getByText('Week van de Mediawijsheid: protocol bespreken in de klas').count()).toBe(1);
    expect(await page.getByTestId('geen-evaluatie').count()).toBe(1);
    // The Week van de Mediawijsheid 2026 by the rule: Friday 6 to Friday 13 November.
    expect(await page.getByTestId('item-moment-2026-2027-mediawijsheid').getByText('06-11-2026 t/m 13-11-2026').count()).toBe(1);
    await app.screenshot('annual-01-planning-lijst');
    await expectA11y('planning list');
  });

  it('plans the evaluation with the anti-pestcoördinator from the school settings', async () => {
    await page.getByTestId('evaluatie-plannen').click();
    await page.getByRole('heading', { name: 'Evaluatie plannen' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Naam 1' }).inputValue()).toBe('Anouk de Wit');
    // The date picker, open: its arrows have Dutch names (axe found them unnamed), and once it has
    // faded in (checkA11y waits for that) its days, the dimmed ones of the months around it too,
    // have enough contrast.
    await page.getByRole('textbox', { name: 'Datum', exact: true }).click();
    await page.getByRole('button', { name: 'Volgende maand' }).waitFor();
    expect(await page.getByRole('button', { name: 'Vorige maand' }).count()).toBe(1);
    await expectA11y('date picker, open');
    await app.screenshot('annual-02a-datumkiezer');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Volgende maand' }).waitFor({ state: 'hidden' });
    await typeDate(page, 'Datum', '12-11-2026');
    await page.getByRole('textbox', { name: 'Plaats' }).fill('Teamkamer');
    await app.screenshot('annual-02-evaluatie-plannen');
    await expectA11y('plan evaluation');
    await page.getByTestId('evaluatie-plannen-opslaan').click();
    await page.getByRole('heading', { name: 'Evaluatie van 12 november 2026' }).waitFor();
    evaluationUrl = page.url();
    expect(await page.getByTestId('evaluatie-status').textContent()).toBe('Gepland');
  });

  it('exports the evaluation to .ics with its Amsterdam time', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('evaluatie-ics').click()]);
    expect(download.suggestedFilename()).toBe('evaluatie-2026-11-12.ics');
    const text = fs.readFileSync((await download.path()) as string, 'utf8');
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.length).toBe(1);
    const local = (t: ICAL.Time) => format(new TZDate(t.toJSDate().getTime(), 'Europe/Amsterdam'), 'yyyy-MM-dd HH:mm');
    expect([events[0].summary, local(events[0].startDate), local(events[0].endDate), events[0].location]).toEqual([
      'Jaarlijkse evaluatie socialemediaprotocol met de anti-pestcoördinator',
      '2026-11-12 15:30',
      '2026-11-12 17:00',
      'Teamkamer',
    ]);
  });

  it('records the meeting with a decision that starts a new protocol version', async () => {
    await page.getByRole('textbox', { name: 'Notulen' }).fill('Het protocol werkt. De regel over groepsapps wordt aangescherpt.');
    await page.getByRole('button', { name: 'Besluit toevoegen' }).click();
    await page.getByRole('textbox', { name: 'Besluit 1' }).fill('Nieuwe versie van het protocol met een regel over groepsapps.');
    await page.getByRole('button', { name: 'Actie toevoegen' }).click();
    await page.getByRole('textbox', { name: 'Actie 1' }).fill('Tekst nieuwe regel opstellen');
    await page.getByRole('textbox', { name: 'Eigenaar 1' }).fill('Anouk de Wit');
    await typeDate(page, 'Deadline 1', '15-12-2026');
    await page.getByTestId('verslag-opslaan').click();
    await poll(() => page.getByTestId('evaluatie-status').textContent()).toBe('Gehouden');

    await page.getByRole('button', { name: 'Nieuwe protocolversie starten' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nieuwe protocolversie' });
    await dialog.getByRole('textbox', { name: 'Versie' }).fill('2027-1');
    await typeDate(dialog, 'Ingangsdatum', '01-01-2027');
    await dialog.getByRole('button', { name: 'Nieuwe protocolversie starten' }).click();
    await poll(() => page.getByText(/Protocolversie 2027-1, ingang 01-01-2027: nog niet vastgesteld/).count()).toBe(1);
    await app.screenshot('annual-03-evaluatie-verslag');
    await expectA11y('evaluation record');
  });

  it('downloads the evaluation pack', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('evaluatiepakket').click()]);
    expect(download.suggestedFilename()).toBe('evaluatiepakket-2026-11-12.docx');
    expect(fs.statSync((await download.path()) as string).size).toBeGreaterThan(10_000);
  });

  it('closes the evaluation and finds next year’s in the planning', async () => {
    await page.getByTestId('evaluatie-sluiten').click();
    await page.getByTestId('evaluatie-sluiten-bevestigen').click();
    await poll(() => page.getByTestId('evaluatie-status').textContent()).toBe('Gesloten');
    await page.getByTestId('volgende-evaluatie').click();
    await page.getByRole('heading', { name: 'Evaluatie van 11 november 2027' }).waitFor();
    expect(await page.getByTestId('evaluatie-status').textContent()).toBe('Gepland');
    expect(await page.getByRole('textbox', { name: 'Naam 1' }).inputValue()).toBe('Anouk de Wit');
    await app.screenshot('annual-04-volgende-evaluatie');

    await page.getByRole('link', { name: 'Terug naar de planning' }).click();
    await page.getByRole('heading', { name: 'Planning', level: 1 }).waitFor();
    await page.getByRole('combobox', { name: 'Schooljaar' }).click();
    await page.getByRole('option', { name: '2027-2028' }).click();
    const next = page.getByTestId(/^item-evaluatie-/);
    await poll(() => next.count()).toBe(1);
    expect(await next.getByText('11-11-2027').count()).toBe(1);
    await app.screenshot('annual-05-planning-volgend-jaar');
  });

  it('shows the month view of November with the evaluation', async () => {
    await page.getByRole('combobox', { name: 'Schooljaar' }).click();
    await page.getByRole('option', { name: '2026-2027 (huidig)' }).click();
    await page.locator('label', { hasText: /^Maand$/ }).click();
    const month = page.getByTestId('planning-maand');
    await month.waitFor();
    await poll(() =>
      month
        .locator('td[data-date="2026-11-12"]')
        .getByText(/Jaarlijkse evaluatie/)
        .count(),
    ).toBe(1);
    await app.screenshot('annual-06-planning-maand');
    await expectA11y('planning month');
    await month
      .locator('td[data-date="2026-11-12"]')
      .getByText(/Jaarlijkse evaluatie/)
      .click();
    await page.waitForURL(evaluationUrl);
  });

  it('shows the yearly figures on Rapportages without names', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Rapportages', exact: true }).click();
    await page.getByRole('heading', { name: 'Rapportages', level: 1 }).waitFor();
    await page.getByRole('combobox', { name: 'Schooljaar' }).click();
    await page.getByRole('option', { name: '2025-2026' }).click();
    await poll(() => page.getByTestId('samenvatting').textContent()).toContain('In schooljaar 2025-2026');
    await page.getByTestId('tabel-categorie').waitFor();
    await app.screenshot('annual-07-rapportages');
    await expectA11y('rapportages');
    const body = (await page.getByTestId('rapportage').textContent()) ?? '';
    expect(body).not.toContain('Anouk');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('jaarverslag-docx').click()]);
    expect(download.suggestedFilename()).toBe('jaarverslag-socialemediaprotocol-2025-2026.docx');
    expect(app.consoleErrors).toEqual([]);
  });
});
