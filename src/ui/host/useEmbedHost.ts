/**
 * What an embed does for the page around it (mounted by ../AppRoot.tsx):
 *
 * - The host API (./bridge.ts) whenever the app runs inside an iframe (embed or not): only messages whose
 *   `event.source` is `window.parent` are read; answers go to the parent with target
 *   origin "*" — the embed cannot know who hosts it, and what it sends (frame numbers,
 *   times, the protocol's name) is what the slide shows anyway.
 * - Autoplay when visible (`&embed=1&autoplay=1`): boot opens the scenario paused (see
 *   AppRoot) and this starts playing the first time the embed is on screen — at least half
 *   of it intersecting the top-level viewport (an IntersectionObserver inside an iframe
 *   measures against that, through every ancestor frame's clipping: a reveal.js slide
 *   waiting off-stage does not count) while the page is visible. Once the embed has
 *   played, by itself or by the host's or the user's command, autoplay is spent.
 */
import { useEffect } from 'react';
import type { AppStore } from '../../store/appStore';
import { createHostBridge } from './bridge';
import { inFrame } from './focus';

/** Share of the embed that must be on screen for it to count as shown. */
const VISIBLE_RATIO = 0.5;

function nextFrame(fn: () => void): () => void {
  // rAF is the pace; a hidden frame gets no animation frames, so a timer stands in there.
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    cancelAnimationFrame(raf);
    clearTimeout(timer);
    fn();
  };
  const raf = requestAnimationFrame(run);
  const timer = setTimeout(run, 250);
  return () => {
    done = true;
    cancelAnimationFrame(raf);
    clearTimeout(timer);
  };
}

export function useHostApi(store: AppStore, enabled: boolean): void {
  useEffect(() => {
    if (!enabled || !inFrame()) return;
    const parent = window.parent;
    const bridge = createHostBridge(store, {
      post: (message) => parent.postMessage(message, '*'),
      nextFrame,
    });
    const onMessage = (e: MessageEvent) => {
      if (e.source !== parent) return;
      bridge.receive(e.data);
    };
    window.addEventListener('message', onMessage);
    return () => {
      window.removeEventListener('message', onMessage);
      bridge.dispose();
    };
  }, [store, enabled]);
}

export function useAutoplayWhenVisible(store: AppStore, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    let spent = false;
    let intersecting = false;
    const target = document.documentElement;

    const tryPlay = () => {
      const s = store.getState();
      if (spent) return;
      if (s.playing) {
        spent = true;
        return;
      }
      if (!intersecting || document.visibilityState !== 'visible') return;
      if (s.status !== 'ready' || !s.view) return;
      spent = true;
      s.play();
    };

    const io =
      typeof IntersectionObserver === 'function'
        ? new IntersectionObserver(
            (entries) => {
              for (const e of entries) intersecting = e.isIntersecting && e.intersectionRatio >= VISIBLE_RATIO - 1e-3;
              tryPlay();
            },
            { threshold: [0, VISIBLE_RATIO, 1] },
          )
        : null;
    if (io) io.observe(target);
    else intersecting = true;
    const unsub = store.subscribe(tryPlay);
    document.addEventListener('visibilitychange', tryPlay);
    return () => {
      io?.disconnect();
      unsub();
      document.removeEventListener('visibilitychange', tryPlay);
    };
  }, [store, enabled]);
}
