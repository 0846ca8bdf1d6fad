// The tasks (obligations) in the Planning and its .ics: on their deadline rather than on the day
// the measure was taken, with the pupil and incident they belong to, and gone once done.
import { describe, it, expect, afterEach } from 'vitest';
import { makeTestCore, type TestCore } from '../support/core';
import { deadlineOf } from '../../src/main/planning/items';

let t: TestCore;
afterEach(() => t?.cleanup());

async function suspension(besluitDatum: string, startdatum: string, einddatum: string) {
  await t.call('school.save', { naam: 'De Linde', sector: 'VO', regio: 'midden', brin: '12AB' });
  const noor = await t.call('people.create', { soort: 'leerling', voornaam: 'Noor', achternaam: 'Verhoeven', groep: '3B' });
  const inc = await t.call('incidents.create', {
    datumVoorval: besluitDatum,
    datumMelding: besluitDatum,
    locatie: 'buiten_school',
    platform: 'tiktok',
    categorie: 'bedreiging',
    ernst: 'hoog',
    omschrijving: 'Dreigende video over een klasgenoot geplaatst.',
    betrokkenen: [{ personId: noor.id, rol: 'dader' }],
  });
  await t.call('measures.create', {
    incidentId: inc.id,
    personId: noor.id,
    soort: 'schorsing',
    besluitDatum,
    startdatum,
    einddatum,
    vorm: 'extern',
  });
  const obligations = (await t.call('obligations.list', { offset: 0, limit: 100 })).rows;
  return { noor, inc, obligations };
}

describe('the deadline of a task', () => {
  it('is the last working day before it turns overdue (no weekend, no public holiday), never before its target date', () => {
    // Overdue from Wednesday 18 November 2026: due Tuesday.
    expect(deadlineOf('2026-11-16', '2026-11-18')).toBe('2026-11-17');
    // Overdue from Monday 4 January 2027: back over the weekend and New Year's Day (no working day,
    // Algemene termijnenwet art. 3) to Thursday 31 December.
    expect(deadlineOf('2026-12-31', '2027-01-04')).toBe('2026-12-31');
    // Overdue from Tuesday 18 May 2027: Whit Monday 17 May is no working day, so due Friday 14 May.
    expect(deadlineOf('2027-05-10', '2027-05-18')).toBe('2027-05-14');
    // Overdue from Tuesday 1 March 2028 (leap year): due Tuesday 29 February.
    expect(deadlineOf('2028-02-25', '2028-03-01')).toBe('2028-02-29');
    // Overdue the next day: due on the target date itself, even on a Saturday.
    expect(deadlineOf('2026-11-14', '2026-11-15')).toBe('2026-11-14');
    // A milestone that is never overdue stays on its target date.
    expect(deadlineOf('2026-11-16', null)).toBe('2026-11-16');
  });
});

describe('tasks in the calendar', () => {
  it('puts a task on its deadline with the pupil and the incident, and leaves done tasks out of the view and the .ics', async () => {
    // Decision on Thursday 31 December 2026; the tasks were recorded that day.
    t = makeTestCore({ now: '2026-12-31T09:00:00Z' });
    const { noor, inc, obligations } = await suspension('2026-12-31', '2027-01-04', '2027-01-06');
    const isd = obligations.find((o) => o.regel === 'schorsing.isd');
    expect(isd?.uiterlijk).toBe('2026-12-31');
    expect(isd?.teLaatVanaf).not.toBe('2026-12-31');
    const items = (await t.call('calendar.list', { schooljaar: '2026-2027' })).filter((i) => i.soort === 'verplichting');
    const isdItem = items.find((i) => i.obligationId === isd?.id);
    // New Year's Day is no working day: Monday 4 and Tuesday 5 January count, overdue from
    // Wednesday 6 January, so due on Tuesday 5 January, not on 31 December.
    expect(isd?.teLaatVanaf).toBe('2027-01-06');
    expect(isdItem?.datum).toBe('2027-01-05');
    expect(isdItem).toMatchObject({ persoon: 'Noor Verhoeven', incidentNummer: inc.nummer, incidentId: inc.id });
    expect(items.every((i) => i.persoon === 'Noor Verhoeven')).toBe(true);

    // The .ics names the incident, never the pupil.
    const ics = Buffer.from((await t.call('calendar.ics', { schooljaar: '2026-2027', key: isdItem!.key })).inhoudBase64, 'base64').toString(
      'utf8',
    );
    expect(ics).toContain(inc.nummer);
    expect(ics).toContain('DTSTART;VALUE=DATE:20270105');
    expect(ics).not.toContain('Verhoeven');

    // Done: gone from the calendar and from the year's .ics.
    await t.call('obligations.markDone', { id: isd!.id, door: 'Mw. De Vries', datum: '2026-12-31' });
    const after = await t.call('calendar.list', { schooljaar: '2026-2027' });
    expect(after.some((i) => i.obligationId === isd!.id)).toBe(false);
    expect(after.filter((i) => i.soort === 'verplichting').length).toBe(items.length - 1);
    const year = Buffer.from((await t.call('calendar.ics', { schooljaar: '2026-2027' })).inhoudBase64, 'base64').toString('utf8');
    expect(year).not.toContain(`verplichting-${isd!.id}@`);
    expect(noor.id).toBeGreaterThan(0);
  });

  it('leaves a done action from the evaluation out of the calendar', async () => {
    t = makeTestCore({ now: '2026-11-20T09:00:00Z' });
    await t.call('school.save', { naam: 'De Linde', sector: 'PO', regio: 'midden', antiPestNaam: 'Mw. Van Dijk' });
    const e = await t.call('evaluations.plan', {
      datum: '2026-11-12',
      tijdStart: '19:30',
      tijdEind: '21:00',
      deelnemers: [{ naam: 'Mw. Van Dijk', rol: 'anti_pestcoordinator' }],
    });
    const recorded = await t.call('evaluations.record', {
      id: e.id,
      notulen: 'Goed overleg.',
      acties: [{ omschrijving: 'Ouderavond plannen', eigenaar: 'Dhr. Bakker', deadline: '2026-12-31' }],
    });
    const actions = async () =>
      (await t.call('calendar.list', { schooljaar: '2026-2027' })).filter((i) => i.soort === 'actie').map((i) => i.datum);
    expect(await actions()).toEqual(['2026-12-31']);
    await t.call('evaluations.setActionStatus', { actionId: recorded.acties[0].id, status: 'gedaan' });
    expect(await actions()).toEqual([]);
  });
});
