// Disciplinary measures for staff, per the CAO of the school's sector (SO and VSO staff
// fall under the CAO PO). The intention goes to the employee by registered letter with reasons, the
// employee has 3 weeks for a zienswijze, and only then comes the decision, in writing, naming the appeal
// to the sector's commissie van beroep within 6 weeks; ontslag is not appealed there. A decision
// recorded before the zienswijze term ended is a warning. Where the CAO text could not be checked
// (sources/cao.ts says which), the CAO PO's registered letter and 3 weeks are kept: the reading that
// protects the employee. The schorsing limit is a gate (staffGates.ts). A warning (waarschuwing) to an
// employee is no disciplinary measure.
import type { Sector } from '@shared/domain';
import { dutchShortDate, englishLongDate } from '@shared/dates';
import type { BronId } from '../sources';
import { termijnEinde } from '../../calendar/terms';
import type { MeasureFacts, MeasureRule, ObligationSpec } from './types';
import { key, mijlpaal, opDag, zonderTermijn } from './types';

export const ZIENSWIJZE_WEKEN = 3;
export const BEROEP_WEKEN = 6;

export interface Cao {
  naam: string;
  /** False where the CAO text on intention, zienswijze and schorsing could not be checked. */
  nagelezen: boolean;
  /** Voornemen, zienswijze and the written decision. */
  procedure: BronId;
  /** The measures the CAO lists, where that list was checked. */
  maatregelen: BronId | null;
  schorsing: { maxDagen: number; bron: BronId };
  /** Where a disciplinary measure or schorsing (not ontslag) is appealed; null when the CAO is unknown. */
  commissie: string | null;
  beroep: readonly BronId[];
}

const FUNDEREND = 'de Commissie van beroep funderend onderwijs';

const CAOS = {
  PO: {
    naam: 'CAO PO',
    nagelezen: true,
    procedure: 'cao.po.procedure',
    maatregelen: 'cao.po.maatregelen',
    schorsing: { maxDagen: 28, bron: 'cao.po.schorsing' },
    commissie: FUNDEREND,
    beroep: ['cao.po.beroep', 'cao.funderend.beroepstermijn'],
  },
  VO: {
    naam: 'CAO VO',
    nagelezen: false,
    procedure: 'cao.vo.procedure',
    maatregelen: null,
    schorsing: { maxDagen: 28, bron: 'cao.vo.schorsing' },
    commissie: FUNDEREND,
    beroep: ['cao.vo.beroep', 'cao.funderend.beroepstermijn'],
  },
  MBO: {
    naam: 'CAO MBO',
    nagelezen: false,
    procedure: 'cao.mbo.procedure',
    maatregelen: null,
    schorsing: { maxDagen: 28, bron: 'cao.mbo.schorsing' },
    commissie: 'de Commissie van beroep mbo',
    beroep: ['cao.mbo.beroep', 'cao.mbo.beroepstermijn'],
  },
  onbekend: {
    naam: 'De CAO',
    nagelezen: false,
    procedure: 'cao.onbekend',
    maatregelen: null,
    schorsing: { maxDagen: 28, bron: 'cao.onbekend' },
    commissie: null,
    beroep: ['cao.onbekend'],
  },
} as const satisfies Record<string, Cao>;

/** The CAO of the school's sector: SO and VSO staff fall under the CAO PO (the WEC gives them its terms). */
export function caoVoor(sector: Sector | null | undefined): Cao {
  switch (sector) {
    case 'PO':
    case 'SO':
    case 'VSO':
      return CAOS.PO;
    case 'VO':
      return CAOS.VO;
    case 'MBO':
      return CAOS.MBO;
    default:
      return CAOS.onbekend;
  }
}

const DISCIPLINAIR = new Set(['schriftelijke_berisping', 'schorsing', 'inhouding_salaris', 'ontslag']);

const commissie = (cao: Cao) => cao.commissie ?? 'de commissie van beroep uit de CAO';
const nietNagelezen = (cao: Cao) =>
  cao.nagelezen
    ? ''
    : ` (${cao === CAOS.onbekend ? 'De sector van de school is niet ingevuld' : `De ${cao.naam}-tekst is hierop niet nagelezen`}: de app houdt de aangetekende brief en de ${ZIENSWIJZE_WEKEN} weken van de CAO PO aan.)`;

/** The date the intention went out: its task's done date, else the date it was due. */
function voornemenDatum(f: MeasureFacts): string | null {
  const p = f.prior.get(key('personeel.voornemen'));
  if (!p) return null;
  return p.status === 'gedaan' && p.gedaanOp ? p.gedaanOp : p.uiterlijk;
}

/** The employee's zienswijze was recorded on or before the decision date. */
function zienswijzeVoorBesluit(f: MeasureFacts): boolean {
  const p = f.prior.get(key('personeel.zienswijze'));
  return p?.status === 'gedaan' && !!p.gedaanOp && p.gedaanOp <= f.measure.besluitDatum;
}

const dossier = (d: string, grondslag: string, bronnen: readonly BronId[]): ObligationSpec => ({
  regel: 'personeel.dossier',
  volgorde: 50,
  titel: 'Brieven en verslagen in het personeelsdossier opnemen',
  titelEn: "Add the letters and minutes to the staff member's personnel file",
  grondslag,
  bronnen,
  actor: 'Schoolleiding / HR',
  ...mijlpaal(d),
});

export const personeelDisciplinair: MeasureRule = (f) => {
  if (f.person.soort !== 'medewerker' || f.measure.status === 'ingetrokken' || !DISCIPLINAIR.has(f.measure.soort)) return [];
  const cao = caoVoor(f.school?.sector);
  const d = f.measure.besluitDatum;
  const voornemen = f.measure.status === 'voorgenomen';
  const ontslag = f.measure.soort === 'ontslag';
  const vDatum = voornemen ? d : voornemenDatum(f);
  const einde = vDatum ? termijnEinde(vDatum, ZIENSWIJZE_WEKEN) : null;
  // A verlenging is a new decision (Commissie van beroep, sources/cao.ts): it needs its own zienswijze.
  const verlenging =
    f.measure.soort === 'schorsing' ? ' Ook vóór elke verlenging van een schorsing: een verlenging is een nieuw besluit.' : '';
  const out: ObligationSpec[] = [];
  if (vDatum) {
    out.push({
      regel: 'personeel.voornemen',
      volgorde: 10,
      titel: 'Voornemen per aangetekende brief aan de medewerker sturen',
      titelEn: 'Send the intention (voornemen) to the staff member by registered letter',
      grondslag: `${cao.naam}: het bevoegd gezag deelt een voorgenomen disciplinaire maatregel of schorsing schriftelijk, met redenen en per aangetekende brief mee, met de datum tot wanneer de medewerker een zienswijze kan geven.${nietNagelezen(cao)}`,
      bronnen: [cao.procedure],
      actor: 'Bevoegd gezag',
      ...opDag(vDatum),
    });
  }
  out.push(
    einde
      ? {
          regel: 'personeel.zienswijze',
          volgorde: 20,
          titel: `Zienswijze van de medewerker (${ZIENSWIJZE_WEKEN} weken, tot en met ${dutchShortDate(einde)})`,
          titelEn: `The staff member's view (zienswijze) (${ZIENSWIJZE_WEKEN} weeks, up to and including ${englishLongDate(einde)})`,
          grondslag: `${cao.naam}: de medewerker kan binnen ${ZIENSWIJZE_WEKEN} weken na het voornemen mondeling of schriftelijk een zienswijze geven; het besluit volgt pas daarna.${verlenging} Leg de zienswijze vast als hoorgesprek.`,
          bronnen: [cao.procedure],
          actor: 'Medewerker (kan een zienswijze geven); bevoegd gezag wacht af',
          ...mijlpaal(einde),
        }
      : {
          // Decided without a recorded intention: shown as due on the decision date so the gap is visible.
          regel: 'personeel.zienswijze',
          volgorde: 20,
          titel: 'Zienswijze van de medewerker vastleggen (vóór het besluit)',
          titelEn: "Record the staff member's view (zienswijze) (before the decision)",
          grondslag: `${cao.naam}: vóór een disciplinair besluit krijgt de medewerker ${ZIENSWIJZE_WEKEN} weken voor een zienswijze.${verlenging} Is er geen voornemen verstuurd, leg dan vast waarom.`,
          bronnen: [cao.procedure],
          actor: 'Bevoegd gezag',
          ...opDag(d),
        },
  );
  if (voornemen) return out;
  const beroepTekst = ontslag
    ? `Tegen ontslag staat geen beroep bij ${commissie(cao)} open.`
    : `Het besluit vermeldt dat de medewerker binnen ${BEROEP_WEKEN} weken beroep kan instellen bij ${commissie(cao)}, met het adres.`;
  out.push({
    regel: 'personeel.besluit',
    volgorde: 30,
    titel: 'Besluit schriftelijk en met redenen aan de medewerker sturen',
    titelEn: 'Send the decision to the staff member in writing, with reasons',
    grondslag: `${cao.naam}: het besluit gaat schriftelijk en met redenen naar de medewerker, aangetekend zodat de verzenddatum vaststaat. ${beroepTekst}`,
    bronnen: [cao.procedure, ...(cao.maatregelen ? [cao.maatregelen] : []), ...cao.beroep],
    actor: 'Bevoegd gezag',
    ...opDag(d),
  });
  if (!zienswijzeVoorBesluit(f) && (!einde || d <= einde)) {
    out.push({
      regel: 'personeel.besluit_voor_einde_zienswijze',
      volgorde: 35,
      titel: einde
        ? `Besloten vóór het einde van de zienswijzetermijn (${dutchShortDate(einde)})`
        : 'Besloten zonder voornemen en zienswijze',
      titelEn: einde
        ? `Decided before the end of the term for the staff member's view (zienswijze) (${englishLongDate(einde)})`
        : "Decided without an intention (voornemen) and the staff member's view (zienswijze)",
      grondslag: `${cao.naam}: de medewerker moet zijn zienswijze kunnen geven vóór het besluit; wacht het besluit daar niet op, dan kan ${commissie(cao)} een beroep daartegen gegrond verklaren. Leg de zienswijze vast, of neem het besluit opnieuw na de termijn, en leg vast wat er is gedaan.`,
      bronnen: [cao.procedure, ...cao.beroep],
      actor: 'Schoolleiding / bevoegd gezag',
      waarschuwing: true,
      ...opDag(d),
    });
  }
  if (ontslag) {
    out.push({
      regel: 'personeel.ontslagroute',
      volgorde: 40,
      titel: 'Ontslag: instemming van de medewerker, toestemming van het UWV of ontbinding door de kantonrechter',
      titelEn:
        "Dismissal (ontslag): the staff member's consent, permission from the UWV, or dissolution by the subdistrict court (kantonrechter)",
      grondslag: `Burgerlijk Wetboek art. 7:671 lid 1: opzeggen kan alleen met schriftelijke instemming van de medewerker, na toestemming (UWV) of om een dringende reden (ontslag op staande voet); anders eindigt de arbeidsovereenkomst alleen door ontbinding door de kantonrechter. ${beroepTekst}`,
      bronnen: ['bw.7:671', ...cao.beroep],
      actor: 'Bevoegd gezag',
      ...zonderTermijn,
    });
  } else {
    const beroepEinde = termijnEinde(f.prior.get(key('personeel.besluit'))?.gedaanOp ?? d, BEROEP_WEKEN);
    out.push({
      regel: 'personeel.beroep',
      volgorde: 40,
      titel: `Beroepstermijn van de medewerker (${BEROEP_WEKEN} weken, tot en met ${dutchShortDate(beroepEinde)})`,
      titelEn: `The staff member's appeal term (beroepstermijn) (${BEROEP_WEKEN} weeks, up to and including ${englishLongDate(beroepEinde)})`,
      grondslag: `${cao.naam}: de medewerker kan binnen ${BEROEP_WEKEN} weken na verzending of uitreiking van het besluit in beroep bij ${commissie(cao)}; de uitspraak is bindend. Eindigt de termijn in een weekend of op een feestdag, dan rekent de app door tot de volgende werkdag.`,
      bronnen: cao.beroep,
      actor: 'Medewerker (kan in beroep); bevoegd gezag wacht af',
      ...mijlpaal(beroepEinde),
    });
  }
  out.push(
    dossier(
      d,
      `${cao.naam}: bewaar voornemen, zienswijze (verslag) en besluit in het personeelsdossier; ${commissie(cao)} toetst bij beroep of die stappen zijn gezet.`,
      [cao.procedure, ...cao.beroep],
    ),
  );
  return out;
};

export const ontslagOpStaandeVoet: MeasureRule = (f) => {
  if (f.person.soort !== 'medewerker' || f.measure.soort !== 'ontslag_op_staande_voet' || f.measure.status === 'ingetrokken') return [];
  const d = f.measure.besluitDatum;
  return [
    {
      regel: 'personeel.onverwijld',
      volgorde: 10,
      titel: 'Ontslag onverwijld meedelen, met de dringende reden',
      titelEn: 'Give notice of the summary dismissal without delay, with the urgent reason',
      grondslag:
        'Burgerlijk Wetboek art. 7:677 lid 1 en 7:678: ontslag op staande voet wordt onverwijld gegeven om een dringende reden, en die reden wordt onverwijld aan de medewerker meegedeeld; leg haar ook schriftelijk vast.',
      bronnen: ['bw.7:677', 'bw.7:678'],
      actor: 'Bevoegd gezag',
      ...opDag(d),
    },
    dossier(
      d,
      'Burgerlijk Wetboek art. 7:677 lid 1: bewaar de brief met de dringende reden en de datum waarop die is meegedeeld; het ontslag en de mededeling van de reden moeten onverwijld zijn gegeven.',
      ['bw.7:677'],
    ),
  ];
};
