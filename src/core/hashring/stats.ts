/**
 * Load and movement statistics of placements: keys per node, mean, coefficient of variation
 * (population standard deviation / mean), max/mean; what moved between two placements; the ideal
 * movement; the vnode balance formula and a measured curve to set beside it.
 */
import { place, type Placement } from './placement';
import type { CvCurve, LoadStats as ContractLoadStats } from './types';

/** The contract's LoadStats (types.ts: perNode, mean, cv, maxOverMean, cap) and a little more. */
export interface LoadStats extends ContractLoadStats {
  /** counts[m] = primary keys of members[m] (perNode's numbers, as an array). */
  counts: number[];
  /** Population standard deviation. */
  std: number;
  min: number;
  max: number;
}

/** Keys per member (as primary) and their spread: CV = std / mean and max / mean (0 when there are
 * no keys). `cap` is passed through (bounded's ⌈c · keys / nodes⌉; 0 for the other schemes). */
export function loadStats(p: Placement, members: readonly number[], cap = 0): LoadStats {
  const counts = members.map((id) => p.primaryCount[id]);
  const perNode = members.map((id, m) => ({ id, keys: counts[m] }));
  const n = counts.length;
  if (n === 0) return { perNode, counts, mean: 0, std: 0, cv: 0, min: 0, max: 0, maxOverMean: 0, cap };
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const c of counts) {
    sum += c;
    if (c < min) min = c;
    if (c > max) max = c;
  }
  const mean = sum / n;
  let sq = 0;
  for (const c of counts) sq += (c - mean) * (c - mean);
  const std = Math.sqrt(sq / n);
  return { perNode, counts, mean, std, cv: mean > 0 ? std / mean : 0, min, max, maxOverMean: mean > 0 ? max / mean : 0, cap };
}

export interface PlacementDiff {
  /** Keys whose primary changed. */
  moved: number;
  /** from[id] = moved keys whose primary WAS id. */
  from: Record<number, number>;
  /** to[id] = moved keys whose primary IS NOW id. */
  to: Record<number, number>;
  /** movedByRank[r] = keys whose rank-r replica changed (r < min of the two R). */
  movedByRank: number[];
}

/** What changed from `before` to `after` (the same key count). */
export function diff(before: Placement, after: Placement): PlacementDiff {
  const Rb = before.replicas;
  const Ra = after.replicas;
  const keys = before.owners.length / Rb;
  if (after.owners.length / Ra !== keys) throw new Error(`diff: ${keys} keys before, ${after.owners.length / Ra} after`);
  const R = Math.min(Rb, Ra);
  const byRank = new Array<number>(R).fill(0);
  const fromA = new Uint32Array(256);
  const toA = new Uint32Array(256);
  let moved = 0;
  for (let i = 0; i < keys; i++) {
    const b0 = before.owners[i * Rb];
    const a0 = after.owners[i * Ra];
    if (b0 !== a0) {
      moved++;
      fromA[b0]++;
      toA[a0]++;
    }
    for (let r = 0; r < R; r++) if (before.owners[i * Rb + r] !== after.owners[i * Ra + r]) byRank[r]++;
  }
  const from: Record<number, number> = {};
  const to: Record<number, number> = {};
  for (let id = 0; id < 256; id++) {
    if (fromA[id]) from[id] = fromA[id];
    if (toA[id]) to[id] = toA[id];
  }
  return { moved, from, to, movedByRank: byRank };
}

/**
 * The least movement any scheme can achieve when the member count goes from `nBefore` to
 * `nAfter`: the keys the removed nodes held, K/N per node removed, or the new nodes' fair share,
 * K/(N+1) for one added — K·|Δn| / max(nBefore, nAfter) in both cases.
 */
export function idealMoved(keys: number, nBefore: number, nAfter: number): number {
  const big = Math.max(nBefore, nAfter);
  if (big === 0) return 0;
  return (keys * Math.abs(nAfter - nBefore)) / big;
}

/**
 * Expected CV of keys per node for n nodes with v points each (infinitely many keys):
 * √((n−1)/(n·v+1)). The arcs of n·v uniform points are spacings whose owner's share is a sum of
 * v of them; its variance gives this (≈ 1/√v for large n).
 */
export function cvFormula(n: number, v: number): number {
  if (n <= 1) return 0; // one node (or none) holds everything: no spread
  return Math.sqrt((n - 1) / (n * v + 1));
}

export interface CvPoint {
  vnodes: number;
  /** Measured CV with the ring scheme and these keys. */
  cv: number;
  /** cvFormula(n, vnodes). */
  formula: number;
  maxOverMean: number;
}

/** Measured balance of the ring scheme per vnode count, beside the formula. */
export function cvCurve(members: readonly number[], keys: number, vnodesList: readonly number[]): CvPoint[] {
  return vnodesList.map((vnodes) => {
    const s = loadStats(place({ scheme: 'ring', members, vnodes, replicas: 1, loadFactor: 1.25, keys }), members);
    return { vnodes, cv: s.cv, formula: cvFormula(members.length, vnodes), maxOverMean: s.maxOverMean };
  });
}

/** The curve in the contract's shape (types.ts CvCurve, what query('cvCurve') answers). */
export function cvCurveView(members: readonly number[], keys: number, vnodesList: readonly number[]): CvCurve {
  const points = cvCurve(members, keys, vnodesList);
  return {
    nodes: members.length,
    keys,
    vnodes: points.map((x) => x.vnodes),
    measured: points.map((x) => x.cv),
    formula: points.map((x) => x.formula),
  };
}
