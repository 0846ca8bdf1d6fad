// The grid of a group-bound caller (incidents/scope.ts, incidents/list.ts): the groups' incidents
// are found once as a set, and a page is read either along the sort order's index (testing each row
// against the set) or by id and sorted, whichever is cheaper. Both ways, with and without filters,
// by offset and by cursor, must give exactly the school leader's list with the other groups' rows
// left out, and its total.
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../support/core';
import { incidentSortField } from '../../src/shared/api/incidents';
import type { Caller } from '../../src/shared/api/caller';

let t: TestCore;
afterEach(() => t?.cleanup());

describe('a group-bound grid', () => {
  it('pages as the full list with only the groups’ incidents, in every order, by offset and by cursor, after a change too', async () => {
    t = makeTestCore();
    const db = t.core.db;
    const now = '2026-01-01T00:00:00Z';
    const person = db.prepare(
      `INSERT INTO person (soort, voornaam, achternaam, zoeknaam, groep, created_at, updated_at) VALUES ('leerling', ?, 'T', ?, ?, ?, ?)`,
    );
    const pupils: { id: number; groep: string }[] = [];
    for (let n = 0; n < 12; n++) {
      const groep = ['2A', '3B', '4C'][n % 3];
      pupils.push({ id: Number(person.run(`P${n}`, `p${n} t`, groep, now, now).lastInsertRowid), groep });
    }
    const incident = db.prepare(
      `INSERT INTO incident (nummer, datum_voorval, datum_melding, locatie, platform, categorie, ernst, omschrijving, status, schooljaar, melder_id, created_at, updated_at)
       VALUES (?, ?, ?, 'in_school', 'x', ?, ?, 'x', ?, '2025-2026', ?, ?, ?)`,
    );
    const involved = db.prepare(`INSERT INTO incident_person (incident_id, person_id, rol) VALUES (?, ?, 'dader')`);
    /** Per incident: the groups of its pupils (involved or reporting). */
    const groupsOf = new Map<number, Set<string>>();
    for (let n = 0; n < 90; n++) {
      const melder = n % 7 === 0 ? pupils[n % 12] : null;
      const id = Number(
        incident.run(
          `M2025-${n + 1}`,
          `2025-10-${String(1 + (n % 5)).padStart(2, '0')}`,
          '2025-10-06',
          ['pesten', 'kwetsen'][n % 2],
          ['laag', 'hoog', 'middel'][n % 3],
          ['open', 'afgesloten', 'in_onderzoek'][n % 3 === 1 ? 1 : n % 4 === 0 ? 2 : 0],
          melder?.id ?? null,
          now,
          now,
        ).lastInsertRowid,
      );
      const groups = new Set<string>(melder ? [melder.groep] : []);
      // Most incidents involve one pupil, some two (of different groups), some none (a reporter only).
      const who = n % 11 === 0 ? [] : n % 5 === 0 ? [pupils[n % 12], pupils[(n + 1) % 12]] : [pupils[n % 12]];
      for (const p of who) {
        involved.run(id, p.id);
        groups.add(p.groep);
      }
      groupsOf.set(id, groups);
    }

    const check = async (label: string) => {
      for (const groepen of [['2A'], ['2A', '3B'], ['4C'], []]) {
        const caller: Caller = { rol: 'mentor', actor: 'Mentor', accountId: 5, groepen };
        const mine = (id: number) => groepen.some((g) => groupsOf.get(id)?.has(g));
        for (const filter of [
          {},
          { ernst: ['laag', 'hoog'] },
          { status: ['open'] },
          { categorie: ['pesten'], ernst: ['middel'] },
        ] as const) {
          for (const field of incidentSortField.options) {
            for (const dir of ['asc', 'desc'] as const) {
              const sort = { field, dir };
              const all = await t.call('incidents.list', { offset: 0, limit: 500, sort, filter: filter as never });
              const expected = all.rows.map((r) => r.id).filter(mine);
              const viaOffset: number[] = [];
              const viaCursor: number[] = [];
              let na: string | undefined;
              let total = -1;
              for (let offset = 0; offset < Math.max(expected.length, 1); offset += 10) {
                const byOffset = await t.core.invoke('incidents.list', { offset, limit: 10, sort, filter: filter as never }, caller);
                const byCursor = await t.core.invoke('incidents.list', { offset, limit: 10, sort, filter: filter as never, na }, caller);
                if (!byOffset.ok || !byCursor.ok) throw new Error(JSON.stringify(byOffset.ok ? byCursor : byOffset));
                viaOffset.push(...byOffset.value.rows.map((r) => r.id));
                viaCursor.push(...byCursor.value.rows.map((r) => r.id));
                na = byCursor.value.volgende ?? undefined;
                total = byOffset.value.total;
              }
              const what = `${label}: ${JSON.stringify(groepen)} ${field} ${dir} ${JSON.stringify(filter)}`;
              expect(viaOffset, what).toEqual(expected);
              expect(viaCursor, what).toEqual(expected);
              expect(total, what).toBe(expected.length);
            }
          }
        }
      }
    };
    await check('as inserted');
    // A pupil moves from 2A to 4C: the sets kept for the groups are found again.
    db.prepare(`UPDATE person SET groep = '4C' WHERE id = ?`).run(pupils[0].id);
    for (const [id, groups] of groupsOf) {
      const rows = db
        .prepare(
          `SELECT p.groep FROM incident_person ip JOIN person p ON p.id = ip.person_id WHERE ip.incident_id = ?
           UNION SELECT p.groep FROM incident i JOIN person p ON p.id = i.melder_id WHERE i.id = ?`,
        )
        .pluck()
        .all(id, id) as string[];
      groups.clear();
      for (const g of rows) groups.add(g);
    }
    await check('after a move');
  });
});
