/** Raft's view: how the shared scaffolding draws, names and narrates Raft nodes. */
import { MsgKind, RAFT_BUGS, TIMER_MAIN, type RaftNodeView } from '../../core/raft/types';
import type { ProtocolView } from '../views/types';
import { narrate, narrateParts, narrateViolation } from './narrate';
import { RaftLog } from './RaftLog';
import { RaftNodeFields } from './RaftNodeFields';
import { RaftNodeShape } from './RaftNodeShape';

export const raftView: ProtocolView = {
  protocol: 'raft',
  nodeInfo(node, t, clusterSize) {
    const n = node as RaftNodeView;
    const role = n.alive ? n.role : 'down';
    const roleLabel = t.roles[role as keyof typeof t.roles] ?? role;
    // A campaigning node's tally: the worker sends the ids that granted; the quorum is a
    // majority of the servers shown (what the node itself counts against).
    const campaigning = n.alive && (n.role === 'candidate' || n.role === 'precandidate');
    const quorum = clusterSize ? Math.floor(clusterSize / 2) + 1 : 0;
    const votes = campaigning && quorum ? (n.role === 'precandidate' ? t.stagePreVotes : t.stageVotes)(String(n.votes.length), String(quorum)) : null;
    const base = n.alive ? t.nodeName(String(n.id), roleLabel, String(n.term)) : t.nodeDownName(String(n.id), String(n.term));
    return {
      id: n.id,
      role,
      roleLabel,
      term: n.term,
      alive: n.alive,
      leader: n.alive && n.role === 'leader',
      name: votes ? `${base}${t.stageNameSep}${votes}` : base,
      votes,
      data: { term: n.term, commit: n.commitIndex, 'last-index': n.lastIndex },
    };
  },
  NodeShape: RaftNodeShape,
  // Followers and candidates show the election timeout draining; a leader's timer is its heartbeat.
  arcSlot: (node) => {
    const n = node as RaftNodeView;
    return n.alive && n.role !== 'leader' ? TIMER_MAIN : null;
  },
  LogTab: RaftLog,
  logTabLabel: (t) => t.tabLog,
  NodeFields: RaftNodeFields,
  narrateParts,
  narrate,
  narrateViolation,
  switches: ['preVote', 'checkQuorum'],
  bugs: RAFT_BUGS,
  simplifications: (t) => t.raftSimplifications,
  kindGlyph(kind) {
    switch (kind) {
      case MsgKind.RequestVote:
        return { glyph: 'request-vote' };
      case MsgKind.PreVote:
        return { glyph: 'request-vote', pre: true };
      case MsgKind.RequestVoteReply:
        return { glyph: 'vote-reply' };
      case MsgKind.PreVoteReply:
        return { glyph: 'vote-reply', pre: true };
      case MsgKind.AppendEntries:
        return { glyph: 'append' };
      case MsgKind.Heartbeat:
        return { glyph: 'heartbeat' };
      case MsgKind.AppendEntriesReply:
        return { glyph: 'append-reply' };
      case MsgKind.ClientRequest:
        return { glyph: 'client-request' };
      case MsgKind.ClientReply:
        return { glyph: 'client-reply' };
      default:
        return { glyph: 'other' };
    }
  },
};
