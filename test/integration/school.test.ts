// School details, app status and the demo school (first run).
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import pkg from '../../package.json';
import demo from '../../resources/demo-school.json';
import { makeTestCore, type TestCore } from '../support/core';
import { latestSchemaVersion } from '../../src/main/db/migrate';
import { demoData } from '../../src/main/app/demo';

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
const count = (sql: string, ...params: unknown[]) => (t.core.db.prepare(sql).get(...params) as { n: number }).n;

describe('app.status', () => {
  it('reports versions, the date and the school year, before and after a school exists', async () => {
    expect(await t.call('app.status', {})).toEqual({
      appVersion: pkg.version,
      schemaVersion: latestSchemaVersion(),
      hasSchool: false,
      schoolNaam: null,
      vandaag: '2026-11-16',
      huidigSchooljaar: '2026-2027',
    });
    await t.call('school.save', { naam: 'De Linde', sector: 'VO', regio: 'midden' });
    t.setNow('2027-07-31T22:30:00Z'); // already 1 August in Amsterdam
    expect(await t.call('app.status', {})).toMatchObject({ hasSchool: true, schoolNaam: 'De Linde', vandaag: '2027-08-01', huidigSchooljaar: '2027-2028' });
  });
});

describe('school.get and school.save', () => {
  it('creates the school, then updates it, auditing both', async () => {
    expect(await t.call('school.get', {})).toBeNull();
    const s = await t.call('school.save', {
      naam: 'Scholengemeenschap De Linde',
      sector: 'VO',
      brin: '99zz',
      openbaar: true,
      regio: 'midden',
      straat: 'Lindeplein 1',
      postcode: '4001zz',
      plaats: 'Tiel',
      email: 'info@delinde.example',
      ondertekenaarNaam: 'Marianne Hoekstra',
      ondertekenaarFunctie: 'rector',
      antiPestNaam: 'Anouk de Wit',
      website: '',
    });
    expect(s).toEqual({
      naam: 'Scholengemeenschap De Linde',
      sector: 'VO',
      brin: '99ZZ',
      openbaar: true,
      regio: 'midden',
      bevoegdGezag: null,
      straat: 'Lindeplein 1',
      postcode: '4001 ZZ',
      plaats: 'Tiel',
      telefoon: null,
      email: 'info@delinde.example',
      website: null,
      ondertekenaarNaam: 'Marianne Hoekstra',
      ondertekenaarFunctie: 'rector',
      antiPestNaam: 'Anouk de Wit',
      antiPestEmail: null,
      updatedAt: '2026-11-16T09:00:00.000Z',
    });
    expect(await t.call('school.get', {})).toEqual(s);
    t.setNow('2026-11-18T12:00:00Z');
    const u = await t.call('school.save', { naam: 'SG De Linde', sector: 'VO', regio: 'midden' });
    expect(u).toMatchObject({ naam: 'SG De Linde', straat: null, openbaar: false, updatedAt: '2026-11-18T12:00:00.000Z' });
    expect(count('SELECT count(*) AS n FROM school')).toBe(1);
    const audit = await t.call('audit.forRecord', { entity: 'school', entityId: '1' });
    expect(audit.map((a) => a.action)).toEqual(['gewijzigd', 'aangemaakt']);
    expect(audit[0]).toMatchObject({ before: { naam: 'Scholengemeenschap De Linde' }, after: { naam: 'SG De Linde' } });
    expect(audit[1]).toMatchObject({ before: null, after: { naam: 'Scholengemeenschap De Linde' } });
  });

  it('answers wrong input with Dutch messages on the field, writing nothing', async () => {
    expect(await fails('school.save', { naam: '', sector: 'VO', regio: 'midden' })).toMatchObject({ code: 'VALIDATIE', field: 'naam', message: 'Vul dit veld in.' });
    expect(await fails('school.save', { naam: 'X', sector: 'HBO', regio: 'midden' })).toMatchObject({ field: 'sector', message: 'Kies een sector.' });
    expect(await fails('school.save', { naam: 'X', sector: 'VO', regio: 'west' })).toMatchObject({ field: 'regio', message: 'Kies de vakantieregio.' });
    expect(await fails('school.save', { naam: 'X', sector: 'VO', regio: 'midden', brin: '1234' })).toMatchObject({ field: 'brin', message: 'Een BRIN-nummer is als 12AB (of 12AB00).' });
    expect(await fails('school.save', { naam: 'X', sector: 'VO', regio: 'midden', postcode: '123' })).toMatchObject({ field: 'postcode', message: 'Gebruik een postcode als 1234 AB.' });
    expect(await fails('school.save', { naam: 'X', sector: 'VO', regio: 'midden', email: 'geen-mail' })).toMatchObject({ field: 'email', message: 'Vul een geldig e-mailadres in.' });
    expect(await fails('school.save', { naam: 'X\u0007', sector: 'VO', regio: 'midden' })).toMatchObject({ field: 'naam', message: 'Dit veld bevat ongeldige tekens.' });
    expect(count('SELECT count(*) AS n FROM school')).toBe(0);
    expect(count('SELECT count(*) AS n FROM audit_log')).toBe(0);
  });
});

describe('school.loadDemo', () => {
  it('loads the fictional school with the counts of resources/demo-school.json', async () => {
    const r = await t.call('school.loadDemo', {});
    expect(r).toEqual({ schoolNaam: 'Scholengemeenschap De Linde', personen: demo.personen.length, meldingen: demo.meldingen.length });
    const soorten = (s: string) => demo.personen.filter((p) => p.soort === s).length;
    expect(count("SELECT count(*) AS n FROM person WHERE soort = 'leerling'")).toBe(soorten('leerling'));
    expect(count("SELECT count(*) AS n FROM person WHERE soort = 'ouder'")).toBe(soorten('ouder'));
    expect(count("SELECT count(*) AS n FROM person WHERE soort = 'medewerker'")).toBe(soorten('medewerker'));
    expect(count("SELECT count(*) AS n FROM person WHERE soort = 'extern'")).toBe(soorten('extern'));
    expect(count('SELECT count(*) AS n FROM guardian_link')).toBe(demo.koppelingen.length);
    expect(count('SELECT count(*) AS n FROM incident')).toBe(demo.meldingen.length);
    const sum = (f: (m: (typeof demo.meldingen)[number]) => unknown[] | undefined) => demo.meldingen.reduce((n, m) => n + (f(m)?.length ?? 0), 0);
    expect(count('SELECT count(*) AS n FROM incident_person')).toBe(sum((m) => m.betrokkenen));
    expect(count('SELECT count(*) AS n FROM incident_rule')).toBe(sum((m) => m.regels));
    expect(count('SELECT count(*) AS n FROM incident_action')).toBe(sum((m) => m.directeActies));
    expect(count('SELECT count(*) AS n FROM evidence')).toBe(sum((m) => m.bewijs));
    expect(count('SELECT count(*) AS n FROM measure')).toBe(sum((m) => m.maatregelen));
    expect(count('SELECT count(*) AS n FROM external_report')).toBe(sum((m) => m.externeMeldingen));
    expect(count('SELECT count(*) AS n FROM incident_fts')).toBe(demo.meldingen.length);

    // what the brief asks of the demo
    expect(demo.personen.length).toBeGreaterThanOrEqual(80);
    expect(soorten('leerling')).toBe(40);
    expect(count("SELECT count(*) AS n FROM person WHERE soort = 'leerling' AND geboortedatum <= '2008-11-16'")).toBeGreaterThanOrEqual(2);
    expect(count("SELECT count(DISTINCT groep) AS n FROM person WHERE soort = 'leerling'")).toBe(8);
    expect(count("SELECT count(*) AS n FROM measure WHERE soort = 'schorsing' AND duur_dagen = 2")).toBe(1);
    expect(count("SELECT count(*) AS n FROM measure WHERE soort = 'schorsing' AND duur_dagen = 3")).toBe(1);
    for (const soort of ['gesprek', 'waarschuwing']) expect(count('SELECT count(*) AS n FROM measure WHERE soort = ?', soort)).toBeGreaterThan(3);
    for (const instantie of ['vertrouwensinspecteur', 'politie', 'inspectie']) expect(count('SELECT count(*) AS n FROM external_report WHERE instantie = ?', instantie)).toBeGreaterThan(0);
    expect(count('SELECT count(DISTINCT schooljaar) AS n FROM incident')).toBe(2);
    expect(count('SELECT count(DISTINCT status) AS n FROM incident')).toBe(4);
    expect(count('SELECT count(DISTINCT categorie) AS n FROM incident')).toBeGreaterThanOrEqual(12);
    // parents living apart: one pupil with two guardians at different addresses, both receiving letters
    expect(
      count(`SELECT count(*) AS n FROM (SELECT g.leerling_id FROM guardian_link g JOIN person o ON o.id = g.ouder_id WHERE g.ontvangt_post = 1
             GROUP BY g.leerling_id HAVING count(DISTINCT o.straat || o.postcode) > 1)`),
    ).toBeGreaterThanOrEqual(2);

    // numbered without gaps per year, in order of reporting
    const nummers = (t.core.db.prepare('SELECT nummer, datum_melding FROM incident ORDER BY datum_melding, id').all() as { nummer: string; datum_melding: string }[]);
    const perYear = new Map<string, number>();
    for (const n of nummers) {
      const y = n.datum_melding.slice(0, 4);
      perYear.set(y, (perYear.get(y) ?? 0) + 1);
      expect(n.nummer).toBe(`M${y}-${String(perYear.get(y)).padStart(4, '0')}`);
    }
    // it went through the services: audit entries for everything
    expect(count("SELECT count(*) AS n FROM audit_log WHERE entity = 'persoon' AND action = 'aangemaakt'")).toBe(demo.personen.length);
    expect(count("SELECT count(*) AS n FROM audit_log WHERE entity = 'melding' AND action = 'aangemaakt'")).toBe(demo.meldingen.length);
    expect(count("SELECT count(*) AS n FROM audit_log WHERE entity = 'maatregel'")).toBe(sum((m) => m.maatregelen));
    expect(await t.call('app.status', {})).toMatchObject({ hasSchool: true, schoolNaam: 'Scholengemeenschap De Linde' });
    // the search finds a demo pupil's incidents: twice as dader, once named in his father's incident
    expect((await t.call('incidents.list', { search: 'ruben timmer' })).rows.map((r) => r.daders)).toEqual(['Ronald Timmer', 'Ruben Timmer', 'Ruben Timmer']);
  });

  it('refuses a database that already has a school or people, changing nothing', async () => {
    await t.call('people.create', { soort: 'leerling', voornaam: 'A', achternaam: 'B' });
    const before = count('SELECT count(*) AS n FROM audit_log');
    expect(await fails('school.loadDemo', {})).toEqual({
      code: 'CONFLICT',
      message:
        'Er staan al gegevens in deze database. De demo-school kan alleen in een lege database worden geladen, zodat er nooit echte en verzonnen gegevens door elkaar staan.',
    });
    expect(count('SELECT count(*) AS n FROM audit_log')).toBe(before);
    expect(count('SELECT count(*) AS n FROM school')).toBe(0);
    const t2 = makeTestCore();
    try {
      await t2.call('school.save', { naam: 'Echte school', sector: 'PO', regio: 'noord' });
      expect((await t2.core.invoke('school.loadDemo', {})).ok).toBe(false);
      expect(await t2.call('school.get', {})).toMatchObject({ naam: 'Echte school' });
    } finally {
      t2.cleanup();
    }
  });

  it('moves the demo back by whole 52-week steps when the clock stands before its dates', () => {
    const same = demoData('2026-11-16');
    expect(same.meldingen[0].datumVoorval).toBe(demo.meldingen[0].datumVoorval);
    const moved = demoData('2025-11-01');
    expect(moved.meldingen[0].datumVoorval).toBe('2023-09-12'); // 2025-09-09 minus 2 × 364 days, still a Tuesday
    expect(moved.protocol.ingangsdatum).toBe('2023-08-04'); // 2025-08-01 minus 728 days (2024 is a leap year)
    const latest = JSON.stringify(moved.meldingen).match(/\d{4}-\d{2}-\d{2}/g)!.sort().at(-1)!;
    expect(latest <= '2025-11-01').toBe(true);
  });

  it('loads under an early clock too', async () => {
    const t2 = makeTestCore({ now: '2025-11-01T09:00:00Z' });
    try {
      expect(await t2.call('school.loadDemo', {})).toMatchObject({ meldingen: demo.meldingen.length });
    } finally {
      t2.cleanup();
    }
  });
});
