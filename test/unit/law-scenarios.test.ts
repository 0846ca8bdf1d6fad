// The pupil rules per sector (PO, VO, SO, VSO, MBO; openbaar and bijzonder) as tables of scenarios with
// exact dates around weekends, holidays (regio midden), 31 December and 29 February. Each row is what
// a school lawyer would check by hand; docs/LAW.md gives the sources.
import { describe, it, expect } from 'vitest';
import { measureRules, incidentRules } from '../../src/main/obligations/rules';
import type { IncidentFacts, MeasureFacts, ObligationSpec, PriorObligation } from '../../src/main/obligations/rules/types';
import { complianceSettings } from '../../src/shared/api/obligations';
import type { ComplianceSettings } from '../../src/shared/api/obligations';
import type { Sector } from '../../src/shared/domain';
import { midden } from '../support/middenCalendar';

const defaults = complianceSettings.parse({});

type M = MeasureFacts['measure'];
interface Opts {
  sector?: Sector;
  openbaar?: boolean;
  settings?: Partial<ComplianceSettings>;
  person?: 'leerling' | 'medewerker';
  geboortedatum?: string | null;
  prior?: PriorObligation[];
  heeftVoornemen?: boolean;
  geschil?: MeasureFacts['geschil'];
  bezwaar?: string;
}

function specs(m: Partial<M> & Pick<M, 'soort'>, o: Opts = {}): ObligationSpec[] {
  const facts: MeasureFacts = {
    school: { sector: o.sector ?? 'PO', openbaar: o.openbaar ?? false },
    settings: { ...defaults, ...o.settings },
    cal: midden,
    prior: new Map((o.prior ?? []).map((p) => [`${p.regel}|${p.sleutel}`, p])),
    measure: {
      id: 1,
      status: 'besloten',
      besluitDatum: '2025-10-17',
      startdatum: null,
      einddatum: null,
      duurSchooldagen: null,
      beoogdBesluit: null,
      ...m,
    },
    person: { soort: o.person ?? 'leerling', geboortedatum: o.geboortedatum === undefined ? '2012-05-01' : o.geboortedatum },
    bezwaar: o.bezwaar ? { ontvangenOp: o.bezwaar } : null,
    heeftVoornemen: o.heeftVoornemen ?? false,
    geschil: o.geschil ?? null,
  };
  return measureRules.flatMap((r) => r(facts));
}
const naam = (s: ObligationSpec) => (s.sleutel ? `${s.regel}:${s.sleutel}` : s.regel);
const rows = (list: ObligationSpec[]) =>
  list.map((s) => [naam(s), s.uiterlijk, s.teLaatVanaf, ...(s.waarschuwing ? ['waarschuwing'] : []), ...(s.nvt ? ['nvt'] : [])]);
const find = (list: ObligationSpec[], n: string) => list.find((s) => naam(s) === n)!;

describe('schorsing, per sector', () => {
  // Friday 17 October 2025, the last school day before the autumn holiday (midden: 18–26 October).
  // Three school days: Fri 17, Mon 27, Tue 28; twelve calendar days.
  const overVakantie = {
    soort: 'schorsing' as const,
    besluitDatum: '2025-10-17',
    startdatum: '2025-10-17',
    einddatum: '2025-10-28',
    duurSchooldagen: 3,
  };
  // Monday 3 to Wednesday 5 November 2025: no holiday.
  const gewoon = {
    soort: 'schorsing' as const,
    besluitDatum: '2025-11-03',
    startdatum: '2025-11-03',
    einddatum: '2025-11-05',
    duurSchooldagen: 3,
  };
  it.each([
    {
      naam: 'PO bijzonder over the autumn holiday: each party heard, a warning for 12 calendar days, ISD late after 2 WORKING days (Wed 22 Oct, not after the holiday)',
      m: overVakantie,
      o: {},
      verwacht: [
        ['schorsing.horen:leerling', '2025-10-17', '2025-10-18'],
        ['schorsing.horen:ouders', '2025-10-17', '2025-10-18'],
        ['schorsing.kalenderdagen', '2025-10-17', '2025-10-18', 'waarschuwing'],
        ['schorsing.besluit', '2025-10-17', '2025-10-18'],
        ['schorsing.bezwaarclausule', '2025-10-17', '2025-10-18'],
        ['schorsing.isd', '2025-10-17', '2025-10-22'],
        ['schorsing.leerplicht', '2025-10-17', '2025-10-22'],
      ],
    },
    {
      naam: 'PO bijzonder that switched the clause off: no clause (a choice only for a schorsing at a bijzondere school)',
      m: gewoon,
      o: { settings: { bezwaarclausule: false, leerplichtBijSchorsing: false } },
      verwacht: [
        ['schorsing.horen:leerling', '2025-11-03', '2025-11-04'],
        ['schorsing.horen:ouders', '2025-11-03', '2025-11-04'],
        ['schorsing.besluit', '2025-11-03', '2025-11-04'],
        ['schorsing.isd', '2025-11-03', '2025-11-06'],
      ],
    },
    {
      naam: 'PO openbaar: the clause whatever the setting; an objection received brings the Awb 7:10 decision term (6 weeks after the objection term)',
      m: gewoon,
      o: { openbaar: true, settings: { bezwaarclausule: false, leerplichtBijSchorsing: false }, bezwaar: '2025-11-20' },
      verwacht: [
        ['schorsing.horen:leerling', '2025-11-03', '2025-11-04'],
        ['schorsing.horen:ouders', '2025-11-03', '2025-11-04'],
        ['schorsing.besluit', '2025-11-03', '2025-11-04'],
        ['schorsing.bezwaarclausule', '2025-11-03', '2025-11-04'],
        // objection term ends Mon 15 Dec 2025; 6 weeks later: Mon 26 Jan 2026
        ['schorsing.beslissing_bezwaar', '2026-01-26', '2026-01-27'],
        ['schorsing.isd', '2025-11-03', '2025-11-06'],
      ],
    },
    {
      naam: 'SO openbaar, decided on 31 December (Christmas holiday): ISD late after Fri 2 and Mon 5 January (1 January is no working day)',
      m: { soort: 'schorsing' as const, besluitDatum: '2025-12-31', startdatum: '2026-01-05', einddatum: '2026-01-06', duurSchooldagen: 2 },
      o: { sector: 'SO' as const, openbaar: true, settings: { leerplichtBijSchorsing: false } },
      verwacht: [
        ['schorsing.horen:leerling', '2025-12-31', '2026-01-01'],
        ['schorsing.horen:ouders', '2025-12-31', '2026-01-01'],
        ['schorsing.besluit', '2025-12-31', '2026-01-01'],
        ['schorsing.bezwaarclausule', '2025-12-31', '2026-01-01'],
        ['schorsing.isd', '2025-12-31', '2026-01-06'],
      ],
    },
    {
      naam: 'VO, decided on the last day before the summer holiday: ISD late on Wed 22 July, not seven weeks later',
      m: { soort: 'schorsing' as const, besluitDatum: '2026-07-17', startdatum: '2026-07-17', einddatum: '2026-07-17', duurSchooldagen: 2 },
      o: { sector: 'VO' as const, settings: { leerplichtBijSchorsing: false } },
      verwacht: [
        ['schorsing.horen:leerling', '2026-07-17', '2026-07-18'],
        ['schorsing.horen:ouders', '2026-07-17', '2026-07-18'],
        ['schorsing.besluit', '2026-07-17', '2026-07-18'],
        ['schorsing.bezwaarclausule', '2026-07-17', '2026-07-18'],
        ['schorsing.isd', '2026-07-17', '2026-07-22'],
      ],
    },
    {
      naam: 'VSO, a pupil who turns 18 on 1 March 2026 (born 29 February 2008), decided on 28 February: still a minor, the parents are heard',
      m: { soort: 'schorsing' as const, status: 'voorgenomen' as const, besluitDatum: '2026-02-28' },
      o: { sector: 'VSO' as const, geboortedatum: '2008-02-29' },
      verwacht: [
        ['schorsing.horen:leerling', '2026-02-28', '2026-03-01'],
        ['schorsing.horen:ouders', '2026-02-28', '2026-03-01'],
      ],
    },
    {
      naam: 'VSO, the same pupil on 1 March 2026: an adult, only the pupil is heard',
      m: { soort: 'schorsing' as const, status: 'voorgenomen' as const, besluitDatum: '2026-03-01' },
      o: { sector: 'VSO' as const, geboortedatum: '2008-02-29' },
      verwacht: [['schorsing.horen:leerling', '2026-03-01', '2026-03-02']],
    },
    {
      naam: 'a schorsing without dates still gets the notice to the Inspectie',
      m: { soort: 'schorsing' as const, besluitDatum: '2025-11-03' },
      o: { settings: { leerplichtBijSchorsing: false, bezwaarclausule: false } },
      verwacht: [
        ['schorsing.horen:leerling', '2025-11-03', '2025-11-04'],
        ['schorsing.horen:ouders', '2025-11-03', '2025-11-04'],
        ['schorsing.besluit', '2025-11-03', '2025-11-04'],
        ['schorsing.isd', '2025-11-03', '2025-11-06'],
      ],
    },
    {
      naam: 'one school day: no notices',
      m: { ...gewoon, einddatum: '2025-11-03', duurSchooldagen: 1 },
      o: { settings: { bezwaarclausule: false } },
      verwacht: [
        ['schorsing.horen:leerling', '2025-11-03', '2025-11-04'],
        ['schorsing.horen:ouders', '2025-11-03', '2025-11-04'],
        ['schorsing.besluit', '2025-11-03', '2025-11-04'],
      ],
    },
    {
      naam: 'MBO, a student of 17: student and parents heard, decision, no Inspectie notice',
      m: gewoon,
      o: { sector: 'MBO' as const, geboortedatum: '2008-06-01', settings: { bezwaarclausule: false } },
      verwacht: [
        ['schorsing.horen:leerling', '2025-11-03', '2025-11-04'],
        ['schorsing.horen:ouders', '2025-11-03', '2025-11-04'],
        ['schorsing.besluit', '2025-11-03', '2025-11-04'],
      ],
    },
    {
      naam: 'MBO, a student of 19: only the student',
      m: gewoon,
      o: { sector: 'MBO' as const, geboortedatum: '2006-06-01', settings: { bezwaarclausule: false } },
      verwacht: [
        ['schorsing.horen:leerling', '2025-11-03', '2025-11-04'],
        ['schorsing.besluit', '2025-11-03', '2025-11-04'],
      ],
    },
    { naam: 'withdrawn: nothing', m: { ...gewoon, status: 'ingetrokken' as const }, o: {}, verwacht: [] },
  ])('$naam', ({ m, o, verwacht }) => {
    expect(rows(specs(m, o))).toEqual(verwacht);
  });

  it('warns when the schorsing falls in a school year whose holidays the app does not know', () => {
    const later = {
      soort: 'schorsing' as const,
      besluitDatum: '2031-10-06',
      startdatum: '2031-10-06',
      einddatum: '2031-10-07',
      duurSchooldagen: 2,
    };
    const warn = find(specs(later), 'schorsing.vakanties_onbekend');
    expect(warn).toMatchObject({ waarschuwing: true, uiterlijk: '2031-10-06' });
    expect(warn.titel).toContain('2031-2032');
    // The last shipped year (2030-2031) is known: no warning.
    expect(
      specs({ ...later, besluitDatum: '2030-10-07', startdatum: '2030-10-07', einddatum: '2030-10-08' }).map((s) => s.regel),
    ).not.toContain('schorsing.vakanties_onbekend');
  });

  it("addresses the decision per sector and age, and cites that sector's law", () => {
    expect(find(specs(gewoon), 'schorsing.besluit').bronnen).toContain('wpo.40c');
    expect(find(specs(gewoon, { sector: 'SO' }), 'schorsing.besluit').bronnen).toContain('wec.40a');
    expect(find(specs(gewoon, { sector: 'VO' }), 'schorsing.besluit').bronnen).toContain('vo.schorsing');
    expect(find(specs(gewoon, { sector: 'MBO' }), 'schorsing.besluit').bronnen).toContain('web.rechtsbescherming');
    expect(find(specs(gewoon, { sector: 'VO' }), 'schorsing.besluit').titel).toMatch(/leerling en de ouders/);
  });
  it('writes the last day for bezwaar out, from the day the letter really went out', () => {
    expect(find(specs(overVakantie), 'schorsing.bezwaarclausule').titel).toContain('tot en met 28-11-2025');
    const later = specs(overVakantie, {
      prior: [{ regel: 'schorsing.besluit', sleutel: '', status: 'gedaan', uiterlijk: null, gedaanOp: '2025-10-27', uitkomst: null }],
    });
    expect(find(later, 'schorsing.bezwaarclausule').titel).toContain('tot en met 08-12-2025');
  });
});

describe('verwijdering, per sector', () => {
  const voornemen = {
    soort: 'voornemen_verwijdering' as const,
    status: 'voorgenomen' as const,
    besluitDatum: '2025-11-03',
    beoogdBesluit: '2025-11-24',
  };
  const besluit = { soort: 'verwijdering' as const, besluitDatum: '2025-12-01' };
  const voor = ['2025-11-23', '2025-11-24'];
  it.each([
    {
      naam: 'PO intention: pupil, parents and the groepsleraar heard before the planned decision (due Sun 23, late Mon 24 Nov), the search without an 8-week exit',
      m: voornemen,
      o: {},
      verwacht: [
        ['verwijdering.horen:leerling', ...voor],
        ['verwijdering.horen:ouders', ...voor],
        ['verwijdering.horen:docent', ...voor],
        ['verwijdering.zoeken', null, null],
      ],
    },
    {
      naam: 'VO and VSO intention: also the consultation of the Inspectie, due before the decision',
      m: voornemen,
      o: { sector: 'VO' as const },
      verwacht: [
        ['verwijdering.horen:leerling', ...voor],
        ['verwijdering.horen:ouders', ...voor],
        ['verwijdering.horen:docent', ...voor],
        ['verwijdering.overleg_inspectie', ...voor],
        ['verwijdering.zoeken', null, null],
      ],
    },
    {
      naam: 'an older intention without a planned decision date: due on the day of the intention, so it shows',
      m: { ...voornemen, beoogdBesluit: null },
      o: { sector: 'SO' as const },
      verwacht: [
        ['verwijdering.horen:leerling', '2025-11-03', '2025-11-04'],
        ['verwijdering.horen:ouders', '2025-11-03', '2025-11-04'],
        ['verwijdering.horen:docent', '2025-11-03', '2025-11-04'],
        ['verwijdering.zoeken', null, null],
      ],
    },
    {
      naam: 'MBO intention, a student of 19: only the student is heard; no Inspectie, no search',
      m: voornemen,
      o: { sector: 'MBO' as const, geboortedatum: '2006-01-01' },
      verwacht: [['verwijdering.horen:leerling', ...voor]],
    },
    {
      naam: 'PO bijzonder decision: clause always (no setting), notices in working days, objection term; decision 4 weeks after RECEIPT of the objection',
      m: besluit,
      o: { heeftVoornemen: true, settings: { bezwaarclausule: false }, bezwaar: '2025-12-22' },
      verwacht: [
        ['verwijdering.besluit', '2025-12-01', '2025-12-02'],
        ['verwijdering.bezwaarclausule', '2025-12-01', '2025-12-02'],
        ['verwijdering.inspectie', '2025-12-01', '2025-12-04'],
        ['verwijdering.leerplicht', '2025-12-01', '2025-12-04'],
        ['verwijdering.bezwaartermijn', '2026-01-12', null],
        ['verwijdering.beslissing_bezwaar', '2026-01-19', '2026-01-20'],
      ],
    },
    {
      naam: 'PO openbaar decision: 4 weeks after the END of the objection term (WPO art. 40)',
      m: besluit,
      o: { openbaar: true, heeftVoornemen: true, bezwaar: '2025-12-22' },
      verwacht: [
        ['verwijdering.besluit', '2025-12-01', '2025-12-02'],
        ['verwijdering.bezwaarclausule', '2025-12-01', '2025-12-02'],
        ['verwijdering.inspectie', '2025-12-01', '2025-12-04'],
        ['verwijdering.leerplicht', '2025-12-01', '2025-12-04'],
        ['verwijdering.bezwaartermijn', '2026-01-12', null],
        ['verwijdering.beslissing_bezwaar', '2026-02-09', '2026-02-10'],
      ],
    },
    {
      naam: 'VO openbaar: 4 weeks after receipt; no objection recorded yet: no decision task',
      m: besluit,
      o: { sector: 'VO' as const, openbaar: true, heeftVoornemen: true },
      verwacht: [
        ['verwijdering.besluit', '2025-12-01', '2025-12-02'],
        ['verwijdering.bezwaarclausule', '2025-12-01', '2025-12-02'],
        ['verwijdering.inspectie', '2025-12-01', '2025-12-04'],
        ['verwijdering.leerplicht', '2025-12-01', '2025-12-04'],
        ['verwijdering.bezwaartermijn', '2026-01-12', null],
      ],
    },
    {
      naam: 'VSO bijzonder with a Geschillencommissie case (15 Dec – 26 Jan, 42 days): the objection term is not paused, the decision term is',
      m: besluit,
      o: {
        sector: 'VSO' as const,
        heeftVoornemen: true,
        bezwaar: '2025-12-22',
        geschil: { ingediendOp: '2025-12-15', oordeelOp: '2026-01-26' },
      },
      verwacht: [
        ['verwijdering.besluit', '2025-12-01', '2025-12-02'],
        ['verwijdering.bezwaarclausule', '2025-12-01', '2025-12-02'],
        ['verwijdering.inspectie', '2025-12-01', '2025-12-04'],
        ['verwijdering.leerplicht', '2025-12-01', '2025-12-04'],
        ['verwijdering.bezwaartermijn', '2026-01-12', null],
        // 19 January + 42 days = Monday 2 March 2026
        ['verwijdering.beslissing_bezwaar', '2026-03-02', '2026-03-03'],
      ],
    },
    {
      naam: 'while that case runs, the decision on the objection waits without a date',
      m: besluit,
      o: { sector: 'VSO' as const, heeftVoornemen: true, bezwaar: '2025-12-22', geschil: { ingediendOp: '2025-12-15', oordeelOp: null } },
      verwacht: [
        ['verwijdering.besluit', '2025-12-01', '2025-12-02'],
        ['verwijdering.bezwaarclausule', '2025-12-01', '2025-12-02'],
        ['verwijdering.inspectie', '2025-12-01', '2025-12-04'],
        ['verwijdering.leerplicht', '2025-12-01', '2025-12-04'],
        ['verwijdering.bezwaartermijn', '2026-01-12', null],
        ['verwijdering.beslissing_bezwaar', null, null],
      ],
    },
    {
      naam: 'MBO decision, a student of 23: rechtsmiddelen, no Inspectie, the RMC notice not applicable; objection decided under Awb 7:10',
      m: besluit,
      o: { sector: 'MBO' as const, geboortedatum: '2002-01-01', heeftVoornemen: true, bezwaar: '2025-12-22' },
      verwacht: [
        ['verwijdering.besluit', '2025-12-01', '2025-12-02'],
        ['verwijdering.bezwaarclausule', '2025-12-01', '2025-12-02'],
        ['verwijdering.leerplicht', '2025-12-01', '2025-12-04', 'nvt'],
        ['verwijdering.bezwaartermijn', '2026-01-12', null],
        ['verwijdering.beslissing_bezwaar', '2026-02-23', '2026-02-24'],
      ],
    },
  ])('$naam', ({ m, o, verwacht }) => {
    expect(rows(specs(m, o))).toEqual(verwacht);
  });

  it('a decision term that ends on Easter Monday runs on to Tuesday (Algemene termijnenwet)', () => {
    // Objection received Monday 1 March 2027; 4 weeks later is Monday 29 March 2027, Tweede Paasdag.
    const out = specs({ soort: 'verwijdering', besluitDatum: '2027-02-15' }, { heeftVoornemen: true, bezwaar: '2027-03-01' });
    expect(find(out, 'verwijdering.beslissing_bezwaar').uiterlijk).toBe('2027-03-30');
  });
});

describe('the sexual-offence path, per sector', () => {
  function zeden(
    o: {
      sector?: Sector;
      categorie?: string;
      datum?: string;
      dader?: 'medewerker' | 'extern' | 'leerling';
      geboren?: string | null;
      vermoeden?: boolean | null;
    } = {},
  ) {
    const facts: IncidentFacts = {
      school: { sector: o.sector ?? 'VO', openbaar: false },
      settings: defaults,
      cal: midden,
      prior: new Map(),
      incident: {
        id: 1,
        categorie: o.categorie ?? 'seksueel',
        ernst: 'hoog',
        datumVoorval: o.datum ?? '2025-11-03',
        datumMelding: o.datum ?? '2025-11-03',
      },
      daders: [{ personId: 1, soort: o.dader ?? 'medewerker' }],
      slachtoffers: [{ personId: 2, soort: 'leerling', geboortedatum: o.geboren === undefined ? '2011-04-01' : o.geboren }],
      zedenVermoeden: o.vermoeden ?? null,
    };
    return incidentRules.flatMap((r) => r(facts));
  }
  it.each([
    { naam: 'VO, seksueel, staff against a minor: five steps', o: {}, n: 5 },
    { naam: 'grooming filed as stalking: asked first, no steps yet', o: { categorie: 'stalking' }, n: 0 },
    { naam: 'stalking answered "possibly a sexual offence": the path', o: { categorie: 'stalking', vermoeden: true }, n: 5 },
    { naam: 'a volunteer or stagiair (extern) counts', o: { dader: 'extern' as const }, n: 5 },
    { naam: 'a pupil as dader: not this path', o: { dader: 'leerling' as const }, n: 0 },
    { naam: 'an adult pupil: advice, not the statutory path', o: { geboren: '2005-01-01' }, n: 0 },
    { naam: 'unknown age: treated as a minor', o: { geboren: null }, n: 5 },
    { naam: 'MBO, a minor student: the WEB has the same duty', o: { sector: 'MBO' as const, geboren: '2009-01-01' }, n: 5 },
    { naam: 'MBO, an adult student: advice only', o: { sector: 'MBO' as const, geboren: '2004-01-01' }, n: 0 },
  ])('$naam', ({ o, n }) => {
    expect(zeden(o).length).toBe(n);
  });
  it("cites the law of the school's own sector", () => {
    expect(zeden({ sector: 'PO' })[0].grondslag).toMatch(/^WPO art\. 4a/);
    expect(zeden({ sector: 'VO' })[0].grondslag).toMatch(/^WVO 2020/);
    expect(zeden({ sector: 'SO' })[0].grondslag).toMatch(/^WEC art\. 4a/);
    expect(zeden({ sector: 'VO' })[0].grondslag).not.toMatch(/WPO/);
  });
  it('reported on a Saturday: the board at once, the vertrouwensinspecteur on Monday, and the step says why', () => {
    const out = zeden({ datum: '2025-11-01' });
    expect(out.map((s) => [s.regel, s.uiterlijk])).toEqual([
      ['zeden.bestuur', '2025-11-01'],
      ['zeden.vertrouwensinspecteur', '2025-11-03'],
      ['zeden.besluit_aangifte', '2025-11-03'],
      ['zeden.informeren', '2025-11-03'],
      ['zeden.aangifte', '2025-11-03'],
    ]);
    expect(out[1].titel).toMatch(/eerstvolgende werkdag.*werkdagen 08\.00–17\.00/);
  });
  it('every step is urgent and needs date and time; the decision step asks aangifte yes or no', () => {
    const out = zeden();
    expect(out.map((s) => [s.regel, s.urgent, s.tijdVerplicht, !!s.beslissing])).toEqual([
      ['zeden.bestuur', true, true, false],
      ['zeden.vertrouwensinspecteur', true, true, false],
      ['zeden.besluit_aangifte', true, true, true],
      ['zeden.informeren', true, true, false],
      ['zeden.aangifte', true, true, false],
    ]);
  });
  it('after "no reasonable suspicion", informing and aangifte are not applicable', () => {
    const facts: IncidentFacts = {
      school: { sector: 'PO', openbaar: true },
      settings: defaults,
      cal: midden,
      prior: new Map([
        [
          'zeden.besluit_aangifte|',
          {
            regel: 'zeden.besluit_aangifte',
            sleutel: '',
            status: 'gedaan',
            uiterlijk: null,
            gedaanOp: '2025-11-03',
            uitkomst: 'geen_aangifte',
          },
        ],
      ]),
      incident: { id: 1, categorie: 'seksueel', ernst: 'hoog', datumVoorval: '2025-11-03', datumMelding: '2025-11-03' },
      daders: [{ personId: 1, soort: 'medewerker' }],
      slachtoffers: [],
      zedenVermoeden: null,
    };
    expect(incidentRules.flatMap((r) => r(facts)).map((s) => [s.regel, !!s.nvt])).toEqual([
      ['zeden.bestuur', false],
      ['zeden.vertrouwensinspecteur', false],
      ['zeden.besluit_aangifte', false],
      ['zeden.informeren', true],
      ['zeden.aangifte', true],
    ]);
  });
  it('reported on Christmas Day 2025: the vertrouwensinspecteur on Monday 29 December', () => {
    expect(zeden({ datum: '2025-12-25' })[1].uiterlijk).toBe('2025-12-29');
  });
});
