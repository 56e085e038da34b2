/**
 * Raft's side of the classroom moves: a user's "time out" (etcd's MsgHup), a request that
 * finds no leader, the fields a message inspector shows, and which decisions are notable.
 * One test per rule, etcd-io/raft style.
 */
import { describe, expect, it } from 'vitest';
import { raftProtocol } from '../../../src/core/raft/protocol';
import { MsgKind, Note, type RaftMsg } from '../../../src/core/raft/types';
import { SIM_NOTE_BASE, SimNote } from '../../../src/core/protocol';
import { CLIENT, FakeCtx, fire, makeNode, step } from './harness';
import { app, elect, vote } from './helpers';

function timeoutNow(node: ReturnType<typeof makeNode>, now = 0): FakeCtx {
  const ctx = new FakeCtx(node.id, now);
  raftProtocol.timeoutNow!(node, ctx);
  return ctx;
}

describe('timeout (MsgHup)', () => {
  it('a follower that is told to time out campaigns at once: term + 1, its own vote, RequestVote to all', () => {
    const n = makeNode(1, 3, { initial: { term: 2, log: [1, 2] } });
    const ctx = timeoutNow(n);
    expect(n.role).toBe('candidate');
    expect(n.term).toBe(3);
    expect(n.votedFor).toBe(1);
    expect(ctx.noteOf(Note.TimeoutNow)).toMatchObject({ a: 2 });
    expect(ctx.msgs('RequestVote').map((m) => m.to)).toEqual([2, 3]);
    expect(ctx.msgs('RequestVote')[0].msg).toMatchObject({ term: 3, candidate: 1, lastIndex: 2, lastTerm: 2, pre: false });
    // A fresh randomized election timeout, as after a natural one.
    expect(ctx.timer).toBeGreaterThanOrEqual(150);
    expect(ctx.timer).toBeLessThan(300);
  });

  it('with PreVote on, a follower told to time out becomes pre-candidate first and keeps its term', () => {
    const n = makeNode(1, 3, { config: { preVote: true }, initial: { term: 2 } });
    const ctx = timeoutNow(n);
    expect(n.role).toBe('precandidate');
    expect(n.term).toBe(2);
    expect(ctx.has(Note.StartPreVote)).toBe(true);
    expect(ctx.msgs('RequestVote').every((m) => m.msg.pre && m.msg.term === 3)).toBe(true);
  });

  it('a candidate told to time out starts a new election in the next term', () => {
    const n = makeNode(1, 5);
    fire(n);
    expect(n.term).toBe(1);
    const ctx = timeoutNow(n);
    expect(n.role).toBe('candidate');
    expect(n.term).toBe(2);
    expect(ctx.noteOf(Note.StartElection)).toMatchObject({ a: 2 });
  });

  it('does what a natural election timeout does (same messages, same state)', () => {
    const a = makeNode(2, 3, { initial: { term: 4, log: [1, 4] } });
    const b = makeNode(2, 3, { initial: { term: 4, log: [1, 4] } });
    const viaTimer = fire(a);
    const viaAction = timeoutNow(b);
    expect(viaAction.sent).toEqual(viaTimer.sent);
    expect(raftProtocol.view(b, true)).toEqual(raftProtocol.view(a, true));
  });

  it('a leader ignores it, noting why (etcd: "ignoring MsgHup because already leader")', () => {
    const n = makeNode(1, 3);
    elect(n);
    const before = raftProtocol.view(n, true);
    const ctx = timeoutNow(n);
    expect(ctx.noteOf(Note.TimeoutIgnoredLeader)).toMatchObject({ a: n.term });
    expect(ctx.sent).toEqual([]);
    expect(ctx.timerOps).toEqual([]);
    expect(raftProtocol.view(n, true)).toEqual(before);
  });
});

describe('a client request with no leader', () => {
  it('a follower that knows no leader refuses the request, noting the term (etcd: no leader, proposal dropped)', () => {
    const n = makeNode(2, 3, { initial: { term: 3 } });
    const ctx = step(n, { type: 'ClientRequest', clientId: CLIENT, requestId: 7, value: 'x=1' }, CLIENT);
    expect(ctx.noteOf(Note.ClientRefusedNoLeader)).toMatchObject({ a: 3 });
    expect(ctx.has(Note.ClientRedirected)).toBe(false);
    expect(ctx.sent).toEqual([{ to: CLIENT, msg: { type: 'ClientReply', requestId: 7, ok: false, leaderHint: 0, index: 0 } }]);
    expect(n.log).toHaveLength(1);
  });

  it('a candidate refuses it the same way', () => {
    const n = makeNode(2, 3);
    fire(n);
    const ctx = step(n, { type: 'ClientRequest', clientId: CLIENT, requestId: 1, value: 'v' }, CLIENT);
    expect(ctx.noteOf(Note.ClientRefusedNoLeader)).toMatchObject({ a: 1 });
  });

  it('a follower that knows the leader names it instead', () => {
    const n = makeNode(2, 3);
    step(n, app(1, 0, 0), 1);
    const ctx = step(n, { type: 'ClientRequest', clientId: CLIENT, requestId: 1, value: 'v' }, CLIENT);
    expect(ctx.noteOf(Note.ClientRedirected)).toMatchObject({ a: 1 });
    expect(ctx.has(Note.ClientRefusedNoLeader)).toBe(false);
  });
});

describe('message fields for the inspector (look().fields)', () => {
  const fields = (m: RaftMsg) => raftProtocol.look(m).fields;

  it('RequestVote: term, candidate, lastLogIndex, lastLogTerm, preVote', () => {
    expect(fields({ type: 'RequestVote', term: 4, candidate: 3, lastIndex: 7, lastTerm: 2, pre: true })).toEqual({
      term: 4,
      candidate: 3,
      lastLogIndex: 7,
      lastLogTerm: 2,
      preVote: true,
    });
  });

  it('a vote reply carries the reason when denied, and none when granted', () => {
    const n = makeNode(1, 3, { initial: { term: 2, log: [2] } });
    const denied = step(n, vote(3, 1, 1, false, 2), 2).msgs('RequestVoteReply')[0].msg;
    expect(fields(denied)).toEqual({ term: 3, granted: false, preVote: false, reason: 'logTermBehind' });
    const granted = step(n, vote(3, 1, 2, false, 3), 3).msgs('RequestVoteReply')[0].msg;
    expect(fields(granted)).toEqual({ term: 3, granted: true, preVote: false });
  });

  it.each([
    [Note.VoteDeniedStaleTerm, 'staleTerm'],
    [Note.VoteDeniedAlreadyVoted, 'alreadyVoted'],
    [Note.VoteDeniedLogTerm, 'logTermBehind'],
    [Note.VoteDeniedLogIndex, 'logShorter'],
    [Note.VoteDeniedKnowsLeader, 'knowsLeader'],
  ])('vote denial %i is named %s', (reason, name) => {
    expect(fields({ type: 'RequestVoteReply', term: 1, granted: false, pre: false, reason })!.reason).toBe(name);
  });

  it('the vote reason sent matches the voter\'s note, for every denial it makes', () => {
    const n = makeNode(1, 3, { initial: { term: 2, votedFor: 3, log: [2] } });
    const ctx = step(n, vote(2, 5, 2, false, 2), 2);
    expect(ctx.msgs('RequestVoteReply')[0].msg.reason).toBe(Note.VoteDeniedAlreadyVoted);
    expect(ctx.has(Note.VoteDeniedAlreadyVoted)).toBe(true);
  });

  it('AppendEntries: term, prevLogIndex, prevLogTerm, entries as term/index and value, commit', () => {
    const m: RaftMsg = { type: 'AppendEntries', term: 3, prevIndex: 4, prevTerm: 2, entries: [{ term: 2, value: 'x=1' }, { term: 3, value: '' }], leaderCommit: 4 };
    expect(fields(m)).toEqual({ term: 3, prevLogIndex: 4, prevLogTerm: 2, entries: '2/5 "x=1", 3/6 ""', commit: 4 });
    expect(raftProtocol.look({ ...m, entries: [] }).fields).toMatchObject({ entries: '', prevLogIndex: 4, commit: 4 });
  });

  it('append reply: term, success, index; on rejection the hint', () => {
    expect(fields({ type: 'AppendEntriesReply', term: 3, success: true, index: 6, hintIndex: 0, hintTerm: 0 })).toEqual({ term: 3, success: true, index: 6 });
    expect(fields({ type: 'AppendEntriesReply', term: 3, success: false, index: 6, hintIndex: 4, hintTerm: 2 })).toEqual({
      term: 3,
      success: false,
      index: 6,
      rejectHint: 4,
      rejectHintTerm: 2,
    });
  });

  it('client request and reply', () => {
    expect(fields({ type: 'ClientRequest', clientId: CLIENT, requestId: 2, value: 'y' })).toEqual({ clientId: CLIENT, requestId: 2, value: 'y' });
    expect(fields({ type: 'ClientReply', requestId: 2, ok: true, leaderHint: 1, index: 9 })).toEqual({ requestId: 2, ok: true, index: 9 });
    expect(fields({ type: 'ClientReply', requestId: 2, ok: false, leaderHint: 3, index: 0 })).toEqual({ requestId: 2, ok: false, leaderHint: 3 });
  });
});

describe('notable(code)', () => {
  const notable = raftProtocol.notable!;

  it.each([
    Note.StartElection,
    Note.StartPreVote,
    Note.BecameLeader,
    Note.AdoptTerm,
    Note.VoteGranted,
    Note.VoteDeniedAlreadyVoted,
    Note.VoteDeniedLogTerm,
    Note.ElectionLost,
    Note.CheckQuorumStepDown,
    Note.AppendAccepted,
    Note.AppendRejectedMissing,
    Note.AppendRejectedTermMismatch,
    Note.Truncated,
    Note.CommitAdvanced,
    Note.ClientAppended,
    Note.ClientRefusedNoLeader,
    Note.TimeoutNow,
    Note.TimeoutIgnoredLeader,
  ])('decision %i is notable', (code) => {
    expect(notable(code)).toBe(true);
  });

  it.each([Note.Heartbeat, Note.HeartbeatAccepted, Note.AppendReplyInStep])('routine %i is not', (code) => {
    expect(notable(code)).toBe(false);
  });

  it("the simulator's own notes (a drop's or a client's outcome) are notable", () => {
    for (const code of Object.values(SimNote)) expect(code).toBeGreaterThanOrEqual(SIM_NOTE_BASE);
    for (const code of Object.values(SimNote)) expect(notable(code)).toBe(true);
    expect(Math.max(...Object.values(Note))).toBeLessThan(SIM_NOTE_BASE);
  });

  it('a heartbeat accepted is its own note; an append with entries is AppendAccepted', () => {
    const n = makeNode(2, 3);
    expect(step(n, app(1, 0, 0), 1).has(Note.HeartbeatAccepted)).toBe(true);
    const ctx = step(n, app(1, 0, 0, [1]), 1);
    expect(ctx.has(Note.AppendAccepted)).toBe(true);
    expect(ctx.has(Note.HeartbeatAccepted)).toBe(false);
    expect(raftProtocol.kindCode(app(1, 0, 0))).toBe(MsgKind.Heartbeat);
  });
});

describe('node view', () => {
  it('carries the last 256 log entries (the log panel scrolls back that far), with logStart', () => {
    const n = makeNode(1, 3, { initial: { term: 1, log: Array.from({ length: 300 }, () => 1) } });
    const v = raftProtocol.view(n, true);
    expect(v.logTerms).toHaveLength(256);
    expect(v.logStart).toBe(300 - 256 + 1);
    expect(v.lastIndex).toBe(300);
  });
});
