// The caps that keep a hostile or absurd import file from stopping the app, each with headroom over
// real school files, and their Dutch refusals. A file is already at most 20 MB (MAX_BESTAND_BYTES).
// - Rosters: a board with 30,000 people is about 30,000 rows and 10 to 60 columns; an .xlsx of
//   30,000 rows by 15 columns unpacks to about 19 MB and takes about 250 MB to read with exceljs.
// - Zip files (.docx, .xlsx): the protocol .docx in test/fixtures has 17 parts packed at most 7
//   times, that 30,000-row .xlsx 16 parts packed 8 times; a zip bomb packs about 1,000 times.
// - The worker that parses (importThread.ts): 100,000 rows by 15 columns (the row cap) need about
//   700 MB of heap and 10 s; the caps below leave room for slower laptops and wider exports.
import { refuse } from './file';

const n = (x: number) => x.toLocaleString('nl-NL');

/** Data rows of one roster (below the header row); EDEXML: pupils and teachers together. */
export const MAX_RIJEN = 100_000;
/** Columns of one roster. */
export const MAX_KOLOMMEN = 200;

export const ZIP = {
  /** Parts (entries) in one .docx or .xlsx. */
  maxOnderdelen: 2_000,
  /** All parts together, unpacked. */
  maxUitgepakt: 100 * 1024 * 1024,
  /**
   * How many times one part, or the whole file, may be packed; checked once the part (or all parts)
   * unpack to more than `ratioVanaf` bytes.
   */
  maxVerhouding: 200,
  ratioVanaf: 1024 * 1024,
};

export interface WorkerLimits {
  /** The worker's V8 heap (old generation), in MB. */
  heapMb: number;
  /** Wall-clock time for one file, worker start included. */
  tijdMs: number;
}

export const WORKER: WorkerLimits = { heapMb: 1536, tijdMs: 90_000 };

/** "Word-bestand" or "Excel-bestand", as the refusals name the file. */
export type ZipSoort = 'Word-bestand' | 'Excel-bestand';

const NIETS = 'Er is niets ingelezen.';
const SPLITS = 'Maak een kleinere export, bijvoorbeeld per school of per locatie.';
const GENERIEK = 'Kies een kleiner bestand, bijvoorbeeld een export per school of per locatie.';
const KLEINER: Record<ZipSoort, string> = {
  'Word-bestand': 'Sla het document op zonder grote afbeeldingen, of als PDF.',
  'Excel-bestand': SPLITS,
};

export const teVeelRijen = () =>
  refuse(
    `Dit bestand heeft meer dan ${n(MAX_RIJEN)} rijen; Schoolprotocol leest hoogstens ${n(MAX_RIJEN)} rijen per bestand. ${SPLITS} ${NIETS}`,
  );

export const teVeelKolommen = (aantal: number) =>
  refuse(
    `Dit bestand heeft ${n(aantal)} kolommen; Schoolprotocol leest hoogstens ${n(MAX_KOLOMMEN)} kolommen. Laat in de export de kolommen weg die niet nodig zijn. ${NIETS}`,
  );

export const teVeelPersonen = () =>
  refuse(
    `Dit EDEXML-bestand bevat meer dan ${n(MAX_RIJEN)} leerlingen en leerkrachten; Schoolprotocol leest hoogstens ${n(MAX_RIJEN)} personen per bestand. ${SPLITS} ${NIETS}`,
  );

export const zipTeVeelOnderdelen = (soort: ZipSoort, aantal: number) =>
  refuse(
    `Dit ${soort} is niet geopend: het bestaat uit ${n(aantal)} ingepakte onderdelen, meer dan de ${n(ZIP.maxOnderdelen)} die Schoolprotocol toestaat. Sla het opnieuw op vanuit ${soort === 'Word-bestand' ? 'Word' : 'Excel'}. ${NIETS}`,
  );

export const zipTeGroot = (soort: ZipSoort) =>
  refuse(
    `Dit ${soort} is niet geopend: uitgepakt is het groter dan ${n(ZIP.maxUitgepakt / 1024 / 1024)} MB, de grens die Schoolprotocol aanhoudt. ${KLEINER[soort]} ${NIETS}`,
  );

export const zipTeSterkIngepakt = (soort: ZipSoort) =>
  refuse(
    `Dit ${soort} is niet geopend: het is (of een deel ervan is) meer dan ${n(ZIP.maxVerhouding)} keer zo sterk ingepakt als gewone bestanden; zo werkt een zogenoemde zip-bom. ${NIETS}`,
  );

export const teLang = (ms: number) =>
  refuse(`Het inlezen van dit bestand duurde langer dan ${n(Math.round(ms / 1000))} seconden en is afgebroken. ${GENERIEK} ${NIETS}`);

export const teVeelGeheugen = () => refuse(`Het inlezen van dit bestand vroeg te veel geheugen en is afgebroken. ${GENERIEK} ${NIETS}`);
