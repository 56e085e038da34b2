/** The ring's registration: how messages look, which notes are routine, the marks, views and the CLI row. */
import { describe, expect, it } from 'vitest';
import { hashringProtocol as p } from '../../../../src/core/hashring/protocol';
import { HashringNote, HashringNotes } from '../../../../src/core/hashring/types';
import { getProtocol } from '../../../../src/core/registry';
import { HUB_ID } from '../../../../src/core/protocol';
import { cfgOf, run } from './harness';

describe('hashring registration', () => {
  it('is registered with membership up to 24 slots and a hub', () => {
    expect(getProtocol('hashring')).toBe(p);
    expect(p.membership).toEqual({ capacity: 24 });
    expect(p.hub).toBe(true);
    expect(p.timerSlots).toBe(1);
    expect(p.bugs).toEqual(['moduloHashing', 'noDistinctReplicas']);
    expect(p.notes.map((n) => n.name)).toEqual(Object.keys(HashringNotes));
  });

  it('a heartbeat looks like one (era 0), and the client kinds are their own', () => {
    expect(p.look({ kind: 'heartbeat', seq: 4, incarnation: 2 })).toEqual({ glyph: 'heartbeat', name: 'Heartbeat', era: 0, fields: { seq: 4, incarnation: 2 } });
    expect(p.look({ kind: 'client-request', requestId: 1 }).glyph).toBe('client-request');
    expect(p.look({ kind: 'client-reply', requestId: 1 })).toMatchObject({ glyph: 'client-reply', verdict: false });
    expect(new Set([p.kindCode({ kind: 'heartbeat', seq: 1, incarnation: 1 }), p.kindCode({ kind: 'client-request', requestId: 1 }), p.kindCode({ kind: 'client-reply', requestId: 1 })]).size).toBe(3);
    expect(p.clientReply({ kind: 'client-reply', requestId: 7 })).toEqual({ requestId: 7, ok: false, redirect: 0, index: 0 });
    expect(p.clientReply({ kind: 'heartbeat', seq: 1, incarnation: 1 })).toBeNull();
  });

  it('marks declarations and rejoins; heartbeats are routine, decisions notable', () => {
    expect(p.markKinds).toEqual(['declared-down', 'rejoined']);
    const node = p.createNode(HUB_ID, 3, cfgOf(), undefined);
    expect(p.mark(HashringNote.DeclaredDownTimeout, 3, 0, 0, 0, node)).toEqual({ kind: 'declared-down', value: 3 });
    expect(p.mark(HashringNote.DeclaredDownPhi, 2, 0, 0, 0, node)).toEqual({ kind: 'declared-down', value: 2 });
    expect(p.mark(HashringNote.Rejoined, 2, 0, 0, 0, node)).toEqual({ kind: 'rejoined', value: 2 });
    expect(p.mark(HashringNote.RingChanged, 1, 2, 0, 0, node)).toBeNull();
    expect(p.notable!(HashringNote.HeartbeatArrived)).toBe(false);
    expect(p.notable!(HashringNote.HeartbeatStale)).toBe(false);
    for (const name of ['DeclaredDownTimeout', 'DeclaredDownPhi', 'Rejoined', 'Added', 'Removed', 'RingChanged', 'HeartbeatIgnored'] as const) expect(p.notable!(HashringNote[name]), name).toBe(true);
    expect(p.leaderOf([], [])).toBe(0);
  });

  it('the CLI row is {id, alive, keys}, keys from the router\'s ring (0 once declared down)', () => {
    const r = run({ nodes: 3, until: 3000, config: { detector: 'timeout', timeoutMs: 500, keys: 900 }, script: [{ at: 1000, do: 'crash', node: 2 }] });
    const rows = r.report.nodes as { id: number; alive: boolean; keys: number }[];
    expect(rows.map((x) => Object.keys(x))).toEqual([['id', 'alive', 'keys'], ['id', 'alive', 'keys'], ['id', 'alive', 'keys']]);
    expect(rows[1]).toEqual({ id: 2, alive: false, keys: 0 });
    expect(rows[0].keys + rows[2].keys).toBe(900);
  });

  it('a snapshot is not affected by later changes to the router, and restores exactly', () => {
    const r = run({ nodes: 4, until: 2000, config: { keys: 500 } });
    const router = r.sim.nodes[HUB_ID];
    const snap = p.snapshot(router as never);
    const before = JSON.stringify(p.view(p.restore(snap), true));
    const live = router as { windows: { sum: Float64Array; len: Uint16Array }; lastAt: Float64Array; deadline: Float64Array; status: Uint8Array; changes: unknown[] };
    live.windows.sum[1] = 12345;
    live.windows.len[2] = 1;
    live.lastAt[1] = -5;
    live.deadline[3] = 1;
    live.status[4] = 2;
    live.changes.push({ time: 1, action: 1, node: 1, version: 9 });
    expect(JSON.stringify(p.view(router as never, true))).not.toBe(before);
    expect(JSON.stringify(p.view(p.restore(snap), true))).toBe(before);
  });
});
