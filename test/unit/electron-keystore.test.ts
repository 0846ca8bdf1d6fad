// The Electron app's database key: made once, kept only encrypted by the OS key store, never
// in plain text, never replaced for an existing database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KEY_FILE, loadOrCreateKey, NO_KEYSTORE_MESSAGE } from '../../src/main/electron/keyStore';
import { fakeSafeStorage } from '../support/safeStorage';
import { KEY_RE } from '../../src/main/db/open';

describe('keyStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-key-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('makes a 64-hex key on first run, stores it only encrypted (0600), and reads it back', () => {
    const ss = fakeSafeStorage();
    const first = loadOrCreateKey({ dir, dbExists: false, safeStorage: ss, platform: 'linux' });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.created).toBe(true);
    expect(KEY_RE.test(first.key)).toBe(true);
    const file = path.join(dir, KEY_FILE);
    const bytes = fs.readFileSync(file);
    expect(bytes.toString('latin1')).not.toContain(first.key);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir)).toEqual([KEY_FILE]);

    const again = loadOrCreateKey({ dir, dbExists: true, safeStorage: ss, platform: 'linux' });
    expect(again).toEqual({ ok: true, key: first.key, created: false });
    expect(ss.encrypted).toBe(1);
  });

  it('two first runs make different keys', () => {
    const a = loadOrCreateKey({ dir, dbExists: false, safeStorage: fakeSafeStorage() });
    const dir2 = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-key-'));
    const b = loadOrCreateKey({ dir: dir2, dbExists: false, safeStorage: fakeSafeStorage() });
    fs.rmSync(dir2, { recursive: true, force: true });
    expect(a.ok && b.ok && a.key !== b.key).toBe(true);
  });

  it('refuses (in Dutch) when there is no OS key store, and writes nothing', () => {
    for (const ss of [fakeSafeStorage({ available: false }), fakeSafeStorage({ backend: 'basic_text' })]) {
      const r = loadOrCreateKey({ dir, dbExists: false, safeStorage: ss, platform: 'linux' });
      expect(r).toEqual({ ok: false, reason: 'no-keystore', message: NO_KEYSTORE_MESSAGE });
      expect(fs.readdirSync(dir)).toEqual([]);
    }
    expect(NO_KEYSTORE_MESSAGE).toContain('onversleuteld op schijf');
    // basic_text is a Linux notion; elsewhere isEncryptionAvailable decides.
    expect(loadOrCreateKey({ dir, dbExists: false, safeStorage: fakeSafeStorage({ backend: 'basic_text' }), platform: 'win32' }).ok).toBe(
      true,
    );
  });

  it('never makes a new key for an existing database', () => {
    const r = loadOrCreateKey({ dir, dbExists: true, safeStorage: fakeSafeStorage() });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toBe('key-missing');
      expect(r.message).toContain('Er is niets gewijzigd');
    }
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('explains a key that this computer cannot decrypt, and leaves the file alone', () => {
    loadOrCreateKey({ dir, dbExists: false, safeStorage: fakeSafeStorage() });
    const before = fs.readFileSync(path.join(dir, KEY_FILE));
    const other = fakeSafeStorage({ secret: 0x33 });
    other.decryptString = () => {
      throw new Error('decrypt failed');
    };
    const r = loadOrCreateKey({ dir, dbExists: true, safeStorage: other });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe('key-unreadable');
    expect(fs.readFileSync(path.join(dir, KEY_FILE)).equals(before)).toBe(true);
    // Decrypts, but to garbage: also refused.
    const garbage = loadOrCreateKey({ dir, dbExists: true, safeStorage: fakeSafeStorage({ secret: 0x33 }) });
    expect(garbage.ok).toBe(false);
  });
});
