/**
 * One server's WatchManager (not replicated: a watch lives on the server the client is
 * connected to). Two tables, as ZooKeeper's DataTree keeps them: data watches (set by
 * getData and by exists — exists on a missing node too) and child watches (set by
 * getChildren). A watch is one-shot: firing removes it. A session holds at most one watch
 * per (table, path), however many reads set it.
 *
 * Firing rules (DataTree.createNode / deleteNode / setData):
 * - create P        ⇒ NodeCreated to P's data watches; NodeChildrenChanged to the parent's child watches.
 * - delete P        ⇒ NodeDeleted to P's data watches, then to P's child watches except the
 *                     sessions the data table just notified (one event per session: upstream
 *                     passes the notified set as `supress`); then NodeChildrenChanged to the
 *                     parent's child watches.
 * - setData P       ⇒ NodeDataChanged to P's data watches.
 * - session ends    ⇒ its closeSession's deletions fire watches like any delete, its own
 *                     watches included (FinalRequestProcessor applies the txn, which queues
 *                     the events on every watcher's connection, before it closes the ending
 *                     session's connection: a Java client that calls close() does receive
 *                     them — checked on ZooKeeper 3.8.0); then whatever watches it still
 *                     holds are removed. Whether an expired client hears its own events is
 *                     the network's business (it is usually the one that went silent).
 *
 * Delivery order (deterministic): changes in the order the txn made them; within one
 * change, in the order above; within one table's trigger, by session id ascending.
 */
import type { SessionId, WatchDelivery, WatchKind, ZkEventType, ZkSetWatches, Zxid } from './types';
import type { TreeChange, ZkTree } from './tree';

export interface WatchTable {
  /** path → sessions watching it, per table. */
  data: Map<string, Set<SessionId>>;
  child: Map<string, Set<SessionId>>;
}

/** One registered watch, for views and tests. */
export interface WatchEntry {
  kind: WatchKind;
  path: string;
  session: SessionId;
}

export function newWatches(): WatchTable {
  return { data: new Map(), child: new Map() };
}

export function cloneWatches(w: WatchTable): WatchTable {
  const copy = (m: Map<string, Set<SessionId>>) => new Map([...m].map(([p, s]) => [p, new Set(s)] as const));
  return { data: copy(w.data), child: copy(w.child) };
}

function table(w: WatchTable, kind: WatchKind): Map<string, Set<SessionId>> {
  return kind === 'data' ? w.data : w.child;
}

/** Register a watch (idempotent per session, table and path). */
export function addWatch(w: WatchTable, kind: WatchKind, path: string, session: SessionId): void {
  const t = table(w, kind);
  let s = t.get(path);
  if (!s) t.set(path, (s = new Set()));
  s.add(session);
}

export function hasWatch(w: WatchTable, kind: WatchKind, path: string, session: SessionId): boolean {
  return table(w, kind).get(path)?.has(session) ?? false;
}

/** Remove every watch of `session` on this server (its connection closed, or its session ended). */
export function dropSession(w: WatchTable, session: SessionId): void {
  for (const t of [w.data, w.child]) {
    for (const [p, s] of t) {
      if (s.delete(session) && s.size === 0) t.delete(p);
    }
  }
}

/** Every registered watch, sorted by kind (data first), path, then session. */
export function listWatches(w: WatchTable): WatchEntry[] {
  const out: WatchEntry[] = [];
  for (const kind of ['data', 'child'] as const) {
    for (const path of [...table(w, kind).keys()].sort()) {
      for (const session of [...table(w, kind).get(path)!].sort((a, b) => a - b)) out.push({ kind, path, session });
    }
  }
  return out;
}

/**
 * WatchManager.triggerWatch: remove the watches on `path` in one table and return the
 * sessions they belonged to (ascending), minus `suppress`; one-shot.
 */
function fire(w: WatchTable, kind: WatchKind, path: string, suppress?: ReadonlySet<SessionId>): SessionId[] {
  const t = table(w, kind);
  const s = t.get(path);
  if (!s) return [];
  t.delete(path);
  return [...s].filter((id) => !suppress?.has(id)).sort((a, b) => a - b);
}

function deliver(out: WatchDelivery[], sessions: SessionId[], type: ZkEventType, path: string, zxid: Zxid): void {
  for (const session of sessions) out.push({ session, event: { type, path }, zxid });
}

/** Fire the watches one txn's changes trigger (rules and order in the header). Mutates `w`. */
export function trigger(w: WatchTable, changes: readonly TreeChange[], zxid: Zxid): WatchDelivery[] {
  const out: WatchDelivery[] = [];
  for (const c of changes) {
    switch (c.kind) {
      case 'created':
        deliver(out, fire(w, 'data', c.path), 'NodeCreated', c.path, zxid);
        deliver(out, fire(w, 'child', c.parent), 'NodeChildrenChanged', c.parent, zxid);
        break;
      case 'deleted': {
        const notified = fire(w, 'data', c.path);
        deliver(out, notified, 'NodeDeleted', c.path, zxid);
        deliver(out, fire(w, 'child', c.path, new Set(notified)), 'NodeDeleted', c.path, zxid);
        deliver(out, fire(w, 'child', c.parent), 'NodeChildrenChanged', c.parent, zxid);
        break;
      }
      case 'dataChanged':
        deliver(out, fire(w, 'data', c.path), 'NodeDataChanged', c.path, zxid);
        break;
      case 'sessionClosed':
        dropSession(w, c.session);
        break;
      case 'sessionCreated':
        break;
    }
  }
  return out;
}

/**
 * DataTree.setWatches — a reconnecting client re-registers its watches: for each path,
 * fire at once what changed after `relativeZxid` (data: NodeDeleted if gone, else
 * NodeDataChanged if mzxid > relativeZxid; exist: NodeCreated if it now exists; child:
 * NodeDeleted if gone, else NodeChildrenChanged if pzxid > relativeZxid), else register.
 * A watch that fires here is not registered (one-shot). Deliveries carry the tree's last
 * zxid (the real server sends −1). Order: data, exist, child lists, each in the given order.
 */
export function setWatches(tree: ZkTree, w: WatchTable, session: SessionId, sw: ZkSetWatches): WatchDelivery[] {
  const out: WatchDelivery[] = [];
  const zxid = tree.lastZxid;
  const now = (type: ZkEventType, path: string) => out.push({ session, event: { type, path }, zxid });
  for (const path of sw.data) {
    const n = tree.nodes.get(path);
    if (!n) now('NodeDeleted', path);
    else if (n.mzxid > sw.relativeZxid) now('NodeDataChanged', path);
    else addWatch(w, 'data', path, session);
  }
  for (const path of sw.exist) {
    if (tree.nodes.has(path)) now('NodeCreated', path);
    else addWatch(w, 'data', path, session);
  }
  for (const path of sw.child) {
    const n = tree.nodes.get(path);
    if (!n) now('NodeDeleted', path);
    else if (n.pzxid > sw.relativeZxid) now('NodeChildrenChanged', path);
    else addWatch(w, 'child', path, session);
  }
  return out;
}

// ---- snapshots ------------------------------------------------------------------------

export interface WatchSnap {
  data: [string, SessionId[]][];
  child: [string, SessionId[]][];
}

export function snapshotWatches(w: WatchTable): WatchSnap {
  const snap = (m: Map<string, Set<SessionId>>): [string, SessionId[]][] => [...m].map(([p, s]) => [p, [...s]]);
  return { data: snap(w.data), child: snap(w.child) };
}

export function restoreWatches(s: WatchSnap): WatchTable {
  const load = (rows: [string, SessionId[]][]) => new Map(rows.map(([p, ids]) => [p, new Set(ids)] as const));
  return { data: load(s.data), child: load(s.child) };
}
