/**
 * Presenter keys as a pure table (DESIGN.md, "Slides" → Keys): which key does what, and
 * which focused controls keep which keys. The DOM side is ../useKeyboard.ts.
 *
 * Space, "." and "b" play/pause (clickers send "."/"b" for their "blank screen" button);
 * ArrowRight/ArrowLeft one event; PageDown/PageUp (a clicker's next/previous) play to the
 * next / previous mark and pause; N steps to the next decision (over heartbeats/PINGs); Home/End first/last frame; Ctrl+Z / Cmd+Z undo; Escape
 * deselects and, in an embed, hands the keyboard back to the page around it.
 *
 * Keys reach the stage whichever control was used last, except inside a text field. A
 * focused (closed) <select> keeps none of them: after a lesson was picked with the mouse,
 * a clicker's PageDown must move the lesson on, not load the next lesson. An open select's
 * list is the browser's own widget; its keys never reach the page. A checkbox or radio
 * keeps Space (its only key), a radio its arrows, a range input its arrows, Home/End and
 * PageUp/PageDown.
 */

export type KeyAction = 'toggle-play' | 'step-forward' | 'step-back' | 'next-mark' | 'prev-mark' | 'next-decision' | 'first' | 'last' | 'undo' | 'escape';

/** What kind of control has focus, as far as keys are concerned. */
export type TargetKind = 'text' | 'toggle' | 'radio' | 'range' | 'other';

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

const TEXT_INPUTS = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', 'date', 'datetime-local', 'month', 'time', 'week', 'color', 'file']);

/** Classify an element by tag, input type and editability (plain values, so it is testable). */
export function targetKind(el: { tagName?: string; type?: string; isContentEditable?: boolean; role?: string | null } | null): TargetKind {
  if (!el || !el.tagName) return 'other';
  if (el.isContentEditable) return 'text';
  const tag = el.tagName.toUpperCase();
  if (tag === 'TEXTAREA') return 'text';
  if (tag === 'INPUT') {
    const type = (el.type || 'text').toLowerCase();
    if (type === 'checkbox') return 'toggle';
    if (type === 'radio') return 'radio';
    if (type === 'range') return 'range';
    if (TEXT_INPUTS.has(type)) return 'text';
    return 'other';
  }
  if (el.role === 'textbox' || el.role === 'searchbox' || el.role === 'combobox') return 'text';
  return 'other';
}

/** The keys a focused control of each kind keeps for itself (by key, so "." still plays on a checkbox). */
const OWNED: Record<TargetKind, ReadonlySet<string> | 'all'> = {
  text: 'all',
  toggle: new Set([' ', 'Spacebar']),
  radio: new Set([' ', 'Spacebar', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown']),
  range: new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End']),
  other: new Set(),
};

function actionOf(e: KeyLike): KeyAction | null {
  if (e.ctrlKey || e.metaKey) {
    // Ctrl+Z (Cmd+Z on a Mac) undoes the last fork; Shift/Alt variants are left alone (redo is not ours).
    return !e.altKey && !e.shiftKey && (e.key === 'z' || e.key === 'Z') ? 'undo' : null;
  }
  if (e.altKey) return null;
  switch (e.key) {
    case ' ':
    case 'Spacebar':
    case '.':
    case 'b':
    case 'B':
      return 'toggle-play';
    case 'ArrowRight':
      return 'step-forward';
    case 'ArrowLeft':
      return 'step-back';
    case 'PageDown':
      return 'next-mark';
    case 'PageUp':
      return 'prev-mark';
    // The next decision over routine traffic (slow protocols: ZAB's PINGs). Not a clicker key.
    case 'n':
    case 'N':
      return 'next-decision';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'Escape':
    case 'Esc':
      return 'escape';
    default:
      return null;
  }
}

/**
 * The app's action for a key pressed on a control of `kind`, or null when the key is not a
 * presenter key or the control keeps it (Space on a checkbox, anything in a text field —
 * Escape included: a text field may use it).
 */
export function presenterAction(e: KeyLike, kind: TargetKind): KeyAction | null {
  const action = actionOf(e);
  if (action === null) return null;
  const owned = OWNED[kind];
  if (owned === 'all' || (owned.has(e.key) && !e.ctrlKey && !e.metaKey)) return null;
  return action;
}
