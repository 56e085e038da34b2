/**
 * TEMPORARY until ring-proto's src/core/hashring/config.ts is on this branch: the protocol's
 * documented defaults, as that file has them. Replaced by a re-export of HASHRING_DEFAULTS.
 */
export const HASHRING_DEFAULTS = {
  scheme: 'ring' as const,
  vnodes: 100,
  keys: 10_000,
  replicas: 3,
  loadFactor: 1.25,
  heartbeatMs: 100,
  detector: 'phi' as const,
  timeoutMs: 1000,
  phiThreshold: 8,
  phiWindow: 100,
  minStdDevMs: 20,
};
