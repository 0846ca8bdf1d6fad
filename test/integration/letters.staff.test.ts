// Staff letters per the CAO of the school's sector (obligations/rules/personeel.ts, sources/cao.ts): the
// zienswijze term of the voornemen over Christmas and a weekend, the decision that cites the voornemen
// letter only when there is one, answers the recorded zienswijze, names the appeal body of the sector,
// and cannot be made final before the voornemen and the zienswijze (or the end of its term).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { makeTestCore } from '../support/core';
import type { TestCore } from '../support/core';
import type { Sector } from '../../src/shared/domain';
import type { LetterModel, LetterRequest } from '../../src/shared/api/letters';
import type { MeasureInput } from '../../src/shared/api/measures';
import { seed, docxText } from './letters.fixture';
import type { Seed } from './letters.fixture';

const text = (b: LetterModel) => JSON.stringify(b.inhoud);

async function staffIncident(t: TestCore, s: Seed): Promise<number> {
  const i = await t.call('incidents.create', {
    datumVoorval: '2026-11-09',
    datumMelding: '2026-11-09',
    locatie: 'buiten_school',
    platform: 'facebook',
    categorie: 'persoonsgegevens',
    ernst: 'middel',
    omschrijving: 'De heer Smit heeft in een openbare Facebook-groep cijfers van leerlingen gedeeld.',
    regelIds: [s.regels[1].id],
    betrokkenen: [{ personId: s.docentId, rol: 'dader' }],
  });
  return i.id;
}

async function finalText(t: TestCore, req: LetterRequest): Promise<{ kenmerk: string; body: string; model: LetterModel }> {
  const r = await t.call('letters.finalise', req);
  const b = r.brieven[0];
  const { body } = await docxText(Buffer.from((await t.call('letters.download', { id: b.id })).inhoudBase64, 'base64'));
  return { kenmerk: b.kenmerk, body, model: (await t.call('letters.get', { id: b.id })).model };
}

/** The Dutch REGEL message of a refused call, or null when it succeeded. */
async function refusal(t: TestCore, req: LetterRequest): Promise<string | null> {
  const r = await t.core.invoke('letters.finalise', req);
  if (r.ok) return null;
  expect(r.error.code).toBe('REGEL');
  return r.error.message;
}

const APPEAL: Record<string, { cao: string; commissie: string; artikel: string; adres: string }> = {
  PO: {
    cao: 'de cao po',
    commissie: 'de Commissie van beroep funderend onderwijs',
    artikel: 'artikel 12.1 van de cao po',
    adres: 'naar Onderwijsgeschillen, Postbus 85191, 3508 AD Utrecht',
  },
  VSO: {
    cao: 'de cao po',
    commissie: 'de Commissie van beroep funderend onderwijs',
    artikel: 'artikel 12.1 van de cao po',
    adres: 'naar Onderwijsgeschillen, Postbus 85191, 3508 AD Utrecht',
  },
  VO: {
    cao: 'de cao vo',
    commissie: 'de Commissie van beroep funderend onderwijs',
    artikel: 'artikel 19 van de cao vo',
    adres: 'naar Onderwijsgeschillen, Postbus 85191, 3508 AD Utrecht',
  },
  MBO: {
    cao: 'de cao mbo',
    commissie: 'de Commissie van beroep mbo',
    artikel: 'artikel 12.2 van de cao mbo',
    adres: 'via het digitale loket op www.onderwijsgeschillen.nl',
  },
};

describe.each(['PO', 'VO', 'MBO', 'VSO'] as Sector[])('voornemen and besluit of a schorsing in the %s', (sector) => {
  let t: TestCore;
  let measureId: number;
  let input: MeasureInput;
  const want = APPEAL[sector];

  beforeAll(async () => {
    // Friday 4 December 2026: three weeks later is Christmas Day (a holiday of the Algemene termijnenwet),
    // then a Saturday and a Sunday, so the term runs to Monday 28 December.
    t = makeTestCore({ now: '2026-12-04T09:00:00Z' });
    const s = await seed(t, { sector });
    input = {
      incidentId: await staffIncident(t, s),
      personId: s.docentId,
      soort: 'schorsing',
      status: 'voorgenomen',
      besluitDatum: '2026-12-04',
      startdatum: '2027-01-04',
      einddatum: '2027-01-15',
    } as MeasureInput;
    measureId = (await t.call('measures.create', input)).id;
  });
  afterAll(() => t.cleanup());

  it('the voornemen gives the CAO, the term with its last day after the holiday and weekend, bijstand and salary', async () => {
    const v = await finalText(t, { soort: 'personeel_voornemen', measureId });
    expect(v.body).toContain(`op grond van ${want.cao}`);
    expect(v.body).toContain('binnen drie weken na de datum van deze brief, dus uiterlijk op maandag 28 december 2026');
    expect(v.body).toContain('recht zich daarbij te laten bijstaan door een raadsman');
    expect(v.body).toContain('Tijdens de schorsing ontvangt u uw salaris gewoon doorbetaald');
    expect(v.model.afschrift).toContain('personeelsdossier');

    // The decision waits for the zienswijze or the end of its term: refused on its last day, …
    await t.call('measures.update', { ...input, id: measureId, status: 'besloten', besluitDatum: '2026-12-28' } as never);
    t.setNow('2026-12-28');
    const refused = await refusal(t, { soort: 'personeel_besluit', measureId });
    expect(refused).toContain('zienswijze loopt nog tot en met maandag 28 december 2026');
    expect((await t.call('letters.list', { measureId })).map((l) => l.soort)).toEqual(['personeel_voornemen']);

    // … allowed the day after, citing the voornemen letter and saying no zienswijze came.
    t.setNow('2026-12-29');
    const b = await finalText(t, { soort: 'personeel_besluit', measureId });
    expect(b.body).toContain(`In mijn brief van 4 december 2026 (kenmerk ${v.kenmerk}) heb ik u mijn voornemen hiertoe meegedeeld`);
    expect(b.body).toContain(
      'U kon uw zienswijze geven tot en met maandag 28 december 2026. Binnen die termijn heb ik geen zienswijze van u ontvangen.',
    );
    expect(b.body).toContain(`op grond van ${want.artikel} beroep instellen bij ${want.commissie}`);
    expect(b.body).toContain(`Uw beroepschrift stuurt u ${want.adres}`);
    expect(b.body).toContain('binnen zes weken, gerekend vanaf de dag na die waarop deze brief aan u is verzonden of uitgereikt');
    expect(b.body).toContain('Tijdens de schorsing ontvangt u uw salaris gewoon doorbetaald');
    expect(b.model.afschrift).toContain('personeelsdossier');
  });
});

describe('besluit after a zienswijze, without a voornemen letter', () => {
  let t: TestCore;
  let s: Seed;
  let incidentId: number;
  afterAll(() => t.cleanup());
  beforeAll(async () => {
    t = makeTestCore({ now: '2026-11-16T09:00:00Z' });
    s = await seed(t, { sector: 'VO' });
    incidentId = await staffIncident(t, s);
  });

  const berisping = (extra: Partial<MeasureInput> = {}) =>
    ({
      incidentId,
      personId: s.docentId,
      soort: 'schriftelijke_berisping',
      status: 'voorgenomen',
      besluitDatum: '2026-11-16',
      ...extra,
    }) as MeasureInput;

  /** A voornemen recorded as sent on 16 November (no letter in the app): its task marked done. */
  async function voornemenSent(measureId: number): Promise<void> {
    const step = (await t.call('obligations.list', { measureId })).rows.find((o) => o.regel === 'personeel.voornemen')!;
    await t.call('obligations.markDone', {
      id: step.id,
      door: 'M. de Boer',
      datum: '2026-11-16',
      toelichting: 'Per aangetekende post verstuurd.',
    });
  }

  it('refuses the decision when no voornemen was sent, naming that step', async () => {
    const id = (await t.call('measures.create', berisping({ status: 'besloten' }))).id;
    await t.call('obligations.hearings.add', {
      measureId: id,
      gehoord: 'medewerker',
      personId: s.docentId,
      datum: '2026-11-16',
      door: 'M. de Boer',
    });
    expect(await refusal(t, { soort: 'personeel_besluit', measureId: id })).toContain('het voornemen is niet aan de medewerker verstuurd');
    expect(await t.call('letters.list', { measureId: id })).toEqual([]);
  });

  it('a refused or unanswered hearing does not end the term early', async () => {
    t.setNow('2026-11-16');
    const m = berisping();
    const id = (await t.call('measures.create', m)).id;
    await voornemenSent(id);
    t.setNow('2026-11-23');
    await t.call('obligations.hearings.add', {
      measureId: id,
      gehoord: 'medewerker',
      personId: s.docentId,
      datum: '2026-11-20',
      door: 'M. de Boer',
      uitkomst: 'geweigerd',
    });
    await t.call('measures.update', { ...m, id, status: 'besloten', besluitDatum: '2026-11-23' } as never);
    // 16 November + three weeks: Monday 7 December 2026.
    expect(await refusal(t, { soort: 'personeel_besluit', measureId: id })).toContain('tot en met maandag 7 december 2026');
  });

  it('answers the recorded zienswijze with the school leader’s own text, and cites no voornemen letter', async () => {
    t.setNow('2026-11-16');
    const m = berisping();
    const id = (await t.call('measures.create', m)).id;
    await voornemenSent(id);
    t.setNow('2026-11-23');
    await t.call('obligations.hearings.add', {
      measureId: id,
      gehoord: 'medewerker',
      personId: s.docentId,
      datum: '2026-11-20',
      tijd: '15:00',
      door: 'M. de Boer',
      notities: 'De heer Smit erkent het bericht en zegt dat hij niet wist dat de groep openbaar was.',
    });
    await t.call('measures.update', { ...m, id, status: 'besloten', besluitDatum: '2026-11-23' } as never);
    // Before the term ended (7 December) but with the zienswijze given; still no answer to it recorded.
    expect(await refusal(t, { soort: 'personeel_besluit', measureId: id })).toContain(
      'Schrijf uw reactie op de zienswijze in de toelichting bij de maatregel',
    );
    await t.call('measures.update', {
      ...m,
      id,
      status: 'besloten',
      besluitDatum: '2026-11-23',
      toelichting: 'Ook een besloten groep is voor leerlingen geen veilige plek voor hun cijfers.',
    } as never);
    const b = await finalText(t, { soort: 'personeel_besluit', measureId: id });
    expect(b.body).toContain('U heeft uw zienswijze gegeven op vrijdag 20 november 2026 om 15.00 uur.');
    expect(b.body).toContain('niet wist dat de groep openbaar was');
    expect(b.body).toContain('Mijn reactie daarop:');
    expect(b.body).toContain('geen veilige plek voor hun cijfers');
    expect(b.body).not.toContain('voornemen hiertoe');
    expect(b.body).not.toContain('kenmerk 20');
    expect(b.body).not.toContain('geen zienswijze van u ontvangen');
    expect(text(b.model).match(/geen veilige plek/g)).toHaveLength(1);
  });
});

describe('invitation to a staff member', () => {
  let t: TestCore;
  afterAll(() => t.cleanup());

  it('names the employee with a capitalised tussenvoegsel, writes the time with a full stop and offers an adviser', async () => {
    t = makeTestCore({ now: '2026-11-16T09:00:00Z' });
    const s = await seed(t, { sector: 'PO' });
    const p = await t.call('people.create', {
      soort: 'medewerker',
      voornaam: 'Jan',
      tussenvoegsel: 'de',
      achternaam: 'Vries',
      geslacht: 'm',
      functie: 'leraar groep 7',
      straat: 'Molenweg 9',
      postcode: '4004 GH',
      plaats: 'Tiel',
    } as never);
    const m = await t.call('measures.create', {
      incidentId: await staffIncident(t, s),
      personId: p.id,
      soort: 'gesprek',
      status: 'voorgenomen',
      besluitDatum: '2026-11-16',
    } as MeasureInput);
    const b = await finalText(t, { soort: 'personeel_uitnodiging', measureId: m.id, afspraak: { datum: '2026-11-19', tijd: '10:00' } });
    expect(b.model.aanhef).toBe('Geachte heer De Vries,');
    expect(b.body).toContain('tijd: 10.00 uur');
    expect(b.body).toContain('U heeft het recht een adviseur mee te nemen naar het gesprek');
    expect(b.body).not.toMatch(/docent|leerkracht/i);
  });
});
