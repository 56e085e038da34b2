;; Jump consistent hash over many keys, one key at a time: the kernel for engines without
;; WebAssembly SIMD (jump.wat is the one used where SIMD is available, ~2.5× faster). The same
;; walk and operations as jump.ts and jump.wat, so the same buckets; the same jumpAll(keys,
;; out, count, buckets) contract. Regenerate jumpWasm.ts with `node scripts/gen-jump-wasm.mjs`.
(module
  (memory (export "memory") 1)
  (func (export "jumpAll") (param $keys i32) (param $out i32) (param $count i32) (param $buckets i32)
    (local $p i32) (local $q i32) (local $end i32) (local $key i64) (local $b i32) (local $j f64) (local $n f64)
    (local.set $n (f64.convert_i32_u (local.get $buckets)))
    (local.set $p (local.get $keys))
    (local.set $q (local.get $out))
    (local.set $end (i32.add (local.get $keys) (i32.shl (local.get $count) (i32.const 2))))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $key (i64.load32_u (local.get $p)))
        (local.set $b (i32.const 0))
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
            (br_if $found (f64.ge (local.get $j) (local.get $n)))
            (local.set $b (i32.trunc_f64_s (local.get $j)))
            (br $step)))
        (i32.store (local.get $q) (local.get $b))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (local.set $q (i32.add (local.get $q) (i32.const 4)))
        (br $each)))))
