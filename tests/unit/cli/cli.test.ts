/**
 * The CLI contract of DESIGN.md ("Headless CLI"): JSON on stdout, exit 0/1/2, one-line
 * errors on stderr with nothing on stdout for bad input.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'qs-cli-'));
function write(name: string, doc: unknown): string {
  const p = join(dir, name);
  writeFileSync(p, typeof doc === 'string' ? doc : JSON.stringify(doc));
  return p;
}
function run(script: string, args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('sim', () => {
  it('prints every client operation under ops, with why one failed (a request before any leader is refused)', () => {
    const f = write('ops.json', { protocol: 'raft', nodes: 3, seed: 1, until: 2000, script: [{ at: 5, do: 'request', value: 'early' }, { at: 1000, do: 'request', value: 'late' }] });
    const r = run('sim', [f]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.ops).toEqual([
      { client: 1, op: 'request', args: { value: 'early' }, invoke: 5, complete: expect.any(Number), ok: false, result: null, error: 'refused' },
      { client: 1, op: 'request', args: { value: 'late' }, invoke: 1000, complete: expect.any(Number), ok: true, result: { index: 2 }, error: null },
    ]);
    expect(j.committed.map((c: { value: string }) => c.value)).toEqual(['', 'late']);
  });

  it('runs a scenario and prints the documented JSON (exit 0)', () => {
    const f = write('ok.json', { protocol: 'raft', nodes: 5, seed: 1, until: 3000, script: [{ at: 1000, do: 'request', value: 'x=1' }] });
    const r = run('sim', [f]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    for (const k of ['protocol', 'seed', 'time', 'events', 'nodes', 'leaders', 'committed', 'violations']) expect(j).toHaveProperty(k);
    expect(j.protocol).toBe('raft');
    expect(j.time).toBe(3000);
    expect(j.nodes).toHaveLength(5);
    for (const n of j.nodes) {
      expect(Object.keys(n).sort()).toEqual(['alive', 'commitIndex', 'id', 'log', 'role', 'term', 'votedFor'].sort());
      expect(['leader', 'follower', 'candidate', 'precandidate', 'down']).toContain(n.role);
    }
    expect(j.leaders.length).toBeGreaterThanOrEqual(1);
    expect(j.leaders[0]).toEqual({ time: expect.any(Number), id: expect.any(Number), term: expect.any(Number) });
    expect(j.committed.map((c: { value: string }) => c.value)).toContain('x=1');
    expect(j.violations).toEqual([]);
    expect(j.warnings).toEqual([]);
    expect(j.nodes.filter((n: { role: string }) => n.role === 'leader')).toHaveLength(1);
  });

  it('is deterministic: the same file twice prints the same document', () => {
    const f = write('det.json', { protocol: 'raft', nodes: 5, seed: 9, until: 4000, script: [{ at: 500, do: 'crash', node: 2 }] });
    expect(run('sim', [f]).stdout).toBe(run('sim', [f]).stdout);
  });

  it.each([
    ['nodes 0', { protocol: 'raft', nodes: 0 }, /nodes/],
    ['unknown protocol', { protocol: 'raf', nodes: 3 }, /protocol/],
    ['bad action', { protocol: 'raft', nodes: 3, script: [{ at: 0, do: 'crash', node: 7 }] }, /script\[0\]\.node/],
    ['bad config', { protocol: 'raft', nodes: 3, config: { heartbeatMs: -1 } }, /config\.heartbeatMs/],
    ['not JSON', '{"protocol": ', /JSON/],
    ['a network that only floods', { protocol: 'raft', nodes: 9, config: { heartbeatMs: 1, electionTimeoutMs: 2, latencyMinMs: 20000, latencyMaxMs: 20000 } }, /config\.latencyMaxMs/],
  ])('bad input (%s): exit 2, one line on stderr naming the field, nothing on stdout', (_name, doc, pattern) => {
    const r = run('sim', [write(`bad-${_name}.json`, doc)]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(pattern);
  });

  it('a missing file is bad input', () => {
    const r = run('sim', [join(dir, 'nope.json')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });
});

describe('fuzz', () => {
  it('prints {protocol, seeds, violations, first} and exits 0 on the correct protocol', () => {
    const r = run('fuzz', ['--protocol', 'raft', '--seeds', '20']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ protocol: 'raft', seeds: 20, violations: 0, first: null });
  });
  it('exits 1 with a replayable failing scenario when a bug is on', () => {
    const r = run('fuzz', ['--protocol', 'raft', '--seeds', '300', '--bug', 'doubleVote']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.violations).toBeGreaterThan(0);
    expect(j.first).toMatchObject({ protocol: 'raft', config: { bugs: ['doubleVote'] } });
    // The printed scenario reproduces the violation through the sim command.
    const s = run('sim', [write('first.json', j.first)]);
    expect(s.code).toBe(1);
    expect(JSON.parse(s.stdout).violations[0].invariant).toBe(j.firstViolation.invariant);
  });
  it('refuses bad options with exit 2', () => {
    expect(run('fuzz', ['--protocol', 'nope', '--seeds', '1']).code).toBe(2);
    expect(run('fuzz', ['--protocol', 'raft', '--seeds', 'x']).code).toBe(2);
    expect(run('fuzz', ['--protocol', 'raft', '--bug', 'nope']).code).toBe(2);
  });
});
