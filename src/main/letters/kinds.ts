// Every letter kind: what it is about (a measure or a report), who it is for, which
// placeholders it knows, and its sections in order with the condition under which each is used.
// The texts themselves live in resources/letters/<soort>.json and can be changed per school.
import type { LetterKind, LetterKindInfo, TextVariant } from '@shared/api/letters';
import { LETTER_KIND_LABEL, LETTER_KINDS } from '@shared/api/letters';
import type { Maatregel, Instantie } from '@shared/domain';
import type { PlaceholderGroup } from './placeholders';
import type { StaffCondition } from './staffValues';

/**
 * When a section is used:
 * - melding/regels/toelichting/periode: the measure has an incident / cited rules / an explanation / a start date
 * - bezwaar: the school's settings require the objection clause
 * - inspectie_/leerplicht_gedaan, _open: the notice of this measure to the Inspectie / the
 *   leerplichtambtenaar is recorded as done (past tense, with its date) or is still to be done (future)
 * - overleg_gedaan, _open: the same for the consultation of the Inspectie before an expulsion (VO, VSO)
 * - school_gevonden, school_zoeken: another school admits the pupil, or not yet (not in the MBO)
 * - ingang: the expulsion takes effect on a date (MBO, or a receiving school is recorded)
 * - openbaar, bijzonder, mbo: which court (the school's legal form; the MBO has its own route)
 * - intern, extern: the form of a schorsing
 * - niet_mbo: PO, SO, VO, VSO (another school must be found; Inspectie informed of an expulsion)
 * - personeel_schorsing: a staff letter about a schorsing (not a berisping)
 * - voornemen_brief, zienswijze_gegeven/_verslag, geen_zienswijze, toelichting_zonder_zienswijze: staff
 *   letters, from the recorded voornemen letter and zienswijze (staffValues.ts)
 * Sections about a step come in pairs (done / to be done), so a letter never says a step was taken
 * while it is open, and schools can still edit both texts.
 */
export type Condition =
  | 'altijd'
  | 'melding'
  | 'regels'
  | 'toelichting'
  | 'periode'
  | 'bezwaar'
  | PupilCondition
  | 'niet_mbo'
  | 'personeel_schorsing'
  | StaffCondition;

type PupilCondition =
  | 'inspectie_gedaan'
  | 'inspectie_open'
  | 'leerplicht_gedaan'
  | 'leerplicht_open'
  | 'overleg_gedaan'
  | 'overleg_open'
  | 'school_gevonden'
  | 'school_zoeken'
  | 'ingang'
  | 'openbaar'
  | 'bijzonder'
  | 'mbo'
  | 'intern'
  | 'extern';

export const CONDITION_LABEL: Record<Condition, string> = {
  altijd: 'Altijd',
  melding: 'Als de maatregel bij een melding hoort',
  regels: 'Als bij de melding overtreden regels zijn vastgelegd',
  toelichting: 'Als de maatregel een toelichting heeft',
  periode: 'Als de maatregel een begindatum heeft',
  bezwaar: 'Als de bezwaarclausule volgens de instellingen verplicht is',
  inspectie_gedaan: 'Als is vastgelegd dat de Inspectie is geïnformeerd',
  inspectie_open: 'Als de Inspectie geïnformeerd moet worden en dat nog niet is vastgelegd',
  leerplicht_gedaan: 'Als is vastgelegd dat de leerplichtambtenaar is geïnformeerd',
  leerplicht_open: 'Als de leerplichtambtenaar geïnformeerd wordt en dat nog niet is vastgelegd',
  overleg_gedaan: 'Als het overleg met de Inspectie over de verwijdering is vastgelegd (vo en vso)',
  overleg_open: 'Als het overleg met de Inspectie over de verwijdering nog moet plaatsvinden (vo en vso)',
  school_gevonden: 'Als een andere school de leerling toelaat (niet in het mbo)',
  school_zoeken: 'Zolang nog geen andere school de leerling toelaat (niet in het mbo)',
  ingang: 'Als de verwijdering op een datum ingaat (mbo, of een andere school laat de leerling toe)',
  openbaar: 'Alleen bij een openbare school (niet in het mbo)',
  bijzonder: 'Alleen bij een bijzondere school (niet in het mbo)',
  mbo: 'Alleen in het mbo',
  intern: 'Bij een interne schorsing',
  extern: 'Bij een externe schorsing',
  niet_mbo: 'Niet in het mbo',
  personeel_schorsing: 'Alleen bij een schorsing (niet bij een berisping)',
  voornemen_brief: 'Als er een definitieve brief over het voornemen is',
  zienswijze_gegeven: 'Als de zienswijze van de medewerker is vastgelegd',
  zienswijze_verslag: 'Als bij de zienswijze een verslag is vastgelegd',
  geen_zienswijze: 'Als de zienswijzetermijn voorbij is en er geen zienswijze is vastgelegd',
  toelichting_zonder_zienswijze: 'Als de maatregel een toelichting heeft en er geen zienswijze is vastgelegd',
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
  /**
   * A decision (or intended decision) of the bevoegd gezag, signed by the school leader: the signature
   * says on whose behalf (Awb art. 10:10, https://wetten.overheid.nl/jci1.3:c:BWBR0005537&artikel=10:10,
   * for an openbare school; a bijzondere school too, so the reader knows who decided and to whom to object).
   */
  namens?: boolean;
}

const s = (code: string, label: string, cond: Condition = 'altijd'): SectionDef => ({ code, label, cond });

const PUPIL: readonly TextVariant[] = ['ouders', 'persoon', 'volwassene'];
const ONE: readonly TextVariant[] = ['persoon'];
const PUPIL_MEASURES: readonly Maatregel[] = [
  'gesprek',
  'waarschuwing',
  'disciplinaire_maatregel',
  'inname_telefoon',
  'uitsluiting_netwerk',
  'schorsing',
  'voornemen_verwijdering',
  'verwijdering',
];
const STAFF_MEASURES: readonly Maatregel[] = [
  'gesprek',
  'waarschuwing',
  'schriftelijke_berisping',
  'schorsing',
  'inhouding_salaris',
  'ontslag',
  'ontslag_op_staande_voet',
];

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
    secties: [
      s('inleiding', 'Inleiding'),
      s('aanleiding', 'Aanleiding', 'melding'),
      s('afspraak', 'Datum, tijd en plaats'),
      s('doel', 'Doel van het gesprek'),
      s('verhinderd', 'Als het tijdstip niet past'),
    ],
    vermelding: [],
    afspraak: true,
  },
  {
    soort: 'uitnodiging_hoorgesprek',
    doel: 'leerling',
    bron: 'measure',
    maatregelen: ['voornemen_verwijdering'],
    groups: ['algemeen', 'leerling', 'melding', 'maatregel', 'gesprek', 'verwijdering'],
    varianten: PUPIL,
    secties: [
      s('inleiding', 'Inleiding'),
      s('afspraak', 'Datum, tijd en plaats'),
      s('bijstand', 'Iemand meenemen'),
      s('dossier', 'Het dossier vooraf inzien'),
      s('reactie', 'Mondeling of schriftelijk reageren'),
      s('anderen', 'Wie er verder wordt gehoord'),
      s('verhinderd', 'Als het tijdstip niet past'),
      slot,
    ],
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
    secties: [
      s('inleiding', 'Inleiding'),
      feiten,
      regels,
      s('maatregel', 'Wat de maatregel inhoudt', 'toelichting'),
      s('periode', 'Wanneer de maatregel geldt', 'periode'),
      s('herhaling', 'Gevolgen van herhaling'),
      slot,
    ],
    vermelding: [],
  },
  {
    soort: 'schorsing',
    doel: 'leerling',
    bron: 'measure',
    maatregelen: ['schorsing'],
    groups: ['algemeen', 'leerling', 'melding', 'maatregel', 'schorsing', 'horen', 'bezwaar', 'stappen'],
    varianten: PUPIL,
    secties: [
      s('besluit', 'Het besluit'),
      s('feiten', 'Wat er is gebeurd'),
      s('regels', 'Overtreden regels'),
      s('horen', 'Wie wanneer is gehoord'),
      s('periode', 'Begin, einde en vorm'),
      s('intern', 'Wat een interne schorsing inhoudt', 'intern'),
      s('extern', 'Wat een externe schorsing inhoudt', 'extern'),
      s('schoolwerk', 'Afspraken over het schoolwerk'),
      toelichting,
      s('inspectie', 'Melding aan de Inspectie (gedaan)', 'inspectie_gedaan'),
      s('inspectie_open', 'Melding aan de Inspectie (nog te doen)', 'inspectie_open'),
      s('leerplicht', 'Melding aan de leerplichtambtenaar (gedaan)', 'leerplicht_gedaan'),
      s('leerplicht_open', 'Melding aan de leerplichtambtenaar (nog te doen)', 'leerplicht_open'),
      s('bezwaar', 'Bezwaar', 'bezwaar'),
      s('terugkeer', 'Terugkeergesprek'),
      s('herhaling', 'Gevolgen van herhaling'),
      slot,
    ],
    vermelding: [],
    meldingVerplicht: true,
    namens: true,
  },
  {
    soort: 'voornemen_verwijdering',
    doel: 'leerling',
    bron: 'measure',
    maatregelen: ['voornemen_verwijdering'],
    groups: ['algemeen', 'leerling', 'melding', 'maatregel', 'verwijdering', 'stappen'],
    varianten: PUPIL,
    secties: [
      s('voornemen', 'Het voornemen'),
      s('feiten', 'Wat er is gebeurd'),
      s('regels', 'Overtreden regels'),
      toelichting,
      s('horen', 'Horen van ouders, leerling en leraar'),
      s('dossier', 'Het dossier inzien'),
      s('inspectie', 'Overleg met de Inspectie (gedaan)', 'overleg_gedaan'),
      s('inspectie_open', 'Overleg met de Inspectie (nog te doen)', 'overleg_open'),
      s('andereschool', 'Zoeken naar een andere school', 'niet_mbo'),
      s('geenbezwaar', 'Nog geen bezwaar mogelijk'),
      slot,
    ],
    vermelding: [],
    meldingVerplicht: true,
    namens: true,
  },
  {
    soort: 'besluit_verwijdering',
    doel: 'leerling',
    bron: 'measure',
    maatregelen: ['verwijdering'],
    groups: ['algemeen', 'leerling', 'melding', 'maatregel', 'horen', 'bezwaar', 'verwijdering', 'stappen'],
    varianten: PUPIL,
    secties: [
      s('besluit', 'Het besluit'),
      s('ingang', 'Wanneer de verwijdering ingaat', 'ingang'),
      s('feiten', 'Wat er is gebeurd'),
      s('regels', 'Overtreden regels'),
      s('horen', 'Wie wanneer is gehoord'),
      s('overleg', 'Overleg met de Inspectie', 'overleg_gedaan'),
      toelichting,
      s('andereschool', 'Tot een andere school de leerling toelaat', 'school_zoeken'),
      s('andereschool_gevonden', 'De school die de leerling toelaat', 'school_gevonden'),
      s('inspectie', 'Melding aan de Inspectie (gedaan)', 'inspectie_gedaan'),
      s('inspectie_open', 'Melding aan de Inspectie (nog te doen)', 'inspectie_open'),
      s('leerplicht', 'Melding aan de leerplichtambtenaar (gedaan)', 'leerplicht_gedaan'),
      s('leerplicht_open', 'Melding aan de leerplichtambtenaar (nog te doen)', 'leerplicht_open'),
      s('bezwaar', 'Bezwaar', 'bezwaar'),
      s('rechter_openbaar', 'Naar de bestuursrechter', 'openbaar'),
      s('rechter_bijzonder', 'Naar de civiele rechter', 'bijzonder'),
      s('rechter_mbo', 'Beroep (mbo)', 'mbo'),
      s('geschillencommissie', 'Geschillencommissie passend onderwijs', 'niet_mbo'),
      s('onderwijsconsulent', 'Onderwijsconsulent', 'niet_mbo'),
      slot,
    ],
    vermelding: [],
    meldingVerplicht: true,
    namens: true,
  },
  {
    soort: 'toegangsverbod',
    doel: 'persoon',
    bron: 'measure',
    maatregelen: ['toegangsverbod'],
    groups: ['algemeen', 'persoon', 'melding', 'maatregel', 'toegangsverbod', 'bezwaar'],
    varianten: ONE,
    secties: [
      s('besluit', 'Het besluit'),
      feiten,
      regels,
      toelichting,
      s('gevolgen', 'Als het verbod wordt overtreden'),
      s('contact', 'Contact met de school'),
      s('bezwaar', 'Bezwaar', 'bezwaar'),
      slot,
    ],
    vermelding: ['Persoonlijk'],
    namens: true,
  },
  {
    soort: 'personeel_uitnodiging',
    doel: 'medewerker',
    bron: 'measure',
    maatregelen: STAFF_MEASURES,
    groups: ['algemeen', 'medewerker', 'melding', 'maatregel', 'gesprek'],
    varianten: ONE,
    secties: [
      s('inleiding', 'Inleiding'),
      s('aanleiding', 'Aanleiding', 'melding'),
      s('afspraak', 'Datum, tijd en plaats'),
      s('bijstand', 'Bijstand en verslag'),
      s('verhinderd', 'Als het tijdstip niet past'),
    ],
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
    secties: [
      s('inleiding', 'Inleiding'),
      feiten,
      regels,
      toelichting,
      s('geendisciplinair', 'Geen disciplinaire maatregel'),
      s('herhaling', 'Gevolgen van herhaling'),
      s('reactie', 'Reactie van de medewerker'),
      slot,
    ],
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
      s('schorsing', 'Duur en salaris tijdens de schorsing', 'personeel_schorsing'),
      toelichting,
      s('zienswijze', 'Zienswijze en bijstand'),
      s('vervolg', 'Hoe het verder gaat'),
      slot,
    ],
    vermelding: ['Aangetekend', 'Persoonlijk en vertrouwelijk'],
    meldingVerplicht: true,
    namens: true,
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
      s('voornemenbrief', 'De brief over het voornemen', 'voornemen_brief'),
      s('feiten', 'Wat er is gebeurd'),
      regels,
      s('zienswijze', 'Uw zienswijze', 'zienswijze_gegeven'),
      s('verslag', 'Verslag van de zienswijze', 'zienswijze_verslag'),
      s('reactie', 'Reactie op de zienswijze', 'zienswijze_gegeven'),
      s('geenzienswijze', 'Geen zienswijze ontvangen', 'geen_zienswijze'),
      s('toelichting', 'Toelichting bij de maatregel', 'toelichting_zonder_zienswijze'),
      s('schorsing', 'Duur en salaris tijdens de schorsing', 'personeel_schorsing'),
      s('dossier', 'Personeelsdossier'),
      s('beroep', 'Beroep'),
      s('herhaling', 'Gevolgen van herhaling'),
      slot,
    ],
    vermelding: ['Aangetekend', 'Persoonlijk en vertrouwelijk'],
    meldingVerplicht: true,
    namens: true,
  },
  {
    soort: 'vastlegging_vertrouwensinspecteur',
    doel: 'dossier',
    bron: 'report',
    instanties: ['vertrouwensinspecteur'],
    groups: ['algemeen', 'persoon', 'melding', 'externemelding'],
    varianten: ONE,
    secties: [
      s('inleiding', 'Inleiding'),
      s('gegevens', 'Gegevens van het contact'),
      s('aanleiding', 'Het voorval'),
      s('afspraken', 'Wat is besproken en afgesproken'),
      slot,
    ],
    vermelding: ['Vertrouwelijk'],
  },
  {
    soort: 'vastlegging_aangifte',
    doel: 'dossier',
    bron: 'report',
    instanties: ['politie'],
    groups: ['algemeen', 'persoon', 'melding', 'externemelding'],
    varianten: ONE,
    secties: [
      s('inleiding', 'Inleiding'),
      s('gegevens', 'Gegevens van de aangifte of melding'),
      s('aanleiding', 'Het voorval'),
      s('afspraken', 'Toelichting en vervolg'),
      slot,
    ],
    vermelding: ['Vertrouwelijk'],
  },
];

export const KINDS: Record<LetterKind, KindDef> = Object.fromEntries(
  defs.map((d) => [d.soort, { ...d, titel: LETTER_KIND_LABEL[d.soort].nl }]),
) as Record<LetterKind, KindDef>;

/** Every kind as the contract describes it (letters.kinds): the renderer asks, it does not guess. */
export const kindInfos = (): LetterKindInfo[] =>
  LETTER_KINDS.map((soort) => {
    const k = KINDS[soort];
    return {
      soort,
      titel: k.titel,
      bron: k.bron,
      afspraak: !!k.afspraak,
      maatregelen: k.maatregelen ? [...k.maatregelen] : null,
      instanties: k.instanties ? [...k.instanties] : null,
    };
  });

/** The section codes of a kind, "betreft" (the subject line) first. */
export const sectionCodes = (k: KindDef): string[] => ['betreft', ...k.secties.map((x) => x.code)];
