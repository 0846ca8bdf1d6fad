// The expulsion letters are complete and follow the record: the invitation to the hearing, the
// voornemen (hearing, term to respond, file access, the search for another school, the consultation of
// the Inspectie as recorded), and the decision (conditional until another school admits the pupil,
// objection with its last day, the court by the school's legal form, the Geschillencommissie, the
// onderwijsconsulent), which cannot be made final while a hearing or the consultation is open.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { makeTestCore } from '../support/core';
import type { TestCore } from '../support/core';
import type { SchoolInput } from '../../src/shared/api/school';
import { seed, docxText } from './letters.fixture';
import type { Seed } from './letters.fixture';

let t: TestCore;
let s: Seed;

const start = async (school: Partial<SchoolInput> = {}) => {
  // Friday 13 November 2026: the objection term ends on Christmas Day, so on Monday 28 December.
  t = makeTestCore({ now: '2026-11-13T09:00:00Z' });
  s = await seed(t, school);
};
afterEach(() => t?.cleanup());

const text = async (req: Parameters<TestCore['call']>[1] & object) =>
  (await t.call('letters.preview', req as never)).brieven.map((b) => JSON.stringify(b.inhoud));
const daan = () => ({ incidentId: s.incidentId, personId: s.daanId, besluitDatum: '2026-11-13' });
const hear = (
  measureId: number,
  gehoord: 'leerling' | 'ouders' | 'docent',
  personId: number,
  uitkomst: 'gehoord' | 'geweigerd' = 'gehoord',
) => t.call('obligations.hearings.add', { measureId, gehoord, personId, datum: '2026-11-12', door: 'M. de Boer', uitkomst });

/** A decided expulsion of Daan after every hearing and (VO) the consultation of the Inspectie. */
async function decided(): Promise<number> {
  const input = { ...daan(), soort: 'verwijdering' as const, status: 'voorgenomen' as const, startdatum: '2027-01-04' };
  const id = (await t.call('measures.create', input)).id;
  await hear(id, 'leerling', s.daanId);
  await hear(id, 'ouders', s.annaId, 'geweigerd');
  await hear(id, 'docent', s.docentId);
  await t.call('externalReports.create', {
    incidentId: s.incidentId,
    measureId: id,
    personId: s.daanId,
    instantie: 'inspectie',
    soort: 'consultatie',
    datum: '2026-11-12',
    door: 'M. de Boer',
  });
  await t.call('measures.update', { ...input, id, status: 'besloten' });
  return id;
}

describe('the voornemen and the invitation to the hearing', () => {
  beforeEach(() => start());

  it('invites to the hearing with time, place, the right to bring someone, file access, a written answer and who else is heard', async () => {
    const v = (
      await t.call('measures.create', { ...daan(), soort: 'voornemen_verwijdering', status: 'voorgenomen', beoogdBesluit: '2026-12-07' })
    ).id;
    const kinds = await t.call('letters.kindsFor', { measureId: v });
    expect(kinds.map((k) => k.soort)).toContain('uitnodiging_hoorgesprek');
    const [, ouders] = await text({
      soort: 'uitnodiging_hoorgesprek',
      measureId: v,
      afspraak: { datum: '2026-11-25', tijd: '10:00', plaats: 'Kamer 1.12' },
    });
    expect(ouders).toContain('Voordat het bevoegd gezag op 7 december 2026 beslist');
    expect(ouders).toContain('datum: woensdag 25 november 2026');
    expect(ouders).toContain('tijd: 10.00 uur');
    expect(ouders).toContain('U mag iemand meenemen die u bijstaat');
    expect(ouders).toContain('de stukken inzien');
    // The hearing steps fall due the day before the intended decision.
    expect(ouders).toContain('uiterlijk op zondag 6 december 2026 hebben ontvangen');
    expect(ouders).toContain('Over het voornemen horen wij Daan, de ouders/verzorgers en de betrokken leraar of leraren.');
  });

  it('tells the consultation of the Inspectie as planned until it is recorded, then with its date; and the search for another school', async () => {
    const v = (
      await t.call('measures.create', { ...daan(), soort: 'voornemen_verwijdering', status: 'voorgenomen', beoogdBesluit: '2026-12-07' })
    ).id;
    let [eigen] = await text({ soort: 'voornemen_verwijdering', measureId: v });
    expect(eigen).toContain('Voordat het bevoegd gezag beslist, overleggen wij met de Inspectie van het Onderwijs');
    expect(eigen).not.toContain('hebben wij over het voornemen overlegd');
    expect(eigen).toContain('binnen acht weken een school te vinden');
    expect(eigen).toContain('blijf je bij ons ingeschreven tot een andere school je toelaat');
    expect(eigen).toContain('Je kunt de stukken inzien');
    await t.call('externalReports.create', {
      incidentId: s.incidentId,
      measureId: v,
      personId: s.daanId,
      instantie: 'inspectie',
      soort: 'consultatie',
      datum: '2026-11-12',
      door: 'M. de Boer',
    });
    [eigen] = await text({ soort: 'voornemen_verwijdering', measureId: v });
    expect(eigen).toContain('Op 12 november 2026 hebben wij over het voornemen overlegd met de Inspectie van het Onderwijs');
    expect(eigen).not.toContain('overleggen wij');
  });
});

describe('the decision to expel', () => {
  it('cannot be made final while a hearing or the consultation of the Inspectie is open, and names them', async () => {
    await start();
    const id = (await t.call('measures.create', { ...daan(), soort: 'verwijdering', status: 'voorgenomen', startdatum: '2027-01-04' })).id;
    await hear(id, 'leerling', s.daanId);
    const p = await t.call('letters.preview', { soort: 'besluit_verwijdering', measureId: id });
    expect(p.waarschuwingen).toContain(
      'Dit besluit kan pas definitief worden gemaakt als is vastgelegd: het hoorgesprek met de ouders, het hoorgesprek met de betrokken leraar, het overleg met de Inspectie.',
    );
    const r = await t.core.invoke('letters.finalise', { soort: 'besluit_verwijdering', measureId: id });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('REGEL');
    expect(r.error.message).toContain(
      'het hoorgesprek met de ouders, het hoorgesprek met de betrokken leraar, het overleg met de Inspectie',
    );
    expect((await t.call('letters.list', { personId: s.daanId })).length).toBe(0);
  });

  it('is conditional until another school admits the pupil, with the objection term written out, the civil court at a bijzondere school, the Geschillencommissie and the onderwijsconsulent', async () => {
    await start({ openbaar: false });
    const id = await decided();
    const r = await t.call('letters.finalise', { soort: 'besluit_verwijdering', measureId: id });
    const { body } = await docxText(Buffer.from((await t.call('letters.download', { id: r.brieven[1].id })).inhoudBase64, 'base64'));
    expect(body).toContain(
      'De verwijdering gaat pas in als een andere school bereid is Daan toe te laten. Tot die tijd blijft Daan bij ons ingeschreven',
    );
    expect(body).not.toContain('De verwijdering gaat in op');
    expect(body).toContain('Mevrouw De Vries heeft onze uitnodiging voor een gesprek op donderdag 12 november 2026 afgeslagen.');
    expect(body).toContain('Op 12 november 2026 hebben wij over de verwijdering overlegd met de Inspectie van het Onderwijs');
    expect(body).toContain('Dat kan tot en met maandag 28 december 2026 (zes weken na de datum van deze brief).');
    expect(body).toContain('civiele rechter');
    expect(body).toContain('kort geding');
    expect(body).not.toContain('bestuursrechter');
    expect(body).toContain('Geschillencommissie passend onderwijs, Postbus 85191, 3508 AD Utrecht');
    expect(body).toContain('www.onderwijsconsulenten.nl');
    expect(body).toContain('Wij informeren de Inspectie van het Onderwijs over dit besluit.');
    expect(body).not.toContain('hebben wij de Inspectie van het Onderwijs over dit besluit geïnformeerd');
  });

  it('at a public school names the administrative court and interim relief; once a school admits the pupil, says when the expulsion takes effect', async () => {
    await start({ openbaar: true });
    const id = await decided();
    await t.call('obligations.searches.add', {
      measureId: id,
      datum: '2026-11-13',
      school: 'Het Rivierencollege',
      resultaat: 'aangenomen',
      door: 'M. de Boer',
    });
    const [eigen] = await text({ soort: 'besluit_verwijdering', measureId: id });
    expect(eigen).toContain('bestuursrechter');
    expect(eigen).toContain('voorlopige voorziening');
    expect(eigen).not.toContain('kort geding');
    expect(eigen).toContain('Het Rivierencollege is bereid je toe te laten.');
    expect(eigen).toContain('De verwijdering gaat in op 4 januari 2027.');
    expect(eigen).not.toContain('gaat pas in');
  });

  it('in the mbo names the appeal to the Raad van State, takes effect on its date and leaves out the search for another school', async () => {
    await start({ sector: 'MBO', openbaar: false });
    const id = await decided();
    const [eigen] = await text({ soort: 'besluit_verwijdering', measureId: id });
    expect(eigen).toContain('Afdeling bestuursrechtspraak van de Raad van State');
    expect(eigen).not.toContain('civiele rechter');
    expect(eigen).not.toContain('Geschillencommissie');
    expect(eigen).toContain('De verwijdering gaat in op 4 januari 2027.');
  });
});
