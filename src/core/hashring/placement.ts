/**
 * The one entry point for key placement: which nodes hold each key's replicas under a scheme.
 * Pure and deterministic; `place()` runs in the worker on every ring change and inside checkers,
 * so it allocates a few typed arrays per call and nothing per key, and sorts only the vnode
 * points (the keys' hash order is memoized per key count).
 *
 * Schemes:
 *  - 'ring': consistent hashing with `vnodes` points per member; replicas = the next R distinct
 *    nodes clockwise (ring.ts).
 *  - 'jump': jump consistent hash over the members in ascending id order as buckets 0..n-1;
 *    replicas = buckets b+1, b+2, … (mod n). Adding a larger id appends the last bucket and moves
 *    only ≈ 1/(n+1) of the keys; removing any other member renumbers the buckets after it, and
 *    many keys move — jump's real limit, shown rather than hidden (jump.ts).
 *  - 'rendezvous': the R members of highest weight (rendezvous.ts).
 *  - 'bounded': the ring with a load cap ⌈c · keys / nodes⌉ (bounded.ts).
 * Bugs (for lessons and checkers):
 *  - moduloHashing: the ring scheme uses members[hash(key) mod n] (replicas: the next members
 *    by index) — the classic mistake: when n changes almost every key moves.
 *  - noDistinctReplicas: the ring's preference list takes the next R points without skipping a
 *    node's other vnodes, so a key can get the same node twice.
 */
import { murmur3 } from './hash';
import { jumpBuckets, jumpHash } from './jump';
import { buildPoints, buildRing, MAX_NODE_ID, successor, successorsSweep, type RingTable } from './ring';
import { nodeSeeds, topR } from './rendezvous';
import { boundedCapacity, placeBoundedKeys } from './bounded';

// The scheme names are the contract's (types.ts); re-exported so callers need one import.
import type { Scheme } from './types';
export type { Scheme } from './types';
export { SCHEMES } from './types';

export interface PlacementInput {
  scheme: Scheme;
  /** Node ids (1..24) in the ring now, ascending. */
  members: readonly number[];
  /** Points per node (ring, bounded). */
  vnodes: number;
  /** R. */
  replicas: number;
  /** c, bounded only (≥ 1; 1 means no slack at all, ⌈keys/nodes⌉ each). */
  loadFactor: number;
  /** How many keys: key i is named `key-${i}`. */
  keys: number;
  bugs?: { moduloHashing?: boolean; noDistinctReplicas?: boolean };
}

export interface Placement {
  /** owners[i * R + r] = node id of key i's replica rank r (0 = none: fewer members than R). */
  owners: Uint8Array;
  replicas: number;
  /** primaryCount[id] = keys node id owns as primary (length 25). */
  primaryCount: Uint32Array;
}

/** `key-${i}`. */
export function keyName(i: number): string {
  return `key-${i}`;
}

// Key hashes do not depend on the count, so one growing array serves every count (as a prefix).
let hashCache = new Uint32Array(0);
// Key indices 0..K-1 sorted by hash, and the hashes in that order, memoized for the last count asked.
let orderCache: { keys: number; order: Uint32Array; sorted: Uint32Array } = { keys: 0, order: new Uint32Array(0), sorted: new Uint32Array(0) };

/** murmur3(keyName(i), 0) for i in 0..keys-1. Memoized (a pure cache); do not write into it. */
export function keyHashes(keys: number): Uint32Array {
  if (hashCache.length < keys) {
    const grown = new Uint32Array(Math.max(keys, hashCache.length * 2));
    grown.set(hashCache);
    for (let i = hashCache.length; i < grown.length; i++) grown[i] = murmur3(keyName(i), 0);
    hashCache = grown;
  }
  return hashCache.subarray(0, keys);
}

function sortKeys(keys: number): typeof orderCache {
  if (orderCache.keys !== keys) {
    const h = keyHashes(keys);
    // hash·2^21 + index stays below 2^53 up to 2^21 keys: one numeric sort; past that, indices.
    let order: Uint32Array;
    if (keys <= 1 << 21) {
      const packed = new Float64Array(keys);
      for (let i = 0; i < keys; i++) packed[i] = h[i] * 2097152 + i;
      packed.sort();
      order = new Uint32Array(keys);
      for (let k = 0; k < keys; k++) order[k] = packed[k] % 2097152;
    } else {
      order = Uint32Array.from({ length: keys }, (_, i) => i).sort((a, b) => h[a] - h[b] || a - b);
    }
    const sorted = new Uint32Array(keys);
    for (let k = 0; k < keys; k++) sorted[k] = h[order[k]];
    orderCache = { keys, order, sorted };
  }
  return orderCache;
}

/** Key indices 0..keys-1 in ascending hash order (ties by index). Memoized per count. */
export function keyOrder(keys: number): Uint32Array {
  return sortKeys(keys).order;
}

/** The key hashes in ascending order: sortedKeyHashes(k)[j] = keyHashes(k)[keyOrder(k)[j]]. Memoized. */
export function sortedKeyHashes(keys: number): Uint32Array {
  return sortKeys(keys).sorted;
}

/** Forget the memoized vnode tokens (with clearRingCache, the bench times cold work). */
export { clearTokenCache } from './ring';

function checkInput(input: PlacementInput): void {
  const { members, replicas, keys } = input;
  if (!Number.isInteger(replicas) || replicas < 1) throw new Error(`placement: replicas must be ≥ 1, got ${replicas}`);
  if (!Number.isInteger(keys) || keys < 0) throw new Error(`placement: keys must be ≥ 0, got ${keys}`);
  for (let m = 0; m < members.length; m++) {
    const id = members[m];
    if (!Number.isInteger(id) || id < 1 || id > MAX_NODE_ID) throw new Error(`placement: node id ${id} outside 1..${MAX_NODE_ID}`);
    if (m > 0 && members[m - 1] >= id) throw new Error('placement: members must be ascending and distinct');
  }
  if ((input.scheme === 'ring' || input.scheme === 'bounded') && (!Number.isInteger(input.vnodes) || input.vnodes < 1)) {
    throw new Error(`placement: vnodes must be ≥ 1, got ${input.vnodes}`);
  }
  if (input.scheme === 'bounded' && !(input.loadFactor >= 1)) throw new Error(`placement: loadFactor must be ≥ 1, got ${input.loadFactor}`);
}

// The last ring table built, reused while (members, vnodes, R, distinct) stay the same (pure).
let ringCache: { key: string; table: RingTable } | null = null;

function ringTable(input: PlacementInput): RingTable {
  const distinct = !input.bugs?.noDistinctReplicas;
  const key = `${input.members.join(',')}|${input.vnodes}|${input.replicas}|${distinct ? 1 : 0}`;
  if (ringCache?.key !== key) ringCache = { key, table: buildRing(input.members, input.vnodes, input.replicas, distinct) };
  return ringCache.table;
}

/** Forget the memoized ring table. */
export function clearRingCache(): void {
  ringCache = null;
}

/** Writes members[(b + r) mod n] for r < min(R, n) — the "next buckets" replica rule of jump and modulo. */
function fillByIndex(members: readonly number[], b: number, R: number, owners: Uint8Array, base: number): void {
  const n = members.length;
  const want = Math.min(R, n);
  let idx = b;
  for (let r = 0; r < want; r++) {
    owners[base + r] = members[idx];
    if (++idx === n) idx = 0;
  }
}

// One small function per scheme, so each hot loop is optimized on its own.

/**
 * Bucket schemes (jump, and the moduloHashing bug): key i's bucket b indexes the members in
 * ascending order — jumpHash(hash, n), or hash mod n for the bug; its replicas are
 * members[(b + r) mod n] for r < min(R, n), read from the members written twice so the loop has
 * no modulo.
 */
function placeByBucket(members: readonly number[], hashes: Uint32Array, modulo: boolean, R: number, out: Placement): void {
  const n = members.length;
  const want = Math.min(R, n);
  const twice = new Uint8Array(2 * n);
  for (let m = 0; m < n; m++) twice[m] = twice[m + n] = members[m];
  const { owners, primaryCount } = out;
  // Jump's buckets in one pass first (WebAssembly when available: see jump.ts).
  let buckets: Uint32Array | null = null;
  if (!modulo) {
    buckets = new Uint32Array(hashes.length);
    jumpBuckets(hashes, n, buckets);
  }
  for (let i = 0, base = 0; i < hashes.length; i++, base += R) {
    const b = buckets === null ? hashes[i] % n : buckets[i];
    for (let r = 0; r < want; r++) owners[base + r] = twice[b + r];
    primaryCount[twice[b]]++;
  }
}

/** Ring: each key's successor point by one sweep over the keys in hash order, then its
 * preference list copied in key order (sequential writes). */
function placeRing(ring: RingTable, hashes: Uint32Array, order: Uint32Array, out: Placement): void {
  const { prefs, replicas: R } = ring;
  const { owners, primaryCount } = out;
  const succ = new Uint32Array(hashes.length);
  successorsSweep(ring.positions, sortedKeyHashes(order.length), order, succ);
  for (let i = 0, base = 0; i < succ.length; i++, base += R) {
    const from = succ[i] * R;
    for (let r = 0; r < R; r++) owners[base + r] = prefs[from + r];
    primaryCount[prefs[from]]++;
  }
}

function placeRendezvous(members: readonly number[], hashes: Uint32Array, R: number, out: Placement): void {
  const nh = nodeSeeds(members);
  const scratch = new Float64Array(R);
  const { owners, primaryCount } = out;
  for (let i = 0; i < hashes.length; i++) {
    topR(hashes[i], members, nh, R, owners, i * R, scratch);
    primaryCount[owners[i * R]]++;
  }
}

export function place(input: PlacementInput): Placement {
  checkInput(input);
  const { members, keys } = input;
  const R = input.replicas;
  const result: Placement = { owners: new Uint8Array(keys * R), replicas: R, primaryCount: new Uint32Array(MAX_NODE_ID + 1) };
  const n = members.length;
  if (n === 0 || keys === 0) return result;
  const hashes = keyHashes(keys);
  if (input.scheme === 'ring' && input.bugs?.moduloHashing) placeByBucket(members, hashes, true, R, result);
  else if (input.scheme === 'ring') placeRing(ringTable(input), hashes, keyOrder(keys), result);
  else if (input.scheme === 'jump') placeByBucket(members, hashes, false, R, result);
  else if (input.scheme === 'rendezvous') placeRendezvous(members, hashes, R, result);
  else {
    const ring = ringTable(input);
    const succ = new Uint32Array(keys);
    successorsSweep(ring.positions, sortedKeyHashes(keys), keyOrder(keys), succ);
    const cap = Math.max(boundedCapacity(keys, n, input.loadFactor), Math.ceil(keys / n));
    placeBoundedKeys(ring, succ, cap, result.owners, result.primaryCount);
  }
  return result;
}

/**
 * Where one key lives under `input`: its hash and its replicas' node ids (rank order, without
 * the 0s of missing ranks). For 'bounded' the answer depends on every other key's load: a key
 * named key-i with i < keys gets its placed answer; any other key is placed as one more key after
 * all of them (walking past the nodes the cap has filled).
 */
export function lookup(input: PlacementInput, key: string): { hash: number; owners: number[] } {
  checkInput(input);
  const hash = murmur3(key, 0);
  const { members } = input;
  const R = input.replicas;
  const n = members.length;
  const out = new Uint8Array(R);
  if (n > 0) {
    if (input.scheme === 'ring' && input.bugs?.moduloHashing) {
      fillByIndex(members, hash % n, R, out, 0);
    } else if (input.scheme === 'ring') {
      const ring = ringTable(input);
      const from = successor(ring.positions, hash) * R;
      out.set(ring.prefs.subarray(from, from + R));
    } else if (input.scheme === 'jump') {
      fillByIndex(members, jumpHash(hash, 0, n), R, out, 0);
    } else if (input.scheme === 'rendezvous') {
      topR(hash, members, nodeSeeds(members), R, out, 0, new Float64Array(R));
    } else {
      const m = /^key-(\d+)$/.exec(key);
      const idx = m ? Number(m[1]) : -1;
      if (idx >= 0 && idx < input.keys && keyName(idx) === key) {
        out.set(place(input).owners.subarray(idx * R, idx * R + R));
      } else {
        const placed = place(input);
        const ring = ringTable(input);
        const cap = Math.max(boundedCapacity(input.keys + 1, n, input.loadFactor), Math.ceil((input.keys + 1) / n));
        const total = ring.positions.length;
        let q = successor(ring.positions, hash);
        for (let steps = 0; steps < total && placed.primaryCount[ring.owners[q]] >= cap; steps++) q = (q + 1) % total;
        out.set(ring.prefs.subarray(q * R, q * R + R));
      }
    }
  }
  const owners: number[] = [];
  for (let r = 0; r < R; r++) if (out[r] !== 0) owners.push(out[r]);
  return { hash, owners };
}

let pointsCache: { key: string; points: { positions: Uint32Array; owners: Uint8Array } } | null = null;

/** The ring's points for drawing: sorted positions and their owners (ring/bounded); empty for jump/rendezvous
 * (the caller decides by scheme). Memoized for the last (members, vnodes). */
export function ringPoints(members: readonly number[], vnodes: number): { positions: Uint32Array; owners: Uint8Array } {
  const key = `${members.join(',')}|${vnodes}`;
  if (pointsCache?.key !== key) pointsCache = { key, points: buildPoints(members, Math.max(0, vnodes | 0)) };
  return pointsCache.points;
}
