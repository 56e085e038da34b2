/**
 * A tiny fake world for Raft unit tests, in the spirit of etcd-io/raft's `network`:
 * a recording NodeCtx, single-node stepping, and a network of nodes with cut / isolate /
 * recover, crash / restart, instant delivery (`flush`) or timed delivery with timers
 * (`run`). The invariant monitor watches every event, as the simulator's does.
 */
import type { NodeCtx, Violation, WorldView } from '../../../src/core/protocol';
import { parseConfig } from '../../../src/core/raft/config';
import { parseInitial } from '../../../src/core/raft/initial';
import { raftProtocol } from '../../../src/core/raft/protocol';
import { TIMER_MAIN, type LogEntry, type RaftConfig, type RaftMsg, type RaftNode } from '../../../src/core/raft/types';

export const CLIENT = 1001;

/** Deterministic PRNG (mulberry32) so every test run is the same. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface NoteRec {
  node: number;
  code: number;
  a: number;
  b: number;
  c: number;
}

/** A NodeCtx that records everything a node does during one input. */
export class FakeCtx implements NodeCtx<RaftMsg> {
  sent: { to: number; msg: RaftMsg }[] = [];
  /** Timer operations in order: delay, or null for clear. */
  timerOps: { slot: number; delay: number | null }[] = [];
  notes: NoteRec[] = [];
  randomCalls: [number, number][] = [];

  constructor(
    readonly node: number,
    readonly now: number = 0,
    private readonly rng: () => number = prng(1),
  ) {}

  send(to: number, msg: RaftMsg): void {
    this.sent.push({ to, msg });
  }
  setTimer(slot: number, delayMs: number): void {
    this.timerOps.push({ slot, delay: delayMs });
  }
  clearTimer(slot: number): void {
    this.timerOps.push({ slot, delay: null });
  }
  randomInt(lo: number, hiExclusive: number): number {
    this.randomCalls.push([lo, hiExclusive]);
    return lo + Math.floor(this.rng() * (hiExclusive - lo));
  }
  note(code: number, a = 0, b = 0, c = 0): void {
    this.notes.push({ node: this.node, code, a, b, c });
  }

  /** The last delay set on the main timer (undefined if none). */
  get timer(): number | null | undefined {
    for (let i = this.timerOps.length - 1; i >= 0; i--) if (this.timerOps[i].slot === TIMER_MAIN) return this.timerOps[i].delay;
    return undefined;
  }
  has(code: number): boolean {
    return this.notes.some((n) => n.code === code);
  }
  noteOf(code: number): NoteRec | undefined {
    return this.notes.find((n) => n.code === code);
  }
  msgs<T extends RaftMsg['type']>(type: T): { to: number; msg: Extract<RaftMsg, { type: T }> }[] {
    return this.sent.filter((s) => s.msg.type === type) as { to: number; msg: Extract<RaftMsg, { type: T }> }[];
  }
}

export interface NodeOpts {
  config?: Record<string, unknown>;
  /** Initial persistent state, in the scenario format: { term, votedFor, log }. */
  initial?: Record<string, unknown>;
}

/** One node, created and started (as at time 0), for stepping by hand. */
export function makeNode(id: number, nodes: number, opts: NodeOpts = {}): RaftNode {
  const cfg = parseConfig(opts.config, nodes);
  const init = parseInitial(opts.initial ? { [String(id)]: opts.initial } : undefined, nodes);
  const node = raftProtocol.createNode(id, nodes, cfg, init.get(id));
  raftProtocol.start(node, new FakeCtx(id));
  return node;
}

/** Deliver one message to a node by hand; returns what it did. */
export function step(node: RaftNode, msg: RaftMsg, from: number, now = 0): FakeCtx {
  const ctx = new FakeCtx(node.id, now);
  raftProtocol.receive(node, msg, from, ctx);
  return ctx;
}

/** Fire a node's main timer by hand. */
export function fire(node: RaftNode, now = 0): FakeCtx {
  const ctx = new FakeCtx(node.id, now);
  raftProtocol.timer(node, TIMER_MAIN, ctx);
  return ctx;
}

export function terms(node: RaftNode): number[] {
  return node.log.slice(1).map((e) => e.term);
}

/** Entries as plain data (for deep equality across nodes). */
export function entries(log: readonly LogEntry[]): { term: number; value: string }[] {
  return log.slice(1).map((e) => ({ term: e.term, value: e.value }));
}

// -----------------------------------------------------------------------------------------

export interface InFlight {
  at: number;
  seq: number;
  from: number;
  to: number;
  msg: RaftMsg;
}

export interface NetOpts extends Omit<NodeOpts, 'initial'> {
  nodes: number;
  initial?: Record<string, unknown>;
  seed?: number;
}

/** A cluster of real Raft nodes joined by a fake network, with the monitor watching. */
export class Network {
  readonly cfg: RaftConfig;
  readonly nodes: RaftNode[] = [];
  readonly alive: boolean[] = [];
  now = 0;
  frame = 0;
  readonly notes: NoteRec[] = [];
  readonly clientReplies: { to: number; msg: Extract<RaftMsg, { type: 'ClientReply' }> }[] = [];
  readonly violations: Violation[] = [];
  /** Every message handed to a node (delivered), in order. */
  readonly delivered: InFlight[] = [];
  private readonly monitor;
  private readonly rng: () => number;
  private queue: InFlight[] = [];
  private seq = 0;
  /** timerAt[id][slot]: when each of the node's timers fires (null: not armed). */
  private readonly timerAt: (number | null)[][] = [];
  private readonly cut = new Set<string>();
  private requestId = 0;

  constructor(opts: NetOpts) {
    const n = opts.nodes;
    this.cfg = parseConfig(opts.config, n);
    const init = parseInitial(opts.initial, n);
    this.rng = prng(opts.seed ?? 1);
    this.nodes.push(undefined as unknown as RaftNode);
    this.alive.push(false);
    this.timerAt.push([]);
    for (let id = 1; id <= n; id++) {
      this.nodes.push(raftProtocol.createNode(id, n, this.cfg, init.get(id)));
      this.alive.push(true);
      this.timerAt.push(new Array<number | null>(raftProtocol.timerSlots).fill(null));
    }
    this.monitor = raftProtocol.monitor(this.cfg, n);
    for (let id = 1; id <= n; id++) this.act(id, (node, ctx) => raftProtocol.start(node, ctx));
  }

  get size(): number {
    return this.nodes.length - 1;
  }

  node(id: number): RaftNode {
    return this.nodes[id];
  }

  private world(): WorldView<RaftNode> {
    return { now: this.now, frame: this.frame, nodes: this.nodes, alive: this.alive };
  }

  /** Run one input at node `id` through a recording ctx, then route its outputs. */
  act(id: number, fn: (node: RaftNode, ctx: FakeCtx) => void): FakeCtx {
    this.frame++;
    this.monitor.beforeEvent(this.world(), id);
    const ctx = new FakeCtx(id, this.now, this.rng);
    fn(this.nodes[id], ctx);
    for (const op of ctx.timerOps) this.timerAt[id][op.slot] = op.delay === null ? null : this.now + op.delay;
    for (const { to, msg } of ctx.sent) {
      if (to >= CLIENT) {
        if (msg.type === 'ClientReply') this.clientReplies.push({ to, msg });
        continue;
      }
      if (this.cfg.dropRate > 0 && this.rng() < this.cfg.dropRate) continue; // lost
      const lo = this.cfg.latencyMinMs;
      const at = this.now + lo + Math.floor(this.rng() * (this.cfg.latencyMaxMs - lo + 1));
      this.queue.push({ at, seq: this.seq++, from: id, to, msg });
    }
    this.notes.push(...ctx.notes);
    const v = this.monitor.afterEvent(this.world(), id);
    if (v) this.violations.push({ ...v, time: this.now, frame: this.frame });
    return ctx;
  }

  private linkUp(from: number, to: number): boolean {
    return !this.cut.has(`${from}>${to}`);
  }

  /** Hand `msg` to `to` now, as if it came from `from` (etcd's network.send of one message). */
  deliver(from: number, to: number, msg: RaftMsg): FakeCtx | null {
    if (!this.alive[to]) return null;
    this.delivered.push({ at: this.now, seq: -1, from, to, msg });
    return this.act(to, (node, ctx) => raftProtocol.receive(node, msg, from, ctx));
  }

  /** Deliver `msg` and then everything it causes. */
  send(from: number, to: number, msg: RaftMsg): void {
    this.deliver(from, to, msg);
    this.flush();
  }

  /** Fire node `id`'s main timer now (an election timeout, or a leader's heartbeat). */
  fire(id: number): FakeCtx | null {
    if (!this.alive[id]) return null;
    return this.fireSlot(id, TIMER_MAIN);
  }

  /** Fire one of node `id`'s timers now. */
  fireSlot(id: number, slot: number): FakeCtx | null {
    if (!this.alive[id]) return null;
    this.timerAt[id][slot] = null;
    return this.act(id, (node, ctx) => raftProtocol.timer(node, slot, ctx));
  }

  /** Election timeout at `id`, then let the network settle (etcd's MsgHup). */
  campaign(id: number): void {
    this.fire(id);
    this.flush();
  }

  /** A client request to node `id`; returns its request id. */
  request(id: number, value: string): number {
    const requestId = ++this.requestId;
    const msg = raftProtocol.clientRequest({ clientId: CLIENT, requestId, value });
    if (this.alive[id]) this.act(id, (node, ctx) => raftProtocol.receive(node, msg, CLIENT, ctx));
    return requestId;
  }

  /**
   * Deliver every queued message in send order, ignoring latency and timers, until quiet.
   * Messages for which `keep` says false are lost instead (checked when they come up).
   */
  flush(keep?: (m: InFlight) => boolean, maxMessages = 100_000): number {
    let n = 0;
    while (this.queue.length > 0) {
      if (++n > maxMessages) throw new Error('network did not settle');
      const m = this.queue.shift()!;
      if (keep && !keep(m)) continue;
      this.arrive(m);
    }
    return n;
  }

  /** Drop everything in flight. */
  drain(): void {
    this.queue = [];
  }

  private arrive(m: InFlight): void {
    if (!this.alive[m.to] || !this.linkUp(m.from, m.to)) return;
    this.delivered.push(m);
    this.act(m.to, (node, ctx) => raftProtocol.receive(node, m.msg, m.from, ctx));
  }

  /** Run in virtual time until `until`: messages arrive after their latency, timers fire. */
  run(until: number): void {
    for (;;) {
      let mi = -1;
      for (let i = 0; i < this.queue.length; i++) {
        const q = this.queue[i];
        if (mi < 0 || q.at < this.queue[mi].at || (q.at === this.queue[mi].at && q.seq < this.queue[mi].seq)) mi = i;
      }
      let ti = -1;
      let ts = 0;
      let tAt = Infinity;
      for (let id = 1; id <= this.size; id++) {
        if (!this.alive[id]) continue;
        this.timerAt[id].forEach((t, slot) => {
          if (t !== null && t < tAt) [ti, ts, tAt] = [id, slot, t];
        });
      }
      const mAt = mi >= 0 ? this.queue[mi].at : Infinity;
      const at = Math.min(mAt, tAt);
      if (at > until) break;
      this.now = at;
      if (mAt <= tAt) {
        const [m] = this.queue.splice(mi, 1);
        this.arrive(m);
      } else {
        this.fireSlot(ti, ts);
      }
    }
    this.now = until;
  }

  /** Cut both directions between a and b. */
  cutLink(a: number, b: number): void {
    this.cut.add(`${a}>${b}`);
    this.cut.add(`${b}>${a}`);
  }

  /** Cut node `id` off from everyone. */
  isolate(id: number): void {
    for (let other = 1; other <= this.size; other++) if (other !== id) this.cutLink(id, other);
  }

  /** Only nodes in the same group can talk. */
  partition(...groups: number[][]): void {
    const group = new Map<number, number>();
    groups.forEach((g, i) => g.forEach((id) => group.set(id, i)));
    for (let a = 1; a <= this.size; a++) {
      for (let b = 1; b <= this.size; b++) {
        if (a !== b && group.get(a) !== group.get(b)) this.cut.add(`${a}>${b}`);
      }
    }
  }

  /** Heal every link. */
  recover(): void {
    this.cut.clear();
  }

  crash(id: number): void {
    this.frame++;
    this.monitor.beforeEvent(this.world(), id);
    this.alive[id] = false;
    this.timerAt[id].fill(null);
    raftProtocol.crash(this.nodes[id]);
    const v = this.monitor.afterEvent(this.world(), id);
    if (v) this.violations.push({ ...v, time: this.now, frame: this.frame });
  }

  restart(id: number): void {
    this.alive[id] = true;
    this.act(id, (node, ctx) => raftProtocol.start(node, ctx));
  }

  /** The alive leader of the highest term, or 0. */
  leader(): number {
    return raftProtocol.leaderOf(this.nodes, this.alive);
  }

  roles(): string[] {
    return this.nodes.slice(1).map((n, i) => (this.alive[i + 1] ? n.role : 'down'));
  }

  notesOf(code: number, node?: number): NoteRec[] {
    return this.notes.filter((n) => n.code === code && (node === undefined || n.node === node));
  }

  report(): Record<string, unknown> {
    return this.monitor.report();
  }
}
