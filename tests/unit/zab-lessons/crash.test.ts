/**
 * The lessons where a leader goes away: a crash starts a new epoch whose zxids restart at
 * counter 1; the first server to notice a silent leader is not the one that wins; a crashed
 * leader is noticed at once (its connections close), a silent one only after syncLimit ×
 * tickTime. Each stop sits on its moment, and each sentence is true there.
 */
import { describe, expect, it } from 'vitest';
import { LESSON_META } from '../../../src/store/lessons';
import { counterOf, epochOf } from '../../../src/core/zab/types';
import { walkStops } from '../store/walk-stops';
import { servers, story, zx } from './story';

const last = (list: { time: number }[]) => Math.max(...list.map((n) => n.time));

describe('zab-leader-crash', () => {
  const s = story('zab-leader-crash');

  it('the leader dies: a new epoch, whose first committed zxid has counter 1', () => {
    const leaders = s.of('LeaderEstablished').map((n) => [n.node, n.f.epoch]);
    expect(leaders).toEqual([
      [5, 1],
      [4, 2],
    ]);
    const commits = s.of('Committed').map((c) => c.f.zxid);
    expect(commits).toEqual([zx('0x100000001'), zx('0x100000002'), zx('0x200000001')]);
    const crash = 1500;
    const [firstOfEpoch2] = s.of('Committed').filter((c) => c.time > crash);
    expect([epochOf(firstOfEpoch2.f.zxid), counterOf(firstOfEpoch2.f.zxid)]).toEqual([2, 1]);
    // Noticed at once: the connections closed within one message's latency (≤ 30 ms).
    const closed = s.of('ConnectionClosed');
    expect(closed.map((c) => c.node).sort()).toEqual([1, 2, 3, 4]);
    for (const c of closed) expect([c.f.peer, c.f.wasLeader, c.time - crash <= 30]).toEqual([5, 1, true]);
    for (const n of s.at(s.scenario.until).slice(0, 4)) expect([n.lastZxid, n.currentEpoch]).toEqual([zx('0x200000001'), 2]);
  });

  it('its stops are the moments they describe', () => {
    const [c1, c2, c3] = s.of('Committed');
    const [l1, l2] = s.of('LeaderEstablished');
    expect(LESSON_META['zab-leader-crash'].stops).toEqual([l1.time, c1.time, c2.time, 1500, last(s.of('ConnectionClosed')), l2.time, s.of('Proposed').at(-1)!.time, c3.time]);
    expect(last(s.of('ConnectionClosed')) - 1500).toBe(18);
  });

  it('each sentence is true where it is shown', async () => {
    await walkStops('zab-leader-crash', (i, store) => {
      const n = servers(store);
      // alive[i] is server i + 1's.
      const alive = store.getState().view!.alive;
      switch (i) {
        case 0:
          expect([n[4].role, n[4].phase, n[4].currentEpoch, n[4].lastZxid]).toEqual(['leading', 'broadcast', 1, 0]);
          break;
        case 1:
          expect(n[4].committedZxid).toBe(zx('0x100000001'));
          break;
        case 2:
          expect(n[4].committedZxid).toBe(zx('0x100000002'));
          break;
        case 3:
          expect([alive[4], n[4].role]).toEqual([false, 'down']);
          break;
        case 4:
          for (const x of n.slice(0, 4)) expect([x.role, x.vote.leader, x.vote.zxid, x.round]).toEqual(['looking', x.id, zx('0x100000002'), 2]);
          break;
        case 5:
          expect([n[3].role, n[3].phase, n[3].currentEpoch]).toEqual(['leading', 'broadcast', 2]);
          break;
        case 6:
          expect(n[3].lastZxid).toBe(zx('0x200000001'));
          expect(n[3].committedZxid).toBe(zx('0x100000002'));
          break;
        case 7:
          expect(n[3].committedZxid).toBe(zx('0x200000001'));
          break;
      }
    });
  });
});

describe('zab-first-noticer', () => {
  const s = story('zab-first-noticer');

  it('the first to notice the silent leader is behind and does not win; the most up-to-date, highest sid does', () => {
    const silent = s.of('LeaderSilent');
    const first = silent[0];
    expect(first.node).toBe(1);
    expect(silent.slice(1).map((n) => n.node).sort()).toEqual([2, 3, 4]);
    for (const n of silent.slice(1)) expect(n.time - first.time).toBeGreaterThan(500);
    // Behind: n1 missed y=2.
    const at = s.at(first.time);
    expect(at[0].lastZxid).toBe(zx('0x100000001'));
    expect(at[3].lastZxid).toBe(zx('0x100000002'));
    const established = s.of('LeaderEstablished').filter((n) => n.time > first.time);
    expect(established.map((n) => [n.node, n.f.epoch])).toEqual([[4, 2]]);
    // The silence limit is syncLimit × tickTime at this lesson's scaled tickTime (500 ms).
    expect(s.scenario).toMatchObject({ config: { tickTimeMs: 500 } });
    for (const n of silent) expect(n.f.limitMs).toBe(2500);
    expect(s.first('SyncDiff').f).toMatchObject({ to: 1, count: 1 });
  });

  it('its stops are the moments they describe', () => {
    const silent = s.of('LeaderSilent');
    expect(LESSON_META['zab-first-noticer'].stops).toEqual([
      1000,
      s.of('Committed')[1].time,
      2000,
      silent[0].time,
      s.of('NotificationsResent', 1).find((n) => n.time > silent[0].time)!.time,
      last(silent),
      s.of('AdoptBySid', 1).at(-1)!.time,
      s.of('LeaderEstablished').at(-1)!.time,
    ]);
  });

  it('each sentence is true where it is shown', async () => {
    await walkStops('zab-first-noticer', (i, store) => {
      const n = servers(store);
      switch (i) {
        case 0:
          expect([n[4].role, n[4].committedZxid]).toEqual(['leading', zx('0x100000001')]);
          break;
        case 1:
          expect([n[4].committedZxid, n[0].lastZxid]).toEqual([zx('0x100000002'), zx('0x100000001')]);
          break;
        case 2:
          expect(n.map((x) => x.role)).toEqual(['following', 'following', 'following', 'following', 'leading']);
          break;
        case 3:
          expect([n[0].role, n[0].vote.leader, n[0].vote.zxid]).toEqual(['looking', 1, zx('0x100000001')]);
          expect(n.slice(1, 4).map((x) => x.role)).toEqual(['following', 'following', 'following']);
          break;
        case 4:
          expect(n[0].role).toBe('looking');
          expect(n[0].outOfElection.map((v) => [v.sid, v.leader, v.state])).toEqual([
            [2, 5, 'following'],
            [3, 5, 'following'],
            [4, 5, 'following'],
          ]);
          expect(n.slice(1, 4).map((x) => x.role)).toEqual(['following', 'following', 'following']);
          break;
        case 5:
          expect(n.slice(0, 4).map((x) => x.role)).toEqual(['looking', 'looking', 'looking', 'looking']);
          break;
        case 6:
          expect(n[0].vote.leader).toBe(4);
          break;
        case 7:
          expect([n[3].role, n[3].currentEpoch, n[3].learners.find((l) => l.sid === 1)?.sync]).toEqual(['leading', 2, 'diff']);
          break;
      }
    });
  });
});

describe('zab-crash-vs-silence', () => {
  const s = story('zab-crash-vs-silence');
  const CRASH = 2000;
  const PARTITION = 4000;

  it('a crashed leader is noticed within a message’s latency; a silent one after syncLimit × tickTime', () => {
    expect(s.scenario).not.toHaveProperty('config');
    const closed = s.of('ConnectionClosed');
    expect(closed.map((c) => c.node).sort()).toEqual([1, 2, 3, 4]);
    const crashNoticed = last(closed) - CRASH;
    expect(crashNoticed).toBeLessThanOrEqual(30);
    const silent = s.of('LeaderSilent');
    expect(silent.map((n) => n.node).sort()).toEqual([1, 2, 3]);
    for (const n of silent) expect([n.f.leader, n.f.silentMs, n.f.limitMs]).toEqual([4, 10_000, 10_000]);
    const silenceNoticed = last(silent) - PARTITION;
    // The sentences' numbers: 21 ms, and 9.3 s (10 s after the last PING, which came before the partition).
    expect(crashNoticed).toBe(21);
    expect(Math.round(silenceNoticed / 100) / 10).toBe(9.3);
    expect(s.of('LeaderEstablished').map((n) => [n.node, n.f.epoch])).toEqual([
      [5, 1],
      [4, 2],
      [3, 3],
    ]);
    const lost = s.first('QuorumLost');
    expect([lost.node, lost.time > last(silent)]).toEqual([4, true]);
  });

  it('its stops are the moments they describe', () => {
    const [l1, l2, l3] = s.of('LeaderEstablished');
    expect(LESSON_META['zab-crash-vs-silence'].stops).toEqual([
      l1.time,
      CRASH,
      last(s.of('ConnectionClosed')),
      l2.time,
      s.of('Committed')[1].time,
      PARTITION,
      last(s.of('LeaderSilent')),
      l3.time,
      s.first('QuorumLost').time,
    ]);
  });

  it('each sentence is true where it is shown', async () => {
    await walkStops('zab-crash-vs-silence', (i, store) => {
      const n = servers(store);
      // alive[i] is server i + 1's.
      const alive = store.getState().view!.alive;
      switch (i) {
        case 0:
          expect([n[4].role, n[4].phase, n[4].currentEpoch]).toEqual(['leading', 'broadcast', 1]);
          break;
        case 1:
          expect([alive[4], n[4].role]).toEqual([false, 'down']);
          break;
        case 2:
          expect(n.slice(0, 4).map((x) => x.role)).toEqual(['looking', 'looking', 'looking', 'looking']);
          break;
        case 3:
          expect([n[3].role, n[3].phase, n[3].currentEpoch]).toEqual(['leading', 'broadcast', 2]);
          break;
        case 4:
          expect(n[3].committedZxid).toBe(zx('0x200000001'));
          break;
        case 5:
          expect(store.getState().view!.event?.action).toMatchObject({ do: 'partition' });
          expect([n[3].role, alive[3]]).toEqual(['leading', true]);
          break;
        case 6:
          expect(n.slice(0, 3).map((x) => x.role)).toEqual(['looking', 'looking', 'looking']);
          expect(n[3].role).toBe('leading');
          break;
        case 7:
          expect([n[2].role, n[2].currentEpoch, n[3].role]).toEqual(['leading', 3, 'leading']);
          break;
        case 8:
          expect(n[3].role).toBe('looking');
          break;
      }
    });
  });
});
