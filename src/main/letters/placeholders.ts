// The named placeholders ({leerling.naam}, {schorsing.einddatum}, …) the fixed letter texts may use,
// grouped by what a letter kind knows, and the one substitution routine. A text with an unknown
// placeholder is refused when it is saved; a letter whose placeholder has no value fails loudly.
import { CoreError } from '../errors/errors';
import type { LetterKind, PlaceholderInfo } from '@shared/api/letters';

export type PlaceholderGroup =
  | 'algemeen'
  | 'leerling'
  | 'medewerker'
  | 'persoon'
  | 'melding'
  | 'maatregel'
  | 'schorsing'
  | 'horen'
  | 'bezwaar'
  | 'gesprek'
  | 'zienswijze'
  | 'verwijdering'
  | 'stappen'
  | 'toegangsverbod'
  | 'externemelding';

interface Def {
  uitleg: string;
  blok?: boolean;
}

export const PLACEHOLDERS: Record<PlaceholderGroup, Record<string, Def>> = {
  algemeen: {
    'school.naam': { uitleg: 'Naam van de school' },
    'school.plaats': { uitleg: 'Plaats van de school' },
    'school.adres': { uitleg: 'Adres van de school op één regel' },
    'school.telefoon': { uitleg: 'Telefoonnummer van de school' },
    'school.email': { uitleg: 'E-mailadres van de school' },
    'school.bevoegdgezag': { uitleg: 'Naam van het bevoegd gezag (schoolbestuur)' },
    'ondertekenaar.naam': { uitleg: 'Naam van de ondertekenaar' },
    'ondertekenaar.functie': { uitleg: 'Functie van de ondertekenaar' },
    'brief.datum': { uitleg: 'Datum van de brief, voluit' },
  },
  leerling: {
    'leerling.naam': { uitleg: 'Roepnaam en achternaam van de leerling' },
    'leerling.roepnaam': { uitleg: 'Roepnaam van de leerling' },
    'leerling.voornaam': { uitleg: 'Officiële voornaam van de leerling' },
    'leerling.achternaam': { uitleg: 'Achternaam met tussenvoegsel, zonder voornaam geschreven: "Van den Berg"' },
    'leerling.groep': { uitleg: 'Groep of klas, bijvoorbeeld "klas 3B"' },
    'leerling.uwkind': { uitleg: '"uw zoon", "uw dochter" of "uw kind"' },
    'leerling.hem': { uitleg: '"hem" of "haar" (naar het vastgelegde geslacht), anders de roepnaam' },
    'leerling.hij': { uitleg: '"hij" of "zij" (naar het vastgelegde geslacht), anders de roepnaam' },
    'leerling.zijn': { uitleg: `"zijn" of "haar" (naar het vastgelegde geslacht), anders de bezitsvorm van de roepnaam, zoals "Daans" of "Anna's"` },
    'sector.leerling': { uitleg: '"leerling" of (mbo) "student"' },
  },
  medewerker: {
    'medewerker.naam': { uitleg: 'Naam van de medewerker' },
    'medewerker.achternaam': { uitleg: 'Achternaam met tussenvoegsel' },
    'medewerker.functie': { uitleg: 'Functie van de medewerker' },
  },
  persoon: {
    'persoon.naam': { uitleg: 'Naam van de persoon over wie de brief gaat' },
  },
  melding: {
    'melding.nummer': { uitleg: 'Nummer van de melding' },
    'melding.datum': { uitleg: 'Datum van het voorval, voluit' },
    'melding.omschrijving': { uitleg: 'Feitelijke beschrijving van wat er gebeurde' },
    'melding.platform': { uitleg: 'Het platform, bijvoorbeeld "Instagram"' },
    'melding.categorie': { uitleg: 'De categorie, bijvoorbeeld "Bedreiging"' },
    'protocol.titel': { uitleg: 'Titel en versie van het protocol' },
    regels: { uitleg: 'De overtreden regels met nummer en tekst (op een eigen regel)', blok: true },
    'regels.woord': { uitleg: '"regel" of "regels", naar het aantal overtreden regels' },
  },
  maatregel: {
    'maatregel.soort': { uitleg: 'De maatregel, bijvoorbeeld "inname telefoon"' },
    'maatregel.besluitdatum': { uitleg: 'Datum van het besluit, voluit' },
    'maatregel.toelichting': { uitleg: 'De toelichting bij de maatregel' },
    'maatregel.periode': { uitleg: 'Wanneer de maatregel geldt, bijvoorbeeld "van 23 november 2026 tot en met 27 november 2026"' },
  },
  schorsing: {
    'schorsing.startdatum': { uitleg: 'Eerste dag van de schorsing, voluit' },
    'schorsing.einddatum': { uitleg: 'Laatste dag van de schorsing, voluit' },
    'schorsing.periode': { uitleg: '"op maandag 7 december 2026" (één dag) of "van … tot en met …"' },
    'schorsing.duur': { uitleg: 'Duur, bijvoorbeeld "drie schooldagen"' },
    'schorsing.vorm': { uitleg: '"interne" of "externe"' },
    'schorsing.schoolwerk': { uitleg: 'De afspraken over het schoolwerk tijdens de schorsing' },
  },
  horen: {
    hoorgesprekken: { uitleg: 'Wie wanneer is gehoord (op een eigen regel)', blok: true },
  },
  bezwaar: {
    'bezwaar.termijn': { uitleg: 'Bezwaartermijn, "zes weken"' },
    'bezwaar.adres': { uitleg: 'Naam en adres waar het bezwaar heen gaat' },
    'bezwaar.uiterlijk': { uitleg: 'Laatste dag voor bezwaar: zes weken na de datum van de brief (Awb art. 6:7 en 6:8), met weekdag' },
  },
  gesprek: {
    'gesprek.datum': { uitleg: 'Datum van het gesprek, met weekdag' },
    'gesprek.tijd': { uitleg: 'Tijd van het gesprek' },
    'gesprek.plaats': { uitleg: 'Waar het gesprek is' },
    'gesprek.metwie': { uitleg: 'Met wie het gesprek is' },
  },
  zienswijze: {
    'zienswijze.termijn': { uitleg: 'Termijn voor de zienswijze volgens de cao, "drie weken"' },
    'zienswijze.uiterlijk': { uitleg: 'Laatste dag voor de zienswijze, met weekdag (weekend en feestdagen tellen door)' },
    'zienswijze.datum': { uitleg: 'Wanneer de medewerker zijn zienswijze gaf (het vastgelegde hoorgesprek)' },
    'zienswijze.verslag': { uitleg: 'Wat bij dat hoorgesprek is vastgelegd' },
    'zienswijze.reactie': { uitleg: 'Uw reactie op de zienswijze: de toelichting bij de maatregel' },
    'voornemen.kenmerk': { uitleg: 'Kenmerk van de definitieve brief over het voornemen' },
    'voornemen.datum': { uitleg: 'Datum van de definitieve brief over het voornemen' },
    'cao.naam': { uitleg: 'De cao van de sector, bijvoorbeeld "de cao po"' },
    'beroep.termijn': { uitleg: 'Termijn voor beroep, "zes weken"' },
    'beroep.commissie': { uitleg: 'De commissie van beroep van de cao, bijvoorbeeld "de Commissie van beroep funderend onderwijs"' },
    'beroep.grondslag': { uitleg: 'Het cao-artikel over het beroep, bijvoorbeeld "artikel 12.1 van de cao po"' },
    'beroep.adres': { uitleg: 'Waar het beroep heen gaat (adres van Onderwijsgeschillen)' },
  },
  verwijdering: {
    'verwijdering.datum': { uitleg: 'Datum waarop de verwijdering ingaat' },
    'verwijdering.beoogd': { uitleg: 'Datum waarop het bevoegd gezag wil beslissen (beoogde besluitdatum)' },
    'horen.uiterlijk': { uitleg: 'Laatste dag om gehoord te worden of te reageren, vóór de beoogde besluitdatum' },
    'horen.partijen': { uitleg: 'Wie er over het voornemen wordt gehoord, bijvoorbeeld "Daan, de ouders/verzorgers en de betrokken leraar"' },
    'andereschool.naam': { uitleg: 'De school die de leerling toelaat (als die is vastgelegd)' },
  },
  stappen: {
    'inspectie.gemeldop': { uitleg: 'Datum waarop de Inspectie is geïnformeerd (alleen als dat is vastgelegd)' },
    'leerplicht.gemeldop': { uitleg: 'Datum waarop de leerplichtambtenaar is geïnformeerd (alleen als dat is vastgelegd)' },
    'overleg.datum': { uitleg: 'Datum van het overleg met de Inspectie over de verwijdering (alleen als dat is vastgelegd)' },
  },
  toegangsverbod: {
    'toegangsverbod.periode': { uitleg: 'Looptijd, bijvoorbeeld "van 1 december 2026 tot en met 31 januari 2027"' },
  },
  externemelding: {
    'externemelding.instantie': { uitleg: 'Bij wie gemeld is' },
    'externemelding.soort': { uitleg: '"consultatie", "melding" of "aangifte"' },
    'externemelding.datum': { uitleg: 'Datum van de melding aan de instantie, voluit' },
    'externemelding.tijd': { uitleg: 'Tijd van de melding aan de instantie' },
    'externemelding.door': { uitleg: 'Wie de melding aan de instantie deed' },
    'externemelding.kenmerk': { uitleg: 'Registratie- of proces-verbaalnummer' },
    'externemelding.eenheid': { uitleg: 'Politie-eenheid of bureau' },
    'externemelding.contactpersoon': { uitleg: 'Contactpersoon bij de instantie' },
    'externemelding.toelichting': { uitleg: 'Toelichting bij de melding aan de instantie' },
    'externemelding.schooladres': { uitleg: 'Of het adres van de school is gebruikt ("ja" of "nee")' },
  },
};

/** Finds every {…} in a text. The name part is deliberately loose so typos are caught, not ignored. */
const TOKEN = /\{([^{}\n]*)\}/g;

export function availablePlaceholders(groups: readonly PlaceholderGroup[]): PlaceholderInfo[] {
  return groups.flatMap((g) => Object.entries(PLACEHOLDERS[g]).map(([naam, d]) => ({ naam, uitleg: d.uitleg, blok: !!d.blok })));
}

/**
 * Checks a text a school wants to save: every placeholder must exist for this kind, a list
 * placeholder must stand on its own line, and braces must be balanced. Throws VALIDATIE naming the
 * first problem, with the field path of the section.
 */
export function validateTemplate(tekst: string, allowed: readonly PlaceholderInfo[], field: string, sectieLabel: string, kindLabel: string): void {
  const byName = new Map(allowed.map((p) => [p.naam, p]));
  for (const m of tekst.matchAll(TOKEN)) {
    const naam = m[1].trim();
    const p = byName.get(naam);
    if (!p) {
      throw new CoreError(
        'VALIDATIE',
        `Onbekende invoegcode {${m[1]}} in “${sectieLabel}”: die bestaat niet voor de brief “${kindLabel}”. Kies een code uit de lijst naast de tekst.`,
        field,
        { [field]: `Onbekende invoegcode {${m[1]}}.` },
      );
    }
    if (p.blok) {
      const lineText = lineAround(tekst, m.index ?? 0);
      if (lineText.trim() !== m[0]) {
        throw new CoreError('VALIDATIE', `De invoegcode {${naam}} in “${sectieLabel}” is een opsomming en moet op een eigen regel staan.`, field, {
          [field]: `Zet {${naam}} op een eigen regel.`,
        });
      }
    }
  }
  const stripped = tekst.replace(TOKEN, '');
  if (/[{}]/.test(stripped)) {
    throw new CoreError('VALIDATIE', `In “${sectieLabel}” staat een losse accolade { of }. Een invoegcode staat tussen accolades, zoals {leerling.naam}.`, field, {
      [field]: 'Losse accolade.',
    });
  }
}

function lineAround(s: string, index: number): string {
  const start = s.lastIndexOf('\n', index) + 1;
  const end = s.indexOf('\n', index);
  return s.slice(start, end === -1 ? s.length : end);
}

/** The value of a placeholder: text, a list (block placeholders), or null when the data is missing. */
export type PlaceholderValue = string | string[] | null;

/** What to tell the school leader to fill in when a placeholder has no value. */
export type MissingHint = Record<string, string>;

/**
 * Fills one line of a template. Values are substituted in a single pass, so a value that itself
 * contains braces is never read as a placeholder. Fails loudly on an unknown name or a missing value.
 */
export function fillLine(line: string, values: Record<string, PlaceholderValue>, missing: MissingHint, kindLabel: string): string {
  return line.replace(TOKEN, (_all, raw: string) => {
    const naam = raw.trim();
    if (!(naam in values)) {
      throw new CoreError('REGEL', `De tekst van de brief “${kindLabel}” bevat de onbekende invoegcode {${raw}}. Pas de tekst aan bij Instellingen → Brieven.`);
    }
    const v = values[naam];
    if (v === null || (typeof v === 'string' && v.trim() === '')) throw missingError(naam, missing, kindLabel);
    if (Array.isArray(v)) throw new CoreError('REGEL', `De invoegcode {${naam}} is een opsomming en moet op een eigen regel staan (Instellingen → Brieven).`);
    return v;
  });
}

export function missingError(naam: string, missing: MissingHint, kindLabel: string): CoreError {
  const hint = missing[naam] ?? `Vul de gegevens voor {${naam}} aan.`;
  return new CoreError('REGEL', `De brief “${kindLabel}” kan nog niet worden gemaakt: ${hint}`);
}

const ALL_NAMES = new Set(Object.values(PLACEHOLDERS).flatMap((g) => Object.keys(g)));

/**
 * True when a rendered text still holds one of our placeholders. Templates are checked token by
 * token while they are filled (any "{…}" there fails); this last guard looks only for our own names,
 * so a pupil's post quoted in a description ("{lol}") cannot block a letter.
 */
export const looksLikePlaceholder = (s: string): boolean => [...s.matchAll(/\{\s*([^{}\n]+?)\s*\}/g)].some((m) => ALL_NAMES.has(m[1]));

export type { LetterKind };
