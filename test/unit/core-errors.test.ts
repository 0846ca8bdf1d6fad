// systemError / toApiError: a busy database, a full disk, a folder without write access and
// SQLite's own limits reach the school as a clear Dutch message, never as English or "INTERN", and
// a write that fails on them changes nothing. Real errors from better-sqlite3 and the file system
// wherever this machine can produce them.
import { describe, it, expect, afterEach } from 'vitest';
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { connect, applyKey } from '../../src/main/db/open';
import { toApiError } from '../../src/main/errors/errors';
import { Core } from '../../src/main/app/core';
import { makeTestCore, type TestCore } from '../support/core';

/** A folder that can be made read-only for this process, or null where this machine cannot. */
const readOnly: (() => { dir: string; lock: () => void; cleanup: () => void }) | null = (() => {
  if (process.platform === 'win32') return null;
  if (process.getuid?.() !== 0) {
    return () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-ro-'));
      return {
        dir,
        lock: () => {
          for (const f of fs.readdirSync(dir)) fs.chmodSync(path.join(dir, f), 0o444);
          fs.chmodSync(dir, 0o555);
        },
        cleanup: () => {
          fs.chmodSync(dir, 0o755);
          fs.rmSync(dir, { recursive: true, force: true });
        },
      };
    };
  }
  const probe = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-ro-'));
  const can = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', probe]).status === 0;
  if (can) spawnSync('umount', [probe]);
  fs.rmSync(probe, { recursive: true, force: true });
  if (!can) return null;
  return () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-ro-'));
    spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', dir]);
    return {
      dir,
      lock: () => {
        if (spawnSync('mount', ['-o', 'remount,ro', dir]).status !== 0) throw new Error('remount read-only failed');
      },
      cleanup: () => {
        spawnSync('umount', [dir]);
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  };
})();

const caught = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
};

let t: TestCore | null = null;
afterEach(() => {
  t?.cleanup();
  t = null;
});

describe('Dutch messages for disk and database failures', () => {
  it('SQLITE_BUSY from a second connection: "bezet", and the write changed nothing', async () => {
    t = makeTestCore();
    const other = connect(t.dbPath);
    applyKey(other, t.key);
    other.pragma('busy_timeout = 0');
    t.core.db.pragma('busy_timeout = 0');
    const before = (t.core.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    other.prepare('BEGIN IMMEDIATE').run();
    try {
      const busy = caught(() => t!.core.db.prepare('BEGIN IMMEDIATE').run());
      expect((busy as { code: string }).code).toBe('SQLITE_BUSY');
      expect(toApiError(busy).message).toBe(
        'De database is bezet door een ander programma; probeer het zo opnieuw. Er is niets opgeslagen of gewijzigd.',
      );
      const r = await t.core.invoke('people.create', { soort: 'leerling', voornaam: 'Jan', achternaam: 'Jansen' });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatchObject({ code: 'DATABASE', message: expect.stringMatching(/^De database is bezet/) });
    } finally {
      other.prepare('ROLLBACK').run();
      other.close();
    }
    expect((t.core.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n).toBe(before);
  });

  it('SQLITE_FULL and ENOSPC: the disk is full, nothing saved', () => {
    const db = connect(':memory:');
    db.exec('CREATE TABLE t (x BLOB)');
    db.pragma('max_page_count = 2');
    const full = caught(() => {
      for (let i = 0; i < 10; i++) db.prepare('INSERT INTO t VALUES (randomblob(4000))').run();
    });
    db.close();
    expect((full as { code: string }).code).toBe('SQLITE_FULL');
    expect(toApiError(full, '/data/school')).toEqual({
      code: 'DATABASE',
      message: 'De schijf is vol: maak ruimte vrij op de schijf van /data/school en probeer het opnieuw; er is niets opgeslagen.',
    });
    if (fs.existsSync('/dev/full')) {
      const enospc = caught(() => fs.writeFileSync('/dev/full', 'x'));
      expect((enospc as { code: string }).code).toBe('ENOSPC');
      expect(toApiError(enospc, '/data/school').message).toMatch(/^De schijf is vol: .*er is niets opgeslagen\.$/);
    }
  });

  it('SQLITE_READONLY, EACCES and EROFS: "Geen schrijfrechten in <map>"', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-ro-'));
    try {
      const file = path.join(dir, 'x.db');
      connect(file).exec('CREATE TABLE t (x)');
      const ro = connect(file, { readonly: true });
      const readonly = caught(() => ro.prepare('INSERT INTO t VALUES (1)').run());
      ro.close();
      expect((readonly as { code: string }).code).toBe('SQLITE_READONLY');
      expect(toApiError(readonly, dir).message).toMatch(new RegExp(`^Geen schrijfrechten in ${dir}\\. `));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    // The file system names the file: the message names its folder.
    for (const code of ['EACCES', 'EROFS', 'EPERM']) {
      const e = Object.assign(new Error(`${code}: permission denied, open '/mnt/share/school/x.db'`), {
        code,
        path: '/mnt/share/school/x.db',
      });
      expect(toApiError(e)).toMatchObject({
        code: 'DATABASE',
        message: expect.stringMatching(/^Geen schrijfrechten in \/mnt\/share\/school\. /),
      });
    }
  });

  it("SQLite's parser limits: too long or too complex, not INTERN", () => {
    const db = connect(':memory:');
    const deep = caught(() => db.prepare(`SELECT ${Array(40_000).fill('1').join('+')}`).get());
    db.close();
    expect(toApiError(deep)).toMatchObject({ code: 'VALIDATIE', message: expect.stringMatching(/te lang of te ingewikkeld/) });
    expect(toApiError(new Error('a bug'))).toMatchObject({ code: 'INTERN' });
  });

  // Root writes through a chmod, so as root the folder is a small tmpfs remounted read-only; where
  // mounting is not allowed either (an unprivileged container) the test cannot run.
  it.skipIf(!readOnly)('a read-only data folder is reported as such, not as a wrong key', () => {
    const ro = readOnly!();
    const dbPath = path.join(ro.dir, 'schoolprotocol.db');
    const key = 'ab'.repeat(32);
    try {
      Core.open({ dbPath, key, create: true }).close();
      ro.lock();
      expect(() => Core.open({ dbPath, key })).toThrow(`Geen schrijfrechten in ${ro.dir}`);
    } finally {
      ro.cleanup();
    }
  });
});
