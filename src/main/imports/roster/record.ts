// One roster row, from raw cell text to checked person fields. Every problem is reported with the
// row's file line and a Dutch explanation; a row with an error is skipped as a whole, a value with
// a warning is left out while the rest of the row is used.
//
// Student numbers: a number of digits only is stored without leading zeros ("00123" → "123"),
// because Magister exports them with or without the zeros and EDEXML keys carry them ("00001"):
// stripping is the only form every export agrees on. A number with letters is kept as written.
import { z } from 'zod';
import { personInput } from '@shared/api/people';
import type { RosterProbleem, RosterVeld } from '@shared/api/imports';
import { parseDatum } from '../dates';
import { fold } from '../../people/names';

export interface RawRecord {
  regel: number;
  soort: 'leerling' | 'medewerker';
  /** The mapped cells; a field that is absent was not in the file (an empty string was). */
  waarden: Partial<Record<RosterVeld, string>>;
}

/** The person fields a row sets; undefined = the file says nothing (the stored value stays). */
export interface PersonFields {
  leerlingnummer?: string;
  personeelsnummer?: string;
  eckId?: string;
  voornaam?: string;
  roepnaam?: string;
  /** Only used when creating a person without a first name (e.g. "J." for staff). */
  voorletters?: string;
  /** null = the row has a surname and no tussenvoegsel: the name has none. */
  tussenvoegsel?: string | null;
  achternaam?: string;
  geslacht?: 'm' | 'v' | 'x';
  geboortedatum?: string;
  groep?: string;
  leerjaar?: number;
  opleiding?: string;
  functie?: string;
  organisatie?: string;
  email?: string;
  telefoon?: string;
  straat?: string;
  postcode?: string;
  plaats?: string;
  ingeschrevenOp?: string;
  uitgeschrevenOp?: string;
}

export interface GuardianFields {
  naam?: string;
  email?: string;
  telefoon?: string;
}

export interface CleanRecord {
  regel: number;
  soort: 'leerling' | 'medewerker';
  velden: PersonFields;
  ouders: GuardianFields[];
  /** The row has an error and is skipped. */
  fout: boolean;
}

/** Digits only: without leading zeros; otherwise as written (trimmed, inner spaces removed). */
export function normaliseNummer(raw: string): string {
  const s = raw.trim().replace(/\s+/g, '');
  if (/^\d+$/.test(s)) return s.replace(/^0+(?=\d)/, '');
  return s;
}

/** Matching key for staff numbers and e-mail addresses: case does not matter. */
export const lowerKey = (s: string) => normaliseNummer(s).toLowerCase();

const shape = personInput.shape;
/** The contract's own checks per field (length, e-mail, postcode), so an imported person is as valid as a typed one. */
const FIELD_SCHEMA: Partial<Record<keyof PersonFields, z.ZodType>> = {
  leerlingnummer: shape.leerlingnummer,
  personeelsnummer: shape.personeelsnummer,
  // EDEXKeyType allows 256 characters; a real ECK-iD is about 150.
  eckId: z.string().trim().max(256),
  voornaam: shape.voornaam,
  roepnaam: shape.roepnaam,
  tussenvoegsel: shape.tussenvoegsel,
  achternaam: shape.achternaam,
  groep: shape.groep,
  opleiding: shape.opleiding,
  functie: shape.functie,
  organisatie: shape.organisatie,
  email: shape.email,
  telefoon: shape.telefoon,
  straat: shape.straat,
  postcode: shape.postcode,
  plaats: shape.plaats,
};

const LABEL: Record<RosterVeld, string> = {
  leerlingnummer: 'leerlingnummer',
  personeelsnummer: 'personeelsnummer',
  eckId: 'ECK-iD',
  voornamen: 'voornaam',
  roepnaam: 'roepnaam',
  voorletters: 'voorletters',
  tussenvoegsel: 'tussenvoegsel',
  achternaam: 'achternaam',
  geslacht: 'geslacht',
  geboortedatum: 'geboortedatum',
  groep: 'groep/klas',
  leerjaar: 'leerjaar',
  opleiding: 'opleiding',
  functie: 'functie',
  organisatie: 'organisatie',
  email: 'e-mailadres',
  telefoon: 'telefoonnummer',
  straat: 'straat',
  postcode: 'postcode',
  plaats: 'plaats',
  ingeschrevenOp: 'datum van inschrijving',
  uitgeschrevenOp: 'datum van uitschrijving',
  ouder1Naam: 'naam van de eerste ouder/verzorger',
  ouder1Email: 'e-mailadres van de eerste ouder/verzorger',
  ouder1Telefoon: 'telefoonnummer van de eerste ouder/verzorger',
  ouder2Naam: 'naam van de tweede ouder/verzorger',
  ouder2Email: 'e-mailadres van de tweede ouder/verzorger',
  ouder2Telefoon: 'telefoonnummer van de tweede ouder/verzorger',
};
export const veldLabel = (v: RosterVeld) => LABEL[v];

/** Dutch article and pronoun per field: "Het e-mailadres … het", "De postcode … die". */
const HET = new Set<RosterVeld>([
  'leerlingnummer',
  'personeelsnummer',
  'eckId',
  'tussenvoegsel',
  'geslacht',
  'leerjaar',
  'email',
  'telefoon',
  'ouder1Email',
  'ouder2Email',
  'ouder1Telefoon',
  'ouder2Telefoon',
]);
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const LABEL_ART = Object.fromEntries(
  Object.entries(LABEL).map(([k, l]) => [k, cap(`${HET.has(k as RosterVeld) ? 'het' : 'de'} ${l}`)]),
) as Record<RosterVeld, string>;
const LABEL_PRON = Object.fromEntries(Object.keys(LABEL).map((k) => [k, HET.has(k as RosterVeld) ? 'het' : 'die'])) as Record<
  RosterVeld,
  string
>;

/** m/v/x from the words and letters schools use; undefined when unknown. */
export function parseGeslacht(raw: string): 'm' | 'v' | 'x' | undefined | null {
  const k = fold(raw.trim()).replace(/\.$/, '');
  if (k === '') return undefined;
  if (['m', 'man', 'mannelijk', 'jongen', 'male', 'j', 'h', 'heer'].includes(k)) return 'm';
  if (['v', 'vrouw', 'vrouwelijk', 'meisje', 'female', 'f', 'w', 'mevrouw'].includes(k)) return 'v';
  if (['x', 'anders', 'overig', 'divers', 'nonbinair', 'non-binair'].includes(k)) return 'x';
  if (['o', 'onbekend', 'unknown', 'u', '?', '-', '0', '9'].includes(k)) return undefined;
  return null;
}

/** "J" or "UGH" or "J.P." as initials with dots: "J.", "U.G.H.", "J.P.". */
export function formatVoorletters(raw: string): string {
  const letters = raw.replace(/[^\p{L}]/gu, '');
  return letters
    ? letters
        .split('')
        .map((c) => `${c.toUpperCase()}.`)
        .join('')
    : '';
}

export class Problems {
  readonly list: RosterProbleem[] = [];
  error(regel: number | null, veld: RosterVeld | null, melding: string) {
    this.list.push({ regel, ernst: 'fout', veld, melding });
  }
  warn(regel: number | null, veld: RosterVeld | null, melding: string) {
    this.list.push({ regel, ernst: 'waarschuwing', veld, melding });
  }
}

const DATE_FORMATS = 'gebruik dd-mm-jjjj, zoals 21-06-2012';

/** Turns a raw row into person fields and guardians; reports problems with the row's line. */
export function cleanRecord(raw: RawRecord, problems: Problems, today: string): CleanRecord {
  const w = raw.waarden;
  const r = raw.regel;
  const out: PersonFields = {};
  let fout = false;
  const has = (v: RosterVeld) => w[v] !== undefined && w[v]!.trim() !== '';
  const val = (v: RosterVeld) => (w[v] ?? '').trim().replace(/\s+/g, ' ');

  const setText = (veld: RosterVeld, key: keyof PersonFields, value: string) => {
    const schema = FIELD_SCHEMA[key];
    const parsed = schema ? schema.safeParse(value) : { success: true as const, data: value };
    if (!parsed.success) {
      const why =
        key === 'email'
          ? 'is geen geldig e-mailadres'
          : key === 'postcode'
            ? 'is geen postcode als 1234 AB'
            : `is niet geldig: ${(parsed.error.issues[0]?.message ?? 'ongeldig').replace(/\.$/, '').toLowerCase()}`;
      problems.warn(r, veld, `${LABEL_ART[veld]} "${value.slice(0, 60)}" ${why}; ${LABEL_PRON[veld]} wordt niet ingelezen.`);
      return;
    }
    (out as Record<string, unknown>)[key] = parsed.data;
  };

  if (raw.soort === 'leerling' && has('leerlingnummer'))
    setText('leerlingnummer', 'leerlingnummer', normaliseNummer(val('leerlingnummer')));
  if (raw.soort === 'medewerker' && has('personeelsnummer'))
    setText('personeelsnummer', 'personeelsnummer', normaliseNummer(val('personeelsnummer')));
  if (has('eckId')) setText('eckId', 'eckId', val('eckId'));
  if (has('voornamen')) setText('voornamen', 'voornaam', val('voornamen'));
  if (has('roepnaam')) setText('roepnaam', 'roepnaam', val('roepnaam'));
  if (has('voorletters')) out.voorletters = formatVoorletters(val('voorletters')) || undefined;
  if (has('achternaam')) setText('achternaam', 'achternaam', val('achternaam'));
  if (has('tussenvoegsel')) setText('tussenvoegsel', 'tussenvoegsel', val('tussenvoegsel'));
  else if (w.tussenvoegsel !== undefined && out.achternaam) out.tussenvoegsel = null;
  for (const [veld, key] of [
    ['groep', 'groep'],
    ['opleiding', 'opleiding'],
    ['functie', 'functie'],
    ['organisatie', 'organisatie'],
    ['email', 'email'],
    ['telefoon', 'telefoon'],
    ['straat', 'straat'],
    ['postcode', 'postcode'],
    ['plaats', 'plaats'],
  ] as const) {
    if (has(veld)) setText(veld, key, val(veld));
  }
  if (has('geslacht')) {
    const g = parseGeslacht(val('geslacht'));
    if (g === null)
      problems.warn(
        r,
        'geslacht',
        `Het geslacht "${val('geslacht').slice(0, 20)}" is niet herkend (gebruik M, V of X); het wordt niet ingelezen.`,
      );
    else if (g) out.geslacht = g;
  }
  if (has('leerjaar')) {
    const n = /^\d{1,2}(\.0+)?$/.test(val('leerjaar')) ? parseInt(val('leerjaar'), 10) : NaN;
    if (Number.isInteger(n) && n >= 0 && n <= 12) out.leerjaar = n;
    else
      problems.warn(
        r,
        'leerjaar',
        `Het leerjaar "${val('leerjaar').slice(0, 20)}" is geen getal van 0 tot en met 12; het wordt niet ingelezen.`,
      );
  }
  for (const [veld, key] of [
    ['geboortedatum', 'geboortedatum'],
    ['ingeschrevenOp', 'ingeschrevenOp'],
    ['uitgeschrevenOp', 'uitgeschrevenOp'],
  ] as const) {
    if (!has(veld)) continue;
    const iso = parseDatum(val(veld));
    if (!iso) {
      problems.warn(
        r,
        veld,
        `${LABEL_ART[veld]} "${val(veld).slice(0, 30)}" is geen datum die we kunnen lezen (${DATE_FORMATS}); die wordt niet ingelezen.`,
      );
      continue;
    }
    out[key] = iso;
  }
  if (out.geboortedatum && out.geboortedatum > today) {
    problems.warn(r, 'geboortedatum', `De geboortedatum ${out.geboortedatum} ligt in de toekomst; die wordt niet ingelezen.`);
    delete out.geboortedatum;
  } else if (out.geboortedatum && out.geboortedatum < '1900-01-01') {
    problems.warn(r, 'geboortedatum', `De geboortedatum ${out.geboortedatum} ligt te ver in het verleden; die wordt niet ingelezen.`);
    delete out.geboortedatum;
  }
  if (out.ingeschrevenOp && out.uitgeschrevenOp && out.uitgeschrevenOp < out.ingeschrevenOp) {
    problems.warn(r, 'uitgeschrevenOp', 'De datum van uitschrijving ligt vóór de datum van inschrijving; die wordt niet ingelezen.');
    delete out.uitgeschrevenOp;
  }

  // The key: without it a row cannot be matched safely (never on name alone).
  if (raw.soort === 'leerling' && !out.leerlingnummer && !out.eckId) {
    problems.error(
      r,
      'leerlingnummer',
      'Het leerlingnummer ontbreekt. Zonder leerlingnummer (of ECK-iD) kan deze leerling niet veilig worden herkend; de regel wordt overgeslagen.',
    );
    fout = true;
  }
  if (raw.soort === 'medewerker' && !out.personeelsnummer && !out.eckId && !out.email) {
    problems.error(
      r,
      'personeelsnummer',
      'Het personeelsnummer (of ECK-iD of e-mailadres) ontbreekt. Zonder een van die drie kan deze medewerker niet veilig worden herkend; de regel wordt overgeslagen.',
    );
    fout = true;
  }

  const ouders: GuardianFields[] = [];
  if (raw.soort === 'leerling') {
    for (const n of [1, 2] as const) {
      const naamVeld = `ouder${n}Naam` as const;
      const emailVeld = `ouder${n}Email` as const;
      const telVeld = `ouder${n}Telefoon` as const;
      const g: GuardianFields = {};
      if (has(naamVeld)) g.naam = val(naamVeld).slice(0, 200);
      if (has(emailVeld)) {
        const e = shape.email.safeParse(val(emailVeld));
        if (e.success && e.data) g.email = e.data;
        else
          problems.warn(
            r,
            emailVeld,
            `${LABEL_ART[emailVeld]} "${val(emailVeld).slice(0, 60)}" is geen geldig e-mailadres; het wordt niet ingelezen.`,
          );
      }
      if (has(telVeld)) {
        const t = shape.telefoon.safeParse(val(telVeld));
        if (t.success && t.data) g.telefoon = t.data;
      }
      if (g.naam || g.email) ouders.push(g);
      else if (g.telefoon)
        problems.warn(
          r,
          telVeld,
          `Bij ${LABEL_ART[telVeld].toLowerCase()} staan geen naam en geen e-mailadres; de ouder/verzorger wordt niet ingelezen.`,
        );
    }
  }
  return { regel: r, soort: raw.soort, velden: out, ouders, fout };
}
