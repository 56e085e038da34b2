/**
 * Every bundled lesson parses and tells the story its blurb claims, so a change to the
 * protocol or the simulator cannot silently turn a lesson into a different one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runHeadless } from '../../../src/sim/run';
import { parseScenario } from '../../../src/sim/scenario';
import type { RaftNode } from '../../../src/core/raft/types';
import { LESSONS } from '../../../src/ui/lessons';

const load = (name: string) => JSON.parse(readFileSync(`public/scenarios/${name}.json`, 'utf8'));
const run = (scenario: unknown) => {
  const parsed = parseScenario(scenario);
  const r = runHeadless(parsed);
  const report = r.monitor.report() as { leaders: { time: number; id: number; term: number }[] };
  const nodes = r.sim.nodes.slice(1) as RaftNode[];
  const terms = (n: RaftNode) => n.log.slice(1).map((e) => e.term);
  return { ...r, report, nodes, terms };
};

describe('bundled lessons', () => {
  it('every file in public/scenarios is listed in the selector, and the reverse', () => {
    const files = readdirSync('public/scenarios').map((f) => f.replace(/\.json$/, '')).sort();
    expect(files).toEqual([...LESSONS].sort());
  });

  it('every lesson starts from a state Raft can reach (no warnings)', () => {
    for (const name of LESSONS) expect(parseScenario(load(name)).warnings, name).toEqual([]);
  });

  it('raft-election: exactly one leader, no violation', () => {
    const r = run(load('raft-election'));
    expect(r.violation).toBeNull();
    expect(r.nodes.filter((n) => n.role === 'leader')).toHaveLength(1);
  });

  it('raft-leader-crash: a new leader in a higher term; the old one comes back as follower', () => {
    const r = run(load('raft-leader-crash'));
    expect(r.violation).toBeNull();
    const [first, ...later] = r.report.leaders;
    expect(later.some((l) => l.id !== first.id && l.term > first.term)).toBe(true);
    expect(r.sim.alive[first.id]).toBe(true);
    expect(r.nodes[first.id - 1].role).toBe('follower');
  });

  it('raft-figure7: the leader wins term 8 and every log ends identical to its own', () => {
    const r = run(load('raft-figure7'));
    expect(r.violation).toBeNull();
    const leader = r.nodes.find((n) => n.role === 'leader')!;
    expect(r.report.leaders[0].term).toBe(8);
    for (const n of r.nodes) expect(r.terms(n)).toEqual(r.terms(leader));
  });

  it('raft-figure8: n5 wins and overwrites the term-2 entry that sat on a majority', () => {
    const s = load('raft-figure8');
    expect(run({ ...s, until: 1 }).nodes.filter((n) => n.log[2]?.term === 2)).toHaveLength(3);
    const r = run(s);
    expect(r.violation).toBeNull();
    expect(r.nodes.find((n) => n.role === 'leader')!.id).toBe(5);
    for (const n of r.nodes) expect(n.log[2].term).toBe(3);
  });

  it('raft-rejoin-disrupts: the isolated node inflates its term and forces an election after the heal', () => {
    const r = run(load('raft-rejoin-disrupts'));
    expect(r.violation).toBeNull();
    const [first, second] = r.report.leaders;
    expect(first).toMatchObject({ id: 4, term: 1 });
    expect(second.time).toBeGreaterThan(3000);
    expect(second.term).toBeGreaterThanOrEqual(5);
  });

  it('raft-prevote: the same with PreVote: no term inflation, the leader stays', () => {
    const s = load('raft-prevote');
    expect(s.config.preVote).toBe(true);
    expect({ ...s, config: {} }).toEqual({ ...load('raft-rejoin-disrupts'), config: {} });
    const r = run(s);
    expect(r.violation).toBeNull();
    expect(r.report.leaders).toHaveLength(1);
    expect(r.report.leaders[0]).toMatchObject({ id: 4, term: 1 });
    for (const n of r.nodes) expect(n.term).toBe(1);
  });

  it('raft-figure8-bug: counting an old-term entry commits it, and Leader Completeness catches the loss', () => {
    const s = load('raft-figure8-bug');
    const buggy = run(s);
    expect(buggy.violation?.invariant).toBe('Leader Completeness');
    const fixed = run({ ...s, config: { ...s.config, bugs: [] } });
    expect(fixed.violation).toBeNull();
  });
});
