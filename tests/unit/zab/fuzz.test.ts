/**
 * The fuzzer against ZAB: the correct protocol survives the CI's seeds; each deliberate
 * bug is caught within a few seeds (verified: commitWithoutQuorum first at seed 4, 469 of
 * 2,000 seeds; ignoreZxidInElection first at seed 3, 355 of 2,000), and the failing
 * scenario — shrunk, as the CLI prints it — replays the violation through the simulator.
 * (10,000+ clean seeds are run outside CI: see the report.)
 */
import { describe, expect, it } from 'vitest';
import { getProtocol } from '../../../src/core/registry';
import { ZAB_BUGS, ZAB_SERVICE_BUGS } from '../../../src/core/zab/types';
import { fuzzOne, shrink } from '../../../src/sim/fuzz';
import { runHeadless } from '../../../src/sim/run';
import { parseScenario } from '../../../src/sim/scenario';

const zab = getProtocol('zab')!;
const CI_SEEDS = 200;
const BUG_SEEDS = 30;

describe('fuzz: zab', () => {
  it(`the correct protocol survives ${CI_SEEDS} seeds of crashes, partitions, cuts, loss and load`, () => {
    let events = 0;
    for (let seed = 1; seed <= CI_SEEDS; seed++) {
      const o = fuzzOne(seed, { protocol: zab });
      if (o.violation) throw new Error(`seed ${seed}: ${JSON.stringify(o.violation)}\n${JSON.stringify(o.scenario)}`);
      events += o.events;
    }
    expect(events).toBeGreaterThan(CI_SEEDS * 300);
  });

  // The ZooKeeper service's bugs act only in service scenarios (the service fuzzer's tests).
  it.each(ZAB_BUGS.filter((b) => !ZAB_SERVICE_BUGS.includes(b)).map((b) => [b]))(`catches %s within ${BUG_SEEDS} seeds; the shrunk scenario replays it`, (bug) => {
    let found = null;
    for (let seed = 1; seed <= BUG_SEEDS && !found; seed++) {
      const o = fuzzOne(seed, { protocol: zab, bug });
      if (o.violation) found = o;
    }
    expect(found, `${bug} not caught in ${BUG_SEEDS} seeds`).not.toBeNull();
    expect(runHeadless(parseScenario(found!.scenario)).violation).toEqual(found!.violation);
    const small = shrink(found!.scenario, found!.violation!.invariant, 60);
    expect(runHeadless(parseScenario(small)).violation?.invariant).toBe(found!.violation!.invariant);
  });

  it('is deterministic per seed', () => {
    expect(fuzzOne(41, { protocol: zab })).toEqual(fuzzOne(41, { protocol: zab }));
  });
});
