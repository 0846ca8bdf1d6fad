// Handlers for the people methods of the API contract (src/shared/api/people.ts).
import type { Handlers } from '../context/context';
import type { peopleApi } from '@shared/api/people';
import { createPerson, updatePerson, getPerson } from './people';
import { listPeople, searchPeople } from './list';
import { linkGuardian, unlinkGuardian } from './guardians';
import { assertPersonInScope, peopleFilter, searchFilter, forReportForm } from './scope';

export const peopleHandlers: Handlers<Exclude<keyof typeof peopleApi, 'dossier.get'>> = {
  'people.list': (input, ctx) => listPeople(ctx.db, input, ctx.today(), peopleFilter(ctx)),
  'people.search': (input, ctx) => forReportForm(ctx, searchPeople(ctx.db, input, searchFilter(ctx))),
  'people.get': ({ id }, ctx) => {
    assertPersonInScope(ctx, id);
    return getPerson(ctx.db, id);
  },
  'people.create': (input, ctx) => createPerson(ctx, input),
  'people.update': (input, ctx) => updatePerson(ctx, input),
  'people.linkGuardian': (input, ctx) => linkGuardian(ctx, input),
  'people.unlinkGuardian': (input, ctx) => unlinkGuardian(ctx, input),
};
