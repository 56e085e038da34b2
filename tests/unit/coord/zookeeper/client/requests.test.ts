import { describe, expect, it } from 'vitest';
import { World, LATENCY_MS } from './harness';
import { sessionIdOf } from '../../../../../src/core/coord/zookeeper/types';

describe('ZooKeeper client: connect and requests', () => {
  it('the first op of an unconnected client connects it to 1 + (c − 1) mod servers, then runs', () => {
    const w = new World(3, 5);
    w.op(5, { op: 'create', path: '/a', data: 'x', ephemeral: false, sequential: false });
    w.run(100);
    // Client 5 of 3 servers: server 1 + 4 mod 3 = 2.
    const connects = w.sent(5, 'ConnectRequest');
    expect(connects.map((x) => x.server)).toEqual([2]);
    expect(connects[0].msg).toMatchObject({ session: 0, timeoutMs: 30000, lastZxidSeen: 0 });
    expect(w.view(5)).toMatchObject({ state: 'connected', server: 2, session: sessionIdOf(2, 1), negotiatedTimeoutMs: 30000 });
    // No `connect` record: the implicit connect is not an op; SyncConnected is an event.
    expect(w.opsOf(5).map((o) => o.op)).toEqual(['create']);
    expect(w.last(5)).toMatchObject({ ok: true, result: '/a', invoke: 0, complete: 4 * LATENCY_MS, error: null, session: sessionIdOf(2, 1) });
    expect(w.eventsOf(5)).toEqual([{ client: 5, time: 2 * LATENCY_MS, type: 'SyncConnected', path: '' }]);
  });

  it('connect goes to its server, negotiates the timeout into [2, 20] × tickTime and reports it', () => {
    const w = new World(3, 1);
    w.op(1, { op: 'connect', server: 3, sessionTimeoutMs: 100000 });
    w.run(50);
    expect(w.sent(1, 'ConnectRequest')[0].server).toBe(3);
    expect(w.last(1)).toMatchObject({ op: 'connect', ok: true, result: { session: sessionIdOf(3, 1), negotiatedTimeoutMs: 40000 } });
    const v = w.view(1);
    // readTimeout = 2/3 of the negotiated timeout.
    expect(v.timeoutMs).toBe(26666);
    expect(v.deadlineMs).toBe(v.lastHeardMs + 26666);
  });
});

describe('ZooKeeper client: every op, xids, watches', () => {
  it('sends each op as its request and records the server\'s result', () => {
    const w = new World(1, 1);
    const ops = [
      { op: 'create', path: '/a', data: 'v1', ephemeral: false, sequential: false },
      { op: 'create', path: '/a/s-', data: '', ephemeral: true, sequential: true },
      { op: 'getData', path: '/a', watch: false },
      { op: 'setData', path: '/a', data: 'v2', version: 0 },
      { op: 'setData', path: '/a', data: 'v3', version: 0 },
      { op: 'exists', path: '/nope', watch: false },
      { op: 'getChildren', path: '/a', watch: false },
      { op: 'delete', path: '/a', version: -1 },
      { op: 'sync', path: '/a' },
      { op: 'getData', path: '/missing', watch: false },
    ] as const;
    ops.forEach((o, i) => w.op(1, o, 10 * i));
    w.run(1000);
    const recs = w.opsOf(1);
    expect(recs.map((r) => [r.op, r.ok, r.error])).toEqual([
      ['create', true, null],
      ['create', true, null],
      ['getData', true, null],
      ['setData', true, null],
      ['setData', false, 'BadVersion'],
      ['exists', true, null],
      ['getChildren', true, null],
      ['delete', false, 'NotEmpty'],
      ['sync', true, null],
      ['getData', false, 'NoNode'],
    ]);
    expect(recs[1].result).toBe('/a/s-0000000000');
    expect(recs[2].result).toMatchObject({ data: 'v1', stat: { version: 0 } });
    expect(recs[3].result).toMatchObject({ version: 1 });
    expect(recs[5].result).toBeNull();
    expect(recs[6].result).toEqual(['s-0000000000']);
    // Arguments as the CLI prints them, defaults included.
    expect(recs[7].args).toEqual({ path: '/a', version: -1 });
    // Each request carried the next xid, from 1, and the session.
    const reqs = w.sent(1, 'Request').map((x) => x.msg as { xid: number; req: { op: string }; session: number });
    expect(reqs.map((r) => r.xid)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(reqs.map((r) => r.req.op)).toEqual(ops.map((o) => o.op));
    // lastZxidSeen follows replies: createSession 1, creates 2 and 3, setData 4, the failed setData and delete are txns too here.
    expect(w.view(1).lastZxidSeen).toBeGreaterThanOrEqual(4);
    // A write's record carries its zxid.
    expect(recs[0].zxid).toBe(2);
  });

  it('a reply whose xid is not the oldest pending one fails that op with ConnectionLoss and drops the connection', () => {
    const w = new World(2, 1);
    w.op(1, { op: 'connect', server: 1, sessionTimeoutMs: 30000 });
    w.run(20);
    w.server(1).silent = true; // the real replies never come
    w.op(1, { op: 'getData', path: '/', watch: false });
    w.run(1);
    w.server(1).silent = false;
    w.inject(1, 1, { type: 'Reply', xid: 99, zxid: 1, outcome: { ok: true, result: null } });
    w.run(3 * 5);
    expect(w.last(1)).toMatchObject({ op: 'getData', ok: false, error: 'ConnectionLoss' });
    expect(w.notesOf(1, 'ZkConnectionLost')[0].args[1]).toBe(5 /* ZkLoss.XidOutOfOrder */);
    expect(w.eventsOf(1).map((e) => e.type)).toEqual(['SyncConnected', 'Disconnected']);
    w.run(3000);
    // It reconnects (to the next server) with the same session.
    expect(w.view(1)).toMatchObject({ state: 'connected', server: 2 });
    expect(w.sent(1, 'ConnectRequest').map((x) => (x.msg as { session: number }).session)).toEqual([0, sessionIdOf(1, 1)]);
  });

  it('registers watches only as ZKWatchManager does: exists on a missing node is an exist watch; getData on a missing node registers nothing', () => {
    const w = new World(1, 1);
    w.op(1, { op: 'create', path: '/d', data: '', ephemeral: false, sequential: false });
    w.op(1, { op: 'exists', path: '/e', watch: true }, 10);
    w.op(1, { op: 'getData', path: '/g', watch: true }, 10);
    w.op(1, { op: 'getData', path: '/d', watch: true }, 10);
    w.op(1, { op: 'exists', path: '/d', watch: true }, 10);
    w.op(1, { op: 'getChildren', path: '/d', watch: true }, 10);
    w.op(1, { op: 'getChildren', path: '/nochildren', watch: true }, 10);
    w.run(100);
    expect(w.view(1).watches).toEqual({ data: ['/d'], exist: ['/e'], child: ['/d'] });
    // One change fires the watches it names, once: a delete fires data and child watches on /d.
    w.op(1, { op: 'create', path: '/e', data: '', ephemeral: false, sequential: false });
    w.op(1, { op: 'delete', path: '/d', version: -1 });
    w.run(100);
    expect(w.eventsOf(1).filter((e) => e.type !== 'SyncConnected').map((e) => [e.type, e.path])).toEqual([
      ['NodeCreated', '/e'],
      ['NodeDeleted', '/d'],
    ]);
    expect(w.view(1).watches).toEqual({ data: [], exist: [], child: [] });
    // One-shot: another change to /e fires nothing.
    w.op(1, { op: 'setData', path: '/e', data: 'x', version: -1 });
    w.run(100);
    expect(w.eventsOf(1).filter((e) => e.type === 'NodeDataChanged')).toEqual([]);
    expect(w.notesOf(1, 'ZkEventUnmatched')).toEqual([]);
  });

  it('a malformed path fails BadArguments without being sent', () => {
    const w = new World(1, 1);
    w.op(1, { op: 'create', path: 'a/b', data: '', ephemeral: false, sequential: false });
    w.op(1, { op: 'getData', path: '/a/', watch: false });
    w.op(1, { op: 'create', path: '/x', data: '', ephemeral: false, sequential: false });
    w.op(1, { op: 'create', path: '/x/', data: '', ephemeral: false, sequential: true });
    w.run(100);
    expect(w.opsOf(1).map((o) => o.error)).toEqual(['BadArguments', 'BadArguments', null, null]);
    // "/x/" is a valid sequential prefix (PathUtils.validatePath(path, true)).
    expect(w.opsOf(1)[3].result).toBe('/x/0000000000');
    expect(w.sent(1, 'Request').length).toBe(2);
  });
});
