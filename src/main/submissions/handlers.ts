// Handlers for the reports by staff (src/shared/api/submissions.ts). The caller is the ctx's: the
// school server's logged-in account, or the single-PC app's user (src/main/context/context.ts).
import type { Handlers } from '../context/context';
import type { submissionsApi } from '@shared/api/submissions';
import {
  acceptSubmission,
  createSubmission,
  declineSubmission,
  getSubmissionFor,
  listSubmissions,
  mergeSubmission,
  mySubmissions,
  readSubmissionFile,
} from './submissions';

export const submissionsHandlers: Handlers<keyof typeof submissionsApi> = {
  'submissions.create': (input, ctx) => createSubmission(ctx, input, ctx.caller),
  'submissions.mine': (_input, ctx) => mySubmissions(ctx, ctx.caller),
  'submissions.list': (input, ctx) => listSubmissions(ctx, input, ctx.caller),
  'submissions.get': ({ id }, ctx) => getSubmissionFor(ctx, id, ctx.caller),
  'submissions.file': ({ id }, ctx) => readSubmissionFile(ctx, id, ctx.caller),
  'submissions.accept': (input, ctx) => acceptSubmission(ctx, input, ctx.caller),
  'submissions.merge': (input, ctx) => mergeSubmission(ctx, input, ctx.caller),
  'submissions.decline': (input, ctx) => declineSubmission(ctx, input, ctx.caller),
};
