/**
 * The model against a real three-server ZooKeeper 3.8 ensemble: the sequences marked
 * `ensemble`, client c on server 1 + (c − 1) mod 3 (DESIGN.md's default), so writes go in
 * on one server while the watches sit and fire on others. The driver syncs every client
 * after every step (see Driver.java), so no read is stale and every event has arrived.
 */
import { describe, expect, it } from 'vitest';
import { SEQUENCES } from './sequences';
import { conformanceSuite } from './suite';

const ENSEMBLE = SEQUENCES.filter((s) => s.ensemble);

describe('conformance: ZooKeeper 3.8 ensemble of three', () => {
  const suite = conformanceSuite({ label: 'ensemble', servers: 3, prefix: '/e', serverOf: (c, asked) => asked ?? 1 + ((c - 1) % 3) }, ENSEMBLE);

  it('ensemble: one leader and two followers, and the sequences put clients on all three', async () => {
    const c = suite.cluster();
    const modes = await Promise.all([1, 2, 3].map((i) => c.mode(i)));
    expect([...modes].sort()).toEqual(['follower', 'follower', 'leader']);
    const threeClients = ENSEMBLE.filter((s) => s.steps.some((st) => st.op === 'connect' && st.client === 3));
    expect(threeClients.length).toBeGreaterThanOrEqual(2);
  });
});
