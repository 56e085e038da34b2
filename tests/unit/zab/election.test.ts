/** Fast Leader Election, one rule per test, on servers stepped by hand. */
import { describe, expect, it } from 'vitest';
import { compareVotes } from '../../../src/core/zab/election';
import { ZAB_TIMERS, zxidOf } from '../../../src/core/zab/types';
import { fire, makeNode, notif, step } from './harness';

const z = zxidOf;

describe('totalOrderPredicate: epoch, then zxid, then sid', () => {
  const n = makeNode(1, 3);
  it('a higher epoch wins over a higher zxid and sid', () => {
    expect(compareVotes(n, { leader: 1, zxid: z(1, 1), epoch: 2 }, { leader: 3, zxid: z(1, 9), epoch: 1 })).toEqual({ better: true, by: 'epoch' });
  });
  it('same epoch: the higher zxid wins over a higher sid', () => {
    expect(compareVotes(n, { leader: 1, zxid: z(2, 3), epoch: 2 }, { leader: 3, zxid: z(2, 1), epoch: 2 })).toEqual({ better: true, by: 'zxid' });
    expect(compareVotes(n, { leader: 3, zxid: z(2, 1), epoch: 2 }, { leader: 1, zxid: z(2, 3), epoch: 2 })).toEqual({ better: false, by: 'zxid' });
  });
  it('same epoch and zxid: the higher sid wins; an equal vote is not better', () => {
    expect(compareVotes(n, { leader: 3, zxid: z(1, 1), epoch: 1 }, { leader: 2, zxid: z(1, 1), epoch: 1 })).toEqual({ better: true, by: 'sid' });
    expect(compareVotes(n, { leader: 2, zxid: z(1, 1), epoch: 1 }, { leader: 2, zxid: z(1, 1), epoch: 1 })).toEqual({ better: false, by: 'sid' });
  });
  it('ignoreZxidInElection skips the zxid: epoch, then sid', () => {
    const b = makeNode(1, 3, { bugs: ['ignoreZxidInElection'] });
    expect(compareVotes(b, { leader: 3, zxid: z(2, 1), epoch: 2 }, { leader: 1, zxid: z(2, 3), epoch: 2 })).toEqual({ better: true, by: 'sid' });
  });
});

describe('rounds', () => {
  it('starts in round 1 voting for itself with its last zxid and current epoch, sent to every peer', () => {
    const n = makeNode(2, 3, undefined, { history: ['0x100000001', '0x100000002'] });
    expect(n.round).toBe(1);
    expect(n.vote).toEqual({ leader: 2, zxid: z(1, 2), epoch: 1 });
  });

  it('a higher round: adopt it, forget received votes, compare with our initial vote, rebroadcast', () => {
    const n = makeNode(1, 5);
    step(n, notif(2, 2, 0, 0, 1), 2);
    expect(n.recv[2]).not.toBeNull();
    const ctx = step(n, notif(3, 3, 0, 0, 4), 3);
    expect(ctx.noteOf('RoundAdopted')?.f).toEqual({ from: 3, round: 4, oldRound: 1 });
    expect(ctx.noteOf('AdoptBySid')?.f).toEqual({ from: 3, leader: 3, theirs: 3, ours: 1 });
    expect(n.round).toBe(4);
    expect(n.recv[2]).toBeNull();
    expect(n.recv[3]?.leader).toBe(3);
    expect(n.vote.leader).toBe(3);
    expect(ctx.msgs('Notification').map((m) => m.to)).toEqual([2, 3, 4, 5]);
  });

  it('a higher round with a worse vote: keep our initial vote (not the one we had adopted)', () => {
    const n = makeNode(2, 5);
    step(n, notif(5, 5, 0, 0, 1), 5);
    expect(n.vote.leader).toBe(5);
    const ctx = step(n, notif(1, 1, 0, 0, 2), 1);
    expect(ctx.noteOf('KeepBySid')).toBeDefined();
    expect(n.vote.leader).toBe(2);
  });

  it('a lower round: not recorded, the laggard gets our vote back', () => {
    const n = makeNode(1, 5);
    step(n, notif(3, 3, 0, 0, 5), 3);
    const ctx = step(n, notif(2, 2, 0, 0, 1), 2);
    expect(ctx.noteOf('LowerRoundAnswered')?.f).toEqual({ from: 2, round: 1, ourRound: 5 });
    expect(n.recv[2]).toBeNull();
    expect(ctx.sent).toEqual([{ to: 2, msg: { type: 'Notification', vote: n.vote, round: 5, state: 1, sid: 1 } }]);
  });

  it('same round and better: adopt and rebroadcast; worse: keep, record, send nothing', () => {
    const n = makeNode(2, 5, undefined, { history: ['0x100000001'] });
    let ctx = step(n, notif(1, 1, z(1, 3), 1, 1), 1);
    expect(ctx.noteOf('AdoptByZxid')?.f).toEqual({ from: 1, leader: 1, theirs: z(1, 3), ours: z(1, 1) });
    expect(ctx.msgs('Notification')).toHaveLength(4);
    ctx = step(n, notif(5, 5, z(1, 1), 1, 1), 5);
    expect(ctx.noteOf('KeepByZxid')).toBeDefined();
    expect(ctx.msgs('Notification')).toHaveLength(0);
    expect(n.recv[5]?.leader).toBe(5);
  });
});

describe('deciding', () => {
  it('a quorum with our vote starts finalizeWait; silence then decides', () => {
    const n = makeNode(1, 3);
    const ctx = step(n, notif(3, 3, 0, 0, 1), 3);
    expect(ctx.noteOf('QuorumAgrees')?.f).toEqual({ leader: 3, votes: 2, needed: 2, waitMs: 200 });
    expect(ctx.lastTimer(ZAB_TIMERS.election)).toBe(200);
    expect(n.state).toBe('looking');
    const done = fire(n, ZAB_TIMERS.election, 200);
    expect(done.noteOf('Decided')?.f).toEqual({ leader: 3, votes: 2, round: 1 });
    expect(n.state).toBe('following');
    expect(done.msgs('FollowerInfo')).toEqual([{ to: 3, msg: { type: 'FollowerInfo', acceptedEpoch: 0, lastZxid: 0 } }]);
  });

  it('a better vote during finalizeWait goes back to the election; a worse one is dropped unrecorded', () => {
    const n = makeNode(1, 5);
    step(n, notif(3, 3, 0, 0, 1), 3);
    step(n, notif(2, 3, 0, 0, 1), 2);
    expect(n.finalizing).toBe(true);
    const worse = step(n, notif(4, 2, 0, 0, 1), 4);
    expect(worse.noteOf('FinalizeDiscarded')).toBeDefined();
    expect(n.recv[4]).toBeNull();
    const better = step(n, notif(5, 5, 0, 0, 1), 5);
    expect(better.names()).toContain('FinalizeInterrupted');
    expect(better.noteOf('AdoptBySid')?.f.leader).toBe(5);
    expect(n.finalizing).toBe(false);
    expect(n.vote.leader).toBe(5);
  });

  it('wins when the quorum votes for us', () => {
    const n = makeNode(3, 3);
    step(n, notif(1, 3, 0, 0, 1), 1);
    fire(n, ZAB_TIMERS.election, 200);
    expect(n.state).toBe('leading');
  });

  it('silence re-sends notifications, the interval doubling from 200 ms up to its cap', () => {
    const n = makeNode(1, 3, { maxNotificationIntervalMs: 1000 });
    const seen: number[] = [];
    for (let i = 0; i < 5; i++) {
      const ctx = fire(n, ZAB_TIMERS.election);
      expect(ctx.msgs('Notification')).toHaveLength(2);
      seen.push(ctx.noteOf('NotificationsResent')!.f.intervalMs);
      expect(ctx.lastTimer(ZAB_TIMERS.election)).toBe(seen[i]);
    }
    expect(seen).toEqual([400, 800, 1000, 1000, 1000]);
  });
});

describe('an established ensemble', () => {
  it('a LOOKING server joins once a quorum names the same leader and epoch and the leader says LEADING', () => {
    const n = makeNode(1, 3);
    // n2 follows n3 (its zxid and round differ from n3's: only leader and epoch must match).
    step(n, notif(2, 3, z(1, 4), 1, 7, 2), 2);
    expect(n.state).toBe('looking');
    expect(n.outOf[2]?.state).toBe('following');
    const ctx = step(n, notif(3, 3, z(1, 5), 1, 6, 3), 3);
    expect(ctx.noteOf('JoinedEnsemble')?.f).toEqual({ leader: 3, epoch: 1, votes: 2 });
    expect(n.state).toBe('following');
    expect(n.leader).toBe(3);
    expect(n.round).toBe(6);
  });

  it('without the leader itself saying LEADING, followers alone do not make us join', () => {
    const n = makeNode(1, 5);
    step(n, notif(2, 3, 0, 1, 7, 2), 2);
    step(n, notif(4, 3, 0, 1, 7, 2), 4);
    expect(n.state).toBe('looking');
  });

  it('a FOLLOWING server answers a LOOKING one with its current vote and state', () => {
    const n = makeNode(1, 3);
    step(n, notif(3, 3, 0, 0, 1), 3);
    fire(n, ZAB_TIMERS.election, 200);
    const ctx = step(n, notif(2, 2, 0, 0, 1), 2);
    expect(ctx.sent).toEqual([{ to: 2, msg: { type: 'Notification', vote: { leader: 3, zxid: 0, epoch: 0 }, round: 1, state: 2, sid: 1 } }]);
  });

  it('a LOOKING notification of a newer round from our leader means it left: LOOKING at once', () => {
    const n = makeNode(1, 3);
    step(n, notif(3, 3, 0, 0, 1), 3);
    fire(n, ZAB_TIMERS.election, 200);
    const stale = step(n, notif(3, 3, 0, 0, 1), 3);
    expect(stale.names()).not.toContain('ConnectionClosed');
    const ctx = step(n, notif(3, 3, 0, 0, 2), 3);
    expect(ctx.noteOf('ConnectionClosed')?.f).toEqual({ peer: 3, wasLeader: 1 });
    expect(n.state).toBe('looking');
  });
});
