// The yearly report's figures (Jaarverslag, DOMAIN.md §8–9): this school year against the previous
// one, every count published through publish.ts (small groups suppressed), no name anywhere.
import type { DB } from '../db/open';
import type { Cell, FigureTable, FigureTableKey, RoleTable, YearReport } from '../../shared/api/yearReports';
import { PLATFORM, ERNST, LOCATIE, MAATREGEL, INSTANTIE, PERSOON_SOORT, ROL } from '../../shared/domain';
import type { Label, Rol } from '../../shared/domain';
import { previousSchoolYear, schoolYearBounds } from '../../shared/schoolYear';
import { getSchool } from '../school/school';
import { rawYear, VERPLICHTING_KEYS } from './figures';
import type { RawYear, Counts } from './figures';
import { comparisonRows, publish, publishColumn, change } from './publish';
import { readReportSettings } from './settings';
import { summarize } from './summary';

/** School-year order of the months, with their Dutch names. */
export const MAANDEN: { key: string; label: string }[] = [
  ['08', 'augustus'],
  ['09', 'september'],
  ['10', 'oktober'],
  ['11', 'november'],
  ['12', 'december'],
  ['01', 'januari'],
  ['02', 'februari'],
  ['03', 'maart'],
  ['04', 'april'],
  ['05', 'mei'],
  ['06', 'juni'],
  ['07', 'juli'],
].map(([key, label]) => ({ key, label }));

const VERPLICHTING_LABEL: Record<(typeof VERPLICHTING_KEYS)[number], string> = {
  op_tijd: 'Op tijd afgehandeld',
  te_laat: 'Te laat afgehandeld',
  open_te_laat: 'Nog open, termijn verstreken',
  open: 'Nog open, binnen de termijn',
};

const fromVocab = (v: { codes: readonly string[]; labels: Record<string, Label> }) =>
  v.codes.map((key) => ({ key, label: v.labels[key].nl }));

/** Keys that have a count in either year (for the long lists of measures). */
const present = (keys: { key: string; label: string }[], a: Counts, b: Counts) =>
  keys.filter((k) => (a.get(k.key) ?? 0) > 0 || (b.get(k.key) ?? 0) > 0);

const sum = (c: Counts) => [...c.values()].reduce((s, n) => s + n, 0);

function categoryKeys(db: DB, a: Counts, b: Counts): { key: string; label: string }[] {
  const rows = db.prepare('SELECT code, label, actief FROM category ORDER BY volgorde, label').all() as {
    code: string;
    label: string;
    actief: number;
  }[];
  const keys = rows
    .filter((r) => r.actief === 1 || (a.get(r.code) ?? 0) > 0 || (b.get(r.code) ?? 0) > 0)
    .map((r) => ({ key: r.code, label: r.label }));
  // An incident whose category was removed still counts, under its code.
  for (const code of new Set([...a.keys(), ...b.keys()])) if (!keys.some((k) => k.key === code)) keys.push({ key: code, label: code });
  return keys;
}

function roleTable(raw: RawYear, min: number): RoleTable {
  const soorten = PERSOON_SOORT.codes;
  const perRol = ROL.codes.map((rol) => {
    const values = soorten.map((s) => raw.rollen.get(`${s}|${rol}`) ?? 0);
    return {
      rol,
      ...publishColumn(
        values,
        values.reduce((x, y) => x + y, 0),
        min,
      ),
    };
  });
  return {
    rows: soorten.map((soort, i) => ({
      soort,
      label: PERSOON_SOORT.labels[soort].nl,
      cellen: Object.fromEntries(perRol.map((c) => [c.rol, c.cells[i]])) as Record<Rol, Cell>,
    })),
    totaal: Object.fromEntries(perRol.map((c) => [c.rol, c.totaal])) as Record<Rol, Cell>,
  };
}

/** Repeat daders; "only once" = daders − repeat is also a count that must not be small. */
function repeat(raw: RawYear, min: number): { daders: Cell; herhaalDaders: Cell; percentage: string } {
  const daders = publish(raw.daders, min);
  let herhaalDaders = publish(raw.herhaalDaders, min);
  const enkel = raw.daders - raw.herhaalDaders;
  if (herhaalDaders.onderdrukt === null && daders.onderdrukt === null && enkel > 0 && enkel < min) {
    herhaalDaders = { waarde: null, tekst: 'x', onderdrukt: 'aanvullend' };
  }
  const percentage = daders.waarde && herhaalDaders.waarde !== null ? `${Math.round((herhaalDaders.waarde / daders.waarde) * 100)}%` : '–';
  return { daders, herhaalDaders, percentage };
}

export function yearReport(db: DB, schooljaar: string, today: string): YearReport {
  const min = readReportSettings(db).minimaleGroepsgrootte;
  const vorigSchooljaar = previousSchoolYear(schooljaar);
  const cur = rawYear(db, schooljaar, today);
  const prev = rawYear(db, vorigSchooljaar, today);
  const totals = { huidig: cur.meldingen, vorig: prev.meldingen };

  const table = (
    key: FigureTableKey,
    titel: string,
    keys: { key: string; label: string }[],
    a: Counts,
    b: Counts,
    t = totals,
  ): FigureTable => ({
    key,
    titel,
    ...comparisonRows(keys, a, b, t, min),
  });

  const tabellen: FigureTable[] = [
    table('categorie', 'Meldingen per categorie', categoryKeys(db, cur.categorie, prev.categorie), cur.categorie, prev.categorie),
    table('platform', 'Meldingen per platform', fromVocab(PLATFORM), cur.platform, prev.platform),
    table('maand', 'Meldingen per maand (datum van het voorval)', MAANDEN, cur.maand, prev.maand),
    table('ernst', 'Meldingen naar ernst', fromVocab(ERNST), cur.ernst, prev.ernst),
    table('locatie', 'Meldingen naar plaats', fromVocab(LOCATIE), cur.locatie, prev.locatie),
    table(
      'maatregel',
      'Maatregelen naar soort',
      present(fromVocab(MAATREGEL), cur.maatregel, prev.maatregel),
      cur.maatregel,
      prev.maatregel,
      {
        huidig: sum(cur.maatregel),
        vorig: sum(prev.maatregel),
      },
    ),
    table('externeMelding', 'Meldingen aan en contacten met instanties', fromVocab(INSTANTIE), cur.externeMelding, prev.externeMelding, {
      huidig: sum(cur.externeMelding),
      vorig: sum(prev.externeMelding),
    }),
  ];
  const curV = cur.verplichtingen ?? new Map<string, number>();
  const prevV = prev.verplichtingen ?? new Map<string, number>();
  tabellen.push(
    table(
      'verplichtingen',
      'Wettelijke verplichtingen: op tijd of te laat',
      VERPLICHTING_KEYS.map((key) => ({ key, label: VERPLICHTING_LABEL[key] })),
      curV,
      prevV,
      {
        huidig: sum(curV),
        vorig: sum(prevV),
      },
    ),
  );

  const meldingenHuidig = publish(cur.meldingen, min);
  const meldingenVorig = publish(prev.meldingen, min);
  const rep = repeat(cur, min);
  const repPrev = repeat(prev, min);
  const report: YearReport = {
    schooljaar,
    vorigSchooljaar,
    periode: schoolYearBounds(schooljaar),
    schoolNaam: getSchool(db)?.naam ?? '',
    gemaaktOp: today,
    minimaleGroepsgrootte: min,
    meldingen: {
      key: 'meldingen',
      label: 'Meldingen',
      huidig: meldingenHuidig,
      vorig: meldingenVorig,
      verandering: change(meldingenHuidig, meldingenVorig),
    },
    tabellen,
    rollen: roleTable(cur, min),
    vorigeRollen: roleTable(prev, min),
    herhaling: { ...rep, vorigPercentage: repPrev.percentage },
    verplichtingenBeschikbaar: cur.verplichtingen !== null,
    samenvatting: [],
  };
  report.samenvatting = summarize(report);
  return report;
}
