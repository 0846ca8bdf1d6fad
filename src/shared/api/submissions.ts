// Reports by staff (ingediende meldingen): any staff member reports what they saw, with screenshots;
// the registrar (schoolleider) accepts it as an incident, merges it into an existing one, or declines
// it with a reason the reporter sees (docs/SERVER.md, "Melden door medewerkers").
import { z } from 'zod';
import { ERNST, LOCATIE, PLATFORM, ROL } from '../domain';
import type { Locatie, Platform, Rol } from '../domain';
import { fileName, id, isoDate, line, optional, paging, text, time } from './common';
import type { Page } from './common';
import type { PersonRef } from './people';
import { BEWIJS_TE_GROOT, MAX_BEWIJS_BYTES } from './incidents';
import { read, write } from './define';
import { MELDERS, SCHOOLLEIDER } from './roles';

export const SUBMISSION_STATUS = ['nieuw', 'geaccepteerd', 'samengevoegd', 'afgewezen'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUS)[number];

/** At most this many files with one report. */
export const MAX_MELDING_BESTANDEN = 10;
/** A decline reason says something the reporter can understand: at least this many characters. */
export const MIN_AFWIJSREDEN = 10;

/** A file's base64 form (4 characters for 3 bytes), with 2% room for line breaks. */
const MAX_BASE64 = Math.ceil((MAX_BEWIJS_BYTES / 3) * 4 * 1.02);

export const submissionFileInput = z.object({
  /** The original file name; never used as a path. */
  bestandsnaam: fileName(255),
  /** The file's bytes, base64 (at most MAX_BEWIJS_BYTES, checked again by the core). */
  inhoudBase64: z
    .string({ error: 'Kies een bestand.' })
    .min(1, { error: 'Het bestand is leeg.' })
    .max(MAX_BASE64, { error: BEWIJS_TE_GROOT }),
});

export const submissionInput = z.object({
  wat: text(10000).refine((s) => s.trim().length > 0, { error: 'Beschrijf wat er gebeurde.' }),
  datum: isoDate,
  tijd: optional(time),
  locatie: z.enum(LOCATIE.codes, { error: 'Kies waar het gebeurde.' }),
  platform: z.enum(PLATFORM.codes, { error: 'Kies het platform.' }),
  platformAnders: optional(line(100)),
  /** People from the roster, with the role the reporter thinks each had. */
  personen: z
    .array(z.object({ personId: id, rol: z.enum(ROL.codes, { error: 'Kies een rol.' }) }))
    .max(50, { error: 'Noem hoogstens 50 personen.' })
    .default([]),
  /** Someone not in the list, in the reporter's words. */
  anderen: optional(line(500)),
  bestanden: z
    .array(submissionFileInput)
    .max(MAX_MELDING_BESTANDEN, { error: `Voeg hoogstens ${MAX_MELDING_BESTANDEN} bestanden toe.` })
    .default([]),
});
export type SubmissionInput = z.input<typeof submissionInput>;

export interface SubmissionFile {
  id: number;
  bestandsnaam: string;
  mime: string;
  grootte: number;
  sha256: string;
  /** The evidence row it became on the incident, once accepted or merged. */
  evidenceId: number | null;
}

export interface Submission {
  id: number;
  wat: string;
  datum: string;
  tijd: string | null;
  locatie: Locatie;
  platform: Platform;
  platformAnders: string | null;
  personen: { personId: number; persoon: PersonRef; rol: Rol }[];
  anderen: string | null;
  bestanden: SubmissionFile[];
  /** Who reported, as the audit trail names them. */
  melder: string;
  melderAccountId: number | null;
  status: SubmissionStatus;
  /** The incident it became or was merged into. */
  incidentId: number | null;
  incidentNummer: string | null;
  afwijsreden: string | null;
  behandeldDoor: string | null;
  behandeldOp: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What the reporter sees of their own report: the facts they gave, what became of it. */
export interface OwnSubmission {
  id: number;
  wat: string;
  datum: string;
  status: SubmissionStatus;
  incidentNummer: string | null;
  afwijsreden: string | null;
  aantalBestanden: number;
  createdAt: string;
  behandeldOp: string | null;
}

export interface SubmissionRow {
  id: number;
  datum: string;
  wat: string;
  melder: string;
  status: SubmissionStatus;
  aantalPersonen: number;
  aantalBestanden: number;
  incidentNummer: string | null;
  createdAt: string;
}

export const submissionListInput = z.object({
  ...paging,
  status: z.array(z.enum(SUBMISSION_STATUS)).max(4).optional(),
});

export const acceptInput = z.object({
  id,
  categorie: z.string({ error: 'Kies een categorie.' }).regex(/^[a-z][a-z0-9_]{1,39}$/, { error: 'Kies een categorie.' }),
  ernst: z.enum(ERNST.codes, { error: 'Kies de ernst.' }),
  /** The reporter as a person in the roster, when the registrar knows which; else the reporter's name is kept as text. */
  melderId: id.nullable().optional(),
});

export const mergeInput = z.object({ id, incidentId: id });

export const declineInput = z.object({
  id,
  reden: text(2000).refine((s) => s.trim().length >= MIN_AFWIJSREDEN, {
    error: `Schrijf kort waarom (minstens ${MIN_AFWIJSREDEN} tekens): de melder krijgt deze reden te zien.`,
  }),
});

export const submissionsApi = {
  'submissions.create': write<Submission>()(submissionInput, { rollen: MELDERS }),
  /** The caller's own reports, newest first, with what became of each. */
  'submissions.mine': read<OwnSubmission[]>()(z.object({}), { rollen: MELDERS }),
  'submissions.list': read<Page<SubmissionRow>>()(submissionListInput, { rollen: SCHOOLLEIDER }),
  'submissions.get': read<Submission>()(z.object({ id }), { rollen: SCHOOLLEIDER }),
  /** A file of a report, for viewing; reading it is audited. */
  'submissions.file': read<{ bestand: SubmissionFile; inhoudBase64: string; intact: boolean }>()(z.object({ id }), {
    rollen: SCHOOLLEIDER,
  }),
  'submissions.accept': write<Submission>()(acceptInput, { rollen: SCHOOLLEIDER }),
  'submissions.merge': write<Submission>()(mergeInput, { rollen: SCHOOLLEIDER }),
  'submissions.decline': write<Submission>()(declineInput, { rollen: SCHOOLLEIDER }),
};

export type SubmissionMethod = keyof typeof submissionsApi;
