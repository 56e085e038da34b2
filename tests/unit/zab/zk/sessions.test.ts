/** ZooKeeper sessions on ZAB: connect refusals, the leader's tracker and expiry through the log, reconnects, revalidation, rebuilds. */
import { describe, expect, it } from 'vitest';
import { roundToNextTick } from '../../../../src/core/zab/zk/serve';
import { C1, C2, C3, World } from './world';

const mkEph = (path: string) => ({ op: 'create' as const, path, data: '', ephemeral: true, sequential: false });

describe('zk sessions', () => {
  it('refuses connections while not serving, and from a client that has seen more than the server applied', () => {
    const w = new World(3);
    w.client(C1, 1, { type: 'ConnectRequest', session: 0, timeoutMs: 1000, lastZxidSeen: 0 });
    w.run(25); // everyone is still LOOKING
    expect(w.received(C1)[0].msg).toEqual({ type: 'ConnectResponse', session: 0, timeoutMs: 0, refused: 'notServing' });
    expect(w.notesNamed('ConnectRefusedNotServing', 1)).toHaveLength(1);
    w.settle();
    const s2 = w.connect(C2, 2);
    w.setLatency(3, 1, 300);
    const wr = w.call(C2, 2, s2, 1, { op: 'create', path: '/z', data: '', ephemeral: false, sequential: false });
    w.client(C3, 1, { type: 'ConnectRequest', session: 0, timeoutMs: 1000, lastZxidSeen: wr.msg.zxid });
    w.run(20);
    expect(w.received(C3)[0].msg).toEqual({ type: 'ConnectResponse', session: 0, timeoutMs: 0, refused: 'behind' });
    expect(w.notesNamed('ConnectRefusedBehind', 1)[0].f).toMatchObject({ theirs: wr.msg.zxid, ours: w.nodes[1].zk!.tree.lastZxid });
    w.run(400); // caught up: now it may
    w.take(C3);
    w.client(C3, 1, { type: 'ConnectRequest', session: 0, timeoutMs: 1000, lastZxidSeen: wr.msg.zxid });
    expect(w.waitFor(C3, 'ConnectResponse').msg).toMatchObject({ timeoutMs: 1000 });
  });

  it('negotiates the timeout into [2, 20] × tickTime and makes ids sid · 2^32 + n', () => {
    const w = new World(3);
    w.settle();
    w.client(C1, 1, { type: 'ConnectRequest', session: 0, timeoutMs: 10, lastZxidSeen: 0 });
    w.client(C2, 1, { type: 'ConnectRequest', session: 0, timeoutMs: 999_999, lastZxidSeen: 0 });
    w.run(200);
    expect(w.received(C1)[0].msg).toEqual({ type: 'ConnectResponse', session: 1 * 2 ** 32 + 1, timeoutMs: 200 });
    expect(w.received(C2)[0].msg).toEqual({ type: 'ConnectResponse', session: 1 * 2 ** 32 + 2, timeoutMs: 2000 });
  });

  it('expires an idle session through the log: ephemerals gone on every server, watchers told', () => {
    const w = new World(3);
    w.settle();
    const s1 = w.connect(C1, 1, 600);
    const s2 = w.connect(C2, 2, 2000);
    w.keepAlive(C2, 2, s2);
    const lastSent = w.now;
    w.call(C1, 1, s1, 1, mkEph('/e'));
    w.call(C2, 2, s2, 1, { op: 'exists', path: '/e', watch: true });
    w.run(100);
    for (const id of [1, 2, 3]) expect(w.paths(id)).toEqual(['/e']);
    w.run(1500);
    const exp = w.notesNamed('SessionExpiredByTracker', 3);
    expect(exp).toHaveLength(1);
    expect(exp[0].f.session).toBe(s1);
    // Expired at a tickTime bucket boundary (ExpiryQueue), no sooner than its timeout after it was last touched.
    expect(exp[0].time % 100).toBe(0);
    expect(exp[0].time).toBe(exp[0].f.expireAt);
    // Last touched when the create reached n1 (passed on with n1's next PING answer, within half a tick).
    expect(exp[0].time).toBeGreaterThanOrEqual(lastSent + 10 + 600);
    expect(exp[0].time).toBeLessThanOrEqual(lastSent + 10 + 600 + 50 + 10 + 100);
    expect(w.nodes[3].history.at(-1)!.zk).toMatchObject({ type: 'closeSession', session: s1, reason: 'expire' });
    for (const id of [1, 2, 3]) expect(w.paths(id)).toEqual([]);
    expect(w.events(C2)).toEqual([expect.objectContaining({ event: { type: 'NodeDeleted', path: '/e' } })]);
    expect(w.nodes[1].zkServe!.conns.has(s1)).toBe(false);
    // n1 closes the expired session's connection once applied (proposal, ack, commit, send: 4 hops): an unasked-for ConnectResponse is the end of stream.
    expect(w.received(C1).at(-1)).toMatchObject({ from: 1, at: exp[0].time + 40, msg: { type: 'ConnectResponse', session: 0, timeoutMs: 0 } });
    // The kept-alive session (pinging through follower n2, passed on with its PING answers) lives on.
    expect(w.nodes[3].zkServe!.tracker.has(s2)).toBe(true);
    expect(w.notesNamed('SessionExpiredByTracker', 3).map((n) => n.f.session)).toEqual([s1]);
  });

  it('ExpiryQueue rounds the expiry up to the next tickTime boundary', () => {
    expect(roundToNextTick(1000, 100)).toBe(1100);
    expect(roundToNextTick(1001, 100)).toBe(1100);
    expect(roundToNextTick(1099, 100)).toBe(1100);
  });

  it('a reconnect to another server within the timeout keeps the session; the old server drops it and its watches', () => {
    const w = new World(3);
    w.settle();
    const s = w.connect(C1, 1, 600);
    w.keepAlive(C1, 1, s);
    w.call(C1, 1, s, 1, mkEph('/mine'));
    w.call(C1, 1, s, 2, { op: 'exists', path: '/other', watch: true });
    expect(w.nodes[1].zk!.watches.data.get('/other')?.has(s)).toBe(true);
    w.run(2000); // well past the timeout: the pings through n1 keep it open
    expect(w.nodes[3].zkServe!.tracker.has(s)).toBe(true);
    w.stopPinging(C1);
    w.run(300); // silent for half the timeout, then to n2
    w.take(C1);
    const zxid = w.nodes[1].zk!.tree.lastZxid;
    w.client(C1, 2, { type: 'ConnectRequest', session: s, timeoutMs: 600, lastZxidSeen: zxid, watches: { relativeZxid: zxid, data: [], exist: ['/other'], child: [] } });
    const r = w.waitFor(C1, 'ConnectResponse');
    expect(r.from).toBe(2);
    expect(r.msg).toEqual({ type: 'ConnectResponse', session: s, timeoutMs: 600 });
    expect(w.notesNamed('RevalidateSent', 2)).toHaveLength(1);
    expect(w.notesNamed('Revalidated', 3).at(-1)!.f).toMatchObject({ session: s, valid: 1, owner: 2, previous: 1 });
    w.run(50);
    expect(w.nodes[1].zkServe!.conns.has(s)).toBe(false);
    expect(w.nodes[1].zk!.watches.data.get('/other')).toBeUndefined();
    expect(w.nodes[2].zk!.watches.data.get('/other')?.has(s)).toBe(true);
    expect(w.notesNamed('SessionMovedAway', 1)).toHaveLength(1);
    w.keepAlive(C1, 2, s);
    w.run(1500);
    for (const id of [1, 2, 3]) expect(w.paths(id)).toEqual(['/mine']);
    w.take(C1);
    w.call(C1, 2, s, 3, { op: 'create', path: '/other', data: '', ephemeral: false, sequential: false });
    w.run(50);
    expect(w.events(C1)).toEqual([expect.objectContaining({ event: { type: 'NodeCreated', path: '/other' } })]);
  });

  it('revalidating an expired session answers session 0, timeout 0', () => {
    const w = new World(3);
    w.settle();
    const s = w.connect(C1, 1, 300);
    w.run(1000);
    expect(w.notesNamed('SessionExpiredByTracker', 3).map((n) => n.f.session)).toEqual([s]);
    w.take(C1);
    const zxid = w.nodes[2].zk!.tree.lastZxid;
    w.client(C1, 2, { type: 'ConnectRequest', session: s, timeoutMs: 300, lastZxidSeen: zxid });
    expect(w.waitFor(C1, 'ConnectResponse').msg).toEqual({ type: 'ConnectResponse', session: 0, timeoutMs: 0 });
    expect(w.notesNamed('Revalidated', 3).at(-1)!.f).toMatchObject({ session: s, valid: 0 });
    expect(w.notesNamed('SessionInvalid', 2)).toHaveLength(1);
    // At the leader itself too.
    w.client(C1, 3, { type: 'ConnectRequest', session: s, timeoutMs: 300, lastZxidSeen: zxid });
    w.run(30);
    expect(w.received(C1).at(-1)!.msg).toEqual({ type: 'ConnectResponse', session: 0, timeoutMs: 0 });
  });

  it('a new leader restarts every session clock; the session then expires through the new leader', () => {
    const w = new World(3);
    w.settle();
    const s = w.connect(C1, 1, 2000);
    w.call(C1, 1, s, 1, mkEph('/e'));
    const t0 = w.now;
    w.crash(3);
    w.run(50);
    // n1 went LOOKING: it closed its client's connection (a refusal reads as a lost connection, never as expiry).
    expect(w.received(C1).at(-1)).toMatchObject({ from: 1, msg: { type: 'ConnectResponse', session: 0, timeoutMs: 0, refused: 'notServing' } });
    expect(w.nodes[1].zkServe!.conns.size).toBe(0);
    const l = w.settle();
    expect(l).not.toBe(3);
    const loaded = w.notesNamed('TrackerLoaded', l).at(-1)!;
    expect(loaded.f.sessions).toBe(1);
    const exp = w.nodes[l].zkServe!.tracker.get(s)!.expireAt;
    expect(exp).toBe(roundToNextTick(loaded.time + 2000, 100));
    expect(exp).toBeGreaterThan(t0 + 2000);
    w.run(3000);
    expect(w.notesNamed('SessionExpiredByTracker', l).map((n) => [n.f.session, n.time])).toEqual([[s, exp]]);
    for (const id of [1, 2]) expect(w.paths(id)).toEqual([]);
  });

  it('bug expireWithoutLog: a follower ends a session in its own tree only', () => {
    for (const bug of [false, true]) {
      const w = new World(3, bug ? { bugs: ['expireWithoutLog'] } : {});
      w.settle();
      const s = w.connect(C1, 1, 600);
      w.keepAlive(C1, 1, s);
      w.call(C1, 1, s, 1, mkEph('/lock'));
      w.run(2000);
      // n2 hears no pings from this session's client: with the bug it expires it itself.
      expect(w.paths(3)).toEqual(['/lock']);
      expect(w.paths(1)).toEqual(['/lock']);
      expect(w.paths(2)).toEqual(bug ? [] : ['/lock']);
      expect(w.notesNamed('SessionExpiredLocally').map((n) => n.node)).toEqual(bug ? [2] : []);
      expect(w.notesNamed('SessionExpiredByTracker')).toHaveLength(0);
    }
  });

  it('a history replaced under the applied tree (TRUNC / SNAP) rebuilds the tree from the committed prefix', () => {
    const w = new World(3);
    w.settle();
    const s = w.connect(C1, 1, 2000);
    w.call(C1, 1, s, 1, { op: 'create', path: '/r', data: '', ephemeral: false, sequential: false });
    w.run(50);
    const before = w.tree(2);
    const n2 = w.nodes[2];
    n2.history = n2.history.map((t) => ({ ...t })); // what rewrite() does: new entries where old ones were
    w.run(100);
    expect(w.notesNamed('TreeRebuilt', 2)).toEqual([expect.objectContaining({ f: { count: n2.committed } })]);
    expect(w.tree(2)).toEqual(before);
    expect(n2.zk!.tree.lastZxid).toBe(n2.history[n2.committed - 1].zxid);
  });

  it('a restarted server rebuilds its tree from the committed history (SNAP as well as DIFF)', () => {
    for (const cfg of [{}, { committedLogCount: 0, txnLogSync: false }]) {
      const w = new World(3, cfg);
      w.settle();
      const s = w.connect(C1, 2, 2000);
      w.keepAlive(C1, 2, s);
      w.call(C1, 2, s, 1, { op: 'create', path: '/p', data: '1', ephemeral: false, sequential: false });
      w.run(50);
      w.crash(1);
      expect(w.nodes[1].zk!.tree.lastZxid).toBe(0);
      w.call(C1, 2, s, 2, { op: 'create', path: '/q', data: '2', ephemeral: false, sequential: true });
      w.restart(1);
      w.settle();
      expect(w.tree(1)).toEqual(w.tree(3));
      expect(w.paths(1)).toEqual(['/p', '/q0000000001']);
      const leader = w.leader();
      const mode = w.nodes[leader].learners[1]!.sync;
      expect(mode).toBe('committedLogCount' in cfg ? 'snap' : 'diff');
    }
  });
});
