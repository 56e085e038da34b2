/**
 * The ZooKeeper state machine a ZAB server embeds (src/core/coord/zookeeper/server.ts,
 * branch zk-model), seen through the few calls the servers make. A placeholder until that
 * branch lands: the types and signatures are what the servers use.
 */
import type { SessionId, ZkOutcome, ZkReadRequest, ZkTxn, WatchDelivery, Zxid } from '../../coord/zookeeper/types';

/** One server's service state: tree + watch manager + last applied zxid. */
export interface ZkServerState {
  lastZxid: Zxid;
}

export function createServerState(): ZkServerState {
  return { lastZxid: 0 };
}

export function applyCommitted(state: ZkServerState, _txn: ZkTxn, zxid: Zxid): { outcome: ZkOutcome; deliveries: WatchDelivery[] } {
  state.lastZxid = zxid;
  return { outcome: { ok: true, result: null }, deliveries: [] };
}

export function read(_state: ZkServerState, _session: SessionId, _req: ZkReadRequest): ZkOutcome {
  return { ok: true, result: null };
}

export function snapshotServerState(s: ZkServerState): ZkServerState {
  return { ...s };
}
