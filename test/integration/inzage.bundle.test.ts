// The answer to an access request as one .zip (AVG art. 15 lid 3): the dossier with the letters'
// full text, the letters sent to the person or the asking parent (not the other parent's), and only
// the evidence files ticked one by one, each checked against its SHA-256.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { makeTestCore } from '../support/core';
import { defaultDataDir } from '../../src/main/app/core';
import type { TestCore } from '../support/core';
import { seed, schorsing, bundleOf } from './letters.fixture';
import type { Seed } from './letters.fixture';

let t: TestCore;
let s: Seed;
const SCREENSHOT = Buffer.from('PNG-bytes-van-de-schermafbeelding-met-Sanne');
const hex = (b: Buffer) => createHash('sha256').update(b).digest('hex');

beforeEach(async () => {
  t = makeTestCore({ now: '2026-11-16T09:00:00Z' });
  s = await seed(t);
});
afterEach(() => t.cleanup());

/** The schorsing letters (to both parents), a screenshot as evidence, and a request from `door`. */
async function world(door: 'piet' | 'anna') {
  const measureId = await schorsing(t, s);
  await t.call('letters.finalise', { soort: 'schorsing', measureId });
  const letters = await t.call('letters.list', { personId: s.daanId });
  const bewijs = await t.call('evidence.add', {
    incidentId: s.incidentId,
    bestandsnaam: 'screenshot Sanne Bakker.png',
    inhoudBase64: SCREENSHOT.toString('base64'),
    omschrijving: 'Schermafbeelding van het verhaal',
    beveiligdOp: '2026-11-11',
  });
  const r = await t.call('trust.accessRequests.create', {
    personId: s.daanId,
    aanvragerSoort: 'ouder',
    aanvragerId: door === 'piet' ? s.pietId : s.annaId,
    ontvangenOp: '2026-11-13',
  });
  const to = (id: number) => letters.find((l) => l.geadresseerdeId === id)!;
  return { r, bewijs, daan: to(s.daanId), piet: to(s.pietId), anna: to(s.annaId) };
}

const exportsDir = () => {
  const dir = path.join(defaultDataDir(t.dbPath), 'exports');
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => !n.startsWith('.')) : [];
};
const audits = (id: number) =>
  (
    t.core.db
      .prepare(`SELECT action, after_json FROM audit_log WHERE entity = 'inzageverzoek' AND entity_id = ? ORDER BY id`)
      .all(String(id)) as {
      action: string;
      after_json: string;
    }[]
  ).map((a) => ({ action: a.action, after: JSON.parse(a.after_json ?? 'null') }));

describe('access-request answer as a bundle', () => {
  it('holds the dossier with the letters’ full text and the letters to the asking parent, not those to the other parent', async () => {
    const w = await world('piet');
    expect(w.daan && w.piet && w.anna).toBeTruthy();
    const review = await t.call('trust.accessRequests.review', { id: w.r.id });
    expect(review.brieven.map((b) => b.kenmerk).sort()).toEqual([w.daan.kenmerk, w.piet.kenmerk].sort());
    expect(review.bewijs).toEqual([expect.objectContaining({ id: w.bewijs.id, bestandsnaam: 'screenshot Sanne Bakker.png' })]);

    const exp = await t.call('trust.accessRequests.export', { id: w.r.id });
    expect(exp.bestandsnaam).toBe('Inzage Daan Jansen 2026-11-16.zip');
    const b = await bundleOf(exp.inhoudBase64);
    const brieven = [w.daan, w.piet].map((l) => `Brieven/${l.kenmerk}.docx`).sort();
    expect(b.names).toEqual([expect.stringMatching(/^Dossier .*\.docx$/), ...brieven]);
    // The letter as it was sent, byte for byte.
    expect(hex(await b.file(`Brieven/${w.piet.kenmerk}.docx`))).toBe(w.piet.sha256);

    const body = b.dossier.body;
    expect(body).toContain('Brieven: volledige tekst');
    // A paragraph only the letter has (the dossier's own chapters do not), and its salutation.
    const model = (await t.call('letters.get', { id: w.piet.id })).model;
    const alinea = model.inhoud.flatMap((x) => (x.type === 'alinea' && !/Sanne|Bakker/.test(x.tekst) ? [x.tekst] : [])).at(-1)!;
    expect(alinea).toBeTruthy();
    expect(body).toContain(alinea);
    expect(body).toContain(model.aanhef!);
    expect(body).toContain(`${w.anna.kenmerk} — `);
    expect(body).not.toContain('Kerkstraat 5');
    expect(body).not.toContain('Sanne');
    expect(body).not.toContain('Bakker');

    // Written once, to the exports area, and audited with what went in.
    expect(exportsDir()).toHaveLength(1);
    const last = audits(w.r.id).at(-1)!;
    expect(last.action).toBe('dossier_geexporteerd');
    expect(last.after.inhoud.map((e: { soort: string; naam: string }) => [e.soort, e.naam])).toEqual([
      ['dossier', b.names[0]],
      ...brieven.map((n) => ['brief', n]),
    ]);
  });

  it('for the other parent, holds the letter to her and not the one to the father', async () => {
    const w = await world('anna');
    const b = await bundleOf((await t.call('trust.accessRequests.export', { id: w.r.id })).inhoudBase64);
    expect(b.names.filter((n) => n.startsWith('Brieven/'))).toEqual([w.daan, w.anna].map((l) => `Brieven/${l.kenmerk}.docx`).sort());
    expect(b.dossier.body).toContain('Kerkstraat 5');
    expect(b.dossier.body).not.toContain('Piet Jansen, Dorpsstraat 1');
  });

  it('adds an evidence file only when it is ticked, under a neutral name, byte for byte', async () => {
    const w = await world('piet');
    const b = await bundleOf((await t.call('trust.accessRequests.export', { id: w.r.id, bewijsIds: [w.bewijs.id] })).inhoudBase64);
    const naam = b.names.find((n) => n.startsWith('Bewijsstukken/'))!;
    expect(naam).toBe(`Bewijsstukken/${(await t.call('incidents.get', { id: s.incidentId })).nummer} bewijsstuk ${w.bewijs.id}.png`);
    expect(await b.file(naam)).toEqual(SCREENSHOT);
    expect(audits(w.r.id).at(-1)!.after.inhoud.at(-1)).toEqual({
      soort: 'bewijsstuk',
      naam,
      sha256: hex(SCREENSHOT),
      bron: String(w.bewijs.id),
    });
  });

  it('refuses an evidence file changed since it was secured, naming it, and writes nothing', async () => {
    const w = await world('piet');
    const { opslagnaam } = t.core.db.prepare('SELECT opslagnaam FROM evidence WHERE id = ?').get(w.bewijs.id) as { opslagnaam: string };
    const file = t.core.ctx.files.path('bewijs', opslagnaam);
    fs.chmodSync(file, 0o600);
    fs.writeFileSync(file, Buffer.from('iets anders'));
    const before = audits(w.r.id).length;
    const r = await t.core.invoke('trust.accessRequests.export', { id: w.r.id, bewijsIds: [w.bewijs.id] });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('CONFLICT');
      expect(r.error.message).toMatch(/bewijsstuk "screenshot Sanne Bakker\.png" bij melding .* is gewijzigd/);
    }
    expect(exportsDir()).toEqual([]);
    expect(audits(w.r.id)).toHaveLength(before);
    expect((await t.call('trust.accessRequests.get', { id: w.r.id })).exportGemaaktOp).toBeNull();
    // Without it, the answer can still be made.
    expect((await bundleOf((await t.call('trust.accessRequests.export', { id: w.r.id })).inhoudBase64)).names).toHaveLength(3);
  });

  it('refuses evidence of an incident the person is not part of', async () => {
    const w = await world('piet');
    const other = await t.call('incidents.create', {
      datumVoorval: '2026-11-12',
      datumMelding: '2026-11-12',
      locatie: 'tijdens_les',
      platform: 'whatsapp',
      categorie: 'kwetsen',
      ernst: 'laag',
      omschrijving: 'Iets tussen twee anderen.',
      betrokkenen: [{ personId: s.sanneId, rol: 'slachtoffer' }],
    });
    const vreemd = await t.call('evidence.add', {
      incidentId: other.id,
      bestandsnaam: 'ander.png',
      inhoudBase64: Buffer.from('x').toString('base64'),
      beveiligdOp: '2026-11-12',
    });
    const r = await t.core.invoke('trust.accessRequests.export', { id: w.r.id, bewijsIds: [vreemd.id] });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toMatchObject({
        code: 'VALIDATIE',
        field: 'bewijsIds',
        message: expect.stringMatching(/hoort niet bij een melding van deze persoon/),
      });
    expect(exportsDir()).toEqual([]);
  });
});
