// DOMAIN.md §6.1–6.2: a pupil's schorsing. The hard limit of 5 school days is a gate (gates.ts); the
// rules here produce the hearing, the written decision with its objection clause, and for a schorsing
// of more than one school day the notice to the Inspectie (ISD) and, by setting, the leerplichtambtenaar.
import { termijnEinde } from '../terms';
import { dutchShortDate } from '../../../shared/dates';
import type { MeasureFacts, MeasureRule, ObligationSpec } from './types';
import { PUPIL_SECTORS, geadresseerde, opDag, verzonden, wet } from './types';

const isPupilSchorsing = (f: MeasureFacts) =>
  f.measure.soort === 'schorsing' && f.person.soort === 'leerling' && f.measure.status !== 'ingetrokken' && !!f.school;

const besloten = (f: MeasureFacts) => f.measure.status === 'besloten' || f.measure.status === 'uitgevoerd';

/** The objection clause is the law for a public school, the school's choice otherwise (default on). */
export const bezwaarclausuleVerplicht = (f: MeasureFacts) => !!f.school && (f.school.openbaar || f.settings.bezwaarclausule);

/** §6.1: hear the pupil and parents; the written decision without delay; the objection clause. */
export const schorsingBesluit: MeasureRule = (f) => {
  if (!isPupilSchorsing(f)) return [];
  const sector = f.school!.sector;
  const d = f.measure.besluitDatum;
  const out: ObligationSpec[] = [
    {
      regel: 'schorsing.horen',
      volgorde: 10,
      titel: sector === 'MBO' ? 'Student horen over de schorsing' : 'Leerling en ouders horen over de schorsing',
      grondslag:
        'Zorgvuldig besluiten (Awb art. 4:8): de school hoort de leerling en de ouders vóór het besluit. Het besluit vermeldt wie er is gehoord en wanneer. Leg elk hoorgesprek vast.',
      actor: 'Schoolleiding',
      ...opDag(d),
    },
  ];
  if (!besloten(f)) return out;
  out.push({
    regel: 'schorsing.besluit',
    volgorde: 20,
    titel: `Schriftelijk besluit sturen aan ${geadresseerde(sector)}`,
    grondslag: PUPIL_SECTORS.includes(sector)
      ? `${wet(sector)}: een schorsing wordt direct schriftelijk en met redenen meegedeeld, met begin- en einddatum, wie er is gehoord en wanneer, de afspraken over schoolwerk en de bezwaarmogelijkheid.`
      : 'Studentenstatuut en zorgvuldig bestuur: de student krijgt het besluit direct schriftelijk, met redenen, begin- en einddatum.',
    actor: 'Schoolleiding (namens het bevoegd gezag)',
    ...opDag(d),
  });
  if (bezwaarclausuleVerplicht(f)) {
    const einde = termijnEinde(verzonden(f, 'schorsing.besluit'), 6);
    out.push({
      regel: 'schorsing.bezwaarclausule',
      volgorde: 30,
      titel: `Bezwaarclausule in het besluit: bezwaar kan tot en met ${dutchShortDate(einde)} (6 weken)`,
      grondslag: f.school!.openbaar
        ? 'Algemene wet bestuursrecht (art. 3:45 en 6:7): een openbare school vermeldt in het besluit dat binnen 6 weken bezwaar kan worden gemaakt, en bij wie.'
        : 'Schoolbeleid (instelling, standaard aan): ook een bijzondere school vermeldt dat binnen 6 weken bezwaar kan worden gemaakt, en bij wie.',
      actor: 'Schoolleiding',
      ...opDag(d),
    });
  }
  return out;
};

/** §6.2: a schorsing of more than one school day goes to the Inspectie (ISD) and, by setting, the leerplichtambtenaar. */
export const schorsingMelden: MeasureRule = (f) => {
  if (!isPupilSchorsing(f) || !besloten(f) || !PUPIL_SECTORS.includes(f.school!.sector)) return [];
  if ((f.measure.duurSchooldagen ?? 1) <= 1) return [];
  const d = f.measure.besluitDatum;
  const n = f.settings.isdTeLaatNaSchooldagen;
  // "Overdue after n school days": the n school days after the decision are allowed, the next one is late.
  const teLaatVanaf = f.cal.addSchoolDays(d, n + 1);
  const out: ObligationSpec[] = [
    {
      regel: 'schorsing.isd',
      volgorde: 40,
      titel: 'Melden bij Inspectie (ISD)',
      grondslag: `${wet(f.school!.sector)}: een schorsing van meer dan één dag meldt de school schriftelijk en met redenen bij de Inspectie van het Onderwijs, via het Internet Schooldossier (ISD). De wet noemt geen termijn: meld op de dag van het besluit; na ${n} schooldag${n === 1 ? '' : 'en'} staat de melding als te laat (instelling).`,
      actor: 'Schoolleiding (namens het bevoegd gezag)',
      uiterlijk: d,
      teLaatVanaf,
    },
  ];
  if (f.settings.leerplichtBijSchorsing) {
    out.push({
      regel: 'schorsing.leerplicht',
      volgorde: 50,
      titel: 'Leerplichtambtenaar informeren over de schorsing',
      grondslag:
        'Schoolbeleid (instelling, standaard aan): de leerplichtambtenaar hoort van een schorsing van meer dan één dag, zodat verzuim en zorg in beeld blijven.',
      actor: 'Schoolleiding of verzuimcoördinator',
      uiterlijk: d,
      teLaatVanaf,
    });
  }
  return out;
};
