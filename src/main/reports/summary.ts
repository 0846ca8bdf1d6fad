// The short Dutch summary at the top of the yearly report, generated from the published figures
// only: a suppressed count never appears in a sentence, not even as a change in %. The Rapportages
// screen can ask for the same sentences in English; the Word report is always Dutch.
import type { Cell, FigureRow, FigureTable, YearReport } from '@shared/api/yearReports';
import { CATEGORIE, MAATREGEL, PLATFORM } from '@shared/domain';
import type { Label } from '@shared/domain';

/** The language of the generated sentences: Dutch (the report, the default) or English (the screen only). */
export type Taal = 'nl' | 'en';

const EN_LABELS: Partial<Record<FigureTable['key'], Record<string, Label>>> = {
  categorie: CATEGORIE.labels,
  platform: PLATFORM.labels,
  maatregel: MAATREGEL.labels,
};

/** A row's label in English where the domain has one (a school's own category keeps its own name). */
export const labelEn = (tableKey: FigureTable['key'], row: FigureRow): string =>
  (EN_LABELS[tableKey] as Record<string, Label | undefined> | undefined)?.[row.key]?.en ?? row.label;

/** "rose from 12 to 18 (+50%)", "fell from 18 to 12 (−33%)", "stayed at 12". */
export function movementEn(row: FigureRow): string {
  const a = n(row.vorig);
  const b = n(row.huidig);
  if (a === b) return `stayed at ${b}`;
  return `${b > a ? 'rose' : 'fell'} from ${a} to ${b} (${row.verandering})`;
}

const plural = (k: number, one: string, many: string) => (k === 1 ? `1 ${one}` : `${k} ${many}`);

export const lower = (label: string) =>
  /^[A-Z][a-z]/.test(label) || /^\([A-Z]/.test(label) ? label.replace(/[A-Z]/, (c) => c.toLowerCase()) : label;

export const n = (c: Cell) => c.waarde as number;
export const pub = (c: Cell) => c.waarde !== null;

/** "steeg van 12 naar 18 (+50%)", "daalde van 18 naar 12 (−33%)", "bleef gelijk op 12". */
export function movement(row: FigureRow): string {
  const a = n(row.vorig);
  const b = n(row.huidig);
  if (a === b) return `bleef gelijk op ${b}`;
  return `${b > a ? 'steeg' : 'daalde'} van ${a} naar ${b} (${row.verandering})`;
}

export const table = (r: YearReport, key: FigureTable['key']) => r.tabellen.find((t) => t.key === key) as FigureTable;

export function top(t: FigureTable): FigureRow | null {
  const rows = t.rows.filter((x) => pub(x.huidig) && n(x.huidig) > 0).sort((x, y) => n(y.huidig) - n(x.huidig));
  // A shared first place has no single "most".
  if (!rows.length || (rows[1] && n(rows[1].huidig) === n(rows[0].huidig))) return null;
  return rows[0];
}

export function summarize(r: YearReport, taal: Taal = 'nl'): string[] {
  if (taal === 'en') return summarizeEn(r);
  const out: string[] = [];
  const m = r.meldingen;
  if (m.huidig.tekst === 'geen gegevens') out.push(`Over schooljaar ${r.schooljaar} zijn geen gegevens vastgelegd.`);
  else if (!pub(m.huidig)) out.push(`In schooljaar ${r.schooljaar} zijn minder dan ${r.minimaleGroepsgrootte} meldingen geregistreerd.`);
  else if (n(m.huidig) === 0) out.push(`In schooljaar ${r.schooljaar} is geen melding geregistreerd.`);
  else {
    const woord = n(m.huidig) === 1 ? 'melding' : 'meldingen';
    let s = `In schooljaar ${r.schooljaar} ${n(m.huidig) === 1 ? 'is' : 'zijn'} ${n(m.huidig)} ${woord} geregistreerd`;
    if (pub(m.vorig) && n(m.vorig) > 0) s += `, tegen ${n(m.vorig)} in ${r.vorigSchooljaar} (${m.verandering})`;
    else if (pub(m.vorig)) s += `; in ${r.vorigSchooljaar} waren dat er geen`;
    out.push(`${s}.`);
  }

  // The categories that moved most, with both years published.
  const moved = table(r, 'categorie')
    .rows.filter((x) => x.key !== 'overig' && pub(x.huidig) && pub(x.vorig) && n(x.vorig) > 0 && n(x.huidig) !== n(x.vorig))
    .sort((x, y) => Math.abs(n(y.huidig) - n(y.vorig)) - Math.abs(n(x.huidig) - n(x.vorig)) || n(y.huidig) - n(x.huidig))
    .slice(0, 3);
  for (const row of moved) out.push(`Het aantal meldingen van ${lower(row.label)} ${movement(row)}.`);
  const nieuw = table(r, 'categorie').rows.filter(
    (x) => x.key !== 'overig' && pub(x.huidig) && n(x.huidig) > 0 && pub(x.vorig) && n(x.vorig) === 0,
  );
  for (const row of nieuw.slice(0, 2))
    out.push(
      `Er ${n(row.huidig) === 1 ? 'was 1 melding' : `waren ${n(row.huidig)} meldingen`} van ${lower(row.label)}; het schooljaar ervoor geen.`,
    );

  const platform = top(table(r, 'platform'));
  if (platform) out.push(`De meeste meldingen gingen over ${platform.label} (${n(platform.huidig)}).`);

  const maatregelen = table(r, 'maatregel');
  if (pub(maatregelen.totaal.huidig) && n(maatregelen.totaal.huidig) > 0) {
    const meest = top(maatregelen);
    out.push(
      `Er ${n(maatregelen.totaal.huidig) === 1 ? 'is 1 maatregel' : `zijn ${n(maatregelen.totaal.huidig)} maatregelen`} genomen` +
        (meest ? `; het vaakst: ${lower(meest.label)} (${n(meest.huidig)}).` : '.'),
    );
  }

  const instanties = table(r, 'externeMelding');
  if (pub(instanties.totaal.huidig) && n(instanties.totaal.huidig) > 0) {
    out.push(
      `Er ${n(instanties.totaal.huidig) === 1 ? 'is 1 keer' : `zijn ${n(instanties.totaal.huidig)} keer`} gemeld bij of overlegd met een instantie (vertrouwensinspecteur, politie, Inspectie of leerplicht).`,
    );
  }

  const late = obligationsSentence(r);
  if (late) out.push(late);

  if (r.herhaling.percentage !== '–') {
    out.push(
      `${r.herhaling.percentage} van de daders was bij meer dan één melding betrokken${r.herhaling.vorigPercentage !== '–' ? ` (${r.vorigSchooljaar}: ${r.herhaling.vorigPercentage})` : ''}.`,
    );
  }
  return out;
}

/**
 * The obligations, honestly: an open obligation past its term counts as late, and the percentage is
 * over what can be judged (open within the term cannot be yet). Never suppressed: about the school.
 */
export function obligationsSentence(r: YearReport, taal: Taal = 'nl'): string | null {
  const v = r.tijdigheid;
  const judged = v.opTijd + v.teLaat + v.openTeLaat;
  if (!r.verplichtingenBeschikbaar || judged + v.openBinnenTermijn === 0) return null;
  if (taal === 'en') {
    if (!judged)
      return v.openBinnenTermijn === 1
        ? 'The one legal obligation is still within its term.'
        : `The ${v.openBinnenTermijn} legal obligations are still within their term.`;
    const parts = [`${v.opTijd} handled on time (${v.percentage})`];
    if (v.teLaat) parts.push(`${v.teLaat} handled late`);
    if (v.openTeLaat) parts.push(`${v.openTeLaat} still open although the term has passed`);
    const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0];
    const rest = v.openBinnenTermijn ? ` Still within the term: ${v.openBinnenTermijn}.` : '';
    return `Of the ${plural(judged, 'legal obligation', 'legal obligations')} whose term has passed: ${list}.${rest}`;
  }
  if (!judged)
    return `De ${v.openBinnenTermijn} wettelijke ${v.openBinnenTermijn === 1 ? 'verplichting loopt' : 'verplichtingen lopen'} nog binnen de termijn.`;
  const parts = [`${v.opTijd} op tijd afgehandeld (${v.percentage})`];
  if (v.teLaat) parts.push(`${v.teLaat} te laat afgehandeld`);
  if (v.openTeLaat) parts.push(`${v.openTeLaat} nog open terwijl de termijn verstreken is`);
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} en ${parts[parts.length - 1]}` : parts[0];
  const rest = v.openBinnenTermijn ? ` Nog binnen de termijn: ${v.openBinnenTermijn}.` : '';
  return `Van de ${judged} wettelijke ${judged === 1 ? 'verplichting' : 'verplichtingen'} waarvan de termijn voorbij is: ${list}.${rest}`;
}

/** The summary in English, sentence for sentence the Dutch one (summarize). */
function summarizeEn(r: YearReport): string[] {
  const out: string[] = [];
  const m = r.meldingen;
  if (m.huidig.tekst === 'geen gegevens') out.push(`No data was recorded for school year ${r.schooljaar}.`);
  else if (!pub(m.huidig)) out.push(`In school year ${r.schooljaar} fewer than ${r.minimaleGroepsgrootte} incidents were recorded.`);
  else if (n(m.huidig) === 0) out.push(`In school year ${r.schooljaar} no incident was recorded.`);
  else {
    let s = `In school year ${r.schooljaar}, ${plural(n(m.huidig), 'incident was', 'incidents were')} recorded`;
    if (pub(m.vorig) && n(m.vorig) > 0) s += `, against ${n(m.vorig)} in ${r.vorigSchooljaar} (${m.verandering})`;
    else if (pub(m.vorig)) s += `; in ${r.vorigSchooljaar} there were none`;
    out.push(`${s}.`);
  }

  const moved = table(r, 'categorie')
    .rows.filter((x) => x.key !== 'overig' && pub(x.huidig) && pub(x.vorig) && n(x.vorig) > 0 && n(x.huidig) !== n(x.vorig))
    .sort((x, y) => Math.abs(n(y.huidig) - n(y.vorig)) - Math.abs(n(x.huidig) - n(x.vorig)) || n(y.huidig) - n(x.huidig))
    .slice(0, 3);
  for (const row of moved) out.push(`The number of incidents of ${lower(labelEn('categorie', row))} ${movementEn(row)}.`);
  const nieuw = table(r, 'categorie').rows.filter(
    (x) => x.key !== 'overig' && pub(x.huidig) && n(x.huidig) > 0 && pub(x.vorig) && n(x.vorig) === 0,
  );
  for (const row of nieuw.slice(0, 2))
    out.push(
      `There ${n(row.huidig) === 1 ? 'was 1 incident' : `were ${n(row.huidig)} incidents`} of ${lower(labelEn('categorie', row))}; the school year before, none.`,
    );

  const platform = top(table(r, 'platform'));
  if (platform) out.push(`Most incidents concerned ${labelEn('platform', platform)} (${n(platform.huidig)}).`);

  const maatregelen = table(r, 'maatregel');
  if (pub(maatregelen.totaal.huidig) && n(maatregelen.totaal.huidig) > 0) {
    const meest = top(maatregelen);
    out.push(
      `${plural(n(maatregelen.totaal.huidig), 'measure was', 'measures were')} taken` +
        (meest ? `; the most frequent: ${lower(labelEn('maatregel', meest))} (${n(meest.huidig)}).` : '.'),
    );
  }

  const instanties = table(r, 'externeMelding');
  if (pub(instanties.totaal.huidig) && n(instanties.totaal.huidig) > 0) {
    const k = n(instanties.totaal.huidig);
    out.push(
      `An authority (the confidential inspector, the police, the Education Inspectorate or the compulsory-education officer) was notified or consulted ${k === 1 ? 'once' : `${k} times`}.`,
    );
  }

  const late = obligationsSentence(r, 'en');
  if (late) out.push(late);

  if (r.herhaling.percentage !== '–') {
    out.push(
      `${r.herhaling.percentage} of the perpetrators were involved in more than one incident${r.herhaling.vorigPercentage !== '–' ? ` (${r.vorigSchooljaar}: ${r.herhaling.vorigPercentage})` : ''}.`,
    );
  }
  return out;
}
