/**
 * The ring's protocol-specific reads for the UI (ProtocolDef.query), at the shown frame:
 * its layout, the key hashes, one key's owners, the changes with what moved, the CV curve
 * against vnodes, the four schemes side by side, each member's suspicion now. Plain
 * structured-cloneable data; nothing here changes any state (placements come from the
 * router's memo, and typed arrays handed out are copies or never written).
 */
import type { WorldView } from '../protocol';
import { boundedCapacity } from './bounded';
import { phiOf, windowStats } from './detector';
import { keyHashes, lookup, ringPoints, type Placement } from './placement';
import { changeStats, placementInput, placementOf, Status, type Router } from './router';
import { cvCurve, cvFormula, loadStats } from './stats';
import {
  SCHEMES,
  type ChangeStat,
  type CvCurve,
  type HashringConfig,
  type KeyLookup,
  type LoadStats,
  type RingLayout,
  type Scheme,
  type SchemeComparison,
  type SuspicionLevel,
} from './types';

/** The vnode counts of query('cvCurve'). */
export const CV_CURVE_VNODES: readonly number[] = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

/** bounded: the cap the placement enforces (⌈c · keys / nodes⌉, at least an even share); else 0. */
export function capOf(cfg: HashringConfig, nodes: number, scheme: Scheme = cfg.scheme): number {
  if (scheme !== 'bounded' || nodes === 0) return 0;
  return Math.max(boundedCapacity(cfg.keys, nodes, cfg.loadFactor), Math.ceil(cfg.keys / nodes));
}

export function loadOf(cfg: HashringConfig, p: Placement, ring: readonly number[], scheme: Scheme = cfg.scheme): LoadStats {
  const s = loadStats(p, ring);
  return { perNode: ring.map((id, i) => ({ id, keys: s.counts[i] })), mean: s.mean, cv: s.cv, maxOverMean: s.maxOverMean, cap: capOf(cfg, ring.length, scheme) };
}

function ringLayout(r: Router, cfg: HashringConfig): RingLayout {
  const p = placementOf(cfg, r.ring);
  const drawn = cfg.scheme === 'ring' || cfg.scheme === 'bounded';
  const pts = drawn ? ringPoints(r.ring, cfg.vnodes) : { positions: new Uint32Array(0), owners: new Uint8Array(0) };
  return {
    version: r.version,
    scheme: cfg.scheme,
    ring: r.ring.slice(),
    replicas: cfg.replicas,
    keys: cfg.keys,
    positions: pts.positions,
    pointOwners: pts.owners,
    owners: p.owners,
    stats: loadOf(cfg, p, r.ring),
  };
}

/** The ring before change `c` (its ring, with the node put back or taken out). */
function ringBefore(c: { action: number; node: number; ring: readonly number[] }): number[] {
  return c.ring.includes(c.node) ? c.ring.filter((id) => id !== c.node) : [...c.ring, c.node].sort((a, b) => a - b);
}

function compare(r: Router, cfg: HashringConfig): SchemeComparison[] {
  const last = r.changes.length > 0 ? r.changes[r.changes.length - 1] : null;
  return SCHEMES.map((scheme) => {
    const stats = loadOf(cfg, placementOf(cfg, r.ring, scheme), r.ring, scheme);
    if (last === null) return { scheme, stats, lastChange: null };
    const s = changeStats(cfg, ringBefore(last), last.ring, scheme);
    return { scheme, stats, lastChange: { moved: s.moved, ideal: s.ideal } };
  });
}

function suspicion(r: Router, cfg: HashringConfig, now: number): SuspicionLevel[] {
  return r.members.map((id) => {
    const silentMs = now - r.since[id];
    const declaredDown = r.status[id] === Status.Down;
    const phi = windowStats(r.windows, id).samples > 0 ? phiOf(r.windows, id, silentMs, cfg) : 0;
    const level = declaredDown ? 1 : cfg.detector === 'timeout' ? silentMs / cfg.timeoutMs : phi / cfg.phiThreshold;
    return { id, silentMs, phi, level, declaredDown };
  });
}

export function queryRing(world: WorldView<unknown>, cfg: HashringConfig, name: string, arg: unknown): unknown {
  const r = world.nodes[0] as Router;
  switch (name) {
    case 'ring':
      return ringLayout(r, cfg);
    case 'keyHashes':
      return keyHashes(cfg.keys).slice();
    case 'lookup': {
      const key = typeof arg === 'object' && arg !== null ? (arg as { key?: unknown }).key : undefined;
      if (typeof key !== 'string') return null;
      const found = lookup(placementInput(cfg, r.ring), key);
      const out: KeyLookup = { key, hash: found.hash, owners: found.owners };
      return out;
    }
    case 'changes':
      return r.changes.map((c): ChangeStat => ({ time: c.time, action: c.action, node: c.node, version: c.version, moved: c.moved, ideal: c.ideal, from: { ...c.from }, to: { ...c.to }, movedByRank: c.movedByRank.slice() }));
    case 'cvCurve': {
      const ring = r.ring;
      const pts = cvCurve(ring, cfg.keys, CV_CURVE_VNODES);
      const out: CvCurve = { nodes: ring.length, keys: cfg.keys, vnodes: CV_CURVE_VNODES.slice(), measured: pts.map((p) => p.cv), formula: CV_CURVE_VNODES.map((v) => (ring.length > 0 ? cvFormula(ring.length, v) : 0)) };
      return out;
    }
    case 'compare':
      return compare(r, cfg);
    case 'suspicion':
      return suspicion(r, cfg, world.now);
    default:
      return null;
  }
}
