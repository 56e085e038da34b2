/**
 * The ring itself: each node's ownership arcs (from the previous point to its own; one path
 * per node however many virtual nodes it has) and a tick per point, computed once per ring
 * version and painted into the key canvas's settled picture (KeyCanvas), so ten thousand
 * arcs cost nothing per frame; over it, in the SVG, the ring's outline and the node's name
 * on every arc long enough to carry it (colour is never the only cue). The arcs go to the
 * canvas as angles (ctx.arc), not as d3.arc path strings: building 10,000 strings and parsing
 * them back took 130 ms of the main thread at every ring change.
 */
import { memo } from 'react';
import type { RingLayout } from '../../../core/hashring/types';
import { nodeRef } from '../../i18n';
import { RASTER_BAND_POINTS } from './keyPaint';
import { angleOf, ARC_W, at, ownedArcs, RING_C, RING_R } from './ringGeometry';

/** Up to this many points on the ring, each is drawn as a tick. */
const TICKS_MAX = 240;

/** An arc this long (radians) carries its node's name. */
const LABEL_MIN = 0.32;

export interface ArcShapes {
  /**
   * Per node (ascending id): its arcs as [start, end] angle pairs (0 up, clockwise) and its
   * ticks as path data, centred on the ring's centre. Empty for a dense ring (over
   * RASTER_BAND_POINTS points), whose band the key canvas paints as pixels instead.
   */
  byNode: [number, { arcs: number[]; ticks: string }][];
  labels: { node: number; x: number; y: number; key: string }[];
}

/** The ring's shapes for one layout (null for jump and rendezvous: no points, no arcs). */
export function arcShapes(layout: RingLayout | null): ArcShapes | null {
  if (!layout || layout.positions.length === 0) return null;
  const arcs = ownedArcs(layout.positions, layout.pointOwners);
  const labels = arcs
    .filter((a) => a.end - a.start >= LABEL_MIN)
    .map((a) => {
      const p = at((a.start + a.end) / 2, RING_R);
      return { node: a.node, x: p.x, y: p.y, key: `${a.node}:${a.start.toFixed(4)}` };
    });
  // Nothing draws a dense ring's arcs as shapes: do not build them at every ring change.
  if (layout.positions.length > RASTER_BAND_POINTS) return { byNode: [], labels };
  const byNode = new Map<number, { arcs: number[]; ticks: string[] }>();
  const get = (id: number) => {
    let e = byNode.get(id);
    if (!e) byNode.set(id, (e = { arcs: [], ticks: [] }));
    return e;
  };
  for (const a of arcs) get(a.node).arcs.push(a.start, a.end);
  // Ticks while they can be told apart (a few per node); past that the arcs alone show the points.
  const ticks = layout.positions.length <= TICKS_MAX ? layout.positions.length : 0;
  for (let i = 0; i < ticks; i++) {
    const a = angleOf(layout.positions[i]);
    const p0 = at(a, RING_R - ARC_W / 2 - 3);
    const p1 = at(a, RING_R + ARC_W / 2 + 3);
    get(layout.pointOwners[i]).ticks.push(`M${(p0.x - RING_C.x).toFixed(1)},${(p0.y - RING_C.y).toFixed(1)}L${(p1.x - RING_C.x).toFixed(1)},${(p1.y - RING_C.y).toFixed(1)}`);
  }
  return {
    byNode: [...byNode.entries()].sort((a, b) => a[0] - b[0]).map(([id, e]) => [id, { arcs: e.arcs, ticks: e.ticks.join('') }]),
    labels,
  };
}

export const RingArcs = memo(function RingArcs({ shapes, labelSize }: { shapes: ArcShapes | null; labelSize: number }) {
  return (
    <g className="ring-arcs" aria-hidden="true">
      <circle className="ring-circle" cx={RING_C.x} cy={RING_C.y} r={RING_R + ARC_W / 2 + 0.5} />
      {shapes?.labels.map((l) => (
        <text key={l.key} className="ring-arc-label" x={l.x} y={l.y} textAnchor="middle" dominantBaseline="central" style={{ fontSize: labelSize * 0.8 }}>
          {nodeRef(l.node)}
        </text>
      ))}
    </g>
  );
});
