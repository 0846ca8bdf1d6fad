// The incidents grid: filters, sort and paging in SQL (with a stable tiebreak on id), and quick
// search through the FTS5 index. Names of daders and slachtoffers are fetched for the page only.
import type { DB } from '../db/open';
import type { Parsed } from '../../shared/api';
import type { Page } from '../../shared/api/common';
import type { IncidentRow } from '../../shared/api/incidents';
import type { Rol } from '../../shared/domain';
import type { IncidentDbRow } from './read';
import { ftsQuery } from './fts';
import { displayName } from '../people/names';
import type { NameParts } from '../people/names';

type ListInput = Parsed<'incidents.list'>;

const SORT_SQL: Record<ListInput['sort']['field'], string> = {
  datumVoorval: 'i.datum_voorval {dir}',
  datumMelding: 'i.datum_melding {dir}',
  nummer: 'substr(i.nummer, 2, 4) {dir}, CAST(substr(i.nummer, 7) AS INTEGER) {dir}',
  categorie: 'coalesce(c.label, i.categorie) COLLATE NOCASE {dir}',
  platform: 'i.platform {dir}',
  ernst: `CASE i.ernst WHEN 'laag' THEN 1 WHEN 'middel' THEN 2 WHEN 'hoog' THEN 3 ELSE 4 END {dir}`,
  status: `CASE i.status WHEN 'open' THEN 1 WHEN 'in_onderzoek' THEN 2 WHEN 'maatregel_genomen' THEN 3 ELSE 4 END {dir}`,
};

const inList = (col: string, values: readonly string[], params: unknown[]) => {
  params.push(...values);
  return `${col} IN (${values.map(() => '?').join(',')})`;
};

export function listIncidents(db: DB, input: ListInput): Page<IncidentRow> {
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
  if (f.personId !== undefined) {
    where.push('(i.melder_id = ? OR EXISTS (SELECT 1 FROM incident_person ip WHERE ip.incident_id = i.id AND ip.person_id = ?))');
    params.push(f.personId, f.personId);
  }
  if (input.search) {
    const q = ftsQuery(input.search);
    // Words made only of punctuation match nothing rather than everything.
    if (q === null) return { rows: [], total: 0 };
    where.push('i.id IN (SELECT rowid FROM incident_fts WHERE incident_fts MATCH ?)');
    params.push(q);
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT count(*) AS n FROM incident i ${whereSql}`).get(...params) as { n: number }).n;
  const dir = input.sort.dir === 'desc' ? 'DESC' : 'ASC';
  const rows = db
    .prepare(
      `SELECT i.*, (SELECT count(*) FROM measure m WHERE m.incident_id = i.id) AS aantal
       FROM incident i LEFT JOIN category c ON c.code = i.categorie
       ${whereSql} ORDER BY ${SORT_SQL[input.sort.field].replaceAll('{dir}', dir)}, i.id ${dir} LIMIT ? OFFSET ?`,
    )
    .all(...params, input.limit, input.offset) as (IncidentDbRow & { aantal: number })[];
  const names = namesByIncident(
    db,
    rows.map((r) => r.id),
  );
  return {
    total,
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
      aantalMaatregelen: r.aantal,
    })),
  };
}

function namesByIncident(db: DB, ids: number[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!ids.length) return out;
  const rows = db
    .prepare(
      `SELECT ip.incident_id, ip.rol, p.voornaam, p.roepnaam, p.tussenvoegsel, p.achternaam FROM incident_person ip JOIN person p ON p.id = ip.person_id
       WHERE ip.incident_id IN (${ids.map(() => '?').join(',')}) AND ip.rol IN ('dader','slachtoffer') ORDER BY ip.id`,
    )
    .all(...ids) as (NameParts & { incident_id: number; rol: Rol })[];
  for (const r of rows) {
    const key = `${r.incident_id}:${r.rol}`;
    out.set(key, [...(out.get(key) ?? []), displayName(r)]);
  }
  return out;
}
