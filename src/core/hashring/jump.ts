/**
 * Jump consistent hash (Lamping & Veach, "A Fast, Minimal Memory, Consistent Hash Algorithm",
 * 2014). A key picks a bucket in [0, n) with no table at all: it follows a pseudo-random walk of
 * "jumps" b → j where j is where the key would next move as buckets are added; the last jump
 * below n is the answer. Adding bucket n moves exactly the keys whose walk lands on n (≈ 1/(n+1)
 * of them, all into the new bucket); only the LAST bucket can be removed without renumbering.
 *
 * The walk is driven by the 64-bit LCG key ← key·2862933555777941757 + 1 (mod 2^64); the next
 * jump is ⌊(b+1) · 2^31 / ((key >>> 33) + 1)⌋. The LCG runs here on two 32-bit halves (hi, lo)
 * so the hot path never touches BigInt: lo·lo needs its full 64-bit product (done in 16-bit
 * limbs), the cross terms only their low 32 bits (Math.imul). The division is done in doubles,
 * exactly as the paper's C++ does, so the results agree bit for bit.
 *
 * Placement runs the same walk over every key at once in WebAssembly (jump.wat, jumpBuckets):
 * 8 keys walk in lockstep in SIMD vectors (i64x2 for the LCG, f64x2 for the divide), so the
 * latency-bound chains of independent keys overlap and no branch depends on one key's walk —
 * about 2.5× faster than the kernel's one-key-at-a-time loop, 3× the JS walk over 100,000
 * keys. Its operations are the same integer and IEEE double ones, so it gives the same
 * buckets. Where WebAssembly SIMD is unavailable (Safari before 16.4), jumpBuckets runs the
 * one-key-at-a-time kernel (jump-scalar.wat, a little faster than the JS walk); without
 * WebAssembly, jumpHash.
 */
import { JUMP_WASM, JUMP_WASM_SCALAR } from './jumpWasm';

/** 2862933555777941757 = 0x27BB2EE6_87B0B0FD. */
const MUL_HI = 0x27bb2ee6;
const MUL_LO = 0x87b0b0fd;
const TWO_31 = 2147483648;

/** High 32 bits of the 64-bit product of two unsigned 32-bit integers (exact). */
export function mulHi32(a: number, b: number): number {
  const a0 = a & 0xffff;
  const a1 = a >>> 16;
  const b0 = b & 0xffff;
  const b1 = b >>> 16;
  // Each partial sum below stays under 2^32, so doubles hold it exactly.
  let t = a0 * b0;
  t = a1 * b0 + (t >>> 16);
  const w1 = t & 0xffff;
  const w2 = t >>> 16;
  t = a0 * b1 + w1;
  return (a1 * b1 + w2 + (t >>> 16)) >>> 0;
}

/**
 * The bucket in [0, buckets) of the 64-bit key (keyHi·2^32 + keyLo). `buckets` ≥ 1.
 * Our keys are 32-bit hashes, so callers pass keyHi = 0.
 */
export function jumpHash(keyLo: number, keyHi: number, buckets: number): number {
  let lo = keyLo >>> 0;
  let hi = keyHi >>> 0;
  let b = 0; // the first jump is always to bucket 0
  for (;;) {
    // key = key * MUL + 1 (mod 2^64)
    let nHi = (mulHi32(lo, MUL_LO) + Math.imul(hi, MUL_LO) + Math.imul(lo, MUL_HI)) >>> 0;
    const nLo = (Math.imul(lo, MUL_LO) + 1) >>> 0;
    if (nLo === 0) nHi = (nHi + 1) >>> 0; // the +1 carried
    lo = nLo;
    hi = nHi;
    // (key >>> 33) is hi >>> 1. The paper floors j and loops while j < buckets; floor(j) < n
    // exactly when j < n, so the floor is only taken (as |0, j < 2^31 there) when walking on.
    const j = (b + 1) * (TWO_31 / ((hi >>> 1) + 1));
    if (j >= buckets) return b;
    b = j | 0;
  }
}

interface JumpKernel {
  readonly memory: WebAssembly.Memory;
  jumpAll(keysOffset: number, outOffset: number, count: number, buckets: number): void;
}

/** Which walk jumpBuckets runs on: jump.wat (SIMD), jump-scalar.wat (no SIMD), or jumpHash. */
export type JumpKernelKind = 'simd' | 'scalar' | 'js';

const WASM_PAGE_BYTES = 65536;
/** Per module: undefined: not tried yet; null: this engine rejects it. */
const kernels: { simd?: JumpKernel | null; scalar?: JumpKernel | null } = {};
/** Tests: the fastest kernel no faster than this one. */
let ceiling: JumpKernelKind = 'simd';

function instantiate(kind: 'simd' | 'scalar'): JumpKernel | null {
  let k = kernels[kind];
  if (k === undefined) {
    try {
      // Synchronous compile: the modules are 1.3 KB and 0.2 KB (browsers allow it on any thread
      // below 4 KB). An engine without WebAssembly SIMD rejects jump.wat here.
      k = new WebAssembly.Instance(new WebAssembly.Module(kind === 'simd' ? JUMP_WASM : JUMP_WASM_SCALAR)).exports as unknown as JumpKernel;
    } catch {
      k = null;
    }
    kernels[kind] = k;
  }
  return k;
}

function jumpKernel(): JumpKernel | null {
  if (ceiling === 'simd') {
    const k = instantiate('simd');
    if (k !== null) return k;
  }
  return ceiling === 'js' ? null : instantiate('scalar');
}

/** The walk jumpBuckets runs on here: the fastest this engine takes. */
export function jumpKernelKind(): JumpKernelKind {
  const k = jumpKernel();
  return k === null ? 'js' : k === kernels.simd ? 'simd' : 'scalar';
}

/** Tests and the bench: run jumpBuckets on a slower kernel than the engine's best (or on it again: 'simd'). */
export function useJumpKernelForTests(kind: JumpKernelKind): void {
  ceiling = kind;
}

/** Whether jumpBuckets runs on a WebAssembly kernel here. */
export function jumpKernelAvailable(): boolean {
  return jumpKernel() !== null;
}

/**
 * out[i] = jumpHash(hashes[i], 0, buckets) for every i (`out` at least as long as `hashes`).
 * The kernel reads the keys from and writes the buckets to its own memory: two copies of
 * 4 bytes a key, a small price beside the walk.
 */
export function jumpBuckets(hashes: Uint32Array, buckets: number, out: Uint32Array): void {
  const n = hashes.length;
  const k = jumpKernel();
  if (k === null) {
    for (let i = 0; i < n; i++) out[i] = jumpHash(hashes[i], 0, buckets);
    return;
  }
  const needBytes = n * 8;
  const haveBytes = k.memory.buffer.byteLength;
  if (needBytes > haveBytes) k.memory.grow(Math.ceil((needBytes - haveBytes) / WASM_PAGE_BYTES));
  const mem = new Uint32Array(k.memory.buffer, 0, 2 * n);
  mem.set(hashes);
  k.jumpAll(0, n * 4, n, buckets);
  out.set(mem.subarray(n, 2 * n));
}
