/**
 * ZooKeeper's narration on ZAB: the servers' decisions (ZabZkNotes, codes 100–121), the
 * client actor's (ZK_CLIENT_NOTES, codes 1000–1017), and the headline of every event of a
 * client frame — an op invoked, a client's timer, a packet a client reads, a packet a
 * server reads from a client — as sentences in English and Chinese (./narrate-i18n.ts).
 * ZAB's narrator (src/ui/zab/narrate.ts) hands these to it.
 *
 * A note carries its reasons as numbers (client ids, sessions, zxids, ms); what it cannot
 * carry — which op a packet answered, the path of a watch event — comes from the frame the
 * page shows (ZkNarrationContext: the service's op and event records so far), and only for
 * rows at or before that frame, whose outcome the records already hold. Without it a
 * sentence says less, never something false. Zxids and sessions print as ZooKeeper prints
 * them (0x…), errors by their KeeperException names.
 */
import { CLIENT_ID_BASE } from '../../../core/protocol';
import { ZK_CLIENT_NOTES, ZK_CLIENT_SLOTS, ZkLoss } from '../../../core/coord/zookeeper/client';
import { sessionHex, ZK_ERROR_CODES, type ZkError, type ZkEventRecord, type ZkOpRecord } from '../../../core/coord/zookeeper/types';
import { ZAB_TIMERS, ZabMsgKind, ZabNote, ZabZkNotes, ZK_EVENT_CODES, zxidHex } from '../../../core/zab/types';
import { EventType, type EventRow, type FrameView, type NoteRow } from '../../../sim/api';
import { clientRef, fmtInt, fmtTime, isClient, nodeRef, type Lang } from '../../i18n';
import { eventHeadline } from '../../views/narrate';
import { zkNarrateDict, type ZkNarrateDict } from './narrate-i18n';

/** What the shown frame knows that a row's notes cannot carry: the service's records so far. */
export interface ZkNarrationContext {
  /** The frame's virtual time: records are complete up to here. */
  time: number;
  /** Each client's op records (by 1-based client number), in invoke order. */
  ops: ReadonlyMap<number, readonly ZkOpRecord[]>;
  /** Each client's notifications as delivered, in time order. */
  events: ReadonlyMap<number, readonly ZkEventRecord[]>;
}

function byClient<T extends { client: number }>(list: readonly T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const x of list) {
    const l = out.get(x.client);
    if (l) l.push(x);
    else out.set(x.client, [x]);
  }
  return out;
}

/** One context per frame view (the event list narrates many rows against the same frame). */
const CONTEXTS = new WeakMap<object, ZkNarrationContext>();

/** The context of a frame of a ZooKeeper scenario, else null. */
export function zkNarrationContext(frame: FrameView | null | undefined): ZkNarrationContext | null {
  const s = frame?.service;
  if (!frame || !s || s.name !== 'zookeeper') return null;
  let ctx = CONTEXTS.get(s);
  if (!ctx || ctx.time !== frame.time) {
    ctx = { time: frame.time, ops: byClient(s.ops as ZkOpRecord[]), events: byClient(s.events as ZkEventRecord[]) };
    CONTEXTS.set(s, ctx);
  }
  return ctx;
}

const NONE: readonly never[] = [];
const opsOf = (ctx: ZkNarrationContext, client: number) => ctx.ops.get(client) ?? NONE;
const eventsOf = (ctx: ZkNarrationContext, client: number) => ctx.events.get(client) ?? NONE;

/** Every note code this file narrates: the servers' (100–121) and the client's (1000–1017). */
export const ZK_NOTE_CODES: ReadonlySet<number> = new Set([...Object.values(ZabZkNotes), ...Object.values(ZK_CLIENT_NOTES)].map((n) => n.code));

export function isZkNote(code: number): boolean {
  return ZK_NOTE_CODES.has(code);
}

const ERROR_NAMES = new Map<number, ZkError>(Object.entries(ZK_ERROR_CODES).map(([k, v]) => [v, k as ZkError]));
const EVENT_NAMES = new Map<number, string>(Object.entries(ZK_EVENT_CODES).map(([k, v]) => [v, k]));

/** A KeeperException code by its name (NoNode); an unknown code as its number. */
export function errorName(code: number): string {
  return ERROR_NAMES.get(code) ?? `KeeperException ${code}`;
}

/** The lock recipe's node name of a sequence number: lock-0000000001. */
export function lockNodeName(seq: number): string {
  return `lock-${String(Math.max(0, seq)).padStart(10, '0')}`;
}

/** A client's name by its actor id (c2), "a client" of id 0. */
const who = (id: number) => nodeRef(id);
const field = (note: NoteRow, name: string): number => note.f[name] ?? 0;

// ---- the records a row can be matched with ------------------------------------------------

/** Trust the records only for a row whose time the shown frame has reached. */
function usable(ctx: ZkNarrationContext | null | undefined, row: EventRow): ctx is ZkNarrationContext {
  return !!ctx && row.time <= ctx.time;
}

const READS = new Set(['getData', 'exists', 'getChildren']);
const WRITES = new Set(['create', 'delete', 'setData', 'close']);
const RECIPES = new Set(['lock', 'unlock']);

function clientNo(actor: number): number {
  return actor - CLIENT_ID_BASE + 1;
}

/** The client's ops still waiting for their answer at `time` (invoked before it). */
function pendingAt(ctx: ZkNarrationContext, client: number, time: number): ZkOpRecord[] {
  return opsOf(ctx, client).filter((o) => o.invoke < time && (o.complete === null || o.complete > time));
}

/** The one op of `kinds` a request of this client can be, when there is exactly one (and no recipe sending its own). */
function onlyPending(ctx: ZkNarrationContext, client: number, time: number, kinds: ReadonlySet<string>): ZkOpRecord | null {
  const p = pendingAt(ctx, client, time);
  if (p.some((o) => RECIPES.has(o.op))) return null;
  const m = p.filter((o) => kinds.has(o.op));
  return m.length === 1 ? m[0] : null;
}

/** What a request of this client of class `kinds` is: its one op, else its one lock recipe's step, else `fallback`. */
function requestWhat(ctx: ZkNarrationContext | null, client: number, time: number, kinds: ReadonlySet<string>, fallback: string, d: ZkNarrateDict): string {
  if (!ctx) return fallback;
  const one = onlyPending(ctx, client, time, kinds);
  if (one) return whatOf(one, d);
  const p = pendingAt(ctx, client, time);
  const recipes = p.filter((o) => RECIPES.has(o.op));
  if (recipes.length === 1 && !p.some((o) => kinds.has(o.op))) return d.what.recipe(opPath(recipes[0]));
  return fallback;
}

function opPath(o: ZkOpRecord): string {
  return typeof o.args.path === 'string' ? o.args.path : '';
}

function whatOf(o: ZkOpRecord, d: ZkNarrateDict): string {
  return d.what.op(o.op, opPath(o));
}

/** An op's outcome in a few words: its result in ZooKeeper's values, or its error's name. */
export function outcomeOf(o: ZkOpRecord, lang: Lang): string {
  const d = zkNarrateDict(lang).outcome;
  if (!o.ok) return d.error(o.error ?? '');
  const r = o.result as Record<string, unknown> | string | string[] | null;
  const num = (x: unknown) => fmtInt(Number(x ?? 0), lang);
  switch (o.op) {
    case 'connect': {
      const c = (r ?? {}) as Record<string, unknown>;
      return d.session(sessionHex(Number(c.session ?? 0)), num(c.negotiatedTimeoutMs));
    }
    case 'create':
      return d.created(String(r));
    case 'getData': {
      const g = (r ?? {}) as Record<string, unknown>;
      return d.data(JSON.stringify(String(g.data ?? '')), num((g.stat as Record<string, unknown> | undefined)?.version));
    }
    case 'setData':
      return d.stat(num((r as Record<string, unknown> | null)?.version));
    case 'exists':
      return r === null ? d.noNode : d.exists(num((r as Record<string, unknown>).version));
    case 'getChildren':
      return Array.isArray(r) && r.length > 0 ? d.children(r.join(', ')) : d.noChildren;
    case 'delete':
      return d.deleted;
    case 'sync':
      return d.synced;
    case 'close':
      return d.closed;
    case 'lock':
      return d.lockHeld(String(r));
    case 'unlock':
      return d.unlocked;
    default:
      return d.ok;
  }
}

// ---- notes ----------------------------------------------------------------------------------

/**
 * One of ZooKeeper's decision notes as a sentence, or null for a code that is not one.
 * `row` and `ctx` (optional) let a sentence name what the note cannot: the op a read is,
 * the path a watch fired for.
 */
export function narrateZkNote(note: NoteRow, lang: Lang, row?: EventRow, ctx?: ZkNarrationContext | null): string | null {
  if (!isZkNote(note.code)) return null;
  const d = zkNarrateDict(lang);
  const s = d.notes;
  const n = nodeRef(note.node);
  const num = (k: string) => fmtInt(field(note, k), lang);
  const zx = (k: string) => zxidHex(field(note, k));
  const node = (k: string) => who(field(note, k));
  const sess = (k: string) => sessionHex(field(note, k));
  const sessOrNew = (k: string) => (field(note, k) === 0 ? d.newSession : d.sessionRef(sess(k)));
  const c = node('client');
  // The shown frame's records, when they reach this row.
  const m = ctx && row && row.time <= ctx.time ? { ctx, time: row.time } : null;
  /** The read op a server-side note is about, from the client's pending ops. */
  const pendingWhat = (kinds: ReadonlySet<string>, fallback: string) => (m ? requestWhat(m.ctx, clientNo(field(note, 'client')), m.time, kinds, fallback, d) : fallback);
  switch (note.code) {
    // The servers
    case ZabZkNotes.ConnectRefusedNotServing.code:
      return s.connectRefusedNotServing(n, c, sessOrNew('session'));
    case ZabZkNotes.ConnectRefusedBehind.code:
      return s.connectRefusedBehind(n, c, sessOrNew('session'), zx('theirs'), zx('ours'));
    case ZabZkNotes.SessionRequested.code:
      return s.sessionRequested(n, c, sess('session'), num('timeoutMs'), num('askedMs'));
    case ZabZkNotes.SessionCreated.code:
      return s.sessionCreated(n, c, sess('session'), num('timeoutMs'), zx('zxid'));
    case ZabZkNotes.RevalidateSent.code:
      return s.revalidateSent(n, c, sess('session'), node('leader'));
    case ZabZkNotes.Revalidated.code: {
      if (field(note, 'valid') !== 1) return s.revalidatedGone(n, sess('session'));
      const prev = field(note, 'previous');
      return prev !== 0 && prev !== field(note, 'owner') ? s.revalidatedMoved(n, sess('session'), node('owner'), node('previous')) : s.revalidatedOpen(n, sess('session'), node('owner'));
    }
    case ZabZkNotes.SessionReconnected.code:
      return s.sessionReconnected(n, c, sess('session'), num('timeoutMs'));
    case ZabZkNotes.SessionInvalid.code:
      return s.sessionInvalid(n, c, sess('session'));
    case ZabZkNotes.SessionUnknown.code:
      return s.sessionUnknown(n, c, sess('session'), num('xid'));
    case ZabZkNotes.NoConnection.code:
      return s.noConnection(n, c, sessOrNew('session'));
    case ZabZkNotes.ReadServed.code: {
      const what = pendingWhat(READS, `${d.what.read} (xid ${num('xid')})`);
      return field(note, 'zxid') >= field(note, 'leaderZxid') ? s.readServed(n, c, what, zx('zxid')) : s.readServedStale(n, c, what, zx('zxid'), zx('leaderZxid'));
    }
    case ZabZkNotes.ReadQueued.code:
      return s.readQueued(n, c, pendingWhat(READS, `${d.what.read} (xid ${num('xid')})`), num('behind'));
    case ZabZkNotes.SyncForwarded.code:
      return s.syncForwarded(n, c, num('xid'), node('leader'));
    case ZabZkNotes.SyncDone.code:
      return s.syncDone(n, c, num('xid'), zx('zxid'), zx('applied'));
    case ZabZkNotes.WatchFired.code: {
      const type = EVENT_NAMES.get(field(note, 'event')) ?? `event ${num('event')}`;
      let path = '';
      if (m) {
        // The client records the event when it reads it: the first of this type after now.
        const cl = clientNo(field(note, 'client'));
        const ev = eventsOf(m.ctx, cl).find((e) => e.type === type && e.time >= m.time);
        if (ev) path = ` ${ev.path}`;
      }
      // The server can be past the change (a watch re-set by SetWatches fires for a change it applied before).
      return field(note, 'applied') > field(note, 'zxid') ? s.watchFiredLater(n, c, type, path, zx('zxid'), zx('applied')) : s.watchFired(n, c, type, path, zx('zxid'));
    }
    case ZabZkNotes.SessionEnded.code:
      return field(note, 'expired') === 1 ? s.sessionExpiredEnded(n, c, sess('session'), zx('zxid')) : s.sessionClosedEnded(n, c, sess('session'), zx('zxid'));
    case ZabZkNotes.SessionMovedAway.code:
      return s.sessionMovedAway(n, c, sess('session'), node('to'));
    case ZabZkNotes.TrackerLoaded.code:
      return s.trackerLoaded(n, num('sessions'));
    case ZabZkNotes.SessionExpiredByTracker.code:
      return s.sessionExpiredByTracker(n, sess('session'), num('timeoutMs'), fmtTime(field(note, 'expireAt'), lang));
    case ZabZkNotes.SessionExpiredLocally.code:
      return s.sessionExpiredLocally(n, sess('session'), num('timeoutMs'), fmtTime(field(note, 'expireAt'), lang));
    case ZabZkNotes.TreeRebuilt.code:
      return s.treeRebuilt(n, num('count'));
    case ZabZkNotes.ConnectionsClosed.code:
      return s.connectionsClosed(n, num('clients'));

    // The client (n is the client)
    case ZK_CLIENT_NOTES.ZkConnecting.code: {
      if (field(note, 'session') === 0) return s.connectingNew(n, node('server'));
      if (field(note, 'watches') > 0) return s.connectingWatches(n, node('server'), sess('session'), zx('lastZxid'), num('watches'));
      return s.connectingResume(n, node('server'), sess('session'), zx('lastZxid'));
    }
    case ZK_CLIENT_NOTES.ZkReconnectSleep.code:
      return field(note, 'spinMs') > 0 ? s.reconnectSpin(n, num('delayMs'), node('server'), num('spinMs')) : s.reconnectSleep(n, num('delayMs'), node('server'));
    case ZK_CLIENT_NOTES.ZkConnected.code:
      return s.connected(n, node('server'), sess('session'), num('negotiatedMs'), num('readTimeoutMs'));
    case ZK_CLIENT_NOTES.ZkConnectionLost.code: {
      const why = lossReason(field(note, 'why'), node('server'), num('idleMs'), d);
      return field(note, 'failed') > 0 ? s.lostFailed(n, node('server'), why, num('failed')) : s.lost(n, node('server'), why);
    }
    case ZK_CLIENT_NOTES.ZkRefused.code:
      return field(note, 'refused') === 1 ? s.refusedBehind(n, node('server'), zx('lastZxid')) : s.refusedNotServing(n, node('server'));
    case ZK_CLIENT_NOTES.ZkExpired.code:
      return field(note, 'failed') > 0 ? s.expiredFailed(n, node('server'), sess('session'), num('failed')) : s.expired(n, node('server'), sess('session'));
    case ZK_CLIENT_NOTES.ZkPing.code:
      return s.ping(n, node('server'), num('idleSendMs'));
    case ZK_CLIENT_NOTES.ZkFailedLocally.code: {
      const error = errorName(field(note, 'error'));
      let what = d.what.opNumber(num('opId'));
      if (m) {
        const o = opsOf(m.ctx, clientNo(note.node)).find((x) => x.complete === m.time && x.error === error);
        if (o) what = whatOf(o, d);
      }
      return s.failedLocally(n, what, error);
    }
    case ZK_CLIENT_NOTES.ZkEventUnmatched.code:
      return s.eventUnmatched(n, node('server'));
    case ZK_CLIENT_NOTES.ZkPaused.code:
      return s.paused(n, fmtTime(field(note, 'untilMs'), lang));
    case ZK_CLIENT_NOTES.ZkResumed.code:
      return field(note, 'timedOut') === 1 ? s.resumedTimedOut(n, num('idleMs'), num('waiting')) : s.resumed(n, num('idleMs'), num('waiting'));
    case ZK_CLIENT_NOTES.ZkLockCreated.code:
      return s.lockCreated(n, lockNodeName(field(note, 'seq')), zx('zxid'));
    case ZK_CLIENT_NOTES.ZkLockAcquired.code:
      return s.lockAcquired(n, lockNodeName(field(note, 'seq')), zx('zxid'));
    case ZK_CLIENT_NOTES.ZkLockWaiting.code:
      return s.lockWaiting(n, lockNodeName(field(note, 'seq')), lockNodeName(field(note, 'predecessor')));
    case ZK_CLIENT_NOTES.ZkLockRecovering.code:
      return s.lockRecovering(n, num('children'));
    case ZK_CLIENT_NOTES.ZkLockRecovered.code:
      return s.lockRecovered(n, lockNodeName(field(note, 'seq')), zx('zxid'));
    case ZK_CLIENT_NOTES.ZkLockFailed.code:
      return s.lockFailed(n, errorName(field(note, 'error')));
    case ZK_CLIENT_NOTES.ZkClosed.code:
      return field(note, 'answered') === 1 ? s.closedAnswered(n, sess('session')) : s.closedUnsent(n, sess('session'));
    default:
      return s.unknown(String(note.code));
  }
}

function lossReason(why: number, server: string, idle: string, d: ZkNarrateDict): string {
  const l = d.loss;
  switch (why) {
    case ZkLoss.ReadTimeout:
      return l.readTimeout(server, idle);
    case ZkLoss.ConnectTimeout:
      return l.connectTimeout(server, idle);
    case ZkLoss.Reset:
      return l.reset(server);
    case ZkLoss.Refused:
      return l.refused(server);
    case ZkLoss.XidOutOfOrder:
      return l.xidOutOfOrder(server);
    case ZkLoss.NothingPending:
      return l.nothingPending(server);
    case ZkLoss.PauseTimedOut:
      return l.pauseTimedOut(server, idle);
    case ZkLoss.ClosedByServer:
      return l.closedByServer(server);
    default:
      return l.other(server);
  }
}

/**
 * ZAB's own notes that read wrong for a ZooKeeper session txn: a proposal for "request 0"
 * is a createSession (client xids start at 1), one for no client is the closeSession of an
 * expiry the leader decided. Null: ZAB's sentence is right.
 */
export function narrateZkZabNote(note: NoteRow, lang: Lang): string | null {
  const s = zkNarrateDict(lang).notes;
  const client = field(note, 'client');
  const n = nodeRef(note.node);
  if (note.code === ZabNote.Proposed) {
    if (client === 0) return s.proposedExpiry(n, zxidHex(field(note, 'zxid')));
    if (isClient(client) && field(note, 'request') === 0) return s.proposedSession(n, zxidHex(field(note, 'zxid')), who(client));
  }
  if (note.code === ZabNote.Forwarded && isClient(client) && field(note, 'request') === 0) return s.forwardedSession(n, who(client), who(field(note, 'leader')));
  return null;
}

// ---- headlines ------------------------------------------------------------------------------

const CONNECT_CODES = new Set<number>([
  ZabZkNotes.ConnectRefusedNotServing.code,
  ZabZkNotes.ConnectRefusedBehind.code,
  ZabZkNotes.SessionRequested.code,
  ZabZkNotes.RevalidateSent.code,
  ZabZkNotes.Revalidated.code,
  ZabZkNotes.SessionReconnected.code,
  ZabZkNotes.SessionInvalid.code,
]);
const LOCK_CODES = new Set<number>([
  ZK_CLIENT_NOTES.ZkLockCreated.code,
  ZK_CLIENT_NOTES.ZkLockAcquired.code,
  ZK_CLIENT_NOTES.ZkLockWaiting.code,
  ZK_CLIENT_NOTES.ZkLockRecovering.code,
  ZK_CLIENT_NOTES.ZkLockRecovered.code,
  ZK_CLIENT_NOTES.ZkLockFailed.code,
]);

const has = (row: EventRow, code: number) => row.notes.some((x) => x.code === code);
const hasAny = (row: EventRow, codes: ReadonlySet<number>) => row.notes.some((x) => codes.has(x.code));

/** A script's client op (as written: defaults not filled in) in words. */
function invokedHeadline(a: Record<string, unknown>, c: string, lang: Lang): string {
  const d = zkNarrateDict(lang);
  const h = d.heads;
  const path = typeof a.path === 'string' ? a.path : '';
  const data = JSON.stringify(typeof a.data === 'string' ? a.data : '');
  const version = typeof a.version === 'number' && a.version >= 0 ? d.atVersion(fmtInt(a.version, lang)) : d.anyVersion;
  switch (a.op) {
    case 'connect': {
      const asked = fmtInt(typeof a.sessionTimeoutMs === 'number' ? a.sessionTimeoutMs : 30000, lang);
      return typeof a.server === 'number' ? h.connectTo(c, nodeRef(a.server), asked) : h.connect(c, asked);
    }
    case 'create': {
      const m = d.modes;
      const mode = a.ephemeral === true ? (a.sequential === true ? m.ephemeralSequential : m.ephemeral) : a.sequential === true ? m.sequential : m.persistent;
      return h.create(c, path, data, mode);
    }
    case 'delete':
      return h.delete(c, path, version);
    case 'setData':
      return h.setData(c, path, data, version);
    case 'getData':
    case 'exists':
    case 'getChildren':
      return a.watch === true ? h.readWatch(c, a.op, path) : h.read(c, a.op, path);
    case 'sync':
      return h.sync(c, path);
    case 'close':
      return h.close(c);
    case 'lock':
      return h.lock(c, path);
    case 'unlock':
      return h.unlock(c, path);
    case 'pause':
      return h.pause(c, fmtInt(typeof a.ms === 'number' ? a.ms : 0, lang));
    default:
      return h.read(c, String(a.op), path);
  }
}

/** A packet a client reads (row.node the client, row.peer the server). */
function clientReadsHeadline(row: EventRow, lang: Lang, ctx: ZkNarrationContext | null | undefined): string {
  const d = zkNarrateDict(lang);
  const h = d.heads;
  const c = nodeRef(row.node);
  const server = nodeRef(row.peer);
  if (has(row, ZK_CLIENT_NOTES.ZkConnected.code)) return h.accepted(c, server);
  if (has(row, ZK_CLIENT_NOTES.ZkRefused.code)) return h.refused(c, server);
  if (has(row, ZK_CLIENT_NOTES.ZkExpired.code)) return h.expired(c, server);
  if (row.notes.some((x) => x.code === ZK_CLIENT_NOTES.ZkConnectionLost.code && field(x, 'why') === ZkLoss.ClosedByServer)) return h.closedByServer(c, server);
  if (usable(ctx, row)) {
    const cl = clientNo(row.node);
    const done = opsOf(ctx, cl).find((o) => o.complete === row.time && o.op !== 'pause');
    if (done) return h.answered(c, whatOf(done, d), server, outcomeOf(done, lang));
    const ev = eventsOf(ctx, cl).find((e) => e.time === row.time && e.path !== '');
    if (ev) return h.event(c, ev.type, ev.path, server);
    if (hasAny(row, LOCK_CODES)) return h.lockStep(c, server);
    const pending = opsOf(ctx, cl).filter((o) => o.invoke <= row.time && (o.complete === null || o.complete > row.time));
    if (pending.some((o) => o.op === 'pause')) return h.heldWhilePaused(c, server);
    // A recipe step that decides nothing (the exists that sets its watch) and a PONG look alike here.
    const recipe = pending.find((o) => RECIPES.has(o.op));
    if (recipe) return h.pongOrStep(c, server, opPath(recipe));
    if (row.notes.length === 0) return h.pong(c, server);
    return h.packet(c, server);
  }
  if (hasAny(row, LOCK_CODES)) return h.lockStep(c, server);
  return h.packet(c, server);
}

/** A packet a server reads from a client (row.node the server, row.peer the client). */
function serverReadsHeadline(row: EventRow, lang: Lang, ctx: ZkNarrationContext | null | undefined): string {
  const d = zkNarrateDict(lang);
  const h = d.heads;
  const n = nodeRef(row.node);
  const c = nodeRef(row.peer);
  const ok = usable(ctx, row);
  const cl = clientNo(row.peer);
  if (hasAny(row, CONNECT_CODES)) return h.connectRequest(n, c);
  if (has(row, ZabZkNotes.SessionUnknown.code)) return h.unknownSession(n, c);
  if (has(row, ZabZkNotes.NoConnection.code)) return h.noConnection(n, c);
  if (has(row, ZabZkNotes.ReadServed.code) || has(row, ZabZkNotes.ReadQueued.code)) return h.request(n, c, requestWhat(ok ? ctx : null, cl, row.time, READS, d.what.read, d));
  if (has(row, ZabZkNotes.SyncForwarded.code) || has(row, ZabZkNotes.SyncDone.code)) return h.request(n, c, 'sync');
  if (has(row, ZabNote.Forwarded) || has(row, ZabNote.Proposed) || has(row, ZabNote.ClientRefused)) return h.request(n, c, requestWhat(ok ? ctx : null, cl, row.time, WRITES, d.what.write, d));
  if (ok && row.notes.length === 0) {
    // No decision: a ping answered — or a sync the leader holds behind uncommitted proposals.
    const sync = onlyPending(ctx, cl, row.time, new Set(['sync']));
    return sync ? h.syncHeld(n, c) : h.pinged(n, c);
  }
  return h.packetFrom(n, c);
}

/**
 * The headline of a row of ZooKeeper's making, or null for a row ZAB (or the shared
 * narration) says: an op a client invoked, a client's timer, a packet a client reads or a
 * server reads from one, the servers' session packets (REVALIDATE, SYNC, SessionMoved), the
 * leader's session tracker.
 */
export function zkHeadline(row: EventRow, lang: Lang, ctx?: ZkNarrationContext | null): string | null {
  const h = zkNarrateDict(lang).heads;
  const n = nodeRef(row.node);
  switch (row.type) {
    case EventType.Action: {
      const a = row.action;
      if (a?.do !== 'client') return null;
      const head = invokedHeadline(a as unknown as Record<string, unknown>, clientRef(a.client), lang);
      // An op its handle answers itself (a dead session, a bad path) completes in this very frame.
      const done = usable(ctx, row) ? opsOf(ctx, a.client).find((o) => o.invoke === row.time && o.complete === row.time && o.op === a.op && o.op !== 'pause') : undefined;
      return done ? h.invokedDone(head, outcomeOf(done, lang)) : head;
    }
    case EventType.Timer:
      if (isClient(row.node)) {
        if (row.kind === ZK_CLIENT_SLOTS.reconnect) return h.reconnect(n);
        if (row.kind === ZK_CLIENT_SLOTS.pause) return h.pauseOver(n);
        return h.loop(n);
      }
      return row.kind === ZAB_TIMERS.sessions ? h.tracker(n) : null;
    case EventType.Deliver:
      if (isClient(row.node)) return clientReadsHeadline(row, lang, ctx);
      if (isClient(row.peer)) return serverReadsHeadline(row, lang, ctx);
      if (row.kind !== ZabMsgKind.Request) return null;
      if (has(row, ZabZkNotes.Revalidated.code)) return h.revalidate(n, nodeRef(row.peer));
      if (has(row, ZabZkNotes.SessionReconnected.code) || has(row, ZabZkNotes.SessionInvalid.code)) return h.revalidateAnswer(n, nodeRef(row.peer));
      if (has(row, ZabZkNotes.SessionMovedAway.code)) return h.sessionMoved(n, nodeRef(row.peer));
      if (has(row, ZabZkNotes.SyncDone.code)) return h.syncAnswer(n, nodeRef(row.peer));
      return null;
    case EventType.Drop:
      // A client link's packet: named as a packet, whatever the ZAB kind it is drawn as.
      return isClient(row.node) || isClient(row.peer) ? eventHeadline(row, lang, () => h.packetKind) : null;
    default:
      return null;
  }
}
