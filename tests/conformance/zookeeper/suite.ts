/**
 * One conformance suite, two deployments: every sequence runs on real ZooKeeper 3.8
 * servers (one driver JVM for the whole batch, in beforeAll) and on the model, and each
 * test compares the two normalised records (compare.ts) line by line, so a failure shows
 * the differing steps as a diff (- real, + model).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { normalise } from './compare';
import { realRun, runReal, type BatchResult } from './driver';
import { modelRun } from './model';
import type { Sequence } from './sequences';
import { startCluster, type Cluster } from './servers';

export interface Deployment {
  /** In the tests' names. */
  label: string;
  servers: 1 | 3;
  /** The chroot prefix (each sequence runs under `${prefix}${index}`). */
  prefix: string;
  /** The server client c talks to (`asked`: the sequence's connect `server`, if any). */
  serverOf: (client: number, asked: number | undefined) => number;
}

export interface SuiteHandle {
  cluster: () => Cluster;
  results: () => BatchResult[];
}

export function conformanceSuite(d: Deployment, sequences: readonly Sequence[]): SuiteHandle {
  let cluster: Cluster | null = null;
  let results: BatchResult[] = [];
  beforeAll(async () => {
    cluster = await startCluster(d.servers);
    // Two driver JVMs side by side, every other sequence each: most of a step's time is
    // waiting (round trips, a reconnect's back-off, an expiry), not CPU.
    const items = sequences.map((s, i) => ({ steps: s.steps, chroot: `${d.prefix}${i}` }));
    const shards = [0, 1].map((k) => items.filter((_, i) => i % 2 === k));
    const addresses = cluster.addresses();
    const done = await Promise.all(shards.map((sh) => runReal(sh, addresses, d.serverOf)));
    results = items.map((_, i) => done[i % 2][Math.floor(i / 2)]);
  }, 150_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  it(`${d.label}: every sequence ran to its end on the real server${d.servers > 1 ? 's' : ''}`, () => {
    expect(results).toHaveLength(sequences.length);
    const problems = results.flatMap((r, i) => (r.problem ? [`${sequences[i].name}: ${r.problem}`] : []));
    expect(problems).toEqual([]);
  });

  sequences.forEach((seq, i) => {
    const name = `${d.label}: ${seq.name}`;
    const body = () => {
      const r = results[i];
      if (!r) throw new Error('no real run (the servers did not start?)');
      if (r.problem) throw new Error(r.problem);
      const real = normalise(seq.steps, realRun(seq.steps, r.lines));
      const model = normalise(seq.steps, modelRun(seq.steps));
      expect(model, `the model ("+ Received") against ZooKeeper 3.8 ${d.label} ("- Expected")`).toEqual(real);
    };
    if (seq.modelBug) it.fails(`${name} [MODEL BUG: ${seq.modelBug}]`, body);
    else it(name, body);
  });

  return { cluster: () => cluster as Cluster, results: () => results };
}
