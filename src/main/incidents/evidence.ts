// Evidence (bewijs): files are copied into the app's folder under a name we generate, with their
// SHA-256, original name and the date they were secured; links are kept as text. Evidence rows
// are never updated. Viewing a file is itself recorded in the audit trail.
import fs from 'node:fs';
import path from 'node:path';
import type { Ctx } from '../context/context';
import { CoreError, fieldError } from '../errors/errors';
import type { Parsed } from '@shared/api';
import { BEWIJS_TE_GROOT, MAX_BEWIJS_BYTES } from '@shared/api/incidents';
import type { Evidence } from '@shared/api/incidents';
import { sha256 } from '../files/fileStore';
import { requireIncidentRow, toEvidence } from './read';
import type { EvidenceRow } from './read';

const MIME: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.heic': 'image/heic',
  '.bmp': 'image/bmp',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain',
  '.csv': 'text/csv',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.json': 'application/json',
  '.zip': 'application/zip',
  '.mp4': 'video/mp4',
  '.mov': 'video/quicktime',
  '.webm': 'video/webm',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.ogg': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.wav': 'audio/wav',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.doc': 'application/msword',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.eml': 'message/rfc822',
};

export const mimeFor = (fileName: string): string => MIME[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';

/** Strict base64 (whitespace allowed): Node's decoder silently skips bad characters, we do not. */
function decodeBase64(s: string): Buffer {
  const clean = s.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) {
    throw fieldError('inhoudBase64', 'Het bestand kon niet worden gelezen. Probeer het opnieuw toe te voegen.');
  }
  return Buffer.from(clean, 'base64');
}

export function getEvidenceRow(ctx: Ctx, id: number): EvidenceRow {
  const row = ctx.db.prepare('SELECT * FROM evidence WHERE id = ?').get(id) as EvidenceRow | undefined;
  if (!row) throw new CoreError('NIET_GEVONDEN', 'Dit bewijsstuk bestaat niet (meer).');
  return row;
}

export function addEvidence(ctx: Ctx, e: Parsed<'evidence.add'>): Evidence {
  requireIncidentRow(ctx.db, e.incidentId);
  if (e.beveiligdOp > ctx.today()) throw fieldError('beveiligdOp', 'De datum van veiligstellen ligt in de toekomst.');
  let stored: { opslagnaam: string; sha256: string; grootte: number } | null = null;
  let bestandsnaam: string | null = null;
  if (e.inhoudBase64) {
    bestandsnaam = e.bestandsnaam!;
    const bytes = decodeBase64(e.inhoudBase64);
    if (bytes.length === 0) throw fieldError('inhoudBase64', 'Het bestand is leeg.');
    if (bytes.length > MAX_BEWIJS_BYTES) throw fieldError('inhoudBase64', BEWIJS_TE_GROOT);
    stored = ctx.files.write('bewijs', bestandsnaam, bytes);
  }
  try {
    const info = ctx.db
      .prepare(
        `INSERT INTO evidence (incident_id, soort, bestandsnaam, opslagnaam, mime, grootte, sha256, url, omschrijving, beveiligd_op, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        e.incidentId,
        stored ? 'bestand' : 'link',
        bestandsnaam,
        stored?.opslagnaam ?? null,
        bestandsnaam ? mimeFor(bestandsnaam) : null,
        stored?.grootte ?? null,
        stored?.sha256 ?? null,
        e.url ?? null,
        e.omschrijving ?? null,
        e.beveiligdOp,
        ctx.nowIso(),
      );
    const evidence = toEvidence(getEvidenceRow(ctx, Number(info.lastInsertRowid)));
    ctx.audit('bewijs', evidence.id, 'toegevoegd', null, evidence);
    return { ...evidence, intact: stored ? true : null };
  } catch (err) {
    // The row did not make it: do not leave an unreferenced copy behind.
    if (stored) ctx.files.remove('bewijs', stored.opslagnaam);
    throw err;
  }
}

/** Hashes already done, by file and its size and change times: opening an incident rereads nothing unchanged. */
const checked = new Map<string, boolean>();

/**
 * Whether the stored copy still matches the SHA-256 taken when it was secured: false when it was
 * changed or is gone (then it is no longer the original evidence), null for a link.
 */
export function evidenceIntact(ctx: Ctx, e: Evidence): boolean | null {
  const row = ctx.db.prepare('SELECT opslagnaam FROM evidence WHERE id = ?').get(e.id) as { opslagnaam: string | null } | undefined;
  if (!row?.opslagnaam || !e.sha256) return null;
  let stat: fs.Stats;
  const file = ctx.files.path('bewijs', row.opslagnaam);
  try {
    stat = fs.statSync(file);
  } catch {
    return false;
  }
  const key = `${file}|${e.sha256}|${stat.size}|${stat.mtimeMs}|${stat.ctimeMs}`;
  let intact = checked.get(key);
  if (intact === undefined) {
    intact = stat.size === e.grootte && sha256(fs.readFileSync(file)) === e.sha256;
    if (checked.size > 1000) checked.clear();
    checked.set(key, intact);
  }
  return intact;
}

/** The evidence of an incident, each file checked against its SHA-256. */
export const withIntegrity = (ctx: Ctx, evidence: Evidence[]): Evidence[] => evidence.map((e) => ({ ...e, intact: evidenceIntact(ctx, e) }));

export function readEvidence(ctx: Ctx, id: number): { bewijs: Evidence; inhoudBase64: string | null; intact: boolean | null } {
  const row = getEvidenceRow(ctx, id);
  let inhoudBase64: string | null = null;
  let intact: boolean | null = null;
  if (row.opslagnaam) {
    let bytes: Buffer;
    try {
      bytes = ctx.files.read('bewijs', row.opslagnaam);
    } catch {
      throw new CoreError('NIET_GEVONDEN', 'Het bewijsbestand is niet gevonden in de map van de app. Zet zo nodig een reservekopie terug.');
    }
    intact = sha256(bytes) === row.sha256;
    inhoudBase64 = bytes.toString('base64');
  }
  const bewijs = { ...toEvidence(row), intact };
  ctx.tx(() => ctx.audit('bewijs', id, 'bekeken', null, { incidentId: row.incident_id, bestandsnaam: row.bestandsnaam, intact }));
  return { bewijs, inhoudBase64, intact };
}
