// Reports by staff (ingediende meldingen, docs/SERVER.md "Melden door medewerkers"). A staff member
// reports what they saw, with screenshots stored like evidence (incidents/evidence.ts: the FileStore
// area 'bewijs', a generated name, the SHA-256 on arrival, the same size and type checks). The
// registrar accepts it (an incident through the incidents service, the files linked as its evidence
// on the same stored file), merges it into an incident, or declines it with a reason the reporter
// sees. Each step is audited and runs in the core's one transaction per call.
import type { Ctx } from '../context/context';
import { CoreError, fieldError, notFound } from '../errors/errors';
import type { Parsed } from '@shared/api';
import type { Page } from '@shared/api/common';
import type { Caller } from '@shared/api/caller';
import type { OwnSubmission, Submission, SubmissionFile, SubmissionRow, SubmissionStatus } from '@shared/api/submissions';
import { MELDERS, SCHOOLLEIDER } from '@shared/api/roles';
import { BEWIJS_TE_GROOT, MAX_BEWIJS_BYTES } from '@shared/api/incidents';
import type { Ernst, Locatie, Platform, Rol } from '@shared/domain';
import { dutchShortDate, todayIn } from '@shared/dates';
import { sha256 } from '../files/fileStore';
import type { StoredFile } from '../files/fileStore';
import { personRef, personRow } from '../people/people';
import { mimeFor } from '../incidents/evidence';
import { createIncident, updateIncident } from '../incidents/save';
import type { IncidentParsed } from '../incidents/save';
import { getIncident, requireIncidentRow } from '../incidents/read';
import { requireRole } from './caller';

/** The audit trail's name for a report. */
export const AUDIT_SUBMISSION = 'ingediende_melding';

interface SubmissionDbRow {
  id: number;
  wat: string;
  datum: string;
  tijd: string | null;
  locatie: Locatie;
  platform: Platform;
  platform_anders: string | null;
  anderen: string | null;
  melder_actor: string;
  melder_account_id: number | null;
  status: SubmissionStatus;
  incident_id: number | null;
  afwijsreden: string | null;
  behandeld_door: string | null;
  behandeld_op: string | null;
  created_at: string;
  updated_at: string;
}

interface FileDbRow {
  id: number;
  submission_id: number;
  bestandsnaam: string;
  opslagnaam: string;
  mime: string;
  grootte: number;
  sha256: string;
  evidence_id: number | null;
  created_at: string;
}

const toFile = (r: FileDbRow): SubmissionFile => ({
  id: r.id,
  bestandsnaam: r.bestandsnaam,
  mime: r.mime,
  grootte: r.grootte,
  sha256: r.sha256,
  evidenceId: r.evidence_id,
});

const incidentNummer = (ctx: Ctx, id: number | null): string | null =>
  id === null ? null : ((ctx.db.prepare('SELECT nummer FROM incident WHERE id = ?').pluck().get(id) as string | undefined) ?? null);

function row(ctx: Ctx, id: number): SubmissionDbRow {
  const r = ctx.db.prepare('SELECT * FROM submission WHERE id = ?').get(id) as SubmissionDbRow | undefined;
  if (!r) throw notFound('Deze ingediende melding');
  return r;
}

export function getSubmission(ctx: Ctx, id: number): Submission {
  const r = row(ctx, id);
  const personen = (
    ctx.db.prepare('SELECT person_id, rol FROM submission_person WHERE submission_id = ? ORDER BY id').all(id) as {
      person_id: number;
      rol: Rol;
    }[]
  ).map((p) => ({ personId: p.person_id, persoon: personRef(ctx.db, p.person_id)!, rol: p.rol }));
  const bestanden = (ctx.db.prepare('SELECT * FROM submission_file WHERE submission_id = ? ORDER BY id').all(id) as FileDbRow[]).map(
    toFile,
  );
  return {
    id: r.id,
    wat: r.wat,
    datum: r.datum,
    tijd: r.tijd,
    locatie: r.locatie,
    platform: r.platform,
    platformAnders: r.platform_anders,
    personen,
    anderen: r.anderen,
    bestanden,
    melder: r.melder_actor,
    melderAccountId: r.melder_account_id,
    status: r.status,
    incidentId: r.incident_id,
    incidentNummer: incidentNummer(ctx, r.incident_id),
    afwijsreden: r.afwijsreden,
    behandeldDoor: r.behandeld_door,
    behandeldOp: r.behandeld_op,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Strict base64 as for evidence (incidents/evidence.ts): Node's decoder silently skips bad characters. */
function decodeBase64(s: string, field: string): Buffer {
  const clean = s.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) {
    throw fieldError(field, 'Het bestand kon niet worden gelezen. Probeer het opnieuw toe te voegen.');
  }
  return Buffer.from(clean, 'base64');
}

export function createSubmission(ctx: Ctx, p: Parsed<'submissions.create'>, caller: Caller): Submission {
  requireRole(caller, MELDERS);
  const today = ctx.today();
  if (p.datum > today) throw fieldError('datum', 'De datum ligt in de toekomst.');
  if (p.datum < '2000-01-01') throw fieldError('datum', 'Controleer de datum: die ligt te ver in het verleden.');
  const seen = new Set<string>();
  p.personen.forEach((x, i) => {
    if (!personRow(ctx.db, x.personId)) throw fieldError(`personen.${i}.personId`, 'Deze persoon bestaat niet (meer).');
    const key = `${x.personId}:${x.rol}`;
    if (seen.has(key)) throw fieldError(`personen.${i}.rol`, 'Deze persoon staat al met deze rol bij de melding.');
    seen.add(key);
  });
  // Every file is checked before any is stored.
  const bytes = p.bestanden.map((f, i) => {
    const b = decodeBase64(f.inhoudBase64, `bestanden.${i}.inhoudBase64`);
    if (b.length === 0) throw fieldError(`bestanden.${i}.inhoudBase64`, 'Het bestand is leeg.');
    if (b.length > MAX_BEWIJS_BYTES) throw fieldError(`bestanden.${i}.inhoudBase64`, BEWIJS_TE_GROOT);
    return b;
  });
  const stored: StoredFile[] = [];
  try {
    for (let i = 0; i < bytes.length; i++) stored.push(ctx.files.write('bewijs', p.bestanden[i].bestandsnaam, bytes[i]));
    const now = ctx.nowIso();
    const id = Number(
      ctx.db
        .prepare(
          `INSERT INTO submission (wat, datum, tijd, locatie, platform, platform_anders, anderen, melder_actor, melder_account_id, status, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'nieuw', ?, ?)`,
        )
        .run(
          p.wat.trim(),
          p.datum,
          p.tijd ?? null,
          p.locatie,
          p.platform,
          p.platformAnders ?? null,
          p.anderen ?? null,
          caller.actor,
          caller.accountId,
          now,
          now,
        ).lastInsertRowid,
    );
    const person = ctx.db.prepare('INSERT INTO submission_person (submission_id, person_id, rol) VALUES (?, ?, ?)');
    for (const x of p.personen) person.run(id, x.personId, x.rol);
    const file = ctx.db.prepare(
      `INSERT INTO submission_file (submission_id, bestandsnaam, opslagnaam, mime, grootte, sha256, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    stored.forEach((s, i) =>
      file.run(id, p.bestanden[i].bestandsnaam, s.opslagnaam, mimeFor(p.bestanden[i].bestandsnaam), s.grootte, s.sha256, now),
    );
    const after = getSubmission(ctx, id);
    ctx.audit(AUDIT_SUBMISSION, id, 'aangemaakt', null, after);
    return after;
  } catch (e) {
    // The rows did not make it (the core rolls the call back): leave no unreferenced copies behind.
    for (const s of stored) ctx.files.remove('bewijs', s.opslagnaam);
    throw e;
  }
}

/** The caller's own reports: by account on the school server, by the person working on the single-PC app. */
export function mySubmissions(ctx: Ctx, caller: Caller): OwnSubmission[] {
  requireRole(caller, MELDERS);
  const where = caller.accountId !== null ? 's.melder_account_id = ?' : 's.melder_account_id IS NULL AND s.melder_actor = ?';
  const rows = ctx.db
    .prepare(
      `SELECT s.*, i.nummer AS incident_nummer, (SELECT count(*) FROM submission_file f WHERE f.submission_id = s.id) AS aantal_bestanden
       FROM submission s LEFT JOIN incident i ON i.id = s.incident_id WHERE ${where} ORDER BY s.created_at DESC, s.id DESC LIMIT 500`,
    )
    .all(caller.accountId ?? caller.actor) as (SubmissionDbRow & { incident_nummer: string | null; aantal_bestanden: number })[];
  return rows.map((r) => ({
    id: r.id,
    wat: r.wat,
    datum: r.datum,
    status: r.status,
    incidentNummer: r.incident_nummer,
    afwijsreden: r.afwijsreden,
    aantalBestanden: r.aantal_bestanden,
    createdAt: r.created_at,
    behandeldOp: r.behandeld_op,
  }));
}

export function listSubmissions(ctx: Ctx, p: Parsed<'submissions.list'>, caller: Caller): Page<SubmissionRow> {
  requireRole(caller, SCHOOLLEIDER);
  const statuses = p.status?.length ? p.status : null;
  const where = statuses ? `WHERE s.status IN (${statuses.map(() => '?').join(', ')})` : '';
  const args = statuses ?? [];
  const total = ctx.db
    .prepare(`SELECT count(*) FROM submission s ${where}`)
    .pluck()
    .get(...args) as number;
  const rows = ctx.db
    .prepare(
      `SELECT s.id, s.datum, s.wat, s.melder_actor, s.status, s.created_at, i.nummer AS incident_nummer,
         (SELECT count(*) FROM submission_person sp WHERE sp.submission_id = s.id) AS aantal_personen,
         (SELECT count(*) FROM submission_file f WHERE f.submission_id = s.id) AS aantal_bestanden
       FROM submission s LEFT JOIN incident i ON i.id = s.incident_id ${where}
       ORDER BY s.status = 'nieuw' DESC, s.created_at DESC, s.id DESC LIMIT ? OFFSET ?`,
    )
    .all(...args, p.limit, p.offset) as {
    id: number;
    datum: string;
    wat: string;
    melder_actor: string;
    status: SubmissionStatus;
    created_at: string;
    incident_nummer: string | null;
    aantal_personen: number;
    aantal_bestanden: number;
  }[];
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      datum: r.datum,
      wat: r.wat.length > 300 ? `${r.wat.slice(0, 300)}…` : r.wat,
      melder: r.melder_actor,
      status: r.status,
      aantalPersonen: r.aantal_personen,
      aantalBestanden: r.aantal_bestanden,
      incidentNummer: r.incident_nummer,
      createdAt: r.created_at,
    })),
  };
}

export function getSubmissionFor(ctx: Ctx, id: number, caller: Caller): Submission {
  requireRole(caller, SCHOOLLEIDER);
  return getSubmission(ctx, id);
}

/** A file's bytes for viewing, checked against its SHA-256; the viewing is audited. */
export function readSubmissionFile(
  ctx: Ctx,
  id: number,
  caller: Caller,
): { bestand: SubmissionFile; inhoudBase64: string; intact: boolean } {
  requireRole(caller, SCHOOLLEIDER);
  const r = ctx.db.prepare('SELECT * FROM submission_file WHERE id = ?').get(id) as FileDbRow | undefined;
  if (!r) throw notFound('Dit bestand');
  let bytes: Buffer;
  try {
    bytes = ctx.files.read('bewijs', r.opslagnaam);
  } catch {
    throw new CoreError('NIET_GEVONDEN', 'Het bestand is niet gevonden in de map van de app. Zet zo nodig een reservekopie terug.');
  }
  const intact = sha256(bytes) === r.sha256;
  ctx.tx(() =>
    ctx.audit(AUDIT_SUBMISSION, r.submission_id, 'bestand_bekeken', null, { bestandId: r.id, bestandsnaam: r.bestandsnaam, intact }),
  );
  return { bestand: toFile(r), inhoudBase64: bytes.toString('base64'), intact };
}

const STATUS_DONE: Record<Exclude<SubmissionStatus, 'nieuw'>, string> = {
  geaccepteerd: 'al geaccepteerd',
  samengevoegd: 'al samengevoegd met een melding',
  afgewezen: 'al afgewezen',
};

/** A report is handled once: accepting, merging or declining it again is refused. */
function requireNew(ctx: Ctx, id: number): SubmissionDbRow {
  const r = row(ctx, id);
  if (r.status !== 'nieuw')
    throw new CoreError('CONFLICT', `Deze ingediende melding is ${STATUS_DONE[r.status]} en kan niet nog eens worden behandeld.`);
  return r;
}

/**
 * The files of the report become evidence of the incident, on the same stored file: each is first
 * checked against the SHA-256 taken when it arrived, so only the original becomes evidence.
 */
function linkFiles(ctx: Ctx, r: SubmissionDbRow, incidentId: number): void {
  const files = ctx.db.prepare('SELECT * FROM submission_file WHERE submission_id = ? ORDER BY id').all(r.id) as FileDbRow[];
  const insert = ctx.db.prepare(
    `INSERT INTO evidence (incident_id, soort, bestandsnaam, opslagnaam, mime, grootte, sha256, url, omschrijving, beveiligd_op, created_at)
     VALUES (?, 'bestand', ?, ?, ?, ?, ?, NULL, ?, ?, ?)`,
  );
  const omschrijving = `Meegestuurd met de melding van ${r.melder_actor}`.slice(0, 500);
  for (const f of files) {
    let bytes: Buffer | null;
    try {
      bytes = ctx.files.read('bewijs', f.opslagnaam);
    } catch {
      bytes = null;
    }
    if (!bytes || sha256(bytes) !== f.sha256)
      throw new CoreError(
        'CONFLICT',
        `Het bestand "${f.bestandsnaam}" ${bytes ? 'is gewijzigd sinds het werd ingediend' : 'ontbreekt in de map van de app'}; er is niets gewijzigd. Zet zo nodig een reservekopie terug.`,
      );
    const evidenceId = Number(
      insert.run(
        incidentId,
        f.bestandsnaam,
        f.opslagnaam,
        f.mime,
        f.grootte,
        f.sha256,
        omschrijving,
        todayIn(new Date(r.created_at)),
        ctx.nowIso(),
      ).lastInsertRowid,
    );
    ctx.db.prepare('UPDATE submission_file SET evidence_id = ? WHERE id = ?').run(evidenceId, f.id);
    ctx.audit('bewijs', evidenceId, 'toegevoegd', null, {
      id: evidenceId,
      incidentId,
      soort: 'bestand',
      bestandsnaam: f.bestandsnaam,
      sha256: f.sha256,
      grootte: f.grootte,
      ingediendeMelding: r.id,
    });
  }
}

function markHandled(
  ctx: Ctx,
  caller: Caller,
  r: SubmissionDbRow,
  status: Exclude<SubmissionStatus, 'nieuw'>,
  incidentId: number | null,
  reden: string | null,
) {
  const before = getSubmission(ctx, r.id);
  const now = ctx.nowIso();
  ctx.db
    .prepare(
      'UPDATE submission SET status = ?, incident_id = ?, afwijsreden = ?, behandeld_door = ?, behandeld_op = ?, updated_at = ? WHERE id = ?',
    )
    .run(status, incidentId, reden, caller.actor, now, now, r.id);
  const after = getSubmission(ctx, r.id);
  ctx.audit(AUDIT_SUBMISSION, r.id, status, before, after);
  return after;
}

const othersLine = (anderen: string | null) => (anderen ? `\n\nOok betrokken (niet in de personenlijst): ${anderen}` : '');

export function acceptSubmission(ctx: Ctx, p: Parsed<'submissions.accept'>, caller: Caller): Submission {
  requireRole(caller, SCHOOLLEIDER);
  const r = requireNew(ctx, p.id);
  const personen = ctx.db.prepare('SELECT person_id, rol FROM submission_person WHERE submission_id = ? ORDER BY id').all(r.id) as {
    person_id: number;
    rol: Rol;
  }[];
  // The reporter as the roster's staff member: chosen by the registrar, else the account's own person.
  const accountPerson =
    r.melder_account_id === null
      ? null
      : ((ctx.db.prepare('SELECT person_id FROM account WHERE id = ?').pluck().get(r.melder_account_id) as number | null | undefined) ??
        null);
  const melderId = p.melderId ?? accountPerson;
  const input: IncidentParsed = {
    datumVoorval: r.datum,
    tijdVoorval: r.tijd,
    datumMelding: todayIn(new Date(r.created_at)),
    melderId,
    melderOmschrijving: melderId === null ? r.melder_actor.slice(0, 200) : null,
    locatie: r.locatie,
    platform: r.platform,
    platformAnders: r.platform_anders,
    categorie: p.categorie,
    ernst: p.ernst as Ernst,
    omschrijving: r.wat + othersLine(r.anderen),
    status: 'open',
    regelIds: [],
    betrokkenen: personen.map((x) => ({ personId: x.person_id, rol: x.rol, toelichting: null })),
    directeActies: [],
    vervolg: null,
  };
  const incident = createIncident(ctx, input);
  linkFiles(ctx, r, incident.id);
  return markHandled(ctx, caller, r, 'geaccepteerd', incident.id, null);
}

/** The longest description of an incident (src/shared/api/incidents.ts). */
const MAX_OMSCHRIJVING = 20000;

export function mergeSubmission(ctx: Ctx, p: Parsed<'submissions.merge'>, caller: Caller): Submission {
  requireRole(caller, SCHOOLLEIDER);
  const r = requireNew(ctx, p.id);
  requireIncidentRow(ctx.db, p.incidentId);
  const inc = getIncident(ctx.db, p.incidentId);
  const betrokkenen = inc.betrokkenen.map((b) => ({ personId: b.personId, rol: b.rol, toelichting: b.toelichting }));
  const have = new Set(betrokkenen.map((b) => `${b.personId}:${b.rol}`));
  const personen = ctx.db.prepare('SELECT person_id, rol FROM submission_person WHERE submission_id = ? ORDER BY id').all(r.id) as {
    person_id: number;
    rol: Rol;
  }[];
  for (const x of personen) {
    if (have.has(`${x.person_id}:${x.rol}`)) continue;
    have.add(`${x.person_id}:${x.rol}`);
    betrokkenen.push({ personId: x.person_id, rol: x.rol, toelichting: 'Genoemd in een ingediende melding' });
  }
  const note = `\n\nAanvulling van ${r.melder_actor}, gemeld op ${dutchShortDate(todayIn(new Date(r.created_at)))} (voorval ${dutchShortDate(r.datum)}${
    r.tijd ? ` ${r.tijd}` : ''
  }):\n${r.wat}${othersLine(r.anderen)}`;
  const omschrijving = inc.omschrijving + note;
  if (omschrijving.length > MAX_OMSCHRIJVING)
    throw new CoreError(
      'VALIDATIE',
      'De beschrijving van deze melding wordt met de aanvulling te lang. Accepteer de ingediende melding als aparte melding.',
    );
  updateIncident(ctx, {
    id: inc.id,
    datumVoorval: inc.datumVoorval,
    tijdVoorval: inc.tijdVoorval,
    datumMelding: inc.datumMelding,
    melderId: inc.melderId,
    melderOmschrijving: inc.melderOmschrijving,
    locatie: inc.locatie,
    platform: inc.platform,
    platformAnders: inc.platformAnders,
    categorie: inc.categorie,
    ernst: inc.ernst,
    omschrijving,
    status: inc.status,
    regelIds: inc.regels.map((x) => x.id),
    betrokkenen,
    directeActies: inc.directeActies.map((a) => ({ actie: a.actie, datum: a.datum, toelichting: a.toelichting })),
    vervolg: inc.vervolg,
  });
  linkFiles(ctx, r, inc.id);
  return markHandled(ctx, caller, r, 'samengevoegd', inc.id, null);
}

export function declineSubmission(ctx: Ctx, p: Parsed<'submissions.decline'>, caller: Caller): Submission {
  requireRole(caller, SCHOOLLEIDER);
  const r = requireNew(ctx, p.id);
  return markHandled(ctx, caller, r, 'afgewezen', null, p.reden.trim());
}
