// The core behind the Electron window: coreHost.ts (the utilityProcess side) and CoreHostClient
// (the main-process side) wired together in-process through a stand-in for the process channel,
// against a real encrypted database. Covers open, invoke, a wrong key, the key file kept by the
// main process (passphrase set, lock, unlock), the diagnosis of a database that does not open and
// putting the last good backup back, a crash and close.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EventEmitter } from 'node:events';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreHostClient } from '../../src/main/electron/coreClient';
import type { HostProcess } from '../../src/main/electron/coreClient';
import type { HostReply, HostRequest } from '../../src/main/electron/coreProtocol';
import { Core } from '../../src/main/app/core';
import { fileKeyVault } from '../../src/main/security/vault';
import { openKeyFile, plainKeyFile, unwrapKey, writeKeyFile } from '../../src/main/security/keyWrap';
import { fakeSafeStorage } from '../support/safeStorage';
import { KEY_FILE, loadOrCreateKey } from '../../src/main/electron/keyStore';
import type { LockStatus } from '../../src/shared/api/trust';

const safeStorage = fakeSafeStorage();

/** process.parentPort for coreHost.ts, and the child handle for the client, joined back to back. */
class FakeChild extends EventEmitter implements HostProcess {
  killed = false;
  constructor(private readonly port: EventEmitter) {
    super();
  }
  postMessage(message: HostRequest) {
    // Structured clone, as across a real process boundary.
    setImmediate(() => this.port.emit('message', { data: structuredClone(message) }));
  }
  kill() {
    this.killed = true;
    this.emit('exit', 0);
    return true;
  }
}

describe('core host (utilityProcess) and its client', () => {
  let dir: string;
  let child: FakeChild;
  let client: CoreHostClient;
  const key = randomBytes(32).toString('hex');

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-host-'));
    const port = Object.assign(new EventEmitter(), {
      postMessage: (reply: HostReply) => setImmediate(() => child.emit('message', structuredClone(reply))),
    });
    (process as unknown as { parentPort: unknown }).parentPort = port;
    child = new FakeChild(port);
    await import('../../src/main/electron/coreHost');
    // As index.ts does: the main process keeps the key file, sealed by the OS key store.
    writeKeyFile(path.join(dir, KEY_FILE), plainKeyFile(key), safeStorage);
    client = new CoreHostClient(child, fileKeyVault(path.join(dir, KEY_FILE), safeStorage));
  });
  afterAll(() => {
    delete (process as unknown as { parentPort?: unknown }).parentPort;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers before the database is open with a Dutch DATABASE error', async () => {
    const r = await client.invoke('app.status', {});
    expect(r).toEqual({ ok: false, error: { code: 'DATABASE', message: 'De database is niet geopend.' } });
  });

  it('opens (creating) an encrypted database and relays calls as Results', async () => {
    const dbPath = path.join(dir, 'schoolprotocol.db');
    expect(await client.open({ dbPath, key })).toEqual({ ok: true });
    expect(fs.existsSync(dbPath)).toBe(true);
    const status = await client.invoke('app.status', {});
    expect(status.ok).toBe(true);
    if (status.ok) expect((status.value as { hasSchool: boolean }).hasSchool).toBe(false);
    const invalid = await client.invoke('school.save', { naam: '' });
    expect(invalid.ok).toBe(false);
    if (!invalid.ok) expect(invalid.error.fields?.naam).toBe('Vul dit veld in.');
    // Concurrent calls get their own answers.
    const [a, b] = await Promise.all([client.invoke('app.status', {}), client.invoke('bestaat.niet', {})]);
    expect(a.ok).toBe(true);
    expect(b.ok ? null : b.error.code).toBe('ONBEKENDE_METHODE');
  });

  it('reports the core’s Dutch message when the key is wrong, and the file is untouched', async () => {
    const dbPath = path.join(dir, 'ander.db');
    const key2 = randomBytes(32).toString('hex');
    Core.open({ dbPath, key: key2, create: true }).close();
    const before = fs.readFileSync(dbPath);
    const r = await client.open({ dbPath, key: 'f'.repeat(64) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('de sleutel klopt niet');
    expect(fs.readFileSync(dbPath).equals(before)).toBe(true);
    // Nothing is open now; a retry with the right key works.
    expect((await client.invoke('app.status', {})).ok).toBe(false);
    expect(await client.open({ dbPath, key: key2 })).toEqual({ ok: true });
    expect((await client.invoke('app.status', {})).ok).toBe(true);
  });

  it('sets the app passphrase through the main process’s key file, and locks and unlocks with it', async () => {
    const dbPath = path.join(dir, 'schoolprotocol.db');
    expect(await client.open({ dbPath, key })).toEqual({ ok: true });
    const status = (await client.invoke('trust.lockStatus', {})) as { ok: true; value: LockStatus };
    expect(status.value).toMatchObject({ vergrendeld: false, wachtwoordIngesteld: false, wachtwoordMogelijk: true });

    const pass = 'de kat krabt de krullen van de trap';
    const set = await client.invoke('trust.passphrase.set', { nieuw: pass, herhaling: pass });
    expect(set.ok && (set.value as LockStatus).wachtwoordIngesteld).toBe(true);
    // On disk: sealed by the OS key store, and inside it the SAME key wrapped by the passphrase.
    const sealed = fs.readFileSync(path.join(dir, KEY_FILE));
    expect(sealed.subarray(0, 3).toString()).toBe('v10');
    expect(sealed.includes(Buffer.from(key))).toBe(false);
    const kf = openKeyFile(sealed, safeStorage);
    expect(kf.beveiliging).toBe('wachtwoord');
    expect(await unwrapKey(kf, pass)).toBe(key);
    // The next start asks for it.
    expect(loadOrCreateKey({ dir, dbExists: true, safeStorage, platform: 'linux' })).toMatchObject({ ok: false, reason: 'passphrase' });

    expect((await client.invoke('trust.lock', {})).ok).toBe(true);
    const refused = await client.invoke('people.list', {});
    expect(refused.ok ? null : refused.error.message).toMatch(/vergrendeld/);
    const wrong = await client.invoke('trust.unlock', { wachtwoord: 'de kat krabt de krullen van de trap!' });
    expect(wrong.ok ? null : wrong.error.message).toMatch(/wachtwoord klopt niet/);
    const right = await client.invoke('trust.unlock', { wachtwoord: pass });
    expect(right.ok && (right.value as LockStatus).vergrendeld).toBe(false);

    // Removing it stores the key unwrapped again (still sealed by the OS key store).
    expect((await client.invoke('trust.passphrase.remove', { huidig: pass })).ok).toBe(true);
    expect(loadOrCreateKey({ dir, dbExists: true, safeStorage, platform: 'linux' })).toEqual({ ok: true, key, created: false });
  }, 30_000);

  it('a failed save of the key file is a Dutch error and leaves the key file as it was', async () => {
    const before = fs.readFileSync(path.join(dir, KEY_FILE));
    const failing = new CoreHostClient(child, {
      load: () => openKeyFile(fs.readFileSync(path.join(dir, KEY_FILE)), safeStorage),
      save: () => {
        throw new Error('ENOSPC: no space left on device');
      },
    });
    // The host answers whichever client sent the request; route replies to this one for the test.
    const listeners = child.listeners('message');
    child.removeAllListeners('message');
    child.on('message', (reply: HostReply) => (failing as unknown as { onReply(r: HostReply): void }).onReply(reply));
    try {
      const pass = 'een ander lang wachtwoord hier';
      const r = await failing.invoke('trust.passphrase.set', { nieuw: pass, herhaling: pass });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toContain('Het sleutelbestand kon niet worden opgeslagen');
      expect(fs.readFileSync(path.join(dir, KEY_FILE)).equals(before)).toBe(true);
    } finally {
      child.removeAllListeners('message');
      for (const l of listeners) child.on('message', l as (r: HostReply) => void);
    }
  }, 30_000);

  it('a database that does not open comes with the diagnosis, and the last good backup goes back', async () => {
    const dbPath = path.join(dir, 'schoolprotocol.db');
    // A backup folder outside the app's own folder (a network drive, say).
    const backups = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-host-kopie-'));
    expect(await client.open({ dbPath, key })).toEqual({ ok: true });
    expect((await client.invoke('school.save', { naam: 'De Regenboog', sector: 'PO', regio: 'noord' })).ok).toBe(true);
    const made = await client.invoke('trust.backup.now', { naar: backups });
    expect(made.ok ? null : made.error).toBeNull();
    // Close by opening a file that does not open, then damage ours beyond repair.
    const junk = path.join(dir, 'rommel.db');
    fs.writeFileSync(junk, randomBytes(8192));
    expect((await client.open({ dbPath: junk, key })).ok).toBe(false);
    for (const sfx of ['-wal', '-shm']) fs.rmSync(dbPath + sfx, { force: true });
    fs.writeFileSync(dbPath, randomBytes(16384));
    const damaged = fs.readFileSync(dbPath);

    const failed = await client.open({ dbPath, key });
    expect(failed.ok).toBe(false);
    if (failed.ok) return;
    expect(failed.diagnosis?.steps.join(' ')).toMatch(/Reservekopie terugzetten/);
    const good = failed.diagnosis?.backups.find((b) => b.bruikbaar);
    expect(good).toBeTruthy();
    // Untouched by the failed open and the diagnosis.
    expect(fs.readFileSync(dbPath).equals(damaged)).toBe(true);

    // A backup that is not ours changes nothing.
    const foreign = await client.restore({ dbPath, key, source: junk });
    expect(foreign.ok).toBe(false);
    expect(fs.readFileSync(dbPath).equals(damaged)).toBe(true);

    const restored = await client.restore({ dbPath, key, source: good!.pad });
    expect(restored).toMatchObject({ ok: true, message: expect.stringMatching(/bewaard als .*voor-terugzetten/) });
    expect(await client.open({ dbPath, key })).toEqual({ ok: true });
    const school = await client.invoke('school.get', {});
    expect(school.ok && (school.value as { naam: string }).naam).toBe('De Regenboog');
    // The damaged file is kept aside, never overwritten.
    const aside = fs.readdirSync(dir).find((f) => f.startsWith('schoolprotocol.db.voor-terugzetten-') && !/-(wal|shm)$/.test(f));
    expect(aside && fs.readFileSync(path.join(dir, aside)).equals(damaged)).toBe(true);
    fs.rmSync(backups, { recursive: true, force: true });
  }, 60_000);

  it('closes the database on stop, and answers afterwards without hanging', async () => {
    await client.stop(2000);
    expect(child.killed).toBe(true);
    const r = await client.invoke('app.status', {});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('onverwacht gestopt');
  });

  it('a crash answers every waiting request instead of leaving the window hanging', async () => {
    const silent = new (class extends EventEmitter implements HostProcess {
      postMessage() {}
      kill() {
        return true;
      }
    })();
    const c = new CoreHostClient(silent);
    const pending = c.invoke('app.status', {});
    const opening = c.open({ dbPath: '/x', key });
    silent.emit('exit', 1);
    expect((await pending).ok).toBe(false);
    expect((await opening).ok).toBe(false);
  });
});
