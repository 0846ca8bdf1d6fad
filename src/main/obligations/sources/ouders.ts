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
    kernEn: 'The decision on suspension is made known to the parents in writing.',
    url: wetten(BWB.WPO, '40c'),
  },
  'wpo.63.2': {
    citaat: 'WPO art. 63 lid 2',
    kern: 'Een bijzondere school deelt een besluit tot verwijdering schriftelijk en met redenen mee door toezending of uitreiking aan de ouders, na hen te hebben gehoord.',
    kernEn:
      'A private (bijzondere) school communicates a decision on expulsion in writing and with reasons by sending or handing it to the parents, after hearing them.',
    url: wetten(BWB.WPO, '63'),
  },
  'wec.40a.2': {
    citaat: 'WEC art. 40a lid 2',
    kern: 'Het besluit tot schorsing wordt schriftelijk bekendgemaakt aan de ouders, of aan de leerling zelf als die meerderjarig en handelingsbekwaam is.',
    kernEn: 'The decision on suspension is made known in writing to the parents, or to the pupil if they are an adult with legal capacity.',
    url: wetten(BWB.WEC, '40a'),
  },
  'wec.61.2': {
    citaat: 'WEC art. 61 lid 2',
    kern: 'Een bijzondere school deelt een besluit tot verwijdering schriftelijk en met redenen mee door toezending of uitreiking aan de ouders, na hen te hebben gehoord.',
    kernEn:
      'A private (bijzondere) school communicates a decision on expulsion in writing and with reasons by sending or handing it to the parents, after hearing them.',
    url: wetten(BWB.WEC, '61'),
  },
  'ibwvo.13.2': {
    citaat: 'Inrichtingsbesluit WVO art. 13 lid 2',
    kern: 'Het besluit tot schorsing wordt schriftelijk bekendgemaakt aan de leerling en, zolang die nog geen 21 jaar is, ook aan zijn ouders, voogden of verzorgers.',
    kernEn:
      'The decision on suspension is made known in writing to the pupil and, until the pupil turns 21, also to their parents, guardians or carers.',
    url: wetten(IBWVO, '13'),
  },
  'ibwvo.15.1': {
    citaat: 'Inrichtingsbesluit WVO art. 15 lid 1',
    kern: 'Het besluit tot definitieve verwijdering wordt schriftelijk en met redenen bekendgemaakt aan de leerling en, zolang die nog geen 21 jaar is, ook aan zijn ouders, voogden of verzorgers.',
    kernEn:
      'The decision on final expulsion is made known in writing and with reasons to the pupil and, until the pupil turns 21, also to their parents, guardians or carers.',
    url: wetten(IBWVO, '15'),
  },
  'awb.3:41.1': {
    citaat: 'Awb art. 3:41 lid 1',
    kern: 'Een besluit dat tot belanghebbenden is gericht, wordt bekendgemaakt door het hun toe te sturen of uit te reiken.',
    kernEn: 'A decision addressed to interested parties is made known by sending or handing it to them.',
    url: wetten(BWB.AWB, '3:41'),
  },
  'bw1.233': {
    citaat: 'BW art. 1:233',
    kern: 'Minderjarig is wie nog geen 18 jaar is (en niet gehuwd of geregistreerd partner is of was, en niet meerderjarig is verklaard).',
    kernEn: 'A minor is someone under 18 (who is not and was not married or a registered partner, and has not been declared of age).',
    url: wetten(BWB.BW1, '233'),
  },
  'bw1.245': {
    citaat: 'BW art. 1:245',
    kern: 'Een minderjarige staat onder gezag (ouderlijk gezag of voogdij); wie het gezag heeft, vertegenwoordigt de minderjarige, in en buiten rechte.',
    kernEn:
      'A minor is under authority (parental authority or guardianship); whoever has authority represents the minor, in and out of court.',
    url: wetten(BWB.BW1, '245'),
  },
  'bw1.377c': {
    citaat: 'BW art. 1:377c',
    kern: 'Een ouder zonder gezag krijgt op zijn verzoek informatie over belangrijke feiten en omstandigheden van het kind, tenzij de school die niet ook aan de gezaghebbende ouder zou geven of het belang van het kind zich ertegen verzet.',
    kernEn:
      "A parent without parental authority receives, on request, information about important facts and circumstances of the child, unless the school would not give it to the parent with authority either or the child's interest opposes it.",
    url: wetten(BWB.BW1, '377c'),
  },
  'avg.toestemming': {
    citaat: 'AVG art. 6 lid 1 onder a en art. 7 lid 1',
    kern: 'Zonder wettelijke plicht mag de school gegevens van een meerderjarige leerling alleen met zijn toestemming aan zijn ouders geven, en moet zij die toestemming kunnen aantonen.',
    kernEn:
      "Without a legal duty the school may give data of an adult pupil to their parents only with the pupil's consent, and must be able to prove that consent.",
    url: 'https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:32016R0679',
  },
} satisfies BronMap;
