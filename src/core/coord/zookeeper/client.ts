/**
 * ZooKeeper's client actor: ZooKeeper 3.8's Java client (ClientCnxn's SendThread and
 * EventThread, ZKWatchManager, StaticHostProvider) as a pure, deterministic state machine
 * over the simulator's ClientDef (src/core/coord/service.ts) and the wire in types.ts.
 *
 * The SendThread's loop (ClientCnxn.SendThread.run) runs after every input — an op
 * invoked, a packet read, a timer — exactly as the real loop runs after every select():
 *   1. no socket: `closing` ⇒ stop; else the next server from the host list
 *      (StaticHostProvider.next(1000): it sleeps 1000 ms when it has come round to the
 *      server it last connected to) and, except on the very first attempt, a random
 *      0..999 ms sleep (startConnect), then a ConnectRequest with the session id and the
 *      last zxid seen, the watches riding along as SetWatches;
 *   2. `to` = readTimeout − idleRecv when connected, else connectTimeout − idleRecv;
 *      to ≤ 0 ⇒ "Client session timed out" ⇒ the connection is dropped (cleanup fails
 *      every pending AND queued packet with ConnectionLoss, a Disconnected event), and the
 *      loop starts over at 1;
 *   3. connected: timeToNextPing = readTimeout/2 − idleSend − (idleSend > 1000 ? 1000 : 0);
 *      ≤ 0, or idleSend > 10 s ⇒ a ping; queued packets are written (each gets its xid
 *      when written, as ClientCnxnSocketNIO does); the loop sleeps until the earliest of
 *      the time-out and the next ping.
 * readTimeout = 2/3 and connectTimeout = 1/servers of the session timeout (the asked one
 * until a ConnectResponse gives the negotiated one), in integer ms as Java's ints.
 *
 * Faithful details, each from the source:
 * - lastZxidSeen moves only with a request's Reply (ReplyHeader.zxid > 0); pongs and
 *   watch events do not move it (readResponse returns before it for PING_XID and
 *   NOTIFICATION_XID).
 * - A reply whose xid is not the oldest pending request's fails that request with
 *   ConnectionLoss and drops the connection ("Xid out of order").
 * - A ConnectResponse with session 0 / timeout 0 ⇒ state CLOSED (shown `expired`), an
 *   Expired event, and every pending, queued and later request fails SessionExpired
 *   (conLossPacket in state CLOSED); only a `connect` (a new ZooKeeper handle) opens a
 *   new session. After `close`, the same (`closed`). While the closeSession is on its
 *   way (`closing`), new requests fail ConnectionLoss at once (queuePacket).
 * - Ops invoked while disconnected wait in the outgoing queue — until the next failed
 *   connection attempt's cleanup fails them with ConnectionLoss, or a connection sends them.
 * - `refused` (the server closed the socket: not serving, or behind the client's zxid) is
 *   an end of stream: the same as a lost connection, then the next server. A
 *   ConnectResponse that answers nothing (no ConnectRequest out) is read the same way: a
 *   server that closes the connection of a session it expired or closed sends it (the wire
 *   has no packet of its own for an end of stream); the reconnect then hears "expired".
 * - `connect` on a live handle opens nothing: it completes with the session once
 *   connected (at once when it is), as an application waiting for SyncConnected would;
 *   its `server` is ignored then. On an expired or closed handle it is a new ZooKeeper
 *   handle: a new session, lastZxidSeen 0, no watches, xids from 1.
 * - Connection-state events are recorded once per change (EventThread drops a None event
 *   whose state equals the last one), so repeated failed attempts make one Disconnected.
 * - Watches (ZKWatchManager): registered only when the server answered: getData ok ⇒ a
 *   data watch; exists ok ⇒ a data watch, exists on a missing node (ok, null: NoNode
 *   underneath) ⇒ an exist watch; getChildren ok ⇒ a child watch; an error registers
 *   nothing. An event removes what it fires: NodeCreated / NodeDataChanged ⇒ data and
 *   exist watches on the path; NodeChildrenChanged ⇒ child watches; NodeDeleted ⇒ all
 *   three. Every WatcherEvent received is recorded as delivered (so a server that fires a
 *   watch twice shows in the history even when no watcher is left; a note says so).
 * Simplifications, said: the host list is not shuffled — it starts at `connect`'s
 * `server`, else at 1 + (c − 1) mod servers, and goes round in id order; the first
 * attempt's "no random sleep" is the first attempt of a handle, whether or not its TCP
 * connect succeeded; a crashed server is noticed through ClientDef.disconnected (a TCP
 * reset), a dead or unreachable one otherwise by the connect timeout.
 *
 * `pause(ms)` (a stop-the-world GC pause): nothing is sent or handled; packets wait in the
 * socket (an inbox), a reset waits too. On waking the SendThread is at the top of its
 * loop before it has read a whole packet (ClientCnxnSocketNIO reads the 4-byte length in
 * one doIO and the body in the next, and only a whole packet updates lastHeard), so it
 * checks its time-out FIRST: if readTimeout (connectTimeout while connecting) ran out
 * during the pause, it drops the connection — the unread packets go with the socket —
 * and reconnects; otherwise it reads the waiting packets in order. Until a server tells
 * it otherwise, it believes what it believed: a lock it held is still `held` in the view.
 *
 * The lock recipe (`lock` / `unlock`, `path` = the lock's parent), as ZooKeeper's recipes
 * page and Curator's LockInternals do it:
 *   create `path/lock-` EPHEMERAL_SEQUENTIAL (NoNode ⇒ create `path` persistent, NodeExists
 *   being fine, and again: only the direct parent, as Curator's creatingParentsIfNeeded
 *   would for one level); getChildren(path); lowest sequence ⇒ held (the op completes
 *   with the lock node's path and, as its record's zxid, the node's czxid: the fencing
 *   token); else exists(predecessor, watch) on the next lower node only (no herd): null ⇒
 *   look again, else wait for any event on it, then look again. Our own node missing from
 *   the children ⇒ the lock op fails NoNode (Curator: "Sequential path not found").
 *   A ConnectionLoss on any step repeats that step after the next SyncConnected (the
 *   exists watch survives through SetWatches); a ConnectionLoss on the create may or may
 *   not have created the node, so the client looks for it first: getChildren, then exists
 *   on each `lock-` child, newest first, until one's ephemeralOwner is its own session
 *   (ZooKeeper's recipe suggests a GUID in the name; the ephemeralOwner needs no change
 *   to the names, at one exists per child); none ⇒ create again. SessionExpired fails the
 *   lock op. `unlock` deletes the node (a pending `lock` on it then fails NoNode), sending
 *   the delete again after a ConnectionLoss until it is answered (Curator's guaranteed
 *   delete; NoNode on a second try = the first went through); with no node of its own on
 *   that path, `unlock` fails NoNode at once; a second `unlock` while one is in progress
 *   fails BadArguments. A lock that ends without the lock (unlocked while waiting, or
 *   failed) leaves its exists watch on the predecessor registered, client- and server-side,
 *   until it fires once: the wire has no removeWatches (which Curator sends in its
 *   `finally`), so this is what ZooKeeper's own recipe does. `lock` on a path it holds
 *   completes at once with the same node; `lock` while one is pending there fails
 *   BadArguments.
 * Leader election is the same recipe: `lock(path)` completing = this client is the
 * leader; the waiters each watch their predecessor, so one dying leader wakes one client.
 */
import { defineNotes, emit, type NoteSpec } from '../../protocol';
import type { ClientCtx, ClientDef } from '../service';
import { zkOpArgs } from './ops';
import { joinPath, nameOf, pathProblem } from './paths';
import {
  ZK_ERROR_CODES,
  type SessionId,
  type Stat,
  type Zxid,
  type ZkClientMsg,
  type ZkError,
  type ZkEventRecord,
  type ZkOp,
  type ZkOpRecord,
  type ZkOutcome,
  type ZkRequest,
  type ZkResult,
  type ZkServerMsg,
  type ZkSetWatches,
} from './types';

/** Every packet on a ZooKeeper client's link, both ways. */
export type ZkWire = ZkClientMsg | ZkServerMsg;

export const ZK_CLIENT_SLOTS = { loop: 0, reconnect: 1, pause: 2 } as const;
/** StaticHostProvider.next(1000): the sleep after a full round of the host list. */
export const SPIN_DELAY_MS = 1000;
/** startConnect: a random sleep in [0, 1000) before every attempt but a handle's first. */
export const RECONNECT_JITTER_MS = 1000;
/** SendThread.run's MAX_SEND_PING_INTERVAL. */
export const MAX_SEND_PING_INTERVAL_MS = 10000;

/** Why a connection ended, as a note argument. */
export const ZkLoss = { ReadTimeout: 1, ConnectTimeout: 2, Reset: 3, Refused: 4, XidOutOfOrder: 5, NothingPending: 6, PauseTimedOut: 7, ClosedByServer: 8 } as const;

/** The client's decisions, with their reasons as data (codes 1000+: clear of nodes' and the simulator's). */
export const ZK_CLIENT_NOTES = defineNotes({
  /** A connection attempt: ConnectRequest sent. */
  ZkConnecting: { code: 1000, fields: ['server', 'session', 'lastZxid', 'watches'] },
  /** The SendThread sleeps before the next attempt: spin (a full round of servers) + jitter. */
  ZkReconnectSleep: { code: 1001, fields: ['server', 'delayMs', 'spinMs'] },
  ZkConnected: { code: 1002, fields: ['server', 'session', 'negotiatedMs', 'readTimeoutMs'] },
  /** The connection ended; `why` is a ZkLoss; `failed` packets failed with it. */
  ZkConnectionLost: { code: 1003, fields: ['server', 'why', 'idleMs', 'failed'] },
  /** refused: 1 the server is behind the client's zxid, 2 it is not serving. */
  ZkRefused: { code: 1004, fields: ['server', 'refused', 'lastZxid'] },
  ZkExpired: { code: 1005, fields: ['server', 'session', 'failed'] },
  ZkPing: { code: 1006, fields: ['server', 'idleSendMs'] },
  /** An op failed without reaching a server; `error` is its KeeperException code. */
  ZkFailedLocally: { code: 1007, fields: ['opId', 'error'] },
  /** A watch event that found no watch of this client left (a server bug or a lost registration). */
  ZkEventUnmatched: { code: 1008, fields: ['server'] },
  ZkPaused: { code: 1009, fields: ['untilMs'] },
  /** On waking: `timedOut` 1 = its time-out ran out during the pause; `waiting` packets in the socket. */
  ZkResumed: { code: 1010, fields: ['idleMs', 'timedOut', 'waiting'] },
  ZkLockCreated: { code: 1011, fields: ['seq', 'zxid'] },
  ZkLockAcquired: { code: 1012, fields: ['seq', 'zxid'] },
  /** Waits on the next lower node only: its sequence number. */
  ZkLockWaiting: { code: 1013, fields: ['seq', 'predecessor'] },
  /** A ConnectionLoss during the create: look for its own node among `children`. */
  ZkLockRecovering: { code: 1014, fields: ['children'] },
  ZkLockRecovered: { code: 1015, fields: ['seq', 'zxid'] },
  ZkLockFailed: { code: 1016, fields: ['error'] },
  /** The session closed (its closeSession answered, or it could not be sent). */
  ZkClosed: { code: 1017, fields: ['session', 'answered'] },
});

/** The client's note kinds as a list (for the session's noteFields and the narrators, beside the protocol's own). */
export const ZK_CLIENT_NOTE_SPECS: readonly NoteSpec[] = Object.values(ZK_CLIENT_NOTES);

/**
 * What the view shows of a client's connection. `idle`: never connected yet;
 * `connecting`: looking for a server for a new session; `connected`; `disconnected`: it
 * has a session and is trying to reach a server again (the Java client's CONNECTING
 * after a Disconnected event); `expired`: a server said the session is gone; `closed`:
 * the application closed it.
 */
export type ZkClientStateName = 'idle' | 'connecting' | 'connected' | 'disconnected' | 'expired' | 'closed';

/** The lock recipe's place for one lock (its parent path), as the view draws it. */
export interface ZkLockView {
  path: string;
  /** The client's own lock node (`/lock/lock-0000000003`), '' before its create answered. */
  node: string;
  /** The node it watches (its predecessor), '' when none. */
  waitingOn: string;
  /** It believes it holds the lock (a paused client still does). */
  held: boolean;
  /** czxid of its lock node: the fencing token. 0 while unknown. */
  zxid: Zxid;
}

export interface ZkClientView {
  client: number;
  state: ZkClientStateName;
  /** The server it is connected or connecting to (0 none). */
  server: number;
  session: SessionId;
  negotiatedTimeoutMs: number;
  /** Virtual time of the last packet heard from the server (or of the attempt's start). */
  lastHeardMs: number;
  /** When its read timeout (connected) or connect timeout (connecting) runs out, 0 when not running. */
  deadlineMs: number;
  /** readTimeout (connected) or connectTimeout (connecting): what the drain bar spans. */
  timeoutMs: number;
  lastZxidSeen: Zxid;
  watches: { data: string[]; exist: string[]; child: string[] };
  locks: ZkLockView[];
  /** End of a pause in progress, 0 when not paused. */
  pausedUntil: number;
  /** Requests sent and not answered; requests waiting to be sent. */
  pending: number;
  queued: number;
}

/** What a request was for. */
type Purpose = { kind: 'op'; opId: number } | { kind: 'lock'; lock: number } | { kind: 'unlock'; opId: number; lock: number };

interface Packet {
  /** Given when written to the socket (0 while queued). */
  xid: number;
  req: ZkRequest;
  purpose: Purpose;
}

type LockStep = 'create' | 'parent' | 'find' | 'check' | 'children' | 'exists' | 'wait' | 'held';

interface LockRec {
  id: number;
  path: string;
  /** The pending `lock` op, −1 once it completed. */
  opId: number;
  node: string;
  zxid: Zxid;
  held: boolean;
  waitingOn: string;
  step: LockStep;
  /** This step's request was lost to a ConnectionLoss: do it again on SyncConnected. */
  retry: boolean;
  /** 'find'/'check': children still to check for our ephemeralOwner, newest first. */
  candidates: string[];
  /** An `unlock` in progress (−1 none), whether its delete must go again on SyncConnected, and how many deletes it sent. */
  unlockOp: number;
  unlockRetry: boolean;
  unlockSent: number;
}

type Inbox = { kind: 'msg'; msg: ZkServerMsg; from: number } | { kind: 'reset'; server: number };

type EventState = 'Disconnected' | 'SyncConnected' | 'Expired' | 'Closed';

/** A client's whole state: plain data, so a snapshot is a deep copy. */
export interface ZkClient {
  index: number;
  servers: number;
  state: ZkClientStateName;
  /** StaticHostProvider: the servers in the order tried, and its two indexes. */
  hosts: number[];
  currentIndex: number;
  lastIndex: number;
  /** The server of the open socket (0 none). */
  server: number;
  /** A ConnectRequest is out, no ConnectResponse yet. */
  awaitingConnect: boolean;
  /** The SendThread sleeps before its next attempt until then (0: not sleeping). */
  reconnectAt: number;
  firstConnect: boolean;
  askedTimeoutMs: number;
  session: SessionId;
  negotiatedTimeoutMs: number;
  readTimeoutMs: number;
  connectTimeoutMs: number;
  lastZxid: Zxid;
  lastHeard: number;
  lastSend: number;
  xid: number;
  outgoing: Packet[];
  pending: Packet[];
  closing: boolean;
  /** EventThread.sessionState: the last connection state delivered. */
  eventState: EventState;
  watches: { data: string[]; exist: string[]; child: string[] };
  /** Open op records by op id. */
  ops: Record<number, ZkOpRecord>;
  /** `connect` ops waiting for SyncConnected. */
  connectWaiters: number[];
  locks: LockRec[];
  nextLock: number;
  pausedUntil: number;
  pauseOps: number[];
  inbox: Inbox[];
}

type Ctx = ClientCtx<ZkWire, ZkOpRecord>;

const DEFAULT_TIMEOUT_MS = 30000;
const LOCK_PREFIX = 'lock-';
const LOCK_NAME = /^lock-(\d{10})$/;

function alive(c: ZkClient): boolean {
  return c.state === 'connecting' || c.state === 'connected' || c.state === 'disconnected';
}

function isConnected(c: ZkClient): boolean {
  return c.state === 'connected' && c.server !== 0 && !c.awaitingConnect;
}

function newClient(index: number, servers: number): ZkClient {
  return {
    index,
    servers,
    state: 'idle',
    hosts: [],
    currentIndex: -1,
    lastIndex: -1,
    server: 0,
    awaitingConnect: false,
    reconnectAt: 0,
    firstConnect: true,
    askedTimeoutMs: DEFAULT_TIMEOUT_MS,
    session: 0,
    negotiatedTimeoutMs: 0,
    readTimeoutMs: 0,
    connectTimeoutMs: 0,
    lastZxid: 0,
    lastHeard: 0,
    lastSend: 0,
    xid: 1,
    outgoing: [],
    pending: [],
    closing: false,
    eventState: 'Disconnected',
    watches: { data: [], exist: [], child: [] },
    ops: {},
    connectWaiters: [],
    locks: [],
    nextLock: 1,
    pausedUntil: 0,
    pauseOps: [],
    inbox: [],
  };
}

// ---- sorted path sets ------------------------------------------------------------------

function addPath(set: string[], p: string): void {
  let lo = 0;
  let hi = set.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (set[mid] < p) lo = mid + 1;
    else hi = mid;
  }
  if (set[lo] !== p) set.splice(lo, 0, p);
}

function removePath(set: string[], p: string): boolean {
  const i = set.indexOf(p);
  if (i < 0) return false;
  set.splice(i, 1);
  return true;
}

// ---- history -----------------------------------------------------------------------------

function finishOp(c: ZkClient, ctx: Ctx, opId: number, outcome: ZkOutcome, zxid: Zxid, local = false): void {
  const rec = c.ops[opId];
  if (rec === undefined) return;
  delete c.ops[opId];
  const done: ZkOpRecord = {
    ...rec,
    ...(local ? { local: true } : {}),
    complete: ctx.now,
    ok: outcome.ok,
    result: outcome.ok ? outcome.result : null,
    error: outcome.ok ? null : outcome.error,
    session: c.session !== 0 ? c.session : rec.session,
    zxid,
  };
  ctx.completed(opId, done);
}

function failOp(c: ZkClient, ctx: Ctx, opId: number, error: ZkError): void {
  emit(ctx, ZK_CLIENT_NOTES.ZkFailedLocally, { opId, error: ZK_ERROR_CODES[error] });
  finishOp(c, ctx, opId, { ok: false, error }, 0);
}

function stateEvent(c: ZkClient, ctx: Ctx, st: EventState): void {
  if (c.eventState === st) return;
  c.eventState = st;
  if (st === 'Closed') return; // KeeperState.Closed is the handle's own, not a ZkEventRecord type
  const ev: ZkEventRecord = { client: c.index, time: ctx.now, type: st, path: '' };
  ctx.event(ev);
}

// ---- requests ----------------------------------------------------------------------------

/** The error a request gets when the connection goes (conLossPacket). */
function lossError(c: ZkClient): ZkError {
  return c.state === 'expired' || c.state === 'closed' ? 'SessionExpired' : 'ConnectionLoss';
}

/** queuePacket: a dead handle or a closing one fails the packet at once; else it waits to be written. */
function submit(c: ZkClient, ctx: Ctx, req: ZkRequest, purpose: Purpose): void {
  const p: Packet = { xid: 0, req, purpose };
  if (!alive(c) || c.closing) {
    finishPacket(c, ctx, p, { ok: false, error: lossError(c) }, 0);
    return;
  }
  if (req.op === 'close') c.closing = true;
  c.outgoing.push(p);
}

/** A packet's end: the watch registration (only on an answer that allows it), then its owner. */
function finishPacket(c: ZkClient, ctx: Ctx, p: Packet, outcome: ZkOutcome, zxid: Zxid): void {
  const r = p.req;
  if ((r.op === 'getData' || r.op === 'exists' || r.op === 'getChildren') && r.watch && outcome.ok && alive(c)) {
    if (r.op === 'getChildren') addPath(c.watches.child, r.path);
    else if (r.op === 'exists' && outcome.result === null) addPath(c.watches.exist, r.path);
    else addPath(c.watches.data, r.path);
  }
  const pu = p.purpose;
  if (pu.kind === 'op') {
    finishOp(c, ctx, pu.opId, outcome, zxid);
    if (r.op === 'close') closed(c, ctx, outcome.ok);
  } else if (pu.kind === 'lock') {
    const L = c.locks.find((l) => l.id === pu.lock);
    if (L !== undefined) lockReply(c, ctx, L, outcome, zxid);
  } else {
    unlockReply(c, ctx, pu.opId, pu.lock, outcome, zxid);
  }
}

/** cleanup(): every pending, then every queued packet fails (ConnectionLoss, or SessionExpired once CLOSED). */
function cleanup(c: ZkClient, ctx: Ctx): number {
  const lost = [...c.pending, ...c.outgoing];
  c.pending = [];
  c.outgoing = [];
  const error = lossError(c);
  for (const p of lost) finishPacket(c, ctx, p, { ok: false, error }, 0);
  return lost.length;
}

/** The socket is gone (cleanAndNotifyState): fail what was in flight, a Disconnected event, and look for a server again. */
function connectionLost(c: ZkClient, ctx: Ctx, why: number): void {
  const server = c.server;
  const idle = ctx.now - c.lastHeard;
  c.server = 0;
  c.awaitingConnect = false;
  c.inbox = [];
  ctx.clearTimer(ZK_CLIENT_SLOTS.loop);
  if (c.state === 'connected') c.state = 'disconnected';
  const failed = cleanup(c, ctx);
  emit(ctx, ZK_CLIENT_NOTES.ZkConnectionLost, { server, why, idleMs: idle, failed });
  if (alive(c)) stateEvent(c, ctx, 'Disconnected');
  c.lastHeard = ctx.now;
  c.lastSend = ctx.now;
}

/** The handle is dead (expired or closed): timers off, recipes told. */
function endHandle(c: ZkClient, ctx: Ctx): void {
  c.server = 0;
  c.awaitingConnect = false;
  c.reconnectAt = 0;
  c.closing = false;
  c.inbox = [];
  ctx.clearTimer(ZK_CLIENT_SLOTS.loop);
  ctx.clearTimer(ZK_CLIENT_SLOTS.reconnect);
  for (const opId of c.connectWaiters) failOp(c, ctx, opId, 'SessionExpired');
  c.connectWaiters = [];
  for (const L of c.locks) {
    if (L.opId >= 0) finishOp(c, ctx, L.opId, { ok: false, error: 'SessionExpired' }, 0);
    if (L.unlockOp >= 0) finishOp(c, ctx, L.unlockOp, { ok: false, error: 'SessionExpired' }, 0);
  }
  c.locks = [];
  c.watches = { data: [], exist: [], child: [] };
}

function expired(c: ZkClient, ctx: Ctx): void {
  const server = c.server;
  c.state = 'expired';
  stateEvent(c, ctx, 'Expired');
  const failed = cleanup(c, ctx);
  emit(ctx, ZK_CLIENT_NOTES.ZkExpired, { server, session: c.session, failed });
  endHandle(c, ctx);
}

/**
 * The handle closes: after its closeSession was answered (`ok`), or when the SendThread
 * found no connection to send it on (the loop's "closing ⇒ break": the packet fails
 * ConnectionLoss in cleanup, then disconnect() makes the state CLOSED).
 */
function closed(c: ZkClient, ctx: Ctx, ok: boolean): void {
  if (!alive(c)) return;
  cleanup(c, ctx); // may come back here through the closeSession packet's own failure
  if (!alive(c)) return;
  c.state = 'closed';
  emit(ctx, ZK_CLIENT_NOTES.ZkClosed, { session: c.session, answered: ok ? 1 : 0 });
  stateEvent(c, ctx, 'Closed');
  endHandle(c, ctx);
}

// ---- the SendThread's loop --------------------------------------------------------------

function startHandle(c: ZkClient, ctx: Ctx, server: number | undefined, timeoutMs: number): void {
  const first = server ?? 1 + ((c.index - 1) % c.servers);
  const fresh = newClient(c.index, c.servers);
  fresh.ops = c.ops;
  fresh.connectWaiters = c.connectWaiters;
  fresh.pausedUntil = c.pausedUntil;
  fresh.pauseOps = c.pauseOps;
  fresh.nextLock = c.nextLock;
  Object.assign(c, fresh);
  c.hosts = Array.from({ length: c.servers }, (_, i) => 1 + ((first - 1 + i) % c.servers));
  c.state = 'connecting';
  c.askedTimeoutMs = timeoutMs;
  c.readTimeoutMs = Math.floor((timeoutMs * 2) / 3);
  c.connectTimeoutMs = Math.floor(timeoutMs / c.servers);
}

function setWatchesOf(c: ZkClient): ZkSetWatches | undefined {
  const w = c.watches;
  if (w.data.length + w.exist.length + w.child.length === 0) return undefined;
  return { relativeZxid: c.lastZxid, data: [...w.data], exist: [...w.exist], child: [...w.child] };
}

function openConnection(c: ZkClient, ctx: Ctx): void {
  const server = c.hosts[c.currentIndex];
  c.server = server;
  c.awaitingConnect = true;
  c.firstConnect = false;
  const watches = setWatchesOf(c);
  const msg: ZkClientMsg = { type: 'ConnectRequest', session: c.session, timeoutMs: c.askedTimeoutMs, lastZxidSeen: c.lastZxid };
  if (watches !== undefined) msg.watches = watches;
  ctx.send(server, msg);
  emit(ctx, ZK_CLIENT_NOTES.ZkConnecting, {
    server,
    session: c.session,
    lastZxid: c.lastZxid,
    watches: watches === undefined ? 0 : watches.data.length + watches.exist.length + watches.child.length,
  });
  c.lastHeard = ctx.now;
  c.lastSend = ctx.now;
}

function loop(c: ZkClient, ctx: Ctx): void {
  if (c.pausedUntil > 0) return;
  // Each pass either sleeps (a timer) or opens a connection; a time-out of 0 (a tiny asked
  // timeout over many servers) fails attempts at once, until a full round's spin sleeps.
  for (let guard = 0; guard < 2 * c.servers + 4; guard++) {
    if (!alive(c)) return;
    if (c.server === 0) {
      if (c.closing) {
        closed(c, ctx, false);
        return;
      }
      if (c.reconnectAt === 0) {
        // hostProvider.next(1000), then startConnect's sleep.
        c.currentIndex = (c.currentIndex + 1) % c.hosts.length;
        const spin = c.currentIndex === c.lastIndex ? SPIN_DELAY_MS : 0;
        if (c.lastIndex === -1) c.lastIndex = 0;
        const delay = spin + (c.firstConnect ? 0 : ctx.randomInt(0, RECONNECT_JITTER_MS));
        if (delay > 0) {
          c.reconnectAt = ctx.now + delay;
          emit(ctx, ZK_CLIENT_NOTES.ZkReconnectSleep, { server: c.hosts[c.currentIndex], delayMs: delay, spinMs: spin });
        }
      }
      if (c.reconnectAt > ctx.now) {
        ctx.setTimer(ZK_CLIENT_SLOTS.reconnect, c.reconnectAt - ctx.now);
        return;
      }
      c.reconnectAt = 0;
      openConnection(c, ctx);
    }
    const connected = isConnected(c);
    const idleRecv = ctx.now - c.lastHeard;
    const to = (connected ? c.readTimeoutMs : c.connectTimeoutMs) - idleRecv;
    if (to <= 0) {
      connectionLost(c, ctx, connected ? ZkLoss.ReadTimeout : ZkLoss.ConnectTimeout);
      continue;
    }
    let wake = to;
    if (connected) {
      const idleSend = ctx.now - c.lastSend;
      if (timeToNextPing(c.readTimeoutMs, idleSend) <= 0 || idleSend > MAX_SEND_PING_INTERVAL_MS) {
        ctx.send(c.server, { type: 'ClientPing', session: c.session });
        emit(ctx, ZK_CLIENT_NOTES.ZkPing, { server: c.server, idleSendMs: idleSend });
        c.lastSend = ctx.now;
      }
      for (const p of c.outgoing) {
        p.xid = c.xid++;
        ctx.send(c.server, { type: 'Request', session: c.session, xid: p.xid, req: p.req });
        c.pending.push(p);
        c.lastSend = ctx.now;
      }
      c.outgoing = [];
      wake = Math.min(wake, timeToNextPing(c.readTimeoutMs, ctx.now - c.lastSend));
    }
    ctx.setTimer(ZK_CLIENT_SLOTS.loop, Math.max(1, wake));
    return;
  }
  ctx.setTimer(ZK_CLIENT_SLOTS.loop, 1);
}

/** SendThread.run: readTimeout/2 − idleSend − (idleSend > 1000 ? 1000 : 0), in Java's int arithmetic. */
export function timeToNextPing(readTimeoutMs: number, idleSendMs: number): number {
  return Math.floor(readTimeoutMs / 2) - idleSendMs - (idleSendMs > 1000 ? 1000 : 0);
}

// ---- packets from the server ------------------------------------------------------------

function handle(c: ZkClient, ctx: Ctx, item: Inbox): void {
  if (item.kind === 'reset') {
    if (item.server === c.server && alive(c)) connectionLost(c, ctx, ZkLoss.Reset);
    return;
  }
  const { msg, from } = item;
  // A packet of a socket already closed is never read: from another server, or, while a
  // new connection waits for its ConnectResponse (the first thing a new socket carries),
  // anything else (the old connection's last packets, when it reconnects to the same server).
  if (from !== c.server || !alive(c)) return;
  if (c.awaitingConnect && msg.type !== 'ConnectResponse') return;
  c.lastHeard = ctx.now;
  switch (msg.type) {
    case 'ConnectResponse': {
      if (!c.awaitingConnect) {
        // Not an answer to a ConnectRequest: the server closing the connection (ZooKeeper
        // closes an expired or closed session's socket: NIOServerCnxn.close). An end of
        // stream, as for `refused`: the next attempt learns the rest.
        connectionLost(c, ctx, ZkLoss.ClosedByServer);
        return;
      }
      if (msg.refused !== undefined) {
        emit(ctx, ZK_CLIENT_NOTES.ZkRefused, { server: from, refused: msg.refused === 'behind' ? 1 : 2, lastZxid: c.lastZxid });
        connectionLost(c, ctx, ZkLoss.Refused);
        return;
      }
      if (msg.timeoutMs <= 0 || msg.session === 0) {
        expired(c, ctx);
        return;
      }
      onConnected(c, ctx, msg.session, msg.timeoutMs);
      return;
    }
    case 'Reply': {
      const p = c.pending.shift();
      if (p === undefined) {
        connectionLost(c, ctx, ZkLoss.NothingPending);
        return;
      }
      if (p.xid !== msg.xid) {
        finishPacket(c, ctx, p, { ok: false, error: 'ConnectionLoss' }, 0);
        connectionLost(c, ctx, ZkLoss.XidOutOfOrder);
        return;
      }
      if (msg.zxid > 0) c.lastZxid = msg.zxid;
      finishPacket(c, ctx, p, msg.outcome, msg.zxid);
      return;
    }
    case 'ClientPong':
      return;
    case 'WatcherEvent':
      watchEvent(c, ctx, msg.event.type, msg.event.path);
      return;
    default:
      return;
  }
}

function onConnected(c: ZkClient, ctx: Ctx, session: SessionId, timeoutMs: number): void {
  c.awaitingConnect = false;
  c.negotiatedTimeoutMs = timeoutMs;
  c.readTimeoutMs = Math.floor((timeoutMs * 2) / 3);
  c.connectTimeoutMs = Math.floor(timeoutMs / c.servers);
  c.lastIndex = c.currentIndex;
  c.session = session;
  c.state = 'connected';
  // Ops invoked before the handle had a session wait in the queue and run on this one
  // (their packets carry it): their records say so now, not only at completion — one that
  // never completes (a pause that outlasts the run) may still have taken effect under it.
  for (const [id, rec] of Object.entries(c.ops)) {
    if (rec.session !== 0) continue;
    rec.session = session;
    ctx.invoked(Number(id), { ...rec });
  }
  emit(ctx, ZK_CLIENT_NOTES.ZkConnected, { server: c.server, session, negotiatedMs: timeoutMs, readTimeoutMs: c.readTimeoutMs });
  stateEvent(c, ctx, 'SyncConnected');
  const waiters = c.connectWaiters;
  c.connectWaiters = [];
  for (const opId of waiters) finishOp(c, ctx, opId, { ok: true, result: { session, negotiatedTimeoutMs: timeoutMs } }, 0);
  for (const L of c.locks) {
    if (L.retry) {
      L.retry = false;
      lockStep(c, ctx, L);
    }
    if (L.unlockRetry) {
      L.unlockRetry = false;
      sendUnlock(c, ctx, L);
    }
  }
}

/** ZKWatchManager.materialize: the event removes the watches it fires; it is recorded as delivered. */
function watchEvent(c: ZkClient, ctx: Ctx, type: ZkEventRecord['type'], path: string): void {
  const w = c.watches;
  let hit = false;
  if (type === 'NodeCreated' || type === 'NodeDataChanged' || type === 'NodeDeleted') {
    hit = removePath(w.data, path) || hit;
    hit = removePath(w.exist, path) || hit;
  }
  if (type === 'NodeChildrenChanged' || type === 'NodeDeleted') hit = removePath(w.child, path) || hit;
  if (!hit) emit(ctx, ZK_CLIENT_NOTES.ZkEventUnmatched, { server: c.server });
  const ev: ZkEventRecord = { client: c.index, time: ctx.now, type, path };
  ctx.event(ev);
  for (const L of c.locks) {
    if (L.step === 'wait' && L.waitingOn === path) {
      L.waitingOn = '';
      L.step = 'children';
      lockStep(c, ctx, L);
    }
  }
}

// ---- the lock recipe ---------------------------------------------------------------------

function seqOf(name: string): number {
  const m = LOCK_NAME.exec(name);
  return m === null ? -1 : Number(m[1]);
}

/** The recipe's lock children, by sequence number (ascending). */
function lockChildren(names: string[]): string[] {
  return names.filter((n) => seqOf(n) >= 0).sort((a, b) => seqOf(a) - seqOf(b));
}

function lockStep(c: ZkClient, ctx: Ctx, L: LockRec): void {
  const purpose: Purpose = { kind: 'lock', lock: L.id };
  switch (L.step) {
    case 'create':
      submit(c, ctx, { op: 'create', path: joinPath(L.path, LOCK_PREFIX), data: '', ephemeral: true, sequential: true }, purpose);
      return;
    case 'parent':
      submit(c, ctx, { op: 'create', path: L.path, data: '', ephemeral: false, sequential: false }, purpose);
      return;
    case 'find':
    case 'children':
      submit(c, ctx, { op: 'getChildren', path: L.path, watch: false }, purpose);
      return;
    case 'check':
      submit(c, ctx, { op: 'exists', path: joinPath(L.path, L.candidates[0]), watch: false }, purpose);
      return;
    case 'exists':
      submit(c, ctx, { op: 'exists', path: L.waitingOn, watch: true }, purpose);
      return;
    case 'wait':
    case 'held':
      return;
  }
}

function lockFail(c: ZkClient, ctx: Ctx, L: LockRec, error: ZkError): void {
  emit(ctx, ZK_CLIENT_NOTES.ZkLockFailed, { error: ZK_ERROR_CODES[error] });
  if (L.opId >= 0) finishOp(c, ctx, L.opId, { ok: false, error }, 0);
  c.locks = c.locks.filter((l) => l !== L);
}

function lockReply(c: ZkClient, ctx: Ctx, L: LockRec, outcome: ZkOutcome, zxid: Zxid): void {
  if (!outcome.ok) {
    if (outcome.error === 'ConnectionLoss' && alive(c)) {
      // The step is done again once connected; a create may have happened: look for it first.
      if (L.step === 'create') L.step = 'find';
      L.retry = true;
      return;
    }
    if (L.step === 'create' && outcome.error === 'NoNode') {
      L.step = 'parent';
      lockStep(c, ctx, L);
      return;
    }
    if (L.step === 'parent' && outcome.error === 'NodeExists') {
      L.step = 'create';
      lockStep(c, ctx, L);
      return;
    }
    if (L.step === 'find' && outcome.error === 'NoNode') {
      L.step = 'create';
      lockStep(c, ctx, L);
      return;
    }
    lockFail(c, ctx, L, outcome.error);
    return;
  }
  const result = outcome.result;
  switch (L.step) {
    case 'create':
      L.node = String(result);
      L.zxid = zxid;
      emit(ctx, ZK_CLIENT_NOTES.ZkLockCreated, { seq: seqOf(nameOf(L.node)), zxid });
      L.step = 'children';
      break;
    case 'parent':
      L.step = 'create';
      break;
    case 'find': {
      const mine = lockChildren(result as string[]).reverse();
      emit(ctx, ZK_CLIENT_NOTES.ZkLockRecovering, { children: mine.length });
      if (mine.length === 0) L.step = 'create';
      else {
        L.candidates = mine;
        L.step = 'check';
      }
      break;
    }
    case 'check': {
      const stat = result as Stat | null;
      const name = L.candidates.shift() ?? '';
      if (stat !== null && stat.ephemeralOwner === c.session) {
        L.node = joinPath(L.path, name);
        L.zxid = stat.czxid;
        L.candidates = [];
        emit(ctx, ZK_CLIENT_NOTES.ZkLockRecovered, { seq: seqOf(name), zxid: stat.czxid });
        L.step = 'children';
      } else if (L.candidates.length === 0) L.step = 'create';
      break;
    }
    case 'children': {
      const names = lockChildren(result as string[]);
      const mine = nameOf(L.node);
      const i = names.indexOf(mine);
      if (i < 0) {
        lockFail(c, ctx, L, 'NoNode');
        return;
      }
      if (i === 0) {
        L.held = true;
        L.step = 'held';
        L.waitingOn = '';
        emit(ctx, ZK_CLIENT_NOTES.ZkLockAcquired, { seq: seqOf(mine), zxid: L.zxid });
        const opId = L.opId;
        L.opId = -1;
        finishOp(c, ctx, opId, { ok: true, result: L.node }, L.zxid);
        return;
      }
      L.waitingOn = joinPath(L.path, names[i - 1]);
      emit(ctx, ZK_CLIENT_NOTES.ZkLockWaiting, { seq: seqOf(mine), predecessor: seqOf(names[i - 1]) });
      L.step = 'exists';
      break;
    }
    case 'exists':
      // Gone already: look again. Else its watch is set (finishPacket) and it waits.
      if (result === null) {
        L.waitingOn = '';
        L.step = 'children';
      } else L.step = 'wait';
      break;
    case 'wait':
    case 'held':
      return;
  }
  lockStep(c, ctx, L);
}

function sendUnlock(c: ZkClient, ctx: Ctx, L: LockRec): void {
  L.unlockSent++;
  submit(c, ctx, { op: 'delete', path: L.node, version: -1 }, { kind: 'unlock', opId: L.unlockOp, lock: L.id });
}

/**
 * The unlock's delete answered. A ConnectionLoss sends it again once connected (Curator's
 * guaranteed delete: the node must not outlive the application's release while the
 * session lives), and NoNode on such a second try means the first one went through.
 */
function unlockReply(c: ZkClient, ctx: Ctx, opId: number, lock: number, outcome: ZkOutcome, zxid: Zxid): void {
  const L = c.locks.find((l) => l.id === lock);
  if (L === undefined) {
    finishOp(c, ctx, opId, outcome.ok ? { ok: true, result: null } : outcome, zxid);
    return;
  }
  if (!outcome.ok && outcome.error === 'ConnectionLoss' && alive(c)) {
    L.unlockRetry = true;
    return;
  }
  L.unlockOp = -1;
  const gone = outcome.ok || outcome.error === 'NoNode';
  if (gone) {
    // The node is gone: a lock still waiting on it can never be acquired.
    if (L.opId >= 0) finishOp(c, ctx, L.opId, { ok: false, error: 'NoNode' }, 0);
    c.locks = c.locks.filter((l) => l !== L);
  }
  const ok = outcome.ok || (outcome.error === 'NoNode' && L.unlockSent > 1);
  finishOp(c, ctx, opId, ok ? { ok: true, result: null } : outcome, zxid);
}

// ---- invoke ------------------------------------------------------------------------------

function ensureHandle(c: ZkClient, ctx: Ctx): void {
  // DESIGN.md: the first op of an unconnected client connects it (to 1 + (c − 1) mod servers).
  if (c.state === 'idle') startHandle(c, ctx, undefined, DEFAULT_TIMEOUT_MS);
}

function invoke(c: ZkClient, opId: number, op: ZkOp, ctx: Ctx): void {
  const rec: ZkOpRecord = {
    client: c.index,
    op: op.op,
    args: zkOpArgs(op),
    invoke: ctx.now,
    complete: null,
    ok: false,
    result: null,
    error: null,
    // A connect on an expired or closed handle opens a new one, which has no session until
    // the server answers (onConnected then records the one it got), as a new Java handle.
    session: op.op === 'connect' && !alive(c) ? 0 : c.session,
    zxid: 0,
  };
  c.ops[opId] = rec;
  ctx.invoked(opId, { ...rec });
  switch (op.op) {
    case 'pause': {
      const until = Math.max(c.pausedUntil, ctx.now + op.ms);
      c.pausedUntil = until;
      c.pauseOps.push(opId);
      ctx.clearTimer(ZK_CLIENT_SLOTS.loop);
      ctx.clearTimer(ZK_CLIENT_SLOTS.reconnect);
      ctx.setTimer(ZK_CLIENT_SLOTS.pause, until - ctx.now);
      emit(ctx, ZK_CLIENT_NOTES.ZkPaused, { untilMs: until });
      return;
    }
    case 'connect':
      if (!alive(c)) {
        startHandle(c, ctx, op.server, op.sessionTimeoutMs);
        c.connectWaiters.push(opId);
      } else if (isConnected(c)) {
        finishOp(c, ctx, opId, { ok: true, result: { session: c.session, negotiatedTimeoutMs: c.negotiatedTimeoutMs } }, 0);
      } else c.connectWaiters.push(opId);
      break;
    case 'close':
      if (c.state === 'idle') {
        c.state = 'closed';
        finishOp(c, ctx, opId, { ok: true, result: null }, 0);
      } else if (!alive(c)) {
        // ZooKeeper.close() on a dead handle returns at once, asking no server.
        finishOp(c, ctx, opId, { ok: true, result: null }, 0, true);
      } else submit(c, ctx, { op: 'close' }, { kind: 'op', opId });
      break;
    case 'lock': {
      ensureHandle(c, ctx);
      if (!alive(c) || c.closing) {
        failOp(c, ctx, opId, lossError(c));
        break;
      }
      const bad = pathProblem(op.path, false);
      if (bad !== null) {
        failOp(c, ctx, opId, 'BadArguments');
        break;
      }
      const have = c.locks.find((l) => l.path === op.path);
      if (have !== undefined) {
        if (have.held) finishOp(c, ctx, opId, { ok: true, result: have.node }, have.zxid);
        else failOp(c, ctx, opId, 'BadArguments');
        break;
      }
      const L: LockRec = {
        id: c.nextLock++,
        path: op.path,
        opId,
        node: '',
        zxid: 0,
        held: false,
        waitingOn: '',
        step: 'create',
        retry: false,
        candidates: [],
        unlockOp: -1,
        unlockRetry: false,
        unlockSent: 0,
      };
      c.locks.push(L);
      lockStep(c, ctx, L);
      break;
    }
    case 'unlock': {
      const L = c.locks.find((l) => l.path === op.path);
      if (L === undefined || L.node === '') {
        failOp(c, ctx, opId, !alive(c) && c.state !== 'idle' ? 'SessionExpired' : 'NoNode');
        break;
      }
      if (L.unlockOp >= 0) {
        failOp(c, ctx, opId, 'BadArguments');
        break;
      }
      // The application lets go now: it no longer believes it holds the lock.
      L.held = false;
      L.unlockOp = opId;
      L.unlockSent = 0;
      sendUnlock(c, ctx, L);
      break;
    }
    default: {
      ensureHandle(c, ctx);
      if (alive(c) && !c.closing && pathProblem(op.path, op.op === 'create' && op.sequential) !== null) {
        failOp(c, ctx, opId, 'BadArguments');
        break;
      }
      submit(c, ctx, op, { kind: 'op', opId });
    }
  }
  loop(c, ctx);
}

// ---- pause -------------------------------------------------------------------------------

function resume(c: ZkClient, ctx: Ctx): void {
  const idle = ctx.now - c.lastHeard;
  c.pausedUntil = 0;
  const ops = c.pauseOps;
  c.pauseOps = [];
  for (const opId of ops) finishOp(c, ctx, opId, { ok: true, result: null }, 0);
  const inbox = c.inbox;
  c.inbox = [];
  let timedOut = false;
  if (alive(c) && c.server !== 0) {
    const limit = isConnected(c) ? c.readTimeoutMs : c.connectTimeoutMs;
    timedOut = idle >= limit;
  }
  emit(ctx, ZK_CLIENT_NOTES.ZkResumed, { idleMs: idle, timedOut: timedOut ? 1 : 0, waiting: inbox.length });
  if (timedOut) connectionLost(c, ctx, ZkLoss.PauseTimedOut);
  else for (const item of inbox) handle(c, ctx, item);
  loop(c, ctx);
}

// ---- the plug-in -------------------------------------------------------------------------

function copy<T>(v: T): T {
  if (Array.isArray(v)) return v.map(copy) as T;
  if (typeof v === 'object' && v !== null) {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) o[k] = copy(x);
    return o as T;
  }
  return v;
}

export const zkClientDef: ClientDef<ZkClient, ZkOp, ZkWire, ZkOpRecord, ZkClient, ZkClientView> = {
  timerSlots: 3,
  create(index: number, servers: number): ZkClient {
    return newClient(index, servers);
  },
  invoke,
  receive(c: ZkClient, msg: ZkWire, from: number, ctx: Ctx): void {
    const item: Inbox = { kind: 'msg', msg: msg as ZkServerMsg, from };
    if (c.pausedUntil > 0) {
      c.inbox.push(item);
      return;
    }
    handle(c, ctx, item);
    loop(c, ctx);
  },
  timer(c: ZkClient, slot: number, ctx: Ctx): void {
    if (slot === ZK_CLIENT_SLOTS.pause) {
      if (c.pausedUntil > 0 && ctx.now >= c.pausedUntil) resume(c, ctx);
      return;
    }
    loop(c, ctx);
  },
  disconnected(c: ZkClient, server: number, ctx: Ctx): void {
    const item: Inbox = { kind: 'reset', server };
    if (c.pausedUntil > 0) {
      c.inbox.push(item);
      return;
    }
    handle(c, ctx, item);
    loop(c, ctx);
  },
  snapshot: (c) => copy(c),
  restore: (s) => copy(s),
  view(c: ZkClient): ZkClientView {
    const running = alive(c) && c.server !== 0;
    const timeoutMs = isConnected(c) ? c.readTimeoutMs : c.connectTimeoutMs;
    return {
      client: c.index,
      state: c.state,
      server: c.server,
      session: c.session,
      negotiatedTimeoutMs: c.negotiatedTimeoutMs,
      lastHeardMs: c.lastHeard,
      deadlineMs: running ? c.lastHeard + timeoutMs : 0,
      timeoutMs: running ? timeoutMs : 0,
      lastZxidSeen: c.lastZxid,
      watches: { data: [...c.watches.data], exist: [...c.watches.exist], child: [...c.watches.child] },
      locks: c.locks.map((l) => ({ path: l.path, node: l.node, waitingOn: l.waitingOn, held: l.held, zxid: l.zxid })),
      pausedUntil: c.pausedUntil,
      pending: c.pending.length,
      queued: c.outgoing.length,
    };
  },
};

/** The result of a successful op, for callers that want it typed. */
export type { ZkResult };
