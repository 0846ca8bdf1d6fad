// The value of every placeholder a letter can use, read from the facts, and the Dutch hint for each
// one that can be missing.
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import { nl } from 'date-fns/locale/nl';
import type { Parsed } from '@shared/api';
import { CATEGORIE, MAATREGEL, PLATFORM, INSTANTIE, MELDING_SOORT, SECTOR_WOORDEN } from '@shared/domain';
import { dutchLongDate } from '@shared/dates';
import type { LetterFacts, HearingFact } from './facts';
import { fullName, achternaamZelfstandig } from './addressees';
import type { PlaceholderValue, MissingHint } from './placeholders';
import { notices } from './steps';
import { dayBefore, termijnEinde } from '../calendar/terms';
import { minderjarigOp } from '../obligations/rules/types';

const NUMBER_WORDS = [
  'nul',
  'één',
  'twee',
  'drie',
  'vier',
  'vijf',
  'zes',
  'zeven',
  'acht',
  'negen',
  'tien',
  'elf',
  'twaalf',
  'dertien',
  'veertien',
  'vijftien',
  'zestien',
  'zeventien',
  'achttien',
  'negentien',
  'twintig',
];
const countWord = (n: number) => (n >= 0 && n < NUMBER_WORDS.length ? NUMBER_WORDS[n] : String(n));

const longDate = (iso: string | null | undefined) => (iso ? dutchLongDate(iso) : null);
/** "donderdag 26 november 2026" */
export const weekdayDate = (iso: string) => format(parseISO(iso), 'EEEE d MMMM yyyy', { locale: nl });
/** Dutch writes times with a full stop: 15.30 */
export const dutchTime = (t: string | null | undefined) => (t ? t.replace(':', '.') : null);
export const nonEmpty = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

function period(start: string | null, end: string | null, open: string): string | null {
  if (!start) return null;
  if (end === start) return `op ${weekdayDate(start)}`;
  return end ? `van ${dutchLongDate(start)} tot en met ${dutchLongDate(end)}` : `met ingang van ${dutchLongDate(start)} ${open}`;
}

/** Who a hearing was with when no person is linked: "de ouder(s)/verzorger(s)", "de leraar". */
const HEARD_UNNAMED: Record<HearingFact['gehoord'], string> = {
  leerling: 'de leerling',
  ouders: 'de ouder(s)/verzorger(s)',
  docent: 'de leraar',
  medewerker: 'u',
};

/** One sentence per hearing, as recorded: heard, invitation refused, or no reaction. */
function hearingLines(h: HearingFact[], roepnaam: string): string[] {
  return h.map((x) => {
    // A staff letter is written to the staff member himself.
    const wie = x.gehoord === 'medewerker' ? 'u' : (x.aanspreek ?? (x.gehoord === 'leerling' ? roepnaam : HEARD_UNNAMED[x.gehoord]));
    const wanneer = `${weekdayDate(x.datum)}${x.tijd ? ` om ${dutchTime(x.tijd)} uur` : ''}`;
    const rol = x.aanspreek && x.gehoord === 'docent' ? ' (leraar)' : '';
    if (x.uitkomst === 'geweigerd') return `${capitalise(wie)}${rol} heeft onze uitnodiging voor een gesprek op ${wanneer} afgeslagen.`;
    if (x.uitkomst === 'geen_reactie')
      return `Op onze uitnodiging aan ${wie}${rol} voor een gesprek op ${wanneer} hebben wij geen reactie gekregen.`;
    return `Op ${wanneer} hebben wij ${wie}${rol} gehoord.`;
  });
}

/** Dutch possessive of a name: "Daans", "Anna's", "Kees'". */
const bezitsvorm = (n: string) => (/[sxz]$/i.test(n) ? `${n}'` : /[aiouy]$/i.test(n) ? `${n}'s` : `${n}s`);

const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase('nl-NL') + s.slice(1);

/** Who is heard about an intended expulsion: the hearing steps of the voornemen, or (none recorded yet) the same rule. */
function hoorPartijen(f: LetterFacts, roepnaam: string): string | null {
  const sleutels = f.steps.filter((x) => x.regel === 'verwijdering.horen' && x.status !== 'nvt').map((x) => x.sleutel);
  const wie = sleutels.length ? sleutels : ['leerling', ...(isMinor(f) ? ['ouders'] : []), ...(f.sector !== 'MBO' ? ['docent'] : [])];
  const leraar = f.sector === 'PO' || f.sector === 'SO' ? 'de groepsleraar' : 'de betrokken leraar of leraren';
  const namen = wie.map((x) => (x === 'leerling' ? roepnaam : x === 'ouders' ? 'de ouders/verzorgers' : leraar));
  return namen.length > 1 ? `${namen.slice(0, -1).join(', ')} en ${namen[namen.length - 1]}` : (namen[0] ?? null);
}

function isMinor(f: LetterFacts): boolean {
  const op = f.measure?.beoogdBesluit ?? f.measure?.besluitDatum ?? f.today;
  return minderjarigOp(f.subject.geboortedatum, op) !== false;
}

/** The last day to be heard or respond before the intended decision: the hearing steps' date, else the day before it. */
function horenUiterlijk(f: LetterFacts): string | null {
  const step = f.steps.find((x) => x.regel === 'verwijdering.horen' && x.uiterlijk);
  if (step?.uiterlijk) return step.uiterlijk;
  return f.measure?.beoogdBesluit ? dayBefore(f.measure.beoogdBesluit) : null;
}

export function schoolAddressLine(f: LetterFacts): string | null {
  const s = f.school;
  if (!s.straat || !s.postcode || !s.plaats) return null;
  return `${s.straat}, ${s.postcode} ${s.plaats}`;
}

function bezwaarAdres(f: LetterFacts): string | null {
  if (nonEmpty(f.settings.bezwaarAdres)) return f.settings.bezwaarAdres!.trim();
  const adres = schoolAddressLine(f);
  if (!adres) return null;
  return `het bevoegd gezag van ${f.school.naam}${f.school.bevoegdGezag ? ` (${f.school.bevoegdGezag})` : ''}, ${adres}`;
}

/** Every placeholder value for this letter, and what to say when one is missing. */
export function placeholderValues(
  f: LetterFacts,
  req: Parsed<'letters.preview'>,
): { values: Record<string, PlaceholderValue>; missing: MissingHint } {
  const w = SECTOR_WOORDEN[f.sector];
  const p = f.subject;
  const m = f.measure;
  const i = f.incident;
  const r = f.report;
  const s = f.school;
  const roep = p.roepnaam || p.voornaam;
  const meld = notices(f);
  const groep = p.groep ? `${w.groep} ${p.groep}` : f.sector === 'MBO' && p.opleiding ? p.opleiding : null;
  const values: Record<string, PlaceholderValue> = {
    'school.naam': s.naam,
    'school.plaats': s.plaats,
    'school.adres': schoolAddressLine(f),
    'school.telefoon': s.telefoon,
    'school.email': s.email,
    'school.bevoegdgezag': s.bevoegdGezag ?? s.naam,
    'ondertekenaar.naam': s.ondertekenaarNaam,
    'ondertekenaar.functie': s.ondertekenaarFunctie,
    'brief.datum': dutchLongDate(f.today),
    'leerling.naam': fullName(p),
    'leerling.roepnaam': p.roepnaam || p.voornaam,
    'leerling.voornaam': p.voornaam,
    // Standing on its own, the tussenvoegsel takes a capital: "Van den Berg".
    'leerling.achternaam': achternaamZelfstandig(p),
    'leerling.groep': groep,
    'leerling.uwkind': p.geslacht === 'm' ? 'uw zoon' : p.geslacht === 'v' ? 'uw dochter' : 'uw kind',
    // The recorded gender gives the pronoun; without one the pupil's own name instead of a double pronoun.
    'leerling.hem': p.geslacht === 'm' ? 'hem' : p.geslacht === 'v' ? 'haar' : roep,
    'leerling.hij': p.geslacht === 'm' ? 'hij' : p.geslacht === 'v' ? 'zij' : roep,
    'leerling.zijn': p.geslacht === 'm' ? 'zijn' : p.geslacht === 'v' ? 'haar' : bezitsvorm(roep),
    'sector.leerling': w.persoon,
    'medewerker.naam': fullName(p),
    'medewerker.achternaam': achternaamZelfstandig(p),
    'medewerker.functie': p.functie,
    'persoon.naam': fullName(p),
    'melding.nummer': i?.nummer ?? null,
    'melding.datum': longDate(i?.datumVoorval),
    'melding.omschrijving': nonEmpty(f.feiten?.tekst),
    'melding.platform': i ? (i.platform === 'overig' && i.platformAnders ? i.platformAnders : PLATFORM.labels[i.platform].nl) : null,
    'melding.categorie': i ? ((CATEGORIE.labels as Record<string, { nl: string }>)[i.categorie]?.nl ?? i.categorie) : null,
    'protocol.titel': f.protocolTitel,
    regels: i ? i.regels.map((x) => `${x.volledigNummer}\u0009${x.tekst}`) : null,
    'regels.woord': i ? (i.regels.length === 1 ? 'regel' : 'regels') : null,
    'maatregel.soort': m ? MAATREGEL.labels[m.soort].nl.toLocaleLowerCase('nl-NL') : null,
    'maatregel.besluitdatum': longDate(m?.besluitDatum),
    'maatregel.toelichting': nonEmpty(m?.toelichting),
    'maatregel.periode': m ? period(m.startdatum, m.einddatum, 'tot nader bericht') : null,
    'schorsing.startdatum': weekdayOrNull(m?.startdatum),
    'schorsing.einddatum': weekdayOrNull(m?.einddatum),
    'schorsing.periode':
      m?.startdatum && m.einddatum
        ? m.startdatum === m.einddatum
          ? `op ${weekdayDate(m.startdatum)}`
          : `van ${weekdayDate(m.startdatum)} tot en met ${weekdayDate(m.einddatum)}`
        : null,
    'schorsing.duur': f.schorsingDagen ? `${countWord(f.schorsingDagen)} schooldag${f.schorsingDagen === 1 ? '' : 'en'}` : null,
    'schorsing.vorm': m?.vorm === 'intern' ? 'interne' : m?.vorm === 'extern' ? 'externe' : null,
    'schorsing.schoolwerk': nonEmpty(m?.afsprakenSchoolwerk),
    hoorgesprekken: hearingLines(f.hearings, roep),
    'inspectie.gemeldop': meld.inspectie && meld.inspectie !== 'open' ? dutchLongDate(meld.inspectie.gedaanOp) : null,
    'leerplicht.gemeldop': meld.leerplicht && meld.leerplicht !== 'open' ? dutchLongDate(meld.leerplicht.gedaanOp) : null,
    'overleg.datum': longDate(f.overlegInspectieOp),
    'horen.partijen': hoorPartijen(f, roep),
    'horen.uiterlijk': weekdayOrNull(horenUiterlijk(f)),
    'verwijdering.beoogd': longDate(m?.beoogdBesluit),
    'andereschool.naam': f.ontvangendeSchool?.school ?? null,
    'bezwaar.uiterlijk': weekdayDate(termijnEinde(f.today, 6)),
    'bezwaar.termijn': 'zes weken',
    'bezwaar.adres': bezwaarAdres(f),
    'gesprek.datum': req.afspraak ? weekdayDate(req.afspraak.datum) : null,
    'gesprek.tijd': dutchTime(req.afspraak?.tijd),
    'gesprek.plaats': nonEmpty(req.afspraak?.plaats) ?? (schoolAddressLine(f) ? `${s.naam}, ${schoolAddressLine(f)}` : null),
    'gesprek.metwie':
      nonEmpty(req.afspraak?.metWie) ??
      (s.ondertekenaarNaam ? [s.ondertekenaarNaam, s.ondertekenaarFunctie].filter(Boolean).join(', ') : null),
    'verwijdering.datum': longDate(m?.startdatum ?? m?.besluitDatum),
    'toegangsverbod.periode': m ? period(m.startdatum ?? m.besluitDatum, m.einddatum, 'tot nader bericht') : null,
    'externemelding.instantie': r ? INSTANTIE.labels[r.instantie].nl : null,
    'externemelding.soort': r ? MELDING_SOORT.labels[r.soort].nl.toLocaleLowerCase('nl-NL') : null,
    'externemelding.datum': longDate(r?.datum),
    'externemelding.tijd': r?.tijd ? `${dutchTime(r.tijd)} uur` : 'niet vastgelegd',
    'externemelding.door': nonEmpty(r?.door) ?? 'niet vastgelegd',
    'externemelding.kenmerk': nonEmpty(r?.kenmerk) ?? 'niet vastgelegd',
    'externemelding.eenheid': nonEmpty(r?.politieEenheid) ?? 'niet vastgelegd',
    'externemelding.contactpersoon': nonEmpty(r?.contactpersoon) ?? 'niet vastgelegd',
    'externemelding.toelichting': nonEmpty(r?.toelichting) ?? 'Niet vastgelegd.',
    'externemelding.schooladres': r?.schooladresGebruikt === true ? 'ja' : r?.schooladresGebruikt === false ? 'nee' : 'niet vastgelegd',
  };
  const bijMaatregel = 'Vul dit aan bij de maatregel.';
  const missing: MissingHint = {
    'school.plaats': 'de plaats van de school ontbreekt. Vul die in bij Instellingen → School.',
    'school.adres': 'het adres van de school is niet volledig. Vul het in bij Instellingen → School.',
    'school.telefoon': 'het telefoonnummer van de school ontbreekt. Vul het in bij Instellingen → School.',
    'school.email': 'het e-mailadres van de school ontbreekt. Vul het in bij Instellingen → School.',
    'ondertekenaar.naam': 'de naam van de ondertekenaar ontbreekt. Vul die in bij Instellingen → School.',
    'ondertekenaar.functie': 'de functie van de ondertekenaar ontbreekt. Vul die in bij Instellingen → School.',
    'leerling.groep': `de ${w.groep} van ${fullName(p)} is niet ingevuld. Vul die in bij de persoon.`,
    'medewerker.functie': `de functie van ${fullName(p)} is niet ingevuld. Vul die in bij de persoon.`,
    'melding.omschrijving': 'de melding heeft geen beschrijving van wat er gebeurde.',
    'protocol.titel': 'bij de melding is geen protocolversie vastgelegd.',
    regels: `bij melding ${i?.nummer ?? ''} is niet vastgelegd welke regels van het protocol zijn overtreden. Vul dat aan bij de melding.`,
    'maatregel.toelichting': `de maatregel heeft geen toelichting. ${bijMaatregel}`,
    'horen.uiterlijk': `de beoogde datum van het besluit ontbreekt. ${bijMaatregel}`,
    'verwijdering.beoogd': `de beoogde datum van het besluit ontbreekt. ${bijMaatregel}`,
    'maatregel.periode': `de begindatum van de maatregel ontbreekt. ${bijMaatregel}`,
    'schorsing.startdatum': `de eerste dag van de schorsing ontbreekt. ${bijMaatregel}`,
    'schorsing.einddatum': `de laatste dag van de schorsing ontbreekt. ${bijMaatregel}`,
    'schorsing.periode': `de begin- of einddatum van de schorsing ontbreekt. ${bijMaatregel}`,
    'schorsing.duur': `de duur van de schorsing is niet bekend. Vul de begin- en einddatum in bij de maatregel.`,
    'schorsing.vorm': `kies bij de maatregel of de schorsing intern of extern is.`,
    'schorsing.schoolwerk': `de afspraken over het schoolwerk tijdens de schorsing ontbreken. ${bijMaatregel}`,
    hoorgesprekken: 'er is nog niet vastgelegd wie er is gehoord en wanneer. Leg de hoorgesprekken vast bij de maatregel.',
    'bezwaar.adres':
      'het is niet bekend waar bezwaar kan worden gemaakt. Vul het adres van de school in (Instellingen → School) of het bezwaaradres (Instellingen → Brieven).',
    'gesprek.datum': 'vul de datum en de tijd van het gesprek in.',
    'gesprek.tijd': 'vul de datum en de tijd van het gesprek in.',
  };
  return { values, missing };
}

function weekdayOrNull(iso: string | null | undefined): string | null {
  return iso ? weekdayDate(iso) : null;
}
