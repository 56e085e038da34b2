/**
 * Raft's safety invariants (Figure 3 of the paper), checked after every event.
 *
 * Each check costs O(entries the event changed), never O(whole logs): the monitor only
 * looks at the node the event touched, and only at the part of its log that moved
 * (node.rewrittenFrom and node.lenBefore say which). A leader creates each entry once and
 * it travels by reference in messages, so the same entry is usually the same object on
 * every node (initial logs are interned likewise). But the simulator replays frames from
 * keyframes without the monitor, and a replaying leader creates fresh objects for the
 * same entries; so two entries are the same when they are the same object or have the
 * same term and value — what a state machine applies is the value.
 *
 * Monitor state is not snapshotted: the simulator rebuilds it by replaying.
 */
import type { Monitor, Violation, WorldView } from '../protocol';
import type { LogEntry, RaftConfig, RaftNode } from './types';

export const INVARIANTS = [
  'Election Safety',
  'Leader Append-Only',
  'Log Matching',
  'Leader Completeness',
  'State Machine Safety',
] as const;

type Found = Omit<Violation, 'time' | 'frame'>;

function sameEntry(a: LogEntry | undefined, b: LogEntry | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.term === b.term && a.value === b.value);
}

/** Canonical entries seen at one index (one per term), with their predecessor's term. */
interface Slot {
  entries: LogEntry[];
  prevTerms: number[];
  /** The node it was first seen on, for the explanation. */
  owners: number[];
}

interface Seen {
  leader: boolean;
  term: number;
  /** Commit index already checked (and recorded in the global sequence). */
  commit: number;
}

export function createRaftMonitor(_cfg: RaftConfig, nodes: number): Monitor<RaftNode> {
  let started = false;
  const seen: Seen[] = [];
  /** term -> the node that became leader in it. */
  const leaderOfTerm = new Map<number, number>();
  const leaders: { time: number; id: number; term: number }[] = [];
  /** committed[i] is the entry globally committed at index i (index 0 unused). */
  const committed: LogEntry[] = [];
  /** slots[i]: the entries ever written at index i, by term. */
  const slots: Slot[] = [];

  const name = (id: number) => `n${id}`;
  const show = (e: LogEntry) => `(term ${e.term}, ${JSON.stringify(e.value)})`;

  /** Log Matching for the entry at `index` of `log`: one entry per (index, term), one history. */
  function checkEntry(id: number, log: readonly LogEntry[], index: number): Found | null {
    const e = log[index];
    const prevTerm = log[index - 1].term;
    let slot = slots[index];
    if (!slot) slot = slots[index] = { entries: [], prevTerms: [], owners: [] };
    let k = 0;
    while (k < slot.entries.length && slot.entries[k].term !== e.term) k++;
    if (k === slot.entries.length) {
      // First sighting: this is where its leader put it, after an entry of prevTerm.
      slot.entries.push(e);
      slot.prevTerms.push(prevTerm);
      slot.owners.push(id);
      return null;
    }
    if (!sameEntry(slot.entries[k], e)) {
      const other = slot.entries[k];
      return {
        invariant: 'Log Matching',
        detail: `${name(id)} holds at index ${index} the entry ${show(e)}, but ${name(slot.owners[k])} held a different entry ${show(other)} there with the same term`,
        why: { code: 'sameIndexAndTermDifferentEntry', args: { node: id, index, term: e.term, value: e.value, other: slot.owners[k], otherValue: other.value } },
      };
    }
    if (slot.prevTerms[k] !== prevTerm) {
      return {
        invariant: 'Log Matching',
        detail: `${name(id)} holds entry ${index} of term ${e.term} after an entry of term ${prevTerm}, but on ${name(slot.owners[k])} it follows one of term ${slot.prevTerms[k]}: same index and term, different history`,
        why: { code: 'sameIndexAndTermDifferentHistory', args: { node: id, index, term: e.term, prevTerm, other: slot.owners[k], otherPrevTerm: slot.prevTerms[k] } },
      };
    }
    return null;
  }

  /**
   * Leader Completeness when an entry commits (not only when a leader is elected): every
   * node leading a later term than the one `node` commits in must already hold the entry —
   * it never will otherwise, since a leader only appends entries of its own term. This is
   * what catches a stale leader's commit after a newer election. (Leaders of later terms
   * that no longer lead are not looked at: their logs as leaders are gone.)
   */
  function checkLeadersHold(all: readonly RaftNode[], node: RaftNode, index: number): Found | null {
    const e = node.log[index];
    for (let id = 1; id <= nodes; id++) {
      const l = all[id];
      if (l.role !== 'leader' || l.term <= node.term || sameEntry(l.log[index], e)) continue;
      return {
        invariant: 'Leader Completeness',
        detail: `${name(node.id)} committed ${show(e)} at index ${index} in term ${node.term}, but ${name(id)}, leader of the later term ${l.term}, does not hold it`,
        why: { code: 'leaderLacksCommittedEntry', args: { node: id, term: l.term, index, entryTerm: e.term, value: e.value, committedBy: node.id, committedInTerm: node.term } },
      };
    }
    return null;
  }

  /** State Machine Safety: indexes (from, to] of `node` are now committed there (and Leader Completeness for the newly committed). */
  function checkCommits(all: readonly RaftNode[], node: RaftNode, from: number, to: number): Found | null {
    let found: Found | null = null;
    for (let i = from + 1; i <= to; i++) {
      const e = node.log[i];
      if (i < committed.length) {
        if (!sameEntry(committed[i], e) && !found) {
          found = {
            invariant: 'State Machine Safety',
            detail: `${name(node.id)} committed ${show(e)} at index ${i}, where ${show(committed[i])} was already committed`,
            why: { code: 'committedDifferentEntry', args: { node: node.id, index: i, term: e.term, value: e.value, committedTerm: committed[i].term, committedValue: committed[i].value } },
          };
        }
      } else {
        // Commit indexes only ever cover a prefix, so the global sequence grows without gaps.
        committed[i] = e;
        found ??= checkLeadersHold(all, node, i);
      }
    }
    return found;
  }

  /** `node` has just become leader of its term. */
  function onNewLeader(node: RaftNode, time: number): Found | null {
    leaders.push({ time, id: node.id, term: node.term });
    let found: Found | null = null;
    const other = leaderOfTerm.get(node.term);
    if (other !== undefined && other !== node.id) {
      found = {
        invariant: 'Election Safety',
        detail: `${name(node.id)} became leader of term ${node.term}, which ${name(other)} already leads`,
        why: { code: 'secondLeaderOfTerm', args: { node: node.id, term: node.term, other } },
      };
    } else leaderOfTerm.set(node.term, node.id);
    // Leader Completeness. Log Matching is checked on every write, so holding the last
    // committed entry means holding every committed entry before it.
    const c = committed.length - 1;
    if (c > 0 && !sameEntry(node.log[c], committed[c]) && !found) {
      let i = 1;
      while (i <= c && sameEntry(node.log[i], committed[i])) i++;
      found = {
        invariant: 'Leader Completeness',
        detail: `${name(node.id)} became leader of term ${node.term} without committed entry ${i} ${show(committed[i])}`,
        why: { code: 'leaderLacksCommittedEntry', args: { node: node.id, term: node.term, index: i, entryTerm: committed[i].term, value: committed[i].value } },
      };
    }
    return found;
  }

  function remember(node: RaftNode): void {
    const s = seen[node.id];
    s.leader = node.role === 'leader';
    s.term = node.term;
    node.rewrittenFrom = Infinity;
    node.lenBefore = node.log.length;
  }

  /** First call: take in the whole world once (initial logs, any leader already there). */
  function init(world: WorldView<RaftNode>): Found | null {
    started = true;
    let found: Found | null = null;
    for (let id = 1; id <= nodes; id++) {
      const node = world.nodes[id];
      seen[id] = { leader: false, term: node.term, commit: 0 };
      for (let i = 1; i < node.log.length; i++) found ??= checkEntry(id, node.log, i);
    }
    for (let id = 1; id <= nodes; id++) {
      const node = world.nodes[id];
      found ??= checkCommits(world.nodes, node, 0, node.commitIndex);
      seen[id].commit = node.commitIndex;
    }
    for (let id = 1; id <= nodes; id++) {
      const node = world.nodes[id];
      if (node.role === 'leader') found ??= onNewLeader(node, world.now);
      remember(node);
    }
    return found;
  }

  function check(world: WorldView<RaftNode>, id: number): Found | null {
    const node = world.nodes[id];
    const s = seen[id];
    const log = node.log;
    let found: Found | null = null;

    // Election Safety and Leader Completeness, when it has just won.
    const isLeader = node.role === 'leader';
    if (isLeader && (!s.leader || s.term !== node.term)) found = onNewLeader(node, world.now);

    // Leader Append-Only: a leader that stayed leader of the same term only appended.
    const rewrote = node.rewrittenFrom !== Infinity || log.length < node.lenBefore;
    if (!found && rewrote && isLeader && s.leader && s.term === node.term) {
      found = {
        invariant: 'Leader Append-Only',
        detail: `${name(id)}, leader of term ${node.term}, rewrote its log from index ${Math.min(node.rewrittenFrom, log.length)}`,
        why: { code: 'leaderRewroteLog', args: { node: id, term: node.term, index: Math.min(node.rewrittenFrom, log.length) } },
      };
    }

    // State Machine Safety, part 1: nothing at or below the commit index may be removed.
    const firstChanged = Math.min(node.rewrittenFrom, node.lenBefore, log.length);
    if (!found && rewrote && firstChanged <= s.commit) {
      found = {
        invariant: 'State Machine Safety',
        detail: `${name(id)} removed entries from index ${firstChanged} of its log, but had committed up to ${s.commit}`,
        why: { code: 'removedCommittedEntries', args: { node: id, index: firstChanged, commit: s.commit } },
      };
    }

    // Log Matching on every entry written by this event.
    for (let i = Math.max(1, firstChanged); i < log.length; i++) {
      const f = checkEntry(id, log, i);
      if (f) {
        found ??= f;
        break;
      }
    }

    // State Machine Safety, part 2: newly committed entries agree with everyone's.
    // A restart forgets the commit index (it is volatile): check again from there.
    if (node.commitIndex < s.commit) s.commit = node.commitIndex;
    if (node.commitIndex > s.commit) {
      const f = checkCommits(world.nodes, node, s.commit, node.commitIndex);
      found ??= f;
      s.commit = node.commitIndex;
    }

    remember(node);
    return found;
  }

  /** A violation already present when the monitor first looked, reported with the next event. */
  let atStart: Found | null = null;
  /** The node beforeEvent prepared for the event in progress (-1: none). */
  let armed = -1;

  return {
    beforeEvent(world: WorldView<RaftNode>, nodeId: number): void {
      armed = nodeId;
      if (!started) atStart = init(world);
      // Whatever happened to the node outside checked events is not this event's doing.
      if (nodeId < 1 || nodeId > nodes) return;
      const node = world.nodes[nodeId];
      node.rewrittenFrom = Infinity;
      node.lenBefore = node.log.length;
    },
    afterEvent(world: WorldView<RaftNode>, nodeId: number): Found | null {
      // Without a beforeEvent, the first look covers whatever the first event did.
      if (!started) return init(world);
      // Judge only a node whose before-state we took: fields left by unchecked replay
      // (a seek) are not this event's doing.
      if (nodeId !== armed && nodeId >= 1 && nodeId <= nodes) {
        world.nodes[nodeId].rewrittenFrom = Infinity;
        world.nodes[nodeId].lenBefore = world.nodes[nodeId].log.length;
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
      const out: { index: number; term: number; value: string }[] = [];
      for (let i = 1; i < committed.length; i++) out.push({ index: i, term: committed[i].term, value: committed[i].value });
      return { leaders: leaders.slice(), committed: out };
    },
  };
}
