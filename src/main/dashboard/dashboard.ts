// The dashboard ("Overzicht"), the app's start page: what must I do today? The open steps of a
// sexual-offence path first, then overdue obligations, then those due this week, then open incidents,
// then upcoming moments from every dashboard source.
import { addDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import type { Ctx } from '../context/context';
import type { Dashboard, DashboardIncident, DashboardMoment } from '@shared/api/obligations';
import { listObligations, weekEindeVan } from '../obligations/store';
import { dashboardSources } from './sources';
import { displayName } from '../people/names';
import { schoolCalendar } from '../calendar/holidays';

const LIMIT = 100;
const MOMENT_DAGEN = 42;
const SPOED_MAX_DAGEN = 4;

/**
 * Tasks due on or before this date are pinned at the top: tomorrow, or the next school day when that
 * is later, so on a Friday Monday's tasks are not hidden behind the weekend. Capped, so a holiday does
 * not pin weeks of tasks.
 */
export function spoedTot(ctx: Ctx, vandaag: string): string {
  const morgen = format(addDays(parseISO(vandaag), 1), 'yyyy-MM-dd');
  const max = format(addDays(parseISO(vandaag), SPOED_MAX_DAGEN), 'yyyy-MM-dd');
  const volgende = schoolCalendar(ctx.db).schoolDayOnOrAfter(morgen);
  return volgende > max ? max : volgende;
}

export function getDashboard(ctx: Ctx): Dashboard {
  const vandaag = ctx.today();
  const weekEinde = weekEindeVan(vandaag);
  const open = (extra: Parameters<typeof listObligations>[1]) => listObligations(ctx.db, extra, vandaag).rows;
  const urgent = open({ status: ['open'], offset: 0, limit: LIMIT }).filter((o) => o.urgent);
  const teLaat = open({ status: ['open'], teLaat: true, offset: 0, limit: LIMIT }).filter((o) => !o.urgent);
  const dezeWeek = open({ status: ['open'], uiterlijkVoor: weekEinde, offset: 0, limit: LIMIT }).filter((o) => !o.urgent && !o.teLaat);

  const taakIds = [...new Set([...urgent, ...teLaat, ...dezeWeek].map((o) => o.incidentId).filter((x): x is number => x !== null))];
  const taakMeldingen = taakIds.length
    ? (ctx.db
        .prepare(`SELECT id, nummer, categorie FROM incident WHERE id IN (${taakIds.map(() => '?').join(',')})`)
        .all(...taakIds) as Dashboard['taakMeldingen'])
    : [];

  const incidents = ctx.db
    .prepare(
      `SELECT id, nummer, datum_melding, categorie, ernst, status FROM incident WHERE status IN ('open','in_onderzoek')
        ORDER BY datum_melding DESC, id DESC LIMIT 10`,
    )
    .all() as {
    id: number;
    nummer: string;
    datum_melding: string;
    categorie: string;
    ernst: DashboardIncident['ernst'];
    status: DashboardIncident['status'];
  }[];
  const daders = ctx.db.prepare(
    `SELECT p.voornaam, p.roepnaam, p.tussenvoegsel, p.achternaam FROM incident_person ip JOIN person p ON p.id = ip.person_id WHERE ip.incident_id = ? AND ip.rol = 'dader' ORDER BY p.achternaam`,
  );
  const openMeldingen: DashboardIncident[] = incidents.map((i) => ({
    id: i.id,
    nummer: i.nummer,
    datumMelding: i.datum_melding,
    categorie: i.categorie,
    ernst: i.ernst,
    status: i.status,
    daders: (daders.all(i.id) as Parameters<typeof displayName>[0][]).map(displayName).join(', '),
  }));
  const aantalOpenMeldingen = (
    ctx.db.prepare(`SELECT COUNT(*) AS n FROM incident WHERE status IN ('open','in_onderzoek')`).get() as { n: number }
  ).n;

  const range = { van: vandaag, tot: format(addDays(parseISO(vandaag), MOMENT_DAGEN), 'yyyy-MM-dd') };
  const momenten: DashboardMoment[] = dashboardSources
    .flatMap((source) => source(ctx, range))
    .filter((m) => m.datum >= range.van && m.datum <= range.tot)
    .sort((a, b) => (a.datum < b.datum ? -1 : a.datum > b.datum ? 1 : 0))
    .slice(0, 20);

  return {
    vandaag,
    weekEinde,
    spoedTot: spoedTot(ctx, vandaag),
    urgent,
    teLaat,
    dezeWeek,
    taakMeldingen,
    openMeldingen,
    aantalOpenMeldingen,
    momenten,
  };
}
