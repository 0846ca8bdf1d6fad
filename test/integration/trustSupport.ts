// Test support for the trust tests: a test core with a plain key vault, temp folders, and a way
// to look at the plaintext pages of an encrypted database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { makeTestCore } from '../support/core';
import type { TestCore } from '../support/core';
import { attachKeyVault, fileKeyVault } from '../../src/main/trust/vault';
import { plainKeyFile, writeKeyFile } from '../../src/main/trust/keyWrap';
import type { ScryptParams } from '../../src/main/trust/keyWrap';

/** Fast scrypt parameters for tests (the production parameters are tested once, in the unit test). */
export const FAST_SCRYPT: ScryptParams = { N: 2 ** 14, r: 8, p: 1 };

/** A test core with a key file beside it (no OS protector), attached as its vault. */
export function makeTrustCore(opts: { now?: string } = {}): TestCore & { keyFile: string } {
  const t = makeTestCore(opts);
  const keyFile = path.join(t.dir, 'sleutel.json');
  writeKeyFile(keyFile, plainKeyFile(t.key), null);
  attachKeyVault(t.core, fileKeyVault(keyFile, null, FAST_SCRYPT));
  return Object.assign(t, { keyFile });
}

/** The school of the trust tests: a VO school with address and signatory (letters, obligations). */
export const DE_LINDE = {
  naam: 'De Linde',
  sector: 'VO',
  regio: 'midden',
  straat: 'Laan 1',
  postcode: '4001 AA',
  plaats: 'Tiel',
  telefoon: '0344 123 456',
  email: 'info@delinde.nl',
  brin: '12AB',
  ondertekenaarNaam: 'A. Visser',
  ondertekenaarFunctie: 'directeur',
} as const;

export function tempDir(prefix = 'sp-trust-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** The plaintext pages of an encrypted database: a copy, decrypted with PRAGMA rekey = ''. */
export async function decryptedBytes(dbPath: string, key: string): Promise<Buffer> {
  const { default: Database } = await import('better-sqlite3-multiple-ciphers');
  const copy = path.join(tempDir('sp-plain-'), 'plain.db');
  fs.copyFileSync(dbPath, copy);
  const db = new Database(copy);
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.pragma(`key="x'${key}'"`);
  db.pragma('journal_mode = DELETE');
  db.pragma(`rekey=''`);
  db.close();
  const bytes = fs.readFileSync(copy);
  fs.rmSync(path.dirname(copy), { recursive: true, force: true });
  return bytes;
}

/**
 * Trust cores and backup folders that a test file makes, removed after each test (a core a test
 * closed itself is removed all the same). Call once at the top of the file.
 */
export function trustWorkspace() {
  let cores: TestCore[] = [];
  let dirs: string[] = [];
  afterEach(() => {
    for (const c of cores) {
      try {
        c.cleanup();
      } catch {
        fs.rmSync(c.dir, { recursive: true, force: true });
      }
    }
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
    cores = [];
    dirs = [];
  });
  return {
    /** A trust core (makeTrustCore), removed after the test. */
    core(now = '2026-11-16T09:00:00Z') {
      const t = makeTrustCore({ now });
      cores.push(t);
      return t;
    },
    /** A folder for backups, removed after the test. */
    dir() {
      const d = tempDir('sp-backups-');
      dirs.push(d);
      return d;
    },
  };
}
