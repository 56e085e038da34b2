/**
 * Which message in flight the inspector shows, per app instance (several embeds on one
 * page each have their own). Shared by the stage (click a glyph) and the node inspector's
 * list of messages (the keyboard way in); kept beside the store rather than in it, because
 * it is a view choice that never reaches the worker or the URL.
 */
import { useCallback, useSyncExternalStore } from 'react';
import type { MessageView } from '../../sim/api';
import { useAppStore } from '../StoreContext';

interface Slot {
  msg: MessageView | null;
  listeners: Set<() => void>;
}

const slots = new WeakMap<object, Slot>();

function slotOf(key: object): Slot {
  let s = slots.get(key);
  if (!s) {
    s = { msg: null, listeners: new Set() };
    slots.set(key, s);
  }
  return s;
}

export function setInspected(key: object, msg: MessageView | null): void {
  const s = slotOf(key);
  s.msg = msg;
  for (const l of s.listeners) l();
}

/** The inspected message (as it was when picked) and a setter that pauses playback when it opens one. */
export function useInspectedMessage(): [MessageView | null, (m: MessageView | null) => void] {
  const store = useAppStore();
  const slot = slotOf(store);
  const subscribe = useCallback(
    (l: () => void) => {
      slot.listeners.add(l);
      return () => slot.listeners.delete(l);
    },
    [slot],
  );
  const msg = useSyncExternalStore(subscribe, () => slot.msg);
  const set = useCallback(
    (m: MessageView | null) => {
      // RaftScope's move: looking at a message stops the world, so it stays where it is.
      if (m && store.getState().playing) store.getState().pause();
      setInspected(store, m);
    },
    [store],
  );
  return [msg, set];
}
