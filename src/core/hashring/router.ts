/**
 * The router: the protocol's hub (id 0) — a client-side load balancer or a Dynamo-style
 * coordinator. It receives every member's heartbeats, runs the failure detector
 * (detector.ts) and owns the ring: the members it has not declared down.
 *
 * - A member silent past its detector deadline is declared down and leaves the ring: its
 *   keys move to the next nodes clockwise. The router cannot tell a crash from a cut link or
 *   a lossy one: a live member it stops hearing is declared down too (a false suspicion).
 * - A heartbeat from a member declared down (newer than any counted) brings it back: it
 *   rejoins the ring, with a fresh interval window (the silence was not a heartbeat interval).
 * - `add` / `remove` are the operator telling the router (memberChanged): the ring changes at once.
 *
 * Every ring change bumps `version`, is appended to `changes` with what moved (placing the
 * keys before and after, memoized by their inputs) and is noted as RingChanged; every
 * decision is a HashringNotes note with its reason. The router arms its one timer (slot 0)
 * at the earliest detector deadline over the ring and re-arms it on each heartbeat: it never polls.
 */
import { emit, type NodeCtx } from '../protocol';
import { copyWindows, createWindows, phiOf, pushInterval, seedWindow, silenceAllowed, windowStats, type Windows } from './detector';
import { place, type Placement, type PlacementInput } from './placement';
import { diff, idealMoved } from './stats';
import {
  ChangeAction,
  HASHRING_CAPACITY,
  HashringNotes,
  HashringTimer,
  type ChangeStat,
  type HashringConfig,
  type HashringHubView,
  type HashringMsg,
  type Scheme,
  type SuspicionView,
} from './types';

/** The router's view of a node slot. */
export const Status = { Absent: 0, InRing: 1, Down: 2 } as const;

/** A ring change with the ring it produced (for replaying it under another scheme). */
export interface ChangeRecord extends ChangeStat {
  readonly ring: readonly number[];
}

export interface Router {
  readonly id: 0;
  readonly cfg: HashringConfig;
  /** status[id]: Status (Absent: not a member — never added, or removed). */
  status: Uint8Array;
  /** The detector's reference time: the last counted heartbeat, or when the member (re)joined. */
  since: Float64Array;
  /** When the last counted heartbeat arrived (-1: none since it joined). */
  lastAt: Float64Array;
  /** The newest counted heartbeat's (incarnation, seq). */
  inc: Int32Array;
  seq: Int32Array;
  /** When the member is declared down if nothing arrives (Infinity unless in the ring). */
  deadline: Float64Array;
  windows: Windows;
  /** Members in the ring, ascending. Replaced whole on a change, never mutated (snapshots share it). */
  ring: readonly number[];
  /** Members (in the ring or declared down), ascending. Replaced whole, never mutated. */
  members: readonly number[];
  version: number;
  /** Append-only (snapshots share it as (array, length)). */
  changes: ChangeRecord[];
}

const SLOTS = HASHRING_CAPACITY + 1;

export function createRouter(nodes: number, cfg: HashringConfig): Router {
  const status = new Uint8Array(SLOTS);
  const members: number[] = [];
  for (let id = 1; id <= nodes; id++) {
    status[id] = Status.InRing;
    members.push(id);
  }
  return {
    id: 0,
    cfg,
    status,
    since: new Float64Array(SLOTS),
    lastAt: new Float64Array(SLOTS).fill(-1),
    inc: new Int32Array(SLOTS),
    seq: new Int32Array(SLOTS),
    deadline: new Float64Array(SLOTS).fill(Infinity),
    windows: createWindows(SLOTS, cfg.phiWindow),
    ring: members,
    members,
    version: 0,
    changes: [],
  };
}

// ---- placements, memoized by their inputs (pure: same inputs, same placement) ----

const LRU_SIZE = 8;
const placements = new Map<string, Placement>();

export function placementInput(cfg: HashringConfig, ring: readonly number[], scheme: Scheme = cfg.scheme): PlacementInput {
  return {
    scheme,
    members: ring,
    vnodes: cfg.vnodes,
    replicas: cfg.replicas,
    loadFactor: cfg.loadFactor,
    keys: cfg.keys,
    bugs: { moduloHashing: cfg.bugs.includes('moduloHashing'), noDistinctReplicas: cfg.bugs.includes('noDistinctReplicas') },
  };
}

/** The placement of cfg's keys on `ring` (a small LRU: checkers, queries and the CLI reuse it). Do not mutate it. */
export function placementOf(cfg: HashringConfig, ring: readonly number[], scheme: Scheme = cfg.scheme): Placement {
  const input = placementInput(cfg, ring, scheme);
  const key = `${scheme}|${ring.join(',')}|${input.vnodes}|${input.replicas}|${input.loadFactor}|${input.keys}|${input.bugs?.moduloHashing ? 1 : 0}${input.bugs?.noDistinctReplicas ? 1 : 0}`;
  let p = placements.get(key);
  if (p !== undefined) {
    placements.delete(key);
  } else {
    p = place(input);
    if (placements.size >= LRU_SIZE) placements.delete(placements.keys().next().value as string);
  }
  placements.set(key, p);
  return p;
}

/** Node ids as keys, without 0 (no owner: the keys of an empty ring). */
function nodeCounts(r: Record<number, number>): Record<number, number> {
  const out: Record<number, number> = {};
  for (const [id, n] of Object.entries(r)) if (id !== '0') out[Number(id)] = n;
  return out;
}

/** What one ring change moved, under `scheme`. */
export function changeStats(cfg: HashringConfig, before: readonly number[], after: readonly number[], scheme: Scheme = cfg.scheme) {
  const d = diff(placementOf(cfg, before, scheme), placementOf(cfg, after, scheme));
  return { moved: d.moved, ideal: idealMoved(cfg.keys, before.length, after.length), from: nodeCounts(d.from), to: nodeCounts(d.to), movedByRank: d.movedByRank };
}

// ---- the detector's bookkeeping ----

function withId(list: readonly number[], id: number): number[] {
  return [...list, id].sort((a, b) => a - b);
}

function withoutId(list: readonly number[], id: number): number[] {
  return list.filter((x) => x !== id);
}

/** The member (re)joins the detector at `now`: a fresh window and a deadline from now. */
function track(r: Router, id: number, now: number): void {
  seedWindow(r.windows, id, r.cfg.heartbeatMs);
  r.since[id] = now;
  r.deadline[id] = now + silenceAllowed(r.windows, id, r.cfg);
}

/** Arm the detector timer at the earliest deadline over the ring (or clear it). */
function arm(r: Router, ctx: NodeCtx<HashringMsg>): void {
  let t = Infinity;
  for (const id of r.ring) if (r.deadline[id] < t) t = r.deadline[id];
  if (t === Infinity) ctx.clearTimer(HashringTimer.Detector);
  else ctx.setTimer(HashringTimer.Detector, t - ctx.now);
}

function changeRing(r: Router, ctx: NodeCtx<HashringMsg>, action: number, node: number, ring: readonly number[]): void {
  const s = changeStats(r.cfg, r.ring, ring);
  r.version++;
  r.ring = ring;
  r.changes.push({ time: ctx.now, action, node, version: r.version, ...s, ring });
  emit(ctx, HashringNotes.RingChanged, { action, node, moved: s.moved, ideal: s.ideal });
}

// ---- inputs ----

export function startRouter(r: Router, ctx: NodeCtx<HashringMsg>): void {
  for (const id of r.ring) track(r, id, ctx.now);
  arm(r, ctx);
}

export function routerReceive(r: Router, msg: HashringMsg, from: number, ctx: NodeCtx<HashringMsg>): void {
  if (msg.kind !== 'heartbeat') return;
  const st = r.status[from];
  if (st === Status.Absent) {
    emit(ctx, HashringNotes.HeartbeatIgnored, { node: from });
    return;
  }
  const lastInc = r.inc[from];
  const lastSeq = r.seq[from];
  if (msg.incarnation < lastInc || (msg.incarnation === lastInc && msg.seq <= lastSeq)) {
    emit(ctx, HashringNotes.HeartbeatStale, { node: from, seq: msg.seq, lastIncarnation: lastInc, lastSeq });
    return;
  }
  const now = ctx.now;
  const restarted = lastInc !== 0 && msg.incarnation !== lastInc;
  const interval = r.lastAt[from] >= 0 && !restarted ? now - r.lastAt[from] : -1;
  emit(ctx, HashringNotes.HeartbeatArrived, { node: from, seq: msg.seq, intervalMs: interval });
  r.inc[from] = msg.incarnation;
  r.seq[from] = msg.seq;
  if (st === Status.Down) {
    emit(ctx, HashringNotes.Rejoined, { node: from, silentMs: now - r.since[from] });
    r.status[from] = Status.InRing;
    track(r, from, now);
    r.lastAt[from] = now;
    changeRing(r, ctx, ChangeAction.Rejoin, from, withId(r.ring, from));
  } else {
    // A restart the detector had not noticed: the silence while down was no heartbeat interval.
    if (restarted) seedWindow(r.windows, from, r.cfg.heartbeatMs);
    else if (interval >= 0) pushInterval(r.windows, from, interval);
    r.lastAt[from] = now;
    r.since[from] = now;
    r.deadline[from] = now + silenceAllowed(r.windows, from, r.cfg);
  }
  arm(r, ctx);
}

export function routerTimer(r: Router, slot: number, ctx: NodeCtx<HashringMsg>): void {
  if (slot !== HashringTimer.Detector) return;
  const now = ctx.now;
  const cfg = r.cfg;
  for (const id of r.ring.slice()) {
    if (r.deadline[id] > now) continue;
    const silentMs = now - r.since[id];
    if (cfg.detector === 'timeout') {
      emit(ctx, HashringNotes.DeclaredDownTimeout, { node: id, silentMs, timeoutMs: cfg.timeoutMs });
    } else {
      const p = phiOf(r.windows, id, silentMs, cfg);
      emit(ctx, HashringNotes.DeclaredDownPhi, { node: id, silentMs, phiMilli: Math.min(Math.round(p * 1000), 1e15), thresholdMilli: Math.round(cfg.phiThreshold * 1000) });
    }
    r.status[id] = Status.Down;
    r.deadline[id] = Infinity;
    changeRing(r, ctx, ChangeAction.Down, id, withoutId(r.ring, id));
  }
  arm(r, ctx);
}

/** The operator added (joined) or removed a member. */
export function routerMemberChanged(r: Router, id: number, joined: boolean, ctx: NodeCtx<HashringMsg>): void {
  if (joined) {
    if (r.status[id] !== Status.Absent) return;
    emit(ctx, HashringNotes.Added, { node: id });
    r.status[id] = Status.InRing;
    r.members = withId(r.members, id);
    r.lastAt[id] = -1;
    r.inc[id] = 0;
    r.seq[id] = 0;
    track(r, id, ctx.now);
    changeRing(r, ctx, ChangeAction.Add, id, withId(r.ring, id));
  } else {
    const st = r.status[id];
    if (st === Status.Absent) return;
    emit(ctx, HashringNotes.Removed, { node: id });
    r.status[id] = Status.Absent;
    r.members = withoutId(r.members, id);
    r.deadline[id] = Infinity;
    // A member already declared down is out of the ring: removing it changes no key.
    if (st === Status.InRing) changeRing(r, ctx, ChangeAction.Remove, id, withoutId(r.ring, id));
  }
  arm(r, ctx);
}

// ---- keyframes and views ----

export interface RouterSnap {
  readonly router: Router;
  readonly changes: number;
}

/** The router with every table copied (the changes list is append-only: shared, cut to length on restore). */
function copyRouter(r: Router): Router {
  return {
    ...r,
    status: r.status.slice(),
    since: r.since.slice(),
    lastAt: r.lastAt.slice(),
    inc: r.inc.slice(),
    seq: r.seq.slice(),
    deadline: r.deadline.slice(),
    windows: copyWindows(r.windows),
  };
}

export function snapshotRouter(r: Router): RouterSnap {
  return { router: copyRouter(r), changes: r.changes.length };
}

export function restoreRouter(s: RouterSnap): Router {
  return { ...copyRouter(s.router), changes: s.router.changes.slice(0, s.changes) };
}

export function suspicionOf(r: Router, id: number): SuspicionView {
  const s = windowStats(r.windows, id);
  return {
    id,
    lastHeartbeatAt: r.lastAt[id],
    samples: s.samples,
    meanIntervalMs: s.mean,
    stdDevMs: s.std,
    deadlineAt: r.status[id] === Status.InRing ? r.deadline[id] : Infinity,
    declaredDown: r.status[id] === Status.Down,
    incarnation: r.inc[id],
    lastSeq: r.seq[id],
  };
}

export function routerView(r: Router): HashringHubView {
  return {
    ring: r.ring.slice(),
    members: r.members.slice(),
    suspicion: r.members.map((id) => suspicionOf(r, id)),
    version: r.version,
    changes: r.changes.map((c) => ({ time: c.time, action: c.action, node: c.node, version: c.version })),
  };
}
