// Every letter kind of DOMAIN.md §7: what it is about (a measure or a report), who it is for, which
// placeholders it knows, and its sections in order with the condition under which each is used.
// The texts themselves live in resources/letters/<soort>.json and can be changed per school.
import type { LetterKind, TextVariant } from '../../shared/api/letters';
import { LETTER_KIND_LABEL } from '../../shared/api/letters';
import type { Maatregel, Instantie } from '../../shared/domain';
import type { PlaceholderGroup } from './placeholders';

/**
 * When a section is used:
 * - melding/regels/toelichting/periode: the measure has an incident / cited rules / an explanation / a start date
 * - bezwaar: the school's settings require the objection clause
 * - inspectie: a schorsing of more than one day outside the MBO (the Inspectie is informed via ISD)
 * - leerplicht: as inspectie, when the school informs the leerplichtambtenaar (setting)
 * - vo: voortgezet (speciaal) onderwijs (consult the Inspectie before an expulsion)
 * - niet_mbo: PO, SO, VO, VSO (another school must be found; Inspectie informed of an expulsion)
 * - personeel_schorsing: a staff letter about a schorsing (not a berisping)
 */
export type Condition = 'altijd' | 'melding' | 'regels' | 'toelichting' | 'periode' | 'bezwaar' | 'inspectie' | 'leerplicht' | 'vo' | 'niet_mbo' | 'personeel_schorsing';

export const CONDITION_LABEL: Record<Condition, string> = {
  altijd: 'Altijd',
  melding: 'Als de maatregel bij een melding hoort',
  regels: 'Als bij de melding overtreden regels zijn vastgelegd',
  toelichting: 'Als de maatregel een toelichting heeft',
  periode: 'Als de maatregel een begindatum heeft',
  bezwaar: 'Als de bezwaarclausule volgens de instellingen verplicht is',
  inspectie: 'Als de schorsing langer dan één dag duurt (niet in het mbo)',
  leerplicht: 'Als de schorsing langer dan één dag duurt en de leerplichtambtenaar wordt geïnformeerd',
  vo: 'Alleen in het (voortgezet speciaal) voortgezet onderwijs',
  niet_mbo: 'Niet in het mbo',
  personeel_schorsing: 'Alleen bij een schorsing (niet bij een berisping)',
};

export interface SectionDef {
  code: string;
  label: string;
  cond: Condition;
}

/** Who the letter is written to: the pupil's side (sector rules), a staff member, another person, or the file. */
export type Doel = 'leerling' | 'medewerker' | 'persoon' | 'dossier';

export interface KindDef {
  soort: LetterKind;
  titel: string;
  doel: Doel;
  bron: 'measure' | 'report';
  /** The measures this kind is written for (bron measure). */
  maatregelen?: readonly Maatregel[];
  /** The authorities (bron report). */
  instanties?: readonly Instantie[];
  groups: readonly PlaceholderGroup[];
  varianten: readonly TextVariant[];
  /** Sections after the subject line ("betreft"), in the order they appear. */
  secties: readonly SectionDef[];
  /** Printed above the address. */
  vermelding: readonly string[];
  /** Needs an incident: facts and rules broken are part of the decision. */
  meldingVerplicht?: boolean;
  /** The letter needs an appointment (date, time, place). */
  afspraak?: boolean;
}

const s = (code: string, label: string, cond: Condition = 'altijd'): SectionDef => ({ code, label, cond });

const PUPIL: readonly TextVariant[] = ['ouders', 'persoon'];
const ONE: readonly TextVariant[] = ['persoon'];
const PUPIL_MEASURES: readonly Maatregel[] = ['gesprek', 'waarschuwing', 'disciplinaire_maatregel', 'inname_telefoon', 'uitsluiting_netwerk', 'schorsing', 'voornemen_verwijdering', 'verwijdering'];
const STAFF_MEASURES: readonly Maatregel[] = ['gesprek', 'waarschuwing', 'schriftelijke_berisping', 'schorsing', 'inhouding_salaris', 'ontslag', 'ontslag_op_staande_voet'];

const feiten = s('feiten', 'Wat er is gebeurd', 'melding');
const regels = s('regels', 'Overtreden regels', 'regels');
const toelichting = s('toelichting', 'Toelichting bij de maatregel', 'toelichting');
const slot = s('slot', 'Slot en contact');

const defs: Omit<KindDef, 'titel'>[] = [
  {
    soort: 'uitnodiging_gesprek',
    doel: 'leerling',
    bron: 'measure',
    maatregelen: PUPIL_MEASURES,
    groups: ['algemeen', 'leerling', 'melding', 'maatregel', 'gesprek'],
    varianten: PUPIL,
    secties: [s('inleiding', 'Inleiding'), s('aanleiding', 'Aanleiding', 'melding'), s('afspraak', 'Datum, tijd en plaats'), s('doel', 'Doel van het gesprek'), s('verhinderd', 'Als het tijdstip niet past')],
    vermelding: [],
    afspraak: true,
  },
  {
    soort: 'waarschuwing',
    doel: 'leerling',
    bron: 'measure',
    maatregelen: ['waarschuwing'],
    groups: ['algemeen', 'leerling', 'melding', 'maatregel'],
    varianten: PUPIL,
    secties: [s('inleiding', 'Inleiding'), feiten, regels, toelichting, s('herhaling', 'Gevolgen van herhaling'), slot],
    vermelding: [],
  },
  {
    soort: 'bevestiging_maatregel',
    doel: 'leerling',
    bron: 'measure',
    maatregelen: ['gesprek', 'disciplinaire_maatregel', 'inname_telefoon', 'uitsluiting_netwerk'],
    groups: ['algemeen', 'leerling', 'melding', 'maatregel'],
    varianten: PUPIL,
    secties: [s('inleiding', 'Inleiding'), feiten, regels, s('maatregel', 'Wat de maatregel inhoudt', 'toelichting'), s('periode', 'Wanneer de maatregel geldt', 'periode'), s('herhaling', 'Gevolgen van herhaling'), slot],
    vermelding: [],
  },
  {
    soort: 'schorsing',
    doel: 'leerling',
    bron: 'measure',
    maatregelen: ['schorsing'],
    groups: ['algemeen', 'leerling', 'melding', 'maatregel', 'schorsing', 'horen', 'bezwaar'],
    varianten: PUPIL,
    secties: [
      s('besluit', 'Het besluit'),
      s('feiten', 'Wat er is gebeurd'),
      s('regels', 'Overtreden regels'),
      s('horen', 'Wie wanneer is gehoord'),
      s('periode', 'Begin, einde en vorm'),
      s('schoolwerk', 'Afspraken over het schoolwerk'),
      toelichting,
      s('inspectie', 'Melding aan de Inspectie', 'inspectie'),
      s('leerplicht', 'Melding aan de leerplichtambtenaar', 'leerplicht'),
      s('bezwaar', 'Bezwaar', 'bezwaar'),
      s('herhaling', 'Gevolgen van herhaling'),
      slot,
    ],
    vermelding: [],
    meldingVerplicht: true,
  },
  {
    soort: 'voornemen_verwijdering',
    doel: 'leerling',
    bron: 'measure',
    maatregelen: ['voornemen_verwijdering'],
    groups: ['algemeen', 'leerling', 'melding', 'maatregel'],
    varianten: PUPIL,
    secties: [
      s('voornemen', 'Het voornemen'),
      s('feiten', 'Wat er is gebeurd'),
      s('regels', 'Overtreden regels'),
      toelichting,
      s('horen', 'Horen van ouders, leerling en leraar'),
      s('inspectie', 'Overleg met de Inspectie', 'vo'),
      s('andereschool', 'Zoeken naar een andere school', 'niet_mbo'),
      s('geenbezwaar', 'Nog geen bezwaar mogelijk'),
      slot,
    ],
    vermelding: [],
    meldingVerplicht: true,
  },
  {
    soort: 'besluit_verwijdering',
    doel: 'leerling',
    bron: 'measure',
    maatregelen: ['verwijdering'],
    groups: ['algemeen', 'leerling', 'melding', 'maatregel', 'horen', 'bezwaar', 'verwijdering'],
    varianten: PUPIL,
    secties: [
      s('besluit', 'Het besluit'),
      s('feiten', 'Wat er is gebeurd'),
      s('regels', 'Overtreden regels'),
      s('horen', 'Wie wanneer is gehoord'),
      toelichting,
      s('andereschool', 'Andere school', 'niet_mbo'),
      s('inspectie', 'Inspectie en leerplicht', 'niet_mbo'),
      s('bezwaar', 'Bezwaar', 'bezwaar'),
      s('geschillencommissie', 'Geschillencommissie passend onderwijs', 'niet_mbo'),
      slot,
    ],
    vermelding: [],
    meldingVerplicht: true,
  },
  {
    soort: 'toegangsverbod',
    doel: 'persoon',
    bron: 'measure',
    maatregelen: ['toegangsverbod'],
    groups: ['algemeen', 'persoon', 'melding', 'maatregel', 'toegangsverbod', 'bezwaar'],
    varianten: ONE,
    secties: [s('besluit', 'Het besluit'), feiten, regels, toelichting, s('gevolgen', 'Als het verbod wordt overtreden'), s('contact', 'Contact met de school'), s('bezwaar', 'Bezwaar', 'bezwaar'), slot],
    vermelding: ['Persoonlijk'],
  },
  {
    soort: 'personeel_uitnodiging',
    doel: 'medewerker',
    bron: 'measure',
    maatregelen: STAFF_MEASURES,
    groups: ['algemeen', 'medewerker', 'melding', 'maatregel', 'gesprek'],
    varianten: ONE,
    secties: [s('inleiding', 'Inleiding'), s('aanleiding', 'Aanleiding', 'melding'), s('afspraak', 'Datum, tijd en plaats'), s('bijstand', 'Bijstand en verslag'), s('verhinderd', 'Als het tijdstip niet past')],
    vermelding: ['Persoonlijk en vertrouwelijk'],
    afspraak: true,
  },
  {
    soort: 'personeel_waarschuwing',
    doel: 'medewerker',
    bron: 'measure',
    maatregelen: ['waarschuwing'],
    groups: ['algemeen', 'medewerker', 'melding', 'maatregel'],
    varianten: ONE,
    secties: [s('inleiding', 'Inleiding'), feiten, regels, toelichting, s('geendisciplinair', 'Geen disciplinaire maatregel'), s('herhaling', 'Gevolgen van herhaling'), s('reactie', 'Reactie van de medewerker'), slot],
    vermelding: ['Persoonlijk en vertrouwelijk'],
  },
  {
    soort: 'personeel_voornemen',
    doel: 'medewerker',
    bron: 'measure',
    maatregelen: ['schriftelijke_berisping', 'schorsing'],
    groups: ['algemeen', 'medewerker', 'melding', 'maatregel', 'zienswijze'],
    varianten: ONE,
    secties: [
      s('voornemen', 'Het voornemen'),
      s('feiten', 'Wat er is gebeurd'),
      regels,
      s('schorsing', 'Duur van de schorsing', 'personeel_schorsing'),
      toelichting,
      s('zienswijze', 'Zienswijze'),
      s('vervolg', 'Hoe het verder gaat'),
      slot,
    ],
    vermelding: ['Aangetekend', 'Persoonlijk en vertrouwelijk'],
    meldingVerplicht: true,
  },
  {
    soort: 'personeel_besluit',
    doel: 'medewerker',
    bron: 'measure',
    maatregelen: ['schriftelijke_berisping', 'schorsing'],
    groups: ['algemeen', 'medewerker', 'melding', 'maatregel', 'zienswijze', 'horen'],
    varianten: ONE,
    secties: [
      s('besluit', 'Het besluit'),
      s('feiten', 'Wat er is gebeurd'),
      regels,
      s('zienswijze', 'De zienswijze'),
      toelichting,
      s('schorsing', 'Duur van de schorsing', 'personeel_schorsing'),
      s('dossier', 'Personeelsdossier'),
      s('beroep', 'Beroep'),
      s('herhaling', 'Gevolgen van herhaling'),
      slot,
    ],
    vermelding: ['Aangetekend', 'Persoonlijk en vertrouwelijk'],
    meldingVerplicht: true,
  },
  {
    soort: 'vastlegging_vertrouwensinspecteur',
    doel: 'dossier',
    bron: 'report',
    instanties: ['vertrouwensinspecteur'],
    groups: ['algemeen', 'persoon', 'melding', 'externemelding'],
    varianten: ONE,
    secties: [s('inleiding', 'Inleiding'), s('gegevens', 'Gegevens van het contact'), s('aanleiding', 'Het voorval'), s('afspraken', 'Wat is besproken en afgesproken'), slot],
    vermelding: ['Vertrouwelijk'],
  },
  {
    soort: 'vastlegging_aangifte',
    doel: 'dossier',
    bron: 'report',
    instanties: ['politie'],
    groups: ['algemeen', 'persoon', 'melding', 'externemelding'],
    varianten: ONE,
    secties: [s('inleiding', 'Inleiding'), s('gegevens', 'Gegevens van de aangifte of melding'), s('aanleiding', 'Het voorval'), s('afspraken', 'Toelichting en vervolg'), slot],
    vermelding: ['Vertrouwelijk'],
  },
];

export const KINDS: Record<LetterKind, KindDef> = Object.fromEntries(defs.map((d) => [d.soort, { ...d, titel: LETTER_KIND_LABEL[d.soort].nl }])) as Record<LetterKind, KindDef>;

/** The section codes of a kind, "betreft" (the subject line) first. */
export const sectionCodes = (k: KindDef): string[] => ['betreft', ...k.secties.map((x) => x.code)];
