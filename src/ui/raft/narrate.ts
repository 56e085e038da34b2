/**
 * Raft narration: turns one recorded event and the decisions it caused (NoteRows, whose
 * arguments are named per code by RaftNotes in src/core/raft/types.ts: note.f.term...) into sentences in
 * either language. Used by the event list and by hover text on the stage.
 */
import { EventType, type EventRow, type NoteRow } from '../../sim/api';
import type { Violation } from '../../core/protocol';
import { MsgKind, Note } from '../../core/raft/types';
import { dict, fmtInt, nodeRef, type Lang } from '../i18n';
import { eventHeadline, joinNarration, narrateSimNote } from '../views/narrate';
import { raftDict } from './i18n';

export interface Narration {
  /** What happened: "n3 received RequestVote from n5". */
  headline: string;
  /** Why, and what it caused: one sentence per decision note. */
  details: string[];
}

/** The name of a Raft message kind code in the given language. */
export function kindName(kind: number, lang: Lang): string {
  const kinds = raftDict(lang).narr.kinds;
  return (kinds as Record<number, string>)[kind] ?? `#${kind}`;
}

/** One decision note as a sentence. `kind` is the message kind of the event (for pre-votes and heartbeats). */
export function narrateNote(note: NoteRow, kind: number, lang: Lang): string {
  const r = raftDict(lang).narr;
  const n = nodeRef(note.node);
  const num = (x: number) => fmtInt(x, lang);
  const who = (id: number) => (id ? nodeRef(id) : r.nobody);
  const f = note.f;
  switch (note.code) {
    case Note.StartElection:
      return r.startElection(n, num(f.term));
    case Note.StartPreVote:
      return r.startPreVote(n, num(f.term));
    case Note.BecameLeader:
      return r.becameLeader(n, num(f.term), num(f.votes), num(f.quorum));
    case Note.AdoptTerm:
      return r.adoptTerm(n, num(f.term), num(f.oldTerm), who(f.from));
    case Note.FollowLeader:
      return r.followLeader(n, num(f.term), who(f.leader));
    case Note.VoteGranted:
      return kind === MsgKind.PreVote ? r.preVoteGranted(n, who(f.candidate), num(f.term)) : r.voteGranted(n, who(f.candidate), num(f.term));
    case Note.VoteDeniedStaleTerm:
      return r.voteDeniedStaleTerm(n, who(f.candidate), num(f.term), num(f.ourTerm));
    case Note.VoteDeniedAlreadyVoted:
      return r.voteDeniedAlreadyVoted(n, who(f.candidate), num(f.term), who(f.votedFor));
    case Note.VoteDeniedLogTerm:
      return r.voteDeniedLogTerm(n, who(f.candidate), num(f.lastTerm), num(f.ourLastTerm));
    case Note.VoteDeniedLogIndex:
      return r.voteDeniedLogIndex(n, who(f.candidate), num(f.lastIndex), num(f.ourLastIndex));
    case Note.VoteDeniedKnowsLeader:
      return r.voteDeniedKnowsLeader(n, who(f.candidate), num(f.term), who(f.leader));
    case Note.VoteIgnoredLease:
      return r.voteIgnoredLease(n, who(f.candidate), num(f.term), who(f.leader));
    case Note.VoteCounted:
      return r.voteCounted(n, who(f.voter), num(f.granted), num(f.quorum));
    case Note.VoteRejectCounted:
      return r.voteRejectCounted(n, who(f.voter), num(f.rejected), num(f.quorum));
    case Note.ElectionLost:
      return r.electionLost(n, num(f.term));
    case Note.HeartbeatAccepted:
      return r.heartbeatAccepted(n, num(f.prevIndex));
    case Note.AppendAccepted:
      return kind === MsgKind.Heartbeat && f.appended === 0 ? r.heartbeatAccepted(n, num(f.prevIndex)) : r.appendAccepted(n, num(f.prevIndex), num(f.appended), num(f.lastIndex));
    case Note.AppendRejectedStaleTerm:
      return r.appendRejectedStaleTerm(n, who(f.from), num(f.term), num(f.ourTerm));
    case Note.AppendRejectedMissing:
      return r.appendRejectedMissing(n, who(f.from), num(f.prevIndex), num(f.ourLastIndex));
    case Note.AppendRejectedTermMismatch:
      return r.appendRejectedTermMismatch(n, num(f.prevIndex), num(f.ourTerm), num(f.prevTerm));
    case Note.Truncated:
      return r.truncated(n, num(f.firstRemoved), num(f.count), num(f.conflictTerm));
    case Note.CommitAdvanced:
      return r.commitAdvanced(n, num(f.commit), num(f.oldCommit));
    case Note.CommitBlockedOldTerm:
      return r.commitBlockedOldTerm(n, num(f.index), num(f.entryTerm), num(f.term));
    case Note.MatchAdvanced:
      return r.matchAdvanced(n, who(f.follower), num(f.match));
    case Note.NextIndexBackoff:
      return r.nextIndexBackoff(n, who(f.follower), num(f.next), num(f.rejected));
    case Note.ClientAppended:
      return r.clientAppended(n, num(f.index), num(f.term));
    case Note.ClientRedirected:
      return f.leader ? r.clientRedirected(n, nodeRef(f.leader)) : r.clientRedirectedUnknown(n);
    case Note.CheckQuorumStepDown:
      return r.checkQuorumStepDown(n, num(f.active), num(f.quorum));
    case Note.Heartbeat:
      return r.heartbeat(n, num(f.term));
    case Note.IgnoredStale:
      return r.ignoredStale(n, who(f.from), num(f.term), num(f.ourTerm));
    case Note.PreVoteWon:
      return r.preVoteWon(n, num(f.granted), num(f.quorum));
    case Note.Restarted:
      return r.restarted(n, num(f.term), who(f.votedFor), num(f.lastIndex));
    case Note.IgnoredReply:
      return r.ignoredReply(n, who(f.from), num(f.term));
    case Note.AppendReplyInStep:
      return r.appendReplyInStep(n, who(f.follower), num(f.match));
    case Note.AppendIgnoredAsLeader:
      return r.appendIgnoredAsLeader(n, who(f.from), num(f.term));
    case Note.ClientRefusedNoLeader:
      return dict(lang).simNarr.clientRefusedNoLeader(n, num(f.term));
    case Note.TimeoutIgnoredLeader:
      return dict(lang).simNarr.timeoutIgnoredLeader(n, num(f.term));
    case Note.TimeoutNow:
      return dict(lang).simNarr.timeoutNow(n, num(f.term));
    default:
      return narrateSimNote(note, lang) ?? r.unknownNote(String(note.code));
  }
}

/** Headline and one sentence per decision. A null row is frame 0, the initial state. */
export function narrateParts(row: EventRow | null, lang: Lang): Narration {
  if (!row) return { headline: raftDict(lang).narr.initial, details: [] };
  const kind = row.type === EventType.Deliver || row.type === EventType.Drop ? row.kind : 0;
  return { headline: eventHeadline(row, lang, kindName), details: row.notes.map((note) => narrateNote(note, kind, lang)) };
}

/** One line for hover text and announcements (see joinNarration). */
export function narrate(row: EventRow | null, lang: Lang): string {
  return joinNarration(narrateParts(row, lang), lang);
}

/**
 * A safety violation in the given language, from the checker's data (Violation.why; codes
 * in src/core/raft/checkers.ts). An unknown code, or one missing an argument, falls back
 * to the checker's English `detail` rather than saying something half-made.
 */
export function narrateViolation(v: Violation, lang: Lang): { invariant: string; reason: string } {
  const t = raftDict(lang);
  const invariant = (t.invariants as Record<string, string>)[v.invariant] ?? v.invariant;
  const args = v.why?.args ?? {};
  let missing = false;
  const arg = (k: string): number | string => {
    const x = args[k];
    if (x === undefined) missing = true;
    return x ?? '';
  };
  const num = (k: string) => {
    const x = arg(k);
    return typeof x === 'number' ? fmtInt(x, lang) : String(x);
  };
  const node = (k: string) => {
    const x = arg(k);
    return typeof x === 'number' ? nodeRef(x) : String(x);
  };
  // Entry values are the client's strings: quoted, so "x=1" reads as a value in any language.
  const val = (k: string) => JSON.stringify(String(arg(k)));
  const V = t.violations;
  let reason: string | null;
  switch (v.why?.code) {
    case 'sameIndexAndTermDifferentEntry':
      reason = V.sameIndexAndTermDifferentEntry(node('node'), num('index'), num('term'), val('value'), node('other'), val('otherValue'));
      break;
    case 'sameIndexAndTermDifferentHistory':
      reason = V.sameIndexAndTermDifferentHistory(node('node'), num('index'), num('term'), num('prevTerm'), node('other'), num('otherPrevTerm'));
      break;
    case 'committedDifferentEntry':
      reason = V.committedDifferentEntry(node('node'), num('index'), num('term'), val('value'), num('committedTerm'), val('committedValue'));
      break;
    case 'secondLeaderOfTerm':
      reason = V.secondLeaderOfTerm(node('node'), num('term'), node('other'));
      break;
    case 'leaderLacksCommittedEntry':
      reason = V.leaderLacksCommittedEntry(node('node'), num('term'), num('index'), num('entryTerm'), val('value'));
      break;
    case 'leaderRewroteLog':
      reason = V.leaderRewroteLog(node('node'), num('term'), num('index'));
      break;
    case 'removedCommittedEntries':
      reason = V.removedCommittedEntries(node('node'), num('index'), num('commit'));
      break;
    default:
      reason = null;
  }
  return { invariant, reason: reason === null || missing ? v.detail : reason };
}
