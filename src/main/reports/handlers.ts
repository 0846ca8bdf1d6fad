// Handlers for the yearly report, evaluation pack and export methods (src/shared/api/yearReports.ts).
// The document makers are async (docx packing, exceljs): they read first, then write their audit
// entry in a transaction of their own. They are imported when a document is asked for (before
// anything is read), so a door that never makes one, such as the CLI's `obligations`, starts
// without loading docx and @resvg/resvg-js.
import type { Ctx, Handlers } from '../context/context';
import type { yearReportsApi, FileOut } from '@shared/api/yearReports';
import { yearReport } from './yearReport';
import { summarize } from './summary';
import { analyse } from './analysis';
import { readReportSettings, saveReportSettings } from './settings';
import { reportScrubber } from './scrub';
import { exportIncidents, exportPeople } from './exports/gridExports';
import { getEvaluation } from '../planning/evaluations';
import { lastYearsActions } from './actions';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

async function yearDocx(ctx: Ctx, schooljaar: string, extern: boolean): Promise<FileOut> {
  const { yearReportDocx } = await import('./docx/jaarverslag');
  const report = yearReport(ctx.db, schooljaar, ctx.today(), { extern });
  const bytes = await yearReportDocx(report, reportScrubber(ctx.db));
  const bestandsnaam = `jaarverslag-socialemediaprotocol-${schooljaar}${extern ? '-extern' : ''}.docx`;
  ctx.tx(() => ctx.audit('jaarverslag', schooljaar, 'gemaakt', null, { bestandsnaam, extern }));
  return { bestandsnaam, mime: DOCX, inhoudBase64: bytes.toString('base64') };
}

async function evaluationPack(ctx: Ctx, evaluationId: number, extern: boolean): Promise<FileOut> {
  const { evaluationPackDocx } = await import('./docx/evaluationPack');
  const evaluation = getEvaluation(ctx.db, evaluationId);
  const report = yearReport(ctx.db, evaluation.evaluatieSchooljaar, ctx.today(), { extern });
  const participants = new Map<number, ReturnType<typeof getEvaluation>['deelnemers']>();
  const participantsOf = (id: number) => {
    if (!participants.has(id)) participants.set(id, getEvaluation(ctx.db, id).deelnemers);
    return participants.get(id) ?? [];
  };
  const acties = lastYearsActions(ctx.db, evaluation, ctx.today());
  const bytes = await evaluationPackDocx(evaluation, acties, participantsOf, report, reportScrubber(ctx.db));
  const bestandsnaam = `evaluatiepakket-${evaluation.datum}.docx`;
  ctx.tx(() => ctx.audit('evaluatie', evaluationId, 'pakket_gemaakt', null, { bestandsnaam, schooljaar: evaluation.evaluatieSchooljaar }));
  return { bestandsnaam, mime: DOCX, inhoudBase64: bytes.toString('base64') };
}

export const yearReportsHandlers: Handlers<keyof typeof yearReportsApi> = {
  'reports.year': ({ schooljaar, extern, taal }, ctx) => {
    const r = yearReport(ctx.db, schooljaar, ctx.today(), { extern });
    return taal === 'en' ? { ...r, samenvatting: summarize(r, 'en'), analyse: analyse(r, 'en') } : r;
  },
  'reports.yearDocx': async ({ schooljaar, extern }, ctx) => yearDocx(ctx, schooljaar, extern),
  'reports.evaluationPack': async ({ evaluationId, extern }, ctx) => evaluationPack(ctx, evaluationId, extern),
  'reports.settings.get': (_input, ctx) => readReportSettings(ctx.db),
  'reports.settings.save': (input, ctx) => saveReportSettings(ctx, input),
  'exports.incidents': async (input, ctx) => exportIncidents(ctx, input),
  'exports.people': async (input, ctx) => exportPeople(ctx, input),
};
