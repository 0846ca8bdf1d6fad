// Protocol versions, stable rule ids, citations that block removal, the version in force, categories.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import template from '../../resources/protocol-template.json';
import { makeTestCore, type TestCore } from '../support/core';
import type { ProtocolVersion } from '../../src/shared/api/protocols';

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

/** The input that saves a version unchanged (every rule keeps its id). */
const asInput = (p: ProtocolVersion) => ({
  id: p.id,
  titel: p.titel,
  versie: p.versie,
  ingangsdatum: p.ingangsdatum,
  vastgesteldOp: p.vastgesteldOp,
  mrInstemmingOp: p.mrInstemmingOp,
  notities: p.notities,
  secties: p.secties.map((s) => ({ nummer: s.nummer, titel: s.titel, regels: s.regels.map((r) => ({ id: r.id, nummer: r.nummer, tekst: r.tekst })) })),
});

const small = {
  titel: 'Protocol sociale media',
  versie: '1',
  ingangsdatum: '2024-08-01',
  secties: [
    { nummer: '1', titel: 'Regels voor iedereen', regels: [{ nummer: '1', tekst: 'Geen telefoon in de les.' }, { nummer: '2', tekst: 'Niet pesten.' }] },
    { titel: 'Tot slot', regels: [{ nummer: 'a', tekst: 'De schoolleiding beslist.' }] },
  ],
};

async function citeRule(ruleId: number, datum = '2026-10-01') {
  return t.call('incidents.create', {
    datumVoorval: datum,
    datumMelding: datum,
    locatie: 'in_school',
    platform: 'whatsapp',
    categorie: 'pesten',
    ernst: 'laag',
    omschrijving: 'Feitelijke omschrijving.',
    regelIds: [ruleId],
  });
}

describe('the default template', () => {
  it('creates a version with every section and rule of resources/protocol-template.json', async () => {
    const p = await t.call('protocols.createFromTemplate', { ingangsdatum: '2025-08-01' });
    expect(p.secties.map((s) => s.titel)).toEqual(template.secties.map((s) => s.titel));
    expect(p.aantalRegels).toBe(template.secties.reduce((n, s) => n + s.regels.length, 0));
    expect(p.secties[2].regels[0]).toMatchObject({ nummer: '1', volledigNummer: '3.1', vorigeRegelId: null });
    expect(p.secties[2].regels[0].tekst).toMatch(/^Tijdens de lessen/);
    expect(p).toMatchObject({ titel: 'Protocol sociale media', versie: '1.0', ingangsdatum: '2025-08-01', actueel: true });
    const audit = await t.call('audit.forRecord', { entity: 'protocol', entityId: String(p.id) });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'aangemaakt', after: { aantalRegels: p.aantalRegels } });
  });

  it('covers the rules a Dutch school protocol has in common', () => {
    const all = template.secties.flatMap((s) => s.regels.map((r) => r.tekst)).join(' ');
    for (const word of ['tijdens de lessen', 'toestemming', 'pest', 'nepaccount', 'discrimin', 'vriendschap', 'functie', 'politie', 'verantwoordelijk', 'vertrouwelijke']) {
      expect(all.toLowerCase()).toContain(word);
    }
  });
});

describe('protocols.create, get, list and inForce', () => {
  it('stores sections and rules and numbers rules fully only when the section has a number', async () => {
    const p = await t.call('protocols.create', small);
    expect(p.secties.map((s) => s.regels.map((r) => r.volledigNummer))).toEqual([['1.1', '1.2'], ['a']]);
    expect(await t.call('protocols.get', { id: p.id })).toEqual(p);
    expect(await fails('protocols.get', { id: 999 })).toMatchObject({ code: 'NIET_GEVONDEN', message: 'Deze protocolversie bestaat niet (meer).' });
  });

  it('finds the version in force on a date and marks today’s version as actueel', async () => {
    const v1 = await t.call('protocols.create', small);
    const v2 = await t.call('protocols.create', { ...small, versie: '2', ingangsdatum: '2026-08-01' });
    const v3 = await t.call('protocols.create', { ...small, versie: '3', ingangsdatum: '2027-08-01' });
    expect(await t.call('protocols.inForce', { datum: '2024-07-31' })).toBeNull();
    expect((await t.call('protocols.inForce', { datum: '2024-08-01' }))?.id).toBe(v1.id);
    expect((await t.call('protocols.inForce', { datum: '2026-07-31' }))?.id).toBe(v1.id);
    expect((await t.call('protocols.inForce', { datum: '2026-08-01' }))?.id).toBe(v2.id);
    expect((await t.call('protocols.inForce', { datum: '2030-01-01' }))?.id).toBe(v3.id);
    const list = await t.call('protocols.list', {});
    expect(list.map((p) => [p.versie, p.actueel, p.aantalRegels])).toEqual([
      ['3', false, 3],
      ['2', true, 3],
      ['1', false, 3],
    ]);
  });

  it('links a rule to the rule of an earlier version it continues', async () => {
    const v1 = await t.call('protocols.create', small);
    const old = v1.secties[0].regels[1];
    const v2 = await t.call('protocols.create', {
      ...small,
      ingangsdatum: '2026-08-01',
      secties: [{ nummer: '1', titel: 'Regels', regels: [{ id: old.id, nummer: '1', tekst: 'Niet pesten, ook niet online.' }] }],
    });
    expect(v2.secties[0].regels[0]).toMatchObject({ vorigeRegelId: old.id, volledigNummer: '1.1' });
    expect(v2.secties[0].regels[0].id).not.toBe(old.id);
  });

  it('refuses duplicates and a second version on the same start date', async () => {
    expect(
      await fails('protocols.create', { ...small, secties: [{ nummer: '1', titel: 'A', regels: [{ nummer: '1', tekst: 'x' }, { nummer: '1', tekst: 'y' }] }] }),
    ).toMatchObject({ code: 'VALIDATIE', field: 'secties.0.regels.1.nummer', message: 'Regelnummer 1 komt twee keer voor in dit onderdeel.' });
    expect(await fails('protocols.create', { ...small, secties: [small.secties[0], { ...small.secties[0], titel: 'B' }] })).toMatchObject({ field: 'secties.1.nummer' });
    expect(await fails('protocols.create', { ...small, secties: [] })).toMatchObject({ field: 'secties', message: 'Een protocol heeft minstens één onderdeel.' });
    expect(await fails('protocols.create', { ...small, ingangsdatum: '2024-13-01' })).toMatchObject({ field: 'ingangsdatum' });
    expect(await fails('protocols.create', { ...small, secties: [{ titel: 'A', regels: [{ nummer: '1', tekst: '   ' }] }] })).toMatchObject({
      field: 'secties.0.regels.0.tekst',
      message: 'Een regel heeft tekst nodig.',
    });
    await t.call('protocols.create', small);
    expect(await fails('protocols.create', { ...small, versie: '1b' })).toMatchObject({ code: 'CONFLICT', field: 'ingangsdatum', message: 'Versie 1 gaat al op deze datum in. Kies een andere ingangsdatum.' });
    expect(await fails('protocols.create', { ...small, ingangsdatum: '2025-08-01', secties: [{ titel: 'A', regels: [{ id: 999, nummer: '1', tekst: 'x' }] }] })).toMatchObject({
      field: 'secties.0.regels.0.id',
    });
    expect(t.core.db.prepare('SELECT count(*) AS n FROM protocol_version').get()).toEqual({ n: 1 });
  });
});

describe('protocols.update', () => {
  it('keeps the ids of kept rules, adds new ones and removes uncited ones', async () => {
    const p = await t.call('protocols.create', small);
    const [r1, r2] = p.secties[0].regels;
    const input = asInput(p);
    input.secties[0].regels = [
      { id: r2.id, nummer: '1', tekst: 'Niet pesten, ook niet online.' },
      { id: undefined as unknown as number, nummer: '2', tekst: 'Nieuwe regel.' },
    ];
    const u = await t.call('protocols.update', input);
    expect(u.secties[0].regels.map((r) => [r.volledigNummer, r.tekst])).toEqual([
      ['1.1', 'Niet pesten, ook niet online.'],
      ['1.2', 'Nieuwe regel.'],
    ]);
    expect(u.secties[0].regels[0].id).toBe(r2.id);
    expect(t.core.db.prepare('SELECT count(*) AS n FROM protocol_rule WHERE id = ?').get(r1.id)).toEqual({ n: 0 });
    const audit = await t.call('audit.forRecord', { entity: 'protocol', entityId: String(p.id) });
    expect(audit[0]).toMatchObject({ action: 'gewijzigd', before: { aantalRegels: 3 }, after: { aantalRegels: 3 } });
  });

  it('moves a kept rule to another section and drops a section', async () => {
    const p = await t.call('protocols.create', small);
    const moved = p.secties[1].regels[0];
    const input = asInput(p);
    input.secties = [{ nummer: '1', titel: 'Alles', regels: [...input.secties[0].regels, { id: moved.id, nummer: '3', tekst: moved.tekst }] }];
    const u = await t.call('protocols.update', input);
    expect(u.secties).toHaveLength(1);
    expect(u.secties[0].regels.map((r) => r.id)).toEqual([p.secties[0].regels[0].id, p.secties[0].regels[1].id, moved.id]);
    expect(u.secties[0].regels[2].volledigNummer).toBe('1.3');
    expect(t.core.db.prepare('SELECT count(*) AS n FROM protocol_section WHERE protocol_id = ?').get(p.id)).toEqual({ n: 1 });
  });

  it('refuses to remove a rule an incident cites, and changes nothing', async () => {
    const p = await t.call('protocols.create', small);
    const cited = p.secties[0].regels[1];
    const inc = await citeRule(cited.id);
    const input = asInput(p);
    input.secties[0].regels = [input.secties[0].regels[0]];
    input.titel = 'Gewijzigd';
    expect(await fails('protocols.update', input)).toEqual({
      code: 'CONFLICT',
      message: `Regel 1.2 wordt genoemd in melding ${inc.nummer} en kan daarom niet worden verwijderd.`,
      field: 'secties',
    });
    expect(await t.call('protocols.get', { id: p.id })).toEqual(p);
  });

  it('refuses a start date after an incident that cites the version', async () => {
    const p = await t.call('protocols.create', small);
    const inc = await citeRule(p.secties[0].regels[0].id, '2025-01-10');
    expect(await fails('protocols.update', { ...asInput(p), ingangsdatum: '2025-02-01' })).toMatchObject({
      code: 'CONFLICT',
      field: 'ingangsdatum',
      message: `Melding ${inc.nummer} valt vóór deze ingangsdatum en noemt regels uit deze versie. Kies een eerdere ingangsdatum.`,
    });
    const ok = await t.call('protocols.update', { ...asInput(p), ingangsdatum: '2025-01-10' });
    expect(ok.ingangsdatum).toBe('2025-01-10');
  });

  it('answers an unknown version with NIET_GEVONDEN', async () => {
    expect(await fails('protocols.update', { ...small, id: 42 })).toMatchObject({ code: 'NIET_GEVONDEN' });
  });
});

describe('categories', () => {
  it('lists the 15 standard categories in order', async () => {
    const cats = await t.call('categories.list', {});
    expect(cats).toHaveLength(15);
    expect(cats[0]).toEqual({ code: 'pesten', label: '(Digitaal) pesten', standaard: true, actief: true });
    expect(cats[14].code).toBe('overig');
  });

  it('adds a school category before "Overig", renames it and audits', async () => {
    const c = await t.call('categories.save', { label: 'Sexting via AirDrop' });
    expect(c).toEqual({ code: 'sexting_via_airdrop', label: 'Sexting via AirDrop', standaard: false, actief: true });
    const cats = await t.call('categories.list', {});
    expect(cats.map((x) => x.code).slice(-2)).toEqual(['sexting_via_airdrop', 'overig']);
    const same = await t.call('categories.save', { label: 'Sexting via Airdrop 2' });
    expect(same.code).toBe('sexting_via_airdrop_2');
    const renamed = await t.call('categories.save', { code: c.code, label: 'AirDrop-sexting' });
    expect(renamed.label).toBe('AirDrop-sexting');
    const audit = await t.call('audit.forRecord', { entity: 'categorie', entityId: c.code });
    expect(audit.map((a) => a.action)).toEqual(['gewijzigd', 'aangemaakt']);
    expect(await fails('categories.save', { label: 'bedreiging' })).toMatchObject({ code: 'CONFLICT', field: 'label', message: 'Er is al een categorie met deze naam.' });
    expect(await fails('categories.save', { code: 'Hoofd Letters', label: 'x' })).toMatchObject({ field: 'code', message: 'Gebruik kleine letters, cijfers en _.' });
  });

  it('deactivates a standard category: it stays on old incidents, new ones cannot use it', async () => {
    const p = await t.call('protocols.create', small);
    const inc = await citeRule(p.secties[0].regels[0].id);
    const off = await t.call('categories.save', { code: 'pesten', label: '(Digitaal) pesten', actief: false });
    expect(off).toEqual({ code: 'pesten', label: '(Digitaal) pesten', standaard: true, actief: false });
    expect((await t.call('categories.list', {})).find((c) => c.code === 'pesten')?.actief).toBe(false);
    // the old incident can still be saved with its category
    await t.call('incidents.update', { ...(await t.call('incidents.get', { id: inc.id })), regelIds: [], betrokkenen: [], directeActies: [], id: inc.id } as never);
    const r = await t.core.invoke('incidents.create', {
      datumVoorval: '2026-10-01',
      datumMelding: '2026-10-01',
      locatie: 'in_school',
      platform: 'x',
      categorie: 'pesten',
      ernst: 'laag',
      omschrijving: 'x',
    });
    expect(r).toMatchObject({ ok: false, error: { field: 'categorie', message: 'De categorie "(Digitaal) pesten" is uitgeschakeld. Kies een andere categorie.' } });
  });
});
