// A person's dossier: one timeline, newest first, of incidents (with the role), measures and reports,
// built from the list of dossier sources that other concepts extend.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { makeTestCore, type TestCore } from '../support/core';
import { dossierSources } from '../../src/main/dossier/dossierSources';
import type { DossierItem } from '../../src/shared/api/people';

/** This file tests the incident log's own sources; letters and obligations add theirs (tested there). */
const own = (items: DossierItem[]) => items.filter((i) => i.type === 'melding' || i.type === 'maatregel' || i.type === 'externe_melding');

let t: TestCore;
beforeEach(() => {
  t = makeTestCore({ now: '2026-11-16T09:00:00Z' });
});
afterEach(() => t.cleanup());

async function world() {
  await t.call('school.save', { naam: 'De Linde', sector: 'VO', regio: 'midden' });
  const kevin = await t.call('people.create', { soort: 'leerling', voornaam: 'Kevin', achternaam: 'Pinas' });
  const roos = await t.call('people.create', { soort: 'leerling', voornaam: 'Roos', tussenvoegsel: 'van', achternaam: 'Dam' });
  const mentor = await t.call('people.create', { soort: 'medewerker', voornaam: 'Samira', achternaam: 'Idrissi' });
  const inc = (d: string, betrokkenen: { personId: number; rol: 'dader' | 'slachtoffer' | 'getuige' | 'melder' }[], melderId: number | null = null) =>
    t.call('incidents.create', {
      datumVoorval: d,
      datumMelding: d,
      melderId,
      locatie: 'buiten_school',
      platform: 'snapchat',
      categorie: 'seksueel',
      ernst: 'zeer_hoog',
      omschrijving: `Voorval op ${d}.`,
      betrokkenen,
    });
  const a = await inc('2026-01-12', [{ personId: kevin.id, rol: 'dader' }, { personId: roos.id, rol: 'slachtoffer' }], mentor.id);
  const b = await inc('2026-05-11', [{ personId: roos.id, rol: 'dader' }, { personId: kevin.id, rol: 'getuige' }]);
  const c = await inc('2026-10-01', [], kevin.id);
  const schorsing = await t.call('measures.create', {
    incidentId: a.id,
    personId: kevin.id,
    soort: 'schorsing',
    besluitDatum: '2026-01-14',
    startdatum: '2026-01-15',
    einddatum: '2026-01-19',
    vorm: 'extern',
  });
  const gesprek = await t.call('measures.create', { incidentId: b.id, personId: roos.id, soort: 'gesprek', besluitDatum: '2026-05-13' });
  const isd = await t.call('externalReports.create', { incidentId: a.id, personId: kevin.id, measureId: schorsing.id, instantie: 'inspectie', soort: 'melding', datum: '2026-01-14' });
  const vi = await t.call('externalReports.create', { incidentId: a.id, instantie: 'vertrouwensinspecteur', soort: 'consultatie', datum: '2026-01-13' });
  return { kevin, roos, mentor, a, b, c, schorsing, gesprek, isd, vi };
}

describe('dossier.get', () => {
  it('gives one timeline newest first, with the role in each incident', async () => {
    const w = await world();
    const d = await t.call('dossier.get', { personId: w.kevin.id });
    expect(d.persoon.naam).toBe('Kevin Pinas');
    const items = own(d.items);
    expect(items.map((i) => [i.type, i.datum, 'rol' in i ? i.rol : null])).toEqual([
      ['melding', '2026-10-01', 'melder'],
      ['melding', '2026-05-11', 'getuige'],
      ['externe_melding', '2026-01-14', null],
      ['maatregel', '2026-01-14', null],
      ['externe_melding', '2026-01-13', null],
      ['melding', '2026-01-12', 'dader'],
    ]);
    expect(items[3]).toEqual({
      type: 'maatregel',
      datum: '2026-01-14',
      measureId: w.schorsing.id,
      incidentId: w.a.id,
      soort: 'schorsing',
      status: 'besloten',
      startdatum: '2026-01-15',
      einddatum: '2026-01-19',
      toelichting: null,
    });
    expect(items[5]).toEqual({
      type: 'melding',
      datum: '2026-01-12',
      incidentId: w.a.id,
      nummer: w.a.nummer,
      rol: 'dader',
      categorie: 'seksueel',
      status: 'maatregel_genomen',
      omschrijving: 'Voorval op 2026-01-12.',
    });
    expect(items[2]).toEqual({ type: 'externe_melding', datum: '2026-01-14', reportId: w.isd.id, incidentId: w.a.id, instantie: 'inspectie', soort: 'melding', kenmerk: null });
  });

  it('shows a report without a named person to the victim, and nothing of others to a bystander', async () => {
    const w = await world();
    const roos = await t.call('dossier.get', { personId: w.roos.id });
    expect(own(roos.items).map((i) => [i.type, i.datum])).toEqual([
      ['maatregel', '2026-05-13'],
      ['melding', '2026-05-11'],
      ['externe_melding', '2026-01-13'],
      ['melding', '2026-01-12'],
    ]);
    const mentor = await t.call('dossier.get', { personId: w.mentor.id });
    expect(own(mentor.items).map((i) => [i.type, 'rol' in i ? i.rol : null])).toEqual([['melding', 'melder']]);
    expect((await t.core.invoke('dossier.get', { personId: 999 })).ok).toBe(false);
  });

  it('takes items from every registered dossier source', async () => {
    const w = await world();
    dossierSources.push((_ctx, personId) => (personId === w.kevin.id ? [{ type: 'brief', datum: '2026-01-14', letterId: 7, kenmerk: 'B2026-0007', titel: 'Besluit schorsing' }] : []));
    try {
      const d = await t.call('dossier.get', { personId: w.kevin.id });
      const mine = d.items.filter((i) => i.type !== 'verplichting' && !(i.type === 'brief' && i.letterId !== 7));
      expect(mine.map((i) => i.type)).toEqual(['melding', 'melding', 'brief', 'externe_melding', 'maatregel', 'externe_melding', 'melding']);
      const dates = d.items.map((i) => i.datum);
      expect(dates).toEqual([...dates].sort().reverse());
    } finally {
      dossierSources.pop();
    }
  });
});
