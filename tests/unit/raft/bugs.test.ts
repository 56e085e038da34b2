/**
 * The deliberate bugs break Raft for real, and the checkers catch it; the same scenario
 * with the correct code stays clean. Plus a randomized stress run of the correct code
 * under every option, which must never trip a checker.
 */
import { describe, expect, it } from 'vitest';
import { Network, prng, terms } from './harness';
import { N } from './helpers';

describe('doubleVote', () => {
  function duel(bugs: string[]) {
    const net = new Network({ nodes: 3, config: { bugs } });
    net.fire(1);
    net.fire(2); // both time out together: two candidates of term 1
    net.flush();
    return net;
  }

  it('a candidate grants its rival a second vote: two leaders of term 1, Election Safety fires', () => {
    const net = duel(['doubleVote']);
    expect(net.roles().filter((r) => r === 'leader')).toHaveLength(2);
    expect(net.violations[0]).toMatchObject({ invariant: 'Election Safety', detail: 'n2 became leader of term 1, which n1 already leads' });
  });

  it('correct Raft: one vote per term, one leader', () => {
    const net = duel([]);
    expect(net.roles().filter((r) => r === 'leader')).toHaveLength(1);
    expect(net.notesOf(N.VoteDeniedAlreadyVoted).length).toBeGreaterThan(0);
    expect(net.violations).toEqual([]);
  });
});

describe('voteWithoutLogCheck', () => {
  function staleCandidate(bugs: string[]) {
    const net = new Network({ nodes: 3, config: { bugs } });
    net.campaign(1);
    net.isolate(3);
    net.request(1, 'a');
    net.flush(); // 'a' committed on n1 and n2; n3 never saw it
    expect(net.node(2).commitIndex).toBe(2);
    net.crash(1);
    net.recover();
    net.campaign(3);
    net.request(3, 'b');
    net.flush();
    return net;
  }

  it('a node missing a committed entry is elected: Leader Completeness fires, then the entry is lost', () => {
    const net = staleCandidate(['voteWithoutLogCheck']);
    expect(net.node(3).role).toBe('leader');
    expect(net.violations[0]).toMatchObject({ invariant: 'Leader Completeness' });
    expect(net.violations[0].detail).toMatch(/n3 became leader of term 2 without committed entry 2 \(term 1, "a"\)/);
    // n2 then lets n3 overwrite the committed 'a'.
    expect(net.violations.some((v) => v.invariant === 'State Machine Safety')).toBe(true);
    expect(net.node(2).log.map((e) => e.value)).not.toContain('a');
  });

  it('correct Raft: n2 refuses the stale candidate, nobody is elected without n1', () => {
    const net = staleCandidate([]);
    expect(net.node(3).role).toBe('candidate');
    expect(net.notesOf(N.VoteDeniedLogIndex, 2)).toEqual([expect.objectContaining({ a: 1, b: 2, c: 3 })]);
    expect(net.violations).toEqual([]);
  });
});

describe('noTruncateOnConflict', () => {
  // Figure 7's follower (e): 1 1 1 4 4 4 4 against the leader's 1 1 1 4 4 5 5 6 6 6.
  function figure7e(bugs: string[]) {
    const net = new Network({
      nodes: 3,
      config: { bugs },
      initial: {
        1: { term: 7, log: [1, 1, 1, 4, 4, 5, 5, 6, 6, 6] },
        2: { term: 7, log: [1, 1, 1, 4, 4, 4, 4] },
        3: { term: 7 },
      },
    });
    net.campaign(1);
    net.request(1, 'x');
    net.flush();
    return net;
  }

  it('the follower keeps its conflicting entries and appends the leader\'s after them: Log Matching fires', () => {
    const net = figure7e(['noTruncateOnConflict']);
    expect(terms(net.node(2))).toEqual([1, 1, 1, 4, 4, 4, 4, 6, 6, 6, 8, 8]);
    expect(net.violations[0]).toMatchObject({ invariant: 'Log Matching' });
    expect(net.violations[0].detail).toMatch(/n2 holds entry 8 of term 6 after an entry of term 4, but on n1 it follows one of term 5/);
    // And it then commits entries that are not the leader's.
    expect(net.violations.map((v) => v.invariant)).toContain('State Machine Safety');
  });

  it('a longer divergent tail leaves the follower stuck, without a message storm', () => {
    const net = new Network({
      nodes: 3,
      config: { bugs: ['noTruncateOnConflict'] },
      initial: { 1: { term: 7, log: [1, 1, 1, 4, 4, 5, 5, 6, 6, 6] }, 2: { term: 7, log: [1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3] }, 3: { term: 7 } },
    });
    net.campaign(1);
    net.request(1, 'x');
    expect(net.flush()).toBeLessThan(50);
    expect(terms(net.node(2))).toEqual([1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3]);
  });

  it('correct Raft: the conflicting tail is deleted and the follower converges', () => {
    const net = figure7e([]);
    expect(terms(net.node(2))).toEqual([1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 8, 8]);
    expect(net.notesOf(N.Truncated, 2)).toEqual([expect.objectContaining({ a: 6, b: 2, c: 4 })]);
    expect(net.violations).toEqual([]);
  });
});

describe('stress: the correct code never trips a checker', () => {
  const options = [
    {},
    { preVote: true },
    { checkQuorum: true },
    { preVote: true, checkQuorum: true, maxEntriesPerAppend: 1 },
  ];
  it.each(options.map((o, i) => [JSON.stringify(o), i] as const))('random crashes, partitions, loss and load with %s', (_name, i) => {
    for (let seed = 1; seed <= 6; seed++) {
      const rnd = prng(1000 * i + seed);
      const size = seed % 2 ? 5 : 3;
      const net = new Network({
        nodes: size,
        seed: 100 * i + seed,
        config: { ...options[i], dropRate: 0.05, latencyMinMs: 2, latencyMaxMs: 60 },
      });
      let t = 0;
      for (let step = 0; step < 60; step++) {
        t += 50 + Math.floor(rnd() * 150);
        net.run(t);
        const pick = 1 + Math.floor(rnd() * size);
        const r = rnd();
        if (r < 0.1) net.crash(pick);
        else if (r < 0.25) {
          for (let id = 1; id <= size; id++) if (!net.alive[id]) net.restart(id);
        } else if (r < 0.35) net.isolate(pick);
        else if (r < 0.45) net.partition([1, 2], Array.from({ length: size - 2 }, (_, k) => k + 3));
        else if (r < 0.6) net.recover();
        else {
          const l = net.leader();
          net.request(l || pick, `v${step}`);
        }
        expect(net.violations).toEqual([]);
      }
      // Heal everything: the cluster must recover and agree.
      for (let id = 1; id <= size; id++) if (!net.alive[id]) net.restart(id);
      net.recover();
      net.run(t + 3000);
      expect(net.violations).toEqual([]);
      const l = net.leader();
      expect(l).not.toBe(0);
      expect((net.report().committed as unknown[]).length).toBeGreaterThan(3);
    }
  });
});
