// Every rule that produces obligations or warnings, one small function each (docs/LAW.md lists them
// with their sources). Retention, access requests and data breaches are kept by the custody concepts.
import type { IncidentRule, MeasureRule } from './types';
import { schorsingBesluit, schorsingMelden } from './schorsing';
import { besluitVerwijdering, voornemenVerwijdering } from './verwijdering';
import { zedenPad } from './zeden';
import { ontslagOpStaandeVoet, personeelDisciplinair } from './personeel';

export const measureRules: MeasureRule[] = [
  schorsingBesluit,
  schorsingMelden,
  voornemenVerwijdering,
  besluitVerwijdering,
  personeelDisciplinair,
  ontslagOpStaandeVoet,
];

export const incidentRules: IncidentRule[] = [zedenPad];
