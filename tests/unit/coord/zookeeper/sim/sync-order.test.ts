/**
 * A follower's sync, end to end through the client (found by the lesson and narration work):
 * the leader's SYNC answer completes it at once when the follower has applied up to it, and a
 * write the same session sent after the sync is answered after it — the Java client drops a
 * connection whose replies come out of xid order.
 */
import { expect, it } from 'vitest';
import { SimSession } from '../../../../../src/sim/session';

function run(script: object[]) {
  const s = new SimSession();
  const sc = { protocol: 'zab', nodes: 3, seed: 1, until: 3000, config: { tickTimeMs: 200 }, service: 'zookeeper', clients: 1, script };
  const loaded = s.load(sc);
  if (!loaded.ok) throw new Error(loaded.error);
  s.advanceTo(sc.until);
  return s.view().service!.ops as { op: string; invoke: number; complete: number | null; ok: boolean; error: string | null }[];
}
const c = (at: number, op: object) => ({ at, do: 'client', client: 1, ...op });

it('a sync on a follower that is up to date is answered when the leader’s SYNC comes back, with no later write', () => {
  // Client 1 connects to follower n1 (n3 leads); nothing is written after the create.
  const ops = run([c(1000, { op: 'connect' }), c(1400, { op: 'create', path: '/a' }), c(2000, { op: 'sync', path: '/a' })]);
  const sync = ops.find((o) => o.op === 'sync');
  expect(sync).toMatchObject({ ok: true, error: null });
  // Two hops (to the leader and back) and the client's own link: well under 200 ms.
  expect(sync!.complete! - sync!.invoke).toBeLessThan(200);
});

it('a write pipelined behind a pending sync is answered after it (no Xid out of order)', () => {
  const ops = run([c(1000, { op: 'connect' }), c(1400, { op: 'create', path: '/a' }), c(2000, { op: 'sync', path: '/a' }), c(2000, { op: 'create', path: '/b' })]);
  expect(ops.filter((o) => o.op !== 'connect').map((o) => [o.op, o.ok, o.error])).toEqual([
    ['create', true, null],
    ['sync', true, null],
    ['create', true, null],
  ]);
  const [, sync, b] = ops.filter((o) => o.op !== 'connect');
  expect(b.complete!).toBeGreaterThanOrEqual(sync.complete!);
});
