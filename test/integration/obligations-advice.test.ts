// The advice on an incident with its legal basis: per standard category the criminal
// offences it may be, with the exact articles of the Wetboek van Strafrecht (as they stand since the
// Wet seksuele misdrijven of 1 July 2024); the school's own meldcode where a child may be abused; and
// no advice where none applies. Every item names its sources, which resolve to real links.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { makeTestCore, type TestCore } from '../support/core';
import { BRONNEN } from '../../src/main/obligations/sources';
import type { AdviceItem } from '../../src/shared/api/obligations';
import type { PersoonSoort, Rol } from '../../src/shared/domain';

let t: TestCore;
let n = 0;
beforeEach(() => {
  // Friday 17 October 2025.
  t = makeTestCore({ now: '2025-10-17T09:00:00Z' });
  n = 0;
});
afterEach(() => t.cleanup());

async function person(soort: PersoonSoort) {
  n++;
  return t.call('people.create', {
    soort,
    voornaam: `Persoon${n}`,
    achternaam: soort === 'leerling' ? 'Leerling' : 'Volwassene',
    ...(soort === 'leerling' ? { groep: '3A' } : {}),
  });
}

/** The advice on a new incident in this category, with the people in these roles. */
async function adviceFor(
  categorie: string,
  betrokkenen: [PersoonSoort, Rol][] = [['leerling', 'dader']],
  ernst: 'laag' | 'middel' | 'hoog' = 'middel',
) {
  await t.call('school.save', { naam: 'De Linde', sector: 'VO', regio: 'midden' });
  const people = [];
  for (const [soort, rol] of betrokkenen) people.push({ personId: (await person(soort)).id, rol });
  const incident = await t.call('incidents.create', {
    datumVoorval: '2025-10-16',
    datumMelding: '2025-10-17',
    locatie: 'buiten_school',
    platform: 'snapchat',
    categorie,
    ernst,
    omschrijving: 'Voorval.',
    betrokkenen: people,
  });
  return (await t.call('obligations.advice', { incidentId: incident.id })).items;
}

const item = (items: AdviceItem[], soort: AdviceItem['soort']) => items.find((i) => i.soort === soort);

describe('aangifte: the offences per standard category, with the exact articles', () => {
  it.each([
    ['bedreiging', ['sr.285'], 'Sr art. 285', 'art. 285 Sr'],
    ['stalking', ['sr.285b'], 'Sr art. 285b', 'art. 285b Sr'],
    ['kwetsen', ['sr.266', 'sr.269'], 'Sr art. 266; Sr art. 269', 'art. 266 Sr'],
    ['discriminatie', ['sr.137c', 'sr.137d', 'sr.137e'], 'Sr art. 137c; Sr art. 137d; Sr art. 137e', 'art. 137c–137e Sr'],
    ['seksueel', ['sr.252', 'sr.139h'], 'Sr art. 252; Sr art. 139h', 'art. 252 Sr'],
    ['beeld_zonder_toestemming', ['sr.139h', 'sr.252'], 'Sr art. 139h; Sr art. 252', 'art. 139h Sr'],
    ['persoonsgegevens', ['sr.285d'], 'Sr art. 285d', 'art. 285d Sr'],
    ['hacken', ['sr.138ab'], 'Sr art. 138ab', 'art. 138ab Sr'],
    ['nepaccount', ['sr.231b'], 'Sr art. 231b', 'art. 231b Sr'],
  ])('%s: %j', async (categorie, bronnen, bronTekst, inTekst) => {
    const aangifte = item(await adviceFor(categorie), 'aangifte');
    expect(aangifte).toMatchObject({
      titel: 'Mogelijk strafbaar feit: overweeg aangifte of een melding bij de politie',
      bronnen,
      bronTekst,
    });
    expect(aangifte!.tekst).toContain(inTekst);
    expect(aangifte!.tekst).toContain('Overleg met de betrokkenen (en bij een minderjarige met de ouders) over aangifte of een melding');
    // Each source is an article of the Wetboek van Strafrecht on wetten.overheid.nl.
    for (const id of bronnen) {
      const artikel = id.slice(3);
      expect(BRONNEN[id as keyof typeof BRONNEN]).toMatchObject({
        citaat: `Sr art. ${artikel}`,
        url: `https://wetten.overheid.nl/jci1.3:c:BWBR0001854&artikel=${artikel}`,
      });
    }
  });

  it('cites art. 252 Sr for child sexual imagery, not the old art. 240b, and says insult needs a complaint', async () => {
    const seksueel = item(
      await adviceFor('seksueel', [
        ['leerling', 'dader'],
        ['leerling', 'slachtoffer'],
      ]),
      'aangifte',
    )!;
    expect(seksueel.tekst).toContain('art. 252 Sr, tot 1 juli 2024 art. 240b Sr');
    expect(seksueel.bronnen).not.toContain('sr.240b');
    const kwetsen = item(await adviceFor('kwetsen'), 'aangifte')!;
    expect(kwetsen.tekst).toContain('De politie vervolgt alleen als de beledigde daarom vraagt met een klacht (art. 269 Sr).');
  });

  it('notes an aangifte already recorded at the police', async () => {
    await t.call('school.save', { naam: 'De Linde', sector: 'VO', regio: 'midden' });
    const dader = await person('leerling');
    const inc = await t.call('incidents.create', {
      datumVoorval: '2025-10-16',
      datumMelding: '2025-10-17',
      locatie: 'buiten_school',
      platform: 'overig',
      categorie: 'persoonsgegevens',
      ernst: 'hoog',
      omschrijving: 'Adres van een docent gedeeld.',
      betrokkenen: [{ personId: dader.id, rol: 'dader' }],
    });
    await t.call('externalReports.create', { incidentId: inc.id, instantie: 'politie', soort: 'aangifte', datum: '2025-10-17' });
    const aangifte = item((await t.call('obligations.advice', { incidentId: inc.id })).items, 'aangifte')!;
    expect(aangifte.tekst).toMatch(/\(art\. 285d Sr\)\. .* Al vastgelegd: aangifte op 17-10-2025\.$/);
  });
});

describe('no advice where none applies', () => {
  it.each(['pesten', 'les', 'reputatieschade', 'overig'])(
    '%s (not serious, a pupil as dader, first incident): no advice at all',
    async (categorie) => {
      expect(await adviceFor(categorie)).toEqual([]);
    },
  );

  it.each([
    ['radicalisering', [['leerling', 'dader']]],
    [
      'ongepast_contact',
      [
        ['medewerker', 'dader'],
        ['leerling', 'slachtoffer'],
      ],
    ],
  ] as [string, [PersoonSoort, Rol][]][])('%s: no aangifte advice (not a standard offence category)', async (categorie, betrokkenen) => {
    expect(item(await adviceFor(categorie, betrokkenen), 'aangifte')).toBeUndefined();
  });

  it("a school's own category gets no aangifte advice", async () => {
    const eigen = await t.call('categories.save', { label: 'Sexting via AirDrop', actief: true });
    expect(item(await adviceFor(eigen.code), 'aangifte')).toBeUndefined();
  });
});

describe('the meldcode huiselijk geweld en kindermishandeling', () => {
  const MELDCODE_BRONNEN = ['meldcode.wet', 'meldcode.besluit', 'meldcode.afwegingskader', 'jeugdwet.1.1'];

  it('is mentioned for a sexual incident against a pupil: the five steps in one sentence, and that it is the school’s own meldcode', async () => {
    const m = item(
      await adviceFor('seksueel', [
        ['leerling', 'dader'],
        ['leerling', 'slachtoffer'],
      ]),
      'meldcode',
    )!;
    expect(m.titel).toBe('Signalen van kindermishandeling of huiselijk geweld? Volg de meldcode van de school');
    expect(m.bronnen).toEqual(MELDCODE_BRONNEN);
    expect(m.bronTekst).toBe(
      'WPO art. 4b (WEC art. 5, WEB art. 1.3.9, en de WVO); Besluit verplichte meldcode huiselijk geweld en kindermishandeling; Afwegingskader meldcode onderwijs en leerplicht; Jeugdwet art. 1.1 (kindermishandeling)',
    );
    expect(m.tekst).toContain('werkt de school met haar eigen meldcode huiselijk geweld en kindermishandeling');
    expect(m.tekst).toContain(
      'De vijf stappen zijn: signalen in kaart brengen, overleggen met een collega en zo nodig Veilig Thuis raadplegen (0800-2000), een gesprek met de betrokkene(n), het geweld of de mishandeling wegen met het afwegingskader, en beslissen of melden bij Veilig Thuis nodig is en of de school zelf hulp kan bieden of organiseren.',
    );
    expect(m.tekst).toContain('de app neemt zelf geen stap');
  });

  it('is mentioned next to the zeden path when a staff member is dader against a pupil, and for a parent as dader against a pupil', async () => {
    const staff = await adviceFor('ongepast_contact', [
      ['medewerker', 'dader'],
      ['leerling', 'slachtoffer'],
    ]);
    expect(staff.map((i) => i.soort)).toEqual(['zeden', 'meldcode']);
    const parent = await adviceFor('bedreiging', [
      ['ouder', 'dader'],
      ['leerling', 'slachtoffer'],
    ]);
    expect(parent.map((i) => i.soort)).toEqual(['vertrouwensinspecteur', 'aangifte', 'meldcode']);
  });

  it.each([
    [
      'seksueel',
      [
        ['leerling', 'dader'],
        ['medewerker', 'slachtoffer'],
      ],
    ],
    [
      'bedreiging',
      [
        ['leerling', 'dader'],
        ['leerling', 'slachtoffer'],
      ],
    ],
    [
      'pesten',
      [
        ['ouder', 'dader'],
        ['medewerker', 'slachtoffer'],
      ],
    ],
  ] as [string, [PersoonSoort, Rol][]][])('is not mentioned for %s with %j', async (categorie, betrokkenen) => {
    expect(item(await adviceFor(categorie, betrokkenen), 'meldcode')).toBeUndefined();
  });
});

describe('every item names its sources', () => {
  it('the vertrouwensinspecteur, aangifte and the ladder carry sources that resolve to a citation and a link', async () => {
    await t.call('school.save', { naam: 'De Linde', sector: 'VO', regio: 'midden' });
    const dader = await person('leerling');
    const incident = (categorie: string, ernst: 'laag' | 'hoog', datumVoorval: string) =>
      t.call('incidents.create', {
        datumVoorval,
        datumMelding: '2025-10-17',
        locatie: 'in_school',
        platform: 'instagram',
        categorie,
        ernst,
        omschrijving: 'Voorval.',
        betrokkenen: [{ personId: dader.id, rol: 'dader' }],
      });
    const first = (await t.call('obligations.advice', { incidentId: (await incident('discriminatie', 'hoog', '2025-10-16')).id })).items;
    expect(item(first, 'vertrouwensinspecteur')).toMatchObject({
      bronnen: ['inspectie.vertrouwensinspecteur'],
      bronTekst: 'Inspectie van het Onderwijs, vertrouwensinspecteurs',
    });
    // The second incident for this dader in the school year: the ladder, the school's own setting.
    const second = (await t.call('obligations.advice', { incidentId: (await incident('les', 'laag', '2025-10-17')).id })).items;
    expect(second).toEqual([
      {
        soort: 'ladder',
        titel: 'Persoon1 Leerling: 2e melding als dader dit schooljaar',
        tekst: 'Volgens de eigen escalatieladder van de school: Waarschuwingsbrief. Bij de 3e melding: Gesprek met ouders.',
        bronnen: ['school.instelling'],
        bronTekst: 'Instelling van de school',
      },
    ]);
    for (const i of [...first, ...second])
      for (const id of i.bronnen) {
        const b = BRONNEN[id as keyof typeof BRONNEN];
        expect(b?.citaat, `${i.soort}: ${id}`).toBeTruthy();
        if (id !== 'school.instelling') expect(b.url, id).toMatch(/^https:\/\//);
      }
  });
});
