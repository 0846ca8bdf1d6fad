// Reports by staff (submissions.*): a staff member reports with a screenshot; the registrar accepts
// it as an incident (the reporter kept as melder, the file as evidence with the same SHA-256),
// merges it into an incident, or declines it with a reason only that reporter sees. Each step is
// audited; bad input and a second handling change nothing.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { makeTestCore, type TestCore } from '../support/core';
import type { Caller } from '../../src/shared/api/caller';
import type { Input, MethodName, Output } from '../../src/shared/api';
import type { SubmissionInput } from '../../src/shared/api/submissions';

let t: TestCore;
beforeEach(() => {
  t = makeTestCore({ now: '2026-11-16T09:00:00Z' });
});
afterEach(() => t.cleanup());

const joost: Caller = { rol: 'medewerker', actor: 'Joost Brinkman (conciërge)', accountId: 11, groepen: null };
const fleur: Caller = { rol: 'mentor', actor: 'Fleur Smit (mentor 3A)', accountId: 12, groepen: ['3A'] };

async function as<M extends MethodName>(caller: Caller | undefined, method: M, input: Input<M>): Promise<Output<M>> {
  const r = await t.core.invoke(method, input, caller);
  if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message} ${JSON.stringify(r.error.fields ?? {})}`);
  return r.value;
}
async function fails(caller: Caller | undefined, method: string, input: unknown) {
  const r = await t.core.invoke(method, input, caller);
  if (r.ok) throw new Error(`${method} should have failed`);
  return r.error;
}
const count = (table: string, where = '1') => t.core.db.prepare(`SELECT count(*) FROM ${table} WHERE ${where}`).pluck().get() as number;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
/** Every row of the tables a submission touches, to show a refusal changed nothing. */
const state = () =>
  ['submission', 'submission_person', 'submission_file', 'incident', 'incident_person', 'evidence', 'audit_log'].map((tb) =>
    t.core.db.prepare(`SELECT * FROM ${tb} ORDER BY rowid`).all(),
  );
const storedFiles = () => {
  const dir = path.join(t.dir, 'schoolprotocol-bestanden', 'bewijs');
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
};

// A small PNG-like screenshot: the bytes only matter for the SHA-256.
const screenshot = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('schermafbeelding groepschat 3A'),
]);

async function world() {
  const emre = await t.call('people.create', { soort: 'leerling', voornaam: 'Emre', achternaam: 'Özdemir', groep: '3A' });
  const sanne = await t.call('people.create', {
    soort: 'leerling',
    voornaam: 'Sanne',
    tussenvoegsel: 'van',
    achternaam: 'Dijk',
    groep: '3A',
  });
  const bram = await t.call('people.create', { soort: 'leerling', voornaam: 'Bram', achternaam: 'Kok', groep: '3B' });
  const staff = await t.call('people.create', { soort: 'medewerker', voornaam: 'Joost', achternaam: 'Brinkman', functie: 'conciërge' });
  return { emre, sanne, bram, staff };
}

const report = (w: Awaited<ReturnType<typeof world>>, extra: Partial<SubmissionInput> = {}): SubmissionInput => ({
  wat: 'In de groepschat van 3A werd een foto van Sanne gedeeld met spottende tekst.',
  datum: '2026-11-13',
  tijd: '12:40',
  locatie: 'buiten_school',
  platform: 'whatsapp',
  personen: [
    { personId: w.emre.id, rol: 'dader' },
    { personId: w.sanne.id, rol: 'slachtoffer' },
  ],
  anderen: 'Een jongen uit 4B, naam onbekend',
  bestanden: [{ bestandsnaam: 'groepschat.png', inhoudBase64: screenshot.toString('base64') }],
  ...extra,
});

const auditOf = (entity: string, id: number | string) =>
  t.core.db.prepare('SELECT action, actor FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id').all(entity, String(id)) as {
    action: string;
    actor: string;
  }[];

describe('submissions.create', () => {
  it('stores the report with its file (SHA-256 on arrival) under the reporter, who sees it as new', async () => {
    const w = await world();
    const s = await as(joost, 'submissions.create', report(w));
    expect(s).toMatchObject({
      status: 'nieuw',
      melder: joost.actor,
      melderAccountId: 11,
      datum: '2026-11-13',
      tijd: '12:40',
      anderen: 'Een jongen uit 4B, naam onbekend',
      incidentId: null,
    });
    expect(s.personen.map((p) => [p.persoon.naam, p.rol])).toEqual([
      ['Emre Özdemir', 'dader'],
      ['Sanne van Dijk', 'slachtoffer'],
    ]);
    expect(s.bestanden).toEqual([
      expect.objectContaining({
        bestandsnaam: 'groepschat.png',
        mime: 'image/png',
        grootte: screenshot.length,
        sha256: sha(screenshot),
        evidenceId: null,
      }),
    ]);
    expect(storedFiles()).toHaveLength(1);
    expect(auditOf('ingediende_melding', s.id)).toEqual([{ action: 'aangemaakt', actor: joost.actor }]);
    // Not an incident until the registrar accepts it.
    expect(count('incident')).toBe(0);
    const mine = await as(joost, 'submissions.mine', {});
    expect(mine).toEqual([expect.objectContaining({ id: s.id, status: 'nieuw', afwijsreden: null, aantalBestanden: 1 })]);
  });

  it('refuses bad input in Dutch and changes nothing, no file left behind', async () => {
    const w = await world();
    const before = state();
    const cases: [unknown, RegExp][] = [
      [{ ...report(w), wat: '   ' }, /Beschrijf wat er gebeurde/],
      [{ ...report(w), datum: '2026-11-17' }, /toekomst/],
      [{ ...report(w), personen: [{ personId: 9999, rol: 'dader' }] }, /bestaat niet/],
      [
        {
          ...report(w),
          personen: [
            { personId: w.emre.id, rol: 'dader' },
            { personId: w.emre.id, rol: 'dader' },
          ],
        },
        /al met deze rol/,
      ],
      // The second file is bad: the first must not stay behind on disk.
      [{ ...report(w), bestanden: [report(w).bestanden![0], { bestandsnaam: 'x.png', inhoudBase64: '@@@@' }] }, /kon niet worden gelezen/],
      [{ ...report(w), bestanden: [{ bestandsnaam: 'leeg.png', inhoudBase64: '' }] }, /leeg/],
      [{ ...report(w), bestanden: [{ bestandsnaam: 'a\u202Egnp.exe', inhoudBase64: 'AAAA' }] }, /onzichtbare tekens/],
      [{ ...report(w), locatie: 'op_de_maan' }, /Kies waar het gebeurde/],
    ];
    for (const [input, message] of cases) {
      const e = await fails(joost, 'submissions.create', input);
      expect(e.code).toBe('VALIDATIE');
      expect(e.message).toMatch(message);
    }
    expect(state()).toEqual(before);
    expect(storedFiles()).toEqual([]);
  });

  it('is open to every staff role but the beheerder; the queue only to the school leader', async () => {
    const w = await world();
    const beheer: Caller = { rol: 'beheerder', actor: 'Systeembeheer', accountId: 13, groepen: null };
    expect((await fails(beheer, 'submissions.create', report(w))).code).toBe('GEEN_TOEGANG');
    const s = await as(fleur, 'submissions.create', report(w, { bestanden: [] }));
    for (const m of [
      'submissions.list',
      'submissions.get',
      'submissions.accept',
      'submissions.decline',
      'submissions.merge',
      'submissions.file',
    ])
      expect(
        (await fails(joost, m, { id: s.id, incidentId: 1, categorie: 'pesten', ernst: 'middel', reden: 'Geen reden nodig hier.' })).code,
      ).toBe('GEEN_TOEGANG');
    expect(count('submission', "status = 'nieuw'")).toBe(1);
  });
});

describe('submissions.accept', () => {
  it('makes an incident with the facts, the reporter as melder and the file as evidence with the same SHA-256, all audited', async () => {
    const w = await world();
    // The reporter's account belongs to a staff member in the roster (accounts, migration 020).
    t.core.db
      .prepare(
        `INSERT INTO account (id, person_id, gebruikersnaam, rol, wachtwoord_hash, created_at, updated_at) VALUES (11, ?, 'jbrinkman', 'medewerker', 'x', 'x', 'x')`,
      )
      .run(w.staff.id);
    const s = await as(joost, 'submissions.create', report(w));
    t.setNow('2026-11-17T10:00:00Z');
    const list = await as(undefined, 'submissions.list', {});
    expect(list.rows.map((r) => [r.id, r.status, r.melder, r.aantalPersonen, r.aantalBestanden])).toEqual([
      [s.id, 'nieuw', joost.actor, 2, 1],
    ]);

    const done = await as(undefined, 'submissions.accept', { id: s.id, categorie: 'pesten', ernst: 'hoog' });
    expect(done).toMatchObject({ status: 'geaccepteerd', behandeldDoor: 'test', afwijsreden: null });
    const inc = await t.call('incidents.get', { id: done.incidentId! });
    expect(done.incidentNummer).toBe(inc.nummer);
    expect(inc).toMatchObject({
      datumVoorval: '2026-11-13',
      tijdVoorval: '12:40',
      datumMelding: '2026-11-16',
      melderId: w.staff.id,
      locatie: 'buiten_school',
      platform: 'whatsapp',
      categorie: 'pesten',
      ernst: 'hoog',
      status: 'open',
    });
    expect(inc.omschrijving).toContain('foto van Sanne gedeeld');
    expect(inc.omschrijving).toContain('Een jongen uit 4B, naam onbekend');
    expect(inc.betrokkenen.map((b) => [b.personId, b.rol])).toEqual([
      [w.emre.id, 'dader'],
      [w.sanne.id, 'slachtoffer'],
    ]);
    expect(inc.bewijs).toHaveLength(1);
    expect(inc.bewijs[0]).toMatchObject({
      soort: 'bestand',
      bestandsnaam: 'groepschat.png',
      sha256: sha(screenshot),
      intact: true,
      beveiligdOp: '2026-11-16',
    });
    expect(done.bestanden[0].evidenceId).toBe(inc.bewijs[0].id);
    const bytes = await t.call('evidence.get', { id: inc.bewijs[0].id });
    expect(sha(Buffer.from(bytes.inhoudBase64!, 'base64'))).toBe(sha(screenshot));
    // Linked, not copied: still one stored file.
    expect(storedFiles()).toHaveLength(1);

    expect(auditOf('ingediende_melding', s.id).map((a) => a.action)).toEqual(['aangemaakt', 'geaccepteerd']);
    expect(auditOf('melding', inc.id).map((a) => a.action)).toContain('aangemaakt');
    // Added by the registrar at the accept; viewed once above.
    expect(auditOf('bewijs', inc.bewijs[0].id)).toEqual([
      { action: 'toegevoegd', actor: 'test' },
      { action: 'bekeken', actor: 'test' },
    ]);

    // The reporter sees it became that incident.
    expect(await as(joost, 'submissions.mine', {})).toEqual([
      expect.objectContaining({ status: 'geaccepteerd', incidentNummer: inc.nummer }),
    ]);
  });

  it('keeps the reporter as text when no roster person is known, and refuses a second handling with CONFLICT in Dutch', async () => {
    const w = await world();
    const s = await as(fleur, 'submissions.create', report(w));
    const done = await as(undefined, 'submissions.accept', { id: s.id, categorie: 'pesten', ernst: 'middel' });
    const inc = await t.call('incidents.get', { id: done.incidentId! });
    expect(inc).toMatchObject({ melderId: null, melderOmschrijving: fleur.actor });
    const before = state();
    for (const [m, input] of [
      ['submissions.accept', { id: s.id, categorie: 'pesten', ernst: 'middel' }],
      ['submissions.decline', { id: s.id, reden: 'Dit is al eerder gemeld door een ander.' }],
      ['submissions.merge', { id: s.id, incidentId: inc.id }],
    ] as const) {
      const e = await fails(undefined, m, input);
      expect(e.code).toBe('CONFLICT');
      expect(e.message).toBe('Deze ingediende melding is al geaccepteerd en kan niet nog eens worden behandeld.');
    }
    expect(state()).toEqual(before);
  });

  it('refuses an unknown category or a missing report and changes nothing', async () => {
    const w = await world();
    const s = await as(joost, 'submissions.create', report(w));
    const before = state();
    const e = await fails(undefined, 'submissions.accept', { id: s.id, categorie: 'bestaat_niet', ernst: 'middel' });
    expect(e).toMatchObject({ code: 'VALIDATIE', field: 'categorie' });
    expect((await fails(undefined, 'submissions.accept', { id: 999, categorie: 'pesten', ernst: 'middel' })).code).toBe('NIET_GEVONDEN');
    expect(state()).toEqual(before);
  });

  it('refuses a file changed on disk since it was handed in, and changes nothing', async () => {
    const w = await world();
    const s = await as(joost, 'submissions.create', report(w));
    const file = path.join(t.dir, 'schoolprotocol-bestanden', 'bewijs', storedFiles()[0]);
    fs.chmodSync(file, 0o600);
    fs.writeFileSync(file, 'vervalst');
    const before = state();
    const e = await fails(undefined, 'submissions.accept', { id: s.id, categorie: 'pesten', ernst: 'middel' });
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toMatch(/groepschat\.png.*gewijzigd/);
    expect(state()).toEqual(before);
  });
});

describe('submissions.merge', () => {
  it('adds the people, links the file and appends the text as a dated note to an existing incident', async () => {
    const w = await world();
    const inc = await t.call('incidents.create', {
      datumVoorval: '2026-11-12',
      datumMelding: '2026-11-12',
      locatie: 'buiten_school',
      platform: 'whatsapp',
      categorie: 'pesten',
      ernst: 'middel',
      omschrijving: 'Sanne wordt in de groepschat uitgelachen.',
      betrokkenen: [{ personId: w.sanne.id, rol: 'slachtoffer' }],
    });
    const s = await as(
      joost,
      'submissions.create',
      report(w, {
        personen: [
          { personId: w.emre.id, rol: 'dader' },
          { personId: w.sanne.id, rol: 'slachtoffer' },
          { personId: w.bram.id, rol: 'getuige' },
        ],
      }),
    );
    const done = await as(undefined, 'submissions.merge', { id: s.id, incidentId: inc.id });
    expect(done).toMatchObject({ status: 'samengevoegd', incidentId: inc.id, incidentNummer: inc.nummer });
    const after = await t.call('incidents.get', { id: inc.id });
    expect(after.betrokkenen.map((b) => [b.personId, b.rol]).sort()).toEqual(
      [
        [w.emre.id, 'dader'],
        [w.sanne.id, 'slachtoffer'],
        [w.bram.id, 'getuige'],
      ].sort(),
    );
    expect(after.omschrijving).toBe(
      'Sanne wordt in de groepschat uitgelachen.\n\n' +
        `Aanvulling van ${joost.actor}, gemeld op 16-11-2026 (voorval 13-11-2026 12:40):\n` +
        'In de groepschat van 3A werd een foto van Sanne gedeeld met spottende tekst.\n\n' +
        'Ook betrokken (niet in de personenlijst): Een jongen uit 4B, naam onbekend',
    );
    expect(after.bewijs.map((b) => [b.bestandsnaam, b.sha256, b.intact])).toEqual([['groepschat.png', sha(screenshot), true]]);
    expect(auditOf('melding', inc.id).map((a) => a.action)).toEqual(['aangemaakt', 'gewijzigd']);
    expect(auditOf('ingediende_melding', s.id).map((a) => a.action)).toEqual(['aangemaakt', 'samengevoegd']);
    expect((await fails(undefined, 'submissions.merge', { id: s.id, incidentId: inc.id })).message).toMatch(/al samengevoegd/);
  });

  it('refuses an unknown incident and changes nothing', async () => {
    const w = await world();
    const s = await as(joost, 'submissions.create', report(w));
    const before = state();
    expect((await fails(undefined, 'submissions.merge', { id: s.id, incidentId: 4242 })).code).toBe('NIET_GEVONDEN');
    expect(state()).toEqual(before);
  });
});

describe('submissions.decline', () => {
  it('keeps the reason, which only the reporter sees via submissions.mine', async () => {
    const w = await world();
    const s = await as(joost, 'submissions.create', report(w));
    const other = await as(fleur, 'submissions.create', report(w, { wat: 'Iets anders gezien bij de fietsenstalling.', bestanden: [] }));
    const before = state();
    const short = await fails(undefined, 'submissions.decline', { id: s.id, reden: 'nee' });
    expect(short).toMatchObject({ code: 'VALIDATIE', field: 'reden' });
    expect(short.message).toMatch(/minstens 10 tekens/);
    expect(state()).toEqual(before);

    const reden = 'Dit gebeurde buiten schooltijd en hoort bij de ouders; ik heb ze gebeld.';
    const done = await as(undefined, 'submissions.decline', { id: s.id, reden });
    expect(done).toMatchObject({ status: 'afgewezen', afwijsreden: reden, incidentId: null });
    expect(count('incident')).toBe(0);
    expect(auditOf('ingediende_melding', s.id).map((a) => a.action)).toEqual(['aangemaakt', 'afgewezen']);

    expect(await as(joost, 'submissions.mine', {})).toEqual([
      expect.objectContaining({ id: s.id, status: 'afgewezen', afwijsreden: reden }),
    ]);
    // Another reporter sees only their own report, and not the reason.
    const theirs = await as(fleur, 'submissions.mine', {});
    expect(theirs.map((x) => x.id)).toEqual([other.id]);
    expect(JSON.stringify(theirs)).not.toContain(reden);
    // The single-PC user reported nothing under their own name.
    expect(await as(undefined, 'submissions.mine', {})).toEqual([]);

    const again = await fails(undefined, 'submissions.accept', { id: s.id, categorie: 'pesten', ernst: 'middel' });
    expect(again).toMatchObject({
      code: 'CONFLICT',
      message: 'Deze ingediende melding is al afgewezen en kan niet nog eens worden behandeld.',
    });
  });
});

describe('submissions.file', () => {
  it('gives the registrar the file, checked against its SHA-256, and audits the viewing', async () => {
    const w = await world();
    const s = await as(joost, 'submissions.create', report(w));
    const f = await as(undefined, 'submissions.file', { id: s.bestanden[0].id });
    expect(Buffer.from(f.inhoudBase64, 'base64').equals(screenshot)).toBe(true);
    expect(f.intact).toBe(true);
    expect(auditOf('ingediende_melding', s.id).map((a) => a.action)).toEqual(['aangemaakt', 'bestand_bekeken']);
  });
});

describe('retention', () => {
  it('destroying a pupil named in reports removes him from them, and the incident a report became', async () => {
    const { makeTrustCore, DE_LINDE } = await import('./trustSupport');
    t.cleanup();
    t = makeTrustCore();
    await t.call('school.save', DE_LINDE);
    const siebe = await t.call('people.create', {
      soort: 'leerling',
      voornaam: 'Siebe',
      achternaam: 'Wouterlooij',
      groep: '4H',
      geboortedatum: '2008-05-01',
      ingeschrevenOp: '2020-08-15',
      uitgeschrevenOp: '2024-07-31',
    });
    const noor = await t.call('people.create', { soort: 'leerling', voornaam: 'Noor', achternaam: 'Bakker', geboortedatum: '2009-02-02' });
    const base = { datum: '2024-03-05', locatie: 'buiten_school' as const, platform: 'instagram' as const };
    const accepted = await as(joost, 'submissions.create', {
      ...base,
      wat: 'Een nepaccount op naam van de school.',
      personen: [{ personId: siebe.id, rol: 'dader' }],
      bestanden: [{ bestandsnaam: 'account.png', inhoudBase64: screenshot.toString('base64') }],
    });
    const done = await as(undefined, 'submissions.accept', { id: accepted.id, categorie: 'nepaccount', ernst: 'hoog' });
    const declined = await as(joost, 'submissions.create', {
      ...base,
      wat: 'Gemene berichten van Siebe Wouterlooij aan Noor.',
      anderen: 'Siebe zijn broer deed mee.',
      personen: [
        { personId: siebe.id, rol: 'dader' },
        { personId: noor.id, rol: 'slachtoffer' },
      ],
    });
    await as(undefined, 'submissions.decline', { id: declined.id, reden: 'Al besproken met de ouders van beide leerlingen.' });

    await t.call('trust.retention.destroy', { personIds: [siebe.id], bevestigdDoor: 'A. Visser' });
    expect(count('person', `id = ${siebe.id}`)).toBe(0);
    expect(count('incident', `id = ${done.incidentId}`)).toBe(0);
    expect(count('submission_person', `person_id = ${siebe.id}`)).toBe(0);
    // The reports stay, without the incident they became (destroyed) and without Siebe.
    expect((await as(undefined, 'submissions.get', { id: accepted.id })).incidentId).toBeNull();
    expect((await as(undefined, 'submissions.get', { id: declined.id })).personen.map((p) => p.persoon.naam)).toEqual(['Noor Bakker']);
    // His name is gone from the reports' text and from every audit entry about them.
    const report = await as(undefined, 'submissions.get', { id: declined.id });
    expect(`${report.wat} ${report.anderen}`).not.toMatch(/Siebe|Wouterlooij/);
    expect(report.wat).toMatch(/aan Noor/);
    const audit = t.core.db
      .prepare(`SELECT coalesce(before_json, '') || coalesce(after_json, '') AS j FROM audit_log WHERE entity = 'ingediende_melding'`)
      .all() as { j: string }[];
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.filter((r) => /Siebe|Wouterlooij/.test(r.j))).toEqual([]);
  });
});

describe('safe keeping of a waiting report', () => {
  it('its screenshot goes into the backup and verify knows the file, before the registrar has decided', async () => {
    const { verifyDatabase } = await import('../../src/main/app/verify');
    const os = await import('node:os');
    await t.call('school.save', { naam: 'De Linde', sector: 'VO', regio: 'midden' });
    const s = await as(joost, 'submissions.create', {
      datum: '2026-11-13',
      locatie: 'buiten_school',
      platform: 'whatsapp',
      wat: 'Een schermafbeelding van de groepschat.',
      bestanden: [{ bestandsnaam: 'chat.png', inhoudBase64: screenshot.toString('base64') }],
    });
    expect(s.status).toBe('nieuw');
    const target = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-sub-backup-'));
    try {
      const b = await t.call('trust.backup.now', { naar: target });
      expect(b.backup.bestanden).toBe(1);
      t.core.close();
      const report = verifyDatabase(t.dbPath, t.key);
      expect(report.files).toMatchObject({ ok: true, checked: 1, orphans: [] });
    } finally {
      fs.rmSync(target, { recursive: true, force: true });
    }
  });
});
