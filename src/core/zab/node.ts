/**
 * A ZooKeeper server's state machine: one `receive` that switches on the message type and
 * hands it to the part of the protocol it belongs to — Fast Leader Election
 * (election.ts), the leader's discovery / synchronization / broadcast (leader.ts), the
 * follower's (follower.ts). Role changes go only through becomeLooking, becomeFollowing
 * and becomeLeading. Every decision is noted (ZabNotes) with its reason as data.
 */
import { emit } from '../protocol';
import { becomeLooking, clearRoleState, electionTimer, initialVote, receiveNotification } from './election';
import { followerClientRequest, followerRetry, followerDisconnected, followerReceive, followerTimer } from './follower';
import { leaderClientRequest, leaderDisconnected, leaderReceive, leaderTick } from './leader';
import { lastZxid, type Ctx, type ZabNode } from './state';
import { ZAB_TIMERS, ZabNotes, type ZabMsg } from './types';
import { isZkPacket, zkAfter, zkCrash, zkReceive, zkTrackerTimer } from './zk/serve';

export { createZabNode } from './state';

/** The server starts (time 0) or restarts with its logged history: LOOKING. */
export function start(node: ZabNode, ctx: Ctx): void {
  if (ctx.now > 0) emit(ctx, ZabNotes.Restarted, { lastZxid: lastZxid(node), acceptedEpoch: node.acceptedEpoch, currentEpoch: node.currentEpoch });
  becomeLooking(node, ctx);
  if (node.zkServe !== null) zkAfter(node, ctx);
}

/**
 * A crash keeps what ZooKeeper persists — the txn log (history), acceptedEpoch and
 * currentEpoch — and loses the rest: its round, its votes, its role, what it had
 * delivered (a restart replays the log and learns the commit point again from a leader).
 */
export function crash(node: ZabNode): void {
  node.state = 'looking';
  node.phase = 'election';
  node.leader = 0;
  node.joined = false;
  node.committed = 0;
  clearRoleState(node);
  node.round = 0;
  node.recv.fill(null);
  node.outOf.fill(null);
  node.finalizing = false;
  node.notifIntervalMs = node.cfg.notificationIntervalMs;
  node.vote = initialVote(node);
  node.truncated = [];
  node.truncatedAt = 0;
  node.heardLeaderAt = 0;
  if (node.zkServe !== null) zkCrash(node);
}

export function receive(node: ZabNode, msg: ZabMsg, from: number, ctx: Ctx): void {
  receiveZab(node, msg, from, ctx);
  if (node.zkServe !== null) zkAfter(node, ctx);
}

function receiveZab(node: ZabNode, msg: ZabMsg, from: number, ctx: Ctx): void {
  if (isZkPacket(msg)) {
    // The ZooKeeper service's packets; a server without the service has no port for them.
    if (node.zkServe !== null) zkReceive(node, msg, from, ctx);
    return;
  }
  switch (msg.type) {
    case 'Notification':
      receiveNotification(node, msg, from, ctx);
      return;
    case 'ClientRequest':
      if (node.state === 'leading') leaderClientRequest(node, msg.clientId, msg.requestId, msg.value, ctx);
      else followerClientRequest(node, msg, ctx);
      return;
    case 'ClientReply':
    case 'ConnectResponse':
    case 'Reply':
    case 'ClientPong':
    case 'WatcherEvent':
      return; // addressed to clients, never to a server
    default:
      if (node.state === 'leading') leaderReceive(node, msg, from, ctx);
      else followerReceive(node, msg, from, ctx);
  }
}

export function timer(node: ZabNode, slot: number, ctx: Ctx): void {
  timerZab(node, slot, ctx);
  if (node.zkServe !== null) zkAfter(node, ctx);
}

function timerZab(node: ZabNode, slot: number, ctx: Ctx): void {
  if (slot === ZAB_TIMERS.sessions) zkTrackerTimer(node, ctx);
  else if (slot === ZAB_TIMERS.election) {
    if (node.state === 'looking') electionTimer(node, ctx);
    else if (node.state === 'following') followerRetry(node, ctx);
  }
  else if (node.state === 'leading') leaderTick(node, ctx);
  else if (node.state === 'following') followerTimer(node, ctx);
}

/**
 * The user's `timeout` action: a LOOKING server's wait ends now (it re-sends, or ends
 * finalizeWait); a follower gives up on its leader as if it had been silent too long; a
 * leader has nothing to time out.
 */
export function timeoutNow(node: ZabNode, ctx: Ctx): void {
  if (node.state === 'looking') electionTimer(node, ctx);
  else if (node.state === 'following') followerTimer(node, ctx);
  if (node.zkServe !== null) zkAfter(node, ctx);
}

/** The TCP connection to `peer` closed (its process died). */
export function peerDisconnected(node: ZabNode, peer: number, ctx: Ctx): void {
  if (node.state === 'following') followerDisconnected(node, peer, ctx);
  else if (node.state === 'leading') leaderDisconnected(node, peer, ctx);
  if (node.zkServe !== null) zkAfter(node, ctx);
}

