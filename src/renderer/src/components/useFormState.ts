// Form state without a form library: values, the core's field errors (Dutch, by dotted path), and
// whether anything changed since the last load or save. Nothing typed is lost on an error.
import { useCallback, useMemo, useRef, useState } from 'react';
import type { ApiError } from '@shared/api';

export interface FormState<T extends object> {
  values: T;
  set: <K extends keyof T>(key: K, value: T[K]) => void;
  setValues: (fn: (v: T) => T) => void;
  /** Field errors by dotted path ("naam", "betrokkenen.0.personId"). */
  errors: Record<string, string>;
  /** Error for a field, for a Mantine input's `error` prop. */
  err: (path: string) => string | undefined;
  /** Shows an API error next to its fields; returns the message when no field matched. */
  showError: (e: ApiError) => string | null;
  clearErrors: () => void;
  dirty: boolean;
  /** Takes new values as the saved state (after load or save). */
  reset: (v: T) => void;
  /**
   * The record changed elsewhere (e.g. a measure moved the incident's status): take the new saved
   * state, keeping what the user changed and taking the new value for every field they did not touch.
   */
  rebase: (fresh: T) => void;
}

export function useFormState<T extends object>(initial: T, knownFields?: (path: string) => boolean): FormState<T> {
  const [values, setVals] = useState<T>(initial);
  const [saved, setSaved] = useState<string>(() => JSON.stringify(initial));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const knownRef = useRef(knownFields);
  knownRef.current = knownFields;

  const set = useCallback(<K extends keyof T>(key: K, value: T[K]) => {
    setVals((v) => ({ ...v, [key]: value }));
    setErrors((e) => {
      if (!((key as string) in e)) return e;
      const { [key as string]: _gone, ...rest } = e;
      return rest;
    });
  }, []);

  const setValues = useCallback((fn: (v: T) => T) => setVals(fn), []);

  const showError = useCallback((e: ApiError): string | null => {
    const { fields, message } = formRefusal(e, knownRef.current);
    setErrors(fields);
    return message;
  }, []);

  const reset = useCallback((v: T) => {
    setVals(v);
    setSaved(JSON.stringify(v));
    setErrors({});
  }, []);

  // Stable, so an effect that rebases on newly loaded data does not re-run after every save.
  const savedRef = useRef(saved);
  savedRef.current = saved;
  const rebase = useCallback((fresh: T) => {
    const old = JSON.parse(savedRef.current) as T;
    setVals((cur) => {
      const merged = { ...fresh };
      for (const k of Object.keys(cur) as (keyof T)[]) {
        if (JSON.stringify(cur[k]) !== JSON.stringify(old[k])) merged[k] = cur[k];
      }
      return merged;
    });
    setSaved(JSON.stringify(fresh));
  }, []);

  const dirty = useMemo(() => JSON.stringify(values) !== saved, [values, saved]);
  const err = useCallback((p: string) => errors[p], [errors]);

  return { values, set, setValues, errors, err, showError, clearErrors: () => setErrors({}), dirty, reset, rebase };
}

/**
 * A refusal for a form: the core's messages by field path, and the message left for the form's alert
 * or a notification (null when the form's own fields show a validation refusal).
 */
export function formRefusal(e: ApiError, known?: (path: string) => boolean): { fields: Record<string, string>; message: string | null } {
  const fields = e.fields ?? (e.field ? { [e.field]: e.message } : {});
  const shown = Object.keys(fields).some((p) => (known ? known(p) : true));
  return { fields, message: shown && e.code === 'VALIDATIE' ? null : e.message };
}

/** Form values use "" for empty text inputs; the API turns "" into null. */
export const str = (v: string | null | undefined): string => v ?? '';
