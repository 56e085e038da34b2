;; Jump consistent hash (Lamping & Veach 2014) over many keys at once, for placement.
;; The same walk as jump.ts, with WebAssembly's native 64-bit multiply instead of 32-bit halves:
;; the LCG key ← key·2862933555777941757 + 1 (mod 2^64), the next jump
;; j = (b + 1) · (2^31 / ((key >> 33) + 1)) in f64, exactly the paper's operations, so the
;; buckets agree bit for bit with jump.ts (and the published vectors).
;;
;; jumpAll(keys, out, count, buckets): for i < count, out[i] = jump(keys[i], buckets), where
;; keys and out are byte offsets of u32 arrays in the exported memory and each key is a
;; 32-bit hash (its high word 0). Regenerate jumpWasm.ts with `node scripts/gen-jump-wasm.mjs`.
;;
;; Why SIMD and lockstep: one key's walk is a chain of dependent steps (multiply, shift,
;; convert, divide, multiply, compare), so a key-at-a-time loop waits on each step's latency
;; and mispredicts its exit once a key. Here 8 keys walk together in four f64x2/i64x2 vectors
;; of two lanes: the four chains overlap in the pipeline, and no branch depends on one key.
;; A lane whose walk has ended (j ≥ buckets) is masked off — its active mask $a turns to 0 and
;; stays 0, so its b is frozen at the answer while its key keeps stepping uselessly — and the
;; group ends when no lane is active (costing the longest walk of the 8, ≈ 1.6× the mean at
;; 10 buckets, far less than the overlap gains). The last count mod 8 keys walk one at a time.
;;
;; Bit-identical to the scalar walk by construction: every value is the same IEEE double:
;; - (key >> 33) + 1 ≤ 2^31 is converted to f64 exactly by the 2^52 trick: OR its bits into the
;;   mantissa of 2^52 (0x4330000000000000), then subtract 2^52 — exact for any integer < 2^52;
;; - b + 1 ≤ 2^31 is exact in f64, so f64x2.div and f64x2.mul round exactly as f64.div/f64.mul;
;; - floor(j) < n exactly when j < n, and while a lane walks on j < n < 2^31, so
;;   f64x2.trunc(j) is the paper's floor and b stays an exact integer in f64;
;; - b < 2^31 at the end, so i32x4.trunc_sat_f64x2_s_zero writes it unchanged.
;; No reciprocal replaces the divide: its divisor changes at every step, so a reciprocal
;; would cost a divide of its own (and round twice).
(module
  (memory (export "memory") 1)

  ;; One key's walk (the tail of jumpAll): the bucket of `key` among the buckets below `limit`.
  (func $walk (param $key i64) (param $limit f64) (result i32)
    (local $b i32) (local $j f64)
    (block $found
      (loop $step
        (local.set $key (i64.add (i64.mul (local.get $key) (i64.const 2862933555777941757)) (i64.const 1)))
        ;; Both conversions are of values below 2^31, so the signed (one-instruction) ones are exact.
        (local.set $j
          (f64.mul
            (f64.convert_i32_s (i32.add (local.get $b) (i32.const 1)))
            (f64.div (f64.const 0x1p31)
              (f64.convert_i64_s (i64.add (i64.shr_u (local.get $key) (i64.const 33)) (i64.const 1))))))
        ;; The paper loops while floor(j) < buckets; floor(j) < n exactly when j < n.
        (br_if $found (f64.ge (local.get $j) (local.get $limit)))
        (local.set $b (i32.trunc_f64_s (local.get $j)))
        (br $step)))
    (local.get $b))

  (func (export "jumpAll") (param $keys i32) (param $out i32) (param $count i32) (param $buckets i32)
    (local $p i32) (local $q i32) (local $end i32) (local $n f64) (local $limit v128) (local $eight v128)
    ;; Per vector v (lanes 2v, 2v+1): $k the LCG state, $b the bucket so far (f64),
    ;; $a all-ones while the lane still walks, $j the next jump.
    (local $k0 v128) (local $b0 v128) (local $a0 v128) (local $j0 v128)
    (local $k1 v128) (local $b1 v128) (local $a1 v128) (local $j1 v128)
    (local $k2 v128) (local $b2 v128) (local $a2 v128) (local $j2 v128)
    (local $k3 v128) (local $b3 v128) (local $a3 v128) (local $j3 v128)
    (local.set $n (f64.convert_i32_u (local.get $buckets)))
    (local.set $limit (f64x2.splat (local.get $n)))
    (local.set $p (local.get $keys))
    (local.set $q (local.get $out))
    ;; Groups of 8 keys up to the last whole group.
    (local.set $end (i32.add (local.get $keys) (i32.shl (i32.and (local.get $count) (i32.const -8)) (i32.const 2))))
    (block $groupsDone
      (loop $group
        (br_if $groupsDone (i32.ge_u (local.get $p) (local.get $end)))
        ;; 8 u32 keys, zero-extended into four i64x2.
        (local.set $eight (v128.load (local.get $p)))
        (local.set $k0 (i64x2.extend_low_i32x4_u (local.get $eight)))
        (local.set $k1 (i64x2.extend_high_i32x4_u (local.get $eight)))
        (local.set $eight (v128.load offset=16 (local.get $p)))
        (local.set $k2 (i64x2.extend_low_i32x4_u (local.get $eight)))
        (local.set $k3 (i64x2.extend_high_i32x4_u (local.get $eight)))
        ;; Every walk starts at bucket 0, every lane active.
        (local.set $b0 (v128.const f64x2 0 0))
        (local.set $b1 (v128.const f64x2 0 0))
        (local.set $b2 (v128.const f64x2 0 0))
        (local.set $b3 (v128.const f64x2 0 0))
        (local.set $a0 (v128.const i64x2 -1 -1))
        (local.set $a1 (v128.const i64x2 -1 -1))
        (local.set $a2 (v128.const i64x2 -1 -1))
        (local.set $a3 (v128.const i64x2 -1 -1))
        (loop $step
        ;; lanes 0, 1
        (local.set $k0 (i64x2.add (i64x2.mul (local.get $k0) (v128.const i64x2 2862933555777941757 2862933555777941757)) (v128.const i64x2 1 1)))
        (local.set $j0
          (f64x2.mul
            (f64x2.add (local.get $b0) (v128.const f64x2 1 1))
            (f64x2.div (v128.const f64x2 0x1p31 0x1p31)
              (f64x2.sub
                (v128.or (i64x2.add (i64x2.shr_u (local.get $k0) (i32.const 33)) (v128.const i64x2 1 1))
                         (v128.const i64x2 0x4330000000000000 0x4330000000000000))
                (v128.const f64x2 0x1p52 0x1p52)))))
        (local.set $a0 (v128.and (local.get $a0) (f64x2.lt (local.get $j0) (local.get $limit))))
        (local.set $b0 (v128.bitselect (f64x2.trunc (local.get $j0)) (local.get $b0) (local.get $a0)))
        ;; lanes 2, 3
        (local.set $k1 (i64x2.add (i64x2.mul (local.get $k1) (v128.const i64x2 2862933555777941757 2862933555777941757)) (v128.const i64x2 1 1)))
        (local.set $j1
          (f64x2.mul
            (f64x2.add (local.get $b1) (v128.const f64x2 1 1))
            (f64x2.div (v128.const f64x2 0x1p31 0x1p31)
              (f64x2.sub
                (v128.or (i64x2.add (i64x2.shr_u (local.get $k1) (i32.const 33)) (v128.const i64x2 1 1))
                         (v128.const i64x2 0x4330000000000000 0x4330000000000000))
                (v128.const f64x2 0x1p52 0x1p52)))))
        (local.set $a1 (v128.and (local.get $a1) (f64x2.lt (local.get $j1) (local.get $limit))))
        (local.set $b1 (v128.bitselect (f64x2.trunc (local.get $j1)) (local.get $b1) (local.get $a1)))
        ;; lanes 4, 5
        (local.set $k2 (i64x2.add (i64x2.mul (local.get $k2) (v128.const i64x2 2862933555777941757 2862933555777941757)) (v128.const i64x2 1 1)))
        (local.set $j2
          (f64x2.mul
            (f64x2.add (local.get $b2) (v128.const f64x2 1 1))
            (f64x2.div (v128.const f64x2 0x1p31 0x1p31)
              (f64x2.sub
                (v128.or (i64x2.add (i64x2.shr_u (local.get $k2) (i32.const 33)) (v128.const i64x2 1 1))
                         (v128.const i64x2 0x4330000000000000 0x4330000000000000))
                (v128.const f64x2 0x1p52 0x1p52)))))
        (local.set $a2 (v128.and (local.get $a2) (f64x2.lt (local.get $j2) (local.get $limit))))
        (local.set $b2 (v128.bitselect (f64x2.trunc (local.get $j2)) (local.get $b2) (local.get $a2)))
        ;; lanes 6, 7
        (local.set $k3 (i64x2.add (i64x2.mul (local.get $k3) (v128.const i64x2 2862933555777941757 2862933555777941757)) (v128.const i64x2 1 1)))
        (local.set $j3
          (f64x2.mul
            (f64x2.add (local.get $b3) (v128.const f64x2 1 1))
            (f64x2.div (v128.const f64x2 0x1p31 0x1p31)
              (f64x2.sub
                (v128.or (i64x2.add (i64x2.shr_u (local.get $k3) (i32.const 33)) (v128.const i64x2 1 1))
                         (v128.const i64x2 0x4330000000000000 0x4330000000000000))
                (v128.const f64x2 0x1p52 0x1p52)))))
        (local.set $a3 (v128.and (local.get $a3) (f64x2.lt (local.get $j3) (local.get $limit))))
        (local.set $b3 (v128.bitselect (f64x2.trunc (local.get $j3)) (local.get $b3) (local.get $a3)))
        (br_if $step
          (v128.any_true (v128.or (v128.or (local.get $a0) (local.get $a1)) (v128.or (local.get $a2) (local.get $a3))))))
        ;; b < 2^31: each vector's two buckets as two u32.
        (v128.store64_lane offset=0 0 (local.get $q) (i32x4.trunc_sat_f64x2_s_zero (local.get $b0)))
        (v128.store64_lane offset=8 0 (local.get $q) (i32x4.trunc_sat_f64x2_s_zero (local.get $b1)))
        (v128.store64_lane offset=16 0 (local.get $q) (i32x4.trunc_sat_f64x2_s_zero (local.get $b2)))
        (v128.store64_lane offset=24 0 (local.get $q) (i32x4.trunc_sat_f64x2_s_zero (local.get $b3)))
        (local.set $p (i32.add (local.get $p) (i32.const 32)))
        (local.set $q (i32.add (local.get $q) (i32.const 32)))
        (br $group)))
    ;; The last count mod 8 keys, one at a time.
    (local.set $end (i32.add (local.get $keys) (i32.shl (local.get $count) (i32.const 2))))
    (block $tailDone
      (loop $tail
        (br_if $tailDone (i32.ge_u (local.get $p) (local.get $end)))
        (i32.store (local.get $q) (call $walk (i64.load32_u (local.get $p)) (local.get $n)))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (local.set $q (i32.add (local.get $q) (i32.const 4)))
        (br $tail)))))
