// DOMAIN.md §6.4: a possible sexual offence by anyone working at the school (staff, or an extern:
// volunteer, intern, hired help) against a pupil. Every staff member must tell the board at once; the
// board consults the vertrouwensinspecteur without delay; on a reasonable suspicion it reports to the
// police at once, after informing the accused and the parents (their objection does not stop it).
// The path opens the moment such an incident is recorded: category 'seksueel' with such a dader, or
// 'ongepast_contact' with such a dader once the school answers "possible sexual offence: yes"
// (inappropriate contact is not always sexual, so the app asks instead of assuming).
// Each step is recorded with date AND time and stays on the dashboard until it is done.
import type { IncidentFacts, IncidentRule, ObligationSpec } from './types';
import { key, opDag } from './types';

export const WERKT_OP_SCHOOL = new Set(['medewerker', 'extern']);

export type ZedenStatus = { actief: boolean; vraag: boolean; reden: string };

/** Whether the path applies, whether the app must ask, and why — shared by the rule and the checklist. */
export function zedenStatus(f: Pick<IncidentFacts, 'incident' | 'daders' | 'slachtoffers' | 'zedenVermoeden'>): ZedenStatus {
  const cat = f.incident.categorie;
  if (cat !== 'seksueel' && cat !== 'ongepast_contact') return { actief: false, vraag: false, reden: 'De categorie valt niet onder de meldplicht bij zedendelicten.' };
  if (!f.daders.some((d) => WERKT_OP_SCHOOL.has(d.soort))) {
    return { actief: false, vraag: false, reden: 'Er is geen medewerker of iemand die op school werkt als dader vastgelegd.' };
  }
  if (f.slachtoffers.length > 0 && !f.slachtoffers.some((s) => s.soort === 'leerling')) {
    return { actief: false, vraag: false, reden: 'Er is geen leerling als slachtoffer vastgelegd.' };
  }
  if (cat === 'seksueel') return { actief: true, vraag: false, reden: 'Mogelijk zedendelict door iemand die op school werkt: meldplicht en overlegplicht gelden direct.' };
  if (f.zedenVermoeden === true) return { actief: true, vraag: true, reden: 'De school heeft vastgelegd dat dit ongepaste contact mogelijk een zedendelict is.' };
  if (f.zedenVermoeden === false) return { actief: false, vraag: true, reden: 'De school heeft vastgelegd dat dit ongepaste contact geen mogelijk zedendelict is.' };
  return { actief: false, vraag: true, reden: 'Ongepast contact door iemand die op school werkt: beoordeel direct of het een mogelijk zedendelict is.' };
}

const GRONDSLAG =
  'Meldplicht en aangifteplicht bij zedendelicten (WPO art. 4a, en de gelijke artikelen in WVO en WEC): ';

export const zedenPad: IncidentRule = (f) => {
  if (!zedenStatus(f).actief) return [];
  const d = f.incident.datumMelding;
  const besluit = f.prior.get(key('zeden.besluit_aangifte'));
  const geenAangifte = besluit?.status === 'gedaan' && besluit.uitkomst === 'geen_aangifte';
  const stap = (s: Omit<ObligationSpec, 'urgent' | 'tijdVerplicht' | 'uiterlijk' | 'teLaatVanaf'>): ObligationSpec => ({
    ...s,
    urgent: true,
    tijdVerplicht: true,
    ...opDag(d),
  });
  const out: ObligationSpec[] = [
    stap({
      regel: 'zeden.bestuur',
      volgorde: 1,
      titel: 'Bestuur (bevoegd gezag) direct informeren',
      grondslag: GRONDSLAG + 'iedere medewerker die weet van een mogelijk zedendelict door iemand die op school werkt, meldt dit direct aan het bevoegd gezag.',
      actor: 'De medewerker die het weet, via de schoolleiding',
    }),
    stap({
      regel: 'zeden.vertrouwensinspecteur',
      volgorde: 2,
      titel: 'Direct overleggen met de vertrouwensinspecteur (0900-111 3 111)',
      grondslag: GRONDSLAG + 'het bevoegd gezag overlegt onverwijld met de vertrouwensinspecteur (werkdagen 08:00–17:00). Leg datum en tijd vast.',
      actor: 'Bevoegd gezag',
    }),
    stap({
      regel: 'zeden.besluit_aangifte',
      volgorde: 3,
      titel: 'Besluiten: is er een redelijk vermoeden? (aangifte ja of nee)',
      grondslag: GRONDSLAG + 'blijkt uit het overleg een redelijk vermoeden van een strafbaar feit, dan doet het bevoegd gezag onverwijld aangifte. Bezwaar van ouders houdt dat niet tegen.',
      actor: 'Bevoegd gezag, na overleg met de vertrouwensinspecteur',
      beslissing: true,
    }),
  ];
  const nvt = geenAangifte ? { nvt: 'Geen redelijk vermoeden vastgesteld: geen aangifte.' } : {};
  out.push(
      stap({
        regel: 'zeden.informeren',
        volgorde: 4,
        titel: 'Aangeklaagde en ouders informeren vóór de aangifte',
        grondslag: GRONDSLAG + 'het bevoegd gezag stelt de aangeklaagde en de ouders van de leerling op de hoogte voordat het aangifte doet.',
        actor: 'Bevoegd gezag',
        ...nvt,
      }),
      stap({
        regel: 'zeden.aangifte',
        volgorde: 5,
        titel: 'Aangifte doen bij de politie',
        grondslag: GRONDSLAG + 'bij een redelijk vermoeden doet het bevoegd gezag onverwijld aangifte, ook als de ouders bezwaar maken.',
        actor: 'Bevoegd gezag',
        ...nvt,
      }),
  );
  return out;
};
