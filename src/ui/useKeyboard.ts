/**
 * Presenter keys and focus for one app instance (the table is ./host/keys.ts, focus rules
 * ./host/focus.ts): Space, "." and "b" play/pause; ArrowRight/ArrowLeft one event;
 * PageDown/PageUp next/previous mark; Home/End; Ctrl+Z / Cmd+Z undo; Escape deselects and,
 * inside an embed, gives the keyboard back to the page around it.
 *
 * Space wins over a focused button on purpose: a presenter who just clicked Step forward
 * expects Space to play, not to step again. Escape in an embed does both at once (deselect
 * and hand back) rather than needing two presses: a presenter pressing Escape wants out,
 * and a selection left on a slide is harmless.
 */
import { useEffect, type RefObject } from 'react';
import type { AppStore } from '../store/appStore';
import { giveKeyboardBack, installFocusGuard } from './host/focus';
import { presenterAction, targetKind, type KeyAction } from './host/keys';
import './host/host.css';

function kindOf(target: EventTarget | null) {
  if (!(target instanceof HTMLElement)) return 'other' as const;
  return targetKind({
    tagName: target.tagName,
    type: target instanceof HTMLInputElement ? target.type : undefined,
    isContentEditable: target.isContentEditable,
    role: target.getAttribute('role'),
  });
}

function run(store: AppStore, action: KeyAction): void {
  const s = store.getState();
  switch (action) {
    case 'toggle-play':
      s.togglePlay();
      return;
    case 'step-forward':
      void s.stepForward();
      return;
    case 'step-back':
      void s.stepBack();
      return;
    case 'next-mark':
      void s.nextMark();
      return;
    case 'prev-mark':
      void s.prevMark();
      return;
    case 'next-decision':
      void s.nextDecision();
      return;
    case 'first':
      void s.first();
      return;
    case 'last':
      void s.last();
      return;
    case 'undo':
      void s.undo();
      return;
    case 'escape':
      if (s.selected) s.select(0);
      if (s.embed) giveKeyboardBack();
      return;
  }
}

export function useKeyboard(store: AppStore, root: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const inOtherApp = (target: EventTarget | null) => {
      if (!(target instanceof Element)) return false;
      const app = target.closest('.qs-app');
      return app !== null && app !== root.current;
    };
    /** Keys inside a dialog (a popover) belong to it; another app's keys to that app. */
    const foreign = (target: EventTarget | null) => inOtherApp(target) || (target instanceof Element && target.closest('[role="dialog"]') !== null);

    const onDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || foreign(e.target)) return;
      const action = presenterAction(e, kindOf(e.target));
      if (action === null) return;
      // Escape keeps its default (a fullscreen exit, say); every other key is the app's alone,
      // so a focused select does not also change its value and the page does not scroll.
      if (action !== 'escape') e.preventDefault();
      if (action === 'toggle-play' && e.repeat) return;
      run(store, action);
    };
    // A button activates on Space's keyup: cancel that too, Space already played/paused.
    const onUp = (e: KeyboardEvent) => {
      if ((e.key === ' ' || e.key === 'Spacebar') && !foreign(e.target) && presenterAction(e, kindOf(e.target)) !== null) e.preventDefault();
    };
    document.addEventListener('keydown', onDown);
    document.addEventListener('keyup', onUp);
    const el = root.current;
    const unguard = el ? installFocusGuard(el) : () => {};
    return () => {
      document.removeEventListener('keydown', onDown);
      document.removeEventListener('keyup', onUp);
      unguard();
    };
  }, [store, root]);
}
