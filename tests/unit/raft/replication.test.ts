/**
 * Log replication and commitment, one test per rule of the paper (§5.3, §5.4.2), after
 * etcd-io/raft's raft_paper_test.go, plus etcd's reject hints and probe/replicate flow.
 */
import { describe, expect, it } from 'vitest';
import type { RaftMsg, RaftNode } from '../../../src/core/raft/types';
import { CLIENT, Network, entries, fire, makeNode, step, terms, type InFlight } from './harness';
import { N, app, appOk, elect } from './helpers';

function propose(n: RaftNode, value: string, requestId = 1) {
  return step(n, { type: 'ClientRequest', clientId: CLIENT, requestId, value }, CLIENT);
}

/** A leader of `size` nodes whose no-op entry is committed and every follower in step. */
function steadyLeader(size: number, log: number[] = []): RaftNode {
  const n = makeNode(1, size, { initial: { term: log.length ? log[log.length - 1] : 0, log } });
  elect(n);
  for (const p of n.peers) step(n, appOk(n.term, n.log.length - 1), p);
  expect(n.commitIndex).toBe(n.log.length - 1);
  return n;
}

describe('§5.3 log replication: the leader', () => {
  it('appends a client value to its own log and sends it with the preceding index and term', () => {
    const n = steadyLeader(3);
    const ctx = propose(n, 'x=1');
    expect(entries(n.log)).toEqual([{ term: 1, value: '' }, { term: 1, value: 'x=1' }]);
    expect(n.commitIndex).toBe(1);
    expect(ctx.noteOf(N.ClientAppended)).toMatchObject({ a: 2, b: 1 });
    expect(ctx.msgs('AppendEntries')).toEqual([2, 3].map((to) => ({
      to,
      msg: { type: 'AppendEntries', term: 1, prevIndex: 1, prevTerm: 1, entries: [{ term: 1, value: 'x=1' }], leaderCommit: 1 },
    })));
  });

  it('commits once a majority stores the entry, tells followers, and answers the client', () => {
    const n = steadyLeader(3);
    propose(n, 'x=1', 7);
    const ctx = step(n, appOk(1, 2), 2);
    expect(n.commitIndex).toBe(2);
    expect(ctx.noteOf(N.CommitAdvanced)).toMatchObject({ a: 2, b: 1 });
    expect(ctx.msgs('ClientReply')).toEqual([
      { to: CLIENT, msg: { type: 'ClientReply', requestId: 7, ok: true, leaderHint: 1, index: 2 } },
    ]);
    // The new commit index goes out at once to the followers in step.
    expect(ctx.msgs('AppendEntries').map((m) => [m.to, m.msg.leaderCommit])).toEqual([[2, 2], [3, 2]]);
    expect(n.pending.size).toBe(0);
  });

  // etcd's TestLeaderAcknowledgeCommit.
  it.each<[number, number[], boolean]>([
    [1, [], true],
    [3, [], false],
    [3, [2], true],
    [3, [2, 3], true],
    [5, [], false],
    [5, [2], false],
    [5, [2, 3], true],
    [5, [2, 3, 4], true],
    [5, [2, 3, 4, 5], true],
  ])('cluster of %i, acknowledged by %j: committed %s', (size, acks, want) => {
    const n = steadyLeader(size);
    const li = n.log.length - 1;
    const ctx = propose(n, 'v');
    for (const p of acks) step(n, appOk(1, li + 1), p);
    expect(n.commitIndex > li).toBe(want);
    expect(ctx.sent.some((s) => s.msg.type === 'ClientReply')).toBe(size === 1);
  });

  // etcd's TestLeaderCommitPrecedingEntries.
  it.each([[[]], [[2]], [[1, 2]], [[1]]])('committing an entry of its term commits everything before it (log %j)', (log) => {
    const n = makeNode(1, 3, { initial: { term: 2, log } });
    elect(n);
    propose(n, 'v');
    for (const p of n.peers) step(n, appOk(3, log.length + 2), p);
    expect(n.commitIndex).toBe(log.length + 2);
    expect(terms(n)).toEqual([...log, 3, 3]);
  });

  // etcd's TestLeaderOnlyCommitsLogFromCurrentTerm (§5.4.2).
  it.each([
    [1, 0],
    [2, 0],
    [3, 3],
  ])('counting replicas commits only entries of its own term: follower confirms %i => commit %i', (index, want) => {
    const n = makeNode(1, 2, { initial: { term: 2, log: [1, 2] } });
    elect(n); // term 3, no-op at index 3
    const ctx = step(n, appOk(3, index), 2);
    expect(n.commitIndex).toBe(want);
    if (index === 2) expect(ctx.noteOf(N.CommitBlockedOldTerm)).toMatchObject({ a: 2, b: 2, c: 3 });
  });

  it('Figure 8: an old-term entry on a majority is not committed; with commitPreviousTermByCount it is', () => {
    for (const bug of [false, true]) {
      // S1 is leader of term 4 with (2, term 2), which S2 and S3 also hold; (3, term 4) is only on S1.
      const n = makeNode(1, 5, { config: { bugs: bug ? ['commitPreviousTermByCount'] : [] }, initial: { term: 3, log: [1, 2] } });
      elect(n);
      expect(terms(n)).toEqual([1, 2, 4]);
      step(n, appOk(4, 2), 2);
      const ctx = step(n, appOk(4, 2), 3);
      if (bug) {
        expect(n.commitIndex).toBe(2);
        expect(ctx.noteOf(N.CommitAdvanced)).toMatchObject({ a: 2 });
      } else {
        expect(n.commitIndex).toBe(0);
        expect(ctx.noteOf(N.CommitBlockedOldTerm)).toMatchObject({ a: 2, b: 2, c: 4 });
      }
      // Once its own entry is on a majority, both commit it and everything before.
      step(n, appOk(4, 3), 2);
      step(n, appOk(4, 3), 3);
      expect(n.commitIndex).toBe(3);
    }
  });

  it('answers a client only when its entry commits, and a non-leader redirects', () => {
    const net = new Network({ nodes: 3 });
    net.campaign(1);
    net.flush();
    const followerReply = net.request(2, 'nope');
    expect(net.clientReplies.at(-1)!.msg).toEqual({ type: 'ClientReply', requestId: followerReply, ok: false, leaderHint: 1, index: 0 });
    expect(net.notesOf(N.ClientRedirected, 2)).toEqual([expect.objectContaining({ a: 1 })]);

    const id = net.request(1, 'x=1');
    expect(net.clientReplies.filter((r) => r.msg.ok)).toEqual([]);
    net.flush();
    expect(net.clientReplies.filter((r) => r.msg.ok)).toEqual([
      { to: CLIENT, msg: { type: 'ClientReply', requestId: id, ok: true, leaderHint: 1, index: 2 } },
    ]);
    for (let i = 1; i <= 3; i++) expect(net.node(i).commitIndex).toBe(2);
    expect(net.report().committed).toEqual([
      { index: 1, term: 1, value: '' },
      { index: 2, term: 1, value: 'x=1' },
    ]);
  });

  it('a leader that steps down forgets its waiting clients (no false answer)', () => {
    const n = steadyLeader(3);
    propose(n, 'x');
    expect(n.pending.size).toBe(1);
    const ctx = step(n, app(5, 0, 0), 2);
    expect(n.role).toBe('follower');
    expect(n.pending.size).toBe(0);
    expect(ctx.msgs('ClientReply')).toEqual([]);
  });
});

describe('§5.3 log replication: the follower', () => {
  // etcd's TestFollowerCommitEntry, plus commit = min(leaderCommit, last new index).
  it.each<[number[], number, number]>([
    [[1], 1, 1],
    [[1, 1], 2, 2],
    [[1, 1], 1, 1],
    [[1], 5, 1], // the leader committed more than this message proves we share
    [[], 5, 0],
  ])('entries %j with leaderCommit %i => commitIndex %i', (ents, leaderCommit, want) => {
    const n = makeNode(1, 3, { initial: { term: 1 } });
    const ctx = step(n, app(1, 0, 0, ents, leaderCommit), 2);
    expect(n.commitIndex).toBe(want);
    if (want > 0) expect(ctx.noteOf(N.CommitAdvanced)).toMatchObject({ a: want, b: 0 });
  });

  it('a heartbeat commits no further than its prevIndex, and the commit index never goes down', () => {
    const n = makeNode(1, 3, { initial: { term: 1, log: [1, 1, 1, 1] } });
    step(n, app(1, 2, 1, [], 9), 2);
    expect(n.commitIndex).toBe(2); // entries 3, 4 might not be the leader's
    step(n, app(1, 4, 1, [], 3), 2);
    expect(n.commitIndex).toBe(3);
    step(n, app(1, 4, 1, [], 1), 2); // an older leaderCommit (reordered message)
    expect(n.commitIndex).toBe(3);
  });

  // etcd's TestFollowerCheckMsgApp: log [1, 2], at term 2.
  it.each<[string, number, number, boolean, number, number, number]>([
    // why, prevTerm, prevIndex, success, reply index, hint index, hint term
    ['match at 0', 0, 0, true, 0, 0, 0],
    ['match at 1', 1, 1, true, 1, 0, 0],
    ['match at 2', 2, 2, true, 2, 0, 0],
    ['term mismatch at 2', 1, 2, false, 2, 1, 1],
    ['missing index 3', 3, 3, false, 3, 2, 2],
  ])('consistency check: %s', (_why, prevTerm, prevIndex, success, index, hintIndex, hintTerm) => {
    const n = makeNode(1, 3, { initial: { term: 2, log: [1, 2] } });
    const ctx = step(n, app(2, prevIndex, prevTerm), 2);
    expect(ctx.msgs('AppendEntriesReply')).toEqual([
      { to: 2, msg: { type: 'AppendEntriesReply', term: 2, success, index, hintIndex, hintTerm } },
    ]);
    if (!success) {
      expect(terms(n)).toEqual([1, 2]);
      if (prevIndex > 2) expect(ctx.noteOf(N.AppendRejectedMissing)).toMatchObject({ a: prevIndex, b: 2, c: 2 });
      else expect(ctx.noteOf(N.AppendRejectedTermMismatch)).toMatchObject({ a: prevIndex, b: 2, c: prevTerm });
    }
  });

  // etcd's TestFollowerAppendEntries: log [1, 2].
  it.each<[number, number, number[], number[], number]>([
    // prevIndex, prevTerm, entries, resulting log, entries removed
    [2, 2, [3], [1, 2, 3], 0],
    [1, 1, [3, 4], [1, 3, 4], 1],
    [0, 0, [1], [1, 2], 0], // a matching prefix: nothing deleted
    [0, 0, [3], [3], 2],
    [0, 0, [1, 2], [1, 2], 0],
    [1, 1, [], [1, 2], 0], // a heartbeat never truncates
  ])('append at (%i, %i) of %j => %j', (prevIndex, prevTerm, ents, want, removed) => {
    const n = makeNode(1, 3, { initial: { term: 2, log: [1, 2] } });
    const before = n.log;
    const ctx = step(n, app(4, prevIndex, prevTerm, ents), 2);
    expect(terms(n)).toEqual(want);
    expect(ctx.sent[0].msg).toMatchObject({ success: true, index: prevIndex + ents.length });
    if (removed > 0) {
      expect(ctx.noteOf(N.Truncated)).toMatchObject({ a: prevIndex + 1 + (want.length - ents.length - prevIndex), b: removed });
      // Deleting builds a new array: whoever shares the old one (a keyframe) still sees it whole.
      expect(n.log).not.toBe(before);
      expect(before.map((e) => e.term)).toEqual([0, 1, 2]);
      expect(n.rewrittenFrom).toBe(prevIndex + 1);
    } else {
      expect(ctx.has(N.Truncated)).toBe(false);
      expect(n.rewrittenFrom).toBe(Infinity);
    }
  });

  it('a stale or reordered append never deletes entries it matches', () => {
    const n = makeNode(1, 3, { initial: { term: 1 } });
    const first = app(1, 0, 0, [1]) as Extract<RaftMsg, { type: 'AppendEntries' }>;
    const second: RaftMsg = { ...first, prevIndex: 1, prevTerm: 1, entries: [{ term: 1, value: 'b' }, { term: 1, value: 'c' }] };
    step(n, first, 2);
    step(n, second, 2);
    expect(n.log.length - 1).toBe(3);
    const ctx = step(n, first, 2); // the first message again, late
    expect(n.log.length - 1).toBe(3);
    expect(ctx.sent[0].msg).toMatchObject({ success: true, index: 1 });
    expect(n.rewrittenFrom).toBe(Infinity);
  });

  it('hearing the leader restarts the election timer and records the leader', () => {
    const n = makeNode(1, 3, { initial: { term: 1 } });
    const ctx = step(n, app(1, 0, 0), 3, 400);
    expect(n.leader).toBe(3);
    expect(n.heardLeaderAt).toBe(400);
    expect(ctx.timer).toBeGreaterThanOrEqual(150);
    expect(ctx.noteOf(N.FollowLeader)).toMatchObject({ a: 1, c: 3 });
  });
});

describe('§5.3 the leader brings every follower in line (Figure 7)', () => {
  const leaderLog = [1, 1, 1, 4, 4, 5, 5, 6, 6, 6];
  const followers: Record<string, number[]> = {
    a: [1, 1, 1, 4, 4, 5, 5, 6, 6],
    b: [1, 1, 1, 4],
    c: [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 6],
    d: [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 7, 7],
    e: [1, 1, 1, 4, 4, 4, 4],
    f: [1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3],
  };

  it.each(Object.entries(followers))('follower (%s) ends up identical to the leader', (_name, log) => {
    // n3 has an empty log so it votes for n1 even when n2 (like d) would not.
    const net = new Network({
      nodes: 3,
      initial: { 1: { term: 7, log: leaderLog }, 2: { term: 7, log }, 3: { term: 7 } },
    });
    net.campaign(1);
    expect(net.node(1).role).toBe('leader');
    expect(net.node(1).term).toBe(8);
    net.request(1, 'x');
    net.flush();
    const lead = net.node(1);
    const f = net.node(2);
    expect(terms(lead)).toEqual([...leaderLog, 8, 8]);
    expect(f.log.length).toBe(lead.log.length);
    for (let i = 1; i < lead.log.length; i++) expect(f.log[i]).toBe(lead.log[i]); // the very same entries
    expect(f.commitIndex).toBe(lead.commitIndex);
    expect(lead.commitIndex).toBe(12);
    // The reject hint skips whole terms: at most two back-offs for any of these logs.
    expect(net.notesOf(N.NextIndexBackoff, 1).filter((x) => x.c === 2).length).toBeLessThanOrEqual(2);
    expect(net.violations).toEqual([]);
  });

  it('follower (f) is repaired with one back-off thanks to the hint (naively: 7 probes)', () => {
    const net = new Network({ nodes: 3, initial: { 1: { term: 7, log: leaderLog }, 2: { term: 7, log: followers.f }, 3: { term: 7 } } });
    net.campaign(1);
    const backoffs = net.notesOf(N.NextIndexBackoff, 1).filter((x) => x.c === 2);
    // Probe at (10, term 6) rejected with hint (10, term 3) => next probe after index 3.
    expect(backoffs).toEqual([expect.objectContaining({ a: 4, b: 10, c: 2 })]);
    expect(net.notesOf(N.Truncated, 2)).toEqual([expect.objectContaining({ a: 4, b: 8, c: 2 })]);
  });
});

describe('flow control: probe and replicate (etcd)', () => {
  it('a probing follower gets one append at a time; a new entry waits for the next probe', () => {
    const n = makeNode(1, 3);
    elect(n);
    expect(n.replicating.slice(1)).toEqual([false, false, false]);
    const ctx = propose(n, 'x');
    expect(ctx.msgs('AppendEntries')).toEqual([]);
    // The heartbeat re-sends the probe, now carrying both entries.
    const hb = fire(n, 50);
    expect(hb.msgs('AppendEntries').map((m) => [m.to, m.msg.prevIndex, m.msg.entries.length])).toEqual([[2, 0, 2], [3, 0, 2]]);
    expect(n.nextIndex[2]).toBe(1);
  });

  it('once confirmed, a follower is pipelined: new entries go out at once and nextIndex moves ahead', () => {
    const n = makeNode(1, 3);
    elect(n);
    step(n, appOk(1, 1), 2);
    expect(n.replicating[2]).toBe(true);
    const a = propose(n, 'a', 1).msgs('AppendEntries').filter((m) => m.to === 2);
    const b = propose(n, 'b', 2).msgs('AppendEntries').filter((m) => m.to === 2);
    expect(a.map((m) => [m.msg.prevIndex, m.msg.entries.map((e) => e.value)])).toEqual([[1, ['a']]]);
    expect(b.map((m) => [m.msg.prevIndex, m.msg.entries.map((e) => e.value)])).toEqual([[2, ['b']]]);
    expect(n.nextIndex[2]).toBe(4);
    expect(n.matchIndex[2]).toBe(1);
  });

  it('sends at most maxEntriesPerAppend entries per message', () => {
    const n = makeNode(1, 3, { config: { maxEntriesPerAppend: 3 }, initial: { term: 1, log: [1, 1, 1, 1, 1, 1, 1] } });
    const ctx = elect(n);
    // Probe from the end: prev 7, the no-op only.
    expect(ctx.msgs('AppendEntries')[0].msg.entries).toHaveLength(1);
    // The follower turns out to be empty: walk back, then catch up 3 at a time.
    const r = step(n, { type: 'AppendEntriesReply', term: 2, success: false, index: 7, hintIndex: 0, hintTerm: 0 }, 2);
    expect(r.msgs('AppendEntries').map((m) => [m.msg.prevIndex, m.msg.entries.length])).toEqual([[0, 3]]);
    const s = step(n, appOk(2, 3), 2);
    expect(s.msgs('AppendEntries').map((m) => [m.msg.prevIndex, m.msg.entries.length])).toEqual([[3, 3]]);
  });

  it('a rejection while pipelining falls back to probing from the last confirmed index', () => {
    const n = makeNode(1, 3);
    elect(n);
    step(n, appOk(1, 1), 2);
    propose(n, 'a', 1);
    propose(n, 'b', 2); // nextIndex[2] = 4; suppose 'a' was lost, so 'b' is rejected at prevIndex 2
    const ctx = step(n, { type: 'AppendEntriesReply', term: 1, success: false, index: 2, hintIndex: 1, hintTerm: 1 }, 2);
    expect(n.replicating[2]).toBe(false);
    expect(n.nextIndex[2]).toBe(2);
    expect(ctx.noteOf(N.NextIndexBackoff)).toMatchObject({ a: 2, b: 2, c: 2 });
    expect(ctx.msgs('AppendEntries').map((m) => [m.msg.prevIndex, m.msg.entries.length])).toEqual([[1, 2]]);
  });

  it('ignores a rejection that answers an older probe, or concerns confirmed entries', () => {
    const n = makeNode(1, 3, { initial: { term: 1, log: [1, 1, 1] } });
    elect(n); // nextIndex 4 for all, probing
    const reject = (index: number): RaftMsg => ({ type: 'AppendEntriesReply', term: 2, success: false, index, hintIndex: 0, hintTerm: 0 });
    step(n, reject(3), 2);
    expect(n.nextIndex[2]).toBe(1);
    const dup = step(n, reject(3), 2); // the same rejection again (e.g. the heartbeat's copy)
    expect(n.nextIndex[2]).toBe(1);
    expect(dup.has(N.IgnoredReply)).toBe(true);
    expect(dup.msgs('AppendEntries')).toEqual([]);
    step(n, appOk(2, 4), 2);
    const late = step(n, reject(2), 2);
    expect(late.has(N.IgnoredReply)).toBe(true);
    expect(n.matchIndex[2]).toBe(4);
    expect(n.replicating[2]).toBe(true);
  });
});

describe('Figure 8 end to end', () => {
  // S1 leads term 4 and gets (2, term 2) onto S2 and S3 (with the term-4 no-op kept off
  // them); S1 crashes; S5, whose log ends with (2, term 3), is elected by S2, S3, S4 and
  // overwrites index 2. Safe Raft never committed index 2 in term 4, so nothing is lost.
  function figure8(bugs: string[]) {
    const net = new Network({
      nodes: 5,
      config: { bugs, maxEntriesPerAppend: 1 },
      initial: {
        1: { term: 3, log: [1, 2] },
        2: { term: 3, log: [1] },
        3: { term: 3, log: [1] },
        4: { term: 3, log: [1] },
        5: { term: 3, log: [1, 3] },
      },
    });
    net.fire(1);
    net.flush((m) => m.msg.type === 'RequestVote' || m.msg.type === 'RequestVoteReply');
    expect(net.node(1).role).toBe('leader');
    expect(net.node(1).term).toBe(4);
    // (Its first appends were lost with the filter above.) A heartbeat re-sends the probes.
    // The term-4 entry never reaches anyone who could store it; S4 and S5 hear nothing.
    net.fire(1);
    const keep = (m: InFlight) =>
      m.to <= 3 && m.from <= 3 &&
      !(m.msg.type === 'AppendEntries' && m.msg.entries.some((e) => e.term === 4) && net.node(m.to).log.length >= 3);
    net.flush(keep);
    expect(terms(net.node(2))).toEqual([1, 2]);
    expect(terms(net.node(3))).toEqual([1, 2]);
    const s1Commit = net.node(1).commitIndex;
    net.crash(1);
    net.campaign(5);
    expect(net.node(5).role).toBe('leader');
    net.request(5, 'y');
    net.flush();
    return { net, s1Commit };
  }

  it('correct Raft: S1 never commits index 2 and S5 safely replaces it', () => {
    const { net, s1Commit } = figure8([]);
    expect(s1Commit).toBe(0);
    expect(net.violations).toEqual([]);
    for (const id of [2, 3, 4, 5]) expect(terms(net.node(id))).toEqual([1, 3, 5, 5]);
    expect((net.report().committed as { term: number }[]).map((c) => c.term)).toEqual([1, 3, 5, 5]);
  });

  it('commitPreviousTermByCount: S1 commits index 2, S5 wins without it and overwrites it', () => {
    const { net, s1Commit } = figure8(['commitPreviousTermByCount']);
    expect(s1Commit).toBe(2);
    // First S5 becomes leader without a committed entry, then it commits another value there.
    expect(net.violations[0]).toMatchObject({ invariant: 'Leader Completeness' });
    expect(net.violations[0].detail).toMatch(/n5 became leader of term 5 without committed entry 2/);
    const sms = net.violations.find((v) => v.invariant === 'State Machine Safety');
    expect(sms?.detail).toMatch(/index 2/);
  });
});

describe('a longer run', () => {
  it('5 nodes, random latency, crashes and client load: all nodes agree on what is committed', () => {
    const net = new Network({ nodes: 5, seed: 11, config: { latencyMinMs: 5, latencyMaxMs: 40 } });
    let t = 0;
    for (let round = 0; round < 20; round++) {
      t += 200;
      net.run(t);
      const l = net.leader();
      if (l) net.request(l, `v${round}`);
      if (round === 5) net.crash(l || 1);
      if (round === 9) net.restart(l === 1 ? 2 : 1);
      if (round === 12) for (let id = 1; id <= 5; id++) if (!net.alive[id]) net.restart(id);
    }
    net.run(t + 2000);
    expect(net.violations).toEqual([]);
    const committed = net.report().committed as { value: string }[];
    expect(committed.filter((c) => c.value.startsWith('v')).length).toBeGreaterThan(10);
    const l = net.node(net.leader());
    for (let id = 1; id <= 5; id++) {
      const n = net.node(id);
      expect(n.commitIndex).toBe(l.commitIndex);
      expect(entries(n.log)).toEqual(entries(l.log));
    }
  });
});
