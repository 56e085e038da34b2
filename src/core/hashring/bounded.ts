/**
 * Consistent hashing with bounded loads (Mirrokni, Thorup & Zadimoghaddam, 2018): the ring, but
 * every node takes at most cap = ⌈c · keys / nodes⌉ keys (c > 1, the load factor). Keys are placed
 * one by one in key-index order; each goes to the first point clockwise from its hash whose node
 * is not yet full. No node is ever above the cap, and the max/mean load is at most c, whatever the
 * hash luck; the price is that a change can cascade: a key displaced from a full node displaces
 * others further round. Replicas are the next R−1 distinct nodes clockwise after the point the
 * primary landed on (its preference list there).
 *
 * Skipping full nodes uses a "next open point" forest with path compression: when a node fills,
 * each of its points is linked to the point after it, so a walk past a long run of full nodes is
 * paid once, not once per key.
 */
import type { RingTable } from './ring';
import { MAX_NODE_ID } from './ring';

/** ⌈c · keys / nodes⌉. The tiny epsilon keeps 1.1 · 100000 / 10 = 11000.000000000002 at 11000. */
export function boundedCapacity(keys: number, nodes: number, loadFactor: number): number {
  if (nodes <= 0) return 0;
  return Math.ceil((loadFactor * keys) / nodes - 1e-9);
}

/**
 * Places keys 0..K-1 (K = succ.length) in index order. `succ[i]` is key i's successor point.
 * Writes owners[i·R + r] and primaryCount[id]. The ring must have at least one point, and
 * cap · (member count) ≥ K (true for c ≥ 1), so every walk ends.
 */
export function placeBoundedKeys(
  ring: RingTable,
  succ: Uint32Array,
  cap: number,
  owners: Uint8Array,
  primaryCount: Uint32Array,
): void {
  const total = ring.owners.length;
  const R = ring.replicas;
  const pointOwner = ring.owners;
  // Points by owner (CSR), to close a node's points when it fills.
  const start = new Uint32Array(MAX_NODE_ID + 2);
  for (let p = 0; p < total; p++) start[pointOwner[p] + 1]++;
  for (let id = 1; id <= MAX_NODE_ID + 1; id++) start[id] += start[id - 1];
  const fill = start.slice(0, MAX_NODE_ID + 1);
  const byOwner = new Uint32Array(total);
  for (let p = 0; p < total; p++) byOwner[fill[pointOwner[p]]++] = p;
  // next[p] === p: point p is open; else follow to a later point. Index `total` is a sentinel
  // meaning "wrap to 0" and is always open.
  const next = new Uint32Array(total + 1);
  for (let p = 0; p <= total; p++) next[p] = p;
  const find = (p: number): number => {
    let r = p;
    while (next[r] !== r) r = next[r];
    while (next[p] !== r) {
      const up = next[p];
      next[p] = r;
      p = up;
    }
    return r;
  };
  const load = primaryCount;
  for (let i = 0; i < succ.length; i++) {
    let q = find(succ[i]);
    if (q === total) q = find(0);
    const id = pointOwner[q];
    if (++load[id] >= cap) {
      for (let s = start[id]; s < start[id + 1]; s++) {
        const p = byOwner[s];
        next[p] = p + 1;
      }
    }
    const base = i * R;
    const from = q * R;
    for (let r = 0; r < R; r++) owners[base + r] = ring.prefs[from + r];
  }
}
