/** Determinism: the same txn sequence gives the same outcomes, deliveries and trees on two servers, one of them cloned (or snapshotted through JSON) midway; and the tree's invariants hold throughout. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyCommitted, cloneServer, newServerState, read, restore, snapshot, type ZkServerState } from '../../../../../src/core/coord/zookeeper/server';
import { nameOf, parentOf } from '../../../../../src/core/coord/zookeeper/paths';
import type { ZkReadRequest, ZkTxn } from '../../../../../src/core/coord/zookeeper/types';
import type { ZkTree } from '../../../../../src/core/coord/zookeeper/tree';

// Six ids: a closed session never reopens, so a run needs fresh ones to keep writing.
const SESSIONS = [0x100000001, 0x100000002, 0x100000003, 0x200000001, 0x200000002, 0x300000001];
// Repeats weight the paths that make parents and children meet.
const PATHS = ['/a', '/a', '/a', '/a/x', '/a/x', '/l', '/l/', '/l/', '/b', '/a/y', '/b/x', '/a/x/z', '/a/', 'bad', '/zookeeper', '/'];

type Step = { kind: 'txn'; txn: ZkTxn } | { kind: 'read'; session: number; req: ZkReadRequest };

const session = fc.constantFrom(...SESSIONS);
const path = fc.constantFrom(...PATHS);
const version = fc.constantFrom(-1, -1, -1, 0, 1, 2);
const data = fc.constantFrom('', 'v', '锁');
const openS = fc.record({ session, timeoutMs: fc.constantFrom(4000, 6000) }).map(({ session, timeoutMs }): Step => ({ kind: 'txn', txn: { type: 'createSession', session, timeoutMs, cxid: 0, timeMs: 0 } }));
const closeS = fc.record({ session, reason: fc.constantFrom('close' as const, 'expire' as const) }).map(({ session, reason }): Step => ({ kind: 'txn', txn: { type: 'closeSession', session, reason, cxid: 1, timeMs: 0 } }));
const create = fc.record({ session, path, data, ephemeral: fc.boolean(), sequential: fc.boolean(), timeMs: fc.nat(100) }).map((r): Step => ({ kind: 'txn', txn: { type: 'create', cxid: 1, ...r } }));
const del = fc.record({ session, path, version }).map((r): Step => ({ kind: 'txn', txn: { type: 'delete', cxid: 1, timeMs: 0, ...r } }));
const setData = fc.record({ session, path, data, version, timeMs: fc.nat(100) }).map((r): Step => ({ kind: 'txn', txn: { type: 'setData', cxid: 1, ...r } }));
const readS = fc.record({ session, path, op: fc.constantFrom('getData' as const, 'exists' as const, 'getChildren' as const) }).map(({ session, path, op }): Step => ({ kind: 'read', session, req: { op, path, watch: true } }));
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 2, arbitrary: openS },
  { weight: 1, arbitrary: closeS },
  { weight: 4, arbitrary: create },
  { weight: 2, arbitrary: del },
  { weight: 2, arbitrary: setData },
  { weight: 3, arbitrary: readS },
);

/** Run the steps on a server, returning everything it answered and sent. */
function run(s: ZkServerState, steps: Step[], from: number): unknown[] {
  const out: unknown[] = [];
  steps.forEach((st, i) => {
    if (st.kind === 'txn') {
      const r = applyCommitted(s, st.txn, from + i + 1);
      out.push([r.outcome, r.deliveries, r.changes]);
    } else out.push(read(s, st.session, st.req));
    checkInvariants(s.tree);
  });
  return out;
}

/** The tree's own invariants (parent links, counts, ephemerals ↔ sessions); throws on the first broken one. */
function checkInvariants(t: ZkTree): void {
  const broken = (why: string) => {
    throw new Error(`invariant broken: ${why}`);
  };
  for (const [p, n] of t.nodes) {
    if (p !== '/') {
      const parent = t.nodes.get(parentOf(p));
      if (!parent?.children.has(nameOf(p))) broken(`${p} not listed by its parent`);
      if (parent!.ephemeralOwner !== 0) broken(`${p} under an ephemeral`);
    }
    for (const c of n.children) if (!t.nodes.has(p === '/' ? `/${c}` : `${p}/${c}`)) broken(`${p} lists missing ${c}`);
    // Every child still present was created here (the built-in /zookeeper children were not).
    if (!p.startsWith('/zookeeper') && p !== '/' && n.creations < n.children.size) broken(`${p} has more children than creations`);
    if (n.ephemeralOwner !== 0) {
      const owner = t.sessions.get(n.ephemeralOwner);
      if (owner?.state !== 'open') broken(`${p} owned by a session that is not open`);
      if (!owner!.ephemerals.has(p)) broken(`${p} missing from its session's ephemerals`);
    }
  }
  for (const s of t.sessions.values()) {
    if (s.state !== 'open' && s.ephemerals.size > 0) broken(`ended session ${s.id} owns ephemerals`);
    for (const p of s.ephemerals) if (t.nodes.get(p)?.ephemeralOwner !== s.id) broken(`${p} listed under ${s.id} but not owned by it`);
  }
}

describe('determinism', () => {
  it('two servers, one cloned midway, give identical outcomes, deliveries and trees', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), fc.array(step, { maxLength: 60 }), fc.boolean(), (first, second, viaJson) => {
        const a = newServerState();
        const b = newServerState();
        expect(run(a, first, 0)).toEqual(run(b, first, 0));
        const bAtClone = JSON.stringify(snapshot(b));
        const c = viaJson ? restore(JSON.parse(bAtClone)) : cloneServer(b);
        const outA = run(a, second, first.length);
        const outC = run(c, second, first.length);
        expect(outC).toEqual(outA);
        expect(c.tree).toEqual(a.tree);
        expect(c.watches).toEqual(a.watches);
        // The original b, left behind at the clone point, did not move.
        expect(JSON.stringify(snapshot(b))).toBe(bAtClone);
      }),
      { numRuns: 200, seed: 15 },
    );
  });
});

describe('the generator exercises the model', () => {
  it('a run reaches successes, each error code and watch deliveries', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.array(step, { minLength: 40, maxLength: 80 }), (steps) => {
        const s = newServerState();
        for (const o of run(s, steps, 0)) {
          const outcome = (Array.isArray(o) ? o[0] : o) as { ok: boolean; error?: string };
          seen.add(outcome.ok ? 'ok' : outcome.error!);
          if (Array.isArray(o) && (o[1] as unknown[]).length > 0) seen.add('delivery');
        }
      }),
      { numRuns: 100, seed: 15 },
    );
    expect([...seen].sort()).toEqual(['BadArguments', 'BadVersion', 'NoChildrenForEphemerals', 'NoNode', 'NodeExists', 'NotEmpty', 'SessionExpired', 'delivery', 'ok']);
  });
});
