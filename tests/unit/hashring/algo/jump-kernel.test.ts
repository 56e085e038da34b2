/** The WebAssembly jump kernel (jump.wat): the committed bytes are the .wat's, and it gives jumpHash's buckets. */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { jumpBuckets, jumpHash, jumpKernelAvailable, useJsJumpForTests } from '../../../../src/core/hashring/jump';
import { JUMP_WASM } from '../../../../src/core/hashring/jumpWasm';
// @ts-expect-error: a plain .mjs helper shared with the generator script (no types).
import { assembleJumpWat } from '../../../../scripts/jump-wasm-assemble.mjs';

afterEach(() => useJsJumpForTests(false));

describe('jump kernel', () => {
  it('jumpWasm.ts holds exactly the bytes jump.wat assembles to (regenerate with scripts/gen-jump-wasm.mjs)', async () => {
    const wat = readFileSync(new URL('../../../../src/core/hashring/jump.wat', import.meta.url), 'utf8');
    const bytes: Uint8Array = await assembleJumpWat(wat);
    expect(Array.from(JUMP_WASM)).toEqual(Array.from(bytes));
  });

  it('runs on WebAssembly in Node', () => {
    expect(jumpKernelAvailable()).toBe(true);
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

  it('falls back to the JS walk with the same buckets', () => {
    const hashes = Uint32Array.of(1, 2, 3, 0xffffffff, 0);
    const wasm = new Uint32Array(5);
    jumpBuckets(hashes, 10, wasm);
    useJsJumpForTests(true);
    expect(jumpKernelAvailable()).toBe(false);
    const js = new Uint32Array(5);
    jumpBuckets(hashes, 10, js);
    expect(Array.from(js)).toEqual(Array.from(wasm));
  });
});
