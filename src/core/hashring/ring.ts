/**
 * The consistent-hash ring (Karger et al.): every member puts `vnodes` points ("virtual nodes")
 * on the 32-bit circle at murmur3(`n<id>#<v>`), v = 0..vnodes-1; a key at hash h belongs to the
 * first point clockwise at or after h (wrapping past 2^32 − 1 to the smallest point), and its
 * replicas to the next distinct nodes after that point (its preference list).
 *
 * The table is built once per ring change: sorted positions, the owner of each, and for each
 * position its preference list of R distinct nodes, so looking a key up is one successor search
 * (or one step of a sweep over sorted keys) plus one table read.
 */
import { murmur3 } from './hash';
import { HASHRING_CAPACITY } from './types';

/** Node ids are 1..MAX_NODE_ID, the contract's slots (an owner byte of 0 means "none"). */
export const MAX_NODE_ID = HASHRING_CAPACITY;

/** A member's vnode tokens, memoized per id: the longest array computed so far (a prefix of it
 * serves any smaller count, since token v does not depend on the count). Pure: same input, same
 * output. */
const tokenCache = new Map<number, Uint32Array>();

/** murmur3(`n<id>#<v>`, 0) for v in 0..vnodes-1. */
export function vnodeTokens(id: number, vnodes: number): Uint32Array {
  let t = tokenCache.get(id);
  if (!t || t.length < vnodes) {
    const grown = new Uint32Array(Math.max(vnodes, t ? t.length * 2 : 0));
    let v = 0;
    if (t) {
      grown.set(t);
      v = t.length;
    }
    const prefix = `n${id}#`;
    for (; v < grown.length; v++) grown[v] = murmur3(prefix + v, 0);
    tokenCache.set(id, grown);
    t = grown;
  }
  return t.subarray(0, vnodes);
}

/** Forget memoized tokens (the bench measures a cold build with this). */
export function clearTokenCache(): void {
  tokenCache.clear();
}

export interface RingPoints {
  /** Sorted ascending (unsigned 32-bit). Equal positions are ordered by owner id. */
  positions: Uint32Array;
  /** owners[p] = node id of the point at positions[p]. */
  owners: Uint8Array;
}

/** The members' points, sorted. Ties (two tokens on the same position) go to the lower id first,
 * so the order — and every lookup — is a function of (members, vnodes) alone. */
export function buildPoints(members: readonly number[], vnodes: number): RingPoints {
  const n = members.length;
  const total = n * vnodes;
  // Pack (position, owner) into one double: position·32 + id < 2^37, exact; one numeric sort.
  const packed = new Float64Array(total);
  let k = 0;
  for (let m = 0; m < n; m++) {
    const id = members[m];
    const t = vnodeTokens(id, vnodes);
    for (let v = 0; v < vnodes; v++) packed[k++] = t[v] * 32 + id;
  }
  packed.sort();
  const positions = new Uint32Array(total);
  const owners = new Uint8Array(total);
  for (let p = 0; p < total; p++) {
    const x = packed[p];
    const id = x % 32;
    owners[p] = id;
    positions[p] = (x - id) / 32;
  }
  return { positions, owners };
}

/** Index of the first point at or after `h`, wrapping to 0 past the last one. `positions` non-empty. */
export function successor(positions: Uint32Array, h: number): number {
  let lo = 0;
  let hi = positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (positions[mid] < h) lo = mid + 1;
    else hi = mid;
  }
  return lo === positions.length ? 0 : lo;
}

/**
 * Preference lists: prefs[p·R + r] = the r-th node of the list starting at point p — the owner of
 * p, then the owners of the following points clockwise, skipping nodes already in the list, until
 * R distinct nodes (or every member, if fewer than R; the rest are 0).
 * With `distinct` false (the noDistinctReplicas bug) it is simply the owners of the next R
 * points (round the ring again if it has fewer than R), so a node's other vnodes can appear twice.
 */
export function buildPrefs(points: RingPoints, memberCount: number, replicas: number, distinct = true): Uint8Array {
  const { owners } = points;
  const total = owners.length;
  const R = replicas;
  const prefs = new Uint8Array(total * R);
  if (total === 0) return prefs;
  if (!distinct) {
    for (let p = 0; p < total; p++) {
      for (let r = 0; r < R; r++) prefs[p * R + r] = owners[(p + r) % total];
    }
    return prefs;
  }
  const want = Math.min(R, memberCount);
  // seen[id] === stamp means id is already in the list being built (no clearing per position).
  const seen = new Uint32Array(MAX_NODE_ID + 1);
  for (let p = 0; p < total; p++) {
    const stamp = p + 1;
    let got = 0;
    const base = p * R;
    for (let q = p, steps = 0; got < want && steps < total; steps++) {
      const id = owners[q];
      if (seen[id] !== stamp) {
        seen[id] = stamp;
        prefs[base + got++] = id;
      }
      if (++q === total) q = 0;
    }
  }
  return prefs;
}

/** Everything a ring lookup needs. */
export interface RingTable extends RingPoints {
  replicas: number;
  /** See buildPrefs. */
  prefs: Uint8Array;
}

export function buildRing(members: readonly number[], vnodes: number, replicas: number, distinct = true): RingTable {
  const points = buildPoints(members, vnodes);
  return { ...points, replicas, prefs: buildPrefs(points, members.length, replicas, distinct) };
}

/**
 * For every key, the index of its successor point, by one sweep over the keys in hash order
 * (`sorted[k]` = the hash of key `order[k]`, ascending) instead of a binary search per key.
 */
export function successorsSweep(positions: Uint32Array, sorted: Uint32Array, order: Uint32Array, out: Uint32Array): void {
  const total = positions.length;
  let p = 0;
  for (let k = 0; k < order.length; k++) {
    const h = sorted[k];
    while (p < total && positions[p] < h) p++;
    out[order[k]] = p === total ? 0 : p;
  }
}
