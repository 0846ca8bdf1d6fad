// Calls onIdle once after `minutes` without keyboard, mouse, touch or scrolling. Time is measured
// against the clock on a slow interval, not with one long timer, so a PC that slept or a throttled
// background window still locks as soon as it is looked at again.
import { useEffect, useRef } from 'react';

const EVENTS = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart', 'scroll', 'focus'] as const;

export function useIdleLock(minutes: number | null, onIdle: () => void, enabled = true): void {
  const last = useRef(Date.now());
  const cb = useRef(onIdle);
  cb.current = onIdle;

  useEffect(() => {
    if (!enabled || !minutes) return;
    last.current = Date.now();
    const touch = () => {
      last.current = Date.now();
    };
    const check = () => {
      if (Date.now() - last.current >= minutes * 60_000) {
        last.current = Date.now();
        cb.current();
      }
    };
    for (const e of EVENTS) window.addEventListener(e, touch, { capture: true, passive: true });
    const onVisible = () => document.visibilityState === 'visible' && check();
    document.addEventListener('visibilitychange', onVisible);
    const timer = window.setInterval(check, 5_000);
    return () => {
      for (const e of EVENTS) window.removeEventListener(e, touch, { capture: true });
      document.removeEventListener('visibilitychange', onVisible);
      window.clearInterval(timer);
    };
  }, [minutes, enabled]);
}
