/**
 * ZooKeeper's consistency guarantees over a client history (ZkOpRecord[]), checked with the
 * generic search in ../linearizability.ts against the sequential model in tree.ts.
 *
 * What ZooKeeper promises, and so what is checked:
 * - Writes are linearizable: create, delete, setData, close (closeSession), and the leader's
 *   expiry of a session (a closeSession txn the client never asked for). Each takes effect
 *   at one point between its invoke and its complete, in one order for everyone.
 * - `sync` goes through the leader too: it is a no-op linearized among the writes.
 * - Reads (getData, exists, getChildren) are served by the connected server from its local
 *   copy, so they may be stale, but sequentially consistent: a read reflects some prefix of
 *   the write order that holds every op its own session completed before it was invoked
 *   (its own writes, what its earlier reads saw — no going back in time — and, through a
 *   completed sync, every write that completed before that sync was invoked), and holds no
 *   write invoked after the read completed. These are the generic checker's `relaxed` ops,
 *   with program order per (client, session): a Java client that lost its session builds a
 *   new handle whose lastZxidSeen starts at 0 again, so a new session may legitimately see
 *   less than the old one did.
 * - A read that is sequentially consistent but would not be linearizable (against the write
 *   order found) is a *stale read*: reported as data for the UI, not a violation.
 *
 * Which records take part, and how:
 * - connect is not modelled: createSession makes a session id exist and nothing else a read
 *   can see (a session id only shows as an ephemeralOwner, after its own client's creates),
 *   so every session in the history starts open. pause is client-side.
 * - lock / unlock are the client-side recipe; their creates, deletes and getChildren are not
 *   recorded, so the model cannot see them. The lock checker covers the recipe; here every op
 *   on a lock path, below one or above one is left out, and so is a sequential create under
 *   an ancestor of one (the recipe may have created the lock path, which moves the suffix);
 *   the lock paths and their ancestors start as existing persistent nodes. The plain ops
 *   around a lock are checked only where the recipe cannot have changed what they see.
 * - An op that never completed, or failed with ConnectionLoss, may or may not have taken
 *   effect: a write becomes a pending op (complete = +∞, any result); a read or sync is
 *   dropped (it changed nothing and was seen by no one).
 * - An op on session 0 (it never had a session) is dropped.
 * - SessionExpired answers are checked: the session must be closed or expired at that point
 *   — except an op invoked after its handle's own close: the Java client fails it locally
 *   (the handle is CLOSED whether or not the closeSession got through), so it is dropped.
 * - Expiries: `opts.expiries`, when given, is the complete list (the leader's expire txns);
 *   otherwise any session may have expired, after its last successful op was invoked and
 *   before its first SessionExpired answer completed (if any). Each is a write that may take
 *   effect anywhere after `after`, and must by `before` when known (else it is pending). An
 *   expiry shows only through the session's ephemerals and SessionExpired answers, so it is
 *   checked only in the partitions that hold those.
 * - Results are compared on the outcome (error code), created path (sequential suffix
 *   included), data, children, and the Stat's version, cversion, aversion, numChildren,
 *   ephemeralOwner and dataLength. The zxids and times in a Stat are not: the model does not
 *   know which zxid a write got (the order is what is being searched for).
 *
 * Partitions: by the top-level path component ("/lock/…" and "/config" are independent).
 * An op on "/" itself, or a sequential create directly under "/" (whose suffix counts every
 * top-level create), ties all partitions together: then the history is checked as one.
 * A sync, which orders everything its session reads afterwards, is copied into every
 * partition. A close or expiry is copied into every partition its session has an op in (its
 * ephemerals are deleted there; its later ops there must fail SessionExpired). What that
 * costs in strictness: each copy is linearized on its own, so a close (or sync) may sit at
 * different points relative to the writes of different partitions — a history in which no
 * single point of the close fits all partitions at once is accepted. Likewise a session's
 * reads in two partitions are each sequentially consistent, but not checked to be
 * consistent with one prefix together.
 *
 * Pure and deterministic.
 */
import type { LinModel, LinOp, LinResult } from '../linearizability';
import { checkLinearizable } from '../linearizability';
import { parentOf, ROOT } from './paths';
import { read } from './server';
import { murmur3 } from '../../hashring/hash';
import { applyTxn, getNode, newTree, type SessionEntry, type ZkTree, type ZNode } from './tree';
import type { SessionId, Stat, ZkOpRecord, ZkOutcome, ZkReadRequest, ZkResult, ZkTxn } from './types';
import { sessionHex } from './types';
import { newWatches } from './watches';

export interface ZkCheckOptions {
  /** Model steps allowed in all (default: the generic checker's DEFAULT_BUDGET). */
  budget?: number;
  /**
   * Session expiries the servers decided (the leader's closeSession txns with reason
   * 'expire'), with what is known of when: `after` the earliest time it can have taken
   * effect, `before` the time by which it had (null/absent: unknown). Given, it is the
   * complete list; absent, any session may have expired.
   */
  expiries?: { session: SessionId; after?: number; before?: number | null }[];
  /** Also give each partition's own order (`ZkCheckResult.partitions`), for the history view. */
  withPartitions?: boolean;
}

/** One partition's order as the check found it (record indices, checked records only). */
export interface ZkPartitionOrder {
  /** "/" (the whole tree) or "/" + the top-level component (as `ZkViolation.partition` names it). */
  name: string;
  /** true: `order` is the partition's linearization; false / 'unknown': the longest valid prefix found. */
  ok: boolean | 'unknown';
  order: number[];
}

/** A read that saw an older state than linearizability allows, but one ZooKeeper allows (UI data, not a violation). */
export interface ZkStaleRead {
  /** Index of the read in `records`. */
  op: number;
  client: number;
  path: string;
  /** Indices of writes that completed before the read was invoked and that it did not see. */
  missed: number[];
}

export interface ZkViolation {
  /** The partition (top-level path component, or "/" for the whole tree) that has no valid order. */
  partition: string;
  /** The longest valid prefix found there (record indices). */
  partial: number[];
  /** Record indices that could not come next (their results contradict every order). */
  culprits: number[];
  detail: string;
}

export interface ZkCheckResult {
  /** true: consistent; false: a violation; 'unknown': the step budget ran out. */
  ok: boolean | 'unknown';
  staleReads: ZkStaleRead[];
  violation?: ZkViolation;
  /** The order found (record indices, checked records only), for the history view. */
  order: number[];
  /** Model steps spent. */
  steps: number;
  /** How many records took part in the check (after the rules above). */
  checked: number;
  /**
   * With `withPartitions`: each partition checked, in the order they were checked (up to the
   * first that failed or ran out, whose `order` is its longest valid prefix). A sync, close or
   * expiry copied into several partitions appears in each.
   */
  partitions?: ZkPartitionOrder[];
}

// ---- the model -----------------------------------------------------------------------

/** What one op does to the model. */
export type ZkLinInput =
  | { kind: 'write'; txn: Extract<ZkTxn, { type: 'create' | 'delete' | 'setData' }> }
  | { kind: 'read'; session: SessionId; req: ZkReadRequest }
  | { kind: 'sync' }
  /** A session's end: the client's close or the leader's expiry. */
  | { kind: 'end'; session: SessionId; reason: 'close' | 'expire' };

/** A checked op: its record's index (or, for an expiry, records.length + k), what it does, its outcome. */
export type ZkLinOp = LinOp<ZkLinInput, ZkOutcome>;

const NO_WATCHES = newWatches();

const STAT_FIELDS = ['version', 'cversion', 'aversion', 'numChildren', 'dataLength'] as const;

function asNumber(x: unknown): number | null {
  if (typeof x === 'number') return x;
  if (typeof x === 'string' && /^0x[0-9a-f]+$/i.test(x)) return parseInt(x, 16);
  return null;
}

/** Does a recorded Stat (numbers, or the CLI's `0x…` strings) agree with the model's on what the model knows? */
function sameStat(recorded: unknown, model: Stat): boolean {
  if (typeof recorded !== 'object' || recorded === null) return false;
  const r = recorded as Record<string, unknown>;
  for (const f of STAT_FIELDS) if (f in r && r[f] !== model[f]) return false;
  if ('ephemeralOwner' in r && asNumber(r.ephemeralOwner) !== model.ephemeralOwner) return false;
  return true;
}

function sameOutcome(recorded: ZkOutcome, model: ZkOutcome, input: ZkLinInput): boolean {
  if (!recorded.ok || !model.ok) return !recorded.ok && !model.ok && recorded.error === model.error;
  const got = recorded.result;
  const want = model.result;
  if (input.kind === 'write') {
    if (input.txn.type === 'create') return got === want;
    if (input.txn.type === 'setData') return sameStat(got, want as Stat);
    return true; // delete: nothing but "ok"
  }
  if (input.kind !== 'read') return true;
  switch (input.req.op) {
    case 'exists':
      return want === null ? got === null : got !== null && sameStat(got, want as Stat);
    case 'getData': {
      const g = got as { data?: unknown; stat?: unknown } | null;
      const w = want as { data: string; stat: Stat };
      return g !== null && typeof g === 'object' && g.data === w.data && sameStat(g.stat, w.stat);
    }
    case 'getChildren': {
      const w = want as string[];
      return Array.isArray(got) && got.length === w.length && got.every((c, i) => c === w[i]);
    }
  }
}

/**
 * The model's state: a tree, shared copy-on-write with the states it came from (a step
 * copies the node and session maps shallowly and only the znodes and session entries the
 * txn changes), and a hash of it kept up to date incrementally (XOR of every znode's and every
 * ended session's hash), so the search neither deep-copies nor serializes a tree per step.
 */
export interface LinTree {
  tree: ZkTree;
  hash: number;
}

/** What the memo compares: a znode's path, data, version, creations count and owner (not its zxids and times, which the model does not know). */
function nodeHash(path: string, n: ZNode | undefined): number {
  return n === undefined ? 0 : murmur3(`${path}\u0000${n.data}\u0000${n.version}\u0000${n.creations}\u0000${n.ephemeralOwner}`);
}

function sessionHash(s: SessionEntry | undefined): number {
  return s === undefined || s.state === 'open' ? 0 : murmur3(`${s.id}:${s.state}`);
}

export function linTree(tree: ZkTree): LinTree {
  let hash = 0;
  for (const [p, n] of tree.nodes) hash ^= nodeHash(p, n);
  for (const s of tree.sessions.values()) hash ^= sessionHash(s);
  return { tree, hash: hash >>> 0 };
}

/** The exact memo key: every znode as nodeHash reads it, in path order, and the sessions that ended. */
function treeKey(t: ZkTree): string {
  const paths = [...t.nodes.keys()].sort();
  const parts: string[] = [];
  for (const p of paths) {
    const n = t.nodes.get(p);
    if (n) parts.push(`${p}\u0000${n.data}\u0000${n.version}\u0000${n.creations}\u0000${n.ephemeralOwner}`);
  }
  const ended = [...t.sessions.values()].filter((s) => s.state !== 'open').map((s) => `${s.id}:${s.state}`);
  ended.sort();
  return parts.join('\u0001') + '\u0002' + ended.join(',');
}

/**
 * applyTxn on a copy-on-write copy of `from`: the znodes and session entries tree.ts's
 * applyTxn mutates for this txn are copied first (a create: the parent and the owner's
 * entry; a delete: the parent and the owner's entry; a setData: the node; a closeSession:
 * the session's entry and its ephemerals' parents). `from` is left as it was.
 */
export function applyCow(from: LinTree, txn: ZkTxn): { next: LinTree; outcome: ZkOutcome } {
  const old = from.tree;
  const nodes = new Map(old.nodes);
  // The session map is shared until an entry in it has to be copied (copySession).
  const tree: ZkTree = { nodes, sessions: old.sessions, lastZxid: old.lastZxid };
  switch (txn.type) {
    case 'create':
      copyNode(tree, old, parentOf(txn.path));
      if (txn.ephemeral) copySession(tree, old, txn.session);
      break;
    case 'delete':
      copyNode(tree, old, parentOf(txn.path));
      copySession(tree, old, old.nodes.get(txn.path)?.ephemeralOwner ?? 0);
      break;
    case 'setData':
      copyNode(tree, old, txn.path);
      break;
    case 'closeSession':
      copySession(tree, old, txn.session);
      for (const e of old.sessions.get(txn.session)?.ephemerals ?? []) copyNode(tree, old, parentOf(e));
      break;
    case 'createSession':
      break;
  }
  const { outcome, changes } = applyTxn(tree, txn, 0);
  let hash = from.hash;
  const touched: string[] = [];
  for (const ch of changes) {
    if (ch.kind === 'sessionClosed' || ch.kind === 'sessionCreated') hash ^= sessionHash(old.sessions.get(ch.session)) ^ sessionHash(tree.sessions.get(ch.session));
    else {
      if (!touched.includes(ch.path)) touched.push(ch.path);
      if (ch.kind !== 'dataChanged' && !touched.includes(ch.parent)) touched.push(ch.parent);
    }
  }
  for (const p of touched) hash ^= nodeHash(p, old.nodes.get(p)) ^ nodeHash(p, nodes.get(p));
  return { next: { tree, hash: hash >>> 0 }, outcome };
}

/** Copy-on-write: give `tree` its own copy of the znode at `p` if it still shares `old`'s. */
function copyNode(tree: ZkTree, old: ZkTree, p: string): void {
  const n = tree.nodes.get(p);
  if (n !== undefined && n === old.nodes.get(p)) tree.nodes.set(p, { ...n, children: new Set(n.children) });
}

function copySession(tree: ZkTree, old: ZkTree, id: SessionId): void {
  const e = tree.sessions.get(id);
  if (e === undefined || e !== old.sessions.get(id)) return;
  if (tree.sessions === old.sessions) tree.sessions = new Map(old.sessions);
  tree.sessions.set(id, { ...e, ephemerals: new Set(e.ephemerals) });
}

/** Exact equality on what the memo compares (see nodeHash), cheap when the trees share nodes. */
export function sameLinTree(a: LinTree, b: LinTree): boolean {
  if (a.tree === b.tree) return true;
  if (a.hash !== b.hash || a.tree.nodes.size !== b.tree.nodes.size || a.tree.sessions.size !== b.tree.sessions.size) return false;
  for (const [p, x] of a.tree.nodes) {
    const y = b.tree.nodes.get(p);
    if (y === x) continue;
    if (y === undefined || x.data !== y.data || x.version !== y.version || x.creations !== y.creations || x.ephemeralOwner !== y.ephemeralOwner) return false;
  }
  for (const [id, x] of a.tree.sessions) {
    const y = b.tree.sessions.get(id);
    if (y === undefined || (x.state === 'open') !== (y.state === 'open') || (x.state !== 'open' && x.state !== y.state)) return false;
  }
  return true;
}

function stepTree(t: LinTree, input: ZkLinInput, output: ZkOutcome | undefined): LinTree | null {
  switch (input.kind) {
    case 'sync':
      return t;
    case 'read': {
      if (output === undefined) return t;
      const got = read({ tree: t.tree, watches: NO_WATCHES }, input.session, input.req);
      return sameOutcome(output, got, input) ? t : null;
    }
    case 'end': {
      // close() never fails in the Java client, and an expiry is the leader's own: any
      // answer fits; the session ends here if it was still open.
      if (t.tree.sessions.get(input.session)?.state !== 'open') return t;
      return applyCow(t, { type: 'closeSession', session: input.session, reason: input.reason, cxid: 0, timeMs: 0 }).next;
    }
    case 'write': {
      const { next, outcome } = applyCow(t, input.txn);
      if (output !== undefined && !sameOutcome(output, outcome, input)) return null;
      return outcome.ok ? next : t;
    }
  }
}

// ---- from records to ops --------------------------------------------------------------

const str = (x: unknown, d: string): string => (typeof x === 'string' ? x : d);
const num = (x: unknown, d: number): number => (typeof x === 'number' ? x : d);
const bool = (x: unknown): boolean => x === true;

function outcomeOf(r: ZkOpRecord): ZkOutcome {
  return r.ok ? { ok: true, result: r.result as ZkResult } : { ok: false, error: r.error ?? 'ConnectionLoss' };
}

function inputOf(r: ZkOpRecord): ZkLinInput | null {
  const a = r.args;
  const path = str(a.path, '');
  const s = r.session;
  switch (r.op) {
    case 'create':
      return { kind: 'write', txn: { type: 'create', session: s, cxid: 0, timeMs: 0, path, data: str(a.data, ''), ephemeral: bool(a.ephemeral), sequential: bool(a.sequential) } };
    case 'delete':
      return { kind: 'write', txn: { type: 'delete', session: s, cxid: 0, timeMs: 0, path, version: num(a.version, -1) } };
    case 'setData':
      return { kind: 'write', txn: { type: 'setData', session: s, cxid: 0, timeMs: 0, path, data: str(a.data, ''), version: num(a.version, -1) } };
    case 'getData':
    case 'exists':
    case 'getChildren':
      return { kind: 'read', session: s, req: { op: r.op, path, watch: false } };
    case 'sync':
      return { kind: 'sync' };
    case 'close':
      return { kind: 'end', session: s, reason: 'close' };
    default:
      return null; // connect, lock, unlock, pause
  }
}

function pathOf(input: ZkLinInput): string | null {
  if (input.kind === 'write') return input.txn.path;
  if (input.kind === 'read') return input.req.path;
  return null;
}

const sequentialCreate = (input: ZkLinInput) => input.kind === 'write' && input.txn.type === 'create' && input.txn.sequential;

/** "/a/b" → "a"; "/" → "/" (ties everything); a malformed path → "!" + the path (checked on its own: BadArguments). */
function partitionOf(input: ZkLinInput): string {
  const p = pathOf(input) ?? ROOT;
  if (p === ROOT) return ROOT;
  if (!p.startsWith('/')) return '!' + p;
  if (sequentialCreate(input) && parentOf(p) === ROOT) return ROOT;
  const slash = p.indexOf('/', 1);
  return slash < 0 ? p.slice(1) : p.slice(1, slash);
}

const related = (a: string, b: string) => a === b || a.startsWith(b === ROOT ? b : b + '/') || b.startsWith(a === ROOT ? a : a + '/');

interface Prepared {
  ops: ZkLinOp[];
  /** Partition name of each op id (synced/ended ops: null, they follow their session). */
  part: Map<number, string | null>;
  lockPaths: string[];
  sessions: SessionId[];
  /** The partitions where a session's expiry shows (its ephemerals, its SessionExpired answers). */
  needs: Map<SessionId, Set<string>>;
}

function prepare(records: readonly ZkOpRecord[], opts: ZkCheckOptions): Prepared {
  const lockPaths = [...new Set(records.filter((r) => r.op === 'lock' || r.op === 'unlock').map((r) => str(r.args.path, '')))].sort();
  const sessionClient = new Map<string, number>();
  const clientOf = (r: ZkOpRecord) => {
    const k = `${r.client}/${r.session}`;
    let c = sessionClient.get(k);
    if (c === undefined) sessionClient.set(k, (c = sessionClient.size));
    return c;
  };
  const ops: ZkLinOp[] = [];
  const part = new Map<number, string | null>();
  const firstSeen = new Map<SessionId, number>();
  /** `${client}/${session}` handles whose close was invoked (records are in invocation order). */
  const closing = new Set<string>();
  records.forEach((r, id) => {
    if (r.session === 0) return;
    const handle = `${r.client}/${r.session}`;
    if (r.op === 'close') {
      closing.add(handle);
      // A close the client answered itself (its handle was already CLOSED or expired) ended
      // nothing on the servers: the session lives until its own close or expiry (seed 2114).
      if (r.local === true) return;
    }
    // After close() the Java handle is CLOSED even when its closeSession never reached a
    // server: queuePacket fails what follows with SESSIONEXPIRED itself (conLossPacket),
    // sending nothing. Such an answer changed nothing and says nothing of the server's
    // session (still open until it times out), so it is left out.
    else if (!r.ok && r.error === 'SessionExpired' && closing.has(handle)) return;
    const input = inputOf(r);
    if (input === null) return;
    const pending = r.complete === null || (!r.ok && r.error === 'ConnectionLoss');
    if (pending && (input.kind === 'read' || input.kind === 'sync')) return;
    const path = pathOf(input);
    if (path !== null && lockPaths.some((l) => related(path, l) || (sequentialCreate(input) && related(parentOf(path), l)))) return;
    firstSeen.set(r.session, Math.min(firstSeen.get(r.session) ?? Infinity, r.invoke));
    ops.push({ id, client: clientOf(r), input, output: outcomeOf(r), invoke: r.invoke, complete: pending ? null : r.complete, relaxed: input.kind === 'read' });
    part.set(id, input.kind === 'sync' || input.kind === 'end' ? null : partitionOf(input));
  });
  const sessions = [...new Set(records.map((r) => r.session).filter((s) => s !== 0))].sort((a, b) => a - b);
  // An expiry can only show through the session's ephemerals or its SessionExpired answers:
  // the partitions holding those are the ones it is checked in (none: it is left out). An
  // inferred one comes after the session's last successful op was invoked and before its
  // first SessionExpired answer completed.
  const needs = new Map<SessionId, Set<string>>();
  const lastOk = new Map<SessionId, number>();
  const expiredBy = new Map<SessionId, number>();
  for (const op of ops) {
    const r = records[op.id];
    const name = part.get(op.id);
    const ephemeral = op.input.kind === 'write' && op.input.txn.type === 'create' && op.input.txn.ephemeral;
    const expired = !r.ok && r.error === 'SessionExpired';
    if ((ephemeral || expired) && name !== null && name !== undefined) needs.set(r.session, (needs.get(r.session) ?? new Set<string>()).add(name));
    if (expired && r.complete !== null) expiredBy.set(r.session, Math.min(expiredBy.get(r.session) ?? Infinity, r.complete));
    if (r.ok && op.complete !== null && op.input.kind !== 'end') lastOk.set(r.session, Math.max(lastOk.get(r.session) ?? -Infinity, r.invoke));
  }
  const inferred = () =>
    sessions.filter((s) => firstSeen.has(s)).map((session) => ({ session, after: Math.max(firstSeen.get(session) ?? 0, lastOk.get(session) ?? -Infinity), before: expiredBy.get(session) ?? null }));
  const expiries = (opts.expiries ?? inferred()).filter((e) => needs.has(e.session));
  expiries.forEach((e, k) => {
    const id = records.length + k;
    ops.push({ id, client: -1 - k, input: { kind: 'end', session: e.session, reason: 'expire' }, output: { ok: true, result: null }, invoke: e.after ?? firstSeen.get(e.session) ?? 0, complete: e.before ?? null });
    part.set(id, null);
  });
  return { ops, part, lockPaths, sessions, needs };
}

function initialTree(sessions: readonly SessionId[], lockPaths: readonly string[]): ZkTree {
  const t = newTree();
  for (const s of sessions) applyTxn(t, { type: 'createSession', session: s, timeoutMs: 0, cxid: 0, timeMs: 0 }, 0);
  // The lock paths and their ancestors exist (the recipe may have made them; the ops that could tell are left out).
  for (const l of lockPaths) {
    if (!l.startsWith('/') || l === ROOT) continue;
    const segs = l.split('/').slice(1);
    for (let i = 1; i <= segs.length; i++) {
      const p = '/' + segs.slice(0, i).join('/');
      if (getNode(t, p) === undefined) applyTxn(t, { type: 'create', session: sessions[0] ?? 0, cxid: 0, timeMs: 0, path: p, data: '', ephemeral: false, sequential: false }, 0);
    }
  }
  return t;
}

function splitPartitions(p: Prepared): { names: string[]; histories: ZkLinOp[][] } {
  const named = [...new Set([...p.part.values()].filter((x): x is string => x !== null))].sort();
  if (named.includes(ROOT) || named.length <= 1) return { names: [named.length === 0 ? ROOT : named.length === 1 ? named[0] : ROOT], histories: [p.ops.slice()] };
  const idx = new Map(named.map((n, i) => [n, i]));
  const histories: ZkLinOp[][] = named.map(() => []);
  // The partitions each session has an op in.
  const sessionParts = new Map<SessionId, Set<number>>();
  const sessionOf = (op: ZkLinOp): SessionId | null => (op.input.kind === 'write' ? op.input.txn.session : op.input.kind === 'read' || op.input.kind === 'end' ? op.input.session : null);
  for (const op of p.ops) {
    const name = p.part.get(op.id);
    const s = sessionOf(op);
    if (name === null || name === undefined || s === null) continue;
    const set = sessionParts.get(s) ?? new Set<number>();
    set.add(idx.get(name) ?? 0);
    sessionParts.set(s, set);
  }
  for (const op of p.ops) {
    const name = p.part.get(op.id);
    if (name !== null && name !== undefined) histories[idx.get(name) ?? 0].push(op);
    else if (op.input.kind === 'sync') for (const h of histories) h.push(op);
    else if (op.input.kind === 'end' && op.input.reason === 'expire') for (const name of p.needs.get(op.input.session) ?? []) histories[idx.get(name) ?? 0].push(op);
    else if (op.input.kind === 'end') for (const i of sessionParts.get(op.input.session) ?? []) histories[i].push(op);
  }
  return { names: named, histories };
}

// ---- stale reads ---------------------------------------------------------------------

const endOf = (op: ZkLinOp) => (op.complete === null ? Infinity : op.complete);

/**
 * The reads of one partition's order that linearizability would refuse: placed before some
 * write that completed before they were invoked, and whose result fits no point of the
 * write order between the last write completed before the read's invoke and the first
 * write invoked after its complete.
 */
function staleReadsOf(model: LinModel<LinTree, ZkLinInput, ZkOutcome>, history: readonly ZkLinOp[], order: readonly number[], nRecords: number): ZkStaleRead[] {
  const byId = new Map(history.map((op) => [op.id, op]));
  const writes: ZkLinOp[] = [];
  const reads: { op: ZkLinOp; at: number }[] = [];
  for (const id of order) {
    const op = byId.get(id);
    if (op === undefined) continue;
    if (op.relaxed === true) reads.push({ op, at: writes.length });
    else writes.push(op);
  }
  const m = writes.length;
  // Writes sorted by complete, with the running max of their order index; by invoke, with the running min from the end.
  const byEnd = writes.map((w, i) => ({ t: endOf(w), i })).sort((a, b) => a.t - b.t);
  const maxIdx: number[] = [];
  byEnd.forEach((e, k) => maxIdx.push(Math.max(e.i, k > 0 ? maxIdx[k - 1] : -1)));
  const byInvoke = writes.map((w, i) => ({ t: w.invoke, i })).sort((a, b) => a.t - b.t);
  const minIdx = new Array<number>(m);
  for (let k = m - 1; k >= 0; k--) minIdx[k] = Math.min(byInvoke[k].i, k + 1 < m ? minIdx[k + 1] : m);
  const candidates: { op: ZkLinOp; at: number; lo: number; hi: number }[] = [];
  for (const { op, at } of reads) {
    // lo: one past the last write (in order) that completed before the read's invoke.
    let a = 0;
    let b = m;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (byEnd[mid].t < op.invoke) a = mid + 1;
      else b = mid;
    }
    const lo = a > 0 ? maxIdx[a - 1] + 1 : 0;
    if (at >= lo) continue;
    // hi: the first write (in order) invoked after the read completed.
    a = 0;
    b = m;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (byInvoke[mid].t <= endOf(op)) a = mid + 1;
      else b = mid;
    }
    const hi = a < m ? minIdx[a] : m;
    candidates.push({ op, at, lo, hi });
  }
  if (candidates.length === 0) return [];
  // Replay the write order once (states share structure, so keeping them is cheap); a write
  // that changed nothing returns its state unchanged (stepTree), so `changed` is identity.
  const states: LinTree[] = [model.init()];
  for (let k = 0; k < m; k++) states.push(model.step(states[k], writes[k].input, writes[k].complete === null ? undefined : writes[k].output) ?? states[k]);
  const out: ZkStaleRead[] = [];
  for (const c of candidates) {
    let fits = false;
    for (let k = c.lo; k <= c.hi && !fits; k++) fits = model.step(states[k], c.op.input, c.op.output) !== null;
    if (fits) continue;
    const missed: number[] = [];
    for (let k = c.at; k < c.lo; k++) if (states[k + 1] !== states[k] && endOf(writes[k]) < c.op.invoke && writes[k].id < nRecords) missed.push(writes[k].id);
    const path = c.op.input.kind === 'read' ? c.op.input.req.path : '';
    out.push({ op: c.op.id, client: 0, path, missed });
  }
  return out;
}

// ---- the check -----------------------------------------------------------------------

function describe(records: readonly ZkOpRecord[], i: number): string {
  const r = records[i];
  if (r === undefined) return `a session expiry (#${i})`;
  const what = r.ok ? JSON.stringify(r.result) : (r.error ?? 'no answer');
  return `#${i} client ${r.client} ${r.op}${typeof r.args.path === 'string' ? ' ' + r.args.path : ''} → ${what} (session ${sessionHex(r.session)}, ${r.invoke}–${r.complete ?? '∞'} ms)`;
}

/** Checks a client history against ZooKeeper's guarantees (see the file comment). */
export function checkZkHistory(records: readonly ZkOpRecord[], opts: ZkCheckOptions = {}): ZkCheckResult {
  const prepared = prepare(records, opts);
  const { names, histories } = splitPartitions(prepared);
  const init = linTree(initialTree(prepared.sessions, prepared.lockPaths));
  const keys = new WeakMap<LinTree, string>();
  const model: LinModel<LinTree, ZkLinInput, ZkOutcome> = {
    init: () => init,
    step: stepTree,
    key: (t) => {
      let k = keys.get(t);
      if (k === undefined) keys.set(t, (k = treeKey(t.tree)));
      return k;
    },
    hash: (t) => t.hash,
    equals: sameLinTree,
    partition: () => histories,
  };
  const res = checkLinearizable(model, prepared.ops, { budget: opts.budget });
  const n = records.length;
  const real = (ids: readonly number[]) => ids.filter((id) => id < n);
  const unique = (ids: readonly number[]) => [...new Set(real(ids))];
  const checked = new Set(real(prepared.ops.map((o) => o.id))).size;
  const shownName = (name: string) => (name === ROOT ? ROOT : name.startsWith('!') ? name.slice(1) : '/' + name);
  const partitions = (): { partitions?: ZkPartitionOrder[] } =>
    opts.withPartitions === true
      ? { partitions: res.partitions.map((r, p) => ({ name: shownName(names[p]), ok: r.ok, order: real(r.ok === true ? r.order : r.partial) })) }
      : {};
  if (res.ok === true) {
    const staleReads: ZkStaleRead[] = [];
    res.histories.forEach((h, p) => {
      const r: LinResult = res.partitions[p];
      if (r.ok === true) staleReads.push(...staleReadsOf(model, h, r.order, n));
    });
    for (const s of staleReads) s.client = records[s.op].client;
    staleReads.sort((a, b) => a.op - b.op);
    return { ok: true, staleReads, order: unique(res.order), steps: res.steps, checked, ...partitions() };
  }
  const failed = res.partitions.length - 1;
  const partition = shownName(names[failed]);
  if (res.ok === 'unknown') {
    return {
      ok: 'unknown',
      staleReads: [],
      violation: { partition, partial: unique(res.partial), culprits: [], detail: `the check of ${partition} ran out of its budget of ${opts.budget ?? 'default'} steps` },
      order: [],
      steps: res.steps,
      checked,
      ...partitions(),
    };
  }
  const culprits = unique(res.culprits);
  const shown = res.culprits.map((i) => describe(records, i)).join('; ');
  return {
    ok: false,
    staleReads: [],
    violation: { partition, partial: unique(res.partial), culprits, detail: `no order of the operations on ${partition} explains ${shown || 'the history'}` },
    order: [],
    steps: res.steps,
    checked,
    ...partitions(),
  };
}
