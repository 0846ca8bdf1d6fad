// Handlers for the imports methods of the API contract (src/shared/api/imports.ts).
import type { Handlers } from '../context/context';
import type { importsApi } from '@shared/api/imports';
import { applyRoster, dryRunRoster, previewRoster } from './roster/roster';
import { deleteSource, listSources } from './sources';
import { listRuns } from './runs';
import { readProtocolDraft } from './protocol/read';
import { matchProtocol } from './protocol/match';
import { saveImportedProtocol } from './protocol/save';

export const importsHandlers: Handlers<keyof typeof importsApi> = {
  'imports.roster.preview': async (input, ctx) => previewRoster(ctx.db, input),
  'imports.roster.dryRun': async (input, ctx) => dryRunRoster(ctx, input),
  'imports.roster.apply': async (input, ctx) => applyRoster(ctx, input),
  'imports.sources.list': (_input, ctx) => listSources(ctx.db),
  'imports.sources.delete': ({ id }, ctx) => deleteSource(ctx, id),
  'imports.runs.list': ({ limit }, ctx) => listRuns(ctx.db, limit),
  'imports.protocol.read': async ({ bestand }) => readProtocolDraft(bestand),
  'imports.protocol.match': (input, ctx) => matchProtocol(ctx.db, input, ctx.today()),
  'imports.protocol.save': (input, ctx) => saveImportedProtocol(ctx, input),
};
