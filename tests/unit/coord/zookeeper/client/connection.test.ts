import { describe, expect, it } from 'vitest';
import { World } from './harness';
import { sessionIdOf } from '../../../../../src/core/coord/zookeeper/types';
import { timeToNextPing } from '../../../../../src/core/coord/zookeeper/client';

const connect = (w: World, c: number, server: number, sessionTimeoutMs = 30000) => w.op(c, { op: 'connect', server, sessionTimeoutMs });
const pingTimes = (w: World, c: number) => w.sent(c, 'ClientPing').map((x) => x.t - 5);

describe('ZooKeeper client: pings and time-outs', () => {
  it('pings when idle as the SendThread does: readTimeout/2 after the last send (20000 ms read timeout → every 10000 ms)', () => {
    const w = new World(3, 1);
    connect(w, 1, 1);
    w.run(35000);
    // ConnectRequest at 0; idle ⇒ pings at 10000, 20000, 30000; each pong keeps the read timeout far away.
    expect(pingTimes(w, 1)).toEqual([10000, 20000, 30000]);
    expect(w.view(1).state).toBe('connected');
    // A request is a send: the next ping waits readTimeout/2 from it.
    w.op(1, { op: 'exists', path: '/', watch: false }, 36000);
    w.run(20000);
    expect(pingTimes(w, 1).slice(3)).toEqual([46000]);
  });

  it('with a small negotiated timeout the −1000 ms slack sends a ping each time the loop wakes past readTimeout/2', () => {
    const w = new World(1, 1);
    connect(w, 1, 1, 4000); // negotiated 4000, readTimeout 2666, half 1333
    w.run(5000);
    expect(pingTimes(w, 1)).toEqual([1333, 2666, 3999]);
    expect(timeToNextPing(2666, 0)).toBe(1333);
    expect(timeToNextPing(2666, 1333)).toBe(-1000);
    expect(timeToNextPing(20000, 9500)).toBe(-500);
  });

  it('no answer within readTimeout ⇒ pending ops fail ConnectionLoss, Disconnected, then the next server with the session and lastZxidSeen', () => {
    const w = new World(3, 1);
    connect(w, 1, 1);
    w.op(1, { op: 'create', path: '/a', data: '', ephemeral: false, sequential: false }, 50);
    w.run(100);
    const zxid = w.view(1).lastZxidSeen;
    expect(zxid).toBe(2);
    w.server(1).silent = true; // a partition between the client and server 1
    w.op(1, { op: 'getData', path: '/a', watch: false }, 200);
    w.runUntil(20059);
    expect(w.last(1).complete).toBeNull();
    w.runUntil(20060);
    // Last heard at 60 (the create's reply); readTimeout 20000.
    expect(w.last(1)).toMatchObject({ op: 'getData', ok: false, error: 'ConnectionLoss', complete: 20060 });
    expect(w.eventsOf(1).map((e) => [e.type, e.time])).toEqual([
      ['SyncConnected', 10],
      ['Disconnected', 20060],
    ]);
    w.run(2000);
    const reconnect = w.sent(1, 'ConnectRequest')[1];
    expect(reconnect.server).toBe(2);
    expect(reconnect.msg).toMatchObject({ session: sessionIdOf(1, 1), lastZxidSeen: zxid });
    // The reconnect waited startConnect's random sleep, in [0, 1000).
    const sleep = w.notesOf(1, 'ZkReconnectSleep')[0];
    expect(sleep.args[0]).toBe(2);
    expect(sleep.args[1]).toBeLessThan(1000);
    expect(reconnect.t - 5).toBe(20060 + sleep.args[1]);
    expect(w.view(1)).toMatchObject({ state: 'connected', server: 2, session: sessionIdOf(1, 1) });
    expect(w.eventsOf(1).map((e) => e.type)).toEqual(['SyncConnected', 'Disconnected', 'SyncConnected']);
  });

  it('connect timeout = timeout / servers per attempt; a full round of the host list sleeps 1000 ms more (StaticHostProvider)', () => {
    const w = new World(3, 1);
    connect(w, 1, 1);
    w.run(100);
    for (const s of w.servers) s.silent = true;
    w.run(20000 + 3 * 12000);
    const attempts = w.sent(1, 'ConnectRequest');
    // The silent servers do not log what they drop; the client's notes do.
    const tries = w.notesOf(1, 'ZkConnecting').map((n) => n.args[0]);
    expect(attempts.length).toBe(1);
    expect(tries.slice(0, 4)).toEqual([1, 2, 3, 1]);
    const sleeps = w.notesOf(1, 'ZkReconnectSleep');
    expect(sleeps.slice(0, 3).map((n) => n.args[2])).toEqual([0, 0, 1000]);
    const lost = w.notesOf(1, 'ZkConnectionLost');
    // Each attempt fails connectTimeout (30000 / 3) after it started.
    expect(lost[1].t - w.notesOf(1, 'ZkConnecting')[1].t).toBe(10000);
    expect(lost.slice(1).every((n) => n.args[1] === 2 /* ConnectTimeout */)).toBe(true);
    // Repeated failures make one Disconnected event (EventThread drops repeats of a state).
    expect(w.eventsOf(1).map((e) => e.type)).toEqual(['SyncConnected', 'Disconnected']);
    expect(w.view(1).state).toBe('disconnected');
  });

  it('ops invoked while disconnected wait in the outgoing queue and go out once connected; a failed attempt fails them with ConnectionLoss', () => {
    const w = new World(2, 1);
    connect(w, 1, 1);
    w.run(100);
    w.crash(1); // a TCP reset: Disconnected at once
    expect(w.view(1).state).toBe('disconnected');
    w.op(1, { op: 'exists', path: '/', watch: false });
    w.run(1);
    expect(w.view(1).queued).toBe(1);
    w.run(3000);
    expect(w.last(1)).toMatchObject({ op: 'exists', ok: true });
    expect(w.view(1).server).toBe(2);
    // Now server 2 goes silent too; an op queued during the next attempt (to server 1, down) fails when that attempt times out.
    w.server(2).silent = true;
    w.run(20100);
    expect(w.view(1).state).toBe('disconnected');
    w.op(1, { op: 'exists', path: '/', watch: false });
    w.run(15000);
    expect(w.last(1)).toMatchObject({ op: 'exists', ok: false, error: 'ConnectionLoss' });
  });

  it('a crashed server (TCP reset) disconnects at once: pending ops fail ConnectionLoss immediately', () => {
    const w = new World(3, 1);
    connect(w, 1, 2);
    w.run(100);
    w.server(2).silent = true;
    w.op(1, { op: 'getChildren', path: '/', watch: false });
    w.run(50);
    w.server(2).silent = false;
    w.crash(2);
    expect(w.last(1)).toMatchObject({ ok: false, error: 'ConnectionLoss', complete: 150 });
    expect(w.notesOf(1, 'ZkConnectionLost')[0].args[1]).toBe(3 /* Reset */);
    w.run(2000);
    expect(w.view(1)).toMatchObject({ state: 'connected', server: 3, session: sessionIdOf(2, 1) });
  });

  it('refused (not serving / behind) ⇒ the next server; a first connect completes on the server that took it', () => {
    const w = new World(3, 1);
    w.server(1).refuse = 'notServing';
    w.server(2).refuse = 'behind';
    connect(w, 1, 1);
    w.run(5000);
    expect(w.notesOf(1, 'ZkRefused').map((n) => [n.args[0], n.args[1]])).toEqual([
      [1, 2],
      [2, 1],
    ]);
    expect(w.last(1)).toMatchObject({ op: 'connect', ok: true, result: { session: sessionIdOf(3, 1), negotiatedTimeoutMs: 30000 } });
    // Never connected before: no Disconnected event for the refusals.
    expect(w.eventsOf(1).map((e) => e.type)).toEqual(['SyncConnected']);
  });
});

describe('ZooKeeper client: expiry and close', () => {
  it('a ConnectResponse with session 0 ⇒ Expired: pending and later ops fail SessionExpired until a connect opens a new session', () => {
    const w = new World(3, 1);
    connect(w, 1, 1);
    w.run(100);
    const session = w.view(1).session;
    w.server(1).silent = true;
    w.op(1, { op: 'getData', path: '/', watch: false }, 200);
    w.run(5000);
    w.expire(session); // the leader expires it meanwhile
    w.run(15000); // read timeout at 20010 ⇒ ConnectionLoss for the getData
    expect(w.last(1)).toMatchObject({ op: 'getData', error: 'ConnectionLoss' });
    w.op(1, { op: 'exists', path: '/', watch: false }); // queued while reconnecting
    w.run(3000);
    expect(w.view(1).state).toBe('expired');
    expect(w.last(1)).toMatchObject({ op: 'exists', ok: false, error: 'SessionExpired' });
    expect(w.eventsOf(1).map((e) => e.type)).toEqual(['SyncConnected', 'Disconnected', 'Expired']);
    w.op(1, { op: 'create', path: '/x', data: '', ephemeral: false, sequential: false });
    w.op(1, { op: 'lock', path: '/l' });
    w.run(1000);
    expect(w.opsOf(1).slice(-2).map((o) => [o.op, o.error, o.complete])).toEqual([
      ['create', 'SessionExpired', w.opsOf(1).slice(-2)[0].invoke],
      ['lock', 'SessionExpired', w.opsOf(1).slice(-1)[0].invoke],
    ]);
    // No reconnect attempts after expiry.
    const attempts = w.notesOf(1, 'ZkConnecting').length;
    w.run(60000);
    expect(w.notesOf(1, 'ZkConnecting').length).toBe(attempts);
    // A connect is a new handle: a new session, lastZxidSeen from 0.
    connect(w, 1, 3);
    w.run(100);
    expect(w.last(1)).toMatchObject({ op: 'connect', ok: true, result: { session: sessionIdOf(3, 1) } });
    expect(w.sent(1, 'ConnectRequest').slice(-1)[0].msg).toMatchObject({ session: 0, lastZxidSeen: 0 });
    w.op(1, { op: 'create', path: '/x', data: '', ephemeral: false, sequential: false });
    w.run(100);
    expect(w.last(1)).toMatchObject({ ok: true, result: '/x', session: sessionIdOf(3, 1) });
  });

  it('close sends closeSession; its ephemerals go; ops during the close fail ConnectionLoss, after it SessionExpired', () => {
    const w = new World(1, 2);
    w.op(1, { op: 'create', path: '/e', data: '', ephemeral: true, sequential: false });
    w.op(2, { op: 'exists', path: '/e', watch: true }, 50);
    w.run(100);
    w.op(1, { op: 'close' });
    w.op(1, { op: 'getData', path: '/e', watch: false });
    w.run(100);
    w.op(1, { op: 'getData', path: '/e', watch: false });
    w.run(100);
    const recs = w.opsOf(1);
    expect(recs.map((o) => [o.op, o.ok, o.error])).toEqual([
      ['create', true, null],
      ['close', true, null],
      ['getData', false, 'ConnectionLoss'],
      ['getData', false, 'SessionExpired'],
    ]);
    expect(w.sent(1, 'Request').map((x) => (x.msg as { req: { op: string } }).req.op)).toEqual(['create', 'close']);
    expect(w.view(1).state).toBe('closed');
    expect(w.eventsOf(2).map((e) => [e.type, e.path])).toEqual([
      ['SyncConnected', ''],
      ['NodeDeleted', '/e'],
    ]);
    // Closing a closed handle returns at once.
    w.op(1, { op: 'close' });
    w.run(10);
    expect(w.last(1)).toMatchObject({ op: 'close', ok: true, complete: w.last(1).invoke });
  });

  it('close with no connection to send it on fails ConnectionLoss and closes the handle (the session is left to expire)', () => {
    const w = new World(2, 1);
    connect(w, 1, 1);
    w.run(100);
    w.crash(1);
    w.op(1, { op: 'close' });
    w.run(5000);
    expect(w.last(1)).toMatchObject({ op: 'close', ok: false, error: 'ConnectionLoss' });
    expect(w.view(1).state).toBe('closed');
    expect(w.sent(1, 'Request')).toEqual([]);
  });
});

describe('ZooKeeper client: SetWatches on reconnect', () => {
  it('re-sends its watches with lastZxidSeen; a change it missed fires at once', () => {
    const w = new World(2, 2);
    w.op(1, { op: 'create', path: '/w', data: 'a', ephemeral: false, sequential: false });
    w.op(1, { op: 'getData', path: '/w', watch: true }, 20);
    w.op(1, { op: 'exists', path: '/later', watch: true }, 20);
    w.op(1, { op: 'getChildren', path: '/w', watch: true }, 20);
    w.run(100);
    const seen = w.view(1).lastZxidSeen;
    w.crash(1);
    w.op(2, { op: 'setData', path: '/w', data: 'b', version: -1 }); // client 2 on server 2
    w.run(3000);
    const re = w.sent(1, 'ConnectRequest')[1];
    expect(re.server).toBe(2);
    expect(re.msg).toMatchObject({ watches: { relativeZxid: seen, data: ['/w'], exist: ['/later'], child: ['/w'] } });
    expect(w.eventsOf(1).map((e) => [e.type, e.path])).toEqual([
      ['SyncConnected', ''],
      ['Disconnected', ''],
      ['SyncConnected', ''],
      ['NodeDataChanged', '/w'],
    ]);
    expect(w.view(1).watches).toEqual({ data: [], exist: ['/later'], child: ['/w'] });
    // The exist watch still works on the new server.
    w.op(2, { op: 'create', path: '/later', data: '', ephemeral: false, sequential: false });
    w.run(100);
    expect(w.eventsOf(1).slice(-1)[0]).toMatchObject({ type: 'NodeCreated', path: '/later' });
  });
});

describe('ZooKeeper client: a server closing the connection', () => {
  it('an unsolicited ConnectResponse is an end of stream: Disconnected, then the reconnect hears the session expired', () => {
    const w = new World(2, 1);
    w.op(1, { op: 'connect', server: 1, sessionTimeoutMs: 30000 });
    w.run(100);
    w.expire(w.view(1).session);
    // As a server that closes an expired session's socket would say it.
    w.inject(1, 1, { type: 'ConnectResponse', session: 0, timeoutMs: 0 });
    w.run(6);
    expect(w.notesOf(1, 'ZkConnectionLost')[0].args[1]).toBe(8 /* ClosedByServer */);
    w.run(3000);
    expect(w.eventsOf(1).map((e) => e.type)).toEqual(['SyncConnected', 'Disconnected', 'Expired']);
  });
});
