// The English side of the obligations: each rule writes an English title with the same facts and
// dates as the Dutch one (dates as "7 December 2026"), stored beside it; who acts and the articles'
// texts in English; and how pressing a task is today (`urgentie`), served by the core.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { makeTestCore, type TestCore } from '../support/core';
import type { Obligation } from '../../src/shared/api/obligations';
import { BRONNEN } from '../../src/main/obligations/sources';

let t: TestCore;
beforeEach(() => {
  // Monday 26 October 2026, after the autumn holiday in regio midden.
  t = makeTestCore({ now: '2026-10-26T09:00:00Z' });
});
afterEach(() => t.cleanup());

const of = async (filter: Record<string, unknown>) => (await t.call('obligations.list', { offset: 0, limit: 100, ...filter })).rows;
const byRule = (list: Obligation[], regel: string, sleutel = '') => list.find((o) => o.regel === regel && o.sleutel === sleutel)!;

async function suspension() {
  await t.call('school.save', { naam: 'OBS De Regenboog', sector: 'PO', regio: 'midden', openbaar: true });
  const pupil = await t.call('people.create', {
    soort: 'leerling',
    voornaam: 'Daan',
    achternaam: 'Jansen',
    groep: '8A',
    geboortedatum: '2014-03-02',
  });
  const incident = await t.call('incidents.create', {
    datumVoorval: '2026-10-23',
    datumMelding: '2026-10-23',
    locatie: 'buiten_school',
    platform: 'tiktok',
    categorie: 'bedreiging',
    ernst: 'hoog',
    omschrijving: 'Dreigende video.',
    betrokkenen: [{ personId: pupil.id, rol: 'dader' }],
  });
  const m = await t.call('measures.create', {
    incidentId: incident.id,
    personId: pupil.id,
    soort: 'schorsing',
    besluitDatum: '2026-10-26',
    startdatum: '2026-10-27',
    einddatum: '2026-10-28',
    vorm: 'extern',
    afsprakenSchoolwerk: 'Werkt thuis.',
  });
  return { pupil, incident, measure: m };
}

describe('English titles', () => {
  it('states the same facts and dates as the Dutch title, with the date as "7 December 2026"', async () => {
    const { measure } = await suspension();
    const list = await of({ measureId: measure.id });
    // Decided and sent Monday 26 October: the objection term of 6 weeks runs from the next day up to
    // and including Monday 7 December 2026 (Awb art. 6:7, no weekend or holiday to pass).
    const clause = byRule(list, 'schorsing.bezwaarclausule');
    expect(clause.titel).toBe('Bezwaarclausule in het besluit: bezwaar kan tot en met 07-12-2026 (6 weken)');
    expect(clause.titelEn).toBe(
      'Objection clause in the decision: an objection (bezwaar) can be made up to and including 7 December 2026 (6 weeks)',
    );
    // A primary pupil under 12: the parents are heard and receive the decision.
    expect(byRule(list, 'schorsing.horen', 'leerling').titelEn).toBe('Hear the pupil about the suspension (schorsing)');
    expect(byRule(list, 'schorsing.horen', 'ouders').titelEn).toBe('Hear the parents about the suspension (schorsing)');
    expect(byRule(list, 'schorsing.besluit').titelEn).toBe('Send the written decision with reasons to the parents');
    expect(byRule(list, 'schorsing.isd').titelEn).toBe('Notify the Education Inspectorate (Inspectie), via the Internet Schooldossier');
    // Every task of the rules has an English title, none with a Dutch date in it.
    for (const o of list) {
      expect(o.titelEn, o.regel).toBeTruthy();
      expect(o.titelEn, o.regel).not.toMatch(/\d{2}-\d{2}-\d{4}/);
    }
    // Stored beside the Dutch title, not made up when read.
    const stored = t.core.db.prepare('SELECT titel_en FROM obligation WHERE id = ?').pluck().get(clause.id);
    expect(stored).toBe(clause.titelEn);
  });

  it('follows the facts: a later decision date moves the date in both titles', async () => {
    const { measure, pupil, incident } = await suspension();
    await t.call('measures.update', {
      id: measure.id,
      incidentId: incident.id,
      personId: pupil.id,
      soort: 'schorsing',
      besluitDatum: '2026-10-27',
      startdatum: '2026-10-28',
      einddatum: '2026-10-29',
      vorm: 'extern',
      afsprakenSchoolwerk: 'Werkt thuis.',
    });
    const clause = byRule(await of({ measureId: measure.id }), 'schorsing.bezwaarclausule');
    expect(clause.titel).toContain('08-12-2026');
    expect(clause.titelEn).toContain('up to and including 8 December 2026');
  });

  it('gives who acts and the articles in English, with the Dutch term where a school leader needs it', async () => {
    const { measure } = await suspension();
    const clause = byRule(await of({ measureId: measure.id }), 'schorsing.bezwaarclausule');
    expect(clause.actor).toBe('Schoolleiding');
    expect(clause.actorEn).toBe('School management');
    const kern = clause.bronnen.find((b) => b.id === 'awb.6:7')!;
    expect(kern.kern).toBe(BRONNEN['awb.6:7'].kern);
    expect(kern.kernEn).toBe('The term for an objection is six weeks; it starts on the day after the decision was made known.');
    expect(BRONNEN['inspectie.vertrouwensinspecteur'].kernEn).toContain('confidential inspector (vertrouwensinspecteur)');
    for (const [id, b] of Object.entries(BRONNEN)) expect(b.kernEn.length, id).toBeGreaterThan(20);
  });
});

describe('urgentie, served by the core', () => {
  it("is 'deze_week' when due within the week, 'te_laat' once overdue, 'later' further off or settled", async () => {
    const { measure, pupil, incident } = await suspension();
    const later = await t.call('measures.create', {
      incidentId: incident.id,
      personId: pupil.id,
      soort: 'voornemen_verwijdering',
      besluitDatum: '2026-10-26',
      beoogdBesluit: '2026-11-20',
    });
    let list = await of({ measureId: measure.id });
    // Due today (26 October), overdue from tomorrow.
    expect(byRule(list, 'schorsing.bezwaarclausule').urgentie).toBe('deze_week');
    // The hearings on the intended expulsion are due the day before 20 November: more than a week off.
    const hearing = byRule(await of({ measureId: later.id }), 'verwijdering.horen', 'leerling');
    expect(hearing.uiterlijk).toBe('2026-11-19');
    expect(hearing.urgentie).toBe('later');
    // Two days on the written decision is overdue; on 12 November the hearing is within the week.
    t.setNow('2026-10-28');
    list = await of({ measureId: measure.id });
    expect(byRule(list, 'schorsing.besluit').urgentie).toBe('te_laat');
    t.setNow('2026-11-12');
    expect(byRule(await of({ measureId: later.id }), 'verwijdering.horen', 'leerling').urgentie).toBe('deze_week');
    const done = await t.call('obligations.markDone', { id: byRule(list, 'schorsing.besluit').id, door: 'M. de Wit', datum: '2026-10-27' });
    expect(done.urgentie).toBe('later');
    // The Overzicht's week is the same: every task it lists as this week's is 'deze_week'.
    const dash = await t.call('obligations.dashboard', {});
    for (const o of dash.dezeWeek) expect(o.urgentie, o.regel).toBe('deze_week');
    for (const o of dash.teLaat) expect(o.urgentie, o.regel).toBe('te_laat');
  });
});

describe('English titles beyond the task list', () => {
  it('the planning and the dossier timeline carry the same English title as the task', async () => {
    const { pupil, measure } = await suspension();
    const open = (await of({ measureId: measure.id })).find((o) => o.status === 'open' && o.uiterlijk)!;
    const items = await t.call('calendar.list', { schooljaar: '2026-2027' });
    const planned = items.find((i) => i.obligationId === open.id)!;
    expect(planned.titel).toBe(open.titel);
    expect(planned.titelEn).toBe(open.titelEn);
    expect(planned.titelEn).toMatch(/^[A-Z]/);
    // A moment of the school year has no English title of its own (the app names it by its kind).
    expect(items.filter((i) => i.soort !== 'verplichting').every((i) => i.titelEn === null)).toBe(true);

    await t.call('obligations.markDone', { id: open.id, datum: '2026-10-26', door: 'Directeur' });
    const dossier = await t.call('dossier.get', { personId: pupil.id });
    const done = dossier.items.find((i) => i.type === 'verplichting' && i.obligationId === open.id);
    expect(done).toMatchObject({ titel: open.titel, titelEn: open.titelEn });
  });
});
