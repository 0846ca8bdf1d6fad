// An uploaded file as the imports see it: the bytes (from base64, size-checked), the extension,
// the SHA-256 for the import log, and the text decoding that keeps "Özdemir" and "Chloë" intact
// whether an export is UTF-8, UTF-8 with a byte-order mark or Windows-1252 (Magister's "ANSI").
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fieldError } from '../errors/errors';
import { MAX_BESTAND_BYTES } from '@shared/api/imports';
import type { BestandInput } from '@shared/api/imports';

export interface ImportFile {
  naam: string;
  /** Lower-case extension without the dot: "csv", "xml", "xlsx", "docx", "pdf", "txt". */
  ext: string;
  bytes: Buffer;
  sha256: string;
}

export const refuse = (message: string) => fieldError('bestand', message);

export function readFile(b: BestandInput): ImportFile {
  const bytes = Buffer.from(b.inhoud, 'base64');
  if (bytes.length === 0) throw refuse('Het bestand is leeg.');
  if (bytes.length > MAX_BESTAND_BYTES) throw refuse('Het bestand is groter dan 20 MB. Maak een kleinere export.');
  return {
    naam: b.naam,
    ext: path.extname(b.naam).slice(1).toLowerCase(),
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

/** The file starts like a zip archive (.xlsx and .docx are zip files). */
export const isZip = (bytes: Buffer) =>
  bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
export const isPdf = (bytes: Buffer) => bytes.subarray(0, 5).toString('latin1') === '%PDF-';
/** An old binary Office file (.xls/.doc), which we cannot read. */
export const isOle = (bytes: Buffer) => bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0 && bytes.readUInt32BE(4) === 0xa1b11ae1;

export type Codering = 'utf-8' | 'utf-8-bom' | 'utf-16' | 'windows-1252';

export interface DecodedText {
  text: string;
  codering: Codering;
}

/**
 * Decodes text. A UTF-8 byte-order mark or a UTF-16 one decides; otherwise the bytes are UTF-8 when
 * they are valid UTF-8 (Windows-1252 text with accents almost never is), else Windows-1252.
 */
export function decodeText(bytes: Buffer): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), codering: 'utf-8-bom' };
  }
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return { text: new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2)), codering: 'utf-16' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), codering: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), codering: 'windows-1252' };
  }
}

/** True when text has characters no export or document contains (a binary file renamed). */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 4096);
  if (sample.includes('\u0000')) return true;
  const control = sample.match(/[\u0001-\u0008\u000E-\u001F]/g)?.length ?? 0;
  return control > sample.length / 100 + 2;
}
