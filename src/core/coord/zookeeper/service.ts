/**
 * ZooKeeper as a service the simulator hosts (src/core/coord/registry.ts): it runs on ZAB
 * (every server applies the committed txns to its tree: src/core/zab), its clients are
 * zkClientDef's actors, its ops are parsed by parseZkOp, its checkers are checkers.ts's,
 * and its CLI output is DESIGN.md's `ops`, `events`, `sessions` and `tree`.
 */
import type { ServiceDef, ServiceWorld } from '../registry';
import { createZkMonitor, referenceTree, type ZkWorldAccess } from './checkers';
import { zkClientDef } from './client';
import { parseZkOp, zkOpArgs } from './ops';
import { sessionHex, ZK_OP_NAMES, type Stat, type StatOutput, type TreeRow, type ZkEventRecord, type ZkOp, type ZkOpRecord } from './types';
import { zxidHex } from '../../zab/types';

// ---- the glue to the servers' state (TODO: zk-model's server.ts / output.ts, zk-server's ZabNode.zk, zk-lin) ----

function zkStatOutput(s: Stat): StatOutput {
  return { version: s.version, cversion: s.cversion, numChildren: s.numChildren, ephemeralOwner: sessionHex(s.ephemeralOwner), czxid: zxidHex(s.czxid), mzxid: zxidHex(s.mzxid), pzxid: zxidHex(s.pzxid) };
}
const zkAccess: ZkWorldAccess = {
  treeOf: () => null,
  leaderOf: () => 0,
};
const zkCheckHistory = null;
function zkTreeRows(_world: ServiceWorld): TreeRow[] {
  return [];
}

/** An op's result as the CLI prints it (DESIGN.md "Results"): stats with `0x` zxids. */
export function resultOutput(rec: ZkOpRecord): unknown {
  if (!rec.ok) return null;
  const r = rec.result;
  switch (rec.op) {
    case 'connect': {
      const c = r as { session: number; negotiatedTimeoutMs: number };
      return { session: sessionHex(c.session), negotiatedTimeoutMs: c.negotiatedTimeoutMs };
    }
    case 'getData': {
      const d = r as { data: string; stat: Stat };
      return { data: d.data, stat: zkStatOutput(d.stat) };
    }
    case 'setData':
    case 'exists':
      return r === null ? null : zkStatOutput(r as Stat);
    default:
      return r ?? null;
  }
}

/** One `ops` row. `args` are the record's (zkOpArgs: what the op ran with, defaults included). */
export function opOutput(rec: ZkOpRecord): Record<string, unknown> {
  return { client: rec.client, op: rec.op, args: rec.args, invoke: rec.invoke, complete: rec.complete, ok: rec.ok, result: resultOutput(rec), error: rec.error };
}

/**
 * `sessions`: every session a client ran an op on, in order of first appearance, with its
 * state in the committed tree (the leader's, else the most advanced server's); a session no
 * tree knows yet (its createSession not committed) is left out.
 */
export function sessionsOutput(world: ServiceWorld, access: ZkWorldAccess): { id: string; client: number; state: string }[] {
  const tree = referenceTree(world, access);
  const seen = new Map<number, number>();
  for (const rec of world.ops as readonly (ZkOpRecord | undefined)[]) {
    if (rec === undefined) continue;
    const ids = [rec.session];
    if (rec.op === 'connect' && rec.ok) ids.push((rec.result as { session: number }).session);
    for (const id of ids) if (id !== 0 && !seen.has(id)) seen.set(id, rec.client);
  }
  const out: { id: string; client: number; state: string }[] = [];
  for (const [id, client] of seen) {
    const state = tree?.sessionState(id);
    if (state !== undefined) out.push({ id: sessionHex(id), client, state });
  }
  return out;
}

export const zookeeperService: ServiceDef = {
  name: 'zookeeper',
  protocols: ['zab'],
  client: zkClientDef,
  opNames: ZK_OP_NAMES,
  parseOp: (raw, field, servers) => parseZkOp(raw, field, servers),
  monitor: () => createZkMonitor(zkAccess, zkCheckHistory),
  output(world) {
    const ops = (world.ops as readonly (ZkOpRecord | undefined)[]).filter((r): r is ZkOpRecord => r !== undefined).map(opOutput);
    const events = (world.events as readonly ZkEventRecord[]).map((e) => ({ client: e.client, time: e.time, type: e.type, path: e.path }));
    const tree = zkTreeRows(world);
    return { ops, events, sessions: sessionsOutput(world, zkAccess), tree };
  },
};

export type { ZkOp };
export { zkOpArgs };
