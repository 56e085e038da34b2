/**
 * ZooKeeper's lessons on the lock, watches and sessions: each tells its story (who got which
 * event when, the txn that deleted the ephemeral, the sessions' states), each stop is the
 * moment it describes, and each sentence is true at its stop (walked with nextMark, as a
 * presenter does). The lesson table's rows: texts in both languages, scaled timings said so.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/sim/scenario';
import { LESSONS, LESSON_META, isLesson } from '../../../src/store/lessons';
import { lessonText } from '../../../src/ui/lessons';
import { ZK_LESSONS } from '../../../src/ui/coord/zookeeper/lessons/meta';
import { ZK_SESSION_LESSONS, ZK_SESSION_LESSON_TEXT } from '../../../src/ui/coord/zookeeper/lessons/sessions';
import { ZK_EVENT_CODES, type ZabNodeView } from '../../../src/core/zab/types';
import { ZkLoss } from '../../../src/core/coord/zookeeper/client';
import { lockQueues, sessionOwners } from '../../../src/ui/coord/zookeeper/model';
import { walkStops } from '../store/walk-stops';
import { actor, cliOf, hex, ledger, loadLesson, nodeEvents, paths, zkAtStore, zkStory, type ZkAt, type ZkStory } from './story-sessions';

const LEADER = 3;
const server = (at: ZkAt, id: number): ZabNodeView => at.servers[id - 1];
const client = (at: ZkAt, c: number) => at.clients[c - 1];
const applied = (at: ZkAt) => at.servers.map((n) => n.zk!.appliedZxid);
/** When server `id` applied `zxid`: the leader on commit, a follower on delivery. */
const appliedAt = (s: ZkStory, id: number, zxid: number) => s.of(id === LEADER ? 'Committed' : 'Delivered', id).find((n) => n.f.zxid === zxid)!.time;
const opOf = (s: ZkStory, c: number, op: string, nth = 0) => s.ops.filter((o) => o.client === c && o.op === op)[nth];
/** The lock queue as the stage draws it from the leader's tree: [client, holds, believes, waits on]. */
const queue = (at: ZkAt) => {
  const owners = sessionOwners(at.clients, at.ops, at.servers);
  const [q] = lockQueues(at.clients, server(at, LEADER).zk!.rows, owners, at.time);
  return q.entries.map((e) => [e.client, e.holds, e.believes, e.waitsOn]);
};

describe('zk-lock-handover', () => {
  const s = zkStory('zk-lock-handover');
  const S1 = hex('0x100000001');
  const EXPIRY = hex('0x10000000a');
  const UNLOCK = hex('0x10000000b');
  const lockNode = (n: number) => `/lock/lock-000000000${n}`;

  it('four clients queue; each waiter watches only its predecessor', () => {
    expect([1, 2, 3, 4].map((c) => opOf(s, c, 'lock').result ?? null)).toEqual([lockNode(0), lockNode(1), lockNode(2), null]);
    expect(s.of('ZkLockWaiting').map((n) => [n.node, n.f.seq, n.f.predecessor])).toEqual([
      [actor(2), 1, 0],
      [actor(3), 2, 1],
      [actor(4), 3, 2],
    ]);
    // One watch each, on the node just below its own (nobody watches /lock's children).
    const at = s.at(LESSON_META['zk-lock-handover'].stops[1]);
    expect(at.clients.map((c) => [c.watches.data, c.watches.exist, c.watches.child])).toEqual([
      [[], [], []],
      [[lockNode(0)], [], []],
      [[lockNode(1)], [], []],
      [[lockNode(2)], [], []],
    ]);
  });

  it('the holder goes silent; its session is expired by the leader through the log, and its lock node goes in that txn on every server', () => {
    expect(s.scenario.script!.filter((a) => a.do === 'cut' || a.do === 'mend' || a.do === 'heal')).toEqual([{ at: 2000, do: 'cut', client: 1 }]);
    const lost = s.first('ZkConnectionLost', actor(1));
    expect([lost.time, lost.f.why, lost.f.idleMs]).toEqual([3161, ZkLoss.ReadTimeout, 1333]);
    const expired = s.first('SessionExpiredByTracker');
    expect([expired.node, expired.time, expired.f.session, expired.f.timeoutMs, expired.f.expireAt]).toEqual([LEADER, 4000, S1, 2000, 4000]);
    // Proposed by the leader at once, as a txn of its own.
    expect(s.of('Proposed', LEADER).find((n) => n.time === expired.time)!.f.zxid).toBe(EXPIRY);
    expect(s.of('SessionExpiredByTracker')).toHaveLength(1);
    expect(ledger(server(s.at(s.scenario.until), LEADER)).filter(([z]) => hex(z) >= EXPIRY)).toEqual([
      ['0x10000000a', 'closeSession 0x100000001 (expired)'],
      ['0x10000000b', 'delete /lock/lock-0000000001'],
    ]);
    // Every server: the lock node is there until it applies the closeSession, gone with it.
    for (const id of [1, 2, 3]) {
      const t = appliedAt(s, id, EXPIRY);
      const before = s.at(t - 1);
      const after = s.at(t);
      expect([server(before, id).zk!.appliedZxid, paths(server(before, id)).includes(lockNode(0))], `n${id} before`).toEqual([hex('0x100000009'), true]);
      expect([server(after, id).zk!.appliedZxid, paths(server(after, id)).includes(lockNode(0))], `n${id} after`).toEqual([EXPIRY, false]);
    }
    expect(cliOf('zk-lock-handover').sessions).toEqual([
      { id: '0x100000001', client: 1, state: 'expired' },
      { id: '0x200000001', client: 2, state: 'open' },
      { id: '0x300000001', client: 3, state: 'open' },
      { id: '0x100000002', client: 4, state: 'open' },
    ]);
  });

  it('no herd: each deletion wakes exactly the next waiter, who takes the lock; c4 is never woken', () => {
    expect(nodeEvents(s.events)).toEqual([
      [2, 'NodeDeleted', lockNode(0), 4083],
      [3, 'NodeDeleted', lockNode(1), 4707],
    ]);
    expect(s.of('WatchFired').map((n) => [n.node, n.f.client, n.f.event, n.f.zxid])).toEqual([
      [2, actor(2), ZK_EVENT_CODES.NodeDeleted, EXPIRY],
      [3, actor(3), ZK_EVENT_CODES.NodeDeleted, UNLOCK],
    ]);
    expect(s.of('ZkLockAcquired').map((n) => [n.node, n.time, n.f.seq])).toEqual([
      [actor(1), 1155, 0],
      [actor(2), 4138, 1],
      [actor(3), 4752, 2],
    ]);
    expect(opOf(s, 4, 'lock').complete).toBeNull();
    expect(cliOf('zk-lock-handover').violations).toEqual([]);
  });

  it('its stops are the moments they describe', () => {
    expect(LESSON_META['zk-lock-handover'].stops).toEqual([
      s.first('ZkLockAcquired', actor(1)).time,
      1777,
      2000,
      s.first('ZkConnectionLost', actor(1)).time,
      s.first('SessionExpiredByTracker').time,
      s.events.find((e) => e.type === 'NodeDeleted')!.time,
      s.of('ZkLockAcquired', actor(2))[0].time,
      s.of('ZkLockAcquired', actor(3))[0].time,
    ]);
    // 1777: c4's exists on its predecessor is answered, its watch in place (the last of the three).
    expect(s.at(1776).clients[3].watches.data).toEqual([]);
    expect(s.at(1777).clients[3].watches.data).toEqual([lockNode(2)]);
    expect(s.first('ZkLockWaiting', actor(4)).time).toBeLessThan(1777);
    // The expiry's delete reached every server before c2 heard of it.
    for (const id of [1, 2, 3]) expect(appliedAt(s, id, EXPIRY)).toBeLessThanOrEqual(4083);
  });

  it('each sentence is true where it is shown', async () => {
    await walkStops('zk-lock-handover', (i, store) => {
      const at = zkAtStore(store);
      const c1 = client(at, 1);
      const nodeEv = nodeEvents(at.events);
      switch (i) {
        case 0:
          expect(c1.locks[0]).toMatchObject({ node: lockNode(0), held: true, zxid: hex('0x100000006') });
          expect(c1.session).toBe(S1);
          expect(server(at, LEADER).zk!.rows.find((r) => r.path === lockNode(0))!.ephemeralOwner).toBe(S1);
          expect(queue(at)[0]).toEqual([1, true, true, '']);
          break;
        case 1:
          expect(queue(at)).toEqual([
            [1, true, true, ''],
            [2, false, false, lockNode(0)],
            [3, false, false, lockNode(1)],
            [4, false, false, lockNode(2)],
          ]);
          break;
        case 2:
          expect([c1.state, at.time]).toEqual(['connected', 2000]);
          for (const n of at.servers) expect(paths(n)).toContain(lockNode(0));
          expect(server(at, LEADER).zk!.tracker.map((t) => t.session)).toContain(S1);
          break;
        case 3:
          expect([c1.state, c1.locks[0].held]).toEqual(['disconnected', true]);
          expect(at.events.at(-1)).toMatchObject({ client: 1, type: 'Disconnected' });
          expect(c1.negotiatedTimeoutMs).toBe(2000);
          for (const n of at.servers) expect(paths(n)).toContain(lockNode(0));
          break;
        case 4:
          expect(server(at, LEADER).zk!.tracker.map((t) => t.session)).not.toContain(S1);
          expect(server(at, LEADER).lastZxid).toBe(EXPIRY);
          expect(server(at, LEADER).history.at(-1)!.value).toBe('closeSession 0x100000001 (expired)');
          expect(nodeEv).toEqual([]);
          break;
        case 5:
          expect(applied(at)).toEqual([EXPIRY, EXPIRY, EXPIRY]);
          for (const n of at.servers) expect(paths(n)).not.toContain(lockNode(0));
          expect(nodeEv).toEqual([[2, 'NodeDeleted', lockNode(0), 4083]]);
          break;
        case 6:
          expect(queue(at)).toEqual([
            // c1, cut off, still believes it holds: its lock node is in no tree.
            [1, false, true, ''],
            [2, true, true, ''],
            [3, false, false, lockNode(1)],
            [4, false, false, lockNode(2)],
          ]);
          expect(nodeEv.map(([c]) => c)).toEqual([2]);
          break;
        case 7:
          expect(queue(at)).toEqual([
            [1, false, true, ''],
            [3, true, true, ''],
            [4, false, false, lockNode(2)],
          ]);
          expect(server(at, LEADER).history.find((e) => e.zxid === UNLOCK)!.value).toBe('delete /lock/lock-0000000001');
          expect(nodeEv.map(([c, type]) => [c, type])).toEqual([
            [2, 'NodeDeleted'],
            [3, 'NodeDeleted'],
          ]);
          break;
      }
    });
  });
});

describe('zk-config-watchers', () => {
  const s = zkStory('zk-config-watchers');
  const V2 = hex('0x100000006');
  const V3 = hex('0x100000007');
  const V4 = hex('0x100000008');
  const dataOf = (o: { result: unknown }) => (o.result as { data: string; stat: { version: number } }).data;
  const versionOf = (o: { result: unknown }) => (o.result as { stat: { version: number } }).stat.version;

  it('two writes in a row: each watcher hears one NodeDataChanged (the first); a re-read sees the newest; only the re-armed hear the next', () => {
    const writes = s.ops.filter((o) => o.op === 'setData');
    expect(writes.map((o) => [o.args.data, o.invoke, (o.result as { version: number }).version])).toEqual([
      ['v2', 1500, 1],
      ['v3', 1510, 2],
      ['v4', 2500, 3],
    ]);
    expect(nodeEvents(s.events).map(([c, type, path]) => [c, type, path])).toEqual([
      [3, 'NodeDataChanged', '/config'],
      [2, 'NodeDataChanged', '/config'],
      [4, 'NodeDataChanged', '/config'],
      [3, 'NodeDataChanged', '/config'],
      [2, 'NodeDataChanged', '/config'],
    ]);
    // The first three fired by v2's txn, none by v3's, the last two by v4's.
    expect(s.of('WatchFired').map((n) => [n.f.client, n.f.zxid])).toEqual([
      [actor(3), V2],
      [actor(4), V2],
      [actor(2), V2],
      [actor(3), V4],
      [actor(2), V4],
    ]);
    // Each fired at the watcher's own server.
    expect(s.of('WatchFired').map((n) => n.node)).toEqual([3, 1, 2, 3, 2]);
    // The re-reads returned v3, never v2.
    const reads = s.ops.filter((o) => o.op === 'getData');
    expect(reads.map((o) => [o.client, dataOf(o), versionOf(o)])).toEqual([
      [2, 'v1', 0],
      [3, 'v1', 0],
      [4, 'v1', 0],
      [2, 'v3', 2],
      [3, 'v3', 2],
    ]);
  });

  it('a watcher sees the event before it can read the new data', () => {
    for (const c of [2, 3]) {
      const firstEvent = s.events.find((e) => e.client === c && e.type === 'NodeDataChanged')!;
      const newer = s.ops.filter((o) => o.client === c && o.op === 'getData' && versionOf(o) >= 1);
      expect(newer.length).toBeGreaterThan(0);
      for (const o of newer) expect(o.complete!).toBeGreaterThan(firstEvent.time);
    }
    expect(loadLesson('zk-config-watchers').config).toBeUndefined();
    expect(cliOf('zk-config-watchers').violations).toEqual([]);
  });

  it('its stops are the moments they describe', () => {
    const wf = s.of('WatchFired');
    expect(LESSON_META['zk-config-watchers'].stops).toEqual([
      Math.max(...s.ops.filter((o) => o.op === 'getData' && o.invoke === 1000).map((o) => o.complete!)),
      appliedAt(s, LEADER, V3),
      s.events.filter((e) => e.type === 'NodeDataChanged')[2].time,
      opOf(s, 2, 'getData', 1).complete,
      opOf(s, 3, 'getData', 1).complete,
      appliedAt(s, LEADER, V4),
      s.events.filter((e) => e.type === 'NodeDataChanged').at(-1)!.time,
    ]);
    // v2's watch at the leader fired when it committed v2, before v3.
    expect(wf[0].time).toBe(appliedAt(s, LEADER, V2));
    expect(appliedAt(s, LEADER, V2)).toBeLessThan(appliedAt(s, LEADER, V3));
  });

  it('each sentence is true where it is shown', async () => {
    const watchers = (at: ZkAt) => at.servers.map((n) => n.zk!.rows.find((r) => r.path === '/config')!.dataWatches.length);
    const changed = (at: ZkAt) => nodeEvents(at.events).map(([c]) => c);
    await walkStops('zk-config-watchers', (i, store) => {
      const at = zkAtStore(store);
      switch (i) {
        case 0:
          // One data watch per server: n1 c4's, n2 c2's, n3 c3's.
          expect(watchers(at)).toEqual([1, 1, 1]);
          expect([2, 3, 4].map((c) => [client(at, c).server, client(at, c).watches.data])).toEqual([
            [2, ['/config']],
            [3, ['/config']],
            [1, ['/config']],
          ]);
          break;
        case 1:
          expect(server(at, LEADER).committedZxid).toBe(V3);
          expect(watchers(at)[LEADER - 1]).toBe(0);
          expect(s.of('WatchFired', LEADER)[0].f.zxid).toBe(V2);
          break;
        case 2:
          expect(applied(at)).toEqual([V3, V3, V3]);
          expect(changed(at).sort()).toEqual([2, 3, 4]);
          expect(watchers(at)).toEqual([0, 0, 0]);
          break;
        case 3: {
          const read = at.ops.filter((o) => o.client === 2 && o.op === 'getData').at(-1)!;
          expect([dataOf(read), versionOf(read)]).toEqual(['v3', 2]);
          expect(client(at, 2).watches.data).toEqual(['/config']);
          expect(watchers(at)).toEqual([0, 1, 0]);
          break;
        }
        case 4: {
          const read = at.ops.filter((o) => o.client === 3 && o.op === 'getData').at(-1)!;
          expect(dataOf(read)).toBe('v3');
          expect([2, 3, 4].map((c) => client(at, c).watches.data.length)).toEqual([1, 1, 0]);
          expect(watchers(at)).toEqual([0, 1, 1]);
          break;
        }
        case 5:
          expect(server(at, LEADER).committedZxid).toBe(V4);
          break;
        case 6:
          expect(changed(at)).toEqual([3, 2, 4, 3, 2]);
          expect(changed(at).filter((c) => c === 4)).toHaveLength(1);
          break;
      }
    });
  });
});

describe('zk-session-expiry', () => {
  const s = zkStory('zk-session-expiry');
  const S1 = hex('0x100000001');
  const S2 = hex('0x100000002');
  const EXPIRY = hex('0x100000006');
  const REG = '/services/app/c1';
  const owner = (n: ZabNodeView) => n.zk!.rows.find((r) => r.path === REG)?.ephemeralOwner ?? null;

  it('the cut client times out, cannot reach a server, and its session expires on the servers: every server deletes its ephemeral in the closeSession txn', () => {
    expect(s.scenario.script!.filter((a) => a.do === 'cut' || a.do === 'mend')).toEqual([
      { at: 1600, do: 'cut', client: 1 },
      { at: 4500, do: 'mend', client: 1 },
    ]);
    expect(opOf(s, 1, 'create').args).toMatchObject({ path: REG, ephemeral: true });
    const lost = s.of('ZkConnectionLost', actor(1));
    expect(lost.map((n) => [n.time, n.f.server, n.f.why])).toEqual([
      [2566, 1, ZkLoss.ReadTimeout],
      [4216, 2, ZkLoss.ConnectTimeout],
    ]);
    // While cut, nothing it sends reaches a server.
    const tried = s.of('ZkConnecting', actor(1)).filter((n) => n.time > 1600 && n.time < 4500);
    expect(tried.map((n) => [n.f.server, n.f.session])).toEqual([[2, S1]]);
    const expired = s.first('SessionExpiredByTracker');
    expect([expired.node, expired.time, expired.f.session, expired.f.timeoutMs]).toEqual([LEADER, 3200, S1, 2000]);
    expect(ledger(server(s.at(s.scenario.until), LEADER)).find(([z]) => hex(z) === EXPIRY)![1]).toBe('closeSession 0x100000001 (expired)');
    for (const id of [1, 2, 3]) {
      const t = appliedAt(s, id, EXPIRY);
      expect([owner(server(s.at(t - 1), id)), owner(server(s.at(t), id))], `n${id}`).toEqual([S1, null]);
      expect(server(s.at(t), id).zk!.appliedZxid).toBe(EXPIRY);
    }
    // The watcher hears it; the cut client's first word of it comes only after the mend.
    expect(s.events.filter((e) => e.type !== 'SyncConnected').map((e) => [e.client, e.type, e.path, e.time])).toEqual([
      [1, 'Disconnected', '', 2566],
      [2, 'NodeDeleted', REG, 3253],
      [1, 'Expired', '', 5073],
    ]);
    const invalid = s.of('SessionInvalid').at(-1)!;
    expect([invalid.node, invalid.f.session]).toEqual([3, S1]);
  });

  it('a new handle opens a new session and registers again', () => {
    const connects = s.ops.filter((o) => o.client === 1 && o.op === 'connect');
    expect(connects.map((o) => [o.ok, (o.result as { session: number } | null)?.session])).toEqual([
      [true, S1],
      [true, S2],
    ]);
    expect(connects[1].invoke).toBeGreaterThan(5073);
    expect(cliOf('zk-session-expiry').sessions).toEqual([
      { id: '0x100000001', client: 1, state: 'expired' },
      { id: '0x200000001', client: 2, state: 'open' },
      { id: '0x100000002', client: 1, state: 'open' },
    ]);
    const tree = cliOf('zk-session-expiry').tree.find((r) => r.path === REG)!;
    expect([tree.data, tree.ephemeralOwner]).toEqual(['10.0.0.1:8080', '0x100000002']);
    expect(cliOf('zk-session-expiry').violations).toEqual([]);
  });

  it('its stops are the moments they describe', () => {
    expect(LESSON_META['zk-session-expiry'].stops).toEqual([
      opOf(s, 1, 'create').complete,
      opOf(s, 2, 'exists').complete,
      1600,
      s.first('ZkConnectionLost', actor(1)).time,
      s.first('SessionExpiredByTracker').time,
      Math.max(...[1, 2, 3].map((id) => appliedAt(s, id, EXPIRY))),
      4500,
      s.first('ZkExpired', actor(1)).time,
      opOf(s, 1, 'connect', 1).complete,
      opOf(s, 1, 'create', 1).complete,
    ]);
  });

  it('each sentence is true where it is shown', async () => {
    await walkStops('zk-session-expiry', (i, store) => {
      const at = zkAtStore(store);
      const c1 = client(at, 1);
      const lead = server(at, LEADER);
      switch (i) {
        case 0:
          expect([c1.session, owner(lead)]).toEqual([S1, S1]);
          expect(lead.zk!.rows.find((r) => r.path === REG)).toBeDefined();
          expect(lead.history.find((e) => e.zxid === hex('0x100000005'))!.value).toBe(`create ${REG}`);
          break;
        case 1:
          expect(client(at, 2).watches.data).toEqual([REG]);
          expect((at.ops.find((o) => o.op === 'exists')!.result as { ephemeralOwner: number }).ephemeralOwner).toBe(S1);
          break;
        case 2:
          expect(c1.state).toBe('connected');
          for (const n of at.servers) expect(owner(n)).toBe(S1);
          break;
        case 3:
          expect([c1.state, c1.session]).toEqual(['disconnected', S1]);
          expect(lead.zk!.tracker.map((t) => t.session)).toContain(S1);
          for (const n of at.servers) expect(owner(n)).toBe(S1);
          break;
        case 4:
          expect(lead.zk!.tracker.map((t) => t.session)).not.toContain(S1);
          expect([lead.lastZxid, lead.history.at(-1)!.value]).toEqual([EXPIRY, 'closeSession 0x100000001 (expired)']);
          break;
        case 5:
          expect(applied(at)).toEqual([EXPIRY, EXPIRY, EXPIRY]);
          for (const n of at.servers) expect(owner(n)).toBeNull();
          expect(nodeEvents(at.events)).toEqual([[2, 'NodeDeleted', REG, 3253]]);
          expect(c1.state).toBe('disconnected');
          break;
        case 6:
          expect([c1.state, c1.session]).toEqual(['disconnected', S1]);
          expect(at.events.filter((e) => e.client === 1).map((e) => e.type)).toEqual(['SyncConnected', 'Disconnected']);
          break;
        case 7:
          expect(c1.state).toBe('expired');
          expect(at.events.at(-1)).toMatchObject({ client: 1, type: 'Expired' });
          break;
        case 8:
          expect([c1.state, c1.session]).toEqual(['connected', S2]);
          expect(owner(lead)).toBeNull();
          break;
        case 9:
          expect(at.servers.map(owner)).toEqual([S2, S2, S2]);
          break;
      }
    });
  });
});

describe('the lesson table: the lock, watches and sessions', () => {
  it('its lessons are ZooKeeper’s first, in the app’s table, each with a scenario file', () => {
    expect([...ZK_SESSION_LESSONS]).toEqual(['zk-lock-handover', 'zk-config-watchers', 'zk-session-expiry']);
    expect(ZK_LESSONS.slice(0, 3)).toEqual([...ZK_SESSION_LESSONS]);
    const files = readdirSync('public/scenarios');
    for (const name of ZK_SESSION_LESSONS) {
      expect(files).toContain(`${name}.json`);
      expect(isLesson(name)).toBe(true);
      expect(LESSONS).toContain(name);
    }
  });

  it.each(ZK_SESSION_LESSONS.map((n) => [n]))('%s: a ZooKeeper scenario on ZAB, no warnings, runs clean', (name) => {
    const sc = loadLesson(name);
    expect([sc.protocol, sc.service, sc.nodes]).toEqual(['zab', 'zookeeper', 3]);
    expect(parseScenario(sc).warnings).toEqual([]);
    const cli = cliOf(name);
    expect(cli.violations).toEqual([]);
    expect(cli.linearizable).toBe(true);
    expect(LESSON_META[name].stops.at(-1)!).toBeLessThan(sc.until);
  });

  it.each(ZK_SESSION_LESSONS.map((n) => [n]))('%s: texts in both languages, one sentence per stop, the same ids in both', (name) => {
    const meta = LESSON_META[name];
    expect(meta.stops.length).toBeGreaterThanOrEqual(5);
    expect(meta.speed).toBe(0.02);
    for (const lang of ['en', 'zh'] as const) {
      const t = lessonText(name, lang);
      expect(t).toBe(ZK_SESSION_LESSON_TEXT[lang][name]);
      expect(t.title.startsWith('ZooKeeper · ')).toBe(true);
      expect(t.blurb.length).toBeGreaterThan(80);
      expect(t.stops).toHaveLength(meta.stops.length);
    }
    // zxids and session ids, znode paths, and event names are the same in both languages, sentence by sentence.
    const ids = (x: string) => (x.match(/0x[0-9a-f]+|\/[\w/.-]*\w|Node\w+|Disconnected|Expired|SessionExpired|closeSession/g) ?? []).sort();
    const { en, zh } = ZK_SESSION_LESSON_TEXT;
    expect(ids(zh[name].blurb), `${name} blurb`).toEqual(ids(en[name].blurb));
    en[name].stops.forEach((x, i) => expect(ids(zh[name].stops[i]), `${name} stop ${i}`).toEqual(ids(x)));
  });

  it('timings: the scaled lessons say so; the watch lesson keeps ZooKeeper’s', () => {
    for (const name of ['zk-lock-handover', 'zk-session-expiry'] as const) {
      const sc = loadLesson(name);
      expect(sc.config).toEqual({ tickTimeMs: 200 });
      for (const a of sc.script.filter((x: { op?: string }) => x.op === 'connect')) expect(a.sessionTimeoutMs).toBe(2000);
      expect(ZK_SESSION_LESSON_TEXT.en[name].blurb).toMatch(/scales tickTime to 200 ms \(ZooKeeper’s sample config: 2000 ms\) and asks for 2 s sessions/);
      expect(ZK_SESSION_LESSON_TEXT.zh[name].blurb).toMatch(/tickTime 缩小到 200 毫秒/);
    }
    expect(ZK_SESSION_LESSON_TEXT.en['zk-config-watchers'].blurb).toMatch(/ZooKeeper’s own timings \(tickTime 2000 ms, 30 s sessions\)/);
    expect(cliOf('zk-config-watchers').sessions.length).toBe(4);
    expect(ZK_SESSION_LESSON_TEXT.en['zk-lock-handover'].stops.at(-1)).toMatch(/herd effect/);
    expect(ZK_SESSION_LESSON_TEXT.zh['zk-lock-handover'].stops.at(-1)).toMatch(/羊群效应/);
  });
});
