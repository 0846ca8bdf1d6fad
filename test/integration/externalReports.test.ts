// Reports to the vertrouwensinspecteur, police, Inspectie and leerplichtambtenaar.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { makeTestCore, type TestCore } from '../support/core';

let t: TestCore;
beforeEach(() => {
  t = makeTestCore({ now: '2026-11-16T09:00:00Z' });
});
afterEach(() => t.cleanup());

async function fails(method: string, input: unknown) {
  const r = await t.core.invoke(method, input);
  if (r.ok) throw new Error(`${method} should have failed`);
  return r.error;
}

async function world() {
  await t.call('school.save', { naam: 'De Linde', sector: 'VO', regio: 'midden' });
  const leerling = await t.call('people.create', { soort: 'leerling', voornaam: 'Jayden', achternaam: 'Martina' });
  const mk = (d: string) =>
    t.call('incidents.create', {
      datumVoorval: d,
      datumMelding: d,
      locatie: 'buiten_school',
      platform: 'snapchat',
      categorie: 'bedreiging',
      ernst: 'zeer_hoog',
      omschrijving: 'Dreigende berichten aan een docent.',
      betrokkenen: [{ personId: leerling.id, rol: 'dader' }],
    });
  const incident = await mk('2026-10-05');
  const other = await mk('2026-10-06');
  const measure = await t.call('measures.create', { incidentId: incident.id, personId: leerling.id, soort: 'waarschuwing', besluitDatum: '2026-10-06' });
  return { leerling, incident, other, measure };
}

describe('externalReports', () => {
  it('records a police report with its own fields, lists in order, updates and audits', async () => {
    const w = await world();
    const aangifte = await t.call('externalReports.create', {
      incidentId: w.incident.id,
      personId: w.leerling.id,
      instantie: 'politie',
      soort: 'aangifte',
      datum: '2026-10-06',
      tijd: '13:00',
      door: 'Bas Kuijpers',
      kenmerk: 'PV 2026-1006-2214',
      politieEenheid: 'Oost-Nederland, basisteam Tiel',
      schooladresGebruikt: true,
      toelichting: 'Aangifte met het schooladres.',
    });
    expect(aangifte).toMatchObject({
      incidentId: w.incident.id,
      personId: w.leerling.id,
      measureId: null,
      instantie: 'politie',
      soort: 'aangifte',
      tijd: '13:00',
      kenmerk: 'PV 2026-1006-2214',
      politieEenheid: 'Oost-Nederland, basisteam Tiel',
      schooladresGebruikt: true,
      contactpersoon: null,
      createdAt: '2026-11-16T09:00:00.000Z',
    });
    const consult = await t.call('externalReports.create', { incidentId: w.incident.id, instantie: 'vertrouwensinspecteur', soort: 'consultatie', datum: '2026-10-05', tijd: '16:30' });
    expect(consult.schooladresGebruikt).toBeNull();
    const isd = await t.call('externalReports.create', { incidentId: w.incident.id, measureId: w.measure.id, instantie: 'inspectie', soort: 'melding', datum: '2026-10-06', kenmerk: 'ISD 1' });
    expect((await t.call('externalReports.list', { incidentId: w.incident.id })).map((r) => r.id)).toEqual([consult.id, isd.id, aangifte.id]);
    expect((await t.call('incidents.get', { id: w.incident.id })).externeMeldingen.map((r) => r.id)).toEqual([consult.id, isd.id, aangifte.id]);
    expect(await t.call('externalReports.list', { incidentId: w.other.id })).toEqual([]);

    const u = await t.call('externalReports.update', { ...aangifte, kenmerk: 'PV 2026-1006-2215', schooladresGebruikt: false, id: aangifte.id });
    expect(u).toMatchObject({ kenmerk: 'PV 2026-1006-2215', schooladresGebruikt: false });
    const audit = await t.call('audit.forRecord', { entity: 'externe_melding', entityId: String(aangifte.id) });
    expect(audit.map((a) => a.action)).toEqual(['gewijzigd', 'aangemaakt']);
    expect(audit[0]).toMatchObject({ before: { kenmerk: 'PV 2026-1006-2214' }, after: { kenmerk: 'PV 2026-1006-2215' } });
  });

  it('refuses reports that do not fit, writing nothing', async () => {
    const w = await world();
    const base = { incidentId: w.incident.id, instantie: 'politie' as const, soort: 'melding' as const, datum: '2026-10-06' };
    expect(await fails('externalReports.create', { ...base, instantie: 'inspectie', soort: 'aangifte' })).toMatchObject({ field: 'soort', message: 'Aangifte doet u bij de politie.' });
    expect(await fails('externalReports.create', { ...base, instantie: 'leerplicht', politieEenheid: 'Oost' })).toMatchObject({ field: 'politieEenheid' });
    expect(await fails('externalReports.create', { ...base, datum: '2026-11-17' })).toMatchObject({ field: 'datum', message: 'De datum van de melding bij de instantie ligt in de toekomst.' });
    expect(await fails('externalReports.create', { ...base, datum: '2026-10-04' })).toMatchObject({ field: 'datum', message: 'Deze datum ligt vóór de datum van het voorval.' });
    expect(await fails('externalReports.create', { ...base, incidentId: w.other.id, measureId: w.measure.id })).toMatchObject({
      field: 'measureId',
      message: 'Deze maatregel hoort bij een andere melding.',
    });
    expect(await fails('externalReports.create', { ...base, personId: 999 })).toMatchObject({ field: 'personId' });
    expect(await fails('externalReports.create', { ...base, incidentId: 999 })).toMatchObject({ code: 'NIET_GEVONDEN', message: 'Deze melding bestaat niet (meer).' });
    expect(await fails('externalReports.create', { ...base, tijd: '25:00' })).toMatchObject({ field: 'tijd', message: 'Gebruik een tijd als UU:MM.' });
    expect(await fails('externalReports.create', { ...base, instantie: 'brandweer' })).toMatchObject({ field: 'instantie', message: 'Kies bij wie gemeld is.' });
    expect(await fails('externalReports.list', { incidentId: 999 })).toMatchObject({ code: 'NIET_GEVONDEN' });
    const r = await t.call('externalReports.create', base);
    expect(await fails('externalReports.update', { ...base, incidentId: w.other.id, datum: '2026-10-07', id: r.id })).toMatchObject({ field: 'incidentId' });
    expect(await fails('externalReports.update', { ...base, id: 999 })).toMatchObject({ code: 'NIET_GEVONDEN' });
    expect(t.core.db.prepare('SELECT count(*) AS n FROM external_report').get()).toEqual({ n: 1 });
  });
});
