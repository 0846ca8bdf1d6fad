// School days and legal terms: exact dates across weekends, public holidays and the school
// holidays of each region, from the shipped holiday data (resources/schoolvakanties.json; the data
// itself is checked in holidays-data.test.ts).
import { describe, it, expect } from 'vitest';
import data from '../../resources/schoolvakanties.json';
import { SchoolCalendar, STANDAARD_FEESTDAGEN } from '../../src/main/calendar/schoolDays';
import type { FeestdagKeuzes, Vakantie, VakantieSoort } from '../../src/main/calendar/schoolDays';
import { termijnEinde, weeksLater } from '../../src/main/calendar/terms';

type Regio = 'noord' | 'midden' | 'zuid';
const jaren = (data as unknown as { schooljaren: Record<string, { voorlopig: boolean; vakanties: Record<VakantieSoort, Record<Regio, [string, string]>> }> }).schooljaren;

function cal(regio: Regio, feestdagen: FeestdagKeuzes = STANDAARD_FEESTDAGEN): SchoolCalendar {
  const v: Vakantie[] = [];
  for (const j of Object.values(jaren)) for (const [soort, r] of Object.entries(j.vakanties)) v.push({ soort: soort as VakantieSoort, start: r[regio][0], eind: r[regio][1] });
  return new SchoolCalendar(v, feestdagen);
}

describe('school days', () => {
  const cases: { naam: string; regio: Regio; fn: (c: SchoolCalendar) => unknown; verwacht: unknown; feestdagen?: FeestdagKeuzes }[] = [
    { naam: 'Friday before the autumn holiday (midden 2025) + 1 school day', regio: 'midden', fn: (c) => c.addSchoolDays('2025-10-17', 1), verwacht: '2025-10-27' },
    { naam: 'a period from that Friday to the Tuesday after counts 3 school days', regio: 'midden', fn: (c) => c.countSchoolDays('2025-10-17', '2025-10-28'), verwacht: 3 },
    { naam: '5 school days from that Friday end on Thursday 30 October', regio: 'midden', fn: (c) => c.endOfSchoolDays('2025-10-17', 5), verwacht: '2025-10-30' },
    { naam: 'regio zuid has its autumn holiday a week earlier (11–19 Oct 2025)', regio: 'zuid', fn: (c) => c.endOfSchoolDays('2025-10-10', 2), verwacht: '2025-10-20' },
    { naam: 'in zuid, 17 Oct 2025 + 1 is the plain Monday', regio: 'zuid', fn: (c) => c.addSchoolDays('2025-10-17', 1), verwacht: '2025-10-20' },
    { naam: 'a weekend alone: Friday + 1 = Monday', regio: 'noord', fn: (c) => c.addSchoolDays('2025-11-14', 1), verwacht: '2025-11-17' },
    { naam: 'Christmas holiday 2025-2026', regio: 'noord', fn: (c) => c.addSchoolDays('2025-12-19', 1), verwacht: '2026-01-05' },
    { naam: 'Good Friday and Easter Monday 2026 are free by default', regio: 'midden', fn: (c) => c.addSchoolDays('2026-04-02', 1), verwacht: '2026-04-07' },
    {
      naam: 'Good Friday as a school day when the school says so',
      regio: 'midden',
      fn: (c) => c.addSchoolDays('2026-04-02', 1),
      verwacht: '2026-04-03',
      feestdagen: { goedeVrijdag: false, bevrijdingsdag: 'lustrum' },
    },
    { naam: 'Liberation Day 2025 (lustrum year) is free', regio: 'noord', fn: (c) => c.vrijReden('2025-05-05'), verwacht: 'Bevrijdingsdag' },
    { naam: 'Liberation Day 2026 (no lustrum) is a school day by default', regio: 'noord', fn: (c) => c.isSchoolDay('2026-05-05'), verwacht: true },
    {
      naam: 'Liberation Day 2026 is free when the school closes every year',
      regio: 'noord',
      fn: (c) => c.isSchoolDay('2026-05-05'),
      verwacht: false,
      feestdagen: { goedeVrijdag: true, bevrijdingsdag: 'altijd' },
    },
    { naam: 'Ascension Day 2026: Thursday free, Friday a school day', regio: 'zuid', fn: (c) => c.addSchoolDays('2026-05-13', 1), verwacht: '2026-05-15' },
    { naam: 'Whit Monday 2026', regio: 'zuid', fn: (c) => c.addSchoolDays('2026-05-22', 1), verwacht: '2026-05-26' },
    { naam: "King's Day 2027 (a Tuesday outside the May holiday)", regio: 'midden', fn: (c) => c.vrijReden('2027-04-27'), verwacht: 'Koningsdag' },
    { naam: 'summer holiday midden 2026 (18 Jul–30 Aug)', regio: 'midden', fn: (c) => c.addSchoolDays('2026-07-17', 1), verwacht: '2026-08-31' },
    { naam: 'summer holiday noord 2026 (4 Jul–16 Aug)', regio: 'noord', fn: (c) => c.addSchoolDays('2026-07-03', 1), verwacht: '2026-08-17' },
    { naam: 'a holiday day has its name as the reason', regio: 'midden', fn: (c) => c.vrijReden('2025-10-22'), verwacht: 'Herfstvakantie' },
    { naam: 'zero school days added is the date itself', regio: 'midden', fn: (c) => c.addSchoolDays('2025-10-18', 0), verwacht: '2025-10-18' },
    { naam: 'a period that starts in a holiday starts on the first school day', regio: 'midden', fn: (c) => c.endOfSchoolDays('2025-10-20', 1), verwacht: '2025-10-27' },
    { naam: 'end before start counts zero', regio: 'midden', fn: (c) => c.countSchoolDays('2025-10-28', '2025-10-27'), verwacht: 0 },
  ];
  it.each(cases)('$naam', ({ regio, fn, verwacht, feestdagen }) => {
    expect(fn(cal(regio, feestdagen))).toEqual(verwacht);
  });
});

describe('legal terms (Awb 6:8, Algemene termijnenwet)', () => {
  it.each([
    { naam: 'objection term of 6 weeks from a Monday', van: '2025-11-17', weken: 6, verwacht: '2025-12-29' },
    { naam: 'ends on Boxing Day: runs on to the Monday after', van: '2025-11-14', weken: 6, verwacht: '2025-12-29' },
    { naam: 'ends on Christmas Day 2026: runs over the weekend to Monday 28 Dec', van: '2026-11-13', weken: 6, verwacht: '2026-12-28' },
    { naam: 'ends on Ascension Day 2026', van: '2026-04-02', weken: 6, verwacht: '2026-05-15' },
    { naam: 'zienswijze of 3 weeks', van: '2025-11-03', weken: 3, verwacht: '2025-11-24' },
    { naam: 'PO decision 4 weeks after the objection term', van: '2025-12-15', weken: 4, verwacht: '2026-01-12' },
  ])('$naam', ({ van, weken, verwacht }) => {
    expect(termijnEinde(van, weken)).toBe(verwacht);
  });
  it('a milestone in weeks is plain calendar arithmetic', () => {
    expect(weeksLater('2025-11-03', 8)).toBe('2025-12-29');
    expect(weeksLater('2025-11-14', 6)).toBe('2025-12-26');
  });
});
