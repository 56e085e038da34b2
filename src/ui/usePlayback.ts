/**
 * The playback clock: while playing, a requestAnimationFrame loop hands the store the
 * real time elapsed; the store moves the playhead by dt × speed and asks the worker for
 * frames. It also runs while a step glides (the store moves the playhead from the previous
 * frame's time to the new one's). The main thread never runs the simulation.
 */
import { useEffect } from 'react';
import type { AppState, AppStore } from '../store/appStore';

/** Playing, or a step's glide under way: the clock must tick. */
const moving = (s: AppState) => s.playing || s.glide !== null;

export function usePlayback(store: AppStore): void {
  useEffect(() => {
    let raf = 0;
    let last = 0;
    const loop = (now: number) => {
      const dt = last ? now - last : 16;
      last = now;
      store.getState().tick(dt);
      if (moving(store.getState())) raf = requestAnimationFrame(loop);
      else raf = 0;
    };
    const start = () => {
      if (raf || !moving(store.getState())) return;
      last = 0;
      raf = requestAnimationFrame(loop);
    };
    start();
    const unsub = store.subscribe((s, prev) => {
      if (moving(s) && !moving(prev)) start();
    });
    return () => {
      unsub();
      if (raf) cancelAnimationFrame(raf);
    };
  }, [store]);
}
