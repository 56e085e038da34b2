import { describe, expect, it } from 'vitest';
import type { Mark } from '../../../src/sim/api';
import type { ScriptAction } from '../../../src/sim/scenario';
import { futureActions, layoutMarks, timelineEnd, timelineItems } from '../../../src/ui/transport/marks';
import { fmtSpeed } from '../../../src/ui/i18n';

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
    expect(timelineEnd(4000, 100, script, [])).toBe(4500);
    expect(timelineEnd(4000, 100, [], [6000])).toBe(6000);
    expect(timelineEnd(10000, 12000, script, [])).toBe(12000);
  });
});

describe('mark layout', () => {
  const x = (t: number) => t / 10; // 10 ms per px

  it('keeps every row’s marks at least `gap` px apart, merging the rest', () => {
    // 500 commits, one every 20 ms (2 px): far closer than a 15 px mark.
    const marks = Array.from({ length: 500 }, (_, i) => mark(i + 1, i * 20, 'commit', 1, i + 1));
    const groups = layoutMarks(timelineItems(marks, [], [], 0), x, 15);
    for (let i = 1; i < groups.length; i++) expect(groups[i].x - groups[i - 1].x).toBeGreaterThanOrEqual(15);
    // Nothing is lost: every mark is in exactly one group.
    expect(groups.reduce((n, g) => n + g.items.length, 0)).toBe(500);
    // Anchored, not chained: a long run does not collapse into one group.
    expect(groups.length).toBeGreaterThan(60);
  });

  it('merges only within a row, and shows the most important mark of a group', () => {
    const marks = [mark(10, 1000, 'request', 0), mark(11, 1002, 'commit', 2, 1), mark(12, 1003, 'restart', 4), mark(13, 1005, 'crash', 3), mark(14, 1050, 'leader', 2, 2)];
    const groups = layoutMarks(timelineItems(marks, [], [1001], 0), x, 15);
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
