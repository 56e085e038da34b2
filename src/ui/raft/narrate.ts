/**
 * Raft narration: turns one recorded event and the decisions it caused (NoteRows, whose
 * a/b/c meanings are documented per code in src/core/raft/types.ts) into sentences in
 * either language. Used by the event list and by hover text on the stage.
 */
import { EventType, Fate, type EventRow, type NoteRow } from '../../sim/api';
import { ClientFailure, SimNote, type Violation } from '../../core/protocol';
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
      if (row.fate === Fate.DroppedByUser) return dict(lang).simNarr.dropByUser(kind, from, n);
      return r.dropLost(kind, from, n);
    }
    case EventType.Disconnect:
      return dict(lang).simNarr.disconnect(n, nodeRef(row.peer));
    case EventType.Timer:
      if (!isClient(row.node)) return r.timer(n);
      // A client's timer is a time-out, or the end of its wait after "no leader".
      return row.notes[0]?.code === SimNote.ClientRetry ? dict(lang).simNarr.clientBackoffOver(n) : r.clientTimer(n);
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
        case 'timeout':
          return dict(lang).simNarr.actionTimeout(nodeRef(a.node));
        case 'drop':
          return dict(lang).simNarr.actionDrop(fmtInt(a.nth, lang), nodeRef(a.from), nodeRef(a.to));
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
    case Note.HeartbeatAccepted:
      return r.heartbeatAccepted(n, num(a));
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
    case Note.ClientRefusedNoLeader:
      return dict(lang).simNarr.clientRefusedNoLeader(n, num(a));
    case Note.TimeoutIgnoredLeader:
      return dict(lang).simNarr.timeoutIgnoredLeader(n, num(a));
    case Note.TimeoutNow:
      return dict(lang).simNarr.timeoutNow(n, num(a));
    default:
      return narrateSimNote(note, lang) ?? r.unknownNote(String(note.code));
  }
}

/** The simulator's own notes (SimNote: a user's action's outcome, a client's view), or null for another code. */
function narrateSimNote(note: NoteRow, lang: Lang): string | null {
  const s = dict(lang).simNarr;
  const n = nodeRef(note.node);
  const num = (x: number) => fmtInt(x, lang);
  const { a, b, c } = note;
  const req = s.requestNo(num(a));
  switch (note.code) {
    case SimNote.TimeoutNodeDown:
      return s.timeoutNodeDown(n);
    case SimNote.DropDone:
      return s.dropDone(num(a), n, nodeRef(b));
    case SimNote.DropAlreadyArrived:
      return s.dropAlreadyArrived(num(a), n, nodeRef(b));
    case SimNote.DropNeverSent:
      return s.dropNeverSent(num(a), n, nodeRef(b), num(c));
    case SimNote.DropAlreadyLost:
      return s.dropAlreadyLost(num(a), n, nodeRef(b));
    case SimNote.ClientNoLeader:
      return s.clientNoLeader(n, req, nodeRef(b));
    case SimNote.ClientRedirected:
      return s.clientRedirected(n, req, nodeRef(b), nodeRef(c));
    case SimNote.ClientRetry:
      return s.clientRetry(n, req, nodeRef(b), num(c));
    case SimNote.ClientBackoff:
      return s.clientBackoff(n, req, num(b), nodeRef(c));
    case SimNote.ClientFailed:
      if (c === ClientFailure.TimedOut) return s.clientFailedTimedOut(n, req, num(b));
      if (c === ClientFailure.AttemptsExhausted) return s.clientFailedExhausted(n, req, num(b));
      return s.clientFailedRefused(n, req);
    case SimNote.ClientSucceeded:
      return s.clientSucceeded(n, req, num(b), nodeRef(c));
    case SimNote.ClientTimedOut:
      return s.clientTimedOut(n, req, nodeRef(b));
    default:
      return null;
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

/**
 * A safety violation in the given language, from the checker's data (Violation.why; codes
 * in src/core/raft/checkers.ts). An unknown code, or one missing an argument, falls back
 * to the checker's English `detail` rather than saying something half-made.
 */
export function narrateViolation(v: Violation, lang: Lang): { invariant: string; reason: string } {
  const t = dict(lang);
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
