// The passphrase at start in the Electron door (startGate.ts): before the passphrase unwraps the
// key, nothing but the lock methods is answered and the database is not opened; a wrong passphrase
// opens nothing; the right one opens the real encrypted database and from then on every call goes
// to the core.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { StartGate } from '../../src/main/electron/startGate';
import type { Opener } from '../../src/main/electron/startGate';
import { Core } from '../../src/main/app/core';
import { wrapKey } from '../../src/main/security/keyWrap';
import { LOCKED_MESSAGE } from '../../src/shared/api/trust';
import type { Result } from '../../src/shared/api/result';

const LIGHT = { N: 2 ** 14, r: 8, p: 1 };
const PASS = 'zeven zonnige zaterdagen op zee';

describe('the passphrase gate at start', () => {
  const cleanup: (() => void)[] = [];
  afterEach(() => cleanup.splice(0).forEach((f) => f()));

  async function setup() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-gate-'));
    const dbPath = path.join(dir, 'schoolprotocol.db');
    const key = randomBytes(32).toString('hex');
    // A database made earlier with this key, with a school in it.
    const first = Core.open({ dbPath, key, create: true });
    expect((await first.invoke('school.save', { naam: 'De Linde', sector: 'VO', regio: 'midden' })).ok).toBe(true);
    first.close();
    let core: Core | null = null;
    const opened: string[] = [];
    const open: Opener = async (k) => {
      opened.push(k);
      try {
        core = Core.open({ dbPath, key: k });
        return { ok: true };
      } catch (e) {
        return { ok: false, message: (e as Error).message };
      }
    };
    const relay = (method: string, input: unknown): Promise<Result<unknown>> =>
      core ? core.invoke(method, input) : Promise.resolve({ ok: false, error: { code: 'DATABASE', message: 'niet open' } });
    cleanup.push(() => {
      core?.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    const gate = StartGate.awaitingPassphrase(await wrapKey(key, PASS, LIGHT), open, relay);
    return { gate, key, opened };
  }

  it('answers only the lock methods before the passphrase, and opens nothing', async () => {
    const { gate, opened } = await setup();
    const status = await gate.invoke('trust.lockStatus', {});
    expect(status).toEqual({ ok: true, value: expect.objectContaining({ vergrendeld: true, wachtwoordIngesteld: true }) });
    for (const m of ['app.status', 'school.get', 'people.list', 'trust.passphrase.remove']) {
      expect(await gate.invoke(m, {})).toEqual({ ok: false, error: { code: 'GEEN_TOEGANG', message: LOCKED_MESSAGE } });
    }
    expect(gate.key).toBeNull();
    expect(opened).toEqual([]);
  });

  it('a wrong or missing passphrase is a Dutch error on the field, and the database stays closed', async () => {
    const { gate, opened } = await setup();
    const wrong = await gate.invoke('trust.unlock', { wachtwoord: 'zeven zonnige zaterdagen op Zee' });
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'GEEN_TOEGANG', fields: { wachtwoord: expect.stringMatching(/klopt niet/) } },
    });
    const empty = await gate.invoke('trust.unlock', {});
    expect(empty).toMatchObject({ ok: false, error: { code: 'GEEN_TOEGANG', message: 'Vul het wachtwoord van de app in.' } });
    const odd = await gate.invoke('trust.unlock', { wachtwoord: 42 });
    expect(odd.ok).toBe(false);
    expect(opened).toEqual([]);
    expect((await gate.invoke('school.get', {})).ok).toBe(false);
  });

  it('the right passphrase opens the real database once, even when asked twice at once', async () => {
    const { gate, key, opened } = await setup();
    const [a, b] = await Promise.all([
      gate.invoke('trust.unlock', { wachtwoord: PASS }),
      gate.invoke('trust.unlock', { wachtwoord: PASS }),
    ]);
    expect(a).toEqual(b);
    expect(a).toMatchObject({ ok: true, value: { vergrendeld: false } });
    expect(opened).toEqual([key]);
    expect(gate.key).toBe(key);
    const school = await gate.invoke('school.get', {});
    expect(school.ok && (school.value as { naam: string }).naam).toBe('De Linde');
  });

  it('a forgotten passphrase: only the recovery key of these data opens, and the core then removes the passphrase', async () => {
    const { gate, key, opened } = await setup();
    const wrong = await gate.invoke('trust.unlockWithRecoveryKey', { herstelsleutel: 'cd'.repeat(32) });
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'GEEN_TOEGANG', fields: { herstelsleutel: expect.stringMatching(/hoort niet/) } },
    });
    expect(opened).toEqual([]);
    const r = await gate.invoke('trust.unlockWithRecoveryKey', { herstelsleutel: key.match(/.{4}/g)!.join(' ') });
    expect(opened).toEqual([key]);
    expect(gate.key).toBe(key);
    // Relayed to the core, which needs a key vault to take the passphrase away: this bare core has
    // none and says so (the Electron core has one: test/unit/electron-corehost.test.ts).
    expect(r).toMatchObject({ ok: false, error: { code: 'REGEL' } });
    expect((await gate.invoke('school.get', {})).ok).toBe(true);
  });

  it('a database that then does not open is reported, and the gate stays closed', async () => {
    const key = randomBytes(32).toString('hex');
    const gate = StartGate.awaitingPassphrase(
      await wrapKey(key, PASS, LIGHT),
      async () => ({ ok: false, message: 'Het databasebestand is beschadigd.' }),
      async () => ({ ok: true, value: 'niet bereikt' }),
    );
    expect(await gate.invoke('trust.unlock', { wachtwoord: PASS })).toEqual({
      ok: false,
      error: { code: 'DATABASE', message: 'Het databasebestand is beschadigd.' },
    });
    expect(gate.key).toBeNull();
    expect((await gate.invoke('school.get', {})).ok).toBe(false);
  });

  it('without a passphrase everything goes straight to the core', async () => {
    const calls: string[] = [];
    const gate = StartGate.opened('ab'.repeat(32), async (m) => {
      calls.push(m);
      return { ok: true, value: m };
    });
    expect(await gate.invoke('people.list', {})).toEqual({ ok: true, value: 'people.list' });
    expect(calls).toEqual(['people.list']);
  });
});
