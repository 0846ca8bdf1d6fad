// The compliance engine through the API: obligations follow measures, incidents and reports
// through the hooks; hard rules refuse with Dutch messages; recompute keeps what people recorded; the
// dashboard, the dossier, advice, settings and school holidays.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { makeTestCore, type TestCore } from '../support/core';
import type { Sector } from '../../src/shared/domain';
import type { Obligation } from '../../src/shared/api/obligations';

let t: TestCore;
beforeEach(() => {
  // Friday 17 October 2025, the last school day before the autumn holiday in regio midden.
  t = makeTestCore({ now: '2025-10-17T09:00:00Z' });
});
afterEach(() => t.cleanup());

async function fails(method: string, input: unknown) {
  const r = await t.core.invoke(method, input);
  if (r.ok) throw new Error(`${method} should have failed`);
  return r.error;
}

async function world(sector: Sector = 'VO', openbaar = false) {
  await t.call('school.save', { naam: 'De Linde', sector, regio: 'midden', openbaar });
  const leerling = await t.call('people.create', { soort: 'leerling', voornaam: 'Emre', achternaam: 'Özdemir', groep: '3A' });
  const slachtoffer = await t.call('people.create', {
    soort: 'leerling',
    voornaam: 'Sanne',
    tussenvoegsel: 'van',
    achternaam: 'Dijk',
    groep: '3A',
  });
  const docent = await t.call('people.create', { soort: 'medewerker', voornaam: 'Joost', achternaam: 'Brinkman', functie: 'docent' });
  const incident = await t.call('incidents.create', {
    datumVoorval: '2025-10-14',
    datumMelding: '2025-10-15',
    locatie: 'buiten_school',
    platform: 'snapchat',
    categorie: 'pesten',
    ernst: 'hoog',
    omschrijving: 'Spottende berichten in een groepschat.',
    betrokkenen: [
      { personId: leerling.id, rol: 'dader' },
      { personId: slachtoffer.id, rol: 'slachtoffer' },
    ],
  });
  return { leerling, slachtoffer, docent, incident };
}

const of = async (filter: Record<string, unknown>) => (await t.call('obligations.list', filter)).rows;
const byRule = (list: Obligation[], regel: string) => list.find((o) => o.regel === regel)!;

describe('the 5-school-day limit', () => {
  it('counts school days across the autumn holiday: Friday 17 to Thursday 30 October is 5 school days, accepted', async () => {
    const w = await world('PO');
    const m = await t.call('measures.create', {
      incidentId: w.incident.id,
      personId: w.leerling.id,
      soort: 'schorsing',
      besluitDatum: '2025-10-17',
      startdatum: '2025-10-17',
      einddatum: '2025-10-30',
    });
    // Ten weekdays, but five school days: the week of 18–26 October is the autumn holiday.
    expect(m.duurDagen).toBe(5);
  });

  it('fills the end date from 5 school days starting on that Friday', async () => {
    const w = await world('PO');
    const m = await t.call('measures.create', {
      incidentId: w.incident.id,
      personId: w.leerling.id,
      soort: 'schorsing',
      besluitDatum: '2025-10-17',
      startdatum: '2025-10-17',
      duurDagen: 5,
    });
    expect(m).toMatchObject({ einddatum: '2025-10-30', duurDagen: 5 });
  });

  it.each([
    {
      naam: 'PO, 6 school days by end date',
      sector: 'PO' as const,
      input: { einddatum: '2025-10-31' },
      field: 'einddatum',
      override: false,
    },
    {
      naam: 'PO, 6 school days even with a reason (no exception in PO)',
      sector: 'PO' as const,
      input: { einddatum: '2025-10-31', overrideReden: 'Overleg inspectie' },
      field: 'einddatum',
      override: false,
    },
    {
      naam: 'VO, 6 school days by duration, a free-text reason is not enough',
      sector: 'VO' as const,
      input: { duurDagen: 6, overrideReden: 'Ernstig' },
      field: 'duurDagen',
      override: false,
    },
    {
      naam: 'SO, 8 school days with a reason: refused',
      sector: 'SO' as const,
      input: { einddatum: '2025-11-04', overrideReden: 'Verwijdering' },
      field: 'einddatum',
      override: false,
    },
    {
      naam: 'VSO, 6 school days with a reason: refused',
      sector: 'VSO' as const,
      input: { einddatum: '2025-10-31', overrideReden: 'Verwijdering' },
      field: 'einddatum',
      override: false,
    },
    {
      naam: 'MBO, 6 school days: refused',
      sector: 'MBO' as const,
      input: { einddatum: '2025-10-31' },
      field: 'einddatum',
      override: false,
    },
  ])('refuses: $naam', async ({ sector, input, field }) => {
    const w = await world(sector);
    const e = await fails('measures.create', {
      incidentId: w.incident.id,
      personId: w.leerling.id,
      soort: 'schorsing',
      besluitDatum: '2025-10-17',
      startdatum: '2025-10-17',
      ...input,
    });
    expect(e).toMatchObject({ code: 'REGEL', field });
    expect(e.message).toMatch(/^Een schorsing duurt ten hoogste een week \(5 schooldagen\); deze telt er \d+/);
    expect(t.core.db.prepare('SELECT COUNT(*) AS n FROM measure').get()).toEqual({ n: 0 });
    expect(t.core.db.prepare('SELECT COUNT(*) AS n FROM obligation WHERE bron = ?').get('maatregel')).toEqual({ n: 0 });
  });

  it('gives the exact count and period in the refusal', async () => {
    const w = await world('PO');
    const e = await fails('measures.create', {
      incidentId: w.incident.id,
      personId: w.leerling.id,
      soort: 'schorsing',
      besluitDatum: '2025-10-17',
      startdatum: '2025-10-17',
      einddatum: '2025-10-31',
    });
    expect(e.message).toBe(
      'Een schorsing duurt ten hoogste een week (5 schooldagen); deze telt er 6 (17-10-2025 t/m 31-10-2025; weekenden, feestdagen en vakanties tellen niet mee). De wet kent in het primair onderwijs geen uitzondering.',
    );
  });

  it('VO: longer than a week only while an intended expulsion of the same pupil is open AND the consultation with the Inspectie is recorded', async () => {
    const w = await world('VO');
    const lang = {
      incidentId: w.incident.id,
      personId: w.leerling.id,
      soort: 'schorsing' as const,
      besluitDatum: '2025-10-17',
      startdatum: '2025-10-17',
      einddatum: '2025-11-07',
    };
    const e1 = await fails('measures.create', lang);
    expect(e1.message).toContain('Nog niet vastgelegd: een lopend voornemen tot verwijdering en het overleg met de Inspectie.');
    const v = await t.call('measures.create', {
      incidentId: w.incident.id,
      personId: w.leerling.id,
      soort: 'voornemen_verwijdering',
      status: 'voorgenomen',
      besluitDatum: '2025-10-17',
      beoogdBesluit: '2025-11-10',
    });
    expect((await fails('measures.create', lang)).message).toContain('Nog niet vastgelegd: het overleg met de Inspectie.');
    await t.call('externalReports.create', {
      incidentId: w.incident.id,
      measureId: v.id,
      personId: w.leerling.id,
      instantie: 'inspectie',
      soort: 'consultatie',
      datum: '2025-10-17',
      door: 'M. Hoekstra',
    });
    expect(byRule(await of({ measureId: v.id }), 'verwijdering.overleg_inspectie').status).toBe('gedaan');
    const m = await t.call('measures.create', lang);
    expect(m.duurDagen).toBe(11);
    // Withdrawn intention: the exception is gone again.
    await t.call('measures.update', {
      id: v.id,
      incidentId: w.incident.id,
      personId: w.leerling.id,
      soort: 'voornemen_verwijdering',
      status: 'ingetrokken',
      besluitDatum: '2025-10-17',
      beoogdBesluit: '2025-11-10',
    });
    expect(await fails('measures.create', lang)).toMatchObject({ code: 'REGEL', field: 'einddatum' });
  });

  it('a decided schorsing needs its dates', async () => {
    const w = await world('PO');
    const e = await fails('measures.create', {
      incidentId: w.incident.id,
      personId: w.leerling.id,
      soort: 'schorsing',
      besluitDatum: '2025-10-17',
    });
    expect(e).toMatchObject({ code: 'REGEL', field: 'startdatum' });
    expect(e.message).toContain('Vul de begin- en einddatum van de schorsing in');
    expect(t.core.db.prepare('SELECT COUNT(*) AS n FROM measure').get()).toEqual({ n: 0 });
  });

  it('refuses a staff schorsing over 4 weeks unless a reason is given', async () => {
    const w = await world('VO');
    const input = {
      personId: w.docent.id,
      soort: 'schorsing' as const,
      besluitDatum: '2025-10-17',
      startdatum: '2025-10-20',
      einddatum: '2025-11-17',
    };
    expect(await fails('measures.create', input)).toMatchObject({ code: 'REGEL', field: 'einddatum' });
    const ok = await t.call('measures.create', { ...input, einddatum: '2025-11-16' });
    expect(ok.einddatum).toBe('2025-11-16');
    const longer = await t.call('measures.create', { ...input, overrideReden: 'Strafrechtelijk onderzoek loopt.' });
    expect(longer.overrideReden).toBe('Strafrechtelijk onderzoek loopt.');
  });
});

describe('the ISD notice and the leerplichtambtenaar', () => {
  it('a schorsing of 2 school days: the ISD notice due today, overdue after 2 WORKING days (the holiday counts), done by the report', async () => {
    const w = await world('VO');
    const m = await t.call('measures.create', {
      incidentId: w.incident.id,
      personId: w.leerling.id,
      soort: 'schorsing',
      besluitDatum: '2025-10-17',
      startdatum: '2025-10-17',
      einddatum: '2025-10-27',
    });
    expect(m.duurDagen).toBe(2);
    const list = await of({ measureId: m.id });
    expect(list.map((o) => [o.regel, o.sleutel, o.uiterlijk, o.teLaatVanaf, o.status])).toEqual([
      ['schorsing.horen', 'leerling', '2025-10-17', '2025-10-18', 'open'],
      ['schorsing.horen', 'ouders', '2025-10-17', '2025-10-18', 'open'],
      ['schorsing.kalenderdagen', '', '2025-10-17', '2025-10-18', 'open'],
      ['schorsing.besluit', '', '2025-10-17', '2025-10-18', 'open'],
      ['schorsing.bezwaarclausule', '', '2025-10-17', '2025-10-18', 'open'],
      // Due today; the 2 working days after Friday are Monday 20 and Tuesday 21 (the Inspectie works in the autumn holiday): late from Wednesday 22.
      ['schorsing.isd', '', '2025-10-17', '2025-10-22', 'open'],
      ['schorsing.leerplicht', '', '2025-10-17', '2025-10-22', 'open'],
    ]);
    expect(byRule(list, 'schorsing.kalenderdagen')).toMatchObject({ waarschuwing: true });
    // A warning is settled by writing down what was weighed.
    const warn = byRule(list, 'schorsing.kalenderdagen');
    expect(await fails('obligations.markDone', { id: warn.id, door: 'M. Hoekstra', datum: '2025-10-17' })).toMatchObject({
      field: 'toelichting',
    });
    expect(
      await t.call('obligations.markDone', {
        id: warn.id,
        door: 'M. Hoekstra',
        datum: '2025-10-17',
        toelichting: 'Drie schooldagen; de vakantie is geen verlenging van de straf.',
      }),
    ).toMatchObject({ status: 'gedaan' });
    expect(await fails('obligations.objection.save', { measureId: m.id, ontvangenOp: '2025-10-16' })).toMatchObject({
      field: 'ontvangenOp',
    });
    expect(byRule(list, 'schorsing.isd').bronnen.map((b) => b.citaat)).toContain(
      'WVO 2020 (schorsing; voorheen Inrichtingsbesluit WVO art. 13)',
    );
    const isd = byRule(list, 'schorsing.isd');
    expect(isd).toMatchObject({
      titel: 'Melden bij de Inspectie (Internet Schooldossier)',
      persoonNaam: 'Emre Özdemir',
      incidentNummer: w.incident.nummer,
      maatregelSoort: 'schorsing',
      teLaat: false,
    });

    const dash = await t.call('obligations.dashboard', {});
    expect(dash.vandaag).toBe('2025-10-17');
    expect(dash.teLaat).toEqual([]);
    expect(dash.dezeWeek.map((o) => o.titel)).toContain('Melden bij de Inspectie (Internet Schooldossier)');

    // Tuesday 21 October (in the holiday) the ISD notice is not yet overdue; Wednesday 22 it is.
    t.setNow('2025-10-21T08:00:00Z');
    expect((await t.call('obligations.dashboard', {})).teLaat.map((o) => o.regel)).not.toContain('schorsing.isd');
    t.setNow('2025-10-22T08:00:00Z');
    expect((await t.call('obligations.dashboard', {})).teLaat.map((o) => o.regel)).toEqual(
      expect.arrayContaining([
        'schorsing.horen',
        'schorsing.besluit',
        'schorsing.bezwaarclausule',
        'schorsing.isd',
        'schorsing.leerplicht',
      ]),
    );
    t.setNow('2025-10-29T08:00:00Z');

    await t.call('externalReports.create', {
      incidentId: w.incident.id,
      measureId: m.id,
      personId: w.leerling.id,
      instantie: 'inspectie',
      soort: 'melding',
      datum: '2025-10-28',
      door: 'M. Hoekstra',
      kenmerk: 'ISD-123',
    });
    const after = await t.call('obligations.get', { id: isd.id });
    expect(after).toMatchObject({
      status: 'gedaan',
      gedaanOp: '2025-10-28',
      gedaanDoor: 'M. Hoekstra',
      doorSysteem: expect.stringMatching(/^externe_melding:\d+$/),
      teLaat: false,
    });
    expect(after.toelichting).toBe('Vastgelegd als melding bij de Inspectie (kenmerk ISD-123).');
    const dash2 = await t.call('obligations.dashboard', {});
    expect(dash2.teLaat.map((o) => o.regel)).not.toContain('schorsing.isd');
    // The leerplicht notice is still open and overdue.
    expect(dash2.teLaat.map((o) => o.regel)).toContain('schorsing.leerplicht');
  });

  it('a report about the pupil on the same incident, not linked to a measure, also counts', async () => {
    const w = await world('PO');
    const m = await t.call('measures.create', {
      incidentId: w.incident.id,
      personId: w.leerling.id,
      soort: 'schorsing',
      besluitDatum: '2025-10-17',
      startdatum: '2025-10-17',
      einddatum: '2025-10-28',
    });
    await t.call('externalReports.create', {
      incidentId: w.incident.id,
      personId: w.leerling.id,
      instantie: 'leerplicht',
      soort: 'melding',
      datum: '2025-10-17',
    });
    const list = await of({ measureId: m.id });
    expect(byRule(list, 'schorsing.leerplicht')).toMatchObject({ status: 'gedaan', gedaanOp: '2025-10-17', gedaanDoor: null });
    expect(byRule(list, 'schorsing.isd').status).toBe('open');
  });
});

describe('recompute keeps what people recorded', () => {
  it('changing the measure updates open tasks, keeps done and not-applicable ones, and lets vanished open ones lapse', async () => {
    const w = await world('VO');
    const m = await t.call('measures.create', {
      incidentId: w.incident.id,
      personId: w.leerling.id,
      soort: 'schorsing',
      besluitDatum: '2025-10-17',
      startdatum: '2025-10-17',
      einddatum: '2025-10-28',
    });
    let list = await of({ measureId: m.id });
    await t.call('obligations.markDone', { id: byRule(list, 'schorsing.besluit').id, door: 'M. Hoekstra', datum: '2025-10-17' });
    await t.call('obligations.markNotApplicable', {
      id: list.find((o) => o.regel === 'schorsing.horen' && o.sleutel === 'ouders')!.id,
      reden: 'Ouders niet bereikbaar; schriftelijk uitgenodigd.',
    });
    await t.call('obligations.markDone', {
      id: byRule(list, 'schorsing.isd').id,
      door: 'M. Hoekstra',
      datum: '2025-10-17',
      toelichting: 'Via ISD gemeld.',
    });

    // Make it a one-day schorsing decided on Monday 27 October: no ISD or leerplicht needed any more.
    t.setNow('2025-10-27T08:00:00Z');
    await t.call('measures.update', {
      id: m.id,
      incidentId: w.incident.id,
      personId: w.leerling.id,
      soort: 'schorsing',
      besluitDatum: '2025-10-27',
      startdatum: '2025-10-28',
      einddatum: '2025-10-28',
    });
    list = await of({ measureId: m.id });
    expect(
      Object.fromEntries(
        list.map((o) => [o.sleutel ? `${o.regel}:${o.sleutel}` : o.regel, [o.status, o.uiterlijk, o.gedaanDoor, o.nvtReden]]),
      ),
    ).toEqual({
      'schorsing.besluit': ['gedaan', '2025-10-17', 'M. Hoekstra', null],
      'schorsing.horen:ouders': ['nvt', '2025-10-17', 'test', 'Ouders niet bereikbaar; schriftelijk uitgenodigd.'],
      'schorsing.horen:leerling': ['open', '2025-10-27', null, null],
      'schorsing.kalenderdagen': ['nvt', '2025-10-17', null, 'Vervallen: de maatregel is gewijzigd, deze stap is niet meer nodig.'],
      'schorsing.isd': ['gedaan', '2025-10-17', 'M. Hoekstra', null],
      'schorsing.bezwaarclausule': ['open', '2025-10-27', null, null],
      'schorsing.leerplicht': ['nvt', '2025-10-17', null, 'Vervallen: de maatregel is gewijzigd, deze stap is niet meer nodig.'],
    });
    // Back to three days: the lapsed leerplicht task opens again with the new dates; the person's choices stay.
    await t.call('measures.update', {
      id: m.id,
      incidentId: w.incident.id,
      personId: w.leerling.id,
      soort: 'schorsing',
      besluitDatum: '2025-10-27',
      startdatum: '2025-10-28',
      einddatum: '2025-10-30',
    });
    list = await of({ measureId: m.id });
    expect(byRule(list, 'schorsing.leerplicht')).toMatchObject({
      status: 'open',
      uiterlijk: '2025-10-27',
      teLaatVanaf: '2025-10-30',
      nvtReden: null,
    });
    // (Monday 27: the two working days after it are Tuesday 28 and Wednesday 29.)
    expect(byRule(list, 'schorsing.isd')).toMatchObject({ status: 'gedaan', gedaanDoor: 'M. Hoekstra' });
    // Withdrawn: every open task lapses, nothing is deleted.
    await t.call('measures.update', {
      id: m.id,
      incidentId: w.incident.id,
      personId: w.leerling.id,
      soort: 'schorsing',
      status: 'ingetrokken',
      besluitDatum: '2025-10-27',
      startdatum: '2025-10-28',
      einddatum: '2025-10-30',
    });
    list = await of({ measureId: m.id });
    expect(list.map((o) => o.status).sort()).toEqual(['gedaan', 'gedaan', 'nvt', 'nvt', 'nvt', 'nvt', 'nvt']);
    const audit = await t.call('audit.forRecord', { entity: 'verplichting', entityId: String(byRule(list, 'schorsing.leerplicht').id) });
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['aangemaakt', 'status open → nvt (herberekening)', 'status nvt → open (app)']),
    );
  });

  it('reopening a task the app marked done is undone by the record that proves it; a person can reopen their own', async () => {
    const w = await world('VO');
    const m = await t.call('measures.create', {
      incidentId: w.incident.id,
      personId: w.leerling.id,
      soort: 'schorsing',
      besluitDatum: '2025-10-17',
      startdatum: '2025-10-17',
      einddatum: '2025-10-28',
    });
    const besluit = byRule(await of({ measureId: m.id }), 'schorsing.besluit');
    await t.call('obligations.markDone', { id: besluit.id, door: 'A. Jansen', datum: '2025-10-17' });
    expect(await t.call('obligations.reopen', { id: besluit.id })).toMatchObject({ status: 'open', gedaanDoor: null });
    expect(await fails('obligations.markDone', { id: besluit.id, door: 'A. Jansen', datum: '2025-10-18' })).toMatchObject({
      field: 'datum',
      message: 'Deze datum ligt in de toekomst.',
    });
    expect(await fails('obligations.markDone', { id: besluit.id, door: '', datum: '2025-10-17' })).toMatchObject({
      code: 'VALIDATIE',
      field: 'door',
    });
  });
});

describe('expulsion', () => {
  async function voornemen(sector: Sector, openbaar = false) {
    const w = await world(sector, openbaar);
    t.setNow('2025-11-03T09:00:00Z');
    const v = await t.call('measures.create', {
      incidentId: w.incident.id,
      personId: w.leerling.id,
      soort: 'voornemen_verwijdering',
      status: 'voorgenomen',
      besluitDatum: '2025-11-03',
      beoogdBesluit: '2025-11-24',
    });
    return { ...w, v };
  }
  const horen = (list: Obligation[], sleutel: string) => list.find((o) => o.regel === 'verwijdering.horen' && o.sleutel === sleutel)!;

  it('an intention needs the date the board intends to decide; the hearings fall due before it and stand on the dashboard when late', async () => {
    const w = await world('VO');
    t.setNow('2025-11-03T09:00:00Z');
    const e = await fails('measures.create', {
      incidentId: w.incident.id,
      personId: w.leerling.id,
      soort: 'voornemen_verwijdering',
      status: 'voorgenomen',
      besluitDatum: '2025-11-03',
    });
    expect(e).toMatchObject({ field: 'beoogdBesluit' });
    const v = await t.call('measures.create', {
      incidentId: w.incident.id,
      personId: w.leerling.id,
      soort: 'voornemen_verwijdering',
      status: 'voorgenomen',
      besluitDatum: '2025-11-03',
      beoogdBesluit: '2025-11-24',
    });
    expect(v.beoogdBesluit).toBe('2025-11-24');
    const list = await of({ measureId: v.id });
    expect(list.filter((o) => o.regel !== 'verwijdering.zoeken').map((o) => [o.regel, o.sleutel, o.uiterlijk, o.teLaatVanaf])).toEqual([
      ['verwijdering.horen', 'leerling', '2025-11-23', '2025-11-24'],
      ['verwijdering.horen', 'ouders', '2025-11-23', '2025-11-24'],
      ['verwijdering.horen', 'docent', '2025-11-23', '2025-11-24'],
      ['verwijdering.overleg_inspectie', '', '2025-11-23', '2025-11-24'],
    ]);
    t.setNow('2025-11-24T09:00:00Z');
    expect((await t.call('obligations.dashboard', {})).teLaat.filter((o) => o.measureId === v.id).map((o) => o.sleutel || o.regel)).toEqual(
      expect.arrayContaining(['leerling', 'ouders', 'docent', 'verwijdering.overleg_inspectie']),
    );
  });

  it('hearings are recorded with who, when and how it went; each party is its own step; a refused invitation counts', async () => {
    const w = await voornemen('VO');
    await t.call('obligations.hearings.add', {
      measureId: w.v.id,
      gehoord: 'ouders',
      datum: '2025-11-03',
      tijd: '15:30',
      door: 'M. Hoekstra',
      notities: 'Moeder en vader aanwezig.',
    });
    await t.call('obligations.hearings.add', {
      measureId: w.v.id,
      gehoord: 'docent',
      personId: w.docent.id,
      datum: '2025-11-03',
      door: 'M. Hoekstra',
    });
    const hearings = await t.call('obligations.hearings.list', { measureId: w.v.id });
    expect(hearings.map((h) => [h.gehoord, h.datum, h.tijd, h.door, h.persoonNaam, h.uitkomst])).toEqual([
      ['ouders', '2025-11-03', '15:30', 'M. Hoekstra', null, 'gehoord'],
      ['docent', '2025-11-03', null, 'M. Hoekstra', 'Joost Brinkman', 'gehoord'],
    ]);
    let list = await of({ measureId: w.v.id });
    // Hearing the parents does not complete the pupil's hearing.
    expect(list.filter((o) => o.regel === 'verwijdering.horen').map((o) => [o.sleutel, o.status, o.gedaanDoor])).toEqual([
      ['leerling', 'open', null],
      ['ouders', 'gedaan', 'M. Hoekstra'],
      ['docent', 'gedaan', 'M. Hoekstra'],
    ]);
    await t.call('obligations.hearings.add', {
      measureId: w.v.id,
      gehoord: 'leerling',
      datum: '2025-11-03',
      door: 'M. Hoekstra',
      uitkomst: 'geweigerd',
    });
    list = await of({ measureId: w.v.id });
    expect(horen(list, 'leerling')).toMatchObject({
      status: 'gedaan',
      toelichting: 'De leerling is uitgenodigd voor een hoorgesprek en heeft geweigerd.',
    });
    expect(
      await fails('obligations.hearings.add', { measureId: w.v.id, gehoord: 'medewerker', datum: '2025-11-03', door: 'X' }),
    ).toMatchObject({ field: 'gehoord' });
    expect(
      await fails('obligations.hearings.add', {
        measureId: w.v.id,
        gehoord: 'leerling',
        datum: '2025-11-03',
        door: 'X',
        uitkomst: 'misschien',
      }),
    ).toMatchObject({ field: 'uitkomst' });
    await t.call('obligations.hearings.add', {
      measureId: w.v.id,
      gehoord: 'ouders',
      datum: '2025-11-03',
      door: 'M. Hoekstra',
      uitkomst: 'geen_reactie',
    });
    expect((await t.call('obligations.hearings.list', { measureId: w.v.id })).at(-1)).toMatchObject({
      gehoord: 'ouders',
      uitkomst: 'geen_reactie',
    });
    const staff = await t.call('measures.create', {
      personId: w.docent.id,
      soort: 'schorsing',
      status: 'besloten',
      besluitDatum: '2025-11-03',
      startdatum: '2025-11-03',
      einddatum: '2025-11-07',
    });
    expect(await fails('obligations.objection.save', { measureId: staff.id, ontvangenOp: '2025-11-03' })).toMatchObject({
      field: 'measureId',
    });
  });

  it("a schorsing hearing of the parents does not complete the pupil's hearing", async () => {
    const w = await world('PO');
    const m = await t.call('measures.create', {
      incidentId: w.incident.id,
      personId: w.leerling.id,
      soort: 'schorsing',
      status: 'voorgenomen',
      besluitDatum: '2025-10-17',
    });
    await t.call('obligations.hearings.add', { measureId: m.id, gehoord: 'ouders', datum: '2025-10-17', door: 'M. Hoekstra' });
    const list = await of({ measureId: m.id });
    expect(list.filter((o) => o.regel === 'schorsing.horen').map((o) => [o.sleutel, o.status])).toEqual([
      ['leerling', 'open'],
      ['ouders', 'gedaan'],
    ]);
  });

  it('the decision is refused until every hearing and (VO) the Inspectie consultation is recorded; carried out only with a receiving school', async () => {
    const w = await voornemen('VO');
    t.setNow('2025-11-24T09:00:00Z');
    const base = { incidentId: w.incident.id, personId: w.leerling.id, soort: 'verwijdering' as const, besluitDatum: '2025-11-24' };
    const e = await fails('measures.create', base);
    expect(e).toMatchObject({ code: 'REGEL', field: 'status' });
    expect(e.message).toContain(
      'het hoorgesprek met de leerling, het hoorgesprek met de ouders, het hoorgesprek met de betrokken leraar, het overleg met de Inspectie',
    );
    expect(t.core.db.prepare(`SELECT COUNT(*) AS n FROM measure WHERE soort = 'verwijdering'`).get()).toEqual({ n: 0 });
    await t.call('obligations.hearings.add', { measureId: w.v.id, gehoord: 'leerling', datum: '2025-11-10', door: 'M. Hoekstra' });
    await t.call('obligations.hearings.add', {
      measureId: w.v.id,
      gehoord: 'ouders',
      datum: '2025-11-10',
      door: 'M. Hoekstra',
      uitkomst: 'geen_reactie',
    });
    await t.call('obligations.hearings.add', { measureId: w.v.id, gehoord: 'docent', datum: '2025-11-11', door: 'M. Hoekstra' });
    expect((await fails('measures.create', base)).message).toContain(': het overleg met de Inspectie.');
    await t.call('obligations.markDone', {
      id: byRule(await of({ measureId: w.v.id }), 'verwijdering.overleg_inspectie').id,
      door: 'M. Hoekstra',
      datum: '2025-11-12',
      toelichting: 'Telefonisch met de inspecteur.',
    });
    const d = await t.call('measures.create', base);
    expect(d.status).toBe('besloten');
    expect(await fails('measures.update', { ...base, id: d.id, status: 'uitgevoerd' })).toMatchObject({
      code: 'REGEL',
      field: 'status',
      message:
        'Een verwijdering kan pas worden uitgevoerd als een andere school de leerling toelaat; de wet kent geen uitweg na een aantal weken zoeken. Leg de ontvangende school vast bij "Andere school zoeken".',
    });
    await t.call('obligations.searches.add', {
      measureId: w.v.id,
      datum: '2025-11-20',
      school: 'Het Baken',
      resultaat: 'afgewezen',
      door: 'M. Hoekstra',
    });
    expect(await fails('measures.update', { ...base, id: d.id, status: 'uitgevoerd' })).toMatchObject({ code: 'REGEL' });
    await t.call('obligations.searches.add', {
      measureId: d.id,
      datum: '2025-11-24',
      school: 'Het Atrium',
      contactpersoon: 'mw. Smit',
      resultaat: 'aangenomen',
      door: 'M. Hoekstra',
    });
    expect((await t.call('measures.update', { ...base, id: d.id, status: 'uitgevoerd' })).status).toBe('uitgevoerd');
    expect(byRule(await of({ measureId: w.v.id }), 'verwijdering.zoeken')).toMatchObject({
      status: 'gedaan',
      gedaanDoor: 'M. Hoekstra',
      toelichting: 'Het Atrium laat de leerling toe.',
    });
  });

  it('no expulsion after 8 weeks of searching without a receiving school, in any sector', async () => {
    const w = await voornemen('VO');
    t.setNow('2025-11-10T09:00:00Z');
    for (const gehoord of ['leerling', 'ouders', 'docent'] as const)
      await t.call('obligations.hearings.add', { measureId: w.v.id, gehoord, datum: '2025-11-10', door: 'M. Hoekstra' });
    await t.call('externalReports.create', {
      incidentId: w.incident.id,
      measureId: w.v.id,
      personId: w.leerling.id,
      instantie: 'inspectie',
      soort: 'consultatie',
      datum: '2025-11-10',
      door: 'M. Hoekstra',
    });
    await t.call('obligations.searches.add', {
      measureId: w.v.id,
      datum: '2025-11-03',
      school: 'Het Baken',
      resultaat: 'afgewezen',
      door: 'M. Hoekstra',
    });
    t.setNow('2026-03-02T09:00:00Z');
    const e = await fails('measures.create', {
      incidentId: w.incident.id,
      personId: w.leerling.id,
      soort: 'verwijdering',
      besluitDatum: '2025-11-24',
      status: 'uitgevoerd',
    });
    expect(e).toMatchObject({ code: 'REGEL', field: 'status' });
    expect(e.message).toContain('geen uitweg na een aantal weken zoeken');
  });

  it('PO bijzonder: objection term 6 weeks from the letter; once an objection is received the board decides within 4 weeks of receipt; a Geschillencommissie case suspends that term', async () => {
    const w = await voornemen('PO');
    t.setNow('2025-11-10T09:00:00Z');
    for (const gehoord of ['leerling', 'ouders', 'docent'] as const)
      await t.call('obligations.hearings.add', { measureId: w.v.id, gehoord, datum: '2025-11-10', door: 'M. Hoekstra' });
    t.setNow('2025-11-24T09:00:00Z');
    const d = await t.call('measures.create', {
      incidentId: w.incident.id,
      personId: w.leerling.id,
      soort: 'verwijdering',
      besluitDatum: '2025-11-24',
    });
    let list = await of({ measureId: d.id });
    expect(list.map((o) => o.regel).sort()).toEqual(
      [
        'verwijdering.besluit',
        'verwijdering.bezwaarclausule',
        'verwijdering.inspectie',
        'verwijdering.leerplicht',
        'verwijdering.bezwaartermijn',
      ].sort(),
    );
    expect(byRule(list, 'verwijdering.bezwaartermijn').uiterlijk).toBe('2026-01-05');
    // The letter went out on Wednesday 26 November: the term moves with it.
    t.setNow('2025-11-26T09:00:00Z');
    await t.call('obligations.markDone', { id: byRule(list, 'verwijdering.besluit').id, door: 'Bestuurder', datum: '2025-11-26' });
    expect(byRule(await of({ measureId: d.id }), 'verwijdering.bezwaartermijn').uiterlijk).toBe('2026-01-07');
    // An objection arrives on Monday 15 December: decide by Monday 12 January.
    t.setNow('2025-12-15T09:00:00Z');
    expect(await fails('obligations.objection.save', { measureId: d.id, ontvangenOp: '2025-11-20' })).toMatchObject({
      field: 'ontvangenOp',
    });
    expect(await fails('obligations.objection.save', { measureId: d.id, ontvangenOp: '2025-12-16' })).toMatchObject({
      field: 'ontvangenOp',
    });
    await t.call('obligations.objection.save', { measureId: d.id, ontvangenOp: '2025-12-15' });
    expect(await t.call('obligations.objection.get', { measureId: d.id })).toEqual({
      measureId: d.id,
      ontvangenOp: '2025-12-15',
      toelichting: null,
    });
    list = await of({ measureId: d.id });
    expect(byRule(list, 'verwijdering.beslissing_bezwaar')).toMatchObject({ uiterlijk: '2026-01-12', teLaatVanaf: '2026-01-13' });
    expect(byRule(list, 'verwijdering.beslissing_bezwaar').bronnen.map((b) => b.citaat)).toContain('WPO art. 63');
    // The parents go to the Geschillencommissie on 18 December: the decision waits…
    t.setNow('2025-12-18T09:00:00Z');
    await t.call('obligations.dispute.save', { measureId: d.id, ingediendOp: '2025-12-18' });
    list = await of({ measureId: d.id });
    expect(byRule(list, 'verwijdering.beslissing_bezwaar')).toMatchObject({
      uiterlijk: null,
      titel: expect.stringContaining('staat stil'),
    });
    expect(byRule(list, 'verwijdering.bezwaartermijn').uiterlijk).toBe('2026-01-07');
    // …and its term runs on after the opinion on 29 January (42 days later): 12 January + 42 days = Monday 23 February.
    t.setNow('2026-01-29T09:00:00Z');
    await t.call('obligations.dispute.save', { measureId: d.id, ingediendOp: '2025-12-18', oordeelOp: '2026-01-29' });
    expect(byRule(await of({ measureId: d.id }), 'verwijdering.beslissing_bezwaar').uiterlijk).toBe('2026-02-23');
    expect(await fails('obligations.dispute.save', { measureId: w.v.id, ingediendOp: '2025-12-18' })).toMatchObject({ field: 'measureId' });
    expect(await fails('obligations.objection.save', { measureId: w.v.id, ontvangenOp: '2025-12-18' })).toMatchObject({
      field: 'measureId',
    });
  });
});

describe('the sexual-offence path', () => {
  async function zedenIncident(categorie = 'seksueel') {
    const w = await world('VO');
    const inc = await t.call('incidents.create', {
      datumVoorval: '2025-10-16',
      datumMelding: '2025-10-17',
      locatie: 'buiten_school',
      platform: 'whatsapp',
      categorie,
      ernst: 'zeer_hoog',
      omschrijving: 'Berichten van een docent aan een leerling.',
      betrokkenen: [
        { personId: w.docent.id, rol: 'dader' },
        { personId: w.slachtoffer.id, rol: 'slachtoffer' },
      ],
    });
    return { ...w, inc };
  }

  it('opens the urgent checklist the moment the incident is recorded, and keeps it on the dashboard until every step is done', async () => {
    const w = await zedenIncident();
    let c = await t.call('obligations.checklist.get', { incidentId: w.inc.id });
    expect(c).toMatchObject({ actief: true, afgerond: false, vraagZedenVermoeden: false });
    expect(c.stappen.map((s) => [s.stap, s.regel, s.uiterlijk, s.status, s.tijdVerplicht])).toEqual([
      [1, 'zeden.bestuur', '2025-10-17', 'open', true],
      [2, 'zeden.vertrouwensinspecteur', '2025-10-17', 'open', true],
      [3, 'zeden.besluit_aangifte', '2025-10-17', 'open', true],
      [4, 'zeden.informeren', '2025-10-17', 'open', true],
      [5, 'zeden.aangifte', '2025-10-17', 'open', true],
    ]);
    expect((await t.call('obligations.dashboard', {})).urgent.map((o) => o.regel)).toHaveLength(5);
    // Every step needs date AND time.
    expect(await fails('obligations.markDone', { id: c.stappen[0].id, door: 'Teamleider', datum: '2025-10-17' })).toMatchObject({
      field: 'tijd',
    });
    expect(await fails('obligations.checklist.record', { id: c.stappen[0].id, door: 'Teamleider', datum: '2025-10-17' })).toMatchObject({
      field: 'tijd',
    });
    expect(await fails('obligations.markNotApplicable', { id: c.stappen[1].id, reden: 'Niet nodig' })).toMatchObject({ code: 'REGEL' });
    expect(await fails('obligations.checklist.record', { id: 99999, door: 'X', datum: '2025-10-17', tijd: '09:00' })).toMatchObject({
      code: 'VALIDATIE',
      field: 'id',
    });
    c = await t.call('obligations.checklist.record', { id: c.stappen[0].id, door: 'Teamleider', datum: '2025-10-17', tijd: '08:45' });
    expect(c.stappen[0]).toMatchObject({ status: 'gedaan', gedaanOp: '2025-10-17', gedaanTijd: '08:45', gedaanDoor: 'Teamleider' });
    // Consulting the vertrouwensinspecteur recorded as a report with a time completes step 2.
    await t.call('externalReports.create', {
      incidentId: w.inc.id,
      instantie: 'vertrouwensinspecteur',
      soort: 'consultatie',
      datum: '2025-10-17',
      tijd: '10:15',
      door: 'Bestuurder',
    });
    c = await t.call('obligations.checklist.get', { incidentId: w.inc.id });
    expect(c.stappen[1]).toMatchObject({ status: 'gedaan', gedaanTijd: '10:15', gedaanDoor: 'Bestuurder' });
    // The decision needs an outcome; "no reasonable suspicion" ends the path.
    expect(
      await fails('obligations.checklist.record', { id: c.stappen[2].id, door: 'Bestuurder', datum: '2025-10-17', tijd: '11:00' }),
    ).toMatchObject({ field: 'uitkomst' });
    c = await t.call('obligations.checklist.record', {
      id: c.stappen[2].id,
      door: 'Bestuurder',
      datum: '2025-10-17',
      tijd: '11:00',
      uitkomst: 'geen_aangifte',
    });
    expect(c.stappen.map((s) => s.status)).toEqual(['gedaan', 'gedaan', 'gedaan', 'nvt', 'nvt']);
    expect(c.afgerond).toBe(true);
    expect((await t.call('obligations.dashboard', {})).urgent).toEqual([]);
    // Changing the decision to "aangifte" reopens the two steps.
    c = await t.call('obligations.checklist.record', {
      id: c.stappen[2].id,
      door: 'Bestuurder',
      datum: '2025-10-17',
      tijd: '11:30',
      uitkomst: 'aangifte',
    });
    expect(c.stappen.map((s) => s.status)).toEqual(['gedaan', 'gedaan', 'gedaan', 'open', 'open']);
    await t.call('externalReports.create', {
      incidentId: w.inc.id,
      instantie: 'politie',
      soort: 'aangifte',
      datum: '2025-10-17',
      tijd: '14:00',
      door: 'Bestuurder',
      kenmerk: 'PL0900-2025',
    });
    c = await t.call('obligations.checklist.get', { incidentId: w.inc.id });
    expect(c.stappen[4]).toMatchObject({ status: 'gedaan', gedaanTijd: '14:00' });
    expect(c.stappen[3].status).toBe('open');
  });

  it('inappropriate contact asks first; the answer opens or closes the path', async () => {
    const w = await zedenIncident('ongepast_contact');
    let c = await t.call('obligations.checklist.get', { incidentId: w.inc.id });
    expect(c).toMatchObject({ actief: false, vraagZedenVermoeden: true, zedenVermoeden: null, stappen: [] });
    c = await t.call('obligations.checklist.setVermoeden', { incidentId: w.inc.id, vermoeden: true, door: 'Teamleider' });
    expect(c.actief).toBe(true);
    expect(c.stappen).toHaveLength(5);
    c = await t.call('obligations.checklist.setVermoeden', { incidentId: w.inc.id, vermoeden: false, door: 'Teamleider' });
    expect(c.actief).toBe(false);
    expect(c.stappen.map((s) => s.status)).toEqual(['nvt', 'nvt', 'nvt', 'nvt', 'nvt']);
    expect(await fails('obligations.checklist.setVermoeden', { incidentId: w.incident.id, vermoeden: true, door: 'X' })).toMatchObject({
      field: 'vermoeden',
    });
  });

  it('asks whenever staff is dader against a pupil, whatever the category (grooming filed as stalking); "Nee" is recorded', async () => {
    const w = await zedenIncident('stalking');
    let c = await t.call('obligations.checklist.get', { incidentId: w.inc.id });
    expect(c).toMatchObject({ actief: false, vraagZedenVermoeden: true, zedenVermoeden: null, stappen: [] });
    c = await t.call('obligations.checklist.setVermoeden', { incidentId: w.inc.id, vermoeden: false, door: 'M. Hoekstra' });
    expect(c).toMatchObject({ actief: false, vraagZedenVermoeden: true, zedenVermoeden: false, stappen: [] });
    const audit = await t.call('audit.forRecord', { entity: 'melding_zeden', entityId: String(w.inc.id) });
    expect(audit.map((a) => a.action)).toEqual(['vastgesteld']);
    c = await t.call('obligations.checklist.setVermoeden', { incidentId: w.inc.id, vermoeden: true, door: 'M. Hoekstra' });
    expect(c.stappen.map((s) => s.regel)).toEqual([
      'zeden.bestuur',
      'zeden.vertrouwensinspecteur',
      'zeden.besluit_aangifte',
      'zeden.informeren',
      'zeden.aangifte',
    ]);
    expect(c.stappen[0].grondslag).toMatch(/^WVO 2020/);
    expect(c.stappen[0].bronnen.map((b) => b.id)).toContain('vo.meldplicht');
  });

  it('an adult pupil: advice, not the statutory path', async () => {
    const w = await world('VO');
    const adult = await t.call('people.create', {
      soort: 'leerling',
      voornaam: 'Lotte',
      achternaam: 'Vos',
      groep: '6V',
      geboortedatum: '2006-03-01',
    });
    const inc = await t.call('incidents.create', {
      datumVoorval: '2025-10-16',
      datumMelding: '2025-10-17',
      locatie: 'buiten_school',
      platform: 'whatsapp',
      categorie: 'seksueel',
      ernst: 'zeer_hoog',
      omschrijving: 'Berichten van een docent aan een leerling.',
      betrokkenen: [
        { personId: w.docent.id, rol: 'dader' },
        { personId: adult.id, rol: 'slachtoffer' },
      ],
    });
    expect(await t.call('obligations.checklist.get', { incidentId: inc.id })).toMatchObject({
      actief: false,
      vraagZedenVermoeden: false,
      stappen: [],
    });
    const advice = await t.call('obligations.advice', { incidentId: inc.id });
    expect(advice.items.find((i) => i.soort === 'zeden')).toMatchObject({ titel: 'Mogelijk zedendelict tegen een meerderjarige leerling' });
    expect(await fails('obligations.checklist.setVermoeden', { incidentId: inc.id, vermoeden: true, door: 'X' })).toMatchObject({
      field: 'vermoeden',
    });
  });

  it('a pupil who was a minor when it happened, though eighteen when it is reported: the statutory path', async () => {
    const w = await world('VO');
    const pupil = await t.call('people.create', {
      soort: 'leerling',
      voornaam: 'Sem',
      achternaam: 'Bakker',
      groep: '6V',
      geboortedatum: '2007-10-15',
    });
    const inc = await t.call('incidents.create', {
      datumVoorval: '2025-10-10',
      datumMelding: '2025-10-16',
      locatie: 'buiten_school',
      platform: 'whatsapp',
      categorie: 'seksueel',
      ernst: 'zeer_hoog',
      omschrijving: 'Berichten van een docent aan een leerling, van voor de achttiende verjaardag.',
      betrokkenen: [
        { personId: w.docent.id, rol: 'dader' },
        { personId: pupil.id, rol: 'slachtoffer' },
      ],
    });
    const c = await t.call('obligations.checklist.get', { incidentId: inc.id });
    expect(c.actief).toBe(true);
    expect(c.stappen.map((s) => s.regel)).toContain('zeden.vertrouwensinspecteur');
    // Eighteen already when it happened: advice only.
    const later = await t.call('incidents.create', {
      datumVoorval: '2025-10-15',
      datumMelding: '2025-10-16',
      locatie: 'buiten_school',
      platform: 'whatsapp',
      categorie: 'seksueel',
      ernst: 'zeer_hoog',
      omschrijving: 'Berichten van een docent aan een leerling, op de achttiende verjaardag.',
      betrokkenen: [
        { personId: w.docent.id, rol: 'dader' },
        { personId: pupil.id, rol: 'slachtoffer' },
      ],
    });
    expect(await t.call('obligations.checklist.get', { incidentId: later.id })).toMatchObject({ actief: false, stappen: [] });
  });

  it('a pupil as dader does not open the path', async () => {
    const w = await world('VO');
    const inc = await t.call('incidents.create', {
      datumVoorval: '2025-10-16',
      datumMelding: '2025-10-17',
      locatie: 'buiten_school',
      platform: 'snapchat',
      categorie: 'seksueel',
      ernst: 'hoog',
      omschrijving: 'Foto gedeeld.',
      betrokkenen: [{ personId: w.leerling.id, rol: 'dader' }],
    });
    expect((await t.call('obligations.checklist.get', { incidentId: inc.id })).actief).toBe(false);
  });
});

describe('advice, never automatic', () => {
  it('suggests the vertrouwensinspecteur for serious bullying, the ladder for a repeat dader, and what was done before', async () => {
    const w = await world('VO');
    await t.call('measures.create', { incidentId: w.incident.id, personId: w.leerling.id, soort: 'gesprek', besluitDatum: '2025-10-15' });
    const second = await t.call('incidents.create', {
      datumVoorval: '2025-10-16',
      datumMelding: '2025-10-17',
      locatie: 'in_school',
      platform: 'instagram',
      categorie: 'pesten',
      ernst: 'middel',
      omschrijving: 'Weer spottende berichten.',
      betrokkenen: [{ personId: w.leerling.id, rol: 'dader' }],
    });
    const a = await t.call('obligations.advice', { incidentId: second.id });
    expect(a.items.map((i) => i.soort)).toEqual(['ladder']);
    expect(a.items[0]).toEqual({
      soort: 'ladder',
      titel: 'Emre Özdemir: 2e melding als dader dit schooljaar',
      tekst: 'Volgens de eigen escalatieladder van de school: Waarschuwingsbrief. Bij de 3e melding: Gesprek met ouders.',
      bronnen: ['school.instelling'],
      bronTekst: 'Instelling van de school',
    });
    expect(a.personen[0]).toMatchObject({
      naam: 'Emre Özdemir',
      aantalDitSchooljaar: 2,
      schooljaar: '2025-2026',
      ladderStap: 'Waarschuwingsbrief',
      volgendeStap: { vanaf: 3, stap: 'Gesprek met ouders' },
    });
    expect(a.personen[0].eerder.map((e) => [e.nummer, e.maatregelen.map((m) => m.soort)])).toEqual([[w.incident.nummer, ['gesprek']]]);
    // The first incident was serious bullying: the vertrouwensinspecteur is suggested there.
    const first = await t.call('obligations.advice', { incidentId: w.incident.id });
    expect(first.items[0].soort).toBe('vertrouwensinspecteur');
    expect(first.items[0].tekst).toContain('0900-111 3 111, werkdagen 08:00–17:00');
    expect(first.personen[0]).toMatchObject({ aantalDitSchooljaar: 1, ladderStap: null, volgendeStap: { vanaf: 2 } });
    // Advice changes nothing.
    expect(t.core.db.prepare(`SELECT COUNT(*) AS n FROM obligation WHERE bron = 'melding'`).get()).toEqual({ n: 0 });
  });

  it('prompts for aangifte for a possible criminal offence, and follows the school’s own ladder', async () => {
    const w = await world('VO');
    await t.call('obligations.settings.save', {
      ...(await t.call('obligations.settings.get', {})),
      escalatieladder: [
        { vanaf: 1, stap: 'Gesprek met mentor' },
        { vanaf: 2, stap: 'Brief naar huis' },
      ],
    });
    const inc = await t.call('incidents.create', {
      datumVoorval: '2025-10-16',
      datumMelding: '2025-10-17',
      locatie: 'buiten_school',
      platform: 'overig',
      categorie: 'hacken',
      ernst: 'middel',
      omschrijving: 'Account overgenomen.',
      betrokkenen: [{ personId: w.slachtoffer.id, rol: 'dader' }],
    });
    const a = await t.call('obligations.advice', { incidentId: inc.id });
    expect(a.items.map((i) => [i.soort, i.titel])).toEqual([
      ['aangifte', 'Mogelijk strafbaar feit: overweeg aangifte of een melding bij de politie'],
      ['ladder', 'Sanne van Dijk: 1e melding als dader dit schooljaar'],
    ]);
    expect(a.items[0].tekst).toContain('computervredebreuk');
  });
});

describe('the dossier, settings, holidays and the list', () => {
  it('shows obligations in the dossier with who did it and when', async () => {
    const w = await world('VO');
    const m = await t.call('measures.create', {
      incidentId: w.incident.id,
      personId: w.leerling.id,
      soort: 'schorsing',
      besluitDatum: '2025-10-17',
      startdatum: '2025-10-17',
      einddatum: '2025-10-27',
    });
    const isd = byRule(await of({ measureId: m.id }), 'schorsing.isd');
    await t.call('obligations.markDone', { id: isd.id, door: 'M. Hoekstra', datum: '2025-10-17', toelichting: 'ISD-formulier verstuurd.' });
    const dossier = await t.call('dossier.get', { personId: w.leerling.id });
    const item = dossier.items.find((i) => i.type === 'verplichting' && i.obligationId === isd.id);
    expect(item).toEqual({
      type: 'verplichting',
      datum: '2025-10-17',
      obligationId: isd.id,
      titel: 'Melden bij de Inspectie (Internet Schooldossier)',
      titelEn: isd.titelEn,
      status: 'gedaan',
      gedaanDoor: 'M. Hoekstra',
      gedaanOp: '2025-10-17',
    });
    expect(isd.titelEn).toMatch(/Inspectorate/);
  });

  it('settings: the ISD threshold moves open due dates; the holidays of a school year can be edited and restored', async () => {
    const w = await world('VO');
    const m = await t.call('measures.create', {
      incidentId: w.incident.id,
      personId: w.leerling.id,
      soort: 'schorsing',
      besluitDatum: '2025-10-17',
      startdatum: '2025-10-17',
      einddatum: '2025-10-27',
    });
    const s = await t.call('obligations.settings.get', {});
    expect(s).toMatchObject({
      bezwaarclausule: true,
      leerplichtBijSchorsing: true,
      isdTeLaatNaWerkdagen: 2,
      bewaartermijnLeerlingJaren: 2,
      bewaartermijnMedewerkerJaren: 2,
    });
    await t.call('obligations.settings.save', { ...s, isdTeLaatNaWerkdagen: 1, leerplichtBijSchorsing: false });
    const list = await of({ measureId: m.id });
    // One working day after Friday 17 October is Monday 20 (in the autumn holiday): late from Tuesday 21.
    expect(byRule(list, 'schorsing.isd').teLaatVanaf).toBe('2025-10-21');
    expect(byRule(list, 'schorsing.leerplicht')).toMatchObject({ status: 'nvt' });

    const h = await t.call('obligations.holidays.get', { schooljaar: '2025-2026' });
    expect(h).toMatchObject({ regio: 'midden', bron: 'standaard', voorlopig: false, onbekend: false });
    expect(h.vakanties[0]).toEqual({ soort: 'herfst', naam: null, start: '2025-10-18', eind: '2025-10-26' });
    expect((await t.call('obligations.holidays.get', { schooljaar: '2031-2032' })).onbekend).toBe(true);
    // The school moved its autumn holiday a week later: Monday 20 October is a school day now.
    const eigen = h.vakanties.map((v) => (v.soort === 'herfst' ? { ...v, start: '2025-10-25', eind: '2025-11-02' } : v));
    expect(await t.call('obligations.holidays.save', { schooljaar: '2025-2026', vakanties: eigen })).toMatchObject({ bron: 'aangepast' });
    expect(await t.call('obligations.schoolDays', { start: '2025-10-17', schooldagen: 3 })).toEqual({
      start: '2025-10-17',
      eind: '2025-10-21',
      schooldagen: 3,
      vrijeDagen: [],
      onbekendeSchooljaren: [],
    });
    await t.call('obligations.holidays.save', { schooljaar: '2025-2026', vakanties: null });
    expect(await t.call('obligations.schoolDays', { start: '2025-10-17', schooldagen: 3 })).toMatchObject({
      eind: '2025-10-28',
      vrijeDagen: expect.arrayContaining([{ datum: '2025-10-20', reden: 'Herfstvakantie' }]),
    });
    expect(
      await fails('obligations.holidays.save', {
        schooljaar: '2025-2026',
        vakanties: [{ soort: 'herfst', start: '2025-10-25', eind: '2025-10-20' }],
      }),
    ).toMatchObject({ field: 'vakanties.0.eind' });
    const audit = await t.call('audit.forRecord', { entity: 'instelling', entityId: 'obligations.vakanties' });
    expect(audit).toHaveLength(2);
  });

  it('reads settings saved before the ISD term was counted in working days', async () => {
    await world('VO');
    t.core.db
      .prepare(
        `INSERT INTO setting (key, value, updated_at) VALUES ('obligations', ?, '2025-01-01T00:00:00Z') ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
      )
      .run(JSON.stringify({ bezwaarclausule: false, isdTeLaatNaSchooldagen: 4, verwijderingNaGedocumenteerdZoeken: true }));
    const s = await t.call('obligations.settings.get', {});
    expect(s).toMatchObject({ bezwaarclausule: false, isdTeLaatNaWerkdagen: 4 });
    expect(s).not.toHaveProperty('verwijderingNaGedocumenteerdZoeken');
  });

  it('lists with filters: status, overdue, due before, person, incident', async () => {
    const w = await world('VO');
    const m = await t.call('measures.create', {
      incidentId: w.incident.id,
      personId: w.leerling.id,
      soort: 'schorsing',
      besluitDatum: '2025-10-17',
      startdatum: '2025-10-17',
      einddatum: '2025-10-27',
    });
    t.setNow('2025-10-28T09:00:00Z');
    const all = await t.call('obligations.list', {});
    // Hearing of the pupil and of the parents, the warning for 11 calendar days, decision, clause, ISD, leerplicht.
    expect(all.total).toBe(7);
    expect((await t.call('obligations.list', { teLaat: true })).rows.map((o) => o.regel).sort()).toEqual([
      'schorsing.besluit',
      'schorsing.bezwaarclausule',
      'schorsing.horen',
      'schorsing.horen',
      'schorsing.isd',
      'schorsing.kalenderdagen',
      'schorsing.leerplicht',
    ]);
    expect((await t.call('obligations.list', { personId: w.leerling.id })).total).toBe(7);
    expect((await t.call('obligations.list', { personId: w.slachtoffer.id })).total).toBe(0);
    expect((await t.call('obligations.list', { incidentId: w.incident.id, status: ['gedaan'] })).total).toBe(0);
    expect((await t.call('obligations.list', { uiterlijkVoor: '2025-10-16' })).total).toBe(0);
    expect((await t.call('obligations.list', { measureId: m.id, limit: 2 })).rows).toHaveLength(2);
  });
});
