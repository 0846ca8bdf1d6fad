// The letters' own settings (key "letters"): the logo of the letterhead (a file in the FileStore area
// "logo", recorded with its SHA-256), the place on the date line, where an objection goes, and whether
// a pupil or student of 18 or older is addressed with "je" or "u".
import { z } from 'zod';
import type { Ctx } from '../context/context';
import type { DB } from '../db/open';
import type { Letterhead } from './docxBase';
import type { LetterModel } from '@shared/api/letters';
import type { FileStore } from '../files/fileStore';
import { readSetting, writeSetting } from '../settings/settings';
import type { Parsed } from '@shared/api';
import type { LettersSettings } from '@shared/api/letters';
import { checkLogo } from './logo';

const KEY = 'letters';

const stored = z.object({
  logo: z
    .object({
      opslagnaam: z.string(),
      mime: z.enum(['image/png', 'image/jpeg']),
      breedtePx: z.number().int(),
      hoogtePx: z.number().int(),
      grootte: z.number().int(),
      sha256: z.string(),
    })
    .nullable()
    .default(null),
  plaats: z.string().nullable().default(null),
  bezwaarAdres: z.string().nullable().default(null),
  volwassenen: z.enum(['je', 'u']).default('je'),
});
export type StoredLettersSettings = z.output<typeof stored>;

export const readLettersSettings = (db: DB): StoredLettersSettings => readSetting(db, KEY, stored);

/** The logo's bytes, or null when there is none (or its file went missing). */
export function readLogo(files: FileStore, s: StoredLettersSettings): Buffer | null {
  if (!s.logo) return null;
  try {
    return files.read('logo', s.logo.opslagnaam);
  } catch {
    return null;
  }
}

/** The logo as the letterhead of this letter places it, or null without a logo (or when it cannot be read). */
export function letterheadLogo(files: FileStore, s: StoredLettersSettings, model: LetterModel): Letterhead['logo'] {
  const data = readLogo(files, s);
  if (!data || !s.logo || !model.briefhoofd.logo) return null;
  return { data, type: s.logo.mime === 'image/png' ? 'png' : 'jpg', ...model.briefhoofd.logo };
}

export function toApiSettings(files: FileStore, s: StoredLettersSettings): LettersSettings {
  const bytes = readLogo(files, s);
  return {
    logo: s.logo ? { mime: s.logo.mime, breedtePx: s.logo.breedtePx, hoogtePx: s.logo.hoogtePx, grootte: s.logo.grootte, sha256: s.logo.sha256 } : null,
    logoDataUrl: s.logo && bytes ? `data:${s.logo.mime};base64,${bytes.toString('base64')}` : null,
    plaats: s.plaats,
    bezwaarAdres: s.bezwaarAdres,
    volwassenen: s.volwassenen,
  };
}

export function saveLettersSettings(ctx: Ctx, input: Parsed<'letters.settings.save'>): LettersSettings {
  const before = readLettersSettings(ctx.db);
  let logo = before.logo;
  let written: string | null = null;
  if (input.logoBase64 === null) {
    logo = null;
  } else if (input.logoBase64 !== undefined) {
    const bytes = Buffer.from(input.logoBase64, 'base64');
    const info = checkLogo(bytes);
    const file = ctx.files.write('logo', info.mime === 'image/png' ? 'logo.png' : 'logo.jpg', bytes);
    written = file.opslagnaam;
    logo = { opslagnaam: file.opslagnaam, mime: info.mime, breedtePx: info.breedtePx, hoogtePx: info.hoogtePx, grootte: file.grootte, sha256: file.sha256 };
  }
  try {
    const after = writeSetting(ctx, KEY, stored, {
      logo,
      plaats: input.plaats ?? null,
      bezwaarAdres: input.bezwaarAdres ?? null,
      volwassenen: input.volwassenen ?? before.volwassenen,
    });
    // The old logo file is no longer referenced: final letters embed their own copy.
    if (before.logo && before.logo.opslagnaam !== after.logo?.opslagnaam) ctx.files.remove('logo', before.logo.opslagnaam);
    return toApiSettings(ctx.files, after);
  } catch (e) {
    if (written) ctx.files.remove('logo', written);
    throw e;
  }
}
