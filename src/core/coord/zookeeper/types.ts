/**
 * ZooKeeper's coordination layer as data: the contract between the pure data tree
 * (tree.ts, watches.ts, server.ts), the client actor (client.ts), the servers inside the
 * ZAB ensemble (src/core/zab), the linearizability checker and the conformance suite.
 * Names follow ZooKeeper 3.8 and its Java client (org.apache.zookeeper): KeeperException
 * codes, Stat fields, Watcher.Event.EventType, the wire packets' roles.
 *
 * Fields may be added; renaming or removing one changes every side.
 */
import type { Zxid } from '../../zab/types';

export type { Zxid };

// ---- sessions ------------------------------------------------------------------------

/**
 * A session id. ZooKeeper makes it (sid << 56) | (time-based counter); here it is
 * sid · 2^32 + n (n = 1, 2, … per server that created it), exact in a double, and
 * printed like ZooKeeper prints one: `0x` + lowercase hex. 0 = no session.
 */
export type SessionId = number;
export const SESSION_SERVER_UNIT = 4294967296; // 2^32

export function sessionIdOf(serverId: number, n: number): SessionId {
  return serverId * SESSION_SERVER_UNIT + n;
}
export function sessionHex(s: SessionId): string {
  return '0x' + s.toString(16);
}

/** ZooKeeper's negotiation: the server clamps the client's ask into [2, 20] × tickTime. */
export function negotiateTimeoutMs(askedMs: number, tickTimeMs: number): number {
  return Math.min(Math.max(askedMs, 2 * tickTimeMs), 20 * tickTimeMs);
}

export type SessionState = 'open' | 'expired' | 'closed';

// ---- errors --------------------------------------------------------------------------

/** KeeperException.Code names the CLI and UI print, with the real numeric codes. */
export const ZK_ERROR_CODES = {
  NoNode: -101,
  NodeExists: -110,
  BadVersion: -103,
  NotEmpty: -111,
  NoChildrenForEphemerals: -108,
  /** Also what the Java client answers for any op after close() (ClientCnxn: state CLOSED ⇒ SESSIONEXPIRED). */
  SessionExpired: -112,
  ConnectionLoss: -4,
  /** A malformed path or argument (e.g. a path not starting with "/"): KeeperException.BadArgumentsException. */
  BadArguments: -8,
  /** KeeperException.NoAuthException: the node's ACL refuses it. Only /zookeeper/config (READ-only, ZOOKEEPER-2014) has a restrictive ACL here. */
  NoAuth: -102,
} as const;
export type ZkError = keyof typeof ZK_ERROR_CODES;

// ---- znodes and stat -----------------------------------------------------------------

/** org.apache.zookeeper.data.Stat. Times are virtual ms. */
export interface Stat {
  czxid: Zxid;
  mzxid: Zxid;
  /** Last zxid that changed this node's children (created or deleted one). */
  pzxid: Zxid;
  ctime: number;
  mtime: number;
  /** Changes to data. */
  version: number;
  /** Changes to children: creations and deletions (so not the sequential counter). */
  cversion: number;
  aversion: number;
  /** The owning session of an ephemeral node, else 0. */
  ephemeralOwner: SessionId;
  dataLength: number;
  numChildren: number;
}

/** A Stat as the CLI prints it (DESIGN.md: zxids and ephemeralOwner as `0x…`). */
export interface StatOutput {
  version: number;
  cversion: number;
  numChildren: number;
  ephemeralOwner: string;
  czxid: string;
  mzxid: string;
  pzxid: string;
}

/** CreateMode as the Java client names it (create takes ephemeral/sequential flags instead). */
export type CreateMode = 'PERSISTENT' | 'EPHEMERAL' | 'PERSISTENT_SEQUENTIAL' | 'EPHEMERAL_SEQUENTIAL';

/** A row of the CLI's final `tree` (sorted by path, without `/` and `/zookeeper`). */
export interface TreeRow {
  path: string;
  data: string;
  version: number;
  cversion: number;
  ephemeralOwner: string;
}

// ---- operations ----------------------------------------------------------------------

/**
 * A client operation as a scenario writes it (DESIGN.md, "The coordination layer"):
 * `{ "at": T, "do": "client", "client": C, "op": OP, ...args }`, with defaults filled in.
 */
export type ZkOp =
  | { op: 'connect'; server?: number; sessionTimeoutMs: number }
  | { op: 'create'; path: string; data: string; ephemeral: boolean; sequential: boolean }
  | { op: 'delete'; path: string; version: number }
  | { op: 'setData'; path: string; data: string; version: number }
  | { op: 'getData'; path: string; watch: boolean }
  | { op: 'exists'; path: string; watch: boolean }
  | { op: 'getChildren'; path: string; watch: boolean }
  | { op: 'sync'; path: string }
  | { op: 'close' }
  /** The lock recipe (client-side): completes when acquired, with the lock node's path. */
  | { op: 'lock'; path: string }
  | { op: 'unlock'; path: string }
  /** The client sends nothing for `ms` (a GC pause), then resumes as the real client would. */
  | { op: 'pause'; ms: number };
export type ZkOpName = ZkOp['op'];
export const ZK_OP_NAMES: readonly ZkOpName[] = ['connect', 'create', 'delete', 'setData', 'getData', 'exists', 'getChildren', 'sync', 'close', 'lock', 'unlock', 'pause'];

/** The ops a client sends to a server as one request (the recipes and pause are client-side; connect is its own packet). */
export type ZkRequest = Extract<ZkOp, { op: 'create' | 'delete' | 'setData' | 'getData' | 'exists' | 'getChildren' | 'sync' | 'close' }>;
/** Requests that change the tree or the sessions: they go through the leader and the log. */
export type ZkWriteRequest = Extract<ZkRequest, { op: 'create' | 'delete' | 'setData' | 'close' }>;
export type ZkReadRequest = Extract<ZkRequest, { op: 'getData' | 'exists' | 'getChildren' }>;

export function isWriteRequest(r: ZkRequest): r is ZkWriteRequest {
  return r.op === 'create' || r.op === 'delete' || r.op === 'setData' || r.op === 'close';
}

/** A successful result, in ZooKeeper's shapes (DESIGN.md "Results"). */
export type ZkResult =
  /** connect */
  | { session: SessionId; negotiatedTimeoutMs: number }
  /** create: the created path (with its sequential suffix); lock: the lock node's path */
  | string
  /** getData */
  | { data: string; stat: Stat }
  /** setData, exists (null when missing) */
  | Stat
  | null
  /** getChildren: names, sorted */
  | string[];

export type ZkOutcome = { ok: true; result: ZkResult } | { ok: false; error: ZkError };

// ---- transactions (what the leader logs; every server applies them in zxid order) -----

/**
 * A transaction as ZAB carries it. ZooKeeper's leader turns a request into a txn (or an
 * error txn) against its outstanding changes (PrepRequestProcessor); here the request
 * itself is logged and every server's apply computes the same outcome, error included —
 * the same result, since both follow zxid order. `session` and `cxid` say whose request
 * it was (TxnHeader.clientId / cxid), so the server the client is connected to can answer
 * it once applied; `timeMs` is the leader's clock (TxnHeader.time: ctime / mtime).
 */
export type ZkTxn =
  | { type: 'createSession'; session: SessionId; timeoutMs: number; cxid: 0; timeMs: number }
  /** `reason`: the client closed it, or the leader's session tracker expired it. */
  | { type: 'closeSession'; session: SessionId; reason: 'close' | 'expire'; cxid: number; timeMs: number }
  | { type: 'create'; session: SessionId; cxid: number; timeMs: number; path: string; data: string; ephemeral: boolean; sequential: boolean }
  | { type: 'delete'; session: SessionId; cxid: number; timeMs: number; path: string; version: number }
  | { type: 'setData'; session: SessionId; cxid: number; timeMs: number; path: string; data: string; version: number };

// ---- watches -------------------------------------------------------------------------

/** Watcher.Event.EventType for znode events. */
export type ZkEventType = 'NodeCreated' | 'NodeDeleted' | 'NodeDataChanged' | 'NodeChildrenChanged';

export interface WatchEvent {
  type: ZkEventType;
  path: string;
}

/** What a server sends: one event to one session (several watches of one session on one change are one event, as ZooKeeper's WatchManager does). */
export interface WatchDelivery {
  session: SessionId;
  event: WatchEvent;
  /** The zxid of the change that fired it. */
  zxid: Zxid;
}

/** Which table a watch sits in on its server (WatchManager's dataWatches / childWatches; exists on a missing node is a data watch too). */
export type WatchKind = 'data' | 'child';

// ---- client ↔ server packets ---------------------------------------------------------

/** What a client sends a server (over the simulated network; ids ≥ CLIENT_ID_BASE are clients). */
export type ZkClientMsg =
  /**
   * ConnectRequest: `session` 0 for a new session; `lastZxidSeen` lets a server that is
   * behind the client refuse it (ZooKeeper: "client has seen zxid … our last zxid is …").
   * `watches` re-registers the client's watches after a reconnect (SetWatches).
   */
  | { type: 'ConnectRequest'; session: SessionId; timeoutMs: number; lastZxidSeen: Zxid; watches?: ZkSetWatches }
  | { type: 'Request'; session: SessionId; xid: number; req: ZkRequest }
  | { type: 'ClientPing'; session: SessionId };

/** SetWatches: the paths the client still watches, and the last zxid it saw (events for later changes fire at once). */
export interface ZkSetWatches {
  relativeZxid: Zxid;
  data: string[];
  exist: string[];
  child: string[];
}

/** What a server sends a client. */
export type ZkServerMsg =
  /** ConnectResponse: timeoutMs 0 and session 0 = the session expired (the Java client then reports Expired). */
  | { type: 'ConnectResponse'; session: SessionId; timeoutMs: number; refused?: 'behind' | 'notServing' }
  /** The answer to request `xid`; `zxid` is the server's last applied zxid (ReplyHeader.zxid). */
  | { type: 'Reply'; xid: number; zxid: Zxid; outcome: ZkOutcome }
  | { type: 'ClientPong'; zxid: Zxid }
  | { type: 'WatcherEvent'; event: WatchEvent; zxid: Zxid };

// ---- history (what a client records; the checkers and the CLI read it) ----------------

/** One client operation (DESIGN.md `ops`): invoke and complete times in virtual ms. */
export interface ZkOpRecord {
  /** 1-based client number (the scenario's `client`). */
  client: number;
  op: ZkOpName;
  args: Record<string, unknown>;
  invoke: number;
  /** null while it never completed. */
  complete: number | null;
  ok: boolean;
  result: unknown;
  error: ZkError | null;
  /** The session it ran on (0 before one exists). Not printed. */
  session: SessionId;
  /** The reply's zxid, when a server answered (0 else). Not printed; the fencing lesson reads it. */
  zxid: Zxid;
  /**
   * The client answered it itself, without a server (ZooKeeper.close() on a handle already
   * CLOSED or expired returns at once). Such an answer says nothing of the server's session.
   * Not printed; absent means false.
   */
  local?: boolean;
}

/** One notification as delivered (DESIGN.md `events`). */
export interface ZkEventRecord {
  client: number;
  time: number;
  type: ZkEventType | 'Expired' | 'Disconnected' | 'SyncConnected';
  path: string;
}
