/**
 * Fast Leader Election (ZooKeeper's FastLeaderElection.lookForLeader and its
 * WorkerReceiver), as PROTOCOLS.md states it:
 * - a vote is (leader, zxid, epoch); the order is epoch, then zxid, then sid
 *   (totalOrderPredicate), so the most up-to-date server wins and ties go to the highest sid;
 * - rounds (logicalclock): a higher round is adopted (received votes forgotten, our initial
 *   vote compared afresh); a lower one is not recorded but answered with our vote; a better
 *   vote in our round is adopted and rebroadcast;
 * - a quorum agreeing with our vote starts finalizeWait; a better vote in that window goes
 *   back to the election, anything else is dropped (as lookForLeader's inner poll does);
 * - FOLLOWING / LEADING notifications let a LOOKING server join an established ensemble
 *   once a quorum names the same leader and epoch and the leader itself says LEADING;
 * - silence re-sends our notifications, the interval doubling up to its cap.
 * Left out: observers, weights and hierarchical quorums, and QuorumCnxManager's
 * connection rules (every server may notify every other directly).
 */
import { emit } from '../protocol';
import { becomeFollowing } from './follower';
import { becomeLeading } from './leader';
import { bit, lastZxid, popcount, quorum, type Ctx, type Msg, type ZabNode } from './state';
import { ServerState, ZAB_TIMERS, ZabNotes, type ReceivedVote, type Vote, type ZabRole } from './types';
import { zkDropConnections, zkShutdown } from './zk/serve';

/** Which part of the total order decided a comparison. */
export type Decider = 'epoch' | 'zxid' | 'sid';

/**
 * totalOrderPredicate: does the new vote (l, z, e) beat the current one (cl, cz, ce)?
 * Returns which field decided, and whether the new one is better. With the deliberate bug
 * `ignoreZxidInElection` the zxid is skipped: epoch, then sid.
 */
export function compareVotes(node: ZabNode, theirs: Vote, ours: Vote): { better: boolean; by: Decider } {
  if (theirs.epoch !== ours.epoch) return { better: theirs.epoch > ours.epoch, by: 'epoch' };
  if (!node.cfg.bugs.ignoreZxidInElection && theirs.zxid !== ours.zxid) return { better: theirs.zxid > ours.zxid, by: 'zxid' };
  return { better: theirs.leader > ours.leader, by: 'sid' };
}

/** Record a comparison as the note that explains it (theirs/ours are the deciding fields). */
function noteComparison(node: ZabNode, ctx: Ctx, from: number, theirs: Vote, ours: Vote, c: { better: boolean; by: Decider }): void {
  const pick = c.by === 'epoch' ? [theirs.epoch, ours.epoch] : c.by === 'zxid' ? [theirs.zxid, ours.zxid] : [theirs.leader, ours.leader];
  const spec = c.better
    ? c.by === 'epoch'
      ? ZabNotes.AdoptByEpoch
      : c.by === 'zxid'
        ? ZabNotes.AdoptByZxid
        : ZabNotes.AdoptBySid
    : c.by === 'epoch'
      ? ZabNotes.KeepByEpoch
      : c.by === 'zxid'
        ? ZabNotes.KeepByZxid
        : ZabNotes.KeepBySid;
  emit(ctx, spec, { from, leader: theirs.leader, theirs: pick[0], ours: pick[1] });
}

export function initialVote(node: ZabNode): Vote {
  return { leader: node.id, zxid: lastZxid(node), epoch: node.currentEpoch };
}

export function serverState(role: ZabRole): ServerState {
  return role === 'looking' ? ServerState.LOOKING : role === 'following' ? ServerState.FOLLOWING : ServerState.LEADING;
}

function roleOf(s: ServerState): ZabRole {
  return s === ServerState.LOOKING ? 'looking' : s === ServerState.FOLLOWING ? 'following' : 'leading';
}

/** Our current vote, round and state to one server. */
export function notify(node: ZabNode, ctx: Ctx, to: number): void {
  ctx.send(to, { type: 'Notification', vote: node.vote, round: node.round, state: serverState(node.state), sid: node.id });
}

function sendNotifications(node: ZabNode, ctx: Ctx): void {
  for (const p of node.peers) notify(node, ctx, p);
}

function setVote(node: ZabNode, v: Vote): void {
  node.vote = v;
  node.recv[node.id] = { sid: node.id, leader: v.leader, zxid: v.zxid, epoch: v.epoch, round: node.round, state: 'looking' };
}

/** FLE equality (Vote.equals): with a LOOKING side, leader, zxid, round and epoch; between established servers, leader and epoch. */
function sameVote(a: ReceivedVote, b: ReceivedVote): boolean {
  if (a.state === 'looking' || b.state === 'looking') return a.leader === b.leader && a.zxid === b.zxid && a.round === b.round && a.epoch === b.epoch;
  return a.leader === b.leader && a.epoch === b.epoch;
}

/** How many of `set` agree with `v`. */
function agreeing(set: readonly (ReceivedVote | null)[], v: ReceivedVote): number {
  let bits = 0;
  for (let sid = 1; sid < set.length; sid++) {
    const r = set[sid];
    if (r !== null && sameVote(r, v)) bits |= bit(sid);
  }
  return popcount(bits);
}

/** checkLeader: the named leader must itself say LEADING in `set`; if it is us, our round must match. */
function checkLeader(node: ZabNode, set: readonly (ReceivedVote | null)[], leader: number, round: number): boolean {
  if (leader !== node.id) {
    const r = leader < set.length ? set[leader] : null;
    return r !== null && r.state === 'leading';
  }
  return node.round === round;
}

/**
 * Start (or restart) an election: LOOKING, a new round, a vote for ourselves with our last
 * logged zxid and current epoch, sent to every server.
 */
export function becomeLooking(node: ZabNode, ctx: Ctx): void {
  if (node.state !== 'looking') emit(ctx, ZabNotes.BackToLooking, { epoch: node.currentEpoch });
  zkShutdown(node, ctx);
  node.state = 'looking';
  node.phase = 'election';
  node.leader = 0;
  node.joined = false;
  clearRoleState(node);
  ctx.clearTimer(ZAB_TIMERS.tick);
  node.round += 1;
  node.recv.fill(null);
  node.outOf.fill(null);
  node.finalizing = false;
  node.notifIntervalMs = node.cfg.notificationIntervalMs;
  setVote(node, initialVote(node));
  emit(ctx, ZabNotes.ElectionStarted, { round: node.round, zxid: node.vote.zxid, epoch: node.vote.epoch });
  sendNotifications(node, ctx);
  ctx.setTimer(ZAB_TIMERS.election, node.notifIntervalMs);
  // A one-server ensemble (or one whose quorum we already are) decides on its own vote.
  checkQuorum(node, ctx);
}

/** Forget everything that belongs to leading or following (not the history, not the epochs). */
export function clearRoleState(node: ZabNode): void {
  node.fstage = 'info';
  node.syncCommit = 0;
  node.leaderEpoch = 0;
  node.learners.fill(null);
  node.newEpoch = 0;
  node.epochAcks = 0;
  node.epochEstablished = false;
  node.established = false;
  node.counter = 0;
  node.halfTicks = 0;
  node.proposedAt = [];
  node.proposedBase = 0;
  // Waiting clients are not answered: their writes may still commit under the next leader.
  if (node.pending.size > 0) node.pending = new Map();
  // ZooKeeper's server shuts down: its client connections close (the applied tree stays).
  zkDropConnections(node);
}

/** The re-send timer fired: nothing arrived for a whole interval. */
export function electionTimer(node: ZabNode, ctx: Ctx): void {
  if (node.state !== 'looking') return;
  if (node.finalizing) {
    decide(node, ctx);
    return;
  }
  node.notifIntervalMs = Math.min(node.notifIntervalMs * 2, node.cfg.maxNotificationIntervalMs);
  emit(ctx, ZabNotes.NotificationsResent, { intervalMs: node.notifIntervalMs });
  sendNotifications(node, ctx);
  ctx.setTimer(ZAB_TIMERS.election, node.notifIntervalMs);
}

/** finalizeWait ran out with no better vote: the election is over. */
function decide(node: ZabNode, ctx: Ctx): void {
  node.finalizing = false;
  const me = node.recv[node.id]!;
  emit(ctx, ZabNotes.Decided, { leader: node.vote.leader, votes: agreeing(node.recv, me), round: node.round });
  if (node.vote.leader === node.id) becomeLeading(node, ctx);
  else becomeFollowing(node, ctx, node.vote.leader);
}

/** A quorum (us included) sent our vote: wait finalizeWait for a better one. */
function checkQuorum(node: ZabNode, ctx: Ctx): void {
  const me = node.recv[node.id]!;
  const votes = agreeing(node.recv, me);
  if (votes < quorum(node)) return;
  node.finalizing = true;
  emit(ctx, ZabNotes.QuorumAgrees, { leader: node.vote.leader, votes, needed: quorum(node), waitMs: node.cfg.finalizeWaitMs });
  ctx.setTimer(ZAB_TIMERS.election, node.cfg.finalizeWaitMs);
}

function received(msg: Msg<'Notification'>): ReceivedVote {
  return { sid: msg.sid, leader: msg.vote.leader, zxid: msg.vote.zxid, epoch: msg.vote.epoch, round: msg.round, state: roleOf(msg.state) };
}

/** A notification while we are LOOKING. */
function lookingReceive(node: ZabNode, msg: Msg<'Notification'>, from: number, ctx: Ctx): void {
  if (node.finalizing) {
    // lookForLeader's finalize poll: only a better vote interrupts; anything else is dropped.
    const c = compareVotes(node, msg.vote, node.vote);
    if (!c.better) {
      emit(ctx, ZabNotes.FinalizeDiscarded, { from, leader: msg.vote.leader, zxid: msg.vote.zxid, epoch: msg.vote.epoch });
      if (msg.state === ServerState.LOOKING && msg.round < node.round) notify(node, ctx, from);
      return;
    }
    emit(ctx, ZabNotes.FinalizeInterrupted, { from, leader: msg.vote.leader });
    node.finalizing = false;
  }
  // A poll returned: the re-send interval starts again (it does not reset to its minimum).
  ctx.setTimer(ZAB_TIMERS.election, node.notifIntervalMs);
  if (msg.state === ServerState.LOOKING) {
    if (msg.round > node.round) {
      emit(ctx, ZabNotes.RoundAdopted, { from, round: msg.round, oldRound: node.round });
      node.round = msg.round;
      node.recv.fill(null);
      const init = initialVote(node);
      const c = compareVotes(node, msg.vote, init);
      noteComparison(node, ctx, from, msg.vote, init, c);
      setVote(node, c.better ? msg.vote : init);
      sendNotifications(node, ctx);
    } else if (msg.round < node.round) {
      emit(ctx, ZabNotes.LowerRoundAnswered, { from, round: msg.round, ourRound: node.round });
      notify(node, ctx, from);
      return;
    } else {
      const c = compareVotes(node, msg.vote, node.vote);
      const same = msg.vote.leader === node.vote.leader && msg.vote.zxid === node.vote.zxid && msg.vote.epoch === node.vote.epoch;
      if (same) emit(ctx, ZabNotes.SameVoteReceived, { from, leader: msg.vote.leader, zxid: msg.vote.zxid, round: msg.round });
      else noteComparison(node, ctx, from, msg.vote, node.vote, c);
      if (c.better) {
        setVote(node, msg.vote);
        sendNotifications(node, ctx);
      }
    }
    node.recv[from] = received(msg);
    checkQuorum(node, ctx);
    return;
  }
  // FOLLOWING / LEADING: an established ensemble answers us.
  const r = received(msg);
  if (msg.round === node.round) {
    node.recv[from] = r;
    const votes = agreeing(node.recv, r);
    if (votes >= quorum(node) && checkLeader(node, node.recv, r.leader, msg.round)) {
      join(node, ctx, r, votes);
      return;
    }
  }
  node.outOf[from] = r;
  const votes = agreeing(node.outOf, r);
  if (votes >= quorum(node) && checkLeader(node, node.outOf, r.leader, msg.round)) {
    node.round = msg.round;
    join(node, ctx, r, votes);
  }
}

function join(node: ZabNode, ctx: Ctx, r: ReceivedVote, votes: number): void {
  emit(ctx, ZabNotes.JoinedEnsemble, { leader: r.leader, epoch: r.epoch, votes });
  node.finalizing = false;
  node.joined = true;
  node.vote = { leader: r.leader, zxid: r.zxid, epoch: r.epoch };
  if (r.leader === node.id) becomeLeading(node, ctx);
  else becomeFollowing(node, ctx, r.leader);
}

/**
 * Every notification. A LOOKING server runs the election; a FOLLOWING or LEADING one
 * answers a LOOKING sender with its current vote (WorkerReceiver), and takes a LOOKING
 * notification of a newer round from its leader (or a learner) as that peer having left:
 * in ZooKeeper the peer's shutdown closed the connection. An older round is a message sent
 * before the election that made us follow, still in flight (FIFO: it cannot be newer).
 */
export function receiveNotification(node: ZabNode, msg: Msg<'Notification'>, from: number, ctx: Ctx): void {
  if (node.state === 'looking') {
    lookingReceive(node, msg, from, ctx);
    return;
  }
  if (msg.state !== ServerState.LOOKING) return;
  notify(node, ctx, from);
  if (msg.round <= node.round) return;
  if (node.state === 'following' && from === node.leader) {
    emit(ctx, ZabNotes.ConnectionClosed, { peer: from, wasLeader: 1 });
    becomeLooking(node, ctx);
  } else if (node.state === 'leading' && node.learners[from] !== null) {
    emit(ctx, ZabNotes.ConnectionClosed, { peer: from, wasLeader: 0 });
    node.learners[from] = null;
  }
}
