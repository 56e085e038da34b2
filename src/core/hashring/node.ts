/**
 * A storage node of the ring. Here it only needs to be seen alive: from its start it sends
 * the router (HUB_ID) a heartbeat every heartbeatMs (timer slot 0), numbered from 1 after
 * each (re)start, and it answers the simulator's client "no leader" (the ring takes no
 * client requests). Its incarnation — how many times it has started — survives a crash,
 * as Cassandra's gossip generation does, so the router can tell a restart from a late packet.
 */
import { HUB_ID, emit, type NodeCtx } from '../protocol';
import { HashringNotes, HashringTimer, type HashringConfig, type HashringMsg } from './types';

export interface StorageNode {
  readonly id: number;
  readonly heartbeatMs: number;
  /** Times started (persistent). 0: never started (an absent slot). */
  incarnation: number;
  /** Heartbeats sent since the last start. */
  seq: number;
}

export function createStorageNode(id: number, cfg: HashringConfig): StorageNode {
  return { id, heartbeatMs: cfg.heartbeatMs, incarnation: 0, seq: 0 };
}

function beat(n: StorageNode, ctx: NodeCtx<HashringMsg>): void {
  n.seq++;
  ctx.send(HUB_ID, { kind: 'heartbeat', seq: n.seq, incarnation: n.incarnation });
  ctx.setTimer(HashringTimer.Heartbeat, n.heartbeatMs);
}

export function startNode(n: StorageNode, ctx: NodeCtx<HashringMsg>): void {
  n.incarnation++;
  n.seq = 0;
  emit(ctx, HashringNotes.NodeStarted, { incarnation: n.incarnation });
  beat(n, ctx);
}

/** A crash keeps everything: the incarnation is persistent, and seq (shown while down) restarts at the next start. */
export function crashNode(_n: StorageNode): void {}

export function nodeTimer(n: StorageNode, slot: number, ctx: NodeCtx<HashringMsg>): void {
  if (slot === HashringTimer.Heartbeat) beat(n, ctx);
}

export function nodeReceive(_n: StorageNode, msg: HashringMsg, from: number, ctx: NodeCtx<HashringMsg>): void {
  if (msg.kind === 'client-request') ctx.send(from, { kind: 'client-reply', requestId: msg.requestId });
}
