/**
 * The placement lessons' stories: add and remove (only about 1/N moves), virtual nodes (CV
 * falls), the four schemes side by side. Every number a sentence states is computed here from
 * the run at its stop — the router's changes, the 'ring', 'cvCurve' and 'compare' queries —
 * and must appear in the English and the Chinese sentence; each stop sits on its moment.
 */
import { describe, expect, it } from 'vitest';
import { LESSON_META, type LessonName } from '../../../src/store/lessons';
import { ChangeAction, type CvCurve, type SchemeComparison } from '../../../src/core/hashring/types';
import { place } from '../../../src/core/hashring/placement';
import { diff } from '../../../src/core/hashring/stats';
import type { HashringHubView } from '../../../src/core/hashring/types';
import { walkStops } from '../store/walk-stops';
import { says } from './says';
import { cv, n, story } from './story';


/** Walk the lesson's stops in the store: each lands where the router's ring is `rings[i]`. */
async function ringsAtStops(name: LessonName, rings: number[][]) {
  await walkStops(name, (i, store) => {
    expect((store.getState().view!.hub as HashringHubView).ring, `${name} stop ${i}`).toEqual(rings[i]);
  });
}

const ids = (k: number, without: number[] = [], plus: number[] = []) => [...Array.from({ length: k }, (_, i) => i + 1).filter((x) => !without.includes(x)), ...plus];

describe('ring-add-remove', () => {
  const s = story('ring-add-remove');
  const [rm, add] = s.changes(s.scenario.until);

  it('a removal moves only the removed node’s keys, an addition only onto the new node, each about 1/N', () => {
    expect([rm.action, rm.node, rm.time, add.action, add.node, add.time]).toEqual([ChangeAction.Remove, 4, 1000, ChangeAction.Add, 11, 2500]);
    expect(rm.from).toEqual({ 4: rm.moved });
    expect(Object.keys(add.to)).toEqual(['11']);
    expect(Object.keys(add.from).map(Number).sort((a, b) => a - b)).toEqual(ids(10, [4]));
    expect([rm.ideal, add.ideal]).toEqual([1000, 1000]);
    for (const c of [rm, add]) expect(Math.abs(c.moved - c.ideal) / c.ideal).toBeLessThan(0.1);
    expect(LESSON_META['ring-add-remove'].stops).toEqual([500, rm.time, 1500, add.time, 3500]);
  });

  it('each sentence states the run’s numbers', () => {
    const st = s.ring(500).stats;
    const counts = st.perNode.map((p) => p.keys);
    expect(st.perNode.map((p) => p.id)).toEqual(ids(10));
    says('ring-add-remove', 0, n(Math.min(...counts)), n(Math.max(...counts)), n(st.mean));
    says('ring-add-remove', 1, n(rm.moved), n(rm.ideal));
    says('ring-add-remove', 3, n(add.moved), n(add.ideal));
    // Modulo hashing, measured by the placement the protocol's bug switch uses.
    const cfg = { scheme: 'ring' as const, vnodes: 100, replicas: 3, loadFactor: 1.25, keys: 10_000, bugs: { moduloHashing: true } };
    const modulo = diff(place({ ...cfg, members: ids(10) }), place({ ...cfg, members: ids(10, [4]) })).moved;
    expect(modulo).toBeGreaterThan(8000);
    says('ring-add-remove', 4, n(modulo));
  });

  it('replicas: every key with n4 on its preference list gets a new copy; the other lists are unchanged', () => {
    const L = s.ring(500);
    let withN4 = 0;
    for (let i = 0; i < L.keys; i++) if (Array.from(L.owners.subarray(i * 3, i * 3 + 3)).includes(4)) withN4++;
    // The last rank changes exactly for the keys that had n4 anywhere on their list.
    expect(rm.movedByRank[2]).toBe(withN4);
    says('ring-add-remove', 2, n(withN4), n(rm.moved), n(L.keys - withN4));
  });

  it('the stops land on the changes', async () => {
    await ringsAtStops('ring-add-remove', [ids(10), ids(10, [4]), ids(10, [4]), ids(10, [4], [11]), ids(10, [4], [11])]);
  });
});

describe('ring-vnodes', () => {
  const s = story('ring-vnodes');

  it('one point per node: very unequal; the CV curve falls with more points; a newcomer takes from one neighbour only', () => {
    const st = s.ring(500).stats;
    const counts = st.perNode.map((p) => p.keys);
    expect(st.cv).toBeGreaterThan(0.8);
    says('ring-vnodes', 0, n(Math.max(...counts)), n(Math.min(...counts)), n(st.mean), cv(st.cv));

    const curve = s.query<CvCurve>(1000, 'cvCurve');
    expect([curve.nodes, curve.keys]).toEqual([10, 10_000]);
    const at = (v: number) => curve.measured[curve.vnodes.indexOf(v)];
    const f = (v: number) => curve.formula[curve.vnodes.indexOf(v)];
    expect(at(1000)).toBeLessThan(at(100));
    expect(at(100)).toBeLessThan(at(10));
    expect(at(10)).toBeLessThan(at(1));
    says('ring-vnodes', 1, cv(at(10)), cv(at(100)), cv(at(1000)), cv(f(1)), cv(f(100)));

    const [add] = s.changes(2000);
    expect([add.action, add.node, add.time]).toEqual([ChangeAction.Add, 11, 1500]);
    expect(Object.keys(add.from)).toHaveLength(1);
    says('ring-vnodes', 2, n(add.moved), `n${Object.keys(add.from)[0]}`);
  });

  it('after the arrival the busiest node is no better off, and CV rose', () => {
    const before = s.ring(1000).stats;
    const after = s.ring(2000).stats;
    const busiest = before.perNode.reduce((a, b) => (b.keys > a.keys ? b : a));
    const least = after.perNode.reduce((a, b) => (b.keys < a.keys ? b : a));
    expect(after.perNode.find((p) => p.id === busiest.id)!.keys).toBe(busiest.keys);
    expect(after.cv).toBeGreaterThan(before.cv);
    says('ring-vnodes', 3, `n${busiest.id}`, n(busiest.keys), `n${least.id}`, `${least.keys}`, cv(after.cv));
  });

  it('with 100 points the same arrival takes keys from every node', () => {
    const cfg = { scheme: 'ring' as const, vnodes: 100, replicas: 1, loadFactor: 1.25, keys: 10_000 };
    const d = diff(place({ ...cfg, members: ids(10) }), place({ ...cfg, members: ids(11) }));
    expect(Object.keys(d.from)).toHaveLength(10);
    const each = Object.values(d.from);
    says('ring-vnodes', 4, n(d.moved), `${Math.min(...each)}`, `${Math.max(...each)}`);
  });

  it('the stops land on their moments', async () => {
    expect(LESSON_META['ring-vnodes'].stops[2]).toBe(1500);
    await ringsAtStops('ring-vnodes', [ids(10), ids(10), ids(11), ids(11), ids(11)]);
  });
});

describe('ring-schemes', () => {
  const s = story('ring-schemes');
  const cmp = (t: number) => new Map(s.query<SchemeComparison[]>(t, 'compare').map((c) => [c.scheme, c]));

  it('the load of each scheme, then what each moves on a middle removal, a last-bucket removal and an arrival', () => {
    const c0 = cmp(500);
    expect([...c0.keys()].sort()).toEqual(['bounded', 'jump', 'rendezvous', 'ring']);
    const mm = (k: 'ring' | 'jump' | 'rendezvous' | 'bounded') => c0.get(k)!.stats.maxOverMean.toFixed(2);
    says('ring-schemes', 0, mm('ring'), mm('jump'), mm('rendezvous'), n(c0.get('bounded')!.stats.cap));
    // Bounded never above its cap; the ring, with 10 points, well above it.
    expect(c0.get('bounded')!.stats.maxOverMean).toBeLessThanOrEqual(1.25);
    expect(c0.get('ring')!.stats.maxOverMean).toBeGreaterThan(1.25);

    const moved = (t: number) => {
      const c = cmp(t);
      return (k: 'ring' | 'jump' | 'rendezvous' | 'bounded') => c.get(k)!.lastChange!.moved;
    };
    const m1 = moved(1000);
    // Jump's limit: a middle bucket's removal renumbers the rest.
    expect(m1('jump')).toBeGreaterThan(4 * m1('ring'));
    says('ring-schemes', 1, n(m1('ring')), n(m1('rendezvous')), n(m1('bounded')), n(m1('jump')));
    const m2 = moved(2000);
    // The last bucket: jump moves only its keys, about 1/N.
    expect(Math.abs(m2('jump') - 10_000 / 9) / (10_000 / 9)).toBeLessThan(0.1);
    says('ring-schemes', 2, n(m2('jump')), n(m2('ring')), n(m2('rendezvous')), n(m2('bounded')));
    const m3 = moved(3000);
    says('ring-schemes', 3, n(m3('jump')), n(m3('bounded')));
    const c4 = cmp(3500);
    const mm4 = (k: 'ring' | 'jump' | 'rendezvous') => c4.get(k)!.stats.maxOverMean.toFixed(2);
    says('ring-schemes', 4, mm4('ring'), mm4('jump'), mm4('rendezvous'), n(c4.get('bounded')!.stats.cap));
    expect(Math.max(...c4.get('bounded')!.stats.perNode.map((p) => p.keys))).toBeLessThanOrEqual(c4.get('bounded')!.stats.cap);
  });

  it('bounded loads moves keys onto old nodes when n11 arrives (what the sentence says), jump only onto n11', () => {
    const cfg = { vnodes: 10, replicas: 1, loadFactor: 1.25, keys: 10_000 };
    const before = ids(10, [4, 10]);
    const after = [...before, 11];
    const b = diff(place({ ...cfg, scheme: 'bounded', members: before }), place({ ...cfg, scheme: 'bounded', members: after }));
    const j = diff(place({ ...cfg, scheme: 'jump', members: before }), place({ ...cfg, scheme: 'jump', members: after }));
    expect(Object.keys(j.to)).toEqual(['11']);
    const others = Object.entries(b.to).filter(([id]) => id !== '11');
    expect(others.length).toBeGreaterThan(0);
    for (const [id, k] of others) says('ring-schemes', 3, `${k}`, `n${id}`);
    expect(b.moved).toBe(cmp(3000).get('bounded')!.lastChange!.moved);
  });

  it('the stops land on the changes', async () => {
    await ringsAtStops('ring-schemes', [ids(10), ids(10, [4]), ids(10, [4, 10]), ids(10, [4, 10], [11]), ids(10, [4, 10], [11])]);
  });
});
