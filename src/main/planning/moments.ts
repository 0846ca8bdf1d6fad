// The recurring moments of a school year: discussing the protocol at the start of
// the year, the Week van de Mediawijsheid (every November), and the deadline of the social-safety
// monitor (1 July). Their dates are computed; a school that knows this year's real date stores it
// in calendar_moment, which then wins for that year only.
import { addDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { getDay } from 'date-fns/getDay';
import { parseISO } from 'date-fns/parseISO';
import type { Ctx } from '../context/context';
import type { DB } from '../db/open';
import type { CalendarItem, MomentSoort } from '@shared/api/calendar';
import { MOMENT_SOORT } from '@shared/api/calendar';
import { previousSchoolYear, schoolYearBounds, schoolYearOf } from '@shared/schoolYear';
import { holidaysFor } from '../calendar/holidays';
import { fieldError } from '../errors/errors';

const iso = (d: Date) => format(d, 'yyyy-MM-dd');

/** The first date on or after `fromIso` that falls on `weekday` (0 = Sunday … 6 = Saturday). */
export function firstWeekdayOnOrAfter(fromIso: string, weekday: number): string {
  const d = parseISO(fromIso);
  return iso(addDays(d, (weekday - getDay(d) + 7) % 7));
}

/** Published dates of the Week van de Mediawijsheid (Friday to Friday). */
export const MEDIAWIJSHEID_BEKEND: Record<number, { datum: string; einddatum: string }> = {
  2021: { datum: '2021-11-05', einddatum: '2021-11-12' },
  2022: { datum: '2022-11-04', einddatum: '2022-11-11' },
  2023: { datum: '2023-11-10', einddatum: '2023-11-17' },
};

/**
 * The Week van de Mediawijsheid of a calendar year: the published dates where we know them, else
 * the rule that fits every known year: it opens on the first Friday on or after 4 November and
 * closes a week later (2021: 5–12, 2022: 4–11, 2023: 10–17, 2024: 8–15 November).
 */
export function mediawijsheidWeek(year: number): { datum: string; einddatum: string } {
  const known = MEDIAWIJSHEID_BEKEND[year];
  if (known) return known;
  const datum = firstWeekdayOnOrAfter(`${year}-11-04`, 5);
  return { datum, einddatum: iso(addDays(parseISO(datum), 7)) };
}

/**
 * The default dates of a moment in a school year. The protocol is discussed in the first two school
 * weeks: from the Monday after the summer holiday of the school's region (`zomerEinde`, the last day
 * of that holiday) to the Friday of the week after. Without holiday data for that year it falls back
 * to the first two weeks of September, which every region has started by. The school can set its own.
 */
export function defaultMoment(
  schooljaar: string,
  soort: MomentSoort,
  zomerEinde: string | null = null,
): { datum: string; einddatum: string | null } {
  const { start, end } = schoolYearBounds(schooljaar);
  const startYear = Number(start.slice(0, 4));
  switch (soort) {
    case 'protocol_start': {
      const from = zomerEinde && zomerEinde.startsWith(String(startYear)) ? iso(addDays(parseISO(zomerEinde), 1)) : `${startYear}-09-01`;
      const maandag = firstWeekdayOnOrAfter(from, 1);
      return { datum: maandag, einddatum: iso(addDays(parseISO(maandag), 11)) };
    }
    case 'mediawijsheid':
      return mediawijsheidWeek(startYear);
    case 'monitor':
      return { datum: `${end.slice(0, 4)}-07-01`, einddatum: null };
  }
}

/** The last day of the summer holiday before this school year, in the school's region (compliance settings). */
function summerEnd(db: DB, schooljaar: string): string | null {
  const h = holidaysFor(db, previousSchoolYear(schooljaar));
  return h.onbekend ? null : (h.vakanties.find((v) => v.soort === 'zomer')?.eind ?? null);
}

const TITEL: Record<MomentSoort, string> = {
  protocol_start: 'Socialemediaprotocol bespreken bij de start van het schooljaar',
  mediawijsheid: 'Week van de Mediawijsheid: protocol bespreken in de klas',
  monitor: 'Uiterste datum monitor sociale veiligheid (levering aan de Inspectie)',
};

const OMSCHRIJVING: Record<MomentSoort, string> = {
  protocol_start: 'Bespreek de afspraken van het protocol met leerlingen, ouders en medewerkers in de eerste weken van het schooljaar.',
  mediawijsheid: 'Bespreek het protocol in de klas (bijvoorbeeld in de groepen 6, 7 en 8). Een goed moment voor de jaarlijkse evaluatie.',
  monitor:
    'De leverancier van de monitor sociale veiligheid levert de gegevens uiterlijk 1 juli aan de Inspectie. Daarna is een goed moment voor de evaluatie.',
};

interface MomentRow {
  schooljaar: string;
  soort: MomentSoort;
  datum: string;
  einddatum: string | null;
}

function toItem(
  schooljaar: string,
  soort: MomentSoort,
  dates: { datum: string; einddatum: string | null },
  aangepast: boolean,
): CalendarItem {
  return {
    key: `moment-${schooljaar}-${soort}`,
    soort,
    titel: TITEL[soort],
    titelEn: null,
    datum: dates.datum,
    einddatum: dates.einddatum && dates.einddatum !== dates.datum ? dates.einddatum : null,
    tijdStart: null,
    tijdEind: null,
    locatie: null,
    omschrijving: OMSCHRIJVING[soort],
    status: null,
    aangepast,
    teLaat: false,
    evaluationId: null,
    obligationId: null,
    incidentId: null,
    incidentNummer: null,
    persoon: null,
  };
}

/** The three moments of a school year, with the school's own dates where it set them. */
export function momentsOf(db: DB, schooljaar: string): CalendarItem[] {
  const rows = db.prepare('SELECT * FROM calendar_moment WHERE schooljaar = ?').all(schooljaar) as MomentRow[];
  const own = new Map(rows.map((r) => [r.soort, r]));
  return MOMENT_SOORT.map((soort) => {
    const r = own.get(soort);
    return r
      ? toItem(schooljaar, soort, r, true)
      : toItem(schooljaar, soort, defaultMoment(schooljaar, soort, soort === 'protocol_start' ? summerEnd(db, schooljaar) : null), false);
  });
}

const momentOf = (db: DB, schooljaar: string, soort: MomentSoort) =>
  momentsOf(db, schooljaar).find((m) => m.soort === soort) as CalendarItem;

export function saveMoment(
  ctx: Ctx,
  m: { schooljaar: string; soort: MomentSoort; datum: string; einddatum?: string | null },
): CalendarItem {
  if (schoolYearOf(m.datum) !== m.schooljaar) throw fieldError('datum', `Deze datum valt niet in schooljaar ${m.schooljaar}.`);
  if (m.einddatum && schoolYearOf(m.einddatum) !== m.schooljaar)
    throw fieldError('einddatum', `Deze datum valt niet in schooljaar ${m.schooljaar}.`);
  const before = momentOf(ctx.db, m.schooljaar, m.soort);
  ctx.db
    .prepare(
      `INSERT INTO calendar_moment (schooljaar, soort, datum, einddatum, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(schooljaar, soort) DO UPDATE SET datum = excluded.datum, einddatum = excluded.einddatum, updated_at = excluded.updated_at`,
    )
    .run(m.schooljaar, m.soort, m.datum, m.einddatum ?? null, ctx.nowIso());
  const after = momentOf(ctx.db, m.schooljaar, m.soort);
  ctx.audit(
    'planning_moment',
    `${m.schooljaar}:${m.soort}`,
    'gewijzigd',
    { datum: before.datum, einddatum: before.einddatum },
    { datum: after.datum, einddatum: after.einddatum },
  );
  return after;
}

export function resetMoment(ctx: Ctx, schooljaar: string, soort: MomentSoort): CalendarItem {
  const before = momentOf(ctx.db, schooljaar, soort);
  ctx.db.prepare('DELETE FROM calendar_moment WHERE schooljaar = ? AND soort = ?').run(schooljaar, soort);
  const after = momentOf(ctx.db, schooljaar, soort);
  if (before.aangepast)
    ctx.audit(
      'planning_moment',
      `${schooljaar}:${soort}`,
      'standaard',
      { datum: before.datum, einddatum: before.einddatum },
      { datum: after.datum, einddatum: after.einddatum },
    );
  return after;
}
