import { describe, expect, it } from 'vitest';
import { dict } from '../../../src/ui/i18n';
import { problemText } from '../../../src/ui/shell/ProblemBanner';
import type { Problem } from '../../../src/store/types';

describe('problem banners speak both languages', () => {
  const impossible: Problem = {
    code: 'impossibleInitial',
    detail: 'English message for the CLI',
    field: 'initial.1.log[1]',
    args: { node: 1, index: 2, term: 3, atLeast: 1, quorum: 2, nodes: 3 },
  };
  it('an unreachable initial state names the node, the term and the majority', () => {
    expect(problemText(impossible, dict('en'))).toBe(
      'Raft could never reach this initial state: n1 holds an entry of term 3, but only 1 of 3 nodes are at term 3 or later, and its leader needed a majority (2). The run goes ahead; the checkers may flag what follows.',
    );
    const zh = problemText(impossible, dict('zh'));
    expect(zh).toContain('Raft 不可能到达这个初始状态');
    expect(zh).toContain('n1');
    expect(zh).toContain('任期 3');
  });
  it('falls back to the English message when the arguments are missing', () => {
    expect(problemText({ ...impossible, args: undefined }, dict('zh'))).toBe('English message for the CLI');
  });
});
