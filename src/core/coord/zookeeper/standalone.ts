/**
 * A one-server ZooKeeper executor for tests and the conformance suite's model side: it
 * only sequences server.ts, as a standalone ZooKeeper would — every write becomes its txn
 * with the next zxid (epoch 0: 0x1, 0x2, …, as a standalone server numbers them), reads
 * are served at once. Clients are numbered as scenarios number them (1-based); each has at
 * most one current session. No timers: `expire` is the session tracker's verdict, given
 * by the caller; `timeMs` is the clock that stamps ctime/mtime.
 */
import { negotiateTimeoutMs, sessionIdOf, type SessionId, type WatchEvent, type ZkOutcome, type ZkRequest, type ZkSetWatches, type ZkTxn, type Zxid } from './types';
import { applyCommitted, applySetWatches, newServerState, read, type ZkServerState } from './server';
import type { WatchDelivery } from './types';

/** A watch event as one client receives it. */
export interface ClientEvent {
  client: number;
  /** The session it was sent to (the client's current one, or an older one still open). */
  session: SessionId;
  event: WatchEvent;
  zxid: Zxid;
}

export interface StepResult {
  outcome: ZkOutcome;
  /** Watch events, in delivery order, with the client each goes to. */
  events: ClientEvent[];
  /** The zxid of the txn this step made (0 for a read). */
  zxid: Zxid;
}

export class Standalone {
  readonly state: ZkServerState = newServerState();
  /** The clock stamped into txns (virtual ms); the caller moves it. */
  timeMs = 0;
  private counter = 0;
  private sessionsMade = 0;
  private cxid = new Map<number, number>();
  private readonly current = new Map<number, SessionId>();
  private readonly owner = new Map<SessionId, number>();

  constructor(readonly tickTimeMs: number, readonly serverId = 1) {}

  /** The client's current session (0 before its first connect). */
  session(client: number): SessionId {
    return this.current.get(client) ?? 0;
  }

  /** The client a session belongs to (0 if none). */
  clientOf(session: SessionId): number {
    return this.owner.get(session) ?? 0;
  }

  /** Open a new session for `client` (its previous session, if any, stays as it is — as a new ZooKeeper handle would). */
  connect(client: number, timeoutMs: number): StepResult {
    const session = sessionIdOf(this.serverId, ++this.sessionsMade);
    this.current.set(client, session);
    this.owner.set(session, client);
    this.cxid.set(client, 0);
    return this.commit({ type: 'createSession', session, timeoutMs: negotiateTimeoutMs(timeoutMs, this.tickTimeMs), cxid: 0, timeMs: this.timeMs });
  }

  /** One request on the client's current session: a write is committed as the next txn, a read is served. */
  run(client: number, req: ZkRequest): StepResult {
    const session = this.session(client);
    const base = { session, cxid: this.nextCxid(client), timeMs: this.timeMs };
    switch (req.op) {
      case 'create':
        return this.commit({ type: 'create', ...base, path: req.path, data: req.data, ephemeral: req.ephemeral, sequential: req.sequential });
      case 'delete':
        return this.commit({ type: 'delete', ...base, path: req.path, version: req.version });
      case 'setData':
        return this.commit({ type: 'setData', ...base, path: req.path, data: req.data, version: req.version });
      case 'close':
        return this.commit({ type: 'closeSession', ...base, reason: 'close' });
      case 'sync':
        // A standalone server is always up to date: sync answers with its path.
        return { outcome: read(this.state, session, { op: 'exists', path: req.path, watch: false }).ok ? { ok: true, result: req.path } : { ok: false, error: 'SessionExpired' }, events: [], zxid: 0 };
      default:
        return { outcome: read(this.state, session, req), events: [], zxid: 0 };
    }
  }

  close(client: number): StepResult {
    return this.run(client, { op: 'close' });
  }

  /**
   * The session tracker expires the client's session: the client stopped pinging, so its
   * connection is gone, and the events the server queues for the expired session's own
   * watches reach nobody (the real server's closing socket drops them) — they are left out.
   */
  expire(client: number): StepResult {
    const session = this.session(client);
    const r = this.commit({ type: 'closeSession', session, reason: 'expire', cxid: 0, timeMs: this.timeMs });
    return { ...r, events: r.events.filter((e) => e.session !== session) };
  }

  /** The client re-sends its watches (as after a reconnect). */
  setWatches(client: number, sw: ZkSetWatches): ClientEvent[] {
    return this.toClients(applySetWatches(this.state, this.session(client), sw));
  }

  private nextCxid(client: number): number {
    const n = (this.cxid.get(client) ?? 0) + 1;
    this.cxid.set(client, n);
    return n;
  }

  private commit(txn: ZkTxn): StepResult {
    const zxid = ++this.counter;
    const { outcome, deliveries } = applyCommitted(this.state, txn, zxid);
    return { outcome, events: this.toClients(deliveries), zxid };
  }

  private toClients(ds: WatchDelivery[]): ClientEvent[] {
    return ds.map((d) => ({ client: this.clientOf(d.session), session: d.session, event: d.event, zxid: d.zxid }));
  }
}
