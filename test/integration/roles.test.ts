// Roles (docs/SERVER.md, "Wat de rollen mogen"): every method of the contract names the roles that
// may call it; the core refuses the others before anything runs, runs the rest under the caller's
// name, and limits the reads of teamleider, mentor and zorg to their groups.
import fs from 'node:fs';
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { makeTestCore, type TestCore } from '../support/core';
import { api } from '../../src/shared/api';
import type { MethodName, Input, Output } from '../../src/shared/api';
import type { Caller } from '../../src/shared/api/caller';
import { ACCOUNT_ROL } from '../../src/shared/domain';
import type { AccountRol } from '../../src/shared/domain';
import { GROEP_GEBONDEN } from '../../src/shared/api/roles';
import { BEGIN, END, SERVER_MD, rolesTable } from '../../scripts/roles-table';

const METHODS = Object.keys(api) as MethodName[];
const ROLES = ACCOUNT_ROL.codes;

const callerOf = (rol: AccountRol, groepen: string[] | null = GROEP_GEBONDEN.includes(rol) ? ['2A'] : null): Caller => ({
  rol,
  actor: `Test ${rol}`,
  accountId: 7,
  groepen,
});

let t: TestCore;
beforeEach(() => {
  t = makeTestCore({ now: '2026-11-16T09:00:00Z' });
});
afterEach(() => t.cleanup());

const auditCount = () => (t.core.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;

/** Every table's row count, to see that a refused call changed nothing at all. */
function snapshot(): string {
  const tables = t.core.db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%' ORDER BY name`)
    .pluck()
    .all() as string[];
  return tables.map((n) => `${n}=${(t.core.db.prepare(`SELECT count(*) AS n FROM "${n}"`).get() as { n: number }).n}`).join(' ');
}

async function as<M extends MethodName>(caller: Caller, method: M, input: Input<M>): Promise<Output<M>> {
  const r = await t.core.invoke(method, input, caller);
  if (!r.ok) throw new Error(`${method} as ${caller.rol}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

async function refused(caller: Caller, method: MethodName, input: unknown): Promise<string> {
  const r = await t.core.invoke(method, input, caller);
  expect(r.ok, `${method} as ${caller.rol} should be refused`).toBe(false);
  if (r.ok) return '';
  expect(r.error.code, `${method} as ${caller.rol}: ${r.error.message}`).toBe('GEEN_TOEGANG');
  return r.error.message;
}

describe('the contract declares the roles of every method', () => {
  it('every method has a set of known roles that holds the school leader', () => {
    for (const m of METHODS) {
      const rollen = api[m].rollen;
      expect(rollen.length, m).toBeGreaterThan(0);
      expect(rollen, m).toContain('schoolleider');
      for (const r of rollen) expect(ROLES, `${m}: ${r}`).toContain(r);
    }
  });

  it('the table in docs/SERVER.md is the one the contract makes (npx tsx scripts/roles-table.ts)', () => {
    const doc = fs.readFileSync(SERVER_MD, 'utf8');
    const a = doc.indexOf(BEGIN);
    const b = doc.indexOf(END);
    expect(a).toBeGreaterThanOrEqual(0);
    expect(doc.slice(a + BEGIN.length, b).trim()).toBe(rolesTable());
  });

  // The policy in words (docs/SERVER.md), checked against the declarations.
  const allowed = (rol: AccountRol) => METHODS.filter((m) => api[m].rollen.includes(rol));

  it('a medewerker only reports', () => {
    const basics = ['app.status', 'school.get', 'session.who.get', 'trust.lockStatus', 'people.search', 'categories.list'];
    for (const m of allowed('medewerker'))
      expect(basics.includes(m) || m === 'submissions.create' || m === 'submissions.mine' || m.startsWith('accounts.'), m).toBe(true);
    expect(allowed('medewerker')).toContain('submissions.create');
  });

  it('the beheerder and the anti-pestcoördinator read no pupil by name', () => {
    const named = METHODS.filter(
      (m) =>
        /^(people|dossier|incidents|evidence|measures|externalReports|letters|exports|audit)\./.test(m) ||
        /^obligations\.(list|get|advice|dashboard|checklist)/.test(m),
    );
    expect(named.length).toBeGreaterThan(30);
    for (const m of named) {
      expect(api[m].rollen, m).not.toContain('beheerder');
      expect(api[m].rollen, m).not.toContain('anti_pest');
    }
    for (const m of [
      'trust.retention.list',
      'trust.accessRequests.list',
      'trust.holds.list',
      'submissions.list',
      'trust.attention',
    ] as MethodName[]) {
      expect(api[m].rollen, m).not.toContain('beheerder');
    }
    expect(allowed('anti_pest')).toEqual(expect.arrayContaining(['reports.year', 'evaluations.record', 'calendar.list', 'calendar.ics']));
    expect(allowed('beheerder')).toEqual(expect.arrayContaining(['trust.backup.now', 'trust.settings.save', 'trust.restore']));
  });

  it('teamleider, mentor and zorg read but do not finalise, destroy, configure or import', () => {
    const never: MethodName[] = [
      'letters.finalise',
      'trust.retention.destroy',
      'obligations.settings.save',
      'letters.settings.save',
      'trust.settings.save',
      'imports.roster.apply',
      'school.save',
      'measures.create',
      'exports.people',
    ];
    for (const rol of GROEP_GEBONDEN) {
      for (const m of never) expect(api[m].rollen, `${m} ${rol}`).not.toContain(rol);
      for (const m of ['people.get', 'incidents.get', 'dossier.get', 'measures.list', 'obligations.list'] as MethodName[])
        expect(api[m].rollen, `${m} ${rol}`).toContain(rol);
    }
    // zorg writes nothing but his own report and his own account.
    for (const m of allowed('zorg').filter((m) => api[m].kind === 'write'))
      expect(m.startsWith('submissions.') || m.startsWith('accounts.'), m).toBe(true);
  });
});

describe('the core checks every method for every role', () => {
  it('refuses what the role may not call, changing nothing; lets through what it may', async () => {
    await t.call('school.save', { naam: 'De Linde', sector: 'VO', regio: 'midden' });
    let refusals = 0;
    for (const rol of ROLES) {
      const caller = callerOf(rol);
      for (const m of METHODS) {
        if (api[m].rollen.includes(rol)) {
          // Input that no schema accepts: the call gets past the role check and stops at validation.
          const r = await t.core.invoke(m, 42 as never, caller);
          expect(r.ok, `${m} as ${rol}`).toBe(false);
          if (!r.ok) expect(r.error.code, `${m} as ${rol}: ${r.error.message}`).not.toBe('GEEN_TOEGANG');
        } else {
          // Empty input, which many methods accept: only the role check stands between it and a change.
          const before = snapshot();
          const audit = auditCount();
          const message = await refused(caller, m, {});
          expect(message).toMatch(/^Dit mag u niet doen met uw rol \(.+\)\./);
          expect(auditCount(), `${m} as ${rol}`).toBe(audit);
          expect(snapshot(), `${m} as ${rol}`).toBe(before);
          refusals++;
        }
      }
    }
    expect(refusals).toBeGreaterThan(METHODS.length * 3);
  });

  it('refuses a role the contract does not know, and checks the role before the input', async () => {
    const stranger = { rol: 'directeur' as AccountRol, actor: 'X', accountId: 9, groepen: null };
    expect(await refused(stranger, 'app.status', {})).toMatch(/Vraag het de schoolleider/);
    // Bad input to a refused method: the answer is the refusal, not the validation.
    await refused(callerOf('medewerker'), 'people.create', { soort: 'marsmannetje' });
  });

  it('the school leader as a caller may call every method', async () => {
    for (const m of METHODS) {
      const r = await t.core.invoke(m, 42 as never, callerOf('schoolleider'));
      if (!r.ok) expect(r.error.code, m).not.toBe('GEEN_TOEGANG');
    }
  });
});

type Betrokkene = { personId: number; rol: 'dader' | 'slachtoffer' | 'getuige' };
const incidentInput = (omschrijving: string, betrokkenen: Betrokkene[], ernst: 'laag' | 'middel' | 'hoog' = 'hoog') => ({
  datumVoorval: '2026-11-10',
  datumMelding: '2026-11-10',
  locatie: 'in_school' as const,
  platform: 'whatsapp' as const,
  categorie: 'pesten',
  ernst,
  omschrijving,
  betrokkenen,
});

async function twoGroups() {
  await t.call('school.save', { naam: 'De Linde', sector: 'VO', regio: 'midden' });
  const anna = await t.call('people.create', {
    soort: 'leerling',
    voornaam: 'Anna',
    achternaam: 'de Vries',
    groep: '2A',
    leerlingnummer: '12345',
  });
  const bram = await t.call('people.create', { soort: 'leerling', voornaam: 'Bram', achternaam: 'Jansen', groep: '3B' });
  const ouder = await t.call('people.create', { soort: 'ouder', voornaam: 'Els', achternaam: 'de Vries' });
  await t.call('people.linkGuardian', { leerlingId: anna.id, ouderId: ouder.id });
  const collega = await t.call('people.create', { soort: 'medewerker', voornaam: 'Bram', achternaam: 'Docent' });
  const inc = (omschrijving: string, betrokkenen: Betrokkene[]) => t.call('incidents.create', incidentInput(omschrijving, betrokkenen));
  const samen = await inc('Anna en Bram op het plein.', [
    { personId: anna.id, rol: 'dader' },
    { personId: bram.id, rol: 'slachtoffer' },
  ]);
  const alleenBram = await inc('Bram in de kantine.', [{ personId: bram.id, rol: 'dader' }]);
  const schorsing = (incidentId: number, personId: number) =>
    t.call('measures.create', {
      incidentId,
      personId,
      soort: 'schorsing',
      besluitDatum: '2026-11-11',
      startdatum: '2026-11-12',
      einddatum: '2026-11-13',
      vorm: 'extern',
    });
  const annaMaatregel = await schorsing(samen.id, anna.id);
  const bramMaatregel = await schorsing(alleenBram.id, bram.id);
  const bramInSamen = await t.call('measures.create', {
    incidentId: samen.id,
    personId: bram.id,
    soort: 'gesprek',
    besluitDatum: '2026-11-11',
  });
  return { anna, bram, ouder, collega, samen, alleenBram, annaMaatregel, bramMaatregel, bramInSamen };
}

describe('a mentor of 2A reads 2A only', () => {
  const mentor = callerOf('mentor', ['2A']);

  it('opens a 2A pupil, their incident and dossier; not a 3B pupil nor theirs', async () => {
    const w = await twoGroups();
    expect((await as(mentor, 'people.get', { id: w.anna.id })).naam).toBe('Anna de Vries');
    expect((await as(mentor, 'dossier.get', { personId: w.anna.id })).persoon.id).toBe(w.anna.id);
    expect((await as(mentor, 'people.get', { id: w.ouder.id })).id).toBe(w.ouder.id);
    const samen = await as(mentor, 'incidents.get', { id: w.samen.id });
    expect(samen.betrokkenen.map((b) => b.persoon.id).sort()).toEqual([w.anna.id, w.bram.id].sort());
    // The incident names Bram, but his measure in it stays with the school leader.
    expect(samen.maatregelen.map((m) => m.id)).toEqual([w.annaMaatregel.id]);
    expect((await t.call('incidents.get', { id: w.samen.id })).maatregelen.map((m) => m.id).sort()).toEqual(
      [w.annaMaatregel.id, w.bramInSamen.id].sort(),
    );
    // What a save answers is the incident as the mentor sees it, not as it is stored.
    const saved = await as(mentor, 'incidents.update', {
      ...incidentInput(
        'Anna en Bram op het plein, gezien.',
        [
          { personId: w.anna.id, rol: 'dader' },
          { personId: w.bram.id, rol: 'slachtoffer' },
        ],
      ),
      id: w.samen.id,
      versie: samen.versie,
    });
    expect(saved.maatregelen.map((m) => m.id)).toEqual([w.annaMaatregel.id]);

    const audit = auditCount();
    expect(await refused(mentor, 'people.get', { id: w.bram.id })).toBe('Deze leerling hoort niet bij uw groepen.');
    expect(await refused(mentor, 'dossier.get', { personId: w.bram.id })).toBe('Deze leerling hoort niet bij uw groepen.');
    expect(await refused(mentor, 'incidents.get', { id: w.alleenBram.id })).toMatch(/niet over een leerling uit uw groepen/);
    await refused(mentor, 'people.get', { id: w.collega.id });
    await refused(mentor, 'measures.get', { id: w.bramMaatregel.id });
    await refused(mentor, 'measures.list', { personId: w.bram.id });
    await refused(mentor, 'measures.list', { incidentId: w.alleenBram.id });
    await refused(mentor, 'externalReports.list', { incidentId: w.alleenBram.id });
    await refused(mentor, 'obligations.list', { personId: w.bram.id });
    await refused(mentor, 'obligations.list', { incidentId: w.alleenBram.id });
    await refused(mentor, 'incidents.list', { offset: 0, limit: 50, filter: { personId: w.bram.id } });
    await refused(mentor, 'obligations.advice', { incidentId: w.alleenBram.id });
    await refused(mentor, 'incidents.update', {
      ...incidentInput('Bram in de kantine.', [{ personId: w.bram.id, rol: 'dader' }], 'laag'),
      id: w.alleenBram.id,
    });
    expect(auditCount()).toBe(audit);
    // The school leader still opens everything.
    expect((await t.call('people.get', { id: w.bram.id })).naam).toBe('Bram Jansen');
  });

  it('sees only 2A in the lists', async () => {
    const w = await twoGroups();
    const people = await as(mentor, 'people.list', { offset: 0, limit: 100 });
    expect(people.rows.map((r) => r.id).sort()).toEqual([w.anna.id, w.ouder.id].sort());
    expect(people.total).toBe(2);
    expect((await t.call('people.list', { offset: 0, limit: 100 })).total).toBe(4);

    const incidents = await as(mentor, 'incidents.list', { offset: 0, limit: 50 });
    expect(incidents.rows.map((r) => r.id)).toEqual([w.samen.id]);
    expect(incidents.total).toBe(1);
    expect((await t.call('incidents.list', { offset: 0, limit: 50 })).total).toBe(2);

    expect((await as(mentor, 'measures.list', {})).map((m) => m.id)).toEqual([w.annaMaatregel.id]);
    expect((await as(mentor, 'measures.list', { incidentId: w.samen.id })).map((m) => m.id)).toEqual([w.annaMaatregel.id]);

    const all = await t.call('obligations.list', { offset: 0, limit: 200 });
    const mine = await as(mentor, 'obligations.list', { offset: 0, limit: 200 });
    expect(all.rows.some((o) => o.personId === w.bram.id)).toBe(true);
    expect(mine.rows.length).toBeGreaterThan(0);
    for (const o of mine.rows)
      expect(o.personId === w.anna.id || (o.personId === null && o.incidentId === w.samen.id), JSON.stringify(o)).toBe(true);
    expect(mine.total).toBe(
      all.rows.filter((o) => o.personId === w.anna.id || (o.personId === null && o.incidentId === w.samen.id)).length,
    );
    const one = all.rows.find((o) => o.personId === w.bram.id)!;
    await refused(mentor, 'obligations.get', { id: one.id });
    expect((await as(mentor, 'obligations.get', { id: mine.rows[0].id })).id).toBe(mine.rows[0].id);

    // The person picker: the pupils of 2A (and their parents) and the staff, not 3B.
    expect((await as(mentor, 'people.search', { q: 'Bram' })).map((p) => p.id)).toEqual([w.collega.id]);
    expect((await t.call('people.search', { q: 'Bram' })).map((p) => p.id).sort()).toEqual([w.bram.id, w.collega.id].sort());
  });

  it('a group-bound account without groups sees nobody; a zorg account with 3B sees 3B', async () => {
    const w = await twoGroups();
    expect((await as(callerOf('teamleider', null), 'people.list', { offset: 0, limit: 100 })).total).toBe(0);
    const zorg = callerOf('zorg', ['3b']);
    expect((await as(zorg, 'dossier.get', { personId: w.bram.id })).persoon.id).toBe(w.bram.id);
    await refused(zorg, 'dossier.get', { personId: w.anna.id });
    expect((await as(zorg, 'incidents.list', { offset: 0, limit: 50 })).total).toBe(2);
  });

  it('a medewerker finds pupils and staff for a report, without their pupil number', async () => {
    const w = await twoGroups();
    const found = await as(callerOf('medewerker'), 'people.search', { q: 'de Vries' });
    expect(found.map((p) => [p.id, p.groep, p.leerlingnummer])).toEqual([[w.anna.id, '2A', null]]);
    await refused(callerOf('medewerker'), 'people.get', { id: w.anna.id });
  });
});

describe('who did it', () => {
  it('records a call with a caller under the caller, and leaves the app user as it was', async () => {
    const w = await twoGroups();
    const mentor = { ...callerOf('mentor', ['2A']), actor: 'Samira Idrissi (mentor)' };
    const from = (t.core.db.prepare('SELECT max(id) FROM audit_log').pluck().get() as number) ?? 0;
    const created = await as(
      mentor,
      'incidents.create',
      incidentInput('Anna werd uitgelachen.', [{ personId: w.anna.id, rol: 'slachtoffer' }], 'laag'),
    );
    const own = t.core.db.prepare(`SELECT actor FROM audit_log WHERE entity = 'melding' AND entity_id = ?`).pluck().all(String(created.id));
    expect(own).toEqual(['Samira Idrissi (mentor)']);
    // Everything the call wrote (the incident, its obligations) names the mentor.
    const all = t.core.db.prepare('SELECT actor FROM audit_log WHERE id > ?').pluck().all(from) as string[];
    expect(new Set(all)).toEqual(new Set(['Samira Idrissi (mentor)']));

    // The core's own user is untouched: a call without a caller is the school leader under 'test'.
    expect(t.core.ctx.actor).toBe('test');
    expect(t.core.ctx.caller.rol).toBe('schoolleider');
    await t.call('incidents.update', {
      ...incidentInput('Anna werd uitgelachen.', [{ personId: w.anna.id, rol: 'slachtoffer' }], 'middel'),
      id: created.id,
    });
    const last = t.core.db.prepare('SELECT actor FROM audit_log ORDER BY id DESC LIMIT 1').pluck().get();
    expect(last).toBe('test');
    expect((await t.call('session.who.get', {})).actor).toBe('test');
    expect((await as(mentor, 'session.who.get', {})).actor).toBe('Samira Idrissi (mentor)');
  });
});
