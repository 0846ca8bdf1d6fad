// Handlers for a person's whole record: the dossier timeline (src/shared/api/people.ts) and its
// export as one document (src/shared/api/letters.ts).
import type { Handlers } from '../context/context';
import { getDossier } from './dossier';
import { exportDossier } from './dossierExport';
import { assertPersonInScope } from '../people/scope';

export const dossierHandlers: Handlers<'dossier.get' | 'letters.dossierExport'> = {
  'dossier.get': ({ personId }, ctx) => {
    assertPersonInScope(ctx, personId);
    return getDossier(ctx, personId);
  },
  'letters.dossierExport': async (input, ctx) => exportDossier(ctx, input),
};
