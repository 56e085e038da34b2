/**
 * Whether the key canvas has finished drawing a ring version, per app store (an embed has its
 * own): the painter's reports (KeyCanvas) set it, and the panel's reads wait for it. At a ring
 * change the stage asks for the new layout at once and animates the keys that moved; the
 * panel's charts (load, moves, the CV curve, the schemes side by side) are asked for and
 * re-rendered once the keys have landed, not during the move: asked during it, their answers
 * (the CV curve alone is ~30 ms of the worker) and their re-renders and layouts landed in the
 * move's frames and made them late (bench:ui). The panel says it is updating (aria-busy)
 * meanwhile.
 */
import { useCallback, useSyncExternalStore } from 'react';

interface Motion {
  /** Key canvases drawing for this store (0: nobody draws, so nobody waits). */
  painters: number;
  /** The ring version last drawn with every key in place (-1: none yet). */
  settled: number;
  listeners: Set<() => void>;
}

const motions = new WeakMap<object, Motion>();

function motionOf(store: object): Motion {
  let m = motions.get(store);
  if (!m) motions.set(store, (m = { painters: 0, settled: -1, listeners: new Set() }));
  return m;
}

function notify(m: Motion): void {
  for (const fn of m.listeners) fn();
}

/** A key canvas starts drawing for `store`; the returned function ends it (unmount). */
export function attachPainter(store: object): () => void {
  const m = motionOf(store);
  m.painters++;
  notify(m);
  return () => {
    m.painters--;
    notify(m);
  };
}

/** The painter has `version` on the canvas with every key in place (no move, or the move over). */
export function keysSettled(store: object, version: number): void {
  const m = motionOf(store);
  if (m.settled === version) return;
  m.settled = version;
  notify(m);
}

/** Keys are moving (or about to, once the new layout arrives) unless `version` is drawn and settled. */
export function keysInMotion(store: object, version: number): boolean {
  const m = motions.get(store);
  return !!m && m.painters > 0 && version >= 0 && m.settled !== version;
}

/** keysInMotion as React state. */
export function useKeysInMotion(store: object, version: number): boolean {
  // The same subscribe function per store: a new one would have React subscribe again at every render.
  const subscribe = useCallback(
    (fn: () => void) => {
      const m = motionOf(store);
      m.listeners.add(fn);
      return () => {
        m.listeners.delete(fn);
      };
    },
    [store],
  );
  return useSyncExternalStore(subscribe, () => keysInMotion(store, version));
}
