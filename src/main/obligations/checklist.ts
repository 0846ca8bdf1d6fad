// The sexual-offence checklist of an incident (docs/LAW.md): whether the statutory path applies and
// why, its steps with date and time, and the school's answer to "possibly a sexual offence?", which the
// app asks whenever someone working at the school is dader against a pupil.
import type { Ctx } from '../context/context';
import { fieldError, notFound } from '../errors/errors';
import type { DB } from '../db/open';
import type { Checklist } from '@shared/api/obligations';
import { getSchool } from '../school/school';
import { obligationsOf } from './store';
import { zedenStatus } from './rules/zeden';
import type { ZedenStatus } from './rules/zeden';
import { recomputeIncident } from './recompute';
import { incidentParties } from './parties';

/** The rule's view of one incident, read from the database. */
export function zedenStatusVan(db: DB, incidentId: number): ZedenStatus & { zedenVermoeden: boolean | null; categorie: string } {
  const i = db.prepare('SELECT id, categorie, ernst, datum_voorval, datum_melding FROM incident WHERE id = ?').get(incidentId) as
    | { id: number; categorie: string; ernst: 'laag' | 'middel' | 'hoog' | 'zeer_hoog'; datum_voorval: string; datum_melding: string }
    | undefined;
  if (!i) throw notFound('Deze melding');
  const school = getSchool(db);
  const parties = incidentParties(db, incidentId);
  const st = zedenStatus({
    school: school ? { sector: school.sector, openbaar: school.openbaar } : null,
    incident: { id: i.id, categorie: i.categorie, ernst: i.ernst, datumVoorval: i.datum_voorval, datumMelding: i.datum_melding },
    ...parties,
  });
  return { ...st, zedenVermoeden: parties.zedenVermoeden, categorie: i.categorie };
}

export function getChecklist(db: DB, incidentId: number, today: string): Checklist {
  const st = zedenStatusVan(db, incidentId);
  const stappen = obligationsOf(db, 'melding', incidentId, today)
    .filter((o) => o.regel.startsWith('zeden.'))
    .map((o, i) => ({ ...o, stap: i + 1 }));
  return {
    incidentId,
    actief: st.actief,
    reden: st.reden,
    vraagZedenVermoeden: st.vraag,
    zedenVermoeden: st.zedenVermoeden,
    stappen,
    afgerond: stappen.length > 0 && stappen.every((s) => s.status !== 'open'),
  };
}

export function setZedenVermoeden(ctx: Ctx, incidentId: number, vermoeden: boolean, door: string): Checklist {
  const st = zedenStatusVan(ctx.db, incidentId);
  if (st.categorie === 'seksueel')
    throw fieldError('vermoeden', 'Bij de categorie seksueel geldt de meldplicht altijd; deze vraag hoort bij de andere categorieën.');
  if (!st.vraag)
    throw fieldError(
      'vermoeden',
      `Deze vraag hoort bij een melding waarin iemand die op school werkt dader is tegen een minderjarige leerling. ${st.reden}`,
    );
  const before = st.zedenVermoeden;
  ctx.db
    .prepare(
      `INSERT INTO incident_zeden (incident_id, vermoeden, vastgesteld_door, vastgesteld_op) VALUES (?, ?, ?, ?)
       ON CONFLICT(incident_id) DO UPDATE SET vermoeden = excluded.vermoeden, vastgesteld_door = excluded.vastgesteld_door, vastgesteld_op = excluded.vastgesteld_op`,
    )
    .run(incidentId, vermoeden ? 1 : 0, door, ctx.nowIso());
  ctx.audit('melding_zeden', incidentId, 'vastgesteld', { vermoeden: before }, { vermoeden, door });
  recomputeIncident(ctx, incidentId);
  return getChecklist(ctx.db, incidentId, ctx.today());
}
