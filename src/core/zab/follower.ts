/**
 * The follower's side of ZAB (ZooKeeper's Learner.registerWithLeader / syncWithLeader and
 * Follower.followLeader): FOLLOWERINFO, the epoch answer, the sync (DIFF, TRUNC, SNAP and
 * the PROPOSAL/COMMIT pairs after them), NEWLEADER, UPTODATE, then broadcast.
 *
 * What FIFO links buy (ZooKeeper runs over TCP): the leader's packets arrive in the order
 * it sent them, so a PROPOSAL always comes before its COMMIT, the sync packets before
 * NEWLEADER, and messages of an older connection before the LEADERINFO of a newer one (so
 * while we wait for LEADERINFO, anything else from the leader is stale and ignored). On a
 * reordering network the checks below refuse a PROPOSAL that does not extend our history
 * in order (each names the zxid it follows), or a COMMIT we cannot match, and go LOOKING
 * to resync: safe, but slower. A lost packet (the simulator's dropRate) is caught the same way.
 *
 * Simplified: a follower logs sync proposals at once (ZooKeeper queues them until
 * NEWLEADER) and delivers the synced history at UPTODATE, when the leader has a quorum
 * and it is committed (ZooKeeper applies sync COMMITs as they come).
 */
import { emit } from '../protocol';
import { becomeLooking } from './election';
import { zkPingAnswer } from './zk/serve';
import { countUpTo, lastZxid, type Ctx, type Msg, type ZabNode } from './state';
import { ZAB_PHASE_CODES, ZAB_TIMERS, ZabNotes, zabMsgKind, epochOf, type Txn, type ZabMsg, type ZabPhase } from './types';

export function enterPhase(node: ZabNode, ctx: Ctx, phase: Exclude<ZabPhase, 'election'>, epoch: number): void {
  if (node.phase === phase) return;
  node.phase = phase;
  emit(ctx, ZabNotes.PhaseEntered, { phase: ZAB_PHASE_CODES[phase], epoch });
}

/** How long the leader may be silent: initLimit ticks until NEWLEADER is done, syncLimit ticks after. */
export function silenceLimitMs(node: ZabNode): number {
  const ticks = node.fstage === 'serving' || node.fstage === 'synced' ? node.cfg.syncLimit : node.cfg.initLimit;
  return ticks * node.cfg.tickTimeMs;
}

function heard(node: ZabNode, ctx: Ctx): void {
  node.heardLeaderAt = ctx.now;
  ctx.setTimer(ZAB_TIMERS.tick, silenceLimitMs(node));
}

/** The election chose `leader`: connect and tell it our acceptedEpoch. */
export function becomeFollowing(node: ZabNode, ctx: Ctx, leader: number): void {
  node.state = 'following';
  node.leader = leader;
  node.fstage = 'info';
  ctx.clearTimer(ZAB_TIMERS.election);
  enterPhase(node, ctx, 'discovery', 0);
  heard(node, ctx);
  connect(node, ctx);
}

/**
 * Learner.connectToLeader: send FOLLOWERINFO; until LEADERINFO comes, try again every
 * second (at most every tick): the chosen leader may not be LEADING yet (its connection
 * refused), and a FOLLOWERINFO sent to a server still LOOKING is not kept.
 */
function connect(node: ZabNode, ctx: Ctx): void {
  const z = lastZxid(node);
  emit(ctx, ZabNotes.FollowerInfoSent, { leader: node.leader, acceptedEpoch: node.acceptedEpoch, lastZxid: z });
  ctx.send(node.leader, { type: 'FollowerInfo', acceptedEpoch: node.acceptedEpoch, lastZxid: z });
  ctx.setTimer(ZAB_TIMERS.election, connectRetryMs(node));
}

export function connectRetryMs(node: ZabNode): number {
  return Math.min(1000, node.cfg.tickTimeMs);
}

/** The connect retry timer (the election slot, unused while following). */
export function followerRetry(node: ZabNode, ctx: Ctx): void {
  if (node.state === 'following' && node.fstage === 'info') connect(node, ctx);
}

/** The silence timer fired: the leader is gone (or cut off). */
export function followerTimer(node: ZabNode, ctx: Ctx): void {
  emit(ctx, ZabNotes.LeaderSilent, { leader: node.leader, silentMs: ctx.now - node.heardLeaderAt, limitMs: silenceLimitMs(node) });
  becomeLooking(node, ctx);
}

/** Replace the history with its first `keep` entries plus `extra` (TRUNC, SNAP): a new array, never an edit. */
function rewrite(node: ZabNode, ctx: Ctx, keep: number, extra: readonly Txn[] | null): void {
  const old = node.history;
  const removed = old.slice(keep);
  node.history = extra === null ? old.slice(0, keep) : old.slice(0, keep).concat(extra);
  node.rewrites++;
  if (node.committed > keep) node.committed = keep;
  node.truncated = removed;
  node.truncatedAt = ctx.now;
}

/**
 * Append a proposal if it extends our history: it must follow our last zxid exactly (the
 * leader says which zxid it follows). A gap means a packet was lost — on TCP, a broken
 * connection.
 */
function logProposal(node: ZabNode, msg: Msg<'Proposal'>): boolean {
  const last = lastZxid(node);
  if (msg.prev !== undefined ? msg.prev !== last : msg.txn.zxid <= last) return false;
  node.history.push(msg.txn);
  return true;
}

/** Deliver every entry up to `zxid`. */
function deliverUpTo(node: ZabNode, zxid: number): void {
  const upTo = countUpTo(node.history, node.history.length, zxid);
  if (upTo > node.committed) node.committed = upTo;
}

function ignore(ctx: Ctx, from: number, msg: ZabMsg): void {
  emit(ctx, ZabNotes.Ignored, { from, kind: zabMsgKind(msg) });
}

/** A leader-to-follower packet. */
export function followerReceive(node: ZabNode, msg: ZabMsg, from: number, ctx: Ctx): void {
  if (node.state !== 'following' || from !== node.leader) {
    ignore(ctx, from, msg);
    return;
  }
  const st = node.fstage;
  const leaderBound = msg.type === 'FollowerInfo' || msg.type === 'AckEpoch' || msg.type === 'Ack' || msg.type === 'Request';
  if (leaderBound || (st === 'info' && msg.type !== 'LeaderInfo')) {
    ignore(ctx, from, msg); // an older connection's packet (FIFO: it came before our LEADERINFO)
    return;
  }
  heard(node, ctx);
  switch (msg.type) {
    case 'LeaderInfo': {
      if (st !== 'info') return ignore(ctx, from, msg);
      const e = msg.epoch;
      if (e < node.acceptedEpoch) {
        emit(ctx, ZabNotes.EpochRefused, { leader: from, epoch: e, acceptedEpoch: node.acceptedEpoch });
        becomeLooking(node, ctx);
        return;
      }
      // Equal: we had accepted this very epoch (a reconnect): say so with −1, not counted.
      const cur = e > node.acceptedEpoch ? node.currentEpoch : -1;
      if (e > node.acceptedEpoch) node.acceptedEpoch = e;
      node.leaderEpoch = e;
      node.fstage = 'epoch';
      ctx.clearTimer(ZAB_TIMERS.election);
      emit(ctx, ZabNotes.EpochAccepted, { leader: from, epoch: e, currentEpoch: cur });
      ctx.send(from, { type: 'AckEpoch', currentEpoch: cur, lastZxid: lastZxid(node) });
      return;
    }
    case 'Diff':
    case 'Trunc':
    case 'Snap': {
      if (st !== 'epoch') return ignore(ctx, from, msg);
      node.fstage = 'sync';
      enterPhase(node, ctx, 'synchronization', node.leaderEpoch);
      if (msg.type === 'Trunc') {
        const keep = countUpTo(node.history, node.history.length, msg.zxid);
        const removed = node.history.length - keep;
        if (removed > 0) rewrite(node, ctx, keep, null);
        emit(ctx, ZabNotes.Truncated, { zxid: msg.zxid, removed });
      } else if (msg.type === 'Snap') {
        // Keep the common prefix as it is (same objects), replace the rest.
        const h = node.history;
        let k = 0;
        while (k < h.length && k < msg.history.length && h[k].zxid === msg.history[k].zxid && h[k].value === msg.history[k].value) k++;
        if (k < h.length || k < msg.history.length) rewrite(node, ctx, k, msg.history.slice(k));
        emit(ctx, ZabNotes.SnapLoaded, { zxid: msg.zxid, count: msg.history.length });
      }
      node.syncCommit = msg.zxid;
      return;
    }
    case 'Proposal': {
      if (st === 'epoch') return ignore(ctx, from, msg);
      if (!logProposal(node, msg)) {
        emit(ctx, ZabNotes.ProposalOutOfOrder, { zxid: msg.txn.zxid, lastZxid: lastZxid(node) });
        becomeLooking(node, ctx);
        return;
      }
      emit(ctx, ZabNotes.Logged, { zxid: msg.txn.zxid });
      // Sync proposals are acknowledged together, by the NEWLEADER ACK.
      if (st !== 'sync') ctx.send(from, { type: 'Ack', zxid: msg.txn.zxid });
      return;
    }
    case 'Commit': {
      if (st === 'epoch') return ignore(ctx, from, msg);
      const i = countUpTo(node.history, node.history.length, msg.zxid);
      if (i === 0 || node.history[i - 1].zxid !== msg.zxid) {
        emit(ctx, ZabNotes.CommitUnknown, { zxid: msg.zxid, lastZxid: lastZxid(node) });
        becomeLooking(node, ctx);
        return;
      }
      if (st === 'serving') {
        deliverUpTo(node, msg.zxid);
        emit(ctx, ZabNotes.Delivered, { zxid: msg.zxid });
      } else if (msg.zxid > node.syncCommit) node.syncCommit = msg.zxid;
      return;
    }
    case 'NewLeader': {
      if (st !== 'sync') return ignore(ctx, from, msg);
      if (msg.last !== undefined && msg.last !== lastZxid(node)) {
        emit(ctx, ZabNotes.ProposalOutOfOrder, { zxid: msg.last, lastZxid: lastZxid(node) });
        becomeLooking(node, ctx);
        return;
      }
      node.currentEpoch = epochOf(msg.zxid);
      node.fstage = 'synced';
      heard(node, ctx); // from now on the silence limit is syncLimit
      emit(ctx, ZabNotes.NewLeaderAcked, { leader: from, epoch: node.currentEpoch });
      ctx.send(from, { type: 'Ack', zxid: msg.zxid });
      return;
    }
    case 'UpToDate': {
      if (st !== 'synced') return ignore(ctx, from, msg);
      node.fstage = 'serving';
      deliverUpTo(node, node.syncCommit);
      enterPhase(node, ctx, 'broadcast', node.currentEpoch);
      emit(ctx, ZabNotes.UpToDate, { leader: from, epoch: node.currentEpoch });
      return;
    }
    case 'Ping': {
      emit(ctx, ZabNotes.PingAnswered, { leader: from, zxid: msg.zxid });
      const sessions = zkPingAnswer(node, msg.zxid);
      ctx.send(from, sessions === null ? { type: 'Ping', zxid: lastZxid(node) } : { type: 'Ping', zxid: lastZxid(node), sessions });
      return;
    }
    default:
      ignore(ctx, from, msg);
  }
}

/** A client's write at a follower: forwarded to a serving leader, refused otherwise. */
export function followerClientRequest(node: ZabNode, msg: Msg<'ClientRequest'>, ctx: Ctx): void {
  if (node.state === 'following' && node.fstage === 'serving') {
    emit(ctx, ZabNotes.Forwarded, { client: msg.clientId, request: msg.requestId, leader: node.leader });
    ctx.send(node.leader, { type: 'Request', clientId: msg.clientId, requestId: msg.requestId, value: msg.value, via: node.id });
    return;
  }
  emit(ctx, ZabNotes.ClientRefused, { client: msg.clientId, request: msg.requestId });
  ctx.send(msg.clientId, { type: 'ClientReply', requestId: msg.requestId, ok: false, leaderHint: 0, zxid: 0 });
}

/** The TCP connection to `peer` closed. */
export function followerDisconnected(node: ZabNode, peer: number, ctx: Ctx): void {
  if (peer !== node.leader) return;
  emit(ctx, ZabNotes.ConnectionClosed, { peer, wasLeader: 1 });
  becomeLooking(node, ctx);
}
