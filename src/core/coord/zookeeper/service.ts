/**
 * ZooKeeper as a service the simulator hosts (src/core/coord/registry.ts): it runs on ZAB
 * (every server applies the committed txns to its tree: src/core/zab), its clients are
 * zkClientDef's actors, its ops are parsed by parseZkOp, its checkers are checkers.ts's,
 * and its CLI output is DESIGN.md's `ops`, `events`, `sessions` and `tree`.
 */
import type { FuzzRng, ServiceDef, ServiceWorld } from '../registry';
import { createZkMonitor, referenceServer, referenceTree, type ZkTreeAccess, type ZkWorldAccess } from './checkers';
import { ZK_CLIENT_NOTE_SPECS, zkClientDef } from './client';
import { parseZkOp, zkOpArgs } from './ops';
import { sessionHex, ZK_OP_NAMES, type Stat, type TreeRow, type ZkEventRecord, type ZkOp, type ZkOpRecord } from './types';
import { zabProtocol } from '../../zab/protocol';
import { checkZkHistory } from './linearizable';
import { statOutput, treeRows } from './output';
import { sessionState, type ZkTree } from './tree';

// ---- the glue to the servers' state ---------------------------------------------------

/**
 * A ZAB server's applied ZooKeeper state (ZabNode.zk, src/core/zab/state.ts): the server
 * state of ./server.ts, whose tree every server applies from committed txns. Read
 * structurally, so the checkers need nothing else of a ZAB node.
 */
function treeOfNode(node: unknown): ZkTree | null {
  const zk = (node as { zk?: { tree?: ZkTree } | null } | undefined)?.zk;
  const tree = zk?.tree;
  return tree !== undefined && tree !== null && tree.sessions instanceof Map ? tree : null;
}

function access(tree: ZkTree): ZkTreeAccess {
  return {
    lastZxid: tree.lastZxid,
    sessionState: (id) => sessionState(tree, id),
    *ephemerals() {
      for (const [id, s] of tree.sessions) for (const path of s.ephemerals) yield [path, id] as const;
      // Also a node whose owner the session table does not list (a tree out of step with itself).
      for (const [path, n] of tree.nodes) if (n.ephemeralOwner !== 0 && tree.sessions.get(n.ephemeralOwner)?.ephemerals.has(path) !== true) yield [path, n.ephemeralOwner] as const;
    },
  };
}

export const zkAccess: ZkWorldAccess = {
  treeOf(node) {
    const t = treeOfNode(node);
    return t === null ? null : access(t);
  },
  leaderOf: (nodes, alive) => zabProtocol.leaderOf(nodes as never, alive),
  sessionEndZxid(node, session) {
    const history = (node as { history?: readonly { zxid: number; zk?: { type: string; session?: number } }[] } | undefined)?.history;
    if (history === undefined) return 0;
    for (const t of history) if (t.zk?.type === 'closeSession' && t.zk.session === session) return t.zxid;
    return 0;
  },
};

/**
 * Steps the end-of-run consistency search takes at most for one run (the CLI, the app); past
 * them the verdict is 'unknown', printed, never a violation. The search costs tens of µs a
 * step here, so this bounds a CLI run's check to seconds.
 */
export const HISTORY_BUDGET_STEPS = 100_000;

/** The final committed tree (the leader's, else the most advanced server's) as DESIGN.md's `tree` rows. */
function zkTreeRows(world: ServiceWorld): TreeRow[] {
  const id = referenceServer(world, zkAccess);
  const tree = id === 0 ? null : treeOfNode(world.nodes[id]);
  return tree === null ? [] : treeRows(tree);
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
      return { data: d.data, stat: statOutput(d.stat) };
    }
    case 'setData':
    case 'exists':
      return r === null ? null : statOutput(r as Stat);
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

/** The fuzzer's namespace: two top-level paths with a few children each, and the lock's parent. */
const FUZZ_ROOTS = ['/a', '/b'] as const;
const FUZZ_CHILDREN = ['x', 'y', 'z'] as const;
export const FUZZ_LOCK = '/lock';

/**
 * One random client op for the fuzzer: creates (persistent, ephemeral, sequential) under two
 * top-level paths, reads with and without watches, setData / delete with versions right
 * (−1, or a small one that is often current) and wrong, sync, the lock and its unlock,
 * close (then a connect), and an occasional pause long enough to lose the session.
 */
function zkFuzzOp(rng: FuzzRng, _client: number, _servers: number, mem: Record<string, unknown>, ops: readonly unknown[]): Record<string, unknown> {
  if (mem.closed === true) {
    mem.closed = false;
    return { op: 'connect', sessionTimeoutMs: rng.pick([1500, 3000, 6000]) };
  }
  const root = rng.pick(FUZZ_ROOTS);
  const path = rng.chance(0.35) ? root : `${root}/${rng.pick(FUZZ_CHILDREN)}`;
  const version = () => (rng.chance(0.5) ? -1 : rng.int(0, 3));
  const r = rng.next();
  if (r < 0.22) {
    const a: Record<string, unknown> = { op: 'create', path, data: `d${rng.int(0, 100)}` };
    if (rng.chance(0.3)) a.ephemeral = true;
    if (rng.chance(0.2)) a.sequential = true;
    return a;
  }
  if (r < 0.34) return { op: 'setData', path, data: `d${rng.int(0, 100)}`, version: version() };
  if (r < 0.41) return { op: 'delete', path, version: version() };
  if (r < 0.55) return { op: 'getData', path, watch: rng.chance(0.6) };
  if (r < 0.63) return { op: 'exists', path, watch: rng.chance(0.6) };
  if (r < 0.72) return { op: 'getChildren', path: root, watch: rng.chance(0.6) };
  if (r < 0.76) return { op: 'sync', path: root };
  if (r < 0.9) {
    // As an application uses a lock: unlock once its lock came back acquired, lock again
    // once that unlock came back; nothing while either is still waiting.
    const last = [...(ops as readonly ZkOpRecord[])].reverse().find((o) => o.op === 'lock' || o.op === 'unlock');
    if (last !== undefined && last.complete === null) return { op: 'sync', path: root };
    return { op: last !== undefined && last.op === 'lock' && last.ok ? 'unlock' : 'lock', path: FUZZ_LOCK };
  }
  if (r < 0.92) {
    mem.closed = true;
    return { op: 'close' };
  }
  if (r < 0.96) return { op: 'pause', ms: rng.int(200, 5000) };
  return { op: 'connect', sessionTimeoutMs: rng.pick([1500, 3000, 6000]) };
}

export const zookeeperService: ServiceDef = {
  name: 'zookeeper',
  protocols: ['zab'],
  client: zkClientDef,
  opNames: ZK_OP_NAMES,
  notes: ZK_CLIENT_NOTE_SPECS,
  parseOp: (raw, field, servers) => parseZkOp(raw, field, servers),
  monitor: (_cfg, _nodes, _clients, opts) => {
    const budget = opts?.historyBudget ?? HISTORY_BUDGET_STEPS;
    return createZkMonitor(zkAccess, (records) => checkZkHistory(records, { budget }));
  },
  output(world) {
    const ops = (world.ops as readonly (ZkOpRecord | undefined)[]).filter((r): r is ZkOpRecord => r !== undefined).map(opOutput);
    const events = (world.events as readonly ZkEventRecord[]).map((e) => ({ client: e.client, time: e.time, type: e.type, path: e.path }));
    const tree = zkTreeRows(world);
    return { ops, events, sessions: sessionsOutput(world, zkAccess), tree };
  },
  fuzzOp: zkFuzzOp,
};

export type { ZkOp };
export { zkOpArgs };
