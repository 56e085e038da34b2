/**
 * Typed arrays crossing a worker boundary are transferred, not cloned: copied once on the
 * sending side (the sender may keep the originals, e.g. in a cache) and their buffers
 * handed over, so the receiving thread does not deserialize them.
 */

/** `v` with its typed arrays (itself, or its own fields one level down) copied, and the copies' buffers. */
export function detachable(v: unknown): { value: unknown; buffers: ArrayBuffer[] } {
  const buffers: ArrayBuffer[] = [];
  const copy = (x: unknown): unknown => {
    if (ArrayBuffer.isView(x) && !(x instanceof DataView)) {
      const c = (x as Uint8Array).slice();
      buffers.push(c.buffer);
      return c;
    }
    return x;
  };
  if (ArrayBuffer.isView(v)) return { value: copy(v), buffers };
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return { value: v, buffers };
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = copy(x);
  return buffers.length > 0 ? { value: out, buffers } : { value: v, buffers };
}
