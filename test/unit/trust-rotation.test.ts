// The rotation rule (7 daily, 4 weekly, 12 monthly) run day by day with a fixed clock, as the app
// runs it after every backup; the survivors are checked against a hand-worked list.
import { describe, it, expect } from 'vitest';
import { addDays, format, parseISO } from 'date-fns';
import { planRotation } from '../../src/main/backup/rotation';
import type { Dated } from '../../src/main/backup/rotation';

const at = (day: string, time = '09:00:00') => ({ naam: `reservekopie-${day}T${time}`, gemaaktOp: `${day}T${time}.000Z` });

/** Makes a backup on each given day and rotates after each one, like the app does. */
function simulate(days: string[], times: string[] = ['09:00:00']): string[] {
  let kept: Dated[] = [];
  for (const d of days) {
    for (const t of times) {
      kept.push(at(d, t));
      kept = planRotation(kept).keep;
    }
  }
  return kept.map((b) => b.gemaaktOp.slice(0, 10)).sort();
}

function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = parseISO(from); format(d, 'yyyy-MM-dd') <= to; d = addDays(d, 1)) out.push(format(d, 'yyyy-MM-dd'));
  return out;
}

describe('backup rotation', () => {
  it('keeps exactly 7 daily, 4 weekly and 12 monthly backups after 455 days of daily backups', () => {
    const kept = simulate(range('2025-01-01', '2026-03-31'));
    expect(kept).toEqual([
      // monthly: the newest of each of the last 12 months (April 2025 … March 2026)
      '2025-04-30',
      '2025-05-31',
      '2025-06-30',
      '2025-07-31',
      '2025-08-31',
      '2025-09-30',
      '2025-10-31',
      '2025-11-30',
      '2025-12-31',
      '2026-01-31',
      '2026-02-28',
      // weekly: Sundays of the ISO weeks before, plus this week's newest (31 March, a Tuesday)
      '2026-03-15',
      '2026-03-22',
      // daily: the last 7 days (29 March is also its week's newest, 31 March also March's)
      '2026-03-25',
      '2026-03-26',
      '2026-03-27',
      '2026-03-28',
      '2026-03-29',
      '2026-03-30',
      '2026-03-31',
    ]);
  });

  it('is the same whether run after every backup or once at the end', () => {
    const all = range('2025-01-01', '2026-03-31').map((d) => at(d));
    expect(
      planRotation(all)
        .keep.map((b) => b.gemaaktOp.slice(0, 10))
        .sort(),
    ).toEqual(simulate(range('2025-01-01', '2026-03-31')));
  });

  it('counts days that have a backup, so the summer holiday does not wipe the recent history', () => {
    // Backups until 11 July, the PC is off in the holiday, back on 24 and 25 August.
    const kept = simulate([...range('2026-06-01', '2026-07-11'), '2026-08-24', '2026-08-25']);
    expect(kept).toEqual([
      '2026-06-28', // weekly: newest of 22–28 June
      '2026-06-30', // monthly: newest of June
      '2026-07-05', // weekly: newest of 29 June – 5 July
      '2026-07-07', // daily: the 7 most recent days with a backup reach back into July
      '2026-07-08',
      '2026-07-09',
      '2026-07-10',
      '2026-07-11',
      '2026-08-24',
      '2026-08-25',
    ]);
  });

  it('keeps one backup per day (the newest) when there are several, and always the newest of all', () => {
    const kept = planRotation(range('2026-11-01', '2026-11-10').flatMap((d) => [at(d, '07:00:00'), at(d, '15:00:00')])).keep;
    expect(kept.map((b) => b.naam)).toEqual([
      'reservekopie-2026-11-10T15:00:00',
      'reservekopie-2026-11-09T15:00:00',
      'reservekopie-2026-11-08T15:00:00',
      'reservekopie-2026-11-07T15:00:00',
      'reservekopie-2026-11-06T15:00:00',
      'reservekopie-2026-11-05T15:00:00',
      'reservekopie-2026-11-04T15:00:00',
      'reservekopie-2026-11-01T15:00:00', // the newest of ISO week 44 (26 Oct – 1 Nov)
    ]);
  });

  it('counts days in Dutch time: 23:30 UTC on 31 March is 1 April', () => {
    const r = planRotation([at('2026-03-30', '10:00:00'), at('2026-03-31', '08:00:00'), at('2026-03-31', '23:30:00')]);
    // Three distinct Dutch days (30 and 31 March, 1 April): all kept.
    expect(r.keep).toHaveLength(3);
    const same = planRotation([at('2026-03-31', '08:00:00'), at('2026-03-31', '21:30:00')]);
    // 21:30 UTC is 23:30 in Amsterdam (summer time): the same day, only the newest stays.
    expect(same.keep.map((b) => b.gemaaktOp)).toEqual(['2026-03-31T21:30:00.000Z']);
    expect(same.remove.map((b) => b.gemaaktOp)).toEqual(['2026-03-31T08:00:00.000Z']);
  });
});
