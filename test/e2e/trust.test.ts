// The trust pages in the browser: Instellingen → Beveiliging (backup now, passphrase), the lock
// (on demand, after idle time, survives a reload, wrong passphrase refused) which unmounts every
// page, and Instellingen → Privacy (facts, a breach with its 72-hour deadline). axe on each screen.
import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp } from './harness';
import type { E2EApp } from './harness';
import { attachKeyVault, fileKeyVault } from '../../src/main/security/vault';
import { plainKeyFile, writeKeyFile } from '../../src/main/security/keyWrap';

let app: E2EApp;
let backups: string;

beforeAll(async () => {
  app = await startApp({ demo: true, route: '#/instellingen/beveiliging' });
  // The browser preview keeps no key file; give this core one, as the Electron door does, so the
  // passphrase can be set (fast scrypt: the parameters are tested elsewhere).
  const keyFile = path.join(app.dir, 'sleutel.json');
  writeKeyFile(keyFile, plainKeyFile(app.key), null);
  attachKeyVault(app.preview.core, fileKeyVault(keyFile, null, { N: 2 ** 14, r: 8, p: 1 }));
  backups = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-e2e-backups-'));
  await app.page.reload();
});

afterAll(async () => {
  await app?.close();
  if (backups) fs.rmSync(backups, { recursive: true, force: true });
});

const lockScreen = () => app.page.getByTestId('lock-screen');
const nav = () => app.page.getByRole('navigation', { name: 'Hoofdmenu' });

describe('Instellingen → Beveiliging', () => {
  it('makes a backup to a chosen folder and lists it', async () => {
    const p = app.page;
    await p.getByRole('heading', { name: 'Reservekopieën' }).waitFor();
    await p.getByLabel('Map voor reservekopieën').fill(backups);
    await p.getByRole('button', { name: 'Opslaan' }).last().click();
    await p.getByRole('button', { name: 'Nu een reservekopie maken' }).click();
    await p.getByText(/^Reservekopie gemaakt: reservekopie-20261116T090000Z/).waitFor();
    await p
      .getByRole('table', { name: 'Reservekopieën in de map' })
      .getByRole('button', { name: /Terugzetten/ })
      .first()
      .waitFor();
    expect(fs.readdirSync(path.join(backups, 'Schoolprotocol-reservekopieen')).filter((n) => n.startsWith('reservekopie-'))).toEqual([
      'reservekopie-20261116T090000Z',
    ]);
    await app.screenshot('trust-beveiliging');
    expect(await app.checkA11y()).toEqual([]);
  });

  it('a wrong folder gets a Dutch message next to the field', async () => {
    const p = app.page;
    await p.getByLabel('Map voor reservekopieën').fill('relatief/pad');
    await p.getByRole('button', { name: 'Opslaan' }).last().click();
    await p.getByText(/Gebruik een volledig pad/).waitFor();
    await p.getByLabel('Map voor reservekopieën').fill(backups);
    await p.getByRole('button', { name: 'Opslaan' }).last().click();
  });

  it('says a backup is being made while it runs, and clears that when it is done', async () => {
    const p = app.page;
    // Ballast in the test's own database, so the copy takes a few seconds.
    const db = app.preview.core.db;
    db.exec('CREATE TABLE ballast (id INTEGER PRIMARY KEY, data BLOB NOT NULL)');
    const ins = db.prepare('INSERT INTO ballast (data) VALUES (randomblob(?))');
    db.transaction(() => {
      for (let i = 0; i < 128; i++) ins.run(1 << 20);
    })();
    try {
      await p.getByRole('button', { name: 'Nu een reservekopie maken' }).click();
      const busy = p
        .getByRole('status')
        .filter({ hasText: /Er wordt nu een reservekopie gemaakt \(met de hand, gestart .+\)\. U kunt gewoon doorwerken\./ });
      await busy.waitFor();
      await app.screenshot('trust-reservekopie-bezig');
      expect(await app.checkA11y()).toEqual([]);
      await p.getByText(/^Reservekopie gemaakt: reservekopie-20261116T090000Z-2/).waitFor({ timeout: 60_000 });
      await busy.waitFor({ state: 'hidden' });
    } finally {
      db.exec('DROP TABLE ballast');
    }
  });

  it('sets an app passphrase; locking hides every page and only the right passphrase unlocks', async () => {
    const p = app.page;
    await p.getByLabel('Nieuw wachtwoord (minstens 12 tekens; een zin werkt goed)').fill('kort');
    await p.getByLabel('Herhaal het nieuwe wachtwoord').fill('kort');
    await p.getByRole('button', { name: 'Wachtwoord instellen' }).click();
    await p
      .getByText(/minstens 12 tekens/)
      .first()
      .waitFor();
    await p.getByLabel('Nieuw wachtwoord (minstens 12 tekens; een zin werkt goed)').fill('de linde is een mooie school');
    await p.getByLabel('Herhaal het nieuwe wachtwoord').fill('de linde is een mooie school');
    await p.getByRole('button', { name: 'Wachtwoord instellen' }).click();
    await p.getByText('Er is een wachtwoord ingesteld.').waitFor();

    await p.getByTestId('lock-now').click();
    await lockScreen().waitFor();
    expect(await nav().count()).toBe(0);
    expect(await p.getByTestId('school-naam').count()).toBe(0);
    expect(await p.locator('body').innerText()).not.toMatch(/De Linde|Reservekopie/);
    await app.screenshot('trust-vergrendeld');
    expect(await app.checkA11y()).toEqual([]);

    // A reload comes back locked: the core keeps the lock.
    await p.reload();
    await lockScreen().waitFor();
    expect(await nav().count()).toBe(0);

    await p.getByLabel('Wachtwoord').fill('De linde is een mooie school');
    await p.getByRole('button', { name: 'Ontgrendelen' }).click();
    await p.getByText('Het wachtwoord klopt niet. Let op hoofdletters en spaties, en probeer het opnieuw.').waitFor();
    expect(await nav().count()).toBe(0);
    await p.getByLabel('Wachtwoord').fill('de linde is een mooie school');
    await p.getByRole('button', { name: 'Ontgrendelen' }).click();
    await nav().waitFor();
    expect(await lockScreen().count()).toBe(0);
  });

  it('locks by itself after the idle time', async () => {
    const p = app.page;
    await app.call('trust.settings.save', { vergrendelNaMinuten: 1 });
    await p.reload();
    await nav().waitFor();
    // Time moves on with nobody at the keyboard.
    await p.clock.setSystemTime(new Date(Date.parse('2026-11-16T09:00:00Z') + 3 * 60_000));
    await lockScreen().waitFor({ timeout: 15_000 });
    expect(await nav().count()).toBe(0);
    await p.getByLabel('Wachtwoord').fill('de linde is een mooie school');
    await p.getByRole('button', { name: 'Ontgrendelen' }).click();
    await nav().waitFor();
    await app.call('trust.settings.save', { vergrendelNaMinuten: 10 });
    // Back to the core's fixed clock, so "now" agrees again on both sides.
    await p.clock.setSystemTime(new Date('2026-11-16T09:00:00Z'));
  });
});

describe('Instellingen → Privacy', () => {
  it('tells what is kept where and for how long, and registers a breach with its 72-hour deadline', async () => {
    const p = app.page;
    await p.getByRole('tab', { name: 'Privacy' }).first().click();
    await p.getByRole('heading', { name: 'Wat wordt bewaard' }).waitFor();
    await p.getByText(/Leerlingen: 2 jaar na uitschrijving/).waitFor();
    expect(await app.checkA11y()).toEqual([]);
    await app.screenshot('trust-privacy');

    await p.getByRole('tab', { name: 'Datalekken' }).click();
    await p.getByRole('button', { name: 'Datalek registreren' }).click();
    const dialog = p.getByRole('dialog');
    await dialog.getByLabel('Wat is er gebeurd?').fill('USB-stick met een dossierexport kwijt.');
    await dialog.getByLabel('Van wie zijn de gegevens?').fill('Eén leerling en diens ouders');
    await dialog.getByLabel(/Er is een risico voor de betrokkenen/).check();
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await p
      .getByRole('table', { name: 'Datalekken' })
      .getByText(/^uiterlijk \d\d-\d\d-\d{4} \d\d:\d\d$/)
      .waitFor();
    // Let the "Opgeslagen" message finish sliding in: half-transparent text fails axe's contrast check.
    await p.getByText('Opgeslagen', { exact: true }).waitFor();
    await p.waitForTimeout(600);
    expect(await app.checkA11y()).toEqual([]);
    await app.screenshot('trust-datalekken');

    await p.getByRole('tab', { name: 'Bewaartermijnen' }).click();
    await p.getByText(/Personen van wie de bewaartermijn voorbij is/).waitFor();
    expect(await app.checkA11y()).toEqual([]);
    await p.getByRole('tab', { name: 'Inzageverzoeken' }).click();
    await p.getByRole('button', { name: 'Nieuw inzageverzoek' }).waitFor();
    expect(await app.checkA11y()).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });
});

describe('the audit trail per record', () => {
  it('shows who changed an incident and when, newest first', async () => {
    const p = app.page;
    const first = (await app.call('incidents.list', { limit: 1 })) as { rows: { id: number }[] };
    await p.goto(`${app.preview.url}#/meldingen/${first.rows[0].id}`);
    await p.getByTestId('audit-trail').click();
    const drawer = p.getByRole('dialog', { name: 'Wijzigingsgeschiedenis' });
    await drawer
      .getByText(/— aangemaakt$/)
      .first()
      .waitFor();
    await drawer.getByText('door e2e').first().waitFor();
    expect(await app.checkA11y()).toEqual([]);
    await app.screenshot('trust-auditlog');
  });
});
