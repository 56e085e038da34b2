/** ZooKeeper servers on ZAB: writes through the leader, local reads, per-session order, sync, session errors. */
import { describe, expect, it } from 'vitest';
import { sessionHex } from '../../../../src/core/coord/zookeeper/types';
import { zabProtocol } from '../../../../src/core/zab/protocol';
import { C1, C2, World } from './world';

const mk = (path: string, data = '', ephemeral = false) => ({ op: 'create' as const, path, data, ephemeral, sequential: false });
const getData = (path: string, watch = false) => ({ op: 'getData' as const, path, watch });

describe('zk requests', () => {
  it('a write via a follower is forwarded, committed, applied everywhere and answered by that follower', () => {
    const w = new World(3);
    const leader = w.settle();
    expect(leader).toBe(3);
    const s = w.connect(C1, 1);
    expect(w.notesNamed('SessionCreated', 1)).toHaveLength(1);
    const r = w.call(C1, 1, s, 1, mk('/a', 'x'));
    expect(r.from).toBe(1);
    expect(r.msg.outcome).toEqual({ ok: true, result: '/a' });
    expect(w.notesNamed('Forwarded', 1).map((n) => n.f.request)).toEqual([0, 1]); // createSession, then the create
    w.run(100);
    for (const id of [1, 2, 3]) expect(w.paths(id)).toEqual(['/a']);
    const h = w.nodes[3].history;
    expect(r.msg.zxid).toBe(h[h.length - 1].zxid);
    expect(h.map((t) => t.value)).toEqual([`createSession ${sessionHex(s)}`, 'create /a']);
    // The leader stamped the time: ctime is the proposal's time at the leader.
    expect(h[1].zk?.timeMs).toBe(w.notesNamed('Proposed', 3)[1].time);
    // Only the connected server answers.
    expect(w.received(C1).every((x) => x.from === 1)).toBe(true);
  });

  it('a lagging follower serves a stale read; sync cures it', () => {
    const w = new World(3);
    w.settle();
    const s1 = w.connect(C1, 1);
    const s2 = w.connect(C2, 2);
    w.call(C2, 2, s2, 1, mk('/a', 'old'));
    w.run(100);
    w.setLatency(3, 1, 300); // the leader's packets reach n1 late
    const wr = w.call(C2, 2, s2, 2, { op: 'setData', path: '/a', data: 'new', version: -1 });
    expect(wr.msg.outcome.ok).toBe(true);
    const stale = w.call(C1, 1, s1, 1, getData('/a'));
    expect(stale.msg.outcome).toMatchObject({ ok: true, result: { data: 'old' } });
    expect(stale.msg.zxid).toBeLessThan(wr.msg.zxid);
    const served = w.notesNamed('ReadServed', 1).at(-1)!;
    expect(served.f.zxid).toBe(stale.msg.zxid);
    w.request(C1, 1, s1, 2, { op: 'sync', path: '/a' });
    w.request(C1, 1, s1, 3, getData('/a')); // behind the sync, in session order
    const synced = w.waitFor(C1, 'Reply', 3000, (m) => m.type === 'Reply' && m.xid === 2);
    expect(synced.msg).toMatchObject({ outcome: { ok: true, result: '/a' } });
    expect((synced.msg as { zxid: number }).zxid).toBeGreaterThanOrEqual(wr.msg.zxid);
    expect(w.notesNamed('SyncForwarded', 1)).toHaveLength(1);
    expect(w.notesNamed('SyncDone', 1)[0].f.zxid).toBeGreaterThanOrEqual(wr.msg.zxid);
    const fresh = w.waitFor(C1, 'Reply', 3000, (m) => m.type === 'Reply' && m.xid === 3);
    expect(fresh.msg).toMatchObject({ outcome: { ok: true, result: { data: 'new' } } });
    const order = w.replies(C1).map((m) => m.xid);
    expect(order.indexOf(2)).toBeLessThan(order.indexOf(3));
  });

  it("a read waits behind its session's own write (CommitProcessor order), another session's does not", () => {
    const w = new World(3);
    w.settle();
    const s1 = w.connect(C1, 1);
    const s2 = w.connect(C2, 1);
    w.request(C1, 1, s1, 1, mk('/b', 'mine'));
    w.request(C1, 1, s1, 2, getData('/b'));
    w.request(C2, 1, s2, 1, getData('/b'));
    w.run(300);
    const mine = w.reply(C1, 2)!;
    expect(mine.msg.outcome).toMatchObject({ ok: true, result: { data: 'mine' } });
    expect(w.reply(C1, 1)!.at).toBeLessThanOrEqual(mine.at);
    expect(w.replies(C1).map((m) => m.xid)).toEqual([1, 2]);
    expect(w.notesNamed('ReadQueued', 1)).toEqual([expect.objectContaining({ f: { client: C1, xid: 2, behind: 1 } })]);
    // The other session's read was answered at once, before the create committed.
    expect(w.reply(C2, 1)!.msg.outcome).toEqual({ ok: false, error: 'NoNode' });
    expect(w.reply(C2, 1)!.at).toBeLessThan(mine.at);
  });

  it('a request on an unknown session is answered SessionExpired; close ends the session and removes its ephemerals', () => {
    const w = new World(3);
    w.settle();
    w.request(C2, 2, 12345, 7, getData('/x'));
    w.run(50);
    expect(w.reply(C2, 7)!.msg.outcome).toEqual({ ok: false, error: 'SessionExpired' });
    expect(w.notesNamed('SessionUnknown', 2)).toHaveLength(1);
    const s = w.connect(C1, 2);
    w.call(C1, 2, s, 1, mk('/e', '', true));
    const closed = w.call(C1, 2, s, 2, { op: 'close' });
    expect(closed.msg.outcome.ok).toBe(true);
    expect(w.nodes[3].history.at(-1)!.zk).toMatchObject({ type: 'closeSession', reason: 'close', session: s });
    w.run(100);
    for (const id of [1, 2, 3]) expect(w.paths(id)).toEqual([]);
    expect(w.nodes[2].zkServe!.conns.size).toBe(0);
    expect(w.call(C1, 2, s, 3, getData('/e')).msg.outcome).toEqual({ ok: false, error: 'SessionExpired' });
  });

  /** C2 (on n2) watches /w with getData; C1 (on n1) changes it twice. */
  function watchThenTwoChanges(w: World): void {
    w.settle();
    const s1 = w.connect(C1, 1);
    const s2 = w.connect(C2, 2);
    w.call(C1, 1, s1, 1, mk('/w', 'a'));
    w.call(C2, 2, s2, 1, getData('/w', true));
    w.call(C1, 1, s1, 2, { op: 'setData', path: '/w', data: 'b', version: -1 });
    w.call(C1, 1, s1, 3, { op: 'setData', path: '/w', data: 'c', version: -1 });
    w.run(200);
  }

  it('a watch fires at the server the watcher is connected to, once', () => {
    const w = new World(3);
    watchThenTwoChanges(w);
    const evs = w.received(C2).filter((r) => r.msg.type === 'WatcherEvent');
    expect(evs.map((r) => [r.from, r.msg])).toEqual([[2, expect.objectContaining({ type: 'WatcherEvent', event: { type: 'NodeDataChanged', path: '/w' } })]]);
    expect(w.notesNamed('WatchFired', 2)).toHaveLength(1);
    expect(w.events(C1)).toEqual([]);
  });

  it('bug watchFiresTwice: the same watch fires on the next change too', () => {
    const w = new World(3, { bugs: ['watchFiresTwice'] });
    watchThenTwoChanges(w);
    expect(w.events(C2).map((e) => e.event.type)).toEqual(['NodeDataChanged', 'NodeDataChanged']);
  });

  it('keyframes: a restored server is an independent copy with the same service state', () => {
    const w = new World(3);
    w.settle();
    const s1 = w.connect(C1, 1);
    w.call(C1, 1, s1, 1, mk('/k', 'v'));
    w.call(C1, 1, s1, 2, getData('/k', true));
    const n1 = w.nodes[1];
    const snap = zabProtocol.snapshot(n1);
    const copy = zabProtocol.restore(snap);
    expect(zabProtocol.view(copy, true)).toEqual(zabProtocol.view(n1, true));
    expect(zabProtocol.view(n1, true).zk).toMatchObject({ rows: [{ path: '/' }, { path: '/k', version: 0, ephemeralOwner: 0, dataWatches: [s1], childWatches: [] }], connections: [{ session: s1, client: C1, waiting: 0 }] });
    w.call(C1, 1, s1, 3, { op: 'delete', path: '/k', version: -1 });
    expect(w.paths(1)).toEqual([]);
    const again = zabProtocol.restore(snap);
    expect(again.zk!.tree.nodes.has('/k')).toBe(true);
    expect(again.zkServe!.conns.get(s1)!.queue).toEqual([]);
  });
});

describe('zk request order', () => {
  it("pipelined writes of one session are answered in order, each with its own txn's zxid", () => {
    const w = new World(3);
    w.settle();
    const s = w.connect(C1, 2);
    for (let x = 1; x <= 4; x++) w.request(C1, 2, s, x, mk(`/p${x}`, String(x)));
    w.request(C1, 2, s, 5, { op: 'getChildren', path: '/', watch: false });
    w.run(300);
    const rs = w.replies(C1);
    expect(rs.map((m) => m.xid)).toEqual([1, 2, 3, 4, 5]);
    const zx = rs.slice(0, 4).map((m) => m.zxid);
    expect([...zx].sort((a, b) => a - b)).toEqual(zx);
    expect(new Set(zx).size).toBe(4);
    expect(rs[4].outcome).toEqual({ ok: true, result: ['p1', 'p2', 'p3', 'p4', 'zookeeper'] });
  });

  it('a session that moves to the leader itself is dropped by its old follower', () => {
    const w = new World(3);
    w.settle();
    const s = w.connect(C1, 1, 2000);
    w.take(C1);
    const zxid = w.nodes[1].zk!.tree.lastZxid;
    w.client(C1, 3, { type: 'ConnectRequest', session: s, timeoutMs: 2000, lastZxidSeen: zxid });
    expect(w.waitFor(C1, 'ConnectResponse').msg).toEqual({ type: 'ConnectResponse', session: s, timeoutMs: 2000 });
    w.run(50);
    expect(w.nodes[1].zkServe!.conns.has(s)).toBe(false);
    expect(w.nodes[3].zkServe!.conns.get(s)?.client).toBe(C1);
    expect(w.notesNamed('RevalidateSent')).toEqual([]);
    expect(w.call(C1, 3, s, 1, mk('/at-leader')).msg.outcome).toEqual({ ok: true, result: '/at-leader' });
  });
});
