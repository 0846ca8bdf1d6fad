// The sexual-offence checklist of an incident (DOMAIN.md §6.4): whether the path applies and why,
// its steps with date and time, and the school's answer for inappropriate contact ("possible sexual
// offence?"), which opens or closes the path.
import type { Ctx } from '../core/context';
import { fieldError, notFound } from '../core/errors';
import type { DB } from '../db/open';
import type { Checklist } from '../../shared/api/obligations';
import type { PersoonSoort } from '../../shared/domain';
import { obligationsOf } from './store';
import { zedenStatus } from './rules/zeden';
import { recomputeIncident } from './recompute';

function incidentFacts(db: DB, incidentId: number) {
  const i = db.prepare('SELECT id, categorie, ernst, datum_melding FROM incident WHERE id = ?').get(incidentId) as
    | { id: number; categorie: string; ernst: 'laag' | 'middel' | 'hoog' | 'zeer_hoog'; datum_melding: string }
    | undefined;
  if (!i) throw notFound('Deze melding');
  const people = db
    .prepare('SELECT ip.person_id, ip.rol, p.soort FROM incident_person ip JOIN person p ON p.id = ip.person_id WHERE ip.incident_id = ?')
    .all(incidentId) as { person_id: number; rol: string; soort: PersoonSoort }[];
  const z = db.prepare('SELECT vermoeden FROM incident_zeden WHERE incident_id = ?').get(incidentId) as { vermoeden: number } | undefined;
  return {
    incident: { id: i.id, categorie: i.categorie, ernst: i.ernst, datumMelding: i.datum_melding },
    daders: people.filter((p) => p.rol === 'dader').map((p) => ({ personId: p.person_id, soort: p.soort })),
    slachtoffers: people.filter((p) => p.rol === 'slachtoffer').map((p) => ({ personId: p.person_id, soort: p.soort })),
    zedenVermoeden: z ? z.vermoeden === 1 : null,
  };
}

export function getChecklist(db: DB, incidentId: number, today: string): Checklist {
  const f = incidentFacts(db, incidentId);
  const st = zedenStatus(f);
  const stappen = obligationsOf(db, 'melding', incidentId, today)
    .filter((o) => o.regel.startsWith('zeden.'))
    .map((o, i) => ({ ...o, stap: i + 1 }));
  return {
    incidentId,
    actief: st.actief,
    reden: st.reden,
    vraagZedenVermoeden: st.vraag,
    zedenVermoeden: f.zedenVermoeden,
    stappen,
    afgerond: stappen.length > 0 && stappen.every((s) => s.status !== 'open'),
  };
}

export function setZedenVermoeden(ctx: Ctx, incidentId: number, vermoeden: boolean, door: string): Checklist {
  const f = incidentFacts(ctx.db, incidentId);
  if (f.incident.categorie !== 'ongepast_contact') {
    throw fieldError('vermoeden', 'Deze vraag hoort bij ongepast contact. Bij de categorie seksueel geldt de meldplicht altijd.');
  }
  const before = f.zedenVermoeden;
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
