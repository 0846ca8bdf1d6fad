// The key file: where the database key lives outside the database, and the optional app
// passphrase that wraps it. Pure Node: the Electron door passes its `safeStorage` as the
// protector, so the OS key store protects the file at rest and the passphrase (if set) wraps the
// key inside it. Changing the passphrase re-wraps the same key; the database is never rewritten.
//
// Format (JSON, versioned; `versie` 1):
//   { formaat: 'schoolprotocol-sleutel', versie: 1, sleutelId, beveiliging: 'geen', sleutel }
//   { formaat: 'schoolprotocol-sleutel', versie: 1, sleutelId, beveiliging: 'wachtwoord',
//     kdf: { naam: 'scrypt', N, r, p, zout }, versleuteling: { naam: 'aes-256-gcm', iv, tag, data } }
// The header (format, version, key id, KDF and its parameters) is the AES-GCM additional data, so
// lowering the parameters or swapping the salt in the file makes unwrapping fail.
//
// KDF: scrypt (built into Node, no native add-on to ship) with N = 2^17, r = 8, p = 1: 128 MiB and
// roughly 0.5–1 s per guess on an office PC, OWASP's recommended minimum for scrypt. argon2id would
// be as good but needs a native module; scrypt's memory hardness is what resists GPU guessing.
import fs from 'node:fs';
import path from 'node:path';
import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import type { ScryptOptions } from 'node:crypto';
import { CoreError } from '../errors/errors';

/** What protects the key file at rest: Electron's `safeStorage` fits as is. */
export interface Protector {
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** The production parameters. Tests may pass lighter ones; the file records which were used. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

const FORMAT = 'schoolprotocol-sleutel' as const;

/** The database key's shape (as db/open.ts's KEY_RE; not imported, so the Electron main process
 * can use this file without loading the native database module). */
const KEY_RE = /^[0-9a-f]{64}$/i;

export type KeyFile =
  | { formaat: typeof FORMAT; versie: 1; sleutelId: string; beveiliging: 'geen'; sleutel: string }
  | {
      formaat: typeof FORMAT;
      versie: 1;
      sleutelId: string;
      beveiliging: 'wachtwoord';
      kdf: { naam: 'scrypt'; N: number; r: number; p: number; zout: string };
      versleuteling: { naam: 'aes-256-gcm'; iv: string; tag: string; data: string };
    };

export const MIN_PASSPHRASE = 12;
export const MAX_PASSPHRASE = 200;

export const WRONG_PASSPHRASE = 'Het wachtwoord klopt niet. Let op hoofdletters en spaties, en probeer het opnieuw.';

/**
 * A short, stable fingerprint of a database key, to tell "this backup was made with another key"
 * from "this backup is damaged". One-way and truncated: it reveals nothing usable about the key.
 */
export function keyId(key: string): string {
  return createHash('sha256').update(`schoolprotocol-sleutel-id:${key.toLowerCase()}`).digest('hex').slice(0, 16);
}

function checkKey(key: string): void {
  if (!KEY_RE.test(key)) throw new CoreError('DATABASE', 'De databasesleutel is ongeldig: verwacht 64 hexadecimale tekens.');
}

/** Checks a new passphrase; the messages are the ones a school leader sees. */
export function checkPassphrase(passphrase: string): void {
  if (typeof passphrase !== 'string') throw new CoreError('VALIDATIE', 'Vul een wachtwoord in.', 'wachtwoord');
  if ([...passphrase].length < MIN_PASSPHRASE) {
    throw new CoreError(
      'VALIDATIE',
      `Kies een wachtwoord van minstens ${MIN_PASSPHRASE} tekens (een zin van een paar woorden werkt goed).`,
      'wachtwoord',
    );
  }
  if (passphrase.length > MAX_PASSPHRASE) throw new CoreError('VALIDATIE', `Gebruik hoogstens ${MAX_PASSPHRASE} tekens.`, 'wachtwoord');
  if (/[\u0000-\u001F\u007F]/.test(passphrase)) throw new CoreError('VALIDATIE', 'Het wachtwoord bevat ongeldige tekens.', 'wachtwoord');
}

const scrypt = (pass: string, salt: Buffer, p: ScryptParams) =>
  new Promise<Buffer>((resolve, reject) => {
    // maxmem: scrypt needs 128 * N * r bytes; allow twice that so stronger stored parameters still work.
    const opts: ScryptOptions = { N: p.N, r: p.r, p: p.p, maxmem: 256 * p.N * p.r + 1024 * 1024 };
    scryptCb(pass.normalize('NFC'), salt, 32, opts, (err, key) => (err ? reject(err) : resolve(key)));
  });

const header = (kf: { formaat: string; versie: number; sleutelId: string; kdf: object }) =>
  Buffer.from(JSON.stringify([kf.formaat, kf.versie, kf.sleutelId, kf.kdf]), 'utf8');

/** A key file without a passphrase (the key itself is protected by the OS key store, if any). */
export function plainKeyFile(key: string): KeyFile {
  checkKey(key);
  return { formaat: FORMAT, versie: 1, sleutelId: keyId(key), beveiliging: 'geen', sleutel: key.toLowerCase() };
}

/** Wraps the database key with a passphrase: scrypt → AES-256-GCM. */
export async function wrapKey(key: string, passphrase: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<KeyFile> {
  checkKey(key);
  checkPassphrase(passphrase);
  const zout = randomBytes(16);
  const kek = await scrypt(passphrase, zout, params);
  const iv = randomBytes(12);
  const base = {
    formaat: FORMAT,
    versie: 1 as const,
    sleutelId: keyId(key),
    kdf: { naam: 'scrypt' as const, N: params.N, r: params.r, p: params.p, zout: zout.toString('base64') },
  };
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(header(base));
  const data = Buffer.concat([cipher.update(Buffer.from(key.toLowerCase(), 'utf8')), cipher.final()]);
  return {
    ...base,
    beveiliging: 'wachtwoord',
    versleuteling: {
      naam: 'aes-256-gcm',
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      data: data.toString('base64'),
    },
  };
}

export const needsPassphrase = (kf: KeyFile): boolean => kf.beveiliging === 'wachtwoord';

/** The database key from a key file; with a passphrase set, the passphrase must be right. */
export async function unwrapKey(kf: KeyFile, passphrase?: string | null): Promise<string> {
  if (kf.beveiliging === 'geen') return kf.sleutel;
  if (!passphrase) throw new CoreError('GEEN_TOEGANG', 'Vul het wachtwoord van de app in.', 'wachtwoord');
  if (passphrase.length > MAX_PASSPHRASE) throw new CoreError('GEEN_TOEGANG', WRONG_PASSPHRASE, 'wachtwoord');
  const { kdf, versleuteling: v } = kf;
  const kek = await scrypt(passphrase, Buffer.from(kdf.zout, 'base64'), kdf);
  let key: string;
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(v.iv, 'base64'));
    decipher.setAAD(header(kf));
    decipher.setAuthTag(Buffer.from(v.tag, 'base64'));
    key = Buffer.concat([decipher.update(Buffer.from(v.data, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new CoreError('GEEN_TOEGANG', WRONG_PASSPHRASE, 'wachtwoord');
  }
  // A file whose header was edited would fail the tag above; this catches a broken writer.
  if (!KEY_RE.test(key) || !timingSafeEqual(Buffer.from(keyId(key)), Buffer.from(kf.sleutelId))) {
    throw new CoreError('DATABASE', 'Het sleutelbestand is beschadigd. Zet de sleutel terug vanaf de herstelsleutel die u hebt bewaard.');
  }
  return key;
}

/**
 * The database key from the recovery key as the user types it from paper (blocks of four, spaces
 * or dashes allowed), checked against the key file: the way back after a forgotten passphrase.
 */
export function keyFromRecoveryKey(text: string, kf: KeyFile): string {
  const key = String(text ?? '')
    .replace(/[\s-]/g, '')
    .toLowerCase();
  const refuse = (message: string) => new CoreError('GEEN_TOEGANG', message, 'herstelsleutel', { herstelsleutel: message });
  if (!KEY_RE.test(key)) throw refuse('Een herstelsleutel bestaat uit 64 tekens: de cijfers 0 tot en met 9 en de letters a tot en met f.');
  if (!timingSafeEqual(Buffer.from(keyId(key)), Buffer.from(kf.sleutelId)))
    throw refuse('Deze herstelsleutel hoort niet bij de gegevens op deze computer. Controleer de tekens en probeer het opnieuw.');
  return key;
}

/**
 * Sets, changes or removes the passphrase: unwraps with the current one, wraps the SAME key with
 * the new one (or stores it unwrapped when `nieuw` is null). The database is not touched.
 */
export async function rewrapKey(
  kf: KeyFile,
  huidig: string | null,
  nieuw: string | null,
  params: ScryptParams = DEFAULT_SCRYPT,
): Promise<KeyFile> {
  const key = await unwrapKey(kf, huidig);
  return nieuw === null ? plainKeyFile(key) : wrapKey(key, nieuw, params);
}

/** Reads a key file's JSON (or the bare 64-hex key of an older key store) into a KeyFile. */
export function parseKeyFile(text: string): KeyFile {
  const bad = () =>
    new CoreError(
      'DATABASE',
      'Het sleutelbestand is beschadigd of hoort niet bij Schoolprotocol. Gebruik de herstelsleutel die u hebt bewaard.',
    );
  const trimmed = text.trim();
  if (KEY_RE.test(trimmed)) return plainKeyFile(trimmed);
  let v: unknown;
  try {
    v = JSON.parse(trimmed);
  } catch {
    throw bad();
  }
  const o = v as Record<string, unknown>;
  if (!o || o.formaat !== FORMAT) throw bad();
  if (o.versie !== 1)
    throw new CoreError(
      'DATABASE',
      'Dit sleutelbestand is gemaakt met een nieuwere versie van Schoolprotocol. Installeer de nieuwste versie van de app.',
    );
  if (typeof o.sleutelId !== 'string' || !/^[0-9a-f]{16}$/.test(o.sleutelId)) throw bad();
  if (o.beveiliging === 'geen') {
    if (typeof o.sleutel !== 'string' || !KEY_RE.test(o.sleutel) || keyId(o.sleutel) !== o.sleutelId) throw bad();
    return { formaat: FORMAT, versie: 1, sleutelId: o.sleutelId, beveiliging: 'geen', sleutel: o.sleutel.toLowerCase() };
  }
  if (o.beveiliging === 'wachtwoord') {
    const k = o.kdf as Record<string, unknown> | undefined;
    const e = o.versleuteling as Record<string, unknown> | undefined;
    const int = (x: unknown, min: number, max: number) => typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max;
    const b64 = (x: unknown) => typeof x === 'string' && /^[A-Za-z0-9+/=]{1,200}$/.test(x);
    // Bounds keep a doctored file from asking for gigabytes of memory or a trivially weak KDF.
    if (
      !k ||
      k.naam !== 'scrypt' ||
      !int(k.N, 2 ** 14, 2 ** 20) ||
      ((k.N as number) & ((k.N as number) - 1)) !== 0 ||
      !int(k.r, 1, 32) ||
      !int(k.p, 1, 16) ||
      !b64(k.zout)
    )
      throw bad();
    if (!e || e.naam !== 'aes-256-gcm' || !b64(e.iv) || !b64(e.tag) || !b64(e.data)) throw bad();
    return {
      formaat: FORMAT,
      versie: 1,
      sleutelId: o.sleutelId,
      beveiliging: 'wachtwoord',
      kdf: { naam: 'scrypt', N: k.N as number, r: k.r as number, p: k.p as number, zout: k.zout as string },
      versleuteling: { naam: 'aes-256-gcm', iv: e.iv as string, tag: e.tag as string, data: e.data as string },
    };
  }
  throw bad();
}

export const serializeKeyFile = (kf: KeyFile): string => JSON.stringify(kf);

/** The bytes on disk: the JSON, sealed by the protector when there is one. */
export function sealKeyFile(kf: KeyFile, protector: Protector | null): Buffer {
  const json = serializeKeyFile(kf);
  return protector ? protector.encryptString(json) : Buffer.from(json, 'utf8');
}

/**
 * Reads the bytes back. A file that is plain JSON (written before the OS key store was available,
 * or by the CLI) is accepted either way; the door rewrites it sealed on the next save.
 */
export function openKeyFile(bytes: Buffer, protector: Protector | null): KeyFile {
  const first = bytes.subarray(0, 1).toString('latin1');
  if (!protector || first === '{' || KEY_RE.test(bytes.toString('latin1').trim())) return parseKeyFile(bytes.toString('utf8'));
  let text: string;
  try {
    text = protector.decryptString(bytes);
  } catch {
    throw new CoreError(
      'DATABASE',
      'Het sleutelbestand kan op deze computer of voor deze gebruiker niet worden geopend (de sleutelopslag van het besturingssysteem weigert). ' +
        'Log in als de gebruiker die de app heeft ingericht, of zet de sleutel terug met de herstelsleutel.',
    );
  }
  return parseKeyFile(text);
}

/** Writes the key file atomically (temp file, fsync, rename), readable by the owner only. */
export function writeKeyFile(file: string, kf: KeyFile, protector: Protector | null): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = fs.openSync(tmp, 'wx', 0o600);
  try {
    fs.writeSync(fd, sealKeyFile(kf, protector));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

export function readKeyFile(file: string, protector: Protector | null): KeyFile {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw new CoreError('DATABASE', `Het sleutelbestand is niet gevonden: ${file}`);
  }
  return openKeyFile(bytes, protector);
}
