// Every rule of DOMAIN.md §6 that produces obligations, one small function each, in the order of §6.
// §6.7–6.9 (retention, access requests, data breaches) belong to the trust concept (issue 7); a rule
// for them would be added here.
import type { IncidentRule, MeasureRule } from './types';
import { schorsingBesluit, schorsingMelden } from './schorsing';
import { besluitVerwijdering, voornemenVerwijdering } from './verwijdering';
import { zedenPad } from './zeden';
import { ontslagOpStaandeVoet, personeelDisciplinair } from './personeel';

export const measureRules: MeasureRule[] = [
  schorsingBesluit, // §6.1
  schorsingMelden, // §6.2
  voornemenVerwijdering, // §6.3
  besluitVerwijdering, // §6.3
  personeelDisciplinair, // §6.6
  ontslagOpStaandeVoet, // §6.6
];

export const incidentRules: IncidentRule[] = [
  zedenPad, // §6.4
];
