/**
 * Where the keyboard goes: never stranded on <body> or on a <select>, and handed back to
 * the page around an embed on Escape.
 *
 * - The app's root is focusable (tabindex=-1: reachable by script, not a Tab stop) and
 *   shows a focus ring when focused from the keyboard.
 * - After a <select> outside a dialog is changed by a pick (the mouse, or a script), focus
 *   returns to the root. Not after a key on the closed select: in Chromium ArrowDown/ArrowUp
 *   there change its value and fire `change`, and a keyboard user stepping through the
 *   speeds or lessons must keep the select. A focused select gives the presenter keys on
 *   anyway (keys.ts), so the clicker's PageDown never picks the next lesson.
 * - A focus guard: when focus leaves an element of the app for nowhere (the element was
 *   removed — Crash → Restart swaps buttons, a menu closed — or disabled, or the user
 *   clicked on something that takes no focus) and the page still has focus, the root
 *   takes it. It looks a moment later, so a component that moves focus to a counterpart
 *   button itself (the chrome does) wins. Chromium fires focusout on removal and on
 *   disabling, which is what this listens to.
 * - giveKeyboardBack: inside an iframe, blur whatever has focus and focus the parent
 *   window. `window.parent.focus()` is one of the few members a cross-origin WindowProxy
 *   allows, and in Chromium it moves keyboard focus to the parent frame for same-origin
 *   and cross-origin parents alike while the iframe has focus (tests/e2e/host.spec.ts
 *   checks both); the parent's document then receives the keys (reveal.js listens there).
 */

/** Inside an iframe (the embed's host page is around it). */
export function inFrame(): boolean {
  try {
    return window.parent !== window;
  } catch {
    return true;
  }
}

let handedBackAt = -Infinity;
/** How long the guard waits before it decides focus was lost (a component may move it meanwhile). */
const GUARD_DELAY_MS = 50;
/** A select's `change` this soon after a key went down on it came from that key (Chromium fires it during the keydown). */
const KEY_CHANGE_MS = 500;

/** Give the keyboard to the page around the embed. False when there is none (top-level page). */
export function giveKeyboardBack(): boolean {
  if (!inFrame()) return false;
  handedBackAt = performance.now();
  const active = document.activeElement;
  if (active instanceof HTMLElement || active instanceof SVGElement) active.blur();
  try {
    window.parent.focus();
  } catch {
    /* a parent that refuses: the blur above still leaves no control holding keys */
  }
  return true;
}

function focusRoot(root: HTMLElement): void {
  root.focus({ preventScroll: true });
}

function inDialog(el: Element): boolean {
  return el.closest('[role="dialog"]') !== null;
}

/** Install the select-change return and the focus guard on one app's root. Returns the cleanup. */
export function installFocusGuard(root: HTMLElement): () => void {
  if (!root.hasAttribute('tabindex')) root.tabIndex = -1;
  root.classList.add('qs-focus-root');
  let timer: ReturnType<typeof setTimeout> | null = null;

  /** Look again a little later: after React's effects of the change that removed the element. */
  const later = (fn: () => void) => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      fn();
    }, GUARD_DELAY_MS);
  };

  const stranded = () => {
    const a = document.activeElement;
    return a === null || a === document.body || a === document.documentElement;
  };

  /** The select a key last went down on, and when; a pointer press forgets it. */
  let keyed: { el: EventTarget; at: number } | null = null;
  const onKeyDown = (e: KeyboardEvent) => {
    keyed = e.target instanceof HTMLSelectElement ? { el: e.target, at: performance.now() } : null;
  };
  const onPointerDown = () => {
    keyed = null;
  };
  const fromKey = (el: HTMLSelectElement) => keyed !== null && keyed.el === el && performance.now() - keyed.at < KEY_CHANGE_MS;

  const onChange = (e: Event) => {
    const el = e.target;
    if (!(el instanceof HTMLSelectElement) || !root.contains(el) || inDialog(el)) return;
    if (fromKey(el)) return;
    // After the select's own handlers; a load it started may re-render it.
    setTimeout(() => {
      if (document.activeElement === el || stranded()) focusRoot(root);
    }, 0);
  };

  const onFocusOut = (e: FocusEvent) => {
    if (e.relatedTarget !== null) return;
    const el = e.target;
    if (!(el instanceof Element) || !root.contains(el)) {
      // Removed already: a removed node is no longer inside the root, so judge by connection.
      if (!(el instanceof Element) || el.isConnected) return;
    }
    later(() => {
      if (!root.isConnected || !document.hasFocus()) return;
      if (performance.now() - handedBackAt < 1000) return;
      if (stranded()) focusRoot(root);
    });
  };

  document.addEventListener('keydown', onKeyDown, true);
  document.addEventListener('pointerdown', onPointerDown, true);
  document.addEventListener('mousedown', onPointerDown, true);
  document.addEventListener('change', onChange, true);
  document.addEventListener('focusout', onFocusOut, true);
  return () => {
    document.removeEventListener('keydown', onKeyDown, true);
    document.removeEventListener('pointerdown', onPointerDown, true);
    document.removeEventListener('mousedown', onPointerDown, true);
    document.removeEventListener('change', onChange, true);
    document.removeEventListener('focusout', onFocusOut, true);
    if (timer !== null) clearTimeout(timer);
  };
}
