/**
 * Keeps the address bar reproducing the screen: the scenario (a bundled name while it is
 * unchanged, else the scenario with every recorded action, compressed into the fragment
 * `#z=`, with the lesson's name beside it in the query), the frame, speed, language,
 * theme, large type, embed and whether it plays.
 *
 * Writing is throttled (browsers refuse hundreds of replaceState calls a second) and
 * compression is async, so one writer runs at a time and always writes the newest state:
 * an older scenario's fragment can never land after a newer one. The fragment of a
 * scenario is kept until the scenario changes, so playback only rewrites the query.
 */
import { useEffect } from 'react';
import type { AppState, AppStore } from '../store/appStore';
import type { Scenario } from '../sim/scenario';
import type { Theme } from '../store/types';
import { boot } from './boot';
import { buildSearch, carriesScenario, defaultSpeedFor, encodeScenario, hashFor, parseUrlParams, type UrlState } from './url';

const MIN_INTERVAL_MS = 300;

/** What the address depends on besides the store: the theme a link without theme= gets here. */
export interface UrlEnv {
  /** null: write theme= whatever it is (the address bar already names one, keep it). */
  defaultTheme: Theme | null;
}

/** The environment of this page: its colour-scheme preference and its address bar. */
export function pageUrlEnv(): UrlEnv {
  if (typeof window === 'undefined') return { defaultTheme: 'light' };
  if (new URLSearchParams(window.location.search).has('theme')) return { defaultTheme: null };
  return { defaultTheme: window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light' };
}

export function urlStateOf(s: AppState, env: UrlEnv = { defaultTheme: 'light' }): UrlState {
  return {
    lesson: s.lesson,
    pristine: s.pristine,
    scenario: s.scenario,
    frame: s.view?.frame ?? 0,
    embed: s.embed,
    playing: s.playing,
    speed: s.speed,
    defaultSpeed: defaultSpeedFor(s.lesson),
    lang: s.lang,
    theme: s.theme,
    defaultTheme: env.defaultTheme,
    large: s.largeType,
  };
}

/** The plain, synchronous form of the address (scenario as ?s=): what a reload would open. */
export function searchFor(s: AppState, env?: UrlEnv): string {
  return buildSearch(urlStateOf(s, env));
}

/** Packs a scenario for the fragment; falls back to the plain form if compression fails. */
async function safeHash(scenario: Scenario): Promise<string> {
  try {
    return await hashFor(scenario);
  } catch {
    return `#s=${encodeScenario(scenario)}`;
  }
}

export interface AddressWriter {
  /** Write the newest state (returns once it is written, or there was nothing to write). */
  flush(): Promise<void>;
}

/**
 * Writes "?query#fragment" addresses through `replace`, one at a time, newest state first.
 * `pack` is injectable so tests can make compression slow and check the order.
 */
export function createAddressWriter(deps: {
  state: () => AppState;
  env: () => UrlEnv;
  replace: (address: string) => void;
  pack?: (scenario: Scenario) => Promise<string>;
}): AddressWriter {
  const pack = deps.pack ?? safeHash;
  let cached: { scenario: Scenario; hash: string } | null = null;
  let running: Promise<void> | null = null;
  let again = false;

  async function run(): Promise<void> {
    do {
      again = false;
      const s = deps.state();
      if (s.status !== 'ready' || !s.scenario) return;
      const st = urlStateOf(s, deps.env());
      const carries = carriesScenario(st);
      if (carries && cached?.scenario !== st.scenario) {
        const scenario = st.scenario!;
        const hash = await pack(scenario);
        cached = { scenario, hash };
        // The state may have moved on while compressing: read it again before writing.
        again = true;
        continue;
      }
      deps.replace(`${buildSearch(st, false)}${carries ? cached!.hash : ''}`);
    } while (again);
  }

  return {
    flush() {
      if (running) {
        again = true;
        return running;
      }
      running = run().finally(() => {
        running = null;
      });
      return running;
    },
  };
}

/** The address of what is on screen, as Share copies it (absolute, scenario in the fragment). */
export async function shareAddress(s: AppState, env: UrlEnv = pageUrlEnv()): Promise<string> {
  const st = urlStateOf(s, env);
  const rest = `${buildSearch(st, false)}${carriesScenario(st) && st.scenario ? await safeHash(st.scenario) : ''}`;
  // The page's own address without its query and fragment (works from a sub-path and file: too).
  return `${window.location.href.replace(/[?#].*$/, '')}${rest}`;
}

export function useUrlSync(store: AppStore, enabled = true): void {
  useEffect(() => {
    if (!enabled) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let lastWrite = 0;
    let disposed = false;
    const writer = createAddressWriter({
      state: store.getState,
      env: pageUrlEnv,
      replace(address) {
        if (disposed) return;
        if (address === `${window.location.search}${window.location.hash}`) return;
        try {
          // Relative to the page: a bare path drops the old query and fragment.
          window.history.replaceState(window.history.state, '', `${window.location.pathname}${address}`);
        } catch {
          // A browser may refuse an address it finds too long; the screen is still right.
        }
      },
    });
    const write = () => {
      timer = null;
      lastWrite = performance.now();
      void writer.flush();
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
        s.theme === prev.theme &&
        s.largeType === prev.largeType &&
        s.status === prev.status
      ) {
        return;
      }
      if (timer !== null) return;
      // Pauses, steps and seeks show at once; playback is written a few times a second.
      const wait = s.playing ? Math.max(0, lastWrite + MIN_INTERVAL_MS - performance.now()) : 0;
      timer = setTimeout(write, wait);
    });
    // A link that differs from this page only in its fragment does not reload the page:
    // the browser fires hashchange (replaceState never does). Open what it says.
    const onHash = () => void boot(store, parseUrlParams(`${window.location.search}${window.location.hash}`));
    window.addEventListener('hashchange', onHash);
    return () => {
      disposed = true;
      unsub();
      window.removeEventListener('hashchange', onHash);
      if (timer !== null) clearTimeout(timer);
    };
  }, [store, enabled]);
}
