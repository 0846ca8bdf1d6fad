// What happens around one write, without React: run it, and on a refusal put the core's Dutch
// messages where the form shows them (next to the field it names) or else in the form's alert or a
// notification; on success say so. useSubmit (the hook the screens use) adds the busy state.
// Kept free of window and Mantine so the tests run it against a real core under plain Node.
//
// Fresh data is not this module's job: every successful write through api/client.ts `call` bumps
// the data version, and every useLoad list re-reads (src/renderer/src/components/useLoad.ts).
import type { ApiError, Result } from '@shared/api';

export interface SubmitOptions<T> {
  /** A useFormState form: the core's field messages appear next to its fields (showError). */
  form?: { showError: (e: ApiError) => string | null };
  /**
   * A dialog's own field errors: gets the core's field messages (empty when it named no field);
   * a refusal without fields is left as the message.
   */
  fields?: (fields: Record<string, string>) => void;
  /** The message the form shows when the core named a field it shows (e.g. "Controleer de velden"). */
  fieldsShown?: string;
  /** Own mapping of a refusal to the message left over (null: nothing left to show). */
  refusal?: (e: ApiError) => string | null;
  /**
   * Where the message left over goes: the form's alert (cleared when the write starts). Without
   * it, the message becomes a notification.
   */
  error?: (message: string | null) => void;
  /** The title of the failure notification (default: the general error title). */
  errorTitle?: string;
  /** The "Opgeslagen" notification: true for the standard text, or the text (of the saved value). */
  saved?: true | string | ((value: T) => string);
  /** The "Gelukt" notification, with this text. */
  done?: string | ((value: T) => string);
  /** After a successful write and its notification; may be async (busy lasts until it is done). */
  onSuccess?: (value: T) => unknown;
  /** After a refusal, once its messages are shown. */
  onError?: (e: ApiError) => unknown;
  /**
   * Someone else saved the record after the form loaded it (a CONFLICT with the stored record in
   * `huidig`, docs/SERVER.md "Tegelijk bewerken"): the form shows both versions (ConflictDialog)
   * instead of a message; nothing typed is touched.
   */
  conflict?: (e: ApiError & { huidig: unknown }) => unknown;
}

/** The notifications (components/notify.ts in the app; a recorder in the tests). */
export interface Notifier {
  saved: (message?: string) => void;
  done: (message: string) => void;
  error: (message: string, title?: string) => void;
}

/** The message a refusal leaves after the fields took theirs (null: the fields show it all). */
export function refusalMessage<T>(e: ApiError, opts: SubmitOptions<T>): string | null {
  if (opts.refusal) return opts.refusal(e);
  if (opts.form) return opts.form.showError(e) ?? opts.fieldsShown ?? null;
  if (opts.fields) {
    opts.fields(e.fields ?? {});
    return e.fields ? (opts.fieldsShown ?? null) : e.message;
  }
  return e.message;
}

const text = <T>(x: string | ((value: T) => string), value: T): string => (typeof x === 'function' ? x(value) : x);

/** Runs one write and says what came of it; returns the core's Result. */
export async function submitWrite<T>(write: () => Promise<Result<T>>, opts: SubmitOptions<T>, notify: Notifier): Promise<Result<T>> {
  opts.error?.(null);
  const r = await write();
  if (r.ok) {
    if (opts.saved !== undefined) notify.saved(opts.saved === true ? undefined : text(opts.saved, r.value));
    if (opts.done !== undefined) notify.done(text(opts.done, r.value));
    await opts.onSuccess?.(r.value);
    return r;
  }
  if (opts.conflict && r.error.code === 'CONFLICT' && r.error.huidig !== undefined) {
    await opts.conflict({ ...r.error, huidig: r.error.huidig });
    return r;
  }
  const message = refusalMessage(r.error, opts);
  if (opts.error) opts.error(message);
  else if (message) notify.error(message, opts.errorTitle);
  await opts.onError?.(r.error);
  return r;
}
