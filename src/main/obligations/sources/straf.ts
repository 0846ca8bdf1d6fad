// Criminal law and child protection: the sources of the advice on an incident (aangifte, the
// vertrouwensinspecteur, the Meldcode huiselijk geweld en kindermishandeling). Advice only: none of
// these makes the app take a step. The Sr texts as they stand since the Wet seksuele misdrijven
// (1 July 2024), which moved child sexual imagery from art. 240b to art. 252.
import type { BronMap } from './types';
import { BWB, wetten } from './types';

const JEUGDWET = 'BWBR0034925';

export const STRAF = {
  // ---- Wetboek van Strafrecht
  'sr.137c': {
    citaat: 'Sr art. 137c',
    kern: 'Zich in het openbaar opzettelijk beledigend uitlaten over een groep mensen wegens onder meer hun ras, godsdienst of levensovertuiging, seksuele gerichtheid of handicap is strafbaar.',
    url: wetten(BWB.SR, '137c'),
  },
  'sr.137d': {
    citaat: 'Sr art. 137d',
    kern: 'In het openbaar aanzetten tot haat tegen, discriminatie van of geweld tegen mensen wegens onder meer hun ras, godsdienst of levensovertuiging, seksuele gerichtheid of handicap is strafbaar.',
    url: wetten(BWB.SR, '137d'),
  },
  'sr.137e': {
    citaat: 'Sr art. 137e',
    kern: 'Een uitlating die beledigend is voor zo’n groep of aanzet tot haat, discriminatie of geweld openbaar maken of verspreiden is strafbaar.',
    url: wetten(BWB.SR, '137e'),
  },
  'sr.138ab': {
    citaat: 'Sr art. 138ab',
    kern: 'Computervredebreuk: opzettelijk en wederrechtelijk binnendringen in een computer of account, bijvoorbeeld met een geraden of gestolen wachtwoord of een valse hoedanigheid.',
    url: wetten(BWB.SR, '138ab'),
  },
  'sr.139h': {
    citaat: 'Sr art. 139h',
    kern: 'Wederrechtelijk een afbeelding van seksuele aard van iemand maken, of zo’n afbeelding openbaar maken terwijl je weet of redelijkerwijs moet vermoeden dat dat nadelig kan zijn voor de afgebeelde, is strafbaar.',
    url: wetten(BWB.SR, '139h'),
  },
  'sr.231b': {
    citaat: 'Sr art. 231b',
    kern: 'Identiteitsfraude: opzettelijk en wederrechtelijk iemands identificerende persoonsgegevens gebruiken om de eigen identiteit te verhullen of die van de ander te verhullen of te misbruiken, waardoor nadeel kan ontstaan, is strafbaar.',
    url: wetten(BWB.SR, '231b'),
  },
  'sr.252': {
    citaat: 'Sr art. 252',
    kern: 'Een visuele weergave van seksuele aard van iemand die kennelijk jonger is dan achttien jaar maken, bezitten, verspreiden of zich de toegang daartoe verschaffen is strafbaar (tot 1 juli 2024: art. 240b Sr).',
    url: wetten(BWB.SR, '252'),
  },
  'sr.266': {
    citaat: 'Sr art. 266',
    kern: 'Eenvoudige belediging: iemand opzettelijk beledigen, in het openbaar, in diens bijzijn of door een toegestuurd geschrift of afbeelding, is strafbaar.',
    url: wetten(BWB.SR, '266'),
  },
  'sr.269': {
    citaat: 'Sr art. 269',
    kern: 'Belediging wordt alleen vervolgd op klacht van degene die beledigd is (behalve bij een ambtenaar in functie).',
    url: wetten(BWB.SR, '269'),
  },
  'sr.285': {
    citaat: 'Sr art. 285',
    kern: 'Bedreiging met onder meer openlijk geweld, een misdrijf tegen het leven, zware mishandeling, verkrachting, aanranding of brandstichting is strafbaar.',
    url: wetten(BWB.SR, '285'),
  },
  'sr.285b': {
    citaat: 'Sr art. 285b',
    kern: 'Belaging (stalking): stelselmatig opzettelijk inbreuk maken op iemands persoonlijke levenssfeer om die te dwingen of bang te maken is strafbaar.',
    url: wetten(BWB.SR, '285b'),
  },
  'sr.285d': {
    citaat: 'Sr art. 285d',
    kern: 'Doxing: persoonsgegevens van een ander verzamelen, verspreiden of ter beschikking stellen om die ander bang te maken, ernstige overlast aan te doen of ernstig te hinderen in zijn werk is strafbaar (sinds 1 januari 2024).',
    url: wetten(BWB.SR, '285d'),
  },
  // ---- Meldcode huiselijk geweld en kindermishandeling
  'meldcode.wet': {
    citaat: 'WPO art. 4b (WEC art. 5, WEB art. 1.3.9, en de WVO)',
    kern: 'Het bevoegd gezag stelt een meldcode huiselijk geweld en kindermishandeling vast en bevordert de kennis en het gebruik ervan; elke onderwijswet kent deze plicht.',
    url: wetten(BWB.WPO, '4b'),
  },
  'meldcode.besluit': {
    citaat: 'Besluit verplichte meldcode huiselijk geweld en kindermishandeling',
    kern: 'De meldcode bevat ten minste vijf stappen: signalen in kaart brengen, collegiale consultatie en zo nodig Veilig Thuis raadplegen, een gesprek met de betrokkene, wegen met het afwegingskader, en beslissen over melden bij Veilig Thuis en over hulp (afwegingskader sinds 1 januari 2019).',
    url: 'https://zoek.officielebekendmakingen.nl/stb-2013-324.html',
  },
  'meldcode.afwegingskader': {
    citaat: 'Afwegingskader meldcode onderwijs en leerplicht',
    kern: 'Het afwegingskader voor het hele onderwijs (primair tot en met hoger onderwijs) voor stap 4 en 5 van de meldcode: wanneer melden bij Veilig Thuis noodzakelijk is en wanneer de school zelf hulp kan bieden of organiseren.',
    url: 'https://www.huiselijkgeweld.nl/interventies/publicaties/interventies/2018/07/04/afwegingskader-meldcode-onderwijs-en-leerplicht',
  },
  'jeugdwet.1.1': {
    citaat: 'Jeugdwet art. 1.1 (kindermishandeling)',
    kern: 'Kindermishandeling is elke voor een minderjarige bedreigende of gewelddadige interactie van fysieke, psychische of seksuele aard door ouders of anderen van wie het kind afhankelijk of onvrij is, waardoor ernstige schade ontstaat of dreigt.',
    url: wetten(JEUGDWET, '1.1'),
  },
  // ---- the Inspectie
  'inspectie.vertrouwensinspecteur': {
    citaat: 'Inspectie van het Onderwijs, vertrouwensinspecteurs',
    kern: 'De vertrouwensinspecteur adviseert vertrouwelijk bij seksuele intimidatie en seksueel misbruik, psychisch en fysiek geweld, discriminatie en radicalisering; bereikbaar op werkdagen van 08.00 tot 17.00 uur op 0900-111 3 111.',
    url: 'https://www.onderwijsinspectie.nl/onderwerpen/vertrouwensinspecteurs/zedenmisdrijven',
  },
} satisfies BronMap;
