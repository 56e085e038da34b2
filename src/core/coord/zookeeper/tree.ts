/**
 * ZooKeeper's DataTree as a pure, deterministic state machine: znodes with data and stat,
 * the session table and the ephemerals by session. Every server applies the same
 * committed transactions in zxid order through `applyTxn`, and so holds the same tree.
 *
 * Faithful to ZooKeeper 3.8 (PrepRequestProcessor, DataTree, DataNode, PathUtils):
 *
 * - Errors, in the order a Java client sees them. create: BadArguments (the client's
 *   PathUtils.validatePath(path, sequential)), SessionExpired (the server's checkSession),
 *   NoNode (parent), NoAuth (under /zookeeper/config), NodeExists (after the sequential
 *   suffix is added), then NoChildrenForEphemerals. delete: BadArguments (path), SessionExpired, BadArguments
 *   (a special path: "/", "/zookeeper", "/zookeeper/quota", "/zookeeper/config"), NoNode,
 *   BadVersion, then NotEmpty. setData: BadArguments, SessionExpired, NoNode, NoAuth,
 *   BadVersion. Version −1 matches any version. The only ACL that refuses anything is
 *   /zookeeper/config's (READ only): setData on it, or a create under it, is NoAuth (the
 *   ACL check sits after the node / parent lookup, before NodeExists and BadVersion).
 * - cversion. ZooKeeper keeps in StatPersisted.cversion the number of children ever
 *   CREATED under a node (a create sets it to the old value + 1; a delete leaves it), and
 *   a sequential name's suffix is that count before the create. What a client sees in a
 *   Stat is DataNode.copyStat's `2 × creations − numChildren`, i.e. creations plus
 *   deletions (every child still present was created and not yet deleted). So after
 *   creating x0 and x1 and deleting x0, the parent shows cversion 3 and the next
 *   sequential child is …0000000002 (checked against ZooKeeper 3.8.0). The root starts
 *   with one child it never "created" (/zookeeper), so a fresh root shows cversion −1,
 *   and /zookeeper shows −2 — as the real server does.
 * - pzxid: the zxid of the last create or delete of a child. ctime/mtime: the txn's time.
 * - A closeSession deletes every ephemeral of the session in the same txn, in path order
 *   (ZooKeeper iterates a HashSet; sorted is our deterministic choice), each deletion a
 *   change that fires watches.
 *
 * Pure: no clocks, no randomness, no I/O.
 */
import type { SessionId, SessionState, Stat, ZkError, ZkOutcome, ZkResult, ZkReadRequest, ZkTxn, Zxid } from './types';
import { CONFIG_PATH, QUOTA_PATH, ROOT, ZOOKEEPER_PATH, isSpecialPath, nameOf, parentOf, pathProblem, sequentialPath } from './paths';

/** One znode: its data, its persisted stat, its children's names. */
export interface ZNode {
  data: string;
  czxid: Zxid;
  mzxid: Zxid;
  pzxid: Zxid;
  ctime: number;
  mtime: number;
  version: number;
  aversion: number;
  /** StatPersisted.cversion: children ever created under this node (the sequential counter). Not what a Stat shows — see statOf. */
  creations: number;
  ephemeralOwner: SessionId;
  children: Set<string>;
}

/** A session as the replicated tree knows it (ZKDatabase.sessionsWithTimeouts + the state it ended in). */
export interface SessionEntry {
  id: SessionId;
  timeoutMs: number;
  state: SessionState;
  /** zxid of its createSession, and of its closeSession once ended (0 while open). */
  createdZxid: Zxid;
  endedZxid: Zxid;
  /** The paths of its ephemeral nodes. */
  ephemerals: Set<string>;
}

export interface ZkTree {
  /** Path → znode, "/" included. */
  nodes: Map<string, ZNode>;
  sessions: Map<SessionId, SessionEntry>;
  /** The zxid of the last applied txn (DataTree.lastProcessedZxid); 0 at start. */
  lastZxid: Zxid;
}

/** What one txn changed, in the order it changed it; the watch manager fires from these. */
export type TreeChange =
  | { kind: 'created'; path: string; parent: string }
  | { kind: 'deleted'; path: string; parent: string }
  | { kind: 'dataChanged'; path: string }
  | { kind: 'sessionCreated'; session: SessionId }
  | { kind: 'sessionClosed'; session: SessionId; reason: 'close' | 'expire' };

export interface ApplyResult {
  outcome: ZkOutcome;
  changes: TreeChange[];
}

// ---- construction --------------------------------------------------------------------

function newNode(data: string, zxid: Zxid, timeMs: number, owner: SessionId): ZNode {
  return { data, czxid: zxid, mzxid: zxid, pzxid: zxid, ctime: timeMs, mtime: timeMs, version: 0, aversion: 0, creations: 0, ephemeralOwner: owner, children: new Set() };
}

/**
 * A fresh tree as ZooKeeper 3.8's DataTree constructor makes it: "/" with child
 * "zookeeper", "/zookeeper" with "quota" and "config" (added without counting as
 * creations), all stats zero, empty data; "/zookeeper/config" has aversion −1 (its ACL
 * is set with version −1). In a quorum the real server also writes the ensemble's
 * configuration into /zookeeper/config; the model leaves it empty.
 */
export function newTree(): ZkTree {
  const nodes = new Map<string, ZNode>();
  const root = newNode('', 0, 0, 0);
  const zk = newNode('', 0, 0, 0);
  const quota = newNode('', 0, 0, 0);
  const config = newNode('', 0, 0, 0);
  config.aversion = -1;
  root.children.add(nameOf(ZOOKEEPER_PATH));
  zk.children.add(nameOf(QUOTA_PATH));
  zk.children.add(nameOf(CONFIG_PATH));
  nodes.set(ROOT, root);
  nodes.set(ZOOKEEPER_PATH, zk);
  nodes.set(QUOTA_PATH, quota);
  nodes.set(CONFIG_PATH, config);
  return { nodes, sessions: new Map(), lastZxid: 0 };
}

/** A deep copy (keyframes): O(nodes + children), no shared mutable state with the original. */
export function cloneTree(t: ZkTree): ZkTree {
  const nodes = new Map<string, ZNode>();
  for (const [p, n] of t.nodes) nodes.set(p, { ...n, children: new Set(n.children) });
  const sessions = new Map<SessionId, SessionEntry>();
  for (const [id, s] of t.sessions) sessions.set(id, { ...s, ephemerals: new Set(s.ephemerals) });
  return { nodes, sessions, lastZxid: t.lastZxid };
}

// ---- reading -------------------------------------------------------------------------

/** UTF-8 byte length (the data ZooKeeper stores is bytes; the model's is a string). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The Stat a client receives for `node` (DataNode.copyStat). */
export function statOf(node: ZNode): Stat {
  const numChildren = node.children.size;
  return {
    czxid: node.czxid,
    mzxid: node.mzxid,
    pzxid: node.pzxid,
    ctime: node.ctime,
    mtime: node.mtime,
    version: node.version,
    cversion: node.creations * 2 - numChildren,
    aversion: node.aversion,
    ephemeralOwner: node.ephemeralOwner,
    dataLength: utf8Length(node.data),
    numChildren,
  };
}

export function getNode(t: ZkTree, path: string): ZNode | undefined {
  return t.nodes.get(path);
}

/** Children names sorted (Java's String order, i.e. UTF-16 code units — JS's default sort). */
export function childrenOf(node: ZNode): string[] {
  return [...node.children].sort();
}

/** The ephemeral paths a session owns, sorted. */
export function ephemeralsOf(t: ZkTree, session: SessionId): string[] {
  const s = t.sessions.get(session);
  return s ? [...s.ephemerals].sort() : [];
}

export function sessionState(t: ZkTree, session: SessionId): SessionState | undefined {
  return t.sessions.get(session)?.state;
}

export function isSessionOpen(t: ZkTree, session: SessionId): boolean {
  return t.sessions.get(session)?.state === 'open';
}

const fail = (error: ZkError): ZkOutcome => ({ ok: false, error });
const ok = (result: ZkResult): ZkOutcome => ({ ok: true, result });

/**
 * A read against this tree (no session check, no watch: server.ts adds both).
 * getData / getChildren on a missing node: NoNode; exists on one: ok with null.
 * A malformed path: BadArguments (the Java client's PathUtils check).
 */
export function readTree(t: ZkTree, req: ZkReadRequest): ZkOutcome {
  if (pathProblem(req.path) !== null) return fail('BadArguments');
  const node = t.nodes.get(req.path);
  switch (req.op) {
    case 'exists':
      return ok(node ? statOf(node) : null);
    case 'getData':
      return node ? ok({ data: node.data, stat: statOf(node) }) : fail('NoNode');
    case 'getChildren':
      return node ? ok(childrenOf(node)) : fail('NoNode');
  }
}

// ---- applying ------------------------------------------------------------------------

/** PrepRequestProcessor.checkAndIncVersion: −1 matches any; the next version skips −1 (ZOOKEEPER-4743) and wraps like a Java int. */
function nextVersion(current: number, expected: number): number | null {
  if (expected !== -1 && expected !== current) return null;
  const next = (current + 1) | 0;
  return next === -1 ? 0 : next;
}

function deleteNodeAt(t: ZkTree, path: string, zxid: Zxid, changes: TreeChange[]): void {
  const node = t.nodes.get(path);
  if (!node) return;
  const parentPath = parentOf(path);
  const parent = t.nodes.get(parentPath);
  if (parent) {
    parent.children.delete(nameOf(path));
    // A delete moves pzxid only (DataTree.deleteNode); the creations count stays.
    if (zxid > parent.pzxid) parent.pzxid = zxid;
  }
  t.nodes.delete(path);
  if (node.ephemeralOwner !== 0) t.sessions.get(node.ephemeralOwner)?.ephemerals.delete(path);
  changes.push({ kind: 'deleted', path, parent: parentPath });
}

function applyCreate(t: ZkTree, txn: Extract<ZkTxn, { type: 'create' }>, zxid: Zxid, changes: TreeChange[]): ZkOutcome {
  if (pathProblem(txn.path, txn.sequential) !== null) return fail('BadArguments');
  if (!isSessionOpen(t, txn.session)) return fail('SessionExpired');
  if (txn.path === ROOT && !txn.sequential) return fail('NodeExists');
  // validatePathForCreate: the parent is everything before the last "/" ("/" for "/x" or "/").
  const parentPath = parentOf(txn.path);
  const parent = t.nodes.get(parentPath);
  if (!parent) return fail('NoNode');
  if (parentPath === CONFIG_PATH) return fail('NoAuth');
  const path = txn.sequential ? sequentialPath(txn.path, parent.creations) : txn.path;
  if (pathProblem(path) !== null) return fail('BadArguments');
  if (t.nodes.has(path)) return fail('NodeExists');
  if (parent.ephemeralOwner !== 0) return fail('NoChildrenForEphemerals');
  const owner = txn.ephemeral ? txn.session : 0;
  t.nodes.set(path, newNode(txn.data, zxid, txn.timeMs, owner));
  parent.children.add(nameOf(path));
  parent.creations += 1;
  parent.pzxid = zxid;
  if (owner !== 0) t.sessions.get(owner)?.ephemerals.add(path);
  changes.push({ kind: 'created', path, parent: parentPath });
  return ok(path);
}

function applyDelete(t: ZkTree, txn: Extract<ZkTxn, { type: 'delete' }>, zxid: Zxid, changes: TreeChange[]): ZkOutcome {
  if (pathProblem(txn.path) !== null) return fail('BadArguments');
  if (!isSessionOpen(t, txn.session)) return fail('SessionExpired');
  if (isSpecialPath(txn.path)) return fail('BadArguments');
  const node = t.nodes.get(txn.path);
  if (!node) return fail('NoNode');
  if (nextVersion(node.version, txn.version) === null) return fail('BadVersion');
  if (node.children.size > 0) return fail('NotEmpty');
  deleteNodeAt(t, txn.path, zxid, changes);
  return ok(null);
}

function applySetData(t: ZkTree, txn: Extract<ZkTxn, { type: 'setData' }>, zxid: Zxid, changes: TreeChange[]): ZkOutcome {
  if (pathProblem(txn.path) !== null) return fail('BadArguments');
  if (!isSessionOpen(t, txn.session)) return fail('SessionExpired');
  const node = t.nodes.get(txn.path);
  if (!node) return fail('NoNode');
  if (txn.path === CONFIG_PATH) return fail('NoAuth');
  const v = nextVersion(node.version, txn.version);
  if (v === null) return fail('BadVersion');
  node.data = txn.data;
  node.version = v;
  node.mzxid = zxid;
  node.mtime = txn.timeMs;
  changes.push({ kind: 'dataChanged', path: txn.path });
  return ok(statOf(node));
}

function applyCreateSession(t: ZkTree, txn: Extract<ZkTxn, { type: 'createSession' }>, zxid: Zxid, changes: TreeChange[]): ZkOutcome {
  const known = t.sessions.get(txn.session);
  if (known) {
    // Ids are unique; a repeated createSession changes nothing.
    return known.state === 'open' ? ok({ session: known.id, negotiatedTimeoutMs: known.timeoutMs }) : fail('SessionExpired');
  }
  t.sessions.set(txn.session, { id: txn.session, timeoutMs: txn.timeoutMs, state: 'open', createdZxid: zxid, endedZxid: 0, ephemerals: new Set() });
  changes.push({ kind: 'sessionCreated', session: txn.session });
  return ok({ session: txn.session, negotiatedTimeoutMs: txn.timeoutMs });
}

function applyCloseSession(t: ZkTree, txn: Extract<ZkTxn, { type: 'closeSession' }>, zxid: Zxid, changes: TreeChange[]): ZkOutcome {
  const s = t.sessions.get(txn.session);
  // Closing a session that is not open (already expired or closed, or unknown) changes nothing.
  if (!s || s.state !== 'open') return fail('SessionExpired');
  for (const path of [...s.ephemerals].sort()) deleteNodeAt(t, path, zxid, changes);
  s.ephemerals.clear();
  s.state = txn.reason === 'close' ? 'closed' : 'expired';
  s.endedZxid = zxid;
  changes.push({ kind: 'sessionClosed', session: txn.session, reason: txn.reason });
  return ok(null);
}

/**
 * Apply one committed transaction at `zxid` — the same function on every server, so the
 * same outcome (error included) and the same tree everywhere. A failed txn changes
 * nothing but lastZxid (ZooKeeper logs it as an error txn, which takes a zxid too).
 * Mutates `t`.
 */
export function applyTxn(t: ZkTree, txn: ZkTxn, zxid: Zxid): ApplyResult {
  const changes: TreeChange[] = [];
  let outcome: ZkOutcome;
  switch (txn.type) {
    case 'create':
      outcome = applyCreate(t, txn, zxid, changes);
      break;
    case 'delete':
      outcome = applyDelete(t, txn, zxid, changes);
      break;
    case 'setData':
      outcome = applySetData(t, txn, zxid, changes);
      break;
    case 'createSession':
      outcome = applyCreateSession(t, txn, zxid, changes);
      break;
    case 'closeSession':
      outcome = applyCloseSession(t, txn, zxid, changes);
      break;
  }
  if (zxid > t.lastZxid) t.lastZxid = zxid;
  return { outcome, changes };
}

/** All znode paths, sorted (UI and checkers). */
export function allPaths(t: ZkTree): string[] {
  return [...t.nodes.keys()].sort();
}

// ---- snapshots (plain data: JSON- and structuredClone-safe) ---------------------------

export interface ZkTreeSnap {
  nodes: [string, Omit<ZNode, 'children'> & { children: string[] }][];
  sessions: (Omit<SessionEntry, 'ephemerals'> & { ephemerals: string[] })[];
  lastZxid: Zxid;
}

export function snapshotTree(t: ZkTree): ZkTreeSnap {
  return {
    nodes: [...t.nodes].map(([p, n]) => [p, { ...n, children: [...n.children] }]),
    sessions: [...t.sessions.values()].map((s) => ({ ...s, ephemerals: [...s.ephemerals] })),
    lastZxid: t.lastZxid,
  };
}

export function restoreTree(snap: ZkTreeSnap): ZkTree {
  const nodes = new Map<string, ZNode>();
  for (const [p, n] of snap.nodes) nodes.set(p, { ...n, children: new Set(n.children) });
  const sessions = new Map<SessionId, SessionEntry>();
  for (const s of snap.sessions) sessions.set(s.id, { ...s, ephemerals: new Set(s.ephemerals) });
  return { nodes, sessions, lastZxid: snap.lastZxid };
}
