// Reading one incident in full: people with their roles, rules, immediate actions, evidence,
// measures and reports to authorities.
import type { DB } from '../db/open';
import { notFound } from '../errors/errors';
import type { Incident, Evidence } from '@shared/api/incidents';
import type { Locatie, Platform, Ernst, IncidentStatus, Rol, DirecteActie } from '@shared/domain';
import { personRef, toRef } from '../people/people';
import type { PersonDbRow } from '../people/people';
import { rulesById } from '../protocols/read';
import { measuresOfIncident, reportsOfIncident } from './hooks';

export interface IncidentDbRow {
  id: number;
  nummer: string;
  datum_voorval: string;
  tijd_voorval: string | null;
  datum_melding: string;
  melder_id: number | null;
  melder_omschrijving: string | null;
  locatie: Locatie;
  platform: Platform;
  platform_anders: string | null;
  categorie: string;
  ernst: Ernst;
  omschrijving: string;
  status: IncidentStatus;
  protocol_id: number | null;
  vervolg: string | null;
  schooljaar: string;
  created_at: string;
  updated_at: string;
  versie: number;
}

export interface EvidenceRow {
  id: number;
  incident_id: number;
  soort: 'bestand' | 'link';
  bestandsnaam: string | null;
  opslagnaam: string | null;
  mime: string | null;
  grootte: number | null;
  sha256: string | null;
  url: string | null;
  omschrijving: string | null;
  beveiligd_op: string;
  created_at: string;
}

export const toEvidence = (r: EvidenceRow): Evidence => ({
  id: r.id,
  incidentId: r.incident_id,
  soort: r.soort,
  bestandsnaam: r.bestandsnaam,
  mime: r.mime,
  grootte: r.grootte,
  sha256: r.sha256,
  url: r.url,
  omschrijving: r.omschrijving,
  beveiligdOp: r.beveiligd_op,
  createdAt: r.created_at,
});

export function incidentRow(db: DB, id: number): IncidentDbRow | undefined {
  return db.prepare('SELECT * FROM incident WHERE id = ?').get(id) as IncidentDbRow | undefined;
}

export function requireIncidentRow(db: DB, id: number): IncidentDbRow {
  const row = incidentRow(db, id);
  if (!row) throw notFound('Deze melding');
  return row;
}

export function citedRuleIds(db: DB, incidentId: number): number[] {
  return (db.prepare('SELECT rule_id FROM incident_rule WHERE incident_id = ?').all(incidentId) as { rule_id: number }[]).map((r) => r.rule_id);
}

export function getIncident(db: DB, id: number): Incident {
  const r = requireIncidentRow(db, id);
  const rules = [...rulesById(db, citedRuleIds(db, id)).values()].sort((a, b) =>
    a.volledigNummer.localeCompare(b.volledigNummer, 'nl', { numeric: true }),
  );
  const involved = db
    .prepare(
      `SELECT ip.rol, ip.toelichting, p.* FROM incident_person ip JOIN person p ON p.id = ip.person_id WHERE ip.incident_id = ?
       ORDER BY CASE ip.rol WHEN 'dader' THEN 1 WHEN 'slachtoffer' THEN 2 WHEN 'getuige' THEN 3 ELSE 4 END, ip.id`,
    )
    .all(id) as (PersonDbRow & { rol: Rol; toelichting: string | null })[];
  const actions = db.prepare('SELECT actie, datum, toelichting FROM incident_action WHERE incident_id = ? ORDER BY datum, id').all(id) as {
    actie: DirecteActie;
    datum: string;
    toelichting: string | null;
  }[];
  const evidence = db.prepare('SELECT * FROM evidence WHERE incident_id = ? ORDER BY id').all(id) as EvidenceRow[];
  return {
    id: r.id,
    nummer: r.nummer,
    datumVoorval: r.datum_voorval,
    tijdVoorval: r.tijd_voorval,
    datumMelding: r.datum_melding,
    melderId: r.melder_id,
    melder: personRef(db, r.melder_id),
    melderOmschrijving: r.melder_omschrijving,
    locatie: r.locatie,
    platform: r.platform,
    platformAnders: r.platform_anders,
    categorie: r.categorie,
    ernst: r.ernst,
    omschrijving: r.omschrijving,
    status: r.status,
    schooljaar: r.schooljaar,
    protocolId: r.protocol_id,
    regels: rules.map((x) => ({ id: x.id, volledigNummer: x.volledigNummer, tekst: x.tekst })),
    betrokkenen: involved.map((p) => ({ personId: p.id, persoon: toRef(p), rol: p.rol, toelichting: p.toelichting })),
    directeActies: actions,
    bewijs: evidence.map(toEvidence),
    maatregelen: measuresOfIncident.call(db, id),
    externeMeldingen: reportsOfIncident.call(db, id),
    vervolg: r.vervolg,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    versie: r.versie,
  };
}
