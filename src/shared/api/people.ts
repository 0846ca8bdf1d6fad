// People (leerling/student, medewerker, ouder/verzorger, extern), guardians, and the dossier timeline.
import { z } from 'zod';
import { PERSOON_SOORT, GESLACHT } from '../domain';
import type { PersoonSoort, Geslacht, Rol, Maatregel, MaatregelStatus, Instantie, ExterneMeldingSoort, IncidentStatus } from '../domain';
import { id, isoDate, line, requiredLine, optional, email, postcode, text, paging, sortDir } from './common';
import type { Page } from './common';
import { read, write } from './define';
import { IEDEREEN_MET_NAMEN, SCHOOLLEIDER, rollen } from './roles';

export const personInput = z.object({
  soort: z.enum(PERSOON_SOORT.codes, { error: 'Kies wat voor persoon dit is.' }),
  voornaam: requiredLine(100),
  roepnaam: optional(line(100)),
  tussenvoegsel: optional(line(30)),
  achternaam: requiredLine(100),
  geslacht: optional(z.enum(GESLACHT.codes)),
  geboortedatum: optional(isoDate),
  leerlingnummer: optional(line(30)),
  eckId: optional(line(256)),
  groep: optional(line(30)),
  leerjaar: optional(z.number().int().min(0).max(12)),
  opleiding: optional(line(150)),
  functie: optional(line(100)),
  personeelsnummer: optional(line(30)),
  organisatie: optional(line(150)),
  straat: optional(line(150)),
  postcode: optional(postcode),
  plaats: optional(line(100)),
  email: optional(email),
  telefoon: optional(line(30)),
  ingeschrevenOp: optional(isoDate),
  uitgeschrevenOp: optional(isoDate),
  notities: optional(text(5000)),
});
/**
 * The record's version as the form loaded it (docs/SERVER.md "Tegelijk bewerken"): a save over a
 * newer version is refused with CONFLICT and the stored record (ApiError.huidig). Optional: without
 * it (the CLI, older callers) the save goes through as before.
 */
export const recordVersion = z.number().int().positive().optional();

export type PersonInput = z.input<typeof personInput>;

export interface PersonRef {
  id: number;
  soort: PersoonSoort;
  /** Display name: roepnaam (or voornaam), tussenvoegsel, achternaam. */
  naam: string;
  groep: string | null;
  leerlingnummer: string | null;
  functie: string | null;
}

export interface Person {
  id: number;
  soort: PersoonSoort;
  voornaam: string;
  roepnaam: string | null;
  tussenvoegsel: string | null;
  achternaam: string;
  naam: string;
  geslacht: Geslacht | null;
  geboortedatum: string | null;
  leerlingnummer: string | null;
  eckId: string | null;
  groep: string | null;
  leerjaar: number | null;
  opleiding: string | null;
  functie: string | null;
  personeelsnummer: string | null;
  organisatie: string | null;
  straat: string | null;
  postcode: string | null;
  plaats: string | null;
  email: string | null;
  telefoon: string | null;
  ingeschrevenOp: string | null;
  uitgeschrevenOp: string | null;
  notities: string | null;
  createdAt: string;
  updatedAt: string;
  /** Raised by one on every save of the person (docs/SERVER.md "Tegelijk bewerken"). */
  versie: number;
  /** For a pupil: the guardians; for a parent: the children. */
  koppelingen: GuardianLink[];
}

export interface GuardianLink {
  leerlingId: number;
  ouderId: number;
  /** The other side of the link, as seen from the person that was asked for. */
  persoon: PersonRef;
  relatie: string | null;
  gezag: boolean;
  ontvangtPost: boolean;
  /** The date an adult pupil's consent to a copy of his letters for this parent was recorded; null: none. */
  toestemmingAfschriftOp: string | null;
}

export const guardianLinkInput = z.object({
  leerlingId: id,
  ouderId: id,
  relatie: optional(line(50)),
  gezag: z.boolean().default(true),
  ontvangtPost: z.boolean().default(true),
  /** Record (true) or withdraw (false) the adult pupil's consent to a copy for this parent; left out: unchanged. */
  toestemmingAfschrift: z.boolean().optional(),
});

export const peopleSortField = z.enum(['naam', 'soort', 'groep', 'leerlingnummer', 'geboortedatum', 'updatedAt']);

export const peopleListInput = z.object({
  ...paging,
  sort: z.object({ field: peopleSortField, dir: sortDir }).default({ field: 'naam', dir: 'asc' }),
  soort: z.array(z.enum(PERSOON_SOORT.codes)).max(4).optional(),
  search: optional(line(100)),
  inclusiefUitgeschreven: z.boolean().default(true),
});

export interface PersonRow extends PersonRef {
  geboortedatum: string | null;
  email: string | null;
  uitgeschrevenOp: string | null;
  aantalMeldingen: number;
}

export type DossierItem =
  | { type: 'melding'; datum: string; incidentId: number; nummer: string; rol: Rol; categorie: string; status: IncidentStatus; omschrijving: string }
  | { type: 'maatregel'; datum: string; measureId: number; incidentId: number | null; soort: Maatregel; status: MaatregelStatus; startdatum: string | null; einddatum: string | null; toelichting: string | null }
  | { type: 'externe_melding'; datum: string; reportId: number; incidentId: number; instantie: Instantie; soort: ExterneMeldingSoort; kenmerk: string | null }
  | { type: 'brief'; datum: string; letterId: number; kenmerk: string; titel: string }
  | {
      type: 'verplichting';
      datum: string;
      obligationId: number;
      titel: string;
      /** The English title (the app in English); null when there is none. */
      titelEn: string | null;
      status: string;
      gedaanDoor: string | null;
      gedaanOp: string | null;
    };

export interface Dossier {
  persoon: Person;
  /** One chronological timeline, newest first. */
  items: DossierItem[];
}

export const peopleApi = {
  'people.list': read<Page<PersonRow>>()(peopleListInput, { rollen: IEDEREEN_MET_NAMEN }),
  'people.search': read<PersonRef[]>()(
    z.object({ q: line(100), soort: z.array(z.enum(PERSOON_SOORT.codes)).max(4).optional(), limit: z.number().int().min(1).max(50).default(20) }),
    { rollen: rollen('teamleider', 'mentor', 'zorg', 'medewerker') },
  ),
  'people.get': read<Person>()(z.object({ id }), { rollen: IEDEREEN_MET_NAMEN }),
  'people.create': write<Person>()(personInput, { rollen: SCHOOLLEIDER }),
  'people.update': write<Person>()(personInput.extend({ id, versie: recordVersion }), { rollen: SCHOOLLEIDER }),
  'people.linkGuardian': write<Person>()(guardianLinkInput, { rollen: SCHOOLLEIDER }),
  'people.unlinkGuardian': write<Person>()(z.object({ leerlingId: id, ouderId: id }), { rollen: SCHOOLLEIDER }),
  'dossier.get': read<Dossier>()(z.object({ personId: id }), { rollen: IEDEREEN_MET_NAMEN }),
};
