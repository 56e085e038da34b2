/**
 * ZooKeeper's client actor: ZooKeeper 3.8's Java client (ClientCnxn's SendThread and
 * EventThread, ZKWatchManager, StaticHostProvider) as a pure, deterministic state machine
 * over the simulator's ClientDef (src/core/coord/service.ts) and the wire in types.ts.
 * (Skeleton: the behaviour lands in the following commits; the API is stable.)
 */
import type { ClientCtx, ClientDef } from '../service';
import type { SessionId, Zxid, ZkClientMsg, ZkEventRecord, ZkOp, ZkOpRecord, ZkServerMsg } from './types';

/** Every packet on a ZooKeeper client's link, both ways. */
export type ZkWire = ZkClientMsg | ZkServerMsg;

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
  /** Virtual time of the last packet heard from the server. */
  lastHeardMs: number;
  /** When its read timeout (connected) or connect timeout (connecting) runs out, 0 when not running. */
  deadlineMs: number;
  lastZxidSeen: Zxid;
  watches: { data: string[]; exist: string[]; child: string[] };
  locks: ZkLockView[];
  /** End of a pause in progress, 0 when not paused. */
  pausedUntil: number;
}

/** A client's whole state: plain data (snapshots are deep copies). */
export interface ZkClient {
  index: number;
  servers: number;
  state: ZkClientStateName;
  server: number;
  session: SessionId;
  negotiatedTimeoutMs: number;
  lastHeard: number;
  lastZxid: Zxid;
  pausedUntil: number;
}

export const zkClientDef: ClientDef<ZkClient, ZkOp, ZkWire, ZkOpRecord, ZkClient, ZkClientView> = {
  timerSlots: 3,
  create(index: number, servers: number): ZkClient {
    return { index, servers, state: 'idle', server: 0, session: 0, negotiatedTimeoutMs: 0, lastHeard: 0, lastZxid: 0, pausedUntil: 0 };
  },
  invoke(_c: ZkClient, _opId: number, _op: ZkOp, _ctx: ClientCtx<ZkWire, ZkOpRecord>): void {},
  receive(_c: ZkClient, _msg: ZkWire, _from: number, _ctx: ClientCtx<ZkWire, ZkOpRecord>): void {},
  timer(_c: ZkClient, _slot: number, _ctx: ClientCtx<ZkWire, ZkOpRecord>): void {},
  disconnected(_c: ZkClient, _server: number, _ctx: ClientCtx<ZkWire, ZkOpRecord>): void {},
  snapshot: (c) => ({ ...c }),
  restore: (s) => ({ ...s }),
  view(c: ZkClient): ZkClientView {
    return {
      client: c.index, state: c.state, server: c.server, session: c.session, negotiatedTimeoutMs: c.negotiatedTimeoutMs,
      lastHeardMs: c.lastHeard, deadlineMs: 0, lastZxidSeen: c.lastZxid, watches: { data: [], exist: [], child: [] }, locks: [], pausedUntil: c.pausedUntil,
    };
  },
};

export type { ZkEventRecord };
