/**
 * Raft narration: turns one recorded event and the decisions it caused (NoteRows, whose
 * a/b/c meanings are documented per code in src/core/raft/types.ts) into sentences in
 * either language. Used by the event list and by hover text on the stage.
 */
import { EventType, Fate, type EventRow, type NoteRow } from '../../sim/api';
import { MsgKind, Note } from '../../core/raft/types';
import { dict, fmtInt, isClient, nodeRef, type Lang } from '../i18n';

export interface Narration {
  /** What happened: "n3 received RequestVote from n5". */
  headline: string;
  /** Why, and what it caused: one sentence per decision note. */
  details: string[];
}

/** The name of a Raft message kind code in the given language. */
export function kindName(kind: number, lang: Lang): string {
  const kinds = dict(lang).raft.kinds;
  return (kinds as Record<number, string>)[kind] ?? `#${kind}`;
}

function headline(row: EventRow, lang: Lang): string {
  const r = dict(lang).raft;
  const n = nodeRef(row.node);
  switch (row.type) {
    case EventType.Deliver:
      return r.deliver(n, kindName(row.kind, lang), nodeRef(row.peer));
    case EventType.Drop: {
      const kind = kindName(row.kind, lang);
      const from = nodeRef(row.peer);
      if (row.fate === Fate.NodeDown) return r.dropNodeDown(kind, from, n);
      if (row.fate === Fate.LinkDown) return r.dropLinkDown(kind, from, n);
      return r.dropLost(kind, from, n);
    }
    case EventType.Timer:
      return isClient(row.node) ? r.clientTimer(nodeRef(row.node)) : r.timer(n);
    case EventType.Action: {
      const a = row.action;
      if (!a) return r.timer(n);
      switch (a.do) {
        case 'crash':
          return r.actionCrash(nodeRef(a.node));
        case 'restart':
          return r.actionRestart(nodeRef(a.node));
        case 'partition':
          return r.actionPartition(a.groups.map((g) => `{${g.map(nodeRef).join(', ')}}`).join(' | '));
        case 'cut':
          return r.actionCut(nodeRef(a.from), nodeRef(a.to));
        case 'mend':
          return r.actionMend(nodeRef(a.from), nodeRef(a.to));
        case 'heal':
          return r.actionHeal;
        case 'request':
          return r.actionRequest(a.value, a.node ? nodeRef(a.node) : '');
      }
    }
  }
  return r.timer(n);
}

/** One decision note as a sentence. `kind` is the message kind of the event (for pre-votes and heartbeats). */
export function narrateNote(note: NoteRow, kind: number, lang: Lang): string {
  const r = dict(lang).raft;
  const n = nodeRef(note.node);
  const num = (x: number) => fmtInt(x, lang);
  const who = (id: number) => (id ? nodeRef(id) : r.nobody);
  const { a, b, c } = note;
  switch (note.code) {
    case Note.StartElection:
      return r.startElection(n, num(a));
    case Note.StartPreVote:
      return r.startPreVote(n, num(a));
    case Note.BecameLeader:
      return r.becameLeader(n, num(a), num(b), num(c));
    case Note.AdoptTerm:
      return r.adoptTerm(n, num(a), num(b), who(c));
    case Note.FollowLeader:
      return r.followLeader(n, num(a), who(c));
    case Note.VoteGranted:
      return kind === MsgKind.PreVote ? r.preVoteGranted(n, who(c), num(a)) : r.voteGranted(n, who(c), num(a));
    case Note.VoteDeniedStaleTerm:
      return r.voteDeniedStaleTerm(n, who(c), num(a), num(b));
    case Note.VoteDeniedAlreadyVoted:
      return r.voteDeniedAlreadyVoted(n, who(c), num(a), who(b));
    case Note.VoteDeniedLogTerm:
      return r.voteDeniedLogTerm(n, who(c), num(a), num(b));
    case Note.VoteDeniedLogIndex:
      return r.voteDeniedLogIndex(n, who(c), num(a), num(b));
    case Note.VoteDeniedKnowsLeader:
      return r.voteDeniedKnowsLeader(n, who(c), num(a), who(b));
    case Note.VoteIgnoredLease:
      return r.voteIgnoredLease(n, who(c), num(a), who(b));
    case Note.VoteCounted:
      return r.voteCounted(n, who(c), num(a), num(b));
    case Note.VoteRejectCounted:
      return r.voteRejectCounted(n, who(c), num(a), num(b));
    case Note.ElectionLost:
      return r.electionLost(n, num(a));
    case Note.AppendAccepted:
      return kind === MsgKind.Heartbeat && b === 0 ? r.heartbeatAccepted(n, num(a)) : r.appendAccepted(n, num(a), num(b), num(c));
    case Note.AppendRejectedStaleTerm:
      return r.appendRejectedStaleTerm(n, who(c), num(a), num(b));
    case Note.AppendRejectedMissing:
      return r.appendRejectedMissing(n, who(c), num(a), num(b));
    case Note.AppendRejectedTermMismatch:
      return r.appendRejectedTermMismatch(n, num(a), num(b), num(c));
    case Note.Truncated:
      return r.truncated(n, num(a), num(b), num(c));
    case Note.CommitAdvanced:
      return r.commitAdvanced(n, num(a), num(b));
    case Note.CommitBlockedOldTerm:
      return r.commitBlockedOldTerm(n, num(a), num(b), num(c));
    case Note.MatchAdvanced:
      return r.matchAdvanced(n, who(c), num(a));
    case Note.NextIndexBackoff:
      return r.nextIndexBackoff(n, who(c), num(a), num(b));
    case Note.ClientAppended:
      return r.clientAppended(n, num(a), num(b));
    case Note.ClientRedirected:
      return a ? r.clientRedirected(n, nodeRef(a)) : r.clientRedirectedUnknown(n);
    case Note.CheckQuorumStepDown:
      return r.checkQuorumStepDown(n, num(a), num(b));
    case Note.Heartbeat:
      return r.heartbeat(n, num(a));
    case Note.IgnoredStale:
      return r.ignoredStale(n, who(c), num(a), num(b));
    case Note.PreVoteWon:
      return r.preVoteWon(n, num(a), num(b));
    case Note.Restarted:
      return r.restarted(n, num(a), who(b), num(c));
    case Note.IgnoredReply:
      return r.ignoredReply(n, who(c), num(a));
    case Note.AppendReplyInStep:
      return r.appendReplyInStep(n, who(c), num(a));
    case Note.AppendIgnoredAsLeader:
      return r.appendIgnoredAsLeader(n, who(c), num(a));
    default:
      return r.unknownNote(String(note.code));
  }
}

/** Headline and one sentence per decision. A null row is frame 0, the initial state. */
export function narrateParts(row: EventRow | null, lang: Lang): Narration {
  if (!row) return { headline: dict(lang).raft.initial, details: [] };
  const kind = row.type === EventType.Deliver || row.type === EventType.Drop ? row.kind : 0;
  return { headline: headline(row, lang), details: row.notes.map((note) => narrateNote(note, kind, lang)) };
}

/**
 * One line for hover text and announcements: the decisions when there are any (they say
 * more than the headline), else the headline.
 */
export function narrate(row: EventRow | null, lang: Lang): string {
  const { headline: h, details } = narrateParts(row, lang);
  if (details.length === 0) return h;
  return details.join(lang === 'zh' ? '；' : '; ');
}
