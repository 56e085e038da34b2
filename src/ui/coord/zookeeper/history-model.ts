/**
 * The client history's linearization picture (Porcupine's): from the worker's
 * `linearization` answer (core/coord/zookeeper/history-query.ts) and the bars the chart
 * draws (model.ts historyBars), where each op's linearization point sits on its bar and the
 * thin line joining consecutive points of one partition's order.
 *
 * The checker finds an order, not times. A point's time is the earliest the order allows:
 * walking a partition's order, a write (or sync, close) sits at the later of its invoke and
 * the previous write's point — never past its complete, since in a valid order no op comes
 * after one invoked after it completed. A read is only sequentially consistent: it sits at
 * the later of its invoke and the previous write's point, held inside its bar, and does not
 * move the writes' clock (a stale read's line runs back in time: it saw the past).
 *
 * Pure: no DOM.
 */
import type { LinearizationView } from '../../../core/coord/zookeeper/history-query';
import type { ZkOpRecord } from '../../../core/coord/zookeeper/types';
import type { HistoryScale } from './model';

/** Ops a server answers from its local copy (sequentially consistent, not linearizable). */
const READS = new Set(['getData', 'exists', 'getChildren']);

export interface LinMark {
  /** Op id (global: the frame's first op is `first`). */
  op: number;
  /** The bar's index in the frame's ops. */
  bar: number;
  partition: number;
  rank: number;
  /** The point's (virtual) time and its place on the chart. */
  t: number;
  x: number;
  lane: number;
  stale: boolean;
  /** In a failed partition: part of the longest order that still fits. */
  failed: boolean;
}

export interface LinLine {
  partition: number;
  name: string;
  failed: boolean;
  /** Consecutive points of the partition's order, as [x, lane] pairs. */
  points: [number, number][];
}

export interface LinPicture {
  marks: LinMark[];
  lines: LinLine[];
  /** Bars (frame indices) whose op no order explains. */
  culprits: Set<number>;
  /** Bars (frame indices) of stale reads → the ops they missed (global ids). */
  stale: Map<number, number[]>;
}

/**
 * The picture for the frame's bars. `first`: the global id of the frame's first op
 * (opCount − ops.length). Ops outside the frame's window are left out (their lines start at
 * the first point inside it).
 */
export function linPicture(lin: LinearizationView | null, ops: readonly ZkOpRecord[], first: number, scale: HistoryScale): LinPicture {
  const empty: LinPicture = { marks: [], lines: [], culprits: new Set(), stale: new Map() };
  if (lin === null) return empty;
  const { t0, t1, width, bars } = scale;
  const xOf = (t: number) => ((Math.min(Math.max(t, t0), t1) - t0) / (t1 - t0)) * width;
  const now = t1;
  const stale = new Map<number, number[]>();
  for (const s of lin.stale) if (s.op - first >= 0 && s.op - first < ops.length) stale.set(s.op - first, s.missed);
  const culprits = new Set<number>();
  for (const c of lin.failed?.culprits ?? []) if (c - first >= 0 && c - first < ops.length) culprits.add(c - first);
  const marks: LinMark[] = [];
  const lines: LinLine[] = [];
  lin.partitions.forEach((p, pi) => {
    const failed = p.ok !== true;
    let clock = -Infinity;
    const points: [number, number][] = [];
    // Ranks are the order's positions; `order` may begin after the window's start (ops < from).
    const rankOf = new Map<number, number>();
    for (const pt of lin.points) if (pt.partition === pi) rankOf.set(pt.op, pt.rank);
    for (const op of p.order) {
      const i = op - first;
      const rec = ops[i];
      if (i < 0 || rec === undefined) continue;
      const bar = bars[i];
      const end = rec.complete === null || rec.complete > now ? now : rec.complete;
      const at = Math.max(rec.invoke, clock);
      const t = Math.min(at, end);
      if (!READS.has(rec.op)) clock = t;
      // Held inside the drawn bar (a bar has a least width, and may grow leftwards at the edge).
      const x = bar === undefined ? xOf(t) : Math.min(bar.x1, Math.max(bar.x0, xOf(t)));
      const lane = rec.client - 1;
      marks.push({ op, bar: i, partition: pi, rank: rankOf.get(op) ?? 0, t, x, lane, stale: stale.has(i), failed });
      points.push([x, lane]);
    }
    if (points.length > 0) lines.push({ partition: pi, name: p.name, failed, points });
  });
  marks.sort((a, b) => a.op - b.op || a.partition - b.partition);
  return { marks, lines, culprits, stale };
}

/** An SVG path through a line's points, lanes mapped to y by `laneY`. */
export function linePath(line: LinLine, laneY: (lane: number) => number): string {
  return line.points.map(([x, lane], k) => `${k === 0 ? 'M' : 'L'}${round(x)},${round(laneY(lane))}`).join(' ');
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}

/** Which verdict the header shows. */
export type LinVerdict = 'passed' | 'failed' | 'unknown';

export function verdictOf(lin: LinearizationView): LinVerdict {
  return lin.ok === true ? 'passed' : lin.ok === false ? 'failed' : 'unknown';
}

/**
 * What the history query depends on, as the frame shows it: how many ops were invoked and
 * which completed (a record changes only when it completes). Asked again only when this changes.
 */
export function historyKey(opCount: number, ops: readonly ZkOpRecord[]): string {
  let done = 0;
  let last = -1;
  for (const o of ops)
    if (o.complete !== null) {
      done++;
      last = Math.max(last, o.complete);
    }
  return `${opCount}:${done}:${last}`;
}
