/**
 * A service client's links cut and mended (`{do: "cut" | "mend", client, node?}`): the Java
 * client over TCP hears nothing, times out, cannot reach any server, and its session is
 * expired by the leader — the ephemeral goes, watchers hear it, and the client is told
 * Expired when it gets through again. A short cut only delays packets (TCP holds them).
 */
import { describe, expect, it } from 'vitest';
import { cliReport, runHeadless } from '../../../../../src/sim/run';
import { parseScenario } from '../../../../../src/sim/scenario';
import { ScenarioError } from '../../../../../src/core/protocol';
import { SimSession } from '../../../../../src/sim/session';
import type { ZkEventRecord, ZkOpRecord } from '../../../../../src/core/coord/zookeeper/types';

const base = (script: unknown[], extra: Record<string, unknown> = {}) => ({
  protocol: 'zab',
  nodes: 3,
  seed: 1,
  until: 14000,
  config: { tickTimeMs: 200 },
  service: 'zookeeper',
  clients: 2,
  script: [
    { at: 1000, do: 'client', client: 1, op: 'connect', sessionTimeoutMs: 3000 },
    { at: 1000, do: 'client', client: 2, op: 'connect', sessionTimeoutMs: 3000 },
    { at: 1500, do: 'client', client: 1, op: 'create', path: '/e', ephemeral: true },
    { at: 1800, do: 'client', client: 2, op: 'exists', path: '/e', watch: true },
    ...script,
  ],
  ...extra,
});

function run(s: unknown) {
  const parsed = parseScenario(JSON.parse(JSON.stringify(s)));
  const run = runHeadless(parsed);
  const r = { violation: run.violation, output: cliReport(parsed, run) };
  const w = run.sim.serviceWorld();
  const ops = (w.ops as readonly (ZkOpRecord | undefined)[]).filter((x): x is ZkOpRecord => x !== undefined);
  return { r, ops, events: w.events as readonly ZkEventRecord[] };
}

const cutLong = base([
  { at: 3000, do: 'cut', client: 1 },
  { at: 4000, do: 'client', client: 1, op: 'getData', path: '/e' },
  { at: 10000, do: 'mend', client: 1 },
  { at: 12000, do: 'client', client: 1, op: 'getData', path: '/e' },
]);

describe('client links cut and mended', () => {
  it('a client cut off from every server for longer than its session loses it: the leader expires it through the log, its ephemeral goes, a watcher hears NodeDeleted, and the client hears Expired once it gets through', () => {
    const { r, ops, events } = run(cutLong);
    expect(r.violation).toBeNull();
    const mine = (c: number, type: string) => events.filter((e) => e.client === c && e.type === type);
    // The read timeout (2/3 of 3000 ms) passes with nothing heard: Disconnected, and the op in flight fails.
    const disc = mine(1, 'Disconnected');
    expect(disc).toHaveLength(1);
    expect(disc[0].time).toBeGreaterThan(3000 + 2000 - 500);
    expect(disc[0].time).toBeLessThan(3000 + 2000 + 200);
    expect(ops.find((o) => o.client === 1 && o.invoke === 4000)?.error).toBe('ConnectionLoss');
    // The leader expired the session: about 3 s after the client's last ping got through.
    const deleted = mine(2, 'NodeDeleted');
    expect(deleted.map((e) => e.path)).toEqual(['/e']);
    expect(deleted[0].time).toBeGreaterThan(3000 + 2000);
    expect(deleted[0].time).toBeLessThan(10000);
    // Nothing reached the client while it was cut off; after the mend it is told Expired.
    const expired = mine(1, 'Expired');
    expect(expired).toHaveLength(1);
    expect(expired[0].time).toBeGreaterThan(10000);
    expect(ops.find((o) => o.client === 1 && o.invoke === 12000)?.error).toBe('SessionExpired');
    expect(events.filter((e) => e.client === 1 && e.time > 3000 && e.time < 10000).map((e) => e.type)).toEqual(['Disconnected']);
    expect(r.output.tree).toEqual([]);
    expect((r.output.sessions as { client: number; state: string }[]).find((s) => s.client === 1)?.state).toBe('expired');
  });

  it('a short cut only delays: what either side sent waits for the mend, arrives in order, and the session lives', () => {
    const { r, ops, events } = run(
      base([
        { at: 3000, do: 'cut', client: 1 },
        { at: 3100, do: 'client', client: 1, op: 'setData', path: '/e', data: 'a' },
        { at: 3110, do: 'client', client: 1, op: 'setData', path: '/e', data: 'b' },
        { at: 3400, do: 'mend', client: 1 },
        { at: 4000, do: 'client', client: 1, op: 'getData', path: '/e' },
      ]),
    );
    expect(r.violation).toBeNull();
    const [a, b] = ops.filter((o) => o.op === 'setData');
    expect(a.ok && b.ok).toBe(true);
    expect(a.complete).toBeGreaterThan(3400);
    expect(b.complete).toBeGreaterThan(a.complete!);
    expect((b.result as { version: number }).version).toBe(2);
    expect(ops.find((o) => o.op === 'getData')?.result).toMatchObject({ data: 'b' });
    expect(events.filter((e) => e.client === 1 && (e.type === 'Disconnected' || e.type === 'Expired'))).toEqual([]);
  });

  it('a cut to one server only: the client gives up on it and fails over to another, keeping its session', () => {
    const { r, ops, events } = run(
      base([
        { at: 3000, do: 'cut', client: 1, node: 1 },
        { at: 7000, do: 'client', client: 1, op: 'getData', path: '/e' },
      ]),
    );
    expect(r.violation).toBeNull();
    expect(events.filter((e) => e.client === 1).map((e) => e.type)).toEqual(['SyncConnected', 'Disconnected', 'SyncConnected']);
    const get = ops.find((o) => o.op === 'getData');
    expect(get?.ok).toBe(true);
    expect(get?.session).toBe(ops[0].session);
    expect(r.output.tree).toHaveLength(1);
  });

  it('heal mends client links too', () => {
    const { events } = run(base([{ at: 3000, do: 'cut', client: 1 }, { at: 3300, do: 'heal' }]));
    expect(events.filter((e) => e.client === 1).map((e) => e.type)).toEqual(['SyncConnected']);
  });

  it('seeking back across a cut, with packets held, reproduces every frame', () => {
    const s = base([
      { at: 3000, do: 'cut', client: 1 },
      { at: 3100, do: 'client', client: 1, op: 'setData', path: '/e', data: 'a' },
      { at: 3400, do: 'mend', client: 1 },
    ], { until: 6000 });
    const ss = new SimSession();
    expect(ss.load(s).ok).toBe(true);
    expect(ss.seek(ss.advanceTo(3200).frame).network.clientCuts).toEqual([[1, 1], [1, 2], [1, 3]]);
    const end = ss.advanceTo(6000);
    const frames = [Math.floor(end.frame / 2), end.frame - 3, 5];
    const want = frames.map((f) => ss.seek(f));
    const again = new SimSession();
    again.load(s);
    again.advanceTo(6000);
    expect(again.traceHash()).toBe(ss.traceHash());
    frames.forEach((f, i) => expect(again.seek(f)).toEqual(want[i]));
    // Frame 5 is before the cut; the view at the last frames has the link up again.
    expect(want[2].network.clientCuts).toEqual([]);
  });

  it('refuses a client cut that names a client that does not exist, a field it does not take, or a scenario without a service', () => {
    const bad = (a: unknown, extra: Record<string, unknown> = {}) => () => parseScenario(base([a], extra));
    expect(bad({ at: 10, do: 'cut', client: 3 })).toThrow(ScenarioError);
    expect(bad({ at: 10, do: 'cut', client: 3 })).toThrow(/script\[4\]\.client/);
    expect(bad({ at: 10, do: 'mend', client: 1, node: 4 })).toThrow(/script\[4\]\.node/);
    expect(bad({ at: 10, do: 'cut', client: 1, from: 2 })).toThrow(/from/);
    expect(() => parseScenario({ protocol: 'zab', nodes: 3, seed: 1, until: 10, script: [{ at: 1, do: 'cut', client: 1 }] })).toThrow(/script\[0\]\.client/);
  });
});
