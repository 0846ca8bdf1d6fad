// The app passphrase at start, as the Electron door does it (electron/startGate.ts), end to end in
// Chromium: the window opens on the lock screen and shows nothing of the data, the renderer asks
// nothing but the lock before the passphrase, a wrong passphrase is refused in Dutch, and the
// right one opens the app where the school left it. (The browser preview's database is already
// open; the gate's opening of a real database with the unwrapped key is tested in
// test/unit/electron-startgate.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from './harness';
import type { E2EApp } from './harness';
import { StartGate } from '../../src/main/electron/startGate';
import { wrapKey } from '../../src/main/trust/keyWrap';

const PASS = 'de linde is een mooie school';
let app: E2EApp;
const asked: string[] = [];

beforeAll(async () => {
  app = await startApp({
    demo: true,
    route: '#/meldingen',
    relay: (core, key) => {
      const gate = wrapKey(key, PASS, { N: 2 ** 14, r: 8, p: 1 }).then((kf) =>
        StartGate.awaitingPassphrase(
          kf,
          async () => ({ ok: true }),
          (m, i) => core.invoke(m, i),
        ),
      );
      return async (method, input) => {
        const g = await gate;
        if (!g.key) asked.push(method);
        return g.invoke(method, input);
      };
    },
  });
});

afterAll(async () => {
  await app?.close();
});

describe('starting with an app passphrase', () => {
  it('opens on the lock screen, shows no data and asks nothing else before the passphrase', async () => {
    const p = app.page;
    await p.getByTestId('lock-screen').waitFor();
    await p.getByLabel('Wachtwoord').waitFor();
    expect(await p.getByRole('navigation', { name: 'Hoofdmenu' }).count()).toBe(0);
    expect(await p.locator('body').innerText()).not.toMatch(/De Linde|Meldingen/);
    expect(asked).toEqual(['trust.lockStatus']);
    await app.screenshot('start-wachtwoord');
    expect(await app.checkA11y()).toEqual([]);
  });

  it('refuses a wrong passphrase in Dutch, and the right one opens the page the user asked for', async () => {
    const p = app.page;
    await p.getByLabel('Wachtwoord').fill('De linde is een mooie school');
    await p.getByRole('button', { name: 'Ontgrendelen' }).click();
    await p.getByText('Het wachtwoord klopt niet. Let op hoofdletters en spaties, en probeer het opnieuw.').waitFor();
    expect(await p.getByRole('navigation', { name: 'Hoofdmenu' }).count()).toBe(0);
    expect(asked.filter((m) => m !== 'trust.lockStatus')).toEqual(['trust.unlock']);

    await p.getByLabel('Wachtwoord').fill(PASS);
    await p.getByRole('button', { name: 'Ontgrendelen' }).click();
    await p.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
    await p.getByRole('heading', { name: 'Meldingen', level: 1 }).waitFor();
    await p.getByRole('gridcell').first().waitFor();
    expect(await p.getByTestId('lock-screen').count()).toBe(0);
    await app.screenshot('start-wachtwoord-open');
    expect(app.consoleErrors).toEqual([]);
  });
});
