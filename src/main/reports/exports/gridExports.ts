// Exports of the grid views (incidents, people) with exactly the grid's filters, sort and search:
// the rows come from the same list functions the grids page through. Personal data leaves the app
// here, so every export is written to the audit trail with its filter and row count.
import type { Ctx } from '../../context/context';
import type { Parsed } from '@shared/api';
import type { FileOut } from '@shared/api/yearReports';
import type { IncidentRow } from '@shared/api/incidents';
import type { PersonRow } from '@shared/api/people';
import { PLATFORM, LOCATIE, ERNST, INCIDENT_STATUS, PERSOON_SOORT } from '@shared/domain';
import { listIncidents } from '../../incidents/list';
import { listPeople } from '../../people/list';
import { CoreError } from '../../errors/errors';
import type { Column } from './columns';

const PAGE = 500;
/** A school has thousands of rows at most; this only stops a runaway loop. */
const MAX_ROWS = 200_000;

/**
 * Every row of a list, page by page like the grid. The cursor (`volgende`, the incidents' keyset
 * paging) continues each page right after the last row, at any depth; lists without one use the offset.
 */
function allRows<R>(page: (offset: number, limit: number, cursor: string | null) => { rows: R[]; volgende?: string | null }): R[] {
  const out: R[] = [];
  let cursor: string | null = null;
  for (let offset = 0; offset < MAX_ROWS; offset += PAGE) {
    const p = page(offset, PAGE, cursor);
    out.push(...p.rows);
    if (p.rows.length < PAGE) break;
    cursor = p.volgende ?? null;
  }
  return out;
}

function categoryLabels(ctx: Ctx): Map<string, string> {
  return new Map(
    (ctx.db.prepare('SELECT code, label FROM category').all() as { code: string; label: string }[]).map((c) => [c.code, c.label]),
  );
}

function incidentColumns(ctx: Ctx): Column<IncidentRow>[] {
  const cats = categoryLabels(ctx);
  return [
    { header: 'Nummer', kind: 'text', width: 13, value: (r) => r.nummer },
    { header: 'Datum voorval', kind: 'date', width: 14, value: (r) => r.datumVoorval },
    { header: 'Datum melding', kind: 'date', width: 14, value: (r) => r.datumMelding },
    { header: 'Schooljaar', kind: 'text', width: 11, value: (r) => r.schooljaar },
    { header: 'Categorie', kind: 'text', width: 30, value: (r) => cats.get(r.categorie) ?? r.categorie },
    { header: 'Platform', kind: 'text', width: 13, value: (r) => PLATFORM.labels[r.platform]?.nl ?? r.platform },
    { header: 'Plaats', kind: 'text', width: 22, value: (r) => LOCATIE.labels[r.locatie]?.nl ?? r.locatie },
    { header: 'Ernst', kind: 'text', width: 10, value: (r) => ERNST.labels[r.ernst]?.nl ?? r.ernst },
    { header: 'Status', kind: 'text', width: 18, value: (r) => INCIDENT_STATUS.labels[r.status]?.nl ?? r.status },
    { header: 'Daders', kind: 'text', width: 30, value: (r) => r.daders },
    { header: 'Slachtoffers', kind: 'text', width: 30, value: (r) => r.slachtoffers },
    { header: 'Maatregelen', kind: 'number', width: 12, value: (r) => r.aantalMaatregelen },
    { header: 'Omschrijving', kind: 'text', width: 60, value: (r) => r.omschrijving },
  ];
}

const personColumns: Column<PersonRow>[] = [
  { header: 'Naam', kind: 'text', width: 28, value: (r) => r.naam },
  { header: 'Soort', kind: 'text', width: 16, value: (r) => PERSOON_SOORT.labels[r.soort]?.nl ?? r.soort },
  { header: 'Groep/klas', kind: 'text', width: 11, value: (r) => r.groep },
  { header: 'Leerlingnummer', kind: 'text', width: 15, value: (r) => r.leerlingnummer },
  { header: 'Functie', kind: 'text', width: 20, value: (r) => r.functie },
  { header: 'Geboortedatum', kind: 'date', width: 14, value: (r) => r.geboortedatum },
  { header: 'E-mail', kind: 'text', width: 28, value: (r) => r.email },
  { header: 'Uitgeschreven op', kind: 'date', width: 16, value: (r) => r.uitgeschrevenOp },
  { header: 'Meldingen', kind: 'number', width: 11, value: (r) => r.aantalMeldingen },
];

async function file<T>(
  ctx: Ctx,
  what: 'meldingen' | 'personen',
  format: 'csv' | 'xlsx',
  columns: Column<T>[],
  rows: T[],
  filter: unknown,
): Promise<FileOut> {
  if (!rows.length) throw new CoreError('NIET_GEVONDEN', 'Er zijn geen rijen om te exporteren met deze filters.');
  const stamp = ctx.today().replaceAll('-', '');
  const suffix = (filter as { filter?: { schooljaar?: string } }).filter?.schooljaar;
  const bestandsnaam = `${what}${suffix ? `-${suffix}` : ''}-${stamp}.${format}`;
  // papaparse and exceljs are loaded when an export is made, not when the core starts.
  const bytes =
    format === 'csv'
      ? (await import('./csv')).toCsv(columns, rows)
      : await (await import('./xlsx')).toXlsx(what === 'meldingen' ? 'Meldingen' : 'Personen', columns, rows, ctx.now());
  ctx.tx(() => ctx.audit('export', what, 'geexporteerd', null, { bestandsnaam, format, aantalRijen: rows.length, filter }));
  return {
    bestandsnaam,
    mime: format === 'csv' ? 'text/csv;charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    inhoudBase64: bytes.toString('base64'),
  };
}

export function exportIncidents(ctx: Ctx, input: Parsed<'exports.incidents'>): Promise<FileOut> {
  const { format, ...list } = input;
  const rows = allRows((offset, limit, na) => listIncidents(ctx.db, { ...list, offset, limit, na }));
  return file(ctx, 'meldingen', format, incidentColumns(ctx), rows, list);
}

export function exportPeople(ctx: Ctx, input: Parsed<'exports.people'>): Promise<FileOut> {
  const { format, ...list } = input;
  const rows = allRows((offset, limit) => listPeople(ctx.db, { ...list, offset, limit }, ctx.today()));
  return file(ctx, 'personen', format, personColumns, rows, list);
}
