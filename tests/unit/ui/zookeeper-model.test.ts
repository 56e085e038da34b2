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
  clientAnchor,
  clientOfActor,
  drainLeft,
  entryCentre,
  entryLabel,
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
import { circleLayout, fitViewBox, FULL_MIN_VIEW, stageText } from '../../../src/ui/stage/geometry';
import { EMBED_ASPECT, scriptLocks, zkServiceView } from '../../../src/ui/coord/zookeeper/view';
import type { Scenario } from '../../../src/sim/scenario';
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
    // As the client records it: the id as a number.
    expect(shortResult(op(1, 'connect', 0, 1, { result: { session: 0x100000001, negotiatedTimeoutMs: 3000 } }))).toBe('0x100000001');
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
    expect(entryCentre(g, 0, 5).x + g.entryW / 2).toBeLessThanOrEqual(g.box.x + g.box.w);
    // The full app: one line per queue, names drawn whole, at most six clients a column.
    expect(g.perLine).toBe(6);
    expect(g.short).toBe(false);
    expect(g.clientCols).toBe(2);
  });

  it('keeps a queue row before the first lock only in a run that takes a lock; without one, no row and no queue width', () => {
    const nodes = { x: 100, y: 50, w: 400, h: 300 };
    // A run that takes a lock: the row is there before the first one, so the first lock does not move the stage.
    const before = zkStageGeometry(nodes, 3, [], 13, 24, 3, { scriptLocks: ['/lock'] });
    expect(before.queues).toHaveLength(1);
    expect(before.box).toEqual(zkStageGeometry(nodes, 3, ['/lock'], 13, 24, 3, { scriptLocks: ['/lock'] }).box);
    // A run that never takes one: no row, and the drawing is the servers and the clients, no wider, no taller.
    const none = zkStageGeometry(nodes, 3, [], 13, 24, 3);
    expect(none.queues).toEqual([]);
    const clientsRight = Math.max(...[...none.clients.values()].map((p) => p.x + none.clientW / 2)) + 10;
    const clientsBottom = Math.max(...[...none.clients.values()].map((p) => p.y)) + none.clientH / 2 + 13 * 3.6;
    expect(none.box.x + none.box.w).toBeLessThanOrEqual(clientsRight + 0.001);
    expect(none.box.y + none.box.h).toBeLessThanOrEqual(Math.max(nodes.y + nodes.h, clientsBottom + 14) + 0.001);
    expect(none.box.h).toBeLessThan(before.box.h);
    // Even with four clients, whose queue would have been wider than the clients.
    const four = zkStageGeometry(nodes, 4, [], 13, 24, 4);
    expect(four.box.x + four.box.w).toBeLessThanOrEqual(Math.max(...[...four.clients.values()].map((p) => p.x + four.clientW / 2)) + 10.001);
  });

  it('leaves room above the first client for a cut-off client’s ✂ mark', () => {
    const nodes = { x: 100, y: 50, w: 400, h: 200 };
    const g = zkStageGeometry(nodes, 5, [], 13, 24, 5);
    const first = g.clients.get(Math.min(...g.clients.keys()))!;
    // The mark is a circle of radius 9 on the box's top corner.
    expect(first.y - g.clientH / 2 - 9).toBeGreaterThanOrEqual(g.box.y);
  });

  describe('in the 800×450 embed (labels ≥ 14 px on screen)', () => {
    const text = stageText(true, false);
    const nodes = fitViewBox(circleLayout(3), text);
    // The stage's box when it is alone above the transport: the drawing scales by the smaller ratio.
    const px = (g: { box: { w: number; h: number } }, aspect = EMBED_ASPECT.wide) => text.label * Math.min((356 * aspect) / g.box.w, 356 / g.box.h);
    const embed = (clients: number, locks: string[], takes: boolean, aspect = EMBED_ASPECT.wide) => zkStageGeometry(nodes, clients, locks, text.label, text.id, Math.min(clients, 6), { embed: true, aspect, scriptLocks: takes ? ['/lock'] : [] });

    it('four clients and a lock queue (zk-lock-handover) keep the labels ≥ 14 px: clients in a column each side of the ring, entries short', () => {
      const g = embed(4, ['/lock'], true);
      expect(px(g)).toBeGreaterThanOrEqual(14);
      expect(g.clientCols).toBe(2);
      expect(g.short).toBe(true);
      expect(g.perLine).toBe(4);
      // c1 and c2 right of the ring, c3 and c4 left of it (no line crosses another client), within the ring's height; the queue under all.
      expect([...g.leftClients].map(clientOfActor)).toEqual([3, 4]);
      for (const [id, p] of g.clients) {
        if (g.leftClients.has(id)) {
          expect(p.x + g.clientW / 2).toBeLessThan(nodes.x);
          expect(p.x - g.clientW / 2).toBeGreaterThanOrEqual(g.box.x);
          expect(clientAnchor(g, id)!.x).toBeCloseTo(p.x + g.clientW / 2, 5);
        } else {
          expect(p.x - g.clientW / 2).toBeGreaterThan(nodes.x + nodes.w);
          expect(clientAnchor(g, id)!.x).toBeCloseTo(p.x - g.clientW / 2, 5);
        }
        expect(p.y - g.clientH / 2 - 9).toBeGreaterThanOrEqual(g.box.y);
        expect(p.y + g.clientH / 2 + text.label * 3.1).toBeLessThanOrEqual(g.queues[0].y - g.entryH / 2);
      }
      expect(g.queues[0].x0).toBeGreaterThanOrEqual(g.box.x);
      expect(entryCentre(g, 0, 3).x + g.entryW / 2).toBeLessThanOrEqual(g.box.x + g.box.w);
      // Every word of an entry at the label size.
      expect(g.entryText).toEqual({ name: 1, watches: 1, note: 1 });
      // The full app keeps its one column of four.
      expect(zkStageGeometry(fitViewBox(circleLayout(3), stageText(false, false), FULL_MIN_VIEW), 4, ['/lock'], 13, 24, 4, { scriptLocks: ['/lock'] }).clientCols).toBe(1);
    });

    it('four clients without a lock (zk-config-watchers) fit the ring’s height; two clients stay in one column', () => {
      const g = embed(4, [], false);
      expect(g.queues).toEqual([]);
      expect(g.clientCols).toBe(2);
      expect(g.box.h).toBeCloseTo(nodes.h, 5);
      expect(px(g)).toBeGreaterThanOrEqual(18);
      const two = embed(2, [], false);
      expect(two.clientCols).toBe(1);
      expect(px(two)).toBeGreaterThanOrEqual(18);
      // Beside the state view (a narrower box) too.
      expect(px(embed(2, [], false, EMBED_ASPECT.beside), EMBED_ASPECT.beside)).toBeGreaterThanOrEqual(14);
    });

    it('a long queue wraps onto more lines inside the drawing, entries apart, the drawing larger than unwrapped', () => {
      const g = embed(6, ['/lock'], true);
      expect(g.perLine).toBeLessThan(6);
      expect(g.queues[0].lines).toBe(Math.ceil(6 / g.perLine));
      const boxes = Array.from({ length: 6 }, (_, i) => entryCentre(g, 0, i)).map((c) => ({ x0: c.x - g.entryW / 2, x1: c.x + g.entryW / 2, y0: c.y - g.entryH / 2, y1: c.y + g.entryH / 2 }));
      for (const b of boxes) {
        expect(b.x0).toBeGreaterThanOrEqual(g.queues[0].entries - 0.001);
        expect(b.x1).toBeLessThanOrEqual(g.box.x + g.box.w);
        expect(b.y0).toBeGreaterThan(nodes.y + nodes.h);
        // Room under each line for the "believes it holds" note.
        expect(b.y1 + text.label * 1.3).toBeLessThanOrEqual(g.box.y + g.box.h);
      }
      for (let i = 0; i < 6; i++)
        for (let j = i + 1; j < 6; j++) {
          const [a, b] = [boxes[i], boxes[j]];
          expect(a.x1 <= b.x0 || b.x1 <= a.x0 || a.y1 <= b.y0 || b.y1 <= a.y0, `entries ${i} and ${j} overlap`).toBe(true);
        }
      // The second line starts under the first.
      expect(entryCentre(g, 0, g.perLine).x).toBeCloseTo(entryCentre(g, 0, 0).x, 5);
      expect(entryCentre(g, 0, g.perLine).y).toBeCloseTo(entryCentre(g, 0, 0).y + g.lineH, 5);
      // Between the lines: the notes under the first (1.3 labels) and the watch arrow up to it.
      expect(g.lineH - g.entryH).toBeGreaterThanOrEqual(text.label * 1.9);
      const unwrapped = zkStageGeometry(nodes, 6, ['/lock'], text.label, text.id, 6, { embed: true, scriptLocks: ['/lock'] });
      expect(unwrapped.perLine).toBe(6);
      expect(px(g)).toBeGreaterThan(px(unwrapped));
    });

    it('draws lock node names short, the sequence’s last two digits', () => {
      expect(entryLabel('lock-0000000003', '0000000003', true)).toEqual({ head: 'lock-', seq: '…03' });
      expect(entryLabel('lock-0000000003', '0000000003', false)).toEqual({ head: 'lock-', seq: '0000000003' });
      expect(entryLabel('holder', null, true)).toEqual({ head: 'holder', seq: '' });
      expect(entryLabel('a-very-long-name', null, true)).toEqual({ head: '…ong-name', seq: '' });
    });
  });

  it('the layout key knows the locks the run’s script takes (their queue rows from the start)', () => {
    const sc = (ops: string[]): Scenario => ({ protocol: 'zab', nodes: 3, seed: 1, until: 1000, service: 'zookeeper', clients: 2, script: ops.map((op, i) => ({ at: 100 * (i + 1), do: 'client', client: 1, op, path: '/lock' })) });
    expect(scriptLocks(sc(['create', 'lock', 'lock']))).toEqual(['/lock']);
    expect(scriptLocks(sc(['create', 'getData']))).toEqual([]);
    expect(scriptLocks(null)).toEqual([]);
    const service = { name: 'zookeeper', clients: [client(1), client(2)], ops: [], opCount: 0, events: [], eventCount: 0 };
    const text = stageText(true, false);
    const ring = circleLayout(3);
    const box = fitViewBox(ring, text);
    const rows = (ops: string[]) => (zkServiceView.stageLayout(ring, zkServiceView.layoutKey(service, sc(ops)), text, box, { embed: true, wide: true }) as unknown as { zk: { queues: unknown[] } }).zk.queues.length;
    expect(rows(['lock'])).toBe(1);
    expect(rows(['getData'])).toBe(0);
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
