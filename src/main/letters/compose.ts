// Composes the letter model(s) from the facts and the texts in force: one letter per addressee, each
// with its letterhead, address block, date line, subject, salutation, the kind's sections whose
// condition holds (placeholders filled), closing, signatory, attachments and copies.
import type { DB } from '../db/open';
import { CoreError, fieldError } from '../errors/errors';
import type { Parsed } from '@shared/api';
import type { LetterBlock, LetterModel, TextVariant } from '@shared/api/letters';
import { SECTOR_WOORDEN } from '@shared/domain';
import { dutchLongDate } from '@shared/dates';
import type { Condition } from './kinds';
import type { LetterFacts } from './facts';
import { planAddressees } from './addressees';
import type { Recipient } from './addressees';
import { fillLine, missingError } from './placeholders';
import type { PlaceholderValue, MissingHint } from './placeholders';
import { placeholderValues, nonEmpty } from './values';
import { pupilConditionHolds, notices, expulsionDecisionOpen } from './steps';
import { staffValues, staffConditionHolds } from './staffValues';
import { textsInForce } from './texts';
import { logoSizeMm } from './logo';

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
    case 'niet_mbo':
      return notMbo;
    case 'personeel_schorsing':
      return f.measure?.soort === 'schorsing';
    default:
      return pupilConditionHolds(c, f) ?? staffConditionHolds(c, f) ?? false;
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
    volwassenenU: f.settings.volwassenen === 'u',
  });
  const texts = textsInForce(db, k.soort);
  const general = placeholderValues(f, req);
  const staff = staffValues(f);
  const values = { ...general.values, ...staff.values };
  const missing = { ...general.missing, ...staff.missing };

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
  // The copies follow the recorded notices: none for a step that does not apply (or is marked n.v.t.).
  if (k.soort === 'schorsing' || k.soort === 'besluit_verwijdering') {
    const meld = notices(f);
    if (meld.inspectie)
      afschrift.push(
        k.soort === 'schorsing' ? 'Inspectie van het Onderwijs (melding via het Internet Schooldossier)' : 'Inspectie van het Onderwijs',
      );
    if (meld.leerplicht) afschrift.push('leerplichtambtenaar');
  }

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
      ondertekening: {
        naam: s.ondertekenaarNaam!.trim(),
        functie: nonEmpty(s.ondertekenaarFunctie),
        organisatie: s.naam,
        namens: k.namens ? `Namens het bevoegd gezag van ${nonEmpty(s.bevoegdGezag) ?? s.naam}` : null,
      },
      bijlagen: [...req.bijlagen],
      // Each addressee of a pupil decision sees who else received it (the other parent, the pupil).
      afschrift:
        k.doel === 'leerling' ? [...plan.ontvangers.filter((_, j) => j !== idx).map((o) => o.afschriftNaam), ...afschrift] : afschrift,
      correctieVan: opts.correctie?.kenmerk ?? null,
    };
  });
  const open = expulsionDecisionOpen(db, f);
  const stappen = open.length ? [`Dit besluit kan pas definitief worden gemaakt als is vastgelegd: ${open.join(', ')}.`] : [];
  return { brieven, ontvangers: plan.ontvangers, waarschuwingen: [...plan.waarschuwingen, ...stappen] };
}
