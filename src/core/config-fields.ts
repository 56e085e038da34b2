/**
 * Config validation every protocol shares: the network and client fields (one parser, so
 * `latencyMaxMs` means and is checked the same in every protocol), typed field readers and
 * the `bugs` list. Every refusal names the field as `config.<name>` and says what was expected.
 */
import { ScenarioError, isPlainObject, type NetworkConfig } from './protocol';

/** Bounds that keep runs meaningful (and virtual times exact). */
export const MAX_CONFIG_MS = 600_000;

/** The network and client fields every protocol's config accepts. */
export const NETWORK_FIELDS: readonly (keyof NetworkConfig)[] = ['latencyMinMs', 'latencyMaxMs', 'dropRate', 'clientRetry', 'clientTimeoutMs', 'fifo', 'reorderRate', 'duplicateRate'];

/**
 * The network defaults (a protocol may choose others): 10–30 ms per message, no loss,
 * one-shot requests with a 1 s client timeout, and ordered links:
 * - fifo true: on each directed server link a message never arrives before an earlier one
 *   (arrival = max(send time + drawn latency, the link's last arrival)). ZooKeeper runs over
 *   TCP and etcd's Raft transport is ordered streams; without it, messages drawn with
 *   independent latencies overtake each other and Raft rejects appends for "missing entries"
 *   real etcd would never see. Links to and from clients are not ordered (each request is
 *   its own exchange).
 * - reorderRate 0: the probability that one message skips that clamp (it may overtake) — a
 *   fault for a scenario or the fuzzer to switch on (ZAB is only required to be safe under FIFO).
 * - duplicateRate 0: the probability that the network delivers a second copy of a message
 *   later (another latency draw after the first copy) — a fault likewise.
 */
export const NETWORK_DEFAULTS: Readonly<Required<NetworkConfig>> = Object.freeze({
  latencyMinMs: 10,
  latencyMaxMs: 30,
  dropRate: 0,
  clientRetry: false,
  clientTimeoutMs: 1000,
  fifo: true,
  reorderRate: 0,
  duplicateRate: 0,
});

/** The network fields of a protocol's parsed config (for `ProtocolDef.networkOf`); absent ordering fields get the defaults. */
export function networkFieldsOf(cfg: NetworkConfig): Required<NetworkConfig> {
  return {
    latencyMinMs: cfg.latencyMinMs,
    latencyMaxMs: cfg.latencyMaxMs,
    dropRate: cfg.dropRate,
    clientRetry: cfg.clientRetry,
    clientTimeoutMs: cfg.clientTimeoutMs,
    fifo: cfg.fifo ?? NETWORK_DEFAULTS.fifo,
    reorderRate: cfg.reorderRate ?? NETWORK_DEFAULTS.reorderRate,
    duplicateRate: cfg.duplicateRate ?? NETWORK_DEFAULTS.duplicateRate,
  };
}

/** `config` must be an object (undefined = all defaults) with only the listed fields. */
export function configObject(raw: unknown, fields: readonly string[]): Record<string, unknown> {
  if (raw === undefined) return {};
  if (!isPlainObject(raw)) throw new ScenarioError('config', 'an object', raw);
  for (const k of Object.keys(raw)) {
    if (!fields.includes(k)) throw new ScenarioError(`config.${k}`, `no such field (allowed: ${fields.join(', ')})`);
  }
  return raw;
}

export function configInt(raw: Record<string, unknown>, name: string, dflt: number, min: number, max: number, unit = 'milliseconds unless noted'): number {
  const v = raw[name];
  if (v === undefined) return dflt;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw new ScenarioError(`config.${name}`, `an integer from ${min} to ${max} (${unit})`, v);
  }
  return v;
}

export function configBool(raw: Record<string, unknown>, name: string, dflt: boolean): boolean {
  const v = raw[name];
  if (v === undefined) return dflt;
  if (typeof v !== 'boolean') throw new ScenarioError(`config.${name}`, 'true or false', v);
  return v;
}

/** A probability in [0, 1). */
export function configRate(raw: Record<string, unknown>, name: string, dflt: number): number {
  const v = raw[name] === undefined ? dflt : raw[name];
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v >= 1) {
    throw new ScenarioError(`config.${name}`, 'a probability from 0 up to (not including) 1', v);
  }
  return v;
}

/**
 * The network and client fields. `maxLatencyMs` is the slowest network the protocol can
 * learn anything on (beyond it, its periodic messages are sent far faster than they arrive
 * and the network only floods); `why` says what it is a multiple of, for the error.
 */
export function parseNetworkFields(raw: Record<string, unknown>, d: NetworkConfig, maxLatencyMs: number, why: string): Required<NetworkConfig> {
  const latencyMinMs = configInt(raw, 'latencyMinMs', d.latencyMinMs, 0, MAX_CONFIG_MS);
  const latencyMaxMs = configInt(raw, 'latencyMaxMs', Math.max(d.latencyMaxMs, latencyMinMs), 0, MAX_CONFIG_MS);
  if (latencyMinMs > latencyMaxMs) {
    throw new ScenarioError('config.latencyMinMs', `at most config.latencyMaxMs (${latencyMaxMs})`, latencyMinMs);
  }
  if (latencyMaxMs > maxLatencyMs) {
    throw new ScenarioError('config.latencyMaxMs', `at most ${why} (${maxLatencyMs}): slower than that, messages pile up faster than they arrive`, latencyMaxMs);
  }
  const fifo = configBool(raw, 'fifo', d.fifo ?? NETWORK_DEFAULTS.fifo);
  const reorderRate = configRate(raw, 'reorderRate', d.reorderRate ?? NETWORK_DEFAULTS.reorderRate);
  if (!fifo && reorderRate > 0) {
    // The rate is the chance to skip the FIFO clamp; with unordered links every message may overtake already.
    throw new ScenarioError('config.reorderRate', '0 when config.fifo is false (unordered links reorder every message already)', reorderRate);
  }
  return {
    latencyMinMs,
    latencyMaxMs,
    dropRate: configRate(raw, 'dropRate', d.dropRate),
    clientRetry: configBool(raw, 'clientRetry', d.clientRetry),
    clientTimeoutMs: configInt(raw, 'clientTimeoutMs', d.clientTimeoutMs, 1, MAX_CONFIG_MS),
    fifo,
    reorderRate,
    duplicateRate: configRate(raw, 'duplicateRate', d.duplicateRate ?? NETWORK_DEFAULTS.duplicateRate),
  };
}

/** `bugs` is a list of bug names, or an object {name: true|false}; every name off unless listed. */
export function parseBugs<B extends string>(v: unknown, names: readonly B[]): Record<B, boolean> {
  const bugs = {} as Record<B, boolean>;
  for (const b of names) bugs[b] = false;
  const bugName = (x: unknown, field: string): B => {
    if (typeof x !== 'string' || !(names as readonly string[]).includes(x)) throw new ScenarioError(field, `one of ${names.join(', ')}`, x);
    return x as B;
  };
  if (v === undefined) return bugs;
  if (Array.isArray(v)) {
    v.forEach((name, i) => (bugs[bugName(name, `config.bugs[${i}]`)] = true));
    return bugs;
  }
  if (isPlainObject(v)) {
    for (const [name, on] of Object.entries(v)) {
      const b = bugName(name, `config.bugs.${name}`);
      if (typeof on !== 'boolean') throw new ScenarioError(`config.bugs.${name}`, 'true or false', on);
      bugs[b] = on;
    }
    return bugs;
  }
  throw new ScenarioError('config.bugs', `a list of bug names (${names.join(', ')})`, v);
}
