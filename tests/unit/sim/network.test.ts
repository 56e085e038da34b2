/**
 * The network's ordering: FIFO links by default, reordering and duplication as faults, the
 * per-link state restored exactly by keyframes, and connection-closed notices (Disconnect)
 * for protocols that model connections.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { registerProtocol } from '../../../src/core/registry';
import { Note } from '../../../src/core/raft/types';
import { EventType, type EventRow } from '../../../src/sim/api';
import { KEYFRAME_EVERY } from '../../../src/sim/history';
import { parseScenario, type Scenario } from '../../../src/sim/scenario';
import { SimSession } from '../../../src/sim/session';
import { Simulation } from '../../../src/sim/simulation';
import { narrateParts } from '../../../src/ui/raft/narrate';
import { toyProtocol, toyTcpProtocol } from './toy-protocol';

beforeAll(() => {
  registerProtocol(toyProtocol);
  registerProtocol(toyTcpProtocol);
});

interface TcpOut {
  overtaken: number;
  duplicates: number;
  closed: number[];
}

const tcp = (config: Record<string, unknown> = {}, extra: Partial<Scenario> = {}): Scenario => ({ protocol: 'toy-tcp', nodes: 4, seed: 11, until: 3000, config, script: [], ...extra });

function run(s: Scenario): { sim: Simulation; out: TcpOut[] } {
  const parsed = parseScenario(s);
  const sim = new Simulation(parsed);
  sim.runUntil(s.until);
  const out: TcpOut[] = [];
  for (let id = 1; id <= sim.nodeCount; id++) out.push(parsed.protocol.output(sim.nodes[id], sim.alive[id]) as unknown as TcpOut);
  return { sim, out };
}

const total = (out: TcpOut[], k: 'overtaken' | 'duplicates') => out.reduce((n, o) => n + o[k], 0);

function session(s: unknown): SimSession {
  const ss = new SimSession();
  const r = ss.load(s);
  if (!r.ok) throw new Error(r.error);
  return ss;
}

function allEvents(s: SimSession, until: number): EventRow[] {
  const head = s.advanceTo(until).head;
  const rows: EventRow[] = [];
  // events() answers a bounded page at a time.
  for (let f = 1; f <= head; f = rows.length + 1) rows.push(...s.events(f, Math.min(head, f + 999)));
  return rows;
}

describe('ordered links', () => {
  it('by default no message overtakes an earlier one on its link, though latencies are drawn from 5–40 ms', () => {
    const { sim, out } = run(tcp());
    expect(sim.frame).toBeGreaterThan(3000);
    expect(total(out, 'overtaken')).toBe(0);
    expect(total(out, 'duplicates')).toBe(0);
  });

  it('FIFO holds with random loss too (a lost message still takes its place on the wire)', () => {
    expect(total(run(tcp({ dropRate: 0.2 })).out, 'overtaken')).toBe(0);
  });

  it('unordered links (fifo: false) let messages overtake, as every message draws its own latency', () => {
    expect(total(run(tcp({ fifo: false })).out, 'overtaken')).toBeGreaterThan(500);
  });

  it('reorderRate lets that share of messages skip the FIFO clamp', () => {
    const some = total(run(tcp({ reorderRate: 0.1 })).out, 'overtaken');
    const more = total(run(tcp({ reorderRate: 0.6 })).out, 'overtaken');
    expect(some).toBeGreaterThan(20);
    expect(more).toBeGreaterThan(some * 2);
  });

  it('duplicateRate delivers second copies, later', () => {
    const { sim, out } = run(tcp({ duplicateRate: 0.1 }));
    // A copy lands one more latency after its original, usually after newer pings: then the
    // toy counts it as out of order. About 10 % of the pings come twice.
    const extra = total(out, 'duplicates') + total(out, 'overtaken');
    const sent = sim.linkSent.reduce((n, k) => n + k, 0);
    expect(sent).toBeGreaterThan(4000);
    expect(extra).toBeGreaterThan(sent * 0.07);
    expect(extra).toBeLessThan(sent * 0.13);
    expect(total(out, 'duplicates')).toBeGreaterThan(0);
  });

  it('a user drop of a duplicated message loses every copy still on the wire', () => {
    const parsed = parseScenario(tcp({ duplicateRate: 0.9 }, { until: 200 }));
    const sim = new Simulation(parsed);
    sim.runUntil(20);
    const m = sim.queue.items.find((x) => sim.queue.items.filter((y) => y.from === x.from && y.to === x.to && y.nth === x.nth).length === 2)!;
    expect(m).toBeDefined();
    sim.insertAction({ at: 21, do: 'drop', from: m.from, to: m.to, nth: m.nth });
    sim.runUntil(21);
    const copies = sim.queue.items.filter((y) => y.from === m.from && y.to === m.to && y.nth === m.nth);
    expect(copies.length).toBe(2);
    expect(copies.every((c) => c.lost && c.byUser)).toBe(true);
  });

  it('the per-link state is part of a keyframe: restore and run on = the straight run', () => {
    const s = tcp({ reorderRate: 0.2, duplicateRate: 0.1, dropRate: 0.05 }, { script: [{ at: 900, do: 'crash', node: 2 }, { at: 1400, do: 'restart', node: 2 }] });
    const straight = run(s);
    const parsed = parseScenario(s);
    const sim = new Simulation(parsed);
    sim.runUntil(1000);
    const snap = sim.snapshot();
    expect(snap.linkLast.some((t) => t > 1000)).toBe(true);
    sim.runUntil(2000);
    // Scribble over the link state, then restore: the continuation must not depend on it.
    sim.linkLast.fill(1e9);
    sim.restore(snap);
    sim.runUntil(s.until);
    expect(sim.frame).toBe(straight.sim.frame);
    expect(sim.snapshot().nodes).toEqual(straight.sim.snapshot().nodes);
    expect(Array.from(sim.linkLast)).toEqual(Array.from(straight.sim.linkLast));
  });

  it('same seed → same trace, and a fork after a seek back replays exactly (keyframes restore the links)', () => {
    const sc = tcp({ reorderRate: 0.1, duplicateRate: 0.05 }, { until: 20_000, script: [{ at: 300, do: 'crash', node: 3 }] });
    const a = session(sc);
    const b = session(sc);
    a.seek(3 * KEYFRAME_EVERY + 5);
    b.seek(3 * KEYFRAME_EVERY + 5);
    expect(a.traceHash()).toBe(b.traceHash());
    // Seek back past a keyframe and fork there: the scenario the session writes down replays the fork.
    a.seek(KEYFRAME_EVERY + 300);
    a.act({ do: 'crash', node: 1 });
    a.seek(3 * KEYFRAME_EVERY);
    const again = session(a.scenario());
    again.seek(3 * KEYFRAME_EVERY);
    expect(again.traceHash()).toBe(a.traceHash());
  });

  it('the config fields are checked by name', () => {
    expect(() => parseScenario({ protocol: 'raft', nodes: 3, seed: 1, until: 10, config: { reorderRate: 2 } })).toThrow(/config\.reorderRate/);
    expect(() => parseScenario({ protocol: 'raft', nodes: 3, seed: 1, until: 10, config: { fifo: 'no' } })).toThrow(/config\.fifo/);
    expect(() => parseScenario({ protocol: 'raft', nodes: 3, seed: 1, until: 10, config: { duplicateRate: -1 } })).toThrow(/config\.duplicateRate/);
  });
});

describe('Raft over ordered links (issue 13: spurious "missing entry" rejections)', () => {
  // 50 requests/s for 4 s on a healthy 5-node cluster: every rejection of an append for a
  // missing entry here comes from an append overtaking an earlier one on its link. (Measured:
  // 0 with FIFO; 264 with unordered links, the "about 270"; 81 at reorderRate 0.3.)
  const load = (config: Record<string, unknown>): Scenario => ({
    protocol: 'raft',
    nodes: 5,
    seed: 1,
    until: 4500,
    config,
    script: Array.from({ length: 200 }, (_, i) => ({ at: 500 + 20 * i, do: 'request' as const, value: `v${i}` })),
  });
  const missing = (config: Record<string, unknown>) => {
    const rows = allEvents(session(load(config)), 4500);
    return {
      rejections: rows.reduce((n, r) => n + r.notes.filter((x) => x.code === Note.AppendRejectedMissing).length, 0),
      appended: rows.reduce((n, r) => n + r.notes.filter((x) => x.code === Note.ClientAppended).length, 0),
    };
  };

  it('with FIFO links (the default) no append is rejected for a missing entry', () => {
    const r = missing({});
    expect(r.appended).toBeGreaterThan(190); // the load reached the leader
    expect(r.rejections).toBe(0);
  });

  it('with reordering links they come back: many spurious rejections', () => {
    const unordered = missing({ fifo: false });
    const reorder = missing({ reorderRate: 0.3 });
    expect(unordered.rejections).toBeGreaterThan(200);
    expect(reorder.rejections).toBeGreaterThan(40);
    expect(unordered.appended).toBeGreaterThan(190);
  });
});

describe('connection drops (peerDisconnected)', () => {
  const disconnects = (rows: EventRow[]) => rows.filter((r) => r.type === EventType.Disconnect).map((r) => ({ node: r.node, peer: r.peer, time: r.time }));

  it('a crash: every live node hears of it one link latency later, as its own frame, after what the dead node had sent', () => {
    const s = session(tcp({}, { until: 1500, script: [{ at: 500, do: 'crash', node: 1 }] }));
    const rows = allEvents(s, 1500);
    const d = disconnects(rows);
    expect(d.map((x) => [x.node, x.peer])).toEqual(expect.arrayContaining([[2, 1], [3, 1], [4, 1]]));
    expect(d).toHaveLength(3);
    for (const x of d) {
      expect(x.time).toBeGreaterThanOrEqual(505);
      // FIFO: nothing n1 sent reaches the listener after the connection closed.
      const lastFromDead = Math.max(...rows.filter((r) => r.type === EventType.Deliver && r.peer === 1 && r.node === x.node).map((r) => r.frame));
      const closedAt = rows.find((r) => r.type === EventType.Disconnect && r.node === x.node)!;
      expect(lastFromDead).toBeLessThan(closedAt.frame);
      // The hook ran: its note is in the frame.
      expect(closedAt.notes.map((n) => [n.code, n.f.peer])).toEqual([[3, 1]]);
    }
    // The event list narrates it, generically, in both languages.
    const row = rows.find((r) => r.type === EventType.Disconnect && r.node === 2)!;
    // (The toy's own note is not Raft's to narrate: only the headline is looked at.)
    expect(narrateParts(row, 'en').headline).toBe('n2 notices its connection to n1 closed');
    expect(narrateParts(row, 'zh').headline).toBe('n2 发现它与 n1 的连接已关闭');
    expect(s.seek(row.frame).event).toMatchObject({ type: EventType.Disconnect, node: 2, peer: 1 });
  });

  it('a partitioned or down listener hears nothing; a partition or a cut closes no connection', () => {
    const rows = allEvents(
      session(
        tcp({}, {
          until: 2500,
          script: [
            { at: 100, do: 'crash', node: 4 },
            { at: 200, do: 'partition', groups: [[1, 2], [3, 4]] },
            { at: 300, do: 'cut', from: 2, to: 1 },
            { at: 500, do: 'crash', node: 1 },
            { at: 1000, do: 'heal' },
          ],
        }),
      ),
      2500,
    );
    // n4 was down at n1's crash (and n4's own crash found n1 n2 n3 up: they hear of n4);
    // n3 was across the partition from n1; n1 → n2 was up (only n2 → n1 was cut).
    expect(disconnects(rows).map((x) => [x.node, x.peer]).sort()).toEqual([[1, 4], [2, 1], [2, 4], [3, 4]]);
  });

  it('a listener that crashes before the notice arrives gets no frame', () => {
    const rows = allEvents(session(tcp({ latencyMinMs: 30, latencyMaxMs: 30 }, { until: 800, script: [{ at: 500, do: 'crash', node: 1 }, { at: 510, do: 'crash', node: 2 }] })), 800);
    const d = disconnects(rows).map((x) => [x.node, x.peer]);
    expect(d).toContainEqual([3, 2]);
    expect(d).toContainEqual([3, 1]);
    expect(d).not.toContainEqual([2, 1]);
  });

  it('protocols without the hook get no such event, and the crash draws nothing from the network stream', () => {
    const toyRows = allEvents(session({ protocol: 'toy', nodes: 4, seed: 3, until: 3000, script: [{ at: 500, do: 'crash', node: 1 }] }), 3000);
    expect(toyRows.some((r) => r.type === EventType.Disconnect)).toBe(false);
    const raftRows = allEvents(session({ protocol: 'raft', nodes: 5, seed: 2, until: 3000, script: [{ at: 800, do: 'crash', node: 1 }, { at: 900, do: 'crash', node: 2 }] }), 3000);
    expect(raftRows.some((r) => r.type === EventType.Disconnect)).toBe(false);
  });
});
