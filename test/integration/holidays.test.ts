// School holidays through the core, for a school in regio zuid: a provisional year that the school
// corrects for itself changes the school days counted, and a school year beyond the shipped data is
// reported as unknown until the school enters its own holidays.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { makeTestCore, type TestCore } from '../support/core';
import type { SchoolHolidays } from '../../src/shared/api/obligations';

let t: TestCore;
beforeEach(async () => {
  t = makeTestCore({ now: '2026-09-01T09:00:00Z' });
  await t.call('school.save', { naam: 'De Linde', sector: 'PO', regio: 'zuid' });
});
afterEach(() => t.cleanup());

const vrij = (reden: string, ...data: string[]) => data.map((datum) => ({ datum, reden }));
const soort = (h: SchoolHolidays, s: string) => h.vakanties.find((v) => v.soort === s);

describe('a provisional school year', () => {
  it('counts with the advised spring holiday of zuid (13–21 February 2027) until the school moves it to carnival week', async () => {
    const h = await t.call('obligations.holidays.get', { schooljaar: '2026-2027' });
    expect(h).toMatchObject({ regio: 'zuid', bron: 'standaard', voorlopig: true, onbekend: false });
    expect(h.toelichting).toMatch(/^Voorlopig: /);
    expect(soort(h, 'voorjaar')).toEqual({ soort: 'voorjaar', naam: null, start: '2027-02-13', eind: '2027-02-21' });

    // The week of 8 February is five school days; from Friday 12 February two school days end on the
    // Monday after the holiday week.
    const week = { start: '2027-02-08', eind: '2027-02-12' };
    const twee = { start: '2027-02-12', schooldagen: 2 };
    expect(await t.call('obligations.schoolDays', week)).toEqual({ ...week, schooldagen: 5, vrijeDagen: [], onbekendeSchooljaren: [] });
    expect(await t.call('obligations.schoolDays', twee)).toEqual({
      start: '2027-02-12',
      eind: '2027-02-22',
      schooldagen: 2,
      vrijeDagen: vrij('Voorjaarsvakantie', '2027-02-15', '2027-02-16', '2027-02-17', '2027-02-18', '2027-02-19'),
      onbekendeSchooljaren: [],
    });

    // Carnival is 7–9 February 2027; many southern schools take that week instead (their right: advice only).
    const eigen = h.vakanties.map((v) => (v.soort === 'voorjaar' ? { ...v, start: '2027-02-06', eind: '2027-02-14' } : v));
    expect(await t.call('obligations.holidays.save', { schooljaar: '2026-2027', vakanties: eigen })).toMatchObject({
      bron: 'aangepast',
      voorlopig: false,
      onbekend: false,
      toelichting: null,
    });
    expect(await t.call('obligations.schoolDays', week)).toEqual({
      ...week,
      schooldagen: 0,
      vrijeDagen: vrij('Voorjaarsvakantie', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'),
      onbekendeSchooljaren: [],
    });
    // Friday 12 February is now a holiday: the period starts on Monday 15 and ends on Tuesday 16.
    expect(await t.call('obligations.schoolDays', twee)).toMatchObject({ eind: '2027-02-16', schooldagen: 2 });

    await t.call('obligations.holidays.save', { schooljaar: '2026-2027', vakanties: null });
    expect(await t.call('obligations.schoolDays', twee)).toMatchObject({ eind: '2027-02-22' });
  });
});

describe('the years at the end of the data', () => {
  it('counts 2030-2031 with its provisional holidays and reports 2031-2032 as unknown until the school fills it in', async () => {
    const laatste = await t.call('obligations.holidays.get', { schooljaar: '2030-2031' });
    expect(laatste).toMatchObject({ bron: 'standaard', voorlopig: true, onbekend: false });
    expect(laatste.toelichting).toMatch(/^Voorlopig: nog niet gepubliceerd/);
    // Zuid's summer of 2031 (5 July – 17 August) is counted, not skipped: Friday 4 July + 1 is Monday 18 August.
    expect(await t.call('obligations.schoolDays', { start: '2031-07-04', schooldagen: 2 })).toMatchObject({ eind: '2031-08-18' });

    expect(await t.call('obligations.holidays.get', { schooljaar: '2031-2032' })).toEqual({
      schooljaar: '2031-2032',
      regio: 'zuid',
      bron: 'standaard',
      voorlopig: false,
      onbekend: true,
      toelichting: null,
      vakanties: [],
    });
    // Nothing known: the week after Friday 17 October 2031 counts as school days.
    const herfst = { start: '2031-10-17', schooldagen: 2 };
    expect(await t.call('obligations.schoolDays', herfst)).toMatchObject({ eind: '2031-10-20', vrijeDagen: [], onbekendeSchooljaren: ['2031-2032'] });

    const eigen = await t.call('obligations.holidays.save', {
      schooljaar: '2031-2032',
      vakanties: [{ soort: 'herfst', start: '2031-10-18', eind: '2031-10-26' }],
    });
    expect(eigen).toMatchObject({ bron: 'aangepast', onbekend: false, vakanties: [{ soort: 'herfst', naam: null, start: '2031-10-18', eind: '2031-10-26' }] });
    expect(await t.call('obligations.schoolDays', herfst)).toEqual({
      start: '2031-10-17',
      eind: '2031-10-27',
      schooldagen: 2,
      vrijeDagen: vrij('Herfstvakantie', '2031-10-20', '2031-10-21', '2031-10-22', '2031-10-23', '2031-10-24'),
      onbekendeSchooljaren: [],
    });
  });
});
