// A stand-in for Electron's safeStorage (the OS key store is not reachable in tests): reversible,
// marked like the real thing ('v10'), visibly not plain text, and refusing what it did not seal.
import type { SafeStorageLike } from '../../src/main/electron/keyStore';

export function fakeSafeStorage(
  opts: { available?: boolean; backend?: string; secret?: number } = {},
): SafeStorageLike & { encrypted: number } {
  const secret = opts.secret ?? 0x5a;
  const s = {
    encrypted: 0,
    isEncryptionAvailable: () => opts.available ?? true,
    getSelectedStorageBackend: () => opts.backend ?? 'gnome_libsecret',
    encryptString: (plain: string) => {
      s.encrypted++;
      return Buffer.concat([Buffer.from('v10'), Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ secret))]);
    },
    decryptString: (buf: Buffer) => {
      if (buf.subarray(0, 3).toString() !== 'v10')
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(buf.subarray(3).map((b) => b ^ secret)).toString('utf8');
    },
  };
  return s;
}
