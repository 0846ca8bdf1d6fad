// "Wie werkt er?": the question at the start of a session, confirming it, a change made in the app,
// and the person's name (with the computer account beside it) in that record's audit trail; the
// next session asks again, pre-filled. Screenshots at 1366×768 and 1024×768, axe on each screen.
import { afterEach, describe, expect, it } from 'vitest';
import { startApp } from './harness';
import type { E2EApp } from './harness';

let app: E2EApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('who is working', () => {
  it('asks at the start, records the change under the person and shows it in the audit trail (1366×768)', async () => {
    app = await startApp({ demo: true, askWho: true, viewport: { width: 1366, height: 768 } });
    const pupil = (await app.call('people.create', { soort: 'leerling', voornaam: 'Noor', achternaam: 'Verhoeven', groep: '2C' })) as {
      id: number;
    };
    const account = ((await app.call('session.who.get')) as { account: string }).account;
    const { page } = app;

    const dialog = page.getByRole('dialog', { name: 'Wie werkt er?' });
    await dialog.waitFor({ state: 'visible', timeout: 30_000 });
    // It must be answered: no close button, Escape does not dismiss it.
    expect(await dialog.getByRole('button', { name: 'Sluiten' }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await expect.poll(() => dialog.getByText(`Computeraccount: ${account}.`).isVisible()).toBe(true);

    // An empty function is refused with the message beside the field.
    await dialog.getByLabel('Uw naam').fill('Marianne Hoekstra');
    await dialog.getByRole('button', { name: 'Doorgaan' }).click();
    await expect.poll(() => dialog.getByText('Vul dit veld in.').isVisible()).toBe(true);
    await dialog.getByLabel('Uw functie').fill('rector');
    expect(await dialog.getByText('Vul dit veld in.').count()).toBe(0);
    await app.screenshot('wie-werkt-er-1366');
    expect(await app.checkA11y()).toEqual([]);
    await dialog.getByRole('button', { name: 'Doorgaan' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const header = page.getByTestId('wie-werkt');
    await expect.poll(() => header.textContent()).toBe('Marianne Hoekstra (rector)');

    // A change in the app, then the record's audit trail.
    // Within the session (a new page load would be a new session, which asks again).
    await page.evaluate((id) => ((globalThis as unknown as { location: { hash: string } }).location.hash = `#/personen/${id}`), pupil.id);
    const roepnaam = page.getByLabel('Roepnaam');
    await roepnaam.waitFor({ state: 'visible', timeout: 30_000 });
    await roepnaam.fill('Noortje');
    await page.getByRole('button', { name: 'Opslaan' }).first().click();
    await expect
      .poll(async () => ((await app!.call('people.get', { id: pupil.id })) as { roepnaam: string | null }).roepnaam)
      .toBe('Noortje');
    await page.getByTestId('audit-trail').click();
    const drawer = page.getByRole('dialog', { name: 'Wijzigingsgeschiedenis' });
    await expect.poll(() => drawer.getByText(`door Marianne Hoekstra (rector) (computeraccount ${account})`).isVisible()).toBe(true);
    // The creation before anyone was named stays under the account.
    await expect.poll(() => drawer.getByText(`door ${account}`, { exact: true }).isVisible()).toBe(true);
    await app.screenshot('wie-werkt-er-logboek-1366');
    expect(await app.checkA11y()).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });

  it('asks again in the next session, pre-filled, and can be changed from the header (1024×768)', async () => {
    app = await startApp({ demo: true, askWho: true, viewport: { width: 1024, height: 768 } });
    await app.call('session.who.set', { naam: 'Marianne Hoekstra', functie: 'rector' });
    // A new session: the page loads again (as after an unlock) and the question comes back.
    await app.page.reload();
    const { page } = app;
    const dialog = page.getByRole('dialog', { name: 'Wie werkt er?' });
    await dialog.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await dialog.getByLabel('Uw naam').inputValue()).toBe('Marianne Hoekstra');
    expect(await dialog.getByLabel('Uw functie').inputValue()).toBe('rector');
    await app.screenshot('wie-werkt-er-opnieuw-1024');
    expect(await app.checkA11y()).toEqual([]);
    await dialog.getByRole('button', { name: 'Dat ben ik, doorgaan' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Someone else takes over: from the header, this time the dialog may be closed.
    await page.getByRole('button', { name: 'Wie werkt er: Marianne Hoekstra (rector). Wijzigen' }).click();
    await dialog.waitFor({ state: 'visible' });
    await dialog.getByLabel('Uw naam').fill('Jan de Vries');
    await dialog.getByLabel('Uw functie').fill('teamleider');
    await dialog.getByRole('button', { name: 'Doorgaan' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('wie-werkt').textContent()).toBe('Jan de Vries (teamleider)');
    expect(await app.call('session.who.get')).toMatchObject({ actor: 'Jan de Vries (teamleider)', persoon: { naam: 'Jan de Vries' } });
    await app.screenshot('wie-werkt-er-header-1024');
    expect(await app.checkA11y()).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });
});
