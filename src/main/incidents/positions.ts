// Positions in a long list of incidents, for the jump a dragged scroll bar makes.
//
// `OFFSET n` makes SQLite step over n index entries (its B-tree pages keep no counts): 114 ms to
// reach row 500,000 of a million. The grid's own scrolling passes the keyset cursor of the block
// before and needs none of this; only a jump far into the list asks for an offset. So, per sort
// order and filter, the keys of every STEP-th row are sampled once, in the background after the
// list was first asked for, a few at a time so the core keeps answering; a jump then continues
// after the sample before its row and steps over fewer than STEP entries.
//
// Samples are only good for the data they were taken from: any change (a write on this connection
// or by another process) gives the database another version, and samples of an older version are
// never used; they are taken again.
import type { DB } from '../db/open';
import { dataVersion } from '../people/statements';

/** Rows between two samples. */
export const STEP = 1000;
/** Lists shorter than this are cheap to skip through: no samples. */
export const SAMPLE_FROM = 20_000;
/**
 * Samples taken per turn of the event loop: each reads up to STEP index entries per key, about 1 ms
 * at a million incidents, so a request waits at most some 8 ms behind them.
 */
const PER_TURN = 8;
/** Lists (sort order and filter) whose samples are kept per database. */
const KEEP = 8;

type Keys = (string | number)[];

export interface Sampler {
  /** The keys of the STEP-th row after `after` (from the top when null), or null past the end. */
  next(after: Keys | null): Keys | null;
}

interface Sampling {
  version: string;
  /** samples[j]: the keys of the row at position (j + 1) * STEP - 1. */
  samples: Keys[];
  /** Settles when the sampling is done, stale or given up. */
  run: Promise<void>;
}

const byDb = new WeakMap<DB, Map<string, Sampling>>();
/**
 * Where a jump to `offset` can start: the keys of the last sampled row before it and how many rows
 * lie between that row and the offset (fewer than STEP), or null when no usable sample is there
 * (yet): then the caller skips by OFFSET.
 */
export function startFor(db: DB, list: string, offset: number): { after: Keys; skip: number } | null {
  const s = byDb.get(db)?.get(list);
  if (!s || s.version !== dataVersion(db)) return null;
  const j = Math.floor(offset / STEP) - 1;
  if (j < 0 || j >= s.samples.length) return null;
  return { after: s.samples[j], skip: offset - (j + 1) * STEP };
}

/** Takes the samples of `list` in the background, unless they are there or being taken for this version. */
export function sampleInBackground(db: DB, list: string, sampler: Sampler): void {
  let lists = byDb.get(db);
  if (!lists) byDb.set(db, (lists = new Map()));
  const version = dataVersion(db);
  if (lists.get(list)?.version === version) return;
  const s: Sampling = { version, samples: [], run: Promise.resolve() };
  lists.delete(list);
  lists.set(list, s);
  // The least recently started lists go first.
  while (lists.size > KEEP) lists.delete(lists.keys().next().value as string);
  s.run = new Promise<void>((resolve) => {
    const turn = () => {
      // Stale (the data changed), replaced or the database closed: stop; the next list asks again.
      if (!db.open || lists.get(list) !== s || dataVersion(db) !== version) return resolve();
      try {
        for (let n = 0; n < PER_TURN; n++) {
          const keys = sampler.next(s.samples.at(-1) ?? null);
          if (!keys) return resolve();
          s.samples.push(keys);
        }
      } catch {
        // A failed sample only costs the jump its shortcut.
        lists.delete(list);
        return resolve();
      }
      setImmediate(turn);
    };
    setImmediate(turn);
  });
}

/** Resolves once the samples being taken for this database are done (tests and the bench wait). */
export async function samplesSettled(db: DB): Promise<void> {
  await Promise.all([...(byDb.get(db)?.values() ?? [])].map((s) => s.run));
}

/** How many samples each list of this database has, for the current version only (tests). */
export function sampleCounts(db: DB): number[] {
  const version = dataVersion(db);
  return [...(byDb.get(db)?.values() ?? [])].filter((s) => s.version === version).map((s) => s.samples.length);
}
