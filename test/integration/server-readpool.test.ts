// The school server's read workers (src/main/server/readPool.ts): each answers a read with the core
// on a read-only connection of its own. What must hold: the same answer as the main core for the
// same caller (the role check and the group scope run there too), a read sent after a write sees
// it, and a method that writes is never done by a worker.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../support/core';
import { ReadPool, WORKER_READS, readObservers } from '../../src/main/server/readPool';
import type { Caller } from '../../src/shared/api/caller';

let t: TestCore;
let pool: ReadPool;
const logged: string[] = [];
beforeEach(() => {
  t = makeTestCore({ now: '2026-11-16T09:00:00Z' });
  pool = new ReadPool({ dbPath: t.dbPath, key: t.key, actor: 'Schoolserver' }, 2, (l) => logged.push(l));
});
afterEach(async () => {
  await pool.close();
  t.cleanup();
});

const NOW = Date.parse('2026-11-16T09:00:00Z');
const mentor: Caller = { rol: 'mentor', actor: 'Mentor 2A', accountId: 7, groepen: ['2A'] };
const leider: Caller = { rol: 'schoolleider', actor: 'Rector', accountId: 1, groepen: null };
const medewerker: Caller = { rol: 'medewerker', actor: 'Docent', accountId: 9, groepen: null };

const inWorker = async (method: string, input: unknown, caller: Caller) => {
  const body = await pool.run(method, input, caller, NOW);
  expect(body, `${method} as ${caller.rol}: a worker answered`).not.toBeNull();
  return JSON.parse(body!) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
};
/** The main core's answer as JSON, as the door would send it. */
const inCore = async (method: string, input: unknown, caller: Caller) =>
  JSON.parse(JSON.stringify(await t.core.invoke(method, input, caller))) as unknown;

async function twoGroups() {
  await t.call('school.save', { naam: 'De Linde', sector: 'VO', regio: 'midden' });
  const anna = await t.call('people.create', { soort: 'leerling', voornaam: 'Anna', achternaam: 'de Vries', groep: '2A' });
  const bram = await t.call('people.create', { soort: 'leerling', voornaam: 'Bram', achternaam: 'Jansen', groep: '3B' });
  const ouder = await t.call('people.create', { soort: 'ouder', voornaam: 'Els', achternaam: 'de Vries' });
  await t.call('people.linkGuardian', { leerlingId: anna.id, ouderId: ouder.id });
  const inc = (omschrijving: string, betrokkenen: { personId: number; rol: 'dader' | 'slachtoffer' }[]) =>
    t.call('incidents.create', {
      datumVoorval: '2026-11-10',
      datumMelding: '2026-11-10',
      locatie: 'in_school',
      platform: 'whatsapp',
      categorie: 'pesten',
      ernst: 'hoog',
      omschrijving,
      betrokkenen,
    });
  const samen = await inc('Anna en Bram op het plein.', [
    { personId: anna.id, rol: 'dader' },
    { personId: bram.id, rol: 'slachtoffer' },
  ]);
  const alleenBram = await inc('Bram in de kantine.', [{ personId: bram.id, rol: 'dader' }]);
  return { anna, bram, ouder, samen, alleenBram };
}

describe('the read workers of the school server', () => {
  it('answer as the main core does, for each caller: the same rows, the same refusals', async () => {
    const w = await twoGroups();
    const seen: string[] = [];
    const observe = (m: string) => seen.push(m);
    readObservers.push(observe);
    try {
      const asks: [string, unknown][] = [
        ['incidents.list', { offset: 0, limit: 50 }],
        ['incidents.list', { offset: 0, limit: 50, sort: { field: 'ernst', dir: 'asc' }, filter: { status: ['open'] } }],
        ['incidents.list', { offset: 0, limit: 50, search: 'Bram' }],
        ['incidents.get', { id: w.samen.id }],
        ['incidents.get', { id: w.alleenBram.id }],
        ['people.list', { offset: 0, limit: 100 }],
        ['people.search', { q: 'de' }],
        ['people.get', { id: w.bram.id }],
        ['dossier.get', { personId: w.anna.id }],
        ['dossier.get', { personId: w.bram.id }],
        ['reports.year', { schooljaar: '2026-2027' }],
        ['obligations.dashboard', {}],
      ];
      for (const caller of [mentor, leider, medewerker])
        for (const [method, input] of asks) {
          expect(WORKER_READS.has(method), method).toBe(true);
          expect(await inWorker(method, input, caller), `${method} as ${caller.rol}`).toEqual(await inCore(method, input, caller));
        }
      // And the scope did apply: the mentor of 2A sees the one incident about Anna, not Bram's.
      const list = (await inWorker('incidents.list', { offset: 0, limit: 50 }, mentor)).value as { total: number; rows: { id: number }[] };
      expect(list.rows.map((r) => r.id)).toEqual([w.samen.id]);
      expect(list.total).toBe(1);
      const refused = await inWorker('incidents.get', { id: w.alleenBram.id }, mentor);
      expect(refused.error?.code).toBe('GEEN_TOEGANG');
      expect((await inWorker('people.list', { offset: 0, limit: 100 }, medewerker)).error?.code).toBe('GEEN_TOEGANG');
      expect(seen.length).toBeGreaterThan(0);
    } finally {
      readObservers.splice(readObservers.indexOf(observe), 1);
    }
  });

  it('see a write the main core answered before the read was sent, also a pupil moved to another group', async () => {
    const w = await twoGroups();
    const before = (await inWorker('incidents.list', { offset: 0, limit: 50 }, mentor)).value as { total: number };
    expect(before.total).toBe(1);
    const person = await t.call('people.get', { id: w.bram.id });
    await t.call('people.update', { ...person, groep: '2A' } as never);
    const after = (await inWorker('incidents.list', { offset: 0, limit: 50 }, mentor)).value as { total: number; rows: { id: number }[] };
    expect(after.total).toBe(2);
    expect(after.rows.map((r) => r.id).sort()).toEqual([w.samen.id, w.alleenBram.id].sort());
    expect(await inWorker('incidents.list', { offset: 0, limit: 50 }, mentor)).toEqual(
      await inCore('incidents.list', { offset: 0, limit: 50 }, mentor),
    );
    const created = await t.call('people.create', { soort: 'leerling', voornaam: 'Cas', achternaam: 'Nieuw', groep: '2A' });
    const found = (await inWorker('people.search', { q: 'Cas' }, mentor)).value as { id: number }[];
    expect(found.map((p) => p.id)).toEqual([created.id]);
  });

  it('never write: a method that writes is handed back to the main core untouched', async () => {
    await t.call('school.save', { naam: 'De Linde', sector: 'VO', regio: 'midden' });
    const count = () => t.core.db.prepare('SELECT count(*) FROM person').pluck().get() as number;
    const n = count();
    const body = await pool.run(
      'people.create',
      { soort: 'leerling', voornaam: 'Dirk', achternaam: 'Schrijver', groep: '1A' },
      leider,
      NOW,
    );
    expect(body).toBeNull();
    expect(count()).toBe(n);
    expect(pool.serves('people.create')).toBe(false);
    expect(pool.serves('incidents.list')).toBe(true);
  });
});
