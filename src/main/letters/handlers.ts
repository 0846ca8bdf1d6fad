// Handlers for the letters methods of the API contract (src/shared/api/letters.ts).
import path from 'node:path';
import type { Handlers } from '../context/context';
import type { lettersApi } from '@shared/api/letters';
import { previewLetters, conceptDocx, kindsFor } from './preview';
import { finaliseLetters } from './finalise';
import { getLetter, listLetters, readLetterFile } from './store';
import { getKindTexts, saveKindTexts, resetKindTexts } from './texts';
import { readLettersSettings, saveLettersSettings, toApiSettings } from './settings';
import { saveFeiten, resetFeiten } from './feiten';
import { kindInfos } from './kinds';

export const lettersHandlers: Handlers<Exclude<keyof typeof lettersApi, 'letters.dossierExport'>> = {
  'letters.kinds': () => kindInfos(),
  'letters.kindsFor': (input, ctx) => kindsFor(ctx, input),
  'letters.preview': (input, ctx) => previewLetters(ctx, input),
  'letters.conceptDocx': async (input, ctx) => conceptDocx(ctx, input),
  'letters.finalise': async (input, ctx) => finaliseLetters(ctx, input),
  'letters.feiten.save': (input, ctx) => saveFeiten(ctx, input),
  'letters.feiten.reset': (input, ctx) => resetFeiten(ctx, input),
  'letters.list': (input, ctx) => listLetters(ctx.db, input),
  'letters.get': ({ id }, ctx) => getLetter(ctx.db, id),
  'letters.open': ({ id }, ctx) => {
    const { row } = readLetterFile(ctx, id);
    return { openFile: path.resolve(ctx.files.path('brieven', row.opslagnaam)), bestandsnaam: row.bestandsnaam };
  },
  'letters.download': ({ id }, ctx) => {
    const { row, bytes } = readLetterFile(ctx, id);
    return { bestandsnaam: row.bestandsnaam, inhoudBase64: bytes.toString('base64'), sha256: row.sha256 };
  },
  'letters.texts.get': ({ soort }, ctx) => getKindTexts(ctx.db, soort),
  'letters.texts.save': ({ soort, teksten }, ctx) => saveKindTexts(ctx, soort, teksten),
  'letters.texts.reset': ({ soort }, ctx) => resetKindTexts(ctx, soort),
  'letters.settings.get': (_input, ctx) => toApiSettings(ctx.files, readLettersSettings(ctx.db)),
  'letters.settings.save': (input, ctx) => saveLettersSettings(ctx, input),
};
