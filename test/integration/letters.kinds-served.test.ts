// Rules about letter kinds the renderer used to decide itself, now served by the core: which kinds
// need an appointment (date, time, place) and for which reports to an authority a letter exists.
// Each is held against what the core does with it (its own sections, previews and kindsFor).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { makeTestCore } from '../support/core';
import type { TestCore } from '../support/core';
import { INSTANTIE } from '../../src/shared/domain';
import { hasReportLetter } from '../../src/renderer/src/components/letters/letterKinds';
import { seed } from './letters.fixture';
import type { Seed } from './letters.fixture';

let t: TestCore;
let s: Seed;

beforeAll(async () => {
  t = makeTestCore({ now: '2026-11-16T09:00:00Z' });
  s = await seed(t);
});
afterAll(() => t.cleanup());

describe('letters.kinds: the letter kinds as the core defines them', () => {
  it('says a kind needs an appointment exactly when its text has a date, time and place section', async () => {
    const kinds = await t.call('letters.kinds', {});
    expect(kinds.length).toBeGreaterThan(10);
    for (const k of kinds) {
      const texts = await t.call('letters.texts.get', { soort: k.soort });
      expect(k.afspraak, k.soort).toBe(texts.secties.some((x) => x.code === 'afspraak'));
    }
    const needs = kinds.filter((k) => k.afspraak).map((k) => k.soort);
    expect(needs).toContain('uitnodiging_hoorgesprek');
    expect(needs).not.toContain('schorsing');
  });

  it('an invitation without its appointment is refused by the core at that field; with it, it is previewed', async () => {
    const kinds = await t.call('letters.kinds', {});
    const measureId = (
      await t.call('measures.create', {
        incidentId: s.incidentId,
        personId: s.daanId,
        soort: 'gesprek',
        status: 'voorgenomen',
        besluitDatum: '2026-11-16',
      })
    ).id;
    const fit = await t.call('letters.kindsFor', { measureId });
    const invitation = fit.find((k) => k.afspraak);
    expect(invitation?.soort).toBe('uitnodiging_gesprek');
    // kindsFor and letters.kinds tell the same.
    for (const k of fit) expect(k.afspraak, k.soort).toBe(kinds.find((x) => x.soort === k.soort)?.afspraak);

    const without = await t.core.invoke('letters.preview', { soort: 'uitnodiging_gesprek', measureId });
    expect(without.ok).toBe(false);
    if (!without.ok) {
      expect(without.error.field).toBe('afspraak');
      expect(without.error.message).toBe('Vul de datum en de tijd van het gesprek in.');
    }
    const preview = await t.call('letters.preview', {
      soort: 'uitnodiging_gesprek',
      measureId,
      afspraak: { datum: '2026-11-18', tijd: '15:30' },
    });
    expect(preview.brieven.length).toBeGreaterThan(0);
  });

  it('offers a letter for a report exactly when the core has a kind that fits it', async () => {
    const kinds = await t.call('letters.kinds', {});
    const offered: string[] = [];
    for (const instantie of INSTANTIE.codes) {
      const report = await t.call('externalReports.create', { incidentId: s.incidentId, instantie, soort: 'melding', datum: '2026-11-16' });
      const fit = await t.call('letters.kindsFor', { reportId: report.id });
      expect(hasReportLetter(kinds, instantie), instantie).toBe(fit.length > 0);
      if (fit.length) offered.push(instantie);
    }
    expect(offered.sort()).toEqual(['politie', 'vertrouwensinspecteur']);
  });
});
