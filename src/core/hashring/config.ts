/**
 * The hash ring's `config`: validation and documented defaults. Every refusal names the
 * field as `config.<name>` and says what was expected.
 */
import { ScenarioError } from '../protocol';
import { MAX_CONFIG_MS, configInt as int, configObject, NETWORK_DEFAULTS, parseBugs, parseNetworkFields } from '../config-fields';
import { HASHRING_BUGS, SCHEMES, type DetectorKind, type HashringBug, type HashringConfig, type Scheme } from './types';

/**
 * Defaults when a field is absent.
 * - scheme `ring`, 100 vnodes per node, 10,000 keys, R = 3: the picture people draw, with
 *   enough points that the load is even (CV ≈ 0.1 at 10 nodes) and Dynamo's / Cassandra's
 *   usual replication factor.
 * - loadFactor 1.25: the c Mirrokni et al. and Vimeo's HAProxy deployment use.
 * - heartbeatMs 100, detector `phi` with threshold 8 (Cassandra's phi_convict_threshold),
 *   a window of 100 intervals (Akka keeps 1000; a small one reacts visibly) and a standard
 *   deviation never below 20 ms (Akka's min-std-deviation is 100 ms for 1 s heartbeats).
 * - timeoutMs 1000 for the `timeout` detector: ten heartbeats.
 * - network 5–15 ms per message (a LAN between a load balancer and its backends), no loss.
 */
export const HASHRING_DEFAULTS: Readonly<Omit<HashringConfig, 'bugs'>> = Object.freeze({
  scheme: 'ring' as Scheme,
  vnodes: 100,
  keys: 10_000,
  replicas: 3,
  loadFactor: 1.25,
  heartbeatMs: 100,
  detector: 'phi' as DetectorKind,
  timeoutMs: 1000,
  phiThreshold: 8,
  phiWindow: 100,
  minStdDevMs: 20,
  // The shared network defaults, with a LAN's latency between a load balancer and its backends.
  ...NETWORK_DEFAULTS,
  latencyMinMs: 5,
  latencyMaxMs: 15,
});

export const HASHRING_LIMITS = {
  vnodes: [1, 1000],
  keys: [1, 100_000],
  replicas: [1, 5],
  /** 1 < c ≤ 4. */
  loadFactor: [1, 4],
  phiThreshold: [0.5, 100],
  phiWindow: [1, 1000],
} as const;

const FIELDS = [...Object.keys(HASHRING_DEFAULTS), 'bugs'];

/** The slowest network allowed, as a multiple of the heartbeat interval. */
export const MAX_LATENCY_RATIO = 1000;

function oneOf<T extends string>(raw: Record<string, unknown>, name: string, values: readonly T[], dflt: T): T {
  const v = raw[name];
  if (v === undefined) return dflt;
  if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) throw new ScenarioError(`config.${name}`, `one of ${values.join(', ')}`, v);
  return v as T;
}

/** A finite number in (lo, hi] when `openLo`, else [lo, hi]. */
function num(raw: Record<string, unknown>, name: string, dflt: number, lo: number, hi: number, openLo: boolean): number {
  const v = raw[name];
  if (v === undefined) return dflt;
  if (typeof v !== 'number' || !Number.isFinite(v) || (openLo ? v <= lo : v < lo) || v > hi) {
    throw new ScenarioError(`config.${name}`, `a number ${openLo ? 'above' : 'from'} ${lo} ${openLo ? 'up to' : 'to'} ${hi}`, v);
  }
  return v;
}

export function parseConfig(rawIn: unknown, _nodes: number): HashringConfig {
  const raw = configObject(rawIn, FIELDS);
  const d = HASHRING_DEFAULTS;
  const L = HASHRING_LIMITS;
  const heartbeatMs = int(raw, 'heartbeatMs', d.heartbeatMs, 1, MAX_CONFIG_MS);
  const net = parseNetworkFields(raw, d, MAX_LATENCY_RATIO * heartbeatMs, `${MAX_LATENCY_RATIO} × config.heartbeatMs`);
  const bugs = parseBugs(raw.bugs, HASHRING_BUGS);
  return {
    scheme: oneOf(raw, 'scheme', SCHEMES, d.scheme),
    vnodes: int(raw, 'vnodes', d.vnodes, L.vnodes[0], L.vnodes[1], 'points per node'),
    keys: int(raw, 'keys', d.keys, L.keys[0], L.keys[1], 'keys'),
    replicas: int(raw, 'replicas', d.replicas, L.replicas[0], L.replicas[1], 'replicas per key'),
    loadFactor: num(raw, 'loadFactor', d.loadFactor, L.loadFactor[0], L.loadFactor[1], true),
    heartbeatMs,
    detector: oneOf(raw, 'detector', ['timeout', 'phi'] as const, d.detector),
    timeoutMs: int(raw, 'timeoutMs', d.timeoutMs, 1, MAX_CONFIG_MS),
    phiThreshold: num(raw, 'phiThreshold', d.phiThreshold, L.phiThreshold[0], L.phiThreshold[1], false),
    phiWindow: int(raw, 'phiWindow', d.phiWindow, L.phiWindow[0], L.phiWindow[1], 'intervals'),
    minStdDevMs: int(raw, 'minStdDevMs', d.minStdDevMs, 1, MAX_CONFIG_MS),
    ...net,
    bugs: HASHRING_BUGS.filter((b: HashringBug) => bugs[b]),
  };
}
