// The yearly report's figures (Jaarverslag): this school year against the previous
// one, no name anywhere. Inside the school the real numbers; the version that leaves the school
// (extern) publishes every count about people through publish.ts (small groups suppressed). Late
// obligations are about the school, not about a person: never suppressed.
import type { DB } from '../db/open';
import type { Cell, FigureRow, FigureTable, FigureTableKey, RoleTable, YearReport } from '@shared/api/yearReports';
import { PLATFORM, ERNST, LOCATIE, MAATREGEL, INSTANTIE, PERSOON_SOORT, ROL } from '@shared/domain';
import type { Label, Rol } from '@shared/domain';
import { previousSchoolYear, schoolYearBounds } from '@shared/schoolYear';
import { getSchool } from '../school/school';
import { rawYear, VERPLICHTING_KEYS } from './figures';
import type { RawYear, Counts } from './figures';
import { comparisonRows, publish, publishColumn, change, noData } from './publish';
import { readReportSettings } from './settings';
import { summarize } from './summary';
import { analyse } from './analysis';

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

const STATUS_KEYS = [
  { key: 'open', label: 'Nog open' },
  { key: 'afgesloten', label: 'Afgesloten' },
];

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

function measureCategoryKeys(db: DB, a: Counts, b: Counts): { key: string; label: string }[] {
  const keys = present(categoryKeys(db, a, b), a, b).filter((k) => k.key !== 'zonder_melding');
  const loose = { key: 'zonder_melding', label: 'Zonder melding' };
  return present([loose], a, b).length ? [...keys, loose] : keys;
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

/** Whether anything at all was recorded in a year (a school that started using the app has nothing before). */
const hasData = (raw: RawYear) =>
  raw.meldingen + sum(raw.maatregel) + sum(raw.externeMelding) + sum(raw.verplichtingen ?? new Map<string, number>()) > 0;

/** The middle value (the mean of the two middle ones, rounded) of an ascending list. */
const median = (xs: number[]) => (xs.length ? Math.round((xs[(xs.length - 1) >> 1] + xs[xs.length >> 1]) / 2) : null);

/** Honest timeliness: an open obligation past its term is late; only what can be judged is in the %. */
function timeliness(v: Counts): YearReport['tijdigheid'] {
  const [opTijd, teLaat, openTeLaat, openBinnenTermijn] = VERPLICHTING_KEYS.map((k) => v.get(k) ?? 0);
  const judged = opTijd + teLaat + openTeLaat;
  return { opTijd, teLaat, openTeLaat, openBinnenTermijn, percentage: judged ? `${Math.round((opTijd / judged) * 100)}%` : '–' };
}

export function yearReport(db: DB, schooljaar: string, today: string, opts: { extern?: boolean } = {}): YearReport {
  const extern = opts.extern === true;
  const setting = readReportSettings(db).minimaleGroepsgrootte;
  // Inside the school nothing is suppressed: publish() hides 1 to min − 1, so a minimum of 0 hides nothing.
  const min = extern ? setting : 0;
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
    smallest = min,
  ): FigureTable => ({
    key,
    titel,
    ...comparisonRows(keys, a, b, t, smallest),
  });

  const tabellen: FigureTable[] = [
    table('categorie', 'Meldingen per categorie', categoryKeys(db, cur.categorie, prev.categorie), cur.categorie, prev.categorie),
    table('platform', 'Meldingen per platform', fromVocab(PLATFORM), cur.platform, prev.platform),
    table('maand', 'Meldingen per maand (datum van het voorval)', MAANDEN, cur.maand, prev.maand),
    table('ernst', 'Meldingen naar ernst', fromVocab(ERNST), cur.ernst, prev.ernst),
    table('locatie', 'Meldingen naar plaats', fromVocab(LOCATIE), cur.locatie, prev.locatie),
    table('status', 'Meldingen open en afgesloten', STATUS_KEYS, cur.status, prev.status),
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
    table(
      'maatregelCategorie',
      'Maatregelen per categorie van de melding',
      measureCategoryKeys(db, cur.maatregelCategorie, prev.maatregelCategorie),
      cur.maatregelCategorie,
      prev.maatregelCategorie,
      { huidig: sum(cur.maatregelCategorie), vorig: sum(prev.maatregelCategorie) },
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
      0,
    ),
  );
  const curData = hasData(cur);
  const prevData = hasData(prev);
  // A year without any record has no figures, not zeros: "geen gegevens", and no change against it.
  const blank = (row: FigureRow): FigureRow => ({
    ...row,
    huidig: curData ? row.huidig : noData,
    vorig: prevData ? row.vorig : noData,
    verandering: curData && prevData ? row.verandering : '–',
  });
  const tables = tabellen.map((tb) => ({ ...tb, rows: tb.rows.map(blank), totaal: blank(tb.totaal) }));
  const days = cur.doorlooptijden;
  const smallClosed = extern && days.length > 0 && days.length < min;

  const meldingenHuidig = curData ? publish(cur.meldingen, min) : noData;
  const meldingenVorig = prevData ? publish(prev.meldingen, min) : noData;
  const rep = repeat(cur, min);
  const repPrev = repeat(prev, min);
  const report: YearReport = {
    schooljaar,
    vorigSchooljaar,
    periode: schoolYearBounds(schooljaar),
    schoolNaam: getSchool(db)?.naam ?? '',
    gemaaktOp: today,
    minimaleGroepsgrootte: setting,
    extern,
    vorigJaarGegevens: prevData,
    meldingen: {
      key: 'meldingen',
      label: 'Meldingen',
      huidig: meldingenHuidig,
      vorig: meldingenVorig,
      verandering: change(meldingenHuidig, meldingenVorig),
    },
    tabellen: tables,
    rollen: roleTable(cur, min),
    vorigeRollen: roleTable(prev, min),
    herhaling: { ...rep, vorigPercentage: repPrev.percentage },
    tijdigheid: timeliness(curV),
    // A handful of durations would point at the incidents (and people) behind them outside the school.
    doorlooptijd: {
      afgehandeld: publish(days.length, min),
      mediaanDagen: smallClosed ? null : median(days),
      langsteDagen: smallClosed || !days.length ? null : days[days.length - 1],
    },
    verplichtingenBeschikbaar: cur.verplichtingen !== null,
    samenvatting: [],
    analyse: [],
  };
  report.samenvatting = summarize(report);
  report.analyse = analyse(report);
  return report;
}
