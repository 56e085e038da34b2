/** A read/write register as a LinModel, and a brute-force enumerator to check the search against. */
import type { LinModel, LinOp } from '../../../../src/core/coord/linearizability';

export type RegIn = { op: 'w'; v: number } | { op: 'r' };
export type RegOp = LinOp<RegIn, number | null>;

export const register: LinModel<number, RegIn, number | null> = {
  init: () => 0,
  step: (s, input, output) => {
    if (input.op === 'w') return input.v;
    return output === undefined || output === s ? s : null;
  },
  key: (s) => String(s),
};

/** A register per key: inputs carry the key, partitions split by it. */
export type KvIn = { key: string; op: 'w'; v: number } | { key: string; op: 'r' };
export const kv: LinModel<Record<string, number>, KvIn, number | null> = {
  init: () => ({}),
  step: (s, input, output) => {
    const cur = s[input.key] ?? 0;
    if (input.op === 'w') return { ...s, [input.key]: input.v };
    return output === undefined || output === cur ? s : null;
  },
  key: (s) => JSON.stringify(Object.keys(s).sort().map((k) => [k, s[k]])),
  partition: (h) => {
    const by = new Map<string, LinOp<KvIn, number | null>[]>();
    for (const op of h) {
      const list = by.get(op.input.key) ?? [];
      list.push(op);
      by.set(op.input.key, list);
    }
    return [...by.keys()].sort().map((k) => by.get(k) ?? []);
  },
};

let nextId = 0;
export function w(client: number, v: number, invoke: number, complete: number | null): RegOp {
  return { id: nextId++, client, input: { op: 'w', v }, output: null, invoke, complete };
}
export function r(client: number, v: number, invoke: number, complete: number | null, relaxed = false): RegOp {
  return { id: nextId++, client, input: { op: 'r' }, output: v, invoke, complete, relaxed };
}

const end = (op: LinOp<unknown, unknown>) => (op.complete === null ? Infinity : op.complete);

/** Must `a` come before `b` in every valid order? (real time; program order only for a relaxed `b`) */
export function mustPrecede(a: LinOp<unknown, unknown>, b: LinOp<unknown, unknown>): boolean {
  if (!(end(a) < b.invoke)) return false;
  return b.relaxed !== true || a.client === b.client;
}

/** Is `order` (ids) a valid linearization of `h` under `model`? */
export function validOrder<S, I, O>(model: LinModel<S, I, O>, h: readonly LinOp<I, O>[], order: readonly number[]): boolean {
  if (order.length !== h.length || new Set(order).size !== h.length) return false;
  const byId = new Map(h.map((op) => [op.id, op]));
  const seq = order.map((id) => byId.get(id));
  if (seq.some((op) => op === undefined)) return false;
  const ops = seq as LinOp<I, O>[];
  for (let i = 0; i < ops.length; i++) for (let j = i + 1; j < ops.length; j++) if (mustPrecede(ops[j], ops[i])) return false;
  let s: S | null = model.init();
  for (const op of ops) {
    s = model.step(s, op.input, op.complete === null ? undefined : op.output);
    if (s === null) return false;
  }
  return true;
}

/** Every permutation, plainly: is there a valid order? (small histories only) */
export function bruteForce<S, I, O>(model: LinModel<S, I, O>, h: readonly LinOp<I, O>[]): boolean {
  const used = new Array<boolean>(h.length).fill(false);
  const go = (s: S, placed: number): boolean => {
    if (placed === h.length) return true;
    for (let i = 0; i < h.length; i++) {
      if (used[i]) continue;
      // Every op that must precede h[i] is already placed.
      let ready = true;
      for (let j = 0; j < h.length; j++) if (!used[j] && j !== i && mustPrecede(h[j], h[i])) ready = false;
      if (!ready) continue;
      const after = model.step(s, h[i].input, h[i].complete === null ? undefined : h[i].output);
      if (after === null) continue;
      used[i] = true;
      if (go(after, placed + 1)) return true;
      used[i] = false;
    }
    return false;
  };
  return go(model.init(), 0);
}
