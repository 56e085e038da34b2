/**
 * ZAB's safety properties (PROTOCOLS.md), checked after every event:
 * - Leader Uniqueness: at most one established leader per epoch;
 * - Total Order: every server's delivered (committed) sequence is a prefix of one total
 *   order by zxid with no gaps (a delivered transaction is never taken back either);
 * - Leader Completeness: a committed transaction is in every later established leader's
 *   history;
 * - Election Order: a server decides an election only for a vote at least as up to date as
 *   itself (FLE's order; the deliberate bug ignoreZxidInElection breaks it).
 *
 * A check costs O(what the event changed): the new deliveries of the node it touched; a
 * whole delivered prefix only when a TRUNC or SNAP replaced that node's history, and a
 * whole committed prefix only when a leader is established (both rare). Transactions are
 * the same when zxid and value agree (a replay from a keyframe makes fresh objects).
 *
 * What FIFO buys the checkers: nothing — they judge states, not message order, so on a
 * reordering network they still say whether safety held.
 */
import type { Monitor, Violation, WorldView } from '../protocol';
import type { ZabNode } from './state';
import { zxidHex, type Txn, type ZabConfig } from './types';

export const INVARIANTS = ['Leader Uniqueness', 'Total Order', 'Leader Completeness', 'Election Order'] as const;

type Found = Omit<Violation, 'time' | 'frame'>;

function same(a: Txn, b: Txn): boolean {
  return a === b || (a.zxid === b.zxid && a.value === b.value);
}

interface Seen {
  alive: boolean;
  looking: boolean;
  established: boolean;
  epoch: number;
  delivered: number;
  rewrites: number;
}

export function createZabMonitor(_cfg: ZabConfig, nodes: number): Monitor<ZabNode> {
  let started = false;
  const seen: Seen[] = [];
  const leaderOfEpoch = new Map<number, number>();
  const leaders: { time: number; id: number; epoch: number }[] = [];
  /** The one total order: committed[i] is the i-th transaction anyone delivered. */
  const committed: Txn[] = [];
  const name = (id: number) => `n${id}`;
  const show = (t: Txn) => `${zxidHex(t.zxid)} ${JSON.stringify(t.value)}`;

  /** history[from .. to) of `node` are newly delivered (or re-checked): each must be the total order's. */
  function checkDelivered(node: ZabNode, from: number, to: number): Found | null {
    const h = node.history;
    for (let i = from; i < to; i++) {
      const t = h[i];
      if (i < committed.length) {
        if (!same(committed[i], t)) {
          const c = committed[i];
          return {
            invariant: 'Total Order',
            detail: `${name(node.id)} delivered ${show(t)} as transaction ${i + 1}, where ${show(c)} was delivered before`,
            why: { code: 'deliveredDifferentTxn', args: { node: node.id, position: i + 1, zxid: zxidHex(t.zxid), value: t.value, committedZxid: zxidHex(c.zxid), committedValue: c.value } },
          };
        }
      } else {
        const prev = i > 0 ? committed[i - 1] : null;
        if (prev !== null && t.zxid <= prev.zxid) {
          return {
            invariant: 'Total Order',
            detail: `${name(node.id)} delivered ${show(t)} after ${show(prev)}: zxids must increase`,
            why: { code: 'deliveredOutOfOrder', args: { node: node.id, position: i + 1, zxid: zxidHex(t.zxid), previous: zxidHex(prev.zxid) } },
          };
        }
        committed.push(t);
      }
    }
    return null;
  }

  function onEstablished(node: ZabNode, time: number): Found | null {
    const epoch = node.currentEpoch;
    leaders.push({ time, id: node.id, epoch });
    const other = leaderOfEpoch.get(epoch);
    if (other !== undefined && other !== node.id) {
      return {
        invariant: 'Leader Uniqueness',
        detail: `${name(node.id)} established itself as leader of epoch ${epoch}, which ${name(other)} already leads`,
        why: { code: 'secondLeaderOfEpoch', args: { node: node.id, epoch, other } },
      };
    }
    leaderOfEpoch.set(epoch, node.id);
    const h = node.history;
    for (let i = 0; i < committed.length; i++) {
      if (i >= h.length || !same(h[i], committed[i])) {
        const c = committed[i];
        return {
          invariant: 'Leader Completeness',
          detail: `${name(node.id)} became leader of epoch ${epoch} without committed transaction ${show(c)}`,
          why: { code: 'leaderLacksCommittedTxn', args: { node: node.id, epoch, zxid: zxidHex(c.zxid), value: c.value } },
        };
      }
    }
    return null;
  }

  /**
   * Fast Leader Election's promise, checked where it is sound: a server that decides by a
   * quorum of votes (not by joining an established ensemble) holds a vote at least as up
   * to date as itself — votes only change to better ones (epoch, then zxid), starting from
   * our own. An election that ignores zxids breaks it. (Whether the winner holds every
   * committed transaction is judged when it is established: FLE may pick a stale leader
   * from votes that moved on, and discovery's "follower ahead" refusal then stops it.)
   */
  function onDecided(node: ZabNode): Found | null {
    const v = node.vote;
    const last = node.history.length === 0 ? 0 : node.history[node.history.length - 1].zxid;
    if (v.epoch > node.currentEpoch || (v.epoch === node.currentEpoch && v.zxid >= last)) return null;
    return {
      invariant: 'Election Order',
      detail: `${name(node.id)} decided for n${v.leader} (epoch ${v.epoch}, ${zxidHex(v.zxid)}), a vote less up to date than its own (epoch ${node.currentEpoch}, ${zxidHex(last)})`,
      why: { code: 'decidedForStalerVote', args: { node: node.id, leader: v.leader, epoch: v.epoch, zxid: zxidHex(v.zxid), ownEpoch: node.currentEpoch, ownZxid: zxidHex(last) } },
    };
  }

  function check(world: WorldView<ZabNode>, id: number): Found | null {
    const node = world.nodes[id];
    const s = seen[id];
    const alive = world.alive[id];
    let found: Found | null = null;
    if (!alive || !s.alive) {
      // A crash forgets what was delivered; a restart starts again from nothing delivered.
      s.delivered = 0;
    } else {
      // Completeness first: a leader lacking a committed transaction also delivers a wrong one.
      if (node.state !== 'looking' && s.looking && !node.joined) found = onDecided(node);
      const est = node.state === 'leading' && node.established;
      if (!found && est && (!s.established || s.epoch !== node.currentEpoch)) found = onEstablished(node, world.now);
      if (found) {
        // reported below
      } else if (node.committed < s.delivered) {
        found = {
          invariant: 'Total Order',
          detail: `${name(id)} took back delivered transactions: it had delivered ${s.delivered}, now ${node.committed}`,
          why: { code: 'deliveredTakenBack', args: { node: id, before: s.delivered, after: node.committed } },
        };
      } else if (node.rewrites !== s.rewrites && s.delivered > 0) {
        found = checkDelivered(node, 0, s.delivered);
      }
      if (!found && node.committed > s.delivered) found = checkDelivered(node, s.delivered, node.committed);
    }
    remember(world, id);
    return found;
  }

  function remember(world: WorldView<ZabNode>, id: number): void {
    const node = world.nodes[id];
    const s = seen[id];
    s.alive = world.alive[id];
    s.looking = s.alive && node.state === 'looking';
    s.established = s.alive && node.state === 'leading' && node.established;
    s.epoch = node.currentEpoch;
    s.delivered = s.alive ? node.committed : 0;
    s.rewrites = node.rewrites;
  }

  function init(world: WorldView<ZabNode>): Found | null {
    started = true;
    let found: Found | null = null;
    for (let id = 1; id <= nodes; id++) {
      seen[id] = { alive: world.alive[id], looking: false, established: false, epoch: 0, delivered: 0, rewrites: world.nodes[id].rewrites };
    }
    for (let id = 1; id <= nodes; id++) found ??= check(world, id);
    return found;
  }

  let armed = -1;
  let atStart: Found | null = null;
  return {
    beforeEvent(world: WorldView<ZabNode>, nodeId: number): void {
      armed = nodeId;
      if (!started) atStart = init(world);
    },
    afterEvent(world: WorldView<ZabNode>, nodeId: number): Found | null {
      if (!started) return init(world);
      // A node changed outside a checked event (a seek's replay) is taken as it is.
      if (nodeId !== armed && nodeId >= 1 && nodeId <= nodes) {
        remember(world, nodeId);
        armed = -1;
        return null;
      }
      armed = -1;
      const found = nodeId >= 1 && nodeId <= nodes ? check(world, nodeId) : null;
      if (atStart) {
        const f = atStart;
        atStart = null;
        return f;
      }
      return found;
    },
    report(): Record<string, unknown> {
      return { leaders: leaders.slice(), committed: committed.map((t) => ({ zxid: zxidHex(t.zxid), value: t.value })) };
    },
  };
}
