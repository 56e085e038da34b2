/** Bugs found in review, pinned with the reproductions that showed them. */
import { describe, expect, it } from 'vitest';
import { runHeadless } from '../../../src/sim/run';
import { parseScenario } from '../../../src/sim/scenario';
import { SimSession } from '../../../src/sim/session';

describe('regressions', () => {
  it('no false violation after seeking back when a request names its node', () => {
    // Replaying without checks left n3's truncation marks behind; the request frame then
    // checked n3 without having prepared it.
    const sc = {
      protocol: 'raft', nodes: 3, seed: 1, until: 3000,
      initial: { '1': { term: 3, log: [1, 1, 3] }, '2': { term: 3, log: [1, 1, 3] }, '3': { term: 2, log: [1, 1, 2, 2, 2] } },
      script: [{ at: 2000, do: 'request', value: 'x', node: 3 }],
    };
    expect(runHeadless(parseScenario(sc)).violation).toBeNull();
    const s = new SimSession();
    expect(s.load(sc).ok).toBe(true);
    s.advanceTo(1999);
    s.seek(1);
    const v = s.advanceTo(3000);
    expect(v.violation).toBeNull();
    expect(v.time).toBeLessThanOrEqual(3000);
  });

  it('a run never passes its time bound, even with stale client time-outs queued', () => {
    const sc = {
      protocol: 'raft', nodes: 3, seed: 1, until: 1000,
      config: { clientRetry: true, clientTimeoutMs: 600 },
      script: [{ at: 400, do: 'request', value: 'x' }],
    };
    const r = runHeadless(parseScenario(sc));
    expect(r.sim.now).toBe(1000);
    const s = new SimSession();
    s.load(sc);
    for (const t of [500, 999, 1000, 1001]) expect(s.advanceTo(t).time).toBeLessThanOrEqual(t);
  });
});
