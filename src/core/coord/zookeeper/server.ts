/**
 * One ZooKeeper server's service state: the replicated data tree (identical on every
 * server once they have applied the same committed txns) plus this server's own watch
 * manager. The ZAB servers embed it; the conformance suite's model side runs it through
 * standalone.ts. Pure and deterministic.
 */
import type { SessionId, WatchDelivery, ZkOutcome, ZkReadRequest, ZkSetWatches, ZkTxn, Zxid } from './types';
import { applyTxn, cloneTree, isSessionOpen, newTree, readTree, restoreTree, snapshotTree, type TreeChange, type ZkTree, type ZkTreeSnap } from './tree';
import { addWatch, cloneWatches, dropSession, newWatches, restoreWatches, setWatches, snapshotWatches, trigger, type WatchSnap, type WatchTable } from './watches';

export interface ZkServerState {
  tree: ZkTree;
  watches: WatchTable;
}

export interface CommitResult {
  outcome: ZkOutcome;
  /** The watch events this server sends to the sessions connected to it. */
  deliveries: WatchDelivery[];
  /** What the txn changed in the tree (views, narration). */
  changes: TreeChange[];
}

export function newServerState(): ZkServerState {
  return { tree: newTree(), watches: newWatches() };
}

/** The zxid of the last txn this server applied (0 at start). */
export function lastApplied(s: ZkServerState): Zxid {
  return s.tree.lastZxid;
}

/** Apply a committed txn (in zxid order) and fire this server's watches. Mutates `s`. */
export function applyCommitted(s: ZkServerState, txn: ZkTxn, zxid: Zxid): CommitResult {
  const { outcome, changes } = applyTxn(s.tree, txn, zxid);
  return { outcome, deliveries: trigger(s.watches, changes, zxid), changes };
}

/**
 * A read served from this server's local state (it may lag the leader). A session that
 * is not open here — expired, closed, or unknown — gets SessionExpired (checkSession).
 * With `watch`, registers the watch as DataTree does: getData and getChildren only when
 * the node exists; exists always (a data watch that a create fires as NodeCreated).
 */
export function read(s: ZkServerState, session: SessionId, req: ZkReadRequest): ZkOutcome {
  if (!isSessionOpen(s.tree, session)) {
    const bad = readTree(s.tree, req);
    return !bad.ok && bad.error === 'BadArguments' ? bad : { ok: false, error: 'SessionExpired' };
  }
  const outcome = readTree(s.tree, req);
  if (req.watch) {
    if (req.op === 'exists' && (outcome.ok || outcome.error !== 'BadArguments')) addWatch(s.watches, 'data', req.path, session);
    else if (outcome.ok && req.op === 'getData') addWatch(s.watches, 'data', req.path, session);
    else if (outcome.ok && req.op === 'getChildren') addWatch(s.watches, 'child', req.path, session);
  }
  return outcome;
}

/** A reconnecting client's SetWatches on this server (see watches.ts setWatches). */
export function applySetWatches(s: ZkServerState, session: SessionId, sw: ZkSetWatches): WatchDelivery[] {
  return setWatches(s.tree, s.watches, session, sw);
}

/** The client's connection to this server closed (it moved away, or the server reset it): its watches here go. */
export function disconnect(s: ZkServerState, session: SessionId): void {
  dropSession(s.watches, session);
}

/** A deep copy (keyframes). */
export function cloneServer(s: ZkServerState): ZkServerState {
  return { tree: cloneTree(s.tree), watches: cloneWatches(s.watches) };
}

export interface ZkServerSnap {
  tree: ZkTreeSnap;
  watches: WatchSnap;
}

/** Plain data (JSON- and structuredClone-safe). */
export function snapshot(s: ZkServerState): ZkServerSnap {
  return { tree: snapshotTree(s.tree), watches: snapshotWatches(s.watches) };
}

export function restore(snap: ZkServerSnap): ZkServerState {
  return { tree: restoreTree(snap.tree), watches: restoreWatches(snap.watches) };
}
