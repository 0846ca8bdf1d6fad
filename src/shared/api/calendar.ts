// Planning: the school years, the calendar of a school year (the annual evaluation, the recurring
// moments, the obligations' due dates), the evaluation itself, and the .ics export.
import { z } from 'zod';
import { id, isoDate, time, line, requiredLine, optional, text, email, schooljaar } from './common';
import { read, write } from './define';
import { CIJFERS, SCHOOLLEIDER, rollen } from './roles';
import type { ProtocolVersion } from './protocols';
import type { FileOut } from './yearReports';

/** The roles a participant of the evaluation can have; the anti-pestcoördinator is required. */
export const DEELNEMER_ROL = ['anti_pestcoordinator', 'schoolleiding', 'mr', 'medewerker', 'ouder', 'leerling', 'overig'] as const;
export type DeelnemerRol = (typeof DEELNEMER_ROL)[number];

export const EVALUATIE_STATUS = ['gepland', 'gehouden', 'gesloten'] as const;
export type EvaluatieStatus = (typeof EVALUATIE_STATUS)[number];

/** The recurring moments of every school year whose date the school can change per year. */
export const MOMENT_SOORT = ['protocol_start', 'mediawijsheid', 'monitor'] as const;
export type MomentSoort = (typeof MOMENT_SOORT)[number];

export type CalendarItemSoort = 'evaluatie' | MomentSoort | 'verplichting' | 'actie';

export interface SchoolYearOption {
  schooljaar: string;
  /** True when the year has incidents, measures or evaluations. */
  heeftData: boolean;
  huidig: boolean;
}

export interface CalendarItem {
  /** Stable key, also the UID in .ics: "evaluatie-12", "moment-2025-2026-mediawijsheid", "verplichting-7", "actie-3". */
  key: string;
  soort: CalendarItemSoort;
  titel: string;
  /** An obligation's English title (the app in English); null for other items or when there is none. */
  titelEn: string | null;
  datum: string;
  /** Last day (inclusive) of a moment that spans days, e.g. the Week van de Mediawijsheid. */
  einddatum: string | null;
  /** Local times (Europe/Amsterdam), HH:MM; null for an all-day item. */
  tijdStart: string | null;
  tijdEind: string | null;
  locatie: string | null;
  omschrijving: string | null;
  /** The status of the evaluation, obligation or action it shows. */
  status: string | null;
  /** For a moment: the school changed the default date this year. */
  aangepast: boolean;
  /** Past its date and still open. */
  teLaat: boolean;
  evaluationId: number | null;
  obligationId: number | null;
  incidentId: number | null;
  /** The incident number ("M2026-0024") and the person an obligation is about, for the app only: the .ics leaves the name out. */
  incidentNummer: string | null;
  persoon: string | null;
}

export interface Participant {
  id: number;
  personId: number | null;
  naam: string;
  rol: DeelnemerRol;
  email: string | null;
  /** Null until the meeting is recorded. */
  aanwezig: boolean | null;
}

export interface Decision {
  id: number;
  tekst: string;
  /** The protocol version this decision started (copy, edit, adopt). */
  protocolId: number | null;
  protocol: { id: number; versie: string; ingangsdatum: string; vastgesteldOp: string | null; mrInstemmingOp: string | null } | null;
}

export interface EvaluationAction {
  id: number;
  evaluationId: number;
  omschrijving: string;
  eigenaar: string;
  deadline: string | null;
  status: 'open' | 'gedaan';
  gedaanOp: string | null;
  /** The date of the meeting that agreed it. */
  evaluatieDatum: string;
}

export interface EvaluationSummary {
  id: number;
  schooljaar: string;
  evaluatieSchooljaar: string;
  datum: string;
  tijdStart: string;
  tijdEind: string;
  locatie: string | null;
  status: EvaluatieStatus;
  aantalDeelnemers: number;
  aantalOpenActies: number;
}

export interface Evaluation extends EvaluationSummary {
  agenda: string | null;
  notulen: string | null;
  deelnemers: Participant[];
  besluiten: Decision[];
  acties: EvaluationAction[];
  geslotenOp: string | null;
  vorigeId: number | null;
  /** The evaluation planned when this one was closed. */
  volgendeId: number | null;
  createdAt: string;
  updatedAt: string;
}

export const participantInput = z.object({
  personId: id.nullable().optional(),
  naam: requiredLine(150),
  rol: z.enum(DEELNEMER_ROL, { error: 'Kies de rol van deze deelnemer.' }),
  email: optional(email),
});

export const evaluationPlanInput = z.object({
  datum: isoDate,
  tijdStart: time,
  tijdEind: time,
  locatie: optional(line(200)),
  agenda: optional(text(10000)),
  /** The school year whose figures are discussed; by default the last completed one for a meeting in August–December, else the current one. */
  evaluatieSchooljaar: schooljaar.optional(),
  deelnemers: z.array(participantInput).max(50).default([]),
});
export type EvaluationPlanInput = z.input<typeof evaluationPlanInput>;

export const decisionInput = z.object({
  /** Present for a decision that was saved before (keeps its link to a protocol version). */
  id: id.optional(),
  tekst: text(5000).refine((s) => s.trim().length > 0, { error: 'Een besluit heeft tekst nodig.' }),
});

export const actionInput = z.object({
  id: id.optional(),
  omschrijving: requiredLine(500),
  eigenaar: requiredLine(150),
  deadline: optional(isoDate),
  status: z.enum(['open', 'gedaan']).default('open'),
});

export const evaluationRecordInput = z.object({
  id,
  /** Attendance per participant id. */
  aanwezig: z
    .array(z.object({ participantId: id, aanwezig: z.boolean() }))
    .max(50)
    .default([]),
  notulen: text(50000).refine((s) => s.trim().length > 0, { error: 'Schrijf de notulen van het overleg.' }),
  besluiten: z.array(decisionInput).max(100).default([]),
  acties: z.array(actionInput).max(100).default([]),
});
export type EvaluationRecordInput = z.input<typeof evaluationRecordInput>;

export const calendarSettingsInput = z.object({
  /** Reminders appear on the dashboard this many days before an item. */
  herinneringDagen: z
    .number({ error: 'Vul een aantal dagen in.' })
    .int()
    .min(0, { error: 'Gebruik 0 of meer dagen.' })
    .max(90, { error: 'Gebruik hoogstens 90 dagen.' })
    .default(14),
  /** Include the obligations' due dates in the .ics of a whole year (without names). */
  verplichtingenInAgenda: z.boolean().default(true),
});
export type CalendarSettings = z.output<typeof calendarSettingsInput>;

export const calendarApi = {
  /** The years to offer in every page's year picker: years with data plus the current and the next, newest first. */
  'calendar.schoolYears': read<SchoolYearOption[]>()(z.object({}), { rollen: CIJFERS }),
  /** Everything in the calendar of one school year, by date. */
  'calendar.list': read<CalendarItem[]>()(z.object({ schooljaar }), { rollen: CIJFERS }),
  'calendar.settings.get': read<CalendarSettings>()(z.object({}), { rollen: CIJFERS }),
  'calendar.settings.save': write<CalendarSettings>()(calendarSettingsInput, { rollen: rollen('anti_pest') }),
  /** Sets this school year's date of a recurring moment (e.g. the Week van de Mediawijsheid). */
  'calendar.moments.save': write<CalendarItem>()(
    z
      .object({ schooljaar, soort: z.enum(MOMENT_SOORT, { error: 'Kies een moment.' }), datum: isoDate, einddatum: optional(isoDate) })
      .refine((m) => !m.einddatum || m.einddatum >= m.datum, { error: 'De einddatum ligt vóór de begindatum.', path: ['einddatum'] }),
      { rollen: rollen('anti_pest') },
  ),
  /** Goes back to the default date of a recurring moment. */
  'calendar.moments.reset': write<CalendarItem>()(z.object({ schooljaar, soort: z.enum(MOMENT_SOORT, { error: 'Kies een moment.' }) }), { rollen: rollen('anti_pest') }),
  /** An .ics file (Outlook, Google Calendar) with one item (key) or the whole school year. */
  'calendar.ics': read<FileOut>()(z.object({ schooljaar, key: optional(line(100)) }), { rollen: CIJFERS }),

  'evaluations.list': read<EvaluationSummary[]>()(z.object({ schooljaar: schooljaar.optional() }), { rollen: CIJFERS }),
  'evaluations.get': read<Evaluation>()(z.object({ id }), { rollen: CIJFERS }),
  'evaluations.plan': write<Evaluation>()(evaluationPlanInput, { rollen: rollen('anti_pest') }),
  /** Changes the planning (date, time, place, participants, agenda) of an evaluation that is not closed. */
  'evaluations.update': write<Evaluation>()(evaluationPlanInput.extend({ id }), { rollen: rollen('anti_pest') }),
  /** After the meeting: attendance, minutes, decisions and actions; the status becomes "gehouden". */
  'evaluations.record': write<Evaluation>()(evaluationRecordInput, { rollen: rollen('anti_pest') }),
  /** Closes the evaluation and plans next school year's (same month). */
  'evaluations.close': write<{ gesloten: Evaluation; volgende: Evaluation }>()(z.object({ id }), { rollen: rollen('anti_pest') }),
  /** A decision starts a new protocol version: a copy of the version in force whose rules continue the old ones. */
  'evaluations.startProtocol': write<{ evaluation: Evaluation; protocol: ProtocolVersion }>()(
    z.object({ id, besluitId: id, versie: requiredLine(30), ingangsdatum: isoDate }),
    { rollen: SCHOOLLEIDER },
  ),
  /** Records the adoption of the decision's protocol version by the MT and the consent of the MR. */
  'evaluations.adoptProtocol': write<{ evaluation: Evaluation; protocol: ProtocolVersion }>()(
    z.object({ id, besluitId: id, vastgesteldOp: isoDate, mrInstemmingOp: optional(isoDate) }),
    { rollen: SCHOOLLEIDER },
  ),
  /** Every action of every evaluation that is still open, oldest deadline first. */
  'evaluations.openActions': read<EvaluationAction[]>()(z.object({}), { rollen: CIJFERS }),
  'evaluations.setActionStatus': write<EvaluationAction>()(z.object({ actionId: id, status: z.enum(['open', 'gedaan']) }), { rollen: rollen('anti_pest') }),
};
