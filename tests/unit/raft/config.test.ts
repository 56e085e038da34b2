/** Validation of `config` and `initial`: defaults, and refusals that name the field. */
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../../src/core/protocol';
import { RAFT_DEFAULTS, parseConfig } from '../../../src/core/raft/config';
import { parseInitial } from '../../../src/core/raft/initial';

function refusal(fn: () => unknown): ScenarioError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return e as ScenarioError;
  }
  throw new Error('not refused');
}

describe('config', () => {
  it('has the documented defaults', () => {
    const cfg = parseConfig(undefined, 5);
    expect(cfg).toEqual({
      heartbeatMs: 50,
      electionTimeoutMs: 150,
      latencyMinMs: 10,
      latencyMaxMs: 30,
      dropRate: 0,
      preVote: false,
      checkQuorum: false,
      maxEntriesPerAppend: 8,
      clientRetry: false,
      clientTimeoutMs: 1000,
      fifo: true,
      reorderRate: 0,
      duplicateRate: 0,
      bugs: { commitPreviousTermByCount: false, voteWithoutLogCheck: false, doubleVote: false, noTruncateOnConflict: false },
    });
    expect(parseConfig({}, 3)).toEqual(cfg);
    const { bugs: _bugs, ...rest } = cfg;
    expect(rest).toEqual(RAFT_DEFAULTS);
  });

  it('takes every field', () => {
    const raw = {
      heartbeatMs: 10,
      electionTimeoutMs: 100,
      latencyMinMs: 0,
      latencyMaxMs: 5,
      dropRate: 0.25,
      preVote: true,
      checkQuorum: true,
      maxEntriesPerAppend: 1,
      clientRetry: true,
      clientTimeoutMs: 300,
      fifo: true,
      reorderRate: 0.3,
      duplicateRate: 0.1,
      bugs: ['doubleVote'],
    };
    const cfg = parseConfig(raw, 3);
    expect({ ...cfg, bugs: undefined }).toEqual({ ...raw, bugs: undefined });
    expect(cfg.bugs.doubleVote).toBe(true);
    expect(cfg.bugs.voteWithoutLogCheck).toBe(false);
  });

  it('accepts bugs as a list or as an object of switches', () => {
    expect(parseConfig({ bugs: ['voteWithoutLogCheck', 'noTruncateOnConflict'] }, 3).bugs).toEqual({
      commitPreviousTermByCount: false, voteWithoutLogCheck: true, doubleVote: false, noTruncateOnConflict: true,
    });
    expect(parseConfig({ bugs: { commitPreviousTermByCount: true, doubleVote: false } }, 3).bugs).toMatchObject({
      commitPreviousTermByCount: true, doubleVote: false,
    });
  });

  it('a latency minimum above the default maximum raises the default maximum with it', () => {
    expect(parseConfig({ latencyMinMs: 50 }, 3)).toMatchObject({ latencyMinMs: 50, latencyMaxMs: 50 });
  });

  it.each<[unknown, string, RegExp]>([
    ['fast', 'config', /an object/],
    [[1], 'config', /an object/],
    [{ heartbeat: 5 }, 'config.heartbeat', /no such field/],
    [{ heartbeatMs: 0 }, 'config.heartbeatMs', /integer from 1/],
    [{ heartbeatMs: 2.5 }, 'config.heartbeatMs', /integer/],
    [{ heartbeatMs: '50' }, 'config.heartbeatMs', /integer/],
    [{ electionTimeoutMs: -1 }, 'config.electionTimeoutMs', /integer/],
    [{ heartbeatMs: 150 }, 'config.heartbeatMs', /less than config.electionTimeoutMs \(150\)/],
    [{ heartbeatMs: 100, electionTimeoutMs: 60 }, 'config.heartbeatMs', /less than/],
    [{ latencyMinMs: 40, latencyMaxMs: 20 }, 'config.latencyMinMs', /at most config.latencyMaxMs \(20\)/],
    [{ latencyMaxMs: -3 }, 'config.latencyMaxMs', /integer/],
    [{ dropRate: 1 }, 'config.dropRate', /probability/],
    [{ dropRate: -0.1 }, 'config.dropRate', /probability/],
    [{ dropRate: '0.1' }, 'config.dropRate', /probability/],
    [{ preVote: 'yes' }, 'config.preVote', /true or false/],
    [{ checkQuorum: 1 }, 'config.checkQuorum', /true or false/],
    [{ clientRetry: null }, 'config.clientRetry', /true or false/],
    [{ maxEntriesPerAppend: 0 }, 'config.maxEntriesPerAppend', /integer from 1/],
    [{ clientTimeoutMs: 0 }, 'config.clientTimeoutMs', /integer from 1/],
    [{ fifo: 'yes' }, 'config.fifo', /true or false/],
    [{ reorderRate: 1 }, 'config.reorderRate', /probability/],
    [{ reorderRate: -0.5 }, 'config.reorderRate', /probability/],
    [{ fifo: false, reorderRate: 0.2 }, 'config.reorderRate', /0 when config.fifo is false/],
    [{ duplicateRate: 1.5 }, 'config.duplicateRate', /probability/],
    [{ duplicateRate: '0.1' }, 'config.duplicateRate', /probability/],
    [{ bugs: ['doubleVote', 'fastCommit'] }, 'config.bugs[1]', /one of commitPreviousTermByCount, voteWithoutLogCheck, doubleVote, noTruncateOnConflict/],
    [{ bugs: { fastCommit: true } }, 'config.bugs.fastCommit', /one of/],
    [{ bugs: { doubleVote: 'on' } }, 'config.bugs.doubleVote', /true or false/],
    [{ bugs: 'doubleVote' }, 'config.bugs', /a list of bug names/],
  ])('refuses %j naming %s', (raw, field, expected) => {
    const e = refusal(() => parseConfig(raw, 3));
    expect(e.field).toBe(field);
    expect(e.expected).toMatch(expected);
    expect(e.message.startsWith(`${field}: expected`)).toBe(true);
  });
});

describe('initial', () => {
  it('is optional', () => {
    expect(parseInitial(undefined, 3).size).toBe(0);
    expect(parseInitial({}, 3).size).toBe(0);
  });

  it('reads term, votedFor and a log of bare terms or {term, value}', () => {
    const m = parseInitial({ 3: { term: 4, votedFor: 2, log: [1, 1, { term: 4, value: 'x=1' }, { term: 4 }] } }, 5);
    expect([...m.keys()]).toEqual([3]);
    const s = m.get(3)!;
    expect(s.term).toBe(4);
    expect(s.votedFor).toBe(2);
    expect(s.log).toEqual([
      { term: 1, value: 'i1t1' },
      { term: 1, value: 'i2t1' },
      { term: 4, value: 'x=1' },
      { term: 4, value: 'i4t4' },
    ]);
  });

  it('a missing term defaults to the last log term, a missing vote to none', () => {
    const s = parseInitial({ 1: { log: [1, 1, 3] } }, 3).get(1)!;
    expect(s.term).toBe(3);
    expect(s.votedFor).toBe(0);
    expect(parseInitial({ 2: {} }, 3).get(2)).toEqual({ term: 0, votedFor: 0, log: [] });
  });

  it('the same entries on several nodes are the same objects (as if one leader replicated them)', () => {
    const m = parseInitial({ 1: { log: [1, 1, 4, 4] }, 2: { log: [1, 1, 4] }, 3: { log: [1, 1, 2] } }, 3);
    const [a, b, c] = [m.get(1)!.log, m.get(2)!.log, m.get(3)!.log];
    expect(b[2]).toBe(a[2]);
    expect(c[1]).toBe(a[1]);
    expect(c[2]).not.toBe(a[2]);
  });

  it.each<[unknown, number, string, RegExp]>([
    [[1], 3, 'initial', /keyed by node id/],
    [{ 0: {} }, 3, 'initial.0', /node id from 1 to 3/],
    [{ 4: {} }, 3, 'initial.4', /node id from 1 to 3/],
    [{ n1: {} }, 3, 'initial.n1', /node id/],
    [{ '01': {} }, 3, 'initial.01', /node id/],
    [{ 2: 5 }, 3, 'initial.2', /an object/],
    [{ 2: { trem: 1 } }, 3, 'initial.2.trem', /no such field/],
    [{ 2: { term: -1 } }, 3, 'initial.2.term', /integer term/],
    [{ 2: { term: 1.5 } }, 3, 'initial.2.term', /integer term/],
    [{ 2: { term: 2, votedFor: 4 } }, 3, 'initial.2.votedFor', /node id from 1 to 3, or 0/],
    [{ 2: { votedFor: 1 } }, 3, 'initial.2.votedFor', /0 while the term is 0/],
    [{ 3: { term: 5, log: 'abc' } }, 3, 'initial.3.log', /a list of entry terms/],
    [{ 3: { term: 5, log: [1, 2, 3, 5, 4] } }, 3, 'initial.3.log[4]', /at least the previous entry's \(5\)/],
    [{ 3: { term: 3, log: [1, 4] } }, 3, 'initial.3.log[1]', /at most the node's term \(3\)/],
    [{ 3: { term: 3, log: [0] } }, 3, 'initial.3.log[0]', /at least 1/],
    [{ 3: { term: 3, log: ['1'] } }, 3, 'initial.3.log[0]', /integer term/],
    [{ 3: { term: 3, log: [{ term: 1, value: 7 }] } }, 3, 'initial.3.log[0].value', /a string/],
    [{ 3: { term: 3, log: [{ term: 1, val: 'x' }] } }, 3, 'initial.3.log[0].val', /no such field/],
    [{ 3: { term: 3, log: [1, { value: 'x' }] } }, 3, 'initial.3.log[1].term', /integer term/],
  ])('refuses %j (nodes %i) naming %s', (raw, nodes, field, expected) => {
    const e = refusal(() => parseInitial(raw, nodes));
    expect(e.field).toBe(field);
    expect(e.expected).toMatch(expected);
  });

  it('refuses logs that break Log Matching between nodes, naming the later node', () => {
    // Same index and term with different values...
    let e = refusal(() => parseInitial({ 1: { log: [{ term: 1, value: 'a' }] }, 2: { log: [{ term: 1, value: 'b' }] } }, 3));
    expect(e.field).toBe('initial.2.log[0]');
    expect(e.expected).toMatch(/as node 1 has at index 1 with term 1/);
    // ...or with different histories before them.
    e = refusal(() => parseInitial({ 1: { log: [1, 2] }, 3: { log: [2, 2] } }, 3));
    expect(e.field).toBe('initial.3.log[1]');
  });
});
