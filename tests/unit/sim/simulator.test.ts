import { beforeAll, describe, expect, it } from 'vitest';
import { registerProtocol } from '../../../src/core/registry';
import { EventType, Fate } from '../../../src/sim/api';
import { KEYFRAME_EVERY } from '../../../src/sim/history';
import { Rng } from '../../../src/sim/prng';
import { MessageQueue } from '../../../src/sim/queue';
import { runHeadless } from '../../../src/sim/run';
import { parseScenario } from '../../../src/sim/scenario';
import { SimSession } from '../../../src/sim/session';
import { toyProtocol } from './toy-protocol';

beforeAll(() => registerProtocol(toyProtocol));

const toy = (extra: Record<string, unknown> = {}) => ({ protocol: 'toy', nodes: 4, seed: 3, until: 5000, ...extra });

function session(s: unknown): SimSession {
  const ss = new SimSession();
  const r = ss.load(s);
  if (!r.ok) throw new Error(r.error);
  return ss;
}

describe('prng', () => {
  it('is reproducible per (seed, stream) and independent across streams', () => {
    const a = new Rng(42, 'node:1');
    const b = new Rng(42, 'node:1');
    const c = new Rng(42, 'node:2');
    const xs = Array.from({ length: 50 }, () => a.nextU32());
    expect(Array.from({ length: 50 }, () => b.nextU32())).toEqual(xs);
    expect(Array.from({ length: 50 }, () => c.nextU32())).not.toEqual(xs);
  });
  it('restores its state exactly', () => {
    const a = new Rng(9, 'x');
    a.next();
    const st = a.state();
    const v = [a.next(), a.next()];
    a.setState(st);
    expect([a.next(), a.next()]).toEqual(v);
  });
  it('int() stays in range and covers it', () => {
    const r = new Rng(1, 'r');
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const v = r.int(150, 300);
      expect(v).toBeGreaterThanOrEqual(150);
      expect(v).toBeLessThan(300);
      seen.add(v);
    }
    expect(seen.size).toBe(150);
  });
});

describe('event queue', () => {
  it('pops by (time, seq)', () => {
    const q = new MessageQueue<number>();
    const r = new Rng(5, 'q');
    for (let i = 0; i < 500; i++) q.push({ at: r.int(0, 50), seq: i, from: 1, to: 2, sentAt: 0, lost: false, byUser: false, nth: i + 1, msg: i });
    let prev = { at: -1, seq: -1 };
    while (q.size) {
      const m = q.pop()!;
      expect(m.at > prev.at || (m.at === prev.at && m.seq > prev.seq)).toBe(true);
      prev = m;
    }
  });
});

describe('determinism', () => {
  it('same scenario in, identical trace out; another seed differs', () => {
    const a = session(toy());
    const b = session(toy());
    const c = session(toy({ seed: 4 }));
    a.seek(3000);
    b.seek(3000);
    c.seek(3000);
    expect(a.traceHash()).toBe(b.traceHash());
    expect(a.traceHash()).not.toBe(c.traceHash());
  });
});

describe('history and seeking', () => {
  it('seeking anywhere shows exactly what a straight run shows at that frame', () => {
    const straight = session(toy({ until: 60_000 }));
    const head = straight.seek(3 * KEYFRAME_EVERY + 77).head;
    const viewsAt = new Map<number, string>();
    const probes = [0, 1, 5, KEYFRAME_EVERY - 1, KEYFRAME_EVERY, KEYFRAME_EVERY + 1, 2500, head - 1, head];
    const fresh = session(toy({ until: 60_000 }));
    for (const f of probes) viewsAt.set(f, JSON.stringify(fresh.seek(f)));
    // Now jump around in random order on the recorded session.
    const r = new Rng(1, 'probe');
    for (let i = 0; i < 40; i++) {
      const f = probes[r.int(0, probes.length)];
      const v = straight.seek(f);
      expect(v.frame).toBe(f);
      // head and nextTime depend on how far each session has recorded; the rest must match.
      expect({ ...v, head: 0, nextTime: 0 }).toEqual({ ...JSON.parse(viewsAt.get(f)!), head: 0, nextTime: 0 });
    }
  });

  it('step back is seek(N - 1) and changes what is shown', () => {
    const s = session(toy());
    const v10 = s.seek(10);
    const v9 = s.seek(9);
    expect(v9.frame).toBe(9);
    expect(v9.event!.frame).toBe(9);
    expect(JSON.stringify(v9)).not.toBe(JSON.stringify(v10));
    expect(s.seek(10)).toEqual(v10);
  });

  it('advanceTo lands on the last frame at or before the time', () => {
    const s = session(toy());
    const v = s.advanceTo(1234);
    expect(v.time).toBeLessThanOrEqual(1234);
    const next = s.seek(v.frame + 1);
    expect(next.time).toBeGreaterThan(1234);
  });

  it('records the reasons: every delivered ping carries its note', () => {
    const s = session(toy());
    s.seek(300);
    const rows = s.events(1, 300);
    expect(rows).toHaveLength(300);
    const pings = rows.filter((r) => r.type === EventType.Deliver && r.kind === 1);
    expect(pings.length).toBeGreaterThan(10);
    for (const p of pings) expect(p.notes).toEqual([{ code: 1, node: p.node, a: p.peer, b: 0, c: 0, d: 0, f: { from: p.peer } }]);
  });
});

describe('faults', () => {
  it('messages to a crashed node are lost as NodeDown; restart brings it back', () => {
    const s = session(toy({ script: [{ at: 1000, do: 'crash', node: 2 }, { at: 2000, do: 'restart', node: 2 }] }));
    const v = s.advanceTo(1500);
    expect(v.alive).toEqual([true, false, true, true]);
    expect(v.timers[1]).toEqual([]);
    const rows = s.events(1, v.frame);
    expect(rows.some((r) => r.type === EventType.Drop && r.node === 2 && r.fate === Fate.NodeDown)).toBe(true);
    const after = s.advanceTo(2500);
    expect(after.alive[1]).toBe(true);
    const later = s.events(v.frame + 1, after.frame);
    expect(later.some((r) => r.type === EventType.Deliver && r.node === 2)).toBe(true);
  });

  it('a partition and a one-way cut drop messages on arrival as LinkDown', () => {
    const s = session(toy({ script: [{ at: 500, do: 'partition', groups: [[1, 2], [3, 4]] }, { at: 1500, do: 'heal' }, { at: 1600, do: 'cut', from: 1, to: 2 }] }));
    const v = s.advanceTo(1400);
    expect(v.network.partition).toEqual([[1, 2], [3, 4]]);
    const rows = s.events(1, v.frame).filter((r) => r.time > 560);
    const crossing = rows.filter((r) => (r.type === EventType.Deliver || r.type === EventType.Drop) && (r.node <= 2) !== (r.peer <= 2));
    expect(crossing.filter((r) => r.fate === Fate.LinkDown).length).toBeGreaterThan(0);
    // None crosses; random loss (decided at send) may claim some before the link does.
    for (const r of crossing) expect([Fate.LinkDown, Fate.Lost]).toContain(r.fate);
    const w = s.advanceTo(3000);
    expect(w.network).toEqual({ partition: null, cuts: [[1, 2]], clientCuts: [] });
    const oneToTwo = s.events(v.frame, w.frame).filter((r) => r.time > 1650 && r.peer === 1 && r.node === 2);
    expect(oneToTwo.length).toBeGreaterThan(0);
    for (const r of oneToTwo) expect(r.type === EventType.Drop).toBe(true);
  });

  it('random loss is decided at send and recorded as Lost', () => {
    const s = session(toy());
    s.seek(2000);
    const lost = s.events(1, 2000).filter((r) => r.fate === Fate.Lost);
    expect(lost.length).toBeGreaterThan(50); // 10% of ~2000
    expect(lost.length).toBeLessThan(400);
  });
});

describe('forks (acting in the past)', () => {
  it('drops later frames, records the action into the script, and replays identically from the URL', () => {
    const s = session(toy());
    s.seek(800);
    const at400 = s.seek(400);
    const v = s.act({ do: 'crash', node: 3 });
    expect(v.head).toBe(v.frame);
    expect(v.frame).toBeGreaterThan(400);
    expect(v.alive[2]).toBe(false);
    expect(v.event!.action).toMatchObject({ do: 'crash', node: 3 });
    const sc = s.scenario();
    expect(sc.script).toEqual([{ at: at400.time + 1, do: 'crash', node: 3 }]);
    s.seek(1500);
    // The recorded scenario reproduces the forked run exactly.
    const again = session(sc);
    again.seek(1500);
    expect(again.traceHash()).toBe(s.traceHash());
  });

  it('a second fork abandons user actions that had not happened yet', () => {
    const s = session(toy());
    s.seek(600);
    s.act({ do: 'crash', node: 2 });
    s.seek(200);
    s.act({ do: 'crash', node: 4 });
    expect(s.scenario().script.map((a) => a.do === 'crash' && a.node)).toEqual([4]);
  });
});

describe('checkers harness', () => {
  it('stops at the first violation and names invariant, frame and time', () => {
    const r = runHeadless(parseScenario(toy({ config: { bugs: ['shrink'] } })));
    expect(r.violation).toMatchObject({ invariant: 'Monotonic Pongs' });
    expect(r.violation!.frame).toBe(r.sim.frame);
    const s = session(toy({ config: { bugs: ['shrink'] } }));
    const v = s.seek(100_000);
    expect(v.head).toBe(r.violation!.frame);
    expect(v.violation).toEqual(r.violation);
    expect(s.marks(0).at(-1)).toMatchObject({ kind: 'violation', frame: r.violation!.frame });
  });
  it('stays silent on the correct protocol', () => {
    expect(runHeadless(parseScenario(toy())).violation).toBeNull();
  });
});

describe('a run that cannot go on', () => {
  it('stops at the last whole frame with a reason when the bounded queue overflows', () => {
    const s = session(toy({ config: { periodMs: 1, burst: 5000 } }));
    const v = s.advanceTo(5000);
    expect(v.halted).toEqual({ code: 'queue-overflow', limit: 100_000 });
    expect(v.frame).toBe(v.head);
    expect(v.violation).toBeNull();
    // The cursor is consistent: stepping back and forth shows recorded frames.
    expect(s.seek(v.head - 1).frame).toBe(v.head - 1);
    expect(s.seek(v.head).halted).not.toBeNull();
    expect(s.advanceTo(9000).head).toBe(v.head);
  });
});

describe('clients', () => {
  it('records invoke and completion of a request', () => {
    const s = session(toy({ script: [{ at: 100, do: 'request', value: 'x=1' }] }));
    const v = s.advanceTo(1000);
    expect(v.ops).toHaveLength(1);
    expect(v.ops[0]).toMatchObject({ value: 'x=1', node: 1, invokedAt: 100, ok: true });
    expect(v.ops[0].completedAt).toBeGreaterThan(100);
  });
});

describe('named note arguments', () => {
  it('emit stores a NoteSpec’s fields by position and defineNotes names each kind', async () => {
    const { defineNotes, emit } = await import('../../../src/core/protocol');
    const N = defineNotes({ Adopt: { code: 7, fields: ['from', 'zxid', 'old', 'sid'] }, Tick: { code: 8, fields: [] } });
    expect(N.Adopt).toEqual({ code: 7, name: 'Adopt', fields: ['from', 'zxid', 'old', 'sid'] });
    const got: number[][] = [];
    const ctx = { note: (code: number, a = 0, b = 0, c = 0, d = 0) => void got.push([code, a, b, c, d]) };
    // A zxid (epoch 2, counter 3) is beyond 32 bits: the float64 columns keep it exact.
    emit(ctx, N.Adopt, { from: 2, zxid: 2 * 2 ** 32 + 3, old: 2 ** 32 + 1, sid: 3 });
    emit(ctx, N.Tick, {});
    expect(got).toEqual([[7, 2, 2 * 2 ** 32 + 3, 2 ** 32 + 1, 3], [8, 0, 0, 0, 0]]);
    expect(() => defineNotes({ Big: { code: 9, fields: ['a', 'b', 'c', 'd', 'e'] } })).toThrow(/at most 4/);
  });
});
