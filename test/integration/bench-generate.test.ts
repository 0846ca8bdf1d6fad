// The benchmark generator's bulk load (bench/generate.ts) sets every index and trigger aside and
// computes the tables the triggers keep once afterwards. This generates the same seed twice, once
// that way and once with every index and trigger live (row by row, as the app writes), and holds
// every table of the two databases against each other row for row: the kept tables first by name,
// so a wrong set-based fill names its table, then everything else and the schema itself.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, type GenerateOptions } from '../../bench/generate';
import { openDatabase, type DB } from '../../src/main/db/open';

const KEY = 'c'.repeat(64);
const profile = { schools: 2, pupilsPerSchool: 60, staffPerSchool: 6, incidents: 700, years: 3, lastYearStart: 2025, seed: 7 };

let dir: string;
let bulk: DB;
let live: DB;

function make(mode: GenerateOptions['mode']): DB {
  const dbPath = path.join(dir, `${mode}.db`);
  generate({ dbPath, key: KEY, ...profile, mode });
  return openDatabase(dbPath, { key: KEY, readonly: true });
}

/** Every row of a table, in a fixed order (all columns), with the rowid where the table has one. */
function rows(db: DB, sql: string): unknown[] {
  return db.prepare(sql).raw().all();
}

const tableRows = (db: DB, table: string) => {
  const cols = (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).map((c) => `"${c}"`);
  const withoutRowid = db.prepare(`SELECT wr FROM pragma_table_list(?)`).pluck().get(table) === 1;
  const select = withoutRowid ? cols.join(', ') : ['rowid', ...cols].join(', ');
  return rows(db, `SELECT ${select} FROM "${table}" ORDER BY ${cols.map((_, i) => i + 1).join(', ')}`);
};

// What the triggers of migrations 007-010 and 018 keep, and the quick-search index.
const KEPT: [name: string, sql: string][] = [
  ['incident_count', 'SELECT schooljaar, status, categorie, platform, ernst, n FROM incident_count ORDER BY 1, 2, 3, 4, 5'],
  ['incident.categorie_rang', 'SELECT id, categorie, categorie_rang FROM incident ORDER BY id'],
  ['person_laatste_melding', 'SELECT person_id, datum FROM person_laatste_melding ORDER BY person_id'],
  ['incident_rol_count', 'SELECT schooljaar, rol, person_id, n FROM incident_rol_count ORDER BY 1, 2, 3'],
  ['retentie_peildatum', 'SELECT person_id, soort, peildatum FROM retentie_peildatum ORDER BY person_id'],
  ['person_version', 'SELECT id, n FROM person_version'],
  ['incident_fts', 'SELECT rowid, nummer, omschrijving, namen FROM incident_fts ORDER BY rowid'],
];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-bench-gen-'));
  bulk = make('bulk');
  live = make('triggers');
}, 120_000);

afterAll(() => {
  bulk?.close();
  live?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('bench generator: bulk load equals the row-by-row load with triggers live', () => {
  it.each(KEPT)('kept table %s is equal row for row', (_name, sql) => {
    const want = rows(live, sql);
    // Not vacuous: the reference has rows for every kept table at this size.
    expect(want.length).toBeGreaterThan(0);
    expect(rows(bulk, sql)).toEqual(want);
  });

  it('the kept tables hold what a small school board makes (every rule path reached)', () => {
    // Parents whose children all left get a peildatum, pupils who left too, and so on: the
    // retention rule's branches all occur, so a fill that skips one cannot pass.
    const kinds = live.prepare(`SELECT DISTINCT soort FROM retentie_peildatum ORDER BY 1`).pluck().all();
    expect(kinds).toEqual(['leerling', 'ouder']);
    expect(live.prepare(`SELECT count(DISTINCT rol) FROM incident_rol_count`).pluck().get()).toBe(3);
    expect(live.prepare(`SELECT n FROM person_version`).pluck().get()).toBe(live.prepare(`SELECT count(*) FROM person`).pluck().get());
    expect(live.prepare(`SELECT count(*) FROM incident WHERE categorie_rang <> 0`).pluck().get()).toBeGreaterThan(0);
    expect(live.prepare(`SELECT count(*) FROM retentie_herberekenen`).pluck().get()).toBe(0);
  });

  it('every other table is equal too (people, incidents, measures, obligations, the audit chain)', () => {
    const tables = bulk
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'incident_fts%' ORDER BY name`,
      )
      .pluck()
      .all() as string[];
    expect(tables).toEqual(
      live
        .prepare(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'incident_fts%' ORDER BY name`,
        )
        .pluck()
        .all(),
    );
    for (const t of tables) expect({ t, rows: tableRows(bulk, t) }).toEqual({ t, rows: tableRows(live, t) });
    expect(bulk.prepare(`SELECT count(*) FROM audit_log`).pluck().get()).toBeGreaterThan(profile.incidents);
  });

  it('the schema comes back whole: the same indexes and triggers, the same statistics', () => {
    const schema = (db: DB) => rows(db, `SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name`);
    expect(schema(bulk)).toEqual(schema(live));
    // The quick-search index's own b-trees differ in layout (one pass instead of a flush per batch),
    // not in content: its statistics are left out; its content is compared above.
    const stats = (db: DB) => rows(db, `SELECT tbl, idx, stat FROM sqlite_stat1 WHERE tbl NOT LIKE 'incident_fts%' ORDER BY 1, 2`);
    expect(stats(bulk)).toEqual(stats(live));
    expect(bulk.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(bulk.pragma('foreign_key_check')).toEqual([]);
  });

  it('the quick search finds the same incidents', () => {
    const namen = live
      .prepare(`SELECT DISTINCT achternaam FROM person WHERE soort = 'leerling' ORDER BY 1 LIMIT 5`)
      .pluck()
      .all() as string[];
    for (const q of [...namen.map((n) => `"${n.toLowerCase()}"*`), '"schorsing"', '"filmpje"']) {
      const hits = (db: DB) => db.prepare(`SELECT rowid FROM incident_fts WHERE incident_fts MATCH ? ORDER BY rowid`).pluck().all(q);
      expect({ q, hits: hits(bulk) }).toEqual({ q, hits: hits(live) });
    }
  });
});
