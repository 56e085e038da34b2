/**
 * The leader's side of ZAB (ZooKeeper's Leader.lead and one LearnerHandler per follower):
 * discovery (FOLLOWERINFO → newEpoch = max acceptedEpoch + 1 → LEADERINFO → ACKEPOCH, from
 * a quorum including us), synchronization (LearnerHandler.syncFollower picks empty DIFF,
 * DIFF + pairs, TRUNC (+ pairs) or SNAP; then NEWLEADER (e, 0) and, with a quorum of ACKs,
 * UPTODATE), broadcast (PROPOSAL, ACK, COMMIT strictly in zxid order, ourselves counted),
 * and liveness (PING every tickTime / 2; each tick, drop a learner silent or not acking for
 * syncLimit ticks, and go LOOKING without a synced quorum).
 *
 * Simplified: each wait of discovery and synchronization gets initLimit ticks from the
 * start of its phase; a refused follower (ahead of us) is simply no longer answered, so
 * it notices by its own timeout (ZooKeeper closes the socket); no observers, no
 * reconfiguration, no duplicate detection of retried writes.
 */
import { emit } from '../protocol';
import { becomeLooking } from './election';
import { enterPhase } from './follower';
import { zkLeaderForwarded, zkTouchFromLearner } from './zk/serve';
import type { ZkTxn } from '../coord/zookeeper/types';
import { bit, lastZxid, popcount, quorum, type Ctx, type Learner, type ZabNode } from './state';
import { ZAB_TIMERS, ZabNotes, isForwarded, zabMsgKind, counterOf, epochOf, zxidOf, type Txn, type ZabMsg, type Zxid } from './types';

function halfTickMs(node: ZabNode): number {
  return Math.max(1, Math.floor(node.cfg.tickTimeMs / 2));
}

/** The election chose us: wait for a quorum of followers to connect. */
export function becomeLeading(node: ZabNode, ctx: Ctx): void {
  node.state = 'leading';
  node.leader = node.id;
  ctx.clearTimer(ZAB_TIMERS.election);
  node.learners.fill(null);
  node.phaseStartedAt = ctx.now;
  node.halfTicks = 0;
  enterPhase(node, ctx, 'discovery', 0);
  ctx.setTimer(ZAB_TIMERS.tick, halfTickMs(node));
  tryProposeEpoch(node, ctx);
}

function connected(node: ZabNode): number {
  let c = 1;
  for (const p of node.peers) if (node.learners[p] !== null) c++;
  return c;
}

/** Servers in step with us: ourselves and every learner that acked NEWLEADER. */
function syncedCount(node: ZabNode, heardWithinMs = Infinity, now = 0): number {
  let c = 1;
  for (const p of node.peers) {
    const l = node.learners[p];
    if (l !== null && (l.stage === 'synced' || l.stage === 'serving') && now - l.heardAt <= heardWithinMs) c++;
  }
  return c;
}

/** Discovery: once a quorum including us is connected, newEpoch = max(acceptedEpoch) + 1. */
function tryProposeEpoch(node: ZabNode, ctx: Ctx): void {
  if (node.newEpoch !== 0) return;
  const count = connected(node);
  if (count < quorum(node)) return;
  let max = node.acceptedEpoch;
  for (const p of node.peers) {
    const l = node.learners[p];
    if (l !== null && l.acceptedEpoch > max) max = l.acceptedEpoch;
  }
  node.newEpoch = max + 1;
  node.acceptedEpoch = node.newEpoch;
  node.epochAcks = bit(node.id);
  node.phaseStartedAt = ctx.now;
  emit(ctx, ZabNotes.EpochProposed, { epoch: node.newEpoch, maxAccepted: max, followers: count - 1 });
  for (const p of node.peers) if (node.learners[p] !== null) ctx.send(p, { type: 'LeaderInfo', epoch: node.newEpoch });
  tryEstablishEpoch(node, ctx);
}

/** Discovery ends when a quorum including us acked the epoch: adopt it, sync everyone who acked. */
function tryEstablishEpoch(node: ZabNode, ctx: Ctx): void {
  if (node.epochEstablished) return;
  const acks = popcount(node.epochAcks);
  if (acks < quorum(node)) return;
  node.epochEstablished = true;
  node.currentEpoch = node.newEpoch;
  node.phaseStartedAt = ctx.now;
  emit(ctx, ZabNotes.EpochEstablished, { epoch: node.newEpoch, acks });
  enterPhase(node, ctx, 'synchronization', node.newEpoch);
  for (const p of node.peers) {
    const l = node.learners[p];
    if (l !== null && l.stage === 'epoch-acked' && !l.forwarding) syncLearner(node, l, ctx);
  }
  if (syncedCount(node) >= quorum(node)) establish(node, ctx, syncedCount(node));
}

/** A sync plan: the op packet, and from which history index the PROPOSAL/COMMIT pairs start. */
export interface SyncPlan {
  mode: 'empty-diff' | 'diff' | 'trunc' | 'snap';
  /** DIFF: the leader's last committed zxid; TRUNC: where to truncate; SNAP: the snapshot's last zxid. */
  zxid: Zxid;
  /** Pairs are history[from .. base). */
  from: number;
}

/**
 * queueCommittedProposals: walk history[start .. base) against the follower's last zxid.
 * Returns null when only a snapshot will do (the follower's zxid is off our history and
 * truncating it would cross an epoch).
 */
function walk(h: readonly Txn[], start: number, base: number, peer: Zxid): { mode: 'diff' | 'trunc'; zxid: Zxid; from: number } | null {
  const newEpochPeer = counterOf(peer) === 0;
  let prev = 0;
  for (let i = start; i < base; i++) {
    const z = h[i].zxid;
    if (z < peer) {
      prev = z;
      continue;
    }
    if (z === peer) return { mode: 'diff', zxid: 0, from: i + 1 };
    if (newEpochPeer) return { mode: 'diff', zxid: 0, from: i };
    if (epochOf(z) !== epochOf(peer)) return null;
    return { mode: 'trunc', zxid: prev, from: i };
  }
  return newEpochPeer ? { mode: 'diff', zxid: 0, from: base } : null;
}

/**
 * LearnerHandler.syncFollower, over our history. `base` entries are what we hold as
 * committed (an established leader: its committed prefix; one still synchronizing: its
 * whole history, which it commits on establishment); the in-memory committed log is the
 * newest committedLogCount of them, and with txnLogSync the rest can be read from the log.
 */
export function planSync(h: readonly Txn[], base: number, peer: Zxid, committedLogCount: number, txnLogSync: boolean): SyncPlan {
  const lastProcessed = base === 0 ? 0 : h[base - 1].zxid;
  const ws = base - Math.min(committedLogCount, base);
  const min = ws === base ? lastProcessed : h[ws].zxid;
  const max = lastProcessed;
  if (lastProcessed === peer) return { mode: 'empty-diff', zxid: peer, from: base };
  if (peer > max && counterOf(peer) !== 0) return { mode: 'trunc', zxid: max, from: base };
  let w: ReturnType<typeof walk> = null;
  if (min <= peer && peer <= max) w = walk(h, ws, base, peer);
  else if (peer < min && txnLogSync) w = walk(h, 0, base, peer);
  if (w === null) return { mode: 'snap', zxid: lastProcessed, from: base };
  return w.mode === 'diff' ? { mode: 'diff', zxid: max, from: w.from } : w;
}

function committedBase(node: ZabNode): number {
  return node.established ? node.committed : node.history.length;
}

/** Send one learner its sync: the op, the pairs, our outstanding proposals, NEWLEADER. */
function syncLearner(node: ZabNode, l: Learner, ctx: Ctx): void {
  const h = node.history;
  const base = committedBase(node);
  const plan = planSync(h, base, l.lastZxid, node.cfg.committedLogCount, node.cfg.txnLogSync);
  const to = l.sid;
  const pairs = base - plan.from;
  switch (plan.mode) {
    case 'empty-diff':
      emit(ctx, ZabNotes.SyncEmptyDiff, { to, zxid: plan.zxid });
      ctx.send(to, { type: 'Diff', zxid: plan.zxid });
      l.sync = 'diff';
      break;
    case 'diff':
      emit(ctx, ZabNotes.SyncDiff, { to, fromZxid: l.lastZxid, count: pairs, toZxid: plan.zxid });
      ctx.send(to, { type: 'Diff', zxid: plan.zxid });
      l.sync = 'diff';
      break;
    case 'trunc':
      emit(ctx, ZabNotes.SyncTrunc, { to, zxid: plan.zxid, theirZxid: l.lastZxid, count: pairs });
      ctx.send(to, { type: 'Trunc', zxid: plan.zxid });
      l.sync = 'trunc';
      break;
    case 'snap':
      emit(ctx, ZabNotes.SyncSnap, { to, zxid: plan.zxid, theirZxid: l.lastZxid, count: base });
      ctx.send(to, { type: 'Snap', zxid: plan.zxid, history: h.slice(0, base) });
      l.sync = 'snap';
      break;
  }
  for (let i = plan.from; i < base; i++) {
    ctx.send(to, { type: 'Proposal', txn: h[i], prev: i === 0 ? 0 : h[i - 1].zxid });
    ctx.send(to, { type: 'Commit', zxid: h[i].zxid });
  }
  // startForwarding: proposals not yet committed follow, then NEWLEADER.
  for (let i = base; i < h.length; i++) ctx.send(to, { type: 'Proposal', txn: h[i], prev: i === 0 ? 0 : h[i - 1].zxid });
  ctx.send(to, { type: 'NewLeader', zxid: zxidOf(node.newEpoch, 0), last: lastZxid(node) });
  l.forwarding = true;
  l.sentUpTo = lastZxid(node);
}

/** A quorum acked NEWLEADER: our whole history is committed, the followers in step may serve. */
function establish(node: ZabNode, ctx: Ctx, acks: number): void {
  node.established = true;
  node.committed = node.history.length;
  node.counter = 0;
  node.proposedBase = node.history.length;
  node.proposedAt = [];
  node.halfTicks = 0;
  emit(ctx, ZabNotes.LeaderEstablished, { epoch: node.newEpoch, acks });
  enterPhase(node, ctx, 'broadcast', node.newEpoch);
  for (const p of node.peers) {
    const l = node.learners[p];
    if (l !== null && l.stage === 'synced') {
      ctx.send(p, { type: 'UpToDate' });
      l.stage = 'serving';
    }
  }
}

function acksFor(node: ZabNode, z: Zxid): number {
  let acks = 1; // our own: we logged it when we proposed it
  for (const p of node.peers) {
    const l = node.learners[p];
    if (l !== null && l.forwarding && l.ackedZxid >= z) acks++;
  }
  return acks;
}

/** Commit, strictly in zxid order, every proposal a quorum (us included) has logged. */
function tryCommit(node: ZabNode, ctx: Ctx): void {
  const h = node.history;
  const needed = node.cfg.bugs.commitWithoutQuorum ? 1 : quorum(node);
  while (node.committed < h.length) {
    const z = h[node.committed].zxid;
    const acks = acksFor(node, z);
    if (acks < needed) return;
    node.committed++;
    emit(ctx, ZabNotes.Committed, { zxid: z, acks });
    for (const p of node.peers) if (node.learners[p]?.forwarding) ctx.send(p, { type: 'Commit', zxid: z });
    const who = node.pending.get(z);
    if (who !== undefined) {
      node.pending.delete(z);
      ctx.send(who.clientId, { type: 'ClientReply', requestId: who.requestId, ok: true, leaderHint: node.id, zxid: z });
    }
  }
}

/** A write: the next zxid of our epoch, logged by us (our ACK), sent to every follower in step. */
function propose(node: ZabNode, ctx: Ctx, clientId: number, requestId: number, value: string): void {
  proposeTxn(node, ctx, clientId, requestId, value, undefined);
}

/**
 * Propose a transaction; with the ZooKeeper service it carries `zk` (already stamped), and
 * the server the client is connected to answers it once applied (no ClientReply here).
 */
export function proposeTxn(node: ZabNode, ctx: Ctx, clientId: number, requestId: number, value: string, zk: ZkTxn | undefined): void {
  node.counter++;
  const zxid = zxidOf(node.newEpoch, node.counter);
  const txn: Txn = zk === undefined ? { zxid, value } : { zxid, value, zk };
  const prev = lastZxid(node);
  node.history.push(txn);
  node.proposedAt.push(ctx.now);
  if (zk === undefined) node.pending.set(txn.zxid, { clientId, requestId });
  emit(ctx, ZabNotes.Proposed, { zxid: txn.zxid, client: clientId, request: requestId });
  for (const p of node.peers) if (node.learners[p]?.forwarding) ctx.send(p, { type: 'Proposal', txn, prev });
  tryCommit(node, ctx);
}

/** A client's write at the leader (or forwarded to it). */
export function leaderClientRequest(node: ZabNode, clientId: number, requestId: number, value: string, ctx: Ctx): void {
  if (!node.established) {
    emit(ctx, ZabNotes.ClientRefused, { client: clientId, request: requestId });
    ctx.send(clientId, { type: 'ClientReply', requestId, ok: false, leaderHint: 0, zxid: 0 });
    return;
  }
  propose(node, ctx, clientId, requestId, value);
}

function ignore(ctx: Ctx, from: number, msg: ZabMsg): void {
  emit(ctx, ZabNotes.Ignored, { from, kind: zabMsgKind(msg) });
}

/** A follower-to-leader packet. */
export function leaderReceive(node: ZabNode, msg: ZabMsg, from: number, ctx: Ctx): void {
  if (msg.type === 'FollowerInfo') {
    // A new connection from `from`: whatever we knew of an older one is gone.
    const l: Learner = {
      sid: from,
      stage: 'connected',
      sync: null,
      acceptedEpoch: msg.acceptedEpoch,
      lastZxid: msg.lastZxid,
      ackCurrentEpoch: 0,
      forwarding: false,
      sentUpTo: 0,
      ackedZxid: 0,
      heardAt: ctx.now,
    };
    node.learners[from] = l;
    if (node.newEpoch === 0) tryProposeEpoch(node, ctx);
    else ctx.send(from, { type: 'LeaderInfo', epoch: node.newEpoch });
    return;
  }
  const l = node.learners[from];
  if (l === null) {
    ignore(ctx, from, msg);
    return;
  }
  l.heardAt = ctx.now;
  switch (msg.type) {
    case 'AckEpoch':
      if (l.stage !== 'connected' || node.newEpoch === 0) return ignore(ctx, from, msg);
      l.stage = 'epoch-acked';
      l.lastZxid = msg.lastZxid;
      l.ackCurrentEpoch = msg.currentEpoch;
      if (node.epochEstablished) {
        syncLearner(node, l, ctx);
        return;
      }
      if (msg.currentEpoch === -1) {
        emit(ctx, ZabNotes.AckEpochSameEpoch, { from, epoch: node.newEpoch });
      } else {
        const ours = lastZxid(node);
        const ahead = msg.currentEpoch > node.currentEpoch || (msg.currentEpoch === node.currentEpoch && msg.lastZxid > ours);
        if (ahead) {
          emit(ctx, ZabNotes.FollowerAhead, { from, theirZxid: msg.lastZxid, ourZxid: ours, theirEpoch: msg.currentEpoch });
          node.learners[from] = null;
          return;
        }
        node.epochAcks |= bit(from);
        emit(ctx, ZabNotes.AckEpochCounted, { from, currentEpoch: msg.currentEpoch, lastZxid: msg.lastZxid, acks: popcount(node.epochAcks) });
      }
      tryEstablishEpoch(node, ctx);
      return;
    case 'Ack':
      if (counterOf(msg.zxid) === 0) {
        if (msg.zxid !== zxidOf(node.newEpoch, 0) || !l.forwarding || l.stage !== 'epoch-acked') return ignore(ctx, from, msg);
        l.stage = 'synced';
        if (l.sentUpTo > l.ackedZxid) l.ackedZxid = l.sentUpTo;
        const acks = syncedCount(node);
        emit(ctx, ZabNotes.NewLeaderAckCounted, { from, acks, needed: quorum(node) });
        if (!node.established) {
          if (acks >= quorum(node)) establish(node, ctx, acks);
          return;
        }
        ctx.send(from, { type: 'UpToDate' });
        l.stage = 'serving';
        tryCommit(node, ctx);
        return;
      }
      if (!l.forwarding) return ignore(ctx, from, msg);
      if (msg.zxid > l.ackedZxid) l.ackedZxid = msg.zxid;
      emit(ctx, ZabNotes.AckCounted, { from, zxid: msg.zxid, acks: acksFor(node, msg.zxid), needed: node.cfg.bugs.commitWithoutQuorum ? 1 : quorum(node) });
      if (node.established) tryCommit(node, ctx);
      return;
    case 'Ping':
      // Heard: that is all a PING answer says, but for the sessions its clients touched.
      if (msg.sessions !== undefined) zkTouchFromLearner(node, msg.sessions, from, ctx);
      return;
    case 'Request':
      if (!isForwarded(msg)) return ignore(ctx, from, msg);
      if (msg.zk !== undefined) zkLeaderForwarded(node, msg, from, ctx);
      else leaderClientRequest(node, msg.clientId, msg.requestId, msg.value, ctx);
      return;
    default:
      ignore(ctx, from, msg);
  }
}

/**
 * Every tickTime / 2: PING the learners in step; every tick, drop learners silent (or not
 * acking our oldest outstanding proposal) for their limit, then check the quorum: before
 * establishment, each phase must finish within initLimit ticks; after, a quorum must have
 * been heard within syncLimit ticks.
 */
export function leaderTick(node: ZabNode, ctx: Ctx): void {
  const cfg = node.cfg;
  const tick = cfg.tickTimeMs;
  node.halfTicks++;
  if (!node.established && ctx.now - node.phaseStartedAt >= cfg.initLimit * tick) {
    emit(ctx, ZabNotes.QuorumLost, { heard: node.epochEstablished ? syncedCount(node) : connected(node), needed: quorum(node), limitMs: cfg.initLimit * tick });
    becomeLooking(node, ctx);
    return;
  }
  let pinged = 0;
  const z = lastZxid(node);
  for (const p of node.peers) {
    if (node.learners[p]?.forwarding) {
      ctx.send(p, { type: 'Ping', zxid: z });
      pinged++;
    }
  }
  if (pinged > 0) emit(ctx, ZabNotes.Pinged, { zxid: z, learners: pinged });
  if (node.halfTicks % 2 === 0) {
    const h = node.history;
    const oldest = node.established && node.committed < h.length ? node.committed : -1;
    for (const p of node.peers) {
      const l = node.learners[p];
      if (l === null) continue;
      const limit = (l.stage === 'synced' || l.stage === 'serving' ? cfg.syncLimit : cfg.initLimit) * tick;
      const silent = ctx.now - l.heardAt;
      let late = silent > limit;
      if (!late && oldest >= 0 && l.forwarding && l.ackedZxid < h[oldest].zxid) {
        late = ctx.now - node.proposedAt[oldest - node.proposedBase] > cfg.syncLimit * tick;
      }
      if (late) {
        emit(ctx, ZabNotes.FollowerDropped, { follower: p, silentMs: silent });
        node.learners[p] = null;
      }
    }
    if (node.established) {
      const heard = syncedCount(node, cfg.syncLimit * tick, ctx.now);
      if (heard < quorum(node)) {
        emit(ctx, ZabNotes.QuorumLost, { heard, needed: quorum(node), limitMs: cfg.syncLimit * tick });
        becomeLooking(node, ctx);
        return;
      }
    }
  }
  ctx.setTimer(ZAB_TIMERS.tick, halfTickMs(node));
}

/** The TCP connection to `peer` closed: that learner is gone. */
export function leaderDisconnected(node: ZabNode, peer: number, ctx: Ctx): void {
  if (node.learners[peer] === null) return;
  emit(ctx, ZabNotes.ConnectionClosed, { peer, wasLeader: 0 });
  node.learners[peer] = null;
}
