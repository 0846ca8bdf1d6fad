// Letters end to end through the core: preview, finalise (kenmerk, .docx written once with its
// SHA-256, on the dossier and the measure, obligations completed), download, corrections, texts.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { makeTestCore } from '../support/core';
import type { TestCore } from '../support/core';
import { seed, schorsing, docxText, SCHOOL } from './letters.fixture';
import type { Seed } from './letters.fixture';

let t: TestCore;
let s: Seed;

beforeEach(async () => {
  t = makeTestCore({ now: '2026-11-16T09:00:00Z' });
  s = await seed(t);
});
afterEach(() => t.cleanup());

describe('schorsing letter', () => {
  it('previews a letter to the VO pupil and one per guardian address, each with the right salutation and content', async () => {
    const measureId = await schorsing(t, s);
    const p = await t.call('letters.preview', { soort: 'schorsing', measureId });
    // Inrichtingsbesluit WVO art. 13 lid 2: the decision goes to the pupil and, under 21, his parents.
    expect(p.brieven).toHaveLength(3);
    const [leerling, vader, moeder] = p.brieven;
    expect([leerling.variant, leerling.geadresseerde.regels, leerling.aanhef]).toEqual(['persoon', ['Daan Jansen', 'Dorpsstraat 1', '4001 CD  TIEL'], 'Beste Daan,']);
    expect(vader.geadresseerde.regels).toEqual(['De heer P.J. Jansen', 'Dorpsstraat 1', '4001 CD  TIEL']);
    expect(vader.aanhef).toBe('Geachte heer Jansen,');
    expect(moeder.geadresseerde.regels).toEqual(['Mevrouw A. de Vries', 'Kerkstraat 5', '4011 EF  ZOELEN']);
    expect(moeder.aanhef).toBe('Geachte mevrouw De Vries,');
    expect(vader.kenmerk).toBeNull();
    expect(vader.plaatsDatum).toBe('Tiel, 16 november 2026');
    expect(vader.betreft).toBe('Schorsing van Daan Jansen');
    const text = vader.inhoud.map((b) => (b.type === 'alinea' ? b.tekst : b.type === 'lijst' ? b.items.join('\n') : b.rijen.map((r) => `${r.label} ${r.waarde}`).join('\n'))).join('\n');
    expect(text).toContain('op 16 november 2026 hebben besloten uw zoon Daan (klas 3B) te schorsen');
    expect(text).toContain('Daan heeft een bewerkte foto van een medeleerling');
    for (const r of s.regels) expect(text).toContain(`${r.volledigNummer} ${r.tekst}`);
    expect(text).toContain('Op donderdag 12 november 2026 om 10.00 uur hebben wij Daan gehoord.');
    expect(text).toContain('Op vrijdag 13 november 2026 om 16.30 uur hebben wij de heer Jansen gehoord.');
    expect(text).toContain('externe schorsing van drie schooldagen: van dinsdag 17 november 2026 tot en met donderdag 19 november 2026');
    expect(text).toContain('Daan maakt thuis de opdrachten uit de studiewijzer');
    expect(text).toContain('Inspectie van het Onderwijs');
    expect(text).toContain('leerplichtambtenaar');
    expect(text).toContain('schriftelijk bezwaar maken bij het bevoegd gezag van Het Lingecollege (Stichting Voortgezet Onderwijs Rivierenland), Stationsstraat 12, 4001 AB Tiel. Dat kan tot en met maandag 28 december 2026 (zes weken na de datum van deze brief).');
    expect(text).toContain('tot en met een voornemen tot verwijdering');
    expect(vader.afschrift).toEqual(['Daan Jansen (leerling)', 'Anna de Vries (ouder/verzorger)', 'leerlingdossier', 'Inspectie van het Onderwijs (melding via het Internet Schooldossier)', 'leerplichtambtenaar']);
    expect(vader.ondertekening).toEqual({ naam: 'M. de Boer', functie: 'rector', organisatie: 'Het Lingecollege', namens: 'Namens het bevoegd gezag van Stichting Voortgezet Onderwijs Rivierenland' });
  });

  it('finalises: gapless kenmerken, .docx written once with its SHA-256, on the dossier and the measure, obligation done', async () => {
    const measureId = await schorsing(t, s);
    const r = await t.call('letters.finalise', { soort: 'schorsing', measureId });
    expect(r.brieven.map((b) => b.kenmerk)).toEqual(['2026-0001', '2026-0002', '2026-0003']);
    expect(r.openFile).toBe(t.core.ctx.files.path('brieven', (t.core.db.prepare('SELECT opslagnaam FROM letter WHERE kenmerk = ?').get('2026-0001') as { opslagnaam: string }).opslagnaam));
    expect(r.verplichtingenAfgerond.length).toBeGreaterThanOrEqual(1);

    const file = t.core.ctx.files.path('brieven', (t.core.db.prepare('SELECT opslagnaam FROM letter WHERE kenmerk = ?').get('2026-0002') as { opslagnaam: string }).opslagnaam);
    const bytes = fs.readFileSync(file);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(r.brieven[1].sha256);
    expect(fs.statSync(file).mode & 0o222).toBe(0); // read-only on disk

    const { body, headers } = await docxText(bytes);
    expect(body).toContain('De heer P.J. Jansen');
    expect(body).toContain('4001 CD  TIEL');
    expect(body).toContain('Tiel, 16 november 2026');
    expect(body).toContain('Ons kenmerk\t2026-0002');
    expect(body).toContain('Betreft\tSchorsing van Daan Jansen');
    expect(body).toContain('Geachte heer Jansen,');
    expect(body).toContain('Met vriendelijke groet,');
    expect(body).toContain('M. de Boer');
    expect(body).toContain('Afschrift aan:');
    expect(body).not.toMatch(/\{[a-z.]+\}/);
    expect(body).toContain('BRIN 12AB');
    expect(headers).toContain('PAGE');

    const perMeasure = await t.call('letters.list', { measureId });
    expect(perMeasure.map((l) => l.kenmerk).sort()).toEqual(['2026-0001', '2026-0002', '2026-0003']);
    const dossier = await t.call('dossier.get', { personId: s.daanId });
    const brieven = dossier.items.filter((i) => i.type === 'brief');
    expect(brieven.map((b) => (b.type === 'brief' ? b.kenmerk : '')).sort()).toEqual(['2026-0001', '2026-0002', '2026-0003']);

    const obligations = await t.call('obligations.list', { measureId });
    const besluit = obligations.rows.find((o) => o.regel === 'schorsing.besluit');
    expect(besluit?.status).toBe('gedaan');
    expect(besluit?.toelichting).toContain('2026-0001');

    const dl = await t.call('letters.download', { id: r.brieven[1].id });
    expect(Buffer.from(dl.inhoudBase64, 'base64').equals(fs.readFileSync((await t.call('letters.open', { id: r.brieven[1].id })).openFile))).toBe(true);
    // Kenmerk and kind, no pupil's name: the file name shows in mail attachments and folder listings.
    expect(dl.bestandsnaam).toBe('2026-0002 Schorsing.docx');

    const audit = t.core.db.prepare(`SELECT count(*) AS n FROM audit_log WHERE entity = 'brief' AND action = 'definitief'`).get() as { n: number };
    expect(audit.n).toBe(3);
  });

  it('never changes a final letter; a correction is a new letter that refers to the old kenmerk', async () => {
    const measureId = await schorsing(t, s);
    const first = await t.call('letters.finalise', { soort: 'schorsing', measureId });
    expect(() => t.core.db.prepare(`UPDATE letter SET betreft = 'x' WHERE id = ?`).run(first.brieven[0].id)).toThrow(/kan niet worden gewijzigd/);

    const bad = await t.core.invoke('letters.finalise', { soort: 'schorsing', measureId, correctieVan: '2026-0001' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.field).toBe('correctieReden');

    const fix = await t.call('letters.finalise', { soort: 'schorsing', measureId, correctieVan: '2026-0001', correctieReden: 'De einddatum was onjuist vermeld.' });
    expect(fix.brieven.map((b) => b.kenmerk)).toEqual(['2026-0004', '2026-0005', '2026-0006']);
    expect(fix.brieven[0].correctieVan).toBe('2026-0001');
    const old = await t.call('letters.get', { id: first.brieven[0].id });
    expect(old.gecorrigeerdDoor).toEqual(['2026-0004', '2026-0005', '2026-0006']);
    const { body } = await docxText(Buffer.from((await t.call('letters.download', { id: fix.brieven[0].id })).inhoudBase64, 'base64'));
    expect(body).toContain('Deze brief vervangt onze brief met kenmerk 2026-0001 van 16 november 2026. De einddatum was onjuist vermeld.');
    expect(body).toContain('Vervangt\tbrief met kenmerk 2026-0001');
  });

  it('fails loudly with a Dutch message when data a placeholder needs is missing', async () => {
    const m = await t.call('measures.create', { incidentId: s.incidentId, personId: s.daanId, soort: 'schorsing', status: 'besloten', besluitDatum: '2026-11-16', startdatum: '2026-11-17', einddatum: '2026-11-17', vorm: 'intern' });
    const r = await t.core.invoke('letters.preview', { soort: 'schorsing', measureId: m.id });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('REGEL');
      expect(r.error.message).toMatch(/gehoord/);
    }
    await t.call('obligations.hearings.add', { measureId: m.id, gehoord: 'leerling', datum: '2026-11-12', door: 'M. de Boer' });
    const r2 = await t.core.invoke('letters.preview', { soort: 'schorsing', measureId: m.id });
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.error.message).toBe('De brief “Schorsing” kan nog niet worden gemaakt: de afspraken over het schoolwerk tijdens de schorsing ontbreken. Vul dit aan bij de maatregel.');
    const count = t.core.db.prepare('SELECT count(*) AS n FROM letter').get() as { n: number };
    expect(count.n).toBe(0);
  });

  it('leaves out the Inspectie and leerplicht for a one-day schorsing, and the objection clause when the school turned it off', async () => {
    await t.call('obligations.settings.save', { bezwaarclausule: false });
    const measureId = await schorsing(t, s, { startdatum: '2026-11-17', einddatum: '2026-11-17' });
    const p = await t.call('letters.preview', { soort: 'schorsing', measureId });
    const text = JSON.stringify(p.brieven[0].inhoud);
    expect(text).toContain('één schooldag');
    expect(text).not.toContain('Inspectie');
    expect(text).not.toContain('leerplichtambtenaar');
    expect(text).not.toContain('bezwaar maken');
    expect(p.brieven[0].afschrift).toEqual(['Piet Jansen (ouder/verzorger)', 'Anna de Vries (ouder/verzorger)', 'leerlingdossier']);
  });
});

describe('an adult pupil', () => {
  it('gets the letter himself; a parent gets a copy only once his consent is recorded', async () => {
    await t.call('school.save', { ...SCHOOL, sector: 'MBO' });
    // Born on 29 February 2008: 18 since 1 March 2026.
    await t.call('people.update', { ...(await t.call('people.get', { id: s.daanId })), id: s.daanId, geboortedatum: '2008-02-29', opleiding: 'Mediavormgever niveau 4', groep: null } as never);
    const measureId = (await t.call('measures.create', { incidentId: s.incidentId, personId: s.daanId, soort: 'waarschuwing', besluitDatum: '2026-11-16' })).id;
    const zonder = await t.call('letters.preview', { soort: 'waarschuwing', measureId });
    expect(zonder.brieven.map((b) => [b.variant, b.aanhef])).toEqual([['persoon', 'Beste Daan,']]);
    expect(zonder.brieven[0].afschrift).toEqual(['studentdossier']);
    expect(zonder.waarschuwingen.join('\n')).toContain('Piet Jansen en Anna de Vries krijgen geen afschrift');

    await t.call('people.linkGuardian', { leerlingId: s.daanId, ouderId: s.annaId, relatie: 'moeder', toestemmingAfschrift: true });
    const met = await t.call('letters.preview', { soort: 'waarschuwing', measureId });
    expect(met.brieven).toHaveLength(1);
    expect(met.brieven[0].afschrift).toEqual(['Anna de Vries (ouder/verzorger)', 'studentdossier']);
  });
});
