/**
 * Pure helpers over a Raft log. log[0] is a sentinel of term 0, so index i is log[i].
 *
 * Arrays are shared: a keyframe keeps (array, length) and a message carries entry objects
 * by reference. So an existing array is only ever extended with push; removing entries
 * builds a new array, and records the lowest rewritten index in node.rewrittenFrom for
 * the checkers (Leader Append-Only, State Machine Safety).
 */
import type { LogEntry, RaftNode } from './types';

/** The shared sentinel at index 0 of every log. */
export const SENTINEL: LogEntry = Object.freeze({ term: 0, value: '' });

export function lastIndex(log: readonly LogEntry[]): number {
  return log.length - 1;
}

export function lastTerm(log: readonly LogEntry[]): number {
  return log[log.length - 1].term;
}

/** Term of the entry at `index`, or -1 when there is none (beyond the end). */
export function termAt(log: readonly LogEntry[], index: number): number {
  return index >= 0 && index < log.length ? log[index].term : -1;
}

/**
 * §5.4.1: a candidate's log is at least as up to date as ours when its last term is
 * higher, or the last terms are equal and its last index is at least ours.
 */
export function isUpToDate(log: readonly LogEntry[], candLastIndex: number, candLastTerm: number): boolean {
  const t = lastTerm(log);
  return candLastTerm > t || (candLastTerm === t && candLastIndex >= lastIndex(log));
}

/**
 * etcd's hint: the largest index <= `index` whose term is <= `term`, and that term.
 * Used by a follower to answer a rejected append, and by the leader to turn that answer
 * into the next probe, so a divergent tail is skipped a whole term at a time.
 * Walks back at most over the terms that are too high (the divergent part).
 */
export function findConflictByTerm(log: readonly LogEntry[], index: number, term: number): [number, number] {
  let i = Math.min(index, lastIndex(log));
  while (i > 0 && log[i].term > term) i--;
  return [i, log[i].term];
}

/** Append entries at the end (push keeps the array shared with keyframes valid). */
export function appendEntries(node: RaftNode, entries: readonly LogEntry[], from = 0, to = entries.length): void {
  const log = node.log;
  for (let i = from; i < to; i++) log.push(entries[i]);
}

/**
 * Remove entries `from` and after. The node gets a new array; the old one stays intact
 * for whoever shares it. Returns how many entries were removed.
 */
export function truncateFrom(node: RaftNode, from: number): number {
  const removed = node.log.length - from;
  if (removed <= 0) return 0;
  node.log = node.log.slice(0, from);
  if (from < node.rewrittenFrom) node.rewrittenFrom = from;
  return removed;
}

/** What merging an AppendEntries into a log did. */
export interface MergeResult {
  /** Entries added to the log (after any truncation). */
  appended: number;
  /** First index removed because its term conflicted, or 0 if none. */
  conflictIndex: number;
  /** Our term at conflictIndex before removal (0 if none). */
  conflictTerm: number;
  /** How many entries were removed. */
  removed: number;
}

/**
 * The follower's half of §5.3, once the consistency check at prevIndex has passed:
 * entries[k] belongs at prevIndex + 1 + k. Entries we already hold with the same term are
 * left alone (a stale or reordered append must never delete anything); at the first
 * index whose term differs we delete that entry and all that follow, then append the
 * rest.
 *
 * `keepConflicting` is the deliberate bug noTruncateOnConflict: a conflicting entry of
 * ours is kept, and only the entries beyond our log's end are appended after it.
 */
export function mergeEntries(
  node: RaftNode,
  prevIndex: number,
  entries: readonly LogEntry[],
  keepConflicting: boolean,
): MergeResult {
  const res: MergeResult = { appended: 0, conflictIndex: 0, conflictTerm: 0, removed: 0 };
  let k = 0;
  // Skip what we already hold (matching or, with the bug, conflicting).
  for (; k < entries.length; k++) {
    const idx = prevIndex + 1 + k;
    if (idx >= node.log.length) break;
    const ours = node.log[idx].term;
    if (ours !== entries[k].term) {
      if (res.conflictIndex === 0) {
        res.conflictIndex = idx;
        res.conflictTerm = ours;
      }
      if (!keepConflicting) break;
    }
  }
  if (k < entries.length) {
    const at = prevIndex + 1 + k;
    if (at < node.log.length) res.removed = truncateFrom(node, at);
    appendEntries(node, entries, k);
    res.appended = entries.length - k;
  }
  return res;
}
