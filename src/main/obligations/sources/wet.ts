// Education law and general administrative law: the sources of the pupil rules (schorsing,
// verwijdering, the notices, objection and decision terms, the sexual-offence path).
import type { BronMap } from './types';
import { BWB, wetten } from './types';

export const WET = {
  'school.instelling': {
    citaat: 'Instelling van de school',
    kern: 'De wet laat dit aan de school over; de school heeft dit zelf zo ingesteld in Instellingen.',
    url: null,
  },
  // ---- primair onderwijs
  'wpo.40': {
    citaat: 'WPO art. 40 lid 11 en 12',
    kern: 'Vóór een besluit tot verwijdering hoort het bevoegd gezag de betrokken groepsleraar; definitieve verwijdering pas als een andere school de leerling toelaat; een openbare school beslist op bezwaar binnen 4 weken na afloop van de bezwaartermijn.',
    url: wetten(BWB.WPO, '40'),
  },
  'wpo.40c': {
    citaat: 'WPO art. 40c',
    kern: 'Schorsing met opgave van redenen voor ten hoogste een week; het besluit gaat schriftelijk naar de ouders; een schorsing van meer dan een dag meldt het bevoegd gezag schriftelijk en met redenen bij de inspectie.',
    url: wetten(BWB.WPO, '40c'),
  },
  'wpo.63': {
    citaat: 'WPO art. 63',
    kern: 'Bijzondere school: het besluit tot verwijdering gaat schriftelijk en met redenen naar de ouders, na hen te hebben gehoord; bezwaar binnen 6 weken; het bevoegd gezag beslist binnen 4 weken na ontvangst van het bezwaar, na de ouders te hebben gehoord.',
    url: wetten(BWB.WPO, '63'),
  },
  'wpo.43': {
    citaat: 'WPO art. 43 lid 4',
    kern: 'Is een verwijdering voorgelegd aan de Geschillencommissie passend onderwijs, dan wordt de termijn voor de beslissing op het bezwaar opgeschort tot de commissie haar oordeel heeft gegeven.',
    url: wetten(BWB.WPO, '43'),
  },
  'wpo.4a': {
    citaat: 'WPO art. 4a',
    kern: 'Meldplicht en aangifteplicht: een mogelijk zedendelict door een persoon met taken binnen de school jegens een minderjarige leerling meldt het personeel direct aan het bevoegd gezag; dat overlegt onverwijld met de vertrouwensinspecteur en doet bij een redelijk vermoeden onverwijld aangifte, na de betrokkene en de ouders te hebben ingelicht.',
    url: wetten(BWB.WPO, '4a'),
  },
  // ---- voortgezet onderwijs. The WVO 2020 (in force 1 August 2021) took over the rules of the old WVO
  // and the Inrichtingsbesluit WVO; where the new article number could not be checked here, the
  // citation names the old article and links to the Inspectie's page on the rule (docs/LAW.md).
  'vo.schorsing': {
    citaat: 'WVO 2020 (schorsing; voorheen Inrichtingsbesluit WVO art. 13)',
    kern: 'Schorsing met opgave van redenen voor ten hoogste een week, langer alleen zolang het overleg met de inspectie over een voorgenomen definitieve verwijdering loopt; het besluit gaat schriftelijk naar de leerling en (in de laatst nagelezen tekst tot 21 jaar) de ouders; een schorsing van meer dan een dag gaat schriftelijk en met redenen naar de inspectie.',
    url: 'https://www.onderwijsinspectie.nl/onderwerpen/schorsen-en-verwijderen/schorsen-en-verwijderen-voortgezet-onderwijs',
  },
  'wvo.8.15': {
    citaat: 'WVO 2020 art. 8.15 (voorheen WVO art. 27 en Inrichtingsbesluit WVO art. 14)',
    kern: 'Definitieve verwijdering pas na het horen van de leerling en (bij een minderjarige) de ouders, na overleg met de inspectie, en nadat een andere school de leerling toelaat; hangende het overleg mag de leerling worden geschorst.',
    url: wetten(BWB.WVO2020, '8.15'),
  },
  'vo.bezwaar': {
    citaat: 'WVO 2020 (beslistermijn bezwaar; voorheen Inrichtingsbesluit WVO art. 15)',
    kern: 'Bezwaar tegen een definitieve verwijdering binnen zes weken; het bevoegd gezag beslist binnen vier weken na ontvangst van het bezwaarschrift, na de leerling en (bij een minderjarige) de ouders te hebben gehoord.',
    url: 'https://www.onderwijsinspectie.nl/onderwerpen/schorsen-en-verwijderen/schorsen-en-verwijderen-voortgezet-onderwijs',
  },
  'vo.gpo': {
    citaat: 'WVO 2020 (Geschillencommissie passend onderwijs; voorheen WVO art. 27c)',
    kern: 'Legt een ouder of leerling een verwijdering voor aan de Geschillencommissie passend onderwijs, dan wordt de termijn voor de beslissing op het bezwaar opgeschort tot de commissie haar oordeel heeft gegeven.',
    url: 'https://www.onderwijsgeschillen.nl/commissie/geschillencommissie-passend-onderwijs-gpo/procedure',
  },
  'vo.meldplicht': {
    citaat: 'WVO 2020 (meldplicht en aangifteplicht zedenmisdrijven; voorheen WVO art. 3)',
    kern: 'Meldplicht en aangifteplicht bij een mogelijk zedendelict door een persoon met taken binnen de school jegens een minderjarige leerling, als in het primair onderwijs.',
    url: 'https://www.onderwijsinspectie.nl/onderwerpen/vertrouwensinspecteurs/zedenmisdrijven',
  },
  // ---- middelbaar beroepsonderwijs
  'web.1.3.8': {
    citaat: 'WEB art. 1.3.8',
    kern: 'Meldplicht en aangifteplicht bij een mogelijk zedendelict door een persoon met taken binnen de instelling jegens een minderjarige student.',
    url: wetten(BWB.WEB, '1.3.8'),
  },
  'web.rechtsbescherming': {
    citaat: 'WEB, gewijzigd door de Wet verbetering rechtsbescherming mbo-studenten (in werking 1 augustus 2023)',
    kern: 'Schorsing van een student voor ten hoogste een week en verwijdering alleen met een zorgvuldige procedure: de student (en bij een minderjarige de ouders) gehoord, een schriftelijk en gemotiveerd besluit, met vermelding van het rechtsmiddel.',
    url: 'https://zoek.officielebekendmakingen.nl/dossier/35625',
  },
  'web.8.1.8': {
    citaat: 'WEB art. 8.1.8',
    kern: 'Wordt een student jonger dan 23 zonder startkwalificatie uitgeschreven, dan meldt de instelling dat onverwijld aan de gemeente (leerplicht of RMC).',
    url: wetten(BWB.WEB, '8.1.8'),
  },
  // ---- speciaal en voortgezet speciaal onderwijs
  'wec.40': {
    citaat: 'WEC art. 40 lid 18 tot en met 21',
    kern: 'Vóór een besluit tot verwijdering hoort het bevoegd gezag de betrokken leraar of leraren; definitieve verwijdering pas als een andere school of instelling de leerling toelaat; een openbare school beslist op bezwaar binnen 4 weken na afloop van de bezwaartermijn, na overleg met de inspectie.',
    url: wetten(BWB.WEC, '40'),
  },
  'wec.40a': {
    citaat: 'WEC art. 40a',
    kern: 'Schorsing met opgave van redenen voor ten hoogste een week; het besluit gaat schriftelijk naar de ouders (of de meerderjarige leerling); een schorsing van meer dan een dag meldt het bevoegd gezag bij de inspectie.',
    url: wetten(BWB.WEC, '40a'),
  },
  'wec.61': {
    citaat: 'WEC art. 61',
    kern: 'Bijzondere school: het besluit tot verwijdering gaat schriftelijk en met redenen naar de ouders, na hen te hebben gehoord; bezwaar binnen 6 weken; beslissing binnen 4 weken na ontvangst van het bezwaar, na overleg met de inspectie.',
    url: wetten(BWB.WEC, '61'),
  },
  'wec.45': {
    citaat: 'WEC art. 45 lid 4',
    kern: 'Is een verwijdering voorgelegd aan de Geschillencommissie passend onderwijs, dan wordt de termijn voor de beslissing op het bezwaar opgeschort tot de commissie haar oordeel heeft gegeven.',
    url: wetten(BWB.WEC, '45'),
  },
  'wec.4a': {
    citaat: 'WEC art. 4a',
    kern: 'Meldplicht en aangifteplicht bij een mogelijk zedendelict door een persoon met taken binnen de school jegens een minderjarige leerling, als in het primair onderwijs.',
    url: wetten(BWB.WEC, '4a'),
  },
  // ---- algemeen bestuursrecht en termijnen
  'awb.3:2': {
    citaat: 'Awb art. 3:2',
    kern: 'Bij de voorbereiding van een besluit vergaart het bestuursorgaan de nodige kennis omtrent de relevante feiten en de af te wegen belangen (zorgvuldigheid).',
    url: wetten(BWB.AWB, '3:2'),
  },
  'awb.3:45': {
    citaat: 'Awb art. 3:45',
    kern: 'Kan tegen een besluit bezwaar worden gemaakt, dan vermeldt het besluit door wie, binnen welke termijn en bij wie.',
    url: wetten(BWB.AWB, '3:45'),
  },
  'awb.4:8': {
    citaat: 'Awb art. 4:8',
    kern: 'Wie door een besluit geraakt wordt en het niet heeft gevraagd, krijgt vooraf de gelegenheid zijn zienswijze te geven.',
    url: wetten(BWB.AWB, '4:8'),
  },
  'awb.6:7': {
    citaat: 'Awb art. 6:7 en 6:8',
    kern: 'De termijn voor bezwaar is zes weken; hij begint met ingang van de dag na die waarop het besluit is bekendgemaakt.',
    url: wetten(BWB.AWB, '6:7'),
  },
  'awb.7:10': {
    citaat: 'Awb art. 7:10',
    kern: 'Het bestuursorgaan beslist op het bezwaar binnen zes weken (twaalf met een adviescommissie), gerekend vanaf de dag na afloop van de bezwaartermijn; verdagen kan met zes weken.',
    url: wetten(BWB.AWB, '7:10'),
  },
  'atw.1': {
    citaat: 'Algemene termijnenwet art. 1 en 3',
    kern: 'Een termijn die eindigt op een zaterdag, zondag of algemeen erkende feestdag, loopt door tot en met de eerstvolgende dag die dat niet is.',
    url: wetten(BWB.ATW, '1'),
  },
  'lpw.18': {
    citaat: 'Leerplichtwet 1969 art. 18',
    kern: 'Het hoofd van de school meldt de inschrijving en de uitschrijving van een leerplichtige leerling aan de gemeente (de leerplichtambtenaar).',
    url: wetten(BWB.LPW, '18'),
  },
} satisfies BronMap;
