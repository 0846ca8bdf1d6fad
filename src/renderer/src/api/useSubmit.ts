// The one way a screen writes: busy while the write runs (a second click meanwhile does nothing),
// the core's Dutch refusal next to the field it names or in a notification, the success
// notification, and fresh lists afterwards (the data version, see api/submit.ts).
//
//   const submit = useSubmit();
//   const save = () => submit.run(() => call('school.save', input), { form: f, error: setFormError, saved: true });
//   <Button loading={submit.busy}>…</Button>
//
// A screen with several buttons passes a key and asks submit.isBusy(key) per button.
import { useCallback, useRef, useState } from 'react';
import type { Result } from '@shared/api';
import { notifyDone, notifyError, notifySaved } from '../components/notify';
import { submitWrite, type Notifier, type SubmitOptions } from './submit';

export type { SubmitOptions } from './submit';

const notifier: Notifier = { saved: notifySaved, done: notifyDone, error: notifyError };

type Key = string | number | boolean;

export interface Submit {
  /** A write is running. */
  busy: boolean;
  /** The key of the running write (true when run without one), or null. */
  busyKey: Key | null;
  isBusy: (key: Key) => boolean;
  /**
   * Runs the write; resolves to its Result, or null when another write of this hook was still
   * running. `concurrent` lets it run alongside (saves of separate rows, each on its own blur).
   */
  run: <T>(write: () => Promise<Result<T>>, opts?: RunOptions<T>) => Promise<Result<T> | null>;
}

export type RunOptions<T> = SubmitOptions<T> & { key?: Key; concurrent?: boolean };

export function useSubmit(): Submit {
  const [busyKey, setBusyKey] = useState<Key | null>(null);
  const running = useRef(0);

  const run = useCallback(async <T>(write: () => Promise<Result<T>>, opts: RunOptions<T> = {}) => {
    if (running.current > 0 && !opts.concurrent) return null;
    running.current += 1;
    setBusyKey(opts.key ?? true);
    try {
      return await submitWrite(write, opts, notifier);
    } finally {
      running.current -= 1;
      if (running.current === 0) setBusyKey(null);
    }
  }, []);

  const isBusy = useCallback((key: Key) => busyKey === key, [busyKey]);
  return { busy: busyKey !== null, busyKey, isBusy, run };
}
