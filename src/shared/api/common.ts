// Building blocks for the method schemas: Dutch messages, sane limits, one definition per kind of field.
import { z } from 'zod';
import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';

/**
 * An ISO calendar date (YYYY-MM-DD) that exists. An emptied date field sends "": that is a missing
 * date, not a wrong format (the screen shows dd-mm-jjjj; only the API and command line take ISO).
 */
export const isoDate = z
  .string({ error: 'Vul een datum in.' })
  .min(1, { error: 'Vul een datum in.', abort: true })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Gebruik een datum als JJJJ-MM-DD.' })
  .refine((s) => isValid(parseISO(s)) && parseISO(s).toISOString().slice(0, 10) === s, {
    error: 'Deze datum bestaat niet.',
  });

/** A time of day, HH:MM (24 hours). */
export const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Gebruik een tijd als UU:MM.' });

/** What to choose, by the field's name: "Kies een persoon uit de lijst." rather than a word like "record". */
const CHOOSE: Record<string, string> = {
  person: 'een persoon',
  incident: 'een melding',
  measure: 'een maatregel',
  letter: 'een brief',
  evaluation: 'een evaluatie',
  action: 'een actie',
  obligation: 'een taak',
  guardian: 'een ouder of verzorger',
  category: 'een categorie',
  protocol: 'een protocolversie',
};
const chooseMessage = (iss: { path?: PropertyKey[] }) => {
  const field = String([...(iss.path ?? [])].reverse().find((p) => typeof p === 'string') ?? '');
  const what = Object.entries(CHOOSE).find(([k]) => field.toLowerCase().startsWith(k))?.[1];
  return what ? `Kies ${what} uit de lijst.` : 'Kies er een uit de lijst.';
};
/** A record id, with a message that says what to choose for every way it can be wrong. */
export const id = z.number({ error: chooseMessage }).int({ error: chooseMessage }).positive({ error: chooseMessage });

// Control characters (C0 without tab and line ends, and DEL) have no place in any text we store.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** Line ends and tabs, including Unicode's own line and paragraph separators. */
const LINE_BREAK = /[\t\n\r\u0085\u2028\u2029]/;
/**
 * Bidi embeddings, overrides and isolates (and the invisible direction marks): they make
 * "evil.png\u202Etxt.exe" read as "evil.pngexe.txt", so a name or text says something other than it is.
 */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/** Zero-width characters: two names that look the same would differ. */
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;

const noControl = (s: string) => !CONTROL.test(s);
const stripBidi = (s: string) => s.replace(BIDI, '');
const stripInvisible = (s: string) => s.replace(BIDI, '').replace(ZERO_WIDTH, '');

/**
 * A single-line text field: without direction or zero-width characters (copied along from web pages
 * and documents, invisible, so dropped rather than refused), trimmed, no control characters or line
 * breaks, at most `max` characters.
 */
export const line = (max = 200) =>
  z
    .string({ error: 'Vul dit veld in.' })
    .overwrite(stripInvisible)
    .trim()
    .max(max, { error: `Gebruik hoogstens ${max} tekens.` })
    .refine((s) => !LINE_BREAK.test(s), { error: 'Dit veld moet op één regel: haal de regeleinden en tabs weg.' })
    .refine(noControl, { error: 'Dit veld bevat ongeldige tekens.' });

export const requiredLine = (max = 200) => line(max).min(1, { error: 'Vul dit veld in.' });

/**
 * The original name of a file someone adds. Invisible direction or zero-width characters are refused,
 * not dropped: the name would otherwise be stored as something other than the file was called, and
 * the school must see that the file was disguised.
 */
export const fileName = (max = 255) =>
  z
    .string({ error: 'Kies een bestand.' })
    .refine((s) => !s.match(BIDI) && !s.match(ZERO_WIDTH), {
      error:
        'De bestandsnaam bevat onzichtbare tekens die de naam of de extensie anders laten lijken dan ze zijn (bijvoorbeeld ".exe" dat als ".txt" wordt getoond). ' +
        'Het bestand is niet toegevoegd; controleer het en geef het een gewone naam.',
      abort: true,
    })
    .trim()
    .min(1, { error: 'Het bestand heeft geen naam.' })
    .max(max, { error: `Een bestandsnaam mag hoogstens ${max} tekens zijn.` })
    .refine((s) => !LINE_BREAK.test(s) && noControl(s), { error: 'De bestandsnaam bevat ongeldige tekens (zoals een regeleinde).' });

/** A multi-line text (descriptions, minutes): newlines and tabs allowed, direction overrides dropped. */
export const text = (max = 20000) =>
  z
    .string({ error: 'Vul dit veld in.' })
    .overwrite(stripBidi)
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
