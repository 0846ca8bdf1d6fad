// `verify` finds a changed audit entry and says exactly where: the entry's id and the reason. One
// flipped character in one entry's JSON, a deleted entry, and a redacted entry changed afterwards.
import { describe, it, expect, afterEach } from 'vitest';
import { makeTrustCore } from './trustSupport';
import type { TestCore } from '../support/core';
import { runCli } from '../../src/main/cli/program';
import { verifyDatabase } from '../../src/main/app/verify';

let t: TestCore;
afterEach(() => t?.cleanup());

async function verify(dbPath: string, key: string): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await runCli(['node', 'schoolprotocol', '--db', dbPath, '--key-stdin', 'verify'], {
    out: (s) => (out += s),
    err: (s) => (out += s),
    readStdin: () => key,
  });
  return { code, out };
}

async function world() {
  t = makeTrustCore({ now: '2026-11-16T09:00:00Z' });
  for (const naam of ['Ada', 'Bo', 'Cas', 'Dewi'])
    await t.call('people.create', { soort: 'leerling', voornaam: naam, achternaam: 'Verhoef' });
  await t.call('trust.breaches.create', {
    omschrijving: 'Export kwijt.',
    ontdektOp: '2026-11-16T08:00:00Z',
    betrokkenen: 'Eén leerling',
    risico: true,
  });
}

describe('verify and the audit chain', () => {
  it('passes an untouched database', async () => {
    await world();
    t.core.close();
    const r = await verify(t.dbPath, t.key);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/5 regels in het auditlogboek, de keten is ongeschonden\./);
  });

  it('finds one flipped byte in an entry and names the entry and the reason', async () => {
    await world();
    const row = t.core.db.prepare(`SELECT id, after_json FROM audit_log WHERE entity = 'persoon' ORDER BY id LIMIT 1 OFFSET 2`).get() as {
      id: number;
      after_json: string;
    };
    const i = row.after_json.indexOf('Cas');
    expect(i).toBeGreaterThan(0);
    // 'C' (0x43) → 'S' (0x53): one bit, one byte.
    const flipped = row.after_json.slice(0, i) + String.fromCharCode(row.after_json.charCodeAt(i) ^ 0x10) + row.after_json.slice(i + 1);
    expect(flipped).toContain('Sas');
    t.core.db.prepare('UPDATE audit_log SET after_json = ? WHERE id = ?').run(flipped, row.id);
    t.core.close();
    const r = await verify(t.dbPath, t.key);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`Het auditlogboek is onderbroken bij regel ${row.id}: de inhoud van deze regel is gewijzigd.`);
    expect(verifyDatabase(t.dbPath, t.key).audit).toMatchObject({ ok: false, brokenAt: row.id });
    t.core = (await import('../../src/main/app/core')).Core.open({ dbPath: t.dbPath, key: t.key });
  });

  it('finds a deleted entry at the entry after the gap', async () => {
    await world();
    const ids = (t.core.db.prepare('SELECT id FROM audit_log ORDER BY id').all() as { id: number }[]).map((r) => r.id);
    t.core.db.prepare('DELETE FROM audit_log WHERE id = ?').run(ids[1]);
    t.core.close();
    const r = await verify(t.dbPath, t.key);
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      `onderbroken bij regel ${ids[2]}: de verwijzing naar de vorige regel klopt niet (een regel is verwijderd of ingevoegd).`,
    );
    t.core = (await import('../../src/main/app/core')).Core.open({ dbPath: t.dbPath, key: t.key });
  });

  it('a forged redaction listing does not hide a change: the listing entry itself breaks', async () => {
    await world();
    const victim = t.core.db.prepare(`SELECT id FROM audit_log WHERE entity = 'persoon' ORDER BY id LIMIT 1`).get() as { id: number };
    t.core.db.prepare(`UPDATE audit_log SET after_json = '{"voornaam":"Vals"}' WHERE id = ?`).run(victim.id);
    // Append a fake 'geredigeerd' entry claiming the change, without recomputing the chain.
    const last = t.core.db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { hash: string };
    t.core.db
      .prepare(
        `INSERT INTO audit_log (at, actor, entity, entity_id, action, before_json, after_json, prev_hash, hash) VALUES ('2026-11-16T10:00:00Z', 'x', 'audit', NULL, 'geredigeerd', NULL, ?, ?, ?)`,
      )
      .run(JSON.stringify({ regels: [[victim.id, 'a'.repeat(64), 'b'.repeat(64)]] }), last.hash, 'c'.repeat(64));
    t.core.close();
    const r = await verify(t.dbPath, t.key);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`onderbroken bij regel ${victim.id}: deze geredigeerde regel is na het redigeren gewijzigd.`);
    t.core = (await import('../../src/main/app/core')).Core.open({ dbPath: t.dbPath, key: t.key });
  });
});
