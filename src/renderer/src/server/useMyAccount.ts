// The logged-in person's own account on the school server (accounts.me), for what the screens show
// by role (docs/SERVER.md, "Wat de rollen mogen"). The core decides what a role may do: this only
// keeps out of sight what it would refuse.
import { useEffect, useState } from 'react';
import type { AccountOut } from '@shared/api/accounts';
import type { AccountRol } from '@shared/domain';
import { call } from '../api/client';
import { isServerMode } from './session';

/** The own account; undefined while it loads, null elsewhere than on the server or when it cannot be read. */
export function useMyAccount(): AccountOut | null | undefined {
  const [me, setMe] = useState<AccountOut | null | undefined>(isServerMode ? undefined : null);
  useEffect(() => {
    if (!isServerMode) return;
    let live = true;
    void call('accounts.me', {}).then((r) => live && setMe(r.ok ? r.value : null));
    return () => {
      live = false;
    };
  }, []);
  return me;
}

/** The role of the logged-in account on the school server; undefined while it loads, null elsewhere. */
export function useServerRole(): AccountRol | null | undefined {
  const me = useMyAccount();
  return me === undefined ? undefined : (me?.rol ?? null);
}
