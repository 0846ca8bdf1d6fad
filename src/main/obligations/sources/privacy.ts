// Privacy law: the sources of the data-breach register (AVG = Regulation (EU) 2016/679). EUR-Lex
// has one page for the whole regulation; the citation names the article.
import type { BronMap } from './types';

const AVG = 'https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:32016R0679';

export const PRIVACY = {
  'avg.33': {
    citaat: 'AVG art. 33',
    kern: 'Elk datalek wordt gedocumenteerd; een lek meldt de verwerkingsverantwoordelijke zonder onredelijke vertraging en zo mogelijk uiterlijk 72 uur na ontdekking bij de Autoriteit Persoonsgegevens, tenzij het waarschijnlijk geen risico inhoudt voor de betrokkenen.',
    kernEn:
      'Every data breach is documented; the controller reports a breach without undue delay and where possible within 72 hours of discovery to the Dutch Data Protection Authority (Autoriteit Persoonsgegevens), unless it is unlikely to pose a risk to the people concerned.',
    url: AVG,
  },
  'avg.34': {
    citaat: 'AVG art. 34',
    kern: 'Houdt het lek waarschijnlijk een hoog risico in voor de betrokkenen, dan informeert de verwerkingsverantwoordelijke hen onverwijld, in duidelijke taal; niet nodig als de gegevens onbegrijpelijk waren gemaakt (bijvoorbeeld versleuteld), als het hoge risico achteraf is weggenomen, of als het onevenredige inspanning vergt (dan een openbare mededeling) (lid 3).',
    kernEn:
      'If the breach is likely to pose a high risk to the people concerned, the controller informs them without delay, in clear language; not needed if the data had been made unintelligible (for example encrypted), if the high risk has since been removed, or if it takes disproportionate effort (then a public notice) (para. 3).',
    url: AVG,
  },
} satisfies BronMap;
