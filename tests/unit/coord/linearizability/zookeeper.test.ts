/** checkZkHistory: ZooKeeper's guarantees — linearizable writes, sequentially consistent reads, sync, sessions, partitions. */
import { describe, expect, it } from 'vitest';
import { checkZkHistory } from '../../../../src/core/coord/zookeeper/linearizable';
import { S, children, close, create, data, del, err, exists, getData, okr, rec, setData, sync } from './zk-records';

// Client 1 makes /config = "a" (version 0), then sets it to "b" (version 1), done at 20.
const base = () => [create(1, '/config', 'a', [0, 5], okr('/config')), setData(1, '/config', 'b', 0, [10, 20], okr({ version: 1 }))];

describe('writes are linearizable', () => {
  it('accepts a sequential history and gives its order', () => {
    const h = [...base(), getData(2, '/config', [30, 31], data('b', 1))];
    const res = checkZkHistory(h);
    expect(res).toMatchObject({ ok: true, staleReads: [], order: [0, 1, 2], checked: 3 });
  });

  it('refuses two concurrent creates of one path that both succeed', () => {
    const h = [create(1, '/x', '1', [0, 10], okr('/x')), create(2, '/x', '2', [1, 11], okr('/x'))];
    const res = checkZkHistory(h);
    expect(res.ok).toBe(false);
    expect(res.violation?.partition).toBe('/x');
    expect(res.violation?.culprits.length).toBeGreaterThan(0);
    expect(res.violation?.detail).toContain('create /x');
  });

  it('accepts the same two creates when one of them answers NodeExists, in either order of invocation', () => {
    const h = [create(1, '/x', '1', [0, 10], err('NodeExists')), create(2, '/x', '2', [1, 11], okr('/x'))];
    expect(checkZkHistory(h).ok).toBe(true);
  });

  it('refuses a setData whose version contradicts every order', () => {
    // Two conditional sets on version 0: one must fail with BadVersion.
    const h = [create(1, '/c', '', [0, 1], okr('/c')), setData(1, '/c', 'x', 0, [2, 9], okr({ version: 1 })), setData(2, '/c', 'y', 0, [3, 8], okr({ version: 1 }))];
    expect(checkZkHistory(h).ok).toBe(false);
  });

  it('checks sequential names, which skip after deletes', () => {
    const seq = { sequential: true };
    const ok = [create(1, '/q', '', [0, 1], okr('/q')), create(1, '/q/n-', '', [2, 3], okr('/q/n-0000000000'), seq), del(1, '/q/n-0000000000', [4, 5], okr(null)), create(2, '/q/n-', '', [6, 7], okr('/q/n-0000000001'), seq)];
    expect(checkZkHistory(ok).ok).toBe(true);
    const reused = ok.slice(0, 3).concat([create(2, '/q/n-', '', [6, 7], okr('/q/n-0000000000'), seq)]);
    expect(checkZkHistory(reused).ok).toBe(false);
  });

  it('a pending write may or may not have taken effect', () => {
    const took = [create(1, '/p', '', [0, null], okr(null)), exists(2, '/p', [10, 11], okr({ version: 0 }))];
    expect(checkZkHistory(took).ok).toBe(true);
    const notYet = [create(1, '/p', '', [0, null], okr(null)), exists(2, '/p', [10, 11], okr(null))];
    expect(checkZkHistory(notYet).ok).toBe(true);
    // ConnectionLoss is the same: the request may have reached the leader.
    const lost = [create(1, '/p', '', [0, 5], err('ConnectionLoss')), create(2, '/p', '', [10, 11], err('NodeExists'))];
    expect(checkZkHistory(lost).ok).toBe(true);
  });

  it('a pending write that must have happened cannot be undone', () => {
    // Client 2 saw /p, so the pending create happened; its own later create cannot succeed.
    const h = [create(1, '/p', '', [0, null], okr(null)), exists(2, '/p', [10, 11], okr({ version: 0 })), create(2, '/p', '', [12, 13], okr('/p'))];
    const res = checkZkHistory(h);
    expect(res.ok).toBe(false);
    expect(res.violation?.culprits).toContain(2);
  });
});

describe('reads are sequentially consistent, not linearizable', () => {
  it('allows a stale read from a lagging server, and reports it as a stale read', () => {
    // Client 2 reads the old value after the set completed: its server has not applied it yet.
    const h = [...base(), getData(2, '/config', [30, 31], data('a', 0))];
    const res = checkZkHistory(h);
    expect(res.ok).toBe(true);
    expect(res.staleReads).toEqual([{ op: 2, client: 2, path: '/config', missed: [1] }]);
  });

  it('a read concurrent with the write may see either value, and is not stale', () => {
    const h = [...base(), getData(2, '/config', [15, 25], data('a', 0)), getData(3, '/config', [15, 25], data('b', 1))];
    expect(checkZkHistory(h)).toMatchObject({ ok: true, staleReads: [] });
  });

  it('refuses a read that goes back in time from what its session saw', () => {
    const h = [...base(), getData(2, '/config', [30, 31], data('b', 1)), getData(2, '/config', [40, 41], data('a', 0))];
    const res = checkZkHistory(h);
    expect(res.ok).toBe(false);
    expect(res.violation?.culprits).toContain(3);
  });

  it('refuses a read that misses its own session’s completed write', () => {
    const h = [...base(), getData(1, '/config', [30, 31], data('a', 0))];
    expect(checkZkHistory(h).ok).toBe(false);
  });

  it('refuses a read that sees a write invoked after the read completed', () => {
    const h = [create(1, '/config', 'a', [0, 5], okr('/config')), getData(2, '/config', [10, 11], data('b', 1)), setData(1, '/config', 'b', 0, [20, 30], okr({ version: 1 }))];
    expect(checkZkHistory(h).ok).toBe(false);
  });

  it('refuses a value nobody wrote', () => {
    const h = [...base(), getData(2, '/config', [30, 31], data('zzz', 1))];
    expect(checkZkHistory(h).ok).toBe(false);
  });

  it('after a completed sync, a read reflects every write completed before the sync was invoked', () => {
    const stale = [...base(), sync(2, '/config', [25, 26]), getData(2, '/config', [30, 31], data('a', 0))];
    expect(checkZkHistory(stale).ok).toBe(false);
    const fresh = [...base(), sync(2, '/config', [25, 26]), getData(2, '/config', [30, 31], data('b', 1))];
    expect(checkZkHistory(fresh)).toMatchObject({ ok: true, staleReads: [] });
    // A sync invoked before the write completed orders nothing after it.
    const early = [...base(), sync(2, '/config', [12, 13]), getData(2, '/config', [30, 31], data('a', 0))];
    expect(checkZkHistory(early).ok).toBe(true);
  });

  it('a sync on another path still orders the session’s reads (sync is global), across partitions', () => {
    const h = [...base(), create(3, '/other', '', [0, 1], okr('/other')), sync(2, '/other', [25, 26]), getData(2, '/config', [30, 31], data('a', 0))];
    expect(checkZkHistory(h).ok).toBe(false);
  });

  it('a new session of the same client may see less than the old one did', () => {
    const s2 = S(2) + 100;
    const h = [...base(), getData(2, '/config', [30, 31], data('b', 1)), getData(2, '/config', [40, 41], data('a', 0), s2)];
    expect(checkZkHistory(h).ok).toBe(true);
    expect(checkZkHistory(h).staleReads.map((s) => s.op)).toEqual([3]);
  });
});

describe('sessions', () => {
  const eph = { ephemeral: true };
  it('a closed session’s ephemerals are gone for everyone after the close', () => {
    const h = [create(1, '/svc', '', [0, 1], okr('/svc')), create(1, '/svc/a', '', [2, 3], okr('/svc/a'), eph), close(1, [10, 11]), exists(2, '/svc/a', [20, 21], okr(null))];
    expect(checkZkHistory(h, { expiries: [] })).toMatchObject({ ok: true });
    // The ephemeral cannot vanish before the close was invoked.
    const early = [create(1, '/svc', '', [0, 1], okr('/svc')), create(1, '/svc/a', '', [2, 3], okr('/svc/a'), eph), sync(2, '/', [4, 5]), exists(2, '/svc/a', [6, 7], okr(null)), close(1, [10, 11])];
    expect(checkZkHistory(early, { expiries: [] }).ok).toBe(false);
  });

  it('an ephemeral may vanish by the session’s expiry, unless the expiries are given and it is not one of them', () => {
    const h = [create(1, '/svc', '', [0, 1], okr('/svc')), create(1, '/svc/a', '', [2, 3], okr('/svc/a'), eph), children(2, '/svc', [100, 101], okr([])), sync(2, '/', [102, 103]), children(2, '/svc', [104, 105], okr([]))];
    expect(checkZkHistory(h).ok).toBe(true);
    expect(checkZkHistory(h, { expiries: [{ session: S(1), after: 50 }] }).ok).toBe(true);
    expect(checkZkHistory(h, { expiries: [] }).ok).toBe(false);
    // Known to have expired only after the reads: they cannot have seen it gone.
    expect(checkZkHistory(h, { expiries: [{ session: S(1), after: 200 }] }).ok).toBe(false);
  });

  it('SessionExpired answers need the session ended before them; writes after an expiry fail', () => {
    const h = [create(1, '/svc', '', [0, 1], okr('/svc')), create(1, '/svc/b', '', [50, 51], err('SessionExpired'))];
    expect(checkZkHistory(h).ok).toBe(true);
    expect(checkZkHistory(h, { expiries: [] }).ok).toBe(false);
    // A session that kept working cannot have expired before its last successful write.
    const kept = [create(1, '/svc', '', [0, 1], okr('/svc')), create(1, '/svc/e', '', [2, 3], okr('/svc/e'), eph), sync(2, '/', [5, 6]), exists(2, '/svc/e', [10, 11], okr(null)), setData(1, '/svc', 'x', -1, [20, 21], okr({ version: 1 })), sync(2, '/', [30, 31]), exists(2, '/svc', [32, 33], okr({ version: 1 }))];
    expect(checkZkHistory(kept).ok).toBe(false);
    // Without client 2's first sync its read may be stale (from before the create): fine.
    expect(checkZkHistory(kept.filter((_, i) => i !== 2)).ok).toBe(true);
  });

  it('a SessionExpired the client gave itself after its own unanswered close says nothing of the server (fuzz seed 794)', () => {
    // Client 1's close never reached a server (ConnectionLoss): the Java handle is CLOSED
    // anyway, so its next create fails SessionExpired locally, while the server keeps the
    // session — and its ephemeral /a — until it times out. Client 2's create under /a is
    // then NoChildrenForEphemerals, after client 1's SessionExpired answer.
    const h = [create(1, '/a', '', [0, 1], okr('/a'), eph), rec(1, 'close', {}, 10, 20, err('ConnectionLoss')), create(1, '/a', 'z', [30, 30], err('SessionExpired'), { sequential: true }), create(2, '/a/x', '', [40, 50], err('NoChildrenForEphemerals'))];
    expect(checkZkHistory(h).ok).toBe(true);
    // Still strict: the same SessionExpired without a close of its own puts the session's end before it.
    const noClose = h.filter((_, i) => i !== 1);
    expect(checkZkHistory(noClose).ok).toBe(false);
  });
});

describe('what is left out', () => {
  it('lock and unlock are the recipe’s: ops on the lock path, below or above it are not checked', () => {
    const h = [
      rec(1, 'lock', { path: '/locks/l' }, 0, 10, okr('/locks/l/lock-0000000000')),
      children(2, '/locks/l', [11, 12], okr(['lock-0000000000'])),
      exists(2, '/locks', [11, 12], okr({ version: 0 })),
      rec(1, 'unlock', { path: '/locks/l' }, 20, 21, okr(null)),
      create(2, '/locks/other', 'x', [30, 31], okr('/locks/other')),
      getData(3, '/locks/other', [40, 41], data('x', 0)),
    ];
    const res = checkZkHistory(h);
    expect(res).toMatchObject({ ok: true, checked: 2, order: [4, 5] });
    const wrong = [...h.slice(0, 5), getData(3, '/locks/other', [40, 41], data('y', 0))];
    expect(checkZkHistory(wrong).ok).toBe(false);
  });

  it('connect, pause and ops without a session take no part', () => {
    const h = [rec(1, 'connect', { sessionTimeoutMs: 30000 }, 0, 5, okr({ session: S(1), negotiatedTimeoutMs: 30000 })), rec(1, 'pause', { ms: 10 }, 6, 16, okr(null)), rec(2, 'getData', { path: '/x', watch: false }, 0, 1, err('ConnectionLoss'), 0)];
    expect(checkZkHistory(h)).toMatchObject({ ok: true, checked: 0, order: [] });
  });
});

describe('partitions', () => {
  it('checks /lock-like and /config-like trees apart, and names the one that fails', () => {
    const h = [...base(), create(2, '/jobs', '', [0, 1], okr('/jobs')), create(2, '/jobs/j-', '', [2, 3], okr('/jobs/j-0000000000'), { sequential: true }), children(3, '/jobs', [4, 5], okr(['j-0000000007']))];
    const res = checkZkHistory(h);
    expect(res.ok).toBe(false);
    expect(res.violation?.partition).toBe('/jobs');
    expect(res.violation?.culprits).toEqual([4]);
  });

  it('an op on "/" ties every partition into one check', () => {
    const h = [create(1, '/a', '', [0, 1], okr('/a')), create(2, '/b', '', [2, 3], okr('/b')), children(3, '/', [10, 11], okr(['a', 'b', 'zookeeper']))];
    expect(checkZkHistory(h)).toMatchObject({ ok: true, order: [0, 1, 2] });
    const wrong = [...h.slice(0, 2), children(3, '/', [10, 11], okr(['b', 'zookeeper'])), sync(3, '/', [12, 13]), children(3, '/', [14, 15], okr(['b', 'zookeeper']))];
    const res = checkZkHistory(wrong);
    expect(res.ok).toBe(false);
    expect(res.violation?.partition).toBe('/');
  });

  it('stops with unknown, not a verdict, when the budget runs out', () => {
    const h = [...base(), getData(2, '/config', [30, 31], data('a', 0))];
    const res = checkZkHistory(h, { budget: 2 });
    expect(res.ok).toBe('unknown');
    expect(res.steps).toBe(2);
  });
});
