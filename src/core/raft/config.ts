/**
 * Raft's `config`: validation and documented defaults. Every refusal names the field as
 * `config.<name>` and says what was expected, so a bad scenario explains itself.
 */
import { ScenarioError } from '../protocol';
import { MAX_CONFIG_MS, NETWORK_DEFAULTS, configBool as bool, configInt as int, configObject, parseBugs, parseNetworkFields } from '../config-fields';
import { RAFT_BUGS, type RaftConfig } from './types';

/**
 * Defaults when a field is absent.
 * - heartbeatMs 50, electionTimeoutMs 150: the Raft paper's timing (timeouts are drawn
 *   from [et, 2et), i.e. the paper's 150–300 ms). etcd suggests et = 10 × heartbeat.
 * - latency 10–30 ms per message, no random loss; FIFO links, no reordering or duplication
 *   (NETWORK_DEFAULTS: etcd's transport is ordered streams).
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
  fifo: NETWORK_DEFAULTS.fifo,
  reorderRate: NETWORK_DEFAULTS.reorderRate,
  duplicateRate: NETWORK_DEFAULTS.duplicateRate,
});

const MAX_MS = MAX_CONFIG_MS;
const MAX_ENTRIES_PER_APPEND = 1000;

const FIELDS = [...Object.keys(RAFT_DEFAULTS), 'bugs'];

/** The slowest network allowed, as a multiple of the heartbeat interval. */
export const MAX_LATENCY_RATIO = 1000;

/** Validate `config` (undefined = all defaults). `nodes` is accepted for the contract; no field depends on it. */
export function parseConfig(rawIn: unknown, _nodes: number): RaftConfig {
  const raw = configObject(rawIn, FIELDS);
  const d = RAFT_DEFAULTS;
  const heartbeatMs = int(raw, 'heartbeatMs', d.heartbeatMs, 1, MAX_MS);
  const electionTimeoutMs = int(raw, 'electionTimeoutMs', d.electionTimeoutMs, 2, MAX_MS);
  if (heartbeatMs >= electionTimeoutMs) {
    // A follower must hear several heartbeats per timeout, or it times out under a live leader.
    throw new ScenarioError('config.heartbeatMs', `less than config.electionTimeoutMs (${electionTimeoutMs})`, heartbeatMs);
  }
  // Beyond this, heartbeats and vote requests are sent far faster than they arrive and the
  // network only floods (the simulator's queue is bounded); nothing can be learnt from it.
  const net = parseNetworkFields(raw, d, MAX_LATENCY_RATIO * Math.min(heartbeatMs, electionTimeoutMs), `${MAX_LATENCY_RATIO} × config.heartbeatMs`);
  return {
    heartbeatMs,
    electionTimeoutMs,
    ...net,
    preVote: bool(raw, 'preVote', d.preVote),
    checkQuorum: bool(raw, 'checkQuorum', d.checkQuorum),
    maxEntriesPerAppend: int(raw, 'maxEntriesPerAppend', d.maxEntriesPerAppend, 1, MAX_ENTRIES_PER_APPEND),
    bugs: parseBugs(raw.bugs, RAFT_BUGS),
  };
}
