// docs/LAW.md and the code name the same rules and the same sources: every obligation a rule can
// produce (over every sector, kind of school, measure, status, age and record that changes the
// outcome) has a row in LAW.md, every source it cites exists and is listed there with the same link,
// and every source in the registry is documented.
import fs from 'node:fs';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { BRONNEN } from '../../src/main/obligations/sources';
import { measureRules, incidentRules } from '../../src/main/obligations/rules';
import type { IncidentFacts, MeasureFacts, ObligationSpec, PriorObligation } from '../../src/main/obligations/rules/types';
import { SECTOR, MAATREGEL, MAATREGEL_STATUS } from '../../src/shared/domain';
import { complianceSettings } from '../../src/shared/api/obligations';
import { midden } from '../support/middenCalendar';

const law = fs.readFileSync(path.join(__dirname, '../../docs/LAW.md'), 'utf8');
const settings = complianceSettings.parse({});

/** Every spec the rules produce over a grid of facts that covers each branch. */
function allSpecs(): ObligationSpec[] {
  const out: ObligationSpec[] = [];
  const priors: PriorObligation[][] = [
    [],
    [{ regel: 'personeel.voornemen', sleutel: '', status: 'gedaan', uiterlijk: '2025-10-01', gedaanOp: '2025-10-01', uitkomst: null }],
  ];
  for (const sector of SECTOR.codes)
    for (const openbaar of [true, false])
      for (const soort of MAATREGEL.codes)
        for (const status of MAATREGEL_STATUS.codes)
          for (const person of ['leerling', 'medewerker'] as const)
            for (const geboortedatum of ['2012-01-01', '2001-01-01', null])
              for (const bezwaar of [null, { ontvangenOp: '2025-11-20' }])
                for (const geschil of [
                  null,
                  { ingediendOp: '2025-11-21', oordeelOp: null },
                  { ingediendOp: '2025-11-21', oordeelOp: '2025-12-20' },
                ])
                  for (const prior of priors) {
                    const f: MeasureFacts = {
                      school: { sector, openbaar },
                      settings,
                      cal: midden,
                      prior: new Map(prior.map((p) => [`${p.regel}|${p.sleutel}`, p])),
                      measure: {
                        id: 1,
                        soort,
                        status,
                        besluitDatum: '2025-11-03',
                        startdatum: '2025-11-03',
                        einddatum: '2025-11-14',
                        duurSchooldagen: 4,
                        beoogdBesluit: '2025-11-24',
                      },
                      person: { soort: person, geboortedatum },
                      bezwaar,
                      heeftVoornemen: false,
                      geschil,
                    };
                    out.push(...measureRules.flatMap((r) => r(f)));
                  }
  // A schorsing in a school year whose holidays are not known (beyond the shipped data).
  out.push(
    ...measureRules.flatMap((r) =>
      r({
        school: { sector: 'PO', openbaar: false },
        settings,
        cal: midden,
        prior: new Map(),
        measure: {
          id: 1,
          soort: 'schorsing',
          status: 'besloten',
          besluitDatum: '2031-10-06',
          startdatum: '2031-10-06',
          einddatum: '2031-10-07',
          duurSchooldagen: 2,
          beoogdBesluit: null,
        },
        person: { soort: 'leerling', geboortedatum: null },
        bezwaar: null,
        heeftVoornemen: false,
        geschil: null,
      }),
    ),
  );
  for (const sector of SECTOR.codes)
    for (const categorie of ['seksueel', 'stalking'])
      for (const vermoeden of [true, null]) {
        const f: IncidentFacts = {
          school: { sector, openbaar: false },
          settings,
          cal: midden,
          prior: new Map(),
          incident: { id: 1, categorie, ernst: 'hoog', datumVoorval: '2025-11-01', datumMelding: '2025-11-01' },
          daders: [{ personId: 1, soort: 'medewerker' }],
          slachtoffers: [{ personId: 2, soort: 'leerling', geboortedatum: '2012-01-01' }],
          zedenVermoeden: vermoeden,
        };
        out.push(...incidentRules.flatMap((r) => r(f)));
      }
  return out;
}

/** The rows of LAW.md's rule tables: the first cell's backticked rule id. */
const ruleSection = law.slice(law.indexOf('## De regels'), law.indexOf('## Scenario'));
const documentedRules = new Set([...ruleSection.matchAll(/^\| `([a-z_]+\.[a-z_]+)`/gm)].map((m) => m[1]));
/** The source table: id → link. */
const documentedSources = new Map(
  [...law.matchAll(/^\| `([^`]+)` \| [^|]+ \| (?:<([^>]+)>|instelling van de school) \|$/gm)].map((m) => [m[1], m[2] ?? null]),
);

describe('docs/LAW.md traces every rule to its sources', () => {
  const specs = allSpecs();
  const regels = new Set(specs.map((s) => s.regel));

  it('the grid reaches every rule family', () => {
    for (const prefix of ['schorsing.', 'verwijdering.', 'zeden.', 'personeel.'])
      expect([...regels].some((r) => r.startsWith(prefix))).toBe(true);
    expect(regels.size).toBeGreaterThan(25);
  });

  it.each([...new Set(allSpecs().map((s) => s.regel))].sort())('%s has a row in LAW.md', (regel) => {
    expect(documentedRules.has(regel), `${regel} is missing from docs/LAW.md`).toBe(true);
  });

  it('every rule in LAW.md still exists in the code', () => {
    const stale = [...documentedRules].filter((r) => !regels.has(r));
    expect(stale).toEqual([]);
  });

  it('every spec cites at least one source, and each source exists in the registry', () => {
    const bad = specs.filter((s) => s.bronnen.length === 0 || s.bronnen.some((b) => !(b in BRONNEN)));
    expect(bad.map((s) => s.regel)).toEqual([]);
  });

  it('every source in the registry is listed in LAW.md with the same link, and nothing else is', () => {
    const registry = new Map(Object.entries(BRONNEN).map(([id, b]) => [id, b.url]));
    expect(Object.fromEntries(documentedSources)).toEqual(Object.fromEntries(registry));
  });

  it("only the school's own setting has no link", () => {
    const zonder = Object.entries(BRONNEN)
      .filter(([, b]) => !b.url)
      .map(([id]) => id);
    expect(zonder.every((id) => id === 'school.instelling' || id.endsWith('.onbekend'))).toBe(true);
  });
});
