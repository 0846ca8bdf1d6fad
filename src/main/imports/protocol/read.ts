// Reading a protocol document into a draft for review: extract the lines, split them into
// sections and rules, and read the title and adoption dates.
import { readFile } from '../file';
import type { BestandInput, ProtocolDraft } from '../../../shared/api/imports';
import { extractLines } from './extract';
import { toBlocks } from './blocks';
import { parseProtocol } from './parse';
import { refuse } from '../file';

export async function readProtocolDraft(bestand: BestandInput): Promise<ProtocolDraft> {
  const file = readFile(bestand);
  const { formaat, lines } = await extractLines(file);
  const parsed = parseProtocol(toBlocks(lines));
  if (parsed.secties.length === 0) {
    throw refuse(
      'In dit document zijn geen regels gevonden (geen genummerde lijst, opsomming of artikelen). Controleer of dit het protocol is.',
    );
  }
  return { formaat, bestandsnaam: file.naam, sha256: file.sha256, ...parsed };
}
