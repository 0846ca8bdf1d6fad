// The fixed texts of each letter kind: our defaults (resources/letters/<soort>.json, imported so they
// are part of the bundle under tsx, vitest and electron-vite alike) and the school's own versions
// (setting "letters.teksten.<soort>"). Saving checks every placeholder; an unknown one is refused.
import { z } from 'zod';
import type { Ctx } from '../context/context';
import type { DB } from '../db/open';
import { CoreError } from '../errors/errors';
import { readSetting, writeSetting } from '../settings/settings';
import type { LetterKind, LetterKindTexts, TextVariant } from '@shared/api/letters';
import { KINDS, CONDITION_LABEL, sectionCodes } from './kinds';
import type { KindDef } from './kinds';
import { availablePlaceholders, validateTemplate } from './placeholders';
import uitnodiging_gesprek from '../../../resources/letters/uitnodiging_gesprek.json';
import uitnodiging_hoorgesprek from '../../../resources/letters/uitnodiging_hoorgesprek.json';
import waarschuwing from '../../../resources/letters/waarschuwing.json';
import bevestiging_maatregel from '../../../resources/letters/bevestiging_maatregel.json';
import schorsing from '../../../resources/letters/schorsing.json';
import voornemen_verwijdering from '../../../resources/letters/voornemen_verwijdering.json';
import besluit_verwijdering from '../../../resources/letters/besluit_verwijdering.json';
import toegangsverbod from '../../../resources/letters/toegangsverbod.json';
import personeel_uitnodiging from '../../../resources/letters/personeel_uitnodiging.json';
import personeel_waarschuwing from '../../../resources/letters/personeel_waarschuwing.json';
import personeel_voornemen from '../../../resources/letters/personeel_voornemen.json';
import personeel_besluit from '../../../resources/letters/personeel_besluit.json';
import vastlegging_vertrouwensinspecteur from '../../../resources/letters/vastlegging_vertrouwensinspecteur.json';
import vastlegging_aangifte from '../../../resources/letters/vastlegging_aangifte.json';

type Variants = Partial<Record<TextVariant, string>>;
interface DefaultFile {
  betreft: Variants;
  secties: Record<string, Variants>;
}

export const DEFAULT_TEXTS: Record<LetterKind, DefaultFile> = {
  uitnodiging_gesprek,
  uitnodiging_hoorgesprek,
  waarschuwing,
  bevestiging_maatregel,
  schorsing,
  voornemen_verwijdering,
  besluit_verwijdering,
  toegangsverbod,
  personeel_uitnodiging,
  personeel_waarschuwing,
  personeel_voornemen,
  personeel_besluit,
  vastlegging_vertrouwensinspecteur,
  vastlegging_aangifte,
};

/** Section → variant → text: the school's own texts for one kind (only what differs from ours). */
const overridesSchema = z.record(z.string(), z.record(z.string(), z.string())).catch({});
const settingKey = (soort: LetterKind) => `letters.teksten.${soort}`;

export function defaultText(soort: LetterKind, code: string, variant: TextVariant): string {
  const file = DEFAULT_TEXTS[soort];
  const t = code === 'betreft' ? file.betreft[variant] : file.secties[code]?.[variant];
  if (t === undefined) throw new Error(`Geen standaardtekst voor ${soort}/${code}/${variant}`);
  return t;
}

function readOverrides(db: DB, soort: LetterKind): Record<string, Record<string, string>> {
  return readSetting(db, settingKey(soort), overridesSchema);
}

/** The text in force for one section and variant: the school's own, or ours. */
export function textFor(db: DB, soort: LetterKind, code: string, variant: TextVariant): string {
  return readOverrides(db, soort)[code]?.[variant] ?? defaultText(soort, code, variant);
}

/** All texts of a kind in force, section → variant → text. */
export function textsInForce(db: DB, soort: LetterKind): Record<string, Record<TextVariant, string>> {
  const k = KINDS[soort];
  const own = readOverrides(db, soort);
  const out: Record<string, Record<TextVariant, string>> = {};
  for (const code of sectionCodes(k)) {
    out[code] = {} as Record<TextVariant, string>;
    for (const v of k.varianten) out[code][v] = own[code]?.[v] ?? defaultText(soort, code, v);
  }
  return out;
}

const sectionLabel = (k: KindDef, code: string) => (code === 'betreft' ? 'Betreft' : (k.secties.find((x) => x.code === code)?.label ?? code));

export function getKindTexts(db: DB, soort: LetterKind): LetterKindTexts {
  const k = KINDS[soort];
  const own = readOverrides(db, soort);
  return {
    soort,
    titel: k.titel,
    varianten: [...k.varianten],
    secties: sectionCodes(k).map((code) => ({
      code,
      label: sectionLabel(k, code),
      wanneer: code === 'betreft' ? 'Altijd (onderwerpregel)' : CONDITION_LABEL[k.secties.find((x) => x.code === code)!.cond],
      teksten: k.varianten.map((variant) => {
        const standaard = defaultText(soort, code, variant);
        const tekst = own[code]?.[variant] ?? standaard;
        return { variant, tekst, standaard, aangepast: tekst !== standaard };
      }),
    })),
    placeholders: availablePlaceholders(k.groups),
  };
}

/** Checks a text against the placeholders of its kind; throws VALIDATIE naming the problem. */
export function checkText(soort: LetterKind, code: string, variant: TextVariant, tekst: string): void {
  const k = KINDS[soort];
  validateTemplate(tekst, availablePlaceholders(k.groups), `teksten.${code}.${variant}`, sectionLabel(k, code), k.titel);
  if (code === 'betreft' && tekst.includes('\n')) {
    throw new CoreError('VALIDATIE', 'De onderwerpregel (Betreft) past op één regel.', `teksten.${code}.${variant}`);
  }
}

export function saveKindTexts(ctx: Ctx, soort: LetterKind, teksten: Record<string, Partial<Record<TextVariant, string>>>): LetterKindTexts {
  const k = KINDS[soort];
  const codes = new Set(sectionCodes(k));
  const next = { ...readOverrides(ctx.db, soort) };
  for (const [code, variants] of Object.entries(teksten)) {
    if (!codes.has(code)) throw new CoreError('VALIDATIE', `De brief “${k.titel}” heeft geen onderdeel “${code}”.`, `teksten.${code}`);
    for (const [variant, raw] of Object.entries(variants) as [TextVariant, string][]) {
      if (!k.varianten.includes(variant)) throw new CoreError('VALIDATIE', `De brief “${k.titel}” heeft geen tekst voor “${variant}”.`, `teksten.${code}.${variant}`);
      // Windows line ends and trailing blanks are noise, not a change.
      const tekst = raw.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').trim();
      const standaard = defaultText(soort, code, variant);
      const rest = { ...(next[code] ?? {}) };
      if (tekst === '' || tekst === standaard) {
        delete rest[variant];
      } else {
        checkText(soort, code, variant, tekst);
        rest[variant] = tekst;
      }
      if (Object.keys(rest).length) next[code] = rest;
      else delete next[code];
    }
  }
  writeSetting(ctx, settingKey(soort), overridesSchema, next);
  return getKindTexts(ctx.db, soort);
}

export function resetKindTexts(ctx: Ctx, soort: LetterKind): LetterKindTexts {
  writeSetting(ctx, settingKey(soort), overridesSchema, {});
  return getKindTexts(ctx.db, soort);
}
