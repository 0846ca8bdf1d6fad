// The name of whoever records a step ("gedaan door"), remembered on this computer so the school
// leader does not type it every time. It is what the dossier shows, next to the audit trail's user.
import { useCallback, useState } from 'react';

const KEY = 'schoolprotocol.naam';

export function useDoerName(): [string, (name: string) => void] {
  const [name, setName] = useState(() => localStorage.getItem(KEY) ?? '');
  const remember = useCallback((n: string) => {
    setName(n);
    if (n.trim()) localStorage.setItem(KEY, n.trim());
  }, []);
  return [name, remember];
}
