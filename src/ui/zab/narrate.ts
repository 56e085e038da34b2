/**
 * ZAB narration: one recorded event and the decisions it caused (NoteRows whose arguments
 * arrive named in `f`, as src/core/zab/types.ts ZabNotes declares them) as sentences in
 * either language, and — for the vote table — the comparison a notification decided
 * ("0x200000003 > 0x200000001 → adopt n2"). Zxids print as ZooKeeper prints them (0x…).
 *
 * What is not ZAB's own (a message's headline, a user's action, a client's view of its
 * request, the simulator's notes) reads the same for every protocol and is said by the
 * shared narration (src/ui/views/narrate.ts); a client's success says its zxid.
 */
import { EventType, type EventRow, type FrameView, type NoteRow } from '../../sim/api';
import { SIM_NOTE_BASE, SimNote, type Violation } from '../../core/protocol';
import { ZabNote, ZAB_PHASE_CODES, ZAB_TIMERS, zxidHex } from '../../core/zab/types';
import { fmtInt, isClient, nodeRef, type Lang } from '../i18n';
import { eventHeadline, joinNarration, narrateSimNote } from '../views/narrate';
import type { Narration } from '../views/types';
import { zabDict } from './i18n';
import { narrateZkNote, narrateZkZabNote, zkHeadline, zkNarrationContext, type ZkNarrationContext } from '../coord/zookeeper/narrate';

/** The name of a ZAB message kind code in the given language. */
export function kindName(kind: number, lang: Lang): string {
  return zabDict(lang).kinds[kind] ?? `#${kind}`;
}

function headline(row: EventRow, lang: Lang, zk?: ZkNarrationContext | null): string {
  // ZooKeeper's rows (a client's op, timer or packet; the session tracker) are its narrator's.
  const zkHead = zkHeadline(row, lang, zk);
  if (zkHead !== null) return zkHead;
  // ZAB's two timers have names of their own; everything else reads as for every protocol.
  if (row.type === EventType.Timer && !isClient(row.node)) {
    const z = zabDict(lang);
    const n = nodeRef(row.node);
    if (row.kind === ZAB_TIMERS.election) return z.timerElection(n);
    if (row.kind === ZAB_TIMERS.tick) return z.timerTick(n);
    return z.timerOther(n);
  }
  return eventHeadline(row, lang, kindName);
}

/** A phase code of PhaseEntered (ZAB_PHASE_CODES) in words. */
export function phaseName(code: number, lang: Lang): string {
  const phases = zabDict(lang).phases;
  for (const [phase, c] of Object.entries(ZAB_PHASE_CODES) as [keyof typeof ZAB_PHASE_CODES, number][]) if (c === code) return phases[phase];
  return `#${code}`;
}

/** A note argument by its declared name (0 when absent, as the storage holds it). */
const field = (note: NoteRow, name: string): number => note.f[name] ?? 0;

/** One decision note as a sentence. */
export function narrateNote(note: NoteRow, lang: Lang, row?: EventRow, zk?: ZkNarrationContext | null): string {
  // ZooKeeper's servers' and clients' notes (codes 100–121, 1000–1017) and its session txns.
  const zkText = narrateZkNote(note, lang, row, zk) ?? narrateZkZabNote(note, lang);
  if (zkText !== null) return zkText;
  const s = zabDict(lang).notes;
  const n = nodeRef(note.node);
  // A client's success: where its value landed is a zxid here, not a log index.
  if (note.code === SimNote.ClientSucceeded) return s.clientSucceeded(n, fmtInt(field(note, 'requestId'), lang), zxidHex(field(note, 'index')), nodeRef(field(note, 'server')));
  if (note.code >= SIM_NOTE_BASE) return narrateSimNote(note, lang) ?? s.unknown(String(note.code));
  const num = (k: string) => fmtInt(field(note, k), lang);
  const zx = (k: string) => zxidHex(field(note, k));
  const who = (k: string) => nodeRef(field(note, k));
  switch (note.code) {
    case ZabNote.ElectionStarted:
      return s.electionStarted(n, num('round'), zx('zxid'), num('epoch'));
    case ZabNote.RoundAdopted:
      return s.roundAdopted(n, who('from'), num('round'), num('oldRound'));
    case ZabNote.LowerRoundAnswered:
      return s.lowerRoundAnswered(n, who('from'), num('round'), num('ourRound'));
    case ZabNote.AdoptByEpoch:
      return s.adoptByEpoch(n, who('from'), who('leader'), num('theirs'), num('ours'));
    case ZabNote.AdoptByZxid:
      return s.adoptByZxid(n, who('from'), who('leader'), zx('theirs'), zx('ours'));
    case ZabNote.AdoptBySid:
      return s.adoptBySid(n, who('from'), who('leader'), num('theirs'), num('ours'));
    case ZabNote.KeepByEpoch:
      return s.keepByEpoch(n, who('from'), who('leader'), num('theirs'), num('ours'));
    case ZabNote.KeepByZxid:
      return s.keepByZxid(n, who('from'), who('leader'), zx('theirs'), zx('ours'));
    case ZabNote.KeepBySid:
      return field(note, 'theirs') === field(note, 'ours')
        ? s.keepSame(n, who('from'), who('leader'))
        : s.keepBySid(n, who('from'), who('leader'), num('theirs'), num('ours'));
    case ZabNote.QuorumAgrees:
      return s.quorumAgrees(n, who('leader'), num('votes'), num('needed'), num('waitMs'));
    case ZabNote.FinalizeInterrupted:
      return s.finalizeInterrupted(n, who('from'), who('leader'));
    case ZabNote.Decided:
      return field(note, 'leader') === note.node
        ? s.decidedLead(n, num('votes'), num('round'))
        : s.decidedFollow(n, who('leader'), num('votes'), num('round'));
    case ZabNote.JoinedEnsemble:
      return s.joinedEnsemble(n, who('leader'), num('epoch'), num('votes'));
    case ZabNote.NotificationsResent:
      return s.notificationsResent(n, num('intervalMs'));
    case ZabNote.FollowerInfoSent:
      return s.followerInfoSent(n, who('leader'), num('acceptedEpoch'), zx('lastZxid'));
    case ZabNote.EpochProposed:
      return s.epochProposed(n, num('epoch'), num('maxAccepted'), num('followers'));
    case ZabNote.EpochAccepted:
      return s.epochAccepted(n, who('leader'), num('epoch'), num('currentEpoch'));
    case ZabNote.EpochRefused:
      return s.epochRefused(n, who('leader'), num('epoch'), num('acceptedEpoch'));
    case ZabNote.AckEpochCounted:
      return s.ackEpochCounted(n, who('from'), num('currentEpoch'), zx('lastZxid'), num('acks'));
    case ZabNote.AckEpochSameEpoch:
      return s.ackEpochSameEpoch(n, who('from'), num('epoch'));
    case ZabNote.FollowerAhead:
      return s.followerAhead(n, who('from'), zx('theirZxid'), zx('ourZxid'), num('theirEpoch'));
    case ZabNote.EpochEstablished:
      return s.epochEstablished(n, num('epoch'), num('acks'));
    case ZabNote.SyncEmptyDiff:
      return s.syncEmptyDiff(n, who('to'), zx('zxid'));
    case ZabNote.SyncDiff:
      return s.syncDiff(n, who('to'), zx('fromZxid'), num('count'), zx('toZxid'));
    case ZabNote.SyncTrunc:
      return s.syncTrunc(n, who('to'), zx('zxid'), zx('theirZxid'), num('count'));
    case ZabNote.SyncSnap:
      return s.syncSnap(n, who('to'), zx('zxid'), zx('theirZxid'), num('count'));
    case ZabNote.Truncated:
      return s.truncated(n, zx('zxid'), num('removed'));
    case ZabNote.SnapLoaded:
      return s.snapLoaded(n, zx('zxid'), num('count'));
    case ZabNote.NewLeaderAcked:
      return s.newLeaderAcked(n, who('leader'), num('epoch'));
    case ZabNote.NewLeaderAckCounted:
      return s.newLeaderAckCounted(n, who('from'), num('acks'), num('needed'));
    case ZabNote.LeaderEstablished:
      return s.leaderEstablished(n, num('epoch'), num('acks'));
    case ZabNote.UpToDate:
      return s.upToDate(n, who('leader'), num('epoch'));
    case ZabNote.Proposed:
      return s.proposed(n, zx('zxid'), who('client'), num('request'));
    case ZabNote.Logged:
      return s.logged(n, zx('zxid'));
    case ZabNote.AckCounted:
      return s.ackCounted(n, who('from'), zx('zxid'), num('acks'), num('needed'));
    case ZabNote.Committed:
      return s.committed(n, zx('zxid'), num('acks'));
    case ZabNote.Delivered:
      return s.delivered(n, zx('zxid'));
    case ZabNote.Forwarded:
      return s.forwarded(n, who('client'), num('request'), who('leader'));
    case ZabNote.ClientRefused:
      return s.clientRefused(n, who('client'), num('request'));
    case ZabNote.LeaderSilent:
      return s.leaderSilent(n, who('leader'), num('silentMs'), num('limitMs'));
    case ZabNote.QuorumLost:
      return s.quorumLost(n, num('heard'), num('needed'), num('limitMs'));
    case ZabNote.FollowerDropped:
      return s.followerDropped(n, who('follower'), num('silentMs'));
    case ZabNote.ConnectionClosed:
      return field(note, 'wasLeader') ? s.connectionClosedLeader(n, who('peer')) : s.connectionClosed(n, who('peer'));
    case ZabNote.BackToLooking:
      return s.backToLooking(n, num('epoch'));
    case ZabNote.SameVoteReceived:
      return s.sameVoteReceived(n, who('from'), who('leader'), zx('zxid'), num('round'));
    case ZabNote.FinalizeDiscarded:
      return s.finalizeDiscarded(n, who('from'), who('leader'), zx('zxid'), num('epoch'));
    case ZabNote.ProposalOutOfOrder:
      return s.proposalOutOfOrder(n, zx('zxid'), zx('lastZxid'));
    case ZabNote.CommitUnknown:
      return s.commitUnknown(n, zx('zxid'), zx('lastZxid'));
    case ZabNote.PhaseEntered:
      return s.phaseEntered(n, phaseName(field(note, 'phase'), lang), num('epoch'));
    case ZabNote.Pinged:
      return s.pinged(n, zx('zxid'), num('learners'));
    case ZabNote.PingAnswered:
      return s.pingAnswered(n, who('leader'), zx('zxid'));
    case ZabNote.Ignored:
      return s.ignored(n, who('from'), kindName(field(note, 'kind'), lang));
    case ZabNote.Restarted:
      return s.restarted(n, zx('lastZxid'), num('acceptedEpoch'), num('currentEpoch'));
    default:
      return s.unknown(String(note.code));
  }
}

/**
 * The comparison an election note records, in a few words for the vote table
 * ("0x200000003 > 0x200000001 → adopt n2"); null for a note that is not an election step.
 */
export function comparison(note: NoteRow, lang: Lang): string | null {
  const c = zabDict(lang).cmp;
  const num = (k: string) => fmtInt(field(note, k), lang);
  const zx = (k: string) => zxidHex(field(note, k));
  const who = (k: string) => nodeRef(field(note, k));
  switch (note.code) {
    case ZabNote.ElectionStarted:
      return c.started(num('round'));
    case ZabNote.RoundAdopted:
      return c.roundAdopted(num('round'), num('oldRound'));
    case ZabNote.LowerRoundAnswered:
      return c.lowerRound(num('round'), num('ourRound'));
    case ZabNote.AdoptByEpoch:
      return c.adoptEpoch(num('theirs'), num('ours'), who('leader'));
    case ZabNote.AdoptByZxid:
      return c.adoptZxid(zx('theirs'), zx('ours'), who('leader'));
    case ZabNote.AdoptBySid:
      return c.adoptSid(num('theirs'), num('ours'), who('leader'));
    case ZabNote.KeepByEpoch:
      return c.keepEpoch(num('theirs'), num('ours'));
    case ZabNote.KeepByZxid:
      return c.keepZxid(zx('theirs'), zx('ours'));
    case ZabNote.KeepBySid:
      return field(note, 'theirs') === field(note, 'ours') ? c.keepSame(who('leader')) : c.keepSid(num('theirs'), num('ours'));
    case ZabNote.SameVoteReceived:
      return c.keepSame(who('leader'));
    case ZabNote.FinalizeDiscarded:
      return c.finalizeDiscarded(who('leader'));
    case ZabNote.QuorumAgrees:
      return c.quorum(num('votes'), num('needed'), num('waitMs'));
    case ZabNote.FinalizeInterrupted:
      return c.finalizeInterrupted(who('leader'));
    case ZabNote.Decided:
      return field(note, 'leader') === note.node ? c.decidedLead : c.decidedFollow(who('leader'));
    case ZabNote.JoinedEnsemble:
      return c.joined(who('leader'), num('epoch'));
    default:
      return null;
  }
}

/**
 * Headline and one sentence per decision. A null row is frame 0, the initial state. `frame`
 * (the frame shown) lets a ZooKeeper row name the op or path its notes cannot carry.
 */
export function narrateParts(row: EventRow | null, lang: Lang, frame?: FrameView | null): Narration {
  if (!row) return { headline: zabDict(lang).initial, details: [] };
  const zk = zkNarrationContext(frame);
  return { headline: headline(row, lang, zk), details: row.notes.map((note) => narrateNote(note, lang, row, zk)) };
}

/** One line for hover text and announcements: the decisions when there are any, else the headline. */
export function narrate(row: EventRow | null, lang: Lang, frame?: FrameView | null): string {
  return joinNarration(narrateParts(row, lang, frame), lang);
}

/** Violation arguments that name a server (printed n3). */
const NODE_ARGS = new Set(['node', 'other']);
/** Violation arguments that are client values (quoted, so "x=1" reads as a value in any language). */
const VALUE_ARGS = new Set(['value', 'committedValue']);
/** The argument order of each reason sentence in the dictionary (src/core/zab/checkers.ts why.args). */
export const VIOLATION_ARGS: Record<string, readonly string[]> = {
  secondLeaderOfEpoch: ['node', 'epoch', 'other'],
  deliveredDifferentTxn: ['node', 'position', 'zxid', 'value', 'committedZxid', 'committedValue'],
  deliveredOutOfOrder: ['node', 'position', 'zxid', 'previous'],
  leaderLacksCommittedTxn: ['node', 'epoch', 'zxid', 'value'],
  deliveredTakenBack: ['node', 'before', 'after'],
};

/**
 * A safety violation in the given language, from the checker's data (Violation.why). An
 * unknown code, or one missing an argument, falls back to the checker's English `detail`.
 */
export function narrateViolation(v: Violation, lang: Lang): { invariant: string; reason: string } {
  const z = zabDict(lang);
  const invariant = z.invariants[v.invariant] ?? v.invariant;
  const code = v.why?.code ?? '';
  const names = VIOLATION_ARGS[code];
  const sentence = z.violations[code];
  if (!names || !sentence) return { invariant, reason: v.detail };
  const args = v.why.args;
  const out: string[] = [];
  for (const k of names) {
    const x = args[k];
    if (x === undefined) return { invariant, reason: v.detail };
    if (VALUE_ARGS.has(k)) out.push(JSON.stringify(String(x)));
    // Zxids arrive printed (0x…); a number in a zxid field is printed the same way.
    else if (typeof x === 'string') out.push(x);
    else if (/zxid|previous/i.test(k)) out.push(zxidHex(x));
    else if (NODE_ARGS.has(k)) out.push(nodeRef(x));
    else out.push(fmtInt(x, lang));
  }
  return { invariant, reason: sentence(...out) };
}
