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

export interface TimelineItem {
  kind: ItemKind;
  row: Row;
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

export function rowOf(kind: ItemKind): Row {
  if (kind === 'stop') return 1;
  return kind === 'commit' || kind === 'request' ? 2 : 0;
}

/** Which mark a merged group shows: the one a class most needs to see. */
// Faults before elections: an election right after a partition is its consequence, and
// elections are many (the title still names every member).
const PRIORITY: readonly ItemKind[] = ['violation', 'crash', 'partition', 'heal', 'restart', 'leader', 'timeout', 'cut', 'mend', 'drop', 'stop', 'request', 'commit'];

function rank(item: TimelineItem): number {
  // A past mark outranks a future one of the same kind (what happened beats what is due).
  return PRIORITY.indexOf(item.kind) * 2 + (item.future ? 1 : 0);
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
): TimelineItem[] {
  const items: TimelineItem[] = marks.map((m) => ({ kind: m.kind, row: rowOf(m.kind), time: m.time, frame: m.frame, future: false, source: { mark: m } }));
  for (const a of futureActions(script, marks)) {
    items.push({ kind: a.do, row: rowOf(a.do), time: a.at, frame: null, future: true, source: { action: a } });
  }
  stops.forEach((time, i) => {
    items.push({ kind: 'stop', row: 1, time, frame: null, future: time > reachedTime, source: { stop: i } });
  });
  return items.sort((p, q) => p.time - q.time || (p.frame ?? Infinity) - (q.frame ?? Infinity));
}

/** The end of the timeline's domain: the scenario's end, what was simulated, the last scripted action or stop. */
export function timelineEnd(until: number, maxTime: number, script: readonly ScriptAction[], stops: readonly number[]): number {
  let end = Math.max(until, maxTime, 1);
  for (const a of script) end = Math.max(end, a.at);
  for (const s of stops) end = Math.max(end, s);
  return end;
}

/**
 * Groups items so that, in each row, drawn groups are at least `gap` px apart: a group
 * starts at its first item and takes every later item closer than `gap` to that start.
 * (Anchoring at the start, not chaining, keeps a long run of commits from merging into one.)
 */
export function layoutMarks(items: readonly TimelineItem[], x: (time: number) => number, gap: number): MarkGroup[] {
  const groups: MarkGroup[] = [];
  const open: (MarkGroup | null)[] = [null, null, null];
  for (const item of items) {
    const px = x(item.time);
    const g = open[item.row];
    if (g && px - g.x < gap) {
      g.items.push(item);
      if (rank(item) < rank(g.lead)) g.lead = item;
      continue;
    }
    const next: MarkGroup = { x: px, row: item.row, lead: item, items: [item] };
    open[item.row] = next;
    groups.push(next);
  }
  return groups;
}
