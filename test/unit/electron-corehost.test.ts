// The core behind the Electron window: coreHost.ts (the utilityProcess side) and CoreHostClient
// (the main-process side) wired together in-process through a stand-in for the process channel,
// against a real encrypted database. Covers open, invoke, a wrong key, a crash and close.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EventEmitter } from 'node:events';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreHostClient } from '../../src/main/electron/coreClient';
import type { HostProcess } from '../../src/main/electron/coreClient';
import type { HostReply, HostRequest } from '../../src/main/electron/coreProtocol';
import { Core } from '../../src/main/core/core';

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
    client = new CoreHostClient(child);
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
