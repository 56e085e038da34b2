/** One server's service state: committed txns fire this server's watches, reads check the session and register watches, snapshots round-trip. */
import { describe, expect, it } from 'vitest';
import { applyCommitted, applySetWatches, cloneServer, disconnect, lastApplied, newServerState, read, restore, snapshot } from '../../../../../src/core/coord/zookeeper/server';
import { listWatches } from '../../../../../src/core/coord/zookeeper/watches';
import type { ZkTxn } from '../../../../../src/core/coord/zookeeper/types';
import { S1, S2 } from './helpers';

const open = (session: number): ZkTxn => ({ type: 'createSession', session, timeoutMs: 4000, cxid: 0, timeMs: 0 });
const mk = (path: string, ephemeral = false): ZkTxn => ({ type: 'create', session: S1, cxid: 1, timeMs: 5, path, data: 'd', ephemeral, sequential: false });

describe('server state', () => {
  it('applyCommitted returns the outcome, this server\'s deliveries and the changes; lastApplied follows', () => {
    const s = newServerState();
    applyCommitted(s, open(S1), 1);
    applyCommitted(s, open(S2), 2);
    expect(read(s, S2, { op: 'exists', path: '/a', watch: true })).toEqual({ ok: true, result: null });
    const r = applyCommitted(s, mk('/a'), 3);
    expect(r.outcome).toEqual({ ok: true, result: '/a' });
    expect(r.deliveries).toEqual([{ session: S2, event: { type: 'NodeCreated', path: '/a' }, zxid: 3 }]);
    expect(r.changes).toEqual([{ kind: 'created', path: '/a', parent: '/' }]);
    expect(lastApplied(s)).toBe(3);
  });
  it('a failed txn still advances lastApplied (an error txn has a zxid)', () => {
    const s = newServerState();
    applyCommitted(s, open(S1), 1);
    expect(applyCommitted(s, mk('/x/y'), 2).outcome).toEqual({ ok: false, error: 'NoNode' });
    expect(lastApplied(s)).toBe(2);
  });
  it('two servers applying the same txns hold the same tree but only their own watches', () => {
    const a = newServerState();
    const b = newServerState();
    for (const s of [a, b]) {
      applyCommitted(s, open(S1), 1);
      applyCommitted(s, open(S2), 2);
    }
    read(a, S2, { op: 'exists', path: '/a', watch: true });
    const ra = applyCommitted(a, mk('/a'), 3);
    const rb = applyCommitted(b, mk('/a'), 3);
    expect(ra.outcome).toEqual(rb.outcome);
    expect(a.tree).toEqual(b.tree);
    expect(ra.deliveries).toHaveLength(1);
    expect(rb.deliveries).toEqual([]);
  });
  it('a session\'s end fires its own watches on its ephemerals too (the server queues them before it closes the connection); the rest of its watches go', () => {
    const s = newServerState();
    applyCommitted(s, open(S1), 1);
    applyCommitted(s, open(S2), 2);
    applyCommitted(s, mk('/a'), 3);
    applyCommitted(s, mk('/e', true), 4);
    read(s, S1, { op: 'exists', path: '/e', watch: true });
    read(s, S1, { op: 'getData', path: '/a', watch: true });
    read(s, S2, { op: 'getChildren', path: '/', watch: true });
    const r = applyCommitted(s, { type: 'closeSession', session: S1, reason: 'expire', cxid: 0, timeMs: 0 }, 5);
    expect(r.deliveries).toEqual([
      { session: S1, event: { type: 'NodeDeleted', path: '/e' }, zxid: 5 },
      { session: S2, event: { type: 'NodeChildrenChanged', path: '/' }, zxid: 5 },
    ]);
    expect(listWatches(s.watches)).toEqual([]);
  });
  it('a read on a session that is not open here is SessionExpired and sets no watch', () => {
    const s = newServerState();
    expect(read(s, S1, { op: 'exists', path: '/a', watch: true })).toEqual({ ok: false, error: 'SessionExpired' });
    applyCommitted(s, open(S1), 1);
    applyCommitted(s, { type: 'closeSession', session: S1, reason: 'expire', cxid: 0, timeMs: 0 }, 2);
    expect(read(s, S1, { op: 'getData', path: '/', watch: true })).toEqual({ ok: false, error: 'SessionExpired' });
    expect(listWatches(s.watches)).toEqual([]);
  });
  it('a malformed path is BadArguments even without a session (the client checks it before sending)', () => {
    const s = newServerState();
    expect(read(s, S1, { op: 'getData', path: 'nope', watch: true })).toEqual({ ok: false, error: 'BadArguments' });
  });
  it('exists with a bad path registers nothing', () => {
    const s = newServerState();
    applyCommitted(s, open(S1), 1);
    read(s, S1, { op: 'exists', path: '/a/', watch: true });
    expect(listWatches(s.watches)).toEqual([]);
  });
  it('disconnect drops the session\'s watches on this server', () => {
    const s = newServerState();
    applyCommitted(s, open(S1), 1);
    read(s, S1, { op: 'exists', path: '/a', watch: true });
    read(s, S1, { op: 'getChildren', path: '/', watch: true });
    disconnect(s, S1);
    expect(listWatches(s.watches)).toEqual([]);
    expect(applyCommitted(s, mk('/a'), 2).deliveries).toEqual([]);
  });
  it('applySetWatches registers on this server', () => {
    const s = newServerState();
    applyCommitted(s, open(S1), 1);
    expect(applySetWatches(s, S1, { relativeZxid: 1, data: [], exist: ['/a'], child: [] })).toEqual([]);
    expect(applyCommitted(s, mk('/a'), 2).deliveries).toHaveLength(1);
  });
  it('snapshot is plain data that survives JSON and restores an equal, independent state', () => {
    const s = newServerState();
    applyCommitted(s, open(S1), 1);
    applyCommitted(s, mk('/e', true), 2);
    read(s, S1, { op: 'getData', path: '/e', watch: true });
    const snap = JSON.parse(JSON.stringify(snapshot(s)));
    const r = restore(snap);
    expect(r).toEqual(s);
    applyCommitted(s, { type: 'setData', session: S1, cxid: 2, timeMs: 9, path: '/e', data: 'x', version: -1 }, 3);
    expect(r.tree.nodes.get('/e')!.data).toBe('d');
    expect(listWatches(r.watches)).toHaveLength(1);
    const c = cloneServer(r);
    expect(c).toEqual(r);
    applyCommitted(r, { type: 'closeSession', session: S1, reason: 'close', cxid: 3, timeMs: 9 }, 3);
    expect(c.tree.nodes.has('/e')).toBe(true);
    expect(listWatches(c.watches)).toHaveLength(1);
  });
});
