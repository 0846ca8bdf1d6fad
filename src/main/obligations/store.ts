// The obligation table: reading rows as the API shows them, and the filtered, paged list.
import type { DB } from '../db/open';
import { notFound } from '../errors/errors';
import { BRONNEN } from './sources';
import type { Obligation, ObligationListInput } from '@shared/api/obligations';
import type { Page } from '@shared/api/common';
import type { Maatregel } from '@shared/domain';
import type { z } from 'zod';
import type { obligationListInput, Urgentie } from '@shared/api/obligations';
import { addDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import { actorEn } from './rules/actors';
import { obligationInGroupsSql } from './scope';
import { GROUPS_PARAM } from '../people/scope';

export interface ObligationRow {
  id: number;
  bron: 'maatregel' | 'melding';
  bron_id: number;
  measure_id: number | null;
  incident_id: number | null;
  person_id: number | null;
  regel: string;
  sleutel: string;
  volgorde: number;
  titel: string;
  /** The English title (rules/types.ts); '' when the rules no longer write this row's Dutch title, NULL before the first fill (titleBackfill.ts). */
  titel_en: string | null;
  grondslag: string;
  /** Source ids (sources/), comma-separated. */
  bronnen: string;
  waarschuwing: number;
  actor: string;
  urgent: number;
  tijd_verplicht: number;
  beslissing: number;
  uiterlijk: string | null;
  te_laat_vanaf: string | null;
  status: 'open' | 'gedaan' | 'nvt';
  gedaan_op: string | null;
  gedaan_tijd: string | null;
  gedaan_door: string | null;
  uitkomst: string | null;
  nvt_reden: string | null;
  toelichting: string | null;
  door_systeem: string | null;
  created_at: string;
  updated_at: string;
}

/** The row plus the names the lists show (person, incident number, measure kind); names as people/names.ts displayName. */
const SELECT = `
  SELECT o.*,
    COALESCE(
      TRIM(COALESCE(NULLIF(p.roepnaam, ''), p.voornaam) || ' ' || COALESCE(NULLIF(p.tussenvoegsel, '') || ' ', '') || p.achternaam),
      (SELECT GROUP_CONCAT(TRIM(COALESCE(NULLIF(dp.roepnaam, ''), dp.voornaam) || ' ' || COALESCE(NULLIF(dp.tussenvoegsel, '') || ' ', '') || dp.achternaam), ', ')
         FROM incident_person ip JOIN person dp ON dp.id = ip.person_id
        WHERE ip.incident_id = o.incident_id AND ip.rol = 'dader')
    ) AS persoon_naam,
    i.nummer AS incident_nummer,
    m.soort AS maatregel_soort
  FROM obligation o
  LEFT JOIN person p ON p.id = o.person_id
  LEFT JOIN incident i ON i.id = o.incident_id
  LEFT JOIN measure m ON m.id = o.measure_id`;

type JoinedRow = ObligationRow & { persoon_naam: string | null; incident_nummer: string | null; maatregel_soort: Maatregel | null };

export function isTeLaat(r: Pick<ObligationRow, 'status' | 'te_laat_vanaf'>, today: string): boolean {
  return r.status === 'open' && r.te_laat_vanaf !== null && r.te_laat_vanaf <= today;
}

/** The end of "this week" for the Overzicht and the tasks' urgency: today + 7 days. */
export const weekEindeVan = (today: string): string => format(addDays(parseISO(today), 7), 'yyyy-MM-dd');

/** How pressing an obligation is today (the contract's `Urgentie`). */
export function urgentieVan(r: Pick<ObligationRow, 'status' | 'te_laat_vanaf' | 'uiterlijk' | 'urgent'>, today: string): Urgentie {
  if (r.status !== 'open') return 'later';
  if (isTeLaat(r, today)) return 'te_laat';
  return r.urgent === 1 || (r.uiterlijk !== null && r.uiterlijk <= weekEindeVan(today)) ? 'deze_week' : 'later';
}

/** The sources of an obligation as the app shows them; an id this version does not know is shown as itself. */
function bronnenVan(ids: string): Obligation['bronnen'] {
  return ids
    .split(',')
    .filter(Boolean)
    .map((id) => {
      const b = (BRONNEN as Record<string, { citaat: string; kern: string; kernEn: string; url: string | null } | undefined>)[id];
      return { id, citaat: b?.citaat ?? id, kern: b?.kern ?? '', kernEn: b?.kernEn ?? '', url: b?.url ?? null };
    });
}

export function toObligation(r: JoinedRow, today: string): Obligation {
  return {
    id: r.id,
    bron: r.bron,
    bronId: r.bron_id,
    measureId: r.measure_id,
    incidentId: r.incident_id,
    personId: r.person_id,
    persoonNaam: r.persoon_naam,
    incidentNummer: r.incident_nummer,
    maatregelSoort: r.maatregel_soort,
    regel: r.regel,
    sleutel: r.sleutel,
    titel: r.titel,
    titelEn: r.titel_en || null,
    grondslag: r.grondslag,
    bronnen: bronnenVan(r.bronnen),
    waarschuwing: r.waarschuwing === 1,
    actor: r.actor,
    actorEn: actorEn(r.actor),
    urgent: r.urgent === 1,
    tijdVerplicht: r.tijd_verplicht === 1,
    beslissing: r.beslissing === 1,
    uiterlijk: r.uiterlijk,
    teLaatVanaf: r.te_laat_vanaf,
    status: r.status,
    teLaat: isTeLaat(r, today),
    urgentie: urgentieVan(r, today),
    gedaanOp: r.gedaan_op,
    gedaanTijd: r.gedaan_tijd,
    gedaanDoor: r.gedaan_door,
    uitkomst: r.uitkomst,
    nvtReden: r.nvt_reden,
    toelichting: r.toelichting,
    doorSysteem: r.door_systeem,
    updatedAt: r.updated_at,
  };
}

export const obligationRow = (db: DB, id: number) =>
  db.prepare('SELECT * FROM obligation WHERE id = ?').get(id) as ObligationRow | undefined;

export function getObligation(db: DB, id: number, today: string): Obligation {
  const r = db.prepare(`${SELECT} WHERE o.id = ?`).get(id) as JoinedRow | undefined;
  if (!r) throw notFound('Deze verplichting');
  return toObligation(r, today);
}

/** Rows of one source (measure or incident), in rule order. */
export function obligationsOf(db: DB, bron: 'maatregel' | 'melding', bronId: number, today: string): Obligation[] {
  const rows = db.prepare(`${SELECT} WHERE o.bron = ? AND o.bron_id = ? ORDER BY o.volgorde, o.id`).all(bron, bronId) as JoinedRow[];
  return rows.map((r) => toObligation(r, today));
}

// Open before done; overdue first, then by due date (no date last), then rule order.
const ORDER = `ORDER BY CASE o.status WHEN 'open' THEN 0 ELSE 1 END,
  CASE WHEN o.status = 'open' AND o.te_laat_vanaf IS NOT NULL AND o.te_laat_vanaf <= @today THEN 0 ELSE 1 END,
  o.uiterlijk IS NULL, o.uiterlijk, o.volgorde, o.id`;

/** `groups`: only the obligations of these groups (obligations/scope.ts); null or left out, all. */
export function listObligations(
  db: DB,
  f: z.output<typeof obligationListInput>,
  today: string,
  groups?: string[] | null,
): Page<Obligation> {
  const where: string[] = [];
  const params: Record<string, unknown> = { today, limit: f.limit, offset: f.offset };
  if (f.status?.length) {
    where.push(`o.status IN (${f.status.map((_, i) => `@s${i}`).join(', ')})`);
    f.status.forEach((s, i) => (params[`s${i}`] = s));
  }
  if (f.teLaat) where.push(`o.status = 'open' AND o.te_laat_vanaf IS NOT NULL AND o.te_laat_vanaf <= @today`);
  if (f.uiterlijkVoor) {
    where.push('o.uiterlijk IS NOT NULL AND o.uiterlijk <= @voor');
    params.voor = f.uiterlijkVoor;
  }
  if (f.personId) {
    // The person's own measures, and the incidents where they are dader (e.g. the sexual-offence path).
    where.push(
      `(o.person_id = @person OR (o.bron = 'melding' AND o.incident_id IN (SELECT incident_id FROM incident_person WHERE person_id = @person AND rol = 'dader')))`,
    );
    params.person = f.personId;
  }
  if (f.incidentId) {
    where.push('o.incident_id = @incident');
    params.incident = f.incidentId;
  }
  if (f.measureId) {
    where.push('o.measure_id = @measure');
    params.measure = f.measureId;
  }
  if (groups) {
    where.push(obligationInGroupsSql('o'));
    params[GROUPS_PARAM] = JSON.stringify(groups);
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM obligation o ${w}`).get(params) as { n: number }).n;
  // Order and page on the obligation table alone, then join names for the page's rows only: joining
  // first read every matching row with its person, incident and measure before sorting (75 ms for
  // the dashboard's overdue list at a million incidents, 3,700 open obligations).
  const rows = db
    .prepare(`${SELECT} WHERE o.id IN (SELECT o.id FROM obligation o ${w} ${ORDER} LIMIT @limit OFFSET @offset) ${ORDER}`)
    .all(params) as JoinedRow[];
  return { rows: rows.map((r) => toObligation(r, today)), total };
}

export type { ObligationListInput };
