// The yearly report's summary and analysis on screen in English: the same sentences as the Dutch ones,
// with the same figures, asked for with `taal: 'en'`; without it (and in the Word report) Dutch.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { makeTestCore, type TestCore } from '../support/core';

let t: TestCore;
beforeEach(() => {
  t = makeTestCore({ now: '2026-11-16T09:00:00Z' });
});
afterEach(() => t.cleanup());

/** The figures of a sentence, in order: what must be the same in both languages. */
const figures = (s: string) => s.match(/[−+]?\d+(?:-\d{4})?%?/g) ?? [];

describe('reports.year with taal', () => {
  it('says the same figures in English, sentence for sentence, for this year and the last', async () => {
    await t.call('school.loadDemo', {});
    for (const schooljaar of ['2026-2027', '2025-2026']) {
      const nl = await t.call('reports.year', { schooljaar, extern: false });
      const en = await t.call('reports.year', { schooljaar, extern: false, taal: 'en' });
      const asked = await t.call('reports.year', { schooljaar, extern: false, taal: 'nl' });
      expect(asked.samenvatting).toEqual(nl.samenvatting);
      expect(en.tabellen).toEqual(nl.tabellen);
      expect(en.samenvatting.length).toBeGreaterThan(2);
      expect(en.samenvatting.length, schooljaar).toBe(nl.samenvatting.length);
      expect(en.analyse.length, schooljaar).toBe(nl.analyse.length);
      en.samenvatting.forEach((s, i) => expect(figures(s), s).toEqual(figures(nl.samenvatting[i])));
      en.analyse.forEach((s, i) => expect(figures(s), s).toEqual(figures(nl.analyse[i])));
      const all = [...en.samenvatting, ...en.analyse].join(' ');
      expect(all).not.toMatch(/\b(meldingen|melding|maatregelen|schooljaar|verplichtingen|geregistreerd)\b/);
      expect(en.samenvatting[0]).toMatch(new RegExp(`^(In school year ${schooljaar}, \\d+ incidents? (was|were) recorded|No data)`));
    }
  });

  it('names the categories, platforms and measures with their English labels', async () => {
    await t.call('school.loadDemo', {});
    const en = await t.call('reports.year', { schooljaar: '2026-2027', extern: false, taal: 'en' });
    const text = [...en.samenvatting, ...en.analyse].join(' ');
    expect(text).toContain('conversation');
    expect(text).not.toContain('gesprek');
    expect(text).not.toContain('(Cyber)bullying');
  });
});
