// Which roster column means which field: the header names of Dutch school administrations
// (Magister, Somtoday, EduArte, ParnasSys) and of hand-made lists, compared after folding
// ("GEB_DATUM", "Geb. datum" and "gebDatum" are all "gebdatum"). The user can map any column by
// hand; this only makes the first suggestion.
import { fold } from '../../people/names';
import { VELDEN_PER_SOORT } from '@shared/api/imports';
import type { RosterSoort, RosterVeld } from '@shared/api/imports';

/** A header as compared: lower case, no diacritics, letters and digits only. */
export const headerKey = (h: string): string => fold(h).replace(/[^a-z0-9]/g, '');

const COMMON: Partial<Record<RosterVeld, string[]>> = {
  eckId: ['eckid', 'eck', 'leerlingeckid', 'medewerkereckid'],
  voornamen: [
    'voornamen',
    'voornaam',
    'officielevoornamen',
    'leerlingvoornamen',
    'leerlingvoornaam',
    'firstnames',
    'givennames',
    'medewerkervoornamen',
  ],
  roepnaam: ['roepnaam', 'roepnm', 'firstname', 'leerlingroepnaam', 'medewerkerroepnaam', 'roepnaamleerling'],
  voorletters: ['voorletters', 'initialen', 'initials', 'leerlingvoorletters'],
  tussenvoegsel: [
    'tussenvoegsel',
    'tussenvoegsels',
    'tussenvoeg',
    'tussenv',
    'voorvoegsel',
    'voorvoegsels',
    'prefix',
    'tv',
    'leerlingvoorvoegsel',
    'leerlingtussenvoegsel',
    'voorvoegselsgeboortenaam',
    'voorvoegselgeboortenaam',
    'medewerkervoorvoegsel',
  ],
  achternaam: [
    'achternaam',
    'lastname',
    'surname',
    'familienaam',
    'leerlingachternaam',
    'geboortenaam',
    'achternaamleerling',
    'medewerkerachternaam',
  ],
  geslacht: ['geslacht', 'gender', 'sex', 'leerlinggeslacht'],
  geboortedatum: ['geboortedatum', 'gebdatum', 'gebdat', 'geboren', 'birthdate', 'dateofbirth', 'dob', 'leerlinggeboortedatum'],
  email: [
    'email',
    'emailadres',
    'mail',
    'mailadres',
    'leerlingemail',
    'emailleerling',
    'studentemail',
    'emailstudent',
    'medewerkeremail',
    'emailmedewerker',
  ],
  telefoon: ['telefoon', 'telefoonnummer', 'telnr', 'tel', 'mobiel', 'mobielnummer', 'phone', 'leerlingtelefoon', 'leerlingmobiel'],
  straat: ['straat', 'adres', 'straatnaam', 'woonadres', 'leerlingstraat', 'leerlingadres'],
  postcode: ['postcode', 'zipcode', 'leerlingpostcode'],
  plaats: ['plaats', 'woonplaats', 'city', 'leerlingwoonplaats', 'leerlingplaats'],
};

const LEERLING: Partial<Record<RosterVeld, string[]>> = {
  leerlingnummer: [
    'leerlingnummer',
    'leerlingnr',
    'llnr',
    'llnummer',
    'stamnummer',
    'stamnr',
    'nummer',
    'studentnummer',
    'studentnr',
    'deelnemernummer',
    'deelnemernr',
    'leerlingid',
    'studentid',
    'studentnumber',
  ],
  groep: [
    'groep',
    'klas',
    'stamgroep',
    'stamklas',
    'class',
    'klasnaam',
    'basisgroep',
    'leerlingstamgroep',
    'leerlingklas',
    'leerlinggroep',
    'groepnaam',
  ],
  leerjaar: ['leerjaar', 'jaargroep', 'leerlingleerjaar', 'year'],
  opleiding: ['opleiding', 'opleidingsnaam', 'opleidingnaam', 'leerlingopleiding'],
  ingeschrevenOp: ['inschrijfdatum', 'datuminschrijving', 'instroomdatum', 'ingeschrevenop', 'datuminstroom', 'begindatum', 'startdatum'],
  uitgeschrevenOp: ['uitschrijfdatum', 'datumuitschrijving', 'uitstroomdatum', 'uitgeschrevenop', 'datumuitstroom', 'einddatum'],
  ouder1Naam: [
    'naamouder',
    'naamouder1',
    'ouder1naam',
    'oudernaam',
    'naamverzorger',
    'naamverzorger1',
    'verzorgernaam',
    'verzorger1naam',
    'naameersteverzorger',
    'eersteverzorger',
    'naamouderverzorger',
    'naamouderverzorger1',
    'parentname',
    'parent1name',
  ],
  ouder1Email: [
    'emailouder',
    'emailouder1',
    'ouderemail',
    'ouder1email',
    'emailverzorger',
    'emailverzorger1',
    'verzorgeremail',
    'verzorger1email',
    'emaileersteverzorger',
    'emailadreseersteverzorger',
    'emailouderverzorger',
    'emailouderverzorger1',
    'parentemail',
    'parent1email',
    'emailparent',
    'emailadresouder',
    'emailadresverzorger',
  ],
  ouder1Telefoon: [
    'telefoonouder',
    'telefoonouder1',
    'ouder1telefoon',
    'telefoonverzorger',
    'verzorgertelefoon',
    'verzorger1telefoon',
    'telefooneersteverzorger',
    'telefoonnummereersteverzorger',
    'parentphone',
    'mobielouder',
  ],
  ouder2Naam: [
    'naamouder2',
    'ouder2naam',
    'naamverzorger2',
    'verzorger2naam',
    'naamtweedeverzorger',
    'tweedeverzorger',
    'naamouderverzorger2',
    'parent2name',
  ],
  ouder2Email: [
    'emailouder2',
    'ouder2email',
    'emailverzorger2',
    'verzorger2email',
    'emailtweedeverzorger',
    'emailadrestweedeverzorger',
    'emailouderverzorger2',
    'parent2email',
  ],
  ouder2Telefoon: [
    'telefoonouder2',
    'ouder2telefoon',
    'telefoonverzorger2',
    'verzorger2telefoon',
    'telefoontweedeverzorger',
    'telefoonnummertweedeverzorger',
  ],
};

const MEDEWERKER: Partial<Record<RosterVeld, string[]>> = {
  personeelsnummer: [
    'personeelsnummer',
    'personeelsnr',
    'persnr',
    'afkorting',
    'medewerkercode',
    'docentcode',
    'code',
    'nummer',
    'employeeid',
    'medewerkernummer',
  ],
  functie: ['functie', 'functienaam', 'rol', 'job', 'jobtitle', 'medewerkerfunctie'],
  organisatie: ['organisatieenheid', 'organisatie', 'afdeling', 'team', 'sector'],
  ingeschrevenOp: ['datumindienst', 'indienst', 'indienstdatum', 'startdatum', 'begindatum', 'ingeschrevenop'],
  uitgeschrevenOp: ['datumuitdienst', 'uitdienst', 'uitdienstdatum', 'einddatum', 'uitgeschrevenop'],
};

const SYNONYMS: Record<RosterSoort, Map<string, RosterVeld>> = {
  leerlingen: index({ ...COMMON, ...LEERLING }),
  medewerkers: index({ ...COMMON, ...MEDEWERKER }),
};

function index(table: Partial<Record<RosterVeld, string[]>>): Map<string, RosterVeld> {
  const m = new Map<string, RosterVeld>();
  for (const [veld, names] of Object.entries(table) as [RosterVeld, string[]][]) for (const n of names) m.set(n, veld);
  return m;
}

/** The field a header suggests for this kind of list, or null. */
export const fieldForHeader = (header: string, soort: RosterSoort): RosterVeld | null => SYNONYMS[soort].get(headerKey(header)) ?? null;

/** The suggested mapping: each recognised field once, to the first column that carries it. */
export function autoMapping(headers: string[], soort: RosterSoort): (RosterVeld | null)[] {
  const used = new Set<RosterVeld>();
  return headers.map((h) => {
    const v = fieldForHeader(h, soort);
    if (!v || used.has(v)) return null;
    used.add(v);
    return v;
  });
}

/** How many headers are recognised for each kind, to guess the kind of list. */
export function guessSoort(headers: string[]): RosterSoort {
  const keys = headers.map(headerKey);
  const staffOnly = [
    'personeelsnummer',
    'personeelsnr',
    'afkorting',
    'medewerkercode',
    'docentcode',
    'functie',
    'datumindienst',
    'indienst',
    'organisatieenheid',
  ];
  const pupilOnly = [...(LEERLING.leerlingnummer ?? []).filter((k) => k !== 'nummer'), 'groep', 'klas', 'stamgroep', 'leerjaar'];
  const staff = keys.filter((k) => staffOnly.includes(k) || k.startsWith('medewerker')).length;
  const pupil = keys.filter(
    (k) => pupilOnly.includes(k) || k.startsWith('leerling') || k.includes('verzorger') || k.includes('ouder'),
  ).length;
  return staff > pupil ? 'medewerkers' : 'leerlingen';
}

/** A name for a new source, from the header style of the big administrations. */
export function guessBronNaam(headers: string[]): string {
  const keys = new Set(headers.map(headerKey));
  const raw = headers.join(' ');
  if (keys.has('stamnr') || keys.has('tussenvoeg') || keys.has('gebdatum')) return 'Magister';
  if (/\bleerling[A-Z]/.test(raw) || [...keys].some((k) => k.startsWith('verzorger') && k.endsWith('email'))) return 'Somtoday';
  if (keys.has('naameersteverzorger') || (keys.has('afkorting') && keys.has('geboortenaam')) || keys.has('voorvoegselsgeboortenaam'))
    return 'EduArte';
  return 'Eigen lijst';
}

/** The key fields a mapping needs: without one of them no row can be matched safely. */
export const KEY_FIELDS: Record<RosterSoort, RosterVeld[]> = {
  leerlingen: ['leerlingnummer', 'eckId'],
  medewerkers: ['personeelsnummer', 'eckId', 'email'],
};

export const allowedFields = (soort: RosterSoort) => VELDEN_PER_SOORT[soort];
