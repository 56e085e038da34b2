/** The checker's model machinery (copy-on-write trees, incremental hash) and generated ZooKeeper histories, consistent and corrupted. */
import { describe, expect, it } from 'vitest';
import { zkBenchHistory } from '../../../../src/cli/bench-coord';
import { applyCow, checkZkHistory, linTree, sameLinTree, type LinTree } from '../../../../src/core/coord/zookeeper/linearizable';
import { applyTxn, cloneTree, newTree, snapshotTree } from '../../../../src/core/coord/zookeeper/tree';
import { sessionIdOf, type ZkOpRecord, type ZkTxn } from '../../../../src/core/coord/zookeeper/types';
import { Rng } from '../../../../src/sim/prng';

describe('copy-on-write model trees', () => {
  it('give the same tree as tree.ts on a deep copy, leave the old state untouched, and keep the hash exact', () => {
    const rng = new Rng(3, 'cow');
    const sessions = [sessionIdOf(1, 1), sessionIdOf(2, 1), sessionIdOf(3, 1)];
    const start = newTree();
    for (const s of sessions) applyTxn(start, { type: 'createSession', session: s, timeoutMs: 0, cxid: 0, timeMs: 0 }, 0);
    const paths = ['/a', '/a/x', '/a/y', '/b', '/b/e', '/a/x/z'];
    let cow: LinTree = linTree(cloneTree(start));
    let plain = cloneTree(start);
    let changed = 0;
    for (let step = 0; step < 3000; step++) {
      const session = rng.pick(sessions);
      const path = rng.pick(paths);
      const pick = rng.int(0, 10);
      const txn: ZkTxn =
        pick < 4
          ? { type: 'create', session, cxid: 0, timeMs: 0, path: rng.chance(0.3) ? path + '-' : path, data: `d${rng.int(0, 3)}`, ephemeral: rng.chance(0.4), sequential: rng.chance(0.3) }
          : pick < 7
            ? { type: 'delete', session, cxid: 0, timeMs: 0, path, version: rng.chance(0.5) ? -1 : rng.int(0, 2) }
            : pick < 9
              ? { type: 'setData', session, cxid: 0, timeMs: 0, path, data: `d${rng.int(0, 3)}`, version: -1 }
              : { type: 'closeSession', session, reason: 'close', cxid: 0, timeMs: 0 };
      const before = JSON.stringify(snapshotTree(cow.tree));
      const { next, outcome } = applyCow(cow, txn);
      const expected = applyTxn(plain, txn, 0).outcome;
      expect(outcome).toEqual(expected);
      expect(JSON.stringify(snapshotTree(cow.tree))).toBe(before);
      expect(snapshotTree(next.tree)).toEqual(snapshotTree(plain));
      expect(next.hash).toBe(linTree(next.tree).hash);
      expect(sameLinTree(next, linTree(cloneTree(plain)))).toBe(true);
      if (outcome.ok) changed++;
      cow = next;
      // Sessions come back now and then, so closes keep mattering.
      if (txn.type === 'closeSession') {
        plain = cloneTree(start);
        cow = linTree(cloneTree(start));
      }
    }
    expect(changed).toBeGreaterThan(500);
    // Different trees are told apart.
    const a = linTree(cloneTree(start));
    const b = applyCow(a, { type: 'create', session: sessions[0], cxid: 0, timeMs: 0, path: '/q', data: '', ephemeral: false, sequential: false }).next;
    expect(sameLinTree(a, b)).toBe(false);
  });
});

describe('generated ensemble histories (bench-coord)', () => {
  const seeds = [1, 2, 3, 4, 5, 6];
  const histories = seeds.map((seed) => zkBenchHistory(seed, 600));

  it('are consistent by construction, with stale reads from the lagging follower, pending ops and an expiry', () => {
    let stale = 0;
    for (const { records, expiries } of histories) {
      const res = checkZkHistory(records, { expiries });
      expect(res.ok).toBe(true);
      expect(res.order.length).toBe(res.checked);
      stale += res.staleReads.length;
      // Each stale read missed a write that completed before it was invoked.
      for (const s of res.staleReads) for (const m of s.missed) expect(records[m].complete ?? Infinity).toBeLessThan(records[s.op].invoke);
      // Without the expiry list, any session may have expired: still consistent.
      expect(checkZkHistory(records).ok).toBe(true);
    }
    expect(stale).toBeGreaterThan(10);
    const all = histories.flatMap((h) => h.records);
    expect(all.filter((r) => r.complete === null).length).toBeGreaterThan(3);
    expect(all.filter((r) => r.error === 'SessionExpired').length).toBeGreaterThan(0);
  });

  const corrupt = (records: ZkOpRecord[], pick: (r: ZkOpRecord) => boolean, change: (r: ZkOpRecord) => ZkOpRecord): ZkOpRecord[] | null => {
    const i = records.findIndex((r, k) => k > records.length / 3 && pick(r));
    if (i < 0) return null;
    return records.map((r, k) => (k === i ? change(r) : r));
  };

  it('are refused once a read returns data nobody wrote', () => {
    for (const { records, expiries } of histories) {
      const bad = corrupt(records, (r) => r.op === 'getData' && r.ok && r.args.path === '/config', (r) => ({ ...r, result: { ...(r.result as object), data: 'never written' } }));
      expect(bad).not.toBeNull();
      const res = checkZkHistory(bad ?? [], { expiries });
      expect(res.ok).toBe(false);
      expect(res.violation?.partition).toBe('/config');
    }
  });

  it('are refused once a sequential create reuses a name', () => {
    for (const { records, expiries } of histories) {
      const bad = corrupt(records, (r) => r.op === 'create' && r.ok && r.args.sequential === true && !String(r.result).endsWith('0000000000'), (r) => ({ ...r, result: '/jobs/j-0000000000' }));
      expect(bad).not.toBeNull();
      expect(checkZkHistory(bad ?? [], { expiries }).ok).toBe(false);
    }
  });

  it('are refused once a write that failed is reported to have succeeded, or the other way round', () => {
    let refused = 0;
    for (const { records, expiries } of histories) {
      const bad = corrupt(records, (r) => r.op === 'create' && r.args.path !== '/jobs/j-' && r.ok && r.complete !== null, (r) => ({ ...r, ok: false, error: 'NodeExists', result: null }));
      if (bad !== null && checkZkHistory(bad, { expiries }).ok === false) refused++;
    }
    // A create flipped to NodeExists is refused unless the node could exist at every point of its interval.
    expect(refused).toBeGreaterThanOrEqual(seeds.length - 1);
  });
});
