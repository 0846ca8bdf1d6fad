// The lock: after the configured idle time, on Ctrl+L or from a "Nu vergrendelen" button
// the pages are UNMOUNTED and only the lock screen remains, so no data stays in the window. The core
// keeps the lock too (trust.lock), so reloading the window comes back locked.
import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { notifications } from '@mantine/notifications';
import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import type { LockStatus } from '@shared/api/trust';
import { useIdleLock } from './useIdleLock';
import { LockScreen } from './LockScreen';
import './lock.css';

interface LockApi {
  status: LockStatus | null;
  lock: () => Promise<void>;
  /** After a settings change (idle minutes, passphrase). */
  refresh: () => Promise<void>;
}

const LockCtx = createContext<LockApi | null>(null);

export function useLock(): LockApi {
  const c = useContext(LockCtx);
  if (!c) throw new Error('useLock outside LockGate');
  return c;
}

export function LockGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation('trust');
  const [status, setStatus] = useState<LockStatus | null>(null);
  // Nothing below loads data before the lock is known (at start with a passphrase the database is
  // not even open yet); should the question itself fail, the pages show their own error.
  const [asked, setAsked] = useState(false);

  const refresh = useCallback(async () => {
    const r = await call('trust.lockStatus', {});
    if (r.ok) setStatus(r.value);
    setAsked(true);
  }, []);

  const lock = useCallback(async () => {
    // Hide at once, whatever the core answers; messages in the corner may name people too.
    setStatus((s) => (s ? { ...s, vergrendeld: true } : s));
    document.body.setAttribute('data-sp-locked', '');
    notifications.clean();
    const r = await call('trust.lock', {});
    if (r.ok) setStatus(r.value);
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useIdleLock(status?.vergrendelNaMinuten ?? null, () => void lock(), !!status && !status.vergrendeld);

  const locked = !!status?.vergrendeld;
  useEffect(() => {
    if (locked) document.body.setAttribute('data-sp-locked', '');
    else document.body.removeAttribute('data-sp-locked');
    return () => document.body.removeAttribute('data-sp-locked');
  }, [locked]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'l') {
        e.preventDefault();
        void lock();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [lock]);

  return (
    <LockCtx.Provider value={{ status, lock, refresh }}>
      {locked ? (
        <LockScreen passphrase={status.wachtwoordIngesteld} onUnlocked={setStatus} />
      ) : asked ? (
        children
      ) : (
        <Center h="100vh">
          <Loader aria-label={t('common:loading')} />
        </Center>
      )}
    </LockCtx.Provider>
  );
}
