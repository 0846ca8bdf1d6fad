// Who receives a letter and how they are addressed. For a pupil, who receives it is the law's rule in
// obligations/rules/geadresseerden.ts; here it becomes envelopes: one letter per address where parents
// live apart, the pupil addressed directly. Also the staff member at home, and the file.
// Pure functions, so the whole table of cases is unit-tested without a database.
import { differenceInYears } from 'date-fns/differenceInYears';
import { parseISO } from 'date-fns/parseISO';
import type { Sector, Geslacht } from '@shared/domain';
import type { TextVariant } from '@shared/api/letters';
import { CoreError } from '../errors/errors';
import type { Doel } from './kinds';
import { geadresseerden } from '../obligations/rules/geadresseerden';

export interface AddressPerson {
  id: number;
  voornaam: string;
  roepnaam: string | null;
  tussenvoegsel: string | null;
  achternaam: string;
  geslacht: Geslacht | null;
  geboortedatum: string | null;
  straat: string | null;
  postcode: string | null;
  plaats: string | null;
  leerlingnummer?: string | null;
  personeelsnummer?: string | null;
}

export interface Guardian extends AddressPerson {
  ontvangtPost: boolean;
  gezag: boolean;
  /** The date the adult pupil's consent to a copy for this parent was recorded; null: none. */
  toestemmingAfschriftOp: string | null;
}

export interface Recipient {
  variant: TextVariant;
  /** The person(s) the letter goes to (one letter, one kenmerk). */
  personIds: number[];
  /** Name lines, then street, then "1234 AB  PLAATS" (empty address lines for a note for the file). */
  regels: string[];
  /** The salutation line, null for a note for the file. */
  aanhef: string | null;
  /** Short label for lists ("ouders van Daan Jansen (Tiel)"). */
  label: string;
  /** How the other letters of the same decision name this addressee under "Afschrift aan". */
  afschriftNaam: string;
}

export interface AddressPlan {
  ontvangers: Recipient[];
  /** Lines for "Afschrift aan" that follow from the addressee rules (parents of an adult pupil, with his consent). */
  afschrift: string[];
  waarschuwingen: string[];
}

const clean = (s: string | null | undefined) => (s ?? '').trim();
const roepnaam = (p: AddressPerson) => clean(p.roepnaam) || clean(p.voornaam);

/** "Jan Pieter" → "J.P." */
export function initials(voornaam: string): string {
  return voornaam
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((w) => `${w[0].toLocaleUpperCase('nl-NL')}.`)
    .join('');
}

/** The surname as written after initials or a first name: "de Vries". */
const achternaamKlein = (p: AddressPerson) => [clean(p.tussenvoegsel), clean(p.achternaam)].filter(Boolean).join(' ');

/** The surname on its own, tussenvoegsel capitalised (Dutch spelling): "De Vries". */
export function achternaamZelfstandig(p: Pick<AddressPerson, 'tussenvoegsel' | 'achternaam'>): string {
  const tv = clean(p.tussenvoegsel);
  if (!tv) return clean(p.achternaam);
  return `${tv[0].toLocaleUpperCase('nl-NL')}${tv.slice(1)} ${clean(p.achternaam)}`;
}

export const fullName = (p: AddressPerson) => [roepnaam(p), clean(p.tussenvoegsel), clean(p.achternaam)].filter(Boolean).join(' ');

/** "De heer J.P. de Vries", "Mevrouw A. Bakker", or the full name when the gender is not known. */
export function formalName(p: AddressPerson): string {
  const ini = initials(p.voornaam);
  if (p.geslacht === 'm') return `De heer ${ini} ${achternaamKlein(p)}`;
  if (p.geslacht === 'v') return `Mevrouw ${ini} ${achternaamKlein(p)}`;
  return fullName(p);
}

/** "heer De Vries", "mevrouw Bakker", or "Alex de Vries" (the neutral form). */
function aanspreekvorm(p: AddressPerson): string {
  if (p.geslacht === 'm') return `heer ${achternaamZelfstandig(p)}`;
  if (p.geslacht === 'v') return `mevrouw ${achternaamZelfstandig(p)}`;
  return fullName(p);
}

export const formalSalutation = (p: AddressPerson) => `Geachte ${aanspreekvorm(p)},`;

/** How a sentence names an adult: "de heer De Vries", "mevrouw Bakker", or "Alex de Vries". */
export function inZin(p: AddressPerson): string {
  return p.geslacht === 'm' ? `de ${aanspreekvorm(p)}` : aanspreekvorm(p);
}

/** "4001 AB  TIEL": postcode, two spaces, the place in capitals (PostNL). */
export function postcodeLine(postcode: string, plaats: string): string {
  const pc = postcode.trim().toUpperCase().replace(/^(\d{4})\s*([A-Z]{2})$/, '$1 $2');
  return `${pc}  ${plaats.trim().toLocaleUpperCase('nl-NL')}`;
}

const hasAddress = (p: AddressPerson) => !!(clean(p.straat) && clean(p.postcode) && clean(p.plaats));
const addressLines = (p: AddressPerson) => [clean(p.straat), postcodeLine(clean(p.postcode), clean(p.plaats))];
const addressKey = (p: AddressPerson) => `${clean(p.postcode).replace(/\s/g, '').toUpperCase()}|${clean(p.straat).toLowerCase().replace(/\s+/g, ' ')}`;

/**
 * Whole years on a date. Born on 29 February, a pupil turns a year older on 1 March in a common year:
 * he stays a minor that one day longer, so his legal representatives are not left out.
 */
export function ageOn(geboortedatum: string | null, today: string): number | null {
  if (!geboortedatum) return null;
  return differenceInYears(parseISO(today), parseISO(geboortedatum));
}

function personRecipient(p: AddressPerson, direct: 'formeel' | 'leerling', what: string): Recipient {
  if (!hasAddress(p)) {
    throw new CoreError('REGEL', `Er is geen volledig adres bekend van ${fullName(p)} (${what}). Vul straat, postcode en plaats in bij de persoon.`);
  }
  return {
    variant: 'persoon',
    personIds: [p.id],
    regels: [direct === 'leerling' ? fullName(p) : formalName(p), ...addressLines(p)],
    aanhef: direct === 'leerling' ? `Beste ${roepnaam(p)},` : formalSalutation(p),
    label: `${fullName(p)} (${clean(p.plaats)})`,
    afschriftNaam: fullName(p),
  };
}

/**
 * The pupil's own letter. Without his address it goes to the first parent's address: those parents
 * receive the same decision by law, so nothing is told to them that they do not already hear.
 */
function pupilRecipient(pupil: AddressPerson, ouderBrief: Recipient | undefined, warnings: string[], persoonWoord: string, u: boolean): Recipient {
  const afschriftNaam = `${fullName(pupil)} (${persoonWoord})`;
  // An adult the school addresses with "u": the formal salutation and the "volwassene" texts.
  const vorm = u ? { variant: 'volwassene' as const, aanhef: formalSalutation(pupil) } : {};
  if (hasAddress(pupil) || !ouderBrief) return { ...personRecipient(pupil, 'leerling', persoonWoord), afschriftNaam, ...vorm };
  warnings.push(`Van ${fullName(pupil)} is geen adres bekend; de brief aan ${roepnaam(pupil)} gaat naar het adres van ${ouderBrief.label}.`);
  return { variant: 'persoon', personIds: [pupil.id], regels: [fullName(pupil), ...ouderBrief.regels.slice(-2)], aanhef: `Beste ${roepnaam(pupil)},`, label: `${fullName(pupil)} (p/a ${ouderBrief.label})`, afschriftNaam, ...vorm };
}

/** One letter for the guardians living at one address. */
function guardianRecipient(pupil: AddressPerson, group: Guardian[], address: AddressPerson): Recipient {
  const named = group.length <= 2 && group.every((g) => g.geslacht === 'm' || g.geslacht === 'v');
  let naamRegels: string[];
  let aanhef: string;
  if (named && group.length === 2 && clean(group[0].achternaam) === clean(group[1].achternaam) && clean(group[0].tussenvoegsel) === clean(group[1].tussenvoegsel) && group[0].geslacht !== group[1].geslacht) {
    // "De heer en mevrouw Jansen": one family name, the man named first by Dutch convention.
    naamRegels = [`De heer en mevrouw ${achternaamKlein(group[0])}`];
    aanhef = `Geachte heer en mevrouw ${achternaamZelfstandig(group[0])},`;
  } else if (named) {
    naamRegels = group.map(formalName);
    aanhef = `Geachte ${group.map(aanspreekvorm).join(' en ')},`;
  } else if (group.length === 1) {
    naamRegels = [fullName(group[0])];
    aanhef = formalSalutation(group[0]);
  } else {
    naamRegels = ['Aan de ouder(s)/verzorger(s) van', fullName(pupil)];
    aanhef = `Geachte ouder(s)/verzorger(s) van ${roepnaam(pupil)},`;
  }
  return {
    variant: 'ouders',
    personIds: group.map((g) => g.id),
    regels: [...naamRegels, ...addressLines(address)],
    aanhef,
    label: `${group.map(fullName).join(' en ')} (${clean(address.plaats)})`,
    afschriftNaam: `${group.map(fullName).join(' en ')} (${group.length > 1 ? 'ouders/verzorgers' : 'ouder/verzorger'})`,
  };
}

/** The letters for the pupil's parents/guardians the rule chose: one per address. */
function guardianRecipients(pupil: AddressPerson, post: Guardian[], warnings: string[]): Recipient[] {
  if (post.length === 0) {
    if (!hasAddress(pupil)) {
      throw new CoreError(
        'REGEL',
        `Er is geen ouder/verzorger met gezag van ${fullName(pupil)} gekoppeld die post ontvangt, en ook het adres van de leerling is niet bekend. Koppel een ouder/verzorger met adres of vul het adres van de leerling in.`,
      );
    }
    warnings.push(`Er is geen ouder/verzorger met gezag gekoppeld die post ontvangt; de brief gaat aan “de ouder(s)/verzorger(s) van ${fullName(pupil)}” op het adres van de leerling.`);
    return [
      {
        variant: 'ouders',
        personIds: [],
        regels: ['Aan de ouder(s)/verzorger(s) van', fullName(pupil), ...addressLines(pupil)],
        aanhef: `Geachte ouder(s)/verzorger(s) van ${roepnaam(pupil)},`,
        label: `ouder(s)/verzorger(s) van ${fullName(pupil)}`,
        afschriftNaam: `de ouder(s)/verzorger(s) van ${fullName(pupil)}`,
      },
    ];
  }
  // A guardian without an address is taken to live with the pupil; without that either, refuse.
  const groups = new Map<string, { address: AddressPerson; members: Guardian[] }>();
  for (const g of post) {
    let address: AddressPerson = g;
    if (!hasAddress(g)) {
      if (!hasAddress(pupil)) {
        throw new CoreError('REGEL', `Er is geen adres bekend van ${fullName(g)}, ouder/verzorger van ${fullName(pupil)}. Vul het adres in bij de ouder/verzorger.`);
      }
      warnings.push(`Van ${fullName(g)} is geen adres bekend; de brief gaat naar het adres van ${fullName(pupil)}.`);
      address = pupil;
    }
    const key = addressKey(address);
    const group = groups.get(key) ?? { address, members: [] };
    group.members.push(g);
    groups.set(key, group);
  }
  return [...groups.values()].map((grp) => guardianRecipient(pupil, grp.members, grp.address));
}

/**
 * The addressees of a letter about `person`: for a pupil as the law names them (geadresseerden.ts), by
 * the pupil's age on the letter's date, the day the decision is made known; staff and others:
 * themselves; the file: nobody.
 */
export function planAddressees(args: {
  doel: Doel;
  sector: Sector;
  person: AddressPerson;
  guardians: Guardian[];
  today: string;
  persoonWoord: string;
  /** The school addresses pupils and students of 18 or older with "u" (letters setting). */
  volwassenenU?: boolean;
}): AddressPlan {
  const { doel, sector, person, guardians, today } = args;
  if (doel === 'dossier') {
    const nummer = clean(person.leerlingnummer) ? `leerlingnummer ${clean(person.leerlingnummer)}` : clean(person.personeelsnummer) ? `personeelsnummer ${clean(person.personeelsnummer)}` : null;
    return {
      ontvangers: [
        { variant: 'persoon', personIds: [], regels: ['Dossier van', fullName(person), ...(nummer ? [nummer] : [])], aanhef: null, label: `dossier van ${fullName(person)}`, afschriftNaam: '' },
      ],
      afschrift: [],
      waarschuwingen: [],
    };
  }
  if (doel === 'medewerker') return { ontvangers: [personRecipient(person, 'formeel', 'huisadres van de medewerker')], afschrift: [], waarschuwingen: [] };
  if (doel === 'persoon') return { ontvangers: [personRecipient(person, 'formeel', 'geadresseerde')], afschrift: [], waarschuwingen: [] };

  const regel = geadresseerden({
    sector,
    leeftijd: ageOn(person.geboortedatum, today),
    leerlingNaam: fullName(person),
    ouders: guardians.map((g) => ({ ...g, naam: fullName(g) })),
  });
  const warnings = [...regel.waarschuwingen];
  const ouderBrieven = regel.ouders ? guardianRecipients(person, guardians.filter((g) => regel.ouderIds.includes(g.id)), warnings) : [];
  const leeftijd = ageOn(person.geboortedatum, today);
  const u = !!args.volwassenenU && leeftijd !== null && leeftijd >= 18;
  const ontvangers = regel.leerling ? [pupilRecipient(person, ouderBrieven[0], warnings, args.persoonWoord, u), ...ouderBrieven] : ouderBrieven;
  const afschrift = guardians.filter((g) => regel.afschriftIds.includes(g.id)).map((g) => `${fullName(g)} (ouder/verzorger)`);
  return { ontvangers, afschrift, waarschuwingen: warnings };
}
