/**
 * A small world for driving the ZooKeeper client actor: a discrete-event loop with its own
 * clock, a fake ClientCtx per client, and a fake ensemble of servers built on server.ts
 * that speaks ZkServerMsg. Every server holds the same tree (each write is applied to
 * all at once, in zxid order: a perfectly replicated ensemble) and its own watch table
 * (watches are registered on the server the client reads from); a request on a session
 * the tree does not hold open is answered SessionExpired, a reconnect with an expired
 * session gets session 0. Sessions expire only when a test says so (`expire`), as the
 * leader's tracker would; the server holding its connection then closes it. Faults: a server can crash (its clients are reset, as the
 * simulator calls ClientDef.disconnected), go silent (it drops everything: a partition,
 * found by the read timeout), refuse connections, or lose a connection right after it
 * applied the next write (the reply never leaves).
 */
import { zkClientDef, type ZkClient, type ZkClientView, type ZkWire } from '../../../../../src/core/coord/zookeeper/client';
import type { ClientCtx } from '../../../../../src/core/coord/service';
import { applyCommitted, applySetWatches, disconnect, lastApplied, newServerState, read, type ZkServerState } from '../../../../../src/core/coord/zookeeper/server';
import { isSessionOpen } from '../../../../../src/core/coord/zookeeper/tree';
import {
  negotiateTimeoutMs,
  sessionIdOf,
  type SessionId,
  type ZkClientMsg,
  type ZkEventRecord,
  type ZkOp,
  type ZkOpRecord,
  type ZkOutcome,
  type ZkServerMsg,
  type ZkTxn,
} from '../../../../../src/core/coord/zookeeper/types';
import { ZK_CLIENT_NOTES } from '../../../../../src/core/coord/zookeeper/client';

export const LATENCY_MS = 5;
export const TICK_MS = 2000;

/** A packet as it crossed the wire, for assertions. */
export interface WireRec {
  t: number;
  client: number;
  server: number;
  dir: 'up' | 'down';
  msg: ZkWire;
}

export interface NoteRec {
  t: number;
  client: number;
  name: string;
  args: number[];
}

type Ev =
  | { kind: 'up'; client: number; server: number; msg: ZkClientMsg }
  | { kind: 'down'; client: number; server: number; msg: ZkServerMsg }
  | { kind: 'timer'; client: number; slot: number; gen: number }
  | { kind: 'op'; client: number; op: ZkOp };

interface QItem {
  at: number;
  seq: number;
  ev: Ev;
}

interface FakeServer {
  id: number;
  state: ZkServerState;
  alive: boolean;
  silent: boolean;
  refuse: 'behind' | 'notServing' | null;
  /** Lose the connection right after applying the next write (its reply is never sent). */
  dropAfterWrite: boolean;
  /** Session → client connected here. */
  conns: Map<SessionId, number>;
  made: number;
}

const NOTE_NAMES = new Map<number, string>(Object.values(ZK_CLIENT_NOTES).map((s) => [s.code, s.name]));

export class World {
  now = 0;
  private seq = 0;
  private queue: QItem[] = [];
  readonly servers: FakeServer[] = [];
  readonly clients: ZkClient[] = [];
  private readonly timerGen: number[][] = [];
  private readonly rng: number[] = [];
  readonly ops: ZkOpRecord[] = [];
  readonly events: ZkEventRecord[] = [];
  readonly wire: WireRec[] = [];
  readonly notes: NoteRec[] = [];
  private nextOpId = 0;
  private zxidCounter = 0;
  /** What a client's server last saw from it (the fake's session tracker). */
  readonly lastTouch = new Map<SessionId, number>();

  constructor(
    readonly serverCount: number,
    clientCount: number,
  ) {
    for (let s = 1; s <= serverCount; s++) {
      this.servers.push({ id: s, state: newServerState(), alive: true, silent: false, refuse: null, dropAfterWrite: false, conns: new Map(), made: 0 });
    }
    for (let c = 1; c <= clientCount; c++) {
      this.clients.push(zkClientDef.create(c, serverCount, null));
      this.timerGen.push(new Array<number>(zkClientDef.timerSlots).fill(0));
      this.rng.push(c * 7919);
    }
  }

  server(s: number): FakeServer {
    return this.servers[s - 1];
  }

  view(c: number): ZkClientView {
    return zkClientDef.view(this.clients[c - 1]);
  }

  /** The op records of client c (in invoke order). */
  opsOf(c: number): ZkOpRecord[] {
    return this.ops.filter((o) => o.client === c);
  }

  /** The last op record of client c. */
  last(c: number): ZkOpRecord {
    const o = this.opsOf(c);
    return o[o.length - 1];
  }

  eventsOf(c: number): ZkEventRecord[] {
    return this.events.filter((e) => e.client === c);
  }

  notesOf(c: number, name: string): NoteRec[] {
    return this.notes.filter((n) => n.client === c && n.name === name);
  }

  sent(c: number, type: ZkClientMsg['type']): WireRec[] {
    return this.wire.filter((w) => w.client === c && w.dir === 'up' && w.msg.type === type);
  }

  private push(at: number, ev: Ev): void {
    const item = { at, seq: this.seq++, ev };
    let i = this.queue.length;
    while (i > 0 && (this.queue[i - 1].at > at || (this.queue[i - 1].at === at && this.queue[i - 1].seq > item.seq))) i--;
    this.queue.splice(i, 0, item);
  }

  /** Schedule a client op at time `at` (default: now). */
  op(client: number, op: ZkOp, at = this.now): void {
    this.push(at, { kind: 'op', client, op });
  }

  /** Run every event up to and including time `t`. */
  runUntil(t: number): void {
    while (this.queue.length > 0 && this.queue[0].at <= t) {
      const item = this.queue.shift()!;
      this.now = item.at;
      this.dispatch(item.ev);
    }
    this.now = t;
  }

  /** Run `ms` more. */
  run(ms: number): void {
    this.runUntil(this.now + ms);
  }

  private ctx(c: number): ClientCtx<ZkWire, ZkOpRecord> {
    const clock = (): number => this.now;
    const w = { push: (at: number, ev: Ev) => this.push(at, ev), timerGen: this.timerGen, rng: this.rng, notes: this.notes, ops: this.ops, events: this.events, clientSend: (to: number, msg: ZkClientMsg) => this.clientSend(c, to, msg) };
    return {
      get now() {
        return clock();
      },
      servers: this.serverCount,
      send: (to, msg) => w.clientSend(to, msg as ZkClientMsg),
      setTimer: (slot, delayMs) => {
        const gen = ++w.timerGen[c - 1][slot];
        w.push(clock() + Math.max(0, Math.round(delayMs)), { kind: 'timer', client: c, slot, gen });
      },
      clearTimer: (slot) => {
        ++w.timerGen[c - 1][slot];
      },
      randomInt: (lo, hi) => {
        // A tiny LCG per client: deterministic, and different per client.
        w.rng[c - 1] = (w.rng[c - 1] * 1103515245 + 12345) % 2147483648;
        return lo + (w.rng[c - 1] % (hi - lo));
      },
      note: (code, a = 0, b = 0, cc = 0, d = 0) => {
        w.notes.push({ t: clock(), client: c, name: NOTE_NAMES.get(code) ?? String(code), args: [a, b, cc, d] });
      },
      invoked: (opId, rec) => {
        w.ops[opId] = { ...rec };
      },
      completed: (opId, rec) => {
        w.ops[opId] = { ...rec };
      },
      event: (ev) => {
        w.events.push({ ...(ev as ZkEventRecord) });
      },
    };
  }

  private dispatch(ev: Ev): void {
    switch (ev.kind) {
      case 'op':
        zkClientDef.invoke(this.clients[ev.client - 1], this.nextOpId++, ev.op, this.ctx(ev.client));
        return;
      case 'timer':
        if (this.timerGen[ev.client - 1][ev.slot] !== ev.gen) return;
        zkClientDef.timer(this.clients[ev.client - 1], ev.slot, this.ctx(ev.client));
        return;
      case 'down': {
        const s = this.server(ev.server);
        if (!s.alive) return;
        this.wire.push({ t: this.now, client: ev.client, server: ev.server, dir: 'down', msg: ev.msg });
        zkClientDef.receive(this.clients[ev.client - 1], ev.msg, ev.server, this.ctx(ev.client));
        return;
      }
      case 'up':
        this.serverReceive(ev.client, ev.server, ev.msg);
        return;
    }
  }

  private clientSend(c: number, to: number, msg: ZkClientMsg): void {
    this.push(this.now + LATENCY_MS, { kind: 'up', client: c, server: to, msg });
  }

  private serverSend(s: FakeServer, c: number, msg: ZkServerMsg): void {
    if (!s.alive || s.silent) return;
    this.push(this.now + LATENCY_MS, { kind: 'down', client: c, server: s.id, msg });
  }

  // ---- the fake ensemble -----------------------------------------------------------------

  /** Apply one txn on every server (live or not: a perfectly replicated log) and send each server's watch events. */
  commit(txn: ZkTxn): { outcome: ZkOutcome; zxid: number } {
    const zxid = ++this.zxidCounter;
    let outcome: ZkOutcome = { ok: true, result: null };
    for (const s of this.servers) {
      const r = applyCommitted(s.state, txn, zxid);
      outcome = r.outcome;
      for (const d of r.deliveries) {
        const c = s.conns.get(d.session);
        if (c !== undefined) this.serverSend(s, c, { type: 'WatcherEvent', event: d.event, zxid: d.zxid });
      }
    }
    return { outcome, zxid };
  }

  /**
   * The leader's tracker expires a session: closeSession through the "log"; the server it
   * is connected to closes its connection (FinalRequestProcessor → closeSession on the
   * connection factory), which the wire says with a ConnectResponse that answers nothing.
   */
  expire(session: SessionId): void {
    this.commit({ type: 'closeSession', session, reason: 'expire', cxid: 0, timeMs: this.now });
    for (const s of this.servers) {
      const c = s.conns.get(session);
      if (c === undefined) continue;
      s.conns.delete(session);
      disconnect(s.state, session);
      this.serverSend(s, c, { type: 'ConnectResponse', session: 0, timeoutMs: 0 });
    }
  }

  crash(server: number): void {
    const s = this.server(server);
    s.alive = false;
    for (const session of s.conns.keys()) disconnect(s.state, session);
    s.conns.clear();
    // As the simulator does: the clients connected to it have their TCP connection reset.
    this.clients.forEach((cl, i) => {
      if (zkClientDef.view(cl).server === server) zkClientDef.disconnected!(cl, server, this.ctx(i + 1));
    });
  }

  restart(server: number): void {
    this.server(server).alive = true;
  }

  private serverReceive(c: number, sid: number, msg: ZkClientMsg): void {
    const s = this.server(sid);
    if (!s.alive || s.silent) return;
    this.wire.push({ t: this.now, client: c, server: sid, dir: 'up', msg });
    switch (msg.type) {
      case 'ConnectRequest': {
        if (s.refuse !== null) {
          this.serverSend(s, c, { type: 'ConnectResponse', session: 0, timeoutMs: 0, refused: s.refuse });
          return;
        }
        if (msg.session === 0) {
          const session = sessionIdOf(sid, ++s.made);
          const timeoutMs = negotiateTimeoutMs(msg.timeoutMs, TICK_MS);
          this.commit({ type: 'createSession', session, timeoutMs, cxid: 0, timeMs: this.now });
          this.attach(s, session, c);
          this.serverSend(s, c, { type: 'ConnectResponse', session, timeoutMs });
          return;
        }
        if (!isSessionOpen(s.state.tree, msg.session)) {
          this.serverSend(s, c, { type: 'ConnectResponse', session: 0, timeoutMs: 0 });
          return;
        }
        const timeoutMs = s.state.tree.sessions.get(msg.session)!.timeoutMs;
        this.attach(s, msg.session, c);
        this.serverSend(s, c, { type: 'ConnectResponse', session: msg.session, timeoutMs });
        if (msg.watches !== undefined) {
          for (const d of applySetWatches(s.state, msg.session, msg.watches)) this.serverSend(s, c, { type: 'WatcherEvent', event: d.event, zxid: d.zxid });
        }
        return;
      }
      case 'ClientPing':
        // Only a connection this server holds is answered (a closed one is not).
        if (s.conns.get(msg.session) !== c) return;
        this.lastTouch.set(msg.session, this.now);
        this.serverSend(s, c, { type: 'ClientPong', zxid: lastApplied(s.state) });
        return;
      case 'Request': {
        this.lastTouch.set(msg.session, this.now);
        const r = msg.req;
        let outcome: ZkOutcome;
        let zxid = lastApplied(s.state);
        if (!isSessionOpen(s.state.tree, msg.session)) outcome = { ok: false, error: 'SessionExpired' };
        else if (r.op === 'getData' || r.op === 'exists' || r.op === 'getChildren') outcome = read(s.state, msg.session, r);
        else if (r.op === 'sync') outcome = { ok: true, result: r.path };
        else {
          const base = { session: msg.session, cxid: msg.xid, timeMs: this.now };
          const txn: ZkTxn =
            r.op === 'create'
              ? { type: 'create', ...base, path: r.path, data: r.data, ephemeral: r.ephemeral, sequential: r.sequential }
              : r.op === 'delete'
                ? { type: 'delete', ...base, path: r.path, version: r.version }
                : r.op === 'setData'
                  ? { type: 'setData', ...base, path: r.path, data: r.data, version: r.version }
                  : { type: 'closeSession', ...base, reason: 'close' };
          const res = this.commit(txn);
          outcome = res.outcome;
          zxid = res.zxid;
          if (s.dropAfterWrite) {
            s.dropAfterWrite = false;
            this.crash(sid);
            return;
          }
        }
        this.serverSend(s, c, { type: 'Reply', xid: msg.xid, zxid, outcome });
        return;
      }
    }
  }

  /** The session's connection is now to server s (the old server drops its watches). */
  private attach(s: FakeServer, session: SessionId, c: number): void {
    for (const o of this.servers) {
      if (o !== s && o.conns.delete(session)) disconnect(o.state, session);
    }
    s.conns.set(session, c);
    this.lastTouch.set(session, this.now);
  }

  /** A reply the test writes by hand (e.g. with a wrong xid). */
  inject(server: number, client: number, msg: ZkServerMsg): void {
    this.serverSend(this.server(server), client, msg);
  }
}
