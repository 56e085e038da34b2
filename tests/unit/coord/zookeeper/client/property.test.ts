import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { World } from './harness';
import { zkClientDef } from '../../../../../src/core/coord/zookeeper/client';
import type { ZkOp } from '../../../../../src/core/coord/zookeeper/types';

const PATHS = ['/a', '/a/b', '/c', '/lock'];
const opArb: fc.Arbitrary<ZkOp> = fc.oneof(
  fc.record({ op: fc.constant('connect' as const), server: fc.integer({ min: 1, max: 3 }), sessionTimeoutMs: fc.constantFrom(4000, 30000) }),
  fc.record({ op: fc.constant('create' as const), path: fc.constantFrom(...PATHS), data: fc.constantFrom('', 'x'), ephemeral: fc.boolean(), sequential: fc.boolean() }),
  fc.record({ op: fc.constant('delete' as const), path: fc.constantFrom(...PATHS), version: fc.constantFrom(-1, 0) }),
  fc.record({ op: fc.constant('setData' as const), path: fc.constantFrom(...PATHS), data: fc.constant('y'), version: fc.constantFrom(-1, 0, 1) }),
  fc.record({ op: fc.constantFrom('getData' as const, 'exists' as const, 'getChildren' as const), path: fc.constantFrom(...PATHS), watch: fc.boolean() }),
  fc.record({ op: fc.constant('sync' as const), path: fc.constantFrom(...PATHS) }),
  fc.record({ op: fc.constantFrom('lock' as const, 'unlock' as const), path: fc.constant('/lock') }),
  fc.record({ op: fc.constant('close' as const) }),
  fc.record({ op: fc.constant('pause' as const), ms: fc.constantFrom(500, 3000, 9000) }),
) as fc.Arbitrary<ZkOp>;

type Step = { kind: 'op'; client: number; op: ZkOp } | { kind: 'fault'; what: 'crash' | 'restart' | 'silent' | 'loud' | 'expire' | 'dropAfterWrite'; target: number };
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('op' as const), client: fc.integer({ min: 1, max: 3 }), op: opArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('fault' as const), what: fc.constantFrom('crash' as const, 'restart' as const, 'silent' as const, 'loud' as const, 'expire' as const, 'dropAfterWrite' as const), target: fc.integer({ min: 1, max: 3 }) }) },
);

function play(steps: Step[], keyframeAt: number | null): string {
  const w = new World(3, 3);
  steps.forEach((s, i) => {
    if (i === keyframeAt) w.clients.forEach((c, j) => (w.clients[j] = zkClientDef.restore(zkClientDef.snapshot(c))));
    if (s.kind === 'op') w.op(s.client, s.op);
    else {
      const srv = w.server(s.target);
      if (s.what === 'crash' && srv.alive) w.crash(s.target);
      if (s.what === 'restart') w.restart(s.target);
      if (s.what === 'silent') srv.silent = true;
      // A black hole ends with a reset: the packets it swallowed are not on a live connection.
      if (s.what === 'loud' && srv.silent) {
        if (srv.alive) w.crash(s.target);
        srv.silent = false;
        w.restart(s.target);
      }
      if (s.what === 'dropAfterWrite') srv.dropAfterWrite = true;
      if (s.what === 'expire') {
        const session = w.view(s.target).session;
        if (session !== 0) w.expire(session);
      }
    }
    w.run(700);
  });
  for (const s of w.servers) {
    if (s.silent && s.alive) w.crash(s.id);
    s.silent = false;
    w.restart(s.id);
  }
  w.run(120000);
  // Every op record is well formed; an op still open belongs to a client whose handle may still answer it.
  const opIds = new Set<number>();
  w.ops.forEach((o, id) => {
    expect(opIds.has(id)).toBe(false);
    opIds.add(id);
    if (o.complete !== null) {
      expect(o.complete).toBeGreaterThanOrEqual(o.invoke);
      expect(o.ok ? o.error === null : o.error !== null).toBe(true);
    }
  });
  for (let c = 1; c <= 3; c++) {
    const v = w.view(c);
    // Settled: nothing is left on the wire or in the queue, nothing paused.
    expect(v.pausedUntil).toBe(0);
    if (v.state === 'connected') expect(v.pending + v.queued).toBe(0);
    // A dead handle holds nothing.
    if (v.state === 'expired' || v.state === 'closed') expect([v.watches.data, v.watches.exist, v.watches.child, v.locks].every((x) => x.length === 0)).toBe(true);
    // Only a lock op may wait (for its turn); everything else has completed once the client is connected.
    if (v.state === 'connected') for (const o of w.opsOf(c)) if (o.complete === null) expect(['lock', 'connect'].includes(o.op), JSON.stringify(o)).toBe(true);
    // At most one lock holder believes it holds it while connected and unpaused, from the tree's point of view.
  }
  const held = [1, 2, 3].filter((c) => w.view(c).state === 'connected' && w.view(c).locks.some((l) => l.held));
  expect(held.length).toBeLessThanOrEqual(1);
  return JSON.stringify({ ops: w.ops, events: w.events, notes: w.notes });
}

describe('ZooKeeper client: random ops and faults', () => {
  it('never throws, settles, keeps its records well formed, and a keyframe anywhere changes nothing', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 30 }), fc.nat(), (steps, k) => {
        const a = play(steps, null);
        expect(play(steps, k % steps.length)).toBe(a);
      }),
      { numRuns: 100, seed: 15 },
    );
  });
});
