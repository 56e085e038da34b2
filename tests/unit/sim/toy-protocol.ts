/**
 * A toy protocol for testing the simulator on its own: every node pings the next node
 * every `periodMs` and counts pongs; the count is persistent. Its monitor flags a node
 * whose count goes down (it never should), and a test bug makes the count go down.
 */
import { ScenarioError, type ProtocolDef } from '../../../src/core/protocol';

interface ToyNode {
  id: number;
  n: number;
  pongs: number; // persistent
  pings: number; // volatile
  bug: boolean;
  burst: number;
  periodMs: number;
}
type ToyMsg = { type: 'ping' } | { type: 'pong' } | { type: 'req'; requestId: number; value: string } | { type: 'rep'; requestId: number; ok: boolean };
interface ToyCfg {
  periodMs: number;
  bug: boolean;
  /** Pings sent per timer firing (a flood, to test the bounded queue). */
  burst: number;
}

export const toyProtocol: ProtocolDef<ToyCfg, ToyNode, ToyMsg, ToyNode, { id: number; role: string; pongs: number }> = {
  name: 'toy',
  timerSlots: 1,
  bugs: ['shrink'],
  fuzzOptions: {},
  parseConfig(raw) {
    const c = (raw ?? {}) as Record<string, unknown>;
    const periodMs = c.periodMs ?? 100;
    if (typeof periodMs !== 'number' || periodMs < 1) throw new ScenarioError('config.periodMs', 'a positive number', periodMs);
    return { periodMs, bug: Array.isArray(c.bugs) && c.bugs.includes('shrink'), burst: typeof c.burst === 'number' ? c.burst : 1 };
  },
  networkOf: () => ({ latencyMinMs: 5, latencyMaxMs: 25, dropRate: 0.1, clientRetry: false, clientTimeoutMs: 500 }),
  parseInitial: () => new Map(),
  initialWarnings: () => [],
  createNode: (id, n, cfg) => ({ id, n, pongs: 0, pings: 0, bug: cfg.bug, burst: cfg.burst, periodMs: cfg.periodMs }),
  start(node, ctx) {
    ctx.setTimer(0, ctx.randomInt(50, 150));
  },
  crash(node) {
    node.pings = 0;
  },
  receive(node, msg, from, ctx) {
    if (msg.type === 'ping') {
      ctx.note(1, from);
      ctx.send(from, { type: 'pong' });
    } else if (msg.type === 'pong') {
      node.pongs += node.bug && node.pongs > 3 ? -2 : 1;
      ctx.note(2, node.pongs);
    } else if (msg.type === 'req') {
      ctx.send(from, { type: 'rep', requestId: msg.requestId, ok: true });
    }
  },
  timer(node, _slot, ctx) {
    node.pings++;
    for (let i = 0; i < node.burst; i++) ctx.send((node.id % node.n) + 1, { type: 'ping' });
    ctx.setTimer(0, node.periodMs);
  },
  leaderOf: () => 1,
  clientRequest: (spec) => ({ type: 'req', requestId: spec.requestId, value: spec.value }),
  clientReply: (m) => (m.type === 'rep' ? { requestId: m.requestId, ok: m.ok, redirect: 0, index: 0 } : null),
  snapshot: (n) => ({ ...n }),
  restore: (s) => ({ ...s }),
  monitor() {
    const last = new Map<number, number>();
    return {
      beforeEvent() {},
      afterEvent(world, id) {
        if (id === 0) return null;
        const node = world.nodes[id] as ToyNode;
        const before = last.get(id) ?? 0;
        last.set(id, node.pongs);
        return node.pongs < before ? { invariant: 'Monotonic Pongs', detail: `node ${id} went from ${before} to ${node.pongs}`, why: { code: 'pongsWentDown', args: { node: id, before, after: node.pongs } } } : null;
      },
      report: () => ({}),
    };
  },
  look: (m) => ({ glyph: m.type === 'ping' ? 'heartbeat' : 'other', name: m.type, era: 0 }),
  kindCode: (m) => ({ ping: 1, pong: 2, req: 3, rep: 4 })[m.type],
  view: (n, alive) => ({ id: n.id, role: alive ? 'up' : 'down', pongs: n.pongs }),
  output: (n, alive) => ({ id: n.id, alive, pongs: n.pongs }),
  markKinds: ['commit'],
  // Named arguments: the history stores positions, rows carry the names too.
  notes: [{ code: 1, name: 'PingFrom', fields: ['from'] }, { code: 2, name: 'Pongs', fields: ['pongs'] }],
  mark: (code, a) => (code === 2 && a === 10 ? { kind: 'commit', value: a } : null),
};

// ---- a second toy, for the network's ordering and connection faults ----

interface TcpNode {
  id: number;
  n: number;
  periodMs: number;
  /** sent[to]: pings sent to each node; each ping carries its number on the link. */
  sent: number[];
  /** last[from]: the highest ping number heard from each node. */
  last: number[];
  /** Pings that arrived after a later one on the same link (overtaken), and copies of one already heard. */
  overtaken: number;
  duplicates: number;
  /** The peers whose connection this node heard close, in order (persistent, for the tests). */
  closed: number[];
}
interface TcpCfg {
  periodMs: number;
  net: { fifo?: boolean; reorderRate?: number; duplicateRate?: number; dropRate?: number; latencyMinMs?: number; latencyMaxMs?: number };
}
type TcpMsg = { k: number };

/**
 * Every node sends a numbered ping to every other node each `periodMs`; receivers count
 * pings that arrive out of order or twice. Its config passes the network fields through,
 * and it has a `peerDisconnected` hook (note 3, field `peer`).
 */
export const toyTcpProtocol: ProtocolDef<TcpCfg, TcpNode, TcpMsg, TcpNode, { id: number; role: string }> = {
  name: 'toy-tcp',
  timerSlots: 1,
  bugs: [],
  fuzzOptions: {},
  parseConfig(raw) {
    const { periodMs = 7, ...net } = (raw ?? {}) as { periodMs?: number } & TcpCfg['net'];
    return { periodMs, net };
  },
  networkOf: (cfg) => ({ latencyMinMs: cfg.net.latencyMinMs ?? 5, latencyMaxMs: cfg.net.latencyMaxMs ?? 40, dropRate: cfg.net.dropRate ?? 0, clientRetry: false, clientTimeoutMs: 500, fifo: cfg.net.fifo, reorderRate: cfg.net.reorderRate, duplicateRate: cfg.net.duplicateRate }),
  parseInitial: () => new Map(),
  initialWarnings: () => [],
  createNode: (id, n, cfg) => ({ id, n, periodMs: cfg.periodMs, sent: new Array<number>(n + 1).fill(0), last: new Array<number>(n + 1).fill(0), overtaken: 0, duplicates: 0, closed: [] }),
  start(node, ctx) {
    ctx.setTimer(0, 1);
  },
  crash(node) {
    node.sent.fill(0);
    node.last.fill(0);
  },
  receive(node, msg, from) {
    if (msg.k === node.last[from]) node.duplicates++;
    else if (msg.k < node.last[from]) node.overtaken++;
    else node.last[from] = msg.k;
  },
  timer(node, _slot, ctx) {
    for (let to = 1; to <= node.n; to++) if (to !== node.id) ctx.send(to, { k: ++node.sent[to] });
    ctx.setTimer(0, node.periodMs);
  },
  peerDisconnected(node, peer, ctx) {
    node.closed.push(peer);
    ctx.note(3, peer);
  },
  leaderOf: () => 0,
  clientRequest: () => ({ k: 0 }),
  clientReply: () => null,
  snapshot: (n) => ({ ...n, sent: n.sent.slice(), last: n.last.slice(), closed: n.closed.slice() }),
  restore: (s) => ({ ...s, sent: s.sent.slice(), last: s.last.slice(), closed: s.closed.slice() }),
  monitor: () => ({ beforeEvent() {}, afterEvent: () => null, report: () => ({}) }),
  look: () => ({ glyph: 'ping', name: 'ping', era: 0 }),
  kindCode: () => 1,
  view: (n, alive) => ({ id: n.id, role: alive ? 'up' : 'down' }),
  output: (n, alive) => ({ id: n.id, alive, overtaken: n.overtaken, duplicates: n.duplicates, closed: n.closed }),
  markKinds: [],
  notes: [{ code: 3, name: 'Closed', fields: ['peer'] }],
  mark: () => null,
};

// ---- a third toy, for membership and a hub ----

/** A node slot, or (id 0) the hub. */
interface HubToyNode {
  id: number;
  /** Heartbeats sent since the last (re)start. */
  sent: number;
  /** Hub only: heartbeats heard per node id, and what the operator told it, in order. */
  heard: number[];
  told: string[];
}
type HubToyMsg = { beat: number };

/**
 * Nodes heartbeat the hub (id 0) every 50 ms; the hub counts what it hears and records the
 * operator's add/remove calls. Membership capacity 6. query('heard') returns the hub's
 * counts; query('told') its operator log.
 */
export const toyHubProtocol: ProtocolDef<Record<string, never>, HubToyNode, HubToyMsg, HubToyNode, { id: number; role: string; sent: number; heard?: number[] }> = {
  name: 'toy-hub',
  timerSlots: 1,
  bugs: [],
  fuzzOptions: {},
  membership: { capacity: 6 },
  hub: true,
  parseConfig: () => ({}),
  networkOf: () => ({ latencyMinMs: 5, latencyMaxMs: 5, dropRate: 0, clientRetry: false, clientTimeoutMs: 500 }),
  parseInitial: () => new Map(),
  initialWarnings: () => [],
  createNode: (id) => ({ id, sent: 0, heard: new Array<number>(7).fill(0), told: [] }),
  start(node, ctx) {
    if (node.id !== 0) ctx.setTimer(0, 50);
  },
  crash(node) {
    node.sent = 0;
  },
  receive(node, msg, from) {
    if (node.id === 0) node.heard[from]++;
  },
  timer(node, _slot, ctx) {
    ctx.send(0, { beat: ++node.sent });
    ctx.setTimer(0, 50);
  },
  memberChanged(hub, id, joined, ctx) {
    hub.told.push(`${joined ? '+' : '-'}${id}@${ctx.now}`);
  },
  query(world, _cfg, name) {
    const hub = world.nodes[0];
    if (name === 'heard') return hub.heard.slice();
    if (name === 'told') return hub.told.slice();
    return null;
  },
  leaderOf: () => 0,
  clientRequest: () => ({ beat: 0 }),
  clientReply: () => null,
  snapshot: (n) => ({ ...n, heard: n.heard.slice(), told: n.told.slice() }),
  restore: (s) => ({ ...s, heard: s.heard.slice(), told: s.told.slice() }),
  monitor: () => ({ beforeEvent() {}, afterEvent: () => null, report: () => ({}) }),
  look: () => ({ glyph: 'heartbeat', name: 'beat', era: 0 }),
  kindCode: () => 1,
  view: (n, alive) => (n.id === 0 ? { id: 0, role: 'hub', sent: 0, heard: n.heard.slice() } : { id: n.id, role: alive ? 'up' : 'down', sent: n.sent }),
  output: (n, alive) => ({ id: n.id, alive, sent: n.sent }),
  markKinds: [],
  notes: [],
  mark: () => null,
};
