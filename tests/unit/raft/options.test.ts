/**
 * etcd's options: PreVote and CheckQuorum (raft_test.go: TestPreVote*, TestDisruptiveFollower*,
 * TestLeaderStepdownWhenQuorumLost, TestFreeStuckCandidateWithCheckQuorum...).
 */
import { describe, expect, it } from 'vitest';
import { Network, fire, makeNode, step, terms } from './harness';
import { N, app, elect, vote } from './helpers';

describe('PreVote', () => {
  it('a timed-out node becomes pre-candidate and asks for term+1 without raising its own term or vote', () => {
    const n = makeNode(1, 3, { config: { preVote: true }, initial: { term: 4, votedFor: 2, log: [1, 4] } });
    const ctx = fire(n);
    expect(n.role).toBe('precandidate');
    expect(n.term).toBe(4);
    expect(n.votedFor).toBe(2);
    expect(ctx.noteOf(N.StartPreVote)).toMatchObject({ a: 5 });
    expect(ctx.sent).toEqual([2, 3].map((to) => ({ to, msg: { type: 'RequestVote', term: 5, candidate: 1, lastIndex: 2, lastTerm: 4, pre: true } })));
  });

  it('a voter grants a pre-vote for a later term without changing its term, its vote or its leader', () => {
    const n = makeNode(1, 3, { config: { preVote: true }, initial: { term: 4, votedFor: 2 } });
    step(n, app(4, 0, 0), 2); // knows leader 2
    const ctx = step(n, vote(5, 3, 4, true), 3);
    expect(ctx.sent).toEqual([{ to: 3, msg: { type: 'RequestVoteReply', term: 5, granted: true, pre: true, reason: 0 } }]);
    expect({ term: n.term, votedFor: n.votedFor, leader: n.leader, role: n.role }).toEqual({ term: 4, votedFor: 2, leader: 2, role: 'follower' });
    expect(ctx.has(N.AdoptTerm)).toBe(false);
    expect(ctx.timer).toBeUndefined(); // a pre-vote does not hold back our own timeout
  });

  it('a voter refuses a pre-vote whose log is behind, answering with its own term', () => {
    const n = makeNode(1, 3, { config: { preVote: true }, initial: { term: 4, log: [1, 4] } });
    const ctx = step(n, vote(5, 5, 3, true), 3);
    expect(ctx.sent).toEqual([{ to: 3, msg: { type: 'RequestVoteReply', term: 4, granted: false, pre: true, reason: N.VoteDeniedLogTerm } }]);
    expect(ctx.noteOf(N.VoteDeniedLogTerm)).toMatchObject({ a: 3, b: 4, c: 3 });
  });

  it('only a quorum of pre-votes makes a real candidate, at term+1', () => {
    const n = makeNode(1, 5, { config: { preVote: true }, initial: { term: 2 } });
    fire(n);
    step(n, { type: 'RequestVoteReply', term: 3, granted: true, pre: true, reason: 0 }, 2);
    expect(n.role).toBe('precandidate');
    expect(n.term).toBe(2);
    const ctx = step(n, { type: 'RequestVoteReply', term: 3, granted: true, pre: true, reason: 0 }, 3);
    expect(ctx.noteOf(N.PreVoteWon)).toMatchObject({ a: 3, b: 3 });
    expect(n.role).toBe('candidate');
    expect(n.term).toBe(3);
    expect(n.votedFor).toBe(1);
    expect(ctx.msgs('RequestVote').map((m) => m.msg)).toEqual(
      [2, 3, 4, 5].map(() => ({ type: 'RequestVote', term: 3, candidate: 1, lastIndex: 0, lastTerm: 0, pre: false })),
    );
    // Pre-vote answers arriving late are not counted as votes.
    const late = step(n, { type: 'RequestVoteReply', term: 3, granted: true, pre: true, reason: 0 }, 4);
    expect(late.has(N.IgnoredReply)).toBe(true);
    expect(n.granted).toBe((1 << 1));
  });

  it('a pre-vote refused with a higher term makes the pre-candidate follower at that term', () => {
    const n = makeNode(1, 3, { config: { preVote: true }, initial: { term: 2 } });
    fire(n);
    const ctx = step(n, { type: 'RequestVoteReply', term: 7, granted: false, pre: true, reason: 0 }, 2);
    expect(n.role).toBe('follower');
    expect(n.term).toBe(7);
    expect(ctx.noteOf(N.AdoptTerm)).toMatchObject({ a: 7, b: 2, c: 2 });
  });

  it('a pre-candidate refused by a majority at its own term gives up', () => {
    const n = makeNode(1, 3, { config: { preVote: true }, initial: { term: 2 } });
    fire(n);
    step(n, { type: 'RequestVoteReply', term: 2, granted: false, pre: true, reason: 0 }, 2);
    const ctx = step(n, { type: 'RequestVoteReply', term: 2, granted: false, pre: true, reason: 0 }, 3);
    expect(ctx.has(N.ElectionLost)).toBe(true);
    expect(n.role).toBe('follower');
    expect(n.term).toBe(2);
  });

  it('a partitioned node does not inflate its term; back, with its log behind, it disrupts nothing', () => {
    const net = new Network({ nodes: 3, seed: 5, config: { preVote: true } });
    net.run(1000);
    const leader = net.leader();
    expect(leader).not.toBe(0);
    const term = net.node(leader).term;
    const lone = leader === 3 ? 2 : 3;
    net.isolate(lone);
    for (let i = 0; i < 3; i++) net.request(leader, `x${i}`);
    net.run(4000);
    expect(net.node(lone).term).toBe(term);
    expect(net.notesOf(N.StartPreVote, lone).length).toBeGreaterThan(5);
    expect(net.notesOf(N.StartElection, lone)).toEqual([]);

    net.recover();
    net.run(7000);
    expect(net.leader()).toBe(leader);
    for (let id = 1; id <= 3; id++) expect(net.node(id).term).toBe(term);
    expect(terms(net.node(lone))).toEqual(terms(net.node(leader)));
    expect(net.violations).toEqual([]);
  });

  it('without PreVote the same partition inflates the term, and the rejoining node unseats the leader', () => {
    const net = new Network({ nodes: 3, seed: 5 });
    net.run(1000);
    const leader = net.leader();
    const term = net.node(leader).term;
    const lone = leader === 3 ? 2 : 3;
    net.isolate(lone);
    for (let i = 0; i < 3; i++) net.request(leader, `x${i}`);
    net.run(4000);
    expect(net.node(lone).term).toBeGreaterThan(term + 5);
    net.recover();
    net.run(7000);
    expect(net.notesOf(N.AdoptTerm, leader).length).toBeGreaterThan(0);
    expect(net.node(net.leader()).term).toBeGreaterThan(term + 5);
    expect(net.violations).toEqual([]);
  });
});

describe('CheckQuorum', () => {
  it('a leader that stops hearing from a quorum steps down within about an election timeout', () => {
    const net = new Network({ nodes: 3, seed: 2, config: { checkQuorum: true } });
    net.run(1000);
    const leader = net.leader();
    expect(leader).not.toBe(0);
    net.isolate(leader);
    const cutAt = net.now;
    // The check runs every election timeout (150 ms): the window the cut falls in may still
    // have heard a quorum, the next one cannot.
    net.run(cutAt + 300);
    expect(net.node(leader).role).not.toBe('leader');
    const down = net.notesOf(N.CheckQuorumStepDown, leader);
    expect(down).toEqual([expect.objectContaining({ a: 1, b: 2 })]);
    // The majority side elects someone else meanwhile.
    expect(net.leader()).not.toBe(leader);
    expect(net.violations).toEqual([]);
  });

  it('a leader that hears from a quorum keeps leading', () => {
    const net = new Network({ nodes: 5, seed: 2, config: { checkQuorum: true } });
    net.run(500);
    const leader = net.leader();
    net.crash(leader === 5 ? 4 : 5); // 4 of 5 still up: a quorum
    net.run(5000);
    expect(net.leader()).toBe(leader);
    expect(net.notesOf(N.CheckQuorumStepDown)).toEqual([]);
  });

  it('without CheckQuorum the isolated leader stays leader (of a minority) forever', () => {
    const net = new Network({ nodes: 3, seed: 2 });
    net.run(1000);
    const leader = net.leader();
    net.isolate(leader);
    net.run(5000);
    expect(net.node(leader).role).toBe('leader');
  });

  it('a follower that heard its leader within the election timeout ignores a higher-term vote request', () => {
    const n = makeNode(2, 3, { config: { checkQuorum: true }, initial: { term: 3 } });
    step(n, app(3, 0, 0), 1, 1000);
    for (const pre of [false, true]) {
      const ctx = step(n, vote(4, 9, 9, pre), 3, 1100);
      expect(ctx.sent).toEqual([]);
      expect(ctx.noteOf(N.VoteIgnoredLease)).toMatchObject({ a: 4, b: 1, c: 3 });
      expect(n.term).toBe(3);
    }
    // Once the lease has run out (an election timeout without the leader), it listens.
    const ctx = step(n, vote(4, 9, 9), 3, 1150);
    expect(n.term).toBe(4);
    expect(ctx.sent[0].msg).toMatchObject({ granted: true });
  });

  it('a leader inside its lease ignores a disruptive vote request too', () => {
    const n = makeNode(1, 3, { config: { checkQuorum: true }, initial: { term: 1 } });
    elect(n, 100);
    const ctx = step(n, vote(9, 50, 9), 3, 150);
    expect(ctx.has(N.VoteIgnoredLease)).toBe(true);
    expect(n.role).toBe('leader');
  });

  it('a stuck candidate with a higher term is freed: the stale heartbeat it rejects makes the leader step down', () => {
    const net = new Network({ nodes: 3, seed: 4, config: { checkQuorum: true } });
    net.run(1000);
    const leader = net.leader();
    const term = net.node(leader).term;
    const lone = leader === 3 ? 2 : 3;
    net.isolate(lone);
    net.run(3000);
    expect(net.node(lone).term).toBeGreaterThan(term);
    net.recover();
    net.run(6000);
    // Its vote requests were ignored under the lease, but the answer to a heartbeat was not.
    expect(net.notesOf(N.VoteIgnoredLease).length).toBeGreaterThan(0);
    expect(net.notesOf(N.AppendRejectedStaleTerm, lone).length).toBeGreaterThan(0);
    const now = net.leader();
    expect(now).not.toBe(0);
    for (let id = 1; id <= 3; id++) expect(net.node(id).term).toBe(net.node(now).term);
    expect(net.violations).toEqual([]);
  });
});
