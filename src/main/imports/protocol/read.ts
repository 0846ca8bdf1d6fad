// Reading a protocol document into a draft for review: extract the lines, split them into
// sections and rules, and read the title and adoption dates (readers.ts, in the import worker).
import { readFile } from '../file';
import type { BestandInput, ProtocolDraft } from '@shared/api/imports';
import { parseInWorker } from '../importThread';

export async function readProtocolDraft(bestand: BestandInput): Promise<ProtocolDraft> {
  return parseInWorker('protocol', readFile(bestand));
}
