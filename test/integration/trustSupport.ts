// Test support for the trust tests: a test core with a plain key vault, temp folders, and a way
// to look at the plaintext pages of an encrypted database.
import fs from 'node:fs';
import { createDecipheriv } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { makeTestCore } from '../support/core';
import type { TestCore } from '../support/core';
import { attachKeyVault, fileKeyVault } from '../../src/main/security/vault';
import { plainKeyFile, writeKeyFile } from '../../src/main/security/keyWrap';
import type { ScryptParams } from '../../src/main/security/keyWrap';

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

/**
 * The plaintext of every page of an encrypted database, free pages included: each page decrypted on
 * its own (SQLCipher 4 with a raw key: AES-256-CBC, 4096-byte pages ending in a 16-byte IV and a
 * 64-byte HMAC, page 1 starting with the 16-byte salt). Not PRAGMA rekey = '': that rebuilds the
 * file like a VACUUM and would hide what freed pages still hold.
 */
export async function decryptedBytes(dbPath: string, key: string): Promise<Buffer> {
  const PAGE = 4096;
  const RESERVE = 80;
  const file = fs.readFileSync(dbPath);
  const plain: Buffer[] = [];
  for (let at = 0; at < file.length; at += PAGE) {
    const page = file.subarray(at, at + PAGE);
    const d = createDecipheriv('aes-256-cbc', Buffer.from(key, 'hex'), page.subarray(PAGE - RESERVE, PAGE - RESERVE + 16));
    d.setAutoPadding(false);
    plain.push(d.update(page.subarray(at === 0 ? 16 : 0, PAGE - RESERVE)), d.final());
  }
  return Buffer.concat(plain);
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
