/**
 * The election lessons tell their stories: equal histories elect the highest sid; the newest
 * zxid beats a higher sid; FLE's vote order (epoch → zxid → sid, no ballots or promises). Each
 * stop sits on the moment its sentence describes, and each sentence is true there.
 */
import { describe, expect, it } from 'vitest';
import { LESSON_META } from '../../../src/store/lessons';
import { walkStops } from '../store/walk-stops';
import { servers, story, zx } from './story';

const sids = (list: { node: number }[]) => [...new Set(list.map((n) => n.node))].sort();

describe('zab-equal-histories', () => {
  const s = story('zab-equal-histories');

  it('equal histories: every vote change is decided by the sid, and the highest sid leads epoch 2', () => {
    const start = s.at(0);
    for (const n of start) expect(n.lastZxid).toBe(zx('0x100000002'));
    expect(s.of('AdoptByEpoch')).toEqual([]);
    expect(s.of('AdoptByZxid')).toEqual([]);
    expect(s.of('AdoptBySid').length).toBeGreaterThan(0);
    for (const a of s.of('AdoptBySid')) expect(a.f.theirs).toBeGreaterThan(a.f.ours);
    expect(s.of('LeaderEstablished').map((n) => [n.node, n.f.epoch])).toEqual([[5, 2]]);
    const end = s.at(s.scenario.until);
    expect(end.map((n) => n.role)).toEqual(['following', 'following', 'following', 'following', 'leading']);
    for (const n of end) expect([n.leader, n.currentEpoch, n.lastZxid]).toEqual([5, 2, zx('0x100000002')]);
  });

  it('its stops are the moments they describe', () => {
    const quorum = s.of('QuorumAgrees');
    expect(LESSON_META['zab-equal-histories'].stops).toEqual([
      s.first('AdoptBySid', 1).time,
      s.of('AdoptBySid').find((a) => a.f.leader === 5)!.time,
      quorum[0].time,
      Math.max(...quorum.map((q) => q.time)),
      Math.max(...s.of('Decided').map((d) => d.time)),
      s.first('EpochProposed').time,
      s.first('LeaderEstablished').time,
      Math.max(...s.of('UpToDate').map((d) => d.time)),
    ]);
    expect(sids(quorum)).toEqual([1, 2, 3, 4, 5]);
  });

  it('each sentence is true where it is shown', async () => {
    await walkStops('zab-equal-histories', (i, store) => {
      const n = servers(store);
      const vote = (id: number) => n[id - 1].vote.leader;
      switch (i) {
        case 0:
          expect(vote(1)).toBe(4);
          expect(n.every((x) => x.role === 'looking')).toBe(true);
          break;
        case 1:
          expect([vote(1), vote(4)]).toEqual([5, 5]);
          break;
        case 2:
          expect([n[0].waitingFor, vote(1)]).toEqual(['finalize', 5]);
          expect(n[0].received.filter((r) => r.leader === 5).length).toBeGreaterThanOrEqual(3);
          break;
        case 3:
          for (const x of n) expect([x.vote.leader, x.waitingFor]).toEqual([5, 'finalize']);
          break;
        case 4:
          expect(n.map((x) => x.role)).toEqual(['following', 'following', 'following', 'following', 'leading']);
          break;
        case 5:
          expect(n[4].phase).toBe('discovery');
          for (const x of n) expect(x.acceptedEpoch).toBeLessThanOrEqual(2);
          break;
        case 6:
          expect(n[4].learners.filter((l) => l.sync === 'diff').length).toBe(4);
          expect([n[4].phase, n[4].currentEpoch]).toEqual(['broadcast', 2]);
          break;
        case 7:
          for (const x of n) expect([x.phase, x.leader, x.currentEpoch]).toEqual(['broadcast', 5, 2]);
          break;
      }
    });
  });
});

describe('zab-newest-zxid', () => {
  const s = story('zab-newest-zxid');

  it('the newest zxid beats a higher sid: n2 leads, and its extra proposal reaches everyone', () => {
    const start = s.at(0);
    expect(start[1].lastZxid).toBe(zx('0x100000003'));
    for (const id of [1, 3, 4, 5]) expect(start[id - 1].lastZxid).toBe(zx('0x100000002'));
    const [leader] = s.of('LeaderEstablished');
    expect([leader.node, leader.f.epoch]).toEqual([2, 2]);
    // Higher sids than the winner's, beaten by its zxid.
    expect(sids(s.of('AdoptByZxid').filter((a) => a.f.leader === 2))).toEqual([1, 3, 4, 5]);
    for (const a of s.of('AdoptByZxid')) expect([a.f.theirs, a.f.ours]).toEqual([zx('0x100000003'), zx('0x100000002')]);
    for (const to of [1, 3, 4, 5]) expect(s.of('SyncDiff').find((d) => d.f.to === to)?.f.count).toBe(1);
    for (const n of s.at(s.scenario.until)) expect([n.lastZxid, n.committedZxid, n.leader]).toEqual([zx('0x100000003'), zx('0x100000003'), 2]);
  });

  it('its stops are the moments they describe', () => {
    const to2 = s.of('AdoptByZxid');
    expect(LESSON_META['zab-newest-zxid'].stops).toEqual([
      s.first('AdoptByZxid', 1).time,
      s.first('AdoptByZxid', 5).time,
      Math.max(...to2.map((a) => a.time)),
      Math.max(...s.of('QuorumAgrees').map((q) => q.time)),
      Math.max(...s.of('Decided').map((d) => d.time)),
      s.first('EpochEstablished').time,
      s.first('LeaderEstablished').time,
      Math.max(...s.of('UpToDate').map((d) => d.time)),
    ]);
    expect(s.of('AdoptByZxid', 3).at(-1)!.time).toBe(Math.max(...to2.map((a) => a.time)));
  });

  it('each sentence is true where it is shown', async () => {
    await walkStops('zab-newest-zxid', (i, store) => {
      const n = servers(store);
      const votes = n.map((x) => x.vote.leader);
      switch (i) {
        case 0:
          expect(votes[0]).toBe(2);
          break;
        case 1:
          expect(votes[4]).toBe(2);
          break;
        case 2:
          expect(votes).toEqual([2, 2, 2, 2, 2]);
          break;
        case 3:
          for (const x of n) expect(x.waitingFor).toBe('finalize');
          break;
        case 4:
          expect(n.map((x) => x.role)).toEqual(['following', 'leading', 'following', 'following', 'following']);
          break;
        case 5:
          expect([n[1].phase, n[1].acceptedEpoch]).toEqual(['synchronization', 2]);
          break;
        case 6:
          expect([n[1].phase, n[1].currentEpoch]).toEqual(['broadcast', 2]);
          expect(n.filter((x) => x.lastZxid === zx('0x100000003')).length).toBeGreaterThanOrEqual(3);
          break;
        case 7:
          for (const x of n) expect([x.phase, x.lastZxid]).toEqual(['broadcast', zx('0x100000003')]);
          break;
      }
    });
  });
});

describe('zab-not-paxos', () => {
  const s = story('zab-not-paxos');

  it('FLE’s vote order: epoch, then zxid, then sid, each deciding a change of n5’s vote; n3 leads epoch 3', () => {
    const n5 = s.notes.filter((n) => n.node === 5 && n.name.startsWith('Adopt'));
    expect(n5.map((n) => [n.name, n.f.leader])).toEqual([
      ['AdoptByEpoch', 4],
      ['AdoptByZxid', 2],
      ['AdoptBySid', 3],
    ]);
    // The epoch decided although n4's zxid is lower than n5's own.
    const start = s.at(0);
    expect(start[3].lastZxid).toBeLessThan(start[4].lastZxid);
    expect([start[3].currentEpoch, start[4].currentEpoch]).toEqual([2, 1]);
    // Every adoption is of a better vote by exactly the part it names.
    for (const a of [...s.of('AdoptByEpoch'), ...s.of('AdoptByZxid'), ...s.of('AdoptBySid')]) expect(a.f.theirs).toBeGreaterThan(a.f.ours);
    expect(s.of('LeaderEstablished').map((n) => [n.node, n.f.epoch])).toEqual([[3, 3]]);
    expect(s.first('EpochProposed').f).toMatchObject({ epoch: 3, maxAccepted: 2 });
    expect(s.first('SyncSnap').f.to).toBe(5);
    // The epoch is chosen only after the election is decided.
    expect(s.first('EpochProposed').time).toBeGreaterThan(s.first('Decided', 3).time);
  });

  it('its stops are the moments they describe', () => {
    expect(LESSON_META['zab-not-paxos'].stops).toEqual([
      s.first('AdoptByEpoch', 5).time,
      s.first('AdoptByZxid', 5).time,
      s.first('AdoptBySid', 5).time,
      Math.max(...s.of('QuorumAgrees').map((q) => q.time)),
      s.first('Decided', 3).time,
      s.first('EpochProposed').time,
      s.first('LeaderEstablished').time,
    ]);
    expect(s.first('AdoptBySid', 5).time - s.first('AdoptByEpoch', 5).time).toBeLessThanOrEqual(10);
  });

  it('each sentence is true where it is shown', async () => {
    await walkStops('zab-not-paxos', (i, store) => {
      const n = servers(store);
      switch (i) {
        case 0:
          expect(n[4].vote).toMatchObject({ leader: 4, epoch: 2, zxid: zx('0x100000004') });
          expect(n[4].lastZxid).toBe(zx('0x100000005'));
          break;
        case 1:
          expect(n[4].vote).toMatchObject({ leader: 2, zxid: zx('0x200000001') });
          break;
        case 2:
          expect(n[4].vote.leader).toBe(3);
          break;
        case 3:
          for (const x of n) expect([x.vote.leader, x.waitingFor]).toEqual([3, 'finalize']);
          break;
        case 4:
          expect(n.map((x) => x.role)).toEqual(['following', 'following', 'leading', 'following', 'following']);
          break;
        case 5:
          expect([n[2].phase, n[2].currentEpoch]).toEqual(['discovery', 2]);
          break;
        case 6:
          expect([n[2].phase, n[2].currentEpoch]).toEqual(['broadcast', 3]);
          expect(n[4].truncated.map((t) => t.zxid)).toEqual([zx('0x100000005')]);
          break;
      }
    });
  });
});
