// The people of an incident as the sexual-offence rule sees them: the daders with their kind, the
// victims with their kind and date of birth (a minor victim brings the statutory path), and the
// school's answer to "possibly a sexual offence?". Read once here for the rule, the checklist and the advice.
import type { DB } from '../db/open';
import type { PersoonSoort } from '@shared/domain';
import type { IncidentFacts } from './rules/types';

export function incidentParties(db: DB, incidentId: number): Pick<IncidentFacts, 'daders' | 'slachtoffers' | 'zedenVermoeden'> {
  const people = db
    .prepare(
      `SELECT ip.person_id, ip.rol, p.soort, p.geboortedatum FROM incident_person ip JOIN person p ON p.id = ip.person_id WHERE ip.incident_id = ?`,
    )
    .all(incidentId) as { person_id: number; rol: string; soort: PersoonSoort; geboortedatum: string | null }[];
  const z = db.prepare('SELECT vermoeden FROM incident_zeden WHERE incident_id = ?').get(incidentId) as { vermoeden: number } | undefined;
  return {
    daders: people.filter((p) => p.rol === 'dader').map((p) => ({ personId: p.person_id, soort: p.soort })),
    slachtoffers: people
      .filter((p) => p.rol === 'slachtoffer')
      .map((p) => ({ personId: p.person_id, soort: p.soort, geboortedatum: p.geboortedatum })),
    zedenVermoeden: z ? z.vermoeden === 1 : null,
  };
}
