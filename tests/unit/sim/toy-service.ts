/**
 * A toy coordination service for testing the simulator's client hosting on its own: the
 * "echo" service runs on the toy protocol "toy-echo" (the toy protocol plus withService and
 * an echo of client requests). Each client connects to server 1 + (c − 1) mod n on its
 * first op, sends `{echo, opId, value}` and completes the op on the echo; a timer pings its
 * server every 40 ms (noted); a crash of its server resets it (recorded as an event) and it
 * moves to the next server. Its checker flags an op that completes with another value.
 */
import { ScenarioError, type ProtocolDef } from '../../../src/core/protocol';
import type { ClientDef } from '../../../src/core/coord/service';
import type { ServiceDef, ServiceWorld } from '../../../src/core/coord/registry';
import { toyProtocol } from './toy-protocol';

interface EchoClient {
  index: number;
  servers: number;
  server: number;
  pings: number;
  pending: { opId: number; value: string; invoke: number }[];
  resets: number;
  draws: number[];
}
type EchoOp = { op: 'echo'; value: string };
export type EchoRec = { client: number; op: string; args: Record<string, unknown>; invoke: number; complete: number | null; ok: boolean; result: unknown; error: string | null };
type EchoWire = { type: 'echo'; opId: number; value: string; back?: boolean } | { type: 'ping' } | { type: 'pong' };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const base = toyProtocol as ProtocolDef<any, any, any, any, any>;

/** The toy protocol, hosting the echo service: servers answer a client's echo and ping. */
export const toyEchoProtocol: ProtocolDef<{ service: string | null }, { id: number; echoes: number }, EchoWire> = {
  ...base,
  name: 'toy-echo',
  parseConfig: () => ({ service: null }),
  networkOf: () => ({ latencyMinMs: 5, latencyMaxMs: 25, dropRate: 0.2, clientRetry: false, clientTimeoutMs: 500 }),
  createNode: (id) => ({ id, echoes: 0 }),
  start() {},
  crash() {},
  timer() {},
  receive(node, msg, from, ctx) {
    if (msg.type === 'echo' && !msg.back) {
      node.echoes++;
      ctx.send(from, { ...msg, back: true });
    } else if (msg.type === 'ping') {
      ctx.send(from, { type: 'pong' });
    }
  },
  snapshot: (n) => ({ ...n }),
  restore: (s) => ({ ...(s as object) }) as never,
  monitor: () => ({ beforeEvent() {}, afterEvent: () => null, report: () => ({}) }),
  look: (m) => ({ glyph: 'other', name: m.type, era: 0 }),
  kindCode: (m) => ({ echo: 11, ping: 12, pong: 13 })[m.type],
  view: (n, alive) => ({ id: n.id, role: alive ? 'up' : 'down', echoes: n.echoes }),
  output: (n, alive) => ({ id: n.id, alive, echoes: n.echoes }),
  withService: (cfg, service) => ({ ...cfg, service }),
};

export const ECHO_PING_NOTE = 77;

export const echoClient: ClientDef<EchoClient, EchoOp, EchoWire, EchoRec, EchoClient> = {
  timerSlots: 1,
  create: (index, servers) => ({ index, servers, server: 0, pings: 0, pending: [], resets: 0, draws: [] }),
  invoke(c, opId, op, ctx) {
    if (c.server === 0) {
      c.server = 1 + ((c.index - 1) % c.servers);
      ctx.setTimer(0, 40);
    }
    c.draws.push(ctx.randomInt(0, 1000));
    c.pending.push({ opId, value: op.value, invoke: ctx.now });
    ctx.invoked(opId, { client: c.index, op: 'echo', args: { value: op.value }, invoke: ctx.now, complete: null, ok: false, result: null, error: null });
    ctx.send(c.server, { type: 'echo', opId, value: op.value });
  },
  receive(c, msg, _from, ctx) {
    if (msg.type !== 'echo') return;
    const i = c.pending.findIndex((p) => p.opId === msg.opId);
    if (i < 0) return;
    const [p] = c.pending.splice(i, 1);
    ctx.completed(p.opId, { client: c.index, op: 'echo', args: { value: p.value }, invoke: p.invoke, complete: ctx.now, ok: true, result: msg.value, error: null });
  },
  timer(c, _slot, ctx) {
    c.pings++;
    ctx.note(ECHO_PING_NOTE, c.index, c.pings);
    ctx.send(c.server, { type: 'ping' });
    ctx.setTimer(0, 40);
  },
  disconnected(c, server, ctx) {
    c.resets++;
    ctx.event({ client: c.index, time: ctx.now, type: 'Disconnected', path: '', server });
    c.server = (server % c.servers) + 1;
  },
  snapshot: (c) => ({ ...c, pending: c.pending.map((p) => ({ ...p })), draws: c.draws.slice() }),
  restore: (s) => ({ ...s, pending: s.pending.map((p) => ({ ...p })), draws: s.draws.slice() }),
  view: (c) => ({ client: c.index, server: c.server, pings: c.pings, pending: c.pending.length, resets: c.resets, draws: c.draws.slice() }),
};

export const echoService: ServiceDef = {
  name: 'echo',
  protocols: ['toy-echo'],
  client: echoClient,
  opNames: ['echo'],
  parseOp(raw, field) {
    if (raw.op !== 'echo') throw new ScenarioError(`${field}.op`, 'echo', raw.op);
    for (const k of Object.keys(raw)) if (!['at', 'do', 'client', 'op', 'value'].includes(k)) throw new ScenarioError(`${field}.${k}`, 'no such field');
    if (typeof raw.value !== 'string') throw new ScenarioError(`${field}.value`, 'a string', raw.value);
    return { op: 'echo', value: raw.value };
  },
  monitor: () => ({
    beforeEvent() {},
    afterEvent(world) {
      for (const r of (world as ServiceWorld).ops as (EchoRec | undefined)[]) {
        if (r && r.complete !== null && r.result !== r.args.value) return { invariant: 'Echo', detail: 'wrong echo', why: { code: 'x', args: {} } };
      }
      return null;
    },
    report: () => ({}),
    finish: () => null,
  }),
  output: (world) => ({ ops: world.ops.filter((o) => o !== undefined), events: world.events }),
};
