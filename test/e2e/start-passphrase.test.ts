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
import { readKeyFile, wrapKey, writeKeyFile } from '../../src/main/security/keyWrap';
import { attachKeyVault, fileKeyVault } from '../../src/main/security/vault';
import path from 'node:path';

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

describe('a forgotten passphrase', () => {
  let app2: E2EApp;
  let keyFile = '';
  beforeAll(async () => {
    app2 = await startApp({
      demo: true,
      relay: (core, key) => {
        // As in the desktop app: a key file wrapped by the passphrase, which the core can rewrite.
        keyFile = path.join(path.dirname(core.db.name), 'sleutel.json');
        const gate = wrapKey(key, PASS, { N: 2 ** 14, r: 8, p: 1 }).then((kf) => {
          writeKeyFile(keyFile, kf, null);
          attachKeyVault(core, fileKeyVault(keyFile, null, { N: 2 ** 14, r: 8, p: 1 }));
          return StartGate.awaitingPassphrase(
            kf,
            async () => ({ ok: true }),
            (m, i) => core.invoke(m, i),
          );
        });
        return async (method, input) => (await gate).invoke(method, input);
      },
    });
  });
  afterAll(async () => {
    await app2?.close();
  });

  it('opens with the recovery key from the safe, removes the passphrase and says what to do next', async () => {
    const p = app2.page;
    await p.getByTestId('lock-screen').waitFor();
    await p.getByRole('button', { name: 'Wachtwoord vergeten? Gebruik de herstelsleutel' }).click();
    const field = p.getByRole('textbox', { name: 'Herstelsleutel' });
    await field.fill('1234 5678');
    await p.getByRole('button', { name: 'Ontgrendelen met de herstelsleutel' }).click();
    await p.getByText(/bestaat uit 64 tekens/).waitFor();
    await field.fill('ab'.repeat(32));
    await p.getByRole('button', { name: 'Ontgrendelen met de herstelsleutel' }).click();
    await p.getByText(/hoort niet bij de gegevens op deze computer/).waitFor();
    await app2.screenshot('start-herstelsleutel');
    expect(await app2.checkA11y()).toEqual([]);
    expect(readKeyFile(keyFile, null).beveiliging).toBe('wachtwoord');

    await field.fill(app2.key.match(/.{4}/g)!.join(' '));
    await p.getByRole('button', { name: 'Ontgrendelen met de herstelsleutel' }).click();
    await p.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
    await p.getByText('Het wachtwoord is verwijderd').waitFor();
    await app2.screenshot('start-herstelsleutel-open');
    expect(readKeyFile(keyFile, null)).toMatchObject({ beveiliging: 'geen', sleutel: app2.key });
    expect(app2.consoleErrors).toEqual([]);
  });
});
