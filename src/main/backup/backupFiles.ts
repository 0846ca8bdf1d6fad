// Evidence files and letters in a backup: encrypted one by one with AES-256-GCM under a random key
// that lives only inside the encrypted database (table trust_secret), so a backup folder on a
// network drive holds nothing readable without the database key. The file's area and name are the
// additional data: a file moved to another name fails to decrypt.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { DB } from '../db/open';
import { CoreError } from '../errors/errors';

const MAGIC = Buffer.from('SPB1');

export interface FileKey {
  id: string;
  key: Buffer;
}

/** The file key from its stored hex form (also how the backup worker receives it). */
export const fileKeyFromHex = (hex: string): FileKey => {
  const key = Buffer.from(hex, 'hex');
  return { key, id: createHash('sha256').update(key).digest('hex').slice(0, 16) };
};

export function readFileKey(db: DB, schema = 'main'): FileKey | null {
  const row = db.prepare(`SELECT waarde FROM ${schema}.trust_secret WHERE naam = 'backup_bestanden'`).get() as
    { waarde: string } | undefined;
  return row ? fileKeyFromHex(row.waarde) : null;
}

/** The file key, created on first use (call inside a write transaction). */
export function ensureFileKey(db: DB, nowIso: string): FileKey {
  const existing = readFileKey(db);
  if (existing) return existing;
  const hex = randomBytes(32).toString('hex');
  db.prepare(`INSERT INTO trust_secret (naam, waarde, created_at) VALUES ('backup_bestanden', ?, ?)`).run(hex, nowIso);
  return fileKeyFromHex(hex);
}

export function encryptFile(fk: FileKey, label: string, plain: Buffer): Buffer {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', fk.key, iv);
  c.setAAD(Buffer.from(label, 'utf8'));
  const body = Buffer.concat([c.update(plain), c.final()]);
  return Buffer.concat([MAGIC, iv, body, c.getAuthTag()]);
}

export function decryptFile(fk: FileKey, label: string, sealed: Buffer): Buffer {
  if (sealed.length < MAGIC.length + 12 + 16 || !sealed.subarray(0, 4).equals(MAGIC)) {
    throw new CoreError('DATABASE', `Een bestand in de reservekopie is beschadigd: ${label}`);
  }
  try {
    const d = createDecipheriv('aes-256-gcm', fk.key, sealed.subarray(4, 16));
    d.setAAD(Buffer.from(label, 'utf8'));
    d.setAuthTag(sealed.subarray(sealed.length - 16));
    return Buffer.concat([d.update(sealed.subarray(16, sealed.length - 16)), d.final()]);
  } catch {
    throw new CoreError('DATABASE', `Een bestand in de reservekopie is beschadigd of hoort bij een andere database: ${label}`);
  }
}

