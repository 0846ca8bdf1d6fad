// The short analysis above the yearly figures: three to five plain Dutch sentences, each computed
// from the report's own (published) figures: the change against last year, the biggest category,
// the category that moved most, the obligations and the handling of incidents. Nothing is said
// that the figures do not show; a suppressed count is never named. The Rapportages screen can ask for
// the same sentences in English (analyseEn); the Word report is always Dutch.
import type { YearReport } from '@shared/api/yearReports';
import { labelEn, lower, movement, movementEn, n, obligationsSentence, pub, table, top } from './summary';
import type { Taal } from './summary';

const dagen = (d: number) => (d === 1 ? '1 dag' : `${d} dagen`);

function total(r: YearReport): string {
  const m = r.meldingen;
  if (!pub(m.huidig)) {
    return m.huidig.tekst === 'geen gegevens'
      ? `Over schooljaar ${r.schooljaar} zijn geen gegevens vastgelegd.`
      : `In schooljaar ${r.schooljaar} waren er minder dan ${r.minimaleGroepsgrootte} meldingen.`;
  }
  if (!r.vorigJaarGegevens)
    return `Er waren ${n(m.huidig)} meldingen; over ${r.vorigSchooljaar} zijn geen gegevens, dus een vergelijking is niet mogelijk.`;
  if (!pub(m.vorig)) return `Er waren ${n(m.huidig)} meldingen; het aantal van ${r.vorigSchooljaar} is te klein om te vergelijken.`;
  if (n(m.vorig) === 0) return `Er waren ${n(m.huidig)} meldingen, tegen geen in ${r.vorigSchooljaar}.`;
  return `Het aantal meldingen ${movement(m)} ten opzichte van ${r.vorigSchooljaar}.`;
}

function biggestCategory(r: YearReport): string | null {
  const cat = top(table(r, 'categorie'));
  if (!cat || !pub(r.meldingen.huidig) || !n(r.meldingen.huidig)) return null;
  const share = Math.round((n(cat.huidig) / n(r.meldingen.huidig)) * 100);
  return `De grootste categorie was ${lower(cat.label)}: ${n(cat.huidig)} van de ${n(r.meldingen.huidig)} meldingen (${share}%).`;
}

/** The category with the largest change between two published counts. */
function mostMoved(r: YearReport): string | null {
  const rows = table(r, 'categorie')
    .rows.filter((x) => pub(x.huidig) && pub(x.vorig) && n(x.huidig) !== n(x.vorig))
    .sort((x, y) => Math.abs(n(y.huidig) - n(y.vorig)) - Math.abs(n(x.huidig) - n(x.vorig)));
  const row = rows[0];
  if (!row || (rows[1] && Math.abs(n(rows[1].huidig) - n(rows[1].vorig)) === Math.abs(n(row.huidig) - n(row.vorig)))) return null;
  return `De grootste ${n(row.huidig) > n(row.vorig) ? 'stijging' : 'daling'} was bij ${lower(row.label)}: van ${n(row.vorig)} naar ${n(row.huidig)}.`;
}

function handling(r: YearReport): string | null {
  const status = table(r, 'status');
  const open = status.rows.find((x) => x.key === 'open');
  const d = r.doorlooptijd;
  const openPart =
    !open || !pub(open.huidig)
      ? null
      : n(open.huidig) === 0
        ? 'er staat geen melding meer open'
        : `${n(open.huidig)} ${n(open.huidig) === 1 ? 'melding staat' : 'meldingen staan'} nog open`;
  const sentence = (x: string) => `${x.charAt(0).toUpperCase()}${x.slice(1)}.`;
  if (d.mediaanDagen === null || d.langsteDagen === null || !pub(d.afgehandeld)) return openPart ? sentence(openPart) : null;
  const closed = `Een afgesloten melding was in de helft van de gevallen binnen ${dagen(d.mediaanDagen)} afgehandeld; de langste duurde ${dagen(d.langsteDagen)}`;
  return openPart ? `${closed}. ${sentence(openPart)}` : `${closed}.`;
}

export function analyse(r: YearReport, taal: Taal = 'nl'): string[] {
  if (taal === 'en') return analyseEn(r);
  const out = [total(r)];
  if (!pub(r.meldingen.huidig) && r.meldingen.huidig.tekst === 'geen gegevens') return out;
  for (const s of [biggestCategory(r), r.vorigJaarGegevens ? mostMoved(r) : null, obligationsSentence(r), handling(r)]) if (s) out.push(s);
  return out;
}

// ---- the same sentences in English

const days = (d: number) => (d === 1 ? '1 day' : `${d} days`);

function totalEn(r: YearReport): string {
  const m = r.meldingen;
  if (!pub(m.huidig)) {
    return m.huidig.tekst === 'geen gegevens'
      ? `No data was recorded for school year ${r.schooljaar}.`
      : `In school year ${r.schooljaar} there were fewer than ${r.minimaleGroepsgrootte} incidents.`;
  }
  if (!r.vorigJaarGegevens)
    return `There were ${n(m.huidig)} incidents; there is no data for ${r.vorigSchooljaar}, so no comparison is possible.`;
  if (!pub(m.vorig)) return `There were ${n(m.huidig)} incidents; the number for ${r.vorigSchooljaar} is too small to compare.`;
  if (n(m.vorig) === 0) return `There were ${n(m.huidig)} incidents, against none in ${r.vorigSchooljaar}.`;
  return `The number of incidents ${movementEn(m)} compared with ${r.vorigSchooljaar}.`;
}

function biggestCategoryEn(r: YearReport): string | null {
  const cat = top(table(r, 'categorie'));
  if (!cat || !pub(r.meldingen.huidig) || !n(r.meldingen.huidig)) return null;
  const share = Math.round((n(cat.huidig) / n(r.meldingen.huidig)) * 100);
  return `The largest category was ${lower(labelEn('categorie', cat))}: ${n(cat.huidig)} of the ${n(r.meldingen.huidig)} incidents (${share}%).`;
}

function mostMovedEn(r: YearReport): string | null {
  const rows = table(r, 'categorie')
    .rows.filter((x) => pub(x.huidig) && pub(x.vorig) && n(x.huidig) !== n(x.vorig))
    .sort((x, y) => Math.abs(n(y.huidig) - n(y.vorig)) - Math.abs(n(x.huidig) - n(x.vorig)));
  const row = rows[0];
  if (!row || (rows[1] && Math.abs(n(rows[1].huidig) - n(rows[1].vorig)) === Math.abs(n(row.huidig) - n(row.vorig)))) return null;
  return `The largest ${n(row.huidig) > n(row.vorig) ? 'rise' : 'fall'} was in ${lower(labelEn('categorie', row))}: from ${n(row.vorig)} to ${n(row.huidig)}.`;
}

function handlingEn(r: YearReport): string | null {
  const status = table(r, 'status');
  const open = status.rows.find((x) => x.key === 'open');
  const d = r.doorlooptijd;
  const openPart =
    !open || !pub(open.huidig)
      ? null
      : n(open.huidig) === 0
        ? 'no incident is still open'
        : `${n(open.huidig)} ${n(open.huidig) === 1 ? 'incident is' : 'incidents are'} still open`;
  const sentence = (x: string) => `${x.charAt(0).toUpperCase()}${x.slice(1)}.`;
  if (d.mediaanDagen === null || d.langsteDagen === null || !pub(d.afgehandeld)) return openPart ? sentence(openPart) : null;
  const closed = `Half of the closed incidents were handled within ${days(d.mediaanDagen)}; the longest took ${days(d.langsteDagen)}`;
  return openPart ? `${closed}. ${sentence(openPart)}` : `${closed}.`;
}

function analyseEn(r: YearReport): string[] {
  const out = [totalEn(r)];
  if (!pub(r.meldingen.huidig) && r.meldingen.huidig.tekst === 'geen gegevens') return out;
  for (const s of [biggestCategoryEn(r), r.vorigJaarGegevens ? mostMovedEn(r) : null, obligationsSentence(r, 'en'), handlingEn(r)])
    if (s) out.push(s);
  return out;
}
