// Test data for the letters tests, created through the API like a school leader would: a school, a
// protocol, a pupil with separated parents, a victim, a staff member, a parent, an incident with rules,
// and measures. Also reads a .docx back to its document text.
import JSZip from 'jszip';
import type { TestCore } from '../support/core';
import type { SchoolInput } from '../../src/shared/api/school';
import type { PersonInput } from '../../src/shared/api/people';
import type { MeasureInput } from '../../src/shared/api/measures';

export const SCHOOL: SchoolInput = {
  naam: 'Het Lingecollege',
  sector: 'VO',
  brin: '12AB',
  openbaar: false,
  regio: 'midden',
  bevoegdGezag: 'Stichting Voortgezet Onderwijs Rivierenland',
  straat: 'Stationsstraat 12',
  postcode: '4001 AB',
  plaats: 'Tiel',
  telefoon: '0344 123 456',
  email: 'info@lingecollege.nl',
  website: 'www.lingecollege.nl',
  ondertekenaarNaam: 'M. de Boer',
  ondertekenaarFunctie: 'rector',
};

export interface Seed {
  daanId: number;
  pietId: number;
  annaId: number;
  sanneId: number;
  docentId: number;
  ouderId: number;
  incidentId: number;
  regels: { id: number; volledigNummer: string; tekst: string }[];
}

const person = (p: Partial<PersonInput> & Pick<PersonInput, 'soort' | 'voornaam' | 'achternaam'>): PersonInput => p as PersonInput;

export async function seed(t: TestCore, school: Partial<SchoolInput> = {}): Promise<Seed> {
  await t.call('school.save', { ...SCHOOL, ...school });
  const protocol = await t.call('protocols.createFromTemplate', { ingangsdatum: '2025-08-01' });
  const alle = protocol.secties.flatMap((s) => s.regels);
  const regels = [alle[6], alle[9]].map((r) => ({ id: r.id, volledigNummer: r.volledigNummer, tekst: r.tekst }));
  const daan = await t.call(
    'people.create',
    person({ soort: 'leerling', voornaam: 'Daniël', roepnaam: 'Daan', achternaam: 'Jansen', geslacht: 'm', geboortedatum: '2011-03-04', groep: '3B', leerlingnummer: '100234', straat: 'Dorpsstraat 1', postcode: '4001 CD', plaats: 'Tiel' }),
  );
  const piet = await t.call('people.create', person({ soort: 'ouder', voornaam: 'Pieter Jan', roepnaam: 'Piet', achternaam: 'Jansen', geslacht: 'm', straat: 'Dorpsstraat 1', postcode: '4001CD', plaats: 'Tiel' }));
  const anna = await t.call('people.create', person({ soort: 'ouder', voornaam: 'Anna', tussenvoegsel: 'de', achternaam: 'Vries', geslacht: 'v', straat: 'Kerkstraat 5', postcode: '4011 EF', plaats: 'Zoelen' }));
  await t.call('people.linkGuardian', { leerlingId: daan.id, ouderId: piet.id, relatie: 'vader' });
  await t.call('people.linkGuardian', { leerlingId: daan.id, ouderId: anna.id, relatie: 'moeder' });
  const sanne = await t.call('people.create', person({ soort: 'leerling', voornaam: 'Sanne', achternaam: 'Bakker', geslacht: 'v', geboortedatum: '2011-06-01', groep: '3B' }));
  const docent = await t.call(
    'people.create',
    person({ soort: 'medewerker', voornaam: 'Karel', achternaam: 'Smit', geslacht: 'm', functie: 'docent Nederlands', straat: 'Molenweg 8', postcode: '4004 GH', plaats: 'Tiel', personeelsnummer: 'P-77' }),
  );
  const ouder = await t.call('people.create', person({ soort: 'ouder', voornaam: 'Kim', achternaam: 'Peters', geslacht: 'x', straat: 'Laan 3', postcode: '4002 JK', plaats: 'Tiel' }));
  const incident = await t.call('incidents.create', {
    datumVoorval: '2026-11-10',
    datumMelding: '2026-11-11',
    locatie: 'buiten_school',
    platform: 'instagram',
    categorie: 'pesten',
    ernst: 'hoog',
    omschrijving: 'Daan heeft een bewerkte foto van Sanne Bakker met een kwetsende tekst in een Instagram-verhaal geplaatst. Sanne heeft dit gemeld bij haar mentor.',
    regelIds: regels.map((r) => r.id),
    betrokkenen: [
      { personId: daan.id, rol: 'dader' },
      { personId: sanne.id, rol: 'slachtoffer' },
    ],
  });
  return { daanId: daan.id, pietId: piet.id, annaId: anna.id, sanneId: sanne.id, docentId: docent.id, ouderId: ouder.id, incidentId: incident.id, regels };
}

export async function schorsing(t: TestCore, s: Seed, extra: Partial<MeasureInput> = {}): Promise<number> {
  const m = await t.call('measures.create', {
    incidentId: s.incidentId,
    personId: s.daanId,
    soort: 'schorsing',
    status: 'besloten',
    besluitDatum: '2026-11-16',
    startdatum: '2026-11-17',
    einddatum: '2026-11-19',
    vorm: 'extern',
    afsprakenSchoolwerk: 'Daan maakt thuis de opdrachten uit de studiewijzer en levert die op 20 november in bij zijn mentor.',
    ...extra,
  });
  await t.call('obligations.hearings.add', { measureId: m.id, gehoord: 'leerling', personId: s.daanId, datum: '2026-11-12', tijd: '10:00', door: 'M. de Boer' });
  await t.call('obligations.hearings.add', { measureId: m.id, gehoord: 'ouders', personId: s.pietId, datum: '2026-11-13', tijd: '16:30', door: 'M. de Boer' });
  return m.id;
}

/** The text of word/document.xml (and the headers/footers) of a .docx, with paragraph breaks as newlines. */
export async function docxText(bytes: Buffer): Promise<{ body: string; xml: string; headers: string }> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  const headerFiles = Object.keys(zip.files).filter((n) => /^word\/(header|footer)\d+\.xml$/.test(n));
  const headers = (await Promise.all(headerFiles.map((n) => zip.file(n)!.async('string')))).join('\n');
  const toText = (x: string) =>
    x
      .replace(/<w:tab\/>/g, '\t')
      .replace(/<w:br\/>/g, '\n')
      .replace(/<\/w:p>/g, '\n')
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'");
  return { body: toText(xml), xml, headers: toText(headers) + headers };
}

/** The files in an access-request answer (.zip, base64), and the text of its dossier .docx. */
export async function bundleOf(base64: string): Promise<{ names: string[]; file: (name: string) => Promise<Buffer>; dossier: { body: string; xml: string; headers: string } }> {
  const zip = await JSZip.loadAsync(Buffer.from(base64, 'base64'));
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  const file = (name: string) => zip.file(name)!.async('nodebuffer');
  const dossierName = names.find((n) => /^Dossier .*\.docx$/.test(n));
  if (!dossierName) throw new Error(`no dossier in the answer: ${names.join(', ')}`);
  return { names, file, dossier: await docxText(await file(dossierName)) };
}
