/** Discovery, synchronization and broadcast, one rule per test, on servers stepped by hand. */
import { describe, expect, it } from 'vitest';
import { planSync } from '../../../src/core/zab/leader';
import { ZAB_TIMERS, zxidOf, type Txn } from '../../../src/core/zab/types';
import type { ZabNode } from '../../../src/core/zab/state';
import { zabProtocol } from '../../../src/core/zab/protocol';
import { CLIENT, FakeCtx, fire, makeNode, notif, step } from './harness';

const z = zxidOf;
const txns = (...zs: number[]): Txn[] => zs.map((x) => ({ zxid: x, value: `v${x.toString(16)}` }));

/** A server of `nodes` that has just decided to lead. */
function leading(id: number, nodes: number, initial?: Record<string, unknown>, config?: Record<string, unknown>): ZabNode {
  const n = makeNode(id, nodes, config, initial);
  for (let p = 1; p <= nodes && n.state === 'looking'; p++) if (p !== id) step(n, notif(p, id, n.vote.zxid, n.vote.epoch, 1), p);
  fire(n, ZAB_TIMERS.election, 200);
  expect(n.state).toBe('leading');
  return n;
}

/** A server that has just decided to follow `leader`. */
function following(id: number, nodes: number, leader: number, initial?: Record<string, unknown>): ZabNode {
  const n = makeNode(id, nodes, undefined, initial);
  step(n, notif(leader, leader, 1e15, 100, 1), leader);
  fire(n, ZAB_TIMERS.election, 200);
  expect(n.state).toBe('following');
  return n;
}

describe('discovery', () => {
  it('with a quorum connected the leader proposes max(acceptedEpoch) + 1 and persists it', () => {
    const l = leading(3, 3, { acceptedEpoch: 2, currentEpoch: 1 });
    const ctx = step(l, { type: 'FollowerInfo', acceptedEpoch: 4, lastZxid: 0 }, 1);
    expect(ctx.noteOf('EpochProposed')?.f).toEqual({ epoch: 5, maxAccepted: 4, followers: 1 });
    expect(l.acceptedEpoch).toBe(5);
    expect(ctx.msgs('LeaderInfo')).toEqual([{ to: 1, msg: { type: 'LeaderInfo', epoch: 5 } }]);
  });

  it('a follower accepts a newer epoch with its currentEpoch; the same epoch again with −1; refuses an older one', () => {
    const f = following(1, 3, 3, { acceptedEpoch: 2, currentEpoch: 2 });
    let ctx = step(f, { type: 'LeaderInfo', epoch: 3 }, 3);
    expect(ctx.msgs('AckEpoch')[0].msg).toEqual({ type: 'AckEpoch', currentEpoch: 2, lastZxid: 0 });
    expect(f.acceptedEpoch).toBe(3);
    const g = following(1, 3, 3, { acceptedEpoch: 3, currentEpoch: 2 });
    ctx = step(g, { type: 'LeaderInfo', epoch: 3 }, 3);
    expect(ctx.msgs('AckEpoch')[0].msg.currentEpoch).toBe(-1);
    const h = following(1, 3, 3, { acceptedEpoch: 4, currentEpoch: 2 });
    ctx = step(h, { type: 'LeaderInfo', epoch: 3 }, 3);
    expect(ctx.noteOf('EpochRefused')?.f).toEqual({ leader: 3, epoch: 3, acceptedEpoch: 4 });
    expect(h.state).toBe('looking');
  });

  it('an ACKEPOCH with currentEpoch −1 is not counted toward the epoch quorum', () => {
    const l = leading(3, 3);
    step(l, { type: 'FollowerInfo', acceptedEpoch: 1, lastZxid: 0 }, 1);
    const ctx = step(l, { type: 'AckEpoch', currentEpoch: -1, lastZxid: 0 }, 1);
    expect(ctx.noteOf('AckEpochSameEpoch')?.f).toEqual({ from: 1, epoch: 2 });
    expect(l.epochEstablished).toBe(false);
    step(l, { type: 'FollowerInfo', acceptedEpoch: 0, lastZxid: 0 }, 2);
    const ok = step(l, { type: 'AckEpoch', currentEpoch: 0, lastZxid: 0 }, 2);
    expect(ok.noteOf('EpochEstablished')?.f).toEqual({ epoch: 2, acks: 2 });
    expect(l.currentEpoch).toBe(2);
    // Both are synced once the epoch is established, the −1 one included.
    expect(ok.msgs('NewLeader').map((m) => m.to).sort()).toEqual([1, 2]);
  });

  it('a follower ahead of the leader (same epoch, higher zxid) is refused', () => {
    const l = leading(3, 3, { history: ['0x100000001'] });
    step(l, { type: 'FollowerInfo', acceptedEpoch: 1, lastZxid: z(1, 2) }, 1);
    const ctx = step(l, { type: 'AckEpoch', currentEpoch: 1, lastZxid: z(1, 2) }, 1);
    expect(ctx.noteOf('FollowerAhead')?.f).toEqual({ from: 1, theirZxid: z(1, 2), ourZxid: z(1, 1), theirEpoch: 1 });
    expect(l.learners[1]).toBeNull();
    expect(l.epochEstablished).toBe(false);
  });
});

describe('synchronization modes (LearnerHandler.syncFollower)', () => {
  const h = txns(z(1, 1), z(1, 2), z(1, 3), z(2, 1), z(2, 2));
  it('equal last zxid: an empty DIFF', () => {
    expect(planSync(h, 5, z(2, 2), 500, true)).toEqual({ mode: 'empty-diff', zxid: z(2, 2), from: 5 });
  });
  it('on our history, behind: DIFF then the missing pairs', () => {
    expect(planSync(h, 5, z(1, 2), 500, true)).toEqual({ mode: 'diff', zxid: z(2, 2), from: 2 });
    expect(planSync(h, 5, 0, 500, true)).toEqual({ mode: 'diff', zxid: z(2, 2), from: 0 });
  });
  it('beyond our last committed: TRUNC to it, no pairs', () => {
    expect(planSync(h, 5, z(2, 7), 500, true)).toEqual({ mode: 'trunc', zxid: z(2, 2), from: 5 });
  });
  it('off our history within an epoch we continue: TRUNC to the last common zxid, then the pairs', () => {
    const g = txns(z(1, 2), z(1, 3), z(1, 5), z(1, 6));
    expect(planSync(g, 4, z(1, 4), 500, true)).toEqual({ mode: 'trunc', zxid: z(1, 3), from: 2 });
  });
  it('off our history where truncating would cross an epoch: SNAP', () => {
    expect(planSync(h, 5, z(1, 4), 500, true)).toEqual({ mode: 'snap', zxid: z(2, 2), from: 5 });
  });
  it('older than the committed log with txn-log sync off: SNAP; on: DIFF from the log', () => {
    expect(planSync(h, 5, z(1, 1), 2, false).mode).toBe('snap');
    expect(planSync(h, 5, z(1, 1), 2, true)).toEqual({ mode: 'diff', zxid: z(2, 2), from: 1 });
  });
});

describe('following through sync', () => {
  function synced(initial?: Record<string, unknown>) {
    const f = following(1, 3, 3, initial);
    step(f, { type: 'LeaderInfo', epoch: 3 }, 3);
    return f;
  }
  it('TRUNC removes the dead epoch tail (shown leaving), pairs are logged, NEWLEADER persists the epoch', () => {
    const f = synced({ history: ['0x100000001', '0x100000002', '0x100000003'] });
    step(f, { type: 'Trunc', zxid: z(1, 1) }, 3, 5);
    expect(f.history.map((t) => t.zxid)).toEqual([z(1, 1)]);
    expect(f.truncated.map((t) => t.zxid)).toEqual([z(1, 2), z(1, 3)]);
    step(f, { type: 'Proposal', txn: { zxid: z(2, 1), value: 'x' }, prev: z(1, 1) }, 3);
    step(f, { type: 'Commit', zxid: z(2, 1) }, 3);
    expect(f.committed).toBe(0); // delivered at UPTODATE
    const ack = step(f, { type: 'NewLeader', zxid: z(3, 0) }, 3);
    expect(ack.msgs('Ack')[0].msg).toEqual({ type: 'Ack', zxid: z(3, 0) });
    expect(f.currentEpoch).toBe(3);
    step(f, { type: 'UpToDate' }, 3);
    expect(f.committed).toBe(2);
    expect(f.phase).toBe('broadcast');
  });
  it('SNAP replaces the history', () => {
    const f = synced({ history: ['0x100000001', '0x100000005'] });
    step(f, { type: 'Snap', zxid: z(2, 1), history: txns(z(1, 1), z(2, 1)) }, 3);
    expect(f.history.map((t) => t.zxid)).toEqual([z(1, 1), z(2, 1)]);
  });
  it('a proposal that does not follow our last zxid (a lost packet) sends us LOOKING', () => {
    const f = synced();
    step(f, { type: 'Diff', zxid: 0 }, 3);
    const ctx = step(f, { type: 'Proposal', txn: { zxid: z(2, 2), value: 'x' }, prev: z(2, 1) }, 3);
    expect(ctx.names()).toContain('ProposalOutOfOrder');
    expect(f.state).toBe('looking');
  });
});

/** A 3-server leader established with followers 1 and 2 in broadcast. */
function established(config?: Record<string, unknown>): ZabNode {
  const l = leading(3, 3, undefined, config);
  for (const p of [1, 2]) {
    step(l, { type: 'FollowerInfo', acceptedEpoch: 0, lastZxid: 0 }, p);
    step(l, { type: 'AckEpoch', currentEpoch: 0, lastZxid: 0 }, p);
    step(l, { type: 'Ack', zxid: z(1, 0) }, p);
  }
  expect(l.established).toBe(true);
  return l;
}

describe('broadcast', () => {
  it('a new epoch starts at counter 0: the first proposal is (e, 1)', () => {
    const l = established();
    const ctx = step(l, { type: 'ClientRequest', clientId: CLIENT, requestId: 1, value: 'a' }, CLIENT);
    expect(ctx.msgs('Proposal').map((m) => m.msg.txn.zxid)).toEqual([z(1, 1), z(1, 1)]);
  });

  it('the leader counts itself: one follower ACK commits in a 3-server ensemble, and the client hears', () => {
    const l = established();
    step(l, { type: 'ClientRequest', clientId: CLIENT, requestId: 1, value: 'a' }, CLIENT);
    const ctx = step(l, { type: 'Ack', zxid: z(1, 1) }, 1);
    expect(ctx.noteOf('Committed')?.f).toEqual({ zxid: z(1, 1), acks: 2 });
    expect(ctx.msgs('Commit').map((m) => m.to)).toEqual([1, 2]);
    expect(ctx.msgs('ClientReply')[0]).toEqual({ to: CLIENT, msg: { type: 'ClientReply', requestId: 1, ok: true, leaderHint: 3, zxid: z(1, 1) } });
  });

  it('commits strictly in zxid order: an ACK for the second proposal commits both, never the second alone', () => {
    const l = established();
    step(l, { type: 'ClientRequest', clientId: CLIENT, requestId: 1, value: 'a' }, CLIENT);
    step(l, { type: 'ClientRequest', clientId: CLIENT, requestId: 2, value: 'b' }, CLIENT);
    const ctx = step(l, { type: 'Ack', zxid: z(1, 2) }, 1);
    expect(ctx.notes.filter((n) => n.name === 'Committed').map((n) => n.f.zxid)).toEqual([z(1, 1), z(1, 2)]);
  });

  it('commitWithoutQuorum commits on the leader’s own ACK', () => {
    const l = established({ bugs: ['commitWithoutQuorum'] });
    const ctx = step(l, { type: 'ClientRequest', clientId: CLIENT, requestId: 1, value: 'a' }, CLIENT);
    expect(ctx.noteOf('Committed')?.f).toEqual({ zxid: z(1, 1), acks: 1 });
  });

  it('a follower forwards a write to its leader; with no serving leader it refuses', () => {
    const f = following(1, 3, 3);
    let ctx = step(f, { type: 'ClientRequest', clientId: CLIENT, requestId: 1, value: 'a' }, CLIENT);
    expect(ctx.msgs('ClientReply')[0].msg).toMatchObject({ ok: false, leaderHint: 0 });
    step(f, { type: 'LeaderInfo', epoch: 1 }, 3);
    step(f, { type: 'Diff', zxid: 0 }, 3);
    step(f, { type: 'NewLeader', zxid: z(1, 0) }, 3);
    step(f, { type: 'UpToDate' }, 3);
    ctx = step(f, { type: 'ClientRequest', clientId: CLIENT, requestId: 2, value: 'b' }, CLIENT);
    expect(ctx.msgs('Request')).toEqual([{ to: 3, msg: { type: 'Request', clientId: CLIENT, requestId: 2, value: 'b', via: 1 } }]);
  });

  it('PING every tickTime / 2; without a synced quorum heard within syncLimit ticks the leader goes LOOKING', () => {
    const l = established();
    const ctx = fire(l, ZAB_TIMERS.tick, 1000);
    expect(ctx.msgs('Ping')).toHaveLength(2);
    expect(ctx.lastTimer(ZAB_TIMERS.tick)).toBe(1000);
    step(l, { type: 'Ping', zxid: 0 }, 1, 9000);
    let t = 1000;
    while (l.state === 'leading' && t < 30_000) fire(l, ZAB_TIMERS.tick, (t += 1000));
    expect(l.state).toBe('looking');
    // n1 was heard at 9 s, n2 never: n2 is dropped at once, then the quorum is lost at 9 s + syncLimit × tickTime.
    expect(t).toBe(20_000);
  });

  it('peerDisconnected: a follower whose leader’s connection closes goes LOOKING at once; a leader drops that learner', () => {
    const f = following(1, 3, 3);
    const ctx = step(f, { type: 'LeaderInfo', epoch: 1 }, 3);
    expect(ctx.msgs('AckEpoch')).toHaveLength(1);
    const c = new FakeCtx(1, 5);
    zabPeer(f, 2, c);
    expect(f.state).toBe('following');
    zabPeer(f, 3, c);
    expect(f.state).toBe('looking');
    const l = established();
    zabPeer(l, 1, c);
    expect(l.learners[1]).toBeNull();
    expect(l.state).toBe('leading');
  });
});

function zabPeer(n: ZabNode, peer: number, ctx: FakeCtx): void {
  zabProtocol.peerDisconnected!(n, peer, ctx);
}
