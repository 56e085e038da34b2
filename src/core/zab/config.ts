/**
 * ZAB's `config`: validation and documented defaults. Every refusal names the field as
 * `config.<name>` and says what was expected.
 */
import { ScenarioError } from '../protocol';
import { MAX_CONFIG_MS, NETWORK_DEFAULTS, configBool as bool, configInt as int, configObject, parseBugs, parseNetworkFields } from '../config-fields';
import { ZAB_BUGS, type ZabConfig } from './types';

/**
 * Defaults when a field is absent.
 * - tickTimeMs 2000, initLimit 10, syncLimit 5: ZooKeeper's sample config
 *   (conf/zoo_sample.cfg). In code tickTime defaults to 3000 ms and initLimit / syncLimit
 *   must be set; the sample's values are what a fresh install runs with.
 * - finalizeWaitMs 200, notificationIntervalMs 200 doubling up to 60 000:
 *   FastLeaderElection's finalizeWait, minNotificationInterval and maxNotificationInterval.
 * - committedLogCount 500 (zookeeper.commitLogCount), txnLogSync on (ZooKeeper syncs
 *   from the txn log unless zookeeper.snapSizeLimitInKb ≤ 0; its size limit is left out).
 * - network: 10–30 ms per message, no loss; clients one-shot with a 1 s timeout (as Raft's).
 */
export const ZAB_DEFAULTS: Readonly<Omit<ZabConfig, 'bugs' | 'service'>> = Object.freeze({
  tickTimeMs: 2000,
  initLimit: 10,
  syncLimit: 5,
  finalizeWaitMs: 200,
  notificationIntervalMs: 200,
  maxNotificationIntervalMs: 60_000,
  ...NETWORK_DEFAULTS,
  committedLogCount: 500,
  txnLogSync: true,
});

const FIELDS = [...Object.keys(ZAB_DEFAULTS), 'bugs'];
const MAX_LIMIT_TICKS = 1000;
const MAX_COMMITTED_LOG = 1_000_000;

/** The slowest network allowed, as a multiple of the fastest periodic message (a PING or a re-sent notification). */
export const MAX_LATENCY_RATIO = 1000;

export function parseConfig(rawIn: unknown, _nodes: number): ZabConfig {
  const raw = configObject(rawIn, FIELDS);
  const d = ZAB_DEFAULTS;
  const tickTimeMs = int(raw, 'tickTimeMs', d.tickTimeMs, 2, MAX_CONFIG_MS);
  const initLimit = int(raw, 'initLimit', d.initLimit, 1, MAX_LIMIT_TICKS, 'ticks');
  const syncLimit = int(raw, 'syncLimit', d.syncLimit, 1, MAX_LIMIT_TICKS, 'ticks');
  const finalizeWaitMs = int(raw, 'finalizeWaitMs', d.finalizeWaitMs, 0, MAX_CONFIG_MS);
  const notificationIntervalMs = int(raw, 'notificationIntervalMs', d.notificationIntervalMs, 1, MAX_CONFIG_MS);
  const maxNotificationIntervalMs = int(raw, 'maxNotificationIntervalMs', Math.max(d.maxNotificationIntervalMs, notificationIntervalMs), 1, MAX_CONFIG_MS);
  if (maxNotificationIntervalMs < notificationIntervalMs) {
    throw new ScenarioError('config.maxNotificationIntervalMs', `at least config.notificationIntervalMs (${notificationIntervalMs})`, maxNotificationIntervalMs);
  }
  const fastest = Math.min(Math.floor(tickTimeMs / 2), notificationIntervalMs);
  const net = parseNetworkFields(raw, d, MAX_LATENCY_RATIO * fastest, `${MAX_LATENCY_RATIO} × min(config.tickTimeMs / 2, config.notificationIntervalMs)`);
  return {
    tickTimeMs,
    initLimit,
    syncLimit,
    finalizeWaitMs,
    notificationIntervalMs,
    maxNotificationIntervalMs,
    ...net,
    committedLogCount: int(raw, 'committedLogCount', d.committedLogCount, 0, MAX_COMMITTED_LOG, 'transactions'),
    txnLogSync: bool(raw, 'txnLogSync', d.txnLogSync),
    bugs: parseBugs(raw.bugs, ZAB_BUGS),
    service: null,
  };
}
