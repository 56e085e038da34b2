/**
 * ZAB inside the real simulator session: keyframes and seeks must reproduce the same
 * frames (snapshot / restore share the history as (array, length)), the monitor must not
 * raise a false violation after a seek, and the view and marks come out as the UI expects.
 */
import { describe, expect, it } from 'vitest';
import { SimSession } from '../../../src/sim/session';
import type { ZabNodeView } from '../../../src/core/zab/types';

function scenario(extra: Record<string, unknown> = {}) {
  const script: unknown[] = [];
  for (let t = 900; t < 9000; t += 97) script.push({ at: t, do: 'request', value: `v${t}` });
  script.push({ at: 2500, do: 'crash', node: 5 }, { at: 4000, do: 'restart', node: 5 });
  script.push({ at: 5000, do: 'partition', groups: [[1, 2], [3, 4, 5]] }, { at: 6500, do: 'heal' });
  return { protocol: 'zab', nodes: 5, seed: 3, until: 10000, config: { tickTimeMs: 200, initLimit: 5, syncLimit: 3 }, script, ...extra };
}

describe('ZAB in the simulator session', () => {
  it('seeking back and playing on gives the same frames and no false violation', () => {
    const s = new SimSession();
    expect(s.load(scenario()).ok).toBe(true);
    const head = s.advanceTo(7000, 1_000_000);
    expect(head.violation).toBeNull();
    expect(head.frame).toBeGreaterThan(1024);
    const mid = Math.floor(head.frame / 2);
    const at = s.seek(mid);
    const again = s.seek(mid);
    expect(again).toEqual(at);
    s.seek(10);
    const end = s.advanceTo(10000, 1_000_000);
    expect(end.violation).toBeNull();
    const kinds = new Set(s.marks(0).map((m) => m.kind));
    for (const k of ['leader', 'commit', 'phase']) expect(kinds.has(k)).toBe(true);
    const views = end.nodes as unknown as ZabNodeView[];
    const leader = views.find((v) => v.role === 'leading')!;
    expect(leader.learners.length).toBeGreaterThan(0);
    expect(leader.history.every((e) => typeof e.zxid === 'number')).toBe(true);
  });

  it('commitWithoutQuorum is caught while recording', () => {
    const s = new SimSession();
    const sc = scenario({ config: { tickTimeMs: 200, initLimit: 5, syncLimit: 3, bugs: ['commitWithoutQuorum'] } });
    sc.script.push({ at: 1500, do: 'partition', groups: [[5], [1, 2, 3, 4]] });
    expect(s.load(sc).ok).toBe(true);
    expect(s.advanceTo(10000, 1_000_000).violation?.invariant).toBe('Leader Completeness');
  });
});
