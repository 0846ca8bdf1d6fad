// The start page's first-run checklist through the real core: every item starts open on a new school
// and flips the moment it is done where it is kept; and the date up to which tasks are pinned on top.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../support/core';
import type { StartChecklist } from '../../src/shared/api/obligations';

// A 2×1 PNG.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAEElEQVR4nGP4z8DAwMDAAAAHAgEA0rVJmgAAAABJRU5ErkJggg==';

let t: TestCore | undefined;
const folders: string[] = [];
afterEach(() => {
  t?.cleanup();
  t = undefined;
  for (const f of folders.splice(0)) fs.rmSync(f, { recursive: true, force: true });
});

const done = (c: StartChecklist) => Object.fromEntries(c.items.map((i) => [i.id, i.gedaan]));
const itemOf = (c: StartChecklist, id: string) => c.items.find((i) => i.id === id)!;

const plan = (datum: string) => ({
  datum,
  tijdStart: '19:30',
  tijdEind: '21:00',
  deelnemers: [
    { naam: 'Mw. Van Dijk', rol: 'anti_pestcoordinator' as const },
    { naam: 'Dhr. Bakker', rol: 'schoolleiding' as const },
  ],
});

describe('the first-run checklist', () => {
  it('starts with every item open, and each item flips when it is done', async () => {
    // Monday 7 December 2026.
    const tc = (t = makeTestCore({ now: '2026-12-07T09:00:00Z' }));
    await tc.call('school.save', { naam: 'De Linde', sector: 'PO', regio: 'midden' });
    const all = (v: boolean) => ({ protocol: v, personen: v, reservekopie: v, briefpapier: v, antipest: v, evaluatie: v });
    let c = await tc.call('obligations.startChecklist', {});
    expect(done(c)).toEqual(all(false));
    expect(c.compleet).toBe(false);
    expect(itemOf(c, 'protocol').link).toBe('#/instellingen/protocollen');

    // A protocol that only comes into force next month does not count yet.
    await tc.call('protocols.createFromTemplate', { ingangsdatum: '2027-01-04' });
    expect(done(await tc.call('obligations.startChecklist', {})).protocol).toBe(false);
    await tc.call('protocols.createFromTemplate', { ingangsdatum: '2026-12-07' });
    c = await tc.call('obligations.startChecklist', {});
    expect(done(c)).toEqual({ ...all(false), protocol: true });

    // A staff member alone is no roster: the pupils must be there.
    await tc.call('people.create', { soort: 'medewerker', voornaam: 'Joost', achternaam: 'Brinkman' });
    expect(done(await tc.call('obligations.startChecklist', {})).personen).toBe(false);
    await tc.call('people.create', { soort: 'leerling', voornaam: 'Noor', achternaam: 'Verhoeven' });
    expect(done(await tc.call('obligations.startChecklist', {}))).toEqual({ ...all(false), protocol: true, personen: true });

    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-backup-'));
    folders.push(folder);
    await tc.call('trust.settings.save', { backupMap: folder });
    expect(done(await tc.call('obligations.startChecklist', {})).reservekopie).toBe(true);

    // Logo and signatory: half done says what is missing and goes where that is set.
    await tc.call('letters.settings.save', { logoBase64: PNG });
    c = await tc.call('obligations.startChecklist', {});
    expect(itemOf(c, 'briefpapier')).toEqual({
      id: 'briefpapier',
      gedaan: false,
      ontbreekt: 'ondertekenaar',
      link: '#/instellingen/school',
    });
    await tc.call('school.save', { naam: 'De Linde', sector: 'PO', regio: 'midden', ondertekenaarNaam: 'M. Hoekstra' });
    expect(itemOf(await tc.call('obligations.startChecklist', {}), 'briefpapier')).toMatchObject({ gedaan: true, ontbreekt: null });
    await tc.call('letters.settings.save', { logoBase64: null });
    expect(itemOf(await tc.call('obligations.startChecklist', {}), 'briefpapier')).toEqual({
      id: 'briefpapier',
      gedaan: false,
      ontbreekt: 'logo',
      link: '#/instellingen/brieven',
    });
    await tc.call('letters.settings.save', { logoBase64: PNG });

    await tc.call('school.save', {
      naam: 'De Linde',
      sector: 'PO',
      regio: 'midden',
      ondertekenaarNaam: 'M. Hoekstra',
      antiPestNaam: 'Mw. Van Dijk',
    });
    c = await tc.call('obligations.startChecklist', {});
    expect(done(c)).toEqual({ ...all(true), evaluatie: false });
    expect(c.compleet).toBe(false);

    // An evaluation planned for a day that has passed (and never recorded) is not a plan.
    const past = await tc.call('evaluations.plan', plan('2026-12-03'));
    expect(done(await tc.call('obligations.startChecklist', {})).evaluatie).toBe(false);
    await tc.call('evaluations.update', { id: past.id, ...plan('2027-03-11') });
    c = await tc.call('obligations.startChecklist', {});
    expect(done(c)).toEqual(all(true));
    expect(c.compleet).toBe(true);
  });
});

describe('tasks pinned on top of the start page', () => {
  const spoedTot = async (now: string) => {
    const c = makeTestCore({ now });
    try {
      await c.call('school.save', { naam: 'De Linde', sector: 'VO', regio: 'midden' });
      return (await c.call('obligations.dashboard', {})).spoedTot;
    } finally {
      c.cleanup();
    }
  };

  it('up to tomorrow, or the next school day after a weekend, at most four days ahead in a holiday', async () => {
    // Monday 7 December 2026: Tuesday.
    expect(await spoedTot('2026-12-07T09:00:00Z')).toBe('2026-12-08');
    // Friday 27 November 2026: Monday 30 November, so Monday's tasks are seen before the weekend.
    expect(await spoedTot('2026-11-27T09:00:00Z')).toBe('2026-11-30');
    // Friday 18 December 2026, the last day before the Christmas holiday: not until 4 January 2027.
    expect(await spoedTot('2026-12-18T09:00:00Z')).toBe('2026-12-22');
    // Thursday 31 December 2026, in the holiday: 4 January 2027 is four days ahead.
    expect(await spoedTot('2026-12-31T09:00:00Z')).toBe('2027-01-04');
  });
});
