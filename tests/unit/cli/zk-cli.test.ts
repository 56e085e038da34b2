/**
 * The CLI of a service scenario (DESIGN.md, "The coordination layer"): `service`, `ops`,
 * `events`, `sessions`, `tree`, the checkers' verdict — on the bundled zk-basic scenario —
 * and bad input refused with exit 2 and the field named.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sim(file: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', file], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('sim with a service', () => {
  it('prints zk-basic.json with the coordination layer’s fields, as DESIGN.md shapes them', () => {
    const r = sim('public/scenarios/zk-basic.json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.service).toBe('zookeeper');
    for (const k of ['protocol', 'seed', 'time', 'frames', 'nodes', 'leaders', 'committed', 'ops', 'events', 'sessions', 'tree', 'violations', 'linearizable', 'staleReads']) expect(j).toHaveProperty(k);
    expect(j.violations).toEqual([]);
    expect(j.linearizable).toBe(true);
    for (const o of j.ops) expect(Object.keys(o)).toEqual(['client', 'op', 'args', 'invoke', 'complete', 'ok', 'result', 'error']);
    const op = (client: number, name: string) => j.ops.filter((o: { client: number; op: string }) => o.client === client && o.op === name);
    // connect → {session, negotiatedTimeoutMs}, ids as 0x…
    expect(op(1, 'connect')[0].result).toEqual({ session: expect.stringMatching(/^0x[0-9a-f]+$/), negotiatedTimeoutMs: 3000 });
    // getData → {data, stat} with zxids as 0x…; setData → stat; a wrong version → BadVersion
    const read = op(2, 'getData')[0];
    expect(read.result).toEqual({ data: 'v1', stat: { version: 0, cversion: 0, numChildren: 0, ephemeralOwner: '0x0', czxid: expect.stringMatching(/^0x/), mzxid: expect.stringMatching(/^0x/), pzxid: expect.stringMatching(/^0x/) } });
    const writes = op(1, 'setData');
    expect(writes[0].result.version).toBe(1);
    expect(writes[1]).toMatchObject({ ok: false, error: 'BadVersion', result: null });
    // The config change reached both watchers, once each.
    expect(j.events.filter((e: { type: string }) => e.type === 'NodeDataChanged')).toEqual([
      expect.objectContaining({ client: 3, type: 'NodeDataChanged', path: '/config' }),
      expect.objectContaining({ client: 2, type: 'NodeDataChanged', path: '/config' }),
    ]);
    // The lock: client 1 first; its server crashes and it keeps the lock by failing over;
    // it pauses past its session, which expires through the log; client 2 (only it) takes over.
    const locks = j.ops.filter((o: { op: string }) => o.op === 'lock');
    expect(locks.map((o: { client: number; ok: boolean; result: unknown }) => [o.client, o.result])).toEqual([
      [1, '/lock/lock-0000000000'],
      [2, '/lock/lock-0000000001'],
      [3, '/lock/lock-0000000002'],
    ]);
    const [l1, l2, l3] = locks;
    expect(l1.ok).toBe(true);
    expect(l2.complete).toBeGreaterThan(7000 + 3000);
    expect(l3.complete).toBeGreaterThan(15000);
    expect(op(1, 'getData')[0]).toMatchObject({ ok: false, error: 'SessionExpired' });
    expect(j.sessions).toEqual([
      { id: expect.stringMatching(/^0x/), client: 1, state: 'expired' },
      { id: expect.stringMatching(/^0x/), client: 2, state: 'open' },
      { id: expect.stringMatching(/^0x/), client: 3, state: 'open' },
    ]);
    // The committed tree, sorted by path, without / and /zookeeper.
    expect(j.tree.map((t: { path: string }) => t.path)).toEqual(['/config', '/lock', '/lock/lock-0000000002']);
    expect(j.tree[0]).toEqual({ path: '/config', data: 'v2', version: 1, cversion: 0, ephemeralOwner: '0x0' });
    expect(j.tree[2].ephemeralOwner).toBe(j.sessions[2].id);
  });

  it('refuses a bad service scenario with exit 2 and the field named', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qs-zkcli-'));
    const f = join(dir, 'bad.json');
    writeFileSync(f, JSON.stringify({ protocol: 'zab', nodes: 3, service: 'zookeeper', clients: 2, script: [{ at: 5, do: 'client', client: 1, op: 'create', path: '/a', ephemral: true }] }));
    const r = sim(f);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/script\[0\]\.ephemral: expected no such field/);
  });
});
