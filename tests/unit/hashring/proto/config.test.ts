/** The ring's config: documented defaults, and every bad field refused by name. */
import { describe, expect, it } from 'vitest';
import { HASHRING_DEFAULTS, parseConfig } from '../../../../src/core/hashring/config';
import { ScenarioError } from '../../../../src/core/protocol';
import { parseScenario } from '../../../../src/sim/scenario';

function refusal(config: unknown): ScenarioError {
  try {
    parseConfig(config, 5);
  } catch (e) {
    if (e instanceof ScenarioError) return e;
    throw e;
  }
  throw new Error(`accepted ${JSON.stringify(config)}`);
}

describe('hashring config', () => {
  it('has the documented defaults', () => {
    expect(parseConfig(undefined, 5)).toEqual({
      scheme: 'ring',
      vnodes: 100,
      keys: 10_000,
      replicas: 3,
      loadFactor: 1.25,
      heartbeatMs: 100,
      detector: 'phi',
      timeoutMs: 1000,
      phiThreshold: 8,
      phiWindow: 100,
      minStdDevMs: 20,
      latencyMinMs: 5,
      latencyMaxMs: 15,
      dropRate: 0,
      clientRetry: false,
      clientTimeoutMs: 1000,
      fifo: true,
      reorderRate: 0,
      duplicateRate: 0,
      bugs: [],
    });
    expect(HASHRING_DEFAULTS.scheme).toBe('ring');
  });

  it('accepts every scheme, both detectors and the bugs by name', () => {
    for (const scheme of ['ring', 'jump', 'rendezvous', 'bounded']) expect(parseConfig({ scheme }, 3).scheme).toBe(scheme);
    expect(parseConfig({ detector: 'timeout' }, 3).detector).toBe('timeout');
    expect(parseConfig({ bugs: ['noDistinctReplicas', 'moduloHashing'] }, 3).bugs).toEqual(['moduloHashing', 'noDistinctReplicas']);
    expect(parseConfig({ loadFactor: 4, replicas: 5, vnodes: 1000, keys: 100_000 }, 3)).toMatchObject({ loadFactor: 4, replicas: 5, vnodes: 1000, keys: 100_000 });
  });

  it.each([
    [{ scheme: 'maglev' }, 'config.scheme'],
    [{ vnodes: 0 }, 'config.vnodes'],
    [{ vnodes: 1001 }, 'config.vnodes'],
    [{ vnodes: 2.5 }, 'config.vnodes'],
    [{ keys: 0 }, 'config.keys'],
    [{ keys: 100_001 }, 'config.keys'],
    [{ replicas: 0 }, 'config.replicas'],
    [{ replicas: 6 }, 'config.replicas'],
    [{ loadFactor: 1 }, 'config.loadFactor'],
    [{ loadFactor: 4.01 }, 'config.loadFactor'],
    [{ loadFactor: '1.5' }, 'config.loadFactor'],
    [{ heartbeatMs: 0 }, 'config.heartbeatMs'],
    [{ detector: 'gossip' }, 'config.detector'],
    [{ timeoutMs: -1 }, 'config.timeoutMs'],
    [{ phiThreshold: 0 }, 'config.phiThreshold'],
    [{ phiWindow: 0 }, 'config.phiWindow'],
    [{ phiWindow: 1001 }, 'config.phiWindow'],
    [{ minStdDevMs: 0 }, 'config.minStdDevMs'],
    [{ latencyMinMs: 20, latencyMaxMs: 10 }, 'config.latencyMinMs'],
    [{ heartbeatMs: 1, latencyMaxMs: 5000 }, 'config.latencyMaxMs'],
    [{ bugs: ['doubleVote'] }, 'config.bugs[0]'],
    [{ electionTimeoutMs: 100 }, 'config.electionTimeoutMs'],
    [[], 'config'],
  ])('refuses %j naming %s', (config, field) => {
    expect(refusal(config).field).toBe(field);
  });

  it('refuses an initial state (the ring has none) and more than 24 nodes', () => {
    expect(() => parseScenario({ protocol: 'hashring', nodes: 3, initial: { 1: {} } })).toThrow(/^initial:/);
    expect(() => parseScenario({ protocol: 'hashring', nodes: 25 })).toThrow(/^nodes:/);
    expect(parseScenario({ protocol: 'hashring', nodes: 24 }).scenario.nodes).toBe(24);
  });
});
