/** Hand-made ZAB views and event rows for the ZAB view's unit tests. */
import type { EventRow, NoteRow } from '../../../src/sim/api';
import { EventType } from '../../../src/sim/api';
import type { NoteSpec } from '../../../src/core/protocol';
import { zxidOf, type LedgerEntry, type ZabNodeView } from '../../../src/core/zab/types';

export function zabNode(id: number, over: Partial<ZabNodeView> = {}): ZabNodeView {
  return {
    id,
    role: 'looking',
    phase: 'election',
    acceptedEpoch: 1,
    currentEpoch: 1,
    lastZxid: zxidOf(1, 2),
    committedZxid: zxidOf(1, 2),
    round: 1,
    vote: { leader: id, zxid: zxidOf(1, 2), epoch: 1 },
    received: [],
    outOfElection: [],
    leader: 0,
    history: [
      { zxid: zxidOf(1, 1), value: 'x=1', committed: true },
      { zxid: zxidOf(1, 2), value: 'x=2', committed: true },
    ],
    historyOffset: 0,
    truncated: [],
    truncatedAt: 0,
    learners: [],
    waitingFor: null,
    ...over,
  };
}

export function entries(epoch: number, counters: number[], committedUpTo: number): LedgerEntry[] {
  return counters.map((c) => ({ zxid: zxidOf(epoch, c), value: `v${epoch}.${c}`, committed: c <= committedUpTo }));
}

/** A note of `spec` at `node` with named fields (the positional a..d filled as the session does). */
export function note<F extends string>(spec: NoteSpec<F>, node: number, f: Record<F, number>): NoteRow {
  const pos = spec.fields.map((k) => f[k] ?? 0);
  return { code: spec.code, node, a: pos[0] ?? 0, b: pos[1] ?? 0, c: pos[2] ?? 0, d: pos[3] ?? 0, f: { ...f } };
}

export function deliverRow(node: number, peer: number, kind: number, notes: NoteRow[]): EventRow {
  return { frame: 7, time: 120, type: EventType.Deliver, node, peer, kind, fate: 0, action: null, notes, notable: true };
}
