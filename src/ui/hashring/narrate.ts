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

/**
 * A violation of the ring's checkers in the given language, from its data (Violation.why;
 * codes in src/core/hashring/checkers.ts VIOLATION_CODES). An unknown code, or one missing
 * an argument, falls back to the checker's English detail rather than a half-made sentence.
 */
/** Violation arguments that name a node (printed n3); the rest are counts and times. */
const NODE_ARGS = new Set(['node', 'from', 'to']);

export function narrateViolation(v: Violation, lang: Lang): { invariant: string; reason: string } {
  const r = ringDict(lang);
  const invariant = r.invariants[v.invariant] ?? v.invariant;
  // Every argument formatted once: nodes as n3, numbers grouped, node lists as [n1, n2].
  const fmt = new Map<string, string>();
  for (const [k, x] of Object.entries(v.why?.args ?? {})) {
    if (k === 'key') fmt.set(k, `key-${x}`);
    else if (k === 'before' || k === 'after') fmt.set(k, `[${String(x).split(',').filter(Boolean).map((id) => `n${id}`).join(', ')}]`);
    else fmt.set(k, typeof x === 'number' ? (NODE_ARGS.has(k) ? nodeRef(x) : fmtInt(x, lang)) : String(x));
  }
  let missing = false;
  const a = (k: string): string => {
    const x = fmt.get(k);
    if (x === undefined) missing = true;
    return x ?? '';
  };
  const key = () => a('key');
  const num = a;
  const node = a;
  const list = a;
  const V = r.violations;
  let reason: string | null;
  switch (v.why?.code) {
    case 'extraReplica':
    case 'missingReplica':
      reason = V[v.why.code](key(), num('rank'), node('node'), num('want'));
      break;
    case 'ownerNotInRing':
      reason = V.ownerNotInRing(key(), num('rank'), node('node'));
      break;
    case 'duplicateReplica':
      reason = V.duplicateReplica(key(), node('node'), num('rank'), num('firstRank'), num('want'));
      break;
    case 'movedBetweenStayers':
      reason = V.movedBetweenStayers(key(), node('from'), node('to'));
      break;
    case 'replicasShuffled':
      reason = V.replicasShuffled(key(), list('before'), list('after'));
      break;
    case 'aboveCap':
      reason = V.aboveCap(node('node'), num('keys'), num('cap'));
      break;
    case 'notDeclaredInTime':
      reason = V.notDeclaredInTime(node('node'), num('crashedAt'), num('now'), num('boundMs'));
      break;
    case 'pastPhiDeadline':
      reason = V.pastPhiDeadline(node('node'), num('crashedAt'), num('now'), num('deadline'));
      break;
    default:
      reason = null;
  }
  return { invariant, reason: reason === null || missing ? v.detail : reason };
}
