// Loads data from the API for a page: value, error and a reload, re-run when the deps change.
//
// The one rule for fresh data: every successful WRITE through api/client.ts bumps the data version,
// and every useLoad re-reads when it changes. That refresh is quiet: `loading` stays false and the
// old data stays on screen until the new data arrives (no loader flash, no lost scroll position).
// `loading` is true only for the first load and when the deps change or reload() is called.
//
// Forms that copy loaded data into their own state must not reset() on every new `data` object: a
// write elsewhere on the page would wipe what the user is typing. Take new data with the form's
// rebase() (keeps the fields the user changed) or only when the record id changes; a form that
// copies its initial values once (useState(initial)) is already safe.
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { ApiError, Result } from '@shared/api';
import { getDataVersion, subscribeDataVersion } from '../api/client';

export interface Loaded<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
  setData: (v: T) => void;
}

/** The current data version; re-renders the caller after every successful write. */
export const useDataVersion = (): number => useSyncExternalStore(subscribeDataVersion, getDataVersion);

export function useLoad<T>(fn: (() => Promise<Result<T>>) | null, deps: unknown[]): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(!!fn);
  const [tick, setTick] = useState(0);
  const version = useDataVersion();
  const lastKey = useRef<unknown[] | null>(null);

  useEffect(() => {
    if (!fn) {
      setLoading(false);
      return;
    }
    // Only a new data version (same deps, no reload()): refresh without showing a loader.
    const key = [...deps, tick];
    const prev = lastKey.current;
    const quiet = prev !== null && prev.length === key.length && prev.every((v, i) => Object.is(v, key[i]));
    lastKey.current = key;
    let live = true;
    if (!quiet) setLoading(true);
    void fn().then((r) => {
      if (!live) return;
      if (r.ok) {
        setData(r.value);
        setError(null);
        // A failed quiet refresh keeps what is shown rather than swap a page (or a form being typed
        // in) for an error; the next write or visit tries again.
      } else if (!quiet) setError(r.error);
      setLoading(false);
    });
    return () => {
      live = false;
    };
    // The caller's deps decide when to reload; fn is a fresh closure each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick, version]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload, setData };
}
