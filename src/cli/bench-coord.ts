/**
 * `npm run bench -- coord`: the coordination layer's timings. Today: the linearizability
 * check (src/core/coord/zookeeper/linearizable.ts) on a 10,000-operation ZooKeeper history,
 * the median of RUNS runs after WARMUP; and the layer's simulated events per second (a 3-server
 * ZAB ensemble hosting ZooKeeper, 8 clients, a client op every 5 ms, a server crash/restart every
 * 20 s), headless with every checker on, as the CLI and the fuzzer run it — the end-of-run
 * linearizability check timed apart.
 *
 * The history comes from `zkBenchHistory`, a small stand-alone imitation of a ZooKeeper
 * ensemble with a seeded PRNG (src/sim/prng.ts): 3 servers (1 leads; 2 follows closely; 3
 * lags 5–40 ms behind, so its clients read stale data), 8 clients, each connected to one server
 * and running one op at a time with random think times: getData/setData (conditional or not)
 * on /config, ephemeral members and getChildren under /svc, sequential jobs created, listed
 * and deleted under /jobs, keys created, read, set and deleted under /app, syncs before some
 * reads. Writes commit at the leader 1–4 ms after they are sent, every server applies the log
 * in order, and a client's write or sync completes once its own server applied it. About 1 in
 * 100 writes loses its reply (it never completes; half of them still commit) and 1 in 200
 * answers ConnectionLoss; a few clients close and reconnect; one pauses long enough for the
 * leader to expire its session, gets SessionExpired, and connects again. Outcomes come from
 * the same tree.ts every server runs, so the history is consistent by construction: the check
 * must pass, with stale reads.
 */
import { performance } from 'node:perf_hooks';
import { checkZkHistory, type ZkCheckOptions } from '../core/coord/zookeeper/linearizable';
import { read } from '../core/coord/zookeeper/server';
import { applyTxn, newTree, type ZkTree } from '../core/coord/zookeeper/tree';
import { sessionIdOf, type SessionId, type ZkOpName, type ZkOpRecord, type ZkOutcome, type ZkReadRequest, type ZkTxn } from '../core/coord/zookeeper/types';
import { newWatches } from '../core/coord/zookeeper/watches';
import { Rng } from '../sim/prng';
import { runHeadless } from '../sim/run';
import { parseScenario, type Scenario } from '../sim/scenario';

const SERVERS = 3;
const CLIENTS = 8;
const OPS = 10_000;
const WARMUP = 3;
const RUNS = 9;

type Write = Extract<ZkTxn, { type: 'create' | 'delete' | 'setData' | 'closeSession' | 'createSession' }>;

interface Pending {
  rec: number;
  kind: 'write' | 'read' | 'sync' | 'local';
  /** write/sync: the log index it waits for (−1 until committed). */
  entry: number;
  /** write/sync: when the leader commits it; read: when the server serves it. */
  at: number;
  /** The reply is lost: the client gives up at this time and the record stays open. */
  lost: boolean;
  /** The client sees ConnectionLoss at this time instead of the answer. */
  connLossAt: number | null;
  req?: ZkReadRequest;
  txn?: Write;
  /** Completes at this time (set once known). */
  doneAt: number | null;
  outcome?: ZkOutcome;
}

interface ClientState {
  id: number;
  server: number;
  session: SessionId;
  sessions: number;
  nextAt: number;
  op: Pending | null;
  /** Version last seen of /config, a child list last seen under /jobs, own /svc members. */
  configVersion: number;
  jobs: string[];
  /** Ops left in a pause (then SessionExpired, then connect). */
  expiredAfterPause: boolean;
  pauseUntil: number;
}

export interface ZkBenchHistory {
  records: ZkOpRecord[];
  /** The leader's expiries, as checkZkHistory takes them. */
  expiries: NonNullable<ZkCheckOptions['expiries']>;
}

/** A realistic concurrent ZooKeeper history of about `ops` records (see the file comment). */
export function zkBenchHistory(seed: number, ops = OPS): ZkBenchHistory {
  const rng = new Rng(seed, 'bench-coord');
  const records: ZkOpRecord[] = [];
  const expiries: ZkBenchHistory['expiries'] = [];
  const log: { txn: Write | null; commitAt: number }[] = [];
  const trees: ZkTree[] = [];
  const applied: number[] = [];
  const arrival: number[][] = [];
  const outcomes: (ZkOutcome | undefined)[] = [];
  for (let s = 0; s < SERVERS; s++) {
    trees.push(newTree());
    applied.push(0);
    arrival.push([]);
  }
  const lag = (s: number) => (s === 0 ? 0 : s === 1 ? rng.int(0, 4) : rng.int(5, 41));
  const commit = (txn: Write | null, t: number): number => {
    log.push({ txn, commitAt: t });
    const i = log.length - 1;
    for (let s = 0; s < SERVERS; s++) arrival[s].push(Math.max(i > 0 ? arrival[s][i - 1] : 0, t + lag(s)));
    return i;
  };
  const sessionsMade = new Array<number>(SERVERS).fill(0);
  const newSession = (server: number) => sessionIdOf(server + 1, ++sessionsMade[server]);

  const clients: ClientState[] = [];
  for (let c = 1; c <= CLIENTS; c++) clients.push({ id: c, server: (c - 1) % SERVERS, session: 0, sessions: 0, nextAt: 0, op: null, configVersion: 0, jobs: [], expiredAfterPause: false, pauseUntil: -1 });
  const pauser = clients[CLIENTS - 1];
  let pauseDone = false;
  let expireAt = null as { session: SessionId; at: number } | null;

  const record = (c: ClientState, op: ZkOpName, args: Record<string, unknown>, t: number): number => {
    records.push({ client: c.id, op, args, invoke: t, complete: null, ok: false, result: null, error: null, session: c.session, zxid: 0 });
    return records.length - 1;
  };
  /** A create, delete or setData with its scenario args; the txn is the same fields. */
  const startWrite = (c: ClientState, op: 'create' | 'delete' | 'setData', args: Record<string, unknown>, t: number) => {
    const txn = { ...args, type: op, session: c.session, cxid: 0, timeMs: t } as Write;
    const rec = record(c, op, args, t);
    const lost = rng.chance(0.01);
    const connLoss = !lost && rng.chance(0.005);
    c.op = { rec, kind: 'write', entry: -1, at: t + rng.int(1, 5), lost, connLossAt: connLoss ? t + rng.int(1, 6) : null, txn, doneAt: lost ? t + 30 : null };
    // A lost or cut-off request reaches the leader only half of the time.
    if ((lost || connLoss) && rng.chance(0.5)) c.op.at = Infinity;
  };
  const startRead = (c: ClientState, req: ZkReadRequest, t: number) => {
    const rec = record(c, req.op, { path: req.path, watch: false }, t);
    c.op = { rec, kind: 'read', entry: -1, at: t + rng.int(0, 3), lost: false, connLossAt: null, req, doneAt: null };
  };
  const startSync = (c: ClientState, t: number) => {
    const rec = record(c, 'sync', { path: '/' }, t);
    c.op = { rec, kind: 'sync', entry: -1, at: t + rng.int(1, 5), lost: false, connLossAt: null, doneAt: null };
  };

  const choose = (c: ClientState, t: number) => {
    if (c.session === 0) {
      c.session = newSession(c.server);
      const rec = record(c, 'connect', { sessionTimeoutMs: 4000 }, t);
      const txn: Write = { type: 'createSession', session: c.session, timeoutMs: 4000, cxid: 0, timeMs: t };
      c.op = { rec, kind: 'write', entry: -1, at: t + rng.int(1, 3), lost: false, connLossAt: null, txn, doneAt: null };
      return;
    }
    if (c.id === 1 && c.sessions === 0) {
      // Client 1 lays out the tree first.
      const roots = ['/config', '/svc', '/jobs', '/app'];
      const next = roots.find((p) => !records.some((r) => r.client === 1 && r.op === 'create' && r.args.path === p));
      if (next !== undefined) return startWrite(c, 'create', { path: next, data: 'v0', ephemeral: false, sequential: false }, t);
      c.sessions = 1;
    }
    if (c === pauser && !pauseDone && records.length > ops / 4) {
      pauseDone = true;
      const ms = 6000;
      const rec = record(c, 'pause', { ms }, t);
      records[rec].complete = t + ms;
      records[rec].ok = true;
      c.pauseUntil = t + ms;
      c.expiredAfterPause = true;
      // The leader's session tracker expires it (timeout 4000 ms, checked on the tick).
      expireAt = { session: c.session, at: t + 4000 + rng.int(0, 2000) };
      return;
    }
    if (c.expiredAfterPause) {
      // The first op after the pause learns the session is gone.
      c.expiredAfterPause = false;
      const rec = record(c, 'getData', { path: '/config', watch: false }, t);
      Object.assign(records[rec], { complete: t + rng.int(1, 4), ok: false, error: 'SessionExpired' });
      c.session = 0;
      c.nextAt = (records[rec].complete ?? t) + 1;
      return;
    }
    if (rng.chance(0.003)) {
      const rec = record(c, 'close', {}, t);
      c.op = { rec, kind: 'write', entry: -1, at: t + rng.int(1, 5), lost: false, connLossAt: null, txn: { type: 'closeSession', session: c.session, reason: 'close', cxid: 0, timeMs: t }, doneAt: null };
      return;
    }
    if (rng.chance(0.05)) return startSync(c, t);
    const area = rng.next();
    const data = `v${rng.int(0, 1000)}`;
    if (area < 0.3) {
      const x = rng.next();
      if (x < 0.6) return startRead(c, { op: 'getData', path: '/config', watch: false }, t);
      const version = x < 0.85 ? -1 : c.configVersion;
      return startWrite(c, 'setData', { path: '/config', data, version }, t);
    }
    if (area < 0.5) {
      const x = rng.next();
      if (x < 0.7) return startRead(c, { op: 'getChildren', path: '/svc', watch: false }, t);
      const path = `/svc/c${c.id}-${rng.int(0, 3)}`;
      if (x < 0.88) return startWrite(c, 'create', { path, data, ephemeral: true, sequential: false }, t);
      return startWrite(c, 'delete', { path, version: -1 }, t);
    }
    if (area < 0.75) {
      const x = rng.next();
      if (x < 0.35) return startWrite(c, 'create', { path: '/jobs/j-', data, ephemeral: false, sequential: true }, t);
      if (x < 0.65 || c.jobs.length === 0) return startRead(c, { op: 'getChildren', path: '/jobs', watch: false }, t);
      const path = '/jobs/' + rng.pick(c.jobs);
      return startWrite(c, 'delete', { path, version: -1 }, t);
    }
    const path = `/app/k${rng.int(0, 6)}`;
    const x = rng.next();
    if (x < 0.2) return startWrite(c, 'create', { path, data, ephemeral: false, sequential: false }, t);
    if (x < 0.3) return startWrite(c, 'delete', { path, version: -1 }, t);
    if (x < 0.45) return startWrite(c, 'setData', { path, data, version: -1 }, t);
    return startRead(c, { op: x < 0.7 ? 'exists' : 'getData', path, watch: false }, t);
  };

  const finish = (c: ClientState, t: number) => {
    const op = c.op;
    if (op === null) return;
    const r = records[op.rec];
    if (op.connLossAt !== null) {
      Object.assign(r, { complete: op.connLossAt, ok: false, error: 'ConnectionLoss' });
    } else if (!op.lost && op.outcome !== undefined) {
      r.complete = t;
      r.ok = op.outcome.ok;
      if (op.outcome.ok) {
        r.result = op.txn?.type === 'createSession' ? { session: c.session, negotiatedTimeoutMs: 4000 } : op.kind === 'sync' ? '/' : op.outcome.result;
        if (r.op === 'getChildren' && r.args.path === '/jobs') c.jobs = op.outcome.result as string[];
        if (r.op === 'getData' && r.args.path === '/config') c.configVersion = (op.outcome.result as { stat: { version: number } }).stat.version;
        if (r.op === 'setData' && r.args.path === '/config') c.configVersion = (op.outcome.result as { version: number }).version;
      } else r.error = op.outcome.error;
    }
    if (r.op === 'close' && op.connLossAt === null && !op.lost) c.session = 0;
    c.op = null;
    c.nextAt = t + rng.int(0, 4);
  };

  for (let t = 0; records.length < ops || clients.some((c) => c.op !== null || c.expiredAfterPause); t++) {
    if (expireAt !== null && expireAt.at <= t) {
      commit({ type: 'closeSession', session: expireAt.session, reason: 'expire', cxid: 0, timeMs: t }, t);
      expiries.push({ session: expireAt.session, after: t, before: t });
      expireAt = null;
    }
    // The leader commits what is due (clients in id order).
    for (const c of clients) {
      const op = c.op;
      if (op !== null && (op.kind === 'write' || op.kind === 'sync') && op.entry < 0 && op.at <= t) op.entry = commit(op.kind === 'sync' ? null : (op.txn ?? null), t);
    }
    // Every server applies the log in order as commits arrive.
    for (let s = 0; s < SERVERS; s++) {
      while (applied[s] < log.length && arrival[s][applied[s]] <= t) {
        const i = applied[s];
        const txn = log[i].txn;
        const out = txn === null ? { ok: true as const, result: null } : applyTxn(trees[s], txn, i + 1).outcome;
        if (outcomes[i] === undefined) outcomes[i] = out;
        applied[s]++;
      }
    }
    for (const c of clients) {
      const op = c.op;
      if (op !== null) {
        if (op.connLossAt !== null && op.connLossAt <= t) finish(c, t);
        else if (op.lost && op.doneAt !== null && op.doneAt <= t) finish(c, t);
        else if (!op.lost && op.connLossAt === null) {
          if (op.kind === 'read' && op.doneAt === null && op.at <= t && op.req) {
            op.outcome = read({ tree: trees[c.server], watches: newWatches() }, c.session, op.req);
            op.doneAt = t + rng.int(0, 3);
          } else if ((op.kind === 'write' || op.kind === 'sync') && op.doneAt === null && op.entry >= 0 && applied[c.server] > op.entry) {
            op.outcome = outcomes[op.entry];
            op.doneAt = t + rng.int(0, 2);
          }
          if (op.doneAt !== null && op.doneAt <= t) finish(c, t);
        }
      }
      if (c.op === null && (records.length < ops || c.expiredAfterPause) && t >= c.nextAt && t >= c.pauseUntil) choose(c, t);
    }
  }
  return { records, expiries };
}

/** The load of the events/s figure: 8 clients on a 3-server ensemble, a random op every 5 ms, crashes. */
function coordLoadScenario(untilMs: number): Scenario {
  const rng = new Rng(3, 'bench-coord-load');
  const script: Record<string, unknown>[] = [];
  for (let c = 1; c <= CLIENTS; c++) script.push({ at: 100, do: 'client', client: c, op: 'connect', sessionTimeoutMs: 4000 });
  script.push({ at: 600, do: 'client', client: 1, op: 'create', path: '/app', data: 'v0' });
  for (let t = 1000, i = 0; t < untilMs; t += 5, i++) {
    const client = rng.int(1, CLIENTS + 1);
    const pick = rng.int(0, 10);
    const path = '/app';
    const op =
      pick < 3 ? { op: 'getData', path, watch: pick === 0 }
      : pick < 5 ? { op: 'setData', path, data: `v${i}` }
      : pick < 6 ? { op: 'create', path: '/app/n-', ephemeral: true, sequential: true }
      : pick < 7 ? { op: 'getChildren', path, watch: true }
      : pick < 8 ? { op: 'sync', path }
      : { op: 'exists', path: `/app/k${rng.int(0, 20)}`, watch: pick === 9 };
    script.push({ at: t, do: 'client', client, ...op });
  }
  for (let t = 20_000, n = 1; t < untilMs; t += 20_000, n = (n % SERVERS) + 1) {
    script.push({ at: t, do: 'crash', node: n }, { at: t + 3000, do: 'restart', node: n });
  }
  script.sort((a, b) => (a.at as number) - (b.at as number));
  return { protocol: 'zab', nodes: SERVERS, seed: 7, until: untilMs, config: { tickTimeMs: 200 }, service: 'zookeeper', clients: CLIENTS, script } as unknown as Scenario;
}

function benchCoordThroughput() {
  runHeadless(parseScenario(coordLoadScenario(10_000))); // warm-up
  const parsed = parseScenario(coordLoadScenario(120_000));
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const run = runHeadless(parsed);
  const c = process.cpuUsage(c0);
  const ms = performance.now() - t0;
  const cpuMs = (c.user + c.system) / 1000;
  const frames = run.sim.frame;
  return {
    scenario: `3-server ZAB + ZooKeeper, ${CLIENTS} clients, a client op every 5 ms, a crash/restart every 20 s, 120 s of virtual time`,
    events: frames,
    ms: Math.round(ms),
    eventsPerSec: Math.round((frames / ms) * 1000),
    eventsPerCpuSec: Math.round((frames / cpuMs) * 1000),
    violation: run.violation ? run.violation.invariant : null,
  };
}

export function benchCoord() {
  const throughput = benchCoordThroughput();
  const { records, expiries } = zkBenchHistory(1);
  const check = () => checkZkHistory(records, { expiries });
  let last = check();
  for (let i = 0; i < WARMUP; i++) last = check();
  const ms: number[] = [];
  // CPU time beside wall time: on a shared 2-core machine the wall clock mostly measures the neighbours.
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    last = check();
    const c = process.cpuUsage(c0);
    ms.push(performance.now() - t0);
    cpu.push((c.user + c.system) / 1000);
  }
  ms.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 10) / 10;
  const pending = records.filter((x) => x.complete === null || x.error === 'ConnectionLoss').length;
  return {
    throughput,
    linearizability: {
      history: { ops: records.length, clients: CLIENTS, servers: SERVERS, pending, sessionExpiries: expiries.length },
      result: { ok: last.ok, checked: last.checked, staleReads: last.staleReads.length, steps: last.steps },
      runs: RUNS,
      medianMs: r(ms[RUNS >> 1]),
      minMs: r(ms[0]),
      maxMs: r(ms[RUNS - 1]),
      cpuMedianMs: r(cpu[RUNS >> 1]),
    },
  };
}
