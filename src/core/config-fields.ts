/**
 * Config validation every protocol shares: the network and client fields (one parser, so
 * `latencyMaxMs` means and is checked the same in every protocol), typed field readers and
 * the `bugs` list. Every refusal names the field as `config.<name>` and says what was expected.
 */
import { ScenarioError, isPlainObject, type NetworkConfig } from './protocol';

/** Bounds that keep runs meaningful (and virtual times exact). */
export const MAX_CONFIG_MS = 600_000;

/** The network and client fields every protocol's config accepts. */
export const NETWORK_FIELDS: readonly (keyof NetworkConfig)[] = ['latencyMinMs', 'latencyMaxMs', 'dropRate', 'clientRetry', 'clientTimeoutMs'];

/** The network defaults (a protocol may choose others): 10–30 ms per message, no loss, one-shot requests with a 1 s client timeout. */
export const NETWORK_DEFAULTS: Readonly<NetworkConfig> = Object.freeze({
  latencyMinMs: 10,
  latencyMaxMs: 30,
  dropRate: 0,
  clientRetry: false,
  clientTimeoutMs: 1000,
});

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
export function parseNetworkFields(raw: Record<string, unknown>, d: NetworkConfig, maxLatencyMs: number, why: string): NetworkConfig {
  const latencyMinMs = configInt(raw, 'latencyMinMs', d.latencyMinMs, 0, MAX_CONFIG_MS);
  const latencyMaxMs = configInt(raw, 'latencyMaxMs', Math.max(d.latencyMaxMs, latencyMinMs), 0, MAX_CONFIG_MS);
  if (latencyMinMs > latencyMaxMs) {
    throw new ScenarioError('config.latencyMinMs', `at most config.latencyMaxMs (${latencyMaxMs})`, latencyMinMs);
  }
  if (latencyMaxMs > maxLatencyMs) {
    throw new ScenarioError('config.latencyMaxMs', `at most ${why} (${maxLatencyMs}): slower than that, messages pile up faster than they arrive`, latencyMaxMs);
  }
  return {
    latencyMinMs,
    latencyMaxMs,
    dropRate: configRate(raw, 'dropRate', d.dropRate),
    clientRetry: configBool(raw, 'clientRetry', d.clientRetry),
    clientTimeoutMs: configInt(raw, 'clientTimeoutMs', d.clientTimeoutMs, 1, MAX_CONFIG_MS),
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
