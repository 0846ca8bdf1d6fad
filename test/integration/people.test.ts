// People: soort-specific rules, unique numbers, search keys, the paged list, guardians and audit.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { makeTestCore, type TestCore } from '../support/core';

let t: TestCore;
beforeEach(() => {
  t = makeTestCore({ now: '2026-11-16T09:00:00Z' });
});
afterEach(() => t.cleanup());

const pupil = (extra: Record<string, unknown> = {}) => ({ soort: 'leerling' as const, voornaam: 'Sanne', achternaam: 'Bakker', ...extra });

async function fails(method: string, input: unknown) {
  const r = await t.core.invoke(method, input);
  if (r.ok) throw new Error(`${method} should have failed`);
  return r.error;
}

describe('people.create and people.get', () => {
  it('creates a pupil with every field and reads it back', async () => {
    const p = await t.call('people.create', {
      soort: 'leerling',
      voornaam: 'Johanna',
      roepnaam: 'Jo',
      tussenvoegsel: 'van der',
      achternaam: 'Berg',
      geslacht: 'v',
      geboortedatum: '2012-03-04',
      leerlingnummer: '120045',
      eckId: 'https://ketenid.nl/201703/abc',
      groep: '2B',
      leerjaar: 2,
      opleiding: 'havo',
      straat: 'Kerkstraat 1',
      postcode: '4001ab',
      plaats: 'Tiel',
      email: 'jo@mail.example',
      ingeschrevenOp: '2024-08-01',
      notities: 'Regel 1\nRegel 2',
    });
    expect(p).toMatchObject({ naam: 'Jo van der Berg', postcode: '4001 AB', leerjaar: 2, koppelingen: [], createdAt: '2026-11-16T09:00:00.000Z' });
    expect(await t.call('people.get', { id: p.id })).toEqual(p);
    const row = t.core.db.prepare('SELECT zoeknaam FROM person WHERE id = ?').get(p.id) as { zoeknaam: string };
    expect(row.zoeknaam).toBe('jo van der berg johanna');
  });

  it('writes an audit entry with the new person', async () => {
    const p = await t.call('people.create', pupil());
    const audit = await t.call('audit.forRecord', { entity: 'persoon', entityId: String(p.id) });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'aangemaakt', actor: 'test', before: null, after: { naam: 'Sanne Bakker', soort: 'leerling' } });
  });

  it('refuses fields that do not belong to the kind of person, with Dutch messages', async () => {
    expect(await fails('people.create', { soort: 'medewerker', voornaam: 'A', achternaam: 'B', leerlingnummer: '1' })).toMatchObject({
      code: 'VALIDATIE',
      field: 'leerlingnummer',
      message: 'Alleen een leerling heeft een leerlingnummer.',
    });
    expect(await fails('people.create', pupil({ personeelsnummer: 'P1' }))).toMatchObject({ field: 'personeelsnummer', message: 'Alleen een medewerker heeft een personeelsnummer.' });
    expect(await fails('people.create', { soort: 'ouder', voornaam: 'A', achternaam: 'B', functie: 'docent' })).toMatchObject({ field: 'functie' });
    expect(await fails('people.create', { soort: 'ouder', voornaam: 'A', achternaam: 'B', leerjaar: 3 })).toMatchObject({ field: 'leerjaar' });
    // functie is fine for staff and externals
    await t.call('people.create', { soort: 'extern', voornaam: 'R', achternaam: 'K', functie: 'vrijwilliger', organisatie: 'Club' });
    await t.call('people.create', { soort: 'medewerker', voornaam: 'M', achternaam: 'H', functie: 'rector', personeelsnummer: 'P1' });
    expect(t.core.db.prepare('SELECT count(*) AS n FROM person').get()).toEqual({ n: 2 });
  });

  it('keeps dates sane', async () => {
    expect(await fails('people.create', pupil({ geboortedatum: '2026-11-17' }))).toMatchObject({
      field: 'geboortedatum',
      message: 'Een geboortedatum kan niet in de toekomst liggen.',
    });
    expect(await fails('people.create', pupil({ geboortedatum: '1850-01-01' }))).toMatchObject({ field: 'geboortedatum' });
    expect(await fails('people.create', pupil({ geboortedatum: '2026-02-30' }))).toMatchObject({ field: 'geboortedatum', message: 'Deze datum bestaat niet.' });
    expect(await fails('people.create', pupil({ ingeschrevenOp: '2025-08-01', uitgeschrevenOp: '2025-07-01' }))).toMatchObject({ field: 'uitgeschrevenOp' });
    expect(await fails('people.create', { soort: 'leerling', voornaam: '', achternaam: 'B' })).toMatchObject({ field: 'voornaam', message: 'Vul dit veld in.' });
    expect(await fails('people.create', pupil({ soort: 'kat' }))).toMatchObject({ field: 'soort', message: 'Kies wat voor persoon dit is.' });
    expect(t.core.db.prepare('SELECT count(*) AS n FROM person').get()).toEqual({ n: 0 });
  });

  it('answers a duplicate student number with CONFLICT on the field', async () => {
    const a = await t.call('people.create', pupil({ leerlingnummer: '777' }));
    expect(await fails('people.create', pupil({ voornaam: 'Kees', leerlingnummer: '777' }))).toEqual({
      code: 'CONFLICT',
      message: 'Leerlingnummer 777 is al in gebruik bij een andere leerling.',
      field: 'leerlingnummer',
      fields: { leerlingnummer: 'Leerlingnummer 777 is al in gebruik bij een andere leerling.' },
    });
    // saving the same person with its own number is fine
    await t.call('people.update', { ...pupil({ leerlingnummer: '777', groep: '3A' }), id: a.id });
  });

  it('answers an unknown id with NIET_GEVONDEN', async () => {
    expect(await fails('people.get', { id: 999 })).toMatchObject({ code: 'NIET_GEVONDEN', message: 'Deze persoon bestaat niet (meer).' });
    expect(await fails('people.update', { ...pupil(), id: 999 })).toMatchObject({ code: 'NIET_GEVONDEN' });
  });
});

describe('people.update', () => {
  it('changes a person, keeps the search key up to date and audits before and after', async () => {
    const p = await t.call('people.create', pupil({ leerlingnummer: '1' }));
    t.setNow('2026-11-17T10:00:00Z');
    const u = await t.call('people.update', { ...pupil({ leerlingnummer: '1' }), achternaam: 'Özdemir', id: p.id });
    expect(u).toMatchObject({ naam: 'Sanne Özdemir', updatedAt: '2026-11-17T10:00:00.000Z', createdAt: '2026-11-16T09:00:00.000Z' });
    expect((await t.call('people.search', { q: 'ozdem' })).map((x) => x.id)).toEqual([p.id]);
    expect(await t.call('people.search', { q: 'bakker' })).toEqual([]);
    const audit = await t.call('audit.forRecord', { entity: 'persoon', entityId: String(p.id) });
    expect(audit[0]).toMatchObject({ action: 'gewijzigd', before: { achternaam: 'Bakker' }, after: { achternaam: 'Özdemir' } });
  });

  it('refuses to change the kind of a linked person', async () => {
    const k = await t.call('people.create', pupil());
    const o = await t.call('people.create', { soort: 'ouder', voornaam: 'Ans', achternaam: 'Bakker' });
    await t.call('people.linkGuardian', { leerlingId: k.id, ouderId: o.id });
    expect(await fails('people.update', { soort: 'medewerker', voornaam: 'Ans', achternaam: 'Bakker', id: o.id })).toMatchObject({ code: 'CONFLICT', field: 'soort' });
  });
});

describe('guardians', () => {
  it('links a parent to a pupil, visible from both sides, and unlinks', async () => {
    const k = await t.call('people.create', pupil());
    const o1 = await t.call('people.create', { soort: 'ouder', voornaam: 'Ans', achternaam: 'Bakker', geslacht: 'v', straat: 'Dorpsstraat 1', postcode: '4001 AB', plaats: 'Tiel' });
    const o2 = await t.call('people.create', { soort: 'ouder', voornaam: 'Piet', achternaam: 'Bakker', geslacht: 'm', straat: 'Markt 2', postcode: '4101 BC', plaats: 'Culemborg' });
    await t.call('people.linkGuardian', { leerlingId: k.id, ouderId: o1.id, relatie: 'moeder' });
    const linked = await t.call('people.linkGuardian', { leerlingId: k.id, ouderId: o2.id, relatie: 'vader', gezag: true, ontvangtPost: false });
    expect(linked.koppelingen).toEqual([
      { leerlingId: k.id, ouderId: o1.id, persoon: { id: o1.id, soort: 'ouder', naam: 'Ans Bakker', groep: null, leerlingnummer: null, functie: null }, relatie: 'moeder', gezag: true, ontvangtPost: true, toestemmingAfschriftOp: null },
      { leerlingId: k.id, ouderId: o2.id, persoon: { id: o2.id, soort: 'ouder', naam: 'Piet Bakker', groep: null, leerlingnummer: null, functie: null }, relatie: 'vader', gezag: true, ontvangtPost: false, toestemmingAfschriftOp: null },
    ]);
    const parent = await t.call('people.get', { id: o2.id });
    expect(parent.koppelingen).toHaveLength(1);
    expect(parent.koppelingen[0].persoon.naam).toBe('Sanne Bakker');
    // linking again updates the link instead of failing
    const again = await t.call('people.linkGuardian', { leerlingId: k.id, ouderId: o2.id, relatie: 'vader', ontvangtPost: true });
    expect(again.koppelingen[1].ontvangtPost).toBe(true);
    const after = await t.call('people.unlinkGuardian', { leerlingId: k.id, ouderId: o1.id });
    expect(after.koppelingen.map((l) => l.ouderId)).toEqual([o2.id]);
    const audit = await t.call('audit.forRecord', { entity: 'persoon', entityId: String(k.id) });
    expect(audit.map((a) => a.action)).toEqual(['ouder_ontkoppeld', 'ouder_gekoppeld', 'ouder_gekoppeld', 'ouder_gekoppeld', 'aangemaakt']);
  });

  it('records an adult pupil\u2019s consent to a copy per parent with its date, keeps it on other changes, and withdraws it', async () => {
    const k = await t.call('people.create', pupil());
    const o = await t.call('people.create', { soort: 'ouder', voornaam: 'Ans', achternaam: 'Bakker' });
    const link = (extra: object) => t.call('people.linkGuardian', { leerlingId: k.id, ouderId: o.id, relatie: 'moeder', ...extra });
    expect((await link({})).koppelingen[0].toestemmingAfschriftOp).toBeNull();
    expect((await link({ toestemmingAfschrift: true })).koppelingen[0].toestemmingAfschriftOp).toBe('2026-11-16');
    // Another day, another change: the date the consent was first recorded stays.
    t.setNow('2026-12-01T09:00:00Z');
    expect((await link({ ontvangtPost: false })).koppelingen[0].toestemmingAfschriftOp).toBe('2026-11-16');
    expect((await link({ toestemmingAfschrift: true })).koppelingen[0].toestemmingAfschriftOp).toBe('2026-11-16');
    expect((await link({ toestemmingAfschrift: false })).koppelingen[0].toestemmingAfschriftOp).toBeNull();
    const audit = await t.call('audit.forRecord', { entity: 'persoon', entityId: String(k.id) });
    expect(audit.filter((a) => a.action === 'ouder_gekoppeld')).toHaveLength(5);
  });

  it('only links a pupil and a parent', async () => {
    const k = await t.call('people.create', pupil());
    const k2 = await t.call('people.create', pupil({ voornaam: 'Kees' }));
    const m = await t.call('people.create', { soort: 'medewerker', voornaam: 'M', achternaam: 'H' });
    const o = await t.call('people.create', { soort: 'ouder', voornaam: 'O', achternaam: 'H' });
    expect(await fails('people.linkGuardian', { leerlingId: k.id, ouderId: k2.id })).toMatchObject({ code: 'VALIDATIE', field: 'ouderId', message: 'Kies een ouder/verzorger om te koppelen.' });
    expect(await fails('people.linkGuardian', { leerlingId: m.id, ouderId: o.id })).toMatchObject({ field: 'leerlingId' });
    expect(await fails('people.linkGuardian', { leerlingId: k.id, ouderId: 999 })).toMatchObject({ field: 'ouderId', message: 'Deze persoon bestaat niet (meer).' });
    expect(await fails('people.unlinkGuardian', { leerlingId: k.id, ouderId: o.id })).toMatchObject({ code: 'NIET_GEVONDEN' });
    expect(t.core.db.prepare('SELECT count(*) AS n FROM guardian_link').get()).toEqual({ n: 0 });
  });
});

describe('people.list and people.search', () => {
  const first = ['Anna', 'Bram', 'Cor', 'Daan', 'Eva', 'Fleur', 'Gijs', 'Hanna', 'Ilse', 'Joost'];
  const last = ['Jansen', 'de Vries', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder'];
  async function seed() {
    const made: { id: number; soort: string; voornaam: string; achternaam: string; groep: string | null }[] = [];
    for (let i = 0; i < 60; i++) {
      const soort = i % 5 === 0 ? 'medewerker' : i % 7 === 0 ? 'ouder' : 'leerling';
      const [tv, an] = last[i % last.length].includes(' ') ? last[i % last.length].split(' ') : [null, last[i % last.length]];
      const p = await t.call('people.create', {
        soort,
        voornaam: first[i % first.length],
        tussenvoegsel: tv,
        achternaam: an,
        groep: soort === 'leerling' ? `${(i % 4) + 1}${i % 2 ? 'A' : 'B'}` : null,
        leerlingnummer: soort === 'leerling' ? String(10000 + i) : null,
        uitgeschrevenOp: i % 11 === 0 && soort === 'leerling' ? '2026-07-31' : null,
      });
      made.push({ id: p.id, soort, voornaam: p.voornaam, achternaam: p.achternaam, groep: p.groep });
    }
    return made;
  }

  it('pages through everyone sorted by name, with a stable order', async () => {
    const made = await seed();
    const cmp = (x: string, y: string) => (x.toLowerCase() < y.toLowerCase() ? -1 : x.toLowerCase() > y.toLowerCase() ? 1 : 0);
    const expected = [...made].sort((a, b) => cmp(a.achternaam, b.achternaam) || cmp(a.voornaam, b.voornaam) || a.id - b.id);
    const seen: number[] = [];
    for (let offset = 0; offset < 60; offset += 7) {
      const page = await t.call('people.list', { offset, limit: 7, sort: { field: 'naam', dir: 'asc' } });
      expect(page.total).toBe(60);
      seen.push(...page.rows.map((r) => r.id));
    }
    expect(seen).toEqual(expected.map((p) => p.id));
  });

  it('filters by kind, enrolment and search text', async () => {
    const made = await seed();
    const staff = await t.call('people.list', { soort: ['medewerker'], limit: 500 });
    expect(staff.total).toBe(made.filter((p) => p.soort === 'medewerker').length);
    expect(staff.rows.every((r) => r.soort === 'medewerker')).toBe(true);
    const enrolled = await t.call('people.list', { soort: ['leerling'], inclusiefUitgeschreven: false, limit: 500 });
    const left = made.filter((_, i) => i % 11 === 0 && made[i].soort === 'leerling').length;
    expect(left).toBeGreaterThan(0);
    expect(enrolled.total).toBe(made.filter((p) => p.soort === 'leerling').length - left);
    const found = await t.call('people.list', { search: 'fle vri', limit: 500 });
    expect(found.rows.map((r) => r.naam).sort()).toEqual(made.filter((p) => p.voornaam === 'Fleur' && p.achternaam === 'Vries').map(() => 'Fleur de Vries'));
    expect(found.total).toBeGreaterThan(0);
    const byNumber = await t.call('people.list', { search: '10003' });
    expect(byNumber.rows.map((r) => r.leerlingnummer)).toEqual(['10003']);
  });

  it('sorts by group with empty groups last, both directions', async () => {
    await seed();
    const asc = await t.call('people.list', { sort: { field: 'groep', dir: 'asc' }, limit: 500 });
    const groups = asc.rows.map((r) => r.groep);
    const filled = groups.filter((g) => g !== null) as string[];
    expect(filled).toEqual([...filled].sort());
    expect(groups.slice(filled.length).every((g) => g === null)).toBe(true);
    const desc = await t.call('people.list', { sort: { field: 'groep', dir: 'desc' }, limit: 500 });
    const dfilled = desc.rows.map((r) => r.groep).filter((g) => g !== null) as string[];
    expect(dfilled).toEqual([...filled].sort().reverse());
  });

  it('search matches the start of any name part, ignores accents and puts name starts first', async () => {
    const a = await t.call('people.create', { soort: 'leerling', voornaam: 'Emre', achternaam: 'Yılmaz' });
    const b = await t.call('people.create', { soort: 'leerling', voornaam: 'Zoë', tussenvoegsel: 'van', achternaam: 'Emden' });
    const c = await t.call('people.create', { soort: 'ouder', voornaam: 'Chloé', achternaam: 'Émile' });
    expect((await t.call('people.search', { q: 'em' })).map((p) => p.id)).toEqual([a.id, b.id, c.id]);
    expect((await t.call('people.search', { q: 'zoe' })).map((p) => p.id)).toEqual([b.id]);
    expect((await t.call('people.search', { q: 'em', soort: ['ouder'] })).map((p) => p.id)).toEqual([c.id]);
    expect(await t.call('people.search', { q: 'mre' })).toEqual([]);
    expect(await t.call('people.search', { q: '' })).toHaveLength(3);
    expect(await t.call('people.search', { q: '%' })).toEqual([]);
    expect(await t.call('people.list', { search: '%%' })).toEqual({ rows: [], total: 0 });
    // punctuation separates words and is never read as a LIKE wildcard
    expect(await t.call('people.search', { q: 'e_' })).toEqual(await t.call('people.search', { q: 'e' }));
    expect(await t.call('people.search', { q: 'y_lmaz' })).toEqual([]);
  });
});

describe('sorting names', () => {
  it('sorts accented surnames under their plain letter', async () => {
    for (const achternaam of ['Zwart', 'Özdemir', 'Ouali', 'Çelik', 'Bakker']) await t.call('people.create', { soort: 'leerling', voornaam: 'A', achternaam });
    const page = await t.call('people.list', { sort: { field: 'naam', dir: 'asc' } });
    expect(page.rows.map((r) => r.naam)).toEqual(['A Bakker', 'A Çelik', 'A Ouali', 'A Özdemir', 'A Zwart']);
  });
});
