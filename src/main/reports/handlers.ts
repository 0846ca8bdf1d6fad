// Handlers for the yearly report, evaluation pack and export methods (src/shared/api/yearReports.ts).
// The document makers are async (docx packing, exceljs): they read first, then write their audit
// entry in a transaction of their own.
import type { Ctx, Handlers } from '../core/context';
import type { yearReportsApi, FileOut } from '../../shared/api/yearReports';
import { yearReport } from './yearReport';
import { readReportSettings, saveReportSettings } from './settings';
import { yearReportDocx } from './docx/jaarverslag';
import { evaluationPackDocx } from './docx/evaluationPack';
import { knownNames, makeScrubber } from './scrub';
import { exportIncidents, exportPeople } from './exports/gridExports';
import { getEvaluation, openActions } from '../calendar/evaluations';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

async function yearDocx(ctx: Ctx, schooljaar: string): Promise<FileOut> {
  const report = yearReport(ctx.db, schooljaar, ctx.today());
  const bytes = await yearReportDocx(report, makeScrubber(knownNames(ctx.db)));
  const bestandsnaam = `jaarverslag-socialemediaprotocol-${schooljaar}.docx`;
  ctx.tx(() => ctx.audit('jaarverslag', schooljaar, 'gemaakt', null, { bestandsnaam }));
  return { bestandsnaam, mime: DOCX, inhoudBase64: bytes.toString('base64') };
}

async function evaluationPack(ctx: Ctx, evaluationId: number): Promise<FileOut> {
  const evaluation = getEvaluation(ctx.db, evaluationId);
  const report = yearReport(ctx.db, evaluation.evaluatieSchooljaar, ctx.today());
  const participants = new Map<number, ReturnType<typeof getEvaluation>['deelnemers']>();
  const participantsOf = (id: number) => {
    if (!participants.has(id)) participants.set(id, getEvaluation(ctx.db, id).deelnemers);
    return participants.get(id) ?? [];
  };
  const bytes = await evaluationPackDocx(evaluation, openActions(ctx.db), participantsOf, report, makeScrubber(knownNames(ctx.db)));
  const bestandsnaam = `evaluatiepakket-${evaluation.datum}.docx`;
  ctx.tx(() => ctx.audit('evaluatie', evaluationId, 'pakket_gemaakt', null, { bestandsnaam, schooljaar: evaluation.evaluatieSchooljaar }));
  return { bestandsnaam, mime: DOCX, inhoudBase64: bytes.toString('base64') };
}

export const yearReportsHandlers: Handlers<keyof typeof yearReportsApi> = {
  'reports.year': ({ schooljaar }, ctx) => yearReport(ctx.db, schooljaar, ctx.today()),
  'reports.yearDocx': async ({ schooljaar }, ctx) => yearDocx(ctx, schooljaar),
  'reports.evaluationPack': async ({ evaluationId }, ctx) => evaluationPack(ctx, evaluationId),
  'reports.settings.get': (_input, ctx) => readReportSettings(ctx.db),
  'reports.settings.save': (input, ctx) => saveReportSettings(ctx, input),
  'exports.incidents': async (input, ctx) => exportIncidents(ctx, input),
  'exports.people': async (input, ctx) => exportPeople(ctx, input),
};
