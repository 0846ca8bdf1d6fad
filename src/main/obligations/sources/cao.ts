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
    url: 'https://www.holla.nl/nieuws/disciplinaire-maatregelen-in-het-onderwijs-de-verschillende-soorten-1-3/',
  },
  'cao.po.procedure': {
    citaat: 'CAO PO, voornemen en zienswijze',
    kern: 'Een voorgenomen disciplinaire maatregel of schorsing gaat per aangetekende brief en met redenen naar de medewerker, die binnen drie weken zijn zienswijze kan geven, vóór het besluit ("binnen drie weken … zoals voorgeschreven in de cao po", Commissie van beroep 12 juni 2014, 106138); een verlenging is een nieuw besluit. Het besluit noemt het cao-artikel en de duur van een schorsing en voegt geen gronden toe aan die uit de voornemenbrief (Commissie van beroep 14 maart 2014, 106010). Het artikelnummer in de CAO PO 2025-2026 is niet nagelezen.',
    url: 'https://onderwijsgeschillen.nl/uitspraken/beroep-tegen-schorsing-als-ordemaatregel-po',
  },
  'cao.po.schorsing': {
    citaat: 'CAO PO, schorsing',
    kern: 'Schorsen kan als dat dringend noodzakelijk is in het belang van de instelling, na voornemen per aangetekende brief en zienswijze; een schorsing duurt in beginsel ten hoogste vier weken. De CAO PO kent de schorsing als ordemaatregel (art. 12.1 lid 1 noemt "schorsing als ordemaatregel" naast de disciplinaire maatregelen). Het artikelnummer in de CAO PO 2025-2026 is niet nagelezen.',
    url: 'https://www.holla.nl/nieuws/disciplinaire-maatregelen-in-het-onderwijs-de-schorsing-2-3',
  },
  'cao.po.beroep': {
    citaat: 'CAO PO art. 12.1 lid 1 en 5',
    kern: 'Tegen een disciplinaire maatregel (behalve ontslag) en een schorsing als ordemaatregel kan de werknemer in beroep bij de Commissie van beroep funderend onderwijs, die bindend uitspreekt; sinds 1 januari 2020 (Wnra) ook in het openbaar onderwijs, en het (voortgezet) speciaal onderwijs valt onder de CAO PO.',
    url: `${OG}/commissie/commissie-van-beroep-funderend-onderwijs`,
  },
  'cao.vo.procedure': {
    citaat: 'CAO VO, verweer vóór het besluit – artikel niet nagelezen',
    kern: 'Vóór een disciplinaire maatregel of schorsing, en vóór elke verlenging van een schorsing, moet de werknemer zich kunnen verweren; termijn en vorm zijn niet in de CAO VO-tekst nagelezen, de app houdt de drie weken en de aangetekende brief van de CAO PO aan.',
    url: `${OG}/uitspraken/bezwaar-tegen-verlengde-schorsing-gegrond-een-verlenging-een-nieuw-besluit-tot-schorsing`,
  },
  'cao.vo.schorsing': {
    citaat: 'CAO VO, schorsing – duur niet nagelezen',
    kern: 'De maximale duur van een schorsing is niet in de CAO VO-tekst nagelezen (de Commissie van beroep aanvaardde in 2019 een schorsing als ordemaatregel van ten hoogste drie maanden); de app houdt ten hoogste vier weken per besluit aan, langer met een vastgelegde reden.',
    url: `${OG}/uitspraken/bezwaar-tegen-verlengde-schorsing-gegrond-een-verlenging-een-nieuw-besluit-tot-schorsing`,
  },
  'cao.vo.beroep': {
    citaat: 'CAO VO art. 19 lid 1 en 5',
    kern: 'Tegen een disciplinaire maatregel (behalve ontslag) en een schorsing kan de werknemer in beroep bij de Commissie van beroep funderend onderwijs, die bindend uitspreekt; sinds 1 januari 2020 (Wnra) ook in het openbaar onderwijs.',
    url: `${OG}/commissie/commissie-van-beroep-funderend-onderwijs`,
  },
  'cao.schorsing.salaris': {
    citaat: 'Onderwijsblad (AOb), "Schorsing", 15 december 2012',
    kern: 'Een schorsing als ordemaatregel gaat altijd met behoud van salaris. Voor een schorsing als disciplinaire maatregel in de CAO VO en de CAO MBO is het salaris niet in de cao-tekst nagelezen; de brieven zeggen in elke sector dat het salaris doorloopt (de lezing die de medewerker beschermt). Inhouding van salaris is een eigen maatregel.',
    url: 'https://onderwijsblad.nl/article.asp?ArtikelID=9712',
  },
  'cao.beroep.adres': {
    citaat: 'Onderwijsgeschillen, postadres',
    kern: 'De commissies van beroep (funderend onderwijs en mbo) zijn ondergebracht bij Onderwijsgeschillen, Postbus 85191, 3508 AD Utrecht; het besluit noemt dit adres bij de beroepsmogelijkheid.',
    url: `${OG}/content/klacht-indienen`,
  },
  'cao.funderend.beroepstermijn': {
    citaat: 'Commissie van beroep funderend onderwijs, beroepstermijn',
    kern: 'Beroep moet binnen zes weken na het besluit worden ingesteld; het besluit vermeldt die termijn en het adres van de Commissie. Het reglement van de Commissie zelf is niet nagelezen.',
    url: `${OG}/uitspraken/het-beroep-niet-ontvankelijk-wegens-overschrijding-van-de-beroepstermijn`,
  },
  'cao.mbo.procedure': {
    citaat: 'CAO MBO, voornemen en zienswijze – artikel niet nagelezen',
    kern: 'Vóór een disciplinaire maatregel of een schorsing, en vóór elke verlenging, moet de werknemer zijn zienswijze kunnen geven vóór een in het voornemen genoemde datum; termijn en vorm zijn niet in de CAO MBO-tekst nagelezen, de app houdt drie weken en een aangetekende brief aan.',
    url: `${OG}/uitspraken/beroepen-tegen-schorsing-als-disciplinaire-maatregel-en-verlenging-daarvan-gegrond-omdat`,
  },
  'cao.mbo.schorsing': {
    citaat: 'CAO MBO, schorsing – duur niet nagelezen',
    kern: 'De maximale duur van een schorsing (als ordemaatregel art. 2.7 lid 1 in de cao van 2018) is niet in de CAO MBO-tekst nagelezen; de app houdt ten hoogste vier weken per besluit aan, langer met een vastgelegde reden, en elke verlenging is een nieuw besluit met een nieuwe zienswijze.',
    url: 'https://onderwijsgeschillen.nl/uitspraken/beroep-tegen-schorsing-als-ordemaatregel-en-verlenging-daarvan-gegrond-omdat-de-werknemer',
  },
  'cao.mbo.beroep': {
    citaat: 'CAO MBO art. 12.2 lid 2',
    kern: 'Tegen een disciplinaire maatregel (behalve ontslag) en een schorsing als ordemaatregel kan de werknemer in beroep bij de Commissie van beroep mbo, die bindend uitspreekt; alle mbo-instellingen zijn bijzonder, dus de Wnra veranderde deze route niet.',
    url: `${OG}/commissie/commissie-van-beroep-mbo`,
  },
  'cao.mbo.beroepstermijn': {
    citaat: 'Reglement Commissie van beroep mbo art. 2 lid 3 en 5',
    kern: 'Het beroepschrift moet binnen zes weken worden ingediend, gerekend vanaf de dag na die waarop het besluit aan de werknemer is verzonden of persoonlijk uitgereikt, via het digitale loket (Zaaksysteem) op www.onderwijsgeschillen.nl. De commissie is die van art. 12.2 cao mbo.',
    url: `${OG}/commissie/commissie-van-beroep-mbo/reglement`,
  },
  'cao.onbekend': {
    citaat: 'CAO – sector van de school niet ingevuld',
    kern: 'Zonder de sector van de school kiest de app geen CAO en volgt zij de strengste nagelezen regels: voornemen per aangetekende brief, drie weken voor de zienswijze, zes weken beroep en ten hoogste vier weken schorsing per besluit.',
    url: null,
  },
  'bw.7:671': {
    citaat: 'BW art. 7:671 lid 1',
    kern: 'De werkgever kan de arbeidsovereenkomst alleen rechtsgeldig opzeggen met schriftelijke instemming van de werknemer, na toestemming (UWV) of om een dringende reden; anders loopt het einde via ontbinding door de kantonrechter.',
    url: wetten(BWB.BW7, '671'),
  },
  'bw.7:677': {
    citaat: 'BW art. 7:677 lid 1',
    kern: 'Ieder der partijen kan de arbeidsovereenkomst onverwijld opzeggen om een dringende reden, onder onverwijlde mededeling van die reden aan de wederpartij.',
    url: wetten(BWB.BW7, '677'),
  },
  'bw.7:678': {
    citaat: 'BW art. 7:678 lid 1',
    kern: 'Een dringende reden voor de werkgever zijn daden, eigenschappen of gedragingen van de werknemer waardoor van de werkgever redelijkerwijs niet kan worden gevergd de arbeidsovereenkomst te laten voortduren.',
    url: wetten(BWB.BW7, '678'),
  },
} satisfies BronMap;
