// The destruction run: the school leader confirms; every chosen person must be
// past their term and free of legal holds, or nothing happens. Then, in one transaction:
//   - their measures, the incidents nobody else is part of (with evidence, reports, obligations,
//     letters: everything the schema ties to them, purge.ts) and the person are deleted, after their
//     incidents and measures are added to the anonymous counts (destroyed_count) for the yearly figures;
//   - incidents that live on because they also concern someone else lose the person's name
//     ("[verwijderd]") in their texts, and their search entry is rebuilt;
//   - earlier audit entries are redacted (redact.ts) and one audit entry per person records the
//     destruction, without personal data.
// The core's connection deletes with secure_delete on (db/open.ts): every deleted or overwritten
// row is overwritten with zeros where it lay, inside the transaction. The files (evidence, letters)
// are noted in file_deletion_pending in that same transaction and removed after the commit (or, if
// the app stops in between, when the core next opens); then the WAL is copied in and truncated, so
// no page of the file or the WAL keeps the data. (A backup reading at that moment holds the truncation back: the pages
// then reach the file at the core's next checkpoint, and the WAL's old frames are overwritten as
// it is reused.) Backups keep the data until rotation removes them (at most 12 months;
// docs/PRIVACY.md).
//
// No VACUUM here: an in-place VACUUM builds its copy as a temporary database, which SQLite put in
// the temp folder in plaintext (the cipher does not encrypt temporary files) and which, kept in
// memory instead, costs RAM the size of the database (2 GB for a school board). Nor VACUUM INTO a
// new file swapped in by rename now: the core's connection cannot be swapped under it (the core,
// its context and per-connection state such as the lock in vault.ts, the backup worker and the
// letters queue all hold that one connection object), and the backup worker may have the file
// open, which on Windows blocks the rename. Instead the run marks a compaction as pending, and the
// next core start, before it opens its connection, copies the database with VACUUM INTO and renames
// the copy over it (compact.ts): that also clears free pages that a version without secure_delete
// left with old data. Nor incremental_vacuum: the databases are auto_vacuum NONE (switching takes a
// full VACUUM), and it would only shrink the file, whose freed pages already hold zeros.
import type { Ctx } from '../context/context';
import type { DB } from '../db/open';
import type { FileArea, FileStore } from '../files/fileStore';
import { CoreError } from '../errors/errors';
import type { DestroyResult } from '@shared/api/trust';
import { schoolYearOf } from '@shared/schoolYear';
import { reindexIncident } from '../incidents/fts';
import { displayName } from '../people/names';
import { candidate, incidentIdsOf } from './retention';
import { makePurger, AUDIT_ENTITY } from './purge';
import { redactAudit } from './redact';
import { markCompactionPending } from './compact';
import { fold } from '../people/names';
import { fullNamePattern, tokenPattern, scrubText } from './scrub';
import type { PersonNames } from './scrub';

interface NameRow {
  id: number;
  soort: string;
  voornaam: string;
  roepnaam: string | null;
  tussenvoegsel: string | null;
  achternaam: string;
  geboortedatum: string | null;
  leerlingnummer: string | null;
  eck_id: string | null;
  email: string | null;
  telefoon: string | null;
  personeelsnummer: string | null;
}

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
const marks = (xs: unknown[]) => xs.map(() => '?').join(',') || 'NULL';

/** Scrubs the TEXT columns of the given rows (JS, so the regex is ours; only changed rows are written). */
function scrubRows(ctx: Ctx, table: string, ids: number[], re: RegExp | null, columns?: string[]): void {
  if (!re || !ids.length) return;
  const cols =
    columns ??
    (ctx.db.pragma(`table_info(${ident(table)})`) as { name: string; type: string }[])
      .filter((c) => /TEXT/i.test(c.type) && !/_(op|at)$/.test(c.name))
      .map((c) => c.name);
  if (!cols.length) return;
  const rows = ctx.db
    .prepare(`SELECT rowid AS __id, ${cols.map(ident).join(', ')} FROM ${ident(table)} WHERE rowid IN (${marks(ids)})`)
    .all(...ids) as Record<string, unknown>[];
  for (const r of rows) {
    const set: Record<string, string> = {};
    for (const c of cols) {
      const v = r[c];
      if (typeof v === 'string') {
        const s = scrubText(v, re);
        if (s !== v) set[c] = s;
      }
    }
    const keys = Object.keys(set);
    if (keys.length)
      ctx.db
        .prepare(`UPDATE ${ident(table)} SET ${keys.map((k) => `${ident(k)} = ?`).join(', ')} WHERE rowid = ?`)
        .run(...keys.map((k) => set[k]), r.__id);
  }
}

/** The staff reports that link to, were made by, or name (in full) one of these people. */
function submissionsAbout(db: DB, ids: number[], full: RegExp | null): number[] {
  const found = new Set(
    (
      db
        .prepare(
          `SELECT submission_id AS id FROM submission_person WHERE person_id IN (${marks(ids)})
           UNION SELECT s.id FROM submission s JOIN account a ON a.id = s.melder_account_id WHERE a.person_id IN (${marks(ids)})`,
        )
        .all(...ids, ...ids) as { id: number }[]
    ).map((r) => r.id),
  );
  if (full)
    for (const r of db.prepare('SELECT id, wat, anderen, melder_actor FROM submission').all() as { id: number; wat: string; anderen: string | null; melder_actor: string }[]) {
      full.lastIndex = 0;
      if (full.test(`${r.wat}\n${r.anderen ?? ''}\n${r.melder_actor}`)) found.add(r.id);
    }
  return [...found];
}

/**
 * Removes the files destructions noted (file_deletion_pending) and then their notes: right after a
 * destruction, and when the core opens, for one that was interrupted between its commit and here.
 * Returns how many were removed.
 */
export function finishPendingFileDeletions(db: DB, files: FileStore): number {
  const rows = db.prepare('SELECT gebied, opslagnaam FROM file_deletion_pending').all() as { gebied: FileArea; opslagnaam: string }[];
  if (!rows.length) return 0;
  const done = db.prepare('DELETE FROM file_deletion_pending WHERE gebied = ? AND opslagnaam = ?');
  for (const r of rows) {
    files.remove(r.gebied, r.opslagnaam);
    done.run(r.gebied, r.opslagnaam);
  }
  return rows.length;
}

export async function destroyPeople(ctx: Ctx, input: { personIds: number[]; bevestigdDoor: string }): Promise<DestroyResult> {
  const db = ctx.db;
  const ids = [...new Set(input.personIds)];
  const work = ctx.tx(() => {
    const today = ctx.today();
    const problems: string[] = [];
    for (const id of ids) {
      const c = candidate(db, id);
      if (!c) {
        const p = db.prepare('SELECT voornaam, roepnaam, tussenvoegsel, achternaam FROM person WHERE id = ?').get(id) as Parameters<
          typeof displayName
        >[0];
        problems.push(`${displayName(p)}: de bewaartermijn is nog niet begonnen (nog ingeschreven of een kind staat nog ingeschreven).`);
      } else if (c.vernietigbaarVanaf > today) problems.push(`${c.naam}: de bewaartermijn loopt tot ${c.vernietigbaarVanaf}.`);
      else if (c.holds.length) problems.push(`${c.naam}: geblokkeerd — ${c.holds.map((h) => h.omschrijving).join('; ')}`);
    }
    if (problems.length) throw new CoreError('REGEL', `Er is niets vernietigd. ${problems.join(' ')}`);

    const people = db.prepare(`SELECT * FROM person WHERE id IN (${marks(ids)})`).all(...ids) as NameRow[];
    const names: PersonNames[] = people.map((p) => ({
      voornaam: p.voornaam,
      roepnaam: p.roepnaam,
      tussenvoegsel: p.tussenvoegsel,
      achternaam: p.achternaam,
      geboortedatum: p.geboortedatum,
      kenmerken: [p.leerlingnummer, p.eck_id, p.email, p.telefoon, p.personeelsnummer],
    }));
    const tokens = tokenPattern(names);
    const full = fullNamePattern(names);
    const chosen = new Set(ids);

    // Incidents only these people are involved in go; the others live on without them. The staff
    // member who merely reported an incident (melder_id) does not keep it alive: it is not in their
    // dossier; their link is cleared when they go.
    const incidents = [...new Set(ids.flatMap((id) => incidentIdsOf(db, id)))];
    const gone: number[] = [];
    const kept: number[] = [];
    for (const i of incidents) {
      const involved = db.prepare('SELECT DISTINCT person_id AS id FROM incident_person WHERE incident_id = ?').all(i) as { id: number }[];
      const mine = involved.some((o) => chosen.has(o.id));
      if (!mine) continue; // only reported by a chosen person: stays, melder link cleared by the purge
      (involved.every((o) => chosen.has(o.id)) ? gone : kept).push(i);
    }

    // Dossier exports of these people (area "exports") are known only from their audit entries.
    const exports = (
      db
        .prepare(
          `SELECT after_json FROM audit_log WHERE entity = 'persoon' AND action = 'dossier_geexporteerd' AND entity_id IN (${marks(ids)})`,
        )
        .all(...ids.map(String)) as { after_json: string | null }[]
    )
      .map((r) => {
        try {
          return (JSON.parse(r.after_json ?? '{}') as { opslagnaam?: unknown }).opslagnaam;
        } catch {
          return undefined;
        }
      })
      .filter((n): n is string => typeof n === 'string');

    const bump = db.prepare(
      `INSERT INTO destroyed_count (schooljaar, soort, categorie, maatregel, persoon_soort, aantal) VALUES (?, ?, ?, ?, ?, 1)
       ON CONFLICT (schooljaar, soort, categorie, maatregel, persoon_soort) DO UPDATE SET aantal = aantal + 1`,
    );
    const counts = { meldingen: 0, maatregelen: 0, brieven: 0 };
    const purger = makePurger(db, (table, batch) => {
      if (table === 'incident') {
        for (const r of db.prepare(`SELECT schooljaar, categorie FROM incident WHERE id IN (${marks(batch)})`).all(...batch) as {
          schooljaar: string;
          categorie: string;
        }[]) {
          bump.run(r.schooljaar, 'melding', r.categorie, '', '');
          counts.meldingen++;
        }
      } else if (table === 'measure') {
        const rows = db
          .prepare(
            `SELECT m.besluit_datum, m.soort, m.status, p.soort AS ps, i.categorie FROM measure m JOIN person p ON p.id = m.person_id
             LEFT JOIN incident i ON i.id = m.incident_id WHERE m.id IN (${marks(batch)})`,
          )
          .all(...batch) as { besluit_datum: string; soort: string; status: string; ps: string; categorie: string | null }[];
        for (const r of rows) {
          // A withdrawn measure was never taken: it is not in the yearly figures either.
          if (r.status !== 'ingetrokken') bump.run(schoolYearOf(r.besluit_datum), 'maatregel', r.categorie ?? '', r.soort, r.ps);
          counts.maatregelen++;
        }
      } else if (table === 'letter') counts.brieven += batch.length;
    });
    const measures = (db.prepare(`SELECT id FROM measure WHERE person_id IN (${marks(ids)})`).all(...ids) as { id: number }[]).map(
      (r) => r.id,
    );
    // Staff reports (ingediende meldingen) that name these people, were made by them, or mention
    // their full name: they live on (the registrar decides on them), but without these people.
    const submissions = submissionsAbout(db, ids, full);
    purger.purge('measure', measures); // first, while they still know their incident's category
    purger.purge('incident', gone);
    purger.purge('person', ids);
    const log = purger.log;

    // What lives on: scrub the person's name from the incidents and rows that pointed at them.
    if (kept.length) {
      scrubRows(ctx, 'incident', kept, tokens, ['omschrijving', 'vervolg', 'melder_omschrijving']);
      for (const [table, cols] of [
        ['incident_person', ['toelichting']],
        ['incident_action', ['toelichting']],
        ['evidence', ['omschrijving', 'bestandsnaam']],
        ['external_report', ['toelichting', 'door', 'contactpersoon']],
        ['measure', ['toelichting', 'afspraken_schoolwerk', 'override_reden']],
        ['letter_concept', ['feiten']],
      ] as const) {
        const rows = (
          db.prepare(`SELECT rowid AS id FROM ${table} WHERE incident_id IN (${marks(kept)})`).all(...kept) as { id: number }[]
        ).map((r) => r.id);
        scrubRows(ctx, table, rows, tokens, [...cols]);
      }
      for (const i of kept) reindexIncident(db, i);
    }
    for (const [table, rowIds] of log.cleared) {
      const alive = [...rowIds].filter((r) => !log.deleted.get(table)?.has(r));
      scrubRows(ctx, table, alive, tokens);
    }
    scrubRows(ctx, 'submission', submissions, tokens, ['wat', 'anderen', 'melder_actor', 'platform_anders', 'afwijsreden', 'behandeld_door']);
    const submissionFiles = (
      db.prepare(`SELECT id FROM submission_file WHERE submission_id IN (${marks(submissions)})`).all(...submissions) as { id: number }[]
    ).map((r) => r.id);
    scrubRows(ctx, 'submission_file', submissionFiles, tokens, ['bestandsnaam']);
    if (gone.length) db.prepare(`DELETE FROM incident_fts WHERE rowid IN (${marks(gone)})`).run(...gone);
    // Merge the full-text index so deleted terms do not linger in old segments.
    db.prepare(`INSERT INTO incident_fts (incident_fts) VALUES ('optimize')`).run();

    const destroyed = new Set<string>();
    for (const [table, rowIds] of log.deleted) {
      const entity = AUDIT_ENTITY[table];
      if (entity) for (const r of rowIds) destroyed.add(`${entity}:${r}`);
    }
    const connected = new Set<string>([...kept.map((i) => `melding:${i}`), ...submissions.map((i) => `ingediende_melding:${i}`)]);
    // A letter's feiten about an incident that lives on (scrubbed above): its edits in the audit trail too.
    for (const { id } of db.prepare(`SELECT id FROM letter_concept WHERE incident_id IN (${marks(kept)})`).all(...kept) as { id: number }[])
      connected.add(`briefconcept:${id}`);
    for (const [table, rowIds] of log.cleared) {
      const entity = AUDIT_ENTITY[table];
      if (entity) for (const r of rowIds) if (!log.deleted.get(table)?.has(r)) connected.add(`${entity}:${r}`);
    }
    const auditGeredigeerd = redactAudit(db, {
      destroyed,
      connected,
      fullName: full,
      tokens,
      surnames: [...new Set(people.map((p) => fold(p.achternaam)).concat(people.map((p) => p.achternaam.toLowerCase())))],
      at: ctx.nowIso(),
      actor: ctx.actor,
      reden: 'bewaartermijn verlopen',
    });
    for (const p of people) {
      ctx.audit('persoon', p.id, 'vernietigd', null, {
        soort: p.soort,
        reden: 'bewaartermijn verlopen',
        bevestigdDoor: input.bevestigdDoor,
      });
    }
    const files = [...log.files, ...exports.map((opslagnaam) => ({ area: 'exports' as const, opslagnaam }))];
    // Noted in this transaction: a crash before the files are gone leaves the note, not an orphan.
    const note = db.prepare('INSERT OR IGNORE INTO file_deletion_pending (gebied, opslagnaam, sinds) VALUES (?, ?, ?)');
    for (const f of files) note.run(f.area, f.opslagnaam, ctx.nowIso());
    markCompactionPending(db, ctx.nowIso());
    return { counts, files, auditGeredigeerd };
  });

  const bestanden = finishPendingFileDeletions(db, ctx.files);
  // The zeroed pages go into the file, and the WAL, which still holds older versions of them, is emptied.
  db.pragma('wal_checkpoint(TRUNCATE)');
  return { personen: ids.length, ...work.counts, bestanden, auditGeredigeerd: work.auditGeredigeerd };
}
