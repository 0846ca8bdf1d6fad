// Every letter kind, made final and read back from the .docx (word/document.xml):
// the business-letter elements with the right data, the kind's own required content, no placeholder.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { makeTestCore } from '../support/core';
import type { TestCore } from '../support/core';
import type { LetterKind, LetterRequest } from '../../src/shared/api/letters';
import { LETTER_KINDS } from '../../src/shared/api/letters';
import { seed, schorsing, docxText } from './letters.fixture';
import type { Seed } from './letters.fixture';

let t: TestCore;
let s: Seed;
const requests = {} as Record<LetterKind, LetterRequest>;

beforeAll(async () => {
  t = makeTestCore({ now: '2026-11-16T09:00:00Z' });
  s = await seed(t);
  const m = async (input: Parameters<TestCore['call']>[1] & object) => (await t.call('measures.create', input as never)).id;
  const daan = { incidentId: s.incidentId, personId: s.daanId, besluitDatum: '2026-11-16' };

  requests.uitnodiging_gesprek = { soort: 'uitnodiging_gesprek', measureId: await m({ ...daan, soort: 'gesprek', status: 'voorgenomen' }), afspraak: { datum: '2026-11-18', tijd: '15:30', plaats: 'Kamer 1.12' } };
  requests.waarschuwing = { soort: 'waarschuwing', measureId: await m({ ...daan, soort: 'waarschuwing' }) };
  requests.bevestiging_maatregel = {
    soort: 'bevestiging_maatregel',
    measureId: await m({ ...daan, soort: 'inname_telefoon', startdatum: '2026-11-16', einddatum: '2026-11-20', toelichting: 'Daan levert zijn telefoon een week lang elke ochtend in bij de administratie.' }),
    bijlagen: ['Uittreksel socialemediaprotocol'],
  };
  requests.schorsing = { soort: 'schorsing', measureId: await schorsing(t, s) };
  const voornemen = await m({ ...daan, soort: 'voornemen_verwijdering', status: 'voorgenomen', beoogdBesluit: '2026-12-07', toelichting: 'Dit is de derde ernstige overtreding dit schooljaar.' });
  requests.voornemen_verwijdering = { soort: 'voornemen_verwijdering', measureId: voornemen };
  requests.uitnodiging_hoorgesprek = { soort: 'uitnodiging_hoorgesprek', measureId: voornemen, afspraak: { datum: '2026-11-25', tijd: '10:00' } };
  // The law lets the board decide only after the hearings and (VO) the consultation of the Inspectie.
  const vInput = { ...daan, soort: 'verwijdering' as const, status: 'voorgenomen' as const, startdatum: '2026-12-01' };
  const verwijdering = await m(vInput);
  for (const [gehoord, personId, datum] of [['leerling', s.daanId, '2026-11-12'], ['ouders', s.annaId, '2026-11-12'], ['docent', s.docentId, '2026-11-13']] as const) {
    await t.call('obligations.hearings.add', { measureId: verwijdering, gehoord, personId, datum, door: 'M. de Boer' });
  }
  await t.call('externalReports.create', { incidentId: s.incidentId, measureId: verwijdering, personId: s.daanId, instantie: 'inspectie', soort: 'consultatie', datum: '2026-11-13', door: 'M. de Boer' });
  await t.call('measures.update', { ...vInput, id: verwijdering, status: 'besloten' });
  requests.besluit_verwijdering = { soort: 'besluit_verwijdering', measureId: verwijdering };
  requests.toegangsverbod = { soort: 'toegangsverbod', measureId: await m({ personId: s.ouderId, soort: 'toegangsverbod', besluitDatum: '2026-11-16', startdatum: '2026-11-17', einddatum: '2027-01-31', toelichting: 'U heeft op 9 november een medewerker bij het hek bedreigd.' }) };

  const staffIncident = await t.call('incidents.create', {
    datumVoorval: '2026-11-09',
    datumMelding: '2026-11-09',
    locatie: 'buiten_school',
    platform: 'facebook',
    categorie: 'persoonsgegevens',
    ernst: 'middel',
    omschrijving: 'De heer Smit heeft in een openbare Facebook-groep cijfers van leerlingen uit klas 2A gedeeld.',
    regelIds: [s.regels[1].id],
    betrokkenen: [{ personId: s.docentId, rol: 'dader' }],
  });
  const smit = { incidentId: staffIncident.id, personId: s.docentId, besluitDatum: '2026-11-16' };
  requests.personeel_uitnodiging = { soort: 'personeel_uitnodiging', measureId: await m({ ...smit, soort: 'gesprek', status: 'voorgenomen' }), afspraak: { datum: '2026-11-19', tijd: '09:00' } };
  requests.personeel_waarschuwing = { soort: 'personeel_waarschuwing', measureId: await m({ ...smit, soort: 'waarschuwing' }) };
  requests.personeel_voornemen = { soort: 'personeel_voornemen', measureId: await m({ ...smit, soort: 'schriftelijke_berisping', status: 'voorgenomen' }) };
  // The CAO's order: the voornemen letter, the employee's zienswijze, then the decision answering it.
  const sInput = { ...smit, soort: 'schorsing' as const, status: 'voorgenomen' as const, startdatum: '2026-11-23', einddatum: '2026-12-04' };
  const staffSchorsing = await m(sInput);
  await t.call('letters.finalise', { soort: 'personeel_voornemen', measureId: staffSchorsing });
  await t.call('obligations.hearings.add', { measureId: staffSchorsing, gehoord: 'medewerker', personId: s.docentId, datum: '2026-11-16', tijd: '14:00', door: 'M. de Boer' });
  await t.call('measures.update', { ...sInput, id: staffSchorsing, status: 'besloten', toelichting: 'Cijfers van leerlingen horen niet in een openbare groep.' });
  requests.personeel_besluit = { soort: 'personeel_besluit', measureId: staffSchorsing };

  const vi = await t.call('externalReports.create', { incidentId: s.incidentId, personId: s.daanId, instantie: 'vertrouwensinspecteur', soort: 'consultatie', datum: '2026-11-12', tijd: '11:15', door: 'M. de Boer', contactpersoon: 'mevrouw K. Visser', toelichting: 'Advies: aangifte overwegen en de ouders van beide leerlingen informeren.' });
  requests.vastlegging_vertrouwensinspecteur = { soort: 'vastlegging_vertrouwensinspecteur', reportId: vi.id };
  const politie = await t.call('externalReports.create', { incidentId: s.incidentId, personId: s.daanId, instantie: 'politie', soort: 'aangifte', datum: '2026-11-13', door: 'M. de Boer', kenmerk: 'PL0900-2026123456', politieEenheid: 'Oost-Nederland, bureau Tiel', schooladresGebruikt: true });
  requests.vastlegging_aangifte = { soort: 'vastlegging_aangifte', reportId: politie.id };
});
afterAll(() => t.cleanup());

/** What each kind must say besides the common letter elements. */
const REQUIRED: Record<LetterKind, { betreft: string; aanhef: string | null; snippets: string[]; afschrift: string[] }> = {
  uitnodiging_gesprek: { betreft: 'Uitnodiging voor een gesprek over Daan Jansen', aanhef: 'Geachte heer Jansen,', snippets: ['datum: woensdag 18 november 2026', 'tijd: 15.30 uur', 'plaats: Kamer 1.12', 'met: M. de Boer, rector', 'herhaling te voorkomen'], afschrift: ['leerlingdossier'] },
  uitnodiging_hoorgesprek: { betreft: 'Uitnodiging voor een hoorgesprek over Daan Jansen', aanhef: 'Geachte heer Jansen,', snippets: ['datum: woensdag 25 november 2026', 'tijd: 10.00 uur', 'U mag iemand meenemen', 'de stukken inzien', 'schriftelijk', 'de betrokken leraar of leraren'], afschrift: ['leerlingdossier'] },
  waarschuwing: { betreft: 'Waarschuwing voor Daan Jansen', aanhef: 'Geachte heer Jansen,', snippets: ['officiële waarschuwing', '3.1', 'zwaardere maatregel'], afschrift: ['leerlingdossier'] },
  bevestiging_maatregel: { betreft: 'Maatregel voor Daan Jansen: inname telefoon', aanhef: 'Geachte heer Jansen,', snippets: ['elke ochtend in bij de administratie', 'van 16 november 2026 tot en met 20 november 2026', 'Bijlage: Uittreksel socialemediaprotocol'], afschrift: ['leerlingdossier'] },
  schorsing: { betreft: 'Schorsing van Daan Jansen', aanhef: 'Geachte heer Jansen,', snippets: ['3.4', 'Op donderdag 12 november 2026 om 10.00 uur hebben wij Daan gehoord.', 'van dinsdag 17 november 2026 tot en met donderdag 19 november 2026', 'studiewijzer', 'Inspectie van het Onderwijs', 'zes weken', 'voornemen tot verwijdering'], afschrift: ['leerlingdossier', 'leerplichtambtenaar'] },
  voornemen_verwijdering: { betreft: 'Voornemen tot verwijdering van Daan Jansen', aanhef: 'Geachte heer Jansen,', snippets: ['van plan', 'derde ernstige overtreding', 'Op 13 november 2026 hebben wij over het voornemen overlegd met de Inspectie', 'andere school', 'nog geen bezwaar'], afschrift: ['leerlingdossier'] },
  besluit_verwijdering: { betreft: 'Besluit tot verwijdering van Daan Jansen', aanhef: 'Geachte heer Jansen,', snippets: ['definitief van school te verwijderen.', 'De verwijdering gaat pas in als een andere school', 'Op vrijdag 13 november 2026 hebben wij de heer Smit (leraar) gehoord.', 'hebben wij mevrouw De Vries gehoord', 'zes weken', 'Geschillencommissie passend onderwijs', 'blijft Daan bij ons ingeschreven'], afschrift: ['Inspectie van het Onderwijs', 'leerplichtambtenaar'] },
  toegangsverbod: { betreft: 'Toegangsverbod Het Lingecollege', aanhef: 'Geachte Kim Peters,', snippets: ['van 17 november 2026 tot en met 31 januari 2027', 'huisvredebreuk', 'bedreigd', 'bezwaar'], afschrift: ['dossier'] },
  personeel_uitnodiging: { betreft: 'Uitnodiging voor een gesprek', aanhef: 'Geachte heer Smit,', snippets: ['donderdag 19 november 2026', '09.00 uur', 'Het Lingecollege, Stationsstraat 12, 4001 AB Tiel', 'vakbond', 'Persoonlijk en vertrouwelijk'], afschrift: ['personeelsdossier'] },
  personeel_waarschuwing: { betreft: 'Waarschuwing', aanhef: 'Geachte heer Smit,', snippets: ['geen disciplinaire maatregel', 'cijfers van leerlingen', 'schriftelijke berisping'], afschrift: ['personeelsdossier'] },
  personeel_voornemen: { betreft: 'Voornemen tot schriftelijke berisping', aanhef: 'Geachte heer Smit,', snippets: ['Aangetekend', 'plichtsverzuim', 'binnen drie weken', 'uiterlijk op maandag 7 december 2026'], afschrift: ['personeelsdossier'] },
  personeel_besluit: { betreft: 'Besluit tot schorsing', aanhef: 'Geachte heer Smit,', snippets: ['Aangetekend', 'In mijn brief van 16 november 2026 (kenmerk', 'zienswijze gegeven op maandag 16 november 2026 om 14.00 uur', 'niet in een openbare groep', 'van 23 november 2026 tot en met 4 december 2026', 'binnen zes weken', 'Commissie van beroep funderend onderwijs'], afschrift: ['personeelsdossier'] },
  vastlegging_vertrouwensinspecteur: { betreft: 'Vastlegging consultatie bij de vertrouwensinspecteur', aanhef: null, snippets: ['Dossier van', '0900-111 3 111', 'tijd: 11.15 uur', 'mevrouw K. Visser', 'aangifte overwegen', 'Vastgelegd door:'], afschrift: [] },
  vastlegging_aangifte: { betreft: 'Vastlegging aangifte bij de politie', aanhef: null, snippets: ['Dossier van', 'PL0900-2026123456', 'Oost-Nederland, bureau Tiel', 'adres van de school gebruikt: ja', 'tijd: niet vastgelegd'], afschrift: [] },
};

describe('every letter kind', () => {
  it('covers all kinds', () => expect(Object.keys(REQUIRED).sort()).toEqual([...LETTER_KINDS].sort()));

  it.each([...LETTER_KINDS])('%s: final .docx holds the business-letter layout and the required content', async (soort) => {
    const req = requests[soort];
    const kinds = await t.call('letters.kindsFor', req.measureId ? { measureId: req.measureId } : { reportId: req.reportId });
    expect(kinds.map((k) => k.soort)).toContain(soort);

    const r = await t.call('letters.finalise', req);
    const want = REQUIRED[soort];
    for (const letter of r.brieven) expect(letter.kenmerk).toMatch(/^2026-\d{4}$/);
    // A letter about a VO pupil goes to him first, then to each parent's address (Inrichtingsbesluit WVO art. 13, 15).
    const aanLeerling = want.aanhef === 'Geachte heer Jansen,';
    const first = r.brieven[aanLeerling ? 1 : 0];
    const { body, headers } = await docxText(Buffer.from((await t.call('letters.download', { id: first.id })).inhoudBase64, 'base64'));

    // The letterhead is the first-page block of the body (fixed heights, see docxBase).
    expect(body).toContain('Het Lingecollege');
    expect(body).toContain('Stationsstraat 12');
    expect(body).toContain('E info@lingecollege.nl');
    expect(body).toContain('BRIN 12AB');
    expect(headers).toContain(`ons kenmerk ${first.kenmerk}`);
    expect(body).toContain('Tiel, 16 november 2026');
    expect(body).toContain(`Ons kenmerk\t${first.kenmerk}`);
    expect(body).toContain(`Betreft\t${want.betreft}`);
    if (want.aanhef) {
      expect(body).toContain(want.aanhef);
      expect(body).toContain('Met vriendelijke groet,');
      expect(body).toMatch(/\n\d{4} [A-Z]{2} {2}[A-Z' -]+\n/); // "4001 CD  TIEL"
    } else {
      expect(body).not.toContain('Geachte');
    }
    expect(body).toContain('M. de Boer\nrector\nHet Lingecollege');
    for (const snippet of want.snippets) expect(body, snippet).toContain(snippet);
    if (want.afschrift.length) expect(body).toMatch(/Afschrift aan: .+/);
    for (const a of want.afschrift) expect(body).toContain(a);
    expect(body).not.toMatch(/\{[^}]*\}/);
    expect(body).not.toContain('undefined');
    expect(body).not.toContain('null');
    // Pupil letters go to the pupil and to both separated parents, each with their own kenmerk.
    if (aanLeerling) {
      expect(r.brieven).toHaveLength(3);
      const own = await docxText(Buffer.from((await t.call('letters.download', { id: r.brieven[0].id })).inhoudBase64, 'base64'));
      expect(own.body).toContain('Daan Jansen\nDorpsstraat 1\n4001 CD  TIEL');
      expect(own.body).toContain('Beste Daan,');
      expect(own.body).toContain(`Ons kenmerk\t${r.brieven[0].kenmerk}`);
      const second = await docxText(Buffer.from((await t.call('letters.download', { id: r.brieven[2].id })).inhoudBase64, 'base64'));
      expect(second.body).toContain('Mevrouw A. de Vries\nKerkstraat 5\n4011 EF  ZOELEN');
      expect(second.body).toContain('Geachte mevrouw De Vries,');
      expect(second.body).toContain(`Ons kenmerk\t${r.brieven[2].kenmerk}`);
    }
  });
});

describe('what the law and the language ask of every letter', () => {
  const tekst = async (soort: LetterKind) => JSON.stringify((await t.call('letters.preview', requests[soort])).brieven.map((b) => b.inhoud));

  it('an expulsion decision names the objection route even when a bijzondere school switched the clause off (that setting concerns a schorsing)', async () => {
    await t.call('obligations.settings.save', { ...(await t.call('obligations.settings.get', {})), bezwaarclausule: false });
    expect(await tekst('besluit_verwijdering')).toContain('bezwaar');
    expect(await tekst('schorsing')).not.toContain('bezwaar maken');
    await t.call('obligations.settings.save', { ...(await t.call('obligations.settings.get', {})), bezwaarclausule: true });
  });

  it('says "regel" or "regels" by count, and "hem" or "haar" by the recorded gender, never both', async () => {
    for (const soort of LETTER_KINDS) {
      const text = await tekst(soort);
      expect(text, soort).not.toContain('regel(s)');
      expect(text, soort).not.toContain('hem of haar');
    }
    // Daan's incident breaks two rules; Mr Smit's one.
    expect(await tekst('waarschuwing')).toContain('de volgende regels van het');
    expect(await tekst('personeel_waarschuwing')).toContain('de volgende regel van het');
    expect(await tekst('voornemen_verwijdering')).toContain('bereid is hem toe te laten');
  });
});
