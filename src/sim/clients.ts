/**
 * Client actors: they live in the same deterministic simulation as the servers. A client
 * sends a request to a server, may time out and retry (following a redirect, else the
 * next server), and records each operation's invoke and complete times and result: the
 * history a linearizability checker reads. One built-in client serves the scenario's
 * `request` actions; the coordination layer will add more.
 */
import { CLIENT_ID_BASE, ClientFailure, SimNote } from '../core/protocol';
import type { ClientOpView } from './api';
import type { Simulation } from './simulation';

/** Attempts per request when the config asks clients to retry. */
export const MAX_ATTEMPTS = 5;
/**
 * A retrying client told "no leader" waits this long before it asks the next server
 * (at most clientTimeoutMs): an election takes a few hundred ms, and asking again at
 * network speed would spend every attempt before one can finish.
 */
export const NO_LEADER_BACKOFF_MS = 100;

interface ClientTimeout {
  readonly clientTimeout: true;
  readonly requestId: number;
  readonly attempt: number;
  /** A backoff, not a time-out: when it fires, send `attempt` (already counted) to op.node. */
  readonly resend: boolean;
}

export function isClientTimeout(m: unknown): m is ClientTimeout {
  return typeof m === 'object' && m !== null && (m as ClientTimeout).clientTimeout === true;
}

interface Op extends ClientOpView {
  attempt: number;
  /** Why it failed (a ClientFailure), 0 while pending or when it succeeded. */
  failure: number;
}

/** A client operation as the CLI prints it (DESIGN.md, "Headless CLI": `ops`). */
export interface ClientOpOutput {
  client: number;
  op: 'request';
  args: { value: string };
  invoke: number;
  /** null while it never completed. */
  complete: number | null;
  ok: boolean;
  /** Where the value landed (the log index), when it succeeded. */
  result: { index: number } | null;
  error: 'refused' | 'timed out' | 'attempts exhausted' | null;
}

const FAILURE_NAMES: Record<number, ClientOpOutput['error']> = {
  [ClientFailure.Refused]: 'refused',
  [ClientFailure.TimedOut]: 'timed out',
  [ClientFailure.AttemptsExhausted]: 'attempts exhausted',
};

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
      failure: 0,
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
      sim.sendSelf(op.clientId, sim.net.clientTimeoutMs, { clientTimeout: true, requestId: op.requestId, attempt: op.attempt, resend: false });
    }
  }

  /**
   * A server's answer. Every outcome is noted (SimNote) with its reason, so a refused
   * request is never lost silently: success; "not me, ask N" (a redirect); "no leader"
   * (the server knows none: etcd's "etcdserver: no leader"). Refused, a retrying client
   * follows the redirect at once, or after NO_LEADER_BACKOFF_MS asks the next server.
   */
  receive(msg: unknown, from: number): void {
    const sim = this.sim;
    const info = sim.protocol.clientReply(msg);
    if (info === null) return;
    const op = this.byRequest.get(info.requestId);
    if (op === undefined) return; // a late duplicate answer
    const id = op.clientId;
    if (info.ok) {
      sim.noteAs(id, SimNote.ClientSucceeded, op.requestId, info.index, from);
      this.complete(op, true, info.index);
      return;
    }
    const redirected = info.redirect > 0 && info.redirect !== from;
    if (redirected) sim.noteAs(id, SimNote.ClientRedirected, op.requestId, from, info.redirect);
    else sim.noteAs(id, SimNote.ClientNoLeader, op.requestId, from);
    if (!sim.net.clientRetry) {
      this.fail(op, ClientFailure.Refused);
    } else if (op.attempt >= MAX_ATTEMPTS) {
      this.fail(op, ClientFailure.AttemptsExhausted);
    } else if (redirected) {
      this.retry(op, info.redirect);
    } else {
      // Nobody knows a leader yet: wait a little, then ask the next server.
      op.attempt++;
      op.node = this.nextServer(from);
      const delay = Math.min(NO_LEADER_BACKOFF_MS, sim.net.clientTimeoutMs);
      sim.noteAs(id, SimNote.ClientBackoff, op.requestId, delay, op.node);
      sim.sendSelf(id, delay, { clientTimeout: true, requestId: op.requestId, attempt: op.attempt, resend: true });
    }
  }

  isTimeoutLive(t: ClientTimeout): boolean {
    const op = this.byRequest.get(t.requestId);
    return op !== undefined && op.attempt === t.attempt;
  }

  onTimeout(t: ClientTimeout): void {
    const sim = this.sim;
    const op = this.byRequest.get(t.requestId);
    if (op === undefined) return;
    if (t.resend) {
      // The backoff after "no leader" is over: ask the server chosen then.
      sim.noteAs(op.clientId, SimNote.ClientRetry, op.requestId, op.node, op.attempt);
      this.sendAttempt(op);
      return;
    }
    sim.noteAs(op.clientId, SimNote.ClientTimedOut, op.requestId, op.node, op.attempt);
    if (op.attempt < MAX_ATTEMPTS) {
      this.retry(op, this.nextServer(op.node));
    } else {
      this.fail(op, ClientFailure.TimedOut);
    }
  }

  private retry(op: Op, target: number): void {
    // Mutating a pending op is safe: snapshots copy pending ops (see snapshot()).
    op.attempt++;
    op.node = target;
    this.sim.noteAs(op.clientId, SimNote.ClientRetry, op.requestId, target, op.attempt);
    this.sendAttempt(op);
  }

  private nextServer(after: number): number {
    return (after % this.sim.nodeCount) + 1;
  }

  private fail(op: Op, why: number): void {
    this.sim.noteAs(op.clientId, SimNote.ClientFailed, op.requestId, op.attempt, why);
    op.failure = why;
    this.complete(op, false, 0);
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
    return this.ops.slice(-max).map(({ attempt: _a, failure: _f, ...o }) => o);
  }

  /** Every operation in invoke order, as the CLI prints it. */
  output(): ClientOpOutput[] {
    return this.ops.map((o) => ({
      client: o.clientId - CLIENT_ID_BASE + 1,
      op: 'request',
      args: { value: o.value },
      invoke: o.invokedAt,
      complete: o.completedAt < 0 ? null : o.completedAt,
      ok: o.ok,
      result: o.ok ? { index: o.index } : null,
      error: FAILURE_NAMES[o.failure] ?? null,
    }));
  }
}
