// Everyday polish end to end: the "Naar de inhoud" link, the focus on the page heading after a
// move, dialogs that open on their first field and ask before throwing typed input away (by
// keyboard only), the one-person "Voor wie", the rule suggestions per category with the principles
// set apart, and 1024×768: the folding menu (remembered) and no sideways scrolling on any page.
// axe-core on every screen; screenshots in test-artifacts/a11y-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startApp } from './harness';
import type { E2EApp } from './harness';

type Doc = {
  activeElement: {
    tagName: string;
    textContent: string | null;
    getAttribute(n: string): string | null;
    closest(s: string): unknown;
  } | null;
};

/** What has the focus: its tag, text, label and whether it sits in a dialog. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const d = (globalThis as unknown as { document: Doc }).document;
    const a = d.activeElement;
    return {
      tag: a?.tagName ?? '',
      text: (a?.textContent ?? '').trim(),
      id: a?.getAttribute('id') ?? '',
      inDialog: !!a?.closest('[role="dialog"]'),
      isClose: !!a?.closest('.mantine-Modal-close'),
    };
  });

async function a11y(app: E2EApp, what: string) {
  const v = await app.checkA11y();
  expect(v, `${what}: ${JSON.stringify(v, null, 1)}`).toEqual([]);
}

async function seed(app: E2EApp) {
  const pupil = (await app.call('people.create', { soort: 'leerling', voornaam: 'Noor', achternaam: 'Verhoeven', groep: '2C' })) as {
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
    betrokkenen: [{ personId: pupil.id, rol: 'dader' }],
  })) as { id: number };
  return { pupilId: pupil.id, incidentId: inc.id };
}

describe('polish at 1366×768: skip link, heading focus, dialogs, Voor wie, rules', () => {
  let app: E2EApp;
  let page: Page;
  let incidentId = 0;

  beforeAll(async () => {
    app = await startApp({ demo: true, viewport: { width: 1366, height: 768 } });
    page = app.page;
    ({ incidentId } = await seed(app));
    await page.getByRole('heading', { name: 'Overzicht', level: 1 }).waitFor({ timeout: 30_000 });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('has "Naar de inhoud" as the first Tab stop; it moves the focus to the page heading', async () => {
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Naar de inhoud');
    await app.screenshot('a11y-01-skiplink-1366');
    await a11y(app, 'skip link');
    await page.keyboard.press('Enter');
    const f = await focused(page);
    expect([f.tag, f.text]).toEqual(['H1', 'Overzicht']);
    expect(page.url()).not.toContain('#inhoud');
  });

  it('puts the focus on the new page heading after a move', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Personen', exact: true }).click();
    await page.getByRole('heading', { name: 'Personen', level: 1 }).waitFor();
    await expect.poll(async () => Object.values(await focused(page)).slice(0, 2)).toEqual(['H1', 'Personen']);
  });

  it('opens a dialog on its first field and asks before Escape throws typed input away (keyboard only)', async () => {
    await page.goto(`${app.preview.url}#/meldingen/${incidentId}`);
    const add = page.getByRole('button', { name: 'Maatregel toevoegen' });
    await add.waitFor({ timeout: 30_000 });
    await add.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Maatregel toevoegen' });
    await dialog.waitFor();
    await expect.poll(async () => (await focused(page)).inDialog).toBe(true);
    let f = await focused(page);
    expect(f.isClose).toBe(false);
    expect(f.tag).toBe('INPUT');
    // Untouched: Escape closes at once.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByRole('dialog', { name: 'Wijzigingen weggooien?' }).count()).toBe(0);

    await add.focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    const besloten = dialog.getByRole('textbox', { name: 'Besloten door', exact: true });
    for (let i = 0; i < 15 && !(await besloten.evaluate((e) => e === (e.ownerDocument as unknown as Doc).activeElement)); i++)
      await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Mw. De Vries');
    await page.keyboard.press('Escape');
    const ask = page.getByRole('dialog', { name: 'Wijzigingen weggooien?' });
    await ask.waitFor();
    await expect.poll(async () => (await focused(page)).text).toBe('Terug naar het venster');
    await app.screenshot('a11y-02-weggooien-1366');
    await a11y(app, 'discard question');
    // Escape on the question: back to the dialog, nothing lost.
    await page.keyboard.press('Escape');
    await ask.waitFor({ state: 'detached' });
    expect(await dialog.isVisible()).toBe(true);
    expect(await besloten.inputValue()).toBe('Mw. De Vries');
    // The close button asks too; "Weggooien" by keyboard closes both.
    await dialog.getByRole('button', { name: 'Sluiten' }).click();
    await ask.waitFor();
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Weggooien');
    await page.keyboard.press('Enter');
    await ask.waitFor({ state: 'detached' });
    await dialog.waitFor({ state: 'detached' });
    expect(await app.call('measures.list', { incidentId })).toEqual([]);
    f = await focused(page);
    expect(f.inDialog).toBe(false);
  });

  it('keeps the only person in "Voor wie" when the user clicks on that person', async () => {
    await page.getByRole('button', { name: 'Maatregel toevoegen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Maatregel toevoegen' });
    await dialog.waitFor();
    const voorWie = dialog
      .getByRole('textbox', { name: 'Voor wie' })
      .or(dialog.getByRole('combobox', { name: 'Voor wie' }))
      .first();
    expect(await voorWie.inputValue()).toBe('Noor Verhoeven (Leerling, 2C)');
    await voorWie.click();
    await page.getByRole('option', { name: 'Noor Verhoeven (Leerling, 2C)' }).click();
    expect(await voorWie.inputValue()).toBe('Noor Verhoeven (Leerling, 2C)');
    await app.screenshot('a11y-03-voor-wie-1366');
    await a11y(app, 'measure dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('suggests the rules that fit the category, added only by a click; the principles are context', async () => {
    await page.goto(`${app.preview.url}#/meldingen/nieuw`);
    const category = page
      .getByRole('textbox', { name: 'Categorie' })
      .or(page.getByRole('combobox', { name: 'Categorie' }))
      .first();
    await category.waitFor({ timeout: 30_000 });
    const principles = page.getByTestId('uitgangspunten');
    await principles.waitFor();
    expect(await principles.getByRole('checkbox').count()).toBe(0);
    expect(await principles.textContent()).toContain('De school ziet sociale media als een waardevol middel');
    await category.click();
    await page.getByRole('option', { name: '(Digitaal) pesten' }).click();
    const suggested = page.getByTestId('voorgestelde-regels');
    await suggested.waitFor();
    // A suggestion, not a choice: nothing is ticked yet.
    expect(await page.getByTestId('gekozen-regels').count()).toBe(0);
    expect(await page.getByTestId('regels').getByRole('checkbox', { checked: true }).count()).toBe(0);
    await suggested.scrollIntoViewIfNeeded();
    await app.screenshot('a11y-04-regels-voorstel-1366');
    await a11y(app, 'rule suggestions');
    await suggested.getByRole('button', { name: 'Regel 3.5 toevoegen' }).click();
    await page.getByTestId('gekozen-regels').waitFor();
    expect(await page.getByTestId('gekozen-regels').textContent()).toContain('3.5');
    // Chosen: the suggestion goes away.
    expect(await page.getByTestId('voorgestelde-regels').count()).toBe(0);
  });
});

describe('polish at 1024×768: folding menu, no sideways scrolling', () => {
  let app: E2EApp;
  let page: Page;
  let ids = { pupilId: 0, incidentId: 0 };

  beforeAll(async () => {
    app = await startApp({ demo: true, viewport: { width: 1024, height: 768 } });
    page = app.page;
    ids = await seed(app);
    await page.getByRole('heading', { name: 'Overzicht', level: 1 }).waitFor({ timeout: 30_000 });
  });
  afterAll(async () => {
    await app?.close();
  });

  const menu = () => page.getByTestId('hoofdmenu');
  const menuWidth = () => menu().evaluate((e) => Math.round(e.getBoundingClientRect().width));

  it('shows the menu as icons on a narrow screen; it unfolds on a click, and that is remembered', async () => {
    expect(await menuWidth()).toBeLessThan(80);
    // Icons only, but each link keeps its name (for screen readers and the tooltip).
    expect(await menu().getByRole('link', { name: 'Meldingen', exact: true }).count()).toBe(1);
    await app.screenshot('a11y-05-menu-ingeklapt-1024');
    await a11y(app, 'folded menu');
    const toggle = page.getByTestId('menu-inklappen');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    await expect.poll(menuWidth).toBeGreaterThan(200);
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await page.reload();
    await page.getByRole('heading', { name: 'Overzicht', level: 1 }).waitFor({ timeout: 30_000 });
    expect(await menuWidth()).toBeGreaterThan(200);
    await app.screenshot('a11y-06-menu-uitgeklapt-1024');
  });

  const pages = (): [string, string][] => [
    ['overzicht', '#/overzicht'],
    ['meldingen', '#/meldingen'],
    ['melding', `#/meldingen/${ids.incidentId}`],
    ['nieuwe-melding', '#/meldingen/nieuw'],
    ['personen', '#/personen'],
    ['persoon', `#/personen/${ids.pupilId}`],
    ['dossier', `#/personen/${ids.pupilId}/dossier`],
    ['planning', '#/planning'],
    ['rapportages', '#/rapportages'],
    ['instellingen-school', '#/instellingen/school'],
    ['instellingen-protocollen', '#/instellingen/protocollen'],
    ['instellingen-compliance', '#/instellingen/compliance'],
    ['instellingen-jaarcyclus', '#/instellingen/jaarcyclus'],
    ['instellingen-brieven', '#/instellingen/brieven'],
    ['instellingen-importeren', '#/instellingen/importeren'],
    ['instellingen-beveiliging', '#/instellingen/beveiliging'],
    ['instellingen-privacy', '#/instellingen/privacy'],
  ];

  it('never scrolls sideways, menu folded or unfolded', async () => {
    const wide: string[] = [];
    for (const folded of [false, true]) {
      if (folded) await page.getByTestId('menu-inklappen').click();
      for (const [name, route] of pages()) {
        await page.goto(`${app.preview.url}${route}`);
        await page.locator('main h1').first().waitFor({ timeout: 30_000 });
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(400);
        const w = await page.evaluate(() => {
          const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document;
          return d.documentElement.scrollWidth - d.documentElement.clientWidth;
        });
        if (w > 0) wide.push(`${name}${folded ? ' (ingeklapt)' : ''}: ${w}px`);
        if (!folded) {
          await app.screenshot(`a11y-07-${name}-1024`);
          // axe here on the screens this test is about; each page's own test checks the rest.
          if (name.includes('melding')) await a11y(app, `${name} at 1024×768`);
        }
      }
    }
    expect(wide).toEqual([]);
  });

  it('asks before throwing typed input away at 1024×768 too', async () => {
    await page.goto(`${app.preview.url}#/meldingen/${ids.incidentId}`);
    await page.getByRole('button', { name: 'Melding aan instantie toevoegen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Melding aan instantie toevoegen' });
    await dialog.waitFor();
    await expect.poll(async () => (await focused(page)).inDialog).toBe(true);
    expect((await focused(page)).isClose).toBe(false);
    await dialog.getByRole('textbox', { name: 'Toelichting' }).fill('Gebeld met de wijkagent.');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Wijzigingen weggooien?' }).waitFor();
    await app.screenshot('a11y-08-weggooien-1024');
    await a11y(app, 'discard question at 1024×768');
    await page.getByRole('button', { name: 'Weggooien' }).click();
    await dialog.waitFor({ state: 'detached' });
  });
});
