// One legal source the engine rests on: an article of a statute, a CAO article, a ruling, or the
// school's own setting. Every obligation, warning and piece of advice names the ids of its sources;
// docs/LAW.md lists the same ids with the same links (a test holds the two together).
export interface Bron {
  /** Short citation as a Dutch reader writes it: "WPO art. 40c". */
  citaat: string;
  /** What the source says, in one plain Dutch sentence (shown under "Grondslag"). */
  kern: string;
  /** The same sentence in English, for the app's English mode (established English legal terms, the Dutch term in brackets where a school leader needs it). */
  kernEn: string;
  /** A stable link to the text (wetten.overheid.nl JCI links, EUR-Lex, the CAO publisher). Null for a school setting. */
  url: string | null;
}

export type BronMap = Record<string, Bron>;

/** Stable JCI link to an article on wetten.overheid.nl. */
export const wetten = (bwb: string, artikel: string) => `https://wetten.overheid.nl/jci1.3:c:${bwb}&artikel=${artikel}`;

/** The BWB ids of the statutes we cite. */
export const BWB = {
  WPO: 'BWBR0003420',
  WEC: 'BWBR0003549',
  WVO2020: 'BWBR0044212',
  WEB: 'BWBR0007625',
  AWB: 'BWBR0005537',
  ATW: 'BWBR0002448',
  LPW: 'BWBR0002628',
  SR: 'BWBR0001854',
  BW1: 'BWBR0002656',
  BW7: 'BWBR0005290',
} as const;
