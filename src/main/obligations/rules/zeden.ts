// The meld- en aangifteplicht for a possible sexual offence by someone "met taken belast" at the school
// (staff, and externals: volunteers, stagiairs, hired help) against a minor pupil or student. Every
// staff member tells the board at once; the board consults the vertrouwensinspecteur without delay;
// on a reasonable suspicion it reports to the police at once, after informing the accused and the
// parents (their objection does not stop it). Grooming is often filed under another category, so the
// app asks "possibly a sexual offence?" whenever such a person is dader against a pupil, whatever the
// category; category 'seksueel' opens the path at once. Against an adult pupil the statutory duty does
// not apply: the app advises instead. Each step is recorded with date AND time.
import { dutchShortDate, englishLongDate } from '@shared/dates';
import { bron } from '../sources';
import type { BronId } from '../sources';
import { werkdagOpOfNa } from '../../calendar/terms';
import type { IncidentFacts, IncidentRule, ObligationSpec } from './types';
import { key, minderjarigOp, opDag } from './types';
import { sectorRecht } from './sectorRecht';

export const WERKT_OP_SCHOOL = new Set(['medewerker', 'extern']);

export type ZedenStatus = {
  /** The statutory path applies now. */
  actief: boolean;
  /** The app asks the school "possibly a sexual offence?" (answered or not). */
  vraag: boolean;
  /** The duty does not apply (adult victim), but the app advises consulting and reporting. */
  advies: boolean;
  reden: string;
  bronnen: BronId[];
};

type Feiten = Pick<IncidentFacts, 'school' | 'incident' | 'daders' | 'slachtoffers' | 'zedenVermoeden'>;

/** Whether the path applies, whether the app must ask, and why: shared by the rule, the checklist and the advice. */
export function zedenStatus(f: Feiten): ZedenStatus {
  const uit = (reden: string): ZedenStatus => ({ actief: false, vraag: false, advies: false, reden, bronnen: [] });
  if (!f.school) return uit('De school is nog niet ingesteld.');
  const meldplicht = sectorRecht(f.school.sector).meldplicht;
  const wet = bron(meldplicht).citaat;
  if (!f.daders.some((d) => WERKT_OP_SCHOOL.has(d.soort))) {
    return uit('Er is geen medewerker of iemand anders die op school werkt (vrijwilliger, stagiair, extern) als dader vastgelegd.');
  }
  const leerlingen = f.slachtoffers.filter((s) => s.soort === 'leerling');
  if (f.slachtoffers.length > 0 && leerlingen.length === 0) return uit('Er is geen leerling als slachtoffer vastgelegd.');
  // No victim recorded yet, or a victim whose age is unknown: treated as a minor (the reading that protects the pupil).
  // A minor when it happened counts, even if eighteen by the time the school learns of it: the
  // earlier of the two dates (docs/LAW.md, "Minderjarig").
  const peildatum = f.incident.datumVoorval < f.incident.datumMelding ? f.incident.datumVoorval : f.incident.datumMelding;
  const minderjarig = leerlingen.length === 0 || leerlingen.some((l) => minderjarigOp(l.geboortedatum, peildatum) !== false);
  if (!minderjarig) {
    return {
      actief: false,
      vraag: false,
      advies: true,
      reden: `De leerling is meerderjarig: de wettelijke meld- en aangifteplicht (${wet}) geldt alleen bij een minderjarige. Overleg toch met de vertrouwensinspecteur en bespreek aangifte met de leerling zelf.`,
      bronnen: [meldplicht, 'inspectie.vertrouwensinspecteur'],
    };
  }
  const vraag = f.incident.categorie !== 'seksueel';
  if (!vraag)
    return {
      actief: true,
      vraag,
      advies: false,
      reden: `Mogelijk zedendelict door iemand die op school werkt, tegen een minderjarige leerling: de meldplicht en overlegplicht gelden direct (${wet}).`,
      bronnen: [meldplicht],
    };
  if (f.zedenVermoeden === true)
    return {
      actief: true,
      vraag,
      advies: false,
      reden: `De school heeft vastgelegd dat dit mogelijk een zedendelict is: de meldplicht en overlegplicht gelden (${wet}).`,
      bronnen: [meldplicht],
    };
  if (f.zedenVermoeden === false)
    return {
      actief: false,
      vraag,
      advies: false,
      reden: 'De school heeft vastgelegd dat dit geen mogelijk zedendelict is.',
      bronnen: [meldplicht],
    };
  return {
    actief: false,
    vraag,
    advies: false,
    reden: `Iemand die op school werkt is dader tegen een leerling: beoordeel direct of dit mogelijk een zedendelict is (ook bij bijvoorbeeld stalking, ongepast contact of grooming). Is het antwoord ja, dan gelden de meldplicht en de overlegplicht (${wet}).`,
    bronnen: [meldplicht],
  };
}

export const zedenPad: IncidentRule = (f) => {
  const st = zedenStatus(f);
  if (!st.actief) return [];
  const meldplicht = sectorRecht(f.school!.sector).meldplicht;
  const wet = bron(meldplicht).citaat;
  const d = f.incident.datumMelding;
  const besluit = f.prior.get(key('zeden.besluit_aangifte'));
  const geenAangifte = besluit?.status === 'gedaan' && besluit.uitkomst === 'geen_aangifte';
  const stap = (
    s: Omit<ObligationSpec, 'urgent' | 'tijdVerplicht' | 'uiterlijk' | 'teLaatVanaf' | 'bronnen'>,
    datum = d,
    extra: BronId[] = [],
  ): ObligationSpec => ({
    ...s,
    grondslag: `${wet}: ${s.grondslag}`,
    bronnen: [meldplicht, ...extra],
    urgent: true,
    tijdVerplicht: true,
    ...opDag(datum),
  });
  // The vertrouwensinspecteur answers on working days: a report on a Saturday or a holiday is due on
  // the next working day, and the step says so instead of turning overdue while the line is closed.
  const viDag = werkdagOpOfNa(d);
  const viTitel =
    viDag === d
      ? 'Direct overleggen met de vertrouwensinspecteur (0900-111 3 111)'
      : `Overleggen met de vertrouwensinspecteur (0900-111 3 111) op de eerstvolgende werkdag, ${dutchShortDate(viDag)}: bereikbaar op werkdagen 08.00–17.00 uur`;
  const viTitelEn =
    viDag === d
      ? 'Consult the confidential inspector (vertrouwensinspecteur) at once (0900-111 3 111)'
      : `Consult the confidential inspector (vertrouwensinspecteur, 0900-111 3 111) on the next working day, ${englishLongDate(viDag)}: available on working days 8:00–17:00`;
  const out: ObligationSpec[] = [
    stap({
      regel: 'zeden.bestuur',
      volgorde: 1,
      titel: 'Bestuur (bevoegd gezag) direct informeren',
      titelEn: 'Inform the school board (bevoegd gezag) at once',
      grondslag:
        'iedere medewerker die weet van een mogelijk zedendelict door iemand die op school werkt, meldt dit direct aan het bevoegd gezag.',
      actor: 'De medewerker die het weet, via de schoolleiding',
    }),
    stap(
      {
        regel: 'zeden.vertrouwensinspecteur',
        volgorde: 2,
        titel: viTitel,
        titelEn: viTitelEn,
        grondslag: 'het bevoegd gezag overlegt onverwijld met de vertrouwensinspecteur. Leg datum en tijd vast.',
        actor: 'Bevoegd gezag',
      },
      viDag,
      ['inspectie.vertrouwensinspecteur'],
    ),
    stap(
      {
        regel: 'zeden.besluit_aangifte',
        volgorde: 3,
        titel: 'Besluiten: is er een redelijk vermoeden? (aangifte ja of nee)',
        titelEn: 'Decide: is there a reasonable suspicion? (report to the police (aangifte): yes or no)',
        grondslag:
          'blijkt uit het overleg een redelijk vermoeden van een strafbaar feit, dan doet het bevoegd gezag onverwijld aangifte. Bezwaar van ouders houdt dat niet tegen.',
        actor: 'Bevoegd gezag, na overleg met de vertrouwensinspecteur',
        beslissing: true,
      },
      viDag,
    ),
  ];
  const nvt = geenAangifte ? { nvt: 'Geen redelijk vermoeden vastgesteld: geen aangifte.' } : {};
  out.push(
    stap(
      {
        regel: 'zeden.informeren',
        volgorde: 4,
        titel: 'Aangeklaagde en ouders informeren vóór de aangifte',
        titelEn: 'Inform the accused and the parents before the police report',
        grondslag: 'het bevoegd gezag stelt de aangeklaagde en de ouders van de leerling op de hoogte voordat het aangifte doet.',
        actor: 'Bevoegd gezag',
        ...nvt,
      },
      viDag,
    ),
    stap(
      {
        regel: 'zeden.aangifte',
        volgorde: 5,
        titel: 'Aangifte doen bij de politie',
        titelEn: 'Report the offence to the police (aangifte)',
        grondslag: 'bij een redelijk vermoeden doet het bevoegd gezag onverwijld aangifte, ook als de ouders bezwaar maken.',
        actor: 'Bevoegd gezag',
        ...nvt,
      },
      viDag,
    ),
  );
  return out;
};
