// Which backups to keep: 7 daily, 4 weekly, 12 monthly (grandfather-father-son, as restic's
// --keep-daily/--keep-weekly/--keep-monthly count them).
//
// The rule, newest first, in Dutch local time:
//   - daily:   the newest backup of each of the 7 most recent days that HAVE a backup;
//   - weekly:  the newest backup of each of the 4 most recent ISO weeks (Monday–Sunday) with one;
//   - monthly: the newest backup of each of the 12 most recent calendar months with one;
//   - the newest backup of all is always kept.
// A backup kept by any rule stays; all others go. Counting days that have a backup (rather than
// the last 7 calendar days) means a PC that stays off during the summer holiday does not lose its
// recent history. Pure, so a test can run it with a fixed clock over many days.
// Per-function imports: the date-fns index loads some 250 modules, which the backup worker would
// load at every backup (about 0.8 s under tsx).
import { getISOWeek } from 'date-fns/getISOWeek';
import { getISOWeekYear } from 'date-fns/getISOWeekYear';
import { parseISO } from 'date-fns/parseISO';
import { todayIn } from '@shared/dates';

export interface RotationPolicy {
  daily: number;
  weekly: number;
  monthly: number;
}

export const DEFAULT_POLICY: RotationPolicy = { daily: 7, weekly: 4, monthly: 12 };

export interface Dated {
  naam: string;
  /** When the backup was made (UTC ISO timestamp). */
  gemaaktOp: string;
}

const dayOf = (iso: string) => todayIn(new Date(iso));
const weekOf = (iso: string) => {
  const d = parseISO(dayOf(iso));
  return `${getISOWeekYear(d)}-W${String(getISOWeek(d)).padStart(2, '0')}`;
};
const monthOf = (iso: string) => dayOf(iso).slice(0, 7);

/** Splits backups into the ones to keep and the ones to remove. */
export function planRotation<T extends Dated>(backups: readonly T[], policy: RotationPolicy = DEFAULT_POLICY): { keep: T[]; remove: T[] } {
  const sorted = [...backups].sort((a, b) =>
    a.gemaaktOp === b.gemaaktOp ? b.naam.localeCompare(a.naam) : b.gemaaktOp.localeCompare(a.gemaaktOp),
  );
  const keep = new Set<T>();
  if (sorted.length) keep.add(sorted[0]);
  const bucket = (n: number, key: (iso: string) => string) => {
    const seen = new Set<string>();
    for (const b of sorted) {
      if (seen.size >= n) break;
      const k = key(b.gemaaktOp);
      if (seen.has(k)) continue;
      seen.add(k);
      keep.add(b);
    }
  };
  bucket(policy.daily, dayOf);
  bucket(policy.weekly, weekOf);
  bucket(policy.monthly, monthOf);
  return { keep: sorted.filter((b) => keep.has(b)), remove: sorted.filter((b) => !keep.has(b)) };
}
