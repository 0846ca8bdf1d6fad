// Loads data from the API for a page: value, error and a reload, re-run when the deps change.
import { useCallback, useEffect, useState } from 'react';
import type { ApiError, Result } from '../../../shared/api';

export interface Loaded<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
  setData: (v: T) => void;
}

export function useLoad<T>(fn: (() => Promise<Result<T>>) | null, deps: unknown[]): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(!!fn);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    if (!fn) {
      setLoading(false);
      return;
    }
    let live = true;
    setLoading(true);
    void fn().then((r) => {
      if (!live) return;
      if (r.ok) {
        setData(r.value);
        setError(null);
      } else setError(r.error);
      setLoading(false);
    });
    return () => {
      live = false;
    };
    // The caller's deps decide when to reload; fn is a fresh closure each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload, setData };
}
