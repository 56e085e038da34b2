/**
 * A ZooKeeper server's request processing on top of ZAB (ZooKeeper 3.8's ZooKeeperServer,
 * LeaderZooKeeperServer / FollowerZooKeeperServer and their processor chains), as data:
 *
 * - Connections (ServerCnxn): a ConnectRequest to a server that is not serving is refused
 *   (`notServing`: the real server closes the socket), so is one from a client that has
 *   seen a later zxid than we applied (`behind`: "client has seen zxid … our last zxid is
 *   …"). A new session gets its id here (sessionIdOf(sid, n)), a negotiated timeout, and a
 *   createSession txn through the leader; the ConnectResponse goes once it is applied
 *   here. A reconnect is revalidated: the leader checks its own tracker, a follower asks
 *   the leader (REVALIDATE). A session that expired or was closed gets session 0,
 *   timeout 0.
 * - Requests, per session in order (CommitProcessor): writes go to the leader (a follower
 *   forwards them as REQUEST) and are answered, once applied here, by the server the
 *   client is connected to; reads are answered from this server's own tree (a follower
 *   may lag the leader: that is ZooKeeper's consistency model) but wait behind the
 *   session's own pending writes and syncs; a sync goes to the leader (SYNC), which
 *   answers once everything proposed before it committed, and the follower replies once
 *   it applied up to there.
 * - Sessions: a client's packets touch its session at its server; a follower passes the
 *   sessions touched since the last PING to the leader with its PING answer
 *   (LearnerSessionTracker); the leader's tracker (SessionTrackerImpl over an
 *   ExpiryQueue: expiry = roundToNextInterval(lastTouch + timeout), checked at every
 *   tickTime boundary) expires a session by proposing closeSession (reason `expire`); a
 *   new leader loads every open session from its tree with a fresh clock.
 * - Applying: history[0 .. committed) is applied to node.zk in zxid order on every
 *   server; a TRUNC / SNAP that replaced an applied entry rebuilds the tree from the
 *   committed history, and so does a restart (a crash loses the applied tree).
 *
 * Simplified: no local sessions, no ACLs, no quotas, no observers; a server that goes
 * LOOKING drops its connections silently (the real one closes their sockets; here the
 * clients notice by their read timeout); request-level owner checks (SessionMoved) are
 * left out — ownership only tells an old server to drop a moved session's connection.
 */
import { emit } from '../../protocol';
import { negotiateTimeoutMs, sessionHex, sessionIdOf, type SessionId, type ZkOutcome, type ZkReadRequest, type ZkRequest, type ZkServerMsg, type ZkSetWatches, type ZkTxn, type Zxid } from '../../coord/zookeeper/types';
import { applyCommitted, applySetWatches, cloneServer, disconnect, lastApplied, newServerState, read, type ZkServerState } from '../../coord/zookeeper/server';
import { isSessionOpen } from '../../coord/zookeeper/tree';
import { addWatch, cloneWatches, hasWatch, listWatches } from '../../coord/zookeeper/watches';
import { proposeTxn } from '../leader';
import { lastZxid, type Ctx, type ZabNode } from '../state';
import { ZAB_TIMERS, ZabNotes, ZabZkNotes, ZK_EVENT_CODES, isForwarded, zabMsgKind, type ZabForward, type ZabMsg, type ZkClientRequestMsg } from '../types';

/** One request waiting in its session's queue at the server the client is connected to. */
export type ZkQueued =
  /**
   * A write sent to the leader: answered when its txn (session, cxid = xid) is applied here —
   * and only once every request before it in the session is answered (a sync still waiting):
   * `reply` holds the answer meanwhile. The Java client fails a connection whose replies come
   * out of order ("Xid out of order").
   */
  | { kind: 'write'; xid: number; reply?: { zxid: Zxid; outcome: ZkOutcome } }
  /** A read behind the session's own writes (CommitProcessor keeps a session's requests in order). */
  | { kind: 'read'; xid: number; req: ZkReadRequest }
  /** A sync: answered once the leader's SYNC came back (`zxid`, null until then) and we applied up to it. */
  | { kind: 'sync'; xid: number; path: string; zxid: Zxid | null };

/** A client connected to this server (ServerCnxn). */
export interface ZkConn {
  client: number;
  session: SessionId;
  timeoutMs: number;
  queue: ZkQueued[];
}

/** A ConnectRequest waiting for its createSession to be applied, or for the leader's REVALIDATE answer. */
export interface ZkPendingConnect {
  client: number;
  session: SessionId;
  timeoutMs: number;
  watches: ZkSetWatches | null;
}

/** The leader's record of one session (SessionTrackerImpl's SessionImpl in its ExpiryQueue). */
export interface ZkTracked {
  timeoutMs: number;
  /** The tickTime bucket it expires in (ExpiryQueue.roundToNextInterval(lastTouch + timeout)). */
  expireAt: number;
  /** The server its client is connected to, as far as the leader knows (0: not known yet). */
  owner: number;
}

export interface ZkServe {
  /** Session counter for ids this server makes (sessionIdOf(id, n)); kept over a crash, as ZooKeeper's time-based ids never repeat. */
  sessionsMade: number;
  /** history[0 .. applied) are applied to node.zk; `appliedTxn` is history[applied − 1] as applied (a TRUNC/SNAP that replaced it ⇒ rebuild). */
  applied: number;
  appliedTxn: object | null;
  /** Connections by session (volatile: a crash or LOOKING closes them all). */
  conns: Map<SessionId, ZkConn>;
  pendingConnects: Map<SessionId, ZkPendingConnect>;
  /** Follower: sessions touched since the last PING answer. */
  touched: SessionId[];
  /** The highest zxid the leader told us of (its PINGs): what a local read says it lags behind. */
  leaderZxid: Zxid;
  /** Leader: the session tracker; loaded (and every clock restarted) when we become established. Follower with bug expireWithoutLog: its own. */
  tracker: Map<SessionId, ZkTracked>;
  trackerLoaded: boolean;
  trackerArmed: boolean;
  /** Leader: SYNCs waiting for every proposal before them to commit (Leader.pendingSyncs). */
  pendingSyncs: { to: number; session: SessionId; xid: number; upTo: Zxid }[];
}

/** The service state a server starts with. */
export function createZkServe(): ZkServe {
  return {
    sessionsMade: 0,
    applied: 0,
    appliedTxn: null,
    conns: new Map(),
    pendingConnects: new Map(),
    touched: [],
    leaderZxid: 0,
    tracker: new Map(),
    trackerLoaded: false,
    trackerArmed: false,
    pendingSyncs: [],
  };
}

/** A deep copy (keyframes). */
export function cloneZkServe(s: ZkServe): ZkServe {
  const conns = new Map<SessionId, ZkConn>();
  for (const [k, c] of s.conns) conns.set(k, { ...c, queue: c.queue.map((q) => ({ ...q })) });
  const tracker = new Map<SessionId, ZkTracked>();
  for (const [k, t] of s.tracker) tracker.set(k, { ...t });
  return {
    ...s,
    conns,
    pendingConnects: new Map(s.pendingConnects),
    touched: s.touched.slice(),
    tracker,
    pendingSyncs: s.pendingSyncs.map((p) => ({ ...p })),
  };
}

export function cloneZkState(z: ZkServerState): ZkServerState {
  return cloneServer(z);
}

// ---- helpers ---------------------------------------------------------------------------

function serve(node: ZabNode): ZkServe {
  return node.zkServe!;
}
function state(node: ZabNode): ZkServerState {
  return node.zk!;
}

/** Whether this server answers clients: an established leader, or a follower that got UPTODATE. */
export function serving(node: ZabNode): boolean {
  return node.state === 'leading' ? node.established : node.state === 'following' && node.fstage === 'serving';
}

export function appliedZxid(node: ZabNode): Zxid {
  return lastApplied(state(node));
}

/** ExpiryQueue.roundToNextInterval: the next tickTime multiple strictly after `t`. */
export function roundToNextTick(t: number, tickMs: number): number {
  return (Math.floor(t / tickMs) + 1) * tickMs;
}

function send(ctx: Ctx, to: number, msg: ZkServerMsg): void {
  ctx.send(to, msg);
}

function reply(node: ZabNode, ctx: Ctx, client: number, xid: number, outcome: ZkOutcome): void {
  send(ctx, client, { type: 'Reply', xid, zxid: appliedZxid(node), outcome });
}

/** What the ledger shows for a txn. */
export function txnLabel(t: ZkTxn): string {
  switch (t.type) {
    case 'createSession':
      return `createSession ${sessionHex(t.session)}`;
    case 'closeSession':
      return `closeSession ${sessionHex(t.session)}${t.reason === 'expire' ? ' (expired)' : ''}`;
    default:
      return `${t.type} ${t.path}`;
  }
}

function txnOf(session: SessionId, xid: number, req: Extract<ZkRequest, { op: 'create' | 'delete' | 'setData' | 'close' }>): ZkTxn {
  switch (req.op) {
    case 'create':
      return { type: 'create', session, cxid: xid, timeMs: 0, path: req.path, data: req.data, ephemeral: req.ephemeral, sequential: req.sequential };
    case 'delete':
      return { type: 'delete', session, cxid: xid, timeMs: 0, path: req.path, version: req.version };
    case 'setData':
      return { type: 'setData', session, cxid: xid, timeMs: 0, path: req.path, data: req.data, version: req.version };
    case 'close':
      return { type: 'closeSession', session, reason: 'close', cxid: xid, timeMs: 0 };
  }
}

// ---- the packets ----------------------------------------------------------------------

/** The packets zkReceive handles. */
export type ZabNodeZkMsg = Extract<ZabMsg, { type: 'ConnectRequest' | 'ClientPing' | 'Revalidate' | 'RevalidateReply' | 'Sync' | 'SyncReply' | 'SessionMoved' }> | ZkClientRequestMsg;

export function isZkPacket(msg: ZabMsg): msg is ZabNodeZkMsg {
  switch (msg.type) {
    case 'Request':
      return !isForwarded(msg);
    case 'ConnectRequest':
    case 'ClientPing':
    case 'Revalidate':
    case 'RevalidateReply':
    case 'Sync':
    case 'SyncReply':
    case 'SessionMoved':
      return true;
    default:
      return false;
  }
}

/** A packet of the ZooKeeper service (client wire, REVALIDATE, SYNC, SessionMoved) reached this server. */
export function zkReceive(node: ZabNode, msg: ZabNodeZkMsg, from: number, ctx: Ctx): void {
  switch (msg.type) {
    case 'ConnectRequest':
      connectRequest(node, msg, from, ctx);
      return;
    case 'ClientPing': {
      const conn = serve(node).conns.get(msg.session);
      if (!serving(node) || conn === undefined || conn.client !== from) {
        emit(ctx, ZabZkNotes.NoConnection, { client: from, session: msg.session });
        return;
      }
      touchLocal(node, msg.session, ctx);
      send(ctx, from, { type: 'ClientPong', zxid: appliedZxid(node) });
      return;
    }
    case 'Request':
      clientRequest(node, msg, from, ctx);
      return;
    case 'Revalidate': {
      if (!fromServingLearner(node, from)) return ignored(ctx, from, msg);
      const valid = leaderRevalidate(node, msg.session, msg.timeoutMs, from, ctx);
      ctx.send(from, { type: 'RevalidateReply', session: msg.session, valid });
      return;
    }
    case 'RevalidateReply': {
      const s = serve(node);
      const p = s.pendingConnects.get(msg.session);
      if (!fromLeader(node, from) || p === undefined) return ignored(ctx, from, msg);
      s.pendingConnects.delete(msg.session);
      finishReconnect(node, p, msg.valid, ctx);
      return;
    }
    case 'Sync': {
      if (!fromServingLearner(node, from)) return ignored(ctx, from, msg);
      serve(node).pendingSyncs.push({ to: from, session: msg.session, xid: msg.xid, upTo: lastZxid(node) });
      return; // answered by zkAfter once committed (at once if nothing is outstanding)
    }
    case 'SyncReply': {
      const conn = serve(node).conns.get(msg.session);
      if (!fromLeader(node, from) || conn === undefined) return ignored(ctx, from, msg);
      const q = conn.queue.find((x) => x.kind === 'sync' && x.xid === msg.xid && x.zxid === null);
      if (q === undefined || q.kind !== 'sync') return;
      q.zxid = msg.zxid;
      // Answered now if we have applied up to it (FollowerZooKeeperServer.sync hands it to the
      // commit processor on arrival); else zkAfter drains it once we have.
      drain(node, serve(node).conns.get(msg.session)!, ctx);
      return;
    }
    case 'SessionMoved': {
      if (!fromLeader(node, from)) return ignored(ctx, from, msg);
      const conn = serve(node).conns.get(msg.session);
      if (conn === undefined) return;
      dropConn(node, conn);
      emit(ctx, ZabZkNotes.SessionMovedAway, { session: msg.session, client: conn.client, to: msg.to });
      return;
    }
  }
}

function ignored(ctx: Ctx, from: number, msg: ZabMsg): void {
  emit(ctx, ZabNotes.Ignored, { from, kind: zabMsgKind(msg) });
}

function fromLeader(node: ZabNode, from: number): boolean {
  return node.state === 'following' && from === node.leader && node.fstage === 'serving';
}

function fromServingLearner(node: ZabNode, from: number): boolean {
  return node.state === 'leading' && node.established && node.learners[from]?.stage === 'serving';
}

function connectRequest(node: ZabNode, msg: Extract<ZabMsg, { type: 'ConnectRequest' }>, client: number, ctx: Ctx): void {
  // A Java client has one socket: it closed the previous one (ClientCnxnSocket.cleanup)
  // before opening this, so that connection here is gone — and with it the watches it held
  // (the server removes a closed cnxn's watchers). Nothing of an old session may reach the
  // client's new socket.
  for (const conn of [...serve(node).conns.values()]) if (conn.client === client && conn.session !== msg.session) dropConn(node, conn);
  if (!serving(node)) {
    emit(ctx, ZabZkNotes.ConnectRefusedNotServing, { client, session: msg.session });
    send(ctx, client, { type: 'ConnectResponse', session: 0, timeoutMs: 0, refused: 'notServing' });
    return;
  }
  const ours = appliedZxid(node);
  if (msg.lastZxidSeen > ours) {
    emit(ctx, ZabZkNotes.ConnectRefusedBehind, { client, session: msg.session, theirs: msg.lastZxidSeen, ours });
    send(ctx, client, { type: 'ConnectResponse', session: 0, timeoutMs: 0, refused: 'behind' });
    return;
  }
  const s = serve(node);
  const timeoutMs = negotiateTimeoutMs(msg.timeoutMs, node.cfg.tickTimeMs);
  if (msg.session === 0) {
    s.sessionsMade++;
    const session = sessionIdOf(node.id, s.sessionsMade);
    s.pendingConnects.set(session, { client, session, timeoutMs, watches: null });
    emit(ctx, ZabZkNotes.SessionRequested, { client, session, timeoutMs, askedMs: msg.timeoutMs });
    submit(node, ctx, client, 0, { type: 'createSession', session, timeoutMs, cxid: 0, timeMs: 0 });
    return;
  }
  const p: ZkPendingConnect = { client, session: msg.session, timeoutMs, watches: msg.watches ?? null };
  if (node.state === 'leading') {
    finishReconnect(node, p, leaderRevalidate(node, msg.session, timeoutMs, node.id, ctx), ctx);
    return;
  }
  s.pendingConnects.set(msg.session, p);
  emit(ctx, ZabZkNotes.RevalidateSent, { client, session: msg.session, leader: node.leader });
  ctx.send(node.leader, { type: 'Revalidate', session: msg.session, timeoutMs });
}

/** The leader's answer to a reconnect (its own, or a follower's REVALIDATE): the session is open ⇒ touched, owned by `owner`. */
function leaderRevalidate(node: ZabNode, session: SessionId, timeoutMs: number, owner: number, ctx: Ctx): boolean {
  const s = serve(node);
  const t = s.tracker.get(session);
  emit(ctx, ZabZkNotes.Revalidated, { session, valid: t === undefined ? 0 : 1, owner, previous: t?.owner ?? 0 });
  if (t === undefined) return false;
  t.expireAt = roundToNextTick(ctx.now + timeoutMs, node.cfg.tickTimeMs);
  const old = t.owner;
  t.owner = owner;
  if (old !== 0 && old !== owner) {
    if (old === node.id) {
      const conn = s.conns.get(session);
      if (conn !== undefined) {
        dropConn(node, conn);
        emit(ctx, ZabZkNotes.SessionMovedAway, { session, client: conn.client, to: owner });
      }
    } else if (node.learners[old]?.stage === 'serving') ctx.send(old, { type: 'SessionMoved', session, to: owner });
  }
  return true;
}

function finishReconnect(node: ZabNode, p: ZkPendingConnect, valid: boolean, ctx: Ctx): void {
  if (!valid) {
    emit(ctx, ZabZkNotes.SessionInvalid, { client: p.client, session: p.session });
    send(ctx, p.client, { type: 'ConnectResponse', session: 0, timeoutMs: 0 });
    return;
  }
  emit(ctx, ZabZkNotes.SessionReconnected, { client: p.client, session: p.session, timeoutMs: p.timeoutMs });
  attach(node, p, ctx);
}

/** Register the connection, answer ConnectResponse, re-register the client's watches (SetWatches). */
function attach(node: ZabNode, p: ZkPendingConnect, ctx: Ctx): void {
  const s = serve(node);
  const old = s.conns.get(p.session);
  if (old !== undefined) dropConn(node, old);
  else disconnect(state(node), p.session); // any watches a former connection here left
  s.conns.set(p.session, { client: p.client, session: p.session, timeoutMs: p.timeoutMs, queue: [] });
  touchLocal(node, p.session, ctx);
  send(ctx, p.client, { type: 'ConnectResponse', session: p.session, timeoutMs: p.timeoutMs });
  if (p.watches !== null) {
    for (const d of applySetWatches(state(node), p.session, p.watches)) deliver(node, ctx, p.client, d.event, d.zxid);
  }
}

/**
 * The server closes an ended session's connection (FinalRequestProcessor's closeSession ⇒
 * NIOServerCnxn.close). The wire has no end-of-stream packet: a ConnectResponse the
 * client did not ask for is read as one (client.ts); session 0 / timeout 0 says why if
 * the client was just asking (its reconnect would hear "expired" anyway).
 */
function closeSocket(ctx: Ctx, client: number): void {
  send(ctx, client, { type: 'ConnectResponse', session: 0, timeoutMs: 0 });
}

function dropConn(node: ZabNode, conn: ZkConn): void {
  serve(node).conns.delete(conn.session);
  disconnect(state(node), conn.session);
}

/** A client's packet touched its session here: the leader's tracker, or the next PING answer of a follower. */
function touchLocal(node: ZabNode, session: SessionId, ctx: Ctx): void {
  const s = serve(node);
  if (node.state === 'leading' || node.cfg.bugs.expireWithoutLog) {
    const t = s.tracker.get(session);
    if (t !== undefined) t.expireAt = roundToNextTick(ctx.now + t.timeoutMs, node.cfg.tickTimeMs);
  }
  if (node.state === 'following' && !s.touched.includes(session)) s.touched.push(session);
}

function clientRequest(node: ZabNode, msg: ZkClientRequestMsg, client: number, ctx: Ctx): void {
  const s = serve(node);
  if (!serving(node)) {
    emit(ctx, ZabZkNotes.NoConnection, { client, session: msg.session });
    return; // the real server has no connection to answer on
  }
  const conn = s.conns.get(msg.session);
  if (conn === undefined || conn.client !== client) {
    if (msg.session !== 0 && isSessionOpen(state(node).tree, msg.session)) {
      emit(ctx, ZabZkNotes.NoConnection, { client, session: msg.session });
      return; // open, but not connected here (it moved, or we dropped it): no socket to answer on
    }
    emit(ctx, ZabZkNotes.SessionUnknown, { client, session: msg.session, xid: msg.xid });
    reply(node, ctx, client, msg.xid, { ok: false, error: 'SessionExpired' });
    return;
  }
  touchLocal(node, msg.session, ctx);
  const req = msg.req;
  switch (req.op) {
    case 'create':
    case 'delete':
    case 'setData':
    case 'close':
      conn.queue.push({ kind: 'write', xid: msg.xid });
      submit(node, ctx, client, msg.xid, txnOf(msg.session, msg.xid, req));
      return;
    case 'sync':
      if (node.state === 'leading') {
        conn.queue.push({ kind: 'sync', xid: msg.xid, path: req.path, zxid: lastZxid(node) });
      } else {
        conn.queue.push({ kind: 'sync', xid: msg.xid, path: req.path, zxid: null });
        emit(ctx, ZabZkNotes.SyncForwarded, { client, xid: msg.xid, leader: node.leader });
        ctx.send(node.leader, { type: 'Sync', session: msg.session, xid: msg.xid });
      }
      drain(node, conn, ctx);
      return;
    default:
      if (conn.queue.length === 0) serveRead(node, conn, msg.xid, req, ctx);
      else {
        emit(ctx, ZabZkNotes.ReadQueued, { client, xid: msg.xid, behind: conn.queue.length });
        conn.queue.push({ kind: 'read', xid: msg.xid, req });
      }
  }
}

function serveRead(node: ZabNode, conn: ZkConn, xid: number, req: ZkReadRequest, ctx: Ctx): void {
  const outcome = read(state(node), conn.session, req);
  const zxid = appliedZxid(node);
  const leaderZxid = node.state === 'leading' ? lastZxid(node) : Math.max(serve(node).leaderZxid, lastZxid(node));
  emit(ctx, ZabZkNotes.ReadServed, { client: conn.client, xid, zxid, leaderZxid });
  send(ctx, conn.client, { type: 'Reply', xid, zxid, outcome });
}

/** A write (or a session txn) from a client of ours: proposed if we lead, else forwarded as REQUEST. */
function submit(node: ZabNode, ctx: Ctx, client: number, xid: number, txn: ZkTxn): void {
  if (node.state === 'leading') {
    leaderSubmit(node, ctx, node.id, client, xid, txn);
    return;
  }
  emit(ctx, ZabNotes.Forwarded, { client, request: xid, leader: node.leader });
  ctx.send(node.leader, { type: 'Request', clientId: client, requestId: xid, value: txnLabel(txn), via: node.id, zk: txn });
}

/** A forwarded REQUEST carrying a ZooKeeper txn reached the leader. */
export function zkLeaderForwarded(node: ZabNode, msg: ZabForward, from: number, ctx: Ctx): void {
  if (!node.established || node.zkServe === null || msg.zk === undefined) {
    emit(ctx, ZabNotes.ClientRefused, { client: msg.clientId, request: msg.requestId });
    return;
  }
  leaderSubmit(node, ctx, from, msg.clientId, msg.requestId, msg.zk);
}

/**
 * PrepRequestProcessor's session bookkeeping, then the proposal (the leader stamps the
 * time): createSession starts tracking the session, owned by the server that made it;
 * closeSession marks it closing (gone from the tracker: later touches find nothing).
 */
function leaderSubmit(node: ZabNode, ctx: Ctx, via: number, client: number, xid: number, txn: ZkTxn): void {
  const s = serve(node);
  if (txn.type === 'createSession') s.tracker.set(txn.session, { timeoutMs: txn.timeoutMs, expireAt: roundToNextTick(ctx.now + txn.timeoutMs, node.cfg.tickTimeMs), owner: via });
  else if (txn.type === 'closeSession') s.tracker.delete(txn.session);
  const stamped: ZkTxn = { ...txn, timeMs: ctx.now };
  proposeTxn(node, ctx, client, xid, txnLabel(stamped), stamped);
}

/** The leader's PING reached us: remember how far it is; our answer carries the sessions our clients touched. */
export function zkPingAnswer(node: ZabNode, leaderZxid: Zxid): SessionId[] | null {
  const s = node.zkServe;
  if (s === null) return null;
  if (leaderZxid > s.leaderZxid) s.leaderZxid = leaderZxid;
  if (s.touched.length === 0) return null;
  const out = s.touched;
  s.touched = [];
  return out;
}

/** A follower's PING answer listed the sessions its clients touched (LearnerHandler: learnerMaster.touch). */
export function zkTouchFromLearner(node: ZabNode, sessions: readonly SessionId[], from: number, ctx: Ctx): void {
  const s = node.zkServe;
  if (s === null || !node.established) return;
  for (const id of sessions) {
    const t = s.tracker.get(id);
    if (t === undefined) continue;
    t.expireAt = roundToNextTick(ctx.now + t.timeoutMs, node.cfg.tickTimeMs);
    if (t.owner === 0) t.owner = from;
  }
}

// ---- applying and answering -----------------------------------------------------------

/** After every input: apply what became committed, answer what that unblocks, run the tracker. */
export function zkAfter(node: ZabNode, ctx: Ctx): void {
  const s = serve(node);
  const h = node.history;
  if (s.applied > node.committed || (s.applied > 0 && h[s.applied - 1] !== s.appliedTxn)) {
    // A TRUNC or SNAP replaced what we had applied: rebuild the tree from the committed history.
    for (const conn of [...s.conns.values()]) dropConn(node, conn);
    s.pendingConnects.clear();
    node.zk = newServerState();
    s.applied = 0;
    s.appliedTxn = null;
    emit(ctx, ZabZkNotes.TreeRebuilt, { count: node.committed });
  }
  let any = false;
  while (s.applied < node.committed) {
    const t = h[s.applied];
    s.applied++;
    s.appliedTxn = t;
    if (t.zk !== undefined) {
      applyOne(node, t.zk, t.zxid, ctx);
      any = true;
    }
  }
  if (any) for (const conn of [...s.conns.values()]) drain(node, conn, ctx);
  if (node.state === 'leading' && node.established) {
    if (!s.trackerLoaded) loadTracker(node, ctx);
    flushSyncs(node, ctx);
  }
  const tracks = (node.state === 'leading' && node.established) || (node.cfg.bugs.expireWithoutLog && node.state === 'following' && node.fstage === 'serving');
  if (tracks && !s.trackerArmed) {
    const tick = node.cfg.tickTimeMs;
    s.trackerArmed = true;
    ctx.setTimer(ZAB_TIMERS.sessions, tick - (ctx.now % tick));
  }
}

function applyOne(node: ZabNode, txn: ZkTxn, zxid: Zxid, ctx: Ctx): void {
  const s = serve(node);
  const st = state(node);
  const before = node.cfg.bugs.watchFiresTwice ? cloneWatches(st.watches) : null;
  const res = applyCommitted(st, txn, zxid);
  if (before !== null) keepFired(node, before);
  // The leader tracks a session from its proposal on (or from loading its tree); bug
  // expireWithoutLog has a follower track every session it applies, with its own clock.
  if (txn.type === 'createSession' && node.state !== 'leading' && node.cfg.bugs.expireWithoutLog && res.outcome.ok) {
    s.tracker.set(txn.session, { timeoutMs: txn.timeoutMs, expireAt: roundToNextTick(ctx.now + txn.timeoutMs, node.cfg.tickTimeMs), owner: 0 });
  }
  if (txn.type === 'closeSession') s.tracker.delete(txn.session);
  answer(node, txn, zxid, res.outcome, ctx);
  for (const d of res.deliveries) {
    const conn = s.conns.get(d.session);
    if (conn !== undefined) deliver(node, ctx, conn.client, d.event, d.zxid);
  }
}

/**
 * Bug watchFiresTwice: every watch the trigger removed for a session still open goes back
 * into the table — the server forgets the one-shot rule, so the next change fires it
 * again without the client having set it again (One-Shot Watches must catch that).
 */
function keepFired(node: ZabNode, before: ZkServerState['watches']): void {
  const st = state(node);
  for (const w of listWatches(before)) {
    if (!hasWatch(st.watches, w.kind, w.path, w.session) && isSessionOpen(st.tree, w.session)) addWatch(st.watches, w.kind, w.path, w.session);
  }
}

function deliver(node: ZabNode, ctx: Ctx, client: number, event: { type: keyof typeof ZK_EVENT_CODES; path: string }, zxid: Zxid): void {
  emit(ctx, ZabZkNotes.WatchFired, { client, event: ZK_EVENT_CODES[event.type], zxid, applied: appliedZxid(node) });
  send(ctx, client, { type: 'WatcherEvent', event, zxid });
}

/** FinalRequestProcessor: the server the client is connected to answers the applied txn. */
function answer(node: ZabNode, txn: ZkTxn, zxid: Zxid, outcome: ZkOutcome, ctx: Ctx): void {
  const s = serve(node);
  if (txn.type === 'createSession') {
    const p = s.pendingConnects.get(txn.session);
    if (p === undefined) return;
    s.pendingConnects.delete(txn.session);
    emit(ctx, ZabZkNotes.SessionCreated, { client: p.client, session: txn.session, timeoutMs: txn.timeoutMs, zxid });
    attach(node, p, ctx);
    return;
  }
  const conn = s.conns.get(txn.session);
  if (conn === undefined) return;
  if (txn.type === 'closeSession') {
    emit(ctx, ZabZkNotes.SessionEnded, { client: conn.client, session: txn.session, expired: txn.reason === 'expire' ? 1 : 0, zxid });
    const i = txn.reason === 'close' ? conn.queue.findIndex((q) => q.kind === 'write' && q.xid === txn.cxid) : -1;
    dropConn(node, conn);
    if (i >= 0) send(ctx, conn.client, { type: 'Reply', xid: txn.cxid, zxid, outcome });
    else closeSocket(ctx, conn.client);
    return;
  }
  const i = conn.queue.findIndex((q) => q.kind === 'write' && q.xid === txn.cxid);
  if (i < 0) return;
  if (i > 0) {
    conn.queue[i] = { kind: 'write', xid: txn.cxid, reply: { zxid, outcome } };
    return; // drain sends it after what is before it
  }
  conn.queue.shift();
  send(ctx, conn.client, { type: 'Reply', xid: txn.cxid, zxid, outcome });
}

/** Answer the head of a session's queue while it is not a write still in flight. */
function drain(node: ZabNode, conn: ZkConn, ctx: Ctx): void {
  while (conn.queue.length > 0) {
    const q = conn.queue[0];
    if (q.kind === 'write') {
      if (q.reply === undefined) return;
      conn.queue.shift();
      send(ctx, conn.client, { type: 'Reply', xid: q.xid, zxid: q.reply.zxid, outcome: q.reply.outcome });
      continue;
    }
    if (q.kind === 'read') {
      conn.queue.shift();
      serveRead(node, conn, q.xid, q.req, ctx);
      continue;
    }
    const applied = appliedZxid(node);
    if (q.zxid === null || applied < q.zxid) return;
    conn.queue.shift();
    emit(ctx, ZabZkNotes.SyncDone, { client: conn.client, xid: q.xid, zxid: q.zxid, applied });
    send(ctx, conn.client, { type: 'Reply', xid: q.xid, zxid: applied, outcome: { ok: true, result: q.path } });
  }
}

/** Leader: a SYNC is answered once every proposal before it has committed (Leader.processSync / sendSync). */
function flushSyncs(node: ZabNode, ctx: Ctx): void {
  const s = serve(node);
  if (s.pendingSyncs.length === 0) return;
  const committed = node.committed > 0 ? node.history[node.committed - 1].zxid : 0;
  const keep: ZkServe['pendingSyncs'] = [];
  for (const p of s.pendingSyncs) {
    if (committed >= p.upTo) ctx.send(p.to, { type: 'SyncReply', session: p.session, xid: p.xid, zxid: p.upTo });
    else keep.push(p);
  }
  s.pendingSyncs = keep;
}

/** A new leader loads every open session from its tree and restarts its clock (SessionTrackerImpl is built from the database's sessions). */
function loadTracker(node: ZabNode, ctx: Ctx): void {
  const s = serve(node);
  s.trackerLoaded = true;
  s.tracker.clear();
  for (const e of state(node).tree.sessions.values()) {
    if (e.state === 'open') s.tracker.set(e.id, { timeoutMs: e.timeoutMs, expireAt: roundToNextTick(ctx.now + e.timeoutMs, node.cfg.tickTimeMs), owner: 0 });
  }
  emit(ctx, ZabZkNotes.TrackerLoaded, { sessions: s.tracker.size });
}

/** The session tracker's timer (ZAB_TIMERS.sessions), at every tickTime boundary: expire every session of the buckets due. */
export function zkTrackerTimer(node: ZabNode, ctx: Ctx): void {
  const s = node.zkServe;
  if (s === null) return;
  s.trackerArmed = false;
  const due: [SessionId, ZkTracked][] = [];
  for (const [id, t] of s.tracker) if (t.expireAt <= ctx.now) due.push([id, t]);
  if (due.length === 0) return;
  due.sort((a, b) => a[0] - b[0]);
  if (node.state === 'leading' && node.established) {
    for (const [id, t] of due) {
      emit(ctx, ZabZkNotes.SessionExpiredByTracker, { session: id, timeoutMs: t.timeoutMs, expireAt: t.expireAt });
      leaderSubmit(node, ctx, node.id, 0, 0, { type: 'closeSession', session: id, reason: 'expire', cxid: 0, timeMs: 0 });
    }
  } else if (node.cfg.bugs.expireWithoutLog && node.state === 'following' && node.fstage === 'serving') {
    // The bug: our own tracker ends the session in our own tree, outside the log.
    const st = state(node);
    for (const [id, t] of due) {
      s.tracker.delete(id);
      emit(ctx, ZabZkNotes.SessionExpiredLocally, { session: id, timeoutMs: t.timeoutMs, expireAt: t.expireAt });
      const res = applyCommitted(st, { type: 'closeSession', session: id, reason: 'expire', cxid: 0, timeMs: ctx.now }, lastApplied(st));
      const conn = s.conns.get(id);
      if (conn !== undefined) {
        dropConn(node, conn);
        closeSocket(ctx, conn.client);
      }
      for (const d of res.deliveries) {
        const c = s.conns.get(d.session);
        if (c !== undefined) deliver(node, ctx, c.client, d.event, d.zxid);
      }
    }
  }
}

/**
 * Going LOOKING: ZooKeeperServer shuts down and closes every client socket, so its
 * clients look for another server at once. The end of stream is a ConnectResponse
 * refused `notServing` (read as a lost connection whether or not the client is waiting
 * for a ConnectResponse: never as "expired").
 */
export function zkShutdown(node: ZabNode, ctx: Ctx): void {
  const s = node.zkServe;
  if (s === null || (s.conns.size === 0 && s.pendingConnects.size === 0)) return;
  const clients = new Set<number>();
  for (const c of s.conns.values()) clients.add(c.client);
  for (const p of s.pendingConnects.values()) clients.add(p.client);
  emit(ctx, ZabZkNotes.ConnectionsClosed, { clients: clients.size });
  for (const c of [...clients].sort((a, b) => a - b)) send(ctx, c, { type: 'ConnectResponse', session: 0, timeoutMs: 0, refused: 'notServing' });
}

/** LOOKING or a crash: every client connection is gone (zkShutdown told the clients); the applied tree stays. */
export function zkDropConnections(node: ZabNode): void {
  const s = node.zkServe;
  if (s === null) return;
  for (const conn of [...s.conns.values()]) dropConn(node, conn);
  s.pendingConnects.clear();
  s.touched = [];
  s.tracker.clear();
  s.trackerLoaded = false;
  s.pendingSyncs = [];
}

/** A crash: connections and the applied tree are gone (rebuilt from the committed history after the restart); the session counter stays. */
export function zkCrash(node: ZabNode): void {
  const s = node.zkServe;
  if (s === null) return;
  zkDropConnections(node);
  node.zk = newServerState();
  s.applied = 0;
  s.appliedTxn = null;
  s.leaderZxid = 0;
  s.trackerArmed = false;
}
