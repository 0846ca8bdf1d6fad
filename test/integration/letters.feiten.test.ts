// Each letter's own feiten: proposed from the incident description with every other known person
// replaced by their role in that incident, stored as a concept when edited, marked where names of
// others remain, and confirmed explicitly before a letter naming another pupil is made final.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { makeTestCore } from '../support/core';
import type { TestCore } from '../support/core';
import { seed, schorsing, docxText } from './letters.fixture';
import type { Seed } from './letters.fixture';
import type { PersonInput } from '../../src/shared/api/people';
import { TEXT_VARIANTS } from '../../src/shared/api/letters';
import { makeTrustCore } from './trustSupport';
import path from 'node:path';
import { runCli } from '../../src/main/cli/program';

let t: TestCore;
let s: Seed;

beforeEach(async () => {
  t = makeTestCore({ now: '2026-11-16T09:00:00Z' });
  s = await seed(t);
});
afterEach(() => t.cleanup());

const person = (p: Partial<PersonInput> & Pick<PersonInput, 'soort' | 'voornaam' | 'achternaam'>) =>
  t.call('people.create', p as PersonInput);

const OMSCHRIJVING =
  'Daan en Yasmina Idrissi-Bakker hebben een bewerkte foto van sanne bakker gedeeld. Sannes mentor Karel Smit zag het; ook ZOË ÇELIK zag het. ' +
  'IdrissiBakker (leerlingnummer 100999) ontkende, Idrissi Bakker later niet meer. Yasmina lachte. Zoe Celik bewaarde een screenshot. Kim Peters belde de school, Henk Dekker ook. ' +
  'Piet Jansen, de vader van Daniël, is ingelicht.';

/** An incident naming everyone, with Zoë (a pupil) as a witness, and a schorsing of Daan for it. */
async function scene(omschrijving = OMSCHRIJVING): Promise<{ measureId: number; incidentId: number; yasminaId: number }> {
  const yasmina = await person({
    soort: 'leerling',
    voornaam: 'Yasmina',
    achternaam: 'Idrissi-Bakker',
    leerlingnummer: '100999',
    groep: '3B',
  });
  const zoe = await person({ soort: 'leerling', voornaam: 'Zoë', achternaam: 'Çelik', groep: '3C' });
  await person({ soort: 'extern', voornaam: 'Henk', achternaam: 'Dekker' });
  const old = await t.call('incidents.get', { id: s.incidentId });
  const incident = await t.call('incidents.create', {
    datumVoorval: '2026-11-10',
    datumMelding: '2026-11-11',
    locatie: 'buiten_school',
    platform: 'instagram',
    categorie: 'pesten',
    ernst: 'hoog',
    omschrijving,
    regelIds: old.regels.map((r) => r.id),
    betrokkenen: [
      { personId: s.daanId, rol: 'dader' },
      { personId: yasmina.id, rol: 'dader' },
      { personId: s.sanneId, rol: 'slachtoffer' },
      { personId: zoe.id, rol: 'getuige' },
    ],
  });
  const measureId = await schorsing(t, s, { incidentId: incident.id });
  return { measureId, incidentId: incident.id, yasminaId: yasmina.id };
}

const body = (blocks: { type: string; tekst?: string }[]) => blocks.map((b) => b.tekst ?? '').join('\n');

describe('the feiten proposal', () => {
  it('finds a person added or renamed after an earlier preview (the index of everyone is not kept stale)', async () => {
    const { measureId } = await scene('Daan stuurde Fenna Kortlever een dreigend bericht; Bram Oost zag het.');
    const preview = async () => (await t.call('letters.preview', { soort: 'schorsing', measureId })).feiten!.tekst;
    expect(await preview()).toBe('Daan stuurde Fenna Kortlever een dreigend bericht; Bram Oost zag het.');
    const fenna = await person({ soort: 'leerling', voornaam: 'Fenna', achternaam: 'Kortlever', groep: '2A' });
    expect(await preview()).toBe('Daan stuurde een medeleerling een dreigend bericht; Bram Oost zag het.');
    const bram = await person({ soort: 'medewerker', voornaam: 'Bram', achternaam: 'West' });
    await t.call('people.update', { ...(await t.call('people.get', { id: bram.id })), achternaam: 'Oost' } as never);
    expect(await preview()).toBe('Daan stuurde een medeleerling een dreigend bericht; een medewerker zag het.');
    await t.call('people.update', { ...(await t.call('people.get', { id: fenna.id })), achternaam: 'Kortstra' } as never);
    expect(await preview()).toBe('Daan stuurde een medeleerling Kortlever een dreigend bericht; een medewerker zag het.');
  });

  it('names other people by their role in the measure\'s explanation and the school-work arrangements too', async () => {
    const { measureId } = await scene();
    const m = await t.call('measures.get', { id: measureId });
    await t.call('measures.update', {
      ...m,
      toelichting: 'Daan heeft Yasmina aangezet om de foto van Sanne te delen.',
      afsprakenSchoolwerk: 'Zoë Çelik brengt het huiswerk langs.',
    } as never);
    const p = await t.call('letters.preview', { soort: 'schorsing', measureId });
    for (const b of p.brieven) {
      expect(body(b.inhoud)).toContain('Daan heeft een medeleerling aangezet om de foto van een medeleerling te delen.');
      expect(body(b.inhoud)).toContain('Een getuige brengt het huiswerk langs.');
      for (const name of ['Sanne', 'Yasmina', 'Zoë', 'Çelik']) expect(body(b.inhoud), name).not.toContain(name);
    }
  });

  it('replaces every form of every other person by their role in the incident and keeps the pupil and the parents it goes to', async () => {
    const { measureId } = await scene();
    const p = await t.call('letters.preview', { soort: 'schorsing', measureId });
    expect(p.feiten?.tekst).toBe(
      'Daan en een medeleerling hebben een bewerkte foto van een medeleerling gedeeld. Een medeleerling mentor een medewerker zag het; ook een getuige zag het. ' +
        'Een medeleerling (leerlingnummer [weggelaten]) ontkende, een medeleerling later niet meer. Een medeleerling lachte. Een getuige bewaarde een screenshot. Een ouder belde de school, een derde ook. ' +
        'Piet Jansen, de vader van Daniël, is ingelicht.',
    );
    expect(p.feiten).toMatchObject({ bewerkt: false, meldingGewijzigd: false, namen: [] });
    // "Sannes mentor" cannot become good Dutch by substitution: the sentence is put before the school leader.
    expect(p.feiten?.nakijken).toEqual(['Een medeleerling mentor een medewerker zag het; ook een getuige zag het.']);
    // Every letter (the pupil's and each parent's) states these feiten, not the description.
    for (const b of p.brieven) {
      expect(body(b.inhoud)).toContain('Daan en een medeleerling hebben een bewerkte foto van een medeleerling gedeeld.');
      for (const name of ['Sanne', 'Bakker', 'Yasmina', 'Idrissi', 'Zoë', 'Zoe', 'Çelik', 'Smit', 'Peters', 'Dekker', '100999'])
        expect(body(b.inhoud), name).not.toContain(name);
    }
  });

  it('names a pupil "een medestudent" in MBO, and a pupil in a letter to a staff member "een leerling"', async () => {
    t.cleanup();
    t = makeTestCore({ now: '2026-11-16T09:00:00Z' });
    s = await seed(t, { sector: 'MBO' });
    const { measureId } = await scene('Daan duwde Sanne Bakker.');
    expect((await t.call('letters.preview', { soort: 'schorsing', measureId })).feiten?.tekst).toBe('Daan duwde een medestudent.');

    const staff = await t.call('incidents.create', {
      datumVoorval: '2026-11-10',
      datumMelding: '2026-11-11',
      locatie: 'in_school',
      platform: 'whatsapp',
      categorie: 'pesten',
      ernst: 'middel',
      omschrijving: 'Karel Smit stuurde Sanne berichten; Kim Peters meldde het.',
      betrokkenen: [{ personId: s.docentId, rol: 'dader' }],
    });
    const m = await t.call('measures.create', {
      incidentId: staff.id,
      personId: s.docentId,
      soort: 'waarschuwing',
      status: 'besloten',
      besluitDatum: '2026-11-16',
    });
    const kinds = await t.call('letters.kindsFor', { measureId: m.id });
    const soort = kinds.find((k) => k.soort === 'personeel_waarschuwing')!.soort;
    expect((await t.call('letters.preview', { soort, measureId: m.id })).feiten?.tekst).toBe(
      'Karel Smit stuurde een student berichten; een ouder meldde het.',
    );
  });

  it("replaces the parents' names when the letter does not go to them (an adult MBO student without consent for a copy)", async () => {
    t.cleanup();
    t = makeTestCore({ now: '2029-03-05T09:00:00Z' });
    s = await seed(t, { sector: 'MBO' });
    const { measureId } = await scene('Daan en Piet Jansen spraken met Anna de Vries.');
    const p = await t.call('letters.preview', { soort: 'schorsing', measureId });
    expect(p.brieven.map((b) => b.variant)).toEqual(['persoon']);
    expect(p.feiten?.tekst).toBe('Daan en een ouder spraken met een ouder.');
  });
});

describe('a first name several people share', () => {
  it('is named by the role of the one involved in the incident, and marked as a pupil when one of them is a pupil', async () => {
    await person({ soort: 'medewerker', voornaam: 'Fleur', achternaam: 'de Wit', functie: 'conciërge' });
    const fleur = await person({ soort: 'leerling', voornaam: 'Fleur', achternaam: 'Visser', groep: '3B' });
    const incident = await t.call('incidents.create', {
      datumVoorval: '2026-11-10',
      datumMelding: '2026-11-11',
      locatie: 'in_school',
      platform: 'whatsapp',
      categorie: 'pesten',
      ernst: 'middel',
      omschrijving: 'Daan schold Fleur uit.',
      regelIds: s.regels.map((r) => r.id),
      betrokkenen: [
        { personId: s.daanId, rol: 'dader' },
        { personId: fleur.id, rol: 'slachtoffer' },
      ],
    });
    const measureId = await schorsing(t, s, { incidentId: incident.id });
    expect((await t.call('letters.preview', { soort: 'schorsing', measureId })).feiten?.tekst).toBe('Daan schold een medeleerling uit.');
    const edited = await t.call('letters.feiten.save', { soort: 'schorsing', measureId, tekst: 'Daan schold Fleur uit.' });
    expect(edited.namen).toEqual([{ tekst: 'Fleur', leerling: true, gedeeld: false }]);
  });
});

describe('a note for the file about a report to an authority', () => {
  it('has its own feiten per report and dossier, without the other pupils', async () => {
    const { incidentId, yasminaId } = await scene();
    const report = await t.call('externalReports.create', {
      incidentId,
      personId: s.daanId,
      instantie: 'politie',
      soort: 'aangifte',
      datum: '2026-11-13',
      door: 'M. de Boer',
    });
    const voorDaan = await t.call('letters.preview', { soort: 'vastlegging_aangifte', reportId: report.id });
    expect(voorDaan.feiten?.tekst).toMatch(/^Daan en een medeleerling hebben een bewerkte foto van een medeleerling gedeeld\./);
    expect(body(voorDaan.brieven[0].inhoud)).toContain('Daan en een medeleerling hebben');
    // The same report in Yasmina's dossier: Daan is the other pupil there, and the parents are "een ouder".
    const voorYasmina = await t.call('letters.preview', { soort: 'vastlegging_aangifte', reportId: report.id, personId: yasminaId });
    expect(voorYasmina.feiten?.tekst).toMatch(
      /^Een medeleerling en Yasmina Idrissi-Bakker hebben .* Een ouder, de vader van een medeleerling, is ingelicht\.$/,
    );
  });
});

describe('the concept', () => {
  it('keeps an edit for this letter only, survives re-opening, resets to the proposal, and warns when the description changed', async () => {
    const { measureId, incidentId } = await scene('Daan schold Sanne uit.');
    const saved = await t.call('letters.feiten.save', {
      soort: 'schorsing',
      measureId,
      tekst: 'Daan heeft een medeleerling in de klas uitgescholden.\r\n\r\nDat gebeurde twee keer.',
    });
    expect(saved).toMatchObject({
      tekst: 'Daan heeft een medeleerling in de klas uitgescholden.\n\nDat gebeurde twee keer.',
      bewerkt: true,
      namen: [],
    });

    const again = await t.call('letters.preview', { soort: 'schorsing', measureId });
    expect(again.feiten).toMatchObject({ tekst: saved.tekst, bewerkt: true, meldingGewijzigd: false });
    // Two paragraphs in the letter.
    expect(again.brieven[0].inhoud.map((b) => b.type === 'alinea' && b.tekst)).toEqual(
      expect.arrayContaining(['Daan heeft een medeleerling in de klas uitgescholden.', 'Dat gebeurde twee keer.']),
    );
    // Another letter about the same measure keeps its own proposal.
    const other = await t.call('letters.preview', {
      soort: 'uitnodiging_gesprek',
      measureId,
      afspraak: { datum: '2026-11-18', tijd: '15:00' },
    });
    expect(other.feiten).toMatchObject({ tekst: 'Daan schold een medeleerling uit.', bewerkt: false });

    const inc = await t.call('incidents.get', { id: incidentId });
    await t.call('incidents.update', {
      id: incidentId,
      datumVoorval: inc.datumVoorval,
      datumMelding: inc.datumMelding,
      locatie: inc.locatie,
      platform: inc.platform,
      categorie: inc.categorie,
      ernst: inc.ernst,
      omschrijving: 'Daan schold Sanne twee keer uit.',
      regelIds: inc.regels.map((r) => r.id),
      betrokkenen: inc.betrokkenen.map((b) => ({ personId: b.personId, rol: b.rol })),
    });
    expect((await t.call('letters.preview', { soort: 'schorsing', measureId })).feiten).toMatchObject({
      tekst: saved.tekst,
      meldingGewijzigd: true,
    });

    const reset = await t.call('letters.feiten.reset', { soort: 'schorsing', measureId });
    expect(reset).toMatchObject({ tekst: 'Daan schold een medeleerling twee keer uit.', bewerkt: false, meldingGewijzigd: false });
    const audit = t.core.db.prepare(`SELECT action FROM audit_log WHERE entity = 'briefconcept' ORDER BY id`).all();
    expect(audit).toEqual([{ action: 'feiten_bewerkt' }, { action: 'feiten_hersteld' }]);
  });

  it('refuses an empty text or a letter without an incident in Dutch and changes nothing', async () => {
    const { measureId } = await scene('Daan schold Sanne uit.');
    const empty = await t.core.invoke('letters.feiten.save', { soort: 'schorsing', measureId, tekst: '  \n ' });
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.error.message).toMatch(/Vul de feiten in/);
    const loose = await t.call('measures.create', {
      personId: s.daanId,
      soort: 'waarschuwing',
      status: 'besloten',
      besluitDatum: '2026-11-16',
    });
    const none = await t.core.invoke('letters.feiten.save', { soort: 'waarschuwing', measureId: loose.id, tekst: 'Iets.' });
    expect(none.ok).toBe(false);
    expect(t.core.db.prepare('SELECT count(*) AS n FROM letter_concept').get()).toEqual({ n: 0 });
  });
});

describe('finalising with names of other pupils', () => {
  it('marks a name typed by hand, refuses to finalise without confirmation, and with it puts the edit in the .docx and audits the names', async () => {
    const { measureId } = await scene('Daan schold Sanne uit.');
    const edited = await t.call('letters.feiten.save', {
      soort: 'schorsing',
      measureId,
      tekst: 'Daan schold Sanne Bakker uit in het bijzijn van Yasmina en Kim Peters, met Instagram.',
    });
    expect(edited.namen).toEqual([
      { tekst: 'Kim Peters', leerling: false, gedeeld: false },
      { tekst: 'Sanne Bakker', leerling: true, gedeeld: false },
      { tekst: 'Yasmina', leerling: true, gedeeld: false },
    ]);
    expect(edited.woorden).toEqual(['Instagram']);

    const refused = await t.core.invoke('letters.finalise', { soort: 'schorsing', measureId });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('REGEL');
      expect(refused.error.message).toBe(
        'De feiten in deze brief noemen nog namen van een andere leerling: “Sanne Bakker”, “Yasmina”. Vervang ze in de feiten door een rol (zoals “een medeleerling”), of bevestig dat ze in deze brief mogen blijven staan.',
      );
    }
    expect(t.core.db.prepare('SELECT count(*) AS n FROM letter').get()).toEqual({ n: 0 });

    const r = await t.call('letters.finalise', { soort: 'schorsing', measureId, namenBevestigd: true });
    const { body: text } = await docxText(Buffer.from((await t.call('letters.download', { id: r.brieven[1].id })).inhoudBase64, 'base64'));
    expect(text).toContain('Daan schold Sanne Bakker uit in het bijzijn van Yasmina en Kim Peters, met Instagram.');
    const audit = t.core.db
      .prepare(`SELECT entity_id, after_json FROM audit_log WHERE entity = 'brief' AND action = 'namen_bevestigd' ORDER BY id`)
      .all() as { entity_id: string; after_json: string }[];
    expect(audit.map((a) => a.entity_id)).toEqual(r.brieven.map((b) => String(b.id)));
    expect(JSON.parse(audit[0].after_json)).toEqual({ kenmerk: r.brieven[0].kenmerk, namen: ['Sanne Bakker', 'Yasmina'] });

    // A later letter of the same kind (a correction) starts from the stored concept.
    expect(
      (await t.call('letters.preview', { soort: 'schorsing', measureId, correctieVan: r.brieven[0].kenmerk, correctieReden: 'Datum.' }))
        .feiten?.bewerkt,
    ).toBe(true);
  });

  it('does not ask for confirmation for a name part the pupil shares with another pupil, but marks it', async () => {
    await person({ soort: 'leerling', voornaam: 'Daan', achternaam: 'Visser' });
    const { measureId } = await scene('Daan Jansen schold Sanne uit.');
    const p = await t.call('letters.preview', { soort: 'schorsing', measureId });
    expect(p.feiten?.tekst).toBe('Daan Jansen schold een medeleerling uit.');
    expect(p.feiten?.namen).toEqual([{ tekst: 'Daan', leerling: true, gedeeld: true }]);
    const r = await t.call('letters.finalise', { soort: 'schorsing', measureId });
    expect(r.brieven).toHaveLength(3);
    expect(t.core.db.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'namen_bevestigd'`).get()).toEqual({ n: 0 });
  });
});

describe('a letter whose texts do not state the feiten', () => {
  it('has none to edit or confirm (the school took {melding.omschrijving} out of its text)', async () => {
    const { measureId } = await scene('Daan schold Sanne uit.');
    await t.call('letters.feiten.save', { soort: 'schorsing', measureId, tekst: 'Daan schold Sanne Bakker uit.' });
    expect((await t.core.invoke('letters.finalise', { soort: 'schorsing', measureId })).ok).toBe(false);
    await t.call('letters.texts.save', {
      soort: 'schorsing',
      teksten: {
        feiten: Object.fromEntries(TEXT_VARIANTS.map((v) => [v, 'Op {melding.datum} is er iets voorgevallen.'])),
      },
    });
    const p = await t.call('letters.preview', { soort: 'schorsing', measureId });
    expect(p.feiten).toBeNull();
    expect(body(p.brieven[1].inhoud)).toContain('Op 10 november 2026 is er iets voorgevallen.');
    expect((await t.call('letters.finalise', { soort: 'schorsing', measureId })).brieven).toHaveLength(3);
  });
});

describe('the command line', () => {
  it('refuses a letter naming another pupil without --namen-bevestigd and makes it with it', async () => {
    const { measureId } = await scene('Daan schold Sanne uit.');
    await t.call('letters.feiten.save', { soort: 'schorsing', measureId, tekst: 'Daan schold Sanne Bakker uit.' });
    const cli = async (extra: string[]) => {
      let err = '';
      const args = [
        'node',
        'schoolprotocol',
        '--db',
        t.dbPath,
        '--key-stdin',
        'letter',
        '--measure',
        String(measureId),
        '--kind',
        'schorsing',
        '--out',
        path.join(t.dir, 'brief.docx'),
        ...extra,
      ];
      const code = await runCli(args, { out: () => undefined, err: (x) => (err += x), readStdin: () => t.key });
      return { code, err };
    };
    const refused = await cli([]);
    expect(refused.code).not.toBe(0);
    expect(refused.err).toContain('noemen nog de naam van een andere leerling: “Sanne Bakker”');
    expect(await cli(['--namen-bevestigd'])).toEqual({ code: 0, err: '' });
    expect(t.core.db.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'namen_bevestigd'`).get()).toEqual({ n: 3 });
  });
});

describe('destroying a person', () => {
  it("removes their name from another pupil's letter concept about an incident that stays, and from its edits in the audit trail", async () => {
    t.cleanup();
    t = makeTrustCore({ now: '2026-11-16T09:00:00Z' });
    s = await seed(t);
    const siebe = await person({
      soort: 'leerling',
      voornaam: 'Siebe',
      achternaam: 'Wouterlooij',
      geboortedatum: '2005-05-01',
      ingeschrevenOp: '2017-08-15',
      uitgeschrevenOp: '2019-07-31',
    });
    const { measureId, incidentId } = await scene('Daan schold Sanne uit.');
    const inc = await t.call('incidents.get', { id: incidentId });
    await t.call('incidents.update', {
      id: incidentId,
      datumVoorval: inc.datumVoorval,
      datumMelding: inc.datumMelding,
      locatie: inc.locatie,
      platform: inc.platform,
      categorie: inc.categorie,
      ernst: inc.ernst,
      omschrijving: inc.omschrijving,
      regelIds: inc.regels.map((r) => r.id),
      betrokkenen: [...inc.betrokkenen.map((b) => ({ personId: b.personId, rol: b.rol })), { personId: siebe.id, rol: 'getuige' }],
    });
    await t.call('letters.feiten.save', {
      soort: 'schorsing',
      measureId,
      tekst: 'Daan schold een medeleerling uit; Siebe Wouterlooij zag het.',
    });
    await t.call('letters.feiten.save', { soort: 'schorsing', measureId, tekst: 'Daan schold een medeleerling uit; Siebe zag het.' });
    // The schorsing's open obligations would hold the shared incident (and so Siebe) back.
    for (const o of (await t.call('obligations.list', { status: ['open'] })).rows)
      await t.call('obligations.markNotApplicable', { id: o.id, reden: 'Niet van toepassing in deze test.' });
    await t.call('trust.retention.destroy', { personIds: [siebe.id], bevestigdDoor: 'M. de Boer' });
    expect(t.core.db.prepare('SELECT feiten FROM letter_concept').all()).toEqual([
      { feiten: 'Daan schold een medeleerling uit; [verwijderd] zag het.' },
    ]);
    const audit = t.core.db.prepare(`SELECT before_json, after_json FROM audit_log WHERE entity = 'briefconcept'`).all() as Record<
      string,
      string | null
    >[];
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit)).not.toMatch(/Siebe|Wouterlooij/);
  });
});
