/** The pure log helpers: up-to-date check, etcd's conflict hint, and array-sharing rules. */
import { describe, expect, it } from 'vitest';
import { SENTINEL, findConflictByTerm, isUpToDate, lastIndex, lastTerm, mergeEntries, termAt, truncateFrom } from '../../../src/core/raft/log';
import type { LogEntry } from '../../../src/core/raft/types';
import { makeNode, terms } from './harness';

const log = (...ts: number[]): LogEntry[] => [SENTINEL, ...ts.map((term, i) => ({ term, value: `e${i + 1}` }))];

describe('log helpers', () => {
  it('index and term lookups', () => {
    const l = log(1, 1, 3);
    expect(lastIndex(l)).toBe(3);
    expect(lastTerm(l)).toBe(3);
    expect(termAt(l, 0)).toBe(0);
    expect(termAt(l, 3)).toBe(3);
    expect(termAt(l, 4)).toBe(-1);
    expect(lastIndex(log())).toBe(0);
    expect(lastTerm(log())).toBe(0);
  });

  it.each<[number[], number, number, boolean]>([
    [[1, 2], 2, 2, true],
    [[1, 2], 1, 2, false],
    [[1, 2], 1, 3, true],
    [[1, 2], 9, 1, false],
    [[], 0, 0, true],
  ])('isUpToDate(%j, candidate last (%i, %i)) = %s', (ts, li, lt, want) => {
    expect(isUpToDate(log(...ts), li, lt)).toBe(want);
  });

  // etcd's TestFindConflictByTerm: the largest index <= i whose term <= t.
  it.each<[number[], number, number, [number, number]]>([
    [[1, 1, 1, 4, 4, 5, 5, 6, 6, 6], 10, 6, [10, 6]],
    [[1, 1, 1, 4, 4, 5, 5, 6, 6, 6], 10, 5, [7, 5]],
    [[1, 1, 1, 4, 4, 5, 5, 6, 6, 6], 10, 3, [3, 1]],
    [[1, 1, 1, 4, 4, 5, 5, 6, 6, 6], 10, 0, [0, 0]],
    [[1, 1, 1, 4, 4, 5, 5, 6, 6, 6], 5, 4, [5, 4]],
    [[1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3], 10, 6, [10, 3]],
    [[2, 2], 5, 9, [2, 2]], // beyond our end: start from our last index
    [[], 3, 3, [0, 0]],
  ])('findConflictByTerm(%j, %i, %i) = %j', (ts, index, term, want) => {
    expect(findConflictByTerm(log(...ts), index, term)).toEqual(want);
  });

  it('truncateFrom replaces the array, leaves the old one whole, and records the lowest rewritten index', () => {
    const n = makeNode(1, 3, { initial: { term: 3, log: [1, 2, 3, 3] } });
    const old = n.log;
    expect(truncateFrom(n, 3)).toBe(2);
    expect(n.log).not.toBe(old);
    expect(old.length).toBe(5);
    expect(terms(n)).toEqual([1, 2]);
    expect(n.rewrittenFrom).toBe(3);
    truncateFrom(n, 2);
    expect(n.rewrittenFrom).toBe(2);
    // Removing nothing changes nothing.
    const same = n.log;
    expect(truncateFrom(n, 5)).toBe(0);
    expect(n.log).toBe(same);
  });

  it('mergeEntries appends only by push when nothing conflicts', () => {
    const n = makeNode(1, 3, { initial: { term: 2, log: [1, 2] } });
    const arr = n.log;
    const res = mergeEntries(n, 1, log(2, 2).slice(1), false);
    expect(n.log).toBe(arr);
    expect(res).toEqual({ appended: 1, conflictIndex: 0, conflictTerm: 0, removed: 0 });
    expect(terms(n)).toEqual([1, 2, 2]);
  });

  it('mergeEntries with keepConflicting (the bug) keeps our entry and appends past our end', () => {
    const n = makeNode(1, 3, { initial: { term: 2, log: [1, 2] } });
    const res = mergeEntries(n, 1, log(3, 4).slice(1), true);
    expect(terms(n)).toEqual([1, 2, 4]);
    expect(res).toEqual({ appended: 1, conflictIndex: 2, conflictTerm: 2, removed: 0 });
    expect(n.rewrittenFrom).toBe(Infinity);
  });
});
