// The rules of DOMAIN.md §6, table-driven: for a measure or incident with given facts, exactly which
// obligations each rule produces, with their due and overdue dates (regio midden, 2025-2026).
import { describe, it, expect } from 'vitest';
import data from '../../resources/schoolvakanties.json';
import { SchoolCalendar, STANDAARD_FEESTDAGEN } from '../../src/main/obligations/schoolDays';
import type { Vakantie, VakantieSoort } from '../../src/main/obligations/schoolDays';
import { measureRules, incidentRules } from '../../src/main/obligations/rules';
import type { IncidentFacts, MeasureFacts, PriorObligation } from '../../src/main/obligations/rules/types';
import { complianceSettings } from '../../src/shared/api/obligations';
import type { ComplianceSettings } from '../../src/shared/api/obligations';
import type { Sector } from '../../src/shared/domain';

const jaren = (data as unknown as { schooljaren: Record<string, { vakanties: Record<VakantieSoort, Record<'midden', [string, string]>> }> }).schooljaren;
const midden = new SchoolCalendar(
  Object.values(jaren).flatMap((j) => Object.entries(j.vakanties).map(([s, r]) => ({ soort: s as VakantieSoort, start: r.midden[0], eind: r.midden[1] }) as Vakantie)),
  STANDAARD_FEESTDAGEN,
);

const defaults = complianceSettings.parse({});

type M = MeasureFacts['measure'];
function measure(
  m: Partial<M> & Pick<M, 'soort'>,
  o: { sector?: Sector; openbaar?: boolean; settings?: Partial<ComplianceSettings>; person?: 'leerling' | 'medewerker'; prior?: PriorObligation[]; heeftVoornemen?: boolean; geschil?: MeasureFacts['geschil'] } = {},
) {
  const facts: MeasureFacts = {
    school: { sector: o.sector ?? 'PO', openbaar: o.openbaar ?? false },
    settings: { ...defaults, ...o.settings },
    cal: midden,
    prior: new Map((o.prior ?? []).map((p) => [`${p.regel}|${p.sleutel}`, p])),
    measure: { id: 1, status: 'besloten', besluitDatum: '2025-10-17', startdatum: null, einddatum: null, duurSchooldagen: null, ...m },
    person: { soort: o.person ?? 'leerling', geboortedatum: null },
    heeftVoornemen: o.heeftVoornemen ?? false,
    geschil: o.geschil ?? null,
  };
  return measureRules.flatMap((r) => r(facts)).map((s) => ({ regel: s.sleutel ? `${s.regel}:${s.sleutel}` : s.regel, uiterlijk: s.uiterlijk, teLaatVanaf: s.teLaatVanaf, titel: s.titel, nvt: s.nvt ?? null }));
}
const dates = (list: ReturnType<typeof measure>) => list.map((o) => [o.regel, o.uiterlijk, o.teLaatVanaf]);

const done = (regel: string, gedaanOp: string, uitkomst: string | null = null): PriorObligation => ({ regel, sleutel: '', status: 'gedaan', uiterlijk: null, gedaanOp, uitkomst });

describe('§6.1–6.2 schorsing of a pupil', () => {
  // Decided on the Friday before the autumn holiday (midden: 18–26 Oct 2025), 3 school days: Fri 17, Mon 27, Tue 28.
  const schorsing3 = { soort: 'schorsing' as const, besluitDatum: '2025-10-17', startdatum: '2025-10-17', einddatum: '2025-10-28', duurSchooldagen: 3 };
  it.each([
    {
      naam: 'PO, 3 school days across the autumn holiday: hearing, written decision, objection clause, ISD and leerplicht',
      m: schorsing3,
      o: {},
      verwacht: [
        ['schorsing.horen', '2025-10-17', '2025-10-18'],
        ['schorsing.besluit', '2025-10-17', '2025-10-18'],
        ['schorsing.bezwaarclausule', '2025-10-17', '2025-10-18'],
        // ISD due on the decision date; the 2 school days after it are Mon 27 and Tue 28 (holiday skipped), late from Wed 29.
        ['schorsing.isd', '2025-10-17', '2025-10-29'],
        ['schorsing.leerplicht', '2025-10-17', '2025-10-29'],
      ],
    },
    {
      naam: 'ISD threshold of 0 school days: late from the next school day (Monday after the holiday)',
      m: schorsing3,
      o: { settings: { isdTeLaatNaSchooldagen: 0, leerplichtBijSchorsing: false } },
      verwacht: [
        ['schorsing.horen', '2025-10-17', '2025-10-18'],
        ['schorsing.besluit', '2025-10-17', '2025-10-18'],
        ['schorsing.bezwaarclausule', '2025-10-17', '2025-10-18'],
        ['schorsing.isd', '2025-10-17', '2025-10-27'],
      ],
    },
    {
      naam: 'one school day: no ISD, no leerplicht',
      m: { ...schorsing3, einddatum: '2025-10-17', duurSchooldagen: 1 },
      o: {},
      verwacht: [
        ['schorsing.horen', '2025-10-17', '2025-10-18'],
        ['schorsing.besluit', '2025-10-17', '2025-10-18'],
        ['schorsing.bezwaarclausule', '2025-10-17', '2025-10-18'],
      ],
    },
    {
      naam: 'a special school that switched the objection clause off: none',
      m: { ...schorsing3, einddatum: '2025-10-17', duurSchooldagen: 1 },
      o: { settings: { bezwaarclausule: false } },
      verwacht: [
        ['schorsing.horen', '2025-10-17', '2025-10-18'],
        ['schorsing.besluit', '2025-10-17', '2025-10-18'],
      ],
    },
    {
      naam: 'a public school always has the objection clause, whatever the setting',
      m: { ...schorsing3, einddatum: '2025-10-17', duurSchooldagen: 1 },
      o: { openbaar: true, settings: { bezwaarclausule: false } },
      verwacht: [
        ['schorsing.horen', '2025-10-17', '2025-10-18'],
        ['schorsing.besluit', '2025-10-17', '2025-10-18'],
        ['schorsing.bezwaarclausule', '2025-10-17', '2025-10-18'],
      ],
    },
    {
      naam: 'an intended schorsing: only the hearing',
      m: { ...schorsing3, status: 'voorgenomen' as const },
      o: {},
      verwacht: [['schorsing.horen', '2025-10-17', '2025-10-18']],
    },
    {
      naam: 'MBO: hearing and written decision, no ISD',
      m: schorsing3,
      o: { sector: 'MBO' as const, settings: { bezwaarclausule: false } },
      verwacht: [
        ['schorsing.horen', '2025-10-17', '2025-10-18'],
        ['schorsing.besluit', '2025-10-17', '2025-10-18'],
      ],
    },
    { naam: 'withdrawn: nothing', m: { ...schorsing3, status: 'ingetrokken' as const }, o: {}, verwacht: [] },
  ])('$naam', ({ m, o, verwacht }) => {
    expect(dates(measure(m, o))).toEqual(verwacht);
  });

  it('names the objection term end (6 weeks after the written decision) in the clause', () => {
    expect(measure(schorsing3).find((o) => o.regel === 'schorsing.bezwaarclausule')!.titel).toContain('tot en met 28-11-2025');
    // The letter really went out on Monday 27 October: the 6 weeks run from then.
    const later = measure(schorsing3, { prior: [done('schorsing.besluit', '2025-10-27')] });
    expect(later.find((o) => o.regel === 'schorsing.bezwaarclausule')!.titel).toContain('tot en met 08-12-2025');
  });
  it('titles the ISD task as the dashboard shows it', () => {
    expect(measure(schorsing3).find((o) => o.regel === 'schorsing.isd')!.titel).toBe('Melden bij Inspectie (ISD)');
  });
});

describe('§6.3 (intended) expulsion', () => {
  const voornemen = { soort: 'voornemen_verwijdering' as const, besluitDatum: '2025-11-03' };
  const verwijdering = { soort: 'verwijdering' as const, besluitDatum: '2025-11-03' };
  it.each([
    {
      naam: 'VO intention: three hearings, consult the inspectie, search with an 8-week milestone',
      m: voornemen,
      o: { sector: 'VO' as const },
      verwacht: [
        ['verwijdering.horen:ouders', null, null],
        ['verwijdering.horen:leerling', null, null],
        ['verwijdering.horen:docent', null, null],
        ['verwijdering.overleg_inspectie', null, null],
        ['verwijdering.zoeken', '2025-12-29', null],
      ],
    },
    {
      naam: 'PO intention: no consultation of the inspectie',
      m: voornemen,
      o: {},
      verwacht: [
        ['verwijdering.horen:ouders', null, null],
        ['verwijdering.horen:leerling', null, null],
        ['verwijdering.horen:docent', null, null],
        ['verwijdering.zoeken', '2025-12-29', null],
      ],
    },
    {
      naam: 'PO decision after an intention: decision, clause, Inspectie, leerplicht, objection term (6 weeks), board decision 4 weeks later',
      m: verwijdering,
      o: { heeftVoornemen: true },
      verwacht: [
        ['verwijdering.besluit', '2025-11-03', '2025-11-04'],
        ['verwijdering.bezwaarclausule', '2025-11-03', '2025-11-04'],
        ['verwijdering.inspectie', '2025-11-03', '2025-11-06'],
        ['verwijdering.leerplicht', '2025-11-03', '2025-11-06'],
        ['verwijdering.bezwaartermijn', '2025-12-15', null],
        ['verwijdering.beslissing_bezwaar', '2026-01-12', '2026-01-13'],
      ],
    },
    {
      naam: 'the objection term runs from the day the decision letter really went out',
      m: verwijdering,
      o: { heeftVoornemen: true, prior: [done('verwijdering.besluit', '2025-11-05')] },
      verwacht: [
        ['verwijdering.besluit', '2025-11-03', '2025-11-04'],
        ['verwijdering.bezwaarclausule', '2025-11-03', '2025-11-04'],
        ['verwijdering.inspectie', '2025-11-03', '2025-11-06'],
        ['verwijdering.leerplicht', '2025-11-03', '2025-11-06'],
        ['verwijdering.bezwaartermijn', '2025-12-17', null],
        ['verwijdering.beslissing_bezwaar', '2026-01-14', '2026-01-15'],
      ],
    },
    {
      naam: 'a Geschillencommissie case (20 Nov – 5 Jan, 46 days) pauses the clock',
      m: verwijdering,
      o: { heeftVoornemen: true, settings: { bezwaarclausule: false }, geschil: { ingediendOp: '2025-11-20', oordeelOp: '2026-01-05' } },
      verwacht: [
        ['verwijdering.besluit', '2025-11-03', '2025-11-04'],
        ['verwijdering.inspectie', '2025-11-03', '2025-11-06'],
        ['verwijdering.leerplicht', '2025-11-03', '2025-11-06'],
        ['verwijdering.bezwaartermijn', '2026-01-30', null],
        ['verwijdering.beslissing_bezwaar', '2026-02-27', '2026-02-28'],
      ],
    },
    {
      naam: 'while the case runs, the objection term and the decision have no date',
      m: verwijdering,
      o: { heeftVoornemen: true, settings: { bezwaarclausule: false }, geschil: { ingediendOp: '2025-11-20', oordeelOp: null } },
      verwacht: [
        ['verwijdering.besluit', '2025-11-03', '2025-11-04'],
        ['verwijdering.inspectie', '2025-11-03', '2025-11-06'],
        ['verwijdering.leerplicht', '2025-11-03', '2025-11-06'],
        ['verwijdering.bezwaartermijn', null, null],
        ['verwijdering.beslissing_bezwaar', null, null],
      ],
    },
    {
      naam: 'VO decision without a recorded intention: the intention steps too, no PO board term',
      m: verwijdering,
      o: { sector: 'VO' as const, settings: { bezwaarclausule: false } },
      verwacht: [
        ['verwijdering.horen:ouders', null, null],
        ['verwijdering.horen:leerling', null, null],
        ['verwijdering.horen:docent', null, null],
        ['verwijdering.overleg_inspectie', null, null],
        ['verwijdering.zoeken', '2025-12-29', null],
        ['verwijdering.besluit', '2025-11-03', '2025-11-04'],
        ['verwijdering.inspectie', '2025-11-03', '2025-11-06'],
        ['verwijdering.leerplicht', '2025-11-03', '2025-11-06'],
        ['verwijdering.bezwaartermijn', '2025-12-15', null],
      ],
    },
  ])('$naam', ({ m, o, verwacht }) => {
    expect(dates(measure(m, o))).toEqual(verwacht);
  });
});

describe('§6.6 staff', () => {
  it.each([
    {
      naam: 'intended written reprimand: registered letter, zienswijze 3 weeks',
      m: { soort: 'schriftelijke_berisping' as const, status: 'voorgenomen' as const, besluitDatum: '2025-11-03' },
      prior: [],
      verwacht: [
        ['personeel.voornemen', '2025-11-03', '2025-11-04'],
        ['personeel.zienswijze', '2025-11-24', null],
      ],
    },
    {
      naam: 'the decision after the intention (sent 4 Nov): zienswijze from then, decision, appeal 6 weeks, dossier',
      m: { soort: 'schriftelijke_berisping' as const, status: 'besloten' as const, besluitDatum: '2025-11-28' },
      prior: [done('personeel.voornemen', '2025-11-04')],
      verwacht: [
        ['personeel.voornemen', '2025-11-04', '2025-11-05'],
        ['personeel.zienswijze', '2025-11-25', null],
        ['personeel.besluit', '2025-11-28', '2025-11-29'],
        ['personeel.beroep', '2026-01-09', null],
        ['personeel.dossier', '2025-11-28', null],
      ],
    },
    {
      naam: 'decided without a recorded intention: the zienswijze shows as due on the decision date',
      m: { soort: 'schorsing' as const, status: 'besloten' as const, besluitDatum: '2025-11-28' },
      prior: [],
      verwacht: [
        ['personeel.zienswijze', '2025-11-28', '2025-11-29'],
        ['personeel.besluit', '2025-11-28', '2025-11-29'],
        ['personeel.beroep', '2026-01-09', null],
        ['personeel.dossier', '2025-11-28', null],
      ],
    },
    {
      naam: 'summary dismissal: at once, with the urgent reason',
      m: { soort: 'ontslag_op_staande_voet' as const, status: 'besloten' as const, besluitDatum: '2025-11-28' },
      prior: [],
      verwacht: [
        ['personeel.onverwijld', '2025-11-28', '2025-11-29'],
        ['personeel.dossier', '2025-11-28', null],
      ],
    },
    { naam: 'a warning is no disciplinary measure', m: { soort: 'waarschuwing' as const }, prior: [], verwacht: [] },
  ])('$naam', ({ m, prior, verwacht }) => {
    expect(dates(measure(m, { person: 'medewerker', prior }))).toEqual(verwacht);
  });
});

describe('§6.4 the sexual-offence path', () => {
  function incident(o: Partial<Pick<IncidentFacts, 'daders' | 'slachtoffers' | 'zedenVermoeden'>> & { categorie?: string; prior?: PriorObligation[] } = {}) {
    const facts: IncidentFacts = {
      school: { sector: 'VO', openbaar: false },
      settings: defaults,
      cal: midden,
      prior: new Map((o.prior ?? []).map((p) => [`${p.regel}|${p.sleutel}`, p])),
      incident: { id: 1, categorie: o.categorie ?? 'seksueel', ernst: 'hoog', datumMelding: '2025-11-03' },
      daders: o.daders ?? [{ personId: 1, soort: 'medewerker' }],
      slachtoffers: o.slachtoffers ?? [{ personId: 2, soort: 'leerling' }],
      zedenVermoeden: o.zedenVermoeden ?? null,
    };
    return incidentRules.flatMap((r) => r(facts));
  }
  const steps = ['zeden.bestuur', 'zeden.vertrouwensinspecteur', 'zeden.besluit_aangifte', 'zeden.informeren', 'zeden.aangifte'];
  it('opens five urgent steps at once, due the day it was reported, each needing date and time', () => {
    const out = incident();
    expect(out.map((s) => [s.regel, s.uiterlijk, s.teLaatVanaf, s.urgent, s.tijdVerplicht])).toEqual(steps.map((r) => [r, '2025-11-03', '2025-11-04', true, true]));
    expect(out.find((s) => s.regel === 'zeden.besluit_aangifte')!.beslissing).toBe(true);
  });
  it.each([
    { naam: 'an extern (volunteer, intern) counts as working at the school', o: { daders: [{ personId: 1, soort: 'extern' as const }] }, n: 5 },
    { naam: 'a pupil as dader: not this path', o: { daders: [{ personId: 1, soort: 'leerling' as const }] }, n: 0 },
    { naam: 'only adult victims recorded: not this path', o: { slachtoffers: [{ personId: 2, soort: 'medewerker' as const }] }, n: 0 },
    { naam: 'no victim recorded yet: the path opens (safe side)', o: { slachtoffers: [] }, n: 5 },
    { naam: 'another category: nothing', o: { categorie: 'pesten' }, n: 0 },
    { naam: 'inappropriate contact, not yet assessed: asks, no steps', o: { categorie: 'ongepast_contact' }, n: 0 },
    { naam: 'inappropriate contact assessed as a possible sexual offence: the path', o: { categorie: 'ongepast_contact', zedenVermoeden: true }, n: 5 },
  ])('$naam', ({ o, n }) => {
    expect(incident(o).length).toBe(n);
  });
  it('after "no reasonable suspicion", informing and aangifte are not applicable', () => {
    const out = incident({ prior: [done('zeden.besluit_aangifte', '2025-11-03', 'geen_aangifte')] });
    expect(out.map((s) => [s.regel, s.nvt ?? null])).toEqual([
      ['zeden.bestuur', null],
      ['zeden.vertrouwensinspecteur', null],
      ['zeden.besluit_aangifte', null],
      ['zeden.informeren', 'Geen redelijk vermoeden vastgesteld: geen aangifte.'],
      ['zeden.aangifte', 'Geen redelijk vermoeden vastgesteld: geen aangifte.'],
    ]);
  });
});
