// Handlers for the protocol and category methods of the API contract (src/shared/api/protocols.ts).
import type { Handlers } from '../context/context';
import type { protocolsApi } from '@shared/api/protocols';
import { listProtocols, getProtocol, protocolInForce } from './read';
import { createProtocol, updateProtocol } from './save';
import { createFromTemplate } from './template';
import { listCategories, saveCategory } from './categories';
import { suggestRules } from './suggest';

export const protocolsHandlers: Handlers<keyof typeof protocolsApi> = {
  'protocols.list': (_input, ctx) => listProtocols(ctx.db, ctx.today()),
  'protocols.get': ({ id }, ctx) => getProtocol(ctx.db, id, ctx.today()),
  'protocols.inForce': ({ datum }, ctx) => protocolInForce(ctx.db, datum, ctx.today()),
  'protocols.create': (input, ctx) => createProtocol(ctx, input),
  'protocols.update': (input, ctx) => updateProtocol(ctx, input),
  'protocols.createFromTemplate': ({ ingangsdatum }, ctx) => createFromTemplate(ctx, ingangsdatum),
  'protocols.suggestRules': ({ datum, categorie }, ctx) => suggestRules(ctx.db, datum, categorie, ctx.today()),
  'categories.list': (_input, ctx) => listCategories(ctx.db),
  'categories.save': (input, ctx) => saveCategory(ctx, input),
};
