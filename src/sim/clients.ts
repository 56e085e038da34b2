/**
 * Client actors: they live in the same deterministic simulation as the servers. A client
 * sends a request to a server, may time out and retry (following a redirect, else the
 * next server), and records each operation's invoke and complete times and result: the
 * history a linearizability checker reads. One built-in client serves the scenario's
 * `request` actions; the coordination layer will add more.
 */
import { CLIENT_ID_BASE } from '../core/protocol';
import type { ClientOpView } from './api';
import type { Simulation } from './simulation';

/** Attempts per request when the config asks clients to retry. */
export const MAX_ATTEMPTS = 5;

interface ClientTimeout {
  readonly clientTimeout: true;
  readonly requestId: number;
  readonly attempt: number;
}

export function isClientTimeout(m: unknown): m is ClientTimeout {
  return typeof m === 'object' && m !== null && (m as ClientTimeout).clientTimeout === true;
}

interface Op extends ClientOpView {
  attempt: number;
}

/** Completed ops are shared with the live array (never mutated again); pending ones are copied. */
export interface ClientsSnap {
  nextRequestId: number;
  ops: Op[];
  len: number;
  pending: [number, Op][];
}

export class Clients {
  /** Every operation, in invoke order. Completed ops are never mutated again. */
  ops: Op[] = [];
  private nextRequestId = 1;
  /** Pending operations only, by request id, with their position in `ops`. */
  private readonly byRequest = new Map<number, Op>();
  private readonly position = new Map<number, number>();

  constructor(private readonly sim: Simulation) {}

  /** Invoke a request: to `node` when given, else to the current leader, else the first live node. */
  request(value: string, node?: number): void {
    const sim = this.sim;
    let target = node ?? sim.protocol.leaderOf(sim.nodes, sim.alive);
    if (!target) target = sim.alive.indexOf(true, 1) > 0 ? sim.alive.indexOf(true, 1) : 1;
    const op: Op = {
      clientId: CLIENT_ID_BASE,
      requestId: this.nextRequestId++,
      value,
      node: target,
      invokedAt: sim.now,
      completedAt: -1,
      ok: false,
      index: 0,
      attempt: 1,
    };
    this.position.set(op.requestId, this.ops.length);
    this.ops.push(op);
    this.byRequest.set(op.requestId, op);
    this.sendAttempt(op);
  }

  private sendAttempt(op: Op): void {
    const sim = this.sim;
    sim.send(op.clientId, op.node, sim.protocol.clientRequest({ clientId: op.clientId, requestId: op.requestId, value: op.value }));
    if (sim.net.clientRetry) {
      sim.sendSelf(op.clientId, sim.net.clientTimeoutMs, { clientTimeout: true, requestId: op.requestId, attempt: op.attempt });
    }
  }

  receive(msg: unknown, from: number): void {
    const info = this.sim.protocol.clientReply(msg);
    if (info === null) return;
    const op = this.byRequest.get(info.requestId);
    if (op === undefined) return; // a late duplicate answer
    if (info.ok) {
      this.complete(op, true, info.index);
    } else if (this.sim.net.clientRetry && op.attempt < MAX_ATTEMPTS) {
      this.retry(op, info.redirect > 0 && info.redirect !== from ? info.redirect : this.nextServer(from));
    } else {
      this.complete(op, false, 0);
    }
  }

  isTimeoutLive(t: ClientTimeout): boolean {
    const op = this.byRequest.get(t.requestId);
    return op !== undefined && op.attempt === t.attempt;
  }

  onTimeout(t: ClientTimeout): void {
    const op = this.byRequest.get(t.requestId);
    if (op === undefined) return;
    if (op.attempt < MAX_ATTEMPTS) this.retry(op, this.nextServer(op.node));
    else this.complete(op, false, 0);
  }

  private retry(op: Op, target: number): void {
    // Mutating a pending op is safe: snapshots copy pending ops (see snapshot()).
    op.attempt++;
    op.node = target;
    this.sendAttempt(op);
  }

  private nextServer(after: number): number {
    return (after % this.sim.nodeCount) + 1;
  }

  private complete(op: Op, ok: boolean, index: number): void {
    op.completedAt = this.sim.now;
    op.ok = ok;
    op.index = index;
    this.byRequest.delete(op.requestId);
    this.position.delete(op.requestId);
  }

  snapshot(): ClientsSnap {
    const pending: [number, Op][] = [];
    for (const [id, i] of this.position) pending.push([i, { ...this.byRequest.get(id)! }]);
    return { nextRequestId: this.nextRequestId, ops: this.ops, len: this.ops.length, pending };
  }

  restore(s: ClientsSnap): void {
    this.nextRequestId = s.nextRequestId;
    this.ops = s.ops.slice(0, s.len);
    this.byRequest.clear();
    this.position.clear();
    for (const [i, o] of s.pending) {
      const copy = { ...o };
      this.ops[i] = copy;
      this.byRequest.set(copy.requestId, copy);
      this.position.set(copy.requestId, i);
    }
  }

  /** The most recent operations, for the UI. */
  recent(max: number): ClientOpView[] {
    return this.ops.slice(-max).map(({ attempt: _a, ...o }) => o);
  }
}
