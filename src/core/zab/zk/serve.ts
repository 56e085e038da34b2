/**
 * A ZooKeeper server's request processing on top of ZAB (ZooKeeper 3.8's ZooKeeperServer,
 * LeaderZooKeeperServer / FollowerZooKeeperServer and their processor chains), as data:
 * client connections, per-session request queues (CommitProcessor), the leader's session
 * tracker (SessionTrackerImpl + ExpiryQueue), the follower's touched sessions
 * (LearnerSessionTracker), REVALIDATE and SYNC.
 *
 * Skeleton: the state and the entry points node.ts calls; bodies follow.
 */
import type { SessionId, ZkReadRequest, ZkSetWatches, Zxid } from '../../coord/zookeeper/types';
import type { Ctx, Msg, ZabNode } from '../state';
import { isForwarded, type ZabMsg, type ZkClientRequestMsg } from '../types';

/** One request waiting in its session's queue at the server the client is connected to. */
export type ZkQueued =
  /** A write sent to the leader: answered when its txn (session, cxid = xid) is applied here. */
  | { kind: 'write'; xid: number }
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
  /** The tickTime bucket it expires in (ExpiryQueue.roundToNextInterval(now + timeout)). */
  expireAt: number;
  /** The server its client is connected to, as far as the leader knows (SessionTracker's owner). */
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
  touched: Set<SessionId>;
  /** The highest zxid the leader told us of (PING, PROPOSAL): what a local read says it lags behind. */
  leaderZxid: Zxid;
  /** Leader: the session tracker; loaded (and every clock restarted) when we become established. */
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
    touched: new Set(),
    leaderZxid: 0,
    tracker: new Map(),
    trackerLoaded: false,
    trackerArmed: false,
    pendingSyncs: [],
  };
}

/** A packet of the ZooKeeper service (client wire, REVALIDATE, SYNC, SessionMoved) reached this server. */
export function zkReceive(_node: ZabNode, _msg: ZabNodeZkMsg, _from: number, _ctx: Ctx): void {}

/** After every input: apply what became committed, answer what that unblocks, arm the tracker. */
export function zkAfter(_node: ZabNode, _ctx: Ctx): void {}

/** The session tracker's timer (ZAB_TIMERS.sessions). */
export function zkTrackerTimer(_node: ZabNode, _ctx: Ctx): void {}

/** LOOKING: every client connection closes (ZooKeeperServer shutdown); the applied tree stays. */
export function zkDropConnections(_node: ZabNode): void {}

/** A crash: connections and the applied tree are gone (rebuilt from the committed history after the restart); the session counter stays. */
export function zkCrash(_node: ZabNode): void {}

/** The packets zkReceive handles. */
export type ZabNodeZkMsg = Msg<'ConnectRequest' | 'ClientPing' | 'Revalidate' | 'RevalidateReply' | 'Sync' | 'SyncReply' | 'SessionMoved'> | ZkClientRequestMsg;

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
