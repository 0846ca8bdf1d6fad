import { describe, it, expect, afterEach } from 'vitest';
import fs from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { makeTestCore, type TestCore } from '../support/core';
import { openDatabase } from '../../src/main/db/open';
import { latestSchemaVersion, schemaVersion } from '../../src/main/db/migrate';
import { writeAudit, verifyAuditChain } from '../../src/main/audit/audit';
import { CoreError } from '../../src/main/errors/errors';
import { Core } from '../../src/main/app/core';
import { diagnoseOpenFailure } from '../../src/main/app/diagnose';
import { WAL_AUTOCHECKPOINT_PAGES } from '../../src/main/db/open';
import { createHash, randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

let t: TestCore;
afterEach(() => t?.cleanup());

describe('the encrypted database', () => {
  it('migrates a new file to the latest schema with WAL and foreign keys on', () => {
    t = makeTestCore();
    expect(schemaVersion(t.core.db)).toBe(latestSchemaVersion());
    expect(t.core.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(t.core.db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('keeps a known name out of the file bytes', () => {
    t = makeTestCore();
    t.core.db.exec("CREATE TABLE probe (x TEXT); INSERT INTO probe VALUES ('Fenna Özdemir-Verhoeven')");
    t.core.db.pragma('wal_checkpoint(TRUNCATE)');
    t.core.close();
    const bytes = fs.readFileSync(t.dbPath);
    expect(bytes.length).toBeGreaterThan(4096);
    expect(bytes.includes(Buffer.from('Verhoeven'))).toBe(false);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
  });

  it('copies the WAL into the database when writes pause, not inside a save', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-ckpt-'));
    const dbPath = path.join(dir, 'schoolprotocol.db');
    const core = Core.open({ dbPath, key: randomBytes(32).toString('hex'), create: true, actor: 'test', checkpointIdleMs: 50 });
    try {
      expect(core.db.pragma('wal_autocheckpoint', { simple: true })).toBe(WAL_AUTOCHECKPOINT_PAGES);
      core.db.pragma('wal_checkpoint(TRUNCATE)');
      const fileHash = () => createHash('sha256').update(fs.readFileSync(dbPath)).digest('hex');
      const before = fileHash();
      const r = await core.invoke('people.create', { soort: 'leerling', voornaam: 'Sara', achternaam: 'de Boer' });
      expect(r.ok).toBe(true);
      // The save wrote its pages to the WAL only (and is durable there, synchronous = FULL).
      expect(fileHash()).toBe(before);
      await sleep(500);
      // A moment later, without anyone waiting for it, they were copied into the database.
      expect(fileHash()).not.toBe(before);
    } finally {
      core.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses the wrong key with a Dutch message and leaves the file untouched', () => {
    t = makeTestCore();
    t.core.close();
    const before = fs.readFileSync(t.dbPath);
    expect(() => openDatabase(t.dbPath, { key: 'b'.repeat(64) })).toThrowError(/sleutel klopt niet/);
    expect(fs.readFileSync(t.dbPath).equals(before)).toBe(true);
  });

  it('refuses a database from a newer app version, untouched', () => {
    t = makeTestCore();
    t.core.db.pragma(`user_version = ${latestSchemaVersion() + 1}`);
    t.core.close();
    const err = (() => {
      try {
        openDatabase(t.dbPath, { key: t.key });
      } catch (e) {
        return e as CoreError;
      }
    })();
    expect(err).toBeInstanceOf(CoreError);
    expect(err?.message).toMatch(/nieuwere versie/);
    const db = new Database(t.dbPath);
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key="x'${t.key}'"`);
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion() + 1);
    db.close();
  });
});

describe('the audit chain', () => {
  it('finds a changed entry', () => {
    t = makeTestCore();
    for (let i = 0; i < 5; i++)
      writeAudit(t.core.db, { at: `2026-01-0${i + 1}T00:00:00Z`, actor: 'x', entity: 'e', entityId: i, action: 'a', after: { i } });
    expect(verifyAuditChain(t.core.db)).toEqual({ ok: true, entries: 5 });
    t.core.db.prepare('UPDATE audit_log SET after_json = \'{"i":9}\' WHERE id = 3').run();
    expect(verifyAuditChain(t.core.db)).toMatchObject({ ok: false, brokenAt: 3 });
  });
});

describe('the dispatcher', () => {
  it('answers an unknown method and invalid input with typed errors', async () => {
    t = makeTestCore();
    expect(await t.core.invoke('nope.nothing', {})).toMatchObject({ ok: false, error: { code: 'ONBEKENDE_METHODE' } });
    expect(await t.core.invoke('audit.forRecord', { entity: 5 })).toMatchObject({ ok: false, error: { code: 'VALIDATIE' } });
  });
});

describe('an empty database file', () => {
  it('is damage, never a new school: not initialised, and the diagnosis offers a restore', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-leeg-'));
    try {
      const dbPath = path.join(dir, 'schoolprotocol.db');
      fs.writeFileSync(dbPath, '');
      const key = randomBytes(32).toString('hex');
      for (const create of [true, false]) {
        let err: unknown;
        try {
          Core.open({ dbPath, key, create }).close();
        } catch (e) {
          err = e;
        }
        expect(err).toBeInstanceOf(CoreError);
        expect((err as CoreError).message).toMatch(/^Het databasebestand is leeg \(0 bytes\) en dus beschadigd/);
      }
      expect(fs.statSync(dbPath).size).toBe(0);
      expect(fs.readdirSync(dir)).toEqual(['schoolprotocol.db']);
      const d = diagnoseOpenFailure(dbPath, key);
      expect(d).toMatchObject({ soort: 'beschadigd', title: 'Het databasebestand is leeg' });
      expect(d.steps.join(' ')).toMatch(/reservekopie/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
