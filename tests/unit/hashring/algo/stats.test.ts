/** Load statistics, diff, the ideal movement, and balance improving with vnodes as PROTOCOLS.md says. */
import { describe, expect, it } from 'vitest';
import { place, type Placement } from '../../../../src/core/hashring/placement';
import { cvCurve, cvCurveView, cvFormula, diff, idealMoved, loadStats } from '../../../../src/core/hashring/stats';

function handMade(rows: number[][]): Placement {
  const R = rows[0].length;
  const owners = new Uint8Array(rows.flat());
  const primaryCount = new Uint32Array(25);
  for (const r of rows) primaryCount[r[0]]++;
  return { owners, replicas: R, primaryCount };
}

const TEN = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

describe('loadStats', () => {
  it('counts primaries per member; mean, population std, CV, max/mean', () => {
    // Loads 1, 3, 0 (member 9 owns nothing) → mean 4/3, variance ((1/3)² + (5/3)² + (4/3)²)/3 = 14/9.
    const p = handMade([[2, 5], [5, 2], [5, 9], [5, 2]]);
    const s = loadStats(p, [2, 5, 9]);
    expect(s.counts).toEqual([1, 3, 0]);
    expect(s.mean).toBeCloseTo(4 / 3, 12);
    expect(s.std).toBeCloseTo(Math.sqrt(14 / 9), 12);
    expect(s.cv).toBeCloseTo(Math.sqrt(14 / 9) / (4 / 3), 12);
    expect(s.min).toBe(0);
    expect(s.max).toBe(3);
    expect(s.maxOverMean).toBeCloseTo(9 / 4, 12);
    // The contract's fields (types.ts LoadStats).
    expect(s.perNode).toEqual([{ id: 2, keys: 1 }, { id: 5, keys: 3 }, { id: 9, keys: 0 }]);
    expect(s.cap).toBe(0);
    expect(loadStats(p, [2, 5, 9], 2).cap).toBe(2);
  });

  it('is all zeros with no members or no keys', () => {
    expect(loadStats(handMade([[1]]), []).cv).toBe(0);
    const empty = place({ scheme: 'ring', members: TEN, vnodes: 10, replicas: 1, loadFactor: 1.25, keys: 0 });
    expect(loadStats(empty, TEN)).toMatchObject({ mean: 0, cv: 0, maxOverMean: 0 });
  });
});

describe('diff', () => {
  it('counts keys whose primary changed, where from and to, and changes per replica rank', () => {
    const before = handMade([[1, 2], [2, 3], [3, 1], [1, 3]]);
    const after = handMade([[1, 3], [3, 1], [3, 1], [2, 3]]);
    expect(diff(before, after)).toEqual({ moved: 2, from: { 2: 1, 1: 1 }, to: { 3: 1, 2: 1 }, movedByRank: [2, 2] });
    expect(diff(before, before)).toEqual({ moved: 0, from: {}, to: {}, movedByRank: [0, 0] });
  });

  it('refuses placements of different key counts', () => {
    expect(() => diff(handMade([[1]]), handMade([[1], [2]]))).toThrow(/keys/);
  });

  it('a ring removal moves exactly the removed node’s keys, near the ideal K/N', () => {
    const K = 50_000;
    const base = { scheme: 'ring' as const, vnodes: 200, replicas: 3, loadFactor: 1.25, keys: K };
    const before = place({ ...base, members: TEN });
    const after = place({ ...base, members: TEN.filter((x) => x !== 6) });
    const d = diff(before, after);
    expect(d.moved).toBe(before.primaryCount[6]);
    expect(d.from).toEqual({ 6: d.moved });
    expect(Object.values(d.to).reduce((a, b) => a + b, 0)).toBe(d.moved);
    expect(d.to[6]).toBeUndefined();
    expect(idealMoved(K, 10, 9)).toBe(5000);
    expect(Math.abs(d.moved - 5000) / 5000).toBeLessThan(0.25);
    // Rank 1 and 2 change for keys that had 6 as a replica: each rank sees ≈ K/N changes too.
    expect(d.movedByRank[1]).toBeGreaterThan(0.5 * 5000);
  });
});

describe('ideal movement and the balance formula', () => {
  it('ideal: K/N on a removal, K/(N+1) on an addition', () => {
    expect(idealMoved(100_000, 10, 9)).toBe(10_000);
    expect(idealMoved(110_000, 10, 11)).toBe(10_000);
    expect(idealMoved(100, 0, 0)).toBe(0);
  });

  it('cvFormula = √((n−1)/(n·v+1)): PROTOCOLS.md’s 0.90, 0.30, 0.095, 0.03 for n = 10', () => {
    expect(cvFormula(10, 1)).toBeCloseTo(Math.sqrt(9 / 11), 12);
    expect(cvFormula(10, 1)).toBeCloseTo(0.9, 1);
    expect(cvFormula(10, 10)).toBeCloseTo(0.3, 2);
    expect(cvFormula(10, 100)).toBeCloseTo(0.095, 3);
    expect(cvFormula(10, 1000)).toBeCloseTo(0.03, 3);
    expect(cvFormula(1, 5)).toBe(0);
    expect(cvFormula(0, 5)).toBe(0);
  });
});

describe('balance improves with vnodes, as measured', () => {
  const VN = [1, 10, 100, 1000];

  it('10 nodes, 100k keys ({1..10}, one sample): ≈0.90@1 (wide), 0.30@10, 0.095@100, 0.03@1000', () => {
    const c = cvCurve(TEN, 100_000, VN);
    expect(c.map((x) => x.vnodes)).toEqual(VN);
    expect(c[0].cv).toBeGreaterThan(0.5);
    expect(c[0].cv).toBeLessThan(1.5);
    expect(c[1].cv).toBeGreaterThan(0.17);
    expect(c[1].cv).toBeLessThan(0.45);
    expect(c[2].cv).toBeGreaterThan(0.05);
    expect(c[2].cv).toBeLessThan(0.15);
    expect(c[3].cv).toBeGreaterThan(0.02);
    expect(c[3].cv).toBeLessThan(0.05);
    for (const x of c) expect(x.formula).toBe(cvFormula(10, x.vnodes));
    // The same numbers in the contract's CvCurve shape.
    expect(cvCurveView(TEN, 100_000, VN)).toEqual({
      nodes: 10,
      keys: 100_000,
      vnodes: VN,
      measured: c.map((x) => x.cv),
      formula: c.map((x) => x.formula),
    });
  });

  it('averaged over six 10-node sets, within 25% of the formula at every vnode count', () => {
    // One set's CV is itself a sample (≈ 24% relative spread for 10 nodes); six sets narrow it
    // enough that an implementation that ignores vnodes, repeats a node's token, or clusters its
    // points (a weak hash) falls outside these bands.
    const sets = [
      TEN,
      [11, 12, 13, 14, 15, 16, 17, 18, 19, 20],
      [15, 16, 17, 18, 19, 20, 21, 22, 23, 24],
      [1, 3, 5, 7, 9, 11, 13, 15, 17, 19],
      [2, 4, 6, 8, 10, 12, 14, 16, 18, 20],
      [5, 6, 7, 8, 9, 20, 21, 22, 23, 24],
    ];
    const mean = VN.map(() => 0);
    for (const m of sets) cvCurve(m, 100_000, VN).forEach((x, j) => (mean[j] += x.cv / sets.length));
    const ratio = mean.map((cv, j) => cv / cvFormula(10, VN[j]));
    expect(ratio[0]).toBeGreaterThan(0.8);
    expect(ratio[0]).toBeLessThan(1.25);
    for (const r of ratio.slice(1)) {
      expect(r).toBeGreaterThan(0.75);
      expect(r).toBeLessThan(1.25);
    }
    // Strictly better with more points, and ~√10 better per decade until key noise shows.
    for (let j = 1; j < VN.length; j++) expect(mean[j]).toBeLessThan(mean[j - 1] / 2);
  });

  it('max/mean load falls toward 1 with vnodes (the hottest node is what capacity planning sees)', () => {
    const c = cvCurve(TEN, 100_000, [1, 100, 1000]);
    expect(c[0].maxOverMean).toBeGreaterThan(1.8);
    expect(c[2].maxOverMean).toBeLessThan(1.12);
  });
});
