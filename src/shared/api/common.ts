// Building blocks for the method schemas: Dutch messages, sane limits, one definition per kind of field.
import { z } from 'zod';
import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';

/** An ISO calendar date (YYYY-MM-DD) that exists. */
export const isoDate = z
  .string({ error: 'Vul een datum in.' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Gebruik een datum als JJJJ-MM-DD.' })
  .refine((s) => isValid(parseISO(s)) && parseISO(s).toISOString().slice(0, 10) === s, {
    error: 'Deze datum bestaat niet.',
  });

/** A time of day, HH:MM (24 hours). */
export const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Gebruik een tijd als UU:MM.' });

export const id = z.number({ error: 'Kies een geldig record.' }).int().positive();

const noControl = (s: string) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s);

/** A single-line text field: trimmed, no control characters, at most `max` characters. */
export const line = (max = 200) =>
  z
    .string({ error: 'Vul dit veld in.' })
    .trim()
    .max(max, { error: `Gebruik hoogstens ${max} tekens.` })
    .refine(noControl, { error: 'Dit veld bevat ongeldige tekens.' });

export const requiredLine = (max = 200) => line(max).min(1, { error: 'Vul dit veld in.' });

/** A multi-line text (descriptions, minutes): newlines and tabs allowed. */
export const text = (max = 20000) =>
  z
    .string({ error: 'Vul dit veld in.' })
    .max(max, { error: `Gebruik hoogstens ${max} tekens.` })
    .refine(noControl, { error: 'Deze tekst bevat ongeldige tekens.' });

export const email = z.email({ error: 'Vul een geldig e-mailadres in.' }).max(254);

/** Optional text that arrives as "" from a form: stored as null. */
export const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' || v === undefined ? null : v), schema.nullable()).optional();

export const postcode = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase().replace(/^(\d{4})\s*([A-Z]{2})$/, '$1 $2'))
  .refine((s) => /^\d{4} [A-Z]{2}$/.test(s), { error: 'Gebruik een postcode als 1234 AB.' });

export const schooljaar = z
  .string()
  .regex(/^\d{4}-\d{4}$/, { error: 'Gebruik een schooljaar als 2025-2026.' })
  .refine((s) => Number(s.slice(5)) === Number(s.slice(0, 4)) + 1, { error: 'Een schooljaar loopt over twee opeenvolgende jaren.' });

export const sortDir = z.enum(['asc', 'desc']);

/** Paging for every grid: offset/limit with a hard cap, so no caller can ask for a whole table. */
export const paging = {
  offset: z.number().int().min(0).max(100_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(100),
};

export interface Page<T> {
  rows: T[];
  /** Total rows matching the filter (for the grid's scroll bar). */
  total: number;
}
