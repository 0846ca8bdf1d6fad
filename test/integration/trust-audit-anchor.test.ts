// The audit trail's anchor outside the database: entries cut from the end, a chain recomputed
// without the key, a forged redaction, the head in a backup manifest, and records that were put
// in the database without their 'aangemaakt' entry.
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { createHmac } from 'node:crypto';
import { trustWorkspace } from './trustSupport';
import type { TestCore } from '../support/core';
import { Core, defaultDataDir } from '../../src/main/app/core';
import { restoreBackup } from '../../src/main/backup/restore';
import { runCli } from '../../src/main/cli/program';
import { verifyDatabase } from '../../src/main/app/verify';
import { entryHash } from '../../src/main/audit/audit';
import type { AuditRow } from '../../src/main/audit/audit';
import { auditKeyFrom, headFile } from '../../src/main/audit/anchor';
import { BACKUP_ROOT, MANIFEST } from '../../src/main/backup/backup';
import { scratchConnection } from '../../src/main/db/open';
import type { DB } from '../../src/main/db/open';
import { migrate } from '../../src/main/db/migrate';

const { core, dir } = trustWorkspace();

type Row = AuditRow;

async function verify(t: TestCore): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await runCli(['node', 'schoolprotocol', '--db', t.dbPath, '--key-stdin', 'verify'], {
    out: (s) => (out += s),
    err: (s) => (out += s),
    readStdin: () => t.key,
  });
  return { code, out };
}

async function world(): Promise<TestCore> {
  const t = core();
  for (const naam of ['Ada', 'Bo', 'Cas', 'Dewi'])
    await t.call('people.create', { soort: 'leerling', voornaam: naam, achternaam: 'Verhoef' });
  return t;
}

/**
 * Takes a database back to the schema of an earlier version: every trigger, index, table and column
 * a later migration added is dropped (compared with a scratch database migrated up to that version),
 * so the test need not know what each later migration did.
 */
function revertSchemaTo(db: DB, version: number): void {
  const scratch = scratchConnection();
  try {
    migrate(scratch, { upTo: version });
    const objects = (d: DB) =>
      new Map(
        (d.prepare(`SELECT type, name, tbl_name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'`).all() as { type: string; name: string; tbl_name: string }[]).map(
          (o) => [o.name, o],
        ),
      );
    const then = objects(scratch);
    const now = objects(db);
    const gone = (type: string) => [...now.values()].filter((o) => o.type === type && !then.has(o.name));
    for (const o of gone('trigger')) db.exec(`DROP TRIGGER "${o.name}"`);
    for (const o of gone('view')) db.exec(`DROP VIEW "${o.name}"`);
    for (const o of gone('index')) db.exec(`DROP INDEX "${o.name}"`);
    // Tables a later table refers to go last (foreign keys are checked when a table is dropped).
    db.pragma('foreign_keys = OFF');
    for (const o of gone('table').reverse()) if (!o.name.includes('_fts_') && now.has(o.name)) db.exec(`DROP TABLE IF EXISTS "${o.name}"`);
    for (const o of [...then.values()].filter((x) => x.type === 'table')) {
      const cols = (d: DB) => (d.pragma(`table_info("${o.name}")`) as { name: string }[]).map((c) => c.name);
      const old = new Set(cols(scratch));
      for (const c of cols(db)) if (!old.has(c)) db.exec(`ALTER TABLE "${o.name}" DROP COLUMN "${c}"`);
    }
    db.pragma('foreign_keys = ON');
  } finally {
    scratch.close();
  }
}

const rows = (t: TestCore) => t.core.db.prepare('SELECT * FROM audit_log ORDER BY id').all() as Row[];

/** What someone with the decrypted database but without the key can do: recompute every plain hash from `from` on. */
function rechain(t: TestCore, from: number): void {
  const all = rows(t);
  let prev = all.find((r) => r.id === from - 1)?.hash ?? '0'.repeat(64);
  for (const r of all.filter((x) => x.id >= from)) {
    const hash = entryHash(prev, r);
    t.core.db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, hash, r.id);
    prev = hash;
  }
}

/** Closes the core, runs fn, and opens it again for cleanup. */
async function closed<T>(t: TestCore, fn: () => Promise<T>): Promise<T> {
  t.core.close();
  try {
    return await fn();
  } finally {
    t.core = Core.open({ dbPath: t.dbPath, key: t.key });
  }
}

describe('the audit anchor', () => {
  it('keeps the head beside the database and passes an untouched trail', async () => {
    const t = await world();
    const last = rows(t).at(-1)!;
    expect(JSON.parse(fs.readFileSync(headFile(t.dbPath), 'utf8'))).toMatchObject({ id: last.id, hmac: last.hmac });
    const r = await closed(t, () => verify(t));
    expect(r.code).toBe(0);
    expect(r.out).toContain('4 regels in het auditlogboek, de keten is ongeschonden.');
  });

  it('reports the last two entries cut from the end, in Dutch, with the numbers', async () => {
    const t = await world();
    const ids = rows(t).map((r) => r.id);
    t.core.db.prepare('DELETE FROM audit_log WHERE id >= ?').run(ids[2]);
    const r = await closed(t, () => verify(t));
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      `Het auditlogboek is ingekort: er zijn 2 regels aan het eind van het auditlogboek weggehaald: het kopbestand schoolprotocol.db.auditkop noemt regel ${ids[3]} als laatste, de database eindigt bij regel ${ids[1]}.`,
    );
  });

  it('finds a changed entry even when the whole plain hash chain was recomputed (HMAC)', async () => {
    const t = await world();
    const victim = rows(t)[1];
    t.core.db.prepare(`UPDATE audit_log SET after_json = '{"voornaam":"Vals"}' WHERE id = ?`).run(victim.id);
    rechain(t, victim.id);
    const r = await closed(t, () => verify(t));
    expect(r.code).toBe(1);
    expect(r.out).toContain(`Het auditlogboek is onderbroken bij regel ${victim.id}: het HMAC-anker klopt niet`);
  });

  it('does not accept a trail whose HMACs were all stripped and whose chain was recomputed', async () => {
    const t = await world();
    t.core.db.prepare(`UPDATE audit_log SET hmac = NULL, after_json = '{"voornaam":"Vals"}' WHERE id = ?`).run(rows(t)[0].id);
    t.core.db.prepare('UPDATE audit_log SET hmac = NULL').run();
    rechain(t, rows(t)[0].id);
    const report = await closed(t, async () => verifyDatabase(t.dbPath, t.key));
    expect(report.ok).toBe(false);
    expect(report.audit.problems.join('\n')).toContain('is niet de regel die het kopbestand schoolprotocol.db.auditkop als laatste noemt');
  });

  it('accepts entries written before the anchor as an unanchored prefix, and says so once', async () => {
    const t = await world();
    const ids = rows(t).map((r) => r.id);
    t.core.db.prepare('UPDATE audit_log SET hmac = NULL WHERE id <= ?').run(ids[1]);
    const r = await closed(t, () => verify(t));
    expect(r.code).toBe(0);
    expect(r.out.match(/vóór de HMAC-verankering/g)).toHaveLength(1);
    expect(r.out).toContain('De eerste 2 regels zijn geschreven vóór de HMAC-verankering');
    // From the first anchored entry on, a missing HMAC is a break.
    t.core.db.prepare('UPDATE audit_log SET hmac = NULL WHERE id = ?').run(ids[3]);
    const again = await closed(t, async () => verifyDatabase(t.dbPath, t.key).audit);
    expect(again).toMatchObject({ ok: false, brokenAt: ids[3] });
  });

  it('rejects a forged "geredigeerd" entry whose content is not a redaction, even with the key', async () => {
    const t = await world();
    const victim = rows(t)[1];
    const original = victim.hash;
    t.core.db.prepare(`UPDATE audit_log SET after_json = '{"voornaam":"Vals"}' WHERE id = ?`).run(victim.id);
    const changed = entryHash(victim.prev_hash, { ...victim, after_json: '{"voornaam":"Vals"}' });
    // A complete forgery: the listing claims the change, its link and hash are right, and its HMAC
    // is made with the key, as the app itself would.
    const last = rows(t).at(-1)!;
    const listing = {
      at: '2026-11-16T10:00:00Z',
      actor: 'x',
      entity: 'audit',
      entity_id: null,
      action: 'geredigeerd',
      before_json: null,
      after_json: JSON.stringify({ reden: 'bewaartermijn', regels: [[victim.id, original, changed]] }),
    };
    const hash = entryHash(last.hash, listing);
    const hmac = createHmac('sha256', auditKeyFrom(t.key)).update(`regel\u001f${hash}`).digest('hex');
    t.core.db
      .prepare(
        `INSERT INTO audit_log (at, actor, entity, entity_id, action, before_json, after_json, prev_hash, hash, hmac)
         VALUES (@at, @actor, @entity, @entity_id, @action, @before_json, @after_json, @prev_hash, @hash, @hmac)`,
      )
      .run({ ...listing, prev_hash: last.hash, hash, hmac });
    const r = await closed(t, () => verify(t));
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      `onderbroken bij regel ${victim.id}: deze regel is gewijzigd en staat als geredigeerd vermeld, maar de inhoud is geen redactie`,
    );
  });

  it('carries the head in every backup manifest, and a backup check compares with it', async () => {
    const t = await world();
    const target = dir();
    const b = await t.call('trust.backup.now', { naar: target });
    const manifestFile = path.join(target, BACKUP_ROOT, b.backup.naam, MANIFEST);
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
    const last = t.core.db.prepare(`SELECT id, hmac FROM audit_log WHERE action != 'gemaakt' ORDER BY id DESC LIMIT 1`).get() as Row;
    expect(manifest.auditKop).toEqual({ id: last.id, hmac: last.hmac });
    await t.call('trust.restore.check', { bron: path.join(target, BACKUP_ROOT, b.backup.naam) });
    // A manifest naming entries the copy does not hold: the copy was cut.
    fs.writeFileSync(manifestFile, JSON.stringify({ ...manifest, auditKop: { ...manifest.auditKop, id: last.id + 2 } }));
    const r = await t.core.invoke('trust.restore.check', { bron: path.join(target, BACKUP_ROOT, b.backup.naam) });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toContain('Het auditlogboek in deze reservekopie is ingekort: er zijn 2 regels');
  });

  it('lists a record that exists without its "aangemaakt" entry', async () => {
    const t = await world();
    // A copy of a pupil's row put straight into the database, outside the app.
    const cols = (t.core.db.prepare(`SELECT name FROM pragma_table_info('person') WHERE name != 'id'`).pluck().all() as string[]).join(
      ', ',
    );
    const { lastInsertRowid } = t.core.db.prepare(`INSERT INTO person (${cols}) SELECT ${cols} FROM person ORDER BY id LIMIT 1`).run();
    const r = await closed(t, () => verify(t));
    expect(r.code).toBe(1);
    expect(r.out).toContain(`persoon ${lastInsertRowid} heeft geen regel 'aangemaakt' in het auditlogboek`);
    expect(r.out.match(/heeft geen regel 'aangemaakt'/g)).toHaveLength(1);
  });

  it('re-anchors a backup made under another key when it is restored under ours', async () => {
    const t = await world();
    const other = core();
    await other.call('people.create', { soort: 'leerling', voornaam: 'Eva', achternaam: 'Andersom' });
    const backup = (await other.call('trust.backup.now', { naar: dir() })).backup.pad;
    t.core.close();
    restoreBackup({ dbPath: t.dbPath, dataDir: defaultDataDir(t.dbPath), key: t.key, source: backup, sourceKey: other.key });
    const report = verifyDatabase(t.dbPath, t.key);
    t.core = Core.open({ dbPath: t.dbPath, key: t.key });
    expect(report.audit).toMatchObject({ ok: true, problems: [] });
    expect(t.core.db.prepare(`SELECT action FROM audit_log ORDER BY id DESC LIMIT 1`).pluck().get()).toBe('teruggezet');
  });

  it('verifies a database from before the anchor (not yet migrated) as wholly unanchored', async () => {
    const t = await world();
    // Back to schema 14: undo what migrations 015 (the anchor) and later added.
    revertSchemaTo(t.core.db, 14);
    // Such an app wrote no OS account into its entries, so their hashes were made without one.
    rechain(t, 1);
    t.core.db.pragma('user_version = 14');
    fs.rmSync(headFile(t.dbPath));
    const report = await closed(t, async () => verifyDatabase(t.dbPath, t.key));
    expect(report.schema.database).toBe(14);
    expect(report.audit).toMatchObject({ ok: true, entries: 4, unanchored: 4 });
  });
});
