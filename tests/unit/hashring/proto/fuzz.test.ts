/**
 * The fuzzer on the ring: the correct protocol survives the CI's seeds (2,000 are run from the
 * CLI: see the report), each bug is caught within 2,000 seeds and replays, the membership
 * driver uses every fault, and Raft's and ZAB's generated scenarios did not change.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HASHRING_BUGS } from '../../../../src/core/hashring/types';
import { getProtocol } from '../../../../src/core/registry';
import { fuzzOne } from '../../../../src/sim/fuzz';
import { runHeadless } from '../../../../src/sim/run';
import { parseScenario } from '../../../../src/sim/scenario';

const ring = getProtocol('hashring')!;
const CI_SEEDS = 300;
const BUG_SEED_BUDGET = 2000;

describe('fuzz: hashring', () => {
  it(`the correct ring survives ${CI_SEEDS} seeds of adds, removes, crashes, restarts, cuts to the router, partitions, loss and slow links`, () => {
    const seen = new Set<string>();
    let events = 0;
    for (let seed = 1; seed <= CI_SEEDS; seed++) {
      const o = fuzzOne(seed, { protocol: ring });
      if (o.violation) throw new Error(`seed ${seed}: ${JSON.stringify(o.violation)}\n${JSON.stringify(o.scenario)}`);
      events += o.events;
      for (const a of o.scenario.script) seen.add((a.do === 'cut' || a.do === 'mend') && a.client === undefined ? `${a.do}:${a.from === 0 ? 'from' : 'to'}-router` : a.do);
      const c = o.scenario.config as Record<string, unknown>;
      seen.add(`scheme:${c.scheme}`);
      seen.add(`detector:${c.detector}`);
      if (c.latencyMaxMs !== undefined) seen.add('slow');
    }
    expect([...seen].sort()).toEqual(
      ['add', 'crash', 'cut:from-router', 'cut:to-router', 'detector:phi', 'detector:timeout', 'drop', 'heal', 'mend:from-router', 'mend:to-router', 'partition', 'remove', 'restart', 'scheme:bounded', 'scheme:jump', 'scheme:rendezvous', 'scheme:ring', 'slow'].sort(),
    );
    expect(events).toBeGreaterThan(CI_SEEDS * 300);
  }, 120_000);

  it.each(HASHRING_BUGS.map((b) => [b]))('catches %s within 2,000 seeds, and the scenario replays the violation', (bug) => {
    let found = null;
    for (let seed = 1; seed <= BUG_SEED_BUDGET && !found; seed++) {
      const o = fuzzOne(seed, { protocol: ring, bug });
      if (o.violation) found = o;
    }
    expect(found, `${bug} not caught in ${BUG_SEED_BUDGET} seeds`).not.toBeNull();
    const replay = runHeadless(parseScenario(found!.scenario));
    expect(replay.violation).toEqual(found!.violation);
  });

  it('is deterministic per seed', () => {
    expect(fuzzOne(77, { protocol: ring })).toEqual(fuzzOne(77, { protocol: ring }));
  });

  it('left Raft\'s and ZAB\'s generated scenarios byte-identical (hashes taken before the membership driver was added)', () => {
    const pinned: Record<string, string> = {
      raft: 'ac8967dfbeca24146569e42b9f4d53a8b9dc2581fa1b3af69e6945b3df286723',
      zab: 'bc9846c8ef7e4a8566445695bbfb7e3613c89f0f1612e15c52f039cf6112b4e4',
    };
    for (const name of ['raft', 'zab']) {
      const h = createHash('sha256');
      for (let s = 1; s <= 60; s++) {
        const o = fuzzOne(s, { protocol: getProtocol(name)! });
        h.update(JSON.stringify(o.scenario));
        h.update(String(o.events));
      }
      expect(h.digest('hex'), name).toBe(pinned[name]);
    }
  }, 60_000);
});
