/**
 * "How fast can a dead node be detected?" — measured, not derived. For a grid of heartbeat
 * intervals and detector settings (the timeout detector's timeoutMs; the phi-accrual
 * detector's threshold) on a lossy, jittery network, run the hash ring's real router and
 * nodes headless (the same protocol code the app animates) and measure:
 *  - detection time: from a node's crash to the router declaring it down, over several
 *    crashes at different phases of the heartbeat cycle;
 *  - false suspicions: members declared down while alive (their heartbeats were lost or
 *    late), per node-hour of virtual time.
 * A longer timeout (or a higher φ threshold) detects later and suspects falsely less often:
 * the lesson plots that trade-off curve. There is no single right value on it; the formula
 * some articles give for "the right heartbeat period" (T = 2NZ/P) is shown beside it in the
 * lesson, with what it leaves out (src/ui/hashring/lessons/i18n.ts).
 *
 * Deterministic: each cell is a scenario with a fixed seed; the same argument gives the same
 * result in Node and in the worker. Kept small enough to run when the lesson opens (well
 * under a second on a laptop core: tests/unit/hashring-lessons/detector.test.ts measures it).
 */
import { ScenarioError, isPlainObject } from '../../core/protocol';
import { ChangeAction, type DetectorKind, type HashringHubView } from '../../core/hashring/types';
import { parseScenario } from '../scenario';
import { Simulation } from '../simulation';

/** The network the grid runs on: lossy and jittery (a congested WAN link, not a LAN). */
export interface DetectorNetwork {
  dropRate: number;
  latencyMinMs: number;
  latencyMaxMs: number;
}

export interface DetectorArg {
  /** Heartbeat intervals to try, ms. */
  heartbeatsMs?: number[];
  /** Timeouts, as multiples of the heartbeat interval (the timeout detector). */
  timeoutFactors?: number[];
  /** φ thresholds (the phi-accrual detector). */
  phiThresholds?: number[];
  network?: Partial<DetectorNetwork>;
  /** Storage nodes per run (each heartbeats to the router). */
  nodes?: number;
  /** Virtual time each cell runs, ms. */
  durationMs?: number;
  /** Crashes measured per cell (node 1 crashes and restarts this many times). */
  crashes?: number;
  seed?: number;
}

export interface DetectorPoint {
  detector: DetectorKind;
  heartbeatMs: number;
  /** timeout: timeoutMs; phi: the threshold. */
  setting: number;
  timeoutMs: number;
  phiThreshold: number;
  /** Crash → declared down, ms: mean and max over the measured crashes (null: never declared). */
  detectMeanMs: number | null;
  detectMaxMs: number | null;
  /** Crashes declared / measured; crashes that found the node already (falsely) declared down. */
  detected: number;
  alreadyDown: number;
  crashes: number;
  /** Alive members declared down, and per node-hour of alive virtual time. */
  falseSuspicions: number;
  falsePerNodeHour: number;
  nodeHours: number;
}

export interface DetectorResult {
  network: DetectorNetwork;
  nodes: number;
  durationMs: number;
  seed: number;
  heartbeatsMs: number[];
  points: DetectorPoint[];
}

export const DETECTOR_DEFAULTS = {
  heartbeatsMs: [100, 250, 500],
  timeoutFactors: [2, 3, 4, 6, 10],
  phiThresholds: [1, 2, 4, 8, 12],
  network: { dropRate: 0.1, latencyMinMs: 5, latencyMaxMs: 120 } satisfies DetectorNetwork,
  nodes: 4,
  durationMs: 60_000,
  crashes: 4,
  seed: 1,
} as const;

const numList = (v: unknown, field: string, min: number, max: number): number[] => {
  if (!Array.isArray(v) || v.length === 0 || v.length > 20) throw new ScenarioError(field, `a list of 1..20 numbers in ${min}..${max}`, v);
  return v.map((x, i) => {
    if (typeof x !== 'number' || !Number.isFinite(x) || x < min || x > max) throw new ScenarioError(`${field}[${i}]`, `a number in ${min}..${max}`, x);
    return x;
  });
};
const num = (v: unknown, field: string, d: number, min: number, max: number, int = true): number => {
  if (v === undefined) return d;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max || (int && !Number.isInteger(v))) {
    throw new ScenarioError(field, `${int ? 'an integer' : 'a number'} in ${min}..${max}`, v);
  }
  return v;
};

/** The argument with its defaults; a bad field is refused by name. */
export function detectorArg(raw: unknown): Required<DetectorArg> & { network: DetectorNetwork } {
  const a = raw === undefined || raw === null ? {} : raw;
  if (!isPlainObject(a)) throw new ScenarioError('detector', 'an object', raw);
  const d = DETECTOR_DEFAULTS;
  const netRaw = a.network === undefined ? {} : a.network;
  if (!isPlainObject(netRaw)) throw new ScenarioError('network', 'an object', a.network);
  const network: DetectorNetwork = {
    dropRate: num(netRaw.dropRate, 'network.dropRate', d.network.dropRate, 0, 0.5, false),
    latencyMinMs: num(netRaw.latencyMinMs, 'network.latencyMinMs', d.network.latencyMinMs, 0, 1000),
    latencyMaxMs: num(netRaw.latencyMaxMs, 'network.latencyMaxMs', d.network.latencyMaxMs, 0, 1000),
  };
  if (network.latencyMinMs > network.latencyMaxMs) throw new ScenarioError('network.latencyMinMs', 'at most network.latencyMaxMs', network.latencyMinMs);
  return {
    heartbeatsMs: a.heartbeatsMs === undefined ? [...d.heartbeatsMs] : numList(a.heartbeatsMs, 'heartbeatsMs', 10, 5000).map(Math.round),
    timeoutFactors: a.timeoutFactors === undefined ? [...d.timeoutFactors] : numList(a.timeoutFactors, 'timeoutFactors', 1, 100),
    phiThresholds: a.phiThresholds === undefined ? [...d.phiThresholds] : numList(a.phiThresholds, 'phiThresholds', 0.5, 50),
    network,
    nodes: num(a.nodes, 'nodes', d.nodes, 1, 8),
    durationMs: num(a.durationMs, 'durationMs', d.durationMs, 10_000, 3_600_000),
    crashes: num(a.crashes, 'crashes', d.crashes, 1, 50),
    seed: num(a.seed, 'seed', d.seed, 0, 2 ** 31 - 1),
  };
}

interface CellSpec {
  detector: DetectorKind;
  heartbeatMs: number;
  timeoutMs: number;
  phiThreshold: number;
  setting: number;
}

/**
 * One cell: `nodes` storage nodes heartbeat to the router for durationMs; node 1 crashes
 * `crashes` times, at times spread over the run and off the heartbeat grid (so the crash falls
 * at every phase of the cycle), each time restarting once the crash was declared (or after a
 * generous wait). The hub's change list says when each member was declared down.
 */
export function runCell(spec: CellSpec, a: ReturnType<typeof detectorArg>): DetectorPoint {
  const { durationMs, crashes, nodes, network, seed } = a;
  // Crash k at start of its slot, restart late in the slot: the slot is long enough for any
  // setting of the grid to declare the crash (else the crash counts as undetected).
  const slot = Math.floor(durationMs / (crashes + 1));
  const script: Record<string, unknown>[] = [];
  const crashAt: number[] = [];
  for (let k = 0; k < crashes; k++) {
    // Off the heartbeat grid: a fraction of the interval that differs crash to crash.
    const at = slot * (k + 1) + Math.round((spec.heartbeatMs * ((k * 7 + 3) % 11)) / 11);
    crashAt.push(at);
    script.push({ at, do: 'crash', node: 1 }, { at: at + Math.floor(slot * 0.8), do: 'restart', node: 1 });
  }
  const parsed = parseScenario({
    protocol: 'hashring',
    nodes,
    seed,
    until: durationMs,
    config: {
      // Placement is beside the point here: one key, one point per node, one replica keeps ring changes cheap.
      keys: 1,
      vnodes: 1,
      replicas: 1,
      heartbeatMs: spec.heartbeatMs,
      detector: spec.detector,
      timeoutMs: spec.timeoutMs,
      phiThreshold: spec.phiThreshold,
      ...network,
    },
    script,
  });
  const sim = new Simulation(parsed);
  sim.runUntil(durationMs);
  const hub = parsed.protocol.view(sim.nodes[0], true) as HashringHubView;
  const downWindow = Math.floor(slot * 0.8);
  // Node 1's first declared-down within a crash's window (crash → restart) is that crash's
  // detection; every other declared-down is a false suspicion (the member was alive). A crash
  // that finds node 1 already declared down (a false suspicion not yet cleared) is counted apart.
  const detections: (number | undefined)[] = new Array<number | undefined>(crashes).fill(undefined);
  let falseSuspicions = 0;
  const downAtCrash: boolean[] = new Array<boolean>(crashes).fill(false);
  let down = false;
  let k = 0;
  for (const c of hub.changes) {
    if (c.node !== 1) {
      if (c.action === ChangeAction.Down) falseSuspicions++;
      continue;
    }
    // Crashes before this change: was node 1 already declared down when each happened?
    while (k < crashes && crashAt[k] <= c.time) downAtCrash[k++] = down;
    if (c.action === ChangeAction.Down) {
      const i = k - 1;
      if (i >= 0 && c.time < crashAt[i] + downWindow && detections[i] === undefined && !down) detections[i] = c.time - crashAt[i];
      else falseSuspicions++;
      down = true;
    } else if (c.action === ChangeAction.Rejoin) down = false;
  }
  for (; k < crashes; k++) downAtCrash[k] = down;
  // (A heartbeat sent just before the crash may still rejoin it; then the crash is detected after all.)
  const alreadyDown = downAtCrash.filter((d, i) => d && detections[i] === undefined).length;
  const measured = detections.filter((x): x is number => x !== undefined);
  // Alive node time: every node for the whole run, less node 1's crashed stretches.
  const downMs = crashes * downWindow;
  const nodeHours = (nodes * durationMs - downMs) / 3_600_000;
  return {
    detector: spec.detector,
    heartbeatMs: spec.heartbeatMs,
    setting: spec.setting,
    timeoutMs: spec.timeoutMs,
    phiThreshold: spec.phiThreshold,
    detectMeanMs: measured.length ? Math.round(measured.reduce((s, x) => s + x, 0) / measured.length) : null,
    detectMaxMs: measured.length ? Math.max(...measured) : null,
    detected: measured.length,
    alreadyDown,
    crashes,
    falseSuspicions,
    falsePerNodeHour: Math.round((falseSuspicions / nodeHours) * 10) / 10,
    nodeHours: Math.round(nodeHours * 1000) / 1000,
  };
}

/** The experiment: every cell of the grid, timeout detector first, then phi. */
export function detectorExperiment(raw: unknown): DetectorResult {
  const a = detectorArg(raw);
  const points: DetectorPoint[] = [];
  for (const h of a.heartbeatsMs) {
    for (const f of a.timeoutFactors) {
      const timeoutMs = Math.round(h * f);
      points.push(runCell({ detector: 'timeout', heartbeatMs: h, timeoutMs, phiThreshold: 8, setting: timeoutMs }, a));
    }
  }
  for (const h of a.heartbeatsMs) {
    for (const phi of a.phiThresholds) points.push(runCell({ detector: 'phi', heartbeatMs: h, timeoutMs: 1000, phiThreshold: phi, setting: phi }, a));
  }
  return { network: a.network, nodes: a.nodes, durationMs: a.durationMs, seed: a.seed, heartbeatsMs: a.heartbeatsMs, points };
}
