// Opening a finished letter (or an export) in the user's word processor with shell.openPath.
// For the letters engineer: return `{ …, openFile: <absolute path> }` from an API method and the
// Electron door opens it after the result arrives (ipc.ts); the browser preview ignores it (the
// renderer offers a download there). Or call openInWordProcessor(path) from Electron-side code.
// Only files inside the app's data folder, of document-like types, are ever opened: a path from
// the renderer or a tampered database can never make the app run a program.
import fs from 'node:fs';
import path from 'node:path';

export const OPENABLE_EXTENSIONS = [
  '.docx',
  '.doc',
  '.odt',
  '.rtf',
  '.pdf',
  '.xlsx',
  '.ods',
  '.csv',
  '.txt',
  '.ics',
  '.png',
  '.jpg',
  '.jpeg',
  '.gif',
  '.webp',
  // The answer to an access request (privacy/inzageBundle.ts): opens in the file manager, runs nothing.
  '.zip',
];

/** Null when the file may be opened, else the Dutch reason. Resolves symlinks before checking. */
export function checkOpenable(file: string, dataDir: string): string | null {
  if (!path.isAbsolute(file)) return 'Dit bestand kan niet worden geopend (geen volledig pad).';
  let real: string;
  let base: string;
  try {
    real = fs.realpathSync(file);
    base = fs.realpathSync(dataDir);
  } catch {
    return 'Het bestand is niet gevonden.';
  }
  if (!real.startsWith(base + path.sep)) return 'Alleen bestanden uit de gegevensmap van Schoolprotocol kunnen worden geopend.';
  if (!OPENABLE_EXTENSIONS.includes(path.extname(real).toLowerCase())) return 'Dit soort bestand opent Schoolprotocol niet.';
  if (!fs.statSync(real).isFile()) return 'Het bestand is niet gevonden.';
  return null;
}

export interface Opener {
  openPath(p: string): Promise<string>;
}

/** Opens the file in its default program; the answer is null on success or the Dutch reason. */
export async function openInWordProcessor(file: string, dataDir: string, shell: Opener): Promise<string | null> {
  const refusal = checkOpenable(file, dataDir);
  if (refusal) return refusal;
  const err = await shell.openPath(fs.realpathSync(file));
  return err ? `Het bestand kon niet worden geopend: ${err}` : null;
}
