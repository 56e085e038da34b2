/**
 * Raft as the simulator sees it: config, initial state, the node state machine
 * (node.ts), the invariant monitor (checkers.ts), how messages look, and what the UI and
 * the CLI show of a node.
 */
import { SIM_NOTE_BASE, type ClientReplyInfo, type MessageLook, type NetworkConfig, type ProtocolDef } from '../protocol';
import { createRaftMonitor } from './checkers';
import { parseConfig } from './config';
import { networkFieldsOf } from '../config-fields';
import { initialWarnings, parseInitial, type RaftInitial } from './initial';
import { crash, createRaftNode, receive, start, timeoutNow, timer } from './node';
import {
  LOG_WINDOW,
  MsgKind,
  Note,
  RAFT_BUGS,
  RAFT_NOTES,
  type LogEntry,
  type RaftConfig,
  type RaftMsg,
  type RaftNode,
  type RaftNodeView,
  type Role,
} from './types';

/**
 * A keyframe copy of one node. The log is kept as (array, length): the node only ever
 * pushes onto an array or replaces it, so the first `logLength` entries of `log` never
 * change. Everything else is small and copied.
 */
export interface RaftSnap {
  readonly id: number;
  readonly peers: readonly number[];
  readonly cfg: RaftConfig;
  readonly term: number;
  readonly votedFor: number;
  readonly log: readonly LogEntry[];
  readonly logLength: number;
  readonly role: Role;
  readonly leader: number;
  readonly commitIndex: number;
  readonly granted: number;
  readonly rejected: number;
  readonly nextIndex: readonly number[];
  readonly matchIndex: readonly number[];
  readonly replicating: readonly boolean[];
  readonly recentActive: number;
  readonly heardLeaderAt: number;
  readonly quorumCheckedAt: number;
  readonly pending: readonly (readonly [number, { clientId: number; requestId: number }])[];
}

function snapshot(n: RaftNode): RaftSnap {
  return {
    id: n.id,
    peers: n.peers,
    cfg: n.cfg,
    term: n.term,
    votedFor: n.votedFor,
    log: n.log,
    logLength: n.log.length,
    role: n.role,
    leader: n.leader,
    commitIndex: n.commitIndex,
    granted: n.granted,
    rejected: n.rejected,
    nextIndex: n.nextIndex.slice(),
    matchIndex: n.matchIndex.slice(),
    replicating: n.replicating.slice(),
    recentActive: n.recentActive,
    heardLeaderAt: n.heardLeaderAt,
    quorumCheckedAt: n.quorumCheckedAt,
    // Pending records are never mutated, only added and removed: sharing them is safe.
    pending: n.pending.size === 0 ? [] : Array.from(n.pending),
  };
}

function restore(s: RaftSnap): RaftNode {
  // A copy, not the shared array: the restored node will push, and the shared array may
  // already hold later entries of a future that was dropped.
  const log = s.log.slice(0, s.logLength);
  return {
    id: s.id,
    peers: s.peers,
    cfg: s.cfg,
    term: s.term,
    votedFor: s.votedFor,
    log,
    role: s.role,
    leader: s.leader,
    commitIndex: s.commitIndex,
    granted: s.granted,
    rejected: s.rejected,
    nextIndex: s.nextIndex.slice(),
    matchIndex: s.matchIndex.slice(),
    replicating: s.replicating.slice(),
    recentActive: s.recentActive,
    heardLeaderAt: s.heardLeaderAt,
    quorumCheckedAt: s.quorumCheckedAt,
    pending: new Map(s.pending),
    rewrittenFrom: Infinity,
    lenBefore: log.length,
  };
}

/** A denied vote's reason as the inspector names it (the voter's Note code). */
const DENIAL: Readonly<Record<number, string>> = {
  [Note.VoteDeniedStaleTerm]: 'staleTerm',
  [Note.VoteDeniedAlreadyVoted]: 'alreadyVoted',
  [Note.VoteDeniedLogTerm]: 'logTermBehind',
  [Note.VoteDeniedLogIndex]: 'logShorter',
  [Note.VoteDeniedKnowsLeader]: 'knowsLeader',
};

/** Entries as etcd's DescribeEntries writes them: term/index and the value, e.g. `2/5 "x=1"`. */
function describeEntries(first: number, entries: readonly LogEntry[]): string {
  return entries.map((e, i) => `${e.term}/${first + i} ${JSON.stringify(e.value)}`).join(', ');
}

/**
 * How a message looks, with its fields for the inspector by their paper/etcd names. Runs
 * only when the UI asks for a frame's view, never on the simulation's hot path.
 */
function look(msg: RaftMsg): MessageLook {
  switch (msg.type) {
    case 'RequestVote':
      return {
        glyph: msg.pre ? 'prevote' : 'request-vote',
        name: msg.pre ? 'PreVote' : 'RequestVote',
        era: msg.term,
        fields: { term: msg.term, candidate: msg.candidate, lastLogIndex: msg.lastIndex, lastLogTerm: msg.lastTerm, preVote: msg.pre },
      };
    case 'RequestVoteReply': {
      const fields: Record<string, number | string | boolean> = { term: msg.term, granted: msg.granted, preVote: msg.pre };
      if (!msg.granted && msg.reason !== 0) fields.reason = DENIAL[msg.reason] ?? String(msg.reason);
      return { glyph: msg.pre ? 'prevote-reply' : 'vote-reply', name: msg.pre ? 'PreVoteReply' : 'RequestVoteReply', era: msg.term, verdict: msg.granted, fields };
    }
    case 'AppendEntries': {
      const fields = {
        term: msg.term,
        prevLogIndex: msg.prevIndex,
        prevLogTerm: msg.prevTerm,
        entries: describeEntries(msg.prevIndex + 1, msg.entries),
        commit: msg.leaderCommit,
      };
      return msg.entries.length === 0
        ? { glyph: 'heartbeat', name: 'Heartbeat', era: msg.term, count: 0, fields }
        : { glyph: 'append', name: 'AppendEntries', era: msg.term, count: msg.entries.length, fields };
    }
    case 'AppendEntriesReply': {
      const fields: Record<string, number | string | boolean> = { term: msg.term, success: msg.success, index: msg.index };
      if (!msg.success) {
        fields.rejectHint = msg.hintIndex;
        fields.rejectHintTerm = msg.hintTerm;
      }
      return { glyph: 'append-reply', name: 'AppendEntriesReply', era: msg.term, verdict: msg.success, fields };
    }
    case 'ClientRequest':
      return { glyph: 'client-request', name: 'ClientRequest', era: 0, fields: { clientId: msg.clientId, requestId: msg.requestId, value: msg.value } };
    case 'ClientReply': {
      const fields: Record<string, number | string | boolean> = { requestId: msg.requestId, ok: msg.ok };
      if (msg.ok) fields.index = msg.index;
      else fields.leaderHint = msg.leaderHint;
      return { glyph: 'client-reply', name: 'ClientReply', era: 0, verdict: msg.ok, fields };
    }
  }
}

/**
 * Decisions worth reading (the caption keeps the last one; the event list can show only
 * these): votes, elections, step-downs, appends that carried entries, their rejections,
 * commits, clients' outcomes, the user's timeouts and drops. Routine traffic is not: a
 * leader's heartbeat, its acceptance, its in-step acknowledgement, stale or late replies.
 */
const ROUTINE: ReadonlySet<number> = new Set<number>([Note.Heartbeat, Note.HeartbeatAccepted, Note.AppendReplyInStep, Note.IgnoredStale, Note.IgnoredReply]);

function notable(code: number): boolean {
  if (code >= SIM_NOTE_BASE) return true; // the simulator's own: a user's action's outcome, a client's
  return !ROUTINE.has(code);
}

function kindCode(msg: RaftMsg): number {
  switch (msg.type) {
    case 'RequestVote':
      return msg.pre ? MsgKind.PreVote : MsgKind.RequestVote;
    case 'RequestVoteReply':
      return msg.pre ? MsgKind.PreVoteReply : MsgKind.RequestVoteReply;
    case 'AppendEntries':
      return msg.entries.length === 0 ? MsgKind.Heartbeat : MsgKind.AppendEntries;
    case 'AppendEntriesReply':
      return MsgKind.AppendEntriesReply;
    case 'ClientRequest':
      return MsgKind.ClientRequest;
    case 'ClientReply':
      return MsgKind.ClientReply;
  }
}

function bitsToIds(bits: number): number[] {
  const ids: number[] = [];
  for (let id = 1; 1 << id <= bits; id++) if (bits & (1 << id)) ids.push(id);
  return ids;
}

function view(n: RaftNode, alive: boolean): RaftNodeView {
  const last = n.log.length - 1;
  const logStart = Math.max(1, last - LOG_WINDOW + 1);
  const logTerms: number[] = [];
  const logValues: string[] = [];
  for (let i = logStart; i <= last; i++) {
    logTerms.push(n.log[i].term);
    logValues.push(n.log[i].value);
  }
  const leading = alive && n.role === 'leader';
  const campaigning = alive && (n.role === 'candidate' || n.role === 'precandidate');
  return {
    id: n.id,
    alive,
    role: alive ? n.role : 'down',
    term: n.term,
    votedFor: n.votedFor,
    leader: alive ? n.leader : 0,
    commitIndex: n.commitIndex,
    lastIndex: last,
    logStart,
    logTerms,
    logValues,
    nextIndex: leading ? n.nextIndex.slice() : [],
    matchIndex: leading ? n.matchIndex.slice() : [],
    votes: campaigning ? bitsToIds(n.granted) : [],
  };
}

function output(n: RaftNode, alive: boolean): Record<string, unknown> {
  const log: { index: number; term: number; value: string }[] = [];
  for (let i = 1; i < n.log.length; i++) log.push({ index: i, term: n.log[i].term, value: n.log[i].value });
  return {
    id: n.id,
    alive,
    role: alive ? n.role : 'down',
    term: n.term,
    votedFor: n.votedFor,
    commitIndex: n.commitIndex,
    log,
  };
}

function networkOf(cfg: RaftConfig): NetworkConfig {
  return networkFieldsOf(cfg);
}

/** The alive leader of the highest term (the lowest id on a tie), or 0. */
function leaderOf(nodes: readonly RaftNode[], alive: readonly boolean[]): number {
  let best = 0;
  let bestTerm = -1;
  for (let id = 1; id < nodes.length; id++) {
    const n = nodes[id];
    if (alive[id] && n.role === 'leader' && n.term > bestTerm) {
      best = id;
      bestTerm = n.term;
    }
  }
  return best;
}

function clientReply(msg: RaftMsg): ClientReplyInfo | null {
  if (msg.type !== 'ClientReply') return null;
  return { requestId: msg.requestId, ok: msg.ok, redirect: msg.leaderHint, index: msg.index };
}

export const raftProtocol: ProtocolDef<RaftConfig, RaftNode, RaftMsg, RaftSnap, RaftNodeView> = {
  name: 'raft',
  timerSlots: 2, // TIMER_MAIN, and TIMER_CHECK_QUORUM (node.ts) while a CheckQuorum leader leads
  bugs: RAFT_BUGS,
  fuzzOptions: {
    preVote: [false, true],
    checkQuorum: [false, true],
    maxEntriesPerAppend: [1, 2, 8],
    clientRetry: [false, true],
  },
  parseConfig,
  networkOf,
  parseInitial,
  initialWarnings,
  createNode: (id, nodes, cfg, initial) => createRaftNode(id, nodes, cfg, initial as RaftInitial | undefined),
  start,
  crash,
  receive,
  timer,
  timeoutNow,
  leaderOf,
  clientRequest: (spec) => ({ type: 'ClientRequest', clientId: spec.clientId, requestId: spec.requestId, value: spec.value }),
  clientReply,
  snapshot,
  restore,
  monitor: createRaftMonitor,
  look,
  kindCode,
  view,
  output,
  markKinds: ['leader', 'commit'],
  notes: RAFT_NOTES,
  mark(code, a, _b, _c, _d, node) {
    if (code === Note.BecameLeader) return { kind: 'leader', value: a };
    if (code === Note.CommitAdvanced && node.role === 'leader') return { kind: 'commit', value: a };
    return null;
  },
  notable,
};
