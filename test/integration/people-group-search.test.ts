// Searching people by class/group: "3B" finds the pupils of 3B in the grid, its export and the
// person picker, and combines with a name.
import { describe, it, expect, afterEach } from 'vitest';
import { makeTestCore, type TestCore } from '../support/core';

let t: TestCore;
afterEach(() => t?.cleanup());

describe('people search by class', () => {
  it('finds the pupils of a class, also with a name, in the grid, the export and the picker', async () => {
    t = makeTestCore();
    await t.call('school.save', { naam: 'De Linde', sector: 'VO', regio: 'midden' });
    const mk = (voornaam: string, achternaam: string, groep: string | null) =>
      t.call('people.create', { soort: 'leerling', voornaam, achternaam, ...(groep ? { groep } : {}) });
    await mk('Noor', 'Verhoeven', '3B');
    await mk('Daan', 'Bakker', '3b');
    await mk('Noor', 'Jansen', '3A');
    await mk('Bram', 'Smit', '2B');
    await mk('Sem', 'Zonder', null);
    const names = async (search: string) =>
      (await t.call('people.list', { offset: 0, limit: 50, search, sort: { field: 'naam', dir: 'asc' } })).rows.map((r) => r.naam);
    expect(await names('3B')).toEqual(['Daan Bakker', 'Noor Verhoeven']);
    expect(await names('3b noor')).toEqual(['Noor Verhoeven']);
    expect(await names('Noor')).toEqual(['Noor Jansen', 'Noor Verhoeven']);
    expect((await t.call('people.search', { q: '3B', limit: 10 })).map((p) => p.naam).sort()).toEqual(['Daan Bakker', 'Noor Verhoeven']);
    const csv = Buffer.from((await t.call('exports.people', { format: 'csv', search: '3B' })).inhoudBase64, 'base64').toString('utf8');
    expect(csv).toContain('Noor Verhoeven');
    expect(csv).not.toContain('Jansen');
  });
});
