// DOMAIN.md §6.3: (intended) expulsion of a pupil. The intention brings the hearings, the VO/VSO
// consultation of the Inspectie and the search for another school (8 weeks of documented search is a
// milestone, not a legal exit). The decision brings the written decision, notices to the Inspectie and
// the leerplichtambtenaar, the objection term (6 weeks from the written decision) and in PO the board's
// decision within 4 weeks after that term. A case at the Geschillencommissie passend onderwijs pauses
// the objection clock from filing to its opinion. "No final expulsion without a receiving school" is a
// gate (gates.ts).
import { daysBetween, termijnEinde, weeksLater } from '../terms';
import { dutchShortDate } from '../../../shared/dates';
import type { MeasureFacts, MeasureRule, ObligationSpec } from './types';
import { PUPIL_SECTORS, geadresseerde, mijlpaal, opDag, verzonden, wet, zonderTermijn } from './types';
import { bezwaarclausuleVerplicht } from './schorsing';

export const ZOEK_MIJLPAAL_WEKEN = 8;

const applies = (f: MeasureFacts) =>
  (f.measure.soort === 'voornemen_verwijdering' || f.measure.soort === 'verwijdering') &&
  f.person.soort === 'leerling' &&
  f.measure.status !== 'ingetrokken' &&
  !!f.school &&
  PUPIL_SECTORS.includes(f.school.sector);

const HOREN: { sleutel: 'ouders' | 'leerling' | 'docent'; titel: string }[] = [
  { sleutel: 'ouders', titel: 'Ouders horen over de voorgenomen verwijdering' },
  { sleutel: 'leerling', titel: 'Leerling horen over de voorgenomen verwijdering' },
  { sleutel: 'docent', titel: 'Betrokken leraar horen over de voorgenomen verwijdering' },
];

/** The steps of the intention: on the voornemen itself, or on the expulsion when no voornemen was recorded. */
function voornemenStappen(f: MeasureFacts): ObligationSpec[] {
  const sector = f.school!.sector;
  const out: ObligationSpec[] = HOREN.map((h, i) => ({
    regel: 'verwijdering.horen',
    sleutel: h.sleutel,
    volgorde: 10 + i,
    titel: h.titel,
    grondslag: `${wet(sector)} en Awb art. 4:8: vóór een besluit tot verwijdering hoort het bevoegd gezag de ouders, de leerling en de betrokken leraar. Leg elk hoorgesprek vast met wie, wanneer en door wie.`,
    actor: 'Bevoegd gezag (of de schoolleiding namens het bestuur)',
    ...zonderTermijn,
  }));
  if (sector === 'VO' || sector === 'VSO') {
    out.push({
      regel: 'verwijdering.overleg_inspectie',
      volgorde: 20,
      titel: 'Overleggen met de inspectie vóór het definitieve besluit',
      grondslag: `${wet(sector)}: een definitief besluit tot verwijdering neemt het bevoegd gezag pas na overleg met de inspectie. Tijdens dat overleg mag de leerling geschorst worden, ook langer dan 5 schooldagen (met reden vastgelegd).`,
      actor: 'Bevoegd gezag',
      ...zonderTermijn,
    });
  }
  const start = f.measure.besluitDatum;
  out.push({
    regel: 'verwijdering.zoeken',
    volgorde: 30,
    titel: `Andere school zoeken en elke stap vastleggen (mijlpaal: ${ZOEK_MIJLPAAL_WEKEN} weken, ${dutchShortDate(weeksLater(start, ZOEK_MIJLPAAL_WEKEN))})`,
    grondslag:
      'Zorgplicht passend onderwijs: een leerling wordt pas definitief verwijderd als een andere school hem toelaat. Leg elke benaderde school vast. Acht weken aantoonbaar zoeken is een mijlpaal, geen wettelijke uitweg.',
    actor: 'Bevoegd gezag',
    ...mijlpaal(weeksLater(start, ZOEK_MIJLPAAL_WEKEN)),
  });
  return out;
}

/** §6.3, the intention: hearings, VO/VSO consultation of the Inspectie, the search. */
export const voornemenVerwijdering: MeasureRule = (f) => {
  if (!applies(f)) return [];
  if (f.measure.soort === 'voornemen_verwijdering' || f.measure.status === 'voorgenomen') return voornemenStappen(f);
  return f.heeftVoornemen ? [] : voornemenStappen(f);
};

/** §6.3, the decision: written decision, notices, objection term (paused by a dispute), PO decision term. */
export const besluitVerwijdering: MeasureRule = (f) => {
  if (!applies(f) || f.measure.soort !== 'verwijdering' || f.measure.status === 'voorgenomen') return [];
  const sector = f.school!.sector;
  const d = f.measure.besluitDatum;
  const teLaatMelding = f.cal.addSchoolDays(d, f.settings.isdTeLaatNaSchooldagen + 1);
  const out: ObligationSpec[] = [
    {
      regel: 'verwijdering.besluit',
      volgorde: 40,
      titel: `Schriftelijk besluit tot verwijdering sturen aan ${geadresseerde(sector)}`,
      grondslag: `${wet(sector)}: het besluit tot verwijdering is schriftelijk en met redenen, vermeldt wie er is gehoord en de mogelijkheid van bezwaar binnen 6 weken.`,
      actor: 'Bevoegd gezag',
      ...opDag(d),
    },
  ];
  if (bezwaarclausuleVerplicht(f)) {
    out.push({
      regel: 'verwijdering.bezwaarclausule',
      volgorde: 45,
      titel: 'Bezwaarclausule in het besluit opnemen (6 weken, bij het bevoegd gezag)',
      grondslag: f.school!.openbaar
        ? 'Algemene wet bestuursrecht (art. 3:45 en 6:7): het besluit vermeldt dat binnen 6 weken bezwaar kan worden gemaakt, en bij wie.'
        : 'Wet en schoolbeleid: ook bij een bijzondere school kunnen ouders binnen 6 weken bezwaar maken bij het bevoegd gezag; het besluit zegt dat.',
      actor: 'Bevoegd gezag',
      ...opDag(d),
    });
  }
  out.push(
    {
      regel: 'verwijdering.inspectie',
      volgorde: 50,
      titel: 'Inspectie informeren over het besluit tot verwijdering (ISD)',
      grondslag: `${wet(sector)}: het bevoegd gezag meldt een besluit tot verwijdering bij de Inspectie van het Onderwijs, via het Internet Schooldossier (ISD).`,
      actor: 'Bevoegd gezag',
      uiterlijk: d,
      teLaatVanaf: teLaatMelding,
    },
    {
      regel: 'verwijdering.leerplicht',
      volgorde: 55,
      titel: 'Leerplichtambtenaar informeren over het besluit tot verwijdering',
      grondslag: 'Leerplichtwet 1969: de leerplichtambtenaar hoort van de verwijdering en van het uitschrijven van een leerplichtige leerling.',
      actor: 'Bevoegd gezag',
      uiterlijk: d,
      teLaatVanaf: teLaatMelding,
    },
  );

  // The objection term runs 6 weeks from the written decision; a dispute stops the clock while it runs.
  const g = f.geschil;
  const loopt = !!g && !g.oordeelOp;
  const pauze = g?.oordeelOp ? Math.max(0, daysBetween(g.ingediendOp, g.oordeelOp)) : 0;
  const bezwaarEinde = loopt ? null : termijnEinde(verzonden(f, 'verwijdering.besluit'), 6, pauze);
  out.push({
    regel: 'verwijdering.bezwaartermijn',
    volgorde: 60,
    titel: loopt
      ? `Bezwaartermijn staat stil: zaak bij de Geschillencommissie passend onderwijs (ingediend ${dutchShortDate(g!.ingediendOp)})`
      : `Bezwaartermijn loopt af${pauze ? ` (${pauze} dagen stilgestaan voor de Geschillencommissie)` : ''}`,
    grondslag:
      'Awb art. 6:7 en 6:8: ouders kunnen bezwaar maken tot 6 weken na de dag waarop het besluit is verstuurd. Een zaak bij de Geschillencommissie passend onderwijs (binnen die 6 weken ingediend) zet de termijn stil tot haar oordeel. Voer de verwijdering niet uit zolang bezwaar mogelijk is of loopt.',
    actor: 'Ouders (kunnen bezwaar maken); bevoegd gezag wacht af',
    ...mijlpaal(bezwaarEinde),
  });
  if (sector === 'PO') {
    const beslis = bezwaarEinde ? termijnEinde(bezwaarEinde, 4) : null;
    out.push({
      regel: 'verwijdering.beslissing_bezwaar',
      volgorde: 70,
      titel: loopt ? 'Beslissen op het bezwaar (wacht op het oordeel van de Geschillencommissie)' : 'Beslissen op het bezwaar (binnen 4 weken na de bezwaartermijn)',
      grondslag:
        'WPO art. 40: het bevoegd gezag beslist binnen 4 weken na afloop van de bezwaartermijn, na de ouders te hebben gehoord; bij een zaak bij de Geschillencommissie pas na haar oordeel. Geen bezwaar ontvangen? Markeer dit als niet van toepassing.',
      actor: 'Bevoegd gezag',
      ...(beslis ? opDag(beslis) : zonderTermijn),
    });
  }
  return out;
};
