/**
 * A service's client actors inside the simulation (DESIGN.md, "What the simulator must
 * host"): client c (1-based) is actor CLIENT_ID_BASE + c − 1, with its own timer slots (the
 * simulator's timer table, after the nodes'), its own seeded stream (`client:c`, split from
 * the seed like the nodes' — no existing stream changes), the messages addressed to it, and
 * the history it records (ClientCtx.invoked / completed / event) — all part of a keyframe.
 *
 * Which server a client is connected to, for `disconnected` when that server crashes: the
 * simulator tracks it from the wire — the server the client last sent a packet to. A Java
 * client writes to one socket at a time (ConnectRequest, requests and pings go to the server
 * it is connected or connecting to), so its last destination is its TCP connection; when
 * it fails over, its first packet to the next server moves it. This needs nothing from the
 * client's own state, so any service's client gets it.
 */
import { CLIENT_ID_BASE } from '../core/protocol';
import type { ClientCtx, ClientDef } from '../core/coord/service';
import { Rng } from './prng';

/** What the host needs of the simulator (kept narrow so this file stays testable). */
export interface ClientHostSim {
  readonly now: number;
  send(from: number, to: number, msg: unknown): void;
  setTimer(id: number, slot: number, delayMs: number): void;
  clearTimer(id: number, slot: number): void;
  noteAs(node: number, code: number, a?: number, b?: number, c?: number, d?: number): void;
}

export interface ClientHostSnap {
  clients: unknown[];
  rng: number[][];
  connectedTo: Int32Array;
  nextOpId: number;
  /** Records are replaced, never mutated: a shallow copy of the array is a copy of the history. */
  ops: unknown[];
  events: unknown[];
}

export class ClientHost {
  clients: unknown[] = [];
  readonly rng: Rng[] = [];
  /** connectedTo[c − 1]: the server client c last sent to (0 = none yet). */
  readonly connectedTo: Int32Array;
  nextOpId = 0;
  /** Operation records by op id (invoke order). */
  ops: unknown[] = [];
  /** Notifications in delivery order. */
  events: unknown[] = [];
  private acting = 0;
  private readonly ctx: ClientCtx<unknown, unknown>;

  constructor(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    readonly def: ClientDef<any, any, any, any, any, any>,
    readonly count: number,
    readonly servers: number,
    cfg: unknown,
    seed: number,
    private readonly sim: ClientHostSim,
  ) {
    this.connectedTo = new Int32Array(count);
    for (let c = 1; c <= count; c++) {
      this.clients.push(def.create(c, servers, cfg));
      this.rng.push(new Rng(seed, `client:${c}`));
    }
    const id = () => CLIENT_ID_BASE + this.acting - 1;
    this.ctx = {
      get now() {
        return sim.now;
      },
      servers,
      send: (to, msg) => sim.send(id(), to, msg),
      setTimer: (slot, delayMs) => sim.setTimer(id(), slot, delayMs),
      clearTimer: (slot) => sim.clearTimer(id(), slot),
      randomInt: (lo, hi) => this.rng[this.acting - 1].int(lo, hi),
      note: (code, a = 0, b = 0, c = 0, d = 0) => sim.noteAs(id(), code, a, b, c, d),
      // Copies: a record is the client's to keep changing, the history's once given.
      invoked: (opId, rec) => {
        this.ops[opId] = { ...(rec as object) };
      },
      completed: (opId, rec) => {
        this.ops[opId] = { ...(rec as object) };
      },
      event: (ev) => {
        this.events.push({ ...(ev as object) });
      },
    };
  }

  /** The 1-based client number of an actor id, or 0 when the id is not one of ours. */
  clientOf(id: number): number {
    const c = id - CLIENT_ID_BASE + 1;
    return c >= 1 && c <= this.count ? c : 0;
  }

  private as(c: number, f: (client: unknown, ctx: ClientCtx<unknown, unknown>) => void): void {
    const prev = this.acting;
    this.acting = c;
    try {
      f(this.clients[c - 1], this.ctx);
    } finally {
      this.acting = prev;
    }
  }

  /** A script's client action: the op gets the next op id. */
  invoke(c: number, op: unknown): void {
    const opId = this.nextOpId++;
    this.as(c, (cl, ctx) => this.def.invoke(cl, opId, op, ctx));
  }

  receive(c: number, msg: unknown, from: number): void {
    this.as(c, (cl, ctx) => this.def.receive(cl, msg, from, ctx));
  }

  timer(c: number, slot: number): void {
    this.as(c, (cl, ctx) => this.def.timer(cl, slot, ctx));
  }

  /** Client c sent to `to`: when `to` is a server, that is now its connection. */
  sent(c: number, to: number): void {
    if (to >= 1 && to <= this.servers) this.connectedTo[c - 1] = to;
  }

  /** Server `server` crashed: every client connected to it has its connection reset, in client order. */
  serverCrashed(server: number): void {
    const hook = this.def.disconnected;
    for (let c = 1; c <= this.count; c++) {
      if (this.connectedTo[c - 1] !== server) continue;
      this.connectedTo[c - 1] = 0;
      if (hook !== undefined) this.as(c, (cl, ctx) => hook.call(this.def, cl, server, ctx));
    }
  }

  views(): unknown[] {
    return this.clients.map((cl) => this.def.view(cl));
  }

  snapshot(): ClientHostSnap {
    return {
      clients: this.clients.map((cl) => this.def.snapshot(cl)),
      rng: this.rng.map((r) => r.state()),
      connectedTo: this.connectedTo.slice(),
      nextOpId: this.nextOpId,
      ops: this.ops.slice(),
      events: this.events.slice(),
    };
  }

  restore(s: ClientHostSnap): void {
    this.clients = s.clients.map((sn) => this.def.restore(sn));
    s.rng.forEach((st, i) => this.rng[i].setState(st));
    this.connectedTo.set(s.connectedTo);
    this.nextOpId = s.nextOpId;
    this.ops = s.ops.slice();
    this.events = s.events.slice();
  }
}
