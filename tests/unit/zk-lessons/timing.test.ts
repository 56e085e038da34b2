/**
 * ZooKeeper's lessons about time: a client fails over to another server within its session
 * timeout and keeps its session, its ephemeral node and its watch, while one cut off for
 * longer finds its session expired; a follower one COMMIT behind answers a stale read, and
 * sync cures it; a client paused past its session still believes it holds the lock, and the
 * lock nodes' czxids are the fencing tokens that tell the two holders apart. Each story is
 * checked in numbers, each stop sits on its moment, and each sentence is true where it is shown.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { sessionHex } from '../../../src/core/coord/zookeeper/types';
import { checkZkHistory } from '../../../src/core/coord/zookeeper/linearizable';
import { ZkLoss } from '../../../src/core/coord/zookeeper/client';
import { zxidHex, type ZabNodeView } from '../../../src/core/zab/types';
import { parseScenario } from '../../../src/sim/scenario';
import { LESSONS, LESSON_META, isLesson } from '../../../src/store/lessons';
import { lessonText } from '../../../src/ui/lessons';
import { lockQueues, sessionOwners, type ZkFrame } from '../../../src/ui/coord/zookeeper/model';
import { ZK_LESSONS } from '../../../src/ui/coord/zookeeper/lessons/meta';
import { ZK_TIMING_LESSONS, ZK_TIMING_LESSON_META, ZK_TIMING_LESSON_TEXT } from '../../../src/ui/coord/zookeeper/lessons/timing';
import { walkStops } from '../store/walk-stops';
import { clientActor, loadLesson, serversOf, zkOf, zkStory } from './story-timing';

const zx = (hex: string): number => Number(hex);
const session = (hex: string): number => Number(hex);
const leaderOf = (nodes: ZabNodeView[]) => nodes.find((n) => n.role === 'leading')!;
const paths = (n: ZabNodeView) => n.zk!.rows.map((r) => r.path);
const row = (n: ZabNodeView, path: string) => n.zk!.rows.find((r) => r.path === path);
const opsOf = (f: ZkFrame, client: number, op: string) => f.ops.filter((o) => o.client === client && o.op === op);
type Got = { data: string; stat: { version: number; mzxid: number; czxid: number } };
const got = (r: unknown) => r as Got;

describe('zk-failover', () => {
  const s = zkStory('zk-failover');
  const C1 = clientActor(1);
  const C2 = clientActor(2);
  const S1 = session('0x100000001');
  const S2 = session('0x200000001');

  it('c1 fails over from the crashed n1 to n2 within its session timeout and keeps its session, its ephemeral and its watch', () => {
    expect(s.scenario.config).toEqual({ tickTimeMs: 200 });
    for (const c of [1, 2, 3]) expect(opsOf(s.end, c, 'connect')[0].result).toMatchObject({ negotiatedTimeoutMs: 3000 });
    // One session across both servers.
    const connected = s.of('ZkConnected', C1);
    expect(connected.map((n) => [n.f.server, n.f.session, n.f.negotiatedMs, n.f.readTimeoutMs])).toEqual([
      [1, S1, 3000, 2000],
      [2, S1, 3000, 2000],
    ]);
    // The reset: at the crash, then a random sleep of 984 ms before n2.
    const lost = s.first('ZkConnectionLost', C1);
    expect([lost.time, lost.f.server, lost.f.why]).toEqual([2000, 1, ZkLoss.Reset]);
    expect(s.first('ZkReconnectSleep', C1).f).toMatchObject({ server: 2, delayMs: 984 });
    const attempt = s.of('ZkConnecting', C1)[1];
    expect(attempt.f).toEqual({ server: 2, session: S1, lastZxid: zx('0x100000006'), watches: 1 });
    // n2 asked the leader (REVALIDATE), which found it open and now owned by n2.
    expect(s.first('RevalidateSent', 2).f).toEqual({ client: C1, session: S1, leader: 3 });
    expect(s.first('Revalidated', 3).f).toEqual({ session: S1, valid: 1, owner: 2, previous: 1 });
    expect(s.first('SessionReconnected', 2).f).toEqual({ client: C1, session: S1, timeoutMs: 3000 });
    const away = connected[1].time - 2000;
    expect(away).toBe(1049);
    expect(away).toBeLessThan(3000);
    const c1Events = s.end.events.filter((e) => e.client === 1).map((e) => [e.time, e.type, e.path]);
    expect(c1Events).toEqual([
      [1122, 'SyncConnected', ''],
      [2000, 'Disconnected', ''],
      [3049, 'SyncConnected', ''],
      [7119, 'NodeDataChanged', '/config'],
    ]);
    // The watch set on n1 fired from n2 (SetWatches registered it there).
    expect(s.first('WatchFired').node).toBe(2);
    expect(s.first('WatchFired').f.client).toBe(C1);
    // /c1 is still c1's, in every live server's tree, to the end.
    for (const n of s.at(s.scenario.until).nodes.filter((x) => x.role !== 'down')) expect(row(n, '/c1')?.ephemeralOwner).toBe(S1);
    expect(s.end.clients[0]).toMatchObject({ state: 'connected', server: 2, session: S1 });
  });

  it('c2, cut off longer than its session, is expired by the leader through the log, and hears it only when it reaches a server', () => {
    const cut = s.scenario.script!.filter((a) => a.do === 'cut' || a.do === 'mend');
    expect(cut).toEqual([
      { at: 2000, do: 'cut', client: 2 },
      { at: 6000, do: 'mend', client: 2 },
    ]);
    const lost = s.first('ZkConnectionLost', C2);
    expect([lost.time, lost.f.why, lost.f.idleMs]).toEqual([3610, ZkLoss.ReadTimeout, 2000]);
    const expired = s.first('SessionExpiredByTracker', 3);
    expect([expired.time, expired.f.session, expired.f.timeoutMs]).toEqual([4600, S2, 3000]);
    const ended = s.first('SessionEnded', 2);
    expect(ended.f).toEqual({ client: C2, session: S2, expired: 1, zxid: zx('0x100000007') });
    // Expired before the link came back; heard after it, from a server.
    expect(ended.time).toBeLessThan(6000);
    const heard = s.first('ZkExpired', C2);
    expect([heard.time, heard.f.server, heard.f.session]).toEqual([8022, 2, S2]);
    expect(s.of('Revalidated', 3).at(-1)!.f).toMatchObject({ session: S2, valid: 0 });
    expect(s.end.events.filter((e) => e.client === 2).map((e) => e.type)).toEqual(['SyncConnected', 'Disconnected', 'Expired']);
    for (const n of s.at(s.scenario.until).nodes.filter((x) => x.role !== 'down')) expect(paths(n)).not.toContain('/c2');
    expect(s.end.clients[1].state).toBe('expired');
    expect(s.zab.session.advanceTo(s.scenario.until).violation).toBeNull();
  });

  it('its stops are the moments they describe', () => {
    expect(LESSON_META['zk-failover'].stops).toEqual([
      opsOf(s.end, 1, 'getData')[0].complete,
      2000,
      s.first('RevalidateSent', 2).time,
      s.of('ZkConnected', C1)[1].time,
      s.first('ZkConnectionLost', C2).time,
      s.first('SessionEnded', 2).time,
      s.end.events.find((e) => e.type === 'NodeDataChanged')!.time,
      s.first('ZkExpired', C2).time,
    ]);
  });

  it('each sentence is true where it is shown', async () => {
    await walkStops('zk-failover', (i, store) => {
      const n = serversOf(store);
      const f = zkOf(store);
      const [c1, c2] = f.clients;
      const leader = leaderOf(n);
      switch (i) {
        case 0:
          expect([c1.state, c1.server, c1.session, c1.watches.data]).toEqual(['connected', 1, S1, ['/config']]);
          expect([c2.state, c2.server, c2.session]).toEqual(['connected', 2, S2]);
          expect([row(leader, '/c1')?.ephemeralOwner, row(leader, '/c2')?.ephemeralOwner]).toEqual([S1, S2]);
          // The drain bar spans the read time-out, 2/3 of the 3 s session.
          expect([c1.timeoutMs, c2.timeoutMs]).toEqual([2000, 2000]);
          break;
        case 1:
          expect(store.getState().view!.alive[0]).toBe(false);
          expect([c1.state, c1.session]).toEqual(['disconnected', S1]);
          expect(store.getState().view!.network.clientCuts).toEqual([
            [2, 1],
            [2, 2],
            [2, 3],
          ]);
          expect(c2.state).toBe('connected');
          break;
        case 2:
          expect([c1.state, c1.server, c1.session]).toEqual(['disconnected', 2, S1]);
          expect(n[1].zk!.connections.map((c) => c.session)).not.toContain(S1);
          break;
        case 3:
          expect([c1.state, c1.server, c1.session]).toEqual(['connected', 2, S1]);
          expect(n[1].zk!.connections.map((c) => c.session)).toContain(S1);
          expect(row(n[1], '/config')!.dataWatches).toContain(S1);
          expect(row(leader, '/c1')?.ephemeralOwner).toBe(S1);
          break;
        case 4:
          expect([c2.state, c2.session]).toEqual(['disconnected', S2]);
          expect(paths(leader)).toContain('/c2');
          break;
        case 5:
          for (const x of [n[1], n[2]]) expect([paths(x).includes('/c2'), paths(x).includes('/c1')]).toEqual([false, true]);
          expect(n[1].zk!.appliedZxid).toBe(zx('0x100000007'));
          expect(c2.state).toBe('disconnected');
          break;
        case 6:
          expect(f.events.at(-1)).toMatchObject({ client: 1, type: 'NodeDataChanged', path: '/config' });
          expect([c1.server, c1.watches.data]).toEqual([2, []]);
          break;
        case 7:
          expect(c2.state).toBe('expired');
          expect([c1.state, c1.server, c1.session]).toEqual(['connected', 2, S1]);
          break;
      }
    });
  });
});

describe('zk-stale-read', () => {
  const s = zkStory('zk-stale-read');
  const C2 = clientActor(2);
  const [write] = opsOf(s.end, 1, 'setData');
  const reads = opsOf(s.end, 2, 'getData');

  it('c2 reads v1 from n2 after c1’s v2 was acknowledged: a stale read (sequentially consistent, not linearizable)', () => {
    expect(s.scenario.config).toEqual({ tickTimeMs: 200 });
    expect(reads.map((r) => [got(r.result).data, zxidHex(got(r.result).stat.mzxid)])).toEqual([
      ['v1', '0x100000003'],
      ['v1', '0x100000003'],
      ['v2', '0x100000004'],
    ]);
    expect([write.complete, zxidHex((write.result as Got['stat']).mzxid)]).toEqual([2045, '0x100000004']);
    // c2 asked after c1 had its answer: 1 ms after.
    expect(reads[1].invoke - write.complete!).toBe(1);
    // Served at n2 from its own tree, one transaction behind the leader; the COMMIT came 5 ms later.
    const served = s.of('ReadServed', 2).filter((n) => n.f.client === C2);
    expect(served[1].f).toMatchObject({ zxid: zx('0x100000003'), leaderZxid: zx('0x100000004') });
    const applied = s.of('Delivered', 2).find((n) => n.f.zxid === zx('0x100000004'))!;
    expect(applied.time - served[1].time).toBe(5);
    // The leader committed on its own and n1's ACK.
    const commit = s.of('Committed', 3).find((n) => n.f.zxid === zx('0x100000004'))!;
    expect(s.of('AckCounted', 3).filter((n) => n.f.zxid === zx('0x100000004') && n.time <= commit.time).map((n) => n.f.from)).toEqual([1]);
    // The checker: linearizable writes, this read reported as stale (it missed c1's setData), no violation.
    const check = checkZkHistory(s.end.ops);
    expect(check.ok).toBe(true);
    expect(check.staleReads).toEqual([{ op: s.end.ops.indexOf(reads[1]), client: 2, path: '/config', missed: [s.end.ops.indexOf(write)] }]);
    expect(s.zab.session.advanceTo(s.scenario.until).violation).toBeNull();
  });

  it('sync, then getData: v2, everything the leader had committed when the SYNC reached it', () => {
    const sync = opsOf(s.end, 2, 'sync')[0];
    expect([sync.ok, sync.invoke, reads[2].invoke, reads[2].ok]).toEqual([true, 2400, 2400, true]);
    expect(s.first('SyncForwarded', 2).f).toMatchObject({ client: C2, leader: 3 });
    expect(s.first('ReadQueued', 2).f).toMatchObject({ client: C2, behind: 1 });
    const done = s.first('SyncDone', 2);
    expect(done.f.zxid).toBe(zx('0x100000004'));
    // Answered in order: the sync, then the read; with nothing written after v2 (n2 is up to
    // date when the leader's SYNC comes back, so it answers at once).
    expect(reads[2].complete!).toBeGreaterThanOrEqual(sync.complete!);
    expect(sync.complete! - sync.invoke).toBeLessThan(120);
    expect(s.end.ops.indexOf(reads[2])).toBeGreaterThan(s.end.ops.indexOf(sync));
    expect(opsOf(s.end, 1, 'create').map((o) => o.args.path)).toEqual(['/config']);
  });

  it('its stops are the moments they describe', () => {
    const served = s.of('ReadServed', 2).filter((n) => n.f.client === C2);
    expect(LESSON_META['zk-stale-read'].stops).toEqual([
      reads[0].complete,
      write.complete,
      served[1].time,
      s.of('Delivered', 2).find((n) => n.f.zxid === zx('0x100000004'))!.time,
      reads[1].complete,
      s.first('ReadQueued', 2).time,
      reads[2].complete,
    ]);
  });

  it('each sentence is true where it is shown', async () => {
    await walkStops('zk-stale-read', (i, store) => {
      const n = serversOf(store);
      const f = zkOf(store);
      const applied = n.map((x) => zxidHex(x.zk!.appliedZxid));
      const c2reads = opsOf(f, 2, 'getData');
      switch (i) {
        case 0:
          expect(applied).toEqual(['0x100000003', '0x100000003', '0x100000003']);
          expect(got(c2reads[0].result).data).toBe('v1');
          break;
        case 1: {
          expect([applied[2], applied[1]]).toEqual(['0x100000004', '0x100000003']);
          expect(opsOf(f, 1, 'setData')[0].complete).not.toBeNull();
          // The COMMIT to n2 is in flight.
          const onWire = store.getState().view!.messages.filter((m) => m.from === 3 && m.to === 2).map((m) => [m.look.name, m.look.fields?.zxid]);
          expect(onWire).toContainEqual(['COMMIT', '0x100000004']);
          break;
        }
        case 2:
          expect(applied[1]).toBe('0x100000003');
          expect(c2reads[1].complete).toBeNull();
          break;
        case 3:
          expect(applied[1]).toBe('0x100000004');
          break;
        case 4:
          expect(got(c2reads[1].result).data).toBe('v1');
          break;
        case 5:
          expect(opsOf(f, 2, 'sync')[0].complete).toBeNull();
          expect(c2reads[2].complete).toBeNull();
          break;
        case 6:
          expect(opsOf(f, 2, 'sync')[0].ok).toBe(true);
          expect([got(c2reads[2].result).data, zxidHex(got(c2reads[2].result).stat.mzxid)]).toEqual(['v2', '0x100000004']);
          break;
      }
    });
  });
});

describe('zk-gc-pause-fencing', () => {
  const s = zkStory('zk-gc-pause-fencing');
  const C1 = clientActor(1);
  const C2 = clientActor(2);
  const S1 = session('0x100000001');
  const [lock1] = opsOf(s.end, 1, 'lock');
  const [lock2] = opsOf(s.end, 2, 'lock');
  const [pause] = opsOf(s.end, 1, 'pause');

  it('c1 pauses past its session, the leader expires it and c2 takes the lock; the tokens (czxids) order the holders', () => {
    expect(s.scenario.config).toEqual({ tickTimeMs: 200 });
    expect(opsOf(s.end, 1, 'connect')[0].result).toMatchObject({ negotiatedTimeoutMs: 3000 });
    expect([pause.invoke, pause.complete, pause.args.ms]).toEqual([2500, 7500, 5000]);
    // The fencing tokens: each lock op's zxid is its lock node's czxid.
    expect([lock1.result, zxidHex(lock1.zxid)]).toEqual(['/lock/lock-0000000000', '0x100000004']);
    expect([lock2.result, zxidHex(lock2.zxid)]).toEqual(['/lock/lock-0000000001', '0x100000005']);
    expect(lock1.zxid).toBeLessThan(lock2.zxid);
    expect(s.first('ZkLockAcquired', C1).f.zxid).toBe(lock1.zxid);
    expect(s.first('ZkLockAcquired', C2).f.zxid).toBe(lock2.zxid);
    // Only the next waiter watched c1's node.
    expect(s.first('ZkLockWaiting', C2).f).toEqual({ seq: 1, predecessor: 0 });
    const expired = s.first('SessionExpiredByTracker', 3);
    expect([expired.f.session, expired.f.timeoutMs, expired.time > pause.invoke && expired.time < pause.complete!]).toEqual([S1, 3000, true]);
    const close = s.of('Committed', 3).find((n) => n.time > expired.time)!;
    expect(zxidHex(close.f.zxid)).toBe('0x100000006');
    expect(s.end.events.filter((e) => e.client === 2 && e.type === 'NodeDeleted').map((e) => e.path)).toEqual(['/lock/lock-0000000000']);
    expect(lock2.complete!).toBeLessThan(pause.complete!);
    // Waking: its read time-out ran out during the pause; Expired once a server says so.
    expect(s.first('ZkResumed', C1).f).toMatchObject({ timedOut: 1 });
    expect(s.first('ZkConnectionLost', C1).f.why).toBe(ZkLoss.PauseTimedOut);
    const heard = s.first('ZkExpired', C1);
    expect([heard.time, heard.f.session]).toEqual([8581, S1]);
    // The sentences' numbers: 1.1 s awake believing, 3.7 s after c2 took the lock.
    expect(Math.round((heard.time - pause.complete!) / 100) / 10).toBe(1.1);
    expect(Math.round((heard.time - lock2.complete!) / 100) / 10).toBe(3.7);
    // Lock Safety counts holders whose session is open: a believer is not a violation.
    expect(s.zab.session.advanceTo(s.scenario.until).violation).toBeNull();
    expect(checkZkHistory(s.end.ops).ok).toBe(true);
  });

  it('its stops are the moments they describe', () => {
    const expired = s.first('SessionExpiredByTracker', 3);
    expect(LESSON_META['zk-gc-pause-fencing'].stops).toEqual([
      s.first('ZkLockAcquired', C1).time,
      s.first('ZkLockWaiting', C2).time,
      pause.invoke,
      s.of('Committed', 3).find((n) => n.time > expired.time)!.time,
      s.first('ZkLockAcquired', C2).time,
      pause.complete,
      s.first('ZkExpired', C1).time,
    ]);
  });

  it('each sentence is true where it is shown — the queue marks the paused client that believes it holds the lock', async () => {
    await walkStops('zk-gc-pause-fencing', (i, store) => {
      const n = serversOf(store);
      const f = zkOf(store);
      const now = store.getState().view!.time;
      const leader = leaderOf(n);
      const [q] = lockQueues(f.clients, leader.zk!.rows, sessionOwners(f.clients, f.ops, n), now);
      const entry = (c: number) => q.entries.find((e) => e.client === c)!;
      const [c1] = f.clients;
      switch (i) {
        case 0:
          expect([entry(1).name, entry(1).holds, entry(1).believes, zxidHex(entry(1).zxid)]).toEqual(['lock-0000000000', true, true, '0x100000004']);
          break;
        case 1:
          expect([entry(2).name, entry(2).waitsOn, entry(2).holds, zxidHex(entry(2).zxid)]).toEqual(['lock-0000000001', '/lock/lock-0000000000', false, '0x100000005']);
          break;
        case 2:
          expect([entry(1).paused, c1.pausedUntil]).toEqual([true, 7500]);
          break;
        case 3:
          expect(paths(leader)).not.toContain('/lock/lock-0000000000');
          expect([entry(1).believes, entry(1).stale, entry(1).inTree]).toEqual([true, true, false]);
          break;
        case 4:
          expect([entry(2).holds, entry(2).believes, entry(2).stale]).toEqual([true, true, false]);
          expect([entry(1).believes, entry(1).stale, entry(1).paused]).toEqual([true, true, true]);
          break;
        case 5:
          expect([c1.state, entry(1).paused, entry(1).stale]).toEqual(['disconnected', false, true]);
          expect(q.entries.filter((e) => e.believes).map((e) => [e.client, zxidHex(e.zxid)])).toEqual([
            [1, '0x100000004'],
            [2, '0x100000005'],
          ]);
          break;
        case 6:
          expect([c1.state, c1.locks]).toEqual(['expired', []]);
          expect(q.entries.filter((e) => e.believes).map((e) => e.client)).toEqual([2]);
          break;
      }
    });
  });
});

describe('ZooKeeper timing lessons: the table', () => {
  it('are in the app’s lesson table, after the session lessons, each with its scenario file', () => {
    expect(ZK_LESSONS.slice(-ZK_TIMING_LESSONS.length)).toEqual([...ZK_TIMING_LESSONS]);
    const files = readdirSync('public/scenarios');
    for (const name of ZK_TIMING_LESSONS) {
      expect(isLesson(name)).toBe(true);
      expect(LESSONS).toContain(name);
      expect(files).toContain(`${name}.json`);
      expect(LESSON_META[name]).toBe(ZK_TIMING_LESSON_META[name]);
    }
  });

  it.each(ZK_TIMING_LESSONS.map((n) => [n]))('%s: a ZooKeeper scenario on ZAB, run to the end without a violation, its last stop inside the run', (name) => {
    const sc = loadLesson(name);
    expect([sc.protocol, sc.service]).toEqual(['zab', 'zookeeper']);
    expect(parseScenario(sc).warnings).toEqual([]);
    const end = zkStory(name).zab.session.advanceTo(sc.until);
    expect(end.violation).toBeNull();
    expect(LESSON_META[name].stops.at(-1)!).toBeLessThan(sc.until);
  });

  it.each(ZK_TIMING_LESSONS.map((n) => [n]))('%s: its texts reach the app in both languages, naming the same zxids and sessions; the scaled timing said', (name) => {
    // (Stops in order, one sentence each: tests/unit/store/stops.test.ts, for every lesson.)
    expect(LESSON_META[name].speed).toBe(0.02);
    const titles = (['en', 'zh'] as const).map((lang) => {
      expect(lessonText(name, lang)).toBe(ZK_TIMING_LESSON_TEXT[lang][name]);
      return lessonText(name, lang).title.split(' · ')[0];
    });
    expect(titles).toEqual(['ZooKeeper', 'ZooKeeper']);
    const { en, zh } = ZK_TIMING_LESSON_TEXT;
    const hexes = (x: string) => (x.match(/0x[0-9a-f]+/g) ?? []).sort();
    expect(hexes(zh[name].blurb)).toEqual(hexes(en[name].blurb));
    en[name].stops.forEach((x, i) => expect(hexes(zh[name].stops[i]), `${name} stop ${i}`).toEqual(hexes(x)));
    // ZooKeeper's timings are scaled: the scenario says tickTime 200, and so does the blurb, beside the real 2000.
    expect(loadLesson(name).config).toEqual({ tickTimeMs: 200 });
    expect(en[name].blurb).toMatch(/200 ms/);
    expect(en[name].blurb).toMatch(/2000/);
    expect(zh[name].blurb).toMatch(/200 毫秒/);
    expect(zh[name].blurb).toMatch(/2000/);
  });

  it('the sessions the texts name are the runs’ sessions', () => {
    const ids = (name: string) => zkStory(name).end.ops.filter((o) => o.op === 'connect').map((o) => sessionHex(o.session));
    expect(ids('zk-failover')).toEqual(['0x100000001', '0x200000001', '0x300000001']);
    expect(ids('zk-gc-pause-fencing')).toEqual(['0x100000001', '0x200000001']);
    expect(ZK_TIMING_LESSON_TEXT.en['zk-gc-pause-fencing'].blurb).toMatch(/Kleppmann/);
    expect(ZK_TIMING_LESSON_TEXT.zh['zk-gc-pause-fencing'].blurb).toMatch(/Kleppmann/);
  });
});
