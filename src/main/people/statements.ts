// Prepared statements kept per connection for the reads every request of the school server makes
// (the grid, the person picker, the scope checks, the session check): preparing a statement with
// the scope's subqueries cost about as much as running it on the quick bench set (docs/PERFORMANCE.md,
// "School server under load"). Only for SQL built from the code's own fragments (user text goes in
// as parameters), so the number of distinct texts stays small; bounded all the same.
import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { DB } from '../db/open';

/** Distinct statements kept per connection; the least recently used goes first. */
const KEEP = 300;

const byDb = new WeakMap<DB, Map<string, Statement>>();

/**
 * The statement for `sql` on this connection, prepared once. `pluck` gives the first column only
 * (kept apart: a statement's pluck mode is its own state). A statement still iterating (busy) is not
 * handed out twice: then a fresh one is prepared.
 */
export function prepared(db: DB, sql: string, opts: { pluck?: boolean } = {}): Statement {
  let cache = byDb.get(db);
  if (!cache) byDb.set(db, (cache = new Map()));
  const key = opts.pluck ? `p\u0000${sql}` : sql;
  let s = cache.get(key);
  if (s && !s.busy) {
    cache.delete(key);
    cache.set(key, s);
    return s;
  }
  s = db.prepare(sql);
  if (opts.pluck) s.pluck();
  if (!cache.has(key)) {
    cache.set(key, s);
    if (cache.size > KEEP) cache.delete(cache.keys().next().value as string);
  }
  return s;
}

const versionOf = new WeakMap<DB, Statement>();

/**
 * The database's version: this connection's changes since it opened and other connections'
 * commits. What is kept beside the data (the scope's sets, incidents/positions.ts's samples, the
 * server's idle time) is used only while it is unchanged. Prepared once per connection: it runs on
 * every request of the school server.
 */
export function dataVersion(db: DB): string {
  let st = versionOf.get(db);
  if (!st) versionOf.set(db, (st = db.prepare('SELECT total_changes(), data_version FROM pragma_data_version').raw()));
  const [n, v] = st.get() as [number, number];
  return `${n}:${v}`;
}
