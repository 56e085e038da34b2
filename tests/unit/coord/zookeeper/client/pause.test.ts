import { describe, expect, it } from 'vitest';
import { World } from './harness';

describe('ZooKeeper client: pause (a GC pause)', () => {
  it('sends nothing while paused; packets wait in the socket and are read on waking when the read timeout has not run out', () => {
    const w = new World(1, 2);
    w.op(1, { op: 'connect', server: 1, sessionTimeoutMs: 4000 }); // readTimeout 2666, pings every 1333
    w.op(1, { op: 'create', path: '/w', data: '', ephemeral: false, sequential: false }, 20);
    w.op(1, { op: 'getData', path: '/w', watch: true }, 40);
    w.run(1000);
    w.op(1, { op: 'pause', ms: 1500 });
    w.op(2, { op: 'setData', path: '/w', data: 'x', version: -1 }, 1100);
    w.run(1400);
    expect(w.view(1).pausedUntil).toBe(2500);
    expect(w.eventsOf(1).filter((e) => e.path !== '')).toEqual([]);
    w.run(100);
    // No ping left the client during [1000, 2500).
    const pings = w.sent(1, 'ClientPing').map((x) => x.t - 5);
    expect(pings.filter((t) => t >= 1000 && t < 2500)).toEqual([]);
    // Woken at 2500: last heard ~1345 (a pong) < 2666 ago, so it reads the waiting event.
    expect(w.eventsOf(1).filter((e) => e.path !== '')).toEqual([{ client: 1, time: 2500, type: 'NodeDataChanged', path: '/w' }]);
    // Not timed out, one packet waiting.
    expect(w.notesOf(1, 'ZkResumed')[0].args.slice(1, 3)).toEqual([0, 1]);
    expect(w.view(1).state).toBe('connected');
    expect(w.opsOf(1).find((o) => o.op === 'pause')).toMatchObject({ invoke: 1000, complete: 2500, ok: true });
  });

  it('on waking it checks its read timeout first: past it, the connection goes with the unread packets, and SetWatches brings the missed event back', () => {
    const w = new World(2, 2);
    w.op(1, { op: 'connect', server: 1, sessionTimeoutMs: 4000 });
    w.op(1, { op: 'exists', path: '/w', watch: true }, 20);
    w.op(2, { op: 'connect', server: 2, sessionTimeoutMs: 4000 });
    w.run(1000);
    w.op(1, { op: 'pause', ms: 3000 });
    w.op(2, { op: 'create', path: '/w', data: '', ephemeral: false, sequential: false }, 1500);
    w.run(3000);
    // At 4000: idle > 2666 ⇒ time-out first; the NodeCreated in the socket is never read.
    expect(w.notesOf(1, 'ZkResumed')[0].args.slice(1, 3)).toEqual([1, 1]);
    expect(w.eventsOf(1).map((e) => [e.type, e.time])).toEqual([
      ['SyncConnected', 10],
      ['Disconnected', 4000],
    ]);
    w.run(3000);
    // Reconnected with the same session (not expired: the test's leader did not expire it); SetWatches fires the missed creation.
    expect(w.eventsOf(1).map((e) => e.type)).toEqual(['SyncConnected', 'Disconnected', 'SyncConnected', 'NodeCreated']);
  });

  it('a holder paused past its session timeout still believes it holds the lock while the next waiter takes it; the zxid fences it', () => {
    const w = new World(3, 2);
    w.op(1, { op: 'lock', path: '/lock' });
    w.op(2, { op: 'lock', path: '/lock' }, 100);
    w.run(1000);
    expect(w.view(1).locks[0].held).toBe(true);
    w.op(1, { op: 'pause', ms: 40000 });
    w.run(30000);
    // The leader's tracker expires client 1's session (nothing heard for its 30 s timeout).
    w.expire(w.view(1).session);
    w.run(4000);
    expect(w.opsOf(2)[0]).toMatchObject({ op: 'lock', ok: true, result: '/lock/lock-0000000001' });
    expect(w.view(2).locks[0].held).toBe(true);
    // Paused: it still believes it is connected and holds the lock.
    expect(w.view(1)).toMatchObject({ state: 'connected', pausedUntil: 41000 });
    expect(w.view(1).locks[0]).toMatchObject({ held: true, node: '/lock/lock-0000000000' });
    // Fencing: the new holder's token is larger; a store that saw it refuses client 1's older one.
    expect(w.view(2).locks[0].zxid).toBeGreaterThan(w.view(1).locks[0].zxid);
    w.run(10000);
    // On waking: read timeout ⇒ Disconnected; reconnect ⇒ the server says the session is gone ⇒ Expired; no lock.
    expect(w.eventsOf(1).map((e) => e.type)).toEqual(['SyncConnected', 'Disconnected', 'Expired']);
    expect(w.view(1)).toMatchObject({ state: 'expired', locks: [] });
    w.op(1, { op: 'unlock', path: '/lock' });
    w.run(10);
    expect(w.last(1)).toMatchObject({ op: 'unlock', ok: false, error: 'SessionExpired' });
  });

  it('ops invoked during a pause are recorded then and sent only after it', () => {
    const w = new World(1, 1);
    w.op(1, { op: 'connect', server: 1, sessionTimeoutMs: 30000 });
    w.run(100);
    w.op(1, { op: 'pause', ms: 1000 });
    w.op(1, { op: 'create', path: '/p', data: '', ephemeral: false, sequential: false }, 500);
    w.run(2000);
    const create = w.opsOf(1).find((o) => o.op === 'create')!;
    expect(create).toMatchObject({ invoke: 500, ok: true, complete: 1110 });
    expect(w.sent(1, 'Request')[0].t).toBe(1105);
  });
});
