/**
 * A generic linearizability checker over a history of operations against a sequential model,
 * in the style of Porcupine (Athalye): Wing & Gong's search, with Lowe's memoization
 * ("Testing for linearizability", 2017) and per-object partitioning.
 *
 * - The history: each operation has an invoke and a complete time. One that never completed
 *   (`complete: null`) may or may not have taken effect: it gets complete = +∞ and its output
 *   is unknown (the model's `step` is called with `output` undefined and answers the state
 *   after the operation as the sequential spec runs it). Linearized last it changes nothing
 *   anyone saw, which is "did not take effect".
 * - The search: the call and return events sorted by time (a call before a return at equal
 *   times, so operations that touch in time are concurrent: the permissive reading of integer
 *   virtual time), kept as a doubly linked list. Walking from the head, a call whose operation
 *   no unlinearized operation's return precedes is a candidate; linearizing it lifts its call
 *   and return out of the list and pushes (entry, previous state) on an explicit stack (no
 *   recursion: 10,000 operations do not overflow); a return reached before its call is lifted
 *   means that operation had to be next and nothing fits, so the last choice is undone (its
 *   entries relinked, dancing-links style) and the walk continues after it. At each point the
 *   relaxed operations are tried first, then the other completed ones, then the pending ones.
 * - Memoization: a (set of linearized operations, model state) pair once reached is never
 *   searched again — what can follow depends only on those two. The set is a bitset with an
 *   incremental Zobrist hash; the state is named by `model.key`.
 * - Relaxed operations (`relaxed: true`): sequentially consistent only, as a ZooKeeper read
 *   served by a possibly lagging server. Such an operation must still come before every
 *   operation invoked after it completed (its return blocks later calls like any other), but
 *   it only has to come after its own client's operations that completed before it was invoked
 *   (program order), not after other clients'. The walk therefore goes on past a return entry
 *   looking for relaxed calls of clients that no passed return belongs to.
 * - Bounded: `budget` model steps in all (default DEFAULT_BUDGET); past it the answer is
 *   'unknown', never a guess.
 *
 * Pure and deterministic: no clocks, no randomness (the Zobrist keys come from a fixed mix of
 * the operation's index), iteration in index order.
 */
import { fmix32, murmur3 } from '../hashring/hash';

/** A sequential specification. States must be treated as immutable: `step` returns a new one. */
export interface LinModel<S, I, O> {
  init(): S;
  /**
   * The state after `input` with result `output` from `state`, or null when that output is
   * impossible from that state. `output` undefined: the operation never completed, any
   * output is acceptable (answer the state after it as the spec runs it).
   */
  step(state: S, input: I, output: O | undefined): S | null;
  /** A string that is equal for two states exactly when they are interchangeable (memo key). */
  key(state: S): string;
  /**
   * Optional: a 32-bit hash of the state, equal for equal keys. When given, the memo buckets by
   * it and calls `key` only to confirm a hit (a cheap incremental hash saves building keys).
   */
  hash?(state: S): number;
  /** Optional: equality consistent with `key`, for the memo to use instead of comparing keys. */
  equals?(a: S, b: S): boolean;
  /** Split a history into independent sub-histories (objects), each checked apart. */
  partition?(history: readonly LinOp<I, O>[]): LinOp<I, O>[][];
}

export interface LinOp<I, O> {
  /** Unique within the history; the order and culprits name operations by it. */
  id: number;
  client: number;
  input: I;
  /** Ignored when the operation never completed. */
  output: O;
  invoke: number;
  /** null: never completed (may or may not have taken effect). */
  complete: number | null;
  /** Sequentially consistent only (see the file comment). */
  relaxed?: boolean;
}

export type LinResult =
  /** `order`: the operation ids in the linearization found. */
  | { ok: true; order: number[]; steps: number }
  /**
   * Not linearizable. `partial`: the longest linearized prefix the search reached (operation
   * ids); `culprits`: at that point, the operations that had to come next or were tried next
   * and whose output no order allowed.
   */
  | { ok: false; partial: number[]; culprits: number[]; steps: number }
  /** The step budget ran out before an answer. `partial` as above, so far. */
  | { ok: 'unknown'; reason: 'budget'; partial: number[]; steps: number };

export interface LinOptions {
  /** Model steps allowed in all (every partition together). */
  budget?: number;
}

/** Enough for a 10,000-operation history with real concurrency; a pathological one stops with 'unknown'. */
export const DEFAULT_BUDGET = 5_000_000;

interface MemoEntry<S> {
  bits: Uint32Array;
  state: S;
}

/**
 * The memo table: (linearized set, state) pairs, bucketed by a 53-bit hash of the set's
 * Zobrist hash and the state's hash, and compared exactly (the set bit by bit, the state by
 * `model.key`), so a hash collision never prunes a branch.
 */
class Memo<S> {
  private readonly table = new Map<number, MemoEntry<S>[]>();

  constructor(private readonly same: (a: S, b: S) => boolean) {}

  /** Adds the pair; false when it was already there. */
  add(h: number, bits: Uint32Array, state: S): boolean {
    const bucket = this.table.get(h);
    if (bucket === undefined) {
      this.table.set(h, [{ bits: bits.slice(), state }]);
      return true;
    }
    for (const e of bucket) if (sameBits(e.bits, bits) && (e.state === state || this.same(e.state, state))) return false;
    bucket.push({ bits: bits.slice(), state });
    return true;
  }
}

function sameBits(a: Uint32Array, b: Uint32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

interface Frame<S> {
  /** The op linearized by this step. */
  op: number;
  state: S;
  /** The cursor that found it (see nextCandidate): pass, and client/position or list entry. */
  pass: number;
  k: number;
  j: number;
  entry: number;
  /** Pass 1/2: the clients the walk had passed a return of (null: none). */
  blocked: number[] | null;
}

/** Checks one (sub-)history. `budget`: model steps allowed. */
export function checkHistory<S, I, O>(model: LinModel<S, I, O>, history: readonly LinOp<I, O>[], opts: LinOptions = {}): LinResult {
  const budget = opts.budget ?? DEFAULT_BUDGET;
  const n = history.length;
  // Clients as dense indices, in order of first appearance (deterministic).
  const clientIdx = new Map<number, number>();
  const clientOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = history[i].client;
    let k = clientIdx.get(c);
    if (k === undefined) clientIdx.set(c, (k = clientIdx.size));
    clientOf[i] = k;
  }
  const clients = clientIdx.size;
  const relaxed = new Uint8Array(n);
  for (let i = 0; i < n; i++) relaxed[i] = history[i].relaxed === true ? 1 : 0;

  // Events 1..2n (op i: call 2i+1, return 2i+2), head sentinel 0, tail sentinel 2n+1.
  const events: number[] = [];
  for (let i = 0; i < n; i++) events.push(2 * i + 1, 2 * i + 2);
  const timeOf = (e: number): number => {
    const op = history[(e - 1) >> 1];
    if ((e & 1) === 1) return op.invoke;
    return op.complete === null ? Infinity : op.complete;
  };
  events.sort((a, b) => {
    const ta = timeOf(a);
    const tb = timeOf(b);
    if (ta !== tb) return ta < tb ? -1 : 1;
    const ka = (a & 1) === 1 ? 0 : 1;
    const kb = (b & 1) === 1 ? 0 : 1;
    if (ka !== kb) return ka - kb;
    return a - b;
  });
  const tail = 2 * n + 1;
  const next = new Int32Array(2 * n + 2);
  const prev = new Int32Array(2 * n + 2);
  /** Each event's rank in the sorted order: "Y returned before X was called" is pos[ret Y] < pos[call X]. */
  const pos = new Int32Array(2 * n + 2);
  let last = 0;
  events.forEach((e, r) => {
    next[last] = e;
    prev[e] = last;
    pos[e] = r;
    last = e;
  });
  next[last] = tail;
  prev[tail] = last;

  const unlink = (e: number) => {
    next[prev[e]] = next[e];
    prev[next[e]] = prev[e];
  };
  const relink = (e: number) => {
    next[prev[e]] = e;
    prev[next[e]] = e;
  };

  // Each client's ops in call order, and the first one not yet linearized.
  const clientOps: number[][] = Array.from({ length: clients }, () => []);
  for (const e of events) if ((e & 1) === 1) clientOps[clientOf[(e - 1) >> 1]].push((e - 1) >> 1);
  const placeInClient = new Int32Array(n);
  for (const list of clientOps) list.forEach((i, q) => (placeInClient[i] = q));
  const firstOpen = new Int32Array(clients);
  const linearized = new Uint8Array(n);

  // At each point the candidates are tried in three passes: relaxed ops first (a sequentially
  // consistent read is best placed at the earliest point it fits: that only frees what
  // follows), then the other completed ops, then the pending ones (a pending op takes effect
  // only where something needs it). Every candidate is still tried, so the answers are the
  // same; the search is far shorter on histories with stale reads and with pending ops that,
  // as usual, changed nothing anyone saw.
  const passOf = (i: number) => (history[i].complete === null ? 2 : relaxed[i] === 1 ? 0 : 1);
  const passLeft = [0, 0, 0];
  const relaxedLeft = new Int32Array(clients);
  let relaxedPendingLeft = 0;
  for (let i = 0; i < n; i++) {
    passLeft[passOf(i)]++;
    if (relaxed[i] === 1) relaxedLeft[clientOf[i]]++;
    if (relaxed[i] === 1 && passOf(i) === 2) relaxedPendingLeft++;
  }

  const zob1 = new Uint32Array(n);
  const zob2 = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    zob1[i] = fmix32(i * 2 + 1);
    zob2[i] = fmix32((i * 2 + 2) ^ 0x51ed2700);
  }
  const bits = new Uint32Array((n + 31) >>> 5);
  let h1 = 0;
  let h2 = 0;
  const flip = (i: number) => {
    bits[i >>> 5] ^= 1 << (i & 31);
    h1 = (h1 ^ zob1[i]) >>> 0;
    h2 = (h2 ^ zob2[i]) >>> 0;
  };
  const memo = new Memo<S>(model.equals ? (a, b) => model.equals!(a, b) : (a, b) => model.key(a) === model.key(b));
  const stateHash = model.hash ? (x: S) => model.hash!(x) : (x: S) => murmur3(model.key(x));

  const stack: Frame<S>[] = [];
  let state = model.init();
  let steps = 0;
  let open = n;

  // Culprit bookkeeping for the deepest point reached.
  let bestDepth = 0;
  let atBest = true;
  let partial: number[] = [];
  const culprits: number[] = [];
  const blame = (i: number) => {
    if (atBest && !culprits.includes(history[i].id)) culprits.push(history[i].id);
  };
  const orderOfStack = () => stack.map((f) => history[f.op].id);

  // ---- the cursor: where the search of candidates at the current point stands ----
  // Pass 0 goes client by client (k), through each client's open ops in call order (j: the
  // last position tried), while no open op of that client returned before the op's call.
  // Passes 1 and 2 walk the event list from the head (entry: the last visited) and stop at
  // the first return whose call is still there — except that, past it, relaxed pending ops of
  // clients no passed return belongs to are still candidates.
  let pass = 0;
  let k = 0;
  let j = -1;
  let entry = 0;
  const blocked = new Uint8Array(clients);
  const blockedList: number[] = [];
  let strictBlocked = false;
  const setWalk = (p: number, snapshot: number[] | null) => {
    pass = p;
    for (const c of blockedList) blocked[c] = 0;
    blockedList.length = 0;
    strictBlocked = snapshot !== null;
    if (snapshot !== null)
      for (const c of snapshot) {
        blocked[c] = 1;
        blockedList.push(c);
      }
  };
  const restart = () => {
    k = 0;
    j = -1;
    entry = 0;
    setWalk(0, null);
  };

  /** The next candidate op at this point after the cursor, or −1 when there is none left. */
  const nextCandidate = (): number => {
    for (;;) {
      if (pass === 0) {
        if (passLeft[0] > 0)
          for (; k < clients; k++, j = -1) {
            if (relaxedLeft[k] === 0) continue;
            const list = clientOps[k];
            let minRet = Infinity;
            for (let q = firstOpen[k]; q < list.length; q++) {
              const i = list[q];
              if (linearized[i] === 1) continue;
              if (minRet < pos[2 * i + 1]) break;
              if (q > j && relaxed[i] === 1 && history[i].complete !== null) {
                j = q;
                return i;
              }
              minRet = Math.min(minRet, pos[2 * i + 2]);
            }
          }
        entry = 0;
        setWalk(1, null);
        continue;
      }
      if (passLeft[pass] > 0)
        for (;;) {
          entry = next[entry];
          if (entry === tail) break;
          if ((entry & 1) === 1) {
            const i = (entry - 1) >> 1;
            if (passOf(i) === pass && (!strictBlocked || (relaxed[i] === 1 && blocked[clientOf[i]] === 0))) return i;
          } else {
            const i = (entry - 2) >> 1;
            if (!strictBlocked) blame(i);
            strictBlocked = true;
            const c = clientOf[i];
            if (blocked[c] === 0) {
              blocked[c] = 1;
              blockedList.push(c);
            }
            if (pass === 1 || relaxedPendingLeft === 0) break;
          }
        }
      if (pass === 1) {
        entry = 0;
        setWalk(2, null);
        continue;
      }
      return -1;
    }
  };

  const lift = (i: number) => {
    linearized[i] = 1;
    unlink(2 * i + 1);
    unlink(2 * i + 2);
    flip(i);
    passLeft[passOf(i)]--;
    const c = clientOf[i];
    if (relaxed[i] === 1) relaxedLeft[c]--;
    if (relaxed[i] === 1 && passOf(i) === 2) relaxedPendingLeft--;
    const list = clientOps[c];
    while (firstOpen[c] < list.length && linearized[list[firstOpen[c]]] === 1) firstOpen[c]++;
    open--;
  };
  const unlift = (i: number) => {
    linearized[i] = 0;
    relink(2 * i + 2);
    relink(2 * i + 1);
    flip(i);
    passLeft[passOf(i)]++;
    const c = clientOf[i];
    if (relaxed[i] === 1) relaxedLeft[c]++;
    if (relaxed[i] === 1 && passOf(i) === 2) relaxedPendingLeft++;
    firstOpen[c] = Math.min(firstOpen[c], placeInClient[i]);
    open++;
  };

  restart();
  for (;;) {
    if (open === 0) return { ok: true, order: orderOfStack(), steps };
    const i = nextCandidate();
    if (i >= 0) {
      if (steps >= budget) return { ok: 'unknown', reason: 'budget', partial: atBest ? orderOfStack() : partial, steps };
      steps++;
      const op = history[i];
      const after = model.step(state, op.input, op.complete === null ? undefined : op.output);
      if (after === null) {
        blame(i);
        continue;
      }
      flip(i);
      const hk = ((h1 ^ stateHash(after)) >>> 0) * 2097152 + (h2 & 0x1fffff);
      const fresh = memo.add(hk, bits, after);
      flip(i);
      if (!fresh) continue;
      stack.push({ op: i, state, pass, k, j, entry, blocked: strictBlocked ? blockedList.slice() : null });
      state = after;
      lift(i);
      if (stack.length > bestDepth) {
        bestDepth = stack.length;
        atBest = true;
        culprits.length = 0;
      }
      restart();
      continue;
    }
    // No candidate fits here: undo the last choice and go on after it.
    if (atBest) {
      partial = orderOfStack();
      atBest = false;
    }
    const top = stack.pop();
    if (top === undefined) return { ok: false, partial, culprits: culprits.slice(), steps };
    unlift(top.op);
    state = top.state;
    k = top.k;
    j = top.j;
    entry = top.entry;
    setWalk(top.pass, top.blocked);
  }
}

/** The result over every partition: ok only when each is; `order` merges the partitions' orders. */
export type PartitionedResult<I = unknown, O = unknown> = LinResult & {
  /** Each partition's own result, in the order `partition` gave them (up to the first that did not pass). */
  partitions: LinResult[];
  /** The sub-histories, as `partition` gave them. */
  histories: LinOp<I, O>[][];
};

/**
 * Checks a history partition by partition (the model's `partition`, else as one), with one
 * step budget for all. The first partition that fails (or runs out) decides the answer; its
 * `partial`/`culprits` are reported. On success, `order` interleaves the partitions'
 * linearizations by each operation's earliest possible linearization point (a valid global
 * order for the strict operations, by locality; relaxed ones sit where their partition put them).
 */
export function checkLinearizable<S, I, O>(model: LinModel<S, I, O>, history: readonly LinOp<I, O>[], opts: LinOptions = {}): PartitionedResult<I, O> {
  const parts = model.partition ? model.partition(history) : [history.slice()];
  let left = opts.budget ?? DEFAULT_BUDGET;
  let steps = 0;
  const results: LinResult[] = [];
  for (const part of parts) {
    const r = checkHistory(model, part, { budget: left });
    results.push(r);
    steps += r.steps;
    left -= r.steps;
    if (r.ok !== true) return { ...r, steps, partitions: results, histories: parts };
  }
  return { ok: true, order: mergeOrders(parts, results), steps, partitions: results, histories: parts };
}

function mergeOrders<I, O>(parts: readonly (readonly LinOp<I, O>[])[], results: readonly LinResult[]): number[] {
  const points: { id: number; at: number; part: number; rank: number }[] = [];
  parts.forEach((part, p) => {
    const r = results[p];
    if (r.ok !== true) return;
    const byId = new Map(part.map((op) => [op.id, op]));
    let at = -Infinity;
    r.order.forEach((id, rank) => {
      const op = byId.get(id);
      if (op !== undefined && op.relaxed !== true) at = Math.max(at, op.invoke);
      points.push({ id, at, part: p, rank });
    });
  });
  points.sort((a, b) => (a.at !== b.at ? (a.at < b.at ? -1 : 1) : a.part !== b.part ? a.part - b.part : a.rank - b.rank));
  return points.map((x) => x.id);
}
