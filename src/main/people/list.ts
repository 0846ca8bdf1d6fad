// The people grid (paged, sorted, filtered in SQL) and the fast prefix search for person pickers.
import type { DB } from '../db/open';
import type { Parsed } from '@shared/api';
import type { Page } from '@shared/api/common';
import type { PersonRow, PersonRef } from '@shared/api/people';
import { toRef } from './people';
import type { PersonDbRow } from './people';
import { searchTokens, likeEscape, ensureFold, foldSql } from './names';
import { prepared } from './statements';
import type { SqlFilter } from './scope';

const SORT_SQL: Record<Parsed<'people.list'>['sort']['field'], string> = {
  naam: `${foldSql('p.achternaam')} {dir}, ${foldSql('p.voornaam')} {dir}`,
  soort: `p.soort {dir}, ${foldSql('p.achternaam')}, ${foldSql('p.voornaam')}`,
  groep: `p.groep IS NULL, p.groep COLLATE NOCASE {dir}, ${foldSql('p.achternaam')}, ${foldSql('p.voornaam')}`,
  leerlingnummer: 'p.leerlingnummer IS NULL, p.leerlingnummer {dir}',
  geboortedatum: 'p.geboortedatum IS NULL, p.geboortedatum {dir}',
  updatedAt: 'p.updated_at {dir}',
};

/**
 * WHERE clauses matching every search word as the start of a word of the name, a number, or the
 * class/group: "3B" finds the pupils of 3B, "3B Jan" the Jans in 3B.
 */
export function nameSearchSql(q: string | null | undefined, params: unknown[], alias = 'p'): string[] {
  const where: string[] = [];
  for (const t of searchTokens(q ?? '')) {
    const e = likeEscape(t);
    where.push(
      `(${alias}.zoeknaam LIKE ? ESCAPE '\\' OR ${alias}.zoeknaam LIKE ? ESCAPE '\\' OR ${alias}.leerlingnummer LIKE ? ESCAPE '\\' OR ${alias}.personeelsnummer LIKE ? ESCAPE '\\' OR ${foldSql(`${alias}.groep`)} LIKE ? ESCAPE '\\')`,
    );
    params.push(`${e}%`, `% ${e}%`, `${e}%`, `${e}%`, `${e}%`);
  }
  return where;
}

/** `scope`: the caller's rows only (people/scope.ts); left out, everyone. */
export function listPeople(db: DB, input: Parsed<'people.list'>, today: string, scope?: SqlFilter | null): Page<PersonRow> {
  ensureFold(db);
  const params: unknown[] = [];
  const where: string[] = [];
  if (input.soort && input.soort.length) {
    where.push(`p.soort IN (${input.soort.map(() => '?').join(',')})`);
    params.push(...input.soort);
  }
  if (!input.inclusiefUitgeschreven) {
    where.push('(p.uitgeschreven_op IS NULL OR p.uitgeschreven_op > ?)');
    params.push(today);
  }
  // Text made only of punctuation matches nobody (rather than everybody), as in the incident search.
  if (input.search && searchTokens(input.search).length === 0) return { rows: [], total: 0 };
  where.push(...nameSearchSql(input.search, params));
  if (scope) {
    where.push(scope.sql);
    params.push(...scope.params);
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (prepared(db, `SELECT count(*) AS n FROM person p ${whereSql}`).get(...params) as { n: number }).n;
  const dir = input.sort.dir === 'desc' ? 'DESC' : 'ASC';
  const order = SORT_SQL[input.sort.field].replaceAll('{dir}', dir);
  const rows = prepared(db, `SELECT p.* FROM person p ${whereSql} ORDER BY ${order}, p.id ${dir} LIMIT ? OFFSET ?`).all(
    ...params,
    input.limit,
    input.offset,
  ) as PersonDbRow[];
  // The number of incidents for the page's people only: as a column of the query above SQLite
  // counted it for every person before sorting (2,400 pupils for one page of 100).
  const counts = new Map(
    (
      prepared(
        db,
        `SELECT ip.person_id AS id, count(DISTINCT ip.incident_id) AS n FROM incident_person ip
         WHERE ip.person_id IN (SELECT value FROM json_each(?)) GROUP BY ip.person_id`,
      ).all(JSON.stringify(rows.map((r) => r.id))) as { id: number; n: number }[]
    ).map((c) => [c.id, c.n]),
  );
  return {
    total,
    rows: rows.map((r) => ({
      ...toRef(r),
      geboortedatum: r.geboortedatum,
      email: r.email,
      uitgeschrevenOp: r.uitgeschreven_op,
      aantalMeldingen: counts.get(r.id) ?? 0,
    })),
  };
}

export function searchPeople(db: DB, input: Parsed<'people.search'>, scope?: SqlFilter | null): PersonRef[] {
  ensureFold(db);
  if (input.q.trim() && searchTokens(input.q).length === 0) return [];
  const params: unknown[] = [];
  const where = nameSearchSql(input.q, params);
  if (input.soort && input.soort.length) {
    where.push(`p.soort IN (${input.soort.map(() => '?').join(',')})`);
    params.push(...input.soort);
  }
  if (scope) {
    where.push(scope.sql);
    params.push(...scope.params);
  }
  const tokens = searchTokens(input.q);
  // People whose name starts with the first word come first; then alphabetical.
  const first = tokens.length ? `${likeEscape(tokens[0])}%` : '%';
  const rows = prepared(
    db,
    `SELECT p.* FROM person p ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY (p.zoeknaam LIKE ? ESCAPE '\\') DESC, p.uitgeschreven_op IS NOT NULL, ${foldSql('p.achternaam')}, ${foldSql('p.voornaam')}, p.id
       LIMIT ?`,
  ).all(...params, first, input.limit) as PersonDbRow[];
  return rows.map(toRef);
}
