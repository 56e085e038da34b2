/**
 * The fuzzer against the real Raft: the correct protocol survives the CI's seeds, every
 * deliberate bug is caught within 2,000 seeds, and a failure replays from its scenario.
 * (100,000 seeds are run outside CI: see the README.)
 */
import { describe, expect, it } from 'vitest';
import { getProtocol } from '../../../src/core/registry';
import { RAFT_BUGS } from '../../../src/core/raft/types';
import { fuzzOne, shrink } from '../../../src/sim/fuzz';
import { runHeadless } from '../../../src/sim/run';
import { parseScenario } from '../../../src/sim/scenario';

const raft = getProtocol('raft')!;
const CI_SEEDS = 400;
const BUG_SEED_BUDGET = 2000;

describe('fuzz: raft', () => {
  it(`the correct protocol survives ${CI_SEEDS} seeds of crashes, partitions, cuts, loss and load`, () => {
    let events = 0;
    for (let seed = 1; seed <= CI_SEEDS; seed++) {
      const o = fuzzOne(seed, { protocol: raft });
      if (o.violation) throw new Error(`seed ${seed}: ${JSON.stringify(o.violation)}\n${JSON.stringify(o.scenario)}`);
      events += o.events;
    }
    expect(events).toBeGreaterThan(CI_SEEDS * 300); // the runs did real work
  });

  it.each(RAFT_BUGS.map((b) => [b]))('catches %s within 2,000 seeds, and the scenario replays the violation', (bug) => {
    let found = null;
    for (let seed = 1; seed <= BUG_SEED_BUDGET && !found; seed++) {
      const o = fuzzOne(seed, { protocol: raft, bug });
      if (o.violation) found = o;
    }
    expect(found, `${bug} not caught in ${BUG_SEED_BUDGET} seeds`).not.toBeNull();
    const replay = runHeadless(parseScenario(found!.scenario));
    expect(replay.violation).toEqual(found!.violation);
  });

  it('turns ordering faults on in some seeds (links are FIFO otherwise), from a stream of their own', () => {
    const configs = Array.from({ length: 200 }, (_, i) => fuzzOne(i + 1, { protocol: raft }).scenario.config as Record<string, unknown>);
    const reordering = configs.filter((c) => c.reorderRate !== undefined).length;
    const duplicating = configs.filter((c) => c.duplicateRate !== undefined).length;
    expect(reordering).toBeGreaterThan(10);
    expect(reordering).toBeLessThan(60);
    expect(duplicating).toBeGreaterThan(5);
    // Forcing reordering changes only the ordering fields: the faults and the load are the same.
    const plain = fuzzOne(5, { protocol: raft }).scenario;
    const forced = fuzzOne(5, { protocol: raft, reorder: true }).scenario;
    expect((forced.config as Record<string, unknown>).reorderRate).toBeGreaterThan(0);
    expect(forced.nodes).toBe(plain.nodes);
    expect(forced.until).toBe(plain.until);
    expect(forced.script.slice(0, 3)).toEqual(plain.script.slice(0, 3));
  });

  it('never reorders or duplicates by itself for a protocol that is only required to be safe over FIFO links (ZAB)', () => {
    const fifoOnly = { ...raft, fifoOnly: true };
    for (let seed = 1; seed <= 100; seed++) {
      const c = fuzzOne(seed, { protocol: fifoOnly }).scenario.config as Record<string, unknown>;
      expect(c.reorderRate ?? c.duplicateRate, `seed ${seed}`).toBeUndefined();
    }
    expect((fuzzOne(1, { protocol: fifoOnly, reorder: true }).scenario.config as Record<string, unknown>).reorderRate).toBeGreaterThan(0);
  });

  it(`with reordering links in every seed the correct protocol survives ${CI_SEEDS / 2} seeds, and each bug is still caught within 2,000`, () => {
    for (let seed = 1; seed <= CI_SEEDS / 2; seed++) {
      const o = fuzzOne(seed, { protocol: raft, reorder: true });
      if (o.violation) throw new Error(`seed ${seed}: ${JSON.stringify(o.violation)}\n${JSON.stringify(o.scenario)}`);
    }
    for (const bug of RAFT_BUGS) {
      let seed = 1;
      while (seed <= BUG_SEED_BUDGET && !fuzzOne(seed, { protocol: raft, bug, reorder: true }).violation) seed++;
      expect(seed, `${bug} not caught in ${BUG_SEED_BUDGET} seeds with reordering`).toBeLessThanOrEqual(BUG_SEED_BUDGET);
    }
  }, 120_000);

  it('is deterministic per seed', () => {
    expect(fuzzOne(77, { protocol: raft })).toEqual(fuzzOne(77, { protocol: raft }));
  });

  it('shrinks a failing scenario to fewer actions that still fail the same way', () => {
    let found = null;
    for (let seed = 1; !found; seed++) {
      const o = fuzzOne(seed, { protocol: raft, bug: 'doubleVote' });
      if (o.violation) found = o;
    }
    const small = shrink(found.scenario, found.violation!.invariant, 150);
    expect(small.script.length).toBeLessThanOrEqual(found.scenario.script.length);
    expect(runHeadless(parseScenario(small)).violation?.invariant).toBe(found.violation!.invariant);
  });
});
