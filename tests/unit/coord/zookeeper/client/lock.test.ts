import { describe, expect, it } from 'vitest';
import { World } from './harness';
import { getNode, childrenOf } from '../../../../../src/core/coord/zookeeper/tree';

const lock = (w: World, c: number, at?: number) => w.op(c, { op: 'lock', path: '/lock' }, at);
const unlock = (w: World, c: number, at?: number) => w.op(c, { op: 'unlock', path: '/lock' }, at);
const children = (w: World) => childrenOf(getNode(w.server(1).state.tree, '/lock')!).sort();
const nodeEvents = (w: World, c: number) => w.eventsOf(c).filter((e) => e.path !== '').map((e) => [e.type, e.path]);

describe('ZooKeeper client: the lock recipe', () => {
  it('three clients: the lowest holds it, each waiter watches only its predecessor, and an unlock wakes only the next', () => {
    const w = new World(3, 3);
    lock(w, 1, 0);
    lock(w, 2, 100);
    lock(w, 3, 200);
    w.run(1000);
    // The parent did not exist: client 1 created it (persistent), then its node.
    expect(getNode(w.server(1).state.tree, '/lock')!.ephemeralOwner).toBe(0);
    expect(children(w)).toEqual(['lock-0000000000', 'lock-0000000001', 'lock-0000000002']);
    expect(w.last(1)).toMatchObject({ op: 'lock', ok: true, result: '/lock/lock-0000000000' });
    expect(w.last(2).complete).toBeNull();
    expect(w.last(3).complete).toBeNull();
    expect(w.view(1).locks).toEqual([{ path: '/lock', node: '/lock/lock-0000000000', waitingOn: '', held: true, zxid: w.last(1).zxid }]);
    expect(w.view(2).locks[0]).toMatchObject({ waitingOn: '/lock/lock-0000000000', held: false });
    expect(w.view(3).locks[0]).toMatchObject({ waitingOn: '/lock/lock-0000000001', held: false });
    // The lock's zxid is its node's czxid: the fencing token.
    expect(w.last(1).zxid).toBe(getNode(w.server(1).state.tree, '/lock/lock-0000000000')!.czxid);
    // Only exists watches on the predecessor: no child watch on the parent (no herd).
    expect(w.view(3).watches).toEqual({ data: ['/lock/lock-0000000001'], exist: [], child: [] });

    unlock(w, 1);
    w.run(1000);
    expect(w.last(1)).toMatchObject({ op: 'unlock', ok: true });
    expect(nodeEvents(w, 2)).toEqual([['NodeDeleted', '/lock/lock-0000000000']]);
    expect(nodeEvents(w, 3)).toEqual([]);
    expect(w.opsOf(2)[0]).toMatchObject({ op: 'lock', ok: true, result: '/lock/lock-0000000001' });
    expect(w.opsOf(2)[0].zxid).toBeGreaterThan(w.opsOf(1)[0].zxid);
    expect(w.view(1).locks).toEqual([]);
    expect(w.last(3).complete).toBeNull();

    // The holder's session ends (expired by the leader): its ephemeral goes; client 3 takes over, only it is woken.
    w.expire(w.view(2).session);
    w.run(1000);
    expect(nodeEvents(w, 3)).toEqual([['NodeDeleted', '/lock/lock-0000000001']]);
    expect(w.last(3)).toMatchObject({ op: 'lock', ok: true, result: '/lock/lock-0000000002' });
    expect(children(w)).toEqual(['lock-0000000002']);
  });

  it('a waiter whose predecessor dies first, not the holder, watches the next lower one instead', () => {
    const w = new World(1, 3);
    lock(w, 1, 0);
    lock(w, 2, 100);
    lock(w, 3, 200);
    w.run(1000);
    w.op(2, { op: 'close' }, 1000);
    w.run(500);
    expect(nodeEvents(w, 3)).toEqual([['NodeDeleted', '/lock/lock-0000000001']]);
    expect(w.view(3).locks[0]).toMatchObject({ waitingOn: '/lock/lock-0000000000', held: false });
    expect(w.last(2)).toMatchObject({ op: 'close', ok: true });
    // The closed session's pending lock failed SessionExpired.
    expect(w.opsOf(2)[0]).toMatchObject({ op: 'lock', ok: false, error: 'SessionExpired' });
    expect(nodeEvents(w, 1)).toEqual([]);
  });

  it('a ConnectionLoss during the create leaves no orphan: after reconnecting it finds its own node by ephemeralOwner', () => {
    const w = new World(3, 2);
    lock(w, 2, 0); // client 2 on server 2 holds it
    w.run(100);
    w.op(1, { op: 'connect', server: 1, sessionTimeoutMs: 30000 });
    w.run(100);
    w.server(1).dropAfterWrite = true; // server 1 applies client 1's create, then crashes before replying
    lock(w, 1);
    w.run(5000);
    expect(w.notesOf(1, 'ZkLockRecovering').length).toBe(1);
    expect(w.notesOf(1, 'ZkLockRecovered').map((n) => n.args[0])).toEqual([1]);
    expect(children(w)).toEqual(['lock-0000000000', 'lock-0000000001']);
    expect(w.view(1).locks[0]).toMatchObject({ node: '/lock/lock-0000000001', waitingOn: '/lock/lock-0000000000' });
    unlock(w, 2);
    w.run(1000);
    expect(w.opsOf(1).find((o) => o.op === 'lock')).toMatchObject({ ok: true, result: '/lock/lock-0000000001' });
  });

  it('a ConnectionLoss before the create reached the server makes a node after looking for one', () => {
    const w = new World(2, 1);
    w.op(1, { op: 'connect', server: 1, sessionTimeoutMs: 30000 });
    w.run(100);
    w.server(1).silent = true;
    lock(w, 1);
    w.run(10);
    w.server(1).silent = false;
    w.crash(1);
    w.run(5000);
    // Nothing of its own: the parent is missing (NoNode on getChildren) ⇒ create again, the parent first.
    expect(w.last(1)).toMatchObject({ op: 'lock', ok: true, result: '/lock/lock-0000000000' });
    expect(children(w)).toEqual(['lock-0000000000']);
  });

  it('lock on a path it holds completes at once; unlock with no node of its own fails NoNode', () => {
    const w = new World(1, 1);
    unlock(w, 1, 0);
    lock(w, 1, 10);
    lock(w, 1, 500);
    w.run(1000);
    expect(w.opsOf(1).map((o) => [o.op, o.ok, o.error, o.result])).toEqual([
      ['unlock', false, 'NoNode', null],
      ['lock', true, null, '/lock/lock-0000000000'],
      ['lock', true, null, '/lock/lock-0000000000'],
    ]);
    expect(w.opsOf(1)[2].complete).toBe(500);
  });

  it('unlock while its lock is still waiting deletes the node, and that lock fails NoNode', () => {
    const w = new World(1, 2);
    lock(w, 1, 0);
    lock(w, 2, 100);
    unlock(w, 2, 500);
    w.run(1000);
    expect(w.opsOf(2).map((o) => [o.op, o.ok, o.error])).toEqual([
      ['lock', false, 'NoNode'],
      ['unlock', true, null],
    ]);
    expect(children(w)).toEqual(['lock-0000000000']);
    // Its exists watch on the predecessor outlives the abandoned lock (the wire has no
    // removeWatches, which Curator would send): it fires once, when that node goes.
    expect(w.view(2).watches.data).toEqual(['/lock/lock-0000000000']);
    unlock(w, 1);
    w.run(100);
    expect(nodeEvents(w, 2)).toEqual([['NodeDeleted', '/lock/lock-0000000000']]);
    expect(w.view(2).watches.data).toEqual([]);
  });
});

describe('ZooKeeper client: the lock recipe across connection faults', () => {
  it('an unlock whose delete meets a ConnectionLoss sends it again after reconnecting (the node does not outlive the release)', () => {
    const w = new World(2, 2);
    w.op(1, { op: 'connect', server: 1, sessionTimeoutMs: 30000 });
    lock(w, 1, 10);
    lock(w, 2, 100);
    w.run(1000);
    w.server(1).dropAfterWrite = true; // the delete is applied, then server 1 crashes before replying
    unlock(w, 1);
    w.run(1);
    expect(w.view(1).locks[0]).toMatchObject({ held: false, node: '/lock/lock-0000000000' });
    w.run(5000);
    expect(w.sent(1, 'Request').filter((x) => (x.msg as { req: { op: string } }).req.op === 'delete').map((x) => x.server)).toEqual([1, 2]);
    expect(w.last(1)).toMatchObject({ op: 'unlock', ok: true });
    expect(w.view(1).locks).toEqual([]);
    expect(w.opsOf(2)[0]).toMatchObject({ op: 'lock', ok: true, result: '/lock/lock-0000000001' });
  });

  it('a waiter whose session expires fails its lock SessionExpired', () => {
    const w = new World(2, 2);
    lock(w, 1, 0);
    w.op(2, { op: 'connect', server: 1, sessionTimeoutMs: 30000 }, 50);
    lock(w, 2, 100);
    w.run(1000);
    w.expire(w.view(2).session);
    w.crash(1); // its connection goes too; the reconnect hears the session is gone
    w.run(5000);
    expect(w.opsOf(2).find((o) => o.op === 'lock')).toMatchObject({ ok: false, error: 'SessionExpired' });
    expect(w.view(2)).toMatchObject({ state: 'expired', locks: [] });
  });
});
