// The incidents grid: filters, sort and paging in SQL (with a stable tiebreak on id), and quick
// search through the FTS5 index. Names of daders and slachtoffers are fetched for the page only.
import type { DB } from '../db/open';
import type { Parsed } from '@shared/api';
import type { IncidentPage } from '@shared/api/incidents';
import type { Rol } from '@shared/domain';
import type { IncidentDbRow } from './read';
import { ftsQuery } from './fts';
import { displayName } from '../people/names';
import { SAMPLE_FROM, STEP, sampleInBackground, startFor } from './positions';
import type { NameParts } from '../people/names';
import type { IncidentsScope } from './scope';
import { prepared } from '../people/statements';

type ListInput = Parsed<'incidents.list'>;

/**
 * Every sort order as the list of its keys, each an expression an index of migration 007 yields in
 * order (the incident date, then id, as stable second keys). The same keys serve the keyset cursor.
 */
const SORT_KEYS: Record<ListInput['sort']['field'], string[]> = {
  datumVoorval: ['i.datum_voorval', 'i.id'],
  datumMelding: ['i.datum_melding', 'i.id'],
  nummer: ['CAST(substr(i.nummer, 2, 4) AS INTEGER)', 'CAST(substr(i.nummer, 7) AS INTEGER)', 'i.id'],
  categorie: ['i.categorie_rang', 'i.datum_voorval', 'i.id'],
  platform: ['i.platform', 'i.datum_voorval', 'i.id'],
  ernst: [`(CASE i.ernst WHEN 'laag' THEN 1 WHEN 'middel' THEN 2 WHEN 'hoog' THEN 3 ELSE 4 END)`, 'i.datum_voorval', 'i.id'],
  status: [
    `(CASE i.status WHEN 'open' THEN 1 WHEN 'in_onderzoek' THEN 2 WHEN 'maatregel_genomen' THEN 3 ELSE 4 END)`,
    'i.datum_voorval',
    'i.id',
  ],
};

/**
 * Above this many matching rows, the page is read along the sort order's covering index (skipping
 * rows that do not match); below it, the filter's own index finds the rows and they are sorted.
 */
const SORT_INDEX_FROM = 20_000;

/** A quick search lists at most this many hits (the newest); more means: refine the search. */
export const SEARCH_CAP = 1000;

const inList = (col: string, values: readonly string[], params: unknown[]) => {
  params.push(...values);
  return `${col} IN (${values.map(() => '?').join(',')})`;
};

const encodeCursor = (keys: unknown[]) => Buffer.from(JSON.stringify(keys)).toString('base64url');
function decodeCursor(cursor: string, n: number): (string | number)[] | null {
  try {
    const keys = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(keys) && keys.length === n && keys.every((k) => typeof k === 'string' || typeof k === 'number'))
      return keys as (string | number)[];
  } catch {
    // an unreadable cursor is ignored: the offset still says where the page starts
  }
  return null;
}

type Keys = (string | number)[];

/**
 * The rows after `from` in a sort order (keys, direction), as one compound query over the sort
 * order's index, ordered by the result columns k0, k1, …; the caller adds LIMIT. A row value
 * (k0, k1, id) < (?, ?, ?) lets SQLite seek only where the keys are plain columns; with a key that
 * is an expression (number, severity, status) it walked the index from the start (180-210 ms at
 * row 500,000). So "after" is asked as its parts, each a seek: the same first keys and a later last
 * one, deepest first (k0 = ? AND k1 = ? AND id < ?, then k0 = ? AND k1 < ?, then k0 < ?), each at
 * most `limit` rows. `cols` must name the keys k0, k1, ….
 */
function afterCursor(
  keys: string[],
  dir: 'ASC' | 'DESC',
  filterSql: string,
  params: unknown[],
  from: Keys,
  cols: string,
  limit: number,
): { sql: string; params: unknown[] } {
  const op = dir === 'DESC' ? '<' : '>';
  const arms: string[] = [];
  const out: unknown[] = [];
  for (let n = keys.length - 1; n >= 0; n--) {
    const cond = [...keys.slice(0, n).map((k) => `${k} = ?`), `${keys[n]} ${op} ?`].join(' AND ');
    // Ordered by the keys that still vary: SQLite does not see that a key held equal to an
    // expression leaves the index in order, and would sort every row of the arm.
    const order = keys
      .slice(n)
      .map((k) => `${k} ${dir}`)
      .join(', ');
    arms.push(`SELECT * FROM (SELECT ${cols} FROM incident i WHERE ${filterSql}${cond} ORDER BY ${order} LIMIT ?)`);
    out.push(...params, ...from.slice(0, n + 1), limit);
  }
  return { sql: `${arms.join(' UNION ALL ')} ORDER BY ${keys.map((_, n) => `k${n} ${dir}`).join(', ')}`, params: out };
}

/** `scope`: only the caller's incidents (incidents/scope.ts); left out, all. */
export function listIncidents(db: DB, input: ListInput, scope?: IncidentsScope | null): IncidentPage {
  const params: unknown[] = [];
  const where: string[] = [];
  const f = input.filter;
  if (f.status?.length) where.push(inList('i.status', f.status, params));
  if (f.categorie?.length) where.push(inList('i.categorie', f.categorie, params));
  if (f.platform?.length) where.push(inList('i.platform', f.platform, params));
  if (f.ernst?.length) where.push(inList('i.ernst', f.ernst, params));
  if (f.schooljaar) {
    where.push('i.schooljaar = ?');
    params.push(f.schooljaar);
  }
  // The simple filters can be counted from the precomputed counts (migration 007).
  const countWhere = where.map((w) => w.replaceAll('i.', 'c.'));
  const countParams = [...params];
  let exactFromCounts = true;
  let totaalIsMinimum = false;

  if (f.personId !== undefined) {
    exactFromCounts = false;
    where.push('i.id IN (SELECT incident_id FROM incident_person WHERE person_id = ? UNION SELECT id FROM incident WHERE melder_id = ?)');
    params.push(f.personId, f.personId);
  }
  const scopeAt = scope ? where.length : -1;
  if (scope) {
    exactFromCounts = false;
    where.push(scope.sql);
    params.push(...scope.params);
  }
  if (input.search) {
    const q = ftsQuery(input.search);
    // Words made only of punctuation match nothing rather than everything.
    if (q === null) return { rows: [], total: 0, volgende: null };
    exactFromCounts = false;
    // The hits come from the FTS index newest first (rowid order, which FTS5 reads cheaply) and are
    // capped, so a common word never makes every page sort a hundred thousand rows.
    const hitsFor = (match: string) =>
      prepared(db, `SELECT rowid FROM incident_fts WHERE incident_fts MATCH ? ORDER BY rowid DESC LIMIT ${SEARCH_CAP + 1}`, {
        pluck: true,
      }).all(match) as number[];
    // Whole words first: when they alone pass the cap, the prefix query (which merges the lists of
    // every word starting with the text, the costly part) would only find more of the same.
    const exact = q.replace(/\*(?= |$)/g, '');
    let hits = hitsFor(exact);
    if (hits.length <= SEARCH_CAP) hits = hitsFor(q);
    if (hits.length > SEARCH_CAP) {
      totaalIsMinimum = true;
      hits.length = SEARCH_CAP;
    }
    if (!hits.length) return { rows: [], total: 0, volgende: null };
    where.push('i.id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(hits));
  }

  // The caller's incidents with other conditions: each row the conditions' index finds is tested
  // against the set (the unary +), rather than every incident of the set read by id (at a million
  // incidents a mentor's set is 129,337 and the open ones among all 24,732). With the set alone, its
  // size is the count (every id in it is an incident: the foreign keys hold).
  const scopeAlone = !!scope && where.length === 1;
  if (scope && !scopeAlone) where[scopeAt] = scope.walkSql;
  let whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total =
    scope && scopeAlone
      ? scope.size
      : exactFromCounts
        ? (
            prepared(
              db,
              `SELECT coalesce(sum(c.n), 0) AS n FROM incident_count c ${countWhere.length ? `WHERE ${countWhere.join(' AND ')}` : ''}`,
            ).get(...countParams) as { n: number }
          ).n
        : (prepared(db, `SELECT count(*) AS n FROM incident i ${whereSql}`).get(...params) as { n: number }).n;
  if (
    (exactFromCounts && total > SORT_INDEX_FROM) ||
    ((exactFromCounts || scope) && walkIsCheaper(db, total, input.limit + (input.na ? 0 : input.offset)))
  ) {
    // Many matches: a unary + keeps SQLite from choosing a filter index or reading the caller's
    // incidents by id (and then sorting all matches); it walks the sort order's covering index,
    // tests each row and stops after one page.
    for (let n = 0; n < where.length; n++) where[n] = where[n].replace(/^i\./, '+i.');
    if (scope) where[scopeAt] = scope.walkSql;
    whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  }

  const dir = input.sort.dir === 'desc' ? 'DESC' : 'ASC';
  const keys = SORT_KEYS[input.sort.field];
  const orderSql = keys.map((k) => `${k} ${dir}`).join(', ');
  const keySelect = keys.map((k, n) => `${k} AS k${n}`).join(', ');
  const cursor = input.na ? decodeCursor(input.na, keys.length) : null;

  const filterSql = where.length ? `${where.join(' AND ')} AND ` : '';
  const after = (cols: string, from: Keys, limit: number) => afterCursor(keys, dir, filterSql, params, from, cols, limit);
  // A long list of a simple filter gets positions for jumps, sampled in the background
  // (positions.ts); searches and a person's incidents are short (capped) lists.
  const list = exactFromCounts && total >= SAMPLE_FROM ? JSON.stringify([input.sort, f]) : null;

  let pageSql: string;
  let pageParams: unknown[];
  const jump = !cursor && list && input.offset > 0 ? startFor(db, list, input.offset) : null;
  if (cursor) {
    // Keyset paging: continue right after the previous page's last row, at any depth.
    const q = after(`i.*, ${keySelect}`, cursor, input.limit);
    pageSql = `${q.sql} LIMIT ?`;
    pageParams = [...q.params, input.limit];
  } else if (jump) {
    // A jump with a sample before it: continue after the sample and step over the few rows between
    // (on the covering index, ids only), then read the page's rows.
    const q = after(`i.id AS rid, ${keySelect}`, jump.after, jump.skip + input.limit);
    pageSql = `SELECT i.*, ${keySelect} FROM incident i WHERE i.id IN (SELECT rid FROM (${q.sql}) LIMIT ? OFFSET ?) ORDER BY ${orderSql}`;
    pageParams = [...q.params, input.limit, jump.skip];
  } else if (input.offset > 0) {
    // A jump without one (a short list, or the samples are not there yet): skip through the
    // covering index only, then read the page's rows.
    pageSql = `SELECT i.*, ${keySelect} FROM incident i WHERE i.id IN (SELECT i.id FROM incident i ${whereSql} ORDER BY ${orderSql} LIMIT ? OFFSET ?) ORDER BY ${orderSql}`;
    pageParams = [...params, input.limit, input.offset];
  } else {
    pageSql = `SELECT i.*, ${keySelect} FROM incident i ${whereSql} ORDER BY ${orderSql} LIMIT ?`;
    pageParams = [...params, input.limit];
  }
  if (list) {
    sampleInBackground(db, list, {
      next: (from) => {
        const q = from
          ? after(keySelect, from, STEP)
          : { sql: `SELECT ${keySelect} FROM incident i ${whereSql} ORDER BY ${orderSql}`, params };
        const row = db.prepare(`${q.sql} LIMIT 1 OFFSET ${STEP - 1}`).get(...q.params) as Record<string, string | number> | undefined;
        return row ? keys.map((_, n) => row[`k${n}`]) : null;
      },
    });
  }
  const rows = prepared(db, pageSql).all(...pageParams) as (IncidentDbRow & Record<string, string | number>)[];
  const ids = rows.map((r) => r.id);
  const names = namesByIncident(db, ids);
  const measures = measureCounts(db, ids);
  const last = rows[rows.length - 1];
  return {
    total,
    ...(totaalIsMinimum ? { totaalIsMinimum } : {}),
    volgende: rows.length === input.limit && last ? encodeCursor(keys.map((_, n) => last[`k${n}`])) : null,
    rows: rows.map((r) => ({
      id: r.id,
      nummer: r.nummer,
      datumVoorval: r.datum_voorval,
      datumMelding: r.datum_melding,
      categorie: r.categorie,
      platform: r.platform,
      locatie: r.locatie,
      ernst: r.ernst,
      status: r.status,
      schooljaar: r.schooljaar,
      daders: (names.get(`${r.id}:dader`) ?? []).join(', '),
      slachtoffers: (names.get(`${r.id}:slachtoffer`) ?? []).join(', '),
      omschrijving: r.omschrijving,
      aantalMaatregelen: measures.get(r.id) ?? 0,
    })),
  };
}

/**
 * Whether a page is cheaper by walking the sort order's index (about `rows` × all / matching entries
 * read) than by finding the `matching` rows through a filter's index or by id and sorting them (a
 * few times the cost of an index entry each). On the quick bench set (5,000 incidents) a school
 * year's first page took 4–6 ms the second way; SORT_INDEX_FROM alone only fits a large database.
 */
function walkIsCheaper(db: DB, matching: number, rows: number): boolean {
  if (matching === 0) return false;
  const all = (prepared(db, 'SELECT max(id) FROM incident', { pluck: true }).get() as number | null) ?? 0;
  return (rows * all) / matching < 4 * matching;
}

function measureCounts(db: DB, ids: number[]): Map<number, number> {
  if (!ids.length) return new Map();
  const rows = prepared(
    db,
    `SELECT incident_id AS id, count(*) AS n FROM measure WHERE incident_id IN (SELECT value FROM json_each(?)) GROUP BY incident_id`,
  ).all(JSON.stringify(ids)) as { id: number; n: number }[];
  return new Map(rows.map((r) => [r.id, r.n]));
}

function namesByIncident(db: DB, ids: number[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!ids.length) return out;
  const rows = prepared(
    db,
    `SELECT ip.incident_id, ip.rol, p.voornaam, p.roepnaam, p.tussenvoegsel, p.achternaam FROM incident_person ip JOIN person p ON p.id = ip.person_id
       WHERE ip.incident_id IN (SELECT value FROM json_each(?)) AND ip.rol IN ('dader','slachtoffer') ORDER BY ip.id`,
  ).all(JSON.stringify(ids)) as (NameParts & { incident_id: number; rol: Rol })[];
  for (const r of rows) {
    const key = `${r.incident_id}:${r.rol}`;
    out.set(key, [...(out.get(key) ?? []), displayName(r)]);
  }
  return out;
}
