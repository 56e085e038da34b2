/**
 * Keeps the address bar reproducing the screen: the scenario (a bundled name while it is
 * unchanged, else the scenario with every recorded action inline, with the lesson's name
 * beside it), the frame, speed,
 * language, embed and whether it plays. replaceState is throttled: browsers refuse
 * hundreds of calls a second.
 */
import { useEffect } from 'react';
import type { AppState, AppStore } from '../store/appStore';
import { DEFAULT_SPEED } from '../store/types';
import { buildSearch } from './url';

const MIN_INTERVAL_MS = 300;

export function searchFor(s: AppState): string {
  return buildSearch({
    lesson: s.lesson,
    pristine: s.pristine,
    scenario: s.scenario,
    frame: s.view?.frame ?? 0,
    embed: s.embed,
    playing: s.playing,
    speed: s.speed,
    defaultSpeed: DEFAULT_SPEED,
    lang: s.lang,
  });
}

export function useUrlSync(store: AppStore, enabled = true): void {
  useEffect(() => {
    if (!enabled) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let lastWrite = 0;
    const write = () => {
      timer = null;
      lastWrite = performance.now();
      const s = store.getState();
      if (s.status !== 'ready' || !s.scenario) return;
      const search = searchFor(s);
      if (search !== window.location.search) {
        window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}${window.location.hash}`);
      }
    };
    const unsub = store.subscribe((s, prev) => {
      if (
        s.view?.frame === prev.view?.frame &&
        s.scenario === prev.scenario &&
        s.lesson === prev.lesson &&
        s.pristine === prev.pristine &&
        s.playing === prev.playing &&
        s.speed === prev.speed &&
        s.lang === prev.lang &&
        s.status === prev.status
      ) {
        return;
      }
      if (timer !== null) return;
      // Pauses, steps and seeks show at once; playback is written a few times a second.
      const wait = s.playing ? Math.max(0, lastWrite + MIN_INTERVAL_MS - performance.now()) : 0;
      timer = setTimeout(write, wait);
    });
    return () => {
      unsub();
      if (timer !== null) clearTimeout(timer);
    };
  }, [store, enabled]);
}
