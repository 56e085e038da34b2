/** The hash ring's CLI output (DESIGN.md, "Headless CLI") and its exit codes, through the real command. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'qs-ring-cli-'));
function write(name: string, doc: unknown): string {
  const p = join(dir, name);
  writeFileSync(p, JSON.stringify(doc));
  return p;
}
function sim(file: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', file], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('sim on a hashring scenario', () => {
  it('ring-basic.json: exit 0, nodes {id, alive, keys}, changes {time, action, node, moved, from, to}, no leaders or committed', () => {
    const r = sim('public/scenarios/ring-basic.json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ protocol: 'hashring', seed: 1, time: 12000, violations: [] });
    expect(j).not.toHaveProperty('leaders');
    expect(j).not.toHaveProperty('committed');
    expect(j.nodes.map((n: { id: number }) => n.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    for (const n of j.nodes) expect(Object.keys(n)).toEqual(['id', 'alive', 'keys']);
    expect(j.nodes.reduce((s: number, n: { keys: number }) => s + n.keys, 0)).toBe(10_000);
    expect(j.changes.map((c: { action: string; node: number }) => `${c.action}:${c.node}`)).toEqual(['crash:3', 'restart:3', 'add:11']);
    for (const c of j.changes) {
      expect(Object.keys(c)).toEqual(['time', 'action', 'node', 'moved', 'from', 'to']);
      const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
      expect(sum(c.from)).toBe(c.moved);
      expect(sum(c.to)).toBe(c.moved);
    }
    const [crash, restart, add] = j.changes;
    expect(crash.time).toBeGreaterThan(2000);
    expect(crash.time).toBeLessThan(2400);
    expect(Object.keys(crash.from)).toEqual(['3']);
    expect(Object.keys(restart.to)).toEqual(['3']);
    expect(add).toMatchObject({ time: 9000, to: { 11: add.moved } });
    // About 1/N of the keys move each time.
    expect(crash.moved).toBeGreaterThan(600);
    expect(crash.moved).toBeLessThan(1500);
    const scenario = JSON.parse(readFileSync('public/scenarios/ring-basic.json', 'utf8'));
    expect(scenario.config).toMatchObject({ vnodes: 100, keys: 10000, replicas: 3 });
  });

  it('exit 1 when an invariant is violated, saying which', () => {
    const f = write('bug.json', { protocol: 'hashring', nodes: 5, until: 3000, config: { bugs: ['moduloHashing'], keys: 1000 }, script: [{ at: 1000, do: 'add', node: 6 }] });
    const r = sim(f);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.violations).toHaveLength(1);
    expect(j.violations[0]).toMatchObject({ invariant: 'Minimal Movement', time: 1000, why: { code: 'movedBetweenStayers' } });
  });

  it('exit 2 on bad input, naming the field, with nothing on stdout', () => {
    for (const [config, field] of [
      [{ vnodes: 0 }, 'config.vnodes'],
      [{ scheme: 'maglev' }, 'config.scheme'],
      [{ loadFactor: 1 }, 'config.loadFactor'],
    ] as const) {
      const r = sim(write('bad.json', { protocol: 'hashring', nodes: 3, config }));
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(field);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    const add = sim(write('bad-add.json', { protocol: 'hashring', nodes: 3, script: [{ at: 0, do: 'add', node: 25 }] }));
    expect(add.code).toBe(2);
    expect(add.stderr).toContain('script[0].node');
  });
});
