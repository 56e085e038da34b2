/** The WebAssembly jump kernels (jump.wat, SIMD; jump-scalar.wat): the committed bytes are the .wat's, and both give jumpHash's buckets. */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jumpBuckets, jumpHash, jumpKernelAvailable, jumpKernelKind, useJumpKernelForTests } from '../../../../src/core/hashring/jump';
import { JUMP_WASM, JUMP_WASM_SCALAR } from '../../../../src/core/hashring/jumpWasm';
// @ts-expect-error: a plain .mjs helper shared with the generator script (no types).
import { assembleJumpWat } from '../../../../scripts/jump-wasm-assemble.mjs';

afterEach(() => useJumpKernelForTests('simd'));

/** jumpBuckets (on the kernel) over `keys`. */
function run(keys: readonly number[], n: number): Uint32Array {
  const out = new Uint32Array(keys.length);
  jumpBuckets(Uint32Array.from(keys), n, out);
  return out;
}

/** How many LCG steps the walk of a 32-bit key takes among n buckets (the paper's loop, counted). */
function walkSteps(key: number, n: number): number {
  let k = BigInt(key);
  let b = 0;
  for (let steps = 1; ; steps++) {
    k = (k * 2862933555777941757n + 1n) & 0xffffffffffffffffn;
    const j = (b + 1) * (2147483648 / Number((k >> 33n) + 1n));
    if (j >= n) return steps;
    b = Math.floor(j);
  }
}

describe('jump kernels', () => {
  it('jumpWasm.ts holds exactly the bytes jump.wat and jump-scalar.wat assemble to (regenerate with scripts/gen-jump-wasm.mjs)', async () => {
    for (const [file, committed] of [['jump.wat', JUMP_WASM], ['jump-scalar.wat', JUMP_WASM_SCALAR]] as const) {
      const wat = readFileSync(new URL(`../../../../src/core/hashring/${file}`, import.meta.url), 'utf8');
      const bytes: Uint8Array = await assembleJumpWat(wat);
      expect(Array.from(committed), file).toEqual(Array.from(bytes));
    }
  });

  it('runs on the SIMD kernel in Node, and on the scalar one when asked', () => {
    expect(jumpKernelAvailable()).toBe(true);
    expect(jumpKernelKind()).toBe('simd');
    useJumpKernelForTests('scalar');
    expect(jumpKernelKind()).toBe('scalar');
  });

  it('falls back to the JS walk with the same buckets', () => {
    const hashes = Uint32Array.of(1, 2, 3, 0xffffffff, 0);
    const wasm = new Uint32Array(5);
    jumpBuckets(hashes, 10, wasm);
    useJumpKernelForTests('js');
    expect(jumpKernelAvailable()).toBe(false);
    expect(jumpKernelKind()).toBe('js');
    const js = new Uint32Array(5);
    jumpBuckets(hashes, 10, js);
    expect(Array.from(js)).toEqual(Array.from(wasm));
  });
});

describe.each(['simd', 'scalar'] as const)('jump kernel %s', (kind) => {
  beforeEach(() => useJumpKernelForTests(kind));

  it('is the kernel running', () => {
    expect(jumpKernelKind()).toBe(kind);
  });

  it('gives the published vectors', () => {
    const out = new Uint32Array(5);
    jumpBuckets(Uint32Array.of(1, 2, 3, 4, 5), 100, out);
    expect(Array.from(out)).toEqual([55, 62, 8, 45, 59]);
    const one = new Uint32Array(1);
    jumpBuckets(Uint32Array.of(0xdead10cc), 666, one);
    expect(one[0]).toBe(361);
    jumpBuckets(Uint32Array.of(256), 1024, one);
    expect(one[0]).toBe(520);
  });

  it('agrees with the JS walk on random keys and bucket counts', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffffffff }), { minLength: 1, maxLength: 300 }), fc.integer({ min: 1, max: 1 << 20 }), (keys, n) => {
        const hashes = Uint32Array.from(keys);
        const out = new Uint32Array(hashes.length);
        jumpBuckets(hashes, n, out);
        for (let i = 0; i < hashes.length; i++) if (out[i] !== jumpHash(hashes[i], 0, n)) return false;
        return true;
      }),
      { numRuns: 300 },
    );
  });

  // jump.wat walks 8 keys at a time (four i64x2/f64x2 vectors, lanes masked off as their walks
  // end) and the last count mod 8 one at a time: every lane position, lanes ending early or
  // late, and every tail length must give the scalar walk's buckets.
  it('gives every lane of a group its own bucket, whichever lanes end first or last', () => {
    const n = 1000;
    const short: number[] = []; // walks that end at their first step (bucket 0)
    const long: number[] = []; // walks of at least 12 steps
    for (let k = 1; short.length < 8 || long.length < 8; k++) {
      const key = Math.imul(k, 0x9e3779b1) >>> 0;
      const steps = walkSteps(key, n);
      if (steps === 1 && short.length < 8) short.push(key);
      if (steps >= 12 && long.length < 8) long.push(key);
    }
    expect(short.map((k) => jumpHash(k, 0, n))).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    for (let lane = 0; lane < 8; lane++) {
      // One long walk among short ones (7 lanes masked off early), and one short among long ones.
      for (const [mostly, odd] of [[short, long], [long, short]]) {
        const keys = mostly.map((k, i) => (i === lane ? odd[i] : k));
        expect(Array.from(run(keys, n)), `lane ${lane}`).toEqual(keys.map((k) => jumpHash(k, 0, n)));
      }
    }
    // Two groups with the long walk in different lanes, so the first group's masks do not leak.
    const two = [...short.map((k, i) => (i === 3 ? long[0] : k)), ...long.map((k, i) => (i === 6 ? short[0] : k))];
    expect(Array.from(run(two, n))).toEqual(two.map((k) => jumpHash(k, 0, n)));
  });

  it('handles every tail length: counts 0 to 41 and 100,003', () => {
    const keys = Array.from({ length: 100_003 }, (_, i) => Math.imul(i ^ 0x5bd1e995, 0x85ebca6b) >>> 0);
    for (let count = 0; count <= 41; count++) {
      const some = keys.slice(0, count);
      expect(Array.from(run(some, 37)), `count ${count}`).toEqual(some.map((k) => jumpHash(k, 0, 37)));
    }
    const out = run(keys, 10);
    let wrong = 0;
    for (let i = 0; i < keys.length; i++) if (out[i] !== jumpHash(keys[i], 0, 10)) wrong++;
    expect(wrong).toBe(0);
  });

  it('puts every key in bucket 0 of 1, and agrees at 2 and 2^31 − 1 buckets', () => {
    const keys = Array.from({ length: 203 }, (_, i) => Math.imul(i + 7, 0x9e3779b1) >>> 0).concat([0, 1, 0xffffffff, 0x80000000]);
    expect(Array.from(run(keys, 1)).every((b) => b === 0)).toBe(true);
    for (const n of [2, 3, 2 ** 31 - 1, 2 ** 31 - 2]) {
      const out = run(keys, n);
      expect(Array.from(out), `n = ${n}`).toEqual(keys.map((k) => jumpHash(k, 0, n)));
      if (n === 2 ** 31 - 1) expect(Math.max(...out)).toBeGreaterThan(2 ** 30); // the walks got far
    }
  });

  it('agrees with the JS walk on up to 50 random keys in groups and tail, up to 2^31 − 1 buckets', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffffffff }), { maxLength: 50 }), fc.integer({ min: 1, max: 2 ** 31 - 1 }), (keys, n) => {
        const out = run(keys, n);
        return keys.every((k, i) => out[i] === jumpHash(k, 0, n));
      }),
      { numRuns: 1000, seed: 14 },
    );
  });

  it('grows its memory for 300,000 keys and still agrees, then works for a short input again', () => {
    const n = 300_000;
    const hashes = new Uint32Array(n);
    for (let i = 0; i < n; i++) hashes[i] = Math.imul(i + 1, 0x9e3779b1) >>> 0;
    const out = new Uint32Array(n);
    jumpBuckets(hashes, 24, out);
    for (let i = 0; i < n; i += 997) expect(out[i]).toBe(jumpHash(hashes[i], 0, 24));
    const small = new Uint32Array(2);
    jumpBuckets(hashes.subarray(5, 7), 24, small);
    expect(Array.from(small)).toEqual([jumpHash(hashes[5], 0, 24), jumpHash(hashes[6], 0, 24)]);
  });
});
