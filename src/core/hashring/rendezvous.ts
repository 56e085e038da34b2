/**
 * Rendezvous (highest-random-weight) hashing (Thaler & Ravishankar): every (key, node) pair has
 * a pseudo-random weight mix32(hash(key), hash(`n<id>`)); a key's replicas are the R members with
 * the highest weights, in descending order. Removing a node moves only the keys it held (each to
 * its next-highest node); adding one moves only the keys for which it now ranks first. The cost is
 * O(N) per key, against the ring's O(log points), and it needs no table at all.
 */
import { mix32, mix32Scrambled, murmur3, scrambleWord } from './hash';

const nodeHashCache = new Map<number, number>();

/** murmur3(`n<id>`), memoized. */
export function nodeHash(id: number): number {
  let h = nodeHashCache.get(id);
  if (h === undefined) {
    h = murmur3(`n${id}`, 0);
    nodeHashCache.set(id, h);
  }
  return h;
}

/** scrambleWord(nodeHash(id)) per member: the node's half of every weight, computed once. */
export function nodeSeeds(members: readonly number[]): Int32Array {
  return Int32Array.from(members, (id) => scrambleWord(nodeHash(id)));
}

/** The weight of `id` for a key whose hash is `keyHash`. */
export function weight(keyHash: number, id: number): number {
  return mix32(keyHash, nodeHash(id));
}

/**
 * Writes the top-R members for `keyHash` into out[base .. base+R) (descending weight; equal
 * weights — possible, if unlikely — go to the lower id, since `members` is ascending and only a
 * strictly higher weight displaces). Ranks past the member count stay 0. `nodeSeeds[m]` is
 * nodeSeeds(members)[m] (each node's hash, pre-scrambled for mix32); `scratch` holds R weights.
 */
export function topR(
  keyHash: number,
  members: readonly number[],
  nodeSeeds: Int32Array,
  replicas: number,
  out: Uint8Array,
  base: number,
  scratch: Float64Array,
): void {
  let filled = 0;
  for (let m = 0; m < members.length; m++) {
    const w = mix32Scrambled(keyHash, nodeSeeds[m]);
    // Insert into the sorted top list (descending) if it beats the last kept one.
    let pos = filled;
    while (pos > 0 && scratch[pos - 1] < w) pos--;
    if (pos >= replicas) continue;
    const last = filled < replicas ? filled : replicas - 1;
    for (let s = last; s > pos; s--) {
      scratch[s] = scratch[s - 1];
      out[base + s] = out[base + s - 1];
    }
    scratch[pos] = w;
    out[base + pos] = members[m];
    if (filled < replicas) filled++;
  }
}
