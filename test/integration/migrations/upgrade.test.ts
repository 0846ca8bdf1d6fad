// Every migration against a database saved by the version before it (docs/TESTING.md, section
// Migrations): the file is saved at N-1 with data, closed, opened again through the app's start, and
// what migration N does to that data is checked, with nothing of the old data lost.
import { describe, it, expect, afterEach } from 'vitest';
import fs from 'node:fs';
import { latestSchemaVersion, migrate, schemaVersion } from '../../../src/main/db/migrate';
import { openDatabase, type DB } from '../../../src/main/db/open';
import { checkAuditChain } from '../../../src/main/audit/audit';
import { CoreError } from '../../../src/main/errors/errors';
import { Core } from '../../../src/main/app/core';
import {
  saveAt,
  upgrade,
  call,
  cleanupAll,
  expectNothingLost,
  hasObject,
  columns,
  P,
  INCIDENTS,
  INVOLVED,
  DAAN_LEFT,
  ILSE_LEFT,
} from './support';

afterEach(cleanupAll);

const count = (db: DB, table: string, where = '1'): number =>
  db.prepare(`SELECT count(*) FROM ${table} WHERE ${where}`).pluck().get() as number;

/** Saves at `from`, upgrades, and checks the version and that nothing was lost. */
function upgraded(from: number, seed?: (db: DB) => void, mayGrow: string[] = []) {
  const saved = saveAt(from, seed);
  const core = upgrade(saved);
  expect(schemaVersion(core.db)).toBe(latestSchemaVersion());
  expectNothingLost(saved, core.db, mayGrow);
  return { saved, core, db: core.db };
}

const newIncident = (
  db: DB,
  id: number,
  f: { voorval: string; melder: number | null; categorie: string; status?: string; jaar?: string; platform?: string; ernst?: string },
) =>
  db
    .prepare(
      `INSERT INTO incident (id, nummer, datum_voorval, datum_melding, melder_id, locatie, platform, categorie, ernst, omschrijving, status,
         schooljaar, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'in_school', ?, ?, ?, 'Na de upgrade gemeld.', ?, ?, ?, ?)`,
    )
    .run(
      id,
      `M2026-${String(id).padStart(4, '0')}`,
      f.voorval,
      f.voorval,
      f.melder,
      f.platform ?? 'snapchat',
      f.categorie,
      f.ernst ?? 'middel',
      f.status ?? 'open',
      f.jaar ?? '2025-2026',
      `${f.voorval}T10:00:00.000Z`,
      `${f.voorval}T10:00:00.000Z`,
    );

describe('migrate({ upTo })', () => {
  it('stops at the version asked for; without it, goes to the latest (the app)', () => {
    const saved = saveAt(5);
    const db = openDatabase(saved.dbPath, { key: saved.key, noMigrate: true });
    try {
      expect(schemaVersion(db)).toBe(5);
      expect(hasObject(db, 'table', 'evaluation')).toBe(true);
      expect(hasObject(db, 'table', 'backup_run')).toBe(false);
      expect(migrate(db, { upTo: 7 })).toEqual({ from: 5, to: 7 });
      expect(hasObject(db, 'table', 'incident_count')).toBe(true);
      expect(hasObject(db, 'table', 'person_laatste_melding')).toBe(false);
      expect(migrate(db, { upTo: 6 })).toEqual({ from: 7, to: 7 });
      expect(() => migrate(db, { upTo: latestSchemaVersion() + 1 })).toThrow(/upTo/);
      expect(migrate(db)).toEqual({ from: 7, to: latestSchemaVersion() });
    } finally {
      db.close();
    }
  });
});

describe('001 core', () => {
  it('gives a file without schema the incident log with the fifteen standard categories', () => {
    const { db } = upgraded(0);
    for (const t of [
      'school',
      'setting',
      'person',
      'guardian_link',
      'incident',
      'incident_person',
      'measure',
      'external_report',
      'audit_log',
      'incident_fts',
    ])
      expect(hasObject(db, 'table', t), t).toBe(true);
    const cats = db.prepare('SELECT code, label, standaard, actief FROM category ORDER BY volgorde').all() as {
      code: string;
      standaard: number;
      actief: number;
    }[];
    expect(cats).toHaveLength(15);
    expect(cats[0]).toMatchObject({ code: 'pesten', label: '(Digitaal) pesten', standaard: 1, actief: 1 });
    expect(cats.at(-1)).toMatchObject({ code: 'overig', label: 'Overig' });
  });
});

describe('002 obligations', () => {
  it('adds the compliance tables, empty, and ties them to the measures already there', () => {
    const { db } = upgraded(1);
    for (const t of ['obligation', 'hearing', 'expulsion_search', 'measure_dispute', 'incident_zeden']) {
      expect(hasObject(db, 'table', t), t).toBe(true);
      expect(count(db, t), t).toBe(0);
    }
    // A task for the intended expulsion saved at version 1 follows that measure when it goes.
    db.prepare(
      `INSERT INTO obligation (bron, bron_id, measure_id, person_id, regel, titel, grondslag, actor, created_at, updated_at)
       VALUES ('maatregel', 2, 2, ?, 'hoorgesprek', 'Ouders horen', 'WPO art. 40', 'schoolleiding', 'x', 'x')`,
    ).run(P.noah);
    expect(() =>
      db
        .prepare(
          `INSERT INTO obligation (bron, bron_id, measure_id, regel, titel, grondslag, actor, created_at, updated_at) VALUES ('maatregel', 9, 99, 'r', 't', 'g', 'a', 'x', 'x')`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM measure WHERE id = 2').run();
    expect(count(db, 'obligation')).toBe(0);
  });
});

describe('003 letters', () => {
  it('adds the letter table, and a final letter cannot be changed afterwards', () => {
    const { db } = upgraded(2);
    expect(count(db, 'letter')).toBe(0);
    expect(hasObject(db, 'trigger', 'letter_no_update')).toBe(true);
    db.prepare(
      `INSERT INTO letter (kenmerk, jaar, volgnummer, soort, person_id, measure_id, geadresseerde, betreft, model_json, opslagnaam, bestandsnaam,
         sha256, grootte, finalised_at, finalised_by)
       VALUES ('2026-1', 2026, 1, 'schorsing', ?, 1, 'Dhr. M. Jansen', 'Schorsing', '{}', 'a.docx', 'a.docx', 'x', 1, 'x', 'test')`,
    ).run(P.daan);
    expect(() => db.prepare(`UPDATE letter SET betreft = 'iets anders' WHERE kenmerk = '2026-1'`).run()).toThrow(
      /Een definitieve brief kan niet worden gewijzigd/,
    );
  });
});

describe('004 imports', () => {
  it('adds the import sources and the import log, empty', () => {
    const { db } = upgraded(3);
    expect(count(db, 'import_bron')).toBe(0);
    expect(count(db, 'import_run')).toBe(0);
    expect(hasObject(db, 'index', 'import_bron_handtekening')).toBe(true);
    const bron = db.prepare(
      `INSERT INTO import_bron (naam, soort, handtekening, kolommen, koppeling, created_at, updated_at) VALUES ('Magister', 'leerlingen', 'sig', '[]', '[]', 'x', 'x')`,
    );
    bron.run();
    expect(() => bron.run()).toThrow(/UNIQUE/);
  });
});

describe('005 annual cycle', () => {
  it('adds the evaluation tables and the school calendar moments, empty', () => {
    const { db } = upgraded(4);
    for (const t of ['evaluation', 'evaluation_participant', 'evaluation_decision', 'evaluation_action', 'calendar_moment']) {
      expect(hasObject(db, 'table', t), t).toBe(true);
      expect(count(db, t), t).toBe(0);
    }
    // A participant keeps the name when the person record goes (ON DELETE SET NULL on people of version 4).
    db.prepare(
      `INSERT INTO evaluation (id, schooljaar, evaluatie_schooljaar, datum, tijd_start, tijd_eind, status, created_at, updated_at)
       VALUES (1, '2025-2026', '2024-2025', '2025-10-06', '15:00', '16:00', 'gepland', 'x', 'x')`,
    ).run();
    db.prepare(
      `INSERT INTO evaluation_participant (evaluation_id, volgorde, person_id, naam, rol) VALUES (1, 1, ?, 'Jan Smit', 'ouder')`,
    ).run(P.jan);
    db.prepare('DELETE FROM person WHERE id = ?').run(P.jan);
    expect(db.prepare('SELECT person_id, naam FROM evaluation_participant').get()).toEqual({ person_id: null, naam: 'Jan Smit' });
  });
});

describe('006 trust', () => {
  it('adds backups, retention, access requests, breaches and secrets, empty', () => {
    const { db } = upgraded(5);
    for (const t of ['backup_run', 'legal_hold', 'aangifte_afgerond', 'destroyed_count', 'access_request', 'data_breach', 'trust_secret']) {
      expect(hasObject(db, 'table', t), t).toBe(true);
      expect(count(db, t), t).toBe(0);
    }
    // The aangifte saved at version 5 can now be marked as over.
    db.prepare(
      `INSERT INTO aangifte_afgerond (external_report_id, afgerond_op, reden, created_at) VALUES (1, '2026-01-10', 'sepot', 'x')`,
    ).run();
    expect(() =>
      db.prepare(`INSERT INTO aangifte_afgerond (external_report_id, afgerond_op, reden, created_at) VALUES (9, 'x', 'x', 'x')`).run(),
    ).toThrow(/FOREIGN KEY/);
  });
});

describe('007 performance', () => {
  // The school's own category (saved at version 6) sorts between the standard ones.
  const seed = (db: DB) => {
    db.prepare(`INSERT INTO category (code, label, standaard, volgorde) VALUES ('gamen', 'Gamen en chatten', 0, 50)`).run();
    db.prepare(
      `INSERT INTO incident (id, nummer, datum_voorval, datum_melding, melder_id, locatie, platform, categorie, ernst, omschrijving, status, schooljaar, created_at, updated_at)
       VALUES (6, 'M2025-0006', '2025-11-12', '2025-11-12', NULL, 'in_school', 'discord', 'gamen', 'laag', 'Scheldpartij in een game.', 'open', '2025-2026', 'x', 'x')`,
    ).run();
  };

  it('fills the incident counts from the incidents already there', () => {
    const { db } = upgraded(6, seed);
    const rows = db.prepare('SELECT schooljaar, status, categorie, platform, ernst, n FROM incident_count ORDER BY 1, 2, 3, 4, 5').all();
    const expected = [...INCIDENTS.map((i) => [i[8], i[7], i[5], i[4], i[6]]), ['2025-2026', 'open', 'gamen', 'discord', 'laag']]
      .map((k) => k.join('|'))
      .reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>());
    expect(rows).toHaveLength(expected.size);
    for (const r of rows as Record<string, string | number>[])
      expect(r.n, JSON.stringify(r)).toBe(expected.get([r.schooljaar, r.status, r.categorie, r.platform, r.ernst].join('|')));
    expect(
      db
        .prepare(
          `SELECT n FROM incident_count WHERE schooljaar = '2025-2026' AND status = 'open' AND categorie = 'pesten' AND platform = 'snapchat' AND ernst = 'middel'`,
        )
        .pluck()
        .get(),
    ).toBe(2);
    expect(db.prepare('SELECT sum(n) FROM incident_count').pluck().get()).toBe(6);
  });

  it('ranks every category by label, the school’s own too, and gives each incident its category’s rank', () => {
    const { db } = upgraded(6, seed);
    const cats = db.prepare('SELECT code, label, rang FROM category').all() as { code: string; label: string; rang: number }[];
    const byLabel = [...cats].sort((a, b) => (a.label.toLowerCase() < b.label.toLowerCase() ? -1 : 1)).map((c) => c.code);
    for (const c of cats) expect(c.rang, c.code).toBe(byLabel.indexOf(c.code));
    const rang = Object.fromEntries(cats.map((c) => [c.code, c.rang]));
    expect(rang).toMatchObject({ pesten: 0, bedreiging: 1, beeld_zonder_toestemming: 2, gamen: 4, les: 5, persoonsgegevens: 15 });
    const inc = Object.fromEntries(db.prepare('SELECT id, categorie_rang FROM incident').raw().all() as [number, number][]);
    expect(inc).toEqual({ 1: 0, 2: 2, 3: 0, 4: 1, 5: 0, 6: 4 });
  });

  it('keeps counts and ranks up to date after the upgrade, and has an index per sort order', () => {
    const { db } = upgraded(6, seed);
    const n = (status: string, categorie = 'pesten') =>
      db
        .prepare(
          `SELECT n FROM incident_count WHERE schooljaar = '2025-2026' AND status = ? AND categorie = ? AND platform = 'snapchat' AND ernst = 'middel'`,
        )
        .pluck()
        .get(status, categorie);
    newIncident(db, 7, { voorval: '2026-01-12', melder: null, categorie: 'pesten' });
    expect(n('open')).toBe(3);
    db.prepare(`UPDATE incident SET status = 'afgesloten' WHERE id = 3`).run();
    expect(n('open')).toBe(2);
    expect(n('afgesloten')).toBe(1);
    newIncident(db, 8, { voorval: '2026-01-13', melder: null, categorie: 'bedreiging' });
    expect(db.prepare('SELECT categorie_rang FROM incident WHERE id = 8').pluck().get()).toBe(1);
    // A new category ahead of 'Bedreiging' moves it, and its incidents, one place on.
    db.prepare(`INSERT INTO category (code, label, standaard, volgorde) VALUES ('afpersing', 'Afpersing', 0, 60)`).run();
    expect(db.prepare(`SELECT rang FROM category WHERE code = 'bedreiging'`).pluck().get()).toBe(2);
    expect(db.prepare('SELECT categorie_rang FROM incident WHERE id IN (4, 8)').pluck().all()).toEqual([2, 2]);
    for (const ix of [
      'incident_sort_datum',
      'incident_sort_nummer',
      'incident_sort_categorie',
      'incident_sort_status',
      'incident_ernst',
      'incident_melder',
    ])
      expect(hasObject(db, 'index', ix), ix).toBe(true);
    expect(hasObject(db, 'index', 'incident_datum')).toBe(false);
    expect(hasObject(db, 'index', 'incident_platform')).toBe(false);
  });
});

describe('008 dashboard', () => {
  const expectedLast = {
    [P.sara]: '2025-11-10',
    [P.daan]: '2025-05-20',
    [P.petra]: '2025-11-10',
    [P.ilse]: '2025-05-20',
    [P.kees]: '2025-11-03',
    [P.noah]: '2025-11-10',
  };
  const last = (db: DB) =>
    Object.fromEntries(db.prepare('SELECT person_id, datum FROM person_laatste_melding').raw().all() as [number, string][]);

  it('fills each person’s last incident, as reporter or involved, from the incidents already there', () => {
    const { db } = upgraded(7);
    expect(last(db)).toEqual(expectedLast);
    // The same as the rule the view spells out, person by person.
    const nu = db.prepare(`SELECT person_id, datum FROM person_laatste_melding_nu WHERE datum <> ''`).raw().all() as [number, string][];
    expect(Object.fromEntries(nu)).toEqual(expectedLast);
  });

  it('keeps the last incident up to date after the upgrade, and has the retention indexes', () => {
    const { db } = upgraded(7);
    const ip = db.prepare(`INSERT INTO incident_person (incident_id, person_id, rol) VALUES (4, ?, 'getuige')`).run(P.jan);
    expect(last(db)[P.jan]).toBe('2025-11-03');
    db.prepare('DELETE FROM incident_person WHERE id = ?').run(ip.lastInsertRowid);
    expect(last(db)[P.jan]).toBeUndefined();
    db.prepare(`UPDATE incident SET datum_voorval = '2025-11-20' WHERE id = 5`).run();
    expect(last(db)).toMatchObject({ [P.sara]: '2025-11-20', [P.noah]: '2025-11-20', [P.petra]: '2025-11-20' });
    newIncident(db, 6, { voorval: '2026-02-02', melder: P.mark, categorie: 'kwetsen' });
    expect(last(db)[P.mark]).toBe('2026-02-02');
    for (const ix of ['person_uitgeschreven', 'guardian_link_ouder_leerling', 'person_retentie', 'incident_status_melding'])
      expect(hasObject(db, 'index', ix), ix).toBe(true);
    expect(hasObject(db, 'index', 'guardian_link_ouder')).toBe(false);
    const ob = db.prepare(`SELECT name FROM pragma_index_info('obligation_open_due') ORDER BY seqno`).pluck().all();
    expect(ob).toEqual(['status', 'te_laat_vanaf', 'uiterlijk', 'volgorde']);
  });
});

describe('009 report figures', () => {
  const rolCount = (db: DB) =>
    Object.fromEntries(
      (
        db.prepare('SELECT schooljaar, rol, person_id, n FROM incident_rol_count WHERE n > 0').raw().all() as [
          string,
          string,
          number,
          number,
        ][]
      ).map(([j, r, p, n]) => [`${j}|${r}|${p}`, n]),
    );

  it('fills the people per role and school year from the involvements and reporters already there', () => {
    const { db } = upgraded(8);
    const expected: Record<string, number> = {};
    const add = (k: string) => (expected[k] = (expected[k] ?? 0) + 1);
    for (const [i, p, rol] of INVOLVED) add(`${INCIDENTS[i - 1][8]}|${rol}|${p}`);
    for (const i of INCIDENTS) if (i[2] !== null) add(`${i[8]}|melder|${i[2]}`);
    expect(rolCount(db)).toEqual(expected);
    expect(rolCount(db)).toMatchObject({
      [`2025-2026|slachtoffer|${P.sara}`]: 3,
      [`2024-2025|dader|${P.daan}`]: 2,
      [`2024-2025|melder|${P.petra}`]: 1,
      [`2025-2026|melder|${P.petra}`]: 1,
    });
  });

  it('keeps the counts up to date after the upgrade', () => {
    const { db } = upgraded(8);
    newIncident(db, 6, { voorval: '2026-01-12', melder: P.kees, categorie: 'bedreiging' });
    db.prepare(`INSERT INTO incident_person (incident_id, person_id, rol) VALUES (6, ?, 'dader')`).run(P.noah);
    expect(rolCount(db)).toMatchObject({ [`2025-2026|melder|${P.kees}`]: 2, [`2025-2026|dader|${P.noah}`]: 4 });
    db.prepare(`UPDATE incident SET schooljaar = '2026-2027' WHERE id = 6`).run();
    expect(rolCount(db)).toMatchObject({
      [`2025-2026|melder|${P.kees}`]: 1,
      [`2026-2027|melder|${P.kees}`]: 1,
      [`2025-2026|dader|${P.noah}`]: 3,
      [`2026-2027|dader|${P.noah}`]: 1,
    });
    for (const ix of ['incident_jaar_plaats', 'person_id_soort', 'obligation_termijn', 'measure_soort_besluit', 'external_report_datum'])
      expect(hasObject(db, 'index', ix), ix).toBe(true);
    expect(hasObject(db, 'index', 'measure_soort')).toBe(false);
  });
});

describe('010 retention state', () => {
  const peil = (db: DB) =>
    Object.fromEntries(
      (db.prepare('SELECT person_id, soort, peildatum FROM retentie_peildatum').raw().all() as [number, string, string][]).map(
        ([p, s, d]) => [p, `${s} ${d}`],
      ),
    );

  it('fills the date each person’s term runs from, for everyone whose term has started', () => {
    const { db } = upgraded(9);
    expect(peil(db)).toEqual({
      [P.daan]: `leerling ${DAAN_LEFT}`,
      [P.ilse]: `medewerker ${ILSE_LEFT}`,
      // Daan left; his father was never in an incident himself.
      [P.mark]: `ouder ${DAAN_LEFT}`,
      // The wijkagent: his last incident.
      [P.kees]: 'extern 2025-11-03',
      // A parent without children or incidents: the date of the record.
      [P.jan]: 'ouder 2023-05-02',
    });
  });

  it('keeps the dates up to date after the upgrade', () => {
    const { db } = upgraded(9);
    db.prepare(`UPDATE person SET uitgeschreven_op = '2026-01-30' WHERE id = ?`).run(P.noah);
    expect(peil(db)).toMatchObject({ [P.noah]: 'leerling 2026-01-30', [P.fatma]: 'ouder 2026-01-30' });
    db.prepare(`INSERT INTO guardian_link (leerling_id, ouder_id, relatie) VALUES (?, ?, 'oom')`).run(P.sara, P.jan);
    expect(peil(db)[P.jan]).toBeUndefined();
    db.prepare(`INSERT INTO incident_person (incident_id, person_id, rol) VALUES (5, ?, 'getuige')`).run(P.mark);
    expect(peil(db)[P.mark]).toBe('ouder 2025-11-10');
    expect(count(db, 'retentie_herberekenen')).toBe(0);
  });
});

describe('011 law', () => {
  it('gives old obligations no sources and no warning, old hearings “gehoord”, old measures no intended decision date', () => {
    const { db } = upgraded(10);
    expect(db.prepare('SELECT bronnen, waarschuwing FROM obligation ORDER BY id').all()).toEqual([
      { bronnen: '', waarschuwing: 0 },
      { bronnen: '', waarschuwing: 0 },
    ]);
    expect(db.prepare('SELECT measure_id, uitkomst FROM hearing').all()).toEqual([{ measure_id: 1, uitkomst: 'gehoord' }]);
    expect(db.prepare('SELECT beoogd_besluit FROM measure').pluck().all()).toEqual([null, null]);
    expect(() => db.prepare(`UPDATE hearing SET uitkomst = 'misschien'`).run()).toThrow(/CHECK/);
    db.prepare(`UPDATE hearing SET uitkomst = 'geen_reactie'`).run();
    expect(count(db, 'measure_objection')).toBe(0);
    db.prepare(`INSERT INTO measure_objection (measure_id, ontvangen_op, created_at, updated_at) VALUES (1, '2025-06-01', 'x', 'x')`).run();
  });
});

describe('012 breach high risk', () => {
  it('marks old breaches as not high-risk, without an exception', () => {
    const { db } = upgraded(11);
    expect(
      db.prepare('SELECT id, risico, hoog_risico, betrokkenen_uitzondering, betrokkenen_uitzondering_reden FROM data_breach').all(),
    ).toEqual([{ id: 1, risico: 1, hoog_risico: 0, betrokkenen_uitzondering: null, betrokkenen_uitzondering_reden: null }]);
    expect(() => db.prepare(`UPDATE data_breach SET betrokkenen_uitzondering = 'geen_zin'`).run()).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE data_breach SET hoog_risico = 2').run()).toThrow(/CHECK/);
    db.prepare(
      `UPDATE data_breach SET hoog_risico = 1, betrokkenen_uitzondering = 'beveiligd', betrokkenen_uitzondering_reden = 'versleuteld'`,
    ).run();
  });
});

describe('013 guardian consent', () => {
  it('records no consent for the links already there', () => {
    const { db } = upgraded(12);
    expect(columns(db, 'guardian_link')).toContain('toestemming_afschrift_op');
    expect(
      db.prepare('SELECT leerling_id, ouder_id, toestemming_afschrift_op FROM guardian_link ORDER BY leerling_id').raw().all(),
    ).toEqual([
      [P.sara, P.petra, null],
      [P.daan, P.mark, null],
      [P.noah, P.fatma, null],
    ]);
  });
});

describe('014 file deletion', () => {
  it('adds the list of files still to remove, empty, and the core starts with it', () => {
    const { db } = upgraded(13);
    expect(hasObject(db, 'table', 'file_deletion_pending')).toBe(true);
    expect(count(db, 'file_deletion_pending')).toBe(0);
    expect(() => db.prepare(`INSERT INTO file_deletion_pending (gebied, opslagnaam, sinds) VALUES ('elders', 'a', 'x')`).run()).toThrow(
      /CHECK/,
    );
  });
});

describe('015 audit anchor', () => {
  it('leaves the entries of before unanchored and anchors every entry written after the upgrade', async () => {
    const { core, db } = upgraded(14);
    expect(db.prepare('SELECT hmac FROM audit_log ORDER BY id').pluck().all()).toEqual([null, null, null]);
    expect(checkAuditChain(db)).toMatchObject({ ok: true, entries: 3, unanchored: 3, last: null });
    await call(core, 'people.create', { soort: 'leerling', voornaam: 'Lotte', achternaam: 'Visser' });
    const chain = checkAuditChain(db);
    expect(chain).toMatchObject({ ok: true, unanchored: 3 });
    expect(chain.entries).toBeGreaterThan(3);
    const newest = db.prepare('SELECT id, hmac FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hmac: string };
    expect(newest.hmac).toMatch(/^[0-9a-f]{64}$/);
    expect(chain.last).toEqual(newest);
  });
});

describe('016 letter concept', () => {
  it('adds the feiten of letters being prepared, empty, one per letter', () => {
    const { db } = upgraded(15);
    expect(count(db, 'letter_concept')).toBe(0);
    const add = db.prepare(
      `INSERT INTO letter_concept (soort, person_id, measure_id, external_report_id, incident_id, feiten, updated_at, updated_by)
       VALUES ('voornemen_verwijdering', ?, ?, ?, 4, 'Eigen tekst.', 'x', 'test')`,
    );
    add.run(P.noah, 2, null);
    expect(() => add.run(P.noah, 2, null)).toThrow(/UNIQUE/);
    expect(() => add.run(P.noah, 2, 1)).toThrow(/CHECK/);
    // It follows the measure saved at version 15.
    db.prepare('DELETE FROM obligation WHERE measure_id = 2').run();
    db.prepare('DELETE FROM expulsion_search WHERE measure_id = 2').run();
    db.prepare('DELETE FROM measure WHERE id = 2').run();
    expect(count(db, 'letter_concept')).toBe(0);
  });
});

describe('017 audit account', () => {
  it('leaves the account of older entries empty, their chain intact, and records it from the upgrade on', async () => {
    const { core, db } = upgraded(16);
    expect(db.prepare('SELECT account FROM audit_log ORDER BY id').pluck().all()).toEqual([null, null, null]);
    expect(checkAuditChain(db)).toMatchObject({ ok: true, entries: 3, unanchored: 0 });
    await call(core, 'people.create', { soort: 'leerling', voornaam: 'Lotte', achternaam: 'Visser' });
    expect(db.prepare('SELECT account FROM audit_log ORDER BY id DESC LIMIT 1').pluck().get()).toBe('sp-test');
    expect(checkAuditChain(db)).toMatchObject({ ok: true, unanchored: 0 });
  });
});

describe('018 person version', () => {
  it('starts the counter of people at 0 and moves it on every add, change and removal', async () => {
    const { core, db } = upgraded(17);
    const n = () => db.prepare('SELECT n FROM person_version WHERE id = 1').pluck().get();
    expect(count(db, 'person_version')).toBe(1);
    expect(n()).toBe(0);
    await call(core, 'people.create', { soort: 'leerling', voornaam: 'Lotte', achternaam: 'Visser' });
    expect(n()).toBe(1);
    db.prepare(`UPDATE person SET groep = '8B' WHERE id = ?`).run(P.sara);
    expect(n()).toBe(2);
    db.prepare('DELETE FROM person WHERE id = ?').run(P.jan);
    expect(n()).toBe(3);
  });
});

describe('019 obligation title en', () => {
  it('gives each stored task the English title of its rule where the rules still write its Dutch title; others keep theirs', async () => {
    const { core, db } = upgraded(18, (d) => {
      const ob = d.prepare(
        `INSERT INTO obligation (bron, bron_id, measure_id, incident_id, person_id, regel, sleutel, volgorde, titel, grondslag, actor,
           uiterlijk, te_laat_vanaf, status, gedaan_op, gedaan_door, created_at, updated_at)
         VALUES ('maatregel', ?, ?, ?, ?, ?, '', ?, ?, 'g', 'Schoolleiding', ?, ?, ?, ?, ?, 'x', 'x')`,
      );
      // Daan's schorsing of 22 May 2025 at a public primary school: settled by a person, with the
      // title the rules write today (objection up to and including Thursday 3 July 2025) ...
      ob.run(
        1,
        1,
        2,
        P.daan,
        'schorsing.bezwaarclausule',
        30,
        'Bezwaarclausule in het besluit: bezwaar kan tot en met 03-07-2025 (6 weken)',
        '2025-05-22',
        '2025-05-23',
        'gedaan',
        '2025-05-22',
        'M. de Wit',
      );
      // ... and one whose title the rules no longer write (the addressee was worded differently then).
      ob.run(
        1,
        1,
        2,
        P.daan,
        'schorsing.besluit',
        20,
        'Besluit sturen aan de ouders en de leerling',
        '2025-05-22',
        '2025-05-23',
        'gedaan',
        '2025-05-22',
        'M. de Wit',
      );
      // Noah's intended expulsion: an open task, titled as the rules write it.
      ob.run(2, 2, 4, P.noah, 'verwijdering.zoeken', 30, 'Andere school zoeken en elke stap vastleggen', null, null, 'open', null, null);
    });
    expect(columns(db, 'obligation')).toContain('titel_en');
    expect(hasObject(db, 'index', 'obligation_titel_en_leeg')).toBe(true);
    const en = (regel: string) => db.prepare('SELECT titel_en FROM obligation WHERE regel = ?').pluck().get(regel);
    expect(en('schorsing.bezwaarclausule')).toBe(
      'Objection clause in the decision: an objection (bezwaar) can be made up to and including 3 July 2025 (6 weeks)',
    );
    expect(en('verwijdering.zoeken')).toBe('Find another school and record every step');
    // No English where the rules no longer write the Dutch title (also the base data's old rule codes).
    expect(en('schorsing.besluit')).toBe('');
    expect(en('schorsing_inspectie')).toBe('');
    expect(en('hoorgesprek')).toBe('');
    expect(count(db, 'obligation', 'titel_en IS NULL')).toBe(0);
    // The API: the English title, or null (the app shows the Dutch one, kept as it was).
    const list = (await call(core, 'obligations.list', { measureId: 1, offset: 0, limit: 50 })) as {
      rows: { regel: string; titel: string; titelEn: string | null }[];
    };
    expect(list.rows.find((o) => o.regel === 'schorsing.besluit')).toMatchObject({
      titel: 'Besluit sturen aan de ouders en de leerling',
      titelEn: null,
    });
    expect(list.rows.find((o) => o.regel === 'schorsing.bezwaarclausule')?.titelEn).toMatch(/3 July 2025/);
  });
});

describe('020 account', () => {
  it('adds the accounts table, empty; an account is made from the roster, names are unique in any case, a destroyed person ends it', async () => {
    // The app at version 19 had filled the English titles of the base data's tasks at its start
    // (obligations/titleBackfill.ts); these old rule codes get none.
    const { core, db } = upgraded(19, (d) => {
      d.prepare(`UPDATE obligation SET titel_en = '' WHERE titel_en IS NULL`).run();
      d.prepare(
        `INSERT INTO person (id, soort, voornaam, achternaam, functie, zoeknaam, created_at, updated_at)
         VALUES (20, 'medewerker', 'Ruud', 'Kok', 'mentor', 'ruud kok', '2025-08-20T10:00:00.000Z', '2025-08-20T10:00:00.000Z')`,
      ).run();
    });
    expect(count(db, 'account')).toBe(0);
    expect(columns(db, 'account')).toEqual(
      expect.arrayContaining([
        'person_id',
        'gebruikersnaam',
        'rol',
        'groepen',
        'wachtwoord_hash',
        'totp_secret',
        'totp_bevestigd',
        'mislukte_pogingen',
        'geblokkeerd_tot',
        'laatst_ingelogd',
        'actief',
        'created_at',
        'updated_at',
      ]),
    );
    expect(hasObject(db, 'index', 'account_gebruikersnaam')).toBe(true);
    expect(hasObject(db, 'trigger', 'account_person_gone')).toBe(true);
    const made = (await call(core, 'accounts.create', { personId: 20, rol: 'mentor', groepen: ['7B'] })) as {
      account: { id: number; naam: string; gebruikersnaam: string };
      startwachtwoord: string;
    };
    expect(made.account).toMatchObject({ naam: 'Ruud Kok', gebruikersnaam: 'rkok' });
    expect(db.prepare('SELECT wachtwoord_hash FROM account').pluck().get()).toMatch(/^scrypt\$32768\$8\$3\$/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO account (gebruikersnaam, rol, wachtwoord_hash, created_at, updated_at) VALUES ('RKOK', 'beheerder', 'x', 'n', 'n')`,
        )
        .run(),
    ).toThrow(/UNIQUE/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO account (gebruikersnaam, rol, wachtwoord_hash, created_at, updated_at) VALUES ('ander', 'conciërge', 'x', 'n', 'n')`,
        )
        .run(),
    ).toThrow(/CHECK/);
    expect(checkAuditChain(db)).toMatchObject({ ok: true, unanchored: 0 });
    db.prepare('DELETE FROM person WHERE id = 20').run();
    expect(db.prepare('SELECT person_id, actief, gebruikersnaam FROM account').get()).toEqual({
      person_id: null,
      actief: 0,
      gebruikersnaam: `verwijderd-${made.account.id}`,
    });
  });
});

describe('021 submissions', () => {
  it('adds the reports by staff, empty; a report on the old roster becomes an incident of the old log', async () => {
    // The app at version 20 had filled the English titles of the base data's tasks at its start
    // (obligations/titleBackfill.ts); these old rule codes get none.
    const { core, db } = upgraded(20, (d) => d.prepare(`UPDATE obligation SET titel_en = '' WHERE titel_en IS NULL`).run());
    for (const t of ['submission', 'submission_person', 'submission_file']) expect(count(db, t), t).toBe(0);
    const medewerker = { rol: 'medewerker' as const, actor: 'Ilse Vos (medewerker)', accountId: 3, groepen: null };
    const created = await core.invoke(
      'submissions.create',
      {
        wat: 'Noah zette een filmpje van Sara online.',
        datum: '2026-11-13',
        locatie: 'buiten_school',
        platform: 'tiktok',
        personen: [{ personId: P.noah, rol: 'dader' }],
        bestanden: [{ bestandsnaam: 'filmpje.png', inhoudBase64: Buffer.from('schermafbeelding').toString('base64') }],
      },
      medewerker,
    );
    if (!created.ok) throw new Error(created.error.message);
    const accepted = (await call(core, 'submissions.accept', { id: created.value.id, categorie: 'pesten', ernst: 'middel' })) as {
      incidentId: number;
    };
    expect(db.prepare('SELECT melder_omschrijving, schooljaar FROM incident WHERE id = ?').get(accepted.incidentId)).toEqual({
      melder_omschrijving: 'Ilse Vos (medewerker)',
      schooljaar: '2026-2027',
    });
    expect(count(db, 'evidence', `incident_id = ${accepted.incidentId}`)).toBe(1);
    expect(count(db, 'incident')).toBe(INCIDENTS.length + 1);
    // One status at a time, and a declined report always has its reason.
    expect(() => db.prepare(`UPDATE submission SET status = 'weg'`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE submission SET status = 'afgewezen', afwijsreden = NULL`).run()).toThrow(/CHECK/);
  });
});

describe('022 record version', () => {
  it('gives every incident, measure, person and report to an authority version 1, and a save over an older version is refused', async () => {
    // As for 021: the English titles the app at version 21 had filled at its start.
    const { core, db } = upgraded(21, (d) => d.prepare(`UPDATE obligation SET titel_en = '' WHERE titel_en IS NULL`).run());
    for (const t of ['incident', 'measure', 'person', 'external_report']) {
      expect(columns(db, t), t).toContain('versie');
      expect(count(db, t), t).toBeGreaterThan(0);
      expect(db.prepare(`SELECT DISTINCT versie FROM ${t}`).pluck().all(), t).toEqual([1]);
    }
    const jan = (await call(core, 'people.get', { id: P.jan })) as { versie: number; soort: 'ouder'; voornaam: string; achternaam: string };
    expect(jan.versie).toBe(1);
    const form = { id: P.jan, soort: jan.soort, voornaam: jan.voornaam, achternaam: jan.achternaam };
    expect(await call(core, 'people.update', { ...form, versie: 1, telefoon: '06-11111111' })).toMatchObject({ versie: 2 });
    const stale = await core.invoke('people.update', { ...form, versie: 1, telefoon: '06-22222222' });
    expect(stale.ok ? null : stale.error.code).toBe('CONFLICT');
    expect(db.prepare('SELECT telefoon, versie FROM person WHERE id = ?').get(P.jan)).toEqual({ telefoon: '06-11111111', versie: 2 });
  });
});

describe('a database from a newer version of the app', () => {
  it('is refused in Dutch and left byte for byte as it was', () => {
    const latest = latestSchemaVersion();
    const saved = saveAt(latest, (db) => db.pragma(`user_version = ${latest + 1}`));
    const bytes = fs.readFileSync(saved.dbPath);
    const files = fs.readdirSync(saved.dir).sort();
    let err: unknown;
    try {
      Core.open({ dbPath: saved.dbPath, key: saved.key, actor: 'test' }).close();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CoreError);
    expect((err as CoreError).message).toBe(
      `Deze database is gemaakt met een nieuwere versie van Schoolprotocol (schemaversie ${latest + 1}, deze app kent tot ${latest}). ` +
        'Er is niets gewijzigd. Installeer de nieuwste versie van de app.',
    );
    expect(fs.readFileSync(saved.dbPath).equals(bytes)).toBe(true);
    expect(fs.readdirSync(saved.dir).sort()).toEqual(files);
  });
});
