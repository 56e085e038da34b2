/**
 * The `linearization` query (core/coord/zookeeper/history-query.ts through SimSession.query):
 * on zk-basic it passes, gives every completed write a rank and ranks that respect real time;
 * a hand-made history no order explains says so and names its culprits; a stale read is marked.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LINEARIZATION_QUERY, linearizationOf, type LinearizationAnswer, type LinearizationView } from '../../../../src/core/coord/zookeeper/history-query';
import type { ZkOpRecord } from '../../../../src/core/coord/zookeeper/types';
import { SimSession } from '../../../../src/sim/session';
import { create, data, getData, okr, setData, sync } from '../linearizability/zk-records';

const WRITES = new Set(['create', 'delete', 'setData', 'sync', 'close']);

function loaded(file: string): SimSession {
  const s = new SimSession();
  const r = s.load(JSON.parse(readFileSync(file, 'utf8')));
  expect(r.ok).toBe(true);
  return s;
}

/** Within each partition: an op that completed before another was invoked comes first (writes; reads are only sequentially consistent). */
function expectRealTime(check: LinearizationView, records: readonly ZkOpRecord[]): number {
  let pairs = 0;
  for (const p of check.partitions) {
    const rank = new Map(p.order.map((op, r) => [op, r]));
    const strict = p.order.filter((op) => WRITES.has(records[op].op));
    for (const a of strict)
      for (const b of strict) {
        const ca = records[a].complete;
        if (a !== b && ca !== null && ca < records[b].invoke) {
          expect(rank.get(a)!, `${p.name}: #${a} completed before #${b} was invoked`).toBeLessThan(rank.get(b)!);
          pairs++;
        }
      }
  }
  return pairs;
}

describe('the linearization query on zk-basic', () => {
  const s = loaded('public/scenarios/zk-basic.json');
  const v = s.advanceTo(18_000);
  const answer = s.query(v.frame, LINEARIZATION_QUERY) as LinearizationAnswer;
  const records = v.service!.ops as ZkOpRecord[];

  it('passes at the end of the run, and says it is the end', () => {
    expect(answer.end).toBe(true);
    expect(answer.time).toBe(v.time);
    expect(answer.check.ok).toBe(true);
    expect(answer.check.failed).toBeNull();
    expect(answer.check.total).toBe(records.length);
    expect(answer.check.checked).toBeGreaterThan(0);
    expect(answer.check.partitions.map((p) => p.name)).toEqual(['/config']);
  });

  it('gives every completed write a rank, and ranks follow real time within a partition', () => {
    const ranked = new Set(answer.check.points.map((p) => p.op));
    const writes = records.map((r, i) => [r, i] as const).filter(([r]) => r.complete !== null && ['create', 'setData', 'delete'].includes(r.op) && r.args.path === '/config');
    expect(writes.length).toBe(3); // create, setData, and the setData that failed BadVersion
    for (const [, i] of writes) expect(ranked.has(i), `#${i}`).toBe(true);
    expect(expectRealTime(answer.check, records)).toBeGreaterThan(0);
    // The points name their partition and rank as its order does.
    for (const pt of answer.check.points) expect(answer.check.partitions[pt.partition].order[pt.rank]).toBe(pt.op);
  });

  it('is not the end before `until`, and the answer is memoized while the history is unchanged', () => {
    const mid = s.advanceTo(3_000);
    const a1 = s.query(mid.frame, LINEARIZATION_QUERY) as LinearizationAnswer;
    expect(a1.end).toBe(false);
    expect(a1.check.total).toBeLessThan(records.length);
    const a2 = s.query(mid.frame, LINEARIZATION_QUERY) as LinearizationAnswer;
    expect(a2.check).toBe(a1.check);
    // An argument is part of the key; `from` trims the lists, not the counts.
    const a3 = s.query(mid.frame, LINEARIZATION_QUERY, { from: 6 }) as LinearizationAnswer;
    expect(a3.check).not.toBe(a1.check);
    expect(a3.check.checked).toBe(a1.check.checked);
    expect(a3.check.points.every((p) => p.op >= 6)).toBe(true);
    expect(a3.check.points.length).toBeLessThan(a1.check.points.length);
  });

  it('ranks follow real time on a fuzz seed with several paths (seed 469)', () => {
    const f = loaded('tests/unit/coord/zookeeper/sim/fixtures/seed469.json');
    const fv = f.advanceTo(5_803);
    const fa = f.query(fv.frame, LINEARIZATION_QUERY) as LinearizationAnswer;
    const all = fv.service!.ops as ZkOpRecord[];
    expect(fv.service!.opCount).toBe(all.length);
    expect(fa.check.ok).toBe(true);
    expect(fa.check.partitions.length).toBeGreaterThan(1);
    expect(expectRealTime(fa.check, all)).toBeGreaterThan(3);
  });

  it('times the check with the clock it is given (the worker gives performance.now), once per history', () => {
    let ticks = 0;
    class Timed extends SimSession {
      protected override checkClock = () => (ticks += 5);
    }
    const t = new Timed();
    t.load(JSON.parse(readFileSync('public/scenarios/zk-basic.json', 'utf8')));
    const tv = t.advanceTo(2_500);
    const a = t.query(tv.frame, LINEARIZATION_QUERY) as LinearizationAnswer;
    expect(a.check.ms).toBe(5);
    expect((t.query(tv.frame, LINEARIZATION_QUERY) as LinearizationAnswer).check.ms).toBe(5);
    expect(ticks).toBe(10);
    // Without a clock (in-process, the CLI): no time.
    expect(answer.check.ms).toBeUndefined();
  });

  it('is null for a scenario without the ZooKeeper service', () => {
    const raft = new SimSession();
    raft.load({ protocol: 'raft', nodes: 3, seed: 1, until: 1000, script: [] });
    expect(raft.query(0, LINEARIZATION_QUERY)).toBeNull();
  });
});

describe('hand-made histories', () => {
  // Client 1 makes /config = "a" (v0), then sets it to "b" (v1), done at 20.
  const base = () => [create(1, '/config', 'a', [0, 5], okr('/config')), setData(1, '/config', 'b', 0, [10, 20], okr({ version: 1 }))];

  it('a history no order explains: failed, with its culprits named', () => {
    // Two conditional sets on version 0 both succeed: one of them must have failed BadVersion.
    const h = [create(1, '/c', '', [0, 1], okr('/c')), setData(1, '/c', 'x', 0, [2, 9], okr({ version: 1 })), setData(2, '/c', 'y', 0, [3, 8], okr({ version: 1 }))];
    const v = linearizationOf(h);
    expect(v.ok).toBe(false);
    expect(v.failed?.partition).toBe('/c');
    expect(v.failed?.culprits.length).toBeGreaterThan(0);
    for (const c of v.failed!.culprits) expect([1, 2]).toContain(c);
    expect(v.failed?.detail).toContain('setData /c');
    // The failed partition's longest valid prefix is what the marks draw.
    expect(v.partitions).toHaveLength(1);
    expect(v.partitions[0].ok).toBe(false);
    expect(v.partitions[0].order[0]).toBe(0);
    expect(v.stale).toEqual([]);
  });

  it('a stale read is marked, with the write it missed, and the check still passes', () => {
    const h = [...base(), getData(2, '/config', [30, 31], data('a', 0))];
    const v = linearizationOf(h);
    expect(v.ok).toBe(true);
    expect(v.stale).toEqual([{ op: 2, missed: [1] }]);
    // The read is ranked before the write it did not see.
    const rank = new Map(v.points.map((p) => [p.op, p.rank]));
    expect(rank.get(2)!).toBeLessThan(rank.get(1)!);
    // A sync before it makes the same read a violation.
    const synced = [...base(), sync(2, '/config', [25, 26]), getData(2, '/config', [30, 31], data('a', 0))];
    expect(linearizationOf(synced).ok).toBe(false);
  });

  it('a fresh read is not stale', () => {
    const v = linearizationOf([...base(), getData(2, '/config', [30, 31], data('b', 1))]);
    expect(v).toMatchObject({ ok: true, stale: [], failed: null, ranOutIn: null, checked: 3, total: 3 });
    expect(v.points.map((p) => [p.op, p.rank])).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
  });

  it('says unknown when the step budget runs out, naming where', () => {
    const h = [...base(), getData(2, '/config', [30, 31], data('b', 1))];
    const v = linearizationOf(h, { budget: 1 });
    expect(v.ok).toBe('unknown');
    expect(v.ranOutIn).toBe('/config');
    expect(v.failed).toBeNull();
    expect(v.budget).toBe(1);
  });

  it('two paths are two partitions, each with its own ranks', () => {
    const h = [create(1, '/a', '', [0, 5], okr('/a')), create(2, '/b', '', [1, 6], okr('/b')), setData(1, '/a', 'x', 0, [7, 9], okr({ version: 1 }))];
    const v = linearizationOf(h);
    expect(v.partitions.map((p) => [p.name, p.order])).toEqual([
      ['/a', [0, 2]],
      ['/b', [1]],
    ]);
    expect(v.points).toEqual([
      { op: 0, partition: 0, rank: 0 },
      { op: 1, partition: 1, rank: 0 },
      { op: 2, partition: 0, rank: 1 },
    ]);
  });
});
