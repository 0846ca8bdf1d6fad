// School years run 1 August – 31 July and are written "2025-2026".

export const SCHOOLJAAR_RE = /^(\d{4})-(\d{4})$/;

/** The school year a date (YYYY-MM-DD) falls in. */
export function schoolYearOf(isoDate: string): string {
  const y = Number(isoDate.slice(0, 4));
  const m = Number(isoDate.slice(5, 7));
  const start = m >= 8 ? y : y - 1;
  return `${start}-${start + 1}`;
}

/** First and last day of a school year, as ISO dates. */
export function schoolYearBounds(schooljaar: string): { start: string; end: string } {
  const match = SCHOOLJAAR_RE.exec(schooljaar);
  if (!match || Number(match[2]) !== Number(match[1]) + 1) throw new Error(`Ongeldig schooljaar: ${schooljaar}`);
  return { start: `${match[1]}-08-01`, end: `${match[2]}-07-31` };
}

export function isValidSchoolYear(s: string): boolean {
  const match = SCHOOLJAAR_RE.exec(s);
  return !!match && Number(match[2]) === Number(match[1]) + 1;
}

export function previousSchoolYear(schooljaar: string): string {
  const start = Number(schooljaar.slice(0, 4)) - 1;
  return `${start}-${start + 1}`;
}
