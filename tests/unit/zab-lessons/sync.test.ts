/**
 * The synchronization lessons: a lagging server synced by DIFF, a server holding a dead epoch's
 * proposal synced by TRUNC, a long-gone server synced by SNAP — each ending with the leader's
 * history — and ZAB's three phases (discovery, synchronization, broadcast) after the election.
 * Each stop sits on its moment, and each sentence is true there.
 */
import { describe, expect, it } from 'vitest';
import { LESSON_META } from '../../../src/store/lessons';
import type { ZabNodeView } from '../../../src/core/zab/types';
import { walkStops } from '../store/walk-stops';
import { loadLesson, servers, story, zx } from './story';

const zxids = (n: ZabNodeView) => n.history.map((e) => e.zxid);
const last = (list: { time: number }[]) => Math.max(...list.map((n) => n.time));

describe('zab-sync-diff', () => {
  const s = story('zab-sync-diff');

  it('the lagging server gets a DIFF with the pairs it missed, and ends with the leader’s history', () => {
    const diff = s.of('SyncDiff').filter((d) => d.f.to === 1);
    expect(diff.map((d) => d.f)).toEqual([{ to: 1, fromZxid: zx('0x100000001'), count: 2, toZxid: zx('0x100000003') }]);
    expect(s.of('SyncTrunc')).toEqual([]);
    expect(s.of('SyncSnap')).toEqual([]);
    expect(s.first('JoinedEnsemble', 1).f.leader).toBe(5);
    const end = s.at(s.scenario.until);
    expect(zxids(end[0])).toEqual(zxids(end[4]));
    expect(zxids(end[0])).toEqual([zx('0x100000001'), zx('0x100000002'), zx('0x100000003')]);
    expect(end[0].committedZxid).toBe(zx('0x100000003'));
  });

  it('its stops are the moments they describe', () => {
    expect(LESSON_META['zab-sync-diff'].stops).toEqual([
      s.first('LeaderEstablished').time,
      s.of('Committed')[0].time,
      1000,
      s.of('Committed')[2].time,
      2500,
      s.first('JoinedEnsemble', 1).time,
      s.first('SyncDiff').time,
      s.of('UpToDate', 1).at(-1)!.time,
    ]);
  });

  it('each sentence is true where it is shown', async () => {
    await walkStops('zab-sync-diff', (i, store) => {
      const n = servers(store);
      switch (i) {
        case 0:
          expect([n[4].role, n[4].currentEpoch]).toEqual(['leading', 1]);
          break;
        case 1:
          for (const x of n) expect(zxids(x)).toEqual([zx('0x100000001')]);
          expect(n[4].committedZxid).toBe(zx('0x100000001'));
          break;
        case 2:
          expect(n[0].role).toBe('down');
          break;
        case 3:
          expect(n[4].committedZxid).toBe(zx('0x100000003'));
          expect(zxids(n[0])).toEqual([zx('0x100000001')]);
          break;
        case 4:
          expect([n[0].role, n[0].lastZxid, n[0].vote.leader]).toEqual(['looking', zx('0x100000001'), 1]);
          break;
        case 5:
          expect([n[0].role, n[0].leader, n[0].phase]).toEqual(['following', 5, 'discovery']);
          break;
        case 6:
          expect(n[4].learners.find((l) => l.sid === 1)?.sync).toBe('diff');
          break;
        case 7:
          expect([n[0].phase, zxids(n[0])]).toEqual(['broadcast', zxids(n[4])]);
          break;
      }
    });
  });
});

describe('zab-sync-trunc', () => {
  const s = story('zab-sync-trunc');

  it('the dead epoch’s proposal is truncated away (TRUNC to the leader’s last committed zxid), and n1 ends with the leader’s history', () => {
    expect(s.at(0)[0].lastZxid).toBe(zx('0x100000003'));
    const [trunc] = s.of('SyncTrunc');
    expect(trunc.f).toEqual({ to: 1, zxid: zx('0x100000002'), theirZxid: zx('0x100000003'), count: 0 });
    expect(s.first('Truncated', 1).f).toEqual({ zxid: zx('0x100000002'), removed: 1 });
    expect(s.of('SyncSnap')).toEqual([]);
    // w=9 was never committed anywhere.
    expect(s.of('Committed').map((c) => c.f.zxid)).not.toContain(zx('0x100000003'));
    const end = s.at(s.scenario.until);
    expect(zxids(end[0])).toEqual(zxids(end[4]));
    expect(zxids(end[0])).toEqual([zx('0x100000001'), zx('0x100000002'), zx('0x200000001')]);
    expect(end[0].history.map((e) => e.value)).not.toContain('w=9');
  });

  it('as the last sentence says: had the leader written in epoch 2 first, the TRUNC would cross an epoch and n1 gets a SNAP', () => {
    const sc = loadLesson('zab-sync-trunc');
    const early = { ...sc, script: [sc.script[0], { at: 600, do: 'request', value: 'z=3' }, sc.script[1]] };
    const v = story('zab-sync-trunc', early);
    expect(v.of('SyncTrunc')).toEqual([]);
    expect(v.first('SyncSnap').f).toMatchObject({ to: 1, theirZxid: zx('0x100000003') });
  });

  it('its stops are the moments they describe', () => {
    expect(LESSON_META['zab-sync-trunc'].stops).toEqual([
      s.first('LeaderEstablished').time,
      1000,
      s.of('NotificationsResent', 1).find((n) => n.time > 1000)!.time,
      s.first('JoinedEnsemble', 1).time,
      s.first('SyncTrunc').time,
      s.first('Truncated', 1).time,
      s.first('UpToDate', 1).time,
      s.first('Committed').time,
    ]);
    expect(s.of('NotificationsResent', 1).map((n) => n.f.intervalMs).slice(0, 3)).toEqual([400, 800, 1600]);
  });

  it('each sentence is true where it is shown', async () => {
    await walkStops('zab-sync-trunc', (i, store) => {
      const n = servers(store);
      switch (i) {
        case 0:
          expect([n[4].role, n[4].currentEpoch]).toEqual(['leading', 2]);
          expect([n[0].role, n[0].vote.leader, n[0].vote.zxid]).toEqual(['looking', 1, zx('0x100000003')]);
          break;
        case 1:
          expect(store.getState().view!.event?.action).toMatchObject({ do: 'heal' });
          expect(n[0].role).toBe('looking');
          break;
        case 2:
          expect(n[0].role).toBe('looking');
          break;
        case 3:
          expect([n[0].role, n[0].leader, n[0].lastZxid]).toEqual(['following', 5, zx('0x100000003')]);
          break;
        case 4:
          expect(n[4].learners.find((l) => l.sid === 1)?.sync).toBe('trunc');
          expect(n[0].lastZxid).toBe(zx('0x100000003'));
          break;
        case 5:
          expect(n[0].lastZxid).toBe(zx('0x100000002'));
          expect(n[0].truncated.map((t) => t.value)).toEqual(['w=9']);
          break;
        case 6:
          expect([n[0].phase, zxids(n[0])]).toEqual(['broadcast', zxids(n[4])]);
          break;
        case 7:
          expect(n[4].committedZxid).toBe(zx('0x200000001'));
          expect(n[0].lastZxid).toBe(zx('0x200000001'));
          break;
      }
    });
  });
});

describe('zab-sync-snap', () => {
  const s = story('zab-sync-snap');

  it('the long-gone server is older than the leader’s committed log: a SNAP, and it ends with the leader’s history', () => {
    expect(s.scenario).toMatchObject({ config: { committedLogCount: 3, txnLogSync: false } });
    const [snap] = s.of('SyncSnap');
    expect(snap.f).toEqual({ to: 1, zxid: zx('0x100000005'), theirZxid: zx('0x100000001'), count: 5 });
    expect(s.first('SnapLoaded', 1).f).toEqual({ zxid: zx('0x100000005'), count: 5 });
    expect(s.of('SyncDiff')).toEqual([]);
    const end = s.at(s.scenario.until);
    expect(zxids(end[0])).toEqual(zxids(end[4]));
    expect(end[0].lastZxid).toBe(zx('0x100000005'));
    // With ZooKeeper's defaults (500 in memory, the txn log readable) the same server gets a DIFF.
    const sc = loadLesson('zab-sync-snap');
    const d = story('zab-sync-snap', { ...sc, config: {} });
    expect(d.of('SyncSnap')).toEqual([]);
    expect(d.first('SyncDiff').f).toMatchObject({ to: 1, count: 4 });
  });

  it('its stops are the moments they describe', () => {
    expect(LESSON_META['zab-sync-snap'].stops).toEqual([
      s.first('LeaderEstablished').time,
      1000,
      s.of('Committed')[4].time,
      2500,
      s.first('JoinedEnsemble', 1).time,
      s.first('SyncSnap').time,
      s.of('UpToDate', 1).at(-1)!.time,
    ]);
  });

  it('each sentence is true where it is shown', async () => {
    await walkStops('zab-sync-snap', (i, store) => {
      const n = servers(store);
      switch (i) {
        case 0:
          expect([n[4].role, n[4].currentEpoch]).toEqual(['leading', 1]);
          break;
        case 1:
          expect(n[0].role).toBe('down');
          expect(zxids(n[0])).toEqual([zx('0x100000001')]);
          break;
        case 2:
          expect(n[4].committedZxid).toBe(zx('0x100000005'));
          break;
        case 3:
          expect([n[0].role, n[0].lastZxid]).toEqual(['looking', zx('0x100000001')]);
          break;
        case 4:
          expect([n[0].role, n[0].leader]).toEqual(['following', 5]);
          break;
        case 5:
          expect(n[4].learners.find((l) => l.sid === 1)?.sync).toBe('snap');
          break;
        case 6:
          expect([n[0].phase, zxids(n[0])]).toEqual(['broadcast', zxids(n[4])]);
          break;
      }
    });
  });
});

describe('zab-three-phases', () => {
  const s = story('zab-three-phases');

  it('after the election: discovery, synchronization, broadcast, in that order at every server', () => {
    const t = (name: Parameters<typeof s.first>[0], node?: number) => s.first(name, node).time;
    expect(t('Decided', 3)).toBeLessThan(t('EpochProposed'));
    expect(t('EpochProposed')).toBeLessThan(t('EpochEstablished'));
    expect(t('EpochEstablished')).toBeLessThanOrEqual(t('SyncDiff'));
    expect(t('SyncDiff')).toBeLessThan(t('LeaderEstablished'));
    expect(t('LeaderEstablished')).toBeLessThan(t('Proposed'));
    expect(t('Proposed')).toBeLessThan(t('Committed'));
    // Each server's phases, as the view shows them over time.
    const seen: string[][] = [[], [], []];
    for (let time = 0; time <= s.scenario.until; time += 5) {
      s.at(time).forEach((x, k) => {
        const p = x.phase ?? 'none';
        if (seen[k].at(-1) !== p) seen[k].push(p);
      });
    }
    for (const phases of seen) expect(phases).toEqual(['election', 'discovery', 'synchronization', 'broadcast']);
    expect(s.first('SyncDiff').f).toMatchObject({ to: 1, count: 1 });
    expect(s.first('Committed').f.zxid).toBe(zx('0x200000001'));
  });

  it('its stops are the moments they describe', () => {
    expect(LESSON_META['zab-three-phases'].stops).toEqual([
      s.first('Decided', 3).time,
      s.first('EpochProposed').time,
      s.first('EpochEstablished').time,
      s.first('LeaderEstablished').time,
      last(s.of('UpToDate')),
      s.first('Proposed').time,
      s.first('Committed').time,
    ]);
  });

  it('each sentence is true where it is shown', async () => {
    await walkStops('zab-three-phases', (i, store) => {
      const n = servers(store);
      switch (i) {
        case 0:
          expect(n.map((x) => x.role)).toEqual(['following', 'following', 'leading']);
          break;
        case 1:
          expect(n[2].phase).toBe('discovery');
          break;
        case 2:
          expect([n[2].phase, n[2].acceptedEpoch]).toEqual(['synchronization', 2]);
          expect(n[2].learners.find((l) => l.sid === 1)?.sync).toBe('diff');
          break;
        case 3:
          expect([n[2].phase, n[2].currentEpoch]).toEqual(['broadcast', 2]);
          break;
        case 4:
          for (const x of n) expect(x.phase).toBe('broadcast');
          break;
        case 5:
          expect(n[2].lastZxid).toBe(zx('0x200000001'));
          break;
        case 6:
          expect(n[2].committedZxid).toBe(zx('0x200000001'));
          break;
      }
    });
  });
});
