/**
 * The hash ring's narration: one recorded event and the decisions it caused (NoteRows whose
 * arguments are named by HashringNotes in src/core/hashring/types.ts: note.f.node...) as
 * sentences in either language. The router is the hub at id 0: events at it ("the router
 * receives n3's heartbeat") are told here; the simulator's own actions and notes (crash,
 * add, remove, an action that found nothing to act on) come from the shared narration.
 */
import { EventType, Fate, type EventRow, type NoteRow } from '../../sim/api';
import { HUB_ID, type Violation } from '../../core/protocol';
import { CHANGE_ACTION_NAMES, HashringNotes as HN } from '../../core/hashring/types';
import { fmtInt, nodeRef, type Lang } from '../i18n';
import { eventHeadline, joinNarration, narrateSimNote } from '../views/narrate';
import type { Narration } from '../views/types';
import { ringDict } from './i18n';

const decFormats = new Map<string, Intl.NumberFormat>();

/** A number with at most `digits` decimals in the language's style: "8.1", "8". */
export function fmtDec(x: number, lang: Lang, digits = 1): string {
  const k = `${lang}:${digits}`;
  let f = decFormats.get(k);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: digits });
    decFormats.set(k, f);
  }
  return f.format(x);
}

/** A message kind code (HashringMsgKind) in words. */
export function kindName(kind: number, lang: Lang): string {
  return ringDict(lang).kinds[kind] ?? `#${kind}`;
}

/** One decision as a sentence. */
export function narrateNote(note: NoteRow, lang: Lang): string {
  const r = ringDict(lang);
  const R = r.notes;
  const f = note.f;
  const num = (x: number) => fmtInt(x, lang);
  const n = nodeRef(f.node ?? 0);
  switch (note.code) {
    case HN.HeartbeatArrived.code:
      return f.intervalMs < 0 ? R.heartbeatFirst(n, num(f.seq)) : R.heartbeat(n, num(f.seq), num(f.intervalMs));
    case HN.DeclaredDownTimeout.code:
      return R.downTimeout(n, num(f.silentMs), num(f.timeoutMs));
    case HN.DeclaredDownPhi.code:
      // φ is noted × 1000; one decimal is what Cassandra's logs and the threshold use.
      return R.downPhi(n, num(f.silentMs), fmtDec(f.phiMilli / 1000, lang), fmtDec(f.thresholdMilli / 1000, lang));
    case HN.Rejoined.code:
      return R.rejoined(n, num(f.silentMs));
    case HN.Added.code:
      return R.added(n);
    case HN.Removed.code:
      return R.removed(n);
    case HN.RingChanged.code:
      return R.changed(r.changeAction[f.action] ?? CHANGE_ACTION_NAMES[f.action] ?? String(f.action), n, num(f.moved), num(f.ideal));
    case HN.HeartbeatIgnored.code:
      return R.ignored(n);
    case HN.HeartbeatStale.code:
      return R.stale(n, num(f.seq), num(f.lastIncarnation), num(f.lastSeq));
    case HN.NodeStarted.code:
      return R.started(nodeRef(note.node), num(f.incarnation));
    default:
      return narrateSimNote(note, lang) ?? R.unknown(String(note.code));
  }
}

/** What happened: at the router in the ring's words, else the shared headline. */
export function headline(row: EventRow, lang: Lang): string {
  const r = ringDict(lang);
  if (row.node === HUB_ID) {
    const from = nodeRef(row.peer);
    if (row.type === EventType.Deliver) return r.deliverHub(from);
    if (row.type === EventType.Timer) return r.timerHub;
    if (row.type === EventType.Drop) {
      if (row.fate === Fate.NodeDown) return r.dropHubNodeDown(from);
      if (row.fate === Fate.LinkDown) return r.dropHubLinkDown(from);
      if (row.fate !== Fate.DroppedByUser) return r.dropHub(from);
    }
  }
  if (row.type === EventType.Timer) return r.timerNode(nodeRef(row.node));
  return eventHeadline(row, lang, kindName);
}

/** Headline and one sentence per decision. A null row is frame 0, the initial state. */
export function narrateParts(row: EventRow | null, lang: Lang): Narration {
  if (!row) return { headline: ringDict(lang).initial, details: [] };
  return { headline: headline(row, lang), details: row.notes.map((note) => narrateNote(note, lang)) };
}

export function narrate(row: EventRow | null, lang: Lang): string {
  return joinNarration(narrateParts(row, lang), lang);
}

/** A violation of the ring's checkers: its name in words when known; the reason is the checker's own detail. */
export function narrateViolation(v: Violation, lang: Lang): { invariant: string; reason: string } {
  return { invariant: ringDict(lang).invariants[v.invariant] ?? v.invariant, reason: v.detail };
}
