/**
 * `npm run bench`: prints JSON with, for each protocol (Raft, ZAB) under the same load:
 *  - simulated events per second for a 5-node cluster under client load, no UI:
 *    bare (checkers only, as the CLI and fuzzer run) and recorded (history + keyframes,
 *    as the app runs);
 *  - the time to seek to random frames of a 1,000,000-event history;
 *  - the time to act at an earlier frame (a fork), which replays from frame 0.
 * `npm run bench -- raft` (or zab) measures one. `hashring` is the ring's placement layer
 * (bench-hashring.ts: ring recompute, jump, rendezvous, bounded), run like a protocol in its own
 * process whether or not the protocol is registered; so is `coord`, the coordination layer
 * (bench-coord.ts: the linearizability check on a 10,000-operation ZooKeeper history). Wall-clock timing lives here and only
 * here: speed is measured by this, not by tests.
 */
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { getProtocol } from '../core/registry';
import { benchCoord } from './bench-coord';
import { benchHashring } from './bench-hashring';
import { Rng } from '../sim/prng';
import { runHeadless } from '../sim/run';
import { parseScenario, type Scenario, type ScriptAction } from '../sim/scenario';
import { SimSession } from '../sim/session';

const HISTORY_FRAMES = 1_000_000;
const SEEKS = 200;

function loadScenario(protocol: string, untilMs: number): Scenario {
  // A client request every 5 ms, plus a crash and restart every ~20 s (the nodes in turn,
  // so sometimes the leader) so elections, truncation and catch-up are part of the load,
  // not only steady-state replication. The same load for every protocol.
  const script: ScriptAction[] = [];
  for (let t = 100; t < untilMs; t += 5) script.push({ at: t, do: 'request', value: `k${t}` });
  for (let t = 20_000, n = 1; t < untilMs; t += 20_000, n = (n % 5) + 1) {
    script.push({ at: t, do: 'crash', node: n }, { at: t + 3000, do: 'restart', node: n });
  }
  script.sort((a, b) => a.at - b.at);
  return { protocol, nodes: 5, seed: 7, until: untilMs, script };
}

function mb(bytes: number): number {
  return Math.round(bytes / 1e5) / 10;
}

function benchProtocol(protocol: string) {
  // 1. Throughput, bare: the CLI/fuzzer path (checkers on, no history).
  const bareParsed = parseScenario(loadScenario(protocol, 400_000));
  runHeadless(parseScenario(loadScenario(protocol, 20_000))); // warm-up
  let t0 = performance.now();
  const bare = runHeadless(bareParsed);
  const bareMs = performance.now() - t0;

  // 2. Throughput, recorded: the app's path (history rows, notes, keyframes, checkers).
  const session = new SimSession();
  const loaded = session.load(loadScenario(protocol, 1_500_000));
  if (!loaded.ok) throw new Error(loaded.error);
  const heapBefore = process.memoryUsage().heapUsed;
  t0 = performance.now();
  // One call records at most MAX_NEW_FRAMES_PER_CALL frames (the worker stays responsive).
  let end = session.seek(HISTORY_FRAMES);
  while (end.head < HISTORY_FRAMES && !end.violation) end = session.seek(HISTORY_FRAMES);
  const recordMs = performance.now() - t0;
  const heapAfter = process.memoryUsage().heapUsed;

  // 3. Seeks to random frames of the 1M-event history.
  const rng = new Rng(1, 'bench');
  const times: number[] = [];
  for (let i = 0; i < SEEKS; i++) {
    const f = rng.int(0, end.head + 1);
    const s = performance.now();
    const v = session.seek(f);
    times.push(performance.now() - s);
    if (v.frame !== f) throw new Error(`seek to ${f} landed on ${v.frame}`);
  }
  times.sort((a, b) => a - b);

  // 4. Forks: a user action at an earlier frame truncates the history and rebuilds the
  // checkers by replaying from frame 0 (cost grows with the frame acted at).
  const forks: { atFrame: number; ms: number }[] = [];
  for (const f of [end.head >> 1, end.head >> 2, end.head >> 4]) {
    session.seek(f);
    const s0 = performance.now();
    session.act({ do: 'request', value: 'fork' });
    forks.push({ atFrame: f, ms: Math.round(performance.now() - s0) });
  }
  const q = (p: number) => Math.round(times[Math.min(times.length - 1, Math.floor(p * times.length))] * 1000) / 1000;
  const r = (x: number) => Math.round(x);

  return {
    throughput: {
      scenario: `5-node ${protocol}, a client request every 5 ms, a crash/restart every 20 s`,
      bare: { events: bare.sim.frame, ms: r(bareMs), eventsPerSec: r((bare.sim.frame / bareMs) * 1000), violation: bare.violation },
      recorded: {
        events: end.head,
        ms: r(recordMs),
        eventsPerSec: r((end.head / recordMs) * 1000),
        heapGrowthMB: mb(heapAfter - heapBefore),
        virtualTimeMs: end.time,
      },
    },
    fork: forks,
    seek: { historyFrames: end.head, seeks: SEEKS, meanMs: Math.round((times.reduce((a, b) => a + b, 0) / SEEKS) * 1000) / 1000, p50Ms: q(0.5), p99Ms: q(0.99), maxMs: q(1) },
  };
}

const asked = process.argv.slice(2);
// 'hashring' benches the placement layer and 'coord' the coordination layer (bench-coord.ts),
// which need no registered protocol.
const sections: Record<string, () => unknown> = { hashring: benchHashring, coord: benchCoord };
const known = (n: string) => n in sections || getProtocol(n) !== undefined;
for (const n of asked) if (!known(n)) throw new Error(`bench: no protocol ${n}`);
const machine = { node: process.version, cpus: cpus().length };
if (asked.length === 1) {
  const section = sections[asked[0]];
  const result = section ? section() : benchProtocol(asked[0]);
  process.stdout.write(JSON.stringify({ machine, [asked[0]]: result }, null, 2) + '\n');
} else {
  // One process per protocol, so one run's garbage never shows in the next one's heap growth.
  const names = asked.length > 0 ? asked : ['raft', 'zab', 'hashring', 'coord'].filter(known);
  const results: Record<string, unknown> = {};
  for (const n of names) {
    const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1], n], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (child.status !== 0) throw new Error(`bench ${n} failed: ${child.stderr}`);
    results[n] = (JSON.parse(child.stdout) as Record<string, unknown>)[n];
  }
  process.stdout.write(JSON.stringify({ machine, ...results }, null, 2) + '\n');
}
