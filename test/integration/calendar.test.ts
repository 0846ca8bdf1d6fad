// The annual cycle through the real core: planning the evaluation, the calendar of a school year,
// the .ics export read back with an independent parser (ical.js), recording and closing the
// evaluation (next year's is planned), and a decision that starts a new protocol version.
import { describe, it, expect, afterEach } from 'vitest';
import ICAL from 'ical.js';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { makeTestCore, type TestCore } from '../support/core';
import type { EvaluationPlanInput } from '../../src/shared/api/calendar';

let t: TestCore;
afterEach(() => t?.cleanup());

async function school(tc: TestCore) {
  await tc.call('school.save', { naam: 'De Linde', sector: 'PO', regio: 'midden', brin: '12AB', antiPestNaam: 'Mw. Van Dijk' });
}

const plan = (over: Partial<EvaluationPlanInput> = {}): EvaluationPlanInput => ({
  datum: '2026-10-22',
  tijdStart: '19:30',
  tijdEind: '21:00',
  locatie: 'Teamkamer',
  deelnemers: [
    { naam: 'Mw. Van Dijk', rol: 'anti_pestcoordinator', email: 'vandijk@example.nl' },
    { naam: 'Dhr. Bakker', rol: 'schoolleiding' },
  ],
  ...over,
});

/** Parses .ics text with ical.js and gives each event's summary, start/end in Amsterdam and whether it is all-day. */
function readIcs(base64: string) {
  const text = Buffer.from(base64, 'base64').toString('utf8');
  const comp = new ICAL.Component(ICAL.parse(text));
  return {
    text,
    events: comp.getAllSubcomponents('vevent').map((v) => {
      const e = new ICAL.Event(v);
      const local = (t: ICAL.Time) => format(new TZDate(t.toJSDate().getTime(), 'Europe/Amsterdam'), 'yyyy-MM-dd HH:mm');
      return {
        uid: e.uid,
        summary: e.summary,
        allDay: e.startDate.isDate,
        start: e.startDate.isDate ? e.startDate.toString() : local(e.startDate),
        end: e.endDate.isDate ? e.endDate.toString() : local(e.endDate),
        startZone: e.startDate.zone?.tzid,
        description: e.description,
        location: e.location,
      };
    }),
  };
}

describe('the annual evaluation', () => {
  it('requires the anti-pestcoördinator among the participants', async () => {
    t = makeTestCore({ now: '2026-09-10T09:00:00Z' });
    await school(t);
    const r = await t.core.invoke('evaluations.plan', plan({ deelnemers: [{ naam: 'Dhr. Bakker', rol: 'schoolleiding' }] }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.field).toBe('deelnemers');
      expect(r.error.message).toMatch(/anti-pestcoördinator/);
    }
    const bad = await t.core.invoke('evaluations.plan', plan({ tijdEind: '19:00' }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.field).toBe('tijdEind');
    expect(await t.call('evaluations.list', {})).toEqual([]);
  });

  it('plans, records, closes, and plans next year’s evaluation in the same month', async () => {
    t = makeTestCore({ now: '2026-09-10T09:00:00Z' });
    await school(t);
    const e = await t.call('evaluations.plan', plan({ datum: '2026-11-12' }));
    expect(e.status).toBe('gepland');
    expect(e.schooljaar).toBe('2026-2027');
    expect(e.evaluatieSchooljaar).toBe('2025-2026');
    expect(e.agenda).toContain('Jaarverslag 2025-2026');
    expect(e.deelnemers.map((d) => [d.naam, d.rol, d.aanwezig])).toEqual([
      ['Mw. Van Dijk', 'anti_pestcoordinator', null],
      ['Dhr. Bakker', 'schoolleiding', null],
    ]);

    // Not before the meeting.
    const early = await t.core.invoke('evaluations.record', { id: e.id, notulen: 'x' });
    expect(early.ok).toBe(false);
    if (!early.ok) expect(early.error.code).toBe('REGEL');
    const closeEarly = await t.core.invoke('evaluations.close', { id: e.id });
    expect(closeEarly.ok).toBe(false);

    t.setNow('2026-11-13T10:00:00Z');
    const held = await t.call('evaluations.record', {
      id: e.id,
      aanwezig: [
        { participantId: e.deelnemers[0].id, aanwezig: true },
        { participantId: e.deelnemers[1].id, aanwezig: false },
      ],
      notulen: 'Het protocol werkt; regels over groepsapps aanscherpen.',
      besluiten: [{ tekst: 'Regel over groepsapps aanscherpen in een nieuwe versie.' }],
      acties: [
        { omschrijving: 'Tekst nieuwe regel opstellen', eigenaar: 'Mw. Van Dijk', deadline: '2026-12-15' },
        { omschrijving: 'Protocol bespreken in groep 7', eigenaar: 'Dhr. Bakker', deadline: '2027-02-01', status: 'gedaan' },
      ],
    });
    expect(held.status).toBe('gehouden');
    expect(held.deelnemers.map((d) => d.aanwezig)).toEqual([true, false]);
    expect(held.acties.map((a) => [a.omschrijving, a.status, a.gedaanOp])).toEqual([
      ['Tekst nieuwe regel opstellen', 'open', null],
      ['Protocol bespreken in groep 7', 'gedaan', '2026-11-13'],
    ]);
    expect(held.aantalOpenActies).toBe(1);

    const { gesloten, volgende } = await t.call('evaluations.close', { id: e.id });
    expect(gesloten.status).toBe('gesloten');
    expect(gesloten.volgendeId).toBe(volgende.id);
    expect(volgende).toMatchObject({
      status: 'gepland',
      datum: '2027-11-11',
      schooljaar: '2027-2028',
      evaluatieSchooljaar: '2026-2027',
      tijdStart: '19:30',
      locatie: 'Teamkamer',
      vorigeId: e.id,
    });
    expect(volgende.deelnemers.map((d) => [d.naam, d.rol, d.aanwezig])).toEqual([
      ['Mw. Van Dijk', 'anti_pestcoordinator', null],
      ['Dhr. Bakker', 'schoolleiding', null],
    ]);
    // A closed evaluation is final, but its actions can still be done.
    const edit = await t.core.invoke('evaluations.update', { ...plan({ datum: '2026-11-12' }), id: e.id });
    expect(edit.ok).toBe(false);
    if (!edit.ok) expect(edit.error.code).toBe('CONFLICT');
    const open = await t.call('evaluations.openActions', {});
    expect(open.map((a) => a.omschrijving)).toEqual(['Tekst nieuwe regel opstellen']);
    const done = await t.call('evaluations.setActionStatus', { actionId: open[0].id, status: 'gedaan' });
    expect(done.gedaanOp).toBe('2026-11-13');
    expect(await t.call('evaluations.openActions', {})).toEqual([]);

    const audit = await t.call('audit.forRecord', { entity: 'evaluatie', entityId: String(e.id) });
    expect(audit.map((a) => a.action).reverse()).toEqual(['gepland', 'vastgelegd', 'gesloten']);
  });

  it('links a hand-planned evaluation of next year instead of planning a second one', async () => {
    t = makeTestCore({ now: '2026-11-20T09:00:00Z' });
    await school(t);
    const a = await t.call('evaluations.plan', plan({ datum: '2026-11-12' }));
    const b = await t.call('evaluations.plan', plan({ datum: '2028-06-15' })); // 2027-2028
    await t.call('evaluations.record', { id: a.id, notulen: 'Kort overleg.' });
    const { volgende } = await t.call('evaluations.close', { id: a.id });
    expect(volgende.id).toBe(b.id);
    expect(volgende.vorigeId).toBe(a.id);
    expect((await t.call('evaluations.list', {})).length).toBe(2);
  });

  it('lets a decision start a new protocol version whose rules continue the old ones, then adopts it', async () => {
    t = makeTestCore({ now: '2026-11-13T10:00:00Z' });
    await school(t);
    const v1 = await t.call('protocols.createFromTemplate', { ingangsdatum: '2025-08-01' });
    const e = await t.call('evaluations.plan', plan({ datum: '2026-11-12' }));
    const notYet = await t.core.invoke('evaluations.startProtocol', { id: e.id, besluitId: 1, versie: '2.0', ingangsdatum: '2027-01-01' });
    expect(notYet.ok).toBe(false);
    const held = await t.call('evaluations.record', {
      id: e.id,
      notulen: 'Protocol aanpassen.',
      besluiten: [{ tekst: 'Nieuwe versie van het protocol.' }],
    });
    const besluitId = held.besluiten[0].id;

    const { protocol, evaluation } = await t.call('evaluations.startProtocol', {
      id: e.id,
      besluitId,
      versie: '2.0',
      ingangsdatum: '2027-01-01',
    });
    expect(protocol.versie).toBe('2.0');
    expect(protocol.vastgesteldOp).toBeNull();
    const oldRules = v1.secties.flatMap((s) => s.regels);
    const newRules = protocol.secties.flatMap((s) => s.regels);
    expect(newRules.length).toBe(oldRules.length);
    expect(newRules.map((r) => r.vorigeRegelId)).toEqual(oldRules.map((r) => r.id));
    expect(newRules.map((r) => r.tekst)).toEqual(oldRules.map((r) => r.tekst));
    expect(evaluation.besluiten[0].protocol).toMatchObject({ id: protocol.id, versie: '2.0', vastgesteldOp: null });

    const twice = await t.core.invoke('evaluations.startProtocol', { id: e.id, besluitId, versie: '3.0', ingangsdatum: '2027-02-01' });
    expect(twice.ok).toBe(false);
    if (!twice.ok) expect(twice.error.code).toBe('CONFLICT');

    // Re-recording keeps the decision (and its protocol) when it comes back with its id; dropping it is refused.
    const drop = await t.core.invoke('evaluations.record', { id: e.id, notulen: 'Protocol aanpassen.', besluiten: [] });
    expect(drop.ok).toBe(false);

    const adopted = await t.call('evaluations.adoptProtocol', {
      id: e.id,
      besluitId,
      vastgesteldOp: '2026-12-01',
      mrInstemmingOp: '2026-11-28',
    });
    expect(adopted.protocol).toMatchObject({ vastgesteldOp: '2026-12-01', mrInstemmingOp: '2026-11-28', ingangsdatum: '2027-01-01' });
    expect(adopted.evaluation.besluiten[0].protocol?.mrInstemmingOp).toBe('2026-11-28');
    // Rules kept their ids through the adoption.
    expect(adopted.protocol.secties.flatMap((s) => s.regels).map((r) => r.id)).toEqual(newRules.map((r) => r.id));
  });
});

describe('the calendar of a school year', () => {
  it('lists the evaluation, the recurring moments, obligations and actions by date', async () => {
    t = makeTestCore({ now: '2026-11-20T09:00:00Z' });
    await school(t);
    const e = await t.call('evaluations.plan', plan({ datum: '2026-11-12' }));
    await t.call('evaluations.record', {
      id: e.id,
      notulen: 'Goed overleg.',
      acties: [{ omschrijving: 'Ouderavond plannen', eigenaar: 'Dhr. Bakker', deadline: '2026-11-18' }],
    });
    // An obligation as the compliance engine (migration 002) stores it.
    t.core.db
      .prepare(
        `INSERT INTO obligation (bron, bron_id, regel, titel, grondslag, actor, uiterlijk, te_laat_vanaf, status, created_at, updated_at)
         VALUES ('melding', 1, 'isd', 'Schorsing melden bij de Inspectie (ISD)', 'Art. 40c WPO', 'school', '2026-11-16', '2026-11-18', 'open', 'x', 'x')`,
      )
      .run();
    const items = await t.call('calendar.list', { schooljaar: '2026-2027' });
    expect(items.map((i) => [i.soort, i.datum, i.einddatum, i.teLaat])).toEqual([
      // De Linde is in region midden: its summer holiday of 2026 ends on Sunday 30 August.
      ['protocol_start', '2026-08-31', '2026-09-11', false],
      ['mediawijsheid', '2026-11-06', '2026-11-13', false],
      ['evaluatie', '2026-11-12', null, false],
      // On its deadline, the day before it turns overdue.
      ['verplichting', '2026-11-17', null, true],
      ['actie', '2026-11-18', null, true],
      ['monitor', '2027-07-01', null, false],
    ]);
    const ev = items.find((i) => i.soort === 'evaluatie');
    expect(ev).toMatchObject({ tijdStart: '19:30', tijdEind: '21:00', locatie: 'Teamkamer', status: 'gehouden', evaluationId: e.id });
  });

  it('keeps the school’s own date of a moment for that year only, and can go back to the default', async () => {
    t = makeTestCore({ now: '2026-09-01T09:00:00Z' });
    await school(t);
    const saved = await t.call('calendar.moments.save', {
      schooljaar: '2026-2027',
      soort: 'mediawijsheid',
      datum: '2026-11-13',
      einddatum: '2026-11-20',
    });
    expect(saved).toMatchObject({ datum: '2026-11-13', einddatum: '2026-11-20', aangepast: true });
    const other = (await t.call('calendar.list', { schooljaar: '2027-2028' })).find((i) => i.soort === 'mediawijsheid');
    expect(other).toMatchObject({ datum: '2027-11-05', aangepast: false });
    const wrongYear = await t.core.invoke('calendar.moments.save', { schooljaar: '2026-2027', soort: 'monitor', datum: '2027-08-01' });
    expect(wrongYear.ok).toBe(false);
    if (!wrongYear.ok) expect(wrongYear.error.field).toBe('datum');
    const backwards = await t.core.invoke('calendar.moments.save', {
      schooljaar: '2026-2027',
      soort: 'mediawijsheid',
      datum: '2026-11-13',
      einddatum: '2026-11-01',
    });
    expect(backwards.ok).toBe(false);
    const reset = await t.call('calendar.moments.reset', { schooljaar: '2026-2027', soort: 'mediawijsheid' });
    expect(reset).toMatchObject({ datum: '2026-11-06', einddatum: '2026-11-13', aangepast: false });
  });

  it('offers the school years with data plus the current and the next', async () => {
    t = makeTestCore({ now: '2026-11-20T09:00:00Z' });
    await school(t);
    expect(await t.call('calendar.schoolYears', {})).toEqual([
      { schooljaar: '2027-2028', heeftData: false, huidig: false },
      { schooljaar: '2026-2027', heeftData: false, huidig: true },
    ]);
    await t.call('evaluations.plan', plan({ datum: '2025-06-12' }));
    const years = await t.call('calendar.schoolYears', {});
    expect(years.map((y) => [y.schooljaar, y.heeftData])).toEqual([
      ['2027-2028', false],
      ['2026-2027', false],
      ['2025-2026', false],
      ['2024-2025', true],
    ]);
  });
});

describe('reminders on the dashboard', () => {
  it('shows the evaluation, moments and open actions from the configured number of days before', async () => {
    t = makeTestCore({ now: '2026-10-20T09:00:00Z' });
    await school(t);
    const e = await t.call('evaluations.plan', plan({ datum: '2026-10-29' }));
    const planning = async () =>
      (await t.call('obligations.dashboard', {})).momenten.filter((m) => m.soort === 'planning').map((m) => [m.datum, m.titel]);
    // Default 14 days: the evaluation (in 9 days) but not the Week van de Mediawijsheid (in 17).
    expect(await planning()).toEqual([['2026-10-29', 'Jaarlijkse evaluatie socialemediaprotocol met de anti-pestcoördinator (19:30 uur)']]);
    await t.call('calendar.settings.save', { herinneringDagen: 20 });
    expect((await planning()).map((m) => m[0])).toEqual(['2026-10-29', '2026-11-06']);
    await t.call('calendar.settings.save', { herinneringDagen: 3 });
    expect(await planning()).toEqual([]);
    // A closed evaluation and a done action are no longer reminders.
    t.setNow('2026-10-30T09:00:00Z');
    await t.call('calendar.settings.save', { herinneringDagen: 14 });
    await t.call('evaluations.record', {
      id: e.id,
      notulen: 'Gehouden.',
      acties: [{ omschrijving: 'Ouderbrief', eigenaar: 'Dhr. Bakker', deadline: '2026-11-02' }],
    });
    expect((await planning()).map((m) => m[1])).toEqual([
      'Actie uit de evaluatie: Ouderbrief',
      'Week van de Mediawijsheid: protocol bespreken in de klas',
    ]);
    const bad = await t.core.invoke('calendar.settings.save', { herinneringDagen: -1 });
    expect(bad.ok).toBe(false);
  });
});

describe('the .ics export', () => {
  it('parses with ical.js and keeps 19:30 Amsterdam time on both sides of the DST changes', async () => {
    t = makeTestCore({ now: '2026-09-01T09:00:00Z' });
    await school(t);
    // Thursdays before and after the last Sunday of October 2026 (25th) and of March 2027 (28th).
    for (const datum of ['2026-10-22', '2026-10-29', '2027-03-25', '2027-04-01']) await t.call('evaluations.plan', plan({ datum }));
    const file = await t.call('calendar.ics', { schooljaar: '2026-2027' });
    expect(file.bestandsnaam).toBe('planning-2026-2027.ics');
    expect(file.mime).toBe('text/calendar');
    const { text, events } = readIcs(file.inhoudBase64);
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text).toContain('METHOD:PUBLISH');
    const evaluations = events.filter((e) => e.uid.startsWith('evaluatie-'));
    expect(evaluations.map((e) => [e.start, e.end, e.startZone])).toEqual([
      ['2026-10-22 19:30', '2026-10-22 21:00', 'UTC'],
      ['2026-10-29 19:30', '2026-10-29 21:00', 'UTC'],
      ['2027-03-25 19:30', '2027-03-25 21:00', 'UTC'],
      ['2027-04-01 19:30', '2027-04-01 21:00', 'UTC'],
    ]);
    // The UTC instants themselves differ by the offset change.
    expect(text).toContain('DTSTART:20261022T173000Z');
    expect(text).toContain('DTSTART:20261029T183000Z');
    expect(text).toContain('DTSTART:20270325T183000Z');
    expect(text).toContain('DTSTART:20270401T173000Z');
    expect(evaluations[0].location).toBe('Teamkamer');
    expect(evaluations[0].description).toContain('Mw. Van Dijk');

    // All-day moments: DATE values with an exclusive end.
    const week = events.find((e) => e.uid.startsWith('moment-2026-2027-mediawijsheid'));
    expect(week).toMatchObject({ allDay: true, start: '2026-11-06', end: '2026-11-14' });
    const monitor = events.find((e) => e.uid.startsWith('moment-2026-2027-monitor'));
    expect(monitor).toMatchObject({ allDay: true, start: '2027-07-01', end: '2027-07-02' });
    expect(events.length).toBe(7);

    const audit = await t.call('audit.forRecord', { entity: 'agenda', entityId: '2026-2027' });
    expect(audit[0].action).toBe('geexporteerd');
  });

  it('exports one item on its own', async () => {
    t = makeTestCore({ now: '2026-09-01T09:00:00Z' });
    await school(t);
    const e = await t.call('evaluations.plan', plan({ datum: '2026-10-29' }));
    const file = await t.call('calendar.ics', { schooljaar: '2026-2027', key: `evaluatie-${e.id}` });
    expect(file.bestandsnaam).toBe('evaluatie-2026-10-29.ics');
    const { events } = readIcs(file.inhoudBase64);
    expect(events.map((x) => [x.summary, x.start])).toEqual([
      ['Jaarlijkse evaluatie socialemediaprotocol met de anti-pestcoördinator', '2026-10-29 19:30'],
    ]);
    const missing = await t.core.invoke('calendar.ics', { schooljaar: '2026-2027', key: 'evaluatie-999' });
    expect(missing.ok).toBe(false);
  });
});
