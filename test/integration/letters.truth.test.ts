// Every sentence of a schorsing letter follows what is recorded: a notice to the Inspectie or the
// leerplichtambtenaar in the past tense (with its date) only once that step is done, in the future
// tense while it is open, and not at all when it does not apply; hearings named as they went; a
// one-day schorsing as one day; the last day for an objection written out (Awb 6:7, 6:8, Atw art. 1).
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { makeTestCore } from '../support/core';
import type { TestCore } from '../support/core';
import { seed, schorsing, docxText } from './letters.fixture';
import type { Seed } from './letters.fixture';

let t: TestCore;
let s: Seed;

// Friday 13 November 2026: six weeks later is Friday 25 December (Christmas), so the objection term
// runs on to Monday 28 December (Algemene termijnenwet art. 1; 26 and 27 December are a weekend).
beforeEach(async () => {
  t = makeTestCore({ now: '2026-11-13T09:00:00Z' });
  s = await seed(t);
});
afterEach(() => t.cleanup());

const letterText = async (measureId: number, soort: 'schorsing' = 'schorsing') => {
  const p = await t.call('letters.preview', { soort, measureId });
  return { p, text: p.brieven.map((b) => JSON.stringify(b.inhoud)) };
};
const step = async (measureId: number, regel: string) => {
  const list = await t.call('obligations.list', { measureId, limit: 100 });
  const o = list.rows.find((x) => x.regel === regel);
  if (!o) throw new Error(`no step ${regel}`);
  return o;
};

describe('a schorsing letter tells the notices as recorded', () => {
  it('says the Inspectie and the leerplichtambtenaar will be informed while those steps are open', async () => {
    const m = await schorsing(t, s, { besluitDatum: '2026-11-13' });
    const { p, text } = await letterText(m);
    for (const x of text) {
      expect(x).toContain('melden wij de schorsing en de reden ervan bij de Inspectie van het Onderwijs');
      expect(x).toContain('Wij informeren ook de leerplichtambtenaar over de schorsing.');
      expect(x).not.toMatch(/hebben wij[^"]*Inspectie[^"]*geïnformeerd/);
      expect(x).not.toContain('is over de schorsing geïnformeerd');
    }
    expect(p.brieven[0].afschrift).toContain('leerplichtambtenaar');
  });

  it('says when the Inspectie was informed once that is recorded, and drops the leerplicht notice marked not applicable', async () => {
    const m = await schorsing(t, s, { besluitDatum: '2026-11-13' });
    await t.call('obligations.markDone', { id: (await step(m, 'schorsing.isd')).id, door: 'M. de Boer', datum: '2026-11-13' });
    await t.call('obligations.markNotApplicable', {
      id: (await step(m, 'schorsing.leerplicht')).id,
      reden: 'Leerplichtambtenaar was al betrokken via het zorgteam.',
    });
    const { p, text } = await letterText(m);
    for (const x of text) {
      expect(x).toContain('hebben wij op 13 november 2026 de Inspectie van het Onderwijs over de schorsing en de reden ervan geïnformeerd');
      expect(x).not.toContain('melden wij de schorsing');
      expect(x).not.toContain('leerplichtambtenaar');
    }
    for (const b of p.brieven) {
      expect(b.afschrift).not.toContain('leerplichtambtenaar');
      expect(b.afschrift.some((a) => a.startsWith('Inspectie van het Onderwijs'))).toBe(true);
    }
  });

  it('names exactly who was heard and says a refused invitation as such ("Daan en u" only when both were heard)', async () => {
    const m = (
      await t.call('measures.create', {
        incidentId: s.incidentId,
        personId: s.daanId,
        soort: 'schorsing',
        status: 'besloten',
        besluitDatum: '2026-11-13',
        startdatum: '2026-11-16',
        einddatum: '2026-11-17',
        vorm: 'intern',
        afsprakenSchoolwerk: 'Daan werkt in het stiltelokaal aan de opdrachten uit de studiewijzer.',
      })
    ).id;
    await t.call('obligations.hearings.add', {
      measureId: m,
      gehoord: 'leerling',
      personId: s.daanId,
      datum: '2026-11-12',
      tijd: '10:00',
      door: 'M. de Boer',
    });
    await t.call('obligations.hearings.add', {
      measureId: m,
      gehoord: 'ouders',
      personId: s.annaId,
      datum: '2026-11-12',
      tijd: '16:30',
      door: 'M. de Boer',
      uitkomst: 'geweigerd',
    });
    await t.call('obligations.hearings.add', {
      measureId: m,
      gehoord: 'ouders',
      personId: s.pietId,
      datum: '2026-11-13',
      door: 'M. de Boer',
      uitkomst: 'geen_reactie',
    });
    const { text } = await letterText(m);
    const ouders = text[1];
    expect(ouders).toContain('Op donderdag 12 november 2026 om 10.00 uur hebben wij Daan gehoord.');
    expect(ouders).toContain(
      'Mevrouw De Vries heeft onze uitnodiging voor een gesprek op donderdag 12 november 2026 om 16.30 uur afgeslagen.',
    );
    expect(ouders).toContain(
      'Op onze uitnodiging aan de heer Jansen voor een gesprek op vrijdag 13 november 2026 hebben wij geen reactie gekregen.',
    );
    expect(ouders).not.toContain('Daan en u gehoord');
    // The form of the schorsing in a sentence, with the pronoun of the recorded gender.
    expect(ouders).toContain('Bij een interne schorsing komt Daan wel naar school, maar volgt hij geen lessen met de klas');
    expect(ouders).not.toContain('hem of haar');
  });

  it('words a one-day schorsing as one day and sends no notice to the Inspectie', async () => {
    const m = await schorsing(t, s, { besluitDatum: '2026-11-13', startdatum: '2026-12-07', einddatum: '2026-12-07' });
    const { p, text } = await letterText(m);
    for (const x of text) {
      expect(x).toContain('schorsing van één schooldag: op maandag 7 december 2026.');
      expect(x).not.toContain('tot en met maandag 7 december');
      expect(x).not.toContain('Inspectie');
    }
    for (const b of p.brieven) expect(b.afschrift.join(' ')).not.toContain('Inspectie');
  });

  it('writes out the last day for an objection, past Christmas and the weekend, and plans a return conversation', async () => {
    const m = await schorsing(t, s, { besluitDatum: '2026-11-13' });
    const r = await t.call('letters.finalise', { soort: 'schorsing', measureId: m });
    const { body } = await docxText(Buffer.from((await t.call('letters.download', { id: r.brieven[1].id })).inhoudBase64, 'base64'));
    expect(body).toContain('Dat kan tot en met maandag 28 december 2026 (zes weken na de datum van deze brief).');
    expect(body).toContain('Bij een externe schorsing komt Daan in deze periode niet naar school');
    expect(body).toContain('terugkeergesprek');
    expect(body).toContain('Geachte heer Jansen,');
  });
});

describe('an adult pupil is addressed as the school chose', () => {
  it('with "je" by default, with "u" and a formal salutation once the school sets it; a minor keeps "je"', async () => {
    const piet = (
      await t.call('people.create', {
        soort: 'leerling',
        voornaam: 'Pieter',
        roepnaam: 'Piet',
        tussenvoegsel: 'van den',
        achternaam: 'Berg',
        geslacht: 'm',
        geboortedatum: '2007-11-13',
        groep: '6A',
        straat: 'Hoogstraat 3',
        postcode: '4001 GG',
        plaats: 'Tiel',
      } as never)
    ).id;
    // 18 on the letter's date exactly (13 November 2007 → 13 November 2026).
    const m = await schorsing(t, { ...s, daanId: piet }, { besluitDatum: '2026-11-13', personId: piet });
    const eigen = async () => (await t.call('letters.preview', { soort: 'schorsing', measureId: m })).brieven[0];
    let b = await eigen();
    expect(b.aanhef).toBe('Beste Piet,');
    expect(JSON.stringify(b.inhoud)).toContain('Ben je het niet eens met dit besluit');
    await t.call('letters.settings.save', { volwassenen: 'u' });
    b = await eigen();
    expect(b.variant).toBe('volwassene');
    expect(b.aanhef).toBe('Geachte heer Van den Berg,');
    expect(JSON.stringify(b.inhoud)).toContain('Bent u het niet eens met dit besluit, dan kunt u schriftelijk bezwaar maken');
    // Our own sentences (the quoted protocol rules keep their wording).
    expect(JSON.stringify(b.inhoud.filter((x) => x.type !== 'gegevens'))).not.toMatch(/\bje\b/);
    // A school's own text with the surname standing on its own: the tussenvoegsel takes a capital.
    await t.call('letters.texts.save', {
      soort: 'schorsing',
      teksten: { betreft: { volwassene: 'Schorsing van de heer {leerling.achternaam}' } },
    });
    expect((await eigen()).betreft).toBe('Schorsing van de heer Van den Berg');
    // Daan is 15: the setting does not touch his letter.
    const daan = await schorsing(t, s, { besluitDatum: '2026-11-13' });
    const d = (await t.call('letters.preview', { soort: 'schorsing', measureId: daan })).brieven[0];
    expect(d.aanhef).toBe('Beste Daan,');
  });
});
