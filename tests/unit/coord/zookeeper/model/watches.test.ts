/** The WatchManager's rules, one per test: each watch type, one-shot, the delete double-watch suppression, sessions ending, setWatches, order. */
import { describe, expect, it } from 'vitest';
import { Standalone, type ClientEvent } from '../../../../../src/core/coord/zookeeper/standalone';
import { addWatch, dropSession, hasWatch, listWatches, newWatches, setWatches, trigger } from '../../../../../src/core/coord/zookeeper/watches';
import type { ZkRequest } from '../../../../../src/core/coord/zookeeper/types';
import { S1, S2, S3, Tx } from './helpers';

const create = (path: string, o: { ephemeral?: boolean; sequential?: boolean; data?: string } = {}): ZkRequest => ({ op: 'create', path, data: o.data ?? '', ephemeral: o.ephemeral ?? false, sequential: o.sequential ?? false });
const del = (path: string, version = -1): ZkRequest => ({ op: 'delete', path, version });
const set = (path: string, data: string): ZkRequest => ({ op: 'setData', path, data, version: -1 });
const getData = (path: string): ZkRequest => ({ op: 'getData', path, watch: true });
const exists = (path: string): ZkRequest => ({ op: 'exists', path, watch: true });
const getChildren = (path: string): ZkRequest => ({ op: 'getChildren', path, watch: true });
const ev = (es: ClientEvent[]) => es.map((e) => `${e.client} ${e.event.type} ${e.event.path}`);

/** A standalone server with clients 1..n connected. */
function zk(n = 2): Standalone {
  const s = new Standalone(2000);
  for (let c = 1; c <= n; c++) s.connect(c, 30000);
  return s;
}

describe('data watches', () => {
  it('getData then setData ⇒ NodeDataChanged, with the change\'s zxid', () => {
    const s = zk();
    s.run(1, create('/a'));
    s.run(2, getData('/a'));
    const r = s.run(1, set('/a', 'x'));
    expect(r.events).toEqual([{ client: 2, session: s.session(2), event: { type: 'NodeDataChanged', path: '/a' }, zxid: r.zxid }]);
  });
  it('exists on a missing node ⇒ NodeCreated when it is created', () => {
    const s = zk();
    expect(s.run(2, exists('/a')).outcome).toEqual({ ok: true, result: null });
    expect(ev(s.run(1, create('/a')).events)).toEqual(['2 NodeCreated /a']);
  });
  it('exists on a present node ⇒ NodeDataChanged / NodeDeleted', () => {
    const s = zk();
    s.run(1, create('/a'));
    s.run(2, exists('/a'));
    expect(ev(s.run(1, set('/a', 'x')).events)).toEqual(['2 NodeDataChanged /a']);
    s.run(2, exists('/a'));
    expect(ev(s.run(1, del('/a')).events)).toEqual(['2 NodeDeleted /a']);
  });
  it('getData on a missing node sets no watch', () => {
    const s = zk();
    expect(s.run(2, getData('/a')).outcome).toEqual({ ok: false, error: 'NoNode' });
    expect(listWatches(s.state.watches)).toEqual([]);
    expect(s.run(1, create('/a')).events).toEqual([]);
  });
  it('a data watch is not fired by changes to children', () => {
    const s = zk();
    s.run(1, create('/p'));
    s.run(2, getData('/p'));
    expect(s.run(1, create('/p/c')).events).toEqual([]);
    expect(hasWatch(s.state.watches, 'data', '/p', s.session(2))).toBe(true);
  });
  it('a read without watch sets none', () => {
    const s = zk();
    s.run(1, create('/a'));
    s.run(2, { op: 'getData', path: '/a', watch: false });
    s.run(2, { op: 'exists', path: '/b', watch: false });
    expect(listWatches(s.state.watches)).toEqual([]);
  });
});

describe('child watches', () => {
  it('getChildren then a child created ⇒ NodeChildrenChanged on the parent', () => {
    const s = zk();
    s.run(1, create('/p'));
    s.run(2, getChildren('/p'));
    expect(ev(s.run(1, create('/p/c')).events)).toEqual(['2 NodeChildrenChanged /p']);
  });
  it('a child deleted ⇒ NodeChildrenChanged on the parent', () => {
    const s = zk();
    s.run(1, create('/p'));
    s.run(1, create('/p/c'));
    s.run(2, getChildren('/p'));
    expect(ev(s.run(1, del('/p/c')).events)).toEqual(['2 NodeChildrenChanged /p']);
  });
  it('setData on the node does not fire its child watch', () => {
    const s = zk();
    s.run(1, create('/p'));
    s.run(2, getChildren('/p'));
    expect(s.run(1, set('/p', 'x')).events).toEqual([]);
  });
  it('the node itself deleted ⇒ NodeDeleted to its child watches', () => {
    const s = zk();
    s.run(1, create('/p'));
    s.run(2, getChildren('/p'));
    expect(ev(s.run(1, del('/p')).events)).toEqual(['2 NodeDeleted /p']);
  });
  it('getChildren on a missing node sets no watch', () => {
    const s = zk();
    s.run(2, getChildren('/p'));
    expect(s.run(1, create('/p')).events).toEqual([]);
  });
  it('a grandchild does not fire a watch on the grandparent', () => {
    const s = zk();
    s.run(1, create('/p'));
    s.run(1, create('/p/c'));
    s.run(2, getChildren('/p'));
    expect(s.run(1, create('/p/c/g')).events).toEqual([]);
  });
});

describe('one-shot', () => {
  it('a fired watch is gone: the second change fires nothing', () => {
    const s = zk();
    s.run(1, create('/a'));
    s.run(2, getData('/a'));
    expect(s.run(1, set('/a', 'x')).events).toHaveLength(1);
    expect(s.run(1, set('/a', 'y')).events).toEqual([]);
  });
  it('a fired child watch is gone too', () => {
    const s = zk();
    s.run(1, create('/p'));
    s.run(2, getChildren('/p'));
    expect(s.run(1, create('/p/a')).events).toHaveLength(1);
    expect(s.run(1, create('/p/b')).events).toEqual([]);
  });
  it('several reads on one path are one watch, one event', () => {
    const s = zk();
    s.run(1, create('/a'));
    s.run(2, getData('/a'));
    s.run(2, exists('/a'));
    s.run(2, getData('/a'));
    expect(ev(s.run(1, set('/a', 'x')).events)).toEqual(['2 NodeDataChanged /a']);
  });
  it('re-registering after it fired watches the next change', () => {
    const s = zk();
    s.run(1, create('/a'));
    s.run(2, getData('/a'));
    s.run(1, set('/a', 'x'));
    s.run(2, getData('/a'));
    expect(ev(s.run(1, set('/a', 'y')).events)).toEqual(['2 NodeDataChanged /a']);
  });
});

describe('delete: data and child watches of one session give one NodeDeleted', () => {
  it('a session with both a data and a child watch on the deleted node gets one event, and both watches go', () => {
    const s = zk(3);
    s.run(1, create('/p'));
    s.run(2, getData('/p'));
    s.run(2, getChildren('/p'));
    s.run(3, getChildren('/p'));
    expect(ev(s.run(1, del('/p')).events)).toEqual(['2 NodeDeleted /p', '3 NodeDeleted /p']);
    expect(listWatches(s.state.watches)).toEqual([]);
  });
  it('NodeDeleted on the node and NodeChildrenChanged on the parent are separate events to the same session', () => {
    const s = zk();
    s.run(1, create('/p'));
    s.run(1, create('/p/c'));
    s.run(2, exists('/p/c'));
    s.run(2, getChildren('/p'));
    expect(ev(s.run(1, del('/p/c')).events)).toEqual(['2 NodeDeleted /p/c', '2 NodeChildrenChanged /p']);
  });
  it('create fires the data watch on the node then the child watch on the parent', () => {
    const s = zk();
    s.run(1, create('/p'));
    s.run(2, getChildren('/p'));
    s.run(2, exists('/p/c'));
    expect(ev(s.run(1, create('/p/c')).events)).toEqual(['2 NodeCreated /p/c', '2 NodeChildrenChanged /p']);
  });
});

describe('sessions ending', () => {
  it('a closing session hears its own watches fire on its ephemerals (as the Java client does on ZooKeeper 3.8.0), then its other watches are gone', () => {
    const s = zk(3);
    s.run(1, create('/p'));
    s.run(1, create('/q'));
    s.run(1, create('/p/e', { ephemeral: true }));
    s.run(1, getChildren('/p'));
    s.run(1, getData('/q'));
    s.run(2, getChildren('/p'));
    s.run(3, exists('/p/e'));
    const r = s.close(1);
    expect(ev(r.events)).toEqual(['3 NodeDeleted /p/e', '1 NodeChildrenChanged /p', '2 NodeChildrenChanged /p']);
    expect(listWatches(s.state.watches)).toEqual([]);
    expect(s.run(2, set('/q', 'x')).events).toEqual([]);
  });
  it('an expired session\'s watches are removed, and Standalone gives it nothing (its connection is gone)', () => {
    const s = zk();
    s.run(1, create('/a'));
    s.run(1, create('/e', { ephemeral: true }));
    s.run(1, getData('/a'));
    s.run(1, exists('/e'));
    s.run(2, exists('/e'));
    expect(ev(s.expire(1).events)).toEqual(['2 NodeDeleted /e']);
    expect(listWatches(s.state.watches)).toEqual([]);
    expect(s.run(2, set('/a', 'x')).events).toEqual([]);
  });
  it('dropSession removes only that session\'s watches', () => {
    const w = newWatches();
    addWatch(w, 'data', '/a', S1);
    addWatch(w, 'data', '/a', S2);
    addWatch(w, 'child', '/b', S1);
    dropSession(w, S1);
    expect(listWatches(w)).toEqual([{ kind: 'data', path: '/a', session: S2 }]);
  });
});

describe('delivery order', () => {
  it('within one trigger by session id ascending, whatever the registration order', () => {
    const w = newWatches();
    addWatch(w, 'data', '/a', S3);
    addWatch(w, 'data', '/a', S1);
    addWatch(w, 'data', '/a', S2);
    expect(trigger(w, [{ kind: 'dataChanged', path: '/a' }], 9).map((d) => d.session)).toEqual([S1, S2, S3]);
  });
  it('a closeSession\'s deletions fire in path order', () => {
    const s = zk();
    s.run(1, create('/b', { ephemeral: true }));
    s.run(1, create('/a', { ephemeral: true }));
    s.run(2, exists('/b'));
    s.run(2, exists('/a'));
    s.run(2, getChildren('/'));
    expect(ev(s.close(1).events)).toEqual(['2 NodeDeleted /a', '2 NodeChildrenChanged /', '2 NodeDeleted /b']);
  });
});

describe('setWatches (DataTree.setWatches)', () => {
  function tree() {
    const t = new Tx();
    t.open(S1);
    t.create(S1, '/same'); // 2
    t.create(S1, '/changed'); // 3
    t.create(S1, '/gone'); // 4
    t.create(S1, '/kids'); // 5
    t.create(S1, '/quiet'); // 6
    const rel = t.zxid;
    t.set(S1, '/changed', 'x');
    t.del(S1, '/gone');
    t.create(S1, '/kids/c');
    t.create(S1, '/born');
    return { t, rel };
  }
  it('fires at once what changed after relativeZxid and registers the rest', () => {
    const { t, rel } = tree();
    const w = newWatches();
    const out = setWatches(t.tree, w, S2, { relativeZxid: rel, data: ['/same', '/changed', '/gone'], exist: ['/born', '/never'], child: ['/kids', '/quiet', '/gone'] });
    expect(out.map((d) => `${d.event.type} ${d.event.path}`)).toEqual([
      'NodeDataChanged /changed',
      'NodeDeleted /gone',
      'NodeCreated /born',
      'NodeChildrenChanged /kids',
      'NodeDeleted /gone',
    ]);
    expect(out.every((d) => d.session === S2 && d.zxid === t.tree.lastZxid)).toBe(true);
    expect(listWatches(w)).toEqual([
      { kind: 'data', path: '/never', session: S2 },
      { kind: 'data', path: '/same', session: S2 },
      { kind: 'child', path: '/quiet', session: S2 },
    ]);
  });
  it('what it registers fires later like any watch', () => {
    const { t, rel } = tree();
    const w = newWatches();
    setWatches(t.tree, w, S2, { relativeZxid: rel, data: [], exist: ['/never'], child: [] });
    const r = t.create(S1, '/never');
    expect(trigger(w, r.changes, t.zxid)).toEqual([{ session: S2, event: { type: 'NodeCreated', path: '/never' }, zxid: t.zxid }]);
  });
  it('a data watch on a node changed exactly at relativeZxid is registered, not fired (mzxid > relativeZxid)', () => {
    const t = new Tx();
    t.open(S1);
    t.create(S1, '/a');
    const w = newWatches();
    expect(setWatches(t.tree, w, S2, { relativeZxid: t.zxid, data: ['/a'], exist: [], child: ['/a'] })).toEqual([]);
    expect(listWatches(w)).toHaveLength(2);
  });
  it('through Standalone: a reconnecting client gets its events to the right client', () => {
    const s = zk();
    s.run(1, create('/a'));
    const rel = s.run(1, set('/a', 'x')).zxid - 1;
    expect(ev(s.setWatches(2, { relativeZxid: rel, data: ['/a'], exist: [], child: [] }))).toEqual(['2 NodeDataChanged /a']);
  });
});
