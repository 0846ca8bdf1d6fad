// Obligations (docs/LAW.md): dated legal tasks per measure/incident, the dashboard, school days, compliance settings.
import { z } from 'zod';
import { id, isoDate, time, line, requiredLine, optional, text, paging, schooljaar } from './common';
import type { Page } from './common';
import type { Ernst, IncidentStatus, Maatregel, MaatregelStatus, Regio } from '../domain';
import { read, write } from './define';
import { CIJFERS, IEDEREEN_MET_NAMEN, SCHOOLLEIDER, rollen } from './roles';

export const OBLIGATION_STATUS = ['open', 'gedaan', 'nvt'] as const;
export type ObligationStatus = (typeof OBLIGATION_STATUS)[number];

/** What the dashboard and the lists show for one obligation. */
export type Urgentie = 'te_laat' | 'deze_week' | 'later';

export interface Obligation {
  id: number;
  bron: 'maatregel' | 'melding';
  bronId: number;
  measureId: number | null;
  incidentId: number | null;
  personId: number | null;
  /** Display name of the person the measure is about (or the dader(s) of the incident). */
  persoonNaam: string | null;
  incidentNummer: string | null;
  maatregelSoort: Maatregel | null;
  /** Rule code, e.g. 'schorsing.isd' (see src/main/obligations/rules). */
  regel: string;
  sleutel: string;
  titel: string;
  /**
   * The same title in English (same facts, dates as "7 December 2026"), for the English UI; null when
   * there is none: a task settled before this version whose facts have changed since (show `titel`).
   */
  titelEn: string | null;
  /** The legal or policy basis in plain Dutch. */
  grondslag: string;
  /** The articles (or the school's own setting) it rests on, as docs/LAW.md lists them; `kernEn` is `kern` in English ('' when unknown). */
  bronnen: { id: string; citaat: string; kern: string; kernEn: string; url: string | null }[];
  /** A warning about a decision as recorded (e.g. a schorsing over a holiday), not a step to take. */
  waarschuwing: boolean;
  /** Who must act. */
  actor: string;
  /** Who must act, in English; null for an actor this version does not know (show `actor`). */
  actorEn: string | null;
  urgent: boolean;
  tijdVerplicht: boolean;
  /** The step asks for a decision ('aangifte' | 'geen_aangifte'). */
  beslissing: boolean;
  uiterlijk: string | null;
  teLaatVanaf: string | null;
  status: ObligationStatus;
  /** Overdue today (open and past its overdue date). */
  teLaat: boolean;
  /**
   * How pressing it is today, as the Overzicht groups it: 'te_laat' overdue; 'deze_week' urgent, or due
   * on or before the end of this week (`Dashboard.weekEinde`); 'later' otherwise, and for a settled one.
   */
  urgentie: Urgentie;
  gedaanOp: string | null;
  gedaanTijd: string | null;
  gedaanDoor: string | null;
  uitkomst: string | null;
  nvtReden: string | null;
  toelichting: string | null;
  /** Set when the app changed the status itself (e.g. 'externe_melding:12'). */
  doorSysteem: string | null;
  updatedAt: string;
}

export const obligationListInput = z.object({
  ...paging,
  status: z.array(z.enum(OBLIGATION_STATUS)).max(3).optional(),
  /** Only obligations that are overdue today. */
  teLaat: z.boolean().optional(),
  /** Only obligations due on or before this date. */
  uiterlijkVoor: optional(isoDate),
  personId: id.optional(),
  incidentId: id.optional(),
  measureId: id.optional(),
});
export type ObligationListInput = z.input<typeof obligationListInput>;

export const markDoneInput = z.object({
  id,
  /** Who did it (a name), shown in the dossier. */
  door: requiredLine(150),
  datum: isoDate,
  /** Required for the steps of the sexual-offence path. */
  tijd: optional(time),
  /** For a step that asks a decision: 'aangifte' or 'geen_aangifte'. */
  uitkomst: optional(z.enum(['aangifte', 'geen_aangifte'], { error: 'Kies het besluit over aangifte.' })),
  toelichting: optional(text(2000)),
});

export const HOORGESPREK_WIE = ['leerling', 'ouders', 'docent', 'medewerker'] as const;
export const HOORGESPREK_UITKOMST = ['gehoord', 'geweigerd', 'geen_reactie'] as const;
export type HoorgesprekWie = (typeof HOORGESPREK_WIE)[number];

export const hearingInput = z.object({
  measureId: id,
  gehoord: z.enum(HOORGESPREK_WIE, { error: 'Kies wie er gehoord is.' }),
  /** The person heard, where they are in the app. */
  personId: id.nullable().optional(),
  datum: isoDate,
  tijd: optional(time),
  door: requiredLine(150),
  notities: optional(text(5000)),
  /** Heard, or invited and refused, or invited without an answer: each gives the party its chance to be heard. */
  uitkomst: z.enum(HOORGESPREK_UITKOMST, { error: 'Kies hoe het hoorgesprek is verlopen.' }).default('gehoord'),
});

export interface Hearing {
  id: number;
  measureId: number;
  gehoord: HoorgesprekWie;
  personId: number | null;
  persoonNaam: string | null;
  datum: string;
  tijd: string | null;
  door: string;
  notities: string | null;
  uitkomst: (typeof HOORGESPREK_UITKOMST)[number];
  createdAt: string;
}

export const ZOEK_RESULTAAT = ['benaderd', 'in_gesprek', 'afgewezen', 'aangenomen'] as const;
export type ZoekResultaat = (typeof ZOEK_RESULTAAT)[number];

export const searchInput = z.object({
  measureId: id,
  datum: isoDate,
  /** The school that was approached. */
  school: requiredLine(200),
  contactpersoon: optional(line(150)),
  resultaat: z.enum(ZOEK_RESULTAAT, { error: 'Kies het resultaat.' }),
  door: requiredLine(150),
  toelichting: optional(text(2000)),
});

export interface ExpulsionSearch {
  id: number;
  measureId: number;
  datum: string;
  school: string;
  contactpersoon: string | null;
  resultaat: ZoekResultaat;
  door: string;
  toelichting: string | null;
  createdAt: string;
}

export const disputeInput = z.object({
  measureId: id,
  /** When the case was filed at the Geschillencommissie passend onderwijs. */
  ingediendOp: isoDate,
  /** When its opinion arrived (empty while the case runs). */
  oordeelOp: optional(isoDate),
  toelichting: optional(text(2000)),
});

export const objectionInput = z.object({
  measureId: id,
  /** The day the objection (bezwaar) was received: the board's decision term runs from it. */
  ontvangenOp: isoDate,
  toelichting: optional(text(2000)),
});

export interface Objection {
  measureId: number;
  ontvangenOp: string;
  toelichting: string | null;
}

export interface Dispute {
  measureId: number;
  ingediendOp: string;
  oordeelOp: string | null;
  toelichting: string | null;
}

/** One step of the sexual-offence path (docs/LAW.md), for the checklist. */
export interface ChecklistStep extends Obligation {
  stap: number;
}

export interface Checklist {
  incidentId: number;
  /** Whether the path applies to this incident, and why (or why not). */
  actief: boolean;
  reden: string;
  /** Asked whenever someone working at the school is dader against a minor pupil: the school's answer to "possibly a sexual offence?". */
  vraagZedenVermoeden: boolean;
  zedenVermoeden: boolean | null;
  stappen: ChecklistStep[];
  /** All steps done or not applicable. */
  afgerond: boolean;
}

// ---------- advice (docs/LAW.md) ----------

export interface AdviceItem {
  soort: 'vertrouwensinspecteur' | 'aangifte' | 'meldcode' | 'ladder' | 'zeden';
  titel: string;
  tekst: string;
  /** Ids of the sources the advice rests on (src/main/obligations/sources, docs/LAW.md). */
  bronnen: string[];
  /** Their citations for a "Grondslag: …" line, e.g. "Sr art. 139h; Sr art. 252"; empty without sources. */
  bronTekst: string;
}

export interface EarlierCase {
  incidentId: number;
  nummer: string;
  datumVoorval: string;
  categorie: string;
  ernst: Ernst;
  status: IncidentStatus;
  maatregelen: { measureId: number; soort: Maatregel; status: MaatregelStatus; besluitDatum: string }[];
}

export interface PersonAdvice {
  personId: number;
  naam: string;
  /** Incidents as dader in this school year, this one included. */
  aantalDitSchooljaar: number;
  schooljaar: string;
  /** The step of the school's ladder for this count, if any. */
  ladderStap: string | null;
  /** The next step on the ladder after this count, if any. */
  volgendeStap: { vanaf: number; stap: string } | null;
  /** Earlier incidents of this person in the same category, with what the school did. */
  eerder: EarlierCase[];
}

export interface Advice {
  incidentId: number | null;
  items: AdviceItem[];
  personen: PersonAdvice[];
}

// ---------- settings ----------

export const escalationStep = z.object({
  /** The n-th incident as dader in one school year. */
  vanaf: z.number().int().min(1).max(50),
  stap: requiredLine(150),
});

/** Settings saved before the ISD term was counted in working days carry the old name. */
const renamedSettings = (v: unknown) => {
  if (!v || typeof v !== 'object' || !('isdTeLaatNaSchooldagen' in v)) return v;
  const { isdTeLaatNaSchooldagen, ...rest } = v as Record<string, unknown>;
  return 'isdTeLaatNaWerkdagen' in rest ? rest : { ...rest, isdTeLaatNaWerkdagen: isdTeLaatNaSchooldagen };
};

const complianceFields = z.object({
  /**
   * Objection clause in a SCHORSING decision of a bijzondere school (a public school always has it,
   * and every expulsion decision has it by law).
   */
  bezwaarclausule: z.boolean().default(true),
  /** Tell the leerplichtambtenaar of a schorsing longer than one day. */
  leerplichtBijSchorsing: z.boolean().default(true),
  /** The ISD notice is overdue after this many working days. */
  isdTeLaatNaWerkdagen: z.number().int().min(0).max(20).default(2),
  /** Years records are kept after a pupil / a staff member leaves (used by retention, retention/retention.ts). */
  bewaartermijnLeerlingJaren: z.number().int().min(1).max(30).default(2),
  bewaartermijnMedewerkerJaren: z.number().int().min(1).max(30).default(2),
  goedeVrijdagVrij: z.boolean().default(true),
  bevrijdingsdagVrij: z.enum(['altijd', 'lustrum', 'nooit']).default('lustrum'),
  escalatieladder: z
    .array(escalationStep)
    .max(10)
    .default([
      { vanaf: 2, stap: 'Waarschuwingsbrief' },
      { vanaf: 3, stap: 'Gesprek met ouders' },
      { vanaf: 4, stap: 'Schorsing overwegen' },
    ]),
});
export const complianceSettings = z.preprocess(renamedSettings, complianceFields);
export type ComplianceSettings = z.output<typeof complianceSettings>;

// ---------- school holidays ----------

export const vakantieInput = z
  .object({
    soort: z.enum(['herfst', 'kerst', 'voorjaar', 'mei', 'zomer', 'extra'], { error: 'Kies het soort vakantie.' }),
    naam: optional(line(100)),
    start: isoDate,
    eind: isoDate,
  })
  .refine((v) => v.eind >= v.start, { error: 'De einddatum ligt vóór de begindatum.', path: ['eind'] });

export interface SchoolHolidays {
  schooljaar: string;
  regio: Regio;
  /** 'standaard': the Rijksoverheid's dates for the region; 'aangepast': the school's own. */
  bron: 'standaard' | 'aangepast';
  /** The standard dates are provisional or derived: check them. */
  voorlopig: boolean;
  /** No standard dates are known for this school year. */
  onbekend: boolean;
  toelichting: string | null;
  vakanties: { soort: 'herfst' | 'kerst' | 'voorjaar' | 'mei' | 'zomer' | 'extra'; naam: string | null; start: string; eind: string }[];
}

// ---------- dashboard ----------

export interface DashboardMoment {
  datum: string;
  titel: string;
  /** Where the moment comes from ('vakantie', 'planning', 'termijn', …). */
  soort: string;
  /** A hash route to open (e.g. '#/planning'). */
  link: string | null;
  toelichting: string | null;
}

export interface DashboardIncident {
  id: number;
  nummer: string;
  datumMelding: string;
  categorie: string;
  ernst: Ernst;
  status: IncidentStatus;
  daders: string;
}

export interface Dashboard {
  vandaag: string;
  /** End of "this week" (today + 7 days). */
  weekEinde: string;
  /** Tasks due on or before this date are pinned at the top: tomorrow, or the next school day when that is later (at most today + 4). */
  spoedTot: string;
  /** Open steps of the sexual-offence path, always first. */
  urgent: Obligation[];
  teLaat: Obligation[];
  dezeWeek: Obligation[];
  /** The incidents the tasks above belong to, for the group headers. */
  taakMeldingen: { id: number; nummer: string; categorie: string }[];
  openMeldingen: DashboardIncident[];
  aantalOpenMeldingen: number;
  momenten: DashboardMoment[];
}

export const START_ITEMS = ['protocol', 'personen', 'reservekopie', 'briefpapier', 'antipest', 'evaluatie'] as const;
export type StartItemId = (typeof START_ITEMS)[number];

/** The first-run checklist of the start page: what a new school must set up before the app protects it. */
export interface StartChecklist {
  items: {
    id: StartItemId;
    gedaan: boolean;
    /** Where it is done (a hash route). */
    link: string;
    /** What is still missing when only part of the item is done. */
    ontbreekt: 'logo' | 'ondertekenaar' | null;
  }[];
  compleet: boolean;
}

export const obligationsApi = {
  'obligations.list': read<Page<Obligation>>()(obligationListInput, { rollen: IEDEREEN_MET_NAMEN }),
  'obligations.get': read<Obligation>()(z.object({ id }), { rollen: IEDEREEN_MET_NAMEN }),
  'obligations.markDone': write<Obligation>()(markDoneInput, { rollen: SCHOOLLEIDER }),
  'obligations.markNotApplicable': write<Obligation>()(z.object({ id, reden: requiredLine(500) }), { rollen: SCHOOLLEIDER }),
  /** Undo "done" or "not applicable" (a mistake): the obligation is open again. */
  'obligations.reopen': write<Obligation>()(z.object({ id }), { rollen: SCHOOLLEIDER }),
  'obligations.hearings.add': write<Hearing>()(hearingInput, { rollen: SCHOOLLEIDER }),
  'obligations.hearings.list': read<Hearing[]>()(z.object({ measureId: id }), { rollen: SCHOOLLEIDER }),
  'obligations.searches.add': write<ExpulsionSearch>()(searchInput, { rollen: SCHOOLLEIDER }),
  'obligations.searches.list': read<ExpulsionSearch[]>()(z.object({ measureId: id }), { rollen: SCHOOLLEIDER }),
  'obligations.dispute.get': read<Dispute | null>()(z.object({ measureId: id }), { rollen: SCHOOLLEIDER }),
  'obligations.dispute.save': write<Dispute>()(disputeInput, { rollen: SCHOOLLEIDER }),
  'obligations.objection.get': read<Objection | null>()(z.object({ measureId: id }), { rollen: SCHOOLLEIDER }),
  /** Records that an objection was received (or corrects the date): the decision on it falls due. */
  'obligations.objection.save': write<Objection>()(objectionInput, { rollen: SCHOOLLEIDER }),
  'obligations.checklist.get': read<Checklist>()(z.object({ incidentId: id }), { rollen: rollen('zorg') }),
  /** Records one step of the sexual-offence path with date AND time. */
  'obligations.checklist.record': write<Checklist>()(markDoneInput.extend({ tijd: time }), { rollen: SCHOOLLEIDER }),
  /** Someone working at the school is dader against a minor pupil: is this possibly a sexual offence? */
  'obligations.checklist.setVermoeden': write<Checklist>()(z.object({ incidentId: id, vermoeden: z.boolean(), door: requiredLine(150) }), { rollen: SCHOOLLEIDER }),
  'obligations.dashboard': read<Dashboard>()(z.object({}).strict(), { rollen: SCHOOLLEIDER }),
  'obligations.startChecklist': read<StartChecklist>()(z.object({}).strict(), { rollen: SCHOOLLEIDER }),
  'obligations.advice': read<Advice>()(
    z.object({ incidentId: id.optional(), personId: id.optional() }).refine((v) => v.incidentId || v.personId, { error: 'Kies een melding of een persoon.' }),
    { rollen: IEDEREEN_MET_NAMEN },
  ),
  'obligations.settings.get': read<ComplianceSettings>()(z.object({}).strict(), { rollen: CIJFERS }),
  'obligations.settings.save': write<ComplianceSettings>()(complianceSettings, { rollen: SCHOOLLEIDER }),
  'obligations.holidays.get': read<SchoolHolidays>()(z.object({ schooljaar }), { rollen: CIJFERS }),
  /** Saves the school's own holidays for a school year; null restores the standard dates. */
  'obligations.holidays.save': write<SchoolHolidays>()(z.object({ schooljaar, vakanties: z.array(vakantieInput).max(40).nullable() }), { rollen: SCHOOLLEIDER }),
  /** School days between two dates, or the end date of n school days (for the measure form). */
  /** onbekendeSchooljaren: school years in the period without known holidays (every weekday counted). */
  'obligations.schoolDays': read<{ start: string; eind: string; schooldagen: number; vrijeDagen: { datum: string; reden: string }[]; onbekendeSchooljaren: string[] }>()(
    z
      .object({ start: isoDate, eind: optional(isoDate), schooldagen: optional(z.number().int().min(1).max(200)) })
      .refine((v) => !!v.eind !== !!v.schooldagen, { error: 'Geef een einddatum of een aantal schooldagen.', path: ['eind'] })
      .refine((v) => !v.eind || v.eind >= v.start, { error: 'De einddatum ligt vóór de begindatum.', path: ['eind'] }),
      { rollen: CIJFERS },
  ),
};
