// What crosses every door: a result is data, never a thrown object (The API contract).

export type ErrorCode =
  | 'VALIDATIE' // input does not match the method's schema or a domain rule
  | 'NIET_GEVONDEN' // the record does not exist (any more)
  | 'CONFLICT' // the change clashes with existing data (duplicate, still referenced, …)
  | 'REGEL' // a hard rule of the protocol or the law refuses the change
  | 'ONBEKENDE_METHODE'
  | 'GEEN_TOEGANG'
  | 'DATABASE' // the database cannot be opened (wrong key, damaged, newer version)
  | 'INTERN'; // a bug: logged, shown as a generic message

export interface ApiError {
  code: ErrorCode;
  /** A Dutch sentence a school leader understands. */
  message: string;
  /** The first field at fault, as a dotted path (e.g. "personen.0.rol"). */
  field?: string;
  /** Every field at fault with its Dutch message. */
  fields?: Record<string, string>;
  /**
   * With a CONFLICT over a record's version (someone saved it after the form was loaded): the
   * record as it is stored now, with its new `versie`, so the form can show both versions.
   */
  huidig?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: ApiError): Result<never> => ({ ok: false, error });
