/** MurmurHash3 x86_32 and mix32: published vectors, a byte-array reference for UTF-8, avalanche. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fmix32, mix32, murmur3 } from '../../../../src/core/hashring/hash';

/** A second, deliberately plain murmur3 x86_32 over TextEncoder's bytes (a different UTF-8 path). */
function reference(s: string, seed: number): number {
  const bytes = new TextEncoder().encode(s);
  const rot = (x: number, r: number) => (x << r) | (x >>> (32 - r));
  let h = seed | 0;
  const nblocks = bytes.length >> 2;
  for (let b = 0; b < nblocks; b++) {
    let k = bytes[4 * b] | (bytes[4 * b + 1] << 8) | (bytes[4 * b + 2] << 16) | (bytes[4 * b + 3] << 24);
    k = Math.imul(rot(Math.imul(k, 0xcc9e2d51), 15), 0x1b873593);
    h = rot(h ^ k, 13);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  const tail = nblocks * 4;
  let k = 0;
  for (let i = bytes.length - 1; i >= tail; i--) k = (k << 8) | bytes[i];
  if (bytes.length & 3) h ^= Math.imul(rot(Math.imul(k, 0xcc9e2d51), 15), 0x1b873593);
  h ^= bytes.length;
  return fmix32(h);
}

describe('murmur3 x86_32', () => {
  it('matches published vectors', () => {
    // "" seed 0: no blocks, h = 0 ^ len 0 = 0, and fmix(0) = 0 — zero by construction.
    expect(murmur3('', 0)).toBe(0);
    // Seed 1 over no bytes is fmix(1): the published 0x514E28B7 (SMHasher's verification set).
    expect(murmur3('', 1)).toBe(0x514e28b7);
    expect(fmix32(1)).toBe(0x514e28b7);
    expect(murmur3('', 0xffffffff)).toBe(0x81f16f39);
    expect(murmur3('hello', 0)).toBe(0x248bfa47);
    expect(murmur3('The quick brown fox jumps over the lazy dog', 0)).toBe(0x2e4ff723);
    // Every tail length (1–3 bytes), as in the published "aaaa" family with seed 0x9747b28c.
    expect(murmur3('a', 0x9747b28c)).toBe(0x7fa09ea6);
    expect(murmur3('aa', 0x9747b28c)).toBe(0x5d211726);
    expect(murmur3('aaa', 0x9747b28c)).toBe(0x283e0130);
    expect(murmur3('aaaa', 0x9747b28c)).toBe(0x5a97808a);
    expect(murmur3('Hello, world!', 0x9747b28c)).toBe(0x24884cba);
  });

  it('hashes UTF-8 bytes: agrees with a TextEncoder reference on any string, surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.integer({ min: 0, max: 0xffffffff }), (s, seed) => {
        expect(murmur3(s, seed)).toBe(reference(s, seed));
      }),
      { numRuns: 2000, seed: 14 },
    );
    // Mostly ASCII with multi-byte characters anywhere: the four-ASCII-characters fast path hands
    // over to the byte-by-byte path at any offset and byte count.
    const mixed = fc.string({ unit: fc.constantFrom('a', 'k', '-', '7', '#', 'é', '环', '😀', '\ud800', '\udfff'), maxLength: 30 });
    fc.assert(
      fc.property(mixed, fc.integer({ min: 0, max: 0xffffffff }), (s, seed) => {
        expect(murmur3(s, seed)).toBe(reference(s, seed));
      }),
      { numRuns: 3000, seed: 14 },
    );
    // Known multi-byte spellings: 2-, 3- and 4-byte code points and a lone surrogate (→ U+FFFD).
    for (const s of ['é', 'ring 环', '😀', 'a\ud800b', 'π≈3.14']) expect(murmur3(s, 7)).toBe(reference(s, 7));
    expect(murmur3('\ud800', 0)).toBe(murmur3('\ufffd', 0));
  });

  it('is unsigned and avalanches: one flipped input bit changes ≈ half the output bits', () => {
    let flips = 0;
    let trials = 0;
    for (let i = 0; i < 500; i++) {
      const base = `n${i}#${i * 7}`;
      const h = murmur3(base, 0);
      expect(h).toBeGreaterThanOrEqual(0);
      const c = base.charCodeAt(base.length - 1);
      const other = base.slice(0, -1) + String.fromCharCode(c ^ 1);
      let x = h ^ murmur3(other, 0);
      while (x) {
        flips += x & 1;
        x >>>= 1;
      }
      trials++;
    }
    const mean = flips / trials;
    expect(mean).toBeGreaterThan(15);
    expect(mean).toBeLessThan(17);
  });
});

describe('mix32', () => {
  it('is a bijection in b for fixed a (distinct nodes never tie) and unsigned', () => {
    const seen = new Set<number>();
    for (let b = 0; b < 20_000; b++) {
      const w = mix32(0xdeadbeef, b);
      expect(w).toBeGreaterThanOrEqual(0);
      seen.add(w);
    }
    expect(seen.size).toBe(20_000);
  });

  it('avalanches in both arguments', () => {
    const pop = (x: number) => {
      let c = 0;
      for (; x; x >>>= 1) c += x & 1;
      return c;
    };
    let fa = 0;
    let fb = 0;
    const n = 32 * 200;
    for (let i = 0; i < 200; i++) {
      const a = murmur3(`a${i}`);
      const b = murmur3(`b${i}`);
      const w = mix32(a, b);
      for (let bit = 0; bit < 32; bit++) {
        fa += pop(w ^ mix32(a ^ (1 << bit), b));
        fb += pop(w ^ mix32(a, b ^ (1 << bit)));
      }
    }
    for (const f of [fa / n, fb / n]) {
      expect(f).toBeGreaterThan(15.5);
      expect(f).toBeLessThan(16.5);
    }
  });

  it('is not the xor of its inputs (a weak mix would rank nodes the same for many keys)', () => {
    expect(mix32(1, 2)).not.toBe(3);
    expect(mix32(1, 2)).not.toBe(mix32(2, 1));
  });
});
