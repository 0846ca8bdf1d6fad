// Measures: which kinds suit which person, sane dates, day counts, the incident moving forward, audit.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { makeTestCore, type TestCore } from '../support/core';
import { MAATREGEL, MAATREGEL_PER_SOORT, PERSOON_SOORT } from '../../src/shared/domain';

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

async function world(sector: 'VO' | 'PO' = 'VO') {
  await t.call('school.save', { naam: 'De Linde', sector, regio: 'midden' });
  const leerling = await t.call('people.create', { soort: 'leerling', voornaam: 'Emre', achternaam: 'Özdemir', groep: '3A' });
  const ouder = await t.call('people.create', { soort: 'ouder', voornaam: 'Ayla', achternaam: 'Özdemir' });
  const medewerker = await t.call('people.create', { soort: 'medewerker', voornaam: 'Tom', achternaam: 'Gerritsen', functie: 'docent' });
  const extern = await t.call('people.create', { soort: 'extern', voornaam: 'Ruud', achternaam: 'Kamphuis' });
  const incident = await t.call('incidents.create', {
    datumVoorval: '2026-10-05',
    datumMelding: '2026-10-06',
    locatie: 'buiten_school',
    platform: 'snapchat',
    categorie: 'pesten',
    ernst: 'hoog',
    omschrijving: 'Spottende berichten.',
    betrokkenen: [{ personId: leerling.id, rol: 'dader' }],
  });
  return { leerling, ouder, medewerker, extern, incident };
}

describe('measures.create', () => {
  it('records a schorsing with its days counted, moves the incident on and audits', async () => {
    const w = await world();
    const m = await t.call('measures.create', {
      incidentId: w.incident.id,
      personId: w.leerling.id,
      soort: 'schorsing',
      besluitDatum: '2026-10-08',
      beslotenDoor: 'M. Hoekstra, rector',
      startdatum: '2026-10-09',
      einddatum: '2026-10-13',
      vorm: 'extern',
      afsprakenSchoolwerk: 'Werk uit de studiewijzer.',
      toelichting: 'Gehoord op 8 oktober.',
    });
    expect(m).toMatchObject({
      incidentId: w.incident.id,
      persoon: { id: w.leerling.id, naam: 'Emre Özdemir', groep: '3A' },
      soort: 'schorsing',
      status: 'besloten',
      duurDagen: 3,
      vorm: 'extern',
      startdatum: '2026-10-09',
      einddatum: '2026-10-13',
    });
    expect(await t.call('measures.get', { id: m.id })).toEqual(m);
    const inc = await t.call('incidents.get', { id: w.incident.id });
    expect(inc.status).toBe('maatregel_genomen');
    expect(inc.maatregelen).toEqual([m]);
    const audit = await t.call('audit.forRecord', { entity: 'maatregel', entityId: String(m.id) });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'aangemaakt', before: null, after: { soort: 'schorsing', duurDagen: 3 } });
    const incAudit = await t.call('audit.forRecord', { entity: 'melding', entityId: String(w.incident.id) });
    expect(incAudit[0]).toMatchObject({ action: 'status_gewijzigd', before: { status: 'open' }, after: { status: 'maatregel_genomen' } });
  });

  it('leaves the incident alone for an intended measure or a closed incident', async () => {
    const w = await world();
    await t.call('measures.create', { incidentId: w.incident.id, personId: w.leerling.id, soort: 'gesprek', status: 'voorgenomen', besluitDatum: '2026-10-07' });
    expect((await t.call('incidents.get', { id: w.incident.id })).status).toBe('open');
    const closed = await t.call('incidents.update', { ...(await t.call('incidents.get', { id: w.incident.id })), status: 'afgesloten', regelIds: [], directeActies: [], betrokkenen: [{ personId: w.leerling.id, rol: 'dader' }], id: w.incident.id } as never);
    expect(closed.status).toBe('afgesloten');
    await t.call('measures.create', { incidentId: w.incident.id, personId: w.leerling.id, soort: 'waarschuwing', besluitDatum: '2026-10-08' });
    expect((await t.call('incidents.get', { id: w.incident.id })).status).toBe('afgesloten');
  });

  it('accepts exactly the kinds of MAATREGEL_PER_SOORT for each kind of person', async () => {
    const w = await world();
    const who = { leerling: w.leerling, ouder: w.ouder, medewerker: w.medewerker, extern: w.extern };
    for (const soort of PERSOON_SOORT.codes) {
      for (const maatregel of MAATREGEL.codes) {
        // An intended expulsion names the date the board intends to decide.
        const beoogd = maatregel === 'voornemen_verwijdering' && soort === 'leerling' ? { beoogdBesluit: '2026-10-29' } : {};
        const r = await t.core.invoke('measures.create', { personId: who[soort].id, soort: maatregel, besluitDatum: '2026-10-08', status: 'voorgenomen', ...beoogd });
        const allowed = MAATREGEL_PER_SOORT[soort].includes(maatregel);
        if (allowed) expect(r.ok, `${soort} ${maatregel}: ${JSON.stringify(r)}`).toBe(true);
        else
          expect(r, `${soort} ${maatregel}`).toMatchObject({
            ok: false,
            error: { code: 'VALIDATIE', field: 'soort', message: `Een ${MAATREGEL.labels[maatregel].nl.toLowerCase()} is geen maatregel voor een ${PERSOON_SOORT.labels[soort].nl.toLowerCase()}.` },
          });
      }
    }
  });

  it('allows salary withholding only in VO', async () => {
    const w = await world('PO');
    expect(await fails('measures.create', { personId: w.medewerker.id, soort: 'inhouding_salaris', besluitDatum: '2026-10-08' })).toEqual({
      code: 'VALIDATIE',
      message: 'Inhouding van salaris is alleen mogelijk in het voortgezet onderwijs (cao VO).',
      field: 'soort',
      fields: { soort: 'Inhouding van salaris is alleen mogelijk in het voortgezet onderwijs (cao VO).' },
    });
    await t.call('school.save', { naam: 'De Linde', sector: 'VO', regio: 'midden' });
    const ok = await t.call('measures.create', { personId: w.medewerker.id, soort: 'inhouding_salaris', besluitDatum: '2026-10-08', status: 'voorgenomen' });
    expect(ok.soort).toBe('inhouding_salaris');
  });

  it('refuses muddled dates and references, writing nothing', async () => {
    const w = await world();
    const base = { personId: w.leerling.id, soort: 'inname_telefoon' as const, besluitDatum: '2026-10-08' };
    expect(await fails('measures.create', { ...base, startdatum: '2026-10-09', einddatum: '2026-10-08' })).toMatchObject({
      field: 'einddatum',
      message: 'De einddatum ligt vóór de begindatum.',
    });
    expect(await fails('measures.create', { ...base, einddatum: '2026-10-08' })).toMatchObject({ field: 'startdatum', message: 'Vul ook de begindatum in.' });
    expect(await fails('measures.create', { ...base, vorm: 'intern' })).toMatchObject({ field: 'vorm' });
    expect(await fails('measures.create', { ...base, incidentId: 999 })).toMatchObject({ field: 'incidentId', message: 'Deze melding bestaat niet (meer).' });
    expect(await fails('measures.create', { ...base, personId: 999 })).toMatchObject({ field: 'personId', message: 'Deze persoon bestaat niet (meer).' });
    expect(await fails('measures.create', { ...base, incidentId: w.incident.id, besluitDatum: '2026-10-01' })).toMatchObject({
      field: 'besluitDatum',
      message: 'Het besluit ligt vóór de datum van het voorval.',
    });
    expect(await fails('measures.create', { ...base, besluitDatum: '2026-02-29' })).toMatchObject({ field: 'besluitDatum', message: 'Deze datum bestaat niet.' });
    expect(await fails('measures.create', { ...base, soort: 'strafwerk' })).toMatchObject({ field: 'soort', message: 'Kies een maatregel.' });
    expect(t.core.db.prepare('SELECT count(*) AS n FROM measure').get()).toEqual({ n: 0 });
  });
});

describe('the length of a measure', () => {
  it("counts a pupil's days in school days and anyone else's in working days", async () => {
    const w = await world();
    // The same dates span the autumn holiday (regio midden, 17–25 October 2026).
    const dates = { besluitDatum: '2026-10-08', startdatum: '2026-10-08', einddatum: '2026-10-21' };
    const phone = await t.call('measures.create', { personId: w.leerling.id, soort: 'inname_telefoon', ...dates });
    expect(phone.duurDagen).toBe(7);
    const ban = await t.call('measures.create', { personId: w.ouder.id, soort: 'toegangsverbod', ...dates });
    expect(ban.duurDagen).toBe(10);
  });
});

describe('measures.update and measures.list', () => {
  it('changes a measure, keeps its person, and lists by person and incident', async () => {
    const w = await world();
    const a = await t.call('measures.create', { incidentId: w.incident.id, personId: w.leerling.id, soort: 'gesprek', status: 'voorgenomen', besluitDatum: '2026-10-07' });
    const b = await t.call('measures.create', { personId: w.leerling.id, soort: 'waarschuwing', besluitDatum: '2026-10-09' });
    const c = await t.call('measures.create', { personId: w.ouder.id, soort: 'toegangsverbod', besluitDatum: '2026-10-08', startdatum: '2026-10-08', einddatum: '2026-10-21' });
    expect(c.duurDagen).toBe(10);
    t.setNow('2026-11-17T10:00:00Z');
    const u = await t.call('measures.update', { id: a.id, incidentId: w.incident.id, personId: w.leerling.id, soort: 'gesprek', status: 'uitgevoerd', besluitDatum: '2026-10-07', toelichting: 'Gevoerd.' });
    expect(u).toMatchObject({ status: 'uitgevoerd', toelichting: 'Gevoerd.', updatedAt: '2026-11-17T10:00:00.000Z' });
    expect((await t.call('incidents.get', { id: w.incident.id })).status).toBe('maatregel_genomen');
    const audit = await t.call('audit.forRecord', { entity: 'maatregel', entityId: String(a.id) });
    expect(audit[0]).toMatchObject({ action: 'gewijzigd', before: { status: 'voorgenomen' }, after: { status: 'uitgevoerd' } });
    expect(await fails('measures.update', { id: a.id, personId: w.ouder.id, soort: 'gesprek', besluitDatum: '2026-10-07' })).toMatchObject({ code: 'CONFLICT', field: 'personId' });
    expect(await fails('measures.update', { id: 999, personId: w.ouder.id, soort: 'gesprek', besluitDatum: '2026-10-07' })).toMatchObject({ code: 'NIET_GEVONDEN' });
    expect((await t.call('measures.list', { personId: w.leerling.id })).map((m) => m.id)).toEqual([b.id, a.id]);
    expect((await t.call('measures.list', { incidentId: w.incident.id })).map((m) => m.id)).toEqual([a.id]);
    expect((await t.call('measures.list', { personId: w.ouder.id, incidentId: w.incident.id })).map((m) => m.id)).toEqual([]);
    expect((await t.call('measures.list', {})).map((m) => m.id)).toEqual([b.id, c.id, a.id]);
    expect(await fails('measures.get', { id: 999 })).toMatchObject({ code: 'NIET_GEVONDEN', message: 'Deze maatregel bestaat niet (meer).' });
  });
});
