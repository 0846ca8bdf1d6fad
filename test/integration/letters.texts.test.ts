// The school's own letter texts, the logo of the letterhead, and the sector rules seen through a
// real letter (an MBO student is addressed directly).
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import JSZip from 'jszip';
import { makeTestCore } from '../support/core';
import type { TestCore } from '../support/core';
import { seed, schorsing, docxText } from './letters.fixture';
import type { Seed } from './letters.fixture';

let t: TestCore;
let s: Seed;

beforeEach(async () => {
  t = makeTestCore({ now: '2026-11-16T09:00:00Z' });
  s = await seed(t);
});
afterEach(() => t.cleanup());

// A 2×1 PNG, and the start of a GIF.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAEElEQVR4nGP4z8DAwMDAAAAHAgEA0rVJmgAAAABJRU5ErkJggg==', 'base64');
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///ywAAAAAAQABAAACAUwAOw==', 'base64');

describe('letter texts', () => {
  it('refuses an unknown placeholder when the text is saved, naming it in Dutch', async () => {
    const r = await t.core.invoke('letters.texts.save', { soort: 'schorsing', teksten: { slot: { ouders: 'Vragen? Bel {school.telefon}.' } } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('VALIDATIE');
      expect(r.error.message).toBe('Onbekende invoegcode {school.telefon} in “Slot en contact”: die bestaat niet voor de brief “Schorsing”. Kies een code uit de lijst naast de tekst.');
      expect(r.error.field).toBe('teksten.slot.ouders');
    }
    // a placeholder of another kind is unknown here too
    const other = await t.core.invoke('letters.texts.save', { soort: 'waarschuwing', teksten: { slot: { ouders: 'Tot {schorsing.einddatum}.' } } });
    expect(other.ok).toBe(false);
    if (!other.ok) expect(other.error.message).toContain('{schorsing.einddatum}');
    const list = await t.core.invoke('letters.texts.save', { soort: 'schorsing', teksten: { regels: { ouders: 'Overtreden: {regels} (zie protocol).' } } });
    expect(list.ok).toBe(false);
    if (!list.ok) expect(list.error.message).toContain('moet op een eigen regel staan');
    const brace = await t.core.invoke('letters.texts.save', { soort: 'schorsing', teksten: { slot: { ouders: 'Vragen? Bel {school.telefoon.' } } });
    expect(brace.ok).toBe(false);
    if (!brace.ok) expect(brace.error.message).toContain('losse accolade');
    const unchanged = await t.call('letters.texts.get', { soort: 'schorsing' });
    expect(unchanged.secties.every((x) => x.teksten.every((v) => !v.aangepast))).toBe(true);
  });

  it('uses the school\u2019s own text in the letter, and the default again after a reset', async () => {
    const saved = await t.call('letters.texts.save', {
      soort: 'schorsing',
      teksten: { slot: { ouders: 'Wij verwachten {leerling.roepnaam} na de schorsing weer op school.\r\nVragen? Bel {school.telefoon}.' }, betreft: { ouders: 'Besluit: schorsing {leerling.naam}' } },
    });
    const slot = saved.secties.find((x) => x.code === 'slot')!.teksten.find((v) => v.variant === 'ouders')!;
    expect(slot.aangepast).toBe(true);
    expect(saved.placeholders.map((p) => p.naam)).toContain('schorsing.einddatum');
    const measureId = await schorsing(t, s);
    const p = await t.call('letters.preview', { soort: 'schorsing', measureId });
    // The school changed the parents' variant; the VO pupil's own letter keeps the default.
    const [leerling, ouders] = p.brieven;
    expect([leerling.variant, leerling.betreft]).toEqual(['persoon', 'Besluit tot schorsing']);
    expect(ouders.betreft).toBe('Besluit: schorsing Daan Jansen');
    expect(ouders.inhoud.at(-1)).toEqual({ type: 'alinea', tekst: 'Wij verwachten Daan na de schorsing weer op school.\nVragen? Bel 0344 123 456.' });
    const audit = t.core.db.prepare(`SELECT count(*) AS n FROM audit_log WHERE entity = 'instelling' AND entity_id = 'letters.teksten.schorsing'`).get() as { n: number };
    expect(audit.n).toBe(1);
    await t.call('letters.texts.reset', { soort: 'schorsing' });
    const again = await t.call('letters.preview', { soort: 'schorsing', measureId });
    expect(again.brieven[1].betreft).toBe('Schorsing van Daan Jansen');
  });

  it('keeps the logo (PNG or JPEG only, size-checked) and places it in the letterhead', async () => {
    const gif = await t.core.invoke('letters.settings.save', { logoBase64: GIF.toString('base64') });
    expect(gif.ok).toBe(false);
    if (!gif.ok) expect(gif.error.message).toBe('Het logo moet een PNG- of JPEG-afbeelding zijn.');
    const big = await t.core.invoke('letters.settings.save', { logoBase64: Buffer.concat([PNG, Buffer.alloc(1_100_000)]).toString('base64') });
    expect(big.ok).toBe(false);
    const saved = await t.call('letters.settings.save', { logoBase64: PNG.toString('base64'), plaats: 'Tiel-Oost' });
    expect(saved.logo).toMatchObject({ mime: 'image/png', breedtePx: 2, hoogtePx: 1 });
    expect(saved.logoDataUrl).toMatch(/^data:image\/png;base64,/);
    const measureId = await schorsing(t, s);
    const r = await t.call('letters.finalise', { soort: 'schorsing', measureId });
    const bytes = Buffer.from((await t.call('letters.download', { id: r.brieven[0].id })).inhoudBase64, 'base64');
    const zip = await JSZip.loadAsync(bytes);
    const media = Object.keys(zip.files).filter((n) => n.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect((await zip.file(media[0])!.async('nodebuffer')).equals(PNG)).toBe(true);
    expect((await docxText(bytes)).body).toContain('Tiel-Oost, 16 november 2026');
    // keeping the logo while changing the place; then removing it
    const kept = await t.call('letters.settings.save', { plaats: null });
    expect(kept.logo?.sha256).toBe(saved.logo?.sha256);
    const removed = await t.call('letters.settings.save', { logoBase64: null });
    expect(removed.logo).toBeNull();
  });

  it('writes to an MBO student of 17 directly and to the parents, with the variant text for each', async () => {
    await t.call('school.save', { naam: 'ROC Rivierenland', sector: 'MBO', regio: 'midden', straat: 'Stationsstraat 12', postcode: '4001 AB', plaats: 'Tiel', telefoon: '0344 123 456', email: 'info@roc.nl', ondertekenaarNaam: 'M. de Boer', ondertekenaarFunctie: 'teamleider' });
    await t.call('people.update', { ...(await t.call('people.get', { id: s.daanId })), id: s.daanId, geboortedatum: '2009-06-01', opleiding: 'Mediavormgever niveau 4', groep: null } as never);
    const measureId = (await t.call('measures.create', { incidentId: s.incidentId, personId: s.daanId, soort: 'waarschuwing', besluitDatum: '2026-11-16' })).id;
    const p = await t.call('letters.preview', { soort: 'waarschuwing', measureId });
    expect(p.brieven.map((b) => [b.variant, b.aanhef])).toEqual([
      ['persoon', 'Beste Daan,'],
      ['ouders', 'Geachte heer Jansen,'],
      ['ouders', 'Geachte mevrouw De Vries,'],
    ]);
    expect(p.brieven[0].betreft).toBe('Waarschuwing');
    expect(JSON.stringify(p.brieven[0].inhoud)).toContain('dat je op 16 november 2026 een officiële waarschuwing');
    expect(JSON.stringify(p.brieven[1].inhoud)).toContain('uw zoon Daan (Mediavormgever niveau 4)');
    expect(p.brieven[0].afschrift).toEqual(['Piet Jansen (ouder/verzorger)', 'Anna de Vries (ouder/verzorger)', 'studentdossier']);
  });
});
