// Hostile and absurd import files end in a Dutch refusal, write nothing and leave the core answering:
// a .docx zip bomb (a document.xml that unpacks to more than 1 GB from about 1 MB), one whose sizes
// lie, a zip of 50,000 parts, rosters over the row and column caps (CSV, .xlsx, EDEXML), and files
// that need more time or memory than the import worker is given. The zips are made here, byte by
// byte: no zip library writes a bomb or a lying size.
import zlib from 'node:zlib';
import { setTimeout as sleep } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../support/core';
import { parseInWorker } from '../../src/main/imports/importThread';
import { readFile } from '../../src/main/imports/file';
import { WORKER } from '../../src/main/imports/limits';

let t: TestCore;
beforeEach(() => {
  t = makeTestCore({ now: '2026-11-16T09:00:00Z' });
});
afterEach(() => t.cleanup());

const MB = 1024 * 1024;
const b64 = (naam: string, bytes: Buffer | string) => ({ naam, inhoud: Buffer.from(bytes).toString('base64') });
const count = (table: string) => (t.core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const written = () => ['person', 'audit_log', 'import_run', 'import_bron', 'protocol_version'].map(count);

// ---- a zip writer: parts with their (possibly false) sizes ----

interface Part {
  name: string;
  /** The bytes as stored: raw deflate data (method 8) or the file itself (method 0). */
  data: Buffer;
  method: 0 | 8;
  size: number;
  crc: number;
}

const stored = (name: string, text: string): Part => {
  const data = Buffer.from(text);
  return { name, data, method: 0, size: data.length, crc: zlib.crc32(data) };
};

const deflated = (name: string, data: Buffer): Part => ({
  name,
  data: zlib.deflateRawSync(data),
  method: 8,
  size: data.length,
  crc: zlib.crc32(data),
});

function zip(parts: Part[]): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(p.method, 8);
    h.writeUInt16LE(0x21, 12); // 1 January 1980
    h.writeUInt32LE(p.crc >>> 0, 14);
    h.writeUInt32LE(p.data.length, 18);
    h.writeUInt32LE(p.size, 22);
    h.writeUInt16LE(name.length, 26);
    local.push(h, name, p.data);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(p.method, 10);
    c.writeUInt16LE(0x21, 14);
    c.writeUInt32LE(p.crc >>> 0, 16);
    c.writeUInt32LE(p.data.length, 20);
    c.writeUInt32LE(p.size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += h.length + name.length + p.data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, cd, end]);
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const docxParts = (document: Part) => [
  stored(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  ),
  stored(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  ),
  document,
];

/** One MiB of a single letter: deflate packs it about 1,000 times, as tight as it gets. */
const ONE_LETTER = Buffer.alloc(MB, 'a');

/** One MiB of 16 KiB of pseudo-random letters, repeated: packs about 50 times. */
const VARIED = (() => {
  const block = Buffer.alloc(16 * 1024);
  let x = 2463534242;
  for (let i = 0; i < block.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    block[i] = 97 + ((x >>> 0) % 26);
  }
  return Buffer.concat(Array<Buffer>(64).fill(block));
})();

/**
 * word/document.xml with a paragraph of `mib` times `chunk` (one MiB), deflated: the chunk is
 * deflated once and its deflate blocks repeated (each piece ends on a sync flush, so the pieces
 * join into one valid stream), which is how a bomb is made without ever holding it unpacked.
 */
function bombDocument(mib: number, chunk = ONE_LETTER): Part {
  const head = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>`);
  const tail = Buffer.from('</w:t></w:r></w:p></w:body></w:document>');
  const sync = { finishFlush: zlib.constants.Z_SYNC_FLUSH, level: 9 };
  const packed = zlib.deflateRawSync(chunk, sync);
  let crc = zlib.crc32(head);
  for (let i = 0; i < mib; i++) crc = zlib.crc32(chunk, crc);
  crc = zlib.crc32(tail, crc);
  const data = Buffer.concat([zlib.deflateRawSync(head, sync), ...Array<Buffer>(mib).fill(packed), zlib.deflateRawSync(tail)]);
  return { name: 'word/document.xml', data, method: 8, size: head.length + mib * MB + tail.length, crc };
}

/** A real .docx of `n` numbered rules (about 120 bytes of XML each). */
function protocolDocx(n: number): Buffer {
  const paras = [`<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Regels</w:t></w:r></w:p>`];
  for (let i = 1; i <= n; i++)
    paras.push(`<w:p><w:r><w:t>${i}. Leerlingen gebruiken sociale media respectvol (regel ${i}).</w:t></w:r></w:p>`);
  const xml = Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${paras.join('')}</w:body></w:document>`,
  );
  return zip(docxParts(deflated('word/document.xml', xml)));
}

/** A CSV roster of `rows` pupils (and `extra` more columns, all filled). */
function rosterCsv(rows: number, extra = 0): string {
  const more = Array.from({ length: extra }, (_, i) => `Extra ${i + 1}`);
  const lines = [['Leerlingnummer', 'Roepnaam', 'Achternaam', 'Klas', ...more].join(';')];
  for (let i = 1; i <= rows; i++)
    lines.push([100000 + i, `Naam${i % 997}`, `Jansen${i % 89}`, `${1 + (i % 6)}A`, ...more.map(() => 'x')].join(';'));
  return lines.join('\r\n');
}

/** Tracks whether a promise has settled, without changing it. */
function track<T>(p: Promise<T>) {
  const state = { settled: false };
  void p.then(
    () => (state.settled = true),
    () => (state.settled = true),
  );
  return state;
}

/** Peak resident memory of this process while `p` runs, above what it was when it started. */
async function peakGrowth<T>(p: Promise<T>): Promise<{ result: T; mb: number }> {
  const base = process.memoryUsage.rss();
  let peak = base;
  const s = track(p);
  while (!s.settled) {
    peak = Math.max(peak, process.memoryUsage.rss());
    await sleep(20);
  }
  return { result: await p, mb: (peak - base) / MB };
}

async function refusal(method: 'imports.protocol.read' | 'imports.roster.preview' | 'imports.roster.apply', input: object) {
  const before = written();
  const r = await t.core.invoke(method, input as never);
  if (r.ok) throw new Error(`${method} should have been refused`);
  expect(written()).toEqual(before);
  // The core is alive and answers the next call.
  expect((await t.core.invoke('school.get', {})).ok).toBe(true);
  return r.error;
}

describe('zip files are checked before Word or Excel opens them', () => {
  const BOMB =
    'Dit Word-bestand is niet geopend: het is (of een deel ervan is) meer dan 200 keer zo sterk ingepakt als gewone bestanden; zo werkt een zogenoemde zip-bom. Er is niets ingelezen.';

  it('refuses a .docx whose document.xml unpacks to more than 1 GB, quickly and in bounded memory', async () => {
    const bomb = zip(docxParts(bombDocument(1100)));
    expect(bomb.length).toBeLessThan(1.5 * MB);
    const started = Date.now();
    const { result: error, mb } = await peakGrowth(refusal('imports.protocol.read', { bestand: b64('protocol.docx', bomb) }));
    expect(error).toMatchObject({ code: 'VALIDATIE', field: 'bestand' });
    expect(error.message).toBe(BOMB);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(mb).toBeLessThan(400);
  }, 60_000);

  it('refuses a .docx that unpacks to more than 100 MB, even when no part is packed like a bomb', async () => {
    const big = zip(docxParts(bombDocument(120, VARIED)));
    expect(big.length).toBeLessThan(20_000_000);
    const error = await refusal('imports.protocol.read', { bestand: b64('protocol.docx', big) });
    expect(error.message).toBe(
      'Dit Word-bestand is niet geopend: uitgepakt is het groter dan 100 MB, de grens die Schoolprotocol aanhoudt. Sla het document op zonder grote afbeeldingen, of als PDF. Er is niets ingelezen.',
    );
  }, 60_000);

  it('does not trust declared sizes: a bomb that claims to be small stops while unpacking', async () => {
    const lying = { ...bombDocument(1100), size: 900_000 };
    const { result: error, mb } = await peakGrowth(
      refusal('imports.protocol.read', { bestand: b64('protocol.docx', zip(docxParts(lying))) }),
    );
    expect(error.message).toBe(
      'Dit Word-bestand kan niet worden gelezen. Is het beschadigd of beveiligd? Sla het opnieuw op als .docx of als PDF.',
    );
    expect(mb).toBeLessThan(400);
  }, 60_000);

  it('refuses many small parts that together are packed like a bomb', async () => {
    // 90 parts of 1 MB (too small to be judged one by one), 90 MB together: under the size cap,
    // but the file is packed about 1,000 times.
    const parts = Array.from({ length: 90 }, (_, i) => deflated(`word/deel${i}.xml`, ONE_LETTER.subarray(0, 1_000_000)));
    const file = zip([...docxParts(stored('word/document.xml', `<w:document xmlns:w="${W}"><w:body/></w:document>`)), ...parts]);
    expect((await refusal('imports.protocol.read', { bestand: b64('protocol.docx', file) })).message).toBe(BOMB);
  });

  it('refuses a zip of 50,000 parts, as a protocol and as a roster', async () => {
    const parts = Array.from({ length: 50_000 }, (_, i) => stored(`x/${i}.xml`, ''));
    const many = zip(parts);
    const protocol = await refusal('imports.protocol.read', { bestand: b64('protocol.docx', many) });
    expect(protocol.message).toBe(
      'Dit Word-bestand is niet geopend: het bestaat uit 50.000 ingepakte onderdelen, meer dan de 2.000 die Schoolprotocol toestaat. Sla het opnieuw op vanuit Word. Er is niets ingelezen.',
    );
    const roster = await refusal('imports.roster.preview', { bestand: b64('lijst.xlsx', many) });
    expect(roster.message).toMatch(/^Dit Excel-bestand is niet geopend: het bestaat uit 50\.000 ingepakte onderdelen/);
  }, 60_000);
});

describe('rosters are capped at 100,000 rows and 200 columns', () => {
  const TOO_MANY =
    'Dit bestand heeft meer dan 100.000 rijen; Schoolprotocol leest hoogstens 100.000 rijen per bestand. Maak een kleinere export, bijvoorbeeld per school of per locatie. Er is niets ingelezen.';

  it('reads a board of 30,000 pupils; refuses a CSV of 100,001 and writes nothing', async () => {
    const board = await t.call('imports.roster.preview', { bestand: b64('bestuur.csv', rosterCsv(30_000)) });
    expect(board.aantalRijen).toBe(30_000);
    const input = { bestand: b64('groot.csv', rosterCsv(100_001)), volledig: false, foutRegelsOverslaan: true, onthouden: true };
    expect((await refusal('imports.roster.preview', input)).message).toBe(TOO_MANY);
    expect((await refusal('imports.roster.apply', input)).message).toBe(TOO_MANY);
  }, 60_000);

  it('refuses an .xlsx with more rows than the cap', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Leerlingen');
    ws.addRow(['Leerlingnummer', 'Roepnaam', 'Achternaam']);
    for (let i = 1; i <= 100_011; i++) ws.addRow([String(100000 + i), `Naam${i % 997}`, 'Jansen']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    expect((await refusal('imports.roster.preview', { bestand: b64('groot.xlsx', xlsx) })).message).toBe(TOO_MANY);
  }, 120_000);

  it('refuses an EDEXML file with more than 100,000 pupils and teachers', async () => {
    const pupils = Array.from({ length: 100_001 }, (_, i) => `<leerling key="${i}"><achternaam>Jansen</achternaam></leerling>`);
    const xml = `<?xml version="1.0" encoding="UTF-8"?><EDEX><school><xsdversie>2.1</xsdversie></school><leerlingen>${pupils.join('\n')}</leerlingen></EDEX>`;
    expect((await refusal('imports.roster.preview', { bestand: b64('edex.xml', xml) })).message).toBe(
      'Dit EDEXML-bestand bevat meer dan 100.000 leerlingen en leerkrachten; Schoolprotocol leest hoogstens 100.000 personen per bestand. Maak een kleinere export, bijvoorbeeld per school of per locatie. Er is niets ingelezen.',
    );
  }, 60_000);

  it('refuses a CSV that uses more than 200 columns, but not one with empty columns at the end', async () => {
    const error = await refusal('imports.roster.preview', { bestand: b64('breed.csv', rosterCsv(10, 197)) });
    expect(error.message).toBe(
      'Dit bestand heeft 201 kolommen; Schoolprotocol leest hoogstens 200 kolommen. Laat in de export de kolommen weg die niet nodig zijn. Er is niets ingelezen.',
    );
    // Excel writes a separator for every column that ever had formatting: those stay readable.
    const padded = rosterCsv(10)
      .split('\r\n')
      .map((l) => l + ';'.repeat(500))
      .join('\r\n');
    const p = await t.call('imports.roster.preview', { bestand: b64('opgevuld.csv', padded) });
    expect([p.aantalRijen, p.kolommen.length]).toEqual([10, 4]);
  });
});

describe('files are parsed in a worker with a time limit and a heap cap', () => {
  it('keeps the core answering reads and writes while a large file is read', async () => {
    // Just over the row cap: reading the 100,001 rows takes a while, in the worker.
    const reading = t.core.invoke('imports.roster.preview', { bestand: b64('groot.csv', rosterCsv(100_001, 12)) });
    const r = track(reading);
    let answered = 0;
    let longestWait = 0;
    let last = Date.now();
    while (!r.settled) {
      // A timer first: were the file read on the core's thread, none could fire until it was done.
      await sleep(5);
      const school = await t.core.invoke('school.get', {});
      expect(school.ok).toBe(true);
      if (!r.settled) answered++;
      longestWait = Math.max(longestWait, Date.now() - last);
      last = Date.now();
      if (answered === 1) await t.call('school.save', { naam: 'De Linde', sector: 'VO', regio: 'midden' });
    }
    expect(answered).toBeGreaterThan(3);
    expect(longestWait).toBeLessThan(1500);
    const read = await reading;
    expect(!read.ok && read.error.message).toMatch(/^Dit bestand heeft meer dan 100\.000 rijen/);
    // What was entered while the file was read is kept.
    expect((await t.call('school.get', {}))?.naam).toBe('De Linde');
  }, 60_000);

  it('ends a parse past its time limit in Dutch, and the core goes on', async () => {
    const slow = readFile(b64('protocol.docx', protocolDocx(60_000)));
    await expect(parseInWorker('protocol', slow, { ...WORKER, tijdMs: 2000 })).rejects.toMatchObject({
      code: 'VALIDATIE',
      message:
        'Het inlezen van dit bestand duurde langer dan 2 seconden en is afgebroken. Kies een kleiner bestand, bijvoorbeeld een export per school of per locatie. Er is niets ingelezen.',
    });
    expect((await t.core.invoke('school.get', {})).ok).toBe(true);
  }, 60_000);

  it('ends a parse that needs more than its heap in Dutch (the worker dies, not the core)', async () => {
    const small = { heapMb: 64, tijdMs: 60_000 };
    // A short protocol fits in that heap: it is the file below that does not.
    const draft = await parseInWorker('protocol', readFile(b64('protocol.docx', protocolDocx(20))), small);
    expect(draft.secties.flatMap((s) => s.regels)).toHaveLength(20);
    // About 7 MB of document.xml: within every zip cap, but mammoth needs about 500 MB for it.
    const big = readFile(b64('protocol.docx', protocolDocx(60_000)));
    const { result, mb } = await peakGrowth(
      parseInWorker('protocol', big, small).then(
        () => null,
        (e: unknown) => e,
      ),
    );
    expect(result).toMatchObject({
      code: 'VALIDATIE',
      message:
        'Het inlezen van dit bestand vroeg te veel geheugen en is afgebroken. Kies een kleiner bestand, bijvoorbeeld een export per school of per locatie. Er is niets ingelezen.',
    });
    expect(mb).toBeLessThan(400);
    expect((await t.core.invoke('school.get', {})).ok).toBe(true);
  }, 60_000);
});
