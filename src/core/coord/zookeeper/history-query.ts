/**
 * The `linearization` query (SimApi.query on a ZooKeeper service scenario): what the
 * linearizability check (./linearizable.ts) finds over the client history up to the shown
 * frame, as a small serializable answer for the history view — per op its linearization
 * point (rank within its partition), the stale reads, and where a failed check stopped.
 *
 * Op ids are indices into the history as the frame's `service.ops` counts them (the
 * recorded ops in invoke order; the frame carries the newest of them, the first being
 * `opCount − ops.length`). The leader's expiries the check adds are not ops of the history
 * and are left out of the answer.
 *
 * Pure and deterministic.
 */
import { checkZkHistory } from './linearizable';
import type { ZkOpRecord } from './types';

export const LINEARIZATION_QUERY = 'linearization';

/** Model steps the view's check may spend (past it: 'unknown'). The end-of-run checker's own budget, so both agree. */
export const VIEW_BUDGET_STEPS = 100_000;

/** The query's argument. */
export interface LinearizationArg {
  /** Only ops with an id ≥ from in `points`, `partitions[].order`, `stale` (the frame's window); counts stay whole. */
  from?: number;
  /** Model steps allowed (default VIEW_BUDGET_STEPS). */
  budget?: number;
}

/** One op's place in one partition's order (a sync or close copied into several partitions has one per partition). */
export interface LinPoint {
  op: number;
  /** Index into `partitions`. */
  partition: number;
  /** Position in that partition's order (0-based; in a failed partition, in its longest valid prefix). */
  rank: number;
}

export interface LinPartitionView {
  /** "/" or "/config" (the top-level path component the partition holds). */
  name: string;
  ok: boolean | 'unknown';
  /** Op ids in order (only ids ≥ `from`). */
  order: number[];
}

export interface LinStaleView {
  op: number;
  /** Writes that completed before the read was invoked and that it did not see. */
  missed: number[];
}

export interface LinearizationView {
  /** true: linearizable (writes) and sequentially consistent (reads); false: a violation; 'unknown': the budget ran out. */
  ok: boolean | 'unknown';
  /** Ops recorded so far (the history given to the check). */
  total: number;
  /** Ops that took part (the check's rules leave out connect, pause, lock/unlock and what they touch, ops without a session, reads that never completed). */
  checked: number;
  steps: number;
  budget: number;
  partitions: LinPartitionView[];
  /** Sorted by op, then partition. */
  points: LinPoint[];
  stale: LinStaleView[];
  /** A failed check: the partition with no valid order, and the ops that could not come next there. */
  failed: { partition: string; culprits: number[]; detail: string } | null;
  /** An 'unknown' answer: the partition whose search ran out of steps. */
  ranOutIn: string | null;
  /** Wall time the check took, in ms, when the session was given a clock (the worker's performance.now); absent in-process. */
  ms?: number;
}

/** The query's answer: the check (the same object while the history is unchanged) and where the frame stands. */
export interface LinearizationAnswer {
  check: LinearizationView;
  /** The frame's virtual time. */
  time: number;
  /** The run has reached its scenario's `until` here: no event is left at or before it (or the frame is past it). */
  end: boolean;
}

/** The check over `records` (the whole history so far), shaped for the view. */
export function linearizationOf(records: readonly ZkOpRecord[], arg: LinearizationArg = {}): LinearizationView {
  const budget = arg.budget ?? VIEW_BUDGET_STEPS;
  const from = Math.max(0, Math.floor(arg.from ?? 0));
  const res = checkZkHistory(records, { budget, withPartitions: true });
  const partitions: LinPartitionView[] = [];
  const points: LinPoint[] = [];
  (res.partitions ?? []).forEach((p, pi) => {
    const order: number[] = [];
    p.order.forEach((op, rank) => {
      if (op < from) return;
      order.push(op);
      points.push({ op, partition: pi, rank });
    });
    partitions.push({ name: p.name, ok: p.ok, order });
  });
  points.sort((a, b) => a.op - b.op || a.partition - b.partition);
  const v = res.violation;
  return {
    ok: res.ok,
    total: records.length,
    checked: res.checked,
    steps: res.steps,
    budget,
    partitions,
    points,
    stale: res.staleReads.filter((s) => s.op >= from).map((s) => ({ op: s.op, missed: s.missed.slice() })),
    failed: res.ok === false && v !== undefined ? { partition: v.partition, culprits: v.culprits.filter((op) => op >= from), detail: v.detail } : null,
    ranOutIn: res.ok === 'unknown' && v !== undefined ? v.partition : null,
  };
}
