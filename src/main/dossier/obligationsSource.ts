// The obligations in a person's dossier timeline: the settled tasks of their own measures and, for a
// dader, of their incidents (the sexual-offence path), with who did it and when. Open tasks live on
// the dashboard and the incident; steps the app let lapse after a change ('herberekening') are no
// event in the person's history and stay out.
import type { DossierSource } from './dossierSources';

const STATUS: Record<string, string> = { gedaan: 'gedaan', nvt: 'niet van toepassing' };

export const obligationDossierSource: DossierSource = (ctx, personId) => {
  const rows = ctx.db
    .prepare(
      `SELECT id, titel, titel_en, status, gedaan_op, gedaan_door, uiterlijk, created_at FROM obligation
        WHERE status <> 'open' AND COALESCE(door_systeem, '') <> 'herberekening'
          AND (person_id = @p
           OR (bron = 'melding' AND incident_id IN (SELECT incident_id FROM incident_person WHERE person_id = @p AND rol = 'dader')))`,
    )
    .all({ p: personId }) as {
    id: number;
    titel: string;
    titel_en: string | null;
    status: string;
    gedaan_op: string | null;
    gedaan_door: string | null;
    uiterlijk: string | null;
    created_at: string;
  }[];
  return rows.map((r) => ({
    type: 'verplichting',
    // When it was done (or found not applicable).
    datum: r.gedaan_op ?? r.uiterlijk ?? r.created_at.slice(0, 10),
    obligationId: r.id,
    titel: r.titel,
    titelEn: r.titel_en || null,
    status: STATUS[r.status] ?? r.status,
    gedaanDoor: r.gedaan_door,
    gedaanOp: r.gedaan_op,
  }));
};
