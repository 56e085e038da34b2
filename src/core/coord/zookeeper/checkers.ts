/**
 * The coordination layer's checkers for ZooKeeper (DESIGN.md: "Checkers for this layer are
 * violations like any other"), as one ServiceMonitor beside ZAB's own:
 *
 * - Linearizability (at the end of a run, over the whole history): `checkZkHistory` —
 *   writes linearizable, reads sequentially consistent; a read that is only stale is
 *   reported in `staleReads`, not as a violation.
 * - Lock Safety: at most one client holds a lock at any time. A client holds the lock on
 *   path P from the completion of its `lock(P)` until it calls `unlock(P)` (the application
 *   stops using the lock when it asks to release it; the unlock's own reply can come after
 *   the next holder's acquisition, through a faster server, and is not a second holder), or
 *   until it learns its session is lost (an op failing SessionExpired, the Expired event,
 *   its close) — and it counts only while the session of its lock is still open in the
 *   leader's committed tree, and no server's history holds a committed closeSession for it
 *   (one at or below the highest zxid any server has applied: right after a leader's crash
 *   the surviving followers may have logged the closeSession but not applied it yet — fuzz
 *   seed 4090; a follower's local expiry, bug expireWithoutLog, is in no history). A paused client whose session expired through the log still
 *   BELIEVES it holds the lock: that is the fencing lesson (the lock service did its job; the
 *   client must fence its writes with the lock node's zxid), not a failure of ZooKeeper, so
 *   it is not counted here.
 * - Ephemeral Ownership: on every server's applied tree, no ephemeral node is owned by a
 *   session that tree records as closed or expired (ZooKeeper deletes them in the txn that
 *   ends the session).
 * - One-Shot Watches: every delivered watch event matches a watch its client registered — a
 *   getData / exists / getChildren with `watch: true` that the server answered — and that
 *   has not fired yet. The lock recipe's own watch (exists on its predecessor) is not an op
 *   of the history: events on the children of a path the client has called `lock` on are
 *   accepted, at most one per node and type (a lock node's name is never reused, so a
 *   second one would be a watch firing twice). The recipe's watch can outlive its op: an
 *   unlock while the lock is still waited for ends the op, and the server keeps the watch.
 *
 * The trees are read through ZkWorldAccess, so this file knows nothing of how a ZAB node
 * embeds its service state (src/core/coord/zookeeper/service.ts adapts it).
 */
import type { WorldView } from '../../protocol';
import { HistoryCursor } from '../checkers';
import type { Found, ServiceMonitor, ServiceWorld } from '../registry';
import { sessionHex, type SessionId, type SessionState, type ZkEventRecord, type ZkOpRecord } from './types';

export const ZK_INVARIANTS = ['Linearizability', 'Lock Safety', 'Ephemeral Ownership', 'One-Shot Watches'] as const;

/** One server's applied state, as the checkers read it. */
export interface ZkTreeAccess {
  /** The last zxid applied to this tree. */
  readonly lastZxid: number;
  /** The session's state in this tree; undefined when this tree never saw it. */
  sessionState(id: SessionId): SessionState | undefined;
  /** Every ephemeral node of this tree and its owner. */
  ephemerals(): Iterable<readonly [path: string, owner: SessionId]>;
}

/** How the checkers reach the servers' trees. */
export interface ZkWorldAccess {
  /** A server's applied ZooKeeper state, or null (no service state). */
  treeOf(node: unknown): ZkTreeAccess | null;
  /** The established leader now (0 if none). */
  leaderOf(nodes: readonly unknown[], alive: readonly boolean[]): number;
  /** The zxid of the closeSession txn of `session` in a server's history (logged, committed or not), or 0. */
  sessionEndZxid(node: unknown, session: SessionId): number;
}

/** The outcome of the end-of-run linearizability check, as checkZkHistory gives it. */
export interface ZkHistoryVerdict {
  ok: boolean | 'unknown';
  staleReads: readonly unknown[];
  violation?: unknown;
}

export type ZkHistoryCheck = (records: ZkOpRecord[]) => ZkHistoryVerdict;

/**
 * The server whose tree is the committed state (the lock checker's and the CLI's `tree`): the leader's applied tree; without an
 * established leader, the most advanced live server's (committed trees are prefixes of one
 * order, so the most advanced one is the newest committed state anyone holds), else any
 * server's.
 */
export function referenceServer(world: WorldView<unknown>, access: ZkWorldAccess): number {
  const leader = access.leaderOf(world.nodes, world.alive);
  if (leader > 0 && access.treeOf(world.nodes[leader]) !== null) return leader;
  let best = 0;
  let bestZxid = -1;
  let bestAlive = false;
  for (let id = 1; id < world.nodes.length; id++) {
    const t = access.treeOf(world.nodes[id]);
    if (t === null) continue;
    const alive = world.alive[id] === true;
    if (best === 0 || (alive && !bestAlive) || (alive === bestAlive && t.lastZxid > bestZxid)) {
      best = id;
      bestZxid = t.lastZxid;
      bestAlive = alive;
    }
  }
  return best;
}

export function referenceTree(world: WorldView<unknown>, access: ZkWorldAccess): ZkTreeAccess | null {
  const id = referenceServer(world, access);
  return id === 0 ? null : access.treeOf(world.nodes[id]);
}

interface Holding {
  session: SessionId;
  since: number;
  lockNode: string;
}

const WATCH_OPS = new Set(['getData', 'exists', 'getChildren']);

/** The ZooKeeper service's checkers for one run. */
export function createZkMonitor(access: ZkWorldAccess, checkHistory: ZkHistoryCheck | null): ServiceMonitor {
  const cursor = new HistoryCursor<ZkOpRecord, ZkEventRecord>();
  /** lock path → client → its holding. */
  const holders = new Map<string, Map<number, Holding>>();
  /** Paths with two or more believed holders (the only ones worth a look at the tree). */
  const contested = new Set<string>();
  /** `${client} ${path}` → the watch kinds registered and not fired: bit 1 data, bit 2 child. */
  const watches = new Map<string, number>();
  /** client → the lock paths it has called `lock` on. */
  const locking = new Map<number, Set<string>>();
  /**
   * `${client} ${path}` whose data and child watches one NodeDeleted fired together: a
   * reconnect's SetWatches (DataTree.setWatches) reports a deletion once per watch list, so
   * one more NodeDeleted for it is that second report, not a watch firing twice.
   */
  const spareDelete = new Set<string>();
  /** Recipe events seen: `${client} ${type} ${path}`. */
  const recipeEvents = new Set<string>();
  let found: Found | null = null;
  let staleReads: readonly unknown[] = [];
  let linearizable: boolean | 'unknown' | null = null;
  /** The highest zxid any server has applied: every txn at or below it is committed. */
  let committedZxid = 0;

  const dropHoldings = (client: number) => {
    for (const [path, m] of holders) {
      m.delete(client);
      if (m.size < 2) contested.delete(path);
    }
  };
  const dropWatches = (client: number) => {
    const prefix = `${client} `;
    for (const k of [...watches.keys()]) if (k.startsWith(prefix)) watches.delete(k);
    for (const k of [...spareDelete]) if (k.startsWith(prefix)) spareDelete.delete(k);
  };
  const sessionLost = (client: number) => {
    dropHoldings(client);
    dropWatches(client);
  };
  const lockCalled = (client: number, path: string) => {
    let m = locking.get(client);
    if (m === undefined) locking.set(client, (m = new Set()));
    m.add(path);
  };
  const parentOf = (p: string) => p.slice(0, Math.max(1, p.lastIndexOf('/')));

  const onEvent = (ev: ZkEventRecord, now: number): Found | null => {
    if (ev.type === 'Expired') {
      sessionLost(ev.client);
      return null;
    }
    if (ev.type === 'Disconnected' || ev.type === 'SyncConnected') return null;
    const key = `${ev.client} ${ev.path}`;
    const have = watches.get(key) ?? 0;
    const need = ev.type === 'NodeChildrenChanged' ? 2 : ev.type === 'NodeDeleted' ? 3 : 1;
    if ((have & need) !== 0) {
      // One event fires every watch of the client it matches (a delete: data and child).
      if (ev.type === 'NodeDeleted' && have === 3) spareDelete.add(key);
      const left = have & ~need;
      if (left === 0) watches.delete(key);
      else watches.set(key, left);
      return null;
    }
    if (ev.type === 'NodeDeleted' && spareDelete.delete(key)) return null;
    const inLock = (ev.type === 'NodeDeleted' || ev.type === 'NodeCreated') && (locking.get(ev.client)?.has(parentOf(ev.path)) ?? false);
    const rk = `${ev.client} ${ev.type} ${ev.path}`;
    if (inLock && !recipeEvents.has(rk)) {
      recipeEvents.add(rk);
      return null;
    }
    const what = ev.type === 'NodeChildrenChanged' ? 'a child watch' : ev.type === 'NodeDeleted' ? 'a data or child watch' : 'a data watch';
    return {
      invariant: 'One-Shot Watches',
      detail: `client ${ev.client} got ${ev.type} for ${ev.path} at ${now} ms without ${what} on it that had not fired (each watch fires once)`,
      why: { code: 'WatchNotRegistered', args: { client: ev.client, type: ev.type, path: ev.path } },
    };
  };

  const poll = (world: ServiceWorld): Found | null => {
    let bad: Found | null = null;
    /**
     * Clients whose completions this poll say their session is gone. The cursor reports a
     * step's completions before its events, but within one step (a paused client waking
     * and reading its socket) the client may deliver a watch event and only then lose the
     * session (a reset, its queued close failing, the recipe's lock failing SessionExpired).
     * The loss is applied after the step's events: a handle that is dead reads no more
     * packets, so no event of that session can follow the loss inside the same step. An
     * Expired event is in delivery order already and is applied where it stands.
     */
    const lost: number[] = [];
    cursor.poll(world, {
      invoked(rec) {
        if (rec.op === 'unlock') {
          const m = holders.get(String(rec.args.path));
          if (m !== undefined) {
            m.delete(rec.client);
            if (m.size < 2) contested.delete(String(rec.args.path));
          }
        } else if (rec.op === 'lock') {
          lockCalled(rec.client, String(rec.args.path));
        }
      },
      completed(rec) {
        if (!rec.ok) {
          if (rec.error === 'SessionExpired') lost.push(rec.client);
          return;
        }
        if (rec.op === 'close') {
          lost.push(rec.client);
        } else if (rec.op === 'lock') {
          const path = String(rec.args.path);
          let m = holders.get(path);
          if (m === undefined) holders.set(path, (m = new Map()));
          m.set(rec.client, { session: rec.session, since: rec.complete ?? world.now, lockNode: String(rec.result) });
          if (m.size >= 2) contested.add(path);
        } else if (WATCH_OPS.has(rec.op) && rec.args.watch === true) {
          const key = `${rec.client} ${String(rec.args.path)}`;
          watches.set(key, (watches.get(key) ?? 0) | (rec.op === 'getChildren' ? 2 : 1));
        }
      },
      event(ev) {
        bad ??= onEvent(ev, world.now);
      },
    });
    for (const client of lost) sessionLost(client);
    return bad;
  };

  const checkLocks = (world: ServiceWorld): Found | null => {
    if (contested.size === 0) return null;
    const tree = referenceTree(world, access);
    if (tree === null) return null;
    const endCommitted = (session: SessionId) => {
      for (let id = 1; id < world.nodes.length; id++) {
        const z = access.sessionEndZxid(world.nodes[id], session);
        if (z !== 0 && z <= committedZxid) return true;
      }
      return false;
    };
    for (const path of contested) {
      const live = [...holders.get(path)!].filter(([, h]) => tree.sessionState(h.session) === 'open' && !endCommitted(h.session));
      if (live.length < 2) continue;
      const [[c1, h1], [c2, h2]] = live;
      return {
        invariant: 'Lock Safety',
        detail: `clients ${c1} and ${c2} both hold the lock ${path} at ${world.now} ms (since ${h1.since} with ${h1.lockNode} on session ${sessionHex(h1.session)}, since ${h2.since} with ${h2.lockNode} on session ${sessionHex(h2.session)}; both sessions open in the committed tree)`,
        why: { code: 'TwoLockHolders', args: { path, client1: c1, client2: c2, node1: h1.lockNode, node2: h2.lockNode } },
      };
    }
    return null;
  };

  const checkEphemerals = (world: ServiceWorld, id: number): Found | null => {
    if (id <= 0) return null;
    const tree = access.treeOf(world.nodes[id]);
    if (tree === null) return null;
    for (const [path, owner] of tree.ephemerals()) {
      const st = tree.sessionState(owner);
      if (st === 'closed' || st === 'expired') {
        return {
          invariant: 'Ephemeral Ownership',
          detail: `n${id}'s tree has the ephemeral ${path} owned by session ${sessionHex(owner)}, which that tree records as ${st}`,
          why: { code: 'EphemeralOfEndedSession', args: { node: id, path, session: sessionHex(owner), state: st } },
        };
      }
    }
    return null;
  };

  return {
    beforeEvent() {},
    afterEvent(world, id) {
      if (found !== null) return null;
      const w = world as ServiceWorld;
      const applied = id > 0 ? access.treeOf(w.nodes[id])?.lastZxid ?? 0 : 0;
      if (applied > committedZxid) committedZxid = applied;
      found = poll(w) ?? checkLocks(w) ?? checkEphemerals(w, id);
      return found;
    },
    finish(world) {
      if (checkHistory === null) return null;
      const records = (world.ops as readonly (ZkOpRecord | undefined)[]).filter((r): r is ZkOpRecord => r !== undefined);
      const verdict = checkHistory(records);
      staleReads = verdict.staleReads;
      linearizable = verdict.ok;
      if (verdict.ok !== false) return null;
      const detail = typeof verdict.violation === 'string' ? verdict.violation : JSON.stringify(verdict.violation ?? 'no linearization of the writes explains the results');
      return { invariant: 'Linearizability', detail: `the client history is not linearizable (writes) / sequentially consistent (reads): ${detail}`, why: { code: 'NotLinearizable', args: { detail } } };
    },
    report() {
      return linearizable === null ? {} : { linearizable, staleReads };
    },
  };
}
