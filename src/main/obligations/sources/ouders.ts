// Who receives a decision about a pupil: the parents with parental authority, the pupil himself, and
// the parents of an adult pupil only as the law or the pupil's consent allows (rules/geadresseerden.ts).
// Ids name the lid, so they sit next to the article-level ids of wet.ts without clashing.
import type { BronMap } from './types';
import { BWB, wetten } from './types';

/** Inrichtingsbesluit WVO. */
const IBWVO = 'BWBR0005946';

export const OUDERS = {
  'wpo.40c.2': {
    citaat: 'WPO art. 40c lid 2',
    kern: 'Het besluit tot schorsing wordt schriftelijk aan de ouders bekendgemaakt.',
    url: wetten(BWB.WPO, '40c'),
  },
  'wpo.63.2': {
    citaat: 'WPO art. 63 lid 2',
    kern: 'Een bijzondere school deelt een besluit tot verwijdering schriftelijk en met redenen mee door toezending of uitreiking aan de ouders, na hen te hebben gehoord.',
    url: wetten(BWB.WPO, '63'),
  },
  'wec.40a.2': {
    citaat: 'WEC art. 40a lid 2',
    kern: 'Het besluit tot schorsing wordt schriftelijk bekendgemaakt aan de ouders, of aan de leerling zelf als die meerderjarig en handelingsbekwaam is.',
    url: wetten(BWB.WEC, '40a'),
  },
  'wec.61.2': {
    citaat: 'WEC art. 61 lid 2',
    kern: 'Een bijzondere school deelt een besluit tot verwijdering schriftelijk en met redenen mee door toezending of uitreiking aan de ouders, na hen te hebben gehoord.',
    url: wetten(BWB.WEC, '61'),
  },
  'ibwvo.13.2': {
    citaat: 'Inrichtingsbesluit WVO art. 13 lid 2',
    kern: 'Het besluit tot schorsing wordt schriftelijk bekendgemaakt aan de leerling en, zolang die nog geen 21 jaar is, ook aan zijn ouders, voogden of verzorgers.',
    url: wetten(IBWVO, '13'),
  },
  'ibwvo.15.1': {
    citaat: 'Inrichtingsbesluit WVO art. 15 lid 1',
    kern: 'Het besluit tot definitieve verwijdering wordt schriftelijk en met redenen bekendgemaakt aan de leerling en, zolang die nog geen 21 jaar is, ook aan zijn ouders, voogden of verzorgers.',
    url: wetten(IBWVO, '15'),
  },
  'awb.3:41.1': {
    citaat: 'Awb art. 3:41 lid 1',
    kern: 'Een besluit dat tot belanghebbenden is gericht, wordt bekendgemaakt door het hun toe te sturen of uit te reiken.',
    url: wetten(BWB.AWB, '3:41'),
  },
  'bw1.233': {
    citaat: 'BW art. 1:233',
    kern: 'Minderjarig is wie nog geen 18 jaar is (en niet gehuwd of geregistreerd partner is of was, en niet meerderjarig is verklaard).',
    url: wetten(BWB.BW1, '233'),
  },
  'bw1.245': {
    citaat: 'BW art. 1:245',
    kern: 'Een minderjarige staat onder gezag (ouderlijk gezag of voogdij); wie het gezag heeft, vertegenwoordigt de minderjarige, in en buiten rechte.',
    url: wetten(BWB.BW1, '245'),
  },
  'bw1.377c': {
    citaat: 'BW art. 1:377c',
    kern: 'Een ouder zonder gezag krijgt op zijn verzoek informatie over belangrijke feiten en omstandigheden van het kind, tenzij de school die niet ook aan de gezaghebbende ouder zou geven of het belang van het kind zich ertegen verzet.',
    url: wetten(BWB.BW1, '377c'),
  },
  'avg.toestemming': {
    citaat: 'AVG art. 6 lid 1 onder a en art. 7 lid 1',
    kern: 'Zonder wettelijke plicht mag de school gegevens van een meerderjarige leerling alleen met zijn toestemming aan zijn ouders geven, en moet zij die toestemming kunnen aantonen.',
    url: 'https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:32016R0679',
  },
} satisfies BronMap;
