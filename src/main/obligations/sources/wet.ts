// Education law and general administrative law: the sources of the pupil rules (schorsing,
// verwijdering, the notices, objection and decision terms, the sexual-offence path).
import type { BronMap } from './types';
import { BWB, wetten } from './types';

export const WET = {
  'school.instelling': {
    citaat: 'Instelling van de school',
    kern: 'De wet laat dit aan de school over; de school heeft dit zelf zo ingesteld in Instellingen.',
    kernEn: 'The law leaves this to the school; the school has set it this way itself under Settings.',
    url: null,
  },
  // ---- primair onderwijs
  'wpo.40': {
    citaat: 'WPO art. 40 lid 11 en 12',
    kern: 'Vóór een besluit tot verwijdering hoort het bevoegd gezag de betrokken groepsleraar; definitieve verwijdering pas als een andere school de leerling toelaat; een openbare school beslist op bezwaar binnen 4 weken na afloop van de bezwaartermijn.',
    kernEn:
      'Before a decision on expulsion (verwijdering) the school board hears the class teacher involved; final expulsion only once another school admits the pupil; a public school decides on an objection (bezwaar) within 4 weeks after the objection term ends.',
    url: wetten(BWB.WPO, '40'),
  },
  'wpo.40c': {
    citaat: 'WPO art. 40c',
    kern: 'Schorsing met opgave van redenen voor ten hoogste een week; het besluit gaat schriftelijk naar de ouders; een schorsing van meer dan een dag meldt het bevoegd gezag schriftelijk en met redenen bij de inspectie.',
    kernEn:
      'Suspension (schorsing) with reasons for at most one week; the decision goes to the parents in writing; the school board reports a suspension of more than one day to the Education Inspectorate in writing, with reasons.',
    url: wetten(BWB.WPO, '40c'),
  },
  'wpo.63': {
    citaat: 'WPO art. 63',
    kern: 'Bijzondere school: het besluit tot verwijdering gaat schriftelijk en met redenen naar de ouders, na hen te hebben gehoord; bezwaar binnen 6 weken; het bevoegd gezag beslist binnen 4 weken na ontvangst van het bezwaar, na de ouders te hebben gehoord.',
    kernEn:
      'Private (bijzondere) school: the decision on expulsion goes to the parents in writing and with reasons, after hearing them; objection within 6 weeks; the school board decides within 4 weeks after receiving the objection, after hearing the parents.',
    url: wetten(BWB.WPO, '63'),
  },
  'wpo.43': {
    citaat: 'WPO art. 43 lid 4',
    kern: 'Is een verwijdering voorgelegd aan de Geschillencommissie passend onderwijs, dan wordt de termijn voor de beslissing op het bezwaar opgeschort tot de commissie haar oordeel heeft gegeven.',
    kernEn:
      'If an expulsion is put before the Geschillencommissie passend onderwijs (disputes committee for inclusive education), the term for the decision on the objection is suspended until the committee has given its opinion.',
    url: wetten(BWB.WPO, '43'),
  },
  'wpo.4a': {
    citaat: 'WPO art. 4a',
    kern: 'Meldplicht en aangifteplicht: een mogelijk zedendelict door een persoon met taken binnen de school jegens een minderjarige leerling meldt het personeel direct aan het bevoegd gezag; dat overlegt onverwijld met de vertrouwensinspecteur en doet bij een redelijk vermoeden onverwijld aangifte, na de betrokkene en de ouders te hebben ingelicht.',
    kernEn:
      'Duty to report and to file a police report: staff report a possible sexual offence by a person with duties at the school against a minor pupil to the school board at once; the board consults the confidential inspector (vertrouwensinspecteur) without delay and, on a reasonable suspicion, reports to the police without delay, after informing the person concerned and the parents.',
    url: wetten(BWB.WPO, '4a'),
  },
  // ---- voortgezet onderwijs. The WVO 2020 (in force 1 August 2021) took over the rules of the old WVO
  // and the Inrichtingsbesluit WVO; where the new article number could not be checked here, the
  // citation names the old article and links to the Inspectie's page on the rule (docs/LAW.md).
  'vo.schorsing': {
    citaat: 'WVO 2020 (schorsing; voorheen Inrichtingsbesluit WVO art. 13)',
    kern: 'Schorsing met opgave van redenen voor ten hoogste een week, langer alleen zolang het overleg met de inspectie over een voorgenomen definitieve verwijdering loopt; het besluit gaat schriftelijk naar de leerling en (in de laatst nagelezen tekst tot 21 jaar) de ouders; een schorsing van meer dan een dag gaat schriftelijk en met redenen naar de inspectie.',
    kernEn:
      'Suspension with reasons for at most one week, longer only while the consultation with the Inspectorate about an intended final expulsion is under way; the decision goes in writing to the pupil and (in the last text checked, up to age 21) the parents; a suspension of more than one day goes to the Inspectorate in writing, with reasons.',
    url: 'https://www.onderwijsinspectie.nl/onderwerpen/schorsen-en-verwijderen/schorsen-en-verwijderen-voortgezet-onderwijs',
  },
  'wvo.8.15': {
    citaat: 'WVO 2020 art. 8.15 (voorheen WVO art. 27 en Inrichtingsbesluit WVO art. 14)',
    kern: 'Definitieve verwijdering pas na het horen van de leerling en (bij een minderjarige) de ouders, na overleg met de inspectie, en nadat een andere school de leerling toelaat; hangende het overleg mag de leerling worden geschorst.',
    kernEn:
      'Final expulsion only after hearing the pupil and (for a minor) the parents, after consulting the Inspectorate, and once another school admits the pupil; while the consultation runs the pupil may be suspended.',
    url: wetten(BWB.WVO2020, '8.15'),
  },
  'vo.bezwaar': {
    citaat: 'WVO 2020 (beslistermijn bezwaar; voorheen Inrichtingsbesluit WVO art. 15)',
    kern: 'Bezwaar tegen een definitieve verwijdering binnen zes weken; het bevoegd gezag beslist binnen vier weken na ontvangst van het bezwaarschrift, na de leerling en (bij een minderjarige) de ouders te hebben gehoord.',
    kernEn:
      'An objection to a final expulsion within six weeks; the school board decides within four weeks after receiving the notice of objection, after hearing the pupil and (for a minor) the parents.',
    url: 'https://www.onderwijsinspectie.nl/onderwerpen/schorsen-en-verwijderen/schorsen-en-verwijderen-voortgezet-onderwijs',
  },
  'vo.gpo': {
    citaat: 'WVO 2020 (Geschillencommissie passend onderwijs; voorheen WVO art. 27c)',
    kern: 'Legt een ouder of leerling een verwijdering voor aan de Geschillencommissie passend onderwijs, dan wordt de termijn voor de beslissing op het bezwaar opgeschort tot de commissie haar oordeel heeft gegeven.',
    kernEn:
      'If a parent or pupil puts an expulsion before the Geschillencommissie passend onderwijs, the term for the decision on the objection is suspended until the committee has given its opinion.',
    url: 'https://www.onderwijsgeschillen.nl/commissie/geschillencommissie-passend-onderwijs-gpo/procedure',
  },
  'vo.meldplicht': {
    citaat: 'WVO 2020 (meldplicht en aangifteplicht zedenmisdrijven; voorheen WVO art. 3)',
    kern: 'Meldplicht en aangifteplicht bij een mogelijk zedendelict door een persoon met taken binnen de school jegens een minderjarige leerling, als in het primair onderwijs.',
    kernEn:
      'Duty to report and to file a police report for a possible sexual offence by a person with duties at the school against a minor pupil, as in primary education.',
    url: 'https://www.onderwijsinspectie.nl/onderwerpen/vertrouwensinspecteurs/zedenmisdrijven',
  },
  // ---- middelbaar beroepsonderwijs
  'web.1.3.8': {
    citaat: 'WEB art. 1.3.8',
    kern: 'Meldplicht en aangifteplicht bij een mogelijk zedendelict door een persoon met taken binnen de instelling jegens een minderjarige student.',
    kernEn:
      'Duty to report and to file a police report for a possible sexual offence by a person with duties at the institution against a minor student.',
    url: wetten(BWB.WEB, '1.3.8'),
  },
  'web.rechtsbescherming': {
    citaat: 'WEB, gewijzigd door de Wet verbetering rechtsbescherming mbo-studenten (in werking 1 augustus 2023)',
    kern: 'Schorsing van een student voor ten hoogste een week en verwijdering alleen met een zorgvuldige procedure: de student (en bij een minderjarige de ouders) gehoord, een schriftelijk en gemotiveerd besluit, met vermelding van het rechtsmiddel.',
    kernEn:
      'Suspension of a student for at most one week, and expulsion only through a careful procedure: the student (and for a minor the parents) heard, a written decision with reasons, stating the legal remedy.',
    url: 'https://zoek.officielebekendmakingen.nl/dossier/35625',
  },
  'web.8.1.8': {
    citaat: 'WEB art. 8.1.8',
    kern: 'Wordt een student jonger dan 23 zonder startkwalificatie uitgeschreven, dan meldt de instelling dat onverwijld aan de gemeente (leerplicht of RMC).',
    kernEn:
      'When a student under 23 without a basic qualification (startkwalificatie) is deregistered, the institution reports this to the municipality (compulsory education or RMC) without delay.',
    url: wetten(BWB.WEB, '8.1.8'),
  },
  // ---- speciaal en voortgezet speciaal onderwijs
  'wec.40': {
    citaat: 'WEC art. 40 lid 18 tot en met 21',
    kern: 'Vóór een besluit tot verwijdering hoort het bevoegd gezag de betrokken leraar of leraren; definitieve verwijdering pas als een andere school of instelling de leerling toelaat; een openbare school beslist op bezwaar binnen 4 weken na afloop van de bezwaartermijn, na overleg met de inspectie.',
    kernEn:
      'Before a decision on expulsion the school board hears the teacher or teachers involved; final expulsion only once another school or institution admits the pupil; a public school decides on an objection within 4 weeks after the objection term ends, after consulting the Inspectorate.',
    url: wetten(BWB.WEC, '40'),
  },
  'wec.40a': {
    citaat: 'WEC art. 40a',
    kern: 'Schorsing met opgave van redenen voor ten hoogste een week; het besluit gaat schriftelijk naar de ouders (of de meerderjarige leerling); een schorsing van meer dan een dag meldt het bevoegd gezag bij de inspectie.',
    kernEn:
      'Suspension with reasons for at most one week; the decision goes in writing to the parents (or the adult pupil); the school board reports a suspension of more than one day to the Inspectorate.',
    url: wetten(BWB.WEC, '40a'),
  },
  'wec.61': {
    citaat: 'WEC art. 61',
    kern: 'Bijzondere school: het besluit tot verwijdering gaat schriftelijk en met redenen naar de ouders, na hen te hebben gehoord; bezwaar binnen 6 weken; beslissing binnen 4 weken na ontvangst van het bezwaar, na overleg met de inspectie.',
    kernEn:
      'Private (bijzondere) school: the decision on expulsion goes to the parents in writing and with reasons, after hearing them; objection within 6 weeks; decision within 4 weeks after receiving the objection, after consulting the Inspectorate.',
    url: wetten(BWB.WEC, '61'),
  },
  'wec.45': {
    citaat: 'WEC art. 45 lid 4',
    kern: 'Is een verwijdering voorgelegd aan de Geschillencommissie passend onderwijs, dan wordt de termijn voor de beslissing op het bezwaar opgeschort tot de commissie haar oordeel heeft gegeven.',
    kernEn:
      'If an expulsion is put before the Geschillencommissie passend onderwijs, the term for the decision on the objection is suspended until the committee has given its opinion.',
    url: wetten(BWB.WEC, '45'),
  },
  'wec.4a': {
    citaat: 'WEC art. 4a',
    kern: 'Meldplicht en aangifteplicht bij een mogelijk zedendelict door een persoon met taken binnen de school jegens een minderjarige leerling, als in het primair onderwijs.',
    kernEn:
      'Duty to report and to file a police report for a possible sexual offence by a person with duties at the school against a minor pupil, as in primary education.',
    url: wetten(BWB.WEC, '4a'),
  },
  // ---- algemeen bestuursrecht en termijnen
  'awb.3:2': {
    citaat: 'Awb art. 3:2',
    kern: 'Bij de voorbereiding van een besluit vergaart het bestuursorgaan de nodige kennis omtrent de relevante feiten en de af te wegen belangen (zorgvuldigheid).',
    kernEn:
      'When preparing a decision the administrative body gathers the necessary knowledge of the relevant facts and of the interests to be weighed (due care).',
    url: wetten(BWB.AWB, '3:2'),
  },
  'awb.3:45': {
    citaat: 'Awb art. 3:45',
    kern: 'Kan tegen een besluit bezwaar worden gemaakt, dan vermeldt het besluit door wie, binnen welke termijn en bij wie.',
    kernEn: 'If an objection can be made against a decision, the decision states by whom, within what term and to whom.',
    url: wetten(BWB.AWB, '3:45'),
  },
  'awb.4:8': {
    citaat: 'Awb art. 4:8',
    kern: 'Wie door een besluit geraakt wordt en het niet heeft gevraagd, krijgt vooraf de gelegenheid zijn zienswijze te geven.',
    kernEn: 'Anyone affected by a decision who did not apply for it is first given the opportunity to give their view (zienswijze).',
    url: wetten(BWB.AWB, '4:8'),
  },
  'awb.6:7': {
    citaat: 'Awb art. 6:7 en 6:8',
    kern: 'De termijn voor bezwaar is zes weken; hij begint met ingang van de dag na die waarop het besluit is bekendgemaakt.',
    kernEn: 'The term for an objection is six weeks; it starts on the day after the decision was made known.',
    url: wetten(BWB.AWB, '6:7'),
  },
  'awb.7:10': {
    citaat: 'Awb art. 7:10',
    kern: 'Het bestuursorgaan beslist op het bezwaar binnen zes weken (twaalf met een adviescommissie), gerekend vanaf de dag na afloop van de bezwaartermijn; verdagen kan met zes weken.',
    kernEn:
      'The administrative body decides on the objection within six weeks (twelve with an advisory committee), counted from the day after the objection term ends; it can be postponed by six weeks.',
    url: wetten(BWB.AWB, '7:10'),
  },
  'atw.1': {
    citaat: 'Algemene termijnenwet art. 1 en 3',
    kern: 'Een termijn die eindigt op een zaterdag, zondag of algemeen erkende feestdag, loopt door tot en met de eerstvolgende dag die dat niet is.',
    kernEn:
      'A term that ends on a Saturday, Sunday or generally recognised public holiday runs on up to and including the next day that is not.',
    url: wetten(BWB.ATW, '1'),
  },
  'lpw.18': {
    citaat: 'Leerplichtwet 1969 art. 18',
    kern: 'Het hoofd van de school meldt de inschrijving en de uitschrijving van een leerplichtige leerling aan de gemeente (de leerplichtambtenaar).',
    kernEn:
      'The head of the school reports the enrolment and deregistration of a pupil of compulsory school age to the municipality (the compulsory-education officer, leerplichtambtenaar).',
    url: wetten(BWB.LPW, '18'),
  },
} satisfies BronMap;
