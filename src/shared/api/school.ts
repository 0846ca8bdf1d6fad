// School details, app status and the demo school (first run).
import { z } from 'zod';
import { SECTOR, REGIO } from '../domain';
import type { Sector, Regio } from '../domain';
import { requiredLine, line, optional, email, postcode } from './common';
import { read, write } from './define';
import { IEDEREEN, SCHOOLLEIDER } from './roles';

export const schoolInput = z.object({
  naam: requiredLine(150),
  sector: z.enum(SECTOR.codes, { error: 'Kies een sector.' }),
  brin: optional(z.string().trim().toUpperCase().regex(/^\d{2}[A-Z]{2}(\d{2})?$/, { error: 'Een BRIN-nummer is als 12AB (of 12AB00).' })),
  openbaar: z.boolean().default(false),
  regio: z.enum(REGIO.codes, { error: 'Kies de vakantieregio.' }),
  bevoegdGezag: optional(line(150)),
  straat: optional(line(150)),
  postcode: optional(postcode),
  plaats: optional(line(100)),
  telefoon: optional(line(30)),
  email: optional(email),
  website: optional(line(150)),
  ondertekenaarNaam: optional(line(150)),
  ondertekenaarFunctie: optional(line(150)),
  antiPestNaam: optional(line(150)),
  antiPestEmail: optional(email),
});
export type SchoolInput = z.input<typeof schoolInput>;

export interface School {
  naam: string;
  sector: Sector;
  brin: string | null;
  openbaar: boolean;
  regio: Regio;
  bevoegdGezag: string | null;
  straat: string | null;
  postcode: string | null;
  plaats: string | null;
  telefoon: string | null;
  email: string | null;
  website: string | null;
  ondertekenaarNaam: string | null;
  ondertekenaarFunctie: string | null;
  antiPestNaam: string | null;
  antiPestEmail: string | null;
  updatedAt: string;
}

export interface AppStatus {
  appVersion: string;
  schemaVersion: number;
  hasSchool: boolean;
  schoolNaam: string | null;
  /** Today's date as the core sees it (YYYY-MM-DD, Europe/Amsterdam). */
  vandaag: string;
  huidigSchooljaar: string;
}

export const schoolApi = {
  'app.status': read<AppStatus>()(z.object({}).strict(), { rollen: IEDEREEN }),
  'school.get': read<School | null>()(z.object({}).strict(), { rollen: IEDEREEN }),
  'school.save': write<School>()(schoolInput, { rollen: SCHOOLLEIDER }),
  /** Loads the fictional demo school from resources/ into an empty database. */
  'school.loadDemo': write<{ schoolNaam: string; personen: number; meldingen: number }>()(z.object({}).strict(), { rollen: SCHOOLLEIDER }),
};
