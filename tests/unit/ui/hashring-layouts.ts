/** A ring layout for painter tests: one replica per key, no points (a sparse ring with no arcs). */
import type { RingLayout } from '../../../src/core/hashring/types';

export function ownersLayout(owners: ArrayLike<number>, version: number): RingLayout {
  const o = Uint8Array.from(owners);
  return {
    version,
    scheme: 'ring',
    ring: [...new Set(o)].sort(),
    replicas: 1,
    keys: o.length,
    positions: new Uint32Array(0),
    pointOwners: new Uint8Array(0),
    owners: o,
    stats: { perNode: [], mean: 0, cv: 0, maxOverMean: 0, cap: 0 },
  };
}
