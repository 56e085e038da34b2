;; Jump consistent hash (Lamping & Veach 2014) over many keys at once, for placement.
;; The same walk as jump.ts, with WebAssembly's native i64 multiply instead of 32-bit halves:
;; the LCG key ← key·2862933555777941757 + 1 (mod 2^64), the next jump
;; j = (b + 1) · (2^31 / ((key >> 33) + 1)) in f64, exactly the paper's operations, so the
;; buckets agree bit for bit with jump.ts (and the published vectors).
;;
;; jumpAll(keys, out, count, buckets): for i < count, out[i] = jump(keys[i], buckets), where
;; keys and out are byte offsets of u32 arrays in the exported memory and each key is a
;; 32-bit hash (its high word 0). Regenerate jumpWasm.ts with `node scripts/gen-jump-wasm.mjs`.
(module
  (memory (export "memory") 1)
  (func (export "jumpAll") (param $keys i32) (param $out i32) (param $count i32) (param $buckets i32)
    (local $i i32) (local $key i64) (local $b i64) (local $j f64) (local $limit f64)
    (local.set $limit (f64.convert_i32_u (local.get $buckets)))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $i) (local.get $count)))
        (local.set $key (i64.extend_i32_u (i32.load (i32.add (local.get $keys) (i32.shl (local.get $i) (i32.const 2))))))
        (local.set $b (i64.const 0))
        (block $found
          (loop $walk
            (local.set $key (i64.add (i64.mul (local.get $key) (i64.const 2862933555777941757)) (i64.const 1)))
            (local.set $j
              (f64.mul
                (f64.convert_i64_s (i64.add (local.get $b) (i64.const 1)))
                (f64.div (f64.const 2147483648)
                  (f64.convert_i64_u (i64.add (i64.shr_u (local.get $key) (i64.const 33)) (i64.const 1))))))
            ;; The paper loops while floor(j) < buckets; floor(j) < n exactly when j < n.
            (br_if $found (f64.ge (local.get $j) (local.get $limit)))
            (local.set $b (i64.trunc_f64_s (local.get $j)))
            (br $walk)))
        (i32.store (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 2))) (i32.wrap_i64 (local.get $b)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $each)))))
