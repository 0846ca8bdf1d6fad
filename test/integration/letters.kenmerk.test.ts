// The kenmerk sequence: per year, without gaps or duplicates, also when many finalises run at once in
// one core and in two cores (two connections, as two processes would have) on the same database file.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { Core } from '../../src/main/app/core';
import { makeTestCore } from '../support/core';
import type { TestCore } from '../support/core';
import { seed } from './letters.fixture';
import type { Seed } from './letters.fixture';

let t: TestCore;
let s: Seed;
let measureId: number;

beforeEach(async () => {
  t = makeTestCore({ now: '2026-11-16T09:00:00Z' });
  s = await seed(t);
  measureId = (await t.call('measures.create', { incidentId: s.incidentId, personId: s.daanId, soort: 'waarschuwing', besluitDatum: '2026-11-16' })).id;
});
afterEach(() => t.cleanup());

const numbers = (rows: { kenmerk: string }[]) => rows.map((r) => Number(r.kenmerk.slice(5))).sort((a, b) => a - b);
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('kenmerk', () => {
  it('is gapless and unique under many concurrent finalise calls in one core', async () => {
    const results = await Promise.all(range(12).map(() => t.core.invoke('letters.finalise', { soort: 'waarschuwing', measureId })));
    expect(results.every((r) => r.ok)).toBe(true);
    const rows = t.core.db.prepare('SELECT kenmerk, opslagnaam FROM letter').all() as { kenmerk: string; opslagnaam: string }[];
    // the VO pupil and two guardian addresses: three letters per finalise
    expect(numbers(rows)).toEqual(range(36));
    for (const r of rows) expect(r.kenmerk).toMatch(/^2026-\d{4}$/);
    // one file per letter, nothing left over from retries
    expect(fs.readdirSync(path.join(t.core.ctx.files.root, 'brieven')).sort()).toEqual(rows.map((r) => r.opslagnaam).sort());
  });

  it('is gapless and unique with two cores finalising at once on the same file', async () => {
    const other = Core.open({ dbPath: t.dbPath, key: t.key, actor: 'tweede', now: () => new Date('2026-11-16T09:00:00Z') });
    try {
      const calls = range(16).map((i) => (i % 2 ? t.core : other).invoke('letters.finalise', { soort: 'waarschuwing', measureId }));
      const results = await Promise.all(calls);
      const failed = results.filter((r) => !r.ok);
      expect(failed).toEqual([]);
      const rows = t.core.db.prepare('SELECT kenmerk, finalised_by FROM letter').all() as { kenmerk: string; finalised_by: string }[];
      expect(numbers(rows)).toEqual(range(48));
      expect(new Set(rows.map((r) => r.finalised_by))).toEqual(new Set(['test', 'tweede']));
      expect(fs.readdirSync(path.join(t.core.ctx.files.root, 'brieven'))).toHaveLength(48);
    } finally {
      other.close();
    }
  });

  it('uses no number for a finalise that fails, and starts again at 1 in a new year', async () => {
    await t.call('letters.finalise', { soort: 'waarschuwing', measureId });
    const bad = await t.core.invoke('letters.finalise', { soort: 'uitnodiging_gesprek', measureId }); // no appointment
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatchObject({ code: 'VALIDATIE', field: 'afspraak' });
    const next = await t.call('letters.finalise', { soort: 'waarschuwing', measureId });
    expect(next.brieven.map((b) => b.kenmerk)).toEqual(['2026-0004', '2026-0005', '2026-0006']);
    t.setNow('2027-01-04T09:00:00Z');
    const newYear = await t.call('letters.finalise', { soort: 'waarschuwing', measureId });
    expect(newYear.brieven.map((b) => b.kenmerk)).toEqual(['2027-0001', '2027-0002', '2027-0003']);
  });
});
