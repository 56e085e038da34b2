/**
 * Raft inside the real simulator session (src/sim): keyframes, seeking back and playing on
 * must not confuse the monitor (replayed frames create fresh entry objects), and the
 * deliberate bugs are caught there too.
 */
import { describe, expect, it } from 'vitest';
import { SimSession } from '../../../src/sim/session';

function scenario(extra: Record<string, unknown> = {}) {
  const script: unknown[] = [];
  for (let t = 300; t < 9000; t += 137) script.push({ at: t, do: 'request', value: `v${t}` });
  script.push({ at: 2500, do: 'crash', node: 1 }, { at: 2600, do: 'crash', node: 2 });
  script.push({ at: 4000, do: 'restart', node: 1 }, { at: 4100, do: 'restart', node: 2 });
  script.push({ at: 5000, do: 'partition', groups: [[1, 2], [3, 4, 5]] }, { at: 6500, do: 'heal' });
  return { protocol: 'raft', nodes: 5, seed: 3, until: 10000, script, ...extra };
}

describe('Raft in the simulator session', () => {
  it('seeking back and playing on past the old head raises no false violation', () => {
    const s = new SimSession();
    const loaded = s.load(scenario());
    expect(loaded.ok).toBe(true);
    const head = s.advanceTo(5000, 1_000_000);
    expect(head.violation).toBeNull();
    expect(head.frame).toBeGreaterThan(1024); // past a keyframe, so going back to the head replays
    s.seek(10);
    s.seek(Math.floor(head.frame / 2));
    const end = s.advanceTo(10000, 1_000_000);
    expect(end.violation).toBeNull();
    expect(end.time).toBeGreaterThan(9000);
  });

  it.each([
    ['doubleVote', 'Election Safety', 1],
    ['voteWithoutLogCheck', 'Leader Completeness', 3],
  ])('%s is caught while recording (%s, seed %i)', (bug, invariant, seed) => {
    const s = new SimSession();
    expect(s.load(scenario({ seed, config: { bugs: [bug] } })).ok).toBe(true);
    const v = s.advanceTo(10000, 1_000_000).violation;
    expect(v?.invariant).toBe(invariant);
    // The run stops at the violation, and says when.
    expect(s.view().frame).toBe(v!.frame);
  });
});
