// §6.6 staff measures per CAO, table-driven: the exact dates of the zienswijze and appeal terms (around
// Christmas, 31 December, 29 February and Koningsdag), the sources per sector (SO and VSO under the
// CAO PO), the warning for a decision taken before the zienswijze term ended, and the schorsing gate.
import { describe, it, expect, afterEach } from 'vitest';
import { SchoolCalendar, STANDAARD_FEESTDAGEN } from '../../src/main/calendar/schoolDays';
import { ontslagOpStaandeVoet, personeelDisciplinair } from '../../src/main/obligations/rules/personeel';
import type { MeasureFacts, PriorObligation } from '../../src/main/obligations/rules/types';
import { complianceSettings } from '../../src/shared/api/obligations';
import type { Sector } from '../../src/shared/domain';
import { makeTestCore, type TestCore } from '../support/core';

const cal = new SchoolCalendar([], STANDAARD_FEESTDAGEN);
const defaults = complianceSettings.parse({});

type M = MeasureFacts['measure'];
function measure(m: Partial<M> & Pick<M, 'soort' | 'besluitDatum'>, o: { sector?: Sector | null; prior?: PriorObligation[] } = {}) {
  const facts: MeasureFacts = {
    school: o.sector === null ? null : { sector: o.sector ?? 'PO', openbaar: false },
    settings: defaults,
    cal,
    prior: new Map((o.prior ?? []).map((p) => [`${p.regel}|${p.sleutel}`, p])),
    measure: { id: 1, status: 'besloten', startdatum: null, einddatum: null, duurSchooldagen: null, beoogdBesluit: null, ...m },
    person: { soort: 'medewerker', geboortedatum: null },
    bezwaar: null,
    heeftVoornemen: false,
    geschil: null,
  };
  const out = [personeelDisciplinair, ontslagOpStaandeVoet].flatMap((r) => r(facts));
  // Every step and warning names its sources (docs/LAW.md).
  for (const s of out) expect(s.bronnen?.length, s.regel).toBeGreaterThan(0);
  return out;
}
const rows = (list: ReturnType<typeof measure>) => list.map((s) => [s.regel, s.uiterlijk, s.teLaatVanaf, s.waarschuwing ?? false]);
const spec = (list: ReturnType<typeof measure>, regel: string) => list.find((s) => s.regel === regel)!;

const done = (regel: string, gedaanOp: string): PriorObligation => ({
  regel,
  sleutel: '',
  status: 'gedaan',
  uiterlijk: null,
  gedaanOp,
  uitkomst: null,
});
const berisping = (besluitDatum: string, status: M['status'] = 'besloten') => ({
  soort: 'schriftelijke_berisping' as const,
  status,
  besluitDatum,
});

describe('§6.6 the zienswijze and appeal terms, by exact date', () => {
  it.each([
    {
      naam: 'intention on Thu 4 Dec 2025: 3 weeks end on Christmas, run on past Boxing Day and the weekend to Mon 29 Dec',
      m: berisping('2025-12-04', 'voorgenomen'),
      prior: [],
      verwacht: [
        ['personeel.voornemen', '2025-12-04', '2025-12-05', false],
        ['personeel.zienswijze', '2025-12-29', null, false],
      ],
    },
    {
      naam: 'intention sent Wed 10 Dec, decided on Wed 31 Dec, the last day of the zienswijze term: a warning; appeal to Wed 11 Feb',
      m: berisping('2025-12-31'),
      prior: [done('personeel.voornemen', '2025-12-10')],
      verwacht: [
        ['personeel.voornemen', '2025-12-10', '2025-12-11', false],
        ['personeel.zienswijze', '2025-12-31', null, false],
        ['personeel.besluit', '2025-12-31', '2026-01-01', false],
        ['personeel.besluit_voor_einde_zienswijze', '2025-12-31', '2026-01-01', true],
        ['personeel.beroep', '2026-02-11', null, false],
        ['personeel.dossier', '2025-12-31', null, false],
      ],
    },
    {
      naam: 'the same intention, decided on Fri 2 Jan 2026 after the term: no warning; appeal to Fri 13 Feb',
      m: berisping('2026-01-02'),
      prior: [done('personeel.voornemen', '2025-12-10')],
      verwacht: [
        ['personeel.voornemen', '2025-12-10', '2025-12-11', false],
        ['personeel.zienswijze', '2025-12-31', null, false],
        ['personeel.besluit', '2026-01-02', '2026-01-03', false],
        ['personeel.beroep', '2026-02-13', null, false],
        ['personeel.dossier', '2026-01-02', null, false],
      ],
    },
    {
      naam: 'intention Tue 8 Feb 2028: the term ends on 29 February; deciding that day is too early',
      m: berisping('2028-02-29'),
      prior: [done('personeel.voornemen', '2028-02-08')],
      verwacht: [
        ['personeel.voornemen', '2028-02-08', '2028-02-09', false],
        ['personeel.zienswijze', '2028-02-29', null, false],
        ['personeel.besluit', '2028-02-29', '2028-03-01', false],
        ['personeel.besluit_voor_einde_zienswijze', '2028-02-29', '2028-03-01', true],
        ['personeel.beroep', '2028-04-11', null, false],
        ['personeel.dossier', '2028-02-29', null, false],
      ],
    },
    {
      naam: 'decided Wed 1 March 2028, the day after: no warning; 6 weeks to Wed 12 April',
      m: berisping('2028-03-01'),
      prior: [done('personeel.voornemen', '2028-02-08')],
      verwacht: [
        ['personeel.voornemen', '2028-02-08', '2028-02-09', false],
        ['personeel.zienswijze', '2028-02-29', null, false],
        ['personeel.besluit', '2028-03-01', '2028-03-02', false],
        ['personeel.beroep', '2028-04-12', null, false],
        ['personeel.dossier', '2028-03-01', null, false],
      ],
    },
    {
      naam: 'decision Mon 16 March 2026: the appeal term ends on Koningsdag and runs on to Tue 28 April',
      m: berisping('2026-03-16'),
      prior: [done('personeel.voornemen', '2026-02-16')],
      verwacht: [
        ['personeel.voornemen', '2026-02-16', '2026-02-17', false],
        ['personeel.zienswijze', '2026-03-09', null, false],
        ['personeel.besluit', '2026-03-16', '2026-03-17', false],
        ['personeel.beroep', '2026-04-28', null, false],
        ['personeel.dossier', '2026-03-16', null, false],
      ],
    },
  ])('$naam', ({ m, prior, verwacht }) => {
    expect(rows(measure(m, { prior }))).toEqual(verwacht);
  });
});

describe('§6.6 the warning: decided before the zienswijze term ended', () => {
  const voornemen = done('personeel.voornemen', '2025-12-10'); // term to Wed 31 Dec 2025
  const warned = (list: ReturnType<typeof measure>) => list.filter((s) => s.waarschuwing).map((s) => [s.regel, s.uiterlijk]);
  it.each([
    {
      naam: 'decided Wed 17 Dec, no zienswijze recorded',
      prior: [voornemen],
      verwacht: [['personeel.besluit_voor_einde_zienswijze', '2025-12-17']],
    },
    {
      naam: 'zienswijze recorded Mon 15 Dec, before the decision',
      prior: [voornemen, done('personeel.zienswijze', '2025-12-15')],
      verwacht: [],
    },
    {
      naam: 'zienswijze recorded on the decision date itself',
      prior: [voornemen, done('personeel.zienswijze', '2025-12-17')],
      verwacht: [],
    },
    {
      naam: 'zienswijze recorded Thu 18 Dec, after the decision',
      prior: [voornemen, done('personeel.zienswijze', '2025-12-18')],
      verwacht: [['personeel.besluit_voor_einde_zienswijze', '2025-12-17']],
    },
    {
      naam: 'zienswijze marked not applicable',
      prior: [voornemen, { ...done('personeel.zienswijze', '2025-12-15'), status: 'nvt' as const }],
      verwacht: [['personeel.besluit_voor_einde_zienswijze', '2025-12-17']],
    },
  ])('$naam', ({ prior, verwacht }) => {
    expect(warned(measure(berisping('2025-12-17'), { prior }))).toEqual(verwacht);
  });

  it('a schorsing decided without any intention: the zienswijze is due that day and the decision is flagged', () => {
    const list = measure({ soort: 'schorsing', besluitDatum: '2025-11-28' });
    expect(rows(list)).toEqual([
      ['personeel.zienswijze', '2025-11-28', '2025-11-29', false],
      ['personeel.besluit', '2025-11-28', '2025-11-29', false],
      ['personeel.besluit_voor_einde_zienswijze', '2025-11-28', '2025-11-29', true],
      ['personeel.beroep', '2026-01-09', null, false],
      ['personeel.dossier', '2025-11-28', null, false],
    ]);
    expect(spec(list, 'personeel.besluit_voor_einde_zienswijze').titel).toBe('Besloten zonder voornemen en zienswijze');
  });

  it('an intended measure is not yet decided: no warning', () => {
    expect(measure(berisping('2025-12-17', 'voorgenomen')).some((s) => s.waarschuwing)).toBe(false);
  });
});

describe('§6.6 per sector: the CAO, its commissie van beroep and its sources', () => {
  it.each([
    {
      sector: 'PO' as const,
      naam: 'CAO PO',
      beroep: ['cao.po.beroep', 'cao.funderend.beroepstermijn'],
      commissie: 'Commissie van beroep funderend onderwijs',
    },
    {
      sector: 'SO' as const,
      naam: 'CAO PO',
      beroep: ['cao.po.beroep', 'cao.funderend.beroepstermijn'],
      commissie: 'Commissie van beroep funderend onderwijs',
    },
    {
      sector: 'VSO' as const,
      naam: 'CAO PO',
      beroep: ['cao.po.beroep', 'cao.funderend.beroepstermijn'],
      commissie: 'Commissie van beroep funderend onderwijs',
    },
    {
      sector: 'VO' as const,
      naam: 'CAO VO',
      beroep: ['cao.vo.beroep', 'cao.funderend.beroepstermijn'],
      commissie: 'Commissie van beroep funderend onderwijs',
    },
    {
      sector: 'MBO' as const,
      naam: 'CAO MBO',
      beroep: ['cao.mbo.beroep', 'cao.mbo.beroepstermijn'],
      commissie: 'Commissie van beroep mbo',
    },
    { sector: null, naam: 'De CAO', beroep: ['cao.onbekend'], commissie: 'commissie van beroep uit de CAO' },
  ])('$sector: $naam, appeal to the $commissie, same terms', ({ sector, naam, beroep, commissie }) => {
    const list = measure(berisping('2026-01-02'), { sector, prior: [done('personeel.voornemen', '2025-12-10')] });
    expect(rows(list).map((r) => r.slice(0, 2))).toEqual([
      ['personeel.voornemen', '2025-12-10'],
      ['personeel.zienswijze', '2025-12-31'],
      ['personeel.besluit', '2026-01-02'],
      ['personeel.beroep', '2026-02-13'],
      ['personeel.dossier', '2026-01-02'],
    ]);
    const b = spec(list, 'personeel.beroep');
    expect(b.bronnen).toEqual(beroep);
    expect(b.grondslag).toContain(commissie);
    expect(spec(list, 'personeel.zienswijze').grondslag.startsWith(`${naam}:`)).toBe(true);
    // Where the CAO text was not checked, the intention says the app keeps the CAO PO's terms.
    expect(spec(list, 'personeel.voornemen').grondslag.includes('de app houdt de aangetekende brief')).toBe(
      sector !== 'PO' && sector !== 'SO' && sector !== 'VSO',
    );
  });

  it('PO: the decision also cites the limitative list of CAO PO measures', () => {
    expect(spec(measure(berisping('2026-01-02'), { sector: 'PO' }), 'personeel.besluit').bronnen).toContain('cao.po.maatregelen');
    expect(spec(measure(berisping('2026-01-02'), { sector: 'VO' }), 'personeel.besluit').bronnen).not.toContain('cao.po.maatregelen');
  });

  it('ontslag: no appeal to the commissie, the BW route instead (UWV, kantonrechter)', () => {
    const list = measure(
      { soort: 'ontslag', besluitDatum: '2026-01-02' },
      { sector: 'VO', prior: [done('personeel.voornemen', '2025-12-10')] },
    );
    expect(rows(list)).toEqual([
      ['personeel.voornemen', '2025-12-10', '2025-12-11', false],
      ['personeel.zienswijze', '2025-12-31', null, false],
      ['personeel.besluit', '2026-01-02', '2026-01-03', false],
      ['personeel.ontslagroute', null, null, false],
      ['personeel.dossier', '2026-01-02', null, false],
    ]);
    expect(spec(list, 'personeel.ontslagroute').bronnen).toEqual(['bw.7:671', 'cao.vo.beroep', 'cao.funderend.beroepstermijn']);
  });

  it('ontslag op staande voet rests on BW 7:677 and 7:678, in every sector', () => {
    const list = measure({ soort: 'ontslag_op_staande_voet', besluitDatum: '2025-12-31' }, { sector: 'MBO' });
    expect(rows(list)).toEqual([
      ['personeel.onverwijld', '2025-12-31', '2026-01-01', false],
      ['personeel.dossier', '2025-12-31', null, false],
    ]);
    expect(list.map((s) => s.bronnen)).toEqual([['bw.7:677', 'bw.7:678'], ['bw.7:677']]);
  });
});

describe('§6.6 the schorsing gate, per CAO', () => {
  let t: TestCore;
  afterEach(() => t.cleanup());

  async function docent(sector: Sector | null) {
    t = makeTestCore({ now: '2026-03-02T09:00:00Z' });
    if (sector) await t.call('school.save', { naam: 'De Linde', sector, regio: 'midden', openbaar: false });
    return (await t.call('people.create', { soort: 'medewerker', voornaam: 'Joost', achternaam: 'Brinkman', functie: 'docent' })).id;
  }
  // Mon 2 March to Sun 29 March 2026 is 28 days; to Mon 30 March is 29.
  const schorsing = (personId: number, einddatum: string, overrideReden?: string) => ({
    personId,
    soort: 'schorsing' as const,
    besluitDatum: '2026-03-02',
    startdatum: '2026-03-02',
    einddatum,
    ...(overrideReden ? { overrideReden } : {}),
  });

  it.each([
    { sector: 'PO' as const, bron: 'CAO PO, schorsing' },
    { sector: 'VSO' as const, bron: 'CAO PO, schorsing' },
    { sector: 'VO' as const, bron: 'CAO VO, schorsing – duur niet nagelezen' },
    { sector: 'MBO' as const, bron: 'CAO MBO, schorsing – duur niet nagelezen' },
    { sector: null, bron: 'CAO – sector van de school niet ingevuld' },
  ])('$sector: 29 days refused naming "$bron"; 28 days, or longer with a reason, accepted', async ({ sector, bron }) => {
    const id = await docent(sector);
    const r = await t.core.invoke('measures.create', schorsing(id, '2026-03-30'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ code: 'REGEL', field: 'einddatum' });
    expect(r.error.message).toContain(`ten hoogste 4 weken (${bron}); deze duurt 29 dagen`);
    expect((await t.call('measures.create', schorsing(id, '2026-03-29'))).einddatum).toBe('2026-03-29');
    expect((await t.call('measures.create', schorsing(id, '2026-04-10', 'Strafrechtelijk onderzoek loopt.'))).overrideReden).toBe(
      'Strafrechtelijk onderzoek loopt.',
    );
  });
});
