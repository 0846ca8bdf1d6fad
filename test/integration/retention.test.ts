// Retention: who is past the term, legal holds (manual, aangifte, open obligation)
// block destruction, destruction leaves only anonymous counts and a redacted but verifiable audit
// trail, removes the files, and the name is nowhere in the database's pages, free pages included
// (secure_delete, db/open.ts).
import { describe, it, expect, afterEach } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { makeTrustCore, decryptedBytes, DE_LINDE } from './trustSupport';
import type { TestCore } from '../support/core';
import { verifyAuditChain } from '../../src/main/audit/audit';

let t: TestCore & { keyFile: string };
afterEach(() => t?.cleanup());

async function fails(method: string, input: unknown) {
  const r = await t.core.invoke(method, input);
  if (r.ok) throw new Error(`${method} should have failed`);
  return r.error;
}
const count = (sql: string, ...args: unknown[]) => (t.core.db.prepare(sql).get(...args) as { n: number }).n;

const SECRET = Buffer.from('bewijs-van-Siebe-Wouterlooij-PNGDATA');

/**
 * Siebe Wouterlooij (pupil, left 31 July 2024) was the only one involved in incident 1 (with evidence,
 * an aangifte, a warning and an open obligation) and bullied Noor Bakker (still at school) in
 * incident 2. His mother Karin Wouterlooij is linked to him.
 */
async function world() {
  await t.call('school.save', DE_LINDE);
  const siebe = await t.call('people.create', {
    soort: 'leerling',
    voornaam: 'Siebe',
    achternaam: 'Wouterlooij',
    leerlingnummer: '778899',
    groep: '4H',
    geboortedatum: '2008-05-01',
    ingeschrevenOp: '2020-08-15',
    uitgeschrevenOp: '2024-07-31',
    straat: 'Dijkweg 7',
    postcode: '4001 BB',
    plaats: 'Tiel',
  });
  const noor = await t.call('people.create', { soort: 'leerling', voornaam: 'Noor', achternaam: 'Bakker', geboortedatum: '2009-02-02' });
  const karin = await t.call('people.create', {
    soort: 'ouder',
    voornaam: 'Karin',
    achternaam: 'Wouterlooij',
    email: 'karin@example.nl',
    straat: 'Dijkweg 7',
    postcode: '4001 BB',
    plaats: 'Tiel',
  });
  await t.call('people.linkGuardian', { leerlingId: siebe.id, ouderId: karin.id });
  const mentor = await t.call('people.create', { soort: 'medewerker', voornaam: 'Joost', achternaam: 'Brinkman', functie: 'mentor' });
  const protocol = await t.call('protocols.createFromTemplate', { ingangsdatum: '2023-08-01' });
  const rule = protocol.secties.flatMap((s) => s.regels)[0];
  const i1 = await t.call('incidents.create', {
    datumVoorval: '2024-03-05',
    datumMelding: '2024-03-06',
    melderId: mentor.id,
    locatie: 'buiten_school',
    platform: 'instagram',
    categorie: 'nepaccount',
    ernst: 'hoog',
    omschrijving: 'Siebe Wouterlooij maakte een nepaccount op naam van de school.',
    regelIds: [rule.id],
    betrokkenen: [{ personId: siebe.id, rol: 'dader' }],
  });
  const i2 = await t.call('incidents.create', {
    datumVoorval: '2024-04-10',
    datumMelding: '2024-04-10',
    locatie: 'in_school',
    platform: 'whatsapp',
    categorie: 'pesten',
    ernst: 'middel',
    omschrijving: 'Siebe stuurde Noor Bakker gemene berichten; Wouterlooij gaf het toe. Leerlingnummer 778899.',
    betrokkenen: [
      { personId: siebe.id, rol: 'dader' },
      { personId: noor.id, rol: 'slachtoffer', toelichting: 'Noor kreeg berichten van Siebe.' },
    ],
  });
  const ev = await t.call('evidence.add', {
    incidentId: i1.id,
    bestandsnaam: 'siebe-account.png',
    inhoudBase64: SECRET.toString('base64'),
    beveiligdOp: '2024-03-06',
  });
  const warning = await t.call('measures.create', {
    incidentId: i1.id,
    personId: siebe.id,
    soort: 'waarschuwing',
    besluitDatum: '2024-03-08',
    toelichting: 'Gesprek met Siebe en zijn moeder.',
  });
  const schorsing = await t.call('measures.create', {
    incidentId: i1.id,
    personId: siebe.id,
    soort: 'schorsing',
    besluitDatum: '2024-03-08',
    startdatum: '2024-03-11',
    einddatum: '2024-03-11',
    vorm: 'intern',
    afsprakenSchoolwerk: 'Siebe maakt het werk in het stiltelokaal.',
  });
  const aangifte = await t.call('externalReports.create', {
    incidentId: i1.id,
    personId: siebe.id,
    instantie: 'politie',
    soort: 'aangifte',
    datum: '2024-03-07',
    kenmerk: 'PV-2024-123',
  });
  const letter = await t.call('letters.finalise', { soort: 'waarschuwing', measureId: warning.id });
  return { siebe, noor, karin, mentor, i1, i2, ev, warning, schorsing, aangifte, letter };
}

describe('the retention list', () => {
  it('lists people past the term with what blocks them; people still at school are not listed', async () => {
    t = makeTrustCore({ now: '2026-11-16T09:00:00Z' });
    const w = await world();
    const list = await t.call('trust.retention.list', {});
    const siebe = list.find((c) => c.personId === w.siebe.id)!;
    expect(siebe).toMatchObject({
      naam: 'Siebe Wouterlooij',
      soort: 'leerling',
      peildatum: '2024-07-31',
      vernietigbaarVanaf: '2026-07-31',
      meldingen: 2,
      maatregelen: 2,
      bewijsstukken: 1,
    });
    expect(siebe.holds.map((h) => h.bron)).toContain('aangifte');
    expect(list.find((c) => c.personId === w.karin.id)).toMatchObject({
      soort: 'ouder',
      peildatum: '2024-07-31',
      vernietigbaarVanaf: '2026-07-31',
    });
    expect(list.map((c) => c.personId)).not.toContain(w.noor.id);
    expect(list.map((c) => c.personId)).not.toContain(w.mentor.id);
    // The term follows the compliance settings: 3 years for pupils puts Siebe in 2027.
    const settings = await t.call('obligations.settings.get', {});
    await t.call('obligations.settings.save', { ...settings, bewaartermijnLeerlingJaren: 3 });
    expect((await t.call('trust.retention.list', {})).map((c) => c.personId)).not.toContain(w.siebe.id);
    expect(
      (await t.call('trust.retention.list', { ookNietVerlopen: true })).find((c) => c.personId === w.siebe.id)?.vernietigbaarVanaf,
    ).toBe('2027-07-31');
  });
});

describe('destruction', () => {
  it('is blocked by an aangifte, a manual hold and an open obligation, and then happens completely', async () => {
    t = makeTrustCore({ now: '2026-11-16T09:00:00Z' });
    const w = await world();
    const snapshot = () => ({
      people: count('SELECT count(*) AS n FROM person'),
      incidents: count('SELECT count(*) AS n FROM incident'),
      audit: count('SELECT count(*) AS n FROM audit_log'),
    });

    // 1. The aangifte blocks.
    let before = snapshot();
    let e = await fails('trust.retention.destroy', { personIds: [w.siebe.id], bevestigdDoor: 'A. Visser' });
    expect(e.code).toBe('REGEL');
    expect(e.message).toMatch(/^Er is niets vernietigd\. Siebe Wouterlooij: geblokkeerd — Aangifte van 2024-03-07 bij melding/);
    expect(snapshot()).toEqual(before);
    await t.call('trust.holds.aangifteAfgerond', {
      externalReportId: w.aangifte.id,
      reden: 'Zaak geseponeerd (brief OM van 1 juni 2025).',
    });

    // 2. A manual hold (a pending objection) blocks.
    const hold = await t.call('trust.holds.create', {
      personId: w.siebe.id,
      soort: 'bezwaar',
      reden: 'Bezwaar van de ouders loopt nog.',
      vanaf: '2026-10-01',
    });
    before = snapshot();
    e = await fails('trust.retention.destroy', { personIds: [w.siebe.id], bevestigdDoor: 'A. Visser' });
    expect(e.message).toContain('Bezwaar loopt: Bezwaar van de ouders loopt nog.');
    expect(snapshot()).toEqual(before);
    await t.call('trust.holds.release', { id: hold.id, reden: 'Bezwaar afgehandeld.' });

    // 3. An open obligation of his measures blocks (if the compliance engine made any), until done.
    const open = await t.call('obligations.list', { personId: w.siebe.id, status: ['open'] });
    expect(open.total).toBeGreaterThan(0);
    const c = (await t.call('trust.retention.list', {})).find((x) => x.personId === w.siebe.id)!;
    expect(c.holds.filter((h) => h.bron === 'verplichting')).toHaveLength(open.total);
    for (const o of open.rows) await t.call('obligations.markNotApplicable', { id: o.id, reden: 'Afgerond in 2024.' });
    expect((await t.call('trust.retention.list', {})).find((x) => x.personId === w.siebe.id)?.holds).toEqual([]);

    // A person whose term is still running cannot be destroyed either.
    e = await fails('trust.retention.destroy', { personIds: [w.siebe.id, w.noor.id], bevestigdDoor: 'A. Visser' });
    expect(e.message).toContain('Noor Bakker: de bewaartermijn is nog niet begonnen');

    // 4. Now it happens.
    const evidenceFile = t.core.ctx.files.path(
      'bewijs',
      (t.core.db.prepare('SELECT opslagnaam FROM evidence WHERE id = ?').get(w.ev.id) as { opslagnaam: string }).opslagnaam,
    );
    expect(fs.existsSync(evidenceFile)).toBe(true);
    const letterFiles = (
      t.core.db.prepare('SELECT opslagnaam FROM letter WHERE person_id = ?').all(w.siebe.id) as { opslagnaam: string }[]
    ).map((l) => t.core.ctx.files.path('brieven', l.opslagnaam));
    expect(letterFiles.length).toBeGreaterThan(0);
    expect(letterFiles.every((f) => fs.existsSync(f))).toBe(true);
    const r = await t.call('trust.retention.destroy', { personIds: [w.siebe.id], bevestigdDoor: 'A. Visser' });
    expect(r).toMatchObject({ personen: 1, meldingen: 1, maatregelen: 2, brieven: letterFiles.length, bestanden: 1 + letterFiles.length });
    expect(letterFiles.some((f) => fs.existsSync(f))).toBe(false);
    expect(count('SELECT count(*) AS n FROM letter')).toBe(0);
    expect(r.auditGeredigeerd).toBeGreaterThan(3);

    expect(count('SELECT count(*) AS n FROM person WHERE id = ?', w.siebe.id)).toBe(0);
    expect(count('SELECT count(*) AS n FROM incident WHERE id = ?', w.i1.id)).toBe(0);
    expect(count('SELECT count(*) AS n FROM evidence')).toBe(0);
    expect(count('SELECT count(*) AS n FROM external_report')).toBe(0);
    expect(count('SELECT count(*) AS n FROM measure')).toBe(0);
    expect(count('SELECT count(*) AS n FROM obligation WHERE person_id = ? OR incident_id = ?', w.siebe.id, w.i1.id)).toBe(0);
    expect(fs.existsSync(evidenceFile)).toBe(false);
    // Incident 2 lives on for Noor, without Siebe and without his name.
    const i2 = await t.call('incidents.get', { id: w.i2.id });
    expect(i2.betrokkenen.map((b) => b.persoon.naam)).toEqual(['Noor Bakker']);
    expect(i2.omschrijving).toBe(
      '[verwijderd] stuurde Noor Bakker gemene berichten; [verwijderd] gaf het toe. Leerlingnummer [verwijderd].',
    );
    expect(i2.betrokkenen[0].toelichting).toBe('Noor kreeg berichten van [verwijderd].');
    expect(t.core.db.prepare(`SELECT rowid FROM incident_fts WHERE incident_fts MATCH 'siebe'`).all()).toEqual([]);
    expect(t.core.db.prepare(`SELECT rowid FROM incident_fts WHERE incident_fts MATCH 'noor'`).all()).toEqual([{ rowid: w.i2.id }]);
    // The mentor who reported incident 1 and the mother stay.
    expect(count('SELECT count(*) AS n FROM person')).toBe(3);

    // Anonymous counts for the yearly figures.
    expect(await t.call('trust.retention.counts', {})).toEqual([
      { schooljaar: '2023-2024', soort: 'maatregel', categorie: 'nepaccount', maatregel: 'schorsing', persoonSoort: 'leerling', aantal: 1 },
      {
        schooljaar: '2023-2024',
        soort: 'maatregel',
        categorie: 'nepaccount',
        maatregel: 'waarschuwing',
        persoonSoort: 'leerling',
        aantal: 1,
      },
      { schooljaar: '2023-2024', soort: 'melding', categorie: 'nepaccount', maatregel: '', persoonSoort: '', aantal: 1 },
    ]);

    // The audit trail: his entries lost their content, one entry records the destruction, and the
    // chain still verifies.
    const his = t.core.db
      .prepare(`SELECT action, before_json, after_json FROM audit_log WHERE entity = 'persoon' AND entity_id = ? ORDER BY id`)
      .all(String(w.siebe.id)) as {
      action: string;
      before_json: string | null;
      after_json: string | null;
    }[];
    expect(his.slice(0, -1).every((a) => a.before_json === null && a.after_json === null)).toBe(true);
    expect(his.at(-1)).toEqual({
      action: 'vernietigd',
      before_json: 'null',
      after_json: JSON.stringify({ soort: 'leerling', reden: 'bewaartermijn verlopen', bevestigdDoor: 'A. Visser' }),
    });
    expect(verifyAuditChain(t.core.db)).toMatchObject({ ok: true });
    const auditText = (
      t.core.db.prepare("SELECT group_concat(coalesce(before_json, '') || coalesce(after_json, ''), '') AS s FROM audit_log").get() as {
        s: string;
      }
    ).s;
    expect(auditText).not.toMatch(/Siebe|778899/);
    expect(auditText).toContain('Noor Bakker');

    // 5. Not a trace in the database file's pages (decrypted), nor in the WAL.
    const pages = await decryptedBytes(t.dbPath, t.key);
    for (const s of ['Siebe', '778899', 'siebe-account', 'PV-2024-123']) expect(pages.includes(Buffer.from(s)), s).toBe(false);
    expect(pages.includes(Buffer.from('Noor Bakker'))).toBe(true);
    expect(fs.statSync(`${t.dbPath}-wal`).size).toBe(0);
  });

  it('without secure_delete the destroyed name would still be in the pages (so the check above can fail)', async () => {
    t = makeTrustCore({ now: '2026-11-16T09:00:00Z' });
    const w = await world();
    await t.call('trust.holds.aangifteAfgerond', { externalReportId: w.aangifte.id, reden: 'Afgerond.' });
    for (const o of (await t.call('obligations.list', { personId: w.siebe.id, status: ['open'] })).rows)
      await t.call('obligations.markNotApplicable', { id: o.id, reden: 'x' });
    t.core.db.pragma('secure_delete = OFF');
    await t.call('trust.retention.destroy', { personIds: [w.siebe.id], bevestigdDoor: 'A. Visser' });
    const pages = await decryptedBytes(t.dbPath, t.key);
    expect(pages.includes(Buffer.from('778899'))).toBe(true);
  });

  it('a redacted audit entry changed afterwards breaks the chain, with its id and reason', async () => {
    t = makeTrustCore({ now: '2026-11-16T09:00:00Z' });
    const w = await world();
    await t.call('trust.holds.aangifteAfgerond', { externalReportId: w.aangifte.id, reden: 'Afgerond.' });
    for (const o of (await t.call('obligations.list', { personId: w.siebe.id, status: ['open'] })).rows)
      await t.call('obligations.markNotApplicable', { id: o.id, reden: 'x' });
    await t.call('trust.retention.destroy', { personIds: [w.siebe.id], bevestigdDoor: 'A. Visser' });
    const redacted = t.core.db
      .prepare(`SELECT id FROM audit_log WHERE entity = 'persoon' AND entity_id = ? AND action = 'aangemaakt'`)
      .get(String(w.siebe.id)) as { id: number };
    t.core.db.prepare(`UPDATE audit_log SET after_json = '{"voornaam":"Siebe"}' WHERE id = ?`).run(redacted.id);
    expect(verifyAuditChain(t.core.db)).toEqual({
      ok: false,
      entries: redacted.id,
      brokenAt: redacted.id,
      reason: 'deze geredigeerde regel is na het redigeren gewijzigd',
    });
  });

  it('a parent goes only once every child has left, and a dossier export goes with the person', async () => {
    t = makeTrustCore({ now: '2026-11-16T09:00:00Z' });
    const w = await world();
    const sibling = await t.call('people.create', { soort: 'leerling', voornaam: 'Fenne', achternaam: 'Wouterlooij' });
    await t.call('people.linkGuardian', { leerlingId: sibling.id, ouderId: w.karin.id });
    expect((await t.call('trust.retention.list', {})).map((c) => c.personId)).not.toContain(w.karin.id);
    await t.call('people.update', {
      ...(await t.call('people.get', { id: sibling.id })),
      uitgeschrevenOp: '2024-06-30',
      koppelingen: undefined,
    } as never);
    expect((await t.call('trust.retention.list', {})).map((c) => c.personId)).toContain(w.karin.id);

    const exp = await t.call('letters.dossierExport', { personId: w.karin.id, reden: 'overig' });
    const exportFile = exp.openFile;
    expect(fs.existsSync(exportFile)).toBe(true);
    await t.call('trust.retention.destroy', { personIds: [w.karin.id], bevestigdDoor: 'A. Visser' });
    expect(fs.existsSync(exportFile)).toBe(false);
    expect(count('SELECT count(*) AS n FROM guardian_link')).toBe(0);
    expect(verifyAuditChain(t.core.db)).toMatchObject({ ok: true });
    expect(path.basename(exportFile)).toMatch(/\.docx$/);
  });
});
