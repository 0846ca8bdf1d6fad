// Lock and passphrase through the core, the trust settings, access requests (§6.8), the breach
// register (§6.9), the privacy page's facts and the dashboard's attention list.
import { describe, it, expect, afterEach } from 'vitest';
import fs from 'node:fs';
import { makeTrustCore, FAST_SCRYPT, tempDir, DE_LINDE } from './trustSupport';
import { makeTestCore } from '../support/core';
import type { TestCore } from '../support/core';
import { readKeyFile, unwrapKey } from '../../src/main/security/keyWrap';
import { WRONG_PASSPHRASE } from '../../src/main/security/keyWrap';
import { Core } from '../../src/main/app/core';

let t: TestCore & { keyFile?: string };
afterEach(() => t?.cleanup());

/** The security events in the audit trail, oldest first. */
const securityActions = () =>
  t.core.db
    .prepare(`SELECT action FROM audit_log WHERE entity = 'beveiliging' ORDER BY id`)
    .all()
    .map((r) => (r as { action: string }).action);

async function fails(method: string, input: unknown) {
  const r = await t.core.invoke(method, input);
  if (r.ok) throw new Error(`${method} should have failed`);
  return r.error;
}

describe('lock and passphrase', () => {
  it('locks on demand and unlocks with a simple confirm when there is no passphrase', async () => {
    t = makeTrustCore();
    expect(await t.call('trust.lockStatus', {})).toEqual({
      vergrendeld: false,
      wachtwoordIngesteld: false,
      wachtwoordMogelijk: true,
      vergrendelNaMinuten: 10,
    });
    expect((await t.call('trust.lock', {})).vergrendeld).toBe(true);
    expect((await t.call('trust.lockStatus', {})).vergrendeld).toBe(true);
    expect((await t.call('trust.unlock', {})).vergrendeld).toBe(false);
  });

  it('sets a passphrase by re-wrapping the key file, without touching the database', async () => {
    t = makeTrustCore();
    const keyFile = (t as { keyFile: string }).keyFile;
    t.core.db.pragma('wal_checkpoint(TRUNCATE)');
    const dbBefore = fs.readFileSync(t.dbPath);
    const e1 = await fails('trust.passphrase.set', { nieuw: 'kort', herhaling: 'kort' });
    expect(e1).toMatchObject({ code: 'VALIDATIE', field: 'nieuw' });
    expect(e1.message).toMatch(/minstens 12 tekens/);
    expect(await fails('trust.passphrase.set', { nieuw: 'paarse olifant fietst', herhaling: 'paarse olifant fiets' })).toMatchObject({
      field: 'herhaling',
      message: 'De twee wachtwoorden zijn niet gelijk.',
    });
    const s = await t.call('trust.passphrase.set', { nieuw: 'paarse olifant fietst', herhaling: 'paarse olifant fietst' });
    expect(s.wachtwoordIngesteld).toBe(true);
    const kf = readKeyFile(keyFile, null);
    expect(kf.beveiliging).toBe('wachtwoord');
    expect(fs.readFileSync(keyFile, 'utf8')).not.toContain(t.key);
    expect(await unwrapKey(kf, 'paarse olifant fietst')).toBe(t.key);
    t.core.db.pragma('wal_checkpoint(TRUNCATE)');
    // Only the audit entry was added to the database; its key is the same (it still opens).
    expect(t.core.db.prepare(`SELECT action FROM audit_log WHERE entity = 'beveiliging'`).all()).toEqual([
      { action: 'wachtwoord_ingesteld' },
    ]);
    expect(dbBefore.length).toBeGreaterThan(0);

    // Locked: the wrong passphrase is refused in Dutch, the right one opens.
    await t.call('trust.lock', {});
    expect(await fails('trust.unlock', {})).toMatchObject({ code: 'GEEN_TOEGANG', message: 'Vul het wachtwoord van de app in.' });
    expect(await fails('trust.unlock', { wachtwoord: 'Paarse olifant fietst' })).toMatchObject({
      code: 'GEEN_TOEGANG',
      message: WRONG_PASSPHRASE,
    });
    expect((await t.call('trust.lockStatus', {})).vergrendeld).toBe(true);
    expect((await t.call('trust.unlock', { wachtwoord: 'paarse olifant fietst' })).vergrendeld).toBe(false);

    // Change: the current one is needed and checked; the key stays the same.
    expect(await fails('trust.passphrase.set', { nieuw: 'een nieuwe lange zin', herhaling: 'een nieuwe lange zin' })).toMatchObject({
      field: 'huidig',
    });
    expect(
      await fails('trust.passphrase.set', {
        huidig: 'verkeerd wachtwoord!',
        nieuw: 'een nieuwe lange zin',
        herhaling: 'een nieuwe lange zin',
      }),
    ).toMatchObject({
      field: 'huidig',
      message: WRONG_PASSPHRASE,
    });
    await t.call('trust.passphrase.set', {
      huidig: 'paarse olifant fietst',
      nieuw: 'een nieuwe lange zin',
      herhaling: 'een nieuwe lange zin',
    });
    expect(await unwrapKey(readKeyFile(keyFile, null), 'een nieuwe lange zin')).toBe(t.key);

    // The recovery key needs the passphrase too.
    expect(await fails('trust.recoveryKey', { wachtwoord: 'paarse olifant fietst' })).toMatchObject({ code: 'GEEN_TOEGANG' });
    expect(await t.call('trust.recoveryKey', { wachtwoord: 'een nieuwe lange zin' })).toEqual({
      sleutel: t.key,
      sleutelId: readKeyFile(keyFile, null).sleutelId,
    });

    // Remove: back to a plain key file.
    await t.call('trust.passphrase.remove', { huidig: 'een nieuwe lange zin' });
    expect(readKeyFile(keyFile, null)).toMatchObject({ beveiliging: 'geen', sleutel: t.key });
    expect(securityActions()).toEqual(['wachtwoord_ingesteld', 'wachtwoord_gewijzigd', 'herstelsleutel_getoond', 'wachtwoord_verwijderd']);
    // The database still opens with the same key after all this.
    t.core.close();
    const again = Core.open({ dbPath: t.dbPath, key: t.key });
    again.close();
    t.core = Core.open({ dbPath: t.dbPath, key: t.key });
  });

  it('a forgotten passphrase: the recovery key unlocks and removes it; a wrong or garbled key changes nothing', async () => {
    t = makeTrustCore();
    const keyFile = (t as { keyFile: string }).keyFile;
    await t.call('trust.passphrase.set', { nieuw: 'paarse olifant fietst', herhaling: 'paarse olifant fietst' });
    await t.call('trust.lock', {});
    const wrapped = fs.readFileSync(keyFile);

    const garbled = await fails('trust.unlockWithRecoveryKey', { herstelsleutel: 'abc' });
    expect(garbled).toMatchObject({ code: 'GEEN_TOEGANG', fields: { herstelsleutel: expect.stringMatching(/64 tekens/) } });
    const other = await fails('trust.unlockWithRecoveryKey', { herstelsleutel: 'ab'.repeat(32) });
    expect(other.fields?.herstelsleutel).toMatch(/hoort niet bij de gegevens/);
    expect(fs.readFileSync(keyFile).equals(wrapped)).toBe(true);
    expect((await t.call('trust.lockStatus', {})).vergrendeld).toBe(true);

    // As written on paper: blocks of four, upper case, a dash.
    const paper = t.key.toUpperCase().match(/.{4}/g)!.join(' ').replace(' ', '-');
    const s = await t.call('trust.unlockWithRecoveryKey', { herstelsleutel: paper });
    expect(s).toMatchObject({ vergrendeld: false, wachtwoordIngesteld: false });
    expect(readKeyFile(keyFile, null)).toMatchObject({ beveiliging: 'geen', sleutel: t.key });
    expect(securityActions()).toEqual(['wachtwoord_ingesteld', 'wachtwoord_verwijderd_met_herstelsleutel']);
  });

  it('without a key vault (browser preview) a passphrase cannot be set, and the lock is a confirm', async () => {
    t = makeTestCore();
    expect(await t.call('trust.lockStatus', {})).toMatchObject({ wachtwoordMogelijk: false, wachtwoordIngesteld: false });
    expect(await fails('trust.passphrase.set', { nieuw: 'paarse olifant fietst', herhaling: 'paarse olifant fietst' })).toMatchObject({
      code: 'REGEL',
    });
    await t.call('trust.lock', {});
    expect((await t.call('trust.unlock', { wachtwoord: 'wat dan ook' })).vergrendeld).toBe(false);
    expect(FAST_SCRYPT.N).toBeLessThan(2 ** 17);
  });
});

describe('trust settings', () => {
  it('keeps the idle time and backup folder, and shows the retention terms of the compliance settings', async () => {
    t = makeTrustCore();
    const folder = tempDir();
    try {
      const s = await t.call('trust.settings.save', { vergrendelNaMinuten: 5, backupMap: folder, bewaartermijnOverigJaren: 3 });
      expect(s).toEqual({
        vergrendelNaMinuten: 5,
        backupMap: fs.realpathSync(folder),
        automatischeBackup: true,
        bewaartermijnLeerlingJaren: 2,
        bewaartermijnMedewerkerJaren: 2,
        bewaartermijnOverigJaren: 3,
      });
      expect((await t.call('trust.lockStatus', {})).vergrendelNaMinuten).toBe(5);
      expect((await fails('trust.settings.save', { vergrendelNaMinuten: 0 })).message).toBe('Kies minstens 1 minuut.');
      expect((await fails('trust.settings.save', { bewaartermijnLeerlingJaren: 5 })).message).toMatch(
        /Unrecognized key|niet herkend|onbekend/i,
      );
      expect((await fails('trust.settings.save', { backupMap: '/' })).message).toMatch(/hoofdmap/);
      expect((await t.call('trust.settings.save', { backupMap: null })).backupMap).toBeNull();
      expect(t.core.db.prepare(`SELECT count(*) AS n FROM audit_log WHERE entity = 'instelling' AND entity_id = 'trust'`).get()).toEqual({
        n: 2,
      });
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('access requests', () => {
  async function people() {
    await t.call('school.save', DE_LINDE);
    const jong = await t.call('people.create', { soort: 'leerling', voornaam: 'Lotte', achternaam: 'Jansen', geboortedatum: '2012-03-01' });
    const oud = await t.call('people.create', { soort: 'leerling', voornaam: 'Daan', achternaam: 'Smit', geboortedatum: '2009-01-15' });
    const ouder = await t.call('people.create', { soort: 'ouder', voornaam: 'Eva', achternaam: 'Jansen' });
    await t.call('people.linkGuardian', { leerlingId: jong.id, ouderId: ouder.id });
    return { jong, oud, ouder };
  }

  it('registers with a due date one month later and warns when the requester does not fit the age rule', async () => {
    t = makeTrustCore({ now: '2026-01-31T09:00:00Z' });
    const p = await people();
    const byParent = await t.call('trust.accessRequests.create', {
      personId: p.jong.id,
      aanvragerSoort: 'ouder',
      aanvragerId: p.ouder.id,
      ontvangenOp: '2026-01-31',
    });
    expect(byParent).toMatchObject({
      aanvragerNaam: 'Eva Jansen',
      ontvangenOp: '2026-01-31',
      uiterlijkOp: '2026-02-28',
      termijn: '2026-02-28',
      status: 'open',
      telaat: false,
      waarschuwingen: [],
    });
    const bySelfUnder16 = await t.call('trust.accessRequests.create', {
      personId: p.jong.id,
      aanvragerSoort: 'betrokkene',
      ontvangenOp: '2026-01-20',
    });
    expect(bySelfUnder16.waarschuwingen).toEqual([
      'De leerling was 13 jaar op de dag van het verzoek. Onder 16 jaar doet de ouder met ouderlijk gezag het verzoek.',
    ]);
    expect(bySelfUnder16.aanvragerNaam).toBe('Lotte Jansen');
    const parentOf17 = await t.call('trust.accessRequests.create', {
      personId: p.oud.id,
      aanvragerSoort: 'ouder',
      aanvragerNaam: 'M. Smit',
      ontvangenOp: '2026-01-20',
    });
    expect(parentOf17.waarschuwingen[0]).toMatch(/^De leerling was 17 jaar .* Vanaf 16 jaar doet de leerling het verzoek zelf/);
    expect(
      await fails('trust.accessRequests.create', { personId: p.oud.id, aanvragerSoort: 'gemachtigde', ontvangenOp: '2026-01-20' }),
    ).toMatchObject({ field: 'aanvragerNaam' });
    expect(
      await fails('trust.accessRequests.create', { personId: p.oud.id, aanvragerSoort: 'betrokkene', ontvangenOp: '2026-02-01' }),
    ).toMatchObject({ field: 'ontvangenOp' });
  });

  it('extends once within the first month with a reason, becomes overdue after the term, and records the answer', async () => {
    t = makeTrustCore({ now: '2026-03-02T09:00:00Z' });
    const p = await people();
    const r = await t.call('trust.accessRequests.create', { personId: p.oud.id, aanvragerSoort: 'betrokkene', ontvangenOp: '2026-03-02' });
    expect(r.uiterlijkOp).toBe('2026-04-02');
    t.setNow('2026-04-03');
    expect((await t.call('trust.accessRequests.get', { id: r.id })).telaat).toBe(true);
    const att = await t.call('trust.attention', {});
    expect(att.filter((a) => a.soort === 'inzageverzoek')).toEqual([
      {
        soort: 'inzageverzoek',
        titel: 'Inzageverzoek van Daan Smit beantwoorden (termijn 02-04-2026)',
        uiterlijk: '2026-04-02',
        teLaat: true,
        id: r.id,
      },
    ]);
    expect(await fails('trust.accessRequests.extend', { id: r.id, reden: 'Veel stukken.' })).toMatchObject({
      code: 'REGEL',
      message: expect.stringMatching(/alleen binnen de eerste maand \(tot en met 2026-04-02\)/),
    });

    t.setNow('2026-03-20');
    const ext = await t.call('trust.accessRequests.extend', { id: r.id, reden: 'Veel stukken uit drie schooljaren.' });
    expect(ext).toMatchObject({ verlengdTot: '2026-06-02', termijn: '2026-06-02', telaat: false });
    expect(await fails('trust.accessRequests.extend', { id: r.id, reden: 'Nog eens.' })).toMatchObject({
      message: expect.stringMatching(/al verlengd tot 2026-06-02/),
    });
    t.setNow('2026-05-01');
    expect((await t.call('trust.accessRequests.get', { id: r.id })).telaat).toBe(false);

    const exp = await t.call('trust.accessRequests.export', { id: r.id });
    expect(exp.bestandsnaam).toMatch(/\.zip$/);
    expect(exp.verzoek.exportGemaaktOp).toBe('2026-05-01');
    expect(
      t.core.db
        .prepare(`SELECT action FROM audit_log WHERE entity = 'persoon' AND entity_id = ? AND action = 'dossier_geexporteerd'`)
        .all(String(p.oud.id)),
    ).toHaveLength(1);

    expect(await fails('trust.accessRequests.answer', { id: r.id, status: 'afgewezen', datum: '2026-05-01' })).toMatchObject({
      field: 'antwoord',
    });
    expect(await fails('trust.accessRequests.answer', { id: r.id, status: 'beantwoord', datum: '2026-03-01' })).toMatchObject({
      field: 'datum',
    });
    const done = await t.call('trust.accessRequests.answer', {
      id: r.id,
      status: 'beantwoord',
      datum: '2026-05-01',
      antwoord: 'Dossier per post verstuurd.',
    });
    expect(done).toMatchObject({ status: 'beantwoord', beantwoordOp: '2026-05-01', telaat: false, waarschuwingen: [] });
    expect(await fails('trust.accessRequests.answer', { id: r.id, status: 'beantwoord', datum: '2026-05-01' })).toMatchObject({
      code: 'CONFLICT',
    });
    const list = await t.call('trust.accessRequests.list', { status: ['beantwoord'] });
    expect(list.total).toBe(1);
    expect(
      t.core.db
        .prepare(`SELECT action FROM audit_log WHERE entity = 'inzageverzoek' ORDER BY id`)
        .all()
        .map((x) => (x as { action: string }).action),
    ).toEqual(['geregistreerd', 'verlengd', 'dossier_geexporteerd', 'beantwoord']);
  });
});

describe('the data-breach register', () => {
  const lostStick = {
    omschrijving: 'USB-stick met een dossierexport van een leerling verloren in de trein.',
    ontdektOp: '2026-11-16T08:30:00Z',
    voorgevallenOp: '2026-11-15',
    betrokkenen: 'Eén leerling en diens ouders',
    aantalBetrokkenen: 3,
    soortGegevens: 'Naam, adres, meldingen en maatregelen',
    risico: true,
    maatregelen: 'Politie ingelicht; ouders gebeld.',
  };

  it('puts the 72-hour deadline on the dashboard until the report to the AP is recorded', async () => {
    t = makeTrustCore({ now: '2026-11-16T09:00:00Z' });
    const b = await t.call('trust.breaches.create', lostStick);
    expect(b).toMatchObject({ apUiterlijk: '2026-11-19T08:30:00.000Z', apTeLaat: false, apGemeldOp: null });
    expect((await t.call('trust.attention', {})).find((a) => a.soort === 'datalek')).toMatchObject({
      uiterlijk: '2026-11-19T08:30:00.000Z',
      teLaat: false,
      id: b.id,
    });
    // On the dashboard (Overzicht) as a moment on the deadline's day, linking to the register.
    expect((await t.call('obligations.dashboard', {})).momenten.find((m) => m.soort === 'datalek')).toMatchObject({
      datum: '2026-11-19',
      link: '#/instellingen/privacy',
      toelichting: 'Uiterlijk 19-11-2026, 09:30.',
    });
    t.setNow('2026-11-19T08:31:00Z');
    expect((await t.call('trust.breaches.get', { id: b.id })).apTeLaat).toBe(true);
    expect((await t.call('obligations.dashboard', {})).momenten.find((m) => m.soort === 'datalek')).toMatchObject({
      datum: '2026-11-19',
      titel: expect.stringMatching(/^Te laat: Datalek melden/),
    });
    expect((await t.call('trust.attention', {})).find((a) => a.soort === 'datalek')?.teLaat).toBe(true);
    expect((await fails('trust.breaches.update', { ...lostStick, id: b.id, afgeslotenOp: '2026-11-19' })).field).toBe('afgeslotenOp');
    expect((await fails('trust.breaches.update', { ...lostStick, id: b.id, apGemeldOp: '2026-11-14T10:00:00Z' })).message).toMatch(
      /vóór de ontdekking/,
    );
    const reported = await t.call('trust.breaches.update', {
      ...lostStick,
      id: b.id,
      apGemeldOp: '2026-11-19T08:20:00+01:00',
      apKenmerk: 'AP-2026-998877',
    });
    expect(reported).toMatchObject({ apGemeldOp: '2026-11-19T07:20:00.000Z', apTeLaat: false });
    expect((await t.call('trust.attention', {})).some((a) => a.soort === 'datalek')).toBe(false);
  });

  it('a breach without risk needs no report and has no deadline', async () => {
    t = makeTrustCore({ now: '2026-11-16T09:00:00Z' });
    const b = await t.call('trust.breaches.create', { ...lostStick, risico: false, omschrijving: 'Versleutelde laptop gestolen.' });
    expect(b).toMatchObject({ apUiterlijk: null, apTeLaat: false });
    expect(
      (await fails('trust.breaches.update', { ...lostStick, risico: false, id: b.id, apGemeldOp: '2026-11-16T09:00:00Z' })).field,
    ).toBe('apGemeldOp');
    expect((await fails('trust.breaches.create', { ...lostStick, ontdektOp: '2026-11-17T09:00:00Z' })).field).toBe('ontdektOp');
    expect((await fails('trust.breaches.create', { ...lostStick, ontdektOp: '16-11-2026 09:00' })).field).toBe('ontdektOp');
    expect((await t.call('trust.breaches.list', {})).total).toBe(1);
  });
});

describe('the privacy page', () => {
  it('tells where the data are, how long they are kept and what is protected', async () => {
    t = makeTrustCore();
    const info = await t.call('trust.privacy', {});
    expect(info).toMatchObject({
      databaseBestand: t.dbPath,
      versleuteld: true,
      wachtwoordIngesteld: false,
      backupMap: null,
      laatsteBackup: null,
      bewaartermijnen: { leerling: 2, medewerker: 2, overig: 2 },
      aantallen: { personen: 0, meldingen: 0, maatregelen: 0 },
    });
    expect(info.bestandenMap).toBe(t.core.ctx.files.root);
    expect((await t.call('trust.attention', {})).map((a) => a.soort)).toEqual(['reservekopie']);
  });
});

describe('a locked app', () => {
  it('answers nothing but the lock methods until it is unlocked', async () => {
    const t = makeTestCore();
    try {
      await t.call('school.loadDemo', {});
      await t.call('trust.lock', {});
      const r = await t.core.invoke('incidents.list', {});
      expect(r).toMatchObject({ ok: false, error: { code: 'GEEN_TOEGANG' } });
      expect((await t.core.invoke('app.status', {})).ok).toBe(true);
      expect((await t.call('trust.lockStatus', {})).vergrendeld).toBe(true);
      await t.call('trust.unlock', {});
      expect((await t.core.invoke('incidents.list', {})).ok).toBe(true);
    } finally {
      t.cleanup();
    }
  });
});
