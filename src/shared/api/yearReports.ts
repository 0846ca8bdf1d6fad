// The yearly report (Jaarverslag) as figures and as .docx, the evaluation pack, and the exports of
// the grid views (CSV for Dutch Excel, .xlsx) (docs/PRIVACY.md). The yearly figures are aggregated
// and de-identified: no names, and counts below the school's minimum group size are suppressed.
import { z } from 'zod';
import { PERSOON_SOORT } from '../domain';
import type { PersoonSoort, Rol } from '../domain';
import { id, line, optional, schooljaar, sortDir } from './common';
import { incidentFilter, incidentSortField } from './incidents';
import { peopleSortField } from './people';
import { read, write } from './define';
import { CIJFERS, SCHOOLLEIDER } from './roles';

/** A file produced by the core, for the door to save or download. */
export interface FileOut {
  bestandsnaam: string;
  mime: string;
  inhoudBase64: string;
}

/**
 * One published count. A suppressed count never carries its value across the boundary:
 * `waarde` is null and `tekst` says "< 5" (too small) or "x" (hidden so a small count
 * cannot be worked out from the total and the other cells).
 */
export interface Cell {
  waarde: number | null;
  tekst: string;
  onderdrukt: 'klein' | 'aanvullend' | null;
}

export interface FigureRow {
  key: string;
  label: string;
  huidig: Cell;
  vorig: Cell;
  /** "+50%", "−33%", "0%", "nieuw" or "–" when it cannot be shown. */
  verandering: string;
}

export type FigureTableKey =
  | 'categorie'
  | 'platform'
  | 'maand'
  | 'ernst'
  | 'locatie'
  | 'status'
  | 'maatregel'
  | 'maatregelCategorie'
  | 'externeMelding'
  | 'verplichtingen';

export interface FigureTable {
  key: FigureTableKey;
  titel: string;
  rows: FigureRow[];
  totaal: FigureRow;
}

export interface RoleRow {
  soort: PersoonSoort;
  label: string;
  /** Distinct people per role in the incidents of the year. */
  cellen: Record<Rol, Cell>;
}

export interface RoleTable {
  rows: RoleRow[];
  /** Distinct people per role (each person has one kind, so this is the column's sum). */
  totaal: Record<Rol, Cell>;
}

export interface YearReport {
  schooljaar: string;
  vorigSchooljaar: string;
  periode: { start: string; end: string };
  schoolNaam: string;
  /** The day the figures were made (YYYY-MM-DD). */
  gemaaktOp: string;
  minimaleGroepsgrootte: number;
  /** A version that leaves the school (board, MR, website): small counts about people suppressed. Otherwise the real numbers. */
  extern: boolean;
  /** False when the previous school year has no data at all: its cells say "geen gegevens". */
  vorigJaarGegevens: boolean;
  meldingen: FigureRow;
  tabellen: FigureTable[];
  rollen: RoleTable;
  vorigeRollen: RoleTable;
  herhaling: {
    /** People involved as dader in at least one incident of the year. */
    daders: Cell;
    /** …of whom in more than one. */
    herhaalDaders: Cell;
    /** "12%", or "–" when a count is suppressed. */
    percentage: string;
    vorigPercentage: string;
  };
  /**
   * The obligations judged honestly (never suppressed: they are about the school, not a person).
   * An open obligation past its term is late; `percentage` is on time over what can be judged
   * (on time + done late + open and late), "–" when nothing can be judged yet.
   */
  tijdigheid: { opTijd: number; teLaat: number; openTeLaat: number; openBinnenTermijn: number; percentage: string };
  /** Days from report (datum melding) to closing, over the year's closed incidents whose closing the app saw. */
  doorlooptijd: { afgehandeld: Cell; mediaanDagen: number | null; langsteDagen: number | null };
  /** Whether the obligations engine's table exists; otherwise that table is empty. */
  verplichtingenBeschikbaar: boolean;
  /** Short generated Dutch sentences, e.g. "Het aantal meldingen van pesten steeg van 12 naar 18 (+50%)." */
  samenvatting: string[];
  /** A short analysis (3–5 sentences) generated from the figures above. */
  analyse: string[];
}

export const reportSettingsInput = z.object({
  /** Counts about people below this are shown as "< n" in the version that leaves the school (de-identification). */
  minimaleGroepsgrootte: z
    .number({ error: 'Vul een aantal in.' })
    .int({ error: 'Vul een heel getal in.' })
    .min(2, { error: 'Gebruik minstens 2.' })
    .max(50, { error: 'Gebruik hoogstens 50.' })
    .default(5),
});
export type ReportSettings = z.output<typeof reportSettingsInput>;

/** true: the version for outside the school, with small counts about people suppressed. */
const extern = z.boolean({ error: 'Kies intern of extern.' }).default(false);

const exportFormat = z.enum(['csv', 'xlsx'], { error: 'Kies CSV of Excel.' });

export const incidentExportInput = z.object({
  format: exportFormat,
  sort: z.object({ field: incidentSortField, dir: sortDir }).default({ field: 'datumVoorval', dir: 'desc' }),
  filter: incidentFilter,
  search: optional(line(200)),
});
export type IncidentExportInput = z.input<typeof incidentExportInput>;

export const peopleExportInput = z.object({
  format: exportFormat,
  sort: z.object({ field: peopleSortField, dir: sortDir }).default({ field: 'naam', dir: 'asc' }),
  soort: z.array(z.enum(PERSOON_SOORT.codes)).max(4).optional(),
  search: optional(line(100)),
  inclusiefUitgeschreven: z.boolean().default(true),
});
export type PeopleExportInput = z.input<typeof peopleExportInput>;

export const yearReportsApi = {
  /** The figures of the yearly report, for the Rapportages page. */
  'reports.year': read<YearReport>()(
    z.object({
      schooljaar,
      extern,
      /** The language of `samenvatting` and `analyse` on screen (default Dutch); the Word report is always Dutch. */
      taal: z.enum(['nl', 'en']).optional(),
    }),
    { rollen: CIJFERS },
  ),
  /** The yearly report as a Word document. Making it is recorded in the audit trail. */
  'reports.yearDocx': read<FileOut>()(z.object({ schooljaar, extern }), { rollen: CIJFERS }),
  /** The yearly report plus the agenda and last year's actions, for the meeting with the anti-pestcoördinator. */
  'reports.evaluationPack': read<FileOut>()(z.object({ evaluationId: id, extern }), { rollen: CIJFERS }),
  'reports.settings.get': read<ReportSettings>()(z.object({}), { rollen: CIJFERS }),
  'reports.settings.save': write<ReportSettings>()(reportSettingsInput, { rollen: SCHOOLLEIDER }),
  /** The incidents grid with the same filters, as CSV or .xlsx. Personal data leaving the app: audited. */
  'exports.incidents': read<FileOut>()(incidentExportInput, { rollen: SCHOOLLEIDER }),
  /** The people grid with the same filters, as CSV or .xlsx. Audited. */
  'exports.people': read<FileOut>()(peopleExportInput, { rollen: SCHOOLLEIDER }),
};
