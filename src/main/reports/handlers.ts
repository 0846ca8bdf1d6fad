// Handlers for the yearly report, evaluation pack and export methods (src/shared/api/yearReports.ts).
// The document makers are async (docx packing, exceljs): they read first, then write their audit
// entry in a transaction of their own.
import type { Ctx, Handlers } from '../core/context';
import type { yearReportsApi, FileOut } from '../../shared/api/yearReports';
import { yearReport } from './yearReport';
import { readReportSettings, saveReportSettings } from './settings';
import { yearReportDocx } from './docx/jaarverslag';
import { evaluationPackDocx } from './docx/evaluationPack';
import { reportScrubber } from './scrub';
import { exportIncidents, exportPeople } from './exports/gridExports';
import { getEvaluation } from '../calendar/evaluations';
import { lastYearsActions } from './actions';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

async function yearDocx(ctx: Ctx, schooljaar: string, extern: boolean): Promise<FileOut> {
  const report = yearReport(ctx.db, schooljaar, ctx.today(), { extern });
  const bytes = await yearReportDocx(report, reportScrubber(ctx.db));
  const bestandsnaam = `jaarverslag-socialemediaprotocol-${schooljaar}${extern ? '-extern' : ''}.docx`;
  ctx.tx(() => ctx.audit('jaarverslag', schooljaar, 'gemaakt', null, { bestandsnaam, extern }));
  return { bestandsnaam, mime: DOCX, inhoudBase64: bytes.toString('base64') };
}

async function evaluationPack(ctx: Ctx, evaluationId: number, extern: boolean): Promise<FileOut> {
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
  'reports.year': ({ schooljaar, extern }, ctx) => yearReport(ctx.db, schooljaar, ctx.today(), { extern }),
  'reports.yearDocx': async ({ schooljaar, extern }, ctx) => yearDocx(ctx, schooljaar, extern),
  'reports.evaluationPack': async ({ evaluationId, extern }, ctx) => evaluationPack(ctx, evaluationId, extern),
  'reports.settings.get': (_input, ctx) => readReportSettings(ctx.db),
  'reports.settings.save': (input, ctx) => saveReportSettings(ctx, input),
  'exports.incidents': async (input, ctx) => exportIncidents(ctx, input),
  'exports.people': async (input, ctx) => exportPeople(ctx, input),
};
