// Reading the dates schools write: ISO (2006-06-21), Dutch numeric (21-06-2006, 1-1-2010,
// 21/6/2006, 21.06.2006), compact (20060621) and written out (7 mei 2019, 1 april 2019).
// Two-digit years are refused: "1-1-10" could be 1910 or 2010, and a guess would be silent.

const MAANDEN: Record<string, number> = {
  januari: 1,
  jan: 1,
  februari: 2,
  feb: 2,
  maart: 3,
  mrt: 3,
  mar: 3,
  april: 4,
  apr: 4,
  mei: 5,
  juni: 6,
  jun: 6,
  juli: 7,
  jul: 7,
  augustus: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

const MAAND_RE = Object.keys(MAANDEN)
  .sort((a, b) => b.length - a.length)
  .join('|');

/** The ISO date for year/month/day, or null when that day does not exist or is out of range. */
export function isoOf(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Parses a whole cell as a date; null when it is not a date we can read without guessing. */
export function parseDatum(raw: string): string | null {
  const s = raw.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (m) return isoOf(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(s);
  if (m) return isoOf(+m[4], +m[3], +m[1]);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return isoOf(+m[1], +m[2], +m[3]);
  m = new RegExp(`^(\\d{1,2})e?\\s+(${MAAND_RE})\\.?\\s+(\\d{4})$`, 'i').exec(s);
  if (m) return isoOf(+m[3], MAANDEN[m[2].toLowerCase()], +m[1]);
  return null;
}

/** The first date written anywhere in a line of text ("Vastgesteld in MT d.d. 1 april 2019."). */
export function findDatum(text: string): string | null {
  const re = new RegExp(
    `\\b(\\d{1,2})e?\\s+(${MAAND_RE})\\.?\\s+(\\d{4})\\b|\\b(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})\\b|\\b(\\d{4})-(\\d{2})-(\\d{2})\\b`,
    'gi',
  );
  for (const m of text.matchAll(re)) {
    const iso = m[1] ? isoOf(+m[3], MAANDEN[m[2].toLowerCase()], +m[1]) : m[4] ? isoOf(+m[6], +m[5], +m[4]) : isoOf(+m[7], +m[8], +m[9]);
    if (iso) return iso;
  }
  return null;
}
