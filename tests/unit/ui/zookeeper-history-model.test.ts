/**
 * The client history's linearization picture (ui/coord/zookeeper/history-model.ts): where
 * each linearized op's point sits on its bar, the line joining a partition's consecutive
 * points, stale reads and culprits mapped to bars, the frame window's offset.
 */
import { describe, expect, it } from 'vitest';
import { linearizationOf } from '../../../src/core/coord/zookeeper/history-query';
import { historyKey, linePath, linPicture, verdictOf } from '../../../src/ui/coord/zookeeper/history-model';
import { historyBars } from '../../../src/ui/coord/zookeeper/model';
import { create, data, getData, okr, rec, setData } from '../coord/linearizability/zk-records';

const W = 400;

describe('linPicture', () => {
  // /a: create [0,100] by c1; setData [50,300] by c2 (concurrent with the create's end); /b: create [120,140] by c3.
  const ops = [create(1, '/a', '', [0, 100], okr('/a')), setData(2, '/a', 'x', 0, [50, 300], okr({ version: 1 })), create(3, '/b', '', [120, 140], okr('/b')), getData(1, '/a', [200, 220], data('x', 1))];
  const lin = linearizationOf(ops);
  const scale = historyBars(ops, 400, W);
  const pic = linPicture(lin, ops, 0, scale);

  it('puts each point at the earliest time its order allows, inside its bar', () => {
    expect(lin.ok).toBe(true);
    const byOp = new Map(pic.marks.map((m) => [m.op, m]));
    expect([...byOp.keys()].sort()).toEqual([0, 1, 2, 3]);
    expect(byOp.get(0)!.t).toBe(0); // first in /a: at its invoke
    expect(byOp.get(1)!.t).toBe(50); // after the create's point, at its own invoke
    expect(byOp.get(2)!.t).toBe(120); // alone in /b
    expect(byOp.get(3)!.t).toBe(200); // the read saw "x": after the set, at its invoke
    for (const m of pic.marks) {
      const bar = scale.bars[m.bar];
      expect(m.x).toBeGreaterThanOrEqual(bar.x0);
      expect(m.x).toBeLessThanOrEqual(bar.x1);
      expect(m.lane).toBe(ops[m.op].client - 1);
    }
    expect(byOp.get(1)!.x).toBeCloseTo(((50 - scale.t0) / (scale.t1 - scale.t0)) * W, 6);
  });

  it('joins consecutive points of one partition, one line per partition', () => {
    expect(pic.lines.map((l) => [l.name, l.points.length])).toEqual([
      ['/a', 3],
      ['/b', 1],
    ]);
    const a = pic.lines[0];
    const byOp = new Map(pic.marks.map((m) => [m.op, m]));
    expect(a.points).toEqual([0, 1, 3].map((op) => [byOp.get(op)!.x, byOp.get(op)!.lane]));
    const d = linePath(a, (lane) => lane * 10 + 5);
    expect(d.startsWith('M')).toBe(true);
    expect(d.split(' ')).toHaveLength(3);
    expect(d).toMatch(/^M[\d.]+,5 L[\d.]+,15 L[\d.]+,5$/);
  });

  it('a later write waits for the previous point when it was invoked earlier', () => {
    // c2's set is invoked at 10 but ordered after c1's set (which its version 2 needs): it sits at c1's point, 40.
    const h = [create(1, '/k', '', [0, 5], okr('/k')), setData(1, '/k', 'p', 0, [40, 60], okr({ version: 1 })), setData(2, '/k', 'q', 1, [10, 90], okr({ version: 2 }))];
    const l = linearizationOf(h);
    const p = linPicture(l, h, 0, historyBars(h, 100, W));
    const t = new Map(p.marks.map((m) => [m.op, m.t]));
    expect([t.get(0), t.get(1), t.get(2)]).toEqual([0, 40, 40]);
  });

  it('marks a stale read, its line running back in time, without moving the writes', () => {
    const h = [create(1, '/c', 'a', [0, 5], okr('/c')), setData(1, '/c', 'b', 0, [10, 20], okr({ version: 1 })), getData(2, '/c', [30, 31], data('a', 0)), setData(1, '/c', 'c', 1, [40, 50], okr({ version: 2 }))];
    const l = linearizationOf(h);
    const p = linPicture(l, h, 0, historyBars(h, 60, W));
    expect(p.stale.get(2)).toEqual([1]);
    const m = new Map(p.marks.map((x) => [x.op, x]));
    expect(m.get(2)!.stale).toBe(true);
    expect(m.get(1)!.stale).toBe(false);
    // Ordered before the set it missed, drawn in its own bar (at 30): the line goes back from there to the set at 10.
    expect(m.get(2)!.t).toBe(30);
    expect(m.get(1)!.t).toBe(10);
    expect(m.get(3)!.t).toBe(40);
  });

  it('a failed check: culprits on their bars, the prefix marked failed', () => {
    const h = [create(1, '/c', '', [0, 1], okr('/c')), setData(1, '/c', 'x', 0, [2, 9], okr({ version: 1 })), setData(2, '/c', 'y', 0, [3, 8], okr({ version: 1 }))];
    const l = linearizationOf(h);
    const p = linPicture(l, h, 0, historyBars(h, 10, W));
    expect(verdictOf(l)).toBe('failed');
    expect(p.culprits.size).toBeGreaterThan(0);
    for (const c of p.culprits) expect([1, 2]).toContain(c);
    expect(p.marks.length).toBeGreaterThan(0);
    expect(p.marks.every((x) => x.failed)).toBe(true);
    expect(p.lines.every((x) => x.failed)).toBe(true);
  });

  it('maps global op ids to the frame window: the first `first` ops are not in the frame', () => {
    const window = ops.slice(2);
    const l = linearizationOf(ops, { from: 2 });
    const p = linPicture(l, window, 2, historyBars(window, 400, W));
    expect(p.marks.map((m) => [m.op, m.bar])).toEqual([
      [2, 0],
      [3, 1],
    ]);
    // The set it read is outside the window: the read's point is its own invoke (the earliest the window can tell).
    expect(p.marks.find((m) => m.op === 3)!.t).toBe(200);
  });

  it('draws nothing without an answer', () => {
    expect(linPicture(null, ops, 0, scale)).toMatchObject({ marks: [], lines: [] });
  });
});

describe('historyKey and verdictOf', () => {
  it('changes when an op is invoked or completes, not otherwise', () => {
    const a = [rec(1, 'create', { path: '/x' }, 0, null, okr(null))];
    const b = [rec(1, 'create', { path: '/x' }, 0, 10, okr('/x'))];
    expect(historyKey(1, a)).not.toBe(historyKey(1, b));
    expect(historyKey(1, b)).toBe(historyKey(1, b.slice()));
    expect(historyKey(2, b)).not.toBe(historyKey(1, b));
  });

  it('names the three verdicts', () => {
    const h = [create(1, '/x', '', [0, 5], okr('/x'))];
    expect(verdictOf(linearizationOf(h))).toBe('passed');
    expect(verdictOf(linearizationOf(h, { budget: 0 }))).toBe('unknown');
  });
});
