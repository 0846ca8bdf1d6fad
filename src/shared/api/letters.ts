// Letters for the dossier: preview, finalise, kenmerk, letter texts, dossier export.
// A letter is first shown as a structured model (LetterModel), rendered as HTML in the app; the same
// model produces the .docx when it is made final. Final letters are never changed: a correction is a
// new letter that refers to the old kenmerk.
import { z } from 'zod';
import { id, isoDate, time, line, optional, text } from './common';
import { read, write, writeInSteps } from './define';
import { IEDEREEN_MET_NAMEN, SCHOOLLEIDER } from './roles';
import type { Instantie, Maatregel } from '../domain';

export const LETTER_KINDS = [
  'uitnodiging_gesprek',
  'uitnodiging_hoorgesprek',
  'waarschuwing',
  'bevestiging_maatregel',
  'schorsing',
  'voornemen_verwijdering',
  'besluit_verwijdering',
  'toegangsverbod',
  'personeel_uitnodiging',
  'personeel_waarschuwing',
  'personeel_voornemen',
  'personeel_besluit',
  'vastlegging_vertrouwensinspecteur',
  'vastlegging_aangifte',
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export const LETTER_KIND_LABEL: Record<LetterKind, { nl: string; en: string }> = {
  uitnodiging_gesprek: { nl: 'Uitnodiging voor een gesprek', en: 'Invitation to a meeting' },
  uitnodiging_hoorgesprek: {
    nl: 'Uitnodiging voor een hoorgesprek (voornemen tot verwijdering)',
    en: 'Invitation to a hearing (intended expulsion)',
  },
  waarschuwing: { nl: 'Waarschuwing', en: 'Warning' },
  bevestiging_maatregel: { nl: 'Bevestiging van een maatregel', en: 'Confirmation of a measure' },
  schorsing: { nl: 'Schorsing', en: 'Suspension' },
  voornemen_verwijdering: { nl: 'Voornemen tot verwijdering', en: 'Intended expulsion' },
  besluit_verwijdering: { nl: 'Besluit tot verwijdering', en: 'Expulsion decision' },
  toegangsverbod: { nl: 'Toegangsverbod', en: 'Ban from the premises' },
  personeel_uitnodiging: { nl: 'Medewerker: uitnodiging voor een gesprek', en: 'Staff: invitation to a meeting' },
  personeel_waarschuwing: { nl: 'Medewerker: waarschuwing', en: 'Staff: warning' },
  personeel_voornemen: { nl: 'Medewerker: voornemen tot berisping of schorsing', en: 'Staff: intended reprimand or suspension' },
  personeel_besluit: { nl: 'Medewerker: besluit tot berisping of schorsing', en: 'Staff: decision on reprimand or suspension' },
  vastlegging_vertrouwensinspecteur: {
    nl: 'Vastlegging melding vertrouwensinspecteur',
    en: 'Record of a report to the confidential inspector',
  },
  vastlegging_aangifte: { nl: 'Vastlegging aangifte of melding politie', en: 'Record of a police report' },
};

/**
 * Who a text variant speaks to: the parents/guardians, or the pupil/student, staff member or other person
 * directly; "volwassene" is the pupil or student of 18 or older addressed with "u" (a school setting).
 */
export const TEXT_VARIANTS = ['ouders', 'persoon', 'volwassene'] as const;
export type TextVariant = (typeof TEXT_VARIANTS)[number];

/** A letter number: the year and a number without gaps within that year, e.g. "2026-0042". */
export const kenmerk = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{4,6}$/, { error: 'Een kenmerk is als 2026-0042.' });

// ---------- the letter model (shared by the HTML preview and the .docx) ----------

export type LetterBlock =
  { type: 'alinea'; tekst: string } | { type: 'lijst'; items: string[] } | { type: 'gegevens'; rijen: { label: string; waarde: string }[] };

export interface LetterModel {
  soort: LetterKind;
  /** The text variant used (parents or the person directly). */
  variant: TextVariant;
  briefhoofd: {
    schoolNaam: string;
    /** Address, phone, e-mail, BRIN: one line each. */
    regels: string[];
    /** Size of the logo as placed in the letter, when the school has one. */
    logo: { breedteMm: number; hoogteMm: number } | null;
  };
  /** Null while the letter is a concept; assigned at finalising. */
  kenmerk: string | null;
  /** ISO date of the letter. */
  datum: string;
  /** "Tiel, 21 november 2026" */
  plaatsDatum: string;
  /** E.g. "Persoonlijk en vertrouwelijk", "Aangetekend" (above the address). */
  vermelding: string[];
  geadresseerde: {
    /** The person the letter is sent to (null for a note for the file). */
    personId: number | null;
    /** Name and address lines, the last one "1234 AB  PLAATS". */
    regels: string[];
  };
  betreft: string;
  aanhef: string | null;
  inhoud: LetterBlock[];
  afsluiting: string | null;
  /** namens: "Namens het bevoegd gezag van …" above the signature of a decision (null otherwise). */
  ondertekening: { naam: string; functie: string | null; organisatie: string; namens: string | null };
  bijlagen: string[];
  afschrift: string[];
  /** The kenmerk of the letter this one corrects. */
  correctieVan: string | null;
}

// ---------- requests ----------

export const letterRequest = z
  .object({
    soort: z.enum(LETTER_KINDS, { error: 'Kies een soort brief.' }),
    /** The measure the letter is about (all kinds except the notes for the file). */
    measureId: id.optional(),
    /** The report to an authority (vastlegging_vertrouwensinspecteur, vastlegging_aangifte). */
    reportId: id.optional(),
    /** For a note about a report without a person: whose dossier it goes in. */
    personId: id.optional(),
    /** The appointment, for an invitation. */
    afspraak: z
      .object({
        datum: isoDate,
        tijd: time,
        plaats: optional(line(200)),
        metWie: optional(line(200)),
      })
      .optional(),
    /** Attachments to list (besides the ones the kind always has). */
    bijlagen: z
      .array(line(200).min(1, { error: 'Vul de naam van de bijlage in.' }))
      .max(10)
      .default([]),
    /** When this letter corrects an earlier final letter: that letter's kenmerk and why. */
    correctieVan: optional(kenmerk),
    correctieReden: optional(text(1000)),
    /** Finalise although the feiten still name another pupil (the school leader checked them). */
    namenBevestigd: z.boolean({ error: 'Bevestig met ja of nee dat de namen in de feiten mogen blijven staan.' }).optional(),
  })
  .refine((r) => (r.measureId === undefined) !== (r.reportId === undefined), {
    error: 'Kies de maatregel of de melding waar de brief over gaat.',
    path: ['measureId'],
  })
  .refine((r) => !r.correctieVan || (r.correctieReden ?? '').trim().length > 0, {
    error: 'Geef aan wat er in de nieuwe brief verbeterd is.',
    path: ['correctieReden'],
  });
export type LetterRequest = z.input<typeof letterRequest>;

export interface ConceptDocx {
  /** One concept document per addressee, in the order of the preview. */
  brieven: { bestandsnaam: string; inhoudBase64: string }[];
  waarschuwingen: string[];
}

export interface LetterPreview {
  /** One letter per addressee (e.g. per guardian address), in the order they will be numbered. */
  brieven: LetterModel[];
  /** Things the school leader should know before finalising (e.g. a guardian without an address). */
  waarschuwingen: string[];
  /** The school's logo as a data URL, for the preview (null without a logo). */
  logoDataUrl: string | null;
  /** This letter's own account of what happened (null: the letter is not about an incident). */
  feiten: LetterFeiten | null;
}

/**
 * What one letter (kind + measure, or kind + report) says happened: proposed from the incident
 * description with every other known person replaced by their role, editable until it is final.
 */
export interface LetterFeiten {
  /** The text in force: the school leader's edit, else the proposal. */
  tekst: string;
  /** True when the school leader edited it (a stored concept). */
  bewerkt: boolean;
  /** The incident description changed after the edit was saved. */
  meldingGewijzigd: boolean;
  /** Known names of other people still in the text. */
  namen: {
    tekst: string;
    leerling: boolean;
    /** Also a name (part) of the person the letter is about or of an addressee. */
    gedeeld: boolean;
  }[];
  /** Capitalised words inside a sentence: perhaps a name the app does not know. */
  woorden: string[];
  /** Sentences of the proposal where a possessive name ("Sannes mentor") became a role: rewrite them. */
  nakijken: string[];
}

/** Names of other pupils still in the feiten, which the school leader confirms before finalising (a part the subject shares is only marked). */
export const feitenPupilNames = (f: LetterFeiten | null | undefined): string[] => [
  ...new Set((f?.namen ?? []).filter((n) => n.leerling && !n.gedeeld).map((n) => n.tekst)),
];

const letterKey = {
  soort: z.enum(LETTER_KINDS, { error: 'Kies een soort brief.' }),
  measureId: id.optional(),
  reportId: id.optional(),
  personId: id.optional(),
};
const oneSource = (r: { measureId?: number; reportId?: number }) => (r.measureId === undefined) !== (r.reportId === undefined);
const oneSourceError = { error: 'Kies de maatregel of de melding waar de brief over gaat.', path: ['measureId'] };
export const feitenKeyInput = z.object(letterKey).refine(oneSource, oneSourceError);
export const feitenSaveInput = z
  .object({
    ...letterKey,
    tekst: text(20000).refine((s) => s.trim().length > 0, {
      error: 'Vul de feiten in, of kies “Herstel voorstel” om met de beschrijving van de melding te beginnen.',
    }),
  })
  .refine(oneSource, oneSourceError);

export interface LetterSummary {
  id: number;
  kenmerk: string;
  soort: LetterKind;
  titel: string;
  betreft: string;
  personId: number;
  measureId: number | null;
  incidentId: number | null;
  reportId: number | null;
  geadresseerdeId: number | null;
  geadresseerde: string;
  bestandsnaam: string;
  sha256: string;
  grootte: number;
  correctieVan: string | null;
  correctieReden: string | null;
  /** Kenmerken of later letters that correct this one. */
  gecorrigeerdDoor: string[];
  definitiefOp: string;
  definitiefDoor: string;
}

export interface FinaliseResult {
  brieven: LetterSummary[];
  /**
   * Absolute path of the first final letter: the Electron door opens it in the word processor
   * (src/main/electron/ipc.ts); the browser preview ignores it and calls letters.download.
   * The other addressees' letters open from the letter list (letters.open).
   */
  openFile: string;
  /** Obligations marked done by this letter (their titles). */
  verplichtingenAfgerond: string[];
}

// ---------- texts per kind ----------

export interface PlaceholderInfo {
  /** Without braces, e.g. "schorsing.startdatum". */
  naam: string;
  uitleg: string;
  /** True when it expands to a list and must stand on its own line. */
  blok: boolean;
}

export interface LetterSectionText {
  code: string;
  label: string;
  /** When the section is used (e.g. "Alleen als de schorsing langer dan één dag duurt"). */
  wanneer: string;
  /** Per variant: the current text, the default and whether the school changed it. */
  teksten: { variant: TextVariant; tekst: string; standaard: string; aangepast: boolean }[];
}

export interface LetterKindTexts {
  soort: LetterKind;
  titel: string;
  /** The variants this kind has (pupil letters: parents and the pupil directly). */
  varianten: TextVariant[];
  secties: LetterSectionText[];
  placeholders: PlaceholderInfo[];
}

export const textsSaveInput = z.object({
  soort: z.enum(LETTER_KINDS, { error: 'Kies een soort brief.' }),
  /** Section code → variant → text. A text equal to the default (or empty) falls back to the default. */
  teksten: z.record(z.string().regex(/^[a-z_]{1,40}$/), z.partialRecord(z.enum(TEXT_VARIANTS), text(10000))),
});

// ---------- settings (logo) ----------

export interface LettersSettings {
  logo: { mime: 'image/png' | 'image/jpeg'; breedtePx: number; hoogtePx: number; grootte: number; sha256: string } | null;
  /** The logo as a data URL, for the settings page. */
  logoDataUrl: string | null;
  /** The place on the date line; empty = the school's place. */
  plaats: string | null;
  /** Where an objection goes (name and address of the board); empty = the school board and the school's address. */
  bezwaarAdres: string | null;
  /** How letters address a pupil or student of 18 or older: "je" or "u". */
  volwassenen: 'je' | 'u';
}

export const settingsSaveInput = z.object({
  plaats: optional(line(100)),
  bezwaarAdres: optional(line(300)),
  /** How letters address a pupil or student of 18 or older; absent keeps the setting. */
  volwassenen: z.enum(['je', 'u'], { error: 'Kies "je" of "u".' }).optional(),
  /** A new logo (PNG or JPEG, at most 1 MB), base64; null removes the logo; absent keeps it. */
  logoBase64: z.string().max(1_500_000, { error: 'Het logo mag hoogstens 1 MB zijn.' }).nullable().optional(),
});

// ---------- the dossier export ----------

export const DOSSIER_EXPORT_REDEN = ['inzageverzoek', 'overdracht', 'overig'] as const;

export const dossierExportInput = z.object({
  personId: id,
  reden: z.enum(DOSSIER_EXPORT_REDEN, { error: 'Kies waarvoor het dossier wordt geëxporteerd.' }),
  toelichting: optional(text(1000)),
});

export interface DossierExportResult {
  bestandsnaam: string;
  sha256: string;
  grootte: number;
  /** Absolute path of the export, for the Electron door to open (see FinaliseResult.openFile). */
  openFile: string;
  /** The document, base64, for the browser preview to download. */
  inhoudBase64: string;
  /** How many other pupils' names were replaced by a role. */
  vervangenNamen: number;
}

/** One letter kind as the core defines it (src/main/letters/kinds.ts), for screens that offer letters. */
export interface LetterKindInfo {
  soort: LetterKind;
  titel: string;
  /** What the letter is about: a measure, or a report to an authority. */
  bron: 'measure' | 'report';
  /** The letter needs an appointment (date, time, place): an invitation. */
  afspraak: boolean;
  /** The measures it is written for (bron measure; null: any). */
  maatregelen: Maatregel[] | null;
  /** The authorities whose reports it records (bron report; null: any). */
  instanties: Instantie[] | null;
}

export const lettersApi = {
  /** Every letter kind: what it is about and whether it needs an appointment. */
  'letters.kinds': read<LetterKindInfo[]>()(z.object({}), { rollen: IEDEREEN_MET_NAMEN }),
  /** Which letter kinds fit a measure or a report (for the "Brief maken" menu), and whether each needs an appointment (date, time, place). */
  'letters.kindsFor': read<{ soort: LetterKind; titel: string; afspraak: boolean }[]>()(
    z.object({ measureId: id.optional(), reportId: id.optional() }),
    { rollen: SCHOOLLEIDER },
  ),
  'letters.preview': read<LetterPreview>()(letterRequest, { rollen: SCHOOLLEIDER }),
  /** The letters of a preview as concept .docx files (CONCEPT mark, no kenmerk), nothing recorded. */
  'letters.conceptDocx': read<ConceptDocx>()(letterRequest, { rollen: SCHOOLLEIDER }),
  /** Makes the letter(s) final: kenmerk, .docx written once with its SHA-256, recorded on the dossier and the measure. */
  'letters.finalise': writeInSteps<FinaliseResult>()(letterRequest, { rollen: SCHOOLLEIDER }),
  /** Saves the school leader's own feiten for this letter (until a letter of this kind is final, and for a later one). */
  'letters.feiten.save': write<LetterFeiten>()(feitenSaveInput, { rollen: SCHOOLLEIDER }),
  /** Back to the proposal made from the incident description. */
  'letters.feiten.reset': write<LetterFeiten>()(feitenKeyInput, { rollen: SCHOOLLEIDER }),
  'letters.list': read<LetterSummary[]>()(z.object({ personId: id.optional(), measureId: id.optional(), incidentId: id.optional() }), { rollen: SCHOOLLEIDER }),
  'letters.get': read<LetterSummary & { model: LetterModel }>()(z.object({ id }), { rollen: SCHOOLLEIDER }),
  /** Opens a final letter in the word processor (Electron door, via openFile); the SHA-256 is checked first. */
  'letters.open': read<{ openFile: string; bestandsnaam: string }>()(z.object({ id }), { rollen: SCHOOLLEIDER }),
  /** The final .docx, base64 (browser preview download); the SHA-256 is checked first. */
  'letters.download': read<{ bestandsnaam: string; inhoudBase64: string; sha256: string }>()(z.object({ id }), { rollen: SCHOOLLEIDER }),
  'letters.texts.get': read<LetterKindTexts>()(z.object({ soort: z.enum(LETTER_KINDS, { error: 'Kies een soort brief.' }) }), { rollen: SCHOOLLEIDER }),
  /** Saves the school's own texts; an unknown placeholder is refused (VALIDATIE, naming it). */
  'letters.texts.save': write<LetterKindTexts>()(textsSaveInput, { rollen: SCHOOLLEIDER }),
  'letters.texts.reset': write<LetterKindTexts>()(z.object({ soort: z.enum(LETTER_KINDS, { error: 'Kies een soort brief.' }) }), { rollen: SCHOOLLEIDER }),
  'letters.settings.get': read<LettersSettings>()(z.object({}), { rollen: SCHOOLLEIDER }),
  'letters.settings.save': write<LettersSettings>()(settingsSaveInput, { rollen: SCHOOLLEIDER }),
  /** A person's whole record as one .docx (access request, transfer); other pupils' names replaced; audited. */
  'letters.dossierExport': writeInSteps<DossierExportResult>()(dossierExportInput, { rollen: SCHOOLLEIDER }),
};
