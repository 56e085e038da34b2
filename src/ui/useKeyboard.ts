/**
 * Presenter keys: Space play/pause, ArrowRight/ArrowLeft and PageDown/PageUp (clickers)
 * step, Home/End first/last frame, Escape deselects. Form fields keep their own keys.
 * Space wins over a focused button on purpose: a presenter who just clicked Step forward
 * expects Space to play, not to step again.
 */
import { useEffect, type RefObject } from 'react';
import type { AppStore } from '../store/appStore';

function ownsKeys(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return true;
  return false;
}

export function useKeyboard(store: AppStore, root: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const inOtherApp = (target: EventTarget | null) => {
      if (!(target instanceof Element)) return false;
      const app = target.closest('.qs-app');
      return app !== null && app !== root.current;
    };
    const onDown = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      if (ownsKeys(e.target) || inOtherApp(e.target)) return;
      // Inside a dialog (a popover), keys belong to it.
      if (e.target instanceof Element && e.target.closest('[role="dialog"]')) return;
      const s = store.getState();
      switch (e.key) {
        case ' ':
        case 'Spacebar':
          e.preventDefault();
          if (!e.repeat) s.togglePlay();
          return;
        case 'ArrowRight':
        case 'PageDown':
          e.preventDefault();
          void s.stepForward();
          return;
        case 'ArrowLeft':
        case 'PageUp':
          e.preventDefault();
          void s.stepBack();
          return;
        case 'Home':
          e.preventDefault();
          void s.first();
          return;
        case 'End':
          e.preventDefault();
          void s.last();
          return;
        case 'Escape':
          if (s.selected) s.select(0);
          return;
      }
    };
    // A button activates on Space's keyup: cancel that too, Space already played/paused.
    const onUp = (e: KeyboardEvent) => {
      if ((e.key === ' ' || e.key === 'Spacebar') && !ownsKeys(e.target) && !inOtherApp(e.target)) e.preventDefault();
    };
    document.addEventListener('keydown', onDown);
    document.addEventListener('keyup', onUp);
    return () => {
      document.removeEventListener('keydown', onDown);
      document.removeEventListener('keyup', onUp);
    };
  }, [store, root]);
}
