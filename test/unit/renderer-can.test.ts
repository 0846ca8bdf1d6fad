// Who may call what, as the renderer decides which buttons to show (src/renderer/src/components/
// roleMayCall.ts, asked through server/can.ts with the logged-in role), against the real contract
// and the real core: a button shows exactly when the core would let the role call its method, and
// the single-PC app (no role) shows everything. The logged-in role itself: test/e2e/buttons.test.ts.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { makeTestCore, type TestCore } from '../support/core';
import { api, type MethodName } from '../../src/shared/api';
import type { Caller } from '../../src/shared/api/caller';
import { ACCOUNT_ROL, type AccountRol } from '../../src/shared/domain';
import { roleMayCall } from '../../src/renderer/src/components/roleMayCall';

const METHODS = Object.keys(api) as MethodName[];
const ROLES = [...ACCOUNT_ROL.codes] as AccountRol[];

describe('roleMayCall', () => {
  it('lets the single-PC app (no role) and the school leader call every method', () => {
    for (const m of METHODS) {
      expect(roleMayCall(null, m), m).toBe(true);
      expect(roleMayCall('schoolleider', m), m).toBe(true);
    }
  });

  it('keeps the school leader’s actions from a mentor, and leaves a mentor what the contract gives', () => {
    const refused: MethodName[] = [
      'people.create',
      'people.update',
      'people.linkGuardian',
      'exports.people',
      'exports.incidents',
      'letters.finalise',
      'letters.dossierExport',
      'trust.retention.destroy',
      'audit.forRecord',
      'measures.create',
      'evaluations.plan',
    ];
    const allowed: MethodName[] = ['people.list', 'people.get', 'dossier.get', 'incidents.create', 'incidents.update', 'evidence.add'];
    for (const m of refused) expect(roleMayCall('mentor', m), m).toBe(false);
    for (const m of allowed) expect(roleMayCall('mentor', m), m).toBe(true);
  });

  it('splits a page between roles as the contract does', () => {
    // Jaarcyclus: the anti-pest coordinator changes the calendar's setting, not the report's.
    expect(roleMayCall('anti_pest', 'calendar.settings.save')).toBe(true);
    expect(roleMayCall('anti_pest', 'reports.settings.save')).toBe(false);
    // The care coordinator reads an incident and its checklist but does not change the incident.
    expect(roleMayCall('zorg', 'incidents.get')).toBe(true);
    expect(roleMayCall('zorg', 'obligations.checklist.get')).toBe(true);
    expect(roleMayCall('zorg', 'incidents.update')).toBe(false);
    // The beheerder: accounts and breaches, no pupil data.
    expect(roleMayCall('beheerder', 'accounts.create')).toBe(true);
    expect(roleMayCall('beheerder', 'trust.breaches.create')).toBe(true);
    expect(roleMayCall('beheerder', 'people.list')).toBe(false);
    expect(roleMayCall('beheerder', 'trust.retention.list')).toBe(false);
  });
});

describe('roleMayCall agrees with the core', () => {
  let t: TestCore;
  beforeAll(() => {
    t = makeTestCore();
  });
  afterAll(() => t.cleanup());

  it('for every role and every method whose input a string cannot be: shown exactly when not refused', async () => {
    // A string is no valid input for these methods, so an allowed call stops at the input check and
    // changes nothing; a refused one stops before it, with GEEN_TOEGANG.
    const safe = METHODS.filter((m) => !api[m].input.safeParse('x').success);
    expect(safe.length).toBeGreaterThan(METHODS.length * 0.9);
    let refusedSeen = 0;
    for (const rol of ROLES) {
      const caller: Caller = { rol, actor: `Test (${rol})`, accountId: 1, groepen: [] };
      for (const m of safe) {
        const r = await t.core.invoke(m, 'x' as never, caller);
        const refused = !r.ok && r.error.code === 'GEEN_TOEGANG';
        if (refused) refusedSeen += 1;
        expect(roleMayCall(rol, m), `${rol} ${m}: ${r.ok ? 'ok' : r.error.code}`).toBe(!refused);
      }
    }
    expect(refusedSeen).toBeGreaterThan(0);
  });
});
