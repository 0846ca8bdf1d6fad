// Configurable options, one JSON value per concept key in the `setting` table, each read through
// its own zod schema so a stored value that no longer fits falls back to the defaults field by field.
import type { z } from 'zod';
import type { DB } from '../db/open';
import type { Ctx } from '../context/context';

export function readSetting<S extends z.ZodType>(db: DB, key: string, schema: S): z.output<S> {
  const row = db.prepare('SELECT value FROM setting WHERE key = ?').get(key) as { value: string } | undefined;
  const parsed = schema.safeParse(row ? JSON.parse(row.value) : {});
  return parsed.success ? parsed.data : schema.parse({});
}

/** `audited` shapes what the audit trail keeps of the value (a secret such as a private key stays out of it). */
export function writeSetting<S extends z.ZodType>(
  ctx: Ctx,
  key: string,
  schema: S,
  value: z.input<S>,
  audited: (v: z.output<S>) => unknown = (v) => v,
): z.output<S> {
  const before = readSetting(ctx.db, key, schema);
  const after = schema.parse(value);
  ctx.db
    .prepare('INSERT INTO setting (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at')
    .run(key, JSON.stringify(after), ctx.nowIso());
  ctx.audit('instelling', key, 'gewijzigd', audited(before), audited(after));
  return after;
}
