/**
 * The deterministic simulator. It owns virtual time, the event queue, timers, the
 * network, crashes and restarts, client actors and the seeded streams; a protocol's
 * nodes only ever see a NodeCtx while they handle one input.
 *
 * Event order is total: the next event is the earliest of (a) the next script action,
 * (b) the next message or connection-closed notice, (c) the next timer; at equal times
 * script actions go first, then messages, notices and timers by their sequence number.
 * Nodes are created and started in id order. One seed in => one trace out, in Node and
 * in a browser.
 *
 * Links between servers are FIFO by default (NetworkConfig.fifo): a message's arrival is
 * clamped to the last arrival on its directed link, so it never overtakes an earlier one
 * (equal times keep send order through the sequence number). The clamp costs one typed
 * array slot per link and no allocation. `reorderRate` lets a message skip the clamp and
 * `duplicateRate` queues a second copy later: faults, off by default.
 */
import { CLIENT_ID_BASE, HUB_ID, SimNote, type AnyProtocol, type Monitor, type NetworkConfig, type NodeCtx, type Violation, type WorldView } from '../core/protocol';
import { EventType, Fate } from './api';
import { Clients, isClientTimeout, type ClientsSnap } from './clients';
import type { History } from './history';
import { Network, type NetworkSnap } from './network';
import { Rng } from './prng';
import { MessageQueue, type InFlight } from './queue';
import { actionNode, clientOpOf, sortScript, type ParsedScenario, type ScriptAction } from './scenario';
import { ClientHost, type ClientHostSnap } from './service-clients';
import type { ServiceDef, ServiceWorld } from '../core/coord/registry';

/** The run cannot go on (not a protocol violation): e.g. the bounded queue overflowed. */
export class SimulationHalted extends Error {
  constructor(
    readonly code: 'queue-overflow',
    readonly limit: number,
  ) {
    super(`the event queue is over ${limit} messages: the network floods faster than it delivers`);
    this.name = 'SimulationHalted';
  }
}

export interface SimSnapshot {
  frame: number;
  now: number;
  seq: number;
  nodes: unknown[];
  alive: boolean[];
  member: Uint8Array;
  timerAt: Float64Array;
  timerSetAt: Float64Array;
  timerSeq: Float64Array;
  queue: InFlight[];
  scriptPos: number;
  network: NetworkSnap;
  rngNet: number[];
  rngNodes: number[][];
  clients: ClientsSnap;
  linkSent: Uint32Array;
  linkLast: Float64Array;
  notices: InFlight[];
  /** The service's client actors and their history (null without a service). */
  service: ClientHostSnap | null;
  clientLinkLast: Float64Array | null;
  /** Service clients' packets sent while their link was down, in send order (entries are never mutated). */
  clientHeld: HeldPacket[];
}

/** A packet a service client or a server sent while the link between them was down. */
interface HeldPacket {
  from: number;
  to: number;
  sentAt: number;
  msg: unknown;
}

/** What one step did, for callers that want to know (the session's marks). */
export interface StepInfo {
  type: EventType;
  node: number;
}

export class Simulation {
  readonly protocol: AnyProtocol;
  readonly cfg: unknown;
  readonly nodeCount: number;
  readonly seed: number;
  readonly net: NetworkConfig;
  readonly network: Network;
  readonly queue = new MessageQueue();
  /**
   * Connection-closed notices in flight (msg null; from = the crashed node, to = the
   * listener): kept apart from messages so the stage never draws them as messages.
   */
  readonly notices = new MessageQueue();
  readonly clients: Clients;
  /** nodes[id], id 1..nodeCount; index 0 is the hub (ProtocolDef.hub), else unused. */
  nodes: unknown[];
  alive: boolean[];
  /**
   * member[id]: 0 absent (a membership protocol's slot not yet added), 1 member, 2 removed for
   * good. Always 1 for a fixed cluster. Index 0 (the hub) is 1 when there is a hub.
   */
  member: Uint8Array;
  /** The protocol has a hub at HUB_ID. */
  readonly hasHub: boolean;
  now = 0;
  /** Number of events executed so far (the current frame). */
  frame = 0;
  seq = 0;
  /** Script actions sorted by time; scriptPos = how many have run. */
  script: ScriptAction[];
  scriptPos = 0;
  /** Timers, flat by id * slots + slot (id 0: the hub); Infinity when not armed. */
  timerAt: Float64Array;
  timerSetAt: Float64Array;
  timerSeq: Float64Array;
  readonly slots: number;
  readonly rngNet: Rng;
  readonly rngNodes: Rng[];
  /**
   * Messages ever sent on each server-to-server link, flat by from * (nodes + 1) + to: a
   * message's `nth` (its name in a `drop` action). Part of the snapshot, so seeks are exact.
   */
  readonly linkSent: Uint32Array;
  /**
   * The latest arrival time queued on each server-to-server link (same layout as
   * linkSent): the FIFO clamp. Part of the snapshot, so seeks are exact.
   */
  readonly linkLast: Float64Array;
  /** The scenario's coordination service, and its client actors (null without one). */
  readonly service: ServiceDef | null;
  readonly serviceClients: ClientHost | null;
  /** Timer slots per service client; their timers follow the nodes' in the timer table. */
  readonly clientSlots: number;
  /** Where the clients' timers start in the timer table: (nodes + 1) · slots. */
  private readonly clientTimerBase: number;
  /**
   * Service clients talk to servers over TCP: each directed client↔server link is FIFO and
   * loses nothing (a lost connection shows as a read timeout or a reset, the client's
   * business). The FIFO clamp of link (client c, server s): [(c − 1)(nodes + 1) + s] for
   * client → server, then the same again after count · (nodes + 1) for server → client.
   */
  readonly clientLinkLast: Float64Array | null;
  private clientHeld: HeldPacket[] = [];
  private readonly fifo: boolean;
  private readonly reorderRate: number;
  private readonly duplicateRate: number;

  /** When set, every event is recorded into the history. */
  recorder: History | null = null;
  /** When set, invariants are checked after every event. */
  monitor: Monitor<unknown> | null = null;
  violation: Violation | null = null;
  /** Bound on the queue: a protocol that floods is a bug we want to see, not a hang. */
  static readonly MAX_QUEUE = 100_000;

  private readonly ctx: NodeCtx<unknown>;
  private actingNode = 0;
  private readonly world: WorldView<unknown>;

  constructor(parsed: ParsedScenario) {
    const { scenario, protocol, config, initial } = parsed;
    this.protocol = protocol;
    this.cfg = config;
    // A membership protocol holds every slot up to its capacity; the ones above `nodes` start absent.
    this.nodeCount = protocol.membership ? Math.max(scenario.nodes, protocol.membership.capacity) : scenario.nodes;
    this.hasHub = protocol.hub === true;
    this.seed = scenario.seed;
    this.net = protocol.networkOf(config);
    this.network = new Network(this.nodeCount, this.hasHub, (parsed.service ?? null) === null ? 0 : parsed.clients);
    this.slots = protocol.timerSlots;
    const n = this.nodeCount;
    this.service = parsed.service ?? null;
    const clientCount = this.service === null ? 0 : parsed.clients;
    this.clientSlots = this.service === null ? 0 : this.service.client.timerSlots;
    this.clientTimerBase = (n + 1) * this.slots;
    const timerCount = this.clientTimerBase + clientCount * this.clientSlots;
    this.timerAt = new Float64Array(timerCount).fill(Infinity);
    this.timerSetAt = new Float64Array(timerCount);
    this.timerSeq = new Float64Array(timerCount);
    this.clientLinkLast = this.service === null ? null : new Float64Array(2 * clientCount * (n + 1));
    this.linkSent = new Uint32Array((n + 1) * (n + 1));
    this.linkLast = new Float64Array((n + 1) * (n + 1));
    this.fifo = this.net.fifo ?? true;
    this.reorderRate = this.net.reorderRate ?? 0;
    this.duplicateRate = this.net.duplicateRate ?? 0;
    this.rngNet = new Rng(this.seed, 'network');
    this.rngNodes = [];
    for (let id = 0; id <= n; id++) this.rngNodes.push(new Rng(this.seed, `node:${id}`));
    this.script = sortScript(scenario.script);
    this.clients = new Clients(this);
    this.serviceClients = this.service === null ? null : new ClientHost(this.service.client, clientCount, scenario.nodes, config, this.seed, this);
    const starting = scenario.nodes;
    this.nodes = [this.hasHub ? protocol.createNode(HUB_ID, starting, config, undefined) : undefined];
    this.alive = [this.hasHub];
    this.member = new Uint8Array(n + 1);
    this.member[0] = this.hasHub ? 1 : 0;
    for (let id = 1; id <= n; id++) {
      this.nodes.push(protocol.createNode(id, starting, config, initial.get(id)));
      this.alive.push(id <= starting);
      this.member[id] = id <= starting ? 1 : 0;
    }
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- getters below read live fields
    const sim = this;
    this.ctx = {
      get now() {
        return sim.now;
      },
      send: (to, msg) => this.send(this.actingNode, to, msg),
      setTimer: (slot, delayMs) => this.setTimer(this.actingNode, slot, delayMs),
      clearTimer: (slot) => this.clearTimer(this.actingNode, slot),
      randomInt: (lo, hi) => this.rngNodes[this.actingNode].int(lo, hi),
      note: (code, a = 0, b = 0, c = 0, d = 0) => {
        if (this.recorder !== null) this.recorder.note(code, this.actingNode, a, b, c, d);
      },
    };
    this.world = {
      get now() {
        return sim.now;
      },
      get frame() {
        return sim.frame;
      },
      get nodes() {
        return sim.nodes;
      },
      get alive() {
        return sim.alive;
      },
      get member() {
        return sim.member;
      },
    };
    if (this.serviceClients !== null) {
      const host = this.serviceClients;
      Object.defineProperties(this.world, {
        clients: { get: () => host.clients },
        ops: { get: () => host.ops },
        events: { get: () => host.events },
      });
    }
    if (this.hasHub) this.withNode(HUB_ID, () => protocol.start(this.nodes[HUB_ID], this.ctx));
    for (let id = 1; id <= starting; id++) this.withNode(id, () => protocol.start(this.nodes[id], this.ctx));
  }

  // ---- effects available to nodes and clients ----

  /** One message's latency, drawn from the network stream. */
  private latency(): number {
    const net = this.net;
    return net.latencyMaxMs > net.latencyMinMs ? this.rngNet.int(net.latencyMinMs, net.latencyMaxMs + 1) : net.latencyMinMs;
  }

  /**
   * The arrival time of something sent now on server link k after `latency`: with FIFO
   * links, no earlier than the link's last arrival (unless `overtakes`), and it becomes
   * the link's last arrival when it is the latest.
   */
  private linkArrival(k: number, latency: number, overtakes: boolean): number {
    let at = this.now + latency;
    if (!this.fifo) return at;
    const last = this.linkLast[k];
    if (at < last && !overtakes) at = last;
    if (at > last) this.linkLast[k] = at;
    return at;
  }

  send(from: number, to: number, msg: unknown): void {
    if (this.queue.size >= Simulation.MAX_QUEUE) throw new SimulationHalted('queue-overflow', Simulation.MAX_QUEUE);
    const net = this.net;
    const latency = this.latency();
    const lost = net.dropRate > 0 && this.rngNet.next() < net.dropRate;
    const n = this.nodeCount;
    const host = this.serviceClients;
    if (host !== null && (from >= CLIENT_ID_BASE || to >= CLIENT_ID_BASE)) {
      this.sendClientLink(host, from, to, msg);
      return;
    }
    if (from > n || to > n) {
      // Client links are not ordered: each request is its own exchange.
      this.queue.push({ at: this.now + latency, seq: this.seq++, from, to, sentAt: this.now, lost, byUser: false, nth: 0, msg });
      return;
    }
    const k = from * (n + 1) + to;
    const nth = ++this.linkSent[k];
    const overtakes = this.reorderRate > 0 && this.rngNet.next() < this.reorderRate;
    const at = this.linkArrival(k, latency, overtakes);
    this.queue.push({ at, seq: this.seq++, from, to, sentAt: this.now, lost, byUser: false, nth, msg });
    if (this.duplicateRate > 0 && !lost && this.rngNet.next() < this.duplicateRate) {
      // The network delivers the same message again, one more latency after the first copy
      // (a retransmission whose original was not lost). The copy keeps the message's nth.
      this.queue.push({ at: at + this.latency(), seq: this.seq++, from, to, sentAt: this.now, lost: false, byUser: false, nth, msg });
    }
  }

  /**
   * A service client's packet, or a server's packet to one: over its TCP connection, so in
   * order and never lost on the way (clientLinkLast). The random drop rate is the servers'
   * links' fault; a client loses its connection by a crash (reset) or by its read timeout.
   */
  private sendClientLink(host: ClientHost, from: number, to: number, msg: unknown): void {
    const fromClient = from >= CLIENT_ID_BASE;
    const c = host.clientOf(fromClient ? from : to);
    const server = fromClient ? to : from;
    if (!this.network.clientLinkUp(c, server)) {
      // TCP keeps what it could not get through and sends it once the link is back (see
      // mendClientLinks). A packet already on the wire when the link went down still arrives.
      if (fromClient) host.sent(c, to);
      this.clientHeld.push({ from, to, sentAt: this.now, msg });
      return;
    }
    this.pushClientPacket(host, from, to, this.now, msg);
  }

  /** Queue a client-link packet after every earlier one on its link and direction (clientLinkLast). */
  private pushClientPacket(host: ClientHost, from: number, to: number, sentAt: number, msg: unknown): void {
    const n = this.nodeCount;
    const fromClient = from >= CLIENT_ID_BASE;
    const c = host.clientOf(fromClient ? from : to);
    const server = fromClient ? to : from;
    const k = (fromClient ? 0 : host.count * (n + 1)) + (c - 1) * (n + 1) + server;
    const last = this.clientLinkLast!;
    let at = this.now + this.latency();
    if (at < last[k]) at = last[k];
    last[k] = at;
    if (fromClient && sentAt === this.now) host.sent(c, to);
    this.queue.push({ at, seq: this.seq++, from, to, sentAt, lost: false, byUser: false, nth: 0, msg });
  }

  /**
   * Links came back (a client's `mend`, or `heal`): what was held for them goes out now, in
   * the order it was sent, each after one more latency — TCP retransmitting. What is still cut stays held.
   */
  private mendClientLinks(): void {
    const host = this.serviceClients;
    if (host === null || this.clientHeld.length === 0) return;
    const still: HeldPacket[] = [];
    for (const p of this.clientHeld) {
      const fromClient = p.from >= CLIENT_ID_BASE;
      const c = host.clientOf(fromClient ? p.from : p.to);
      if (this.network.clientLinkUp(c, fromClient ? p.to : p.from)) this.pushClientPacket(host, p.from, p.to, p.sentAt, p.msg);
      else still.push(p);
    }
    this.clientHeld = still;
  }

  /** A message that arrives after exactly `delayMs` and cannot be lost (client time-outs). */
  sendSelf(id: number, delayMs: number, msg: unknown): void {
    this.queue.push({ at: this.now + delayMs, seq: this.seq++, from: id, to: id, sentAt: this.now, lost: false, byUser: false, nth: 0, msg });
  }

  /** Record a decision of the simulator's own (SimNote codes) as `node` (a server, or a client's id). */
  noteAs(node: number, code: number, a = 0, b = 0, c = 0, d = 0): void {
    if (this.recorder !== null) this.recorder.note(code, node, a, b, c, d);
  }

  /** The timer table's index of (actor id, slot): a node's, or a service client's after them. */
  private timerIndex(id: number, slot: number): number {
    return id >= CLIENT_ID_BASE ? this.clientTimerBase + (id - CLIENT_ID_BASE) * this.clientSlots + slot : id * this.slots + slot;
  }

  setTimer(id: number, slot: number, delayMs: number): void {
    const k = this.timerIndex(id, slot);
    this.timerAt[k] = this.now + Math.max(0, Math.round(delayMs));
    this.timerSetAt[k] = this.now;
    this.timerSeq[k] = this.seq++;
  }

  clearTimer(id: number, slot: number): void {
    this.timerAt[this.timerIndex(id, slot)] = Infinity;
  }

  private withNode(id: number, f: () => void): void {
    const prev = this.actingNode;
    this.actingNode = id;
    try {
      f();
    } finally {
      this.actingNode = prev;
    }
  }

  // ---- the event loop ----

  /**
   * Drop client time-outs that no longer matter from the front of the queue: they are not
   * events, and leaving them there would let step() run past a time bound to find one.
   */
  private dropStaleTimeouts(): void {
    for (let m = this.queue.peek(); m !== undefined && m.to >= CLIENT_ID_BASE && isClientTimeout(m.msg) && !this.clients.isTimeoutLive(m.msg); m = this.queue.peek()) {
      this.queue.pop();
    }
  }

  /** Time of the next event (Infinity when nothing is pending). */
  nextTime(): number {
    this.dropStaleTimeouts();
    let t = Infinity;
    if (this.scriptPos < this.script.length) t = this.script[this.scriptPos].at;
    const m = this.queue.peek();
    if (m !== undefined && m.at < t) t = m.at;
    const c = this.notices.peek();
    if (c !== undefined && c.at < t) t = c.at;
    const ta = this.timerAt;
    for (let k = 0; k < ta.length; k++) if (ta[k] < t) t = ta[k];
    return t;
  }

  /**
   * Execute the next event if its time is <= untilMs. Returns false when nothing is
   * pending by then or the run has stopped on a violation. Events that do nothing visible (a stale client time-out) are skipped
   * without becoming a frame.
   */
  step(untilMs = Infinity): boolean {
    if (this.violation !== null) return false;
    for (;;) {
      this.dropStaleTimeouts();
      // The earliest candidate of each source.
      const action = this.scriptPos < this.script.length ? this.script[this.scriptPos] : null;
      const queued = this.queue.peek();
      const notice = this.notices.peek();
      const isNotice = notice !== undefined && (queued === undefined || notice.at < queued.at || (notice.at === queued.at && notice.seq < queued.seq));
      const msg = isNotice ? notice : queued;
      let tk = -1;
      let tAt = Infinity;
      let tSeq = Infinity;
      const ta = this.timerAt;
      for (let k = 0; k < ta.length; k++) {
        const at = ta[k];
        if (at < tAt || (at === tAt && at !== Infinity && this.timerSeq[k] < tSeq)) {
          tAt = at;
          tSeq = this.timerSeq[k];
          tk = k;
        }
      }
      if (action !== null && action.at <= tAt && (msg === undefined || action.at <= msg.at)) {
        if (action.at > untilMs) return false;
        this.scriptPos++;
        this.runAction(action);
        return true;
      }
      if (msg !== undefined && (msg.at < tAt || (msg.at === tAt && msg.seq < tSeq))) {
        if (msg.at > untilMs) return false;
        if (isNotice) {
          this.notices.pop();
          if (this.runNotice(msg)) return true;
          continue;
        }
        this.queue.pop();
        if (this.runMessage(msg)) return true;
        continue;
      }
      if (tk >= 0) {
        if (tAt > untilMs) return false;
        this.runTimer(tk);
        return true;
      }
      return false;
    }
  }

  /** Run every event with time <= untilMs (or until a violation). Returns events run. */
  runUntil(untilMs: number, maxEvents = Infinity): number {
    let n = 0;
    // step() finds the next event and stops at the bound itself: one scan per event.
    while (n < maxEvents && this.step(untilMs)) n++;
    if (this.violation === null && this.nextTime() > untilMs && this.now < untilMs) this.now = untilMs;
    return n;
  }

  /**
   * Start a frame. `node` is recorded for display (a request's target, a cut's source);
   * `touched` is the node whose state the event may change (0 for none): the monitor is
   * told the same id before and after, so it compares like with like.
   */
  private begin(type: EventType, at: number, node: number, peer: number, kind: number, fate: number, action: ScriptAction | null, touched: number): void {
    this.now = at;
    this.frame++;
    if (this.recorder !== null) this.recorder.begin(this.frame, at, type, node, peer, kind, fate, action);
    if (this.monitor !== null) this.monitor.beforeEvent(this.world, touched);
  }

  private end(touched: number): void {
    if (this.monitor === null) return;
    const v = this.monitor.afterEvent(this.world, touched);
    if (v !== null) this.violation = { ...v, time: this.now, frame: this.frame };
  }

  private runAction(a: ScriptAction): void {
    const node = actionNode(a);
    // Only a crash, a restart or a timeout changes a node's state; a request is a client's message.
    const touched = a.do === 'crash' || a.do === 'restart' || a.do === 'timeout' || a.do === 'add' || a.do === 'remove' ? a.node : 0;
    const shownAt = a.do === 'request' ? CLIENT_ID_BASE : a.do === 'client' ? CLIENT_ID_BASE + a.client - 1 : node;
    this.begin(EventType.Action, a.at, shownAt, 0, 0, 0, a, touched);
    switch (a.do) {
      case 'crash':
        if (this.member[a.node] !== 1) this.noteAs(a.node, SimNote.NotMember, this.member[a.node]);
        else if (this.alive[a.node]) this.stopNode(a.node);
        break;
      case 'restart':
        if (this.member[a.node] !== 1) this.noteAs(a.node, SimNote.NotMember, this.member[a.node]);
        else if (!this.alive[a.node]) this.startNode(a.node);
        break;
      case 'add':
        if (this.member[a.node] !== 0) {
          this.noteAs(a.node, SimNote.AddNotAbsent, this.member[a.node]);
        } else {
          this.member[a.node] = 1;
          this.startNode(a.node);
          this.tellHub(a.node, true);
        }
        break;
      case 'remove':
        if (this.member[a.node] !== 1) {
          this.noteAs(a.node, SimNote.RemoveNotMember, this.member[a.node]);
        } else {
          this.member[a.node] = 2;
          if (this.alive[a.node]) this.stopNode(a.node);
          this.tellHub(a.node, false);
        }
        break;
      case 'partition':
        this.network.partition(a.groups);
        break;
      case 'cut':
      case 'mend':
        if (a.client !== undefined) {
          this.network.setClientCut(a.client, a.node ?? 0, a.do === 'cut');
          if (a.do === 'mend') this.mendClientLinks();
        } else this.network.setCut(a.from, a.to, a.do === 'cut');
        break;
      case 'heal':
        this.network.heal();
        this.mendClientLinks();
        break;
      case 'request':
        this.clients.request(a.value, a.node);
        break;
      case 'timeout':
        this.timeoutNow(a.node);
        break;
      case 'drop':
        this.dropInFlight(a.from, a.to, a.nth);
        break;
      case 'client':
        // Only a service scenario parses client actions.
        this.serviceClients!.invoke(a.client, clientOpOf(a));
        break;
    }
    this.end(touched);
  }

  private stopNode(id: number): void {
    this.alive[id] = false;
    for (let s = 0; s < this.slots; s++) this.clearTimer(id, s);
    this.protocol.crash(this.nodes[id]);
    this.connectionsClose(id);
    // Its clients' TCP connections are reset: they hear of it in the same frame (ClientDef.disconnected).
    if (this.serviceClients !== null) this.serviceClients.serverCrashed(id);
  }

  private startNode(id: number): void {
    this.alive[id] = true;
    this.withNode(id, () => this.protocol.start(this.nodes[id], this.ctx));
  }

  /** The operator tells the hub of an add or a remove (membership protocols with a hub). */
  private tellHub(id: number, joined: boolean): void {
    const hook = this.protocol.memberChanged;
    if (!this.hasHub || hook === undefined) return;
    this.withNode(HUB_ID, () => hook.call(this.protocol, this.nodes[HUB_ID], id, joined, this.ctx));
  }

  /** What a checker or a query sees: the live world at the current frame. */
  worldView(): WorldView<unknown> {
    return this.world;
  }

  /** The world with the service's clients and history (only in a service scenario). */
  serviceWorld(): ServiceWorld {
    return this.world as ServiceWorld;
  }

  /**
   * A crashed process's TCP connections close: every live peer that can hear it (the link
   * dead → peer up now) learns of it one link latency later, after whatever the dead node
   * had already sent on that link. Only for protocols with a `peerDisconnected` hook (for
   * the others nothing is drawn, so their traces do not change); a partition or a cut
   * closes nothing — a silent peer is noticed only by the protocol's own timeouts.
   */
  private connectionsClose(dead: number): void {
    if (this.protocol.peerDisconnected === undefined) return;
    const n = this.nodeCount;
    for (let id = 1; id <= n; id++) {
      if (id === dead || !this.alive[id] || !this.network.canDeliver(dead, id)) continue;
      const at = this.linkArrival(dead * (n + 1) + id, this.latency(), false);
      this.notices.push({ at, seq: this.seq++, from: dead, to: id, sentAt: this.now, lost: false, byUser: false, nth: 0, msg: null });
    }
  }

  /** The node's election timer fires now; a down node cannot time out. */
  private timeoutNow(id: number): void {
    if (!this.alive[id]) {
      this.noteAs(id, SimNote.TimeoutNodeDown);
      return;
    }
    const p = this.protocol;
    this.withNode(id, () => {
      if (p.timeoutNow) {
        p.timeoutNow(this.nodes[id], this.ctx);
      } else {
        this.clearTimer(id, 0);
        p.timer(this.nodes[id], 0, this.ctx);
      }
    });
  }

  /**
   * Lose the nth message ever sent from → to, if it is still on the wire: it stays in
   * flight, marked lost, and shows as a Drop (DroppedByUser) when it would have arrived,
   * as a random loss does. Otherwise say why there was nothing to drop.
   */
  private dropInFlight(from: number, to: number, nth: number): void {
    const sent = this.linkSent[from * (this.nodeCount + 1) + to];
    if (nth > sent) {
      this.noteAs(from, SimNote.DropNeverSent, nth, to, sent);
      return;
    }
    // Every copy still on the wire (more than one when the network duplicated it).
    const items = this.queue.items;
    let dropped = false;
    let alreadyLost = false;
    for (let i = 0; i < items.length; i++) {
      const m = items[i];
      if (m.nth !== nth || m.from !== from || m.to !== to) continue;
      if (m.lost) {
        alreadyLost = true;
        continue;
      }
      this.queue.replaceAt(i, { ...m, lost: true, byUser: true });
      dropped = true;
    }
    this.noteAs(from, dropped ? SimNote.DropDone : alreadyLost ? SimNote.DropAlreadyLost : SimNote.DropAlreadyArrived, nth, to, sent);
  }

  /** Returns false when the event was a no-op that should not become a frame. */
  private runMessage(m: InFlight): boolean {
    const to = m.to;
    const host = this.serviceClients;
    if (host !== null && to >= CLIENT_ID_BASE) {
      // A service client's packet (client links lose nothing: see sendClientLink).
      this.begin(EventType.Deliver, m.at, to, m.from, this.protocol.kindCode(m.msg), Fate.Delivered, null, 0);
      host.receive(host.clientOf(to), m.msg, m.from);
      this.end(0);
      return true;
    }
    if (to >= CLIENT_ID_BASE) {
      if (isClientTimeout(m.msg)) {
        if (!this.clients.isTimeoutLive(m.msg)) return false;
        this.begin(EventType.Timer, m.at, to, 0, 0, 0, null, 0);
        this.clients.onTimeout(m.msg);
        this.end(0);
        return true;
      }
      const kind = this.protocol.kindCode(m.msg);
      if (m.lost) {
        this.begin(EventType.Drop, m.at, to, m.from, kind, m.byUser ? Fate.DroppedByUser : Fate.Lost, null, 0);
      } else {
        this.begin(EventType.Deliver, m.at, to, m.from, kind, Fate.Delivered, null, 0);
        this.clients.receive(m.msg, m.from);
      }
      this.end(0);
      return true;
    }
    const kind = this.protocol.kindCode(m.msg);
    const fate = m.lost
      ? m.byUser
        ? Fate.DroppedByUser
        : Fate.Lost
      : !this.network.canDeliver(m.from, to)
        ? Fate.LinkDown
        : !this.alive[to]
          ? Fate.NodeDown
          : Fate.Delivered;
    if (fate !== Fate.Delivered) {
      this.begin(EventType.Drop, m.at, to, m.from, kind, fate, null, 0);
      this.end(0);
      return true;
    }
    this.begin(EventType.Deliver, m.at, to, m.from, kind, fate, null, to);
    this.actingNode = to;
    this.protocol.receive(this.nodes[to], m.msg, m.from, this.ctx);
    this.actingNode = 0;
    this.end(to);
    return true;
  }

  /** A connection-closed notice arrives: its own frame, unless the listener is down by now. */
  private runNotice(m: InFlight): boolean {
    const to = m.to;
    const hook = this.protocol.peerDisconnected;
    if (!this.alive[to] || hook === undefined) return false;
    this.begin(EventType.Disconnect, m.at, to, m.from, 0, 0, null, to);
    this.actingNode = to;
    hook.call(this.protocol, this.nodes[to], m.from, this.ctx);
    this.actingNode = 0;
    this.end(to);
    return true;
  }

  private runTimer(k: number): void {
    if (k >= this.clientTimerBase) {
      const i = k - this.clientTimerBase;
      const c = Math.floor(i / this.clientSlots) + 1;
      const slot = i - (c - 1) * this.clientSlots;
      const at = this.timerAt[k];
      this.timerAt[k] = Infinity;
      this.begin(EventType.Timer, at, CLIENT_ID_BASE + c - 1, 0, slot, 0, null, 0);
      this.serviceClients!.timer(c, slot);
      this.end(0);
      return;
    }
    const id = Math.floor(k / this.slots);
    const slot = k - id * this.slots;
    const at = this.timerAt[k];
    this.timerAt[k] = Infinity;
    this.begin(EventType.Timer, at, id, 0, slot, 0, null, id);
    this.actingNode = id;
    this.protocol.timer(this.nodes[id], slot, this.ctx);
    this.actingNode = 0;
    this.end(id);
  }

  // ---- keyframes ----

  snapshot(): SimSnapshot {
    const p = this.protocol;
    return {
      frame: this.frame,
      now: this.now,
      seq: this.seq,
      nodes: this.nodes.map((nd, id) => (id === 0 && !this.hasHub ? null : p.snapshot(nd))),
      alive: this.alive.slice(),
      member: this.member.slice(),
      timerAt: this.timerAt.slice(),
      timerSetAt: this.timerSetAt.slice(),
      timerSeq: this.timerSeq.slice(),
      queue: this.queue.snapshot(),
      scriptPos: this.scriptPos,
      network: this.network.snapshot(),
      rngNet: this.rngNet.state(),
      rngNodes: this.rngNodes.map((r) => r.state()),
      clients: this.clients.snapshot(),
      linkSent: this.linkSent.slice(),
      linkLast: this.linkLast.slice(),
      notices: this.notices.snapshot(),
      service: this.serviceClients === null ? null : this.serviceClients.snapshot(),
      clientLinkLast: this.clientLinkLast === null ? null : this.clientLinkLast.slice(),
      clientHeld: this.clientHeld.slice(),
    };
  }

  restore(s: SimSnapshot): void {
    const p = this.protocol;
    this.frame = s.frame;
    this.now = s.now;
    this.seq = s.seq;
    this.nodes = s.nodes.map((sn, id) => (id === 0 && !this.hasHub ? undefined : p.restore(sn)));
    this.alive = s.alive.slice();
    this.member.set(s.member);
    this.timerAt.set(s.timerAt);
    this.timerSetAt.set(s.timerSetAt);
    this.timerSeq.set(s.timerSeq);
    this.queue.restore(s.queue);
    this.scriptPos = s.scriptPos;
    this.network.restore(s.network);
    this.rngNet.setState(s.rngNet);
    s.rngNodes.forEach((st, i) => this.rngNodes[i].setState(st));
    this.clients.restore(s.clients);
    this.linkSent.set(s.linkSent);
    this.linkLast.set(s.linkLast);
    this.notices.restore(s.notices);
    if (this.serviceClients !== null && s.service !== null) this.serviceClients.restore(s.service);
    if (this.clientLinkLast !== null && s.clientLinkLast !== null) this.clientLinkLast.set(s.clientLinkLast);
    this.clientHeld = s.clientHeld.slice();
    this.violation = null;
  }

  /** Add a script action that has not run yet (a user's action, recorded for the URL). */
  insertAction(a: ScriptAction): void {
    let i = this.script.length;
    while (i > this.scriptPos && this.script[i - 1].at > a.at) i--;
    this.script.splice(i, 0, a);
  }
}
