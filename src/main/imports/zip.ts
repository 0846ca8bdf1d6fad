// The zip check that runs before mammoth or exceljs opens a .docx or .xlsx (both unpack the whole
// file into memory). yauzl reads the central directory without unpacking anything, so the number of
// parts, their declared sizes and how strongly each is packed are refused first; then every part is
// unpacked as a stream and counted, because declared sizes can lie: the count stops at the cap
// (yauzl itself errors when a part yields more bytes than it declares). What passes is at most
// ZIP.maxUitgepakt unpacked, whichever parser reads it next.
// For an .xlsx the rows of each worksheet are counted on the way, so a sheet over MAX_RIJEN is
// refused before exceljs builds a million rows.
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { CoreError } from '../errors/errors';
import { refuse } from './file';
import { MAX_RIJEN, teVeelRijen, ZIP, zipTeGroot, zipTeSterkIngepakt, zipTeVeelOnderdelen } from './limits';
import type { ZipSoort } from './limits';

export interface ZipCheck {
  soort: ZipSoort;
  /** The refusal for a file that is not a readable zip. */
  kapot: string;
}

const tooPacked = (uitgepakt: number, ingepakt: number) =>
  uitgepakt > ZIP.ratioVanaf && uitgepakt > ZIP.maxVerhouding * Math.max(ingepakt, 1);

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;
/** A row element, with or without a namespace prefix (<row r="1"> or <x:row>). */
const ROW = /<(?:[A-Za-z_][\w.-]{0,20}:)?row[\s>/]/g;
/** Longer than any match of ROW, so a tag split over two chunks is still found once. */
const CARRY = 32;

/** Counts row elements in a worksheet streamed in chunks (tags are ASCII, so latin1 is exact). */
class RowCounter {
  count = 0;
  private carry = '';
  add(chunk: Buffer): void {
    const text = this.carry + chunk.toString('latin1');
    let lastEnd = 0;
    for (const m of text.matchAll(ROW)) {
      this.count++;
      lastEnd = m.index + m[0].length;
    }
    this.carry = text.slice(Math.max(lastEnd, text.length - CARRY));
  }
}

/** Refuses a zip that is too big, too many parts or too strongly packed; returns when it is safe to parse. */
export async function checkZip(bytes: Buffer, check: ZipCheck): Promise<void> {
  let zip: ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, autoClose: false, validateEntrySizes: true });
  } catch {
    throw refuse(check.kapot);
  }
  try {
    if (zip.entryCount > ZIP.maxOnderdelen) throw zipTeVeelOnderdelen(check.soort, zip.entryCount);
    const entries: Entry[] = [];
    let declared = 0;
    for await (const e of zip.eachEntry()) {
      declared += e.uncompressedSize;
      // One part, or many parts together (each just under ratioVanaf), packed like a bomb.
      if (tooPacked(e.uncompressedSize, e.compressedSize) || tooPacked(declared, bytes.length)) throw zipTeSterkIngepakt(check.soort);
      if (declared > ZIP.maxUitgepakt) throw zipTeGroot(check.soort);
      entries.push(e);
    }
    let total = 0;
    for (const e of entries) {
      if (e.fileName.endsWith('/')) continue;
      const rows = check.soort === 'Excel-bestand' && WORKSHEET.test(e.fileName) ? new RowCounter() : null;
      const stream = await zip.openReadStreamPromise(e);
      let own = 0;
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          own += chunk.length;
          total += chunk.length;
          if (total > ZIP.maxUitgepakt) throw zipTeGroot(check.soort);
          if (tooPacked(own, e.compressedSize) || tooPacked(total, bytes.length)) throw zipTeSterkIngepakt(check.soort);
          rows?.add(chunk);
          // The header may sit below a few title lines (table.ts splitHeader looks at ten).
          if (rows && rows.count > MAX_RIJEN + 10) throw teVeelRijen();
        }
      } finally {
        stream.destroy();
      }
    }
  } catch (e) {
    if (e instanceof CoreError) throw e;
    // Damaged: a bad central directory, a part that yields more or fewer bytes than it declares,
    // encryption or an unknown packing method.
    throw refuse(check.kapot);
  } finally {
    zip.close();
  }
}
