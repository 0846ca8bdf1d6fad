// The sources of a person's dossier timeline. Each source returns its own items; the dossier merges
// them newest first. Another concept (letters, obligations) adds its timeline with one line here.
import type { Ctx } from '../context/context';
import type { DossierItem } from '@shared/api/people';
import type { Rol, IncidentStatus, Maatregel, MaatregelStatus, Instantie, ExterneMeldingSoort } from '@shared/domain';
import { lettersDossierSource } from '../letters/store';
import { obligationDossierSource } from './obligationsSource';

export type DossierSource = (ctx: Ctx, personId: number) => DossierItem[];

/** Incidents the person is involved in, one item per role (and as reporter via melder_id). */
const incidentSource: DossierSource = (ctx, personId) => {
  const rows = ctx.db
    .prepare(
      `SELECT i.id, i.nummer, i.datum_voorval, i.categorie, i.status, i.omschrijving, ip.rol
         FROM incident_person ip JOIN incident i ON i.id = ip.incident_id WHERE ip.person_id = ?
       UNION
       SELECT i.id, i.nummer, i.datum_voorval, i.categorie, i.status, i.omschrijving, 'melder' AS rol
         FROM incident i WHERE i.melder_id = ?`,
    )
    .all(personId, personId) as { id: number; nummer: string; datum_voorval: string; categorie: string; status: IncidentStatus; omschrijving: string; rol: Rol }[];
  return rows.map((r) => ({
    type: 'melding',
    datum: r.datum_voorval,
    incidentId: r.id,
    nummer: r.nummer,
    rol: r.rol,
    categorie: r.categorie,
    status: r.status,
    omschrijving: r.omschrijving,
  }));
};

const measureSource: DossierSource = (ctx, personId) => {
  const rows = ctx.db.prepare('SELECT * FROM measure WHERE person_id = ?').all(personId) as {
    id: number;
    incident_id: number | null;
    soort: Maatregel;
    status: MaatregelStatus;
    besluit_datum: string;
    startdatum: string | null;
    einddatum: string | null;
    toelichting: string | null;
  }[];
  return rows.map((r) => ({
    type: 'maatregel',
    datum: r.besluit_datum,
    measureId: r.id,
    incidentId: r.incident_id,
    soort: r.soort,
    status: r.status,
    startdatum: r.startdatum,
    einddatum: r.einddatum,
    toelichting: r.toelichting,
  }));
};

/** Reports about the person, and reports without a named person on incidents where they were dader or slachtoffer. */
const externalReportSource: DossierSource = (ctx, personId) => {
  const rows = ctx.db
    .prepare(
      `SELECT r.id, r.incident_id, r.instantie, r.soort, r.datum, r.kenmerk FROM external_report r
       WHERE r.person_id = ?
          OR (r.person_id IS NULL AND r.incident_id IN
              (SELECT incident_id FROM incident_person WHERE person_id = ? AND rol IN ('dader','slachtoffer')))`,
    )
    .all(personId, personId) as { id: number; incident_id: number; instantie: Instantie; soort: ExterneMeldingSoort; datum: string; kenmerk: string | null }[];
  return rows.map((r) => ({ type: 'externe_melding', datum: r.datum, reportId: r.id, incidentId: r.incident_id, instantie: r.instantie, soort: r.soort, kenmerk: r.kenmerk }));
};

export const dossierSources: DossierSource[] = [
  incidentSource,
  measureSource,
  externalReportSource,
  obligationDossierSource,
  lettersDossierSource,
  // letters and obligations add their sources here
];
