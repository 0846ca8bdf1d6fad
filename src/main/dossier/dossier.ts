// A person's dossier: the person and one timeline, newest first, merged from every dossier source.
import type { Ctx } from '../context/context';
import type { Dossier, DossierItem } from '@shared/api/people';
import { getPerson } from '../people/people';
import { dossierSources } from './dossierSources';

const TYPE_ORDER: Record<DossierItem['type'], number> = { brief: 0, verplichting: 1, externe_melding: 2, maatregel: 3, melding: 4 };

const itemKey = (i: DossierItem): number => {
  switch (i.type) {
    case 'melding':
      return i.incidentId;
    case 'maatregel':
      return i.measureId;
    case 'externe_melding':
      return i.reportId;
    case 'brief':
      return i.letterId;
    case 'verplichting':
      return i.obligationId;
  }
};

export function getDossier(ctx: Ctx, personId: number): Dossier {
  const persoon = getPerson(ctx.db, personId);
  const items = dossierSources.flatMap((source) => source(ctx, personId));
  // Newest first; on the same day what followed (letter, measure) stands above its cause (incident).
  items.sort((a, b) => (a.datum === b.datum ? TYPE_ORDER[a.type] - TYPE_ORDER[b.type] || itemKey(b) - itemKey(a) : a.datum < b.datum ? 1 : -1));
  return { persoon, items };
}
