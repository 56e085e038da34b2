/**
 * The fuzzer with clients (`fuzz --protocol zab --service zookeeper`): each deliberate bug of
 * the ZooKeeper servers is caught by the checker it breaks on a small range of seeds, the
 * correct system passes the same seeds, and a failing seed's scenario replays its violation.
 * (The campaigns — 2,000 seeds a bug, 10,000 clean — are run by hand and by the integrator.)
 */
import { describe, expect, it } from 'vitest';
import { getProtocol } from '../../../../../src/core/registry';
import { getService } from '../../../../../src/core/coord/registry';
import { fuzzOne } from '../../../../../src/sim/fuzz';
import { runHeadless } from '../../../../../src/sim/run';
import { parseScenario } from '../../../../../src/sim/scenario';

const zab = getProtocol('zab')!;
const zookeeper = getService('zookeeper')!;
const seeds = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const run = (seed: number, bug?: string) => fuzzOne(seed, { protocol: zab, service: zookeeper, bug });

describe('fuzz with ZooKeeper clients', () => {
  it('watchFiresTwice is caught by One-Shot Watches (seeds 6–8), and the same seeds are clean without it', () => {
    const caught = seeds(6, 8).map((s) => run(s, 'watchFiresTwice').violation?.invariant ?? null);
    expect(caught).toContain('One-Shot Watches');
    expect(seeds(6, 8).map((s) => run(s).violation)).toEqual([null, null, null]);
  }, 120_000);

  it('expireWithoutLog is caught (seeds 8–9: a waiter on the diverged follower takes a held lock), and clean without it', () => {
    const out = seeds(8, 9).map((s) => run(s, 'expireWithoutLog').violation?.invariant ?? null);
    expect(out.some((v) => v === 'Lock Safety' || v === 'Linearizability' || v === 'Ephemeral Ownership')).toBe(true);
    expect(seeds(8, 9).map((s) => run(s).violation)).toEqual([null, null]);
  }, 120_000);

  it("a failing seed's scenario is a service scenario that replays the same violation with no fuzzer in the loop", () => {
    const out = run(8, 'watchFiresTwice');
    expect(out.scenario.service).toBe('zookeeper');
    expect(out.scenario.script.some((a) => a.do === 'client')).toBe(true);
    const again = runHeadless(parseScenario(JSON.parse(JSON.stringify(out.scenario))));
    expect(again.violation).toEqual(out.violation);
  }, 120_000);

  it('a clean seed is deterministic', () => {
    const a = run(5);
    const b = run(5);
    expect(b.events).toBe(a.events);
    expect(JSON.stringify(b.scenario)).toBe(JSON.stringify(a.scenario));
  }, 60_000);
});
