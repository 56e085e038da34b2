/**
 * The ring's layout and key positions for the shown frame, asked of the worker (the worker
 * computes the ring; the main thread only draws): query('ring') once per ring version,
 * query('keyHashes') once per key count. The previous layout stays alongside, so the key
 * canvas can animate exactly the keys whose primary owner changed.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { HashringHubView, KeyHashes, KeyLookup, RingLayout } from '../../../core/hashring/types';
import { useApp, useAppStore } from '../../StoreContext';
import { cachedQuery } from '../panel/ringQuery';

export interface RingData {
  layout: RingLayout | null;
  /** The layout drawn before this one (null at first). */
  prev: RingLayout | null;
  hashes: KeyHashes | null;
}

/** The router's view at the shown frame, or null. A new object at every frame: see useHubLook. */
export function useHub(): HashringHubView | null {
  return useApp((s) => (s.view?.hub as HashringHubView | null | undefined) ?? null);
}

/** What the stage draws of the router's view apart from the suspicion meters: it changes only at a ring change. */
export interface HubLook {
  version: number;
  ring: readonly number[];
  members: readonly number[];
  /** The latest ring change (null before the first). */
  last: { action: number; node: number } | null;
}

/** The HubLook of a hub, as one string (compared by value: every frame's view is a new object). */
export function hubKey(hub: HashringHubView | null | undefined): string {
  if (!hub) return '';
  const c = hub.changes.length > 0 ? hub.changes[hub.changes.length - 1] : null;
  return `${hub.version}|${hub.ring.join(',')}|${hub.members.join(',')}|${c ? `${c.action}:${c.node}` : ''}`;
}

export function parseHubKey(key: string): HubLook | null {
  if (!key) return null;
  const [version, ring, members, last] = key.split('|');
  const ids = (list: string) => (list ? list.split(',').map(Number) : []);
  const [action, node] = last ? last.split(':').map(Number) : [];
  return { version: Number(version), ring: ids(ring), members: ids(members), last: last ? { action, node } : null };
}

/**
 * The router's view as the stage draws it, the same object until a ring change or a member
 * joining or leaving: the stage re-renders then, not at every frame of heartbeats (the parts
 * that move per frame subscribe for themselves, or move with the frame clock).
 */
export function useHubLook(): HubLook | null {
  const key = useApp((s) => hubKey(s.view?.hub as HashringHubView | null | undefined));
  return useMemo(() => parseHubKey(key), [key]);
}

export function useRingData(): RingData {
  const version = useApp((s) => (s.view?.hub as HashringHubView | null | undefined)?.version ?? -1);
  const scenario = useApp((s) => s.scenario);
  const store = useAppStore();
  const [data, setData] = useState<RingData>({ layout: null, prev: null, hashes: null });
  const asked = useRef(0);
  const current = useRef<RingData>(data);

  useEffect(() => {
    if (version < 0) return;
    const ask = ++asked.current;
    void (async () => {
      const layout = (await cachedQuery(store, 'ring')) as RingLayout | null;
      if (ask !== asked.current || !layout) return;
      let hashes = current.current.hashes;
      if (!hashes || hashes.length !== layout.keys) hashes = (await cachedQuery(store, 'keyHashes')) as KeyHashes | null;
      if (ask !== asked.current) return;
      const before = current.current;
      // A new scenario (another key count) starts afresh: nothing to animate from.
      const prev = before.layout && before.layout.keys === layout.keys && before.layout.replicas === layout.replicas ? before.layout : null;
      const next = { layout, prev, hashes };
      current.current = next;
      setData(next);
    })();
  }, [version, scenario, store]);

  return data;
}

/** Where the selected key (the panel's lookup) lives, at the shown ring version; null without one. */
export function useSelectedKey(): KeyLookup | null {
  const key = useApp((s) => s.selectedKey);
  const version = useApp((s) => (s.view?.hub as HashringHubView | null | undefined)?.version ?? -1);
  const store = useAppStore();
  const [found, setFound] = useState<{ key: string; at: KeyLookup | null } | null>(null);
  useEffect(() => {
    let live = true;
    if (!key) return;
    void cachedQuery(store, 'lookup', { key }).then((r) => {
      if (live) setFound({ key, at: (r as KeyLookup | null) ?? null });
    });
    return () => {
      live = false;
    };
  }, [key, version, store]);
  return key && found?.key === key ? found.at : null;
}
