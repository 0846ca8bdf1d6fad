// What every page may need about the app: the status (school present, today, school year) and the
// school (its sector decides the words: groep or klas, leerling or student).
import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { callOrThrow } from '../api/client';
import type { AppStatus, School } from '@shared/api/school';
import { SECTOR_WOORDEN } from '@shared/domain';

interface AppState {
  status: AppStatus | null;
  school: School | null;
  error: string | null;
  refresh: () => Promise<void>;
}

const Ctx = createContext<AppState | null>(null);

export function AppProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<AppStatus | null>(null);
  const [school, setSchool] = useState<School | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      const s = await callOrThrow('app.status', {});
      setStatus(s);
      setSchool(s.hasSchool ? await callOrThrow('school.get', {}) : null);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return <Ctx.Provider value={{ status, school, error, refresh }}>{children}</Ctx.Provider>;
}

export function useApp(): AppState {
  const c = useContext(Ctx);
  if (!c) throw new Error('useApp outside AppProvider');
  return c;
}

/** The sector's own words for a pupil and a group (docs/LAW.md, who receives a decision); PO words until a school exists. */
export function useSectorWords() {
  const { school } = useApp();
  return SECTOR_WOORDEN[school?.sector ?? 'PO'];
}
