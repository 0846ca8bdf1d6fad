// The yearly report's raw figures come from counts kept by triggers and from covering indexes
// (migrations 007 and 009). Here they are held against plain GROUP BYs over the incident rows
// themselves, on a varied data set that went through everything that changes those counts:
// incidents created and edited through the core (school year, category, platform, severity, place,
// reporter and people changed), involvements changed and removed, and incidents deleted.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { makeTestCore, type TestCore } from '../support/core';
import { rawYear, type Counts } from '../../src/main/reports/figures';
import { ERNST, LOCATIE, PLATFORM, ROL } from '../../src/shared/domain';
import { schoolYearBounds } from '../../src/shared/schoolYear';
import type { DB } from '../../src/main/db/open';
import type { IncidentInput } from '../../src/shared/api/incidents';

const YEARS = ['2023-2024', '2024-2025', '2025-2026', '2026-2027'];
const TODAY = '2026-03-01';

let t: TestCore;
let db: DB;

/** A fixed-seed generator, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  return {
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
  };
}

const sorted = (c: Counts) => [...c].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** The figures the way a peer would count them: straight GROUP BYs over the incident rows. */
function plainYear(schooljaar: string) {
  const { start, end } = schoolYearBounds(schooljaar);
  const grouped = (sql: string, ...params: unknown[]): Counts =>
    new Map((db.prepare(sql).all(...params) as { k: string; n: number }[]).map((r) => [r.k, r.n]));
  const by = (col: string) =>
    grouped(`SELECT ${col} AS k, count(*) AS n FROM incident NOT INDEXED WHERE schooljaar = ? GROUP BY k`, schooljaar);
  const repeat = db
    .prepare(
      `SELECT count(*) AS daders, coalesce(sum(n > 1), 0) AS herhaal FROM (
         SELECT ip.person_id, count(DISTINCT ip.incident_id) AS n FROM incident_person ip JOIN incident i NOT INDEXED ON i.id = ip.incident_id
         WHERE i.schooljaar = ? AND ip.rol = 'dader' GROUP BY ip.person_id)`,
    )
    .get(schooljaar) as { daders: number; herhaal: number };
  return {
    meldingen: (db.prepare('SELECT count(*) AS n FROM incident NOT INDEXED WHERE schooljaar = ?').get(schooljaar) as { n: number }).n,
    categorie: by('categorie'),
    platform: by('platform'),
    maand: by('substr(datum_voorval, 6, 2)'),
    ernst: by('ernst'),
    locatie: by('locatie'),
    maatregel: grouped(
      `SELECT soort AS k, count(*) AS n FROM measure NOT INDEXED WHERE besluit_datum BETWEEN ? AND ? AND status <> 'ingetrokken' GROUP BY k`,
      start,
      end,
    ),
    externeMelding: grouped(
      'SELECT instantie AS k, count(*) AS n FROM external_report NOT INDEXED WHERE datum BETWEEN ? AND ? GROUP BY k',
      start,
      end,
    ),
    verplichtingen: grouped(
      `SELECT CASE WHEN status = 'gedaan' AND gedaan_op < grens THEN 'op_tijd' WHEN status = 'gedaan' THEN 'te_laat'
                   WHEN ? >= grens THEN 'open_te_laat' ELSE 'open' END AS k, count(*) AS n
       FROM (SELECT status, gedaan_op, coalesce(te_laat_vanaf, date(uiterlijk, '+1 day')) AS grens, coalesce(uiterlijk, te_laat_vanaf) AS termijn
             FROM obligation NOT INDEXED WHERE status <> 'nvt')
       WHERE termijn BETWEEN ? AND ? GROUP BY k`,
      TODAY,
      start,
      end,
    ),
    rollen: grouped(
      `SELECT p.soort || '|' || x.rol AS k, count(DISTINCT x.person_id) AS n FROM (
         SELECT ip.person_id, ip.rol FROM incident_person ip JOIN incident i NOT INDEXED ON i.id = ip.incident_id WHERE i.schooljaar = ?
         UNION SELECT i.melder_id, 'melder' FROM incident i NOT INDEXED WHERE i.schooljaar = ? AND i.melder_id IS NOT NULL
       ) x JOIN person p ON p.id = x.person_id GROUP BY k`,
      schooljaar,
      schooljaar,
    ),
    daders: repeat.daders,
    herhaalDaders: repeat.herhaal,
  };
}

function expectSameFigures() {
  for (const year of YEARS) {
    const fast = rawYear(db, year, TODAY);
    const plain = plainYear(year);
    const view = (r: typeof fast | typeof plain) => ({
      meldingen: r.meldingen,
      daders: r.daders,
      herhaalDaders: r.herhaalDaders,
      ...Object.fromEntries(
        (['categorie', 'platform', 'maand', 'ernst', 'locatie', 'maatregel', 'externeMelding', 'verplichtingen', 'rollen'] as const).map(
          (k) => [k, sorted(r[k] ?? new Map())],
        ),
      ),
    });
    expect(view(fast), year).toEqual(view(plain));
  }
}

const dateIn = (r: ReturnType<typeof rng>, year: string) => {
  const { start } = schoolYearBounds(year);
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + r.int(365));
  return d.toISOString().slice(0, 10);
};

beforeAll(async () => {
  t = makeTestCore({ now: '2027-08-15T09:00:00Z' });
  db = t.core.db;
  const r = rng(20261203);
  const people: number[] = [];
  for (let i = 0; i < 24; i++) {
    const soort = (['leerling', 'leerling', 'leerling', 'medewerker', 'ouder', 'extern'] as const)[i % 6];
    people.push((await t.call('people.create', { soort, voornaam: `Persoon${i}`, achternaam: `Achternaam${i}` })).id);
  }
  const categories = (db.prepare('SELECT code FROM category').all() as { code: string }[]).map((c) => c.code);
  const randomIncident = (): IncidentInput => {
    const year = r.pick(YEARS.slice(0, 3));
    const datum = dateIn(r, year);
    const betrokkenen: IncidentInput['betrokkenen'] = [];
    const seen = new Set<string>();
    for (let k = r.int(5); k > 0; k--) {
      const b = { personId: r.pick(people), rol: r.pick(ROL.codes) };
      if (!seen.has(`${b.personId}|${b.rol}`)) betrokkenen.push(b);
      seen.add(`${b.personId}|${b.rol}`);
    }
    const melder = r.chance(0.4) ? r.pick(people) : null;
    return {
      datumVoorval: datum,
      datumMelding: datum,
      melderId: melder,
      melderOmschrijving: melder ? null : 'Mentor',
      locatie: r.pick(LOCATIE.codes),
      platform: r.pick(PLATFORM.codes),
      categorie: r.pick(categories),
      ernst: r.pick(ERNST.codes),
      omschrijving: 'Een voorval in een groepsapp.',
      betrokkenen,
    };
  };

  const ids: number[] = [];
  for (let i = 0; i < 90; i++) ids.push((await t.call('incidents.create', randomIncident())).id);
  // Edited after creation through the core: a new date (often another school year), other
  // columns, another reporter, other people.
  for (const id of ids.filter(() => r.chance(0.35))) await t.call('incidents.update', { id, ...randomIncident() });
  for (const id of ids.filter(() => r.chance(0.2))) {
    const cur = await t.call('incidents.get', { id });
    await t.call('incidents.update', {
      id,
      datumVoorval: cur.datumVoorval,
      datumMelding: cur.datumMelding,
      melderId: null,
      melderOmschrijving: 'Anoniem',
      locatie: cur.locatie,
      platform: cur.platform,
      categorie: cur.categorie,
      ernst: cur.ernst,
      omschrijving: cur.omschrijving,
      betrokkenen: cur.betrokkenen.filter((b) => b.rol !== 'dader').map((b) => ({ personId: b.personId, rol: b.rol })),
    });
  }
  // Changed below the core, as a repair script or the retention clean-up would: involvements given
  // another role or person, or removed; incidents moved to another year; incidents deleted.
  const ip = db.prepare('SELECT id, incident_id, person_id, rol FROM incident_person ORDER BY id').all() as {
    id: number;
    incident_id: number;
    person_id: number;
    rol: string;
  }[];
  for (const row of ip) {
    const roll = r.int(10);
    if (roll === 0) db.prepare('DELETE FROM incident_person WHERE id = ?').run(row.id);
    if (roll === 1) db.prepare('UPDATE OR IGNORE incident_person SET rol = ? WHERE id = ?').run(r.pick(ROL.codes), row.id);
    if (roll === 2) db.prepare('UPDATE OR IGNORE incident_person SET person_id = ? WHERE id = ?').run(r.pick(people), row.id);
  }
  for (const id of ids.filter(() => r.chance(0.1))) {
    const datum = dateIn(r, '2026-2027');
    db.prepare('UPDATE incident SET datum_voorval = ?, schooljaar = ?, melder_id = ? WHERE id = ?').run(
      datum,
      '2026-2027',
      r.pick(people),
      id,
    );
  }
  for (const id of ids.filter(() => r.chance(0.15))) {
    db.prepare('DELETE FROM measure WHERE incident_id = ?').run(id);
    db.prepare('DELETE FROM incident WHERE id = ?').run(id);
  }

  // Measures (some withdrawn) with their obligations, and reports to authorities.
  const left = (db.prepare('SELECT id FROM incident').all() as { id: number }[]).map((x) => x.id);
  for (let i = 0; i < 25; i++) {
    await t.call('measures.create', {
      personId: r.pick(people.filter((_, k) => k % 6 < 3)),
      soort: r.pick(['gesprek', 'waarschuwing', 'inname_telefoon'] as const),
      besluitDatum: dateIn(r, r.pick(YEARS.slice(1, 3))),
      status: r.pick(['besloten', 'uitgevoerd', 'ingetrokken'] as const),
    });
  }
  for (let i = 0; i < 6; i++) {
    const incidentId = r.pick(left);
    const { datum_voorval: datum } = db.prepare('SELECT datum_voorval FROM incident WHERE id = ?').get(incidentId) as {
      datum_voorval: string;
    };
    await t.call('externalReports.create', {
      incidentId,
      instantie: r.pick(['vertrouwensinspecteur', 'politie', 'inspectie', 'leerplicht'] as const),
      soort: 'consultatie',
      datum,
    });
  }
}, 120_000);
afterAll(() => t?.cleanup());

describe('the yearly report’s raw figures', () => {
  it('agree with plain GROUP BYs over the incident rows after creates, edits and deletes', () => {
    // The data set must really exercise what it claims to.
    const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    for (const year of YEARS.slice(1)) expect(n(`SELECT count(*) AS n FROM incident WHERE schooljaar = '${year}'`)).toBeGreaterThan(5);
    expect(n(`SELECT count(*) AS n FROM incident_person WHERE rol = 'dader'`)).toBeGreaterThan(20);
    expect(n(`SELECT count(*) AS n FROM incident WHERE melder_id IS NOT NULL`)).toBeGreaterThan(10);
    expect(
      n(`SELECT count(*) AS n FROM incident_count WHERE n = 0`) + n(`SELECT count(*) AS n FROM incident_rol_count WHERE n = 0`),
    ).toBeGreaterThan(0);
    expectSameFigures();
  });

  it('stay in step when a whole year’s incidents are deleted', () => {
    db.prepare(`DELETE FROM measure WHERE incident_id IN (SELECT id FROM incident WHERE schooljaar = '2024-2025')`).run();
    db.prepare(`DELETE FROM external_report WHERE incident_id IN (SELECT id FROM incident WHERE schooljaar = '2024-2025')`).run();
    db.prepare(`DELETE FROM incident WHERE schooljaar = '2024-2025'`).run();
    const y = rawYear(db, '2024-2025', TODAY);
    expect([y.meldingen, y.daders, sorted(y.rollen)]).toEqual([0, 0, []]);
    expectSameFigures();
  });
});
