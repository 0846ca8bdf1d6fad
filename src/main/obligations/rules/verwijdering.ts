// The (intended) expulsion of a pupil or student. The intention brings the hearings (each party its
// own step) and, in VO and VSO, the consultation of the Inspectie: all fall due before the date the
// board intends to decide, and the decision is refused until each is recorded (gates.ts). Then the
// search for another school (the law of PO, (V)SO and VO knows no exit without a receiving school). The decision brings the written decision with the objection
// clause (every sector), the notices, the objection term and, once an objection is received, the
// board's decision term (suspended while the Geschillencommissie passend onderwijs handles a case).
import { addWerkdagen, dayBefore, daysBetween, termijnEinde } from '../../calendar/terms';
import { dutchShortDate, englishLongDate } from '@shared/dates';
import type { BronId } from '../sources';
import type { MeasureFacts, MeasureRule, ObligationSpec } from './types';
import { leeftijdOp, mijlpaal, opDag, verzonden, zonderTermijn } from './types';
import { sectorRecht } from './sectorRecht';
import { geadresseerdeTekst, geadresseerdeTekstEn } from './geadresseerden';
import { beslissingOpBezwaar, hoorStappen } from './schorsing';

const applies = (f: MeasureFacts) =>
  (f.measure.soort === 'voornemen_verwijdering' || f.measure.soort === 'verwijdering') &&
  f.person.soort === 'leerling' &&
  f.measure.status !== 'ingetrokken' &&
  !!f.school;

/** The date the board intends to decide: the voornemen's planned date, or the expulsion's own date. */
function beslisDatum(f: MeasureFacts): string | null {
  return f.measure.soort === 'voornemen_verwijdering' ? f.measure.beoogdBesluit : f.measure.besluitDatum;
}

/** Why these steps come first, per sector: the hearings of the law and of careful decision-making. */
function hoorBronnen(f: MeasureFacts): BronId[] {
  const recht = sectorRecht(f.school!.sector);
  if (f.school!.sector === 'VO' || f.school!.sector === 'MBO') return [...recht.verwijdering, 'awb.4:8'];
  return f.school!.openbaar ? [...recht.verwijdering, 'awb.4:8'] : [...recht.verwijdering, ...recht.bezwaarBijzonder];
}

/** The steps of the intention: on the voornemen itself, or on the expulsion when no voornemen was recorded. */
function voornemenStappen(f: MeasureFacts): ObligationSpec[] {
  const sector = f.school!.sector;
  const recht = sectorRecht(sector);
  const beslis = beslisDatum(f);
  // Before the decision: due the day before it, late on the day itself. Older records without a planned
  // date fall due on the day of the intention, so the missing date shows instead of hiding the steps.
  const termijn = beslis ? { uiterlijk: dayBefore(beslis), teLaatVanaf: beslis } : opDag(f.measure.besluitDatum);
  const zonderDatum = beslis ? '' : ' (leg de beoogde besluitdatum vast)';
  const zonderDatumEn = beslis ? '' : ' (record the intended decision date)';
  const out: ObligationSpec[] = hoorStappen(f, {
    regel: 'verwijdering.horen',
    waarover: 'de voorgenomen verwijdering',
    waaroverEn: 'the intended expulsion (verwijdering)',
    ...termijn,
    bronnen: hoorBronnen(f),
    volgorde: 10,
  }).map((s) => ({ ...s, titel: s.titel + zonderDatum, titelEn: s.titelEn + zonderDatumEn }));
  if (recht.persoon === 'leerling') {
    out.push({
      regel: 'verwijdering.horen',
      sleutel: 'docent',
      volgorde: 12,
      titel: `${sector === 'PO' || sector === 'SO' ? 'De groepsleraar' : 'De betrokken leraar of leraren'} horen over de voorgenomen verwijdering${zonderDatum}`,
      titelEn: `Hear ${sector === 'PO' || sector === 'SO' ? 'the class teacher' : 'the teacher or teachers involved'} about the intended expulsion${zonderDatumEn}`,
      grondslag: `Het bevoegd gezag beslist niet over verwijdering voordat het ${sector === 'PO' || sector === 'SO' ? 'de betrokken groepsleraar' : 'de betrokken leraren'} heeft gehoord. Leg het gesprek vast met datum en wie er hoorde.`,
      // The WEC and WPO name the teacher; the WVO 2020 does not, but a careful decision hears them too.
      bronnen: sector === 'VO' ? ['awb.3:2'] : recht.verwijdering,
      actor: 'Bevoegd gezag (of de schoolleiding namens het bestuur)',
      ...termijn,
    });
  }
  if (recht.overlegInspectie) {
    out.push({
      regel: 'verwijdering.overleg_inspectie',
      volgorde: 20,
      titel: `Overleggen met de Inspectie vóór het besluit${zonderDatum}`,
      titelEn: `Consult the Education Inspectorate (Inspectie) before the decision${zonderDatumEn}`,
      grondslag: `Een definitief besluit tot verwijdering neemt het bevoegd gezag pas na overleg met de Inspectie. Leg het overleg vast als melding bij de Inspectie (soort: overleg).${
        recht.langereSchorsingTijdensOverleg ? ' Zolang dit overleg loopt, mag de leerling langer dan een week geschorst worden.' : ''
      }`,
      bronnen: recht.verwijdering,
      actor: 'Bevoegd gezag',
      ...termijn,
    });
  }
  if (recht.andereSchool) out.push(zoeken(f));
  return out;
}

/**
 * The search for another school. The law of PO, (V)SO and VO allows no exit after a number of weeks
 * of searching (docs/LAW.md): the expulsion waits for a school that admits the pupil.
 */
function zoeken(f: MeasureFacts): ObligationSpec {
  const recht = sectorRecht(f.school!.sector);
  return {
    regel: 'verwijdering.zoeken',
    volgorde: 30,
    titel: 'Andere school zoeken en elke stap vastleggen',
    titelEn: 'Find another school and record every step',
    grondslag:
      'Een leerling wordt pas definitief verwijderd als een andere school hem toelaat; de wet kent geen uitweg na een aantal weken zoeken. Leg elke benaderde school vast, met datum en resultaat.',
    bronnen: recht.verwijdering,
    actor: 'Bevoegd gezag',
    ...zonderTermijn,
  };
}

/** The intention: hearings, the VO/VSO consultation of the Inspectie, the search. */
export const voornemenVerwijdering: MeasureRule = (f) => {
  if (!applies(f)) return [];
  if (f.measure.soort === 'voornemen_verwijdering' || f.measure.status === 'voorgenomen') return voornemenStappen(f);
  return f.heeftVoornemen ? [] : voornemenStappen(f);
};

/** The decision: written decision, objection clause, notices, objection term (paused by a dispute), decision on an objection. */
export const besluitVerwijdering: MeasureRule = (f) => {
  if (!applies(f) || f.measure.soort !== 'verwijdering' || f.measure.status === 'voorgenomen') return [];
  const sector = f.school!.sector;
  const recht = sectorRecht(sector);
  const d = f.measure.besluitDatum;
  const leeftijd = leeftijdOp(f.person.geboortedatum, d);
  const teLaatMelding = addWerkdagen(d, f.settings.isdTeLaatNaWerkdagen + 1);
  const bezwaarBronnen: BronId[] =
    sector === 'MBO'
      ? [...recht.verwijdering, 'awb.3:45', 'awb.6:7']
      : f.school!.openbaar
        ? ['awb.3:45', 'awb.6:7', 'atw.1']
        : [...recht.bezwaarBijzonder, 'atw.1'];
  const out: ObligationSpec[] = [
    {
      regel: 'verwijdering.besluit',
      volgorde: 40,
      titel: `Schriftelijk besluit tot verwijdering met redenen sturen aan ${geadresseerdeTekst(sector, leeftijd)}`,
      titelEn: `Send the written decision on expulsion (verwijdering) with reasons to ${geadresseerdeTekstEn(sector, leeftijd)}`,
      grondslag: 'Het besluit tot verwijdering is schriftelijk en met redenen, en vermeldt wie er is gehoord en wanneer.',
      bronnen: recht.verwijdering,
      actor: 'Bevoegd gezag',
      ...opDag(d),
    },
    {
      regel: 'verwijdering.bezwaarclausule',
      volgorde: 45,
      titel:
        sector === 'MBO'
          ? 'Rechtsmiddelen in het besluit vermelden'
          : 'Bezwaarclausule in het besluit opnemen (6 weken, bij het bevoegd gezag)',
      titelEn:
        sector === 'MBO'
          ? 'State the legal remedies in the decision'
          : 'Include the objection clause in the decision (objection/bezwaar within 6 weeks, to the school board)',
      grondslag:
        sector === 'MBO'
          ? 'Het besluit vermeldt welk rechtsmiddel de student heeft, bij wie en binnen welke termijn.'
          : 'Tegen een verwijdering kan altijd binnen 6 weken bezwaar worden gemaakt bij het bevoegd gezag, bij een openbare en bij een bijzondere school; het besluit zegt dat, en bij wie.',
      bronnen: bezwaarBronnen,
      actor: 'Bevoegd gezag',
      ...opDag(d),
    },
  ];
  if (recht.inspectieMelding) {
    out.push({
      regel: 'verwijdering.inspectie',
      volgorde: 50,
      titel: 'Inspectie informeren over het besluit tot verwijdering (Internet Schooldossier)',
      titelEn: 'Inform the Education Inspectorate (Inspectie) about the decision on expulsion, via the Internet Schooldossier',
      grondslag: `Het bevoegd gezag meldt een besluit tot verwijdering bij de Inspectie van het Onderwijs. Geteld in werkdagen: de Inspectie werkt ook in de schoolvakanties; na ${f.settings.isdTeLaatNaWerkdagen} werkdagen staat de melding als te laat (instelling).`,
      bronnen: [...recht.verwijdering, 'school.instelling'],
      actor: 'Bevoegd gezag',
      uiterlijk: d,
      teLaatVanaf: teLaatMelding,
    });
  }
  const rmc = sector === 'MBO';
  out.push({
    regel: 'verwijdering.leerplicht',
    volgorde: 55,
    titel: rmc
      ? 'Leerplichtambtenaar of RMC informeren over de verwijdering'
      : 'Leerplichtambtenaar informeren over het besluit tot verwijdering',
    titelEn: rmc
      ? 'Inform the compulsory-education officer (leerplichtambtenaar) or the RMC about the expulsion'
      : 'Inform the compulsory-education officer (leerplichtambtenaar) about the decision on expulsion',
    grondslag: rmc
      ? 'Een student jonger dan 23 zonder startkwalificatie die wordt uitgeschreven, meldt de instelling bij de leerplichtambtenaar of de RMC-functie van de gemeente.'
      : 'De leerplichtambtenaar hoort van de verwijdering en van het uitschrijven van een leerplichtige leerling.',
    bronnen: rmc ? [...recht.verwijdering, 'lpw.18'] : ['lpw.18'],
    actor: 'Bevoegd gezag',
    uiterlijk: d,
    teLaatVanaf: teLaatMelding,
    ...(rmc && leeftijd !== null && leeftijd >= 23 ? { nvt: 'De student is 23 jaar of ouder: geen melding aan leerplicht of RMC.' } : {}),
  });

  // The objection term runs 6 weeks from the day after the written decision went out. A case at the
  // Geschillencommissie suspends the board's decision term (not the objection term) until its opinion.
  const bezwaarEinde = termijnEinde(verzonden(f, 'verwijdering.besluit'), 6);
  out.push({
    regel: 'verwijdering.bezwaartermijn',
    volgorde: 60,
    titel: `Bezwaartermijn loopt af op ${dutchShortDate(bezwaarEinde)}`,
    titelEn: `The objection term (bezwaartermijn) ends on ${englishLongDate(bezwaarEinde)}`,
    grondslag:
      'Bezwaar kan tot 6 weken na de dag waarop het besluit is verstuurd. Voer de verwijdering niet uit zolang bezwaar mogelijk is of loopt. Leg een ontvangen bezwaar vast met de datum van ontvangst: de beslistermijn loopt daarvan af.',
    bronnen: [...bezwaarBronnen, 'awb.6:7'].filter((b, i, a) => a.indexOf(b) === i) as BronId[],
    actor: 'Ouders of leerling (kunnen bezwaar maken); bevoegd gezag wacht af',
    ...mijlpaal(bezwaarEinde),
  });
  const g = f.geschil;
  out.push(
    ...beslissingOpBezwaar(f, {
      regel: 'verwijdering.beslissing_bezwaar',
      volgorde: 70,
      termijn: f.school!.openbaar ? recht.beslistermijn.openbaar : recht.beslistermijn.bijzonder,
      bezwaarEinde,
      geschil: g
        ? { loopt: !g.oordeelOp, pauze: g.oordeelOp ? Math.max(0, daysBetween(g.ingediendOp, g.oordeelOp)) : 0, bron: recht.gpo }
        : undefined,
    }),
  );
  return out;
};
