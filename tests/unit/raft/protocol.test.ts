/**
 * The ProtocolDef wiring: crash and restart, keyframe snapshots, and what the simulator,
 * the UI and the CLI read (look, kindCode, view, output, leaderOf, client messages, marks).
 */
import { describe, expect, it } from 'vitest';
import { raftProtocol } from '../../../src/core/raft/protocol';
import { LOG_WINDOW, MsgKind, Note, type RaftMsg, type RaftNode } from '../../../src/core/raft/types';
import { CLIENT, FakeCtx, Network, makeNode, step, terms } from './harness';
import { app, appOk, elect } from './helpers';
import { SimSession } from '../../../src/sim/session';

describe('crash and restart', () => {
  it('a crash keeps term, vote and log, and loses role, leader state and the (volatile) commit index', () => {
    const n = makeNode(1, 3, { initial: { term: 2, log: [1, 2] } });
    elect(n);
    step(n, appOk(3, 3), 2);
    step(n, { type: 'ClientRequest', clientId: CLIENT, requestId: 1, value: 'x' }, CLIENT);
    expect(n.commitIndex).toBe(3);
    const log = n.log;
    raftProtocol.crash(n);
    expect({ term: n.term, votedFor: n.votedFor }).toEqual({ term: 3, votedFor: 1 });
    expect(n.log).toBe(log);
    expect(terms(n)).toEqual([1, 2, 3, 3]);
    expect({ role: n.role, leader: n.leader, commitIndex: n.commitIndex, pending: n.pending.size }).toEqual({
      role: 'follower', leader: 0, commitIndex: 0, pending: 0,
    });
    expect([n.nextIndex, n.matchIndex, n.replicating]).toEqual([[], [], []]);

    const ctx = new FakeCtx(1, 5000);
    raftProtocol.start(n, ctx);
    expect(n.role).toBe('follower');
    expect(n.votedFor).toBe(1); // still cannot vote for anyone else in term 3
    expect(ctx.noteOf(Note.Restarted)).toMatchObject({ a: 3, b: 1, c: 4 });
    expect(ctx.timer).toBeGreaterThanOrEqual(150);
  });

  it('the first start at time 0 is not a restart', () => {
    const n = raftProtocol.createNode(1, 3, raftProtocol.parseConfig(undefined, 3), undefined);
    const ctx = new FakeCtx(1, 0);
    raftProtocol.start(n, ctx);
    expect(ctx.has(Note.Restarted)).toBe(false);
  });

  it('a restarted node relearns the commit index from the leader and catches up', () => {
    const net = new Network({ nodes: 3 });
    net.campaign(1);
    net.request(1, 'a');
    net.flush();
    net.crash(3);
    net.request(1, 'b');
    net.flush();
    expect(net.node(1).commitIndex).toBe(3);
    net.restart(3);
    expect(net.node(3).commitIndex).toBe(0);
    net.fire(1);
    net.flush();
    expect(net.node(3).commitIndex).toBe(3);
    expect(terms(net.node(3))).toEqual([1, 1, 1]);
    expect(net.violations).toEqual([]);
  });
});

describe('snapshot and restore', () => {
  function busyLeader(): RaftNode {
    const n = makeNode(1, 3, { initial: { term: 1, log: [1, 1] } });
    elect(n);
    step(n, appOk(2, 3), 2);
    step(n, { type: 'ClientRequest', clientId: CLIENT, requestId: 9, value: 'p' }, CLIENT);
    return n;
  }
  const state = (n: RaftNode) => ({
    ...raftProtocol.output(n, true),
    view: raftProtocol.view(n, true),
    leader: n.leader,
    granted: n.granted,
    nextIndex: [...n.nextIndex],
    matchIndex: [...n.matchIndex],
    replicating: [...n.replicating],
    pending: [...n.pending],
    heardLeaderAt: n.heardLeaderAt,
  });

  it('restores exactly what was snapshotted, however the node changes afterwards', () => {
    const n = busyLeader();
    const before = state(n);
    const snap = raftProtocol.snapshot(n);
    // Later: more entries pushed onto the same array, leader state moves, then a truncation.
    step(n, { type: 'ClientRequest', clientId: CLIENT, requestId: 10, value: 'q' }, CLIENT);
    step(n, appOk(2, 5), 2);
    n.matchIndex[3] = 4;
    step(n, app(7, 1, 1, [7]), 2); // a term-7 leader: steps down, truncates after index 1
    expect(terms(n)).toEqual([1, 7]);
    const r = raftProtocol.restore(snap);
    expect(state(r)).toEqual(before);
    expect(r.rewrittenFrom).toBe(Infinity);
    expect(r.lenBefore).toBe(r.log.length);
  });

  it('a restored node owns its state: changing it leaves the snapshot and the original alone', () => {
    const n = busyLeader();
    const snap = raftProtocol.snapshot(n);
    const orig = state(n);
    const r = raftProtocol.restore(snap);
    step(r, { type: 'ClientRequest', clientId: CLIENT, requestId: 11, value: 'r' }, CLIENT);
    r.nextIndex[2] = 1;
    r.pending.clear();
    expect(state(n)).toEqual(orig);
    expect(state(raftProtocol.restore(snap))).toEqual(orig);
    // The restored log is a copy, so pushing to it did not touch the shared array.
    expect(r.log).not.toBe(n.log);
    expect(n.log.length).toBe(5);
  });

  it('is cheap: the log is shared as (array, length), not copied', () => {
    const n = busyLeader();
    const snap = raftProtocol.snapshot(n);
    expect(snap.log).toBe(n.log);
    expect(snap.logLength).toBe(n.log.length);
  });
});

describe('what the simulator, UI and CLI read', () => {
  it.each<[RaftMsg, string, string, number, boolean | undefined, number | undefined]>([
    [{ type: 'RequestVote', term: 3, candidate: 2, lastIndex: 1, lastTerm: 1, pre: false }, 'request-vote', 'RequestVote', MsgKind.RequestVote, undefined, undefined],
    [{ type: 'RequestVote', term: 3, candidate: 2, lastIndex: 1, lastTerm: 1, pre: true }, 'prevote', 'PreVote', MsgKind.PreVote, undefined, undefined],
    [{ type: 'RequestVoteReply', term: 3, granted: true, pre: false, reason: 0 }, 'vote-reply', 'RequestVoteReply', MsgKind.RequestVoteReply, true, undefined],
    [{ type: 'RequestVoteReply', term: 3, granted: false, pre: true, reason: 0 }, 'prevote-reply', 'PreVoteReply', MsgKind.PreVoteReply, false, undefined],
    [{ type: 'AppendEntries', term: 3, prevIndex: 0, prevTerm: 0, entries: [], leaderCommit: 0 }, 'heartbeat', 'Heartbeat', MsgKind.Heartbeat, undefined, 0],
    [{ type: 'AppendEntries', term: 3, prevIndex: 0, prevTerm: 0, entries: [{ term: 3, value: '' }, { term: 3, value: 'x' }], leaderCommit: 0 }, 'append', 'AppendEntries', MsgKind.AppendEntries, undefined, 2],
    [{ type: 'AppendEntriesReply', term: 3, success: false, index: 4, hintIndex: 2, hintTerm: 1 }, 'append-reply', 'AppendEntriesReply', MsgKind.AppendEntriesReply, false, undefined],
    [{ type: 'ClientRequest', clientId: 1001, requestId: 1, value: 'x' }, 'client-request', 'ClientRequest', MsgKind.ClientRequest, undefined, undefined],
    [{ type: 'ClientReply', requestId: 1, ok: true, leaderHint: 2, index: 5 }, 'client-reply', 'ClientReply', MsgKind.ClientReply, true, undefined],
  ])('%j looks like a %s', (msg, glyph, name, kind, verdict, count) => {
    const look = raftProtocol.look(msg);
    expect(look.glyph).toBe(glyph);
    expect(look.name).toBe(name);
    expect(look.verdict).toBe(verdict);
    expect(look.count).toBe(count);
    expect(look.era).toBe('term' in msg ? msg.term : 0);
    expect(raftProtocol.kindCode(msg)).toBe(kind);
  });

  it('client messages map both ways', () => {
    expect(raftProtocol.clientRequest({ clientId: 1002, requestId: 4, value: 'v' })).toEqual({
      type: 'ClientRequest', clientId: 1002, requestId: 4, value: 'v',
    });
    expect(raftProtocol.clientReply({ type: 'ClientReply', requestId: 4, ok: false, leaderHint: 3, index: 0 })).toEqual({
      requestId: 4, ok: false, redirect: 3, index: 0,
    });
    expect(raftProtocol.clientReply({ type: 'RequestVoteReply', term: 1, granted: true, pre: false, reason: 0 })).toBeNull();
  });

  it('view: role down when dead, the last LOG_WINDOW entries, leader arrays and votes only when they mean something', () => {
    const len = LOG_WINDOW + 44;
    const long = Array.from({ length: len }, (_, i) => 1 + Math.floor(i / 40));
    const n = makeNode(1, 3, { initial: { term: 9, log: long } });
    const v = raftProtocol.view(n, true);
    expect(v.lastIndex).toBe(len);
    expect(v.logStart).toBe(len - LOG_WINDOW + 1);
    expect(v.logTerms).toEqual(long.slice(len - LOG_WINDOW));
    expect(v.logValues[0]).toBe(`i${v.logStart}t${long[v.logStart - 1]}`);
    expect(v.nextIndex).toEqual([]);
    expect(v.votes).toEqual([]);
    expect(raftProtocol.view(n, false).role).toBe('down');

    const small = makeNode(2, 3);
    expect(raftProtocol.view(small, true)).toMatchObject({ lastIndex: 0, logStart: 1, logTerms: [], logValues: [] });
    raftProtocol.timer(small, 0, new FakeCtx(2));
    expect(raftProtocol.view(small, true)).toMatchObject({ role: 'candidate', votes: [2] });
    step(small, { type: 'RequestVoteReply', term: 1, granted: true, pre: false, reason: 0 }, 3);
    const lv = raftProtocol.view(small, true);
    expect(lv.role).toBe('leader');
    expect(lv.nextIndex).toEqual([0, 1, 2, 1]);
    expect(lv.matchIndex).toEqual([0, 0, 1, 0]);
    expect(lv.votes).toEqual([]);
  });

  it('output: the CLI row', () => {
    const n = makeNode(3, 3, { initial: { term: 2, votedFor: 1, log: [1, { term: 2, value: 'x=1' }] } });
    expect(raftProtocol.output(n, true)).toEqual({
      id: 3,
      alive: true,
      role: 'follower',
      term: 2,
      votedFor: 1,
      commitIndex: 0,
      log: [
        { index: 1, term: 1, value: 'i1t1' },
        { index: 2, term: 2, value: 'x=1' },
      ],
    });
    expect(raftProtocol.output(n, false)).toMatchObject({ alive: false, role: 'down' });
  });

  it('leaderOf: the live leader of the highest term, else 0', () => {
    const net = new Network({ nodes: 3 });
    expect(net.leader()).toBe(0);
    net.campaign(2);
    expect(net.leader()).toBe(2);
    net.crash(2);
    expect(net.leader()).toBe(0);
    // A stale leader (isolated, lower term) loses to the newer one.
    const nodes = net.nodes.slice();
    const stale = { ...nodes[2], role: 'leader' as const, term: 1 };
    const fresh = { ...nodes[3], role: 'leader' as const, term: 2 };
    expect(raftProtocol.leaderOf([nodes[0], nodes[1], stale, fresh], [false, true, true, true])).toBe(3);
  });

  it('networkOf and marks', () => {
    const cfg = raftProtocol.parseConfig({ latencyMinMs: 1, latencyMaxMs: 2, dropRate: 0.1, clientRetry: true, clientTimeoutMs: 500 }, 3);
    expect(raftProtocol.networkOf(cfg)).toEqual({ latencyMinMs: 1, latencyMaxMs: 2, dropRate: 0.1, clientRetry: true, clientTimeoutMs: 500, fifo: true, reorderRate: 0, duplicateRate: 0 });
    const leader = { role: 'leader' } as RaftNode;
    const follower = { role: 'follower' } as RaftNode;
    expect(raftProtocol.mark(Note.BecameLeader, 4, 3, 3, 0, leader)).toEqual({ kind: 'leader', value: 4 });
    expect(raftProtocol.mark(Note.CommitAdvanced, 7, 6, 0, 0, leader)).toEqual({ kind: 'commit', value: 7 });
    expect(raftProtocol.mark(Note.CommitAdvanced, 7, 6, 0, 0, follower)).toBeNull();
    expect(raftProtocol.mark(Note.Heartbeat, 4, 0, 0, 0, leader)).toBeNull();
    expect(raftProtocol.name).toBe('raft');
    expect(raftProtocol.timerSlots).toBe(2); // the main timer, and CheckQuorum's
    expect(raftProtocol.bugs).toEqual(['commitPreviousTermByCount', 'voteWithoutLogCheck', 'doubleVote', 'noTruncateOnConflict']);
  });
});

describe('named notes leave the trace as it was', () => {
  // Pinned from the code before Raft's notes were named (positional ctx.note calls), with
  // FIFO links (886d910): the same codes and arguments in the same places. If the
  // simulator's network changes a seeded run on purpose, re-pin both from that code.
  const runs: [string, Record<string, unknown>, string][] = [
    [
      'an election, requests, a crash and a partition',
      {
        protocol: 'raft', nodes: 5, seed: 7, until: 4000,
        script: [
          { at: 600, do: 'request', value: 'a' }, { at: 900, do: 'request', value: 'b' },
          { at: 1200, do: 'crash', node: 1 }, { at: 1500, do: 'partition', groups: [[2, 3], [4, 5]] },
          { at: 2500, do: 'heal' }, { at: 2600, do: 'restart', node: 1 }, { at: 3000, do: 'request', value: 'c' },
        ],
      },
      '79524449',
    ],
    [
      'PreVote and CheckQuorum with a lossy network',
      { protocol: 'raft', nodes: 3, seed: 11, until: 3000, config: { preVote: true, checkQuorum: true, dropRate: 0.1 }, script: [{ at: 800, do: 'request', value: 'x' }] },
      '40f82677',
    ],
  ];
  for (const [what, sc, hash] of runs) {
    it(what, () => {
      const s = new SimSession();
      expect(s.load(sc).ok).toBe(true);
      let v = s.advanceTo(sc.until as number);
      while (v.time < (sc.until as number) && v.head === v.frame && !v.violation) {
        const next = s.advanceTo(sc.until as number);
        if (next.frame === v.frame) break;
        v = next;
      }
      expect(s.traceHash()).toBe(hash);
    });
  }

  it('every Raft note kind is declared once, with at most four named fields', () => {
    const codes = raftProtocol.notes.map((n) => n.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(Object.values(Note).sort((a, b) => a - b)).toEqual([...codes].sort((a, b) => a - b));
    for (const n of raftProtocol.notes) expect(n.fields.length).toBeLessThanOrEqual(4);
  });
});
