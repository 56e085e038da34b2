/**
 * A client's new connection to a server it still has an older session's connection on —
 * the rule fuzz seed 1441 found (fixed in 46a1ee5, src/core/zab/zk/serve.ts connectRequest):
 * a Java client has one socket, so its ConnectRequest for another session means it closed
 * the old one, and the server drops that connection and the watches it held. Before the
 * fix, the old session's watch (in seed 1441 a child watch whose getChildren answer was
 * lost) fired into the client's new socket, where the client recorded an event no watch
 * of its new session asked for.
 *
 * Driven on the ZAB servers themselves (tests/unit/zab/zk/world.ts: three servers hosting
 * ZooKeeper, clients that are plain packets), the smallest harness that runs serve.ts.
 */
import { describe, expect, it } from 'vitest';
import { isSessionOpen } from '../../../../../src/core/coord/zookeeper/tree';
import { C1, C2, C3, World } from '../../../zab/zk/world';

const mkdir = (path: string) => ({ op: 'create' as const, path, data: '', ephemeral: false, sequential: false });

/** An ensemble with /x, and client C1 on server 1 with session A holding a child watch on /x. */
function withOldSession(): { w: World; a: number } {
  const w = new World(3);
  w.settle();
  expect(w.leader()).not.toBe(1); // server 1 is a follower, as in seed 1441
  const a = w.connect(C1, 1, 2000);
  w.call(C1, 1, a, 1, mkdir('/x'));
  w.call(C1, 1, a, 2, { op: 'getChildren', path: '/x', watch: true });
  expect(w.nodes[1].zk!.watches.child.get('/x')?.has(a)).toBe(true);
  return { w, a };
}

describe('ZooKeeper servers: a new session’s ConnectRequest closes the client’s older connection (fuzz seed 1441)', () => {
  it('a new session on the same server: the old session’s child watch is gone from the table and its event never reaches the new connection', () => {
    const { w, a } = withOldSession();
    // Another client on the same server with the same watch: the drop is the one client's alone.
    const other = w.connect(C3, 1, 2000);
    w.call(C3, 1, other, 1, { op: 'getChildren', path: '/x', watch: true });
    // C1 dropped its socket (the getChildren answer lost, or the handle closed without its
    // closeSession getting through) and opens a new session on server 1.
    w.take(C1);
    const b = w.connect(C1, 1, 2000);
    expect(b).not.toBe(a);
    const s1 = w.nodes[1].zkServe!;
    expect(s1.conns.has(a)).toBe(false);
    expect(s1.conns.get(b)).toMatchObject({ client: C1, session: b });
    expect(w.nodes[1].zk!.watches.child.get('/x')?.has(a) ?? false).toBe(false);
    expect(w.nodes[1].zk!.watches.child.get('/x')?.has(other)).toBe(true);
    // The connection went, not the session: it lives until it expires or is closed.
    expect(isSessionOpen(w.nodes[1].zk!.tree, a)).toBe(true);
    w.take(C1);
    w.take(C3);
    // The watched znode changes (through another server).
    const c2 = w.connect(C2, 2, 2000);
    w.call(C2, 2, c2, 1, mkdir('/x/y'));
    w.run(100);
    expect(w.events(C1)).toEqual([]);
    expect(w.notesNamed('WatchFired', 1).filter((n) => n.f.client === C1)).toEqual([]);
    expect(w.events(C3)).toEqual([expect.objectContaining({ event: { type: 'NodeChildrenChanged', path: '/x' } })]);
  });

  it('a later session reconnecting to the server where the old one’s connection stayed: that connection and its watches go too', () => {
    const { w, a } = withOldSession();
    // C1 gave up session A (its connection on server 1 stays there) and made B on server 2 …
    w.take(C1);
    const b = w.connect(C1, 2, 2000);
    expect(b).not.toBe(a);
    w.call(C1, 2, b, 1, { op: 'exists', path: '/z', watch: true });
    expect(w.nodes[1].zkServe!.conns.get(a)).toMatchObject({ client: C1 });
    // … then lost that connection and reconnects B to server 1, SetWatches bringing its own watch.
    const zxid = w.nodes[2].zk!.tree.lastZxid;
    w.take(C1);
    w.client(C1, 1, { type: 'ConnectRequest', session: b, timeoutMs: 2000, lastZxidSeen: zxid, watches: { relativeZxid: zxid, data: [], exist: ['/z'], child: [] } });
    expect(w.waitFor(C1, 'ConnectResponse').msg).toEqual({ type: 'ConnectResponse', session: b, timeoutMs: 2000 });
    const s1 = w.nodes[1].zkServe!;
    expect(s1.conns.has(a)).toBe(false);
    expect(s1.conns.get(b)).toMatchObject({ client: C1, session: b });
    expect(w.nodes[1].zk!.watches.child.get('/x')?.has(a) ?? false).toBe(false);
    expect(w.nodes[1].zk!.watches.data.get('/z')?.has(b)).toBe(true);
    w.take(C1);
    const c2 = w.connect(C2, 3, 2000);
    w.call(C2, 3, c2, 1, mkdir('/x/y'));
    w.call(C2, 3, c2, 2, mkdir('/z'));
    w.run(100);
    // Only B's own watch fires on B's connection.
    expect(w.events(C1)).toEqual([expect.objectContaining({ event: { type: 'NodeCreated', path: '/z' } })]);
  });
});
