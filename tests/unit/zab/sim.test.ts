/** ZAB in the real simulator: the lessons' stories as rules, timing, determinism, the CLI document. */
import { describe, expect, it } from 'vitest';
import { counterOf, epochOf } from '../../../src/core/zab/types';
import { nodeOf, notesNamed, run } from './harness';

const fast = { tickTimeMs: 200, initLimit: 5, syncLimit: 5 };

describe('elections in the simulator', () => {
  it('equal histories: the highest sid leads, in epoch 1', () => {
    const r = run({ nodes: 3, seed: 1, until: 2000 });
    expect(r.report.leaders).toEqual([{ time: expect.any(Number), id: 3, epoch: 1 }]);
    expect(r.report.violations).toEqual([]);
  });

  it('the newest zxid beats a higher sid', () => {
    const r = run({ nodes: 3, seed: 1, until: 2000, initial: { '1': { history: ['0x100000001', '0x100000002'] }, '2': { history: ['0x100000001'] }, '3': { history: ['0x100000001'] } } });
    expect((r.report.leaders as { id: number }[])[0].id).toBe(1);
    expect(notesNamed(r, 'AdoptByZxid', 3).length).toBeGreaterThan(0);
    // Everyone is synced to n1's history by DIFF.
    expect(notesNamed(r, 'SyncDiff', 1).map((n) => n.f.to).sort()).toEqual([2, 3]);
    for (const id of [2, 3]) expect(nodeOf(r, id).history.length).toBe(2);
  });

  it('the leader dies: a new epoch whose zxids restart at counter 1, after the TCP close is noticed at once', () => {
    const r = run({
      nodes: 3,
      seed: 2,
      until: 6000,
      config: fast,
      script: [
        { at: 1000, do: 'request', value: 'a' },
        { at: 1100, do: 'request', value: 'b' },
        { at: 2000, do: 'crash', node: 3 },
        { at: 4000, do: 'request', value: 'c' },
      ],
    });
    const leaders = r.report.leaders as { id: number; epoch: number }[];
    expect(leaders.map((l) => [l.id, l.epoch])).toEqual([
      [3, 1],
      [2, 2],
    ]);
    const closed = notesNamed(r, 'ConnectionClosed');
    expect(closed.length).toBe(2);
    for (const c of closed) expect(c.time - 2000).toBeLessThanOrEqual(30); // one link latency, not syncLimit × tickTime
    const c = nodeOf(r, 2).history.find((t) => t.value === 'c')!;
    expect([epochOf(c.zxid), counterOf(c.zxid)]).toEqual([2, 1]);
    expect(r.report.committed).toEqual([
      { zxid: '0x100000001', value: 'a' },
      { zxid: '0x100000002', value: 'b' },
      { zxid: '0x200000001', value: 'c' },
    ]);
  });

  it('a silent leader (partitioned) is noticed only after syncLimit × tickTime', () => {
    const r = run({ nodes: 3, seed: 2, until: 6000, config: fast, script: [{ at: 2000, do: 'partition', groups: [[3], [1, 2]] }] });
    const silent = notesNamed(r, 'LeaderSilent');
    expect(silent.map((n) => n.node).sort()).toEqual([1, 2]);
    for (const s of silent) {
      expect(s.f.limitMs).toBe(1000);
      expect(s.time).toBeGreaterThanOrEqual(2000 + 1000 - 200);
    }
    // The cut-off leader steps down: no synced quorum heard within syncLimit ticks.
    expect(notesNamed(r, 'QuorumLost', 3).length).toBe(1);
    expect(nodeOf(r, 3).state).toBe('looking');
    expect(notesNamed(r, 'ConnectionClosed')).toEqual([]);
  });

  it('writes to a follower are forwarded and committed; the leader answers the client', () => {
    const r = run({ nodes: 3, seed: 4, until: 3000, script: [{ at: 1500, do: 'request', value: 'x', node: 1 }] });
    expect(notesNamed(r, 'Forwarded', 1)).toHaveLength(1);
    expect(r.report.committed).toEqual([{ zxid: '0x100000001', value: 'x' }]);
    expect((r.report.ops as { ok: boolean }[])[0].ok).toBe(true);
  });

  it('a server holding a dead epoch’s proposal is truncated; a long-gone one gets a SNAP', () => {
    const r = run({
      nodes: 3,
      seed: 1,
      until: 3000,
      config: { committedLogCount: 3, txnLogSync: false },
      initial: {
        '1': { history: ['0x100000001', '0x100000002', '0x100000003'], acceptedEpoch: 2, currentEpoch: 2 },
        '2': { history: ['0x100000001', '0x100000002', '0x200000001'], acceptedEpoch: 2, currentEpoch: 2 },
        '3': { history: ['0x100000001', '0x100000002', '0x200000001', '0x200000002', '0x200000003'], acceptedEpoch: 2, currentEpoch: 2 },
      },
    });
    expect((r.report.leaders as { id: number }[])[0].id).toBe(3);
    expect(notesNamed(r, 'SyncDiff', 3).map((n) => n.f.to)).toEqual([2]);
    expect(notesNamed(r, 'SyncSnap', 3).map((n) => n.f.to)).toEqual([1]);
    expect(nodeOf(r, 1).history.map((t) => t.zxid)).toEqual(nodeOf(r, 3).history.map((t) => t.zxid));
    expect(r.report.violations).toEqual([]);
  });

  it('the same seed gives the same run', () => {
    const s = { nodes: 5, seed: 9, until: 8000, config: fast, script: [{ at: 1500, do: 'crash' as const, node: 5 }, { at: 3000, do: 'request' as const, value: 'q' }] };
    const a = run(s);
    const b = run(s);
    expect(b.notes).toEqual(a.notes);
    expect(b.report).toEqual(a.report);
  });

  it('prints the CLI document DESIGN.md lists for ZAB', () => {
    const r = run({ nodes: 3, seed: 1, until: 100 });
    const n = (r.report.nodes as Record<string, unknown>[])[0];
    expect(Object.keys(n)).toEqual(['id', 'alive', 'role', 'acceptedEpoch', 'currentEpoch', 'lastZxid', 'log', 'vote']);
    expect(n).toMatchObject({ role: 'looking', lastZxid: '0x0', vote: { leader: expect.any(Number), zxid: '0x0', epoch: 0 } });
    const later = run({ nodes: 3, seed: 1, until: 2000 });
    expect((later.report.nodes as Record<string, unknown>[])[2]).not.toHaveProperty('vote');
    expect((later.report.nodes as Record<string, unknown>[])[2].role).toBe('leading');
  });
});
