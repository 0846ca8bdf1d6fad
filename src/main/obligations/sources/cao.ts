// Staff disciplinary measures: the education CAOs (PO, VO, MBO), the appeal committees that apply
// them, and the Burgerlijk Wetboek for dismissal. The CAO texts in force could not be read here; where
// an article or term was checked only through the appeal committee or a secondary source, or not at
// all, the entry says so and the rules keep the reading that protects the employee.
import type { BronMap } from './types';
import { BWB, wetten } from './types';

const OG = 'https://www.onderwijsgeschillen.nl';

export const CAO = {
  'cao.po.maatregelen': {
    citaat: 'CAO PO, disciplinaire maatregelen',
    kern: 'De CAO PO kent als disciplinaire maatregelen alleen de schriftelijke berisping en de schorsing, een limitatieve opsomming; een waarschuwing is geen disciplinaire maatregel, tenzij zij naar vorm en inhoud een berisping is. Het artikelnummer in de CAO PO 2025-2026 is niet nagelezen.',
    kernEn:
      'The CAO PO (collective labour agreement for primary education) knows only the written reprimand and the suspension as disciplinary measures, an exhaustive list; a warning is not a disciplinary measure unless in form and content it is a reprimand. The article number in the CAO PO 2025-2026 has not been checked.',
    url: 'https://www.holla.nl/nieuws/disciplinaire-maatregelen-in-het-onderwijs-de-verschillende-soorten-1-3/',
  },
  'cao.po.procedure': {
    citaat: 'CAO PO, voornemen en zienswijze',
    kern: 'Een voorgenomen disciplinaire maatregel of schorsing gaat per aangetekende brief en met redenen naar de medewerker, die binnen drie weken zijn zienswijze kan geven, vóór het besluit ("binnen drie weken … zoals voorgeschreven in de cao po", Commissie van beroep 12 juni 2014, 106138); een verlenging is een nieuw besluit. Het besluit noemt het cao-artikel en de duur van een schorsing en voegt geen gronden toe aan die uit de voornemenbrief (Commissie van beroep 14 maart 2014, 106010). Het artikelnummer in de CAO PO 2025-2026 is niet nagelezen.',
    kernEn:
      'An intended disciplinary measure or suspension goes to the staff member by registered letter with reasons; the staff member can give their view (zienswijze) within three weeks, before the decision ("within three weeks … as prescribed in the cao po", Commissie van beroep 12 June 2014, 106138); an extension is a new decision. The decision names the CAO article and the length of a suspension and adds no grounds to those in the letter of intention (Commissie van beroep 14 March 2014, 106010). The article number in the CAO PO 2025-2026 has not been checked.',
    url: 'https://onderwijsgeschillen.nl/uitspraken/beroep-tegen-schorsing-als-ordemaatregel-po',
  },
  'cao.po.schorsing': {
    citaat: 'CAO PO, schorsing',
    kern: 'Schorsen kan als dat dringend noodzakelijk is in het belang van de instelling, na voornemen per aangetekende brief en zienswijze; een schorsing duurt in beginsel ten hoogste vier weken. De CAO PO kent de schorsing als ordemaatregel (art. 12.1 lid 1 noemt "schorsing als ordemaatregel" naast de disciplinaire maatregelen). Het artikelnummer in de CAO PO 2025-2026 is niet nagelezen.',
    kernEn:
      'Suspension is possible when urgently necessary in the interest of the institution, after an intention by registered letter and the staff member\'s view; a suspension lasts at most four weeks in principle. The CAO PO knows suspension as a measure to keep order (art. 12.1 para. 1 names "schorsing als ordemaatregel" beside the disciplinary measures). The article number in the CAO PO 2025-2026 has not been checked.',
    url: 'https://www.holla.nl/nieuws/disciplinaire-maatregelen-in-het-onderwijs-de-schorsing-2-3',
  },
  'cao.po.beroep': {
    citaat: 'CAO PO art. 12.1 lid 1 en 5',
    kern: 'Tegen een disciplinaire maatregel (behalve ontslag) en een schorsing als ordemaatregel kan de werknemer in beroep bij de Commissie van beroep funderend onderwijs, die bindend uitspreekt; sinds 1 januari 2020 (Wnra) ook in het openbaar onderwijs, en het (voortgezet) speciaal onderwijs valt onder de CAO PO.',
    kernEn:
      'Against a disciplinary measure (except dismissal) and a suspension as a measure to keep order the employee can appeal to the Commissie van beroep funderend onderwijs (appeals committee for primary and secondary education), whose ruling is binding; since 1 January 2020 (Wnra) also in public education, and (secondary) special education falls under the CAO PO.',
    url: `${OG}/commissie/commissie-van-beroep-funderend-onderwijs`,
  },
  'cao.vo.procedure': {
    citaat: 'CAO VO, verweer vóór het besluit – artikel niet nagelezen',
    kern: 'Vóór een disciplinaire maatregel of schorsing, en vóór elke verlenging van een schorsing, moet de werknemer zich kunnen verweren; termijn en vorm zijn niet in de CAO VO-tekst nagelezen, de app houdt de drie weken en de aangetekende brief van de CAO PO aan.',
    kernEn:
      'Before a disciplinary measure or suspension, and before every extension of a suspension, the employee must be able to defend themselves; term and form have not been checked in the CAO VO text, so the app keeps the three weeks and the registered letter of the CAO PO.',
    url: `${OG}/uitspraken/bezwaar-tegen-verlengde-schorsing-gegrond-een-verlenging-een-nieuw-besluit-tot-schorsing`,
  },
  'cao.vo.schorsing': {
    citaat: 'CAO VO, schorsing – duur niet nagelezen',
    kern: 'De maximale duur van een schorsing is niet in de CAO VO-tekst nagelezen (de Commissie van beroep aanvaardde in 2019 een schorsing als ordemaatregel van ten hoogste drie maanden); de app houdt ten hoogste vier weken per besluit aan, langer met een vastgelegde reden.',
    kernEn:
      'The maximum length of a suspension has not been checked in the CAO VO text (in 2019 the Commissie van beroep accepted a suspension as a measure to keep order of at most three months); the app keeps at most four weeks per decision, longer with a recorded reason.',
    url: `${OG}/uitspraken/bezwaar-tegen-verlengde-schorsing-gegrond-een-verlenging-een-nieuw-besluit-tot-schorsing`,
  },
  'cao.vo.beroep': {
    citaat: 'CAO VO art. 19 lid 1 en 5',
    kern: 'Tegen een disciplinaire maatregel (behalve ontslag) en een schorsing kan de werknemer in beroep bij de Commissie van beroep funderend onderwijs, die bindend uitspreekt; sinds 1 januari 2020 (Wnra) ook in het openbaar onderwijs.',
    kernEn:
      'Against a disciplinary measure (except dismissal) and a suspension the employee can appeal to the Commissie van beroep funderend onderwijs, whose ruling is binding; since 1 January 2020 (Wnra) also in public education.',
    url: `${OG}/commissie/commissie-van-beroep-funderend-onderwijs`,
  },
  'cao.schorsing.salaris': {
    citaat: 'Onderwijsblad (AOb), "Schorsing", 15 december 2012',
    kern: 'Een schorsing als ordemaatregel gaat altijd met behoud van salaris. Voor een schorsing als disciplinaire maatregel in de CAO VO en de CAO MBO is het salaris niet in de cao-tekst nagelezen; de brieven zeggen in elke sector dat het salaris doorloopt (de lezing die de medewerker beschermt). Inhouding van salaris is een eigen maatregel.',
    kernEn:
      'A suspension as a measure to keep order always keeps the salary. For a suspension as a disciplinary measure in the CAO VO and the CAO MBO the salary has not been checked in the CAO text; the letters say in every sector that the salary continues (the reading that protects the staff member). Withholding salary is a measure of its own.',
    url: 'https://onderwijsblad.nl/article.asp?ArtikelID=9712',
  },
  'cao.beroep.adres': {
    citaat: 'Onderwijsgeschillen, postadres',
    kern: 'De commissies van beroep (funderend onderwijs en mbo) zijn ondergebracht bij Onderwijsgeschillen, Postbus 85191, 3508 AD Utrecht; het besluit noemt dit adres bij de beroepsmogelijkheid.',
    kernEn:
      'The appeals committees (funderend onderwijs and mbo) are housed at Onderwijsgeschillen, Postbus 85191, 3508 AD Utrecht; the decision names this address with the right of appeal.',
    url: `${OG}/content/klacht-indienen`,
  },
  'cao.funderend.beroepstermijn': {
    citaat: 'Commissie van beroep funderend onderwijs, beroepstermijn',
    kern: 'Beroep moet binnen zes weken na het besluit worden ingesteld; het besluit vermeldt die termijn en het adres van de Commissie. Het reglement van de Commissie zelf is niet nagelezen.',
    kernEn:
      "An appeal must be lodged within six weeks after the decision; the decision states that term and the address of the Commissie. The Commissie's own rules of procedure have not been checked.",
    url: `${OG}/uitspraken/het-beroep-niet-ontvankelijk-wegens-overschrijding-van-de-beroepstermijn`,
  },
  'cao.mbo.procedure': {
    citaat: 'CAO MBO, voornemen en zienswijze – artikel niet nagelezen',
    kern: 'Vóór een disciplinaire maatregel of een schorsing, en vóór elke verlenging, moet de werknemer zijn zienswijze kunnen geven vóór een in het voornemen genoemde datum; termijn en vorm zijn niet in de CAO MBO-tekst nagelezen, de app houdt drie weken en een aangetekende brief aan.',
    kernEn:
      'Before a disciplinary measure or a suspension, and before every extension, the employee must be able to give their view before a date named in the intention; term and form have not been checked in the CAO MBO text, so the app keeps three weeks and a registered letter.',
    url: `${OG}/uitspraken/beroepen-tegen-schorsing-als-disciplinaire-maatregel-en-verlenging-daarvan-gegrond-omdat`,
  },
  'cao.mbo.schorsing': {
    citaat: 'CAO MBO, schorsing – duur niet nagelezen',
    kern: 'De maximale duur van een schorsing (als ordemaatregel art. 2.7 lid 1 in de cao van 2018) is niet in de CAO MBO-tekst nagelezen; de app houdt ten hoogste vier weken per besluit aan, langer met een vastgelegde reden, en elke verlenging is een nieuw besluit met een nieuwe zienswijze.',
    kernEn:
      'The maximum length of a suspension (as a measure to keep order, art. 2.7 para. 1 in the 2018 cao) has not been checked in the CAO MBO text; the app keeps at most four weeks per decision, longer with a recorded reason, and every extension is a new decision with a new view.',
    url: 'https://onderwijsgeschillen.nl/uitspraken/beroep-tegen-schorsing-als-ordemaatregel-en-verlenging-daarvan-gegrond-omdat-de-werknemer',
  },
  'cao.mbo.beroep': {
    citaat: 'CAO MBO art. 12.2 lid 2',
    kern: 'Tegen een disciplinaire maatregel (behalve ontslag) en een schorsing als ordemaatregel kan de werknemer in beroep bij de Commissie van beroep mbo, die bindend uitspreekt; alle mbo-instellingen zijn bijzonder, dus de Wnra veranderde deze route niet.',
    kernEn:
      'Against a disciplinary measure (except dismissal) and a suspension as a measure to keep order the employee can appeal to the Commissie van beroep mbo, whose ruling is binding; all mbo institutions are private, so the Wnra did not change this route.',
    url: `${OG}/commissie/commissie-van-beroep-mbo`,
  },
  'cao.mbo.beroepstermijn': {
    citaat: 'Reglement Commissie van beroep mbo art. 2 lid 3 en 5',
    kern: 'Het beroepschrift moet binnen zes weken worden ingediend, gerekend vanaf de dag na die waarop het besluit aan de werknemer is verzonden of persoonlijk uitgereikt, via het digitale loket (Zaaksysteem) op www.onderwijsgeschillen.nl. De commissie is die van art. 12.2 cao mbo.',
    kernEn:
      'The notice of appeal must be lodged within six weeks, counted from the day after the decision was sent or handed to the employee, through the digital counter (Zaaksysteem) at www.onderwijsgeschillen.nl. The committee is the one of art. 12.2 cao mbo.',
    url: `${OG}/commissie/commissie-van-beroep-mbo/reglement`,
  },
  'cao.onbekend': {
    citaat: 'CAO – sector van de school niet ingevuld',
    kern: 'Zonder de sector van de school kiest de app geen CAO en volgt zij de strengste nagelezen regels: voornemen per aangetekende brief, drie weken voor de zienswijze, zes weken beroep en ten hoogste vier weken schorsing per besluit.',
    kernEn:
      "Without the school's sector the app chooses no CAO and follows the strictest rules it has checked: intention by registered letter, three weeks for the staff member's view, six weeks to appeal and at most four weeks of suspension per decision.",
    url: null,
  },
  'bw.7:671': {
    citaat: 'BW art. 7:671 lid 1',
    kern: 'De werkgever kan de arbeidsovereenkomst alleen rechtsgeldig opzeggen met schriftelijke instemming van de werknemer, na toestemming (UWV) of om een dringende reden; anders loopt het einde via ontbinding door de kantonrechter.',
    kernEn:
      "The employer can only validly give notice with the employee's written consent, after permission (UWV) or for an urgent reason; otherwise the contract ends only through dissolution by the subdistrict court (kantonrechter).",
    url: wetten(BWB.BW7, '671'),
  },
  'bw.7:677': {
    citaat: 'BW art. 7:677 lid 1',
    kern: 'Ieder der partijen kan de arbeidsovereenkomst onverwijld opzeggen om een dringende reden, onder onverwijlde mededeling van die reden aan de wederpartij.',
    kernEn:
      'Either party can terminate the employment contract without delay for an urgent reason, telling the other party that reason without delay.',
    url: wetten(BWB.BW7, '677'),
  },
  'bw.7:678': {
    citaat: 'BW art. 7:678 lid 1',
    kern: 'Een dringende reden voor de werkgever zijn daden, eigenschappen of gedragingen van de werknemer waardoor van de werkgever redelijkerwijs niet kan worden gevergd de arbeidsovereenkomst te laten voortduren.',
    kernEn:
      'An urgent reason for the employer means acts, qualities or conduct of the employee such that the employer cannot reasonably be expected to let the employment contract continue.',
    url: wetten(BWB.BW7, '678'),
  },
} satisfies BronMap;
