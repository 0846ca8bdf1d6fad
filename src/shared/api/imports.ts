// Imports: rosters (EDEXML, CSV, .xlsx) of pupils, guardians and staff, and protocols (.docx,
// .pdf, .txt). A roster import is always read → dry run → apply; a protocol import is read →
// reviewed and corrected in the app → matched against the previous version → saved as a new version.
import { z } from 'zod';
import { fileName, id, isoDate, line, optional } from './common';
import { read, write, writeInSteps } from './define';
import { SCHOOLLEIDER } from './roles';
import { protocolInput } from './protocols';
import type { ProtocolSummary, ProtocolVersion } from './protocols';

/** The largest file we accept (DESIGN: an export of a big school is a few MB). */
export const MAX_BESTAND_BYTES = 20 * 1024 * 1024;

/** A file as it crosses the API: its name (for the format) and its bytes in base64. */
export const bestandInput = z.object({
  naam: fileName(255),
  inhoud: z
    .string({ error: 'Kies een bestand.' })
    .min(1, { error: 'Het bestand is leeg.' })
    .max(Math.ceil(MAX_BESTAND_BYTES / 3) * 4 + 4, { error: 'Het bestand is groter dan 20 MB. Maak een kleinere export.' })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'De inhoud van het bestand is niet goed doorgegeven (geen base64).' }),
});
export type BestandInput = z.input<typeof bestandInput>;

export const ROSTER_SOORT = ['leerlingen', 'medewerkers'] as const;
export type RosterSoort = (typeof ROSTER_SOORT)[number];

/** The fields a roster column can be mapped to. Which apply depends on the kind of list. */
export const ROSTER_VELDEN = [
  'leerlingnummer',
  'personeelsnummer',
  'eckId',
  'voornamen',
  'roepnaam',
  'voorletters',
  'tussenvoegsel',
  'achternaam',
  'geslacht',
  'geboortedatum',
  'groep',
  'leerjaar',
  'opleiding',
  'functie',
  'organisatie',
  'email',
  'telefoon',
  'straat',
  'postcode',
  'plaats',
  'ingeschrevenOp',
  'uitgeschrevenOp',
  'ouder1Naam',
  'ouder1Email',
  'ouder1Telefoon',
  'ouder2Naam',
  'ouder2Email',
  'ouder2Telefoon',
] as const;
export type RosterVeld = (typeof ROSTER_VELDEN)[number];

const LEERLING_VELDEN: readonly RosterVeld[] = ROSTER_VELDEN.filter((v) => !['personeelsnummer', 'functie', 'organisatie'].includes(v));
const MEDEWERKER_VELDEN: readonly RosterVeld[] = ROSTER_VELDEN.filter(
  (v) => !['leerlingnummer', 'groep', 'leerjaar', 'opleiding'].includes(v) && !v.startsWith('ouder'),
);
/** The fields that make sense for each kind of list (the mapping UI offers these). */
export const VELDEN_PER_SOORT: Record<RosterSoort, readonly RosterVeld[]> = { leerlingen: LEERLING_VELDEN, medewerkers: MEDEWERKER_VELDEN };

/** One target field per column (null: the column is not imported), in the file's column order. */
export const koppelingInput = z
  .array(z.enum(ROSTER_VELDEN, { error: 'Onbekend veld in de koppeling.' }).nullable())
  .max(500)
  .refine((k) => new Set(k.filter((v) => v !== null)).size === k.filter((v) => v !== null).length, {
    error: 'Een veld is aan twee kolommen gekoppeld. Koppel elk veld aan hoogstens één kolom.',
  });

const rosterBase = {
  bestand: bestandInput,
  /** Leave out to let the import decide from the columns (EDEXML holds both). */
  soort: z.enum(ROSTER_SOORT, { error: 'Kies leerlingen of medewerkers.' }).optional(),
  /** The name of the source (e.g. "Magister"); with the header signature it selects a saved mapping. */
  bronNaam: optional(line(80)),
};

export const rosterInput = z.object({
  ...rosterBase,
  /** Leave out to use the saved mapping of this source, or the recognised headers. */
  koppeling: koppelingInput.optional(),
  /** The file is the complete list: people of this kind who are not in it are marked as left. */
  volledig: z.boolean().default(false),
  /** Apply the other rows when some rows have errors (those rows are skipped). */
  foutRegelsOverslaan: z.boolean().default(false),
  /** Remember the mapping for this source (on apply). */
  onthouden: z.boolean().default(true),
});
export type RosterInput = z.input<typeof rosterInput>;

export type RosterFormaat = 'edexml' | 'csv' | 'xlsx';

export interface RosterKolom {
  index: number;
  kop: string;
  /** The field the column is mapped to now (saved mapping, recognised header, or null). */
  veld: RosterVeld | null;
  /** The first few values, for the preview. */
  voorbeelden: string[];
}

export interface RosterPreview {
  formaat: RosterFormaat;
  /** How the text was decoded: 'utf-8', 'utf-8-bom', 'windows-1252' (CSV only). */
  codering: string | null;
  /** ';', ',' or '\t' (CSV only). */
  scheidingsteken: string | null;
  /** The kind of list, as chosen or as guessed from the columns. */
  soort: RosterSoort;
  /** For EDEXML: how many pupils and staff the file holds. */
  aantalLeerlingen: number;
  aantalMedewerkers: number;
  kolommen: RosterKolom[];
  /** The file line of the header row and the first rows below it (cells in column order). */
  kopRegel: number | null;
  voorbeeldRegels: { regel: number; cellen: string[] }[];
  aantalRijen: number;
  /** The header signature: with a name, it identifies a source whose mapping is remembered. */
  handtekening: string | null;
  /** The saved source whose mapping is used, if any. */
  bron: { id: number; naam: string } | null;
  /** Other saved sources with the same header signature. */
  bekendeBronnen: { id: number; naam: string }[];
  /** The name we suggest for a new source (from the header names: "Magister", "Somtoday", …). */
  voorgesteldeBronNaam: string;
  /** Plain Dutch remarks about the file (nothing recognised, decoded as Windows-1252, …). */
  opmerkingen: string[];
}

export interface RosterProbleem {
  /** The line in the file (1 = the first line), or null for the file as a whole. */
  regel: number | null;
  ernst: 'fout' | 'waarschuwing';
  veld: RosterVeld | null;
  melding: string;
}

export type PlanWaarde = string | number | null;

export interface PlanNieuw {
  regel: number;
  soort: 'leerling' | 'medewerker';
  sleutel: string;
  naam: string;
  groep: string | null;
}

export interface PlanWijziging {
  regel: number;
  personId: number;
  soort: 'leerling' | 'medewerker';
  sleutel: string;
  naam: string;
  wijzigingen: { veld: RosterVeld; oud: PlanWaarde; nieuw: PlanWaarde }[];
}

export interface PlanUitschrijving {
  personId: number;
  soort: 'leerling' | 'medewerker';
  sleutel: string;
  naam: string;
  groep: string | null;
}

export interface PlanOuder {
  regel: number;
  leerling: string;
  naam: string;
  email: string | null;
  /** aanmaken: a new ouder; koppelen: an existing ouder linked to this pupil; bijwerken: name/phone changed. */
  actie: 'aanmaken' | 'koppelen' | 'bijwerken';
}

export interface RosterTotalen {
  rijen: number;
  aanmaken: number;
  bijwerken: number;
  ongewijzigd: number;
  uitschrijven: number;
  overgeslagen: number;
  oudersAanmaken: number;
  oudersKoppelen: number;
  oudersBijwerken: number;
  fouten: number;
  waarschuwingen: number;
}

export interface RosterPlan {
  formaat: RosterFormaat;
  soort: RosterSoort;
  volledig: boolean;
  bronNaam: string;
  handtekening: string | null;
  koppeling: (RosterVeld | null)[];
  aanmaken: PlanNieuw[];
  bijwerken: PlanWijziging[];
  uitschrijven: PlanUitschrijving[];
  ouders: PlanOuder[];
  problemen: RosterProbleem[];
  totalen: RosterTotalen;
  /** False while there are errors and foutRegelsOverslaan is off. */
  kanToepassen: boolean;
}

export interface RosterResult extends RosterPlan {
  runId: number;
}

export interface ImportSource {
  id: number;
  naam: string;
  soort: RosterSoort;
  kolommen: string[];
  koppeling: (RosterVeld | null)[];
  updatedAt: string;
}

export interface ImportRun {
  id: number;
  at: string;
  actor: string;
  soort: RosterSoort | 'protocol';
  bestandsnaam: string;
  formaat: string;
  bronNaam: string | null;
  volledig: boolean;
  aangemaakt: number;
  bijgewerkt: number;
  ongewijzigd: number;
  uitgeschreven: number;
  overgeslagen: number;
  protocolId: number | null;
}

// ---- protocols ----

export interface DraftRule {
  nummer: string;
  tekst: string;
  /** Where the rule starts in the document's text (line for .txt/.pdf, paragraph for .docx). */
  regel: number;
}

export interface DraftSection {
  nummer: string | null;
  titel: string;
  regel: number;
  regels: DraftRule[];
}

export interface ProtocolDraft {
  formaat: 'docx' | 'pdf' | 'txt';
  bestandsnaam: string;
  sha256: string;
  titel: string;
  versie: string | null;
  vastgesteldOp: string | null;
  mrInstemmingOp: string | null;
  ingangsdatum: string | null;
  secties: DraftSection[];
  /** Text that was not taken as a rule, and why, for the reviewer. */
  overgeslagen: { regel: number; tekst: string; reden: OvergeslagenReden }[];
}

/** Why text was not taken as a rule; the first four are context the reviewer may want to read. */
export type OvergeslagenReden =
  'inleiding' | 'doel' | 'voorbeeld' | 'begrip' | 'kop' | 'gegevens' | 'scheiding' | 'voetnoot' | 'link' | 'overig';

const matchSection = z.object({
  nummer: optional(line(20)),
  titel: line(200),
  regels: z.array(z.object({ nummer: line(20), tekst: z.string().max(5000) })).max(200),
});

export type MatchReden = 'identiek' | 'zelfde_nummer' | 'vergelijkbaar';

export interface RuleMatch {
  sectie: number;
  regel: number;
  vorigeRegelId: number | null;
  vorigNummer: string | null;
  vorigeTekst: string | null;
  reden: MatchReden | null;
  /** 0–1, word overlap between the texts. */
  gelijkenis: number;
}

export interface ProtocolMatch {
  vorigeVersie: ProtocolSummary | null;
  regels: RuleMatch[];
  /** Rules of the previous version that no new rule continues. */
  vervallen: { id: number; volledigNummer: string; tekst: string }[];
}

export const importsApi = {
  /** Reads a roster file: format, columns with the suggested mapping, and the first rows. */
  'imports.roster.preview': read<RosterPreview>()(z.object(rosterBase), { rollen: SCHOOLLEIDER }),
  /** What an import would do, without changing anything. */
  'imports.roster.dryRun': read<RosterPlan>()(rosterInput, { rollen: SCHOOLLEIDER }),
  /** Applies the import in one transaction: all or nothing. */
  'imports.roster.apply': writeInSteps<RosterResult>()(rosterInput, { rollen: SCHOOLLEIDER }),
  'imports.sources.list': read<ImportSource[]>()(z.object({}), { rollen: SCHOOLLEIDER }),
  'imports.sources.delete': write<{ id: number }>()(z.object({ id }), { rollen: SCHOOLLEIDER }),
  'imports.runs.list': read<ImportRun[]>()(z.object({ limit: z.number().int().min(1).max(200).default(50) }), { rollen: SCHOOLLEIDER }),
  /** Splits a protocol document into sections and numbered rules, for review. */
  'imports.protocol.read': read<ProtocolDraft>()(z.object({ bestand: bestandInput }), { rollen: SCHOOLLEIDER }),
  /** Matches reviewed rules to the rules of the previous version (so incidents keep their rule). */
  'imports.protocol.match': read<ProtocolMatch>()(
    z.object({ vorigeVersieId: id.optional(), ingangsdatum: optional(isoDate), secties: z.array(matchSection).max(100) }),
    { rollen: SCHOOLLEIDER },
  ),
  /** Saves the reviewed protocol as a new version; rule ids continue the matched previous rules. */
  'imports.protocol.save': write<ProtocolVersion>()(
    protocolInput.extend({
      bestand: z.object({
        naam: fileName(255),
        sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: 'Ongeldige controlecode van het bestand.' }),
      }),
    }),
    { rollen: SCHOOLLEIDER },
  ),
};
