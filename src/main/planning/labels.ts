// Dutch labels of the evaluation's participant roles and statuses, for documents made in the core.
import type { DeelnemerRol, EvaluatieStatus } from '@shared/api/calendar';

export const DEELNEMER_ROL_LABEL: Record<DeelnemerRol, string> = {
  anti_pestcoordinator: 'Anti-pestcoördinator',
  schoolleiding: 'Schoolleiding',
  mr: 'MR',
  medewerker: 'Medewerker',
  ouder: 'Ouder',
  leerling: 'Leerling',
  overig: 'Overig',
};

export const EVALUATIE_STATUS_LABEL: Record<EvaluatieStatus, string> = {
  gepland: 'Gepland',
  gehouden: 'Gehouden',
  gesloten: 'Gesloten',
};
