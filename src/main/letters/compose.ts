// Composes the letter model(s) from the facts and the texts in force: one letter per addressee, each
// with its letterhead, address block, date line, subject, salutation, the kind's sections whose
// condition holds (placeholders filled), closing, signatory, attachments and copies.
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import { nl } from 'date-fns/locale/nl';
import type { DB } from '../db/open';
import { CoreError, fieldError } from '../core/errors';
import type { Parsed } from '../../shared/api';
import type { LetterBlock, LetterModel, TextVariant } from '../../shared/api/letters';
import { CATEGORIE, MAATREGEL, PLATFORM, INSTANTIE, MELDING_SOORT, SECTOR_WOORDEN } from '../../shared/domain';
import { dutchLongDate } from '../../shared/dates';
import type { Condition } from './kinds';
import type { LetterFacts, HearingFact } from './facts';
import { planAddressees, fullName, achternaamZelfstandig } from './addressees';
import type { Recipient } from './addressees';
import { fillLine, missingError } from './placeholders';
import type { PlaceholderValue, MissingHint } from './placeholders';
import { textsInForce } from './texts';
import { logoSizeMm } from './logo';
import { termijnEinde } from '../obligations/terms';

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
const weekdayDate = (iso: string) => format(parseISO(iso), 'EEEE d MMMM yyyy', { locale: nl });
/** Dutch writes times with a full stop: 15.30 */
const dutchTime = (t: string | null | undefined) => (t ? t.replace(':', '.') : null);
const nonEmpty = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

function period(start: string | null, end: string | null, open: string): string | null {
  if (!start) return null;
  return end ? `van ${dutchLongDate(start)} tot en met ${dutchLongDate(end)}` : `met ingang van ${dutchLongDate(start)} ${open}`;
}

/** How a hearing names who was heard: with a name "(ouder/verzorger)", without one "De ouder(s)/verzorger(s)". */
const HEARD_LABEL: Record<HearingFact['gehoord'], [string, string]> = {
  leerling: ['leerling', 'leerling'],
  ouders: ['ouder/verzorger', 'ouder(s)/verzorger(s)'],
  docent: ['leraar', 'leraar'],
  medewerker: ['medewerker', 'medewerker'],
};

function hearingLines(h: HearingFact[], persoonWoord: string): string[] {
  return h.map((x) => {
    const [named, unnamed] = x.gehoord === 'leerling' ? [persoonWoord, persoonWoord] : HEARD_LABEL[x.gehoord];
    const wie = x.naam ? `${x.naam} (${named})` : `De ${unnamed}`;
    return `${wie}: gehoord op ${weekdayDate(x.datum)}${x.tijd ? ` om ${dutchTime(x.tijd)} uur` : ''}`;
  });
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
function placeholderValues(
  f: LetterFacts,
  req: Parsed<'letters.preview'>,
): { values: Record<string, PlaceholderValue>; missing: MissingHint } {
  const w = SECTOR_WOORDEN[f.sector];
  const p = f.subject;
  const m = f.measure;
  const i = f.incident;
  const r = f.report;
  const s = f.school;
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
    'leerling.achternaam': [p.tussenvoegsel, p.achternaam].filter(Boolean).join(' '),
    'leerling.groep': groep,
    'leerling.uwkind': p.geslacht === 'm' ? 'uw zoon' : p.geslacht === 'v' ? 'uw dochter' : 'uw kind',
    // The recorded gender gives the pronoun; without one the pupil's own name, never "hem of haar".
    'leerling.hem': p.geslacht === 'm' ? 'hem' : p.geslacht === 'v' ? 'haar' : p.roepnaam || p.voornaam,
    'sector.leerling': w.persoon,
    'medewerker.naam': fullName(p),
    'medewerker.achternaam': achternaamZelfstandig(p),
    'medewerker.functie': p.functie,
    'persoon.naam': fullName(p),
    'melding.nummer': i?.nummer ?? null,
    'melding.datum': longDate(i?.datumVoorval),
    'melding.omschrijving': nonEmpty(i?.omschrijving),
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
    'schorsing.duur': f.schorsingDagen ? `${countWord(f.schorsingDagen)} schooldag${f.schorsingDagen === 1 ? '' : 'en'}` : null,
    'schorsing.vorm': m?.vorm === 'intern' ? 'interne' : m?.vorm === 'extern' ? 'externe' : null,
    'schorsing.schoolwerk': nonEmpty(m?.afsprakenSchoolwerk),
    hoorgesprekken: hearingLines(f.hearings, w.persoon),
    'bezwaar.termijn': 'zes weken',
    'bezwaar.adres': bezwaarAdres(f),
    'gesprek.datum': req.afspraak ? weekdayDate(req.afspraak.datum) : null,
    'gesprek.tijd': dutchTime(req.afspraak?.tijd),
    'gesprek.plaats': nonEmpty(req.afspraak?.plaats) ?? (schoolAddressLine(f) ? `${s.naam}, ${schoolAddressLine(f)}` : null),
    'gesprek.metwie':
      nonEmpty(req.afspraak?.metWie) ??
      (s.ondertekenaarNaam ? [s.ondertekenaarNaam, s.ondertekenaarFunctie].filter(Boolean).join(', ') : null),
    'zienswijze.termijn': 'drie weken',
    'zienswijze.uiterlijk': weekdayDate(termijnEinde(f.today, 3)),
    'beroep.termijn': 'zes weken',
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
    regels: `bij melding ${i?.nummer ?? ''} is niet vastgelegd welke regel(s) van het protocol zijn overtreden. Vul dat aan bij de melding.`,
    'maatregel.toelichting': `de maatregel heeft geen toelichting. ${bijMaatregel}`,
    'maatregel.periode': `de begindatum van de maatregel ontbreekt. ${bijMaatregel}`,
    'schorsing.startdatum': `de eerste dag van de schorsing ontbreekt. ${bijMaatregel}`,
    'schorsing.einddatum': `de laatste dag van de schorsing ontbreekt. ${bijMaatregel}`,
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

function conditionHolds(c: Condition, f: LetterFacts): boolean {
  const notMbo = f.sector !== 'MBO';
  switch (c) {
    case 'altijd':
      return true;
    case 'melding':
      return !!f.incident;
    case 'regels':
      return !!f.incident && f.incident.regels.length > 0;
    case 'toelichting':
      return !!nonEmpty(f.measure?.toelichting);
    case 'periode':
      return !!f.measure?.startdatum;
    case 'bezwaar':
      // An expulsion decision always names the objection route (docs/LAW.md); the school's setting
      // concerns a schorsing (or a ban) at a bijzondere school only.
      return f.measure?.soort === 'verwijdering' || f.school.openbaar || f.compliance.bezwaarclausule;
    case 'inspectie':
      return notMbo && (f.schorsingDagen ?? 0) > 1;
    case 'leerplicht':
      return notMbo && (f.schorsingDagen ?? 0) > 1 && f.compliance.leerplichtBijSchorsing;
    case 'vo':
      return f.sector === 'VO' || f.sector === 'VSO';
    case 'niet_mbo':
      return notMbo;
    case 'personeel_schorsing':
      return f.measure?.soort === 'schorsing';
  }
}

const BLOCK_MARK = '\u0000BLOK:';
const BLOCK_RE = /^\u0000BLOK:([a-z.]+)\u0000$/;

/** Fills a section's text and splits it into blocks: paragraphs (blank line), lists ("- "), block placeholders. */
function renderSection(tekst: string, values: Record<string, PlaceholderValue>, missing: MissingHint, kindLabel: string): LetterBlock[] {
  const filled = tekst
    .split('\n')
    .map((line) => {
      const only = /^\s*\{\s*([^{}]+?)\s*\}\s*$/.exec(line);
      if (only && Array.isArray(values[only[1]])) {
        if ((values[only[1]] as string[]).length === 0) throw missingError(only[1], missing, kindLabel);
        return `\n${BLOCK_MARK}${only[1]}\u0000\n`;
      }
      return fillLine(line, values, missing, kindLabel);
    })
    .join('\n');
  const blocks: LetterBlock[] = [];
  for (const chunk of filled.split(/\n\s*\n/)) {
    const lines = chunk.split('\n').filter((l) => l.trim() !== '');
    if (lines.length === 0) continue;
    let para: string[] = [];
    let list: string[] = [];
    const flush = () => {
      if (para.length) blocks.push({ type: 'alinea', tekst: para.join('\n') });
      if (list.length) blocks.push({ type: 'lijst', items: list });
      para = [];
      list = [];
    };
    for (const line of lines) {
      const block = BLOCK_RE.exec(line);
      if (block) {
        flush();
        const items = values[block[1]] as string[];
        if (items.every((x) => x.includes('\u0009'))) {
          blocks.push({
            type: 'gegevens',
            rijen: items.map((x) => ({ label: x.split('\u0009')[0], waarde: x.split('\u0009').slice(1).join(' ') })),
          });
        } else {
          blocks.push({ type: 'lijst', items });
        }
      } else if (/^\s*[-•]\s+/.test(line)) {
        if (para.length) {
          blocks.push({ type: 'alinea', tekst: para.join('\n') });
          para = [];
        }
        list.push(line.replace(/^\s*[-•]\s+/, ''));
      } else {
        if (list.length) {
          blocks.push({ type: 'lijst', items: list });
          list = [];
        }
        para.push(line.trim());
      }
    }
    flush();
  }
  return blocks;
}

export interface ComposeOptions {
  /** The kenmerk of each letter (null = concept). */
  kenmerken?: (string | null)[];
  /** The earlier letter being corrected: its kenmerk and date. */
  correctie?: { kenmerk: string; datum: string; reden: string } | null;
  logo?: { breedtePx: number; hoogtePx: number } | null;
}

export interface Composed {
  brieven: LetterModel[];
  ontvangers: Recipient[];
  waarschuwingen: string[];
}

export function composeLetters(db: DB, f: LetterFacts, req: Parsed<'letters.preview'>, opts: ComposeOptions = {}): Composed {
  const k = f.kind;
  if (k.afspraak && !req.afspraak) throw fieldError('afspraak', 'Vul de datum en de tijd van het gesprek in.');
  const s = f.school;
  if (!nonEmpty(s.ondertekenaarNaam)) throw new CoreError('REGEL', 'Vul eerst de naam van de ondertekenaar in (Instellingen → School).');
  const plaats = nonEmpty(f.settings.plaats) ?? nonEmpty(s.plaats);
  if (!plaats) throw new CoreError('REGEL', 'Vul eerst de plaats van de school in (Instellingen → School).');

  const w = SECTOR_WOORDEN[f.sector];
  const plan = planAddressees({
    doel: k.doel,
    sector: f.sector,
    person: f.subject,
    guardians: f.guardians,
    today: f.today,
    persoonWoord: w.persoon,
  });
  const texts = textsInForce(db, k.soort);
  const { values, missing } = placeholderValues(f, req);

  const briefhoofd: LetterModel['briefhoofd'] = {
    schoolNaam: s.naam,
    regels: [
      s.straat,
      s.postcode && s.plaats ? `${s.postcode}  ${s.plaats}` : null,
      s.telefoon ? `T ${s.telefoon}` : null,
      s.email ? `E ${s.email}` : null,
      s.website ? `W ${s.website}` : null,
      s.brin ? `BRIN ${s.brin}` : null,
    ].filter((x): x is string => !!x),
    logo: opts.logo ? logoSizeMm(opts.logo) : null,
  };

  const afschrift = [...plan.afschrift];
  if (k.doel === 'leerling') afschrift.push(f.sector === 'MBO' ? 'studentdossier' : 'leerlingdossier');
  if (k.doel === 'medewerker') afschrift.push('personeelsdossier');
  if (k.doel === 'persoon') afschrift.push('dossier');
  if (k.soort === 'schorsing' && conditionHolds('inspectie', f))
    afschrift.push('Inspectie van het Onderwijs (melding via het Internet Schooldossier)');
  if (k.soort === 'schorsing' && conditionHolds('leerplicht', f)) afschrift.push('leerplichtambtenaar');
  if (k.soort === 'besluit_verwijdering' && f.sector !== 'MBO') afschrift.push('Inspectie van het Onderwijs', 'leerplichtambtenaar');

  const brieven = plan.ontvangers.map((ontvanger, idx): LetterModel => {
    const variant: TextVariant = ontvanger.variant;
    const inhoud: LetterBlock[] = [];
    if (opts.correctie) {
      inhoud.push({
        type: 'alinea',
        tekst: `Deze brief vervangt onze brief met kenmerk ${opts.correctie.kenmerk} van ${dutchLongDate(opts.correctie.datum)}. ${opts.correctie.reden.trim()}`,
      });
    }
    for (const sec of k.secties) {
      if (!conditionHolds(sec.cond, f)) continue;
      inhoud.push(...renderSection(texts[sec.code][variant], values, missing, k.titel));
    }
    const betreft = fillLine(texts.betreft[variant], values, missing, k.titel);
    return {
      soort: k.soort,
      variant,
      briefhoofd,
      kenmerk: opts.kenmerken?.[idx] ?? null,
      datum: f.today,
      plaatsDatum: `${plaats}, ${dutchLongDate(f.today)}`,
      vermelding: [...k.vermelding],
      geadresseerde: { personId: ontvanger.personIds[0] ?? null, regels: ontvanger.regels },
      betreft: opts.correctie ? `${betreft} (correctie)` : betreft,
      aanhef: ontvanger.aanhef,
      inhoud,
      afsluiting: k.doel === 'dossier' ? null : 'Met vriendelijke groet,',
      ondertekening: { naam: s.ondertekenaarNaam!.trim(), functie: nonEmpty(s.ondertekenaarFunctie), organisatie: s.naam },
      bijlagen: [...req.bijlagen],
      afschrift,
      correctieVan: opts.correctie?.kenmerk ?? null,
    };
  });
  return { brieven, ontvangers: plan.ontvangers, waarschuwingen: plan.waarschuwingen };
}
