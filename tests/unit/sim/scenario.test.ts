import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../../src/core/protocol';
import { parseScenario, parseScenarioText } from '../../../src/sim/scenario';

function fieldOf(raw: unknown): string {
  try {
    parseScenario(raw);
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as ScenarioError).field;
  }
  throw new Error('accepted');
}

describe('scenario validation names the field', () => {
  const base = { protocol: 'raft', nodes: 5 };
  it.each([
    [{ ...base, protocol: 'rafts' }, 'protocol'],
    [{ protocol: 'raft' }, 'nodes'],
    [{ ...base, nodes: 0 }, 'nodes'],
    [{ ...base, nodes: 2.5 }, 'nodes'],
    [{ ...base, seed: -1 }, 'seed'],
    [{ ...base, until: 'soon' }, 'until'],
    [{ ...base, colour: 'red' }, 'colour'],
    [{ ...base, script: {} }, 'script'],
    [{ ...base, script: [{ at: -5, do: 'crash', node: 1 }] }, 'script[0].at'],
    [{ ...base, script: [{ at: 0, do: 'explode' }] }, 'script[0].do'],
    [{ ...base, script: [{ at: 0, do: 'crash', node: 6 }] }, 'script[0].node'],
    [{ ...base, script: [{ at: 0, do: 'crash', node: 1, extra: 1 }] }, 'script[0].extra'],
    [{ ...base, script: [{ at: 0, do: 'partition', groups: [[1, 2], [2, 3]] }] }, 'script[0].groups[1][0]'],
    [{ ...base, script: [{ at: 0, do: 'cut', from: 1, to: 1 }] }, 'script[0].to'],
    [{ ...base, script: [{ at: 0, do: 'request', value: 5 }] }, 'script[0].value'],
    [{ ...base, config: [] }, 'config'],
  ])('%j → %s', (raw, field) => {
    expect(fieldOf(raw)).toBe(field);
  });
  it('reports JSON syntax errors', () => {
    expect(() => parseScenarioText('{"protocol": ')).toThrow(/scenario: expected valid JSON/);
  });
  it('accepts the DESIGN.md example', () => {
    const p = parseScenario({
      protocol: 'raft', nodes: 5, seed: 1, until: 10000, config: {},
      initial: { '3': { term: 4, log: [1, 1, 1, 4, 4] } },
      script: [
        { at: 0, do: 'request', value: 'x=1' },
        { at: 3000, do: 'crash', node: 1 },
        { at: 3500, do: 'restart', node: 1 },
        { at: 4000, do: 'partition', groups: [[1, 2], [3, 4, 5]] },
        { at: 4500, do: 'cut', from: 1, to: 2 },
        { at: 4600, do: 'mend', from: 1, to: 2 },
        { at: 6000, do: 'heal' },
      ],
    });
    expect(p.scenario.script).toHaveLength(7);
    expect(p.scenario.seed).toBe(1);
  });
});
