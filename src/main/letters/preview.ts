// The preview of a letter: the same model the .docx is made from, without a kenmerk yet, and which
// letter kinds fit a measure or a report (for the "Brief maken" menu).
import type { Ctx } from '../context/context';
import type { Parsed } from '@shared/api';
import type { ConceptDocx, LetterKind, LetterPreview } from '@shared/api/letters';
import { LETTER_KINDS } from '@shared/api/letters';
import { getMeasure } from '../measures/read';
import { getReport } from '../externalReports/read';
import { personRow } from '../people/people';
import { fieldError } from '../errors/errors';
import { KINDS } from './kinds';
import { gatherFacts } from './facts';
import { composeLetters } from './compose';
import { correctionOf } from './finalise';
import { letterheadLogo, readLettersSettings, readLogo } from './settings';

export function previewLetters(ctx: Ctx, req: Parsed<'letters.preview'>): LetterPreview {
  const facts = gatherFacts(ctx.db, req, ctx.today());
  const correctie = correctionOf(ctx, req, facts.subject.id);
  const composed = composeLetters(ctx.db, facts, req, { correctie, logo: facts.settings.logo });
  const logo = readLogo(ctx.files, facts.settings);
  return {
    brieven: composed.brieven,
    waarschuwingen: composed.waarschuwingen,
    logoDataUrl: logo && facts.settings.logo ? `data:${facts.settings.logo.mime};base64,${logo.toString('base64')}` : null,
    feiten: facts.feiten,
  };
}

/** The preview's letters as concept .docx files: the same model, the CONCEPT mark, nothing recorded. */
export async function conceptDocx(ctx: Ctx, req: Parsed<'letters.conceptDocx'>): Promise<ConceptDocx> {
  const preview = previewLetters(ctx, req);
  // docx is loaded when a letter is made, not when the core starts.
  const { letterDocx } = await import('./letterDocx');
  const settings = readLettersSettings(ctx.db);
  const brieven = await Promise.all(
    preview.brieven.map(async (m, i) => ({
      bestandsnaam: `concept-${m.soort}${preview.brieven.length > 1 ? `-${i + 1}` : ''}.docx`,
      inhoudBase64: (await letterDocx(m, letterheadLogo(ctx.files, settings, m))).toString('base64'),
    })),
  );
  return { brieven, waarschuwingen: preview.waarschuwingen };
}

export function kindsFor(ctx: Ctx, input: Parsed<'letters.kindsFor'>): { soort: LetterKind; titel: string; afspraak: boolean }[] {
  if ((input.measureId === undefined) === (input.reportId === undefined)) throw fieldError('measureId', 'Kies de maatregel of de melding waar de brief over gaat.');
  const fits = (soort: LetterKind): boolean => {
    const k = KINDS[soort];
    if (input.measureId !== undefined) {
      if (k.bron !== 'measure') return false;
      const m = getMeasure(ctx.db, input.measureId);
      const p = personRow(ctx.db, m.personId);
      if (!p || m.status === 'ingetrokken' || (k.maatregelen && !k.maatregelen.includes(m.soort))) return false;
      if (k.doel === 'leerling') return p.soort === 'leerling';
      if (k.doel === 'medewerker') return p.soort === 'medewerker';
      return p.soort === 'ouder' || p.soort === 'extern';
    }
    if (k.bron !== 'report') return false;
    const r = getReport(ctx.db, input.reportId!);
    return !k.instanties || k.instanties.includes(r.instantie);
  };
  return LETTER_KINDS.filter(fits).map((soort) => ({ soort, titel: KINDS[soort].titel, afspraak: !!KINDS[soort].afspraak }));
}
