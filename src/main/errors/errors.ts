// Errors inside the core are exceptions (CoreError); at the API boundary they become values.
import fs from 'node:fs';
import path from 'node:path';
import { ZodError } from 'zod';
import type { ApiError, ErrorCode } from '@shared/api/result';

export class CoreError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly fields?: Record<string, string>,
    /** The record as stored now, with a CONFLICT over its version (ApiError.huidig). */
    readonly huidig?: unknown,
  ) {
    super(message);
    this.name = 'CoreError';
  }
}

/** A validation failure on one field, with its Dutch message. */
export const fieldError = (field: string, message: string) => new CoreError('VALIDATIE', message, field, { [field]: message });

export const notFound = (what: string) => new CoreError('NIET_GEVONDEN', `${what} bestaat niet (meer).`);

export function zodToApiError(e: ZodError): ApiError {
  const fields: Record<string, string> = {};
  for (const issue of e.issues) {
    const key = issue.path.map(String).join('.') || '_';
    if (!(key in fields)) fields[key] = issue.message;
  }
  const first = Object.keys(fields)[0];
  const n = Object.keys(fields).length;
  const message = n === 1 ? fields[first] : `Controleer ${n} velden: ${fields[first]}`;
  return { code: 'VALIDATIE', message, field: first === '_' ? undefined : first, fields };
}

const NOTHING_SAVED = 'Er is niets opgeslagen of gewijzigd.';

const PERMISSION_CODES = new Set(['EACCES', 'EPERM', 'EROFS']);
// SQLite's own limits on one statement: a search with thousands of words or terms hits them.
const PARSER_LIMIT =
  /too many SQL variables|Expression tree is too large|parser stack overflow|too many terms in compound SELECT|LIKE or GLOB pattern too complex|too many columns|too many FTS5 terms/i;

function writable(folder: string): boolean {
  try {
    fs.accessSync(folder, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** The folder an error is about: the file system names the file, SQLite only the database (folder). */
function folderOf(e: { path?: unknown }, folder: string | undefined): string {
  if (typeof e.path === 'string' && e.path) return path.dirname(path.resolve(e.path));
  return folder ?? 'de gegevensmap';
}

/** The message for a folder the app may not write in (read-only share, wrong owner, locked USB stick). */
const noWriteAccess = (folder: string) =>
  new CoreError(
    'DATABASE',
    `Geen schrijfrechten in ${folder}. Schoolprotocol mag daar niets opslaan; vraag de ICT-beheerder om u schrijfrechten op deze map te geven. ${NOTHING_SAVED}`,
  );

/**
 * A failure of the disk, the file system or SQLite that the school can do something about, as a
 * Dutch CoreError; null for anything else (a bug). `folder` is the data folder, for the messages.
 */
export function systemError(e: unknown, folder?: string): CoreError | null {
  if (!e || typeof e !== 'object') return null;
  const err = e as { code?: unknown; message?: unknown; path?: unknown };
  const code = typeof err.code === 'string' ? err.code : '';
  const message = typeof err.message === 'string' ? err.message : '';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new CoreError('DATABASE', `De database is bezet door een ander programma; probeer het zo opnieuw. ${NOTHING_SAVED}`);
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') {
    return new CoreError(
      'DATABASE',
      `De schijf is vol: maak ruimte vrij op de schijf van ${folderOf(err, folder)} en probeer het opnieuw; er is niets opgeslagen.`,
    );
  }
  if (code.startsWith('SQLITE_READONLY') || PERMISSION_CODES.has(code)) return noWriteAccess(folderOf(err, folder));
  if (code.startsWith('SQLITE_CANTOPEN')) {
    const where = folderOf(err, folder);
    if (folder && !writable(where)) return noWriteAccess(where);
    return new CoreError('DATABASE', `Een bestand in ${where} kan niet worden geopend. Is de schijf nog bereikbaar? ${NOTHING_SAVED}`);
  }
  if (code === 'SQLITE_TOOBIG') return new CoreError('VALIDATIE', `Dit is te groot om op te slaan; maak het kleiner. ${NOTHING_SAVED}`);
  if (code.startsWith('SQLITE_') && PARSER_LIMIT.test(message)) {
    return new CoreError('VALIDATIE', `De zoekopdracht of invoer is te lang of te ingewikkeld; maak hem korter. ${NOTHING_SAVED}`);
  }
  if (code === 'SQLITE_NOMEM') {
    return new CoreError('DATABASE', `De computer heeft te weinig vrij werkgeheugen; sluit andere programma's en probeer het opnieuw. ${NOTHING_SAVED}`);
  }
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') {
    return new CoreError(
      'DATABASE',
      `De schijf met ${folderOf(err, folder)} gaf een lees- of schrijffout. Is de (netwerk)schijf nog bereikbaar? Probeer het opnieuw. ${NOTHING_SAVED}`,
    );
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new CoreError(
      'DATABASE',
      `De database is beschadigd. ${NOTHING_SAVED} Sluit de app en start hem opnieuw: Schoolprotocol legt dan uit hoe u de laatste goede reservekopie terugzet.`,
    );
  }
  return null;
}

export function toApiError(e: unknown, folder?: string): ApiError {
  if (e instanceof CoreError) {
    const error: ApiError = { code: e.code, message: e.message, field: e.field, fields: e.fields };
    if (e.huidig !== undefined) error.huidig = e.huidig;
    return error;
  }
  if (e instanceof ZodError) return zodToApiError(e);
  const sqliteCode = (e as { code?: string })?.code;
  if (sqliteCode === 'SQLITE_CONSTRAINT_UNIQUE' || sqliteCode === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return { code: 'CONFLICT', message: 'Dit record bestaat al.' };
  }
  if (sqliteCode === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    return { code: 'CONFLICT', message: 'Dit verwijst naar iets dat niet bestaat, of wordt nog gebruikt.' };
  }
  const known = systemError(e, folder);
  if (known) return { code: known.code, message: known.message };
  return { code: 'INTERN', message: 'Er ging iets mis in de app; er is niets opgeslagen. Probeer het opnieuw of neem contact op met de ondersteuning.' };
}
