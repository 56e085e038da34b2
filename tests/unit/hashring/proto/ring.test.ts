/** The router's ring: add / remove at once, declared down / rejoin, each change with what moved. */
import { describe, expect, it } from 'vitest';
import { placementOf } from '../../../../src/core/hashring/router';
import { ChangeAction } from '../../../../src/core/hashring/types';
import { notesNamed, ringAt, routerOf, run } from './harness';

const base = { detector: 'timeout', timeoutMs: 500, keys: 2000 };

describe('ring changes', () => {
  it('an add puts the node in the ring at once, and keys move only onto it (about 1/(N+1))', () => {
    const r = run({ nodes: 5, until: 3000, config: base, script: [{ at: 1000, do: 'add', node: 6 }] });
    expect(ringAt(r, 999)).toEqual([1, 2, 3, 4, 5]);
    expect(ringAt(r, 1000)).toEqual([1, 2, 3, 4, 5, 6]);
    const [c] = r.report.changes as { time: number; action: string; node: number; moved: number; from: Record<string, number>; to: Record<string, number> }[];
    expect(c).toMatchObject({ time: 1000, action: 'add', node: 6 });
    expect(Object.keys(c.to)).toEqual(['6']);
    expect(c.to['6']).toBe(c.moved);
    expect(Object.values(c.from).reduce((a, b) => a + b, 0)).toBe(c.moved);
    expect(c.moved).toBeGreaterThan(2000 / 6 / 2);
    expect(c.moved).toBeLessThan((2000 / 6) * 2);
    const [note] = notesNamed(r, 'RingChanged');
    expect(note.f).toEqual({ action: ChangeAction.Add, node: 6, moved: c.moved, ideal: 2000 / 6 });
    expect(notesNamed(r, 'Added')[0].f.node).toBe(6);
    // The new node's heartbeats count from then on: no false suspicion of it.
    expect(notesNamed(r, 'DeclaredDownTimeout')).toEqual([]);
  });

  it('a remove takes the node out at once, and only its keys move', () => {
    const r = run({ nodes: 5, until: 3000, config: base, script: [{ at: 1000, do: 'remove', node: 2 }] });
    expect(ringAt(r, 1000)).toEqual([1, 3, 4, 5]);
    const before = placementOf(routerOf(r).cfg, [1, 2, 3, 4, 5]);
    const [c] = r.report.changes as { action: string; moved: number; from: Record<string, number> }[];
    expect(c.action).toBe('remove');
    expect(c.from).toEqual({ 2: before.primaryCount[2] });
    expect(c.moved).toBe(before.primaryCount[2]);
    // Its heartbeats still on the wire are ignored: it is no member any more.
    expect(notesNamed(r, 'HeartbeatIgnored', 2).length).toBeLessThanOrEqual(1);
    expect(r.report.nodes).toEqual(expect.arrayContaining([{ id: 2, alive: false, keys: 0 }]));
  });

  it('removing a node already declared down changes no key (the ring is already without it)', () => {
    const r = run({ nodes: 4, until: 4000, config: base, script: [{ at: 500, do: 'crash', node: 4 }, { at: 3000, do: 'remove', node: 4 }] });
    expect((r.report.changes as { action: string }[]).map((c) => c.action)).toEqual(['crash']);
    expect(notesNamed(r, 'Removed')[0].f.node).toBe(4);
    expect(routerOf(r).members).toEqual([1, 2, 3]);
  });

  it('a crash noticed by the detector prints as "crash", its rejoin as "restart", with moved = the keys the node had', () => {
    const r = run({ nodes: 5, until: 5000, config: base, script: [{ at: 1000, do: 'crash', node: 3 }, { at: 3000, do: 'restart', node: 3 }] });
    const cs = r.report.changes as { action: string; node: number; moved: number; from: Record<string, number>; to: Record<string, number> }[];
    expect(cs.map((c) => `${c.action}:${c.node}`)).toEqual(['crash:3', 'restart:3']);
    expect(cs[0].from).toEqual({ 3: cs[0].moved });
    expect(cs[1].to).toEqual({ 3: cs[1].moved });
    expect(cs[0].moved).toBe(cs[1].moved);
    expect(routerOf(r).version).toBe(2);
  });

  it('with more replicas than nodes, each key lives on every node (min(R, ring size))', () => {
    const r = run({ nodes: 2, until: 1500, config: { ...base, replicas: 5 }, script: [{ at: 500, do: 'crash', node: 1 }] });
    expect(r.report.violations).toEqual([]);
    const p = placementOf(routerOf(r).cfg, routerOf(r).ring);
    expect(Array.from(p.owners.subarray(0, 5))).toEqual([2, 0, 0, 0, 0]);
  });

  it('the last node gone, no key has an owner; when it rejoins they all come back to it', () => {
    const r = run({ nodes: 1, until: 3000, config: base, script: [{ at: 500, do: 'crash', node: 1 }, { at: 2000, do: 'restart', node: 1 }] });
    const cs = r.report.changes as { action: string; moved: number; from: Record<string, number>; to: Record<string, number> }[];
    expect(cs.map((c) => c.action)).toEqual(['crash', 'restart']);
    expect(cs[0]).toMatchObject({ moved: 2000, from: { 1: 2000 }, to: {} });
    expect(cs[1]).toMatchObject({ moved: 2000, from: {}, to: { 1: 2000 } });
    expect(r.report.violations).toEqual([]);
  });
});
