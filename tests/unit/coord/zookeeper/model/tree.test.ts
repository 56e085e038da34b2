/** The DataTree's rules, one per test: initial tree, errors and their precedence, every stat field, sequential names, sessions. */
import { describe, expect, it } from 'vitest';
import { childrenOf, cloneTree, ephemeralsOf, getNode, newTree, readTree, sessionState, statOf, utf8Length } from '../../../../../src/core/coord/zookeeper/tree';
import { errorOf, okResult, S1, S2, Tx } from './helpers';

function opened(): Tx {
  const t = new Tx();
  t.open(S1);
  return t;
}

describe('initial tree (ZooKeeper 3.8 DataTree constructor)', () => {
  it('has /, /zookeeper, /zookeeper/quota, /zookeeper/config with zero stats and empty data', () => {
    const tree = newTree();
    expect([...tree.nodes.keys()].sort()).toEqual(['/', '/zookeeper', '/zookeeper/config', '/zookeeper/quota']);
    expect(childrenOf(getNode(tree, '/')!)).toEqual(['zookeeper']);
    expect(childrenOf(getNode(tree, '/zookeeper')!)).toEqual(['config', 'quota']);
    for (const n of tree.nodes.values()) expect(n.data).toBe('');
    expect(tree.lastZxid).toBe(0);
  });
  it('shows cversion −1 on / and −2 on /zookeeper (children never counted as creations), aversion −1 on /zookeeper/config', () => {
    const tree = newTree();
    expect(statOf(getNode(tree, '/')!)).toMatchObject({ cversion: -1, numChildren: 1, czxid: 0, pzxid: 0, version: 0 });
    expect(statOf(getNode(tree, '/zookeeper')!)).toMatchObject({ cversion: -2, numChildren: 2 });
    expect(statOf(getNode(tree, '/zookeeper/config')!)).toMatchObject({ aversion: -1, cversion: 0 });
    expect(statOf(getNode(tree, '/zookeeper/quota')!)).toMatchObject({ aversion: 0, cversion: 0 });
  });
});

describe('create', () => {
  it('makes a persistent node with a full stat from the txn', () => {
    const t = opened();
    t.timeMs = 4242;
    expect(okResult(t.create(S1, '/a', { data: 'hé' }).outcome)).toBe('/a');
    expect(t.stat('/a')).toEqual({ czxid: 2, mzxid: 2, pzxid: 2, ctime: 4242, mtime: 4242, version: 0, cversion: 0, aversion: 0, ephemeralOwner: 0, dataLength: 3, numChildren: 0 });
    expect(getNode(t.tree, '/a')!.data).toBe('hé');
  });
  it('updates the parent: numChildren, cversion, pzxid — not its mzxid or version', () => {
    const t = opened();
    t.create(S1, '/p');
    t.create(S1, '/p/a');
    expect(t.stat('/p')).toMatchObject({ numChildren: 1, cversion: 1, pzxid: 3, mzxid: 2, version: 0 });
    expect(t.stat('/')).toMatchObject({ numChildren: 2, cversion: 0, pzxid: 2 });
  });
  it('reports the change', () => {
    const t = opened();
    expect(t.create(S1, '/a').changes).toEqual([{ kind: 'created', path: '/a', parent: '/' }]);
  });
  it('BadArguments for an invalid path, before anything else (the client checks it first)', () => {
    const t = new Tx(); // no session at all
    for (const p of ['a', '/a/', '/a//b', '/a/..']) expect(errorOf(t.create(S1, p).outcome)).toBe('BadArguments');
  });
  it('SessionExpired on a session that is not open (never created, closed or expired)', () => {
    const t = new Tx();
    expect(errorOf(t.create(S1, '/a').outcome)).toBe('SessionExpired');
    t.open(S1);
    t.close(S1);
    expect(errorOf(t.create(S1, '/a').outcome)).toBe('SessionExpired');
    t.open(S2);
    t.close(S2, 'expire');
    expect(errorOf(t.create(S2, '/a').outcome)).toBe('SessionExpired');
    expect(t.tree.nodes.has('/a')).toBe(false);
  });
  it('SessionExpired before NoNode', () => {
    const t = new Tx();
    expect(errorOf(t.create(S1, '/missing/a').outcome)).toBe('SessionExpired');
  });
  it('NoNode when the parent is missing', () => {
    const t = opened();
    expect(errorOf(t.create(S1, '/x/y').outcome)).toBe('NoNode');
  });
  it('NodeExists when the node is there (and "/" always exists)', () => {
    const t = opened();
    t.create(S1, '/a');
    expect(errorOf(t.create(S1, '/a', { data: 'other' }).outcome)).toBe('NodeExists');
    expect(errorOf(t.create(S1, '/').outcome)).toBe('NodeExists');
    expect(getNode(t.tree, '/a')!.data).toBe('');
  });
  it('NoChildrenForEphemerals under an ephemeral node', () => {
    const t = opened();
    t.create(S1, '/e', { ephemeral: true });
    expect(errorOf(t.create(S1, '/e/x').outcome)).toBe('NoChildrenForEphemerals');
    expect(errorOf(t.create(S1, '/e/x', { sequential: true }).outcome)).toBe('NoChildrenForEphemerals');
  });
  it('NoNode before NoChildrenForEphemerals (the parent lookup comes first)', () => {
    const t = opened();
    t.create(S1, '/e', { ephemeral: true });
    expect(errorOf(t.create(S1, '/e/x/y').outcome)).toBe('NoNode');
  });
  it('NodeExists for a sequential name taken by hand before', () => {
    const t = opened();
    t.create(S1, '/l');
    t.create(S1, '/l/n-0000000001');
    expect(errorOf(t.create(S1, '/l/n-', { sequential: true }).outcome)).toBe('NodeExists');
  });
  it('a failed create changes nothing but lastZxid', () => {
    const t = opened();
    t.create(S1, '/a');
    const before = cloneTree(t.tree);
    const r = t.create(S1, '/a');
    expect(r.changes).toEqual([]);
    expect(t.tree.lastZxid).toBe(3);
    t.tree.lastZxid = before.lastZxid;
    expect(t.tree).toEqual(before);
  });
  it('an ephemeral node records its owner and is listed under its session', () => {
    const t = opened();
    t.create(S1, '/e', { ephemeral: true });
    expect(t.stat('/e').ephemeralOwner).toBe(S1);
    expect(ephemeralsOf(t.tree, S1)).toEqual(['/e']);
  });
});

describe('sequential names and cversion', () => {
  it('the suffix is %010d of the children ever created under the parent', () => {
    const t = opened();
    t.create(S1, '/l');
    expect(okResult(t.create(S1, '/l/n-', { sequential: true }).outcome)).toBe('/l/n-0000000000');
    expect(okResult(t.create(S1, '/l/n-', { sequential: true }).outcome)).toBe('/l/n-0000000001');
    t.create(S1, '/l/plain');
    expect(okResult(t.create(S1, '/l/m-', { sequential: true }).outcome)).toBe('/l/m-0000000003');
  });
  it('skips after deletes: deletions do not move the counter', () => {
    const t = opened();
    t.create(S1, '/l');
    t.create(S1, '/l/x-', { sequential: true });
    t.create(S1, '/l/x-', { sequential: true });
    t.del(S1, '/l/x-0000000000');
    t.del(S1, '/l/x-0000000001');
    expect(okResult(t.create(S1, '/l/x-', { sequential: true }).outcome)).toBe('/l/x-0000000002');
  });
  it('cversion counts creations and deletions, so it is not the suffix (checked on ZooKeeper 3.8.0)', () => {
    const t = opened();
    t.create(S1, '/p');
    t.create(S1, '/p/x-', { sequential: true });
    t.create(S1, '/p/x-', { sequential: true });
    t.del(S1, '/p/x-0000000000');
    expect(t.stat('/p')).toMatchObject({ cversion: 3, numChildren: 1 });
    expect(okResult(t.create(S1, '/p/x-', { sequential: true }).outcome)).toBe('/p/x-0000000002');
    expect(t.stat('/p')).toMatchObject({ cversion: 4, numChildren: 2 });
  });
  it('a failed create does not move the counter', () => {
    const t = opened();
    t.create(S1, '/l');
    t.create(S1, '/l/a');
    t.create(S1, '/l/a');
    expect(okResult(t.create(S1, '/l/s', { sequential: true }).outcome)).toBe('/l/s0000000001');
  });
  it('a sequential path ending in "/" names the child by the suffix alone; under "/" too', () => {
    const t = opened();
    t.create(S1, '/q');
    expect(okResult(t.create(S1, '/q/', { sequential: true }).outcome)).toBe('/q/0000000000');
    expect(okResult(t.create(S1, '/', { sequential: true }).outcome)).toBe('/0000000001'); // / had one child created (/q); /zookeeper was never counted
  });
});

describe('delete', () => {
  it('removes the node; the parent gets pzxid, loses a child, and shows cversion +1', () => {
    const t = opened();
    t.create(S1, '/p');
    t.create(S1, '/p/a');
    const r = t.del(S1, '/p/a');
    expect(r.outcome).toEqual({ ok: true, result: null });
    expect(r.changes).toEqual([{ kind: 'deleted', path: '/p/a', parent: '/p' }]);
    expect(t.tree.nodes.has('/p/a')).toBe(false);
    expect(t.stat('/p')).toMatchObject({ numChildren: 0, cversion: 2, pzxid: 4, mzxid: 2 });
  });
  it('version −1 matches any; a matching version deletes', () => {
    const t = opened();
    t.create(S1, '/a');
    t.set(S1, '/a', 'x');
    expect(errorOf(t.del(S1, '/a', 0).outcome)).toBe('BadVersion');
    expect(t.del(S1, '/a', 1).outcome.ok).toBe(true);
    t.create(S1, '/b');
    t.set(S1, '/b', 'x');
    expect(t.del(S1, '/b', -1).outcome.ok).toBe(true);
  });
  it('BadArguments for an invalid path before SessionExpired', () => {
    const t = new Tx();
    expect(errorOf(t.del(S1, '/a/').outcome)).toBe('BadArguments');
    expect(errorOf(t.del(S1, '/a').outcome)).toBe('SessionExpired');
  });
  it('BadArguments for the special paths (before NotEmpty), as DataTree.isSpecialPath', () => {
    const t = opened();
    for (const p of ['/', '/zookeeper', '/zookeeper/quota', '/zookeeper/config']) expect(errorOf(t.del(S1, p).outcome)).toBe('BadArguments');
    expect(t.tree.nodes.has('/zookeeper/config')).toBe(true);
  });
  it('NoNode when missing', () => {
    const t = opened();
    expect(errorOf(t.del(S1, '/a').outcome)).toBe('NoNode');
    expect(errorOf(t.del(S1, '/a/b').outcome)).toBe('NoNode');
  });
  it('BadVersion before NotEmpty (PrepRequestProcessor checks the version first)', () => {
    const t = opened();
    t.create(S1, '/p');
    t.create(S1, '/p/a');
    expect(errorOf(t.del(S1, '/p', 5).outcome)).toBe('BadVersion');
    expect(errorOf(t.del(S1, '/p', 0).outcome)).toBe('NotEmpty');
    expect(errorOf(t.del(S1, '/p').outcome)).toBe('NotEmpty');
  });
  it('deleting an ephemeral node takes it off its session', () => {
    const t = opened();
    t.create(S1, '/e', { ephemeral: true });
    t.del(S1, '/e');
    expect(ephemeralsOf(t.tree, S1)).toEqual([]);
  });
  it('any open session may delete another session\'s ephemeral', () => {
    const t = opened();
    t.open(S2);
    t.create(S1, '/e', { ephemeral: true });
    expect(t.del(S2, '/e').outcome.ok).toBe(true);
  });
});

describe('setData', () => {
  it('sets data, version+1, mzxid, mtime, dataLength; returns the new stat; leaves czxid, ctime, pzxid, cversion', () => {
    const t = opened();
    t.timeMs = 10;
    t.create(S1, '/a', { data: 'x' });
    t.timeMs = 20;
    const r = t.set(S1, '/a', 'hello');
    const stat = okResult(r.outcome);
    expect(stat).toEqual({ czxid: 2, mzxid: 3, pzxid: 2, ctime: 10, mtime: 20, version: 1, cversion: 0, aversion: 0, ephemeralOwner: 0, dataLength: 5, numChildren: 0 });
    expect(r.changes).toEqual([{ kind: 'dataChanged', path: '/a' }]);
    expect(getNode(t.tree, '/a')!.data).toBe('hello');
  });
  it('BadVersion on a mismatch, −1 matches any', () => {
    const t = opened();
    t.create(S1, '/a');
    expect(errorOf(t.set(S1, '/a', 'v', 1).outcome)).toBe('BadVersion');
    expect(okResult(t.set(S1, '/a', 'v', 0).outcome)).toMatchObject({ version: 1 });
    expect(okResult(t.set(S1, '/a', 'w', -1).outcome)).toMatchObject({ version: 2 });
    expect(getNode(t.tree, '/a')!.data).toBe('w');
  });
  it('NoNode when missing, BadArguments for a bad path, SessionExpired before NoNode', () => {
    const t = opened();
    expect(errorOf(t.set(S1, '/a', 'v').outcome)).toBe('NoNode');
    expect(errorOf(t.set(S1, 'a', 'v').outcome)).toBe('BadArguments');
    expect(errorOf(t.set(S2, '/a', 'v').outcome)).toBe('SessionExpired');
  });
  it('after version 2^31−1 wraps to −2^31 and skips −1 (ZOOKEEPER-4743)', () => {
    const t = opened();
    t.create(S1, '/a');
    getNode(t.tree, '/a')!.version = 2147483647;
    expect(okResult(t.set(S1, '/a', 'v').outcome)).toMatchObject({ version: -2147483648 });
    getNode(t.tree, '/a')!.version = -2;
    expect(okResult(t.set(S1, '/a', 'v').outcome)).toMatchObject({ version: 0 });
  });
  it('dataLength is the UTF-8 byte count', () => {
    expect(utf8Length('abc')).toBe(3);
    expect(utf8Length('é')).toBe(2);
    expect(utf8Length('锁')).toBe(3);
    expect(utf8Length('😀')).toBe(4);
  });
});

describe('sessions', () => {
  it('createSession opens a session with its timeout and answers {session, negotiatedTimeoutMs}', () => {
    const t = new Tx();
    const r = t.open(S1, 6000);
    expect(r.outcome).toEqual({ ok: true, result: { session: S1, negotiatedTimeoutMs: 6000 } });
    expect(r.changes).toEqual([{ kind: 'sessionCreated', session: S1 }]);
    expect(t.tree.sessions.get(S1)).toMatchObject({ timeoutMs: 6000, state: 'open', createdZxid: 1 });
  });
  it('a repeated createSession changes nothing', () => {
    const t = new Tx();
    t.open(S1, 6000);
    const r = t.open(S1, 9000);
    expect(r.changes).toEqual([]);
    expect(t.tree.sessions.get(S1)!.timeoutMs).toBe(6000);
  });
  it('close deletes all the session\'s ephemerals in the same txn, in path order, each a change', () => {
    const t = opened();
    t.open(S2);
    t.create(S1, '/p');
    t.create(S1, '/p/b', { ephemeral: true });
    t.create(S1, '/a', { ephemeral: true });
    t.create(S2, '/c', { ephemeral: true });
    t.create(S1, '/p/s-', { ephemeral: true, sequential: true });
    const r = t.close(S1);
    expect(r.outcome).toEqual({ ok: true, result: null });
    expect(r.changes).toEqual([
      { kind: 'deleted', path: '/a', parent: '/' },
      { kind: 'deleted', path: '/p/b', parent: '/p' },
      { kind: 'deleted', path: '/p/s-0000000001', parent: '/p' },
      { kind: 'sessionClosed', session: S1, reason: 'close' },
    ]);
    expect([...t.tree.nodes.keys()].filter((p) => !p.startsWith('/zookeeper')).sort()).toEqual(['/', '/c', '/p']);
    expect(t.stat('/p')).toMatchObject({ pzxid: t.zxid, numChildren: 0 });
    expect(sessionState(t.tree, S1)).toBe('closed');
    expect(t.tree.sessions.get(S1)!.endedZxid).toBe(t.zxid);
    expect(ephemeralsOf(t.tree, S1)).toEqual([]);
    expect(ephemeralsOf(t.tree, S2)).toEqual(['/c']);
  });
  it('expiry does the same and marks the session expired', () => {
    const t = opened();
    t.create(S1, '/e', { ephemeral: true });
    const r = t.close(S1, 'expire');
    expect(r.changes.map((c) => c.kind)).toEqual(['deleted', 'sessionClosed']);
    expect(sessionState(t.tree, S1)).toBe('expired');
    expect(t.tree.nodes.has('/e')).toBe(false);
  });
  it('closing a session that is not open is SessionExpired and changes nothing', () => {
    const t = opened();
    t.close(S1, 'expire');
    const r = t.close(S1);
    expect(errorOf(r.outcome)).toBe('SessionExpired');
    expect(r.changes).toEqual([]);
    expect(sessionState(t.tree, S1)).toBe('expired');
    expect(errorOf(t.close(S2).outcome)).toBe('SessionExpired');
  });
});

describe('NoAuth: /zookeeper/config is READ-only (checked on ZooKeeper 3.8.0)', () => {
  it('setData on it is NoAuth, before BadVersion', () => {
    const t = opened();
    expect(errorOf(t.set(S1, '/zookeeper/config', 'x').outcome)).toBe('NoAuth');
    expect(errorOf(t.set(S1, '/zookeeper/config', 'x', 7).outcome)).toBe('NoAuth');
    expect(getNode(t.tree, '/zookeeper/config')!.data).toBe('');
  });
  it('a create under it is NoAuth (sequential too), after NoNode for a missing parent', () => {
    const t = opened();
    expect(errorOf(t.create(S1, '/zookeeper/config/x').outcome)).toBe('NoAuth');
    expect(errorOf(t.create(S1, '/zookeeper/config/x', { sequential: true }).outcome)).toBe('NoAuth');
    expect(errorOf(t.create(S1, '/zookeeper/config/x/y').outcome)).toBe('NoNode');
  });
  it('the rest of /zookeeper is open: setData on quota, a create under /zookeeper', () => {
    const t = opened();
    expect(t.set(S1, '/zookeeper/quota', 'q').outcome.ok).toBe(true);
    expect(okResult(t.create(S1, '/zookeeper/zz').outcome)).toBe('/zookeeper/zz');
    expect(t.del(S1, '/zookeeper/zz').outcome.ok).toBe(true);
  });
});

describe('readTree', () => {
  it('getData → {data, stat}; exists → stat or null; getChildren → sorted names', () => {
    const t = opened();
    t.create(S1, '/p', { data: 'd' });
    for (const n of ['b', 'a', 'C', 'a-0']) t.create(S1, `/p/${n}`);
    expect(readTree(t.tree, { op: 'getData', path: '/p', watch: false })).toEqual({ ok: true, result: { data: 'd', stat: t.stat('/p') } });
    expect(readTree(t.tree, { op: 'exists', path: '/p', watch: false })).toEqual({ ok: true, result: t.stat('/p') });
    expect(readTree(t.tree, { op: 'exists', path: '/q', watch: false })).toEqual({ ok: true, result: null });
    expect(readTree(t.tree, { op: 'getChildren', path: '/p', watch: false })).toEqual({ ok: true, result: ['C', 'a', 'a-0', 'b'] });
    expect(readTree(t.tree, { op: 'getChildren', path: '/', watch: false })).toEqual({ ok: true, result: ['p', 'zookeeper'] });
  });
  it('NoNode for getData / getChildren on a missing node; BadArguments for a bad path', () => {
    const t = opened();
    expect(errorOf(readTree(t.tree, { op: 'getData', path: '/q', watch: false }))).toBe('NoNode');
    expect(errorOf(readTree(t.tree, { op: 'getChildren', path: '/q', watch: false }))).toBe('NoNode');
    expect(errorOf(readTree(t.tree, { op: 'exists', path: 'q', watch: false }))).toBe('BadArguments');
  });
});

describe('cloneTree', () => {
  it('shares nothing mutable with the original', () => {
    const t = opened();
    t.create(S1, '/p');
    t.create(S1, '/p/e', { ephemeral: true });
    const copy = cloneTree(t.tree);
    t.close(S1);
    t.tree.nodes.get('/p')!.data = 'changed';
    expect(copy.nodes.get('/p')!.children.has('e')).toBe(true);
    expect(copy.nodes.get('/p')!.data).toBe('');
    expect(copy.sessions.get(S1)!.state).toBe('open');
    expect(ephemeralsOf(copy, S1)).toEqual(['/p/e']);
  });
});
