// diagnoseOpenFailure: a missing, empty, foreign, corrupt, wrong-key or newer database gets a clear
// Dutch title, explanation and steps with the backups found — and the file is never changed.
import { describe, it, expect, afterEach } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import Database from 'better-sqlite3-multiple-ciphers';
import { makeTrustCore, tempDir } from './trustSupport';
import type { TestCore } from '../support/core';
import { diagnoseOpenFailure } from '../../src/main/app/diagnose';
import { applyKey } from '../../src/main/db/open';
import { latestSchemaVersion } from '../../src/main/db/migrate';

let t: TestCore;
let dirs: string[] = [];
afterEach(() => {
  t?.cleanup();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  dirs = [];
});

const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');

/** A database with a school and two daily backups in a folder the settings point to. */
async function withBackups() {
  t = makeTrustCore({ now: '2026-11-14T09:00:00Z' });
  await t.call('school.save', { naam: 'De Linde', sector: 'VO', regio: 'midden' });
  const folder = tempDir('sp-diag-');
  dirs.push(folder);
  await t.call('trust.settings.save', { backupMap: folder });
  await t.call('trust.backupIfDue', {});
  t.setNow('2026-11-15T09:00:00Z');
  await t.call('trust.backupIfDue', {});
  t.core.db.pragma('wal_checkpoint(TRUNCATE)');
  t.core.close();
  return folder;
}

function diagnoseUnchanged(dbPath: string, key: string, backupDir?: string) {
  const before = fs.existsSync(dbPath) ? sha(dbPath) : null;
  const d = diagnoseOpenFailure(dbPath, key, backupDir);
  expect(fs.existsSync(dbPath) ? sha(dbPath) : null).toBe(before);
  for (const s of [d.title, d.explanation, ...d.steps]) expect(s).not.toMatch(/\b(error|failed|SQLITE|undefined|null)\b/i);
  return d;
}

describe('diagnoseOpenFailure', () => {
  it('a damaged file: says so, points to the last good backup (found via the note beside the database)', async () => {
    await withBackups();
    const bytes = fs.readFileSync(t.dbPath);
    bytes[Math.floor(bytes.length / 2)] ^= 0xff;
    fs.writeFileSync(t.dbPath, bytes);
    const d = diagnoseUnchanged(t.dbPath, t.key);
    expect(d.soort).toBe('beschadigd');
    expect(d.title).toBe('De database is beschadigd');
    expect(d.backups.map((b) => [b.naam, b.sleutelPast, b.bruikbaar])).toEqual([
      ['reservekopie-20261115T090000Z', true, true],
      ['reservekopie-20261114T090000Z', true, true],
    ]);
    expect(d.steps[0]).toBe(`Zet de laatste goede reservekopie terug: die van 15 november 2026 (${d.backups[0].pad}).`);
    expect(d.steps[1]).toContain(`npm run cli -- restore "${d.backups[0].pad}"`);
  });

  it('a destroyed first page with the right key: the backups open, so it is damage, not the key', async () => {
    await withBackups();
    const bytes = fs.readFileSync(t.dbPath);
    bytes.fill(0, 0, 4096);
    fs.writeFileSync(t.dbPath, bytes);
    expect(diagnoseUnchanged(t.dbPath, t.key).soort).toBe('beschadigd');
  });

  it('the wrong key: says the key does not fit, that there is no back door, and how to get the right one', async () => {
    await withBackups();
    const d = diagnoseUnchanged(t.dbPath, randomBytes(32).toString('hex'));
    expect(d.soort).toBe('sleutel');
    expect(d.explanation).toMatch(/er is geen achterdeur/);
    expect(d.steps.join(' ')).toMatch(/herstelsleutel/);
    expect(d.backups.every((b) => b.sleutelPast === false && b.bruikbaar === null)).toBe(true);
  });

  it('the wrong key and no backups: cannot tell key from damage, and says both', async () => {
    t = makeTrustCore();
    t.core.close();
    const d = diagnoseUnchanged(t.dbPath, randomBytes(32).toString('hex'));
    expect(d.soort).toBe('sleutel_of_beschadigd');
    expect(d.backups).toEqual([]);
    expect(d.steps.join(' ')).toMatch(/Er is geen reservekopie gevonden/);
  });

  it('a newer version: install the newest app, never touched', async () => {
    const folder = await withBackups();
    const db = new Database(t.dbPath);
    applyKey(db, t.key);
    db.pragma(`user_version = ${latestSchemaVersion() + 3}`);
    db.close();
    const d = diagnoseUnchanged(t.dbPath, t.key, folder);
    expect(d.soort).toBe('nieuwere_versie');
    expect(d.explanation).toContain(`schemaversie ${latestSchemaVersion() + 3}`);
    expect(d.steps[0]).toMatch(/Installeer de nieuwste versie/);
  });

  it('missing, empty, unencrypted and not-ours files', async () => {
    const folder = await withBackups();
    const dir = path.dirname(t.dbPath);
    expect(diagnoseUnchanged(path.join(dir, 'weg.db'), t.key, folder)).toMatchObject({
      soort: 'ontbreekt',
      title: 'Het databasebestand is niet gevonden',
    });
    const empty = path.join(dir, 'leeg.db');
    fs.writeFileSync(empty, '');
    expect(diagnoseUnchanged(empty, t.key, folder)).toMatchObject({ soort: 'beschadigd', title: 'Het databasebestand is leeg' });
    const plain = path.join(dir, 'plain.db');
    new Database(plain).exec('CREATE TABLE x (y)');
    expect(diagnoseUnchanged(plain, t.key, folder).soort).toBe('niet_van_ons');
    const foreign = path.join(dir, 'vreemd.db');
    const f = new Database(foreign);
    applyKey(f, t.key);
    f.exec('CREATE TABLE klant (naam TEXT)');
    f.pragma('user_version = 2');
    f.close();
    expect(diagnoseUnchanged(foreign, t.key, folder).soort).toBe('niet_van_ons');
    // And a healthy one is not called broken.
    expect(diagnoseUnchanged(t.dbPath, t.key, folder).soort).toBe('geen_probleem_gevonden');
  });
});
