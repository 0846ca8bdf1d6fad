// Who did it: the person working (name and function), not the OS account. A session asks for the
// person, remembers them per OS account in the encrypted database, and every change of the session
// is recorded under that person with the OS account beside it in the audit entry.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Core } from '../../src/main/app/core';
import { verifyAuditChain } from '../../src/main/audit/audit';
import { runCli } from '../../src/main/cli/program';
import type { MethodName, Input, Output } from '../../src/shared/api';

let dir: string;
let dbPath: string;
let key: string;
let open: Core[] = [];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-actor-'));
  dbPath = path.join(dir, 'schoolprotocol.db');
  key = randomBytes(32).toString('hex');
  open = [];
});
afterEach(() => {
  for (const c of open) c.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A session as the app starts it: no person given by the door, under the OS account `account`. */
function session(account: string): Core {
  const core = Core.open({ dbPath, key, create: true, account, now: () => new Date('2026-12-31T10:00:00Z') });
  open.push(core);
  return core;
}

async function call<M extends MethodName>(core: Core, method: M, input: Input<M>): Promise<Output<M>> {
  const r = await core.invoke(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
}

const end = (core: Core) => {
  core.close();
  open = open.filter((c) => c !== core);
};

describe('the person working', () => {
  it('records a write after the person is set under the person, with the OS account as a detail', async () => {
    const core = session('mhoekstra');
    expect(await call(core, 'session.who.get', {})).toEqual({ persoon: null, actor: 'mhoekstra', account: 'mhoekstra', vast: false });

    const who = await call(core, 'session.who.set', { naam: ' Marianne Hoekstra ', functie: 'rector' });
    expect(who).toEqual({
      persoon: { naam: 'Marianne Hoekstra', functie: 'rector' },
      actor: 'Marianne Hoekstra (rector)',
      account: 'mhoekstra',
      vast: false,
    });
    await call(core, 'school.save', { naam: 'De Linde', sector: 'VO', regio: 'midden' });

    const [entry] = await call(core, 'audit.forRecord', { entity: 'school', entityId: '1' });
    expect(entry).toMatchObject({ actor: 'Marianne Hoekstra (rector)', account: 'mhoekstra', action: 'aangemaakt' });
    // Remembering the name is itself a change, recorded under the new person.
    const [remembered] = await call(core, 'audit.forRecord', { entity: 'instelling', entityId: 'werkplek.persoon:mhoekstra' });
    expect(remembered).toMatchObject({ actor: 'Marianne Hoekstra (rector)', after: { naam: 'Marianne Hoekstra', functie: 'rector' } });
    expect(verifyAuditChain(core.db)).toMatchObject({ ok: true });
  });

  it('keeps the OS account inside the hash chain: changing it afterwards is caught', async () => {
    const core = session('mhoekstra');
    await call(core, 'session.who.set', { naam: 'Marianne Hoekstra', functie: 'rector' });
    await call(core, 'school.save', { naam: 'De Linde', sector: 'VO', regio: 'midden' });
    expect(verifyAuditChain(core.db)).toMatchObject({ ok: true });
    core.db.prepare(`UPDATE audit_log SET account = 'iemand' WHERE entity = 'school'`).run();
    expect(verifyAuditChain(core.db)).toMatchObject({ ok: false, reason: 'de inhoud van deze regel is gewijzigd' });
  });

  it('remembers the person per OS account and asks again in the next session', async () => {
    const first = session('mhoekstra');
    await call(first, 'session.who.set', { naam: 'Marianne Hoekstra', functie: 'rector' });
    end(first);

    // Another login on the same PC has its own person.
    const other = session('jdevries');
    expect(await call(other, 'session.who.get', {})).toMatchObject({ persoon: null, actor: 'jdevries' });
    await call(other, 'session.who.set', { naam: 'Jan de Vries', functie: 'teamleider' });
    await call(other, 'school.save', { naam: 'De Linde', sector: 'VO', regio: 'midden' });
    end(other);

    // The next session under the first login: pre-filled, but not yet recorded under until confirmed.
    const again = session('mhoekstra');
    expect(await call(again, 'session.who.get', {})).toEqual({
      persoon: { naam: 'Marianne Hoekstra', functie: 'rector' },
      actor: 'mhoekstra',
      account: 'mhoekstra',
      vast: false,
    });
    const before = (again.db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number) ?? 0;
    await call(again, 'session.who.set', { naam: 'Marianne Hoekstra', functie: 'rector' });
    // Confirming the same person changes no setting, so it adds no entry.
    expect(again.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(before);
    await call(again, 'school.save', { naam: 'SG De Linde', sector: 'VO', regio: 'midden' });
    const [latest, earlier] = await call(again, 'audit.forRecord', { entity: 'school', entityId: '1' });
    expect([latest.actor, latest.account]).toEqual(['Marianne Hoekstra (rector)', 'mhoekstra']);
    expect([earlier.actor, earlier.account]).toEqual(['Jan de Vries (teamleider)', 'jdevries']);
  });

  it('refuses an empty name or function with a Dutch message and changes nothing', async () => {
    const core = session('mhoekstra');
    await call(core, 'session.who.set', { naam: 'Marianne Hoekstra', functie: 'rector' });
    const count = () => core.db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    const before = count();
    const r = await core.invoke('session.who.set', { naam: '   ', functie: 'conrector' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATIE', fields: { naam: 'Vul dit veld in.' } } });
    const multi = await core.invoke('session.who.set', { naam: 'Piet\nJansen', functie: 'conrector' });
    expect(multi.ok).toBe(false);
    expect(count()).toBe(before);
    expect(await call(core, 'session.who.get', {})).toMatchObject({ actor: 'Marianne Hoekstra (rector)', persoon: { functie: 'rector' } });
  });

  it('says the door named the person (no question in the app) when it did', async () => {
    const core = Core.open({ dbPath, key, create: true, actor: 'Marianne Hoekstra (rector)', account: 'mhoekstra' });
    open.push(core);
    expect(await call(core, 'session.who.get', {})).toMatchObject({
      vast: true,
      actor: 'Marianne Hoekstra (rector)',
      account: 'mhoekstra',
    });
  });
});

describe('the command line', () => {
  async function cli(args: string[], env: { wie?: string } = {}, terminal = false) {
    let out = '';
    let err = '';
    const saved = { db: process.env.SCHOOLPROTOCOL_DB, key: process.env.SCHOOLPROTOCOL_KEY, wie: process.env.SCHOOLPROTOCOL_WIE };
    process.env.SCHOOLPROTOCOL_DB = dbPath;
    process.env.SCHOOLPROTOCOL_KEY = key;
    process.env.SCHOOLPROTOCOL_WIE = env.wie ?? '';
    try {
      const code = await runCli(['node', 'schoolprotocol', ...args], {
        out: (s) => (out += s),
        err: (s) => (err += s),
        readStdin: () => '',
        stdinIsTTY: terminal,
        promptSecret: terminal ? async () => '' : undefined,
      });
      return { code, out, err };
    } finally {
      process.env.SCHOOLPROTOCOL_DB = saved.db ?? '';
      process.env.SCHOOLPROTOCOL_KEY = saved.key ?? '';
      process.env.SCHOOLPROTOCOL_WIE = saved.wie ?? '';
    }
  }
  const save = (naam: string) => ['call', 'school.save', JSON.stringify({ naam, sector: 'VO', regio: 'midden' })];
  const schoolActors = () => {
    const core = Core.open({ dbPath, key });
    try {
      return core.db.prepare(`SELECT actor, account FROM audit_log WHERE entity = 'school' ORDER BY id`).all() as {
        actor: string;
        account: string;
      }[];
    } finally {
      core.close();
    }
  };

  it('takes the person from --wie or SCHOOLPROTOCOL_WIE, else the OS account and says so on a terminal', async () => {
    end(session('mhoekstra'));
    const account = os.userInfo().username;
    expect((await cli(['--wie', 'Marianne Hoekstra (rector)', ...save('De Linde')])).code).toBe(0);
    expect((await cli(save('De Linde 2'), { wie: 'Jan de Vries (teamleider)' })).code).toBe(0);
    const plain = await cli(save('De Linde 3'), {}, true);
    expect(plain.code).toBe(0);
    expect(plain.err).toContain(`Let op: wijzigingen komen op naam van het computeraccount ${account}.`);
    expect(schoolActors()).toEqual([
      { actor: 'Marianne Hoekstra (rector)', account },
      { actor: 'Jan de Vries (teamleider)', account },
      { actor: `${account} (computeraccount)`, account },
    ]);
  });

  it('refuses an empty --wie and writes nothing', async () => {
    end(session('mhoekstra'));
    const r = await cli(['--wie', '  ', ...save('De Linde')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('--wie (of SCHOOLPROTOCOL_WIE): Vul dit veld in.');
    expect(schoolActors()).toEqual([]);
  });
});
