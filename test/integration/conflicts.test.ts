// Two people editing the same record on the school server (docs/SERVER.md "Tegelijk bewerken"):
// two callers on one core, as the server passes them, read the same record and both save. The
// second save is refused with CONFLICT, the first's record in the error and in the database, and
// nothing of the second written; after re-reading, the second saves fine. Without a version (the
// CLI) a save goes through as before.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { makeTestCore, type TestCore } from '../support/core';
import type { Caller } from '../../src/shared/api/caller';
import type { Incident } from '../../src/shared/api/incidents';
import type { Measure } from '../../src/shared/api/measures';
import type { Person } from '../../src/shared/api/people';
import type { MethodName, Input } from '../../src/shared/api';

// 09:42 UTC is 10:42 in Amsterdam in November.
const NOW = '2026-11-16T09:42:00Z';
const marianne: Caller = { rol: 'schoolleider', actor: 'Marianne Hoekstra (rector)', accountId: 1, groepen: null };
const tom: Caller = { rol: 'schoolleider', actor: 'Tom Gerritsen (adjunct-directeur)', accountId: 2, groepen: null };

let t: TestCore;
beforeEach(() => {
  t = makeTestCore({ now: NOW });
});
afterEach(() => t.cleanup());

async function as<M extends MethodName>(caller: Caller, method: M, input: Input<M>) {
  return t.core.invoke(method, input, caller);
}

async function ok<M extends MethodName>(caller: Caller, method: M, input: Input<M>) {
  const r = await as(caller, method, input);
  if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message}`);
  return r.value;
}

const auditCount = (entity: string, id: number) =>
  t.core.db.prepare('SELECT count(*) FROM audit_log WHERE entity = ? AND entity_id = ?').pluck().get(entity, String(id)) as number;

async function world() {
  await t.call('school.save', { naam: 'De Linde', sector: 'VO', regio: 'midden' });
  const emre = await t.call('people.create', { soort: 'leerling', voornaam: 'Emre', achternaam: 'Özdemir', groep: '3A' });
  const sara = await t.call('people.create', { soort: 'leerling', voornaam: 'Sara', achternaam: 'de Boer', groep: '3A' });
  const incident = await t.call('incidents.create', {
    datumVoorval: '2026-10-05',
    datumMelding: '2026-10-06',
    locatie: 'buiten_school',
    platform: 'snapchat',
    categorie: 'pesten',
    ernst: 'hoog',
    omschrijving: 'Spottende berichten in de klassengroep.',
    betrokkenen: [{ personId: emre.id, rol: 'dader' }],
  });
  return { emre, sara, incident };
}

/** The incident as a form sends it back: its fields, with the version it was loaded with. */
const incidentForm = (i: Incident) => ({
  id: i.id,
  versie: i.versie,
  datumVoorval: i.datumVoorval,
  datumMelding: i.datumMelding,
  locatie: i.locatie,
  platform: i.platform,
  categorie: i.categorie,
  ernst: i.ernst,
  omschrijving: i.omschrijving,
  status: i.status,
  betrokkenen: i.betrokkenen.map((b) => ({ personId: b.personId, rol: b.rol })),
  regelIds: i.regels.map((r) => r.id),
  directeActies: i.directeActies.map((a) => ({ actie: a.actie, datum: a.datum })),
});

describe('an incident saved by two people', () => {
  it('refuses the second save with the first one’s incident, keeps the first change, and takes the second after re-reading', async () => {
    const w = await world();
    expect(w.incident.versie).toBe(1);
    const first = await ok(marianne, 'incidents.get', { id: w.incident.id });
    const second = await ok(tom, 'incidents.get', { id: w.incident.id });

    const saved = await ok(marianne, 'incidents.update', {
      ...incidentForm(first),
      omschrijving: 'Versie van Marianne.',
      ernst: 'zeer_hoog',
    });
    expect(saved.versie).toBe(2);
    const audited = auditCount('melding', w.incident.id);

    const r = await as(tom, 'incidents.update', {
      ...incidentForm(second),
      omschrijving: 'Versie van Tom.',
      betrokkenen: [
        { personId: w.emre.id, rol: 'dader' },
        { personId: w.sara.id, rol: 'slachtoffer' },
      ],
      directeActies: [{ actie: 'ouders_geinformeerd', datum: '2026-10-06' }],
    });
    if (r.ok) throw new Error('the second save should have been refused');
    expect(r.error.code).toBe('CONFLICT');
    expect(r.error.message).toBe(
      'Iemand anders heeft deze melding intussen gewijzigd (om 10:42 door Marianne Hoekstra). ' +
        'Uw wijzigingen zijn niet opgeslagen, maar staan nog in het formulier.',
    );
    const huidig = r.error.huidig as Incident;
    expect(huidig).toMatchObject({ id: w.incident.id, versie: 2, omschrijving: 'Versie van Marianne.', ernst: 'zeer_hoog' });

    // Nothing of Tom's save: not the row, not the people or actions, no audit entry.
    const stored = await t.call('incidents.get', { id: w.incident.id });
    expect(stored).toMatchObject({ versie: 2, omschrijving: 'Versie van Marianne.', ernst: 'zeer_hoog' });
    expect(stored.betrokkenen.map((b) => b.personId)).toEqual([w.emre.id]);
    expect(stored.directeActies).toEqual([]);
    expect(auditCount('melding', w.incident.id)).toBe(audited);

    // "Mijn versie opslaan": the same input with the version from the conflict.
    const again = await ok(tom, 'incidents.update', {
      ...incidentForm(second),
      versie: huidig.versie,
      omschrijving: 'Versie van Tom.',
      betrokkenen: [
        { personId: w.emre.id, rol: 'dader' },
        { personId: w.sara.id, rol: 'slachtoffer' },
      ],
    });
    expect(again).toMatchObject({ versie: 3, omschrijving: 'Versie van Tom.' });
    expect(again.betrokkenen.map((b) => b.personId).sort()).toEqual([w.emre.id, w.sara.id].sort());
    const last = t.core.db.prepare(`SELECT actor FROM audit_log WHERE entity = 'melding' ORDER BY id DESC LIMIT 1`).pluck().get();
    expect(last).toBe(tom.actor);
  });

  it('names the day of a change made on an earlier day', async () => {
    const w = await world();
    const stale = await ok(tom, 'incidents.get', { id: w.incident.id });
    await ok(marianne, 'incidents.update', { ...incidentForm(stale), omschrijving: 'Gisteren aangepast.' });
    t.setNow('2026-11-17T08:00:00Z');
    const r = await as(tom, 'incidents.update', { ...incidentForm(stale), omschrijving: 'Vandaag.' });
    if (r.ok) throw new Error('should have been refused');
    expect(r.error.message).toContain('(op 16 november 2026 om 10:42 door Marianne Hoekstra)');
  });

  it('moves the version when a measure moves the status on, so an open form does not put the old status back', async () => {
    const w = await world();
    const form = await ok(tom, 'incidents.get', { id: w.incident.id });
    expect(form.status).toBe('open');
    await ok(marianne, 'measures.create', {
      incidentId: w.incident.id,
      personId: w.emre.id,
      soort: 'waarschuwing',
      besluitDatum: '2026-10-08',
    });
    const moved = await t.call('incidents.get', { id: w.incident.id });
    expect(moved).toMatchObject({ status: 'maatregel_genomen', versie: form.versie + 1 });
    const r = await as(tom, 'incidents.update', { ...incidentForm(form), omschrijving: 'Aangevuld.' });
    if (r.ok) throw new Error('should have been refused');
    expect(r.error.code).toBe('CONFLICT');
    expect((r.error.huidig as Incident).status).toBe('maatregel_genomen');
    expect((await t.call('incidents.get', { id: w.incident.id })).status).toBe('maatregel_genomen');
  });

  it('saves without a version as before (the CLI, older callers), and raises it', async () => {
    const w = await world();
    const { versie: _versie, ...input } = incidentForm(w.incident);
    const a = await t.call('incidents.update', { ...input, omschrijving: 'Zonder versie één.' });
    const b = await t.call('incidents.update', { ...input, omschrijving: 'Zonder versie twee.' });
    expect([a.versie, b.versie]).toEqual([2, 3]);
    expect((await t.call('incidents.get', { id: w.incident.id })).omschrijving).toBe('Zonder versie twee.');
  });
});

describe('a measure saved by two people', () => {
  it('refuses the second save with the first one’s measure and takes it after re-reading', async () => {
    const w = await world();
    const m = await t.call('measures.create', {
      incidentId: w.incident.id,
      personId: w.emre.id,
      soort: 'schorsing',
      besluitDatum: '2026-10-08',
      startdatum: '2026-10-09',
      einddatum: '2026-10-13',
      vorm: 'extern',
      toelichting: 'Eerste toelichting.',
    });
    expect(m.versie).toBe(1);
    const form = (x: Measure) => ({
      id: x.id,
      versie: x.versie,
      incidentId: x.incidentId,
      personId: x.personId,
      soort: x.soort,
      status: x.status,
      besluitDatum: x.besluitDatum,
      startdatum: x.startdatum,
      einddatum: x.einddatum,
      vorm: x.vorm,
      toelichting: x.toelichting,
    });
    const first = await ok(marianne, 'measures.get', { id: m.id });
    const second = await ok(tom, 'measures.get', { id: m.id });
    const saved = await ok(marianne, 'measures.update', { ...form(first), toelichting: 'Marianne: gehoord op 8 oktober.' });
    expect(saved.versie).toBe(2);
    const audited = auditCount('maatregel', m.id);

    const r = await as(tom, 'measures.update', { ...form(second), toelichting: 'Tom: ouders gebeld.', einddatum: '2026-10-12' });
    if (r.ok) throw new Error('should have been refused');
    expect(r.error.code).toBe('CONFLICT');
    expect(r.error.message).toBe(
      'Iemand anders heeft deze maatregel intussen gewijzigd (om 10:42 door Marianne Hoekstra). ' +
        'Uw wijzigingen zijn niet opgeslagen, maar staan nog in het formulier.',
    );
    expect(r.error.huidig).toMatchObject({ id: m.id, versie: 2, toelichting: 'Marianne: gehoord op 8 oktober.', einddatum: '2026-10-13' });
    expect(await t.call('measures.get', { id: m.id })).toMatchObject({
      versie: 2,
      toelichting: 'Marianne: gehoord op 8 oktober.',
      einddatum: '2026-10-13',
    });
    expect(auditCount('maatregel', m.id)).toBe(audited);

    const again = await ok(tom, 'measures.update', { ...form(second), versie: 2, toelichting: 'Tom: ouders gebeld.' });
    expect(again).toMatchObject({ versie: 3, toelichting: 'Tom: ouders gebeld.' });
    // Without a version (the CLI) it still saves.
    const { versie: _v, ...cli } = form(again);
    expect((await t.call('measures.update', { ...cli, toelichting: 'Via de opdrachtregel.' })).versie).toBe(4);
  });
});

describe('a person saved by two people', () => {
  it('refuses the second save with the first one’s person and takes it after re-reading', async () => {
    const w = await world();
    const form = (p: Person) => ({
      id: p.id,
      versie: p.versie,
      soort: p.soort,
      voornaam: p.voornaam,
      achternaam: p.achternaam,
      groep: p.groep,
      telefoon: p.telefoon,
      notities: p.notities,
    });
    const first = await ok(marianne, 'people.get', { id: w.sara.id });
    const second = await ok(tom, 'people.get', { id: w.sara.id });
    expect(first.versie).toBe(1);
    await ok(marianne, 'people.update', { ...form(first), groep: '3B' });
    const audited = auditCount('persoon', w.sara.id);

    const r = await as(tom, 'people.update', { ...form(second), telefoon: '06-12345678', notities: 'Moeder belt terug.' });
    if (r.ok) throw new Error('should have been refused');
    expect(r.error.code).toBe('CONFLICT');
    expect(r.error.message).toMatch(/^Iemand anders heeft deze persoon intussen gewijzigd \(om 10:42 door Marianne Hoekstra\)\./);
    expect(r.error.huidig).toMatchObject({ id: w.sara.id, versie: 2, groep: '3B', telefoon: null });
    expect(await t.call('people.get', { id: w.sara.id })).toMatchObject({ versie: 2, groep: '3B', telefoon: null, notities: null });
    expect(auditCount('persoon', w.sara.id)).toBe(audited);

    const again = await ok(tom, 'people.update', { ...form(second), versie: 2, groep: '3B', telefoon: '06-12345678' });
    expect(again).toMatchObject({ versie: 3, groep: '3B', telefoon: '06-12345678' });
    const { versie: _v, ...cli } = form(again);
    expect((await t.call('people.update', { ...cli, notities: 'Via de opdrachtregel.' })).versie).toBe(4);
  });
});

describe('a report to an authority saved by two people', () => {
  it('refuses the second save with the first one’s report and takes it after re-reading', async () => {
    const w = await world();
    const r0 = await t.call('externalReports.create', {
      incidentId: w.incident.id,
      instantie: 'vertrouwensinspecteur',
      soort: 'consultatie',
      datum: '2026-10-06',
      toelichting: 'Eerste toelichting.',
    });
    expect(r0.versie).toBe(1);
    const form = { id: r0.id, incidentId: w.incident.id, instantie: r0.instantie, soort: r0.soort, datum: r0.datum, versie: r0.versie };
    await ok(marianne, 'externalReports.update', { ...form, kenmerk: 'VI-2026-17' });
    const r = await as(tom, 'externalReports.update', { ...form, toelichting: 'Advies: gesprek met ouders.' });
    if (r.ok) throw new Error('should have been refused');
    expect(r.error.code).toBe('CONFLICT');
    expect(r.error.message).toMatch(
      /^Iemand anders heeft deze melding aan een instantie intussen gewijzigd \(om 10:42 door Marianne Hoekstra\)\./,
    );
    expect(r.error.huidig).toMatchObject({ id: r0.id, versie: 2, kenmerk: 'VI-2026-17' });
    expect(await t.call('externalReports.list', { incidentId: w.incident.id })).toMatchObject([
      { versie: 2, kenmerk: 'VI-2026-17', toelichting: null },
    ]);
    const again = await ok(tom, 'externalReports.update', {
      ...form,
      versie: 2,
      kenmerk: 'VI-2026-17',
      toelichting: 'Advies: gesprek met ouders.',
    });
    expect(again).toMatchObject({ versie: 3, kenmerk: 'VI-2026-17', toelichting: 'Advies: gesprek met ouders.' });
  });
});
