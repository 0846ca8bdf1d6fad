// Handlers for the privacy (access requests, breaches) methods of the API contract (src/shared/api/trust.ts).
// Handlers that await (scrypt, the key vault, a worker, VACUUM) are 'steps' writes in the contract:
// the core runs them without its automatic transaction and they open their own with ctx.tx.
import type { Handlers } from '../context/context';
import { answerRequest, createRequest, extendRequest, exportForRequest, getRequest, listRequests, reviewRequest } from './accessRequests';
import { createBreach, getBreach, listBreaches, updateBreach } from './breaches';
import { attention, privacyInfo } from './privacy';

export const privacyHandlers: Handlers<'trust.accessRequests.list' | 'trust.accessRequests.get' | 'trust.accessRequests.create' | 'trust.accessRequests.extend' | 'trust.accessRequests.answer' | 'trust.accessRequests.export' | 'trust.accessRequests.review' | 'trust.breaches.list' | 'trust.breaches.get' | 'trust.breaches.create' | 'trust.breaches.update' | 'trust.privacy' | 'trust.attention'> = {
  'trust.accessRequests.list': (input, ctx) => listRequests(ctx.db, ctx.today(), input),
  'trust.accessRequests.get': (input, ctx) => getRequest(ctx.db, input.id, ctx.today()),
  'trust.accessRequests.create': (input, ctx) => createRequest(ctx, input),
  'trust.accessRequests.extend': (input, ctx) => extendRequest(ctx, input),
  'trust.accessRequests.answer': (input, ctx) => answerRequest(ctx, input),
  'trust.accessRequests.export': async (input, ctx) => exportForRequest(ctx, input.id, input),
  'trust.accessRequests.review': async (input, ctx) => reviewRequest(ctx, input.id),
  'trust.breaches.list': (input, ctx) => listBreaches(ctx.db, ctx.now(), input),
  'trust.breaches.get': (input, ctx) => getBreach(ctx.db, input.id, ctx.now()),
  'trust.breaches.create': (input, ctx) => createBreach(ctx, input),
  'trust.breaches.update': (input, ctx) => updateBreach(ctx, input),
  'trust.privacy': async (_i, ctx) => privacyInfo(ctx),
  'trust.attention': (_i, ctx) => attention(ctx),
};
