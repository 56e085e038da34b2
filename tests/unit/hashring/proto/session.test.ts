/** The ring in a session: determinism, time travel over keyframes, marks, views and queries at a frame. */
import { describe, expect, it } from 'vitest';
import { keyHashes } from '../../../../src/core/hashring/placement';
import type { ChangeStat, CvCurve, HashringHubView, HashringNodeView, KeyLookup, RingLayout, SchemeComparison, SuspicionLevel } from '../../../../src/core/hashring/types';
import { SimSession } from '../../../../src/sim/session';
import ringBasic from '../../../../public/scenarios/ring-basic.json';

function session(s: unknown): SimSession {
  const ss = new SimSession();
  const r = ss.load(s);
  if (!r.ok) throw new Error(r.error);
  return ss;
}

const scenario = (extra: Record<string, unknown> = {}) => ({ ...ringBasic, config: { ...ringBasic.config, keys: 2000 }, ...extra });

describe('hashring session', () => {
  it('same seed, same trace; another seed, another trace', () => {
    const a = session(scenario());
    const b = session(scenario());
    const c = session(scenario({ seed: 2 }));
    for (const s of [a, b, c]) s.advanceTo(12_000, 1e6);
    expect(a.traceHash()).toBe(b.traceHash());
    expect(a.traceHash()).not.toBe(c.traceHash());
  });

  it('seeking back restores the router exactly (windows, deadlines, ring, changes)', () => {
    const s = session(scenario());
    const head = s.advanceTo(12_000, 1e6).head;
    const views = [100, 700, 1500, 2100, head - 5].map((f) => JSON.stringify(s.seek(f)));
    const again = [100, 700, 1500, 2100, head - 5].map((f) => JSON.stringify(s.seek(f)));
    expect(again).toEqual(views);
    // A fresh run recorded only up to the frame shows the same state (only head and nextTime differ).
    const fresh = session(scenario());
    const { head: _h, nextTime: _n, ...state } = fresh.seek(1500);
    const { head: _h2, nextTime: _n2, ...recorded } = s.seek(1500);
    expect(JSON.stringify(state)).toBe(JSON.stringify(recorded));
  });

  it('shows the router as the hub, the nodes with their heartbeats, and absent slots up to 24', () => {
    const s = session(scenario());
    const v = s.advanceTo(9500, 1e6);
    const hub = v.hub as HashringHubView;
    expect(hub.ring).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(hub.changes.map((c) => c.action)).toEqual([3, 4, 1]);
    expect(hub.version).toBe(3);
    expect(hub.suspicion.map((x) => x.id)).toEqual(hub.members);
    const s3 = hub.suspicion.find((x) => x.id === 3)!;
    expect(s3).toMatchObject({ declaredDown: false, incarnation: 2 });
    expect(s3.deadlineAt).toBeGreaterThan(v.time);
    expect(v.hubTimers).toHaveLength(1);
    expect(v.hubTimers[0].at).toBe(Math.min(...hub.suspicion.map((x) => x.deadlineAt)));
    expect(v.nodes).toHaveLength(24);
    const n11 = v.nodes[10] as HashringNodeView;
    expect(n11).toMatchObject({ id: 11, state: 'member', alive: true });
    expect(n11.heartbeats).toBeGreaterThan(0);
    expect(v.nodes[11]).toMatchObject({ id: 12, state: 'absent', alive: false, heartbeats: 0 });
    expect(v.members!.slice(0, 12)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0]);
    const msg = v.messages.find((m) => m.to === 0);
    expect(msg?.look).toMatchObject({ glyph: 'heartbeat', name: 'Heartbeat', era: 0 });
  });

  it('marks the declaration and the rejoin', () => {
    const s = session(scenario());
    s.advanceTo(12_000, 1e6);
    const kinds = s.marks(0).filter((m) => m.kind === 'declared-down' || m.kind === 'rejoined');
    expect(kinds.map((m) => [m.kind, m.value])).toEqual([
      ['declared-down', 3],
      ['rejoined', 3],
    ]);
  });

  it('answers the queries at a frame, without changing the trace', () => {
    const s = session(scenario());
    const head = s.advanceTo(12_000, 1e6).head;
    const hash = s.traceHash();
    const down = s.marks(0).find((m) => m.kind === 'declared-down')!.frame;
    const layout = s.query(down, 'ring') as RingLayout;
    expect(layout.ring).toEqual([1, 2, 4, 5, 6, 7, 8, 9, 10]);
    expect(layout.version).toBe(1);
    expect(layout.positions.length).toBe(9 * 100);
    expect(layout.pointOwners.length).toBe(9 * 100);
    expect(layout.owners.length).toBe(2000 * 3);
    expect(layout.stats.perNode.reduce((a, b) => a + b.keys, 0)).toBe(2000);
    expect(layout.stats.cap).toBe(0);
    const hashes = s.query(down, 'keyHashes') as Uint32Array;
    expect(Array.from(hashes)).toEqual(Array.from(keyHashes(2000)));
    const look = s.query(down, 'lookup', { key: 'key-7' }) as KeyLookup;
    expect(look.owners).toEqual(Array.from(layout.owners.subarray(21, 24)));
    expect(look.hash).toBe(hashes[7]);
    expect(s.query(down, 'lookup', { key: 42 })).toBeNull();
    const changes = s.query(head, 'changes') as ChangeStat[];
    expect(changes.map((c) => c.action)).toEqual([3, 4, 1]);
    expect(changes[2].ideal).toBeCloseTo(2000 / 11, 9);
    expect(changes[0].movedByRank).toHaveLength(3);
    const cv = s.query(head, 'cvCurve') as CvCurve;
    expect(cv.vnodes).toEqual([1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]);
    expect(cv.measured[0]).toBeGreaterThan(cv.measured[9] * 5);
    expect(cv.formula[6]).toBeCloseTo(Math.sqrt(10 / (11 * 100 + 1)), 9);
    const cmp = s.query(head, 'compare') as SchemeComparison[];
    expect(cmp.map((c) => c.scheme)).toEqual(['ring', 'jump', 'rendezvous', 'bounded']);
    expect(cmp[0].lastChange!.moved).toBe(changes[2].moved);
    expect(cmp[3].stats.cap).toBe(Math.ceil((1.25 * 2000) / 11));
    const sus = s.query(down, 'suspicion') as SuspicionLevel[];
    expect(sus.find((x) => x.id === 3)).toMatchObject({ declaredDown: true, level: 1 });
    expect(sus.find((x) => x.id === 1)!.level).toBeLessThan(1);
    expect(s.query(head, 'nonsense')).toBeNull();
    s.seek(head);
    expect(s.traceHash()).toBe(hash);
  });

  it('a request is refused: the ring takes none ("no leader")', () => {
    const s = session(scenario({ until: 1000, script: [{ at: 100, do: 'request', value: 'x' }] }));
    const v = s.advanceTo(1000, 1e6);
    expect(v.ops).toEqual([expect.objectContaining({ ok: false, completedAt: expect.any(Number) })]);
  });
});
