// The school's signing key for the board's figures (docs/BOARD.md): one Ed25519 key pair per school,
// made with node:crypto at the first export and kept in the encrypted database (the setting table,
// key 'board'); the private key never leaves it, not even into the audit trail. The board's copy
// keeps, per BRIN, the fingerprint of the key it saw first (key 'board.scholen'), so a file signed
// with another key is noticed.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { z } from 'zod';
import type { DB } from '../db/open';
import type { Ctx } from '../context/context';
import { readSetting, writeSetting } from '../settings/settings';

const KEY = 'board';
const PINS = 'board.scholen';

const keySchema = z.object({
  sleutel: z
    .object({
      /** PKCS#8 DER, base64. */
      prive: z.string().min(1),
      /** The raw 32-byte public key, base64. */
      publiek: z.string().min(1),
      gemaaktOp: z.string(),
    })
    .nullable()
    .default(null),
});

const pinSchema = z.object({
  scholen: z.record(z.string(), z.object({ vingerafdruk: z.string(), school: z.string(), sinds: z.string() })).default({}),
});
export type Pins = z.output<typeof pinSchema>['scholen'];

/** What the audit trail keeps of the key: its fingerprint, never the private key. */
const auditedKey = (v: z.output<typeof keySchema>) => ({
  vingerafdruk: v.sleutel ? fingerprint(Buffer.from(v.sleutel.publiek, 'base64')) : null,
  gemaaktOp: v.sleutel?.gemaaktOp ?? null,
});

/** SHA-256 of the raw public key, the first 16 bytes as eight groups of four hex digits: short enough to read out by phone. */
export function fingerprint(publicKey: Buffer): string {
  const hex = createHash('sha256').update(publicKey).digest('hex').slice(0, 32).toUpperCase();
  return hex.match(/.{4}/g)!.join(' ');
}

export function readOwnKey(db: DB): { publiek: Buffer; vingerafdruk: string; gemaaktOp: string } | null {
  const k = readSetting(db, KEY, keySchema).sleutel;
  if (!k) return null;
  const publiek = Buffer.from(k.publiek, 'base64');
  return { publiek, vingerafdruk: fingerprint(publiek), gemaaktOp: k.gemaaktOp };
}

/** The school's key pair, made (and stored, audited by its fingerprint) on first use. Call inside ctx.tx. */
export function ownKeyPair(ctx: Ctx): { prive: string; publiek: Buffer } {
  const stored = readSetting(ctx.db, KEY, keySchema).sleutel;
  if (stored) return { prive: stored.prive, publiek: Buffer.from(stored.publiek, 'base64') };
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' });
  const publiek = Buffer.from(jwk.x as string, 'base64url');
  const prive = privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
  writeSetting(ctx, KEY, keySchema, { sleutel: { prive, publiek: publiek.toString('base64'), gemaaktOp: ctx.nowIso() } }, auditedKey);
  return { prive, publiek };
}

export function signWith(prive: string, data: Buffer): Buffer {
  return sign(null, data, createPrivateKey({ key: Buffer.from(prive, 'base64'), format: 'der', type: 'pkcs8' }));
}

/** Whether `signature` is the Ed25519 signature of `data` by the raw 32-byte `publicKey`; false for any malformed key. */
export function verifySignature(publicKey: Buffer, data: Buffer, signature: Buffer): boolean {
  if (publicKey.length !== 32 || signature.length !== 64) return false;
  try {
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicKey.toString('base64url') }, format: 'jwk' });
    return verify(null, data, key, signature);
  } catch {
    return false;
  }
}

export const readPins = (db: DB): Pins => readSetting(db, PINS, pinSchema).scholen;

/** Remembers the fingerprint of each school's key (by BRIN). Call inside ctx.tx. */
export function savePins(ctx: Ctx, pins: Pins): void {
  writeSetting(ctx, PINS, pinSchema, { scholen: pins });
}
