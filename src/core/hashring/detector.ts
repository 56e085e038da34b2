/**
 * The router's failure detectors, as pure functions over fixed-size per-member tables.
 *
 * - `timeout`: a member is declared down when now − (its last heartbeat) ≥ timeoutMs.
 * - `phi` (Hayashibara et al., "The φ Accrual Failure Detector", 2004, as Akka and Cassandra
 *   run it): the router keeps the last `phiWindow` heartbeat intervals of each member, models
 *   the next interval as a normal distribution with their mean and standard deviation (the
 *   deviation never below `minStdDevMs`), and after a silence of t ms the suspicion is
 *   φ(t) = −log10(1 − F(t)), F the normal CDF. Like Akka, F is the logistic approximation
 *   1 / (1 + e^(−y(1.5976 + 0.070566 y²))), y = (t − mean) / std (Bowling et al., 2009),
 *   written in the form that keeps precision on the side it is evaluated. φ = 8 means
 *   "a heartbeat this late happens once in 10^8 intervals if the member is alive".
 *   Before any interval is known the window is seeded as Akka seeds it from its
 *   first-heartbeat estimate (here heartbeatMs): two intervals, heartbeatMs ∓ heartbeatMs / 4.
 *
 * The router never polls: the time at which a member will be declared down if nothing
 * arrives is a function of its table alone (for phi, the smallest integer t with
 * φ(t) ≥ threshold, found by bisection: φ rises monotonically with t), and the router arms
 * its one timer at the earliest such deadline.
 */
import type { HashringConfig } from './types';

/** φ after `silentMs` without a heartbeat, for intervals of this mean and (clamped) std. */
export function phi(silentMs: number, mean: number, std: number): number {
  const y = (silentMs - mean) / std;
  const e = Math.exp(-y * (1.5976 + 0.070566 * y * y));
  // Past the mean 1 − F = e / (1 + e) is small and computed directly; before it, F is small
  // and 1 − F = 1 − 1 / (1 + e) loses nothing that matters (φ is near 0 there).
  return silentMs > mean ? -Math.log10(e / (1 + e)) : -Math.log10(1 - 1 / (1 + e));
}

/**
 * The smallest integer silence (≥ 1 ms) at which φ reaches `threshold`. Deterministic:
 * doubling to an upper bound, then bisection on integers.
 */
export function phiDelay(mean: number, std: number, threshold: number): number {
  let hi = Math.max(1, Math.ceil(mean));
  while (phi(hi, mean, std) < threshold) hi *= 2;
  let lo = 0; // phi(lo) < threshold or lo = 0
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (phi(mid, mean, std) >= threshold) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * Per-member interval windows, flat: the intervals of member id are
 * win[id * size .. id * size + size) as a ring buffer (head = next slot to write), with
 * running sums so the mean and deviation cost O(1). Intervals are integer ms, so the sums
 * are exact integers.
 */
export interface Windows {
  readonly size: number;
  win: Int32Array;
  len: Uint16Array;
  head: Uint16Array;
  sum: Float64Array;
  sumSq: Float64Array;
}

export function createWindows(slots: number, size: number): Windows {
  return {
    size,
    win: new Int32Array(slots * size),
    len: new Uint16Array(slots),
    head: new Uint16Array(slots),
    sum: new Float64Array(slots),
    sumSq: new Float64Array(slots),
  };
}

export function copyWindows(w: Windows): Windows {
  return { size: w.size, win: w.win.slice(), len: w.len.slice(), head: w.head.slice(), sum: w.sum.slice(), sumSq: w.sumSq.slice() };
}

export function pushInterval(w: Windows, id: number, interval: number): void {
  const base = id * w.size;
  const h = w.head[id];
  if (w.len[id] === w.size) {
    const old = w.win[base + h];
    w.sum[id] -= old;
    w.sumSq[id] -= old * old;
  } else {
    w.len[id]++;
  }
  w.win[base + h] = interval;
  w.sum[id] += interval;
  w.sumSq[id] += interval * interval;
  w.head[id] = h + 1 === w.size ? 0 : h + 1;
}

/** Forget member id's intervals and seed them with Akka's first-heartbeat estimate. */
export function seedWindow(w: Windows, id: number, heartbeatMs: number): void {
  w.len[id] = 0;
  w.head[id] = 0;
  w.sum[id] = 0;
  w.sumSq[id] = 0;
  const dev = Math.floor(heartbeatMs / 4);
  pushInterval(w, id, heartbeatMs - dev);
  pushInterval(w, id, heartbeatMs + dev);
}

export interface WindowStats {
  samples: number;
  mean: number;
  /** Population standard deviation of the window (not clamped). */
  std: number;
}

export function windowStats(w: Windows, id: number): WindowStats {
  const n = w.len[id];
  if (n === 0) return { samples: 0, mean: 0, std: 0 };
  const mean = w.sum[id] / n;
  const variance = Math.max(0, w.sumSq[id] / n - mean * mean);
  return { samples: n, mean, std: Math.sqrt(variance) };
}

/** φ of member id after `silentMs`, with the window's estimate (std clamped as configured). */
export function phiOf(w: Windows, id: number, silentMs: number, cfg: HashringConfig): number {
  const s = windowStats(w, id);
  return phi(silentMs, s.mean, Math.max(s.std, cfg.minStdDevMs));
}

/** How long after `since` member id is declared down if nothing arrives. */
export function silenceAllowed(w: Windows, id: number, cfg: HashringConfig): number {
  if (cfg.detector === 'timeout') return cfg.timeoutMs;
  const s = windowStats(w, id);
  return phiDelay(s.mean, Math.max(s.std, cfg.minStdDevMs), cfg.phiThreshold);
}
