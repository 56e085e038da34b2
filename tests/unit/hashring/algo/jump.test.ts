/** Jump consistent hash on 32-bit halves: published vectors, a BigInt reference, its monotonicity. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jumpHash, mulHi32 } from '../../../../src/core/hashring/jump';

/** The paper's loop, literally, in BigInt (the reference the 32-bit halves must equal). */
function jumpBig(key: bigint, buckets: number): number {
  let b = -1n;
  let j = 0n;
  const M = (1n << 64n) - 1n;
  while (j < BigInt(buckets)) {
    b = j;
    key = (key * 2862933555777941757n + 1n) & M;
    j = BigInt(Math.floor(Number(b + 1n) * (Number(1n << 31n) / Number((key >> 33n) + 1n))));
  }
  return Number(b);
}

const split = (k: bigint) => [Number(k & 0xffffffffn), Number(k >> 32n)] as const;

describe('jump consistent hash', () => {
  it("matches the published vectors (Guava's tests, PROTOCOLS.md)", () => {
    expect(jumpHash(1, 0, 100)).toBe(55);
    expect([1, 2, 3, 4, 5].map((k) => jumpHash(k, 0, 100))).toEqual([55, 62, 8, 45, 59]);
    expect(jumpHash(42, 0, 57)).toBe(43);
    expect(jumpHash(0xdead10cc, 0, 666)).toBe(361);
    expect(jumpHash(256, 0, 1024)).toBe(520);
    // And the BigInt reference agrees with them, so it is the paper's algorithm too.
    expect([1n, 2n, 3n, 4n, 5n].map((k) => jumpBig(k, 100))).toEqual([55, 62, 8, 45, 59]);
    expect(jumpBig(0xdead10ccn, 666)).toBe(361);
  });

  it('one bucket is always bucket 0', () => {
    for (let k = 0; k < 1000; k++) expect(jumpHash(k * 2654435761, 0, 1)).toBe(0);
  });

  it('equals the BigInt reference on random 64-bit keys and bucket counts', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), fc.integer({ min: 1, max: 5000 }), (key, n) => {
        const [lo, hi] = split(key);
        expect(jumpHash(lo, hi, n)).toBe(jumpBig(key, n));
      }),
      { numRuns: 3000, seed: 14 },
    );
    // Keys whose low half makes the +1 carry into the high half, and all-ones keys.
    for (const key of [0xffffffffn, (1n << 64n) - 1n, 0x1234_5678_ffff_ffffn]) {
      const [lo, hi] = split(key);
      for (const n of [2, 10, 24, 1000]) expect(jumpHash(lo, hi, n)).toBe(jumpBig(key, n));
    }
  });

  it('mulHi32 is the exact high half of a 32×32 product', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 0xffffffff }), (a, b) => {
        expect(mulHi32(a, b)).toBe(Number((BigInt(a) * BigInt(b)) >> 32n));
      }),
      { numRuns: 3000, seed: 14 },
    );
    expect(mulHi32(0xffffffff, 0xffffffff)).toBe(0xfffffffe);
  });

  it('is monotone: going from n to n+1 buckets a key stays or moves to bucket n, and ≈ 1/(n+1) move', () => {
    for (const n of [1, 5, 9, 23]) {
      let moved = 0;
      const K = 20_000;
      for (let k = 0; k < K; k++) {
        const key = (Math.imul(k, 0x9e3779b1) >>> 0) ^ k;
        const a = jumpHash(key, 0, n);
        const b = jumpHash(key, 0, n + 1);
        if (a !== b) {
          expect(b).toBe(n);
          moved++;
        }
      }
      const ideal = K / (n + 1);
      expect(Math.abs(moved - ideal)).toBeLessThan(5 * Math.sqrt(ideal));
    }
  });
});
