// Incidents: numbering, the rules for an incident, protocol rules in force, quick search, the paged
// grid on a few hundred generated incidents, and evidence files.
import { incidentSortField } from '../../src/shared/api/incidents';
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { makeTestCore, type TestCore } from '../support/core';
import type { IncidentInput, IncidentRow } from '../../src/shared/api/incidents';
import { PLATFORM, ERNST, INCIDENT_STATUS } from '../../src/shared/domain';
import { SEARCH_CAP } from '../../src/main/incidents/list';
import { SAMPLE_FROM, STEP, sampleCounts, samplesSettled } from '../../src/main/incidents/positions';
import { openDatabase } from '../../src/main/db/open';

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
const count = (table: string) => (t.core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

async function world() {
  const protocol = await t.call('protocols.createFromTemplate', { ingangsdatum: '2025-08-01' });
  const rule = (nr: string) => protocol.secties.flatMap((s) => s.regels).find((r) => r.volledigNummer === nr)!;
  const dader = await t.call('people.create', { soort: 'leerling', voornaam: 'Emre', achternaam: 'Özdemir', groep: '3A' });
  const slachtoffer = await t.call('people.create', {
    soort: 'leerling',
    voornaam: 'Sanne',
    tussenvoegsel: 'van',
    achternaam: 'Dijk',
    groep: '3A',
  });
  const getuige = await t.call('people.create', { soort: 'leerling', voornaam: 'Bram', achternaam: 'Kok', groep: '3B' });
  const mentor = await t.call('people.create', { soort: 'medewerker', voornaam: 'Joost', achternaam: 'Brinkman', functie: 'mentor' });
  return { protocol, rule, dader, slachtoffer, getuige, mentor };
}

const base = (extra: Partial<IncidentInput> = {}): IncidentInput => ({
  datumVoorval: '2026-10-05',
  datumMelding: '2026-10-06',
  locatie: 'buiten_school',
  platform: 'snapchat',
  categorie: 'pesten',
  ernst: 'middel',
  omschrijving: 'Er werden spottende berichten gestuurd in een groepschat.',
  ...extra,
});

describe('incidents.create and incidents.get', () => {
  it('records every field, derives school year and protocol, and audits', async () => {
    const w = await world();
    const inc = await t.call(
      'incidents.create',
      base({
        tijdVoorval: '21:40',
        melderId: w.mentor.id,
        platformAnders: null,
        ernst: 'hoog',
        status: 'in_onderzoek',
        regelIds: [w.rule('3.5').id, w.rule('3.4').id, w.rule('3.5').id],
        betrokkenen: [
          { personId: w.dader.id, rol: 'dader' },
          { personId: w.slachtoffer.id, rol: 'slachtoffer', toelichting: 'Foto gedeeld' },
          { personId: w.getuige.id, rol: 'getuige' },
          { personId: w.getuige.id, rol: 'melder' },
        ],
        directeActies: [
          { actie: 'verwijdering_gevraagd', datum: '2026-10-06' },
          { actie: 'ouders_geinformeerd', datum: '2026-10-06', toelichting: 'Telefonisch' },
        ],
        vervolg: 'Gesprek plannen.',
      }),
    );
    expect(inc).toMatchObject({
      nummer: 'M2026-0001',
      schooljaar: '2026-2027',
      protocolId: w.protocol.id,
      tijdVoorval: '21:40',
      status: 'in_onderzoek',
      melder: { id: w.mentor.id, naam: 'Joost Brinkman', soort: 'medewerker' },
      vervolg: 'Gesprek plannen.',
      bewijs: [],
      maatregelen: [],
      externeMeldingen: [],
    });
    expect(inc.regels.map((r) => r.volledigNummer)).toEqual(['3.4', '3.5']);
    expect(inc.betrokkenen.map((b) => [b.persoon.naam, b.rol, b.toelichting])).toEqual([
      ['Emre Özdemir', 'dader', null],
      ['Sanne van Dijk', 'slachtoffer', 'Foto gedeeld'],
      ['Bram Kok', 'getuige', null],
      ['Bram Kok', 'melder', null],
    ]);
    expect(inc.directeActies).toEqual([
      { actie: 'verwijdering_gevraagd', datum: '2026-10-06', toelichting: null },
      { actie: 'ouders_geinformeerd', datum: '2026-10-06', toelichting: 'Telefonisch' },
    ]);
    expect(await t.call('incidents.get', { id: inc.id })).toEqual(inc);
    const audit = await t.call('audit.forRecord', { entity: 'melding', entityId: String(inc.id) });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'aangemaakt', before: null, after: { nummer: 'M2026-0001', omschrijving: inc.omschrijving } });
  });

  it('numbers per year of the report date, without gaps, and keeps the number on update', async () => {
    await world();
    const a = await t.call('incidents.create', base({ datumVoorval: '2025-12-20', datumMelding: '2025-12-30' }));
    const b = await t.call('incidents.create', base({ datumVoorval: '2025-12-20', datumMelding: '2026-01-02' }));
    const c = await t.call('incidents.create', base({ datumVoorval: '2025-12-31', datumMelding: '2025-12-31' }));
    const failed = await t.core.invoke('incidents.create', base({ datumMelding: '2026-10-04' }));
    expect(failed.ok).toBe(false);
    const d = await t.call('incidents.create', base());
    expect([a, b, c, d].map((x) => x.nummer)).toEqual(['M2025-0001', 'M2026-0001', 'M2025-0002', 'M2026-0002']);
    expect(a.schooljaar).toBe('2025-2026');
    const u = await t.call('incidents.update', { ...base({ datumVoorval: '2025-12-20', datumMelding: '2026-01-05' }), id: a.id });
    expect(u.nummer).toBe('M2025-0001');
  });

  it('refuses impossible dates, unknown people, duplicate roles and unknown categories, writing nothing', async () => {
    const w = await world();
    expect(await fails('incidents.create', base({ datumMelding: '2026-10-04' }))).toMatchObject({
      code: 'VALIDATIE',
      field: 'datumMelding',
      message: 'De datum van de melding ligt vóór de datum van het voorval.',
    });
    expect(await fails('incidents.create', base({ datumVoorval: '2026-11-17', datumMelding: '2026-11-17' }))).toMatchObject({
      field: 'datumVoorval',
      fields: {
        datumVoorval: 'De datum van het voorval ligt in de toekomst.',
        datumMelding: 'De datum van de melding ligt in de toekomst.',
      },
    });
    expect(await fails('incidents.create', base({ betrokkenen: [{ personId: 999, rol: 'dader' }] }))).toMatchObject({
      field: 'betrokkenen.0.personId',
      message: 'Deze persoon bestaat niet (meer).',
    });
    expect(
      await fails(
        'incidents.create',
        base({
          betrokkenen: [
            { personId: w.dader.id, rol: 'dader' },
            { personId: w.dader.id, rol: 'dader' },
          ],
        }),
      ),
    ).toMatchObject({ field: 'betrokkenen.1.rol', message: 'Deze persoon staat al met deze rol bij de melding.' });
    expect(await fails('incidents.create', base({ categorie: 'bestaat_niet' }))).toMatchObject({
      field: 'categorie',
      message: 'Deze categorie bestaat niet.',
    });
    expect(await fails('incidents.create', base({ melderId: 999 }))).toMatchObject({ field: 'melderId' });
    expect(await fails('incidents.create', base({ directeActies: [{ actie: 'overig', datum: '2026-10-01' }] }))).toMatchObject({
      field: 'directeActies.0.datum',
      message: 'Deze actie ligt vóór de datum van het voorval.',
    });
    expect(await fails('incidents.create', base({ omschrijving: '  ' }))).toMatchObject({
      field: 'omschrijving',
      message: 'Beschrijf feitelijk wat er gebeurde.',
    });
    expect(await fails('incidents.create', base({ platform: 'myspace' as never }))).toMatchObject({
      field: 'platform',
      message: 'Kies het platform.',
    });
    for (const table of ['incident', 'incident_person', 'incident_rule', 'incident_action', 'incident_fts']) expect(count(table)).toBe(0);
  });

  it('only accepts rules of the protocol version in force on the incident date', async () => {
    const w = await world();
    const v2 = await t.call('protocols.create', {
      titel: 'Protocol',
      versie: '2',
      ingangsdatum: '2026-09-01',
      secties: [{ nummer: '1', titel: 'Regels', regels: [{ nummer: '1', tekst: 'Nieuwe regel.' }] }],
    });
    const newRule = v2.secties[0].regels[0];
    // a rule of v1 on a date where v2 is in force
    expect(await fails('incidents.create', base({ regelIds: [w.rule('3.5').id] }))).toMatchObject({
      field: 'regelIds',
      message: 'Kies regels uit de protocolversie die gold op de datum van het voorval.',
    });
    // a rule of v2 before v2 started
    expect(
      await fails('incidents.create', base({ datumVoorval: '2026-08-20', datumMelding: '2026-08-21', regelIds: [newRule.id] })),
    ).toMatchObject({ field: 'regelIds' });
    expect(
      await fails('incidents.create', base({ datumVoorval: '2024-01-10', datumMelding: '2024-01-10', regelIds: [newRule.id] })),
    ).toMatchObject({
      field: 'regelIds',
      message: 'Op de datum van het voorval was nog geen protocol van kracht. Voeg eerst een protocolversie toe of laat de regels leeg.',
    });
    expect(await fails('incidents.create', base({ regelIds: [123456] }))).toMatchObject({
      field: 'regelIds',
      message: 'Een van de gekozen protocolregels bestaat niet (meer).',
    });
    const ok = await t.call('incidents.create', base({ regelIds: [newRule.id] }));
    expect(ok.protocolId).toBe(v2.id);
    const old = await t.call('incidents.create', base({ datumVoorval: '2026-08-20', datumMelding: '2026-08-21' }));
    expect(old.protocolId).toBe(w.protocol.id);
    const none = await t.call('incidents.create', base({ datumVoorval: '2024-01-10', datumMelding: '2024-01-10' }));
    expect(none.protocolId).toBeNull();
  });

  it('lets an incident keep the rules it cites after a newer version starts earlier', async () => {
    const w = await world();
    const inc = await t.call('incidents.create', base({ regelIds: [w.rule('3.5').id] }));
    await t.call('protocols.create', {
      titel: 'P',
      versie: '2',
      ingangsdatum: '2026-09-01',
      secties: [{ titel: 'A', regels: [{ nummer: '1', tekst: 'x' }] }],
    });
    const kept = await t.call('incidents.update', { ...base({ regelIds: [w.rule('3.5').id], ernst: 'hoog' }), id: inc.id });
    expect(kept).toMatchObject({ protocolId: w.protocol.id, ernst: 'hoog' });
    expect(await fails('incidents.update', { ...base({ regelIds: [w.rule('3.5').id, w.rule('3.1').id] }), id: inc.id })).toMatchObject({
      field: 'regelIds',
    });
  });
});

describe('incidents.update', () => {
  it('replaces people, rules and actions and audits before and after', async () => {
    const w = await world();
    const inc = await t.call(
      'incidents.create',
      base({ betrokkenen: [{ personId: w.dader.id, rol: 'dader' }], regelIds: [w.rule('3.5').id] }),
    );
    t.setNow('2026-11-17T08:00:00Z');
    const u = await t.call('incidents.update', {
      ...base({ status: 'afgesloten', betrokkenen: [{ personId: w.slachtoffer.id, rol: 'slachtoffer' }], regelIds: [w.rule('3.6').id] }),
      id: inc.id,
    });
    expect(u.betrokkenen.map((b) => b.personId)).toEqual([w.slachtoffer.id]);
    expect(u.regels.map((r) => r.volledigNummer)).toEqual(['3.6']);
    expect(u).toMatchObject({ status: 'afgesloten', updatedAt: '2026-11-17T08:00:00.000Z', createdAt: '2026-11-16T09:00:00.000Z' });
    const audit = await t.call('audit.forRecord', { entity: 'melding', entityId: String(inc.id) });
    expect(audit[0]).toMatchObject({ action: 'gewijzigd', before: { status: 'open' }, after: { status: 'afgesloten' } });
    expect(await fails('incidents.update', { ...base(), id: 999 })).toMatchObject({
      code: 'NIET_GEVONDEN',
      message: 'Deze melding bestaat niet (meer).',
    });
  });

  it('keeps a person with a measure on the incident', async () => {
    const w = await world();
    const inc = await t.call('incidents.create', base({ betrokkenen: [{ personId: w.dader.id, rol: 'dader' }] }));
    await t.call('measures.create', { incidentId: inc.id, personId: w.dader.id, soort: 'gesprek', besluitDatum: '2026-10-07' });
    expect(await fails('incidents.update', { ...base(), id: inc.id })).toMatchObject({
      code: 'CONFLICT',
      message: 'Emre Özdemir heeft een maatregel bij deze melding en kan daarom niet uit de melding worden gehaald.',
    });
  });
});

describe('quick search', () => {
  it('finds incidents by number, words of the description and names, also after a rename', async () => {
    const w = await world();
    const a = await t.call(
      'incidents.create',
      base({ omschrijving: 'Nepaccount op Instagram met schoollogo.', betrokkenen: [{ personId: w.dader.id, rol: 'dader' }] }),
    );
    const b = await t.call('incidents.create', base({ omschrijving: 'Dreigende snaps na de wedstrijd.', melderId: w.getuige.id }));
    const search = async (q: string) => (await t.call('incidents.list', { search: q })).rows.map((r) => r.id);
    expect(await search('M2026-0002')).toEqual([b.id]);
    expect(await search('0001')).toEqual([a.id]);
    expect(await search('nepacc')).toEqual([a.id]);
    expect(await search('ozdem')).toEqual([a.id]);
    expect(await search('EMRE özdemir')).toEqual([a.id]);
    expect(await search('kok')).toEqual([b.id]);
    expect(await search('emre dreig')).toEqual([]);
    await t.call('people.update', { soort: 'leerling', voornaam: 'Emre', achternaam: 'Yildiz', id: w.dader.id });
    expect(await search('ozdem')).toEqual([]);
    expect(await search('yild')).toEqual([a.id]);
    await t.call('incidents.update', { ...base({ omschrijving: 'Iets anders.' }), id: a.id });
    expect(await search('nepacc')).toEqual([]);
    expect(await search('yild')).toEqual([]);
    for (const q of ['"', '*', 'NEAR(a b)', 'a OR b', '-x', '^', ':', '(((', 'AND']) {
      const r = await t.core.invoke('incidents.list', { search: q });
      expect(r.ok).toBe(true);
    }
    expect((await t.call('incidents.list', { search: '"' })).total).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------
describe('the grid on a few hundred incidents', () => {
  const rng = (seed: number) => () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };

  interface Made {
    row: IncidentRow;
    people: number[];
  }

  async function generate(n: number) {
    const random = rng(7);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
    const w = await world();
    const people = [w.dader, w.slachtoffer, w.getuige, w.mentor];
    for (let i = 0; i < 16; i++)
      people.push(
        await t.call('people.create', {
          soort: 'leerling',
          voornaam: `Kind${i}`,
          achternaam: pick(['Jansen', 'Visser', 'Smit', 'Bakker']),
        }),
      );
    const cats = (await t.call('categories.list', {})).map((c) => c.code);
    const made: Made[] = [];
    for (let i = 0; i < n; i++) {
      const day = Math.floor(random() * 450); // 2025-08-18 … 2026-11-11
      const voorval = new Date(Date.UTC(2025, 7, 18 + day)).toISOString().slice(0, 10);
      const melding = new Date(Date.UTC(2025, 7, 18 + day + Math.floor(random() * 4))).toISOString().slice(0, 10);
      const involved = [...new Set([pick(people).id, pick(people).id])];
      const inc = await t.call(
        'incidents.create',
        base({
          datumVoorval: voorval,
          datumMelding: melding > '2026-11-16' ? '2026-11-16' : melding,
          categorie: pick(cats),
          platform: pick(PLATFORM.codes),
          ernst: pick(ERNST.codes),
          status: pick(INCIDENT_STATUS.codes),
          omschrijving: `Voorval ${i} ${pick(['appje', 'filmpje', 'story', 'reactie'])}`,
          betrokkenen: involved.map((id, k) => ({ personId: id, rol: k === 0 ? 'dader' : 'slachtoffer' })),
        }),
      );
      made.push({ row: (await t.call('incidents.list', { search: inc.nummer })).rows[0], people: involved });
    }
    return { made, cats: await t.call('categories.list', {}), w };
  }

  async function allPages(input: Record<string, unknown>, pageSize = 37) {
    const ids: number[] = [];
    let total: number;
    for (let offset = 0; ; offset += pageSize) {
      const page = await t.call('incidents.list', { ...input, offset, limit: pageSize });
      total = page.total;
      ids.push(...page.rows.map((r) => r.id));
      if (page.rows.length < pageSize) break;
    }
    expect(ids.length).toBe(total);
    return ids;
  }

  it('pages, sorts by every field in both directions with a stable tiebreak, filters and searches', async () => {
    const { made, cats } = await generate(300);
    const label = new Map(cats.map((c) => [c.code, c.label.toLowerCase()]));
    const rank = (xs: readonly string[]) => (v: string) => xs.indexOf(v);
    // Each sort order's keys; for the enum columns the incident date is the second key (the
    // order of their indexes, migration 007), then the id.
    const key: Record<string, (r: IncidentRow) => (string | number)[]> = {
      datumVoorval: (r) => [r.datumVoorval],
      datumMelding: (r) => [r.datumMelding],
      nummer: (r) => [`${r.nummer.slice(1, 5)}${r.nummer.slice(6).padStart(8, '0')}`],
      categorie: (r) => [label.get(r.categorie)!, r.datumVoorval],
      platform: (r) => [r.platform, r.datumVoorval],
      ernst: (r) => [rank(ERNST.codes)(r.ernst), r.datumVoorval],
      status: (r) => [rank(INCIDENT_STATUS.codes)(r.status), r.datumVoorval],
    };
    const cmp = (a: (string | number)[], b: (string | number)[]) => {
      for (let n = 0; n < a.length; n++) if (a[n] !== b[n]) return a[n] < b[n] ? -1 : 1;
      return 0;
    };
    const rows = made.map((m) => m.row);
    for (const [field, k] of Object.entries(key)) {
      for (const dir of ['asc', 'desc'] as const) {
        const sign = dir === 'asc' ? 1 : -1;
        const expected = [...rows].sort((a, b) => sign * (cmp(k(a), k(b)) || a.id - b.id)).map((r) => r.id);
        expect(await allPages({ sort: { field, dir } }), `${field} ${dir}`).toEqual(expected);
      }
    }
    // the default: newest incident first
    const first = await t.call('incidents.list', { limit: 1 });
    expect(first.rows[0].datumVoorval).toBe(
      [...rows]
        .map((r) => r.datumVoorval)
        .sort()
        .at(-1),
    );

    const byDate = (xs: IncidentRow[]) =>
      [...xs].sort((a, b) => (a.datumVoorval < b.datumVoorval ? 1 : a.datumVoorval > b.datumVoorval ? -1 : b.id - a.id)).map((r) => r.id);
    const check = async (filter: Record<string, unknown>, pred: (m: Made) => boolean, search?: string) => {
      const expected = byDate(made.filter(pred).map((m) => m.row));
      const got = await allPages({ filter, ...(search ? { search } : {}) });
      expect(got, JSON.stringify({ filter, search })).toEqual(expected);
      return expected.length;
    };
    expect(await check({ status: ['open', 'afgesloten'] }, (m) => ['open', 'afgesloten'].includes(m.row.status))).toBeGreaterThan(50);
    expect(
      await check({ categorie: ['pesten', 'overig', 'stalking'] }, (m) => ['pesten', 'overig', 'stalking'].includes(m.row.categorie)),
    ).toBeGreaterThan(10);
    expect(await check({ platform: ['tiktok'] }, (m) => m.row.platform === 'tiktok')).toBeGreaterThan(10);
    expect(await check({ ernst: ['zeer_hoog'] }, (m) => m.row.ernst === 'zeer_hoog')).toBeGreaterThan(30);
    expect(await check({ schooljaar: '2025-2026' }, (m) => m.row.schooljaar === '2025-2026')).toBeGreaterThan(100);
    const someone = made[0].people[0];
    expect(await check({ personId: someone }, (m) => m.people.includes(someone))).toBeGreaterThan(5);
    expect(
      await check(
        { schooljaar: '2026-2027', ernst: ['hoog', 'laag'], status: ['open'] },
        (m) => m.row.schooljaar === '2026-2027' && ['hoog', 'laag'].includes(m.row.ernst) && m.row.status === 'open',
      ),
    ).toBeGreaterThan(0);
    expect(await check({}, (m) => m.row.omschrijving.includes('filmpje'), 'filmp')).toBeGreaterThan(30);
    expect(
      await check(
        { status: ['open'] },
        (m) =>
          (m.row.status === 'open' && m.row.daders.includes('Jansen')) ||
          (m.row.status === 'open' && m.row.slachtoffers.includes('Jansen')),
        'jansen',
      ),
    ).toBeGreaterThan(0);
    const empty = await t.call('incidents.list', { filter: { schooljaar: '2019-2020' } });
    expect(empty).toEqual({ rows: [], total: 0, volgende: null });
  });
});

// ---------------------------------------------------------------------------------------------
describe('evidence', () => {
  it('copies a file under a generated name, keeps its original name and hash, and audits viewing', async () => {
    const w = await world();
    const inc = await t.call('incidents.create', base({ betrokkenen: [{ personId: w.dader.id, rol: 'dader' }] }));
    const bytes = Buffer.from('schermafbeelding-inhoud');
    const ev = await t.call('evidence.add', {
      incidentId: inc.id,
      bestandsnaam: '../../etc/passwd.PNG',
      inhoudBase64: bytes.toString('base64'),
      omschrijving: 'Schermafbeelding van de chat',
      beveiligdOp: '2026-10-06',
    });
    expect(ev).toMatchObject({
      soort: 'bestand',
      bestandsnaam: '../../etc/passwd.PNG',
      mime: 'image/png',
      grootte: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      beveiligdOp: '2026-10-06',
      url: null,
    });
    const dir = path.join(t.core.ctx.files.root, 'bewijs');
    const stored = fs.readdirSync(dir);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatch(/^[0-9a-f-]{36}\.png$/);
    expect(fs.readFileSync(path.join(dir, stored[0])).equals(bytes)).toBe(true);
    expect(fs.existsSync(path.resolve(t.core.ctx.files.root, '../../etc/passwd.PNG'))).toBe(false);

    const got = await t.call('evidence.get', { id: ev.id });
    expect(got).toEqual({ bewijs: ev, inhoudBase64: bytes.toString('base64'), intact: true });
    expect((await t.call('incidents.get', { id: inc.id })).bewijs).toEqual([ev]);
    const audit = await t.call('audit.forRecord', { entity: 'bewijs', entityId: String(ev.id) });
    expect(audit.map((a) => a.action)).toEqual(['bekeken', 'toegevoegd']);
    expect(audit[0].after).toEqual({ incidentId: inc.id, bestandsnaam: '../../etc/passwd.PNG', intact: true });
  });

  it('reports a file that no longer matches its hash', async () => {
    await world();
    const inc = await t.call('incidents.create', base());
    const ev = await t.call('evidence.add', {
      incidentId: inc.id,
      bestandsnaam: 'chat.txt',
      inhoudBase64: Buffer.from('origineel').toString('base64'),
      beveiligdOp: '2026-10-06',
    });
    const dir = path.join(t.core.ctx.files.root, 'bewijs');
    const file = path.join(dir, fs.readdirSync(dir)[0]);
    fs.chmodSync(file, 0o600);
    fs.writeFileSync(file, 'gewijzigd');
    expect((await t.call('evidence.get', { id: ev.id })).intact).toBe(false);
    // the incident's evidence list says so too, before anyone opens the file
    expect((await t.call('incidents.get', { id: inc.id })).bewijs).toMatchObject([{ id: ev.id, intact: false }]);
    fs.rmSync(file);
    expect(await fails('evidence.get', { id: ev.id })).toMatchObject({ code: 'NIET_GEVONDEN' });
    expect((await t.call('incidents.get', { id: inc.id })).bewijs).toMatchObject([{ id: ev.id, intact: false }]);
  });

  it('keeps a link as text', async () => {
    await world();
    const inc = await t.call('incidents.create', base());
    const ev = await t.call('evidence.add', {
      incidentId: inc.id,
      url: 'https://www.instagram.com/nep.account/',
      beveiligdOp: '2026-10-06',
    });
    expect(ev).toMatchObject({
      soort: 'link',
      url: 'https://www.instagram.com/nep.account/',
      bestandsnaam: null,
      sha256: null,
      grootte: null,
      mime: null,
    });
    expect(await t.call('evidence.get', { id: ev.id })).toEqual({ bewijs: ev, inhoudBase64: null, intact: null });
  });

  it('refuses empty, too large, unreadable and misplaced evidence with Dutch messages', async () => {
    await world();
    const inc = await t.call('incidents.create', base());
    const add = (extra: Record<string, unknown>) =>
      fails('evidence.add', { incidentId: inc.id, bestandsnaam: 'a.png', beveiligdOp: '2026-10-06', ...extra });
    expect(await add({ inhoudBase64: '' })).toMatchObject({ code: 'VALIDATIE' });
    expect(await add({ inhoudBase64: '====' })).toMatchObject({ field: 'inhoudBase64' });
    expect(await add({ inhoudBase64: ' \n ' })).toMatchObject({ field: 'inhoudBase64', message: 'Het bestand is leeg.' });
    expect(await add({ inhoudBase64: 'ni%t*base64' })).toMatchObject({
      field: 'inhoudBase64',
      message: 'Het bestand kon niet worden gelezen. Probeer het opnieuw toe te voegen.',
    });
    const big = Buffer.alloc(25_000_001, 1).toString('base64');
    expect(await add({ inhoudBase64: big })).toMatchObject({ field: 'inhoudBase64', message: 'Een bestand mag hoogstens 25 MB zijn.' });
    expect(await add({ inhoudBase64: 'QUJD', beveiligdOp: '2026-12-01' })).toMatchObject({ field: 'beveiligdOp' });
    expect(await fails('evidence.add', { incidentId: 999, url: 'https://example.org/', beveiligdOp: '2026-10-06' })).toMatchObject({
      code: 'NIET_GEVONDEN',
    });
    expect(await fails('evidence.add', { incidentId: inc.id, url: 'javascript:alert(1)', beveiligdOp: '2026-10-06' })).toMatchObject({
      field: 'url',
    });
    expect(await fails('evidence.add', { incidentId: inc.id, beveiligdOp: '2026-10-06' })).toMatchObject({
      field: 'inhoudBase64',
      message: 'Voeg een bestand of een link toe.',
    });
    expect(count('evidence')).toBe(0);
    expect(
      fs.existsSync(path.join(t.core.ctx.files.root, 'bewijs')) ? fs.readdirSync(path.join(t.core.ctx.files.root, 'bewijs')) : [],
    ).toEqual([]);
  });
});

describe('the grid at scale (migration 007)', () => {
  let t: TestCore;
  afterEach(() => t?.cleanup());

  it('keeps the precomputed counts equal to count(*) through inserts, updates and filters', async () => {
    t = makeTestCore();
    const db = t.core.db;
    const now = '2026-01-01T00:00:00Z';
    const ins = db.prepare(
      `INSERT INTO incident (nummer, datum_voorval, datum_melding, locatie, platform, categorie, ernst, omschrijving, status, schooljaar, created_at, updated_at)
       VALUES (?, ?, ?, 'in_school', ?, ?, ?, 'x', ?, ?, ?, ?)`,
    );
    const platforms = ['whatsapp', 'tiktok', 'x'];
    const cats = ['pesten', 'kwetsen', 'overig'];
    for (let n = 0; n < 120; n++) {
      const d = `202${4 + (n % 2)}-0${1 + (n % 9)}-1${n % 10}`;
      ins.run(
        `M2099-${n}`,
        d,
        d,
        platforms[n % 3],
        cats[n % 3 === 0 ? 0 : n % 2],
        ['laag', 'hoog'][n % 2],
        ['open', 'afgesloten'][n % 2],
        `${n % 2 ? '2024-2025' : '2023-2024'}`,
        now,
        now,
      );
    }
    db.prepare(`UPDATE incident SET status = 'in_onderzoek', categorie = 'overig' WHERE id % 7 = 0`).run();
    db.prepare(`DELETE FROM incident WHERE id % 11 = 0`).run();
    const filters: Record<string, unknown>[] = [
      {},
      { status: ['open'] },
      { categorie: ['pesten', 'overig'] },
      { platform: ['x'], ernst: ['hoog'] },
      { schooljaar: '2024-2025', status: ['in_onderzoek'] },
    ];
    for (const filter of filters) {
      const page = await t.call('incidents.list', { limit: 5, filter });
      const where = Object.entries(filter)
        .map(([k, v]) => (Array.isArray(v) ? `${k} IN (${v.map((x) => `'${x}'`).join(',')})` : `${k} = '${v}'`))
        .join(' AND ');
      const n = (db.prepare(`SELECT count(*) AS n FROM incident ${where ? `WHERE ${where}` : ''}`).get() as { n: number }).n;
      expect(page.total, JSON.stringify(filter)).toBe(n);
    }
  });

  it('continues a page from its keyset cursor exactly where offset paging would', async () => {
    t = makeTestCore();
    const db = t.core.db;
    const now = '2026-01-01T00:00:00Z';
    const ins = db.prepare(
      `INSERT INTO incident (nummer, datum_voorval, datum_melding, locatie, platform, categorie, ernst, omschrijving, status, schooljaar, created_at, updated_at)
       VALUES (?, ?, ?, 'in_school', 'x', ?, ?, 'x', 'open', '2025-2026', ?, ?)`,
    );
    for (let n = 0; n < 95; n++)
      ins.run(
        `M2025-${n + 1}`,
        `2025-10-${String(1 + (n % 5)).padStart(2, '0')}`,
        '2025-10-06',
        ['pesten', 'kwetsen'][n % 2],
        ['laag', 'hoog', 'middel'][n % 3],
        now,
        now,
      );
    // Every sort order (keys that are columns and keys that are expressions, with many ties in the
    // first keys), both directions, with and without a filter.
    for (const [filter, n] of [
      [{}, 95],
      [{ ernst: ['laag', 'hoog'] }, 64],
    ] as [{ ernst?: ('laag' | 'hoog')[] }, number][]) {
      for (const field of incidentSortField.options) {
        for (const dir of ['asc', 'desc'] as const) {
          const viaOffset: number[] = [];
          const viaCursor: number[] = [];
          let na: string | undefined;
          for (let offset = 0; offset < n; offset += 10) {
            viaOffset.push(...(await t.call('incidents.list', { offset, limit: 10, sort: { field, dir }, filter })).rows.map((r) => r.id));
            const page = await t.call('incidents.list', { offset, limit: 10, sort: { field, dir }, filter, na });
            viaCursor.push(...page.rows.map((r) => r.id));
            na = page.volgende ?? undefined;
          }
          expect(viaCursor, `${field} ${dir} ${JSON.stringify(filter)}`).toEqual(viaOffset);
          expect(new Set(viaCursor).size).toBe(n);
        }
      }
    }
  });

  it('jumps deep into a long list through sampled positions, exactly where OFFSET lands, and never on stale ones', async () => {
    t = makeTestCore();
    const db = t.core.db;
    const now = '2026-01-01T00:00:00Z';
    const ins = db.prepare(
      `INSERT INTO incident (nummer, datum_voorval, datum_melding, locatie, platform, categorie, ernst, omschrijving, status, schooljaar, created_at, updated_at)
       VALUES (?, ?, ?, 'in_school', ?, ?, ?, 'x', ?, '2025-2026', ?, ?)`,
    );
    // Long enough to be sampled (SAMPLE_FROM), with many ties in every first key.
    const total = SAMPLE_FROM + 2_345;
    db.transaction(() => {
      for (let n = 0; n < total; n++) {
        const day = `2025-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;
        ins.run(
          `M${2020 + (n % 6)}-${n + 1}`,
          day,
          day,
          ['x', 'tiktok'][n % 2],
          ['pesten', 'kwetsen', 'overig'][n % 3],
          ['laag', 'hoog', 'middel'][n % 3],
          ['open', 'afgesloten', 'in_onderzoek'][n % 3],
          now,
          now,
        );
      }
    })();
    const offsets = [STEP - 1, STEP, STEP + 1, 7 * STEP + 321, total - 150, total - 100];
    const ids = async (input: Record<string, unknown>) => (await t.call('incidents.list', { limit: 100, ...input })).rows.map((r) => r.id);
    for (const [sort, filter] of [
      ...incidentSortField.options
        .flatMap((field) => [
          { field, dir: 'desc' as const },
          { field, dir: 'asc' as const },
        ])
        .map((s) => [s, {}] as const),
      [{ field: 'ernst' as const, dir: 'desc' as const }, { platform: ['x' as const] }] as const,
    ]) {
      // Before any sample exists the jumps skip by OFFSET: that is the truth to hold them to.
      const truth = [];
      for (const offset of offsets) truth.push(await ids({ offset, sort, filter }));
      await samplesSettled(db);
      expect(sampleCounts(db).some((n) => n > 0)).toBe(true);
      for (const [n, offset] of offsets.entries())
        expect(await ids({ offset, sort, filter }), `${JSON.stringify(sort)} ${offset}`).toEqual(truth[n]);
    }
    // A change makes every sample stale: the jump lands on the new rows, not where the old ones were.
    const sort = { field: 'nummer' as const, dir: 'desc' as const };
    await ids({ offset: 0, sort });
    await samplesSettled(db);
    const before = await ids({ offset: 5 * STEP, sort });
    // The first three rows in this order go: every row from the jump on moves up three places.
    db.prepare(
      `DELETE FROM incident WHERE id IN (SELECT id FROM incident ORDER BY CAST(substr(nummer, 2, 4) AS INTEGER) DESC, CAST(substr(nummer, 7) AS INTEGER) DESC, id DESC LIMIT 3)`,
    ).run();
    const afterOwnWrite = await ids({ offset: 5 * STEP, sort });
    expect(afterOwnWrite).not.toEqual(before);
    expect(afterOwnWrite.slice(0, 97)).toEqual(before.slice(3));
    // And a change by another process (the CLI beside the app) too.
    await samplesSettled(db);
    const other = openDatabase(t.dbPath, { key: t.key, noMigrate: true });
    other
      .prepare(
        `DELETE FROM incident WHERE id IN (SELECT id FROM incident ORDER BY CAST(substr(nummer, 2, 4) AS INTEGER) DESC, CAST(substr(nummer, 7) AS INTEGER) DESC, id DESC LIMIT 2)`,
      )
      .run();
    other.close();
    expect((await ids({ offset: 5 * STEP, sort })).slice(0, 98)).toEqual(afterOwnWrite.slice(2));
  });

  it('caps a quick search that matches very many incidents and says so', async () => {
    t = makeTestCore();
    const db = t.core.db;
    const ins = db.prepare(`INSERT INTO incident_fts (rowid, nummer, omschrijving, namen) VALUES (?, ?, 'groepsapp bericht', '')`);
    const inc = db.prepare(
      `INSERT INTO incident (id, nummer, datum_voorval, datum_melding, locatie, platform, categorie, ernst, omschrijving, status, schooljaar, created_at, updated_at)
       VALUES (?, ?, '2025-10-01', '2025-10-01', 'in_school', 'x', 'pesten', 'laag', 'groepsapp bericht', 'open', '2025-2026', 'x', 'x')`,
    );
    for (let n = 1; n <= SEARCH_CAP + 50; n++) {
      inc.run(n, `M2025-${n}`);
      ins.run(n, `M2025-${n}`);
    }
    const page = await t.call('incidents.list', { limit: 10, search: 'groepsapp' });
    expect(page.total).toBe(SEARCH_CAP);
    expect(page.totaalIsMinimum).toBe(true);
    const few = await t.call('incidents.list', { limit: 10, search: 'M2025-1050' });
    expect(few.totaalIsMinimum).toBeUndefined();
  });
});
