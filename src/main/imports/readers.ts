// What the import worker (importWorker.ts) does with a file: its bytes to a protocol draft, or to a
// roster's content (EDEXML records or a table), refusing what is not such a file with a Dutch
// message. Nothing here touches the database: the core plans and writes with the result.
import type { ProtocolDraft } from '@shared/api/imports';
import { isOle, isPdf, isZip, refuse } from './file';
import type { ImportFile } from './file';
import { extractLines } from './protocol/extract';
import { toBlocks } from './protocol/blocks';
import { parseProtocol } from './protocol/parse';
import { isEdexml, readEdexml } from './roster/edexml';
import type { EdexmlContent } from './roster/edexml';
import { readCsv, readXlsx } from './roster/table';
import type { Table } from './roster/table';

export type RosterContent = { kind: 'edexml'; edexml: EdexmlContent } | { kind: 'table'; table: Table };

export async function readProtocolFile(file: ImportFile): Promise<ProtocolDraft> {
  const { formaat, lines } = await extractLines(file);
  const parsed = parseProtocol(toBlocks(lines));
  if (parsed.secties.length === 0) {
    throw refuse(
      'In dit document zijn geen regels gevonden (geen genummerde lijst, opsomming of artikelen). Controleer of dit het protocol is.',
    );
  }
  return { formaat, bestandsnaam: file.naam, sha256: file.sha256, ...parsed };
}

/** Reads the file as EDEXML or as a table; refuses anything else. */
export async function readRosterFile(file: ImportFile): Promise<RosterContent> {
  if (isPdf(file.bytes) || ['pdf', 'doc', 'docx', 'odt'].includes(file.ext)) {
    throw refuse(
      'Dit is een document, geen leerlingenlijst. Kies een CSV-, Excel- (.xlsx) of EDEXML-bestand (.xml). Een protocol leest u in bij "Protocol inlezen".',
    );
  }
  if (isOle(file.bytes) || file.ext === 'xls') {
    throw refuse('Oude Excel-bestanden (.xls) kunnen niet worden gelezen. Open het bestand in Excel en sla het op als .xlsx of als CSV.');
  }
  if (isZip(file.bytes)) {
    if (file.ext !== 'xlsx' && file.ext !== 'xlsm')
      throw refuse(
        `Dit bestand (.${file.ext || '?'}) is een ingepakt bestand, geen lijst. Kies een CSV-, Excel- (.xlsx) of EDEXML-bestand.`,
      );
    return { kind: 'table', table: await readXlsx(file) };
  }
  if (file.ext === 'xlsx') throw refuse('Dit bestand heet .xlsx maar is geen Excel-bestand. Sla het opnieuw op vanuit Excel.');
  if (isEdexml(file)) return { kind: 'edexml', edexml: readEdexml(file) };
  if (!['csv', 'txt', 'tsv', 'tab', ''].includes(file.ext)) {
    throw refuse(
      `Een bestand van het type .${file.ext} kan niet als leerlingenlijst worden ingelezen. Kies een CSV-, Excel- (.xlsx) of EDEXML-bestand (.xml).`,
    );
  }
  return { kind: 'table', table: readCsv(file) };
}

/** What each kind of import reads a file into. */
export interface ImportResults {
  protocol: ProtocolDraft;
  rooster: RosterContent;
}
export type ImportSoort = keyof ImportResults;

/** The readers by the kind of import, as the worker is asked for them. */
export const READERS: { [S in ImportSoort]: (file: ImportFile) => Promise<ImportResults[S]> } = {
  protocol: readProtocolFile,
  rooster: readRosterFile,
};
