/** The ring's checkers: each rule catches what it claims, each bug is caught, and a correct run passes. */
import { describe, expect, it } from 'vitest';
import { VIOLATION_CODES, checkMovement, checkReplicas, createHashringMonitor } from '../../../../src/core/hashring/checkers';
import type { Placement } from '../../../../src/core/hashring/placement';
import { phiDelay } from '../../../../src/core/hashring/detector';
import { createRouter, placementOf, startRouter } from '../../../../src/core/hashring/router';
import type { WorldView } from '../../../../src/core/protocol';
import { FakeCtx, cfgOf, run } from './harness';

/** A placement by hand: owners per key (rank order), R = the longest list. */
function placed(lists: number[][], R: number): Placement {
  const owners = new Uint8Array(lists.length * R);
  const primaryCount = new Uint32Array(25);
  lists.forEach((l, i) => {
    l.forEach((o, r) => (owners[i * R + r] = o));
    primaryCount[l[0] ?? 0]++;
  });
  return { owners, replicas: R, primaryCount };
}

function inRing(ids: number[]): Uint8Array {
  const a = new Uint8Array(256);
  for (const id of ids) a[id] = 1;
  return a;
}

describe('Replica Count', () => {
  const cfg = cfgOf({ keys: 2, replicas: 2 });
  it('passes two distinct owners in the ring', () => {
    expect(checkReplicas(cfg, placed([[1, 2], [2, 3]], 2), [1, 2, 3], inRing([1, 2, 3]))).toBeNull();
  });
  it('catches the same node twice, an owner out of the ring, a missing rank and an extra one', () => {
    expect(checkReplicas(cfg, placed([[1, 2], [2, 2]], 2), [1, 2, 3], inRing([1, 2, 3]))?.why).toEqual({ code: 'duplicateReplica', args: { key: 1, node: 2, rank: 2, firstRank: 1, want: 2 } });
    expect(checkReplicas(cfg, placed([[1, 4], [2, 3]], 2), [1, 2, 3], inRing([1, 2, 3]))?.why.code).toBe('ownerNotInRing');
    expect(checkReplicas(cfg, placed([[1], [2, 3]], 2), [1, 2, 3], inRing([1, 2, 3]))?.why.code).toBe('missingReplica');
    // One node in the ring: min(R, 1) = 1 owner, no more.
    expect(checkReplicas(cfg, placed([[1], [1]], 2), [1], inRing([1]))).toBeNull();
    expect(checkReplicas(cfg, placed([[1], [1, 1]], 2), [1], inRing([1]))?.why.code).toBe('extraReplica');
  });
});

describe('Minimal Movement', () => {
  const ring = cfgOf({ keys: 3, replicas: 2 });
  it('a departure may move only the departed node\'s keys; ranks among the stayers keep their order', () => {
    const before = placed([[1, 2], [2, 3], [3, 1]], 2);
    expect(checkMovement(ring, [1, 2, 3], before, [1, 3], placed([[1, 3], [3, 1], [3, 1]], 2))).toBeNull();
    const stolen = checkMovement(ring, [1, 2, 3], before, [1, 3], placed([[1, 3], [3, 1], [1, 3]], 2));
    expect(stolen?.why).toEqual({ code: 'movedBetweenStayers', args: { key: 2, from: 3, to: 1 } });
    const lastOut = checkMovement(ring, [1, 2, 3, 4], placed([[1, 2], [2, 3], [3, 4]], 2), [1, 2, 3], placed([[1, 2], [2, 3], [3, 1]], 2));
    expect(lastOut).toBeNull();
    const reordered = checkMovement(cfgOf({ keys: 1, replicas: 3 }), [1, 2, 3, 4], placed([[4, 1, 2]], 3), [1, 2, 3], placed([[2, 1, 3]], 3));
    expect(reordered?.why.code).toBe('replicasShuffled');
  });

  it('an arrival may move keys only onto the newcomer', () => {
    const before = placed([[1, 2], [2, 1], [1, 2]], 2);
    expect(checkMovement(ring, [1, 2], before, [1, 2, 3], placed([[3, 1], [2, 1], [1, 3]], 2))).toBeNull();
    expect(checkMovement(ring, [1, 2], before, [1, 2, 3], placed([[3, 1], [1, 2], [1, 2]], 2))?.why.code).toBe('movedBetweenStayers');
  });

  it('jump: checked when the last bucket changes; a middle change is jump\'s limit, not a violation', () => {
    const jump = cfgOf({ keys: 2, replicas: 1, scheme: 'jump' });
    const before = placed([[1], [2]], 1);
    expect(checkMovement(jump, [1, 2, 3], before, [1, 2], placed([[2], [2]], 1))?.why.code).toBe('movedBetweenStayers');
    expect(checkMovement(jump, [1, 2, 3], before, [1, 3], placed([[3], [1]], 1))).toBeNull();
    // Real jump, a middle removal: many keys move, no violation.
    const real = cfgOf({ keys: 2000, replicas: 1, scheme: 'jump' });
    const a = placementOf(real, [1, 2, 3, 4, 5]);
    const b = placementOf(real, [1, 3, 4, 5]);
    expect(checkMovement(real, [1, 2, 3, 4, 5], a, [1, 3, 4, 5], b)).toBeNull();
    expect(checkMovement(real, [1, 2, 3, 4, 5], a, [1, 2, 3, 4], placementOf(real, [1, 2, 3, 4]))).toBeNull();
  });

  it('bounded: no node above the cap', () => {
    const bounded = cfgOf({ keys: 4, replicas: 1, scheme: 'bounded', loadFactor: 1.25 });
    // cap = ⌈1.25 · 4 / 2⌉ = 3
    expect(checkMovement(bounded, [1, 2], placed([[1], [1], [2], [2]], 1), [1, 2], placed([[1], [1], [1], [2]], 1))).toBeNull();
    expect(checkMovement(bounded, [1, 2], placed([[1], [1], [2], [2]], 1), [1, 2], placed([[1], [1], [1], [1]], 1))?.why).toEqual({ code: 'aboveCap', args: { node: 1, keys: 4, cap: 3 } });
  });
});

describe('Detection Bound', () => {
  it('a crashed member not declared down within timeoutMs + latencyMaxMs + 1 is a violation', () => {
    const cfg = cfgOf({ detector: 'timeout', timeoutMs: 500, latencyMaxMs: 15 });
    const router = createRouter(2, cfg);
    startRouter(router, new FakeCtx(0));
    const world = { now: 0, frame: 0, nodes: [router, {}, {}], alive: [true, true, true], member: [1, 1, 1] };
    const m = createHashringMonitor(cfg, 2);
    const step = (now: number): string | null => {
      world.now = now;
      m.beforeEvent(world as WorldView<unknown>, 0);
      return m.afterEvent(world as WorldView<unknown>, 0)?.why.code ?? null;
    };
    expect(step(10)).toBeNull();
    world.alive[2] = false;
    expect(step(100)).toBeNull();
    expect(step(616)).toBeNull();
    expect(step(617)).toBe('notDeclaredInTime');
  });

  it('phi: no fixed bound, but a crashed member still in the ring past its window\'s deadline is a violation', () => {
    const cfg = cfgOf({ latencyMaxMs: 15 });
    const router = createRouter(2, cfg);
    startRouter(router, new FakeCtx(0));
    const due = router.deadline[2];
    expect(due).toBe(phiDelay(100, 25, 8));
    const world = { now: 0, frame: 0, nodes: [router, {}, {}], alive: [true, true, true], member: [1, 1, 1] };
    const m = createHashringMonitor(cfg, 2);
    const step = (now: number): string | null => {
      world.now = now;
      m.beforeEvent(world as WorldView<unknown>, 0);
      return m.afterEvent(world as WorldView<unknown>, 0)?.why.code ?? null;
    };
    expect(step(1)).toBeNull();
    world.alive[2] = false;
    expect(step(2)).toBeNull();
    expect(step(due)).toBeNull();
    expect(step(due + 1)).toBe('pastPhiDeadline');
  });
});

describe('the bugs, in runs', () => {
  it('moduloHashing: almost every key moves on a crash — Minimal Movement', () => {
    const r = run({ nodes: 6, until: 3000, config: { bugs: ['moduloHashing'], keys: 1000 }, script: [{ at: 1000, do: 'crash', node: 6 }] });
    expect(r.report.violations).toEqual([expect.objectContaining({ invariant: 'Minimal Movement' })]);
  });
  it('noDistinctReplicas: a key on the same node twice — Replica Count, from the first event', () => {
    const r = run({ nodes: 6, until: 3000, config: { bugs: ['noDistinctReplicas'], keys: 1000, vnodes: 20 } });
    expect(r.report.violations).toEqual([expect.objectContaining({ invariant: 'Replica Count', frame: 1 })]);
  });
  it('the correct ring passes the same runs, with every scheme', () => {
    for (const scheme of ['ring', 'jump', 'rendezvous', 'bounded']) {
      const r = run({ nodes: 6, until: 4000, config: { scheme, keys: 1000, vnodes: 20 }, script: [{ at: 1000, do: 'crash', node: 6 }, { at: 2000, do: 'add', node: 7 }, { at: 2500, do: 'remove', node: 2 }, { at: 3000, do: 'restart', node: 6 }] });
      expect(r.report.violations, scheme).toEqual([]);
      expect((r.report.changes as unknown[]).length, scheme).toBe(4);
    }
  });
});

describe('violation codes', () => {
  it('the published list is exactly the codes the tests above produce', () => {
    const produced = ['extraReplica', 'missingReplica', 'ownerNotInRing', 'duplicateReplica', 'movedBetweenStayers', 'replicasShuffled', 'aboveCap', 'notDeclaredInTime', 'pastPhiDeadline'];
    expect(Object.values(VIOLATION_CODES).flat().sort()).toEqual(produced.sort());
  });
});
