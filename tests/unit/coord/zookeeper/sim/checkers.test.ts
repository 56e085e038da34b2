/**
 * The coordination layer's checkers (src/core/coord/zookeeper/checkers.ts), each shown a
 * hand-made bad history or world — and the good twin it must let pass.
 */
import { describe, expect, it } from 'vitest';
import { createZkMonitor, type ZkTreeAccess, type ZkWorldAccess } from '../../../../../src/core/coord/zookeeper/checkers';
import { checkZkHistory } from '../../../../../src/core/coord/zookeeper/linearizable';
import type { ServiceWorld } from '../../../../../src/core/coord/registry';
import type { SessionState, ZkEventRecord, ZkOpRecord } from '../../../../../src/core/coord/zookeeper/types';

interface FakeServer {
  tree: { lastZxid: number; sessions: Record<number, SessionState>; ephemerals: [string, number][] };
  leading: boolean;
  /** closeSession txns in its history: session → zxid. */
  closes?: Record<number, number>;
}
const access: ZkWorldAccess = {
  treeOf(node) {
    const s = node as FakeServer | undefined;
    if (!s) return null;
    const t: ZkTreeAccess = { lastZxid: s.tree.lastZxid, sessionState: (id) => s.tree.sessions[id], ephemerals: () => s.tree.ephemerals };
    return t;
  },
  leaderOf: (nodes) => (nodes as (FakeServer | undefined)[]).findIndex((n) => n?.leading === true) + 0 || 0,
  sessionEndZxid: (node, session) => (node as FakeServer | undefined)?.closes?.[session] ?? 0,
};

function world(servers: FakeServer[]): ServiceWorld & { ops: ZkOpRecord[]; events: ZkEventRecord[]; now: number } {
  return { now: 0, frame: 0, nodes: [undefined, ...servers], alive: [false, ...servers.map(() => true)], clients: [], ops: [], events: [] };
}
function server(sessions: Record<number, SessionState>, leading = false, ephemerals: [string, number][] = []): FakeServer {
  return { tree: { lastZxid: 10, sessions, ephemerals }, leading };
}
let nextAt = 0;
function rec(client: number, op: ZkOpRecord['op'], args: Record<string, unknown>, session: number, done: Partial<ZkOpRecord> | null): ZkOpRecord {
  const invoke = nextAt++;
  return { client, op, args, invoke, complete: done === null ? null : invoke + 1, ok: done?.ok ?? true, result: done?.result ?? null, error: done?.error ?? null, session, zxid: 0, ...(done ?? {}) };
}
/** Append records/events one event at a time, as the simulator would, and return the first violation. */
function feed(w: ReturnType<typeof world>, steps: (() => void)[], node = 0) {
  const m = createZkMonitor(access, null);
  for (const step of steps) {
    w.now++;
    step();
    m.beforeEvent(w, node);
    const v = m.afterEvent(w, node);
    if (v) return v;
  }
  return null;
}

describe('Lock Safety', () => {
  const lockedBy = (client: number, session: number, node: string) => rec(client, 'lock', { path: '/lock' }, session, { ok: true, result: node });
  it('flags two clients holding /lock with both sessions open in the leader tree', () => {
    const w = world([server({ 11: 'open', 12: 'open' }, true)]);
    const v = feed(w, [() => w.ops.push(lockedBy(1, 11, '/lock/lock-0000000000')), () => w.ops.push(lockedBy(2, 12, '/lock/lock-0000000001'))]);
    expect(v?.invariant).toBe('Lock Safety');
    expect(v?.detail).toMatch(/clients 1 and 2 both hold the lock \/lock/);
  });
  it('a holder whose session expired through the log is not counted (the fencing lesson: it only believes it holds)', () => {
    const w = world([server({ 11: 'expired', 12: 'open' }, true)]);
    expect(feed(w, [() => w.ops.push(lockedBy(1, 11, '/lock/lock-0000000000')), () => w.ops.push(lockedBy(2, 12, '/lock/lock-0000000001'))])).toBeNull();
  });
  it('the leader tree is the judge: a follower that has not applied the expiry does not make it a violation', () => {
    const w = world([server({ 11: 'open', 12: 'open' }), server({ 11: 'expired', 12: 'open' }, true)]);
    expect(feed(w, [() => w.ops.push(lockedBy(1, 11, '/lock/lock-0000000000')), () => w.ops.push(lockedBy(2, 12, '/lock/lock-0000000001'))])).toBeNull();
  });
  it("a closeSession committed before the leader crashed ends the session, though the surviving follower has only logged it (fuzz seed 4090)", () => {
    const leader = server({ 11: 'expired', 12: 'open' }, true);
    leader.tree.lastZxid = 0x200000004;
    const follower = server({ 11: 'open', 12: 'open' }, false);
    follower.tree.lastZxid = 0x200000003;
    follower.closes = { 11: 0x200000004 };
    const w = world([leader, follower]);
    const v = feed(w, [
      () => w.ops.push(lockedBy(1, 11, '/lock/lock-0000000000')),
      () => {}, // the leader applies 0x200000004 (the monitor sees n1 act)
      () => w.ops.push(lockedBy(2, 12, '/lock/lock-0000000001')),
      () => {
        // n1 crashes: n2, which never got the COMMIT, is the only tree left.
        (w.nodes as unknown[])[1] = undefined;
        (w.alive as boolean[])[1] = false;
      },
    ], 1);
    expect(v).toBeNull();
  });
  it('a closeSession only proposed (above every applied zxid) does not end the session', () => {
    const follower = server({ 11: 'open', 12: 'open' }, true);
    follower.tree.lastZxid = 0x200000003;
    follower.closes = { 11: 0x200000004 };
    const w = world([follower]);
    const v = feed(w, [() => w.ops.push(lockedBy(1, 11, '/lock/lock-0000000000')), () => w.ops.push(lockedBy(2, 12, '/lock/lock-0000000001'))], 1);
    expect(v?.invariant).toBe('Lock Safety');
  });
  it('a holder stops holding when it calls unlock, or learns its session is lost', () => {
    const w = world([server({ 11: 'open', 12: 'open', 13: 'open' }, true)]);
    const v = feed(w, [
      () => w.ops.push(lockedBy(1, 11, '/lock/lock-0000000000')),
      () => w.ops.push(rec(1, 'unlock', { path: '/lock' }, 11, null)),
      () => w.ops.push(lockedBy(2, 12, '/lock/lock-0000000001')),
      () => w.events.push({ client: 2, time: w.now, type: 'Expired', path: '' }),
      () => w.ops.push(lockedBy(3, 13, '/lock/lock-0000000002')),
    ]);
    expect(v).toBeNull();
  });
});

describe('Ephemeral Ownership', () => {
  it("flags an ephemeral on a server's tree owned by a session that tree records as expired or closed", () => {
    for (const state of ['expired', 'closed'] as const) {
      const w = world([server({ 11: 'open' }, true), server({ 11: state }, false, [['/e', 11]])]);
      const v = feed(w, [() => {}], 2);
      expect(v?.invariant).toBe('Ephemeral Ownership');
      expect(v?.detail).toBe(`n2's tree has the ephemeral /e owned by session 0xb, which that tree records as ${state}`);
    }
  });
  it('an ephemeral of an open session is fine', () => {
    const w = world([server({ 11: 'open' }, true, [['/e', 11]])]);
    expect(feed(w, [() => {}], 1)).toBeNull();
  });
});

describe('One-Shot Watches', () => {
  const ev = (client: number, type: ZkEventRecord['type'], path: string): ZkEventRecord => ({ client, time: 0, type, path });
  it('flags a watch that fires twice without a new registration', () => {
    const w = world([server({ 11: 'open' }, true)]);
    const v = feed(w, [
      () => w.ops.push(rec(1, 'getData', { path: '/a', watch: true }, 11, { ok: true, result: { data: '' } })),
      () => w.events.push(ev(1, 'NodeDataChanged', '/a')),
      () => w.events.push(ev(1, 'NodeDataChanged', '/a')),
    ]);
    expect(v?.invariant).toBe('One-Shot Watches');
    expect(v?.detail).toMatch(/client 1 got NodeDataChanged for \/a/);
  });
  it('flags an event no watch asked for: a child event for a data watch, an unanswered watch op', () => {
    const w = world([server({ 11: 'open' }, true)]);
    expect(feed(w, [() => w.ops.push(rec(1, 'exists', { path: '/a', watch: true }, 11, { ok: true, result: null })), () => w.events.push(ev(1, 'NodeChildrenChanged', '/a'))])?.invariant).toBe('One-Shot Watches');
    const w2 = world([server({ 11: 'open' }, true)]);
    expect(feed(w2, [() => w2.ops.push(rec(1, 'getData', { path: '/a', watch: true }, 11, { ok: false, error: 'NoNode' })), () => w2.events.push(ev(1, 'NodeCreated', '/a'))])?.invariant).toBe('One-Shot Watches');
  });
  it('passes one event per registration; a delete fires data and child watches as one event; the lock recipe’s own watch once', () => {
    const w = world([server({ 11: 'open' }, true)]);
    const v = feed(w, [
      () => w.ops.push(rec(1, 'exists', { path: '/a', watch: true }, 11, { ok: true, result: null })),
      () => w.events.push(ev(1, 'NodeCreated', '/a')),
      () => w.ops.push(rec(1, 'getData', { path: '/a', watch: true }, 11, { ok: true })),
      () => w.ops.push(rec(1, 'getChildren', { path: '/a', watch: true }, 11, { ok: true, result: [] })),
      () => w.events.push(ev(1, 'NodeDeleted', '/a')),
      () => w.ops.push(rec(1, 'lock', { path: '/lock' }, 11, null)),
      () => w.events.push(ev(1, 'NodeDeleted', '/lock/lock-0000000003')),
    ]);
    expect(v).toBeNull();
  });
  it("a reconnect's SetWatches may report a deletion once per watch list (data, child): one more NodeDeleted, not two", () => {
    const w = world([server({ 11: 'open' }, true)]);
    const steps = [
      () => w.ops.push(rec(1, 'getData', { path: '/a', watch: true }, 11, { ok: true })),
      () => w.ops.push(rec(1, 'getChildren', { path: '/a', watch: true }, 11, { ok: true, result: [] })),
      () => w.events.push(ev(1, 'NodeDeleted', '/a')),
      () => w.events.push(ev(1, 'NodeDeleted', '/a')),
    ];
    expect(feed(w, steps)).toBeNull();
    const w2 = world([server({ 11: 'open' }, true)]);
    // With only a data watch, the second NodeDeleted is a watch firing twice.
    const v = feed(w2, [() => w2.ops.push(rec(1, 'getData', { path: '/a', watch: true }, 11, { ok: true })), () => w2.events.push(ev(1, 'NodeDeleted', '/a')), () => w2.events.push(ev(1, 'NodeDeleted', '/a'))]);
    expect(v?.invariant).toBe('One-Shot Watches');
  });
  it('an event and the loss of its session in one step: the event came first (fuzz seed 469: a paused client wakes, reads a NodeCreated, then its reset fails its close and lock)', () => {
    const w = world([server({ 11: 'open' }, true)]);
    const v = feed(w, [
      () => w.ops.push(rec(1, 'exists', { path: '/b/x', watch: true }, 11, { ok: true, result: null })),
      () => {
        // One simulator step: the cursor sees the failure (an op) before the event.
        w.ops.push(rec(1, 'lock', { path: '/lock' }, 11, { ok: false, error: 'SessionExpired' }));
        w.events.push(ev(1, 'NodeCreated', '/b/x'));
      },
    ]);
    expect(v).toBeNull();
    // Still strict: an event in a later step than the loss has no watch left.
    const w2 = world([server({ 11: 'open' }, true)]);
    const v2 = feed(w2, [
      () => w2.ops.push(rec(1, 'exists', { path: '/b/x', watch: true }, 11, { ok: true, result: null })),
      () => w2.ops.push(rec(1, 'getData', { path: '/c', watch: false }, 11, { ok: false, error: 'SessionExpired' })),
      () => w2.events.push(ev(1, 'NodeCreated', '/b/x')),
    ]);
    expect(v2?.invariant).toBe('One-Shot Watches');
  });
  it('the lock recipe’s watch event a second time is a watch firing twice', () => {
    const w = world([server({ 11: 'open' }, true)]);
    const v = feed(w, [
      () => w.ops.push(rec(1, 'lock', { path: '/lock' }, 11, null)),
      () => w.events.push(ev(1, 'NodeDeleted', '/lock/lock-0000000003')),
      () => w.events.push(ev(1, 'NodeDeleted', '/lock/lock-0000000003')),
    ]);
    expect(v?.invariant).toBe('One-Shot Watches');
  });
});

describe('Linearizability (at the end of a run)', () => {
  it('reports a history no order explains, and passes a good one', () => {
    const m = createZkMonitor(access, (records) => checkZkHistory(records));
    const w = world([server({ 11: 'open' }, true)]);
    // Client 1 creates /a, then reads it back missing on the same session: no order explains that.
    w.ops.push({ client: 1, op: 'connect', args: {}, invoke: 0, complete: 5, ok: true, result: { session: 11, negotiatedTimeoutMs: 4000 }, error: null, session: 11, zxid: 0 });
    w.ops.push({ client: 1, op: 'create', args: { path: '/a', data: '', ephemeral: false, sequential: false }, invoke: 10, complete: 20, ok: true, result: '/a', error: null, session: 11, zxid: 0 });
    const good = m.finish(w);
    expect(good).toBeNull();
    w.ops.push({ client: 1, op: 'getData', args: { path: '/a', watch: false }, invoke: 30, complete: 40, ok: false, result: null, error: 'NoNode', session: 11, zxid: 0 });
    const m2 = createZkMonitor(access, (records) => checkZkHistory(records));
    const bad = m2.finish(w);
    expect(bad?.invariant).toBe('Linearizability');
    expect(m2.report()).toMatchObject({ linearizable: false });
  });
});
