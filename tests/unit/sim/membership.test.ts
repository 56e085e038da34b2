/**
 * The simulator's membership and hub (the contract the hash ring plugs into): slots above
 * `nodes` start absent, `add` starts one and tells the hub, `remove` stops one for good, the
 * hub at id 0 has timers, links that can be cut and a partition group, and it all survives
 * seeking. A toy protocol drives it (tests/unit/sim/toy-protocol.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { SimNote, ScenarioError } from '../../../src/core/protocol';
import { registerProtocol } from '../../../src/core/registry';
import { EventType, Fate } from '../../../src/sim/api';
import { cliReport, runHeadless } from '../../../src/sim/run';
import { parseScenario } from '../../../src/sim/scenario';
import { SimSession } from '../../../src/sim/session';
import { toyHubProtocol, toyProtocol } from './toy-protocol';

beforeAll(() => {
  registerProtocol(toyProtocol);
  registerProtocol(toyHubProtocol);
});

const hubToy = (script: unknown[] = [], extra: Record<string, unknown> = {}) => ({ protocol: 'toy-hub', nodes: 3, seed: 1, until: 1000, script, ...extra });

function session(s: unknown): SimSession {
  const ss = new SimSession();
  const r = ss.load(s);
  if (!r.ok) throw new Error(r.error);
  return ss;
}

function heard(ss: SimSession, frame: number): number[] {
  return ss.query(frame, 'heard') as number[];
}

describe('membership', () => {
  it('starts only the first `nodes` slots; the others are absent until added', () => {
    const ss = session(hubToy());
    const v = ss.seek(ss.advanceTo(1000).frame);
    expect(v.members).toEqual([1, 1, 1, 0, 0, 0]);
    expect(v.alive).toEqual([true, true, true, false, false, false]);
    const h = heard(ss, v.frame);
    expect(h[1]).toBeGreaterThan(15);
    expect(h[4]).toBe(0);
  });

  it('add starts the node and tells the hub at the action time; remove stops it for good', () => {
    const ss = session(hubToy([
      { at: 200, do: 'add', node: 4 },
      { at: 500, do: 'remove', node: 2 },
      { at: 600, do: 'restart', node: 2 },
    ]));
    const end = ss.advanceTo(1000);
    expect(end.members).toEqual([1, 2, 1, 1, 0, 0]);
    expect(end.alive).toEqual([true, false, true, true, false, false]);
    expect(ss.query(end.frame, 'told')).toEqual(['+4@200', '-2@500']);
    const h = heard(ss, end.frame);
    // Node 4 beats from 250 ms: about 15 beats by 1 s; node 2 stopped at 500 ms.
    expect(h[4]).toBeGreaterThanOrEqual(14);
    expect(h[2]).toBeLessThanOrEqual(10);
    // The restart of a removed node did nothing, and says why.
    const rows = ss.events(0, end.frame);
    const restart = rows.find((r) => r.type === EventType.Action && r.action?.do === 'restart');
    expect(restart?.notes.map((n) => [n.code, n.f.state])).toEqual([[SimNote.NotMember, 2]]);
  });

  it('refuses a second add of the same id and a remove of an absent node, with a reason', () => {
    const ss = session(hubToy([
      { at: 100, do: 'add', node: 5 },
      { at: 200, do: 'add', node: 5 },
      { at: 300, do: 'remove', node: 6 },
    ]));
    const end = ss.advanceTo(1000);
    const notes = ss.events(0, end.frame).filter((r) => r.type === EventType.Action).flatMap((r) => r.notes.map((n) => n.code));
    expect(notes).toEqual([SimNote.AddNotAbsent, SimNote.RemoveNotMember]);
    expect(ss.query(end.frame, 'told')).toEqual(['+5@100']);
  });

  it('validates add and remove: only for membership protocols, new ids only, within the capacity', () => {
    const bad = (s: unknown) => {
      try {
        parseScenario(s);
        return '';
      } catch (e) {
        expect(e).toBeInstanceOf(ScenarioError);
        return (e as ScenarioError).field;
      }
    };
    expect(bad(hubToy([{ at: 1, do: 'add', node: 3 }]))).toBe('script[0].node');
    expect(bad(hubToy([{ at: 1, do: 'add', node: 7 }]))).toBe('script[0].node');
    expect(bad(hubToy([{ at: 1, do: 'remove', node: 7 }]))).toBe('script[0].node');
    expect(bad(hubToy([{ at: 1, do: 'add', node: 4, extra: 1 }]))).toBe('script[0].extra');
    expect(bad({ protocol: 'toy', nodes: 3, script: [{ at: 1, do: 'add', node: 4 }] })).toBe('script[0].do');
    expect(bad({ protocol: 'toy', nodes: 3, script: [{ at: 1, do: 'cut', from: 0, to: 1 }] })).toBe('script[0].from');
    expect(bad(hubToy([], { nodes: 7 }))).toBe('nodes');
    expect(bad(hubToy([{ at: 1, do: 'cut', from: 2, to: 0 }, { at: 2, do: 'crash', node: 6 }]))).toBe('');
  });

  it('a user action can add and remove, validated like a scenario', () => {
    const ss = session(hubToy());
    ss.advanceTo(100);
    const v = ss.act({ do: 'add', node: 6 });
    expect(v.members?.[5]).toBe(1);
    expect(ss.scenario().script).toEqual([{ at: 101, do: 'add', node: 6 }]);
    expect(() => ss.act({ do: 'add', node: 2 })).toThrow(/script\[1\]\.node/);
  });
});

describe('the hub', () => {
  it('is node 0: created and started first, never in FrameView.nodes, its view in FrameView.hub', () => {
    const ss = session(hubToy());
    const v = ss.seek(0);
    expect(v.nodes).toHaveLength(6);
    expect(v.hub).toMatchObject({ id: 0, role: 'hub' });
    expect(v.hubTimers).toEqual([]);
  });

  it('a cut link to the hub loses the heartbeats on it (LinkDown), and a mend restores them', () => {
    const ss = session(hubToy([
      { at: 100, do: 'cut', from: 2, to: 0 },
      { at: 600, do: 'mend', from: 2, to: 0 },
    ]));
    const end = ss.advanceTo(1000);
    const rows = ss.events(0, end.frame);
    const lost = rows.filter((r) => r.type === EventType.Drop && r.node === 0 && r.peer === 2);
    expect(lost.length).toBe(10);
    expect(lost.every((r) => r.fate === Fate.LinkDown && r.time > 100 && r.time <= 605)).toBe(true);
    expect(ss.advanceTo(300).network.cuts).toEqual([[2, 0]]);
    expect(ss.advanceTo(700).network.cuts).toEqual([]);
  });

  it('sits with the first group of a partition', () => {
    const ss = session(hubToy([{ at: 100, do: 'partition', groups: [[1], [2, 3]] }]));
    const end = ss.advanceTo(1000);
    const h = heard(ss, end.frame);
    expect(h[1]).toBeGreaterThan(15);
    expect(h[2]).toBeLessThanOrEqual(2);
    expect(h[3]).toBeLessThanOrEqual(2);
    expect(ss.view().network.partition).toEqual([[0, 1], [2, 3], [4], [5], [6]]);
  });

  it('seeking back and forth across adds and removes reproduces every frame', () => {
    const s = hubToy([
      { at: 120, do: 'add', node: 4 },
      { at: 400, do: 'remove', node: 1 },
      { at: 450, do: 'crash', node: 3 },
      { at: 700, do: 'restart', node: 3 },
    ], { until: 5000 });
    const ss = session(s);
    const end = ss.advanceTo(5000);
    const want = [3, Math.floor(end.frame / 3), end.frame - 1].map((f) => [ss.seek(f), heard(ss, f)]);
    const again = session(s);
    again.advanceTo(5000);
    expect(again.traceHash()).toBe(ss.traceHash());
    for (const [v, h] of want.reverse()) {
      const f = (v as { frame: number }).frame;
      expect(again.seek(f)).toEqual(v);
      expect(heard(again, f)).toEqual(h);
    }
  });

  it('the CLI lists only the slots that joined', () => {
    const parsed = parseScenario(hubToy([{ at: 100, do: 'add', node: 5 }]));
    const out = cliReport(parsed, runHeadless(parsed));
    expect((out.nodes as { id: number }[]).map((n) => n.id)).toEqual([1, 2, 3, 5]);
  });

  it('query is null for a protocol without it, and experiment for an unknown name', () => {
    const ss = session({ protocol: 'toy', nodes: 3, seed: 1, until: 500 });
    expect(ss.query(0, 'anything')).toBeNull();
    expect(ss.experiment('no-such-experiment')).toBeNull();
  });
});
