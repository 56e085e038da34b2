import { describe, expect, it } from 'vitest';
import type { Mark } from '../../../src/sim/api';
import type { ScriptAction } from '../../../src/sim/scenario';
import { futureActions, layoutMarks, MIN_END, spread, timelineEnd, timelineItems } from '../../../src/ui/transport/marks';
import { LESSON_META } from '../../../src/store/lessons';
import { fmtSpeed } from '../../../src/ui/i18n';
import { raftView } from '../../../src/ui/raft/view';

const mark = (frame: number, time: number, kind: Mark['kind'], node = 1, value = 0): Mark => ({ frame, time, kind, node, value });

describe('scripted actions ahead of the run', () => {
  const script: ScriptAction[] = [
    { at: 0, do: 'request', value: 'x=1' },
    { at: 1500, do: 'crash', node: 3 },
    { at: 4500, do: 'restart', node: 3 },
  ];

  it('are every action no mark stands for yet', () => {
    expect(futureActions(script, [])).toEqual(script);
    const marks = [mark(1, 0, 'request', 0), mark(40, 300, 'leader', 2, 1), mark(99, 1500, 'crash', 3)];
    expect(futureActions(script, marks)).toEqual([script[2]]);
  });

  it('count twice when the script holds the same action twice at one time', () => {
    const twice: ScriptAction[] = [
      { at: 100, do: 'heal' },
      { at: 100, do: 'heal' },
    ];
    expect(futureActions(twice, [mark(5, 100, 'heal', 0)])).toHaveLength(1);
  });

  it('are drawn hollow, beside the past marks, and stops are reached by time', () => {
    const items = timelineItems([mark(1, 0, 'request', 0)], script, [1000, 3000], 1000);
    expect(items.map((i) => [i.kind, i.time, i.future])).toEqual([
      ['request', 0, false],
      ['stop', 1000, false],
      ['crash', 1500, true],
      ['stop', 3000, true],
      ['restart', 4500, true],
    ]);
    expect(items.filter((i) => i.future).every((i) => i.frame === null)).toBe(true);
  });

  it('stretch the timeline to the last action or stop past `until`', () => {
    expect(timelineEnd(4000, 100, script, [])).toBeGreaterThanOrEqual(4500);
    expect(timelineEnd(4000, 100, [], [6000])).toBeGreaterThanOrEqual(6000);
    expect(timelineEnd(10000, 12000, script, [])).toBeGreaterThanOrEqual(12000);
  });
});

describe('the timeline’s domain', () => {
  it('is based on what matters now, not on `until`: a lesson’s early stops get the room', () => {
    // raft-election: 8 stops in 185–275 ms of a 10 s scenario, at frame 0.
    const stops = LESSON_META['raft-election'].stops;
    const end = timelineEnd(10000, 0, [], stops);
    expect(end).toBeGreaterThanOrEqual(275 * 1.25);
    expect(end).toBeLessThanOrEqual(500);
    expect(timelineEnd(10000, 0, [], [])).toBe(MIN_END);
  });

  it('grows in steps as the run goes on, stops at `until` while ahead, and goes past it', () => {
    const ends = Array.from({ length: 200 }, (_, i) => timelineEnd(10000, i * 60, [], [185, 275]));
    for (let i = 1; i < ends.length; i++) expect(ends[i]).toBeGreaterThanOrEqual(ends[i - 1]);
    expect(new Set(ends).size).toBeLessThan(15); // steps, not every frame
    ends.forEach((e, i) => expect(e).toBeGreaterThanOrEqual(i * 60));
    expect(timelineEnd(10000, 9000, [], [])).toBe(10000);
    expect(timelineEnd(10000, 11000, [], [])).toBeGreaterThan(11000);
  });

  it('never shrinks below the end drawn so far', () => {
    expect(timelineEnd(10000, 100, [], [], 3000)).toBe(3000);
    expect(timelineEnd(10000, 5000, [], [], 3000)).toBeGreaterThan(5000);
  });
});

describe('lesson stops', () => {
  const gap = 15;
  /** A 400 px timeline on [0, end], as Timeline.tsx draws it. */
  const scale = (end: number): { x: (t: number) => number; bounds: readonly [number, number] } => {
    const lo = 8;
    const hi = 392;
    return { x: (t: number) => lo + (Math.min(Math.max(t, 0), end) / end) * (hi - lo), bounds: [lo, hi] };
  };
  const stopGroups = (lesson: keyof typeof LESSON_META, maxTime: number, width = scale) => {
    const stops = LESSON_META[lesson].stops;
    const { x, bounds } = width(timelineEnd(10000, maxTime, [], stops));
    return layoutMarks(timelineItems([], [], stops, -1), x, gap, bounds).filter((g) => g.row === 1);
  };

  for (const lesson of ['raft-election', 'raft-split-vote', 'raft-figure7'] as const) {
    it(`are separate marks at frame 0 and after a long run (${lesson})`, () => {
      for (const maxTime of [0, 30000]) {
        const groups = stopGroups(lesson, maxTime);
        expect(groups).toHaveLength(LESSON_META[lesson].stops.length);
        expect(groups.map((g) => g.items.length).every((n) => n === 1)).toBe(true);
        for (let i = 1; i < groups.length; i++) expect(groups[i].x - groups[i - 1].x).toBeGreaterThanOrEqual(gap - 1e-9);
        expect(groups[0].x).toBeGreaterThanOrEqual(8);
        expect(groups[groups.length - 1].x).toBeLessThanOrEqual(392);
      }
    });
  }

  it('merge only when they cannot all fit', () => {
    const narrow = (end: number) => ({ x: (t: number) => 8 + (t / end) * 60, bounds: [8, 68] as const });
    const groups = stopGroups('raft-election', 0, narrow);
    expect(groups.length).toBeLessThan(8);
    expect(groups.reduce((n, g) => n + g.items.length, 0)).toBe(8);
  });

  it('are pushed apart symmetrically and kept inside the track', () => {
    expect(spread([100, 100], 10, 0, 400)).toEqual([95, 105]);
    expect(spread([0, 1, 2], 10, 0, 400)).toEqual([0, 10, 20]);
    expect(spread([400, 400], 10, 0, 400)).toEqual([390, 400]);
    expect(spread([10, 50, 52, 300], 10, 0, 400)).toEqual([10, 46, 56, 300]);
    expect(spread([1, 2, 3], 10, 0, 15)).toBeNull();
  });
});

describe('mark layout', () => {
  const x = (t: number) => t / 10; // 10 ms per px

  it('keeps every row’s marks at least `gap` px apart, merging the rest', () => {
    // 500 commits, one every 20 ms (2 px): far closer than a 15 px mark.
    const marks = Array.from({ length: 500 }, (_, i) => mark(i + 1, i * 20, 'commit', 1, i + 1));
    const groups = layoutMarks(timelineItems(marks, [], [], 0, raftView.marks), x, 15);
    for (let i = 1; i < groups.length; i++) expect(groups[i].x - groups[i - 1].x).toBeGreaterThanOrEqual(15);
    // Nothing is lost: every mark is in exactly one group.
    expect(groups.reduce((n, g) => n + g.items.length, 0)).toBe(500);
    // Anchored, not chained: a long run does not collapse into one group.
    expect(groups.length).toBeGreaterThan(60);
  });

  it('merges only within a row, and shows the most important mark of a group', () => {
    const marks = [mark(10, 1000, 'request', 0), mark(11, 1002, 'commit', 2, 1), mark(12, 1003, 'restart', 4), mark(13, 1005, 'crash', 3), mark(14, 1050, 'leader', 2, 2)];
    const groups = layoutMarks(timelineItems(marks, [], [1001], 0, raftView.marks), x, 15);
    const top = groups.filter((g) => g.row === 0);
    const bottom = groups.filter((g) => g.row === 2);
    const middle = groups.filter((g) => g.row === 1);
    expect(top).toHaveLength(1);
    expect(top[0].lead.kind).toBe('crash');
    expect(top[0].items.map((i) => i.kind)).toEqual(['restart', 'crash', 'leader']);
    expect(bottom).toHaveLength(1);
    expect(bottom[0].items).toHaveLength(2);
    expect(middle).toHaveLength(1);
  });

  it('lets a past mark lead over a future one of its kind', () => {
    const script: ScriptAction[] = [{ at: 1001, do: 'crash', node: 2 }];
    const groups = layoutMarks(timelineItems([mark(3, 1000, 'crash', 1)], script, [], 0), x, 15);
    expect(groups).toHaveLength(1);
    expect(groups[0].lead.future).toBe(false);
  });
});

describe('speeds', () => {
  it('show slow speeds as fractions and others as themselves', () => {
    expect(fmtSpeed(0.001, 'max')).toBe('1/1000×');
    expect(fmtSpeed(0.02, 'max')).toBe('1/50×');
    expect(fmtSpeed(0.25, 'max')).toBe('1/4×');
    expect(fmtSpeed(0.3, 'max')).toBe('0.3×');
    expect(fmtSpeed(1, 'max')).toBe('1×');
    expect(fmtSpeed(10, 'max')).toBe('10×');
    expect(fmtSpeed('max', '最快')).toBe('最快');
  });
});
