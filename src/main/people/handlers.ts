// Handlers for the people methods of the API contract (src/shared/api/people.ts).
import type { Handlers } from '../core/context';
import type { peopleApi } from '../../shared/api/people';
import { createPerson, updatePerson, getPerson } from './people';
import { listPeople, searchPeople } from './list';
import { linkGuardian, unlinkGuardian } from './guardians';
import { getDossier } from './dossier';

export const peopleHandlers: Handlers<keyof typeof peopleApi> = {
  'people.list': (input, ctx) => listPeople(ctx.db, input, ctx.today()),
  'people.search': (input, ctx) => searchPeople(ctx.db, input),
  'people.get': ({ id }, ctx) => getPerson(ctx.db, id),
  'people.create': (input, ctx) => createPerson(ctx, input),
  'people.update': (input, ctx) => updatePerson(ctx, input),
  'people.linkGuardian': (input, ctx) => linkGuardian(ctx, input),
  'people.unlinkGuardian': (input, ctx) => unlinkGuardian(ctx, input),
  'dossier.get': ({ personId }, ctx) => getDossier(ctx, personId),
};
