// Databases saved by an older version of the app, for the upgrade tests (docs/TESTING.md, section
// Migrations). saveAt(n) creates an encrypted file in a temp folder, migrates it to version n only,
// fills it with rows as the app at version n wrote them (plain SQL, only the tables and columns
// that existed then) and closes it. upgrade() opens it again through the app's own start (the
// core: start-up compaction, openDatabase, the migrations to the latest version).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { openDatabase, type DB } from '../../../src/main/db/open';
import { migrate, schemaVersion } from '../../../src/main/db/migrate';
import { Core } from '../../../src/main/app/core';
import { entryHash, GENESIS_HASH } from '../../../src/main/audit/audit';
import { auditKeyFrom, entryHmac } from '../../../src/main/audit/anchor';

export const NOW = '2026-11-16T09:00:00.000Z';

/** Every row of every table, as JSON arrays of the table's columns at the time (sorted). */
export type Snapshot = Map<string, { cols: string[]; rows: string[] }>;

export interface Saved {
  dir: string;
  dbPath: string;
  key: string;
  version: number;
  /** The tables and rows as the file was closed. */
  before: Snapshot;
}

const tables = (db: DB): string[] =>
  db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[];

export const columns = (db: DB, table: string): string[] =>
  db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[];

export const hasObject = (db: DB, type: 'table' | 'index' | 'trigger' | 'view', name: string): boolean =>
  !!db.prepare('SELECT 1 FROM sqlite_master WHERE type = ? AND name = ?').get(type, name);

function rowsOf(db: DB, table: string, cols: string[]): string[] {
  const list = cols.map((c) => `"${c}"`).join(', ');
  return (db.prepare(`SELECT ${list} FROM "${table}"`).raw().all() as unknown[][]).map((r) => JSON.stringify(r)).sort();
}

export function snapshot(db: DB): Snapshot {
  const snap: Snapshot = new Map();
  for (const t of tables(db)) {
    const cols = columns(db, t);
    snap.set(t, { cols, rows: rowsOf(db, t, cols) });
  }
  return snap;
}

/**
 * Every table of the saved file is still there with every row, unchanged in the columns it had.
 * Tables in `mayGrow` may have gained rows (checked: none lost); 'setting' always may, because the
 * start-up compaction records itself there.
 */
export function expectNothingLost(saved: Saved, db: DB, mayGrow: string[] = []): void {
  const grow = new Set(['setting', ...mayGrow]);
  for (const [table, { cols, rows }] of saved.before) {
    expect(hasObject(db, 'table', table), `table ${table} still exists`).toBe(true);
    const now = columns(db, table);
    for (const c of cols) expect(now, `column ${table}.${c} still exists`).toContain(c);
    const after = rowsOf(db, table, cols);
    if (!grow.has(table)) {
      expect(after, `rows of ${table}`).toEqual(rows);
      continue;
    }
    const left = new Map<string, number>();
    for (const r of after) left.set(r, (left.get(r) ?? 0) + 1);
    for (const r of rows) {
      const n = left.get(r) ?? 0;
      expect(n, `row of ${table} kept: ${r}`).toBeGreaterThan(0);
      left.set(r, n - 1);
    }
  }
}

const scratchDirs: string[] = [];

/** A database saved at `version`, with the base data of that version and whatever `seed` adds. */
export function saveAt(version: number, seed?: (db: DB) => void): Saved {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-migr-'));
  scratchDirs.push(dir);
  const dbPath = path.join(dir, 'schoolprotocol.db');
  const key = randomBytes(32).toString('hex');
  const db = openDatabase(dbPath, { key, create: true, noMigrate: true });
  let before: Snapshot;
  try {
    migrate(db, { upTo: version });
    expect(schemaVersion(db)).toBe(version);
    if (version > 0) seedBase(db, version, key);
    seed?.(db);
    before = snapshot(db);
  } finally {
    db.close();
  }
  // Closed: the WAL is copied in and gone, the file is what an older app left on disk.
  expect(fs.existsSync(`${dbPath}-wal`)).toBe(false);
  return { dir, dbPath, key, version, before };
}

const cores: Core[] = [];

/** Opens the saved file the way the app starts: the core, which migrates it to the latest version. */
export function upgrade(saved: Saved): Core {
  const core = Core.open({ dbPath: saved.dbPath, key: saved.key, actor: 'test', account: 'sp-test', now: () => new Date(NOW) });
  cores.push(core);
  return core;
}

/** Calls a method on the core, failing the test with the Dutch message when it fails. */
export async function call(core: Core, method: string, input: unknown): Promise<unknown> {
  const r = await core.invoke(method, input);
  if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message}`);
  return r.value;
}

/** For afterEach: closes the cores and removes the temp folders of this test. */
export function cleanupAll(): void {
  for (const c of cores.splice(0)) c.close();
  for (const d of scratchDirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------
// The base data: a small primary school as the app at `version` left it.

/** People of the base data, by id. */
export const P = {
  sara: 1, // leerling, enrolled
  daan: 2, // leerling, left 2025-07-11
  petra: 3, // ouder of Sara
  mark: 4, // ouder of Daan
  ilse: 5, // medewerker, left 2024-07-31
  kees: 6, // extern (wijkagent)
  noah: 7, // leerling, enrolled
  fatma: 8, // ouder of Noah
  jan: 9, // ouder without a linked child or incident, record last changed 2023-05-02
} as const;

export const DAAN_LEFT = '2025-07-11';
export const ILSE_LEFT = '2024-07-31';

/** Incidents of the base data: [nummer, voorval, melder, locatie, platform, categorie, ernst, status, schooljaar]. */
export const INCIDENTS = [
  ['M2025-0001', '2025-03-10', P.petra, 'buiten_school', 'whatsapp', 'pesten', 'middel', 'afgesloten', '2024-2025'],
  ['M2025-0002', '2025-05-20', P.ilse, 'tijdens_les', 'instagram', 'beeld_zonder_toestemming', 'hoog', 'maatregel_genomen', '2024-2025'],
  ['M2025-0003', '2025-10-02', null, 'in_school', 'snapchat', 'pesten', 'middel', 'open', '2025-2026'],
  ['M2025-0004', '2025-11-03', P.kees, 'buiten_school', 'tiktok', 'bedreiging', 'zeer_hoog', 'in_onderzoek', '2025-2026'],
  ['M2025-0005', '2025-11-10', P.petra, 'in_school', 'snapchat', 'pesten', 'middel', 'open', '2025-2026'],
] as const;

/** Involvements of the base data: [incident id, person id, rol]. */
export const INVOLVED = [
  [1, P.daan, 'dader'],
  [1, P.sara, 'slachtoffer'],
  [2, P.daan, 'dader'],
  [2, P.noah, 'slachtoffer'],
  [2, P.sara, 'getuige'],
  [3, P.noah, 'dader'],
  [3, P.sara, 'slachtoffer'],
  [4, P.noah, 'dader'],
  [4, P.sara, 'slachtoffer'],
  [5, P.noah, 'dader'],
  [5, P.sara, 'slachtoffer'],
] as const;

const ts = (d: string) => `${d}T10:00:00.000Z`;

function insertPerson(db: DB, id: number, f: Record<string, string | number | null>, at: string): void {
  const zoeknaam = [f.roepnaam ?? f.voornaam, f.tussenvoegsel, f.achternaam, f.voornaam].filter(Boolean).join(' ').toLowerCase();
  const cols = ['id', ...Object.keys(f), 'zoeknaam', 'created_at', 'updated_at'];
  db.prepare(`INSERT INTO person (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(
    id,
    ...Object.values(f),
    zoeknaam,
    at,
    at,
  );
}

function seedBase(db: DB, v: number, key: string): void {
  const at = ts('2025-06-02');
  db.prepare(
    `INSERT INTO school (id, naam, sector, brin, openbaar, regio, bevoegd_gezag, straat, postcode, plaats, telefoon, email,
       ondertekenaar_naam, ondertekenaar_functie, anti_pest_naam, anti_pest_email, created_at, updated_at)
     VALUES (1, 'OBS De Regenboog', 'PO', '12AB', 1, 'midden', 'Stichting Primair Utrecht', 'Schoolstraat 4', '3511 AB', 'Utrecht',
       '030-1234567', 'info@deregenboog.nl', 'M. de Wit', 'directeur', 'I. Vos', 'antipesten@deregenboog.nl', ?, ?)`,
  ).run(ts('2024-08-01'), ts('2024-08-01'));
  db.prepare('INSERT INTO setting (key, value, updated_at) VALUES (?, ?, ?)').run('werkplek', '{"naam":"M. de Wit"}', at);

  insertPerson(
    db,
    P.sara,
    {
      soort: 'leerling',
      voornaam: 'Sara',
      tussenvoegsel: 'de',
      achternaam: 'Boer',
      geslacht: 'v',
      geboortedatum: '2014-04-02',
      leerlingnummer: '1001',
      groep: '7B',
      ingeschreven_op: '2021-08-30',
    },
    ts('2024-09-01'),
  );
  insertPerson(
    db,
    P.daan,
    {
      soort: 'leerling',
      voornaam: 'Daniël',
      roepnaam: 'Daan',
      achternaam: 'Jansen',
      geslacht: 'm',
      leerlingnummer: '1002',
      groep: '8A',
      ingeschreven_op: '2017-08-28',
      uitgeschreven_op: DAAN_LEFT,
    },
    ts('2025-07-11'),
  );
  insertPerson(
    db,
    P.petra,
    { soort: 'ouder', voornaam: 'Petra', tussenvoegsel: 'de', achternaam: 'Boer', email: 'petra@example.nl' },
    ts('2024-09-01'),
  );
  insertPerson(
    db,
    P.mark,
    { soort: 'ouder', voornaam: 'Mark', achternaam: 'Jansen', straat: 'Kerkweg 12', postcode: '3512 CD', plaats: 'Utrecht' },
    ts('2024-09-01'),
  );
  insertPerson(
    db,
    P.ilse,
    {
      soort: 'medewerker',
      voornaam: 'Ilse',
      achternaam: 'Vos',
      functie: 'leerkracht',
      personeelsnummer: 'P-77',
      uitgeschreven_op: ILSE_LEFT,
    },
    ts('2024-07-31'),
  );
  insertPerson(
    db,
    P.kees,
    { soort: 'extern', voornaam: 'Kees', achternaam: 'Bakker', organisatie: 'Politie Midden-Nederland', functie: 'wijkagent' },
    ts('2025-11-03'),
  );
  insertPerson(
    db,
    P.noah,
    {
      soort: 'leerling',
      voornaam: 'Noah',
      achternaam: 'Yilmaz',
      geslacht: 'm',
      leerlingnummer: '1003',
      groep: '7B',
      ingeschreven_op: '2019-08-26',
    },
    ts('2024-09-01'),
  );
  insertPerson(db, P.fatma, { soort: 'ouder', voornaam: 'Fatma', achternaam: 'Yilmaz' }, ts('2024-09-01'));
  insertPerson(db, P.jan, { soort: 'ouder', voornaam: 'Jan', achternaam: 'Smit' }, ts('2023-05-02'));
  const link = db.prepare('INSERT INTO guardian_link (leerling_id, ouder_id, relatie) VALUES (?, ?, ?)');
  link.run(P.sara, P.petra, 'moeder');
  link.run(P.daan, P.mark, 'vader');
  link.run(P.noah, P.fatma, 'moeder');

  db.prepare(
    `INSERT INTO protocol_version (id, titel, versie, ingangsdatum, vastgesteld_op, created_at, updated_at)
     VALUES (1, 'Protocol sociale media en internetgebruik', '2024.1', '2024-08-01', '2024-07-01', ?, ?)`,
  ).run(at, at);
  db.prepare(
    `INSERT INTO protocol_section (id, protocol_id, volgorde, nummer, titel) VALUES (1, 1, 1, '4', 'Ongewenst gedrag online')`,
  ).run();
  const rule = db.prepare('INSERT INTO protocol_rule (id, protocol_id, section_id, volgorde, nummer, tekst) VALUES (?, 1, 1, ?, ?, ?)');
  rule.run(1, 1, '4.1', 'Een leerling pest, bedreigt of kwetst niemand online.');
  rule.run(2, 2, '4.2', 'Een leerling deelt geen beeld of geluid van een ander zonder toestemming.');

  const inc = db.prepare(
    `INSERT INTO incident (id, nummer, datum_voorval, datum_melding, melder_id, melder_omschrijving, locatie, platform, categorie,
       ernst, omschrijving, status, protocol_id, schooljaar, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
  );
  INCIDENTS.forEach(([nummer, voorval, melder, locatie, platform, categorie, ernst, status, jaar], i) =>
    inc.run(
      i + 1,
      nummer,
      voorval,
      voorval,
      melder,
      melder ? null : 'anoniem via de mentor',
      locatie,
      platform,
      categorie,
      ernst,
      `Voorval ${nummer}: berichten in een groepschat.`,
      status,
      jaar,
      ts(voorval),
      ts(voorval),
    ),
  );
  const ip = db.prepare('INSERT INTO incident_person (incident_id, person_id, rol) VALUES (?, ?, ?)');
  for (const [i, p, rol] of INVOLVED) ip.run(i, p, rol);
  const ir = db.prepare('INSERT INTO incident_rule (incident_id, rule_id) VALUES (?, ?)');
  ir.run(1, 1);
  ir.run(2, 2);
  ir.run(3, 1);
  db.prepare(
    `INSERT INTO incident_action (incident_id, actie, datum, toelichting) VALUES (1, 'ouders_geinformeerd', '2025-03-11', 'telefonisch')`,
  ).run();
  db.prepare(
    `INSERT INTO evidence (incident_id, soort, url, omschrijving, beveiligd_op, created_at)
     VALUES (2, 'link', 'https://www.instagram.com/p/voorbeeld', 'het gedeelde filmpje', '2025-05-20', ?)`,
  ).run(ts('2025-05-20'));
  const fts = db.prepare('INSERT INTO incident_fts (rowid, nummer, omschrijving, namen) VALUES (?, ?, ?, ?)');
  INCIDENTS.forEach(([nummer], i) =>
    fts.run(i + 1, nummer, `Voorval ${nummer}: berichten in een groepschat.`, 'sara de boer ; noah yilmaz'),
  );

  db.prepare(
    `INSERT INTO measure (id, incident_id, person_id, soort, status, besluit_datum, besloten_door, startdatum, einddatum, duur_dagen, vorm,
       afspraken_schoolwerk, created_at, updated_at)
     VALUES (1, 2, ?, 'schorsing', 'uitgevoerd', '2025-05-22', 'M. de Wit', '2025-05-26', '2025-05-27', 2, 'intern', 'werkt in de bibliotheek', ?, ?)`,
  ).run(P.daan, ts('2025-05-22'), ts('2025-05-22'));
  db.prepare(
    `INSERT INTO measure (id, incident_id, person_id, soort, status, besluit_datum, besloten_door, created_at, updated_at)
     VALUES (2, 4, ?, 'voornemen_verwijdering', 'voorgenomen', '2025-11-05', 'M. de Wit', ?, ?)`,
  ).run(P.noah, ts('2025-11-05'), ts('2025-11-05'));
  db.prepare(
    `INSERT INTO external_report (id, incident_id, person_id, instantie, soort, datum, door, kenmerk, politie_eenheid, created_at, updated_at)
     VALUES (1, 4, ?, 'politie', 'aangifte', '2025-11-04', 'M. de Wit', 'PL0900-2025123456', 'Midden-Nederland', ?, ?)`,
  ).run(P.noah, ts('2025-11-04'), ts('2025-11-04'));

  if (v >= 2) {
    const ob = db.prepare(
      `INSERT INTO obligation (bron, bron_id, measure_id, incident_id, person_id, regel, sleutel, volgorde, titel, grondslag, actor,
         uiterlijk, te_laat_vanaf, status, gedaan_op, gedaan_door, created_at, updated_at)
       VALUES ('maatregel', ?, ?, ?, ?, ?, ?, ?, ?, ?, 'schoolleiding', ?, ?, ?, ?, ?, ?, ?)`,
    );
    ob.run(
      1,
      1,
      2,
      P.daan,
      'schorsing_inspectie',
      '',
      1,
      'Schorsing melden bij de Inspectie',
      'WPO art. 40c',
      '2025-05-29',
      '2025-05-30',
      'gedaan',
      '2025-05-23',
      'M. de Wit',
      ts('2025-05-22'),
      ts('2025-05-23'),
    );
    ob.run(
      2,
      2,
      4,
      P.noah,
      'hoorgesprek',
      'ouders',
      1,
      'Ouders horen',
      'WPO art. 40',
      null,
      null,
      'open',
      null,
      null,
      ts('2025-11-05'),
      ts('2025-11-05'),
    );
    db.prepare(
      `INSERT INTO hearing (measure_id, gehoord, person_id, datum, tijd, door, notities, created_at, updated_at)
       VALUES (1, 'ouders', ?, '2025-05-21', '15:30', 'M. de Wit', 'vader was aanwezig', ?, ?)`,
    ).run(P.mark, ts('2025-05-21'), ts('2025-05-21'));
    db.prepare(
      `INSERT INTO expulsion_search (measure_id, datum, school, contactpersoon, resultaat, door, created_at, updated_at)
       VALUES (2, '2025-11-06', 'CBS De Wegwijzer', 'mw. Kok', 'in_gesprek', 'M. de Wit', ?, ?)`,
    ).run(ts('2025-11-06'), ts('2025-11-06'));
  }
  if (v >= 3) {
    db.prepare(
      `INSERT INTO letter (kenmerk, jaar, volgnummer, soort, person_id, measure_id, incident_id, geadresseerde_id, geadresseerde, betreft,
         model_json, opslagnaam, bestandsnaam, sha256, grootte, finalised_at, finalised_by)
       VALUES ('2025-1', 2025, 1, 'schorsing', ?, 1, 2, ?, 'Dhr. M. Jansen, Kerkweg 12, 3512 CD Utrecht', 'Schorsing van Daan',
         '{"soort":"schorsing"}', 'b1f0c2.docx', '2025-1 Schorsing Daan Jansen.docx', ?, 18342, ?, 'M. de Wit')`,
    ).run(P.daan, P.mark, 'ab'.repeat(32), ts('2025-05-22'));
  }
  if (v >= 4) {
    db.prepare(
      `INSERT INTO import_bron (id, naam, soort, handtekening, kolommen, koppeling, created_at, updated_at)
       VALUES (1, 'ParnasSys', 'leerlingen', 'sig-3f9a', '["Leerlingnummer","Roepnaam","Achternaam"]', '["leerlingnummer","roepnaam","achternaam"]', ?, ?)`,
    ).run(ts('2024-09-01'), ts('2024-09-01'));
    db.prepare(
      `INSERT INTO import_run (at, actor, soort, bestandsnaam, sha256, formaat, bron_id, bron_naam, volledig, aangemaakt, samenvatting)
       VALUES (?, 'M. de Wit', 'leerlingen', 'leerlingen.csv', ?, 'csv', 1, 'ParnasSys', 1, 3, '{"regels":3}')`,
    ).run(ts('2024-09-01'), 'cd'.repeat(32));
  }
  if (v >= 5) {
    db.prepare(
      `INSERT INTO evaluation (id, schooljaar, evaluatie_schooljaar, datum, tijd_start, tijd_eind, locatie, status, notulen, gesloten_op, created_at, updated_at)
       VALUES (1, '2024-2025', '2024-2025', '2025-06-16', '15:00', '16:00', 'teamkamer', 'gesloten', 'Protocol blijft staan.', '2025-06-17', ?, ?)`,
    ).run(ts('2025-06-01'), ts('2025-06-17'));
    db.prepare(
      `INSERT INTO evaluation_participant (evaluation_id, volgorde, person_id, naam, rol, aanwezig) VALUES (1, 1, ?, 'Ilse Vos', 'anti_pestcoordinator', 1)`,
    ).run(P.ilse);
    db.prepare(`INSERT INTO evaluation_decision (evaluation_id, volgorde, tekst) VALUES (1, 1, 'Regel 4.2 blijft ongewijzigd.')`).run();
    db.prepare(
      `INSERT INTO evaluation_action (evaluation_id, volgorde, omschrijving, eigenaar, deadline, status) VALUES (1, 1, 'Ouderavond mediawijsheid', 'M. de Wit', '2025-10-01', 'open')`,
    ).run();
    db.prepare(
      `INSERT INTO calendar_moment (schooljaar, soort, datum, updated_at) VALUES ('2025-2026', 'mediawijsheid', '2025-11-12', ?)`,
    ).run(at);
  }
  if (v >= 6) {
    db.prepare(
      `INSERT INTO backup_run (gestart_op, soort, map, naam, gelukt, grootte, bestanden) VALUES (?, 'automatisch', 'D:\\Reservekopie', 'sp-2025-06-02', 1, 524288, 3)`,
    ).run(at);
    db.prepare(
      `INSERT INTO legal_hold (person_id, soort, reden, vanaf, created_at, updated_at) VALUES (?, 'bezwaar', 'bezwaar tegen de schorsing', '2025-06-01', ?, ?)`,
    ).run(P.daan, at, at);
    db.prepare(`INSERT INTO destroyed_count (schooljaar, soort, categorie, aantal) VALUES ('2018-2019', 'melding', 'pesten', 4)`).run();
    db.prepare(
      `INSERT INTO access_request (person_id, aanvrager_soort, aanvrager_id, aanvrager_naam, ontvangen_op, uiterlijk_op, status, created_at, updated_at)
       VALUES (?, 'ouder', ?, 'Mark Jansen', '2025-06-01', '2025-07-01', 'open', ?, ?)`,
    ).run(P.daan, P.mark, at, at);
    db.prepare(
      `INSERT INTO data_breach (id, omschrijving, ontdekt_op, betrokkenen, aantal_betrokkenen, risico, maatregelen, created_at, updated_at)
       VALUES (1, 'Klassenlijst naar verkeerde ouder gemaild', ?, 'leerlingen groep 7B', 28, 1, 'ontvanger gevraagd te verwijderen', ?, ?)`,
    ).run(ts('2025-04-03'), ts('2025-04-03'), ts('2025-04-03'));
    db.prepare(`INSERT INTO trust_secret (naam, waarde, created_at) VALUES ('bestandssleutel', ?, ?)`).run('ef'.repeat(32), at);
  }
  if (v >= 11) {
    db.prepare(
      `INSERT INTO measure_objection (measure_id, ontvangen_op, toelichting, created_at, updated_at) VALUES (1, '2025-06-01', 'per brief', ?, ?)`,
    ).run(at, at);
  }
  if (v >= 16) {
    db.prepare(
      `INSERT INTO letter_concept (soort, person_id, measure_id, incident_id, feiten, melding_omschrijving, updated_at, updated_by)
       VALUES ('voornemen_verwijdering', ?, 2, 4, 'Noah heeft een medeleerling bedreigd via TikTok.', 'Voorval M2025-0004: berichten in een groepschat.', ?, 'M. de Wit')`,
    ).run(P.noah, ts('2025-11-06'));
  }
  writeOldAudit(db, v, key, [
    { at: ts('2025-03-11'), entity: 'incident', entityId: '1', action: 'aangemaakt', after: { nummer: 'M2025-0001' } },
    { at: ts('2025-05-22'), entity: 'measure', entityId: '1', action: 'aangemaakt', after: { soort: 'schorsing' } },
    { at: ts('2025-11-05'), entity: 'measure', entityId: '2', action: 'aangemaakt', after: { soort: 'voornemen_verwijdering' } },
  ]);
}

/** Audit entries as the app at version v wrote them: no HMAC before 015, no account before 017. */
export function writeOldAudit(
  db: DB,
  v: number,
  key: string,
  entries: { at: string; entity: string; entityId: string; action: string; after: unknown }[],
): void {
  const hmacKey = auditKeyFrom(key);
  for (const e of entries) {
    const last = db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').pluck().get() as string | undefined;
    const prev = last ?? GENESIS_HASH;
    const row = {
      at: e.at,
      actor: 'M. de Wit',
      account: v >= 17 ? 'mdewit' : null,
      entity: e.entity,
      entity_id: e.entityId,
      action: e.action,
      before_json: null,
      after_json: JSON.stringify(e.after),
    };
    const hash = entryHash(prev, row);
    const cols = ['at', 'actor', 'entity', 'entity_id', 'action', 'before_json', 'after_json', 'prev_hash', 'hash'];
    const vals: unknown[] = [row.at, row.actor, row.entity, row.entity_id, row.action, row.before_json, row.after_json, prev, hash];
    if (v >= 15) {
      cols.push('hmac');
      vals.push(entryHmac(hmacKey, hash));
    }
    if (v >= 17) {
      cols.push('account');
      vals.push(row.account);
    }
    db.prepare(`INSERT INTO audit_log (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...vals);
  }
}
