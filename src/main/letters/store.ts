// Final letters as rows: reading them for lists, the dossier timeline and downloads. Rows are only
// ever inserted (finalise.ts); the database refuses an update (trigger in 003_letters.sql).
import type { DB } from '../db/open';
import type { Ctx } from '../context/context';
import { CoreError, notFound } from '../errors/errors';
import type { LetterKind, LetterModel, LetterSummary } from '@shared/api/letters';
import type { DossierItem } from '@shared/api/people';
import { LETTER_KIND_LABEL } from '@shared/api/letters';
import { todayIn } from '@shared/dates';
import { sha256 } from '../files/fileStore';

export interface LetterRow {
  id: number;
  kenmerk: string;
  jaar: number;
  volgnummer: number;
  soort: LetterKind;
  person_id: number;
  measure_id: number | null;
  incident_id: number | null;
  external_report_id: number | null;
  geadresseerde_id: number | null;
  geadresseerde: string;
  betreft: string;
  model_json: string;
  opslagnaam: string;
  bestandsnaam: string;
  sha256: string;
  grootte: number;
  refers_to_kenmerk: string | null;
  correctie_reden: string | null;
  finalised_at: string;
  finalised_by: string;
}

export function toSummary(db: DB, r: LetterRow): LetterSummary {
  const later = db.prepare('SELECT kenmerk FROM letter WHERE refers_to_kenmerk = ? ORDER BY id').all(r.kenmerk) as { kenmerk: string }[];
  return {
    id: r.id,
    kenmerk: r.kenmerk,
    soort: r.soort,
    titel: LETTER_KIND_LABEL[r.soort]?.nl ?? r.soort,
    betreft: r.betreft,
    personId: r.person_id,
    measureId: r.measure_id,
    incidentId: r.incident_id,
    reportId: r.external_report_id,
    geadresseerdeId: r.geadresseerde_id,
    geadresseerde: r.geadresseerde,
    bestandsnaam: r.bestandsnaam,
    sha256: r.sha256,
    grootte: r.grootte,
    correctieVan: r.refers_to_kenmerk,
    correctieReden: r.correctie_reden,
    gecorrigeerdDoor: later.map((x) => x.kenmerk),
    definitiefOp: r.finalised_at,
    definitiefDoor: r.finalised_by,
  };
}

export function letterRow(db: DB, id: number): LetterRow {
  const r = db.prepare('SELECT * FROM letter WHERE id = ?').get(id) as LetterRow | undefined;
  if (!r) throw notFound('Deze brief');
  return r;
}

export const letterByKenmerk = (db: DB, kenmerk: string): LetterRow | undefined => db.prepare('SELECT * FROM letter WHERE kenmerk = ?').get(kenmerk) as LetterRow | undefined;

export function getLetter(db: DB, id: number): LetterSummary & { model: LetterModel } {
  const r = letterRow(db, id);
  return { ...toSummary(db, r), model: JSON.parse(r.model_json) as LetterModel };
}

export function listLetters(db: DB, f: { personId?: number; measureId?: number; incidentId?: number }): LetterSummary[] {
  const where: string[] = [];
  const params: number[] = [];
  if (f.personId !== undefined) {
    where.push('(person_id = ? OR geadresseerde_id = ?)');
    params.push(f.personId, f.personId);
  }
  if (f.measureId !== undefined) {
    where.push('measure_id = ?');
    params.push(f.measureId);
  }
  if (f.incidentId !== undefined) {
    where.push('incident_id = ?');
    params.push(f.incidentId);
  }
  const rows = db.prepare(`SELECT * FROM letter ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY finalised_at DESC, id DESC LIMIT 2000`).all(...params) as LetterRow[];
  return rows.map((r) => toSummary(db, r));
}

/** The final file's bytes, after checking they are still the bytes that were made final. */
export function readLetterFile(ctx: Ctx, id: number): { row: LetterRow; bytes: Buffer } {
  const row = letterRow(ctx.db, id);
  let bytes: Buffer;
  try {
    bytes = ctx.files.read('brieven', row.opslagnaam);
  } catch {
    throw new CoreError('NIET_GEVONDEN', `Het bestand van brief ${row.kenmerk} is niet gevonden in de map met brieven. Zet zo nodig de laatste reservekopie terug.`);
  }
  if (sha256(bytes) !== row.sha256) {
    throw new CoreError('CONFLICT', `Het bestand van brief ${row.kenmerk} is gewijzigd of beschadigd sinds de brief definitief werd (het controlegetal klopt niet). Zet zo nodig de laatste reservekopie terug.`);
  }
  return { row, bytes };
}

/** The person's letters on their dossier timeline: letters about them and letters sent to them. */
export function lettersDossierSource(ctx: Ctx, personId: number): DossierItem[] {
  const rows = ctx.db
    .prepare('SELECT id, kenmerk, soort, betreft, finalised_at, geadresseerde FROM letter WHERE person_id = ? OR geadresseerde_id = ?')
    .all(personId, personId) as { id: number; kenmerk: string; soort: LetterKind; betreft: string; finalised_at: string; geadresseerde: string }[];
  return rows.map((r) => ({
    type: 'brief',
    datum: todayIn(new Date(r.finalised_at)),
    letterId: r.id,
    kenmerk: r.kenmerk,
    titel: `${LETTER_KIND_LABEL[r.soort]?.nl ?? r.soort}: ${r.betreft} (aan ${r.geadresseerde})`,
  }));
}
