/**
 * The ring's invariants, checked after every event (cheap unless the router's ring version
 * changed, when the placements before and after come from the router's memo):
 *
 * - Replica Count: every key has min(R, ring size) distinct owners, every one in the ring
 *   (the bug noDistinctReplicas gives a key the same node twice).
 * - Minimal Movement: a ring change moves only what must move. With C the members in the
 *   ring both before and after (one event can declare several members down at once):
 *   · ring and rendezvous: a key's primary may change only from a member that left or onto
 *     one that arrived, and per replica rank too — each key's owners restricted to C before
 *     and after are one a prefix of the other (both are the one clockwise / by-weight order of
 *     the key, filtered), so nothing shuffles among the nodes that stayed;
 *   · jump: the same for primaries, but only when every member that left or arrived is above
 *     every member of C — jump's buckets are the members in id order, so that is "the last
 *     buckets changed". Removing a middle member renumbers the buckets after it and moves many
 *     keys: jump's real limit, shown by the view, not a violation. (Jump's replicas, buckets
 *     b+1, b+2…, follow the primary: a key that moves takes new neighbours, so ranks are not checked.)
 *   · bounded: no node above its cap ⌈c · keys / nodes⌉, ever (its movement can cascade: by design).
 *   The bug moduloHashing (hash mod N) moves almost every key on any change.
 * - Detection Bound (timeout detector): a member that crashed and stays down is declared down
 *   within timeoutMs + latencyMaxMs + 1 of its crash: its last heartbeat arrives at most one
 *   latency after the crash (two with duplication on: a copy of a heartbeat lost to a cut can
 *   still come one more latency later), and the router declares at lastArrival + timeoutMs.
 *   The phi detector is not checked against a fixed bound: its deadline is the mean plus a
 *   multiple of the deviation of the intervals it has observed, and a lossy link widens them
 *   without limit — adapting to that is what phi is for — so no bound follows from its
 *   parameters alone. What is checked for phi: a crashed member leaves the ring by the
 *   deadline its own window gives (last heartbeat + the first silence at which φ reaches
 *   the threshold, recomputed from the window), so a router that arms its timer late is caught.
 *
 * Violations carry `why` as data (a code and its arguments), for the UI to say in any language.
 */
import type { Monitor, Violation, WorldView } from '../protocol';
import type { Placement } from './placement';
import { capOf } from './queries';
import { silenceAllowed } from './detector';
import { placementOf, Status, type Router } from './router';
import { CHANGE_ACTION_NAMES, type HashringConfig } from './types';

export const INVARIANTS = ['Replica Count', 'Minimal Movement', 'Detection Bound'] as const;

/** Every `why.code` a violation can carry, by invariant (for a view's dictionary to cover them all). */
export const VIOLATION_CODES = {
  'Replica Count': ['extraReplica', 'missingReplica', 'ownerNotInRing', 'duplicateReplica'],
  'Minimal Movement': ['movedBetweenStayers', 'replicasShuffled', 'aboveCap'],
  'Detection Bound': ['notDeclaredInTime', 'pastPhiDeadline'],
} as const satisfies Record<(typeof INVARIANTS)[number], readonly string[]>;

type Found = Omit<Violation, 'time' | 'frame'>;

/** The CLI's `changes[]` entry (DESIGN.md, "Headless CLI"). */
export interface ChangeOutput {
  time: number;
  action: string;
  node: number;
  moved: number;
  from: Record<string, number>;
  to: Record<string, number>;
}

export function checkReplicas(cfg: HashringConfig, p: Placement, ring: readonly number[], inRing: Uint8Array): Found | null {
  const R = p.replicas;
  const want = Math.min(R, ring.length);
  const keys = cfg.keys;
  for (let i = 0; i < keys; i++) {
    const base = i * R;
    for (let r = 0; r < R; r++) {
      const o = p.owners[base + r];
      if (r >= want) {
        if (o !== 0) return replicaFound(i, `has a replica of rank ${r + 1} on n${o}, beyond min(R, ring size) = ${want}`, 'extraReplica', { key: i, rank: r + 1, node: o, want });
        continue;
      }
      if (o === 0 || inRing[o] !== 1) {
        return replicaFound(i, o === 0 ? `has no owner of rank ${r + 1} (wants ${want})` : `has its rank-${r + 1} replica on n${o}, which is not in the ring`, o === 0 ? 'missingReplica' : 'ownerNotInRing', { key: i, rank: r + 1, node: o, want });
      }
      for (let q = 0; q < r; q++) {
        if (p.owners[base + q] === o) return replicaFound(i, `has n${o} as replica ${q + 1} and ${r + 1}: ${want} distinct owners wanted`, 'duplicateReplica', { key: i, node: o, rank: r + 1, firstRank: q + 1, want });
      }
    }
  }
  return null;
}

function replicaFound(key: number, what: string, code: string, args: Record<string, number>): Found {
  return { invariant: 'Replica Count', detail: `key-${key} ${what}`, why: { code, args } };
}

function movementFound(detail: string, code: string, args: Record<string, number | string>): Found {
  return { invariant: 'Minimal Movement', detail, why: { code, args } };
}

/** Check a change from ring `before` (placement pb) to `after` (pa). */
export function checkMovement(cfg: HashringConfig, before: readonly number[], pb: Placement, after: readonly number[], pa: Placement): Found | null {
  const scheme = cfg.scheme;
  if (scheme === 'bounded') {
    const cap = capOf(cfg, after.length);
    for (const id of after) {
      if (pa.primaryCount[id] > cap) {
        return movementFound(`n${id} holds ${pa.primaryCount[id]} keys, above the cap ${cap} = ⌈${cfg.loadFactor} · ${cfg.keys} / ${after.length}⌉`, 'aboveCap', { node: id, keys: pa.primaryCount[id], cap });
      }
    }
    return null;
  }
  const inB = new Uint8Array(256);
  const inA = new Uint8Array(256);
  for (const id of before) inB[id] = 1;
  for (const id of after) inA[id] = 1;
  const common = before.filter((id) => inA[id] === 1);
  if (scheme === 'jump') {
    // Only a change of the last buckets is jump's promise.
    const changed = [...before.filter((id) => inA[id] !== 1), ...after.filter((id) => inB[id] !== 1)];
    const maxCommon = common.length > 0 ? common[common.length - 1] : 0;
    if (changed.some((id) => id < maxCommon)) return null;
  }
  const R = pb.replicas;
  const keys = cfg.keys;
  const leftOrArrived = (b: number, a: number) => inA[b] !== 1 || inB[a] !== 1;
  const listB: number[] = [];
  const listA: number[] = [];
  for (let i = 0; i < keys; i++) {
    const b0 = pb.owners[i * R];
    const a0 = pa.owners[i * R];
    if (b0 !== a0 && b0 !== 0 && a0 !== 0 && !leftOrArrived(b0, a0)) {
      return movementFound(`key-${i} moved from n${b0} to n${a0}, both in the ring before and after the change`, 'movedBetweenStayers', { key: i, from: b0, to: a0 });
    }
    if (scheme === 'jump') continue;
    listB.length = 0;
    listA.length = 0;
    for (let r = 0; r < R; r++) {
      const b = pb.owners[i * R + r];
      const a = pa.owners[i * R + r];
      if (b !== 0 && inA[b] === 1) listB.push(b);
      if (a !== 0 && inB[a] === 1) listA.push(a);
    }
    const n = Math.min(listB.length, listA.length);
    for (let r = 0; r < n; r++) {
      if (listB[r] !== listA[r]) {
        return movementFound(
          `key-${i}'s replicas among the nodes that stayed changed order: [${listB.map((x) => 'n' + x).join(', ')}] before, [${listA.map((x) => 'n' + x).join(', ')}] after`,
          'replicasShuffled',
          { key: i, rank: r + 1, before: listB.join(','), after: listA.join(',') },
        );
      }
    }
  }
  return null;
}

export function createHashringMonitor(cfg: HashringConfig, _nodes: number): Monitor<unknown> {
  let world: WorldView<unknown> | null = null;
  let version = -1;
  let ring: readonly number[] = [];
  /** When each member crashed (while it stays down and a member), else -1. */
  const crashedAt = new Float64Array(256).fill(-1);
  const wasAlive = new Uint8Array(256);
  const boundMs = cfg.timeoutMs + cfg.latencyMaxMs * ((cfg.duplicateRate ?? 0) > 0 ? 2 : 1) + 1;
  const inRing = new Uint8Array(256);

  function replicasOf(ring: readonly number[], p: Placement): Found | null {
    inRing.fill(0);
    for (const id of ring) inRing[id] = 1;
    return checkReplicas(cfg, p, ring, inRing);
  }

  /** The ring the run starts with: its replicas, and bounded's cap (which holds from the start too). */
  function checkFirst(first: readonly number[]): Found | null {
    const p = placementOf(cfg, first);
    return replicasOf(first, p) ?? (cfg.scheme === 'bounded' ? checkMovement(cfg, first, p, first, p) : null);
  }

  function checkRing(r: Router): Found | null {
    const pa = placementOf(cfg, r.ring);
    return replicasOf(r.ring, pa) ?? checkMovement(cfg, ring, placementOf(cfg, ring), r.ring, pa);
  }

  function checkDetection(w: WorldView<unknown>, r: Router): Found | null {
    const n = w.nodes.length;
    for (let id = 1; id < n; id++) {
      const member = w.member === undefined ? 1 : w.member[id];
      const alive = w.alive[id] ? 1 : 0;
      if (member !== 1 || alive === 1) crashedAt[id] = -1;
      else if (wasAlive[id] === 1) crashedAt[id] = w.now;
      wasAlive[id] = alive;
      if (crashedAt[id] < 0 || r.status[id] !== Status.InRing) continue;
      if (cfg.detector === 'phi') {
        // No fixed bound, but the router must keep its own promise: declared by the deadline
        // its window gives (recomputed here from the window, not read from the router's table).
        const due = r.since[id] + silenceAllowed(r.windows, id, cfg);
        if (w.now > due) {
          return {
            invariant: 'Detection Bound',
            detail: `n${id} crashed at ${crashedAt[id]} ms and is still in the ring at ${w.now} ms, past its phi deadline ${due} ms`,
            why: { code: 'pastPhiDeadline', args: { node: id, crashedAt: crashedAt[id], now: w.now, deadline: due } },
          };
        }
        continue;
      }
      if (w.now > crashedAt[id] + boundMs) {
        return {
          invariant: 'Detection Bound',
          detail: `n${id} crashed at ${crashedAt[id]} ms and is still not declared down at ${w.now} ms (bound: timeoutMs ${cfg.timeoutMs} + latency ${boundMs - cfg.timeoutMs - 1} + 1)`,
          why: { code: 'notDeclaredInTime', args: { node: id, crashedAt: crashedAt[id], now: w.now, boundMs } },
        };
      }
    }
    return null;
  }

  let initialChecked = false;
  return {
    beforeEvent(w) {
      if (world !== null) return;
      // The first event: the ring and liveness as the run starts.
      world = w;
      const r = w.nodes[0] as Router;
      version = r.version;
      ring = r.ring;
      for (let id = 1; id < w.nodes.length; id++) wasAlive[id] = w.alive[id] ? 1 : 0;
    },
    afterEvent(w) {
      world = w;
      const r = w.nodes[0] as Router;
      if (!initialChecked) {
        initialChecked = true;
        const f = checkFirst(ring);
        if (f !== null) return f;
      }
      if (r.version !== version) {
        const f = checkRing(r);
        version = r.version;
        ring = r.ring;
        if (f !== null) return f;
      }
      return checkDetection(w, r);
    },
    report() {
      const r = world === null ? null : (world.nodes[0] as Router);
      const changes: ChangeOutput[] = (r?.changes ?? []).map((c) => ({ time: c.time, action: CHANGE_ACTION_NAMES[c.action], node: c.node, moved: c.moved, from: c.from, to: c.to }));
      return { changes };
    },
  };
}
