/**
 * The invariant monitor on hand-made states: each invariant fires on a violating state
 * and stays silent on a valid one. Nodes are plain RaftNode objects changed by hand, the
 * way an event would change them (push, or replace the array and set rewrittenFrom).
 */
import { describe, expect, it } from 'vitest';
import type { Monitor, WorldView } from '../../../src/core/protocol';
import { createRaftMonitor } from '../../../src/core/raft/checkers';
import { parseConfig } from '../../../src/core/raft/config';
import { SENTINEL, truncateFrom } from '../../../src/core/raft/log';
import { createRaftNode } from '../../../src/core/raft/node';
import type { LogEntry, RaftNode } from '../../../src/core/raft/types';

const cfg = parseConfig(undefined, 3);
const E = (term: number, value = `t${term}`): LogEntry => ({ term, value });

class World {
  nodes: RaftNode[] = [undefined as unknown as RaftNode];
  alive = [false];
  now = 0;
  frame = 0;
  monitor: Monitor<RaftNode>;
  constructor(size: number, logs: LogEntry[][] = []) {
    for (let id = 1; id <= size; id++) {
      const n = createRaftNode(id, size, cfg);
      for (const e of logs[id - 1] ?? []) n.log.push(e);
      n.lenBefore = n.log.length;
      this.nodes.push(n);
      this.alive.push(true);
    }
    this.monitor = createRaftMonitor(cfg, size);
    expect(this.event(0, () => {})).toBeNull(); // the monitor takes in the initial state
  }
  view(): WorldView<RaftNode> {
    return { now: this.now, frame: this.frame, nodes: this.nodes, alive: this.alive };
  }
  /** One event at node `id`: beforeEvent, the change, afterEvent. */
  event(id: number, change: (n: RaftNode) => void) {
    this.frame++;
    this.now += 10;
    this.monitor.beforeEvent(this.view(), id);
    change(this.nodes[id]);
    return this.monitor.afterEvent(this.view(), id);
  }
  lead(id: number, term: number) {
    return this.event(id, (n) => {
      n.role = 'leader';
      n.term = term;
    });
  }
  follow(id: number, term: number) {
    return this.event(id, (n) => {
      n.role = 'follower';
      n.term = term;
    });
  }
}

describe('Election Safety', () => {
  it('fires when a second node becomes leader of the same term', () => {
    const w = new World(3);
    expect(w.lead(1, 2)).toBeNull();
    expect(w.lead(2, 2)).toMatchObject({ invariant: 'Election Safety', detail: 'n2 became leader of term 2, which n1 already leads' });
  });

  it('is silent for leaders of different terms, and for one leader seen many times', () => {
    const w = new World(3);
    expect(w.lead(1, 2)).toBeNull();
    expect(w.event(1, () => {})).toBeNull();
    expect(w.follow(1, 3)).toBeNull();
    expect(w.lead(2, 3)).toBeNull();
    expect(w.follow(2, 4)).toBeNull();
    expect(w.lead(1, 5)).toBeNull();
    expect(w.monitor.report().leaders).toEqual([
      { time: 20, id: 1, term: 2 },
      { time: 50, id: 2, term: 3 },
      { time: 70, id: 1, term: 5 },
    ]);
  });
});

describe('Leader Append-Only', () => {
  it('fires when a leader deletes or overwrites entries in its own term', () => {
    const w = new World(3, [[E(1), E(1)]]);
    w.lead(1, 2);
    expect(w.event(1, (n) => truncateFrom(n, 2))).toMatchObject({
      invariant: 'Leader Append-Only',
      detail: 'n1, leader of term 2, rewrote its log from index 2',
    });
  });

  it('is silent when a leader appends, or a follower (or a new term) truncates', () => {
    const w = new World(3, [[E(1), E(1)]]);
    w.lead(1, 2);
    expect(w.event(1, (n) => n.log.push(E(2)))).toBeNull();
    expect(w.event(1, (n) => {
      n.role = 'follower';
      n.term = 3;
      truncateFrom(n, 3);
    })).toBeNull();
  });
});

describe('Log Matching', () => {
  it('fires when two nodes hold different entries at the same index and term', () => {
    const w = new World(3, [[E(1, 'a')]]);
    expect(w.event(2, (n) => n.log.push(E(1, 'b')))).toMatchObject({
      invariant: 'Log Matching',
      detail: 'n2 holds at index 1 the entry (term 1, "b"), but n1 held a different entry (term 1, "a") there with the same term',
    });
  });

  it('fires when the same entry follows different histories', () => {
    const [a, shared] = [E(1), E(3, 'x')];
    const w = new World(3, [[a, E(3), shared]]);
    expect(w.event(2, (n) => n.log.push(a, E(2), shared))).toMatchObject({
      invariant: 'Log Matching',
      detail: expect.stringMatching(/n2 holds entry 3 of term 3 after an entry of term 2, but on n1 it follows one of term 3/),
    });
  });

  it('re-checks the entries after a rewrite: a kept entry whose predecessor changed', () => {
    const [a, b, c] = [E(1), E(2), E(2)];
    const w = new World(3, [[a, b, c], [a, b, c]]);
    // n2 rewrites index 2 with an entry of term 1 and puts c back after it.
    expect(w.event(2, (n) => {
      truncateFrom(n, 2);
      n.log.push(E(1, 'other'), c);
    })).toMatchObject({ invariant: 'Log Matching', detail: expect.stringMatching(/entry 3 of term 2 after an entry of term 1/) });
  });

  it('a copy with the same term and value is the same entry (replays create fresh objects)', () => {
    const w = new World(3, [[E(1, 'a'), E(2, 'b')]]);
    expect(w.event(2, (n) => n.log.push(E(1, 'a'), E(2, 'b')))).toBeNull();
    expect(w.event(1, (n) => (n.commitIndex = 2))).toBeNull();
    expect(w.event(2, (n) => (n.commitIndex = 2))).toBeNull();
    expect(w.lead(2, 3)).toBeNull();
  });

  it('is silent for shared entries, and for different entries of different terms at one index', () => {
    const [a, b, c] = [E(1), E(1), E(2)];
    const w = new World(3, [[a, b, c]]);
    expect(w.event(2, (n) => n.log.push(a, b))).toBeNull();
    expect(w.event(3, (n) => n.log.push(a, b, E(3), E(3)))).toBeNull();
    expect(w.event(2, (n) => n.log.push(c))).toBeNull();
    // n3 replaces its divergent tail with n1's entries.
    expect(w.event(3, (n) => {
      truncateFrom(n, 3);
      n.log.push(c);
    })).toBeNull();
  });
});

describe('Leader Completeness', () => {
  it('fires when a node becomes leader without a committed entry', () => {
    const [a, b] = [E(1, 'a'), E(1, 'b')];
    const w = new World(3, [[a, b], [a, b], [a]]);
    w.event(1, (n) => (n.commitIndex = 2));
    expect(w.lead(3, 2)).toMatchObject({
      invariant: 'Leader Completeness',
      detail: 'n3 became leader of term 2 without committed entry 2 (term 1, "b")',
    });
  });

  it('is silent when the new leader holds every committed entry (and more)', () => {
    const [a, b] = [E(1, 'a'), E(1, 'b')];
    const w = new World(3, [[a, b], [a, b, E(1, 'c')], [a]]);
    w.event(1, (n) => (n.commitIndex = 2));
    expect(w.lead(2, 2)).toBeNull();
  });

  it('fires when a stale leader commits an entry after a newer leader was elected without it', () => {
    // n1 leads term 2 with x at index 2 on n1 and n2 (not yet committed); n3 is elected for
    // term 3 without it — legal, nothing was committed. Then n1, stale, commits x: the
    // leader of term 3 lacks a committed entry of term 2. The election-time check cannot
    // see it (nothing was committed at n3's election); the commit-time check does.
    const [a, x] = [E(1, 'a'), E(2, 'x')];
    const w = new World(3, [[a, x], [a, x], [a]]);
    expect(w.lead(1, 2)).toBeNull();
    expect(w.event(1, (n) => (n.commitIndex = 1))).toBeNull();
    expect(w.lead(3, 3)).toBeNull();
    expect(w.event(1, (n) => (n.commitIndex = 2))).toMatchObject({
      invariant: 'Leader Completeness',
      detail: 'n1 committed (term 2, "x") at index 2 in term 2, but n3, leader of the later term 3, does not hold it',
      why: { code: 'leaderLacksCommittedEntry', args: { node: 3, term: 3, index: 2, entryTerm: 2, value: 'x', committedBy: 1, committedInTerm: 2 } },
    });
  });

  it('a follower of the stale term committing it is caught too; a later-term leader that holds the entry is fine', () => {
    const [a, x] = [E(1, 'a'), E(2, 'x')];
    const caught = new World(3, [[a, x], [a, x], [a, E(3, 'y')]]);
    caught.follow(2, 2);
    caught.lead(3, 3);
    expect(caught.event(2, (n) => (n.commitIndex = 2))).toMatchObject({ invariant: 'Leader Completeness', why: { args: { node: 3, committedBy: 2 } } });
    const fine = new World(3, [[a, x], [a, x], [a, x, E(3, 'y')]]);
    fine.lead(1, 2);
    fine.lead(3, 3);
    expect(fine.event(1, (n) => (n.commitIndex = 2))).toBeNull();
    // A leader of the same or an older term is no later leader.
    const same = new World(3, [[a, x], [a, x], [a]]);
    same.lead(1, 2);
    same.follow(3, 2);
    expect(same.event(1, (n) => (n.commitIndex = 2))).toBeNull();
  });
});

describe('State Machine Safety', () => {
  it('fires when two nodes commit different entries at one index', () => {
    const w = new World(3, [[E(1, 'a')], [E(2, 'b')]]);
    expect(w.event(1, (n) => (n.commitIndex = 1))).toBeNull();
    expect(w.event(2, (n) => (n.commitIndex = 1))).toMatchObject({
      invariant: 'State Machine Safety',
      detail: 'n2 committed (term 2, "b") at index 1, where (term 1, "a") was already committed',
    });
  });

  it('fires when a node removes an entry it had committed', () => {
    const w = new World(3, [[E(1), E(1)]]);
    w.event(1, (n) => (n.commitIndex = 2));
    expect(w.event(1, (n) => {
      truncateFrom(n, 2);
      n.log.push(E(2));
    })).toMatchObject({
      invariant: 'State Machine Safety',
      detail: 'n1 removed entries from index 2 of its log, but had committed up to 2',
    });
  });

  it('is silent when nodes commit the same entries, at different paces, across a restart', () => {
    const [a, b] = [E(1), E(1)];
    const w = new World(3, [[a, b], [a, b], [a]]);
    expect(w.event(1, (n) => (n.commitIndex = 2))).toBeNull();
    expect(w.event(3, (n) => (n.commitIndex = 1))).toBeNull();
    expect(w.event(2, (n) => (n.commitIndex = 1))).toBeNull();
    expect(w.event(2, (n) => (n.commitIndex = 0))).toBeNull(); // crash: the commit index is volatile
    expect(w.event(2, (n) => (n.commitIndex = 2))).toBeNull();
    // A follower truncating above its commit index is fine.
    expect(w.event(3, (n) => {
      n.log.push(E(2));
      truncateFrom(n, 2);
    })).toBeNull();
    expect(w.monitor.report().committed).toEqual([
      { index: 1, term: 1, value: 't1' },
      { index: 2, term: 1, value: 't1' },
    ]);
  });
});

describe('the monitor itself', () => {
  it('resets rewrittenFrom and lenBefore after looking at a node', () => {
    const w = new World(3, [[E(1), E(1)]]);
    w.event(1, (n) => truncateFrom(n, 1));
    const n = w.nodes[1];
    expect(n.rewrittenFrom).toBe(Infinity);
    expect(n.lenBefore).toBe(n.log.length);
  });

  it('flags a violating initial state on its first look', () => {
    const nodes = [undefined as unknown as RaftNode, createRaftNode(1, 2, cfg), createRaftNode(2, 2, cfg)];
    nodes[1].log.push(E(1, 'a'));
    nodes[2].log.push(E(1, 'b'));
    const m = createRaftMonitor(cfg, 2);
    const world = { now: 0, frame: 1, nodes, alive: [false, true, true] };
    expect(m.afterEvent(world, 1)).toMatchObject({ invariant: 'Log Matching' });
  });

  it('costs O(what changed): 20 000 events on 20 000-entry logs stay fast', () => {
    const big: LogEntry[] = [];
    for (let i = 0; i < 20_000; i++) big.push(E(1, `v${i}`));
    const w = new World(3, [big, big, big]);
    w.event(1, (n) => (n.commitIndex = 20_000));
    const t0 = performance.now();
    let found = null;
    for (let i = 0; i < 20_000; i++) {
      const id = 1 + (i % 3);
      // n1 appends a new entry; n2 and n3 copy the next one they lack from n1.
      found ??= w.event(id, (n) => {
        const next = id === 1 ? E(1, `w${i}`) : w.nodes[1].log[n.log.length];
        if (next) n.log.push(next);
        n.commitIndex = Math.max(n.commitIndex, n.log.length - 2);
      });
    }
    expect(found).toBeNull();
    // A whole-log scan per event would be 4e8 steps; incremental checking is well under a second.
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(w.nodes[3].log[SENTINEL.term + 20_005]).toBe(w.nodes[1].log[20_005]);
  });
});
