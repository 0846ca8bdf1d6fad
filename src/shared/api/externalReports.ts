// Reports to the vertrouwensinspecteur, police, Inspectie (ISD) and leerplichtambtenaar.
import { z } from 'zod';
import { INSTANTIE, MELDING_SOORT } from '../domain';
import type { Instantie, ExterneMeldingSoort } from '../domain';
import { id, isoDate, time, line, optional, text } from './common';
import { read, write } from './define';
import { recordVersion } from './people';
import { IEDEREEN_MET_NAMEN, SCHOOLLEIDER } from './roles';

export const externalReportInput = z.object({
  incidentId: id,
  /** The person the report is about, where there is one (e.g. the pupil in an ISD notice). */
  personId: id.nullable().optional(),
  measureId: id.nullable().optional(),
  instantie: z.enum(INSTANTIE.codes, { error: 'Kies bij wie gemeld is.' }),
  soort: z.enum(MELDING_SOORT.codes, { error: 'Kies het soort melding aan de instantie.' }),
  datum: isoDate,
  tijd: optional(time),
  door: optional(line(150)),
  /** Reference, registration or proces-verbaal number, as free text. */
  kenmerk: optional(line(100)),
  politieEenheid: optional(line(150)),
  schooladresGebruikt: z.boolean().nullable().optional(),
  contactpersoon: optional(line(150)),
  toelichting: optional(text(5000)),
});
export type ExternalReportInput = z.input<typeof externalReportInput>;

export interface ExternalReport {
  id: number;
  incidentId: number;
  personId: number | null;
  measureId: number | null;
  instantie: Instantie;
  soort: ExterneMeldingSoort;
  datum: string;
  tijd: string | null;
  door: string | null;
  kenmerk: string | null;
  politieEenheid: string | null;
  schooladresGebruikt: boolean | null;
  contactpersoon: string | null;
  toelichting: string | null;
  createdAt: string;
  /** Raised by one on every save of the report (docs/SERVER.md "Tegelijk bewerken"). */
  versie: number;
}

export const externalReportsApi = {
  'externalReports.list': read<ExternalReport[]>()(z.object({ incidentId: id }), { rollen: IEDEREEN_MET_NAMEN }),
  'externalReports.create': write<ExternalReport>()(externalReportInput, { rollen: SCHOOLLEIDER }),
  'externalReports.update': write<ExternalReport>()(externalReportInput.extend({ id, versie: recordVersion }), { rollen: SCHOOLLEIDER }),
};
