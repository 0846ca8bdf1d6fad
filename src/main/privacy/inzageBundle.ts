// The answer to an access request as one .zip (AVG art. 15 lid 3: a copy of the personal data):
//   - the dossier export (.docx) with the letters' full text, other people replaced by a role;
//   - the final letters sent to the person, or to the parent who asked, as they were sent (.docx);
//     not a letter to the other parent: that letter and its address are that parent's, not the
//     requester's (the dossier's own rule for guardians' addresses, dossier/dossierExport.ts);
//   - only when the school leader ticks them one by one: evidence files of the person's incidents.
//     A screenshot can show other children and cannot be pseudonymised automatically, so nothing is
//     sent unless it was ticked, and a file whose bytes no longer match its SHA-256 is refused.
// The zip is built in memory and written once, to the file store's area "exports" (the file the
// school leader asked for), and audited with the list of what went in.
import path from 'node:path';
import type { Ctx } from '../context/context';
import type { DB } from '../db/open';
import { CoreError, fieldError } from '../errors/errors';
import { sha256 } from '../files/fileStore';
import type { AccessBundleEvidence, AccessBundleLetter } from '@shared/api/trust';
import { buildDossierDocx, incidentIds } from '../dossier/dossierExport';
import type { DossierReview } from '../letters/pseudonyms';
import { listLetters, readLetterFile } from '../letters/store';
import type { LetterSummary } from '@shared/api/letters';
import { todayIn } from '@shared/dates';

const safe = (s: string) => s.replace(/[\\/:*?"<>|]+/g, ' ').trim();

/** The letters that go in as files: sent to the person, or to the parent who asked. */
export function bundleLetters(db: DB, personId: number, aanvragerId: number | null): LetterSummary[] {
  return listLetters(db, { personId })
    .reverse()
    .filter((l) => l.geadresseerdeId !== null && (l.geadresseerdeId === personId || l.geadresseerdeId === aanvragerId));
}

interface EvidenceRow {
  id: number;
  nummer: string;
  bestandsnaam: string | null;
  opslagnaam: string;
  omschrijving: string | null;
  beveiligd_op: string;
  grootte: number | null;
  sha256: string | null;
}

function evidenceRows(db: DB, personId: number): EvidenceRow[] {
  const ids = incidentIds(db, personId);
  if (!ids.length) return [];
  return db
    .prepare(
      `SELECT e.id, i.nummer, e.bestandsnaam, e.opslagnaam, e.omschrijving, e.beveiligd_op, e.grootte, e.sha256
         FROM evidence e JOIN incident i ON i.id = e.incident_id
        WHERE e.soort = 'bestand' AND e.opslagnaam IS NOT NULL AND e.incident_id IN (${ids.map(() => '?').join(',')})
        ORDER BY i.datum_voorval, i.id, e.id`,
    )
    .all(...ids) as EvidenceRow[];
}

export const bundleEvidence = (db: DB, personId: number): AccessBundleEvidence[] =>
  evidenceRows(db, personId).map((e) => ({
    id: e.id,
    melding: e.nummer,
    bestandsnaam: e.bestandsnaam ?? e.opslagnaam,
    omschrijving: e.omschrijving,
    beveiligdOp: e.beveiligd_op,
    grootte: e.grootte,
  }));

export const letterEntries = (letters: LetterSummary[]): AccessBundleLetter[] =>
  letters.map((l) => ({ id: l.id, kenmerk: l.kenmerk, titel: l.titel, aan: l.geadresseerde, datum: todayIn(new Date(l.definitiefOp)) }));

/** An evidence file's bytes, refused in Dutch (naming it) when missing or changed since it was recorded. */
function evidenceBytes(ctx: Ctx, e: EvidenceRow): Buffer {
  const naam = `"${e.bestandsnaam ?? e.opslagnaam}" bij melding ${e.nummer}`;
  let bytes: Buffer;
  try {
    bytes = ctx.files.read('bewijs', e.opslagnaam);
  } catch {
    throw new CoreError(
      'NIET_GEVONDEN',
      `Het bewijsstuk ${naam} is niet gevonden in de map met bewijsstukken. Er is niets gemaakt; vink het uit of zet de laatste reservekopie terug.`,
    );
  }
  if (!e.sha256 || sha256(bytes) !== e.sha256)
    throw new CoreError(
      'CONFLICT',
      `Het bewijsstuk ${naam} is gewijzigd sinds het werd vastgelegd (het controlegetal SHA-256 klopt niet) en wordt niet meegestuurd. Er is niets gemaakt; vink het uit of zet de laatste reservekopie terug.`,
    );
  return bytes;
}

export interface BundleInput {
  personId: number;
  aanvragerId: number | null;
  toelichting: string;
  bewijsIds: number[];
  /** Called with what remains in the dossier before anything is written; throws to stop. */
  check: (review: DossierReview) => void;
}

export interface BundleEntry {
  naam: string;
  sha256: string;
  soort: 'dossier' | 'brief' | 'bewijsstuk';
  /** The letter's kenmerk or the evidence id, for the audit trail. */
  bron?: string;
}

/** Builds the .zip in memory. Nothing is written; every check comes first. */
export async function buildBundle(ctx: Ctx, input: BundleInput): Promise<{ buffer: Buffer; entries: BundleEntry[]; vervangen: number }> {
  const { default: JSZip } = await import('jszip'); // loaded when a bundle is made (before anything is read), not when the core starts
  const evidence = evidenceRows(ctx.db, input.personId);
  const chosen = [...new Set(input.bewijsIds)].map((id) => {
    const e = evidence.find((x) => x.id === id);
    if (!e) throw fieldError('bewijsIds', `Bewijsstuk ${id} hoort niet bij een melding van deze persoon; het kan niet worden meegestuurd.`);
    return e;
  });
  const files = chosen.map((e) => ({ e, bytes: evidenceBytes(ctx, e) }));
  const letters = bundleLetters(ctx.db, input.personId, input.aanvragerId).map((l) => readLetterFile(ctx, l.id));
  const dossier = await buildDossierDocx(ctx, input.personId, 'inzageverzoek', input.toelichting, { aanvragerId: input.aanvragerId });
  input.check(dossier.review);

  const zip = new JSZip();
  const entries: BundleEntry[] = [];
  const add = (naam: string, bytes: Buffer, soort: BundleEntry['soort'], bron?: string) => {
    zip.file(naam, bytes);
    entries.push({ naam, sha256: sha256(bytes), soort, ...(bron ? { bron } : {}) });
  };
  add(dossier.bestandsnaam, dossier.buffer, 'dossier');
  for (const { row, bytes } of letters) add(`Brieven/${safe(row.kenmerk)}.docx`, bytes, 'brief', row.kenmerk);
  for (const { e, bytes } of files) {
    // A neutral name: the original file name may itself name another child.
    const ext = path.extname(e.bestandsnaam ?? e.opslagnaam).toLowerCase();
    add(`Bewijsstukken/${safe(e.nummer)} bewijsstuk ${e.id}${/^\.[a-z0-9]{1,8}$/.test(ext) ? ext : ''}`, bytes, 'bewijsstuk', String(e.id));
  }
  const buffer = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  return { buffer, entries, vervangen: dossier.vervangen };
}
