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
