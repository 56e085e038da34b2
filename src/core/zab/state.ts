/**
 * A ZooKeeper server as plain data, and the small helpers every part of it shares.
 *
 * Persistent (survives a crash, as ZooKeeper's txn log and its acceptedEpoch /
 * currentEpoch files do): `history`, `acceptedEpoch`, `currentEpoch`. Everything else is
 * volatile. The history is append-only while a server leads or follows in broadcast; a
 * TRUNC or SNAP replaces the array (never edits it in place), so a keyframe can share it
 * as (array, length).
 */
import type { NodeCtx } from '../protocol';
import { newServerState, type ZkServerState } from '../coord/zookeeper/server';
import { createZkServe, type ZkServe } from './zk/serve';
import { type ReceivedVote, type Txn, type Vote, type ZabConfig, type ZabMsg, type ZabPhase, type ZabRole, type Zxid } from './types';

export type Ctx = NodeCtx<ZabMsg>;
export type Msg<T extends ZabMsg['type']> = Extract<ZabMsg, { type: T }>;

/** The leader's side of one learner connection (LearnerHandler). */
export interface Learner {
  sid: number;
  stage: 'connected' | 'epoch-acked' | 'synced' | 'serving';
  sync: 'diff' | 'trunc' | 'snap' | null;
  /** Its FOLLOWERINFO's acceptedEpoch and its ACKEPOCH's lastZxid. */
  acceptedEpoch: number;
  lastZxid: Zxid;
  /** ACKEPOCH's currentEpoch (−1: it had accepted this epoch already). */
  ackCurrentEpoch: number;
  /** Sync sent: it gets every PROPOSAL and COMMIT from now on (ZooKeeper's forwarding followers). */
  forwarding: boolean;
  /** The last zxid sent to it before NEWLEADER: its NEWLEADER ACK says it holds all of them. */
  sentUpTo: Zxid;
  ackedZxid: Zxid;
  heardAt: number;
}

/** Follower stages within one connection to a leader. */
export type FollowerStage = 'info' | 'epoch' | 'sync' | 'synced' | 'serving';

export interface ZabNode {
  readonly id: number;
  /** Ensemble size and the other servers. */
  readonly n: number;
  readonly peers: readonly number[];
  readonly cfg: ZabConfig;

  // ---- persistent
  history: Txn[];
  acceptedEpoch: number;
  currentEpoch: number;

  // ---- volatile
  state: ZabRole;
  phase: ZabPhase;
  /** history[0 .. committed) are delivered (committed at this server). */
  committed: number;
  /** Bumped whenever `history` is replaced (TRUNC, SNAP): the monitor re-checks the delivered prefix. */
  rewrites: number;
  truncated: Txn[];
  truncatedAt: number;

  // FLE
  round: number;
  vote: Vote;
  /** recvset by sid (index 0 unused; our own vote included, as ZooKeeper's self-notification puts it there). */
  recv: (ReceivedVote | null)[];
  outOf: (ReceivedVote | null)[];
  notifIntervalMs: number;
  finalizing: boolean;
  /** The leader we follow or are; 0 while looking. */
  leader: number;
  /** The last election ended by joining an established ensemble (not by a quorum of votes). */
  joined: boolean;

  // follower
  fstage: FollowerStage;
  heardLeaderAt: number;
  /** The highest zxid the sync (and COMMITs before UPTODATE) says is committed: delivered at UPTODATE. */
  syncCommit: Zxid;
  /** The epoch the leader proposed to us (LEADERINFO). */
  leaderEpoch: number;

  // leader
  /** learners[sid], or null. */
  learners: (Learner | null)[];
  /** 0 until a quorum is connected; then the epoch we proposed. */
  newEpoch: number;
  /** Epoch ACKs counted (bit per sid, ourselves included). */
  epochAcks: number;
  epochEstablished: boolean;
  /** A quorum acked NEWLEADER: we serve. */
  established: boolean;
  phaseStartedAt: number;
  /** The counter of our last proposal in newEpoch. */
  counter: number;
  /** Half-ticks since broadcast began (PING every half tick, checks every tick). */
  halfTicks: number;
  /** When each of our own proposals was made, by history index − proposedBase. */
  proposedAt: number[];
  proposedBase: number;
  /** Clients waiting for a commit: zxid → who asked. */
  pending: Map<Zxid, { clientId: number; requestId: number }>;

  // ZooKeeper service (cfg.service === 'zookeeper'; null otherwise)
  /** The applied tree, watches and last applied zxid: history[0 .. zkServe.applied) applied in order. Rebuilt after a crash. */
  zk: ZkServerState | null;
  /** Connections, per-session request queues, the session tracker (src/core/zab/zk/serve.ts). */
  zkServe: ZkServe | null;
}

export function lastZxid(node: ZabNode): Zxid {
  const h = node.history;
  return h.length === 0 ? 0 : h[h.length - 1].zxid;
}

/** A strict majority of the ensemble. */
export function quorum(node: ZabNode): number {
  return (node.n >> 1) + 1;
}

export function bit(id: number): number {
  return 1 << id;
}

export function popcount(bits: number): number {
  let n = 0;
  for (let b = bits; b !== 0; b &= b - 1) n++;
  return n;
}

/** The index of `zxid` in a history (−1 if absent): binary search, zxids increase. */
export function indexOfZxid(history: readonly Txn[], len: number, zxid: Zxid): number {
  let lo = 0;
  let hi = len - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const z = history[mid].zxid;
    if (z === zxid) return mid;
    if (z < zxid) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** How many entries have a zxid ≤ `zxid`. */
export function countUpTo(history: readonly Txn[], len: number, zxid: Zxid): number {
  let lo = 0;
  let hi = len;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (history[mid].zxid <= zxid) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function createZabNode(id: number, nodes: number, cfg: ZabConfig, initial?: { history: readonly Txn[]; acceptedEpoch: number; currentEpoch: number }): ZabNode {
  const peers: number[] = [];
  for (let i = 1; i <= nodes; i++) if (i !== id) peers.push(i);
  const history = initial ? initial.history.slice() : [];
  return {
    id,
    n: nodes,
    peers,
    cfg,
    history,
    acceptedEpoch: initial?.acceptedEpoch ?? 0,
    currentEpoch: initial?.currentEpoch ?? 0,
    state: 'looking',
    phase: 'election',
    committed: 0,
    rewrites: 0,
    truncated: [],
    truncatedAt: 0,
    round: 0,
    vote: { leader: id, zxid: history.length === 0 ? 0 : history[history.length - 1].zxid, epoch: initial?.currentEpoch ?? 0 },
    recv: new Array<ReceivedVote | null>(nodes + 1).fill(null),
    outOf: new Array<ReceivedVote | null>(nodes + 1).fill(null),
    notifIntervalMs: cfg.notificationIntervalMs,
    finalizing: false,
    leader: 0,
    joined: false,
    fstage: 'info',
    heardLeaderAt: 0,
    syncCommit: 0,
    leaderEpoch: 0,
    learners: new Array<Learner | null>(nodes + 1).fill(null),
    newEpoch: 0,
    epochAcks: 0,
    epochEstablished: false,
    established: false,
    phaseStartedAt: 0,
    counter: 0,
    halfTicks: 0,
    proposedAt: [],
    proposedBase: 0,
    pending: new Map(),
    zk: cfg.service === 'zookeeper' ? newServerState() : null,
    zkServe: cfg.service === 'zookeeper' ? createZkServe() : null,
  };
}
