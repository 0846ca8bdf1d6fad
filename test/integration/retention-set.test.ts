// The set-based retention queries (retention/retention.ts: one SQL pass for the dashboard's count and
// the retention list) must find exactly the people a person-by-person reading of the retention rule
// finds. The reference below evaluates every person on their own, the way the rules are written;
// the data set covers each branch: pupils and staff who left (terms just passed, just not, on
// 29 February) or not, parents with a child still enrolled, parents and externals dated by their own
// last incident (as reporter or involved) or by their record, and every kind of hold (manual,
// released, aangifte open or closed, via the incident or named on the report, open or finished
// obligations, reaching people through a measure, an incident or as its reporter).
import { describe, it, expect, afterEach } from 'vitest';
import { addYears, format, parseISO } from 'date-fns';
import { makeTrustCore, DE_LINDE } from './trustSupport';
import type { TestCore } from '../support/core';
import type { DB } from '../../src/main/db/open';
import { countDestroyable, listCandidates, candidate } from '../../src/main/retention/retention';
import { retentionTerms } from '../../src/main/settings/trust';
import { rowToInput } from '../../src/main/people/people';
import type { PersonDbRow } from '../../src/main/people/people';

let t: TestCore & { keyFile: string };
afterEach(() => t?.cleanup());

// ---- the reference: one person at a time ----------------------------------------------------

interface Ref {
  id: number;
  vanaf: string;
  bronnen: string[];
}

function reference(db: DB, today: string, all = false): Ref[] {
  const terms = retentionTerms(db);
  const people = db.prepare('SELECT id, soort, uitgeschreven_op, updated_at FROM person').all() as {
    id: number;
    soort: string;
    uitgeschreven_op: string | null;
    updated_at: string;
  }[];
  const maxDate = (...ds: (string | null | undefined)[]) =>
    ds
      .filter((d): d is string => !!d)
      .sort()
      .at(-1) ?? null;
  const out: Ref[] = [];
  for (const p of people) {
    const incidents = (
      db
        .prepare('SELECT incident_id AS id FROM incident_person WHERE person_id = ? UNION SELECT id FROM incident WHERE melder_id = ?')
        .all(p.id, p.id) as { id: number }[]
    ).map((r) => r.id);
    const marks = incidents.map(() => '?').join(',') || 'NULL';
    const last = (
      db.prepare(`SELECT max(datum_voorval) AS d FROM incident WHERE id IN (${marks})`).get(...incidents) as { d: string | null }
    ).d;
    let start: string | null;
    if (p.soort === 'leerling' || p.soort === 'medewerker') start = p.uitgeschreven_op;
    else if (p.soort === 'ouder') {
      const kids = db
        .prepare('SELECT c.uitgeschreven_op AS u FROM guardian_link g JOIN person c ON c.id = g.leerling_id WHERE g.ouder_id = ?')
        .all(p.id) as { u: string | null }[];
      start = kids.some((k) => !k.u) ? null : (maxDate(...kids.map((k) => k.u), last, p.uitgeschreven_op) ?? p.updated_at.slice(0, 10));
    } else start = maxDate(last, p.uitgeschreven_op) ?? p.updated_at.slice(0, 10);
    if (!start) continue;
    const years = p.soort === 'leerling' ? terms.leerling : p.soort === 'medewerker' ? terms.medewerker : terms.overig;
    const vanaf = format(addYears(parseISO(start), years), 'yyyy-MM-dd');
    if (!all && vanaf > today) continue;
    const bronnen: string[] = [];
    const manual = db.prepare('SELECT count(*) AS n FROM legal_hold WHERE person_id = ? AND opgeheven_op IS NULL').get(p.id) as {
      n: number;
    };
    for (let i = 0; i < manual.n; i++) bronnen.push('handmatig');
    const aangiftes = db
      .prepare(
        `SELECT count(*) AS n FROM external_report r WHERE r.soort = 'aangifte' AND (r.person_id = ? OR r.incident_id IN (${marks}))
           AND r.id NOT IN (SELECT external_report_id FROM aangifte_afgerond)`,
      )
      .get(p.id, ...incidents) as { n: number };
    for (let i = 0; i < aangiftes.n; i++) bronnen.push('aangifte');
    const open = db
      .prepare(
        `SELECT count(*) AS n FROM obligation WHERE status = 'open' AND (
           person_id = ? OR incident_id IN (${marks}) OR measure_id IN (SELECT id FROM measure WHERE person_id = ?))`,
      )
      .get(p.id, ...incidents, p.id) as { n: number };
    for (let i = 0; i < open.n; i++) bronnen.push('verplichting');
    out.push({ id: p.id, vanaf, bronnen });
  }
  return out;
}

/** A small seeded generator, so the varied part of the data set is the same on every run. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

// ---- the data set -----------------------------------------------------------------------------

let n = 0;
const incidentInput = (datum: string, betrokkenen: number[], melderId?: number) => ({
  datumVoorval: datum,
  datumMelding: datum,
  melderId: melderId ?? null,
  locatie: 'in_school' as const,
  platform: 'whatsapp' as const,
  categorie: 'pesten',
  ernst: 'middel' as const,
  omschrijving: `Voorval ${++n}.`,
  betrokkenen: betrokkenen.map((personId, i) => ({ personId, rol: i === 0 ? ('dader' as const) : ('slachtoffer' as const) })),
});

async function world() {
  // The compliance engine derives a suspension's obligations from the school (sector).
  await t.call('school.save', DE_LINDE);
  const person = async (soort: 'leerling' | 'medewerker' | 'ouder' | 'extern', naam: string, uitgeschrevenOp?: string) =>
    (await t.call('people.create', { soort, voornaam: naam, achternaam: 'Test', ...(uitgeschrevenOp ? { uitgeschrevenOp } : {}) })).id;
  const incident = async (datum: string, betrokkenen: number[], melderId?: number) =>
    (await t.call('incidents.create', incidentInput(datum, betrokkenen, melderId))).id;
  const guardian = async (naam: string, kids: number[]) => {
    const id = await person('ouder', naam);
    for (const k of kids) await t.call('people.linkGuardian', { leerlingId: k, ouderId: id });
    return id;
  };
  const schorsing = async (incidentId: number, personId: number, datum: string) =>
    t.call('measures.create', {
      incidentId,
      personId,
      soort: 'schorsing',
      besluitDatum: datum,
      startdatum: datum,
      einddatum: datum,
      vorm: 'intern',
    });
  const aangifte = async (incidentId: number, datum: string, personId?: number) =>
    t.call('externalReports.create', { incidentId, instantie: 'politie', soort: 'aangifte', datum, ...(personId ? { personId } : {}) });

  // Records made long ago: their updated_at dates a parent or external without incidents.
  t.setNow('2019-03-01T09:00:00Z');
  const oudeOuder = await person('ouder', 'Oud-ouder');
  const oudeExtern = await person('extern', 'Oud-extern');
  t.setNow('2026-11-16T09:00:00Z');

  // Pupils and staff: left long ago, on the boundary of the two-year term, on 29 February, recently, or not.
  const left: Record<string, number> = {};
  for (const d of ['2018-06-30', '2019-03-01', '2020-07-15', '2024-02-29', '2024-11-15', '2024-11-16', '2024-11-17', '2025-07-15']) {
    left[d] = await person('leerling', `Leerling ${d}`, d);
  }
  const enrolled = await person('leerling', 'Ingeschreven');
  const staffLeft = await person('medewerker', 'Oud-collega', '2020-07-31');
  const staffRecent = await person('medewerker', 'Recent vertrokken', '2025-07-31');
  const staff = await person('medewerker', 'Mentor');

  // Parents: a child still enrolled; all left (the latest leaving date counts); dated by their own
  // incident as reporter or involved; on 29 February; no child and no incident (record date).
  const ouderMetIngeschrevenKind = await guardian('Ouder-ingeschreven', [left['2018-06-30'], enrolled]);
  const ouderAllesWeg = await guardian('Ouder-alles-weg', [left['2018-06-30'], left['2024-11-16']]);
  const ouderMelder = await guardian('Ouder-melder', [left['2019-03-01']]);
  const ouderBetrokken = await guardian('Ouder-betrokken', [left['2019-03-01']]);
  const ouderSchrikkel = await guardian('Ouder-schrikkel', [left['2024-02-29']]);
  const nieuweOuder = await person('ouder', 'Nieuwe ouder');

  // Externals: an old incident; an old incident but a recent report; nothing at all.
  const externOud = await person('extern', 'Extern-oud');
  const externRecent = await person('extern', 'Extern-recent');

  await incident('2018-03-05', [left['2018-06-30'], left['2019-03-01']]);
  const iOuderMelder = await incident('2025-05-01', [staff], ouderMelder);
  const iOuderBetrokken = await incident('2024-10-01', [ouderBetrokken]);
  const iExtern = await incident('2020-05-05', [externOud, externRecent]);
  const iExternMelder = await incident('2025-09-01', [staff], externRecent);

  // Holds on people whose term has passed.
  const heldManual = await person('leerling', 'Blokkade', '2018-06-30');
  await t.call('trust.holds.create', { personId: heldManual, soort: 'bezwaar', reden: 'Bezwaar loopt.', vanaf: '2026-10-01' });
  const released = await person('leerling', 'Opgeheven', '2018-06-30');
  const h = await t.call('trust.holds.create', { personId: released, soort: 'rechtszaak', reden: 'Zaak.', vanaf: '2026-10-01' });
  await t.call('trust.holds.release', { id: h.id, reden: 'Afgelopen.' });

  // An open aangifte reaches everyone involved and the reporter; a closed one no one.
  const aangifteDader = await person('leerling', 'Aangifte-dader', '2018-06-30');
  const aangifteSlachtoffer = await person('leerling', 'Aangifte-slachtoffer', '2018-06-30');
  const iAangifte = await incident('2018-02-01', [aangifteDader, aangifteSlachtoffer], staffLeft);
  await aangifte(iAangifte, '2018-02-02');
  const afgerondDader = await person('leerling', 'Afgerond', '2018-06-30');
  const iAfgerond = await incident('2018-02-03', [afgerondDader]);
  const closed = await aangifte(iAfgerond, '2018-02-04');
  await t.call('trust.holds.aangifteAfgerond', { externalReportId: closed.id, reden: 'Geseponeerd.' });
  // Named on a report of an incident they are not part of.
  const genoemd = await person('leerling', 'Genoemd', '2018-06-30');
  await aangifte(await incident('2018-02-05', [staff]), '2018-02-05', genoemd);

  // A suspension's open obligations hold the suspended pupil (measure) and the victim (incident);
  // once they are finished, nobody.
  const geschorst = await person('leerling', 'Geschorst', '2018-06-30');
  const slachtoffer = await person('leerling', 'Slachtoffer', '2018-06-30');
  const iSchorsing = await incident('2018-01-10', [geschorst, slachtoffer]);
  await schorsing(iSchorsing, geschorst, '2018-01-11');
  const klaar = await person('leerling', 'Klaar', '2018-06-30');
  const iKlaar = await incident('2018-01-12', [klaar]);
  const m = await schorsing(iKlaar, klaar, '2018-01-13');
  for (const o of (await t.call('obligations.list', { measureId: m.id })).rows) {
    if (o.status === 'open') await t.call('obligations.markNotApplicable', { id: o.id, reden: 'Afgehandeld.' });
  }

  // An open obligation that names the person alone (no measure or incident of theirs), written
  // straight into the table: the rule reaches people by obligation.person_id as well.
  const alleenGenoemd = await person('leerling', 'Alleen-genoemd', '2018-06-30');
  t.core.db
    .prepare(
      `INSERT INTO obligation (bron, bron_id, person_id, regel, titel, grondslag, actor, uiterlijk, status, created_at, updated_at)
       VALUES ('melding', 0, ?, 'test', 'Gesprek voeren', 'Test.', 'schoolleiding', '2018-07-01', 'open', '2018-06-01', '2018-06-01')`,
    )
    .run(alleenGenoemd);

  // And a varied crowd: pupils with random leaving dates (or none), parents of one or two of them,
  // random incidents among them.
  const r = rng(8);
  const day = (from: number, to: number) => {
    const y = from + Math.floor(r() * (to - from + 1));
    return `${y}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
  };
  const crowd: number[] = [];
  for (let i = 0; i < 30; i++) crowd.push(await person('leerling', `Leerling ${i}`, r() < 0.75 ? day(2017, 2025) : undefined));
  for (let i = 0; i < 15; i++) {
    const kids = [crowd[Math.floor(r() * crowd.length)], ...(r() < 0.4 ? [crowd[Math.floor(r() * crowd.length)]] : [])];
    await guardian(`Ouder ${i}`, [...new Set(kids)]);
  }
  for (let i = 0; i < 20; i++) {
    const a = crowd[Math.floor(r() * crowd.length)];
    const b = crowd[Math.floor(r() * crowd.length)];
    await incident(day(2017, 2025), a === b ? [a] : [a, b]);
  }

  return {
    left,
    enrolled,
    staffLeft,
    staffRecent,
    ouderMetIngeschrevenKind,
    ouderAllesWeg,
    ouderMelder,
    ouderBetrokken,
    ouderSchrikkel,
    nieuweOuder,
    oudeOuder,
    oudeExtern,
    externOud,
    externRecent,
    heldManual,
    released,
    aangifteDader,
    aangifteSlachtoffer,
    afgerondDader,
    genoemd,
    geschorst,
    slachtoffer,
    klaar,
    alleenGenoemd,
    staff,
    iOuderMelder,
    iOuderBetrokken,
    iExtern,
    iExternMelder,
  };
}

const DAYS = ['2026-02-27', '2026-02-28', '2026-11-15', '2026-11-16', '2026-11-17', '2027-06-01', '2028-02-28', '2028-02-29', '2040-01-01'];

/** The table the triggers keep (migration 010) holds what its rule says for every person now. */
function keptAsComputed(db: DB) {
  const kept = db.prepare('SELECT person_id, soort, peildatum FROM retentie_peildatum ORDER BY person_id').all();
  const now = db
    .prepare('SELECT person_id, soort, peildatum FROM retentie_peildatum_nu WHERE peildatum IS NOT NULL ORDER BY person_id')
    .all();
  expect(kept).toEqual(now);
  // The queue the triggers recompute through is empty again after every statement.
  expect(db.prepare('SELECT count(*) AS n FROM retentie_herberekenen').get()).toEqual({ n: 0 });
}

function compare(db: DB, days = DAYS) {
  keptAsComputed(db);
  for (const today of days) {
    const ref = reference(db, today);
    const list = listCandidates(db, today);
    // The same people, the same first day, the same kinds of holds.
    expect(
      list
        .map((c) => ({ id: c.personId, vanaf: c.vernietigbaarVanaf, bronnen: c.holds.map((h) => h.bron).sort() }))
        .sort((a, b) => a.id - b.id),
      today,
    ).toEqual(ref.map((x) => ({ ...x, bronnen: [...x.bronnen].sort() })).sort((a, b) => a.id - b.id));
    // The dashboard's count is the unheld part of that set.
    expect(countDestroyable(db, today), today).toBe(ref.filter((x) => !x.bronnen.length).length);
    // Terms started (ookNietVerlopen) and the single-person reading agree too.
    const refAll = reference(db, today, true);
    expect(
      listCandidates(db, today, true)
        .map((c) => c.personId)
        .sort((a, b) => a - b),
    ).toEqual(refAll.map((x) => x.id).sort((a, b) => a - b));
    for (const x of refAll) expect(candidate(db, x.id)?.vernietigbaarVanaf).toBe(x.vanaf);
  }
}

describe('the set-based retention queries', () => {
  it('find exactly who a person-by-person evaluation finds, on every branch of the rules', async () => {
    t = makeTrustCore({ now: '2026-11-16T09:00:00Z' });
    const w = await world();
    const db = t.core.db;
    compare(db);

    // The data set exercises each branch (so the comparison above is not vacuous).
    const today = '2026-11-16';
    const due = new Map(listCandidates(db, today).map((c) => [c.personId, c]));
    const bronnen = (id: number) => due.get(id)?.holds.map((h) => h.bron) ?? null;
    expect(due.has(w.left['2024-11-16'])).toBe(true); // term ends today
    expect(due.has(w.left['2024-11-17'])).toBe(false); // ends tomorrow
    expect(due.has(w.staffLeft)).toBe(true);
    expect(due.has(w.staffRecent)).toBe(false);
    expect(due.has(w.enrolled)).toBe(false);
    expect(due.has(w.ouderMetIngeschrevenKind)).toBe(false);
    expect(due.get(w.ouderAllesWeg)?.peildatum).toBe('2024-11-16');
    expect(due.has(w.ouderMelder)).toBe(false); // reported an incident in 2025
    expect(due.has(w.ouderBetrokken)).toBe(true); // involved in October 2024
    expect(due.get(w.ouderBetrokken)?.peildatum).toBe('2024-10-01');
    expect(due.has(w.nieuweOuder)).toBe(false);
    expect(due.get(w.oudeOuder)?.peildatum).toBe('2019-03-01');
    expect(due.get(w.oudeExtern)?.peildatum).toBe('2019-03-01');
    expect(due.get(w.externOud)?.peildatum).toBe('2020-05-05');
    expect(due.has(w.externRecent)).toBe(false);
    expect(bronnen(w.heldManual)).toEqual(['handmatig']);
    expect(bronnen(w.released)).toEqual([]);
    expect(bronnen(w.aangifteDader)).toEqual(['aangifte']);
    expect(bronnen(w.aangifteSlachtoffer)).toEqual(['aangifte']);
    expect(bronnen(w.staffLeft)).toEqual(['aangifte']); // the reporter of that incident
    expect(bronnen(w.afgerondDader)).toEqual([]);
    expect(bronnen(w.genoemd)).toEqual(['aangifte']);
    expect(bronnen(w.geschorst)?.length).toBeGreaterThan(0);
    expect(new Set(bronnen(w.geschorst))).toEqual(new Set(['verplichting']));
    expect(bronnen(w.slachtoffer)).toEqual(bronnen(w.geschorst));
    expect(bronnen(w.klaar)).toEqual([]);
    expect(bronnen(w.alleenGenoemd)).toEqual(['verplichting']);
    expect(countDestroyable(db, today)).toBeGreaterThan(10);
    // 29 February plus two years is 28 February (date-fns addYears), not 1 March.
    expect(listCandidates(db, '2026-02-28').map((c) => c.personId)).toContain(w.left['2024-02-29']);
    expect(listCandidates(db, '2026-02-27').map((c) => c.personId)).not.toContain(w.left['2024-02-29']);
    expect(candidate(db, w.ouderSchrikkel)?.vernietigbaarVanaf).toBe('2026-02-28');

    // Changes after the fact (the last-incident dates are kept by triggers, migration 008): an
    // incident moved to a later date, a person taken out of an incident, a reporter removed, an
    // incident deleted with its reporter.
    await t.call('incidents.update', { ...incidentInput('2025-10-01', [w.ouderBetrokken]), id: w.iOuderBetrokken });
    await t.call('incidents.update', { ...incidentInput('2020-05-05', [w.externRecent]), id: w.iExtern });
    await t.call('incidents.update', { ...incidentInput('2025-09-01', [w.staff]), id: w.iExternMelder });
    db.prepare('DELETE FROM incident WHERE id = ?').run(w.iOuderMelder);
    compare(db);
    const after = new Map(listCandidates(db, today, true).map((c) => [c.personId, c]));
    expect(after.get(w.ouderBetrokken)?.peildatum).toBe('2025-10-01');
    expect(after.get(w.externOud)?.peildatum).toBe('2026-11-16'); // no incident left: the record's date
    expect(after.get(w.externRecent)?.peildatum).toBe('2020-05-05');
    expect(after.get(w.ouderMelder)?.peildatum).toBe('2019-03-01');

    // The last enrolled child leaves: the parent's term starts, from the latest of the children's
    // leaving dates; enrolled again, it stops.
    const pupil = t.core.db.prepare('SELECT * FROM person WHERE id = ?').get(w.enrolled) as PersonDbRow;
    await t.call('people.update', { ...rowToInput(pupil), id: w.enrolled, uitgeschrevenOp: '2025-01-31' });
    compare(db);
    expect(candidate(db, w.ouderMetIngeschrevenKind)?.peildatum).toBe('2025-01-31');
    await t.call('people.update', { ...rowToInput(pupil), id: w.enrolled, uitgeschrevenOp: null });
    expect(candidate(db, w.ouderMetIngeschrevenKind)).toBeNull();

    // Other terms: five years for pupils, one for parents and externals.
    const settings = await t.call('obligations.settings.get', {});
    await t.call('obligations.settings.save', { ...settings, bewaartermijnLeerlingJaren: 5 });
    await t.call('trust.settings.save', { bewaartermijnOverigJaren: 1 });
    expect(retentionTerms(db)).toMatchObject({ leerling: 5, overig: 1 });
    compare(db);
  });

  it('stay exact through any sequence of changes to people, links and incidents (the kept term dates, migration 010)', async () => {
    t = makeTrustCore({ now: '2026-11-16T09:00:00Z' });
    await t.call('school.save', DE_LINDE);
    const db = t.core.db;
    const r = rng(2026);
    const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
    const day = () =>
      `${2016 + Math.floor(r() * 10)}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
    const make = async (soort: 'leerling' | 'ouder' | 'extern' | 'medewerker', i: number) =>
      (
        await t.call('people.create', {
          soort,
          voornaam: `${soort} ${i}`,
          achternaam: 'Reeks',
          ...(soort === 'leerling' && r() < 0.5 ? { uitgeschrevenOp: day() } : {}),
        })
      ).id;
    const pupils: number[] = [];
    const parents: number[] = [];
    const others: number[] = [];
    for (let i = 0; i < 12; i++) pupils.push(await make('leerling', i));
    for (let i = 0; i < 8; i++) parents.push(await make('ouder', i));
    for (let i = 0; i < 3; i++) others.push(await make('extern', i), await make('medewerker', i));
    const alive = (ids: number[]) => ids.filter((id) => db.prepare('SELECT 1 FROM person WHERE id = ?').get(id));
    const row = (id: number) => db.prepare('SELECT * FROM person WHERE id = ?').get(id) as PersonDbRow;
    const incidents: number[] = [];
    const done = new Map<string, number>();

    // Each step is one change a school leader (or a roster import) makes; which one, and to whom,
    // is drawn from the seeded generator.
    const steps: [string, () => Promise<unknown> | unknown][] = [
      [
        'leaving date set or cleared',
        async () => {
          const id = pick(alive(pupils));
          if (id) await t.call('people.update', { ...rowToInput(row(id)), id, uitgeschrevenOp: r() < 0.3 ? null : day() });
        },
      ],
      [
        'guardian linked',
        async () => {
          const [k, o] = [pick(alive(pupils)), pick(alive(parents))];
          if (k && o) await t.call('people.linkGuardian', { leerlingId: k, ouderId: o });
        },
      ],
      [
        'guardian unlinked',
        async () => {
          const l = pick(
            db.prepare('SELECT leerling_id, ouder_id FROM guardian_link').all() as { leerling_id: number; ouder_id: number }[],
          );
          if (l) await t.call('people.unlinkGuardian', { leerlingId: l.leerling_id, ouderId: l.ouder_id });
        },
      ],
      [
        'a record edited on another day',
        async () => {
          const id = pick(alive([...parents, ...others]));
          if (!id) return;
          t.setNow(`${day()}T10:00:00Z`);
          await t.call('people.update', { ...rowToInput(row(id)), id, notities: `Bewerkt ${r()}` });
          t.setNow('2026-11-16T09:00:00Z');
        },
      ],
      [
        'incident recorded',
        async () => {
          const people = [...new Set([pick(alive(pupils)), pick(alive([...pupils, ...parents, ...others]))].filter(Boolean))] as number[];
          const melder = r() < 0.4 ? pick(alive([...parents, ...others])) : undefined;
          if (people.length) incidents.push((await t.call('incidents.create', incidentInput(day(), people, melder))).id);
        },
      ],
      [
        'incident moved or its people changed',
        async () => {
          const id = pick(incidents.filter((i) => db.prepare('SELECT 1 FROM incident WHERE id = ?').get(i)));
          const p = pick(alive([...pupils, ...parents, ...others]));
          if (id && p) await t.call('incidents.update', { ...incidentInput(day(), [p], r() < 0.3 ? pick(alive(parents)) : undefined), id });
        },
      ],
      [
        'incident deleted',
        () => {
          const id = pick(incidents);
          if (id) db.prepare('DELETE FROM incident WHERE id = ?').run(id);
        },
      ],
      [
        'records destroyed at the end of their term',
        async () => {
          const due = listCandidates(db, '2026-11-16').filter((c) => !c.holds.length);
          if (due.length) await t.call('trust.retention.destroy', { personIds: [pick(due).personId], bevestigdDoor: 'A. Visser' });
        },
      ],
      // What no screen does but a repair or a later migration could: a link moved to another parent
      // in place, a person's kind changed.
      [
        'a link moved in place',
        () => {
          const l = db.prepare('SELECT leerling_id, ouder_id FROM guardian_link ORDER BY random() LIMIT 1').get() as
            { leerling_id: number; ouder_id: number } | undefined;
          const o = pick(alive(parents));
          if (l && o)
            db.prepare('UPDATE OR IGNORE guardian_link SET ouder_id = ? WHERE leerling_id = ? AND ouder_id = ?').run(
              o,
              l.leerling_id,
              l.ouder_id,
            );
        },
      ],
      [
        'a kind changed',
        () => {
          const id = pick(alive(others));
          if (id) db.prepare("UPDATE person SET soort = CASE soort WHEN 'extern' THEN 'medewerker' ELSE 'extern' END WHERE id = ?").run(id);
        },
      ],
    ];
    for (let i = 1; i <= 150; i++) {
      const [name, step] = pick(steps);
      await step();
      done.set(name, (done.get(name) ?? 0) + 1);
      // The kept dates after every step (a stale row could be mended by a later step), the whole
      // reading of the rules now and then.
      keptAsComputed(db);
      if (i % 15 === 0) compare(db, ['2026-11-16', '2040-01-01']);
    }
    // Every kind of change happened (the comparison above is not vacuous).
    expect([...done.keys()].sort()).toEqual(steps.map(([n]) => n).sort());
    expect(db.prepare('SELECT count(*) AS n FROM retentie_peildatum').get()).not.toEqual({ n: 0 });
  });
});
