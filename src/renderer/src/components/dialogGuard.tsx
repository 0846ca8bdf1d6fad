// Shared behaviour of every Mantine dialog, in one place instead of in each of them:
// - it opens with the focus on its first field, not on the close button in its header;
// - Escape, the close button or a click beside it first asks "Wijzigingen weggooien?" once
//   something was typed in it, so a slip of the finger does not throw away a half-filled form
//   (not for a field that saves itself: data-autosave on it or around it).
// Mantine listens for Escape on the window in the capture phase; ours is added when this module
// loads, before any dialog mounts, so it runs first and can hold the event back.
import { useSyncExternalStore } from 'react';
import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const DIALOG = '.mantine-Modal-content[role="dialog"]';
const FIELD = 'input:not([type="hidden"]):not([disabled]), textarea:not([disabled]), select:not([disabled])';
const TABBABLE = `${FIELD}, button:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])`;

const typedIn = new WeakSet<Element>();
const openedAt = new WeakMap<Element, number>();
let asking: Element | null = null;
let bypass = false;
const listeners = new Set<() => void>();
const setAsking = (d: Element | null) => {
  asking = d;
  listeners.forEach((l) => l());
};

const dialogOf = (n: EventTarget | null): Element | null => (n instanceof Element ? n.closest(DIALOG) : null);
const visible = (e: Element) => (e as HTMLElement).offsetParent !== null || e.getClientRects().length > 0;
/** The dialog Escape or a click outside concerns: the one with the focus, else the last opened. */
const topDialog = (target: EventTarget | null): Element | null => {
  const own = dialogOf(target);
  if (own) return own;
  const all = document.querySelectorAll(DIALOG);
  return all.length ? all[all.length - 1] : null;
};

function firstField(dialog: Element): HTMLElement | null {
  const body = dialog.querySelector('.mantine-Modal-body') ?? dialog;
  const pick = (sel: string) => Array.from(body.querySelectorAll<HTMLElement>(sel)).find((e) => visible(e) && e.tabIndex >= 0) ?? null;
  return pick(FIELD) ?? pick(TABBABLE);
}

function closeForReal(dialog: Element) {
  bypass = true;
  const close = dialog.querySelector<HTMLElement>('.mantine-Modal-close');
  if (close) close.click();
  else dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
  bypass = false;
}

function hold(e: Event, dialog: Element) {
  e.preventDefault();
  e.stopImmediatePropagation();
  setAsking(dialog);
}

if (typeof window !== 'undefined') {
  document.addEventListener(
    'focusin',
    (e) => {
      const dialog = dialogOf(e.target);
      if (!dialog) return;
      const now = performance.now();
      const since = openedAt.get(dialog) ?? (openedAt.set(dialog, now), now);
      // Mantine puts the focus on the first button (the close button) once or twice as the dialog
      // opens; only in that first moment is it moved on. A dialog that names its own first focus
      // (data-autofocus) keeps it, and so does a user who goes back to the close button later.
      if (now - since > 500 || !(e.target as Element).matches('.mantine-Modal-close')) return;
      firstField(dialog)?.focus({ preventScroll: true });
    },
    true,
  );
  document.addEventListener(
    'input',
    (e) => {
      const dialog = dialogOf(e.target);
      // A field that saves itself (data-autosave, e.g. a letter's feiten) loses nothing on closing.
      const field = e.target as Element;
      if (dialog && field.matches('input, textarea') && !field.closest('[data-autosave]')) typedIn.add(dialog);
    },
    true,
  );
  window.addEventListener(
    'keydown',
    (e) => {
      if (e.key !== 'Escape' || bypass || e.isComposing) return;
      if (asking) {
        // Escape on the question itself means "no": back to the dialog, which stays open.
        e.preventDefault();
        e.stopImmediatePropagation();
        setAsking(null);
        return;
      }
      // Escape in an open list (a Select's options) only closes that list.
      if ((e.target as Element | null)?.getAttribute?.('data-mantine-stop-propagation') === 'true') return;
      const dialog = topDialog(e.target);
      // A dialog that cannot be closed (no close button, e.g. who is working at the start) is not asked about.
      if (dialog && typedIn.has(dialog) && dialog.querySelector('.mantine-Modal-close')) hold(e, dialog);
    },
    true,
  );
  window.addEventListener(
    'click',
    (e) => {
      if (bypass || asking) return;
      const t = e.target as Element;
      const onClose = t.closest?.('.mantine-Modal-close');
      const outside = t.matches?.('.mantine-Modal-overlay');
      if (!onClose && !outside) return;
      const dialog = onClose ? dialogOf(onClose) : topDialog(null);
      if (dialog && typedIn.has(dialog) && dialog.querySelector('.mantine-Modal-close')) hold(e, dialog);
    },
    true,
  );
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** The question itself; rendered once, beside the app. */
export function DiscardQuestion() {
  const { t } = useTranslation('common');
  const dialog = useSyncExternalStore(subscribe, () => asking);
  const discard = () => {
    setAsking(null);
    if (dialog?.isConnected) closeForReal(dialog);
  };
  return (
    <Modal opened={dialog !== null} onClose={() => setAsking(null)} title={t('discard.title')} centered zIndex={400} closeOnEscape={false}>
      <Text mb="lg">{t('discard.body')}</Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={() => setAsking(null)} data-autofocus>
          {t('discard.stay')}
        </Button>
        <Button color="red" onClick={discard} data-testid="wijzigingen-weggooien">
          {t('discard.leave')}
        </Button>
      </Group>
    </Modal>
  );
}
