// Errors inside the core are exceptions (CoreError); at the API boundary they become values.
import { ZodError } from 'zod';
import type { ApiError, ErrorCode } from '../../shared/api/result';

export class CoreError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly fields?: Record<string, string>,
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

export function toApiError(e: unknown): ApiError {
  if (e instanceof CoreError) return { code: e.code, message: e.message, field: e.field, fields: e.fields };
  if (e instanceof ZodError) return zodToApiError(e);
  const sqliteCode = (e as { code?: string })?.code;
  if (sqliteCode === 'SQLITE_CONSTRAINT_UNIQUE' || sqliteCode === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return { code: 'CONFLICT', message: 'Dit record bestaat al.' };
  }
  if (sqliteCode === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    return { code: 'CONFLICT', message: 'Dit verwijst naar iets dat niet bestaat, of wordt nog gebruikt.' };
  }
  if (sqliteCode === 'SQLITE_FULL') return { code: 'DATABASE', message: 'De schijf is vol; er is niets opgeslagen.' };
  return { code: 'INTERN', message: 'Er ging iets mis in de app; er is niets opgeslagen. Probeer het opnieuw of neem contact op met de ondersteuning.' };
}
