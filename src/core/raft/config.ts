/**
 * Raft's `config`: validation and documented defaults. Every refusal names the field as
 * `config.<name>` and says what was expected, so a bad scenario explains itself.
 */
import { ScenarioError, isPlainObject } from '../protocol';
import { RAFT_BUGS, type RaftBug, type RaftConfig } from './types';

/**
 * Defaults when a field is absent.
 * - heartbeatMs 50, electionTimeoutMs 150: the Raft paper's timing (timeouts are drawn
 *   from [et, 2et), i.e. the paper's 150–300 ms). etcd suggests et = 10 × heartbeat.
 * - latency 10–30 ms per message, no random loss.
 * - preVote / checkQuorum off: the paper's algorithm; both are etcd options.
 * - maxEntriesPerAppend 8: etcd bounds an append by bytes; a count is easier to watch.
 * - clientRetry off, clientTimeoutMs 1000: a `request` is one-shot unless asked otherwise.
 * - no deliberate bugs.
 */
export const RAFT_DEFAULTS: Readonly<Omit<RaftConfig, 'bugs'>> = Object.freeze({
  heartbeatMs: 50,
  electionTimeoutMs: 150,
  latencyMinMs: 10,
  latencyMaxMs: 30,
  dropRate: 0,
  preVote: false,
  checkQuorum: false,
  maxEntriesPerAppend: 8,
  clientRetry: false,
  clientTimeoutMs: 1000,
});

/** Bounds that keep runs meaningful (and virtual times exact). */
const MAX_MS = 600_000;
const MAX_ENTRIES_PER_APPEND = 1000;

const FIELDS = [...Object.keys(RAFT_DEFAULTS), 'bugs'];


function int(raw: Record<string, unknown>, name: string, dflt: number, min: number, max: number): number {
  const v = raw[name];
  if (v === undefined) return dflt;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw new ScenarioError(`config.${name}`, `an integer from ${min} to ${max} (milliseconds unless noted)`, v);
  }
  return v;
}

function bool(raw: Record<string, unknown>, name: string, dflt: boolean): boolean {
  const v = raw[name];
  if (v === undefined) return dflt;
  if (typeof v !== 'boolean') throw new ScenarioError(`config.${name}`, 'true or false', v);
  return v;
}

function noBugs(): Record<RaftBug, boolean> {
  const bugs = {} as Record<RaftBug, boolean>;
  for (const b of RAFT_BUGS) bugs[b] = false;
  return bugs;
}

function bugName(v: unknown, field: string): RaftBug {
  if (typeof v !== 'string' || !(RAFT_BUGS as readonly string[]).includes(v)) {
    throw new ScenarioError(field, `one of ${RAFT_BUGS.join(', ')}`, v);
  }
  return v as RaftBug;
}

/** `bugs` is a list of bug names, or an object {name: true|false}. */
function parseBugs(v: unknown): Record<RaftBug, boolean> {
  const bugs = noBugs();
  if (v === undefined) return bugs;
  if (Array.isArray(v)) {
    v.forEach((name, i) => {
      bugs[bugName(name, `config.bugs[${i}]`)] = true;
    });
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
  throw new ScenarioError('config.bugs', `a list of bug names (${RAFT_BUGS.join(', ')})`, v);
}

/** The slowest network allowed, as a multiple of the heartbeat interval. */
export const MAX_LATENCY_RATIO = 1000;

/** Validate `config` (undefined = all defaults). `nodes` is accepted for the contract; no field depends on it. */
export function parseConfig(raw: unknown, _nodes: number): RaftConfig {
  if (raw === undefined) raw = {};
  if (!isPlainObject(raw)) throw new ScenarioError('config', 'an object', raw);
  for (const k of Object.keys(raw)) {
    if (!FIELDS.includes(k)) throw new ScenarioError(`config.${k}`, `no such field (allowed: ${FIELDS.join(', ')})`);
  }
  const d = RAFT_DEFAULTS;
  const heartbeatMs = int(raw, 'heartbeatMs', d.heartbeatMs, 1, MAX_MS);
  const electionTimeoutMs = int(raw, 'electionTimeoutMs', d.electionTimeoutMs, 2, MAX_MS);
  if (heartbeatMs >= electionTimeoutMs) {
    // A follower must hear several heartbeats per timeout, or it times out under a live leader.
    throw new ScenarioError('config.heartbeatMs', `less than config.electionTimeoutMs (${electionTimeoutMs})`, heartbeatMs);
  }
  const latencyMinMs = int(raw, 'latencyMinMs', d.latencyMinMs, 0, MAX_MS);
  const latencyMaxMs = int(raw, 'latencyMaxMs', Math.max(d.latencyMaxMs, latencyMinMs), 0, MAX_MS);
  if (latencyMinMs > latencyMaxMs) {
    throw new ScenarioError('config.latencyMinMs', `at most config.latencyMaxMs (${latencyMaxMs})`, latencyMinMs);
  }
  // Beyond this, heartbeats and vote requests are sent far faster than they arrive and the
  // network only floods (the simulator's queue is bounded); nothing can be learnt from it.
  const maxLatency = MAX_LATENCY_RATIO * Math.min(heartbeatMs, electionTimeoutMs);
  if (latencyMaxMs > maxLatency) {
    throw new ScenarioError('config.latencyMaxMs', `at most ${MAX_LATENCY_RATIO} × config.heartbeatMs (${maxLatency}): slower than that, messages pile up faster than they arrive`, latencyMaxMs);
  }
  const dropRate = raw.dropRate === undefined ? d.dropRate : raw.dropRate;
  if (typeof dropRate !== 'number' || !Number.isFinite(dropRate) || dropRate < 0 || dropRate >= 1) {
    throw new ScenarioError('config.dropRate', 'a probability from 0 up to (not including) 1', dropRate);
  }
  return {
    heartbeatMs,
    electionTimeoutMs,
    latencyMinMs,
    latencyMaxMs,
    dropRate,
    preVote: bool(raw, 'preVote', d.preVote),
    checkQuorum: bool(raw, 'checkQuorum', d.checkQuorum),
    maxEntriesPerAppend: int(raw, 'maxEntriesPerAppend', d.maxEntriesPerAppend, 1, MAX_ENTRIES_PER_APPEND),
    clientRetry: bool(raw, 'clientRetry', d.clientRetry),
    clientTimeoutMs: int(raw, 'clientTimeoutMs', d.clientTimeoutMs, 1, MAX_MS),
    bugs: parseBugs(raw.bugs),
  };
}
