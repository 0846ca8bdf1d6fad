// What a school sends to its board (docs/BOARD.md): the de-identified figures of one school year
// and the one before, taken from the yearly report's version for outside the school (reports/
// yearReport.ts with extern, suppressed by reports/publish.ts), never recomputed here. Only counts
// and the vocabularies' own labels go in: no name, no id, no text a user typed. A school's own
// categories have labels typed by users, so they go as one row "Eigen categorie van de school",
// suppressed again through publish.ts over the regrouped counts.
import { z } from 'zod';
import type { DB } from '../db/open';
import type { FigureRow, FigureTable, FigureTableKey, YearReport } from '@shared/api/yearReports';
import { CATEGORIE, SECTOR } from '@shared/domain';
import { previousSchoolYear } from '@shared/schoolYear';
import { yearReport } from '../reports/yearReport';
import { rawYear } from '../reports/figures';
import type { Counts } from '../reports/figures';
import { comparisonRows, noData } from '../reports/publish';
import { getSchool } from '../school/school';
import { APP_VERSION } from '../school/status';
import { CoreError } from '../errors/errors';

export const FORMAT = 'schoolprotocol-bestuurscijfers';
export const FORMAT_VERSION = 1;

export const EIGEN = { key: 'eigen', label: 'Eigen categorie van de school' };

const count = z.number().int().min(0).max(100_000_000);

export const cellSchema = z
  .object({
    waarde: count.nullable(),
    tekst: z.string().max(40),
    onderdrukt: z.enum(['klein', 'aanvullend']).nullable(),
  })
  .strict()
  .refine((c) =>
    c.waarde !== null
      ? c.onderdrukt === null && c.tekst === String(c.waarde)
      : c.onderdrukt !== null
        ? /^(< \d{1,2}|x)$/.test(c.tekst)
        : c.tekst === 'geen gegevens',
  );

const TABLE_KEYS = [
  'categorie',
  'platform',
  'maand',
  'ernst',
  'locatie',
  'status',
  'maatregel',
  'maatregelCategorie',
  'externeMelding',
  'verplichtingen',
] as const satisfies readonly FigureTableKey[];

const label = z.string().min(1).max(120);

const tableSchema = z
  .object({
    key: z.enum(TABLE_KEYS),
    titel: label,
    rijen: z
      .array(z.object({ key: z.string().regex(/^[a-z0-9_]{1,60}$/), label, huidig: cellSchema, vorig: cellSchema }).strict())
      .max(200),
    totaal: z.object({ huidig: cellSchema, vorig: cellSchema }).strict(),
  })
  .strict();

/** The signed content of a figures file (everything but the signature). */
export const contentSchema = z
  .object({
    formaat: z.literal(FORMAT),
    versie: z.literal(FORMAT_VERSION),
    school: z
      .object({ naam: z.string().min(1).max(150), brin: z.string().regex(/^\d{2}[A-Z]{2}(\d{2})?$/), sector: z.enum(SECTOR.codes) })
      .strict(),
    schooljaar: z.string().regex(/^\d{4}-\d{4}$/),
    vorigSchooljaar: z.string().regex(/^\d{4}-\d{4}$/),
    appVersie: z.string().max(40),
    gemaaktOp: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    minimaleGroepsgrootte: z.number().int().min(2).max(50),
    jaarGegevens: z.boolean(),
    vorigJaarGegevens: z.boolean(),
    meldingen: z.object({ huidig: cellSchema, vorig: cellSchema }).strict(),
    tabellen: z.array(tableSchema).max(TABLE_KEYS.length),
    doorlooptijd: z.object({ afgehandeld: cellSchema, mediaanDagen: count.nullable(), langsteDagen: count.nullable() }).strict(),
    verplichtingenBeschikbaar: z.boolean(),
    /** The school's raw Ed25519 public key, base64. */
    publiekeSleutel: z.string().max(100),
  })
  .strict();
export type BoardFigures = z.output<typeof contentSchema>;
export type BoardTable = BoardFigures['tabellen'][number];

const isStandard = (code: string) => (CATEGORIE.codes as readonly string[]).includes(code);

/** Counts with every own category summed into EIGEN. */
function regroup(c: Counts): Counts {
  const out: Counts = new Map();
  for (const [k, n] of c) {
    const key = isStandard(k) || k === 'zonder_melding' ? k : EIGEN.key;
    out.set(key, (out.get(key) ?? 0) + n);
  }
  return out;
}

const sum = (c: Counts) => [...c.values()].reduce((s, n) => s + n, 0);

/**
 * The two tables keyed by category, without the labels of the school's own categories. Without own
 * categories in the figures the report's table is taken as it is (only the labels from the
 * vocabulary); with them, the regrouped counts are published again through publish.ts.
 */
function categoryTable(db: DB, r: YearReport, t: FigureTable, today: string): FigureTable {
  const vocabLabel = (row: FigureRow) =>
    isStandard(row.key)
      ? CATEGORIE.labels[row.key as keyof typeof CATEGORIE.labels].nl
      : row.key === 'zonder_melding'
        ? row.label
        : EIGEN.label;
  const own = t.rows.filter((row) => !isStandard(row.key) && row.key !== 'zonder_melding');
  const ownCounted = own.some((row) => row.huidig.tekst !== '0' || row.vorig.tekst !== '0');
  if (!ownCounted) {
    // Own categories without any count are rows of zeros: dropping them changes no suppression.
    return { ...t, rows: t.rows.filter((row) => !own.includes(row)).map((row) => ({ ...row, label: vocabLabel(row) })) };
  }
  const cur = rawYear(db, r.schooljaar, today);
  const prev = rawYear(db, r.vorigSchooljaar, today);
  const pick = (y: typeof cur) => (t.key === 'categorie' ? y.categorie : y.maatregelCategorie);
  const a = regroup(pick(cur));
  const b = regroup(pick(prev));
  const keys = t.rows
    .filter((row) => !own.includes(row) && row.key !== 'zonder_melding')
    .map((row) => ({ key: row.key, label: vocabLabel(row) }));
  keys.push(EIGEN);
  if (t.rows.some((row) => row.key === 'zonder_melding')) keys.push({ key: 'zonder_melding', label: 'Zonder melding' });
  const totals = t.key === 'categorie' ? { huidig: cur.meldingen, vorig: prev.meldingen } : { huidig: sum(a), vorig: sum(b) };
  const { rows, totaal } = comparisonRows(keys, a, b, totals, r.minimaleGroepsgrootte);
  // A year without any record says "geen gegevens", as in the report.
  const curData = r.meldingen.huidig.tekst !== 'geen gegevens';
  const prevData = r.vorigJaarGegevens;
  const blank = (row: FigureRow): FigureRow => ({ ...row, huidig: curData ? row.huidig : noData, vorig: prevData ? row.vorig : noData });
  return { ...t, rows: rows.map(blank), totaal: blank(totaal) };
}

/** The figures of one school year for the board, without the key (added by the signer). */
export function boardFigures(db: DB, schooljaar: string, today: string): Omit<BoardFigures, 'publiekeSleutel'> {
  const school = getSchool(db);
  if (!school) throw new CoreError('REGEL', 'Vul eerst de gegevens van de school in (Instellingen → School).');
  if (!school.brin)
    throw new CoreError(
      'REGEL',
      'Vul eerst het BRIN-nummer van de school in (Instellingen → School): daaraan herkent het bestuur de school.',
    );
  const r = yearReport(db, schooljaar, today, { extern: true });
  const tabellen = r.tabellen.map((t) => (t.key === 'categorie' || t.key === 'maatregelCategorie' ? categoryTable(db, r, t, today) : t));
  return {
    formaat: FORMAT,
    versie: FORMAT_VERSION,
    school: { naam: school.naam, brin: school.brin, sector: school.sector },
    schooljaar,
    vorigSchooljaar: previousSchoolYear(schooljaar),
    appVersie: APP_VERSION,
    gemaaktOp: today,
    minimaleGroepsgrootte: r.minimaleGroepsgrootte,
    jaarGegevens: r.meldingen.huidig.tekst !== 'geen gegevens',
    vorigJaarGegevens: r.vorigJaarGegevens,
    meldingen: { huidig: r.meldingen.huidig, vorig: r.meldingen.vorig },
    tabellen: tabellen.map((t) => ({
      key: t.key,
      titel: t.titel,
      rijen: t.rows.map((row) => ({ key: row.key, label: row.label, huidig: row.huidig, vorig: row.vorig })),
      totaal: { huidig: t.totaal.huidig, vorig: t.totaal.vorig },
    })),
    doorlooptijd: r.doorlooptijd,
    verplichtingenBeschikbaar: r.verplichtingenBeschikbaar,
  };
}
