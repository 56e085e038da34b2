/** The ZAB monitor on hand-made states: each invariant fires, and a clean history stays clean. */
import { describe, expect, it } from 'vitest';
import { createZabMonitor } from '../../../src/core/zab/checkers';
import type { ZabNode } from '../../../src/core/zab/state';
import { zxidOf, type Txn } from '../../../src/core/zab/types';
import { makeNode } from './harness';

const t = (e: number, c: number, value = `v${e}.${c}`): Txn => ({ zxid: zxidOf(e, c), value });

function world(nodes: ZabNode[]) {
  const all = [undefined as unknown as ZabNode, ...nodes];
  return { now: 0, frame: 0, nodes: all, alive: all.map((_, i) => i > 0) };
}

function watch(n = 3) {
  const nodes = Array.from({ length: n }, (_, i) => makeNode(i + 1, n));
  const w = world(nodes);
  const m = createZabMonitor(nodes[0].cfg, n);
  m.beforeEvent(w, 0);
  m.afterEvent(w, 0);
  const ev = (id: number, change: (node: ZabNode) => void) => {
    m.beforeEvent(w, id);
    change(nodes[id - 1]);
    return m.afterEvent(w, id);
  };
  return { nodes, m, ev };
}

describe('ZAB monitor', () => {
  it('delivered prefixes of one order are fine, and reported as committed {zxid, value}', () => {
    const { ev, m } = watch();
    expect(ev(1, (n) => ((n.history = [t(1, 1), t(1, 2)]), (n.committed = 2)))).toBeNull();
    expect(ev(2, (n) => ((n.history = [t(1, 1)]), (n.committed = 1)))).toBeNull();
    expect(m.report().committed).toEqual([
      { zxid: '0x100000001', value: 'v1.1' },
      { zxid: '0x100000002', value: 'v1.2' },
    ]);
  });

  it('Total Order: a different transaction delivered at the same position', () => {
    const { ev } = watch();
    ev(1, (n) => ((n.history = [t(1, 1)]), (n.committed = 1)));
    const v = ev(2, (n) => ((n.history = [t(1, 1, 'other')]), (n.committed = 1)));
    expect(v).toMatchObject({ invariant: 'Total Order', why: { code: 'deliveredDifferentTxn' } });
  });

  it('Total Order: a delivered transaction taken back by a truncation', () => {
    const { ev } = watch();
    ev(1, (n) => ((n.history = [t(1, 1), t(1, 2)]), (n.committed = 2)));
    const v = ev(1, (n) => ((n.history = [t(1, 1)]), (n.committed = 1), n.rewrites++));
    expect(v).toMatchObject({ invariant: 'Total Order', why: { code: 'deliveredTakenBack' } });
  });

  it('Leader Uniqueness: two established leaders of one epoch', () => {
    const { ev } = watch();
    const lead = (n: ZabNode) => ((n.state = 'leading'), (n.established = true), (n.currentEpoch = 1), (n.joined = true));
    expect(ev(1, lead)).toBeNull();
    expect(ev(2, lead)).toMatchObject({ invariant: 'Leader Uniqueness', detail: 'n2 established itself as leader of epoch 1, which n1 already leads' });
  });

  it('Leader Completeness: an established leader without a committed transaction', () => {
    const { ev } = watch();
    ev(1, (n) => ((n.history = [t(1, 1)]), (n.committed = 1)));
    expect(ev(2, (n) => ((n.state = 'leading'), (n.established = true), (n.currentEpoch = 2), (n.joined = true)))).toMatchObject({
      invariant: 'Leader Completeness',
      why: { code: 'leaderLacksCommittedTxn', args: { node: 2, epoch: 2, zxid: '0x100000001' } },
    });
  });

  it('Election Order: deciding for a vote less up to date than ourselves; joining an ensemble is exempt', () => {
    const { ev } = watch();
    const decide = (joined: boolean) => (n: ZabNode) => {
      n.history = [t(1, 1), t(1, 2)];
      n.currentEpoch = 1;
      n.vote = { leader: 3, zxid: zxidOf(1, 1), epoch: 1 };
      n.state = 'following';
      n.joined = joined;
    };
    expect(ev(2, decide(true))).toBeNull();
    expect(ev(1, decide(false))).toMatchObject({ invariant: 'Election Order', why: { code: 'decidedForStalerVote' } });
  });
});
