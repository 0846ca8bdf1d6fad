// Measures (maatregelen) per person, usually taken from an incident.
import { z } from 'zod';
import { MAATREGEL, MAATREGEL_STATUS, SCHORSING_VORM } from '../domain';
import type { Maatregel, MaatregelStatus } from '../domain';
import { id, isoDate, line, optional, text } from './common';
import { recordVersion } from './people';
import type { PersonRef } from './people';
import { read, write } from './define';
import { IEDEREEN_MET_NAMEN, SCHOOLLEIDER } from './roles';

export const measureInput = z.object({
  incidentId: id.nullable().optional(),
  personId: id,
  soort: z.enum(MAATREGEL.codes, { error: 'Kies een maatregel.' }),
  status: z.enum(MAATREGEL_STATUS.codes).default('besloten'),
  besluitDatum: isoDate,
  beslotenDoor: optional(line(150)),
  startdatum: optional(isoDate),
  einddatum: optional(isoDate),
  /** Length in school days (schorsing) — computed from start and end when left empty. */
  duurDagen: optional(z.number().int().min(1).max(365)),
  vorm: optional(z.enum(SCHORSING_VORM.codes)),
  afsprakenSchoolwerk: optional(text(5000)),
  toelichting: optional(text(5000)),
  /** Intended expulsion: the date the board intends to decide (the hearings fall due before it). */
  beoogdBesluit: optional(isoDate),
  /** Required to go beyond a hard limit (e.g. a pupil schorsing over 5 school days): why. */
  overrideReden: optional(text(2000)),
});
export type MeasureInput = z.input<typeof measureInput>;

export interface Measure {
  id: number;
  incidentId: number | null;
  personId: number;
  persoon: PersonRef;
  soort: Maatregel;
  status: MaatregelStatus;
  besluitDatum: string;
  beslotenDoor: string | null;
  startdatum: string | null;
  einddatum: string | null;
  duurDagen: number | null;
  vorm: 'intern' | 'extern' | null;
  afsprakenSchoolwerk: string | null;
  toelichting: string | null;
  overrideReden: string | null;
  beoogdBesluit: string | null;
  createdAt: string;
  updatedAt: string;
  /** Raised by one on every save of the measure (docs/SERVER.md "Tegelijk bewerken"). */
  versie: number;
}

export const measuresApi = {
  'measures.get': read<Measure>()(z.object({ id }), { rollen: IEDEREEN_MET_NAMEN }),
  'measures.list': read<Measure[]>()(z.object({ personId: id.optional(), incidentId: id.optional() }), { rollen: IEDEREEN_MET_NAMEN }),
  'measures.create': write<Measure>()(measureInput, { rollen: SCHOOLLEIDER }),
  'measures.update': write<Measure>()(measureInput.extend({ id, versie: recordVersion }), { rollen: SCHOOLLEIDER }),
};
