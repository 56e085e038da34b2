/**
 * Per-animation-frame updates without re-rendering React: subscribe to the store and let
 * `draw` move SVG attributes directly on elements React created. React re-renders only
 * when the set of things to draw changes (a new frame from the worker).
 */
import { useLayoutEffect, useRef } from 'react';
import type { AppState } from '../../store/appStore';
import { useAppStore } from '../StoreContext';

/**
 * The virtual time to draw at: the playhead while playing (messages glide between
 * frames); while a step glides, the playhead on its way from the previous frame's time
 * up to this frame's (the message that caused the frame is `s.cause`, arriving at
 * view.time); the frame's own time when paused or when the user prefers reduced motion
 * (then everything jumps from frame to frame).
 */
export function drawTime(s: AppState): number {
  if (!s.view) return 0;
  if (s.reducedMotion) return s.view.time;
  if (s.glide) return Math.min(s.view.time, Math.max(s.glide.from, s.playhead));
  if (!s.playing) return s.view.time;
  return Math.max(s.view.time, s.playhead);
}

export function useFrameClock(draw: (t: number, s: AppState) => void, deps: readonly unknown[]): void {
  const store = useAppStore();
  const drawRef = useRef(draw);
  useLayoutEffect(() => {
    drawRef.current = draw;
  });
  useLayoutEffect(() => {
    let lastT = NaN;
    let lastView: unknown = null;
    const run = (s: AppState) => {
      const t = drawTime(s);
      if (t === lastT && s.view === lastView) return;
      lastT = t;
      lastView = s.view;
      // This runs inside the store's set(): a throw here would skip the store's other
      // listeners and reject whatever action set the state. A drawing bug costs one frame.
      try {
        drawRef.current(t, s);
      } catch (err) {
        console.error('frame clock: drawing failed', err);
      }
    };
    run(store.getState());
    return store.subscribe(run);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, ...deps]);
}
