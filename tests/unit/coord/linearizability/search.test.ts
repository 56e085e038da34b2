/** The generic Wing & Gong search: classic register histories, pending ops, relaxed ops, budget, partitions, and a brute-force oracle. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkHistory, checkLinearizable, type LinOp } from '../../../../src/core/coord/linearizability';
import { bruteForce, kv, r, register, validOrder, w, type KvIn, type RegIn, type RegOp } from './register';

describe('register histories', () => {
  it('accepts a sequential history and returns its order', () => {
    const h = [w(1, 1, 0, 1), r(2, 1, 2, 3), w(1, 2, 4, 5), r(2, 2, 6, 7)];
    const res = checkHistory(register, h);
    expect(res).toMatchObject({ ok: true, order: h.map((o) => o.id) });
  });

  it('accepts concurrent reads that see either side of a concurrent write (a new-old read is fine when the reads overlap)', () => {
    // w(1) spans both reads; the reads overlap each other, so "1 then 0" is allowed.
    const h = [w(1, 1, 0, 10), r(2, 1, 1, 5), r(3, 0, 2, 6)];
    const res = checkHistory(register, h);
    expect(res.ok).toBe(true);
    if (res.ok === true) expect(validOrder(register, h, res.order)).toBe(true);
  });

  it('refuses a new-old inversion between reads that do not overlap', () => {
    // Read 1 sees the new value and completes; a later read sees the old one.
    const h = [w(1, 1, 0, 10), r(2, 1, 1, 3), r(3, 0, 4, 6)];
    const res = checkHistory(register, h);
    expect(res.ok).toBe(false);
    if (res.ok === false) {
      expect(res.culprits).toContain(h[2].id);
      // The longest valid prefix: w(1), r→1 (or just r→0 … no: r→0 must follow r→1 in real time).
      expect(res.partial).toEqual([h[0].id, h[1].id]);
    }
  });

  it('refuses a read of a value nobody wrote', () => {
    const h = [w(1, 1, 0, 1), r(2, 7, 2, 3)];
    const res = checkHistory(register, h);
    expect(res).toMatchObject({ ok: false, culprits: [h[1].id] });
  });

  it('refuses a stale read after a completed write (plain linearizability)', () => {
    const h = [w(1, 1, 0, 1), r(2, 0, 2, 3)];
    expect(checkHistory(register, h).ok).toBe(false);
  });

  it('a pending write may have taken effect: a later read of its value is fine', () => {
    const h = [w(1, 5, 0, null), r(2, 5, 10, 11)];
    expect(checkHistory(register, h).ok).toBe(true);
  });

  it('a pending write may also never have taken effect', () => {
    const h = [w(1, 5, 0, null), r(2, 0, 10, 11), r(2, 0, 12, 13)];
    const res = checkHistory(register, h);
    expect(res.ok).toBe(true);
    if (res.ok === true) expect(res.order[res.order.length - 1]).toBe(h[0].id);
  });

  it('a pending write cannot take effect before it was invoked', () => {
    const h = [r(2, 5, 0, 1), w(1, 5, 2, null)];
    expect(checkHistory(register, h).ok).toBe(false);
  });

  it('a pending op that must have happened: once seen it cannot be unseen', () => {
    // w(5) never completed, but client 2 saw 5; a read invoked after that saw 0 again.
    const h = [w(1, 5, 0, null), r(2, 5, 10, 11), r(3, 0, 12, 13)];
    expect(checkHistory(register, h).ok).toBe(false);
  });

  it('an empty history is linearizable', () => {
    expect(checkHistory(register, [])).toMatchObject({ ok: true, order: [], steps: 0 });
  });
});

describe('relaxed (sequentially consistent) operations', () => {
  it('a relaxed read may miss another client’s completed write', () => {
    const h = [w(1, 1, 0, 1), r(2, 0, 2, 3, true)];
    const res = checkHistory(register, h);
    expect(res.ok).toBe(true);
    if (res.ok === true) expect(res.order).toEqual([h[1].id, h[0].id]);
  });

  it('but not its own client’s completed write', () => {
    const h = [w(1, 1, 0, 1), r(1, 0, 2, 3, true)];
    expect(checkHistory(register, h).ok).toBe(false);
  });

  it('and not go back in time from what its client already saw', () => {
    const h = [w(1, 1, 0, 1), w(1, 2, 2, 3), r(2, 2, 4, 5, true), r(2, 1, 6, 7, true)];
    expect(checkHistory(register, h).ok).toBe(false);
  });

  it('and not see a write invoked after the read completed', () => {
    const h = [r(2, 1, 0, 1, true), w(1, 1, 2, 3)];
    expect(checkHistory(register, h).ok).toBe(false);
  });
});

describe('budget', () => {
  it('answers unknown, not a guess, when the budget runs out', () => {
    // Many concurrent writes then an impossible read: the search has to try many orders.
    const h: RegOp[] = [];
    for (let i = 0; i < 12; i++) h.push(w(i + 1, i + 1, 0, 100));
    h.push(r(99, 42, 200, 201));
    const res = checkHistory(register, h, { budget: 50 });
    expect(res).toMatchObject({ ok: 'unknown', reason: 'budget', steps: 50 });
    // With a large enough budget the memo makes it cheap and the answer is a refusal.
    expect(checkHistory(register, h, { budget: 1e6 }).ok).toBe(false);
  });

  it('does not overflow the stack on 10,000 sequential ops', () => {
    const h: RegOp[] = [];
    for (let i = 0; i < 5000; i++) h.push(w(1, i, 4 * i, 4 * i + 1), r(2, i, 4 * i + 2, 4 * i + 3));
    const res = checkHistory(register, h);
    expect(res.ok).toBe(true);
    expect(res.steps).toBe(10000);
  });
});

describe('partitions', () => {
  const op = (id: number, client: number, input: KvIn, output: number | null, invoke: number, complete: number | null): LinOp<KvIn, number | null> => ({ id, client, input, output, invoke, complete });

  it('checks each key apart and merges the orders', () => {
    const h = [op(0, 1, { key: 'a', op: 'w', v: 1 }, null, 0, 10), op(1, 2, { key: 'b', op: 'w', v: 2 }, null, 1, 2), op(2, 3, { key: 'a', op: 'r' }, 1, 3, 4), op(3, 3, { key: 'b', op: 'r' }, 2, 5, 6)];
    const res = checkLinearizable(kv, h);
    expect(res.ok).toBe(true);
    expect(res.partitions).toHaveLength(2);
    if (res.ok === true) {
      expect(new Set(res.order)).toEqual(new Set([0, 1, 2, 3]));
      expect(validOrder({ ...kv, partition: undefined }, h, res.order)).toBe(true);
    }
  });

  it('fails when one partition fails, naming it', () => {
    const h = [op(0, 1, { key: 'a', op: 'w', v: 1 }, null, 0, 1), op(1, 2, { key: 'b', op: 'r' }, 3, 2, 3)];
    const res = checkLinearizable(kv, h);
    expect(res.ok).toBe(false);
    expect(res.partitions.map((p) => p.ok)).toEqual([true, false]);
    if (res.ok === false) expect(res.culprits).toEqual([1]);
  });
});

describe('agrees with a brute-force enumerator on small random histories', () => {
  const opArb = fc.record({
    client: fc.integer({ min: 1, max: 3 }),
    write: fc.boolean(),
    v: fc.integer({ min: 0, max: 2 }),
    invoke: fc.integer({ min: 0, max: 20 }),
    len: fc.integer({ min: 0, max: 8 }),
    pending: fc.integer({ min: 0, max: 9 }),
    relaxed: fc.integer({ min: 0, max: 3 }),
  });
  const build = (specs: { client: number; write: boolean; v: number; invoke: number; len: number; pending: number; relaxed: number }[], relaxedOk: boolean): LinOp<RegIn, number | null>[] =>
    specs.map((s, id) => ({
      id,
      client: s.client,
      input: s.write ? { op: 'w', v: s.v } : { op: 'r' },
      output: s.write ? null : s.v,
      invoke: s.invoke,
      complete: s.pending === 0 ? null : s.invoke + s.len,
      relaxed: relaxedOk && !s.write && s.relaxed === 0,
    }));

  for (const relaxedOk of [false, true]) {
    it(relaxedOk ? 'with relaxed reads' : 'plain', () => {
      let yes = 0;
      let no = 0;
      fc.assert(
        fc.property(fc.array(opArb, { minLength: 1, maxLength: 7 }), (specs) => {
          const h = build(specs, relaxedOk);
          const res = checkHistory(register, h);
          const expected = bruteForce(register, h);
          expect(res.ok).toBe(expected);
          if (res.ok === true) expect(validOrder(register, h, res.order)).toBe(true);
          if (expected) yes++;
          else no++;
        }),
        { numRuns: 1500, seed: relaxedOk ? 15 : 14 },
      );
      // The generator reaches both answers often enough for the agreement to mean something.
      expect(yes).toBeGreaterThan(150);
      expect(no).toBeGreaterThan(150);
    });
  }
});
