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
    kernEn:
      'Publicly and intentionally making insulting statements about a group of people because of, among other things, their race, religion or belief, sexual orientation or disability is a criminal offence.',
    url: wetten(BWB.SR, '137c'),
  },
  'sr.137d': {
    citaat: 'Sr art. 137d',
    kern: 'In het openbaar aanzetten tot haat tegen, discriminatie van of geweld tegen mensen wegens onder meer hun ras, godsdienst of levensovertuiging, seksuele gerichtheid of handicap is strafbaar.',
    kernEn:
      'Publicly inciting hatred of, discrimination against or violence against people because of, among other things, their race, religion or belief, sexual orientation or disability is a criminal offence.',
    url: wetten(BWB.SR, '137d'),
  },
  'sr.137e': {
    citaat: 'Sr art. 137e',
    kern: 'Een uitlating die beledigend is voor zo’n groep of aanzet tot haat, discriminatie of geweld openbaar maken of verspreiden is strafbaar.',
    kernEn:
      'Publishing or spreading a statement that insults such a group or incites hatred, discrimination or violence is a criminal offence.',
    url: wetten(BWB.SR, '137e'),
  },
  'sr.138ab': {
    citaat: 'Sr art. 138ab',
    kern: 'Computervredebreuk: opzettelijk en wederrechtelijk binnendringen in een computer of account, bijvoorbeeld met een geraden of gestolen wachtwoord of een valse hoedanigheid.',
    kernEn:
      'Computer trespass: intentionally and unlawfully entering a computer or account, for example with a guessed or stolen password or a false identity.',
    url: wetten(BWB.SR, '138ab'),
  },
  'sr.139h': {
    citaat: 'Sr art. 139h',
    kern: 'Wederrechtelijk een afbeelding van seksuele aard van iemand maken, of zo’n afbeelding openbaar maken terwijl je weet of redelijkerwijs moet vermoeden dat dat nadelig kan zijn voor de afgebeelde, is strafbaar.',
    kernEn:
      'Unlawfully making an image of a sexual nature of someone, or publishing such an image while knowing or having reason to suspect that this can harm the person shown, is a criminal offence.',
    url: wetten(BWB.SR, '139h'),
  },
  'sr.231b': {
    citaat: 'Sr art. 231b',
    kern: 'Identiteitsfraude: opzettelijk en wederrechtelijk iemands identificerende persoonsgegevens gebruiken om de eigen identiteit te verhullen of die van de ander te verhullen of te misbruiken, waardoor nadeel kan ontstaan, is strafbaar.',
    kernEn:
      "Identity fraud: intentionally and unlawfully using someone's identifying personal data to hide one's own identity or to hide or misuse the other person's, so that harm can result, is a criminal offence.",
    url: wetten(BWB.SR, '231b'),
  },
  'sr.252': {
    citaat: 'Sr art. 252',
    kern: 'Een visuele weergave van seksuele aard van iemand die kennelijk jonger is dan achttien jaar maken, bezitten, verspreiden of zich de toegang daartoe verschaffen is strafbaar (tot 1 juli 2024: art. 240b Sr).',
    kernEn:
      'Making, possessing, spreading or gaining access to a visual depiction of a sexual nature of someone who is evidently under eighteen is a criminal offence (until 1 July 2024: art. 240b Sr).',
    url: wetten(BWB.SR, '252'),
  },
  'sr.266': {
    citaat: 'Sr art. 266',
    kern: 'Eenvoudige belediging: iemand opzettelijk beledigen, in het openbaar, in diens bijzijn of door een toegestuurd geschrift of afbeelding, is strafbaar.',
    kernEn:
      'Simple insult: intentionally insulting someone, in public, in their presence or by a letter or image sent to them, is a criminal offence.',
    url: wetten(BWB.SR, '266'),
  },
  'sr.269': {
    citaat: 'Sr art. 269',
    kern: 'Belediging wordt alleen vervolgd op klacht van degene die beledigd is (behalve bij een ambtenaar in functie).',
    kernEn: 'An insult is only prosecuted on a complaint by the person insulted (except an official on duty).',
    url: wetten(BWB.SR, '269'),
  },
  'sr.285': {
    citaat: 'Sr art. 285',
    kern: 'Bedreiging met onder meer openlijk geweld, een misdrijf tegen het leven, zware mishandeling, verkrachting, aanranding of brandstichting is strafbaar.',
    kernEn:
      'Threatening, among other things, public violence, a crime against life, grievous bodily harm, rape, indecent assault or arson is a criminal offence.',
    url: wetten(BWB.SR, '285'),
  },
  'sr.285b': {
    citaat: 'Sr art. 285b',
    kern: 'Belaging (stalking): stelselmatig opzettelijk inbreuk maken op iemands persoonlijke levenssfeer om die te dwingen of bang te maken is strafbaar.',
    kernEn:
      "Stalking (belaging): systematically and intentionally intruding on someone's private life to force or frighten them is a criminal offence.",
    url: wetten(BWB.SR, '285b'),
  },
  'sr.285d': {
    citaat: 'Sr art. 285d',
    kern: 'Doxing: persoonsgegevens van een ander verzamelen, verspreiden of ter beschikking stellen om die ander bang te maken, ernstige overlast aan te doen of ernstig te hinderen in zijn werk is strafbaar (sinds 1 januari 2024).',
    kernEn:
      "Doxing: collecting, spreading or making available another person's personal data to frighten them, cause them serious nuisance or seriously hinder them in their work is a criminal offence (since 1 January 2024).",
    url: wetten(BWB.SR, '285d'),
  },
  // ---- Meldcode huiselijk geweld en kindermishandeling
  'meldcode.wet': {
    citaat: 'WPO art. 4b (WEC art. 5, WEB art. 1.3.9, en de WVO)',
    kern: 'Het bevoegd gezag stelt een meldcode huiselijk geweld en kindermishandeling vast en bevordert de kennis en het gebruik ervan; elke onderwijswet kent deze plicht.',
    kernEn:
      'The school board adopts a reporting code for domestic violence and child abuse (meldcode) and promotes knowledge and use of it; every education act has this duty.',
    url: wetten(BWB.WPO, '4b'),
  },
  'meldcode.besluit': {
    citaat: 'Besluit verplichte meldcode huiselijk geweld en kindermishandeling',
    kern: 'De meldcode bevat ten minste vijf stappen: signalen in kaart brengen, collegiale consultatie en zo nodig Veilig Thuis raadplegen, een gesprek met de betrokkene, wegen met het afwegingskader, en beslissen over melden bij Veilig Thuis en over hulp (afwegingskader sinds 1 januari 2019).',
    kernEn:
      'The reporting code has at least five steps: map the signals, consult a colleague and if needed Veilig Thuis, talk with the person concerned, weigh with the assessment framework, and decide on reporting to Veilig Thuis and on help (assessment framework since 1 January 2019).',
    url: 'https://zoek.officielebekendmakingen.nl/stb-2013-324.html',
  },
  'meldcode.afwegingskader': {
    citaat: 'Afwegingskader meldcode onderwijs en leerplicht',
    kern: 'Het afwegingskader voor het hele onderwijs (primair tot en met hoger onderwijs) voor stap 4 en 5 van de meldcode: wanneer melden bij Veilig Thuis noodzakelijk is en wanneer de school zelf hulp kan bieden of organiseren.',
    kernEn:
      'The assessment framework for all education (primary up to higher education) for steps 4 and 5 of the reporting code: when reporting to Veilig Thuis is necessary and when the school can offer or arrange help itself.',
    url: 'https://www.huiselijkgeweld.nl/interventies/publicaties/interventies/2018/07/04/afwegingskader-meldcode-onderwijs-en-leerplicht',
  },
  'jeugdwet.1.1': {
    citaat: 'Jeugdwet art. 1.1 (kindermishandeling)',
    kern: 'Kindermishandeling is elke voor een minderjarige bedreigende of gewelddadige interactie van fysieke, psychische of seksuele aard door ouders of anderen van wie het kind afhankelijk of onvrij is, waardoor ernstige schade ontstaat of dreigt.',
    kernEn:
      'Child abuse is any threatening or violent interaction of a physical, psychological or sexual nature towards a minor by parents or others on whom the child depends or to whom it is bound, causing serious harm or threatening to.',
    url: wetten(JEUGDWET, '1.1'),
  },
  // ---- the Inspectie
  'inspectie.vertrouwensinspecteur': {
    citaat: 'Inspectie van het Onderwijs, vertrouwensinspecteurs',
    kern: 'De vertrouwensinspecteur adviseert vertrouwelijk bij seksuele intimidatie en seksueel misbruik, psychisch en fysiek geweld, discriminatie en radicalisering; bereikbaar op werkdagen van 08.00 tot 17.00 uur op 0900-111 3 111.',
    kernEn:
      'The confidential inspector (vertrouwensinspecteur) advises in confidence on sexual harassment and sexual abuse, psychological and physical violence, discrimination and radicalisation; available on working days from 8:00 to 17:00 on 0900-111 3 111.',
    url: 'https://www.onderwijsinspectie.nl/onderwerpen/vertrouwensinspecteurs/zedenmisdrijven',
  },
} satisfies BronMap;
