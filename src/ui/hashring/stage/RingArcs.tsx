/**
 * The ring itself: a faint circle, each node's ownership arcs (from the previous point to
 * its own, d3.arc; one path per node however many virtual nodes it has), a tick per point
 * (one path per node), and the node's name on every arc long enough to carry it, so the
 * colour is never the only cue. React owns the SVG; d3 computes the shapes.
 */
import { arc } from 'd3';
import { memo, useMemo } from 'react';
import type { RingLayout } from '../../../core/hashring/types';
import { nodeRef } from '../../i18n';
import { angleOf, ARC_W, at, nodeColor, ownedArcs, RING_C, RING_R } from './ringGeometry';

const arcPath = arc<{ start: number; end: number }>()
  .innerRadius(RING_R - ARC_W / 2)
  .outerRadius(RING_R + ARC_W / 2)
  .startAngle((d) => d.start)
  .endAngle((d) => d.end);

/** Up to this many points on the ring, each is drawn as a tick. */
const TICKS_MAX = 240;

/** An arc this long (radians) carries its node's name. */
const LABEL_MIN = 0.32;

export const RingArcs = memo(function RingArcs({ layout, labelSize }: { layout: RingLayout | null; labelSize: number }) {
  const shapes = useMemo(() => {
    if (!layout || layout.positions.length === 0) return null;
    const arcs = ownedArcs(layout.positions, layout.pointOwners);
    const byNode = new Map<number, { arcs: string[]; ticks: string[] }>();
    const get = (id: number) => {
      let e = byNode.get(id);
      if (!e) byNode.set(id, (e = { arcs: [], ticks: [] }));
      return e;
    };
    for (const a of arcs) get(a.node).arcs.push(arcPath(a) ?? '');
    // Ticks while they can be told apart (a few per node); past that the arcs alone show the points.
    const ticks = layout.positions.length <= TICKS_MAX ? layout.positions.length : 0;
    for (let i = 0; i < ticks; i++) {
      const a = angleOf(layout.positions[i]);
      const p0 = at(a, RING_R - ARC_W / 2 - 3);
      const p1 = at(a, RING_R + ARC_W / 2 + 3);
      get(layout.pointOwners[i]).ticks.push(`M${(p0.x - RING_C.x).toFixed(1)},${(p0.y - RING_C.y).toFixed(1)}L${(p1.x - RING_C.x).toFixed(1)},${(p1.y - RING_C.y).toFixed(1)}`);
    }
    const labels = arcs
      .filter((a) => a.end - a.start >= LABEL_MIN)
      .map((a) => ({ node: a.node, p: at((a.start + a.end) / 2, RING_R), key: `${a.node}:${a.start.toFixed(4)}` }));
    return { byNode: [...byNode.entries()].sort((a, b) => a[0] - b[0]), labels };
  }, [layout]);

  return (
    <g className="ring-arcs" aria-hidden="true">
      <circle className="ring-circle" cx={RING_C.x} cy={RING_C.y} r={RING_R} />
      {shapes && (
        <g transform={`translate(${RING_C.x},${RING_C.y})`}>
          {shapes.byNode.map(([id, s]) => (
            <g key={id} data-arcs={id}>
              <path className="ring-arc" d={s.arcs.join('')} fill={nodeColor(id)} />
              <path className="ring-tick" d={s.ticks.join('')} />
            </g>
          ))}
        </g>
      )}
      {shapes?.labels.map((l) => (
        <text key={l.key} className="ring-arc-label" x={l.p.x} y={l.p.y} textAnchor="middle" dominantBaseline="central" style={{ fontSize: labelSize * 0.8 }}>
          {nodeRef(l.node)}
        </text>
      ))}
    </g>
  );
});
