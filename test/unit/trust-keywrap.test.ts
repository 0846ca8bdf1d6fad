import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import {
  DEFAULT_SCRYPT,
  keyId,
  needsPassphrase,
  openKeyFile,
  parseKeyFile,
  plainKeyFile,
  readKeyFile,
  rewrapKey,
  sealKeyFile,
  serializeKeyFile,
  unwrapKey,
  wrapKey,
  writeKeyFile,
  WRONG_PASSPHRASE,
} from '../../src/main/security/keyWrap';
import type { KeyFile, Protector } from '../../src/main/security/keyWrap';

const FAST = { N: 2 ** 14, r: 8, p: 1 };
const key = 'a1'.repeat(32);
const pass = 'paarse olifant op de fiets';

/** A stand-in for safeStorage: a "v10" prefix like Chromium's, the user's id, XOR with the user's pad. */
function fakeSafeStorage(user: number): Protector {
  return {
    encryptString: (s) => Buffer.concat([Buffer.from('v10'), Buffer.from([user]), Buffer.from(s, 'utf8').map((b) => b ^ user)]),
    decryptString: (b) => {
      if (b.subarray(0, 3).toString() !== 'v10' || b[3] !== user)
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(b.subarray(4).map((x) => x ^ user)).toString('utf8');
    },
  };
}

async function rejection(p: Promise<unknown>): Promise<Error & { code?: string }> {
  try {
    await p;
  } catch (e) {
    return e as Error & { code?: string };
  }
  throw new Error('expected a rejection');
}

describe('the key file and the passphrase', () => {
  it('wraps with the production scrypt parameters and unwraps only with the right passphrase', async () => {
    const kf = await wrapKey(key, pass);
    expect(kf.beveiliging).toBe('wachtwoord');
    if (kf.beveiliging !== 'wachtwoord') return;
    expect(kf.kdf).toMatchObject({ naam: 'scrypt', N: DEFAULT_SCRYPT.N, r: 8, p: 1 });
    expect(DEFAULT_SCRYPT.N).toBeGreaterThanOrEqual(2 ** 17);
    expect(serializeKeyFile(kf)).not.toContain(key);
    expect(await unwrapKey(kf, pass)).toBe(key);
    const wrong = await rejection(unwrapKey(kf, 'paarse olifant op de fietS'));
    expect(wrong.message).toBe(WRONG_PASSPHRASE);
    expect(wrong.code).toBe('GEEN_TOEGANG');
    expect((await rejection(unwrapKey(kf, ''))).message).toBe('Vul het wachtwoord van de app in.');
  }, 30_000);

  it('refuses a weak new passphrase in Dutch', async () => {
    expect((await rejection(wrapKey(key, 'kort', FAST))).message).toMatch(/minstens 12 tekens/);
    expect((await rejection(wrapKey(key, 'twaalf tekens\u0007!', FAST))).message).toMatch(/ongeldige tekens/);
    expect((await rejection(wrapKey(key, 'x'.repeat(201), FAST))).message).toMatch(/hoogstens 200/);
  });

  it('changing the passphrase re-wraps the same key (the database key never changes)', async () => {
    const a = await wrapKey(key, pass, FAST);
    const b = await rewrapKey(a, pass, 'een heel ander wachtwoord', FAST);
    expect(b.sleutelId).toBe(a.sleutelId);
    expect(await unwrapKey(b, 'een heel ander wachtwoord')).toBe(key);
    expect((await rejection(unwrapKey(b, pass))).message).toBe(WRONG_PASSPHRASE);
    expect((await rejection(rewrapKey(a, 'fout wachtwoord!!', 'nog een ander wachtwoord', FAST))).message).toBe(WRONG_PASSPHRASE);
    const plain = await rewrapKey(b, 'een heel ander wachtwoord', null);
    expect(plain).toEqual(plainKeyFile(key));
    expect(needsPassphrase(plain)).toBe(false);
  });

  it('detects a doctored header (weaker KDF parameters, swapped salt) through the GCM tag', async () => {
    const kf = (await wrapKey(key, pass, FAST)) as Extract<KeyFile, { beveiliging: 'wachtwoord' }>;
    const weaker = { ...kf, kdf: { ...kf.kdf, N: 2 ** 15 } };
    expect((await rejection(unwrapKey(weaker, pass))).message).toBe(WRONG_PASSPHRASE);
    const otherSalt = { ...kf, kdf: { ...kf.kdf, zout: randomBytes(16).toString('base64') } };
    expect((await rejection(unwrapKey(otherSalt, pass))).message).toBe(WRONG_PASSPHRASE);
    // Parameters outside sane bounds are refused before any work is done.
    expect(() => parseKeyFile(JSON.stringify({ ...kf, kdf: { ...kf.kdf, N: 2 ** 30 } }))).toThrow(/beschadigd/);
    expect(() => parseKeyFile(JSON.stringify({ ...kf, kdf: { ...kf.kdf, N: 1000 } }))).toThrow(/beschadigd/);
  });

  it('reads the older bare-hex key store and refuses garbage or a newer format in Dutch', () => {
    expect(parseKeyFile(`${key}\n`)).toEqual(plainKeyFile(key));
    expect(() => parseKeyFile('hallo')).toThrow(/beschadigd of hoort niet bij Schoolprotocol/);
    expect(() => parseKeyFile(JSON.stringify({ ...plainKeyFile(key), versie: 2 }))).toThrow(/nieuwere versie/);
    expect(() => parseKeyFile(JSON.stringify({ ...plainKeyFile(key), sleutelId: keyId('b'.repeat(64)) }))).toThrow(/beschadigd/);
  });

  it('layers on the OS protector: sealed at rest, the passphrase inside; another user cannot open it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-key-'));
    try {
      const file = path.join(dir, 'sleutel.bin');
      const mine = fakeSafeStorage(0x5a);
      const kf = await wrapKey(key, pass, FAST);
      writeKeyFile(file, kf, mine);
      const bytes = fs.readFileSync(file);
      expect(bytes.includes(Buffer.from('schoolprotocol-sleutel'))).toBe(false);
      expect((fs.statSync(file).mode & 0o777).toString(8)).toBe('600');
      const back = readKeyFile(file, mine);
      expect(back).toEqual(kf);
      expect(await unwrapKey(back, pass)).toBe(key);
      expect(() => readKeyFile(file, fakeSafeStorage(0x11))).toThrow(/sleutelopslag van het besturingssysteem weigert/);
      // The first Electron key store wrote safeStorage.encryptString(hex): still readable.
      expect(openKeyFile(mine.encryptString(key), mine)).toEqual(plainKeyFile(key));
      // Without a protector (CLI, preview) the file is plain JSON, still readable by a door that has one.
      writeKeyFile(file, plainKeyFile(key), null);
      expect(readKeyFile(file, mine)).toEqual(plainKeyFile(key));
      expect(sealKeyFile(plainKeyFile(key), null).toString()).toContain(key);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
