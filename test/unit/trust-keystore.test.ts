// The Electron key store layered on the key file: safeStorage protects the file at rest, the app
// passphrase (if set) wraps the key inside it; the first format (safeStorage of the bare hex key)
// is still read.
import { describe, it, expect, afterEach } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KEY_FILE, loadOrCreateKey } from '../../src/main/electron/keyStore';
import { fakeSafeStorage } from '../support/safeStorage';
import { openKeyFile, unwrapKey, wrapKey, writeKeyFile } from '../../src/main/security/keyWrap';

const ss = fakeSafeStorage({ secret: 0x2c });

const dirs: string[] = [];
const dir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-ks-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('the Electron key store on the key file', () => {
  it('writes a key file (JSON inside the OS protection) on first run', () => {
    const d = dir();
    const r = loadOrCreateKey({ dir: d, dbExists: false, safeStorage: ss, platform: 'linux' });
    expect(r.ok).toBe(true);
    const kf = openKeyFile(fs.readFileSync(path.join(d, KEY_FILE)), ss);
    expect(kf).toMatchObject({ formaat: 'schoolprotocol-sleutel', versie: 1, beveiliging: 'geen' });
    expect(r.ok && kf.beveiliging === 'geen' && kf.sleutel === r.key).toBe(true);
  });

  it('still reads the first format: safeStorage of the bare hex key', () => {
    const d = dir();
    const key = 'c3'.repeat(32);
    fs.writeFileSync(path.join(d, KEY_FILE), ss.encryptString(key));
    expect(loadOrCreateKey({ dir: d, dbExists: true, safeStorage: ss, platform: 'linux' })).toEqual({ ok: true, key, created: false });
  });

  it('asks for the passphrase when one wraps the key, and only the right one unwraps it', async () => {
    const d = dir();
    const first = loadOrCreateKey({ dir: d, dbExists: false, safeStorage: ss, platform: 'linux' });
    if (!first.ok) throw new Error('no key');
    writeKeyFile(path.join(d, KEY_FILE), await wrapKey(first.key, 'ons geheime schoolwachtwoord', { N: 2 ** 14, r: 8, p: 1 }), ss);
    const r = loadOrCreateKey({ dir: d, dbExists: true, safeStorage: ss, platform: 'linux' });
    expect(r).toMatchObject({ ok: false, reason: 'passphrase', message: 'Vul het wachtwoord van Schoolprotocol in.' });
    if (r.ok || r.reason !== 'passphrase') return;
    await expect(unwrapKey(r.keyFile, 'ons geheime schoolwachtwoorD')).rejects.toThrow(/wachtwoord klopt niet/);
    expect(await unwrapKey(r.keyFile, 'ons geheime schoolwachtwoord')).toBe(first.key);
  });
});
