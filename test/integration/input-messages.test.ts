// Messages a school leader reads when a form is incomplete: what to choose (not "record"), and an
// emptied date field is a missing date (the screen shows dd-mm-jjjj; ISO is for the API only).
import { describe, it, expect, afterEach } from 'vitest';
import { makeTestCore, type TestCore } from '../support/core';

let t: TestCore;
afterEach(() => t?.cleanup());

describe('input messages', () => {
  it('says what to choose and that a date is missing, and changes nothing', async () => {
    t = makeTestCore();
    await t.call('school.save', { naam: 'De Linde', sector: 'VO', regio: 'midden' });
    const before = (await t.call('incidents.list', { offset: 0, limit: 10 })).total;
    const r = await t.core.invoke('incidents.create', {
      datumVoorval: '',
      datumMelding: '2026-11-16',
      locatie: 'buiten_school',
      platform: 'tiktok',
      categorie: 'bedreiging',
      ernst: 'hoog',
      omschrijving: 'Een video.',
      betrokkenen: [{ personId: null as unknown as number, rol: 'dader' }],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.fields?.datumVoorval).toBe('Vul een datum in.');
      expect(r.error.fields?.['betrokkenen.0.personId']).toBe('Kies een persoon uit de lijst.');
    }
    const m = await t.core.invoke('measures.create', { incidentId: 0, personId: 2.5, soort: 'gesprek', besluitDatum: '2026-11-16' });
    expect(m.ok).toBe(false);
    if (!m.ok) {
      expect(m.error.fields?.incidentId).toBe('Kies een melding uit de lijst.');
      expect(m.error.fields?.personId).toBe('Kies een persoon uit de lijst.');
    }
    expect((await t.call('incidents.list', { offset: 0, limit: 10 })).total).toBe(before);
  });
});
