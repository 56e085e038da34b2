/**
 * Raft's data: configuration, node state, messages, the per-node view the UI draws and
 * the decision codes that explain every step. Logic lives in node.ts.
 */
import { defineNotes, type NoteSpec } from '../protocol';

export type RaftBug = 'commitPreviousTermByCount' | 'voteWithoutLogCheck' | 'doubleVote' | 'noTruncateOnConflict';
export const RAFT_BUGS: readonly RaftBug[] = [
  'commitPreviousTermByCount',
  'voteWithoutLogCheck',
  'doubleVote',
  'noTruncateOnConflict',
];

export interface RaftConfig {
  /** Leader heartbeat interval. The paper's timing: 50 ms heartbeats, 150–300 ms elections. */
  heartbeatMs: number;
  /** Election timeout base `et`: each timeout is drawn uniformly from [et, 2et). */
  electionTimeoutMs: number;
  latencyMinMs: number;
  latencyMaxMs: number;
  /** Probability in [0, 1) that any message is lost. */
  dropRate: number;
  /** etcd's PreVote: ask for votes at term+1 before disrupting anyone. Off: the paper. */
  preVote: boolean;
  /** etcd's CheckQuorum: a leader steps down without a quorum; followers with a live leader ignore votes. */
  checkQuorum: boolean;
  /** Most entries one AppendEntries carries (etcd bounds this by bytes). */
  maxEntriesPerAppend: number;
  clientRetry: boolean;
  clientTimeoutMs: number;
  /** Ordered links, and the reordering / duplication faults (src/core/config-fields.ts NETWORK_DEFAULTS). */
  fifo: boolean;
  reorderRate: number;
  duplicateRate: number;
  bugs: Record<RaftBug, boolean>;
}

export interface LogEntry {
  readonly term: number;
  readonly value: string;
}

export type Role = 'follower' | 'candidate' | 'precandidate' | 'leader';

/** Timer slot 0: the election timeout (followers, candidates) or the heartbeat (leaders). */
export const TIMER_MAIN = 0;

export interface RaftNode {
  readonly id: number;
  readonly peers: readonly number[]; // every other node id, ascending
  readonly cfg: RaftConfig;
  // persistent (survives a crash)
  term: number;
  votedFor: number; // 0 = none
  /** log[0] is a sentinel {term: 0}; entries are at 1..log.length-1. Replaced, never cut in place. */
  log: LogEntry[];
  // volatile
  role: Role;
  leader: number; // 0 = unknown
  /** The paper keeps commitIndex volatile (etcd persists it): it restarts at 0. */
  commitIndex: number;
  /** Votes (or pre-votes) received this election: bit i set = node i granted; rejections likewise. */
  granted: number;
  rejected: number;
  /** Leader only, indexed by node id (index 0 unused). */
  nextIndex: number[];
  matchIndex: number[];
  /** Leader: probe (one append at a time) or replicate (pipelined), per follower; true = replicate. */
  replicating: boolean[];
  /** CheckQuorum: bit i set = heard from node i in this election-timeout window. */
  recentActive: number;
  /** Virtual time this node last heard from a current leader (for CheckQuorum's lease). */
  heardLeaderAt: number;
  /** Leader: time of the last CheckQuorum evaluation. */
  quorumCheckedAt: number;
  /** Leader: client requests waiting for commit, by log index. */
  pending: Map<number, { clientId: number; requestId: number }>;
  /**
   * Lowest log index rewritten (truncated or overwritten) during the current input, or
   * Infinity. The simulator's checkers read and reset it; it is not protocol state.
   */
  rewrittenFrom: number;
  /** Log length before the current input (for checkers); reset by the checker. */
  lenBefore: number;
}

export type RaftMsg =
  | { type: 'RequestVote'; term: number; candidate: number; lastIndex: number; lastTerm: number; pre: boolean }
  | {
      type: 'RequestVoteReply';
      term: number;
      granted: boolean;
      pre: boolean;
      /** Why it was denied: the voter's Note code (VoteDenied*), 0 when granted. Carried for the inspector only. */
      reason: number;
    }
  | {
      type: 'AppendEntries';
      term: number;
      prevIndex: number;
      prevTerm: number;
      entries: readonly LogEntry[];
      leaderCommit: number;
    }
  | {
      type: 'AppendEntriesReply';
      term: number;
      success: boolean;
      /** On success: the index of the last entry the follower now matches. On reject: the rejected prevIndex. */
      index: number;
      /** On reject, etcd's hint: the follower's last index at or before prevIndex with term <= prevTerm, and that term. */
      hintIndex: number;
      hintTerm: number;
    }
  | { type: 'ClientRequest'; clientId: number; requestId: number; value: string }
  | { type: 'ClientReply'; requestId: number; ok: boolean; leaderHint: number; index: number };

/** Message kind codes in the history (stable; the UI narrates by them). */
export const MsgKind = {
  RequestVote: 1,
  RequestVoteReply: 2,
  AppendEntries: 3,
  AppendEntriesReply: 4,
  ClientRequest: 5,
  ClientReply: 6,
  PreVote: 7,
  PreVoteReply: 8,
  Heartbeat: 9, // an AppendEntries with no entries
} as const;

/** What the UI draws for one node. Plain data. */
export interface RaftNodeView {
  id: number;
  alive: boolean;
  role: Role | 'down';
  term: number;
  votedFor: number;
  leader: number;
  commitIndex: number;
  /** Whole-log length (last index). */
  lastIndex: number;
  /** The last LOG_WINDOW entries: logStart is the index of log[0] of this window. */
  logStart: number;
  logTerms: number[];
  logValues: string[];
  /** Leader only (else empty): per node id (index 0 unused). */
  nextIndex: number[];
  matchIndex: number[];
  /** Candidates: votes granted so far (node ids). */
  votes: number[];
}

/**
 * Log entries a node view carries (the last ones; logStart says where they begin), so the
 * log panel can scroll back this far. Views are built once per shown frame, not per event.
 */
export const LOG_WINDOW = 256;

/**
 * Every decision a Raft node records, with its arguments named (emit(ctx, RaftNotes.X, {...})):
 * every step explains itself; the UI narrates them by name (src/ui/raft/narrate.ts). The
 * comments below still say a/b/c for the first/second/third field. A field named `_` is an
 * unused position, always 0: it keeps each code's arguments where the history has them.
 */
export const RaftNotes = defineNotes({
  /** Election timeout fired: became candidate. a = new term. */
  StartElection: { code: 1, fields: ['term'] },
  /** Election timeout fired with PreVote on: became pre-candidate. a = term asked for (term + 1). */
  StartPreVote: { code: 2, fields: ['term'] },
  /** Won the election. a = term, b = votes granted, c = quorum size. */
  BecameLeader: { code: 3, fields: ['term', 'votes', 'quorum'] },
  /** Saw a higher term: adopted it and became follower. a = new term, b = old term, c = sender. */
  AdoptTerm: { code: 4, fields: ['term', 'oldTerm', 'from'] },
  /** Became follower of a leader of the same term (e.g. a candidate hearing the winner). a = term, c = leader. */
  FollowLeader: { code: 5, fields: ['term', '_', 'leader'] },
  /** Granted a vote (or a pre-vote, per the message kind). a = term, c = candidate. */
  VoteGranted: { code: 6, fields: ['term', '_', 'candidate'] },
  /** Denied: the request's term is older. a = its term, b = our term, c = candidate. */
  VoteDeniedStaleTerm: { code: 7, fields: ['term', 'ourTerm', 'candidate'] },
  /** Denied: already voted this term. a = term, b = who we voted for, c = candidate. */
  VoteDeniedAlreadyVoted: { code: 8, fields: ['term', 'votedFor', 'candidate'] },
  /** Denied: candidate's last log term is lower. a = its last term, b = our last term, c = candidate. */
  VoteDeniedLogTerm: { code: 9, fields: ['lastTerm', 'ourLastTerm', 'candidate'] },
  /** Denied: same last term but its log is shorter. a = its last index, b = our last index, c = candidate. */
  VoteDeniedLogIndex: { code: 10, fields: ['lastIndex', 'ourLastIndex', 'candidate'] },
  /** Denied (etcd): we know a leader this term. a = term, b = leader, c = candidate. */
  VoteDeniedKnowsLeader: { code: 11, fields: ['term', 'leader', 'candidate'] },
  /** Ignored (CheckQuorum): heard from the leader within the election timeout. a = its term, b = leader, c = candidate. */
  VoteIgnoredLease: { code: 12, fields: ['term', 'leader', 'candidate'] },
  /** Candidate counted a reply. a = granted so far, b = quorum, c = voter; */
  VoteCounted: { code: 13, fields: ['granted', 'quorum', 'voter'] },
  /** Candidate counted a rejection. a = rejected so far, b = quorum, c = voter. */
  VoteRejectCounted: { code: 14, fields: ['rejected', 'quorum', 'voter'] },
  /** Lost: a majority rejected. a = term. */
  ElectionLost: { code: 15, fields: ['term'] },
  /** Follower accepted AppendEntries. a = prevIndex, b = entries newly appended, c = last index now. */
  AppendAccepted: { code: 16, fields: ['prevIndex', 'appended', 'lastIndex'] },
  /** Rejected: append from an older term. a = its term, b = our term, c = sender. */
  AppendRejectedStaleTerm: { code: 17, fields: ['term', 'ourTerm', 'from'] },
  /** Rejected: no entry at prevIndex. a = prevIndex, b = our last index, c = sender. */
  AppendRejectedMissing: { code: 18, fields: ['prevIndex', 'ourLastIndex', 'from'] },
  /** Rejected: entry at prevIndex has another term. a = prevIndex, b = our term there, c = prevTerm expected. */
  AppendRejectedTermMismatch: { code: 19, fields: ['prevIndex', 'ourTerm', 'prevTerm'] },
  /** Deleted conflicting entries. a = first index removed, b = how many, c = conflicting term found. */
  Truncated: { code: 20, fields: ['firstRemoved', 'count', 'conflictTerm'] },
  /** Commit index advanced. a = new commit index, b = old one. */
  CommitAdvanced: { code: 21, fields: ['commit', 'oldCommit'] },
  /** Leader: an index is on a majority but from an older term, so it is not committed (Figure 8). a = index, b = its term, c = current term. */
  CommitBlockedOldTerm: { code: 22, fields: ['index', 'entryTerm', 'term'] },
  /** Leader: a follower confirmed its log. a = its matchIndex, c = follower. */
  MatchAdvanced: { code: 23, fields: ['match', '_', 'follower'] },
  /** Leader: a follower rejected; nextIndex backs off. a = new nextIndex, b = rejected prevIndex, c = follower. */
  NextIndexBackoff: { code: 24, fields: ['next', 'rejected', 'follower'] },
  /** Leader appended a client's value. a = index, b = term. */
  ClientAppended: { code: 25, fields: ['index', 'term'] },
  /** Not the leader: told the client to go elsewhere. a = leader hint (0 = unknown). */
  ClientRedirected: { code: 26, fields: ['leader'] },
  /** CheckQuorum: the leader heard from too few nodes and stepped down. a = active count, b = quorum. */
  CheckQuorumStepDown: { code: 27, fields: ['active', 'quorum'] },
  /** Leader's heartbeat timer fired: sent AppendEntries to every follower. a = term. */
  Heartbeat: { code: 28, fields: ['term'] },
  /** A message from an older term was ignored (etcd behaviour for replies). a = its term, b = our term, c = sender. */
  IgnoredStale: { code: 29, fields: ['term', 'ourTerm', 'from'] },
  /** Pre-vote won: becoming a real candidate. a = pre-votes granted, b = quorum. */
  PreVoteWon: { code: 30, fields: ['granted', 'quorum'] },
  /** Restarted after a crash with persistent state. a = term, b = votedFor, c = last index. */
  Restarted: { code: 31, fields: ['term', 'votedFor', 'lastIndex'] },
  /** A reply that no longer matters (not a candidate any more, or a stale append reply). a = its term, c = sender. */
  IgnoredReply: { code: 32, fields: ['term', '_', 'from'] },
  /**
   * A leader got AppendEntries from another leader of its own term (possible only when a
   * deliberate bug broke Election Safety) and ignored it. a = term, c = sender.
   */
  AppendIgnoredAsLeader: { code: 33, fields: ['term', '_', 'from'] },
  /** Leader: a follower's success confirms nothing new (a heartbeat's answer). a = its matchIndex, c = follower. */
  AppendReplyInStep: { code: 34, fields: ['match', '_', 'follower'] },
  /**
   * Not the leader and no leader known: the request is refused (etcd's follower drops the
   * proposal, "no leader at term N"; the client hears "etcdserver: no leader"). a = term.
   */
  ClientRefusedNoLeader: { code: 35, fields: ['term'] },
  /** Follower accepted a heartbeat (an AppendEntries with no entries). a = prevIndex, b = 0, c = last index now. */
  HeartbeatAccepted: { code: 36, fields: ['prevIndex', 'appended', 'lastIndex'] },
  /** The user's `timeout` on a leader: ignored (etcd: "ignoring MsgHup because already leader"). a = term. */
  TimeoutIgnoredLeader: { code: 37, fields: ['term'] },
  /** The user's `timeout` on a follower or candidate: its election timer fires now. a = term before. */
  TimeoutNow: { code: 38, fields: ['term'] },
});

/** The numeric codes by name, as before (history rows, marks and tests compare against them). */
export const Note = Object.fromEntries(Object.values(RaftNotes).map((n) => [n.name, n.code])) as { readonly [K in keyof typeof RaftNotes]: number };
export const RAFT_NOTES: readonly NoteSpec[] = Object.values(RaftNotes);
export type NoteCode = (typeof Note)[keyof typeof Note];
