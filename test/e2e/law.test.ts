// The law in the app, end to end in Chromium at 1366×768 on the demo school (De Linde, VO): an
// intended expulsion is refused without the date the board intends to decide (the core's message by
// the field), then saved with it; its hearing tasks fall due the day before that date; a hearing
// recorded as "uitgenodigd, maar geweigerd" settles the parents' task; each task names the articles
// it rests on ("Grondslag"). Then a schorsing over the Christmas holiday: its warning is "seen and
// weighed" only with the weighing written down, and an objection received brings the decision on
// it. axe-core on each screen; screenshots in test-artifacts/law-*.png.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { artifactsDir, startApp } from './harness';
import type { E2EApp } from './harness';

async function choose(page: Page, label: string, option: string, scope: Locator) {
  await scope
    .getByRole('textbox', { name: label, exact: true })
    .or(scope.getByRole('combobox', { name: label, exact: true }))
    .first()
    .click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function typeDate(scope: Locator, label: string, ddmmyyyy: string) {
  const input = scope.getByRole('textbox', { name: label, exact: true });
  await input.fill(ddmmyyyy);
  await input.press('Tab');
}

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

interface Ob {
  id: number;
  regel: string;
  sleutel: string;
  titel: string;
  status: string;
  uiterlijk: string | null;
  teLaatVanaf: string | null;
  gedaanOp: string | null;
  toelichting: string | null;
  waarschuwing: boolean;
  bronnen: { id: string; citaat: string; kern: string; url: string | null }[];
}

const incidentInput = (personId: number, omschrijving: string) => ({
  datumVoorval: '2026-11-13',
  datumMelding: '2026-11-13',
  locatie: 'buiten_school',
  platform: 'whatsapp',
  categorie: 'bedreiging',
  ernst: 'hoog',
  omschrijving,
  betrokkenen: [{ personId, rol: 'dader' }],
});

describe('the law in the app: an intended expulsion, its hearings and their basis', () => {
  let app: E2EApp;
  let page: Page;
  let pupilId = 0;
  let incidentId = 0;

  const expectA11y = async (what: string) => {
    const v = await app.checkA11y();
    expect(v, `${what}: ${JSON.stringify(v, null, 1)}`).toEqual([]);
  };
  const tasks = async () => ((await app.call('obligations.list', { personId: pupilId, limit: 500 })) as { rows: Ob[] }).rows;

  beforeAll(async () => {
    // Monday 16 November 2026; a laptop screen.
    app = await startApp({ demo: true, viewport: { width: 1366, height: 768 } });
    page = app.page;
    const pupil = (await app.call('people.create', {
      soort: 'leerling',
      voornaam: 'Sem',
      achternaam: 'Brouwer',
      geboortedatum: '2011-05-02',
      groep: '3A',
    })) as { id: number };
    pupilId = pupil.id;
    const inc = (await app.call(
      'incidents.create',
      incidentInput(pupilId, 'Sem stuurde een leraar dreigende berichten via WhatsApp.'),
    )) as {
      id: number;
    };
    incidentId = inc.id;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('refuses an intended expulsion without the intended decision date, by the field; saves it with one', async () => {
    await page.goto(`${app.preview.url}#/meldingen/${incidentId}`);
    await page.getByRole('button', { name: 'Maatregel toevoegen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Maatregel toevoegen' });
    await dialog.waitFor();
    // The date field belongs to an intended expulsion only.
    expect(await dialog.getByRole('textbox', { name: 'Beoogde besluitdatum', exact: true }).count()).toBe(0);
    await choose(page, 'Maatregel', 'Voornemen tot verwijdering', dialog);
    const beoogd = dialog.getByRole('textbox', { name: 'Beoogde besluitdatum', exact: true });
    await beoogd.waitFor();
    expect(await dialog.getByText(/de hoorgesprekken en het overleg met de Inspectie vallen daarvóór/).count()).toBe(1);
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    const message = dialog.getByText(/^Vul de datum in waarop het bestuur wil beslissen/);
    await message.waitFor();
    // The message stands by the field: the input names it as its description and is marked invalid.
    expect(await beoogd.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await beoogd.getAttribute('aria-describedby')) ?? '';
    expect(describedBy.split(' ')).toContain(await message.getAttribute('id'));
    expect((await app.call('measures.list', { incidentId })) as unknown[]).toEqual([]);
    await expectA11y('measure dialog with the missing decision date');

    // Friday 4 December 2026.
    await typeDate(dialog, 'Beoogde besluitdatum', '04-12-2026');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.waitFor({ state: 'detached' });
    const measures = (await app.call('measures.list', { incidentId })) as { soort: string; besluitDatum: string; beoogdBesluit: string }[];
    expect(measures.map((m) => [m.soort, m.besluitDatum, m.beoogdBesluit])).toEqual([
      ['voornemen_verwijdering', '2026-11-16', '2026-12-04'],
    ]);
  });

  it('shows the hearing tasks due the day before the intended decision, each with its Grondslag', async () => {
    const steps = page.getByTestId('maatregel-stappen');
    await steps.getByRole('button', { name: 'Wettelijke stappen en hoorgesprekken: Voornemen tot verwijdering – Sem Brouwer' }).click();
    const horen = steps.locator('[data-regel="verwijdering.horen"]');
    // The pupil, the parents (Sem is 15) and the teachers.
    await poll(() => horen.count()).toBe(3);
    for (const titel of [
      'De leerling horen over de voorgenomen verwijdering',
      'De ouders horen over de voorgenomen verwijdering',
      'De betrokken leraar of leraren horen over de voorgenomen verwijdering',
    ]) {
      const task = horen.filter({ hasText: titel });
      expect(await task.count(), titel).toBe(1);
      // Due Thursday 3 December, overdue on the day of the decision itself.
      expect(await task.getByText('Uiterlijk 03-12-2026', { exact: true }).count(), titel).toBe(1);
      expect(await task.getByText('te laat vanaf 04-12-2026', { exact: true }).count(), titel).toBe(1);
    }

    // The parents' task names the articles it rests on, as the core lists them.
    const ouders = horen.filter({ hasText: 'De ouders horen' });
    const ob = (await tasks()).find((o) => o.regel === 'verwijdering.horen' && o.sleutel === 'ouders')!;
    expect(ob.bronnen.length).toBeGreaterThan(0);
    const awb = ob.bronnen.find((b) => b.id === 'awb.4:8');
    expect(awb, 'the right to be heard before a decision (Awb art. 4:8)').toBeDefined();
    const line = ouders.getByTestId('grondslag');
    expect(await line.textContent()).toBe(`Grondslag: ${ob.bronnen.map((b) => b.citaat).join(' · ')} ▾`);
    expect(await line.getAttribute('aria-expanded')).toBe('false');
    expect(await ouders.getByText(awb!.kern).isVisible()).toBe(false);
    await line.click();
    expect(await line.getAttribute('aria-expanded')).toBe('true');
    await ouders.getByText(awb!.kern, { exact: false }).waitFor();
    // The address is text to copy: the app opens no web pages.
    await ouders.getByText(`Tekst: ${awb!.url}`, { exact: true }).waitFor();
    expect(await ouders.getByRole('link').filter({ hasText: 'wetten.overheid.nl' }).count()).toBe(0);
    await ouders.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(artifactsDir, 'law-01-grondslag-scherm.png') });
    await expectA11y('hearing tasks with their Grondslag');
  });

  it('records a hearing "uitgenodigd, maar geweigerd": the parents’ task is done', async () => {
    const steps = page.getByTestId('maatregel-stappen');
    const hearings = steps.getByTestId('hoorgesprekken');
    await hearings.getByRole('button', { name: 'Hoorgesprek vastleggen' }).click();
    const form = hearings.getByRole('form', { name: 'Hoorgesprek vastleggen' });
    await choose(page, 'Wie is gehoord', 'Ouders/verzorgers', form);
    // "Gehoord" is the default; a refusal asks who invited them, and what to note.
    expect(await form.getByRole('radio', { name: 'Gehoord', exact: true }).isChecked()).toBe(true);
    await form.getByRole('radio', { name: 'Uitgenodigd, maar geweigerd' }).check();
    await form.getByText(/Schrijf in de notities hoe en wanneer u hebt uitgenodigd/).waitFor();
    await form.getByRole('textbox', { name: 'Uitgenodigd door', exact: true }).fill('M. de Vries');
    await form
      .getByRole('textbox', { name: 'Notities' })
      .fill('Uitgenodigd per brief van 16-11-2026; de ouders lieten telefonisch weten niet te komen.');
    await expectA11y('hearing form, invitation refused');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.waitFor({ state: 'detached' });
    const row = hearings.getByRole('row', { name: /Ouders\/verzorgers/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Uitgenodigd, maar geweigerd');
    expect(await row.textContent()).toContain('M. de Vries');

    // The parents' task left the open steps; the pupil's and teachers' did not.
    const horen = steps.locator('[data-regel="verwijdering.horen"]');
    await poll(() => horen.filter({ hasText: 'De ouders horen' }).count()).toBe(0);
    expect(await horen.count()).toBe(2);
    await steps.getByRole('button', { name: /^Ook afgeronde stappen tonen/ }).click();
    const done = horen.filter({ hasText: 'De ouders horen' });
    await done.waitFor();
    expect(await done.getAttribute('data-status')).toBe('gedaan');
    expect(await done.getByTestId('gedaan-door').textContent()).toContain('Gedaan op 16-11-2026 door M. de Vries');
    const ob = (await tasks()).find((o) => o.regel === 'verwijdering.horen' && o.sleutel === 'ouders')!;
    expect([ob.status, ob.gedaanOp]).toEqual(['gedaan', '2026-11-16']);

    // The page at 1366×768 with the settled task and the hearing in view, and the whole page.
    await done.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: path.join(artifactsDir, 'law-02-hoorgesprek-scherm.png') });
    await page.evaluate('window.scrollTo(0, 0)');
    await app.screenshot('law-03-hoorgesprekken');
    await expectA11y('hearing recorded, task done');
    expect(app.consoleErrors).toEqual([]);
  });
});

describe('the law in the app: a warning weighed, an objection received', () => {
  let app: E2EApp;
  let page: Page;
  let pupilId = 0;
  let incidentId = 0;
  let measureId = 0;

  beforeAll(async () => {
    app = await startApp({ demo: true, viewport: { width: 1366, height: 768 } });
    page = app.page;
    const pupil = (await app.call('people.create', {
      soort: 'leerling',
      voornaam: 'Lotte',
      achternaam: 'Smit',
      geboortedatum: '2011-09-20',
      groep: '3B',
    })) as {
      id: number;
    };
    pupilId = pupil.id;
    incidentId = (
      (await app.call('incidents.create', incidentInput(pupilId, 'Lotte bedreigde een klasgenoot via WhatsApp.'))) as { id: number }
    ).id;
    // Friday 18 December 2026 to Monday 4 January 2027: two school days around the Christmas
    // holiday, but more than a week of calendar days.
    const measure = (await app.call('measures.create', {
      incidentId,
      personId: pupilId,
      soort: 'schorsing',
      besluitDatum: '2026-11-16',
      startdatum: '2026-12-18',
      einddatum: '2027-01-04',
    })) as { id: number };
    measureId = measure.id;
  });
  afterAll(async () => {
    await app?.close();
  });

  const measureSteps = async () => {
    const steps = page.getByTestId('maatregel-stappen');
    if (!(await steps.getByTestId('verplichtingen').isVisible())) {
      await steps.getByRole('button', { name: 'Wettelijke stappen en hoorgesprekken: Schorsing – Lotte Smit' }).click();
    }
    return steps;
  };

  it('shows the warning apart from the steps; "gezien en afgewogen" needs the weighing written down', async () => {
    await page.goto(`${app.preview.url}#/meldingen/${incidentId}`);
    await page.getByRole('heading', { level: 1, name: /^Melding M2026-/ }).waitFor({ timeout: 30_000 });
    const steps = await measureSteps();
    const warning = steps.locator('[data-regel="schorsing.kalenderdagen"]');
    await warning.waitFor();
    expect(await warning.getAttribute('data-waarschuwing')).toBe('true');
    expect(await warning.getByText('Let op', { exact: true }).count()).toBe(1);
    // 18 December to 4 January inclusive; the badge says "Let op", the title need not say it again.
    expect(await warning.getByText(/^Deze schorsing beslaat 18 kalenderdagen/).count()).toBe(1);
    // A warning is weighed, not "done"; a step is done.
    expect(await warning.getByRole('button', { name: /^Gedaan…/ }).count()).toBe(0);
    expect(
      await steps
        .locator('[data-regel="schorsing.besluit"]')
        .getByRole('button', { name: /^Gedaan…/ })
        .count(),
    ).toBe(1);
    await warning.getByRole('button', { name: /^Gezien en afgewogen…/ }).click();
    const form = warning.getByRole('form', { name: /^Vastleggen als gezien en afgewogen: / });
    await form.getByRole('textbox', { name: 'Afgewogen door (naam)' }).fill('M. Hoekstra');
    await form.getByRole('button', { name: 'Vastleggen' }).click();
    await form.getByText('Schrijf op wat u hebt afgewogen: dat hoort bij deze waarschuwing in het dossier.').waitFor();
    const before = ((await app.call('obligations.list', { personId: pupilId, limit: 500 })) as { rows: Ob[] }).rows;
    expect(before.find((o) => o.regel === 'schorsing.kalenderdagen')!.status).toBe('open');
    await page.evaluate('window.scrollTo(0, 0)');
    await warning.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(artifactsDir, 'law-04-waarschuwing-scherm.png') });
    expect(await app.checkA11y()).toEqual([]);

    const weging = 'Schorsing bewust rond de kerstvakantie: twee schooldagen; besproken met de ouders.';
    await form.getByRole('textbox', { name: 'Wat heeft u afgewogen, en wat doet u ermee?' }).fill(weging);
    await form.getByRole('button', { name: 'Vastleggen' }).click();
    await poll(() => steps.locator('[data-regel="schorsing.kalenderdagen"][data-status="open"]').count()).toBe(0);
    const after = ((await app.call('obligations.list', { personId: pupilId, limit: 500 })) as { rows: Ob[] }).rows;
    expect(after.find((o) => o.regel === 'schorsing.kalenderdagen')).toMatchObject({ status: 'gedaan', toelichting: weging });
    await steps.getByRole('button', { name: /^Ook afgeronde stappen tonen/ }).click();
    const weighed = steps.locator('[data-regel="schorsing.kalenderdagen"]');
    expect(await weighed.getByTestId('gedaan-door').textContent()).toBe(`Gezien en afgewogen op 16-11-2026 door M. Hoekstra · ${weging}`);
  });

  it('an objection received brings the decision on it into the steps at once', async () => {
    const steps = await measureSteps();
    expect(await steps.locator('[data-regel="schorsing.beslissing_bezwaar"]').count()).toBe(0);
    const form = steps.getByRole('form', { name: 'Bezwaar ontvangen' });
    await typeDate(form, 'Bezwaar ontvangen op', '16-11-2026');
    await form.getByRole('textbox', { name: 'Toelichting' }).fill('Bezwaarschrift van de ouders, per post.');
    await form.getByRole('button', { name: 'Bezwaar opslaan' }).click();
    const decision = steps.locator('[data-regel="schorsing.beslissing_bezwaar"]');
    await decision.waitFor();
    // The objection term runs to Monday 28 December 2026 (6 weeks from the day after the decision);
    // the board decides within 6 weeks after that: Monday 8 February 2027 (Awb 6:7, 6:8, 7:10).
    expect(await decision.getByText('Beslissen op het bezwaar, uiterlijk 08-02-2027', { exact: true }).count()).toBe(1);
    expect(await app.call('obligations.objection.get', { measureId })).toEqual({
      measureId,
      ontvangenOp: '2026-11-16',
      toelichting: 'Bezwaarschrift van de ouders, per post.',
    });
    await form.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(artifactsDir, 'law-05-bezwaar-scherm.png') });
    await page.evaluate('window.scrollTo(0, 0)');
    await app.screenshot('law-06-bezwaar');
    expect(await app.checkA11y()).toEqual([]);
  });

  it('Instellingen → Compliance explains why an expulsion waits for a receiving school', async () => {
    await page.goto(`${app.preview.url}#/instellingen/compliance`);
    const section = page.getByRole('region', { name: 'Schorsing en verwijdering' });
    await section.waitFor({ timeout: 30_000 });
    await section.getByText(/^Verwijderen zonder ontvangende school \(na 8 weken zoeken\) staat de wet/).waitFor();
    expect(await section.getByRole('switch', { name: 'Bezwaarclausule (6 weken) in een besluit tot schorsing' }).count()).toBe(1);
    expect(await section.getByRole('textbox', { name: 'Melding aan de Inspectie (ISD) staat als te laat na' }).inputValue()).toBe('2');
    await page.screenshot({ path: path.join(artifactsDir, 'law-07-instellingen-compliance-scherm.png') });
    expect(await app.checkA11y()).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });
});
