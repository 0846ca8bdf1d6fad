// Hash routing (#/meldingen/12, #/personen/45/dossier) and the unsaved-changes guard.
// Hash routes work the same from a file:// page in Electron and from the preview server.
import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { ReactNode, RefObject } from 'react';
import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface RouterState {
  /** The path after "#", e.g. "/meldingen/12". */
  path: string;
  segments: string[];
  navigate: (path: string, opts?: { force?: boolean }) => void;
  /** A page with unsaved changes registers here; navigation then asks first. */
  setDirty: (dirty: boolean) => void;
}

const RouterContext = createContext<RouterState | null>(null);

const currentPath = () => {
  const h = window.location.hash.replace(/^#/, '');
  return h.startsWith('/') ? h : '/';
};

export function RouterProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation('common');
  const [path, setPath] = useState(currentPath);
  const [pending, setPending] = useState<string | null>(null);
  const dirtyRef = useRef(false);
  const pathRef = useRef(path);
  const bypassRef = useRef(false);

  useEffect(() => {
    const onHash = () => {
      const next = currentPath();
      if (next === pathRef.current) return;
      if (dirtyRef.current && !bypassRef.current) {
        // Put the address back without a new history entry, then ask.
        window.history.replaceState(null, '', `#${pathRef.current}`);
        setPending(next);
        return;
      }
      bypassRef.current = false;
      dirtyRef.current = false;
      pathRef.current = next;
      setPath(next);
      window.scrollTo(0, 0);
    };
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (dirtyRef.current) {
        e.preventDefault();
        e.returnValue = '';
      }
    };
    window.addEventListener('hashchange', onHash);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('hashchange', onHash);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, []);

  const navigate = useCallback((to: string, opts?: { force?: boolean }) => {
    if (opts?.force) bypassRef.current = true;
    if (to === pathRef.current) {
      bypassRef.current = false;
      return;
    }
    window.location.hash = to;
  }, []);

  const setDirty = useCallback((d: boolean) => {
    dirtyRef.current = d;
  }, []);

  const leave = () => {
    const to = pending;
    setPending(null);
    if (to) navigate(to, { force: true });
  };

  const segments = path.split('/').filter(Boolean);
  return (
    <RouterContext.Provider value={{ path, segments, navigate, setDirty }}>
      {children}
      <Modal opened={pending !== null} onClose={() => setPending(null)} title={t('unsaved.title')} centered>
        <Text mb="lg">{t('unsaved.body')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setPending(null)} data-autofocus>
            {t('unsaved.stay')}
          </Button>
          <Button color="red" onClick={leave}>
            {t('unsaved.leave')}
          </Button>
        </Group>
      </Modal>
    </RouterContext.Provider>
  );
}

export function useRouter(): RouterState {
  const r = useContext(RouterContext);
  if (!r) throw new Error('useRouter outside RouterProvider');
  return r;
}

/** Marks the page as having unsaved changes while `dirty` is true. */
export function useUnsavedGuard(dirty: boolean): void {
  const { setDirty } = useRouter();
  useEffect(() => {
    setDirty(dirty);
    return () => setDirty(false);
  }, [dirty, setDirty]);
}

/**
 * After a move to another page the focus goes to that page's heading (h1), so a screen reader
 * announces the new page and Tab continues from there. Pages load lazily, so it waits for the h1.
 * A page that put the focus somewhere itself, or an open dialog, keeps it.
 */
export function useHeadingFocus(container: RefObject<HTMLElement | null>): void {
  const { path } = useRouter();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const root = container.current;
    if (!root) return;
    const focusHeading = () => {
      const h1 = root.querySelector<HTMLElement>('h1');
      if (!h1) return false;
      const now = document.activeElement;
      if (now && now !== document.body && (root.contains(now) || now.closest('[role="dialog"]'))) return true;
      h1.tabIndex = -1;
      h1.focus({ preventScroll: true });
      return true;
    };
    if (focusHeading()) return;
    const watch = new MutationObserver(() => focusHeading() && watch.disconnect());
    watch.observe(root, { childList: true, subtree: true });
    const stop = setTimeout(() => watch.disconnect(), 10_000);
    return () => {
      watch.disconnect();
      clearTimeout(stop);
    };
  }, [path, container]);
}
