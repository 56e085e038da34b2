/**
 * Elections, one test per rule of the paper (§5.1, §5.2, §5.4.1), after etcd-io/raft's
 * raft_paper_test.go, plus etcd's additions (known-leader refusal, dueling candidates).
 */
import { describe, expect, it } from 'vitest';
import { raftProtocol } from '../../../src/core/raft/protocol';
import type { RaftNode, Role } from '../../../src/core/raft/types';
import { FakeCtx, Network, fire, makeNode, prng, step, terms } from './harness';
import { N, app, elect, vote } from './helpers';

function inRole(role: Role): RaftNode {
  const n = makeNode(1, 3, { initial: { term: 1 } });
  if (role === 'candidate') fire(n);
  if (role === 'leader') elect(n);
  expect(n.role).toBe(role);
  return n;
}

describe('§5.1 terms', () => {
  it.each<[Role, string]>([
    ['follower', 'AppendEntries'],
    ['candidate', 'AppendEntries'],
    ['leader', 'AppendEntries'],
    ['follower', 'RequestVote'],
    ['candidate', 'RequestVote'],
    ['leader', 'RequestVote'],
    ['leader', 'AppendEntriesReply'],
    ['candidate', 'RequestVoteReply'],
  ])('a %s seeing %s of a higher term adopts it and becomes follower', (role, type) => {
    const n = inRole(role);
    const higher = n.term + 3;
    const msg =
      type === 'AppendEntries' ? app(higher, 0, 0)
      : type === 'RequestVote' ? vote(higher, 99, 99)
      : type === 'AppendEntriesReply' ? { type, term: higher, success: false, index: 0, hintIndex: 0, hintTerm: 0 } as const
      : { type: 'RequestVoteReply', term: higher, granted: false, pre: false, reason: 0 } as const;
    const ctx = step(n, msg, 2);
    expect(n.term).toBe(higher);
    expect(n.role).toBe('follower');
    expect(ctx.noteOf(N.AdoptTerm)).toMatchObject({ a: higher, c: 2 });
    // The vote of the new term is free again (granted here only to the up-to-date RequestVote).
    expect(n.votedFor).toBe(type === 'RequestVote' ? 2 : 0);
    // An AppendEntries names the leader of the new term.
    expect(n.leader).toBe(type === 'AppendEntries' ? 2 : 0);
  });

  it('a lower-term request is rejected with our term and changes nothing (the paper)', () => {
    const n = makeNode(1, 3, { initial: { term: 5, log: [1, 5] } });
    const before = { term: n.term, votedFor: n.votedFor, len: n.log.length };

    let ctx = step(n, app(4, 2, 5, [4]), 2);
    expect(ctx.sent).toEqual([
      { to: 2, msg: { type: 'AppendEntriesReply', term: 5, success: false, index: 2, hintIndex: 0, hintTerm: 0 } },
    ]);
    expect(ctx.noteOf(N.AppendRejectedStaleTerm)).toMatchObject({ a: 4, b: 5, c: 2 });

    ctx = step(n, vote(4, 10, 4), 3);
    expect(ctx.sent).toEqual([{ to: 3, msg: { type: 'RequestVoteReply', term: 5, granted: false, pre: false, reason: N.VoteDeniedStaleTerm } }]);
    expect(ctx.noteOf(N.VoteDeniedStaleTerm)).toMatchObject({ a: 4, b: 5, c: 3 });

    // etcd always answers a stale PreVote, so the asker learns the term.
    ctx = step(n, vote(4, 10, 4, true), 3);
    expect(ctx.sent).toEqual([{ to: 3, msg: { type: 'RequestVoteReply', term: 5, granted: false, pre: true, reason: N.VoteDeniedStaleTerm } }]);

    expect({ term: n.term, votedFor: n.votedFor, len: n.log.length, role: n.role }).toEqual({ ...before, role: 'follower' });
  });

  it('stale replies are ignored', () => {
    const n = inRole('leader');
    const term = n.term;
    for (const msg of [
      { type: 'RequestVoteReply', term: term - 1, granted: true, pre: false, reason: 0 } as const,
      { type: 'AppendEntriesReply', term: term - 1, success: true, index: 5, hintIndex: 0, hintTerm: 0 } as const,
    ]) {
      const ctx = step(n, msg, 2);
      expect(ctx.sent).toEqual([]);
      expect(ctx.noteOf(N.IgnoredStale)).toMatchObject({ a: term - 1, b: term, c: 2 });
    }
    expect(n.matchIndex[2]).toBe(0);
    expect(n.role).toBe('leader');
  });
});

describe('§5.2 leader election', () => {
  it('servers start as followers with a randomized election timeout in [et, 2et)', () => {
    const cfg = raftProtocol.parseConfig({ electionTimeoutMs: 100, heartbeatMs: 10 }, 3);
    const seen = new Set<number>();
    const rng = prng(7);
    for (let i = 0; i < 500; i++) {
      const n = raftProtocol.createNode(1, 3, cfg, undefined);
      const ctx = new FakeCtx(1, 0, rng);
      raftProtocol.start(n, ctx);
      expect(n.role).toBe('follower');
      expect(ctx.randomCalls).toEqual([[100, 200]]);
      const d = ctx.timer!;
      expect(d).toBeGreaterThanOrEqual(100);
      expect(d).toBeLessThan(200);
      seen.add(d);
    }
    // Randomized, not a constant: nearly every value of the range shows up.
    expect(seen.size).toBeGreaterThan(90);
  });

  it.each<Role>(['follower', 'candidate'])('a %s that times out starts an election: term+1, votes for itself, asks everyone', (role) => {
    const n = makeNode(1, 3, { initial: { term: 1, log: [1, 1] } });
    if (role === 'candidate') fire(n);
    const term = n.term;
    const ctx = fire(n);
    expect(n.role).toBe('candidate');
    expect(n.term).toBe(term + 1);
    expect(n.votedFor).toBe(1);
    expect(ctx.sent).toEqual([
      { to: 2, msg: { type: 'RequestVote', term: term + 1, candidate: 1, lastIndex: 2, lastTerm: 1, pre: false } },
      { to: 3, msg: { type: 'RequestVote', term: term + 1, candidate: 1, lastIndex: 2, lastTerm: 1, pre: false } },
    ]);
    expect(ctx.noteOf(N.StartElection)).toMatchObject({ a: term + 1 });
    const d = ctx.timer!;
    expect(d >= 150 && d < 300).toBe(true);
  });

  // etcd's TestLeaderElectionInOneRoundRPC: win, lose, or stay undecided.
  it.each<[number, Record<number, boolean>, Role]>([
    [1, {}, 'leader'],
    [3, { 2: true, 3: true }, 'leader'],
    [3, { 2: true }, 'leader'],
    [5, { 2: true, 3: true, 4: true, 5: true }, 'leader'],
    [5, { 2: true, 3: true, 4: true }, 'leader'],
    [5, { 2: true, 3: true }, 'leader'],
    [3, { 2: false, 3: false }, 'follower'],
    [5, { 2: false, 3: false, 4: false, 5: false }, 'follower'],
    [5, { 2: true, 3: false, 4: false, 5: false }, 'follower'],
    [3, {}, 'candidate'],
    [5, { 2: true }, 'candidate'],
    [5, { 2: false, 3: false }, 'candidate'],
    [5, {}, 'candidate'],
  ])('size %i, votes %j => %s', (size, votes, want) => {
    const n = makeNode(1, size);
    fire(n);
    for (const [id, granted] of Object.entries(votes)) {
      step(n, { type: 'RequestVoteReply', term: 1, granted, pre: false, reason: 0 }, Number(id));
    }
    expect(n.role).toBe(want);
    expect(n.term).toBe(1);
  });

  it('counts each voter once', () => {
    const n = makeNode(1, 5);
    fire(n);
    for (let i = 0; i < 4; i++) step(n, { type: 'RequestVoteReply', term: 1, granted: true, pre: false, reason: 0 }, 2);
    expect(n.role).toBe('candidate');
    const ctx = step(n, { type: 'RequestVoteReply', term: 1, granted: true, pre: false, reason: 0 }, 3);
    expect(n.role).toBe('leader');
    expect(ctx.noteOf(N.BecameLeader)).toMatchObject({ a: 1, b: 3, c: 3 });
  });

  // etcd's TestFollowerVote: at most one vote per term, first come first served.
  it.each<[number, number, boolean]>([
    [0, 2, true],
    [0, 3, true],
    [2, 2, true],
    [3, 3, true],
    [2, 3, false],
    [3, 2, false],
  ])('having voted for %i this term, a request from %i is granted: %s', (votedFor, candidate, granted) => {
    const n = makeNode(1, 3, { initial: { term: 1, votedFor } });
    const ctx = step(n, vote(1), candidate);
    expect(ctx.msgs('RequestVoteReply')).toEqual([
      { to: candidate, msg: { type: 'RequestVoteReply', term: 1, granted, pre: false, reason: granted ? 0 : N.VoteDeniedAlreadyVoted } },
    ]);
    expect(n.votedFor).toBe(granted ? candidate : votedFor);
    if (!granted) expect(ctx.noteOf(N.VoteDeniedAlreadyVoted)).toMatchObject({ a: 1, b: votedFor, c: candidate });
  });

  it('the vote is persistent: a second candidate of the same term is refused after the first', () => {
    const n = makeNode(1, 5);
    expect(step(n, vote(1), 2).sent[0].msg).toMatchObject({ granted: true });
    expect(step(n, vote(1), 3).sent[0].msg).toMatchObject({ granted: false });
    expect(step(n, vote(1), 2).sent[0].msg).toMatchObject({ granted: true }); // a retry by the same candidate
    expect(n.votedFor).toBe(2);
  });

  it('granting a vote restarts the election timer; refusing does not', () => {
    const n = makeNode(1, 3, { initial: { term: 1, log: [1, 1] } });
    expect(step(n, vote(1, 0, 0), 2).timer).toBeUndefined(); // refused: our log is longer
    const ctx = step(n, vote(1, 2, 1), 3);
    expect(ctx.sent[0].msg).toMatchObject({ granted: true });
    expect(ctx.timer).toBeGreaterThanOrEqual(150);
  });

  it('a candidate or leader refuses others in its own term (it voted for itself)', () => {
    for (const role of ['candidate', 'leader'] as const) {
      const n = inRole(role);
      const ctx = step(n, vote(n.term, 100, n.term), 3);
      expect(ctx.sent).toEqual([{ to: 3, msg: { type: 'RequestVoteReply', term: n.term, granted: false, pre: false, reason: N.VoteDeniedAlreadyVoted } }]);
      expect(n.role).toBe(role);
    }
  });

  it('etcd: a follower that knows the leader of this term refuses a vote in it', () => {
    const n = makeNode(1, 3);
    step(n, app(1, 0, 0), 2); // leader 2 of term 1, without our vote
    expect(n.leader).toBe(2);
    expect(n.votedFor).toBe(0);
    const ctx = step(n, vote(1, 5, 1), 3);
    expect(ctx.sent[0].msg).toMatchObject({ granted: false });
    expect(ctx.noteOf(N.VoteDeniedKnowsLeader)).toMatchObject({ a: 1, b: 2, c: 3 });
  });

  it.each<Role>(['candidate', 'precandidate'])('a %s hearing AppendEntries of its term from the winner follows it', (role) => {
    const n = makeNode(1, 3, { config: { preVote: role === 'precandidate' }, initial: { term: 1 } });
    fire(n);
    expect(n.role).toBe(role);
    const ctx = step(n, app(n.term, 0, 0), 2);
    expect(n.role).toBe('follower');
    expect(n.leader).toBe(2);
    expect(ctx.noteOf(N.FollowLeader)).toMatchObject({ a: n.term, c: 2 });
    expect(ctx.sent[0].msg).toMatchObject({ type: 'AppendEntriesReply', success: true });
  });

  it('a new leader appends an empty entry of its term and sends it to every follower', () => {
    const n = makeNode(1, 3, { initial: { term: 2, log: [1, 2] } });
    const ctx = elect(n);
    expect(terms(n)).toEqual([1, 2, 3]);
    expect(n.log[3].value).toBe('');
    const apps = ctx.msgs('AppendEntries');
    expect(apps.map((a) => a.to)).toEqual([2, 3]);
    for (const a of apps) {
      expect(a.msg).toMatchObject({ term: 3, prevIndex: 2, prevTerm: 2, leaderCommit: 0 });
      expect(a.msg.entries).toEqual([{ term: 3, value: '' }]);
    }
    expect(ctx.timer).toBe(50);
  });

  it('a leader heartbeats every heartbeatMs with empty AppendEntries to followers that are in step', () => {
    const n = makeNode(1, 3);
    elect(n);
    // Both followers confirm the no-op entry.
    step(n, { type: 'AppendEntriesReply', term: 1, success: true, index: 1, hintIndex: 0, hintTerm: 0 }, 2);
    step(n, { type: 'AppendEntriesReply', term: 1, success: true, index: 1, hintIndex: 0, hintTerm: 0 }, 3);
    expect(n.commitIndex).toBe(1);
    const ctx = fire(n, 50);
    expect(ctx.sent).toEqual([2, 3].map((to) => ({
      to,
      msg: { type: 'AppendEntries', term: 1, prevIndex: 1, prevTerm: 1, entries: [], leaderCommit: 1 },
    })));
    expect(ctx.timer).toBe(50);
    expect(ctx.noteOf(N.Heartbeat)).toMatchObject({ a: 1 });
  });
});

describe('§5.4.1 election restriction', () => {
  // etcd's TestVoter and testRecvMsgVote: the voter's log [2, 2] (last index 2, term 2).
  it.each<[number[], number, number, boolean]>([
    // same last term: the candidate's index decides
    [[1], 1, 1, true],
    [[1], 2, 1, true],
    [[1, 1], 1, 1, false],
    // candidate's last term higher: granted whatever the length
    [[1], 1, 2, true],
    [[1], 2, 2, true],
    [[1, 1], 1, 2, true],
    // voter's last term higher: refused whatever the length
    [[2], 1, 1, false],
    [[2], 2, 1, false],
    [[2, 2], 1, 1, false],
    [[2, 2], 3, 1, false],
    [[2, 2], 2, 2, true],
    [[2, 2], 1, 2, false],
    [[2, 2], 1, 3, true],
    [[], 0, 0, true],
    [[1], 0, 0, false],
  ])('voter log %j, candidate last (index %i, term %i) => granted %s', (log, lastIndex, lastTerm, granted) => {
    const n = makeNode(1, 3, { initial: { term: 2, log } });
    const ctx = step(n, vote(3, lastIndex, lastTerm), 2);
    const ourLastTerm = log.length ? log[log.length - 1] : 0;
    const reason = granted ? 0 : lastTerm < ourLastTerm ? N.VoteDeniedLogTerm : N.VoteDeniedLogIndex;
    expect(ctx.msgs('RequestVoteReply')[0].msg).toEqual({ type: 'RequestVoteReply', term: 3, granted, pre: false, reason });
    if (!granted) {
      if (lastTerm < ourLastTerm) expect(ctx.noteOf(N.VoteDeniedLogTerm)).toMatchObject({ a: lastTerm, b: ourLastTerm, c: 2 });
      else expect(ctx.noteOf(N.VoteDeniedLogIndex)).toMatchObject({ a: lastIndex, b: log.length, c: 2 });
    }
  });

  it('a vote request carries the candidate\'s last log index and term', () => {
    const n = makeNode(1, 3, { initial: { term: 2, log: [1, 2] } });
    const ctx = fire(n);
    for (const s of ctx.sent) expect(s.msg).toEqual({ type: 'RequestVote', term: 3, candidate: 1, lastIndex: 2, lastTerm: 2, pre: false });
  });
});

describe('elections in a cluster', () => {
  it('5 nodes with 2 down: the 3 that are up elect a leader', () => {
    const net = new Network({ nodes: 5, seed: 3 });
    net.crash(4);
    net.crash(5);
    net.run(3000);
    const l = net.leader();
    expect([1, 2, 3]).toContain(l);
    expect(net.roles().filter((r) => r === 'leader')).toHaveLength(1);
    // The leader's no-op committed on the 3 live nodes.
    for (const id of [1, 2, 3]) expect(net.node(id).commitIndex).toBeGreaterThanOrEqual(1);
    expect(net.violations).toEqual([]);
  });

  it('5 nodes with 3 down: nobody is ever elected (terms rise, no leader)', () => {
    const net = new Network({ nodes: 5, seed: 3 });
    for (const id of [3, 4, 5]) net.crash(id);
    net.run(5000);
    expect(net.leader()).toBe(0);
    expect(net.notesOf(N.BecameLeader)).toEqual([]);
    expect(Math.max(net.node(1).term, net.node(2).term)).toBeGreaterThan(5);
  });

  it('randomized timeouts settle split votes: 9 seeds of 5 nodes each end with exactly one leader', () => {
    for (let seed = 1; seed <= 9; seed++) {
      const net = new Network({ nodes: 5, seed });
      net.run(4000);
      expect(net.roles().filter((r) => r === 'leader')).toHaveLength(1);
      const l = net.node(net.leader());
      for (let id = 1; id <= 5; id++) expect(net.node(id).term).toBe(l.term);
      expect(net.violations).toEqual([]);
    }
  });

  // etcd's TestDuelingCandidates.
  it('dueling candidates: the one with the shorter log cannot win once logs differ', () => {
    const net = new Network({ nodes: 3 });
    net.cutLink(1, 3);
    net.campaign(1); // n1 wins with n2's vote, replicates its no-op to n2
    net.campaign(3); // n3 reaches only n2, which voted for n1 in term 1
    expect(net.roles()).toEqual(['leader', 'follower', 'candidate']);
    expect(net.node(3).term).toBe(1);

    net.recover();
    net.campaign(3); // term 2: both refuse, n3's log is behind
    expect(net.node(3).term).toBe(2);
    expect(net.roles()).toEqual(['follower', 'follower', 'follower']);
    expect(net.notesOf(N.ElectionLost, 3)).toHaveLength(1);
    expect(net.notesOf(N.VoteDeniedLogTerm).map((x) => x.node)).toEqual([1, 2]);
    expect(terms(net.node(3))).toEqual([]);
    expect(net.violations).toEqual([]);
  });

  it('a candidate that is refused by a majority returns to follower (ElectionLost)', () => {
    const net = new Network({ nodes: 3, initial: { 2: { term: 1, log: [1] }, 3: { term: 1, log: [1] } } });
    net.campaign(1);
    expect(net.node(1).role).toBe('follower');
    expect(net.notesOf(N.ElectionLost, 1)).toEqual([expect.objectContaining({ a: 1 })]);
  });
});
