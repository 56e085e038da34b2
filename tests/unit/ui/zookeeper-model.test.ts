/** The ZooKeeper views' view-model: tree rows, lag, lock queue order, history bar geometry, stage geometry — hand-made frames and a real run of zk-basic. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ZkClientView } from '../../../src/core/coord/zookeeper/client';
import type { ZkEventRecord, ZkOpRecord } from '../../../src/core/coord/zookeeper/types';
import { zxidOf, type ZabNodeView, type ZkServerView, type ZkTreeRowView } from '../../../src/core/zab/types';
import { SimSession } from '../../../src/sim/session';
import {
  comparePaths,
  defaultServer,
  drainLeft,
  FLASH_MS,
  historyBars,
  lockQueues,
  MIN_BAR,
  recentFires,
  serverLags,
  sessionOwners,
  shortResult,
  splitSequential,
  treeRows,
  zkFrame,
  zkStageGeometry,
} from '../../../src/ui/coord/zookeeper/model';
import { zabNode } from './zab-fixtures';

const S1 = 0x100000001;
const S2 = 0x200000001;
const S3 = 0x300000001;

function row(path: string, over: Partial<ZkTreeRowView> = {}): ZkTreeRowView {
  return { path, version: 0, ephemeralOwner: 0, dataWatches: [], childWatches: [], ...over };
}

function server(rows: ZkTreeRowView[], appliedZxid = zxidOf(1, 5)): ZkServerView {
  return { appliedZxid, rows, connections: [], tracker: [] };
}

function client(c: number, over: Partial<ZkClientView> = {}): ZkClientView {
  return {
    client: c,
    state: 'connected',
    server: 1,
    session: [S1, S2, S3][c - 1] ?? 0,
    negotiatedTimeoutMs: 3000,
    lastHeardMs: 0,
    deadlineMs: 0,
    timeoutMs: 0,
    lastZxidSeen: 0,
    watches: { data: [], exist: [], child: [] },
    locks: [],
    pausedUntil: 0,
    pending: 0,
    queued: 0,
    ...over,
  };
}

function op(client: number, name: ZkOpRecord['op'], invoke: number, complete: number | null, over: Partial<ZkOpRecord> = {}): ZkOpRecord {
  return { client, op: name, args: {}, invoke, complete, ok: complete !== null, result: null, error: null, session: 0, zxid: 0, ...over };
}

const owners = new Map([
  [S1, 1],
  [S2, 2],
  [S3, 3],
]);

describe('tree rows', () => {
  it('puts a parent before its children and sequential siblings in suffix order', () => {
    const paths = ['/lock/lock-0000000010', '/a', '/', '/lock', '/lock/lock-0000000002', '/a/b', '/ab'];
    expect([...paths].sort(comparePaths)).toEqual(['/', '/a', '/a/b', '/ab', '/lock', '/lock/lock-0000000002', '/lock/lock-0000000010']);
  });

  it('splits a sequential name at its 10-digit suffix only', () => {
    expect(splitSequential('lock-0000000003')).toEqual({ base: 'lock-', seq: '0000000003' });
    expect(splitSequential('0000000007')).toEqual({ base: '', seq: '0000000007' });
    expect(splitSequential('config')).toEqual({ base: 'config', seq: null });
    expect(splitSequential('x123')).toEqual({ base: 'x123', seq: null });
  });

  it('marks ephemerals with their owner client, watches by client and kind, children counted', () => {
    const s = server([
      row('/'),
      row('/lock', { childWatches: [S3] }),
      row('/lock/lock-0000000001', { ephemeralOwner: S2, dataWatches: [S3] }),
      row('/config', { version: 2, dataWatches: [S1, 0x999] }),
    ]);
    const rows = treeRows(s, owners);
    expect(rows.map((r) => r.path)).toEqual(['/', '/config', '/lock', '/lock/lock-0000000001']);
    const lockNode = rows[3];
    expect(lockNode).toMatchObject({ depth: 2, base: 'lock-', seq: '0000000001', ephemeral: true, owner: S2, ownerClient: 2, gone: false });
    expect(lockNode.watches).toEqual([{ session: S3, client: 3, kind: 'data' }]);
    expect(rows[2]).toMatchObject({ children: 1, ephemeral: false, ownerClient: 0, watches: [{ session: S3, client: 3, kind: 'child' }] });
    // A watch of a session no client is known to own is still shown (client 0).
    expect(rows[1].watches.map((w) => w.client)).toEqual([1, 0]);
    expect(rows[1].version).toBe(2);
    expect(rows[0].children).toBe(2);
  });

  it('flashes a fired watch on its path for FLASH_MS after delivery, and keeps a deleted node as a struck-out row meanwhile', () => {
    const events: ZkEventRecord[] = [
      { client: 2, time: 1000, type: 'SyncConnected', path: '' },
      { client: 2, time: 2000, type: 'NodeDataChanged', path: '/config' },
      { client: 3, time: 2100, type: 'NodeDeleted', path: '/lock/lock-0000000001' },
    ];
    expect(recentFires(events, 1999)).toEqual([]);
    expect(recentFires(events, 2000).map((e) => e.path)).toEqual(['/config']);
    expect(recentFires(events, 2000 + FLASH_MS).map((e) => e.path)).toEqual(['/lock/lock-0000000001']);
    const rows = treeRows(server([row('/'), row('/config'), row('/lock')]), owners, recentFires(events, 2150));
    expect(rows.map((r) => r.path)).toEqual(['/', '/config', '/lock', '/lock/lock-0000000001']);
    expect(rows[1].fired).toEqual([{ client: 2, type: 'NodeDataChanged', time: 2000 }]);
    expect(rows[3]).toMatchObject({ gone: true, fired: [{ client: 3, type: 'NodeDeleted', time: 2100 }] });
    expect(rows[2].gone).toBe(false);
  });

  it('knows a session by its client’s view, by the ops run on it and by the servers’ connections', () => {
    const old = 0x100000009;
    const m = sessionOwners([client(1, { session: S1 })], [op(1, 'connect', 0, 10, { session: old })], [zabNode(2, { zk: { ...server([]), connections: [{ session: S2, client: 1002, waiting: 0 }] } })]);
    expect(m.get(S1)).toBe(1);
    expect(m.get(old)).toBe(1);
    expect(m.get(S2)).toBe(2);
  });
});

describe('servers: which tree and who lags', () => {
  const leader = zabNode(2, { role: 'leading', zk: server([], zxidOf(2, 9)) });
  const behind = zabNode(1, { role: 'following', zk: server([], zxidOf(2, 6)) });
  const older = zabNode(3, { role: 'following', zk: server([], zxidOf(1, 12)) });

  it('shows the leader’s tree by default, else the most advanced live server’s', () => {
    expect(defaultServer([behind, leader, older])).toBe(2);
    expect(defaultServer([behind, { ...leader, role: 'down' }, older])).toBe(1);
    expect(defaultServer([{ ...behind, role: 'looking' }, { ...older, zk: server([], zxidOf(2, 7)) }])).toBe(3);
  });

  it('counts a follower’s lag in transactions within the leader’s epoch, and says so when the epoch differs', () => {
    const lags = serverLags([behind, leader, older]);
    expect(lags.map((l) => [l.id, l.leader, l.lags, l.behind])).toEqual([
      [1, false, true, 3],
      [2, true, false, null],
      [3, false, true, null],
    ]);
    expect(serverLags([{ ...behind, zk: server([], zxidOf(2, 9)) }, leader])[0]).toMatchObject({ lags: false, behind: 0 });
    // Without a leader nobody is said to lag.
    expect(serverLags([behind, older]).every((l) => !l.lags)).toBe(true);
  });
});

describe('lock queue', () => {
  const lockRows = [
    row('/lock'),
    row('/lock/lock-0000000002', { ephemeralOwner: S3 }),
    row('/lock/lock-0000000001', { ephemeralOwner: S2 }),
    row('/lock/other', { ephemeralOwner: 0 }),
    row('/lock/lock-0000000001/deep', { ephemeralOwner: S2 }),
  ];

  it('orders waiters by sequence number, the lowest holding it, each watching its predecessor', () => {
    const clients = [
      client(3, { locks: [{ path: '/lock', node: '/lock/lock-0000000002', waitingOn: '/lock/lock-0000000001', held: false, zxid: 0 }] }),
      client(2, { locks: [{ path: '/lock', node: '/lock/lock-0000000001', waitingOn: '', held: true, zxid: zxidOf(1, 7) }] }),
    ];
    const [q] = lockQueues(clients, lockRows, owners, 0);
    expect(q.path).toBe('/lock');
    expect(q.entries.map((e) => [e.name, e.client, e.holds, e.waitsOnIndex])).toEqual([
      ['lock-0000000001', 2, true, -1],
      ['lock-0000000002', 3, false, 0],
    ]);
    expect(q.entries[0]).toMatchObject({ believes: true, stale: false, zxid: zxidOf(1, 7) });
  });

  it('marks a paused holder whose node is gone as believing it holds (stale), and the real holder as holding', () => {
    const clients = [
      client(1, { pausedUntil: 13000, locks: [{ path: '/lock', node: '/lock/lock-0000000000', waitingOn: '', held: true, zxid: zxidOf(1, 5) }] }),
      client(2, { locks: [{ path: '/lock', node: '/lock/lock-0000000001', waitingOn: '', held: true, zxid: zxidOf(1, 7) }] }),
      client(3, { locks: [{ path: '/lock', node: '/lock/lock-0000000002', waitingOn: '/lock/lock-0000000001', held: false, zxid: 0 }] }),
    ];
    const [q] = lockQueues(clients, lockRows, owners, 12000);
    expect(q.entries.map((e) => [e.name, e.inTree, e.holds, e.believes, e.stale, e.paused])).toEqual([
      ['lock-0000000000', false, false, true, true, true],
      ['lock-0000000001', true, true, true, false, false],
      ['lock-0000000002', true, false, false, false, false],
    ]);
    expect(q.entries[2].waitsOnIndex).toBe(1);
    // Once the pause is over it is no longer paused (but still stale until it learns its session is gone).
    expect(lockQueues(clients, lockRows, owners, 13000)[0].entries[0]).toMatchObject({ paused: false, stale: true });
  });

  it('puts a waiter whose create is not answered at the end, and a node no client claims in its place', () => {
    const clients = [client(1, { locks: [{ path: '/lock', node: '', waitingOn: '', held: false, zxid: 0 }] })];
    const [q] = lockQueues(clients, lockRows, new Map([[S3, 3]]), 0);
    expect(q.entries.map((e) => [e.name, e.client, e.holds])).toEqual([
      ['lock-0000000001', 0, true],
      ['lock-0000000002', 3, false],
      ['', 1, false],
    ]);
  });

  it('has one queue per lock path, and none without locks', () => {
    expect(lockQueues([client(1)], lockRows, owners, 0)).toEqual([]);
    const qs = lockQueues(
      [client(1, { locks: [{ path: '/a', node: '', waitingOn: '', held: false, zxid: 0 }] }), client(2, { locks: [{ path: '/lock', node: '', waitingOn: '', held: false, zxid: 0 }] })],
      lockRows,
      owners,
      0,
    );
    expect(qs.map((q) => q.path)).toEqual(['/a', '/lock']);
    expect(qs[0].entries).toHaveLength(1);
  });
});

describe('history bars', () => {
  it('maps invoke..complete onto the width, now at the right edge, pending ops open-ended', () => {
    const ops = [op(1, 'create', 1000, 2000, { result: '/a' }), op(2, 'lock', 1500, null), op(1, 'setData', 3000, 3500, { ok: false, error: 'BadVersion' })];
    const h = historyBars(ops, 5000, 400);
    expect(h.t1).toBe(5000);
    expect(h.t0).toBeCloseTo(1000 - 4000 * 0.02);
    const x = (t: number) => ((t - h.t0) / (h.t1 - h.t0)) * 400;
    expect(h.bars[0]).toMatchObject({ lane: 0, open: false, ok: true });
    expect(h.bars[0].x0).toBeCloseTo(x(1000));
    expect(h.bars[0].x1).toBeCloseTo(x(2000));
    expect(h.bars[1]).toMatchObject({ lane: 1, open: true, ok: false, x1: 400 });
    expect(h.bars[2]).toMatchObject({ open: false, ok: false });
    expect(h.bars[2].x1 - h.bars[2].x0).toBeCloseTo(x(3500) - x(3000));
  });

  it('gives an instant op a visible width, never past the right edge', () => {
    const h = historyBars([op(1, 'getData', 1000, 1000, { ok: false, error: 'SessionExpired' }), op(1, 'getData', 2000, 2000)], 2000, 300);
    expect(h.bars[0].x1 - h.bars[0].x0).toBeCloseTo(MIN_BAR);
    // At the right edge (now) it grows to the left instead.
    expect(h.bars[1].x1).toBe(300);
    expect(h.bars[1].x1 - h.bars[1].x0).toBeCloseTo(MIN_BAR);
  });

  it('says a result in ZooKeeper’s words', () => {
    expect(shortResult(op(1, 'create', 0, 1, { result: '/lock/lock-0000000001' }))).toBe('lock-0000000001');
    expect(shortResult(op(1, 'getData', 0, 1, { result: { data: 'v1', stat: { version: 3 } } }))).toBe('"v1" v3');
    expect(shortResult(op(1, 'setData', 0, 1, { ok: false, error: 'BadVersion' }))).toBe('BadVersion');
    expect(shortResult(op(1, 'exists', 0, 1, { result: null }))).toBe('null');
    expect(shortResult(op(1, 'getChildren', 0, 1, { result: ['a', 'b'] }))).toBe('[a, b]');
    expect(shortResult(op(1, 'connect', 0, 1, { result: { session: '0x100000001', negotiatedTimeoutMs: 3000 } }))).toBe('0x100000001');
    expect(shortResult(op(1, 'lock', 0, null))).toBe('');
  });
});

describe('the stage', () => {
  it('drains a client’s time-out against the frame clock', () => {
    expect(drainLeft({ deadlineMs: 0, timeoutMs: 0 }, 5)).toBeNull();
    expect(drainLeft({ deadlineMs: 3000, timeoutMs: 2000 }, 1000)).toBe(1);
    expect(drainLeft({ deadlineMs: 3000, timeoutMs: 2000 }, 2500)).toBeCloseTo(0.25);
    expect(drainLeft({ deadlineMs: 3000, timeoutMs: 2000 }, 4000)).toBe(0);
  });

  it('puts clients right of the ring and the lock queues under it, inside the drawing', () => {
    const nodes = { x: 100, y: 50, w: 400, h: 300 };
    const g = zkStageGeometry(nodes, 8, ['/lock', '/b'], 13, 24, 6);
    const ps = [...g.clients.values()];
    expect(ps).toHaveLength(8);
    for (const p of ps) {
      expect(p.x - g.clientW / 2).toBeGreaterThan(nodes.x + nodes.w);
      expect(p.x + g.clientW / 2).toBeLessThanOrEqual(g.box.x + g.box.w);
      expect(p.y - g.clientH / 2).toBeGreaterThanOrEqual(g.box.y);
    }
    // Seven and eight go to a second column.
    expect(ps[6].x).toBeGreaterThan(ps[5].x);
    expect(ps[6].y).toBe(ps[0].y);
    expect(g.queues.map((q) => q.path)).toEqual(['/lock', '/b']);
    expect(g.queues[0].y - g.entryH / 2).toBeGreaterThan(nodes.y + nodes.h);
    expect(g.queues[1].y).toBeGreaterThan(g.queues[0].y + g.entryH);
    expect(g.queues[1].y + g.entryH / 2).toBeLessThan(g.box.y + g.box.h);
    expect(g.queues[0].entries).toBeGreaterThan(g.queues[0].x0 + 13 * 0.62 * 'lock /lock'.length);
    expect(g.queues[0].entries + 6 * (g.entryW + g.entryGap)).toBeLessThanOrEqual(g.box.x + g.box.w);
    // Without locks one row is kept, so the first lock does not move the stage.
    expect(zkStageGeometry(nodes, 3, [], 13, 24, 3).box.h).toBe(zkStageGeometry(nodes, 3, ['/lock'], 13, 24, 3).box.h);
  });
});

describe('a real run of zk-basic', () => {
  const raw = JSON.parse(readFileSync(new URL('../../../public/scenarios/zk-basic.json', import.meta.url), 'utf8'));

  it('shows the watches, the lock queue and its hand-over as the scenario plays them', () => {
    const s = new SimSession();
    expect(s.load(raw).ok).toBe(true);
    const at = (t: number) => {
      const v = s.advanceTo(t, 1_000_000);
      const f = zkFrame(v.service)!;
      const nodes = v.nodes as ZabNodeView[];
      const owners = sessionOwners(f.clients, f.ops, nodes);
      const shown = nodes.find((n) => n.id === defaultServer(nodes))!;
      return { v, f, nodes, owners, shown, queue: lockQueues(f.clients, shown.zk!.rows, owners, v.time)[0] };
    };

    // 1.7 s: two watches on /config, set on the servers the watchers are connected to.
    const w = at(1700);
    expect(w.f.clients.map((c) => c.state)).toEqual(['connected', 'connected', 'connected']);
    for (const c of [2, 3]) {
      const srv = w.nodes.find((n) => n.id === w.f.clients[c - 1].server)!;
      const cfg = treeRows(srv.zk!, w.owners).find((r) => r.path === '/config')!;
      expect(cfg.watches.map((x) => x.client)).toContain(c);
    }

    // 3.5 s: c1 holds /lock, c2 waits on c1's node, c3 on c2's.
    const q = at(3500).queue;
    expect(q.entries.map((e) => [e.client, e.holds])).toEqual([
      [1, true],
      [2, false],
      [3, false],
    ]);
    expect(q.entries[1].waitsOnIndex).toBe(0);
    expect(q.entries[2].waitsOnIndex).toBe(1);

    // 12 s: c1 is paused past its session: it still believes it holds, c2 holds, c3 watches c2 only.
    const h = at(12000);
    expect(h.f.clients[0].pausedUntil).toBeGreaterThan(12000);
    expect(h.queue.entries.map((e) => [e.client, e.holds, e.stale])).toEqual([
      [1, false, true],
      [2, true, false],
      [3, false, false],
    ]);
    expect(h.queue.entries[2].waitsOn).toBe(h.queue.entries[1].node);
    const bars = historyBars(h.f.ops, h.v.time, 400).bars;
    expect(bars.find((b) => b.rec.client === 2 && b.rec.op === 'lock')).toMatchObject({ open: false, ok: true });
    expect(bars.find((b) => b.rec.client === 3 && b.rec.op === 'lock')).toMatchObject({ open: true, x1: 400 });
    expect(bars.find((b) => b.rec.op === 'setData' && !b.rec.ok)?.rec.error).toBe('BadVersion');
  });
});
