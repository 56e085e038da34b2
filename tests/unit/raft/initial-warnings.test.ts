import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/sim/scenario';

const warningsOf = (initial: Record<string, unknown>, nodes = 3) => parseScenario({ protocol: 'raft', nodes, initial }).warnings;

describe('initial states Raft could never reach are flagged, not refused', () => {
  it('a term-3 entry with only one node at term 3 (of 3) is a warning naming the field', () => {
    const w = warningsOf({ '1': { term: 3, log: [1, 3] }, '2': { term: 1, log: [1] }, '3': { term: 1, log: [1] } });
    expect(w).toEqual([
      expect.objectContaining({ field: 'initial.1.log[1]', code: 'termWithoutMajority', args: { node: 1, index: 2, term: 3, atLeast: 1, quorum: 2, nodes: 3 } }),
    ]);
    expect(w[0].message).toMatch(/could not reach this state/);
  });
  it('the same with a majority at term 3 is fine', () => {
    expect(warningsOf({ '1': { term: 3, log: [1, 3] }, '2': { term: 3, log: [1] }, '3': { term: 1, log: [1] } })).toEqual([]);
  });
  it("DESIGN.md's one-node example is accepted, with a warning", () => {
    const w = warningsOf({ '3': { term: 4, log: [1, 1, 1, 4, 4] } }, 5);
    expect(w.map((x) => x.args.term)).toEqual([1, 4]);
  });
  it('one warning per term, not per entry', () => {
    expect(warningsOf({ '1': { term: 2, log: [2, 2, 2] } })).toHaveLength(1);
  });
});
