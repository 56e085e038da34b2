/**
 * The Raft state machine, in the style of etcd-io/raft: one `receive` that first settles
 * the message's term, then switches on its type; role changes only through
 * becomeFollower / becomePreCandidate / becomeCandidate / becomeLeader. All outputs go
 * through the NodeCtx (send, setTimer on TIMER_MAIN, note), and every decision notes its
 * reason so the UI can narrate it.
 *
 * Where the paper and etcd differ, this follows the paper (a lower-term request is
 * answered with a rejection carrying our term) and adds etcd's PreVote, CheckQuorum,
 * reject hints and probe/replicate flow control as options or optimisations.
 *
 * Left out, for teaching: log compaction and InstallSnapshot, membership changes, leader
 * transfer, ReadIndex. Simplified: flow control has no in-flight limit (each ack releases
 * at most one more batch); a retried client request is appended again (no duplicate
 * detection); etcd's shortcut of answering an append below the commit index at once is
 * not taken (the paper's check handles it). The simulated network may reorder messages
 * (etcd's transport does not), which can make a pipelined follower reject spuriously;
 * the leader then simply probes again.
 */
import { emit, type NodeCtx } from '../protocol';
import type { RaftInitial } from './initial';
import { SENTINEL, findConflictByTerm, isUpToDate, lastIndex, lastTerm, mergeEntries, termAt } from './log';
import { Note, RaftNotes, TIMER_MAIN, type LogEntry, type RaftConfig, type RaftMsg, type RaftNode } from './types';

type Ctx = NodeCtx<RaftMsg>;
type Msg<T extends RaftMsg['type']> = Extract<RaftMsg, { type: T }>;

const NO_ENTRIES: readonly LogEntry[] = Object.freeze([]);

export function createRaftNode(id: number, nodes: number, cfg: RaftConfig, initial?: RaftInitial): RaftNode {
  const peers: number[] = [];
  for (let i = 1; i <= nodes; i++) if (i !== id) peers.push(i);
  // A fresh array per node (it will be pushed to); the entry objects are shared.
  const log: LogEntry[] = [SENTINEL];
  if (initial) for (const e of initial.log) log.push(e);
  return {
    id,
    peers,
    cfg,
    term: initial?.term ?? 0,
    votedFor: initial?.votedFor ?? 0,
    log,
    role: 'follower',
    leader: 0,
    commitIndex: 0,
    granted: 0,
    rejected: 0,
    nextIndex: [],
    matchIndex: [],
    replicating: [],
    recentActive: 0,
    heardLeaderAt: 0,
    quorumCheckedAt: 0,
    pending: new Map(),
    rewrittenFrom: Infinity,
    lenBefore: log.length,
  };
}

// ---------------------------------------------------------------------------------------
// Small helpers

export function clusterSize(node: RaftNode): number {
  return node.peers.length + 1;
}

/** Votes (or replicas) needed: a strict majority of the whole cluster. */
export function quorum(node: RaftNode): number {
  return (clusterSize(node) >> 1) + 1;
}

export function popcount(bits: number): number {
  let n = 0;
  for (let b = bits; b !== 0; b &= b - 1) n++;
  return n;
}

function bit(id: number): number {
  return 1 << id;
}

/** A fresh randomized election timeout in [et, 2et) (§5.2: spreads candidates apart). */
function resetElectionTimer(node: RaftNode, ctx: Ctx): void {
  const et = node.cfg.electionTimeoutMs;
  ctx.setTimer(TIMER_MAIN, ctx.randomInt(et, 2 * et));
  if (node.cfg.checkQuorum) ctx.clearTimer(TIMER_CHECK_QUORUM); // no longer leading
}

/**
 * Timer slot 1: a leader's CheckQuorum, every election timeout (etcd's tickHeartbeat steps
 * MsgCheckQuorum each time electionElapsed reaches the election timeout, whatever the
 * heartbeat interval), not at heartbeat ticks.
 */
export const TIMER_CHECK_QUORUM = 1;

/**
 * CheckQuorum's lease (etcd's `inLease` in Step): a follower heard from a live leader
 * within an election timeout; a leader always is in lease — it steps down at the next
 * quorum check instead, as etcd's leader, whose electionElapsed never reaches the timeout.
 */
function inLease(node: RaftNode, now: number): boolean {
  if (!node.cfg.checkQuorum) return false;
  if (node.role === 'leader') return true;
  return node.leader !== 0 && now - node.heardLeaderAt < node.cfg.electionTimeoutMs;
}

function clearVolatileRoleState(node: RaftNode): void {
  node.granted = 0;
  node.rejected = 0;
  node.nextIndex = [];
  node.matchIndex = [];
  node.replicating = [];
  node.recentActive = 0;
  // Waiting clients are not answered: their entries may still commit under the next
  // leader, so neither yes nor no would be honest. The client times out (and may retry).
  if (node.pending.size > 0) node.pending = new Map();
}

// ---------------------------------------------------------------------------------------
// Role changes

/** Follow `leader` (0 = unknown) at `term`. A new term clears the vote. */
export function becomeFollower(node: RaftNode, ctx: Ctx, term: number, leader: number): void {
  if (term !== node.term) {
    node.term = term;
    node.votedFor = 0;
  }
  node.role = 'follower';
  node.leader = leader;
  if (leader !== 0) node.heardLeaderAt = ctx.now;
  clearVolatileRoleState(node);
  resetElectionTimer(node, ctx);
}

/** PreVote: ask for votes at term + 1 without raising our own term (nobody changes anything). */
export function becomePreCandidate(node: RaftNode, ctx: Ctx): void {
  node.role = 'precandidate';
  node.leader = 0;
  clearVolatileRoleState(node);
  node.granted = bit(node.id);
  emit(ctx, RaftNotes.StartPreVote, { term: node.term + 1 });
  resetElectionTimer(node, ctx);
  if (popcount(node.granted) >= quorum(node)) {
    emit(ctx, RaftNotes.PreVoteWon, { granted: popcount(node.granted), quorum: quorum(node) });
    becomeCandidate(node, ctx);
    return;
  }
  requestVotes(node, ctx, node.term + 1, true);
}

/** §5.2: increment the term, vote for ourselves, ask everyone else. */
export function becomeCandidate(node: RaftNode, ctx: Ctx): void {
  node.term += 1;
  node.votedFor = node.id;
  node.role = 'candidate';
  node.leader = 0;
  clearVolatileRoleState(node);
  node.granted = bit(node.id);
  emit(ctx, RaftNotes.StartElection, { term: node.term });
  resetElectionTimer(node, ctx);
  if (popcount(node.granted) >= quorum(node)) {
    becomeLeader(node, ctx);
    return;
  }
  requestVotes(node, ctx, node.term, false);
}

function requestVotes(node: RaftNode, ctx: Ctx, term: number, pre: boolean): void {
  const li = lastIndex(node.log);
  const lt = lastTerm(node.log);
  for (const p of node.peers) ctx.send(p, { type: 'RequestVote', term, candidate: node.id, lastIndex: li, lastTerm: lt, pre });
}

/**
 * Won: start every follower in probe state at our last index + 1, append an empty entry
 * of our term (so entries of earlier terms can commit with it, §5.4.2 / §8) and announce it.
 */
export function becomeLeader(node: RaftNode, ctx: Ctx): void {
  const votes = popcount(node.granted);
  node.role = 'leader';
  node.leader = node.id;
  clearVolatileRoleState(node);
  const n = clusterSize(node);
  const next = node.log.length;
  node.nextIndex = new Array<number>(n + 1).fill(next);
  node.matchIndex = new Array<number>(n + 1).fill(0);
  node.replicating = new Array<boolean>(n + 1).fill(false);
  node.nextIndex[0] = 0; // index 0 is unused: keep it visibly empty
  node.recentActive = bit(node.id);
  node.quorumCheckedAt = ctx.now;
  node.heardLeaderAt = ctx.now;
  emit(ctx, RaftNotes.BecameLeader, { term: node.term, votes, quorum: quorum(node) });
  appendOwn(node, { term: node.term, value: '' });
  ctx.setTimer(TIMER_MAIN, node.cfg.heartbeatMs);
  if (node.cfg.checkQuorum) ctx.setTimer(TIMER_CHECK_QUORUM, node.cfg.electionTimeoutMs);
  for (const p of node.peers) sendAppend(node, p, ctx);
  if (maybeCommit(node, ctx)) broadcastCommit(node, ctx);
}

// ---------------------------------------------------------------------------------------
// Inputs

/** The node starts (time 0) or restarts after a crash with its persistent state. */
export function start(node: RaftNode, ctx: Ctx): void {
  becomeFollower(node, ctx, node.term, 0);
  if (ctx.now > 0) emit(ctx, RaftNotes.Restarted, { term: node.term, votedFor: node.votedFor, lastIndex: lastIndex(node.log) });
}

/**
 * A crash keeps what Raft persists — term, votedFor, log — and loses the rest. The commit
 * index is volatile in the paper (etcd persists it): a restarted node starts at 0 and
 * learns it again from the leader. The UI shows the paper's behaviour.
 */
export function crash(node: RaftNode): void {
  node.role = 'follower';
  node.leader = 0;
  node.commitIndex = 0;
  clearVolatileRoleState(node);
  node.heardLeaderAt = 0;
  node.quorumCheckedAt = 0;
}

export function timer(node: RaftNode, slot: number, ctx: Ctx): void {
  if (slot === TIMER_CHECK_QUORUM) {
    if (node.role === 'leader') checkQuorum(node, ctx);
    return;
  }
  if (slot !== TIMER_MAIN) return;
  if (node.role === 'leader') {
    heartbeat(node, ctx);
    return;
  }
  // Election timeout: no leader heard and no vote granted for a whole timeout.
  campaign(node, ctx);
}

/** An election timeout's outcome: PreVote first when it is on (etcd's hup), else an election. */
function campaign(node: RaftNode, ctx: Ctx): void {
  if (node.cfg.preVote) becomePreCandidate(node, ctx);
  else becomeCandidate(node, ctx);
}

/**
 * The user's `timeout` action (RaftScope's "time out"; etcd's MsgHup): a follower or a
 * (pre-)candidate campaigns now, PreVote first when it is on; a leader ignores it, as
 * etcd does ("ignoring MsgHup because already leader").
 */
export function timeoutNow(node: RaftNode, ctx: Ctx): void {
  if (node.role === 'leader') {
    emit(ctx, RaftNotes.TimeoutIgnoredLeader, { term: node.term });
    return;
  }
  emit(ctx, RaftNotes.TimeoutNow, { term: node.term });
  campaign(node, ctx);
}

export function receive(node: RaftNode, msg: RaftMsg, from: number, ctx: Ctx): void {
  if (msg.type === 'ClientRequest') {
    handleClientRequest(node, msg, ctx);
    return;
  }
  if (msg.type === 'ClientReply') return; // addressed to clients, never to a node
  // CheckQuorum: any message from a peer shows it is alive and can reach us (RecentActive).
  if (node.role === 'leader') node.recentActive |= bit(from);

  // 1. Settle the term (§5.1), with etcd's PreVote and CheckQuorum exceptions.
  if (msg.term > node.term) {
    if (msg.type === 'RequestVote' && inLease(node, ctx.now)) {
      // CheckQuorum: our leader is alive, so this candidate is disruptive; drop it unheard.
      emit(ctx, RaftNotes.VoteIgnoredLease, { term: msg.term, leader: node.leader, candidate: from });
      return;
    }
    const keepTerm =
      (msg.type === 'RequestVote' && msg.pre) || (msg.type === 'RequestVoteReply' && msg.pre && msg.granted);
    if (!keepTerm) {
      emit(ctx, RaftNotes.AdoptTerm, { term: msg.term, oldTerm: node.term, from });
      becomeFollower(node, ctx, msg.term, msg.type === 'AppendEntries' ? from : 0);
    }
  } else if (msg.term < node.term) {
    rejectStale(node, msg, from, ctx);
    return;
  }

  // 2. Same term (or a pre-vote for a later one): act on the message.
  switch (msg.type) {
    case 'RequestVote':
      handleVoteRequest(node, msg, from, ctx);
      break;
    case 'RequestVoteReply':
      handleVoteReply(node, msg, from, ctx);
      break;
    case 'AppendEntries':
      handleAppend(node, msg, from, ctx);
      break;
    case 'AppendEntriesReply':
      handleAppendReply(node, msg, from, ctx);
      break;
  }
}

/**
 * A message from an older term. The paper rejects requests and returns its term (so a
 * stale leader or candidate steps down); etcd only does so with PreVote or CheckQuorum
 * on, and always for a PreVote. Stale replies are ignored.
 */
function rejectStale(node: RaftNode, msg: RaftMsg, from: number, ctx: Ctx): void {
  switch (msg.type) {
    case 'RequestVote':
      emit(ctx, RaftNotes.VoteDeniedStaleTerm, { term: msg.term, ourTerm: node.term, candidate: from });
      ctx.send(from, { type: 'RequestVoteReply', term: node.term, granted: false, pre: msg.pre, reason: Note.VoteDeniedStaleTerm });
      return;
    case 'AppendEntries':
      emit(ctx, RaftNotes.AppendRejectedStaleTerm, { term: msg.term, ourTerm: node.term, from });
      ctx.send(from, {
        type: 'AppendEntriesReply',
        term: node.term,
        success: false,
        index: msg.prevIndex,
        hintIndex: 0,
        hintTerm: 0,
      });
      return;
    case 'RequestVoteReply':
    case 'AppendEntriesReply':
      emit(ctx, RaftNotes.IgnoredStale, { term: msg.term, ourTerm: node.term, from });
      return;
  }
}

// ---------------------------------------------------------------------------------------
// Elections

function handleVoteRequest(node: RaftNode, msg: Msg<'RequestVote'>, from: number, ctx: Ctx): void {
  const bugs = node.cfg.bugs;
  const deny = (reason: number): void => {
    ctx.send(from, { type: 'RequestVoteReply', term: node.term, granted: false, pre: msg.pre, reason });
  };
  // A pre-vote for a later term commits us to nothing, so neither our vote nor a known
  // leader stands in its way (only the log does, and CheckQuorum's lease above).
  const future = msg.pre && msg.term > node.term;
  if (!future && node.votedFor !== from) {
    // §5.2: one vote per term, first come first served.
    if (node.votedFor !== 0 && !(bugs.doubleVote && !msg.pre)) {
      emit(ctx, RaftNotes.VoteDeniedAlreadyVoted, { term: msg.term, votedFor: node.votedFor, candidate: from });
      deny(Note.VoteDeniedAlreadyVoted);
      return;
    }
    // etcd: while we know this term's leader, nobody else can be elected in it.
    if (node.leader !== 0) {
      emit(ctx, RaftNotes.VoteDeniedKnowsLeader, { term: msg.term, leader: node.leader, candidate: from });
      deny(Note.VoteDeniedKnowsLeader);
      return;
    }
  }
  // §5.4.1: only a candidate whose log is at least as up to date as ours.
  if (!bugs.voteWithoutLogCheck && !isUpToDate(node.log, msg.lastIndex, msg.lastTerm)) {
    const ourTerm = lastTerm(node.log);
    const why = msg.lastTerm < ourTerm ? Note.VoteDeniedLogTerm : Note.VoteDeniedLogIndex;
    if (why === Note.VoteDeniedLogTerm) emit(ctx, RaftNotes.VoteDeniedLogTerm, { lastTerm: msg.lastTerm, ourLastTerm: ourTerm, candidate: from });
    else emit(ctx, RaftNotes.VoteDeniedLogIndex, { lastIndex: msg.lastIndex, ourLastIndex: lastIndex(node.log), candidate: from });
    deny(why);
    return;
  }
  emit(ctx, RaftNotes.VoteGranted, { term: msg.term, _: 0, candidate: from });
  if (!msg.pre) {
    node.votedFor = from;
    // Granting a vote counts as hearing from a would-be leader (§5.2): wait before running ourselves.
    resetElectionTimer(node, ctx);
  }
  // A granted pre-vote answers with the term asked for, so it does not look stale to the asker.
  ctx.send(from, { type: 'RequestVoteReply', term: msg.term, granted: true, pre: msg.pre, reason: 0 });
}

function handleVoteReply(node: RaftNode, msg: Msg<'RequestVoteReply'>, from: number, ctx: Ctx): void {
  const current = msg.pre
    ? node.role === 'precandidate' && msg.term === (msg.granted ? node.term + 1 : node.term)
    : node.role === 'candidate' && msg.term === node.term;
  if (!current) {
    emit(ctx, RaftNotes.IgnoredReply, { term: msg.term, _: 0, from });
    return;
  }
  const q = quorum(node);
  if (msg.granted) {
    node.granted |= bit(from);
    const g = popcount(node.granted);
    emit(ctx, RaftNotes.VoteCounted, { granted: g, quorum: q, voter: from });
    if (g < q) return;
    if (msg.pre) {
      emit(ctx, RaftNotes.PreVoteWon, { granted: g, quorum: q });
      becomeCandidate(node, ctx);
    } else {
      becomeLeader(node, ctx);
    }
  } else {
    node.rejected |= bit(from);
    const r = popcount(node.rejected);
    emit(ctx, RaftNotes.VoteRejectCounted, { rejected: r, quorum: q, voter: from });
    // Lost once the votes still possible cannot reach a quorum.
    if (r > clusterSize(node) - q) {
      emit(ctx, RaftNotes.ElectionLost, { term: node.term });
      becomeFollower(node, ctx, node.term, 0);
    }
  }
}

// ---------------------------------------------------------------------------------------
// Replication: follower side

function handleAppend(node: RaftNode, msg: Msg<'AppendEntries'>, from: number, ctx: Ctx): void {
  if (node.role === 'leader') {
    // Two leaders in one term: impossible unless a deliberate bug broke Election Safety.
    emit(ctx, RaftNotes.AppendIgnoredAsLeader, { term: msg.term, _: 0, from });
    return;
  }
  if (node.role !== 'follower') {
    // §5.2: a candidate hearing the winner of its own term steps back.
    emit(ctx, RaftNotes.FollowLeader, { term: msg.term, _: 0, leader: from });
    becomeFollower(node, ctx, msg.term, from);
  } else {
    if (node.leader !== from) emit(ctx, RaftNotes.FollowLeader, { term: msg.term, _: 0, leader: from });
    node.leader = from;
    node.heardLeaderAt = ctx.now;
    resetElectionTimer(node, ctx);
  }

  // §5.3 consistency check: we must hold prevIndex with prevTerm.
  const last = lastIndex(node.log);
  const ourPrevTerm = termAt(node.log, msg.prevIndex);
  if (msg.prevIndex > last || ourPrevTerm !== msg.prevTerm) {
    if (msg.prevIndex > last) emit(ctx, RaftNotes.AppendRejectedMissing, { prevIndex: msg.prevIndex, ourLastIndex: last, from });
    else emit(ctx, RaftNotes.AppendRejectedTermMismatch, { prevIndex: msg.prevIndex, ourTerm: ourPrevTerm, prevTerm: msg.prevTerm });
    // etcd's hint: our last index at or before prevIndex whose term is <= prevTerm.
    const [hintIndex, hintTerm] = findConflictByTerm(node.log, Math.min(msg.prevIndex, last), msg.prevTerm);
    ctx.send(from, { type: 'AppendEntriesReply', term: node.term, success: false, index: msg.prevIndex, hintIndex, hintTerm });
    return;
  }

  const res = mergeEntries(node, msg.prevIndex, msg.entries, node.cfg.bugs.noTruncateOnConflict);
  if (res.removed > 0) emit(ctx, RaftNotes.Truncated, { firstRemoved: res.conflictIndex, count: res.removed, conflictTerm: res.conflictTerm });
  const lastNew = msg.prevIndex + msg.entries.length;
  // A heartbeat's acceptance is routine; an append that carried entries is a decision worth reading.
  emit(ctx, msg.entries.length === 0 ? RaftNotes.HeartbeatAccepted : RaftNotes.AppendAccepted, { prevIndex: msg.prevIndex, appended: res.appended, lastIndex: lastIndex(node.log) });
  // Only what this message proved we share with the leader may be committed; never lower it.
  const commit = Math.min(msg.leaderCommit, lastNew);
  if (commit > node.commitIndex) {
    emit(ctx, RaftNotes.CommitAdvanced, { commit, oldCommit: node.commitIndex });
    node.commitIndex = commit;
  }
  ctx.send(from, { type: 'AppendEntriesReply', term: node.term, success: true, index: lastNew, hintIndex: 0, hintTerm: 0 });
}

// ---------------------------------------------------------------------------------------
// Replication: leader side

/** The leader writes an entry of its own: never rewrites, only appends (Leader Append-Only). */
function appendOwn(node: RaftNode, entry: LogEntry): number {
  node.log.push(entry);
  const idx = lastIndex(node.log);
  node.matchIndex[node.id] = idx;
  node.nextIndex[node.id] = idx + 1;
  return idx;
}

/**
 * One AppendEntries to `to` from its nextIndex: up to maxEntriesPerAppend entries, or none
 * (a heartbeat) when it has everything. In replicate state nextIndex moves on at once
 * (pipelining); in probe state it waits for the answer, and the heartbeat resends.
 */
function sendAppend(node: RaftNode, to: number, ctx: Ctx): void {
  const last = lastIndex(node.log);
  let next = node.nextIndex[to];
  if (next > last + 1) next = node.nextIndex[to] = last + 1;
  const prevIndex = next - 1;
  const count = Math.min(node.cfg.maxEntriesPerAppend, last - prevIndex);
  const entries = count > 0 ? node.log.slice(next, next + count) : NO_ENTRIES;
  ctx.send(to, {
    type: 'AppendEntries',
    term: node.term,
    prevIndex,
    prevTerm: node.log[prevIndex].term,
    entries,
    leaderCommit: node.commitIndex,
  });
  if (count > 0 && node.replicating[to]) node.nextIndex[to] = next + count;
}

/**
 * CheckQuorum, every election timeout while leading (etcd's MsgCheckQuorum): did a quorum,
 * us included, send us anything in the window? If not, step down; else start a new window.
 */
function checkQuorum(node: RaftNode, ctx: Ctx): void {
  const active = popcount(node.recentActive | bit(node.id));
  const q = quorum(node);
  if (active < q) {
    emit(ctx, RaftNotes.CheckQuorumStepDown, { active, quorum: q });
    becomeFollower(node, ctx, node.term, 0);
    return;
  }
  node.recentActive = bit(node.id);
  node.quorumCheckedAt = ctx.now;
  node.heardLeaderAt = ctx.now;
  ctx.setTimer(TIMER_CHECK_QUORUM, node.cfg.electionTimeoutMs);
}

function heartbeat(node: RaftNode, ctx: Ctx): void {
  const cfg = node.cfg;
  emit(ctx, RaftNotes.Heartbeat, { term: node.term });
  for (const p of node.peers) sendAppend(node, p, ctx);
  ctx.setTimer(TIMER_MAIN, cfg.heartbeatMs);
}

function handleAppendReply(node: RaftNode, msg: Msg<'AppendEntriesReply'>, from: number, ctx: Ctx): void {
  if (node.role !== 'leader') {
    emit(ctx, RaftNotes.IgnoredReply, { term: msg.term, _: 0, from });
    return;
  }
  if (msg.success) {
    if (msg.index > node.matchIndex[from]) {
      node.matchIndex[from] = msg.index;
      if (node.nextIndex[from] < msg.index + 1) node.nextIndex[from] = msg.index + 1;
      emit(ctx, RaftNotes.MatchAdvanced, { match: msg.index, _: 0, follower: from });
      node.replicating[from] = true;
      if (maybeCommit(node, ctx)) broadcastCommit(node, ctx);
    } else {
      emit(ctx, RaftNotes.AppendReplyInStep, { match: node.matchIndex[from], _: 0, follower: from });
      if (!node.replicating[from] && msg.index === node.matchIndex[from]) {
        // A probe confirmed what we knew: the follower is in step, pipeline from now on.
        node.replicating[from] = true;
      }
    }
    if (node.replicating[from] && node.nextIndex[from] <= lastIndex(node.log)) sendAppend(node, from, ctx);
    return;
  }
  // Rejected: back off nextIndex and probe again.
  const before = node.nextIndex[from];
  if (node.replicating[from]) {
    if (msg.index <= node.matchIndex[from]) {
      emit(ctx, RaftNotes.IgnoredReply, { term: msg.term, _: 0, from }); // about entries it has since confirmed
      return;
    }
    // Something in the pipeline was lost or reordered: probe from what it surely holds.
    node.replicating[from] = false;
    node.nextIndex[from] = node.matchIndex[from] + 1;
  } else {
    if (node.nextIndex[from] - 1 !== msg.index) {
      emit(ctx, RaftNotes.IgnoredReply, { term: msg.term, _: 0, from }); // answers an older probe
      return;
    }
    // The follower holds hintIndex with hintTerm; skip every index of ours with a higher
    // term than that, since none of them can match (terms only grow along a log).
    let probe = msg.hintIndex;
    if (msg.hintTerm > 0) probe = findConflictByTerm(node.log, msg.hintIndex, msg.hintTerm)[0];
    node.nextIndex[from] = Math.max(Math.min(msg.index, probe + 1), node.matchIndex[from] + 1);
  }
  emit(ctx, RaftNotes.NextIndexBackoff, { next: node.nextIndex[from], rejected: msg.index, follower: from });
  // A genuine rejection always moves nextIndex back. If it cannot (a follower rejecting
  // what it confirmed before: only a deliberate bug does that), leave the retry to the
  // heartbeat rather than ping-pong the same probe at network speed.
  if (node.nextIndex[from] < before) sendAppend(node, from, ctx);
}

/**
 * §5.3/§5.4.2: commit the highest index stored on a majority, but only if that entry is
 * of our own term (Figure 8); earlier entries then commit with it. Returns whether the
 * commit index advanced.
 */
function maybeCommit(node: RaftNode, ctx: Ctx): boolean {
  const onMajority = indexOnQuorum(node);
  if (onMajority <= node.commitIndex) return false;
  const t = node.log[onMajority].term;
  if (t !== node.term && !node.cfg.bugs.commitPreviousTermByCount) {
    emit(ctx, RaftNotes.CommitBlockedOldTerm, { index: onMajority, entryTerm: t, term: node.term });
    return false;
  }
  emit(ctx, RaftNotes.CommitAdvanced, { commit: onMajority, oldCommit: node.commitIndex });
  node.commitIndex = onMajority;
  answerClients(node, ctx);
  return true;
}

/** Scratch space for indexOnQuorum: one small buffer reused, so an ack allocates nothing. */
const scratch: number[] = [];

/** The highest index stored on a quorum (the leader counts with its whole log). */
function indexOnQuorum(node: RaftNode): number {
  const n = clusterSize(node);
  // Insertion sort, descending, of at most a handful of match indexes.
  for (let id = 1; id <= n; id++) {
    const m = id === node.id ? lastIndex(node.log) : node.matchIndex[id];
    let j = id - 1;
    while (j > 0 && scratch[j - 1] < m) {
      scratch[j] = scratch[j - 1];
      j--;
    }
    scratch[j] = m;
  }
  return scratch[quorum(node) - 1];
}

/** Tell followers in step about the new commit index now rather than at the next heartbeat. */
function broadcastCommit(node: RaftNode, ctx: Ctx): void {
  for (const p of node.peers) if (node.replicating[p]) sendAppend(node, p, ctx);
}

function answerClients(node: RaftNode, ctx: Ctx): void {
  if (node.pending.size === 0) return;
  for (const [index, p] of node.pending) {
    if (index > node.commitIndex) continue;
    ctx.send(p.clientId, { type: 'ClientReply', requestId: p.requestId, ok: true, leaderHint: node.id, index });
    node.pending.delete(index);
  }
}

// ---------------------------------------------------------------------------------------
// Clients

function handleClientRequest(node: RaftNode, msg: Msg<'ClientRequest'>, ctx: Ctx): void {
  if (node.role !== 'leader') {
    // The paper: reject and name the leader. With none known, etcd's follower drops the
    // proposal ("no leader at term N") and etcd answers "no leader": refuse, saying so.
    if (node.leader === 0) emit(ctx, RaftNotes.ClientRefusedNoLeader, { term: node.term });
    else emit(ctx, RaftNotes.ClientRedirected, { leader: node.leader });
    ctx.send(msg.clientId, { type: 'ClientReply', requestId: msg.requestId, ok: false, leaderHint: node.leader, index: 0 });
    return;
  }
  // A retried request is appended again (at-least-once): no duplicate detection here.
  const index = appendOwn(node, { term: node.term, value: msg.value });
  node.pending.set(index, { clientId: msg.clientId, requestId: msg.requestId });
  emit(ctx, RaftNotes.ClientAppended, { index, term: node.term });
  // Followers in step get it now; a probing follower gets it with its next probe.
  for (const p of node.peers) if (node.replicating[p]) sendAppend(node, p, ctx);
  if (maybeCommit(node, ctx)) broadcastCommit(node, ctx);
}
