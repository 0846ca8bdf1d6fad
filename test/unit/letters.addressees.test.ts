// The addressee table of DOMAIN.md §2: per sector and age, guardians together or apart, salutations.
import { describe, it, expect } from 'vitest';
import { planAddressees, formalName, formalSalutation, postcodeLine, achternaamZelfstandig, initials } from '../../src/main/letters/addressees';
import type { AddressPerson, Guardian } from '../../src/main/letters/addressees';
import type { Sector } from '../../src/shared/domain';

const TODAY = '2026-11-16';
const born = (age: number) => `${2026 - age}-01-15`;

const pupil = (age: number | null, extra: Partial<AddressPerson> = {}): AddressPerson => ({
  id: 1,
  voornaam: 'Daniël',
  roepnaam: 'Daan',
  tussenvoegsel: null,
  achternaam: 'Jansen',
  geslacht: 'm',
  geboortedatum: age === null ? null : born(age),
  straat: 'Dorpsstraat 1',
  postcode: '4001 CD',
  plaats: 'Tiel',
  ...extra,
});
const vader: Guardian = { id: 2, voornaam: 'Pieter Jan', roepnaam: 'Piet', tussenvoegsel: null, achternaam: 'Jansen', geslacht: 'm', geboortedatum: null, straat: 'Dorpsstraat 1', postcode: '4001CD', plaats: 'Tiel', ontvangtPost: true };
const moederSamen: Guardian = { id: 3, voornaam: 'Anna', roepnaam: null, tussenvoegsel: null, achternaam: 'Jansen', geslacht: 'v', geboortedatum: null, straat: 'Dorpsstraat  1', postcode: '4001 cd', plaats: 'Tiel', ontvangtPost: true };
const moederApart: Guardian = { ...moederSamen, tussenvoegsel: 'de', achternaam: 'Vries', straat: 'Kerkstraat 5', postcode: '4011 EF', plaats: 'Zoelen' };

const plan = (sector: Sector, age: number | null, guardians: Guardian[], doel: 'leerling' | 'medewerker' | 'persoon' | 'dossier' = 'leerling', p = pupil(age)) =>
  planAddressees({ doel, sector, person: p, guardians, today: TODAY, persoonWoord: sector === 'MBO' ? 'student' : 'leerling' });

describe('addressees per sector and age', () => {
  // sector, age, expected letters (variant + first name line), expected copy to the parents
  const table: [Sector, number | null, string[], string[]][] = [
    ['PO', 10, ['ouders:De heer en mevrouw Jansen'], []],
    ['SO', 12, ['ouders:De heer en mevrouw Jansen'], []],
    ['VSO', 19, ['ouders:De heer en mevrouw Jansen'], []],
    ['VO', 15, ['ouders:De heer en mevrouw Jansen'], []],
    ['VO', 17, ['ouders:De heer en mevrouw Jansen'], []],
    ['VO', 18, ['persoon:Daan Jansen'], ['ouder(s)/verzorger(s) van Daan Jansen']],
    ['VO', 20, ['persoon:Daan Jansen'], ['ouder(s)/verzorger(s) van Daan Jansen']],
    ['VO', 21, ['persoon:Daan Jansen'], []],
    ['VO', null, ['ouders:De heer en mevrouw Jansen'], []],
    ['MBO', 16, ['persoon:Daan Jansen', 'ouders:De heer en mevrouw Jansen'], []],
    ['MBO', 17, ['persoon:Daan Jansen', 'ouders:De heer en mevrouw Jansen'], []],
    ['MBO', 18, ['persoon:Daan Jansen'], []],
    ['MBO', 25, ['persoon:Daan Jansen'], []],
  ];
  it.each(table)('%s, age %s', (sector, age, letters, afschrift) => {
    const r = plan(sector, age, [vader, moederSamen]);
    expect(r.ontvangers.map((o) => `${o.variant}:${o.regels[0]}`)).toEqual(letters);
    expect(r.afschrift).toEqual(afschrift);
  });

  it('addresses the pupil directly with "Beste" and the parents formally', () => {
    const r = plan('MBO', 17, [vader, moederSamen]);
    expect(r.ontvangers[0].aanhef).toBe('Beste Daan,');
    expect(r.ontvangers[0].regels).toEqual(['Daan Jansen', 'Dorpsstraat 1', '4001 CD  TIEL']);
    expect(r.ontvangers[1].aanhef).toBe('Geachte heer en mevrouw Jansen,');
  });

  it('writes one letter per address when the guardians live apart', () => {
    const r = plan('PO', 9, [vader, moederApart]);
    expect(r.ontvangers).toHaveLength(2);
    expect(r.ontvangers[0]).toMatchObject({ personIds: [2], regels: ['De heer P.J. Jansen', 'Dorpsstraat 1', '4001 CD  TIEL'], aanhef: 'Geachte heer Jansen,' });
    expect(r.ontvangers[1]).toMatchObject({ personIds: [3], regels: ['Mevrouw A. de Vries', 'Kerkstraat 5', '4011 EF  ZOELEN'], aanhef: 'Geachte mevrouw De Vries,' });
  });

  it('leaves out a guardian who does not receive post', () => {
    const r = plan('PO', 9, [vader, { ...moederApart, ontvangtPost: false }]);
    expect(r.ontvangers.map((o) => o.personIds)).toEqual([[2]]);
  });

  it('names two guardians with different surnames at one address, and uses the neutral form otherwise', () => {
    const samenAnders = { ...moederApart, straat: 'Dorpsstraat 1', postcode: '4001 CD', plaats: 'Tiel' };
    const r = plan('PO', 9, [vader, samenAnders]);
    expect(r.ontvangers).toHaveLength(1);
    expect(r.ontvangers[0].regels.slice(0, 2)).toEqual(['De heer P.J. Jansen', 'Mevrouw A. de Vries']);
    expect(r.ontvangers[0].aanhef).toBe('Geachte heer Jansen en mevrouw De Vries,');
    const x: Guardian = { ...vader, id: 9, voornaam: 'Kim', roepnaam: null, achternaam: 'Peters', geslacht: 'x' };
    const neutral = plan('PO', 9, [vader, x]);
    expect(neutral.ontvangers[0].regels.slice(0, 2)).toEqual(['Aan de ouder(s)/verzorger(s) van', 'Daan Jansen']);
    expect(neutral.ontvangers[0].aanhef).toBe('Geachte ouder(s)/verzorger(s) van Daan,');
    const alone = plan('PO', 9, [x]);
    expect(alone.ontvangers[0].aanhef).toBe('Geachte Kim Peters,');
  });

  it('falls back to the pupil\u2019s address with a warning, and refuses when no address is known at all', () => {
    const r = plan('PO', 9, []);
    expect(r.ontvangers[0].regels).toEqual(['Aan de ouder(s)/verzorger(s) van', 'Daan Jansen', 'Dorpsstraat 1', '4001 CD  TIEL']);
    expect(r.waarschuwingen[0]).toMatch(/geen ouder\/verzorger gekoppeld/);
    expect(() => plan('PO', 9, [], 'leerling', pupil(9, { straat: null }))).toThrow(/geen ouder\/verzorger .* post ontvangt/);
    const zonderAdres = { ...moederApart, straat: null };
    const viaLeerling = plan('PO', 9, [vader, zonderAdres]);
    expect(viaLeerling.ontvangers).toHaveLength(1);
    expect(viaLeerling.waarschuwingen[0]).toMatch(/geen adres bekend/);
  });

  it('writes to a staff member at home, formally, and refuses without a home address', () => {
    const staff: AddressPerson = { ...pupil(40), voornaam: 'Karel', roepnaam: null, achternaam: 'Smit', straat: 'Molenweg 8', postcode: '4004 GH', plaats: 'Tiel' };
    const r = plan('VO', 40, [], 'medewerker', staff);
    expect(r.ontvangers[0].regels).toEqual(['De heer K. Smit', 'Molenweg 8', '4004 GH  TIEL']);
    expect(r.ontvangers[0].aanhef).toBe('Geachte heer Smit,');
    expect(() => plan('VO', 40, [], 'medewerker', { ...staff, postcode: null })).toThrow(/geen volledig adres/);
  });

  it('addresses a note for the file to the dossier, without salutation', () => {
    const r = plan('VO', 15, [vader], 'dossier', pupil(15, { leerlingnummer: '100234' }));
    expect(r.ontvangers).toEqual([{ variant: 'persoon', personIds: [], regels: ['Dossier van', 'Daan Jansen', 'leerlingnummer 100234'], aanhef: null, label: 'dossier van Daan Jansen' }]);
  });
});

describe('names and address lines', () => {
  it('writes the postcode line with two spaces and the place in capitals', () => {
    expect(postcodeLine('4001ab', "'s-Hertogenbosch")).toBe("4001 AB  'S-HERTOGENBOSCH");
    expect(postcodeLine('1234 AB', 'Tiel')).toBe('1234 AB  TIEL');
  });
  it('capitalises the tussenvoegsel only without initials or first name', () => {
    const p: AddressPerson = { ...pupil(40), voornaam: 'Jan Pieter', tussenvoegsel: 'van der', achternaam: 'Berg', geslacht: 'v' };
    expect(formalName(p)).toBe('Mevrouw J.P. van der Berg');
    expect(formalSalutation(p)).toBe('Geachte mevrouw Van der Berg,');
    expect(achternaamZelfstandig({ tussenvoegsel: 'de', achternaam: 'Vries' })).toBe('De Vries');
    expect(initials('anne-marie sophie')).toBe('A.M.S.');
  });
});
