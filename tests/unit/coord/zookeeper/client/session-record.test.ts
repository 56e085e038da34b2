/**
 * The session in an op's record (ZkOpRecord.session) when the op was invoked before its
 * handle had one — the rule fuzz seed 1021 found (fixed in ad80420, client.ts onConnected):
 * an op queued while the handle connects runs on the session the ConnectResponse brings
 * (its packets carry it), so its record says that session from the moment the handle
 * connects, not only when the op completes. A record still open at the end of a run (a
 * pause that outlasts it) may have taken effect under that session; with session 0 the
 * linearizability check dropped it, then could not explain the create it made.
 * An op that never ran under a session (its connection attempt failed first) keeps 0.
 */
import { describe, expect, it } from 'vitest';
import { World } from './harness';
import { sessionIdOf } from '../../../../../src/core/coord/zookeeper/types';

const create = (path: string) => ({ op: 'create' as const, path, data: '', ephemeral: false, sequential: false });

/** Run one ms at a time until client c's handle is connected (the instant of its SyncConnected). */
function runUntilConnected(w: World, c: number, maxMs = 10_000): void {
  const end = w.now + maxMs;
  while (w.view(c).state !== 'connected') {
    if (w.now >= end) throw new Error(`client ${c} never connected`);
    w.run(1);
  }
}

describe('ZooKeeper client: the session an op queued before its handle had one records (fuzz seed 1021)', () => {
  it('a create queued while the handle connects carries the session the server assigned in its open record, from the ConnectResponse on', () => {
    const w = new World(3, 1);
    // Client 1's first op connects it (to server 1); the create waits in the queue for the session.
    w.op(1, create('/a'));
    w.runUntil(9); // the ConnectResponse arrives at 10
    expect(w.view(1).state).toBe('connecting');
    expect(w.last(1)).toMatchObject({ op: 'create', complete: null, session: 0 });
    w.runUntil(10);
    const session = sessionIdOf(1, 1);
    expect(w.view(1)).toMatchObject({ state: 'connected', session });
    // Connected, the create just written, no reply yet: the open record says the session it runs under.
    expect(w.last(1)).toMatchObject({ op: 'create', complete: null, session });
    w.runUntil(20);
    expect(w.last(1)).toMatchObject({ op: 'create', ok: true, result: '/a', complete: 20, session });
  });

  it('seed 1021 itself: a pause that outlasts the run leaves the create open — applied on the servers, and its record says under which session', () => {
    const w = new World(3, 1);
    w.op(1, create('/a'));
    w.op(1, { op: 'pause', ms: 60_000 }, 12); // connected at 10, the create on the wire, its reply (20) waits in the socket
    w.runUntil(30_000); // the run ends mid-pause
    const session = sessionIdOf(1, 1);
    const rec = w.opsOf(1).find((o) => o.op === 'create')!;
    expect(rec).toMatchObject({ complete: null, session });
    // It did take effect, under that session.
    expect(w.server(1).state.tree.nodes.has('/a')).toBe(true);
    expect(w.server(1).state.tree.lastZxid).toBe(2); // createSession, then the create
  });

  it('an op queued, then its connection attempt fails: it fails ConnectionLoss with session 0 and stays so; a lock that survives the failure gets the next session', () => {
    const w = new World(3, 1);
    w.server(1).refuse = 'notServing';
    w.op(1, create('/a'));
    w.op(1, { op: 'lock', path: '/l' });
    w.runUntil(10); // server 1 refuses at 10: cleanup fails every queued packet
    const [failed, lock] = w.opsOf(1);
    // Never written to a server: it ran under no session.
    expect(failed).toMatchObject({ op: 'create', ok: false, error: 'ConnectionLoss', complete: 10, session: 0 });
    // The lock recipe repeats its step after the next SyncConnected: the op stays open.
    expect(lock).toMatchObject({ op: 'lock', complete: null, session: 0 });
    runUntilConnected(w, 1); // on server 2, after startConnect's random sleep
    const session = sessionIdOf(2, 1);
    expect(w.view(1)).toMatchObject({ server: 2, session });
    // The failed create's record is final: the session the handle got later is not its own.
    expect(w.opsOf(1)[0]).toEqual(failed);
    // The lock, still open (its first step not yet answered), now runs on the new session.
    expect(w.opsOf(1)[1]).toMatchObject({ op: 'lock', complete: null, session });
    w.run(1000);
    expect(w.opsOf(1)[1]).toMatchObject({ op: 'lock', ok: true, result: '/l/lock-0000000000', session });
  });

  it('after an expiry, an op queued behind a new handle’s connect records the new session, not the old one nor 0', () => {
    const w = new World(3, 1);
    w.op(1, { op: 'connect', server: 1, sessionTimeoutMs: 30_000 });
    w.run(100);
    const old = w.view(1).session;
    w.expire(old); // the server closes the socket; the reconnect hears "expired"
    w.run(3000);
    expect(w.view(1).state).toBe('expired');
    const start = w.now;
    w.op(1, { op: 'connect', server: 1, sessionTimeoutMs: 30_000 });
    w.op(1, create('/b'));
    runUntilConnected(w, 1);
    const session = sessionIdOf(1, 2);
    expect(session).not.toBe(old);
    expect(w.view(1).session).toBe(session);
    const rec = w.opsOf(1).find((o) => o.op === 'create' && o.invoke >= start)!;
    expect(rec).toMatchObject({ complete: null, session });
    w.run(100);
    expect(w.opsOf(1).find((o) => o.op === 'create')).toMatchObject({ ok: true, result: '/b', session });
  });

  it('a connect on an expired handle is invoked with no session (a new handle has none), never the expired one', () => {
    const w = new World(3, 1);
    w.op(1, { op: 'connect', server: 1, sessionTimeoutMs: 30_000 });
    w.run(100);
    const old = w.view(1).session;
    w.expire(old);
    w.run(3000);
    expect(w.view(1).state).toBe('expired');
    const start = w.now;
    w.op(1, { op: 'connect', server: 1, sessionTimeoutMs: 30_000 });
    w.run(1);
    // Before any answer: the open record names no session.
    expect(w.opsOf(1).find((o) => o.op === 'connect' && o.invoke >= start)).toMatchObject({ complete: null, session: 0 });
    runUntilConnected(w, 1);
    w.run(10);
    const session = sessionIdOf(1, 2);
    expect(w.opsOf(1).find((o) => o.op === 'connect' && o.invoke >= start)).toMatchObject({ ok: true, session });
  });
});
