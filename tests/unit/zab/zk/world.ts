/**
 * A small deterministic world for the ZooKeeper servers: three (or n) ZAB servers hosting
 * the service, FIFO links with a fixed latency per link (changeable, to make a follower
 * lag), timers, crashes and restarts, and fake clients that are nothing but an inbox and
 * plain ZkClientMsg packets sent by the test. It drives the protocol's own entry points
 * (zabProtocol.start / receive / timer / crash / peerDisconnected), as the simulator does.
 */
import { CLIENT_ID_BASE, type NodeCtx } from '../../../../src/core/protocol';
import { parseConfig } from '../../../../src/core/zab/config';
import { zabProtocol } from '../../../../src/core/zab/protocol';
import type { ZabNode } from '../../../../src/core/zab/state';
import { ZabNotes, ZabZkNotes, type ZabMsg } from '../../../../src/core/zab/types';
import { treeRows } from '../../../../src/core/coord/zookeeper/output';
import type { SessionId, ZkClientMsg, ZkRequest, ZkServerMsg, TreeRow } from '../../../../src/core/coord/zookeeper/types';
import { noteRecorder, type NoteRec } from '../../support/note-rec';

const rec = noteRecorder({ ...ZabNotes, ...ZabZkNotes });

export const C1 = CLIENT_ID_BASE;
export const C2 = CLIENT_ID_BASE + 1;
export const C3 = CLIENT_ID_BASE + 2;

interface Flight {
  at: number;
  seq: number;
  from: number;
  to: number;
  msg: ZabMsg;
}

export interface Received {
  at: number;
  from: number;
  msg: ZkServerMsg;
}

const SLOTS = zabProtocol.timerSlots;

export class World {
  readonly nodes: ZabNode[] = [];
  readonly alive: boolean[] = [];
  now = 0;
  private seq = 0;
  private flights: Flight[] = [];
  private timers = new Map<number, { at: number; seq: number }>();
  /** Last arrival time per link "from>to": FIFO. */
  private linkAt = new Map<string, number>();
  private latency = new Map<string, number>();
  readonly notes: NoteRec[] = [];
  readonly inbox = new Map<number, Received[]>();
  /** Clients that ping their server every `everyMs` (a live ZooKeeper client's heartbeat). */
  private pingers = new Map<number, { server: number; session: SessionId; everyMs: number; next: number }>();
  defaultLatency = 10;

  constructor(
    readonly n: number,
    config: Record<string, unknown> = {},
  ) {
    const cfg = zabProtocol.withService!(parseConfig({ tickTimeMs: 100, ...config }, n), 'zookeeper');
    for (let id = 1; id <= n; id++) {
      this.nodes[id] = zabProtocol.createNode(id, n, cfg, undefined);
      this.alive[id] = true;
    }
    for (let id = 1; id <= n; id++) zabProtocol.start(this.nodes[id], this.ctx(id));
  }

  private ctx(id: number): NodeCtx<ZabMsg> {
    return {
      now: this.now,
      send: (to, msg) => this.send(id, to, msg),
      setTimer: (slot, delay) => this.timers.set(id * SLOTS + slot, { at: this.now + Math.max(0, Math.round(delay)), seq: this.seq++ }),
      clearTimer: (slot) => this.timers.delete(id * SLOTS + slot),
      randomInt: (lo) => lo,
      note: (code, a = 0, b = 0, c = 0, d = 0) => this.notes.push(rec(this.now, id, code, [a, b, c, d])),
    };
  }

  setLatency(from: number, to: number, ms: number): void {
    this.latency.set(`${from}>${to}`, ms);
  }

  private send(from: number, to: number, msg: ZabMsg): void {
    const key = `${from}>${to}`;
    const at = Math.max(this.now + (this.latency.get(key) ?? this.defaultLatency), this.linkAt.get(key) ?? 0);
    this.linkAt.set(key, at);
    this.flights.push({ at, seq: this.seq++, from, to, msg });
  }

  /** A client's packet to a server. */
  client(from: number, to: number, msg: ZkClientMsg): void {
    this.send(from, to, msg);
  }

  request(from: number, to: number, session: SessionId, xid: number, req: ZkRequest): void {
    this.client(from, to, { type: 'Request', session, xid, req });
  }

  keepAlive(client: number, server: number, session: SessionId, everyMs = 50): void {
    this.pingers.set(client, { server, session, everyMs, next: this.now + everyMs });
  }
  stopPinging(client: number): void {
    this.pingers.delete(client);
  }

  crash(id: number): void {
    this.alive[id] = false;
    for (let s = 0; s < SLOTS; s++) this.timers.delete(id * SLOTS + s);
    this.flights = this.flights.filter((f) => f.to !== id);
    zabProtocol.crash(this.nodes[id]);
    for (let p = 1; p <= this.n; p++) if (p !== id && this.alive[p]) zabProtocol.peerDisconnected!(this.nodes[p], id, this.ctx(p));
  }

  restart(id: number): void {
    this.alive[id] = true;
    zabProtocol.start(this.nodes[id], this.ctx(id));
  }

  /** Run every event up to and including time `t`. */
  runUntil(t: number): void {
    for (;;) {
      let best: { at: number; seq: number; kind: 'msg' | 'timer' | 'ping'; key: number } | null = null;
      for (let i = 0; i < this.flights.length; i++) {
        const f = this.flights[i];
        if (best === null || f.at < best.at || (f.at === best.at && f.seq < best.seq)) best = { at: f.at, seq: f.seq, kind: 'msg', key: i };
      }
      for (const [k, tm] of this.timers) {
        if (best === null || tm.at < best.at || (tm.at === best.at && tm.seq < best.seq)) best = { at: tm.at, seq: tm.seq, kind: 'timer', key: k };
      }
      for (const [c, p] of this.pingers) {
        if (best === null || p.next < best.at) best = { at: p.next, seq: -1, kind: 'ping', key: c };
      }
      if (best === null || best.at > t) break;
      this.now = best.at;
      if (best.kind === 'msg') {
        const f = this.flights.splice(best.key, 1)[0];
        if (f.to >= CLIENT_ID_BASE) {
          const box = this.inbox.get(f.to) ?? [];
          box.push({ at: this.now, from: f.from, msg: f.msg as ZkServerMsg });
          this.inbox.set(f.to, box);
        } else if (this.alive[f.to]) zabProtocol.receive(this.nodes[f.to], f.msg, f.from, this.ctx(f.to));
      } else if (best.kind === 'timer') {
        this.timers.delete(best.key);
        const id = Math.floor(best.key / SLOTS);
        zabProtocol.timer(this.nodes[id], best.key - id * SLOTS, this.ctx(id));
      } else {
        const p = this.pingers.get(best.key)!;
        p.next = this.now + p.everyMs;
        this.send(best.key, p.server, { type: 'ClientPing', session: p.session });
      }
    }
    this.now = t;
  }

  run(ms: number): void {
    this.runUntil(this.now + ms);
  }

  leader(): number {
    for (let id = 1; id <= this.n; id++) if (this.alive[id] && this.nodes[id].state === 'leading' && this.nodes[id].established) return id;
    return 0;
  }

  /** Until an established leader with every live follower serving. */
  settle(maxMs = 5000): number {
    const end = this.now + maxMs;
    while (this.now < end) {
      this.run(50);
      const l = this.leader();
      if (l !== 0 && this.nodes.every((n, id) => id === 0 || !this.alive[id] || id === l || (n.state === 'following' && n.fstage === 'serving'))) return l;
    }
    throw new Error('no settled ensemble');
  }

  received(client: number): Received[] {
    return this.inbox.get(client) ?? [];
  }
  /** Take (and forget) what client received so far. */
  take(client: number): Received[] {
    const r = this.received(client);
    this.inbox.set(client, []);
    return r;
  }
  replies(client: number): Extract<ZkServerMsg, { type: 'Reply' }>[] {
    return this.received(client)
      .map((r) => r.msg)
      .filter((m): m is Extract<ZkServerMsg, { type: 'Reply' }> => m.type === 'Reply');
  }
  reply(client: number, xid: number): (Received & { msg: Extract<ZkServerMsg, { type: 'Reply' }> }) | undefined {
    return this.received(client).find((r) => r.msg.type === 'Reply' && r.msg.xid === xid) as never;
  }
  events(client: number): Extract<ZkServerMsg, { type: 'WatcherEvent' }>[] {
    return this.received(client)
      .map((r) => r.msg)
      .filter((m): m is Extract<ZkServerMsg, { type: 'WatcherEvent' }> => m.type === 'WatcherEvent');
  }

  /** Connect `client` to `server` with a new session and wait for the answer. */
  connect(client: number, server: number, timeoutMs = 1000): SessionId {
    this.client(client, server, { type: 'ConnectRequest', session: 0, timeoutMs, lastZxidSeen: 0 });
    const r = this.waitFor(client, 'ConnectResponse');
    if (r.msg.type !== 'ConnectResponse' || r.msg.session === 0) throw new Error(`not connected: ${JSON.stringify(r.msg)}`);
    return r.msg.session;
  }

  waitFor(client: number, type: ZkServerMsg['type'], maxMs = 3000, pred: (m: ZkServerMsg) => boolean = () => true): Received {
    const end = this.now + maxMs;
    for (;;) {
      const r = this.received(client).find((x) => x.msg.type === type && pred(x.msg));
      if (r !== undefined) return r;
      if (this.now >= end) throw new Error(`no ${type} for ${client}`);
      this.run(5);
    }
  }

  /** A request and its reply. */
  call(client: number, server: number, session: SessionId, xid: number, req: ZkRequest): Received & { msg: Extract<ZkServerMsg, { type: 'Reply' }> } {
    this.request(client, server, session, xid, req);
    return this.waitFor(client, 'Reply', 3000, (m) => m.type === 'Reply' && m.xid === xid) as never;
  }

  tree(id: number): TreeRow[] {
    return treeRows(this.nodes[id].zk!.tree);
  }
  paths(id: number): string[] {
    return this.tree(id).map((r) => r.path);
  }

  notesNamed(name: string, node?: number): NoteRec[] {
    return this.notes.filter((x) => x.name === name && (node === undefined || x.node === node));
  }
}
