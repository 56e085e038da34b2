/**
 * The simulator hosting a service's client actors (DESIGN.md "What the simulator must
 * host"), proven with a toy echo service: the scenario's `service` / `clients` / client
 * actions, ids from CLIENT_ID_BASE, client timers and streams, TCP client links, resets on
 * a server crash, the history in keyframes (seek back and forth gives identical frames),
 * round trips, and the refusals.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_ID_BASE } from '../../../src/core/protocol';
import { registerProtocol } from '../../../src/core/registry';
import { registerService } from '../../../src/core/coord/registry';
import { KEYFRAME_EVERY } from '../../../src/sim/history';
import { cliReport, runHeadless } from '../../../src/sim/run';
import { parseScenario } from '../../../src/sim/scenario';
import { SimSession } from '../../../src/sim/session';
import { Simulation } from '../../../src/sim/simulation';
import { EventType } from '../../../src/sim/api';
import { ECHO_PING_NOTE, echoService, toyEchoProtocol, type EchoRec } from './toy-service';

beforeAll(() => {
  registerProtocol(toyEchoProtocol);
  registerService(echoService);
});

const echo = (at: number, client: number, value: string) => ({ at, do: 'client', client, op: 'echo', value });

function scenario(extra: Record<string, unknown> = {}) {
  return {
    protocol: 'toy-echo',
    nodes: 3,
    seed: 7,
    until: 4000,
    service: 'echo',
    clients: 3,
    script: [echo(10, 1, 'a'), echo(10, 2, 'b'), echo(20, 3, 'c'), { at: 500, do: 'crash', node: 1 }, echo(600, 1, 'd'), echo(700, 3, 'e')],
    ...extra,
  };
}

describe('scenario format: service, clients, client actions', () => {
  const err = (raw: unknown) => {
    try {
      parseScenario(raw);
    } catch (e) {
      return (e as Error).message;
    }
    return 'accepted';
  };
  it('refuses etcd and consul as not built yet, naming the field', () => {
    expect(err({ protocol: 'raft', nodes: 3, service: 'etcd' })).toMatch(/^service: expected one of .*zookeeper.*\(etcd is not built yet\)/);
    expect(err({ protocol: 'raft', nodes: 3, service: 'consul' })).toMatch(/^service: .*consul is not built yet/);
  });
  it('refuses zookeeper on raft, an unknown service, clients without a service, clients out of range', () => {
    expect(err({ protocol: 'raft', nodes: 3, service: 'zookeeper' })).toMatch(/^service: expected a service of protocol raft \(zookeeper runs on zab\)/);
    expect(err({ protocol: 'zab', nodes: 3, service: 'redis' })).toMatch(/^service: expected one of/);
    expect(err({ protocol: 'zab', nodes: 3, service: 7 })).toMatch(/^service: expected one of .*got 7/);
    expect(err({ protocol: 'zab', nodes: 3, clients: 2 })).toMatch(/^clients: expected no "clients" without a "service"/);
    expect(err({ protocol: 'zab', nodes: 3, service: 'zookeeper', clients: 0 })).toMatch(/^clients: expected an integer from 1 to 16, got 0/);
    expect(err({ protocol: 'zab', nodes: 3, service: 'zookeeper', clients: 17 })).toMatch(/^clients: expected an integer from 1 to 16/);
  });
  it('refuses a client action without a service, a request in a service scenario, and a client out of range', () => {
    expect(err({ protocol: 'zab', nodes: 3, script: [{ at: 1, do: 'client', client: 1, op: 'close' }] })).toMatch(/^script\[0\]\.do: expected an action of the protocol \(client actions need a top-level "service"\)/);
    expect(err({ protocol: 'zab', nodes: 3, service: 'zookeeper', script: [{ at: 1, do: 'request', value: 'x' }] })).toMatch(/^script\[0\]\.do: expected a client action/);
    expect(err({ protocol: 'zab', nodes: 3, service: 'zookeeper', clients: 2, script: [{ at: 1, do: 'client', client: 3, op: 'close' }] })).toMatch(/^script\[0\]\.client: expected an integer from 1 to 2, got 3/);
    expect(err({ protocol: 'zab', nodes: 3, service: 'zookeeper', script: [{ at: 1, do: 'client', op: 'close' }] })).toMatch(/^script\[0\]\.client: expected an integer from 1 to 1/);
  });
  it("names every bad field of a ZooKeeper op (the client's op parser)", () => {
    const zk = (a: Record<string, unknown>) => err({ protocol: 'zab', nodes: 3, service: 'zookeeper', clients: 2, script: [{ at: 0, do: 'heal' }, { at: 5, do: 'client', client: 1, ...a }] });
    expect(zk({ op: 'frobnicate' })).toMatch(/^script\[1\]\.op: expected one of connect, create/);
    expect(zk({ op: 'create', path: 5 })).toMatch(/^script\[1\]\.path:/);
    expect(zk({ op: 'create', path: '/a', ephemeral: 'yes' })).toMatch(/^script\[1\]\.ephemeral: expected true or false/);
    expect(zk({ op: 'delete', path: '/a', version: -2 })).toMatch(/^script\[1\]\.version:/);
    expect(zk({ op: 'getData', path: '/a', watch: 1 })).toMatch(/^script\[1\]\.watch:/);
    expect(zk({ op: 'connect', server: 4 })).toMatch(/^script\[1\]\.server: expected an integer from 1 to 3/);
    expect(zk({ op: 'pause' })).toMatch(/^script\[1\]\.ms:/);
    expect(zk({ op: 'close', path: '/a' })).toMatch(/^script\[1\]\.path: expected no such field/);
    expect(zk({ op: 'create', path: '/a' })).toBe('accepted');
  });
  it('a service scenario round-trips: the scenario written back is the one read', () => {
    const raw = {
      protocol: 'zab',
      nodes: 3,
      seed: 4,
      until: 3000,
      service: 'zookeeper',
      clients: 2,
      script: [
        { at: 5, do: 'client', client: 1, op: 'connect', sessionTimeoutMs: 6000 },
        { at: 9, do: 'client', client: 2, op: 'create', path: '/a', ephemeral: true },
        { at: 900, do: 'crash', node: 2 },
        { at: 1000, do: 'client', client: 1, op: 'getData', path: '/a', watch: true },
      ],
    };
    const s = new SimSession();
    const r = s.load(raw);
    expect(r.ok).toBe(true);
    expect(s.scenario()).toEqual(raw);
    expect(JSON.stringify(s.scenario().script)).toBe(JSON.stringify(raw.script));
    // Defaults are not written out: a scenario without `clients` comes back without it.
    const noClients = { protocol: 'zab', nodes: 3, seed: 1, until: 100, service: 'zookeeper', script: [] };
    s.load(noClients);
    expect(s.scenario()).toEqual(noClients);
  });
});

describe('client actors in the simulation', () => {
  it('routes ops to clients CLIENT_ID_BASE + c − 1, with their own timers and notes', () => {
    const parsed = parseScenario(scenario());
    const r = runHeadless(parsed);
    expect(r.violation).toBeNull();
    const ops = r.sim.serviceWorld().ops as EchoRec[];
    expect(ops.map((o) => [o.client, o.args.value, o.result])).toEqual([
      [1, 'a', 'a'],
      [2, 'b', 'b'],
      [3, 'c', 'c'],
      [1, 'd', 'd'],
      [3, 'e', 'e'],
    ]);
    for (const o of ops) expect(o.complete).toBeGreaterThan(o.invoke);
    // Client 1 was on server 1, which crashed: it was reset then (and only it), and moved to server 2.
    const events = r.sim.serviceWorld().events as { client: number; time: number; server: number }[];
    expect(events).toEqual([{ client: 1, time: 500, type: 'Disconnected', path: '', server: 1 }]);
    const views = r.sim.serviceClients!.views() as { server: number; pings: number; resets: number }[];
    expect(views.map((v) => v.server)).toEqual([2, 2, 3]);
    expect(views.map((v) => v.resets)).toEqual([1, 0, 0]);
    // Pings every 40 ms from the first op to 4000 ms.
    expect(views[0].pings).toBe(Math.floor((4000 - 10) / 40));
  });

  it('records client frames under the client ids, and client links are FIFO and lossless (drop rate 0.2 on servers only)', () => {
    const s = new SimSession();
    s.load(scenario());
    s.advanceTo(4000);
    const rows = s.events(1, 1000);
    const clientTimers = rows.filter((r) => r.type === EventType.Timer && r.node >= CLIENT_ID_BASE);
    expect(new Set(clientTimers.map((r) => r.node))).toEqual(new Set([CLIENT_ID_BASE, CLIENT_ID_BASE + 1, CLIENT_ID_BASE + 2]));
    expect(clientTimers.every((r) => r.notes.some((n) => n.code === ECHO_PING_NOTE && n.node === r.node))).toBe(true);
    const toClients = rows.filter((r) => r.node >= CLIENT_ID_BASE && (r.type === EventType.Deliver || r.type === EventType.Drop));
    expect(toClients.length).toBeGreaterThan(50);
    expect(toClients.every((r) => r.type === EventType.Deliver)).toBe(true);
    const action = rows.find((r) => r.action?.do === 'client');
    expect(action?.node).toBe(CLIENT_ID_BASE);
  });

  it('gives each client its own stream: adding a client changes nobody else\u2019s draws', () => {
    const draws = (clients: number) => {
      const r = runHeadless(parseScenario(scenario({ clients })));
      return (r.sim.serviceClients!.views() as { draws: number[] }[]).map((v) => v.draws);
    };
    const three = draws(3);
    const five = draws(5);
    expect(five.slice(0, 3)).toEqual(three);
  });

  it('keyframes hold the clients: seek back and forth gives identical frames', () => {
    const s = new SimSession();
    s.load(scenario({ until: 20000, script: [...scenario().script, ...Array.from({ length: 40 }, (_, i) => echo(1000 + i * 400, 1 + (i % 3), `v${i}`))] }));
    s.advanceTo(20000);
    const head = s.view().head;
    expect(head).toBeGreaterThan(3 * KEYFRAME_EVERY);
    const probes = [head, 3 * KEYFRAME_EVERY + 17, 5, KEYFRAME_EVERY, 2 * KEYFRAME_EVERY - 1, head - 3];
    const first = probes.map((f) => JSON.stringify(s.seek(f)));
    const again = [...probes].reverse().map((f) => JSON.stringify(s.seek(f))).reverse();
    expect(again).toEqual(first);
    const v = s.seek(head);
    expect(v.service?.name).toBe('echo');
    expect(v.service?.clients).toHaveLength(3);
    expect(v.service?.opCount).toBe(45);
  });

  it('is deterministic, and a fork reproduces from the written scenario', () => {
    const a = new SimSession();
    a.load(scenario());
    a.seek(300);
    a.act({ do: 'client', client: 2, op: 'echo', value: 'late' } as never);
    a.advanceTo(4000);
    const b = new SimSession();
    b.load(a.scenario());
    b.advanceTo(4000);
    expect(b.traceHash()).toBe(a.traceHash());
    expect(a.scenario().script.filter((x) => x.do === 'client')).toHaveLength(6);
  });

  it('the CLI report of a service scenario has the service fields and no built-in ops', () => {
    const parsed = parseScenario(scenario());
    const rep = cliReport(parsed, runHeadless(parsed));
    // `events` are the notifications there; the frame count moves to `frames`.
    expect(Object.keys(rep)).toEqual(['protocol', 'seed', 'time', 'nodes', 'frames', 'service', 'ops', 'events', 'violations', 'warnings']);
    expect(rep.service).toBe('echo');
    expect(rep.frames).toBeGreaterThan(100);
    expect(rep.events).toEqual([{ client: 1, time: 500, type: 'Disconnected', path: '', server: 1 }]);
  });

  it('a Simulation built without a service has no client host and the old timer table', () => {
    const sim = new Simulation(parseScenario({ protocol: 'toy-echo', nodes: 3 }));
    expect(sim.serviceClients).toBeNull();
    expect(sim.timerAt.length).toBe(4 * toyEchoProtocol.timerSlots);
  });
});
