// A pupil's or student's schorsing. The hard limits (at most a week, counted as 5 school days, dates
// required) are gates (gates.ts); the rules here produce the hearings (each party its own step), the
// written decision with its objection clause, the decision on an objection, a warning when the week
// stretches over a holiday, and for a schorsing of more than one day the notices to the Inspectie and,
// by setting, the leerplichtambtenaar, counted in working days (they work in the school holidays).
import { addWerkdagen, daysBetween, termijnEinde } from '../../calendar/terms';
import { dutchShortDate, englishLongDate } from '@shared/dates';
import type { BronId } from '../sources';
import type { MeasureFacts, MeasureRule, ObligationSpec } from './types';
import { leeftijdOp, minderjarigOp, opDag, verzonden } from './types';
import { sectorRecht } from './sectorRecht';
import type { Beslistermijn } from './sectorRecht';
import { geadresseerdeTekst, geadresseerdeTekstEn } from './geadresseerden';

const isSchorsing = (f: MeasureFacts) =>
  f.measure.soort === 'schorsing' && f.person.soort === 'leerling' && f.measure.status !== 'ingetrokken' && !!f.school;

export const besloten = (f: MeasureFacts) => f.measure.status === 'besloten' || f.measure.status === 'uitgevoerd';

/** Minor, or age unknown (then treated as a minor: the parents are heard and informed). */
export const alsMinderjarig = (f: MeasureFacts) => minderjarigOp(f.person.geboortedatum, f.measure.besluitDatum) !== false;

/** Calendar days a schorsing spans, start and end included; null without both dates. */
export const kalenderdagen = (f: MeasureFacts) =>
  f.measure.startdatum && f.measure.einddatum ? daysBetween(f.measure.startdatum, f.measure.einddatum) + 1 : null;

/**
 * The objection clause of a schorsing: the law for a public school (Awb 3:45), the school's choice at
 * a bijzondere school (default on). An expulsion always has it (verwijdering.ts).
 */
export const schorsingBezwaarclausule = (f: MeasureFacts) => !!f.school && (f.school.openbaar || f.settings.bezwaarclausule);

/**
 * The hearings before a decision about a pupil: the pupil (student) always, the parents while the
 * pupil is a minor (or the age is unknown). Each party is its own step, proved only by its own hearing.
 */
export function hoorStappen(
  f: MeasureFacts,
  o: {
    regel: string;
    waarover: string;
    waaroverEn: string;
    uiterlijk: string | null;
    teLaatVanaf: string | null;
    bronnen: BronId[];
    volgorde: number;
  },
): ObligationSpec[] {
  const recht = sectorRecht(f.school!.sector);
  const wie = recht.persoon === 'student' ? 'De student' : 'De leerling';
  const wieEn = recht.persoon === 'student' ? 'the student' : 'the pupil';
  const partijen: { sleutel: 'leerling' | 'ouders'; titel: string; titelEn: string }[] = [
    { sleutel: 'leerling', titel: `${wie} horen over ${o.waarover}`, titelEn: `Hear ${wieEn} about ${o.waaroverEn}` },
  ];
  if (alsMinderjarig(f))
    partijen.push({ sleutel: 'ouders', titel: `De ouders horen over ${o.waarover}`, titelEn: `Hear the parents about ${o.waaroverEn}` });
  return partijen.map((p, i) => ({
    regel: o.regel,
    sleutel: p.sleutel,
    volgorde: o.volgorde + i,
    titel: p.titel,
    titelEn: p.titelEn,
    grondslag: `Vóór het besluit ${p.sleutel === 'ouders' ? 'krijgen de ouders' : `krijgt ${wie.toLowerCase()}`} de gelegenheid gehoord te worden. Leg het gesprek vast met datum en wie er hoorde; een uitnodiging die geweigerd of niet beantwoord is, legt u vast als zodanig.`,
    bronnen: o.bronnen,
    actor: 'Schoolleiding (namens het bevoegd gezag)',
    uiterlijk: o.uiterlijk,
    teLaatVanaf: o.teLaatVanaf,
  }));
}

/**
 * The decision on an objection that was received, within the term the law sets (from receipt or from
 * the end of the objection term, extended past weekends and holidays). A case at the
 * Geschillencommissie passend onderwijs suspends that term: while it runs the board waits, after its
 * opinion the term is extended by the days it was suspended.
 */
export function beslissingOpBezwaar(
  f: MeasureFacts,
  o: {
    regel: string;
    volgorde: number;
    termijn: Beslistermijn;
    bezwaarEinde: string;
    geschil?: { loopt: boolean; pauze: number; bron: BronId | null };
  },
): ObligationSpec[] {
  if (!f.bezwaar) return [];
  const ontvangen = f.bezwaar.ontvangenOp;
  const vanaf = o.termijn.vanaf === 'ontvangst' ? ontvangen : o.bezwaarEinde;
  const wacht = !!o.geschil?.loopt;
  const datum = wacht ? null : termijnEinde(vanaf, o.termijn.weken, o.geschil?.pauze ?? 0);
  const gpo = o.geschil?.bron && (wacht || o.geschil.pauze) ? [o.geschil.bron] : [];
  return [
    {
      regel: o.regel,
      volgorde: o.volgorde,
      titel: wacht
        ? 'Beslissen op het bezwaar (de termijn staat stil: wacht op het oordeel van de Geschillencommissie passend onderwijs)'
        : `Beslissen op het bezwaar, uiterlijk ${dutchShortDate(datum!)}${o.geschil?.pauze ? ` (${o.geschil.pauze} dagen opgeschort voor de Geschillencommissie)` : ''}`,
      titelEn: wacht
        ? 'Decide on the objection (bezwaar) (the term is suspended: waiting for the opinion of the Geschillencommissie passend onderwijs, the disputes committee for inclusive education)'
        : `Decide on the objection (bezwaar) by ${englishLongDate(datum!)}${o.geschil?.pauze ? ` (${o.geschil.pauze} days suspended for the Geschillencommissie)` : ''}`,
      grondslag: `Het bezwaar is ontvangen op ${dutchShortDate(ontvangen)}. Het bevoegd gezag beslist binnen ${o.termijn.weken} weken ${
        o.termijn.vanaf === 'ontvangst' ? 'na ontvangst van het bezwaar' : 'na afloop van de bezwaartermijn'
      }, na de bezwaarmaker te hebben gehoord.${o.termijn.weken === 6 ? ' Met een adviescommissie is dat twaalf weken; verdagen kan één keer met zes weken, schriftelijk en met redenen.' : ''}`,
      bronnen: [...o.termijn.bronnen, ...gpo, 'atw.1'],
      actor: 'Bevoegd gezag',
      ...(datum ? opDag(datum) : { uiterlijk: null, teLaatVanaf: null }),
    },
  ];
}

/** Hear the pupil and (for a minor) the parents; the written decision without delay; the objection clause and decision. */
export const schorsingBesluit: MeasureRule = (f) => {
  if (!isSchorsing(f)) return [];
  const sector = f.school!.sector;
  const recht = sectorRecht(sector);
  const d = f.measure.besluitDatum;
  const out: ObligationSpec[] = hoorStappen(f, {
    regel: 'schorsing.horen',
    waarover: 'de schorsing',
    waaroverEn: 'the suspension (schorsing)',
    ...opDag(d),
    bronnen: sector === 'MBO' ? recht.schorsing : ['awb.4:8', 'awb.3:2'],
    volgorde: 10,
  });
  const dagen = kalenderdagen(f);
  if (dagen !== null && dagen > 7) {
    out.push({
      regel: 'schorsing.kalenderdagen',
      volgorde: 15,
      titel: `Deze schorsing beslaat ${dagen} kalenderdagen (${dutchShortDate(f.measure.startdatum!)} t/m ${dutchShortDate(f.measure.einddatum!)})`,
      titelEn: `This suspension spans ${dagen} calendar days (${englishLongDate(f.measure.startdatum!)} to ${englishLongDate(f.measure.einddatum!)} inclusive)`,
      grondslag: `De wet staat een schorsing van ten hoogste een week toe. Een vakantie of feestdag ertussen maakt de periode langer dan 7 dagen; een rechter kan dat als een schorsing van meer dan een week zien. Overweeg een kortere periode, of leg vast waarom deze periode nodig is.`,
      bronnen: recht.schorsing,
      actor: 'Schoolleiding',
      waarschuwing: true,
      ...opDag(d),
    });
  }
  const onbekend = f.measure.startdatum && f.measure.einddatum ? f.cal.onbekendeSchooljaren(f.measure.startdatum, f.measure.einddatum) : [];
  if (onbekend.length) {
    out.push({
      regel: 'schorsing.vakanties_onbekend',
      volgorde: 16,
      titel: `De schoolvakanties van ${onbekend.join(' en ')} zijn niet bekend: de schooldagen van deze schorsing zijn geteld zonder vakanties`,
      titelEn: `The school holidays of ${onbekend.join(' and ')} are not known: the school days of this suspension were counted without holidays`,
      grondslag:
        'Een schorsing duurt ten hoogste een week, geteld in schooldagen. Voor dit schooljaar kent de app de vakanties nog niet, dus telt elke werkdag als schooldag. Vul de vakanties in bij Instellingen → Wettelijke termijnen en controleer de periode.',
      bronnen: recht.schorsing,
      actor: 'Schoolleiding',
      waarschuwing: true,
      ...opDag(d),
    });
  }
  if (!besloten(f)) return out;
  out.push({
    regel: 'schorsing.besluit',
    volgorde: 20,
    titel: `Schriftelijk besluit met redenen sturen aan ${geadresseerdeTekst(sector, leeftijdOp(f.person.geboortedatum, d))}`,
    titelEn: `Send the written decision with reasons to ${geadresseerdeTekstEn(sector, leeftijdOp(f.person.geboortedatum, d))}`,
    grondslag: `Een schorsing wordt direct schriftelijk en met redenen meegedeeld, met begin- en einddatum, wie er is gehoord en wanneer, en de afspraken over schoolwerk.`,
    bronnen: recht.schorsing,
    actor: 'Schoolleiding (namens het bevoegd gezag)',
    ...opDag(d),
  });
  if (!schorsingBezwaarclausule(f)) return out;
  const bezwaarEinde = termijnEinde(verzonden(f, 'schorsing.besluit'), 6);
  out.push({
    regel: 'schorsing.bezwaarclausule',
    volgorde: 30,
    titel: `Bezwaarclausule in het besluit: bezwaar kan tot en met ${dutchShortDate(bezwaarEinde)} (6 weken)`,
    titelEn: `Objection clause in the decision: an objection (bezwaar) can be made up to and including ${englishLongDate(bezwaarEinde)} (6 weeks)`,
    grondslag: f.school!.openbaar
      ? 'Een openbare school vermeldt in het besluit dat binnen 6 weken bezwaar kan worden gemaakt, en bij wie.'
      : 'Een bijzondere school hoeft dit bij een schorsing niet wettelijk, maar de school heeft ingesteld dat het besluit de bezwaarmogelijkheid van 6 weken vermeldt.',
    bronnen: f.school!.openbaar ? ['awb.3:45', 'awb.6:7', 'atw.1'] : ['school.instelling', 'awb.6:7'],
    actor: 'Schoolleiding',
    ...opDag(d),
  });
  // A public school decides within the Awb's term; a bijzondere school that offers objection by its
  // own choice is held to the same term, so the objection is not left hanging.
  const termijn: Beslistermijn = {
    weken: 6,
    vanaf: 'einde_bezwaartermijn',
    bronnen: f.school!.openbaar ? ['awb.7:10'] : ['school.instelling', 'awb.7:10'],
  };
  out.push(...beslissingOpBezwaar(f, { regel: 'schorsing.beslissing_bezwaar', volgorde: 35, termijn, bezwaarEinde }));
  return out;
};

/** A schorsing of more than one day goes to the Inspectie (ISD) and, by setting, the leerplichtambtenaar. */
export const schorsingMelden: MeasureRule = (f) => {
  if (!isSchorsing(f) || !besloten(f) || !sectorRecht(f.school!.sector).inspectieMelding) return [];
  // Without dates the length is unknown: the notice is asked for rather than silently skipped.
  if (f.measure.duurSchooldagen !== null && f.measure.duurSchooldagen <= 1) return [];
  const d = f.measure.besluitDatum;
  const n = f.settings.isdTeLaatNaWerkdagen;
  // "Overdue after n working days": the n working days after the decision are allowed, the next one is late.
  const teLaatVanaf = addWerkdagen(d, n + 1);
  const recht = sectorRecht(f.school!.sector);
  const out: ObligationSpec[] = [
    {
      regel: 'schorsing.isd',
      volgorde: 40,
      titel: 'Melden bij de Inspectie (Internet Schooldossier)',
      titelEn: 'Notify the Education Inspectorate (Inspectie), via the Internet Schooldossier',
      grondslag: `Een schorsing van meer dan één dag meldt het bevoegd gezag schriftelijk en met redenen bij de Inspectie van het Onderwijs, via het Internet Schooldossier. De wet noemt geen termijn: meld op de dag van het besluit; na ${n} werkdag${n === 1 ? '' : 'en'} staat de melding als te laat (instelling). De Inspectie werkt ook in de schoolvakanties, daarom tellen werkdagen.`,
      bronnen: [...recht.schorsing, 'school.instelling'],
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
      titelEn: 'Inform the compulsory-education officer (leerplichtambtenaar) about the suspension',
      grondslag:
        'De wet verplicht dit niet; de school heeft ingesteld dat de leerplichtambtenaar hoort van een schorsing van meer dan één dag, zodat verzuim en zorg in beeld blijven. Geteld in werkdagen, zoals de melding aan de Inspectie.',
      bronnen: ['school.instelling'],
      actor: 'Schoolleiding of verzuimcoördinator',
      uiterlijk: d,
      teLaatVanaf,
    });
  }
  return out;
};
