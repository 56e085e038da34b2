/**
 * What the timeline draws, as plain data: the run's marks (from the worker), the scripted
 * actions not simulated yet (from the scenario's script, drawn hollow until reached) and
 * the lesson's stops; then laid out so that no two marks overlap — marks closer than a
 * mark's width merge into one, which stands for all of them (its title lists them).
 * Pure functions, unit-tested without a DOM (tests/unit/ui/timeline-marks.test.ts).
 */
import type { Mark } from '../../sim/api';
import type { ScriptAction } from '../../sim/scenario';

export type ItemKind = Mark['kind'] | 'stop';

/** Top: elections and faults; middle (on the track): lesson stops; bottom: commits and requests. */
export type Row = 0 | 1 | 2;

/** Where a protocol's own mark kinds go (ProtocolView.marks): the simulator's kinds have fixed places. */
export type MarkPlaces = Readonly<Record<string, { row: 0 | 2; rank: 'high' | 'low' }>>;

export interface TimelineItem {
  kind: ItemKind;
  row: Row;
  /** Among merged marks the lowest rank shows (see PRIORITY). */
  rank: number;
  time: number;
  /** The frame to seek to; null for what is not simulated yet (seek by time instead). */
  frame: number | null;
  /** A scripted action not simulated yet, or a stop not reached yet: drawn hollow. */
  future: boolean;
  /** Mark: the worker's mark. Script: the action. Stop: its index in the lesson's stops. */
  source: { mark: Mark } | { action: ScriptAction } | { stop: number };
}

export interface MarkGroup {
  /** Where the group is drawn (its first item's position), in px. */
  x: number;
  row: Row;
  /** The item whose symbol the group shows (the most important one). */
  lead: TimelineItem;
  /** Every item the group stands for, in time order. */
  items: TimelineItem[];
}

export function rowOf(kind: ItemKind, places: MarkPlaces = {}): Row {
  if (kind === 'stop') return 1;
  const own = Object.prototype.hasOwnProperty.call(places, kind) ? places[kind] : undefined;
  if (own) return own.row;
  return kind === 'request' ? 2 : 0;
}

/**
 * Which mark a merged group shows: the one a class most needs to see. A protocol's marks
 * take the place of `high` (elections: Raft's leader) or `low` (Raft's commits).
 */
// Faults before elections: an election right after a partition is its consequence, and
// elections are many (the title still names every member).
const PRIORITY: readonly string[] = ['violation', 'crash', 'partition', 'heal', 'restart', '(high)', 'timeout', 'cut', 'mend', 'drop', 'stop', 'request', '(low)'];

function rankOf(kind: ItemKind, future: boolean, places: MarkPlaces): number {
  const own = kind !== 'stop' && Object.prototype.hasOwnProperty.call(places, kind) ? places[kind] : undefined;
  const i = PRIORITY.indexOf(own ? `(${own.rank})` : kind);
  // A past mark outranks a future one of the same kind (what happened beats what is due).
  return (i < 0 ? PRIORITY.length : i) * 2 + (future ? 1 : 0);
}

/**
 * The scripted actions no mark stands for yet: each action frame the worker recorded has a
 * mark of the action's kind at the action's time, so an action without one is still ahead.
 */
export function futureActions(script: readonly ScriptAction[], marks: readonly Mark[]): ScriptAction[] {
  const seen = new Map<string, number>();
  for (const m of marks) {
    const key = `${m.kind}@${m.time}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const out: ScriptAction[] = [];
  for (const a of [...script].sort((p, q) => p.at - q.at)) {
    const key = `${a.do}@${a.at}`;
    const n = seen.get(key) ?? 0;
    if (n > 0) seen.set(key, n - 1);
    else out.push(a);
  }
  return out;
}

/** Everything the timeline shows, in time order. `reachedTime`: how far the run has been seen. */
export function timelineItems(
  marks: readonly Mark[],
  script: readonly ScriptAction[],
  stops: readonly number[],
  reachedTime: number,
  places: MarkPlaces = {},
): TimelineItem[] {
  const items: TimelineItem[] = marks.map((m) => ({
    kind: m.kind,
    row: rowOf(m.kind, places),
    rank: rankOf(m.kind, false, places),
    time: m.time,
    frame: m.frame,
    future: false,
    source: { mark: m },
  }));
  for (const a of futureActions(script, marks)) {
    items.push({ kind: a.do, row: rowOf(a.do, places), rank: rankOf(a.do, true, places), time: a.at, frame: null, future: true, source: { action: a } });
  }
  stops.forEach((time, i) => {
    const future = time > reachedTime;
    items.push({ kind: 'stop', row: 1, rank: rankOf('stop', future, places), time, frame: null, future, source: { stop: i } });
  });
  return items.sort((p, q) => p.time - q.time || (p.frame ?? Infinity) - (q.frame ?? Infinity));
}

/** The shortest timeline domain (ms): a run at frame 0 still spreads its first stops out. */
export const MIN_END = 400;
/** How far past what matters now the timeline reaches. */
const HEADROOM = 1.25;
/** The domain's ends are rounded up to these × 10^k ms, so it grows in steps, not every frame. */
const STEPS = [1, 1.5, 2, 3, 4, 5, 6, 8, 10];

function stepUp(ms: number): number {
  const p = 10 ** Math.floor(Math.log10(ms));
  for (const s of STEPS) if (s * p >= ms - 1e-9) return s * p;
  return 10 * p;
}

/**
 * The end of the timeline's domain: what matters now — what was simulated, the last scripted
 * action, the last lesson stop — with some headroom, rounded up to a step (so it grows in
 * steps as playback goes on, not every frame), never shorter than `floor` (the end drawn so
 * far: it never shrinks while playing). It stops at the scenario's `until` while that is
 * still ahead; the run's later marks stretch it past `until`. (Basing it on `until` alone
 * packed a lesson's stops, all in its first 300 ms, into one mark on a 10 s domain.)
 */
export function timelineEnd(until: number, maxTime: number, script: readonly ScriptAction[], stops: readonly number[], floor = 0): number {
  let needed = Math.max(maxTime, 1);
  for (const a of script) needed = Math.max(needed, a.at);
  for (const s of stops) needed = Math.max(needed, s);
  let end = stepUp(Math.max(needed * HEADROOM, MIN_END));
  if (needed <= until) end = Math.min(end, Math.max(until, 1));
  return Math.max(end, floor);
}

/**
 * Positions for `n` marks wanted at `want` (ascending px) so that neighbours are at least
 * `gap` apart inside [lo, hi]: marks too close are pushed apart symmetrically about where
 * they want to be. Null if they cannot all fit.
 */
export function spread(want: readonly number[], gap: number, lo: number, hi: number): number[] | null {
  if (want.length === 0) return [];
  if ((want.length - 1) * gap > hi - lo + 1e-9) return null;
  // Clusters of marks drawn `gap` apart: each starts at `start` and holds `n` marks.
  const clusters: { start: number; n: number; sum: number }[] = [];
  const place = (c: { start: number; n: number; sum: number }) => {
    const centred = c.sum / c.n - ((c.n - 1) * gap) / 2;
    c.start = Math.min(Math.max(centred, lo), hi - (c.n - 1) * gap);
  };
  // `sum`: of the members' wanted positions; the best start is their mean less half the cluster.
  for (const w of want) {
    const c = { start: w, n: 1, sum: w };
    place(c);
    clusters.push(c);
    for (;;) {
      const last = clusters[clusters.length - 1];
      const prev = clusters[clusters.length - 2];
      if (!prev || prev.start + prev.n * gap <= last.start + 1e-9) break;
      prev.sum += last.sum;
      prev.n += last.n;
      clusters.pop();
      place(prev);
    }
  }
  const out: number[] = [];
  for (const c of clusters) for (let j = 0; j < c.n; j++) out.push(c.start + j * gap);
  return out;
}

/**
 * Groups items so that, in each row, drawn groups are at least `gap` px apart: a group
 * starts at its first item and takes every later item closer than `gap` to that start.
 * (Anchoring at the start, not chaining, keeps a long run of commits from merging into one.)
 * Lesson stops (the track's row) are few and each is a place to click: given `bounds` (the
 * track's ends, px), close stops are nudged apart to stay separate marks as long as they all
 * fit, and merge only when they do not.
 */
export function layoutMarks(items: readonly TimelineItem[], x: (time: number) => number, gap: number, bounds?: readonly [number, number]): MarkGroup[] {
  const groups: MarkGroup[] = [];
  const stops = items.filter((i) => i.row === 1);
  const apart = bounds ? spread(stops.map((i) => x(i.time)), gap, bounds[0], bounds[1]) : null;
  const open: (MarkGroup | null)[] = [null, null, null];
  let s = 0;
  for (const item of items) {
    if (apart && item.row === 1) {
      groups.push({ x: apart[s++], row: 1, lead: item, items: [item] });
      continue;
    }
    const px = x(item.time);
    const g = open[item.row];
    if (g && px - g.x < gap) {
      g.items.push(item);
      if (item.rank < g.lead.rank) g.lead = item;
      continue;
    }
    const next: MarkGroup = { x: px, row: item.row, lead: item, items: [item] };
    open[item.row] = next;
    groups.push(next);
  }
  return groups;
}
