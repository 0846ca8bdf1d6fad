// Forward-only numbered migrations (db/migrations/NNN_name.sql), applied at start in one transaction.
// The schema version is PRAGMA user_version; a database newer than this app is refused untouched.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3-multiple-ciphers';
import { CoreError } from '../errors/errors';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Where the .sql files are: beside this module in the source tree (tsx, vitest), or copied next to
 * the bundle by electron.vite.config.ts (out/main/migrations). SCHOOLPROTOCOL_MIGRATIONS overrides.
 */
export function migrationsDir(): string {
  if (process.env.SCHOOLPROTOCOL_MIGRATIONS) return process.env.SCHOOLPROTOCOL_MIGRATIONS;
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const candidate of [path.join(here, 'migrations'), path.join(here, 'db', 'migrations')]) {
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error(`Migrations folder not found near ${here}`);
}

let cache: Migration[] | null = null;

export function loadMigrations(dir = migrationsDir()): Migration[] {
  if (cache && dir === migrationsDir()) return cache;
  const list = fs
    .readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f.replace(/\.sql$/, ''), sql: fs.readFileSync(path.join(dir, f), 'utf8') }));
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration numbering has a gap or duplicate at ${m.name}`);
  });
  cache = list;
  return list;
}

/** The schema version this build of the app writes. */
export const latestSchemaVersion = (): number => loadMigrations().length;

/** The schema version of the main database, or of an attached one (`schema`, e.g. a backup's copy). */
export function schemaVersion(db: Database.Database, schema = 'main'): number {
  return db.pragma(`${schema}.user_version`, { simple: true }) as number;
}

export interface MigrateOptions {
  /**
   * Stop after this version instead of the latest. Only the migration tests use it, to save a
   * database as an older app left it (test/integration/migrations, docs/TESTING.md).
   */
  upTo?: number;
}

export function migrate(db: Database.Database, opts: MigrateOptions = {}): { from: number; to: number } {
  const all = loadMigrations();
  const latest = all.length;
  if (opts.upTo !== undefined && !(Number.isInteger(opts.upTo) && opts.upTo >= 0 && opts.upTo <= latest))
    throw new Error(`migrate: upTo must be a version from 0 to ${latest}, got ${opts.upTo}`);
  const target = opts.upTo ?? latest;
  const migrations = all.slice(0, target);
  const from = schemaVersion(db);
  if (from > latest) {
    throw new CoreError(
      'DATABASE',
      `Deze database is gemaakt met een nieuwere versie van Schoolprotocol (schemaversie ${from}, deze app kent tot ${latest}). ` +
        'Er is niets gewijzigd. Installeer de nieuwste versie van de app.',
    );
  }
  if (from >= target) return { from, to: from };
  db.transaction(() => {
    for (const m of migrations.slice(from)) {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
  return { from, to: target };
}
