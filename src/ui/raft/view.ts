/** Raft's view: how the shared scaffolding draws, names and narrates Raft nodes, messages and marks. */
import { MsgKind, RAFT_BUGS, TIMER_MAIN, type RaftNodeView } from '../../core/raft/types';
import type { ArcSpec, ProtocolView } from '../views/types';
import { RAFT_GLYPHS } from './glyphs';
import { raftDict } from './i18n';
import { raftLeads } from './leader';
import { narrate, narrateParts, narrateViolation } from './narrate';
import { RaftLog } from './RaftLog';
import { RaftNodeFields } from './RaftNodeFields';
import { RaftNodeShape } from './RaftNodeShape';

const KIND_GLYPH: Record<number, string> = {
  [MsgKind.RequestVote]: 'request-vote',
  [MsgKind.PreVote]: 'prevote',
  [MsgKind.RequestVoteReply]: 'vote-reply',
  [MsgKind.PreVoteReply]: 'prevote-reply',
  [MsgKind.AppendEntries]: 'append',
  [MsgKind.Heartbeat]: 'heartbeat',
  [MsgKind.AppendEntriesReply]: 'append-reply',
  [MsgKind.ClientRequest]: 'client-request',
  [MsgKind.ClientReply]: 'client-reply',
};

const ELECTION_ARC: readonly ArcSpec[] = [{ slot: TIMER_MAIN, kind: 'timer' }];
const NO_ARCS: readonly ArcSpec[] = [];

export const raftView: ProtocolView = {
  protocol: 'raft',
  dict: raftDict,
  nodeInfo(node, t, lang, clusterSize) {
    const r = raftDict(lang);
    const n = node as RaftNodeView;
    const role = n.alive ? n.role : 'down';
    const roleLabel = r.roles[role as keyof typeof r.roles] ?? role;
    // A campaigning node's tally: the worker sends the ids that granted; the quorum is a
    // majority of the servers shown (what the node itself counts against).
    const campaigning = n.alive && (n.role === 'candidate' || n.role === 'precandidate');
    const quorum = clusterSize ? Math.floor(clusterSize / 2) + 1 : 0;
    const votes = campaigning && quorum ? (n.role === 'precandidate' ? r.preVotes : r.votes)(String(n.votes.length), String(quorum)) : null;
    const base = n.alive ? r.nodeName(String(n.id), roleLabel, String(n.term)) : r.nodeDownName(String(n.id), String(n.term));
    return {
      id: n.id,
      role,
      roleLabel,
      era: n.term,
      eraLabel: r.eraShort(String(n.term)),
      alive: n.alive,
      leader: raftLeads(n) !== null,
      name: votes ? `${base}${t.stageNameSep}${votes}` : base,
      votes,
      data: { term: n.term, commit: n.commitIndex, 'last-index': n.lastIndex },
    };
  },
  leads: raftLeads,
  NodeShape: RaftNodeShape,
  // Followers and candidates show the election timeout draining; a leader's timer is its heartbeat.
  arcs: (node) => {
    const n = node as RaftNodeView;
    return n.alive && n.role !== 'leader' ? ELECTION_ARC : NO_ARCS;
  },
  LogTab: RaftLog,
  NodeFields: RaftNodeFields,
  narrateParts,
  narrate,
  narrateViolation,
  switches: ['preVote', 'checkQuorum'],
  bugs: RAFT_BUGS,
  glyphs: RAFT_GLYPHS,
  legend: {
    messages: [
    { look: { glyph: 'heartbeat' }, label: 'heartbeat' },
    { look: { glyph: 'request-vote', era: 2 }, label: 'requestVote' },
    { look: { glyph: 'vote-reply', verdict: true }, label: 'voteYes' },
    { look: { glyph: 'vote-reply', verdict: false }, label: 'voteNo' },
    { look: { glyph: 'prevote-reply', verdict: true }, label: 'preVoteReply' },
    { look: { glyph: 'append', era: 3, count: 2 }, label: 'append' },
    { look: { glyph: 'append-reply', verdict: true }, label: 'appendYes' },
    { look: { glyph: 'append-reply', verdict: false }, label: 'appendNo' },
    { look: { glyph: 'client-request' }, label: 'clientRequest' },
    { look: { glyph: 'client-reply', verdict: true }, label: 'clientReply' },
    ],
    dropped: { glyph: 'append', era: 1 },
    arcs: ['timer'],
  },
  kindGlyph: (kind) => KIND_GLYPH[kind] ?? 'other',
  marks: {
    leader: { symbol: '★', row: 0, rank: 'high', eraColour: true },
    commit: { symbol: '●', row: 2, rank: 'low' },
  },
};
