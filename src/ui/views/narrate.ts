/**
 * Narration every protocol shares: the headline of an event (a message delivered or
 * dropped, a timer, the simulator's actions) and the simulator's own notes (SimNotes: a
 * user's action that found nothing to act on, a client's view of its request), read by
 * their named fields. A protocol's narrator names its message kinds and its own notes, and
 * calls these for the rest.
 */
import { ClientFailure, SimNote } from '../../core/protocol';
import { EventType, Fate, type EventRow, type NoteRow } from '../../sim/api';
import { clientRef, dict, fmtInt, isClient, nodeRef, type Lang } from '../i18n';
import type { Narration } from './types';

/** What happened at `row`: "n3 received RequestVote from n5". `kindName` names the protocol's message kind codes. */
export function eventHeadline(row: EventRow, lang: Lang, kindName: (kind: number, lang: Lang) => string): string {
  const t = dict(lang);
  const r = t.events;
  const n = nodeRef(row.node);
  switch (row.type) {
    case EventType.Deliver:
      return r.deliver(n, kindName(row.kind, lang), nodeRef(row.peer));
    case EventType.Drop: {
      const kind = kindName(row.kind, lang);
      const from = nodeRef(row.peer);
      if (row.fate === Fate.NodeDown) return r.dropNodeDown(kind, from, n);
      if (row.fate === Fate.LinkDown) return r.dropLinkDown(kind, from, n);
      if (row.fate === Fate.DroppedByUser) return t.simNarr.dropByUser(kind, from, n);
      return r.dropLost(kind, from, n);
    }
    case EventType.Disconnect:
      return t.simNarr.disconnect(n, nodeRef(row.peer));
    case EventType.Timer:
      if (!isClient(row.node)) return r.timer(n);
      // A client's timer is a time-out, or the end of its wait after "no leader".
      return row.notes[0]?.code === SimNote.ClientRetry ? t.simNarr.clientBackoffOver(n) : r.clientTimer(n);
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
          if (a.client !== undefined) return r.actionCutClient(clientRef(a.client), a.node ? nodeRef(a.node) : '');
          return r.actionCut(nodeRef(a.from), nodeRef(a.to));
        case 'mend':
          if (a.client !== undefined) return r.actionMendClient(clientRef(a.client), a.node ? nodeRef(a.node) : '');
          return r.actionMend(nodeRef(a.from), nodeRef(a.to));
        case 'heal':
          return r.actionHeal;
        case 'request':
          return r.actionRequest(a.value, a.node ? nodeRef(a.node) : '');
        case 'timeout':
          return t.simNarr.actionTimeout(nodeRef(a.node));
        case 'drop':
          return t.simNarr.actionDrop(fmtInt(a.nth, lang), nodeRef(a.from), nodeRef(a.to));
        case 'add':
          return t.simNarr.actionAdd(nodeRef(a.node));
        case 'remove':
          return t.simNarr.actionRemove(nodeRef(a.node));
      }
    }
  }
  return r.timer(n);
}

/** The simulator's own notes (SimNote: a user's action's outcome, a client's view), or null for another code. */
export function narrateSimNote(note: NoteRow, lang: Lang): string | null {
  const s = dict(lang).simNarr;
  const n = nodeRef(note.node);
  const num = (x: number) => fmtInt(x, lang);
  const f = note.f;
  const req = s.requestNo(num(f.requestId));
  switch (note.code) {
    case SimNote.TimeoutNodeDown:
      return s.timeoutNodeDown(n);
    case SimNote.AddNotAbsent:
      return s.addNotAbsent(n, f.state);
    case SimNote.RemoveNotMember:
      return s.removeNotMember(n, f.state);
    case SimNote.NotMember:
      return s.notMember(n, f.state);
    case SimNote.DropDone:
      return s.dropDone(num(f.nth), n, nodeRef(f.to));
    case SimNote.DropAlreadyArrived:
      return s.dropAlreadyArrived(num(f.nth), n, nodeRef(f.to));
    case SimNote.DropNeverSent:
      return s.dropNeverSent(num(f.nth), n, nodeRef(f.to), num(f.sent));
    case SimNote.DropAlreadyLost:
      return s.dropAlreadyLost(num(f.nth), n, nodeRef(f.to));
    case SimNote.ClientNoLeader:
      return s.clientNoLeader(n, req, nodeRef(f.server));
    case SimNote.ClientRedirected:
      return s.clientRedirected(n, req, nodeRef(f.server), nodeRef(f.hint));
    case SimNote.ClientRetry:
      return s.clientRetry(n, req, nodeRef(f.server), num(f.attempt));
    case SimNote.ClientBackoff:
      return s.clientBackoff(n, req, num(f.delayMs), nodeRef(f.server));
    case SimNote.ClientFailed:
      if (f.why === ClientFailure.TimedOut) return s.clientFailedTimedOut(n, req, num(f.attempts));
      if (f.why === ClientFailure.AttemptsExhausted) return s.clientFailedExhausted(n, req, num(f.attempts));
      return s.clientFailedRefused(n, req);
    case SimNote.ClientSucceeded:
      return s.clientSucceeded(n, req, num(f.index), nodeRef(f.server));
    case SimNote.ClientTimedOut:
      return s.clientTimedOut(n, req, nodeRef(f.server));
    default:
      return null;
  }
}

/**
 * One line for hover text and announcements: the decisions when there are any (they say
 * more than the headline), else the headline.
 */
export function joinNarration({ headline, details }: Narration, lang: Lang): string {
  if (details.length === 0) return headline;
  return details.join(lang === 'zh' ? '；' : '; ');
}
