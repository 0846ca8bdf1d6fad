// The calendar of one school year: the annual evaluation(s), the recurring moments, the due dates
// of the legal obligations (the compliance engine's table, migration 002) and of the actions agreed
// in an evaluation, in one list by date.
import { addDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import type { DB } from '../db/open';
import type { CalendarItem } from '@shared/api/calendar';
import { schoolYearBounds } from '@shared/schoolYear';
import { dutchShortDate } from '@shared/dates';
import { momentsOf } from './moments';
import { displayName } from '../people/names';
import { werkdagOpOfVoor } from '../calendar/terms';

const EVALUATIE_TITEL = 'Jaarlijkse evaluatie socialemediaprotocol met de anti-pestcoördinator';

const blank = {
  titelEn: null,
  einddatum: null,
  tijdStart: null,
  tijdEind: null,
  locatie: null,
  omschrijving: null,
  status: null,
  aangepast: false,
  teLaat: false,
  evaluationId: null,
  obligationId: null,
  incidentId: null,
  incidentNummer: null,
  persoon: null,
} satisfies Partial<CalendarItem>;

function evaluationItems(db: DB, start: string, end: string): CalendarItem[] {
  const rows = db
    .prepare(
      `SELECT e.id, e.datum, e.tijd_start, e.tijd_eind, e.locatie, e.agenda, e.status, e.evaluatie_schooljaar,
         (SELECT group_concat(p.naam, ', ') FROM (SELECT naam FROM evaluation_participant WHERE evaluation_id = e.id ORDER BY volgorde) p) AS deelnemers
       FROM evaluation e WHERE e.datum BETWEEN ? AND ? ORDER BY e.datum, e.id`,
    )
    .all(start, end) as {
    id: number;
    datum: string;
    tijd_start: string;
    tijd_eind: string;
    locatie: string | null;
    agenda: string | null;
    status: string;
    evaluatie_schooljaar: string;
    deelnemers: string | null;
  }[];
  return rows.map((r) => ({
    ...blank,
    key: `evaluatie-${r.id}`,
    soort: 'evaluatie',
    titel: EVALUATIE_TITEL,
    datum: r.datum,
    tijdStart: r.tijd_start,
    tijdEind: r.tijd_eind,
    locatie: r.locatie,
    omschrijving: [
      `Evaluatie van schooljaar ${r.evaluatie_schooljaar}.`,
      r.deelnemers ? `Deelnemers: ${r.deelnemers}.` : null,
      r.agenda ? `Agenda:\n${r.agenda}` : null,
    ]
      .filter(Boolean)
      .join('\n'),
    status: r.status,
    evaluationId: r.id,
  }));
}

/** Open actions only: a done action is no longer something to plan. */
function actionItems(db: DB, start: string, end: string, today: string): CalendarItem[] {
  const rows = db
    .prepare(
      `SELECT a.id, a.omschrijving, a.eigenaar, a.deadline, a.status, a.evaluation_id FROM evaluation_action a
       WHERE a.deadline BETWEEN ? AND ? AND a.status <> 'gedaan' ORDER BY a.deadline, a.id`,
    )
    .all(start, end) as { id: number; omschrijving: string; eigenaar: string; deadline: string; status: string; evaluation_id: number }[];
  return rows.map((r) => ({
    ...blank,
    key: `actie-${r.id}`,
    soort: 'actie',
    titel: `Actie uit de evaluatie: ${r.omschrijving}`,
    datum: r.deadline,
    omschrijving: `Eigenaar: ${r.eigenaar}.`,
    status: r.status,
    teLaat: r.status === 'open' && r.deadline < today,
    evaluationId: r.evaluation_id,
  }));
}

export const hasTable = (db: DB, name: string): boolean =>
  !!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name);

const iso = (d: Date) => format(d, 'yyyy-MM-dd');


/**
 * The deadline of a task: the last day it is on time, i.e. the day before it turns overdue, moved
 * back to the last working day when that is a weekend day or a public holiday of the Algemene
 * termijnenwet (calendar/terms.ts; earlier rather than too late); never before
 * its target date. A milestone that is never overdue stays on its target date. The target date of
 * most tasks is the day the measure was taken, so planning on it would put every task on that day.
 */
export function deadlineOf(uiterlijk: string, teLaatVanaf: string | null): string {
  if (!teLaatVanaf) return uiterlijk;
  const d = werkdagOpOfVoor(iso(addDays(parseISO(teLaatVanaf), -1)));
  return d < uiterlijk ? uiterlijk : d;
}

/**
 * The open obligations on their deadline; done and not-applicable ones are left out.
 * Titles describe the legal step, never a person: the title and the incident number go into the
 * .ics, the person's name (for the app's own view) does not. Obligations without a fixed term
 * (milestones) have no date here.
 */
export function obligationItems(db: DB, start: string, end: string, today: string): CalendarItem[] {
  if (!hasTable(db, 'obligation')) return [];
  const rows = db
    .prepare(
      `SELECT o.id, o.titel, o.titel_en, o.grondslag, o.uiterlijk, o.te_laat_vanaf, o.status, o.incident_id, i.nummer,
         p.voornaam, p.roepnaam, p.tussenvoegsel, p.achternaam
       FROM obligation o LEFT JOIN incident i ON i.id = o.incident_id LEFT JOIN person p ON p.id = o.person_id
       WHERE o.status = 'open' AND o.uiterlijk <= ? AND COALESCE(o.te_laat_vanaf, o.uiterlijk) >= ?
       ORDER BY o.uiterlijk, o.id`,
    )
    .all(end, start) as {
    id: number;
    titel: string;
    titel_en: string | null;
    grondslag: string;
    uiterlijk: string;
    te_laat_vanaf: string | null;
    status: string;
    incident_id: number | null;
    nummer: string | null;
    voornaam: string | null;
    roepnaam: string | null;
    tussenvoegsel: string | null;
    achternaam: string | null;
  }[];
  return rows
    .map((r) => ({ r, datum: deadlineOf(r.uiterlijk, r.te_laat_vanaf) }))
    .filter(({ datum }) => datum >= start && datum <= end)
    .map(({ r, datum }) => ({
      ...blank,
      key: `verplichting-${r.id}`,
      soort: 'verplichting' as const,
      titel: r.titel,
      titelEn: r.titel_en || null,
      datum,
      omschrijving: [
        r.nummer ? `Melding ${r.nummer}.` : null,
        r.te_laat_vanaf && datum !== r.uiterlijk ? `Liefst op ${dutchShortDate(r.uiterlijk)}; te laat vanaf ${dutchShortDate(r.te_laat_vanaf)}.` : null,
        r.grondslag,
      ]
        .filter(Boolean)
        .join(' '),
      status: r.status,
      teLaat: r.te_laat_vanaf !== null && r.te_laat_vanaf <= today,
      obligationId: r.id,
      incidentId: r.incident_id,
      incidentNummer: r.nummer,
      persoon: r.achternaam && r.voornaam ? displayName({ ...r, voornaam: r.voornaam, achternaam: r.achternaam }) : null,
    }));
}

const ORDER: Record<CalendarItem['soort'], number> = {
  evaluatie: 0,
  protocol_start: 1,
  mediawijsheid: 2,
  monitor: 3,
  verplichting: 4,
  actie: 5,
};

/**
 * Everything in the calendar of a school year, by date (then time, then kind). Without
 * `verplichtingen` the obligations' due dates are left out: the dashboard shows those itself, and
 * reading a year's obligations at the scale of a school board costs ~0.4 s for nothing.
 */
export function calendarItems(db: DB, schooljaar: string, today: string, opts: { verplichtingen?: boolean } = {}): CalendarItem[] {
  const { start, end } = schoolYearBounds(schooljaar);
  return [
    ...evaluationItems(db, start, end),
    ...momentsOf(db, schooljaar),
    ...(opts.verplichtingen === false ? [] : obligationItems(db, start, end, today)),
    ...actionItems(db, start, end, today),
  ].sort(
    (a, b) =>
      a.datum.localeCompare(b.datum) ||
      (a.tijdStart ?? '').localeCompare(b.tijdStart ?? '') ||
      ORDER[a.soort] - ORDER[b.soort] ||
      a.key.localeCompare(b.key),
  );
}
