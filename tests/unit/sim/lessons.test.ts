/**
 * Every bundled lesson parses and tells the story its blurb claims, so a change to the
 * protocol or the simulator cannot silently turn a lesson into a different one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runHeadless } from '../../../src/sim/run';
import { parseScenario } from '../../../src/sim/scenario';
import type { RaftNode } from '../../../src/core/raft/types';
import { LESSONS, LESSON_META, lessonText } from '../../../src/ui/lessons';
import { SimSession } from '../../../src/sim/session';
import { Note } from '../../../src/core/raft/types';

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
    // ring-basic and zk-basic are demo scenarios (?scenario=ring-basic, ?scenario=zk-basic) the hash ring's and ZooKeeper's views are developed on: not lessons.
    const demos = ['ring-basic', 'zk-basic'];
    const files = readdirSync('public/scenarios').map((f) => f.replace(/\.json$/, '')).filter((f) => !demos.includes(f)).sort();
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

  it('raft-split-vote: two candidates of one term split the vote, nobody leads it, a later term elects a leader', () => {
    const s = load('raft-split-vote');
    // Forced honestly: two `timeout` actions at the same moment, nothing else.
    expect(s.script.map((a: { do: string; at: number }) => [a.do, a.at])).toEqual([['timeout', 60], ['timeout', 60]]);
    const r = run(s);
    expect(r.violation).toBeNull();
    const session = new SimSession();
    session.load(s);
    session.advanceTo(1000);
    const notes = session.events(1, 1000).flatMap((row) => row.notes.map((n) => ({ ...n, time: row.time })));
    const started = notes.filter((n) => n.code === Note.StartElection);
    const firstTerm = started[0].a;
    const candidates = started.filter((n) => n.a === firstTerm).map((n) => n.node);
    expect(candidates).toHaveLength(2);
    // Each of them lost that term; nobody ever led it.
    expect(notes.filter((n) => n.code === Note.ElectionLost && n.a === firstTerm).map((n) => n.node).sort()).toEqual([...candidates].sort());
    expect(r.report.leaders.some((l) => l.term === firstTerm)).toBe(false);
    // Then a leader of a later term (one election suffices: fresh random timeouts differ).
    const [winner] = r.report.leaders;
    expect(winner.term).toBe(firstTerm + 1);
    // The blurb and the stop sentences name them: n1 and n3 split, n4 wins.
    expect([...candidates].sort()).toEqual([1, 3]);
    expect(winner.id).toBe(4);
    expect(r.nodes.filter((n) => n.role === 'leader').map((n) => n.id)).toEqual([winner.id]);
    // The lesson's stops fall after the time-outs, after the second defeat, and after the win.
    const lost = notes.filter((n) => n.code === Note.ElectionLost).map((n) => n.time);
    const [t0, t1, t2] = LESSON_META['raft-split-vote'].stops;
    expect(t0).toBeGreaterThan(60);
    expect(t1).toBeGreaterThanOrEqual(Math.max(...lost));
    expect(t2).toBeGreaterThanOrEqual(winner.time);
    expect(t1).toBeLessThan(started.find((n) => n.a === firstTerm + 1)!.time);
  });

  it('every lesson stop has its sentence in both languages, and stops are in order', () => {
    for (const name of LESSONS) {
      const stops = LESSON_META[name].stops;
      for (const lang of ['en', 'zh'] as const) expect(lessonText(name, lang).stops, `${name} ${lang}`).toHaveLength(stops.length);
      expect([...stops].sort((a, b) => a - b), name).toEqual(stops);
    }
  });
});
