/**
 * "ZooKeeper distributes data by consistent hashing" — no: measured side by side.
 *  - ZAB: a five-server ensemble elects a leader and commits `writes` writes; every server's
 *    history then holds every transaction (ZooKeeper replicates the whole tree to every server;
 *    it does not partition data).
 *  - The hash ring: the same number of keys on `nodes` nodes with R replicas; each key lives on
 *    R of N nodes, so a node holds about R/N of the keys.
 * Both from real headless runs of the two protocols (src/core/zab, src/core/hashring).
 * Deterministic: fixed seeds.
 */
import { ScenarioError, isPlainObject } from '../../core/protocol';
import type { RingLayout } from '../../core/hashring/types';
import type { ZabNodeView } from '../../core/zab/types';
import { parseScenario } from '../scenario';
import { Simulation } from '../simulation';

export interface ReplicationArg {
  /** Writes to ZooKeeper, and keys on the ring. */
  writes?: number;
  /** Servers / ring nodes. */
  nodes?: number;
  /** R on the ring. */
  replicas?: number;
}

export interface ReplicationResult {
  writes: number;
  nodes: number;
  replicas: number;
  /** ZAB: transactions in each server's history once the writes are committed, by server id. */
  zab: { id: number; txns: number }[];
  /** The ring: keys each node holds a copy of (any replica rank), by node id. */
  ring: { id: number; keys: number }[];
}

export const REPLICATION_DEFAULTS = { writes: 12, nodes: 5, replicas: 3 } as const;

const int = (v: unknown, field: string, d: number, min: number, max: number): number => {
  if (v === undefined) return d;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw new ScenarioError(field, `an integer in ${min}..${max}`, v);
  return v;
};

/** When the last write is committed everywhere: a fresh ensemble elects in ~0.4 s; writes every 50 ms from 600 ms. */
const FIRST_WRITE_MS = 600;
const WRITE_EVERY_MS = 50;

export function replicationExperiment(raw: unknown): ReplicationResult {
  const a = raw === undefined || raw === null ? {} : raw;
  if (!isPlainObject(a)) throw new ScenarioError('replication', 'an object', raw);
  const d = REPLICATION_DEFAULTS;
  const writes = int(a.writes, 'writes', d.writes, 1, 200);
  const nodes = int(a.nodes, 'nodes', d.nodes, 3, 7);
  const replicas = int(a.replicas, 'replicas', d.replicas, 1, 5);

  const until = FIRST_WRITE_MS + writes * WRITE_EVERY_MS + 1500;
  const zabScenario = parseScenario({
    protocol: 'zab',
    nodes,
    seed: 1,
    until,
    script: Array.from({ length: writes }, (_, i) => ({ at: FIRST_WRITE_MS + i * WRITE_EVERY_MS, do: 'request', value: `key-${i}=${i}` })),
  });
  const zs = new Simulation(zabScenario);
  zs.runUntil(until);
  const zab: ReplicationResult['zab'] = [];
  for (let id = 1; id <= nodes; id++) {
    const v = zabScenario.protocol.view(zs.nodes[id], zs.alive[id]) as ZabNodeView;
    zab.push({ id, txns: v.historyOffset + v.history.length });
  }

  const ringScenario = parseScenario({ protocol: 'hashring', nodes, seed: 1, until: 1, config: { keys: writes, replicas } });
  const rs = new Simulation(ringScenario);
  rs.runUntil(1);
  const q = ringScenario.protocol.query;
  const layout = (q ? q(rs.worldView(), ringScenario.config, 'ring', undefined) : null) as RingLayout | null;
  if (!layout) throw new Error('replication: the hashring protocol answers no ring query');
  const held = new Array<number>(nodes + 1).fill(0);
  for (const o of layout.owners) if (o > 0 && o <= nodes) held[o]++;
  const ring = Array.from({ length: nodes }, (_, i) => ({ id: i + 1, keys: held[i + 1] }));
  return { writes, nodes, replicas: layout.replicas, zab, ring };
}
