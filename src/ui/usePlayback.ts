/**
 * The playback clock: while playing, a requestAnimationFrame loop hands the store the
 * real time elapsed; the store moves the playhead by dt × speed and asks the worker for
 * frames. The main thread never runs the simulation.
 */
import { useEffect } from 'react';
import type { AppStore } from '../store/appStore';

export function usePlayback(store: AppStore): void {
  useEffect(() => {
    let raf = 0;
    let last = 0;
    const loop = (now: number) => {
      const dt = last ? now - last : 16;
      last = now;
      store.getState().tick(dt);
      if (store.getState().playing) raf = requestAnimationFrame(loop);
      else raf = 0;
    };
    const start = () => {
      if (raf || !store.getState().playing) return;
      last = 0;
      raf = requestAnimationFrame(loop);
    };
    start();
    const unsub = store.subscribe((s, prev) => {
      if (s.playing && !prev.playing) start();
    });
    return () => {
      unsub();
      if (raf) cancelAnimationFrame(raf);
    };
  }, [store]);
}
