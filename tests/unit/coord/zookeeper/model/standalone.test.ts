/** The one-server executor: zxids, session ids, timeout negotiation, writes and reads per client. */
import { describe, expect, it } from 'vitest';
import { Standalone } from '../../../../../src/core/coord/zookeeper/standalone';

describe('Standalone', () => {
  it('connect negotiates the timeout into [2, 20] × tickTime and numbers sessions from the server id', () => {
    const s = new Standalone(2000);
    expect(s.connect(1, 1000).outcome).toEqual({ ok: true, result: { session: 0x100000001, negotiatedTimeoutMs: 4000 } });
    expect(s.connect(2, 90000).outcome).toEqual({ ok: true, result: { session: 0x100000002, negotiatedTimeoutMs: 40000 } });
    expect(s.connect(3, 10000).outcome).toEqual({ ok: true, result: { session: 0x100000003, negotiatedTimeoutMs: 10000 } });
    expect(s.clientOf(0x100000002)).toBe(2);
  });
  it('every txn takes the next zxid, failed ones too, as a standalone server (epoch 0)', () => {
    const s = new Standalone(2000);
    expect(s.connect(1, 30000).zxid).toBe(1);
    expect(s.run(1, { op: 'create', path: '/a', data: '', ephemeral: false, sequential: false }).zxid).toBe(2);
    expect(s.run(1, { op: 'create', path: '/a', data: '', ephemeral: false, sequential: false })).toMatchObject({ zxid: 3, outcome: { ok: false, error: 'NodeExists' } });
    expect(s.run(1, { op: 'getData', path: '/a', watch: false })).toMatchObject({ zxid: 0, outcome: { ok: true } });
    expect(s.run(1, { op: 'setData', path: '/a', data: 'x', version: -1 }).outcome).toMatchObject({ ok: true, result: { czxid: 2, mzxid: 4 } });
  });
  it('ctime and mtime come from its clock', () => {
    const s = new Standalone(2000);
    s.connect(1, 30000);
    s.timeMs = 777;
    s.run(1, { op: 'create', path: '/a', data: '', ephemeral: false, sequential: false });
    expect(s.run(1, { op: 'exists', path: '/a', watch: false }).outcome).toMatchObject({ ok: true, result: { ctime: 777, mtime: 777 } });
  });
  it('after close or expiry every op of that client but close is SessionExpired until it connects again', () => {
    const s = new Standalone(2000);
    s.connect(1, 30000);
    s.connect(2, 30000);
    s.run(1, { op: 'create', path: '/e', data: '', ephemeral: true, sequential: false });
    expect(s.expire(1).outcome).toEqual({ ok: true, result: null });
    expect(s.run(2, { op: 'exists', path: '/e', watch: false }).outcome).toEqual({ ok: true, result: null });
    for (const op of [{ op: 'getData', path: '/', watch: false }, { op: 'create', path: '/x', data: '', ephemeral: false, sequential: false }, { op: 'sync', path: '/' }] as const) {
      expect(s.run(1, op).outcome).toEqual({ ok: false, error: 'SessionExpired' });
    }
    // close() on a handle whose session is over returns normally (the Java client sends
    // nothing; the conformance suite checks this against ZooKeeper 3.8).
    expect(s.run(1, { op: 'close' }).outcome).toEqual({ ok: true, result: null });
    s.close(2);
    expect(s.run(2, { op: 'getChildren', path: '/', watch: false }).outcome).toEqual({ ok: false, error: 'SessionExpired' });
    s.connect(1, 30000);
    expect(s.run(1, { op: 'getChildren', path: '/', watch: false }).outcome).toEqual({ ok: true, result: ['zookeeper'] });
  });
  it('sync answers with its path', () => {
    const s = new Standalone(2000);
    s.connect(1, 30000);
    expect(s.run(1, { op: 'sync', path: '/x' }).outcome).toEqual({ ok: true, result: '/x' });
  });
  it('a client that never connected gets SessionExpired', () => {
    const s = new Standalone(2000);
    expect(s.session(4)).toBe(0);
    expect(s.run(4, { op: 'create', path: '/a', data: '', ephemeral: false, sequential: false }).outcome).toEqual({ ok: false, error: 'SessionExpired' });
  });
  it('the lock recipe\'s shape: three waiters, each watching its predecessor, the holder dies, only the next is told', () => {
    const s = new Standalone(2000);
    for (const c of [1, 2, 3]) s.connect(c, 30000);
    s.run(1, { op: 'create', path: '/lock', data: '', ephemeral: false, sequential: false });
    const names = [1, 2, 3].map((c) => s.run(c, { op: 'create', path: '/lock/lock-', data: '', ephemeral: true, sequential: true }).outcome);
    expect(names.map((o) => (o.ok ? o.result : null))).toEqual(['/lock/lock-0000000000', '/lock/lock-0000000001', '/lock/lock-0000000002']);
    s.run(2, { op: 'exists', path: '/lock/lock-0000000000', watch: true });
    s.run(3, { op: 'exists', path: '/lock/lock-0000000001', watch: true });
    const r = s.expire(1);
    expect(r.events).toEqual([{ client: 2, session: s.session(2), event: { type: 'NodeDeleted', path: '/lock/lock-0000000000' }, zxid: r.zxid }]);
    expect(s.run(2, { op: 'getChildren', path: '/lock', watch: false }).outcome).toEqual({ ok: true, result: ['lock-0000000001', 'lock-0000000002'] });
  });
});
