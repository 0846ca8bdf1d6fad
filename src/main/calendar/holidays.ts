// School holidays per school year for the school's region: the Rijksoverheid's dates shipped in
// resources/schoolvakanties.json, replaced per school year by the school's own list when it edits
// them (setting 'obligations.vakanties'). Builds the SchoolCalendar every due date is counted with.
import { z } from 'zod';
import data from '../../../resources/schoolvakanties.json';
import type { DB } from '../db/open';
import type { Ctx } from '../context/context';
import type { PersoonSoort, Regio } from '@shared/domain';
import type { SchoolHolidays } from '@shared/api/obligations';
import { vakantieInput } from '@shared/api/obligations';
import { readSetting, writeSetting } from '../settings/settings';
import { getSchool } from '../school/school';
import { readComplianceSettings } from '../settings/compliance';
import { SchoolCalendar, VAKANTIE_SOORTEN } from './schoolDays';
import type { Vakantie } from './schoolDays';
import { isWerkdag } from './terms';

const VAKANTIES_KEY = 'obligations.vakanties';
const overridesSchema = z.record(z.string(), z.array(vakantieInput)).default({});

type StandaardJaar = {
  voorlopig: boolean;
  bron: string;
  vakanties: Record<string, Record<Regio, [string, string]>>;
};
const standaard = (data as unknown as { schooljaren: Record<string, StandaardJaar> }).schooljaren;

/** The school years the app ships standard holidays for. */
export const standaardSchooljaren = (): string[] => Object.keys(standaard).sort();

function standaardVakanties(schooljaar: string, regio: Regio): Vakantie[] | null {
  const jaar = standaard[schooljaar];
  if (!jaar) return null;
  return VAKANTIE_SOORTEN.filter((s) => jaar.vakanties[s]).map((soort) => {
    const [start, eind] = jaar.vakanties[soort][regio];
    return { soort, naam: null, start, eind };
  });
}

const readOverrides = (db: DB) => readSetting(db, VAKANTIES_KEY, overridesSchema);

const schoolRegio = (db: DB): Regio => getSchool(db)?.regio ?? 'midden';

export function holidaysFor(db: DB, schooljaar: string): SchoolHolidays {
  const regio = schoolRegio(db);
  const eigen = readOverrides(db)[schooljaar];
  const std = standaard[schooljaar];
  const vakanties = eigen ?? standaardVakanties(schooljaar, regio) ?? [];
  return {
    schooljaar,
    regio,
    bron: eigen ? 'aangepast' : 'standaard',
    voorlopig: !eigen && !!std?.voorlopig,
    onbekend: !eigen && !std,
    toelichting: eigen ? null : (std?.bron ?? null),
    vakanties: vakanties
      .map((v) => ({ soort: v.soort, naam: v.naam ?? null, start: v.start, eind: v.eind }))
      .sort((a, b) => (a.start < b.start ? -1 : 1)),
  };
}

export function saveHolidays(ctx: Ctx, schooljaar: string, vakanties: z.output<typeof vakantieInput>[] | null): SchoolHolidays {
  const all = { ...readOverrides(ctx.db) };
  if (vakanties === null) delete all[schooljaar];
  else all[schooljaar] = vakanties;
  writeSetting(ctx, VAKANTIES_KEY, overridesSchema, all);
  return holidaysFor(ctx.db, schooljaar);
}

/** The calendar every school-day count uses: all known school years of the school's region. */
export function schoolCalendar(db: DB): SchoolCalendar {
  const regio = schoolRegio(db);
  const overrides = readOverrides(db);
  const jaren = new Set([...Object.keys(standaard), ...Object.keys(overrides)]);
  const vakanties: Vakantie[] = [];
  for (const j of jaren) vakanties.push(...(overrides[j] ?? standaardVakanties(j, regio) ?? []));
  const s = readComplianceSettings(db);
  return new SchoolCalendar(vakanties, { goedeVrijdag: s.goedeVrijdagVrij, bevrijdingsdag: s.bevrijdingsdagVrij }, jaren);
}

/**
 * How many days a measure from start to end lasts, both included (0 when end is before start). A
 * pupil's measure counts school days, as the law counts a schorsing (docs/LAW.md); a measure for
 * anyone else (a parent's access ban, a staff measure) counts working days: Monday to Friday
 * without the public holidays of the Algemene termijnenwet.
 */
export function measureDays(db: DB, persoon: PersoonSoort, start: string, end: string): number {
  if (persoon === 'leerling') return schoolCalendar(db).countSchoolDays(start, end);
  let n = 0;
  for (let d = start; d <= end; d = nextDay(d)) if (isWerkdag(d)) n++;
  return n;
}

const nextDay = (iso: string): string => {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};
