/**
 * `npm run bench -- hashring`: the placement layer's timings (src/core/hashring), measured on
 * 10 nodes × 1,000 vnodes and 100,000 keys — what the worker recomputes on every ring change:
 *  - ring: a full recompute, cold (vnode tokens hashed, points sorted, preference lists built,
 *    every key placed by one sweep over the keys in hash order); key hashes and their order are
 *    cached, as they are in the app (they depend only on the key count). Goal ≤ 10 ms. Also with
 *    the vnode tokens cached (per node, as on a ring change in the app).
 *  - jump: jump consistent hash for every key (no table to build). Goal ≤ 3 ms (the "jump
 *    hash over 100,000 keys"), for the hash
 *    alone (a bucket per key, as placement computes it: jumpBuckets, the WebAssembly SIMD kernel,
 *    8 keys in lockstep) and place() (R replicas written per key, and counts); beside them the JS
 *    walk key by key (jumpHash: single lookups, and the fallback without WebAssembly). The SIMD
 *    kernel, the scalar one (jump-scalar.wat, for engines without SIMD) and the JS walk are also
 *    timed interleaved (run for run, so a neighbour's burst on a shared machine hits all alike),
 *    with the load average before and after.
 *  - rendezvous and bounded: the same placement for comparison (no goal).
 * Each figure is the median of RUNS runs after WARMUP runs (p95 and min beside it), so one GC
 * pause or a neighbour's burst on a shared machine does not decide it.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { jumpBuckets, jumpHash, jumpKernelKind, useJumpKernelForTests, type JumpKernelKind } from '../core/hashring/jump';
import { clearRingCache, clearTokenCache, keyHashes, keyOrder, place, type PlacementInput, type Scheme } from '../core/hashring/placement';
import { buildPoints, buildPrefs } from '../core/hashring/ring';

const NODES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const VNODES = 1000;
const KEYS = 100_000;
const REPLICAS = 3;
const WARMUP = 15;
const RUNS = 40;

interface Timing {
  medianMs: number;
  p95Ms: number;
  minMs: number;
}

function time(run: () => void): Timing {
  for (let i = 0; i < WARMUP; i++) run();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    run();
    ms.push(performance.now() - t0);
  }
  return summary(ms);
}

/** Several runs timed turn about, RUNS each after WARMUP each (see time()). */
function timeInterleaved(runs: readonly (() => void)[]): Timing[] {
  for (let i = 0; i < WARMUP; i++) for (const run of runs) run();
  const ms = runs.map((): number[] => []);
  for (let i = 0; i < RUNS; i++)
    runs.forEach((run, k) => {
      const t0 = performance.now();
      run();
      ms[k].push(performance.now() - t0);
    });
  return ms.map(summary);
}

function summary(ms: number[]): Timing {
  ms.sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return { medianMs: r(ms[ms.length >> 1]), p95Ms: r(ms[Math.min(ms.length - 1, Math.floor(ms.length * 0.95))]), minMs: r(ms[0]) };
}

function withGoal(t: Timing, goalMs: number | null) {
  return goalMs === null ? t : { ...t, goalMs, met: t.medianMs <= goalMs };
}

const input = (scheme: Scheme): PlacementInput => ({ scheme, members: NODES, vnodes: VNODES, replicas: REPLICAS, loadFactor: 1.25, keys: KEYS });

export function benchHashring() {
  // Key hashes and their order: computed once per key count, then cached (reported, not in the goals).
  clearTokenCache();
  let t0 = performance.now();
  keyHashes(KEYS);
  const keyHashMs = performance.now() - t0;
  t0 = performance.now();
  keyOrder(KEYS);
  const keyOrderMs = performance.now() - t0;
  let sink = 0;
  const cold = (scheme: Scheme) => () => {
    clearRingCache();
    clearTokenCache();
    sink += place(input(scheme)).primaryCount[1];
  };
  const ring = time(cold('ring'));
  // What the worker does on a ring change: members' tokens already hashed (memoized per node),
  // the table rebuilt (points sorted, preference lists) and every key placed.
  const ringWarm = time(() => {
    clearRingCache();
    sink += place(input('ring')).primaryCount[1];
  });
  const points = time(() => {
    clearTokenCache();
    sink += buildPoints(NODES, VNODES).positions.length;
  });
  const built = buildPoints(NODES, VNODES);
  const prefs = time(() => (sink += buildPrefs(built, NODES.length, REPLICAS)[0]));
  const jump = time(cold('jump'));
  const hashes = keyHashes(KEYS);
  const buckets = new Uint32Array(KEYS);
  const jumpBare = time(() => {
    jumpBuckets(hashes, NODES.length, buckets);
    sink += buckets[KEYS - 1];
  });
  const jumpJsRun = () => {
    for (let i = 0; i < KEYS; i++) sink += jumpHash(hashes[i], 0, NODES.length);
  };
  const jumpJs = time(jumpJsRun);
  const loadBefore = loadavg()[0];
  const kind = jumpKernelKind();
  const onKernel = (k: JumpKernelKind) => () => {
    useJumpKernelForTests(k);
    jumpBuckets(hashes, NODES.length, buckets);
    sink += buckets[KEYS - 1];
  };
  const [simdTurn, scalarTurn, jsTurn] = timeInterleaved([onKernel('simd'), onKernel('scalar'), jumpJsRun]);
  useJumpKernelForTests('simd');
  const loadAfter = loadavg()[0];
  const rendezvous = time(cold('rendezvous'));
  const bounded = time(cold('bounded'));
  const boundedTight = time(() => {
    clearRingCache();
    clearTokenCache();
    sink += place({ ...input('bounded'), loadFactor: 1.02 }).primaryCount[1];
  });
  if (sink < 0) throw new Error('unreachable'); // keeps the work observable
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return {
    setup: `${NODES.length} nodes × ${VNODES} vnodes, ${KEYS} keys, R = ${REPLICAS}; median of ${RUNS} runs after ${WARMUP}`,
    once: { keyHashesMs: r(keyHashMs), keyOrderMs: r(keyOrderMs) },
    ring: { fullRecompute: withGoal(ring, 10), recomputeTokensCached: withGoal(ringWarm, 10), buildPoints: points, buildPreferenceLists: prefs },
    jump: {
      kernel: { simd: 'WebAssembly SIMD, 8 keys in lockstep', scalar: 'WebAssembly, one key at a time (no SIMD here)', js: 'JS (no WebAssembly here)' }[kind],
      hashOnly: withGoal(jumpBare, 3),
      place: withGoal(jump, null),
      jsWalkPerKey: withGoal(jumpJs, null),
      // Run for run: the hash alone on each kernel (as the engine allows), and the JS walk.
      interleaved: { simdKernel: simdTurn, scalarKernel: scalarTurn, jsWalkPerKey: jsTurn, loadAverage1m: `${r(loadBefore)} → ${r(loadAfter)}` },
    },
    rendezvous: { place: withGoal(rendezvous, null) },
    bounded: { 'place c=1.25': withGoal(bounded, null), 'place c=1.02': withGoal(boundedTight, null) },
  };
}
