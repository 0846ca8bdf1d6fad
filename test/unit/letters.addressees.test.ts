// Who receives a letter about a pupil (the law's rule, rules/geadresseerden.ts) and how it is
// addressed: per sector and age, around birthdays, gezag, consent, guardians together or apart.
import { describe, it, expect } from 'vitest';
import { planAddressees, formalName, formalSalutation, postcodeLine, achternaamZelfstandig, initials } from '../../src/main/letters/addressees';
import type { AddressPerson, Guardian } from '../../src/main/letters/addressees';
import { geadresseerdeTekst, geadresseerden } from '../../src/main/obligations/rules/geadresseerden';
import { BRONNEN } from '../../src/main/obligations/sources';
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
const link = { ontvangtPost: true, gezag: true, toestemmingAfschriftOp: null };
const vader: Guardian = { id: 2, voornaam: 'Pieter Jan', roepnaam: 'Piet', tussenvoegsel: null, achternaam: 'Jansen', geslacht: 'm', geboortedatum: null, straat: 'Dorpsstraat 1', postcode: '4001CD', plaats: 'Tiel', ...link };
const moederSamen: Guardian = { id: 3, voornaam: 'Anna', roepnaam: null, tussenvoegsel: null, achternaam: 'Jansen', geslacht: 'v', geboortedatum: null, straat: 'Dorpsstraat  1', postcode: '4001 cd', plaats: 'Tiel', ...link };
const moederApart: Guardian = { ...moederSamen, tussenvoegsel: 'de', achternaam: 'Vries', straat: 'Kerkstraat 5', postcode: '4011 EF', plaats: 'Zoelen' };

const plan = (sector: Sector, age: number | null, guardians: Guardian[], doel: 'leerling' | 'medewerker' | 'persoon' | 'dossier' = 'leerling', p = pupil(age), today = TODAY) =>
  planAddressees({ doel, sector, person: p, guardians, today, persoonWoord: sector === 'MBO' ? 'student' : 'leerling' });
const letters = (r: ReturnType<typeof plan>) => r.ontvangers.map((o) => `${o.variant}:${o.regels[0]}`);

const LEERLING = 'persoon:Daan Jansen';
const OUDERS = 'ouders:De heer en mevrouw Jansen';

describe('addressees per sector and age', () => {
  // sector, age on the letter's date, expected letters (variant + first name line)
  const table: [Sector, number | null, string[]][] = [
    ['PO', 10, [OUDERS]],
    ['PO', null, [OUDERS]],
    ['SO', 12, [OUDERS]],
    ['SO', 18, [LEERLING]],
    ['VSO', 17, [OUDERS]],
    ['VSO', 19, [LEERLING]],
    ['VSO', null, [OUDERS]],
    ['VO', 12, [LEERLING, OUDERS]],
    ['VO', 17, [LEERLING, OUDERS]],
    ['VO', 18, [LEERLING, OUDERS]],
    ['VO', 20, [LEERLING, OUDERS]],
    ['VO', 21, [LEERLING]],
    ['VO', null, [LEERLING, OUDERS]],
    ['MBO', 16, [LEERLING, OUDERS]],
    ['MBO', 17, [LEERLING, OUDERS]],
    ['MBO', 18, [LEERLING]],
    ['MBO', 25, [LEERLING]],
    ['MBO', null, [LEERLING, OUDERS]],
  ];
  it.each(table)('%s, age %s', (sector, age, want) => {
    const r = plan(sector, age, [vader, moederSamen]);
    expect(letters(r)).toEqual(want);
    // Parents of an adult pupil get nothing without his recorded consent.
    expect(r.afschrift).toEqual([]);
    expect(r.waarschuwingen.some((w) => w.includes('geboortedatum van Daan Jansen is niet bekend'))).toBe(age === null && sector !== 'PO');
  });

  // A birthday on 29 February counts from 1 March in a common year; 31 December is the last day of a year.
  const around = (geboortedatum: string, today: string, sector: Sector) => letters(plan(sector, 0, [vader, moederSamen], 'leerling', pupil(0, { geboortedatum }), today));
  it('turns 18 on 1 March when born on 29 February, and on 31 December itself', () => {
    for (const [geboren, dag17, dag18] of [
      ['2008-02-29', '2026-02-28', '2026-03-01'],
      ['2008-12-31', '2026-12-30', '2026-12-31'],
    ]) {
      expect([around(geboren, dag17, 'VSO'), around(geboren, dag17, 'MBO'), around(geboren, dag17, 'SO')]).toEqual([[OUDERS], [LEERLING, OUDERS], [OUDERS]]);
      expect([around(geboren, dag18, 'VSO'), around(geboren, dag18, 'MBO'), around(geboren, dag18, 'SO')]).toEqual([[LEERLING], [LEERLING], [LEERLING]]);
    }
  });
  it('writes to the parents of a VO pupil until the day he turns 21', () => {
    for (const [geboren, dag20, dag21] of [
      ['2004-02-29', '2025-02-28', '2025-03-01'],
      ['2005-12-31', '2026-12-30', '2026-12-31'],
    ]) {
      expect(around(geboren, dag20, 'VO')).toEqual([LEERLING, OUDERS]);
      expect(around(geboren, dag21, 'VO')).toEqual([LEERLING]);
    }
  });

  it('writes only to the parents with gezag; a parent without gezag gets no letter and is named in a warning', () => {
    const zonderGezag: Guardian = { ...moederApart, gezag: false };
    const po = plan('PO', 9, [vader, zonderGezag]);
    expect(po.ontvangers.map((o) => o.personIds)).toEqual([[2]]);
    expect(po.afschrift).toEqual([]);
    expect(po.waarschuwingen.join('\n')).toMatch(/Anna de Vries heeft geen gezag en krijgt deze brief niet.*1:377c/);
    const vo = plan('VO', 16, [vader, zonderGezag]);
    expect(vo.ontvangers.map((o) => o.personIds)).toEqual([[1], [2]]);
    // Nobody with gezag: the letter goes to "de ouders" at the pupil's address, with a warning.
    const niemand = plan('MBO', 16, [zonderGezag]);
    expect(letters(niemand)).toEqual([LEERLING, 'ouders:Aan de ouder(s)/verzorger(s) van']);
    expect(niemand.waarschuwingen.join('\n')).toMatch(/geen ouder\/verzorger met gezag gekoppeld/);
  });

  it('warns when a parent with gezag is set not to receive letters', () => {
    const r = plan('SO', 8, [vader, { ...moederApart, ontvangtPost: false }]);
    expect(r.ontvangers.map((o) => o.personIds)).toEqual([[2]]);
    expect(r.waarschuwingen.join('\n')).toMatch(/Anna de Vries heeft gezag, maar ontvangt volgens de koppeling geen brieven/);
  });

  it('writes to a VO pupil and to each parent with gezag at his own address', () => {
    const r = plan('VO', 15, [vader, moederApart]);
    expect(r.ontvangers.map((o) => [o.variant, o.personIds, o.regels[0], o.aanhef])).toEqual([
      ['persoon', [1], 'Daan Jansen', 'Beste Daan,'],
      ['ouders', [2], 'De heer P.J. Jansen', 'Geachte heer Jansen,'],
      ['ouders', [3], 'Mevrouw A. de Vries', 'Geachte mevrouw De Vries,'],
    ]);
    expect(r.waarschuwingen).toEqual([]);
  });

  it('sends a minor pupil without an address his letter at the first parent\u2019s address, and refuses for an adult', () => {
    const r = plan('VO', 14, [vader, moederApart], 'leerling', pupil(14, { straat: null, postcode: null, plaats: null }));
    expect(r.ontvangers.map((o) => [o.personIds, o.regels, o.aanhef])).toEqual([
      [[1], ['Daan Jansen', 'Dorpsstraat 1', '4001 CD  TIEL'], 'Beste Daan,'],
      [[2], ['De heer P.J. Jansen', 'Dorpsstraat 1', '4001 CD  TIEL'], 'Geachte heer Jansen,'],
      [[3], ['Mevrouw A. de Vries', 'Kerkstraat 5', '4011 EF  ZOELEN'], 'Geachte mevrouw De Vries,'],
    ]);
    expect(r.ontvangers[0].label).toBe('Daan Jansen (p/a Piet Jansen (Tiel))');
    expect(r.waarschuwingen).toEqual(['Van Daan Jansen is geen adres bekend; de brief aan Daan gaat naar het adres van Piet Jansen (Tiel).']);
    expect(() => plan('MBO', 19, [vader], 'leerling', pupil(19, { straat: null }))).toThrow(/geen volledig adres bekend van Daan Jansen \(student\)/);
  });

  it('sends the parents of an adult pupil a copy only with his recorded consent', () => {
    const zonder = plan('VO', 22, [vader, moederApart]);
    expect(letters(zonder)).toEqual([LEERLING]);
    expect(zonder.afschrift).toEqual([]);
    expect(zonder.waarschuwingen.join('\n')).toMatch(/Daan Jansen is meerderjarig; Piet Jansen en Anna de Vries krijgen geen afschrift/);
    const met = plan('VO', 22, [vader, { ...moederApart, toestemmingAfschriftOp: '2026-09-01' }]);
    expect(letters(met)).toEqual([LEERLING]);
    expect(met.afschrift).toEqual(['Anna de Vries (ouder/verzorger)']);
    expect(met.waarschuwingen.join('\n')).toMatch(/Piet Jansen krijgt geen afschrift/);
    // Consent counts only once the pupil is an adult: a minor's parents get their own letter instead.
    const mbo = plan('MBO', 18, [{ ...vader, toestemmingAfschriftOp: '2026-09-01' }]);
    expect(mbo.afschrift).toEqual(['Piet Jansen (ouder/verzorger)']);
    expect(plan('MBO', 17, [{ ...vader, toestemmingAfschriftOp: '2026-09-01' }]).afschrift).toEqual([]);
    // An adult VSO pupil receives it himself; the warning names the curator's case.
    expect(plan('VSO', 19, [vader]).waarschuwingen.join('\n')).toMatch(/curatele/);
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

  it('names each addressee for the copy lines of the others: the pupil, each parent, parents at one address together', () => {
    const apart = plan('VO', 15, [vader, moederApart]);
    expect(apart.ontvangers.map((o) => o.afschriftNaam)).toEqual(['Daan Jansen (leerling)', 'Piet Jansen (ouder/verzorger)', 'Anna de Vries (ouder/verzorger)']);
    const samen = plan('PO', 9, [vader, { ...moederApart, straat: 'Dorpsstraat 1', postcode: '4001 CD', plaats: 'Tiel' }]);
    expect(samen.ontvangers.map((o) => o.afschriftNaam)).toEqual(['Piet Jansen en Anna de Vries (ouders/verzorgers)']);
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
    expect(r.waarschuwingen[0]).toMatch(/geen ouder\/verzorger met gezag gekoppeld/);
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
    expect(r.ontvangers).toEqual([{ variant: 'persoon', personIds: [], regels: ['Dossier van', 'Daan Jansen', 'leerlingnummer 100234'], aanhef: null, label: 'dossier van Daan Jansen', afschriftNaam: '' }]);
  });
});

describe('the addressee rule', () => {
  it('names the addressee for obligation titles by sector and age', () => {
    const cases: [Sector, number | null, string][] = [
      ['PO', 10, 'de ouders'],
      ['PO', null, 'de ouders'],
      ['SO', 11, 'de ouders'],
      ['VSO', 17, 'de ouders'],
      ['VSO', 18, 'de leerling'],
      ['VO', 14, 'de leerling en de ouders'],
      ['VO', 20, 'de leerling en de ouders'],
      ['VO', 21, 'de leerling'],
      ['VO', null, 'de leerling en de ouders'],
      ['MBO', 17, 'de student en de ouders'],
      ['MBO', 18, 'de student'],
    ];
    expect(cases.map(([sector, leeftijd]) => geadresseerdeTekst(sector, leeftijd))).toEqual(cases.map((c) => c[2]));
  });

  it('cites the article that names the addressees, each a registered source with a link', () => {
    const bronnen = (sector: Sector, leeftijd: number | null) => geadresseerden({ sector, leeftijd, leerlingNaam: 'Daan', ouders: [] }).bronnen;
    expect(bronnen('PO', 9)).toContain('wpo.40c.2');
    expect(bronnen('VSO', 15)).toContain('wec.40a.2');
    expect(bronnen('VO', 19)).toEqual(expect.arrayContaining(['ibwvo.13.2', 'ibwvo.15.1']));
    expect(bronnen('MBO', 19)).toEqual(expect.arrayContaining(['bw1.233', 'avg.toestemming']));
    for (const sector of ['PO', 'SO', 'VSO', 'VO', 'MBO'] as const) {
      for (const id of bronnen(sector, 19)) expect(BRONNEN[id].url).toMatch(/^https:\/\//);
    }
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
