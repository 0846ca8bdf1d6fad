// Date rules of the annual cycle: the recurring moments, next year's evaluation, and Amsterdam → UTC.
import { describe, it, expect } from 'vitest';
import { mediawijsheidWeek, defaultMoment, firstWeekdayOnOrAfter } from '../../src/main/planning/moments';
import { sameMonthNextYear, defaultEvaluatieSchooljaar } from '../../src/main/planning/evaluationDates';
import { amsterdamToUtcArray } from '../../src/main/planning/ics';
import { nextSchoolYear } from '../../src/main/calendar/schoolYears';

describe('Week van de Mediawijsheid', () => {
  it('uses the published dates of 2021–2023', () => {
    expect(mediawijsheidWeek(2021)).toEqual({ datum: '2021-11-05', einddatum: '2021-11-12' });
    expect(mediawijsheidWeek(2022)).toEqual({ datum: '2022-11-04', einddatum: '2022-11-11' });
    expect(mediawijsheidWeek(2023)).toEqual({ datum: '2023-11-10', einddatum: '2023-11-17' });
  });
  it('follows the rule that reproduces the known years (first Friday on or after 4 November, a week long)', () => {
    for (const y of [2021, 2022, 2023]) {
      const ruled = firstWeekdayOnOrAfter(`${y}-11-04`, 5);
      expect(ruled).toBe(mediawijsheidWeek(y).datum);
    }
    expect(mediawijsheidWeek(2024)).toEqual({ datum: '2024-11-08', einddatum: '2024-11-15' });
    expect(mediawijsheidWeek(2026)).toEqual({ datum: '2026-11-06', einddatum: '2026-11-13' });
  });
});

describe('recurring moments', () => {
  it('puts the monitor deadline on 1 July of the school year', () => {
    expect(defaultMoment('2025-2026', 'monitor')).toEqual({ datum: '2026-07-01', einddatum: null });
  });
  it('puts the protocol discussion in the first two school weeks of September', () => {
    expect(defaultMoment('2025-2026', 'protocol_start')).toEqual({ datum: '2025-09-01', einddatum: '2025-09-12' });
    expect(defaultMoment('2026-2027', 'protocol_start')).toEqual({ datum: '2026-09-07', einddatum: '2026-09-18' });
  });
  it('starts the protocol discussion on the Monday after the region’s summer holiday when it is known', () => {
    // Region noord, summer 2025 ends Sunday 24 August; zuid's ends Sunday 17 August.
    expect(defaultMoment('2025-2026', 'protocol_start', '2025-08-24')).toEqual({ datum: '2025-08-25', einddatum: '2025-09-05' });
    expect(defaultMoment('2025-2026', 'protocol_start', '2025-08-17')).toEqual({ datum: '2025-08-18', einddatum: '2025-08-29' });
    // A summer end from another year is ignored.
    expect(defaultMoment('2025-2026', 'protocol_start', '2024-08-18')).toEqual({ datum: '2025-09-01', einddatum: '2025-09-12' });
  });
  it('puts the Week van de Mediawijsheid in the November of the school year', () => {
    expect(defaultMoment('2023-2024', 'mediawijsheid')).toEqual({ datum: '2023-11-10', einddatum: '2023-11-17' });
  });
});

describe('next year’s evaluation', () => {
  it('stays in the same month on the same weekday', () => {
    expect(sameMonthNextYear('2026-11-12')).toBe('2027-11-11'); // Thursday → Thursday
    expect(sameMonthNextYear('2026-11-30')).toBe('2027-11-29'); // Monday → Monday, still November
    expect(sameMonthNextYear('2026-12-01')).toBe('2027-12-07'); // Tuesday; the nearest Tuesday (30 Nov) is in November
    expect(sameMonthNextYear('2027-06-30')).toBe('2028-06-28'); // Wednesday → Wednesday
  });
  it('discusses the past school year in autumn and the running one in spring and summer', () => {
    expect(defaultEvaluatieSchooljaar('2026-11-12')).toBe('2025-2026');
    expect(defaultEvaluatieSchooljaar('2026-07-02')).toBe('2025-2026');
    expect(defaultEvaluatieSchooljaar('2026-08-01')).toBe('2025-2026');
    expect(nextSchoolYear('2025-2026')).toBe('2026-2027');
  });
});

describe('Europe/Amsterdam to UTC', () => {
  it('keeps 19:30 local on both sides of the October DST change', () => {
    // Last Sunday of October 2026 is the 25th: CEST (UTC+2) before, CET (UTC+1) after.
    expect(amsterdamToUtcArray('2026-10-22', '19:30')).toEqual([2026, 10, 22, 17, 30]);
    expect(amsterdamToUtcArray('2026-10-29', '19:30')).toEqual([2026, 10, 29, 18, 30]);
  });
  it('keeps 19:30 local on both sides of the March DST change', () => {
    // Last Sunday of March 2027 is the 28th.
    expect(amsterdamToUtcArray('2027-03-25', '19:30')).toEqual([2027, 3, 25, 18, 30]);
    expect(amsterdamToUtcArray('2027-04-01', '19:30')).toEqual([2027, 4, 1, 17, 30]);
  });
  it('handles a time that ends up on the previous UTC day', () => {
    expect(amsterdamToUtcArray('2026-07-01', '00:30')).toEqual([2026, 6, 30, 22, 30]);
  });
});
