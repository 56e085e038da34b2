/**
 * The panel's reads of the ring (SimApi.query through the store), made only when what they
 * depend on changes: the ring's version (hub.version, bumped at every ring change) or the
 * scenario (a config change reloads it; a user action forks it, and a version number on the
 * new timeline may name a different ring). Never per frame: playing through heartbeats asks
 * nothing. One cache per store (an embed has its own), shared by the panel and the inspector.
 */
import { useEffect, useState } from 'react';
import { MOVE_MS } from '../stage/keyPainter';
import { useKeysInMotion } from '../stage/keyMotion';
import type { HashringHubView } from '../../../core/hashring/types';
import type { AppState } from '../../../store/appStore';
import { useApp, useAppStore } from '../../StoreContext';

/** The part of a store the cache needs (a real AppStore, or a fake one in tests). */
export interface QueryStore {
  getState(): Pick<AppState, 'view' | 'scenario' | 'query'>;
}

interface Cache {
  scenario: unknown;
  entries: Map<string, Promise<unknown>>;
}

/** Entries kept per store: a few queries × a few versions (stepping back and forth over a change). */
const MAX_ENTRIES = 48;
const caches = new WeakMap<QueryStore, Cache>();

/** The ring version at the store's shown frame (-1 before there is one). */
export function ringVersion(view: AppState['view']): number {
  const hub = view?.hub as HashringHubView | null | undefined;
  return hub && typeof hub.version === 'number' ? hub.version : -1;
}

export function queryKey(name: string, version: number, arg: unknown): string {
  return `${name}|${version}|${arg === undefined ? '' : JSON.stringify(arg)}`;
}

/**
 * The store's query, asked once per (scenario, version, name, arg). A null answer (no view
 * yet, a query the protocol does not have, a failure) is not kept, so it is asked again later.
 */
export function cachedQuery(store: QueryStore, name: string, arg?: unknown): Promise<unknown> {
  const s = store.getState();
  let c = caches.get(store);
  if (!c || c.scenario !== s.scenario) {
    c = { scenario: s.scenario, entries: new Map() };
    caches.set(store, c);
  }
  const key = queryKey(name, ringVersion(s.view), arg);
  const hit = c.entries.get(key);
  if (hit) {
    // Most recently used last.
    c.entries.delete(key);
    c.entries.set(key, hit);
    return hit;
  }
  const entries = c.entries;
  const p = s.query(name, arg).then(
    (v) => {
      if (v == null) entries.delete(key);
      return v;
    },
    () => {
      entries.delete(key);
      return null;
    },
  );
  entries.set(key, p);
  while (entries.size > MAX_ENTRIES) {
    const oldest = entries.keys().next().value as string;
    entries.delete(oldest);
  }
  return p;
}

export interface QueryState<T> {
  /** The latest answer (kept while a newer one is on its way, so charts do not flicker); null when none. */
  data: T | null;
  /** A newer answer is being asked for. */
  loading: boolean;
}

/** The longest a read waits for the keys to land (a canvas that never draws must not stall the panel). */
export const WAIT_FOR_KEYS_MAX_MS = MOVE_MS + 1000;

/**
 * A query's answer at the shown frame, re-asked only when the ring version, the scenario or
 * `arg` changes. `arg` is compared by its JSON; `enabled` false asks nothing. With
 * `waitForKeys`, a new version is asked for only once the key canvas has it drawn with every
 * key in place (keyMotion.ts; at most WAIT_FOR_KEYS_MAX_MS): the answer before it stays shown,
 * `loading` true, meanwhile.
 */
export function useRingQuery<T>(name: string, arg?: unknown, enabled = true, waitForKeys = false): QueryState<T> {
  const store = useAppStore();
  const version = useApp((s) => ringVersion(s.view));
  const scenario = useApp((s) => s.scenario);
  const key = queryKey(name, version, arg);
  const moving = useKeysInMotion(store, version);
  // The version whose wait ran out.
  const [waited, setWaited] = useState(-1);
  const hold = waitForKeys && moving && waited !== version;
  const [state, setState] = useState<{ key: string; scenario: unknown; data: T | null }>({ key: '', scenario: null, data: null });
  useEffect(() => {
    if (!hold) return;
    const t = setTimeout(() => setWaited(version), WAIT_FOR_KEYS_MAX_MS);
    return () => clearTimeout(t);
  }, [hold, version]);
  useEffect(() => {
    if (!enabled || version < 0 || hold) return;
    let live = true;
    void cachedQuery(store, name, arg).then((data) => {
      if (live) setState({ key, scenario, data: (data ?? null) as T | null });
    });
    return () => {
      live = false;
    };
    // `key` carries name, version and arg.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, key, scenario, enabled, hold]);
  const fresh = state.key === key && state.scenario === scenario;
  return { data: state.data, loading: enabled && !fresh };
}
