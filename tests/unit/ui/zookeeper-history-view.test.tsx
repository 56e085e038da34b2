/**
 * The Clients tab's drawing (ZkHistoryView) from a frame and a `linearization` answer:
 * the verdict in the header only at the run's end or when asked, a failed check in the error
 * colour with its culprits outlined and a sentence naming them, stale reads hollow with a
 * title saying so, every mark titled; en and zh.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { linearizationOf, type LinearizationAnswer } from '../../../src/core/coord/zookeeper/history-query';
import type { ZkOpRecord } from '../../../src/core/coord/zookeeper/types';
import type { FrameView } from '../../../src/sim/api';
import { ZkHistoryView } from '../../../src/ui/coord/zookeeper/ZkHistoryTab';
import { create, data, getData, okr, setData } from '../coord/linearizability/zk-records';

function frameOf(ops: ZkOpRecord[], time: number): FrameView {
  const service = { name: 'zookeeper', clients: [{}, {}, {}], ops, opCount: ops.length, events: [], eventCount: 0 };
  return { frame: 10, head: 10, time, nextTime: null, service } as unknown as FrameView;
}

function render(ops: ZkOpRecord[], time: number, end: boolean, asked = false, lang: 'en' | 'zh' = 'en'): string {
  const answer: LinearizationAnswer = { check: { ...linearizationOf(ops), ms: 2.5 }, time, end };
  return renderToStaticMarkup(<ZkHistoryView lang={lang} view={frameOf(ops, time)} answer={answer} asked={asked} onAsk={() => {}} />);
}

const count = (html: string, re: RegExp) => (html.match(re) ?? []).length;
const text = (html: string) => html.replace(/<[^>]+>/g, '');

describe('ZkHistoryView', () => {
  const base = [create(1, '/config', 'a', [0, 5], okr('/config')), setData(1, '/config', 'b', 0, [10, 20], okr({ version: 1 }))];

  it('at the end: passed, with ops checked and the time, a mark per linearized op, each titled', () => {
    const html = render([...base, getData(2, '/config', [30, 31], data('b', 1))], 40, true);
    expect(html).toContain('data-verdict="passed"');
    expect(html).toMatch(/role="status" aria-live="polite"/);
    expect(text(html)).toContain('Linearizable · 3 of 3 operations checked');
    expect(text(html)).toContain('2.5 ms');
    expect(text(html)).toContain('End of the run.');
    expect(html).not.toContain('Check linearizability');
    expect(count(html, /class="zk-lin-mark /g)).toBe(3);
    expect(count(html, /<circle[^>]*><title>/g)).toBe(3);
    expect(html).toContain('c1 create /config: step 1 of the order on /config');
    expect(count(html, /class="zk-lin-line /g)).toBe(1);
  });

  it('before the end: the marks, and a button instead of the verdict until asked', () => {
    const ops = [...base];
    const waiting = render(ops, 25, false);
    expect(waiting).toContain('data-verdict=""');
    expect(waiting).toContain('Check linearizability');
    expect(count(waiting, /class="zk-lin-mark /g)).toBe(2);
    const asked = render(ops, 25, false, true);
    expect(asked).toContain('data-verdict="passed"');
    expect(text(asked)).toContain('History up to 0.025 s.');
  });

  it('a failed check: the error colour, culprits outlined and named', () => {
    const h = [create(1, '/c', '', [0, 1], okr('/c')), setData(1, '/c', 'x', 0, [2, 9], okr({ version: 1 })), setData(2, '/c', 'y', 0, [3, 8], okr({ version: 1 }))];
    const culprits = linearizationOf(h).failed!.culprits;
    const html = render(h, 10, true);
    expect(html).toContain('data-verdict="failed"');
    expect(text(html)).toContain('Not linearizable · 3 of 3 operations checked: no order of those on /c explains them');
    expect(html).toContain('class="zk-history lin-failed"');
    expect(count(html, /data-culprit="true"/g)).toBe(culprits.length);
    expect(html).toContain('data-testid="zk-lin-failed"');
    const named = culprits.map((c) => `c${h[c].client} setData /c`);
    for (const n of named) expect(text(html)).toContain(n);
    expect(text(html)).toContain('No order of the operations on /c explains');
    expect(count(html, /class="zk-lin-mark p0 failed"/g)).toBeGreaterThan(0);
  });

  it('a stale read: hollow, titled as such, counted under the chart', () => {
    const html = render([...base, getData(2, '/config', [30, 31], data('a', 0))], 40, true);
    expect(html).toContain('data-verdict="passed"');
    expect(count(html, /class="zk-lin-mark p0 stale"/g)).toBe(1);
    expect(html).toContain('c2 getData /config: a stale read — it did not see c1 setData /config');
    expect(text(html)).toContain('1 stale read(s)');
    expect(html).toContain('data-stale="true"');
  });

  it('in Chinese', () => {
    const html = render([...base], 25, true, false, 'zh');
    expect(text(html)).toContain('线性一致 · 检查了 2 个操作中的 2 个');
    expect(text(html)).toContain('运行结束');
    expect(html).toContain('/config 上顺序的第 1 步');
  });
});
